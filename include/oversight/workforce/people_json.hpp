// The people directory as a JSON document (the C API's
// oversight_workforce_people_json).
#pragma once

#include <string>
#include <vector>

#include <oversight/workforce/person.hpp>

namespace oversight {

/// {"format":"oversight-people","version":1,"people":[{"id","name",
///  "job_title","email","team"}]}, in the order given
/// (schema: data/schemas/oversight-people.schema.json).
std::string people_to_json(const std::vector<Person>& people);

}  // namespace oversight
