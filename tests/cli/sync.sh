#!/usr/bin/env bash
# End to end: keeping in step with a case system from the CLI: events with
# external ids, case delete-event / correct-event / end-allocation /
# end-attribute / delete-attribute / erase, and the change feed (changes).
set -euo pipefail

CLI=${OVERSIGHT_CLI:?set OVERSIGHT_CLI to the oversight executable}
PY=${OVERSIGHT_PYTHON:-/usr/bin/python3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

fail() { echo "sync.sh: $*" >&2; exit 1; }
run() { "$CLI" --db "$WORK/cw.db" "$@"; }
expect_in() { grep -qF -- "$2" <<<"$1" || fail "expected '$2' in: $1"; }
expect_not_in() { if grep -qF -- "$2" <<<"$1"; then fail "did not expect '$2' in: $1"; fi; }
expect_fail() {  # expect_fail "stderr text" args...
  local want=$1; shift
  local err
  if err=$(run "$@" 2>&1 >/dev/null); then fail "expected failure: $*"; fi
  expect_in "$err" "$want"
}
json() { "$PY" -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

for cmd in changes "case delete-event" "case correct-event" "case end-allocation" "case end-attribute" \
           "case set-attribute" "case delete-attribute" "case erase"; do
  # shellcheck disable=SC2086
  out=$("$CLI" $cmd --help) || fail "$cmd --help failed"
  expect_in "$out" "Usage"
done
expect_fail "no store at" changes --since 0

run case add C1 --worker "Ann Lee" --team "Team A" --from 2024-03-01 >/dev/null
run case add C2 --worker "Ann Lee" --team "Team A" --from 2024-03-01 >/dev/null
for c in C1 C2; do
  run case event "$c" became_looked_after 2024-03-01 --by tester >/dev/null
  run case event "$c" placement_start 2024-03-01 --attr placement_type=U1 --attr legal_status=C2 --by tester >/dev/null
done
bookmark=$(run changes --since 0 --limit 10000 | json 'd["next"]')
before=$(run --as-of 2024-03-11 remind --within 20 --format json)
c1_visits() { json 'len([r for r in d if r["child"]=="C1" and "visit" in r["rule"]])'; }
open_before=$(c1_visits <<<"$before")
[ "$open_before" -ge 1 ] || fail "C1 should have a visit due: $before"

# A visit to C2 recorded on C1 by mistake, with the case system's id.
out=$(run case event C1 visit 2024-03-05 --external-id PARIS-77 --by tester)
expect_in "$out" "added"
out=$(run case event C1 visit 2024-03-05 --external-id PARIS-77 --by tester)
expect_in "$out" "unchanged"
[ "$(run --as-of 2024-03-11 remind --within 20 --format json | c1_visits)" -lt "$open_before" ] ||
  fail "the visit should meet C1's obligation"

# Moved to the right child: C1's visit is due again.
out=$(run case correct-event --external-id PARIS-77 --child C2 --by "Mo Manager")
expect_in "$out" "corrected"
expect_in "$out" "for child C2"
[ "$(run --as-of 2024-03-11 remind --within 20 --format json | c1_visits)" -eq "$open_before" ] ||
  fail "C1's visit obligation should be open again"
out=$(run case correct-event --external-id PARIS-77 --child C2)
expect_in "$out" "unchanged"

# Deleted by its id.
id=$(run changes --since "$bookmark" --entity event | json 'd["changes"][0]["entity_id"]')
out=$(run case delete-event "$id" --by "Mo Manager")
expect_in "$out" "deleted event $id"
expect_fail "not found" case delete-event "$id"
expect_fail "not both" case delete-event "$id" --external-id PARIS-77
expect_fail "not both and not neither" case delete-event
expect_fail "not found" case delete-event --external-id NO-SUCH

# The feed since the bookmark: created, moved, deleted - by whom.
feed=$(run changes --since "$bookmark" --entity event)
[ "$(json 'd["format"]' <<<"$feed")" = "oversight-history" ] || fail "feed format: $feed"
[ "$(json '[c["field"] for c in d["changes"]]' <<<"$feed")" = "['*', 'child', '*']" ] || fail "feed rows: $feed"
expect_in "$feed" "Mo Manager"
# Paging: one row at a time reaches the same rows.
since=$bookmark; rows=0
while :; do
  page=$(run changes --since "$since" --limit 1 --entity event)
  rows=$((rows + $(json 'len(d["changes"])' <<<"$page")))
  since=$(json 'd["next"]' <<<"$page")
  [ "$(json 'd["more"]' <<<"$page")" = "True" ] || break
done
[ "$rows" -eq 3 ] || fail "paging gave $rows rows"
text=$(run changes --since "$bookmark" --format text)
expect_in "$text" "event $id  *: "
expect_in "$text" "next "
expect_fail "is not in 1..10000" changes --since 0 --limit 0
expect_fail "entity" changes --since 0 --entity nonsense
expect_fail "--format" changes --since 0 --format xml

# Allocations and attributes.
run case end-allocation C1 2024-03-04 --by "Mo Manager" | grep -qF "unallocated from 2024-03-04" || fail "end-allocation"
expect_fail "no current allocation" case end-allocation C1 2024-03-05
expect_fail "not a date" case end-allocation C2 2024-02-30
out=$(run case set-attribute C1 placement_type U1 2024-03-01 --external-id PT-1)
expect_in "$out" "(added)"
out=$(run case set-attribute C1 placement_type U1 2024-03-01 --external-id PT-1)
expect_in "$out" "(unchanged)"
out=$(run case end-attribute C1 placement_type 2024-03-06)
expect_in "$out" "placement_type not set from 2024-03-06"
expect_fail "is not set on 2024-02-01" case end-attribute C1 placement_type 2024-02-01
out=$(run case delete-attribute C1 placement_type 2024-03-06)
expect_in "$out" "deleted the placement_type value effective from 2024-03-06"
expect_fail "no attribute 'placement_type' of child 'C1' from 2024-03-06" case delete-attribute C1 placement_type 2024-03-06

# Erasure: the reason is required and kept; the child is gone.
expect_fail "reason" case erase C1
out=$(run case erase C1 --reason "erasure request 2024/117" --by DPO)
expect_in "$out" "erased child C1: 2 events, 1 allocations"
expect_fail "no child with id 'C1'" case erase C1 --reason again
erased=$(run changes --since 0 --limit 10000 --entity child | json 'd["changes"][-1]["new"]')
expect_in "$erased" "erasure request 2024/117"
remaining=$(run --as-of 2024-03-11 remind --within 20 --format json)
expect_not_in "$remaining" '"child":"C1"'
echo "sync.sh: ok"
