// <oversight/c/casework.h>: argument checks and translation only
// (lib/casework/).
#include "capi_util.hpp"

#include <oversight/casework/case.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>

#include <nlohmann/json.hpp>

#include <map>

using namespace oversight;
using namespace oversight::capi;

namespace {

const oversight_casework_event kEventDefaults = OVERSIGHT_CASEWORK_EVENT_INIT;

/// The event's attributes: NULL, or a JSON object of strings.
std::map<std::string, std::string> attributes_of(const char* json_text) {
    std::map<std::string, std::string> out;
    auto text = opt_text_arg(json_text, "attributes_json");
    if (!text) return out;
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(*text);
    } catch (const nlohmann::json::exception& e) {
        throw Error(Status::invalid_arg, std::string("attributes_json is not JSON: ") + e.what());
    }
    if (!j.is_object()) throw Error(Status::invalid_arg, "attributes_json is not a JSON object");
    for (auto& [k, v] : j.items()) {
        if (!v.is_string())
            throw Error(Status::invalid_arg, "attributes_json: the value of '" + k + "' is not a string");
        out[k] = v.get<std::string>();
    }
    return out;
}

}  // namespace

extern "C" {

oversight_status oversight_casework_save_child(oversight_store* store, const char* child_id,
                                               const oversight_date* date_of_birth) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        Child c;
        c.id = text_arg(child_id, "child_id");
        c.date_of_birth = opt_date(date_of_birth, "date_of_birth");
        save_child(s, c);
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_casework_allocate(oversight_store* store, const char* child_id, const char* worker,
                                             oversight_date from) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        allocate(s, text_arg(child_id, "child_id"), text_arg(worker, "worker"), to_date(from, "from"));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_casework_set_attribute(oversight_store* store, const char* child_id, const char* key,
                                                  const char* value, oversight_date effective_from) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        set_attribute(s, text_arg(child_id, "child_id"), text_arg(key, "key"), text_arg(value, "value"),
                      to_date(effective_from, "effective_from"));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_casework_event_init(oversight_casework_event* opts, uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_CASEWORK_EVENT_VERSION, kEventDefaults, "oversight_casework_event");
}

oversight_status oversight_casework_record_event(oversight_store* store, const oversight_casework_event* event,
                                                 int64_t* out_event_id) noexcept {
    return guard(
        [&] {
            Store& s = store_of(store);
            const auto& c = need_struct(event, OVERSIGHT_CASEWORK_EVENT_VERSION, "event", "oversight_casework_event");
            CaseEvent e;
            e.type = text_arg(c.type, "type");
            e.date = to_date(c.date, "date");
            e.attributes = attributes_of(c.attributes_json);
            const std::int64_t id = record_event(s, text_arg(c.child_id, "child_id"), e,
                                                 text_arg(c.recorded_by, "recorded_by"),
                                                 c.rule_pack ? &c.rule_pack->pack : nullptr);
            if (out_event_id) *out_event_id = id;
            return OVERSIGHT_OK;
        },
        out_event_id);
}

oversight_status oversight_casework_case_json(const oversight_store* store, const char* child_id,
                                              oversight_date as_of, char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const Store& s = store_of(store);
            return give(out, case_to_json(load_case(s, text_arg(child_id, "child_id"), to_date(as_of, "as_of"))));
        },
        out);
}

oversight_status oversight_casework_list_json(const oversight_store* store, const char* worker, const char* team,
                                              oversight_date as_of, char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const Store& s = store_of(store);
            CaseFilter filter;
            filter.worker = opt_text_arg(worker, "worker");
            filter.team = opt_text_arg(team, "team");
            return give(out, case_list_to_json(list_cases(s, filter, to_date(as_of, "as_of"))));
        },
        out);
}

}  // extern "C"
