// <oversight/c/rule_pack.h>: translation only (lib/rules/).
#include "capi_util.hpp"

#include <oversight/rules/rule.hpp>
#include <oversight/rules/rule_pack.hpp>
#include <oversight/rules/schedule.hpp>

using namespace oversight;
using namespace oversight::capi;

namespace {

const RulePack& pack_of(const oversight_rule_pack* pack) { return handle(pack, "pack")->pack; }

Obligation due(const oversight_rule_pack* pack, const char* rule_id, oversight_date from,
               const oversight_calendar* calendar) {
    const Rule& rule = pack_of(pack).get(text_arg(rule_id, "rule_id"));
    return due_for_rule(rule, to_date(from, "from"), calendar_or_default(calendar));
}

}  // namespace

extern "C" {

oversight_status oversight_rule_pack_open_default(oversight_rule_pack** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            *out = new_handle<oversight_rule_pack>(RulePack::england_default());
            return OVERSIGHT_OK;
        },
        out);
}

oversight_status oversight_rule_pack_open_toml(oversight_rule_pack** out, const char* toml, const char* layer) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const std::string text = text_arg(toml, "toml");
            *out = new_handle<oversight_rule_pack>(RulePack::from_toml(text, opt_text_arg(layer, "layer").value_or("")));
            return OVERSIGHT_OK;
        },
        out);
}

oversight_status oversight_rule_pack_open_file(oversight_rule_pack** out, const char* path) noexcept {
    return guard(
        [&] {
            need(out, "out");
            *out = new_handle<oversight_rule_pack>(RulePack::from_file(text_arg(path, "path")));
            return OVERSIGHT_OK;
        },
        out);
}

oversight_status oversight_rule_pack_layered(oversight_rule_pack** out, const oversight_rule_pack* base,
                                             const oversight_rule_pack* local) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const RulePack& b = handle(base, "base")->pack;
            const RulePack& l = handle(local, "local")->pack;
            *out = new_handle<oversight_rule_pack>(b.layered(l));
            return OVERSIGHT_OK;
        },
        out);
}

void oversight_rule_pack_free(oversight_rule_pack* pack) noexcept { free_handle(pack, "oversight_rule_pack_free"); }

const char* oversight_rule_pack_name(const oversight_rule_pack* pack) noexcept {
    pack = live_or_null(pack, "pack");
    return pack ? pack->pack.name().c_str() : "";
}

oversight_status oversight_rule_pack_rules_json(const oversight_rule_pack* pack, char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            return give(out, rules_to_json(pack_of(pack)));
        },
        out);
}

oversight_status oversight_rule_pack_due_date(const oversight_rule_pack* pack, const char* rule_id,
                                              oversight_date from, const oversight_calendar* calendar,
                                              oversight_date* out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            *out = from_date(due(pack, rule_id, from, calendar).due);
            return OVERSIGHT_OK;
        },
        out);
}

oversight_status oversight_rule_pack_explain(const oversight_rule_pack* pack, const char* rule_id,
                                             oversight_date from, const oversight_calendar* calendar,
                                             char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            return give(out, due(pack, rule_id, from, calendar).explanation);
        },
        out);
}

}  // extern "C"
