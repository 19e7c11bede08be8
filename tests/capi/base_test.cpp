// <oversight/c/base.h>: status strings, the thread-local last error, memory
// and version, only through <oversight.h>.
#include "capi_test.hpp"

#include "plan_fixture.hpp"

#include <functional>
#include <string>
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

namespace {

/// One live handle of every kind (the plan fixture's store holds a plan for
/// the action iterator); each is freed at the end of the scope.
struct EveryHandle : PlanFixture {
    oversight_calendar* calendar = nullptr;
    oversight_rule_pack* pack = nullptr;
    oversight_batch* batch = nullptr;
    oversight_action_iter* iter = nullptr;
    EveryHandle() {
        BOOST_TEST_REQUIRE(oversight_calendar_open(&calendar, nullptr) == OVERSIGHT_OK);
        BOOST_TEST_REQUIRE(oversight_rule_pack_open_default(&pack) == OVERSIGHT_OK);
        BOOST_TEST_REQUIRE(oversight_batch_new(&batch) == OVERSIGHT_OK);
        BOOST_TEST_REQUIRE(oversight_action_iter_open(&iter, store, plan, kAsOf) == OVERSIGHT_OK);
    }
    ~EveryHandle() {
        oversight_action_iter_free(iter);
        oversight_batch_free(batch);
        oversight_rule_pack_free(pack);
        oversight_calendar_free(calendar);
    }
    EveryHandle(const EveryHandle&) = delete;
    EveryHandle& operator=(const EveryHandle&) = delete;
};

template <class To, class From>
To* as(From* p) {
    return reinterpret_cast<To*>(p);
}

const oversight_date kDay{2012, 10, 12};

}  // namespace

BOOST_AUTO_TEST_CASE(a_handle_of_the_wrong_kind_is_an_invalid_argument) {
    EveryHandle h;
    oversight_date d{};
    int32_t n = 0;
    char* out = nullptr;
    // Each handle type given something else, through the functions that use it.
    EXPECT_FAIL(oversight_store_set_actor(as<oversight_store>(h.calendar), "someone"), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "store is an oversight_calendar handle, not an oversight_store"), message());
    EXPECT_FAIL(oversight_store_history_json(as<oversight_store>(h.batch), nullptr, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "oversight_batch"), message());
    EXPECT_FAIL(oversight_calendar_add_working_days(as<oversight_calendar>(h.store), kDay, 1, &d),
                OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "calendar is an oversight_store handle, not an oversight_calendar"), message());
    EXPECT_FAIL(oversight_rule_pack_rules_json(as<oversight_rule_pack>(h.iter), &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "oversight_action_iter handle, not an oversight_rule_pack"), message());
    EXPECT_FAIL(oversight_batch_add_json(as<oversight_batch>(h.pack), "[]", 2), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "batch is an oversight_rule_pack handle, not an oversight_batch"), message());
    EXPECT_FAIL(oversight_action_iter_next(as<oversight_action_iter>(h.store), &n), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "iter is an oversight_store handle, not an oversight_action_iter"), message());
    // Handles inside structs are checked too.
    oversight_reminders_query q = OVERSIGHT_REMINDERS_QUERY_INIT;
    q.calendar = as<oversight_calendar>(h.pack);
    EXPECT_FAIL(oversight_reminders_json(h.store, &q, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "not an oversight_calendar"), message());
    q = oversight_reminders_query OVERSIGHT_REMINDERS_QUERY_INIT;
    q.rule_pack = as<oversight_rule_pack>(h.calendar);
    EXPECT_FAIL(oversight_reminders_json(h.store, &q, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "not an oversight_rule_pack"), message());
    // Memory that is no handle at all.
    int not_a_handle = 0;
    EXPECT_FAIL(oversight_calendar_is_working_day(as<oversight_calendar>(&not_a_handle), kDay, &n),
                OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "not a live oversight_calendar"), message());
    BOOST_TEST(out == nullptr);
    // Getters give their neutral value, and say why.
    oversight_last_error_clear();
    BOOST_TEST(oversight_calendar_division(as<oversight_calendar>(h.pack)) == std::string(""));
    BOOST_TEST(oversight_last_error_code() == OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(oversight_rule_pack_name(as<oversight_rule_pack>(h.calendar)) == std::string(""));
    BOOST_TEST(oversight_batch_size(as<oversight_batch>(h.iter)) == 0u);
    BOOST_TEST(oversight_action_iter_ref(as<oversight_action_iter>(h.batch)) == std::string(""));
    BOOST_TEST(oversight_action_iter_recommendation(as<oversight_action_iter>(h.batch)) == 0);
    // The right handles still work.
    EXPECT_OK(oversight_calendar_add_working_days(h.calendar, kDay, 1, &d));
    BOOST_TEST(oversight_rule_pack_name(h.pack) != std::string(""));
    EXPECT_OK(oversight_action_iter_next(h.iter, &n));
    BOOST_TEST(n == 1);
}

