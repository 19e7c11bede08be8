// The Store itself (include/oversight/store/store.hpp): options, opening,
// the SQLite backend's pragmas, the actor, history reads and the
// translation of SQLite failures.
#include <boost/test/unit_test.hpp>

#include "support/store_fixtures.hpp"
#include "support/synthetic_authority.hpp"

#include <oversight/calendar/calendar.hpp>
#include <oversight/compliance/compliance.hpp>
#include <oversight/core/error.hpp>
#include <oversight/rules/rule_pack.hpp>
#include <oversight/store/store.hpp>
#include <oversight/workforce/team.hpp>

#include "core/transaction.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <sys/stat.h>

#include <string>

using namespace oversight;
using test::code_of;
using test::TempStore;

namespace {

int code(Status s) { return static_cast<int>(s); }

}  // namespace

BOOST_AUTO_TEST_SUITE(store)

BOOST_AUTO_TEST_CASE(backends_by_name) {
    BOOST_TEST(to_string(StoreBackend::sqlite) == "sqlite");
    BOOST_TEST((parse_store_backend("SQLite") == StoreBackend::sqlite));
    std::string msg;
    BOOST_TEST(code(code_of([] { parse_store_backend("postgres"); }, &msg)) == code(Status::invalid_arg));
    BOOST_TEST(msg.find("postgres") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(opening_migrates_to_the_latest_schema_with_wal) {
    TempStore tmp("store_migrate");
    {
        Store s = Store::open(tmp.path);
        BOOST_TEST(s.schema_version() == Store::latest_schema_version());
        BOOST_TEST(Store::latest_schema_version() >= 4);
        BOOST_TEST(s.path() == tmp.path);
        BOOST_TEST((s.options().backend == StoreBackend::sqlite));
        BOOST_TEST(s.options().busy_timeout.count() == 5000);
    }
    {
        SQLite::Database db(tmp.path);
        BOOST_TEST(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
        BOOST_TEST(db.execAndGet("PRAGMA user_version").getInt() == Store::latest_schema_version());
    }
    // Reopening is idempotent.
    Store again = Store::open(tmp.path);
    BOOST_TEST(again.schema_version() == Store::latest_schema_version());
}

BOOST_AUTO_TEST_CASE(a_new_store_and_its_wal_and_shm_are_owner_only_whatever_the_umask) {
    // Issue 8: data about children is never readable by other accounts.
    for (const mode_t mask : {mode_t{022}, mode_t{0}, mode_t{0277}}) {
        TempStore tmp("store_private");
        const mode_t before = ::umask(mask);
        {
            Store s = Store::open(tmp.path);
            s.set_actor("test");
            save_team(s, Team{"Team A", "", ""});  // a write: the -wal and -shm exist now
            for (const std::string& f : {tmp.path, tmp.path + "-wal", tmp.path + "-shm"}) {
                struct stat st {};
                BOOST_TEST_REQUIRE(::stat(f.c_str(), &st) == 0, f);
                BOOST_TEST((st.st_mode & 07777) == 0600u, f << " under umask 0" << std::oct << mask << ": 0"
                                                            << (st.st_mode & 07777));
            }
        }
        ::umask(before);
    }
    // An existing file keeps the mode its owner gave it.
    TempStore tmp("store_shared_mode");
    { Store::open(tmp.path); }
    BOOST_TEST_REQUIRE(::chmod(tmp.path.c_str(), 0640) == 0);
    { Store::open(tmp.path); }
    struct stat st {};
    BOOST_TEST_REQUIRE(::stat(tmp.path.c_str(), &st) == 0);
    BOOST_TEST((st.st_mode & 07777) == 0640u);
}

BOOST_AUTO_TEST_CASE(options_are_checked) {
    StoreOptions o;
    BOOST_TEST(code(code_of([&] { Store::open(o); })) == code(Status::invalid_arg));  // no location
    o.location = std::string("a\0b", 3);
    BOOST_TEST(code(code_of([&] { Store::open(o); })) == code(Status::invalid_arg));
    o.location = ":memory:";
    o.busy_timeout = std::chrono::milliseconds(-1);
    BOOST_TEST(code(code_of([&] { Store::open(o); })) == code(Status::invalid_arg));
    o.busy_timeout = std::chrono::milliseconds(600001);
    BOOST_TEST(code(code_of([&] { Store::open(o); })) == code(Status::invalid_arg));
    o.busy_timeout = std::chrono::milliseconds(600000);
    BOOST_CHECK_NO_THROW(Store::open(o));
    o.read_only = true;  // an in-memory store would be empty
    BOOST_TEST(code(code_of([&] { Store::open(o); })) == code(Status::invalid_arg));
    BOOST_TEST(code(code_of([] { Store::open(""); })) == code(Status::invalid_arg));
    BOOST_TEST(code(code_of([] { Store::open("/no/such/folder/x.db"); })) == code(Status::io));
}

BOOST_AUTO_TEST_CASE(the_actor_is_recorded_verbatim_and_must_be_utf8) {
    Store s = Store::open_in_memory();
    BOOST_TEST(s.actor() == "oversight");
    s.set_actor("Felicity Budgen");
    save_team(s, {"Team A", "", ""});
    auto h = s.history();
    BOOST_REQUIRE(h.size() == 1u);
    BOOST_TEST(h[0].actor == "Felicity Budgen");
    BOOST_TEST(h[0].entity == "team");
    BOOST_TEST(h[0].field == "*");
    BOOST_TEST(h[0].at.size() == 20u);  // YYYY-MM-DDTHH:MM:SSZ
    BOOST_TEST(code(code_of([&] { s.set_actor("bad \xff actor"); })) == code(Status::invalid_arg));
    BOOST_TEST(code(code_of([&] { s.set_actor(""); })) == code(Status::invalid_arg));
    BOOST_TEST(s.actor() == "Felicity Budgen");
}

BOOST_AUTO_TEST_CASE(history_filters) {
    Store s = Store::open_in_memory();
    save_team(s, {"Team A", "Mo", ""});  // "*" and "manager"
    save_team(s, {"Team B", "", ""});
    HistoryFilter f;
    f.entity = "team";
    BOOST_TEST(s.history(f).size() == 3u);
    f.entity_id = s.history().back().entity_id;
    BOOST_TEST(s.history(f).size() == 1u);
    f = {};
    f.after_seq = s.history().front().seq;
    BOOST_TEST(s.history(f).size() == 2u);
    f = {};
    f.limit = 1;
    BOOST_TEST(s.history(f).size() == 1u);
    f = {};
    f.entity = "recommendation";
    BOOST_TEST(s.history(f).empty());
}

BOOST_AUTO_TEST_CASE(one_transaction_around_several_changes) {
    Store s = Store::open_in_memory();
    detail::in_transaction(s, "two teams", [&] {
        save_team(s, {"Team A", "", ""});
        save_team(s, {"Team B", "", ""});
    });
    BOOST_TEST(list_teams(s).size() == 2u);
    // A failure anywhere inside undoes everything, history rows included.
    std::string msg;
    BOOST_TEST(code(code_of(
                   [&] {
                       detail::in_transaction(s, "a failing batch", [&] {
                           save_team(s, {"Team C", "", ""});
                           save_worker(s, {"Ann Lee", "No Such Team", ""});
                       });
                   },
                   &msg)) == code(Status::not_found));
    BOOST_TEST(list_teams(s).size() == 2u);
    BOOST_TEST(s.history().size() == 2u);
}

BOOST_AUTO_TEST_CASE(sqlite_failures_become_oversight_errors) {
    TempStore tmp("store_errors");
    Store s = Store::open(tmp.path);
    {
        // Behind the library's back: a constraint of its own (and, below, a missing table).
        SQLite::Database db(tmp.path, SQLite::OPEN_READWRITE);
        db.exec("CREATE TRIGGER no_team_c BEFORE INSERT ON teams WHEN new.name = 'Team C' "
                "BEGIN SELECT RAISE(ABORT, 'no team C here'); END");
    }
    std::string msg;
    BOOST_TEST(code(code_of([&] { save_team(s, {"Team C", "", ""}); }, &msg)) == code(Status::conflict));
    BOOST_TEST(msg.find("no team C here") != std::string::npos);
    BOOST_TEST(msg.find(tmp.path) != std::string::npos);
    {
        SQLite::Database db(tmp.path, SQLite::OPEN_READWRITE);
        db.exec("DROP TABLE acknowledgements");
    }
    BOOST_TEST(code(code_of([&] { find_acknowledgement(s, {"C1", "r", Date::parse_iso("2024-01-01")}); }, &msg)) ==
               code(Status::db));
    BOOST_TEST(msg.find("acknowledgements") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(refuses_foreign_and_newer_databases) {
    TempStore foreign("store_foreign");
    {
        SQLite::Database db(foreign.path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE patients(id INTEGER PRIMARY KEY)");
    }
    BOOST_TEST(code(code_of([&] { Store::open(foreign.path); })) == code(Status::db));
    {
        // Nothing was written into the foreign file.
        SQLite::Database db(foreign.path);
        BOOST_TEST(db.execAndGet("PRAGMA user_version").getInt() == 0);
        BOOST_TEST(!db.tableExists("history"));
    }
    TempStore newer("store_newer");
    Store::open(newer.path);
    {
        SQLite::Database db(newer.path, SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = 999");
    }
    BOOST_TEST(code(code_of([&] { Store::open(newer.path); })) == code(Status::db));
    StoreOptions ro;
    ro.location = newer.path;
    ro.read_only = true;
    BOOST_TEST(code(code_of([&] { Store::open(ro); })) == code(Status::db));
}

// The one Error(internal) of the store a caller could meet: a savepoint
// outside a transaction, a bug in the library (every in_savepoint is inside
// an in_transaction). Provoked through the private seam itself.
BOOST_AUTO_TEST_CASE(a_savepoint_outside_a_transaction_is_an_internal_error) {
    Store s = Store::open_in_memory();
    std::string message;
    bool ran = false;
    BOOST_TEST(static_cast<int>(code_of([&] { detail::in_savepoint(s, "a lone step", [&] { ran = true; }); },
                                        &message)) == static_cast<int>(Status::internal));
    BOOST_TEST(!ran);
    BOOST_TEST(message.find("a lone step: a savepoint needs an open transaction") != std::string::npos, message);
    detail::in_transaction(s, "one step", [&] { detail::in_savepoint(s, "a step", [&] { ran = true; }); });
    BOOST_TEST(ran);
}

BOOST_AUTO_TEST_CASE(a_hosts_own_sqlite_error_from_a_row_function_is_passed_on_as_thrown) {
    // The store turns its own SQLite errors into Error(db); one thrown by
    // the function a report's rows are handed to (for_each_compliance_item,
    // called inside the store's read of a kept report) is the host's, and
    // reaches the host as it was thrown, kept report or counted afresh.
    Store s = Store::open_in_memory();
    const Date as_of = Date::parse_iso("2025-03-31");
    test::write_synthetic_authority(s, 30, as_of);
    const RulePack pack = RulePack::england_default();
    const Calendar cal = Calendar::for_division(Division::england_and_wales);
    ComplianceOptions o;
    o.as_of = as_of;
    keep_compliance(s, pack, cal, o);
    for (bool kept : {true, false}) {
        o.use_kept = kept;
        BOOST_CHECK_EXCEPTION(
            for_each_compliance_item(s, pack, cal, o,
                                     [](ComplianceItem&&) { throw SQLite::Exception("the host's own database", 5); }),
            SQLite::Exception,
            [](const SQLite::Exception& e) { return std::string(e.what()) == "the host's own database"; });
    }
    // The store is usable after: the kept report is read.
    o.use_kept = true;
    BOOST_TEST(!compliance(s, pack, cal, o).kept.empty());
}

BOOST_AUTO_TEST_SUITE_END()
