// Private to lib/: what the reports read from the store beyond the plan
// itself (which comes through the plan's port, plan_store.hpp): the change
// history about a plan, for the board paper's "changed since" column. The
// store defines it (lib/store/report_history.cpp) from its history; no SQL
// is needed.
#pragma once

#include <oversight/plan/plan.hpp>
#include <oversight/report/board_paper.hpp>

#include <string_view>
#include <vector>

namespace oversight {

class Store;

namespace detail {

/// The history rows about `plan` (the plan row, its recommendations,
/// actions, progress updates, milestones and tasks, by the ids in `plan`)
/// whose `at` is in [from_at, to_at] (UTC "YYYY-MM-DDTHH:MM:SSZ", compared as
/// text), oldest first.
std::vector<PlanHistoryEntry> plan_history(const Store& store, const Plan& plan, std::string_view from_at,
                                           std::string_view to_at);

}  // namespace detail
}  // namespace oversight
