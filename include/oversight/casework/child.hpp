// Children in the store, addressed by the local authority's own id (text,
// as in the SSDA903 CHILD field), their allocation to workers over time and
// their case attributes (legal status, placement type, ...) with effective
// dates. Every change runs in one transaction and writes history rows
// (entities "child", "allocation", "case_attribute"); unknown ids and names
// throw Error(not_found) naming them; malformed input Error(invalid_arg); a
// failed change leaves the store as it was.
//
// Keeping in step with a case system. A child, an allocation and a case
// attribute (and an event, event.hpp) may carry the case system's own id
// for the record, its external id. Sending the record again with the same
// external id updates it in place, writing one history row per changed
// field with the old and the new value, or changes nothing (and writes no
// history) when it is identical. External ids are unique per kind of record
// in a store.
//
// Identifiers (child ids, external ids) are stored trimmed of leading and
// trailing white space (space, tab, CR, LF, FF, VT) and looked up by the
// same rule, so " C1 " finds "C1". A change given an identifier that is
// blank, is not UTF-8, holds a NUL byte or another control character (C0,
// DEL, C1 U+0080..U+009F) is refused with Error(invalid_arg) naming it, as
// is a child id or an external id longer than 256 bytes (kMaxChildIdBytes;
// after trimming); a lookup (try_find_...) by such an identifier finds
// nothing. A case attribute's value is at most 4096 bytes
// (kMaxAttributeValueBytes) and holds no control character but TAB, or
// Error(invalid_arg) naming the attribute ("attribute value of note "..."
// is longer than 4096 bytes (5000)"). Actor names (`recorded_by`, `by`) are
// at most 256 bytes without control characters.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <oversight/core/date.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

/// The longest child id a store takes, in bytes (as an external id).
inline constexpr std::size_t kMaxChildIdBytes = 256;
/// The longest case attribute value a store takes, in bytes.
inline constexpr std::size_t kMaxAttributeValueBytes = 4096;

/// What saving a record did.
enum class SaveOutcome {
    added,      // a new record
    updated,    // the stored record changed (history rows with old and new values)
    unchanged,  // it was already so (no history row)
};
/// "added", "updated", "unchanged".
std::string_view to_string(SaveOutcome outcome) noexcept;

struct Child {
    std::string id;                     // the local authority's id, e.g. SSDA903 CHILD
    std::optional<Date> date_of_birth;  // nullopt: unknown (an update then leaves it alone)
    /// The case system's id for the child; nullopt: none sent (an update then
    /// leaves the stored one alone).
    std::optional<std::string> external_id{};
};
bool operator==(const Child& a, const Child& b);
inline bool operator!=(const Child& a, const Child& b) { return !(a == b); }

/// Adds the child or updates the stored one (history field "date_of_birth",
/// "id", "external_id"):
///  - with an external id that a stored child has: that child, whose id
///    becomes child.id (a renumbering in the case system; Error(conflict)
///    when another child has that id) and whose date of birth becomes the
///    given one, if one is given;
///  - otherwise the child with child.id, which takes the external id if it
///    had none (Error(conflict) when it has another one), or a new child.
SaveOutcome save_child(Store& store, const Child& child);

std::optional<Child> try_find_child(const Store& store, std::string_view child_id);
std::optional<Child> try_find_child_by_external_id(const Store& store, std::string_view external_id);

/// A child's allocation to a worker (a person) over [from, until).
struct Allocation {
    std::int64_t id = 0;                     // the store's id, never reused
    std::string worker;                      // a person's name
    Date from;
    std::optional<Date> until;               // exclusive; nullopt: open
    std::optional<std::string> external_id{};  // the case system's id
};
bool operator==(const Allocation& a, const Allocation& b);
inline bool operator!=(const Allocation& a, const Allocation& b) { return !(a == b); }

/// The child's allocations, by start. Error(not_found) for an unknown child.
std::vector<Allocation> allocations(const Store& store, std::string_view child_id);

/// Allocates the child to `worker` (a person's name, ignoring case;
/// Error(not_found) when no person has it) from `from` on: the current allocation
/// (if any) ends on `from`. Allocating to the current worker on or after the
/// day their allocation started is a no-op, as is allocating to a worker from
/// the day a stored allocation of theirs (current or ended) started: the
/// same allocation sent again, which changes nothing (SaveOutcome::unchanged,
/// no history). Error(invalid_arg) naming the allocation in the way if
/// `from` is before the current allocation started (whoever the worker) or
/// falls before the end of a stored, ended allocation of another worker (or
/// of the same worker from another day): allocations do not overlap.
///
/// With an external id: when an allocation of the child has it, that one is
/// corrected in place instead: its worker, and its start, which must stay
/// after the start of the one before it and before its own end (the one
/// before, when it ended as this one started, ends on the new start);
/// Error(invalid_arg) otherwise. When another child's allocation has it,
/// Error(conflict). Otherwise the allocation made (or the current one, when
/// allocating to its worker changes nothing) takes it, Error(conflict) if it
/// already has another. History fields of an allocation: "*" (created),
/// "worker", "from_date", "to_date", "external_id".
SaveOutcome allocate(Store& store, std::string_view child_id, std::string_view worker, Date from,
                     const std::optional<std::string>& external_id = std::nullopt);

/// Ends the child's current allocation on `on` (exclusive: the child is
/// unallocated from `on`): history field "to_date"; true. Sent again (no
/// current allocation, and the latest one ended on `on`): nothing changes,
/// false. Error(not_found) when the child is unknown or has no current
/// allocation otherwise; Error(invalid_arg) when `on` is not after the
/// allocation's start.
bool end_allocation(Store& store, std::string_view child_id, Date on);

