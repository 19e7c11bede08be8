// Durations and deadline phrases: parse_duration, parse_unit and
// parse_deadline_phrase (fixed context dates), then add_duration and resolve
// with the England and Wales calendar and a fixed school calendar, from an
// ordinary anchor and from anchors at both ends of the supported years.
// Every date handed back must lie in 1400..9999 (or an Error be thrown).
#include "fuzz.hpp"

#include <optional>

using namespace oversight;

namespace {

const char* const kSchoolToml = R"(
name = "Fuzz LA 2012/13"
non_school_days = [2012-09-03, 2013-01-07]
[[term]]
name = "Autumn 2012"
first_day = 2012-09-03
last_day = 2012-12-21
[[term]]
name = "Spring 2013"
first_day = 2013-01-07
last_day = 2013-03-28
[[term]]
name = "Summer 2013"
first_day = 2013-04-15
last_day = 2013-07-23
)";

struct Fixture {
    Calendar calendar = Calendar::for_division(Division::england_and_wales);
    SchoolCalendar school = SchoolCalendar::from_toml(kSchoolToml, calendar);
    Date contexts[2] = {Date::from_ymd(2012, 9, 14), Date::from_ymd(9999, 12, 30)};
    Date anchors[3] = {Date::from_ymd(2012, 9, 14), Date::from_ymd(1400, 1, 3), Date::from_ymd(9999, 12, 20)};
};

const Fixture& fixture() {
    static const Fixture f;
    return f;
}

void check_date(Date d, const char* what) {
    fuzz::check(fuzz::in_range(d), what, std::to_string(d.serial()));
    (void)d.iso();
}

void durations(std::string_view text, const Fixture& f) {
    Duration d;
    try {
        d = parse_duration(text);
    } catch (const Error&) {
        return;
    }
    fuzz::check(d.count >= -100000 && d.count <= 100000, "a parsed count is within +-100000");
    fuzz::check(parse_duration(describe(d)) == d, "parse_duration(describe(d)) == d", describe(d));
    for (Date anchor : f.anchors) {
        try {
            check_date(add_duration(anchor, d, f.calendar, &f.school), "add_duration stays in the supported years");
        } catch (const Error&) {
        }
    }
}

void units(std::string_view text) {
    try {
        const Unit u = parse_unit(text);
        fuzz::check(parse_unit(to_string(u)) == u, "unit names round-trip");
    } catch (const Error&) {
    }
}

void phrases(std::string_view text, const Fixture& f) {
    for (Date context : f.contexts) {
        const std::optional<DeadlinePhrase> tried = try_parse_deadline_phrase(text, context);
        DeadlinePhrase p;
        try {
            p = parse_deadline_phrase(text, context);
        } catch (const Error&) {
            fuzz::check(!tried, "try_parse_deadline_phrase agrees with parse_deadline_phrase");
            continue;
        }
        fuzz::check(tried.has_value(), "try_parse_deadline_phrase agrees with parse_deadline_phrase");
        fuzz::check(p.text == text, "the phrase is kept as given");
        if (p.kind == DeadlinePhrase::Kind::absolute || p.kind == DeadlinePhrase::Kind::end_of_month)
            check_date(p.date, "a written date is in the supported years");
        if (p.kind == DeadlinePhrase::Kind::end_of_month)
            fuzz::check(p.date.day() == Date::days_in_month(p.date.year(), p.date.month()),
                        "a month end is the last day of its month");
        if (p.kind == DeadlinePhrase::Kind::relative) fuzz::check(p.duration.count > 0, "a deadline is positive");
        for (Date anchor : f.anchors) {
            try {
                check_date(resolve(p, anchor, f.calendar, &f.school), "resolve stays in the supported years");
            } catch (const Error&) {
            }
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    const Fixture& f = fixture();
    durations(text, f);
    units(text);
    phrases(text, f);
    return 0;
}
