// <oversight/c/date.h>: translation only (lib/core/date.cpp).
#include "capi_util.hpp"

using namespace oversight;
using namespace oversight::capi;

extern "C" {

oversight_status oversight_date_parse_iso(const char* text, oversight_date* out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            *out = from_date(Date::parse_iso(text_arg(text, "text")));
            return OVERSIGHT_OK;
        },
        out);
}

oversight_status oversight_date_format_iso(oversight_date date, char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            return give(out, to_date(date, "date").iso());
        },
        out);
}

oversight_status oversight_date_validate(oversight_date date) noexcept {
    return guard([&] {
        to_date(date, "date");
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_date_today(oversight_date* out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            *out = from_date(Date::today());
            return OVERSIGHT_OK;
        },
        out);
}

}  // extern "C"
