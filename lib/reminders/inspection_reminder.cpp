// Reminders of a plan's inspection clocks (reminders/inspection_reminder.hpp).
#include <oversight/reminders/inspection_reminder.hpp>

#include <oversight/plan/inspection.hpp>
#include <oversight/plan/plan_store.hpp>

#include "core/text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace oversight {

std::vector<InspectionReminder> inspection_reminders(const Store& store, const Calendar& calendar, Date as_of,
                                                     Date until, const std::optional<std::string>& owner) {
    const std::string who = owner ? detail::lower(detail::trim(*owner)) : std::string();
    std::vector<InspectionReminder> out;
    for (const PlanSummary& s : list_plans(store)) {
        const Plan plan = load_plan(store, s.id);
        if (!plan.inspection) continue;
        if (owner && detail::lower(detail::trim(plan.inspection->owner)) != who) continue;
        for (const InspectionClock& c : inspection_clocks(plan, calendar, as_of)) {
            if (c.state != ClockState::open && c.state != ClockState::overdue) continue;
            if (until < c.due) continue;
            InspectionReminder r;
            r.plan_id = plan.id;
            r.plan = plan.title;
            r.clock_id = c.id;
            r.clock = c.name;
            r.rule = c.rule;
            r.owner = plan.inspection->owner;
            r.due = c.due;
            r.overdue = c.state == ClockState::overdue;
            r.working_days = r.overdue ? -c.working_days_left : c.working_days_left;
            out.push_back(std::move(r));
        }
    }
    std::sort(out.begin(), out.end(), [](const InspectionReminder& a, const InspectionReminder& b) {
        if (a.overdue != b.overdue) return a.overdue;
        if (a.due != b.due) return a.due < b.due;
        return a.plan_id < b.plan_id;
    });
    return out;
}

std::string inspection_reminders_to_json(const std::vector<InspectionReminder>& reminders) {
    using ojson = nlohmann::ordered_json;
    ojson list = ojson::array();
    for (const InspectionReminder& r : reminders)
        list.push_back({{"plan_id", r.plan_id},
                        {"plan", r.plan},
                        {"clock_id", r.clock_id},
                        {"clock", r.clock},
                        {"rule", r.rule},
                        {"owner", r.owner},
                        {"due", r.due.iso()},
                        {"state", r.overdue ? "overdue" : "due"},
                        {"working_days", r.working_days}});
    return list.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

}  // namespace oversight
