// <oversight/c/reminders.h> only through <oversight.h>: one query shared by
// JSON, digest and iCalendar, acknowledgements, and every malformed argument.
#include "capi_test.hpp"

#include "casework_fixture.hpp"

#include <cstring>
#include <fstream>
#include <sstream>
#include <functional>

using namespace capi_test;

namespace {

const oversight_date kPeriodEnd{2025, 4, 30};

oversight_reminders_query query(const oversight_date* as_of, int32_t within, const oversight_calendar* cal = nullptr,
                                const char* worker = nullptr, const char* team = nullptr) {
    oversight_reminders_query q = OVERSIGHT_REMINDERS_QUERY_INIT;
    q.as_of = as_of;
    q.within_working_days = within;
    q.calendar = cal;
    q.worker = worker;
    q.team = team;
    return q;
}

oversight_reminders_acknowledgement ack(const char* child, const char* rule, oversight_date due, const char* by,
                                        const char* note = nullptr) {
    oversight_reminders_acknowledgement a = OVERSIGHT_REMINDERS_ACKNOWLEDGEMENT_INIT;
    a.child_id = child;
    a.rule_id = rule;
    a.due = due;
    a.by = by;
    a.note = note;
    return a;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reminders)

BOOST_AUTO_TEST_CASE(inits) {
    oversight_reminders_query q{};
    EXPECT_OK(oversight_reminders_query_init(&q, OVERSIGHT_REMINDERS_QUERY_VERSION));
    BOOST_TEST((q.as_of == nullptr && q.within_working_days == 10 && q.worker == nullptr && q.team == nullptr &&
                q.rule_pack == nullptr && q.calendar == nullptr && q.pseudonym_key == nullptr &&
                q.pseudonym_key_size == 0));
    oversight_reminders_ics_options i{};
    EXPECT_OK(oversight_reminders_ics_options_init(&i, OVERSIGHT_REMINDERS_ICS_OPTIONS_VERSION));
    BOOST_TEST((i.alarm_days == 2 && i.dtstamp == nullptr));
    oversight_reminders_acknowledgement a{};
    EXPECT_OK(oversight_reminders_acknowledgement_init(&a, OVERSIGHT_REMINDERS_ACKNOWLEDGEMENT_VERSION));
    BOOST_TEST((a.child_id == nullptr && a.rule_id == nullptr && a.due.year == 0 && a.by == nullptr));
    EXPECT_FAIL(oversight_reminders_query_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_reminders_query_init(&q, 0), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_reminders_ics_options_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_reminders_ics_options_init(&i, 2), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_reminders_acknowledgement_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_reminders_acknowledgement_init(&a, 5), OVERSIGHT_E_INVALID_ARG);
}

BOOST_FIXTURE_TEST_CASE(json_digest_ics_and_acknowledgement, CaseworkFixture) {
    oversight_calendar* cal = nullptr;
    EXPECT_OK(oversight_calendar_open(&cal, nullptr));
    char* out = nullptr;
    // Within 20 working days of 11 March 2024: the first visit and first review come up.
    auto q = query(&kCaseAsOf, 20);
    EXPECT_OK(oversight_reminders_json(store, &q, &out));
    const auto list = take_document(out, "oversight-reminders")["reminders"];
    BOOST_REQUIRE(list.is_array());
    BOOST_REQUIRE(!list.empty());
    for (const auto& r : list) {
        BOOST_TEST(r["child"] == "C1");
        BOOST_TEST(r["worker"] == "Ann Lee");
        BOOST_TEST(r["team"] == "Team A");
        BOOST_TEST(r["acknowledged_by"].is_null());
    }
    // The same with an explicit calendar handle, and filtered by worker / team.
    q = query(&kCaseAsOf, 20, cal, "Ann Lee");
    EXPECT_OK(oversight_reminders_json(store, &q, &out));
    BOOST_TEST(take_document(out, "oversight-reminders")["reminders"] == list);
    q = query(&kCaseAsOf, 20, cal, nullptr, "Team A");
    EXPECT_OK(oversight_reminders_json(store, &q, &out));
    BOOST_TEST(take_document(out, "oversight-reminders")["reminders"].size() == list.size());
    // NULL query: today, 10 working days, every case; it runs.
    EXPECT_OK(oversight_reminders_json(store, nullptr, &out));
    take_document(out, "oversight-reminders");

    // Digest and iCalendar hold every reminder.
    q = query(&kCaseAsOf, 20, cal);
    EXPECT_OK(oversight_reminders_digest(store, &q, &out));
    const std::string text = take(out);
    BOOST_TEST(contains(text, "worker Ann Lee"));
    BOOST_TEST(contains(text, "team Team A"));
    q = query(&kCaseAsOf, 20, cal, "Ann Lee");
    EXPECT_OK(oversight_reminders_digest(store, &q, &out));
    BOOST_TEST(take(out).find("Reminders for worker Ann Lee") == 0u);
    EXPECT_OK(oversight_reminders_digest(store, nullptr, &out));
    take(out);
    q = query(&kCaseAsOf, 20, cal);
    oversight_reminders_ics_options ics = OVERSIGHT_REMINDERS_ICS_OPTIONS_INIT;
    ics.dtstamp = "2024-03-11T08:00:00Z";
    EXPECT_OK(oversight_reminders_ics(store, &q, &ics, &out));
    const std::string cal_text = take(out);
    std::size_t todos = 0;
    for (std::size_t p = cal_text.find("BEGIN:VTODO"); p != std::string::npos; p = cal_text.find("BEGIN:VTODO", p + 1))
        ++todos;
    BOOST_TEST(todos == list.size());
    BOOST_TEST(contains(cal_text, "DTSTAMP:20240311T080000Z"));
    BOOST_TEST(contains(cal_text, "TRIGGER;RELATED=END:-P2D"));
    ics.alarm_days = 0;
    EXPECT_OK(oversight_reminders_ics(store, &q, &ics, &out));
    BOOST_TEST(!contains(take(out), "VALARM"));
    EXPECT_OK(oversight_reminders_ics(store, nullptr, nullptr, &out));  // the defaults
    BOOST_TEST(contains(take(out), "BEGIN:VCALENDAR"));

    // Acknowledge the first one; an unknown obligation is not found.
    const std::string rule = list[0]["rule"], due = list[0]["due"];
    oversight_date d{};
    EXPECT_OK(oversight_date_parse_iso(due.c_str(), &d));
    oversight_date wrong = d;
    wrong.day = d.day == 1 ? 2 : d.day - 1;
    const auto acknowledge = [&](oversight_reminders_acknowledgement a) {
        a.calendar = cal;
        return oversight_reminders_acknowledge(store, &a);
    };
    const auto n = history_size(store);
    auto a = ack("C1", rule.c_str(), d, "Mo");
    EXPECT_FAIL(oversight_reminders_acknowledge(nullptr, &a), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_reminders_acknowledge(store, nullptr), OVERSIGHT_E_INVALID_ARG);
    a.version = 0;
    EXPECT_FAIL(acknowledge(a), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "oversight_reminders_acknowledgement"), message());
    EXPECT_FAIL(acknowledge(ack("C1", rule.c_str(), wrong, "Mo")), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(acknowledge(ack("C1", kEvil, d, "Mo")), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(acknowledge(ack(kEvil, rule.c_str(), d, "Mo")), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(acknowledge(ack(nullptr, rule.c_str(), d, "Mo")), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(acknowledge(ack("C1", nullptr, d, "Mo")), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(acknowledge(ack("C1", rule.c_str(), d, nullptr)), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(acknowledge(ack("C1", rule.c_str(), kBadDate, "Mo")), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(acknowledge(ack("C1", rule.c_str(), oversight_date{0, 0, 0}, "Mo")), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(acknowledge(ack("C1", rule.c_str(), d, kBadUtf8)), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(acknowledge(ack("C1", rule.c_str(), d, "Mo", kBadUtf8)), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(acknowledge(ack(kBadUtf8, rule.c_str(), d, "Mo")), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(history_size(store) == n);
    EXPECT_OK(acknowledge(ack("C1", rule.c_str(), d, "Mo Manager", kEvil)));
    q = query(&kCaseAsOf, 20, cal);
    EXPECT_OK(oversight_reminders_json(store, &q, &out));
    const auto after = take_document(out, "oversight-reminders")["reminders"];
    BOOST_TEST(after[0]["acknowledged_by"] == "Mo Manager");
    BOOST_TEST(after[0]["note"] == kEvil);
    BOOST_TEST(std::string(after[0]["acknowledged_at"]).back() == 'Z');
    // With the pack given explicitly, the same obligation.
    oversight_rule_pack* pack = nullptr;
    EXPECT_OK(oversight_rule_pack_open_default(&pack));
    a = ack("C1", rule.c_str(), d, "Mo Manager", "again");
    a.rule_pack = pack;
    EXPECT_OK(oversight_reminders_acknowledge(store, &a));
    oversight_rule_pack_free(pack);
    oversight_calendar_free(cal);
}

BOOST_FIXTURE_TEST_CASE(a_pseudonymised_list_and_a_version_1_query, CaseworkFixture) {
    char* out = nullptr;
    auto q = query(&kCaseAsOf, 20);
    EXPECT_OK(oversight_reminders_json(store, &q, &out));
    const auto plain = take_document(out, "oversight-reminders")["reminders"];
    BOOST_REQUIRE(!plain.empty());

    // Version 2: with a key, every export carries pseudonyms, never the id.
    const char key[] = "k\0y of 16+ bytes, binary";  // any bytes, NUL included
    q.pseudonym_key = key;
    q.pseudonym_key_size = sizeof key - 1;
    EXPECT_OK(oversight_reminders_json(store, &q, &out));
    const auto hidden = take_document(out, "oversight-reminders")["reminders"];
    BOOST_REQUIRE(hidden.size() == plain.size());
    const std::string pseudonym = hidden[0]["child"];
    BOOST_TEST(pseudonym.rfind("P-", 0) == 0u);
    BOOST_TEST(pseudonym.size() == 18u);
    for (const auto& r : hidden) BOOST_TEST(r["child"] == pseudonym);
    EXPECT_OK(oversight_reminders_digest(store, &q, &out));
    std::string text = take(out);
    BOOST_TEST(contains(text, pseudonym));
    BOOST_TEST(!contains(text, "C1 "));
    EXPECT_OK(oversight_reminders_ics(store, &q, nullptr, &out));
    text = take(out);
    BOOST_TEST(contains(text, pseudonym));
    BOOST_TEST(!contains(text, "C1"));
    // The same key gives the same pseudonym; the key's every byte counts.
    EXPECT_OK(oversight_reminders_json(store, &q, &out));
    BOOST_TEST(take_document(out, "oversight-reminders")["reminders"][0]["child"] == pseudonym);
    q.pseudonym_key_size -= 1;
    EXPECT_OK(oversight_reminders_json(store, &q, &out));
    BOOST_TEST(take_document(out, "oversight-reminders")["reminders"][0]["child"] != pseudonym);
    // Short, huge: refused. The reminder feed keeps ids.
    q.pseudonym_key_size = 15;
    EXPECT_FAIL(oversight_reminders_json(store, &q, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(oversight_last_error_message(), "15 bytes"));
    q.pseudonym_key_size = SIZE_MAX;
    EXPECT_FAIL(oversight_reminders_json(store, &q, &out), OVERSIGHT_E_INVALID_ARG);
    q.pseudonym_key_size = sizeof key - 1;
    oversight_reminders_changes_query cq = OVERSIGHT_REMINDERS_CHANGES_QUERY_INIT;
    cq.reminders = &q;
    const oversight_date from{2024, 3, 1};
    cq.from = &from;
    EXPECT_FAIL(oversight_reminders_changes_json(store, &cq, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(oversight_last_error_message(), "pseudonym_key"));

    // A caller compiled against version 1 passes the shorter struct: read as
    // version 1 (nothing past its end), ids as stored.
    struct query_v1 {
        uint32_t version;
        const oversight_date* as_of;
        int32_t within_working_days;
        const char *worker, *team;
        const oversight_rule_pack* rule_pack;
        const oversight_calendar* calendar;
    };
    // _init for version 1 writes the version 1 members only (a canary after them stays).
    struct {
        query_v1 q;
        unsigned char canary[32];
    } guarded;
    std::memset(&guarded, 0xa5, sizeof guarded);
    EXPECT_OK(oversight_reminders_query_init(reinterpret_cast<oversight_reminders_query*>(&guarded.q), 1));
    BOOST_TEST((guarded.q.version == 1u && guarded.q.within_working_days == 10 && guarded.q.calendar == nullptr));
    for (unsigned char c : guarded.canary) BOOST_TEST(c == 0xa5);
    auto* v1 = new query_v1{1, &kCaseAsOf, 20, nullptr, nullptr, nullptr, nullptr};  // ASan: no over-read
    EXPECT_OK(oversight_reminders_json(store, reinterpret_cast<const oversight_reminders_query*>(v1), &out));
    delete v1;
    BOOST_TEST(take_document(out, "oversight-reminders")["reminders"] == plain);
}

BOOST_FIXTURE_TEST_CASE(termly_rules_are_counted_with_the_calendars_school_terms, CaseworkFixture) {
    // Issue 9 point 3: never dropped silently. C1's PEP on Monday 16
    // September 2024 makes its review (pep.review, termly) due by the end of
    // the next term: Friday 4 April 2025 in tests/data/calendar_school.toml.
    auto e = event("C1", "pep", {2024, 9, 16});
    EXPECT_OK(oversight_casework_record_event(store, &e, nullptr));
    const oversight_date as_of{2025, 3, 31};
    char* out = nullptr;
    auto has_review = [](const nlohmann::json& doc) {
        for (const auto& r : doc["reminders"])
            if (r["rule"] == "pep.review") return r["due"] == "2025-04-04";
        return false;
    };

    // A calendar without school terms: the reminders list the rule as not counted.
    auto q = query(&as_of, 10);
    EXPECT_OK(oversight_reminders_json(store, &q, &out));
    auto doc = take_document(out, "oversight-reminders");
    BOOST_TEST(!has_review(doc));
    bool listed = false;
    for (const auto& n : doc["not_counted"]) listed |= n["rule"] == "pep.review";
    BOOST_TEST(listed);
    oversight_compliance_options co = OVERSIGHT_COMPLIANCE_OPTIONS_INIT;
    co.as_of = &as_of;
    co.area = "pep";
    EXPECT_OK(oversight_compliance_json(store, &co, &out));
    BOOST_TEST(!take_document(out, "oversight-compliance")["not_counted"].empty());

    // With the authority's school terms on the calendar: counted, nothing left out.
    std::ifstream in(OVERSIGHT_TEST_DATA_DIR "/calendar_school.toml");
    std::ostringstream toml;
    toml << in.rdbuf();
    const std::string terms = toml.str();
    oversight_calendar_options opts = OVERSIGHT_CALENDAR_OPTIONS_INIT;
    opts.school_calendar_toml = terms.c_str();
    oversight_calendar* cal = nullptr;
    EXPECT_OK(oversight_calendar_open(&cal, &opts));
    q = query(&as_of, 10, cal);
    EXPECT_OK(oversight_reminders_json(store, &q, &out));
    doc = take_document(out, "oversight-reminders");
    BOOST_TEST(has_review(doc));
    BOOST_TEST(doc["not_counted"].empty());
    co.calendar = cal;
    co.period_to = &kPeriodEnd;
    EXPECT_OK(oversight_compliance_json(store, &co, &out));
    const auto report = take_document(out, "oversight-compliance");
    BOOST_TEST(report["not_counted"].empty());
    bool counted = false;
    for (const auto& i : report["items"]) counted |= i["rule"] == "pep.review" && i["due"] == "2025-04-04";
    BOOST_TEST(counted);
    oversight_calendar_free(cal);
}

BOOST_FIXTURE_TEST_CASE(every_reader_refuses_bad_queries, CaseworkFixture) {
    using Reader = std::function<oversight_status(const oversight_store*, const oversight_reminders_query*, char**)>;
    const Reader readers[] = {
        [](const oversight_store* s, const oversight_reminders_query* q, char** o) {
            return oversight_reminders_json(s, q, o);
        },
        [](const oversight_store* s, const oversight_reminders_query* q, char** o) {
            return oversight_reminders_digest(s, q, o);
        },
        [](const oversight_store* s, const oversight_reminders_query* q, char** o) {
            return oversight_reminders_ics(s, q, nullptr, o);
        },
    };
    int which = 0;
    for (const Reader& call : readers) {
        BOOST_TEST_CONTEXT("reader " << which++) {
            char* out = reinterpret_cast<char*>(1);
            auto q = query(&kCaseAsOf, 10);
            EXPECT_FAIL(call(nullptr, &q, &out), OVERSIGHT_E_INVALID_ARG);
            BOOST_TEST(out == nullptr);
            EXPECT_FAIL(call(store, &q, nullptr), OVERSIGHT_E_INVALID_ARG);
            q = query(&kBadDate, 10);
            EXPECT_FAIL(call(store, &q, &out), OVERSIGHT_E_INVALID_ARG);
            q = query(&kCaseAsOf, -1);
            EXPECT_FAIL(call(store, &q, &out), OVERSIGHT_E_INVALID_ARG);
            q = query(&kCaseAsOf, 5000);
            EXPECT_FAIL(call(store, &q, &out), OVERSIGHT_E_INVALID_ARG);
            q = query(&kCaseAsOf, 10, nullptr, kEvil);
            EXPECT_FAIL(call(store, &q, &out), OVERSIGHT_E_NOT_FOUND);
            q = query(&kCaseAsOf, 10, nullptr, nullptr, kEvil);
            EXPECT_FAIL(call(store, &q, &out), OVERSIGHT_E_NOT_FOUND);
            q = query(&kCaseAsOf, 10, nullptr, kBadUtf8);
            EXPECT_FAIL(call(store, &q, &out), OVERSIGHT_E_INVALID_ARG);
            q = query(&kCaseAsOf, 10, nullptr, nullptr, kBadUtf8);
            EXPECT_FAIL(call(store, &q, &out), OVERSIGHT_E_INVALID_ARG);
            q = query(&kCaseAsOf, 10);
            q.version = 0;
            EXPECT_FAIL(call(store, &q, &out), OVERSIGHT_E_INVALID_ARG);
            BOOST_TEST(contains(message(), "oversight_reminders_query"), message());
            q.version = OVERSIGHT_REMINDERS_QUERY_VERSION + 1;
            EXPECT_FAIL(call(store, &q, &out), OVERSIGHT_E_INVALID_ARG);
            BOOST_TEST(out == nullptr);
        }
    }
    char* out = nullptr;
    auto q = query(&kCaseAsOf, 10);
    oversight_reminders_ics_options ics = OVERSIGHT_REMINDERS_ICS_OPTIONS_INIT;
    ics.alarm_days = -1;
    EXPECT_FAIL(oversight_reminders_ics(store, &q, &ics, &out), OVERSIGHT_E_INVALID_ARG);
    ics.alarm_days = 366;
    EXPECT_FAIL(oversight_reminders_ics(store, &q, &ics, &out), OVERSIGHT_E_INVALID_ARG);
    ics.alarm_days = 2;
    ics.dtstamp = "yesterday";
    EXPECT_FAIL(oversight_reminders_ics(store, &q, &ics, &out), OVERSIGHT_E_INVALID_ARG);
    ics.dtstamp = kBadUtf8;
    EXPECT_FAIL(oversight_reminders_ics(store, &q, &ics, &out), OVERSIGHT_E_INVALID_ARG);
    ics.dtstamp = kEvil;
    EXPECT_FAIL(oversight_reminders_ics(store, &q, &ics, &out), OVERSIGHT_E_INVALID_ARG);
    ics = oversight_reminders_ics_options OVERSIGHT_REMINDERS_ICS_OPTIONS_INIT;
    ics.version = 0;
    EXPECT_FAIL(oversight_reminders_ics(store, &q, &ics, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "oversight_reminders_ics_options"), message());
}

BOOST_FIXTURE_TEST_CASE(the_reminder_feed_between_dates_and_since_a_list, CaseworkFixture) {
    oversight_reminders_changes_query init{};
    EXPECT_OK(oversight_reminders_changes_query_init(&init, OVERSIGHT_REMINDERS_CHANGES_QUERY_VERSION));
    BOOST_TEST((init.reminders == nullptr && init.from == nullptr && init.previous_json == nullptr));
    EXPECT_FAIL(oversight_reminders_changes_query_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_reminders_changes_query_init(&init, 2), OVERSIGHT_E_INVALID_ARG);

    char* out = nullptr;
    // 4 March: C1's first visit (placed 1 March) is due soon; 11 March: overdue.
    const oversight_date from{2024, 3, 4};
    auto rq = query(&kCaseAsOf, 20);
    oversight_reminders_changes_query q = OVERSIGHT_REMINDERS_CHANGES_QUERY_INIT;
    q.reminders = &rq;
    q.from = &from;
    EXPECT_OK(oversight_reminders_changes_json(store, &q, &out));
    auto doc = take_document(out, "oversight-reminder-changes");
    BOOST_TEST(doc["from"] == "2024-03-04");
    BOOST_TEST(doc["to"] == "2024-03-11");
    BOOST_TEST(doc["sequence"].get<std::int64_t>() == static_cast<std::int64_t>(history_size(store)));
    BOOST_REQUIRE(!doc["changed"].empty());
    for (const auto& c : doc["changed"]) {
        BOOST_TEST(c["child"] == "C1");
        BOOST_TEST(c["state"] == "overdue");
        BOOST_TEST(c["state_before"] == "due");
        BOOST_TEST(c["reasons"] == nlohmann::json::array({"became_overdue"}));
    }
    EXPECT_OK(oversight_reminders_json(store, &rq, &out));
    const auto now = take_document(out, "oversight-reminders");
    BOOST_TEST(doc["current"] == now["reminders"]);

    // Since a list: the host's list of 11 March, then a visit is recorded.
    const std::string received = now.dump();
    auto visit = event("C1", "visit", kCaseAsOf);
    EXPECT_OK(oversight_casework_record_event(store, &visit, nullptr));
    q.from = nullptr;
    q.previous_json = received.c_str();
    EXPECT_OK(oversight_reminders_changes_json(store, &q, &out));
    doc = take_document(out, "oversight-reminder-changes");
    BOOST_TEST(doc["from"].is_null());
    BOOST_REQUIRE(!doc["disappeared"].empty());
    bool met = false;
    for (const auto& c : doc["disappeared"]) met = met || c["reasons"] == nlohmann::json::array({"met"});
    BOOST_TEST(met, doc["disappeared"].dump());
    // Passing the feed back: nothing differs.
    const std::string feed = doc.dump();
    q.previous_json = feed.c_str();
    EXPECT_OK(oversight_reminders_changes_json(store, &q, &out));
    doc = take_document(out, "oversight-reminder-changes");
    BOOST_TEST((doc["appeared"].empty() && doc["disappeared"].empty() && doc["changed"].empty()));

    // Bad queries.
    char* none = reinterpret_cast<char*>(1);
    EXPECT_FAIL(oversight_reminders_changes_json(nullptr, &q, &none), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(none == nullptr);
    EXPECT_FAIL(oversight_reminders_changes_json(store, nullptr, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_reminders_changes_json(store, &q, nullptr), OVERSIGHT_E_INVALID_ARG);
    q.from = &from;
    EXPECT_FAIL(oversight_reminders_changes_json(store, &q, &out), OVERSIGHT_E_INVALID_ARG);  // both
    BOOST_TEST(contains(message(), "exactly one of from"), message());
    q.from = nullptr;
    q.previous_json = nullptr;
    EXPECT_FAIL(oversight_reminders_changes_json(store, &q, &out), OVERSIGHT_E_INVALID_ARG);  // neither
    const oversight_date later{2024, 3, 12};
    q.from = &later;
    EXPECT_FAIL(oversight_reminders_changes_json(store, &q, &out), OVERSIGHT_E_INVALID_ARG);
    q.from = &kBadDate;
    EXPECT_FAIL(oversight_reminders_changes_json(store, &q, &out), OVERSIGHT_E_INVALID_ARG);
    q.from = nullptr;
    q.previous_json = "[{\"child\":\"C1\"}]";
    EXPECT_FAIL(oversight_reminders_changes_json(store, &q, &out), OVERSIGHT_E_PARSE);
    BOOST_TEST(contains(message(), "previous_json: [0].rule: missing"), message());
    q.previous_json = kBadUtf8;
    EXPECT_FAIL(oversight_reminders_changes_json(store, &q, &out), OVERSIGHT_E_INVALID_ARG);
    q.previous_json = "[]";
    auto unknown = query(&kCaseAsOf, 20, nullptr, kEvil);
    q.reminders = &unknown;
    EXPECT_FAIL(oversight_reminders_changes_json(store, &q, &out), OVERSIGHT_E_NOT_FOUND);
    q.reminders = nullptr;  // the defaults: today, 10 working days
    EXPECT_OK(oversight_reminders_changes_json(store, &q, &out));
    take_document(out, "oversight-reminder-changes");
    q.version = 0;
    EXPECT_FAIL(oversight_reminders_changes_json(store, &q, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "oversight_reminders_changes_query"), message());
}

BOOST_AUTO_TEST_SUITE_END()
