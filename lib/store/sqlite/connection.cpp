#include "store/sqlite/connection.hpp"

#include <oversight/core/error.hpp>

#include "store/history_chain.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <thread>

namespace oversight::detail::sqlite {

void rethrow(const Connection& c, std::string_view what, const SQLite::Exception& e) {
    const std::string msg = std::string(what) + " failed in store " + c.path + ": " + e.what();
    if ((e.getErrorCode() & 0xff) == SQLITE_CONSTRAINT) throw Error(Status::conflict, msg);
    throw Error(Status::db, msg);
}

namespace {

bool is_busy(const SQLite::Exception& e) {
    const int code = e.getErrorCode() & 0xff;
    return code == SQLITE_BUSY || code == SQLITE_LOCKED;
}

/// Runs `sql` (BEGIN IMMEDIATE or COMMIT), retrying while another connection
/// holds the lock until `deadline`: SQLite's busy handler already waits on
/// most conflicts, but some return SQLITE_BUSY at once (a WAL file being
/// recovered or checkpointed, a journal-mode change by another process) and
/// a COMMIT in rollback-journal mode may give up on a reader.
void exec_retrying(Connection& c, const char* sql, std::chrono::steady_clock::time_point deadline) {
    auto pause = std::chrono::milliseconds(1);
    for (;;) {
        try {
            c.db.exec(sql);
            return;
        } catch (const SQLite::Exception& e) {
            if (!is_busy(e) || std::chrono::steady_clock::now() + pause > deadline) throw;
        }
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::milliseconds(50));
    }
}

}  // namespace

namespace {

int busy_handler(void* connection, int tries) {
    Connection& c = *static_cast<Connection*>(connection);
    const auto now = std::chrono::steady_clock::now();
    if (tries == 0) c.busy_since = now;
    if (now - c.busy_since >= std::chrono::milliseconds(c.busy_timeout_ms)) return 0;  // SQLITE_BUSY
    std::this_thread::sleep_for(std::chrono::microseconds(tries < 20 ? 200 : 1000));
    return 1;
}

}  // namespace

void wait_when_busy(Connection& c) { sqlite3_busy_handler(c.db.getHandle(), busy_handler, &c); }

void transaction(Connection& c, std::string_view what, const std::function<void()>& fn) {
    if (c.read_only)
        throw Error(Status::invalid_arg, std::string(what) + ": store " + c.path + " is open read-only");
    if (c.depth > 0) return fn();
    // Rows read before this transaction may have changed since (another
    // connection), and rows of a rolled-back one are gone.
    struct ForgetRows {
        Connection& c;
        explicit ForgetRows(Connection& connection) : c(connection) { forget(); }
        ~ForgetRows() { forget(); }
        void forget() noexcept {
            c.child_rows.clear();
            c.history_head.reset();
        }
    } forget(c);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(c.busy_timeout_ms);
    try {
        exec_retrying(c, "BEGIN IMMEDIATE", deadline);
    } catch (const SQLite::Exception& e) {
        if (is_busy(e))
            throw Error(Status::db, std::string(what) + " failed in store " + c.path +
                                        ": another connection kept it locked for more than the busy timeout (" +
                                        std::to_string(c.busy_timeout_ms) + " ms): " + e.what());
        rethrow(c, what, e);
    }
    bool open = true;
    try {
        {
            struct Depth {
                int& d;
                explicit Depth(int& depth) : d(depth) { ++d; }
                ~Depth() { --d; }
            } depth(c.depth);
            fn();
        }
        // The body may have taken longer than the busy timeout (a large
        // import): the commit gets a wait of its own.
        exec_retrying(c, "COMMIT",
                      std::chrono::steady_clock::now() + std::chrono::milliseconds(c.busy_timeout_ms));
        open = false;
    } catch (const SQLite::Exception& e) {
        if (open) c.db.tryExec("ROLLBACK");
        rethrow(c, what, e);
    } catch (...) {
        if (open) c.db.tryExec("ROLLBACK");
        throw;
    }
}

