// Batches: many changes to children's cases sent together by a case system
// and applied in one transaction, all of them or none.
//
// A batch is a list of items, each one change made by the function of
// child.hpp or event.hpp named beside it. apply() runs every item in one
// transaction; an item that is refused (the function throws) is undone
// alone (a savepoint) and the rest are still checked against the store as
// the earlier items left it, so one call reports every refused item; then,
// if any was refused, the whole batch is rolled back and nothing of it is
// stored. Sending the same batch twice stores it once: the upserts by
// external id and the de-duplication of events without one (event.hpp)
// make the second run change nothing. So that a host that lost the response
// can send a batch again, its ends and deletions are idempotent, each
// counted as unchanged when the state asked for is already stored:
//  - end_allocation, end_attribute: already ended on exactly that day (as
//    the functions themselves do, child.hpp);
//  - delete_attribute: the child has no value of that key from that date;
//  - delete_event: no event has that id or external id (deleted before, or
//    never stored: ids are never reused, and telling the two apart would
//    need the history);
//  - delete_exemption: no exemption has that id or external id;
//  - erase_child: no child has that id (erased before, or never stored: the
//    erasure scrubbed what could tell the two apart).
// The direct calls (child.hpp, event.hpp) keep Error(not_found) for a
// deletion of what is not there. A batch that adds a record and then
// deletes it, sent again, adds it and deletes it again: its history grows,
// the records stored end the same. A misspelt child id elsewhere is still
// Error(not_found).
//
// Items are numbered from 1 in the order given ("item 1" is the first), in
// BatchResult and in every message; an item read from NDJSON also carries
// its line number (1-based), from a JSON document its position.
//
// The batch document (parse_batch; schema
// data/schemas/oversight-batch.schema.json) is either one JSON object
//   {"format":"oversight-batch","version":1,"items":[ITEM, ...]}
// or NDJSON: one ITEM object per line (blank lines skipped). ITEM is an
// object with "op" and the fields of that op, no others (a misspelt field
// is refused, never ignored); dates are "YYYY-MM-DD"; "child" is the
// child's id (the local authority's) in every op; "external_id" is the case
// system's id of the record:
//   {"op":"child","child","date_of_birth"?,"external_id"?}              save_child
//   {"op":"allocate","child","worker","from","external_id"?}            allocate
//   {"op":"end_allocation","child","on"}                                end_allocation
//   {"op":"attribute","child","key","value","effective_from","external_id"?}  set_attribute
//   {"op":"end_attribute","child","key","on"}                           end_attribute
//   {"op":"delete_attribute","child","key","effective_from"}            delete_attribute
//   {"op":"event","child","type","date","attributes"?:{k:v strings},
//    "external_id"?,"recorded_by"?}                                     save_event
//   {"op":"correct_event","id" | "external_id","child","type","date",
//    "attributes"?}                                                     correct_event[_by_external_id]
//   {"op":"delete_event","id" | "external_id"}                          delete_event[_by_external_id]
//   {"op":"erase_child","child","reason"}                               erase_child
//   {"op":"exemption","child","kind","from","to"?,"reason","approved_by",
//    "areas"?:[strings],"external_id"?}                                 save_exemption
//   {"op":"delete_exemption","id" | "external_id"}                      delete_exemption[_by_external_id]
// An exemption sent again with its external id and a "to" ends it (an
// upsert, exemption.hpp); a delete_exemption of one not there is unchanged.
// An event's recorded_by is its own, else BatchOptions::recorded_by, else
// the store's actor (Store::actor()).
#pragma once

#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/casework/exemption.hpp>
#include <oversight/core/date.hpp>
#include <oversight/core/error.hpp>
#include <oversight/rules/rule_pack.hpp>
#include <oversight/rules/schedule.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

namespace batch {

/// save_child(child).
struct SaveChild {
    Child child;
};
/// allocate(child, worker, from, external_id).
struct Allocate {
    std::string child;
    std::string worker;
    Date from;
    std::optional<std::string> external_id{};
};
/// end_allocation(child, on).
struct EndAllocation {
    std::string child;
    Date on;
};
/// set_attribute(child, key, value, effective_from, external_id).
struct SetAttribute {
    std::string child;
    std::string key;
    std::string value;
    Date effective_from;
    std::optional<std::string> external_id{};
};
/// end_attribute(child, key, on).
struct EndAttribute {
    std::string child;
    std::string key;
    Date on;
};
/// delete_attribute(child, key, effective_from).
struct DeleteAttribute {
    std::string child;
    std::string key;
    Date effective_from;
};
/// save_event(child, event, recorded_by): event.external_id is its id.
struct SaveEvent {
    std::string child;
    CaseEvent event;
    std::optional<std::string> recorded_by{};  // nullopt: BatchOptions::recorded_by
};
/// correct_event (by id) or correct_event_by_external_id (by external id;
/// exactly one of the two is set) to `event` (its external_id unused) on
/// the case of `child`.
struct CorrectEvent {
    std::optional<std::int64_t> id;
    std::optional<std::string> external_id;
    std::string child;
    CaseEvent event;
};
/// delete_event (by id) or delete_event_by_external_id (exactly one set).
struct DeleteEvent {
    std::optional<std::int64_t> id;
    std::optional<std::string> external_id;
};
/// erase_child(child, reason).
struct EraseChild {
    std::string child;
    std::string reason;
};

/// save_exemption(exemption): exemption.child_id is the child,
/// exemption.external_id its id.
struct SaveExemption {
    Exemption exemption;
};
/// delete_exemption (by id) or delete_exemption_by_external_id (exactly one set).
struct DeleteExemption {
    std::optional<std::int64_t> id;
    std::optional<std::string> external_id;
};

}  // namespace batch

