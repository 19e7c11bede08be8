// Private to lib/store/sqlite: the SQLite connection of a store and the few
// helpers every repository writes through: transactions, the translation of
// SQLite failures, and rows inserted, updated or deleted together with
// their history rows. Table and column names passed here are the library's
// own constants; every value is a bound parameter.
#pragma once

#include <oversight/core/date.hpp>
#include <oversight/store/history.hpp>

#include "core/text.hpp"
#include "store/history_chain.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

namespace oversight::detail::sqlite {

/// A prepared statement kept by its connection for reuse (see Query).
struct CachedStatement {
    CachedStatement(SQLite::Database& db, const std::string& sql) : statement(db, sql) {}
    SQLite::Statement statement;
    bool in_use = false;
};

struct Connection;

/// Replaces SQLite's busy handler (which sleeps up to 100 ms between tries,
/// so that a waiting writer rarely finds the lock free between another
/// writer's back-to-back transactions and may starve) with one that tries
/// again every 0.2-1 ms until busy_timeout_ms has passed.
void wait_when_busy(Connection& c);

struct Connection {
    Connection(const std::string& file, int flags, int busy_timeout_ms, bool read_only)
        : db(file, flags, busy_timeout_ms), path(file), read_only(read_only), busy_timeout_ms(busy_timeout_ms) {
        wait_when_busy(*this);
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    SQLite::Database db;
    std::string path;
    bool read_only;
    int busy_timeout_ms;  // how long transaction() waits for another writer
    std::string actor = "oversight";
    int depth = 0;  // > 0 inside transaction()
    /// When the current wait for another connection's lock began (the busy
    /// handler of wait_when_busy).
    std::chrono::steady_clock::time_point busy_since{};
    /// Statements prepared once and reused, by SQL text (declared after db:
    /// they are finalised before it closes). Bounded: see query().
    mutable std::unordered_map<std::string, std::unique_ptr<CachedStatement>> statements;
    /// Children's row ids by child_ref, as found or written inside the
    /// current write transaction (a batch looks its children up once, not
    /// once per item). Valid only while this connection holds the write
    /// lock: transaction() empties it when a transaction begins and ends and
    /// whenever anything is rolled back (a transaction or a savepoint), and
    /// the casework repository takes out a child it renames or erases.
    /// Bounded (kChildRowCacheSize, then emptied) so that an import's memory
    /// does not grow with the number of children in its file.
    mutable std::unordered_map<std::string, std::int64_t> child_rows;
    /// The sequence and hash of the newest history row, as read or written
    /// inside the current write transaction (record_change_about chains the
    /// next row to it without a query per row). Valid only while this
    /// connection holds the write lock, and emptied exactly when child_rows
    /// is: a rolled-back savepoint may have undone the rows it describes.
    std::optional<std::pair<std::int64_t, std::string>> history_head;
};

/// At most this many entries in Connection::child_rows.
inline constexpr std::size_t kChildRowCacheSize = 4096;

/// A statement from query(): the connection's prepared one for that SQL,
/// with the parameters bound, reset and unbound again when the Query goes
/// (so the next query() of the same SQL reuses it without preparing it
/// again). A Query converts to the SQLite::Statement it runs.
class Query {
public:
    explicit Query(CachedStatement& cached) noexcept : cached_(&cached) { cached.in_use = true; }
    explicit Query(std::unique_ptr<SQLite::Statement> own) noexcept : own_(std::move(own)) {}
    Query(Query&& other) noexcept : cached_(other.cached_), own_(std::move(other.own_)) { other.cached_ = nullptr; }
    Query& operator=(Query&&) = delete;
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;
    ~Query();
    SQLite::Statement& statement() noexcept { return cached_ ? cached_->statement : *own_; }
    operator SQLite::Statement&() noexcept { return statement(); }
    bool executeStep() { return statement().executeStep(); }
    int exec() { return statement().exec(); }
    SQLite::Column getColumn(int index) { return statement().getColumn(index); }

private:
    CachedStatement* cached_ = nullptr;
    std::unique_ptr<SQLite::Statement> own_;
};

/// Turns a SQLite failure into an oversight::Error naming the operation and
/// the store: Error(conflict) for a constraint violation, Error(db) otherwise.
[[noreturn]] void rethrow(const Connection& c, std::string_view what, const SQLite::Exception& e);

/// Runs a read; SQLite failures become oversight::Error.
template <class F>
auto guarded(const Connection& c, std::string_view what, F&& fn) -> decltype(fn()) {
    try {
        return fn();
    } catch (const SQLite::Exception& e) {
        rethrow(c, what, e);
    }
}

/// Runs fn() in one write transaction (BEGIN IMMEDIATE, so a second writer
/// waits for the busy timeout), joining one already open; rolls back and
/// rethrows on any exception, SQLite failures translated. Error(invalid_arg)
/// on a read-only store. BEGIN and COMMIT are retried with backoff while
/// SQLite reports the store busy, until the busy timeout has passed since
/// the call began: then Error(db) saying another connection kept the store
/// locked for longer. fn() itself is never run twice (with the write lock
/// held from BEGIN IMMEDIATE, its statements do not meet SQLITE_BUSY in WAL
/// mode).
void transaction(Connection& c, std::string_view what, const std::function<void()>& fn);

/// Runs fn() as one savepoint inside the open transaction (Error(internal)
/// outside one): on any exception its writes are rolled back to the
/// savepoint and the exception goes on, SQLite failures translated.
void savepoint(Connection& c, std::string_view what, const std::function<void()>& fn);

/// Runs the reads of fn() on one snapshot of the store (BEGIN DEFERRED ...
/// COMMIT outside a transaction; inside one they already are): several
/// SELECTs that make up one answer (a case: its events, attributes and
/// allocations) then never mix two writers' commits.
void snapshot(const Connection& c, const std::function<void()>& fn);

/// transaction() for a function returning a value.
template <class F>
auto write(Connection& c, std::string_view what, F&& fn) -> decltype(fn()) {
    using R = decltype(fn());
    if constexpr (std::is_void_v<R>) {
        transaction(c, what, fn);
    } else {
        std::optional<R> result;
        transaction(c, what, [&] { result.emplace(fn()); });
        return std::move(*result);
    }
}

/// A value as stored: NULL, an integer or text.
using Value = std::variant<std::monostate, std::int64_t, std::string>;
inline Value value(std::string_view s) { return std::string(s); }
inline Value value(const char* s) { return std::string(s); }
inline Value value(std::int64_t v) { return v; }
inline Value value(int v) { return static_cast<std::int64_t>(v); }
inline Value value(bool v) { return static_cast<std::int64_t>(v ? 1 : 0); }
inline Value value(Date d) { return d.iso(); }
template <class T>
Value value(const std::optional<T>& v) {
    return v ? value(*v) : Value{};
}
/// The text the history keeps for a value (NULL stays NULL).
std::optional<std::string> history_text(const Value& v);

/// A statement with `params` bound to ?1, ?2, ...: the connection's cached
/// one for `sql` when it is not already running (a nested query of the same
/// SQL gets a statement of its own). The cache holds at most
/// kStatementCacheSize statements; past that, the idle ones are dropped.
inline constexpr std::size_t kStatementCacheSize = 200;
Query query(const Connection& c, const std::string& sql, const std::vector<Value>& params = {});
/// The first column of the first row, if there is a row.
std::optional<std::int64_t> query_id(const Connection& c, const std::string& sql, const std::vector<Value>& params);
/// The highest history sequence (0 when there is no history).
std::int64_t latest_history_sequence(const Connection& c);

/// A read prepared straight on SQLite (not cached), its rows read without
/// SQLiteCpp's object per column read: for loops over many rows (a kept
/// report's), where that object costs more than the read. Text is valid
/// until the next step. A SQLite failure throws SQLite::Exception, as
/// Query does (guarded() turns it into an oversight::Error).
class Rows {
public:
    Rows(const Connection& c, const std::string& sql, const std::vector<Value>& params);
    ~Rows();
    Rows(const Rows&) = delete;
    Rows& operator=(const Rows&) = delete;

