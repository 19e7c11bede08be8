#!/usr/bin/env bash
# End-to-end test of the plan commands of the oversight CLI:
# import-plan, export-plan, report, due, history, people, progress, action, rag.
set -euo pipefail

CLI=${OVERSIGHT_CLI:?set OVERSIGHT_CLI to the oversight executable}
SEED=${OVERSIGHT_SHARED_DIR:?set OVERSIGHT_SHARED_DIR}/seed/000_34f8af1d34ad7c07.txt
PY=${OVERSIGHT_PYTHON:-/usr/bin/python3}
if [[ ! -f $SEED ]]; then
    # ctest reports exit 77 as skipped (SKIP_RETURN_CODE); CI always has the seed.
    echo "SKIPPED: needs $SEED (the shared real-format data; present in CI)"
    exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
DB="$work/plan.db"

fail() { echo "FAIL: $*" >&2; exit 1; }

# expect_exit CODE CMD...: runs CMD, checks its exit status, keeps out/err.
expect_exit() {
    local want=$1; shift
    local got=0
    "$@" >out.txt 2>err.txt || got=$?
    [[ $got == "$want" ]] || { cat out.txt err.txt >&2; fail "exit $got, wanted $want: $*"; }
}

# --help on every command exits 0 and prints usage.
for cmd in import-plan export-plan report due history people "people add" "people merge" progress action \
           "action set" rag "rag set" "rag clear"; do
    # shellcheck disable=SC2086
    expect_exit 0 "$CLI" $cmd --help
    grep -qi "usage" out.txt || fail "'$cmd --help' printed no usage"
done

# Import the seed: counts on stdout, each warning as "line N: message" on stderr.
expect_exit 0 "$CLI" --db "$DB" import-plan "$SEED" --report-date 2012-09-14 --authority "Southampton City Council"
grep -Eq '^imported plan 1 .*20 recommendations, [0-9]+ actions' out.txt || fail "import summary: $(cat out.txt)"
[[ -s err.txt ]] || fail "the seed import gave no warnings"
if grep -Evq '^line [0-9]+: .+' err.txt; then fail "warning not in 'line N: message' form: $(grep -Ev '^line [0-9]+: ' err.txt | head -1)"; fi

# The full report as JSON is ONE document with 20 recommendations, their actions, RAG and reasons.
"$CLI" --db "$DB" report --as-of 2012-10-12 --format json >report.json
"$PY" - report.json <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["format"] == "oversight-document" and d["kind"] == "full", d["format"]
table = next(b for b in d["blocks"] if b.get("id") == "actions")
rows = table["rows"]
numbers = []
for r in rows:
    if not numbers or numbers[-1] != r["recommendation"]:
        numbers.append(r["recommendation"])
assert numbers == list(range(1, 21)), numbers
assert d["as_of"] == "2012-10-12", d["as_of"]
actions = [dict(r, ref=r["action_ref"]) for r in rows if r["action_ref"]]
assert len(actions) >= 20, len(actions)
for r in rows:
    assert r["recommendation_rag"]["rag"] in ("red", "amber", "green", "blue", "none"), r
    assert r["recommendation_rag_reason"], r
for a in actions:
    assert a["rag"]["rag"] in ("red", "amber", "green", "blue", "none"), a
    assert a["rag_reason"], a
    a["rag"] = a["rag"]["rag"]
refs = {a["ref"]: a for a in actions}
# 2.4 was withdrawn for savings: no RAG. 1.1 ("Immediately", 2012-09-14) is overdue.
assert refs["2.4"]["status"] == "withdrawn" and refs["2.4"]["rag"] == "none", refs["2.4"]
assert refs["1.1"]["rag"] == "red" and "overdue" in refs["1.1"]["rag_reason"], refs["1.1"]
EOF
# Exactly one JSON document (json.load above would refuse trailing text too).
"$PY" -c 'import json,sys; json.loads(sys.stdin.read())' <report.json || fail "report is not one JSON document"

# Every kind and format works.
for kind in full plan due leads costs; do
    for format in text md csv json; do
        expect_exit 0 "$CLI" --db "$DB" report --as-of 2012-10-12 --kind "$kind" --format "$format"
        [[ -s out.txt ]] || fail "empty report $kind/$format"
    done
done

