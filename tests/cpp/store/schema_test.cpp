// The SQLite schema's own guarantees (lib/store/sqlite/migrations/): rows
// written behind the library's back are refused when they break the
// convention of 0004 (STRICT, dates and timestamps checked by value, enums
// and ranges checked), foreign keys hold, deletes cascade where they should,
// and the history is append-only.
#include <boost/test/unit_test.hpp>

#include "support/store_fixtures.hpp"

#include <oversight/casework/child.hpp>
#include <oversight/casework/exemption.hpp>
#include <oversight/plan/plan_store.hpp>
#include <oversight/store/store.hpp>
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/person.hpp>
#include <oversight/workforce/team.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

using namespace oversight;
using test::TempStore;

namespace {

Date d(const char* iso) { return Date::parse_iso(iso); }

/// A raw connection to a store file, foreign keys on as the library has them.
struct Raw {
    SQLite::Database db;
    explicit Raw(const std::string& path) : db(path, SQLite::OPEN_READWRITE) { db.exec("PRAGMA foreign_keys = ON"); }
    bool refused(const std::string& sql) {
        try {
            db.exec(sql);
        } catch (const SQLite::Exception&) {
            return true;
        }
        return false;
    }
    int count(const std::string& table) { return db.execAndGet("SELECT count(*) FROM " + table).getInt(); }
};

Plan small_plan() {
    Plan p;
    p.title = "Plan";
    p.report_date = d("2012-09-14");
    Recommendation r;
    r.number = 1;
    r.text = "Do it";
    r.timescale = Timescale::by_date;
    r.explicit_date = d("2013-01-31");
    Action a;
    a.ref = "1.1";
    a.due = d("2012-10-31");
    a.tasks.push_back({0, "Task", "", std::nullopt, false});
    a.milestones.push_back({0, d("2012-11-30"), "Milestone", false});
    r.actions = {a};
    p.recommendations = {r};
    return p;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(schema)

BOOST_AUTO_TEST_CASE(every_table_is_strict) {
    TempStore tmp("schema_strict");
    Store::open(tmp.path);
    Raw raw(tmp.path);
    SQLite::Statement q(raw.db, "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' "
                                "AND name NOT LIKE 'sqlite_%'");
    int tables = 0;
    while (q.executeStep()) {
        BOOST_TEST_CONTEXT(q.getColumn(0).getString()) { BOOST_TEST(q.getColumn(1).getInt() == 1); }
        ++tables;
    }
    // 0007: exemptions; 0008: attendance, complaints, complaint_stages; 0009: audit_programmes, audits,
    // audit_auditors, audit_cases, audit_counts, audit_recommendations, audit_links; 0010: supervisions,
    // supervision_cases, supervision_criteria, supervision_actions, supervision_follow_ups; 0012 (indicators):
    // indicators, indicator_values, action_indicators; 0013: plan_inspections; 0014: compliance_kept,
    // compliance_kept_items, compliance_kept_numbers, compliance_kept_undated; 0015:
    // compliance_kept_explanations
    BOOST_TEST(tables == 42);
    BOOST_TEST(!raw.db.tableExists("workers"));
}

BOOST_AUTO_TEST_CASE(plan_tables_refuse_bad_rows) {
    TempStore tmp("schema_plan");
    std::string plan;
    {
        Store s = Store::open(tmp.path);
        plan = std::to_string(save_plan(s, small_plan()));
    }
    Raw raw(tmp.path);
    BOOST_TEST(raw.refused("UPDATE actions SET status = 'done'"));
    BOOST_TEST(raw.refused("UPDATE actions SET due = '2012-02-30'"));
    BOOST_TEST(raw.refused("UPDATE actions SET due = '12/10/2012'"));
    BOOST_TEST(raw.refused("UPDATE actions SET rag = 'red' WHERE rag IS NULL"));
    BOOST_TEST(raw.refused("UPDATE recommendations SET timescale = 'soon'"));
    BOOST_TEST(raw.refused("UPDATE recommendations SET explicit_date = NULL WHERE timescale = 'by_date'"));
    BOOST_TEST(raw.refused("UPDATE actions SET cost_amount_pence = 'lots'"));
    BOOST_TEST(raw.refused("UPDATE actions SET cost_approximate = 2"));
    BOOST_TEST(raw.refused("UPDATE actions SET position = 0"));
    BOOST_TEST(raw.refused("UPDATE plans SET due_soon_days = -1"));
    BOOST_TEST(raw.refused("UPDATE plans SET stale_update_days = 3651"));
    BOOST_TEST(raw.refused("UPDATE plans SET immediately_days = '7'  || 'x'"));
    BOOST_TEST(raw.refused("UPDATE tasks SET done = 2"));
    BOOST_TEST(raw.refused("INSERT INTO milestones(action_id, position, date, text) VALUES (99999, 1, '2012-10-10', 'x')"));
    BOOST_TEST(!raw.refused("UPDATE actions SET due = '2012-02-29'"));
    // The inspection: one per plan, known kinds, real dates, no priority
    // actions but for a focused visit.
    raw.db.exec("INSERT INTO plan_inspections(plan_id, kind, letter_date) VALUES (" + plan + ", 'full', '2024-03-01')");
    BOOST_TEST(raw.refused("INSERT INTO plan_inspections(plan_id, kind, letter_date) VALUES (" + plan +
                           ", 'full', '2024-04-01')"));
    BOOST_TEST(raw.refused("UPDATE plan_inspections SET kind = 'outstanding'"));
    BOOST_TEST(raw.refused("UPDATE plan_inspections SET letter_date = '2024-02-30'"));
    BOOST_TEST(raw.refused("UPDATE plan_inspections SET priority_actions = 1"));
    BOOST_TEST(raw.refused("UPDATE plan_inspections SET ended_date = '2024-03-02'"));
    BOOST_TEST(raw.refused("UPDATE plan_inspections SET plan_submitted = '2024-02-29'"));
    BOOST_TEST(!raw.refused("UPDATE plan_inspections SET kind = 'focused_visit', priority_actions = 1"));
    // Deleting a plan takes everything under it with it.
    raw.db.exec("DELETE FROM plans WHERE id = " + plan);
    BOOST_TEST(raw.count("plan_inspections") == 0);
    BOOST_TEST(raw.count("actions") == 0);
    BOOST_TEST(raw.count("tasks") == 0);
    BOOST_TEST(raw.count("milestones") == 0);
}

BOOST_AUTO_TEST_CASE(casework_tables_refuse_bad_rows) {
    TempStore tmp("schema_casework");
    {
        Store s = Store::open(tmp.path);
        save_child(s, {"X1", std::nullopt});
        save_team(s, {"Team A", "", ""});
    }
    Raw raw(tmp.path);
    const std::string event = "INSERT INTO events(child_id, type, date, attributes, recorded_by, recorded_at) VALUES ";
    BOOST_TEST(raw.refused(event + "(1, 'visit', '01/03/2024', '{}', 'x', '2024-03-01T00:00:00Z')"));
    BOOST_TEST(raw.refused(event + "(1, 'visit', '2024-02-30', '{}', 'x', '2024-03-01T00:00:00Z')"));  // by value
    BOOST_TEST(raw.refused(event + "(99, 'visit', '2024-03-01', '{}', 'x', '2024-03-01T00:00:00Z')"));
    BOOST_TEST(raw.refused(event + "(1, 'visit', '2024-03-01', 'not json', 'x', '2024-03-01T00:00:00Z')"));
    BOOST_TEST(raw.refused(event + "(1, 'Visit!', '2024-03-01', '{}', 'x', '2024-03-01T00:00:00Z')"));
    BOOST_TEST(raw.refused(event + "(1, 'visit', '2024-03-01', '{}', ' ', '2024-03-01T00:00:00Z')"));
    BOOST_TEST(raw.refused(event + "(1, 'visit', '2024-03-01', '{}', 'x', '2024-03-01T25:00:00Z')"));
    BOOST_TEST(raw.refused(event + "(1, 'visit', '2024-03-01', '{}', 'x', '2024-03-01 10:00:00')"));
    BOOST_TEST(raw.refused("INSERT INTO acknowledgements(child_id, rule_id, due_date, acknowledged_by, "
                           "acknowledged_at) VALUES (1, 'r', '2024-03-01', 'x', 'yesterday')"));
    BOOST_TEST(raw.refused("INSERT INTO children(child_ref, created_at) VALUES ('X1', '2024-03-01T00:00:00Z')"));
    BOOST_TEST(raw.refused("INSERT INTO children(child_ref, created_at) VALUES ('X2', 'now')"));
    BOOST_TEST(raw.refused("INSERT INTO children(child_ref, date_of_birth, created_at) "
                           "VALUES ('X3', '2012-13-01', '2024-03-01T00:00:00Z')"));
    BOOST_TEST(!raw.refused(event + "(1, 'visit', '2024-03-01', '{}', 'x', '2024-03-01T00:00:00Z')"));
    // External ids: stored as the library normalises them, unique per table.
    for (const char* table : {"children", "events", "teams"}) {
        BOOST_TEST_CONTEXT(table) {
            const std::string set = std::string("UPDATE ") + table + " SET external_id = ";
            BOOST_TEST(raw.refused(set + "''"));
            BOOST_TEST(raw.refused(set + "' X1'"));
            BOOST_TEST(raw.refused(set + "'X1' || char(10)"));
            BOOST_TEST(raw.refused(set + "char(9) || 'X1'"));
            BOOST_TEST(raw.refused(set + "printf('%.257c', 'x')"));
            BOOST_TEST(!raw.refused(set + "printf('%.256c', 'x')"));
            BOOST_TEST(!raw.refused(set + "'X 1'"));
        }
    }
    BOOST_TEST(raw.refused("INSERT INTO children(child_ref, created_at, external_id) "
                           "VALUES ('X9', '2024-03-01T00:00:00Z', 'X 1')"));  // unique
    BOOST_TEST(!raw.refused("INSERT INTO children(child_ref, created_at, external_id) "
                            "VALUES ('X9', '2024-03-01T00:00:00Z', NULL)"));
}

BOOST_AUTO_TEST_CASE(exemptions_refuse_bad_rows_and_go_with_their_child) {
    TempStore tmp("schema_exemptions");
    {
        Store s = Store::open(tmp.path);
        save_child(s, {"X1", std::nullopt});
        Exemption e;
        e.child_id = "X1";
        e.kind = ExemptionKind::hospital;
        e.from = d("2024-03-01");
        e.reason = "admitted";
        e.approved_by = "Mo Manager";
        add_exemption(s, e);
    }
    Raw raw(tmp.path);
    const std::string row = "INSERT INTO exemptions(child_id, kind, from_date, to_date, reason, approved_by, areas) VALUES ";
    BOOST_TEST(!raw.refused(row + "(1, 'missing', '2024-03-01', '2024-03-01', 'r', 'Mo', '[\"visits\"]')"));
    BOOST_TEST(raw.refused(row + "(1, 'holiday', '2024-03-01', NULL, 'r', 'Mo', '[]')"));
    BOOST_TEST(raw.refused(row + "(1, 'missing', '2024-02-30', NULL, 'r', 'Mo', '[]')"));      // by value
    BOOST_TEST(raw.refused(row + "(1, 'missing', '2024-03-02', '2024-03-01', 'r', 'Mo', '[]')"));  // ends first
    BOOST_TEST(raw.refused(row + "(1, 'missing', '2024-03-01', NULL, ' ', 'Mo', '[]')"));
    BOOST_TEST(raw.refused(row + "(1, 'missing', '2024-03-01', NULL, 'r', '', '[]')"));
    BOOST_TEST(raw.refused(row + "(1, 'missing', '2024-03-01', NULL, 'r', 'Mo', '{}')"));
    BOOST_TEST(raw.refused(row + "(1, 'missing', '2024-03-01', NULL, 'r', 'Mo', 'visits')"));
    BOOST_TEST(raw.refused(row + "(99, 'missing', '2024-03-01', NULL, 'r', 'Mo', '[]')"));  // no such child
    BOOST_TEST(raw.refused("UPDATE exemptions SET external_id = ' X1'"));
    BOOST_TEST(raw.count("exemptions") == 2);
    // A child's row goes with its exemptions (erase_child deletes them first,
    // writing their history; the cascade keeps the schema's own promise).
    BOOST_TEST(!raw.refused("DELETE FROM children WHERE child_ref = 'X1'"));
    BOOST_TEST(raw.count("exemptions") == 0);
}

BOOST_AUTO_TEST_CASE(workforce_tables_refuse_bad_rows) {
    TempStore tmp("schema_workforce");
    {
        Store s = Store::open(tmp.path);
        save_team(s, {"Team A", "", ""});
        save_worker(s, {"Ann Lee", "Team A", ""});
        add_person(s, {0, "Mo Khan", "", "", ""});
    }
    Raw raw(tmp.path);
    BOOST_TEST(raw.refused("INSERT INTO people(name) VALUES ('ANN LEE')"));  // unique ignoring case
    BOOST_TEST(raw.refused("INSERT INTO people(name) VALUES ('  ')"));
    BOOST_TEST(raw.refused("UPDATE appointments SET role = 'boss'"));
    BOOST_TEST(raw.refused("UPDATE appointments SET line_manager_id = person_id"));
    BOOST_TEST(raw.refused("UPDATE appointments SET team_id = 99"));
    BOOST_TEST(raw.refused("UPDATE appointments SET from_date = '2024-02-30'"));
    BOOST_TEST(raw.refused("UPDATE appointments SET from_date = '2024-03-01', to_date = '2024-03-01'"));
    // At most one open appointment per person.
    BOOST_TEST(raw.refused("INSERT INTO appointments(person_id, role, from_date) "
                           "SELECT id, 'manager', '2025-01-01' FROM people WHERE name = 'Ann Lee'"));
    // A person with appointments cannot simply go.
    BOOST_TEST(raw.refused("DELETE FROM people WHERE name = 'Ann Lee'"));
    BOOST_TEST(!raw.refused("DELETE FROM people WHERE name = 'Mo Khan'"));
}

BOOST_AUTO_TEST_CASE(history_is_append_only) {
    TempStore tmp("schema_history");
    {
        Store s = Store::open(tmp.path);
        save_team(s, {"Team A", "", ""});
        save_child(s, {"X1", d("2012-05-01")});
    }
    Raw raw(tmp.path);
    BOOST_TEST(raw.refused("UPDATE history SET actor = 'someone else'"));
    BOOST_TEST(raw.refused("DELETE FROM history"));
    BOOST_TEST(raw.refused("INSERT INTO history(at, actor, entity, entity_id, field) "
                           "VALUES ('2024-03-01', 'x', 'team', 1, '*')"));
    BOOST_TEST(raw.refused("INSERT INTO history(at, actor, entity, entity_id, field) "
                           "VALUES ('2024-03-01T00:00:00Z', '', 'team', 1, '*')"));
    BOOST_TEST(raw.count("history") == 3);
    // The rows about a child's case say so; only an erasure's blanking of
    // their values is let through, and nothing else about them.
    BOOST_TEST(raw.count("history WHERE child_id IS NOT NULL") == 2);
    BOOST_TEST(raw.refused("UPDATE history SET new_value = 'X2' WHERE child_id IS NOT NULL"));
    BOOST_TEST(raw.refused("UPDATE history SET new_value = '[erased]' WHERE child_id IS NULL"));
    BOOST_TEST(raw.refused("UPDATE history SET new_value = '[erased]', actor = 'x' WHERE child_id IS NOT NULL"));
    BOOST_TEST(raw.refused("UPDATE history SET new_value = '[erased]', child_id = NULL WHERE child_id IS NOT NULL"));
    BOOST_TEST(raw.refused("UPDATE history SET new_value = '[erased]', field = 'y' WHERE child_id IS NOT NULL"));
    BOOST_TEST(raw.refused("DELETE FROM history WHERE child_id IS NOT NULL"));
    // The erasure must remove the salt too, and keep the digest and hash (schema 6).
    BOOST_TEST(raw.refused("UPDATE history SET new_value = '[erased]' WHERE child_id IS NOT NULL"));
    BOOST_TEST(raw.refused("UPDATE history SET new_value = '[erased]', salt = NULL, hash = zeroblob(32) "
                           "WHERE child_id IS NOT NULL"));
    BOOST_TEST(raw.refused("UPDATE history SET new_value = '[erased]', salt = NULL, values_digest = zeroblob(32) "
                           "WHERE child_id IS NOT NULL"));
    BOOST_TEST(raw.refused("UPDATE history SET salt = NULL WHERE child_id IS NULL"));
    BOOST_TEST(!raw.refused("UPDATE history SET new_value = '[erased]', salt = NULL WHERE child_id IS NOT NULL"));
    BOOST_TEST(raw.count("history WHERE new_value = '[erased]'") == 2);
}

BOOST_AUTO_TEST_SUITE_END()
