// Durations, counting conventions and deadline phrases.
#include <boost/test/unit_test.hpp>

#include <oversight/calendar/duration.hpp>
#include <oversight/core/error.hpp>

#include <fstream>
#include <functional>
#include <sstream>
#include <string>

using namespace oversight;

namespace {

Date D(const char* iso) { return Date::parse_iso(iso); }

int code_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return static_cast<int>(e.code());
    }
    return 0;
}

std::string message_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

int kind(const DeadlinePhrase& p) { return static_cast<int>(p.kind); }
constexpr int kImmediately = static_cast<int>(DeadlinePhrase::Kind::immediately);
constexpr int kRelative = static_cast<int>(DeadlinePhrase::Kind::relative);
constexpr int kAbsolute = static_cast<int>(DeadlinePhrase::Kind::absolute);
constexpr int kEndOfMonth = static_cast<int>(DeadlinePhrase::Kind::end_of_month);

SchoolCalendar example_school(const Calendar& cal) {
    std::ifstream in(OVERSIGHT_TEST_DATA_DIR "/calendar_school.toml");
    std::ostringstream s;
    s << in.rdbuf();
    return SchoolCalendar::from_toml(s.str(), cal);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(duration)

BOOST_AUTO_TEST_CASE(units_and_durations_round_trip) {
    for (Unit u : {Unit::calendar_days, Unit::weeks, Unit::months, Unit::working_days, Unit::school_days,
                   Unit::school_terms}) {
        BOOST_TEST(static_cast<int>(parse_unit(to_string(u))) == static_cast<int>(u));
        for (int n : {1, 2, 45}) {
            const Duration d{n, u};
            BOOST_TEST_CONTEXT(describe(d)) { BOOST_CHECK(parse_duration(describe(d)) == d); }
        }
    }
    BOOST_TEST(static_cast<int>(parse_unit("Working Days")) == static_cast<int>(Unit::working_days));
    BOOST_TEST(static_cast<int>(parse_unit("days")) == static_cast<int>(Unit::calendar_days));
    BOOST_TEST(static_cast<int>(parse_unit("school days")) == static_cast<int>(Unit::school_days));
    BOOST_TEST(code_of([] { parse_unit("fortnights"); }) == static_cast<int>(Status::invalid_arg));
    BOOST_TEST(describe({10, Unit::working_days}) == "10 working days");
    BOOST_TEST(describe({1, Unit::weeks}) == "1 week");
    BOOST_TEST(describe({3, Unit::months}) == "3 months");
}

BOOST_AUTO_TEST_CASE(parse_duration_refuses_negative_durations) {
    for (const char* text : {"-5 days", "- 5 weeks", "minus 3 months", "Minus five working days", "negative 2 weeks",
                             "\xE2\x88\x92" "5 days", "-1 fortnight"}) {
        BOOST_TEST_CONTEXT(text) {
            BOOST_TEST(code_of([&] { parse_duration(text); }) == static_cast<int>(Status::parse));
            const std::string m = message_of([&] { parse_duration(text); });
            BOOST_TEST(m.find("is negative") != std::string::npos, m);
            BOOST_TEST(m.find(text) != std::string::npos, m);
        }
    }
    // "minus" alone, or a sign with no count, is simply not a duration.
    BOOST_TEST(message_of([] { parse_duration("minus"); }).find("cannot read duration") != std::string::npos);
    BOOST_TEST(message_of([] { parse_duration("- days"); }).find("cannot read duration") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(parse_duration_refuses_durations_longer_than_the_supported_dates) {
    BOOST_CHECK(parse_duration("100000 days") == (Duration{100000, Unit::calendar_days}));
    BOOST_CHECK(parse_duration("25800 terms") == (Duration{25800, Unit::school_terms}));
    for (const char* text : {"100001 days", "99999999999999999999 weeks", "25801 school terms",
                             "50001 fortnights", "2147483648 months"}) {
        BOOST_TEST_CONTEXT(text) {
            const std::string m = message_of([&] { parse_duration(text); });
            BOOST_TEST(m.find("is too long: at most") != std::string::npos, m);
        }
    }
    // A deadline phrase with such a duration is not read either.
    BOOST_TEST(code_of([] { parse_deadline_phrase("within -5 days", D("2024-01-01")); }) ==
               static_cast<int>(Status::parse));
}

BOOST_AUTO_TEST_CASE(parse_duration_reads_the_usual_forms) {
    BOOST_CHECK(parse_duration("10 working days") == (Duration{10, Unit::working_days}));
    BOOST_CHECK(parse_duration("6 weeks") == (Duration{6, Unit::weeks}));
    BOOST_CHECK(parse_duration("Three months") == (Duration{3, Unit::months}));
    BOOST_CHECK(parse_duration("a week") == (Duration{1, Unit::weeks}));
    BOOST_CHECK(parse_duration("twenty-five working days") == (Duration{25, Unit::working_days}));
    BOOST_CHECK(parse_duration("twenty five working days") == (Duration{25, Unit::working_days}));
    BOOST_CHECK(parse_duration("20 school days") == (Duration{20, Unit::school_days}));
    BOOST_CHECK(parse_duration("termly") == (Duration{1, Unit::school_terms}));
    BOOST_CHECK(parse_duration("  15   Days. ") == (Duration{15, Unit::calendar_days}));
    for (const char* bad : {"", "soon", "weeks", "10", "10 fortnightlies", "1234567 days", "ten-ten days"}) {
        BOOST_TEST_CONTEXT(bad) {
            BOOST_TEST(code_of([&] { parse_duration(bad); }) == static_cast<int>(Status::parse));
            BOOST_TEST(message_of([&] { parse_duration(bad); }).find(std::string("\"") + bad) != std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_CASE(add_duration_in_every_unit) {
    const Calendar cal = Calendar::for_division(Division::england_and_wales);
    // Calendar days, weeks: trigger is day 0.
    BOOST_TEST(add_duration(D("2012-10-12"), {15, Unit::calendar_days}, cal).iso() == "2012-10-27");
    BOOST_TEST(add_duration(D("2012-10-12"), {6, Unit::weeks}, cal).iso() == "2012-11-23");
    // Months: the corresponding-date rule.
    BOOST_TEST(add_duration(D("2013-01-31"), {1, Unit::months}, cal).iso() == "2013-02-28");
    BOOST_TEST(add_duration(D("2012-01-31"), {1, Unit::months}, cal).iso() == "2012-02-29");
    BOOST_TEST(add_duration(D("2012-09-14"), {3, Unit::months}, cal).iso() == "2012-12-14");
    // Working days across Christmas 2012.
    BOOST_TEST(add_duration(D("2012-12-21"), {5, Unit::working_days}, cal).iso() == "2013-01-02");
    // Day one: the trigger counts as the first day.
    const CountingRules day_one{DayZero::trigger_is_day_one};
    BOOST_TEST(add_duration(D("2012-10-12"), {15, Unit::calendar_days}, cal, nullptr, day_one).iso() == "2012-10-26");
    BOOST_TEST(add_duration(D("2012-10-12"), {1, Unit::weeks}, cal, nullptr, day_one).iso() == "2012-10-18");
    BOOST_TEST(add_duration(D("2012-10-12"), {10, Unit::working_days}, cal, nullptr, day_one).iso() == "2012-10-25");
    BOOST_TEST(add_duration(D("2012-10-13"), {10, Unit::working_days}, cal, nullptr, day_one).iso() ==
               add_duration(D("2012-10-13"), {10, Unit::working_days}, cal).iso());  // Saturday trigger
    BOOST_TEST(add_duration(D("2013-01-31"), {1, Unit::months}, cal, nullptr, day_one).iso() == "2013-02-28");
    // School units need a school calendar.
    BOOST_TEST(code_of([&] { add_duration(D("2024-10-01"), {5, Unit::school_days}, cal); }) ==
               static_cast<int>(Status::invalid_arg));
    BOOST_TEST(code_of([&] { add_duration(D("2024-10-01"), {1, Unit::school_terms}, cal); }) ==
               static_cast<int>(Status::invalid_arg));
    const SchoolCalendar school = example_school(cal);
    BOOST_TEST(add_duration(D("2024-12-20"), {1, Unit::school_days}, cal, &school).iso() == "2025-01-07");
    // Termly: by the LAST day of the n-th term starting after `from` (one per term).
    BOOST_TEST(add_duration(D("2024-10-01"), {1, Unit::school_terms}, cal, &school).iso() ==
               school.terms()[1].last_day.iso());
    BOOST_TEST(add_duration(D("2024-10-01"), {2, Unit::school_terms}, cal, &school).iso() ==
               school.terms()[2].last_day.iso());
    // From a holiday: by the end of the next term.
    BOOST_TEST(add_duration(school.terms()[0].last_day.add_days(1), {1, Unit::school_terms}, cal, &school).iso() ==
               school.terms()[1].last_day.iso());
    // n < 0: the first day of the |n|-th term ending before `from`.
    BOOST_TEST(add_duration(D("2025-05-01"), {-1, Unit::school_terms}, cal, &school).iso() ==
               school.terms()[1].first_day.iso());
    BOOST_TEST(code_of([&] { add_duration(D("2024-10-01"), {3, Unit::school_terms}, cal, &school); }) ==
               static_cast<int>(Status::not_found));
    BOOST_TEST(code_of([&] { add_duration(D("2024-10-01"), {1000000, Unit::calendar_days}, cal); }) ==
               static_cast<int>(Status::invalid_arg));
}

BOOST_AUTO_TEST_CASE(deadline_phrases_from_the_seed_plan) {
    const Calendar cal = Calendar::for_division(Division::england_and_wales);
    const Date report = D("2012-09-14");  // the context: the inspection report date

    auto p = parse_deadline_phrase("Immediately", report);
    BOOST_TEST(kind(p) == kImmediately);
    BOOST_TEST(resolve(p, report, cal).iso() == "2012-09-14");
    BOOST_TEST(p.text == "Immediately");

    p = parse_deadline_phrase("Within three months", report);
    BOOST_TEST(kind(p) == kRelative);
    BOOST_CHECK(p.duration == (Duration{3, Unit::months}));
    BOOST_TEST(resolve(p, report, cal).iso() == "2012-12-14");
    BOOST_CHECK(parse_deadline_phrase("within 6 months", report).duration == (Duration{6, Unit::months}));
    BOOST_TEST(resolve(parse_deadline_phrase("Within six months", report), report, cal).iso() == "2013-03-14");

    p = parse_deadline_phrase("10 working days", report);
    BOOST_CHECK(p.duration == (Duration{10, Unit::working_days}));
    BOOST_TEST(resolve(p, report, cal).iso() == "2012-09-28");
    BOOST_TEST(resolve(parse_deadline_phrase("6 weeks", report), report, cal).iso() == "2012-10-26");

    p = parse_deadline_phrase("by end of November 2012", report);
    BOOST_TEST(kind(p) == kEndOfMonth);
    BOOST_TEST(p.date.iso() == "2012-11-30");
    BOOST_TEST(parse_deadline_phrase("by the end of December 2012", report).date.iso() == "2012-12-31");
    BOOST_TEST(parse_deadline_phrase("end of February 2024", report).date.iso() == "2024-02-29");
    BOOST_TEST(parse_deadline_phrase("October 2012", report).date.iso() == "2012-10-31");
    BOOST_TEST(kind(parse_deadline_phrase("October 2012", report)) == kEndOfMonth);
    BOOST_TEST(parse_deadline_phrase("end of August", report).date.iso() == "2013-08-31");

    p = parse_deadline_phrase("31st October", report);
    BOOST_TEST(kind(p) == kAbsolute);
    BOOST_TEST(p.date.iso() == "2012-10-31");
    BOOST_TEST(resolve(p, D("2000-01-01"), cal).iso() == "2012-10-31");
    BOOST_TEST(parse_deadline_phrase("8th August", report).date.iso() == "2013-08-08");  // next occurrence
    BOOST_TEST(parse_deadline_phrase("14th September", report).date.iso() == "2012-09-14");  // on the context
    BOOST_TEST(parse_deadline_phrase("29th February", report).date.iso() == "2016-02-29");
    BOOST_TEST(parse_deadline_phrase("17th October 2012", report).date.iso() == "2012-10-17");
    BOOST_TEST(parse_deadline_phrase("17 October 2012", report).date.iso() == "2012-10-17");
    BOOST_TEST(parse_deadline_phrase("31 october 2012", report).date.iso() == "2012-10-31");
    BOOST_TEST(parse_deadline_phrase("12 December 2012", report).date.iso() == "2012-12-12");
    BOOST_TEST(parse_deadline_phrase("October 17th, 2012", report).date.iso() == "2012-10-17");
    BOOST_TEST(parse_deadline_phrase("18/10/12", report).date.iso() == "2012-10-18");
    BOOST_TEST(parse_deadline_phrase("by 12/10/12.", report).date.iso() == "2012-10-12");
    BOOST_TEST(parse_deadline_phrase("23/08/2012", report).date.iso() == "2012-08-23");
    BOOST_TEST(parse_deadline_phrase("2012-10-18", report).date.iso() == "2012-10-18");
    // "the" before a date; ordinal suffixes that match the day.
    BOOST_TEST(parse_deadline_phrase("the 5th of December", report).date.iso() == "2012-12-05");
    BOOST_TEST(parse_deadline_phrase("by the 5th of December 2012", report).date.iso() == "2012-12-05");
    BOOST_TEST(parse_deadline_phrase("on the 22nd October", report).date.iso() == "2012-10-22");
    BOOST_TEST(parse_deadline_phrase("11th October 2012", report).date.iso() == "2012-10-11");
    BOOST_TEST(parse_deadline_phrase("23rd October 2012", report).date.iso() == "2012-10-23");
    BOOST_TEST(parse_deadline_phrase("1st October 2012", report).date.iso() == "2012-10-01");
    // Fortnights: the count in weeks must stay within the limit.
    BOOST_CHECK(parse_deadline_phrase("within 50000 fortnights", report).duration == (Duration{100000, Unit::weeks}));
}

BOOST_AUTO_TEST_CASE(unreadable_phrases_are_parse_errors_with_the_text) {
    const Date ctx = D("2012-09-14");
    for (const char* bad : {"soon", "31/02/12", "next Tuesday", "", "Within existing resources", "31st February",
                            "30th February 2012", "13/13/12", "end of Smarch 2012", "asap", "0 days",
                            "within 0 weeks", "1/2/345", "1/1/99999999999", "1nd October", "2st October 2012",
                            "11st October", "22th October", "within 999999 fortnights", "within 50001 fortnights"}) {
        BOOST_TEST_CONTEXT("\"" << bad << "\"") {
            BOOST_TEST(code_of([&] { parse_deadline_phrase(bad, ctx); }) == static_cast<int>(Status::parse));
            BOOST_TEST(message_of([&] { parse_deadline_phrase(bad, ctx); }).find(std::string("\"") + bad + "\"") !=
                       std::string::npos);
            BOOST_TEST(!try_parse_deadline_phrase(bad, ctx));
        }
    }
    BOOST_TEST(message_of([&] { parse_deadline_phrase("31/02/12", ctx); }).find("impossible date") != std::string::npos);
    BOOST_TEST(try_parse_deadline_phrase("6 weeks", ctx).has_value());
}

BOOST_AUTO_TEST_CASE(durations_and_deadlines_stay_inside_the_supported_dates) {
    // Each of these terminated a host through the C API (issue 8): now an
    // oversight::Error (invalid_arg) that names the dates.
    const Calendar cal = Calendar::for_division(Division::england_and_wales);
    const int invalid = static_cast<int>(Status::invalid_arg);
    struct Case {
        const char* from;
        Duration d;
    };
    for (const Case& c : {Case{"9999-12-31", {1, Unit::calendar_days}}, Case{"9999-12-01", {5, Unit::weeks}},
                          Case{"9999-12-31", {15, Unit::calendar_days}}, Case{"9999-12-01", {6, Unit::weeks}},
                          Case{"9999-12-01", {1, Unit::months}}, Case{"9999-12-31", {1, Unit::working_days}},
                          Case{"1400-01-01", {-1, Unit::calendar_days}}, Case{"1400-01-05", {-1, Unit::weeks}},
                          Case{"1400-01-31", {-1, Unit::months}}, Case{"1400-01-01", {-1, Unit::working_days}}}) {
        BOOST_TEST_CONTEXT(c.from << " + " << describe(c.d)) {
            const auto f = [&] { add_duration(D(c.from), c.d, cal); };
            BOOST_TEST(code_of(f) == invalid);
            const std::string m = message_of(f);
            BOOST_TEST(m.find(c.from) != std::string::npos, m);
        }
    }
    // The deadline phrases resolve through the same checks.
    for (const auto& [phrase, from] : {std::pair{"15 days", "9999-12-31"}, std::pair{"6 weeks", "9999-12-01"},
                                       std::pair{"within 3 months", "9999-11-15"}, std::pair{"10 working days", "9999-12-30"}}) {
        BOOST_TEST_CONTEXT(phrase << " from " << from) {
            const auto f = [&, phrase = phrase, from = from] { resolve(parse_deadline_phrase(phrase, D(from)), D(from), cal); };
            BOOST_TEST(code_of(f) == invalid);
            BOOST_TEST(message_of(f).find(from) != std::string::npos, message_of(f));
        }
    }
    // Up to the last day itself is fine.
    BOOST_TEST(add_duration(D("9999-12-30"), {1, Unit::calendar_days}, cal).iso() == "9999-12-31");
    BOOST_TEST(add_duration(D("9999-11-30"), {1, Unit::months}, cal).iso() == "9999-12-30");
    BOOST_TEST(add_duration(D("1400-01-02"), {-1, Unit::calendar_days}, cal).iso() == "1400-01-01");
    const SchoolCalendar school = example_school(cal);
    BOOST_TEST(school.school_days_between(D("9999-12-31"), D("9999-12-31")) == 0);
    BOOST_TEST(school.school_days_between(D("9999-12-30"), D("9999-12-31")) == 0);
}

// A Unit or phrase Kind outside its enum is the caller's input (E_INTERNAL
// is for bugs): Error(invalid_arg) naming it.
BOOST_AUTO_TEST_CASE(a_unit_or_phrase_kind_outside_its_enum_is_invalid_arg) {
    const Calendar cal = Calendar::for_division(Division::england_and_wales);
    const int invalid = static_cast<int>(Status::invalid_arg);
    const Duration odd{3, static_cast<Unit>(99)};
    BOOST_TEST(code_of([&] { add_duration(D("2024-03-01"), odd, cal); }) == invalid);
    BOOST_TEST(message_of([&] { add_duration(D("2024-03-01"), odd, cal); }).find("duration unit 99") !=
               std::string::npos);
    DeadlinePhrase p = parse_deadline_phrase("within 3 months", D("2024-03-01"));
    p.kind = static_cast<DeadlinePhrase::Kind>(7);
    BOOST_TEST(code_of([&] { resolve(p, D("2024-03-01"), cal); }) == invalid);
    BOOST_TEST(message_of([&] { resolve(p, D("2024-03-01"), cal); }).find("has kind 7") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
