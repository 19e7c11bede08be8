// Reminders of audit programmes due, for their owners
// (reminders/audit_reminder.hpp).
#include <oversight/reminders/audit_reminder.hpp>

#include <oversight/audit/audit.hpp>
#include <oversight/core/error.hpp>

#include "core/text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace oversight {

std::vector<AuditReminder> audit_reminders(const Store& store, Date as_of, int window_days,
                                           const std::optional<std::string>& owner) {
    if (window_days < 0 || window_days > 3660)
        throw Error(Status::invalid_arg, "audit reminders: a window of " + std::to_string(window_days) +
                                             " days is outside 0..3660");
    const Date until = as_of.add_days(window_days);
    const std::string who = owner ? detail::lower(detail::trim(*owner)) : std::string();
    std::vector<AuditReminder> out;
    for (const AuditProgramme& p : list_audit_programmes(store)) {
        if (!p.next_due || until < *p.next_due) continue;
        if (owner && detail::lower(p.owner) != who) continue;
        AuditReminder r{p.name, p.type, p.owner, *p.next_due};
        r.overdue = *p.next_due < as_of;
        r.days = r.overdue ? Date::days_between(*p.next_due, as_of) : Date::days_between(as_of, *p.next_due);
        out.push_back(std::move(r));
    }
    std::sort(out.begin(), out.end(), [](const AuditReminder& a, const AuditReminder& b) {
        if (a.overdue != b.overdue) return a.overdue;
        if (a.due != b.due) return a.due < b.due;
        return a.programme < b.programme;
    });
    return out;
}

std::string audit_reminders_to_json(Date as_of, int window_days, const std::vector<AuditReminder>& reminders) {
    using ojson = nlohmann::ordered_json;
    ojson doc = {{"format", "oversight-audit-reminders"},
                 {"version", 1},
                 {"as_of", as_of.iso()},
                 {"until", as_of.add_days(window_days).iso()},
                 {"reminders", ojson::array()}};
    for (const AuditReminder& r : reminders)
        doc["reminders"].push_back({{"programme", r.programme},
                                    {"type", r.type},
                                    {"owner", r.owner},
                                    {"due", r.due.iso()},
                                    {"state", r.overdue ? "overdue" : "due"},
                                    {"days", r.days}});
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

}  // namespace oversight
