// Casework and reminders through the C ABI only (<oversight.h>): every
// function with NULL for each pointer, malformed arguments, unknown ids and
// SQL metacharacters, then the reminder round trip.
#include <boost/test/unit_test.hpp>

#include <oversight.h>

#include <nlohmann/json.hpp>

#include <cstring>
#include <string>

namespace {

const char* const kEvil = "'; DROP TABLE children; --";
const char* const kBadUtf8 = "bad \xff text";
const oversight_date kStart{2024, 3, 1};
const oversight_date kAsOf{2024, 3, 11};
const oversight_date kBadDate{2024, 13, 1};

bool failed_with(oversight_status got, oversight_status want) {
    return got == want && std::strlen(oversight_last_error_message()) > 0 && oversight_last_error_code() == want;
}
#define FAILS(call, want) BOOST_TEST(failed_with((call), (want)), #call)

std::string take(char* s) {
    std::string out = s ? s : "";
    oversight_free(s);
    return out;
}

struct Fixture {
    oversight_store* store = nullptr;
    Fixture() {
        BOOST_REQUIRE(oversight_store_open_memory(&store) == OVERSIGHT_OK);
        BOOST_REQUIRE(oversight_team_save(store, "Team A", "Mo Manager", nullptr) == OVERSIGHT_OK);
        BOOST_REQUIRE(oversight_worker_save(store, "Ann Lee", "Team A", "ann@example.org") == OVERSIGHT_OK);
        BOOST_REQUIRE(oversight_child_save(store, "C1", nullptr) == OVERSIGHT_OK);
        BOOST_REQUIRE(oversight_child_allocate(store, "C1", "Ann Lee", kStart) == OVERSIGHT_OK);
        BOOST_REQUIRE(oversight_child_record_event(store, "C1", "became_looked_after", kStart, nullptr, "tester",
                                                   nullptr, nullptr) == OVERSIGHT_OK);
        BOOST_REQUIRE(oversight_child_record_event(store, "C1", "placement_start", kStart,
                                                   "{\"placement_type\":\"U1\",\"legal_status\":\"C2\"}", "tester",
                                                   nullptr, nullptr) == OVERSIGHT_OK);
    }
    ~Fixture() { oversight_store_free(store); }
    Fixture(const Fixture&) = delete;
    Fixture& operator=(const Fixture&) = delete;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(casework)

BOOST_FIXTURE_TEST_CASE(people_and_children_reject_bad_arguments, Fixture) {
    FAILS(oversight_team_save(nullptr, "T", nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_team_save(store, nullptr, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_team_save(store, "  ", nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_team_save(store, kBadUtf8, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_team_save(store, "T", kBadUtf8, nullptr), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_team_save(store, "T", nullptr, kBadUtf8), OVERSIGHT_E_INVALID_ARG);

    FAILS(oversight_worker_save(nullptr, "W", "Team A", nullptr), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_worker_save(store, nullptr, "Team A", nullptr), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_worker_save(store, "W", nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_worker_save(store, kBadUtf8, "Team A", nullptr), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_worker_save(store, "W", "Team A", kBadUtf8), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_worker_save(store, "W", kEvil, nullptr), OVERSIGHT_E_NOT_FOUND);

    FAILS(oversight_child_save(nullptr, "C9", nullptr), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_save(store, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_save(store, kBadUtf8, nullptr), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_save(store, "C9", &kBadDate), OVERSIGHT_E_INVALID_ARG);

    FAILS(oversight_child_allocate(nullptr, "C1", "Ann Lee", kStart), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_allocate(store, nullptr, "Ann Lee", kStart), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_allocate(store, "C1", nullptr, kStart), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_allocate(store, "C1", "Ann Lee", kBadDate), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_allocate(store, kEvil, "Ann Lee", kStart), OVERSIGHT_E_NOT_FOUND);
    FAILS(oversight_child_allocate(store, "C1", kEvil, kStart), OVERSIGHT_E_NOT_FOUND);
    FAILS(oversight_child_allocate(store, "C1", kBadUtf8, kStart), OVERSIGHT_E_INVALID_ARG);

    FAILS(oversight_child_set_attribute(nullptr, "C1", "legal_status", "C2", kStart), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_set_attribute(store, nullptr, "legal_status", "C2", kStart), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_set_attribute(store, "C1", nullptr, "C2", kStart), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_set_attribute(store, "C1", "legal_status", nullptr, kStart), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_set_attribute(store, "C1", "legal_status", "C2", kBadDate), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_set_attribute(store, "C1", kEvil, "C2", kStart), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_set_attribute(store, "C1", "legal_status", kBadUtf8, kStart), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_set_attribute(store, kEvil, "legal_status", "C2", kStart), OVERSIGHT_E_NOT_FOUND);
}

BOOST_FIXTURE_TEST_CASE(events_reject_bad_arguments, Fixture) {
    int64_t id = 0;
    FAILS(oversight_child_record_event(nullptr, "C1", "visit", kStart, nullptr, "x", nullptr, &id),
          OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_record_event(store, nullptr, "visit", kStart, nullptr, "x", nullptr, &id),
          OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_record_event(store, "C1", nullptr, kStart, nullptr, "x", nullptr, &id),
          OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_record_event(store, "C1", "visit", kStart, nullptr, nullptr, nullptr, &id),
          OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_record_event(store, "C1", "visit", kBadDate, nullptr, "x", nullptr, &id),
          OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_record_event(store, "C1", "visit", oversight_date{2999, 1, 1}, nullptr, "x", nullptr, &id),
          OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_record_event(store, "C1", kEvil, kStart, nullptr, "x", nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_record_event(store, "C1", "tea_break", kStart, nullptr, "x", nullptr, &id),
          OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_record_event(store, "C1", "visit", kStart, "not json", "x", nullptr, &id),
          OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_record_event(store, "C1", "visit", kStart, "[1,2]", "x", nullptr, &id),
          OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_record_event(store, "C1", "visit", kStart, "{\"k\":1}", "x", nullptr, &id),
          OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_record_event(store, "C1", "visit", kStart, kBadUtf8, "x", nullptr, &id),
          OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_record_event(store, "C1", "visit", kStart, nullptr, kBadUtf8, nullptr, &id),
          OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_record_event(store, kEvil, "visit", kStart, nullptr, "x", nullptr, &id),
          OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(oversight_child_record_event(store, "C1", "visit", oversight_date{2024, 3, 5}, nullptr, "x", nullptr,
                                            &id) == OVERSIGHT_OK);
    BOOST_TEST(id > 0);
    // out_event_id may be NULL.
    BOOST_TEST(oversight_child_record_event(store, "C1", "visit", oversight_date{2024, 3, 6}, nullptr, "x", nullptr,
                                            nullptr) == OVERSIGHT_OK);

    char* out = reinterpret_cast<char*>(1);
    FAILS(oversight_child_case_json(nullptr, "C1", kAsOf, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(out == nullptr);
    FAILS(oversight_child_case_json(store, nullptr, kAsOf, &out), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_case_json(store, "C1", kAsOf, nullptr), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_case_json(store, "C1", kBadDate, &out), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_case_json(store, kEvil, kAsOf, &out), OVERSIGHT_E_NOT_FOUND);
    FAILS(oversight_child_case_json(store, kBadUtf8, kAsOf, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_REQUIRE(oversight_child_case_json(store, "C1", kAsOf, &out) == OVERSIGHT_OK);
    auto j = nlohmann::json::parse(take(out));
    BOOST_TEST(j["worker"] == "Ann Lee");
    BOOST_TEST(j["events"].size() == 4u);

    FAILS(oversight_child_list_json(nullptr, nullptr, nullptr, kAsOf, &out), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_list_json(store, nullptr, nullptr, kAsOf, nullptr), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_list_json(store, nullptr, nullptr, kBadDate, &out), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_child_list_json(store, kEvil, nullptr, kAsOf, &out), OVERSIGHT_E_NOT_FOUND);
    FAILS(oversight_child_list_json(store, nullptr, kEvil, kAsOf, &out), OVERSIGHT_E_NOT_FOUND);
    FAILS(oversight_child_list_json(store, kBadUtf8, nullptr, kAsOf, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_REQUIRE(oversight_child_list_json(store, nullptr, "Team A", kAsOf, &out) == OVERSIGHT_OK);
    auto list = nlohmann::json::parse(take(out));
    BOOST_REQUIRE(list.size() == 1u);
    BOOST_TEST(list[0]["child"] == "C1");
    BOOST_TEST(list[0]["allocated_from"] == "2024-03-01");
}

BOOST_FIXTURE_TEST_CASE(sql_metacharacters_are_stored_verbatim, Fixture) {
    BOOST_REQUIRE(oversight_team_save(store, kEvil, kEvil, kEvil) == OVERSIGHT_OK);
    BOOST_REQUIRE(oversight_worker_save(store, kEvil, kEvil, nullptr) == OVERSIGHT_OK);
    BOOST_REQUIRE(oversight_child_save(store, kEvil, &kStart) == OVERSIGHT_OK);
    BOOST_REQUIRE(oversight_child_allocate(store, kEvil, kEvil, kStart) == OVERSIGHT_OK);
    BOOST_REQUIRE(oversight_child_set_attribute(store, kEvil, "legal_status", kEvil, kStart) == OVERSIGHT_OK);
    nlohmann::json attrs{{"note", kEvil}};
    BOOST_REQUIRE(oversight_child_record_event(store, kEvil, "visit", kStart, attrs.dump().c_str(), kEvil, nullptr,
                                               nullptr) == OVERSIGHT_OK);
    char* out = nullptr;
    BOOST_REQUIRE(oversight_child_case_json(store, kEvil, kAsOf, &out) == OVERSIGHT_OK);
    auto j = nlohmann::json::parse(take(out));
    BOOST_TEST(j["child"] == kEvil);
    BOOST_TEST(j["worker"] == kEvil);
    BOOST_TEST(j["team"] == kEvil);
    BOOST_TEST(j["attributes"]["legal_status"] == kEvil);
    BOOST_REQUIRE(j["attribute_changes"].size() == 1u);  // dated: the value and its date
    BOOST_TEST(j["attribute_changes"][0]["value"] == kEvil);
    BOOST_TEST(j["attribute_changes"][0]["effective_from"] == "2024-03-01");
    BOOST_TEST(j["events"][0]["attributes"]["note"] == kEvil);
    BOOST_REQUIRE(oversight_child_list_json(store, nullptr, nullptr, kAsOf, &out) == OVERSIGHT_OK);
    BOOST_TEST(nlohmann::json::parse(take(out)).size() == 2u);  // the table is still there
}

BOOST_FIXTURE_TEST_CASE(reminders_digest_ics_and_acknowledgement, Fixture) {
    oversight_calendar* cal = nullptr;
    BOOST_REQUIRE(oversight_calendar_open(&cal, "england-and-wales") == OVERSIGHT_OK);
    char* out = nullptr;
    // Within 20 working days of 11 March 2024: the first visit and first review come up.
    BOOST_REQUIRE(oversight_reminders_json(store, nullptr, nullptr, kAsOf, 20, nullptr, nullptr, &out) == OVERSIGHT_OK);
    auto list = nlohmann::json::parse(take(out));
    BOOST_REQUIRE(list.is_array());
    BOOST_REQUIRE(!list.empty());
    for (const auto& r : list) {
        BOOST_TEST(r["child"] == "C1");
        BOOST_TEST(r["worker"] == "Ann Lee");
        BOOST_TEST(r["team"] == "Team A");
        BOOST_TEST(r["acknowledged_by"].is_null());
    }
    // The same with an explicit calendar handle, and filtered by worker / team.
    BOOST_REQUIRE(oversight_reminders_json(store, nullptr, cal, kAsOf, 20, "Ann Lee", nullptr, &out) == OVERSIGHT_OK);
    BOOST_TEST(nlohmann::json::parse(take(out)) == list);
    BOOST_REQUIRE(oversight_reminders_json(store, nullptr, cal, kAsOf, 20, nullptr, "Team A", &out) == OVERSIGHT_OK);
    BOOST_TEST(nlohmann::json::parse(take(out)).size() == list.size());

    // Digest and iCalendar hold every reminder.
    BOOST_REQUIRE(oversight_reminders_digest(store, nullptr, cal, kAsOf, 20, nullptr, nullptr, &out) == OVERSIGHT_OK);
    std::string text = take(out);
    BOOST_TEST(text.find("worker Ann Lee") != std::string::npos);
    BOOST_TEST(text.find("team Team A") != std::string::npos);
    BOOST_REQUIRE(oversight_reminders_digest(store, nullptr, cal, kAsOf, 20, "Ann Lee", nullptr, &out) == OVERSIGHT_OK);
    BOOST_TEST(take(out).find("Reminders for worker Ann Lee") == 0u);
    BOOST_REQUIRE(oversight_reminders_ics(store, nullptr, cal, kAsOf, 20, nullptr, nullptr, 2, "2024-03-11T08:00:00Z",
                                          &out) == OVERSIGHT_OK);
    std::string ics = take(out);
    std::size_t todos = 0;
    for (std::size_t p = ics.find("BEGIN:VTODO"); p != std::string::npos; p = ics.find("BEGIN:VTODO", p + 1)) ++todos;
    BOOST_TEST(todos == list.size());
    BOOST_TEST(ics.find("DTSTAMP:20240311T080000Z") != std::string::npos);

    // Acknowledge the first one; an unknown obligation is not found.
    std::string rule = list[0]["rule"], due = list[0]["due"];
    oversight_date d{};
    BOOST_REQUIRE(oversight_date_parse_iso(due.c_str(), &d) == OVERSIGHT_OK);
    oversight_date wrong = d;
    wrong.day = d.day == 1 ? 2 : d.day - 1;
    FAILS(oversight_reminder_acknowledge(store, nullptr, cal, "C1", rule.c_str(), wrong, "Mo", nullptr),
          OVERSIGHT_E_NOT_FOUND);
    FAILS(oversight_reminder_acknowledge(store, nullptr, cal, "C1", kEvil, d, "Mo", nullptr), OVERSIGHT_E_NOT_FOUND);
    FAILS(oversight_reminder_acknowledge(store, nullptr, cal, kEvil, rule.c_str(), d, "Mo", nullptr),
          OVERSIGHT_E_NOT_FOUND);
    FAILS(oversight_reminder_acknowledge(nullptr, nullptr, cal, "C1", rule.c_str(), d, "Mo", nullptr),
          OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_reminder_acknowledge(store, nullptr, cal, nullptr, rule.c_str(), d, "Mo", nullptr),
          OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_reminder_acknowledge(store, nullptr, cal, "C1", nullptr, d, "Mo", nullptr), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_reminder_acknowledge(store, nullptr, cal, "C1", rule.c_str(), d, nullptr, nullptr),
          OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_reminder_acknowledge(store, nullptr, cal, "C1", rule.c_str(), kBadDate, "Mo", nullptr),
          OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_reminder_acknowledge(store, nullptr, cal, "C1", rule.c_str(), d, kBadUtf8, nullptr),
          OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_reminder_acknowledge(store, nullptr, cal, "C1", rule.c_str(), d, "Mo", kBadUtf8),
          OVERSIGHT_E_INVALID_ARG);
    BOOST_REQUIRE(oversight_reminder_acknowledge(store, nullptr, cal, "C1", rule.c_str(), d, "Mo Manager", kEvil) ==
                  OVERSIGHT_OK);
    BOOST_REQUIRE(oversight_reminders_json(store, nullptr, cal, kAsOf, 20, nullptr, nullptr, &out) == OVERSIGHT_OK);
    auto after = nlohmann::json::parse(take(out));
    BOOST_TEST(after[0]["acknowledged_by"] == "Mo Manager");
    BOOST_TEST(after[0]["note"] == kEvil);
    BOOST_TEST(std::string(after[0]["acknowledged_at"]).back() == 'Z');

    // Bad arguments to the reminder readers.
    for (int which = 0; which < 3; ++which) {
        auto call = [&](const oversight_store* s, oversight_date as_of, int32_t within, const char* w, const char* t,
                        char** o) {
            if (which == 0) return oversight_reminders_json(s, nullptr, cal, as_of, within, w, t, o);
            if (which == 1) return oversight_reminders_digest(s, nullptr, cal, as_of, within, w, t, o);
            return oversight_reminders_ics(s, nullptr, cal, as_of, within, w, t, 2, nullptr, o);
        };
        BOOST_TEST_CONTEXT("function " << which) {
            out = reinterpret_cast<char*>(1);
            FAILS(call(nullptr, kAsOf, 10, nullptr, nullptr, &out), OVERSIGHT_E_INVALID_ARG);
            BOOST_TEST(out == nullptr);
            FAILS(call(store, kAsOf, 10, nullptr, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
            FAILS(call(store, kBadDate, 10, nullptr, nullptr, &out), OVERSIGHT_E_INVALID_ARG);
            FAILS(call(store, kAsOf, -1, nullptr, nullptr, &out), OVERSIGHT_E_INVALID_ARG);
            FAILS(call(store, kAsOf, 5000, nullptr, nullptr, &out), OVERSIGHT_E_INVALID_ARG);
            FAILS(call(store, kAsOf, 10, kEvil, nullptr, &out), OVERSIGHT_E_NOT_FOUND);
            FAILS(call(store, kAsOf, 10, nullptr, kEvil, &out), OVERSIGHT_E_NOT_FOUND);
            FAILS(call(store, kAsOf, 10, kBadUtf8, nullptr, &out), OVERSIGHT_E_INVALID_ARG);
        }
    }
    FAILS(oversight_reminders_ics(store, nullptr, cal, kAsOf, 10, nullptr, nullptr, -1, nullptr, &out),
          OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_reminders_ics(store, nullptr, cal, kAsOf, 10, nullptr, nullptr, 2, "yesterday", &out),
          OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_reminders_ics(store, nullptr, cal, kAsOf, 10, nullptr, nullptr, 2, kBadUtf8, &out),
          OVERSIGHT_E_INVALID_ARG);
    oversight_calendar_free(cal);
}

BOOST_AUTO_TEST_CASE(ssda903_import) {
    oversight_store* store = nullptr;
    BOOST_REQUIRE(oversight_store_open_memory(&store) == OVERSIGHT_OK);
    const std::string bad = OVERSIGHT_TEST_DATA_DIR "/casework_903_bad";
    char* out = reinterpret_cast<char*>(1);
    FAILS(oversight_ssda903_import(nullptr, bad.c_str(), nullptr, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(out == nullptr);
    FAILS(oversight_ssda903_import(store, nullptr, nullptr, &out), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_ssda903_import(store, bad.c_str(), nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_ssda903_import(store, kBadUtf8, nullptr, &out), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_ssda903_import(store, bad.c_str(), kBadUtf8, &out), OVERSIGHT_E_INVALID_ARG);
    FAILS(oversight_ssda903_import(store, kEvil, nullptr, &out), OVERSIGHT_E_IO);
    BOOST_REQUIRE(oversight_ssda903_import(store, bad.c_str(), kEvil, &out) == OVERSIGHT_OK);
    auto j = nlohmann::json::parse(take(out));
    BOOST_TEST(j["children_added"] == 4);
    BOOST_TEST(j["events_added"] == 9);
    BOOST_TEST(j["warnings"].size() == 13u);
    for (const auto& w : j["warnings"]) {
        BOOST_TEST(w["line"].get<int>() > 1);
        BOOST_TEST(!w["message"].get<std::string>().empty());
    }
    BOOST_REQUIRE(oversight_child_list_json(store, nullptr, nullptr, kAsOf, &out) == OVERSIGHT_OK);
    BOOST_TEST(nlohmann::json::parse(take(out)).size() == 4u);
    oversight_store_free(store);
}

BOOST_AUTO_TEST_SUITE_END()
