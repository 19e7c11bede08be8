// plan_from_json: Oversight's canonical JSON form of a plan. A document that
// reads must round-trip: plan_from_json(plan_to_json(p)) == p, and writing a
// plan that was read must not fail. The CSV form must carry it as well.
#include "fuzz.hpp"

using namespace oversight;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Plan plan;
    try {
        plan = plan_from_json(fuzz::text_of(data, size));
    } catch (const Error&) {
        return 0;  // not a plan document: expected
    }
    const std::string json = plan_to_json(plan);
    fuzz::check(plan_from_json(json) == plan, "plan_from_json(plan_to_json(p)) == p", json);
    // The other canonical form is lossless too.
    const std::string other = plan_to_csv(plan);
    fuzz::check(plan_from_csv(other) == plan, "the plan survives CSV as well", other);
    return 0;
}
