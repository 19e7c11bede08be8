// RAG status of actions and recommendations as of a date.
// The rules are listed in include/oversight/plan/rag.hpp; keep the two in step.
#include <oversight/plan/rag.hpp>

#include "core/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace oversight {

// recommendation_rag takes the worst RAG with std::max: the enum must stay in this order.
static_assert(Rag::none < Rag::blue && Rag::blue < Rag::green && Rag::green < Rag::amber && Rag::amber < Rag::red);

namespace {

std::string days_text(std::int32_t n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

/// "today" / "in 1 day" / "in 5 days".
std::string when_text(std::int32_t days_left) {
    return days_left == 0 ? std::string("today") : "in " + days_text(days_left);
}

std::string upper_rag(Rag r) {
    std::string s(to_string(r));
    for (char& c : s) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    return s;
}

/// At most `max` code points of s (valid UTF-8 assumed after sanitising), with "…" when cut.
std::string clip(std::string_view text, std::size_t max) {
    std::string s = detail::collapse_spaces(detail::sanitize_utf8(text));
    std::size_t i = 0, n = 0;
    while (i < s.size() && n < max) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        ++n;
    }
    if (i >= s.size()) return s;
    s.resize(i);
    return s + "\u2026";
}

/// The latest progress update dated on or before as_of (later ones are ignored:
/// a report as of a past date must not see the future). nullptr when none.
const ProgressUpdate* latest_update_before(const Action& a, Date as_of) {
    const ProgressUpdate* best = nullptr;
    for (const auto& u : a.updates)
        if (u.date <= as_of && (!best || u.date >= best->date)) best = &u;
    return best;
}

}  // namespace

std::optional<ProgressUpdate> latest_update(const Action& action, Date as_of) {
    const ProgressUpdate* u = latest_update_before(action, as_of);
    return u ? std::optional<ProgressUpdate>(*u) : std::nullopt;
}

std::optional<IndicatorValue> latest_indicator_value(const Indicator& indicator, Date as_of) {
    const Date month = Date::from_ymd(as_of.year(), as_of.month(), 1);
    const IndicatorValue* best = nullptr;
    for (const auto& v : indicator.values)
        if (v.month <= month && (!best || v.month >= best->month)) best = &v;
    return best ? std::optional<IndicatorValue>(*best) : std::nullopt;
}

Rag indicator_rag(const Indicator& indicator, double value) {
    const bool higher = indicator.direction == IndicatorDirection::higher_is_better;
    const bool at_target = higher ? value >= indicator.target : value <= indicator.target;
    if (at_target) return Rag::green;
    const bool red = higher ? value < indicator.amber : value > indicator.amber;
    return red ? Rag::red : Rag::amber;
}

std::string indicator_number_text(double value) {
    if (!std::isfinite(value)) return "?";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", value);
    std::string s(buf);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    return s;
}

std::string indicator_value_text(const Indicator& indicator, double value) {
    const std::string n = indicator_number_text(value);
    if (indicator.unit.empty()) return n;
    return indicator.unit == "%" ? n + "%" : n + " " + clip(indicator.unit, 20);
}

std::string month_text(Date month) {
    static const char* const kNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return std::string(kNames[(month.month() - 1) % 12]) + " " + std::to_string(month.year());
}

namespace {

/// Rules 4-8 of rag.hpp: the action's RAG by its dates and status.
RagResult dated_rag(const Plan& plan, const Recommendation& rec, const Action& action, Date as_of);

/// Rule 9: the success measures weighed on top of rules 4-8.
RagResult with_indicators(const Plan& plan, const Action& action, Date as_of, RagResult dated) {
    if (action.success_measures.empty()) return dated;
    Rag worst = dated.rag;
    struct Found {
        Rag rag;
        std::string reason;
    };
    std::vector<Found> found;
    std::vector<std::string> notes;
    for (const std::string& key : action.success_measures) {
        const Indicator* ind = plan.find_indicator(key);
        if (!ind) {
            notes.push_back("unknown indicator \"" + clip(key, 60) + "\"");
            continue;
        }
        const std::string name = "indicator \"" + clip(ind->name.empty() ? ind->key : ind->name, 80) + "\"";
        const std::optional<IndicatorValue> v = latest_indicator_value(*ind, as_of);
        if (!v) {
            notes.push_back("no value for " + name);
            continue;
        }
        const Rag r = indicator_rag(*ind, v->value);
        if (r != Rag::red && r != Rag::amber) continue;
        const char* side = ind->direction == IndicatorDirection::higher_is_better ? "below" : "above";
        std::string why = name + " at " + indicator_value_text(*ind, v->value) + " in " + month_text(v->month) + ", ";
        if (r == Rag::red)
            why += std::string(side) + " the red threshold " + indicator_value_text(*ind, ind->amber) + " (target " +
                   indicator_value_text(*ind, ind->target) + ")";
        else
            why += std::string(side) + " the target " + indicator_value_text(*ind, ind->target) + " (red threshold " +
                   indicator_value_text(*ind, ind->amber) + ")";
        found.push_back({r, std::move(why)});
        worst = std::max(worst, r);
    }
    std::string why;
    for (const Found& f : found)
        if (f.rag == worst) why += (why.empty() ? "" : "; ") + f.reason;
    if (dated.rag == worst) why += (why.empty() ? "" : "; ") + dated.reason;
    for (const std::string& n : notes) why += (why.empty() ? "" : "; ") + n;
    return {worst, why, false};
}

}  // namespace

