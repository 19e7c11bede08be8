// The board paper (issue 11 point 4): the improvement plan in the seed's
// column layout as of a date, for an improvement board or scrutiny
// committee, with what changed since the previous paper marked. Built as a
// document (document.hpp) and written in any format (writer.hpp); the PDF is
// the HTML printed (headless Chromium).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <oversight/calendar/calendar.hpp>
#include <oversight/core/date.hpp>
#include <oversight/plan/plan.hpp>
#include <oversight/report/document.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

struct BoardPaperOptions {
    Date as_of;                 // the position shown: progress up to and RAG as of this day
    std::optional<Date> since;  // the previous paper's date: changes after it are marked
    /// The working-day calendar of the inspection clocks; null: England and Wales.
    const Calendar* calendar = nullptr;
};

/// One row of the store's change history about the plan (the fields of
/// store/history.hpp's Change that the paper reads): `at` is UTC
/// "YYYY-MM-DDTHH:MM:SSZ", entity one of "plan", "recommendation", "action",
/// "progress_update", "milestone", "task", field "*" for a creation.
struct PlanHistoryEntry {
    std::string at;
    std::string entity;
    std::int64_t entity_id = 0;
    std::string field;
    std::optional<std::string> old_value;
    std::optional<std::string> new_value;
};

/// The board paper of `plan` as of options.as_of. Document kind "board";
/// title the plan's title (its authority when untitled); subtitle the
/// authority and "Position as of <as_of>" (", changes since <since>").
/// With `since`, a paragraph first: "N of M actions changed since <since>".
/// Then one table, id "board", one row per action (a recommendation without
/// actions keeps one row), recommendations in number order, each action
/// under its recommendation, with the columns, in the seed's order:
///   number "No." (text: the action's reference; the recommendation's number
///     on a recommendation's own row),
///   recommendation "Rec." (text: "N. <recommendation text>", on the
///     recommendation's first row only),
///   action "Action", progress "Progress" (every update dated up to as_of,
///     oldest first, one a line "YYYY-MM-DD: text"), impact "Impact"
///     (intended; evidence after "Evidence: "), still_to_do "What do we still
///     need to do" (the open tasks, one a line, with owner and due date),
///   cost "Cost" (the cost's original text), lead "Lead person responsible"
///     (the action's lead, else its recommendation's),
///   rag "RAG" (rag cell: action_rag as of as_of with its reason; a
///     recommendation's own row: recommendation_rag),
///   changed "Changed since <since>" (only with `since`; see below),
///   recommendation_number (integer, data_only), action_ref (text,
///   data_only), section and timescale (text, data_only),
///   group "Section and timescale" (text: "<section>: Immediately",
///     "... Within 3 months", "... Within 6 months", "... By <date>"): the
///     table's group_by, so writers for people show it as a heading over
///     each run of recommendations with the same section and timescale.
/// Without `since` there is no "changed" column and no count paragraph.
/// When the plan records an inspection (plan/inspection.hpp), a table id
/// "inspection" comes before the "board" table: one row per clock with its
/// due date and state as of as_of ("submitted on D", "due in N working
/// days", "overdue by N working days", "expected by D").
///
/// What "changed" says, "; "-separated, empty when nothing changed:
///   "new" (the action was created after `since`; nothing else is listed),
///   "status: a -> b", "due moved: a -> b", "lead: a -> b", "action text
///   changed", "impact changed", "cost changed", "RAG set by hand",
///   "progress added" ("N progress updates added"), "task added", "task
///   done", "milestone added", "milestone done", "RAG amber -> red" (the
///   RAG as of `since` against as of as_of, both rated on the plan as it is
///   now: a status changed since shows as its own item), and on a recommendation's first
///   row "recommendation text changed", "timescale: a -> b", ... ("new" for a
///   recommendation created since, said once with its first action's). A history
///   row counts when its `at` falls after the end of `since` (from
///   since + 1 day 00:00:00Z) up to the end of as_of (23:59:59Z); a
///   progress update counts also when its own date falls in
///   (since, as_of]. Rows about other plans are ignored.
/// Throws Error(invalid_arg) when since is not before as_of, and as
/// build_report for target dates that cannot be computed.
Document board_paper(const Plan& plan, const std::vector<PlanHistoryEntry>& history,
                     const BoardPaperOptions& options);

/// The board paper of the stored plan `plan_id`, its history read from the
/// store. Error(not_found) for an unknown plan.
Document board_paper(const Store& store, std::int64_t plan_id, const BoardPaperOptions& options);

}  // namespace oversight
