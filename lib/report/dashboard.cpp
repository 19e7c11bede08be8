// The plan dashboard: see report/dashboard.hpp for the document's shape.
#include <oversight/report/dashboard.hpp>
#include <oversight/report/measures.hpp>

#include <oversight/core/error.hpp>
#include <oversight/plan/plan_store.hpp>
#include <oversight/plan/rag.hpp>
#include <oversight/report/report.hpp>

#include "report/cells.hpp"
#include "report/indicator_tables.hpp"
#include "report/measures.hpp"
#include "report/report_repository.hpp"
#include "report/inspection_block.hpp"
#include "report/writers.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace oversight {
namespace {

using Type = Cell::Type;

using detail::col;
using detail::text;

constexpr std::array<Timescale, 4> kTimescales{Timescale::immediately, Timescale::within_three_months,
                                               Timescale::within_six_months, Timescale::by_date};

std::string timescale_title(Timescale t) {
    switch (t) {
        case Timescale::immediately: return "Immediately";
        case Timescale::within_three_months: return "Within 3 months";
        case Timescale::within_six_months: return "Within 6 months";
        case Timescale::by_date: return "By date";
    }
    return "By date";
}

std::string status_title(ActionStatus s) {
    std::string t(to_string(s));
    std::replace(t.begin(), t.end(), '_', ' ');
    return t;
}

/// Worse is higher; none (withdrawn, or nothing to rate) apart.
int severity(Rag r) {
    switch (r) {
        case Rag::blue: return 0;
        case Rag::green: return 1;
        case Rag::amber: return 2;
        case Rag::red: return 3;
        case Rag::none: return -1;
    }
    return -1;
}

std::string days_text(std::int32_t n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

// ------------------------------------------------------------ 1. summary

void summary_block(Document& doc, const Plan& plan, Date as_of) {
    doc.heading("Plan summary");
    struct Row {
        int recs = 0, actions = 0;
        std::array<int, 5> by_rag{};  // indexed by Rag
    };
    std::array<Row, 4> rows{};
    Row all;
    for (const Recommendation& rec : plan.recommendations) {
        Row& row = rows[static_cast<std::size_t>(rec.timescale)];
        ++row.recs;
        ++all.recs;
        for (const Action& a : rec.actions) {
            const Rag r = action_rag(plan, rec, a, as_of).rag;
            ++row.actions;
            ++all.actions;
            ++row.by_rag[static_cast<std::size_t>(r)];
            ++all.by_rag[static_cast<std::size_t>(r)];
        }
    }
    Table& t = doc.table("summary", "Recommendations and actions by timescale",
                         {col("timescale", "Timescale"), col("recommendations", "Recommendations", Type::integer),
                          col("actions", "Actions", Type::integer), col("red", "Red", Type::integer),
                          col("amber", "Amber", Type::integer), col("green", "Green", Type::integer),
                          col("blue", "Blue (complete)", Type::integer), col("none", "No rating", Type::integer)});
    t.empty_text = "The plan has no recommendations.";
    const auto add = [&](const std::string& name, const Row& r) {
        const auto n = [&](Rag g) { return Cell::of_integer(r.by_rag[static_cast<std::size_t>(g)]); };
        t.rows.push_back({Cell::of_text(name), Cell::of_integer(r.recs), Cell::of_integer(r.actions), n(Rag::red),
                          n(Rag::amber), n(Rag::green), n(Rag::blue), n(Rag::none)});
    };
    std::vector<Timescale> used;
    for (Timescale ts : kTimescales)
        if (rows[static_cast<std::size_t>(ts)].recs > 0) {
            add(timescale_title(ts), rows[static_cast<std::size_t>(ts)]);
            used.push_back(ts);
        }
    if (!used.empty()) add("All", all);
    t.notes.push_back("Each action's RAG as of " + as_of.iso() +
                      "; No rating: withdrawn actions. Recommendations are counted under their timescale.");

    if (all.actions == 0) {
        doc.paragraph("No chart of RAG by timescale: the plan has no actions.", Paragraph::Style::note);
        return;
    }
    Chart& c = doc.chart("summary_rag", "Actions by RAG and timescale", Chart::Kind::stacked_bar, Chart::Unit::count);
    for (Timescale ts : used) c.x_labels.push_back(timescale_title(ts));
    // Each series in its RAG's colour (the RAG labels' red, green and blue;
    // amber darkened to 3:1 on white, as a graphic needs), worst first.
    struct RagSeries {
        Rag rag;
        const char* name;
        const char* colour;
    };
    const std::array<RagSeries, 5> series{{{Rag::red, "Red", "#b3261e"},
                                           {Rag::amber, "Amber", "#a66f00"},
                                           {Rag::green, "Green", "#1e7b34"},
                                           {Rag::blue, "Blue (complete)", "#1f5fa8"},
                                           {Rag::none, "No rating", "#6b6b6b"}}};
    std::string alt = "Stacked bars, one per timescale, of the plan's " + std::to_string(all.actions) +
                      " actions by RAG as of " + as_of.iso() + ":";
    for (const auto& [rag, name, colour] : series) {
        Chart::Series s{name, {}, colour};
        for (Timescale ts : used) s.values.push_back(rows[static_cast<std::size_t>(ts)].by_rag[static_cast<std::size_t>(rag)]);
        alt += std::string(" ") + name + " " + std::to_string(all.by_rag[static_cast<std::size_t>(rag)]) + ";";
        c.series.push_back(std::move(s));
    }
    alt.back() = '.';
    c.alt = std::move(alt);
}

// ------------------------------------------------------------ 2. actions

/// The action as it stood on `previous`, as far as the plan can tell: RAG
/// overrides set after it are left out (updates and milestones after it are
/// left out by action_rag itself).
RagResult rag_then(const Plan& plan, const Recommendation& rec, const Action& a, Date previous) {
    if (a.rag_override && previous < a.rag_override->set_on) {
        Action copy = a;
        copy.rag_override.reset();
        return action_rag(plan, rec, copy, previous);
    }
    return action_rag(plan, rec, a, previous);
}

/// The actions the store recorded as created after `previous` and up to
/// `as_of` (its history, UTC days): they did not exist then. An action
/// recorded after as_of (a past plan keyed in later) is judged by its dates.
std::set<std::int64_t> actions_created(const Store& store, const Plan& plan, Date as_of, Date previous) {
    std::set<std::int64_t> ids;
    for (const PlanHistoryEntry& r : detail::plan_history(store, plan, previous.add_days(1).iso() + "T00:00:00Z",
                                                          as_of.iso() + "T23:59:59Z"))
        if (r.entity == "action" && r.field == "*" && r.new_value) ids.insert(r.entity_id);
    return ids;
}

void actions_block(Document& doc, const Plan& plan, Date as_of, Date previous, const std::set<std::int64_t>& created) {
    doc.heading("Actions");
    Table& t = doc.table("actions", "Actions: RAG, gap to target and direction since " + previous.iso(),
                         {col("recommendation", "Recommendation"), col("action_ref", "Ref"), col("action", "Action"),
                          col("lead", "Lead"), col("status", "Status"), col("rag", "RAG", Type::rag),
                          col("rag_reason", "Why", Type::text, true), col("due", "Due", Type::date),
                          col("days_to_due", "Days to due", Type::integer), col("gap", "Gap to target"),
                          col("rag_previous", "RAG " + previous.iso(), Type::rag), col("direction", "Direction")});
    t.group_by = 0;
    t.empty_text = "The plan has no actions.";
    const bool plan_is_new = plan.report_date && previous < *plan.report_date;
    for (const Recommendation& rec : plan.recommendations) {
        std::string heading = "Recommendation " + std::to_string(rec.number) + " (" + timescale_title(rec.timescale) + ")";
        if (!detail::inline_text(rec.text).empty()) heading += ": " + detail::clip(rec.text, 160);
        for (const Action& a : rec.actions) {
            const RagResult now = action_rag(plan, rec, a, as_of);
            const RagResult then = rag_then(plan, rec, a, previous);
            const std::optional<Date> due = due_date(plan, rec, a);
            const bool open = a.status != ActionStatus::complete && a.status != ActionStatus::withdrawn;
            Cell days;
            std::string gap;
            if (a.status == ActionStatus::complete)
                gap = "done";
            else if (a.status == ActionStatus::withdrawn)
                gap = "withdrawn";
            else if (!due)
                gap = "no due date";
            if (open && due) {
                const std::int32_t n = Date::days_between(as_of, *due);
                days = Cell::of_integer(n);
                gap = n < 0 ? days_text(-n) + " late" : n == 0 ? "due today" : "due in " + days_text(n);
            }
            const bool is_new = plan_is_new || created.count(a.id) > 0;
            std::string direction;
            if (is_new)
                direction = "new";
            else if (a.status == ActionStatus::withdrawn)
                direction = "withdrawn";  // not better, not worse: no longer rated
            else if (severity(now.rag) < severity(then.rag))
                direction = "improving";
            else if (severity(now.rag) > severity(then.rag))
                direction = "worsening";
            else
                direction = "steady";
            t.rows.push_back({Cell::of_text(heading), Cell::of_text(a.ref.empty() ? "(no ref)" : detail::inline_text(a.ref)),
                              text(detail::inline_text(a.description)),
                              Cell::of_text(a.lead.empty() ? "(no lead)" : detail::inline_text(a.lead)),
                              Cell::of_text(status_title(a.status)), Cell::of_rag(now.rag, now.reason), text(now.reason),
                              Cell::of_date(due), days, text(gap),
                              is_new ? Cell{} : Cell::of_rag(then.rag, then.reason), Cell::of_text(direction)});
        }
    }
    std::string without;
    for (const Recommendation& rec : plan.recommendations)
        if (rec.actions.empty()) without += (without.empty() ? "" : ", ") + std::to_string(rec.number);
    if (!without.empty()) t.notes.push_back("Recommendations without actions: " + without + ".");
    t.notes.push_back("Days to due: negative when late. Direction: the RAG now against the RAG as of " + previous.iso() +
                      " (RED worse than AMBER worse than GREEN worse than BLUE); new: the plan or the action did "
                      "not exist then (no RAG then); withdrawn: withdrawn since, no longer rated.");
    t.notes.push_back("The RAG as of " + previous.iso() +
                      " rates the plan as recorded now on that date: updates, milestones and RAG overrides dated "
                      "after it are left out; a status changed since then is taken as it is now.");
}

// ------------------------------------------------------------ 3 and 5: the plan report's tables

void append_blocks(Document& doc, Document&& from) {
    for (Block& b : from.blocks) doc.blocks.push_back(std::move(b));
}

Document plan_report(const Plan& plan, ReportKind kind, Date as_of) {
    ReportOptions o;
    o.kind = kind;
    o.as_of = as_of;
    return build_report(plan, o);
}

}  // namespace

Document dashboard(const Store& store, std::int64_t plan_id, const DashboardOptions& options) {
    const std::vector<detail::Month> months = detail::trend_months(options.as_of, options.months, "dashboard");
    const Date previous = options.previous ? *options.previous : options.as_of.add_days(-28);
    if (options.as_of < previous)
        throw Error(Status::invalid_arg, "dashboard: previous (" + previous.iso() + ") is after as_of (" +
                                             options.as_of.iso() + ")");
    const Plan plan = load_plan(store, plan_id);
    const Date as_of = options.as_of;

    Document doc;
    doc.kind = "dashboard";
    doc.title = "Dashboard: " + (detail::inline_text(plan.title).empty() ? std::string("improvement plan")
                                                                          : detail::inline_text(plan.title));
    if (!detail::inline_text(plan.authority).empty()) doc.subtitle.push_back(detail::inline_text(plan.authority));
    doc.subtitle.push_back("As of " + as_of.iso() + "; direction of travel since " + previous.iso() + ".");
    doc.as_of = as_of;

    summary_block(doc, plan, as_of);
    detail::inspection_block(
        doc, plan, options.calendar ? *options.calendar : Calendar::for_division(Division::england_and_wales), as_of);
    actions_block(doc, plan, as_of, previous, actions_created(store, plan, as_of, previous));

    doc.heading("Overdue and due soon");
    append_blocks(doc, plan_report(plan, ReportKind::due, as_of));

    doc.heading("Trends");
    doc.paragraph("Measures the store holds, month by month from " + detail::window_text(months) + ".");
    MeasureOptions measures;
    measures.as_of = as_of;
    measures.months = options.months;
    measures.pack = options.pack;
    measures.calendar = options.calendar;
    measures.school = options.school;
    detail::compliance_trend(doc, store, measures, months);
    detail::audit_grade_charts(doc, store, months);
    detail::supervision_trend(doc, store, measures, months);
    // The plan's indicators (issue 11 point 5), only when it has some.
    if (!plan.indicators.empty()) {
        doc.heading("Indicators", 2);
        detail::indicator_blocks(doc, plan, as_of, options.months);
    }

    doc.heading("Costs");
    try {
        append_blocks(doc, plan_report(plan, ReportKind::costs, as_of));
    } catch (const Error& e) {
        if (e.code() != Status::invalid_arg) throw;
        doc.paragraph(std::string("Cost totals not computed: ") + e.what(), Paragraph::Style::warning);
    }
    doc.heading("People and ownership");
    append_blocks(doc, plan_report(plan, ReportKind::leads, as_of));
    check_document(doc);
    return doc;
}

}  // namespace oversight
