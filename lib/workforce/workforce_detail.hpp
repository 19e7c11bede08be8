// Private to lib/: what the workforce offers the subsystems that use it
// beyond its public API.
#pragma once

#include <string_view>

namespace oversight {

class Store;

namespace detail {

/// The workforce's part of merge_people (plan_store.hpp): when `from` and
/// `into` are two people, `into` keeps what it lacked of `from`'s job title,
/// email and agency, takes over `from`'s allocations, appointments and line
/// reports (when both have an open appointment, `into`'s stands: `from`'s
/// ends when it began, or goes) and `from` is removed; when only `from` is
/// a person (or both names are the same person), `from` is renamed `into`.
/// Returns whether `from` is a person. Runs in the caller's transaction.
bool merge_person(Store& store, std::string_view from, std::string_view into);

}  // namespace detail
}  // namespace oversight
