// Reminders of a plan's inspection clocks (plan/inspection.hpp): the draft
// and the final action plan due to Ofsted, for the inspection's owner,
// overdue or falling due soon (issue 11 point 6). The first monitoring
// visit is Ofsted's date, not the council's: it is never a reminder.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <oversight/calendar/calendar.hpp>
#include <oversight/core/date.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

struct InspectionReminder {
    std::int64_t plan_id = 0;
    std::string plan;        // the plan's title
    std::string clock_id;    // "draft_plan", "action_plan"
    std::string clock;       // "draft plan due", "action plan due"
    std::string rule;        // "70 working days after the letter of 2024-02-16"
    std::string owner;       // "" when the inspection names none
    Date due;
    bool overdue = false;    // due before as_of
    int working_days = 0;    // working days late (overdue) or left (0: due today)
};

/// The open clocks of every stored plan's inspection that are overdue or
/// due on or before `until`, for `owner` only when given (ignoring case):
/// overdue first, then by due date and plan id.
std::vector<InspectionReminder> inspection_reminders(const Store& store, const Calendar& calendar, Date as_of,
                                                     Date until,
                                                     const std::optional<std::string>& owner = std::nullopt);
/// The items of the "inspection_clocks" section of the oversight-reminders
/// document: [{"plan_id","plan","clock_id","clock","rule","owner","due",
/// "state":"overdue"|"due","working_days"}].
std::string inspection_reminders_to_json(const std::vector<InspectionReminder>& reminders);

}  // namespace oversight
