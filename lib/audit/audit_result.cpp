// The results of audits: counts and shares per grade with 95% Wilson
// intervals, by team and worker, and the trend of a programme
// (audit/audit.hpp).
#include <oversight/audit/audit.hpp>

#include <oversight/casework/case.hpp>
#include <oversight/core/error.hpp>

#include "audit/audit_repository.hpp"
#include "core/text.hpp"
#include "core/validation.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace oversight {

namespace {

using ojson = nlohmann::ordered_json;

/// The 97.5th percentile of the standard normal distribution.
constexpr double kZ = 1.959963984540054;

std::string percent(double share) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * share);
    return buf;
}

ojson to_json(const Proportion& p) {
    return {{"k", p.k}, {"n", p.n}, {"share", p.share}, {"low", p.low}, {"high", p.high}};
}

std::string label(const AuditScale& s) {
    if (s == ofsted_scale()) return "good or better";
    std::string out;
    for (int i = 0; i < s.positive; ++i) out += (i ? ", " : "") + s.grades[static_cast<std::size_t>(i)];
    return out;
}

std::vector<GroupResult> groups(const std::map<std::string, std::pair<int, int>>& by) {
    std::vector<GroupResult> out;
    for (const auto& [name, kn] : by) out.push_back({name, kn.second, wilson(kn.first, kn.second)});
    return out;
}

std::string dump(const ojson& doc) { return doc.dump(-1, ' ', false, ojson::error_handler_t::replace); }

}  // namespace

std::string describe(const Proportion& p) {
    return std::to_string(p.k) + " of " + std::to_string(p.n) + " (" + percent(p.share) + ", 95% CI " +
           percent(p.low) + "-" + percent(p.high) + ")";
}

Proportion wilson(int k, int n) {
    if (n < 0 || k < 0 || k > n)
        throw Error(Status::invalid_arg, "proportion " + std::to_string(k) + " of " + std::to_string(n) +
                                             ": k must be in 0..n");
    Proportion p{k, n};
    if (n == 0) return p;
    const double nn = n, ph = k / nn, z2 = kZ * kZ;
    const double denom = 1 + z2 / nn;
    const double centre = (ph + z2 / (2 * nn)) / denom;
    const double half = kZ * std::sqrt(ph * (1 - ph) / nn + z2 / (4 * nn * nn)) / denom;
    p.share = ph;
    p.low = std::max(0.0, centre - half);
    p.high = std::min(1.0, centre + half);
    return p;
}

AuditResult audit_result(const Store& store, std::string_view reference) {
    const auto a = try_find_audit(store, reference);
    if (!a) throw Error(Status::not_found, "no audit " + detail::in_quotes(reference));
    const auto p = try_find_audit_programme(store, a->programme);
    if (!p) throw Error(Status::not_found, "no audit programme " + detail::in_quotes(a->programme));
    AuditResult r;
    r.reference = a->reference;
    r.programme = p->name;
    r.type = p->type;
    r.held = a->held;
    r.recorded = a->recorded;
    r.scale = p->scale;
    std::map<std::string, int> per_grade;
    for (const AuditedCase& c : a->cases) ++per_grade[c.grade];
    for (const auto& [g, n] : a->counts) per_grade[g] += n;
    for (const auto& [g, n] : per_grade) r.audited += n;
    int positive = 0;
    for (std::size_t i = 0; i < p->scale.grades.size(); ++i) {
        const std::string& g = p->scale.grades[i];
        const int n = per_grade.count(g) ? per_grade[g] : 0;
        r.grades.push_back({g, wilson(n, r.audited)});
        if (static_cast<int>(i) < p->scale.positive) positive += n;
    }
    r.positive = wilson(positive, r.audited);
    auto is_positive = [&](const std::string& g) {
        auto it = std::find(p->scale.grades.begin(), p->scale.grades.end(), g);
        return it - p->scale.grades.begin() < p->scale.positive;
    };
    // Who held each audited case on the day of the audit.
    std::map<std::string, CaseSummary> held_by;
    bool any_child = false;
    for (const AuditedCase& c : a->cases) any_child = any_child || c.child_id.has_value();
    if (any_child)
        for (CaseSummary& s : list_cases(store, {}, a->held)) held_by[detail::lower(s.child_id)] = std::move(s);
    std::map<std::string, std::pair<int, int>> teams, workers;
    for (const AuditedCase& c : a->cases) {
        if (!c.child_id) continue;
        auto it = held_by.find(detail::lower(*c.child_id));
        const std::string team = it == held_by.end() || it->second.team.empty() ? "(none)" : it->second.team;
        const std::string worker = it == held_by.end() || it->second.worker.empty() ? "(none)" : it->second.worker;
        const int k = is_positive(c.grade) ? 1 : 0;
        teams[team].first += k, ++teams[team].second;
        workers[worker].first += k, ++workers[worker].second;
    }
    r.teams = groups(teams);
    r.workers = groups(workers);
    r.recommendations = static_cast<int>(a->recommendations.size());
    for (const AuditRecommendation& x : a->recommendations) r.recommendations_open += x.completed ? 0 : 1;
    return r;
}

