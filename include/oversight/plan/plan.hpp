// The improvement plan as plain value types: Plan > Recommendation > Action,
// with progress updates, milestones, outstanding tasks, cost and RAG.
// Ids are 0 until an object has been saved to a Store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <oversight/plan/cost.hpp>
#include <oversight/plan/inspection.hpp>
#include <oversight/core/date.hpp>

namespace oversight {

/// How soon a recommendation must be met, counted from the plan's report date.
enum class Timescale { immediately, within_three_months, within_six_months, by_date };

/// Lifecycle of an action. Withdrawn actions (e.g. 2.4 in the seed, withdrawn
/// for savings) are kept for the record and excluded from RAG roll-ups.
enum class ActionStatus { not_started, in_progress, complete, withdrawn, blocked };

/// Red/Amber/Green plus Blue (complete). `none` is given to withdrawn actions.
enum class Rag { none, blue, green, amber, red };

/// Canonical text forms ("immediately", "within_three_months", "by_date";
/// "not_started", ...; "blue", ...) used in CSV, JSON, SQL and the C API.
std::string_view to_string(Timescale t) noexcept;
std::string_view to_string(ActionStatus s) noexcept;
std::string_view to_string(Rag r) noexcept;
/// Inverse of to_string; also accepts display forms ("Within three months",
/// "In progress", "Red"). Throw Error(invalid_arg) naming the text.
Timescale parse_timescale(std::string_view text);
ActionStatus parse_action_status(std::string_view text);
Rag parse_rag(std::string_view text);

/// Plan-wide settings that change derived dates (target_date below, the RAG
/// rules of rag.hpp, reports). Every value is 0..max_days (3650, ten years):
/// the Store refuses others and target_date() throws Error(invalid_arg) for an
/// immediately_days outside it.
struct PlanSettings {
    static constexpr int max_days = 3650;
    /// "Immediately" is due this many calendar days after the report date
    /// (0: due on the report date itself, the usual convention; some
    /// councils use 30).
    int immediately_days = 0;
    /// An action counts as "due soon" (Amber if not complete) this many days
    /// before its due date.
    int due_soon_days = 28;
    /// An in-progress action with no progress update for this many days is at
    /// risk (Amber).
    int stale_update_days = 90;
};

struct ProgressUpdate {
    std::int64_t id = 0;
    Date date;
    std::string author;
    std::string text;
};

struct Milestone {
    std::int64_t id = 0;
    Date date;
    std::string text;
    bool done = false;
};

/// An item of "What do we still need to do".
struct Task {
    std::int64_t id = 0;
    std::string text;
    std::string owner;           // may be empty
    std::optional<Date> due;     // may be absent
    bool done = false;
};

/// A manual RAG that replaces the computed one, with who set it and why.
struct RagOverride {
    Rag rag = Rag::none;
    std::string by;
    std::string reason;
    Date set_on;
};

// ------------------------------------------------ indicators (issue 11 point 5)
// The value types of the indicators a plan measures its impact with; the
// indicator subsystem (<oversight/indicator/indicator.hpp>) stores them,
// checks them and computes values from the store. They live here so that
// the RAG rules (rag.hpp) stay a pure function of the Plan value.

/// Which way an indicator improves.
enum class IndicatorDirection { higher_is_better, lower_is_better };
/// Where an indicator's values come from: entered by people, or computed
/// from what the store holds (indicator.hpp's measures).
enum class IndicatorSource { entered, computed };
/// "higher_is_better", "lower_is_better"; "entered", "computed".
std::string_view to_string(IndicatorDirection d) noexcept;
std::string_view to_string(IndicatorSource s) noexcept;
/// Inverse of to_string (also "higher" and "lower"); Error(invalid_arg) naming the text.
IndicatorDirection parse_indicator_direction(std::string_view text);
IndicatorSource parse_indicator_source(std::string_view text);

/// One month's value of an indicator.
struct IndicatorValue {
    std::int64_t id = 0;
    Date month;                 // the first of the month
    double value = 0;
    IndicatorSource source = IndicatorSource::entered;
    std::string entered_by;     // who entered it (empty for computed values)
    std::string note;
};

/// A measure with a target and a red threshold. `amber` is the threshold:
/// a value on the bad side of it is red, between it and the target amber,
/// at or better than the target green.
struct Indicator {
    std::int64_t id = 0;
    std::string key;            // unique in the plan, a checked name: "visits_in_timescale"
    std::string name;           // "% of statutory visits in timescale"
    std::string unit;           // "%", "count", "days", ... (may be empty)
    IndicatorDirection direction = IndicatorDirection::higher_is_better;
    double target = 0;
    double amber = 0;           // higher_is_better: amber <= target; lower_is_better: amber >= target
    IndicatorSource source = IndicatorSource::entered;
    std::string measure;        // computed: the store measure (indicator.hpp); empty when entered
    std::vector<IndicatorValue> values;  // by month, at most one a month
};

/// The largest magnitude of an indicator's target, threshold or value.
inline constexpr double kMaxIndicatorMagnitude = 1e12;

/// The indicator as it is stored: key trimmed, a name of at most 256 bytes
/// made of letters, digits, '_', '.' and '-' ("visits_in_timescale"); name
/// (not blank) and unit checked text; target and amber finite numbers of
/// magnitude at most kMaxIndicatorMagnitude, amber <= target when higher is
/// better and amber >= target when lower is better; a measure when (and only
/// when) computed. Each value: month the first of a month, finite, in range.
/// Error(invalid_arg) naming the indicator and the field otherwise
/// ("indicator "visits" amber: 90 is above the target 80 (higher is better)").
Indicator checked_indicator(const Indicator& indicator);
/// One value as stored: month moved to the first of its month, value finite
/// and in range, entered_by and note checked text. Error(invalid_arg) naming
/// `what` and the field.
IndicatorValue checked_indicator_value(const IndicatorValue& value, const std::string& what);

struct Action {
    std::int64_t id = 0;
    std::string ref;                  // "2.5"
    std::string description;
    std::string lead;                 // person's name as written in the plan
    ActionStatus status = ActionStatus::not_started;
    std::optional<Date> due;          // explicit; else the recommendation's target date
    std::string impact_intended;      // "Impact" column
    std::string impact_evidence;      // evidence that the impact happened
    Cost cost;
    std::vector<ProgressUpdate> updates;
    std::vector<Milestone> milestones;
    std::vector<Task> tasks;
    std::optional<RagOverride> rag_override;
    /// The keys of the plan's indicators that measure this action's success
    /// (Plan::indicators); the RAG takes them into account (rag.hpp).
    std::vector<std::string> success_measures;
};

struct Recommendation {
    std::int64_t id = 0;
    /// The largest number a plan takes: what the plan files (plan_file.hpp,
    /// JSON and CSV) carry, so that every stored plan exports and imports again.
    static constexpr int max_number = 1000000;

