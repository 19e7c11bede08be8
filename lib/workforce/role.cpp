#include <oversight/workforce/role.hpp>

#include "core/text.hpp"

namespace oversight {
namespace {

constexpr std::pair<std::string_view, Role> kRoles[] = {
    {"social_worker", Role::social_worker},
    {"newly_qualified_social_worker", Role::newly_qualified_social_worker},
    {"nqsw", Role::newly_qualified_social_worker},
    {"senior_practitioner", Role::senior_practitioner},
    {"team_manager", Role::team_manager},
    {"practice_supervisor", Role::practice_supervisor},
    {"lead_practitioner", Role::lead_practitioner},
    {"other_agency", Role::other_agency},
    {"manager", Role::manager},
    {"other", Role::other},
};

}  // namespace

std::string_view to_string(Role role) noexcept {
    for (const auto& [name, value] : kRoles)
        if (value == role) return name;
    return "other";
}

Role parse_role(std::string_view text) { return detail::parse_enum(text, kRoles, "role"); }

}  // namespace oversight
