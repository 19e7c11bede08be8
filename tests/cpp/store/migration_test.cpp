// Migrations 0004 and 0005 on a store as Oversight 1.0 left it:
// tests/data/store/v3_schema.sql (the schema v3 text exactly as 1.0 wrote
// it) and v3_rows.sql (rows in every table), written with the SQLite API,
// then opened with Store::open; and on a version-4 store (that, migrated by
// 0004 as published, plus v4_rows.sql). Every row survives with its values
// (through the public API and, for what the API does not show, with SQL),
// the history is intact and still append-only, foreign keys hold; a failing
// migration leaves the store at version 3 untouched.
#include <boost/test/unit_test.hpp>

#include "support/store_fixtures.hpp"

#include <oversight/audit/audit.hpp>
#include <oversight/calendar/calendar.hpp>
#include <oversight/casework/case.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/casework/exemption.hpp>
#include <oversight/compliance/compliance.hpp>
#include <oversight/plan/plan_store.hpp>
#include <oversight/reminders/acknowledgement.hpp>
#include <oversight/rules/rule_pack.hpp>
#include <oversight/store/history.hpp>
#include <oversight/store/store.hpp>
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/person.hpp>
#include <oversight/workforce/team.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace oversight;
using test::code_of;
using test::TempStore;

