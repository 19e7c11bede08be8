// Private to lib/: pieces of the casework store shared by casework.cpp,
// reminders.cpp and ssda903.cpp.
#pragma once

#include <oversight/casework/child.hpp>
#include <oversight/casework/case.hpp>

#include "store/db.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oversight::detail {

/// Row id of a child by the authority's id; nullopt if unknown.
std::optional<std::int64_t> try_child_row(const StoreImpl& s, std::string_view child_id);
/// Row id of a child; Error(not_found) naming it.
std::int64_t child_row(const StoreImpl& s, std::string_view child_id);

/// Inserts (or leaves alone) a child; returns {row id, true if added}.
std::pair<std::int64_t, bool> put_child(StoreImpl& s, const Child& child);

/// Sets an attribute (inside write()); returns true if anything changed.
bool put_attribute(StoreImpl& s, std::int64_t child_row, std::string_view key, std::string_view value,
                   Date effective_from);

/// Inserts an event (inside write()). `source` is "manual" for events
/// recorded by hand; other sources (e.g. "ssda903:episodes.csv") are
/// imported once: an identical imported event gives nullopt.
std::optional<std::int64_t> put_event(StoreImpl& s, std::int64_t child_row, const CaseEvent& event,
                                      std::string_view recorded_by, std::string_view source);

/// Throws Error(invalid_arg) unless key is [a-z][a-z0-9_]* (<= 64 bytes).
void check_attribute_key(std::string_view key, std::string_view what);

/// Every case matching the filter as of `as_of`, each with its events, the
/// attributes in force then and every dated attribute change up to then
/// (bulk read: three queries).
/// The children matching `filter` with the allocation in force on `as_of`:
/// columns id, child_ref, worker, team, allocated from, event count; ordered
/// by child_ref. Error(not_found) for an unknown worker or team.
SQLite::Statement cases_as_of(const StoreImpl& s, const CaseFilter& filter, Date as_of);
std::vector<CaseRecord> load_cases(const Store& store, const CaseFilter& filter, Date as_of);

/// Adds one case_attributes row, read in date order, to a record: appended to
/// attribute_changes, and the current value in attributes (later rows win).
void add_attribute_row(CaseRecord& r, std::string key, std::string value, const std::string& effective_from);

/// Attributes as a JSON object text (keys sorted).
std::string attributes_to_json(const std::map<std::string, std::string>& attributes);

}  // namespace oversight::detail
