// C ABI of casework and reminders (oversight_casework.h): argument checks
// and translation only; the work is in lib/ (casework.hpp).
#include "capi_util.hpp"
#include "calendar_handle.hpp"
#include "rule_pack_handle.hpp"

#include <oversight/workforce/team.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/casework/case.hpp>
#include <oversight/reminders/acknowledgement.hpp>
#include <oversight/reminders/reminder.hpp>
#include <oversight/reminders/digest.hpp>
#include <oversight/reminders/ics.hpp>
#include <oversight/import/ssda903.hpp>

#include <nlohmann/json.hpp>

using namespace oversight;
using namespace oversight::capi;

namespace {

// NULL selects the defaults; both are built once and never change.
Duration working_days(int32_t n) {
    if (n < 0 || n > 3650)
        throw Error(Status::invalid_arg, "within_working_days " + std::to_string(n) + " is outside 0..3650");
    return Duration{n, Unit::working_days};
}

CaseFilter filter_of(const char* worker, const char* team) {
    CaseFilter f;
    f.worker = opt_text_arg(worker, "worker");
    f.team = opt_text_arg(team, "team");
    return f;
}

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

std::vector<Reminder> select(const oversight_store* store, const oversight_rule_pack* pack,
                             const oversight_calendar* calendar, oversight_date as_of, int32_t within,
                             const char* worker, const char* team) {
    need(store, "store");
    Date day = to_date(as_of, "as_of");
    Duration window = working_days(within);
    CaseFilter filter = filter_of(worker, team);
    return reminders(store->store, pack_or_default(pack), calendar_or_default(calendar), day, window, filter);
}

}  // namespace