namespace {

Date d(const char* iso) { return Date::parse_iso(iso); }

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    BOOST_REQUIRE_MESSAGE(in, "cannot read " << path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// A version-3 store as Oversight 1.0 wrote it, with the fixture's rows and
/// then `extra` SQL.
void make_v3_store(const std::string& path, const std::string& extra = "") {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(read_text(OVERSIGHT_TEST_DATA_DIR "/store/v3_schema.sql"));
    db.exec(read_text(OVERSIGHT_TEST_DATA_DIR "/store/v3_rows.sql"));
    if (!extra.empty()) db.exec(extra);
    db.exec("PRAGMA user_version = 3");
}

/// A version-4 store: the version-3 one migrated by 0004 exactly as
/// published (the fixture's copy), plus v4_rows.sql and then `extra` SQL.
void make_v4_store(const std::string& path, const std::string& extra = "") {
    make_v3_store(path);
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA foreign_keys = OFF");
    {
        SQLite::Transaction tx(db);
        db.exec(read_text(OVERSIGHT_TEST_DATA_DIR "/store/v4_migration_0004.sql"));
        db.exec("PRAGMA user_version = 4");
        tx.commit();
    }
    db.exec("PRAGMA foreign_keys = ON");
    db.exec(read_text(OVERSIGHT_TEST_DATA_DIR "/store/v4_rows.sql"));
    if (!extra.empty()) db.exec(extra);
}

/// A version-5 store: the version-4 one migrated by 0005 as published, with
/// some rows about a child blanked as a version-5 erasure left them.
void make_v5_store(const std::string& path) {
    make_v4_store(path);
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA foreign_keys = OFF");
    {
        SQLite::Transaction tx(db);
        db.exec(read_text(OVERSIGHT_PROJECT_DIR "/lib/store/sqlite/migrations/0005_sync_with_case_systems.sql"));
        db.exec("PRAGMA user_version = 5");
        tx.commit();
    }
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("UPDATE history SET new_value = '[erased]' WHERE child_id IS NOT NULL AND new_value IS NOT NULL");
}

/// Each row of the query as "value:type|value:type|...".
std::vector<std::string> rows(SQLite::Database& db, const std::string& sql) {
    SQLite::Statement q(db, sql);
    std::vector<std::string> out;
    while (q.executeStep()) {
        std::string row;
        for (int i = 0; i < q.getColumnCount(); ++i) {
            const SQLite::Column c = q.getColumn(i);
            row += (i ? "|" : "") + (c.isNull() ? std::string("NULL") : c.getString() + ":" + std::to_string(c.getType()));
        }
        out.push_back(std::move(row));
    }
    return out;
}

/// The value of each row (without the type) of a one-column query.
std::vector<std::string> names(SQLite::Database& db, const std::string& sql) {
    std::vector<std::string> out;
    for (const std::string& r : rows(db, sql)) out.push_back(r.substr(0, r.rfind(':')));
    return out;
}

/// Every table's columns, by table name.
std::map<std::string, std::string> columns(SQLite::Database& db) {
    std::map<std::string, std::string> out;
    for (const std::string& t : names(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
        std::string list;
        for (const std::string& c : names(db, "SELECT name FROM pragma_table_info('" + t + "') ORDER BY cid"))
            list += (list.empty() ? "\"" : ", \"") + c + "\"";
        out[t] = list;
    }
    return out;
}

/// Every table's rows, by table name; with `only`, just the tables and
/// columns it names (those a table had before a migration).
std::map<std::string, std::vector<std::string>> dump(SQLite::Database& db,
                                                     const std::map<std::string, std::string>* only = nullptr) {
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& [table, list] : only ? *only : columns(db)) {
        if (table == "sqlite_sequence" || !db.tableExists(table)) continue;
        // A WITHOUT ROWID table (0016's kept rows) is in its key's order.
        const bool rowid =
            db.execAndGet("SELECT wr = 0 FROM pragma_table_list WHERE schema = 'main' AND name = '" + table + "'")
                .getInt();
        out[table] = rows(db, "SELECT " + list + " FROM \"" + table + "\" ORDER BY " + (rowid ? "rowid" : list));
    }
    if (!only) {
        out["(schema)"] = rows(db, "SELECT type, name, sql FROM sqlite_master ORDER BY name");
        out["(user_version)"] = rows(db, "PRAGMA user_version");
        out["(sequences)"] = rows(db, "SELECT name, seq FROM sqlite_sequence ORDER BY name");
    }
    return out;
}

/// The schema version just before the migration that lets audit programmes
/// be stratified by manager (0011 when written; found by its file name, so
/// that renumbering the file keeps the test right).
int before_manager_stratum() {
    for (const auto& entry :
         std::filesystem::directory_iterator(OVERSIGHT_PROJECT_DIR "/lib/store/sqlite/migrations")) {
        const std::string name = entry.path().filename().string();
        if (name.size() > 5 && name.substr(4) == "_audit_manager_stratum.sql") return std::stoi(name.substr(0, 4)) - 1;
    }
    BOOST_FAIL("no migration *_audit_manager_stratum.sql");
    return 0;
}

int count(SQLite::Database& db, const std::string& table) {
    return db.execAndGet("SELECT count(*) FROM " + table).getInt();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(migration)

BOOST_AUTO_TEST_CASE(published_migrations_are_never_edited) {
    // Stores at versions 1..4 exist, so migrations 0001..0004 must stay as
    // they were published: the fixtures keep that text, after their own header.
    const std::string dir = OVERSIGHT_PROJECT_DIR "/lib/store/sqlite/migrations/";
    std::string published;
    for (const char* file : {"0001_core.sql", "0002_plan.sql", "0003_casework.sql"})
        published += read_text(dir + file) + "\n";
    std::string fixture = read_text(OVERSIGHT_TEST_DATA_DIR "/store/v3_schema.sql");
    fixture.erase(0, fixture.find("-- Migration 0001"));
    auto trim = [](std::string t) {
        while (!t.empty() && (t.back() == '\n' || t.back() == ' ')) t.pop_back();
        return t;
    };
    BOOST_TEST(trim(published) == trim(fixture),
               "a published migration (0001..0003) was edited: add a new numbered file instead");
    std::string v4 = read_text(OVERSIGHT_TEST_DATA_DIR "/store/v4_migration_0004.sql");
    v4.erase(0, v4.find("-- Migration 0004"));
    BOOST_TEST(read_text(dir + "0004_one_convention_one_workforce.sql") == v4,
               "the published migration 0004 was edited: add a new numbered file instead");
}

BOOST_AUTO_TEST_CASE(every_row_of_a_version_3_store_survives) {
    TempStore tmp("migration_v3");
    make_v3_store(tmp.path);
    std::map<std::string, std::vector<std::string>> before;
    std::map<std::string, std::string> v3_columns;
    {
        SQLite::Database v3(tmp.path);
        before = dump(v3);
        v3_columns = columns(v3);
        v3_columns.erase("people");  // remade by 0004, compared below
        v3_columns.erase("workers");
    }

    Store s = Store::open(tmp.path);
    BOOST_TEST(s.schema_version() == Store::latest_schema_version());

    // ---- plans, through the public API
    const Plan p1 = load_plan(s, 1);
    BOOST_TEST(p1.title == "Improvement plan");
    BOOST_TEST(p1.authority == "Example City Council");
    BOOST_TEST((p1.report_date == d("2012-09-14")));
    BOOST_TEST((p1.sections == std::vector<std::string>{"QUALITY OF WORK", "LEADERSHIP"}));
    BOOST_REQUIRE(p1.recommendations.size() == 3u);
    BOOST_TEST(p1.recommendations[0].cost.amount_pence.value_or(0) == 170000000);
    BOOST_TEST(p1.recommendations[0].cost.approximate);
    BOOST_TEST((p1.recommendations[1].explicit_date == d("2013-01-31")));
    BOOST_TEST(p1.recommendations[2].section.empty());
    BOOST_TEST(p1.recommendations[2].cost.high_pence.value_or(0) == 2200000);
    const Action* a12 = p1.find_action("1.2");
    BOOST_REQUIRE(a12);
    BOOST_TEST(a12->updates.size() == 2u);
    BOOST_TEST(a12->updates[1].author.empty());
    BOOST_TEST(a12->tasks.size() == 2u);
    BOOST_TEST(a12->tasks[0].owner == "Lindsey Voss");
    BOOST_TEST(!a12->tasks[1].due);
    BOOST_TEST(a12->tasks[1].done);
    BOOST_TEST(a12->milestones.at(0).text == "Programme signed off");
    const Action* a11 = p1.find_action("1.1");
    BOOST_REQUIRE(a11 && a11->rag_override);
    BOOST_TEST((a11->rag_override->rag == Rag::amber));
    BOOST_TEST(a11->rag_override->reason == "recruitment slipping");
    BOOST_TEST((a11->rag_override->set_on == d("2012-10-05")));

    const Plan p2 = load_plan(s, 2);
    BOOST_TEST(p2.title == "Plan 'B'; DROP TABLE plans; --");
    BOOST_TEST(p2.authority == "Conseil général de l'Hérault");
    BOOST_TEST(!p2.report_date);
    BOOST_TEST((p2.settings == PlanSettings{7, 14, 60}));
    BOOST_TEST(p2.recommendations.at(0).section == "Über-Qualität ✓");
    BOOST_TEST(p2.recommendations.at(0).lead == "Zoë O'Brien");
    const Action* a1 = p2.find_action("A.1");
    BOOST_REQUIRE(a1);
    BOOST_TEST(a1->description == "'; DELETE FROM actions; -- «ça»");
    BOOST_TEST(a1->impact_intended == "Ünïcödé 😀");
    BOOST_TEST((a1->status == ActionStatus::blocked));
    BOOST_TEST((a1->due == d("2199-12-31")));
    BOOST_TEST(*a1->cost.amount_pence == std::numeric_limits<std::int64_t>::min());
    BOOST_TEST(*a1->cost.high_pence == std::numeric_limits<std::int64_t>::max());
    BOOST_TEST((a1->updates.at(0).date == d("1900-01-01")));
    BOOST_TEST(a1->updates.at(0).text == "It's \"done\"; really? %_\\");
    BOOST_TEST(a1->milestones.at(0).done);

    // ---- one workforce: directory people, workers, teams, appointments
    std::vector<std::string> names;
    for (const Person& p : list_people(s)) names.push_back(p.name);
    BOOST_TEST((names == std::vector<std::string>{"Ann Lee", "Bo Chan", "Cy Dunn", "Dee Ede", "Felicity Budgen",
                                                   "Lindsay Voss", "Zoë O'Brien"}));
    const Person ann = *try_find_person(s, "ANN LEE");
    BOOST_TEST(ann.id == 2);                          // the directory's id
    BOOST_TEST(ann.job_title == "Social worker");     // was the directory's role
    BOOST_TEST(ann.email == "ann@example.org");       // empty: filled from the worker
    BOOST_TEST(try_find_person(s, "Bo Chan")->email == "bo@example.org");  // kept
    BOOST_TEST(try_find_person(s, "Cy Dunn")->email == "cy@example.org");  // from the namesake with one
    BOOST_TEST(try_find_person(s, "Felicity Budgen")->job_title == "Director of Children's Services");
    BOOST_TEST(try_find_person(s, "Zoë O'Brien")->agency.empty());

    const std::vector<Worker> workers = list_workers(s);
    BOOST_REQUIRE(workers.size() == 5u);
    BOOST_TEST((workers[0] == Worker{"Ann Lee", "Team A", "ann@example.org", Role::social_worker}));
    BOOST_TEST((workers[1] == Worker{"Bo Chan", "Team B", "bo@example.org", Role::social_worker}));
    BOOST_TEST((workers[2] == Worker{"Cy Dunn", "Team B", "cy@example.org", Role::social_worker}));
    BOOST_TEST((workers[3] == Worker{"Dee Ede", "Team A", "dee@example.org", Role::social_worker}));
    BOOST_TEST((workers[4] == Worker{"Zoë O'Brien", "Équipe «Nord»", "", Role::other}));

    std::vector<std::string> teams;
    for (const Team& t : list_teams(s)) teams.push_back(t.name);
    BOOST_TEST((teams == std::vector<std::string>{"' OR 1=1; --", "Safeguarding", "Team A", "Team B",
                                                   "Équipe «Nord»"}));
    BOOST_TEST((list_teams(s)[2] == Team{"Team A", "Mo Manager", "a@example.org"}));

    // Bo Chan's directory team differs from his worker team: it is kept,
    // ended on the day of the migration; the worker's is the open one.
    const auto bo = appointments(s, "Bo Chan");
    BOOST_REQUIRE(bo.size() == 2u);
    BOOST_TEST(bo[0].team == "Safeguarding");
    BOOST_TEST((bo[0].role == Role::other));
    BOOST_TEST(!bo[0].from);
    BOOST_REQUIRE(bo[0].until);
    BOOST_TEST(!(*bo[0].until < Date::today().add_days(-1)));
    BOOST_TEST(bo[1].team == "Team B");
    BOOST_TEST(!bo[1].until);
    BOOST_TEST(appointment_on(s, "Bo Chan", d("2024-03-10"))->team == "Team B");
    BOOST_TEST(appointments(s, "Ann Lee").size() == 1u);  // directory and worker team agree
    BOOST_TEST(appointments(s, "Felicity Budgen").empty());
    BOOST_TEST(appointments(s, "Cy Dunn").size() == 2u);  // "cy dunn"'s team kept, ended

    // ---- casework: allocations now point at people
    const CaseRecord c1_march = load_case(s, "C1", d("2024-03-15"));
    BOOST_TEST(c1_march.worker == "Ann Lee");
    BOOST_TEST(c1_march.team == "Team A");
    BOOST_TEST(c1_march.attributes.at("legal_status") == "C2");
    BOOST_TEST(c1_march.events.size() == 3u);
    BOOST_TEST(c1_march.events.at(1).attributes.at("placement_type") == "U1");
    const CaseRecord c1_june = load_case(s, "C1", d("2024-06-15"));
    BOOST_TEST(c1_june.worker == "Bo Chan");
    BOOST_TEST(c1_june.team == "Team B");
    BOOST_TEST(c1_june.attributes.at("legal_status") == "E1");
    const CaseRecord evil = load_case(s, "'; DROP TABLE children; --", d("2024-03-15"));
    BOOST_TEST(evil.worker == "Cy Dunn");
    BOOST_TEST(evil.team == "Team B");
    BOOST_TEST(evil.attributes.at("note") == "' OR '1'='1 «x»");
    BOOST_TEST(evil.events.at(0).attributes.at("note") == "'; DROP TABLE events; -- ✓");
    BOOST_TEST(load_case(s, "Ç-4 «ñ»", d("2024-03-15")).worker == "Cy Dunn");
    BOOST_TEST(!try_find_child(s, "C2")->date_of_birth);
    BOOST_TEST((try_find_child(s, "C1")->date_of_birth == d("2012-05-01")));
    BOOST_TEST(list_cases(s, {std::string("ann lee"), std::nullopt}, d("2024-03-15")).size() == 2u);
    const auto ack = find_acknowledgement(s, {"C1", "lac.visit.first", d("2024-03-08")});
    BOOST_REQUIRE(ack);
    BOOST_TEST((*ack == Acknowledgement{"Mo Manager", "2024-03-05T08:00:00Z", "chasing «now»"}));
    BOOST_TEST(find_acknowledgement(s, {"C2", "lac.review.first", d("2024-03-28")})->note.empty());

    // ---- history: the old rows as they were, then what the migration made
    const std::vector<Change> h = s.history();
    BOOST_REQUIRE(h.size() == 18u);
    BOOST_TEST(h[1].entity == "worker");  // never rewritten
    BOOST_TEST(h[3].actor == "Zoë O'Brien");
    BOOST_TEST(h[3].new_value.value_or("") == "'; DROP TABLE history; --");
    for (std::size_t i = 6; i < h.size(); ++i) BOOST_TEST(h[i].actor == "migration 0004");
    BOOST_TEST(h[10].entity == "person");
    BOOST_TEST(h[10].field == "email");

    // ---- with SQL: what the API does not show
    SQLite::Database db(tmp.path);
    std::map<std::string, std::vector<std::string>> after = dump(db, &v3_columns);
    for (const char* t : {"plans", "plan_sections", "recommendations", "actions", "progress_updates",
                          "milestones", "tasks", "children", "case_attributes", "events", "acknowledgements"})
        BOOST_TEST_CONTEXT(t) { BOOST_TEST(after[t] == before[t], boost::test_tools::per_element()); }
    // meta gains the store's identity (0006) after the rows it had.
    for (const char* t : {"meta", "history", "teams"}) {
        BOOST_TEST_CONTEXT(t) {
            BOOST_REQUIRE(after[t].size() >= before[t].size());
            BOOST_TEST(std::vector<std::string>(after[t].begin(), after[t].begin() + before[t].size()) == before[t],
                       boost::test_tools::per_element());
        }
    }
    const std::map<std::string, int> counts = {
        {"meta", 2},       {"history", 18},      {"plans", 2},         {"plan_sections", 3},  {"recommendations", 4},
        {"actions", 4},    {"progress_updates", 3}, {"milestones", 2}, {"tasks", 2},          {"people", 7},
        {"teams", 5},      {"appointments", 7},  {"children", 4},      {"allocations", 5},    {"case_attributes", 4},
        {"events", 4},     {"acknowledgements", 2}};
    for (const auto& [table, n] : counts) BOOST_TEST_CONTEXT(table) { BOOST_TEST(count(db, table) == n); }
    BOOST_TEST(!db.tableExists("workers"));
    BOOST_TEST((rows(db, "SELECT id, name, job_title, email, agency FROM people ORDER BY id") ==
                std::vector<std::string>{
                    "1:1|Felicity Budgen:3|Director of Children's Services:3|fb@example.org:3|:3",
                    "2:1|Ann Lee:3|Social worker:3|ann@example.org:3|:3", "3:1|Bo Chan:3|:3|bo@example.org:3|:3",
                    "4:1|Zoë O'Brien:3|Responsable:3|:3|:3", "5:1|Lindsay Voss:3|:3|:3|:3",
                    "6:1|Cy Dunn:3|:3|cy@example.org:3|:3", "7:1|Dee Ede:3|:3|dee@example.org:3|:3"}));
    // The same allocations, each now naming the person the worker became.
    BOOST_TEST((rows(db, "SELECT a.id, a.child_id, p.name, a.from_date, a.to_date FROM allocations a "
                         "JOIN people p ON p.id = a.worker_id ORDER BY a.id") ==
                std::vector<std::string>{"1:1|1:1|Ann Lee:3|2024-03-01:3|2024-04-01:3",
                                         "2:1|1:1|Bo Chan:3|2024-04-01:3|NULL", "3:1|2:1|Ann Lee:3|2024-03-01:3|NULL",
                                         "4:1|3:1|Cy Dunn:3|2024-03-02:3|NULL", "5:1|4:1|Cy Dunn:3|2024-03-02:3|NULL"}));
    BOOST_TEST((rows(db, "SELECT p.name, a.role, t.name, a.from_date, a.to_date IS NULL FROM appointments a "
                         "JOIN people p ON p.id = a.person_id JOIN teams t ON t.id = a.team_id ORDER BY a.id") ==
                std::vector<std::string>{"Ann Lee:3|social_worker:3|Team A:3|NULL|1:1",
                                         "Bo Chan:3|social_worker:3|Team B:3|NULL|1:1",
                                         "Cy Dunn:3|social_worker:3|Team B:3|NULL|1:1",
                                         "Cy Dunn:3|social_worker:3|' OR 1=1; --:3|NULL|0:1",
                                         "Dee Ede:3|social_worker:3|Team A:3|NULL|1:1",
                                         "Bo Chan:3|other:3|Safeguarding:3|NULL|0:1",
                                         "Zoë O'Brien:3|other:3|Équipe «Nord»:3|NULL|1:1"}));
    BOOST_TEST(rows(db, "PRAGMA foreign_key_check").empty());
    BOOST_TEST(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    // Still append-only.
    BOOST_CHECK_THROW(db.exec("UPDATE history SET actor = 'x'"), SQLite::Exception);
    BOOST_CHECK_THROW(db.exec("DELETE FROM history WHERE seq = 1"), SQLite::Exception);

    // The migrated store goes on working: the next history row follows on.
    save_worker(s, {"cy dunn", "Team A", "cy@example.org"});
    BOOST_TEST(s.history().back().seq > h.back().seq);
    BOOST_TEST(code_of([&] { add_person(s, {0, "ann lee", "", "", ""}); }) == Status::conflict);
}

BOOST_AUTO_TEST_CASE(every_row_of_a_version_4_store_survives_migration_0005) {
    TempStore tmp("migration_v4");
    make_v4_store(tmp.path);
    std::map<std::string, std::vector<std::string>> before;
    std::map<std::string, std::string> v4_columns;
    std::int64_t v4_sequence = 0;
    {
        SQLite::Database v4(tmp.path);
        BOOST_REQUIRE(v4.execAndGet("PRAGMA user_version").getInt() == 4);
        before = dump(v4);
        v4_columns = columns(v4);
        v4_sequence = v4.execAndGet("SELECT seq FROM sqlite_sequence WHERE name = 'history'").getInt64();
    }
    BOOST_REQUIRE(v4_sequence == 26);

    Store s = Store::open(tmp.path);
    BOOST_TEST(s.schema_version() == Store::latest_schema_version());
    BOOST_TEST(Store::latest_schema_version() >= 5);
    // Migration 0006 gives the store an identity; every other row is as it was.
    {
        SQLite::Database db(tmp.path);
        const auto id = rows(db, "SELECT \"key\", \"value\" FROM meta WHERE key = 'store_id'");
        BOOST_REQUIRE(id.size() == 1u);
        before.at("meta").push_back(id.front());
    }

    // ---- with SQL: every table, every row, every old column, as it was
    {
        SQLite::Database db(tmp.path);
        const auto after = dump(db, &v4_columns);
        BOOST_TEST(after.size() == 17u);
        for (const auto& [table, content] : after)
            BOOST_TEST_CONTEXT(table) { BOOST_TEST(content == before.at(table), boost::test_tools::per_element()); }
        // The new columns: no external ids yet; each history row knows whose case it is about.
        for (const char* t : {"children", "allocations", "case_attributes", "events", "teams"})
            BOOST_TEST_CONTEXT(t) {
                BOOST_TEST(count(db, std::string(t) + " WHERE external_id IS NOT NULL") == 0);
            }
        BOOST_TEST((rows(db, "SELECT seq, child_id FROM history WHERE child_id IS NOT NULL ORDER BY seq") ==
                    std::vector<std::string>{"5:1|1:1", "19:1|5:1", "20:1|5:1", "21:1|5:1", "22:1|5:1", "23:1|5:1",
                                             "24:1|5:1", "25:1|5:1"}));
        BOOST_TEST(count(db, "history") == 26);
        BOOST_TEST(db.execAndGet("SELECT seq FROM sqlite_sequence WHERE name = 'history'").getInt64() == 26);
        // The casework tables never reuse an id now.
        for (const char* t : {"children", "allocations", "case_attributes", "events", "acknowledgements"})
            BOOST_TEST_CONTEXT(t) {
                BOOST_TEST(db.execAndGet("SELECT count(*) FROM sqlite_sequence WHERE name = '" + std::string(t) + "'")
                               .getInt() == 1);
            }
        BOOST_TEST(rows(db, "PRAGMA foreign_key_check").empty());
        BOOST_TEST(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
        // Still append-only, but for an erasure's blanking of a child's rows.
        BOOST_CHECK_THROW(db.exec("UPDATE history SET actor = 'x' WHERE seq = 19"), SQLite::Exception);
        BOOST_CHECK_THROW(db.exec("UPDATE history SET new_value = 'x' WHERE seq = 19"), SQLite::Exception);
        BOOST_CHECK_THROW(db.exec("UPDATE history SET new_value = '[erased]' WHERE seq = 1"), SQLite::Exception);
        BOOST_CHECK_THROW(db.exec("DELETE FROM history WHERE seq = 26"), SQLite::Exception);
    }

    // ---- through the public API
    const CaseRecord c5 = load_case(s, "C5 'quoted'", d("2024-06-15"));
    BOOST_TEST(c5.worker == "Mo Manager");
    BOOST_TEST(c5.team == "Team A");
    BOOST_TEST(c5.attributes.count("placement_type") == 0u);  // ended on 1 June
    BOOST_TEST(load_case(s, "C5 'quoted'", d("2024-05-15")).attributes.at("placement_type") == "U4");
    BOOST_TEST(c5.events.size() == 2u);  // the duplicate of version 4 is kept
    BOOST_TEST(try_find_person(s, "Pat «Police» O'Neil")->agency == "Constabulary; DROP TABLE people; --");
    BOOST_TEST(appointment_on(s, "Ann Lee", d("2024-06-15"))->line_manager == "Mo Manager");
    BOOST_TEST(!try_find_child(s, "C5 'quoted'")->external_id);

    // Sent again, the visit is found (the first of the two), not stored a third time.
    const CaseEvent visit{"visit", d("2024-05-03"), {{"note", "«ok»"}}, std::nullopt};
    const EventSaved again = save_event(s, "C5 'quoted'", visit, "Mo Manager");
    BOOST_TEST(again.id == 5);
    BOOST_TEST((again.outcome == SaveOutcome::unchanged));
    // A deleted event's id is not given again, even the highest.
    delete_event(s, 7);
    BOOST_TEST(record_event(s, "C2", {"review", d("2024-03-20"), {}, std::nullopt}, "tester") == 8);
    // The next history row follows on.
    const auto h = s.history();
    BOOST_TEST(h.at(26).seq == 27);
    BOOST_TEST(h.at(26).entity == "event");
    BOOST_TEST(h.at(26).field == "*");
}

BOOST_AUTO_TEST_CASE(a_failing_migration_leaves_the_store_at_version_3_untouched) {
    TempStore tmp("migration_fails");
    // A date of birth that 0003's shape check let through, 0004's value check does not.
    make_v3_store(tmp.path, "UPDATE children SET date_of_birth = '2012-02-30' WHERE id = 2");
    std::map<std::string, std::vector<std::string>> before;
    {
        SQLite::Database v3(tmp.path);
        before = dump(v3);
    }
    std::string msg;
    BOOST_TEST(code_of([&] { Store::open(tmp.path); }, &msg) == Status::db);
    BOOST_TEST(msg.find("0004") != std::string::npos, msg);
    BOOST_TEST(msg.find("CHECK constraint failed") != std::string::npos, msg);
    BOOST_TEST(msg.find("version 3") != std::string::npos, msg);
    {
        SQLite::Database v3(tmp.path);
        const auto after = dump(v3);
        for (const auto& [table, content] : before)
            BOOST_TEST_CONTEXT(table) { BOOST_TEST(after.at(table) == content, boost::test_tools::per_element()); }
        BOOST_TEST(after.size() == before.size());
    }
    // Mended, it migrates.
    {
        SQLite::Database v3(tmp.path, SQLite::OPEN_READWRITE);
        v3.exec("UPDATE children SET date_of_birth = '2012-02-29' WHERE id = 2");
    }
    BOOST_TEST(Store::open(tmp.path).schema_version() == Store::latest_schema_version());
}

BOOST_AUTO_TEST_CASE(a_version_3_store_is_not_migrated_read_only) {
    TempStore tmp("migration_read_only");
    make_v3_store(tmp.path);
    StoreOptions o;
    o.location = tmp.path;
    o.read_only = true;
    std::string msg;
    BOOST_TEST(code_of([&] { Store::open(o); }, &msg) == Status::db);
    BOOST_TEST(msg.find("read-write") != std::string::npos, msg);
    SQLite::Database v3(tmp.path);
    BOOST_TEST(v3.execAndGet("PRAGMA user_version").getInt() == 3);
}

BOOST_AUTO_TEST_CASE(a_version_5_store_with_history_is_chained_by_migration_0006) {
    TempStore tmp("migration_v5");
    make_v5_store(tmp.path);
    std::vector<std::string> before;
    {
        SQLite::Database v5(tmp.path);
        BOOST_REQUIRE(v5.execAndGet("PRAGMA user_version").getInt() == 5);
        before = rows(v5, "SELECT seq, at, actor, entity, entity_id, field, old_value, new_value, child_id "
                          "FROM history ORDER BY seq");
    }
    BOOST_REQUIRE(before.size() == 26u);
    Store s = Store::open(tmp.path);
    BOOST_TEST(s.schema_version() == Store::latest_schema_version());  // 0006 and every later one
    HistoryVerification v = verify_history(s);
    BOOST_TEST(v.ok, v.message);
    BOOST_TEST(v.rows == 26);
    BOOST_TEST(v.head_seq == 26);
    {
        SQLite::Database db(tmp.path);
        BOOST_TEST(rows(db, "SELECT seq, at, actor, entity, entity_id, field, old_value, new_value, child_id "
                            "FROM history ORDER BY seq") == before,
                   boost::test_tools::per_element());
        BOOST_TEST(count(db, "history WHERE salt IS NULL OR length(salt) <> 16 OR length(values_digest) <> 32 "
                             "OR length(hash) <> 32") == 0);
        BOOST_TEST(count(db, "(SELECT DISTINCT salt FROM history)") == 26);
        BOOST_TEST(db.execAndGet("SELECT seq FROM sqlite_sequence WHERE name = 'history'").getInt64() == 26);
        BOOST_TEST(db.execAndGet("SELECT length(value) FROM meta WHERE key = 'store_id'").getInt() == 32);
        BOOST_TEST(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
        BOOST_CHECK_THROW(db.exec("UPDATE history SET actor = 'x' WHERE seq = 19"), SQLite::Exception);
        BOOST_CHECK_THROW(db.exec("DELETE FROM history WHERE seq = 26"), SQLite::Exception);
    }
    // The chain goes on from the migrated rows, and an erasure keeps it whole.
    record_event(s, "C2", {"review", d("2024-03-20"), {}, std::nullopt}, "tester");
    erase_child(s, "C5 'quoted'", "retention ended");
    v = verify_history(s);
    BOOST_TEST(v.ok, v.message);
    BOOST_TEST(v.head_seq == s.history().back().seq);
    BOOST_TEST(s.history().front().seq == 1);
}

BOOST_AUTO_TEST_CASE(a_version_6_store_gains_exemptions_by_migration_0007) {
    // A version 6 store as 0006 left it: today's store without what 0007
    // and later add (0007 only adds the exemptions table and its index,
    // 0008 the attendance, complaints and complaint_stages tables, 0009
    // the audit tables, 0010 the five supervision tables).
    TempStore tmp("migration_v6");
    std::map<std::string, std::vector<std::string>> before;
    {
        Store s = Store::open(tmp.path);
        s.set_actor("tester");
        save_child(s, {"C1", d("2012-05-01")});
        record_event(s, "C1", {"visit", d("2024-03-05"), {}, std::nullopt}, "tester");
    }
    {
        SQLite::Database db(tmp.path, SQLite::OPEN_READWRITE);
        for (const char* t : {"action_indicators", "indicator_values", "indicators"}) db.exec(std::string("DROP TABLE ") + t);
        for (const char* table : {"audit_links", "audit_recommendations", "audit_counts", "audit_cases",
                                  "audit_auditors", "audits", "audit_programmes"})
            db.exec(std::string("DROP TABLE ") + table);
        for (const char* t : {"supervision_follow_ups", "supervision_actions", "supervision_criteria",
                              "supervision_cases", "supervisions"})
            db.exec(std::string("DROP TABLE ") + t);
        db.exec("DROP TABLE plan_inspections");
        for (const char* t : {"compliance_kept_explanations", "compliance_kept_undated", "compliance_kept_numbers",
                              "compliance_kept_items", "compliance_kept"})
            db.exec(std::string("DROP TABLE ") + t);
        db.exec("DROP TABLE exemptions");
        db.exec("DROP TABLE attendance");
        db.exec("DROP TABLE complaint_stages");
        db.exec("DROP TABLE complaints");
        db.exec("PRAGMA user_version = 6");
        before = dump(db);
    }
    Store s = Store::open(tmp.path);
    BOOST_TEST(s.schema_version() == Store::latest_schema_version());
    BOOST_TEST(s.schema_version() >= 7);
    {
        SQLite::Database db(tmp.path);
        auto after = dump(db);
        BOOST_TEST(after.at("exemptions").empty());
        for (const auto& [table, content] : before)
            if (table != "(schema)" && table != "(user_version)")
                BOOST_TEST_CONTEXT(table) { BOOST_TEST(content == after.at(table), boost::test_tools::per_element()); }
        BOOST_TEST(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    }
    // The new table is written, chained into the history, and erased with its child.
    Exemption e;
    e.child_id = "C1";
    e.kind = ExemptionKind::custody;
    e.from = d("2024-03-10");
    e.reason = "remanded to youth detention accommodation";
    e.approved_by = "Mo Manager";
    add_exemption(s, e);
    BOOST_TEST(exemptions(s, "C1").size() == 1u);
    HistoryVerification v = verify_history(s);
    BOOST_TEST(v.ok, v.message);
    BOOST_TEST(erase_child(s, "C1", "retention ended").exemptions == 1);
    v = verify_history(s);
    BOOST_TEST(v.ok, v.message);
}

/// The tables of the migrations after the manager stratum's (with their
/// indexes), which the test below drops to make a store of the version
/// before it: 0012 indicators, 0013 plan inspections.
const char* const kTablesAfterManagerStratum[] = {"action_indicators", "indicator_values", "indicators",
                                                  "plan_inspections", "compliance_kept_explanations",
                                                  "compliance_kept_undated", "compliance_kept_numbers",
                                                  "compliance_kept_items", "compliance_kept"};
const char* const kIndexesAfterManagerStratum[] = {"action_indicators_indicator",   "compliance_kept_items_case",
                                                   "compliance_kept_undated_case",  "compliance_kept_undated_child",
                                                   "compliance_kept_items_counted", "compliance_kept_items_uncounted"};

BOOST_AUTO_TEST_CASE(a_version_10_store_keeps_its_audit_programmes_through_migration_0011) {
    // Migration 0011 rebuilds audit_programmes so that stratify may be
    // 'manager'. A store at the version before it (10 when written; a
    // migration added after it must undo its own tables here, as the
    // version 6 test does): today's store with programmes, an audit
    // pointing at one, and a deleted programme (so the AUTOINCREMENT
    // sequence is ahead of the largest id), its audit_programmes then
    // rebuilt with 0009's definition as published.
    TempStore tmp("migration_v10");
    std::vector<AuditProgramme> programmes;
    {
        Store s = Store::open(tmp.path);
        s.set_actor("tester");
        add_person(s, {0, "Head of Service", "", "", ""});
        save_child(s, {"C1", d("2012-05-01")});
        AuditProgramme a;
        a.name = "Case files";
        a.type = "case_file";
        a.cycle = "monthly";
        a.owner = "Head of Service";
        a.sampling.per_stratum = 3;
        a.sampling.stratify = AuditStratum::team;
        a.next_due = d("2012-12-12");
        add_audit_programme(s, a);
        AuditProgramme b = a;
        b.name = "PEP audit";
        b.type = "pep";
        b.cycle = "quarterly";
        b.scale = two_point_scale();
        b.sampling.per_stratum = 2;
        b.sampling.stratify = AuditStratum::attribute;
        b.sampling.attribute = "audit_group";
        b.sampling.exclusion_months = 6;
        b.next_due = std::nullopt;
        add_audit_programme(s, b);
        AuditProgramme gone = a;
        gone.name = "Gone";
        add_audit_programme(s, gone);
        Audit audit;
        audit.reference = "CF-1";
        audit.programme = "Case files";
        audit.held = d("2012-11-01");
        audit.recorded = d("2012-11-02");
        audit.cases.push_back({0, std::string("C1"), "good", {}, ""});
        record_audit(s, audit, Calendar::for_division(Division::england_and_wales));
    }
    const std::string dir = OVERSIGHT_PROJECT_DIR "/lib/store/sqlite/migrations/";
    std::string v9_table = read_text(dir + "0009_audits.sql");
    v9_table = v9_table.substr(v9_table.find("CREATE TABLE audit_programmes ("));
    v9_table = v9_table.substr(0, v9_table.find(") STRICT;") + 9);
    v9_table.replace(0, std::string("CREATE TABLE audit_programmes").size(), "CREATE TABLE audit_programmes_v10");
    std::map<std::string, std::vector<std::string>> before;
    {
        SQLite::Database db(tmp.path, SQLite::OPEN_READWRITE);
        db.exec("PRAGMA foreign_keys = OFF");
        db.exec("DELETE FROM audit_programmes WHERE name = 'Gone'");
        {
            SQLite::Transaction tx(db);
            db.exec(v9_table);
            db.exec("INSERT INTO audit_programmes_v10 SELECT * FROM audit_programmes");
            const std::int64_t seq =
                db.execAndGet("SELECT seq FROM sqlite_sequence WHERE name = 'audit_programmes'").getInt64();
            db.exec("DROP TABLE audit_programmes");
            db.exec("ALTER TABLE audit_programmes_v10 RENAME TO audit_programmes");
            db.exec("UPDATE sqlite_sequence SET seq = " + std::to_string(seq) + " WHERE name = 'audit_programmes'");
            for (const char* t : kTablesAfterManagerStratum) db.exec(std::string("DROP TABLE ") + t);
            db.exec("PRAGMA user_version = " + std::to_string(before_manager_stratum()));
            tx.commit();
        }
        db.exec("PRAGMA foreign_keys = ON");
        BOOST_REQUIRE(db.execAndGet("SELECT count(*) FROM audit_programmes").getInt() == 2);
        BOOST_REQUIRE(db.execAndGet("SELECT seq FROM sqlite_sequence WHERE name = 'audit_programmes'").getInt() == 3);
        // At version 10 the schema refuses a manager stratum.
        BOOST_CHECK_THROW(db.exec("UPDATE audit_programmes SET stratify = 'manager' WHERE id = 1"), SQLite::Exception);
        before = dump(db);
    }
    Store s = Store::open(tmp.path);
    BOOST_TEST(s.schema_version() == Store::latest_schema_version());
    BOOST_TEST(s.schema_version() > before_manager_stratum());
    {
        SQLite::Database db(tmp.path);
        auto after = dump(db);
        for (const auto& [table, content] : before)
            if (table != "(schema)" && table != "(user_version)")
                BOOST_TEST_CONTEXT(table) { BOOST_TEST(content == after.at(table), boost::test_tools::per_element()); }
        BOOST_TEST(after.at("audit_programmes").size() == 2u);
        BOOST_TEST(after.at("(sequences)") == before.at("(sequences)"), boost::test_tools::per_element());
        // The schema differs only in audit_programmes' CHECK; its UNIQUE
        // name index has the table's name; audits still points at it.
        auto schema_before = before.at("(schema)");
        auto schema_after = after.at("(schema)");
        // Less what the later migrations added back.
        const auto later = [](const std::string& entry) {
            for (const char* t : kTablesAfterManagerStratum)
                if (entry.find("|" + std::string(t) + ":") != std::string::npos ||
                    entry.find("|sqlite_autoindex_" + std::string(t) + "_") != std::string::npos)
                    return true;
            for (const char* i : kIndexesAfterManagerStratum)
                if (entry.find("|" + std::string(i) + ":") != std::string::npos) return true;
            return false;
        };
        schema_after.erase(std::remove_if(schema_after.begin(), schema_after.end(), later), schema_after.end());
        BOOST_REQUIRE(schema_before.size() == schema_after.size());
        for (std::size_t i = 0; i < schema_before.size(); ++i) {
            if (schema_before[i].rfind("table:3|audit_programmes:3|", 0) == 0) {
                BOOST_TEST(schema_before[i].find("'manager'") == std::string::npos);
                BOOST_TEST(schema_after[i].find("'attribute', 'manager')") != std::string::npos, schema_after[i]);
            } else {
                BOOST_TEST(schema_before[i] == schema_after[i]);
            }
        }
        BOOST_TEST(count(db, "sqlite_master WHERE name = 'sqlite_autoindex_audit_programmes_1'") == 1);
        BOOST_TEST(count(db, "sqlite_master WHERE name LIKE '%_v11%'") == 0);
        BOOST_TEST(rows(db, "SELECT \"table\" FROM pragma_foreign_key_list('audits')").size() == 1u);
        BOOST_TEST(names(db, "SELECT \"table\" FROM pragma_foreign_key_list('audits')").at(0) == "audit_programmes");
        BOOST_TEST(rows(db, "PRAGMA foreign_key_check").empty());
        BOOST_TEST(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    }
    // Through the API: the programmes as they were; a new one (the id after
    // the deleted one: never reused) may be sampled per manager; the old
    // programme still takes audits, and the history chain verifies.
    const auto listed = list_audit_programmes(s);
    BOOST_REQUIRE(listed.size() == 2u);
    BOOST_TEST(listed[0].name == "Case files");
    BOOST_TEST((listed[0].sampling.stratify == AuditStratum::team));
    BOOST_TEST((listed[0].next_due == d("2012-12-12")));
    BOOST_TEST(listed[1].name == "PEP audit");
    BOOST_TEST((listed[1].sampling.stratify == AuditStratum::attribute));
    BOOST_TEST(listed[1].sampling.attribute == "audit_group");
    BOOST_TEST(listed[1].sampling.exclusion_months == 6);
    BOOST_TEST((listed[1].scale == two_point_scale()));
    AuditProgramme m = listed[0];
    m.name = "Manager audit";
    m.sampling.stratify = AuditStratum::manager;
    BOOST_TEST(add_audit_programme(s, m) == 4);
    BOOST_TEST((try_find_audit_programme(s, "Manager audit")->sampling.stratify == AuditStratum::manager));
    Audit next;
    next.reference = "PEP-1";
    next.programme = "PEP audit";
    next.held = d("2013-01-10");
    next.recorded = d("2013-01-10");
    next.counts = {{"satisfactory", 8}, {"inadequate", 10}};
    record_audit(s, next, Calendar::for_division(Division::england_and_wales));
    const HistoryVerification v = verify_history(s);
    BOOST_TEST(v.ok, v.message);
}


/// A store at `version`, which kept reports in the tables `kept_sql` (the
/// published migrations up to that version, run in turn) makes, with a kept
/// report written by `rows_sql` (one item with its explanation and one
/// undated row), migrated to the latest: the kept tables are emptied
/// (kept reports are derived data: hosts keep them again), everything else
/// is as it was, and a report kept again reads back as the one counted
/// afresh.
void kept_reports_forgotten_from(int version, const std::vector<std::string>& kept_sql, const std::string& rows_sql) {
    TempStore tmp("migration_v" + std::to_string(version));
    const RulePack pack = RulePack::england_default();
    const Calendar cal = Calendar::for_division(Division::england_and_wales);
    ComplianceOptions o;
    o.as_of = d("2024-03-31");
    {
        Store s = Store::open(tmp.path);
        s.set_actor("tester");
        save_child(s, {"C1", d("2012-05-01")});
        record_event(s, "C1", {"became_looked_after", d("2023-11-01"), {}, std::nullopt}, "tester");
        record_event(s, "C1", {"placement_start", d("2023-11-01"), {}, std::nullopt}, "tester");
        record_event(s, "C1", {"visit", d("2024-01-05"), {}, std::nullopt}, "tester");
        keep_compliance(s, pack, cal, o);
    }
    const std::string dir = OVERSIGHT_PROJECT_DIR "/lib/store/sqlite/migrations/";
    std::map<std::string, std::vector<std::string>> before;
    {
        SQLite::Database db(tmp.path, SQLite::OPEN_READWRITE);
        SQLite::Transaction tx(db);
        for (const char* t : {"compliance_kept_explanations", "compliance_kept_undated", "compliance_kept_numbers",
                              "compliance_kept_items", "compliance_kept"})
            db.exec(std::string("DROP TABLE ") + t);
        for (const std::string& file : kept_sql) db.exec(read_text(dir + file));
        db.exec("INSERT INTO compliance_kept(key, as_of, period_from, period_to, pack, school, history_seq, built_at) "
                "VALUES (printf('%064d', 0), '2024-03-31', '2024-01-01', '2024-03-31', 'england', NULL, 3, "
                "'2024-04-01T00:00:00Z')");
        db.exec(rows_sql);
        db.exec("INSERT INTO compliance_kept_undated(kept, child, child_ref, team, worker, rule_id, anchor, "
                "anchor_event, reason, met) SELECT 1, id, child_ref, '', '', 'pep.review', '2024-01-05', "
                "'pep', 'past the last term', 0 FROM children");
        BOOST_REQUIRE(db.execAndGet("SELECT n FROM compliance_kept_numbers").getInt() == 1);
        db.exec("PRAGMA user_version = " + std::to_string(version));
        tx.commit();
        before = dump(db);
    }
    Store s = Store::open(tmp.path);
    BOOST_TEST(s.schema_version() == Store::latest_schema_version());
    BOOST_TEST(s.schema_version() > version);
    {
        SQLite::Database db(tmp.path);
        auto after = dump(db);
        for (const auto& [table, content] : before) {
            if (table.rfind("compliance_kept", 0) == 0) {
                BOOST_TEST_CONTEXT(table) { BOOST_TEST(after.at(table).empty()); }
            } else if (table != "(schema)" && table != "(user_version)") {
                BOOST_TEST_CONTEXT(table) { BOOST_TEST(content == after.at(table), boost::test_tools::per_element()); }
            }
        }
        BOOST_TEST(after.at("compliance_kept_explanations").empty());
        BOOST_TEST(names(db, "SELECT name FROM pragma_table_info('compliance_kept_items') WHERE name = "
                             "'explanation'")
                       .empty());
        BOOST_TEST(rows(db, "PRAGMA foreign_key_check").empty());
        BOOST_TEST(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    }
    // Nothing kept: counted afresh; kept again, the same report read back.
    BOOST_TEST(kept_compliance(s).empty());
    const ComplianceReport afresh = compliance(s, pack, cal, o);
    BOOST_TEST(afresh.kept.empty());
    BOOST_TEST(!afresh.items.empty());
    BOOST_TEST(keep_compliance(s, pack, cal, o).rebuilt);
    const ComplianceReport kept = compliance(s, pack, cal, o);
    BOOST_TEST(!kept.kept.empty());
    BOOST_TEST((kept.items == afresh.items));
    BOOST_TEST((kept.groups == afresh.groups));
    const HistoryVerification v = verify_history(s);
    BOOST_TEST(v.ok, v.message);
}

BOOST_AUTO_TEST_CASE(a_version_14_store_forgets_its_kept_reports_in_migration_0015_and_keeps_everything_else) {
    // Migration 0015 moves a kept compliance report's explanations to their
    // own table. At version 14 an item kept its explanation in its own row.
    kept_reports_forgotten_from(
        14, {"0014_kept_compliance.sql"},
        "INSERT INTO compliance_kept_items(kept, child, child_ref, kind, team, worker, rule_id, area, state, "
        "days, due, anchor, anchor_event, met_on, ended_on, met_event, met_recorded_on, recording_delay, "
        "recorded_late, host_differs, exemption, host_due, explanation) SELECT 1, id, child_ref, 0, '', '', "
        "'lac.visit.first_year', 'visits', 'met_on_time', 0, '2024-01-07', '2023-11-01', 'placement_start', "
        "'2024-01-05', NULL, 'visit', NULL, NULL, 0, 0, NULL, NULL, 'as 0014 kept it' FROM children");
}

BOOST_AUTO_TEST_CASE(a_version_15_store_forgets_its_kept_reports_in_migration_0016_and_keeps_everything_else) {
    // Migration 0016 stores a kept report's rows and explanations in the
    // report's order (WITHOUT ROWID). At version 15 an item had a rowid id
    // its explanation named.
    kept_reports_forgotten_from(
        15, {"0014_kept_compliance.sql", "0015_kept_explanations_apart.sql"},
        "INSERT INTO compliance_kept_items(kept, child, child_ref, kind, team, worker, rule_id, area, state, "
        "days, due, anchor, anchor_event, met_on, ended_on, met_event, met_recorded_on, recording_delay, "
        "recorded_late, host_differs, exemption, host_due) SELECT 1, id, child_ref, 0, '', '', "
        "'lac.visit.first_year', 'visits', 'met_on_time', 0, '2024-01-07', '2023-11-01', 'placement_start', "
        "'2024-01-05', NULL, 'visit', NULL, NULL, 0, 0, NULL, NULL FROM children; "
        "INSERT INTO compliance_kept_explanations(item, text) SELECT id, 'as 0015 kept it' FROM compliance_kept_items");
}

BOOST_AUTO_TEST_SUITE_END()
