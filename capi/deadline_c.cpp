// C ABI of rule packs and statutory due dates (oversight_deadline.h):
// argument checks and translation only; the work is in lib/rules.cpp and
// lib/schedule.cpp.
#include "calendar_handle.hpp"
#include "capi_util.hpp"
#include "rule_pack_handle.hpp"

#include <oversight/calendar/duration.hpp>
#include <oversight/rules/rule.hpp>
#include <oversight/rules/rule_pack.hpp>
#include <oversight/rules/schedule.hpp>

#include <nlohmann/json.hpp>

using namespace oversight;
using namespace oversight::capi;

namespace {

nlohmann::json optional_date(const std::optional<Date>& d) { return d ? nlohmann::json(d->iso()) : nlohmann::json(); }

nlohmann::json optional_duration(const std::optional<Duration>& d) {
    return d ? nlohmann::json(describe(*d)) : nlohmann::json();
}

nlohmann::json rule_json(const Rule& r) {
    nlohmann::json when = nlohmann::json::object();
    for (const auto& [key, values] : r.when) when[key] = values;
    return {{"id", r.id},
            {"title", r.title},
            {"area", r.area},
            {"kind", std::string(to_string(r.kind))},
            {"trigger", r.trigger},
            {"satisfied_by", r.satisfied_by},
            {"duration",
             {{"count", r.duration.count}, {"unit", std::string(to_string(r.duration.unit))}, {"text", describe(r.duration)}}},
            {"when", when},
            {"ends_on", r.ends_on},
            {"effective_from", optional_date(r.effective_from)},
            {"effective_until", optional_date(r.effective_until)},
            {"from_occurrence", r.from_occurrence},
            {"until_occurrence", r.until_occurrence ? nlohmann::json(*r.until_occurrence) : nlohmann::json()},
            {"active_from", optional_duration(r.active_from)},
            {"active_until", optional_duration(r.active_until)},
            {"active_from_event", r.active_from_event},
            {"active_until_event", r.active_until_event},
            {"enabled", r.enabled},
            {"source", r.source},
            {"status", std::string(to_string(r.status))},
            {"layer", r.layer},
            {"note", r.note}};
}

Obligation due(const oversight_rule_pack* pack, const char* rule_id, oversight_date from,
               const oversight_calendar* calendar) {
    need(pack, "pack");
    const Rule& rule = pack->pack.get(text_arg(rule_id, "rule_id"));
    return due_for_rule(rule, to_date(from, "from"), calendar_or_default(calendar));
}

}  // namespace

extern "C" {

oversight_status oversight_rule_pack_open_default(oversight_rule_pack** out) noexcept {
    return guard([&] {
        need(out, "out");
        *out = nullptr;
        *out = new oversight_rule_pack{RulePack::england_default()};
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_rule_pack_open_toml(oversight_rule_pack** out, const char* toml, const char* layer) noexcept {
    return guard([&] {
        need(out, "out");
        *out = nullptr;
        const std::string text = text_arg(toml, "toml");
        *out = new oversight_rule_pack{RulePack::from_toml(text, opt_text_arg(layer, "layer").value_or(""))};
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_rule_pack_open_file(oversight_rule_pack** out, const char* path) noexcept {
    return guard([&] {
        need(out, "out");
        *out = nullptr;
        *out = new oversight_rule_pack{RulePack::from_file(text_arg(path, "path"))};
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_rule_pack_layered(oversight_rule_pack** out, const oversight_rule_pack* base,
                                             const oversight_rule_pack* local) noexcept {
    return guard([&] {
        need(out, "out");
        *out = nullptr;
        need(base, "base");
        need(local, "local");
        *out = new oversight_rule_pack{base->pack.layered(local->pack)};
        return OVERSIGHT_OK;
    });
}

void oversight_rule_pack_free(oversight_rule_pack* pack) noexcept { delete pack; }

const char* oversight_rule_pack_name(const oversight_rule_pack* pack) noexcept {
    return pack ? pack->pack.name().c_str() : "";
}

oversight_status oversight_rule_pack_rules_json(const oversight_rule_pack* pack, char** out) noexcept {
    return guard([&] {
        need(out, "out");
        *out = nullptr;
        need(pack, "pack");
        nlohmann::json rules = nlohmann::json::array();
        for (const Rule& r : pack->pack.rules()) rules.push_back(rule_json(r));
        return give(out, rules.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    });
}

oversight_status oversight_rule_pack_due_date(const oversight_rule_pack* pack, const char* rule_id,
                                              oversight_date from, const oversight_calendar* calendar,
                                              oversight_date* out) noexcept {
    return guard([&] {
        need(out, "out");
        *out = oversight_date{0, 0, 0};
        *out = from_date(due(pack, rule_id, from, calendar).due);
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_rule_pack_explain(const oversight_rule_pack* pack, const char* rule_id,
                                             oversight_date from, const oversight_calendar* calendar,
                                             char** out) noexcept {
    return guard([&] {
        need(out, "out");
        *out = nullptr;
        return give(out, due(pack, rule_id, from, calendar).explanation);
    });
}

}  // extern "C"
