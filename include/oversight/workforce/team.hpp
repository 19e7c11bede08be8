// Teams, and the workers in them as casework sees them: a worker is a
// person with an open appointment in a team (appointment.hpp). Teams are
// addressed by their unique names, workers by their names (ignoring case,
// as the directory). Every change runs in one transaction and writes
// history rows (entities "team", "person", "appointment"). Unknown names
// throw Error(not_found); malformed input Error(invalid_arg).
#pragma once

#include <string>
#include <vector>

#include <oversight/workforce/role.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

struct Team {
    std::string name;     // unique, not blank
    std::string manager;  // may be empty
    std::string email;    // may be empty
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

/// Adds the team or updates the stored one with the same name.
void save_team(Store& store, const Team& team);
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
