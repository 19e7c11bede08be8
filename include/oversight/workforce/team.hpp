// Teams, and the workers in them as casework sees them: a worker is a
// person with an open appointment in a team (appointment.hpp). Teams are
// addressed by their unique names, workers by their names (ignoring case,
// as the directory). Every change runs in one transaction and writes
// history rows (entities "team", "person", "appointment"). Unknown names
// throw Error(not_found); malformed input Error(invalid_arg): a team or
// worker name that is blank, not UTF-8, holds a control character (C0, DEL,
// C1 U+0080..U+009F) or is longer than 256 bytes is refused, naming it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <oversight/workforce/role.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

struct Team {
    std::string name;     // unique, not blank
    std::string manager;  // may be empty
    std::string email;    // may be empty
    /// The case system's own id for the team (trimmed, not blank, at most 256
    /// bytes, unique); nullopt: none sent (an update then leaves it alone).
    std::optional<std::string> external_id{};
};
bool operator==(const Team& a, const Team& b);
inline bool operator!=(const Team& a, const Team& b) { return !(a == b); }

struct Worker {
    std::string name;   // a person's name, not blank
    std::string team;   // name of an existing team
    std::string email;  // may be empty
    Role role = Role::social_worker;
};
bool operator==(const Worker& a, const Worker& b);
inline bool operator!=(const Worker& a, const Worker& b) { return !(a == b); }

/// Adds the team or updates the stored one (history fields "name",
/// "manager", "email", "external_id"):
///  - with an external id that a stored team has: that team, renamed to
///    team.name when the case system renamed it (Error(conflict) when
///    another team has the name); appointments follow, being by team;
///  - otherwise the team with team.name, which takes the external id if it
///    had none (Error(conflict) when it has another one), or a new team.
void save_team(Store& store, const Team& team);
std::optional<Team> try_find_team_by_external_id(const Store& store, std::string_view external_id);
/// Adds the person if the directory lacks them (and sets a given email),
/// and makes their open appointment one in `team` with `role`. A person's
/// first appointment runs from before records; a later change of team or
/// role is an appointment from today that ends the previous one (the line
/// manager stays when the team does). Allocations stay with the person.
/// Error(not_found) for an unknown team.
void save_worker(Store& store, const Worker& worker);

std::vector<Team> list_teams(const Store& store);      // by name
/// People with an open appointment in a team, by name.
std::vector<Worker> list_workers(const Store& store);

}  // namespace oversight
