#include <oversight/core/error.hpp>
#include <oversight/plan/plan.hpp>

#include "core/text.hpp"
#include "core/validation.hpp"

#include <cmath>
#include <iomanip>
#include <sstream>

#include <tuple>

namespace oversight {
namespace {

using detail::parse_enum;

constexpr std::pair<std::string_view, Timescale> kTimescales[] = {
    {"immediately", Timescale::immediately},
    {"within_three_months", Timescale::within_three_months},
    {"within_3_months", Timescale::within_three_months},
    {"three_months", Timescale::within_three_months},
    {"within_six_months", Timescale::within_six_months},
    {"within_6_months", Timescale::within_six_months},
    {"six_months", Timescale::within_six_months},
    {"by_date", Timescale::by_date},
};

constexpr std::pair<std::string_view, ActionStatus> kStatuses[] = {
    {"not_started", ActionStatus::not_started}, {"in_progress", ActionStatus::in_progress},
    {"complete", ActionStatus::complete},       {"completed", ActionStatus::complete},
    {"withdrawn", ActionStatus::withdrawn},     {"blocked", ActionStatus::blocked},
};

constexpr std::pair<std::string_view, Rag> kRags[] = {
    {"none", Rag::none}, {"blue", Rag::blue}, {"green", Rag::green}, {"amber", Rag::amber}, {"red", Rag::red},
};

constexpr std::pair<std::string_view, IndicatorDirection> kDirections[] = {
    {"higher_is_better", IndicatorDirection::higher_is_better},
    {"higher", IndicatorDirection::higher_is_better},
    {"lower_is_better", IndicatorDirection::lower_is_better},
    {"lower", IndicatorDirection::lower_is_better},
};

constexpr std::pair<std::string_view, IndicatorSource> kSources[] = {
    {"entered", IndicatorSource::entered},
    {"computed", IndicatorSource::computed},
};

}  // namespace

std::string_view to_string(IndicatorDirection d) noexcept {
    return d == IndicatorDirection::lower_is_better ? "lower_is_better" : "higher_is_better";
}
std::string_view to_string(IndicatorSource s) noexcept {
    return s == IndicatorSource::computed ? "computed" : "entered";
}
IndicatorDirection parse_indicator_direction(std::string_view text) {
    return parse_enum(text, kDirections, "indicator direction");
}
IndicatorSource parse_indicator_source(std::string_view text) { return parse_enum(text, kSources, "indicator source"); }

std::string_view to_string(Timescale t) noexcept {
    switch (t) {
        case Timescale::immediately: return "immediately";
        case Timescale::within_three_months: return "within_three_months";
        case Timescale::within_six_months: return "within_six_months";
        case Timescale::by_date: return "by_date";
    }
    return "by_date";
}

std::string_view to_string(ActionStatus s) noexcept {
    switch (s) {
        case ActionStatus::not_started: return "not_started";
        case ActionStatus::in_progress: return "in_progress";
        case ActionStatus::complete: return "complete";
        case ActionStatus::withdrawn: return "withdrawn";
        case ActionStatus::blocked: return "blocked";
    }
    return "not_started";
}

std::string_view to_string(Rag r) noexcept {
    switch (r) {
        case Rag::none: return "none";
        case Rag::blue: return "blue";
        case Rag::green: return "green";
        case Rag::amber: return "amber";
        case Rag::red: return "red";
    }
    return "none";
}

Timescale parse_timescale(std::string_view text) { return parse_enum(text, kTimescales, "timescale"); }
ActionStatus parse_action_status(std::string_view text) { return parse_enum(text, kStatuses, "action status"); }
Rag parse_rag(std::string_view text) { return parse_enum(text, kRags, "RAG status"); }

const Recommendation* Plan::find_recommendation(int number) const noexcept {
    for (const auto& r : recommendations)
        if (r.number == number) return &r;
    return nullptr;
}

const Action* Plan::find_action(std::string_view ref) const noexcept {
    for (const auto& r : recommendations)
        for (const auto& a : r.actions)
            if (a.ref == ref) return &a;
    return nullptr;
}

Action* Plan::find_action(std::string_view ref) noexcept {
    return const_cast<Action*>(static_cast<const Plan*>(this)->find_action(ref));
}

const Recommendation* Plan::recommendation_of(std::string_view action_ref) const noexcept {
    for (const auto& r : recommendations)
        for (const auto& a : r.actions)
            if (a.ref == action_ref) return &r;
    return nullptr;
}

namespace {

std::string number_text(double v) {
    if (!std::isfinite(v)) return std::isnan(v) ? "NaN" : (v > 0 ? "infinity" : "-infinity");
    std::ostringstream out;
    out << std::setprecision(15) << v;
    return out.str();
}

void check_number(double v, const std::string& what) {
    if (!std::isfinite(v)) throw Error(Status::invalid_arg, what + ": " + number_text(v) + " is not a finite number");
    if (std::fabs(v) > kMaxIndicatorMagnitude)
        throw Error(Status::invalid_arg, what + ": " + number_text(v) + " is beyond +/-1e12");
}

}  // namespace

IndicatorValue checked_indicator_value(const IndicatorValue& value, const std::string& what) {
    IndicatorValue v = value;
    v.month = Date::from_ymd(value.month.year(), value.month.month(), 1);
    detail::check_date_range(v.month, (what + " month").c_str());
    check_number(v.value, what + " value");
    v.entered_by = detail::checked_name(value.entered_by, (what + " entered_by").c_str(), detail::kMaxNameBytes, true);
    v.note = detail::checked_text(value.note, (what + " note").c_str(), true);
    detail::check_size(v.note, detail::kMaxValueBytes, what + " note");
    return v;
}

Indicator checked_indicator(const Indicator& indicator) {
    Indicator i = indicator;
    i.key = detail::checked_name(indicator.key, "indicator key", detail::kMaxIdBytes);
    for (char c : i.key)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
              c == '-'))
            throw Error(Status::invalid_arg, "indicator key " + detail::in_quotes(i.key) +
                                                 ": only letters, digits, '_', '.' and '-' (like visits_in_timescale)");
    const std::string what = "indicator " + detail::in_quotes(i.key);
    i.name = detail::checked_name(indicator.name, (what + " name").c_str(), detail::kMaxNameBytes);
    i.unit = detail::checked_name(indicator.unit, (what + " unit").c_str(), 32, true);
    check_number(i.target, what + " target");
    check_number(i.amber, what + " amber");
    if (i.direction == IndicatorDirection::higher_is_better && i.amber > i.target)
        throw Error(Status::invalid_arg, what + " amber: " + number_text(i.amber) + " is above the target " +
                                             number_text(i.target) + " (higher is better: the red threshold is at or below the target)");
    if (i.direction == IndicatorDirection::lower_is_better && i.amber < i.target)
        throw Error(Status::invalid_arg, what + " amber: " + number_text(i.amber) + " is below the target " +
                                             number_text(i.target) + " (lower is better: the red threshold is at or above the target)");
    i.measure = detail::checked_name(indicator.measure, (what + " measure").c_str(), detail::kMaxIdBytes, true);
    if (i.source == IndicatorSource::computed && i.measure.empty())
        throw Error(Status::invalid_arg, what + " measure: a computed indicator names the measure it is computed from");
    if (i.source == IndicatorSource::entered && !i.measure.empty())
        throw Error(Status::invalid_arg, what + " measure: an entered indicator has no measure (source \"computed\" has)");
    i.values.clear();
    for (const IndicatorValue& v : indicator.values) {
        IndicatorValue c = checked_indicator_value(v, what + " value " + v.month.iso().substr(0, 7));
        for (const IndicatorValue& seen : i.values)
            if (seen.month == c.month)
                throw Error(Status::invalid_arg, what + " values: two for " + c.month.iso().substr(0, 7));
        i.values.push_back(std::move(c));
    }
    return i;
}

