// Private to lib/report: the indicators of a plan as document blocks, shared
// by the report kind `indicators` (report.cpp) and the dashboard.
#pragma once

#include <oversight/core/date.hpp>
#include <oversight/plan/plan.hpp>
#include <oversight/report/document.hpp>

namespace oversight::detail {

/// Table "indicators" (key (data only), name, latest value, month, target,
/// red threshold, direction (data only), RAG, linked actions), then one line
/// chart "indicator_<key>" per indicator with values: its monthly values (the
/// last `months` months up to as_of's) with the target line. A plan without
/// indicators gets the table with its empty text and no chart.
void indicator_blocks(Document& doc, const Plan& plan, Date as_of, int months = 12);

}  // namespace oversight::detail
