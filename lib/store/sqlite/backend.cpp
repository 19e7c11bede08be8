// The SQLite backend: one file (or a private in-memory database) per store,
// WAL so that readers do not block the writer, foreign keys on, the schema
// migrated on a read-write open.
#include "store/backend.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/migrator.hpp"
#include "store/sqlite/repositories.hpp"

#include <oversight/core/error.hpp>

#include "casework/attendance_repository.hpp"
#include "casework/casework_repository.hpp"
#include "audit/audit_repository.hpp"
#include "complaints/complaint_repository.hpp"
#include "indicator/indicator_repository.hpp"
#include "supervision/supervision_repository.hpp"
#include "plan/plan_repository.hpp"
#include "reminders/acknowledgement_repository.hpp"
#include "compliance/compliance_repository.hpp"
#include "workforce/workforce_repository.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <thread>

namespace oversight::detail {
namespace sqlite {
namespace {

class SqliteBackend final : public Backend {
public:
    explicit SqliteBackend(std::unique_ptr<Connection> c)
        : c_(std::move(c)),
          plans_(make_plan_repository(*c_)),
          workforce_(make_workforce_repository(*c_)),
          casework_(make_casework_repository(*c_)),
          acknowledgements_(make_acknowledgement_repository(*c_)),
          attendance_(make_attendance_repository(*c_)),
          complaints_(make_complaint_repository(*c_)),
          audits_(make_audit_repository(*c_)),
          supervisions_(make_supervision_repository(*c_)),
          indicators_(make_indicator_repository(*c_)),
          compliance_(make_compliance_repository(*c_)) {}

    int schema_version() const override {
        return guarded(*c_, "reading the schema version",
                       [&] { return c_->db.execAndGet("PRAGMA user_version").getInt(); });
    }

    void set_actor(std::string who) override { c_->actor = std::move(who); }
    const std::string& actor() const noexcept override { return c_->actor; }

    std::vector<Change> history(const HistoryFilter& f) const override {
        return guarded(*c_, "reading history", [&] {
            // Only the conditions given, so that history_entity serves the lookups.
            std::string sql = "SELECT seq, at, actor, entity, entity_id, field, old_value, new_value FROM history "
                              "WHERE 1 = 1";
            std::vector<Value> params;
            auto where = [&](const char* condition, Value v) {
                params.push_back(std::move(v));
                sql += std::string(" AND ") + condition + std::to_string(params.size());
            };
            if (f.entity) where("entity = ?", *f.entity);
            if (f.entity_id) where("entity_id = ?", *f.entity_id);
            if (f.after_seq) where("seq > ?", *f.after_seq);
            sql += " ORDER BY seq";
            if (f.limit) sql += " LIMIT " + std::to_string(f.limit);
            Query q = query(*c_, sql, params);
            std::vector<Change> out;
            while (q.executeStep()) out.push_back(change_from(q.statement()));
            return out;
        });
    }

    std::int64_t latest_sequence() const override {
        return guarded(*c_, "reading history", [&] { return latest_history_sequence(*c_); });
    }

    std::int64_t read_chain(const std::function<void(const ChainedRow&)>& fn) const override {
        return guarded(*c_, "verifying history", [&] {
            std::int64_t issued = 0;
            snapshot(*c_, [&] {
                const auto blob = [](const SQLite::Column& col) {
                    return std::string(static_cast<const char*>(col.getBlob()), static_cast<std::size_t>(col.getBytes()));
                };
                // A statement of its own (not the cache's): fn() may run other queries.
                SQLite::Statement q(const_cast<SQLite::Database&>(c_->db),
                                    "SELECT seq, at, actor, entity, entity_id, field, old_value, new_value, child_id, "
                                    "salt, values_digest, hash FROM history ORDER BY seq");
                ChainedRow row;
                while (q.executeStep()) {
                    row.change = change_from(q);
                    row.child_id = opt_int(q.getColumn(8));
                    row.salt = q.getColumn(9).isNull() ? std::nullopt : std::optional<std::string>(blob(q.getColumn(9)));
                    row.values_digest = blob(q.getColumn(10));
                    row.hash = blob(q.getColumn(11));
                    fn(row);
                    issued = row.change.seq;
                }
                issued = std::max(issued, query_id(*c_, "SELECT seq FROM sqlite_sequence WHERE name = 'history'", {})
                                              .value_or(0));
            });
            return issued;
        });
    }

