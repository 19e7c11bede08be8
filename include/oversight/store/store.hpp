// oversight::Store: where plans, the workforce, casework and the
// append-only change history are kept. A store has a backend (SQLite today);
// opening one read-write migrates its schema to the latest version. Every
// mutation made through the library runs in one transaction and writes its
// history rows in it (who changed what, when, from what to what). Text that
// is not UTF-8 is refused on every write, naming the place ("action 2.5
// description: invalid UTF-8 at byte N").
//
// Threads and processes: a Store may be used by one thread at a time (it
// may move between threads; it is never shared). Different Store objects,
// in any threads or processes, may open the same file at once, a new one
// included (the first to get the lock creates and migrates it, the others
// find it migrated), and write to it: a writer waits for another's write
// transaction for up to StoreOptions::busy_timeout, the wait retried with
// backoff where SQLite gives up early, so "database is locked" reaches a
// caller only when one transaction held the store for longer than that
// (then Error(db) saying so). Reads take no lock a writer waits for (WAL
// mode); each read sees the store as committed when it began.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <oversight/store/history.hpp>

namespace oversight {

/// The database a store lives in.
enum class StoreBackend { sqlite };
/// "sqlite".
std::string_view to_string(StoreBackend backend) noexcept;
/// Inverse of to_string (case and spacing folded); Error(invalid_arg) naming the text.
StoreBackend parse_store_backend(std::string_view text);

/// How to open a store.
struct StoreOptions {
    StoreBackend backend = StoreBackend::sqlite;
    /// SQLite: the file path; ":memory:" for a private in-memory store.
    std::string location;
    /// Never creates or migrates; every write gives Error(invalid_arg)
    /// "store ... is open read-only".
    bool read_only = false;
    /// Create the file when it is missing (ignored when read_only).
    bool create = true;
    /// Wait this long for another writer's lock before failing (0..600000 ms).
    std::chrono::milliseconds busy_timeout{5000};
};

class Store;
namespace detail {
class Backend;  // lib/store/backend.hpp
Backend& backend(Store& store);
const Backend& backend(const Store& store);
}  // namespace detail

class Store {
public:
    /// Opens the store `options` describe; read-write opens migrate it to the
    /// latest schema. Error(invalid_arg) for bad options; Error(not_found)
    /// "no store at PATH" when the file is missing and may not be created
    /// (create = false, or read_only); Error(io) if it cannot be opened;
    /// Error(db) if it is not an Oversight store, is newer than this library
    /// understands, or (read_only) is older and must first be opened
    /// read-write to be migrated.
    static Store open(const StoreOptions& options);
    /// The default options at `location`.
    static Store open(const std::string& location);
    /// A private in-memory store (tests, one-off reports).
    static Store open_in_memory();

    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;
    ~Store();

    const StoreOptions& options() const noexcept;
    /// options().location.
    const std::string& path() const noexcept;
    int schema_version() const;
    /// The schema version this library migrates stores to.
    static int latest_schema_version() noexcept;

    /// Name recorded in the history for the changes that follow ("oversight"
    /// by default). Error(invalid_arg) for an empty name or invalid UTF-8.
    void set_actor(std::string who);
    const std::string& actor() const noexcept;

    /// The change history, oldest first.
    std::vector<Change> history(const HistoryFilter& filter = {}) const;

private:
    Store(StoreOptions options, std::unique_ptr<detail::Backend> backend) noexcept;
    friend detail::Backend& detail::backend(Store&);
    friend const detail::Backend& detail::backend(const Store&);
    StoreOptions options_;
    std::unique_ptr<detail::Backend> backend_;
};

}  // namespace oversight
