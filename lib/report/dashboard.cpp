// The plan dashboard: see report/dashboard.hpp for the document's shape.
#include <oversight/report/dashboard.hpp>

#include <oversight/audit/audit.hpp>
#include <oversight/compliance/compliance.hpp>
#include <oversight/core/error.hpp>
#include <oversight/plan/plan_store.hpp>
#include <oversight/plan/rag.hpp>
#include <oversight/report/report.hpp>
#include <oversight/supervision/supervision.hpp>

#include "report/report_repository.hpp"
#include "report/inspection_block.hpp"
#include "report/writers.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace oversight {
namespace {

using Type = Cell::Type;

Column col(std::string key, std::string title, Type type = Type::text, bool data_only = false) {
    return Column{std::move(key), std::move(title), type, data_only};
}

Cell text(std::string s) { return s.empty() ? Cell{} : Cell::of_text(std::move(s)); }

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

/// A rule area as people read it: "care_planning" -> "care planning".
std::string area_title(std::string area) {
    std::replace(area.begin(), area.end(), '_', ' ');
    return area;
}

std::string days_text(std::int32_t n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

/// One month of the trend window: [from, to], `to` the month's last day or as_of.
struct Month {
    Date from, to;
    std::string label;  // "2012-10"
};

std::vector<Month> trend_months(Date as_of, int months) {
    std::vector<Month> out;
    const Date first_of_this = Date::from_ymd(as_of.year(), as_of.month(), 1);
    for (int i = months - 1; i >= 0; --i) {
        const Date from = first_of_this.add_months(-i);
        Date to = from.add_months(1).add_days(-1);
        if (as_of < to) to = as_of;
        out.push_back({from, to, from.iso().substr(0, 7)});
    }
    return out;
}

std::string window_text(const std::vector<Month>& months) {
    return months.front().from.iso() + " to " + months.back().to.iso();
}

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

// ------------------------------------------------------------ 4. trends

void compliance_trend(Document& doc, const Store& store, const DashboardOptions& o, const std::vector<Month>& months) {
    doc.heading("Compliance by month", 2);
    const RulePack& pack = o.pack ? *o.pack : [] () -> const RulePack& {
        static const RulePack england = RulePack::england_default();
        return england;
    }();
    const Calendar calendar = o.calendar ? *o.calendar : Calendar::for_division(Division::england_and_wales);
    std::vector<ComplianceReport> runs;
    runs.reserve(months.size());
    std::vector<std::string> areas;  // every area with a denominator in some month, sorted
    bool any = false;
    for (const Month& m : months) {
        ComplianceOptions co;
        co.as_of = o.as_of;
        co.period_from = m.from;
        co.period_to = m.to;
        co.school = o.school;
        co.items = false;
        runs.push_back(compliance(store, pack, calendar, co));
        for (const ComplianceGroup& g : runs.back().groups) {
            if (g.denominator == 0) continue;
            any = true;
            if (g.by == ComplianceBy::area && std::find(areas.begin(), areas.end(), g.key) == areas.end())
                areas.push_back(g.key);
        }
    }
    std::sort(areas.begin(), areas.end());
    if (!any) {
        doc.paragraph("No compliance chart: no obligation under the rules (" + pack.name() + ") fell due in " +
                          window_text(months) + " in the cases the store holds.",
                      Paragraph::Style::note);
        return;
    }
    const auto group_of = [](const ComplianceReport& r, ComplianceBy by, const std::string& key) -> const ComplianceGroup* {
        for (const ComplianceGroup& g : r.groups)
            if (g.by == by && g.key == key) return &g;
        return nullptr;
    };
    Chart& c = doc.chart("compliance_trend", "Obligations met in timescale, by month due", Chart::Kind::line,
                         Chart::Unit::percent);
    for (const Month& m : months) c.x_labels.push_back(m.label);
    std::vector<std::pair<ComplianceBy, std::string>> keys{{ComplianceBy::overall, ""}};
    for (const std::string& a : areas) keys.emplace_back(ComplianceBy::area, a);
    for (const auto& [by, key] : keys) {
        Chart::Series s{by == ComplianceBy::overall ? "Overall" : area_title(key), {}};
        for (const ComplianceReport& r : runs) {
            const ComplianceGroup* g = group_of(r, by, key);
            if (g && g->denominator > 0)
                s.values.push_back(static_cast<double>(g->numerator) / static_cast<double>(g->denominator));
            else
                s.values.push_back(std::nullopt);
        }
        c.series.push_back(std::move(s));
    }
    const ComplianceGroup* last = group_of(runs.back(), ComplianceBy::overall, "");
    c.alt = "Line chart of the share of obligations met in timescale for each month from " + months.front().label +
            " to " + months.back().label + ", overall and by rule area (" + std::to_string(areas.size()) +
            (areas.size() == 1 ? " area)" : " areas)") + "; " + months.back().label + " overall: " +
            (last && last->denominator > 0 ? std::to_string(last->numerator) + " of " + std::to_string(last->denominator)
                                           : std::string("nothing due")) + ".";

    Table& t = doc.table("compliance_counts", "Compliance by month: numerators and denominators",
                         {col("month", "Month"), col("area", "Rule area"), col("met_on_time", "Met on time", Type::integer),
                          col("due", "Due (met on time, late or overdue)", Type::integer),
                          col("percent", "In timescale", Type::percent), col("exempt", "Exempt", Type::integer)});
    t.empty_text = "Nothing fell due.";
    for (std::size_t i = 0; i < months.size(); ++i)
        for (const auto& [by, key] : keys) {
            const ComplianceGroup* g = group_of(runs[i], by, key);
            if (!g || (g->denominator == 0 && g->counts.exempt == 0)) continue;
            t.rows.push_back({Cell::of_text(months[i].label), Cell::of_text(by == ComplianceBy::overall ? "(all)" : area_title(key)),
                              Cell::of_integer(g->numerator), Cell::of_integer(g->denominator),
                              g->denominator > 0 ? Cell::of_percent(static_cast<double>(g->numerator) /
                                                                    static_cast<double>(g->denominator))
                                                 : Cell{},
                              Cell::of_integer(g->counts.exempt)});
        }
    t.notes.push_back("Each month counts the obligations due in it, as of " + o.as_of.iso() + " (" + months.back().label +
                      " runs to " + months.back().to.iso() + "); not yet due and exempt ones are in neither number. "
                      "Rules: " + pack.name() + ".");
    if (!runs.back().not_counted.empty()) {
        std::string rules;
        for (const auto& [rule, why] : runs.back().not_counted) rules += (rules.empty() ? "" : ", ") + rule;
        t.notes.push_back("Not counted (no school calendar given): " + rules + ".");
    }
}

void audit_trend(Document& doc, const Store& store, const std::vector<Month>& months) {
    doc.heading("Audit grades", 2);
    const Date from = months.front().from, to = months.back().to;
    bool any = false;
    for (const AuditProgramme& p : list_audit_programmes(store)) {
        std::vector<AuditResult> results;
        for (const Audit& a : list_audits(store, p.name))
            if (!(a.held < from) && !(to < a.held)) results.push_back(audit_result(store, a.reference));
        if (results.empty()) continue;
        any = true;
        Chart& c = doc.chart("audit_grades_" + std::to_string(p.id), "Grades per audit: " + detail::inline_text(p.name),
                             Chart::Kind::stacked_bar, Chart::Unit::percent);
        for (const AuditResult& r : results) c.x_labels.push_back(r.reference + " (" + r.held.iso() + ")");
        for (std::size_t g = 0; g < p.scale.grades.size(); ++g) {
            std::string name = p.scale.grades[g];
            std::replace(name.begin(), name.end(), '_', ' ');
            Chart::Series s{name, {}};
            for (const AuditResult& r : results) {
                std::optional<double> v;
                for (const GradeCount& gc : r.grades)
                    if (gc.grade == p.scale.grades[g] && r.audited > 0) v = gc.proportion.share;
                s.values.push_back(v);
            }
            c.series.push_back(std::move(s));
        }
        const AuditResult& last = results.back();
        c.alt = "Stacked bars of the share of cases in each grade, one bar per audit of " + detail::inline_text(p.name) +
                " held from " + from.iso() + " to " + to.iso() + " (" + std::to_string(results.size()) +
                (results.size() == 1 ? " audit" : " audits") + "); the latest, " + last.reference + ": " +
                std::to_string(last.positive.k) + " of " + std::to_string(last.positive.n) + " graded positive.";
    }
    if (!any)
        doc.paragraph("No audit chart: no audit held from " + from.iso() + " to " + to.iso() + " is recorded.",
                      Paragraph::Style::note);
}

void supervision_trend(Document& doc, const Store& store, const DashboardOptions& o, const std::vector<Month>& months) {
    doc.heading("Supervision in timescale", 2);
    const Date from = months.front().from, to = months.back().to;
    // Sessions held before the window still make sessions due in it (a
    // workforce whose supervision lapsed shows 0%, not "no data").
    if (list_supervisions(store, Date::from_ymd(1900, 1, 1), to).empty()) {
        doc.paragraph("No supervision chart: no supervision session held up to " + to.iso() + " is recorded.",
                      Paragraph::Style::note);
        return;
    }
    const Calendar calendar = o.calendar ? *o.calendar : Calendar::for_division(Division::england_and_wales);
    std::vector<std::map<std::string, GroupSupervision>> runs;
    std::vector<std::string> teams;
    for (const Month& m : months) {
        const SupervisionReport r =
            supervision_report(store, m.to, m.from, SupervisionStandard::england_default(), calendar);
        std::map<std::string, GroupSupervision> by_team;
        for (const GroupSupervision& g : r.teams) {
            by_team[g.name] = g;
            if (g.due > 0 && std::find(teams.begin(), teams.end(), g.name) == teams.end()) teams.push_back(g.name);
        }
        runs.push_back(std::move(by_team));
    }
    std::sort(teams.begin(), teams.end());
    if (teams.empty()) {
        doc.paragraph("No supervision chart: sessions are recorded, but none fell due under the standard from " +
                          from.iso() + " to " + to.iso() + ".",
                      Paragraph::Style::note);
        return;
    }
    const auto team_name = [](const std::string& t) { return t.empty() ? std::string("(no team)") : t; };
    Chart& c = doc.chart("supervision_trend", "Supervision held in timescale, by team and month due", Chart::Kind::line,
                         Chart::Unit::percent);
    for (const Month& m : months) c.x_labels.push_back(m.label);
    for (const std::string& team : teams) {
        Chart::Series s{team_name(team), {}};
        for (const auto& run : runs) {
            const auto it = run.find(team);
            if (it != run.end() && it->second.due > 0)
                s.values.push_back(static_cast<double>(it->second.held_in_time) / static_cast<double>(it->second.due));
            else
                s.values.push_back(std::nullopt);
        }
        c.series.push_back(std::move(s));
    }
    c.alt = "Line chart of the share of supervision sessions due each month that were held in timescale, one line per "
            "team (" + std::to_string(teams.size()) + (teams.size() == 1 ? " team" : " teams") + "), from " +
            months.front().label + " to " + months.back().label + ".";
    Table& t = doc.table("supervision_counts", "Supervision by team and month: held in timescale of those due",
                         {col("month", "Month"), col("team", "Team"), col("held_in_time", "Held in timescale", Type::integer),
                          col("due", "Due", Type::integer), col("percent", "In timescale", Type::percent)});
    t.empty_text = "No supervision fell due.";
    for (std::size_t i = 0; i < months.size(); ++i)
        for (const std::string& team : teams) {
            const auto it = runs[i].find(team);
            if (it == runs[i].end() || it->second.due == 0) continue;
            const GroupSupervision& g = it->second;
            t.rows.push_back({Cell::of_text(months[i].label), Cell::of_text(team_name(team)), Cell::of_integer(g.held_in_time),
                              Cell::of_integer(g.due),
                              Cell::of_percent(static_cast<double>(g.held_in_time) / static_cast<double>(g.due))});
        }
    t.notes.push_back("Each month: the sessions due in it under the supervision standard (teams as on the month's last "
                      "day), as of that day (" + months.back().label + " runs to " + months.back().to.iso() + ").");
}

}  // namespace

Document dashboard(const Store& store, std::int64_t plan_id, const DashboardOptions& options) {
    if (options.months < 1 || options.months > 60)
        throw Error(Status::invalid_arg,
                    "dashboard: months must be 1..60, not " + std::to_string(options.months));
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

    const std::vector<Month> months = trend_months(as_of, options.months);
    doc.heading("Trends");
    doc.paragraph("Measures the store holds, month by month from " + window_text(months) + ".");
    compliance_trend(doc, store, options, months);
    audit_trend(doc, store, months);
    supervision_trend(doc, store, options, months);

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
