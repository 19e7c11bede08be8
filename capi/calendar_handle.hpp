// Private to capi/: the definition of the opaque oversight_calendar handle,
// shared by every area that accepts a calendar.
#pragma once

#include <oversight/calendar/calendar.hpp>

struct oversight_calendar {
    oversight::Calendar calendar;
};

namespace oversight::capi {

/// The calendar a C caller passed, or England and Wales for NULL (the
/// documented default of every function that takes a calendar).
inline const Calendar& calendar_or_default(const oversight_calendar* calendar) {
    if (calendar) return calendar->calendar;
    static const Calendar kDefault = Calendar::for_division(Division::england_and_wales);
    return kDefault;
}

}  // namespace oversight::capi
