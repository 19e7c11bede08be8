// The supervision audit (supervision/supervision_audit.hpp): sessions drawn
// with the audit subsystem's sampler and graded against the standard's
// criteria, with the audit subsystem's Wilson intervals.
#include <oversight/supervision/supervision_audit.hpp>

#include <oversight/core/error.hpp>
#include <oversight/supervision/supervision.hpp>

#include "core/text.hpp"
#include "core/validation.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

namespace oversight {

namespace {

using ojson = nlohmann::ordered_json;

constexpr int kMaxSample = 10000;

void check_count(int n, int max, const char* what) {
    if (n < 0 || n > max)
        throw Error(Status::invalid_arg, std::string("supervision audit: ") + what + " " + std::to_string(n) +
                                             " is outside 0.." + std::to_string(max));
}

ojson to_json(const Proportion& p) {
    return {{"k", p.k}, {"n", p.n}, {"share", p.share}, {"low", p.low}, {"high", p.high}};
}

}  // namespace

SupervisionAudit supervision_audit(const Store& store, const SupervisionAuditOptions& o,
                                   const SupervisionStandard& standard) {
    detail::check_date_range(o.from, "supervision audit from");
    detail::check_date_range(o.to, "supervision audit to");
    if (o.to < o.from)
        throw Error(Status::invalid_arg, "supervision audit: to " + o.to.iso() + " is before from " + o.from.iso());
    check_count(o.per_supervisor, kMaxSample, "per_supervisor");
    check_count(o.sample_size, kMaxSample, "sample_size");
    const int ncriteria = static_cast<int>(standard.criteria().size());
    check_count(o.min_criteria, ncriteria, "min_criteria");

    SupervisionAudit out;
    out.options = o;
    out.standard = standard.name();
    out.threshold = o.min_criteria == 0 ? ncriteria : o.min_criteria;

    // The candidates, per stratum, in session id order: the sampler's fixed order.
    std::map<std::string, std::vector<SupervisionRecord>> strata;
    for (SupervisionRecord& r : list_supervisions(store, o.from, o.to)) {
        ++out.sessions;
        strata[o.per_supervisor > 0 ? r.supervisor : std::string()].push_back(std::move(r));
    }
    if (strata.empty()) strata.emplace(std::string(), std::vector<SupervisionRecord>());  // nothing held: one empty stratum
    const std::size_t k = o.per_supervisor > 0 ? static_cast<std::size_t>(o.per_supervisor)
                          : o.sample_size > 0  ? static_cast<std::size_t>(o.sample_size)
                                               : static_cast<std::size_t>(out.sessions);

    std::map<std::string, int> evidenced;  // criterion id -> sampled sessions evidencing it
    int satisfactory = 0;
    for (auto& [name, pool] : strata) {
        std::sort(pool.begin(), pool.end(),
                  [](const SupervisionRecord& a, const SupervisionRecord& b) { return a.id < b.id; });
        const auto positions = draw_positions(pool.size(), k, o.seed, name);
        out.strata.push_back({name, static_cast<int>(pool.size()), 0, static_cast<int>(positions.size())});
        for (std::size_t i : positions) {
            const SupervisionRecord& r = pool[i];
            SupervisionAuditItem item{r.id, r.supervisee, r.supervisor, r.held, name, {}, {}, {}};
            const std::set<std::string> has(r.criteria.begin(), r.criteria.end());
            for (const SupervisionCriterion& c : standard.criteria()) {
                if (has.count(c.id)) {
                    item.evidenced.push_back(c.id);
                    ++evidenced[c.id];
                } else {
                    item.missing.push_back(c.id);
                }
            }
            const bool ok = static_cast<int>(item.evidenced.size()) >= out.threshold;
            item.grade = ok ? "satisfactory" : "inadequate";
            if (ok) ++satisfactory;
            out.items.push_back(std::move(item));
        }
    }
    const int n = static_cast<int>(out.items.size());
    for (const SupervisionCriterion& c : standard.criteria())
        out.criteria.push_back({c.id, c.title, wilson(evidenced[c.id], n)});
    out.satisfactory = wilson(satisfactory, n);
    return out;
}

std::string supervision_audit_to_json(const SupervisionAudit& a) {
    ojson doc = {{"format", "oversight-supervision-audit"},
                 {"version", 1},
                 {"from", a.options.from.iso()},
                 {"to", a.options.to.iso()},
                 {"seed", std::to_string(a.options.seed)},
                 {"per_supervisor", a.options.per_supervisor},
                 {"sample_size", a.options.sample_size},
                 {"min_criteria", a.threshold},
                 {"standard", a.standard},
                 {"sessions", a.sessions},
                 {"strata", ojson::array()},
                 {"items", ojson::array()},
                 {"criteria", ojson::array()},
                 {"satisfactory", to_json(a.satisfactory)}};
    for (const StratumDraw& d : a.strata)
        doc["strata"].push_back({{"stratum", d.stratum}, {"eligible", d.eligible}, {"drawn", d.drawn}});
    for (const SupervisionAuditItem& i : a.items)
        doc["items"].push_back({{"session", i.session},
                                {"supervisee", i.supervisee},
                                {"supervisor", i.supervisor},
                                {"held", i.held.iso()},
                                {"stratum", i.stratum},
                                {"evidenced", i.evidenced},
                                {"missing", i.missing},
                                {"grade", i.grade}});
    for (const SupervisionCriterionResult& c : a.criteria)
        doc["criteria"].push_back({{"id", c.id}, {"title", c.title}, {"evidenced", to_json(c.evidenced)}});
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

std::string supervision_audit_to_text(const SupervisionAudit& a) {
    std::ostringstream out;
    out << "Supervision audit of the sessions held " << a.options.from.iso() << " to " << a.options.to.iso() << ": "
        << a.items.size() << " of " << a.sessions << " drawn (seed " << a.options.seed;
    if (a.options.per_supervisor > 0) out << ", " << a.options.per_supervisor << " per supervisor";
    else if (a.options.sample_size > 0) out << ", " << a.options.sample_size << " in all";
    out << "), standard " << detail::sanitize_utf8(a.standard) << "\n";
    for (const SupervisionAuditItem& i : a.items) {
        out << "  session " << i.session << " " << i.held.iso() << " " << detail::sanitize_utf8(i.supervisee)
            << " by " << detail::sanitize_utf8(i.supervisor) << ": " << i.grade << " (" << i.evidenced.size()
            << " of " << (i.evidenced.size() + i.missing.size()) << " criteria";
        if (!i.missing.empty()) {
            out << "; missing";
            for (const std::string& m : i.missing) out << " " << m;
        }
        out << ")\n";
    }
    out << "Criteria evidenced:\n";
    for (const SupervisionCriterionResult& c : a.criteria)
        out << "  " << c.id << ": " << describe(c.evidenced) << "\n";
    out << "Satisfactory (at least " << a.threshold << " criteria): " << describe(a.satisfactory) << "\n";
    return out.str();
}

Audit supervision_audit_as_audit(const SupervisionAudit& a, std::string reference, std::string programme, Date held,
                                 Date recorded) {
    Audit out;
    out.reference = std::move(reference);
    out.programme = std::move(programme);
    out.held = held;
    out.recorded = recorded;
    for (const SupervisionAuditItem& i : a.items) {
        AuditedCase c;
        c.grade = i.grade;
        for (const std::string& id : i.evidenced) c.answers[id] = "yes";
        for (const std::string& id : i.missing) c.answers[id] = "no";
        c.findings = "supervision " + std::to_string(i.session) + ": " + i.supervisee + " supervised by " +
                     i.supervisor + ", held " + i.held.iso();
        out.cases.push_back(std::move(c));
    }
    return out;
}

}  // namespace oversight
