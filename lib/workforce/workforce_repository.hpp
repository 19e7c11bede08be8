// Private to lib/: the workforce's port. The workforce keeps the rules (who
// may be appointed when, what a merge keeps); a store backend implements
// this repository (lib/store/) and writes a history row for every change it
// makes, each mutation in a transaction. People are found by name ignoring
// ASCII case; the domain has checked names, dates and existence before a
// write.
#pragma once

#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/person.hpp>
#include <oversight/workforce/team.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace oversight {

class Store;

namespace detail {

class WorkforceRepository {
public:
    virtual ~WorkforceRepository() = default;

    virtual std::optional<Person> find_person(std::string_view name) const = 0;
    virtual std::vector<Person> people() const = 0;  // by name
    virtual std::int64_t add_person(const Person& person) = 0;
    /// Sets every field of the person with `person.id` (history per changed field).
    virtual void update_person(const Person& person) = 0;
    /// Removes a person nothing refers to any more (history "*").
    virtual void remove_person(std::int64_t id) = 0;
    /// Every allocation, appointment and line-management reference to
    /// person `from` now names person `into` (history per changed row).
    virtual void repoint_person(std::int64_t from, std::int64_t into) = 0;

    virtual std::optional<Team> find_team(std::string_view name) const = 0;
    virtual std::optional<Team> find_team_by_external_id(std::string_view external_id) const = 0;
    virtual std::vector<Team> teams() const = 0;  // by name
    virtual void add_team(const Team& team) = 0;
    /// Sets name, manager, email and external id of the team named `name`.
    virtual void update_team(std::string_view name, const Team& team) = 0;

    /// The person's appointments by start (before records first; at the same
    /// start an ended one before the open one), then id.
    virtual std::vector<Appointment> appointments(std::string_view person) const = 0;
    /// Every appointment whose line manager is `manager`, by person then start.
    virtual std::vector<Appointment> managed_by(std::string_view manager) const = 0;
    /// People with an open appointment in a team, by name.
    virtual std::vector<Worker> workers() const = 0;
    virtual std::int64_t add_appointment(const Appointment& appointment) = 0;
    /// Sets every field of the appointment with `appointment.id` but its person.
    virtual void update_appointment(const Appointment& appointment) = 0;
    virtual void remove_appointment(std::int64_t id) = 0;
};

/// The store's workforce repository (defined in lib/store/).
WorkforceRepository& workforce_repository(Store& store);
const WorkforceRepository& workforce_repository(const Store& store);

}  // namespace detail
}  // namespace oversight
