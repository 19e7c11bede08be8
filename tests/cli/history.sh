#!/usr/bin/env bash
# End to end: `oversight history verify` and `history checkpoint` (issue 8,
# the tamper-evident history). Editing one byte of one history row, deleting
# a row and swapping two rows directly in the SQLite file (triggers dropped
# first, with Python's sqlite3) are each found, exit status 3, the entry
# named; an erasure leaves the history verifiable; a signed checkpoint holds,
# and finds a truncated history and a checkpoint altered or checked with the
# wrong key.
set -euo pipefail

CLI=${OVERSIGHT_CLI:?set OVERSIGHT_CLI to the oversight executable}
PY=${OVERSIGHT_PYTHON:-/usr/bin/python3}
KEYS=${OVERSIGHT_PROJECT_DIR:?set OVERSIGHT_PROJECT_DIR}/tests/data/history
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

fail() { echo "history.sh: $*" >&2; exit 1; }
expect_in() { grep -qF -- "$2" <<<"$1" || fail "expected '$2' in: $1"; }
json() { "$PY" -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
# sql FILE STATEMENTS: what someone with write access to the file could do.
sql() {
  "$PY" - "$1" "$2" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executescript("DROP TRIGGER IF EXISTS history_no_update; DROP TRIGGER IF EXISTS history_no_delete;" + sys.argv[2])
db.commit()
PY
}
# verify_status FILE [args]: the exit status of history verify, its output in $out.
verify_status() {
  local db=$1; shift
  set +e
  out=$("$CLI" --db "$db" history verify "$@" 2>&1)
  status=$?
  set -e
}
# expect_broken FILE SEQ PROBLEM [args]
expect_broken() {
  local db=$1 seq=$2 problem=$3; shift 3
  verify_status "$db" "$@"
  [ "$status" -eq 3 ] || fail "expected exit 3 from history verify $*, got $status: $out"
  expect_in "$out" "is broken at entry $seq ($problem)"
  expect_in "$out" "history entry $seq"
  verify_status "$db" --json "$@"
  [ "$status" -eq 3 ] || fail "expected exit 3 with --json, got $status"
  [ "$(json '(d["broken"]["seq"], d["broken"]["problem"], d["ok"])' <<<"$out")" = "($seq, '$problem', False)" ] ||
    fail "--json: $out"
}

for cmd in "history verify" "history checkpoint"; do
  # shellcheck disable=SC2086
  out=$("$CLI" $cmd --help) || fail "$cmd --help failed"
  expect_in "$out" "Usage"
done

# A store with some history (events carry a note: the values a row keeps).
"$CLI" --db base.db case add C1 --worker "Ann Lee" --team "Team A" --from 2024-03-01 >/dev/null
"$CLI" --db base.db case add C2 --worker "Ann Lee" --team "Team A" --from 2024-03-01 >/dev/null
for c in C1 C2; do
  "$CLI" --db base.db case event "$c" visit 2024-03-05 --attr note=seen --by tester >/dev/null
done
rows=$("$CLI" --db base.db history --format json | json 'len(d)')
[ "$rows" -ge 6 ] || fail "expected some history, got $rows rows"
event=$("$CLI" --db base.db history --format json | json '[c["seq"] for c in d if c["entity"] == "event"][0]')

verify_status base.db
[ "$status" -eq 0 ] || fail "an untouched store must verify: $out"
expect_in "$out" "verifies: $rows entries"
verify_status base.db --json
[ "$(json '(d["ok"], d["rows"], d["head"]["seq"])' <<<"$out")" = "(True, $rows, $rows)" ] || fail "--json: $out"

# One byte of one row's value.
cp base.db byte.db
sql byte.db "UPDATE history SET new_value = substr(new_value, 1, length(new_value) - 1) ||
  CASE WHEN substr(new_value, -1) = 'X' THEN 'Y' ELSE 'X' END WHERE seq = $event;"
expect_broken byte.db "$event" values

# One row deleted.
cp base.db deleted.db
sql deleted.db "DELETE FROM history WHERE seq = 3;"
expect_broken deleted.db 4 missing

# Two rows swapped (everything but the sequence).
cp base.db swapped.db
sql swapped.db "CREATE TEMP TABLE h AS SELECT * FROM history WHERE seq IN (2, 4);
  UPDATE history SET (at, actor, entity, entity_id, field, old_value, new_value, child_id, salt, values_digest, hash) =
    (SELECT at, actor, entity, entity_id, field, old_value, new_value, child_id, salt, values_digest, hash
     FROM h WHERE h.seq = 6 - history.seq) WHERE seq IN (2, 4);"
expect_broken swapped.db 2 entry

# An erasure leaves the chain verifiable.
cp base.db erased.db
"$CLI" --db erased.db case erase C1 --reason "erasure request 2024/117" >/dev/null
verify_status erased.db
[ "$status" -eq 0 ] || fail "an erasure must leave the history verifiable: $out"
# A row scrubbed by hand as an erasure would (values blanked, salt removed),
# with no erasure of that child after it: the missing tombstone shows it.
cp erased.db scrubbed.db
scrubbed=$("$PY" -c "import sqlite3; print(sqlite3.connect('scrubbed.db').execute(
  \"SELECT min(h.seq) FROM history h JOIN children c ON c.id = h.child_id WHERE c.child_ref = 'C2'\").fetchone()[0])")
sql scrubbed.db "UPDATE history SET salt = NULL,
  old_value = CASE WHEN old_value IS NULL THEN NULL ELSE '[erased]' END,
  new_value = CASE WHEN new_value IS NULL THEN NULL ELSE '[erased]' END WHERE seq = $scrubbed;"
expect_broken scrubbed.db "$scrubbed" salt
expect_in "$out" "no erasure of that child's case follows it"

# A signed checkpoint: holds, then finds a truncated history the chain alone cannot.
"$CLI" --db base.db history checkpoint --key "$KEYS/council_private.pem" --out cp.json >/dev/null
[ "$(json '(d["format"], d["seq"])' <cp.json)" = "('oversight-history-checkpoint', $rows)" ] || fail "checkpoint: $(cat cp.json)"
verify_status base.db --checkpoint cp.json --public-key "$KEYS/council_public.pem"
[ "$status" -eq 0 ] || fail "the checkpoint must hold: $out"
expect_in "$out" "(entry $rows) holds"
expect_broken base.db "$rows" signature --checkpoint cp.json --public-key "$KEYS/other_public.pem"
"$PY" -c "import json; d = json.load(open('cp.json')); d['at'] = '2020-01-01T00:00:00Z'; json.dump(d, open('old.json', 'w'))"
expect_broken base.db "$rows" signature --checkpoint old.json --public-key "$KEYS/council_public.pem"
cp base.db truncated.db
sql truncated.db "DELETE FROM history WHERE seq >= $((rows - 1));
  UPDATE sqlite_sequence SET seq = $((rows - 2)) WHERE name = 'history';"
verify_status truncated.db
[ "$status" -eq 0 ] || fail "the chain alone cannot see a truncation with the sequence reset: $out"
expect_broken truncated.db "$rows" checkpoint --checkpoint cp.json --public-key "$KEYS/council_public.pem"

# Bad input: status 1 with a message naming it.
verify_status base.db --checkpoint cp.json
[ "$status" -eq 1 ] || fail "--checkpoint without --public-key must fail with 1: $out"
expect_in "$out" "--public-key"
echo '{"format":"oversight-history-checkpoint","version":1}' >bad.json
verify_status base.db --checkpoint bad.json --public-key "$KEYS/council_public.pem"
[ "$status" -eq 1 ] || fail "a bad checkpoint must fail with 1: $out"
expect_in "$out" "bad.json: field \"store\""
if out=$("$CLI" --db base.db history checkpoint --key "$KEYS/ec_private.pem" 2>&1); then fail "an EC key must be refused"; fi
expect_in "$out" "not an Ed25519 key"
verify_status missing.db
[ "$status" -eq 1 ] || fail "a missing store must fail with 1"
expect_in "$out" "no store at"
echo "history.sh: ok"
