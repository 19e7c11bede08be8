// Audit programmes, reproducible samples and audits (audit/audit.hpp); the
// results and trends are in audit_result.cpp.
#include <oversight/audit/audit.hpp>

#include <oversight/casework/case.hpp>
#include <oversight/core/error.hpp>
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/person.hpp>

#include "audit/audit_repository.hpp"
#include "casework/casework_repository.hpp"
#include "core/json.hpp"
#include "core/text.hpp"
#include "core/transaction.hpp"
#include "core/validation.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace oversight {

namespace {

/// FNV-1a, 64 bits (Fowler, Noll and Vo; offset basis and prime as
/// published): the same text gives the same value on every platform.
std::uint64_t fnv1a64(std::string_view text) noexcept {
    std::uint64_t h = 14695981039346656037ULL;
    for (unsigned char ch : text) {
        h ^= ch;
        h *= 1099511628211ULL;
    }
    return h;
}

using ojson = nlohmann::ordered_json;

constexpr std::size_t kMaxGrades = 10;
constexpr std::size_t kMaxTextBytes = 16384;
constexpr int kMaxPerStratum = 10000;

constexpr std::pair<std::string_view, AuditStratum> kStrata[] = {{"none", AuditStratum::none},
                                                                 {"team", AuditStratum::team},
                                                                 {"worker", AuditStratum::worker},
                                                                 {"attribute", AuditStratum::attribute},
                                                                 {"manager", AuditStratum::manager}};

bool is_key(std::string_view s) {
    if (s.empty() || s.size() > 64 || !(s[0] >= 'a' && s[0] <= 'z')) return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

/// A grade name folded: trimmed, lower case, runs of spaces and hyphens as '_'.
std::string fold(std::string_view text) {
    std::string out;
    for (char c : detail::lower(detail::collapse_spaces(detail::trim(text))))
        out += (c == ' ' || c == '-') ? '_' : c;
    return out;
}

std::string programme_text(std::string_view name) { return "audit programme " + detail::in_quotes(name); }
std::string audit_text(std::string_view ref) { return "audit " + detail::in_quotes(ref); }

void check_day(Date d, const std::string& what) {
    detail::check_date_range(d, what.c_str());
    if (Date::today() < d) throw Error(Status::invalid_arg, what + " " + d.iso() + " is after today");
}

std::string checked_person(const Store& store, std::string_view name, const std::string& what) {
    const std::string n = detail::checked_name(name, what.c_str(), detail::kMaxNameBytes);
    auto p = try_find_person(store, n);
    if (!p) throw Error(Status::not_found, what + ": no person named " + detail::in_quotes(n));
    return p->name;
}

std::string checked_long_text(std::string_view text, const std::string& what) {
    const std::string t = detail::checked_text(text, what.c_str(), true);
    detail::check_size(t, kMaxTextBytes, what);
    return std::string(detail::trim(t));
}

}  // namespace

// --- scales ----------------------------------------------------------------------

bool operator==(const AuditScale& a, const AuditScale& b) { return a.grades == b.grades && a.positive == b.positive; }

AuditScale ofsted_scale() { return {{"outstanding", "good", "requires_improvement", "inadequate"}, 2}; }
AuditScale two_point_scale() { return {{"satisfactory", "inadequate"}, 1}; }

AuditScale parse_audit_scale(std::string_view text) {
    const std::string quoted = detail::in_quotes(text);
    if (!detail::is_valid_utf8(text)) throw Error(Status::parse, "audit scale " + quoted + ": not valid UTF-8");
    const std::string named = fold(text);
    if (named == "ofsted") return ofsted_scale();
    if (named == "two_point" || named == "satisfactory") return two_point_scale();
    AuditScale s;
    int bars = 0;
    std::string item;
    auto take = [&](bool bar) {
        const std::string g = fold(item);
        const std::string place = "audit scale " + quoted + ": grade " + std::to_string(s.grades.size() + 1);
        if (g.empty()) throw Error(Status::parse, place + " is empty");
        if (!is_key(g)) throw Error(Status::parse, place + " " + detail::in_quotes(item) +
                                                       " is not a name of letters, digits and spaces");
        if (std::find(s.grades.begin(), s.grades.end(), g) != s.grades.end())
            throw Error(Status::parse, place + " " + detail::in_quotes(g) + " appears twice");
        s.grades.push_back(g);
        if (s.grades.size() > kMaxGrades)
            throw Error(Status::parse, "audit scale " + quoted + ": more than " + std::to_string(kMaxGrades) + " grades");
        if (bar) {
            if (++bars > 1) throw Error(Status::parse, "audit scale " + quoted + ": more than one '|'");
            s.positive = static_cast<int>(s.grades.size());
        }
        item.clear();
    };
    for (char c : text) {
        if (c == ',' || c == '|') take(c == '|');
        else item += c;
    }
    take(false);
    if (bars == 0)
        throw Error(Status::parse, "audit scale " + quoted +
                                       ": no '|' after the grades that count as positive (\"good, fair | poor\")");
    if (s.grades.size() < 2) throw Error(Status::parse, "audit scale " + quoted + ": fewer than two grades");
    return s;
}

std::string to_string(const AuditScale& scale) {
    std::string out;
    for (std::size_t i = 0; i < scale.grades.size(); ++i) {
        if (i) out += static_cast<int>(i) == scale.positive ? " | " : ", ";
        out += scale.grades[i];
    }
    return out;
}

std::string checked_grade(const AuditScale& scale, std::string_view grade) {
    const std::string g = fold(grade);
    for (const std::string& known : scale.grades)
        if (known == g) return known;
    throw Error(Status::invalid_arg, "grade " + detail::in_quotes(grade) + " is not on the scale (" +
                                         to_string(scale) + ")");
}

// --- programmes ----------------------------------------------------------------------

std::string_view to_string(AuditStratum s) noexcept {
    for (const auto& [name, value] : kStrata)
        if (value == s) return name;
    return "none";
}

AuditStratum parse_audit_stratum(std::string_view text) { return detail::parse_enum(text, kStrata, "audit stratum"); }

bool operator==(const SamplingRule& a, const SamplingRule& b) {
    return a.per_stratum == b.per_stratum && a.stratify == b.stratify && a.attribute == b.attribute &&
           a.exclusion_months == b.exclusion_months;
}

bool operator==(const AuditProgramme& a, const AuditProgramme& b) {
    return a.id == b.id && a.name == b.name && a.type == b.type && a.cycle == b.cycle && a.owner == b.owner &&
           a.scale == b.scale && a.sampling == b.sampling && a.next_due == b.next_due;
}

std::optional<Duration> parse_audit_cycle(std::string_view text) {
    const std::string t = fold(text);
    if (t.empty() || t == "none" || t == "once") return std::nullopt;
    if (t == "monthly") return Duration{1, Unit::months};
    if (t == "quarterly") return Duration{3, Unit::months};
    if (t == "annually" || t == "yearly") return Duration{12, Unit::months};
    Duration d = parse_duration(text);
    if (d.count < 1 || d.unit == Unit::school_days || d.unit == Unit::school_terms)
        throw Error(Status::parse, "audit cycle " + detail::in_quotes(text) +
                                       " is not monthly, quarterly, annually or a positive number of days, "
                                       "working days, weeks or months");
    return d;
}

std::int64_t add_audit_programme(Store& store, const AuditProgramme& in) {
    AuditProgramme p = in;
    p.id = 0;
    p.name = detail::checked_name(in.name, "audit programme name", detail::kMaxIdBytes);
    const std::string what = programme_text(p.name);
    p.type = fold(in.type);
    if (!is_key(p.type))
        throw Error(Status::invalid_arg, what + " type " + detail::in_quotes(in.type) +
                                             " is not a name of letters, digits and '_' (e.g. pep, care_plan)");
    p.cycle = std::string(detail::trim(in.cycle));
    try {
        if (auto d = parse_audit_cycle(p.cycle)) p.cycle = (fold(p.cycle) == "monthly" || fold(p.cycle) == "quarterly" ||
                                                            fold(p.cycle) == "annually")
                                                               ? fold(p.cycle)
                                                               : describe(*d);
        else p.cycle.clear();
    } catch (const Error& e) {
        throw Error(Status::invalid_arg, what + ": " + e.what());
    }
    if (p.scale.grades.size() < 2 || p.scale.grades.size() > kMaxGrades || p.scale.positive < 1 ||
        p.scale.positive >= static_cast<int>(p.scale.grades.size()))
        throw Error(Status::invalid_arg, what + " scale: 2 to 10 grades, and at least one on each side of '|'");
    try {
        p.scale = parse_audit_scale(to_string(p.scale));  // every grade checked as the parser does
    } catch (const Error& e) {
        throw Error(Status::invalid_arg, what + ": " + e.what());
    }
    const SamplingRule& r = p.sampling;
    if (r.per_stratum < 0 || r.per_stratum > kMaxPerStratum)
        throw Error(Status::invalid_arg, what + " sampling: " + std::to_string(r.per_stratum) +
                                             " cases per stratum is outside 0.." + std::to_string(kMaxPerStratum));
    if (r.exclusion_months < 0 || r.exclusion_months > 120)
        throw Error(Status::invalid_arg, what + " sampling: an exclusion of " + std::to_string(r.exclusion_months) +
                                             " months is outside 0..120");
    if (r.stratify == AuditStratum::attribute) {
        p.sampling.attribute = std::string(detail::trim(r.attribute));
        if (!is_key(p.sampling.attribute))
            throw Error(Status::invalid_arg, what + " sampling: stratified by attribute, but the attribute " +
                                                 detail::in_quotes(r.attribute) + " is not a key ([a-z][a-z0-9_]*)");
    } else if (!detail::trim(r.attribute).empty()) {
        throw Error(Status::invalid_arg, what + " sampling: an attribute is given but the sample is stratified by " +
                                             std::string(to_string(r.stratify)));
    }
    if (p.next_due) detail::check_date_range(*p.next_due, (what + " next due").c_str());
    std::int64_t id = 0;
    detail::in_transaction(store, "adding " + what, [&] {
        p.owner = checked_person(store, in.owner, what + " owner");
        auto& repo = detail::audit_repository(store);
        if (repo.find_programme(p.name)) throw Error(Status::conflict, what + " already exists");
        id = repo.add_programme(p);
    });
    return id;
}

std::optional<AuditProgramme> try_find_audit_programme(const Store& store, std::string_view name) {
    return detail::audit_repository(store).find_programme(detail::trim(name));
}

std::vector<AuditProgramme> list_audit_programmes(const Store& store) {
    return detail::audit_repository(store).programmes();
}

void set_audit_programme_due(Store& store, std::string_view name, std::optional<Date> due) {
    const std::string n = detail::checked_name(name, "audit programme name", detail::kMaxIdBytes);
    if (due) detail::check_date_range(*due, (programme_text(n) + " next due").c_str());
    detail::in_transaction(store, "setting the due date of " + programme_text(n), [&] {
        auto& repo = detail::audit_repository(store);
        auto p = repo.find_programme(n);
        if (!p) throw Error(Status::not_found, "no " + programme_text(n));
        repo.set_programme_due(p->id, due);
    });
}

std::string audit_programmes_to_json(const std::vector<AuditProgramme>& programmes) {
    ojson doc = {{"format", "oversight-audit-programmes"}, {"version", 1}, {"programmes", ojson::array()}};
    for (const AuditProgramme& p : programmes)
        doc["programmes"].push_back({{"name", p.name},
                                     {"type", p.type},
                                     {"cycle", p.cycle},
                                     {"owner", p.owner},
                                     {"scale", to_string(p.scale)},
                                     {"per_stratum", p.sampling.per_stratum},
                                     {"stratify", std::string(to_string(p.sampling.stratify))},
                                     {"attribute", p.sampling.attribute},
                                     {"exclusion_months", p.sampling.exclusion_months},
                                     {"next_due", p.next_due ? ojson(p.next_due->iso()) : ojson()}});
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

// --- samples ----------------------------------------------------------------------------

std::uint64_t SplitMix64::next() noexcept {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t SplitMix64::below(std::uint64_t bound) noexcept {
    if (bound <= 1) return 0;
    // The largest multiple of bound that fits: values at or above it are
    // drawn again, so each of 0..bound-1 is equally likely.
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
    for (;;) {
        const std::uint64_t r = next();
        if (r < limit) return r % bound;
    }
}

std::vector<std::size_t> draw_positions(std::size_t population, std::size_t k, std::uint64_t seed,
                                        std::string_view stratum) {
    // Each stratum has its own generator, seeded from the seed and the
    // stratum's name (FNV-1a), so a stratum's draw does not change when
    // another stratum appears or grows.
    SplitMix64 rng(seed ^ fnv1a64(stratum));
    std::vector<std::size_t> pool(population);
    for (std::size_t i = 0; i < population; ++i) pool[i] = i;
    k = std::min(k, population);
    for (std::size_t i = 0; i < k; ++i) {
        const std::size_t j = i + static_cast<std::size_t>(rng.below(population - i));
        std::swap(pool[i], pool[j]);
    }
    pool.resize(k);
    std::sort(pool.begin(), pool.end());
    return pool;
}

namespace {

/// The one place a case's stratum is resolved, for every kind of stratum:
/// what the case's allocation, its worker's appointment or its attributes
/// say on the day of the draw; "(none)" when that is nothing; "" when the
/// sample is not stratified. Line managers are looked up once per worker.
class StratumOf {
public:
    StratumOf(const Store& store, const SamplingRule& rule, Date day) : store_(store), rule_(rule), day_(day) {}

    std::string operator()(const CaseSummary& c) {
        switch (rule_.stratify) {
            case AuditStratum::none: return "";
            case AuditStratum::team: return or_none(c.team);
            case AuditStratum::worker: return or_none(c.worker);
            case AuditStratum::manager: return or_none(manager_of(c.worker));
            case AuditStratum::attribute: {
                const CaseRecord r = load_case(store_, c.child_id, day_);
                auto it = r.attributes.find(rule_.attribute);
                return or_none(it == r.attributes.end() ? std::string() : it->second);
            }
        }
        return "";
    }

private:
    static std::string or_none(const std::string& name) { return name.empty() ? "(none)" : name; }

    /// The line manager of the worker's appointment in force on the day ("" for none).
    const std::string& manager_of(const std::string& worker) {
        auto it = managers_.find(worker);
        if (it == managers_.end()) {
            std::string manager;
            if (!worker.empty())
                if (const auto a = appointment_on(store_, worker, day_)) manager = a->line_manager;
            it = managers_.emplace(worker, std::move(manager)).first;
        }
        return it->second;
    }

    const Store& store_;
    const SamplingRule& rule_;
    Date day_;
    std::map<std::string, std::string> managers_;  // worker -> line manager
};

}  // namespace

AuditSample draw_audit_sample(const Store& store, std::string_view programme, Date as_of, std::uint64_t seed) {
    const auto p = try_find_audit_programme(store, programme);
    if (!p) throw Error(Status::not_found, "no " + programme_text(programme));
    const std::string what = programme_text(p->name);
    if (p->sampling.per_stratum == 0)
        throw Error(Status::invalid_arg, what + " holds no cases (its audits are counts only): nothing to draw");
    detail::check_date_range(as_of, (what + " sample date").c_str());
    std::set<std::string> recent;
    if (p->sampling.exclusion_months > 0) {
        const Date since = as_of.add_months(-p->sampling.exclusion_months);
        for (std::string& c : detail::audit_repository(store).audited_children(p->name, since, as_of))
            recent.insert(std::move(c));
    }
    AuditSample out;
    out.programme = p->name;
    out.as_of = as_of;
    out.seed = seed;
    std::map<std::string, std::vector<SampledCase>> strata;  // eligible, by stratum, in child id order
    std::map<std::string, StratumDraw> counts;
    StratumOf stratum_of(store, p->sampling, as_of);
    for (const CaseSummary& c : list_cases(store, {}, as_of)) {
        if (c.worker.empty()) continue;  // not an open case on as_of: nobody holds it
        SampledCase s{c.child_id, stratum_of(c), c.worker, c.team};
        StratumDraw& d = counts[s.stratum];
        d.stratum = s.stratum;
        ++d.eligible;
        if (recent.count(c.child_id)) {
            ++d.excluded;
            continue;
        }
        strata[s.stratum].push_back(std::move(s));
    }
    for (auto& [name, d] : counts) {
        std::vector<SampledCase>& pool = strata[name];
        std::sort(pool.begin(), pool.end(),
                  [](const SampledCase& a, const SampledCase& b) { return a.child_id < b.child_id; });
        const auto positions =
            draw_positions(pool.size(), static_cast<std::size_t>(p->sampling.per_stratum), seed, name);
        const std::size_t k = positions.size();
        std::vector<SampledCase> drawn;
        for (std::size_t i : positions) drawn.push_back(pool[i]);
        d.drawn = static_cast<int>(k);
        out.strata.push_back(d);
        for (SampledCase& s : drawn) out.cases.push_back(std::move(s));
    }
    return out;
}

std::string audit_sample_to_json(const AuditSample& s) {
    ojson doc = {{"format", "oversight-audit-sample"}, {"version", 1},          {"programme", s.programme},
                 {"as_of", s.as_of.iso()},             {"seed", std::to_string(s.seed)}, {"strata", ojson::array()},
                 {"cases", ojson::array()}};
    for (const StratumDraw& d : s.strata)
        doc["strata"].push_back(
            {{"stratum", d.stratum}, {"eligible", d.eligible}, {"excluded", d.excluded}, {"drawn", d.drawn}});
    for (const SampledCase& c : s.cases)
        doc["cases"].push_back({{"child", c.child_id}, {"stratum", c.stratum}, {"worker", c.worker}, {"team", c.team}});
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

// --- audits -------------------------------------------------------------------------------

bool operator==(const PlanActionLink& a, const PlanActionLink& b) {
    return a.plan_id == b.plan_id && a.action == b.action;
}

std::int64_t record_audit(Store& store, const Audit& in, const Calendar& calendar) {
    Audit a = in;
    a.id = 0;
    a.reference = detail::checked_name(in.reference, "audit reference", detail::kMaxIdBytes);
    const std::string what = audit_text(a.reference);
    check_day(in.held, what + " held");
    check_day(in.recorded, what + " recorded");
    if (in.recorded < in.held)
        throw Error(Status::invalid_arg, what + " recorded " + in.recorded.iso() + " is before it was held " +
                                             in.held.iso());
    a.findings = checked_long_text(in.findings, what + " findings");
    for (std::size_t i = 0; i < a.auditors.size(); ++i) {
        const std::string at = what + " auditor " + std::to_string(i + 1);
        a.auditors[i].name = detail::checked_name(in.auditors[i].name, (at + " name").c_str(), detail::kMaxNameBytes);
        a.auditors[i].agency =
            detail::checked_name(in.auditors[i].agency, (at + " agency").c_str(), detail::kMaxNameBytes, true);
        a.auditors[i].agency = std::string(detail::trim(a.auditors[i].agency));
    }
    std::int64_t id = 0;
    detail::in_transaction(store, "recording " + what, [&] {
        auto& repo = detail::audit_repository(store);
        const auto p = repo.find_programme(detail::trim(in.programme));
        if (!p) throw Error(Status::not_found, what + ": no " + programme_text(in.programme));
        a.programme = p->name;
        if (auto taken = repo.find(a.reference))
            throw Error(Status::conflict, what + " already exists (held " + taken->held.iso() + ")");
        std::set<std::string> children;
        for (std::size_t i = 0; i < a.cases.size(); ++i) {
            AuditedCase& c = a.cases[i];
            const std::string at = what + " case " + std::to_string(i + 1);
            c.id = 0;
            c.grade = checked_grade(p->scale, c.grade);
            if (c.child_id) {
                c.child_id = detail::checked_name(*c.child_id, (at + " child").c_str(), detail::kMaxIdBytes);
                if (!detail::casework_repository(store).has_child(*c.child_id))
                    throw Error(Status::not_found, at + ": no child with id " + detail::in_quotes(*c.child_id));
                if (!children.insert(detail::lower(*c.child_id)).second)
                    throw Error(Status::invalid_arg, at + ": child " + detail::in_quotes(*c.child_id) +
                                                         " is audited twice in one audit");
            }
            for (auto& [key, answer] : c.answers) {
                if (!is_key(key))
                    throw Error(Status::invalid_arg, at + ": criterion " + detail::in_quotes(key) +
                                                         " is not a key ([a-z][a-z0-9_]*, at most 64 bytes)");
                answer = detail::checked_name(answer, (at + " answer to " + key).c_str(), detail::kMaxNameBytes);
            }
            c.findings = checked_long_text(c.findings, at + " findings");
        }
        std::map<std::string, int> counts;
        for (const auto& [grade, n] : in.counts) {
            const std::string g = checked_grade(p->scale, grade);
            if (n < 0 || n > 1000000)
                throw Error(Status::invalid_arg, what + " count of " + g + ": " + std::to_string(n) +
                                                     " is outside 0..1000000");
            if (counts.count(g)) throw Error(Status::invalid_arg, what + " count of " + g + " is given twice");
            counts[g] = n;
        }
        a.counts = counts;
        int total = static_cast<int>(a.cases.size());
        for (const auto& [g, n] : counts) total += n;
        if (total == 0) throw Error(Status::invalid_arg, what + " grades no case: give cases or counts");
        for (std::size_t i = 0; i < a.recommendations.size(); ++i) {
            AuditRecommendation& r = a.recommendations[i];
            const std::string at = what + " recommendation " + std::to_string(i + 1);
            r.number = static_cast<int>(i + 1);
            r.text = checked_long_text(r.text, at + " text");
            if (r.text.empty()) throw Error(Status::invalid_arg, at + " text is empty");
            r.owner = checked_person(store, r.owner, at + " owner");
            detail::check_date_range(r.due, (at + " due").c_str());
            if (r.due < a.held)
                throw Error(Status::invalid_arg, at + " due " + r.due.iso() + " is before the audit was held " +
                                                     a.held.iso());
            if (r.completed) {
                check_day(*r.completed, at + " completed");
                if (*r.completed < a.held)
                    throw Error(Status::invalid_arg, at + " completed " + r.completed->iso() +
                                                         " is before the audit was held");
            }
        }
        std::vector<PlanActionLink> links;
        for (const PlanActionLink& l : in.plan_actions) {
            PlanActionLink k{l.plan_id, std::string(detail::trim(l.action))};
            if (!repo.plan_action_id(k))
                throw Error(Status::not_found, what + ": plan " + std::to_string(l.plan_id) + " has no action " +
                                                   detail::in_quotes(l.action));
            if (std::find(links.begin(), links.end(), k) == links.end()) links.push_back(k);
        }
        a.plan_actions = links;
        id = repo.add(a);
        if (auto cycle = parse_audit_cycle(p->cycle)) {
            const Date next = add_duration(a.held, *cycle, calendar);
            if (!p->next_due || *p->next_due < next) repo.set_programme_due(p->id, next);
        }
    });
    return id;
}

std::optional<Audit> try_find_audit(const Store& store, std::string_view reference) {
    return detail::audit_repository(store).find(detail::trim(reference));
}

std::vector<Audit> list_audits(const Store& store, std::string_view programme) {
    return detail::audit_repository(store).audits(detail::trim(programme));
}

Audit parse_audit_record(std::string_view text, std::string_view source) {
    const std::string src(source);
    const nlohmann::json doc = detail::parse_json(text, src);
    auto bad = [&](const std::string& where, const std::string& why) {
        return Error(Status::parse, src + ": " + where + " " + why);
    };
    auto str = [&](const nlohmann::json& o, const char* key, const std::string& where,
                   bool required) -> std::optional<std::string> {
        auto it = o.find(key);
        if (it == o.end() || it->is_null()) {
            if (required) throw bad(where + "." + key, "is missing");
            return std::nullopt;
        }
        if (!it->is_string()) throw bad(where + "." + key, "is not a string");
        return it->get<std::string>();
    };
    auto date = [&](const nlohmann::json& o, const char* key, const std::string& where,
                    bool required) -> std::optional<Date> {
        auto t = str(o, key, where, required);
        if (!t) return std::nullopt;
        auto d = Date::try_parse_iso(*t);
        if (!d) throw bad(where + "." + key, detail::in_quotes(*t) + " is not a date YYYY-MM-DD");
        return d;
    };
    auto array = [&](const nlohmann::json& o, const char* key, const std::string& where) -> const nlohmann::json* {
        auto it = o.find(key);
        if (it == o.end() || it->is_null()) return nullptr;
        if (!it->is_array()) throw bad(where + "." + key, "is not an array");
        return &*it;
    };
    auto object = [&](const nlohmann::json& v, const std::string& where) {
        if (!v.is_object()) throw bad(where, "is not an object");
    };
    object(doc, "the document");
    if (str(doc, "format", "", true) != "oversight-audit-record")
        throw bad(".format", "is not \"oversight-audit-record\"");
    {
        auto it = doc.find("version");
        if (it == doc.end() || !it->is_number_integer() || it->get<std::int64_t>() != 1)
            throw bad(".version", "is not 1");
    }
    Audit a;
    a.reference = *str(doc, "reference", "", true);
    a.programme = *str(doc, "programme", "", true);
    a.held = *date(doc, "held", "", true);
    a.recorded = *date(doc, "recorded", "", true);
    a.findings = str(doc, "findings", "", false).value_or("");
    if (auto* list = array(doc, "auditors", "")) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string at = ".auditors[" + std::to_string(i) + "]";
            object((*list)[i], at);
            a.auditors.push_back({*str((*list)[i], "name", at, true), str((*list)[i], "agency", at, false).value_or("")});
        }
    }
    if (auto* list = array(doc, "cases", "")) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string at = ".cases[" + std::to_string(i) + "]";
            const nlohmann::json& c = (*list)[i];
            object(c, at);
            AuditedCase k;
            k.child_id = str(c, "child", at, false);
            k.grade = *str(c, "grade", at, true);
            k.findings = str(c, "findings", at, false).value_or("");
            if (auto it = c.find("answers"); it != c.end() && !it->is_null()) {
                object(*it, at + ".answers");
                for (auto e = it->begin(); e != it->end(); ++e) {
                    if (!e.value().is_string()) throw bad(at + ".answers." + detail::sanitize_utf8(e.key()), "is not a string");
                    k.answers[e.key()] = e.value().get<std::string>();
                }
            }
            a.cases.push_back(std::move(k));
        }
    }
    if (auto it = doc.find("counts"); it != doc.end() && !it->is_null()) {
        object(*it, ".counts");
        for (auto e = it->begin(); e != it->end(); ++e) {
            if (!e.value().is_number_integer() || e.value().get<std::int64_t>() < 0 ||
                e.value().get<std::int64_t>() > 1000000)
                throw bad(".counts." + detail::sanitize_utf8(e.key()), "is not a whole number in 0..1000000");
            a.counts[e.key()] = static_cast<int>(e.value().get<std::int64_t>());
        }
    }
    if (auto* list = array(doc, "recommendations", "")) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string at = ".recommendations[" + std::to_string(i) + "]";
            object((*list)[i], at);
            AuditRecommendation r;
            r.number = static_cast<int>(i + 1);
            r.text = *str((*list)[i], "text", at, true);
            r.owner = *str((*list)[i], "owner", at, true);
            r.due = *date((*list)[i], "due", at, true);
            r.completed = date((*list)[i], "completed", at, false);
            a.recommendations.push_back(std::move(r));
        }
    }
    if (auto* list = array(doc, "plan_actions", "")) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string at = ".plan_actions[" + std::to_string(i) + "]";
            const nlohmann::json& l = (*list)[i];
            object(l, at);
            auto plan = l.find("plan");
            if (plan == l.end() || !plan->is_number_integer() || plan->get<std::int64_t>() < 1)
                throw bad(at + ".plan", "is not a plan id (a whole number from 1)");
            a.plan_actions.push_back({plan->get<std::int64_t>(), *str(l, "action", at, true)});
        }
    }
    return a;
}

