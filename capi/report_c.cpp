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
    if (o.version >= 2) r.since = opt_date(o.since, "since");
    return r;
}

/// The caller's options (a reference, never a copy: a version 1 struct ends before `since`).
ReportOptions options_of(const oversight_report_options* opts) {
    return report_options(opts ? known_version(*opts, OVERSIGHT_REPORT_OPTIONS_VERSION, "oversight_report_options")
                               : kReportDefaults);
}

}  // namespace

extern "C" {

oversight_status oversight_report_options_init(oversight_report_options* opts, uint32_t version) noexcept {
    // A version 1 caller's struct ends before `since`: write no further.
    return init_struct(opts, version, OVERSIGHT_REPORT_OPTIONS_VERSION, kReportDefaults, "oversight_report_options",
                       version == 1 ? offsetof(oversight_report_options, since) : sizeof(oversight_report_options));
}

oversight_status oversight_report_plan(const oversight_store* store, int64_t plan_id,
                                       const oversight_report_options* opts, char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const Store& s = store_of(store);
            const ReportOptions options = options_of(opts);
            if (options.format == ReportFormat::xlsx)
                throw Error(Status::invalid_arg,
                            "format \"xlsx\" is a binary workbook: use oversight_report_plan_bytes");
            return give(out, render_report(s, plan_id, options));
        },
        out);
}

oversight_status oversight_report_plan_bytes(const oversight_store* store, int64_t plan_id,
                                             const oversight_report_options* opts, char** out,
                                             size_t* out_size) noexcept {
    return guard(
        [&] {
            need(out, "out");
            need(out_size, "out_size");
            const Store& s = store_of(store);
            const std::string bytes = render_report(s, plan_id, options_of(opts));
            give(out, bytes);
            *out_size = bytes.size();
            return OVERSIGHT_OK;
        },
        out, out_size);
}

}  // extern "C"
