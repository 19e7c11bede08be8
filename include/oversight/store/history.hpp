// The store's change history: one append-only row per created, changed or
// deleted field, with who, when, the old and the new value, each row chained
// to the one before by SHA-256 (see "Tamper evidence" below).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
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
///   written before schema 4), child, allocation, case_attribute, event,
///   exemption (casework/), acknowledgement (reminders/).
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

// ------------------------------------------------------------ tamper evidence
//
// The triggers refuse UPDATE and DELETE on the history, but anyone who can
// write the file can drop them. So each row is also chained to the one
// before it (schema 6, lib/store/sqlite/migrations/0006_*.sql):
//
//   values_digest = SHA-256("oversight-history-values/1", salt, old, new)
//   hash          = SHA-256("oversight-history-entry/1", seq, at, actor,
//                           entity, entity_id, field, child_id,
//                           values_digest, hash of the previous row)
//
// with a 16-byte random salt per row, every field length-prefixed (NULL
// distinct from ""), and 32 zero bytes before the first row
// (lib/store/history_chain.hpp has the exact encoding). Rows stored before
// schema 6 were chained, as they were, when the store was migrated.
//
// verify_history() reads the rows in sequence order and reports the first
// that does not hold:
//   "values"  the row's old or new value no longer matches its digest
//             (the value was edited);
//   "entry"   the row's hash no longer matches its content and the row
//             before it (the row was edited, replaced, inserted, or moved:
//             two rows swapped show here, at the first of them);
//   "missing" as "entry", right after a gap in the sequence: the rows in
//             the gap were deleted;
//   "tail"    the store has issued sequences beyond its newest row: the
//             newest rows were deleted;
//   "salt"    a row has no salt, which only an erasure may remove, and only
//             from a row about a child's case; or a row was scrubbed
//             (values "[erased]", no salt) but no erasure's tombstone (the
//             "erased" row about that child; for a row about a record moved
//             between cases, that case's or one whose moved_rows_scrubbed
//             lists the row, or any written before that list existed and
//             before the first tombstone that has one)
//             follows it: scrubbed outside an erasure.
// What the chain cannot show on its own: someone who deletes the newest
// rows and resets SQLite's sequence too, or who recomputes every hash after
// a change (the hashes are not secret). A signed checkpoint covers both: it
// keeps, outside the store, the head's sequence and hash with a signature
// only the council's private key can make; verify_history with the
// checkpoint then also checks that the row at that sequence still has that
// hash (so nothing up to it changed, and the history was not truncated
// before it) and that the signature is good.
//
// An erasure (casework/child.hpp) blanks the old and new values of the
// child's rows to "[erased]" and removes their salt (so the digest cannot be
// used to confirm a guessed value, a date of birth, say); their digest and
// hash stay, and verify_history checks the values only of rows that still
// have a salt. The erasure's own rows (one "*" row per record removed and
// the "erased" row saying how many of each kind went, why and by whom) are
// chained like any other, so the chain still verifies afterwards.

/// What verify_history found.
struct HistoryVerification {
    bool ok = true;
    std::int64_t rows = 0;      // rows checked
    std::int64_t head_seq = 0;  // the newest row's sequence (0: no history)
    std::string head_hash;      // its hash, 64 lower-case hex digits ("" without history)
    /// When !ok: the first entry found broken (its sequence; for "tail", the
    /// first missing one), what is wrong ("values", "entry", "missing",
    /// "tail", "salt"; with a checkpoint also "checkpoint", "signature") and
    /// a message naming the entry and the store.
    std::int64_t broken_seq = 0;
    std::string problem;
    std::string message;
    /// Whether a checkpoint was checked, and its sequence.
    bool checkpoint_checked = false;
    std::int64_t checkpoint_seq = 0;
};

/// Reads the whole history, oldest first, and checks every row's digest and
/// hash and the links between them (the store may be open read-only).
/// A broken chain is reported in the result, not thrown; Error(db) when the
/// store cannot be read.
HistoryVerification verify_history(const Store& store);

/// A signed checkpoint: the head of a store's history at a moment, signed
/// with Ed25519. Its document (data/schemas/oversight-history-checkpoint.schema.json):
/// {"format":"oversight-history-checkpoint","version":1,"store","seq","hash",
///  "at","signature"}, where "store" is the store's identity (a random id
/// given at migration 6, not its path), "hash" 64 hex digits, "at" the UTC
/// time it was made and "signature" the base64 Ed25519 signature of the
/// text "oversight-history-checkpoint/1\n<store>\n<seq>\n<hash>\n<at>".
struct HistoryCheckpoint {
    std::string store;
    std::int64_t seq = 0;
    std::string hash;
    std::string at;
    std::string signature;
};
bool operator==(const HistoryCheckpoint& a, const HistoryCheckpoint& b);
inline bool operator!=(const HistoryCheckpoint& a, const HistoryCheckpoint& b) { return !(a == b); }

/// The checkpoint of the store's history as it is now, signed with the
/// Ed25519 private key in `private_key_pem` (PEM, as `openssl genpkey
/// -algorithm ed25519` writes it). Error(invalid_arg) for a key that is not
/// an Ed25519 private key, or a store without history (nothing to vouch for).
HistoryCheckpoint make_history_checkpoint(const Store& store, std::string_view private_key_pem);

std::string history_checkpoint_to_json(const HistoryCheckpoint& checkpoint);
/// Reads a checkpoint document; Error(parse) naming `source` and the field
/// for anything else (other format or version, a field missing or of the
/// wrong type, a store that is not 32 lower-case hex digits, a hash that is
/// not 64, a sequence below 1, a key twice).
HistoryCheckpoint history_checkpoint_from_json(std::string_view text, std::string_view source = "checkpoint");

/// verify_history, then also that the checkpoint is this store's, that its
/// signature is good for the Ed25519 public key in `public_key_pem` (PEM)
/// and that the row at its sequence still has its hash ("checkpoint"
/// otherwise: changed, or gone with the tail). The chain is checked first:
/// its first break is the one reported. Error(invalid_arg) for a key that is
/// not an Ed25519 public key.
HistoryVerification verify_history(const Store& store, const HistoryCheckpoint& checkpoint,
                                   std::string_view public_key_pem);

/// {"format":"oversight-history-verification","version":1,"store","ok",
///  "rows","head":{"seq","hash"} (null without history),
///  "broken":{"seq","problem","message"} (null when ok),
///  "checkpoint":{"seq"} (null when none was checked)}
/// (schema: data/schemas/oversight-history-verification.schema.json).
std::string history_verification_to_json(const HistoryVerification& result, const std::string& store_path);

}  // namespace oversight
