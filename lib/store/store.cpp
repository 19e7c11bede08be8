#include "store/db.hpp"
#include "store/migrator.hpp"
#include "core/text.hpp"

#include <oversight/core/date.hpp>

#include <sqlite3.h>

#include <filesystem>

namespace oversight {
namespace detail {
namespace {

void configure_and_migrate(StoreImpl& s) {
    s.db.exec("PRAGMA foreign_keys = ON");
    s.db.setBusyTimeout(5000);
    if (s.path != ":memory:") {
        // WAL: readers do not block the writer (reports while a case system writes).
        std::string mode = s.db.execAndGet("PRAGMA journal_mode = WAL").getString();
        (void)mode;
    }
    migrate(s.db, s.path);
}

std::unique_ptr<StoreImpl> open_impl(const std::string& path) {
    try {
        auto s = std::make_unique<StoreImpl>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        configure_and_migrate(*s);
        return s;
    } catch (const SQLite::Exception& e) {
        int code = e.getErrorCode();
        if (code == SQLITE_CANTOPEN || code == SQLITE_PERM || code == SQLITE_READONLY)
            throw Error(Status::io, "cannot open store " + path + ": " + e.what());
        throw Error(Status::db, "cannot open store " + path + ": " + e.what());
    }
}

}  // namespace

void rethrow_db(const StoreImpl& s, std::string_view what, const SQLite::Exception& e) {
    int code = e.getErrorCode() & 0xff;
    std::string msg = std::string(what) + " failed in store " + s.path + ": " + e.what();
    if (code == SQLITE_CONSTRAINT) throw Error(Status::conflict, msg);
    throw Error(Status::db, msg);
}

void record_change(StoreImpl& s, std::string_view entity, std::int64_t entity_id, std::string_view field,
                   const std::optional<std::string>& old_value, const std::optional<std::string>& new_value) {
    SQLite::Statement ins(s.db,
                          "INSERT INTO history(at, actor, entity, entity_id, field, old_value, new_value) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, utc_timestamp_now());
    ins.bind(2, s.actor);
    ins.bind(3, std::string(entity));
    ins.bind(4, static_cast<std::int64_t>(entity_id));
    ins.bind(5, std::string(field));
    if (old_value) ins.bind(6, *old_value); else ins.bind(6);
    if (new_value) ins.bind(7, *new_value); else ins.bind(7);
    ins.exec();
}

bool update_column(StoreImpl& s, std::string_view table, std::string_view entity, std::int64_t id,
                   std::string_view column, std::string_view field, const std::optional<std::string>& value) {
    const std::string where = std::string(table) + " WHERE id = ?";
    SQLite::Statement get(s.db, "SELECT " + std::string(column) + " FROM " + where);
    get.bind(1, id);
    if (!get.executeStep())
        throw Error(Status::not_found, std::string(entity) + " " + std::to_string(id) + " not found");
    std::optional<std::string> old;
    if (!get.getColumn(0).isNull()) old = get.getColumn(0).getString();
    get.reset();
    if (old == value) return false;
    SQLite::Statement put(s.db, "UPDATE " + std::string(table) + " SET " + std::string(column) + " = ? WHERE id = ?");
    if (value) put.bind(1, *value); else put.bind(1);
    put.bind(2, id);
    put.exec();
    record_change(s, entity, id, field, old, value);
    return true;
}

StoreImpl& impl(Store& store) { return *store.impl_; }
const StoreImpl& impl(const Store& store) { return *store.impl_; }

}  // namespace detail

Store::Store(std::unique_ptr<detail::StoreImpl> impl) noexcept : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::open(const std::string& path) {
    if (path.empty()) throw Error(Status::invalid_arg, "store path is empty");
    if (path.find('\0') != std::string::npos) throw Error(Status::invalid_arg, "store path contains a NUL byte");
    std::filesystem::path p(path);
    if (p.has_parent_path() && !std::filesystem::exists(p.parent_path()))
        throw Error(Status::io, "cannot open store " + path + ": folder " + p.parent_path().string() + " does not exist");
    return Store(detail::open_impl(path));
}

Store Store::open_in_memory() { return Store(detail::open_impl(":memory:")); }

const std::string& Store::path() const noexcept { return impl_->path; }

int Store::schema_version() const {
    return detail::read(*this, "reading schema version",
                        [&] { return impl_->db.execAndGet("PRAGMA user_version").getInt(); });
}

int Store::latest_schema_version() noexcept { return detail::latest_schema_version(); }

void Store::set_actor(std::string who) {
    if (who.empty()) throw Error(Status::invalid_arg, "actor name is empty");
    if (std::size_t bad = detail::utf8_error_offset(who); bad != std::string::npos)
        throw Error(Status::invalid_arg, "actor name: invalid UTF-8 at byte " + std::to_string(bad + 1));
    impl_->actor = std::move(who);
}

const std::string& Store::actor() const noexcept { return impl_->actor; }

std::vector<Change> Store::history(const HistoryFilter& f) const {
    return detail::read(*this, "reading history", [&] {
        std::string sql = "SELECT seq, at, actor, entity, entity_id, field, old_value, new_value FROM history WHERE 1=1";
        if (f.entity) sql += " AND entity = :entity";
        if (f.entity_id) sql += " AND entity_id = :entity_id";
        if (f.after_seq) sql += " AND seq > :after";
        sql += " ORDER BY seq";
        if (f.limit) sql += " LIMIT " + std::to_string(f.limit);
        SQLite::Statement q(impl_->db, sql);
        if (f.entity) q.bind(":entity", *f.entity);
        if (f.entity_id) q.bind(":entity_id", static_cast<std::int64_t>(*f.entity_id));
        if (f.after_seq) q.bind(":after", static_cast<std::int64_t>(*f.after_seq));
        std::vector<Change> out;
        while (q.executeStep()) {
            Change c;
            c.seq = q.getColumn(0).getInt64();
            c.at = q.getColumn(1).getString();
            c.actor = q.getColumn(2).getString();
            c.entity = q.getColumn(3).getString();
            c.entity_id = q.getColumn(4).getInt64();
            c.field = q.getColumn(5).getString();
            if (!q.getColumn(6).isNull()) c.old_value = q.getColumn(6).getString();
            if (!q.getColumn(7).isNull()) c.new_value = q.getColumn(7).getString();
            out.push_back(std::move(c));
        }
        return out;
    });
}

}  // namespace oversight
