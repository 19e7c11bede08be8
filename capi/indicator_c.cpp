// <oversight/c/indicator.h>: translation only (lib/indicator/).
#include "capi_util.hpp"

#include <oversight/indicator/indicator.hpp>
#include <oversight/plan/plan_store.hpp>

#include <string>

using namespace oversight;
using namespace oversight::capi;

namespace {

const oversight_indicator_value kValueDefaults = OVERSIGHT_INDICATOR_VALUE_INIT;
const oversight_indicator_refresh_options kRefreshDefaults = OVERSIGHT_INDICATOR_REFRESH_OPTIONS_INIT;

}  // namespace

extern "C" {

oversight_status oversight_indicator_save(oversight_store* store, int64_t plan_id, const char* json,
                                          int64_t* out_id) noexcept {
    return guard(
        [&] {
            Store& s = store_of(store);
            const std::int64_t id = save_indicator(s, plan_id, parse_indicator(text_arg(json, "json")));
            if (out_id) *out_id = id;
            return OVERSIGHT_OK;
        },
        out_id);
}

oversight_status oversight_indicator_value_init(oversight_indicator_value* opts, uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_INDICATOR_VALUE_VERSION, kValueDefaults, "oversight_indicator_value");
}

oversight_status oversight_indicator_record_value(oversight_store* store, int64_t plan_id, const char* key,
                                                  const oversight_indicator_value* value, int64_t* out_id) noexcept {
    return guard(
        [&] {
            Store& s = store_of(store);
            const std::string k = text_arg(key, "key");
            const oversight_indicator_value& v =
                need_struct(value, OVERSIGHT_INDICATOR_VALUE_VERSION, "value", "oversight_indicator_value");
            IndicatorValue x;
            x.month = to_date(v.month, "value.month");
            x.value = v.value;
            x.source = IndicatorSource::entered;
            x.entered_by = opt_text_arg(v.entered_by, "value.entered_by").value_or("");
            x.note = opt_text_arg(v.note, "value.note").value_or("");
            const std::int64_t id = record_indicator_value(s, plan_id, k, x);
            if (out_id) *out_id = id;
            return OVERSIGHT_OK;
        },
        out_id);
}

oversight_status oversight_indicator_link(oversight_store* store, int64_t plan_id, const char* action_ref,
                                          const char* key) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        link_indicator(s, plan_id, text_arg(action_ref, "action_ref"), text_arg(key, "key"));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_indicator_list_json(const oversight_store* store, int64_t plan_id,
                                               const oversight_date* as_of, int32_t text, char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const Store& s = store_of(store);
            const Date day = date_or_today(as_of, "as_of");
            const Plan plan = load_plan(s, plan_id);
            return give(out, text ? indicators_to_text(plan, day) : indicators_to_json(plan, day));
        },
        out);
}

oversight_status oversight_indicator_refresh_options_init(oversight_indicator_refresh_options* opts,
                                                          uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_INDICATOR_REFRESH_OPTIONS_VERSION, kRefreshDefaults,
                       "oversight_indicator_refresh_options");
}

oversight_status oversight_indicator_refresh(oversight_store* store, int64_t plan_id, const oversight_date* as_of,
                                             const oversight_indicator_refresh_options* opts,
                                             int32_t* out_written) noexcept {
    return guard(
        [&] {
            Store& s = store_of(store);
            const auto& c = struct_or(opts, kRefreshDefaults, OVERSIGHT_INDICATOR_REFRESH_OPTIONS_VERSION,
                                      "oversight_indicator_refresh_options");
            IndicatorRefreshOptions o;
            o.as_of = date_or_today(as_of, "as_of");
            o.months = c.months;
            o.pack = opt_pack(c.rule_pack, "rule_pack");
            o.calendar = &calendar_or_default(c.calendar);
            o.school = school_of(c.calendar);
            const int written = refresh_indicators(s, plan_id, o);
            if (out_written) *out_written = written;
            return OVERSIGHT_OK;
        },
        out_written);
}

}  // extern "C"
