// The inspection a plan answers and the clocks it starts (issue 11 point 6).
//
// After an Ofsted inspection of local authority children's services (ILACS)
// the council sends Ofsted its action plan; the plan knows the dates:
//  - "action plan due": the final action plan within 70 working days of the
//    inspection letter (after a full inspection, and after a focused visit
//    that found areas for priority action);
//  - "draft plan due": an early draft within 20 working days of the letter
//    of a focused visit with areas for priority action;
//  - "first monitoring visit expected": for an authority Ofsted monitors
//    (under ILACS, an inadequate one), the first monitoring visit within 4
//    weeks of the action plan's deadline. This is Ofsted's date, not the
//    council's: it is shown as "expected by", never overdue.
// Source: shared/domain/statutory-timescales.md section 10 (row "SIF
// (2013-2017) and ILACS") and section 12 (row "ILACS action-plan clocks":
// CYP Now; Ofsted framework summaries). SECONDARY: not read in the
// framework itself. The lengths are InspectionClockRules, so a council can
// correct them without a new release.
//
// A focused visit without priority actions, a monitoring visit and any other
// kind start no clock (the sources name none).
//
// There is deliberately NO overall effectiveness grade here: from April 2026
// Ofsted no longer gives an overall effectiveness judgement (section 12 row
// "ILACS judgements", Ofsted announcement of 27 Nov 2025, SECONDARY), so no
// plan may assume one. Whether Ofsted monitors the council is recorded as a
// fact (`monitored`), not derived from a grade.
//
// Working days are the calendar's (calendar.hpp): the letter is day 0, so
// "70 working days after the letter" is add_working_days(letter, 70).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <oversight/calendar/calendar.hpp>
#include <oversight/core/date.hpp>

namespace oversight {

struct Plan;  // <oversight/plan/plan.hpp>

enum class InspectionKind { full, focused_visit, monitoring_visit, other };

/// "full", "focused_visit", "monitoring_visit", "other" (JSON, SQL, C API).
std::string_view to_string(InspectionKind kind) noexcept;
/// Inverse of to_string; also "focused", "focused visit", "monitoring",
/// "inspection". Error(invalid_arg) naming the text.
InspectionKind parse_inspection_kind(std::string_view text);

/// The inspection event a plan answers.
struct Inspection {
    InspectionKind kind = InspectionKind::full;
    std::optional<Date> ended;             // the last day on site, if known
    Date letter;                           // the date of the inspection letter / report: day 0 of the clocks
    bool priority_actions = false;         // a focused visit that found areas for priority action
    bool monitored = false;                // Ofsted will monitor the council (monitoring visits follow)
    std::optional<Date> draft_submitted;   // the early draft sent to Ofsted
    std::optional<Date> plan_submitted;    // the final action plan sent to Ofsted
    std::string owner;                     // who submits (a person's name); "" when not named
};
bool operator==(const Inspection& a, const Inspection& b);
inline bool operator!=(const Inspection& a, const Inspection& b) { return !(a == b); }

/// Error(invalid_arg) naming the field ("inspection ended 2024-03-02 is after
/// the letter 2024-03-01") unless: dates within 1900..2199; ended on or
/// before the letter; submissions on or after the letter (a draft on or
/// before the final plan); priority_actions only for a focused visit; a
/// draft only when there is a draft clock; owner a name (UTF-8, no control
/// character, at most 256 bytes, may be blank).
void check_inspection(const Inspection& inspection);

/// The clock lengths (see the sources above).
struct InspectionClockRules {
    int action_plan_working_days = 70;
    int draft_plan_working_days = 20;
    int first_monitoring_visit_weeks = 4;
};

enum class ClockState {
    submitted,  // met: the council sent it (on time or late)
    open,       // due on or after the as-of date
    overdue,    // due before the as-of date and not sent
    expected,   // Ofsted's date (first monitoring visit): never overdue
};
/// "submitted", "open", "overdue", "expected".
std::string_view to_string(ClockState state) noexcept;

struct InspectionClock {
    std::string id;          // "draft_plan", "action_plan", "first_monitoring_visit"
    std::string name;        // "draft plan due", "action plan due", "first monitoring visit expected"
    Date anchor;             // the date counted from
    Date due;
    std::string rule;        // "70 working days after the letter of 2024-03-01"
    std::string source;      // where the length comes from, with its status
    std::optional<Date> met; // the submission date, when submitted
    ClockState state = ClockState::open;
    /// open: working days from the as-of date to the due date (0: due that
    /// day); overdue: minus the working days since the due date; else 0.
    int working_days_left = 0;
    /// submitted after the due date: the working days late; else 0.
    int working_days_late = 0;
};

/// The clocks of an inspection, in due order, as of a date. Throws what
/// Calendar::add_working_days throws for dates beyond the supported range.
std::vector<InspectionClock> inspection_clocks(const Inspection& inspection, const Calendar& calendar, Date as_of,
                                               const InspectionClockRules& rules = {});
/// The plan's clocks; empty when it records no inspection.
std::vector<InspectionClock> inspection_clocks(const Plan& plan, const Calendar& calendar, Date as_of,
                                               const InspectionClockRules& rules = {});

/// One line for people: "submitted on 2024-05-01", "submitted on D, 3
/// working days late", "due today", "due in 1 working day", "overdue by 4
/// working days", "expected by D".
std::string clock_state_text(const InspectionClock& clock);
/// "Full inspection", "Focused visit (areas for priority action)",
/// "Focused visit", "Monitoring visit", "Inspection".
std::string inspection_title(const Inspection& inspection);

/// {"format":"oversight-inspection-clocks","version":1,"plan_id","as_of",
///  "inspection": {...} or null, "clocks":[{"id","name","anchor","due",
///  "rule","source","met","state","state_text","working_days_left",
///  "working_days_late"}]} (schema:
/// data/schemas/oversight-inspection-clocks.schema.json).
std::string inspection_clocks_to_json(std::int64_t plan_id, const std::optional<Inspection>& inspection,
                                      const std::vector<InspectionClock>& clocks, Date as_of);

}  // namespace oversight
