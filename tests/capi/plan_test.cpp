// The improvement plan through the C ABI only (<oversight.h>): every
// function with NULL for each pointer, malformed text and dates, unknown ids,
// SQL metacharacters, and failed writes that must leave the store unchanged.
#include <boost/test/unit_test.hpp>

#include <oversight.h>

#include <nlohmann/json.hpp>

#include <cstring>
#include <string>
#include <vector>

namespace {

const char* const kSeed = OVERSIGHT_SHARED_DIR "/seed/000_34f8af1d34ad7c07.txt";
const char* const kNasty = "'; DROP TABLE actions; -- \"x\" %_ \\ ?1 :a";
const char* const kBadUtf8 = "bad \xff text";
const oversight_date kReport{2012, 9, 14};
const oversight_date kAsOf{2012, 10, 12};
const oversight_date kBadDate{2012, 2, 30};

/// The status is `want` and a message was recorded.
#define EXPECT_FAIL(call, want)                                              \
    do {                                                                     \
        oversight_clear_error();                                             \
        oversight_status got_ = (call);                                      \
        BOOST_TEST(got_ == (want), #call " gave " << got_);                  \
        BOOST_TEST(std::strlen(oversight_last_error_message()) > 0u, #call); \
    } while (0)

#define EXPECT_OK(call)                                                                                   \
    do {                                                                                                  \
        oversight_status got_ = (call);                                                                   \
        BOOST_TEST_REQUIRE(got_ == OVERSIGHT_OK, #call " failed: " << oversight_last_error_message()); \
    } while (0)

std::string take(char* s) {
    std::string out = s ? s : "";
    oversight_free(s);
    return out;
}

/// A store with one small plan: recommendation 1 (immediately) holding
/// action 1.1, recommendation 2 (by date) holding nothing.
struct Fixture {
    oversight_store* store = nullptr;
    int64_t plan = 0;
    Fixture() {
        BOOST_TEST_REQUIRE(oversight_store_open_memory(&store) == OVERSIGHT_OK);
        BOOST_TEST_REQUIRE(oversight_plan_create(store, "Plan", "Example Council", &kReport, &plan) == OVERSIGHT_OK);
        int64_t id = 0;
        BOOST_TEST_REQUIRE(oversight_plan_add_recommendation(store, plan, 1, "QUALITY", "Improve quality",
                                                             "immediately", nullptr, "Felicity Budgen", "c£1.7m",
                                                             &id) == OVERSIGHT_OK);
        oversight_date by{2013, 1, 31};
        BOOST_TEST_REQUIRE(oversight_plan_add_recommendation(store, plan, 2, "", "Review thresholds", "by_date", &by,
                                                             nullptr, nullptr, &id) == OVERSIGHT_OK);
        BOOST_TEST_REQUIRE(oversight_plan_add_action(store, plan, 1, "1.1", "Secure a workforce", "Lindsey Voss",
                                                     "in_progress", nullptr, "Cases allocated", "TBC",
                                                     &id) == OVERSIGHT_OK);
    }
    ~Fixture() { oversight_store_free(store); }

    /// Number of history rows: a failed write must not change it.
    std::size_t history() const {
        char* out = nullptr;
        BOOST_REQUIRE(oversight_store_history_json(store, nullptr, &out) == OVERSIGHT_OK);
        return nlohmann::json::parse(take(out)).size();
    }
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

/// Collected rows of an action iterator.
struct Row {
    std::string ref, description, lead, status, rag, reason;
    int32_t recommendation = 0;
    bool has_due = false;
    oversight_date due{};
};

std::vector<Row> actions_of(const oversight_store* store, int64_t plan, oversight_date as_of) {
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

}  // namespace

BOOST_AUTO_TEST_SUITE(plan)

BOOST_AUTO_TEST_CASE(import_the_seed_and_read_it_back) {
    oversight_store* store = nullptr;
    EXPECT_OK(oversight_store_open_memory(&store));
    int64_t plan = 0;
    char* warnings = nullptr;
    EXPECT_OK(oversight_plan_import_seed(store, kSeed, &kReport, "Improvement plan", "Southampton", &plan, &warnings));
    BOOST_TEST(plan > 0);
    auto w = nlohmann::json::parse(take(warnings));
    BOOST_TEST(w.is_array());
    for (const auto& x : w) {
        BOOST_TEST(x["line"].is_number_integer());
        BOOST_TEST(!x["message"].get<std::string>().empty());
    }
    int64_t latest = 0;
    EXPECT_OK(oversight_plan_latest(store, &latest));
    BOOST_TEST(latest == plan);

    char* json = nullptr;
    EXPECT_OK(oversight_plan_export_json(store, plan, &json));
    std::string text = take(json);
    // The canonical JSON goes back in as an equal plan.
    int64_t again = 0;
    EXPECT_OK(oversight_plan_import_json(store, text.c_str(), &again));
    BOOST_TEST(again != plan);
    EXPECT_OK(oversight_plan_export_json(store, again, &json));
    BOOST_TEST(take(json) == text);
    // And the CSV too.
    char* csv = nullptr;
    EXPECT_OK(oversight_plan_export_csv(store, plan, &csv));
    std::string csv_text = take(csv);
    int64_t third = 0;
    EXPECT_OK(oversight_plan_import_csv(store, csv_text.c_str(), &third));
    EXPECT_OK(oversight_plan_export_json(store, third, &json));
    BOOST_TEST(take(json) == text);

    char* list = nullptr;
    EXPECT_OK(oversight_plan_list_json(store, &list));
    auto plans = nlohmann::json::parse(take(list));
    BOOST_TEST_REQUIRE(plans.size() == 3u);
    BOOST_TEST(plans[0]["recommendations"].get<int>() == 20);
    BOOST_TEST(plans[0]["report_date"].get<std::string>() == "2012-09-14");
    BOOST_TEST(plans[0]["authority"].get<std::string>() == "Southampton");

    // Every action has a computed RAG as of 2012-10-12.
    auto rows = actions_of(store, plan, kAsOf);
    BOOST_TEST(rows.size() == static_cast<std::size_t>(plans[0]["actions"].get<int>()));
    for (const auto& r : rows) {
        BOOST_TEST_CONTEXT(r.ref) {
            BOOST_TEST(!r.ref.empty());
            BOOST_TEST(r.recommendation >= 1);
            BOOST_TEST(!r.rag.empty());
            BOOST_TEST(!r.reason.empty());
            if (r.status != "withdrawn") BOOST_TEST(r.rag != "none");
        }
    }
    oversight_store_free(store);
}

BOOST_AUTO_TEST_CASE(import_seed_arguments) {
    Fixture f;
    int64_t id = 0;
    char* warnings = nullptr;
    auto n = f.history();
    EXPECT_FAIL(oversight_plan_import_seed(nullptr, kSeed, &kReport, nullptr, nullptr, &id, &warnings),
                OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_import_seed(f.store, nullptr, &kReport, nullptr, nullptr, &id, &warnings),
                OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_import_seed(f.store, kSeed, &kReport, nullptr, nullptr, nullptr, &warnings),
                OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(warnings == nullptr);
    EXPECT_FAIL(oversight_plan_import_seed(f.store, kBadUtf8, &kReport, nullptr, nullptr, &id, &warnings),
                OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_import_seed(f.store, kSeed, &kReport, kBadUtf8, nullptr, &id, &warnings),
                OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_import_seed(f.store, kSeed, &kReport, nullptr, kBadUtf8, &id, &warnings),
                OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_import_seed(f.store, kSeed, &kBadDate, nullptr, nullptr, &id, &warnings),
                OVERSIGHT_E_INVALID_ARG);
    oversight_clear_error();
    oversight_status missing =
        oversight_plan_import_seed(f.store, "/nonexistent/plan.txt", nullptr, nullptr, nullptr, &id, &warnings);
    BOOST_TEST((missing == OVERSIGHT_E_NOT_FOUND || missing == OVERSIGHT_E_IO));
    BOOST_TEST(std::string(oversight_last_error_message()).find("/nonexistent/plan.txt") != std::string::npos);
    BOOST_TEST(id == 0);
    BOOST_TEST(warnings == nullptr);
    BOOST_TEST(f.history() == n);
    // Warnings are optional; NULL report date, title and authority are allowed.
    EXPECT_OK(oversight_plan_import_seed(f.store, kSeed, nullptr, nullptr, nullptr, &id, nullptr));
    BOOST_TEST(id > f.plan);
}

BOOST_AUTO_TEST_CASE(import_and_export_text_arguments) {
    Fixture f;
    int64_t id = 0;
    char* out = nullptr;
    auto n = f.history();
    std::string json = f.export_text();
    EXPECT_FAIL(oversight_plan_import_json(nullptr, json.c_str(), &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_import_json(f.store, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_import_json(f.store, json.c_str(), nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_import_json(f.store, kBadUtf8, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_import_json(f.store, "{\"title\": ", &id), OVERSIGHT_E_PARSE);
    EXPECT_FAIL(oversight_plan_import_csv(nullptr, "x", &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_import_csv(f.store, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_import_csv(f.store, "x", nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_import_csv(f.store, kBadUtf8, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_import_csv(f.store, "not,a,plan\n1,2,3\n", &id), OVERSIGHT_E_PARSE);
    BOOST_TEST(id == 0);
    BOOST_TEST(f.history() == n);

    EXPECT_FAIL(oversight_plan_export_json(nullptr, f.plan, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_export_json(f.store, f.plan, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_export_json(f.store, 999, &out), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(std::string(oversight_last_error_message()).find("999") != std::string::npos);
    BOOST_TEST(out == nullptr);
    EXPECT_FAIL(oversight_plan_export_csv(nullptr, f.plan, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_export_csv(f.store, f.plan, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_export_csv(f.store, 999, &out), OVERSIGHT_E_NOT_FOUND);
}

BOOST_AUTO_TEST_CASE(plans_latest_list_create_settings_and_report_date) {
    oversight_store* empty = nullptr;
    EXPECT_OK(oversight_store_open_memory(&empty));
    int64_t id = 7;
    EXPECT_FAIL(oversight_plan_latest(empty, &id), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(id == 0);
    EXPECT_FAIL(oversight_plan_latest(nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_latest(empty, nullptr), OVERSIGHT_E_INVALID_ARG);
    char* out = nullptr;
    EXPECT_OK(oversight_plan_list_json(empty, &out));
    BOOST_TEST(take(out) == "[]");
    EXPECT_FAIL(oversight_plan_list_json(nullptr, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_list_json(empty, nullptr), OVERSIGHT_E_INVALID_ARG);
    oversight_store_free(empty);

    Fixture f;
    auto n = f.history();
    EXPECT_FAIL(oversight_plan_create(nullptr, "T", nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_create(f.store, nullptr, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_create(f.store, "T", nullptr, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_create(f.store, kBadUtf8, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_create(f.store, "T", kBadUtf8, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_create(f.store, "T", nullptr, &kBadDate, &id), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(f.history() == n);

    EXPECT_OK(oversight_plan_set_settings(f.store, f.plan, 7, 14, 60));
    BOOST_TEST(f.history() == n + 3);
    EXPECT_FAIL(oversight_plan_set_settings(nullptr, f.plan, 7, 14, 60), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_settings(f.store, 999, 7, 14, 60), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_plan_set_settings(f.store, f.plan, 1, 2, -3), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_settings(f.store, f.plan, 1, 99999, 3), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(f.history() == n + 3);  // the failed ones changed nothing

    oversight_date later{2012, 9, 21};
    EXPECT_OK(oversight_plan_set_report_date(f.store, f.plan, &later));
    BOOST_TEST(f.export_text().find("2012-09-21") != std::string::npos);
    EXPECT_OK(oversight_plan_set_report_date(f.store, f.plan, nullptr));  // clears
    BOOST_TEST(f.export_text().find("2012-09-21") == std::string::npos);
    EXPECT_FAIL(oversight_plan_set_report_date(nullptr, f.plan, &later), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_report_date(f.store, 999, &later), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_plan_set_report_date(f.store, f.plan, &kBadDate), OVERSIGHT_E_INVALID_ARG);
}

BOOST_AUTO_TEST_CASE(recommendations) {
    Fixture f;
    int64_t id = 0;
    auto n = f.history();
    auto add = [&](oversight_store* s, int32_t number, const char* section, const char* text, const char* ts,
                   const oversight_date* date, const char* lead, const char* cost, int64_t* out) {
        return oversight_plan_add_recommendation(s, f.plan, number, section, text, ts, date, lead, cost, out);
    };
    EXPECT_FAIL(add(nullptr, 3, "", "t", "immediately", nullptr, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(f.store, 3, nullptr, "t", "immediately", nullptr, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(f.store, 3, "", nullptr, "immediately", nullptr, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(f.store, 3, "", "t", nullptr, nullptr, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(f.store, 3, "", "t", "immediately", nullptr, nullptr, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(f.store, 3, kBadUtf8, "t", "immediately", nullptr, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(f.store, 3, "", kBadUtf8, "immediately", nullptr, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(f.store, 3, "", "t", "soonish", nullptr, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(f.store, 3, "", "t", "immediately", nullptr, kBadUtf8, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(f.store, 3, "", "t", "immediately", nullptr, nullptr, kBadUtf8, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(f.store, 3, "", "t", "immediately", &kBadDate, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(f.store, 3, "", "t", "by_date", nullptr, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(f.store, 1, "", "t", "immediately", nullptr, nullptr, nullptr, &id), OVERSIGHT_E_CONFLICT);
    EXPECT_FAIL(add(f.store, -4, "", "t", "immediately", nullptr, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_recommendation(f.store, 999, 3, "", "t", "immediately", nullptr, nullptr, nullptr,
                                                  &id),
                OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(id == 0);
    BOOST_TEST(f.history() == n);
    EXPECT_OK(add(f.store, 3, kNasty, kNasty, "Within 3 months", nullptr, kNasty, kNasty, &id));
    BOOST_TEST(id > 0);
    auto doc = f.export_json();
    BOOST_TEST(doc.dump().find(nlohmann::json(kNasty).dump()) != std::string::npos);

    // set_recommendation_text
    EXPECT_OK(oversight_plan_set_recommendation_text(f.store, f.plan, 1, "lead", "Gill Horrobin"));
    EXPECT_OK(oversight_plan_set_recommendation_text(f.store, f.plan, 1, "cost", "£10,500"));
    EXPECT_OK(oversight_plan_set_recommendation_text(f.store, f.plan, 1, "section", "LEADERSHIP"));
    EXPECT_OK(oversight_plan_set_recommendation_text(f.store, f.plan, 1, "text", kNasty));
    n = f.history();
    EXPECT_FAIL(oversight_plan_set_recommendation_text(nullptr, f.plan, 1, "lead", "x"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_recommendation_text(f.store, f.plan, 1, nullptr, "x"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_recommendation_text(f.store, f.plan, 1, "lead", nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_recommendation_text(f.store, f.plan, 1, "lead", kBadUtf8), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_recommendation_text(f.store, f.plan, 1, kBadUtf8, "x"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_recommendation_text(f.store, f.plan, 1, "number", "x"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_recommendation_text(f.store, f.plan, 42, "lead", "x"), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(std::string(oversight_last_error_message()).find("42") != std::string::npos);
    EXPECT_FAIL(oversight_plan_set_recommendation_text(f.store, 999, 1, "lead", "x"), OVERSIGHT_E_NOT_FOUND);

    // set_recommendation_timescale
    oversight_date by{2013, 3, 31};
    EXPECT_FAIL(oversight_plan_set_recommendation_timescale(nullptr, f.plan, 1, "by_date", &by),
                OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_recommendation_timescale(f.store, f.plan, 1, nullptr, &by), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_recommendation_timescale(f.store, f.plan, 1, kBadUtf8, &by), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_recommendation_timescale(f.store, f.plan, 1, "by_date", &kBadDate),
                OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_recommendation_timescale(f.store, f.plan, 1, "by_date", nullptr),
                OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_recommendation_timescale(f.store, f.plan, 42, "by_date", &by),
                OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(f.history() == n);
    EXPECT_OK(oversight_plan_set_recommendation_timescale(f.store, f.plan, 1, "by_date", &by));
    EXPECT_OK(oversight_plan_set_recommendation_timescale(f.store, f.plan, 2, "within_six_months", nullptr));
    BOOST_TEST(f.history() == n + 4);  // 1: timescale + date; 2: timescale + date cleared
}

BOOST_AUTO_TEST_CASE(actions) {
    Fixture f;
    int64_t id = 0;
    auto n = f.history();
    auto add = [&](oversight_store* s, int64_t plan, int32_t rec, const char* ref, const char* desc, const char* lead,
                   const char* status, const oversight_date* due, const char* impact, const char* cost, int64_t* out) {
        return oversight_plan_add_action(s, plan, rec, ref, desc, lead, status, due, impact, cost, out);
    };
    const int64_t p = f.plan;
    EXPECT_FAIL(add(nullptr, p, 1, "1.2", "d", nullptr, nullptr, nullptr, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(f.store, p, 1, nullptr, "d", nullptr, nullptr, nullptr, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(f.store, p, 1, "1.2", nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(f.store, p, 1, "1.2", "d", nullptr, nullptr, nullptr, nullptr, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(f.store, p, 1, kBadUtf8, "d", nullptr, nullptr, nullptr, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(f.store, p, 1, "1.2", kBadUtf8, nullptr, nullptr, nullptr, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(f.store, p, 1, "1.2", "d", kBadUtf8, nullptr, nullptr, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(f.store, p, 1, "1.2", "d", nullptr, kBadUtf8, nullptr, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(f.store, p, 1, "1.2", "d", nullptr, "finished-ish", nullptr, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(f.store, p, 1, "1.2", "d", nullptr, nullptr, &kBadDate, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(f.store, p, 1, "1.2", "d", nullptr, nullptr, nullptr, kBadUtf8, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(f.store, p, 1, "1.2", "d", nullptr, nullptr, nullptr, nullptr, kBadUtf8, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(f.store, p, 1, "", "d", nullptr, nullptr, nullptr, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(f.store, p, 1, "1.1", "d", nullptr, nullptr, nullptr, nullptr, nullptr, &id), OVERSIGHT_E_CONFLICT);
    BOOST_TEST(std::string(oversight_last_error_message()).find("1.1") != std::string::npos);
    EXPECT_FAIL(add(f.store, p, 9, "9.1", "d", nullptr, nullptr, nullptr, nullptr, nullptr, &id), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(add(f.store, 999, 1, "1.2", "d", nullptr, nullptr, nullptr, nullptr, nullptr, &id), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(id == 0);
    BOOST_TEST(f.history() == n);

    oversight_date due{2012, 11, 30};
    EXPECT_OK(add(f.store, p, 2, kNasty, kNasty, kNasty, "Not started", &due, kNasty, kNasty, &id));
    auto rows = actions_of(f.store, p, kAsOf);
    BOOST_TEST_REQUIRE(rows.size() == 2u);
    BOOST_TEST(rows[1].ref == kNasty);
    BOOST_TEST(rows[1].description == kNasty);
    BOOST_TEST(rows[1].lead == kNasty);
    BOOST_TEST(rows[1].status == "not_started");
    BOOST_TEST(rows[1].recommendation == 2);
    BOOST_TEST(rows[1].has_due);
    BOOST_TEST(rows[1].due.month == 11);

    // status
    EXPECT_OK(oversight_plan_set_action_status(f.store, p, "1.1", "complete"));
    n = f.history();
    EXPECT_FAIL(oversight_plan_set_action_status(nullptr, p, "1.1", "complete"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_action_status(f.store, p, nullptr, "complete"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_action_status(f.store, p, "1.1", nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_action_status(f.store, p, kBadUtf8, "complete"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_action_status(f.store, p, "1.1", kBadUtf8), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_action_status(f.store, p, "1.1", "done-ish"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_action_status(f.store, p, "8.8", "complete"), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(std::string(oversight_last_error_message()).find("8.8") != std::string::npos);
    EXPECT_FAIL(oversight_plan_set_action_status(f.store, 999, "1.1", "complete"), OVERSIGHT_E_NOT_FOUND);

    // due
    EXPECT_FAIL(oversight_plan_set_action_due(nullptr, p, "1.1", &due), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_action_due(f.store, p, nullptr, &due), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_action_due(f.store, p, kBadUtf8, &due), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_action_due(f.store, p, "1.1", &kBadDate), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_action_due(f.store, p, "8.8", &due), OVERSIGHT_E_NOT_FOUND);

    // text fields
    EXPECT_FAIL(oversight_plan_set_action_text(nullptr, p, "1.1", "lead", "x"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_action_text(f.store, p, nullptr, "lead", "x"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_action_text(f.store, p, "1.1", nullptr, "x"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_action_text(f.store, p, "1.1", "lead", nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_action_text(f.store, p, "1.1", "lead", kBadUtf8), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_action_text(f.store, p, "1.1", kBadUtf8, "x"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_action_text(f.store, p, kBadUtf8, "lead", "x"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_action_text(f.store, p, "1.1", "status", "x"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_action_text(f.store, p, "8.8", "lead", "x"), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(f.history() == n);

    EXPECT_OK(oversight_plan_set_action_due(f.store, p, "1.1", &due));
    EXPECT_OK(oversight_plan_set_action_text(f.store, p, "1.1", "lead", "Mark Jowett"));
    EXPECT_OK(oversight_plan_set_action_text(f.store, p, "1.1", "description", kNasty));
    EXPECT_OK(oversight_plan_set_action_text(f.store, p, "1.1", "impact_intended", "Fewer cases unallocated"));
    EXPECT_OK(oversight_plan_set_action_text(f.store, p, "1.1", "impact_evidence", "Audit of 50 cases"));
    EXPECT_OK(oversight_plan_set_action_text(f.store, p, "1.1", "cost", "£15k per social worker"));
    BOOST_TEST(f.history() == n + 6);
    rows = actions_of(f.store, p, kAsOf);
    BOOST_TEST(rows[0].status == "complete");
    BOOST_TEST(rows[0].rag == "blue");
    BOOST_TEST(rows[0].lead == "Mark Jowett");
    BOOST_TEST(rows[0].description == kNasty);
    BOOST_TEST(rows[0].due.day == 30);
    EXPECT_OK(oversight_plan_set_action_due(f.store, p, "1.1", nullptr));  // back to the recommendation's date
    rows = actions_of(f.store, p, kAsOf);
    BOOST_TEST(rows[0].has_due);
    BOOST_TEST(rows[0].due.year == 2012);
    BOOST_TEST(rows[0].due.month == 9);
    BOOST_TEST(rows[0].due.day == 14);  // "Immediately": the report date
}

BOOST_AUTO_TEST_CASE(progress_milestones_tasks) {
    Fixture f;
    const int64_t p = f.plan;
    int64_t id = 0;
    auto n = f.history();
    EXPECT_FAIL(oversight_plan_add_progress(nullptr, p, "1.1", kAsOf, "A", "t", &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_progress(f.store, p, nullptr, kAsOf, "A", "t", &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_progress(f.store, p, "1.1", kAsOf, "A", nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_progress(f.store, p, "1.1", kAsOf, "A", "t", nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_progress(f.store, p, kBadUtf8, kAsOf, "A", "t", &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_progress(f.store, p, "1.1", kAsOf, kBadUtf8, "t", &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_progress(f.store, p, "1.1", kAsOf, "A", kBadUtf8, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_progress(f.store, p, "1.1", kBadDate, "A", "t", &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_progress(f.store, p, "1.1", kAsOf, "A", "   ", &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_progress(f.store, p, "5.5", kAsOf, "A", "t", &id), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_plan_add_progress(f.store, 999, "1.1", kAsOf, "A", "t", &id), OVERSIGHT_E_NOT_FOUND);

    EXPECT_FAIL(oversight_plan_add_milestone(nullptr, p, "1.1", kAsOf, "m", &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_milestone(f.store, p, nullptr, kAsOf, "m", &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_milestone(f.store, p, "1.1", kAsOf, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_milestone(f.store, p, "1.1", kAsOf, "m", nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_milestone(f.store, p, kBadUtf8, kAsOf, "m", &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_milestone(f.store, p, "1.1", kAsOf, kBadUtf8, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_milestone(f.store, p, "1.1", kBadDate, "m", &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_milestone(f.store, p, "5.5", kAsOf, "m", &id), OVERSIGHT_E_NOT_FOUND);

    EXPECT_FAIL(oversight_plan_add_task(nullptr, p, "1.1", "t", nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_task(f.store, p, nullptr, "t", nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_task(f.store, p, "1.1", nullptr, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_task(f.store, p, "1.1", "t", nullptr, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_task(f.store, p, kBadUtf8, "t", nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_task(f.store, p, "1.1", kBadUtf8, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_task(f.store, p, "1.1", "t", kBadUtf8, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_task(f.store, p, "1.1", "t", nullptr, &kBadDate, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_task(f.store, p, "5.5", "t", nullptr, nullptr, &id), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(id == 0);
    BOOST_TEST(f.history() == n);

    int64_t u = 0, m = 0, t = 0;
    EXPECT_OK(oversight_plan_add_progress(f.store, p, "1.1", kAsOf, nullptr, kNasty, &u));
    EXPECT_OK(oversight_plan_add_milestone(f.store, p, "1.1", oversight_date{2012, 10, 1}, "Posts advertised", &m));
    oversight_date due{2012, 12, 31};
    EXPECT_OK(oversight_plan_add_task(f.store, p, "1.1", "Reduce agency staff", "Mark Jowett", &due, &t));
    BOOST_TEST((u > 0 && m > 0 && t > 0));
    auto doc = f.export_text();
    BOOST_TEST(doc.find(nlohmann::json(kNasty).dump()) != std::string::npos);
    BOOST_TEST(doc.find("Reduce agency staff") != std::string::npos);

    // A milestone dated before as_of and not done makes an in-progress action
    // amber (once it is no longer overdue).
    oversight_date far{2013, 3, 31};
    EXPECT_OK(oversight_plan_set_action_due(f.store, p, "1.1", &far));
    auto rows = actions_of(f.store, p, kAsOf);
    BOOST_TEST(rows.at(0).rag == "amber");
    BOOST_TEST(rows.at(0).reason.find("Posts advertised") != std::string::npos);
    EXPECT_OK(oversight_plan_complete_milestone(f.store, m, 1));
    rows = actions_of(f.store, p, kAsOf);
    BOOST_TEST(rows.at(0).reason.find("Posts advertised") == std::string::npos);
    EXPECT_OK(oversight_plan_complete_task(f.store, t, 1));
    EXPECT_OK(oversight_plan_complete_task(f.store, t, 0));
    n = f.history();
    EXPECT_FAIL(oversight_plan_complete_milestone(nullptr, m, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_complete_milestone(f.store, 424242, 1), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(std::string(oversight_last_error_message()).find("424242") != std::string::npos);
    EXPECT_FAIL(oversight_plan_complete_task(nullptr, t, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_complete_task(f.store, 424242, 1), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(f.history() == n);
}

BOOST_AUTO_TEST_CASE(rag_override) {
    Fixture f;
    const int64_t p = f.plan;
    auto n = f.history();
    EXPECT_FAIL(oversight_plan_set_rag(nullptr, p, "1.1", "red", "Director", "why", kAsOf), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_rag(f.store, p, nullptr, "red", "Director", "why", kAsOf), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_rag(f.store, p, "1.1", nullptr, "Director", "why", kAsOf), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_rag(f.store, p, "1.1", "red", nullptr, "why", kAsOf), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_rag(f.store, p, "1.1", "red", "Director", nullptr, kAsOf), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_rag(f.store, p, kBadUtf8, "red", "Director", "why", kAsOf), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_rag(f.store, p, "1.1", kBadUtf8, "Director", "why", kAsOf), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_rag(f.store, p, "1.1", "red", kBadUtf8, "why", kAsOf), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_rag(f.store, p, "1.1", "red", "Director", kBadUtf8, kAsOf), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_rag(f.store, p, "1.1", "purple", "Director", "why", kAsOf), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_rag(f.store, p, "1.1", "none", "Director", "why", kAsOf), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_rag(f.store, p, "1.1", "red", "", "why", kAsOf), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_rag(f.store, p, "1.1", "red", "Director", "why", kBadDate), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_set_rag(f.store, p, "3.3", "red", "Director", "why", kAsOf), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_plan_clear_rag(f.store, p, "1.1"), OVERSIGHT_E_NOT_FOUND);  // none set
    EXPECT_FAIL(oversight_plan_clear_rag(nullptr, p, "1.1"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_clear_rag(f.store, p, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_clear_rag(f.store, p, kBadUtf8), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_clear_rag(f.store, p, "3.3"), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(f.history() == n);

    EXPECT_OK(oversight_plan_set_rag(f.store, p, "1.1", "Red", "Chief Executive", kNasty, kAsOf));
    auto rows = actions_of(f.store, p, kAsOf);
    BOOST_TEST(rows.at(0).rag == "red");
    BOOST_TEST(rows.at(0).reason.find("Chief Executive") != std::string::npos);
    BOOST_TEST(rows.at(0).reason.find(kNasty) != std::string::npos);
    EXPECT_OK(oversight_plan_clear_rag(f.store, p, "1.1"));
    rows = actions_of(f.store, p, kAsOf);
    BOOST_TEST(rows.at(0).reason.find("Chief Executive") == std::string::npos);
    BOOST_TEST(f.history() == n + 8);
}

BOOST_AUTO_TEST_CASE(people) {
    Fixture f;
    int64_t id = 0;
    auto n = f.history();
    EXPECT_FAIL(oversight_plan_add_person(nullptr, "A B", nullptr, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_person(f.store, nullptr, nullptr, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_person(f.store, "A B", nullptr, nullptr, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_person(f.store, kBadUtf8, nullptr, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_person(f.store, "A B", kBadUtf8, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_person(f.store, "A B", nullptr, kBadUtf8, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_person(f.store, "A B", nullptr, nullptr, kBadUtf8, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_add_person(f.store, "  ", nullptr, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(f.history() == n);
    EXPECT_OK(oversight_plan_add_person(f.store, "Lindsay Voss", "Head of Service", kNasty, nullptr, &id));
    EXPECT_FAIL(oversight_plan_add_person(f.store, "LINDSAY VOSS", nullptr, nullptr, nullptr, &id),
                OVERSIGHT_E_CONFLICT);

    char* out = nullptr;
    EXPECT_FAIL(oversight_plan_people_json(nullptr, f.plan, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_people_json(f.store, f.plan, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_people_json(f.store, 999, &out), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(out == nullptr);
    EXPECT_OK(oversight_plan_people_json(f.store, f.plan, &out));
    auto doc = nlohmann::json::parse(take(out));
    BOOST_TEST(doc["directory"].size() == 1u);
    BOOST_TEST(doc["directory"][0]["email"].get<std::string>() == kNasty);
    BOOST_TEST((doc["unlisted"] == nlohmann::json{"Felicity Budgen", "Lindsey Voss"}));
    bool voss = false;
    for (const auto& d : doc["probable_duplicates"]) {
        std::string a = d["a"], b = d["b"];
        voss = voss || (a.find("Voss") != std::string::npos && b.find("Voss") != std::string::npos);
    }
    BOOST_TEST(voss);

    n = f.history();
    EXPECT_FAIL(oversight_plan_merge_people(nullptr, "Lindsey Voss", "Lindsay Voss"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_merge_people(f.store, nullptr, "Lindsay Voss"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_merge_people(f.store, "Lindsey Voss", nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_merge_people(f.store, kBadUtf8, "Lindsay Voss"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_merge_people(f.store, "Lindsey Voss", kBadUtf8), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_merge_people(f.store, "Nobody At All", "Lindsay Voss"), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(std::string(oversight_last_error_message()).find("Nobody At All") != std::string::npos);
    EXPECT_FAIL(oversight_plan_merge_people(f.store, "Lindsay Voss", "Lindsay Voss"), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(f.history() == n);
    EXPECT_OK(oversight_plan_merge_people(f.store, "Lindsey Voss", "Lindsay Voss"));
    BOOST_TEST(f.history() == n + 1);
    EXPECT_OK(oversight_plan_people_json(f.store, f.plan, &out));
    doc = nlohmann::json::parse(take(out));
    BOOST_TEST((doc["unlisted"] == nlohmann::json{"Felicity Budgen"}));
}

BOOST_AUTO_TEST_CASE(reports) {
    Fixture f;
    char* out = nullptr;
    for (const char* kind : {"full", "plan", "due", "leads", "costs"}) {
        for (const char* format : {"text", "md", "csv", "json"}) {
            BOOST_TEST_CONTEXT(kind << " " << format) {
                EXPECT_OK(oversight_plan_report(f.store, f.plan, kind, format, kAsOf, &out));
                std::string text = take(out);
                BOOST_TEST(!text.empty());
                if (std::string(format) == "json") BOOST_CHECK_NO_THROW(nlohmann::json::parse(text));
            }
        }
    }
    EXPECT_OK(oversight_plan_report_within(f.store, f.plan, "due", "json", kAsOf, 0, &out));
    BOOST_CHECK_NO_THROW(nlohmann::json::parse(take(out)));

    EXPECT_FAIL(oversight_plan_report(nullptr, f.plan, "full", "text", kAsOf, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_report(f.store, f.plan, nullptr, "text", kAsOf, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_report(f.store, f.plan, "full", nullptr, kAsOf, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_report(f.store, f.plan, "full", "text", kAsOf, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_report(f.store, f.plan, kBadUtf8, "text", kAsOf, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_report(f.store, f.plan, "full", kBadUtf8, kAsOf, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_report(f.store, f.plan, "everything", "text", kAsOf, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_report(f.store, f.plan, "full", "pdf", kAsOf, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_report(f.store, f.plan, "full", "text", kBadDate, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_report(f.store, 999, "full", "text", kAsOf, &out), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_plan_report_within(nullptr, f.plan, "due", "text", kAsOf, 28, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_report_within(f.store, f.plan, nullptr, "text", kAsOf, 28, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_report_within(f.store, f.plan, "due", nullptr, kAsOf, 28, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_report_within(f.store, f.plan, "due", "text", kAsOf, 28, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_report_within(f.store, f.plan, "due", "text", kAsOf, -1, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_report_within(f.store, f.plan, "due", "text", kBadDate, 28, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_plan_report_within(f.store, 999, "due", "text", kAsOf, 28, &out), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(out == nullptr);
}

BOOST_AUTO_TEST_CASE(report_due_soon_window_is_the_plans_setting) {
    Fixture f;
    const oversight_date due{2012, 10, 22};  // kAsOf + 10 days
    EXPECT_OK(oversight_plan_set_action_due(f.store, f.plan, "1.1", &due));
    const auto due_soon = [&](bool within, int32_t days) {
        char* out = nullptr;
        if (within)
            EXPECT_OK(oversight_plan_report_within(f.store, f.plan, "due", "json", kAsOf, days, &out));
        else
            EXPECT_OK(oversight_plan_report(f.store, f.plan, "due", "json", kAsOf, &out));
        const nlohmann::json j = nlohmann::json::parse(take(out));
        return std::make_pair(j["due"]["within_days"].get<int>(), j["due"]["due_soon"].size());
    };
    EXPECT_OK(oversight_plan_set_settings(f.store, f.plan, 0, 5, 90));
    BOOST_TEST(due_soon(false, 0).first == 5);
    BOOST_TEST(due_soon(false, 0).second == 0u);
    EXPECT_OK(oversight_plan_set_settings(f.store, f.plan, 0, 10, 90));
    BOOST_TEST(due_soon(false, 0).first == 10);
    BOOST_TEST(due_soon(false, 0).second == 1u);
    // _within overrides the setting.
    BOOST_TEST(due_soon(true, 5).first == 5);
    BOOST_TEST(due_soon(true, 5).second == 0u);
}

BOOST_AUTO_TEST_CASE(action_iterator) {
    Fixture f;
    oversight_action_iter* it = reinterpret_cast<oversight_action_iter*>(&f);  // must be reset to NULL
    EXPECT_FAIL(oversight_action_iter_open(nullptr, f.store, f.plan, kAsOf), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_action_iter_open(&it, nullptr, f.plan, kAsOf), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(it == nullptr);
    EXPECT_FAIL(oversight_action_iter_open(&it, f.store, 999, kAsOf), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_action_iter_open(&it, f.store, f.plan, kBadDate), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(it == nullptr);

    int32_t has = 7;
    EXPECT_FAIL(oversight_action_iter_next(nullptr, &has), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(has == 0);
    oversight_date due{};
    int32_t has_due = 0;
    EXPECT_FAIL(oversight_action_iter_due(nullptr, &due, &has_due), OVERSIGHT_E_INVALID_ARG);
    // NULL iterator: neutral values.
    BOOST_TEST(std::string(oversight_action_iter_ref(nullptr)).empty());
    BOOST_TEST(std::string(oversight_action_iter_description(nullptr)).empty());
    BOOST_TEST(std::string(oversight_action_iter_lead(nullptr)).empty());
    BOOST_TEST(std::string(oversight_action_iter_status(nullptr)).empty());
    BOOST_TEST(std::string(oversight_action_iter_rag(nullptr)).empty());
    BOOST_TEST(std::string(oversight_action_iter_rag_reason(nullptr)).empty());
    BOOST_TEST(oversight_action_iter_recommendation(nullptr) == 0);
    oversight_action_iter_free(nullptr);

    EXPECT_OK(oversight_action_iter_open(&it, f.store, f.plan, kAsOf));
    // Before the first next(): no current action.
    BOOST_TEST(std::string(oversight_action_iter_ref(it)).empty());
    EXPECT_FAIL(oversight_action_iter_due(it, &due, &has_due), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_action_iter_next(it, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_OK(oversight_action_iter_next(it, &has));
    BOOST_TEST(has == 1);
    BOOST_TEST(std::string(oversight_action_iter_ref(it)) == "1.1");
    BOOST_TEST(std::string(oversight_action_iter_status(it)) == "in_progress");
    // Immediately, report date 2012-09-14: overdue as of 2012-10-12.
    BOOST_TEST(std::string(oversight_action_iter_rag(it)) == "red");
    BOOST_TEST(std::string(oversight_action_iter_rag_reason(it)).find("2012-09-14") != std::string::npos);
    EXPECT_FAIL(oversight_action_iter_due(it, nullptr, &has_due), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_action_iter_due(it, &due, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_OK(oversight_action_iter_due(it, &due, &has_due));
    BOOST_TEST(has_due == 1);
    BOOST_TEST(due.day == 14);
    EXPECT_OK(oversight_action_iter_next(it, &has));
    BOOST_TEST(has == 0);
    EXPECT_OK(oversight_action_iter_next(it, &has));  // stays at the end
    BOOST_TEST(has == 0);
    BOOST_TEST(std::string(oversight_action_iter_ref(it)).empty());
    BOOST_TEST(oversight_action_iter_recommendation(it) == 0);
    oversight_action_iter_free(it);
}

BOOST_AUTO_TEST_SUITE_END()
