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
    int line = 0;  // where the row starts
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
/// impossible dates, DEC before DECOM, unknown child) become issues naming
/// file, line and, where one is at fault, the column; no row is silently
/// dropped. Fields are trimmed of white space; bytes that are not UTF-8 are
/// replaced by U+FFFD with a warning (a CHILD so repaired is not used); a
/// line of spaces is skipped like an empty line. Files are read one record
/// at a time. Error(io) if a file is missing; Error(parse) naming the place
/// if a file is not CSV (a misplaced quote, a NUL byte, UTF-16 or UTF-32
/// text), lacks a required column or names one twice.
Ssda903Data read_ssda903(const std::string& folder);

/// The texts of the return's three tables, for read_ssda903() without files.
struct Ssda903Files {
    std::string header;    // header.csv
    std::string episodes;  // episodes.csv
    std::string reviews;   // reviews.csv
};
/// The same from texts held in memory, named header.csv, episodes.csv and
/// reviews.csv in issues and errors; the summary's source is empty.
Ssda903Data read_ssda903(const Ssda903Files& files);

/// read_ssda903() then stores everything in one transaction. Importing the
/// same files again adds nothing (events are keyed by child, type, date,
/// attributes and source). Returns read_ssda903()'s summary with the counts
/// children_added, events_added, events_already_present (identical to a
/// stored event: an earlier import, or repeated in the file) and
/// attributes_set added.
ImportSummary import_ssda903(Store& store, const std::string& folder, std::string_view recorded_by = "ssda903 import");

}  // namespace oversight
