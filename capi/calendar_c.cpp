// <oversight/c/calendar.h>: translation only (lib/calendar/).
#include "capi_util.hpp"

#include <oversight/calendar/calendar.hpp>
#include <oversight/calendar/duration.hpp>
#include <oversight/calendar/school_calendar.hpp>

#include <cstddef>
#include <optional>
#include <utility>

#include <vector>

using namespace oversight;
using namespace oversight::capi;

namespace {

const oversight_calendar_options kCalendarDefaults = OVERSIGHT_CALENDAR_OPTIONS_INIT;

/// The named days of a C array; `what` names the array in messages.
std::vector<Holiday> days_of(const oversight_calendar_day* days, std::size_t count, const char* what) {
    if (count > 0 && !days) throw Error(Status::invalid_arg, std::string(what) + " is NULL but its count is not 0");
    std::vector<Holiday> out;
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const std::string item = std::string(what) + "[" + std::to_string(i) + "]";
        out.push_back({to_date(days[i].date, (item + ".date").c_str()),
                       opt_text_arg(days[i].name, (item + ".name").c_str()).value_or("")});
    }
    return out;
}

Calendar calendar_of(const oversight_calendar_options& o) {
    const Division division = parse_division(opt_text_arg(o.division, "division").value_or("england-and-wales"));
    Calendar cal = o.gov_uk_json ? Calendar::from_gov_uk_json(text_arg(o.gov_uk_json, "gov_uk_json"), division)
                                 : Calendar::for_division(division);
    const auto holidays = days_of(o.extra_holidays, o.extra_holiday_count, "extra_holidays");
    const auto closures = days_of(o.closures, o.closure_count, "closures");
    if (!holidays.empty()) cal = cal.with_holidays(holidays);
    if (!closures.empty()) cal = cal.with_closures(closures);
    return cal;
}

const Calendar& calendar_of(const oversight_calendar* calendar) { return handle(calendar, "calendar")->calendar; }

}  // namespace

extern "C" {

oversight_status oversight_calendar_options_init(oversight_calendar_options* opts, uint32_t version) noexcept {
    // A version 1 caller's struct ends before school_calendar_toml: write no further.
    return init_struct(opts, version, OVERSIGHT_CALENDAR_OPTIONS_VERSION, kCalendarDefaults,
                       "oversight_calendar_options",
                       version == 1 ? offsetof(oversight_calendar_options, school_calendar_toml)
                                    : sizeof(oversight_calendar_options));
}

oversight_status oversight_calendar_open(oversight_calendar** out, const oversight_calendar_options* opts) noexcept {
    return guard(
        [&] {
            need(out, "out");
            // A reference, never a copy: a version 1 struct ends before school_calendar_toml.
            const oversight_calendar_options& o =
                opts ? known_version(*opts, OVERSIGHT_CALENDAR_OPTIONS_VERSION, "oversight_calendar_options")
                     : kCalendarDefaults;
            Calendar cal = calendar_of(o);
            std::optional<SchoolCalendar> school;
            if (o.version >= 2 && o.school_calendar_toml)
                school = SchoolCalendar::from_toml(text_arg(o.school_calendar_toml, "school_calendar_toml"), cal);
            *out = new_handle<oversight_calendar>(std::move(cal), std::move(school));
            return OVERSIGHT_OK;
        },
        out);
}

void oversight_calendar_free(oversight_calendar* calendar) noexcept {
    free_handle(calendar, "oversight_calendar_free");
}

const char* oversight_calendar_division(const oversight_calendar* calendar) noexcept {
    calendar = live_or_null(calendar, "calendar");
    if (!calendar) return "";
    return to_string(calendar->calendar.division()).data();  // static, NUL-terminated literals
}

oversight_status oversight_calendar_is_working_day(const oversight_calendar* calendar, oversight_date day,
                                                   int32_t* out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            *out = calendar_of(calendar).is_working_day(to_date(day, "day")) ? 1 : 0;
            return OVERSIGHT_OK;
        },
        out);
}

oversight_status oversight_calendar_add_working_days(const oversight_calendar* calendar, oversight_date from,
                                                     int32_t n, oversight_date* out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            *out = from_date(calendar_of(calendar).add_working_days(to_date(from, "from"), n));
            return OVERSIGHT_OK;
        },
        out);
}

oversight_status oversight_calendar_working_days_between(const oversight_calendar* calendar, oversight_date a,
                                                         oversight_date b, int32_t* out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            *out = calendar_of(calendar).working_days_between(to_date(a, "a"), to_date(b, "b"));
            return OVERSIGHT_OK;
        },
        out);
}

oversight_status oversight_calendar_holidays_json(const oversight_calendar* calendar, int32_t year,
                                                  char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            return give(out, holidays_to_json(calendar_of(calendar), year));
        },
        out);
}

oversight_status oversight_calendar_add_duration(const oversight_calendar* calendar, oversight_date from,
                                                 const char* duration, oversight_date* out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const Calendar& cal = calendar_of(calendar);
            const Date start = to_date(from, "from");
            *out = from_date(add_duration(start, parse_duration(text_arg(duration, "duration")), cal, school_of(calendar)));
            return OVERSIGHT_OK;
        },
        out);
}

oversight_status oversight_calendar_add_units(const oversight_calendar* calendar, oversight_date from, int32_t count,
                                              const char* unit, oversight_date* out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const Calendar& cal = calendar_of(calendar);
            const Date start = to_date(from, "from");
            *out = from_date(
                add_duration(start, Duration{count, parse_unit(text_arg(unit, "unit"))}, cal, school_of(calendar)));
            return OVERSIGHT_OK;
        },
        out);
}

oversight_status oversight_calendar_resolve_deadline(const oversight_calendar* calendar, const char* phrase,
                                                     oversight_date context, oversight_date* out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const Calendar& cal = calendar_of(calendar);
            const Date ctx = to_date(context, "context");
            *out = from_date(resolve(parse_deadline_phrase(text_arg(phrase, "phrase"), ctx), ctx, cal));
            return OVERSIGHT_OK;
        },
        out);
}

}  // extern "C"
