// The people directory: adding and finding people, and the workforce's part
// of merging two spellings of one person.
#include <oversight/workforce/person.hpp>

#include <oversight/core/error.hpp>
#include <oversight/workforce/appointment.hpp>

#include "core/text.hpp"
#include "core/transaction.hpp"
#include "core/validation.hpp"
#include "workforce/workforce_detail.hpp"
#include "workforce/workforce_repository.hpp"

#include <nlohmann/json.hpp>

namespace oversight {

bool operator==(const Person& a, const Person& b) {
    return a.id == b.id && a.name == b.name && a.job_title == b.job_title && a.email == b.email &&
           a.agency == b.agency;
}

std::int64_t add_person(Store& store, const Person& person, std::string_view team_in) {
    const std::string name = detail::collapse_spaces(person.name);
    if (name.empty()) throw Error(Status::invalid_arg, "person name is empty");
    const std::string what = "person " + detail::in_quotes(name);
    detail::check_utf8(what, "name", person.name);
    detail::checked_name(name, "person name", detail::kMaxNameBytes);
    detail::check_utf8(what, "job_title", person.job_title);
    detail::check_utf8(what, "email", person.email);
    detail::check_utf8(what, "agency", person.agency);
    detail::check_utf8(what, "team", team_in);
    const std::string team(detail::trim(team_in));
    std::int64_t id = 0;
    detail::in_transaction(store, "adding a person", [&] {
        auto& repo = detail::workforce_repository(store);
        if (repo.find_person(name)) throw Error(Status::conflict, what + " is already in the directory");
        Person p = person;
        p.name = name;
        id = repo.add_person(p);
        if (team.empty()) return;
        if (!repo.find_team(team)) repo.add_team({team, "", ""});
        repo.add_appointment({0, name, Role::other, team, "", std::nullopt, std::nullopt});
    });
    return id;
}

std::vector<Person> list_people(const Store& store) { return detail::workforce_repository(store).people(); }

std::optional<Person> try_find_person(const Store& store, std::string_view name) {
    return detail::workforce_repository(store).find_person(detail::collapse_spaces(name));
}

std::string people_to_json(const Store& store, Date day) {
    using ojson = nlohmann::ordered_json;
    ojson list = ojson::array();
    for (const Person& p : list_people(store)) {
        const std::optional<Appointment> a = appointment_on(store, p.name, day);
        list.push_back({{"id", p.id},
                        {"name", p.name},
                        {"job_title", p.job_title},
                        {"email", p.email},
                        {"agency", p.agency},
                        {"role", a ? std::string(to_string(a->role)) : std::string()},
                        {"team", a ? a->team : std::string()},
                        {"line_manager", a ? a->line_manager : std::string()}});
    }
    ojson doc = {{"format", "oversight-people"}, {"version", 1}, {"as_of", day.iso()}, {"people", std::move(list)}};
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

namespace detail {

bool merge_person(Store& store, std::string_view from_name, std::string_view into_name) {
    auto& repo = workforce_repository(store);
    std::optional<Person> from = repo.find_person(from_name);
    if (!from) return false;
    std::optional<Person> into = repo.find_person(into_name);
    if (!into || into->id == from->id) {
        from->name = std::string(into_name);
        repo.update_person(*from);
        return true;
    }
    for (auto [kept, lacked] : {std::pair{&into->job_title, &from->job_title}, {&into->email, &from->email},
                                {&into->agency, &from->agency}})
        if (kept->empty()) *kept = *lacked;
    repo.update_person(*into);
    // After the merge the two are one person, who may not manage themselves.
    std::optional<Appointment> from_open, into_open;
    for (const Person* p : {&*from, &*into}) {
        for (Appointment a : repo.appointments(p->name)) {
            if (a.line_manager == from->name || a.line_manager == into->name) {
                a.line_manager.clear();
                repo.update_appointment(a);
            }
            if (!a.until) (p == &*from ? from_open : into_open) = a;
        }
    }
    if (from_open && into_open) {
        if (from_open->from && into_open->from && *from_open->from < *into_open->from) {
            from_open->until = into_open->from;
            repo.update_appointment(*from_open);
        } else {
            repo.remove_appointment(from_open->id);
        }
    }
    repo.repoint_person(from->id, into->id);
    repo.remove_person(from->id);
    return true;
}

PutResult put_person(Store& store, const Person& person) {
    PutResult result;
    const std::string name = collapse_spaces(person.name);
    check_utf8("person " + in_quotes(name), "name", person.name);
    checked_name(name, "person name", kMaxNameBytes);
    in_transaction(store, "saving a person", [&] {
        auto& repo = workforce_repository(store);
        std::optional<Person> stored = repo.find_person(name);
        if (!stored) {
            add_person(store, person);
            result.added = result.changed = true;
            return;
        }
        const std::string what = "person " + in_quotes(name);
        check_utf8(what, "job_title", person.job_title);
        check_utf8(what, "email", person.email);
        check_utf8(what, "agency", person.agency);
        Person next = *stored;
        next.job_title = person.job_title;
        next.agency = person.agency;
        if (!person.email.empty()) next.email = person.email;
        if (next == *stored) return;
        repo.update_person(next);
        result.changed = true;
    });
    return result;
}

}  // namespace detail
}  // namespace oversight
