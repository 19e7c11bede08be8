// <oversight/c/calendar.h>, only through <oversight.h>: results, and NULL and
// malformed arguments for every function.
#include "capi_test.hpp"

#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

using namespace capi_test;

namespace {

std::string iso(oversight_date d) {
    char* s = nullptr;
    if (oversight_date_format_iso(d, &s) != OVERSIGHT_OK) return "invalid";
    return take(s);
}

oversight_date date(const char* text) {
    oversight_date d{};
    BOOST_REQUIRE(oversight_date_parse_iso(text, &d) == OVERSIGHT_OK);
    return d;
}

/// A calendar opened from options, freed at the end of the scope.
struct Cal {
    oversight_calendar* c = nullptr;
    explicit Cal(const oversight_calendar_options* opts = nullptr) {
        BOOST_REQUIRE(oversight_calendar_open(&c, opts) == OVERSIGHT_OK);
        BOOST_REQUIRE(c != nullptr);
    }
    explicit Cal(const char* division) {
        oversight_calendar_options opts = OVERSIGHT_CALENDAR_OPTIONS_INIT;
        opts.division = division;
        BOOST_REQUIRE(oversight_calendar_open(&c, &opts) == OVERSIGHT_OK);
    }
    ~Cal() { oversight_calendar_free(c); }
    Cal(const Cal&) = delete;
    Cal& operator=(const Cal&) = delete;
};

std::string school_text() {
    std::ifstream in(OVERSIGHT_TEST_DATA_DIR "/calendar_school.toml");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string fixture_text() {
    std::ifstream in(OVERSIGHT_TEST_DATA_DIR "/calendar_bank_holidays.json");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(calendar)

BOOST_AUTO_TEST_CASE(options_init_and_versions) {
    oversight_calendar_options opts;
    opts.version = 77;
    EXPECT_OK(oversight_calendar_options_init(&opts, OVERSIGHT_CALENDAR_OPTIONS_VERSION));
    BOOST_TEST(opts.version == OVERSIGHT_CALENDAR_OPTIONS_VERSION);
    BOOST_TEST((opts.division == nullptr && opts.gov_uk_json == nullptr && opts.extra_holidays == nullptr &&
                opts.extra_holiday_count == 0u && opts.closures == nullptr && opts.closure_count == 0u));
    EXPECT_FAIL(oversight_calendar_options_init(nullptr, OVERSIGHT_CALENDAR_OPTIONS_VERSION), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_options_init(&opts, 0), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_options_init(&opts, OVERSIGHT_CALENDAR_OPTIONS_VERSION + 1),
                OVERSIGHT_E_INVALID_ARG);
    oversight_calendar* c = reinterpret_cast<oversight_calendar*>(0x1);
    oversight_calendar_options zeroed{};
    EXPECT_FAIL(oversight_calendar_open(&c, &zeroed), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(c == nullptr);
    BOOST_TEST(contains(message(), "oversight_calendar_options"), message());
    opts.version = 1000;
    EXPECT_FAIL(oversight_calendar_open(&c, &opts), OVERSIGHT_E_INVALID_ARG);
}

BOOST_AUTO_TEST_CASE(open_division_and_free) {
    for (const char* div : {"england-and-wales", "scotland", "northern-ireland"}) {
        Cal cal(div);
        BOOST_TEST(std::string(oversight_calendar_division(cal.c)) == div);
    }
    Cal by_default;  // NULL options: England and Wales
    BOOST_TEST(std::string(oversight_calendar_division(by_default.c)) == "england-and-wales");
    BOOST_TEST(std::string(oversight_calendar_division(nullptr)).empty());
    oversight_calendar_free(nullptr);

    oversight_calendar_options opts = OVERSIGHT_CALENDAR_OPTIONS_INIT;
    oversight_calendar* c = reinterpret_cast<oversight_calendar*>(0x1);
    opts.division = "wales";
    EXPECT_FAIL(oversight_calendar_open(&c, &opts), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(c == nullptr);
    opts.division = kBadUtf8;
    EXPECT_FAIL(oversight_calendar_open(&c, &opts), OVERSIGHT_E_INVALID_ARG);
    opts.division = kSql;
    EXPECT_FAIL(oversight_calendar_open(&c, &opts), OVERSIGHT_E_INVALID_ARG);
    opts.division = "scotland";
    EXPECT_FAIL(oversight_calendar_open(nullptr, &opts), OVERSIGHT_E_INVALID_ARG);
}

BOOST_AUTO_TEST_CASE(working_days) {
    Cal cal;
    int32_t w = -1;
    EXPECT_OK(oversight_calendar_is_working_day(cal.c, date("2012-06-05"), &w));
    BOOST_TEST(w == 0);  // Diamond Jubilee
    EXPECT_OK(oversight_calendar_is_working_day(cal.c, date("2012-05-28"), &w));
    BOOST_TEST(w == 1);  // spring holiday moved away
    oversight_date out{};
    EXPECT_OK(oversight_calendar_add_working_days(cal.c, date("2012-12-21"), 5, &out));
    BOOST_TEST(iso(out) == "2013-01-02");
    EXPECT_OK(oversight_calendar_add_working_days(cal.c, date("2013-01-02"), -5, &out));
    BOOST_TEST(iso(out) == "2012-12-21");
    int32_t n = 0;
    EXPECT_OK(oversight_calendar_working_days_between(cal.c, date("2012-12-21"), date("2013-01-02"), &n));
    BOOST_TEST(n == 5);
    EXPECT_OK(oversight_calendar_working_days_between(cal.c, date("2013-01-02"), date("2012-12-21"), &n));
    BOOST_TEST(n == -5);

    w = 7;
    EXPECT_FAIL(oversight_calendar_is_working_day(nullptr, date("2012-06-05"), &w), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(w == 0);
    EXPECT_FAIL(oversight_calendar_is_working_day(cal.c, date("2012-06-05"), nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_is_working_day(cal.c, kBadDate, &w), OVERSIGHT_E_INVALID_ARG);
    out = oversight_date{1, 1, 1};
    EXPECT_FAIL(oversight_calendar_add_working_days(nullptr, date("2012-12-21"), 5, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(out.year == 0);
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

BOOST_AUTO_TEST_CASE(closures_and_extra_holidays_are_given_at_open) {
    const oversight_calendar_day closures[] = {{date("2024-12-27"), "Council Christmas shutdown"},
                                               {date("2024-12-30"), nullptr},
                                               {date("2024-12-31"), kSql}};  // a name, verbatim
    const oversight_calendar_day holidays[] = {{date("2025-01-02"), "Proclaimed day"}};
    oversight_calendar_options opts = OVERSIGHT_CALENDAR_OPTIONS_INIT;
    opts.closures = closures;
    opts.closure_count = 3;
    oversight_date out{};
    {
        Cal cal(&opts);
        EXPECT_OK(oversight_calendar_add_working_days(cal.c, date("2024-12-24"), 1, &out));
        BOOST_TEST(iso(out) == "2025-01-02");
    }
    opts.extra_holidays = holidays;
    opts.extra_holiday_count = 1;
    Cal cal(&opts);
    EXPECT_OK(oversight_calendar_add_working_days(cal.c, date("2024-12-24"), 1, &out));
    BOOST_TEST(iso(out) == "2025-01-03");
    char* json = nullptr;
    EXPECT_OK(oversight_calendar_holidays_json(cal.c, 2025, &json));
    const auto doc = take_document(json, "oversight-holidays");
    BOOST_TEST(doc["division"] == "england-and-wales");
    BOOST_TEST(doc["year"] == 2025);
    BOOST_TEST((doc["holidays"][0] == nlohmann::json{{"date", "2025-01-01"}, {"name", "New Year’s Day"}}));
    BOOST_TEST(contains(doc.dump(), "{\"date\":\"2025-01-02\",\"name\":\"Proclaimed day\"}"));

    // Malformed days: refused, naming the element.
    oversight_calendar* c = reinterpret_cast<oversight_calendar*>(0x1);
    oversight_calendar_day bad[] = {{kBadDate, "x"}};
    oversight_calendar_options o = OVERSIGHT_CALENDAR_OPTIONS_INIT;
    o.closures = bad;
    o.closure_count = 1;
    EXPECT_FAIL(oversight_calendar_open(&c, &o), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "closures[0].date"), message());
    BOOST_TEST(c == nullptr);
    bad[0] = {date("2024-12-27"), kBadUtf8};
    EXPECT_FAIL(oversight_calendar_open(&c, &o), OVERSIGHT_E_INVALID_ARG);
    o.closures = nullptr;  // a count without its array
    EXPECT_FAIL(oversight_calendar_open(&c, &o), OVERSIGHT_E_INVALID_ARG);
    o = oversight_calendar_options OVERSIGHT_CALENDAR_OPTIONS_INIT;
    o.extra_holidays = bad;
    o.extra_holiday_count = 1;
    bad[0] = {date("2025-01-02"), nullptr};  // a holiday needs a name
    EXPECT_FAIL(oversight_calendar_open(&c, &o), OVERSIGHT_E_INVALID_ARG);
    bad[0] = {date("2025-01-02"), ""};
    EXPECT_FAIL(oversight_calendar_open(&c, &o), OVERSIGHT_E_INVALID_ARG);
    bad[0] = {kJunkDate, "x"};
    EXPECT_FAIL(oversight_calendar_open(&c, &o), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "extra_holidays[0].date"), message());
    o.extra_holidays = nullptr;
    EXPECT_FAIL(oversight_calendar_open(&c, &o), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(c == nullptr);
}

BOOST_AUTO_TEST_CASE(holidays_json) {
    Cal cal;
    char* json = nullptr;
    EXPECT_OK(oversight_calendar_holidays_json(cal.c, 2022, &json));
    const std::string s = take_document(json, "oversight-holidays").dump();
    for (const char* d : {"2022-01-03", "2022-06-02", "2022-06-03", "2022-09-19", "2022-12-27"})
        BOOST_TEST(contains(s, d), d);
    BOOST_TEST(!contains(s, "2022-05-30"));
    json = reinterpret_cast<char*>(0x1);
    EXPECT_FAIL(oversight_calendar_holidays_json(nullptr, 2022, &json), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(json == nullptr);
    EXPECT_FAIL(oversight_calendar_holidays_json(cal.c, 2022, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_holidays_json(cal.c, 12000, &json), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_calendar_holidays_json(cal.c, -1, &json), OVERSIGHT_E_INVALID_ARG);
}

BOOST_AUTO_TEST_CASE(gov_uk_json) {
    const std::string text = fixture_text();
    oversight_calendar_options opts = OVERSIGHT_CALENDAR_OPTIONS_INIT;
    opts.gov_uk_json = text.c_str();
    {
        Cal cal(&opts);
        int32_t w = 1;
        EXPECT_OK(oversight_calendar_is_working_day(cal.c, date("2025-06-13"), &w));
        BOOST_TEST(w == 0);  // the fixture's made-up proclaimed day
    }
    oversight_calendar* cal = reinterpret_cast<oversight_calendar*>(0x1);
    opts.gov_uk_json = "{";
    EXPECT_FAIL(oversight_calendar_open(&cal, &opts), OVERSIGHT_E_PARSE);
    BOOST_TEST(cal == nullptr);
    opts.gov_uk_json = R"({"england-and-wales":{"events":[{"title":"X","date":"x"}]}})";
    EXPECT_FAIL(oversight_calendar_open(&cal, &opts), OVERSIGHT_E_PARSE);
    BOOST_TEST(contains(message(), "[\"events\"][0][\"date\"]"), message());
    opts.gov_uk_json = kSql;
    EXPECT_FAIL(oversight_calendar_open(&cal, &opts), OVERSIGHT_E_PARSE);
    // A number too large for a double is a parse error naming its line
    // (nlohmann's out_of_range, no position, before).
    opts.gov_uk_json = "{\"england-and-wales\":{\"events\":[\n{\"title\":\"X\",\"date\":\"2025-01-01\",\"n\":5e444}]}}";
    EXPECT_FAIL(oversight_calendar_open(&cal, &opts), OVERSIGHT_E_PARSE);
    BOOST_TEST(contains(message(), "bank holidays JSON: line 2, column 42: number overflow parsing '5e444'"), message());
    BOOST_TEST(cal == nullptr);
    opts.gov_uk_json = kBadUtf8;
    EXPECT_FAIL(oversight_calendar_open(&cal, &opts), OVERSIGHT_E_INVALID_ARG);
    opts.gov_uk_json = text.c_str();
    opts.division = "wales";
    EXPECT_FAIL(oversight_calendar_open(&cal, &opts), OVERSIGHT_E_INVALID_ARG);
}

BOOST_AUTO_TEST_CASE(one_calendar_is_shared_by_threads) {
    const oversight_calendar_day closures[] = {{date("2024-12-27"), "Shutdown"}};
    oversight_calendar_options opts = OVERSIGHT_CALENDAR_OPTIONS_INIT;
    opts.closures = closures;
    opts.closure_count = 1;
    Cal cal(&opts);
    std::vector<std::thread> threads;
    std::vector<int> wrong(4, 0);
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 2000; ++i) {
                oversight_date out{};
                if (oversight_calendar_add_working_days(cal.c, oversight_date{2024, 12, 24}, 1, &out) != OVERSIGHT_OK ||
                    out.year != 2024 || out.month != 12 || out.day != 30)
                    ++wrong[t];
            }
        });
    for (auto& th : threads) th.join();
    for (int w : wrong) BOOST_TEST(w == 0);
}

BOOST_AUTO_TEST_CASE(durations_and_deadline_phrases) {
    Cal cal;
    oversight_date out{};
    EXPECT_OK(oversight_calendar_add_duration(cal.c, date("2013-01-31"), "1 month", &out));
    BOOST_TEST(iso(out) == "2013-02-28");
    EXPECT_OK(oversight_calendar_add_duration(cal.c, date("2012-12-21"), "5 working days", &out));
    BOOST_TEST(iso(out) == "2013-01-02");
    EXPECT_OK(oversight_calendar_add_units(cal.c, date("2012-10-12"), 6, "weeks", &out));
    BOOST_TEST(iso(out) == "2012-11-23");
    EXPECT_OK(oversight_calendar_add_units(cal.c, date("2012-12-21"), 5, "working_days", &out));
    BOOST_TEST(iso(out) == "2013-01-02");
    EXPECT_OK(oversight_calendar_resolve_deadline(cal.c, "Within three months", date("2012-09-14"), &out));
    BOOST_TEST(iso(out) == "2012-12-14");
    EXPECT_OK(oversight_calendar_resolve_deadline(cal.c, "31st October", date("2012-09-14"), &out));
    BOOST_TEST(iso(out) == "2012-10-31");
    EXPECT_OK(oversight_calendar_resolve_deadline(cal.c, "18/10/12", date("2012-09-14"), &out));
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
        BOOST_TEST(contains(message(), bad), message());
    }
}

BOOST_AUTO_TEST_CASE(date_arithmetic_past_the_supported_dates_is_refused) {
    // Each of these terminated the host (a Boost exception inside a noexcept
    // function, issue 8): now OVERSIGHT_E_INVALID_ARG naming the date.
    Cal cal;
    oversight_date out{};
    struct Units {
        const char* from;
        int32_t count;
        const char* unit;
    };
    for (const Units& u : {Units{"9999-12-31", 1, "calendar_days"}, Units{"9999-12-01", 5, "weeks"},
                           Units{"9999-12-01", 1, "months"}, Units{"9999-12-31", 1, "working_days"},
                           Units{"1400-01-01", -1, "calendar_days"}, Units{"1400-01-01", -1, "weeks"},
                           Units{"1400-01-01", -1, "months"}, Units{"1400-01-01", -1, "working_days"}}) {
        BOOST_TEST_CONTEXT(u.from << " + " << u.count << " " << u.unit) {
            EXPECT_FAIL(oversight_calendar_add_units(cal.c, date(u.from), u.count, u.unit, &out), OVERSIGHT_E_INVALID_ARG);
            BOOST_TEST(contains(message(), u.from), message());
            BOOST_TEST(out.year == 0);
        }
    }
    for (const auto& [phrase, from] : {std::pair{"15 days", "9999-12-31"}, std::pair{"6 weeks", "9999-12-01"},
                                       std::pair{"3 months", "9999-12-01"}}) {
        BOOST_TEST_CONTEXT(phrase << " from " << from) {
            EXPECT_FAIL(oversight_calendar_resolve_deadline(cal.c, phrase, date(from), &out), OVERSIGHT_E_INVALID_ARG);
            BOOST_TEST(contains(message(), from), message());
            EXPECT_FAIL(oversight_calendar_add_duration(cal.c, date(from), phrase, &out), OVERSIGHT_E_INVALID_ARG);
            BOOST_TEST(contains(message(), from), message());
        }
    }
    EXPECT_FAIL(oversight_calendar_add_working_days(cal.c, date("9999-12-31"), 1, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "9999-12-31 + 1 working day"), message());
    EXPECT_FAIL(oversight_calendar_add_working_days(cal.c, date("1400-01-01"), INT32_MIN, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "1400-01-01"), message());
    // The last and first days themselves are reachable.
    EXPECT_OK(oversight_calendar_add_units(cal.c, date("9999-12-30"), 1, "calendar_days", &out));
    BOOST_TEST(iso(out) == "9999-12-31");
    EXPECT_OK(oversight_calendar_add_units(cal.c, date("1400-01-02"), -1, "calendar_days", &out));
    BOOST_TEST(iso(out) == "1400-01-01");
    int32_t count = -1;
    EXPECT_OK(oversight_calendar_working_days_between(cal.c, date("9999-12-24"), date("9999-12-31"), &count));
    BOOST_TEST(count > 0);
}

BOOST_AUTO_TEST_CASE(a_calendar_with_the_schools_terms_counts_school_units) {
    // Options version 2: the terms of the authority's schools
    // (tests/data/calendar_school.toml). "termly" from Monday 16 September
    // 2024 (Autumn term) is the last day of the next term, the Spring term:
    // Friday 4 April 2025. 20 school days from Friday 13 December 2024:
    // 16-20 December (5), then the Spring term from Monday 6 January 2025,
    // an INSET day (not a school day): 7-10 January (4, 9), 13-17 (14),
    // 20-24 (19), Monday 27 January (20).
    const std::string toml = school_text();
    oversight_calendar_options opts = OVERSIGHT_CALENDAR_OPTIONS_INIT;
    BOOST_TEST(opts.school_calendar_toml == nullptr);
    opts.school_calendar_toml = toml.c_str();
    Cal with(&opts);
    oversight_date out{};
    EXPECT_OK(oversight_calendar_add_duration(with.c, date("2024-09-16"), "termly", &out));
    BOOST_TEST(iso(out) == "2025-04-04");
    EXPECT_OK(oversight_calendar_add_duration(with.c, date("2024-12-13"), "20 school days", &out));
    BOOST_TEST(iso(out) == "2025-01-27");
    // Working days are counted as before.
    EXPECT_OK(oversight_calendar_add_duration(with.c, date("2012-12-21"), "5 working days", &out));
    BOOST_TEST(iso(out) == "2013-01-02");

    // Without the terms: refused, naming the need.
    Cal without;
    EXPECT_FAIL(oversight_calendar_add_duration(without.c, date("2024-09-16"), "termly", &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "school calendar"), message());

    // Bad terms: refused with the place, no handle.
    oversight_calendar* c = reinterpret_cast<oversight_calendar*>(0x1);
    opts.school_calendar_toml = "name = \"x\"\n[[term]]\nname = \"T\"\nfirst_day = 2025-04-04\nlast_day = 2025-01-06\n";
    BOOST_TEST(oversight_calendar_open(&c, &opts) != OVERSIGHT_OK);
    BOOST_TEST(c == nullptr);
    BOOST_TEST(!std::string(message()).empty());
    opts.school_calendar_toml = kBadUtf8;
    EXPECT_FAIL(oversight_calendar_open(&c, &opts), OVERSIGHT_E_INVALID_ARG);

    // A caller compiled against version 1 passes the shorter struct: no
    // terms read past its end, and _init writes nothing past it.
    struct options_v1 {
        uint32_t version;
        const char *division, *gov_uk_json;
        const oversight_calendar_day* extra_holidays;
        size_t extra_holiday_count;
        const oversight_calendar_day* closures;
        size_t closure_count;
    };
    struct {
        options_v1 o;
        unsigned char canary[32];
    } guarded;
    std::memset(&guarded, 0xa5, sizeof guarded);
    EXPECT_OK(oversight_calendar_options_init(reinterpret_cast<oversight_calendar_options*>(&guarded.o), 1));
    BOOST_TEST((guarded.o.version == 1u && guarded.o.division == nullptr && guarded.o.closure_count == 0u));
    for (unsigned char b : guarded.canary) BOOST_TEST(b == 0xa5);
    auto* v1 = new options_v1{1, nullptr, nullptr, nullptr, 0, nullptr, 0};  // ASan: no over-read
    EXPECT_OK(oversight_calendar_open(&c, reinterpret_cast<const oversight_calendar_options*>(v1)));
    delete v1;
    EXPECT_FAIL(oversight_calendar_add_duration(c, date("2024-09-16"), "termly", &out), OVERSIGHT_E_INVALID_ARG);
    oversight_calendar_free(c);
}

BOOST_AUTO_TEST_SUITE_END()
