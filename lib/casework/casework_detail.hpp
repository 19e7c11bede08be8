// Private to lib/: casework's rules for the subsystems that write or read
// cases in bulk (the SSDA903 import, reminders). Each checks its input as
// the public functions do, then calls the casework repository.
#pragma once

#include <oversight/casework/case.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/rules/schedule.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <optional>
#include <string_view>
#include <vector>

namespace oversight {

class Store;

namespace detail {

/// Error(invalid_arg) unless key is [a-z][a-z0-9_]* (at most 64 bytes).
void check_attribute_key(std::string_view key, std::string_view what);

/// Event or case attributes given as JSON text (the C API's attributes_json):
/// an object of strings, each key once. Error(parse) naming `what` and the
/// place for text that is not JSON or holds a key twice (core/json.hpp);
/// Error(invalid_arg) for JSON of the wrong shape.
std::map<std::string, std::string> attributes_from_json(std::string_view text, const char* what);

/// An identifier as stored and looked up (child.hpp): trimmed of white space
/// (external ids to store or to change by: checked_external_id,
/// core/validation.hpp).
std::string_view id_key(std::string_view id) noexcept;
/// Error(not_found) "no child with id '...'".
[[noreturn]] void no_child(std::string_view child_id);

/// save_child.
SaveOutcome put_child(Store& store, const Child& child);
/// set_attribute; true when it changed anything.
bool put_attribute(Store& store, std::string_view child_id, const AttributeChange& attribute);
/// Stores an event (attributes, recorded_by and external id checked) as
/// save_event does. `source` is "manual" for events recorded by hand or sent
/// by a case system, or the file an import read ("ssda903:episodes.csv").
EventSaved store_event(Store& store, std::string_view child_id, const CaseEvent& event, std::string_view recorded_by,
                       std::string_view source);
/// store_event for an import: nullopt when the event was already stored.
std::optional<std::int64_t> put_event(Store& store, std::string_view child_id, const CaseEvent& event,
                                      std::string_view recorded_by, std::string_view source);

/// A person's team over [from, until) by their appointments (from: nullopt
/// since before records; until: nullopt, open; team "" when none).
struct TeamSpan {
    std::string worker;
    std::string team;
    std::optional<Date> from;
    std::optional<Date> until;
};

/// A case as of a day with what a look back needs: when each event was
/// recorded and who held the case over time.
struct CaseHistory {
    std::int64_t row = 0;               // the store's row id of the child
    CaseRecord record;                  // as load_case gives it
    /// Parallel to record.events: the UTC date each was stored by a call
    /// (save_event, a batch); nullopt for one imported from a file, whose
    /// recording date the store does not know.
    std::vector<std::optional<Date>> recorded_on;
    std::vector<Allocation> allocations;  // every allocation of the child, by start
};

/// Calls `visit` with each case matching the filter as of `as_of`, one at a
/// time (memory does not grow with the store): the case record without the
/// events dated after `as_of` (schedule_case ignores them), the recording
/// date of each event and the child's allocations over time (reminders,
/// compliance). In no stated order; `visit` must not write to the store.
/// Error(not_found) when the filter names an unknown worker or team.
void for_each_case(const Store& store, const CaseFilter& filter, Date as_of,
                   const std::function<void(CaseHistory&&)>& visit);
/// Every person's team over time, by their appointments (worker, then start).
std::vector<TeamSpan> team_spans(const Store& store);


}  // namespace detail
}  // namespace oversight
