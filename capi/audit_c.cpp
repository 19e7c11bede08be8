// <oversight/c/audit.h>: translation only (lib/audit/, and the programme
// reminders of lib/reminders/audit_reminder.cpp).
#include "capi_util.hpp"

#include <oversight/audit/audit.hpp>
#include <oversight/reminders/audit_reminder.hpp>

#include <optional>
#include <string>

using namespace oversight;
using namespace oversight::capi;

namespace {

const oversight_audit_programme_options kProgrammeDefaults = OVERSIGHT_AUDIT_PROGRAMME_OPTIONS_INIT;

}  // namespace

extern "C" {

oversight_status oversight_audit_programme_options_init(oversight_audit_programme_options* opts,
                                                        uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_AUDIT_PROGRAMME_OPTIONS_VERSION, kProgrammeDefaults,
                       "oversight_audit_programme_options");
}

oversight_status oversight_audit_programme_add(oversight_store* store, const char* name,
                                               const oversight_audit_programme_options* opts,
                                               int64_t* out_id) noexcept {
    return guard(
        [&] {
            Store& s = store_of(store);
            const auto& o = need_struct(opts, OVERSIGHT_AUDIT_PROGRAMME_OPTIONS_VERSION, "opts",
                                        "oversight_audit_programme_options");
            AuditProgramme p;
            p.name = text_arg(name, "name");
            p.type = text_arg(o.type, "opts->type");
            p.cycle = opt_text_arg(o.cycle, "opts->cycle").value_or("");
            p.owner = text_arg(o.owner, "opts->owner");
            if (auto scale = opt_text_arg(o.scale, "opts->scale")) {
                try {
                    p.scale = parse_audit_scale(*scale);
                } catch (const Error& e) {
                    throw Error(Status::invalid_arg, std::string("opts->scale: ") + e.what());
                }
            }
            p.sampling.per_stratum = o.per_stratum;
            if (auto st = opt_text_arg(o.stratify, "opts->stratify")) p.sampling.stratify = parse_audit_stratum(*st);
            p.sampling.attribute = opt_text_arg(o.attribute, "opts->attribute").value_or("");
            p.sampling.exclusion_months = o.exclusion_months;
            p.next_due = opt_date(o.next_due, "opts->next_due");
            const std::int64_t id = add_audit_programme(s, p);
            if (out_id) *out_id = id;
            return OVERSIGHT_OK;
        },
        out_id);
}

oversight_status oversight_audit_programme_set_due(oversight_store* store, const char* name,
                                                   const oversight_date* due) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        set_audit_programme_due(s, text_arg(name, "name"), opt_date(due, "due"));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_audit_programmes_json(const oversight_store* store, char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            return give(out, audit_programmes_to_json(list_audit_programmes(store_of(store))));
        },
        out);
}

oversight_status oversight_audit_sample_json(const oversight_store* store, const char* programme,
                                             const oversight_date* as_of, uint64_t seed, char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const Store& s = store_of(store);
            const AuditSample sample =
                draw_audit_sample(s, text_arg(programme, "programme"), date_or_today(as_of, "as_of"), seed);
            return give(out, audit_sample_to_json(sample));
        },
        out);
}

oversight_status oversight_audit_record_json(oversight_store* store, const char* json,
                                             const oversight_calendar* calendar, int64_t* out_id) noexcept {
    return guard(
        [&] {
            Store& s = store_of(store);
            const Audit a = parse_audit_record(text_arg(json, "json"), "audit record");
            const std::int64_t id = record_audit(s, a, calendar_or_default(calendar));
            if (out_id) *out_id = id;
            return OVERSIGHT_OK;
        },
        out_id);
}

oversight_status oversight_audit_complete_recommendation(oversight_store* store, const char* reference,
                                                         int32_t number, oversight_date completed) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        complete_audit_recommendation(s, text_arg(reference, "reference"), number, to_date(completed, "completed"));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_audit_link_plan_action(oversight_store* store, const char* reference, int64_t plan_id,
                                                  const char* action) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        link_audit_to_plan_action(s, text_arg(reference, "reference"), {plan_id, text_arg(action, "action")});
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_audit_result_json(const oversight_store* store, const char* reference, int32_t text,
                                             char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const AuditResult r = audit_result(store_of(store), text_arg(reference, "reference"));
            return give(out, text ? audit_result_to_text(r) : audit_result_to_json(r));
        },
        out);
}

oversight_status oversight_audit_trend_json(const oversight_store* store, const char* programme, int32_t text,
                                            char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const AuditTrend t = audit_trend(store_of(store), text_arg(programme, "programme"));
            return give(out, text ? audit_trend_to_text(t) : audit_trend_to_json(t));
        },
        out);
}

oversight_status oversight_audit_actions_json(const oversight_store* store, const oversight_date* as_of,
                                              int32_t open_only, char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const Store& s = store_of(store);
            const Date day = date_or_today(as_of, "as_of");
            return give(out, audit_actions_to_json(day, audit_actions(s, day, open_only != 0)));
        },
        out);
}

oversight_status oversight_audit_reminders_json(const oversight_store* store, const oversight_date* as_of,
                                                int32_t window_days, const char* owner, char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const Store& s = store_of(store);
            const Date day = date_or_today(as_of, "as_of");
            const auto list = audit_reminders(s, day, window_days, opt_text_arg(owner, "owner"));
            return give(out, audit_reminders_to_json(day, window_days, list));
        },
        out);
}

oversight_status oversight_audit_wilson(int32_t k, int32_t n, double* out_share, double* out_low,
                                        double* out_high) noexcept {
    return guard(
        [&] {
            const Proportion p = wilson(k, n);
            if (out_share) *out_share = p.share;
            if (out_low) *out_low = p.low;
            if (out_high) *out_high = p.high;
            return OVERSIGHT_OK;
        },
        out_share, out_low, out_high);
}

}  // extern "C"
