// <oversight/c/casework.h> only through <oversight.h>: every function with
// NULL for each pointer, malformed arguments, unknown ids and SQL
// metacharacters.
#include "capi_test.hpp"

#include "casework_fixture.hpp"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

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
    e.version = OVERSIGHT_CASEWORK_EVENT_VERSION + 1;         EXPECT_FAIL(record(e), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(record(event(nullptr, "visit", kStart)), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(record(event("C1", nullptr, kStart)), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(record(event("C1", "visit", kStart, nullptr, nullptr)), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(record(event("C1", "visit", kBadDate)), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(record(event("C1", "visit", oversight_date{0, 0, 0})), OVERSIGHT_E_INVALID_ARG);  // INIT left unset
    EXPECT_FAIL(record(event("C1", "visit", oversight_date{2999, 1, 1})), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(record(event("C1", kEvil, kStart)), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(record(event("C1", "tea_break", kStart)), OVERSIGHT_E_INVALID_ARG);
    // Text that is not JSON is a parse error naming the place (issue 8), also
    // for a number too large for a double (nlohmann's out_of_range before).
    EXPECT_FAIL(record(event("C1", "visit", kStart, "not json")), OVERSIGHT_E_PARSE);
    BOOST_TEST(contains(message(), "attributes_json: line 1, column"), message());
    EXPECT_FAIL(record(event("C1", "visit", kStart, "{\"by\": \"Bea\",\n \"n\": 5e444}")), OVERSIGHT_E_PARSE);
    BOOST_TEST(contains(message(), "attributes_json: line 2, column 11: number overflow parsing '5e444'"), message());
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

// ------------------------------------------------ keeping in step with a case system

namespace {

/// C1's reminders on kCaseAsOf within 20 working days, as "rule@due" keys.
std::vector<std::string> reminder_keys(const oversight_store* store, const char* child) {
    oversight_reminders_query q = OVERSIGHT_REMINDERS_QUERY_INIT;
    q.as_of = &kCaseAsOf;
    q.within_working_days = 20;
    char* out = nullptr;
    BOOST_REQUIRE(oversight_reminders_json(store, &q, &out) == OVERSIGHT_OK);
    // The document in a variable: a range-for over a member of a temporary
    // would read it after it is gone.
    const auto doc = take_document(out, "oversight-reminders");
    std::vector<std::string> keys;
    for (const auto& r : doc["reminders"])
        if (r["child"].get<std::string>() == child) keys.push_back(r["rule"].get<std::string>() + "@" + r["due"].get<std::string>());
    return keys;
}

/// The history rows of `entity` (NULL: all), oldest first.
nlohmann::json history_of(const oversight_store* store, const char* entity, int64_t id = 0) {
    oversight_store_history_query q = OVERSIGHT_STORE_HISTORY_QUERY_INIT;
    q.entity = entity;
    q.entity_id = id;
    char* out = nullptr;
    BOOST_REQUIRE(oversight_store_history_json(store, &q, &out) == OVERSIGHT_OK);
    return take_document(out, "oversight-history")["changes"];
}

int32_t outcome_of_upsert_child(oversight_store* store, const char* id, const char* external,
                                const oversight_date* dob = nullptr) {
    oversight_casework_child c = OVERSIGHT_CASEWORK_CHILD_INIT;
    c.child_id = id;
    c.external_id = external;
    c.date_of_birth = dob;
    int32_t outcome = -1;
    BOOST_REQUIRE(oversight_casework_upsert_child(store, &c, &outcome) == OVERSIGHT_OK);
    return outcome;
}

}  // namespace

BOOST_FIXTURE_TEST_CASE(a_visit_against_the_wrong_child_is_deleted_and_the_obligation_opens_again,
                        CaseworkFixture) {
    // C2 is looked after too; a worker's visit to C2 is recorded against C1.
    EXPECT_OK(oversight_casework_save_child(store, "C2", nullptr));
    auto e = event("C2", "became_looked_after", kStart);
    EXPECT_OK(oversight_casework_record_event(store, &e, nullptr));
    e = event("C2", "placement_start", kStart, "{\"placement_type\":\"U1\",\"legal_status\":\"C2\"}");
    EXPECT_OK(oversight_casework_record_event(store, &e, nullptr));
    const std::vector<std::string> open_before = reminder_keys(store, "C1");
    BOOST_REQUIRE(!open_before.empty());

    e = event("C1", "visit", oversight_date{2024, 3, 5});
    e.external_id = "PARIS-VISIT-77";
    int64_t id = 0;
    int32_t outcome = -1;
    EXPECT_OK(oversight_casework_save_event(store, &e, &id, &outcome));
    BOOST_TEST(outcome == OVERSIGHT_CASEWORK_ADDED);
    const std::vector<std::string> while_wrong = reminder_keys(store, "C1");
    BOOST_TEST_REQUIRE(while_wrong.size() < open_before.size());  // the visit met C1's first-visit obligation
    std::string met;
    for (const auto& k : open_before)
        if (std::find(while_wrong.begin(), while_wrong.end(), k) == while_wrong.end()) met = k;
    BOOST_TEST(contains(met, "visit"), met);

    // The case system deletes it by its own id: C1's obligation is open again at once.
    EXPECT_OK(oversight_casework_delete_event(store, 0, "PARIS-VISIT-77"));
    BOOST_TEST(reminder_keys(store, "C1") == open_before);
    char* out = nullptr;
    EXPECT_OK(oversight_casework_case_json(store, "C1", kCaseAsOf, &out));
    BOOST_TEST(take_document(out, "oversight-case")["events"].size() == 2u);
    EXPECT_FAIL(oversight_casework_delete_event(store, id, nullptr), OVERSIGHT_E_NOT_FOUND);

    // The history shows both changes: the recording and the deletion, with the event as it was.
    const auto rows = history_of(store, "event", id);
    BOOST_REQUIRE(rows.size() == 2u);
    BOOST_TEST(rows[0]["field"] == "*");
    BOOST_TEST(rows[0]["old"].is_null());
    BOOST_TEST(contains(rows[0]["new"].get<std::string>(), "PARIS-VISIT-77"));
    BOOST_TEST(rows[1]["field"] == "*");
    BOOST_TEST(rows[1]["new"].is_null());
    BOOST_TEST(contains(rows[1]["old"].get<std::string>(), "2024-03-05"));
    BOOST_TEST(rows[1]["seq"].get<int64_t>() > rows[0]["seq"].get<int64_t>());
}

BOOST_FIXTURE_TEST_CASE(a_visit_moved_to_the_right_child_by_correction, CaseworkFixture) {
    EXPECT_OK(oversight_casework_save_child(store, "C2", nullptr));
    const std::vector<std::string> open_before = reminder_keys(store, "C1");
    auto e = event("C1", "visit", oversight_date{2024, 3, 5});
    int64_t id = 0;
    EXPECT_OK(oversight_casework_record_event(store, &e, &id));
    BOOST_TEST(reminder_keys(store, "C1") != open_before);
    auto corrected = event("C2", "visit", oversight_date{2024, 3, 5}, nullptr, nullptr);  // recorded_by ignored
    corrected.external_id = "PARIS-VISIT-78";
    int32_t changed = -1;
    EXPECT_OK(oversight_casework_correct_event(store, id, nullptr, &corrected, &changed));
    BOOST_TEST(changed == 1);
    BOOST_TEST(reminder_keys(store, "C1") == open_before);
    EXPECT_OK(oversight_casework_correct_event(store, 0, "PARIS-VISIT-78", &corrected, &changed));
    BOOST_TEST(changed == 0);  // already so
    const auto rows = history_of(store, "event", id);
    std::vector<std::string> fields;
    for (const auto& r : rows) fields.push_back(r["field"]);
    BOOST_TEST((fields == std::vector<std::string>{"*", "child", "external_id"}), nlohmann::json(fields).dump());

    EXPECT_FAIL(oversight_casework_correct_event(store, id, "PARIS-VISIT-78", &corrected, &changed),
                OVERSIGHT_E_INVALID_ARG);  // both given
    BOOST_TEST(changed == 0);
    EXPECT_FAIL(oversight_casework_correct_event(store, 0, nullptr, &corrected, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_correct_event(store, -3, nullptr, &corrected, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_correct_event(store, id, nullptr, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_correct_event(nullptr, id, nullptr, &corrected, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_correct_event(store, id + 100, nullptr, &corrected, nullptr), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_casework_correct_event(store, 0, "NO-SUCH", &corrected, nullptr), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_casework_correct_event(store, 0, kBadUtf8, &corrected, nullptr), OVERSIGHT_E_INVALID_ARG);
    auto to_nobody = event(kEvil, "visit", oversight_date{2024, 3, 5});
    EXPECT_FAIL(oversight_casework_correct_event(store, id, nullptr, &to_nobody, nullptr), OVERSIGHT_E_NOT_FOUND);
    auto bad_type = event("C2", "tea_break", oversight_date{2024, 3, 5});
    EXPECT_FAIL(oversight_casework_correct_event(store, id, nullptr, &bad_type, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_delete_event(store, 0, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_delete_event(store, id, "PARIS-VISIT-78"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_delete_event(nullptr, id, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_delete_event(store, 0, "NO-SUCH"), OVERSIGHT_E_NOT_FOUND);
    EXPECT_OK(oversight_casework_delete_event(store, id, nullptr));
}

BOOST_FIXTURE_TEST_CASE(events_with_external_ids_are_upserted_and_version_1_structs_still_work, CaseworkFixture) {
    auto e = event("C1", "visit", oversight_date{2024, 3, 5}, "{\"by\":\"Ann\"}");
    e.external_id = " V1 ";  // trimmed on save and lookup
    int64_t id = 0, again = 0;
    int32_t outcome = -1;
    EXPECT_OK(oversight_casework_save_event(store, &e, &id, &outcome));
    BOOST_TEST(outcome == OVERSIGHT_CASEWORK_ADDED);
    EXPECT_OK(oversight_casework_save_event(store, &e, &again, &outcome));
    BOOST_TEST(outcome == OVERSIGHT_CASEWORK_UNCHANGED);
    BOOST_TEST(again == id);
    e.date = oversight_date{2024, 3, 6};
    EXPECT_OK(oversight_casework_save_event(store, &e, &again, nullptr));  // out_outcome may be NULL
    BOOST_TEST(again == id);
    EXPECT_OK(oversight_casework_save_event(store, &e, &again, &outcome));
    BOOST_TEST(outcome == OVERSIGHT_CASEWORK_UNCHANGED);
    e.attributes_json = "{\"by\":\"Bea\"}";
    EXPECT_OK(oversight_casework_save_event(store, &e, nullptr, &outcome));
    BOOST_TEST(outcome == OVERSIGHT_CASEWORK_UPDATED);
    e.external_id = "   ";
    EXPECT_FAIL(oversight_casework_save_event(store, &e, &again, &outcome), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST((again == 0 && outcome == 0));  // cleared before failing
    e.external_id = kBadUtf8;
    EXPECT_FAIL(oversight_casework_save_event(store, &e, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_save_event(nullptr, &e, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_save_event(store, nullptr, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);

    // A caller built with the version 1 header: a shorter struct, and _init
    // writes no further than its end (the guard bytes after it stay).
    struct V1 {
        uint32_t version;
        const char* child_id;
        const char* type;
        oversight_date date;
        const char* attributes_json;
        const char* recorded_by;
        const oversight_rule_pack* rule_pack;
    };
    struct Guarded {
        V1 v1;
        unsigned char guard[sizeof(const char*)];
    } g;
    std::memset(&g, 0xAB, sizeof g);
    static_assert(offsetof(oversight_casework_event, external_id) == sizeof(V1), "v1 is a prefix of v2");
    EXPECT_OK(oversight_casework_event_init(reinterpret_cast<oversight_casework_event*>(&g.v1), 1));
    BOOST_TEST(g.v1.version == 1u);
    BOOST_TEST((g.v1.child_id == nullptr && g.v1.rule_pack == nullptr));
    for (unsigned char b : g.guard) BOOST_TEST(b == 0xAB);
    // A version 1 struct records (its guard bytes, where version 2 has
    // external_id, are never read: the event gets no external id).
    g.v1.child_id = "C1";
    g.v1.type = "visit";
    g.v1.date = oversight_date{2024, 3, 7};
    g.v1.recorded_by = "old host";
    EXPECT_OK(oversight_casework_save_event(store, reinterpret_cast<const oversight_casework_event*>(&g.v1), &id,
                                            &outcome));
    BOOST_TEST(outcome == OVERSIGHT_CASEWORK_ADDED);
    EXPECT_OK(oversight_casework_record_event(store, reinterpret_cast<const oversight_casework_event*>(&g.v1), &again));
    BOOST_TEST(again == id);  // identical: stored once
    const auto rows = history_of(store, "event", id);
    BOOST_REQUIRE(rows.size() == 1u);
    BOOST_TEST(!contains(rows[0]["new"].get<std::string>(), "external_id"));
    // ... and corrects, by id.
    int32_t changed = -1;
    g.v1.date = oversight_date{2024, 3, 8};
    EXPECT_OK(oversight_casework_correct_event(store, id, nullptr,
                                               reinterpret_cast<const oversight_casework_event*>(&g.v1), &changed));
    BOOST_TEST(changed == 1);
}

BOOST_FIXTURE_TEST_CASE(children_allocations_and_attributes_carry_external_ids, CaseworkFixture) {
    oversight_casework_child c{};
    EXPECT_OK(oversight_casework_child_init(&c, OVERSIGHT_CASEWORK_CHILD_VERSION));
    BOOST_TEST((c.version == OVERSIGHT_CASEWORK_CHILD_VERSION && c.child_id == nullptr && c.external_id == nullptr &&
                c.date_of_birth == nullptr));
    EXPECT_FAIL(oversight_casework_child_init(&c, 0), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_child_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    const oversight_date dob{2016, 5, 4};
    BOOST_TEST(outcome_of_upsert_child(store, "C7", "P-7", &dob) == OVERSIGHT_CASEWORK_ADDED);
    BOOST_TEST(outcome_of_upsert_child(store, "C7", "P-7", &dob) == OVERSIGHT_CASEWORK_UNCHANGED);
    BOOST_TEST(outcome_of_upsert_child(store, "C7-new", "P-7") == OVERSIGHT_CASEWORK_UPDATED);  // renumbered
    BOOST_TEST(outcome_of_upsert_child(store, "C1", "P-1") == OVERSIGHT_CASEWORK_UPDATED);      // takes an id
    c.child_id = "C7-new";
    c.external_id = "P-other";  // it has another
    int32_t outcome = -1;
    EXPECT_FAIL(oversight_casework_upsert_child(store, &c, &outcome), OVERSIGHT_E_CONFLICT);
    BOOST_TEST(outcome == 0);
    c.child_id = "C1";
    c.external_id = "P-7";  // renumbering P-7 onto C1, which exists
    EXPECT_FAIL(oversight_casework_upsert_child(store, &c, nullptr), OVERSIGHT_E_CONFLICT);
    c.child_id = nullptr;
    EXPECT_FAIL(oversight_casework_upsert_child(store, &c, nullptr), OVERSIGHT_E_INVALID_ARG);
    c.child_id = "C8";
    c.date_of_birth = &kBadDate;
    EXPECT_FAIL(oversight_casework_upsert_child(store, &c, nullptr), OVERSIGHT_E_INVALID_ARG);
    c.date_of_birth = nullptr;
    c.version = 0;
    EXPECT_FAIL(oversight_casework_upsert_child(store, &c, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_upsert_child(store, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_upsert_child(nullptr, &c, nullptr), OVERSIGHT_E_INVALID_ARG);

    // A second worker; allocations by external id.
    oversight_workforce_worker w = OVERSIGHT_WORKFORCE_WORKER_INIT;
    w.name = "Bo Diaz";
    w.team = "Team A";
    EXPECT_OK(oversight_workforce_save_worker(store, &w));
    oversight_casework_allocation a{};
    EXPECT_OK(oversight_casework_allocation_init(&a, OVERSIGHT_CASEWORK_ALLOCATION_VERSION));
    BOOST_TEST((a.child_id == nullptr && a.worker == nullptr && a.external_id == nullptr && a.from.year == 0));
    EXPECT_FAIL(oversight_casework_allocation_init(&a, 9), OVERSIGHT_E_INVALID_ARG);
    a.child_id = "C1";
    a.worker = "Bo Diaz";
    a.from = oversight_date{2024, 3, 4};
    a.external_id = "ALLOC-2";
    EXPECT_OK(oversight_casework_upsert_allocation(store, &a, &outcome));
    BOOST_TEST(outcome == OVERSIGHT_CASEWORK_ADDED);
    EXPECT_OK(oversight_casework_upsert_allocation(store, &a, &outcome));
    BOOST_TEST(outcome == OVERSIGHT_CASEWORK_UNCHANGED);
    a.from = oversight_date{2024, 3, 5};  // the case system corrects the start
    EXPECT_OK(oversight_casework_upsert_allocation(store, &a, &outcome));
    BOOST_TEST(outcome == OVERSIGHT_CASEWORK_UPDATED);
    a.child_id = "C7-new";  // another child's allocation id
    EXPECT_FAIL(oversight_casework_upsert_allocation(store, &a, &outcome), OVERSIGHT_E_CONFLICT);
    a.child_id = "C1";
    a.worker = kEvil;
    EXPECT_FAIL(oversight_casework_upsert_allocation(store, &a, nullptr), OVERSIGHT_E_NOT_FOUND);
    a.worker = "Bo Diaz";
    a.from = kBadDate;
    EXPECT_FAIL(oversight_casework_upsert_allocation(store, &a, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_upsert_allocation(store, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_upsert_allocation(nullptr, &a, nullptr), OVERSIGHT_E_INVALID_ARG);

    // Ending the allocation: C1 is unallocated from 2024-03-09.
    EXPECT_FAIL(oversight_casework_end_allocation(store, "C1", oversight_date{2024, 3, 5}), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_end_allocation(store, "C1", kBadDate), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_end_allocation(store, kEvil, oversight_date{2024, 3, 9}), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_casework_end_allocation(store, nullptr, oversight_date{2024, 3, 9}), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_end_allocation(nullptr, "C1", oversight_date{2024, 3, 9}), OVERSIGHT_E_INVALID_ARG);
    EXPECT_OK(oversight_casework_end_allocation(store, "C1", oversight_date{2024, 3, 9}));
    EXPECT_FAIL(oversight_casework_end_allocation(store, "C1", oversight_date{2024, 3, 10}), OVERSIGHT_E_NOT_FOUND);
    char* out = nullptr;
    EXPECT_OK(oversight_casework_case_json(store, "C1", kCaseAsOf, &out));
    BOOST_TEST(take_document(out, "oversight-case")["worker"] == "");  // unallocated

    // Attributes by external id, ended and deleted.
    oversight_casework_attribute at{};
    EXPECT_OK(oversight_casework_attribute_init(&at, OVERSIGHT_CASEWORK_ATTRIBUTE_VERSION));
    BOOST_TEST((at.child_id == nullptr && at.key == nullptr && at.value == nullptr && at.external_id == nullptr));
    EXPECT_FAIL(oversight_casework_attribute_init(&at, 0), OVERSIGHT_E_INVALID_ARG);
    at.child_id = "C1";
    at.key = "legal_status";
    at.value = "C2";
    at.effective_from = kStart;
    at.external_id = "LS-1";
    EXPECT_OK(oversight_casework_upsert_attribute(store, &at, &outcome));
    BOOST_TEST(outcome == OVERSIGHT_CASEWORK_ADDED);
    at.value = "V2";
    EXPECT_OK(oversight_casework_upsert_attribute(store, &at, &outcome));
    BOOST_TEST(outcome == OVERSIGHT_CASEWORK_UPDATED);
    EXPECT_OK(oversight_casework_upsert_attribute(store, &at, &outcome));
    BOOST_TEST(outcome == OVERSIGHT_CASEWORK_UNCHANGED);
    at.key = "Not A Key";
    EXPECT_FAIL(oversight_casework_upsert_attribute(store, &at, &outcome), OVERSIGHT_E_INVALID_ARG);
    at.key = "legal_status";
    at.child_id = "C7-new";
    EXPECT_FAIL(oversight_casework_upsert_attribute(store, &at, nullptr), OVERSIGHT_E_CONFLICT);
    EXPECT_FAIL(oversight_casework_upsert_attribute(store, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_upsert_attribute(nullptr, &at, nullptr), OVERSIGHT_E_INVALID_ARG);

    EXPECT_OK(oversight_casework_set_attribute(store, "C1", "placement_type", "U1", kStart));
    EXPECT_FAIL(oversight_casework_end_attribute(store, "C1", "placement_type", oversight_date{2024, 2, 1}),
                OVERSIGHT_E_NOT_FOUND);  // not set yet then
    EXPECT_FAIL(oversight_casework_end_attribute(store, "C1", nullptr, kCaseAsOf), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_end_attribute(store, kEvil, "placement_type", kCaseAsOf), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_casework_end_attribute(nullptr, "C1", "placement_type", kCaseAsOf), OVERSIGHT_E_INVALID_ARG);
    EXPECT_OK(oversight_casework_end_attribute(store, "C1", "placement_type", oversight_date{2024, 3, 8}));
    EXPECT_OK(oversight_casework_case_json(store, "C1", kCaseAsOf, &out));
    auto j = take_document(out, "oversight-case");
    BOOST_TEST(!j["attributes"].contains("placement_type"));
    BOOST_TEST(j["attributes"]["legal_status"] == "V2");
    EXPECT_FAIL(oversight_casework_delete_attribute(store, "C1", "legal_status", oversight_date{2024, 3, 2}),
                OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_casework_delete_attribute(store, "C1", "legal_status", kBadDate), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_delete_attribute(store, "C1", kBadUtf8, kStart), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_delete_attribute(nullptr, "C1", "legal_status", kStart), OVERSIGHT_E_INVALID_ARG);
    EXPECT_OK(oversight_casework_delete_attribute(store, "C1", "legal_status", kStart));
    EXPECT_OK(oversight_casework_case_json(store, "C1", kCaseAsOf, &out));
    BOOST_TEST(!take_document(out, "oversight-case")["attributes"].contains("legal_status"));
    const auto rows = history_of(store, "case_attribute");
    BOOST_TEST(rows.back()["field"] == "*");
    BOOST_TEST(rows.back()["new"].is_null());
}

BOOST_FIXTURE_TEST_CASE(a_child_is_erased_and_the_feed_says_so, CaseworkFixture) {
    auto e = event("C1", "visit", oversight_date{2024, 3, 5});
    EXPECT_OK(oversight_casework_record_event(store, &e, nullptr));
    int64_t records = -1;
    EXPECT_FAIL(oversight_casework_erase_child(store, "C1", "  ", &records), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(records == 0);
    EXPECT_FAIL(oversight_casework_erase_child(store, "C1", nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_erase_child(store, kEvil, "retention ended", nullptr), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_casework_erase_child(nullptr, "C1", "retention ended", nullptr), OVERSIGHT_E_INVALID_ARG);

    oversight_store_changes_query q{};
    EXPECT_OK(oversight_store_changes_query_init(&q, OVERSIGHT_STORE_CHANGES_QUERY_VERSION));
    BOOST_TEST((q.since == 0 && q.limit == 500 && q.entity == nullptr));
    char* out = nullptr;
    EXPECT_OK(oversight_store_changes_json(store, &q, &out));
    const auto before = take_document(out, "oversight-history");
    const int64_t bookmark = before["next"];
    BOOST_TEST(before["more"] == false);
    BOOST_TEST(bookmark == before["latest"].get<int64_t>());

    EXPECT_OK(oversight_casework_erase_child(store, "C1", "erasure request 2024/117", &records));
    BOOST_TEST(records == 1 + 3 + 1);  // the child, three events, one allocation
    EXPECT_FAIL(oversight_casework_case_json(store, "C1", kCaseAsOf, &out), OVERSIGHT_E_NOT_FOUND);

    // A warehouse following the feed from its bookmark sees the deletions
    // and the erasure row, a page at a time.
    q.since = bookmark;
    q.limit = 2;
    std::vector<nlohmann::json> rows;
    for (int pages = 0;; ++pages) {
        BOOST_REQUIRE(pages < 10);
        EXPECT_OK(oversight_store_changes_json(store, &q, &out));
        const auto page = take_document(out, "oversight-history");
        BOOST_TEST(page["changes"].size() <= 2u);
        for (const auto& r : page["changes"]) rows.push_back(r);
        q.since = page["next"];
        if (!page["more"]) break;
    }
    BOOST_REQUIRE(!rows.empty());
    BOOST_TEST(rows.back()["field"] == "erased");
    BOOST_TEST(contains(rows.back()["new"].get<std::string>(), "erasure request 2024/117"));
    for (const auto& r : rows) BOOST_TEST(r["seq"].get<int64_t>() > bookmark);

    q.since = 0;
    q.limit = 500;
    q.entity = "event";
    EXPECT_OK(oversight_store_changes_json(store, &q, &out));
    const auto events_only = take_document(out, "oversight-history");
    BOOST_TEST(!events_only["changes"].empty());
    for (const auto& r : events_only["changes"]) BOOST_TEST(r["entity"] == "event");
    EXPECT_OK(oversight_store_changes_json(store, nullptr, &out));  // NULL: the defaults
    BOOST_TEST(take_document(out, "oversight-history")["changes"].size() > rows.size());

    q.entity = "nonsense";
    EXPECT_FAIL(oversight_store_changes_json(store, &q, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(out == nullptr);
    q.entity = kBadUtf8;
    EXPECT_FAIL(oversight_store_changes_json(store, &q, &out), OVERSIGHT_E_INVALID_ARG);
    q.entity = nullptr;
    q.limit = 0;
    EXPECT_FAIL(oversight_store_changes_json(store, &q, &out), OVERSIGHT_E_INVALID_ARG);
    q.limit = 10001;
    EXPECT_FAIL(oversight_store_changes_json(store, &q, &out), OVERSIGHT_E_INVALID_ARG);
    q.limit = 10;
    q.since = -1;
    EXPECT_FAIL(oversight_store_changes_json(store, &q, &out), OVERSIGHT_E_INVALID_ARG);
    q.since = 1000000;  // a bookmark from another store
    EXPECT_FAIL(oversight_store_changes_json(store, &q, &out), OVERSIGHT_E_INVALID_ARG);
    q.since = 0;
    EXPECT_FAIL(oversight_store_changes_json(nullptr, &q, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_store_changes_json(store, &q, nullptr), OVERSIGHT_E_INVALID_ARG);
    q.version = 0;
    EXPECT_FAIL(oversight_store_changes_json(store, &q, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_store_changes_query_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_store_changes_query_init(&q, 2), OVERSIGHT_E_INVALID_ARG);
}

namespace {

oversight_casework_exemption exemption(const char* child, const char* kind, oversight_date from,
                                       const oversight_date* to = nullptr) {
    oversight_casework_exemption e = OVERSIGHT_CASEWORK_EXEMPTION_INIT;
    e.child_id = child;
    e.kind = kind;
    e.from = from;
    e.to = to;
    e.reason = "missing from placement, reported to police";
    e.approved_by = "Mo Manager";
    return e;
}

}  // namespace

BOOST_FIXTURE_TEST_CASE(exemptions_are_recorded_ended_listed_and_deleted, CaseworkFixture) {
    oversight_casework_exemption init{};
    EXPECT_OK(oversight_casework_exemption_init(&init, OVERSIGHT_CASEWORK_EXEMPTION_VERSION));
    BOOST_TEST((init.version == OVERSIGHT_CASEWORK_EXEMPTION_VERSION && init.child_id == nullptr &&
                init.kind == nullptr && init.to == nullptr && init.areas == nullptr && init.area_count == 0 &&
                init.external_id == nullptr));
    EXPECT_FAIL(oversight_casework_exemption_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_exemption_init(&init, 0), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_exemption_init(&init, OVERSIGHT_CASEWORK_EXEMPTION_VERSION + 1),
                OVERSIGHT_E_INVALID_ARG);

    const oversight_date to{2024, 3, 24};
    const char* const areas[] = {"visits", "reviews"};
    auto e = exemption("C1", "missing", oversight_date{2024, 3, 4}, &to);
    e.areas = areas;
    e.area_count = 2;
    e.external_id = "PARIS-X-1";
    int64_t id = 0;
    int32_t outcome = -1;
    EXPECT_OK(oversight_casework_add_exemption(store, &e, &id, &outcome));
    BOOST_TEST(id > 0);
    BOOST_TEST(outcome == OVERSIGHT_CASEWORK_ADDED);
    EXPECT_OK(oversight_casework_add_exemption(store, &e, nullptr, &outcome));
    BOOST_TEST(outcome == OVERSIGHT_CASEWORK_UNCHANGED);
    auto refused = exemption("C1", "visit-refused", oversight_date{2024, 3, 8}, nullptr);
    int64_t second = 0;
    EXPECT_OK(oversight_casework_add_exemption(store, &refused, &second, nullptr));
    BOOST_TEST(second > id);

    char* out = nullptr;
    EXPECT_OK(oversight_casework_exemptions_json(store, "C1", &out));
    nlohmann::json doc = take_document(out, "oversight-exemptions");
    BOOST_REQUIRE(doc["exemptions"].size() == 2u);
    BOOST_TEST(doc["exemptions"][0]["id"] == id);
    BOOST_TEST(doc["exemptions"][0]["kind"] == "missing");
    BOOST_TEST(doc["exemptions"][0]["to"] == "2024-03-24");
    BOOST_TEST(doc["exemptions"][0]["areas"] == nlohmann::json::array({"reviews", "visits"}));
    BOOST_TEST(doc["exemptions"][0]["external_id"] == "PARIS-X-1");
    BOOST_TEST(doc["exemptions"][1]["kind"] == "visit_refused");
    BOOST_TEST(doc["exemptions"][1]["to"].is_null());

    // Ended, then every child's (NULL child).
    EXPECT_OK(oversight_casework_end_exemption(store, second, oversight_date{2024, 3, 8}));
    EXPECT_OK(oversight_casework_exemptions_json(store, nullptr, &out));
    doc = take_document(out, "oversight-exemptions");
    BOOST_REQUIRE(doc["exemptions"].size() == 2u);
    BOOST_TEST(doc["exemptions"][1]["to"] == "2024-03-08");

    // Deleted by id and by external id; history kept.
    const std::size_t rows = history_size(store);
    EXPECT_OK(oversight_casework_delete_exemption(store, second, nullptr));
    EXPECT_OK(oversight_casework_delete_exemption(store, 0, "PARIS-X-1"));
    BOOST_TEST(history_size(store) == rows + 2);
    EXPECT_OK(oversight_casework_exemptions_json(store, "C1", &out));
    BOOST_TEST(take_document(out, "oversight-exemptions")["exemptions"].empty());
    EXPECT_FAIL(oversight_casework_delete_exemption(store, second, nullptr), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(contains(message(), std::to_string(second)), message());
    EXPECT_FAIL(oversight_casework_delete_exemption(store, 0, "PARIS-X-1"), OVERSIGHT_E_NOT_FOUND);
}

BOOST_FIXTURE_TEST_CASE(exemptions_reject_bad_arguments, CaseworkFixture) {
    const oversight_date from{2024, 3, 4}, before{2024, 3, 3};
    int64_t id = 7;
    int32_t outcome = 7;
    auto add = [&](const oversight_casework_exemption& e) {
        return oversight_casework_add_exemption(store, &e, &id, &outcome);
    };
    auto e = exemption("C1", "missing", from);
    EXPECT_FAIL(oversight_casework_add_exemption(nullptr, &e, &id, &outcome), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(id == 0);  // out-parameters cleared on failure
    BOOST_TEST(outcome == 0);
    EXPECT_FAIL(oversight_casework_add_exemption(store, nullptr, &id, &outcome), OVERSIGHT_E_INVALID_ARG);
    e.version = OVERSIGHT_CASEWORK_EXEMPTION_VERSION + 1;
    EXPECT_FAIL(add(e), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(exemption(nullptr, "missing", from)), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(exemption("C1", nullptr, from)), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(exemption("C1", "holiday", from)), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "holiday"), message());
    EXPECT_FAIL(add(exemption("C1", kBadUtf8, from)), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(exemption("C1", "missing", kBadDate)), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(exemption("C1", "missing", oversight_date{0, 0, 0})), OVERSIGHT_E_INVALID_ARG);  // INIT left unset
    EXPECT_FAIL(add(exemption("C1", "missing", from, &kBadDate)), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(add(exemption("C1", "missing", from, &before)), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "2024-03-03"), message());
    EXPECT_FAIL(add(exemption(kEvil, "missing", from)), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(add(exemption(kBadUtf8, "missing", from)), OVERSIGHT_E_INVALID_ARG);
    e = exemption("C1", "missing", from);
    e.reason = nullptr;
    EXPECT_FAIL(add(e), OVERSIGHT_E_INVALID_ARG);
    e.reason = " ";
    EXPECT_FAIL(add(e), OVERSIGHT_E_INVALID_ARG);
    e.reason = kBadUtf8;
    EXPECT_FAIL(add(e), OVERSIGHT_E_INVALID_ARG);
    e = exemption("C1", "missing", from);
    e.approved_by = nullptr;
    EXPECT_FAIL(add(e), OVERSIGHT_E_INVALID_ARG);
    e.approved_by = "";
    EXPECT_FAIL(add(e), OVERSIGHT_E_INVALID_ARG);
    e.approved_by = "Mo\nManager";
    EXPECT_FAIL(add(e), OVERSIGHT_E_INVALID_ARG);
    e = exemption("C1", "missing", from);
    e.area_count = 1;  // areas NULL
    EXPECT_FAIL(add(e), OVERSIGHT_E_INVALID_ARG);
    const char* const bad_areas[] = {"visits", nullptr};
    e.areas = bad_areas;
    e.area_count = 2;
    EXPECT_FAIL(add(e), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "areas[1]"), message());
    const char* const blank_area[] = {"  "};
    e.areas = blank_area;
    e.area_count = 1;
    EXPECT_FAIL(add(e), OVERSIGHT_E_INVALID_ARG);
    e = exemption("C1", "missing", from);
    e.external_id = "";
    EXPECT_FAIL(add(e), OVERSIGHT_E_INVALID_ARG);
    e.external_id = kSql;  // SQL metacharacters are only text
    EXPECT_OK(add(e));
    const int64_t stored = id;

    EXPECT_FAIL(oversight_casework_end_exemption(nullptr, stored, from), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_end_exemption(store, stored, kBadDate), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_end_exemption(store, stored, before), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_end_exemption(store, stored + 1000, from), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_casework_end_exemption(store, -1, from), OVERSIGHT_E_NOT_FOUND);

    EXPECT_FAIL(oversight_casework_delete_exemption(nullptr, stored, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_delete_exemption(store, 0, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_delete_exemption(store, -3, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_delete_exemption(store, stored, kSql), OVERSIGHT_E_INVALID_ARG);  // both
    EXPECT_FAIL(oversight_casework_delete_exemption(store, 0, kBadUtf8), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_delete_exemption(store, 0, kEvil), OVERSIGHT_E_NOT_FOUND);

    char* out = reinterpret_cast<char*>(&id);
    EXPECT_FAIL(oversight_casework_exemptions_json(nullptr, "C1", &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(out == nullptr);
    EXPECT_FAIL(oversight_casework_exemptions_json(store, "C1", nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_exemptions_json(store, kEvil, &out), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_casework_exemptions_json(store, kBadUtf8, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_OK(oversight_casework_exemptions_json(store, "C1", &out));
    const nlohmann::json doc = take_document(out, "oversight-exemptions");
    BOOST_REQUIRE(doc["exemptions"].size() == 1u);
    BOOST_TEST(doc["exemptions"][0]["external_id"] == kSql);

    // Erasing the child removes it: counted among the records removed.
    int64_t records = 0;
    EXPECT_OK(oversight_casework_erase_child(store, "C1", "erasure request 2024/119", &records));
    BOOST_TEST(records == 1 + 2 + 1 + 1);  // the child, 2 events, 1 allocation, 1 exemption
    EXPECT_FAIL(oversight_casework_end_exemption(store, stored, from), OVERSIGHT_E_NOT_FOUND);
}

// Meeting attendance: a core group's list, the reports by agency and the
// non-attendance list with the line manager, and malformed arguments.
BOOST_AUTO_TEST_CASE(core_group_attendance) {
    MemoryStore m;
    for (const auto& [name, agency] : {std::pair<const char*, const char*>{"Dr Ann Patel", "NHS"},
                                       {"Nina Grant", "NHS"}, {"Jo Hart", "Riverside School"}}) {
        oversight_workforce_person p = OVERSIGHT_WORKFORCE_PERSON_INIT;
        p.name = name;
        p.agency = agency;
        int64_t person_id = 0;
        EXPECT_OK(oversight_workforce_add_person(m.store, &p, &person_id));
    }
    oversight_workforce_appointment a = OVERSIGHT_WORKFORCE_APPOINTMENT_INIT;
    const oversight_date since{2012, 1, 1};
    a.person = "Dr Ann Patel";
    a.role = "other";
    a.line_manager = "Nina Grant";
    a.from = &since;
    int64_t appointment = 0;
    EXPECT_OK(oversight_workforce_appoint(m.store, &a, &appointment));
    EXPECT_OK(oversight_casework_save_child(m.store, "C1", nullptr));
    auto e = event("C1", "core_group", {2012, 9, 10});
    int64_t meeting = 0;
    EXPECT_OK(oversight_casework_record_event(m.store, &e, &meeting));

    oversight_casework_invitee ann{}, jo{};
    EXPECT_OK(oversight_casework_invitee_init(&ann, OVERSIGHT_CASEWORK_INVITEE_VERSION));
    BOOST_TEST((ann.invited == 1 && ann.attended == 0 && ann.person == nullptr));
    ann.person = "Dr Ann Patel";
    ann.apologies = 1;
    jo = ann;
    jo.person = "Jo Hart";
    jo.apologies = 0;
    jo.attended = 1;
    const oversight_casework_invitee* list[] = {&ann, &jo};
    int32_t changed = -1;
    EXPECT_OK(oversight_casework_set_attendance(m.store, meeting, list, 2, &changed));
    BOOST_TEST(changed == 2);
    EXPECT_OK(oversight_casework_set_attendance(m.store, meeting, list, 2, &changed));
    BOOST_TEST(changed == 0);

    oversight_casework_attendance_query q{};
    EXPECT_OK(oversight_casework_attendance_query_init(&q, OVERSIGHT_CASEWORK_ATTENDANCE_QUERY_VERSION));
    q.from = {2012, 7, 1};
    q.to = {2012, 9, 30};
    char* out = nullptr;
    EXPECT_OK(oversight_casework_attendance_report(m.store, &q, &out));
    auto doc = take_document(out, "oversight-attendance");
    BOOST_TEST(doc["meetings"] == 1);
    BOOST_TEST(doc["by_agency"][0]["agency"] == "NHS");
    BOOST_TEST(doc["by_agency"][0]["rate"] == 0.0);
    EXPECT_OK(oversight_casework_non_attendance(m.store, &q, &out));
    doc = take_document(out, "oversight-non-attendance");
    BOOST_TEST(doc["rows"].size() == 1u);
    BOOST_TEST(doc["rows"][0]["line_manager"] == "Nina Grant");
    q.csv = 1;
    EXPECT_OK(oversight_casework_non_attendance(m.store, &q, &out));
    BOOST_TEST(contains(take(out), "Dr Ann Patel,NHS,,"));
    EXPECT_OK(oversight_casework_attendance_report(m.store, &q, &out));
    BOOST_TEST(contains(take(out), "agency,Riverside School,Riverside School,1,1,0,0,1.0000"));

    // Malformed arguments: nothing written, outputs cleared.
    const std::size_t before = history_size(m.store);
    EXPECT_FAIL(oversight_casework_invitee_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_invitee_init(&ann, 99), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_set_attendance(nullptr, meeting, list, 2, &changed), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(changed == 0);
    EXPECT_FAIL(oversight_casework_set_attendance(m.store, meeting, nullptr, 2, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_set_attendance(m.store, 99999, list, 2, nullptr), OVERSIGHT_E_NOT_FOUND);
    const oversight_casework_invitee* with_null[] = {&ann, nullptr};
    EXPECT_FAIL(oversight_casework_set_attendance(m.store, meeting, with_null, 2, nullptr), OVERSIGHT_E_INVALID_ARG);
    oversight_casework_invitee bad = jo;
    bad.person = kBadUtf8;
    const oversight_casework_invitee* bad_list[] = {&bad};
    EXPECT_FAIL(oversight_casework_set_attendance(m.store, meeting, bad_list, 1, nullptr), OVERSIGHT_E_INVALID_ARG);
    bad.person = kSql;
    EXPECT_FAIL(oversight_casework_set_attendance(m.store, meeting, bad_list, 1, nullptr), OVERSIGHT_E_NOT_FOUND);
    bad = jo;
    bad.apologies = 1;
    EXPECT_FAIL(oversight_casework_set_attendance(m.store, meeting, bad_list, 1, nullptr), OVERSIGHT_E_INVALID_ARG);
    bad = jo;
    bad.version = 0;
    EXPECT_FAIL(oversight_casework_set_attendance(m.store, meeting, bad_list, 1, nullptr), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(history_size(m.store) == before);

    out = reinterpret_cast<char*>(1);
    EXPECT_FAIL(oversight_casework_attendance_report(m.store, nullptr, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(out == nullptr);
    EXPECT_FAIL(oversight_casework_attendance_report(nullptr, &q, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_attendance_report(m.store, &q, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_non_attendance(m.store, nullptr, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_non_attendance(nullptr, &q, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_non_attendance(m.store, &q, nullptr), OVERSIGHT_E_INVALID_ARG);
    q.from = kBadDate;
    EXPECT_FAIL(oversight_casework_non_attendance(m.store, &q, &out), OVERSIGHT_E_INVALID_ARG);
    q.from = {2012, 12, 1};
    EXPECT_FAIL(oversight_casework_attendance_report(m.store, &q, &out), OVERSIGHT_E_INVALID_ARG);
    q.from = {2012, 7, 1};
    q.event_type = kBadUtf8;
    EXPECT_FAIL(oversight_casework_attendance_report(m.store, &q, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_attendance_query_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_casework_attendance_query_init(&q, 2), OVERSIGHT_E_INVALID_ARG);
}

BOOST_AUTO_TEST_SUITE_END()