    /// The next row; false after the last.
    bool step();
    bool null(int column) const noexcept { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
    std::int64_t integer(int column) const noexcept { return sqlite3_column_int64(stmt_, column); }
    /// Text, or nullopt for NULL (read as a null pointer, which SQLite also
    /// gives when it runs out of memory: std::bad_alloc then).
    std::optional<std::string_view> opt_text(int column) const {
        // The bytes first, then their count (sqlite3_column_bytes' advice).
        const auto* bytes = sqlite3_column_text(stmt_, column);
        if (!bytes) {
            if (sqlite3_column_type(stmt_, column) != SQLITE_NULL) throw std::bad_alloc();
            return std::nullopt;
        }
        return std::string_view(reinterpret_cast<const char*>(bytes),
                                static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
    }
    /// "" for NULL.
    std::string_view text(int column) const { return opt_text(column).value_or(std::string_view()); }
    /// `to` = the text, reusing its room.
    void text(int column, std::string& to) const { assign_text(to, text(column)); }
    /// An ISO date (Error(invalid_arg) if it is not one).
    Date date(int column) const { return Date::parse_iso(text(column)); }
    std::optional<Date> opt_date(int column) const {
        const std::optional<std::string_view> t = opt_text(column);
        return t ? std::optional<Date>(Date::parse_iso(*t)) : std::nullopt;
    }
    std::optional<std::int64_t> opt_integer(int column) const {
        return null(column) ? std::nullopt : std::optional<std::int64_t>(integer(column));
    }

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

std::optional<std::string> opt_text(const SQLite::Column& column);
std::optional<Date> opt_date(const SQLite::Column& column);
std::optional<std::int64_t> opt_int(const SQLite::Column& column);

/// The history row whose seq, at, actor, entity, entity_id, field,
/// old_value and new_value are the statement's columns first..first+7.
Change change_from(SQLite::Statement& q, int first = 0);

/// Appends one history row (entity, id, field, old, new, actor, UTC time),
/// chained to the newest one: its sequence follows, and it gets a new salt,
/// its values digest and its hash (store/history_chain.hpp).
/// A row about a child's case (entities "child", "allocation",
/// "case_attribute", "event", "acknowledgement", "exemption", "attendance" (through its
/// event); "complaint" and "complaint_stage" when the complaint names a
/// child) also records whose case it
/// is (history.child_id, what an erasure scrubs), looked up from the entity's
/// row: so a row about a deletion is written before the row goes.
void record_change(Connection& c, std::string_view entity, std::int64_t id, std::string_view field,
                   const std::optional<std::string>& old_value, const std::optional<std::string>& new_value);
/// record_change with the child given (nullopt: about no child's case).
void record_change_about(Connection& c, std::optional<std::int64_t> child, std::string_view entity, std::int64_t id,
                         std::string_view field, const std::optional<std::string>& old_value,
                         const std::optional<std::string>& new_value);

struct Column {
    const char* name;
    Value value;
};
/// Inserts a row and records its creation (by convention field "*", new
/// value `summary`); returns the new id.
std::int64_t insert_row(Connection& c, const char* table, const char* entity, const std::vector<Column>& columns,
                        const std::string& summary, std::string_view field = "*");

/// One column of update_row. `field` names it in the history; nullptr: a
/// column derived from another (the parsed parts of a cost) that is written
/// along but neither causes a write nor records a row. `names`: the column
/// holds an id into this table, whose `name_column` the history records
/// instead.
struct Field {
    const char* column;
    const char* field;
    Value value;
    const char* names = nullptr;
    const char* name_column = "name";
};
/// Writes the fields of row `id` when any of them differs from the stored
/// value, in one UPDATE (so CHECKs spanning columns hold), and records one
/// history row per changed field, in order. Returns how many changed.
/// Error(not_found) "<entity> <id> not found" when there is no such row.
int update_row(Connection& c, const char* table, const char* entity, std::int64_t id,
               const std::vector<Field>& fields);

/// Deletes a row and records it (field "*", old value `summary`).
/// Error(not_found) "<entity> <id> not found" when there is no such row.
void delete_row(Connection& c, const char* table, const char* entity, std::int64_t id, const std::string& summary);

/// What the history keeps of a value an erasure removed.
inline constexpr const char* kErased = kErasedValue;

}  // namespace oversight::detail::sqlite