const Indicator* Plan::find_indicator(std::string_view key) const noexcept {
    for (const auto& i : indicators)
        if (i.key == key) return &i;
    return nullptr;
}

std::optional<Date> target_date(const Plan& plan, const Recommendation& rec) {
    if (rec.timescale == Timescale::by_date) return rec.explicit_date;
    if (!plan.report_date) return std::nullopt;
    const int days = plan.settings.immediately_days;
    if (days < 0 || days > PlanSettings::max_days)
        throw Error(Status::invalid_arg, "plan settings: immediately_days must be 0.." +
                                             std::to_string(PlanSettings::max_days) + " days, not " + std::to_string(days));
    // Date arithmetic is checked against the last representable day first, so
    // that no out-of-range date is ever built (Date::iso() could not print it).
    static const Date kLast = Date::from_ymd(9999, 12, 31);
    const auto beyond = [&] {
        return Error(Status::invalid_arg,
                     "recommendation " + std::to_string(rec.number) + ": target date beyond 9999-12-31");
    };
    const Date base = *plan.report_date;
    if (base > kLast) throw beyond();
    switch (rec.timescale) {
        case Timescale::immediately:
            if (Date::days_between(base, kLast) < days) throw beyond();
            return base.add_days(days);
        case Timescale::within_three_months:
        case Timescale::within_six_months: {
            const int months = rec.timescale == Timescale::within_three_months ? 3 : 6;
            if (base.year() * 12 + base.month() - 1 + months > 9999 * 12 + 11) throw beyond();
            return base.add_months(months);
        }
        case Timescale::by_date: break;
    }
    return std::nullopt;
}

