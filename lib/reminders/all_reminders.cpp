// Everything due for `oversight remind` (reminders/all_reminders.hpp); the
// iCalendar file is built in ics.cpp with the casework tasks.
#include <oversight/reminders/all_reminders.hpp>

#include <oversight/reminders/digest.hpp>
#include <oversight/rules/schedule.hpp>

#include "core/text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

namespace oversight {

AllReminders all_reminders(const Store& store, const RulePack& pack, const Calendar& calendar, Date as_of,
                           Duration window, const CaseFilter& filter, const SchoolCalendar* school,
                           const SupervisionStandard& standard) {
    AllReminders out;
    out.as_of = as_of;
    out.casework = reminders(store, pack, calendar, as_of, window, filter, school, &out.not_counted);
    out.until = add_duration(as_of, window, calendar);
    if (!filter.team) {
        // The casework window counted to a day; the programmes' window is that
        // many calendar days (at most audit_reminders' 3660).
        out.audits =
            audit_reminders(store, as_of, std::min(Date::days_between(as_of, out.until), 3660), filter.worker);
    }
    // The same window, counted the same way (add_duration on the same calendar).
    out.supervisions =
        supervision_reminders(store, as_of, window, calendar, standard, filter.worker ? *filter.worker : std::string());
    if (!filter.team) out.inspections = inspection_reminders(store, calendar, as_of, out.until, filter.worker);
    if (filter.team) {
        const std::string team = detail::lower(*filter.team);
        out.supervisions.erase(std::remove_if(out.supervisions.begin(), out.supervisions.end(),
                                              [&](const SupervisionReminder& r) { return detail::lower(r.team) != team; }),
                               out.supervisions.end());
    }
    return out;
}

std::string all_reminders_to_json(const AllReminders& all) {
    using ojson = nlohmann::ordered_json;
    // Each section from its shape's one builder.
    ojson doc = ojson::parse(reminders_to_json(all.casework, all.not_counted));
    const int days = Date::days_between(all.as_of, all.until);
    doc["audit_programmes"] = ojson::parse(audit_reminders_to_json(all.as_of, days, all.audits))["reminders"];
    doc["supervisions"] =
        ojson::parse(supervision_reminders_to_json(all.as_of, all.until, all.supervisions))["reminders"];
    doc["inspection_clocks"] = ojson::parse(inspection_reminders_to_json(all.inspections));
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

std::string all_reminders_digest(const AllReminders& all, Duration window, const CaseFilter& filter) {
    std::ostringstream out;
    out << digest(all.casework, all.as_of, window, filter);
    if (!all.audits.empty()) {
        out << "\n=== Audit programmes due ===\n";
        for (const AuditReminder& r : all.audits)
            out << detail::sanitize_utf8(r.owner) << ": " << detail::sanitize_utf8(r.programme) << " ("
                << detail::sanitize_utf8(r.type) << ") " << (r.overdue ? "OVERDUE since " : "due ") << r.due.iso()
                << ", " << r.days << " day(s) " << (r.overdue ? "late" : "left") << "\n";
    }
    if (!all.supervisions.empty()) {
        out << "\n=== Supervision due ===\n";
        out << supervision_digest(all.supervisions, all.as_of);
    }
    if (!all.inspections.empty()) {
        out << "\n=== Inspection clocks ===\n";
        for (const InspectionReminder& r : all.inspections)
            out << detail::sanitize_utf8(r.owner.empty() ? std::string("(no owner)") : r.owner) << ": "
                << detail::sanitize_utf8(r.plan) << ": " << r.clock << " " << (r.overdue ? "OVERDUE since " : "")
                << r.due.iso() << ", " << r.working_days << " working day(s) " << (r.overdue ? "late" : "left")
                << " (" << r.rule << ")\n";
    }
    return out.str();
}

}  // namespace oversight
