// A casework store shared by the casework and reminders tests: Team A, worker
// Ann Lee, child C1 looked after from 2024-03-01 and placed with a foster
// carer (U1) that day.
#pragma once

#include "capi_test.hpp"

namespace capi_test {

inline const char* const kEvil = "'; DROP TABLE children; --";
inline const oversight_date kStart{2024, 3, 1};
inline const oversight_date kCaseAsOf{2024, 3, 11};

inline oversight_casework_event event(const char* child, const char* type, oversight_date date,
                                      const char* attributes_json = nullptr, const char* recorded_by = "tester") {
    oversight_casework_event e = OVERSIGHT_CASEWORK_EVENT_INIT;
    e.child_id = child;
    e.type = type;
    e.date = date;
    e.attributes_json = attributes_json;
    e.recorded_by = recorded_by;
    return e;
}

struct CaseworkFixture : MemoryStore {
    CaseworkFixture() {
        oversight_workforce_team t = OVERSIGHT_WORKFORCE_TEAM_INIT;
        t.name = "Team A";
        t.manager = "Mo Manager";
        BOOST_REQUIRE(oversight_workforce_save_team(store, &t) == OVERSIGHT_OK);
        oversight_workforce_worker w = OVERSIGHT_WORKFORCE_WORKER_INIT;
        w.name = "Ann Lee";
        w.team = "Team A";
        w.email = "ann@example.org";
        BOOST_REQUIRE(oversight_workforce_save_worker(store, &w) == OVERSIGHT_OK);
        BOOST_REQUIRE(oversight_casework_save_child(store, "C1", nullptr) == OVERSIGHT_OK);
        BOOST_REQUIRE(oversight_casework_allocate(store, "C1", "Ann Lee", kStart) == OVERSIGHT_OK);
        auto e = event("C1", "became_looked_after", kStart);
        BOOST_REQUIRE(oversight_casework_record_event(store, &e, nullptr) == OVERSIGHT_OK);
        e = event("C1", "placement_start", kStart, "{\"placement_type\":\"U1\",\"legal_status\":\"C2\"}");
        BOOST_REQUIRE(oversight_casework_record_event(store, &e, nullptr) == OVERSIGHT_OK);
    }
};

}  // namespace capi_test
