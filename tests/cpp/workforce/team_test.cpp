// Teams kept in step with a case system (include/oversight/workforce/
// team.hpp): the case system's id for a team, renames through it, history.
#include <boost/test/unit_test.hpp>

#include "support/store_fixtures.hpp"

#include <oversight/casework/case.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/store/store.hpp>
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/team.hpp>

#include <string>
#include <vector>

using namespace oversight;
using test::code_of;

BOOST_AUTO_TEST_SUITE(workforce_teams)

BOOST_AUTO_TEST_CASE(teams_by_external_id) {
    Store s = Store::open_in_memory();
    save_team(s, {"Team A", "Mo", ""});
    HistoryFilter f;
    f.entity = "team";
    BOOST_TEST(s.history(f).size() == 2u);  // created, manager

    // The case system's id attaches to the team of that name, once.
    save_team(s, {"Team A", "Mo", "", std::string(" T-1 ")});
    BOOST_TEST((list_teams(s) == std::vector<Team>{{"Team A", "Mo", "", std::string("T-1")}}));
    BOOST_TEST(s.history(f).size() == 3u);
    BOOST_TEST(s.history(f).back().field == "external_id");
    save_team(s, {"Team A", "Mo", "", std::string("T-1")});
    save_team(s, {"Team A", "Mo", ""});  // none sent: kept
    BOOST_TEST(s.history(f).size() == 3u);
    BOOST_TEST(try_find_team_by_external_id(s, "T-1 ")->name == "Team A");

    // Renamed in the case system: the same team, its workers and cases with it.
    save_worker(s, {"Ann Lee", "Team A", ""});
    save_child(s, {"C1", std::nullopt});
    allocate(s, "C1", "Ann Lee", Date::parse_iso("2024-03-01"));
    save_team(s, {"Family Support", "Mo", "", std::string("T-1")});
    BOOST_TEST(list_teams(s).size() == 1u);
    BOOST_TEST(list_teams(s)[0].name == "Family Support");
    BOOST_TEST(list_workers(s).at(0).team == "Family Support");
    BOOST_TEST(load_case(s, "C1", Date::parse_iso("2024-03-02")).team == "Family Support");
    const Change renamed = s.history(f).back();
    BOOST_TEST(renamed.field == "name");
    BOOST_TEST(renamed.old_value.value_or("") == "Team A");
    BOOST_TEST(renamed.new_value.value_or("") == "Family Support");

    // Conflicts and malformed ids change nothing.
    save_team(s, {"Team B", "", ""});
    const std::string before = test::snapshot(s, Date::parse_iso("2024-03-02"));
    std::string msg;
    BOOST_TEST(code_of([&] { save_team(s, {"Team B", "", "", std::string("T-1")}); }, &msg) == Status::conflict);
    BOOST_TEST(msg.find("Family Support") != std::string::npos, msg);
    BOOST_TEST(code_of([&] { save_team(s, {"Family Support", "Mo", "", std::string("T-2")}); }, &msg) ==
               Status::conflict);
    BOOST_TEST(msg.find("T-1") != std::string::npos, msg);
    for (const std::string& bad : {std::string("\xff"), std::string(" "), std::string(257, 't'), std::string("a\0b", 3)}) {
        BOOST_TEST(code_of([&] { save_team(s, {"Team C", "", "", bad}); }, &msg) == Status::invalid_arg);
        BOOST_TEST(msg.find("team external id") != std::string::npos, msg);
    }
    BOOST_TEST(test::snapshot(s, Date::parse_iso("2024-03-02")) == before);
    const std::string evil = "'; DROP TABLE teams; -- %";
    save_team(s, {"Team C", "", "", evil});
    BOOST_TEST(try_find_team_by_external_id(s, evil)->name == "Team C");
    BOOST_TEST(!try_find_team_by_external_id(s, "%"));
    BOOST_TEST(!try_find_team_by_external_id(s, "T-2"));
}

BOOST_AUTO_TEST_SUITE_END()
