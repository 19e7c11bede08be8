// Events kept in step with a case system (include/oversight/casework/
// event.hpp): external ids and upserts with history, content de-duplication,
// corrections and deletions by id and by external id, the deadlines they
// change at once, and identifiers that are trimmed, quoted or malformed.
#include <boost/test/unit_test.hpp>

#include "support/store_fixtures.hpp"

#include <oversight/calendar/calendar.hpp>
#include <oversight/casework/case.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/reminders/acknowledgement.hpp>
#include <oversight/reminders/reminder.hpp>
#include <oversight/rules/rule_pack.hpp>
#include <oversight/rules/schedule.hpp>
#include <oversight/store/store.hpp>
#include <oversight/workforce/team.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace oversight;
using test::code_of;

namespace {

Date d(const char* iso) { return Date::parse_iso(iso); }
const Date kStart = d("2024-03-01");  // a Friday

// A first visit within 10 working days of a placement (due Fri 15 March).
const char* const kPack = R"toml(
name = "event-test"
version = "1"
description = "test"

[[rule]]
id = "t.first_visit"
title = "First visit"
area = "visits"
kind = "within"
trigger = "placement_start"
satisfied_by = ["visit"]
duration = "10 working days"
source = "test"
status = "local"
)toml";

struct Fixture {
    Store store = Store::open_in_memory();
    Calendar cal = Calendar::for_division(Division::england_and_wales);
    RulePack pack = RulePack::from_toml(kPack, "event-test");

    Fixture() {
        store.set_actor("case system");
        save_team(store, {"Team A", "", ""});
        save_worker(store, {"Ann Lee", "Team A", ""});
        for (const char* id : {"C1", "C2"}) {
            save_child(store, {id, d("2012-05-01")});
            allocate(store, id, "Ann Lee", kStart);
            record_event(store, id, {"placement_start", kStart, {{"placement_type", "U1"}}}, "tester", &pack);
        }
    }

    /// The child's first-visit obligation as of `as_of`.
    Obligation first_visit(const char* child, Date as_of) const {
        for (const Obligation& o : schedule_case(pack, load_case(store, child, as_of), as_of, cal))
            if (o.rule_id == "t.first_visit") return o;
        BOOST_FAIL("no first-visit obligation for " << child);
        return {};
    }

    /// The reminders of first visits for `child` as of `as_of` (10 working days ahead).
    std::size_t reminded(const char* child, Date as_of) const {
        const auto list = reminders(store, pack, cal, as_of, {10, Unit::working_days});
        return static_cast<std::size_t>(std::count_if(list.begin(), list.end(), [&](const Reminder& r) {
            return r.obligation.child_id == child && r.obligation.rule_id == "t.first_visit";
        }));
    }

