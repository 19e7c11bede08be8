// Indicators (issue 11 point 5; history entities "indicator",
// "indicator_value" and "action_indicator"): the measures a plan shows its
// impact with ("% of statutory visits in timescale", "share of audits good
// or better"), each with a target, a direction and a red threshold, and a
// value a month - entered by people or computed from what the store holds -
// linked to the plan's actions as their success measures, so that an
// action's RAG takes them into account (plan/rag.hpp, rule 9).
//
// The value types (Indicator, IndicatorValue) are the plan's
// (<oversight/plan/plan.hpp>): load_plan gives them with the plan, and the
// RAG stays a pure function of the Plan. This subsystem keeps them in the
// store and computes the values of computed indicators from compliance,
// audits and supervision.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <oversight/calendar/calendar.hpp>
#include <oversight/calendar/school_calendar.hpp>
#include <oversight/core/date.hpp>
#include <oversight/plan/plan.hpp>
#include <oversight/rules/rule_pack.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

/// A measure the store can compute an indicator's monthly values from. The
/// keys are stable (stored in indicators.measure, given on the CLI):
///  - "visits_in_timescale": statutory visits (compliance, rule area
///    "visits") due in the month and met in timescale, % of those due;
///  - "reviews_in_timescale": looked-after reviews (area "reviews"), %;
///  - "peps_in_timescale": personal education plans (area "pep"), %;
///  - "core_groups_in_timescale": child protection core groups (the rules
///    whose id starts "cp.core_group"), %;
///  - "supervision_in_timescale": supervision sessions due in the month held
///    in timescale under the supervision standard, all teams, %;
///  - "audits_good_or_better": cases graded in a positive grade of their
///    programme's scale in the audits held in the month, % of those graded.
/// A month in which nothing fell due (or no case was graded) gets no value.
struct IndicatorMeasure {
    std::string_view key;
    std::string_view name;   // the indicator name it suggests
    std::string_view unit;   // "%"
};
const std::vector<IndicatorMeasure>& indicator_measures();

/// Adds the indicator to the plan, or changes the one with the same key
/// (name, unit, direction, target, amber, source, measure: one history row
/// per changed field); its values are not touched (record_indicator_value).
/// checked_indicator's errors, and Error(invalid_arg) for a measure not in
/// indicator_measures(); Error(not_found) for an unknown plan. Returns the
/// indicator's id. One transaction.
std::int64_t save_indicator(Store& store, std::int64_t plan_id, const Indicator& indicator);

/// Records the value of one month (value.month: any day of it) for the
/// indicator `key` of the plan, replacing the one that month had (history:
/// the old and the new value). Error(not_found) for an unknown plan or key.
/// One transaction; returns the value's id.
std::int64_t record_indicator_value(Store& store, std::int64_t plan_id, std::string_view key,
                                    const IndicatorValue& value);

/// Names indicator `key` as a success measure of action `action_ref`.
/// Error(not_found) for an unknown plan, action or key; linking twice is
/// Error(conflict). One transaction; history row "action_indicator" "*".
void link_indicator(Store& store, std::int64_t plan_id, std::string_view action_ref, std::string_view key);

/// The plan's indicators with their values (by month), by key.
std::vector<Indicator> list_indicators(const Store& store, std::int64_t plan_id);

/// What refresh_indicators reads.
struct IndicatorRefreshOptions {
    Date as_of;
    /// The months computed: as_of's month and the months - 1 before it (1..60).
    int months = 12;
    const RulePack* pack = nullptr;      // compliance rules; nullptr: England's default
    const Calendar* calendar = nullptr;  // nullptr: England and Wales
    /// Termly rules (PEP reviews) are counted only with a school calendar.
    const SchoolCalendar* school = nullptr;
};

/// Computes, for every computed indicator of the plan, the value of each
/// month of the window from the store (indicator_measures()), each month
/// counted as of min(the month's last day, as_of), and records those that
/// differ from what is stored (source computed), in one transaction.
/// Returns how many values were written. Error(invalid_arg) for months
/// outside 1..60.
int refresh_indicators(Store& store, std::int64_t plan_id, const IndicatorRefreshOptions& options);

/// An indicator from the JSON object {"key","name","unit","direction",
/// "target","amber","source","measure"} ("unit" and "measure" optional,
/// "source" default "entered", "direction" default "higher_is_better").
/// Strict: an unknown key or a wrong type is Error(parse) naming it; then
/// checked_indicator.
Indicator parse_indicator(std::string_view json);

/// {"format":"oversight-indicators","version":1,"plan_id","as_of",
///  "indicators":[{"key","name","unit","direction","target","amber",
///  "source","measure","latest":{"month","value","rag"} or null,
///  "actions":[refs],"values":[{"month","value","source","entered_by",
///  "note"}]}]} (schema: data/schemas/oversight-indicators.schema.json).
std::string indicators_to_json(const Plan& plan, Date as_of);
/// The same as plain text, one indicator a line and its values.
std::string indicators_to_text(const Plan& plan, Date as_of);
/// The references of the actions whose success measures name `key`, in plan order.
std::vector<std::string> actions_measured_by(const Plan& plan, std::string_view key);

}  // namespace oversight
