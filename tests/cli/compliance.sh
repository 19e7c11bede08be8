#!/usr/bin/env bash
# End to end: compliance as of a date (text, csv, json), by team, with the
# child-level rows, a child moved between workers, and refusals.
set -euo pipefail

. "$(dirname "$0")/support.bash"

out=$("$CLI" compliance --help) || fail "compliance --help failed"
expect_in "$out" "Usage"
if err=$("$CLI" --db "$WORK/missing.db" compliance 2>&1 >/dev/null); then fail "compliance on a missing store must fail"; fi
expect_in "$err" "no store at"
[ ! -e "$WORK/missing.db" ] || fail "compliance created $WORK/missing.db"

# Two children placed on Fri 1 March 2024; C2 moves from Ann to Bo on 15 April.
run case add C1 --worker "Ann Lee" --team "Team A" --from 2024-03-01 >/dev/null
run case add C2 --worker "Ann Lee" --team "Team A" --from 2024-03-01 >/dev/null
run case add C3 --worker "Bo Chan" --team "Team B" --from 2024-03-01 >/dev/null
run case add C2 --worker "Bo Chan" --team "Team B" --from 2024-04-15 >/dev/null
for c in C1 C2; do
  run case event "$c" became_looked_after 2024-03-01 --attr legal_status=C2 --by tester >/dev/null
  run case event "$c" placement_start 2024-03-01 --attr placement_type=U1 --attr legal_status=C2 --by tester >/dev/null
done
run case event C1 visit 2024-03-05 --attr due_date=2024-03-02 --by tester >/dev/null
# C2's first visit, late, after the move: the next one falls due in Bo's time.
run case event C2 visit 2024-04-20 --by tester >/dev/null

json=$(run --as-of 2024-06-30 compliance --from 2024-03-01 --format json)
"$PY" - "$json" <<'PYEOF' || fail "json does not add up: $json"
import json, sys
doc = json.loads(sys.argv[1])
assert doc["format"] == "oversight-compliance" and doc["version"] == 1
items = doc["items"]
assert items
overall = [g for g in doc["groups"] if g["by"] == "overall"][0]
assert overall["numerator"] == sum(i["state"] == "met_on_time" for i in items)
assert overall["denominator"] == sum(i["state"] in ("met_on_time", "met_late", "overdue") for i in items)
for by in ("team", "worker", "rule", "area"):
    gs = [g for g in doc["groups"] if g["by"] == by]
    assert sum(g["numerator"] for g in gs) == overall["numerator"], by
    assert sum(g["denominator"] for g in gs) == overall["denominator"], by
assert "Bo Chan" in {i["worker"] for i in items if i["child"] == "C2"}
for i in items:
    if i["child"] == "C2":
        assert i["worker"] == ("Ann Lee" if i["due"] < "2024-04-15" else "Bo Chan"), i
assert [i["host_due"]["date"] for i in items if i["host_due"]] == ["2024-03-02"]
PYEOF

# The same counts through the report subsystem (report --kind compliance: the
# 12 months to 30 June 2024 hold every obligation since 1 March), which needs no plan.
doc=$(run --as-of 2024-06-30 report --kind compliance --format json)
"$PY" - "$json" "$doc" <<'PYEOF' || fail "report --kind compliance disagrees with compliance: $doc"
import json, sys
comp, doc = json.loads(sys.argv[1]), json.loads(sys.argv[2])
assert doc["kind"] == "compliance", doc["kind"]
overall = [g for g in comp["groups"] if g["by"] == "overall"][0]
areas = next(b for b in doc["blocks"] if b.get("id") == "compliance_by_area")["rows"]
total = [r for r in areas if r["key"] == "(all)"][0]
assert (total["met_on_time"], total["due"]) == (overall["numerator"], overall["denominator"]), (total, overall)
teams = next(b for b in doc["blocks"] if b.get("id") == "compliance_by_team")["rows"]
assert {r["key"] for r in teams} == {"Team A", "Team B", "(all)"}, teams
PYEOF
run --as-of 2024-06-30 report --kind supervision --format md | grep -q "Supervision as of 2024-06-30" ||
  fail "report --kind supervision"
run --as-of 2024-06-30 report --kind audits --format text | grep -q "No audit programme is recorded" ||
  fail "report --kind audits on a store without programmes"

text=$(run --as-of 2024-06-30 compliance --from 2024-03-01 --children)
expect_in "$text" "Compliance as of 2024-06-30: obligations due 2024-03-01 to 2024-06-30"
expect_in "$text" "By team:"
expect_in "$text" "Children by team and worker:"
expect_in "$text" "Team A / Ann Lee"
expect_in "$text" "theirs: host due date 2024-03-02 from event visit on 2024-03-05 (attribute due_date)"

