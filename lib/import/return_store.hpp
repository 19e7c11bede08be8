// Private to lib/import: storing what a return's reader read (CIN Census,
// CSWW, Annex A), one record at a time inside the import's transaction. A
// record the store refuses (a checked write that fails: an unknown worker, a
// conflicting external id, a date after today) becomes an error issue at
// the record's place, and the import goes on; a failure of the store itself
// (Error(db), Error(io)) ends the import, which then leaves nothing behind.
#pragma once

#include <oversight/casework/child.hpp>
#include <oversight/import/import_issue.hpp>
#include <oversight/rules/schedule.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace oversight {

class Store;

namespace detail {

/// An event a return gives, with the place its date came from (an issue
/// whose message is filled in when the event is refused).
struct ReturnEvent {
    std::string child_id;
    CaseEvent event;
    ImportIssue place;
};

/// The events the importers add to a return's own, as their headers
/// document (cin_census.hpp, annex_a.hpp), each with its source event's
/// place: for a referral whose outcome was no further action (event
/// attribute nfa "true" or "yes") a referral_decision {decision: "nfa"} on
/// the referral's date; for a section 47 enquiry that concluded no
/// conference was needed (icpc_not_required "true", icpc_unnecessary "yes")
/// and that no icpc of the child follows (before the child's next
/// s47_strategy_discussion), a cp_enquiry_closed {reason:
/// "icpc_not_required"} on the day after the strategy discussion (the
/// return has no date for the end of the enquiry; the schedule engine lets
/// an event that ends a chain on its trigger's own day end the chain before,
/// not after, so the next day is the first on which the ICPC's clock can
/// be stopped). The external id of each is `id_prefix` +
/// "<child>/<type>/<date>", as the return's own events have.
std::vector<ReturnEvent> derived_events(const std::vector<ReturnEvent>& events, std::string_view id_prefix);

/// Runs fn() as one step of the import's transaction (a savepoint; it opens
/// a transaction when none is): an Error other than db, io or nomem undoes
/// everything fn() wrote and the counts it added to `summary`, becomes an
/// error issue in `summary` at `place` (its message, then "not stored: "
/// and the error's), and false is returned; the import goes on.
bool report_refusal(Store& store, ImportSummary& summary, const ImportIssue& place, const std::function<void()>& fn);

/// Writes records into the store for one import, counting and reporting.
class ReturnWriter {
public:
    /// `source` is the event source ("cin-census:cin-2022.xml").
    ReturnWriter(Store& store, ImportSummary& summary, std::string_view recorded_by, std::string source);

    /// report_refusal into this import's summary.
    bool guard(const ImportIssue& place, const std::function<void()>& fn) {
        return report_refusal(store_, summary_, place, fn);
    }

    /// save_child; counts children_added, children_updated. A date of birth
    /// that differs from a stored one is a warning and not used (another
    /// return, or a case system, gave it first: two returns imported in turn
    /// would otherwise change it back and forth).
    void child(const Child& child, const ImportIssue& place);
    /// set_attribute; counts attributes_set (a new or changed value).
    void attribute(const std::string& child_id, const AttributeChange& change, const ImportIssue& place);
    /// save_event; counts events_added, events_updated, events_already_present.
    void event(const ReturnEvent& event);

    Store& store() noexcept { return store_; }
    ImportSummary& summary() noexcept { return summary_; }

private:
    Store& store_;
    ImportSummary& summary_;
    std::string recorded_by_;
    std::string source_;
};

/// An issue at `file` (no line): for a record that has no place of its own.
ImportIssue place_in(const std::string& file, std::string path = {});

/// The file name of a path ("cin-2022.xml"), for an event's source.
std::string file_name(const std::string& path);

}  // namespace detail
}  // namespace oversight
