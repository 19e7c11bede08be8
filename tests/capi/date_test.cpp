// <oversight/c/date.h>, only through <oversight.h>.
#include "capi_test.hpp"

using namespace capi_test;

BOOST_AUTO_TEST_SUITE(date)

BOOST_AUTO_TEST_CASE(parse_and_format) {
    oversight_date d{};
    EXPECT_OK(oversight_date_parse_iso("2012-10-12", &d));
    BOOST_TEST(d.year == 2012);
    BOOST_TEST(d.month == 10);
    BOOST_TEST(d.day == 12);
    char* s = nullptr;
    EXPECT_OK(oversight_date_format_iso(d, &s));
    BOOST_TEST(take(s) == "2012-10-12");

    d = oversight_date{1, 1, 1};
    EXPECT_FAIL(oversight_date_parse_iso("2023-02-29", &d), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST((d.year == 0 && d.month == 0 && d.day == 0));  // cleared first
    EXPECT_FAIL(oversight_date_parse_iso(nullptr, &d), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_date_parse_iso("2012-10-12", nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_date_parse_iso("\xff\xfe", &d), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_date_parse_iso(kSql, &d), OVERSIGHT_E_INVALID_ARG);
    s = reinterpret_cast<char*>(0x1);
    EXPECT_FAIL(oversight_date_format_iso(oversight_date{2012, 2, 30}, &s), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(s == nullptr);
    EXPECT_FAIL(oversight_date_format_iso(kJunkDate, &s), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_date_format_iso(oversight_date{2012, 10, 12}, nullptr), OVERSIGHT_E_INVALID_ARG);
}

BOOST_AUTO_TEST_CASE(validate_and_today) {
    EXPECT_OK(oversight_date_validate(oversight_date{2024, 2, 29}));
    EXPECT_FAIL(oversight_date_validate(kBadDate), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_date_validate(kJunkDate), OVERSIGHT_E_INVALID_ARG);
    oversight_date d{};
    EXPECT_FAIL(oversight_date_today(nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_OK(oversight_date_today(&d));
    EXPECT_OK(oversight_date_validate(d));
    BOOST_TEST(d.year >= 2024);
}

BOOST_AUTO_TEST_SUITE_END()
