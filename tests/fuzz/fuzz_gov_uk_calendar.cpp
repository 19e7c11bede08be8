// Calendar::from_gov_uk_json: gov.uk's bank-holidays.json (the format of
// tests/data/calendar_bank_holidays.json) for England and Wales, then
// working-day arithmetic around the dates the input mentions (so that the
// fuzzer can steer it to the ends of the supported years) and a fixed day.
#include "fuzz.hpp"

#include <optional>
#include <set>
#include <vector>

using namespace oversight;

namespace {

// Up to four distinct ISO dates found anywhere in the text.
std::vector<Date> dates_in(std::string_view text) {
    std::set<Date> found;
    for (std::size_t i = 0; i + 10 <= text.size() && found.size() < 4; ++i)
        if (auto d = Date::try_parse_iso(text.substr(i, 10))) found.insert(*d);
    return {found.begin(), found.end()};
}

void around(const Calendar& cal, Date d) {
    const bool holiday = cal.is_bank_holiday(d);
    fuzz::check(cal.is_working_day(d) == (!d.is_weekend() && !holiday && !cal.is_closure(d)),
                "a working day is a weekday that is no holiday", d.iso());
    fuzz::check(holiday == cal.holiday_name(d).has_value(), "a bank holiday has a name", d.iso());
    bool listed = false;
    for (const Holiday& h : cal.bank_holidays(d.year())) {
        fuzz::check(!h.name.empty() && h.date.year() == d.year(), "bank_holidays(year) lists named days of the year");
        listed = listed || h.date == d;
    }
    fuzz::check(listed == holiday, "bank_holidays(year) lists exactly the bank holidays", d.iso());
    for (int n : {1, 5, 25}) {
        try {
            const Date to = cal.add_working_days(d, n);
            fuzz::check(fuzz::in_range(to) && cal.is_working_day(to), "add_working_days lands on a working day");
            fuzz::check(cal.working_days_between(d, to) == n, "working_days_between undoes add_working_days");
            const Date back = cal.add_working_days(d, -n);
            fuzz::check(fuzz::in_range(back) && back < d && cal.is_working_day(back), "counting back works");
        } catch (const Error&) {
            // leaves 1400..9999
        }
    }
    try {
        const Date next = cal.next_working_day_on_or_after(d);
        fuzz::check(next >= d && cal.is_working_day(next), "next_working_day_on_or_after");
        const int off = static_cast<int>(cal.non_working_days_between(d, next).size());
        fuzz::check(off == Date::days_between(d, next) - cal.working_days_between(d, next),
                    "non-working and working days make up the interval");
    } catch (const Error&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    std::optional<Calendar> cal;
    try {
        cal.emplace(Calendar::from_gov_uk_json(text, Division::england_and_wales));
    } catch (const Error&) {
        return 0;  // not a bank holidays file: expected
    }
    around(*cal, Date::from_ymd(2012, 12, 21));
    for (Date d : dates_in(text)) around(*cal, d);
    return 0;
}
