// <oversight/c/base.h>: status strings, the thread-local last error, memory
// and version; and the helpers every capi/<area>_c.cpp uses.
#include "capi_util.hpp"

#include "casework/casework_detail.hpp"
#include "core/text.hpp"

#include <cstdlib>
#include <cstring>
#include <mutex>
#include <unordered_map>

using namespace oversight;
using namespace oversight::capi;

// The C and C++ status spaces are one.
static_assert(OVERSIGHT_OK == static_cast<int>(Status::ok));
static_assert(OVERSIGHT_E_INVALID_ARG == static_cast<int>(Status::invalid_arg));
static_assert(OVERSIGHT_E_NOT_FOUND == static_cast<int>(Status::not_found));
static_assert(OVERSIGHT_E_IO == static_cast<int>(Status::io));
static_assert(OVERSIGHT_E_DB == static_cast<int>(Status::db));
static_assert(OVERSIGHT_E_PARSE == static_cast<int>(Status::parse));
static_assert(OVERSIGHT_E_NOMEM == static_cast<int>(Status::nomem));
static_assert(OVERSIGHT_E_INTERNAL == static_cast<int>(Status::internal));
static_assert(OVERSIGHT_E_CONFLICT == static_cast<int>(Status::conflict));
// The header's version (<oversight/c/version.h>, generated) and the library
// being built (project(VERSION) and its SOVERSION, passed by CMake) agree.
static_assert(OVERSIGHT_ABI_VERSION == OVERSIGHT_BUILD_SOVERSION,
              "<oversight/c/version.h> and the SOVERSION of liboversight_c disagree");
static_assert(OVERSIGHT_VERSION_NUMBER == OVERSIGHT_BUILD_VERSION_NUMBER,
              "<oversight/c/version.h> and project(VERSION) disagree");

namespace {

struct LastError {
    oversight_status code = OVERSIGHT_OK;
    std::string message;
};

LastError& last_error() noexcept {
    thread_local LastError e;
    return e;
}

const char* type_name(HandleKind kind) noexcept {
    switch (kind) {
        case HandleKind::store: return "oversight_store";
        case HandleKind::calendar: return "oversight_calendar";
        case HandleKind::rule_pack: return "oversight_rule_pack";
        case HandleKind::batch: return "oversight_batch";
        case HandleKind::action_iter: return "oversight_action_iter";
    }
    return "handle";
}

// The live handles. Allocated once and never destroyed, so that a handle
// freed during static destruction (an atexit handler, another library's
// destructor) still finds it.
struct Registry {
    std::mutex mutex;
    std::unordered_map<const void*, HandleKind> live;
};

Registry& registry() {
    static Registry* r = new Registry;
    return *r;
}

/// The kind of the live handle at p, or nullopt.
std::optional<HandleKind> live_kind(const void* p) {
    Registry& r = registry();
    std::lock_guard<std::mutex> lock(r.mutex);
    auto it = r.live.find(p);
    if (it == r.live.end()) return std::nullopt;
    return it->second;
}

/// Why p is not a live handle of `kind` ("" if it is).
std::string not_live(const void* p, HandleKind kind, const char* what) {
    const std::optional<HandleKind> found = live_kind(p);
    if (found == kind) return "";
    if (found)
        return std::string(what) + " is an " + type_name(*found) + " handle, not an " + type_name(kind);
    return std::string(what) + " is not a live " + type_name(kind) +
           " handle (it was freed already, or was not created by this library)";
}

}  // namespace

