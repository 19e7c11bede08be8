// The reminder feed: which reminders appeared, disappeared or changed, so a
// case system can raise and clear its own alerts.
//
// Two forms:
//
//  - Between two dates (reminder_changes): the reminders on `from` and on
//    `to` (reminders(), reminder.hpp, each computed from the store as it is
//    now, with the same window and filter), compared by their key (child,
//    rule, due date). This is what the passing of time does to a case
//    load: what falls into the window, becomes overdue, is met by an event
//    recorded on or before `to`, and so on.
//
//  - Since the host's last sync (reminder_changes_since): the store keeps
//    no copy of the reminders as they were at an earlier history sequence
//    (deletions, corrections and erasures rewrite the rows the reminders
//    are computed from), so this form does not rebuild the past: the host
//    passes back the reminders it received at its last sync (the
//    oversight-reminders document of reminders_to_json, or the bare array
//    of reminders_to_json_array, or the "current" list of a previous
//    reminder-changes document), and gets what differs from the reminders
//    now, on `as_of`. Each reminder-changes document carries the store's
//    latest history sequence (ReminderChanges::sequence, read before the
//    reminders were computed), which the host may keep beside the list to
//    read the changes_since (store/history.hpp) that explain it.
//
// Keys: a reminder is the same reminder when child id, rule id and due date
// are equal; a new due date (the chain restarted by an event) is a new
// reminder, and the old one disappears.
//
// Reasons (ReminderChange::reasons; one sentence in `detail`):
//   appeared:    "entered_window"  it was open, due beyond the window, and
//                                  now falls within it (or is overdue)
//                "new"             the case had no such obligation on `from`
//                                  (an event on or before `to` started or
//                                  moved on its chain)
//                "reallocated"     it was open and within the window but the
//                                  case was not in the filter (another worker
//                                  or team) on `from`
//                (none)            in the since form: the host's list does
//                                  not say when it was computed, so why a
//                                  reminder is new to it cannot be told
//   disappeared: "met"             an event met it (detail: the date)
//                "ended"           its chain ended unmet (a new placement,
//                                  ceasing to be looked after): a recorded
//                                  breach, no longer actionable
//                "reallocated"     still open, but the case left the filter
//                                  (now another worker's or team's)
//                "case_removed"    the child is no longer in the store
//                                  (erased, or renumbered)
//                "no_longer_due"   the case no longer has this obligation:
//                                  its chain was restarted or ended before
//                                  it fell due, the regime changed, or the
//                                  event that gave it was corrected or
//                                  deleted
//   changed:     "became_overdue"  due soon before, overdue now
//                "reallocated"     the worker or team changed (both reasons
//                                  may be given)
// A reminder whose only difference is its count of working days left or
// late is not a change.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <oversight/calendar/calendar.hpp>
#include <oversight/calendar/duration.hpp>
#include <oversight/casework/case.hpp>
#include <oversight/core/date.hpp>
#include <oversight/reminders/reminder.hpp>
#include <oversight/rules/rule_pack.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

/// A reminder as a host received it: what the since form compares.
struct ReminderSeen {
    std::string child_id;
    std::string rule_id;
    Date due;
    ReminderState state = ReminderState::due_soon;
    std::string worker;  // "" when unallocated
    std::string team;
    std::string title;   // may be empty
};
bool operator==(const ReminderSeen& a, const ReminderSeen& b);
inline bool operator!=(const ReminderSeen& a, const ReminderSeen& b) { return !(a == b); }

/// The reminders of a JSON text a host kept: an oversight-reminders
/// document ({"format":"oversight-reminders","version":1,"reminders":[...]}),
/// the bare array `remind --format json` prints, or an
/// oversight-reminder-changes document (its "current" list). Each item needs
/// "child", "rule", "due" (YYYY-MM-DD) and "state" ("overdue" or "due");
/// "worker", "team" and "title" are read when present (strings or null).
/// Other members are ignored. Error(parse) naming `source` and the element
/// ("reminders[3].due: ...") for anything else: not JSON, another format or
/// version, a missing or mistyped member, an impossible date, invalid UTF-8,
/// or the same key twice.
std::vector<ReminderSeen> read_reminder_list(std::string_view json_text, std::string_view source);

/// One appeared, disappeared or changed reminder.
struct ReminderChange {
    /// appeared and changed: the reminder now (on `to`); disappeared: as it
    /// was (on `from`, or as the host received it: then only the members a
    /// ReminderSeen has are filled, and working_days is 0).
    Reminder reminder;
    std::vector<std::string> reasons;  // see above; empty when it cannot be told
    std::string detail;                // one sentence; may be empty
    /// changed: the state, worker and team before.
    std::optional<ReminderState> state_before;
    std::string worker_before;
    std::string team_before;
};
bool operator==(const ReminderChange& a, const ReminderChange& b);
inline bool operator!=(const ReminderChange& a, const ReminderChange& b) { return !(a == b); }

struct ReminderChanges {
    std::optional<Date> from;  // the date form's first date; unset in the since form
    Date to;                   // the date the reminders now are computed on
    /// The store's latest history sequence when read (set by the C API and
    /// the CLI, which may read the store's history; unset here).
    std::optional<std::int64_t> sequence;
    std::vector<ReminderChange> appeared;     // in reminder order (reminder.hpp)
    std::vector<ReminderChange> disappeared;  // in reminder order, as they were
    std::vector<ReminderChange> changed;      // in reminder order
    std::vector<Reminder> current;            // every reminder on `to` (the list to keep for the next sync)
};

/// The date form. Error(invalid_arg) when `from` is after `to` or the
/// window is negative; Error(not_found) when the filter names an unknown
/// worker or team.
ReminderChanges reminder_changes(const Store& store, const RulePack& pack, const Calendar& calendar, Date from,
                                 Date to, Duration window, const CaseFilter& filter = {},
                                 const SchoolCalendar* school = nullptr);

/// The since form: `previous` (read_reminder_list) against the reminders on
/// `as_of` with this window and filter. Error(not_found) when the filter
/// names an unknown worker or team.
ReminderChanges reminder_changes_since(const Store& store, const RulePack& pack, const Calendar& calendar,
                                       const std::vector<ReminderSeen>& previous, Date as_of, Duration window,
                                       const CaseFilter& filter = {}, const SchoolCalendar* school = nullptr);

/// {"format":"oversight-reminder-changes","version":1,"from" (date or
/// null),"to","sequence" (or null),"appeared":[item],"disappeared":[item],
/// "changed":[item],"current":[reminder as reminders_to_json]}; an item is
/// {"key","child","worker","team","rule","title","due","state",
/// "working_days_left","working_days_late","reasons":[...],"detail",
/// "state_before","worker_before","team_before"} (the last three null but
/// in "changed"). Schema: data/schemas/oversight-reminder-changes.schema.json.
std::string reminder_changes_to_json(const ReminderChanges& changes);

}  // namespace oversight
