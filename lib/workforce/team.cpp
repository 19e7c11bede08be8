// Teams, and workers: casework's view of a person with an open appointment
// in a team.
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/team.hpp>

#include <oversight/core/error.hpp>

#include "core/transaction.hpp"
#include "core/validation.hpp"
#include "workforce/workforce_repository.hpp"

namespace oversight {

bool operator==(const Team& a, const Team& b) {
    return a.name == b.name && a.manager == b.manager && a.email == b.email;
}
bool operator==(const Worker& a, const Worker& b) {
    return a.name == b.name && a.team == b.team && a.email == b.email && a.role == b.role;
}

void save_team(Store& store, const Team& team) {
    const Team t{detail::checked_text(team.name, "team name"), detail::checked_text(team.manager, "team manager", true),
                 detail::checked_text(team.email, "team email", true)};
    detail::in_transaction(store, "saving team '" + t.name + "'", [&] {
        auto& repo = detail::workforce_repository(store);
        if (repo.find_team(t.name)) repo.update_team(t);
        else repo.add_team(t);
    });
}

void save_worker(Store& store, const Worker& worker) {
    const std::string name = detail::checked_text(worker.name, "worker name");
    const std::string team = detail::checked_text(worker.team, "worker team");
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
