// Private to lib/import: the counts every plan import reports.
#pragma once

#include <oversight/import/import_issue.hpp>
#include <oversight/plan/plan.hpp>

namespace oversight::detail {

/// Adds what `plan` holds to `summary`, in this order: sections,
/// recommendations, actions, withdrawn (actions), progress_updates, tasks,
/// milestones.
void add_plan_counts(ImportSummary& summary, const Plan& plan);

}  // namespace oversight::detail