    /// The history rows of one event.
    std::vector<Change> history_of(std::int64_t event) const {
        HistoryFilter f;
        f.entity = "event";
        f.entity_id = event;
        return store.history(f);
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(casework_events)

BOOST_AUTO_TEST_CASE(deleting_a_visit_recorded_against_the_wrong_child_reopens_its_obligation) {
    Fixture fx;
    const Date as_of = d("2024-03-11");
    BOOST_TEST(!fx.first_visit("C1", as_of).met_on);
    BOOST_TEST(fx.reminded("C1", as_of) == 1u);

    // The visit was to C2, but is recorded against C1: C1's obligation looks met.
    const std::int64_t visit = record_event(fx.store, "C1", {"visit", d("2024-03-05"), {}}, "Ann Lee", &fx.pack);
    BOOST_TEST((fx.first_visit("C1", as_of).met_on == d("2024-03-05")));
    BOOST_TEST(fx.reminded("C1", as_of) == 0u);

    delete_event(fx.store, visit);
    // At once: the obligation is open again, due Fri 15 March, and reminded.
    const Obligation open = fx.first_visit("C1", as_of);
    BOOST_TEST(!open.met_on);
    BOOST_TEST(open.due.iso() == "2024-03-15");
    BOOST_TEST(fx.reminded("C1", as_of) == 1u);
    BOOST_TEST(!try_find_event(fx.store, visit));

    // The history shows both: the recording and the deletion, each with the event.
    const auto h = fx.history_of(visit);
    BOOST_REQUIRE(h.size() == 2u);
    BOOST_TEST(h[0].field == "*");
    BOOST_TEST(!h[0].old_value);
    BOOST_TEST(h[1].field == "*");
    BOOST_TEST(!h[1].new_value);
    BOOST_TEST(h[1].actor == "case system");
    const auto gone = nlohmann::json::parse(h[1].old_value.value());
    BOOST_TEST(gone.at("child") == "C1");
    BOOST_TEST(gone.at("type") == "visit");
    BOOST_TEST(gone.at("date") == "2024-03-05");
    BOOST_TEST(h[0].seq < h[1].seq);

    // Acknowledged under its child id as sent (trimmed as stored).
    ObligationKey sent = key_of(open);
    sent.child_id = " C1\t";
    acknowledge(fx.store, fx.pack, fx.cal, sent, "Mo Manager", "chasing");
    BOOST_TEST(find_acknowledgement(fx.store, key_of(open)).has_value());
    BOOST_TEST(find_acknowledgement(fx.store, sent).has_value());

    // Deleting it again: there is no such event.
    std::string msg;
    BOOST_TEST(code_of([&] { delete_event(fx.store, visit); }, &msg) == Status::not_found);
    BOOST_TEST(msg.find("with id " + std::to_string(visit)) != std::string::npos, msg);
}

BOOST_AUTO_TEST_CASE(moving_a_visit_to_the_right_child_moves_the_met_obligation) {
    Fixture fx;
    const Date as_of = d("2024-03-11");
    const std::int64_t visit = record_event(fx.store, "C1", {"visit", d("2024-03-05"), {}}, "Ann Lee", &fx.pack);
    BOOST_TEST(fx.first_visit("C1", as_of).met_on.has_value());
    BOOST_TEST(!fx.first_visit("C2", as_of).met_on);

    BOOST_TEST(correct_event(fx.store, visit, "C2", {"visit", d("2024-03-05"), {}}, &fx.pack));
    BOOST_TEST(!fx.first_visit("C1", as_of).met_on);
    BOOST_TEST((fx.first_visit("C2", as_of).met_on == d("2024-03-05")));
    BOOST_TEST(fx.reminded("C1", as_of) == 1u);
    BOOST_TEST(fx.reminded("C2", as_of) == 0u);
    BOOST_TEST(try_find_event(fx.store, visit)->child_id == "C2");

    const auto h = fx.history_of(visit);
    BOOST_REQUIRE(h.size() == 2u);
    BOOST_TEST(h[1].field == "child");
    BOOST_TEST(h[1].old_value.value_or("") == "C1");
    BOOST_TEST(h[1].new_value.value_or("") == "C2");
    // The same correction again changes nothing and writes nothing.
    BOOST_TEST(!correct_event(fx.store, visit, "C2", {"visit", d("2024-03-05"), {}}, &fx.pack));
    BOOST_TEST(fx.history_of(visit).size() == 2u);
}

BOOST_AUTO_TEST_CASE(an_events_history_rows_are_its_json_keys_sorted_byte_for_byte) {
    Fixture fx;
    // Plain ASCII text, text the JSON needs to escape, and text that is not
    // ASCII: the rows written on recording and on deletion are the compact
    // JSON dump of the event, keys sorted, whichever way they were written.
    int n = 0;
    for (const std::string& note : {std::string("seen alone"), std::string("said \"no\"\tthen left\\"),
                                   std::string("vu \xC3\xA0 l'\xC3\xA9" "cole"), std::string()}) {
        CaseEvent visit{"visit", d("2024-03-05"), {}, std::nullopt};
        nlohmann::json expected = {{"type", "visit"}, {"date", "2024-03-05"}, {"source", "manual"}};
        expected["attributes"] = nlohmann::json::object();
        if (!note.empty()) {
            visit.attributes = {{"note", note}, {"a_first", "x"}};
            expected["attributes"] = {{"note", note}, {"a_first", "x"}};
        }
        if (n++ % 2 == 0) {
            visit.external_id = "EV-" + std::to_string(n);
            expected["external_id"] = *visit.external_id;
        }
        const EventSaved saved = save_event(fx.store, "C1", visit, "Ann Lee", &fx.pack);
        BOOST_TEST(fx.history_of(saved.id).at(0).new_value.value_or("") == expected.dump(), note);
        delete_event(fx.store, saved.id);
        expected["child"] = "C1";
        BOOST_TEST(fx.history_of(saved.id).at(1).old_value.value_or("") == expected.dump(), note);
    }
}

BOOST_AUTO_TEST_CASE(the_same_external_id_updates_in_place_or_changes_nothing) {
    Fixture fx;
    CaseEvent visit{"visit", d("2024-03-05"), {{"note", "seen alone"}}, std::string("MOSAIC-EV-1")};
    const EventSaved first = save_event(fx.store, "C1", visit, "Ann Lee", &fx.pack);
    BOOST_TEST((first.outcome == SaveOutcome::added));
    BOOST_TEST(fx.history_of(first.id).size() == 1u);
    const std::string created = fx.history_of(first.id)[0].new_value.value_or("");
    BOOST_TEST(nlohmann::json::parse(created).at("external_id") == "MOSAIC-EV-1");

    // Sent again, identical: nothing changes, no history row.
    const std::size_t rows = fx.store.history().size();
    const EventSaved again = save_event(fx.store, "C1", visit, "someone else", &fx.pack);
    BOOST_TEST(again.id == first.id);
    BOOST_TEST((again.outcome == SaveOutcome::unchanged));
    BOOST_TEST(fx.store.history().size() == rows);

    // Sent with a new date: one update row with the old and the new value.
    visit.date = d("2024-03-06");
    const EventSaved moved = save_event(fx.store, "C1", visit, "Ann Lee", &fx.pack);
    BOOST_TEST(moved.id == first.id);
    BOOST_TEST((moved.outcome == SaveOutcome::updated));
    auto h = fx.history_of(first.id);
    BOOST_REQUIRE(h.size() == 2u);
    BOOST_TEST(h[1].field == "date");
    BOOST_TEST(h[1].old_value.value_or("") == "2024-03-05");
    BOOST_TEST(h[1].new_value.value_or("") == "2024-03-06");
    BOOST_TEST(h[1].actor == "case system");

    // Another child and other attributes: one row per field that changed.
    visit.attributes = {{"note", "seen with carer"}};
    BOOST_TEST((save_event(fx.store, "C2", visit, "Ann Lee", &fx.pack).outcome == SaveOutcome::updated));
    h = fx.history_of(first.id);
    BOOST_REQUIRE(h.size() == 4u);
    BOOST_TEST(h[2].field == "child");
    BOOST_TEST(h[3].field == "attributes");
    BOOST_TEST(h[3].old_value.value_or("") == R"({"note":"seen alone"})");
    BOOST_TEST(h[3].new_value.value_or("") == R"({"note":"seen with carer"})");

    // The stored event: the case system's id, who first recorded it and when.
    const RecordedEvent stored = *try_find_event_by_external_id(fx.store, "MOSAIC-EV-1");
    BOOST_TEST(stored.id == first.id);
    BOOST_TEST(stored.child_id == "C2");
    BOOST_TEST((stored.event == visit));
    BOOST_TEST(stored.recorded_by == "Ann Lee");
    BOOST_TEST(stored.source == "manual");
    BOOST_TEST(stored.recorded_at.size() == 20u);
    BOOST_TEST((*try_find_event(fx.store, first.id) == stored));
    BOOST_TEST(list_events(fx.store, "C1").size() == 1u);  // the placement only
    const auto c2 = list_events(fx.store, "C2");
    BOOST_REQUIRE(c2.size() == 2u);
    BOOST_TEST(c2[1].event.external_id.value_or("") == "MOSAIC-EV-1");
    // The case carries it too (and its JSON).
    const CaseRecord c = load_case(fx.store, "C2", d("2024-03-11"));
    BOOST_TEST(c.events.back().external_id.value_or("") == "MOSAIC-EV-1");
    BOOST_TEST(case_to_json(c).find(R"("external_id":"MOSAIC-EV-1")") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_event_without_external_id_is_stored_once_per_content) {
    Fixture fx;
    const CaseEvent visit{"visit", d("2024-03-05"), {{"note", "x"}}};
    const EventSaved first = save_event(fx.store, "C1", visit, "Ann Lee", &fx.pack);
    const std::size_t rows = fx.store.history().size();
    const EventSaved twice = save_event(fx.store, "C1", visit, "Bo Chan", &fx.pack);
    BOOST_TEST(twice.id == first.id);
    BOOST_TEST((twice.outcome == SaveOutcome::unchanged));
    BOOST_TEST(record_event(fx.store, "C1", visit, "Ann Lee", &fx.pack) == first.id);
    BOOST_TEST(fx.store.history().size() == rows);
    BOOST_TEST(list_events(fx.store, "C1").size() == 2u);
    // Any difference is another event: attributes, date, child.
    BOOST_TEST(record_event(fx.store, "C1", {"visit", d("2024-03-05"), {{"note", "y"}}}, "A", &fx.pack) != first.id);
    BOOST_TEST(record_event(fx.store, "C1", {"visit", d("2024-03-06"), {{"note", "x"}}}, "A", &fx.pack) != first.id);
    BOOST_TEST(record_event(fx.store, "C2", visit, "A", &fx.pack) != first.id);
    // An event the case system identifies is its own, however like another it looks.
    CaseEvent identified = visit;
    identified.external_id = "EV-9";
    const EventSaved own = save_event(fx.store, "C1", identified, "A", &fx.pack);
    BOOST_TEST((own.outcome == SaveOutcome::added));
    BOOST_TEST(own.id != first.id);
    // ... and one without an id is still the first.
    BOOST_TEST(record_event(fx.store, "C1", visit, "A", &fx.pack) == first.id);
    BOOST_TEST(list_events(fx.store, "C1").size() == 5u);
}

BOOST_AUTO_TEST_CASE(corrections_and_deletions_by_external_id) {
    Fixture fx;
    const std::int64_t id =
        save_event(fx.store, "C1", {"visit", d("2024-03-05"), {}, std::string("EV-1")}, "A", &fx.pack).id;
    save_event(fx.store, "C1", {"visit", d("2024-03-07"), {}, std::string("EV-2")}, "A", &fx.pack);

    BOOST_TEST(correct_event_by_external_id(fx.store, " EV-1 ", "C1", {"review", d("2024-03-05"), {}}, &fx.pack));
    BOOST_TEST(try_find_event(fx.store, id)->event.type == "review");
    BOOST_TEST(try_find_event(fx.store, id)->event.external_id.value_or("") == "EV-1");  // kept
    // Renumbered by the case system.
    BOOST_TEST(correct_event(fx.store, id, "C1", {"review", d("2024-03-05"), {}, std::string("EV-1b")}, &fx.pack));
    BOOST_TEST(!try_find_event_by_external_id(fx.store, "EV-1"));
    BOOST_TEST(try_find_event_by_external_id(fx.store, "EV-1b")->id == id);
    const auto h = fx.history_of(id);
    BOOST_TEST(h.back().field == "external_id");
    BOOST_TEST(h.back().old_value.value_or("") == "EV-1");
    BOOST_TEST(h.back().new_value.value_or("") == "EV-1b");

    // Another event's external id is refused, and nothing changes.
    std::string msg;
    const std::string before = test::snapshot(fx.store, d("2024-03-11"));
    BOOST_TEST(code_of([&] { correct_event(fx.store, id, "C1", {"visit", d("2024-03-05"), {}, std::string("EV-2")},
                                           &fx.pack); },
                       &msg) == Status::conflict);
    BOOST_TEST(msg.find("EV-2") != std::string::npos, msg);
    // A correction is checked as a recording is.
    BOOST_TEST(code_of([&] { correct_event(fx.store, id, "C1", {"tea_break", d("2024-03-05"), {}}, &fx.pack); }) ==
               Status::invalid_arg);
    BOOST_TEST(code_of([&] {
                   correct_event(fx.store, id, "C1", {"visit", Date::today().add_days(3), {}}, &fx.pack);
               }) == Status::invalid_arg);
    BOOST_TEST(code_of([&] { correct_event(fx.store, id, "nobody", {"visit", d("2024-03-05"), {}}, &fx.pack); },
                       &msg) == Status::not_found);
    BOOST_TEST(msg.find("nobody") != std::string::npos, msg);
    BOOST_TEST(code_of([&] { correct_event(fx.store, 987654, "C1", {"visit", d("2024-03-05"), {}}, &fx.pack); },
                       &msg) == Status::not_found);
    BOOST_TEST(msg.find("987654") != std::string::npos, msg);
    BOOST_TEST(code_of([&] {
                   correct_event_by_external_id(fx.store, "EV-404", "C1", {"visit", d("2024-03-05"), {}}, &fx.pack);
               },
                       &msg) == Status::not_found);
    BOOST_TEST(msg.find("EV-404") != std::string::npos, msg);
    BOOST_TEST(code_of([&] { delete_event_by_external_id(fx.store, "EV-1"); }, &msg) == Status::not_found);
    BOOST_TEST(msg.find("\"EV-1\"") != std::string::npos, msg);
    BOOST_TEST(test::snapshot(fx.store, d("2024-03-11")) == before);

    delete_event_by_external_id(fx.store, "EV-2");
    BOOST_TEST(!try_find_event_by_external_id(fx.store, "EV-2"));
    BOOST_TEST(list_events(fx.store, "C1").size() == 2u);
    // The external id is free again: sent again, it is a new event with a new id.
    const EventSaved back = save_event(fx.store, "C1", {"visit", d("2024-03-07"), {}, std::string("EV-2")}, "A", &fx.pack);
    BOOST_TEST((back.outcome == SaveOutcome::added));
    BOOST_TEST(back.id > id + 1);
}

BOOST_AUTO_TEST_CASE(identifiers_are_trimmed_quoted_and_checked) {
    Fixture fx;
    // Trimmed on save and on lookup alike.
    const EventSaved e = save_event(fx.store, " C1\t", {"visit", d("2024-03-05"), {}, std::string("  EV-7 \n")}, "A",
                                    &fx.pack);
    BOOST_TEST(try_find_event_by_external_id(fx.store, "EV-7")->child_id == "C1");
    BOOST_TEST(try_find_event_by_external_id(fx.store, "\tEV-7 ")->id == e.id);
    BOOST_TEST((save_event(fx.store, "C1", {"visit", d("2024-03-05"), {}, std::string("EV-7")}, "A", &fx.pack).outcome ==
                SaveOutcome::unchanged));
    BOOST_TEST(list_events(fx.store, "  C1 ").size() == 2u);

    // SQL and LIKE metacharacters are plain text.
    const std::string evil = "'; DROP TABLE events; -- %_\\ \"q\" ?1";
    const EventSaved q = save_event(fx.store, "C1", {"visit", d("2024-03-06"), {}, evil}, "A", &fx.pack);
    BOOST_TEST(try_find_event_by_external_id(fx.store, evil)->id == q.id);
    BOOST_TEST(!try_find_event_by_external_id(fx.store, "'; DROP TABLE events; -- %%_\\ \"q\" ?1"));
    BOOST_TEST(!try_find_event_by_external_id(fx.store, "%"));
    BOOST_TEST(!try_find_event_by_external_id(fx.store, "EV_7"));
    BOOST_TEST(list_events(fx.store, "C1").size() == 3u);

    // Malformed: refused, naming the id, and nothing stored.
    const std::string before = test::snapshot(fx.store, d("2024-03-11"));
    const std::vector<std::pair<std::string, std::string>> bad = {
        {"\xff\xfe", "not valid UTF-8"},
        {"EV\xc3", "not valid UTF-8"},
        {std::string("EV\0-8", 5), "NUL"},
        {"   ", "empty"},
        {"", "empty"},
        {std::string(257, 'x'), "longer than 256 bytes"}};
    for (const auto& [bad_id, why] : bad) {
        const std::string& id = bad_id;  // a lambda cannot capture a structured binding before C++20
        BOOST_TEST_CONTEXT(why) {
            std::string msg;
            BOOST_TEST(code_of([&] { save_event(fx.store, "C1", {"visit", d("2024-03-05"), {}, id}, "A", &fx.pack); },
                               &msg) == Status::invalid_arg);
            BOOST_TEST(msg.find("event external id") != std::string::npos, msg);
            BOOST_TEST(msg.find(why) != std::string::npos, msg);
            BOOST_TEST(code_of([&] { delete_event_by_external_id(fx.store, id); }) == Status::invalid_arg);
            BOOST_TEST(!try_find_event_by_external_id(fx.store, id));
        }
    }
    BOOST_TEST(test::snapshot(fx.store, d("2024-03-11")) == before);
    // 256 bytes is the most.
    const std::string longest(256, 'y');
    BOOST_TEST((save_event(fx.store, "C1", {"visit", d("2024-03-07"), {}, longest}, "A", &fx.pack).outcome ==
                SaveOutcome::added));
    BOOST_TEST(try_find_event_by_external_id(fx.store, longest).has_value());
    // Unknown children are named.
    std::string msg;
    BOOST_TEST(code_of([&] { list_events(fx.store, "C9'; --"); }, &msg) == Status::not_found);
    BOOST_TEST(msg.find("C9'; --") != std::string::npos, msg);
    BOOST_TEST(!try_find_event(fx.store, 0));
    BOOST_TEST(!try_find_event(fx.store, -1));
}

BOOST_AUTO_TEST_SUITE_END()
