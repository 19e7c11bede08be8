// The change history as a JSON document, and the change feed (history.hpp).
#include <oversight/store/history.hpp>

#include <oversight/core/date.hpp>
#include <oversight/core/error.hpp>
#include <oversight/store/store.hpp>

#include "core/json.hpp"
#include "core/text.hpp"
#include "core/validation.hpp"
#include "store/backend.hpp"
#include "store/history_chain.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

namespace oversight {

namespace {

using ojson = nlohmann::ordered_json;

ojson changes_json(const std::vector<Change>& changes) {
    const auto text = [](const std::optional<std::string>& v) { return v ? ojson(*v) : ojson(); };
    ojson list = ojson::array();
    for (const Change& c : changes)
        list.push_back({{"seq", c.seq},
                        {"at", c.at},
                        {"actor", c.actor},
                        {"entity", c.entity},
                        {"entity_id", c.entity_id},
                        {"field", c.field},
                        {"old", text(c.old_value)},
                        {"new", text(c.new_value)}});
    return list;
}

constexpr std::size_t kMaxPage = 10000;

}  // namespace

bool operator==(const Change& a, const Change& b) {
    return a.seq == b.seq && a.at == b.at && a.actor == b.actor && a.entity == b.entity &&
           a.entity_id == b.entity_id && a.field == b.field && a.old_value == b.old_value &&
           a.new_value == b.new_value;
}

bool operator==(const ChangePage& a, const ChangePage& b) {
    return a.since == b.since && a.entity == b.entity && a.changes == b.changes && a.next == b.next &&
           a.latest == b.latest && a.more == b.more;
}

std::string history_to_json(const std::vector<Change>& changes) {
    ojson doc = {{"format", "oversight-history"}, {"version", 1}, {"changes", changes_json(changes)}};
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

namespace detail {

void check_change_entity(const std::string& entity, const char* what) {
    const auto& kinds = change_entities();
    if (std::find(kinds.begin(), kinds.end(), entity) != kinds.end()) return;
    std::string known;
    for (const std::string& k : kinds) known += (known.empty() ? "" : ", ") + k;
    throw Error(Status::invalid_arg, std::string(what) + ": unknown entity \"" +
                                         sanitize_utf8(entity.substr(0, 64)) + "\" (known: " + known + ")");
}

}  // namespace detail

const std::vector<std::string>& change_entities() {
    static const std::vector<std::string> kEntities = {
        "plan",   "section", "recommendation", "action",         "progress_update", "milestone",
        "task",   "person",  "team",           "appointment",    "worker",          "child",
        "allocation", "case_attribute", "event", "acknowledgement", "exemption", "attendance",
        "complaint", "complaint_stage", "audit_programme", "audit", "audit_case", "audit_recommendation",
        "audit_link", "supervision", "supervision_case", "supervision_action", "indicator", "indicator_value",
        "action_indicator", "plan_inspection"};
    return kEntities;
}

ChangePage changes_since(const Store& store, std::int64_t sequence, std::size_t limit,
                         const std::optional<std::string>& entity) {
    if (sequence < 0)
        throw Error(Status::invalid_arg, "change feed: sequence " + std::to_string(sequence) + " is negative");
    if (limit < 1 || limit > kMaxPage)
        throw Error(Status::invalid_arg, "change feed: limit " + std::to_string(limit) + " is not in 1.." +
                                             std::to_string(kMaxPage));
    if (entity) detail::check_change_entity(*entity, "change feed");
    const detail::Backend& backend = detail::backend(store);
    ChangePage page;
    page.since = sequence;
    page.entity = entity;
    // The latest first: every row up to it is committed (sequences increase
    // in commit order), so rows read after it that are newer wait for the
    // next page.
    page.latest = backend.latest_sequence();
    if (sequence > page.latest)
        throw Error(Status::invalid_arg, "change feed: sequence " + std::to_string(sequence) +
                                             " is after the latest change of store " + store.path() + " (" +
                                             std::to_string(page.latest) +
                                             "): a bookmark from another store, or a store restored from an older "
                                             "copy; read again from 0");
    HistoryFilter filter;
    filter.entity = entity;
    filter.after_seq = sequence;
    filter.limit = limit + 1;
    page.changes = backend.history(filter);
    page.changes.erase(std::remove_if(page.changes.begin(), page.changes.end(),
                                      [&](const Change& c) { return c.seq > page.latest; }),
                       page.changes.end());
    page.more = page.changes.size() > limit;
    if (page.more) page.changes.resize(limit);
    page.next = page.more ? page.changes.back().seq : page.latest;
    return page;
}

std::string changes_to_json(const ChangePage& page) {
    ojson doc = {{"format", "oversight-history"},
                 {"version", 1},
                 {"since", page.since},
                 {"entity", page.entity ? ojson(*page.entity) : ojson()},
                 {"next", page.next},
                 {"latest", page.latest},
                 {"more", page.more},
                 {"changes", changes_json(page.changes)}};
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

// ------------------------------------------------------------ tamper evidence

namespace {

using detail::to_hex;

std::string entry_name(std::int64_t seq) { return "history entry " + std::to_string(seq); }

HistoryVerification verify_chain(const Store& store) {
    const detail::Backend& backend = detail::backend(store);
    HistoryVerification out;
    std::string previous = detail::history_genesis_hash();
    std::int64_t previous_seq = 0;
    const auto fail = [&](std::int64_t seq, const char* problem, const std::string& message) {
        if (!out.ok) return;
        out.ok = false;
        out.broken_seq = seq;
        out.problem = problem;
        out.message = message + " (store " + store.path() + ")";
    };
    // Rows an erasure scrubbed, waiting for its tombstone (the "erased" row
    // about the child, written after the scrubbing): the first of each
    // child's case; and each row about a record moved between cases (field
    // "child"), which the erasure of the other case scrubs too. Its
    // tombstone lists those by seq ("moved_rows_scrubbed"); a tombstone
    // written before that list existed accounts for all of them, but only
    // until the first tombstone with a list: the library writes one in every
    // tombstone since, so a later one without it was not written by it.
    std::map<std::int64_t, std::int64_t> awaiting_tombstone;  // child row -> first scrubbed seq
    std::map<std::int64_t, std::int64_t> awaiting_moved;      // scrubbed "child" row's seq -> its case's child row
    bool tombstones_list = false;                              // a tombstone with the list was read
    const std::int64_t issued = backend.read_chain([&](const detail::ChainedRow& row) {
        const std::int64_t seq = row.change.seq;
        ++out.rows;
        if (row.change.entity == "child" && row.change.field == "erased" && !row.child_id) {
            awaiting_tombstone.erase(row.change.entity_id);
            for (auto it = awaiting_moved.begin(); it != awaiting_moved.end();)
                it = it->second == row.change.entity_id ? awaiting_moved.erase(it) : std::next(it);
            // Only the tombstone's own values are read here; they keep
            // their salt, so the digest check below covers them.
            const nlohmann::json summary =
                nlohmann::json::parse(row.change.new_value.value_or(""), nullptr, false);
            const auto listed = summary.is_object() ? summary.find("moved_rows_scrubbed") : summary.end();
            if (!summary.is_object() || listed == summary.end()) {
                if (!tombstones_list) awaiting_moved.clear();
            } else {
                tombstones_list = true;
                if (listed->is_array())
                    for (const auto& s : *listed)
                        if (s.is_number_integer()) awaiting_moved.erase(s.get<std::int64_t>());
            }
        }
        if (row.salt) {
            if (row.salt->size() != detail::kHistorySaltSize ||
                detail::history_values_digest(*row.salt, row.change.old_value, row.change.new_value) !=
                    row.values_digest)
                fail(seq, "values",
                     entry_name(seq) + ": its old or new value no longer matches its digest (the value was edited)");
        } else if (!row.child_id) {
            fail(seq, "salt",
                 entry_name(seq) + ": its salt was removed, which only an erasure may do, and only to a row about "
                                   "a child's case");
        } else {
            // An erasure blanks both values when it removes the salt: a
            // value left without its salt could have been edited unseen.
            const auto blanked = [](const std::optional<std::string>& v) { return !v || *v == detail::kErasedValue; };
            if (!blanked(row.change.old_value) || !blanked(row.change.new_value))
                fail(seq, "values",
                     entry_name(seq) + ": its salt was removed but a value was kept (an erasure blanks both), so the "
                                       "value may have been edited");
            else if (row.change.field == "child") {
                awaiting_moved.emplace(seq, *row.child_id);
            } else {
                awaiting_tombstone.emplace(*row.child_id, seq);
            }
        }
        const bool chained =
            detail::history_entry_hash(row.change, row.child_id, row.values_digest, previous) == row.hash;
        if (seq != previous_seq + 1 && chained)
            // Sequences are issued one by one and never reused: a gap is a
            // deletion, even when the next write chained over it.
            fail(seq, "missing",
                 entry_name(seq) + " follows " +
                     (previous_seq ? entry_name(previous_seq) : std::string("the start")) + ": " +
                     (seq - previous_seq - 1 == 1 ? entry_name(previous_seq + 1) + " is missing (deleted)"
                                                  : "history entries " + std::to_string(previous_seq + 1) + ".." +
                                                        std::to_string(seq - 1) + " are missing (deleted)"));
        if (!chained) {
            if (seq > previous_seq + 1)
                fail(seq, "missing",
                     entry_name(seq) + " does not chain to " +
                         (previous_seq ? entry_name(previous_seq) : std::string("the start")) + ": " +
                         (seq - previous_seq - 1 == 1
                              ? entry_name(previous_seq + 1) + " is missing (deleted)"
                              : "history entries " + std::to_string(previous_seq + 1) + ".." +
                                    std::to_string(seq - 1) + " are missing (deleted)") +
                         ", or the entry itself was changed");
            else
                fail(seq, "entry",
                     entry_name(seq) + ": its hash does not match its content and " +
                         (previous_seq ? entry_name(previous_seq) : std::string("the start of the chain")) +
                         " (the entry was edited, inserted, replaced or moved)");
        }
        previous = row.hash;
        previous_seq = seq;
    });
    out.head_seq = previous_seq;
    out.head_hash = previous_seq ? to_hex(previous) : std::string();
    // A scrubbed row no erasure followed: its values were blanked by hand.
    std::optional<std::int64_t> unaccounted;
    if (!awaiting_moved.empty()) unaccounted = awaiting_moved.begin()->first;
    for (const auto& [child, seq] : awaiting_tombstone)
        if (!unaccounted || seq < *unaccounted) unaccounted = seq;
    if (unaccounted && (out.ok || *unaccounted < out.broken_seq)) {
        out.ok = true;  // the earlier finding is reported instead
        fail(*unaccounted, "salt",
             entry_name(*unaccounted) +
                 ": its values were erased (salt removed, values blanked) but no erasure of that child's case "
                 "follows it (no \"erased\" entry, the tombstone): the values were removed outside an erasure");
    }
    if (issued > previous_seq)
        fail(previous_seq + 1, "tail",
             entry_name(previous_seq + 1) +
                 (issued > previous_seq + 1 ? " (and every entry up to " + std::to_string(issued) + ")" : "") +
                 " was written but is gone: the newest entries were deleted");
    return out;
}

std::string checkpoint_message(const HistoryCheckpoint& c) {
    return "oversight-history-checkpoint/1\n" + c.store + "\n" + std::to_string(c.seq) + "\n" + c.hash + "\n" + c.at;
}

/// "YYYY-MM-DDTHH:MM:SSZ", a real date and time of day.
bool is_utc_timestamp(std::string_view s) {
    if (s.size() != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z') return false;
    const auto two = [&](std::size_t at, int max) {
        if (!std::isdigit(static_cast<unsigned char>(s[at])) || !std::isdigit(static_cast<unsigned char>(s[at + 1])))
            return false;
        return (s[at] - '0') * 10 + (s[at + 1] - '0') <= max;
    };
    return Date::try_parse_iso(s.substr(0, 10)).has_value() && two(11, 23) && two(14, 59) && two(17, 59);
}

/// `digits` lower-case hexadecimal digits.
bool is_lower_hex(const std::string& s, std::size_t digits) {
    return s.size() == digits &&
           std::all_of(s.begin(), s.end(), [](char ch) { return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'); });
}

}  // namespace

HistoryVerification verify_history(const Store& store) { return verify_chain(store); }

bool operator==(const HistoryCheckpoint& a, const HistoryCheckpoint& b) {
    return a.store == b.store && a.seq == b.seq && a.hash == b.hash && a.at == b.at && a.signature == b.signature;
}

HistoryCheckpoint make_history_checkpoint(const Store& store, std::string_view private_key_pem) {
    // A signature vouches for the history: never for one already broken.
    if (const HistoryVerification v = verify_chain(store); !v.ok)
        throw Error(Status::db, "history checkpoint: the history does not verify, so it is not signed: " + v.message);
    const detail::Backend& backend = detail::backend(store);
    HistoryCheckpoint c;
    c.store = backend.store_id();
    std::string head;
    backend.read_chain([&](const detail::ChainedRow& row) {
        c.seq = row.change.seq;
        head = row.hash;
    });
    if (c.seq == 0)
        throw Error(Status::invalid_arg, "history checkpoint: store " + store.path() + " has no history to vouch for");
    c.hash = to_hex(head);
    c.at = utc_timestamp_now();
    c.signature = detail::base64_encode(detail::ed25519_sign(private_key_pem, checkpoint_message(c), "history checkpoint"));
    return c;
}

std::string history_checkpoint_to_json(const HistoryCheckpoint& c) {
    ojson doc = {{"format", "oversight-history-checkpoint"},
                 {"version", 1},
                 {"store", c.store},
                 {"seq", c.seq},
                 {"hash", c.hash},
                 {"at", c.at},
                 {"signature", c.signature}};
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

HistoryCheckpoint history_checkpoint_from_json(std::string_view text, std::string_view source) {
    const std::string where(source);
    const auto bad = [&](const std::string& what) { return Error(Status::parse, where + ": " + what); };
    // The one JSON reader: a key twice, a NUL byte or trailing text is refused.
    const nlohmann::json doc = detail::parse_json(text, where + ": not JSON");
    if (!doc.is_object()) throw bad("not a JSON object");
    const auto text_field = [&](const char* name) {
        const auto it = doc.find(name);
        if (it == doc.end() || !it->is_string()) throw bad(std::string("field \"") + name + "\" is missing or not text");
        return it->get<std::string>();
    };
    if (text_field("format") != "oversight-history-checkpoint")
        throw bad("field \"format\" is not \"oversight-history-checkpoint\"");
    const auto version = doc.find("version");
    if (version == doc.end() || !version->is_number_integer() || version->get<std::int64_t>() != 1)
        throw bad("field \"version\" is not 1");
    HistoryCheckpoint c;
    c.store = text_field("store");
    // A store's identity is meta store_id: lower(hex(randomblob(16))), migration 0006.
    if (!is_lower_hex(c.store, 32))
        throw bad("field \"store\" is not a store's identity (32 lower-case hex digits) but " +
                  detail::in_quotes(c.store));
    const auto seq = doc.find("seq");
    if (seq == doc.end() || !seq->is_number_integer() || seq->get<std::int64_t>() < 1)
        throw bad("field \"seq\" is not a sequence (an integer of at least 1)");
    c.seq = seq->get<std::int64_t>();
    c.hash = text_field("hash");
    if (!is_lower_hex(c.hash, 2 * detail::kHistoryDigestSize)) throw bad("field \"hash\" is not 64 lower-case hex digits");
    c.at = text_field("at");
    if (!is_utc_timestamp(c.at)) throw bad("field \"at\" is not a UTC time YYYY-MM-DDTHH:MM:SSZ");
    c.signature = text_field("signature");
    if (!detail::base64_decode(c.signature)) throw bad("field \"signature\" is not base64");
    return c;
}

HistoryVerification verify_history(const Store& store, const HistoryCheckpoint& checkpoint,
                                   std::string_view public_key_pem) {
    // The key first: a wrong key is the caller's mistake, not a finding.
    const std::optional<std::string> signature = detail::base64_decode(checkpoint.signature);
    const bool signed_well =
        signature && detail::ed25519_verify(public_key_pem, checkpoint_message(checkpoint), *signature,
                                            "history checkpoint");
    HistoryVerification out = verify_chain(store);
    out.checkpoint_checked = true;
    out.checkpoint_seq = checkpoint.seq;
    if (!out.ok) return out;
    const auto fail = [&](std::int64_t seq, const char* problem, const std::string& message) {
        out.ok = false;
        out.broken_seq = seq;
        out.problem = problem;
        out.message = message + " (store " + store.path() + ")";
    };
    const detail::Backend& backend = detail::backend(store);
    const std::string id = backend.store_id();
    if (checkpoint.store != id) {
        fail(checkpoint.seq, "checkpoint",
             "the checkpoint of " + entry_name(checkpoint.seq) + " is of store " +
                 detail::sanitize_utf8(checkpoint.store) + ", not of this one (" + id + ")");
        return out;
    }
    if (!signed_well) {
        fail(checkpoint.seq, "signature",
             "the signature of the checkpoint of " + entry_name(checkpoint.seq) +
                 " is not good for this public key: the checkpoint was altered or signed with another key");
        return out;
    }
    std::optional<std::string> found;
    backend.read_chain([&](const detail::ChainedRow& row) {
        if (row.change.seq == checkpoint.seq) found = to_hex(row.hash);
    });
    if (!found)
        fail(checkpoint.seq, "checkpoint",
             entry_name(checkpoint.seq) + ", the head at the checkpoint of " + checkpoint.at +
                 ", is gone: the history was truncated or rewritten since");
    else if (*found != checkpoint.hash)
        fail(checkpoint.seq, "checkpoint",
             entry_name(checkpoint.seq) + " no longer has the hash the checkpoint of " + checkpoint.at +
                 " signed: the history up to it was rewritten since");
    return out;
}

std::string history_verification_to_json(const HistoryVerification& r, const std::string& store_path) {
    ojson doc = {{"format", "oversight-history-verification"},
                 {"version", 1},
                 {"store", store_path},
                 {"ok", r.ok},
                 {"rows", r.rows},
                 {"head", r.head_seq ? ojson{{"seq", r.head_seq}, {"hash", r.head_hash}} : ojson()},
                 {"broken", r.ok ? ojson()
                                 : ojson{{"seq", r.broken_seq}, {"problem", r.problem}, {"message", r.message}}},
                 {"checkpoint", r.checkpoint_checked ? ojson{{"seq", r.checkpoint_seq}} : ojson()}};
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

}  // namespace oversight