    int number = 0;                   // 1..max_number, unique within a plan
    std::string section;              // one of Plan::sections
    std::string text;
    Timescale timescale = Timescale::within_three_months;
    std::optional<Date> explicit_date;  // required when timescale == by_date
    std::string lead;                 // a recommendation-level lead, if printed
    Cost cost;                        // a recommendation-level cost, if printed
    std::vector<Action> actions;
};

struct Plan {
    std::int64_t id = 0;
    std::string title;
    std::string authority;
    /// The inspection report date: anchors the timescales. The PDF export
    /// (the seed format) does not carry it: give it when importing
    /// (SeedImportOptions::report_date, `oversight import-plan --report-date`).
    std::optional<Date> report_date;
    std::vector<std::string> sections;  // in plan order
    std::vector<Recommendation> recommendations;  // in plan order
    PlanSettings settings;
    /// The plan's indicators with their monthly values, by key.
    std::vector<Indicator> indicators;
    /// The Ofsted inspection the plan answers, with its clocks
    /// (inspection.hpp); absent when not recorded. No overall
    /// effectiveness grade: Ofsted no longer gives one.
    std::optional<Inspection> inspection;

    /// Lookups by number / reference; nullptr when absent.
    const Recommendation* find_recommendation(int number) const noexcept;
    const Action* find_action(std::string_view ref) const noexcept;
    Action* find_action(std::string_view ref) noexcept;
    /// The recommendation that holds the action with this reference.
    const Recommendation* recommendation_of(std::string_view action_ref) const noexcept;
    const Indicator* find_indicator(std::string_view key) const noexcept;
};

/// Field-by-field equality (ids included).
bool operator==(const PlanSettings& a, const PlanSettings& b);
inline bool operator!=(const PlanSettings& a, const PlanSettings& b) { return !(a == b); }
bool operator==(const ProgressUpdate& a, const ProgressUpdate& b);
inline bool operator!=(const ProgressUpdate& a, const ProgressUpdate& b) { return !(a == b); }
bool operator==(const Milestone& a, const Milestone& b);
inline bool operator!=(const Milestone& a, const Milestone& b) { return !(a == b); }
bool operator==(const Task& a, const Task& b);
inline bool operator!=(const Task& a, const Task& b) { return !(a == b); }
bool operator==(const RagOverride& a, const RagOverride& b);
inline bool operator!=(const RagOverride& a, const RagOverride& b) { return !(a == b); }
bool operator==(const IndicatorValue& a, const IndicatorValue& b);
inline bool operator!=(const IndicatorValue& a, const IndicatorValue& b) { return !(a == b); }
bool operator==(const Indicator& a, const Indicator& b);
inline bool operator!=(const Indicator& a, const Indicator& b) { return !(a == b); }
bool operator==(const Action& a, const Action& b);
inline bool operator!=(const Action& a, const Action& b) { return !(a == b); }
bool operator==(const Recommendation& a, const Recommendation& b);
inline bool operator!=(const Recommendation& a, const Recommendation& b) { return !(a == b); }
bool operator==(const Plan& a, const Plan& b);
inline bool operator!=(const Plan& a, const Plan& b) { return !(a == b); }

/// The date by which a recommendation must be met: report date + timescale
/// (Immediately: + settings.immediately_days; three/six months: calendar
/// months, corresponding-date rule), or its explicit date. Empty when the plan
/// has no report date and the timescale is relative. Throws Error(invalid_arg)
/// "recommendation N: target date beyond 9999-12-31" when the date would pass
/// the last representable day, and when settings.immediately_days is outside
/// 0..PlanSettings::max_days. Reports (render_report, action_rag) let this
/// error through rather than print a wrong date.
std::optional<Date> target_date(const Plan& plan, const Recommendation& rec);
/// An action's due date: its own, else its recommendation's target date.
std::optional<Date> due_date(const Plan& plan, const Recommendation& rec, const Action& action);

}  // namespace oversight
