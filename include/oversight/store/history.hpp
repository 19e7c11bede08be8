// The store's change history: one append-only row per created, changed or
// deleted field, with who, when, the old and the new value.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

/// One row of the change history.
struct Change {
    std::int64_t seq = 0;          // increasing, never reused
    std::string at;                // UTC, "YYYY-MM-DDTHH:MM:SSZ"
    std::string actor;             // who made the change (Store::set_actor)
    std::string entity;            // "plan", "recommendation", "action", ...
    std::int64_t entity_id = 0;
    std::string field;             // "status", "lead", "*" for create/delete
    std::optional<std::string> old_value;
    std::optional<std::string> new_value;
};
bool operator==(const Change& a, const Change& b);
inline bool operator!=(const Change& a, const Change& b) { return !(a == b); }

struct HistoryFilter {
    std::optional<std::string> entity;
    std::optional<std::int64_t> entity_id;
    std::optional<std::int64_t> after_seq;
    std::size_t limit = 0;         // 0: no limit
};

/// {"format":"oversight-history","version":1,"changes":[{"seq","at","actor",
///  "entity","entity_id","field","old","new"}]}, in the order given; "old"
/// and "new" are null where there is no value. Ill-formed UTF-8 in stored
/// text is written as U+FFFD (schema: data/schemas/oversight-history.schema.json).
std::string history_to_json(const std::vector<Change>& changes);

// ------------------------------------------------------------ change feed
//
// A case system or a data warehouse keeps in step with a store by reading
// the changes since the last sequence it has seen, page by page:
//
//     std::int64_t seen = load_my_bookmark();
//     for (;;) {
//         ChangePage page = changes_since(store, seen, 500);
//         apply(page.changes);      // in order; then keep page.next
//         seen = page.next;
//         if (!page.more) break;
//     }
//
// Each row is a history row (Change): field "*" with a new value is a
// creation, "*" with an old value and no new one a deletion ("[erased]" as
// the old value: an erasure, child.hpp), any other field an update of that
// field from the old to the new value. Entity ids are the store's and are
// never reused. Sequences increase in commit order, so a reader never misses
// a row committed after its page was read.

/// The kinds of entity the history records, each a Change::entity:
///   plan, section, recommendation, action, progress_update, milestone, task
///   (plan/), person, team, appointment (workforce/; "worker" in stores
///   written before schema 4), child, allocation, case_attribute, event
///   (casework/), acknowledgement (reminders/).
const std::vector<std::string>& change_entities();

/// A page of the change feed.
struct ChangePage {
    std::int64_t since = 0;            // the sequence asked for
    std::optional<std::string> entity;  // the kind asked for, if any
    std::vector<Change> changes;       // seq > since, oldest first, at most the limit
    /// Where to read on from: the last row's sequence when the page is full,
    /// otherwise `latest` (the rows in between, if any, are of other kinds).
    std::int64_t next = 0;
    std::int64_t latest = 0;  // the highest sequence in the store when read (0: no history)
    bool more = false;        // rows of the kind asked for follow `next`
};
bool operator==(const ChangePage& a, const ChangePage& b);
inline bool operator!=(const ChangePage& a, const ChangePage& b) { return !(a == b); }

/// The history rows after `sequence` (0: from the start), oldest first, at
/// most `limit` (1..10000) of them, only of kind `entity` when given.
/// Error(invalid_arg) for a negative sequence, a limit out of range, an
/// entity not in change_entities(), or a sequence after the store's latest
/// (a bookmark from another store, or a store restored from an older
/// backup: the reader must resynchronise).
ChangePage changes_since(const Store& store, std::int64_t sequence, std::size_t limit,
                         const std::optional<std::string>& entity = std::nullopt);

/// The page as an oversight-history document with the page's position:
/// {"format":"oversight-history","version":1,"since","entity" (or null),
///  "next","latest","more","changes":[...as history_to_json]}
/// (schema: data/schemas/oversight-history.schema.json).
std::string changes_to_json(const ChangePage& page);

}  // namespace oversight