RagResult action_rag(const Plan& plan, const Recommendation& rec, const Action& action, Date as_of) {
    // 1. Withdrawn: out of the plan, whatever else is recorded.
    if (action.status == ActionStatus::withdrawn) {
        std::string why = "withdrawn";
        if (action.rag_override && action.rag_override->rag != Rag::none)
            why += " (manual " + upper_rag(action.rag_override->rag) + " by " +
                   (action.rag_override->by.empty() ? std::string("unknown") : clip(action.rag_override->by, 60)) +
                   " ignored)";
        return {Rag::none, why, false};
    }
    // 2. A manual override wins over every computed rule.
    if (action.rag_override && action.rag_override->rag != Rag::none) {
        const RagOverride& o = *action.rag_override;
        std::string why = "set to " + upper_rag(o.rag) + " by " + (o.by.empty() ? std::string("unknown") : clip(o.by, 60)) +
                          " on " + o.set_on.iso();
        if (!detail::trim(o.reason).empty()) why += ": " + clip(o.reason, 200);
        return {o.rag, why, true};
    }
    // 3. Complete: blue.
    if (action.status == ActionStatus::complete) return {Rag::blue, "complete", false};
    // 4-8 by dates and status, then 9: the success measures.
    return with_indicators(plan, action, as_of, dated_rag(plan, rec, action, as_of));
}

namespace {

RagResult dated_rag(const Plan& plan, const Recommendation& rec, const Action& action, Date as_of) {
    if (action.status == ActionStatus::blocked) return {Rag::red, "blocked", false};

    const int soon = std::max(0, plan.settings.due_soon_days);
    const int stale = std::max(0, plan.settings.stale_update_days);
    const std::optional<Date> due = due_date(plan, rec, action);

    // 5. Past its due date.
    if (due && *due < as_of)
        return {Rag::red, "overdue since " + due->iso() + ", " + days_text(Date::days_between(*due, as_of)), false};

    std::vector<std::string> amber;
    if (due) {
        const std::int32_t left = Date::days_between(as_of, *due);
        if (left <= soon) {
            // 6. Not started and due within the window: red.
            if (action.status == ActionStatus::not_started)
                return {Rag::red, "not started, due " + due->iso() + ", " + when_text(left), false};
            // 7. In progress and due within the window: amber.
            amber.push_back("due " + due->iso() + ", " + when_text(left));
        }
    } else {
        // 8. No due date at all.
        amber.push_back("no due date");
    }
    // 9. In progress without a recent progress update.
    if (action.status == ActionStatus::in_progress) {
        const ProgressUpdate* last = latest_update_before(action, as_of);
        if (!last)
            amber.push_back("no progress update recorded");
        else if (Date::days_between(last->date, as_of) > stale)
            amber.push_back("no update since " + last->date.iso());
    }
    // 10. A milestone not done whose date has passed.
    std::vector<const Milestone*> missed;
    for (const auto& m : action.milestones)
        if (!m.done && m.date < as_of) missed.push_back(&m);
    if (missed.size() == 1)
        amber.push_back("milestone \"" + clip(missed[0]->text, 60) + "\" due " + missed[0]->date.iso() + " not done");
    else if (!missed.empty()) {
        Date first = missed[0]->date;
        for (const Milestone* m : missed) first = std::min(first, m->date);
        amber.push_back(std::to_string(missed.size()) + " milestones not done, earliest due " + first.iso());
    }
    if (!amber.empty()) {
        std::string why;
        for (const auto& s : amber) why += (why.empty() ? "" : "; ") + s;
        return {Rag::amber, why, false};
    }
    // 11. Otherwise on track.
    return {Rag::green, "on track, due " + due->iso(), false};
}

}  // namespace

RagResult recommendation_rag(const Plan& plan, const Recommendation& rec, Date as_of) {
    struct Live {
        const Action* action;
        RagResult rag;
    };
    std::vector<Live> live;
    std::size_t withdrawn = 0;
    for (const auto& a : rec.actions) {
        RagResult r = action_rag(plan, rec, a, as_of);
        if (r.rag == Rag::none)
            ++withdrawn;
        else
            live.push_back({&a, std::move(r)});
    }
    if (live.empty())
        return {Rag::amber, withdrawn == 0 ? std::string("no actions") : "no actions (all " + std::to_string(withdrawn) + " withdrawn)",
                false};

    const auto ref_of = [](const Action* a) { return a->ref.empty() ? std::string("(no ref)") : clip(a->ref, 20); };

    // Target date passed with work outstanding: red, whatever the actions say.
    const std::optional<Date> target = target_date(plan, rec);
    if (target && *target < as_of) {
        std::string open;
        for (const Live& l : live)
            if (l.action->status != ActionStatus::complete) open += (open.empty() ? "" : ", ") + ref_of(l.action);
        if (!open.empty())
            return {Rag::red,
                    "target date " + target->iso() + " passed " + days_text(Date::days_between(*target, as_of)) +
                        " ago; not complete: " + open,
                    false};
    }

    Rag worst = Rag::blue;
    for (const Live& l : live) worst = std::max(worst, l.rag.rag);  // enum order: blue < green < amber < red
    if (worst == Rag::blue)
        return {Rag::blue, live.size() == 1 ? std::string("its action is complete")
                                            : "all " + std::to_string(live.size()) + " actions complete",
                false};

    std::string why;
    if (worst == Rag::green) {
        std::string green, blue;
        for (const Live& l : live) {
            std::string& list = l.rag.rag == Rag::green ? green : blue;
            list += (list.empty() ? "" : ", ") + ref_of(l.action);
        }
        why = "on track: " + green;
        if (!blue.empty()) why += "; complete: " + blue;
    } else {
        for (const Live& l : live)
            if (l.rag.rag == worst) why += (why.empty() ? "" : "; ") + ref_of(l.action) + " " + l.rag.reason;
    }
    return {worst, why, false};
}

}  // namespace oversight