std::string audit_result_to_json(const AuditResult& r) {
    ojson doc = {{"format", "oversight-audit-result"},
                 {"version", 1},
                 {"reference", r.reference},
                 {"programme", r.programme},
                 {"type", r.type},
                 {"held", r.held.iso()},
                 {"recorded", r.recorded.iso()},
                 {"scale", to_string(r.scale)},
                 {"audited", r.audited},
                 {"grades", ojson::array()},
                 {"positive_label", label(r.scale)},
                 {"positive", to_json(r.positive)},
                 {"teams", ojson::array()},
                 {"workers", ojson::array()},
                 {"recommendations", r.recommendations},
                 {"recommendations_open", r.recommendations_open}};
    for (const GradeCount& g : r.grades) doc["grades"].push_back({{"grade", g.grade}, {"proportion", to_json(g.proportion)}});
    for (const auto* list : {&r.teams, &r.workers})
        for (const GroupResult& g : *list)
            doc[list == &r.teams ? "teams" : "workers"].push_back(
                {{"name", g.name}, {"cases", g.cases}, {"positive", to_json(g.positive)}});
    return dump(doc);
}

std::string audit_result_to_text(const AuditResult& r) {
    std::ostringstream out;
    out << "Audit " << detail::sanitize_utf8(r.reference) << " (" << detail::sanitize_utf8(r.programme) << ", "
        << r.type << "), held " << r.held.iso() << ", recorded " << r.recorded.iso() << "\n";
    out << "Audited: " << r.audited << "\n";
    for (const GradeCount& g : r.grades) out << "  " << g.grade << ": " << describe(g.proportion) << "\n";
    out << label(r.scale) << ": " << describe(r.positive) << "\n";
    for (const auto& [title, list] : {std::pair{"By team", &r.teams}, std::pair{"By worker", &r.workers}}) {
        if (list->empty()) continue;
        out << title << ":\n";
        for (const GroupResult& g : *list)
            out << "  " << detail::sanitize_utf8(g.name) << ": " << describe(g.positive) << "\n";
    }
    out << "Recommendations: " << r.recommendations << " (" << r.recommendations_open << " open)\n";
    return out.str();
}

std::string_view to_string(TrendVerdict v) noexcept {
    switch (v) {
        case TrendVerdict::too_few: return "too_few";
        case TrendVerdict::too_small: return "too_small";
        case TrendVerdict::rising: return "rising";
        case TrendVerdict::falling: return "falling";
    }
    return "too_few";
}

