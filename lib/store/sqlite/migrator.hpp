// Private to lib/store/sqlite: the one migrator. A store's schema version is
// its PRAGMA user_version, the number of migrations applied; migrations are
// the numbered files lib/store/sqlite/migrations/NNNN_<what>.sql, compiled
// in, applied in order, each in its own transaction.
#pragma once

#include <SQLiteCpp/Database.h>

#include <string>

namespace oversight::detail::sqlite {

/// The number of migrations this library knows: the latest schema version.
int latest_schema_version() noexcept;

/// Brings the store at `path` (for messages) up to the latest schema.
/// Refuses, with Error(db), a file that is not an Oversight store, one with
/// tables of its own, and one newer than this library. A migration that
/// fails, or that leaves a foreign key dangling, is rolled back whole and
/// the store keeps its previous version.
void migrate(SQLite::Database& db, const std::string& path);

/// For a store opened read-only: Error(db) unless it is an Oversight store at
/// the latest schema (an older one must first be opened read-write).
void check_current(SQLite::Database& db, const std::string& path);

}  // namespace oversight::detail::sqlite
