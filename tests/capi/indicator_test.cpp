// <oversight/c/indicator.h> only through <oversight.h>: an indicator saved
// from JSON, a value recorded, linked to an action whose RAG (through the
// action iterator) turns red with the indicator named in the reason, the
// list document, a refresh, and every malformed argument.
#include "capi_test.hpp"

using namespace capi_test;

namespace {

const char* const kVisits =
    R"({"key":"visits","name":"% of visits in timescale","unit":"%","target":85,"amber":70})";

struct PlanStore {
    MemoryStore m;
    int64_t plan = 0;
    PlanStore() {
        const oversight_date report{2012, 6, 1};
        EXPECT_OK(oversight_plan_create(m.store, "Plan", nullptr, &report, &plan));
        oversight_plan_recommendation r = OVERSIGHT_PLAN_RECOMMENDATION_INIT;
        r.number = 1;
        r.text = "Visit children on time";
        r.timescale = "within_six_months";
        int64_t id = 0;
        EXPECT_OK(oversight_plan_add_recommendation(m.store, plan, &r, &id));
        oversight_plan_action a = OVERSIGHT_PLAN_ACTION_INIT;
        a.ref = "1.1";
        a.description = "Track visits weekly";
        a.status = "not_started";
        EXPECT_OK(oversight_plan_add_action(m.store, plan, 1, &a, &id));
    }
};

/// The RAG and reason of the plan's first action as of `as_of`.
std::pair<std::string, std::string> first_rag(const PlanStore& p, oversight_date as_of) {
    oversight_action_iter* it = nullptr;
    EXPECT_OK(oversight_action_iter_open(&it, p.m.store, p.plan, as_of));
    int32_t has = 0;
    EXPECT_OK(oversight_action_iter_next(it, &has));
    BOOST_TEST_REQUIRE(has == 1);
    std::pair<std::string, std::string> out{oversight_action_iter_rag(it), oversight_action_iter_rag_reason(it)};
    oversight_action_iter_free(it);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(indicator)

BOOST_AUTO_TEST_CASE(an_indicator_below_its_threshold_makes_its_action_red) {
    PlanStore p;
    int64_t id = 0;
    EXPECT_OK(oversight_indicator_save(p.m.store, p.plan, kVisits, &id));
    BOOST_TEST(id > 0);
    oversight_indicator_value v{};
    EXPECT_OK(oversight_indicator_value_init(&v, OVERSIGHT_INDICATOR_VALUE_VERSION));
    v.month = {2012, 9, 14};
    v.value = 62.5;
    v.entered_by = "Ann Newby";
    int64_t value_id = 0;
    EXPECT_OK(oversight_indicator_record_value(p.m.store, p.plan, "visits", &v, &value_id));
    BOOST_TEST(value_id > 0);
    // Not started, due 1 December 2012 (six months after 1 June): green on 15 October (47 days ahead > 28).
    const oversight_date as_of{2012, 10, 15};
    BOOST_TEST(first_rag(p, as_of).first == "green");
    EXPECT_OK(oversight_indicator_link(p.m.store, p.plan, "1.1", "visits"));
    const auto rag = first_rag(p, as_of);
    BOOST_TEST(rag.first == "red");
    BOOST_TEST(rag.second == "indicator \"% of visits in timescale\" at 62.5% in Sep 2012, below the red threshold 70% "
                             "(target 85%)");

    char* out = nullptr;
    EXPECT_OK(oversight_indicator_list_json(p.m.store, p.plan, &as_of, 0, &out));
    auto doc = take_document(out, "oversight-indicators");
    BOOST_TEST(doc["indicators"][0]["latest"]["rag"] == "red");
    BOOST_TEST(doc["indicators"][0]["values"][0]["month"] == "2012-09-01");
    BOOST_TEST(doc["indicators"][0]["actions"][0] == "1.1");
    EXPECT_OK(oversight_indicator_list_json(p.m.store, p.plan, &as_of, 1, &out));
    BOOST_TEST(contains(take(out), "latest 62.5% in Sep 2012 RED; measures action 1.1"));

    // A computed indicator: nothing in the store to count, nothing written.
    EXPECT_OK(oversight_indicator_save(
        p.m.store, p.plan,
        R"({"key":"sup","name":"Supervision","unit":"%","target":90,"amber":75,"source":"computed","measure":"supervision_in_timescale"})",
        nullptr));
    oversight_indicator_refresh_options o{};
    EXPECT_OK(oversight_indicator_refresh_options_init(&o, OVERSIGHT_INDICATOR_REFRESH_OPTIONS_VERSION));
    BOOST_TEST(o.months == 12);
    o.months = 3;
    int32_t written = -1;
    EXPECT_OK(oversight_indicator_refresh(p.m.store, p.plan, &as_of, &o, &written));
    BOOST_TEST(written == 0);
}

BOOST_AUTO_TEST_CASE(malformed_arguments) {
    PlanStore p;
    int64_t id = 7;
    char* out = reinterpret_cast<char*>(1);
    EXPECT_FAIL(oversight_indicator_save(nullptr, p.plan, kVisits, &id), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(id == 0);
    EXPECT_FAIL(oversight_indicator_save(p.m.store, p.plan, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_indicator_save(p.m.store, p.plan, kBadUtf8, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_indicator_save(p.m.store, p.plan, "{", nullptr), OVERSIGHT_E_PARSE);
    EXPECT_FAIL(oversight_indicator_save(p.m.store, p.plan, R"({"key":"k","name":"N","target":1,"amber":2})", nullptr),
                OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "amber: 2 is above the target 1"));
    EXPECT_FAIL(oversight_indicator_save(p.m.store, p.plan + 99, kVisits, nullptr), OVERSIGHT_E_NOT_FOUND);
    const std::size_t before = history_size(p.m.store);
    oversight_indicator_value v = OVERSIGHT_INDICATOR_VALUE_INIT;
    v.month = {2012, 9, 1};
    EXPECT_FAIL(oversight_indicator_value_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_indicator_value_init(&v, 99), OVERSIGHT_E_INVALID_ARG);
    v = OVERSIGHT_INDICATOR_VALUE_INIT;
    v.month = {2012, 9, 1};
    EXPECT_FAIL(oversight_indicator_record_value(p.m.store, p.plan, "nope", &v, &id), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_indicator_record_value(p.m.store, p.plan, nullptr, &v, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_indicator_record_value(p.m.store, p.plan, kSql, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_indicator_record_value(nullptr, p.plan, "visits", &v, &id), OVERSIGHT_E_INVALID_ARG);
    v.month = kBadDate;
    EXPECT_FAIL(oversight_indicator_record_value(p.m.store, p.plan, "visits", &v, &id), OVERSIGHT_E_INVALID_ARG);
    v.month = {2012, 9, 1};
    v.entered_by = kBadUtf8;
    EXPECT_FAIL(oversight_indicator_record_value(p.m.store, p.plan, "visits", &v, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_indicator_link(nullptr, p.plan, "1.1", "visits"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_indicator_link(p.m.store, p.plan, nullptr, "visits"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_indicator_link(p.m.store, p.plan, "1.1", kBadUtf8), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_indicator_link(p.m.store, p.plan, kSql, "visits"), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(history_size(p.m.store) == before);  // nothing refused was written

    EXPECT_FAIL(oversight_indicator_list_json(p.m.store, p.plan, nullptr, 0, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_indicator_list_json(nullptr, p.plan, nullptr, 0, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(out == nullptr);
    EXPECT_FAIL(oversight_indicator_list_json(p.m.store, p.plan + 99, nullptr, 0, &out), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_indicator_list_json(p.m.store, p.plan, &kBadDate, 0, &out), OVERSIGHT_E_INVALID_ARG);
    oversight_indicator_refresh_options o = OVERSIGHT_INDICATOR_REFRESH_OPTIONS_INIT;
    EXPECT_FAIL(oversight_indicator_refresh_options_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    int32_t written = 5;
    o.months = 61;
    EXPECT_FAIL(oversight_indicator_refresh(p.m.store, p.plan, nullptr, &o, &written), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(written == 0);
    o = OVERSIGHT_INDICATOR_REFRESH_OPTIONS_INIT;
    o.version = 0;
    EXPECT_FAIL(oversight_indicator_refresh(p.m.store, p.plan, nullptr, &o, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_indicator_refresh(nullptr, p.plan, nullptr, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_indicator_refresh(p.m.store, p.plan + 99, nullptr, nullptr, nullptr), OVERSIGHT_E_NOT_FOUND);
}

BOOST_AUTO_TEST_SUITE_END()
