// The people a plan names that need a human's attention, as a JSON document;
// see plan_json.hpp.
#include <oversight/plan/plan_json.hpp>

#include <nlohmann/json.hpp>

namespace oversight {

std::string plan_people_to_json(std::int64_t plan_id, const std::vector<std::string>& unlisted,
                                const std::vector<ProbableSamePerson>& probable_duplicates) {
    using ojson = nlohmann::ordered_json;
    ojson pairs = ojson::array();
    for (const ProbableSamePerson& d : probable_duplicates)
        pairs.push_back({{"a", d.a}, {"b", d.b}, {"similarity", d.similarity}, {"reason", d.reason}});
    ojson doc = {{"format", "oversight-plan-people"},
                 {"version", 1},
                 {"plan_id", plan_id},
                 {"unlisted", unlisted},
                 {"probable_duplicates", std::move(pairs)}};
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

}  // namespace oversight
