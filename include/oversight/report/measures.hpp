// Reports of the measures the store holds, whatever the plan (issue 11
// point 1): compliance of casework with the statutory timescales, audit
// results and supervision against the written standard, each as of a date
// with its month-by-month trend. Built as documents (document.hpp) and
// written in any format (writer.hpp); the dashboard (dashboard.hpp) shows the
// same trends, built by the same code.
#pragma once

#include <oversight/calendar/calendar.hpp>
#include <oversight/calendar/school_calendar.hpp>
#include <oversight/core/date.hpp>
#include <oversight/report/document.hpp>
#include <oversight/rules/rule_pack.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

/// The measures a report can show.
enum class Measure { compliance, audits, supervision };

struct MeasureOptions {
    Date as_of;
    /// Month periods in the trends, ending with the month of as_of (that one
    /// runs to as_of); 1..60. The as-of tables cover the same window.
    int months = 12;
    /// The rules compliance is counted with; null: the default England pack.
    /// Must outlive the call.
    const RulePack* pack = nullptr;
    /// The working-day calendar; null: England and Wales.
    const Calendar* calendar = nullptr;
    /// The schools' terms for termly rules (PEP reviews); null: those rules
    /// are not counted and the report says so.
    const SchoolCalendar* school = nullptr;
};

/// One measure's report as of options.as_of, Document kind "compliance",
/// "audits" or "supervision" (every table present even when empty, its
/// empty_text saying why):
///  - compliance: heading "Compliance as of D"; tables "compliance_by_area"
///    and "compliance_by_team" (met on time, met late, overdue, due, share in
///    timescale, due soon, exempt) of the obligations due in the window; then
///    the trend: heading "Compliance by month", line chart
///    "compliance_trend" (percent; "Overall", then one series per rule area)
///    and table "compliance_counts" (month, area, numerator, denominator).
///  - audits: heading "Audit programmes"; table "audit_programmes" (one row
///    per programme: type, cycle, owner, next due, audits held in the window,
///    the latest one's reference, date, cases, share positive with its 95%
///    Wilson interval, and the trend verdict of audit_trend with its
///    statement); then heading "Audit grades": one stacked bar chart
///    "audit_grades_<programme id>" per programme with audits in the window
///    (percent of each grade, one bar per audit).
///  - supervision: heading "Supervision as of D"; table "supervision_by_team"
///    (workers, due, held in timescale, share, held, overdue) of the window;
///    then heading "Supervision in timescale": line chart
///    "supervision_trend" (one series per team) and table
///    "supervision_counts": the same sessions, each in the month it was
///    decided (held, or missed: due and not held by as_of) under the
///    worker's team on that day, so the months add up to the window.
/// A measure without data in the store gives a paragraph saying so instead
/// of its chart.
///
/// Error(invalid_arg) for months outside 1..60.
Document measure_report(const Store& store, Measure measure, const MeasureOptions& options);

}  // namespace oversight
