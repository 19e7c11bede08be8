// <oversight/c/workforce.h>, only through <oversight.h>.
#include "capi_test.hpp"

#include "plan_fixture.hpp"

using namespace capi_test;

namespace {

oversight_workforce_team team(const char* name, const char* manager = nullptr, const char* email = nullptr) {
    oversight_workforce_team t = OVERSIGHT_WORKFORCE_TEAM_INIT;
    t.name = name;
    t.manager = manager;
    t.email = email;
    return t;
}

oversight_workforce_worker worker(const char* name, const char* in_team, const char* email = nullptr) {
    oversight_workforce_worker w = OVERSIGHT_WORKFORCE_WORKER_INIT;
    w.name = name;
    w.team = in_team;
    w.email = email;
    return w;
}

oversight_workforce_person person(const char* name, const char* job_title = nullptr, const char* email = nullptr,
                                  const char* in_team = nullptr) {
    oversight_workforce_person p = OVERSIGHT_WORKFORCE_PERSON_INIT;
    p.name = name;
    p.job_title = job_title;
    p.email = email;
    p.team = in_team;
    return p;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(workforce)

BOOST_AUTO_TEST_CASE(inits) {
    oversight_workforce_team t{};
    oversight_workforce_worker w{};
    oversight_workforce_person p{};
    EXPECT_OK(oversight_workforce_team_init(&t, OVERSIGHT_WORKFORCE_TEAM_VERSION));
    EXPECT_OK(oversight_workforce_worker_init(&w, OVERSIGHT_WORKFORCE_WORKER_VERSION));
    EXPECT_OK(oversight_workforce_person_init(&p, OVERSIGHT_WORKFORCE_PERSON_VERSION));
    BOOST_TEST((t.version == 1 && t.name == nullptr && w.version == 1 && w.team == nullptr && p.version == 1 &&
                p.job_title == nullptr));
    EXPECT_FAIL(oversight_workforce_team_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_workforce_team_init(&t, 0), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_workforce_worker_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_workforce_worker_init(&w, 2), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_workforce_person_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_workforce_person_init(&p, 9), OVERSIGHT_E_INVALID_ARG);
}

BOOST_AUTO_TEST_CASE(teams_and_workers) {
    MemoryStore m;
    auto t = team("T");
    EXPECT_FAIL(oversight_workforce_save_team(nullptr, &t), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_workforce_save_team(m.store, nullptr), OVERSIGHT_E_INVALID_ARG);
    t = team(nullptr);                      EXPECT_FAIL(oversight_workforce_save_team(m.store, &t), OVERSIGHT_E_INVALID_ARG);
    t = team("  ");                         EXPECT_FAIL(oversight_workforce_save_team(m.store, &t), OVERSIGHT_E_INVALID_ARG);
    t = team(kBadUtf8);                     EXPECT_FAIL(oversight_workforce_save_team(m.store, &t), OVERSIGHT_E_INVALID_ARG);
    t = team("T", kBadUtf8);                EXPECT_FAIL(oversight_workforce_save_team(m.store, &t), OVERSIGHT_E_INVALID_ARG);
    t = team("T", nullptr, kBadUtf8);       EXPECT_FAIL(oversight_workforce_save_team(m.store, &t), OVERSIGHT_E_INVALID_ARG);
    t = team("T");
    t.version = 0;
    EXPECT_FAIL(oversight_workforce_save_team(m.store, &t), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(history_size(m.store) == 0u);
    t = team("Team A", "Mo Manager");
    EXPECT_OK(oversight_workforce_save_team(m.store, &t));
    t = team(kSql, kSql, kSql);
    EXPECT_OK(oversight_workforce_save_team(m.store, &t));  // verbatim

    auto w = worker("W", "Team A");
    EXPECT_FAIL(oversight_workforce_save_worker(nullptr, &w), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_workforce_save_worker(m.store, nullptr), OVERSIGHT_E_INVALID_ARG);
    w = worker(nullptr, "Team A");          EXPECT_FAIL(oversight_workforce_save_worker(m.store, &w), OVERSIGHT_E_INVALID_ARG);
    w = worker("W", nullptr);               EXPECT_FAIL(oversight_workforce_save_worker(m.store, &w), OVERSIGHT_E_INVALID_ARG);
    w = worker(kBadUtf8, "Team A");         EXPECT_FAIL(oversight_workforce_save_worker(m.store, &w), OVERSIGHT_E_INVALID_ARG);
    w = worker("W", "Team A", kBadUtf8);    EXPECT_FAIL(oversight_workforce_save_worker(m.store, &w), OVERSIGHT_E_INVALID_ARG);
    w = worker("W", "no such team");        EXPECT_FAIL(oversight_workforce_save_worker(m.store, &w), OVERSIGHT_E_NOT_FOUND);
    w = worker("W", "Team A");
    w.version = 2;
    EXPECT_FAIL(oversight_workforce_save_worker(m.store, &w), OVERSIGHT_E_INVALID_ARG);
    w = worker("Ann Lee", "Team A", "ann@example.org");
    EXPECT_OK(oversight_workforce_save_worker(m.store, &w));
    w = worker(kSql, kSql);
    EXPECT_OK(oversight_workforce_save_worker(m.store, &w));
    w = worker("Bo Chan", "Team A");
    w.role = "NQSW";  // display forms are read too
    EXPECT_OK(oversight_workforce_save_worker(m.store, &w));
    w.role = "wizard";
    EXPECT_FAIL(oversight_workforce_save_worker(m.store, &w), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "wizard"));
    w.role = kBadUtf8;
    EXPECT_FAIL(oversight_workforce_save_worker(m.store, &w), OVERSIGHT_E_INVALID_ARG);
    char* out = nullptr;
    EXPECT_OK(oversight_workforce_people_json(m.store, oversight_date{2024, 3, 1}, &out));
    const auto doc = take_document(out, "oversight-people");
    for (const auto& p : doc["people"])
        if (p["name"] == "Bo Chan") {
            BOOST_TEST(p["role"] == "newly_qualified_social_worker");
            BOOST_TEST(p["team"] == "Team A");
        }
}

BOOST_AUTO_TEST_CASE(appointments) {
    MemoryStore m;
    auto t = team("Team A");
    EXPECT_OK(oversight_workforce_save_team(m.store, &t));
    int64_t id = 0;
    for (const char* name : {"Ann Lee", "Mo Manager"}) {
        auto p = person(name);
        EXPECT_OK(oversight_workforce_add_person(m.store, &p, &id));
    }
    oversight_workforce_appointment a{};
    EXPECT_OK(oversight_workforce_appointment_init(&a, OVERSIGHT_WORKFORCE_APPOINTMENT_VERSION));
    BOOST_TEST((a.version == 1 && a.person == nullptr && a.from == nullptr && a.until == nullptr));
    EXPECT_FAIL(oversight_workforce_appointment_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_workforce_appointment_init(&a, 3), OVERSIGHT_E_INVALID_ARG);

    const oversight_date start{2023, 9, 4}, year_on{2024, 9, 4};
    a.person = "Ann Lee";
    a.role = "newly_qualified_social_worker";
    a.team = "Team A";
    a.line_manager = "Mo Manager";
    a.from = &start;
    id = 7;
    EXPECT_FAIL(oversight_workforce_appoint(nullptr, &a, &id), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(id == 0);
    EXPECT_FAIL(oversight_workforce_appoint(m.store, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_workforce_appoint(m.store, &a, nullptr), OVERSIGHT_E_INVALID_ARG);
    auto bad = a;
    bad.version = 2;                 EXPECT_FAIL(oversight_workforce_appoint(m.store, &bad, &id), OVERSIGHT_E_INVALID_ARG);
    bad = a; bad.person = nullptr;   EXPECT_FAIL(oversight_workforce_appoint(m.store, &bad, &id), OVERSIGHT_E_INVALID_ARG);
    bad = a; bad.role = nullptr;     EXPECT_FAIL(oversight_workforce_appoint(m.store, &bad, &id), OVERSIGHT_E_INVALID_ARG);
    bad = a; bad.role = kSql;        EXPECT_FAIL(oversight_workforce_appoint(m.store, &bad, &id), OVERSIGHT_E_INVALID_ARG);
    bad = a; bad.team = kBadUtf8;    EXPECT_FAIL(oversight_workforce_appoint(m.store, &bad, &id), OVERSIGHT_E_INVALID_ARG);
    bad = a; bad.from = &kBadDate;   EXPECT_FAIL(oversight_workforce_appoint(m.store, &bad, &id), OVERSIGHT_E_INVALID_ARG);
    bad = a; bad.person = "Nobody";  EXPECT_FAIL(oversight_workforce_appoint(m.store, &bad, &id), OVERSIGHT_E_NOT_FOUND);
    bad = a; bad.team = kSql;        EXPECT_FAIL(oversight_workforce_appoint(m.store, &bad, &id), OVERSIGHT_E_NOT_FOUND);
    bad = a; bad.line_manager = "Ann Lee";
    EXPECT_FAIL(oversight_workforce_appoint(m.store, &bad, &id), OVERSIGHT_E_INVALID_ARG);  // her own manager
    // NULL is "none"; a name given is a name: not blank, no control character.
    bad = a; bad.line_manager = "";  EXPECT_FAIL(oversight_workforce_appoint(m.store, &bad, &id), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(std::string(oversight_last_error_message()).find("line_manager is blank") != std::string::npos);
    bad = a; bad.team = " ";         EXPECT_FAIL(oversight_workforce_appoint(m.store, &bad, &id), OVERSIGHT_E_INVALID_ARG);
    bad = a; bad.person = "Ann\x01"; EXPECT_FAIL(oversight_workforce_appoint(m.store, &bad, &id), OVERSIGHT_E_INVALID_ARG);
    bad = a; bad.line_manager = "Mo\x1b"; EXPECT_FAIL(oversight_workforce_appoint(m.store, &bad, &id), OVERSIGHT_E_INVALID_ARG);
    const auto before = history_size(m.store);
    EXPECT_OK(oversight_workforce_appoint(m.store, &a, &id));
    BOOST_TEST(id > 0);
    BOOST_TEST(history_size(m.store) > before);
    // A year on, a social worker in the same team: the NQSW year ends that day.
    a.role = "social_worker";
    a.from = &year_on;
    EXPECT_OK(oversight_workforce_appoint(m.store, &a, &id));
    for (const auto& [day, role] : {std::pair{oversight_date{2024, 1, 10}, "newly_qualified_social_worker"},
                                    std::pair{oversight_date{2024, 10, 1}, "social_worker"}}) {
        char* out = nullptr;
        EXPECT_OK(oversight_workforce_people_json(m.store, day, &out));
        const auto doc = take_document(out, "oversight-people");
        for (const auto& p : doc["people"])
            if (p["name"] == "Ann Lee") {
                BOOST_TEST(p["role"] == role);
                BOOST_TEST(p["line_manager"] == "Mo Manager");
            }
    }
}

BOOST_AUTO_TEST_CASE(people_directory_and_merging) {
    PlanFixture f;
    int64_t id = 7;
    auto n = f.history();
    auto p = person("A B");
    EXPECT_FAIL(oversight_workforce_add_person(nullptr, &p, &id), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(id == 0);
    EXPECT_FAIL(oversight_workforce_add_person(f.store, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_workforce_add_person(f.store, &p, nullptr), OVERSIGHT_E_INVALID_ARG);
    p = person(nullptr);                           EXPECT_FAIL(oversight_workforce_add_person(f.store, &p, &id), OVERSIGHT_E_INVALID_ARG);
    p = person(kBadUtf8);                          EXPECT_FAIL(oversight_workforce_add_person(f.store, &p, &id), OVERSIGHT_E_INVALID_ARG);
    p = person("A B", kBadUtf8);                   EXPECT_FAIL(oversight_workforce_add_person(f.store, &p, &id), OVERSIGHT_E_INVALID_ARG);
    p = person("A B", nullptr, kBadUtf8);          EXPECT_FAIL(oversight_workforce_add_person(f.store, &p, &id), OVERSIGHT_E_INVALID_ARG);
    p = person("A B", nullptr, nullptr, kBadUtf8); EXPECT_FAIL(oversight_workforce_add_person(f.store, &p, &id), OVERSIGHT_E_INVALID_ARG);
    p = person("  ");                              EXPECT_FAIL(oversight_workforce_add_person(f.store, &p, &id), OVERSIGHT_E_INVALID_ARG);
    p = person("A B");
    p.version = 0;
    EXPECT_FAIL(oversight_workforce_add_person(f.store, &p, &id), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(f.history() == n);
    p = person("Lindsay Voss", "Head of Service", kSql);
    EXPECT_OK(oversight_workforce_add_person(f.store, &p, &id));
    BOOST_TEST(id > 0);
    p = person("LINDSAY VOSS");
    EXPECT_FAIL(oversight_workforce_add_person(f.store, &p, &id), OVERSIGHT_E_CONFLICT);

    char* out = reinterpret_cast<char*>(0x1);
    const oversight_date today{2024, 3, 1};
    EXPECT_FAIL(oversight_workforce_people_json(nullptr, today, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(out == nullptr);
    EXPECT_FAIL(oversight_workforce_people_json(f.store, today, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_workforce_people_json(f.store, kBadDate, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_OK(oversight_workforce_people_json(f.store, today, &out));
    const auto doc = take_document(out, "oversight-people");
    BOOST_TEST(doc["as_of"] == "2024-03-01");
    BOOST_TEST_REQUIRE(doc["people"].size() == 1u);
    BOOST_TEST(doc["people"][0]["name"] == "Lindsay Voss");
    BOOST_TEST(doc["people"][0]["job_title"] == "Head of Service");
    BOOST_TEST(doc["people"][0]["email"] == kSql);
    BOOST_TEST(doc["people"][0]["role"] == "");  // no appointment

    n = f.history();
    EXPECT_FAIL(oversight_workforce_merge_people(nullptr, "Lindsey Voss", "Lindsay Voss"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_workforce_merge_people(f.store, nullptr, "Lindsay Voss"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_workforce_merge_people(f.store, "Lindsey Voss", nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_workforce_merge_people(f.store, kBadUtf8, "Lindsay Voss"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_workforce_merge_people(f.store, "Lindsey Voss", kBadUtf8), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_workforce_merge_people(f.store, "Nobody At All", "Lindsay Voss"), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(contains(message(), "Nobody At All"));
    EXPECT_FAIL(oversight_workforce_merge_people(f.store, kSql, "Lindsay Voss"), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_workforce_merge_people(f.store, "Lindsay Voss", "Lindsay Voss"), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(f.history() == n);
    EXPECT_OK(oversight_workforce_merge_people(f.store, "Lindsey Voss", "Lindsay Voss"));
    BOOST_TEST(f.history() == n + 1);
    BOOST_TEST(f.export_json()["recommendations"][0]["actions"][0]["lead"] == "Lindsay Voss");
}

BOOST_AUTO_TEST_SUITE_END()
