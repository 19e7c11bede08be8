// Roles and appointments over time (include/oversight/workforce/role.hpp,
// appointment.hpp), and workers as casework sees them (team.hpp).
#include <boost/test/unit_test.hpp>

#include "support/store_fixtures.hpp"

#include <oversight/store/store.hpp>
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/person.hpp>
#include <oversight/workforce/role.hpp>
#include <oversight/workforce/team.hpp>

#include <algorithm>
#include <string>

using namespace oversight;
using test::code_of;

namespace {

Date d(const char* iso) { return Date::parse_iso(iso); }

/// Ann Lee, newly qualified from 1 Sep 2023 in Team A under Mo Khan.
struct Fixture {
    Store s = Store::open_in_memory();
    std::int64_t nqsw = 0;
    Fixture() {
        save_team(s, {"Team A", "Mo Khan", ""});
        save_team(s, {"Team B", "", ""});
        for (const char* name : {"Ann Lee", "Mo Khan", "Cy Dunn"}) add_person(s, {0, name, "", "", ""});
        nqsw = appoint(s, {0, "Ann Lee", Role::newly_qualified_social_worker, "Team A", "Mo Khan", d("2023-09-01"),
                           std::nullopt});
    }
};

std::size_t rows(const Store& s, const char* entity) {
    HistoryFilter f;
    f.entity = entity;
    return s.history(f).size();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(appointment)

BOOST_AUTO_TEST_CASE(roles_by_name) {
    for (Role r : {Role::social_worker, Role::newly_qualified_social_worker, Role::senior_practitioner,
                   Role::team_manager, Role::practice_supervisor, Role::lead_practitioner, Role::other_agency,
                   Role::manager, Role::other})
        BOOST_TEST((parse_role(to_string(r)) == r));
    BOOST_TEST(to_string(Role::newly_qualified_social_worker) == "newly_qualified_social_worker");
    BOOST_TEST((parse_role("Newly qualified social worker") == Role::newly_qualified_social_worker));
    BOOST_TEST((parse_role("NQSW") == Role::newly_qualified_social_worker));
    BOOST_TEST((parse_role("Team manager") == Role::team_manager));
    std::string msg;
    BOOST_TEST(code_of([] { parse_role("boss"); }, &msg) == Status::invalid_arg);
    BOOST_TEST(msg.find("boss") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_later_appointment_ends_the_open_one) {
    Fixture fx;
    // Qualified a year on: social worker in the same team, same manager.
    const std::int64_t sw =
        appoint(fx.s, {0, "ann lee", Role::social_worker, "Team A", "Mo Khan", d("2024-09-01"), std::nullopt});
    const auto held = appointments(fx.s, "Ann Lee");
    BOOST_REQUIRE(held.size() == 2u);
    BOOST_TEST((held[0] == Appointment{fx.nqsw, "Ann Lee", Role::newly_qualified_social_worker, "Team A", "Mo Khan",
                                       d("2023-09-01"), d("2024-09-01")}));
    BOOST_TEST((held[1] == Appointment{sw, "Ann Lee", Role::social_worker, "Team A", "Mo Khan", d("2024-09-01"),
                                       std::nullopt}));
    BOOST_TEST(!appointment_on(fx.s, "Ann Lee", d("2023-08-31")));
    BOOST_TEST((appointment_on(fx.s, "Ann Lee", d("2024-08-31"))->role == Role::newly_qualified_social_worker));
    BOOST_TEST((appointment_on(fx.s, "Ann Lee", d("2024-09-01"))->role == Role::social_worker));
    // The same again from a later day changes nothing.
    const std::size_t n = fx.s.history().size();
    BOOST_TEST(appoint(fx.s, {0, "Ann Lee", Role::social_worker, "Team A", "Mo Khan", d("2025-01-01"), std::nullopt}) ==
               sw);
    BOOST_TEST(fx.s.history().size() == n);
    BOOST_TEST(appointments(fx.s, "Ann Lee").size() == 2u);
}

BOOST_AUTO_TEST_CASE(the_same_start_corrects_the_open_appointment) {
    Fixture fx;
    const std::size_t n = rows(fx.s, "appointment");
    BOOST_TEST(appoint(fx.s, {0, "Ann Lee", Role::newly_qualified_social_worker, "Team B", "Cy Dunn", d("2023-09-01"),
                              std::nullopt}) == fx.nqsw);
    const auto held = appointments(fx.s, "Ann Lee");
    BOOST_REQUIRE(held.size() == 1u);
    BOOST_TEST(held[0].team == "Team B");
    BOOST_TEST(held[0].line_manager == "Cy Dunn");
    HistoryFilter f;
    f.entity = "appointment";
    f.entity_id = fx.nqsw;
    const auto h = fx.s.history(f);
    BOOST_TEST(rows(fx.s, "appointment") == n + 2);
    BOOST_TEST(h.back().field == "line_manager");
    BOOST_TEST(h.back().old_value.value_or("") == "Mo Khan");
    BOOST_TEST(h.back().new_value.value_or("") == "Cy Dunn");
}

BOOST_AUTO_TEST_CASE(appointments_that_cannot_be) {
    Fixture fx;
    const std::string before = test::snapshot(fx.s, d("2024-01-01"));
    auto refused = [&](Appointment a, Status expected, const char* mentions) {
        std::string msg;
        BOOST_TEST(code_of([&] { appoint(fx.s, a); }, &msg) == expected, mentions);
        BOOST_TEST(msg.find(mentions) != std::string::npos, msg);
    };
    refused({0, "Ann Lee", Role::social_worker, "Team A", "", d("2023-01-01"), std::nullopt}, Status::invalid_arg,
            "before their current one");
    refused({0, "Ann Lee", Role::social_worker, "Team A", "", std::nullopt, std::nullopt}, Status::invalid_arg,
            "before their current one");
    refused({0, "Ann Lee", Role::social_worker, "", "", d("2023-01-01"), d("2023-10-01")}, Status::invalid_arg,
            "overlaps");
    refused({0, "Ann Lee", Role::social_worker, "", "", d("2023-01-01"), d("2023-01-01")}, Status::invalid_arg,
            "before it starts");
    refused({0, "Ann Lee", Role::social_worker, "", "Ann Lee", d("2024-01-01"), std::nullopt}, Status::invalid_arg,
            "own line manager");
    refused({0, "Ann Lee", Role::social_worker, "", "", d("1850-01-01"), d("1851-01-01")}, Status::invalid_arg,
            "1900..2199");
    refused({0, "Nobody", Role::social_worker, "", "", std::nullopt, std::nullopt}, Status::not_found, "Nobody");
    refused({0, "Ann Lee", Role::social_worker, "Team Z", "", d("2024-01-01"), std::nullopt}, Status::not_found,
            "Team Z");
    refused({0, "Ann Lee", Role::social_worker, "", "Nobody", d("2024-01-01"), std::nullopt}, Status::not_found,
            "Nobody");
    refused({0, "  ", Role::social_worker, "", "", std::nullopt, std::nullopt}, Status::invalid_arg, "empty");
    BOOST_TEST(test::snapshot(fx.s, d("2024-01-01")) == before);
    // A past appointment that overlaps nothing is fine.
    BOOST_CHECK_NO_THROW(
        appoint(fx.s, {0, "Ann Lee", Role::other_agency, "", "", d("2019-01-01"), d("2023-09-01")}));
    BOOST_TEST(appointments(fx.s, "Ann Lee").front().until->iso() == "2023-09-01");
}

BOOST_AUTO_TEST_CASE(line_reports_on_a_day) {
    Fixture fx;
    appoint(fx.s, {0, "Cy Dunn", Role::social_worker, "Team A", "Mo Khan", d("2024-01-01"), std::nullopt});
    auto names = [&](Date day) {
        std::vector<std::string> out;
        for (const Appointment& a : line_reports(fx.s, "mo khan", day)) out.push_back(a.person);
        return out;
    };
    BOOST_TEST((names(d("2023-10-01")) == std::vector<std::string>{"Ann Lee"}));
    BOOST_TEST((names(d("2024-02-01")) == std::vector<std::string>{"Ann Lee", "Cy Dunn"}));
    BOOST_TEST(names(d("2023-01-01")).empty());
    BOOST_TEST(line_reports(fx.s, "Ann Lee", d("2024-02-01")).empty());
    BOOST_TEST(code_of([&] { line_reports(fx.s, "Nobody", d("2024-02-01")); }) == Status::not_found);
    BOOST_TEST(code_of([&] { appointments(fx.s, "Nobody"); }) == Status::not_found);
}

BOOST_AUTO_TEST_CASE(workers_are_people_with_an_open_appointment_in_a_team) {
    Fixture fx;
    Store& s = fx.s;
    save_worker(s, {"Bo Chan", "Team B", "bo@example.org"});  // a new person, from before records
    BOOST_TEST(try_find_person(s, "bo chan")->email == "bo@example.org");
    const auto bo = appointments(s, "Bo Chan");
    BOOST_REQUIRE(bo.size() == 1u);
    BOOST_TEST(!bo[0].from);
    BOOST_TEST((bo[0].role == Role::social_worker));
    // Ann (an appointment already) in her team with another role: from today,
    // the line manager stays; Mo (in the directory only) becomes a worker.
    save_worker(s, {"Ann Lee", "Team A", "", Role::senior_practitioner});
    save_worker(s, {"Mo Khan", "Team A", "", Role::team_manager});
    const auto ann = appointment_on(s, "Ann Lee", Date::today());
    BOOST_REQUIRE(ann);
    BOOST_TEST((ann->role == Role::senior_practitioner));
    BOOST_TEST(ann->line_manager == "Mo Khan");
    BOOST_TEST((ann->from == Date::today()));
    const auto workers = list_workers(s);
    BOOST_REQUIRE(workers.size() == 3u);
    BOOST_TEST((workers[0] == Worker{"Ann Lee", "Team A", "", Role::senior_practitioner}));
    BOOST_TEST((workers[1] == Worker{"Bo Chan", "Team B", "bo@example.org", Role::social_worker}));
    BOOST_TEST((workers[2] == Worker{"Mo Khan", "Team A", "", Role::team_manager}));
    // Moving team: the line manager does not follow.
    save_worker(s, {"Ann Lee", "Team B", "", Role::senior_practitioner});
    BOOST_TEST(appointment_on(s, "Ann Lee", Date::today())->line_manager.empty());
    BOOST_TEST(appointments(s, "Ann Lee").size() == 2u);  // the same day: corrected in place
}

BOOST_AUTO_TEST_SUITE_END()
