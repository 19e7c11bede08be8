// Shared by the C API tests (tests/capi/<area>_test.cpp): they use the
// library only through <oversight.h>, with the checks every area repeats.
#pragma once

#include <boost/test/unit_test.hpp>

#include <oversight.h>

#include <nlohmann/json.hpp>

#include <cstring>
#include <string>

namespace capi_test {

// Malformed inputs every function is tried with.
inline const char* const kBadUtf8 = "bad \xff text";
inline const char* const kSql = "'; DROP TABLE actions; -- \"x\" %_ \\ ?1 :a";
inline const oversight_date kBadDate{2023, 2, 29};
inline const oversight_date kJunkDate{-5, 40, 99};

inline bool has_message() { return std::strlen(oversight_last_error_message()) > 0; }
inline std::string message() { return oversight_last_error_message(); }
inline bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

/// Takes an owned string: its text, then oversight_free.
inline std::string take(char* s) {
    std::string out = s ? s : "";
    oversight_free(s);
    return out;
}

/// An owned JSON document: parsed, freed, and checked to carry its format.
inline nlohmann::json take_document(char* s, const char* format) {
    const nlohmann::json j = nlohmann::json::parse(take(s));
    BOOST_TEST(j.is_object());
    BOOST_TEST(j.value("format", "") == format);
    BOOST_TEST(j.value("version", 0) == 1);
    return j;
}

/// A store in memory, freed at the end of the scope.
struct MemoryStore {
    oversight_store* store = nullptr;
    MemoryStore() {
        oversight_store_options opts = OVERSIGHT_STORE_OPTIONS_INIT;
        opts.backend = OVERSIGHT_STORE_BACKEND_MEMORY;
        BOOST_TEST_REQUIRE(oversight_store_open(&store, nullptr, &opts) == OVERSIGHT_OK, message());
    }
    ~MemoryStore() { oversight_store_free(store); }
    MemoryStore(const MemoryStore&) = delete;
    MemoryStore& operator=(const MemoryStore&) = delete;
};

/// The number of history rows: a failed write must not change it.
inline std::size_t history_size(const oversight_store* store) {
    char* out = nullptr;
    BOOST_REQUIRE(oversight_store_history_json(store, nullptr, &out) == OVERSIGHT_OK);
    return nlohmann::json::parse(take(out))["changes"].size();
}

}  // namespace capi_test

/// The call fails with `want`, the thread's last error says so, with a message.
#define EXPECT_FAIL(call, want)                                                           \
    do {                                                                                  \
        oversight_last_error_clear();                                                     \
        const oversight_status got_ = (call);                                             \
        BOOST_TEST(got_ == (want), #call " gave " << got_ << ": " << capi_test::message()); \
        BOOST_TEST(oversight_last_error_code() == (want), #call);                          \
        BOOST_TEST(capi_test::has_message(), #call " left no message");                   \
    } while (0)

/// The call succeeds (else the test stops, with the library's message).
#define EXPECT_OK(call)                                                                                 \
    do {                                                                                                \
        const oversight_status got_ = (call);                                                           \
        BOOST_TEST_REQUIRE(got_ == OVERSIGHT_OK, #call " failed: " << oversight_last_error_message()); \
    } while (0)
