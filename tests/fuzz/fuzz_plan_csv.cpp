// plan_from_csv: Oversight's canonical CSV form of a plan. A document that
// reads must round-trip: plan_from_csv(plan_to_csv(p)) == p, and writing a
// plan that was read must not fail. The JSON form must carry it as well.
#include "fuzz.hpp"

using namespace oversight;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Plan plan;
    try {
        plan = plan_from_csv(fuzz::text_of(data, size));
    } catch (const Error&) {
        return 0;  // not a plan document: expected
    }
    const std::string csv = plan_to_csv(plan);
    fuzz::check(plan_from_csv(csv) == plan, "plan_from_csv(plan_to_csv(p)) == p", csv);
    // The other canonical form is lossless too.
    const std::string other = plan_to_json(plan);
    fuzz::check(plan_from_json(other) == plan, "the plan survives JSON as well", other);
    return 0;
}
