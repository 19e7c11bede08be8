// <oversight/c/supervision.h>: translation only (lib/supervision/).
#include "capi_util.hpp"

#include <oversight/supervision/standard.hpp>
#include <oversight/reminders/supervision_reminder.hpp>
#include <oversight/supervision/supervision.hpp>
#include <oversight/supervision/supervision_audit.hpp>

#include <optional>
#include <string>

using namespace oversight;
using namespace oversight::capi;

namespace {

const oversight_supervision_options kOptionsDefaults = OVERSIGHT_SUPERVISION_OPTIONS_INIT;
const oversight_supervision_audit_options kAuditDefaults = OVERSIGHT_SUPERVISION_AUDIT_OPTIONS_INIT;

struct Options {
    SupervisionStandard standard;
    const Calendar* calendar;
};

Options options_of(const oversight_supervision_options* o) {
    const auto& c =
        struct_or(o, kOptionsDefaults, OVERSIGHT_SUPERVISION_OPTIONS_VERSION, "oversight_supervision_options");
    Options out{SupervisionStandard::england_default(), &calendar_or_default(c.calendar)};
    if (c.local_standard)
        out.standard = out.standard.layered(SupervisionStandard::from_file(text_arg(c.local_standard, "local_standard")));
    return out;
}

}  // namespace

extern "C" {

oversight_status oversight_supervision_options_init(oversight_supervision_options* opts, uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_SUPERVISION_OPTIONS_VERSION, kOptionsDefaults,
                       "oversight_supervision_options");
}

oversight_status oversight_supervision_standard_json(const oversight_supervision_options* opts, char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            return give(out, standard_to_json(options_of(opts).standard));
        },
        out);
}

oversight_status oversight_supervision_record(oversight_store* store, const char* record_json,
                                              const oversight_supervision_options* opts, int64_t* out_id) noexcept {
    return guard(
        [&] {
            Store& s = store_of(store);
            const SupervisionRecord r = supervision_record_from_json(text_arg(record_json, "record_json"));
            const std::int64_t id = record_supervision(s, r, options_of(opts).standard);
            if (out_id) *out_id = id;
            return OVERSIGHT_OK;
        },
        out_id);
}

oversight_status oversight_supervision_list_json(const oversight_store* store, oversight_date from, oversight_date to,
                                                 const char* person, char** out) noexcept {
    return guard(
        [&] {
            const Store& s = store_of(store);
            need(out, "out");
            return give(out, supervisions_to_json(list_supervisions(s, to_date(from, "from"), to_date(to, "to"),
                                                                    opt_text_arg(person, "person"))));
        },
        out);
}

oversight_status oversight_supervision_report(const oversight_store* store, const oversight_date* as_of,
                                              const oversight_date* from, const oversight_supervision_options* opts,
                                              int32_t text, char** out) noexcept {
    return guard(
        [&] {
            const Store& s = store_of(store);
            need(out, "out");
            const Options o = options_of(opts);
            const SupervisionReport r = supervision_report(s, date_or_today(as_of, "as_of"), opt_date(from, "from"),
                                                           o.standard, *o.calendar);
            return give(out, text ? supervision_report_to_text(r) : supervision_report_to_json(r));
        },
        out);
}

oversight_status oversight_supervision_audit_options_init(oversight_supervision_audit_options* opts,
                                                          uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_SUPERVISION_AUDIT_OPTIONS_VERSION, kAuditDefaults,
                       "oversight_supervision_audit_options");
}

oversight_status oversight_supervision_audit_json(const oversight_store* store,
                                                  const oversight_supervision_audit_options* audit,
                                                  const oversight_supervision_options* opts, int32_t text,
                                                  char** out) noexcept {
    return guard(
        [&] {
            const Store& s = store_of(store);
            need(out, "out");
            need(audit, "audit");
            const auto& a = known_version(*audit, OVERSIGHT_SUPERVISION_AUDIT_OPTIONS_VERSION,
                                          "oversight_supervision_audit_options");
            SupervisionAuditOptions o;
            o.from = to_date(a.from, "from");
            o.to = to_date(a.to, "to");
            o.per_supervisor = a.per_supervisor;
            o.sample_size = a.sample_size;
            o.min_criteria = a.min_criteria;
            o.seed = a.seed;
            const SupervisionAudit r = supervision_audit(s, o, options_of(opts).standard);
            return give(out, text ? supervision_audit_to_text(r) : supervision_audit_to_json(r));
        },
        out);
}

oversight_status oversight_supervision_reminders_json(const oversight_store* store, const oversight_date* as_of,
                                                      int32_t window_days, const char* supervisor,
                                                      const oversight_supervision_options* opts, char** out) noexcept {
    return guard(
        [&] {
            const Store& s = store_of(store);
            need(out, "out");
            const Options o = options_of(opts);
            const Date day = date_or_today(as_of, "as_of");
            const Duration window{window_days < 0 ? o.standard.due_soon_days() : window_days, Unit::calendar_days};
            const auto list = supervision_reminders(s, day, window, *o.calendar, o.standard,
                                                    opt_text_arg(supervisor, "supervisor").value_or(""));
            return give(out, supervision_reminders_to_json(day, add_duration(day, window, *o.calendar), list));
        },
        out);
}

}  // extern "C"
