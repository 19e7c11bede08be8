// The people directory as a JSON document; see people_json.hpp.
#include <oversight/workforce/people_json.hpp>

#include <nlohmann/json.hpp>

namespace oversight {

std::string people_to_json(const std::vector<Person>& people) {
    using ojson = nlohmann::ordered_json;
    ojson list = ojson::array();
    for (const Person& p : people)
        // TODO(workforce merge): Person::role becomes job_title; the document
        // already uses the new name.
        list.push_back({{"id", p.id}, {"name", p.name}, {"job_title", p.role}, {"email", p.email}, {"team", p.team}});
    ojson doc = {{"format", "oversight-people"}, {"version", 1}, {"people", std::move(list)}};
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

}  // namespace oversight
