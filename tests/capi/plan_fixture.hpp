// A small plan in a memory store, shared by the plan, action iterator,
// report and workforce tests.
#pragma once

#include "capi_test.hpp"
#include "support/shared_data.hpp"

#include <string>
#include <vector>

namespace capi_test {

/// The project's own fictional plan in the seed format (always present) and
/// its report date.
inline const char* const kSamplePlan = OVERSIGHT_TEST_DATA_DIR "/../../examples/data/sample_plan.txt";
inline const oversight_date kSampleReport{2025, 3, 14};
/// The real seed plan in ../shared: a test reading it declares
/// `*boost::unit_test::precondition(oversight::test::needs_shared(oversight::test::kSeedPlan))`.
inline const std::string kSeed = oversight::test::shared_path(oversight::test::kSeedPlan);
inline const oversight_date kReport{2012, 9, 14};
inline const oversight_date kAsOf{2012, 10, 12};

/// Recommendation 1 (immediately, lead Felicity Budgen) holding action 1.1
/// (lead Lindsey Voss, in progress); recommendation 2 (by 2013-01-31) empty.
struct PlanFixture : MemoryStore {
    int64_t plan = 0;
    PlanFixture() {
        BOOST_TEST_REQUIRE(oversight_plan_create(store, "Plan", "Example Council", &kReport, &plan) == OVERSIGHT_OK);
        int64_t id = 0;
        oversight_plan_recommendation r = OVERSIGHT_PLAN_RECOMMENDATION_INIT;
        r.number = 1;
        r.section = "QUALITY";
        r.text = "Improve quality";
        r.timescale = "immediately";
        r.lead = "Felicity Budgen";
        r.cost = "c£1.7m";
        BOOST_TEST_REQUIRE(oversight_plan_add_recommendation(store, plan, &r, &id) == OVERSIGHT_OK, message());
        const oversight_date by{2013, 1, 31};
        r = oversight_plan_recommendation OVERSIGHT_PLAN_RECOMMENDATION_INIT;
        r.number = 2;
        r.text = "Review thresholds";
        r.timescale = "by_date";
        r.explicit_date = &by;
        BOOST_TEST_REQUIRE(oversight_plan_add_recommendation(store, plan, &r, &id) == OVERSIGHT_OK, message());
        oversight_plan_action a = OVERSIGHT_PLAN_ACTION_INIT;
        a.ref = "1.1";
        a.description = "Secure a workforce";
        a.lead = "Lindsey Voss";
        a.status = "in_progress";
        a.impact_intended = "Cases allocated";
        a.cost = "TBC";
        BOOST_TEST_REQUIRE(oversight_plan_add_action(store, plan, 1, &a, &id) == OVERSIGHT_OK, message());
    }

    std::size_t history() const { return history_size(store); }
    nlohmann::json export_json() const {
        char* out = nullptr;
        BOOST_REQUIRE(oversight_plan_export_json(store, plan, &out) == OVERSIGHT_OK);
        return nlohmann::json::parse(take(out));
    }
    std::string export_text() const {
        char* out = nullptr;
        BOOST_REQUIRE(oversight_plan_export_json(store, plan, &out) == OVERSIGHT_OK);
        return take(out);
    }
};

/// One action as the iterator gives it.
struct Row {
    std::string ref, description, lead, status, rag, reason;
    int32_t recommendation = 0;
    bool has_due = false;
    oversight_date due{};
};

inline std::vector<Row> actions_of(const oversight_store* store, int64_t plan, oversight_date as_of) {
    oversight_action_iter* it = nullptr;
    BOOST_REQUIRE(oversight_action_iter_open(&it, store, plan, as_of) == OVERSIGHT_OK);
    std::vector<Row> rows;
    int32_t has = 0;
    while (oversight_action_iter_next(it, &has) == OVERSIGHT_OK && has) {
        Row r;
        r.ref = oversight_action_iter_ref(it);
        r.description = oversight_action_iter_description(it);
        r.lead = oversight_action_iter_lead(it);
        r.status = oversight_action_iter_status(it);
        r.rag = oversight_action_iter_rag(it);
        r.reason = oversight_action_iter_rag_reason(it);
        r.recommendation = oversight_action_iter_recommendation(it);
        int32_t has_due = 0;
        BOOST_REQUIRE(oversight_action_iter_due(it, &r.due, &has_due) == OVERSIGHT_OK);
        r.has_due = has_due != 0;
        rows.push_back(r);
    }
    oversight_action_iter_free(it);
    return rows;
}

}  // namespace capi_test
