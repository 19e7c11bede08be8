// RAG status by documented rules, and reports of a plan as of a date in
// text, Markdown, CSV and JSON.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <oversight/date.hpp>
#include <oversight/plan.hpp>

namespace oversight {

struct RagResult {
    Rag rag = Rag::none;
    std::string reason;       // human-readable: "overdue since 2012-10-31, 14 days"
    bool overridden = false;  // true when a RagOverride decided it
};

/// RAG of one action as of a date (README "RAG rules"). The first rule that
/// applies decides; `due` is due_date(plan, rec, action), S is
/// plan.settings.due_soon_days, U is plan.settings.stale_update_days
/// (negative settings count as 0):
///  1. status withdrawn                    -> none  "withdrawn" (a manual override is ignored);
///  2. a RagOverride with a RAG other than none -> that RAG, overridden = true,
///     "set to RED by <by> on <date>: <reason>";
///  3. complete                            -> blue  "complete";
///  4. blocked                             -> red   "blocked";
///  5. due < as_of                         -> red   "overdue since <due>, N days";
///  6. not started and due - as_of <= S    -> red   "not started, due <due>, in N days" / "today";
///  7. otherwise amber when any of these holds (all that hold are listed, "; "):
///     in progress and due - as_of <= S ("due <due>, in N days"); no due date
///     ("no due date"); in progress and the latest update dated on or before
///     as_of is more than U days old ("no update since <date>") or absent
///     ("no progress update recorded"); a milestone not done dated before
///     as_of ("milestone \"...\" due <date> not done");
///  8. otherwise                           -> green "on track, due <due>".
/// So an action due today is not overdue (rule 6/7), one due S days ahead is
/// "due soon", and one due S+1 days ahead is green.
RagResult action_rag(const Plan& plan, const Recommendation& rec, const Action& action, Date as_of);

/// RAG of a recommendation, rolled up from its actions (withdrawn ones are
/// left out):
///  - no actions, or all withdrawn          -> amber "no actions";
///  - target_date < as_of and any action not complete -> red
///    "target date D passed N days ago; not complete: 1.1, 1.2";
///  - every action blue                     -> blue "all N actions complete";
///  - otherwise the worst action RAG (red > amber > green > blue), the reason
///    naming each deciding action: "1.1 overdue since ...; 1.3 blocked".
/// Never overridden (overrides are per action).
RagResult recommendation_rag(const Plan& plan, const Recommendation& rec, Date as_of);

/// The latest progress update dated on or before as_of (updates dated later
/// are invisible to a report as of that date); empty when there is none.
std::optional<ProgressUpdate> latest_update(const Action& action, Date as_of);

enum class ReportFormat { text, markdown, csv, json };
/// "text"/"txt", "md"/"markdown", "csv", "json" (case-insensitive, spaces
/// trimmed). Throws Error(invalid_arg) naming the text.
ReportFormat parse_report_format(std::string_view text);
std::string_view to_string(ReportFormat f) noexcept;  // "text", "markdown", "csv", "json"

enum class ReportKind {
    full,   // plan table with RAG per action and recommendation + due + leads + costs
    plan,   // the plan table with RAG only
    due,    // overdue actions and those due within `within_days`
    leads,  // roll-up by lead person
    costs,  // cost roll-up: one-off and recurring apart, approximate/unknown flagged
};
/// "full", "plan", "due", "leads", "costs" (also "all", "rag", "deadlines",
/// "lead", "cost"; case-insensitive). Throws Error(invalid_arg) naming the text.
ReportKind parse_report_kind(std::string_view text);
std::string_view to_string(ReportKind k) noexcept;  // "full", "plan", "due", "leads", "costs"

struct ReportOptions {
    ReportKind kind = ReportKind::full;
    ReportFormat format = ReportFormat::text;
    Date as_of;
    /// "Due soon" window in days (negative counts as 0); empty: the plan's
    /// settings.due_soon_days, the same window the RAG rules use.
    std::optional<int> within_days;
};

/// Renders one report as one document (a single JSON value for json; one
/// table with a header row for csv). Layouts are in README "Reports".
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
/// CSV: to stop spreadsheet formula injection (OWASP "CSV Injection"), a cell
/// that starts with '=', '+', '-', '@', a tab or a carriage return gets a
/// leading apostrophe ("'=SUM(A1)"), except a plain integer such as "-14".
/// The canonical CSV of plan_to_csv is never altered this way.
///
/// Throws Error(invalid_arg) when a target date cannot be computed (see
/// target_date: beyond 9999-12-31, immediately_days out of range).
std::string render_report(const Plan& plan, const ReportOptions& options);

}  // namespace oversight
