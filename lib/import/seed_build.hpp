// Private to lib/import: the seed importer's assembling stage. Classified
// lines become the Plan (sections, recommendations, actions, continuation
// text, tasks and milestones, costs and leads), and every line is accounted
// for; the repairs it needs on the way are seed_repair's.
#pragma once

#include "import/seed_lines.hpp"
#include "import/seed_repair.hpp"
#include "import/seed_text.hpp"

#include <oversight/import/seed_plan.hpp>
#include <oversight/plan/plan.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace oversight::detail::seed {

/// An action as read: where it is in the plan, its line, its Progress text.
struct SeedAction {
    std::size_t rec = 0, act = 0;  // indices into plan.recommendations / actions
    int line = 0;
    std::string progress;
};

/// The plan as assembled from the lines, before the plan-wide repairs.
struct SeedDraft {
    Plan plan;
    std::vector<ImportedLine> lines;  // one per input line
    std::vector<SeedAction> actions;  // in the order read

    ActionLines action_lines() const;
};

/// Assembles the plan from `lines`, whose first non-blank line is the table
/// header (require_table_header).
SeedDraft build_plan(const std::vector<Line>& lines, const SeedImportOptions& options, SeedIssues& issues);

/// Once the references are final: each action's status, inferred from its
/// Progress, which becomes an update dated the report date (else the import
/// date, with a warning); milestones from tasks with a full date; the
/// warnings about the plan as a whole.
void finish_plan(SeedDraft& draft, const SeedImportOptions& options, SeedIssues& issues);

}  // namespace oversight::detail::seed
