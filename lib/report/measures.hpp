// Private to lib/report: the blocks of the measure reports (measures.cpp)
// that the dashboard (dashboard.cpp) shows too, and the trend window they
// share.
#pragma once

#include <oversight/report/document.hpp>
#include <oversight/report/measures.hpp>

#include <string>
#include <vector>

namespace oversight::detail {

/// One month of a trend window: [from, to], `to` the month's last day or as_of.
struct Month {
    Date from, to;
    std::string label;  // "2012-10"
};

/// The `months` months ending with as_of's (which runs to as_of), oldest
/// first. Error(invalid_arg) naming `who` for months outside 1..60.
std::vector<Month> trend_months(Date as_of, int months, const char* who);
/// "2011-11-01 to 2012-10-12".
std::string window_text(const std::vector<Month>& months);

/// The trend blocks of measures.hpp: heading, chart (or a paragraph saying
/// why there is none) and counts table.
void compliance_trend(Document& doc, const Store& store, const MeasureOptions& o, const std::vector<Month>& months);
void audit_grade_charts(Document& doc, const Store& store, const std::vector<Month>& months);
void supervision_trend(Document& doc, const Store& store, const MeasureOptions& o, const std::vector<Month>& months);

}  // namespace oversight::detail
