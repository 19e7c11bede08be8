// Reports of a plan as of a date (full, plan, due, leads, costs), built as
// documents (document.hpp) with the RAG of plan/rag.hpp and written in any
// format (writer.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <oversight/core/date.hpp>
#include <oversight/plan/plan.hpp>
#include <oversight/plan/rag.hpp>
#include <oversight/report/document.hpp>
#include <oversight/report/writer.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

enum class ReportKind {
    full,   // plan table with RAG per action and recommendation + due + leads + costs
    plan,   // the plan table with RAG only
    due,    // overdue actions and those due within `within_days`
    leads,  // roll-up by lead person
    costs,  // cost roll-up: one-off and recurring apart, approximate/unknown flagged
    // These two read the store (build_report(store, plan_id, options)):
    board,      // the board paper in the seed's columns, changes since `since` marked (board_paper.hpp)
    dashboard,  // summary, actions with direction of travel, trends of every measure (dashboard.hpp)
    // A plan kind again (it reads only the plan, which holds its indicators):
    indicators,  // the plan's indicators: latest value, target, RAG, linked actions; a chart of each
    // These three report the store's measures whatever the plan (measures.hpp):
    compliance,   // casework obligations met in timescale, by area and team, and by month
    audits,       // audit programmes, their latest results and trends, grade mix per audit
    supervision,  // supervision held in timescale against the standard, by team and by month
};
/// "full", "plan", "due", "leads", "costs", "board", "dashboard",
/// "indicators", "compliance", "audits", "supervision" (also "all", "rag",
/// "deadlines", "lead", "cost", "board-paper", "paper", "indicator", "audit";
/// case-insensitive). Throws Error(invalid_arg) naming the text.
ReportKind parse_report_kind(std::string_view text);
std::string_view to_string(ReportKind k) noexcept;  // "full", "plan", ..., "dashboard", "indicators", ...
/// True for compliance, audits and supervision: they do not read a plan.
bool is_measure_report(ReportKind k) noexcept;

struct ReportOptions {
    ReportKind kind = ReportKind::full;
    ReportFormat format = ReportFormat::text;
    Date as_of;
    /// "Due soon" window in days (negative counts as 0); empty: the plan's
    /// settings.due_soon_days, the same window the RAG rules use.
    std::optional<int> within_days;
    /// The previous report's date: the board paper marks what changed after
    /// it, the dashboard's direction of travel compares with it. The plan
    /// kinds (full..costs) do not use it; board and dashboard do not use
    /// within_days (the dashboard's due lists use the plan's setting).
    std::optional<Date> since;
};

/// Builds one report of the plan kinds (full..costs; the others are
/// Error(invalid_arg) here: they read the store) as a document (report/document.hpp), written by
/// render_report in any format (report/writer.hpp):
///  - plan: table "actions", one row per action grouped under its
///    recommendation (a recommendation without actions keeps one row); the
///    recommendation's own facts are columns for machines (data_only);
///  - due: tables "overdue" (days late) and "due_soon" (days left), and a
///    note listing open actions without a due date;
///  - leads: table "leads";
///  - costs: tables "cost_totals" (per period, exact and approximate apart,
///    low and high) and "cost_not_totalled" (each cost left out, and why);
///  - full: all four under headings; the actions table also carries due
///    state, days to due and each action's cost;
///  - indicators: table "indicators" (name, latest value and month, target,
///    red threshold, unit, RAG, the actions it measures) and a line chart
///    "indicator_<key>" of each indicator's monthly values over the 12
///    months up to as_of, with its target as the chart's target line.
/// "Due soon" is the plan's due_soon_days unless within_days says otherwise.
///
/// Costs: one-off, per-annum and unstated-period amounts are totalled apart,
/// approximate apart from exact; ranges give low and high totals; per-unit,
/// TBC and unparsed costs are listed, never added.
///
/// Leads roll-up: an action with no lead of its own is counted under its
/// recommendation's lead, and the row lists it under "via recommendation
/// lead" (text "Via rec. lead", CSV/JSON `via_recommendation_lead`); actions
/// with neither are counted under "(no lead)".
///
/// Costs are summed only for the `full` and `costs` kinds. When a total would
/// overflow 64-bit pence, `costs` throws Error(invalid_arg) naming the
/// reference, and `full` prints the same message as a note in its costs
/// section (no totals) instead of failing.
///
/// Throws Error(invalid_arg) when a target date cannot be computed (see
/// target_date: beyond 9999-12-31, immediately_days out of range).
Document build_report(const Plan& plan, const ReportOptions& options);

/// write_document(build_report(plan, options), options.format).
std::string render_report(const Plan& plan, const ReportOptions& options);

/// The report of plan `plan_id` in `store`: the plan kinds from the plan as
/// loaded; `board` is board_paper (since: the previous paper) and
/// `dashboard` is dashboard with the default England rule pack and calendar
/// (since: the previous report the direction of travel compares with;
/// default 28 days before as_of); compliance, audits and supervision are
/// measure_report (measures.hpp) with the default England rule pack,
/// calendar and 12 months, and do not read the plan (plan_id is not
/// checked: pass 0). Error(not_found) for an unknown plan.
Document build_report(const Store& store, std::int64_t plan_id, const ReportOptions& options);

/// write_document(build_report(store, plan_id, options), options.format).
std::string render_report(const Store& store, std::int64_t plan_id, const ReportOptions& options);

}  // namespace oversight
