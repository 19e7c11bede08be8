// Private to lib/compliance: what compliance() and the kept reports
// (keep_compliance) share: the period and classification settings of a
// report, one case counted for it, and the cases of a store read for it.
#pragma once

#include <oversight/compliance/compliance.hpp>

#include "compliance/compliance_repository.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace oversight::detail {

/// A report's period and classification settings, from its options.
/// Error(invalid_arg) for a negative window or threshold, or a period that
/// ends before it starts.
struct ReportFrame {
    Date period_from, period_to;
    ClassifySettings settings;
};
ReportFrame frame_of(const ComplianceOptions& options, const Calendar& calendar);

/// One case scheduled, classified and sorted into the period (nothing
/// filtered): its items due in the period, those brought forward, and its
/// undated obligations. `explain`: which items get their explanation.
CaseCount count_case(const ComplianceCase& c, const RulePack& pack, const Calendar& calendar,
                     const ComplianceOptions& options, const ReportFrame& frame, Explain explain);

/// Calls visit(case, the child's row id) with every case of the store as of
/// `as_of`, or only with the children named in `only` (refs), one at a
/// time: allocations over time with each worker's team, recording dates and
/// exemptions, as compliance() reads them.
void for_each_compliance_case(const Store& store, Date as_of, const std::vector<std::string>* only,
                              const std::function<void(ComplianceCase&&, std::int64_t)>& visit);

/// The key of a kept report with these settings: SHA-256 (hex) over the
/// rule pack (rules_to_json), the calendar's and the school calendar's
/// days, as_of, the period, the window and the recording threshold.
std::string kept_key(const RulePack& pack, const Calendar& calendar, const ComplianceOptions& options,
                     const ReportFrame& frame);

}  // namespace oversight::detail
