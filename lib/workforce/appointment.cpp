// Appointments over time: at most one open per person, no two overlapping;
// appointing from a later date ends the open one then.
#include <oversight/workforce/appointment.hpp>

#include <oversight/core/error.hpp>

#include "core/text.hpp"
#include "core/transaction.hpp"
#include "core/validation.hpp"
#include "workforce/workforce_detail.hpp"
#include "workforce/workforce_repository.hpp"

#include <algorithm>

namespace oversight {
namespace {

/// from < until, where no `from` is the beginning of time and no `until` its end.
bool before(const std::optional<Date>& from, const std::optional<Date>& until) {
    return !from || !until || *from < *until;
}

/// Whether start `a` is earlier than start `b` (no start: before records).
bool starts_earlier(const std::optional<Date>& a, const std::optional<Date>& b) { return b && (!a || *a < *b); }

bool overlap(const Appointment& a, const Appointment& b) { return before(a.from, b.until) && before(b.from, a.until); }

bool in_force(const Appointment& a, Date day) { return (!a.from || !(day < *a.from)) && (!a.until || day < *a.until); }

std::string from_text(const std::optional<Date>& from) { return from ? "from " + from->iso() : "from before records"; }

Person known_person(const Store& store, std::string_view name, const char* what) {
    auto p = detail::workforce_repository(store).find_person(name);
    if (!p) throw Error(Status::not_found, std::string("no ") + what + " named '" + std::string(name) + "'");
    return *p;
}

}  // namespace

bool operator==(const Appointment& a, const Appointment& b) {
    return a.id == b.id && a.person == b.person && a.role == b.role && a.team == b.team &&
           a.line_manager == b.line_manager && a.from == b.from && a.until == b.until;
}

std::int64_t appoint(Store& store, const Appointment& in) {
    Appointment next = in;
    next.id = 0;
    // Names looked up are checked as they are when stored (person.cpp, team.cpp).
    next.person = detail::checked_name(in.person, "appointment person", detail::kMaxNameBytes);
    next.team = std::string(detail::trim(detail::checked_name(in.team, "appointment team", detail::kMaxNameBytes, true)));
    next.line_manager =
        std::string(detail::trim(detail::checked_name(in.line_manager, "line manager", detail::kMaxNameBytes, true)));
    if (next.from) detail::check_date_range(*next.from, "appointment start");
    if (next.until) detail::check_date_range(*next.until, "appointment end");
    if (next.until && !before(next.from, next.until))
        throw Error(Status::invalid_arg, "appointment of '" + next.person + "' ends (" + next.until->iso() +
                                             ") before it starts (" + next.from->iso() + ")");
    std::int64_t id = 0;
    detail::in_transaction(store, "appointing '" + next.person + "'", [&] {
        auto& repo = detail::workforce_repository(store);
        const Person person = known_person(store, next.person, "person");
        next.person = person.name;
        if (!next.team.empty() && !repo.find_team(next.team))
            throw Error(Status::not_found, "no team named '" + next.team + "'");
        if (!next.line_manager.empty()) {
            const Person manager = known_person(store, next.line_manager, "line manager");
            if (manager.id == person.id)
                throw Error(Status::invalid_arg, "'" + person.name + "' cannot be their own line manager");
            next.line_manager = manager.name;
        }
        std::vector<Appointment> others = repo.appointments(person.name);
        auto open = std::find_if(others.begin(), others.end(), [](const Appointment& a) { return !a.until; });
        if (!next.until && open != others.end()) {
            if (open->from == next.from) {  // the same start: a correction of the open appointment
                next.id = id = open->id;
                repo.update_appointment(next);
                return;
            }
            if (!starts_earlier(open->from, next.from))
                throw Error(Status::invalid_arg, "appointment of '" + person.name + "' " + from_text(next.from) +
                                                     " is before their current one (" + from_text(open->from) + ")");
            if (open->role == next.role && open->team == next.team && open->line_manager == next.line_manager) {
                id = open->id;  // already so
                return;
            }
            open->until = next.from;  // ends when the new one begins
        }
        for (const Appointment& other : others)
            if (overlap(other, next))
                throw Error(Status::invalid_arg, "appointment of '" + person.name + "' " + from_text(next.from) +
                                                     " overlaps their appointment " + from_text(other.from) +
                                                     (other.until ? " until " + other.until->iso() : ""));
        if (!next.until && open != others.end()) repo.update_appointment(*open);
        id = repo.add_appointment(next);
    });
    return id;
}

std::vector<Appointment> appointments(const Store& store, std::string_view person) {
    return detail::workforce_repository(store).appointments(known_person(store, person, "person").name);
}

std::optional<Appointment> appointment_on(const Store& store, std::string_view person, Date day) {
    std::optional<Appointment> found;
    for (Appointment& a : appointments(store, person))  // by start: the latest in force wins
        if (in_force(a, day)) found = std::move(a);
    return found;
}

std::vector<Appointment> line_reports(const Store& store, std::string_view manager, Date day) {
    std::vector<Appointment> out;
    for (Appointment& a :
         detail::workforce_repository(store).managed_by(known_person(store, manager, "line manager").name))
        if (in_force(a, day)) out.push_back(std::move(a));
    return out;
}

namespace detail {

PutResult put_appointment(Store& store, const Appointment& in) {
    PutResult result;
    in_transaction(store, "saving an appointment of '" + in.person + "'", [&] {
        auto& repo = workforce_repository(store);
        const Person person = known_person(store, in.person, "person");
        std::vector<Appointment> others = repo.appointments(person.name);
        auto same = std::find_if(others.begin(), others.end(), [&](const Appointment& a) { return a.from == in.from; });
        if (same == others.end()) {
            appoint(store, in);
            result.added = result.changed = true;
            return;
        }
        Appointment next = *same;
        next.role = in.role;
        next.team = std::string(trim(checked_text(in.team, "appointment team", true)));
        next.line_manager = std::string(trim(checked_text(in.line_manager, "line manager", true)));
        if (in.until) {
            check_date_range(*in.until, "appointment end");
            next.until = in.until;
        }
        if (next.until && !before(next.from, next.until))
            throw Error(Status::invalid_arg, "appointment of '" + person.name + "' ends (" + next.until->iso() +
                                                 ") before it starts (" + from_text(next.from) + ")");
        if (!next.team.empty() && !repo.find_team(next.team))
            throw Error(Status::not_found, "no team named '" + next.team + "'");
        if (!next.line_manager.empty()) {
            const Person manager = known_person(store, next.line_manager, "line manager");
            if (manager.id == person.id)
                throw Error(Status::invalid_arg, "'" + person.name + "' cannot be their own line manager");
            next.line_manager = manager.name;
        }
        if (next == *same) return;
        for (const Appointment& other : others)
            if (other.id != next.id && overlap(other, next))
                throw Error(Status::invalid_arg, "appointment of '" + person.name + "' " + from_text(next.from) +
                                                     " would overlap their appointment " + from_text(other.from) +
                                                     (other.until ? " until " + other.until->iso() : ""));
        repo.update_appointment(next);
        result.changed = true;
    });
    return result;
}

}  // namespace detail
}  // namespace oversight