namespace {

AuditTrend trend_of(std::string programme, std::string positive_label, std::vector<TrendPoint> points) {
    AuditTrend t;
    t.programme = std::move(programme);
    t.positive_label = std::move(positive_label);
    std::stable_sort(points.begin(), points.end(), [](const TrendPoint& a, const TrendPoint& b) { return a.held < b.held; });
    t.points = std::move(points);
    std::vector<const TrendPoint*> graded;
    for (const TrendPoint& p : t.points)
        if (p.positive.n > 0) graded.push_back(&p);
    if (graded.size() < 2) {
        t.verdict = TrendVerdict::too_few;
        t.statement = "Too few audits to tell a trend: " + std::to_string(graded.size()) +
                      " with cases graded (two are needed).";
        return t;
    }
    const TrendPoint& first = *graded.front();
    const TrendPoint& last = *graded.back();
    const std::string what = "the share " + t.positive_label + " went from " + percent(first.positive.share) +
                             " (n=" + std::to_string(first.positive.n) + ", " + first.held.iso() + ", 95% CI " +
                             percent(first.positive.low) + "-" + percent(first.positive.high) + ") to " +
                             percent(last.positive.share) + " (n=" + std::to_string(last.positive.n) + ", " +
                             last.held.iso() + ", 95% CI " + percent(last.positive.low) + "-" +
                             percent(last.positive.high) + ")";
    const bool overlap = first.positive.low <= last.positive.high && last.positive.low <= first.positive.high;
    if (overlap) {
        t.verdict = TrendVerdict::too_small;
        t.statement = "Too small to tell: " + what +
                      ", but the two 95% intervals overlap, so the samples cannot show a real change.";
    } else if (last.positive.share > first.positive.share) {
        t.verdict = TrendVerdict::rising;
        t.statement = "Rising: " + what + "; the 95% intervals do not overlap.";
    } else {
        t.verdict = TrendVerdict::falling;
        t.statement = "Falling: " + what + "; the 95% intervals do not overlap.";
    }
    return t;
}

}  // namespace

AuditTrend audit_trend(std::string programme, const AuditScale& scale, std::vector<TrendPoint> points) {
    return trend_of(std::move(programme), label(scale), std::move(points));
}

AuditTrend audit_trend_by_type(const Store& store, std::string_view type) {
    const std::string want = detail::lower(detail::trim(type));
    std::vector<AuditProgramme> programmes;
    for (AuditProgramme& p : list_audit_programmes(store))
        if (detail::lower(p.type) == want) programmes.push_back(std::move(p));
    if (programmes.empty()) throw Error(Status::not_found, "no audit programme of type " + detail::in_quotes(type));
    std::string names;
    bool one_scale = true;
    std::vector<TrendPoint> points;
    for (const AuditProgramme& p : programmes) {
        names += (names.empty() ? "" : ", ") + p.name;
        one_scale = one_scale && p.scale == programmes.front().scale;
        for (const Audit& a : list_audits(store, p.name))
            points.push_back({a.reference, a.held, audit_result(store, a.reference).positive});
    }
    AuditTrend t = trend_of(names, one_scale ? label(programmes.front().scale) : "graded positive", std::move(points));
    t.type = programmes.front().type;
    return t;
}

AuditTrend audit_trend(const Store& store, std::string_view programme) {
    const auto p = try_find_audit_programme(store, programme);
    if (!p) throw Error(Status::not_found, "no audit programme " + detail::in_quotes(programme));
    std::vector<TrendPoint> points;
    for (const Audit& a : list_audits(store, p->name)) {
        const AuditResult r = audit_result(store, a.reference);
        points.push_back({a.reference, a.held, r.positive});
    }
    AuditTrend t = audit_trend(p->name, p->scale, std::move(points));
    t.type = p->type;
    return t;
}

std::string audit_trend_to_json(const AuditTrend& t) {
    ojson doc = {{"format", "oversight-audit-trend"},
                 {"version", 1},
                 {"programme", t.programme},
                 {"type", t.type},
                 {"positive_label", t.positive_label},
                 {"audits", ojson::array()},
                 {"verdict", std::string(to_string(t.verdict))},
                 {"statement", t.statement}};
    for (const TrendPoint& p : t.points)
        doc["audits"].push_back({{"reference", p.reference}, {"held", p.held.iso()}, {"positive", to_json(p.positive)}});
    return dump(doc);
}

std::string audit_trend_to_text(const AuditTrend& t) {
    std::ostringstream out;
    out << "Audit trend: " << detail::sanitize_utf8(t.programme) << " (share " << t.positive_label << ")\n";
    for (const TrendPoint& p : t.points)
        out << "  " << p.held.iso() << " " << detail::sanitize_utf8(p.reference) << ": " << describe(p.positive) << "\n";
    out << t.statement << "\n";
    return out.str();
}

}  // namespace oversight
