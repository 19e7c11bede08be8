// The calendar C API, only through <oversight.h>: results, and NULL and
// malformed arguments for every function.
#include <boost/test/unit_test.hpp>

#include <oversight.h>

#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

namespace {

bool has_message() { return std::strlen(oversight_last_error_message()) > 0; }

std::string iso(oversight_date d) {
    char* s = nullptr;
    if (oversight_date_format_iso(d, &s) != OVERSIGHT_OK) return "invalid";
    std::string out = s;
    oversight_free(s);
    return out;
}

oversight_date date(const char* text) {
    oversight_date d{};
    BOOST_REQUIRE(oversight_date_parse_iso(text, &d) == OVERSIGHT_OK);
    return d;
}

struct Cal {
    oversight_calendar* c = nullptr;
    explicit Cal(const char* division = "england-and-wales") {
        BOOST_REQUIRE(oversight_calendar_open(&c, division) == OVERSIGHT_OK);
        BOOST_REQUIRE(c != nullptr);
    }
    ~Cal() { oversight_calendar_free(c); }
    Cal(const Cal&) = delete;
    Cal& operator=(const Cal&) = delete;
};

// Expects `status` with a non-empty message.
#define EXPECT_FAIL(call, status)                               \
    do {                                                        \
        oversight_clear_error();                                \
        BOOST_TEST((call) == (status));                         \
        BOOST_TEST(has_message());                              \
        BOOST_TEST(oversight_last_error_code() == (status));    \
    } while (0)

const oversight_date kBadDate{2023, 2, 29};
const oversight_date kJunkDate{-5, 40, 99};
const char* const kBadUtf8 = "\xff\xfe";
const char* const kSql = "'; DROP TABLE x; --";

}  // namespace

BOOST_AUTO_TEST_SUITE(calendar)