# due: the plan's overdue and due-soon actions.
expect_exit 0 "$CLI" --db "$DB" --as-of 2012-10-12 due --within 14 --format json
"$PY" -c 'import json,sys; json.load(open("out.txt"))' || fail "due --format json is not JSON"
grep -q '1\.1' out.txt || fail "due does not list overdue action 1.1"

# export-plan round trip through JSON and CSV.
expect_exit 0 "$CLI" --db "$DB" export-plan --format json
cp out.txt plan.json
expect_exit 0 "$CLI" --db "$DB" export-plan --format csv
cp out.txt plan.csv
expect_exit 0 "$CLI" --db "$work/copy.db" import-plan plan.json
expect_exit 0 "$CLI" --db "$work/copy.db" import-plan plan.csv
expect_exit 0 "$CLI" --db "$work/copy.db" export-plan --plan 1 --format json
cmp -s out.txt plan.json || fail "JSON round trip changed the plan"
expect_exit 0 "$CLI" --db "$work/copy.db" export-plan --plan 2 --format json
cmp -s out.txt plan.json || fail "CSV round trip changed the plan"

# Changes, each in the history with old and new values.
expect_exit 0 "$CLI" --db "$DB" progress 1.1 "Twelve posts filled; agency use down" --author "Felicity Budgen" --date 2012-10-10
expect_exit 0 "$CLI" --db "$DB" action set 1.1 --status complete --due 2012-10-31
expect_exit 0 "$CLI" --db "$DB" action set 2.5 --lead "Stuart Holes"
expect_exit 0 "$CLI" --db "$DB" rag set 1.2 amber --by "Director of Children's Services" --reason "training uptake low; '; DROP TABLE actions; --" --on 2012-10-11
expect_exit 0 "$CLI" --db "$DB" history --entity action --format json
"$PY" - out.txt <<'EOF'
import json, sys
h = json.load(open(sys.argv[1]))
changed = [(c["field"], c["old"], c["new"]) for c in h if c["field"] != "*"]
assert ("status", "in_progress", "complete") in changed, changed
assert ("due", None, "2012-10-31") in changed, changed
assert ("rag", None, "amber") in changed, changed
assert ("rag_reason", None, "training uptake low; '; DROP TABLE actions; --") in changed, changed
assert ("lead", "Gill Horrobin", "Stuart Holes") in changed, changed
EOF
expect_exit 0 "$CLI" --db "$DB" history
grep -q 'status: in_progress -> complete' out.txt || fail "history text lacks the status change"
grep -q 'created: ' out.txt || fail "history text lacks created rows"

"$CLI" --db "$DB" report --as-of 2012-10-12 --format json >after.json
"$PY" - after.json <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
rows = next(b for b in d["blocks"] if b.get("id") == "actions")["rows"]
refs = {r["action_ref"]: r for r in rows if r["action_ref"]}
assert refs["1.1"]["rag"]["rag"] == "blue", refs["1.1"]
assert refs["1.2"]["rag"]["rag"] == "amber" and refs["1.2"]["overridden"] == "true", refs["1.2"]
assert "Director of Children's Services" in refs["1.2"]["rag_reason"], refs["1.2"]
assert refs["2.5"]["lead"] == "Stuart Holes", refs["2.5"]
EOF
expect_exit 0 "$CLI" --db "$DB" rag clear 1.2
expect_exit 1 "$CLI" --db "$DB" rag clear 1.2
grep -q "1.2" err.txt || fail "clearing a missing override does not name the action"

# people: the directory, leads not in it, and Lindsay/Lindsey Voss as a probable duplicate.
expect_exit 0 "$CLI" --db "$DB" people add "Felicity Budgen" --role "Head of Safeguarding" --email fb@example.org
expect_exit 0 "$CLI" --db "$DB" people
grep -q 'Felicity Budgen, Head of Safeguarding' out.txt || fail "people: directory entry missing"
grep -q '^  Gill Horrobin$' out.txt || fail "people: unlisted lead missing"
grep -Eq 'Lindsa?e?y Voss / Lindse?a?y Voss' out.txt || fail "people: Lindsay/Lindsey Voss not a probable duplicate: $(cat out.txt)"
expect_exit 0 "$CLI" --db "$DB" people merge "Lindsey Voss" "Lindsay Voss"
expect_exit 0 "$CLI" --db "$DB" people
if grep -q 'Lindsey Voss' out.txt; then fail "people: Lindsey Voss still named after the merge"; fi
expect_exit 1 "$CLI" --db "$DB" people add "felicity budgen"
expect_exit 1 "$CLI" --db "$DB" people merge "Nobody Here" "Gill Horrobin"
grep -q "Nobody Here" err.txt || fail "merge of an unknown name does not name it"

