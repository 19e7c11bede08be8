// Private to lib/: the Store's SQLite connection, the transaction helper and
// the history writer that every mutation in lib/ goes through.
#pragma once

#include <oversight/core/error.hpp>
#include <oversight/store/store.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace oversight::detail {

struct StoreImpl {
    StoreImpl(const std::string& file, int flags) : db(file, flags), path(file) {}
    SQLite::Database db;
    std::string path;
    std::string actor = "oversight";
    int tx_depth = 0;  // >0 while inside write()
};

/// Turns a SQLite failure into an oversight::Error naming the store and the
/// operation; constraint violations become Status::conflict.
[[noreturn]] void rethrow_db(const StoreImpl& s, std::string_view what, const SQLite::Exception& e);

/// Runs fn() in one transaction (joining an outer one if already inside),
/// commits on success, rolls back on any exception and rethrows it with
/// SQLite errors translated to oversight::Error.
template <class F>
auto write(Store& store, std::string_view what, F&& fn) -> decltype(fn()) {
    StoreImpl& s = impl(store);
    if (s.tx_depth > 0) return fn();
    try {
        SQLite::Transaction tx(s.db);
        ++s.tx_depth;
        struct Depth {
            int& d;
            ~Depth() { --d; }
        } depth{s.tx_depth};
        if constexpr (std::is_void_v<decltype(fn())>) {
            fn();
            tx.commit();
        } else {
            auto result = fn();
            tx.commit();
            return result;
        }
    } catch (const SQLite::Exception& e) {
        rethrow_db(s, what, e);
    }
}

/// Runs a read; SQLite errors become oversight::Error.
template <class F>
auto read(const Store& store, std::string_view what, F&& fn) -> decltype(fn()) {
    try {
        return fn();
    } catch (const SQLite::Exception& e) {
        rethrow_db(impl(store), what, e);
    }
}

/// Sets one TEXT column of one row to `value` (nullopt: NULL) when it differs
/// from the stored value, and records one history row (entity, id, field,
/// old, new). Returns whether it changed anything. Error(not_found) names
/// `entity` when the row does not exist. `table` and `column` are the
/// library's own constants, never user text. Must be called inside write().
bool update_column(StoreImpl& s, std::string_view table, std::string_view entity, std::int64_t id,
                   std::string_view column, std::string_view field, const std::optional<std::string>& value);

/// Appends one history row (must be called inside write()).
void record_change(StoreImpl& s, std::string_view entity, std::int64_t entity_id,
                   std::string_view field, const std::optional<std::string>& old_value,
                   const std::optional<std::string>& new_value);

}  // namespace oversight::detail
