// Helpers shared by the C++ tests of plans (not a test file: no .cpp).
#pragma once

#include <oversight/plan/plan.hpp>
#include <oversight/store/store.hpp>

namespace oversight::test {

/// The plan with every id set to 0: ids belong to a Store and are not carried
/// by the file forms, so a loaded or round-tripped plan is compared this way.
inline Plan without_ids(Plan p) {
    p.id = 0;
    for (auto& r : p.recommendations) {
        r.id = 0;
        for (auto& a : r.actions) {
            a.id = 0;
            for (auto& u : a.updates) u.id = 0;
            for (auto& m : a.milestones) m.id = 0;
            for (auto& t : a.tasks) t.id = 0;
        }
    }
    return p;
}

}  // namespace oversight::test
