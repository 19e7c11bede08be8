#include <boost/test/unit_test.hpp>

#include <oversight/core/date.hpp>
#include <oversight/core/error.hpp>

#include <climits>
#include <functional>
#include <string>

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

namespace {

/// The message of the oversight::Error (invalid_arg) that f throws; "" and a
/// failed check if it throws anything else or nothing.
std::string range_error(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(Status::invalid_arg));
        return e.what();
    } catch (...) {
        BOOST_FAIL("not an oversight::Error");
    }
    BOOST_FAIL("no exception");
    return "";
}

bool contains(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_CASE(the_supported_range_has_two_ends) {
    BOOST_TEST(Date::min().iso() == "1400-01-01");
    BOOST_TEST(Date::max().iso() == "9999-12-31");
    BOOST_CHECK(Date::from_ymd(1400, 1, 1) == Date::min());
    BOOST_CHECK(Date::from_ymd(9999, 12, 31) == Date::max());
    BOOST_CHECK(Date::from_serial(Date::kMaxSerial) == Date::max());
    BOOST_TEST(Date::max().year() == 9999);
    BOOST_TEST(Date::max().month() == 12);
    BOOST_TEST(Date::max().day() == 31);
    BOOST_TEST(Date::min().year() == 1400);
    // Every day of a leap century and its neighbours converts both ways.
    for (std::int32_t s = Date::from_ymd(1999, 12, 1).serial(); s <= Date::from_ymd(2001, 3, 1).serial(); ++s) {
        const Date d = Date::from_serial(s);
        BOOST_CHECK(Date::from_ymd(d.year(), d.month(), d.day()) == d);
        BOOST_CHECK(Date::parse_iso(d.iso()) == d);
    }
    BOOST_TEST(Date::max().add_days(-1).iso() == "9999-12-30");
    BOOST_TEST(Date::min().add_days(1).iso() == "1400-01-02");
    BOOST_TEST(Date::parse_iso("9999-11-30").add_months(1).iso() == "9999-12-30");
    BOOST_TEST(Date::parse_iso("1400-02-28").add_months(-1).iso() == "1400-01-28");
}

BOOST_AUTO_TEST_CASE(no_arithmetic_leaves_the_range) {
    // Each throws oversight::Error naming the operation and the dates
    // (a Boost exception or a day count past 9999 before).
    std::string m = range_error([] { Date::max().add_days(1); });
    BOOST_TEST(contains(m, "9999-12-31 + 1 day"), m);
    BOOST_TEST(contains(m, "10000-01-01"), m);
    m = range_error([] { Date::min().add_days(-1); });
    BOOST_TEST(contains(m, "1400-01-01 - 1 day"), m);
    BOOST_TEST(contains(m, "1399-12-31"), m);
    m = range_error([] { Date::parse_iso("9999-12-01").add_days(35); });
    BOOST_TEST(contains(m, "9999-12-01 + 35 days"), m);
    m = range_error([] { Date::parse_iso("9999-12-01").add_months(1); });
    BOOST_TEST(contains(m, "9999-12-01 + 1 month"), m);
    m = range_error([] { Date::parse_iso("1400-01-31").add_months(-1); });
    BOOST_TEST(contains(m, "1400-01-31 - 1 month"), m);
    m = range_error([] { Date::parse_iso("2012-10-12").add_years(8000); });
    BOOST_TEST(contains(m, "2012-10-12 + 8000 years"), m);
    // Extremes that overflowed the int arithmetic before.
    m = range_error([] { Date::max().add_days(INT32_MAX); });
    BOOST_TEST(contains(m, "9999-12-31 + 2147483647 days"), m);
    range_error([] { Date::min().add_days(INT32_MIN); });
    range_error([] { Date::max().add_months(INT_MAX); });
    range_error([] { Date::min().add_months(INT_MIN); });
    range_error([] { Date::max().add_years(INT_MAX); });
    range_error([] { Date::min().add_years(INT_MIN); });
    // No Date outside the range can be made from a day count either.
    m = range_error([] { Date::from_serial(Date::kMaxSerial + 1); });
    BOOST_TEST(contains(m, "10000-01-01"), m);
    range_error([] { Date::from_serial(Date::kMinSerial - 1); });
    range_error([] { Date::from_serial(INT32_MIN); });
    range_error([] { Date::from_serial(INT32_MAX); });
    BOOST_CHECK(!Date::try_from_serial(std::int64_t(Date::kMaxSerial) + 1));
    BOOST_CHECK(!Date::try_from_serial(INT64_MIN));
    BOOST_CHECK(Date::try_from_serial(Date::kMinSerial) == Date::min());
    range_error([] { Date::from_ymd(10000, 1, 1); });
    range_error([] { Date::from_ymd(1399, 12, 31); });
}

BOOST_AUTO_TEST_SUITE_END()
