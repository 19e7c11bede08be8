// Private to lib/: what every subsystem may ask of the store it is given
// without depending on the store subsystem: one transaction around several
// repository calls (the SSDA903 import, a merge of two people, any
// check-then-write) and the store's path for messages. Defined by the store
// (lib/store/store.cpp), which implements every subsystem's repositories.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

namespace detail {

/// Runs fn() in one transaction of the store, joining one already open:
/// everything fn() writes is committed together, or, if fn() throws,
/// nothing is (the exception goes on). `what` names the operation in errors
/// ("importing SSDA903 from DIR failed in store PATH: ..."). A read-only
/// store refuses with Error(invalid_arg).
void in_transaction(Store& store, std::string_view what, const std::function<void()>& fn);

/// Runs fn() inside the transaction in_transaction opened (Error(internal)
/// outside one), as one step that can fail alone (an SQL savepoint): if fn()
/// throws, what it wrote is undone and the exception goes on (SQLite
/// failures as oversight::Error naming `what`), while the transaction stays
/// open with everything written before. A batch checks each of its items so.
void in_savepoint(Store& store, std::string_view what, const std::function<void()>& fn);

/// Where the store is (Store::path()), for messages: "plan 7 not found in store PATH".
const std::string& store_path(const Store& store) noexcept;

/// Who the store records as making changes (Store::actor()).
const std::string& store_actor(const Store& store) noexcept;

}  // namespace detail
}  // namespace oversight
