// The reminder feed (include/oversight/reminders/reminder_changes.hpp):
// between two dates, and since the list a host received, with the reasons;
// the list a host passes back, read strictly; the JSON document.
#include <boost/test/unit_test.hpp>

#include "support/store_fixtures.hpp"

#include <oversight/calendar/calendar.hpp>
#include <oversight/casework/case.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/reminders/reminder.hpp>
#include <oversight/reminders/reminder_changes.hpp>
#include <oversight/rules/rule_pack.hpp>
#include <oversight/store/store.hpp>
#include <oversight/workforce/team.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

using namespace oversight;
using test::code_of;

namespace {

Date d(const char* iso) { return Date::parse_iso(iso); }

// A first visit within 10 working days of a placement, a review within 20.
const char* const kPack = R"toml(
name = "changes-test"
version = "1"
description = "test"

[[rule]]
id = "t.visit"
title = "First visit"
area = "visits"
kind = "within"
trigger = "placement_start"
satisfied_by = ["visit"]
duration = "10 working days"
source = "test"
status = "local"

[[rule]]
id = "t.review"
title = "First review"
area = "reviews"
kind = "within"
trigger = "placement_start"
satisfied_by = ["review"]
duration = "20 working days"
source = "test"
status = "local"
)toml";

const Duration kWindow{10, Unit::working_days};

// C1, C2 and C3 placed on Fri 1 March 2024 (first visits due Fri 15 March,
// reviews Tue 2 April after Easter); C1 visited on 12 March; C3 with Bob
// (Team B) until 14 March, then Ann Lee; C4 placed on 12 March (first visit
// due 26 March).
struct Fixture {
    Store store = Store::open_in_memory();
    Calendar cal = Calendar::for_division(Division::england_and_wales);
    RulePack pack = RulePack::from_toml(kPack, "changes-test");
    std::int64_t c4_placement = 0;

    Fixture() {
        save_team(store, {"Team A", "", ""});
        save_team(store, {"Team B", "", ""});
        save_worker(store, {"Ann Lee", "Team A", ""});
        save_worker(store, {"Bob Roy", "Team B", ""});
        for (const char* id : {"C1", "C2", "C3"}) {
            save_child(store, {id, d("2012-05-01")});
            allocate(store, id, id == std::string("C3") ? "Bob Roy" : "Ann Lee", d("2024-03-01"));
            record_event(store, id, {"placement_start", d("2024-03-01"), {}}, "tester", &pack);
        }
        allocate(store, "C3", "Ann Lee", d("2024-03-14"));
        record_event(store, "C1", {"visit", d("2024-03-12"), {}}, "tester", &pack);
        save_child(store, {"C4", d("2013-01-01")});
        allocate(store, "C4", "Ann Lee", d("2024-03-12"));
        c4_placement = record_event(store, "C4", {"placement_start", d("2024-03-12"), {}}, "tester", &pack);
    }

    ReminderChanges between(const char* from, const char* to, const CaseFilter& filter = {}) const {
        return reminder_changes(store, pack, cal, d(from), d(to), kWindow, filter);
    }
};

const ReminderChange* find(const std::vector<ReminderChange>& list, const char* child, const char* rule) {
    for (const ReminderChange& c : list)
        if (c.reminder.obligation.child_id == child && c.reminder.obligation.rule_id == rule) return &c;
    return nullptr;
}

std::vector<std::string> reasons(const std::vector<ReminderChange>& list, const char* child, const char* rule) {
    const ReminderChange* c = find(list, child, rule);
    BOOST_REQUIRE_MESSAGE(c, child << "/" << rule << " is listed");
    return c->reasons;
}

using Reasons = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(reminder_changes_feed)

