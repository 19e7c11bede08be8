// Private to capi/: the one guard every extern "C" function runs through,
// the thread-local last error, argument helpers and the handle definitions.
#pragma once

#include <oversight.h>

#include <oversight/calendar/calendar.hpp>
#include <oversight/calendar/school_calendar.hpp>
#include <oversight/core/date.hpp>
#include <oversight/core/error.hpp>
#include <oversight/rules/rule_pack.hpp>
#include <oversight/store/store.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>

// The opaque handles of <oversight/c/base.h>.
struct oversight_store {
    oversight::Store store;
};
struct oversight_calendar {
    oversight::Calendar calendar;
    /// The terms of the authority's schools (options version 2), counted
    /// with `calendar`; termly rules need it.
    std::optional<oversight::SchoolCalendar> school;
};
struct oversight_rule_pack {
    oversight::RulePack pack;
};

namespace oversight::capi {

/// Records the failure for oversight_last_error_* and returns `status`.
oversight_status fail(oversight_status status, std::string_view message) noexcept;

/// Clears one out-parameter (NULL, 0, {0,0,0}) if the caller gave one.
template <class T>
void clear(T* out) noexcept {
    if (out) *out = T{};
}

/// The body of every extern "C" function: clears each out-parameter in
/// `outs` first (base.h rule 3: before anything can fail), then runs body()
/// (which returns oversight_status) and turns every exception into a status
/// plus a thread-local message. Nothing escapes.
template <class F, class... Outs>
oversight_status guard(F&& body, Outs*... outs) noexcept {
    (clear(outs), ...);
    try {
        return body();
    } catch (const Error& e) {
        // An Error carrying Status::ok would read as success with NULL results: a bug.
        const Status code = e.code() == Status::ok ? Status::internal : e.code();
        return fail(static_cast<oversight_status>(code), e.what());
    } catch (const std::bad_alloc&) {
        return fail(OVERSIGHT_E_NOMEM, "out of memory");
    } catch (const std::filesystem::filesystem_error& e) {  // a path too long, a folder not readable
        return fail(OVERSIGHT_E_IO, e.what());
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

/// A versioned struct (base.h rule 4): throws Error(invalid_arg) unless its
/// version is one this library knows (1..current). `type` names the struct.
template <class S>
const S& known_version(const S& s, std::uint32_t current, const char* type) {
    if (s.version < 1 || s.version > current)
        throw Error(Status::invalid_arg,
                    std::string(type) + " has version " + std::to_string(s.version) +
                        ", which this library does not know (it knows 1 to " + std::to_string(current) +
                        "): start from the _INIT macro or the _init function of the header it was compiled with");
    return s;
}

/// A required versioned struct argument: NULL and unknown versions throw.
template <class S>
const S& need_struct(const S* s, std::uint32_t current, const char* what, const char* type) {
    return known_version(*need(s, what), current, type);
}

/// An optional versioned struct argument: NULL gives the defaults.
template <class S>
S struct_or(const S* s, const S& defaults, std::uint32_t current, const char* type) {
    return s ? known_version(*s, current, type) : defaults;
}

/// The body of every oversight_<area>_<x>_init(opts, version). A struct
/// that grew passes `size`, the size of the caller's version: a caller built
/// with an older header has a shorter struct, so the defaults are filled in
/// a full one and only its first `size` bytes are written.
template <class S>
oversight_status init_struct(S* opts, std::uint32_t version, std::uint32_t current, const S& defaults,
                             const char* type, std::size_t size = sizeof(S)) noexcept {
    return guard([&] {
        need(opts, "opts");
        S filled = defaults;
        filled.version = version;
        known_version(filled, current, type);
        std::memcpy(static_cast<void*>(opts), &filled, size < sizeof filled ? size : sizeof filled);
        return OVERSIGHT_OK;
    });
}

/// A required UTF-8 string argument: NULL or invalid UTF-8 throw Error(invalid_arg).
std::string text_arg(const char* s, const char* what);
/// An optional UTF-8 string argument: NULL gives nullopt.
std::optional<std::string> opt_text_arg(const char* s, const char* what);
/// An event's attributes argument: NULL, or a JSON object of strings, each
/// key once (attributes_json): Error(parse) for text that is not JSON or
/// holds a key twice, Error(invalid_arg) for JSON of another shape.
std::map<std::string, std::string> attributes_arg(const char* json_text);

/// Copies into a malloc'd NUL-terminated string for the caller (oversight_free).
char* owned(std::string_view s);
/// Sets *out (checked for NULL here) to an owned copy of s.
oversight_status give(char** out, std::string_view s);

Date to_date(oversight_date d, const char* what);
std::optional<Date> opt_date(const oversight_date* d, const char* what);
oversight_date from_date(Date d) noexcept;
/// A date the caller may leave NULL for today (UTC).
Date date_or_today(const oversight_date* d, const char* what);

// ------------------------------------------------------------------ handles
// Every handle the library hands out is recorded in a process-wide registry
// of live handles (address -> kind, behind one mutex; base_c.cpp) from its
// creation to its _free. Every call checks the handles it is given against
// it, so a handle of the wrong kind, one already freed (unless its address
// was reused by a new handle of the same kind) and a double free are refused
// with OVERSIGHT_E_INVALID_ARG without reading the memory they point to.

enum class HandleKind : std::uint8_t { store, calendar, rule_pack, batch, action_iter };

constexpr HandleKind kind_of(const oversight_store*) noexcept { return HandleKind::store; }
constexpr HandleKind kind_of(const oversight_calendar*) noexcept { return HandleKind::calendar; }
constexpr HandleKind kind_of(const oversight_rule_pack*) noexcept { return HandleKind::rule_pack; }
constexpr HandleKind kind_of(const oversight_batch*) noexcept { return HandleKind::batch; }
constexpr HandleKind kind_of(const oversight_action_iter*) noexcept { return HandleKind::action_iter; }

namespace handles {
/// Records p as a live handle of `kind` (throws std::bad_alloc).
void add(const void* p, HandleKind kind);
/// Throws Error(invalid_arg) naming `what` unless p is a live handle of
/// `kind` (a NULL p included).
void check(const void* p, HandleKind kind, const char* what);
/// Forgets p and returns true if it is a live handle of `kind`; otherwise
/// records an OVERSIGHT_E_INVALID_ARG naming `function` and returns false.
bool remove(const void* p, HandleKind kind, const char* function) noexcept;
}  // namespace handles

/// A handle argument: throws Error(invalid_arg) naming `what` unless p is a
/// live handle of its type.
template <class H>
H* handle(H* p, const char* what) {
    handles::check(p, kind_of(p), what);
    return p;
}

/// For getters that return a neutral value: p if it is a live handle of its
/// type; nullptr otherwise, with the reason in the last error (not for NULL).
template <class H>
H* live_or_null(H* p, const char* what) noexcept {
    if (!p) return nullptr;
    try {
        return handle(p, what);
    } catch (const Error& e) {
        fail(static_cast<oversight_status>(e.code()), e.what());
    } catch (...) {  // no memory for the message, or std::system_error from the registry's mutex
        fail(OVERSIGHT_E_NOMEM, "the handle registry is unavailable (out of memory or resources)");
    }
    return nullptr;
}

/// Registers a new handle and hands it over to the caller.
template <class H>
H* adopt(std::unique_ptr<H> h) {
    handles::add(h.get(), kind_of(h.get()));
    return h.release();
}

/// A new handle `H{args...}`, registered.
template <class H, class... A>
H* new_handle(A&&... args) {
    return adopt(std::unique_ptr<H>(new H{std::forward<A>(args)...}));
}

/// The body of every oversight_<x>_free: NULL does nothing; a live handle of
/// the right kind is forgotten and deleted; anything else (a double free, a
/// wrong kind) is left alone, with the error recorded naming `function`.
template <class H>
void free_handle(H* p, const char* function) noexcept {
    if (p && handles::remove(p, kind_of(p), function)) delete p;
}

Store& store_of(oversight_store* s);
const Store& store_of(const oversight_store* s);
/// The calendar a C caller passed, or England and Wales for NULL.
const Calendar& calendar_or_default(const oversight_calendar* calendar);
/// The school calendar the C caller's calendar carries, or nullptr (NULL
/// calendar, or one opened without school terms).
const SchoolCalendar* school_of(const oversight_calendar* calendar);
/// The pack a C caller passed, or the default England pack for NULL.
const RulePack& pack_or_default(const oversight_rule_pack* pack);
/// The pack a C caller passed in `what`, or nullptr for NULL.
const RulePack* opt_pack(const oversight_rule_pack* pack, const char* what);

}  // namespace oversight::capi
