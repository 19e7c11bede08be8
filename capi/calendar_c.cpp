// C ABI of calendars: translation only (lib/calendar.cpp, lib/duration.cpp).
#include "calendar_handle.hpp"
#include "capi_util.hpp"

#include <oversight/calendar/calendar.hpp>
#include <oversight/calendar/duration.hpp>

#include <nlohmann/json.hpp>

using namespace oversight;
using namespace oversight::capi;

namespace {

oversight_status put_date(oversight_date* out, Date d) {
    *out = from_date(d);
    return OVERSIGHT_OK;
}

}  // namespace

extern "C" {

oversight_status oversight_calendar_open(oversight_calendar** out, const char* division) noexcept {
    return guard([&] {
        need(out, "out");
        *out = nullptr;
        *out = new oversight_calendar{Calendar::for_division(parse_division(text_arg(division, "division")))};
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_calendar_open_gov_uk_json(oversight_calendar** out, const char* json,
                                                     const char* division) noexcept {
    return guard([&] {
        need(out, "out");
        *out = nullptr;
        const Division d = parse_division(text_arg(division, "division"));
        *out = new oversight_calendar{Calendar::from_gov_uk_json(text_arg(json, "json"), d)};
        return OVERSIGHT_OK;
    });
}

void oversight_calendar_free(oversight_calendar* calendar) noexcept { delete calendar; }

const char* oversight_calendar_division(const oversight_calendar* calendar) noexcept {
    if (!calendar) return "";
    return to_string(calendar->calendar.division()).data();  // static, NUL-terminated literals
}

oversight_status oversight_calendar_add_closure(oversight_calendar* calendar, oversight_date day,
                                                const char* name) noexcept {
    return guard([&] {
        need(calendar, "calendar");
        Holiday closure{to_date(day, "day"), opt_text_arg(name, "name").value_or("")};
        calendar->calendar = calendar->calendar.with_closures({closure});
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_calendar_add_holiday(oversight_calendar* calendar, oversight_date day,
                                                const char* name) noexcept {
    return guard([&] {
        need(calendar, "calendar");
        Holiday holiday{to_date(day, "day"), text_arg(name, "name")};
        calendar->calendar = calendar->calendar.with_holidays({holiday});
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_calendar_is_working_day(const oversight_calendar* calendar, oversight_date day,
                                                   int32_t* out) noexcept {
    return guard([&] {
        need(out, "out");
        *out = 0;
        *out = need(calendar, "calendar")->calendar.is_working_day(to_date(day, "day")) ? 1 : 0;
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_calendar_add_working_days(const oversight_calendar* calendar, oversight_date from,
                                                     int32_t n, oversight_date* out) noexcept {
    return guard([&] {
        need(out, "out");
        *out = oversight_date{0, 0, 0};
        return put_date(out, need(calendar, "calendar")->calendar.add_working_days(to_date(from, "from"), n));
    });
}

oversight_status oversight_calendar_working_days_between(const oversight_calendar* calendar, oversight_date a,
                                                         oversight_date b, int32_t* out) noexcept {
    return guard([&] {
        need(out, "out");
        *out = 0;
        *out = need(calendar, "calendar")->calendar.working_days_between(to_date(a, "a"), to_date(b, "b"));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_calendar_holidays_json(const oversight_calendar* calendar, int32_t year,
                                                  char** out) noexcept {
    return guard([&] {
        need(out, "out");
        *out = nullptr;
        const auto holidays = need(calendar, "calendar")->calendar.bank_holidays(year);
        auto arr = nlohmann::json::array();
        for (const auto& h : holidays) arr.push_back({{"date", h.date.iso()}, {"name", h.name}});
        return give(out, arr.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    });
}

oversight_status oversight_calendar_add_duration(const oversight_calendar* calendar, oversight_date from,
                                                 const char* duration, oversight_date* out) noexcept {
    return guard([&] {
        need(out, "out");
        *out = oversight_date{0, 0, 0};
        const Calendar& cal = need(calendar, "calendar")->calendar;
        const Date start = to_date(from, "from");
        return put_date(out, add_duration(start, parse_duration(text_arg(duration, "duration")), cal));
    });
}

oversight_status oversight_calendar_add_units(const oversight_calendar* calendar, oversight_date from, int32_t count,
                                              const char* unit, oversight_date* out) noexcept {
    return guard([&] {
        need(out, "out");
        *out = oversight_date{0, 0, 0};
        const Calendar& cal = need(calendar, "calendar")->calendar;
        const Date start = to_date(from, "from");
        return put_date(out, add_duration(start, Duration{count, parse_unit(text_arg(unit, "unit"))}, cal));
    });
}

oversight_status oversight_calendar_resolve_deadline(const oversight_calendar* calendar, const char* phrase,
                                                     oversight_date context, oversight_date* out) noexcept {
    return guard([&] {
        need(out, "out");
        *out = oversight_date{0, 0, 0};
        const Calendar& cal = need(calendar, "calendar")->calendar;
        const Date ctx = to_date(context, "context");
        return put_date(out, resolve(parse_deadline_phrase(text_arg(phrase, "phrase"), ctx), ctx, cal));
    });
}

}  // extern "C"
