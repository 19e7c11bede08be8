// <oversight/c/complaints.h> only through <oversight.h>: a complaint through
// its stages, the open list with due dates counted across a bank holiday,
// the quarterly lessons learnt, and every malformed argument.
#include "capi_test.hpp"

using namespace capi_test;

namespace {

const oversight_date kReceived{2012, 8, 20};  // stage 1 due Tue 4 September 2012 (27 August a bank holiday)

}  // namespace

BOOST_AUTO_TEST_SUITE(complaints)

BOOST_AUTO_TEST_CASE(a_complaint_through_its_stages) {
    MemoryStore m;
    oversight_complaints_rules rules{};
    EXPECT_OK(oversight_complaints_rules_init(&rules, OVERSIGHT_COMPLAINTS_RULES_VERSION));
    BOOST_TEST((rules.stage1_days == 10 && rules.stage2_extended_days == 65 && rules.calendar == nullptr));
    int64_t id = 0;
    EXPECT_OK(oversight_complaints_add(m.store, "CMP-1", kReceived, nullptr, "communication", &id));
    BOOST_TEST(id > 0);
    const oversight_date as_of{2012, 9, 7};
    char* out = nullptr;
    EXPECT_OK(oversight_complaints_open_json(m.store, &as_of, nullptr, 0, &out));
    auto doc = take_document(out, "oversight-complaints");
    BOOST_TEST(doc["complaints"][0]["due"] == "2012-09-04");
    BOOST_TEST(doc["complaints"][0]["state"] == "overdue");
    BOOST_TEST(doc["complaints"][0]["overdue_working_days"] == 3);
    EXPECT_OK(oversight_complaints_open_json(m.store, &as_of, &rules, 1, &out));
    BOOST_TEST(contains(take(out), "CMP-1,,communication,1,2012-08-20,2012-08-20,false,2012-09-04,overdue,3,0"));

    EXPECT_OK(oversight_complaints_extend(m.store, "CMP-1"));
    EXPECT_OK(oversight_complaints_respond(m.store, "CMP-1", {2012, 9, 14}, "not_upheld"));
    const oversight_date agreed{2012, 10, 5};
    EXPECT_OK(oversight_complaints_escalate(m.store, "CMP-1", {2012, 10, 1}, &agreed));
    EXPECT_OK(oversight_complaints_respond(m.store, "CMP-1", {2012, 11, 1}, "partly upheld"));
    EXPECT_OK(oversight_complaints_escalate(m.store, "CMP-1", {2012, 11, 20}, nullptr));
    const oversight_date report{2013, 1, 4};
    EXPECT_OK(oversight_complaints_record_panel(m.store, "CMP-1", {2012, 12, 20}, &report));
    EXPECT_OK(oversight_complaints_set_lessons(m.store, "CMP-1", "Answer within the timescale."));

    EXPECT_OK(oversight_complaints_lessons_json(m.store, "2012Q3", nullptr, 0, &out));
    doc = take_document(out, "oversight-complaint-lessons");
    BOOST_TEST(doc["received"] == 1);
    BOOST_TEST(doc["stages"][0]["responded"] == 1);
    BOOST_TEST(doc["stages"][0]["in_time"] == 1);  // extended to 20 working days: due 18 September
    BOOST_TEST(doc["lessons"][0]["lessons"] == "Answer within the timescale.");
    EXPECT_OK(oversight_complaints_lessons_json(m.store, "2012Q4", &rules, 1, &out));
    BOOST_TEST(contains(take(out), "Stage 2: 1 started, 1 responded, 1 of 1 in timescale (100%)"));
}

BOOST_AUTO_TEST_CASE(malformed_arguments) {
    MemoryStore m;
    char* out = reinterpret_cast<char*>(1);
    int64_t id = 7;
    EXPECT_FAIL(oversight_complaints_rules_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    oversight_complaints_rules rules{};
    EXPECT_FAIL(oversight_complaints_rules_init(&rules, 99), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_complaints_add(nullptr, "X", kReceived, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(id == 0);
    EXPECT_FAIL(oversight_complaints_add(m.store, nullptr, kReceived, nullptr, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_complaints_add(m.store, kBadUtf8, kReceived, nullptr, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_complaints_add(m.store, "X", kBadDate, nullptr, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_complaints_add(m.store, "X", kReceived, "NO-CHILD", nullptr, nullptr), OVERSIGHT_E_NOT_FOUND);
    EXPECT_OK(oversight_complaints_add(m.store, kSql, kReceived, nullptr, nullptr, nullptr));
    EXPECT_FAIL(oversight_complaints_add(m.store, kSql, kReceived, nullptr, nullptr, nullptr), OVERSIGHT_E_CONFLICT);
    const std::size_t before = history_size(m.store);
    EXPECT_FAIL(oversight_complaints_extend(nullptr, kSql), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_complaints_extend(m.store, "NOPE"), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_complaints_respond(m.store, kSql, {2012, 9, 1}, "maybe"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_complaints_respond(m.store, kSql, {2012, 9, 1}, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_complaints_respond(nullptr, kSql, {2012, 9, 1}, "upheld"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_complaints_escalate(m.store, kSql, {2012, 9, 1}, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_complaints_escalate(m.store, kSql, {2012, 9, 1}, &kJunkDate), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_complaints_record_panel(m.store, kSql, {2012, 9, 1}, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_complaints_record_panel(nullptr, kSql, {2012, 9, 1}, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_complaints_set_lessons(m.store, kSql, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_complaints_set_lessons(m.store, kSql, kBadUtf8), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_complaints_set_lessons(nullptr, kSql, "x"), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(history_size(m.store) == before);  // nothing refused was written

    EXPECT_FAIL(oversight_complaints_open_json(m.store, nullptr, nullptr, 0, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_complaints_open_json(nullptr, nullptr, nullptr, 0, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(out == nullptr);
    EXPECT_FAIL(oversight_complaints_open_json(m.store, &kBadDate, nullptr, 0, &out), OVERSIGHT_E_INVALID_ARG);
    rules = OVERSIGHT_COMPLAINTS_RULES_INIT;
    rules.stage1_days = -1;
    EXPECT_FAIL(oversight_complaints_open_json(m.store, nullptr, &rules, 0, &out), OVERSIGHT_E_INVALID_ARG);
    rules = OVERSIGHT_COMPLAINTS_RULES_INIT;
    rules.version = 0;
    EXPECT_FAIL(oversight_complaints_open_json(m.store, nullptr, &rules, 0, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_complaints_lessons_json(m.store, "2012Q5", nullptr, 0, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_complaints_lessons_json(m.store, nullptr, nullptr, 0, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_complaints_lessons_json(m.store, "2012Q3", nullptr, 0, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_complaints_lessons_json(nullptr, "2012Q3", nullptr, 0, &out), OVERSIGHT_E_INVALID_ARG);
    oversight_free(nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
