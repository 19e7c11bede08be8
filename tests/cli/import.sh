#!/usr/bin/env bash
# End to end: import --format ssda903|cin|csww|annex-a FILE..., twice (the
# second import adds nothing), the summary and its issues, exit statuses, and
# import-903 still working as the older spelling.
set -euo pipefail

CLI=${OVERSIGHT_CLI:?set OVERSIGHT_CLI to the oversight executable}
PY=${OVERSIGHT_PYTHON:-/usr/bin/python3}
HERE=$(cd "$(dirname "$0")" && pwd)
PROJECT=${OVERSIGHT_PROJECT_DIR:-$(cd "$HERE/../.." && pwd)}
DATA="$PROJECT/tests/data"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

fail() { echo "import.sh: $*" >&2; exit 1; }
run() { "$CLI" --db "$WORK/r.db" "$@"; }
expect_in() { grep -qF -- "$2" <<<"$1" || fail "expected '$2' in: $1"; }
count_of() {  # count_of NAME summary-text: the number after "  NAME: "
  sed -n "s/^  $1: \([0-9]*\)$/\1/p" <<<"$2"
}

out=$("$CLI" import --help) || fail "import --help failed"
expect_in "$out" "--format"
expect_in "$out" "annex-a"
out=$("$CLI" import-903 --help) || fail "import-903 --help failed"
expect_in "$out" "older spelling"

# Each format, twice.
for spec in "cin:$DATA/cin_census_sample/cin_sample.xml:events_added" \
            "csww:$DATA/csww_sample/return.xml:appointments_added" \
            "annex-a:$DATA/annex_a_sample/sample.xlsx:allocations_added" \
            "ssda903:$DATA/ssda903_sample:events_added"; do
  IFS=: read -r format file count <<<"$spec"
  out=$(run import --format "$format" "$file" 2>"$WORK/err") || fail "import --format $format failed: $(cat "$WORK/err")"
  expect_in "$out" "imported $format from $file"
  [ "$(count_of "$count" "$out")" -gt 0 ] || fail "$format: $count should be positive: $out"
  [ "$(count_of files_read "$out")" = 1 ] || fail "$format: files_read: $out"
  out=$(run import --format "$format" "$file" --quiet) || fail "second import --format $format failed"
  [ "$(count_of "$count" "$out")" = 0 ] || fail "$format: second import added: $out"
done

# SSDA903 as its CSV files, and the older spelling: nothing new either.
out=$(run import --format ssda903 "$DATA/ssda903_sample/header.csv" "$DATA/ssda903_sample/episodes.csv" \
        "$DATA/ssda903_sample/reviews.csv" --quiet)
[ "$(count_of events_added "$out")" = 0 ] || fail "ssda903 files: $out"
out=$(run import-903 "$DATA/ssda903_sample" --quiet)
expect_in "$out" "0 events added"

# Issues go to stderr with their place, unless --quiet; the exit status is 0.
err=$(run import --format cin "$DATA/cin_census_sample/cin_damaged.xml" 2>&1 >/dev/null) || fail "damaged CIN: exit status"
expect_in "$err" "error: "
expect_in "$err" "cin_damaged.xml:"
expect_in "$err" "/Message/Children/Child"
err=$(run import --format cin "$DATA/cin_census_sample/cin_damaged.xml" --quiet 2>&1 >/dev/null)
[ -z "$err" ] || fail "--quiet still printed: $err"

# One of two files unreadable: reported, the other imported, exit 0.
out=$(run import --format csww "$DATA/csww_sample/return.xml" "$WORK/missing.xml" --quiet) || fail "one missing file"
[ "$(count_of files_not_read "$out")" = 1 ] || fail "files_not_read: $out"
# Nothing readable, or a bad format: exit 1 with the reason.
if err=$(run import --format csww "$WORK/missing.xml" 2>&1 >/dev/null); then fail "nothing readable must fail"; fi
expect_in "$err" "missing.xml"
if err=$(run import --format pdf "$WORK/missing.xml" 2>&1 >/dev/null); then fail "a bad format must fail"; fi
expect_in "$err" "ssda903, cin, csww, annex-a"
if run import --format annex-a "$DATA/cin_census_sample/cin_sample.xml" >/dev/null 2>&1; then
  fail "a CIN file as Annex A must fail"
fi

# --json: the summary document.
run import --format annex-a "$DATA/annex_a_sample/sample.xlsx" --json --quiet >"$WORK/s.json"
"$PY" - "$WORK/s.json" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["format"] == "oversight-import-summary", d
assert d["importer"] == "annex-a", d
assert d["counts"]["allocations_added"] == 0, d["counts"]
assert d["counts"]["allocations_already_present"] > 0, d["counts"]
PYEOF
echo "import.sh: ok"