csv=$(run --as-of 2024-06-30 compliance --from 2024-03-01 --by team --format csv)
expect_in "$csv" "by,key,numerator,denominator,percent"
expect_in "$csv" "team,Team A,"
expect_in "$csv" "team,Team B,"
[ "$(wc -l <<<"$csv")" -eq 3 ] || fail "two teams and a header expected: $csv"
rows=$(run --as-of 2024-06-30 compliance --from 2024-03-01 --children --format csv)
expect_in "$rows" "team,worker,child,rule,title,area,due,state"
items=$("$PY" -c 'import json,sys; print(len(json.loads(sys.argv[1])["items"]))' "$json")
[ "$(($(wc -l <<<"$rows") - 1))" -eq "$items" ] || fail "one csv row per item expected"

bo=$(run --as-of 2024-06-30 compliance --from 2024-03-01 --worker "Bo Chan" --children)
expect_in "$bo" "Team B / Bo Chan"
if grep -qF "Ann Lee" <<<"$bo"; then fail "Bo's report shows Ann: $bo"; fi

# Termly rules (PEP reviews) need the schools' terms: never dropped silently.
# C1's PEP on Monday 16 September 2024 (Autumn term) makes its review due by
# the end of the Spring term, 4 April 2025 (tests/data/calendar_school.toml).
run case event C1 pep 2024-09-16 --by tester >/dev/null
school="${OVERSIGHT_PROJECT_DIR:?}/tests/data/calendar_school.toml"
err=$(run --as-of 2025-03-31 remind --worker "Ann Lee" --format json 2>&1 >/dev/null)
expect_in "$err" "not counted: pep.review (counted in school terms and no school calendar was given"
list=$(run --as-of 2025-03-31 remind --worker "Ann Lee" --format json 2>/dev/null)
if grep -qF '"pep.review"' <<<"$list"; then fail "pep.review listed without a school calendar: $list"; fi
err=$(run --as-of 2025-03-31 remind --worker "Ann Lee" --school-calendar "$school" 2>&1 >/dev/null)
[ -z "$err" ] || fail "nothing left out with a school calendar, but: $err"
list=$(run --as-of 2025-03-31 remind --worker "Ann Lee" --format json --school-calendar "$school")
expect_in "$list" '"due":"2025-04-04"'
expect_in "$list" '"rule":"pep.review"'
pep=$(run --as-of 2025-03-31 compliance --area pep --to 2025-04-30 --format json)
expect_in "$pep" '"not_counted":[{"rule":"pep.review"'
pep=$(run --as-of 2025-03-31 compliance --area pep --to 2025-04-30 --format json --school-calendar "$school")
expect_in "$pep" '"not_counted":[]'
expect_fail "--school-calendar" --as-of 2025-03-31 remind --school-calendar "$WORK/missing.toml"
# The reminder feed and acknowledgements count with the same terms: the
# review stays (not "disappeared") and can be acknowledged.
feed=$(run --as-of 2025-03-31 remind --worker "Ann Lee" --format json --school-calendar "$school" --changes-from 2025-03-28)
"$PY" - "$feed" <<'PYEOF' || fail "pep.review left the feed: $feed"
import json, sys
doc = json.loads(sys.argv[1])
assert not [c for c in doc["disappeared"] if c["rule"] == "pep.review"], doc["disappeared"]
assert [r for r in doc["current"] if r["rule"] == "pep.review"], doc["current"]
PYEOF
expect_fail "no obligation C1/pep.review/2025-04-04" --as-of 2025-03-31 ack C1 pep.review 2025-04-04 --by Tom
run --as-of 2025-03-31 ack C1 pep.review 2025-04-04 --by Tom --school-calendar "$school" >/dev/null

# A kept report (--keep): said on stderr, the same report as counted afresh
# (--recount), before and after a change; kept again, only the changed case.
kept=$(run --as-of 2024-06-30 compliance --from 2024-03-01 --format json --keep 2>"$WORK/keep.err")
expect_in "$(cat "$WORK/keep.err")" "cases counted (every case)"
[ "$kept" = "$json" ] || fail "the kept report differs from the one counted: $kept"
run case event C1 visit 2024-06-01 --by tester >/dev/null
read_kept=$(run --as-of 2024-06-30 compliance --from 2024-03-01 --format json)
recounted=$(run --as-of 2024-06-30 compliance --from 2024-03-01 --format json --recount)
[ "$read_kept" = "$recounted" ] || fail "kept report after a change differs from a recount"
[ "$read_kept" != "$json" ] || fail "the change after keeping is not in the report"
run --as-of 2024-06-30 compliance --from 2024-03-01 --keep >/dev/null 2>"$WORK/keep.err"
expect_in "$(cat "$WORK/keep.err")" "1 cases changed since counted again"
# The child-level CSV is written row by row as it is read from the kept
# report (a changed case merged in): the text a recount gives.
run case event C2 visit 2024-06-03 --by tester >/dev/null
streamed=$(run --as-of 2024-06-30 compliance --from 2024-03-01 --format csv --children)
[ "$streamed" = "$(run --as-of 2024-06-30 compliance --from 2024-03-01 --format csv --children --recount)" ] ||
  fail "the child-level CSV read from the kept report differs from a recount: $streamed"
# A refused filter writes nothing (not even the header) and fails.
if run --as-of 2024-06-30 compliance --format csv --children --worker "Nobody" >"$WORK/nobody.csv" 2>/dev/null; then
  fail "an unknown worker was not refused"