BOOST_FIXTURE_TEST_CASE(between_two_dates_with_reasons, Fixture) {
    // 11 March: the three first visits of 15 March are due soon (window to 25 March).
    const ReminderChanges ch = between("2024-03-11", "2024-03-18");
    BOOST_TEST((ch.from == d("2024-03-11")));
    BOOST_TEST((ch.to == d("2024-03-18")));
    BOOST_TEST(!ch.sequence);

    BOOST_TEST(reasons(ch.disappeared, "C1", "t.visit") == Reasons{"met"});
    BOOST_TEST(find(ch.disappeared, "C1", "t.visit")->detail == "met on 2024-03-12");
    BOOST_TEST(ch.disappeared.size() == 1u);

    const ReminderChange* c2 = find(ch.changed, "C2", "t.visit");
    BOOST_REQUIRE(c2);
    BOOST_TEST(c2->reasons == Reasons{"became_overdue"});
    BOOST_TEST((c2->reminder.state == ReminderState::overdue));
    BOOST_TEST((c2->state_before == ReminderState::due_soon));
    BOOST_TEST(reasons(ch.changed, "C3", "t.visit") == (Reasons{"became_overdue", "reallocated"}));
    BOOST_TEST(find(ch.changed, "C3", "t.visit")->worker_before == "Bob Roy");
    BOOST_TEST(find(ch.changed, "C3", "t.visit")->reminder.obligation.worker == "Ann Lee");
    BOOST_TEST(ch.changed.size() == 2u);

    // The reviews of 2 April come into the window (to 3 April); C4's first
    // visit is new (placed after 11 March).
    for (const char* child : {"C1", "C2", "C3"})
        BOOST_TEST(reasons(ch.appeared, child, "t.review") == Reasons{"entered_window"}, child);
    BOOST_TEST(reasons(ch.appeared, "C4", "t.visit") == Reasons{"new"});
    BOOST_TEST(ch.appeared.size() == 4u);

    // `current` is the reminders on `to`, exactly.
    BOOST_TEST((ch.current == reminders(store, pack, cal, d("2024-03-18"), kWindow)));
}

BOOST_FIXTURE_TEST_CASE(a_worker_filter_sees_reallocations_come_and_go, Fixture) {
    const ReminderChanges ann = between("2024-03-11", "2024-03-18", CaseFilter{std::string("Ann Lee"), {}});
    BOOST_TEST(reasons(ann.appeared, "C3", "t.visit") == Reasons{"reallocated"});
    BOOST_TEST(!find(ann.changed, "C3", "t.visit"));
    const ReminderChanges bob = between("2024-03-11", "2024-03-18", CaseFilter{std::string("Bob Roy"), {}});
    BOOST_TEST(reasons(bob.disappeared, "C3", "t.visit") == Reasons{"reallocated"});
    BOOST_TEST(find(bob.disappeared, "C3", "t.visit")->detail == "still open, but the case is now Ann Lee (Team A)");
    BOOST_TEST(bob.appeared.empty());
    BOOST_TEST(bob.current.empty());
}

BOOST_FIXTURE_TEST_CASE(the_same_date_twice_changes_nothing_and_dates_go_forwards, Fixture) {
    const ReminderChanges same = between("2024-03-18", "2024-03-18");
    BOOST_TEST(same.appeared.empty());
    BOOST_TEST(same.disappeared.empty());
    BOOST_TEST(same.changed.empty());
    BOOST_TEST(!same.current.empty());
    BOOST_TEST(code_of([&] { between("2024-03-18", "2024-03-11"); }) == Status::invalid_arg);
    BOOST_TEST(code_of([&] { between("2024-03-11", "2024-03-18", CaseFilter{std::string("Nobody"), {}}); }) ==
               Status::not_found);
}

BOOST_FIXTURE_TEST_CASE(since_the_list_a_host_received, Fixture) {
    const Date as_of = d("2024-03-18");
    const std::string received = reminders_to_json(reminders(store, pack, cal, as_of, kWindow));

    // What the case system did after its sync: a visit for C2, C4's
    // placement deleted (recorded against the wrong child), C3 erased, C5
    // placed.
    record_event(store, "C2", {"visit", as_of, {}}, "tester", &pack);
    delete_event(store, c4_placement);
    erase_child(store, "C3", "erasure request 2024/117");
    save_child(store, {"C5", d("2014-02-02")});
    record_event(store, "C5", {"placement_start", d("2024-03-14"), {}}, "tester", &pack);

    const auto previous = read_reminder_list(received, "last-sync.json");
    const ReminderChanges ch = reminder_changes_since(store, pack, cal, previous, as_of, kWindow);
    BOOST_TEST(!ch.from);
    BOOST_TEST(reasons(ch.disappeared, "C2", "t.visit") == Reasons{"met"});
    BOOST_TEST(reasons(ch.disappeared, "C4", "t.visit") == Reasons{"no_longer_due"});
    BOOST_TEST(reasons(ch.disappeared, "C3", "t.visit") == Reasons{"case_removed"});
    BOOST_TEST(reasons(ch.disappeared, "C3", "t.review") == Reasons{"case_removed"});
    BOOST_TEST(ch.disappeared.size() == 4u);
    // Why C5's are new to the host cannot be told (its list has no date).
    BOOST_TEST(reasons(ch.appeared, "C5", "t.visit").empty());
    BOOST_TEST(!find(ch.appeared, "C5", "t.visit")->detail.empty());
    BOOST_TEST(ch.changed.empty());

    // Passing back what it got now gives nothing new; the changes document's
    // "current" list reads back as the list itself.
    const std::string doc = reminder_changes_to_json(ch);
    const ReminderChanges again =
        reminder_changes_since(store, pack, cal, read_reminder_list(doc, "changes.json"), as_of, kWindow);
    BOOST_TEST(again.appeared.empty());
    BOOST_TEST(again.disappeared.empty());
    BOOST_TEST(again.changed.empty());
    // ... and the CLI's bare array too.
    BOOST_TEST((read_reminder_list(reminders_to_json_array(ch.current), "cli.json") ==
                read_reminder_list(doc, "changes.json")));
}