/// One change of a batch.
using BatchChange = std::variant<batch::SaveChild, batch::Allocate, batch::EndAllocation, batch::SetAttribute,
                                 batch::EndAttribute, batch::DeleteAttribute, batch::SaveEvent, batch::CorrectEvent,
                                 batch::DeleteEvent, batch::EraseChild, batch::SaveExemption,
                                 batch::DeleteExemption>;

/// The op word of a change in a batch document ("child", "allocate", ...).
std::string_view op_name(const BatchChange& change) noexcept;
/// The external id a change carries or is addressed by (nullopt: none).
std::optional<std::string> external_id_of(const BatchChange& change);
/// The child id a change names (nullopt: a delete_event or delete_exemption,
/// which name none).
std::optional<std::string> child_of(const BatchChange& change);

struct BatchItem {
    BatchChange change;
    std::optional<std::int64_t> line{};  // NDJSON: its line (1-based); otherwise nullopt
};

/// A list of changes, applied in order.
struct Batch {
    std::vector<BatchItem> items;
    void add(BatchChange change, std::optional<std::int64_t> line = std::nullopt) {
        items.push_back(BatchItem{std::move(change), line});
    }
};

struct BatchOptions {
    /// recorded_by of events that do not give theirs; nullopt: the store's
    /// actor. A value given is a name (checked as stored: not blank, no
    /// control character, at most 256 bytes), else Error(invalid_arg).
    std::optional<std::string> recorded_by;
    /// The pack whose event types count (is_known_event_type); null: the
    /// default England pack. Must outlive apply().
    const RulePack* pack = nullptr;
    /// Stop checking at the first refused item (the rest are not reported).
    bool stop_at_first_error = false;
};

/// A refused item.
struct BatchError {
    std::size_t item = 0;                   // 1-based position in the batch
    std::optional<std::int64_t> line{};     // its NDJSON line, if read from one
    std::string op;                         // "event", ... ("" when unreadable)
    std::optional<std::string> external_id{};
    std::optional<std::string> child{};
    Status status = Status::invalid_arg;    // why, as the function's Error said
    std::string message;
};
bool operator==(const BatchError& a, const BatchError& b);
inline bool operator!=(const BatchError& a, const BatchError& b) { return !(a == b); }

/// What apply() did.
struct BatchResult {
    bool applied = false;     // true: every item was applied and committed
    std::size_t items = 0;    // items in the batch
    /// What the items did (when applied is false: what the items checked
    /// before the rollback would have done). A correction or an end that
    /// changes something counts as updated; a deletion or erasure as deleted.
    std::size_t added = 0, updated = 0, unchanged = 0, deleted = 0;
    std::vector<BatchError> errors;  // by item
};

/// Applies the batch in one transaction (joining one already open): all of
/// it or, when any item is refused, none of it (see the top of this
/// header). Never throws for a refused item: the result lists it. Throws
/// Error for what stops the whole batch: a read-only store
/// (Error(invalid_arg)) or a store failure (Error(db), Error(io)).
BatchResult apply(Store& store, const Batch& batch, const BatchOptions& options = {});

/// Reads a batch document (JSON or NDJSON, see the top of this header;
/// `name` names it in messages, e.g. the file). A malformed item (not an
/// object, unknown op, missing, misspelt or mistyped field, impossible date,
/// id out of range) is reported in `errors` naming its position, its line
/// (NDJSON) and the field, and left out of the batch; with `errors` null the
/// first one throws Error(parse) instead. Throws Error(parse) naming the
/// place for a document that cannot be read at all (not JSON, not UTF-8,
/// another format or version, no "items" array) and "<name>:1: ..." for a
/// text that starts with a byte-order mark (JSON has none, RFC 8259 8.1) or
/// is UTF-16 or UTF-32. A NUL byte is refused where it is: in a document,
/// the document ("<name>:L: a NUL byte"); in NDJSON, the item on its line.
Batch parse_batch(std::string_view text, std::string_view name, std::vector<BatchError>* errors = nullptr);

/// parse_batch and apply together: the malformed items are reported with
/// the refused ones, by item, and nothing is stored unless every item is
/// readable and applied.
BatchResult apply_batch_document(Store& store, std::string_view text, std::string_view name,
                                 const BatchOptions& options = {});

/// {"format":"oversight-batch-result","version":1,"applied","items",
///  "added","updated","unchanged","deleted","errors":[{"item","line" (or
///  null),"op","external_id" (or null),"child" (or null),"status" (the
///  C status word: "invalid_arg", "not_found", "conflict", "parse", ...),
///  "message"}]} (schema: data/schemas/oversight-batch-result.schema.json).
std::string batch_result_to_json(const BatchResult& result);

/// A one-line account, e.g.
///   batch applied: 3 items (2 added, 0 updated, 1 unchanged, 0 deleted)
///   batch refused, nothing stored: 1 of 3 items refused; item 2 (line 2,
///   external id "E2", child "C9"): <the message>
/// (every refused item, each after "; ").
std::string batch_summary(const BatchResult& result);

}  // namespace oversight