/// Sets a case attribute (legal_status, placement_type, visit_regime, ...)
/// effective from a date; the value in force on a day is the one with the
/// latest effective date on or before it. Keys are lower-case
/// [a-z][a-z0-9_]*; setting the same key and date again replaces the value.
/// An empty value means "not set" from that date (end_attribute). A coded
/// key (placement_type, legal_status, review_code, ...: casework/codes.hpp)
/// whose value is shaped like a code but is not in its SSDA903 list is
/// Error(invalid_arg) naming the key, the value and the nearest valid code
/// ("legal_status 'C3' is not an SSDA903 LS code (DfE rule 144); did you
/// mean C2?"), so that a misspelt code never changes the visit regime.
///
/// With an external id: the stored attribute value that has it is corrected
/// in place (key, date and value; Error(conflict) when another child's has
/// it, or when the child already has a value for that key on that date);
/// otherwise the value set takes it (Error(conflict) if it has another).
/// History fields of an attribute value: "KEY@YYYY-MM-DD" (created, or its
/// value changed), "key", "effective_from", "external_id", "*" (deleted).
SaveOutcome set_attribute(Store& store, std::string_view child_id, std::string_view key, std::string_view value,
                          Date effective_from, const std::optional<std::string>& external_id = std::nullopt);

/// A stored case attribute value.
struct CaseAttribute {
    std::string key;
    std::string value;  // "": not set from effective_from (end_attribute)
    Date effective_from;
    std::optional<std::string> external_id{};  // the case system's id
};
bool operator==(const CaseAttribute& a, const CaseAttribute& b);
inline bool operator!=(const CaseAttribute& a, const CaseAttribute& b) { return !(a == b); }

/// Every stored value of the child's attributes, by date then key (load_case
/// gives those in force on a day). Error(not_found) for an unknown child.
std::vector<CaseAttribute> list_attributes(const Store& store, std::string_view child_id);

/// Ends an attribute on `on`: from that day the key is not set (an empty
/// value from `on`, which schedule_case treats as absent, as a key never set;
/// load_case leaves it out of the current attributes); true. Sent again
/// (the key already ended on exactly `on`): nothing changes, false.
/// Error(not_found) when the key is not set on `on` otherwise (no value in
/// force, or one ended before `on`).
bool end_attribute(Store& store, std::string_view child_id, std::string_view key, Date on);

/// Deletes the value of `key` effective from `effective_from` (a value
/// recorded by mistake): the one before it, if any, is in force again.
/// History field "*" with the old value. Error(not_found) naming the child,
/// key and date when there is no such value: a direct call cannot tell a
/// value deleted before from one never set, so it says so (in a batch, see
/// batch.hpp, deleting what is not there counts as unchanged, for resends).
void delete_attribute(Store& store, std::string_view child_id, std::string_view key, Date effective_from);

/// What erase_child removed.
struct Erasure {
    std::int64_t events = 0;
    std::int64_t allocations = 0;
    std::int64_t attributes = 0;
    std::int64_t acknowledgements = 0;
    std::int64_t exemptions = 0;             // exemption.hpp
    std::int64_t history_rows_scrubbed = 0;  // earlier history rows whose values were blanked
};

/// Removes a child and everything recorded on their case (events,
/// allocations, attributes, acknowledgements, exemptions): a UK GDPR erasure (Art. 17)
/// or a case system's purge at the end of the retention period. `reason`
/// (not blank, at most 1000 bytes) says why; it is kept, so it must not
/// itself identify the child ("erasure request 2024/117", "retention ended").
///
/// The history stays an audit trail without keeping the child's personal
/// data:
///  - one "*" row per record removed (old value "[erased]", new NULL), so a
///    host or warehouse following changes_since deletes its copies too;
///  - every earlier history row about the child's case keeps its sequence,
///    time, actor, entity, id and field, but its old and new values become
///    "[erased]" (the only change the store lets anyone make to its
///    history), as does any value naming the child's id or external id in
///    a row about a record moved to another child;
///  - one row, entity "child", field "erased", whose new value is a JSON
///    object {"reason", "events", "allocations", "attributes",
///    "acknowledgements", "exemptions", "history_rows_scrubbed",
///    "moved_rows_scrubbed"}: who erased (the actor), when and why, and how
///    much; moved_rows_scrubbed lists the seq of each scrubbed row that sits
///    on another child's case (a record moved between the two), so that
///    verify_history can tell those from values blanked by hand.
/// Why scrub rather than keep: an audit log that kept the values would
/// still hold the data the erasure is for (Art. 17(1); storage limitation,
/// Art. 5(1)(e)), while accountability (Art. 5(2)) needs only that a change
/// was made, by whom and when, and that the data was erased. The same holds
/// for a purge at the end of a retention period (how long child protection
/// records may be kept is weighed under data protection law: R (C) v
/// Northumberland CC [2015] EWHC 2134 (Admin)). Records a local authority
/// must keep (e.g. a looked-after child's case record until their 75th
/// birthday, Care Planning, Placement and Case Review (England) Regulations
/// 2010 reg 50; the domain notes in shared/domain do not cover retention)
/// are the caller's to weigh before erasing: the store does not refuse.
/// Copies outside the store (backups, exports) are the operator's matter.
/// Error(not_found) for an unknown child (in a batch, unchanged: see
/// batch.hpp); the store's child id is never reused (nor any other record's
/// id).
Erasure erase_child(Store& store, std::string_view child_id, std::string_view reason);

}  // namespace oversight
