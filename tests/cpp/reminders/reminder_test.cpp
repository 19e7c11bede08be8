// Reminders from a store (lib/reminders/reminder.cpp): termly rules counted
// with the authority's school calendar and listed, never dropped silently,
// without one; one worker's and one team's reminders found by index give
// what the whole list gives for them.
#include <boost/test/unit_test.hpp>

#include <oversight/calendar/calendar.hpp>
#include <oversight/calendar/school_calendar.hpp>
#include <oversight/casework/case.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/core/file.hpp>
#include <oversight/reminders/reminder.hpp>
#include <oversight/rules/rule_pack.hpp>
#include <oversight/rules/schedule.hpp>
#include <oversight/store/store.hpp>
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/team.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

using namespace oversight;

namespace {

Date d(const char* iso) { return Date::parse_iso(iso); }
const Calendar& cal() {
    static const Calendar c = Calendar::for_division(Division::england_and_wales);
    return c;
}

bool has_rule(const std::vector<Reminder>& list, const std::string& rule) {
    return std::any_of(list.begin(), list.end(), [&](const Reminder& r) { return r.obligation.rule_id == rule; });
}

bool has_child(const std::vector<Reminder>& list, const std::string& child) {
    return std::any_of(list.begin(), list.end(), [&](const Reminder& r) { return r.obligation.child_id == child; });
}

/// Two teams, three workers, four looked-after children with a PEP on
/// Monday 16 September 2024 (Autumn term).
Store authority() {
    Store store = Store::open_in_memory();
    save_team(store, {"Team A", "", ""});
    save_team(store, {"Team B", "", ""});
    save_worker(store, {"Ann Lee", "Team A", ""});
    save_worker(store, {"Bo Chan", "Team A", ""});
    save_worker(store, {"Cy Dee", "Team B", ""});
    const RulePack& england = RulePack::england_default();
    const char* const workers[] = {"Ann Lee", "Bo Chan", "Cy Dee", "Ann Lee"};
    for (int i = 0; i < 4; ++i) {
        const std::string child = "C" + std::to_string(i + 1);
        save_child(store, {child, d("2012-05-01")});
        allocate(store, child, workers[i], d("2024-09-09"));
        record_event(store, child, {"became_looked_after", d("2024-09-09"), {}}, "t", &england);
        record_event(store, child, {"pep", d("2024-09-16"), {}}, "t", &england);
    }
    // Ann Lee's second child moves to Cy Dee: Ann Lee no longer holds it.
    allocate(store, "C4", "Cy Dee", d("2025-01-06"));
    return store;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reminder)

BOOST_AUTO_TEST_CASE(termly_rules_are_counted_with_a_school_calendar_and_listed_without_one) {
    // Issue 9 point 3. pep.review is termly: from the PEP on 16 September
    // 2024 it is due by the last day of the next term, Friday 4 April 2025
    // (tests/data/calendar_school.toml: Spring 2025 ends 2025-04-04). As of
    // Monday 31 March 2025 that is 4 working days away: due soon.
    const Store store = authority();
    const RulePack& england = RulePack::england_default();
    const Duration window{10, Unit::working_days};

    const auto without = reminders(store, england, cal(), d("2025-03-31"), window);
    BOOST_TEST(!has_rule(without, "pep.review"));
    const auto left_out = rules_not_counted(england, nullptr);
    BOOST_TEST(std::any_of(left_out.begin(), left_out.end(), [](const auto& n) { return n.first == "pep.review"; }));
    const auto doc = nlohmann::json::parse(reminders_to_json(without, left_out));
    BOOST_TEST(doc["not_counted"].size() == left_out.size());
    BOOST_TEST(doc["not_counted"][0]["reason"].get<std::string>().find("no school calendar") != std::string::npos);

    const SchoolCalendar school = SchoolCalendar::from_toml(read_file(OVERSIGHT_TEST_DATA_DIR "/calendar_school.toml", "school calendar"), cal());
    BOOST_TEST(rules_not_counted(england, &school).empty());
    const auto with = reminders(store, england, cal(), d("2025-03-31"), window, {}, &school);
    BOOST_TEST(std::count_if(with.begin(), with.end(), [](const Reminder& r) {
                   return r.obligation.rule_id == "pep.review" && r.obligation.due == d("2025-04-04") &&
                          r.state == ReminderState::due_soon && r.working_days == 4;
               }) == 4);
    // The open obligation a reminder shows is explained.
    for (const Reminder& r : with) BOOST_TEST(!r.obligation.explanation.empty());
}

BOOST_AUTO_TEST_CASE(one_workers_and_one_teams_reminders_are_those_of_the_whole_list) {
    // The worker and team filters start from the allocations (by index):
    // the same reminders as filtering the whole list, the worker and team
    // being those allocated on as_of.
    const Store store = authority();
    const RulePack& england = RulePack::england_default();
    const SchoolCalendar school = SchoolCalendar::from_toml(read_file(OVERSIGHT_TEST_DATA_DIR "/calendar_school.toml", "school calendar"), cal());
    const Duration window{60, Unit::working_days};
    for (const char* as_of : {"2024-12-31", "2025-03-31"}) {
        const auto all = reminders(store, england, cal(), d(as_of), window, {}, &school);
        BOOST_TEST_REQUIRE(!all.empty());
        for (const char* worker : {"Ann Lee", "ann lee", "Bo Chan", "Cy Dee"}) {
            CaseFilter f;
            f.worker = worker;
            std::vector<Reminder> expected;
            for (const Reminder& r : all)
                if (r.obligation.worker.size() == std::string(worker).size() &&
                    std::equal(r.obligation.worker.begin(), r.obligation.worker.end(), worker,
                               [](char a, char b) { return std::tolower(a) == std::tolower(b); }))
                    expected.push_back(r);
            BOOST_TEST((reminders(store, england, cal(), d(as_of), window, f, &school) == expected),
                       "worker " << worker << " as of " << as_of);
        }
        for (const char* team : {"Team A", "Team B"}) {
            CaseFilter f;
            f.team = team;
            std::vector<Reminder> expected;
            for (const Reminder& r : all)
                if (r.obligation.team == team) expected.push_back(r);
            BOOST_TEST((reminders(store, england, cal(), d(as_of), window, f, &school) == expected),
                       "team " << team << " as of " << as_of);
        }
    }
    // Ann Lee holds C1 throughout; C4 only until 6 January 2025.
    CaseFilter ann;
    ann.worker = "Ann Lee";
    BOOST_TEST(has_child(reminders(store, england, cal(), d("2024-12-31"), window, ann, &school), "C4"));
    BOOST_TEST(!has_child(reminders(store, england, cal(), d("2025-03-31"), window, ann, &school), "C4"));
    BOOST_TEST(has_child(reminders(store, england, cal(), d("2025-03-31"), window, ann, &school), "C1"));
}

BOOST_AUTO_TEST_SUITE_END()
