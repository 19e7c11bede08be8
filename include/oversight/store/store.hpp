// oversight::Store: one SQLite file holding plans, casework and the
// append-only change history. Opening migrates the schema (PRAGMA
// user_version), turns on foreign keys and WAL. Every mutation made through
// the library runs in one transaction and writes its history rows in it.
//
// Threading: a Store may be used by one thread at a time; different Store
// objects (even on the same file) are independent.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <oversight/store/history.hpp>

namespace oversight {

class Store;
namespace detail {
struct StoreImpl;
StoreImpl& impl(Store& store);
const StoreImpl& impl(const Store& store);
}  // namespace detail

class Store {
public:
    /// Opens or creates the file and migrates it to the latest schema.
    /// Throws Error(io) if the file cannot be opened, Error(db) if it is not
    /// an Oversight database or is newer than this library understands.
    static Store open(const std::string& path);
    /// A private in-memory store (tests, one-off reports).
    static Store open_in_memory();

    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;
    ~Store();

    const std::string& path() const noexcept;
    int schema_version() const;
    static int latest_schema_version() noexcept;

    /// Name recorded in the history for the changes that follow ("oversight" by default).
    void set_actor(std::string who);
    const std::string& actor() const noexcept;

    /// The change history, oldest first.
    std::vector<Change> history(const HistoryFilter& filter = {}) const;

private:
    explicit Store(std::unique_ptr<detail::StoreImpl> impl) noexcept;
    friend detail::StoreImpl& detail::impl(Store&);
    friend const detail::StoreImpl& detail::impl(const Store&);
    std::unique_ptr<detail::StoreImpl> impl_;
};

}  // namespace oversight
