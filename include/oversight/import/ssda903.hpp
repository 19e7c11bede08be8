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
    std::vector<ImportIssue> warnings;      // rows or fields not used (errors) and doubts (warnings)
    int header_rows = 0;
    int episode_rows = 0;
    int review_rows = 0;
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

struct Ssda903Result {
    int children_added = 0;
    int events_added = 0;
    int events_already_present = 0;  // identical to a stored event (earlier import, or repeated in the file)
    int attributes_set = 0;
    std::vector<ImportIssue> warnings;
};
/// read_ssda903() then stores everything in one transaction. Importing the
/// same files again adds nothing (events are keyed by child, type, date,
/// attributes and source).
Ssda903Result import_ssda903(Store& store, const std::string& folder, std::string_view recorded_by = "ssda903 import");

}  // namespace oversight
