// Reminders: the open statutory obligations of the cases in the store that
// are overdue or fall due soon, with the worker and team allocated and any
// acknowledgement.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <oversight/calendar/calendar.hpp>
#include <oversight/calendar/duration.hpp>
#include <oversight/casework/case.hpp>
#include <oversight/core/date.hpp>
#include <oversight/core/pseudonym.hpp>
#include <oversight/reminders/acknowledgement.hpp>
#include <oversight/rules/rule_pack.hpp>
#include <oversight/rules/schedule.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

enum class ReminderState { overdue, due_soon };
std::string_view to_string(ReminderState s) noexcept;  // "overdue", "due"

/// An open obligation that is overdue or falls due within the window.
struct Reminder {
    Obligation obligation;  // child, worker, team, rule, due, explanation
    ReminderState state = ReminderState::due_soon;
    /// due_soon: working days left, i.e. working days in (as_of, due]
    ///   (0 = due today or on the next non-working days);
    /// overdue: working days late, i.e. working days in (due, as_of]
    ///   (0 only when it fell due on a non-working day just passed).
    int working_days = 0;
    std::optional<Acknowledgement> acknowledgement;
};
bool operator==(const Reminder& a, const Reminder& b);
inline bool operator!=(const Reminder& a, const Reminder& b) { return !(a == b); }

/// Every open obligation of the cases matching `filter` that is overdue on
/// `as_of` or due on or before add_duration(as_of, window) (e.g.
/// {10, Unit::working_days}: the next 10 working days), with the worker and
/// team allocated on `as_of` and any acknowledgement. Sorted: overdue first
/// (earliest due first), then by due date, child id and rule id. Rules in
/// school terms or days (PEP reviews) are counted with `school`, the terms
/// of the authority's schools; without it they are left out. `not_counted`
/// (when given) receives what was left out, so callers can say so: the
/// rules (rules_not_counted, rules/schedule.hpp) and the obligations that
/// could not be dated because their count runs past the school calendar's
/// last term and could fall in the window (undated_not_counted).
std::vector<Reminder> reminders(const Store& store, const RulePack& pack, const Calendar& calendar, Date as_of,
                                Duration window, const CaseFilter& filter = {},
                                const SchoolCalendar* school = nullptr,
                                std::vector<std::pair<std::string, std::string>>* not_counted = nullptr);

/// The reminders as the JSON document {"format":"oversight-reminders",
/// "version":1,"reminders":[{"key","child","worker","team","rule","title",
/// "due","anchor","anchor_event","state","working_days_left",
/// "working_days_late","explanation","source","layer","acknowledged_by",
/// "acknowledged_at","note"}],"not_counted":[{"rule","reason"}]} (the
/// acknowledgement's three null when not acknowledged; not_counted: what
/// reminders() left out; schema:
/// data/schemas/oversight-reminders.schema.json).
std::string reminders_to_json(const std::vector<Reminder>& reminders,
                              const std::vector<std::pair<std::string, std::string>>& not_counted = {});
/// The same reminders as a bare JSON array (keys sorted), as the CLI's
/// `remind --format json` has always printed them.
std::string reminders_to_json_array(const std::vector<Reminder>& reminders);

/// Makes reminders fit to share without ids: each child id becomes its
/// pseudonym (core/pseudonym.hpp) and acknowledgement notes, free text
/// that may name the child, are left out. Every export of the result
/// (JSON, digest, iCalendar) then carries pseudonyms only.
void pseudonymise(std::vector<Reminder>& reminders, const Pseudonymiser& pseudonym);

}  // namespace oversight
