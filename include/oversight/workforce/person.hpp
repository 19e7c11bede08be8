// The people of the service, in one directory: social workers and their
// managers, plan leads and task owners, colleagues from other agencies. A
// person's name is unique ignoring ASCII case; what they do, in which team
// and under whom, over time, is in their appointments (appointment.hpp).
// Every change runs in one transaction with history rows (entity "person").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <oversight/core/date.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

struct Person {
    std::int64_t id = 0;
    std::string name;       // unique ignoring case, not blank, no control character, at most 256 bytes
    std::string job_title;  // free text, e.g. "Head of Safeguarding"
    std::string email;      // may be empty
    std::string agency;     // "": the council itself
};
bool operator==(const Person& a, const Person& b);
inline bool operator!=(const Person& a, const Person& b) { return !(a == b); }

/// Adds a person (white space in the name collapsed) and returns the id.
/// With a `team` (the directory's free-text team), also appoints them there
/// (Role::other, since before records), adding the team if there is none by
/// that name. Error(conflict) when the name is taken (ignoring case),
/// Error(invalid_arg) for a blank name or invalid UTF-8 ("person \"NAME\"
/// FIELD: invalid UTF-8 at byte N").
std::int64_t add_person(Store& store, const Person& person, std::string_view team = {});
/// Everyone, by name.
std::vector<Person> list_people(const Store& store);
/// The person with this name (ignoring ASCII case).
std::optional<Person> try_find_person(const Store& store, std::string_view name);

/// The directory on `day`, by name, as a JSON document
/// {"format":"oversight-people","version":1,"as_of","people":[{"id","name",
///  "job_title","email","agency","role","team","line_manager"}]}: role, team
/// and line manager from the appointment in force that day ("" when none)
/// (schema: data/schemas/oversight-people.schema.json).
std::string people_to_json(const Store& store, Date day);

}  // namespace oversight
