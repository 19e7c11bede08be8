// Reminders grouped by worker or team, and their plain-text digests.
#include <oversight/reminders/digest.hpp>

#include "reminders/reminder_detail.hpp"

#include <algorithm>
#include <map>
#include <sstream>

namespace oversight {

namespace {

const char* const kUnallocated = "(unallocated)";

std::string plural(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::vector<ReminderGroup> group_reminders(const std::vector<Reminder>& list, GroupBy by) {
    std::map<std::string, ReminderGroup> groups;
    for (const Reminder& r : list) {
        const std::string& name = by == GroupBy::worker ? r.obligation.worker : r.obligation.team;
        ReminderGroup& g = groups[name];
        g.name = name.empty() ? kUnallocated : name;
        g.items.push_back(r);
        (r.state == ReminderState::overdue ? g.overdue : g.due_soon)++;
        if (r.acknowledgement) ++g.acknowledged;
    }
    std::vector<ReminderGroup> out;
    for (auto& [name, g] : groups)
        if (!name.empty()) out.push_back(std::move(g));
    if (auto it = groups.find(""); it != groups.end()) out.push_back(std::move(it->second));
    for (auto& g : out) std::stable_sort(g.items.begin(), g.items.end(), detail::reminder_order);
    return out;
}

namespace {

std::string line_for(const Reminder& r, GroupBy by) {
    const Obligation& o = r.obligation;
    std::ostringstream s;
    s << "  " << o.due.iso() << "  ";
    if (r.state == ReminderState::overdue)
        s << plural(r.working_days, "working day late", "working days late");
    else if (r.working_days == 0)
        s << "due today";
    else
        s << plural(r.working_days, "working day left", "working days left");
    s << "  child " << o.child_id << "  " << o.title << " (" << o.rule_id << ")";
    if (by == GroupBy::team) s << "  worker: " << (o.worker.empty() ? kUnallocated : o.worker);
    if (r.acknowledgement) {
        s << "  [acknowledged by " << r.acknowledgement->by << " " << r.acknowledgement->at;
        if (!r.acknowledgement->note.empty()) s << ": " << r.acknowledgement->note;
        s << "]";
    }
    s << "\n";
    return s.str();
}

}  // namespace

std::string digest(const ReminderGroup& group, GroupBy by, Date as_of, Duration window) {
    std::ostringstream s;
    s << "Reminders for " << (by == GroupBy::worker ? "worker " : "team ") << group.name;
    if (by == GroupBy::worker && !group.items.empty() && !group.items.front().obligation.team.empty())
        s << " (team " << group.items.front().obligation.team << ")";
    s << " as of " << as_of.iso() << "\n";
    s << plural(group.overdue, "overdue", "overdue") << ", " << group.due_soon << " due within " << describe(window)
      << ", " << group.acknowledged << " acknowledged\n";
    if (group.overdue > 0) {
        s << "\nOVERDUE\n";
        for (const Reminder& r : group.items)
            if (r.state == ReminderState::overdue) s << line_for(r, by);
    }
    if (group.due_soon > 0) {
        std::string title = describe(window);
        for (char& c : title) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        s << "\nDUE WITHIN " << title << "\n";
        for (const Reminder& r : group.items)
            if (r.state == ReminderState::due_soon) s << line_for(r, by);
    }
    return s.str();
}

std::string digest(const std::vector<Reminder>& list, Date as_of, Duration window, const CaseFilter& scope) {
    if (scope.worker || scope.team) {
        GroupBy by = scope.worker ? GroupBy::worker : GroupBy::team;
        const std::string& name = scope.worker ? *scope.worker : *scope.team;
        ReminderGroup group;
        for (auto& g : group_reminders(list, by))
            if (g.name == name) group = std::move(g);
        group.name = name;
        return digest(group, by, as_of, window);
    }
    if (list.empty())
        return "No reminders as of " + as_of.iso() + ": nothing overdue and nothing due within " + describe(window) + ".\n";
    std::ostringstream s;
    s << "=== By worker ===\n";
    for (const auto& g : group_reminders(list, GroupBy::worker)) s << "\n" << digest(g, GroupBy::worker, as_of, window);
    s << "\n=== By team ===\n";
    for (const auto& g : group_reminders(list, GroupBy::team)) s << "\n" << digest(g, GroupBy::team, as_of, window);
    return s.str();
}

}  // namespace oversight
