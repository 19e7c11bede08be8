#!/usr/bin/env bash
# End to end: case add / case event / remind (text, json, ics) / ack / import-903.
set -euo pipefail

CLI=${OVERSIGHT_CLI:?set OVERSIGHT_CLI to the oversight executable}
PY=${OVERSIGHT_PYTHON:-/usr/bin/python3}
HERE=$(cd "$(dirname "$0")" && pwd)
PROJECT=${OVERSIGHT_PROJECT_DIR:-$(cd "$HERE/../.." && pwd)}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

fail() { echo "remind.sh: $*" >&2; exit 1; }
run() { "$CLI" --db "$WORK/cw.db" "$@"; }
expect_in() { grep -qF -- "$2" <<<"$1" || fail "expected '$2' in: $1"; }
expect_not_in() { if grep -qF -- "$2" <<<"$1"; then fail "did not expect '$2' in: $1"; fi; }
expect_fail() {  # expect_fail "stderr text" args...
  local want=$1; shift
  local err
  if err=$(run "$@" 2>&1 >/dev/null); then fail "expected failure: $*"; fi
  expect_in "$err" "$want"
}

# --help everywhere
for cmd in remind "case add" "case event" ack import-903; do
  # shellcheck disable=SC2086
  out=$("$CLI" $cmd --help) || fail "$cmd --help failed"
  expect_in "$out" "Usage"
done

# Read-only commands never create a store: a missing --db is an error.
if err=$("$CLI" --db "$WORK/missing.db" remind 2>&1 >/dev/null); then fail "remind on a missing store must fail"; fi
expect_in "$err" "no store at $WORK/missing.db"
if err=$("$CLI" --db "$WORK/missing.db" ack C1 lac.visit.first 2024-03-08 --by x 2>&1 >/dev/null); then
  fail "ack on a missing store must fail"
fi
expect_in "$err" "no store at"
[ ! -e "$WORK/missing.db" ] || fail "remind/ack created $WORK/missing.db"

# Two children in two teams, each placed on Fri 1 March 2024.
run case add C1 --worker "Ann Lee" --team "Team A" --from 2024-03-01 >/dev/null
run case add C2 --worker "Bo Chan" --team "Team B" --from 2024-03-01 --dob 2012-05-01 >/dev/null
for c in C1 C2; do
  run case event "$c" became_looked_after 2024-03-01 --attr legal_status=C2 --by tester >/dev/null
  run case event "$c" placement_start 2024-03-01 --attr placement_type=U1 --attr legal_status=C2 --by tester >/dev/null
done

# Text: grouped by worker then team; overdue first.
text=$(run --as-of 2024-03-20 remind --within 20)
expect_in "$text" "=== By worker ==="
expect_in "$text" "Reminders for worker Ann Lee (team Team A)"
expect_in "$text" "Reminders for team Team B"
expect_in "$text" "working days late"
worker_line=$(grep -n "=== By worker ===" <<<"$text" | cut -d: -f1)
team_line=$(grep -n "=== By team ===" <<<"$text" | cut -d: -f1)
[ "$worker_line" -lt "$team_line" ] || fail "workers must come before teams"
first_overdue=$(grep -n "^OVERDUE" <<<"$text" | head -1 | cut -d: -f1)
first_due=$(grep -n "^DUE WITHIN" <<<"$text" | head -1 | cut -d: -f1)
[ "$first_overdue" -lt "$first_due" ] || fail "overdue must come first"

ann=$(run --as-of 2024-03-20 remind --within 20 --worker "Ann Lee")
expect_in "$ann" "child C1"
expect_not_in "$ann" "child C2"
teamb=$(run --as-of 2024-03-20 remind --within 20 --team "Team B")
expect_in "$teamb" "child C2"
expect_not_in "$teamb" "child C1"

# JSON and iCalendar hold the same reminders.
run --as-of 2024-03-20 remind --within 20 --format json >rem.json
run --as-of 2024-03-20 remind --within 20 --format ics >rem.ics
"$PY" - rem.json rem.ics <<'EOF' || fail "ics does not match json"
import json, sys, datetime
import icalendar
rems = json.load(open(sys.argv[1]))
cal = icalendar.Calendar.from_ical(open(sys.argv[2], "rb").read())
todos = list(cal.walk("VTODO"))
assert rems, "no reminders"
assert len(todos) == len(rems), (len(todos), len(rems))
uids = [str(t["UID"]) for t in todos]
assert len(set(uids)) == len(uids), "duplicate UIDs"
assert all(u.endswith("@oversight") for u in uids)
dues = sorted(t["DUE"].dt.isoformat() for t in todos)
assert all(not isinstance(t["DUE"].dt, datetime.datetime) for t in todos), "DUE must be a DATE"
assert dues == sorted(r["due"] for r in rems), (dues, [r["due"] for r in rems])
assert any(r["state"] == "overdue" for r in rems)
EOF

