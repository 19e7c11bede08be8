// SchoolCalendar::from_toml: term dates and INSET days (the format of
// tests/data/calendar_school.toml) over a division's working-day calendar
// (chosen by the first byte), then school-day arithmetic around the first
// and last terms, checked against itself.
#include "fuzz.hpp"

#include <optional>

using namespace oversight;

namespace {

// Counting n school days forward lands on a school day exactly n school days on.
void count_forward(const SchoolCalendar& s, Date from, int n) {
    Date to;
    try {
        to = s.add_school_days(from, n);
    } catch (const Error&) {
        return;  // runs past the last term, or out of the supported years
    }
    fuzz::check(fuzz::in_range(to) && to > from, "add_school_days moves forward");
    fuzz::check(s.is_school_day(to), "add_school_days lands on a school day", to.iso());
    fuzz::check(s.school_days_between(from, to) == n, "school_days_between undoes add_school_days", to.iso());
}

void count_back(const SchoolCalendar& s, Date from, int n) {
    try {
        const Date to = s.add_school_days(from, -n);
        fuzz::check(fuzz::in_range(to) && to < from, "add_school_days moves back");
        fuzz::check(s.is_school_day(to), "add_school_days lands on a school day", to.iso());
    } catch (const Error&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Calendar divisions[3] = {Calendar::for_division(Division::england_and_wales),
                                          Calendar::for_division(Division::scotland),
                                          Calendar::for_division(Division::northern_ireland)};
    const Calendar& base = divisions[size > 0 ? data[0] % 3 : 0];
    std::optional<SchoolCalendar> parsed;
    try {
        parsed.emplace(SchoolCalendar::from_toml(fuzz::text_of(data, size), base));
    } catch (const Error&) {
        return 0;  // not a school calendar: expected
    }
    const SchoolCalendar& s = *parsed;
    const auto& terms = s.terms();
    fuzz::check(!s.name().empty() && !terms.empty(), "a school calendar has a name and terms");
    for (std::size_t i = 0; i < terms.size(); ++i) {
        fuzz::check(terms[i].first_day <= terms[i].last_day, "a term ends after it starts", terms[i].name);
        if (i > 0) fuzz::check(terms[i - 1].last_day < terms[i].first_day, "terms are in order without overlap");
        const auto t = s.term_on_or_after(terms[i].first_day);
        fuzz::check(t && t->first_day == terms[i].first_day, "term_on_or_after finds the term");
    }
    const Date first = terms.front().first_day, last = terms.back().last_day;
    for (int n : {1, 5, 40}) {
        count_forward(s, first, n);
        count_back(s, last, n);
    }
    try {
        (void)add_duration(first, Duration{1, Unit::school_terms}, base, &s);
        (void)add_duration(last, Duration{-1, Unit::school_terms}, base, &s);
    } catch (const Error&) {
    }
    return 0;
}
