// Private to capi/: the definition of the opaque oversight_calendar handle,
// shared by every area that accepts a calendar.
#pragma once

#include <oversight/calendar.hpp>

struct oversight_calendar {
    oversight::Calendar calendar;
};
