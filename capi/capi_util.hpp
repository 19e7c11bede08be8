// Private to capi/: the one guard every extern "C" function runs through,
// the thread-local last error, string helpers and handle definitions.
#pragma once

#include "oversight.h"

#include <oversight/core/date.hpp>
#include <oversight/core/error.hpp>
#include <oversight/store/store.hpp>

#include <new>
#include <optional>
#include <string>
#include <string_view>

struct oversight_store {
    oversight::Store store;
};

namespace oversight::capi {

/// Records the failure for oversight_last_error_* and returns `status`.
oversight_status fail(oversight_status status, std::string_view message) noexcept;

/// Runs body() (which returns oversight_status) and turns every exception
/// into a status plus a thread-local message. Nothing escapes.
template <class F>
oversight_status guard(F&& body) noexcept {
    try {
        return body();
    } catch (const Error& e) {
        // An Error carrying Status::ok would read as success with NULL results: a bug.
        const Status code = e.code() == Status::ok ? Status::internal : e.code();
        return fail(static_cast<oversight_status>(code), e.what());
    } catch (const std::bad_alloc&) {
        return fail(OVERSIGHT_E_NOMEM, "out of memory");
    } catch (const std::exception& e) {
        return fail(OVERSIGHT_E_INTERNAL, std::string("internal error: ") + e.what());
    } catch (...) {
        return fail(OVERSIGHT_E_INTERNAL, "internal error: unknown exception");
    }
}

/// Throws Error(invalid_arg) naming `what` when p is NULL.
template <class T>
T* need(T* p, const char* what) {
    if (!p) throw Error(Status::invalid_arg, std::string(what) + " is NULL");
    return p;
}

/// A required UTF-8 string argument: NULL or invalid UTF-8 throw Error(invalid_arg).
std::string text_arg(const char* s, const char* what);
/// An optional UTF-8 string argument: NULL gives nullopt.
std::optional<std::string> opt_text_arg(const char* s, const char* what);

/// Copies into a malloc'd NUL-terminated string for the caller (oversight_free).
char* owned(std::string_view s);
/// Sets *out to an owned copy; out must not be NULL (checked by the caller).
oversight_status give(char** out, std::string_view s);

Date to_date(oversight_date d, const char* what);
oversight_date from_date(Date d) noexcept;

}  // namespace oversight::capi