extern "C" {

oversight_status oversight_team_save(oversight_store* store, const char* name, const char* manager,
                                     const char* email) noexcept {
    return guard([&] {
        need(store, "store");
        save_team(store->store, {text_arg(name, "name"), opt_text_arg(manager, "manager").value_or(""),
                                 opt_text_arg(email, "email").value_or("")});
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_worker_save(oversight_store* store, const char* name, const char* team,
                                       const char* email) noexcept {
    return guard([&] {
        need(store, "store");
        save_worker(store->store,
                    {text_arg(name, "name"), text_arg(team, "team"), opt_text_arg(email, "email").value_or("")});
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_child_save(oversight_store* store, const char* child_id,
                                      const oversight_date* date_of_birth) noexcept {
    return guard([&] {
        need(store, "store");
        Child c;
        c.id = text_arg(child_id, "child_id");
        if (date_of_birth) c.date_of_birth = to_date(*date_of_birth, "date_of_birth");
        save_child(store->store, c);
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_child_allocate(oversight_store* store, const char* child_id, const char* worker,
                                          oversight_date from) noexcept {
    return guard([&] {
        need(store, "store");
        allocate(store->store, text_arg(child_id, "child_id"), text_arg(worker, "worker"), to_date(from, "from"));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_child_set_attribute(oversight_store* store, const char* child_id, const char* key,
                                               const char* value, oversight_date effective_from) noexcept {
    return guard([&] {
        need(store, "store");
        set_attribute(store->store, text_arg(child_id, "child_id"), text_arg(key, "key"), text_arg(value, "value"),
                      to_date(effective_from, "effective_from"));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_child_record_event(oversight_store* store, const char* child_id, const char* type,
                                              oversight_date date, const char* attributes_json,
                                              const char* recorded_by, const oversight_rule_pack* pack,
                                              int64_t* out_event_id) noexcept {
    return guard([&] {
        if (out_event_id) *out_event_id = 0;
        need(store, "store");
        CaseEvent e;
        e.type = text_arg(type, "type");
        e.date = to_date(date, "date");
        e.attributes = attributes_of(attributes_json);
        std::int64_t id = record_event(store->store, text_arg(child_id, "child_id"), e,
                                       text_arg(recorded_by, "recorded_by"), pack ? &pack->pack : nullptr);
        if (out_event_id) *out_event_id = id;
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_child_case_json(const oversight_store* store, const char* child_id, oversight_date as_of,
                                           char** out) noexcept {
    if (out) *out = nullptr;
    return guard([&] {
        need(store, "store");
        need(out, "out");
        return give(out, case_to_json(load_case(store->store, text_arg(child_id, "child_id"), to_date(as_of, "as_of"))));
    });
}

oversight_status oversight_child_list_json(const oversight_store* store, const char* worker, const char* team,
                                           oversight_date as_of, char** out) noexcept {
    if (out) *out = nullptr;
    return guard([&] {
        need(store, "store");
        need(out, "out");
        auto cases = list_cases(store->store, filter_of(worker, team), to_date(as_of, "as_of"));
        nlohmann::json arr = nlohmann::json::array();
        for (const auto& c : cases)
            arr.push_back({{"child", c.child_id},
                           {"worker", c.worker},
                           {"team", c.team},
                           {"allocated_from", c.allocated_from ? nlohmann::json(c.allocated_from->iso()) : nlohmann::json()},
                           {"events", c.events}});
        return give(out, arr.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    });
}

oversight_status oversight_ssda903_import(oversight_store* store, const char* folder, const char* recorded_by,
                                          char** out) noexcept {
    if (out) *out = nullptr;
    return guard([&] {
        need(store, "store");
        need(out, "out");
        Ssda903Result r = import_ssda903(store->store, text_arg(folder, "folder"),
                                         opt_text_arg(recorded_by, "recorded_by").value_or("ssda903 import"));
        nlohmann::json j{{"children_added", r.children_added},
                         {"events_added", r.events_added},
                         {"events_already_present", r.events_already_present},
                         {"attributes_set", r.attributes_set},
                         {"warnings", nlohmann::json::array()}};
        for (const auto& w : r.warnings)
            j["warnings"].push_back({{"file", w.file}, {"line", w.line}, {"message", w.message}});
        return give(out, j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    });
}

oversight_status oversight_reminders_json(const oversight_store* store, const oversight_rule_pack* pack,
                                          const oversight_calendar* calendar, oversight_date as_of,
                                          int32_t within_working_days, const char* worker, const char* team,
                                          char** out) noexcept {
    if (out) *out = nullptr;
    return guard([&] {
        need(out, "out");
        return give(out, reminders_to_json_array(select(store, pack, calendar, as_of, within_working_days, worker, team)));
    });
}

oversight_status oversight_reminders_digest(const oversight_store* store, const oversight_rule_pack* pack,
                                            const oversight_calendar* calendar, oversight_date as_of,
                                            int32_t within_working_days, const char* worker, const char* team,
                                            char** out) noexcept {
    if (out) *out = nullptr;
    return guard([&] {
        need(out, "out");
        auto list = select(store, pack, calendar, as_of, within_working_days, worker, team);
        std::string text = digest(list, to_date(as_of, "as_of"), working_days(within_working_days), filter_of(worker, team));
        return give(out, text);
    });
}

oversight_status oversight_reminders_ics(const oversight_store* store, const oversight_rule_pack* pack,
                                         const oversight_calendar* calendar, oversight_date as_of,
                                         int32_t within_working_days, const char* worker, const char* team,
                                         int32_t alarm_days, const char* dtstamp, char** out) noexcept {
    if (out) *out = nullptr;
    return guard([&] {
        need(out, "out");
        IcsOptions options;
        options.alarm_days = alarm_days;
        options.dtstamp = opt_text_arg(dtstamp, "dtstamp");
        auto list = select(store, pack, calendar, as_of, within_working_days, worker, team);
        return give(out, reminders_to_ics(list, options));
    });
}

oversight_status oversight_reminder_acknowledge(oversight_store* store, const oversight_rule_pack* pack,
                                                const oversight_calendar* calendar, const char* child_id,
                                                const char* rule_id, oversight_date due, const char* who,
                                                const char* note) noexcept {
    return guard([&] {
        need(store, "store");
        ObligationKey key{text_arg(child_id, "child_id"), text_arg(rule_id, "rule_id"), to_date(due, "due")};
        acknowledge(store->store, pack_or_default(pack), calendar_or_default(calendar), key, text_arg(who, "who"),
                    opt_text_arg(note, "note").value_or(""));
        return OVERSIGHT_OK;
    });
}

}  // extern "C"
