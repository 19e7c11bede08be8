// <oversight/c/plan.h> only through <oversight.h>: every function with NULL
// for each pointer, malformed text and dates, unknown ids, SQL
// metacharacters, unknown struct versions, and failed writes that must leave
// the store unchanged.
#include "capi_test.hpp"

#include "plan_fixture.hpp"

using namespace capi_test;

BOOST_AUTO_TEST_SUITE(plan)

BOOST_AUTO_TEST_CASE(create_latest_and_list) {
    MemoryStore empty;
    int64_t id = 7;
    EXPECT_FAIL(oversight_plan_latest(empty.store, &id), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(id == 0);
    EXPECT_FAIL(oversight_plan_latest(nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_latest(empty.store, nullptr), OVERSIGHT_E_INVALID_ARG);
    char* out = nullptr;
    EXPECT_OK(oversight_plan_list_json(empty.store, &out));
    BOOST_TEST(take_document(out, "oversight-plan-list")["plans"].empty());
    EXPECT_FAIL(oversight_plan_list_json(nullptr, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_list_json(empty.store, nullptr), OVERSIGHT_E_INVALID_ARG);

    PlanFixture f;
    auto n = f.history();
    id = 7;
    EXPECT_FAIL(oversight_plan_create(nullptr, "T", nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(id == 0);
    EXPECT_FAIL(oversight_plan_create(f.store, nullptr, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_create(f.store, "T", nullptr, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_create(f.store, kBadUtf8, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_create(f.store, "T", kBadUtf8, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_create(f.store, "T", nullptr, &kBadDate, &id), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(f.history() == n);
    EXPECT_OK(oversight_plan_create(f.store, kSql, kSql, nullptr, &id));
    BOOST_TEST(id > f.plan);
    EXPECT_OK(oversight_plan_latest(f.store, &id));
    EXPECT_OK(oversight_plan_list_json(f.store, &out));
    const auto plans = take_document(out, "oversight-plan-list")["plans"];
    BOOST_TEST_REQUIRE(plans.size() == 2u);
    BOOST_TEST(plans[0]["report_date"] == "2012-09-14");
    BOOST_TEST(plans[0]["recommendations"] == 2);
    BOOST_TEST(plans[0]["actions"] == 1);
    BOOST_TEST(plans[1]["id"] == id);
    BOOST_TEST(plans[1]["title"] == kSql);
    BOOST_TEST(plans[1]["report_date"].is_null());
}

BOOST_AUTO_TEST_CASE(settings_and_report_date) {
    PlanFixture f;
    auto n = f.history();
    oversight_plan_settings s{};
    EXPECT_OK(oversight_plan_settings_init(&s, OVERSIGHT_PLAN_SETTINGS_VERSION));
    BOOST_TEST((s.immediately_days == 0 && s.due_soon_days == 28 && s.stale_update_days == 90));
    EXPECT_FAIL(oversight_plan_settings_init(nullptr, OVERSIGHT_PLAN_SETTINGS_VERSION), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_settings_init(&s, 0), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_settings_init(&s, 2), OVERSIGHT_E_INVALID_ARG);
    s.immediately_days = 7;
    s.due_soon_days = 14;
    s.stale_update_days = 60;
    EXPECT_OK(oversight_plan_set_settings(f.store, f.plan, &s));
    BOOST_TEST(f.history() == n + 3);
    EXPECT_FAIL(oversight_plan_set_settings(nullptr, f.plan, &s), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_settings(f.store, f.plan, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_settings(f.store, 999, &s), OVERSIGHT_E_NOT_FOUND);
    oversight_plan_settings bad = OVERSIGHT_PLAN_SETTINGS_INIT;
    bad.stale_update_days = -3;
    EXPECT_FAIL(oversight_plan_set_settings(f.store, f.plan, &bad), OVERSIGHT_E_INVALID_ARG);
    bad = oversight_plan_settings OVERSIGHT_PLAN_SETTINGS_INIT;
    bad.due_soon_days = 99999;
    EXPECT_FAIL(oversight_plan_set_settings(f.store, f.plan, &bad), OVERSIGHT_E_INVALID_ARG);
    bad = oversight_plan_settings{};  // version 0
    EXPECT_FAIL(oversight_plan_set_settings(f.store, f.plan, &bad), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "oversight_plan_settings"), message());
    BOOST_TEST(f.history() == n + 3);  // the failed ones changed nothing

    oversight_date later{2012, 9, 21};
    EXPECT_OK(oversight_plan_set_report_date(f.store, f.plan, &later));
    BOOST_TEST(contains(f.export_text(), "2012-09-21"));
    EXPECT_OK(oversight_plan_set_report_date(f.store, f.plan, nullptr));  // clears
    BOOST_TEST(!contains(f.export_text(), "2012-09-21"));
    EXPECT_FAIL(oversight_plan_set_report_date(nullptr, f.plan, &later), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_report_date(f.store, 999, &later), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_plan_set_report_date(f.store, f.plan, &kBadDate), OVERSIGHT_E_INVALID_ARG);
}

BOOST_AUTO_TEST_CASE(export_json_and_csv) {
    PlanFixture f;
    char* out = reinterpret_cast<char*>(0x1);
    EXPECT_OK(oversight_plan_export_json(f.store, f.plan, &out));
    const auto doc = take_document(out, "oversight-plan");
    BOOST_TEST(doc["recommendations"].size() == 2u);
    EXPECT_OK(oversight_plan_export_csv(f.store, f.plan, &out));
    BOOST_TEST(take(out).rfind("record,number,ref,", 0) == 0u);
    out = reinterpret_cast<char*>(0x1);
    EXPECT_FAIL(oversight_plan_export_json(nullptr, f.plan, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(out == nullptr);
    EXPECT_FAIL(oversight_plan_export_json(f.store, f.plan, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_export_json(f.store, 999, &out), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(contains(message(), "999"));
    BOOST_TEST(out == nullptr);
    EXPECT_FAIL(oversight_plan_export_csv(nullptr, f.plan, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_export_csv(f.store, f.plan, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_export_csv(f.store, 999, &out), OVERSIGHT_E_NOT_FOUND);
}

BOOST_AUTO_TEST_CASE(recommendations) {
    PlanFixture f;
    int64_t id = 0;
    auto n = f.history();
    oversight_plan_recommendation r{};
    EXPECT_OK(oversight_plan_recommendation_init(&r, OVERSIGHT_PLAN_RECOMMENDATION_VERSION));
    BOOST_TEST((r.number == 0 && r.section == nullptr && r.text == nullptr && r.timescale == nullptr &&
                r.explicit_date == nullptr && r.lead == nullptr && r.cost == nullptr));
    EXPECT_FAIL(oversight_plan_recommendation_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_recommendation_init(&r, 9), OVERSIGHT_E_INVALID_ARG);

    // A valid one to vary, one member at a time.
    const auto valid = [] {
        oversight_plan_recommendation v = OVERSIGHT_PLAN_RECOMMENDATION_INIT;
        v.number = 3;
        v.text = "t";
        v.timescale = "immediately";
        return v;
    };
    const auto add = [&](oversight_plan_recommendation v) {
        return oversight_plan_add_recommendation(f.store, f.plan, &v, &id);
    };
    EXPECT_FAIL(oversight_plan_add_recommendation(nullptr, f.plan, &r, &id), OVERSIGHT_E_INVALID_ARG);
    r = valid();
    EXPECT_FAIL(oversight_plan_add_recommendation(f.store, f.plan, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_recommendation(f.store, f.plan, &r, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_recommendation(f.store, 999, &r, &id), OVERSIGHT_E_NOT_FOUND);
    r.version = 0;
    EXPECT_FAIL(add(r), OVERSIGHT_E_INVALID_ARG);
    r.version = 2;
    EXPECT_FAIL(add(r), OVERSIGHT_E_INVALID_ARG);
    r = valid(); r.text = nullptr;                       EXPECT_FAIL(add(r), OVERSIGHT_E_INVALID_ARG);
    r = valid(); r.timescale = nullptr;                  EXPECT_FAIL(add(r), OVERSIGHT_E_INVALID_ARG);
    r = valid(); r.section = kBadUtf8;                   EXPECT_FAIL(add(r), OVERSIGHT_E_INVALID_ARG);
    r = valid(); r.text = kBadUtf8;                      EXPECT_FAIL(add(r), OVERSIGHT_E_INVALID_ARG);
    r = valid(); r.timescale = "soonish";                EXPECT_FAIL(add(r), OVERSIGHT_E_INVALID_ARG);
    r = valid(); r.lead = kBadUtf8;                      EXPECT_FAIL(add(r), OVERSIGHT_E_INVALID_ARG);
    r = valid(); r.cost = kBadUtf8;                      EXPECT_FAIL(add(r), OVERSIGHT_E_INVALID_ARG);
    r = valid(); r.explicit_date = &kBadDate;            EXPECT_FAIL(add(r), OVERSIGHT_E_INVALID_ARG);
    r = valid(); r.timescale = "by_date";                EXPECT_FAIL(add(r), OVERSIGHT_E_INVALID_ARG);
    r = valid(); r.number = 1;                           EXPECT_FAIL(add(r), OVERSIGHT_E_CONFLICT);
    r = valid(); r.number = -4;                          EXPECT_FAIL(add(r), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(id == 0);
    BOOST_TEST(f.history() == n);
    r = valid();
    r.section = kSql;
    r.text = kSql;
    r.timescale = "Within 3 months";
    r.lead = kSql;
    r.cost = kSql;
    EXPECT_OK(add(r));
    BOOST_TEST(id > 0);
    BOOST_TEST(contains(f.export_json().dump(), nlohmann::json(kSql).dump()));

    // Changes: one struct, NULL members unchanged.
    oversight_plan_recommendation_change c{};
    EXPECT_OK(oversight_plan_recommendation_change_init(&c, OVERSIGHT_PLAN_RECOMMENDATION_CHANGE_VERSION));
    BOOST_TEST((c.section == nullptr && c.text == nullptr && c.timescale == nullptr && c.explicit_date == nullptr &&
                c.clear_explicit_date == 0 && c.lead == nullptr && c.cost == nullptr));
    EXPECT_FAIL(oversight_plan_recommendation_change_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_recommendation_change_init(&c, 0), OVERSIGHT_E_INVALID_ARG);
    n = f.history();
    EXPECT_OK(oversight_plan_update_recommendation(f.store, f.plan, 1, &c));  // no change at all
    BOOST_TEST(f.history() == n);
    c.lead = "Gill Horrobin";
    c.cost = "£10,500";
    c.section = "LEADERSHIP";
    c.text = kSql;
    EXPECT_OK(oversight_plan_update_recommendation(f.store, f.plan, 1, &c));
    BOOST_TEST(f.history() == n + 5);  // four fields, and the new section LEADERSHIP
    const auto rec = f.export_json()["recommendations"][0];
    BOOST_TEST(rec["lead"] == "Gill Horrobin");
    BOOST_TEST(rec["text"] == kSql);
    BOOST_TEST(rec["cost"]["amount_pence"] == 1050000);
    BOOST_TEST(rec["timescale"] == "immediately");  // not in the change: unchanged

    n = f.history();
    const auto update = [&](const oversight_plan_recommendation_change& change, int32_t number = 1) {
        return oversight_plan_update_recommendation(f.store, f.plan, number, &change);
    };
    c = oversight_plan_recommendation_change OVERSIGHT_PLAN_RECOMMENDATION_CHANGE_INIT;
    c.lead = "x";
    EXPECT_FAIL(oversight_plan_update_recommendation(nullptr, f.plan, 1, &c), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_update_recommendation(f.store, f.plan, 1, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(update(c, 42), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(contains(message(), "42"));
    EXPECT_FAIL(oversight_plan_update_recommendation(f.store, 999, 1, &c), OVERSIGHT_E_NOT_FOUND);
    c.version = 5;
    EXPECT_FAIL(update(c), OVERSIGHT_E_INVALID_ARG);
    c = oversight_plan_recommendation_change OVERSIGHT_PLAN_RECOMMENDATION_CHANGE_INIT;
    c.lead = kBadUtf8;
    EXPECT_FAIL(update(c), OVERSIGHT_E_INVALID_ARG);
    c.lead = "x";
    c.timescale = kBadUtf8;
    EXPECT_FAIL(update(c), OVERSIGHT_E_INVALID_ARG);
    c.timescale = "whenever";
    EXPECT_FAIL(update(c), OVERSIGHT_E_INVALID_ARG);
    c.timescale = "by_date";
    c.explicit_date = &kBadDate;
    EXPECT_FAIL(update(c), OVERSIGHT_E_INVALID_ARG);
    oversight_date by{2013, 3, 31};
    c.explicit_date = &by;
    c.clear_explicit_date = 1;  // both: refused
    EXPECT_FAIL(update(c), OVERSIGHT_E_INVALID_ARG);
    c.explicit_date = nullptr;  // by_date without a date
    EXPECT_FAIL(update(c), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(f.history() == n);

    c = oversight_plan_recommendation_change OVERSIGHT_PLAN_RECOMMENDATION_CHANGE_INIT;
    c.timescale = "by_date";
    c.explicit_date = &by;
    EXPECT_OK(update(c));
    c = oversight_plan_recommendation_change OVERSIGHT_PLAN_RECOMMENDATION_CHANGE_INIT;
    c.timescale = "within_six_months";
    c.clear_explicit_date = 1;
    EXPECT_OK(update(c, 2));
    BOOST_TEST(f.history() == n + 4);  // 1: timescale + date; 2: timescale + date cleared
    BOOST_TEST(f.export_json()["recommendations"][1]["explicit_date"].is_null());
}

BOOST_AUTO_TEST_CASE(actions) {
    PlanFixture f;
    int64_t id = 0;
    auto n = f.history();
    const int64_t p = f.plan;
    oversight_plan_action a{};
    EXPECT_OK(oversight_plan_action_init(&a, OVERSIGHT_PLAN_ACTION_VERSION));
    BOOST_TEST((a.ref == nullptr && a.description == nullptr && a.status == nullptr && a.due == nullptr));
    EXPECT_FAIL(oversight_plan_action_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_action_init(&a, 3), OVERSIGHT_E_INVALID_ARG);

    const auto valid = [] {
        oversight_plan_action v = OVERSIGHT_PLAN_ACTION_INIT;
        v.ref = "1.2";
        v.description = "d";
        return v;
    };
    const auto add = [&](oversight_plan_action v, int32_t rec = 1, int64_t plan = 0) {
        return oversight_plan_add_action(f.store, plan ? plan : p, rec, &v, &id);
    };
    a = valid();
    EXPECT_FAIL(oversight_plan_add_action(nullptr, p, 1, &a, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_action(f.store, p, 1, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_action(f.store, p, 1, &a, nullptr), OVERSIGHT_E_INVALID_ARG);
    a.version = 0;                                EXPECT_FAIL(add(a), OVERSIGHT_E_INVALID_ARG);
    a = valid(); a.ref = nullptr;                 EXPECT_FAIL(add(a), OVERSIGHT_E_INVALID_ARG);
    a = valid(); a.description = nullptr;         EXPECT_FAIL(add(a), OVERSIGHT_E_INVALID_ARG);
    a = valid(); a.ref = kBadUtf8;                EXPECT_FAIL(add(a), OVERSIGHT_E_INVALID_ARG);
    a = valid(); a.description = kBadUtf8;        EXPECT_FAIL(add(a), OVERSIGHT_E_INVALID_ARG);
    a = valid(); a.lead = kBadUtf8;               EXPECT_FAIL(add(a), OVERSIGHT_E_INVALID_ARG);
    a = valid(); a.status = kBadUtf8;             EXPECT_FAIL(add(a), OVERSIGHT_E_INVALID_ARG);
    a = valid(); a.status = "finished-ish";       EXPECT_FAIL(add(a), OVERSIGHT_E_INVALID_ARG);
    a = valid(); a.due = &kBadDate;               EXPECT_FAIL(add(a), OVERSIGHT_E_INVALID_ARG);
    a = valid(); a.impact_intended = kBadUtf8;    EXPECT_FAIL(add(a), OVERSIGHT_E_INVALID_ARG);
    a = valid(); a.impact_evidence = kBadUtf8;    EXPECT_FAIL(add(a), OVERSIGHT_E_INVALID_ARG);
    a = valid(); a.cost = kBadUtf8;               EXPECT_FAIL(add(a), OVERSIGHT_E_INVALID_ARG);
    a = valid(); a.ref = "";                      EXPECT_FAIL(add(a), OVERSIGHT_E_INVALID_ARG);
    a = valid(); a.ref = "1.1";                   EXPECT_FAIL(add(a), OVERSIGHT_E_CONFLICT);
    BOOST_TEST(contains(message(), "1.1"));
    a = valid(); a.ref = "9.1";                   EXPECT_FAIL(add(a, 9), OVERSIGHT_E_NOT_FOUND);
    a = valid();                                  EXPECT_FAIL(add(a, 1, 999), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(id == 0);
    BOOST_TEST(f.history() == n);

    oversight_date due{2012, 11, 30};
    a = valid();
    a.ref = kSql;
    a.description = kSql;
    a.lead = kSql;
    a.status = "Not started";
    a.due = &due;
    a.impact_intended = kSql;
    a.impact_evidence = kSql;
    a.cost = kSql;
    EXPECT_OK(add(a, 2));
    auto rows = actions_of(f.store, p, kAsOf);
    BOOST_TEST_REQUIRE(rows.size() == 2u);
    BOOST_TEST(rows[1].ref == kSql);
    BOOST_TEST(rows[1].description == kSql);
    BOOST_TEST(rows[1].lead == kSql);
    BOOST_TEST(rows[1].status == "not_started");
    BOOST_TEST(rows[1].recommendation == 2);
    BOOST_TEST(rows[1].has_due);
    BOOST_TEST(rows[1].due.month == 11);
    BOOST_TEST(f.export_json()["recommendations"][1]["actions"][0]["impact_evidence"] == kSql);

    // Changes.
    oversight_plan_action_change c{};
    EXPECT_OK(oversight_plan_action_change_init(&c, OVERSIGHT_PLAN_ACTION_CHANGE_VERSION));
    BOOST_TEST((c.status == nullptr && c.due == nullptr && c.clear_due == 0 && c.cost == nullptr));
    EXPECT_FAIL(oversight_plan_action_change_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_action_change_init(&c, 4), OVERSIGHT_E_INVALID_ARG);
    c.status = "complete";
    EXPECT_OK(oversight_plan_update_action(f.store, p, "1.1", &c));
    n = f.history();
    const auto update = [&](const oversight_plan_action_change& change, const char* ref = "1.1") {
        return oversight_plan_update_action(f.store, p, ref, &change);
    };
    EXPECT_FAIL(oversight_plan_update_action(nullptr, p, "1.1", &c), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_update_action(f.store, p, nullptr, &c), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_update_action(f.store, p, "1.1", nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_update_action(f.store, 999, "1.1", &c), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(update(c, kBadUtf8), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(update(c, "8.8"), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(contains(message(), "8.8"));
    c.version = 0;
    EXPECT_FAIL(update(c), OVERSIGHT_E_INVALID_ARG);
    const auto one = [](auto set) {
        oversight_plan_action_change x = OVERSIGHT_PLAN_ACTION_CHANGE_INIT;
        set(x);
        return x;
    };
    EXPECT_FAIL(update(one([](auto& x) { x.status = kBadUtf8; })), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(update(one([](auto& x) { x.status = "done-ish"; })), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(update(one([](auto& x) { x.description = kBadUtf8; })), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(update(one([](auto& x) { x.lead = kBadUtf8; })), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(update(one([](auto& x) { x.due = &kBadDate; })), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(update(one([&](auto& x) { x.due = &due; x.clear_due = 1; })), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(update(one([](auto& x) { x.impact_intended = kBadUtf8; })), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(update(one([](auto& x) { x.impact_evidence = kBadUtf8; })), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(update(one([](auto& x) { x.cost = kBadUtf8; })), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(f.history() == n);

    c = oversight_plan_action_change OVERSIGHT_PLAN_ACTION_CHANGE_INIT;
    c.due = &due;
    c.lead = "Mark Jowett";
    c.description = kSql;
    c.impact_intended = "Fewer cases unallocated";
    c.impact_evidence = "Audit of 50 cases";
    c.cost = "£15k per social worker";
    EXPECT_OK(update(c));
    BOOST_TEST(f.history() == n + 6);
    rows = actions_of(f.store, p, kAsOf);
    BOOST_TEST(rows[0].status == "complete");
    BOOST_TEST(rows[0].rag == "blue");
    BOOST_TEST(rows[0].lead == "Mark Jowett");
    BOOST_TEST(rows[0].description == kSql);
    BOOST_TEST(rows[0].due.day == 30);
    EXPECT_OK(update(one([](auto& x) { x.clear_due = 1; })));  // back to the recommendation's date
    rows = actions_of(f.store, p, kAsOf);
    BOOST_TEST(rows[0].has_due);
    BOOST_TEST(rows[0].due.year == 2012);
    BOOST_TEST(rows[0].due.month == 9);
    BOOST_TEST(rows[0].due.day == 14);  // "Immediately": the report date
}

BOOST_AUTO_TEST_CASE(progress_milestones_tasks) {
    PlanFixture f;
    const int64_t p = f.plan;
    int64_t id = 0;
    auto n = f.history();
    oversight_plan_progress u{};
    EXPECT_OK(oversight_plan_progress_init(&u, OVERSIGHT_PLAN_PROGRESS_VERSION));
    BOOST_TEST((u.date.year == 0 && u.author == nullptr && u.text == nullptr));
    EXPECT_FAIL(oversight_plan_progress_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_progress_init(&u, 0), OVERSIGHT_E_INVALID_ARG);
    const auto valid = [] {
        oversight_plan_progress v = OVERSIGHT_PLAN_PROGRESS_INIT;
        v.date = kAsOf;
        v.author = "A";
        v.text = "t";
        return v;
    };
    const auto add = [&](oversight_plan_progress v, const char* ref = "1.1", int64_t plan = 0) {
        return oversight_plan_add_progress(f.store, plan ? plan : p, ref, &v, &id);
    };
    u = valid();
    EXPECT_FAIL(oversight_plan_add_progress(nullptr, p, "1.1", &u, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_progress(f.store, p, nullptr, &u, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_progress(f.store, p, "1.1", nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_progress(f.store, p, "1.1", &u, nullptr), OVERSIGHT_E_INVALID_ARG);
    u.version = 9;                     EXPECT_FAIL(add(u), OVERSIGHT_E_INVALID_ARG);
    u = valid(); u.text = nullptr;     EXPECT_FAIL(add(u), OVERSIGHT_E_INVALID_ARG);
    u = valid();                       EXPECT_FAIL(add(u, kBadUtf8), OVERSIGHT_E_INVALID_ARG);
    u = valid(); u.author = kBadUtf8;  EXPECT_FAIL(add(u), OVERSIGHT_E_INVALID_ARG);
    u = valid(); u.text = kBadUtf8;    EXPECT_FAIL(add(u), OVERSIGHT_E_INVALID_ARG);
    u = valid(); u.date = kBadDate;    EXPECT_FAIL(add(u), OVERSIGHT_E_INVALID_ARG);
    u = valid(); u.date = {0, 0, 0};   EXPECT_FAIL(add(u), OVERSIGHT_E_INVALID_ARG);  // INIT left unset
    u = valid(); u.text = "   ";       EXPECT_FAIL(add(u), OVERSIGHT_E_INVALID_ARG);
    u = valid();                       EXPECT_FAIL(add(u, "5.5"), OVERSIGHT_E_NOT_FOUND);
    u = valid();                       EXPECT_FAIL(add(u, "1.1", 999), OVERSIGHT_E_NOT_FOUND);

    EXPECT_FAIL(oversight_plan_add_milestone(nullptr, p, "1.1", kAsOf, "m", &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_milestone(f.store, p, nullptr, kAsOf, "m", &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_milestone(f.store, p, "1.1", kAsOf, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_milestone(f.store, p, "1.1", kAsOf, "m", nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_milestone(f.store, p, kBadUtf8, kAsOf, "m", &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_milestone(f.store, p, "1.1", kAsOf, kBadUtf8, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_milestone(f.store, p, "1.1", kBadDate, "m", &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_milestone(f.store, p, "5.5", kAsOf, "m", &id), OVERSIGHT_E_NOT_FOUND);

    oversight_plan_task t{};
    EXPECT_OK(oversight_plan_task_init(&t, OVERSIGHT_PLAN_TASK_VERSION));
    BOOST_TEST((t.text == nullptr && t.owner == nullptr && t.due == nullptr));
    EXPECT_FAIL(oversight_plan_task_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_task_init(&t, 2), OVERSIGHT_E_INVALID_ARG);
    const auto task = [](const char* text) {
        oversight_plan_task v = OVERSIGHT_PLAN_TASK_INIT;
        v.text = text;
        return v;
    };
    const auto add_task = [&](oversight_plan_task v, const char* ref = "1.1") {
        return oversight_plan_add_task(f.store, p, ref, &v, &id);
    };
    t = task("t");
    EXPECT_FAIL(oversight_plan_add_task(nullptr, p, "1.1", &t, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_task(f.store, p, nullptr, &t, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_task(f.store, p, "1.1", nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_task(f.store, p, "1.1", &t, nullptr), OVERSIGHT_E_INVALID_ARG);
    t.version = 0;                        EXPECT_FAIL(add_task(t), OVERSIGHT_E_INVALID_ARG);
    t = task(nullptr);                    EXPECT_FAIL(add_task(t), OVERSIGHT_E_INVALID_ARG);
    t = task("t");                        EXPECT_FAIL(add_task(t, kBadUtf8), OVERSIGHT_E_INVALID_ARG);
    t = task(kBadUtf8);                   EXPECT_FAIL(add_task(t), OVERSIGHT_E_INVALID_ARG);
    t = task("t"); t.owner = kBadUtf8;    EXPECT_FAIL(add_task(t), OVERSIGHT_E_INVALID_ARG);
    t = task("t"); t.due = &kBadDate;     EXPECT_FAIL(add_task(t), OVERSIGHT_E_INVALID_ARG);
    t = task("t");                        EXPECT_FAIL(add_task(t, "5.5"), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(id == 0);
    BOOST_TEST(f.history() == n);

    int64_t up = 0, m = 0, tk = 0;
    u = valid();
    u.author = nullptr;
    u.text = kSql;
    EXPECT_OK(oversight_plan_add_progress(f.store, p, "1.1", &u, &up));
    EXPECT_OK(oversight_plan_add_milestone(f.store, p, "1.1", oversight_date{2012, 10, 1}, "Posts advertised", &m));
    oversight_date due{2012, 12, 31};
    t = task("Reduce agency staff");
    t.owner = "Mark Jowett";
    t.due = &due;
    EXPECT_OK(oversight_plan_add_task(f.store, p, "1.1", &t, &tk));
    BOOST_TEST((up > 0 && m > 0 && tk > 0));
    const auto doc = f.export_text();
    BOOST_TEST(contains(doc, nlohmann::json(kSql).dump()));
    BOOST_TEST(contains(doc, "Reduce agency staff"));

    // A milestone dated before as_of and not done makes an in-progress action
    // amber (once it is no longer overdue).
    oversight_date far{2013, 3, 31};
    oversight_plan_action_change c = OVERSIGHT_PLAN_ACTION_CHANGE_INIT;
    c.due = &far;
    EXPECT_OK(oversight_plan_update_action(f.store, p, "1.1", &c));
    auto rows = actions_of(f.store, p, kAsOf);
    BOOST_TEST(rows.at(0).rag == "amber");
    BOOST_TEST(contains(rows.at(0).reason, "Posts advertised"));
    EXPECT_OK(oversight_plan_complete_milestone(f.store, m, 1));
    rows = actions_of(f.store, p, kAsOf);
    BOOST_TEST(!contains(rows.at(0).reason, "Posts advertised"));
    EXPECT_OK(oversight_plan_complete_task(f.store, tk, 1));
    EXPECT_OK(oversight_plan_complete_task(f.store, tk, 0));
    n = f.history();
    EXPECT_FAIL(oversight_plan_complete_milestone(nullptr, m, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_complete_milestone(f.store, 424242, 1), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(contains(message(), "424242"));
    EXPECT_FAIL(oversight_plan_complete_task(nullptr, tk, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_complete_task(f.store, 424242, 1), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(f.history() == n);
}

BOOST_AUTO_TEST_CASE(rag_override) {
    PlanFixture f;
    const int64_t p = f.plan;
    auto n = f.history();
    oversight_plan_rag_override o{};
    EXPECT_OK(oversight_plan_rag_override_init(&o, OVERSIGHT_PLAN_RAG_OVERRIDE_VERSION));
    BOOST_TEST((o.rag == nullptr && o.by == nullptr && o.reason == nullptr && o.set_on.year == 0));
    EXPECT_FAIL(oversight_plan_rag_override_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_rag_override_init(&o, 0), OVERSIGHT_E_INVALID_ARG);
    const auto valid = [] {
        oversight_plan_rag_override v = OVERSIGHT_PLAN_RAG_OVERRIDE_INIT;
        v.rag = "red";
        v.by = "Director";
        v.reason = "why";
        v.set_on = kAsOf;
        return v;
    };
    const auto set = [&](oversight_plan_rag_override v, const char* ref = "1.1") {
        return oversight_plan_set_rag(f.store, p, ref, &v);
    };
    o = valid();
    EXPECT_FAIL(oversight_plan_set_rag(nullptr, p, "1.1", &o), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_rag(f.store, p, nullptr, &o), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_rag(f.store, p, "1.1", nullptr), OVERSIGHT_E_INVALID_ARG);
    o.version = 2;                        EXPECT_FAIL(set(o), OVERSIGHT_E_INVALID_ARG);
    o = valid(); o.rag = nullptr;         EXPECT_FAIL(set(o), OVERSIGHT_E_INVALID_ARG);
    o = valid(); o.by = nullptr;          EXPECT_FAIL(set(o), OVERSIGHT_E_INVALID_ARG);
    o = valid(); o.reason = nullptr;      EXPECT_FAIL(set(o), OVERSIGHT_E_INVALID_ARG);
    o = valid();                          EXPECT_FAIL(set(o, kBadUtf8), OVERSIGHT_E_INVALID_ARG);
    o = valid(); o.rag = kBadUtf8;        EXPECT_FAIL(set(o), OVERSIGHT_E_INVALID_ARG);
    o = valid(); o.by = kBadUtf8;         EXPECT_FAIL(set(o), OVERSIGHT_E_INVALID_ARG);
    o = valid(); o.reason = kBadUtf8;     EXPECT_FAIL(set(o), OVERSIGHT_E_INVALID_ARG);
    o = valid(); o.rag = "purple";        EXPECT_FAIL(set(o), OVERSIGHT_E_INVALID_ARG);
    o = valid(); o.rag = "none";          EXPECT_FAIL(set(o), OVERSIGHT_E_INVALID_ARG);
    o = valid(); o.by = "";               EXPECT_FAIL(set(o), OVERSIGHT_E_INVALID_ARG);
    o = valid(); o.set_on = kBadDate;     EXPECT_FAIL(set(o), OVERSIGHT_E_INVALID_ARG);
    o = valid();                          EXPECT_FAIL(set(o, "3.3"), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_plan_clear_rag(f.store, p, "1.1"), OVERSIGHT_E_NOT_FOUND);  // none set
    EXPECT_FAIL(oversight_plan_clear_rag(nullptr, p, "1.1"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_clear_rag(f.store, p, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_clear_rag(f.store, p, kBadUtf8), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_clear_rag(f.store, p, "3.3"), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(f.history() == n);

    o = valid();
    o.rag = "Red";
    o.by = "Chief Executive";
    o.reason = kSql;
    EXPECT_OK(set(o));
    auto rows = actions_of(f.store, p, kAsOf);
    BOOST_TEST(rows.at(0).rag == "red");
    BOOST_TEST(contains(rows.at(0).reason, "Chief Executive"));
    BOOST_TEST(contains(rows.at(0).reason, kSql));
    EXPECT_OK(oversight_plan_clear_rag(f.store, p, "1.1"));
    rows = actions_of(f.store, p, kAsOf);
    BOOST_TEST(!contains(rows.at(0).reason, "Chief Executive"));
    BOOST_TEST(f.history() == n + 8);
}

BOOST_AUTO_TEST_CASE(people_named_by_a_plan) {
    PlanFixture f;
    char* out = reinterpret_cast<char*>(0x1);
    EXPECT_FAIL(oversight_plan_people_json(nullptr, f.plan, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(out == nullptr);
    EXPECT_FAIL(oversight_plan_people_json(f.store, f.plan, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_people_json(f.store, 999, &out), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(out == nullptr);

    oversight_workforce_person person = OVERSIGHT_WORKFORCE_PERSON_INIT;
    person.name = "Lindsay Voss";
    int64_t id = 0;
    EXPECT_OK(oversight_workforce_add_person(f.store, &person, &id));
    EXPECT_OK(oversight_plan_people_json(f.store, f.plan, &out));
    auto doc = take_document(out, "oversight-plan-people");
    BOOST_TEST(doc["plan_id"] == f.plan);
    BOOST_TEST((doc["unlisted"] == nlohmann::json{"Felicity Budgen", "Lindsey Voss"}));
    bool voss = false;
    for (const auto& d : doc["probable_duplicates"]) {
        const std::string a = d["a"], b = d["b"];
        voss = voss || (contains(a, "Voss") && contains(b, "Voss"));
        BOOST_TEST(d["similarity"].is_number());
    }
    BOOST_TEST(voss);
    EXPECT_OK(oversight_workforce_merge_people(f.store, "Lindsey Voss", "Lindsay Voss"));
    EXPECT_OK(oversight_plan_people_json(f.store, f.plan, &out));
    doc = take_document(out, "oversight-plan-people");
    BOOST_TEST((doc["unlisted"] == nlohmann::json{"Felicity Budgen"}));
}

BOOST_AUTO_TEST_CASE(inspection_and_its_clocks) {
    // ILACS: final action plan within 70 working days of the letter, a draft
    // within 20 after a focused visit with areas for priority action
    // (statutory-timescales.md s.12, SECONDARY). Letter Fri 2024-12-06:
    // 20 working days would be Fri 2025-01-03 (four weeks); Christmas Day,
    // Boxing Day and New Year's Day move it to Wed 2025-01-08. 70 would be
    // Fri 2025-03-14 (fourteen weeks); the same three holidays: Wed 2025-03-19.
    PlanFixture f;
    auto n = f.history();
    oversight_plan_inspection in{};
    EXPECT_OK(oversight_plan_inspection_init(&in, OVERSIGHT_PLAN_INSPECTION_VERSION));
    BOOST_TEST((in.kind == nullptr && in.ended == nullptr && in.priority_actions == 0));
    EXPECT_FAIL(oversight_plan_inspection_init(&in, 2), OVERSIGHT_E_INVALID_ARG);
    EXPECT_OK(oversight_plan_inspection_init(&in, OVERSIGHT_PLAN_INSPECTION_VERSION));
    // kind and letter are required.
    EXPECT_FAIL(oversight_plan_set_inspection(f.store, f.plan, &in), OVERSIGHT_E_INVALID_ARG);
    in.kind = "focused_visit";
    EXPECT_FAIL(oversight_plan_set_inspection(f.store, f.plan, &in), OVERSIGHT_E_INVALID_ARG);
    in.letter = {2024, 12, 6};
    in.priority_actions = 2;
    EXPECT_FAIL(oversight_plan_set_inspection(f.store, f.plan, &in), OVERSIGHT_E_INVALID_ARG);
    in.priority_actions = 1;
    in.kind = "full";
    EXPECT_FAIL(oversight_plan_set_inspection(f.store, f.plan, &in), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(message().find("priority_actions") != std::string::npos, message());
    in.kind = "outstanding";
    EXPECT_FAIL(oversight_plan_set_inspection(f.store, f.plan, &in), OVERSIGHT_E_INVALID_ARG);
    in.kind = "focused_visit";
    in.ended = &kBadDate;
    EXPECT_FAIL(oversight_plan_set_inspection(f.store, f.plan, &in), OVERSIGHT_E_INVALID_ARG);
    in.ended = nullptr;
    in.owner = kBadUtf8;
    EXPECT_FAIL(oversight_plan_set_inspection(f.store, f.plan, &in), OVERSIGHT_E_INVALID_ARG);
    in.owner = kSql;
    EXPECT_FAIL(oversight_plan_set_inspection(nullptr, f.plan, &in), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_inspection(f.store, f.plan + 99, &in), OVERSIGHT_E_NOT_FOUND);
    in.version = 9;
    EXPECT_FAIL(oversight_plan_set_inspection(f.store, f.plan, &in), OVERSIGHT_E_INVALID_ARG);
    in.version = OVERSIGHT_PLAN_INSPECTION_VERSION;
    BOOST_TEST(f.history() == n);
    EXPECT_OK(oversight_plan_set_inspection(f.store, f.plan, &in));
    BOOST_TEST(f.history() == n + 1);

    char* out = nullptr;
    const oversight_date as_of{2024, 12, 20};
    EXPECT_OK(oversight_plan_inspection_clocks_json(f.store, f.plan, nullptr, &as_of, &out));
    auto doc = take_document(out, "oversight-inspection-clocks");
    BOOST_TEST(doc["as_of"] == "2024-12-20");
    BOOST_TEST(doc["inspection"]["owner"] == kSql);
    BOOST_TEST_REQUIRE(doc["clocks"].size() == 2u);
    BOOST_TEST(doc["clocks"][0]["id"] == "draft_plan");
    BOOST_TEST(doc["clocks"][0]["due"] == "2025-01-08");
    BOOST_TEST(doc["clocks"][1]["due"] == "2025-03-19");
    BOOST_TEST(doc["clocks"][1]["state"] == "open");
    EXPECT_FAIL(oversight_plan_inspection_clocks_json(nullptr, f.plan, nullptr, &as_of, &out),
                OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_inspection_clocks_json(f.store, f.plan, nullptr, &as_of, nullptr),
                OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_inspection_clocks_json(f.store, f.plan, nullptr, &kBadDate, &out),
                OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_inspection_clocks_json(f.store, f.plan + 99, nullptr, &as_of, &out),
                OVERSIGHT_E_NOT_FOUND);

    // The draft went on Fri 2025-01-10: two working days late (Thu 9, Fri 10).
    const oversight_date draft{2025, 1, 10};
    in.draft_submitted = &draft;
    EXPECT_OK(oversight_plan_set_inspection(f.store, f.plan, &in));
    EXPECT_OK(oversight_plan_inspection_clocks_json(f.store, f.plan, nullptr, &draft, &out));
    doc = take_document(out, "oversight-inspection-clocks");
    BOOST_TEST(doc["clocks"][0]["state"] == "submitted");
    BOOST_TEST(doc["clocks"][0]["working_days_late"] == 2);
    // The plan's canonical JSON carries it.
    EXPECT_OK(oversight_plan_export_json(f.store, f.plan, &out));
    BOOST_TEST(take_document(out, "oversight-plan")["inspection"]["draft_submitted"] == "2025-01-10");

    EXPECT_OK(oversight_plan_set_inspection(f.store, f.plan, nullptr));
    EXPECT_OK(oversight_plan_inspection_clocks_json(f.store, f.plan, nullptr, &as_of, &out));
    doc = take_document(out, "oversight-inspection-clocks");
    BOOST_TEST(doc["inspection"].is_null());
    BOOST_TEST(doc["clocks"].empty());
}

BOOST_AUTO_TEST_SUITE_END()
