// Core of the C ABI: status strings, last error, memory, version, dates, store.
#include "capi_util.hpp"

#include "core/text.hpp"

#include <oversight/version.h>
#include <oversight/store/store.hpp>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <cstring>

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
static_assert(OVERSIGHT_ABI_VERSION == OVERSIGHT_HEADER_ABI_VERSION, "capi/oversight.h and project(VERSION) disagree");

namespace {

struct LastError {
    oversight_status code = OVERSIGHT_OK;
    std::string message;
};

LastError& last_error() noexcept {
    thread_local LastError e;
    return e;
}

}  // namespace

namespace oversight::capi {

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

char* owned(std::string_view s) {
    char* p = static_cast<char*>(std::malloc(s.size() + 1));
    if (!p) throw std::bad_alloc();
    if (!s.empty()) std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    return p;
}

oversight_status give(char** out, std::string_view s) {
    *out = owned(s);
    return OVERSIGHT_OK;
}

Date to_date(oversight_date d, const char* what) {
    try {
        return Date::from_ymd(d.year, d.month, d.day);
    } catch (const Error& e) {
        throw Error(Status::invalid_arg, std::string(what) + ": " + e.what());
    }
}

oversight_date from_date(Date d) noexcept { return oversight_date{d.year(), d.month(), d.day()}; }

}  // namespace oversight::capi

extern "C" {

const char* oversight_status_string(oversight_status status) noexcept {
    switch (status) {
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
void oversight_clear_error(void) noexcept {
    last_error().code = OVERSIGHT_OK;
    last_error().message.clear();
}

void oversight_free(void* p) noexcept { std::free(p); }

int32_t oversight_version_number(void) noexcept { return OVERSIGHT_VERSION_NUMBER; }
const char* oversight_version_string(void) noexcept { return OVERSIGHT_VERSION_STRING; }
int32_t oversight_abi_version(void) noexcept { return OVERSIGHT_ABI_VERSION; }

oversight_status oversight_date_parse_iso(const char* text, oversight_date* out) noexcept {
    return guard([&] {
        need(out, "out");
        *out = oversight_date{0, 0, 0};
        *out = from_date(Date::parse_iso(text_arg(text, "text")));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_date_format_iso(oversight_date date, char** out) noexcept {
    return guard([&] {
        need(out, "out");
        *out = nullptr;
        return give(out, to_date(date, "date").iso());
    });
}

oversight_status oversight_date_validate(oversight_date date) noexcept {
    return guard([&] {
        to_date(date, "date");
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_date_today(oversight_date* out) noexcept {
    return guard([&] {
        need(out, "out");
        *out = from_date(Date::today());
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_store_open(oversight_store** out, const char* path) noexcept {
    return guard([&] {
        need(out, "out");
        *out = nullptr;
        *out = new oversight_store{Store::open(text_arg(path, "path"))};
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_store_open_memory(oversight_store** out) noexcept {
    return guard([&] {
        need(out, "out");
        *out = nullptr;
        *out = new oversight_store{Store::open_in_memory()};
        return OVERSIGHT_OK;
    });
}

void oversight_store_free(oversight_store* store) noexcept { delete store; }

oversight_status oversight_store_set_actor(oversight_store* store, const char* actor) noexcept {
    return guard([&] {
        need(store, "store")->store.set_actor(text_arg(actor, "actor"));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_store_schema_version(const oversight_store* store, int32_t* out) noexcept {
    return guard([&] {
        need(out, "out");
        *out = 0;
        *out = need(store, "store")->store.schema_version();
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_store_history_json(const oversight_store* store, const char* entity, char** out) noexcept {
    return guard([&] {
        need(out, "out");
        *out = nullptr;
        HistoryFilter f;
        f.entity = opt_text_arg(entity, "entity");
        nlohmann::json arr = nlohmann::json::array();
        for (const Change& c : need(store, "store")->store.history(f)) {
            arr.push_back({{"seq", c.seq},
                           {"at", c.at},
                           {"actor", c.actor},
                           {"entity", c.entity},
                           {"entity_id", c.entity_id},
                           {"field", c.field},
                           {"old", c.old_value ? nlohmann::json(*c.old_value) : nlohmann::json()},
                           {"new", c.new_value ? nlohmann::json(*c.new_value) : nlohmann::json()}});
        }
        return give(out, arr.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    });
}

}  // extern "C"