void complete_audit_recommendation(Store& store, std::string_view reference, int number, Date completed) {
    const std::string ref = detail::checked_name(reference, "audit reference", detail::kMaxIdBytes);
    const std::string what = audit_text(ref) + " recommendation " + std::to_string(number);
    check_day(completed, what + " completed");
    detail::in_transaction(store, "completing " + what, [&] {
        auto& repo = detail::audit_repository(store);
        auto a = repo.find(ref);
        if (!a) throw Error(Status::not_found, "no " + audit_text(ref));
        if (number < 1 || number > static_cast<int>(a->recommendations.size()))
            throw Error(Status::not_found, audit_text(a->reference) + " has no recommendation " +
                                               std::to_string(number) + " (it has " +
                                               std::to_string(a->recommendations.size()) + ")");
        if (completed < a->held)
            throw Error(Status::invalid_arg, what + " completed " + completed.iso() + " is before the audit was held " +
                                                 a->held.iso());
        repo.set_recommendation_completed(a->id, number, completed);
    });
}

void link_audit_to_plan_action(Store& store, std::string_view reference, const PlanActionLink& link) {
    const std::string ref = detail::checked_name(reference, "audit reference", detail::kMaxIdBytes);
    const PlanActionLink k{link.plan_id, detail::checked_name(link.action, "plan action", detail::kMaxIdBytes)};
    detail::in_transaction(store, "linking " + audit_text(ref) + " to a plan action", [&] {
        auto& repo = detail::audit_repository(store);
        auto a = repo.find(ref);
        if (!a) throw Error(Status::not_found, "no " + audit_text(ref));
        if (!repo.plan_action_id(k))
            throw Error(Status::not_found, "plan " + std::to_string(k.plan_id) + " has no action " +
                                               detail::in_quotes(k.action));
        if (std::find(a->plan_actions.begin(), a->plan_actions.end(), k) != a->plan_actions.end()) return;
        repo.add_link(a->id, k);
    });
}

