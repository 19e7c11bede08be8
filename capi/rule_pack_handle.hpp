// Private to capi/: the definition of the opaque oversight_rule_pack handle,
// shared by every area that accepts a rule pack.
#pragma once

#include <oversight/rules/rule_pack.hpp>

struct oversight_rule_pack {
    oversight::RulePack pack;
};

namespace oversight::capi {

/// The pack a C caller passed, or the default England pack for NULL.
inline const RulePack& pack_or_default(const oversight_rule_pack* pack) {
    if (pack) return pack->pack;
    static const RulePack kDefault = RulePack::england_default();
    return kDefault;
}

}  // namespace oversight::capi
