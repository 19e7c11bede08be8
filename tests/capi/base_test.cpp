// <oversight/c/base.h>: status strings, the thread-local last error, memory
// and version, only through <oversight.h>.
#include "capi_test.hpp"

#include <thread>

using namespace capi_test;

BOOST_AUTO_TEST_SUITE(base)

BOOST_AUTO_TEST_CASE(version_and_abi_match_the_header) {
    BOOST_TEST(oversight_abi_version() == OVERSIGHT_ABI_VERSION);
    BOOST_TEST(oversight_abi_version() == OVERSIGHT_VERSION_MAJOR);
    BOOST_TEST(oversight_version_number() == OVERSIGHT_VERSION_NUMBER);
    BOOST_TEST(std::string(oversight_version_string()) == OVERSIGHT_VERSION_STRING);
    BOOST_TEST(OVERSIGHT_VERSION_NUMBER ==
               OVERSIGHT_VERSION_MAJOR * 10000 + OVERSIGHT_VERSION_MINOR * 100 + OVERSIGHT_VERSION_PATCH);
}

BOOST_AUTO_TEST_CASE(status_strings_are_static_and_never_null) {
    // (Values outside 0..15 cannot be made in C++ without undefined behaviour;
    // the library reads the argument as an int, whatever a C caller passes.)
    for (int s = 0; s <= 15; ++s) BOOST_TEST(oversight_status_string(static_cast<oversight_status>(s)) != nullptr);
    BOOST_TEST(std::string(oversight_status_string(OVERSIGHT_OK)) == "ok");
    BOOST_TEST(std::string(oversight_status_string(OVERSIGHT_E_NOT_FOUND)) == "not found");
    BOOST_TEST(std::string(oversight_status_string(OVERSIGHT_E_CONFLICT)) == "conflict with stored data");
    BOOST_TEST(std::string(oversight_status_string(static_cast<oversight_status>(15))) == "unknown status");
}

BOOST_AUTO_TEST_CASE(free_accepts_null) { oversight_free(nullptr); }

BOOST_AUTO_TEST_CASE(last_error_code_message_and_clear) {
    oversight_last_error_clear();
    BOOST_TEST(std::string(oversight_last_error_message()).empty());
    BOOST_TEST(oversight_last_error_code() == OVERSIGHT_OK);
    oversight_date d{};
    BOOST_TEST(oversight_date_parse_iso("2023-02-29", &d) == OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(oversight_last_error_code() == OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "2023-02-29"), message());
    // A success does not clear it: callers check the status first.
    BOOST_TEST(oversight_date_parse_iso("2024-02-29", &d) == OVERSIGHT_OK);
    BOOST_TEST(oversight_last_error_code() == OVERSIGHT_E_INVALID_ARG);
    oversight_last_error_clear();
    BOOST_TEST(std::string(oversight_last_error_message()).empty());
    BOOST_TEST(oversight_last_error_code() == OVERSIGHT_OK);
}

BOOST_AUTO_TEST_CASE(last_error_is_per_thread) {
    oversight_date d{};
    BOOST_TEST(oversight_date_parse_iso("not a date", &d) == OVERSIGHT_E_INVALID_ARG);
    const std::string mine = oversight_last_error_message();
    std::string theirs = "unset";
    oversight_status theirs_code = OVERSIGHT_E_INTERNAL;
    std::thread t([&] {
        theirs = oversight_last_error_message();  // nothing failed on this thread
        theirs_code = oversight_last_error_code();
        oversight_store* s = nullptr;
        oversight_store_open(&s, nullptr, nullptr);  // fails on that thread only
    });
    t.join();
    BOOST_TEST(theirs.empty());
    BOOST_TEST(theirs_code == OVERSIGHT_OK);
    BOOST_TEST(std::string(oversight_last_error_message()) == mine);
}

BOOST_AUTO_TEST_SUITE_END()
