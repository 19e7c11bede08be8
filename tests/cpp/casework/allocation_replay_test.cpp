// Allocations without external ids sent again (a case system resending a
// feed): the allocation already stored is recognised by worker and start
// (child.hpp, allocate).
#include <boost/test/unit_test.hpp>

#include "support/store_fixtures.hpp"

#include <oversight/casework/batch.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/store/store.hpp>
#include <oversight/workforce/team.hpp>

#include <string>
#include <vector>

using namespace oversight;
using test::code_of;

namespace {

Date d(const char* iso) { return Date::parse_iso(iso); }

/// A store with Team A, Ann Lee and Bob Roe, and child X-001.
Store with_child() {
    Store s = Store::open_in_memory();
    s.set_actor("case system");
    save_team(s, {"Team A", "", ""});
    save_worker(s, {"Ann Lee", "Team A", ""});
    save_worker(s, {"Bob Roe", "Team A", ""});
    save_child(s, {"X-001", std::nullopt});
    return s;
}

std::size_t rows(const Store& s) { return s.history({}).size(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(casework_allocation_replay)

BOOST_AUTO_TEST_CASE(allocations_without_external_ids_sent_again_change_nothing) {
    Store s = with_child();
    BOOST_TEST((allocate(s, "X-001", "Ann Lee", d("2024-01-01")) == SaveOutcome::added));
    BOOST_TEST((allocate(s, "X-001", "Bob Roe", d("2024-03-01")) == SaveOutcome::added));
    const std::vector<Allocation> stored = allocations(s, "X-001");
    const std::size_t before = rows(s);

    // Sent again while Bob's allocation is open: Ann's (ended by Bob's) is there.
    BOOST_TEST((allocate(s, "X-001", "Ann Lee", d("2024-01-01")) == SaveOutcome::unchanged));
    BOOST_TEST((allocate(s, "X-001", "ann lee", d("2024-01-01")) == SaveOutcome::unchanged));
    BOOST_TEST((allocate(s, "X-001", "Bob Roe", d("2024-03-01")) == SaveOutcome::unchanged));
    BOOST_TEST((allocations(s, "X-001") == stored));
    BOOST_TEST(rows(s) == before);

    // Ended, then the three sent again.
    end_allocation(s, "X-001", d("2024-05-01"));
    const std::vector<Allocation> ended = allocations(s, "X-001");
    const std::size_t after_end = rows(s);
    BOOST_TEST((allocate(s, "X-001", "Ann Lee", d("2024-01-01")) == SaveOutcome::unchanged));
    BOOST_TEST((allocate(s, "X-001", "BOB ROE", d("2024-03-01")) == SaveOutcome::unchanged));
    BOOST_TEST((allocations(s, "X-001") == ended));
    BOOST_TEST(rows(s) == after_end);

    // A start inside a stored, ended allocation of another worker stays refused.
    std::string msg;
    BOOST_TEST(code_of([&] { allocate(s, "X-001", "Ann Lee", d("2024-04-01")); }, &msg) == Status::invalid_arg);
    BOOST_TEST(msg.find("Bob Roe") != std::string::npos, msg);
    BOOST_TEST(msg.find("2024-03-01") != std::string::npos, msg);
    BOOST_TEST(msg.find("2024-05-01") != std::string::npos, msg);
    // As does an open allocation from before the stored ones (it would overlap them).
    BOOST_TEST(code_of([&] { allocate(s, "X-001", "Bob Roe", d("2023-12-01")); }, &msg) == Status::invalid_arg);
    BOOST_TEST(msg.find("Ann Lee") != std::string::npos, msg);
    // Another worker on a stored start is not a resend: refused too.
    BOOST_TEST(code_of([&] { allocate(s, "X-001", "Bob Roe", d("2024-01-01")); }) == Status::invalid_arg);
    BOOST_TEST((allocations(s, "X-001") == ended));
    BOOST_TEST(rows(s) == after_end);

    // From the day the last one ended: a new allocation, as before.
    BOOST_TEST((allocate(s, "X-001", "Ann Lee", d("2024-05-01")) == SaveOutcome::added));
    BOOST_TEST(allocations(s, "X-001").size() == 3u);
}

BOOST_AUTO_TEST_CASE(an_allocation_batch_sent_twice_is_stored_once) {
    const std::string ndjson =
        "{\"op\":\"child\",\"child\":\"X-001\"}\n"
        "{\"op\":\"allocate\",\"child\":\"X-001\",\"worker\":\"Ann Lee\",\"from\":\"2024-01-01\"}\n"
        "{\"op\":\"allocate\",\"child\":\"X-001\",\"worker\":\"Bob Roe\",\"from\":\"2024-03-01\"}\n";
    for (const std::string& text : {ndjson}) {
        Store store = with_child();
        const BatchResult first = apply_batch_document(store, text, "feed.ndjson");
        BOOST_TEST(first.applied, batch_summary(first));
        const std::vector<Allocation> stored = allocations(store, "X-001");
        const std::size_t before = rows(store);
        const BatchResult again = apply_batch_document(store, text, "feed.ndjson");
        BOOST_TEST(again.applied, batch_summary(again));
        BOOST_TEST(again.unchanged == again.items);
        BOOST_TEST((allocations(store, "X-001") == stored));
        BOOST_TEST(rows(store) == before);
    }
}

BOOST_AUTO_TEST_SUITE_END()
