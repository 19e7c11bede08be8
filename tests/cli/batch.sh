#!/usr/bin/env bash
# End to end: `oversight batch FILE` (JSON, NDJSON, stdin): all or nothing,
# every refused item named, exit status 2 when refused, a batch sent twice
# stored once. The documents are the fictional ones of tests/data/batch/.
set -euo pipefail

CLI=${OVERSIGHT_CLI:?set OVERSIGHT_CLI to the oversight executable}
PY=${OVERSIGHT_PYTHON:-/usr/bin/python3}
HERE=$(cd "$(dirname "$0")" && pwd)
PROJECT=${OVERSIGHT_PROJECT_DIR:-$(cd "$HERE/../.." && pwd)}
DATA=$PROJECT/tests/data/batch
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

fail() { echo "batch.sh: $*" >&2; exit 1; }
run() { "$CLI" --db "$WORK/b.db" "$@"; }
expect_in() { grep -qF -- "$2" <<<"$1" || fail "expected '$2' in: $1"; }

out=$("$CLI" batch --help) || fail "batch --help failed"
expect_in "$out" "Usage"

# A worker for the allocations (case add creates person and team).
run case add BX-000 --worker "Ann Lee" --team "Team A" --from 2024-03-01 >/dev/null

rows() { run history --format json | "$PY" -c 'import json, sys; print(len(json.load(sys.stdin)))'; }
before=$(rows)

# Refused: one unknown child (line 3), one misspelt field (line 4); exit 2, nothing stored.
set +e
err=$(run batch "$DATA/refused.ndjson" 2>&1 >/dev/null); code=$?
set -e
[ "$code" -eq 2 ] || fail "a refused batch must exit 2, not $code"
expect_in "$err" "nothing stored: 2 of 4 items refused"
expect_in "$err" "item 3 (line 3, external id \"PARIS-E-401\", child \"BX-999\")"
expect_in "$err" "item 4 (line 4, child \"BX-020\"): field \"dte\" is not a field of op \"event\" (misspelt?)"
set +e
json=$(run batch --format json "$DATA/refused.ndjson" 2>/dev/null); code=$?
set -e
[ "$code" -eq 2 ] || fail "json: a refused batch must exit 2, not $code"
"$PY" - "$json" <<'PYEOF' || fail "the result document of the refused batch"
import json, sys
r = json.loads(sys.argv[1])
assert r["format"] == "oversight-batch-result" and r["applied"] is False, r
assert [(e["item"], e["line"], e["status"]) for e in r["errors"]] == [(3, 3, "not_found"), (4, 4, "parse")], r
PYEOF
[ "$(rows)" -eq "$before" ] || fail "a refused batch wrote history rows"

# The JSON document: applied.
out=$(run batch "$DATA/feed.json")
expect_in "$out" "batch applied: 19 items (12 added, 3 updated, 0 unchanged, 4 deleted)"
# Sent again (a host that lost the response): applied, each end and deletion
# already in place counted unchanged; what it adds then deletes (BX-002, an
# event, an attribute, an exemption) is added and deleted again, ending as it was; a third
# time does just the same.
again="batch applied: 19 items (5 added, 3 updated, 7 unchanged, 4 deleted)"
out=$(run batch "$DATA/feed.json") || fail "feed.json sent again must be applied"
expect_in "$out" "$again"
out=$(run batch "$DATA/feed.json") || fail "feed.json sent a third time must be applied"
expect_in "$out" "$again"
# NDJSON from standard input, with recorded_by for events without one.
out=$(run batch --recorded-by "PARIS feed" - <"$DATA/feed.ndjson")
expect_in "$out" "batch applied: 5 items (5 added"
out=$(run batch - <"$DATA/feed.ndjson")
expect_in "$out" "(0 added, 0 updated, 5 unchanged, 0 deleted)"

# A file that is not there, and a document that is not JSON: exit 1.
if err=$(run batch "$WORK/none.json" 2>&1 >/dev/null); then fail "a missing file must fail"; fi
expect_in "$err" "cannot open batch file"
# A directory is not a batch file: an I/O error that says so.
if err=$(run batch "$WORK" 2>&1 >/dev/null); then fail "a directory must fail"; fi
expect_in "$err" "it is a directory"
printf '{"format": "oversight-batch",\n"version": 1, "items": [' >"$WORK/cut.json"
set +e
err=$(run batch "$WORK/cut.json" 2>&1 >/dev/null); code=$?
set -e
[ "$code" -eq 1 ] || fail "a document that is not JSON must exit 1, not $code"
expect_in "$err" "cut.json: line 2, column"
echo "batch.sh: ok"
