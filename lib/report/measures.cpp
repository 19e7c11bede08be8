// The measure reports: see report/measures.hpp for the documents' shape.
#include <oversight/report/measures.hpp>

#include <oversight/audit/audit.hpp>
#include <oversight/compliance/compliance.hpp>
#include <oversight/core/error.hpp>
#include <oversight/supervision/supervision.hpp>
#include <oversight/workforce/appointment.hpp>

#include "report/cells.hpp"
#include "report/measures.hpp"
#include "report/writers.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace oversight {
namespace detail {
namespace {

using Type = Cell::Type;

/// A rule the compliance counts left out, with why (no school calendar,
/// or obligations past its last term): a note under the table.
std::string not_counted_note(const std::string& rule, const std::string& why) {
    return "Not counted: " + rule + " (" + why + ").";
}

Cell share(std::int64_t k, std::int64_t n) {
    return n > 0 ? Cell::of_percent(static_cast<double>(k) / static_cast<double>(n)) : Cell{};
}

const RulePack& pack_of(const MeasureOptions& o) {
    static const RulePack england = RulePack::england_default();
    return o.pack ? *o.pack : england;
}

Calendar calendar_of(const MeasureOptions& o) {
    return o.calendar ? *o.calendar : Calendar::for_division(Division::england_and_wales);
}

/// A rule area as people read it: "care_planning" -> "care planning".
std::string area_title(std::string area) {
    std::replace(area.begin(), area.end(), '_', ' ');
    return area;
}

}  // namespace

std::vector<Month> trend_months(Date as_of, int months, const char* who) {
    if (months < 1 || months > 60)
        throw Error(Status::invalid_arg, std::string(who) + ": months must be 1..60, not " + std::to_string(months));
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

void compliance_trend(Document& doc, const Store& store, const MeasureOptions& o, const std::vector<Month>& months) {
    doc.heading("Compliance by month", 2);
    const RulePack& pack = pack_of(o);
    const Calendar calendar = calendar_of(o);
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
        for (const auto& [rule, why] : runs.back().not_counted) t.notes.push_back(not_counted_note(rule, why));
    }
}

void audit_grade_charts(Document& doc, const Store& store, const std::vector<Month>& months) {
    doc.heading("Audit grades", 2);
    const Date from = months.front().from, to = months.back().to;
    bool any = false;
    for (const AuditProgramme& p : list_audit_programmes(store)) {
        std::vector<AuditResult> results;
        for (const Audit& a : list_audits(store, p.name))
            if (!(a.held < from) && !(to < a.held)) results.push_back(audit_result(store, a.reference));
        if (results.empty()) continue;
        any = true;
        Chart& c = doc.chart("audit_grades_" + std::to_string(p.id), "Grades per audit: " + inline_text(p.name),
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
        c.alt = "Stacked bars of the share of cases in each grade, one bar per audit of " + inline_text(p.name) +
                " held from " + from.iso() + " to " + to.iso() + " (" + std::to_string(results.size()) +
                (results.size() == 1 ? " audit" : " audits") + "); the latest, " + last.reference + ": " +
                std::to_string(last.positive.k) + " of " + std::to_string(last.positive.n) + " graded positive.";
    }
    if (!any)
        doc.paragraph("No audit chart: no audit held from " + from.iso() + " to " + to.iso() + " is recorded.",
                      Paragraph::Style::note);
}

void supervision_trend(Document& doc, const Store& store, const MeasureOptions& o, const std::vector<Month>& months) {
    doc.heading("Supervision in timescale", 2);
    const Date from = months.front().from, to = months.back().to;
    // Sessions held before the window still make sessions due in it (a
    // workforce whose supervision lapsed shows 0%, not "no data").
    if (list_supervisions(store, Date::from_ymd(1900, 1, 1), to).empty()) {
        doc.paragraph("No supervision chart: no supervision session held up to " + to.iso() + " is recorded.",
                      Paragraph::Style::note);
        return;
    }
    // One report as of as_of over the window, its links counted in the month
    // they were decided (held, or missed: past due and not held), under the
    // worker's team on that day: the rule of supervision_report with each
    // month as the period, so the months add up to the window and a session
    // missed at one month's end and held in the next is counted once.
    const SupervisionReport r =
        supervision_report(store, o.as_of, from, SupervisionStandard::england_default(), calendar_of(o));
    std::vector<std::map<std::string, GroupSupervision>> runs(months.size());
    std::vector<std::string> teams;
    for (const WorkerSupervision& w : r.workers)
        for (const SupervisionDue& l : w.chain) {
            if (!l.held && !(l.due < o.as_of)) continue;  // open: not decided yet
            const Date decided_on = l.held ? *l.held : l.due;
            const auto month = std::find_if(months.begin(), months.end(), [&](const Month& m) {
                return !(decided_on < m.from) && !(m.to < decided_on);
            });
            if (month == months.end()) continue;
            const std::optional<Appointment> then = appointment_on(store, w.person, decided_on);
            const std::string team = then ? then->team : w.team;
            GroupSupervision& g = runs[static_cast<std::size_t>(month - months.begin())][team];
            ++g.due;
            if (l.held && l.in_time) ++g.held_in_time;
            if (std::find(teams.begin(), teams.end(), team) == teams.end()) teams.push_back(team);
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
    t.notes.push_back("Each month: the sessions decided in it (held, or missed: due and not held) under the supervision "
                      "standard, as of " + o.as_of.iso() + ", under the worker's team on the day (" + months.back().label +
                      " runs to " + months.back().to.iso() + ").");
}

}  // namespace detail

namespace {

using detail::col;
using detail::Month;
using detail::not_counted_note;
using detail::share;
using detail::text;
using Type = Cell::Type;

/// The compliance of the obligations due in the window, as of as_of, by rule
/// area and by team.
void compliance_now(Document& doc, const Store& store, const MeasureOptions& o, const std::vector<Month>& months) {
    doc.heading("Compliance as of " + o.as_of.iso());
    ComplianceOptions co;
    co.as_of = o.as_of;
    co.period_from = months.front().from;
    co.period_to = months.back().to;
    co.school = o.school;
    co.items = false;
    const RulePack& pack = detail::pack_of(o);
    const ComplianceReport r = compliance(store, pack, detail::calendar_of(o), co);
    const auto table = [&](const char* id, const char* title, ComplianceBy by, const char* key_title) {
        Table& t = doc.table(id, title,
                             {col("key", key_title), col("met_on_time", "Met on time", Type::integer),
                              col("met_late", "Met late", Type::integer), col("overdue", "Overdue", Type::integer),
                              col("due", "Due (met on time, late or overdue)", Type::integer),
                              col("percent", "In timescale", Type::percent),
                              col("due_soon", "Due soon", Type::integer), col("exempt", "Exempt", Type::integer)});
        t.empty_text = "No obligation fell due from " + detail::window_text(months) + ".";
        std::vector<ComplianceGroup> groups = r.groups_by(by);
        for (const ComplianceGroup& g : r.groups_by(ComplianceBy::overall)) groups.push_back(g);
        for (const ComplianceGroup& g : groups) {
            if (g.counts.total() == 0) continue;
            const std::string name = g.by == ComplianceBy::overall ? "(all)"
                                     : g.key.empty()               ? "(not allocated)"
                                     : by == ComplianceBy::area    ? detail::area_title(g.key)
                                                                   : detail::inline_text(g.key);
            t.rows.push_back({Cell::of_text(name), Cell::of_integer(g.counts.met_on_time),
                              Cell::of_integer(g.counts.met_late), Cell::of_integer(g.counts.overdue),
                              Cell::of_integer(g.denominator), share(g.numerator, g.denominator),
                              Cell::of_integer(g.counts.due_soon), Cell::of_integer(g.counts.exempt)});
        }
        if (t.rows.size() == 1) t.rows.clear();  // "(all)" alone: nothing fell due in any group
        return &t;
    };
    Table* areas = table("compliance_by_area", "By rule area: obligations due in the window", ComplianceBy::area,
                         "Rule area");
    areas->notes.push_back("Obligations due from " + detail::window_text(months) + ", as of " + o.as_of.iso() +
                           "; the share is met on time of those due (met on time, met late or overdue). Rules: " +
                           pack.name() + ".");
    if (!r.not_counted.empty()) {
        for (const auto& [rule, why] : r.not_counted) areas->notes.push_back(not_counted_note(rule, why));
    }
    Table* teams = table("compliance_by_team", "By team: obligations due in the window", ComplianceBy::team, "Team");
    teams->notes.push_back("Teams as allocated when each obligation fell due.");
}

void audits_now(Document& doc, const Store& store, const std::vector<Month>& months) {
    doc.heading("Audit programmes");
    const Date from = months.front().from, to = months.back().to;
    Table& t = doc.table(
        "audit_programmes", "Audit programmes: the latest audit in the window and the trend",
        {col("programme", "Programme"), col("type", "Type"), col("cycle", "Cycle"), col("owner", "Owner"),
         col("next_due", "Next due", Type::date), col("audits", "Audits in window", Type::integer),
         col("latest", "Latest audit"), col("held", "Held", Type::date), col("cases", "Cases", Type::integer),
         col("positive", "Graded positive", Type::integer), col("share", "Share positive", Type::percent),
         col("interval", "95% interval"), col("low", "95% interval low", Type::percent, true),
         col("high", "95% interval high", Type::percent, true), col("trend", "Trend"),
         col("trend_statement", "Why", Type::text, true)});
    t.empty_text = "No audit programme is recorded.";
    for (const AuditProgramme& p : list_audit_programmes(store)) {
        std::optional<AuditResult> latest;
        int held = 0;
        for (const Audit& a : list_audits(store, p.name)) {
            if (a.held < from || to < a.held) continue;
            ++held;
            if (!latest || !(a.held < latest->held)) latest = audit_result(store, a.reference);
        }
        const AuditTrend trend = audit_trend(store, p.name);
        std::vector<Cell> row{Cell::of_text(detail::inline_text(p.name)), text(detail::inline_text(p.type)),
                              text(detail::inline_text(p.cycle)), text(detail::inline_text(p.owner)), Cell::of_date(p.next_due),
                              Cell::of_integer(held)};
        if (latest && latest->positive.n > 0) {
            const Proportion& pos = latest->positive;
            row.insert(row.end(), {Cell::of_text(latest->reference), Cell::of_date(latest->held),
                                   Cell::of_integer(latest->audited), Cell::of_integer(pos.k),
                                   Cell::of_percent(pos.share),
                                   Cell::of_text(Cell::of_percent(pos.low).display() + " to " +
                                                 Cell::of_percent(pos.high).display()),
                                   Cell::of_percent(pos.low), Cell::of_percent(pos.high)});
        } else if (latest) {
            row.insert(row.end(), {Cell::of_text(latest->reference), Cell::of_date(latest->held),
                                   Cell::of_integer(latest->audited), Cell{}, Cell{}, Cell{}, Cell{}, Cell{}});
        } else {
            row.insert(row.end(), {Cell{}, Cell{}, Cell{}, Cell{}, Cell{}, Cell{}, Cell{}, Cell{}});
        }
        std::string verdict(to_string(trend.verdict));
        std::replace(verdict.begin(), verdict.end(), '_', ' ');
        row.push_back(Cell::of_text(verdict));
        row.push_back(text(detail::inline_text(trend.statement)));
        t.rows.push_back(std::move(row));
    }
    t.notes.push_back("Audits held from " + detail::window_text(months) + ". The interval is the 95% Wilson score "
                      "interval of the share graded positive on the programme's scale; the trend compares the first "
                      "and the last audit of the programme and says rising or falling only when their intervals do "
                      "not overlap.");
}

void supervision_now(Document& doc, const Store& store, const MeasureOptions& o, const std::vector<Month>& months) {
    doc.heading("Supervision as of " + o.as_of.iso());
    Table& t = doc.table("supervision_by_team", "By team: sessions due in the window",
                         {col("team", "Team"), col("workers", "Workers", Type::integer), col("due", "Due", Type::integer),
                          col("held_in_time", "Held in timescale", Type::integer),
                          col("percent", "In timescale", Type::percent), col("held", "Held", Type::integer),
                          col("overdue", "Overdue", Type::integer)});
    t.empty_text = "No supervision session is recorded and no one is covered by the standard.";
    const SupervisionReport r = supervision_report(store, o.as_of, months.front().from,
                                                   SupervisionStandard::england_default(), detail::calendar_of(o));
    for (const GroupSupervision& g : r.teams)
        t.rows.push_back({Cell::of_text(g.name.empty() ? "(no team)" : detail::inline_text(g.name)),
                          Cell::of_integer(g.workers), Cell::of_integer(g.due), Cell::of_integer(g.held_in_time),
                          share(g.held_in_time, g.due), Cell::of_integer(g.held), Cell::of_integer(g.overdue)});
    t.notes.push_back("Sessions decided from " + detail::window_text(months) + " (held, or missed: due and not held) under the supervision standard, as of " +
                      o.as_of.iso() + "; teams as on " + o.as_of.iso() + ".");
}

std::string_view kind_of(Measure m) {
    switch (m) {
        case Measure::compliance: return "compliance";
        case Measure::audits: return "audits";
        case Measure::supervision: return "supervision";
    }
    return "compliance";
}

}  // namespace

Document measure_report(const Store& store, Measure measure, const MeasureOptions& options) {
    const char* who = measure == Measure::compliance ? "compliance report"
                      : measure == Measure::audits   ? "audits report"
                                                     : "supervision report";
    const std::vector<Month> months = detail::trend_months(options.as_of, options.months, who);
    Document doc;
    doc.kind = std::string(kind_of(measure));
    doc.as_of = options.as_of;
    doc.subtitle.push_back("As of " + options.as_of.iso() + "; " + std::to_string(options.months) +
                           (options.months == 1 ? " month" : " months") + " from " + detail::window_text(months) + ".");
    switch (measure) {
        case Measure::compliance:
            doc.title = "Compliance with statutory timescales";
            compliance_now(doc, store, options, months);
            detail::compliance_trend(doc, store, options, months);
            break;
        case Measure::audits:
            doc.title = "Audits";
            audits_now(doc, store, months);
            detail::audit_grade_charts(doc, store, months);
            break;
        case Measure::supervision:
            doc.title = "Supervision against the standard";
            supervision_now(doc, store, options, months);
            detail::supervision_trend(doc, store, options, months);
            break;
    }
    check_document(doc);
    return doc;
}

}  // namespace oversight
