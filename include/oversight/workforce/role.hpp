// What a person does in the service: the role of an appointment.
#pragma once

#include <string_view>

namespace oversight {

enum class Role {
    social_worker,
    newly_qualified_social_worker,  // in the assessed and supported year (ASYE)
    senior_practitioner,
    team_manager,
    practice_supervisor,
    lead_practitioner,              // holds cases, not a social worker
    other_agency,                   // health, education, police, ... colleagues
    manager,                        // service and senior managers, plan leads
    other,
};

/// Canonical names: "social_worker", "newly_qualified_social_worker", ...
std::string_view to_string(Role role) noexcept;
/// Inverse of to_string; also accepts display forms ("Newly qualified social
/// worker", "Team manager") and "NQSW". Error(invalid_arg) naming the text.
Role parse_role(std::string_view text);

}  // namespace oversight