BOOST_AUTO_TEST_CASE(a_wrong_kind_free_and_a_double_free_do_nothing_but_say_so) {
    EveryHandle h;
    // Freeing a handle through the wrong type's free leaves it alone.
    oversight_last_error_clear();
    oversight_calendar_free(as<oversight_calendar>(h.pack));
    BOOST_TEST(oversight_last_error_code() == OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "oversight_calendar_free"), message());
    BOOST_TEST(contains(message(), "oversight_rule_pack handle, not an oversight_calendar"), message());
    BOOST_TEST(oversight_rule_pack_name(h.pack) != std::string(""));  // still alive
    oversight_store_free(as<oversight_store>(h.iter));
    oversight_rule_pack_free(as<oversight_rule_pack>(h.store));
    oversight_batch_free(as<oversight_batch>(h.calendar));
    oversight_action_iter_free(as<oversight_action_iter>(h.batch));
    int32_t n = 0;
    EXPECT_OK(oversight_action_iter_next(h.iter, &n));
    EXPECT_OK(oversight_store_set_actor(h.store, "someone"));

    // Double frees of every kind: the second does nothing and says so.
    oversight_calendar* calendar = nullptr;
    oversight_rule_pack* pack = nullptr;
    oversight_batch* batch = nullptr;
    oversight_action_iter* iter = nullptr;
    oversight_store* store = nullptr;
    oversight_store_options opts = OVERSIGHT_STORE_OPTIONS_INIT;
    opts.backend = OVERSIGHT_STORE_BACKEND_MEMORY;
    EXPECT_OK(oversight_calendar_open(&calendar, nullptr));
    EXPECT_OK(oversight_rule_pack_open_default(&pack));
    EXPECT_OK(oversight_batch_new(&batch));
    EXPECT_OK(oversight_action_iter_open(&iter, h.store, h.plan, kAsOf));
    EXPECT_OK(oversight_store_open(&store, nullptr, &opts));
    oversight_calendar_free(calendar);
    oversight_rule_pack_free(pack);
    oversight_batch_free(batch);
    oversight_action_iter_free(iter);
    oversight_store_free(store);
    const struct {
        const char* function;
        std::function<void()> free_again;
    } again[] = {{"oversight_calendar_free", [&] { oversight_calendar_free(calendar); }},
                 {"oversight_rule_pack_free", [&] { oversight_rule_pack_free(pack); }},
                 {"oversight_batch_free", [&] { oversight_batch_free(batch); }},
                 {"oversight_action_iter_free", [&] { oversight_action_iter_free(iter); }},
                 {"oversight_store_free", [&] { oversight_store_free(store); }}};
    for (const auto& a : again) {
        BOOST_TEST_CONTEXT(a.function) {
            oversight_last_error_clear();
            a.free_again();
            BOOST_TEST(oversight_last_error_code() == OVERSIGHT_E_INVALID_ARG);
            BOOST_TEST(contains(message(), a.function), message());
            BOOST_TEST(contains(message(), "freed already"), message());
        }
    }
}

BOOST_AUTO_TEST_CASE(a_freed_handle_is_an_invalid_argument) {
    PlanFixture f;
    oversight_calendar* calendar = nullptr;
    oversight_rule_pack* pack = nullptr;
    oversight_batch* batch = nullptr;
    oversight_action_iter* iter = nullptr;
    oversight_store* store = nullptr;
    oversight_store_options opts = OVERSIGHT_STORE_OPTIONS_INIT;
    opts.backend = OVERSIGHT_STORE_BACKEND_MEMORY;
    EXPECT_OK(oversight_calendar_open(&calendar, nullptr));
    EXPECT_OK(oversight_rule_pack_open_default(&pack));
    EXPECT_OK(oversight_batch_new(&batch));
    EXPECT_OK(oversight_action_iter_open(&iter, f.store, f.plan, kAsOf));
    EXPECT_OK(oversight_store_open(&store, nullptr, &opts));
    oversight_calendar_free(calendar);
    oversight_rule_pack_free(pack);
    oversight_batch_free(batch);
    oversight_action_iter_free(iter);
    oversight_store_free(store);
    // No handle is created from here on, so no address can have been reused.
    oversight_date d{};
    int32_t n = 0;
    char* out = nullptr;
    EXPECT_FAIL(oversight_calendar_add_working_days(calendar, kDay, 1, &d), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "calendar is not a live oversight_calendar handle"), message());
    EXPECT_FAIL(oversight_rule_pack_rules_json(pack, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "not a live oversight_rule_pack"), message());
    EXPECT_FAIL(oversight_batch_add_json(batch, "[]", 2), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "not a live oversight_batch"), message());
    EXPECT_FAIL(oversight_action_iter_next(iter, &n), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "not a live oversight_action_iter"), message());
    EXPECT_FAIL(oversight_store_set_actor(store, "someone"), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "store is not a live oversight_store handle"), message());
    BOOST_TEST(oversight_calendar_division(calendar) == std::string(""));
    BOOST_TEST(oversight_batch_size(batch) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
