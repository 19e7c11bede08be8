// The SSDA903 (children looked after) statutory return read into casework:
// children, episodes and reviews become children, events and attributes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <oversight/casework/child.hpp>
#include <oversight/core/date.hpp>
#include <oversight/import/import_issue.hpp>
#include <oversight/rules/schedule.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

/// One event read from an SSDA903 return, with its place.
struct Ssda903Event {
    std::string child_id;
    CaseEvent event;
    std::string file;
    int line = 0;
};
struct Ssda903Attribute {
    std::string child_id;
    std::string key;  // legal_status, placement_type
    std::string value;
    Date effective_from;
};

/// What an SSDA903 folder holds, as casework (see read_ssda903).
struct Ssda903Data {
    std::vector<Child> children;            // header.csv
    std::vector<Ssda903Event> events;       // file order
    std::vector<Ssda903Attribute> attributes;
    /// importer "ssda903", source the folder; counts header_rows,
    /// episode_rows, review_rows; issues: rows or values not used (errors)
    /// and doubts (warnings), in file order.
    ImportSummary summary;
};

/// Reads header.csv, episodes.csv and reviews.csv (DD/MM/YYYY dates) from
/// `folder`. Events:
///   became_looked_after  episode DECOM where RNE = S;
///   placement_start      episode DECOM where the placement changed (RNE S,
///                        P, T, B or U), attributes placement_type = PLACE,
///                        legal_status = LS;
///   legal_status_change  episode DECOM where RNE = L, legal_status = LS;
///   ceased_looked_after  episode DEC where REC is given and is not X1,
///                        attribute reason = REC;
///   review               reviews REVIEW, attribute review_code = REVIEW_CODE.
/// Every episode also sets the attributes legal_status and placement_type
/// (RNE L: legal_status only) from DECOM. Bad rows (missing fields,
/// impossible dates, DEC before DECOM, unknown child) become warnings naming
/// file:line and are never silently dropped. Error(io) if a file is missing,
/// Error(parse) if a file is not CSV or lacks a required column.
Ssda903Data read_ssda903(const std::string& folder);

/// read_ssda903() then stores everything in one transaction. Importing the
/// same files again adds nothing (events are keyed by child, type, date,
/// attributes and source). Returns read_ssda903()'s summary with the counts
/// children_added, events_added, events_already_present (identical to a
/// stored event: an earlier import, or repeated in the file) and
/// attributes_set added.
ImportSummary import_ssda903(Store& store, const std::string& folder, std::string_view recorded_by = "ssda903 import");

}  // namespace oversight