fi
[ ! -s "$WORK/nobody.csv" ] || fail "a refused filter wrote: $(cat "$WORK/nobody.csv")"
# --no-explain: the same child-level rows, kept or recounted, each with an
# empty explanation.
explained=$(run --as-of 2024-06-30 compliance --from 2024-03-01 --format csv --children)
for again in "" --recount; do
  plain=$(run --as-of 2024-06-30 compliance --from 2024-03-01 --format csv --children --no-explain $again)
  "$PY" - "$explained" "$plain" <<'PYEOF' || fail "--no-explain $again: rows differ from the explained ones"
import csv, io, sys
explained = list(csv.DictReader(io.StringIO(sys.argv[1])))
plain = list(csv.DictReader(io.StringIO(sys.argv[2])))
assert explained and len(plain) == len(explained), (len(plain), len(explained))
assert all(r["explanation"] for r in explained)
assert {r["explanation"] for r in plain} == {""}
for p, e in zip(plain, explained):
    p["explanation"] = e["explanation"]
assert plain == explained
PYEOF
done
# --child: one child's rows, explained, as the whole list has them.
for child in C1 C2; do
  mine=$(run --as-of 2024-06-30 compliance --from 2024-03-01 --format csv --children --child "$child" --no-explain)
  "$PY" - "$explained" "$mine" "$child" <<'PYEOF' || fail "--child $child: not the child's rows of the list"
import csv, io, sys
whole = list(csv.DictReader(io.StringIO(sys.argv[1])))
mine = list(csv.DictReader(io.StringIO(sys.argv[2])))
assert mine and mine == [r for r in whole if r["child"] == sys.argv[3]], (mine, sys.argv[3])
PYEOF
done
expect_fail "no child with id 'C9'" --as-of 2024-06-30 compliance --child C9

# host-due: a case system's extract of due dates. As of 10 March C1's next
# visit is due 6 weeks after its visit on 5 March (16 April); C2's first
# visit, a week after its placement on 1 March (8 March), is still open.
printf 'Child ID,Next visit due\r\nC1,16/04/2024\r\nC2,2024-03-15\r\nC9,2024-03-15\r\n' > "$WORK/extract.csv"
text=$(run --as-of 2024-03-10 host-due "$WORK/extract.csv" --rule visits --child-column "Child ID" --due-column "Next visit due")
expect_in "$text" "agrees 1 differs 1"
expect_in "$text" "line 3: C2 visits: differs (host 2024-03-15, Oversight 2024-03-08, +7 days)"
expect_in "$text" "theirs: host due date 2024-03-15 from $WORK/extract.csv line 3 column Next visit due"
expect_in "$text" "line 4: C9 visits: unknown_child"
hd_json=$(run --as-of 2024-03-10 host-due - --rule visits --child-column "Child ID" --due-column "Next visit due" \
  --format json < "$WORK/extract.csv")
"$PY" - "$hd_json" <<'PYEOF' || fail "host-due json: $hd_json"
import json, sys
doc = json.loads(sys.argv[1])
assert doc["format"] == "oversight-host-due-dates" and doc["file"] == "<stdin>", doc
assert [r["verdict"] for r in doc["rows"]] == ["agrees", "differs", "unknown_child"], doc["rows"]
assert doc["rows"][0]["ours"]["due"] == "2024-04-16" and doc["rows"][1]["days"] == 7
PYEOF
hd_csv=$(run --as-of 2024-03-10 host-due "$WORK/extract.csv" --rule visits --child-column "Child ID" \
  --due-column "Next visit due" --format csv)
expect_in "$hd_csv" "3,C2,visits,2024-03-15,2024-03-15,differs,7,lac.visit.first,2024-03-08"
expect_fail "required column rule is missing" --as-of 2024-03-10 host-due "$WORK/extract.csv" --child-column "Child ID" \
  --due-column "Next visit due"
expect_fail "is neither a rule id nor a rule area" --as-of 2024-03-10 host-due "$WORK/extract.csv" --rule visitz \
  --child-column "Child ID" --due-column "Next visit due"
# The case system's own child ids (--external-ids): C1 has none stored, so it is unknown.
text=$(run --as-of 2024-03-10 host-due "$WORK/extract.csv" --rule visits --child-column "Child ID" \
  --due-column "Next visit due" --external-ids)
expect_in "$text" "no child with external id 'C1'"
printf 'child,due\nC1,2024-03-08\000\n' > "$WORK/nul.csv"
expect_fail "nul.csv:2" --as-of 2024-03-10 host-due "$WORK/nul.csv" --rule visits
expect_fail "cannot" --as-of 2024-03-10 host-due "$WORK/no-such.csv" --rule visits

expect_fail "is not a date" --as-of 2024-06-30 compliance --from 2024-13-01
expect_fail "before it starts" --as-of 2024-06-30 compliance --from 2024-07-01
expect_fail "no team named" --as-of 2024-06-30 compliance --team "Team Z"
expect_fail "no rule" --as-of 2024-06-30 compliance --rule no.such.rule
echo "compliance.sh: ok"
