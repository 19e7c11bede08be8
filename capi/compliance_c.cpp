// <oversight/c/compliance.h>: translation only (lib/compliance/).
#include "capi_util.hpp"

#include <oversight/calendar/duration.hpp>
#include <oversight/compliance/compliance.hpp>
#include <oversight/compliance/host_due.hpp>
#include <oversight/import/host_due_csv.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>

using namespace oversight;
using namespace oversight::capi;

namespace {

const oversight_compliance_options kDefaults = OVERSIGHT_COMPLIANCE_OPTIONS_INIT;

int32_t in_range(int32_t n, const char* what) {
    if (n < 0 || n > 3650) throw Error(Status::invalid_arg, std::string(what) + " " + std::to_string(n) + " is outside 0..3650");
    return n;
}

/// The C options as ComplianceOptions, with the rule pack and calendar.
struct Settings {
    ComplianceOptions options;
    const RulePack* pack = nullptr;
    const Calendar* calendar = nullptr;
};

Settings settings_of(const oversight_compliance_options* options) {
    const oversight_compliance_options& c =
        options ? known_version(*options, OVERSIGHT_COMPLIANCE_OPTIONS_VERSION, "oversight_compliance_options")
                : kDefaults;
    ComplianceOptions o;
    o.as_of = date_or_today(c.as_of, "as_of");
    o.period_from = opt_date(c.period_from, "period_from");
    o.period_to = opt_date(c.period_to, "period_to");
    o.window = {in_range(c.window_working_days, "window_working_days"), Unit::working_days};
    o.recording_threshold_working_days = in_range(c.recording_threshold_working_days, "recording_threshold_working_days");
    o.team = opt_text_arg(c.team, "team");
    o.worker = opt_text_arg(c.worker, "worker");
    o.rule = opt_text_arg(c.rule, "rule");
    o.area = opt_text_arg(c.area, "area");
    o.school = school_of(c.calendar);
    // A version 1 struct ends before `recount`, a version 2 one before
    // `explain`, a version 3 one before `child`.
    if (c.version >= 2) o.use_kept = c.recount == 0;
    if (c.version >= 3) o.explain = c.explain != 0;
    if (c.version >= 4) o.child = opt_text_arg(c.child, "child");
    return {std::move(o), &pack_or_default(c.rule_pack), &calendar_or_default(c.calendar)};
}

/// `items` false: the groups only (no child-level rows are asked for).
ComplianceReport report_of(const oversight_store* store, const oversight_compliance_options* options,
                           bool items = true) {
    Settings s = settings_of(options);
    s.options.items = items;
    return compliance(store_of(store), *s.pack, *s.calendar, s.options);
}

/// A row function's "stop": thrown through the reading of the rows, caught
/// by oversight_compliance_for_each_item.
struct StoppedByHost {};

const oversight_compliance_host_due_options kHostDueDefaults = OVERSIGHT_COMPLIANCE_HOST_DUE_OPTIONS_INIT;

std::optional<ComplianceBy> by_of(const char* by) {
    const std::optional<std::string> text = opt_text_arg(by, "by");
    if (!text) return std::nullopt;
    return compliance_by_from_string(*text);
}

}  // namespace

extern "C" {

oversight_status oversight_compliance_options_init(oversight_compliance_options* opts, uint32_t version) noexcept {
    // An older caller's struct ends before the fields added since: write no further.
    const std::size_t size = version == 1   ? offsetof(oversight_compliance_options, recount)
                             : version == 2 ? offsetof(oversight_compliance_options, explain)
                             : version == 3 ? offsetof(oversight_compliance_options, child)
                                            : sizeof(oversight_compliance_options);
    return init_struct(opts, version, OVERSIGHT_COMPLIANCE_OPTIONS_VERSION, kDefaults, "oversight_compliance_options",
                       size);
}

oversight_status oversight_compliance_json(const oversight_store* store, const oversight_compliance_options* options,
                                           char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            return give(out, compliance_to_json(report_of(store, options)));
        },
        out);
}

oversight_status oversight_compliance_csv(const oversight_store* store, const oversight_compliance_options* options,
                                          int32_t children, const char* by, char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const std::optional<ComplianceBy> group = by_of(by);
            return give(out, compliance_to_csv(report_of(store, options, children != 0), children != 0, group));
        },
        out);
}

