// Calendars: bank holidays from the rules, gov.uk JSON, closures, working-day
// arithmetic (tables and slow path), school calendars.
#include <boost/test/unit_test.hpp>

#include <oversight/calendar/calendar.hpp>
#include <oversight/calendar/school_calendar.hpp>
#include <oversight/core/error.hpp>

#include "calendar/bank_holidays.hpp"

#include <climits>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace oversight;

namespace {

// England & Wales bank holidays 2010–2030, copied as data from
// shared/domain/statutory-timescales.md §9 "Test vectors (England & Wales)"
// (2012–2027 checked there date-for-date against gov.uk bank-holidays.json;
// 2010–2011 against the rules plus python-holidays; 2028–2030 rule-derived).
const char* const kEnglandAndWales[] = {
    "2010 2010-01-01 2010-04-02 2010-04-05 2010-05-03 2010-05-31 2010-08-30 2010-12-27 2010-12-28",
    "2011 2011-01-03 2011-04-22 2011-04-25 2011-04-29 2011-05-02 2011-05-30 2011-08-29 2011-12-26 2011-12-27",
    "2012 2012-01-02 2012-04-06 2012-04-09 2012-05-07 2012-06-04 2012-06-05 2012-08-27 2012-12-25 2012-12-26",
    "2013 2013-01-01 2013-03-29 2013-04-01 2013-05-06 2013-05-27 2013-08-26 2013-12-25 2013-12-26",
    "2014 2014-01-01 2014-04-18 2014-04-21 2014-05-05 2014-05-26 2014-08-25 2014-12-25 2014-12-26",
    "2015 2015-01-01 2015-04-03 2015-04-06 2015-05-04 2015-05-25 2015-08-31 2015-12-25 2015-12-28",
    "2016 2016-01-01 2016-03-25 2016-03-28 2016-05-02 2016-05-30 2016-08-29 2016-12-26 2016-12-27",
    "2017 2017-01-02 2017-04-14 2017-04-17 2017-05-01 2017-05-29 2017-08-28 2017-12-25 2017-12-26",
    "2018 2018-01-01 2018-03-30 2018-04-02 2018-05-07 2018-05-28 2018-08-27 2018-12-25 2018-12-26",
    "2019 2019-01-01 2019-04-19 2019-04-22 2019-05-06 2019-05-27 2019-08-26 2019-12-25 2019-12-26",
    "2020 2020-01-01 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-08-31 2020-12-25 2020-12-28",
    "2021 2021-01-01 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-08-30 2021-12-27 2021-12-28",
    ("2022 2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-08-29 2022-09-19 2022-12-26 "
     "2022-12-27"),
    "2023 2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 2023-08-28 2023-12-25 2023-12-26",
    "2024 2024-01-01 2024-03-29 2024-04-01 2024-05-06 2024-05-27 2024-08-26 2024-12-25 2024-12-26",
    "2025 2025-01-01 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-08-25 2025-12-25 2025-12-26",
    "2026 2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28",
    "2027 2027-01-01 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-08-30 2027-12-27 2027-12-28",
    "2028 2028-01-03 2028-04-14 2028-04-17 2028-05-01 2028-05-29 2028-08-28 2028-12-25 2028-12-26",
    "2029 2029-01-01 2029-03-30 2029-04-02 2029-05-07 2029-05-28 2029-08-27 2029-12-25 2029-12-26",
    "2030 2030-01-01 2030-04-19 2030-04-22 2030-05-06 2030-05-27 2030-08-26 2030-12-25 2030-12-26",
};

// Scotland and Northern Ireland, from gov.uk bank-holidays.json as mirrored in
// dmossop/bank-holidays-data (bank-holidays.json, 2019–2027).
const char* const kScotland[] = {
    "2019 2019-01-01 2019-01-02 2019-04-19 2019-05-06 2019-05-27 2019-08-05 2019-12-02 2019-12-25 2019-12-26",
    "2020 2020-01-01 2020-01-02 2020-04-10 2020-05-08 2020-05-25 2020-08-03 2020-11-30 2020-12-25 2020-12-28",
    "2021 2021-01-01 2021-01-04 2021-04-02 2021-05-03 2021-05-31 2021-08-02 2021-11-30 2021-12-27 2021-12-28",
    "2022 2022-01-03 2022-01-04 2022-04-15 2022-05-02 2022-06-02 2022-06-03 2022-08-01 2022-09-19 2022-11-30 "
    "2022-12-26 2022-12-27",
    "2023 2023-01-02 2023-01-03 2023-04-07 2023-05-01 2023-05-08 2023-05-29 2023-08-07 2023-11-30 2023-12-25 "
    "2023-12-26",
    "2024 2024-01-01 2024-01-02 2024-03-29 2024-05-06 2024-05-27 2024-08-05 2024-12-02 2024-12-25 2024-12-26",
    "2025 2025-01-01 2025-01-02 2025-04-18 2025-05-05 2025-05-26 2025-08-04 2025-12-01 2025-12-25 2025-12-26",
    "2026 2026-01-01 2026-01-02 2026-04-03 2026-05-04 2026-05-25 2026-08-03 2026-11-30 2026-12-25 2026-12-28",
    "2027 2027-01-01 2027-01-04 2027-03-26 2027-05-03 2027-05-31 2027-08-02 2027-11-30 2027-12-27 2027-12-28",
};
const char* const kNorthernIreland[] = {
    "2019 2019-01-01 2019-03-18 2019-04-19 2019-04-22 2019-05-06 2019-05-27 2019-07-12 2019-08-26 2019-12-25 "
    "2019-12-26",
    "2020 2020-01-01 2020-03-17 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-07-13 2020-08-31 2020-12-25 "
    "2020-12-28",
    "2021 2021-01-01 2021-03-17 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-07-12 2021-08-30 2021-12-27 "
    "2021-12-28",
    "2022 2022-01-03 2022-03-17 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-07-12 2022-08-29 "
    "2022-09-19 2022-12-26 2022-12-27",
    "2023 2023-01-02 2023-03-17 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 2023-07-12 2023-08-28 "
    "2023-12-25 2023-12-26",
    "2024 2024-01-01 2024-03-18 2024-03-29 2024-04-01 2024-05-06 2024-05-27 2024-07-12 2024-08-26 2024-12-25 "
    "2024-12-26",
    "2025 2025-01-01 2025-03-17 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-07-14 2025-08-25 2025-12-25 "
    "2025-12-26",
};

std::map<int, std::vector<std::string>> parse_vectors(const char* const* rows, std::size_t n) {
    std::map<int, std::vector<std::string>> out;
    for (std::size_t i = 0; i < n; ++i) {
        std::istringstream in(rows[i]);
        int year = 0;
        in >> year;
        std::string d;
        while (in >> d) out[year].push_back(d);
    }
    return out;
}

std::vector<std::string> isos(const std::vector<Holiday>& hs) {
    std::vector<std::string> out;
    for (const auto& h : hs) out.push_back(h.date.iso());
    return out;
}

Date D(const char* iso) { return Date::parse_iso(iso); }

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    BOOST_REQUIRE_MESSAGE(in, "cannot open " << path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// An independent reference: weekends plus the rule holidays of each year,
// stepping one day at a time.
struct Naive {
    Division division;
    std::set<std::int32_t> closures;
    std::map<int, std::set<std::int32_t>> cache;
    bool working(Date d) {
        if (d.is_weekend() || closures.count(d.serial())) return false;
        auto& hs = cache[d.year()];
        if (hs.empty())
            for (const auto& h : detail::rule_bank_holidays(division, d.year())) hs.insert(h.date.serial());
        return hs.count(d.serial()) == 0;
    }
    Date add(Date from, int n) {
        Date d = from;
        const int step = n > 0 ? 1 : -1;
        for (int left = n > 0 ? n : -n; left > 0;) {
            d = d.add_days(step);
            if (working(d)) --left;
        }
        return d;
    }
    int between(Date a, Date b) {
        if (b < a) return -between(b, a);
        int c = 0;
        for (std::int32_t s = a.serial() + 1; s <= b.serial(); ++s)  // b may be 9999-12-31
            if (working(Date::from_serial(s))) ++c;
        return c;
    }
};

int code_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return static_cast<int>(e.code());
    }
    return 0;
}
constexpr int kParse = static_cast<int>(Status::parse);
constexpr int kInvalidArg = static_cast<int>(Status::invalid_arg);
constexpr int kNotFound = static_cast<int>(Status::not_found);

