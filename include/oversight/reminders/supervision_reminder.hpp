// Reminders of supervision (issue 10 point 7): each worker's next
// supervision due, overdue or within a window, addressed to the supervisor
// (the worker's line manager on the day), from the supervision subsystem's
// compliance as of that day; and the plain-text digest a supervisor could be
// emailed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <oversight/calendar/calendar.hpp>
#include <oversight/calendar/duration.hpp>
#include <oversight/core/date.hpp>
#include <oversight/reminders/reminder.hpp>
#include <oversight/supervision/standard.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

struct SupervisionReminder {
    std::string supervisor;  // the line manager on as_of; "" when none
    std::string person;      // the worker to be supervised
    std::string team;        // the worker's team on as_of
    Date due;
    ReminderState state = ReminderState::due_soon;
    /// due_soon: working days in (as_of, due]; overdue: working days in (due, as_of].
    int working_days = 0;
};

/// Every worker's next supervision that is overdue on `as_of` or due on or
/// before add_duration(as_of, window), by supervisor, then due date, then
/// person; only `supervisor`'s (ignoring case) when not empty.
/// Error(invalid_arg) for a window outside 0..3660 (in its unit).
std::vector<SupervisionReminder> supervision_reminders(
    const Store& store, Date as_of, Duration window, const Calendar& calendar,
    const SupervisionStandard& standard = SupervisionStandard::england_default(), std::string_view supervisor = {});

/// {"format":"oversight-supervision-reminders","version":1,"as_of","until",
///  "reminders":[{"supervisor","person","team","due","state":"overdue"|"due",
///  "working_days"}]} (schema: oversight-supervision-reminders); `until` is
/// the end of the window (add_duration(as_of, window)).
std::string supervision_reminders_to_json(Date as_of, Date until, const std::vector<SupervisionReminder>& reminders);

/// Plain text per supervisor: a heading with the counts, then one line per
/// worker ("OVERDUE since" / "due"), working days late or left.
std::string supervision_digest(const std::vector<SupervisionReminder>& reminders, Date as_of);

}  // namespace oversight