oversight_status oversight_compliance_for_each_item(const oversight_store* store,
                                                    const oversight_compliance_options* options, const char* format,
                                                    oversight_compliance_row_fn row, void* context,
                                                    int64_t* out_rows) noexcept {
    return guard(
        [&] {
            need(row, "row");
            const std::string chosen = opt_text_arg(format, "format").value_or("json");
            if (chosen != "json" && chosen != "csv")
                throw Error(Status::invalid_arg, "format must be \"json\" or \"csv\", not '" + chosen + "'");
            const bool csv = chosen == "csv";
            const Settings s = settings_of(options);
            int64_t lines = 0;
            try {
                for_each_compliance_line(store_of(store), *s.pack, *s.calendar, s.options,
                                         csv ? ComplianceLines::csv : ComplianceLines::json,
                                         [&](const std::string& text) {
                                             ++lines;
                                             if (row(context, text.c_str(), text.size()) != 0) throw StoppedByHost{};
                                         });
            } catch (const StoppedByHost&) {
            }
            // The rows handed over: the CSV header is the first line.
            if (out_rows) *out_rows = csv ? std::max<int64_t>(lines - 1, 0) : lines;
            return OVERSIGHT_OK;
        },
        out_rows);
}

oversight_status oversight_compliance_text(const oversight_store* store, const oversight_compliance_options* options,
                                           int32_t children, const char* by, char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const std::optional<ComplianceBy> group = by_of(by);
            return give(out, compliance_to_text(report_of(store, options), children != 0, group));
        },
        out);
}

oversight_status oversight_compliance_keep(oversight_store* store, const oversight_compliance_options* options,
                                           char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            Store& s = store_of(store);
            const Settings settings = settings_of(options);
            return give(out, kept_compliance_to_json(
                                 {keep_compliance(s, *settings.pack, *settings.calendar, settings.options)}));
        },
        out);
}

oversight_status oversight_compliance_kept_json(const oversight_store* store, char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            return give(out, kept_compliance_to_json(kept_compliance(store_of(store))));
        },
        out);
}

oversight_status oversight_compliance_forget(oversight_store* store, const char* key, int32_t* out_forgotten) noexcept {
    return guard(
        [&] {
            const std::string k = text_arg(key, "key");
            const bool gone = forget_kept_compliance(store_of(store), k);
            if (out_forgotten) *out_forgotten = gone ? 1 : 0;
            return OVERSIGHT_OK;
        },
        out_forgotten);
}

oversight_status oversight_compliance_host_due_options_init(oversight_compliance_host_due_options* opts,
                                                           uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_COMPLIANCE_HOST_DUE_OPTIONS_VERSION, kHostDueDefaults,
                       "oversight_compliance_host_due_options", sizeof(oversight_compliance_host_due_options));
}

oversight_status oversight_compliance_host_due_json(const oversight_store* store,
                                                    const oversight_compliance_host_due_options* options,
                                                    const char* csv, size_t csv_length, char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            if (!csv && csv_length) need(csv, "csv");
            const oversight_compliance_host_due_options& c =
                options ? known_version(*options, OVERSIGHT_COMPLIANCE_HOST_DUE_OPTIONS_VERSION,
                                        "oversight_compliance_host_due_options")
                        : kHostDueDefaults;
            HostDueOptions o;
            o.as_of = date_or_today(c.as_of, "as_of");
            if (c.child_column) o.child_column = text_arg(c.child_column, "child_column");
            if (c.due_column) o.due_column = text_arg(c.due_column, "due_column");
            o.rule = opt_text_arg(c.rule, "rule");
            if (c.rule_column) o.rule_column = text_arg(c.rule_column, "rule_column");
            if (c.file) o.file = text_arg(c.file, "file");
            o.school = school_of(c.calendar);
            o.by_external_id = c.by_external_id != 0;
            const RulePack& pack = pack_or_default(c.rule_pack);
            const Store& s = store_of(store);
            std::vector<HostDueInput> rows = read_host_due_csv(csv ? std::string(csv, csv_length) : std::string(), o);
            return give(out, host_due_to_json(check_host_due_dates(s, pack, calendar_or_default(c.calendar), rows, o)));
        },
        out);
}

}  // extern "C"