std::string message_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(calendar)

BOOST_AUTO_TEST_CASE(computus_gives_known_easter_sundays) {
    // Published Easter dates, including the extremes 22 March and 25 April.
    const std::pair<int, const char*> known[] = {
        {1818, "1818-03-22"}, {1886, "1886-04-25"}, {1943, "1943-04-25"}, {1961, "1961-04-02"},
        {2000, "2000-04-23"}, {2008, "2008-03-23"}, {2011, "2011-04-24"}, {2012, "2012-04-08"},
        {2019, "2019-04-21"}, {2024, "2024-03-31"}, {2038, "2038-04-25"}, {2285, "2285-03-22"}};
    for (const auto& [year, iso] : known) BOOST_TEST(detail::easter_sunday(year).iso() == iso);
    for (int y = 1583; y <= 4099; ++y) {
        const Date e = detail::easter_sunday(y);
        BOOST_TEST_REQUIRE(static_cast<int>(e.weekday()) == static_cast<int>(Weekday::sunday));
        BOOST_TEST_REQUIRE(e.serial() >= Date::from_ymd(y, 3, 22).serial());
        BOOST_TEST_REQUIRE(e.serial() <= Date::from_ymd(y, 4, 25).serial());
    }
}

BOOST_AUTO_TEST_CASE(england_and_wales_2010_to_2030_date_by_date) {
    const auto expected = parse_vectors(kEnglandAndWales, std::size(kEnglandAndWales));
    BOOST_TEST(expected.size() == 21u);
    const Calendar cal = Calendar::for_division(Division::england_and_wales);
    for (const auto& [year, dates] : expected) {
        BOOST_TEST_CONTEXT("year " << year) {
            BOOST_TEST(isos(cal.bank_holidays(year)) == dates, boost::test_tools::per_element());
            for (const auto& d : dates) {
                BOOST_TEST(cal.is_bank_holiday(D(d.c_str())));
                BOOST_TEST(!cal.is_working_day(D(d.c_str())));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(one_offs_move_and_add_days_with_names) {
    const Calendar cal = Calendar::for_division(Division::england_and_wales);
    for (const char* not_holiday : {"2012-05-28", "2020-05-04", "2022-05-30", "2023-05-15"}) {
        BOOST_TEST_CONTEXT(not_holiday) {
            BOOST_TEST(!cal.is_bank_holiday(D(not_holiday)));
            BOOST_TEST(cal.is_working_day(D(not_holiday)));
            BOOST_TEST(!cal.holiday_name(D(not_holiday)));
        }
    }
    BOOST_TEST(*cal.holiday_name(D("2011-04-29")) == "Royal wedding");
    BOOST_TEST(*cal.holiday_name(D("2012-06-04")) == "Spring bank holiday");
    BOOST_TEST(*cal.holiday_name(D("2012-06-05")) == "Queen\xE2\x80\x99s Diamond Jubilee");
    BOOST_TEST(*cal.holiday_name(D("2020-05-08")) == "Early May bank holiday (VE day)");
    BOOST_TEST(*cal.holiday_name(D("2022-06-03")) == "Platinum Jubilee bank holiday");
    BOOST_TEST(*cal.holiday_name(D("2022-09-19")) == "Bank Holiday for the State Funeral of Queen Elizabeth II");
    BOOST_TEST(*cal.holiday_name(D("2023-05-08")) == "Bank holiday for the coronation of King Charles III");
    BOOST_TEST(*cal.holiday_name(D("2022-12-27")) == "Christmas Day");  // substitute for Sun 25th
    BOOST_TEST(*cal.holiday_name(D("2022-12-26")) == "Boxing Day");
    BOOST_TEST(*cal.holiday_name(D("2023-01-02")) == "New Year\xE2\x80\x99s Day");
}

BOOST_AUTO_TEST_CASE(scotland_and_northern_ireland_match_gov_uk) {
    const struct {
        Division division;
        const char* const* rows;
        std::size_t n;
    } cases[] = {{Division::scotland, kScotland, std::size(kScotland)},
                 {Division::northern_ireland, kNorthernIreland, std::size(kNorthernIreland)}};
    for (const auto& c : cases) {
        const Calendar cal = Calendar::for_division(c.division);
        BOOST_TEST(static_cast<int>(cal.division()) == static_cast<int>(c.division));
        for (const auto& [year, dates] : parse_vectors(c.rows, c.n)) {
            BOOST_TEST_CONTEXT(to_string(c.division) << " " << year) {
                BOOST_TEST(isos(cal.bank_holidays(year)) == dates, boost::test_tools::per_element());
            }
        }
    }
    const Calendar sc = Calendar::for_division(Division::scotland);
    BOOST_TEST(!sc.is_bank_holiday(D("2024-04-01")));  // no Easter Monday in Scotland
    BOOST_TEST(*sc.holiday_name(D("2024-12-02")) == "St Andrew\xE2\x80\x99s Day");
    BOOST_TEST(*sc.holiday_name(D("2023-01-03")) == "2nd January");
    const Calendar ni = Calendar::for_division(Division::northern_ireland);
    BOOST_TEST(*ni.holiday_name(D("2025-07-14")) == "Battle of the Boyne (Orangemen\xE2\x80\x99s Day)");
    BOOST_TEST(*ni.holiday_name(D("2024-03-18")) == "St Patrick\xE2\x80\x99s Day");
}

BOOST_AUTO_TEST_CASE(divisions_parse_and_print) {
    for (auto d : {Division::england_and_wales, Division::scotland, Division::northern_ireland})
        BOOST_TEST(static_cast<int>(parse_division(to_string(d))) == static_cast<int>(d));
    BOOST_TEST(code_of([] { parse_division("wales"); }) == kInvalidArg);
    BOOST_TEST(message_of([] { parse_division("England"); }).find("England") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(day_zero_convention_and_negative_counts) {
    const Calendar cal = Calendar::for_division(Division::england_and_wales);
    // Fri 12 Oct 2012 is day 0; day 1 is Mon 15 Oct.
    BOOST_TEST(cal.add_working_days(D("2012-10-12"), 1).iso() == "2012-10-15");
    BOOST_TEST(cal.add_working_days(D("2012-10-12"), 0).iso() == "2012-10-12");
    BOOST_TEST(cal.add_working_days(D("2012-10-13"), 1).iso() == "2012-10-15");  // from a Saturday
    BOOST_TEST(cal.add_working_days(D("2012-10-13"), 0).iso() == "2012-10-13");
    BOOST_TEST(cal.add_working_days(D("2012-10-15"), -1).iso() == "2012-10-12");
    BOOST_TEST(cal.add_working_days(D("2012-10-14"), -1).iso() == "2012-10-12");  // from a Sunday
    // Across Christmas 2012 (Tue 25, Wed 26 holidays) and New Year 2013.
    BOOST_TEST(cal.add_working_days(D("2012-12-21"), 1).iso() == "2012-12-24");
    BOOST_TEST(cal.add_working_days(D("2012-12-24"), 1).iso() == "2012-12-27");
    BOOST_TEST(cal.add_working_days(D("2012-12-21"), 5).iso() == "2013-01-02");
    BOOST_TEST(cal.add_working_days(D("2013-01-02"), -5).iso() == "2012-12-21");
    // 20 working days from Fri 1 June 2012 skip the Jubilee Monday and Tuesday.
    BOOST_TEST(cal.add_working_days(D("2012-06-01"), 20).iso() == "2012-07-03");
    BOOST_TEST(cal.add_working_days(D("2012-06-01"), 1).iso() == "2012-06-06");
    BOOST_TEST(cal.working_days_between(D("2012-06-01"), D("2012-07-03")) == 20);
    BOOST_TEST(cal.working_days_between(D("2012-07-03"), D("2012-06-01")) == -20);
    BOOST_TEST(cal.working_days_between(D("2012-10-12"), D("2012-10-12")) == 0);
    BOOST_TEST(cal.working_days_between(D("2012-10-12"), D("2012-10-14")) == 0);
    BOOST_TEST(cal.next_working_day_on_or_after(D("2012-12-25")).iso() == "2012-12-27");
    BOOST_TEST(cal.next_working_day_on_or_after(D("2012-12-27")).iso() == "2012-12-27");
    const auto skipped = cal.non_working_days_between(D("2012-12-21"), D("2012-12-27"));
    std::vector<std::string> got;
    for (auto d : skipped) got.push_back(d.iso());
    const std::vector<std::string> want = {"2012-12-22", "2012-12-23", "2012-12-25", "2012-12-26"};
    BOOST_TEST(got == want, boost::test_tools::per_element());
    BOOST_TEST(cal.non_working_days_between(D("2012-12-27"), D("2012-12-21")).empty());
}

BOOST_AUTO_TEST_CASE(table_agrees_with_a_day_by_day_reference) {
    // Random dates across and around the table range 1900..2199, so both the
    // O(1) path, its edges and the slow fallback are exercised.
    std::mt19937 rng(20121012);
    std::uniform_int_distribution<std::int32_t> day(D("1895-01-01").serial(), D("2205-12-31").serial());
    std::uniform_int_distribution<int> count(-400, 400);
    for (auto division : {Division::england_and_wales, Division::scotland, Division::northern_ireland}) {
        const Calendar cal = Calendar::for_division(division);
        Naive naive{division, {}, {}};
        for (int i = 0; i < 1500; ++i) {
            const Date from = Date::from_serial(day(rng));
            const int n = count(rng);
            const Date want = naive.add(from, n);
            BOOST_TEST_REQUIRE(cal.add_working_days(from, n).iso() == want.iso(),
                               to_string(division) << " " << from.iso() << " + " << n);
            if (i % 10 == 0) {
                const Date other = Date::from_serial(day(rng) / 50 + from.serial() - day(rng) / 50);
                BOOST_TEST_REQUIRE(cal.working_days_between(from, other) == naive.between(from, other));
            }
            BOOST_TEST_REQUIRE(cal.is_working_day(from) == naive.working(from));
        }
    }
    // The exact table edges.
    const Calendar cal = Calendar::for_division(Division::england_and_wales);
    Naive naive{Division::england_and_wales, {}, {}};
    for (const char* edge : {"1899-12-29", "1900-01-01", "1900-01-02", "2199-12-31", "2200-01-01", "2199-12-24"})
        for (int n : {-30, -1, 1, 2, 30}) {
            BOOST_TEST_CONTEXT(edge << " + " << n) { BOOST_TEST(cal.add_working_days(D(edge), n).iso() == naive.add(D(edge), n).iso()); }
        }
    BOOST_TEST(cal.working_days_between(D("1899-06-01"), D("2200-06-01")) == naive.between(D("1899-06-01"), D("2200-06-01")));
}

BOOST_AUTO_TEST_CASE(slow_path_far_from_the_table_and_range_limit) {
    const Calendar cal = Calendar::for_division(Division::england_and_wales);
    Naive naive{Division::england_and_wales, {}, {}};
    BOOST_TEST(cal.add_working_days(D("2500-12-20"), 10).iso() == naive.add(D("2500-12-20"), 10).iso());
    BOOST_TEST(cal.add_working_days(D("1500-01-10"), -10).iso() == naive.add(D("1500-01-10"), -10).iso());
    BOOST_TEST(cal.is_bank_holiday(detail::easter_sunday(2600).add_days(1)));
    BOOST_TEST(code_of([&] { cal.add_working_days(D("9999-12-30"), 5); }) == kInvalidArg);
    BOOST_TEST(code_of([&] { cal.add_working_days(D("1400-01-03"), -5); }) == kInvalidArg);
    // The messages name the walk and its dates.
    const std::string m = message_of([&] { cal.add_working_days(D("9999-12-31"), 1); });
    BOOST_TEST(m.find("9999-12-31 + 1 working day") != std::string::npos, m);
    const std::string back = message_of([&] { cal.add_working_days(D("1400-01-01"), -1); });
    BOOST_TEST(back.find("1400-01-01 - 1 working day") != std::string::npos, back);
    BOOST_TEST(code_of([&] { cal.add_working_days(D("9999-12-31"), INT_MAX); }) == kInvalidArg);
    BOOST_TEST(code_of([&] { cal.add_working_days(D("1400-01-01"), INT_MIN); }) == kInvalidArg);
    // Walks that end on the last and first supported days stay inside them.
    BOOST_TEST(cal.add_working_days(D("9999-12-24"), 1).iso() == naive.add(D("9999-12-24"), 1).iso());
    BOOST_TEST(cal.working_days_between(D("9999-12-01"), D("9999-12-31")) ==
               naive.between(D("9999-12-01"), D("9999-12-31")));
    BOOST_TEST(cal.working_days_between(D("1400-01-01"), D("1400-02-01")) ==
               naive.between(D("1400-01-01"), D("1400-02-01")));
    BOOST_TEST(cal.non_working_days_between(D("9999-12-01"), D("9999-12-31")).size() +
                   static_cast<std::size_t>(cal.working_days_between(D("9999-12-01"), D("9999-12-31"))) ==
               30u);
    BOOST_TEST(cal.bank_holidays(9999).size() == 8u);
    BOOST_TEST(cal.bank_holidays(1400).size() >= 6u);
}

BOOST_AUTO_TEST_CASE(closures_are_not_working_days_but_not_bank_holidays) {
    const Calendar base = Calendar::for_division(Division::england_and_wales);
    // A council Christmas shutdown 2024: 27, 30, 31 December.
    const Calendar council = base.with_closures({{D("2024-12-27"), "Council Christmas shutdown"},
                                                 {D("2024-12-30"), "Council Christmas shutdown"},
                                                 {D("2024-12-31"), ""}});
    BOOST_TEST(base.is_working_day(D("2024-12-27")));
    BOOST_TEST(!council.is_working_day(D("2024-12-27")));
    BOOST_TEST(council.is_closure(D("2024-12-27")));
    BOOST_TEST(!council.is_bank_holiday(D("2024-12-27")));
    BOOST_TEST(*council.holiday_name(D("2024-12-30")) == "Council Christmas shutdown");
    BOOST_TEST(*council.holiday_name(D("2024-12-31")) == "Closure");
    BOOST_TEST(council.bank_holidays(2024).size() == 8u);
    BOOST_TEST(base.add_working_days(D("2024-12-24"), 1).iso() == "2024-12-27");
    BOOST_TEST(council.add_working_days(D("2024-12-24"), 1).iso() == "2025-01-02");
    BOOST_TEST(council.working_days_between(D("2024-12-20"), D("2025-01-03")) == 4);
    BOOST_TEST(base.working_days_between(D("2024-12-20"), D("2025-01-03")) == 7);
    // Closures survive adding holidays, and vice versa.
    const Calendar both = council.with_holidays({{D("2025-01-02"), "Proclaimed day"}});
    BOOST_TEST(!both.is_working_day(D("2024-12-30")));
    BOOST_TEST(both.is_bank_holiday(D("2025-01-02")));
    BOOST_TEST(both.add_working_days(D("2024-12-24"), 1).iso() == "2025-01-03");
    // Outside the table too.
    const Calendar far = base.with_closures({{D("2300-06-01"), "Far closure"}});
    BOOST_TEST(!far.is_working_day(D("2300-06-01")));
    BOOST_TEST(far.add_working_days(D("2300-05-31"), 1).iso() == "2300-06-04");
}

BOOST_AUTO_TEST_CASE(with_holidays_adds_a_proclaimed_day) {
    const Calendar base = Calendar::for_division(Division::england_and_wales);
    const Calendar cal = base.with_holidays({{D("2026-06-12"), "Proclaimed day"}});
    BOOST_TEST(!base.is_bank_holiday(D("2026-06-12")));
    BOOST_TEST(cal.is_bank_holiday(D("2026-06-12")));
    BOOST_TEST(cal.bank_holidays(2026).size() == base.bank_holidays(2026).size() + 1);
    BOOST_TEST(*cal.holiday_name(D("2026-06-12")) == "Proclaimed day");
    BOOST_TEST(cal.add_working_days(D("2026-06-11"), 1).iso() == "2026-06-15");
    BOOST_TEST(code_of([&] { base.with_holidays({{D("2026-06-12"), ""}}); }) == kInvalidArg);
    // A day already a holiday is not listed twice.
    BOOST_TEST(base.with_holidays({{D("2026-12-25"), "Again"}}).bank_holidays(2026).size() == base.bank_holidays(2026).size());
}

BOOST_AUTO_TEST_CASE(gov_uk_json_replaces_the_years_it_covers) {
    const std::string json = read_file(OVERSIGHT_TEST_DATA_DIR "/calendar_bank_holidays.json");
    const Calendar rules = Calendar::for_division(Division::england_and_wales);
    const Calendar cal = Calendar::from_gov_uk_json(json, Division::england_and_wales);
    BOOST_TEST(isos(cal.bank_holidays(2024)) == isos(rules.bank_holidays(2024)), boost::test_tools::per_element());
    BOOST_TEST(cal.bank_holidays(2025).size() == 9u);  // the 8 rule days + the made-up proclaimed day
    BOOST_TEST(cal.is_bank_holiday(D("2025-06-13")));
    BOOST_TEST(*cal.holiday_name(D("2025-06-13")) == "Proclaimed day (test fixture, not real)");
    BOOST_TEST(cal.add_working_days(D("2025-06-12"), 1).iso() == "2025-06-16");
    BOOST_TEST(isos(cal.bank_holidays(2026)) == isos(rules.bank_holidays(2026)));  // not covered: rules
    BOOST_TEST(isos(cal.bank_holidays(2012)) == isos(rules.bank_holidays(2012)));

    const Calendar sc = Calendar::from_gov_uk_json(json, Division::scotland);
    BOOST_TEST(isos(sc.bank_holidays(2025)) ==
               isos(Calendar::for_division(Division::scotland).bank_holidays(2025)));
    const Calendar ni = Calendar::from_gov_uk_json(json, Division::northern_ireland);
    BOOST_TEST(ni.is_bank_holiday(D("2025-07-14")));
}

BOOST_AUTO_TEST_CASE(gov_uk_json_errors_name_the_path) {
    const struct {
        const char* json;
        const char* where;
    } bad[] = {
        {"", "bank holidays JSON"},
        {"[1,2]", "expected an object"},
        {R"({"scotland":{"events":[]}})", "no \"england-and-wales\""},
        {R"({"england-and-wales":{"events":{}}})", "$[\"england-and-wales\"][\"events\"]"},
        {R"({"england-and-wales":{"division":"scotland","events":[]}})", "[\"division\"]"},
        {R"({"england-and-wales":{"events":[{"title":"X","date":"2025-02-30"}]}})",
         "$[\"england-and-wales\"][\"events\"][0][\"date\"]"},
        {R"({"england-and-wales":{"events":[{"title":"X","date":"2025-02-03"},{"date":"2025-02-04"}]}})",
         "[\"events\"][1][\"title\"]"},
        {R"({"england-and-wales":{"events":[{"title":"X","date":"2025-02-03","bunting":"yes"}]}})", "[\"bunting\"]"},
        {R"({"england-and-wales":{"events":[{"title":"X","date":"2025-02-03","notes":1}]}})", "[\"notes\"]"},
        {R"({"england-and-wales":{"events":[{"title":"X","date":"2025-02-03"},{"title":"Y","date":"2025-02-03"}]}})",
         "duplicate"},
        {R"({"england-and-wales":{"events":[7]}})", "[\"events\"][0]"},
    };
    for (const auto& b : bad) {
        BOOST_TEST_CONTEXT(b.json) {
            BOOST_TEST(code_of([&] { Calendar::from_gov_uk_json(b.json, Division::england_and_wales); }) ==
                       kParse);
            const auto msg = message_of([&] { Calendar::from_gov_uk_json(b.json, Division::england_and_wales); });
            BOOST_TEST(msg.find(b.where) != std::string::npos, msg);
        }
    }
}

BOOST_AUTO_TEST_CASE(calendars_are_cheap_shared_values_safe_across_threads) {
    const Calendar a = Calendar::for_division(Division::england_and_wales);
    const Calendar b = Calendar::for_division(Division::england_and_wales);  // the same shared tables
    Calendar c = a;
    c = b;
    BOOST_TEST(c.add_working_days(D("2012-06-01"), 20).iso() == "2012-07-03");
    std::vector<std::int64_t> sums(4, 0);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < sums.size(); ++t)
        threads.emplace_back([&, t] {
            std::int64_t s = 0;
            for (int i = 0; i < 20000; ++i) s += a.add_working_days(Date::from_serial(15000 + i), 45).serial();
            sums[t] = s;
        });
    for (auto& th : threads) th.join();
    for (auto s : sums) BOOST_TEST(s == sums[0]);
}

BOOST_AUTO_TEST_CASE(school_calendar_from_toml) {
    const Calendar cal = Calendar::for_division(Division::england_and_wales);
    const auto school = SchoolCalendar::from_toml(read_file(OVERSIGHT_TEST_DATA_DIR "/calendar_school.toml"), cal);
    BOOST_TEST(school.name() == "Example LA 2024/25");
    BOOST_TEST(school.terms().size() == 3u);
    BOOST_TEST_REQUIRE(school.last_term());
    BOOST_TEST(school.last_term()->name == "Summer 2025");
    BOOST_TEST(school.last_term()->last_day.iso() == "2025-07-22");
    // Terms given out of order are kept in order: the last is still the one ending last.
    const SchoolCalendar reversed("reversed", {school.terms().rbegin(), school.terms().rend()}, {}, cal);
    BOOST_TEST(reversed.last_term()->name == "Summer 2025");
    BOOST_TEST(!SchoolCalendar("none", {}, {}, cal).last_term());
    BOOST_TEST(!school.is_school_day(D("2024-09-02")));  // INSET
    BOOST_TEST(school.is_school_day(D("2024-09-03")));
    BOOST_TEST(!school.is_school_day(D("2024-09-07")));  // Saturday
    BOOST_TEST(!school.is_school_day(D("2024-12-23")));  // holidays
    BOOST_TEST(!school.is_school_day(D("2025-05-05")));  // bank holiday in term
    // Day 0 on the last day of autumn term; spring starts with an INSET day.
    BOOST_TEST(school.add_school_days(D("2024-12-20"), 1).iso() == "2025-01-07");
    BOOST_TEST(school.add_school_days(D("2025-01-07"), -1).iso() == "2024-12-20");
    BOOST_TEST(school.add_school_days(D("2024-12-25"), 0).iso() == "2024-12-25");
    BOOST_TEST(school.add_school_days(D("2024-08-01"), 1).iso() == "2024-09-03");
    // Across Easter: spring ends Fri 4 Apr, summer starts Tue 22 Apr.
    BOOST_TEST(school.add_school_days(D("2025-04-03"), 3).iso() == "2025-04-23");
    BOOST_TEST(school.school_days_between(D("2025-04-03"), D("2025-04-23")) == 3);
    BOOST_TEST(school.school_days_between(D("2025-04-23"), D("2025-04-03")) == -3);
    // Brute-force agreement.
    for (Date a = D("2024-08-20"); a < D("2025-04-20"); a = a.add_days(11)) {
        for (int n : {1, 5, 19, 40}) {
            const Date r = school.add_school_days(a, n);
            BOOST_TEST_REQUIRE(school.is_school_day(r));
            BOOST_TEST_REQUIRE(school.school_days_between(a, r) == n);
        }
    }
    BOOST_TEST(code_of([&] { school.add_school_days(D("2025-07-01"), 30); }) == kNotFound);
    BOOST_TEST(code_of([&] { school.add_school_days(D("2024-09-10"), -30); }) == kNotFound);
    BOOST_TEST(school.term_on_or_after(D("2025-04-10"))->name == "Summer 2025");
    BOOST_TEST(school.term_on_or_after(D("2025-03-10"))->name == "Spring 2025");
    BOOST_TEST(!school.term_on_or_after(D("2025-07-23")));
}

BOOST_AUTO_TEST_CASE(school_calendar_errors_name_the_field) {
    const Calendar cal = Calendar::for_division(Division::england_and_wales);
    const struct {
        const char* toml;
        const char* field;
    } bad[] = {
        {"name = ", "line 1"},
        {"[[term]]\nname='A'\nfirst_day=2024-09-01\nlast_day=2024-12-01\n", "name"},
        {"name='X'\n", "term"},
        {"name='X'\n[[term]]\nfirst_day=2024-09-01\nlast_day=2024-12-01\n", "term[0].name"},
        {"name='X'\n[[term]]\nname='A'\nlast_day=2024-12-01\n", "term[0].first_day"},
        {"name='X'\n[[term]]\nname='A'\nfirst_day='2024-13-01'\nlast_day=2024-12-01\n", "term[0].first_day"},
        {"name='X'\n[[term]]\nname='A'\nfirst_day=2024-09-01\nlast_day=2024-08-01\n", "term[0].last_day"},
        {"name='X'\n[[term]]\nname='A'\nfirst_day=2024-09-01\nlast_day=2024-12-01\nlength=3\n", "term[0].length"},
        {"name='X'\nnon_school_days=[1]\n[[term]]\nname='A'\nfirst_day=2024-09-01\nlast_day=2024-12-01\n",
         "non_school_days[0]"},
        {"name='X'\nholidays=[]\n", "holidays"},
        {"name='X'\n[[term]]\nname='A'\nfirst_day=2024-09-01\nlast_day=2024-12-01\n[[term]]\nname='B'\n"
         "first_day=2024-11-01\nlast_day=2024-12-20\n",
         "overlaps"},
    };
    for (const auto& b : bad) {
        BOOST_TEST_CONTEXT(b.toml) {
            const auto msg = message_of([&] { SchoolCalendar::from_toml(b.toml, cal); });
            BOOST_TEST(code_of([&] { SchoolCalendar::from_toml(b.toml, cal); }) == kParse);
            BOOST_TEST(msg.find(b.field) != std::string::npos, msg);
        }
    }
}

BOOST_AUTO_TEST_CASE(identity_differs_whenever_a_day_could_count_differently) {
    // What a kept compliance report is keyed by: copies share it; another
    // division, a proclaimed day, a closure (or its name), a gov.uk year, or
    // a school calendar's terms or non-school days give another.
    const Calendar ew = Calendar::for_division(Division::england_and_wales);
    const Calendar copy = ew;
    BOOST_TEST(copy.identity() == ew.identity());
    BOOST_TEST(Calendar::for_division(Division::england_and_wales).identity() == ew.identity());
    BOOST_TEST(Calendar::for_division(Division::scotland).identity() != ew.identity());
    const Calendar proclaimed = ew.with_holidays({{D("2026-06-12"), "Proclaimed day"}});
    BOOST_TEST(proclaimed.identity() != ew.identity());
    const Calendar closed = ew.with_closures({{D("2026-12-29"), "Shutdown"}});
    BOOST_TEST(closed.identity() != ew.identity());
    BOOST_TEST(closed.identity() != ew.with_closures({{D("2026-12-29"), "Shut down"}}).identity());
    BOOST_TEST(closed.identity() != proclaimed.identity());
    const Calendar govuk = Calendar::from_gov_uk_json(read_file(OVERSIGHT_TEST_DATA_DIR "/calendar_bank_holidays.json"),
                                                      Division::england_and_wales);
    BOOST_TEST(govuk.identity() != ew.identity());

    const SchoolCalendar::Term autumn{"Autumn 2024", D("2024-09-03"), D("2024-12-20")};
    const SchoolCalendar a("LA", {autumn}, {}, ew);
    BOOST_TEST(SchoolCalendar("LA", {autumn}, {}, ew).identity() == a.identity());
    BOOST_TEST(SchoolCalendar("LA", {autumn}, {D("2024-10-04")}, ew).identity() != a.identity());
    BOOST_TEST(SchoolCalendar("LA", {{"Autumn 2024", D("2024-09-04"), D("2024-12-20")}}, {}, ew).identity() !=
               a.identity());
    BOOST_TEST(SchoolCalendar("LA", {autumn}, {}, closed).identity() != a.identity());
}

BOOST_AUTO_TEST_SUITE_END()