void snapshot(const Connection& c, const std::function<void()>& fn) {
    if (c.depth > 0 || !sqlite3_get_autocommit(c.db.getHandle())) return fn();
    // SQLiteCpp's Database is not const-correct; BEGIN DEFERRED writes nothing.
    auto& db = const_cast<SQLite::Database&>(c.db);
    db.exec("BEGIN DEFERRED");
    try {
        fn();
    } catch (...) {
        db.tryExec("ROLLBACK");
        throw;
    }
    db.exec("COMMIT");
}

void savepoint(Connection& c, std::string_view what, const std::function<void()>& fn) {
    if (c.depth == 0)
        throw Error(Status::internal,
                    std::string(what) + ": a savepoint needs an open transaction (store " + c.path + ")");
    try {
        query(c, "SAVEPOINT oversight_step").exec();
        try {
            fn();
        } catch (...) {
            // Undo this step only; the transaction goes on. Should the undo
            // itself fail, the first failure is the one worth reporting.
            c.child_rows.clear();  // a child added in this step is gone again
            c.history_head.reset();  // and so are the history rows it wrote
            // After SQLITE_FULL, IOERR, NOMEM or an interrupt SQLite may have
            // rolled the whole transaction back itself: then nothing of the
            // steps before is left, and carrying on would store the steps
            // after in a transaction of their own.
            if (sqlite3_get_autocommit(c.db.getHandle()))
                throw Error(Status::db, std::string(what) + ": the store " + c.path +
                                            " ended the transaction after a failure; nothing of it was stored");
            try {
                query(c, "ROLLBACK TO oversight_step").exec();
                query(c, "RELEASE oversight_step").exec();
            } catch (const SQLite::Exception&) {
            }
            throw;
        }
        query(c, "RELEASE oversight_step").exec();
    } catch (const SQLite::Exception& e) {
        rethrow(c, what, e);
    }
}

std::optional<std::string> history_text(const Value& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    return std::nullopt;
}

namespace {

void bind(SQLite::Statement& q, int index, const Value& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) q.bind(index, static_cast<int64_t>(*i));
    else if (const auto* s = std::get_if<std::string>(&v)) q.bind(index, *s);
    else q.bind(index);
}

/// Binds text without copying it: the caller keeps it alive until the
/// statement has run (the Query's destructor unbinds it).
void bind_view(SQLite::Statement& q, int index, const std::string& text) { q.bindNoCopy(index, text); }

/// bind() without copying text (see bind_view).
void bind_view(SQLite::Statement& q, int index, const Value& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) q.bind(index, static_cast<int64_t>(*i));
    else if (const auto* s = std::get_if<std::string>(&v)) bind_view(q, index, *s);
    else q.bind(index);
}

Value column_value(const SQLite::Column& col) {
    if (col.isNull()) return {};
    if (col.isInteger()) return col.getInt64();
    return col.getString();
}

/// The `column` of row `id` of `table` (history of id columns), NULL for NULL.
std::optional<std::string> name_of(const Connection& c, const char* table, const char* column, const Value& id) {
    if (std::holds_alternative<std::monostate>(id)) return std::nullopt;
    Query q = query(c, std::string("SELECT ") + column + " FROM " + table + " WHERE id = ?1", {id});
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getString();
}

/// The entities whose rows belong to a child's case (besides "child"), and their tables.
const std::pair<std::string_view, const char*> kChildTables[] = {{"allocation", "allocations"},
                                                                  {"case_attribute", "case_attributes"},
                                                                  {"event", "events"},
                                                                  {"acknowledgement", "acknowledgements"},
                                                                  {"exemption", "exemptions"},
                                                                  {"supervision_case", "supervision_cases"}};

