// Ends and deletions sent again (a case system that retries after losing
// the response, or resends a whole feed): through the C++ API an end already
// in place changes nothing; in a batch every op replayed leaves the store as
// it was (child.hpp, event.hpp, batch.hpp).
#include <boost/test/unit_test.hpp>

#include "support/store_fixtures.hpp"

#include <oversight/casework/batch.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/store/store.hpp>
#include <oversight/workforce/team.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace oversight;
using test::code_of;

namespace {

Date d(const char* iso) { return Date::parse_iso(iso); }

/// A store with Team A, Ann Lee and child X-001.
Store with_child() {
    Store s = Store::open_in_memory();
    s.set_actor("case system");
    save_team(s, {"Team A", "", ""});
    save_worker(s, {"Ann Lee", "Team A", ""});
    save_child(s, {"X-001", std::nullopt});
    return s;
}

std::size_t rows(const Store& s) { return s.history({}).size(); }

/// Applies the one-item batch; checks it applied and what it counted.
void replay(Store& s, BatchChange change, std::size_t BatchResult::*counted) {
    Batch b;
    b.add(std::move(change));
    const BatchResult r = apply(s, b);
    BOOST_TEST(r.applied, batch_summary(r));
    const std::size_t n = r.*counted;
    BOOST_TEST(n == 1u, batch_summary(r));
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    BOOST_REQUIRE_MESSAGE(in, "cannot read " << path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(casework_replay)

BOOST_AUTO_TEST_CASE(end_attribute_replayed) {
    Store s = with_child();
    set_attribute(s, "X-001", "placement_type", "U1", d("2024-03-01"));
    BOOST_TEST(end_attribute(s, "X-001", "placement_type", d("2024-06-01")));
    const auto stored = list_attributes(s, "X-001");
    const std::size_t before = rows(s);
    BOOST_TEST(!end_attribute(s, "X-001", "placement_type", d("2024-06-01")));  // already ended that day
    replay(s, batch::EndAttribute{"X-001", "placement_type", d("2024-06-01")}, &BatchResult::unchanged);
    BOOST_TEST((list_attributes(s, "X-001") == stored));
    BOOST_TEST(rows(s) == before);
    // Ended before: not set on a later day, which is not a replay.
    std::string msg;
    BOOST_TEST(code_of([&] { end_attribute(s, "X-001", "placement_type", d("2024-07-01")); }, &msg) ==
               Status::not_found);
    BOOST_TEST(msg.find("not set on 2024-07-01") != std::string::npos, msg);
}

BOOST_AUTO_TEST_CASE(end_allocation_replayed) {
    Store s = with_child();
    allocate(s, "X-001", "Ann Lee", d("2024-03-01"));
    BOOST_TEST(end_allocation(s, "X-001", d("2024-05-01")));
    const auto stored = allocations(s, "X-001");
    const std::size_t before = rows(s);
    BOOST_TEST(!end_allocation(s, "X-001", d("2024-05-01")));  // already ended that day
    replay(s, batch::EndAllocation{"X-001", d("2024-05-01")}, &BatchResult::unchanged);
    BOOST_TEST((allocations(s, "X-001") == stored));
    BOOST_TEST(rows(s) == before);
    // Ended on another day: nothing current to end.
    std::string msg;
    BOOST_TEST(code_of([&] { end_allocation(s, "X-001", d("2024-06-01")); }, &msg) == Status::not_found);
    BOOST_TEST(msg.find("no current allocation") != std::string::npos, msg);
}

BOOST_AUTO_TEST_CASE(delete_attribute_replayed) {
    Store s = with_child();
    set_attribute(s, "X-001", "legal_status", "C2", d("2024-03-01"));
    delete_attribute(s, "X-001", "legal_status", d("2024-03-01"));
    const std::size_t before = rows(s);
    // Directly: there is no such value (gone, or never there).
    BOOST_TEST(code_of([&] { delete_attribute(s, "X-001", "legal_status", d("2024-03-01")); }) == Status::not_found);
    // In a batch: already so.
    replay(s, batch::DeleteAttribute{"X-001", "legal_status", d("2024-03-01")}, &BatchResult::unchanged);
    BOOST_TEST(list_attributes(s, "X-001").empty());
    BOOST_TEST(rows(s) == before);
    // An unknown child is still refused, in a batch too.
    Batch b;
    b.add(batch::DeleteAttribute{"X-999", "legal_status", d("2024-03-01")});
    const BatchResult r = apply(s, b);
    BOOST_TEST(!r.applied);
    BOOST_REQUIRE(r.errors.size() == 1u);
    BOOST_TEST((r.errors[0].status == Status::not_found));
}

BOOST_AUTO_TEST_CASE(delete_event_replayed) {
    Store s = with_child();
    const std::int64_t id = record_event(s, "X-001", {"visit", d("2024-03-06"), {}}, "Ann Lee");
    save_event(s, "X-001", {"visit", d("2024-03-07"), {}, std::string("E-7")}, "Ann Lee");
    delete_event(s, id);
    delete_event_by_external_id(s, "E-7");
    const std::size_t before = rows(s);
    // Directly: not found.
    BOOST_TEST(code_of([&] { delete_event(s, id); }) == Status::not_found);
    BOOST_TEST(code_of([&] { delete_event_by_external_id(s, "E-7"); }) == Status::not_found);
    // In a batch: already so, by id and by external id.
    replay(s, batch::DeleteEvent{id, std::nullopt}, &BatchResult::unchanged);
    replay(s, batch::DeleteEvent{std::nullopt, std::string("E-7")}, &BatchResult::unchanged);
    BOOST_TEST(list_events(s, "X-001").empty());
    BOOST_TEST(rows(s) == before);
}

BOOST_AUTO_TEST_CASE(erase_child_replayed) {
    Store s = with_child();
    erase_child(s, "X-001", "retention period ended");
    const std::size_t before = rows(s);
    BOOST_TEST(code_of([&] { erase_child(s, "X-001", "retention period ended"); }) == Status::not_found);
    replay(s, batch::EraseChild{"X-001", "retention period ended"}, &BatchResult::unchanged);
    BOOST_TEST(!try_find_child(s, "X-001"));
    BOOST_TEST(rows(s) == before);
}

BOOST_AUTO_TEST_CASE(a_whole_feed_sent_again_is_applied_and_leaves_the_same_state) {
    const std::string feed = read_file(std::string(OVERSIGHT_TEST_DATA_DIR) + "/batch/feed.json");
    Store s = with_child();
    const BatchResult first = apply_batch_document(s, feed, "feed.json");
    BOOST_TEST(first.applied, batch_summary(first));
    const std::string state = test::snapshot(s, d("2024-07-01"), {}, false);
    const auto allocs = allocations(s, "BX-001");
    const auto attrs = list_attributes(s, "BX-001");
    const auto events = list_events(s, "BX-001");
    for (int round = 0; round < 2; ++round) {
        const BatchResult again = apply_batch_document(s, feed, "feed.json");
        BOOST_TEST(again.applied, batch_summary(again));
        BOOST_TEST(again.errors.empty());
        BOOST_TEST(test::snapshot(s, d("2024-07-01"), {}, false) == state);
        BOOST_TEST((allocations(s, "BX-001") == allocs));
        BOOST_TEST((list_attributes(s, "BX-001") == attrs));
        BOOST_TEST((list_events(s, "BX-001") == events));
        BOOST_TEST(!try_find_child(s, "BX-002"));
    }
}

BOOST_AUTO_TEST_CASE(an_allocation_batch_with_its_end_sent_twice_is_stored_once) {
    const std::string text =
        "{\"op\":\"child\",\"child\":\"X-001\"}\n"
        "{\"op\":\"allocate\",\"child\":\"X-001\",\"worker\":\"Ann Lee\",\"from\":\"2024-01-01\"}\n"
        "{\"op\":\"end_allocation\",\"child\":\"X-001\",\"on\":\"2024-05-01\"}\n";
    Store s = with_child();
    const BatchResult first = apply_batch_document(s, text, "feed.ndjson");
    BOOST_TEST(first.applied, batch_summary(first));
    const auto stored = allocations(s, "X-001");
    const std::size_t before = rows(s);
    const BatchResult again = apply_batch_document(s, text, "feed.ndjson");
    BOOST_TEST(again.applied, batch_summary(again));
    BOOST_TEST(again.unchanged == 3u, batch_summary(again));
    BOOST_TEST((allocations(s, "X-001") == stored));
    BOOST_TEST(rows(s) == before);
}

BOOST_AUTO_TEST_SUITE_END()
