#include <oversight/core/error.hpp>
#include <oversight/plan/plan.hpp>

#include "core/text.hpp"

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

}  // namespace

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
bool operator==(const Action& a, const Action& b) {
    return std::tie(a.id, a.ref, a.description, a.lead, a.status, a.due, a.impact_intended, a.impact_evidence,
                    a.cost, a.updates, a.milestones, a.tasks, a.rag_override) ==
           std::tie(b.id, b.ref, b.description, b.lead, b.status, b.due, b.impact_intended, b.impact_evidence,
                    b.cost, b.updates, b.milestones, b.tasks, b.rag_override);
}
bool operator==(const Recommendation& a, const Recommendation& b) {
    return std::tie(a.id, a.number, a.section, a.text, a.timescale, a.explicit_date, a.lead, a.cost, a.actions) ==
           std::tie(b.id, b.number, b.section, b.text, b.timescale, b.explicit_date, b.lead, b.cost, b.actions);
}
bool operator==(const Plan& a, const Plan& b) {
    return std::tie(a.id, a.title, a.authority, a.report_date, a.sections, a.recommendations, a.settings,
                    a.inspection) ==
           std::tie(b.id, b.title, b.authority, b.report_date, b.sections, b.recommendations, b.settings,
                    b.inspection);
}

}  // namespace oversight
