// <oversight/c/report.h>: translation only (lib/report/).
#include "capi_util.hpp"

#include <oversight/plan/plan_store.hpp>
#include <oversight/report/report.hpp>

using namespace oversight;
using namespace oversight::capi;

namespace {

const oversight_report_options kReportDefaults = OVERSIGHT_REPORT_OPTIONS_INIT;

ReportOptions report_options(const oversight_report_options& o) {
    ReportOptions r;
    r.kind = parse_report_kind(opt_text_arg(o.kind, "kind").value_or("full"));
    r.format = parse_report_format(opt_text_arg(o.format, "format").value_or("text"));
    r.as_of = date_or_today(o.as_of, "as_of");
    if (o.within_days < -1 || o.within_days > PlanSettings::max_days)
        throw Error(Status::invalid_arg, "within_days must be -1 (the plan's setting) or 0.." +
                                             std::to_string(PlanSettings::max_days) + ", not " +
                                             std::to_string(o.within_days));
    if (o.within_days >= 0) r.within_days = o.within_days;
    return r;
}

}  // namespace

extern "C" {

oversight_status oversight_report_options_init(oversight_report_options* opts, uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_REPORT_OPTIONS_VERSION, kReportDefaults, "oversight_report_options");
}

oversight_status oversight_report_plan(const oversight_store* store, int64_t plan_id,
                                       const oversight_report_options* opts, char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const Store& s = store_of(store);
            const ReportOptions options = report_options(
                struct_or(opts, kReportDefaults, OVERSIGHT_REPORT_OPTIONS_VERSION, "oversight_report_options"));
            return give(out, render_report(load_plan(s, plan_id), options));
        },
        out);
}

}  // extern "C"