namespace oversight::capi {

namespace handles {

void add(const void* p, HandleKind kind) {
    Registry& r = registry();
    std::lock_guard<std::mutex> lock(r.mutex);
    r.live[p] = kind;
}

void check(const void* p, HandleKind kind, const char* what) {
    if (!p) throw Error(Status::invalid_arg, std::string(what) + " is NULL");
    std::string why = not_live(p, kind, what);
    if (!why.empty()) throw Error(Status::invalid_arg, why);
}

bool remove(const void* p, HandleKind kind, const char* function) noexcept {
    try {
        {
            Registry& r = registry();
            std::lock_guard<std::mutex> lock(r.mutex);
            auto it = r.live.find(p);
            if (it != r.live.end() && it->second == kind) {
                r.live.erase(it);
                return true;
            }
        }
        fail(OVERSIGHT_E_INVALID_ARG, std::string(function) + ": " + not_live(p, kind, "the argument") +
                                          "; nothing was freed");
    } catch (...) {  // std::system_error from the mutex, or no memory for the message
        fail(OVERSIGHT_E_INVALID_ARG, "the handle registry is unavailable; nothing was freed");
    }
    return false;
}

}  // namespace handles

oversight_status fail(oversight_status status, std::string_view message) noexcept {
    LastError& e = last_error();
    e.code = status;
    try {
        e.message = detail::sanitize_utf8(message);
    } catch (...) {
        e.message.clear();  // keep the code even if the text cannot be stored
    }
    return status;
}

std::string text_arg(const char* s, const char* what) {
    if (!s) throw Error(Status::invalid_arg, std::string(what) + " is NULL");
    std::string_view v(s);
    std::size_t bad = detail::utf8_error_offset(v);
    if (bad != std::string_view::npos)
        throw Error(Status::invalid_arg, std::string(what) + " is not valid UTF-8 (byte " + std::to_string(bad) + ")");
    return std::string(v);
}

std::optional<std::string> opt_text_arg(const char* s, const char* what) {
    if (!s) return std::nullopt;
    return text_arg(s, what);
}

std::map<std::string, std::string> attributes_arg(const char* json_text) {
    const auto text = opt_text_arg(json_text, "attributes_json");
    if (!text) return {};
    return detail::attributes_from_json(*text, "attributes_json");
}

char* owned(std::string_view s) {
    char* p = static_cast<char*>(std::malloc(s.size() + 1));
    if (!p) throw std::bad_alloc();
    if (!s.empty()) std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    return p;
}

oversight_status give(char** out, std::string_view s) {
    *need(out, "out") = owned(s);
    return OVERSIGHT_OK;
}

Date to_date(oversight_date d, const char* what) {
    try {
        return Date::from_ymd(d.year, d.month, d.day);
    } catch (const Error& e) {
        throw Error(Status::invalid_arg, std::string(what) + ": " + e.what());
    }
}

std::optional<Date> opt_date(const oversight_date* d, const char* what) {
    if (!d) return std::nullopt;
    return to_date(*d, what);
}

oversight_date from_date(Date d) noexcept { return oversight_date{d.year(), d.month(), d.day()}; }

Date date_or_today(const oversight_date* d, const char* what) { return d ? to_date(*d, what) : Date::today(); }

Store& store_of(oversight_store* s) { return handle(s, "store")->store; }
const Store& store_of(const oversight_store* s) { return handle(s, "store")->store; }

const Calendar& calendar_or_default(const oversight_calendar* calendar) {
    if (calendar) return handle(calendar, "calendar")->calendar;
    static const Calendar kDefault = Calendar::for_division(Division::england_and_wales);
    return kDefault;
}

const SchoolCalendar* school_of(const oversight_calendar* calendar) {
    if (!calendar) return nullptr;
    const auto& school = handle(calendar, "calendar")->school;
    return school ? &*school : nullptr;
}

const RulePack& pack_or_default(const oversight_rule_pack* pack) {
    if (pack) return handle(pack, "rule_pack")->pack;
    static const RulePack kDefault = RulePack::england_default();
    return kDefault;
}

const RulePack* opt_pack(const oversight_rule_pack* pack, const char* what) {
    return pack ? &handle(pack, what)->pack : nullptr;
}

}  // namespace oversight::capi

extern "C" {

const char* oversight_status_string(oversight_status status) noexcept {
    // A C caller may pass any int: read it as one (a value outside the enum's
    // range must not be loaded as the C++ enum type).
    int code = 0;
    std::memcpy(&code, &status, sizeof code);
    switch (code) {
        case OVERSIGHT_OK: return "ok";
        case OVERSIGHT_E_INVALID_ARG: return "invalid argument";
        case OVERSIGHT_E_NOT_FOUND: return "not found";
        case OVERSIGHT_E_IO: return "input/output error";
        case OVERSIGHT_E_DB: return "database error";
        case OVERSIGHT_E_PARSE: return "parse error";
        case OVERSIGHT_E_NOMEM: return "out of memory";
        case OVERSIGHT_E_INTERNAL: return "internal error";
        case OVERSIGHT_E_CONFLICT: return "conflict with stored data";
    }
    return "unknown status";
}

const char* oversight_last_error_message(void) noexcept { return last_error().message.c_str(); }

oversight_status oversight_last_error_code(void) noexcept { return last_error().code; }

void oversight_last_error_clear(void) noexcept {
    last_error().code = OVERSIGHT_OK;
    last_error().message.clear();
}

void oversight_free(void* p) noexcept { std::free(p); }

int32_t oversight_version_number(void) noexcept { return OVERSIGHT_VERSION_NUMBER; }
const char* oversight_version_string(void) noexcept { return OVERSIGHT_VERSION_STRING; }
int32_t oversight_abi_version(void) noexcept { return OVERSIGHT_ABI_VERSION; }

}  // extern "C"
