#include "store/sqlite/migrator.hpp"

#include <oversight/core/error.hpp>

#include "core/embedded.hpp"
#include "store/history_chain.hpp"
#include "store/sqlite/connection.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <optional>
#include <string_view>

namespace oversight::detail {

// generated/kSqliteMigrations.cpp (lib/store/CMakeLists.txt), in file-name order.
extern const EmbeddedFile kSqliteMigrations[];
extern const std::size_t kSqliteMigrationsCount;

namespace sqlite {
namespace {

/// Migration files are numbered from 0001 without gaps: the number is the
/// schema version the file brings a store to.
void check_numbering() {
    for (std::size_t i = 0; i < kSqliteMigrationsCount; ++i) {
        std::string expected = std::to_string(i + 1);
        expected = std::string(4 - std::min<std::size_t>(4, expected.size()), '0') + expected + "_";
        if (std::string_view(kSqliteMigrations[i].name).substr(0, 5) != expected)
            throw Error(Status::internal, std::string("migration ") + kSqliteMigrations[i].name +
                                              " is out of sequence: expected " + expected + "...");
    }
}

/// The store's schema version, after refusing what is not an Oversight store
/// or is newer than this library.
int checked_version(SQLite::Database& db, const std::string& path) {
    const int version = db.execAndGet("PRAGMA user_version").getInt();
    const int latest = latest_schema_version();
    if (version > latest)
        throw Error(Status::db, "database " + path + " has schema version " + std::to_string(version) +
                                    ", newer than this library understands (" + std::to_string(latest) + ")");
    if (version > 0) {
        // Refuse a foreign SQLite file rather than writing into it.
        SQLite::Statement q(db, "SELECT value FROM meta WHERE key = 'application'");
        if (!q.executeStep() || q.getColumn(0).getString() != "oversight")
            throw Error(Status::db, "database " + path + " is not an Oversight store");
    } else if (db.execAndGet("SELECT count(*) FROM sqlite_master WHERE type = 'table'").getInt() > 0) {
        throw Error(Status::db, "database " + path + " already holds tables that are not Oversight's");
    }
    return version;
}

/// Migration 0006's step: copies every history row into history_v6, oldest
/// first, with a new salt, its values digest and its hash chained to the
/// row before (history_chain.hpp).
void chain_history(SQLite::Database& db) {
    SQLite::Statement rows(db,
                           "SELECT seq, at, actor, entity, entity_id, field, old_value, new_value, child_id "
                           "FROM history ORDER BY seq");
    SQLite::Statement insert(db,
                             "INSERT INTO history_v6(seq, at, actor, entity, entity_id, field, old_value, new_value, "
                             "child_id, salt, values_digest, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                             "?11, ?12)");
    std::string previous = history_genesis_hash();
    while (rows.executeStep()) {
        const Change change = change_from(rows);
        const std::optional<std::int64_t> child = opt_int(rows.getColumn(8));
        const std::string salt = new_history_salt();
        const std::string digest = history_values_digest(salt, change.old_value, change.new_value);
        std::string hash = history_entry_hash(change, child, digest, previous);
        for (int i = 1; i <= 9; ++i) {
            const SQLite::Column col = rows.getColumn(i - 1);
            if (col.isNull()) insert.bind(i);
            else if (col.isInteger()) insert.bind(i, static_cast<int64_t>(col.getInt64()));
            else insert.bind(i, col.getString());
        }
        insert.bind(10, salt.data(), static_cast<int>(salt.size()));
        insert.bind(11, digest.data(), static_cast<int>(digest.size()));
        insert.bind(12, hash.data(), static_cast<int>(hash.size()));
        insert.exec();
        insert.reset();
        insert.clearBindings();
        previous = std::move(hash);
    }
}

/// The C++ steps a migration may name with a line "-- oversight:step <name>":
/// the SQL before the line runs, then the step, then the SQL after it.
struct Step {
    const char* name;
    void (*run)(SQLite::Database&);
};
constexpr Step kSteps[] = {{"chain_history", chain_history}};
constexpr std::string_view kStepMarker = "-- oversight:step ";

/// Runs one migration's text, with the C++ steps it names.
void run_migration(SQLite::Database& db, std::string_view text, const std::string& name) {
    for (;;) {
        const std::size_t at = text.find(kStepMarker);
        if (at == std::string_view::npos) {
            db.exec(std::string(text));
            return;
        }
        db.exec(std::string(text.substr(0, at)));
        std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        std::string_view step = text.substr(at + kStepMarker.size(), end - at - kStepMarker.size());
        while (!step.empty() && (step.back() == '\r' || step.back() == ' ')) step.remove_suffix(1);
        const auto found = std::find_if(std::begin(kSteps), std::end(kSteps),
                                        [&](const Step& s) { return step == s.name; });
        if (found == std::end(kSteps))
            throw Error(Status::internal, "migration " + name + " names an unknown step \"" + std::string(step) + "\"");
        found->run(db);
        text.remove_prefix(end);
    }
}

}  // namespace

int latest_schema_version() noexcept { return static_cast<int>(kSqliteMigrationsCount); }

void check_current(SQLite::Database& db, const std::string& path) {
    const int version = checked_version(db, path);
    if (version < latest_schema_version())
        throw Error(Status::db, "store " + path + " has schema version " + std::to_string(version) +
                                    ": open it read-write first, to migrate it to version " +
                                    std::to_string(latest_schema_version()) + ", before opening it read-only");
}

void migrate(SQLite::Database& db, const std::string& path) {
    check_numbering();
    const int latest = latest_schema_version();
    {
        // One read transaction, so that the version and the tables are read
        // from one state of the file: another process may be migrating it.
        SQLite::Transaction read(db, SQLite::TransactionBehavior::DEFERRED);
        const int version = checked_version(db, path);
        read.commit();
        if (version == latest) return;
    }
    // A migration may rebuild a table (SQLite's ALTER TABLE cannot add a
    // CHECK or make a table STRICT), which needs foreign keys off; they are
    // checked as a whole before each commit instead. The pragma is a no-op
    // inside a transaction, so it is switched outside.
    db.exec("PRAGMA foreign_keys = OFF");
    try {
        for (;;) {
            // BEGIN IMMEDIATE, then the version read again inside: two
            // processes opening (or creating) the same store at once take
            // turns, and the second finds the migrations the first applied
            // instead of applying them twice.
            SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
            const int v = checked_version(db, path);
            if (v >= latest) {
                tx.commit();
                break;
            }
            const std::string name = kSqliteMigrations[v].name;
            try {
                run_migration(db, kSqliteMigrations[v].text(), name);
            } catch (const SQLite::Exception& e) {
                throw Error(Status::db, "migration " + name + " of store " + path + " failed: " + e.what() +
                                            " (the store keeps schema version " + std::to_string(v) + ")");
            }
            SQLite::Statement dangling(db, "PRAGMA foreign_key_check");
            if (dangling.executeStep())
                throw Error(Status::db, "migration " + name + " of store " + path +
                                            " would leave a dangling reference in table " +
                                            dangling.getColumn(0).getString());
            db.exec("PRAGMA user_version = " + std::to_string(v + 1));
            tx.commit();
        }
    } catch (...) {
        db.exec("PRAGMA foreign_keys = ON");
        throw;
    }
    db.exec("PRAGMA foreign_keys = ON");
}

}  // namespace sqlite
}  // namespace oversight::detail
