// Teams and the social workers in them (casework allocates children to
// workers). Teams and workers are addressed by their unique names; every
// change runs in one transaction and writes history rows (entities "team",
// "worker"). Unknown names throw Error(not_found); malformed input
// Error(invalid_arg).
#pragma once

#include <string>
#include <vector>

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
    std::string name;   // unique, not blank
    std::string team;   // name of an existing team
    std::string email;  // may be empty
};
bool operator==(const Worker& a, const Worker& b);
inline bool operator!=(const Worker& a, const Worker& b) { return !(a == b); }

/// Adds the team or updates the stored one with the same name.
void save_team(Store& store, const Team& team);
/// Adds the worker or updates the stored one with the same name (moving
/// teams keeps the worker's allocations). Error(not_found) for an unknown team.
void save_worker(Store& store, const Worker& worker);

std::vector<Team> list_teams(const Store& store);                    // by name
std::vector<Worker> list_workers(const Store& store);                // by name

}  // namespace oversight