std::optional<Date> due_date(const Plan& plan, const Recommendation& rec, const Action& action) {
    if (action.due) return action.due;
    return target_date(plan, rec);
}

bool operator==(const PlanSettings& a, const PlanSettings& b) {
    return std::tie(a.immediately_days, a.due_soon_days, a.stale_update_days) ==
           std::tie(b.immediately_days, b.due_soon_days, b.stale_update_days);
}
bool operator==(const ProgressUpdate& a, const ProgressUpdate& b) {
    return std::tie(a.id, a.date, a.author, a.text) == std::tie(b.id, b.date, b.author, b.text);
}
bool operator==(const Milestone& a, const Milestone& b) {
    return std::tie(a.id, a.date, a.text, a.done) == std::tie(b.id, b.date, b.text, b.done);
}
bool operator==(const Task& a, const Task& b) {
    return std::tie(a.id, a.text, a.owner, a.due, a.done) == std::tie(b.id, b.text, b.owner, b.due, b.done);
}
bool operator==(const RagOverride& a, const RagOverride& b) {
    return std::tie(a.rag, a.by, a.reason, a.set_on) == std::tie(b.rag, b.by, b.reason, b.set_on);
}
bool operator==(const IndicatorValue& a, const IndicatorValue& b) {
    return std::tie(a.id, a.month, a.value, a.source, a.entered_by, a.note) ==
           std::tie(b.id, b.month, b.value, b.source, b.entered_by, b.note);
}
bool operator==(const Indicator& a, const Indicator& b) {
    return std::tie(a.id, a.key, a.name, a.unit, a.direction, a.target, a.amber, a.source, a.measure, a.values) ==
           std::tie(b.id, b.key, b.name, b.unit, b.direction, b.target, b.amber, b.source, b.measure, b.values);
}
bool operator==(const Action& a, const Action& b) {
    return std::tie(a.id, a.ref, a.description, a.lead, a.status, a.due, a.impact_intended, a.impact_evidence,
                    a.cost, a.updates, a.milestones, a.tasks, a.rag_override, a.success_measures) ==
           std::tie(b.id, b.ref, b.description, b.lead, b.status, b.due, b.impact_intended, b.impact_evidence,
                    b.cost, b.updates, b.milestones, b.tasks, b.rag_override, b.success_measures);
}
bool operator==(const Recommendation& a, const Recommendation& b) {
    return std::tie(a.id, a.number, a.section, a.text, a.timescale, a.explicit_date, a.lead, a.cost, a.actions) ==
           std::tie(b.id, b.number, b.section, b.text, b.timescale, b.explicit_date, b.lead, b.cost, b.actions);
}
bool operator==(const Plan& a, const Plan& b) {
    return std::tie(a.id, a.title, a.authority, a.report_date, a.sections, a.recommendations, a.settings,
                    a.indicators, a.inspection) ==
           std::tie(b.id, b.title, b.authority, b.report_date, b.sections, b.recommendations, b.settings,
                    b.indicators, b.inspection);
}

}  // namespace oversight
