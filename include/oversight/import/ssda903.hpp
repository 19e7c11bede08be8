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
    std::vector<Child> children;            // header.csv, then children met first in episodes/reviews
    std::vector<Ssda903Event> events;       // per child in episode date order, then reviews in file order
    std::vector<Ssda903Attribute> attributes;
    /// importer "ssda903", source the folder; counts header_rows,
    /// episode_rows, review_rows, unknown_codes, periods_begun_before_return,
    /// cessations_overlapped; issues: rows or values not used (errors),
    /// doubts (warnings) and notes, per file in line order.
    ImportSummary summary;
};

/// Reads header.csv, episodes.csv and reviews.csv (DD/MM/YYYY dates) from
/// `folder`. Events:
///   became_looked_after  episode DECOM where RNE = S; also where a period of
///                        care is under way but began before the return (see
///                        below);
///   placement_start      episode DECOM where the placement changed (RNE S,
///                        P, T, B or U), attributes placement_type = PLACE,
///                        legal_status = LS;
///   legal_status_change  episode DECOM where RNE = L, legal_status = LS;
///   ceased_looked_after  episode DEC where REC is given and is not X1, and
///                        the episode is the current one (see below),
///                        attribute reason = REC;
///   review               reviews REVIEW, attribute review_code = REVIEW_CODE.
/// Every episode also sets the attributes legal_status and placement_type
/// (RNE L: legal_status only) from DECOM. Episodes of a child starting the
/// same day set one value per key and day: the last row's (in the order the
/// validator uses, by DECOM, then by line), with a warning at that row
/// naming the other's line when their codes differ; so importing the return
/// again changes nothing. (Within a run of adjacent rows of the child; rows
/// of a child that are not next to each other are warned of already.)
///
/// Codes. RNE, LS, PLACE, REC, PLACE_PROVIDER (if the column is there) and
/// REVIEW_CODE are checked against the SSDA903 code lists
/// (casework/codes.hpp, which names their source). An unknown code is an
/// issue naming file, line and column, the DfE rule (143, 144, 146, 149,
/// 178, 167) and the nearest valid code ("did you mean U3?"), and is never
/// stored: an unknown PLACE or LS sets no attribute and is left out of the
/// event, so the value in force stays the last valid one and the visit
/// regime is not silently changed (a warning: the episode is used); an
/// unknown RNE records no episode event and an unknown REC no end of episode
/// (errors: the obligations stay open rather than being closed by a typo).
/// An empty REVIEW_CODE is a warning (DfE rule 167).
///
/// Episodes and periods of care. The rows of one child are expected next to
/// each other (as every return is written); each run of adjacent rows is put
/// in DECOM order and checked as the DfE validator does: rule 142 (an
/// episode other than the last has no DEC/REC: a warning on that episode)
/// and rule 501 (an episode starts before the previous one ended: a warning
/// on the later one, "rule 501: episode starting 2024-03-01 begins before
/// the previous episode ended (2024-04-01, line 3)"). A period of care is
/// ended only by the cessation of its own current episode, the latest begun:
/// the end of an older episode that a later one overlaps (starts before it
/// ended) ends nothing (a rule 501 warning on its DEC; counted as
/// cessations_overlapped), so the current period keeps its review chain. A
/// child whose first episode in the return has an RNE other than S was
/// already looked after when the return began: a became_looked_after is
/// recorded on that episode's DECOM with inferred_from =
/// first_episode_in_return, so visits and reviews are counted from the
/// events in the return; a note on the row says so and the summary counts
/// periods_begun_before_return. After a cessation, an episode whose RNE is
/// not S starts a period the same way (inferred_from =
/// episode_after_cessation, a warning citing rule 432). Rows of a child
/// that come back after other children's are checked as a new run (a
/// warning when they start before its earlier rows).
///
/// Bad rows (missing fields,
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

/// read_ssda903()'s reading, storing each child, event and attribute as it
/// is read, in one transaction: memory holds the ids of the children seen
/// and one child's episodes, not the file. Importing the
/// same files again adds nothing (events are keyed by child, type, date,
/// attributes and source). Returns read_ssda903()'s summary with the counts
/// children_added, events_added, events_already_present (identical to a
/// stored event: an earlier import, or repeated in the file) and
/// attributes_set added.
ImportSummary import_ssda903(Store& store, const std::string& folder, std::string_view recorded_by = "ssda903 import");

}  // namespace oversight
