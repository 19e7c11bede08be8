// The people directory (include/oversight/workforce/person.hpp) and what a
// merge of two people does to the workforce: allocations, appointments and
// line reports move to the person kept.
#include <boost/test/unit_test.hpp>

#include "support/store_fixtures.hpp"

#include <oversight/casework/case.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/plan/plan_store.hpp>
#include <oversight/store/store.hpp>
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/person.hpp>
#include <oversight/workforce/team.hpp>

#include <string>

using namespace oversight;
using test::code_of;

namespace {

Date d(const char* iso) { return Date::parse_iso(iso); }

}  // namespace

BOOST_AUTO_TEST_SUITE(person)

BOOST_AUTO_TEST_CASE(a_directory_entry_with_a_team_is_appointed_there) {
    Store s = Store::open_in_memory();
    const std::int64_t id = add_person(s, {0, "  Felicity   Budgen ", "Director", "fb@example.org", ""}, " Safeguarding ");
    const auto p = try_find_person(s, "FELICITY BUDGEN");
    BOOST_REQUIRE(p);
    BOOST_TEST((*p == Person{id, "Felicity Budgen", "Director", "fb@example.org", ""}));
    BOOST_TEST((list_teams(s) == std::vector<Team>{{"Safeguarding", "", ""}}));
    const auto a = appointment_on(s, "Felicity Budgen", d("2012-09-14"));
    BOOST_REQUIRE(a);
    BOOST_TEST((a->role == Role::other));
    BOOST_TEST(a->team == "Safeguarding");
    BOOST_TEST(!a->from);
    // A second person in that team: the team is not added again.
    add_person(s, {0, "Gill Horrobin", "", "", "NHS"}, "Safeguarding");
    BOOST_TEST(list_teams(s).size() == 1u);
    BOOST_TEST(try_find_person(s, "Gill Horrobin")->agency == "NHS");
    BOOST_TEST(!try_find_person(s, "Nobody"));
    BOOST_TEST(code_of([&] { add_person(s, {0, "felicity budgen", "", "", ""}); }) == Status::conflict);
}

BOOST_AUTO_TEST_CASE(a_merge_moves_allocations_appointments_and_line_reports) {
    Store s = Store::open_in_memory();
    save_team(s, {"Team A", "", ""});
    save_team(s, {"Team B", "", ""});
    save_worker(s, {"Bo Chan", "Team B", ""});  // open since before records
    add_person(s, {0, "B. Chan", "Senior practitioner", "bchan@example.org", ""});
    add_person(s, {0, "Cy Dunn", "", "", ""});
    // B. Chan: once managed by Bo Chan (after the merge: by themselves), now in Team A.
    appoint(s, {0, "B. Chan", Role::social_worker, "Team B", "Bo Chan", d("2018-01-01"), d("2019-01-01")});
    appoint(s, {0, "B. Chan", Role::senior_practitioner, "Team A", "", d("2020-01-01"), std::nullopt});
    appoint(s, {0, "Cy Dunn", Role::social_worker, "Team A", "B. Chan", d("2023-01-01"), std::nullopt});
    save_child(s, {"C1", std::nullopt});
    allocate(s, "C1", "B. Chan", d("2024-01-01"));

    merge_people(s, "B. Chan", "Bo Chan");

    BOOST_TEST(!try_find_person(s, "B. Chan"));
    const Person bo = *try_find_person(s, "Bo Chan");
    BOOST_TEST(bo.job_title == "Senior practitioner");  // what Bo lacked
    BOOST_TEST(bo.email == "bchan@example.org");
    BOOST_TEST(load_case(s, "C1", d("2024-02-01")).worker == "Bo Chan");
    BOOST_TEST(appointment_on(s, "Cy Dunn", d("2024-02-01"))->line_manager == "Bo Chan");
    // Both had an open appointment: Bo's (since before records) stands;
    // B. Chan's started later, so it goes. The old one is Bo's, unmanaged.
    const auto held = appointments(s, "Bo Chan");
    BOOST_REQUIRE(held.size() == 2u);
    BOOST_TEST(held[0].team == "Team B");
    BOOST_TEST(!held[0].until);
    BOOST_TEST((held[1].from == d("2018-01-01")));
    BOOST_TEST(held[1].line_manager.empty());
    HistoryFilter f;
    f.entity = "allocation";
    BOOST_TEST(s.history(f).back().field == "worker");
    BOOST_TEST(s.history(f).back().old_value.value_or("") == "B. Chan");
    f.entity = "person";
    BOOST_TEST(s.history(f).back().field == "*");
    BOOST_TEST(s.history(f).back().old_value.value_or("") == "B. Chan");

    // Into a name that is nobody yet: a rename, appointments and all.
    merge_people(s, "Cy Dunn", "Cyril Dunn");
    BOOST_TEST(appointment_on(s, "Cyril Dunn", d("2024-02-01"))->team == "Team A");
    BOOST_TEST(line_reports(s, "Bo Chan", d("2024-02-01")).at(0).person == "Cyril Dunn");
}

BOOST_AUTO_TEST_CASE(of_two_open_appointments_the_earlier_ends_when_the_later_began) {
    Store s = Store::open_in_memory();
    save_team(s, {"Team A", "", ""});
    save_team(s, {"Team B", "", ""});
    for (const char* name : {"Ann Lee", "A. Lee"}) add_person(s, {0, name, "", "", ""});
    appoint(s, {0, "A. Lee", Role::social_worker, "Team A", "", d("2020-01-01"), std::nullopt});
    appoint(s, {0, "Ann Lee", Role::senior_practitioner, "Team B", "", d("2022-06-01"), std::nullopt});
    merge_people(s, "A. Lee", "Ann Lee");
    const auto held = appointments(s, "Ann Lee");
    BOOST_REQUIRE(held.size() == 2u);
    BOOST_TEST((held[0].until == d("2022-06-01")));
    BOOST_TEST(held[0].team == "Team A");
    BOOST_TEST(!held[1].until);
}

BOOST_AUTO_TEST_SUITE_END()