BOOST_AUTO_TEST_CASE(open_division_and_free) {
    for (const char* div : {"england-and-wales", "scotland", "northern-ireland"}) {
        Cal cal(div);
        BOOST_TEST(std::string(oversight_calendar_division(cal.c)) == div);
    }
    BOOST_TEST(std::string(oversight_calendar_division(nullptr)).empty());
    oversight_calendar_free(nullptr);

    oversight_calendar* c = reinterpret_cast<oversight_calendar*>(0x1);
    EXPECT_FAIL(oversight_calendar_open(&c, "wales"), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(c == nullptr);
    c = reinterpret_cast<oversight_calendar*>(0x1);
    EXPECT_FAIL(oversight_calendar_open(&c, nullptr), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(c == nullptr);
    EXPECT_FAIL(oversight_calendar_open(&c, kBadUtf8), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_open(&c, kSql), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_open(nullptr, "scotland"), OVERSIGHT_E_INVALID_ARG);
}

BOOST_AUTO_TEST_CASE(working_days) {
    Cal cal;
    int32_t w = -1;
    BOOST_TEST(oversight_calendar_is_working_day(cal.c, date("2012-06-05"), &w) == OVERSIGHT_OK);
    BOOST_TEST(w == 0);  // Diamond Jubilee
    BOOST_TEST(oversight_calendar_is_working_day(cal.c, date("2012-05-28"), &w) == OVERSIGHT_OK);
    BOOST_TEST(w == 1);  // spring holiday moved away
    oversight_date out{};
    BOOST_TEST(oversight_calendar_add_working_days(cal.c, date("2012-12-21"), 5, &out) == OVERSIGHT_OK);
    BOOST_TEST(iso(out) == "2013-01-02");
    BOOST_TEST(oversight_calendar_add_working_days(cal.c, date("2013-01-02"), -5, &out) == OVERSIGHT_OK);
    BOOST_TEST(iso(out) == "2012-12-21");
    int32_t n = 0;
    BOOST_TEST(oversight_calendar_working_days_between(cal.c, date("2012-12-21"), date("2013-01-02"), &n) ==
               OVERSIGHT_OK);
    BOOST_TEST(n == 5);
    BOOST_TEST(oversight_calendar_working_days_between(cal.c, date("2013-01-02"), date("2012-12-21"), &n) ==
               OVERSIGHT_OK);
    BOOST_TEST(n == -5);

    EXPECT_FAIL(oversight_calendar_is_working_day(nullptr, date("2012-06-05"), &w), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_is_working_day(cal.c, date("2012-06-05"), nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_is_working_day(cal.c, kBadDate, &w), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_add_working_days(nullptr, date("2012-12-21"), 5, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_add_working_days(cal.c, date("2012-12-21"), 5, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_add_working_days(cal.c, kJunkDate, 5, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_add_working_days(cal.c, date("9999-12-30"), 10, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_working_days_between(nullptr, date("2012-01-01"), date("2012-02-01"), &n),
                OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_working_days_between(cal.c, date("2012-01-01"), date("2012-02-01"), nullptr),
                OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_working_days_between(cal.c, kBadDate, date("2012-02-01"), &n),
                OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_working_days_between(cal.c, date("2012-02-01"), kJunkDate, &n),
                OVERSIGHT_E_INVALID_ARG);
}

BOOST_AUTO_TEST_CASE(closures_and_holidays) {
    Cal cal;
    oversight_date out{};
    BOOST_TEST(oversight_calendar_add_closure(cal.c, date("2024-12-27"), "Council Christmas shutdown") == OVERSIGHT_OK);
    BOOST_TEST(oversight_calendar_add_closure(cal.c, date("2024-12-30"), nullptr) == OVERSIGHT_OK);
    BOOST_TEST(oversight_calendar_add_closure(cal.c, date("2024-12-31"), kSql) == OVERSIGHT_OK);  // a name, verbatim
    BOOST_TEST(oversight_calendar_add_working_days(cal.c, date("2024-12-24"), 1, &out) == OVERSIGHT_OK);
    BOOST_TEST(iso(out) == "2025-01-02");
    BOOST_TEST(oversight_calendar_add_holiday(cal.c, date("2025-01-02"), "Proclaimed day") == OVERSIGHT_OK);
    BOOST_TEST(oversight_calendar_add_working_days(cal.c, date("2024-12-24"), 1, &out) == OVERSIGHT_OK);
    BOOST_TEST(iso(out) == "2025-01-03");
    char* json = nullptr;
    BOOST_TEST(oversight_calendar_holidays_json(cal.c, 2025, &json) == OVERSIGHT_OK);
    BOOST_TEST(std::string(json).find("{\"date\":\"2025-01-02\",\"name\":\"Proclaimed day\"}") != std::string::npos);
    oversight_free(json);

    EXPECT_FAIL(oversight_calendar_add_closure(nullptr, date("2024-12-27"), "x"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_add_closure(cal.c, kBadDate, "x"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_add_closure(cal.c, date("2024-12-27"), kBadUtf8), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_add_holiday(nullptr, date("2025-01-02"), "x"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_add_holiday(cal.c, date("2025-01-02"), nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_add_holiday(cal.c, date("2025-01-02"), ""), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_add_holiday(cal.c, date("2025-01-02"), kBadUtf8), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_add_holiday(cal.c, kJunkDate, "x"), OVERSIGHT_E_INVALID_ARG);
}

BOOST_AUTO_TEST_CASE(holidays_json) {
    Cal cal;
    char* json = nullptr;
    BOOST_TEST(oversight_calendar_holidays_json(cal.c, 2022, &json) == OVERSIGHT_OK);
    const std::string s = json;
    oversight_free(json);
    for (const char* d : {"2022-01-03", "2022-06-02", "2022-06-03", "2022-09-19", "2022-12-27"})
        BOOST_TEST(s.find(d) != std::string::npos, d);
    BOOST_TEST(s.find("2022-05-30") == std::string::npos);
    json = reinterpret_cast<char*>(0x1);
    EXPECT_FAIL(oversight_calendar_holidays_json(nullptr, 2022, &json), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(json == nullptr);
    EXPECT_FAIL(oversight_calendar_holidays_json(cal.c, 2022, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_holidays_json(cal.c, 12000, &json), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_holidays_json(cal.c, -1, &json), OVERSIGHT_E_INVALID_ARG);
}

BOOST_AUTO_TEST_CASE(gov_uk_json) {
    std::ifstream in(OVERSIGHT_TEST_DATA_DIR "/calendar_bank_holidays.json");
    std::ostringstream text;
    text << in.rdbuf();
    oversight_calendar* cal = nullptr;
    BOOST_TEST(oversight_calendar_open_gov_uk_json(&cal, text.str().c_str(), "england-and-wales") == OVERSIGHT_OK);
    int32_t w = 1;
    BOOST_TEST(oversight_calendar_is_working_day(cal, date("2025-06-13"), &w) == OVERSIGHT_OK);
    BOOST_TEST(w == 0);  // the fixture's made-up proclaimed day
    oversight_calendar_free(cal);

    cal = reinterpret_cast<oversight_calendar*>(0x1);
    EXPECT_FAIL(oversight_calendar_open_gov_uk_json(&cal, "{", "england-and-wales"), OVERSIGHT_E_PARSE);
    BOOST_TEST(cal == nullptr);
    EXPECT_FAIL(oversight_calendar_open_gov_uk_json(&cal, R"({"england-and-wales":{"events":[{"title":"X","date":"x"}]}})",
                                                    "england-and-wales"),
                OVERSIGHT_E_PARSE);
    BOOST_TEST(std::string(oversight_last_error_message()).find("[\"events\"][0][\"date\"]") != std::string::npos);
    EXPECT_FAIL(oversight_calendar_open_gov_uk_json(&cal, kSql, "england-and-wales"), OVERSIGHT_E_PARSE);
    EXPECT_FAIL(oversight_calendar_open_gov_uk_json(&cal, text.str().c_str(), "wales"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_open_gov_uk_json(&cal, nullptr, "scotland"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_open_gov_uk_json(&cal, "{}", nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_open_gov_uk_json(&cal, kBadUtf8, "scotland"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_open_gov_uk_json(nullptr, "{}", "scotland"), OVERSIGHT_E_INVALID_ARG);
}

BOOST_AUTO_TEST_CASE(durations_and_deadline_phrases) {
    Cal cal;
    oversight_date out{};
    BOOST_TEST(oversight_calendar_add_duration(cal.c, date("2013-01-31"), "1 month", &out) == OVERSIGHT_OK);
    BOOST_TEST(iso(out) == "2013-02-28");
    BOOST_TEST(oversight_calendar_add_duration(cal.c, date("2012-12-21"), "5 working days", &out) == OVERSIGHT_OK);
    BOOST_TEST(iso(out) == "2013-01-02");
    BOOST_TEST(oversight_calendar_add_units(cal.c, date("2012-10-12"), 6, "weeks", &out) == OVERSIGHT_OK);
    BOOST_TEST(iso(out) == "2012-11-23");
    BOOST_TEST(oversight_calendar_add_units(cal.c, date("2012-12-21"), 5, "working_days", &out) == OVERSIGHT_OK);
    BOOST_TEST(iso(out) == "2013-01-02");
    BOOST_TEST(oversight_calendar_resolve_deadline(cal.c, "Within three months", date("2012-09-14"), &out) ==
               OVERSIGHT_OK);
    BOOST_TEST(iso(out) == "2012-12-14");
    BOOST_TEST(oversight_calendar_resolve_deadline(cal.c, "31st October", date("2012-09-14"), &out) == OVERSIGHT_OK);
    BOOST_TEST(iso(out) == "2012-10-31");
    BOOST_TEST(oversight_calendar_resolve_deadline(cal.c, "18/10/12", date("2012-09-14"), &out) == OVERSIGHT_OK);
    BOOST_TEST(iso(out) == "2012-10-18");

    EXPECT_FAIL(oversight_calendar_add_duration(nullptr, date("2013-01-31"), "1 month", &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_add_duration(cal.c, date("2013-01-31"), nullptr, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_add_duration(cal.c, date("2013-01-31"), "1 month", nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_add_duration(cal.c, kBadDate, "1 month", &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_add_duration(cal.c, date("2013-01-31"), kBadUtf8, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_add_duration(cal.c, date("2013-01-31"), kSql, &out), OVERSIGHT_E_PARSE);
    EXPECT_FAIL(oversight_calendar_add_duration(cal.c, date("2013-01-31"), "soon", &out), OVERSIGHT_E_PARSE);
    EXPECT_FAIL(oversight_calendar_add_duration(cal.c, date("2013-01-31"), "5 school days", &out),
                OVERSIGHT_E_INVALID_ARG);

    EXPECT_FAIL(oversight_calendar_add_units(nullptr, date("2012-10-12"), 6, "weeks", &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_add_units(cal.c, date("2012-10-12"), 6, nullptr, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_add_units(cal.c, date("2012-10-12"), 6, "weeks", nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_add_units(cal.c, kJunkDate, 6, "weeks", &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_add_units(cal.c, date("2012-10-12"), 6, "fortnights", &out),
                OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_add_units(cal.c, date("2012-10-12"), 6, kBadUtf8, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_add_units(cal.c, date("2012-10-12"), 6, kSql, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_add_units(cal.c, date("2012-10-12"), 1, "school_terms", &out),
                OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_add_units(cal.c, date("2012-10-12"), 2000000000, "days", &out),
                OVERSIGHT_E_INVALID_ARG);

    EXPECT_FAIL(oversight_calendar_resolve_deadline(nullptr, "6 weeks", date("2012-09-14"), &out),
                OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_resolve_deadline(cal.c, nullptr, date("2012-09-14"), &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_resolve_deadline(cal.c, "6 weeks", date("2012-09-14"), nullptr),
                OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_resolve_deadline(cal.c, "6 weeks", kBadDate, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_resolve_deadline(cal.c, kBadUtf8, date("2012-09-14"), &out), OVERSIGHT_E_INVALID_ARG);
    for (const char* bad : {"soon", "31/02/12", "next Tuesday", kSql}) {
        EXPECT_FAIL(oversight_calendar_resolve_deadline(cal.c, bad, date("2012-09-14"), &out), OVERSIGHT_E_PARSE);
        BOOST_TEST(std::string(oversight_last_error_message()).find(bad) != std::string::npos);
    }
}

BOOST_AUTO_TEST_SUITE_END()
