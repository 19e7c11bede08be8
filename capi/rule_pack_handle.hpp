// Private to capi/: the definition of the opaque oversight_rule_pack handle,
// shared by every area that accepts a rule pack.
#pragma once

#include <oversight/schedule.hpp>

struct oversight_rule_pack {
    oversight::RulePack pack;
};
