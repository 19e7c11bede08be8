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
    EXPECT_FAIL(oversight_workforce_people_json(nullptr, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(out == nullptr);
    EXPECT_FAIL(oversight_workforce_people_json(f.store, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_OK(oversight_workforce_people_json(f.store, &out));
    const auto doc = take_document(out, "oversight-people");
    BOOST_TEST_REQUIRE(doc["people"].size() == 1u);
    BOOST_TEST(doc["people"][0]["name"] == "Lindsay Voss");
    BOOST_TEST(doc["people"][0]["job_title"] == "Head of Service");
    BOOST_TEST(doc["people"][0]["email"] == kSql);

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
