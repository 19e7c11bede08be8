// The core of the C ABI, used only through <oversight.h>.
#include <boost/test/unit_test.hpp>

#include <oversight.h>

#include <cstring>
#include <string>
#include <thread>

namespace {
bool has_message() { return std::strlen(oversight_last_error_message()) > 0; }
}  // namespace

BOOST_AUTO_TEST_SUITE(core)

BOOST_AUTO_TEST_CASE(version_and_abi) {
    BOOST_TEST(oversight_abi_version() == OVERSIGHT_HEADER_ABI_VERSION);
    BOOST_TEST(oversight_version_number() >= 10000);
    BOOST_TEST(std::string(oversight_version_string()).size() >= 5);
}

BOOST_AUTO_TEST_CASE(status_strings_are_static_and_never_null) {
    for (int s = 0; s <= 12; ++s) BOOST_TEST(oversight_status_string(static_cast<oversight_status>(s)) != nullptr);
    BOOST_TEST(std::string(oversight_status_string(OVERSIGHT_E_NOT_FOUND)) == "not found");
}

BOOST_AUTO_TEST_CASE(free_accepts_null) {
    oversight_free(nullptr);
    oversight_store_free(nullptr);
}

BOOST_AUTO_TEST_CASE(dates) {
    oversight_date d{};
    BOOST_TEST(oversight_date_parse_iso("2012-10-12", &d) == OVERSIGHT_OK);
    BOOST_TEST(d.year == 2012);
    BOOST_TEST(d.month == 10);
    BOOST_TEST(d.day == 12);
    char* s = nullptr;
    BOOST_TEST(oversight_date_format_iso(d, &s) == OVERSIGHT_OK);
    BOOST_TEST(std::string(s) == "2012-10-12");
    oversight_free(s);

    oversight_clear_error();
    BOOST_TEST(oversight_date_parse_iso("2023-02-29", &d) == OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(has_message());
    BOOST_TEST(oversight_last_error_code() == OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(oversight_date_parse_iso(nullptr, &d) == OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(oversight_date_parse_iso("2012-10-12", nullptr) == OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(oversight_date_parse_iso("\xff\xfe", &d) == OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(oversight_date_format_iso(oversight_date{2012, 2, 30}, &s) == OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(oversight_date_format_iso(d, nullptr) == OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(oversight_date_validate(oversight_date{2024, 2, 29}) == OVERSIGHT_OK);
    BOOST_TEST(oversight_date_validate(oversight_date{-5, 40, 99}) == OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(oversight_date_today(nullptr) == OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(oversight_date_today(&d) == OVERSIGHT_OK);
    oversight_clear_error();
    BOOST_TEST(std::string(oversight_last_error_message()).empty());
    BOOST_TEST(oversight_last_error_code() == OVERSIGHT_OK);
}

BOOST_AUTO_TEST_CASE(last_error_is_per_thread) {
    oversight_date d{};
    BOOST_TEST(oversight_date_parse_iso("not a date", &d) == OVERSIGHT_E_INVALID_ARG);
    std::string mine = oversight_last_error_message();
    std::string theirs = "unset";
    std::thread t([&] {
        theirs = oversight_last_error_message();  // nothing failed on this thread
        oversight_store* s = nullptr;
        oversight_store_open(&s, nullptr);
    });
    t.join();
    BOOST_TEST(theirs.empty());
    BOOST_TEST(std::string(oversight_last_error_message()) == mine);
}

BOOST_AUTO_TEST_CASE(store_open_and_arguments) {
    oversight_store* store = reinterpret_cast<oversight_store*>(0x1);
    BOOST_TEST(oversight_store_open(&store, nullptr) == OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(store == nullptr);
    BOOST_TEST(has_message());
    BOOST_TEST(oversight_store_open(nullptr, ":memory:") == OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(oversight_store_open(&store, "/nonexistent-dir/x/plan.db") == OVERSIGHT_E_IO);
    BOOST_TEST(has_message());
    BOOST_TEST(oversight_store_open(&store, "bad\xc3(.db") == OVERSIGHT_E_INVALID_ARG);

    BOOST_TEST(oversight_store_open_memory(nullptr) == OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(oversight_store_open_memory(&store) == OVERSIGHT_OK);
    int32_t v = 0;
    BOOST_TEST(oversight_store_schema_version(store, &v) == OVERSIGHT_OK);
    BOOST_TEST(v >= 3);
    BOOST_TEST(oversight_store_schema_version(nullptr, &v) == OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(oversight_store_schema_version(store, nullptr) == OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(oversight_store_set_actor(store, "Mark Jowett") == OVERSIGHT_OK);
    BOOST_TEST(oversight_store_set_actor(store, "") == OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(oversight_store_set_actor(store, nullptr) == OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(oversight_store_set_actor(nullptr, "x") == OVERSIGHT_E_INVALID_ARG);
    char* json = nullptr;
    BOOST_TEST(oversight_store_history_json(store, nullptr, &json) == OVERSIGHT_OK);
    BOOST_TEST(std::string(json) == "[]");
    oversight_free(json);
    BOOST_TEST(oversight_store_history_json(store, "\xff", &json) == OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(oversight_store_history_json(nullptr, nullptr, &json) == OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(oversight_store_history_json(store, nullptr, nullptr) == OVERSIGHT_E_INVALID_ARG);
    oversight_store_free(store);
}

BOOST_AUTO_TEST_CASE(refuses_a_foreign_sqlite_file) {
    std::string path = "core_test_foreign.db";
    std::remove(path.c_str());
    {
        oversight_store* s = nullptr;
        BOOST_REQUIRE(oversight_store_open(&s, path.c_str()) == OVERSIGHT_OK);
        oversight_store_free(s);
        // Reopening migrates nothing and succeeds.
        BOOST_REQUIRE(oversight_store_open(&s, path.c_str()) == OVERSIGHT_OK);
        oversight_store_free(s);
    }
    std::remove(path.c_str());
    std::remove((path + "-wal").c_str());
    std::remove((path + "-shm").c_str());
    // A text file is not a database.
    FILE* f = std::fopen(path.c_str(), "w");
    std::fputs("this is not a database, just text that is long enough to be a header ......................\n", f);
    std::fclose(f);
    oversight_store* s = nullptr;
    BOOST_TEST(oversight_store_open(&s, path.c_str()) != OVERSIGHT_OK);
    BOOST_TEST(s == nullptr);
    BOOST_TEST(has_message());
    std::remove(path.c_str());
}

BOOST_AUTO_TEST_SUITE_END()
