#include <boost/test/unit_test.hpp>

#include <oversight/core/date.hpp>
#include <oversight/core/error.hpp>

using oversight::Date;
using oversight::Error;
using oversight::Status;
using oversight::Weekday;

BOOST_AUTO_TEST_SUITE(date)

BOOST_AUTO_TEST_CASE(iso_round_trip_and_serial) {
    Date d = Date::parse_iso("2012-10-12");
    BOOST_TEST(d.year() == 2012);
    BOOST_TEST(d.month() == 10);
    BOOST_TEST(d.day() == 12);
    BOOST_TEST(d.iso() == "2012-10-12");
    BOOST_TEST(Date::from_serial(0).iso() == "1970-01-01");
    BOOST_TEST(Date::parse_iso("1970-01-02").serial() == 1);
    BOOST_TEST(Date::parse_iso("1969-12-31").serial() == -1);
    BOOST_TEST(static_cast<int>(d.weekday()) == static_cast<int>(Weekday::friday));
}

BOOST_AUTO_TEST_CASE(impossible_dates_are_invalid_arguments) {
    for (const char* bad : {"2023-02-29", "2012-13-01", "2012-00-10", "2012-04-31", "12-10-2012", "2012-1-5",
                            "", "2012-10-12x", "abcd-ef-gh"}) {
        BOOST_TEST_CONTEXT(bad) {
            BOOST_CHECK(!Date::try_parse_iso(bad));
            try {
                Date::parse_iso(bad);
                BOOST_FAIL("no exception");
            } catch (const Error& e) {
                BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(Status::invalid_arg));
            }
        }
    }
    BOOST_CHECK(Date::try_parse_iso("2024-02-29"));
    BOOST_CHECK_THROW(Date::from_ymd(2100, 2, 29), Error);
}

BOOST_AUTO_TEST_CASE(months_use_the_corresponding_date_rule) {
    // 31 January + 1 month = last day of February, leap and non-leap.
    BOOST_TEST(Date::parse_iso("2024-01-31").add_months(1).iso() == "2024-02-29");
    BOOST_TEST(Date::parse_iso("2023-01-31").add_months(1).iso() == "2023-02-28");
    BOOST_TEST(Date::parse_iso("2012-09-14").add_months(3).iso() == "2012-12-14");
    BOOST_TEST(Date::parse_iso("2012-08-31").add_months(6).iso() == "2013-02-28");
    BOOST_TEST(Date::parse_iso("2012-03-31").add_months(-1).iso() == "2012-02-29");
    BOOST_TEST(Date::parse_iso("2012-12-15").add_months(1).iso() == "2013-01-15");
    BOOST_TEST(Date::parse_iso("2024-02-29").add_years(1).iso() == "2025-02-28");
}

BOOST_AUTO_TEST_CASE(comparison_and_difference) {
    Date a = Date::parse_iso("2012-12-24"), b = Date::parse_iso("2013-01-02");
    BOOST_TEST(Date::days_between(a, b) == 9);
    BOOST_CHECK(a < b);
    BOOST_CHECK(a.add_days(9) == b);
    BOOST_TEST(Date::parse_iso("2012-10-13").is_weekend());
    BOOST_TEST(!Date::parse_iso("2012-10-12").is_weekend());
}

BOOST_AUTO_TEST_SUITE_END()
