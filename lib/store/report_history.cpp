// The reports' read of the change history (report/report_repository.hpp):
// the rows about one plan in a time window, from the store's history.
#include <oversight/store/history.hpp>
#include <oversight/store/store.hpp>

#include "report/report_repository.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

namespace oversight::detail {

std::vector<PlanHistoryEntry> plan_history(const Store& store, const Plan& plan, std::string_view from_at,
                                           std::string_view to_at) {
    // One read per kind of entity (each kind's rows over every plan: few
    // beside a case store's), kept when the id is this plan's.
    std::map<std::string, std::set<std::int64_t>> ids;
    ids["plan"].insert(plan.id);
    for (const Recommendation& r : plan.recommendations) {
        ids["recommendation"].insert(r.id);
        for (const Action& a : r.actions) {
            ids["action"].insert(a.id);
            for (const ProgressUpdate& u : a.updates) ids["progress_update"].insert(u.id);
            for (const Milestone& m : a.milestones) ids["milestone"].insert(m.id);
            for (const Task& t : a.tasks) ids["task"].insert(t.id);
        }
    }
    std::vector<std::pair<std::int64_t, PlanHistoryEntry>> rows;
    for (const auto& [entity, wanted] : ids) {
        HistoryFilter filter;
        filter.entity = entity;
        for (const Change& c : store.history(filter)) {
            if (!wanted.count(c.entity_id) || c.at < from_at || c.at > to_at) continue;
            rows.push_back({c.seq, PlanHistoryEntry{c.at, c.entity, c.entity_id, c.field, c.old_value, c.new_value}});
        }
    }
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<PlanHistoryEntry> out;
    out.reserve(rows.size());
    for (auto& r : rows) out.push_back(std::move(r.second));
    return out;
}

}  // namespace oversight::detail