    std::string store_id() const override {
        return guarded(*c_, "reading the store's identity", [&] {
            Query q = query(*c_, "SELECT value FROM meta WHERE key = 'store_id'");
            if (!q.executeStep())
                throw Error(Status::db, "store " + c_->path + " has no identity (meta store_id)");
            return q.getColumn(0).getString();
        });
    }

    void transaction(std::string_view what, const std::function<void()>& fn) override {
        sqlite::transaction(*c_, what, fn);
    }

    void savepoint(std::string_view what, const std::function<void()>& fn) override {
        sqlite::savepoint(*c_, what, fn);
    }

    PlanRepository& plans() noexcept override { return *plans_; }
    WorkforceRepository& workforce() noexcept override { return *workforce_; }
    CaseworkRepository& casework() noexcept override { return *casework_; }
    AcknowledgementRepository& acknowledgements() noexcept override { return *acknowledgements_; }
    AttendanceRepository& attendance() noexcept override { return *attendance_; }
    ComplaintRepository& complaints() noexcept override { return *complaints_; }
    AuditRepository& audits() noexcept override { return *audits_; }
    SupervisionRepository& supervisions() noexcept override { return *supervisions_; }
    IndicatorRepository& indicators() noexcept override { return *indicators_; }
    ComplianceRepository& compliance() noexcept override { return *compliance_; }

private:
    std::unique_ptr<Connection> c_;
    std::unique_ptr<PlanRepository> plans_;
    std::unique_ptr<WorkforceRepository> workforce_;
    std::unique_ptr<CaseworkRepository> casework_;
    std::unique_ptr<AcknowledgementRepository> acknowledgements_;
    std::unique_ptr<AttendanceRepository> attendance_;
    std::unique_ptr<ComplaintRepository> complaints_;
    std::unique_ptr<AuditRepository> audits_;
    std::unique_ptr<SupervisionRepository> supervisions_;
    std::unique_ptr<IndicatorRepository> indicators_;
    std::unique_ptr<ComplianceRepository> compliance_;
};

/// A new store is owner-only (0600) whatever the umask: it holds data about
/// children. SQLite gives the -wal and -shm files the mode of the database
/// file, so creating that one empty with 0600 before SQLite opens it covers
/// all three. An existing file is left as it is (its mode is the council's
/// choice); another process or thread creating it at the same moment is fine.
///
/// The file is made under a private name and linked into place, so that this
/// code never holds (and so never closes) a descriptor of the store itself:
/// closing any descriptor of a file drops every POSIX lock this process holds
/// on it, and another thread may already have the new store open through
/// SQLite, which locks with exactly those (a lost lock lets a writer in under
/// a reader: "disk I/O error"). On a file system without hard links the file
/// is created in place, which leaves that narrow race.
void create_private_file(const std::string& path) {
    struct stat st;
    if (::stat(path.c_str(), &st) == 0) return;
    const auto make = [](const std::string& name) {
        const int fd = ::open(name.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
        if (fd < 0) return errno;
        // The umask may have taken bits away (0400 under umask 0277): set them.
        const int result = ::fchmod(fd, S_IRUSR | S_IWUSR) == 0 ? 0 : errno;
        ::close(fd);
        return result;
    };
    static std::atomic<unsigned> counter{0};
    const std::string staging = path + ".creating-" + std::to_string(::getpid()) + "-" +
                                std::to_string(counter.fetch_add(1, std::memory_order_relaxed));
    int failure = make(staging);
    if (failure != 0) {
        ::unlink(staging.c_str());
        throw Error(Status::io, "cannot create store " + path + ": " + std::strerror(failure));
    }
    const int linked = ::link(staging.c_str(), path.c_str()) == 0 ? 0 : errno;
    ::unlink(staging.c_str());
    if (linked == 0 || linked == EEXIST) return;
    if (linked != EPERM && linked != ENOTSUP && linked != EOPNOTSUPP && linked != ENOSYS)
        throw Error(Status::io, "cannot create store " + path + ": " + std::strerror(linked));
    failure = make(path);
    if (failure != 0 && failure != EEXIST)
        throw Error(Status::io, "cannot create store " + path + ": " + std::strerror(failure));
}

/// Runs fn, again while SQLite says the database is busy or locked, with
/// pauses growing from 1 to 50 ms, until `timeout` has passed.
template <typename Fn>
void retry_while_busy(std::chrono::milliseconds timeout, Fn fn) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    auto pause = std::chrono::milliseconds(1);
    for (;;) {
        try {
            fn();
            return;
        } catch (const SQLite::Exception& e) {
            const int code = e.getErrorCode() & 0xff;
            if ((code != SQLITE_BUSY && code != SQLITE_LOCKED) || std::chrono::steady_clock::now() + pause > deadline)
                throw;
        }
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::milliseconds(50));
    }
}

Status open_failure_status(const SQLite::Exception& e) {
    const int code = e.getErrorCode() & 0xff;
    return code == SQLITE_CANTOPEN || code == SQLITE_PERM || code == SQLITE_READONLY ? Status::io : Status::db;
}

/// SQLite's message with its extended code and, for an I/O failure, the
/// operating system's errno: what tells one disk I/O error from another.
std::string describe(const SQLite::Exception& e, const Connection* c) {
    std::string out = e.what();
    out += " (SQLite code " + std::to_string(e.getExtendedErrorCode());
    if (c && (e.getErrorCode() & 0xff) == SQLITE_IOERR) {
        const int os = sqlite3_system_errno(c->db.getHandle());
        if (os != 0) out += ", " + std::string(std::strerror(os));
    }
    return out + ")";
}

std::unique_ptr<Connection> connect(const StoreOptions& o) {
    const std::string& path = o.location;
    const bool memory = path == ":memory:";
    if (memory && o.read_only)
        throw Error(Status::invalid_arg, "an in-memory store cannot be opened read-only: it would be empty");
    if (!memory) {
        std::filesystem::path p(path);
        std::error_code ec;
        if (p.has_parent_path() && !std::filesystem::exists(p.parent_path(), ec))
            throw Error(Status::io,
                        "cannot open store " + path + ": folder " + p.parent_path().string() + " does not exist");
        if ((o.read_only || !o.create) && !std::filesystem::exists(p, ec))
            throw Error(Status::not_found, "no store at " + path);
    }
    // No mutex per connection: a Store is used by one thread at a time
    // (store.hpp), SQLite's "multi-thread" mode; its serialized mode would
    // lock a mutex around every column read.
    int flags = (o.read_only ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE) | SQLite::OPEN_NOMUTEX;
    if (!o.read_only && (o.create || memory)) flags |= SQLite::OPEN_CREATE;
    if (!memory && !o.read_only && o.create) create_private_file(path);
    // What the open was doing, for the message if SQLite fails: "disk I/O
    // error" alone tells a council's IT nothing.
    const char* step = "opening the file";
    std::unique_ptr<Connection> c;
    try {
        c = std::make_unique<Connection>(path, flags, static_cast<int>(o.busy_timeout.count()), o.read_only);
        step = "switching foreign keys on";
        c->db.exec("PRAGMA foreign_keys = ON");
        if (o.read_only) {
            step = "checking the schema version";
            check_current(c->db, path);
        } else {
            step = "migrating the schema";
            migrate(c->db, path);
            // WAL: readers (reports) do not block the writer (a case system).
            // Only now, so that a file refused or not migrated is left as it
            // was. Another process opening the file at the same moment may
            // hold the lock the switch needs: retry within the busy timeout.
            step = "switching to WAL";
            if (!memory) retry_while_busy(o.busy_timeout, [&] { c->db.execAndGet("PRAGMA journal_mode = WAL"); });
        }
    } catch (const SQLite::Exception& e) {
        throw Error(open_failure_status(e), "cannot open store " + path + " (" + step + "): " + describe(e, c.get()));
    }
    return c;
}

}  // namespace
}  // namespace sqlite

int sqlite_latest_schema_version() noexcept { return sqlite::latest_schema_version(); }

std::unique_ptr<Backend> open_sqlite(const StoreOptions& options) {
    std::unique_ptr<sqlite::Connection> c = sqlite::connect(options);
    try {
        return std::make_unique<sqlite::SqliteBackend>(std::move(c));
    } catch (const SQLite::Exception& e) {
        throw Error(sqlite::open_failure_status(e),
                    "cannot open store " + options.location + ": " + sqlite::describe(e, nullptr));
    }
}

}  // namespace oversight::detail
