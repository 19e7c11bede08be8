// The tamper-evident history (include/oversight/store/history.hpp, "Tamper
// evidence"): a store's chain verifies; each way of rewriting the file
// directly (triggers dropped first: a byte of a value, a field, a deleted
// row, two rows swapped, a forged row, the tail cut off, a salt removed) is
// found and the entry named; an erasure leaves the chain verifiable; signed
// checkpoints catch what the chain alone cannot (a truncated tail with the
// sequence reset, a chain recomputed after an edit) and a bad signature.
#include <boost/test/unit_test.hpp>

#include "support/store_fixtures.hpp"

#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/core/error.hpp>
#include <oversight/store/history.hpp>
#include <oversight/store/store.hpp>
#include <oversight/workforce/team.hpp>

#include "store/history_chain.hpp"
#include "store/sqlite/connection.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

using namespace oversight;
using test::code_of;
using test::TempStore;

namespace {

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    BOOST_REQUIRE_MESSAGE(in, "cannot read " << path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string key(const char* name) { return read_text(std::string(OVERSIGHT_TEST_DATA_DIR "/history/") + name); }

/// A store file with some history: a team, two children, events (one
/// changed, one deleted). Returns how many history rows it holds.
std::int64_t make_store(const std::string& path) {
    Store s = Store::open(path);
    s.set_actor("Ann Example");
    save_team(s, {"Team A", "", ""});
    save_child(s, {"C1", Date::parse_iso("2015-04-01"), std::string("P-1")});
    save_child(s, {"C2", Date::parse_iso("2016-05-02"), std::nullopt});
    record_event(s, "C1", {"visit", Date::parse_iso("2024-03-05"), {}}, "Ann");
    const std::int64_t id = record_event(s, "C2", {"visit", Date::parse_iso("2024-03-06"), {}}, "Ann");
    delete_event(s, id);
    record_event(s, "C2", {"review", Date::parse_iso("2024-03-07"), {}}, "Ann");
    return static_cast<std::int64_t>(s.history().size());
}

/// Runs `sql` on the file directly, as someone with write access to it
/// would, after dropping the history's triggers.
void tamper(const std::string& path, const std::string& sql) {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("DROP TRIGGER IF EXISTS history_no_update; DROP TRIGGER IF EXISTS history_no_delete;");
    db.exec(sql);
}

Store open_read_only(const std::string& path) {
    StoreOptions o;
    o.location = path;
    o.read_only = true;
    return Store::open(o);
}

HistoryVerification verify_file(const std::string& path) { return verify_history(open_read_only(path)); }

/// What someone who knows the algorithm does after editing rows: every
/// hash recomputed, so the chain alone verifies again.
void rechain(SQLite::Database& db) {
    SQLite::Statement q(db, "SELECT seq, at, actor, entity, entity_id, field, old_value, new_value, child_id, "
                            "values_digest FROM history ORDER BY seq");
    std::string previous = detail::history_genesis_hash();
    std::vector<std::pair<std::int64_t, std::string>> hashes;
    while (q.executeStep()) {
        const Change c = detail::sqlite::change_from(q);
        const std::optional<std::int64_t> child = detail::sqlite::opt_int(q.getColumn(8));
        const std::string digest(static_cast<const char*>(q.getColumn(9).getBlob()), 32);
        previous = detail::history_entry_hash(c, child, digest, previous);
        hashes.emplace_back(c.seq, previous);
    }
    for (const auto& [seq, hash] : hashes) {
        SQLite::Statement u(db, "UPDATE history SET hash = ?1 WHERE seq = ?2");
        u.bind(1, hash.data(), 32);
        u.bind(2, static_cast<int64_t>(seq));
        u.exec();
    }
}

void check_broken(const HistoryVerification& v, std::int64_t seq, const std::string& problem) {
    BOOST_TEST(!v.ok);
    BOOST_TEST(v.broken_seq == seq);
    BOOST_TEST(v.problem == problem);
    BOOST_TEST(v.message.find("history entry " + std::to_string(seq)) != std::string::npos, v.message);
}

/// make_store, then C3 and C4; a visit moved C1 -> C3 and one C2 -> C3; C1
/// erased (its tombstone lists the first move's row).
void make_store_with_moves(const std::string& path) {
    make_store(path);
    Store s = Store::open(path);
    save_child(s, {"C3", Date::parse_iso("2017-01-01"), std::nullopt});
    save_child(s, {"C4", Date::parse_iso("2017-02-01"), std::nullopt});
    const std::int64_t a = record_event(s, "C1", {"visit", Date::parse_iso("2024-04-01"), {}}, "Ann");
    BOOST_TEST(correct_event(s, a, "C3", {"visit", Date::parse_iso("2024-04-01"), {}}));
    const std::int64_t b = record_event(s, "C2", {"visit", Date::parse_iso("2024-04-02"), {}}, "Ann");
    BOOST_TEST(correct_event(s, b, "C3", {"visit", Date::parse_iso("2024-04-02"), {}}));
    erase_child(s, "C1", "erasure request 2024/118");
}

/// Rewrites the newest tombstone as an older store's (without
/// moved_rows_scrubbed), with its digest and the chain recomputed.
void drop_newest_tombstones_list(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("DROP TRIGGER IF EXISTS history_no_update");
    SQLite::Statement q(db, "SELECT seq, salt, old_value, new_value FROM history WHERE entity = 'child' AND "
                            "field = 'erased' AND child_id IS NULL ORDER BY seq DESC LIMIT 1");
    BOOST_REQUIRE(q.executeStep());
    const std::int64_t seq = q.getColumn(0).getInt64();
    BOOST_REQUIRE(!q.getColumn(1).isNull());
    const std::string salt(static_cast<const char*>(q.getColumn(1).getBlob()),
                           static_cast<std::size_t>(q.getColumn(1).getBytes()));
    const std::optional<std::string> old_value =
        q.getColumn(2).isNull() ? std::nullopt : std::optional<std::string>(q.getColumn(2).getString());
    nlohmann::json summary = nlohmann::json::parse(q.getColumn(3).getString());
    BOOST_REQUIRE(summary.contains("moved_rows_scrubbed"));
    summary.erase("moved_rows_scrubbed");
    const std::string new_value = summary.dump();
    const std::string digest = detail::history_values_digest(salt, old_value, new_value);
    SQLite::Statement u(db, "UPDATE history SET new_value = ?1, values_digest = ?2 WHERE seq = ?3");
    u.bind(1, new_value);
    u.bind(2, digest.data(), static_cast<int>(digest.size()));
    u.bind(3, static_cast<int64_t>(seq));
    u.exec();
    rechain(db);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(history_chain)

BOOST_AUTO_TEST_CASE(a_store_written_through_the_library_verifies) {
    TempStore tmp("chain_ok");
    const std::int64_t rows = make_store(tmp.path);
    const HistoryVerification v = verify_file(tmp.path);
    BOOST_TEST(v.ok, v.message);
    BOOST_TEST(v.rows == rows);
    BOOST_TEST(v.head_seq == rows);
    BOOST_TEST(v.head_hash.size() == 64u);
    BOOST_TEST(v.problem.empty());

    Store empty = Store::open_in_memory();
    const HistoryVerification none = verify_history(empty);
    BOOST_TEST(none.ok);
    BOOST_TEST(none.rows == 0);
    BOOST_TEST(none.head_hash.empty());
    const auto doc = nlohmann::json::parse(history_verification_to_json(v, tmp.path));
    BOOST_TEST(doc.at("format") == "oversight-history-verification");
    BOOST_TEST(doc.at("ok") == true);
    BOOST_TEST(doc.at("head").at("seq") == rows);
    BOOST_TEST(doc.at("broken").is_null());
    BOOST_TEST(doc.at("checkpoint").is_null());
}

BOOST_AUTO_TEST_CASE(one_byte_of_one_value_edited_is_found) {
    TempStore tmp("chain_byte");
    make_store(tmp.path);
    // The last byte of row 3's new value (the creation of child C1).
    {
        SQLite::Database db(tmp.path);
        BOOST_REQUIRE(!db.execAndGet("SELECT new_value FROM history WHERE seq = 3").isNull());
    }
    tamper(tmp.path, "UPDATE history SET new_value = substr(new_value, 1, length(new_value) - 1) || "
                     "CASE WHEN substr(new_value, -1) = 'X' THEN 'Y' ELSE 'X' END WHERE seq = 3");
    const HistoryVerification v = verify_file(tmp.path);
    check_broken(v, 3, "values");
    const auto doc = nlohmann::json::parse(history_verification_to_json(v, tmp.path));
    BOOST_TEST(doc.at("broken").at("seq") == 3);
    BOOST_TEST(doc.at("broken").at("problem") == "values");
}

BOOST_AUTO_TEST_CASE(an_edited_actor_time_or_field_is_found) {
    for (const char* edit : {"actor = 'Bob Example'", "at = '2001-01-01T00:00:00Z'", "field = 'status'",
                             "entity_id = entity_id + 1", "child_id = NULL"}) {
        TempStore tmp("chain_field");
        make_store(tmp.path);
        tamper(tmp.path, std::string("UPDATE history SET ") + edit + " WHERE seq = 4");
        BOOST_TEST_CONTEXT(edit) { check_broken(verify_file(tmp.path), 4, "entry"); }
    }
}

BOOST_AUTO_TEST_CASE(a_deleted_row_is_found) {
    TempStore tmp("chain_delete");
    make_store(tmp.path);
    tamper(tmp.path, "DELETE FROM history WHERE seq = 3");
    const HistoryVerification v = verify_file(tmp.path);
    check_broken(v, 4, "missing");
    BOOST_TEST(v.message.find("history entry 3 is missing") != std::string::npos, v.message);
}

BOOST_AUTO_TEST_CASE(two_rows_swapped_are_found) {
    TempStore tmp("chain_swap");
    make_store(tmp.path);
    // Everything but the sequence changes places, hashes included.
    tamper(tmp.path,
           "CREATE TEMP TABLE h AS SELECT * FROM history WHERE seq IN (2, 5);"
           "UPDATE history SET (at, actor, entity, entity_id, field, old_value, new_value, child_id, salt, "
           "values_digest, hash) = (SELECT at, actor, entity, entity_id, field, old_value, new_value, child_id, "
           "salt, values_digest, hash FROM h WHERE h.seq = 7 - history.seq) WHERE seq IN (2, 5);");
    check_broken(verify_file(tmp.path), 2, "entry");
}

BOOST_AUTO_TEST_CASE(a_forged_row_is_found) {
    TempStore tmp("chain_forged");
    const std::int64_t rows = make_store(tmp.path);
    // A row appended by hand, copying the salt, digest and hash of the last.
    tamper(tmp.path,
           "INSERT INTO history(at, actor, entity, entity_id, field, old_value, new_value, child_id, salt, "
           "values_digest, hash) SELECT at, 'Mallory', 'event', 99, '*', NULL, 'visit', child_id, salt, "
           "values_digest, hash FROM history ORDER BY seq DESC LIMIT 1");
    const HistoryVerification v = verify_file(tmp.path);
    check_broken(v, rows + 1, "values");

    TempStore tmp2("chain_forged_between");
    make_store(tmp2.path);
    // One inserted into the middle: the rows after it move up one.
    tamper(tmp2.path,
           "UPDATE history SET seq = seq + 100 WHERE seq > 3; UPDATE history SET seq = seq - 99 WHERE seq > 100;"
           "INSERT INTO history(seq, at, actor, entity, entity_id, field, old_value, new_value, child_id, salt, "
           "values_digest, hash) SELECT 4, at, actor, entity, entity_id, field, old_value, new_value, child_id, "
           "salt, values_digest, hash FROM history WHERE seq = 3");
    check_broken(verify_file(tmp2.path), 4, "entry");
}

BOOST_AUTO_TEST_CASE(the_newest_rows_deleted_are_found) {
    TempStore tmp("chain_tail");
    const std::int64_t rows = make_store(tmp.path);
    tamper(tmp.path, "DELETE FROM history WHERE seq >= " + std::to_string(rows - 1));
    const HistoryVerification v = verify_file(tmp.path);
    check_broken(v, rows - 1, "tail");
    BOOST_TEST(v.head_seq == rows - 2);
}

BOOST_AUTO_TEST_CASE(a_salt_removed_from_a_row_about_no_child_is_found) {
    TempStore tmp("chain_salt");
    make_store(tmp.path);
    // Row 1 created the team; without its salt its value would go unchecked.
    tamper(tmp.path, "UPDATE history SET salt = NULL, new_value = 'Team B' WHERE seq = 1");
    check_broken(verify_file(tmp.path), 1, "salt");
}

BOOST_AUTO_TEST_CASE(a_salt_removed_from_a_childs_row_with_a_value_kept_is_found) {
    TempStore tmp("chain_child_salt");
    make_store(tmp.path);
    // Only an erasure removes a child's row's salt, and it blanks both values.
    const std::int64_t seq = [&] {
        SQLite::Database db(tmp.path);
        return db.execAndGet("SELECT min(seq) FROM history WHERE child_id IS NOT NULL AND new_value IS NOT NULL")
            .getInt64();
    }();
    tamper(tmp.path, "UPDATE history SET salt = NULL, new_value = new_value || ' ' WHERE seq = " + std::to_string(seq));
    check_broken(verify_file(tmp.path), seq, "values");
}

BOOST_AUTO_TEST_CASE(the_newest_rows_deleted_then_a_new_write_are_found) {
    TempStore tmp("chain_tail_then_write");
    const std::int64_t rows = make_store(tmp.path);
    tamper(tmp.path, "DELETE FROM history WHERE seq >= " + std::to_string(rows - 1));
    {
        Store s = Store::open(tmp.path);  // the next write chains to the last row left
        s.set_actor("Ann Example");
        record_event(s, "C1", {"visit", Date::parse_iso("2024-04-02"), {}}, "Ann");
        // And no checkpoint vouches for a broken history.
        std::string message;
        BOOST_TEST(static_cast<int>(code_of([&] { make_history_checkpoint(s, key("council_private.pem")); },
                                            &message)) == static_cast<int>(Status::db));
        BOOST_TEST(message.find("does not verify") != std::string::npos, message);
    }
    const HistoryVerification v = verify_file(tmp.path);
    check_broken(v, rows + 1, "missing");
    BOOST_TEST(v.message.find("history entries " + std::to_string(rows - 1) + ".." + std::to_string(rows) +
                              " are missing") != std::string::npos,
               v.message);
}

BOOST_AUTO_TEST_CASE(an_erasure_leaves_the_chain_verifiable) {
    TempStore tmp("chain_erasure");
    make_store(tmp.path);
    {
        Store s = Store::open(tmp.path);
        s.set_actor("Records Officer");
        const Erasure e = erase_child(s, "C1", "erasure request 2024/117");
        BOOST_TEST(e.events == 1);
        record_event(s, "C2", {"visit", Date::parse_iso("2024-04-01"), {}}, "Ann");
        const HistoryVerification v = verify_history(s);
        BOOST_TEST(v.ok, v.message);
        BOOST_TEST(v.rows == static_cast<std::int64_t>(s.history().size()));
        // The tombstone: who erased what kind and how much, chained, no ids.
        const auto all = s.history();
        const auto tomb = std::find_if(all.begin(), all.end(), [](const Change& c) { return c.field == "erased"; });
        BOOST_REQUIRE(tomb != all.end());
        BOOST_TEST(tomb->actor == "Records Officer");
        BOOST_TEST(tomb->new_value->find("\"events\":1") != std::string::npos, *tomb->new_value);
        BOOST_TEST(tomb->new_value->find("P-1") == std::string::npos);
    }
    SQLite::Database db(tmp.path, SQLite::OPEN_READWRITE);
    // The scrubbed rows lost their salt; no value of the child is left.
    BOOST_TEST(db.execAndGet("SELECT count(*) FROM history WHERE salt IS NULL").getInt() > 0);
    BOOST_TEST(db.execAndGet("SELECT count(*) FROM history WHERE salt IS NULL AND "
                             "(old_value NOT IN ('[erased]') OR new_value NOT IN ('[erased]'))")
                   .getInt() == 0);
    BOOST_TEST(db.execAndGet("SELECT count(*) FROM history WHERE old_value LIKE '%2015-04-01%' OR "
                             "new_value LIKE '%2015-04-01%' OR new_value LIKE '%P-1%'")
                   .getInt() == 0);
    // The trigger lets an erasure blank values only together with the salt.
    const std::string kept = std::to_string(
        db.execAndGet("SELECT min(seq) FROM history WHERE child_id IS NOT NULL AND salt IS NOT NULL AND "
                      "new_value IS NOT NULL AND new_value <> '[erased]'")
            .getInt64());
    BOOST_CHECK_THROW(db.exec("UPDATE history SET new_value = '[erased]' WHERE seq = " + kept), SQLite::Exception);
    BOOST_CHECK_THROW(db.exec("UPDATE history SET salt = NULL WHERE seq = 1"), SQLite::Exception);
    // An erased row is still covered by its hash.
    db.exec("DROP TRIGGER history_no_update");
    const std::int64_t erased =
        db.execAndGet("SELECT min(seq) FROM history WHERE salt IS NULL AND child_id IS NOT NULL").getInt64();
    db.exec("UPDATE history SET actor = 'Someone Else' WHERE seq = " + std::to_string(erased));
    check_broken(verify_file(tmp.path), erased, "entry");
}

BOOST_AUTO_TEST_CASE(a_row_scrubbed_without_an_erasure_after_it_is_found) {
    TempStore tmp("chain_scrubbed");
    make_store(tmp.path);
    {
        Store s = Store::open(tmp.path);
        s.set_actor("Records Officer");
        erase_child(s, "C1", "erasure request 2024/117");  // C1's rows scrubbed, its tombstone after them
    }
    BOOST_TEST(verify_file(tmp.path).ok);
    // C2's first row scrubbed by hand as an erasure would, with no erasure of
    // C2 (the tombstone of C1 does not account for it): the digest and the
    // hash still hold, so only the missing tombstone shows it.
    const std::int64_t seq = [&] {
        SQLite::Database db(tmp.path);
        return db.execAndGet("SELECT min(h.seq) FROM history h JOIN children c ON c.id = h.child_id "
                             "WHERE c.child_ref = 'C2'")
            .getInt64();
    }();
    tamper(tmp.path,
           "UPDATE history SET salt = NULL, old_value = CASE WHEN old_value IS NULL THEN NULL ELSE '[erased]' END, "
           "new_value = CASE WHEN new_value IS NULL THEN NULL ELSE '[erased]' END WHERE seq = " +
               std::to_string(seq));
    const HistoryVerification v = verify_file(tmp.path);
    check_broken(v, seq, "salt");
    BOOST_TEST(v.message.find("no erasure of that child's case follows it") != std::string::npos, v.message);

    // The earliest finding is the one named, even when found at the end.
    tamper(tmp.path, "UPDATE history SET actor = 'Mallory' WHERE seq = (SELECT max(seq) FROM history)");
    check_broken(verify_file(tmp.path), seq, "salt");
}

BOOST_AUTO_TEST_CASE(a_moved_record_scrubbed_by_hand_is_not_excused_by_another_childs_erasure) {
    // A visit recorded on C1's case and corrected onto C3's: its history
    // row of field "child" (C1 -> C3) sits on C3's case. Erasing C1 scrubs
    // it too (it names C1), and C1's tombstone lists it: verified. The same
    // kind of row scrubbed by hand (a move C2 -> C3) is not excused by a
    // later erasure of another child (C4): only its own case's tombstone,
    // or one that lists it, accounts for it.
    TempStore tmp("chain_moved");
    make_store_with_moves(tmp.path);
    BOOST_TEST(verify_file(tmp.path).ok, verify_file(tmp.path).message);
    std::int64_t by_hand = 0;
    {
        SQLite::Database db(tmp.path);
        by_hand = db.execAndGet("SELECT max(seq) FROM history WHERE field = 'child' AND salt IS NOT NULL").getInt64();
    }
    BOOST_REQUIRE(by_hand > 0);
    tamper(tmp.path,
           "UPDATE history SET salt = NULL, old_value = CASE WHEN old_value IS NULL THEN NULL ELSE '[erased]' END, "
           "new_value = CASE WHEN new_value IS NULL THEN NULL ELSE '[erased]' END WHERE seq = " +
               std::to_string(by_hand));
    check_broken(verify_file(tmp.path), by_hand, "salt");
    {
        Store s = Store::open(tmp.path);
        erase_child(s, "C4", "erasure request 2024/119");
    }
    check_broken(verify_file(tmp.path), by_hand, "salt");

    // C4's tombstone rewritten as an older store's (no list), its digest
    // and the chain recomputed: the list-less reading (every moved row
    // accounted for) is for stores from before the list, and C1's
    // tombstone already had one, so the row is still reported.
    drop_newest_tombstones_list(tmp.path);
    check_broken(verify_file(tmp.path), by_hand, "salt");

    // The same rewrite where nothing was scrubbed by hand verifies: the
    // rewrite itself (digest, chain) is sound, so the finding above is the
    // moved row's.
    TempStore clean("chain_moved_clean");
    make_store_with_moves(clean.path);
    {
        Store s = Store::open(clean.path);
        erase_child(s, "C4", "erasure request 2024/119");
    }
    drop_newest_tombstones_list(clean.path);
    BOOST_TEST(verify_file(clean.path).ok, verify_file(clean.path).message);
}

BOOST_AUTO_TEST_CASE(a_checkpoint_verifies_and_reads_back) {
    TempStore tmp("chain_checkpoint");
    const std::int64_t rows = make_store(tmp.path);
    Store s = Store::open(tmp.path);
    const HistoryCheckpoint cp = make_history_checkpoint(s, key("council_private.pem"));
    BOOST_TEST(cp.seq == rows);
    BOOST_TEST(cp.hash == verify_history(s).head_hash);
    BOOST_TEST(cp.store.size() == 32u);
    const HistoryCheckpoint back = history_checkpoint_from_json(history_checkpoint_to_json(cp));
    BOOST_TEST((back == cp));
    record_event(s, "C2", {"visit", Date::parse_iso("2024-04-01"), {}}, "Ann");  // later rows are fine
    const HistoryVerification v = verify_history(s, back, key("council_public.pem"));
    BOOST_TEST(v.ok, v.message);
    BOOST_TEST(v.checkpoint_checked);
    BOOST_TEST(v.checkpoint_seq == rows);
    const auto doc = nlohmann::json::parse(history_verification_to_json(v, tmp.path));
    BOOST_TEST(doc.at("checkpoint").at("seq") == rows);
}

BOOST_AUTO_TEST_CASE(a_checkpoint_finds_a_truncated_tail_the_chain_alone_cannot) {
    TempStore tmp("chain_truncated");
    const std::int64_t rows = make_store(tmp.path);
    HistoryCheckpoint cp;
    {
        Store s = Store::open(tmp.path);
        cp = make_history_checkpoint(s, key("council_private.pem"));
    }
    // The last two rows gone, and SQLite's sequence set back to hide it.
    tamper(tmp.path, "DELETE FROM history WHERE seq >= " + std::to_string(rows - 1) +
                         "; UPDATE sqlite_sequence SET seq = " + std::to_string(rows - 2) + " WHERE name = 'history'");
    Store s = open_read_only(tmp.path);
    BOOST_TEST(verify_history(s).ok);  // the chain alone: documented
    check_broken(verify_history(s, cp, key("council_public.pem")), rows, "checkpoint");
}

BOOST_AUTO_TEST_CASE(a_checkpoint_finds_a_chain_recomputed_after_an_edit) {
    TempStore tmp("chain_recomputed");
    make_store(tmp.path);
    HistoryCheckpoint cp;
    {
        Store s = Store::open(tmp.path);
        cp = make_history_checkpoint(s, key("council_private.pem"));
    }
    {
        // Someone who knows the algorithm edits row 2 and recomputes every hash.
        SQLite::Database db(tmp.path, SQLite::OPEN_READWRITE);
        db.exec("DROP TRIGGER history_no_update");
        db.exec("UPDATE history SET actor = 'Mallory' WHERE seq = 2");
        rechain(db);
    }
    Store s = open_read_only(tmp.path);
    BOOST_TEST(verify_history(s).ok);  // the chain alone: documented
    const HistoryVerification v = verify_history(s, cp, key("council_public.pem"));
    check_broken(v, cp.seq, "checkpoint");
    BOOST_TEST(v.message.find("no longer has the hash") != std::string::npos, v.message);
}

BOOST_AUTO_TEST_CASE(a_bad_signature_or_another_stores_checkpoint_is_found) {
    TempStore tmp("chain_signature");
    make_store(tmp.path);
    Store s = Store::open(tmp.path);
    const HistoryCheckpoint cp = make_history_checkpoint(s, key("council_private.pem"));
    check_broken(verify_history(s, cp, key("other_public.pem")), cp.seq, "signature");
    HistoryCheckpoint altered = cp;
    altered.at = "2020-01-01T00:00:00Z";  // backdated
    check_broken(verify_history(s, altered, key("council_public.pem")), cp.seq, "signature");
    HistoryCheckpoint elsewhere = cp;
    elsewhere.store = "0123456789abcdef0123456789abcdef";
    const HistoryVerification v = verify_history(s, elsewhere, key("council_public.pem"));
    BOOST_TEST(!v.ok);
    BOOST_TEST(v.problem == "checkpoint");
    BOOST_TEST(v.message.find("not of this one") != std::string::npos, v.message);
}

BOOST_AUTO_TEST_CASE(keys_that_are_not_ed25519_are_refused) {
    Store s = Store::open_in_memory();
    save_team(s, {"Team A", "", ""});
    std::string msg;
    BOOST_TEST(code_of([&] { make_history_checkpoint(s, key("ec_private.pem")); }, &msg) == Status::invalid_arg);
    BOOST_TEST(msg.find("not an Ed25519 key") != std::string::npos, msg);
    BOOST_TEST(code_of([&] { make_history_checkpoint(s, "not a key"); }, &msg) == Status::invalid_arg);
    BOOST_TEST(msg.find("not a PEM private key") != std::string::npos, msg);
    BOOST_TEST(code_of([&] { make_history_checkpoint(s, key("council_public.pem")); }) == Status::invalid_arg);
    const HistoryCheckpoint cp = make_history_checkpoint(s, key("council_private.pem"));
    BOOST_TEST(code_of([&] { verify_history(s, cp, key("council_private.pem")); }, &msg) == Status::invalid_arg);
    BOOST_TEST(msg.find("public key") != std::string::npos, msg);
    Store empty = Store::open_in_memory();
    BOOST_TEST(code_of([&] { make_history_checkpoint(empty, key("council_private.pem")); }, &msg) ==
               Status::invalid_arg);
    BOOST_TEST(msg.find("no history") != std::string::npos, msg);
}

BOOST_AUTO_TEST_CASE(a_checkpoint_document_that_is_not_one_is_refused_naming_the_field) {
    const std::string good =
        R"({"format":"oversight-history-checkpoint","version":1,"store":"0123456789abcdef0123456789abcdef","seq":3,)"
        R"("hash":"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff","at":"2024-05-01T10:00:00Z",)"
        R"("signature":"AAAA"})";
    BOOST_TEST(history_checkpoint_from_json(good).seq == 3);
    const auto with = [&](const char* field, nlohmann::json value) {
        nlohmann::json doc = nlohmann::json::parse(good);
        if (value.is_null()) doc.erase(field);
        else doc[field] = value;
        return doc.dump();
    };
    const std::pair<std::string, std::string> cases[] = {
        {"nonsense", "not JSON"},
        {"[]", "not a JSON object"},
        {with("format", "oversight-history"), "\"format\""},
        {with("version", 2), "\"version\""},
        {with("store", ""), "\"store\""},
        {with("store", nullptr), "\"store\""},
        // A store's identity is 32 lower-case hex digits (meta store_id), nothing else.
        {with("store", "s1"), "\"store\" is not a store's identity"},
        {with("store", "0123456789ABCDEF0123456789ABCDEF"), "\"store\""},
        {with("store", "0123456789abcdef0123456789abcde"), "\"store\""},
        {with("store", "0123456789abcdef0123456789abcdef0"), "\"store\""},
        {with("store", "/var/lib/oversight/council.db"), "\"store\""},
        {with("store", "0123456789abcdef0123456789abcdeg"), "\"store\""},
        {good.substr(0, good.size() - 1) + R"(,"store":"0123456789abcdef0123456789abcdef"})", "appears twice"},
        {good + std::string(1, '\0') + "{}", "a NUL byte"},
        {with("seq", 0), "\"seq\""},
        {with("seq", "3"), "\"seq\""},
        {with("hash", "00112233"), "\"hash\""},
        {with("hash", std::string(64, 'G')), "\"hash\""},
        {with("at", "2024-02-30T10:00:00Z"), "\"at\""},
        {with("at", "2024-05-01 10:00:00"), "\"at\""},
        {with("signature", "***"), "\"signature\""},
        {with("signature", 5), "\"signature\""},
    };
    for (const auto& [text, field] : cases) {
        const std::string& document = text;  // a lambda cannot capture a structured binding before C++20
        std::string msg;
        BOOST_TEST(code_of([&] { history_checkpoint_from_json(document, "cp.json"); }, &msg) == Status::parse, text);
        BOOST_TEST(msg.rfind("cp.json: ", 0) == 0u, msg);
        BOOST_TEST(msg.find(field) != std::string::npos, msg);
    }
}

BOOST_AUTO_TEST_SUITE_END()
