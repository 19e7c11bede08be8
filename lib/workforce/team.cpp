// Teams, and workers: casework's view of a person with an open appointment
// in a team.
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/team.hpp>

#include <oversight/core/error.hpp>

#include "core/text.hpp"
#include "core/transaction.hpp"
#include "core/validation.hpp"
#include "workforce/workforce_repository.hpp"

namespace oversight {

bool operator==(const Team& a, const Team& b) {
    return a.name == b.name && a.manager == b.manager && a.email == b.email && a.external_id == b.external_id;
}
bool operator==(const Worker& a, const Worker& b) {
    return a.name == b.name && a.team == b.team && a.email == b.email && a.role == b.role;
}

void save_team(Store& store, const Team& team) {
    Team t{detail::checked_name(team.name, "team name", detail::kMaxNameBytes), detail::checked_text(team.manager, "team manager", true),
           detail::checked_text(team.email, "team email", true)};
    if (team.external_id) t.external_id = detail::checked_external_id(*team.external_id, "team external id");
    detail::in_transaction(store, "saving team '" + t.name + "'", [&] {
        auto& repo = detail::workforce_repository(store);
        const std::optional<Team> by_external = t.external_id ? repo.find_team_by_external_id(*t.external_id)
                                                              : std::nullopt;
        const std::optional<Team> by_name = repo.find_team(t.name);
        const std::optional<Team>& stored = by_external ? by_external : by_name;
        if (!stored) return repo.add_team(t);
        if (by_external && by_name && by_name->name != by_external->name)
            throw Error(Status::conflict, "team external id " + detail::in_quotes(*t.external_id) + " is team " +
                                              detail::in_quotes(by_external->name) + "'s, and the name " +
                                              detail::in_quotes(t.name) + " is another team's");
        if (!by_external && t.external_id && stored->external_id)
            throw Error(Status::conflict, "team " + detail::in_quotes(t.name) + " has external id " +
                                              detail::in_quotes(*stored->external_id) + ", not " +
                                              detail::in_quotes(*t.external_id));
        if (!t.external_id) t.external_id = stored->external_id;
        if (t != *stored) repo.update_team(stored->name, t);
    });
}

std::optional<Team> try_find_team_by_external_id(const Store& store, std::string_view external_id) {
    return detail::workforce_repository(store).find_team_by_external_id(detail::trim(external_id));
}

void save_worker(Store& store, const Worker& worker) {
    const std::string name = detail::checked_name(worker.name, "worker name", detail::kMaxNameBytes);
    const std::string team = detail::checked_name(worker.team, "worker team", detail::kMaxNameBytes);
    const std::string email = detail::checked_text(worker.email, "worker email", true);
    detail::in_transaction(store, "saving worker '" + name + "'", [&] {
        auto& repo = detail::workforce_repository(store);
        if (!repo.find_team(team)) throw Error(Status::not_found, "no team named '" + team + "'");
        std::optional<Person> person = repo.find_person(name);
        if (!person) {
            repo.add_person({0, name, "", email, ""});
            person = repo.find_person(name);
        } else if (person->email != email) {
            person->email = email;
            repo.update_person(*person);
        }
        const std::vector<Appointment> all = repo.appointments(person->name);
        std::optional<Appointment> open;
        for (const Appointment& a : all)
            if (!a.until) open = a;
        if (open && open->team == team && open->role == worker.role) return;
        Appointment next{0, person->name, worker.role, team, "", std::nullopt, std::nullopt};
        if (open && open->team == team) next.line_manager = open->line_manager;
        // A first appointment runs from before records; a change, from today.
        if (!all.empty()) next.from = Date::today();
        appoint(store, next);
    });
}

std::vector<Team> list_teams(const Store& store) { return detail::workforce_repository(store).teams(); }

std::vector<Worker> list_workers(const Store& store) { return detail::workforce_repository(store).workers(); }

}  // namespace oversight
