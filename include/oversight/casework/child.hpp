// Children in the store, addressed by the local authority's own id (text,
// as in the SSDA903 CHILD field), their allocation to workers over time and
// their case attributes (legal status, placement type, ...) with effective
// dates. Every change runs in one transaction and writes history rows
// (entities "child", "allocation", "case_attribute"); unknown ids and names
// throw Error(not_found) naming them; malformed input Error(invalid_arg); a
// failed change leaves the store as it was.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <oversight/core/date.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

struct Child {
    std::string id;                     // the local authority's id, e.g. SSDA903 CHILD
    std::optional<Date> date_of_birth;  // nullopt: unknown (an update then leaves it alone)
};
bool operator==(const Child& a, const Child& b);
inline bool operator!=(const Child& a, const Child& b) { return !(a == b); }

/// Adds the child or updates the date of birth of the stored one.
void save_child(Store& store, const Child& child);

std::optional<Child> try_find_child(const Store& store, std::string_view child_id);

/// Allocates the child to `worker` (a person's name, ignoring case;
/// Error(not_found) when no person has it) from `from` on: the current allocation
/// (if any) ends on `from`. Allocating to the current worker on or after the
/// day their allocation started is a no-op. Error(invalid_arg) if `from` is
/// before the current allocation started (whoever the worker).
void allocate(Store& store, std::string_view child_id, std::string_view worker, Date from);

/// Sets a case attribute (legal_status, placement_type, visit_regime, ...)
/// effective from a date; the value in force on a day is the one with the
/// latest effective date on or before it. Keys are lower-case
/// [a-z][a-z0-9_]*; setting the same key and date again replaces the value.
void set_attribute(Store& store, std::string_view child_id, std::string_view key, std::string_view value,
                   Date effective_from);

}  // namespace oversight
