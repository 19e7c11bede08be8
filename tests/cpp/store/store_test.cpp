#include <boost/test/unit_test.hpp>

#include <oversight/core/error.hpp>
#include <oversight/store/store.hpp>

#include "store/db.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>

using namespace oversight;

namespace {

struct TempDb {
    std::string path;
    explicit TempDb(const std::string& name)
        : path((std::filesystem::temp_directory_path() / ("oversight_store_test_" + name + ".db")).string()) {
        clean();
    }
    ~TempDb() { clean(); }
    void clean() {
        for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
    }
};

Status code_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.code();
    }
    return Status::ok;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(store)

BOOST_AUTO_TEST_CASE(opening_migrates_to_the_latest_schema_with_wal_and_foreign_keys) {
    TempDb tmp("migrate");
    {
        Store s = Store::open(tmp.path);
        BOOST_TEST(s.schema_version() == Store::latest_schema_version());
        BOOST_TEST(Store::latest_schema_version() >= 3);
        auto& db = detail::impl(s).db;
        BOOST_TEST(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
        BOOST_TEST(db.execAndGet("PRAGMA foreign_keys").getInt() == 1);
    }
    // Reopening is idempotent.
    Store again = Store::open(tmp.path);
    BOOST_TEST(again.schema_version() == Store::latest_schema_version());
}

BOOST_AUTO_TEST_CASE(history_is_append_only_and_written_inside_the_transaction) {
    Store s = Store::open_in_memory();
    s.set_actor("Felicity Budgen");
    detail::write(s, "test change", [&] {
        detail::record_change(detail::impl(s), "action", 7, "status", std::string("in_progress"),
                              std::string("complete"));
    });
    auto h = s.history();
    BOOST_REQUIRE(h.size() == 1u);
    BOOST_TEST(h[0].actor == "Felicity Budgen");
    BOOST_TEST(h[0].entity == "action");
    BOOST_TEST(h[0].entity_id == 7);
    BOOST_TEST(*h[0].old_value == "in_progress");
    BOOST_TEST(*h[0].new_value == "complete");
    BOOST_TEST(h[0].at.size() == 20u);  // YYYY-MM-DDTHH:MM:SSZ

    auto& db = detail::impl(s).db;
    BOOST_CHECK_THROW(db.exec("UPDATE history SET actor = 'someone else'"), SQLite::Exception);
    BOOST_CHECK_THROW(db.exec("DELETE FROM history"), SQLite::Exception);
    BOOST_TEST(s.history().size() == 1u);

    // A failing write rolls back its history rows too.
    BOOST_TEST(static_cast<int>(code_of([&] {
                   detail::write(s, "failing change", [&] {
                       detail::record_change(detail::impl(s), "action", 8, "lead", std::nullopt, std::string("x"));
                       throw Error(Status::invalid_arg, "refused");
                   });
               })) == static_cast<int>(Status::invalid_arg));
    BOOST_TEST(s.history().size() == 1u);

    // The actor is recorded verbatim, so it must be UTF-8 and not empty.
    BOOST_TEST(static_cast<int>(code_of([&] { s.set_actor("bad \xff actor"); })) ==
               static_cast<int>(Status::invalid_arg));
    BOOST_TEST(static_cast<int>(code_of([&] { s.set_actor(""); })) == static_cast<int>(Status::invalid_arg));
    BOOST_TEST(s.actor() == "Felicity Budgen");

    HistoryFilter f;
    f.entity = "recommendation";
    BOOST_TEST(s.history(f).empty());
}

BOOST_AUTO_TEST_CASE(sql_errors_become_oversight_errors) {
    Store s = Store::open_in_memory();
    Status c = code_of([&] {
        detail::write(s, "bad sql", [&] { detail::impl(s).db.exec("INSERT INTO no_such_table VALUES (1)"); });
    });
    BOOST_TEST(static_cast<int>(c) == static_cast<int>(Status::db));
    c = code_of([&] {
        detail::write(s, "duplicate", [&] {
            detail::impl(s).db.exec("INSERT INTO meta(key, value) VALUES ('application', 'again')");
        });
    });
    BOOST_TEST(static_cast<int>(c) == static_cast<int>(Status::conflict));
}

BOOST_AUTO_TEST_CASE(refuses_foreign_and_newer_databases) {
    TempDb foreign("foreign");
    {
        SQLite::Database db(foreign.path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE patients(id INTEGER PRIMARY KEY)");
    }
    BOOST_TEST(static_cast<int>(code_of([&] { Store::open(foreign.path); })) == static_cast<int>(Status::db));
    {
        // Nothing was written into the foreign file.
        SQLite::Database db(foreign.path);
        BOOST_TEST(db.execAndGet("PRAGMA user_version").getInt() == 0);
        BOOST_TEST(!db.tableExists("history"));
    }

    TempDb newer("newer");
    {
        Store s = Store::open(newer.path);
    }
    {
        SQLite::Database db(newer.path, SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = 999");
    }
    BOOST_TEST(static_cast<int>(code_of([&] { Store::open(newer.path); })) == static_cast<int>(Status::db));

    BOOST_TEST(static_cast<int>(code_of([&] { Store::open(""); })) == static_cast<int>(Status::invalid_arg));
    BOOST_TEST(static_cast<int>(code_of([&] { Store::open("/no/such/folder/x.db"); })) ==
               static_cast<int>(Status::io));
}

BOOST_AUTO_TEST_SUITE_END()
