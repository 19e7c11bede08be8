#!/usr/bin/env bash
# End to end: the reminder feed from the CLI (remind --changes-from DATE and
# remind --changes-since FILE), as a host would raise and clear its alerts.
set -euo pipefail

. "$(dirname "$0")/support.bash"
json() { "$PY" -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

out=$("$CLI" remind --help) || fail "remind --help failed"
expect_in "$out" "--changes-from"
expect_in "$out" "--changes-since"
expect_fail "no store at" remind --changes-from 2024-03-04

run case add C1 --worker "Ann Lee" --team "Team A" --from 2024-03-01 >/dev/null
run case event C1 became_looked_after 2024-03-01 --by tester >/dev/null
run case event C1 placement_start 2024-03-01 --attr placement_type=U1 --attr legal_status=C2 --by tester >/dev/null

# Between two dates: C1's first visit, due soon on 4 March, is overdue on 11 March.
feed=$(run --as-of 2024-03-11 remind --within 20 --changes-from 2024-03-04 --format json)
[ "$(json 'd["format"], d["from"], d["to"]' <<<"$feed")" = "oversight-reminder-changes 2024-03-04 2024-03-11" ] ||
  fail "unexpected document head: $feed"
[ "$(json 'd["sequence"] == '"$(run changes --since 0 --limit 10000 | json 'd["latest"]')" <<<"$feed")" = True ] ||
  fail "sequence is not the store's latest: $feed"
[ "$(json 'sorted({r for c in d["changed"] for r in c["reasons"]})' <<<"$feed")" = "['became_overdue']" ] ||
  fail "expected the first visit to become overdue: $feed"
text=$(run --as-of 2024-03-11 remind --within 20 --changes-from 2024-03-04)
expect_in "$text" "Reminder changes from 2024-03-04 to 2024-03-11:"
expect_in "$text" "~ C1/"
expect_in "$text" "(became_overdue: overdue since"

# Since the host's last list: a visit is recorded, the visit reminder clears.
run --as-of 2024-03-11 remind --within 20 --format json >"$WORK/last.json"
run case event C1 visit 2024-03-11 --by tester >/dev/null
feed=$(run --as-of 2024-03-11 remind --within 20 --changes-since "$WORK/last.json" --format json)
[ "$(json 'd["from"]' <<<"$feed")" = None ] || fail "the since form has no from: $feed"
[ "$(json 'any(c["reasons"] == ["met"] for c in d["disappeared"])' <<<"$feed")" = True ] ||
  fail "expected a met reminder to disappear: $feed"
text=$(run --as-of 2024-03-11 remind --within 20 --changes-since - <"$WORK/last.json")
expect_in "$text" "since the list given"
expect_in "$text" "- C1/"
expect_in "$text" "(met: met on 2024-03-11)"
# The feed passed back as the next list: nothing differs.
printf '%s' "$feed" >"$WORK/feed.json"
feed=$(run --as-of 2024-03-11 remind --within 20 --changes-since "$WORK/feed.json" --format json)
[ "$(json 'len(d["appeared"]) + len(d["disappeared"]) + len(d["changed"])' <<<"$feed")" = 0 ] ||
  fail "passing the feed back should show no change: $feed"

# Refusals.
expect_fail "excludes" remind --changes-from 2024-03-04 --changes-since "$WORK/last.json"
expect_fail "the first date is after the second" --as-of 2024-03-01 remind --changes-from 2024-03-04
expect_fail "--changes-from" remind --changes-from 2024-02-30
expect_fail "text or json, not ics" remind --changes-from 2024-03-04 --format ics
expect_fail "cannot open" remind --changes-since "$WORK/missing.json"
echo '[{"child":"C1","rule":"r","due":"2024-03-15"}]' >"$WORK/bad.json"
expect_fail "bad.json: [0].state: missing" remind --changes-since "$WORK/bad.json"
echo "remind_changes.sh: ok"
