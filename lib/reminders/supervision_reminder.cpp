// Reminders of supervision (reminders/supervision_reminder.hpp).
#include <oversight/reminders/supervision_reminder.hpp>

#include <oversight/supervision/supervision.hpp>

#include <oversight/core/error.hpp>

#include "core/text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

namespace oversight {

std::vector<SupervisionReminder> supervision_reminders(const Store& store, Date as_of, Duration window,
                                                       const Calendar& calendar, const SupervisionStandard& standard,
                                                       std::string_view supervisor) {
    if (window.count < 0 || window.count > 3660)
        throw Error(Status::invalid_arg, "supervision reminders: a window of " + describe(window) +
                                             " is outside 0..3660");
    const Date until = add_duration(as_of, window, calendar);
    const SupervisionReport report = supervision_report(store, as_of, as_of, standard, calendar);
    std::vector<SupervisionReminder> out;
    for (const WorkerSupervision& w : report.workers) {
        if (!w.next_due || until < *w.next_due) continue;
        if (!supervisor.empty() && detail::lower(w.supervisor) != detail::lower(supervisor)) continue;
        SupervisionReminder r;
        r.supervisor = w.supervisor;
        r.person = w.person;
        r.team = w.team;
        r.due = *w.next_due;
        if (r.due < as_of) {
            r.state = ReminderState::overdue;
            r.working_days = calendar.working_days_between(r.due, as_of);
        } else {
            r.working_days = calendar.working_days_between(as_of, r.due);
        }
        out.push_back(std::move(r));
    }
    std::sort(out.begin(), out.end(), [](const SupervisionReminder& a, const SupervisionReminder& b) {
        if (a.supervisor != b.supervisor) return a.supervisor < b.supervisor;
        if (a.due != b.due) return a.due < b.due;
        return a.person < b.person;
    });
    return out;
}

std::string supervision_reminders_to_json(Date as_of, Date until, const std::vector<SupervisionReminder>& reminders) {
    using ojson = nlohmann::ordered_json;
    ojson doc = {{"format", "oversight-supervision-reminders"},
                 {"version", 1},
                 {"as_of", as_of.iso()},
                 {"until", until.iso()},
                 {"reminders", ojson::array()}};
    for (const SupervisionReminder& r : reminders)
        doc["reminders"].push_back({{"supervisor", r.supervisor},
                                    {"person", r.person},
                                    {"team", r.team},
                                    {"due", r.due.iso()},
                                    {"state", std::string(to_string(r.state))},
                                    {"working_days", r.working_days}});
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

std::string supervision_digest(const std::vector<SupervisionReminder>& reminders, Date as_of) {
    std::ostringstream out;
    std::size_t i = 0;
    if (reminders.empty()) out << "No supervision due on " << as_of.iso() << "\n";
    while (i < reminders.size()) {
        const std::string& who = reminders[i].supervisor;
        std::size_t j = i;
        int overdue = 0;
        while (j < reminders.size() && reminders[j].supervisor == who) {
            if (reminders[j].state == ReminderState::overdue) ++overdue;
            ++j;
        }
        out << "Supervision for " << (who.empty() ? "(no line manager)" : detail::sanitize_utf8(who)) << " on "
            << as_of.iso() << ": " << overdue << " overdue, " << (j - i - overdue) << " due soon\n";
        for (; i < j; ++i) {
            const SupervisionReminder& r = reminders[i];
            out << "  " << detail::sanitize_utf8(r.person) << (r.team.empty() ? "" : " (" + detail::sanitize_utf8(r.team) + ")")
                << (r.state == ReminderState::overdue ? ": OVERDUE since " : ": due ") << r.due.iso() << ", "
                << r.working_days << " working day(s) " << (r.state == ReminderState::overdue ? "late" : "left") << "\n";
        }
    }
    return out.str();
}

}  // namespace oversight