/// The child whose case a row of `entity` belongs to (nullopt: no child's).
std::optional<std::int64_t> child_of(const Connection& c, std::string_view entity, std::int64_t id) {
    if (entity == "child") return id;
    // Rows about a child's case through another row: an invitation through
    // its event; a complaint (and its stages) when it names a child.
    if (entity == "attendance")
        return query_id(c, "SELECT e.child_id FROM attendance a JOIN events e ON e.id = a.event_id WHERE a.id = ?1",
                        {id});
    if (entity == "audit_case") return query_id(c, "SELECT child_id FROM audit_cases WHERE id = ?1", {id});
    if (entity == "complaint") return query_id(c, "SELECT child_id FROM complaints WHERE id = ?1", {id});
    if (entity == "complaint_stage")
        return query_id(c,
                        "SELECT k.child_id FROM complaint_stages s JOIN complaints k ON k.id = s.complaint_id "
                        "WHERE s.id = ?1",
                        {id});
    for (const auto& [name, table] : kChildTables)
        if (entity == name) return query_id(c, std::string("SELECT child_id FROM ") + table + " WHERE id = ?1", {id});
    return std::nullopt;
}

/// child_of for a row just inserted with `columns`: its child_id column, read
/// from the values rather than from the table again (the row was just written
/// with it). Falls back to child_of when the column is not among them.
std::optional<std::int64_t> child_of_inserted(const Connection& c, std::string_view entity, std::int64_t id,
                                              const std::vector<Column>& columns) {
    for (const auto& [name, table] : kChildTables) {
        if (entity != name) continue;
        for (const Column& col : columns)
            if (std::string_view(col.name) == "child_id")
                if (const auto* v = std::get_if<std::int64_t>(&col.value)) return *v;
        break;
    }
    return child_of(c, entity, id);
}

}  // namespace

Query::~Query() {
    if (!cached_) return;
    // tryReset() returns the last step's error (already reported) instead of throwing.
    cached_->statement.tryReset();
    try {
        cached_->statement.clearBindings();
    } catch (...) {
        // sqlite3_clear_bindings always succeeds; nothing to report from a destructor.
    }
    cached_->in_use = false;
}

Query query(const Connection& c, const std::string& sql, const std::vector<Value>& params) {
    // SQLiteCpp statements take a non-const Database; reads never write.
    auto& db = const_cast<SQLite::Database&>(c.db);
    auto bind_all = [&](SQLite::Statement& q) {
        for (std::size_t i = 0; i < params.size(); ++i) bind(q, static_cast<int>(i + 1), params[i]);
    };
    auto found = c.statements.find(sql);
    if (found != c.statements.end() && found->second->in_use) {
        auto own = std::make_unique<SQLite::Statement>(db, sql);
        bind_all(*own);
        return Query(std::move(own));
    }
    if (found == c.statements.end()) {
        if (c.statements.size() >= kStatementCacheSize) {
            for (auto it = c.statements.begin(); it != c.statements.end();)
                it = it->second->in_use ? std::next(it) : c.statements.erase(it);
        }
        found = c.statements.emplace(sql, std::make_unique<CachedStatement>(db, sql)).first;
    }
    Query q(*found->second);
    bind_all(q.statement());
    return q;
}

std::int64_t latest_history_sequence(const Connection& c) {
    return query_id(c, "SELECT coalesce(max(seq), 0) FROM history", {}).value_or(0);
}

std::optional<std::int64_t> query_id(const Connection& c, const std::string& sql, const std::vector<Value>& params) {
    Query q = query(c, sql, params);
    if (!q.executeStep() || q.getColumn(0).isNull()) return std::nullopt;
    return q.getColumn(0).getInt64();
}

std::optional<std::string> opt_text(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    return column.getString();
}

