// <oversight/c/action_iter.h>, only through <oversight.h>.
#include "capi_test.hpp"

#include "plan_fixture.hpp"

using namespace capi_test;

BOOST_AUTO_TEST_SUITE(action_iter)

BOOST_AUTO_TEST_CASE(arguments_and_neutral_values) {
    PlanFixture f;
    oversight_action_iter* it = reinterpret_cast<oversight_action_iter*>(&f);  // must be reset to NULL
    EXPECT_FAIL(oversight_action_iter_open(nullptr, f.store, f.plan, kAsOf), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_action_iter_open(&it, nullptr, f.plan, kAsOf), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(it == nullptr);
    EXPECT_FAIL(oversight_action_iter_open(&it, f.store, 999, kAsOf), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_action_iter_open(&it, f.store, f.plan, kBadDate), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_action_iter_open(&it, f.store, f.plan, kJunkDate), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(it == nullptr);

    int32_t has = 7;
    EXPECT_FAIL(oversight_action_iter_next(nullptr, &has), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(has == 0);
    oversight_date due{1, 1, 1};
    int32_t has_due = 7;
    EXPECT_FAIL(oversight_action_iter_due(nullptr, &due, &has_due), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST((due.year == 0 && has_due == 0));
    // NULL iterator: neutral values.
    BOOST_TEST(std::string(oversight_action_iter_ref(nullptr)).empty());
    BOOST_TEST(std::string(oversight_action_iter_description(nullptr)).empty());
    BOOST_TEST(std::string(oversight_action_iter_lead(nullptr)).empty());
    BOOST_TEST(std::string(oversight_action_iter_status(nullptr)).empty());
    BOOST_TEST(std::string(oversight_action_iter_rag(nullptr)).empty());
    BOOST_TEST(std::string(oversight_action_iter_rag_reason(nullptr)).empty());
    BOOST_TEST(oversight_action_iter_recommendation(nullptr) == 0);
    oversight_action_iter_free(nullptr);
}

BOOST_AUTO_TEST_CASE(walks_a_snapshot) {
    PlanFixture f;
    oversight_action_iter* it = nullptr;
    EXPECT_OK(oversight_action_iter_open(&it, f.store, f.plan, kAsOf));
    // Before the first next(): no current action.
    BOOST_TEST(std::string(oversight_action_iter_ref(it)).empty());
    oversight_date due{};
    int32_t has_due = 0, has = 0;
    EXPECT_FAIL(oversight_action_iter_due(it, &due, &has_due), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_action_iter_next(it, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_OK(oversight_action_iter_next(it, &has));
    BOOST_TEST(has == 1);
    BOOST_TEST(std::string(oversight_action_iter_ref(it)) == "1.1");
    BOOST_TEST(std::string(oversight_action_iter_description(it)) == "Secure a workforce");
    BOOST_TEST(std::string(oversight_action_iter_lead(it)) == "Lindsey Voss");
    BOOST_TEST(std::string(oversight_action_iter_status(it)) == "in_progress");
    BOOST_TEST(oversight_action_iter_recommendation(it) == 1);
    // Immediately, report date 2012-09-14: overdue as of 2012-10-12.
    BOOST_TEST(std::string(oversight_action_iter_rag(it)) == "red");
    BOOST_TEST(contains(oversight_action_iter_rag_reason(it), "2012-09-14"));
    EXPECT_FAIL(oversight_action_iter_due(it, nullptr, &has_due), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_action_iter_due(it, &due, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_OK(oversight_action_iter_due(it, &due, &has_due));
    BOOST_TEST(has_due == 1);
    BOOST_TEST(due.day == 14);

    // A later change is not seen by the snapshot.
    oversight_plan_action_change c = OVERSIGHT_PLAN_ACTION_CHANGE_INIT;
    c.lead = "Someone Else";
    EXPECT_OK(oversight_plan_update_action(f.store, f.plan, "1.1", &c));
    BOOST_TEST(std::string(oversight_action_iter_lead(it)) == "Lindsey Voss");

    EXPECT_OK(oversight_action_iter_next(it, &has));
    BOOST_TEST(has == 0);
    EXPECT_OK(oversight_action_iter_next(it, &has));  // stays at the end
    BOOST_TEST(has == 0);
    BOOST_TEST(std::string(oversight_action_iter_ref(it)).empty());
    BOOST_TEST(oversight_action_iter_recommendation(it) == 0);
    oversight_action_iter_free(it);
}

BOOST_AUTO_TEST_SUITE_END()