BOOST_FIXTURE_TEST_CASE(the_document, Fixture) {
    ReminderChanges ch = between("2024-03-11", "2024-03-18");
    ch.sequence = 42;
    const auto j = nlohmann::json::parse(reminder_changes_to_json(ch));
    BOOST_TEST(j["format"] == "oversight-reminder-changes");
    BOOST_TEST(j["version"] == 1);
    BOOST_TEST(j["from"] == "2024-03-11");
    BOOST_TEST(j["to"] == "2024-03-18");
    BOOST_TEST(j["sequence"] == 42);
    BOOST_TEST(j["disappeared"].size() == 1u);
    BOOST_TEST(j["disappeared"][0]["key"] == "C1/t.visit/2024-03-15");
    BOOST_TEST(j["disappeared"][0]["reasons"] == nlohmann::json::array({"met"}));
    BOOST_TEST(j["disappeared"][0]["state_before"].is_null());
    for (const auto& c : j["changed"]) {
        BOOST_TEST(c["state_before"] == "due");
        BOOST_TEST(c["state"] == "overdue");
    }
    BOOST_TEST(j["current"] == nlohmann::json::parse(reminders_to_json(ch.current))["reminders"]);
    ch.from.reset();
    ch.sequence.reset();
    const auto since = nlohmann::json::parse(reminder_changes_to_json(ch));
    BOOST_TEST(since["from"].is_null());
    BOOST_TEST(since["sequence"].is_null());
}

BOOST_AUTO_TEST_CASE(a_list_passed_back_is_read_strictly) {
    auto error_of = [](const std::string& text) -> std::string {
        try {
            read_reminder_list(text, "last.json");
        } catch (const Error& e) {
            BOOST_TEST(e.code() == Status::parse);
            return e.what();
        }
        return "(read)";
    };
    const std::string item = R"({"child":"C1","rule":"r","due":"2024-03-15","state":"due"})";
    BOOST_TEST(read_reminder_list("[" + item + "]", "x").size() == 1u);
    BOOST_TEST(read_reminder_list(R"({"format":"oversight-reminders","version":1,"reminders":[]})", "x").empty());
    BOOST_TEST(error_of("[").rfind("last.json: line 1, column 1: ", 0) == 0u);
    BOOST_TEST(error_of("3") == "last.json: (document): neither a reminders document nor an array of reminders");
    BOOST_TEST(error_of(R"({"format":"oversight-plan","version":1})").rfind("last.json: format: ", 0) == 0u);
    BOOST_TEST(error_of(R"({"format":"oversight-reminders","version":2,"reminders":[]})") ==
               "last.json: version: not 1 (this library reads version 1)");
    BOOST_TEST(error_of(R"({"format":"oversight-reminders","version":1,"reminders":[)" + item + R"(,{"child":"C1"}]})") ==
               "last.json: reminders[1].rule: missing");
    BOOST_TEST(error_of(R"([{"child":"C1","rule":"r","due":"2024-02-30","state":"due"}])")
                   .rfind("last.json: [0].due: ", 0) == 0u);
    BOOST_TEST(error_of(R"([{"child":"C1","rule":"r","due":"2024-03-15","state":"late"}])") ==
               "last.json: [0].state: \"late\" is neither \"overdue\" nor \"due\"");
    BOOST_TEST(error_of(R"([{"child":1,"rule":"r","due":"2024-03-15","state":"due"}])") ==
               "last.json: [0].child: not a string");
    BOOST_TEST(error_of("[" + item + "," + item + "]") ==
               "last.json: [1]: the reminder C1/r/2024-03-15 is listed twice");
    BOOST_TEST(error_of(std::string("[{\"child\":\"C\\u0000\",\"rule\":\"r\",\"due\":\"2024-03-15\",\"state\":\"due\"}]")) ==
               "last.json: a string in /0 holds a NUL character (\\u0000)");
    BOOST_TEST(error_of("[\"\xff\"]").rfind("last.json: line 1, column ", 0) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