Rows::Rows(const Connection& c, const std::string& sql, const std::vector<Value>& params)
    : db_(c.db.getHandle()) {
    int rc = sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size() + 1), &stmt_, nullptr);
    for (std::size_t i = 0; rc == SQLITE_OK && i < params.size(); ++i) {
        const int at = static_cast<int>(i + 1);
        if (const auto* n = std::get_if<std::int64_t>(&params[i])) rc = sqlite3_bind_int64(stmt_, at, *n);
        else if (const auto* t = std::get_if<std::string>(&params[i]))
            rc = sqlite3_bind_text64(stmt_, at, t->data(), t->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
        else rc = sqlite3_bind_null(stmt_, at);
    }
    if (rc != SQLITE_OK) {
        SQLite::Exception e(db_, rc);
        sqlite3_finalize(stmt_);
        throw e;
    }
}

Rows::~Rows() { sqlite3_finalize(stmt_); }

bool Rows::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw SQLite::Exception(db_, rc);
}

std::optional<Date> opt_date(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    // The text first, then its length (sqlite3_column_bytes' advice); no copy.
    const char* text = column.getText();
    return Date::parse_iso(std::string_view(text, static_cast<std::size_t>(column.getBytes())));
}

std::optional<std::int64_t> opt_int(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    return column.getInt64();
}

Change change_from(SQLite::Statement& q, int first) {
    Change c;
    c.seq = q.getColumn(first).getInt64();
    c.at = q.getColumn(first + 1).getString();
    c.actor = q.getColumn(first + 2).getString();
    c.entity = q.getColumn(first + 3).getString();
    c.entity_id = q.getColumn(first + 4).getInt64();
    c.field = q.getColumn(first + 5).getString();
    c.old_value = opt_text(q.getColumn(first + 6));
    c.new_value = opt_text(q.getColumn(first + 7));
    return c;
}

void record_change(Connection& c, std::string_view entity, std::int64_t id, std::string_view field,
                   const std::optional<std::string>& old_value, const std::optional<std::string>& new_value) {
    record_change_about(c, child_of(c, entity, id), entity, id, field, old_value, new_value);
}

namespace {

/// The newest history row's sequence (or the highest ever given, should
/// that be higher) and hash: the connection's when it holds them.
const std::pair<std::int64_t, std::string>& history_head(Connection& c) {
    if (c.depth > 0 && c.history_head) return *c.history_head;
    Query q = query(c,
                    "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'history'), 0), "
                    "coalesce((SELECT max(seq) FROM history), 0)), "
                    "(SELECT hash FROM history ORDER BY seq DESC LIMIT 1)");
    q.executeStep();
    const SQLite::Column hash = q.getColumn(1);
    c.history_head.emplace(q.getColumn(0).getInt64(),
                           hash.isNull() ? history_genesis_hash()
                                         : std::string(static_cast<const char*>(hash.getBlob()),
                                                       static_cast<std::size_t>(hash.getBytes())));
    return *c.history_head;
}

}  // namespace

void record_change_about(Connection& c, std::optional<std::int64_t> child, std::string_view entity, std::int64_t id,
                         std::string_view field, const std::optional<std::string>& old_value,
                         const std::optional<std::string>& new_value) {
    static const std::string kSql =
        "INSERT INTO history(seq, at, actor, entity, entity_id, field, old_value, new_value, child_id, salt, "
        "values_digest, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
    const auto& [previous_seq, previous_hash] = history_head(c);
    Change row;
    row.seq = previous_seq + 1;
    row.at = utc_timestamp_now();
    row.actor = c.actor;
    row.entity = std::string(entity);
    row.entity_id = id;
    row.field = std::string(field);
    const std::string salt = new_history_salt();
    const std::string digest = history_values_digest(salt, old_value, new_value);
    std::string hash = history_entry_hash(row, child, digest, previous_hash);
    {
        // Bound in place, not copied: every text lives until exec() has run.
        Query q = query(c, kSql);
        SQLite::Statement& s = q.statement();
        s.bind(1, static_cast<int64_t>(row.seq));
        bind_view(s, 2, row.at);
        bind_view(s, 3, row.actor);
        bind_view(s, 4, row.entity);
        s.bind(5, static_cast<int64_t>(id));
        bind_view(s, 6, row.field);
        if (old_value) bind_view(s, 7, *old_value);
        else s.bind(7);
        if (new_value) bind_view(s, 8, *new_value);
        else s.bind(8);
        if (child) s.bind(9, static_cast<int64_t>(*child));
        else s.bind(9);
        s.bindNoCopy(10, salt.data(), static_cast<int>(salt.size()));
        s.bindNoCopy(11, digest.data(), static_cast<int>(digest.size()));
        s.bindNoCopy(12, hash.data(), static_cast<int>(hash.size()));
        q.exec();
    }
    if (c.depth > 0) c.history_head.emplace(row.seq, std::move(hash));
    else c.history_head.reset();
}