std::vector<std::string> audits_for_plan_action(const Store& store, const PlanActionLink& link) {
    return detail::audit_repository(store).linked_audits({link.plan_id, std::string(detail::trim(link.action))});
}

std::vector<AuditAction> audit_actions(const Store& store, Date as_of, bool open_only) {
    std::vector<AuditAction> out;
    for (const Audit& a : list_audits(store))
        for (const AuditRecommendation& r : a.recommendations) {
            if (open_only && r.completed) continue;
            AuditAction x{a.reference, a.programme, r.number, r.text, r.owner, r.due, r.completed};
            x.overdue = !r.completed && r.due < as_of;
            if (x.overdue) x.days_overdue = static_cast<int>(Date::days_between(r.due, as_of));
            out.push_back(std::move(x));
        }
    std::sort(out.begin(), out.end(), [](const AuditAction& a, const AuditAction& b) {
        if (a.overdue != b.overdue) return a.overdue;
        if (a.due != b.due) return a.due < b.due;
        if (a.audit != b.audit) return a.audit < b.audit;
        return a.number < b.number;
    });
    return out;
}

std::string audit_actions_to_json(Date as_of, const std::vector<AuditAction>& actions) {
    ojson doc = {{"format", "oversight-audit-actions"}, {"version", 1}, {"as_of", as_of.iso()},
                 {"actions", ojson::array()}};
    for (const AuditAction& x : actions)
        doc["actions"].push_back({{"audit", x.audit},
                                  {"programme", x.programme},
                                  {"number", x.number},
                                  {"text", x.text},
                                  {"owner", x.owner},
                                  {"due", x.due.iso()},
                                  {"completed", x.completed ? ojson(x.completed->iso()) : ojson()},
                                  {"state", x.completed ? "done" : x.overdue ? "overdue" : "open"},
                                  {"days_overdue", x.days_overdue}});
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

}  // namespace oversight
