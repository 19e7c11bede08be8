// <oversight/c/import.h>, only through <oversight.h>: the seed format, the
// canonical plan files and SSDA903, with every malformed argument. The round
// trip runs on the sample plan everywhere and on the real seed plan when
// ../shared is present; SSDA903 on the project's sample and damaged returns.
#include "capi_test.hpp"

#include "plan_fixture.hpp"

using namespace capi_test;

namespace {

oversight_import_options report_dated(const oversight_date* date, const char* title = nullptr,
                                      const char* authority = nullptr) {
    oversight_import_options o = OVERSIGHT_IMPORT_OPTIONS_INIT;
    o.report_date = date;
    o.title = title;
    o.authority = authority;
    return o;
}

// Imports a plan in the seed format, then checks that its canonical JSON and
// CSV go back in unchanged and that import options replace the file's values.
void seed_and_canonical_round_trip(const std::string& path, const oversight_date& report_date,
                                   int recommendations, int min_actions) {
    MemoryStore m;
    int64_t plan = 0;
    char* summary = nullptr;
    auto o = report_dated(&report_date, "Improvement plan", "Southampton");
    EXPECT_OK(oversight_import_seed_plan(m.store, path.c_str(), &o, &plan, &summary));
    BOOST_TEST(plan > 0);
    const auto s = take_document(summary, "oversight-import-summary");
    BOOST_TEST(s["importer"] == "seed-plan");
    BOOST_TEST(s["source"] == path);
    BOOST_TEST(s["counts"]["recommendations"] == recommendations);
    BOOST_TEST(s["counts"]["actions"].get<int>() >= min_actions);
    BOOST_TEST(!s["issues"].empty());
    for (const auto& w : s["issues"]) {
        BOOST_TEST(w["line"].is_number_integer());
        // A repair or a doubt is a warning; a cell not used (a stray lead) an error.
        BOOST_TEST((w["severity"] == "warning" || w["severity"] == "error"));
        BOOST_TEST(!w["message"].get<std::string>().empty());
    }
    int64_t latest = 0;
    EXPECT_OK(oversight_plan_latest(m.store, &latest));
    BOOST_TEST(latest == plan);

    char* json = nullptr;
    EXPECT_OK(oversight_plan_export_json(m.store, plan, &json));
    const std::string text = take(json);
    BOOST_TEST(contains(text, "\"authority\": \"Southampton\""));
    // The canonical JSON goes back in as an equal plan; NULL options keep the file's values.
    int64_t again = 0;
    EXPECT_OK(oversight_import_plan_json(m.store, text.c_str(), nullptr, &again, nullptr));
    BOOST_TEST(again != plan);
    EXPECT_OK(oversight_plan_export_json(m.store, again, &json));
    BOOST_TEST(take(json) == text);
    // And the CSV too.
    char* csv = nullptr;
    EXPECT_OK(oversight_plan_export_csv(m.store, plan, &csv));
    const std::string csv_text = take(csv);
    int64_t third = 0;
    summary = nullptr;
    EXPECT_OK(oversight_import_plan_csv(m.store, csv_text.c_str(), nullptr, &third, &summary));
    EXPECT_OK(oversight_plan_export_json(m.store, third, &json));
    BOOST_TEST(take(json) == text);
    // The summary of a canonical import: the same shape as every import's.
    const auto read = nlohmann::json::parse(take(summary));
    BOOST_TEST(read["format"] == "oversight-import-summary");
    BOOST_TEST(read["importer"] == "plan-csv");
    BOOST_TEST(read["counts"]["recommendations"] == nlohmann::json::parse(text)["recommendations"].size());
    BOOST_TEST(read["issues"].empty());

    // Options replace the file's title, authority and report date.
    const oversight_date later{2012, 9, 21};
    o = report_dated(&later, "Renamed", kSql);
    int64_t fourth = 0, fifth = 0;
    EXPECT_OK(oversight_import_plan_json(m.store, text.c_str(), &o, &fourth, nullptr));
    EXPECT_OK(oversight_import_plan_csv(m.store, csv_text.c_str(), &o, &fifth, nullptr));
    for (int64_t id : {fourth, fifth}) {
        EXPECT_OK(oversight_plan_export_json(m.store, id, &json));
        const auto doc = nlohmann::json::parse(take(json));
        BOOST_TEST(doc["title"] == "Renamed");
        BOOST_TEST(doc["authority"] == kSql);
        BOOST_TEST(doc["report_date"] == "2012-09-21");
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(import)

BOOST_AUTO_TEST_CASE(options_init) {
    oversight_import_options o{};
    EXPECT_OK(oversight_import_options_init(&o, OVERSIGHT_IMPORT_OPTIONS_VERSION));
    BOOST_TEST((o.report_date == nullptr && o.title == nullptr && o.authority == nullptr && o.recorded_by == nullptr));
    EXPECT_FAIL(oversight_import_options_init(nullptr, OVERSIGHT_IMPORT_OPTIONS_VERSION), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_import_options_init(&o, 0), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_import_options_init(&o, 2), OVERSIGHT_E_INVALID_ARG);
}

BOOST_AUTO_TEST_CASE(the_sample_plan_and_the_canonical_round_trip) {
    seed_and_canonical_round_trip(kSamplePlan, kSampleReport, 8, 15);
}

BOOST_AUTO_TEST_CASE(the_seed_plan_and_the_canonical_round_trip,
                     *boost::unit_test::precondition(oversight::test::needs_shared(oversight::test::kSeedPlan))) {
    seed_and_canonical_round_trip(kSeed, kReport, 20, 31);
}

BOOST_AUTO_TEST_CASE(seed_arguments) {
    PlanFixture f;
    int64_t id = 0;
    char* summary = nullptr;
    auto n = f.history();
    auto o = report_dated(&kSampleReport);
    EXPECT_FAIL(oversight_import_seed_plan(nullptr, kSamplePlan, &o, &id, &summary), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_import_seed_plan(f.store, nullptr, &o, &id, &summary), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_import_seed_plan(f.store, kSamplePlan, &o, nullptr, &summary), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(summary == nullptr);
    EXPECT_FAIL(oversight_import_seed_plan(f.store, kBadUtf8, &o, &id, &summary), OVERSIGHT_E_INVALID_ARG);
    o = report_dated(&kSampleReport, kBadUtf8);
    EXPECT_FAIL(oversight_import_seed_plan(f.store, kSamplePlan, &o, &id, &summary), OVERSIGHT_E_INVALID_ARG);
    o = report_dated(&kSampleReport, nullptr, kBadUtf8);
    EXPECT_FAIL(oversight_import_seed_plan(f.store, kSamplePlan, &o, &id, &summary), OVERSIGHT_E_INVALID_ARG);
    o = report_dated(&kBadDate);
    EXPECT_FAIL(oversight_import_seed_plan(f.store, kSamplePlan, &o, &id, &summary), OVERSIGHT_E_INVALID_ARG);
    o = report_dated(&kSampleReport);
    o.recorded_by = "x";  // SSDA903 only: refused, not ignored
    EXPECT_FAIL(oversight_import_seed_plan(f.store, kSamplePlan, &o, &id, &summary), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "recorded_by"), message());
    o = report_dated(&kSampleReport);
    o.version = 0;
    EXPECT_FAIL(oversight_import_seed_plan(f.store, kSamplePlan, &o, &id, &summary), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "oversight_import_options"), message());
    oversight_last_error_clear();
    id = 7;
    summary = reinterpret_cast<char*>(0x1);
    const oversight_status missing = oversight_import_seed_plan(f.store, "/nonexistent/plan.txt", nullptr, &id, &summary);
    BOOST_TEST((missing == OVERSIGHT_E_NOT_FOUND || missing == OVERSIGHT_E_IO));
    BOOST_TEST(contains(message(), "/nonexistent/plan.txt"));
    BOOST_TEST(id == 0);
    BOOST_TEST(summary == nullptr);
    EXPECT_FAIL(oversight_import_seed_plan(f.store, kSql, nullptr, &id, &summary), missing);
    BOOST_TEST(f.history() == n);
    // The summary is optional; NULL options are allowed.
    EXPECT_OK(oversight_import_seed_plan(f.store, kSamplePlan, nullptr, &id, nullptr));
    BOOST_TEST(id > f.plan);
}

BOOST_AUTO_TEST_CASE(canonical_text_arguments) {
    PlanFixture f;
    int64_t id = 0;
    auto n = f.history();
    const std::string json = f.export_text();
    EXPECT_FAIL(oversight_import_plan_json(nullptr, json.c_str(), nullptr, &id, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_import_plan_json(f.store, nullptr, nullptr, &id, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_import_plan_json(f.store, json.c_str(), nullptr, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_import_plan_json(f.store, kBadUtf8, nullptr, &id, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_import_plan_json(f.store, "{\"title\": ", nullptr, &id, nullptr), OVERSIGHT_E_PARSE);
    // A number too large for a double: a parse error, not E_INTERNAL (issue 8).
    EXPECT_FAIL(oversight_import_plan_json(f.store, "{\"format\": \"oversight-plan\", \"version\": 5e444}", nullptr,
                                           &id, nullptr),
                OVERSIGHT_E_PARSE);
    BOOST_TEST(contains(message(), "5e444"), message());
    EXPECT_FAIL(oversight_import_plan_json(f.store, kSql, nullptr, &id, nullptr), OVERSIGHT_E_PARSE);
    EXPECT_FAIL(oversight_import_plan_csv(nullptr, "x", nullptr, &id, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_import_plan_csv(f.store, nullptr, nullptr, &id, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_import_plan_csv(f.store, "x", nullptr, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_import_plan_csv(f.store, kBadUtf8, nullptr, &id, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_import_plan_csv(f.store, "not,a,plan\n1,2,3\n", nullptr, &id, nullptr), OVERSIGHT_E_PARSE);
    auto o = report_dated(&kBadDate);
    EXPECT_FAIL(oversight_import_plan_json(f.store, json.c_str(), &o, &id, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_import_plan_csv(f.store, "x", &o, &id, nullptr), OVERSIGHT_E_INVALID_ARG);
    o = report_dated(nullptr, kBadUtf8);
    EXPECT_FAIL(oversight_import_plan_json(f.store, json.c_str(), &o, &id, nullptr), OVERSIGHT_E_INVALID_ARG);
    o = report_dated(nullptr);
    o.recorded_by = "x";
    EXPECT_FAIL(oversight_import_plan_json(f.store, json.c_str(), &o, &id, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_import_plan_csv(f.store, "x", &o, &id, nullptr), OVERSIGHT_E_INVALID_ARG);
    o = report_dated(nullptr);
    o.version = 3;
    EXPECT_FAIL(oversight_import_plan_json(f.store, json.c_str(), &o, &id, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_import_plan_csv(f.store, "x", &o, &id, nullptr), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(id == 0);
    BOOST_TEST(f.history() == n);
}

BOOST_AUTO_TEST_CASE(ssda903) {
    MemoryStore m;
    const std::string bad = OVERSIGHT_TEST_DATA_DIR "/casework_903_bad";
    char* out = reinterpret_cast<char*>(1);
    EXPECT_FAIL(oversight_import_ssda903(nullptr, bad.c_str(), nullptr, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(out == nullptr);
    EXPECT_FAIL(oversight_import_ssda903(m.store, nullptr, nullptr, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_import_ssda903(m.store, bad.c_str(), nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_import_ssda903(m.store, kBadUtf8, nullptr, &out), OVERSIGHT_E_INVALID_ARG);
    oversight_import_options o = OVERSIGHT_IMPORT_OPTIONS_INIT;
    o.recorded_by = kBadUtf8;
    EXPECT_FAIL(oversight_import_ssda903(m.store, bad.c_str(), &o, &out), OVERSIGHT_E_INVALID_ARG);
    o.recorded_by = nullptr;
    o.title = "x";  // plans only: refused, not ignored
    EXPECT_FAIL(oversight_import_ssda903(m.store, bad.c_str(), &o, &out), OVERSIGHT_E_INVALID_ARG);
    o = oversight_import_options OVERSIGHT_IMPORT_OPTIONS_INIT;
    o.report_date = &kReport;
    EXPECT_FAIL(oversight_import_ssda903(m.store, bad.c_str(), &o, &out), OVERSIGHT_E_INVALID_ARG);
    o = oversight_import_options OVERSIGHT_IMPORT_OPTIONS_INIT;
    o.authority = "x";
    EXPECT_FAIL(oversight_import_ssda903(m.store, bad.c_str(), &o, &out), OVERSIGHT_E_INVALID_ARG);
    o = oversight_import_options OVERSIGHT_IMPORT_OPTIONS_INIT;
    o.version = 0;
    EXPECT_FAIL(oversight_import_ssda903(m.store, bad.c_str(), &o, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_import_ssda903(m.store, kSql, nullptr, &out), OVERSIGHT_E_IO);
    BOOST_TEST(out == nullptr);

    o = oversight_import_options OVERSIGHT_IMPORT_OPTIONS_INIT;
    o.recorded_by = kSql;
    EXPECT_OK(oversight_import_ssda903(m.store, bad.c_str(), &o, &out));
    const auto j = take_document(out, "oversight-import-summary");
    BOOST_TEST(j["importer"] == "ssda903");
    BOOST_TEST(j["counts"]["children_added"] == 4);
    BOOST_TEST(j["counts"]["events_added"] == 11);  // with two inferred starts of care (part-way, after a cessation)
    BOOST_TEST(j["issues"].size() == 16u);
    for (const auto& w : j["issues"]) {
        BOOST_TEST(w["line"].get<int>() > 1);
        BOOST_TEST(!w["message"].get<std::string>().empty());
        BOOST_TEST(contains(w["file"].get<std::string>(), ".csv"));
    }
    EXPECT_OK(oversight_casework_list_json(m.store, nullptr, nullptr, oversight_date{2024, 3, 11}, &out));
    BOOST_TEST(nlohmann::json::parse(take(out))["cases"].size() == 4u);
    // Again: nothing new.
    EXPECT_OK(oversight_import_ssda903(m.store, bad.c_str(), nullptr, &out));
    BOOST_TEST(take_document(out, "oversight-import-summary")["counts"]["events_added"] == 0);
}

BOOST_AUTO_TEST_CASE(ssda903_sample_return) {
    // The project's own small return (tests/data/ssda903_sample/README.md):
    // five children, eight episodes, five reviews, one row breaking DfE rule 148.
    MemoryStore m;
    const std::string sample = OVERSIGHT_TEST_DATA_DIR "/ssda903_sample";
    char* out = nullptr;
    EXPECT_OK(oversight_import_ssda903(m.store, sample.c_str(), nullptr, &out));
    const auto j = take_document(out, "oversight-import-summary");
    BOOST_TEST(j["counts"]["children_added"] == 5);
    BOOST_TEST(j["counts"]["events_added"].get<int>() > 8);
    BOOST_TEST(j["issues"].size() == 1u, j["issues"].dump());
    BOOST_TEST(j["issues"][0]["file"] == "episodes.csv");
    EXPECT_OK(oversight_casework_list_json(m.store, nullptr, nullptr, oversight_date{2018, 3, 31}, &out));
    BOOST_TEST(take_document(out, "oversight-case-list")["cases"].size() == 5u);
    oversight_reminders_query q = OVERSIGHT_REMINDERS_QUERY_INIT;
    const oversight_date as_of{2018, 3, 31};
    q.as_of = &as_of;
    EXPECT_OK(oversight_reminders_json(m.store, &q, &out));
    BOOST_TEST(!take_document(out, "oversight-reminders")["reminders"].empty());
}

BOOST_AUTO_TEST_CASE(statutory_returns) {
    MemoryStore m;
    const std::string cin = OVERSIGHT_TEST_DATA_DIR "/cin_census_sample/cin_sample.xml";
    const std::string csww = OVERSIGHT_TEST_DATA_DIR "/csww_sample/return.xml";
    const std::string annex_a = OVERSIGHT_TEST_DATA_DIR "/annex_a_sample/sample.xlsx";
    const std::string folder = OVERSIGHT_TEST_DATA_DIR "/ssda903_sample";
    char* out = reinterpret_cast<char*>(1);

    oversight_import_return_options o;
    EXPECT_FAIL(oversight_import_return_options_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_import_return_options_init(&o, 99), OVERSIGHT_E_INVALID_ARG);
    EXPECT_OK(oversight_import_return_options_init(&o, OVERSIGHT_IMPORT_RETURN_OPTIONS_VERSION));
    BOOST_TEST(o.format == nullptr);
    BOOST_TEST(o.path_count == 0u);

    const char* one[] = {cin.c_str()};
    o.format = "cin";
    o.paths = one;
    o.path_count = 1;
    EXPECT_FAIL(oversight_import_return(nullptr, &o, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(out == nullptr);
    EXPECT_FAIL(oversight_import_return(m.store, nullptr, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_import_return(m.store, &o, nullptr), OVERSIGHT_E_INVALID_ARG);
    o.format = "pdf";
    EXPECT_FAIL(oversight_import_return(m.store, &o, &out), OVERSIGHT_E_INVALID_ARG);
    o.format = nullptr;
    EXPECT_FAIL(oversight_import_return(m.store, &o, &out), OVERSIGHT_E_INVALID_ARG);
    o.format = "cin";
    o.path_count = 0;
    EXPECT_FAIL(oversight_import_return(m.store, &o, &out), OVERSIGHT_E_INVALID_ARG);
    o.path_count = 1;
    o.paths = nullptr;
    EXPECT_FAIL(oversight_import_return(m.store, &o, &out), OVERSIGHT_E_INVALID_ARG);
    const char* bad[] = {kBadUtf8};
    o.paths = bad;
    EXPECT_FAIL(oversight_import_return(m.store, &o, &out), OVERSIGHT_E_INVALID_ARG);
    const char* null_path[] = {nullptr};
    o.paths = null_path;
    EXPECT_FAIL(oversight_import_return(m.store, &o, &out), OVERSIGHT_E_INVALID_ARG);
    const char* missing[] = {kSql};
    o.paths = missing;
    EXPECT_FAIL(oversight_import_return(m.store, &o, &out), OVERSIGHT_E_IO);
    o.version = 0;
    o.paths = one;
    EXPECT_FAIL(oversight_import_return(m.store, &o, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(out == nullptr);

    // Each format, twice: the second import adds nothing.
    struct Case {
        const char* format;
        std::string path;
        const char* importer;
        const char* count;  // a count the first import makes positive
    };
    for (const Case& c : {Case{"cin", cin, "cin-census", "events_added"}, Case{"CSWW", csww, "csww", "appointments_added"},
                          Case{"annex-a", annex_a, "annex-a", "allocations_added"},
                          Case{"ssda903", folder, "ssda903", "events_added"}}) {
        oversight_import_return_options r = OVERSIGHT_IMPORT_RETURN_OPTIONS_INIT;
        const char* paths[] = {c.path.c_str()};
        r.format = c.format;
        r.paths = paths;
        r.path_count = 1;
        r.recorded_by = "c test";
        EXPECT_OK(oversight_import_return(m.store, &r, &out));
        const auto first = take_document(out, "oversight-import-summary");
        BOOST_TEST(first["importer"] == c.importer);
        BOOST_TEST(first["source"] == c.path);
        BOOST_TEST(first["counts"][c.count].get<int>() > 0, c.format);
        BOOST_TEST(first["counts"]["files_read"] == 1);
        EXPECT_OK(oversight_import_return(m.store, &r, &out));
        const auto second = take_document(out, "oversight-import-summary");
        BOOST_TEST(second["counts"][c.count] == 0, c.format);
    }

    // Several paths, one unreadable: one summary, the unreadable one reported.
    const char* two[] = {cin.c_str(), kSql};
    o = oversight_import_return_options OVERSIGHT_IMPORT_RETURN_OPTIONS_INIT;
    o.format = "cin";
    o.paths = two;
    o.path_count = 2;
    EXPECT_OK(oversight_import_return(m.store, &o, &out));
    const auto j = take_document(out, "oversight-import-summary");
    BOOST_TEST(j["counts"]["files_read"] == 1);
    BOOST_TEST(j["counts"]["files_not_read"] == 1);
    BOOST_TEST(j["issues"].back()["file"] == kSql);
    BOOST_TEST(j["issues"].back()["severity"] == "error");
}

BOOST_AUTO_TEST_SUITE_END()