std::int64_t insert_row(Connection& c, const char* table, const char* entity, const std::vector<Column>& columns,
                        const std::string& summary, std::string_view field) {
    // "INSERT INTO table(a, b) VALUES (?1, ?2)", written into one buffer
    // (a batch inserts thousands of rows) and the values bound in place.
    thread_local std::string sql;
    sql.assign("INSERT INTO ").append(table).append("(");
    for (std::size_t i = 0; i < columns.size(); ++i) sql.append(i ? ", " : "").append(columns[i].name);
    sql.append(") VALUES (");
    for (std::size_t i = 0; i < columns.size(); ++i) sql.append(i ? ", ?" : "?").append(std::to_string(i + 1));
    sql.append(")");
    {
        Query q = query(c, sql);
        for (std::size_t i = 0; i < columns.size(); ++i)
            bind_view(q.statement(), static_cast<int>(i + 1), columns[i].value);
        q.exec();
    }
    const std::int64_t id = c.db.getLastInsertRowid();
    record_change_about(c, child_of_inserted(c, entity, id, columns), entity, id, field, std::nullopt, summary);
    return id;
}

int update_row(Connection& c, const char* table, const char* entity, std::int64_t id,
               const std::vector<Field>& fields) {
    std::string columns, sets;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        columns += (i ? ", " : "") + std::string(fields[i].column);
        sets += (i ? ", " : "") + std::string(fields[i].column) + " = ?" + std::to_string(i + 1);
    }
    std::vector<Value> old;
    {
        Query get = query(c, "SELECT " + columns + " FROM " + table + " WHERE id = ?1", {id});
        if (!get.executeStep())
            throw Error(Status::not_found, std::string(entity) + " " + std::to_string(id) + " not found");
        for (std::size_t i = 0; i < fields.size(); ++i) old.push_back(column_value(get.getColumn(static_cast<int>(i))));
    }
    std::vector<std::size_t> changed;
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].field && old[i] != fields[i].value) changed.push_back(i);
    if (changed.empty()) return 0;
    std::vector<Value> values;
    for (const Field& f : fields) values.push_back(f.value);
    values.push_back(id);
    query(c, std::string("UPDATE ") + table + " SET " + sets + " WHERE id = ?" + std::to_string(values.size()), values)
        .exec();
    for (std::size_t i : changed) {
        const Field& f = fields[i];
        if (f.names)
            record_change(c, entity, id, f.field, name_of(c, f.names, f.name_column, old[i]),
                          name_of(c, f.names, f.name_column, f.value));
        else
            record_change(c, entity, id, f.field, history_text(old[i]), history_text(f.value));
    }
    return static_cast<int>(changed.size());
}

void delete_row(Connection& c, const char* table, const char* entity, std::int64_t id, const std::string& summary) {
    if (!query_id(c, std::string("SELECT id FROM ") + table + " WHERE id = ?1", {id}))
        throw Error(Status::not_found, std::string(entity) + " " + std::to_string(id) + " not found");
    record_change(c, entity, id, "*", summary, std::nullopt);  // first: it looks up whose case the row is
    query(c, std::string("DELETE FROM ") + table + " WHERE id = ?1", {id}).exec();
}

}  // namespace oversight::detail::sqlite
