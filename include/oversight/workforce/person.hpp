// A person in the people directory: leads of plan actions, task owners and
// anyone else a plan names.
#pragma once

#include <cstdint>
#include <string>

namespace oversight {

struct Person {
    std::int64_t id = 0;
    std::string name;
    std::string role;
    std::string email;
    std::string team;
};

}  // namespace oversight
