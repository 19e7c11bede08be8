// RAG (Red/Amber/Green, Blue for complete) of actions and recommendations
// as of a date, by the rules written out below.
#pragma once

#include <optional>
#include <string>

#include <oversight/core/date.hpp>
#include <oversight/plan/plan.hpp>

namespace oversight {

struct RagResult {
    Rag rag = Rag::none;
    std::string reason;       // human-readable: "overdue since 2012-10-31, 14 days"
    bool overridden = false;  // true when a RagOverride decided it
};

/// RAG of one action as of a date. The first rule that
/// applies decides; `due` is due_date(plan, rec, action), S is
/// plan.settings.due_soon_days, U is plan.settings.stale_update_days
/// (negative settings count as 0):
///  1. status withdrawn                    -> none  "withdrawn" (a manual override is ignored);
///  2. a RagOverride with a RAG other than none -> that RAG, overridden = true,
///     "set to RED by <by> on <date>: <reason>";
///  3. complete                            -> blue  "complete";
///  4. blocked                             -> red   "blocked";
///  5. due < as_of                         -> red   "overdue since <due>, N days";
///  6. not started and due - as_of <= S    -> red   "not started, due <due>, in N days" / "today";
///  7. otherwise amber when any of these holds (all that hold are listed, "; "):
///     in progress and due - as_of <= S ("due <due>, in N days"); no due date
///     ("no due date"); in progress and the latest update dated on or before
///     as_of is more than U days old ("no update since <date>") or absent
///     ("no progress update recorded"); a milestone not done dated before
///     as_of ("milestone \"...\" due <date> not done");
///  8. otherwise                           -> green "on track, due <due>".
/// So an action due today is not overdue (rule 6/7), one due S days ahead is
/// "due soon", and one due S+1 days ahead is green.
///  9. then the action's success measures (Action::success_measures, keys of
///     plan.indicators) are weighed, after rules 4-8 only (never after 1-3: an
///     indicator does not change a withdrawn, overridden or complete action).
///     For each linked indicator whose latest value dated in or before as_of's
///     month (latest_indicator_value) is on the red side of its threshold
///     (indicator_rag: below `amber` when higher is better, above it when
///     lower is better) the action is at least red, with
///     "indicator \"<name>\" at <value><unit> in <Mon YYYY>, below the red
///     threshold <amber><unit> (target <target><unit>)" ("above" when lower is
///     better); between the threshold and the target it is at least amber,
///     "indicator \"<name>\" at <value><unit> in <Mon YYYY>, below the target
///     <target><unit> (red threshold <amber><unit>)". An indicator never makes
///     an action better than rules 4-8 did. The reason lists what decided the
///     final colour, indicators first ("; " between): the rule 4-8 reason only
///     when its colour is the final one. A linked indicator with no value yet
///     adds "no value for indicator \"<name>\"" (and a key the plan does not
///     have "unknown indicator \"<key>\"") to the reason without changing
///     the colour. Recommendation roll-ups see these reasons through their
///     actions'.
RagResult action_rag(const Plan& plan, const Recommendation& rec, const Action& action, Date as_of);

/// RAG of a recommendation, rolled up from its actions (withdrawn ones are
/// left out):
///  - no actions, or all withdrawn          -> amber "no actions";
///  - target_date < as_of and any action not complete -> red
///    "target date D passed N days ago; not complete: 1.1, 1.2";
///  - every action blue                     -> blue "all N actions complete";
///  - otherwise the worst action RAG (red > amber > green > blue), the reason
///    naming each deciding action: "1.1 overdue since ...; 1.3 blocked".
/// Never overridden (overrides are per action).
RagResult recommendation_rag(const Plan& plan, const Recommendation& rec, Date as_of);

/// The indicator's value of the latest month on or before as_of's month
/// (a value for a later month is invisible to a report as of that date);
/// empty when there is none.
std::optional<IndicatorValue> latest_indicator_value(const Indicator& indicator, Date as_of);
/// Green at or better than the target, amber between the target and the
/// threshold (the threshold itself is amber), red on the other side of the
/// threshold; by the indicator's direction.
Rag indicator_rag(const Indicator& indicator, double value);
/// A value as the reasons print it: at most two decimals, no trailing zeros
/// ("72.5", "80", "-3.25").
std::string indicator_number_text(double value);
/// With its unit: "72.5%", "12 days" (a space before a unit other than "%").
std::string indicator_value_text(const Indicator& indicator, double value);
/// "Sep 2012".
std::string month_text(Date month);

/// The latest progress update dated on or before as_of (updates dated later
/// are invisible to a report as of that date); empty when there is none.
std::optional<ProgressUpdate> latest_update(const Action& action, Date as_of);

}  // namespace oversight
