// <oversight/c/casework.h> only through <oversight.h>: every function with
// NULL for each pointer, malformed arguments, unknown ids and SQL
// metacharacters.
#include "capi_test.hpp"

#include "casework_fixture.hpp"

using namespace capi_test;

BOOST_AUTO_TEST_SUITE(casework)

BOOST_FIXTURE_TEST_CASE(children_reject_bad_arguments, CaseworkFixture) {
    EXPECT_FAIL(oversight_casework_save_child(nullptr, "C9", nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_save_child(store, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_save_child(store, kBadUtf8, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_save_child(store, "C9", &kBadDate), OVERSIGHT_E_INVALID_ARG);

    EXPECT_FAIL(oversight_casework_allocate(nullptr, "C1", "Ann Lee", kStart), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_allocate(store, nullptr, "Ann Lee", kStart), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_allocate(store, "C1", nullptr, kStart), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_allocate(store, "C1", "Ann Lee", kBadDate), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_allocate(store, kEvil, "Ann Lee", kStart), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_casework_allocate(store, "C1", kEvil, kStart), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_casework_allocate(store, "C1", kBadUtf8, kStart), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_allocate(store, "C1", "Ann Lee", oversight_date{2024, 2, 1}),
                OVERSIGHT_E_INVALID_ARG);  // before the current allocation began

    EXPECT_FAIL(oversight_casework_set_attribute(nullptr, "C1", "legal_status", "C2", kStart), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_set_attribute(store, nullptr, "legal_status", "C2", kStart), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_set_attribute(store, "C1", nullptr, "C2", kStart), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_set_attribute(store, "C1", "legal_status", nullptr, kStart), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_set_attribute(store, "C1", "legal_status", "C2", kBadDate), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_set_attribute(store, "C1", kEvil, "C2", kStart), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_set_attribute(store, "C1", "legal_status", kBadUtf8, kStart), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_set_attribute(store, kEvil, "legal_status", "C2", kStart), OVERSIGHT_E_NOT_FOUND);
}

BOOST_FIXTURE_TEST_CASE(events_reject_bad_arguments, CaseworkFixture) {
    oversight_casework_event e{};
    EXPECT_OK(oversight_casework_event_init(&e, OVERSIGHT_CASEWORK_EVENT_VERSION));
    BOOST_TEST((e.child_id == nullptr && e.type == nullptr && e.date.year == 0 && e.attributes_json == nullptr &&
                e.recorded_by == nullptr && e.rule_pack == nullptr));
    EXPECT_FAIL(oversight_casework_event_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_event_init(&e, 0), OVERSIGHT_E_INVALID_ARG);

    int64_t id = 7;
    const auto record = [&](const oversight_casework_event& ev) {
        return oversight_casework_record_event(store, &ev, &id);
    };
    e = event("C1", "visit", kStart);
    EXPECT_FAIL(oversight_casework_record_event(nullptr, &e, &id), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(id == 0);
    EXPECT_FAIL(oversight_casework_record_event(store, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    e.version = 2;                                             EXPECT_FAIL(record(e), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(record(event(nullptr, "visit", kStart)), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(record(event("C1", nullptr, kStart)), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(record(event("C1", "visit", kStart, nullptr, nullptr)), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(record(event("C1", "visit", kBadDate)), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(record(event("C1", "visit", oversight_date{0, 0, 0})), OVERSIGHT_E_INVALID_ARG);  // INIT left unset
    EXPECT_FAIL(record(event("C1", "visit", oversight_date{2999, 1, 1})), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(record(event("C1", kEvil, kStart)), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(record(event("C1", "tea_break", kStart)), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(record(event("C1", "visit", kStart, "not json")), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(record(event("C1", "visit", kStart, "[1,2]")), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(record(event("C1", "visit", kStart, "{\"k\":1}")), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(record(event("C1", "visit", kStart, kBadUtf8)), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(record(event("C1", "visit", kStart, nullptr, kBadUtf8)), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(record(event(kEvil, "visit", kStart)), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(record(event(kBadUtf8, "visit", kStart)), OVERSIGHT_E_INVALID_ARG);
    EXPECT_OK(record(event("C1", "visit", oversight_date{2024, 3, 5})));
    BOOST_TEST(id > 0);
    // out_event_id may be NULL.
    e = event("C1", "visit", oversight_date{2024, 3, 6});
    EXPECT_OK(oversight_casework_record_event(store, &e, nullptr));
    // An event type a rule pack uses counts when that pack is given.
    oversight_rule_pack* pack = nullptr;
    EXPECT_OK(oversight_rule_pack_open_toml(&pack,
                                            "name = \"local\"\n[[rule]]\nid = \"x.tea\"\ntitle = \"Tea\"\n"
                                            "kind = \"within\"\ntrigger = \"tea_break\"\nsatisfied_by = [\"visit\"]\n"
                                            "duration = \"5 working days\"\nsource = \"Local\"\nstatus = \"local\"\n",
                                            nullptr));
    e = event("C1", "tea_break", kStart);
    e.rule_pack = pack;
    EXPECT_OK(record(e));
    oversight_rule_pack_free(pack);
}

BOOST_FIXTURE_TEST_CASE(case_and_list_documents, CaseworkFixture) {
    char* out = reinterpret_cast<char*>(1);
    EXPECT_FAIL(oversight_casework_case_json(nullptr, "C1", kCaseAsOf, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(out == nullptr);
    EXPECT_FAIL(oversight_casework_case_json(store, nullptr, kCaseAsOf, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_case_json(store, "C1", kCaseAsOf, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_case_json(store, "C1", kBadDate, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_case_json(store, kEvil, kCaseAsOf, &out), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_casework_case_json(store, kBadUtf8, kCaseAsOf, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_OK(oversight_casework_case_json(store, "C1", kCaseAsOf, &out));
    const auto j = take_document(out, "oversight-case");
    BOOST_TEST(j["child"] == "C1");
    BOOST_TEST(j["worker"] == "Ann Lee");
    BOOST_TEST(j["team"] == "Team A");
    BOOST_TEST(j["events"].size() == 2u);
    BOOST_TEST(j["events"][1]["attributes"]["placement_type"] == "U1");

    EXPECT_FAIL(oversight_casework_list_json(nullptr, nullptr, nullptr, kCaseAsOf, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_list_json(store, nullptr, nullptr, kCaseAsOf, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_list_json(store, nullptr, nullptr, kBadDate, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_list_json(store, kEvil, nullptr, kCaseAsOf, &out), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_casework_list_json(store, nullptr, kEvil, kCaseAsOf, &out), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_casework_list_json(store, kBadUtf8, nullptr, kCaseAsOf, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_list_json(store, nullptr, kBadUtf8, kCaseAsOf, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_OK(oversight_casework_list_json(store, nullptr, "Team A", kCaseAsOf, &out));
    const auto list = take_document(out, "oversight-case-list")["cases"];
    BOOST_TEST_REQUIRE(list.size() == 1u);
    BOOST_TEST(list[0]["child"] == "C1");
    BOOST_TEST(list[0]["allocated_from"] == "2024-03-01");
    BOOST_TEST(list[0]["events"] == 2);
    EXPECT_OK(oversight_casework_list_json(store, "Ann Lee", nullptr, kCaseAsOf, &out));
    BOOST_TEST(take_document(out, "oversight-case-list")["cases"].size() == 1u);
}

BOOST_FIXTURE_TEST_CASE(sql_metacharacters_are_stored_verbatim, CaseworkFixture) {
    oversight_workforce_team t = OVERSIGHT_WORKFORCE_TEAM_INIT;
    t.name = kEvil;
    t.manager = kEvil;
    t.email = kEvil;
    EXPECT_OK(oversight_workforce_save_team(store, &t));
    oversight_workforce_worker w = OVERSIGHT_WORKFORCE_WORKER_INIT;
    w.name = kEvil;
    w.team = kEvil;
    EXPECT_OK(oversight_workforce_save_worker(store, &w));
    EXPECT_OK(oversight_casework_save_child(store, kEvil, &kStart));
    EXPECT_OK(oversight_casework_allocate(store, kEvil, kEvil, kStart));
    EXPECT_OK(oversight_casework_set_attribute(store, kEvil, "legal_status", kEvil, kStart));
    const std::string attrs = nlohmann::json{{"note", kEvil}}.dump();
    auto e = event(kEvil, "visit", kStart, attrs.c_str(), kEvil);
    EXPECT_OK(oversight_casework_record_event(store, &e, nullptr));
    char* out = nullptr;
    EXPECT_OK(oversight_casework_case_json(store, kEvil, kCaseAsOf, &out));
    const auto j = take_document(out, "oversight-case");
    BOOST_TEST(j["child"] == kEvil);
    BOOST_TEST(j["worker"] == kEvil);
    BOOST_TEST(j["team"] == kEvil);
    BOOST_TEST(j["attributes"]["legal_status"] == kEvil);
    BOOST_REQUIRE(j["attribute_changes"].size() == 1u);  // dated: the value and its date
    BOOST_TEST(j["attribute_changes"][0]["value"] == kEvil);
    BOOST_TEST(j["attribute_changes"][0]["effective_from"] == "2024-03-01");
    BOOST_TEST(j["events"][0]["attributes"]["note"] == kEvil);
    EXPECT_OK(oversight_casework_list_json(store, nullptr, nullptr, kCaseAsOf, &out));
    BOOST_TEST(take_document(out, "oversight-case-list")["cases"].size() == 2u);  // the table is still there
}

BOOST_AUTO_TEST_SUITE_END()