# Acknowledge the first overdue reminder; it shows in the text.
read -r child rule due < <("$PY" -c 'import json,sys; r=[x for x in json.load(open(sys.argv[1])) if x["state"]=="overdue"][0]; print(r["child"], r["rule"], r["due"])' rem.json)
run ack "$child" "$rule" "$due" --by "Mo Manager" --note "chasing" >/dev/null
after=$(run --as-of 2024-03-20 remind --within 20)
expect_in "$after" "[acknowledged by Mo Manager"
expect_in "$after" ": chasing]"
expect_fail "no obligation" ack "$child" "$rule" 2001-01-01 --by "Mo Manager"
expect_fail "no child" ack NOBODY "$rule" "$due" --by "Mo Manager"

# A list to share: child ids become pseudonyms (HMAC-SHA-256, key in a file).
head -c 32 /dev/urandom >analysts.key
run --as-of 2024-03-20 remind --within 20 --format json --pseudonymise-key analysts.key >shared.json
"$PY" - analysts.key rem.json shared.json <<'EOF_PY' || fail "pseudonymised reminders"
import hashlib, hmac, json, sys
key = open(sys.argv[1], "rb").read()
plain, shared = json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
p = lambda c: "P-" + hmac.new(key, c.encode(), hashlib.sha256).hexdigest()[:16]
assert [p(r["child"]) for r in plain] == [r["child"] for r in shared], "not the documented pseudonyms"
assert all(r["note"] in ("", None) for r in shared), "a note was shared"
EOF_PY
expect_not_in "$(run --as-of 2024-03-20 remind --within 20 --pseudonymise-key analysts.key)" "child C1"
head -c 8 /dev/urandom >short.key
expect_fail "16 to 4096 bytes" --as-of 2024-03-20 remind --pseudonymise-key short.key
expect_fail "cannot open" --as-of 2024-03-20 remind --pseudonymise-key no-such.key

# Recorded as the account running the command when --by is not given, with
# $USER beside it when that differs; a $USER that is not UTF-8, or none: the
# account alone (never a made-up name).
account=$(id -un)
USER=$'r\xffx' run case event C1 visit 2024-03-04 >/dev/null || fail "case event with a non-UTF-8 \$USER failed"
env -u USER "$CLI" --db "$WORK/cw.db" case add C9 --worker "Ann Lee" --team "Team A" --from 2024-01-01 >/dev/null \
  || fail "case add without \$USER failed"
USER="Rae Recorder" run case event C1 visit 2024-03-06 >/dev/null || fail "case event as \$USER failed"
run history --format json >hist.json || fail "history failed"
"$PY" - "$account" hist.json <<'EOF_PY' || fail "history actors after non-UTF-8, absent and given \$USER"
import json, sys
h = json.load(open(sys.argv[2], encoding="utf-8"))
account = sys.argv[1]
events = [c for c in h if c["entity"] == "event" and c["field"] == "*"]
assert any(c["actor"] == account and "2024-03-04" in (c["new"] or "") for c in events), "non-UTF-8 $USER: not the account"
assert any(c["actor"] == account for c in h if c["entity"] == "child"), "case add without $USER: not the account"
assert any(c["actor"] == "Rae Recorder (account %s)" % account and "2024-03-06" in (c["new"] or "") for c in events), "$USER not beside the account"
assert not any(c["actor"] in ("oversight", "oversight cli") for c in h), "a made-up actor"
EOF_PY
expect_fail "invalid UTF-8" case event C1 visit 2024-03-04 --by $'r\xffx'

# Bad input: exit 1 with the reason on stderr.
expect_fail "unknown event type" case event C1 tea_break 2024-03-01
expect_fail "not a date" case event C1 visit 2024-02-30
expect_fail "no child" case event NOBODY visit 2024-03-05
expect_fail "KEY=VALUE" case event C1 visit 2024-03-05 --attr novalue
expect_fail "excludes" remind --worker "Ann Lee" --team "Team A"
expect_fail "no worker" remind --worker "Nobody"
expect_fail "is in team" case add C3 --worker "Ann Lee" --team "Team B"
expect_fail "" remind --format pdf

# SQL metacharacters are data.
evil="'; DROP TABLE children; --"
run case add "$evil" --worker "$evil" --team "$evil" --from 2024-03-01 >/dev/null
run case event "$evil" placement_start 2024-03-01 --by tester >/dev/null
out=$(run --as-of 2024-03-20 remind --within 20 --team "$evil")
expect_in "$out" "child $evil"

# import-903: warnings name file:line on stderr, counts on stdout.
run import-903 "$PROJECT/tests/data/casework_903_bad" >imp.out 2>imp.err
expect_in "$(cat imp.out)" "4 children added"
expect_in "$(cat imp.err)" "warning: episodes.csv:5:"
expect_in "$(cat imp.err)" "warning: reviews.csv:3:"
again=$(run import-903 "$PROJECT/tests/data/casework_903_bad" --quiet)
expect_in "$again" "0 events added"
expect_fail "does not exist" import-903 "$WORK/nope"

echo "remind.sh: all checks passed"