# Bad input: exit 1 with the reason on stderr, and nothing changed.
before=$("$CLI" --db "$DB" history --format json | "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))')
expect_exit 1 "$CLI" --db "$DB" import-plan "$work/missing.txt"
grep -q "missing.txt" err.txt || fail "missing file not named: $(cat err.txt)"
"$PY" -c 'import sys; open(sys.argv[2], "wb").write(open(sys.argv[1], encoding="utf-8").read().encode("utf-16"))' \
    "$SEED" "$work/utf16.txt"
expect_exit 1 "$CLI" --db "$work/utf16.db" import-plan "$work/utf16.txt"
grep -q "utf16.txt: the file is UTF-16 text: save it as UTF-8" err.txt || fail "a UTF-16 seed is not refused naming the file: $(cat err.txt)"
[[ ! -e "$work/utf16.db" ]] || fail "a refused import created a store"
expect_exit 1 "$CLI" --db "$DB" import-plan "$SEED" --report-date 2012-02-30
grep -q -- "--report-date" err.txt || fail "bad date not reported: $(cat err.txt)"
expect_exit 1 "$CLI" --db "$DB" report --as-of 2012-13-01
[[ -s err.txt ]] || fail "bad --as-of gave no message"
expect_exit 1 "$CLI" --db "$DB" report --format pdf
expect_exit 1 "$CLI" --db "$DB" report --kind everything
expect_exit 1 "$CLI" --db "$DB" progress 99.9 "text"
grep -q "99.9" err.txt || fail "unknown ref not named: $(cat err.txt)"
expect_exit 1 "$CLI" --db "$DB" action set 99.9 --status complete
grep -q "99.9" err.txt || fail "unknown ref not named: $(cat err.txt)"
expect_exit 1 "$CLI" --db "$DB" action set 1.1 --status finished-ish
expect_exit 1 "$CLI" --db "$DB" action set 1.1
expect_exit 1 "$CLI" --db "$DB" action set 1.1 --due 31/10/2012
expect_exit 1 "$CLI" --db "$DB" rag set 1.1 purple --by A --reason B
expect_exit 1 "$CLI" --db "$DB" rag set 1.1 red --reason B
expect_exit 1 "$CLI" --db "$DB" export-plan --plan 42
grep -q "42" err.txt || fail "unknown plan not named"
expect_exit 1 "$CLI" --db "$DB" export-plan --format xml
expect_exit 0 "$CLI" --db "$work/empty.db" people add "Ann Lee"   # a store with no plan
expect_exit 1 "$CLI" --db "$work/empty.db" report
grep -qi "no plan" err.txt || fail "empty store: $(cat err.txt)"
after=$("$CLI" --db "$DB" history --format json | "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))')
[[ $before == "$after" ]] || fail "failed commands changed the history ($before -> $after rows)"

# Read-only commands never create a store: exit 1, and no file appears.
for cmd in report due history people export-plan; do
    expect_exit 1 "$CLI" --db "$work/none.db" $cmd
    grep -qF "no store at $work/none.db (run import-plan first)" err.txt || fail "$cmd on a missing store: $(cat err.txt)"
    [[ ! -e "$work/none.db" ]] || fail "$cmd created $work/none.db"
done

# A damaged seed whose action reference repeats one used elsewhere ("3.2" printed as
# "2.3" or "4.2"): imported with the repeat renumbered and a warning naming both lines.
for bad in 2.3 4.2; do
    sed "19s/\t3\.2\t/\t$bad\t/" "$SEED" >"$work/dup.txt"
    grep -q "	$bad	Communicate with partners" "$work/dup.txt" || fail "could not damage line 19"
    rm -f "$work/dup.db"
    expect_exit 0 "$CLI" --db "$work/dup.db" import-plan "$work/dup.txt" --report-date 2012-09-14
    grep -Eq '^line [0-9]+: action reference [0-9.]+ on line [0-9]+ was already used on line [0-9]+: renumbered to' err.txt \
        || fail "no renumbering warning for $bad: $(grep -i 'already' err.txt)"
    grep -q "34 actions" out.txt || fail "damaged seed ($bad) lost actions: $(cat out.txt)"
done
# Warnings come out even when the save fails (the store cannot be opened here).
expect_exit 1 "$CLI" --db "$work/no/such/dir/x.db" import-plan "$work/dup.txt" --report-date 2012-09-14
grep -q "renumbered to" err.txt || fail "warnings not printed before a failed save"
# A save error names the file: a canonical JSON plan with one reference twice.
"$CLI" --db "$DB" export-plan --format json >"$work/twice.json"
"$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
acts = d["recommendations"][0]["actions"]
acts[1]["ref"] = acts[0]["ref"]
json.dump(d, open(sys.argv[1], "w"))
' "$work/twice.json"
expect_exit 1 "$CLI" --db "$work/twice.db" import-plan "$work/twice.json"
grep -q "twice.json" err.txt || fail "save error does not name the file: $(cat err.txt)"

# Invalid UTF-8 is refused by the store, and history JSON stays valid whatever the actor bytes.
expect_exit 1 "$CLI" --db "$DB" progress 1.2 $'bad \xff text'
grep -q "invalid UTF-8 at byte 5" err.txt || fail "invalid UTF-8 progress: $(cat err.txt)"
USER=$'\xff\xfeactor' expect_exit 0 "$CLI" --db "$DB" progress 1.2 "fine text"
expect_exit 0 "$CLI" --db "$DB" history --format json
"$PY" -c 'import json,sys; json.loads(open("out.txt","rb").read().decode("utf-8", "strict"))' \
    || fail "history --format json is not valid UTF-8 JSON"
expect_exit 0 "$CLI" --db "$DB" export-plan --format json

# `due` without --within uses the plan's due_soon_days; --within overrides it.
"$CLI" --db "$DB" export-plan --format json >"$work/soon.json"
"$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
d["settings"]["due_soon_days"] = 7
json.dump(d, open(sys.argv[1], "w"))
' "$work/soon.json"
expect_exit 0 "$CLI" --db "$work/soon.db" import-plan "$work/soon.json"
expect_exit 0 "$CLI" --db "$work/soon.db" --as-of 2012-10-12 due --format json
"$PY" -c 'import json; d=json.load(open("out.txt")); t=next(b["title"] for b in d["blocks"] if b.get("id")=="due_soon"); assert t.startswith("Due within %d days" % 7), t' \
    || fail "due without --within ignores the plan setting"
expect_exit 0 "$CLI" --db "$work/soon.db" --as-of 2012-10-12 due --within 30 --format json
"$PY" -c 'import json; d=json.load(open("out.txt")); t=next(b["title"] for b in d["blocks"] if b.get("id")=="due_soon"); assert t.startswith("Due within %d days" % 30), t' || fail "--within 30 ignored"
expect_exit 0 "$CLI" --db "$work/soon.db" --as-of 2012-10-12 report --kind due --format json
"$PY" -c 'import json; d=json.load(open("out.txt")); t=next(b["title"] for b in d["blocks"] if b.get("id")=="due_soon"); assert t.startswith("Due within %d days" % 7), t' \
    || fail "report --kind due without --within ignores the plan setting"

# A store from Oversight 1.0 (schema version 3): a read-only command migrates it
# once (a read-only open cannot) and reads it; the directory now has the workers.
PROJECT=${OVERSIGHT_PROJECT_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
"$PY" - "$PROJECT/tests/data/store" "$work/v3.db" <<'EOF_PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[2])
for name in ("v3_schema.sql", "v3_rows.sql"):
    db.executescript(open(sys.argv[1] + "/" + name, encoding="utf-8").read())
db.execute("PRAGMA user_version = 3")
db.commit()
EOF_PY
expect_exit 0 "$CLI" --db "$work/v3.db" people --plan 1
grep -q '^  Ann Lee, Social worker (Team A) <ann@example.org>$' out.txt || fail "people of a 1.0 store: $(cat out.txt)"
grep -q '^  Mark Jowett$' out.txt || fail "people of a 1.0 store: unlisted lead missing"
expect_exit 0 "$CLI" --db "$work/v3.db" --as-of 2012-10-12 report --plan 1

# report --output: html, xlsx and pdf into a file, whole or not at all.
expect_exit 0 "$CLI" --db "$DB" --as-of 2012-10-12 report --format html --output "$work/plan.html"
[[ ! -s out.txt ]] || fail "report --output also printed: $(head -c 200 out.txt)"
grep -q '<table' "$work/plan.html" || fail "report --format html wrote no table"
expect_exit 1 "$CLI" --db "$DB" report --format xlsx
grep -q "give --output FILE" err.txt || fail "xlsx to stdout: $(cat err.txt)"
expect_exit 1 "$CLI" --db "$DB" report --format pdf
grep -q "give --output FILE" err.txt || fail "pdf to stdout: $(cat err.txt)"
expect_exit 0 "$CLI" --db "$DB" --as-of 2012-10-12 report --format xlsx --output "$work/plan.xlsx"
if "$PY" -c 'import openpyxl' 2>/dev/null; then
    "$PY" - "$work/plan.xlsx" <<'EOF_PY' || fail "report --format xlsx read back"
import datetime, openpyxl, sys
book = openpyxl.load_workbook(sys.argv[1])
sheet = book["Actions by recommendation"]
header = [c.value for c in sheet[1]]
due = header.index("Due") + 1
dues = [sheet.cell(row=r, column=due).value for r in range(2, sheet.max_row + 1)]
assert any(isinstance(d, datetime.datetime) for d in dues), dues[:5]
assert sheet.freeze_panes == "A2", sheet.freeze_panes
EOF_PY
fi
# A file that cannot be written: an error naming it, and the old file stays whole.
cp "$work/plan.html" "$work/before.html"
expect_exit 1 "$CLI" --db "$DB" report --format html --output "$work/no/such/dir/plan.html"
grep -q "no/such/dir/plan.html" err.txt || fail "unwritable --output: $(cat err.txt)"
expect_exit 1 "$CLI" --db "$DB" report --kind everything --format html --output "$work/plan.html"
cmp -s "$work/plan.html" "$work/before.html" || fail "a failed report changed the old --output file"
# Not a regular file (a device, a pipe): written through, as it is.
expect_exit 0 "$CLI" --db "$DB" --as-of 2012-10-12 report --kind leads --format csv --output /dev/stdout
grep -q "^lead," out.txt || fail "report --output /dev/stdout: $(head -3 out.txt)"
expect_exit 1 "$CLI" --db "$DB" report --since 2012-02-30
grep -q -- "--since" err.txt || fail "bad --since: $(cat err.txt)"
if command -v chromium >/dev/null || [[ -n ${OVERSIGHT_CHROMIUM:-} ]]; then
    expect_exit 0 "$CLI" --db "$DB" --as-of 2012-10-12 report --format pdf --output "$work/plan.pdf"
    head -c 5 "$work/plan.pdf" | grep -q '%PDF-' || fail "report --format pdf wrote no PDF"
    if command -v pdftotext >/dev/null; then
        pdftotext "$work/plan.pdf" "$work/plan.pdf.txt"
        grep -q "Stuart Holes" "$work/plan.pdf.txt" || fail "the PDF's text lacks a lead"
    fi
else
    echo "note: chromium is not installed; report --format pdf not tried"
fi
# The board paper (the seed's columns, changes since the previous paper) and the dashboard.
expect_exit 0 "$CLI" --db "$DB" --as-of 2012-10-12 report --kind board --since 2012-09-14 --format md
grep -q "What do we still need to do" out.txt || fail "board paper lacks the seed's columns: $(head -5 out.txt)"
grep -q "Changed since 2012-09-14" out.txt || fail "board paper lacks the changes column"
expect_exit 0 "$CLI" --db "$DB" --as-of 2012-10-12 report --kind board --format json
"$PY" - out.txt <<'EOF_PY' || fail "board paper JSON"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["kind"] == "board", d["kind"]
rows = next(b for b in d["blocks"] if b.get("id") == "board")["rows"]
numbers = []
for r in rows:
    if not numbers or numbers[-1] != r["recommendation_number"]:
        numbers.append(r["recommendation_number"])
assert numbers == list(range(1, 21)), numbers
EOF_PY
expect_exit 1 "$CLI" --db "$DB" --as-of 2012-10-12 report --kind board --since 2012-10-12
expect_exit 0 "$CLI" --db "$DB" --as-of 2012-10-12 report --kind dashboard --format html --output "$work/dash.html"
grep -q "<svg" "$work/dash.html" || fail "the dashboard has no chart"
OVERSIGHT_CHROMIUM="$work/no-such-browser" expect_exit 1 "$CLI" --db "$DB" report --format pdf --output "$work/x.pdf"
[[ ! -e $work/x.pdf ]] || fail "a failed pdf left a file"

echo "cli plan: all checks passed"
