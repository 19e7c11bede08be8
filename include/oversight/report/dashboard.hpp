// The plan dashboard (issue 11 point 2): one document, built from a store,
// with the plan's RAG by timescale, each action's RAG with its reason, its gap
// to target and its direction of travel, the overdue and due-soon lists, trend
// charts of every measure the store holds (compliance, audit grades,
// supervision), the cost roll-up and the leads. Written in any format by
// write_document (writer.hpp); HTML gives one self-contained page.
#pragma once

#include <cstdint>
#include <optional>

#include <oversight/calendar/calendar.hpp>
#include <oversight/calendar/school_calendar.hpp>
#include <oversight/core/date.hpp>
#include <oversight/report/document.hpp>
#include <oversight/rules/rule_pack.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

struct DashboardOptions {
    Date as_of;
    /// Month periods in the trend charts, ending with the month of as_of
    /// (that one runs to as_of); 1..60.
    int months = 12;
    /// The date the direction of travel is measured from; empty: as_of - 28 days.
    std::optional<Date> previous;
    /// The rules compliance is counted with; null: the default England pack.
    /// Must outlive the call.
    const RulePack* pack = nullptr;
    /// The working-day calendar; null: England and Wales.
    const Calendar* calendar = nullptr;
    /// The schools' terms for termly rules (PEP reviews); null: those rules
    /// are not counted and the dashboard says so.
    const SchoolCalendar* school = nullptr;
};

/// The dashboard of plan `plan_id` as of options.as_of: Document kind
/// "dashboard", blocks in this order (each table present even when empty,
/// its empty_text saying why):
///  1. heading "Plan summary"; table "summary" (timescale, recommendations,
///     actions, red, amber, green, blue, none; a last row "All"); stacked bar
///     chart "summary_rag" (x: the timescales, series: Red, Amber, Green,
///     Blue, No rating, each in its RAG's colour; counts of actions). Then,
///     when the plan records an inspection (plan/inspection.hpp), table
///     "inspection": its clocks with due dates and states, as in the board paper.
///  2. heading "Actions"; table "actions" grouped by recommendation
///     (recommendation, action_ref, action, lead, status, rag (+reason),
///     rag_reason (data only), due, days_to_due (due - as_of: negative when
///     late), gap ("14 days late", "due in 5 days", "due today", "done", ...),
///     rag_previous, direction ("improving", "worsening", "steady";
///     "withdrawn" for an action withdrawn now; "new", with no rag_previous,
///     when the plan's report date is after `previous` or the store's
///     history records the action as created after `previous`, up to as_of)).
///  3. heading "Overdue and due soon": build_report's tables "overdue" and
///     "due_soon" (and its note of undated actions).
///  4. heading "Trends": compliance (line chart "compliance_trend", percent,
///     series "Overall" then one per rule area; table "compliance_counts"),
///     audits (stacked bar chart "audit_grades_<programme id>" per programme
///     with audits held in the window, percent of each grade, one bar per
///     audit), supervision (line chart "supervision_trend", percent, one
///     series per team; table "supervision_counts"): the trend blocks of
///     measure_report (measures.hpp). A measure without data in the store is
///     a paragraph saying so, no chart. When the plan has indicators (issue
///     11 point 5), then heading "Indicators" with the `indicators` report
///     kind's table "indicators" and a chart "indicator_<key>" per indicator
///     over the same months (with its target line); a plan without
///     indicators gets nothing here.
///  5. heading "Costs": build_report's "cost_totals" and "cost_not_totalled";
///     heading "People and ownership": build_report's "leads".
///
/// The previous RAG is the plan as it stands now rated as of `previous`
/// (progress updates, milestones and RAG overrides dated after it left
/// out); an action's status has no date in the plan, so a status changed
/// since then counts as it is now.
///
/// Cost: each trend month is one compliance run (groups only, no items:
/// every case read once, memory not growing with the obligations); one
/// supervision report covers the window; audits are read once per audit in
/// the window.
///
/// Error(not_found) for an unknown plan; Error(invalid_arg) for months
/// outside 1..60 or previous after as_of.
Document dashboard(const Store& store, std::int64_t plan_id, const DashboardOptions& options);

}  // namespace oversight
