// <oversight/c/supervision.h> only through <oversight.h>: the standard in
// force (default and layered), a session recorded from JSON, the list for an
// audit, the report as of a date with an action not followed up, and every
// malformed argument.
#include "capi_test.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>

using namespace capi_test;

namespace {

void person(oversight_store* s, const char* name) {
    oversight_workforce_person p = OVERSIGHT_WORKFORCE_PERSON_INIT;
    p.name = name;
    int64_t id = 0;
    EXPECT_OK(oversight_workforce_add_person(s, &p, &id));
}

void appoint(oversight_store* s, const char* who, const char* role, const char* manager, oversight_date from) {
    oversight_workforce_appointment a = OVERSIGHT_WORKFORCE_APPOINTMENT_INIT;
    a.person = who;
    a.role = role;
    a.line_manager = manager;
    a.from = &from;
    int64_t id = 0;
    EXPECT_OK(oversight_workforce_appoint(s, &a, &id));
}

struct Service : MemoryStore {
    Service() {
        person(store, "Tom Reed");
        person(store, "Ann Newby");
        appoint(store, "Tom Reed", "team_manager", nullptr, {2020, 1, 6});
        // A social worker from Mon 3 March 2025: every 4 weeks.
        appoint(store, "Ann Newby", "social_worker", "Tom Reed", {2025, 3, 3});
        const oversight_date dob{2015, 5, 1};
        EXPECT_OK(oversight_casework_save_child(store, "C1", &dob));
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(supervision)

BOOST_AUTO_TEST_CASE(the_standard_in_force) {
    oversight_supervision_options opts{};
    EXPECT_OK(oversight_supervision_options_init(&opts, OVERSIGHT_SUPERVISION_OPTIONS_VERSION));
    BOOST_TEST((opts.local_standard == nullptr && opts.calendar == nullptr));
    char* out = nullptr;
    EXPECT_OK(oversight_supervision_standard_json(nullptr, &out));
    auto doc = take_document(out, "oversight-supervision-standard");
    BOOST_TEST(doc["criteria"].size() == 5u);
    BOOST_TEST(doc["frequencies"][0]["phases"][0]["every"] == "1 week");

    const std::string path = "supervision_capi_local.toml";
    {
        std::ofstream f(path);
        f << "name = \"riverside\"\n[[frequency]]\nroles = [\"social_worker\"]\nevery = \"3 weeks\"\nsource = \"Riverside policy\"\n";
    }
    opts.local_standard = path.c_str();
    EXPECT_OK(oversight_supervision_standard_json(&opts, &out));
    doc = take_document(out, "oversight-supervision-standard");
    bool found = false;
    for (const auto& f : doc["frequencies"])
        if (f["roles"][0] == "social_worker") found = f["phases"][0]["every"] == "3 weeks" && f["layer"] == path;
    BOOST_TEST(found);
    std::remove(path.c_str());
}

BOOST_AUTO_TEST_CASE(a_session_recorded_listed_and_reported) {
    Service m;
    int64_t id = 0;
    // Mon 3 March + 28 days -> due Mon 31 March 2025; held Fri 28 March: in time.
    EXPECT_OK(oversight_supervision_record(
        m.store,
        R"({"supervisee":"Ann Newby","supervisor":"Tom Reed","held":"2025-03-28","recorded":"2025-04-02",
            "minutes":90,"cases":["C1"],"criteria":["reflective","impact_evaluated"],
            "actions":[{"text":"Update C1's chronology","owner":"Ann Newby","due":"2025-04-11"}]})",
        nullptr, &id));
    BOOST_TEST(id > 0);
    char* out = nullptr;
    EXPECT_OK(oversight_supervision_list_json(m.store, {2025, 3, 1}, {2025, 3, 31}, "ann newby", &out));
    auto doc = take_document(out, "oversight-supervisions");
    BOOST_TEST_REQUIRE(doc["supervisions"].size() == 1u);
    BOOST_TEST(doc["supervisions"][0]["held"] == "2025-03-28");
    BOOST_TEST(doc["supervisions"][0]["recorded"] == "2025-04-02");
    BOOST_TEST(doc["supervisions"][0]["cases"][0] == "C1");
    // Next session 25 April (28 March + 28 days: due Fri 25 April) does not follow the action up.
    EXPECT_OK(oversight_supervision_record(
        m.store, R"({"supervisee":"Ann Newby","supervisor":"Tom Reed","held":"2025-04-25"})", nullptr, nullptr));
    const oversight_date as_of{2025, 5, 1};
    EXPECT_OK(oversight_supervision_report(m.store, &as_of, nullptr, nullptr, 0, &out));
    doc = take_document(out, "oversight-supervision-report");
    // Tom, a team manager since 6 January 2020 (every 6 weeks), was never
    // supervised: overdue since Mon 17 February 2020.
    BOOST_TEST_REQUIRE(doc["workers"].size() == 2u);
    BOOST_TEST(doc["workers"][1]["person"] == "Tom Reed");
    BOOST_TEST(doc["workers"][1]["next_due"] == "2020-02-17");
    BOOST_TEST(doc["workers"][0]["person"] == "Ann Newby");
    BOOST_TEST(doc["workers"][0]["due"] == 2);
    BOOST_TEST(doc["workers"][0]["held_in_time"] == 2);
    BOOST_TEST(doc["workers"][0]["next_due"] == "2025-05-23");
    BOOST_TEST(doc["workers"][0]["criteria"]["reflective"] == 1);
    BOOST_TEST(doc["actions"][0]["state"] == "not_followed_up");
    EXPECT_OK(oversight_supervision_report(m.store, &as_of, &as_of, nullptr, 1, &out));
    BOOST_TEST(contains(take(out), "NOT FOLLOWED UP"));
}

BOOST_AUTO_TEST_CASE(malformed_arguments) {
    Service m;
    char* out = reinterpret_cast<char*>(1);
    int64_t id = 7;
    EXPECT_FAIL(oversight_supervision_options_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    oversight_supervision_options opts{};
    EXPECT_FAIL(oversight_supervision_options_init(&opts, 99), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_supervision_standard_json(nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    opts = OVERSIGHT_SUPERVISION_OPTIONS_INIT;
    opts.local_standard = "/nonexistent/local.toml";
    EXPECT_FAIL(oversight_supervision_standard_json(&opts, &out), OVERSIGHT_E_IO);
    BOOST_TEST(out == nullptr);
    opts.local_standard = kBadUtf8;
    EXPECT_FAIL(oversight_supervision_standard_json(&opts, &out), OVERSIGHT_E_INVALID_ARG);
    opts = OVERSIGHT_SUPERVISION_OPTIONS_INIT;
    opts.version = 0;
    EXPECT_FAIL(oversight_supervision_standard_json(&opts, &out), OVERSIGHT_E_INVALID_ARG);

    const std::size_t before = history_size(m.store);
    const char* ok = R"({"supervisee":"Ann Newby","supervisor":"Tom Reed","held":"2025-03-28"})";
    EXPECT_FAIL(oversight_supervision_record(nullptr, ok, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(id == 0);
    EXPECT_FAIL(oversight_supervision_record(m.store, nullptr, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_supervision_record(m.store, kBadUtf8, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_supervision_record(m.store, kSql, nullptr, nullptr), OVERSIGHT_E_PARSE);
    EXPECT_FAIL(oversight_supervision_record(m.store, "[]", nullptr, nullptr), OVERSIGHT_E_PARSE);
    EXPECT_FAIL(oversight_supervision_record(m.store, R"({"supervisee":"Ann Newby","supervisor":"Tom Reed","held":"2023-02-29"})",
                                             nullptr, nullptr),
                OVERSIGHT_E_PARSE);
    BOOST_TEST(contains(oversight_last_error_message(), "held"));
    EXPECT_FAIL(oversight_supervision_record(m.store, R"({"supervisee":"Ann Newby","supervisor":"Tom Reed","held":"2025-03-28","mood":1})",
                                             nullptr, nullptr),
                OVERSIGHT_E_PARSE);
    EXPECT_FAIL(oversight_supervision_record(m.store, R"({"supervisee":"Nobody","supervisor":"Tom Reed","held":"2025-03-28"})",
                                             nullptr, nullptr),
                OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_supervision_record(
                    m.store, R"({"supervisee":"Ann Newby","supervisor":"Tom Reed","held":"2025-03-28","criteria":["x"]})",
                    nullptr, nullptr),
                OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_supervision_record(
                    m.store, R"({"supervisee":"Ann Newby","supervisor":"Tom Reed","held":"2025-03-28","follow_ups":[{"action":99}]})",
                    nullptr, nullptr),
                OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_supervision_record(m.store, ok, &opts, nullptr), OVERSIGHT_E_INVALID_ARG);  // version 0
    BOOST_TEST(history_size(m.store) == before);  // nothing refused was written

    EXPECT_FAIL(oversight_supervision_list_json(nullptr, {2025, 1, 1}, {2025, 2, 1}, nullptr, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(out == nullptr);
    EXPECT_FAIL(oversight_supervision_list_json(m.store, {2025, 1, 1}, {2025, 2, 1}, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_supervision_list_json(m.store, kBadDate, {2025, 2, 1}, nullptr, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_supervision_list_json(m.store, {2025, 2, 1}, kJunkDate, nullptr, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_supervision_list_json(m.store, {2025, 2, 1}, {2025, 1, 1}, nullptr, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_supervision_list_json(m.store, {2025, 1, 1}, {2025, 2, 1}, kBadUtf8, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_supervision_list_json(m.store, {2025, 1, 1}, {2025, 2, 1}, "Nobody", &out), OVERSIGHT_E_NOT_FOUND);

    EXPECT_FAIL(oversight_supervision_report(nullptr, nullptr, nullptr, nullptr, 0, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_supervision_report(m.store, nullptr, nullptr, nullptr, 0, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_supervision_report(m.store, &kBadDate, nullptr, nullptr, 0, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_supervision_report(m.store, nullptr, &kJunkDate, nullptr, 0, &out), OVERSIGHT_E_INVALID_ARG);
    const oversight_date early{2025, 1, 1}, late{2025, 2, 1};
    EXPECT_FAIL(oversight_supervision_report(m.store, &early, &late, nullptr, 0, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_supervision_report(m.store, nullptr, nullptr, &opts, 0, &out), OVERSIGHT_E_INVALID_ARG);
    oversight_free(nullptr);
}

// Three sessions of Ann's (a social worker from Mon 3 March 2025, every 4
// weeks): 10 March (reflective, actions_tracked), 31 March (reflective), 7
// April (none). Every session audited: reflective 2 of 3 = 66.7%, Wilson 95%
// (z = 1.959964, z^2/n = 1.280486): centre (0.666667 + 0.640243) / 2.280486
// = 0.573085, half-width 1.959964 * sqrt(0.074074 + 0.106707) / 2.280486 =
// 0.365425: 20.8% .. 93.9%; actions_tracked 1 of 3.
BOOST_AUTO_TEST_CASE(the_supervision_audit) {
    Service m;
    for (const char* rec : {R"({"supervisee":"Ann Newby","supervisor":"Tom Reed","held":"2025-03-10","criteria":["reflective","actions_tracked"]})",
                            R"({"supervisee":"Ann Newby","supervisor":"Tom Reed","held":"2025-03-31","criteria":["reflective"]})",
                            R"({"supervisee":"Ann Newby","supervisor":"Tom Reed","held":"2025-04-07"})"})
        EXPECT_OK(oversight_supervision_record(m.store, rec, nullptr, nullptr));
    oversight_supervision_audit_options a{};
    EXPECT_OK(oversight_supervision_audit_options_init(&a, OVERSIGHT_SUPERVISION_AUDIT_OPTIONS_VERSION));
    BOOST_TEST((a.per_supervisor == 0 && a.sample_size == 0 && a.min_criteria == 0 && a.seed == 0u));
    a.from = {2025, 3, 1};
    a.to = {2025, 4, 30};
    a.min_criteria = 1;
    char* out = nullptr;
    EXPECT_OK(oversight_supervision_audit_json(m.store, &a, nullptr, 0, &out));
    auto doc = take_document(out, "oversight-supervision-audit");
    BOOST_TEST(doc["sessions"] == 3);
    BOOST_TEST(doc["items"].size() == 3u);
    const auto& reflective = doc["criteria"][3];
    BOOST_TEST(reflective["id"] == "reflective");
    BOOST_TEST(reflective["evidenced"]["k"] == 2);
    BOOST_TEST(std::round(reflective["evidenced"]["low"].get<double>() * 1000) / 10 == 20.8);
    BOOST_TEST(std::round(reflective["evidenced"]["high"].get<double>() * 1000) / 10 == 93.9);
    BOOST_TEST(doc["criteria"][0]["evidenced"]["k"] == 1);
    BOOST_TEST(doc["satisfactory"]["k"] == 2);
    BOOST_TEST(doc["items"][2]["grade"] == "inadequate");

    // The same seed, the same two sessions.
    a.sample_size = 2;
    a.seed = 42;
    EXPECT_OK(oversight_supervision_audit_json(m.store, &a, nullptr, 0, &out));
    const auto first = take_document(out, "oversight-supervision-audit")["items"];
    EXPECT_OK(oversight_supervision_audit_json(m.store, &a, nullptr, 0, &out));
    BOOST_TEST(take_document(out, "oversight-supervision-audit")["items"] == first);
    BOOST_TEST(first.size() == 2u);
    EXPECT_OK(oversight_supervision_audit_json(m.store, &a, nullptr, 1, &out));
    const std::string text = take(out);
    BOOST_TEST(text.find("2 of 3 drawn (seed 42, 2 in all)") != std::string::npos, text);

    EXPECT_FAIL(oversight_supervision_audit_json(nullptr, &a, nullptr, 0, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_supervision_audit_json(m.store, nullptr, nullptr, 0, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_supervision_audit_json(m.store, &a, nullptr, 0, nullptr), OVERSIGHT_E_INVALID_ARG);
    a.min_criteria = 6;
    EXPECT_FAIL(oversight_supervision_audit_json(m.store, &a, nullptr, 0, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(std::string(oversight_last_error_message()).find("min_criteria") != std::string::npos);
    a.min_criteria = 0;
    a.to = {2025, 2, 30};
    EXPECT_FAIL(oversight_supervision_audit_json(m.store, &a, nullptr, 0, &out), OVERSIGHT_E_INVALID_ARG);
    a.to = {2025, 4, 30};
    a.version = 0;
    EXPECT_FAIL(oversight_supervision_audit_json(m.store, &a, nullptr, 0, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_supervision_audit_options_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_supervision_audit_options_init(&a, 2), OVERSIGHT_E_INVALID_ARG);
}

// After the session of Mon 7 April 2025 the next is due 4 weeks later, Mon
// 5 May, the Early May bank holiday: it moves to Tue 6 May. On Wed 30 April
// it is due in 3 working days (Thu 1, Fri 2, Tue 6 May); on Thu 8 May it is
// 2 working days late (Wed 7, Thu 8).
BOOST_AUTO_TEST_CASE(the_supervisors_reminders) {
    Service m;
    EXPECT_OK(oversight_supervision_record(
        m.store, R"({"supervisee":"Ann Newby","supervisor":"Tom Reed","held":"2025-04-07"})", nullptr, nullptr));
    const oversight_date apr30{2025, 4, 30}, may8{2025, 5, 8};
    char* out = nullptr;
    EXPECT_OK(oversight_supervision_reminders_json(m.store, &apr30, 7, nullptr, nullptr, &out));
    auto doc = take_document(out, "oversight-supervision-reminders");
    BOOST_TEST(doc["until"] == "2025-05-07");
    // By supervisor: first Tom himself (a team manager never supervised, with
    // no line manager: long overdue), then Ann for Tom.
    BOOST_TEST_REQUIRE(doc["reminders"].size() == 2u);
    BOOST_TEST(doc["reminders"][0]["supervisor"] == "");
    BOOST_TEST(doc["reminders"][0]["person"] == "Tom Reed");
    BOOST_TEST(doc["reminders"][0]["state"] == "overdue");
    BOOST_TEST(doc["reminders"][1]["supervisor"] == "Tom Reed");
    BOOST_TEST(doc["reminders"][1]["person"] == "Ann Newby");
    BOOST_TEST(doc["reminders"][1]["due"] == "2025-05-06");
    BOOST_TEST(doc["reminders"][1]["state"] == "due");
    BOOST_TEST(doc["reminders"][1]["working_days"] == 3);
    EXPECT_OK(oversight_supervision_reminders_json(m.store, &apr30, 5, "Tom Reed", nullptr, &out));
    BOOST_TEST(take_document(out, "oversight-supervision-reminders")["reminders"].empty());  // to 5 May only
    EXPECT_OK(oversight_supervision_reminders_json(m.store, &may8, 0, "tom reed", nullptr, &out));
    doc = take_document(out, "oversight-supervision-reminders");
    BOOST_TEST_REQUIRE(doc["reminders"].size() == 1u);
    BOOST_TEST(doc["reminders"][0]["state"] == "overdue");
    BOOST_TEST(doc["reminders"][0]["working_days"] == 2);
    EXPECT_OK(oversight_supervision_reminders_json(m.store, &may8, -1, "Ann Newby", nullptr, &out));
    BOOST_TEST(take_document(out, "oversight-supervision-reminders")["reminders"].empty());
    EXPECT_FAIL(oversight_supervision_reminders_json(nullptr, &may8, 7, nullptr, nullptr, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_supervision_reminders_json(m.store, &may8, 7, nullptr, nullptr, nullptr),
                OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_supervision_reminders_json(m.store, &may8, 4000, nullptr, nullptr, &out),
                OVERSIGHT_E_INVALID_ARG);
    const oversight_date bad{2025, 2, 29};
    EXPECT_FAIL(oversight_supervision_reminders_json(m.store, &bad, 7, nullptr, nullptr, &out), OVERSIGHT_E_INVALID_ARG);
}

BOOST_AUTO_TEST_SUITE_END()
