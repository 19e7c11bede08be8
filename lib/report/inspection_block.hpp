// Private to lib/report/: the plan's inspection clocks as a table, shared by
// the board paper and the dashboard (issue 11 point 6).
#pragma once

#include <oversight/calendar/calendar.hpp>
#include <oversight/core/date.hpp>
#include <oversight/plan/plan.hpp>
#include <oversight/report/document.hpp>

namespace oversight::detail {

/// When the plan records an inspection: a table, id "inspection", titled
/// "Inspection: <kind>, letter of <date>", one row per clock (columns clock
/// "Clock", due "Due" (date), counted "Counted" (the rule), state "State":
/// "submitted on D", "due in N working days", "overdue by N working days",
/// "expected by D"), with notes naming the owner and the sources
/// (SECONDARY). Nothing when the plan has no inspection.
void inspection_block(Document& doc, const Plan& plan, const Calendar& calendar, Date as_of);

}  // namespace oversight::detail
