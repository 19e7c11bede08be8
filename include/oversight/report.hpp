// RAG status by documented rules, and reports of a plan as of a date in
// text, Markdown, CSV and JSON.
#pragma once

#include <string>
#include <string_view>

#include <oversight/date.hpp>
#include <oversight/plan.hpp>

namespace oversight {

struct RagResult {
    Rag rag = Rag::none;
    std::string reason;       // human-readable: "overdue since 2012-10-31"
    bool overridden = false;  // true when a RagOverride decided it
};

/// RAG of one action as of a date (rules in README "RAG rules").
RagResult action_rag(const Plan& plan, const Recommendation& rec, const Action& action, Date as_of);
/// RAG of a recommendation: rolled up from its actions.
RagResult recommendation_rag(const Plan& plan, const Recommendation& rec, Date as_of);

enum class ReportFormat { text, markdown, csv, json };
ReportFormat parse_report_format(std::string_view text);  // "text", "md"/"markdown", "csv", "json"

enum class ReportKind {
    full,   // plan table with RAG per action and recommendation + due + leads + costs
    plan,   // the plan table with RAG only
    due,    // overdue actions and those due within `within_days`
    leads,  // roll-up by lead person
    costs,  // cost roll-up: one-off and recurring apart, approximate/unknown flagged
};
ReportKind parse_report_kind(std::string_view text);

struct ReportOptions {
    ReportKind kind = ReportKind::full;
    ReportFormat format = ReportFormat::text;
    Date as_of;
    int within_days = 28;  // for "due soon"
};

/// Renders one report as one document (a single JSON value for json).
std::string render_report(const Plan& plan, const ReportOptions& options);

}  // namespace oversight
