// Indicators: kept in the store, computed from compliance, audits and
// supervision, and written out as JSON and text. The value types and their
// checks are the plan's (plan/plan.hpp); the RAG rule is plan/rag.cpp's.
#include <oversight/indicator/indicator.hpp>

#include <oversight/audit/audit.hpp>
#include <oversight/compliance/compliance.hpp>
#include <oversight/core/error.hpp>
#include <oversight/plan/rag.hpp>
#include <oversight/supervision/supervision.hpp>

#include "core/json.hpp"
#include "core/text.hpp"
#include "core/transaction.hpp"
#include "core/validation.hpp"
#include "indicator/indicator_repository.hpp"
#include "plan/plan_repository.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

namespace oversight {
namespace {

detail::IndicatorRepository& repo(Store& s) { return detail::indicator_repository(s); }
const detail::IndicatorRepository& repo(const Store& s) { return detail::indicator_repository(s); }

void require_plan(const Store& store, std::int64_t plan_id) {
    if (!detail::plan_repository(store).find_plan(plan_id))
        throw Error(Status::not_found, "store " + detail::store_path(store) + " holds no plan " + std::to_string(plan_id));
}

Indicator require_indicator(const Store& store, std::int64_t plan_id, std::string_view key) {
    auto i = repo(store).find(plan_id, key);
    if (!i)
        throw Error(Status::not_found, "plan " + std::to_string(plan_id) + " has no indicator " + detail::in_quotes(key));
    return std::move(*i);
}

bool known_measure(std::string_view key) {
    for (const IndicatorMeasure& m : indicator_measures())
        if (m.key == key) return true;
    return false;
}

std::string known_measures() {
    std::string out;
    for (const IndicatorMeasure& m : indicator_measures()) out += (out.empty() ? "" : ", ") + std::string(m.key);
    return out;
}

/// k of n as a percentage, or nothing when n is 0.
std::optional<double> percent(std::int64_t k, std::int64_t n) {
    if (n <= 0) return std::nullopt;
    return 100.0 * static_cast<double>(k) / static_cast<double>(n);
}

/// The values as stored: percentages rounded to 0.1 so that a refresh that
/// finds the same counts writes nothing.
double rounded(double v) { return std::round(v * 10.0) / 10.0; }

}  // namespace

const std::vector<IndicatorMeasure>& indicator_measures() {
    static const std::vector<IndicatorMeasure> kMeasures = {
        {"visits_in_timescale", "% of statutory visits in timescale", "%"},
        {"reviews_in_timescale", "% of looked-after reviews in timescale", "%"},
        {"peps_in_timescale", "% of PEPs in place in timescale", "%"},
        {"core_groups_in_timescale", "% of core groups held in timescale", "%"},
        {"supervision_in_timescale", "% of supervision in timescale", "%"},
        {"audits_good_or_better", "Share of audited cases good or better", "%"},
    };
    return kMeasures;
}

std::int64_t save_indicator(Store& store, std::int64_t plan_id, const Indicator& indicator) {
    Indicator i = checked_indicator(indicator);
    if (i.source == IndicatorSource::computed && !known_measure(i.measure))
        throw Error(Status::invalid_arg, "indicator " + detail::in_quotes(i.key) + " measure: unknown measure " +
                                             detail::in_quotes(i.measure) + " (known: " + known_measures() + ")");
    i.values.clear();
    std::int64_t id = 0;
    detail::in_transaction(store, "saving an indicator", [&] {
        require_plan(store, plan_id);
        if (auto old = repo(store).find(plan_id, i.key)) {
            i.id = old->id;
            repo(store).update(i);
            id = old->id;
        } else {
            id = repo(store).add(plan_id, i);
        }
    });
    return id;
}

std::int64_t record_indicator_value(Store& store, std::int64_t plan_id, std::string_view key,
                                    const IndicatorValue& value) {
    const std::string k = detail::checked_name(key, "indicator key", detail::kMaxIdBytes);
    const IndicatorValue v = checked_indicator_value(value, "indicator " + detail::in_quotes(k));
    std::int64_t id = 0;
    detail::in_transaction(store, "recording an indicator value", [&] {
        require_plan(store, plan_id);
        const Indicator i = require_indicator(store, plan_id, k);
        id = repo(store).put_value(i.id, v);
    });
    return id;
}

void link_indicator(Store& store, std::int64_t plan_id, std::string_view action_ref, std::string_view key) {
    const std::string ref = detail::checked_name(action_ref, "action reference", detail::kMaxIdBytes);
    const std::string k = detail::checked_name(key, "indicator key", detail::kMaxIdBytes);
    detail::in_transaction(store, "linking an indicator", [&] {
        require_plan(store, plan_id);
        auto action = detail::plan_repository(store).find_action(plan_id, ref);
        if (!action)
            throw Error(Status::not_found, "plan " + std::to_string(plan_id) + " has no action " + detail::in_quotes(ref));
        const Indicator i = require_indicator(store, plan_id, k);
        try {
            repo(store).link(action->id, i.id);
        } catch (const Error& e) {
            if (e.code() != Status::conflict) throw;
            throw Error(Status::conflict, "action " + detail::in_quotes(ref) + " already names indicator " +
                                              detail::in_quotes(k) + " as a success measure");
        }
    });
}

std::vector<Indicator> list_indicators(const Store& store, std::int64_t plan_id) {
    require_plan(store, plan_id);
    return repo(store).list(plan_id);
}

int refresh_indicators(Store& store, std::int64_t plan_id, const IndicatorRefreshOptions& o) {
    if (o.months < 1 || o.months > 60)
        throw Error(Status::invalid_arg, "indicator refresh: months must be 1..60, not " + std::to_string(o.months));
    detail::check_date_range(o.as_of, "indicator refresh as_of");
    require_plan(store, plan_id);
    std::vector<Indicator> computed;
    bool need_compliance = false, need_supervision = false, need_audits = false;
    for (Indicator& i : repo(store).list(plan_id)) {
        if (i.source != IndicatorSource::computed) continue;
        if (!known_measure(i.measure))
            throw Error(Status::invalid_arg, "indicator " + detail::in_quotes(i.key) + " measure: unknown measure " +
                                                 detail::in_quotes(i.measure) + " (known: " + known_measures() + ")");
        if (i.measure == "supervision_in_timescale")
            need_supervision = true;
        else if (i.measure == "audits_good_or_better")
            need_audits = true;
        else
            need_compliance = true;
        computed.push_back(std::move(i));
    }
    if (computed.empty()) return 0;

    std::optional<RulePack> england;
    if (!o.pack && need_compliance) england = RulePack::england_default();
    const RulePack* pack = o.pack ? o.pack : england ? &*england : nullptr;
    const Calendar calendar = o.calendar ? *o.calendar : Calendar::for_division(Division::england_and_wales);
    std::vector<Audit> audits;
    if (need_audits) audits = list_audits(store);

    // measure -> month -> value
    std::map<std::string, std::map<Date, double>> found;
    const Date first_of_this = Date::from_ymd(o.as_of.year(), o.as_of.month(), 1);
    for (int back = o.months - 1; back >= 0; --back) {
        const Date from = first_of_this.add_months(-back);
        Date to = from.add_months(1).add_days(-1);
        if (o.as_of < to) to = o.as_of;
        if (need_compliance) {
            ComplianceOptions co;
            co.as_of = to;
            co.period_from = from;
            co.period_to = to;
            co.school = o.school;
            co.items = false;
            const ComplianceReport r = compliance(store, *pack, calendar, co);
            std::int64_t core_k = 0, core_n = 0;
            for (const ComplianceGroup& g : r.groups) {
                if (g.by == ComplianceBy::area) {
                    const char* measure = g.key == "visits"    ? "visits_in_timescale"
                                          : g.key == "reviews" ? "reviews_in_timescale"
                                          : g.key == "pep"     ? "peps_in_timescale"
                                                               : nullptr;
                    if (measure)
                        if (auto p = percent(g.numerator, g.denominator)) found[measure][from] = rounded(*p);
                } else if (g.by == ComplianceBy::rule && g.key.rfind("cp.core_group", 0) == 0) {
                    core_k += g.numerator;
                    core_n += g.denominator;
                }
            }
            if (auto p = percent(core_k, core_n)) found["core_groups_in_timescale"][from] = rounded(*p);
        }
        if (need_supervision) {
            const SupervisionReport r = supervision_report(store, to, from, SupervisionStandard::england_default(), calendar);
            std::int64_t k = 0, n = 0;
            for (const GroupSupervision& g : r.teams) {
                k += g.held_in_time;
                n += g.due;
            }
            if (auto p = percent(k, n)) found["supervision_in_timescale"][from] = rounded(*p);
        }
        if (need_audits) {
            std::int64_t k = 0, n = 0;
            for (const Audit& a : audits) {
                if (a.held < from || to < a.held) continue;
                const AuditResult r = audit_result(store, a.reference);
                k += r.positive.k;
                n += r.positive.n;
            }
            if (auto p = percent(k, n)) found["audits_good_or_better"][from] = rounded(*p);
        }
    }

    int written = 0;
    detail::in_transaction(store, "refreshing indicators", [&] {
        for (const Indicator& i : computed) {
            const auto it = found.find(i.measure);
            if (it == found.end()) continue;
            for (const auto& [month_key, value] : it->second) {
                // A copy: C++17 lambdas cannot capture a structured binding (clang refuses).
                const Date month = month_key;
                const auto old = std::find_if(i.values.begin(), i.values.end(),
                                              [&](const IndicatorValue& v) { return v.month == month; });
                if (old != i.values.end() && old->value == value && old->source == IndicatorSource::computed) continue;
                IndicatorValue v;
                v.month = month;
                v.value = value;
                v.source = IndicatorSource::computed;
                repo(store).put_value(i.id, v);
                ++written;
            }
        }
    });
    return written;
}

Indicator parse_indicator(std::string_view text) {
    const nlohmann::json doc = detail::parse_json(text, "indicator");
    auto fail = [](const std::string& where, const std::string& problem) -> Error {
        return Error(Status::parse, "indicator: " + where + ": " + problem);
    };
    if (!doc.is_object()) throw fail("the document", "expected an object");
    static const std::set<std::string> kKeys = {"key", "name", "unit", "direction", "target", "amber", "source", "measure"};
    for (const auto& item : doc.items())
        if (!kKeys.count(item.key())) throw fail(detail::in_quotes(item.key()), "unknown key (a typo?)");
    auto text_of = [&](const char* key, bool required) -> std::optional<std::string> {
        auto it = doc.find(key);
        if (it == doc.end() || it->is_null()) {
            if (required) throw fail(key, "missing (required)");
            return std::nullopt;
        }
        if (!it->is_string()) throw fail(key, "expected a string");
        return it->get<std::string>();
    };
    auto number_of = [&](const char* key) -> double {
        auto it = doc.find(key);
        if (it == doc.end() || it->is_null()) throw fail(key, "missing (required)");
        if (!it->is_number()) throw fail(key, "expected a number");
        return it->get<double>();
    };
    Indicator i;
    i.key = *text_of("key", true);
    i.name = *text_of("name", true);
    i.unit = text_of("unit", false).value_or("");
    if (auto d = text_of("direction", false)) i.direction = parse_indicator_direction(*d);
    i.target = number_of("target");
    i.amber = number_of("amber");
    if (auto s = text_of("source", false)) i.source = parse_indicator_source(*s);
    i.measure = text_of("measure", false).value_or("");
    return checked_indicator(i);
}

std::vector<std::string> actions_measured_by(const Plan& plan, std::string_view key) {
    std::vector<std::string> out;
    for (const Recommendation& r : plan.recommendations)
        for (const Action& a : r.actions)
            if (std::find(a.success_measures.begin(), a.success_measures.end(), key) != a.success_measures.end())
                out.push_back(a.ref);
    return out;
}

std::string indicators_to_json(const Plan& plan, Date as_of) {
    nlohmann::ordered_json doc = {{"format", "oversight-indicators"},
                                  {"version", 1},
                                  {"plan_id", plan.id},
                                  {"as_of", as_of.iso()},
                                  {"indicators", nlohmann::ordered_json::array()}};
    for (const Indicator& i : plan.indicators) {
        nlohmann::ordered_json latest = nullptr;
        if (auto v = latest_indicator_value(i, as_of))
            latest = {{"month", v->month.iso()}, {"value", v->value}, {"rag", to_string(indicator_rag(i, v->value))}};
        nlohmann::ordered_json values = nlohmann::ordered_json::array();
        for (const IndicatorValue& v : i.values)
            values.push_back({{"month", v.month.iso()},
                              {"value", v.value},
                              {"source", to_string(v.source)},
                              {"entered_by", v.entered_by},
                              {"note", v.note}});
        doc["indicators"].push_back({{"key", i.key},
                                     {"name", i.name},
                                     {"unit", i.unit},
                                     {"direction", to_string(i.direction)},
                                     {"target", i.target},
                                     {"amber", i.amber},
                                     {"source", to_string(i.source)},
                                     {"measure", i.measure},
                                     {"latest", latest},
                                     {"actions", actions_measured_by(plan, i.key)},
                                     {"values", values}});
    }
    return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string indicators_to_text(const Plan& plan, Date as_of) {
    std::ostringstream out;
    auto s = [](const std::string& t) { return detail::sanitize_utf8(t); };
    out << "Indicators as of " << as_of.iso() << "\n";
    if (plan.indicators.empty()) out << "  (none)\n";
    for (const Indicator& i : plan.indicators) {
        out << "  " << s(i.key) << ": " << s(i.name) << " (" << to_string(i.source)
            << (i.measure.empty() ? "" : " from " + i.measure) << "), target " << indicator_value_text(i, i.target)
            << ", red " << (i.direction == IndicatorDirection::higher_is_better ? "below " : "above ")
            << indicator_value_text(i, i.amber);
        if (auto v = latest_indicator_value(i, as_of)) {
            std::string rag(to_string(indicator_rag(i, v->value)));
            for (char& c : rag) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
            out << "; latest " << indicator_value_text(i, v->value) << " in " << month_text(v->month) << " " << rag;
        } else {
            out << "; no value yet";
        }
        const auto refs = actions_measured_by(plan, i.key);
        if (!refs.empty()) {
            out << "; measures action" << (refs.size() == 1 ? " " : "s ");
            for (std::size_t k = 0; k < refs.size(); ++k) out << (k ? ", " : "") << s(refs[k]);
        }
        out << "\n";
        for (const IndicatorValue& v : i.values)
            out << "    " << v.month.iso().substr(0, 7) << "  " << indicator_value_text(i, v.value)
                << (v.entered_by.empty() ? "" : "  by " + s(v.entered_by)) << (v.note.empty() ? "" : "  " + s(v.note))
                << "\n";
    }
    return out.str();
}

}  // namespace oversight
