#!/usr/bin/env bash
# End to end: exemptions from the CLI (issue 9 point 4): case exempt,
# case exemptions (text and JSON), case exempt-end, the refusals, the
# history rows they write, and a child's erasure taking them along.
set -euo pipefail

. "$(dirname "$0")/support.bash"
json() { "$PY" -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

for cmd in "case exempt" "case exemptions" "case exempt-end"; do
  # shellcheck disable=SC2086
  out=$("$CLI" $cmd --help) || fail "$cmd --help failed"
  expect_in "$out" "Usage"
done
expect_fail "no store at" case exemptions C1

run case add C1 --worker "Ann Lee" --team "Team A" --from 2024-03-01 >/dev/null
run case add C2 --worker "Ann Lee" --team "Team A" --from 2024-03-01 >/dev/null

# A child missing for three weeks, for visits and reviews.
out=$(run case exempt C1 --kind missing --from 2024-03-04 --to 2024-03-24 \
        --reason "missing from placement, police ref 24/1187" --approved-by "Mo Manager" \
        --area visits --area reviews --external-id PARIS-X-1 --by tester)
expect_in "$out" "added: child C1 missing from 2024-03-04 to 2024-03-24"
id=$(sed -E 's/^exemption ([0-9]+) .*/\1/' <<<"$out")
out=$(run case exempt C1 --kind missing --from 2024-03-04 --to 2024-03-24 \
        --reason "missing from placement, police ref 24/1187" --approved-by "Mo Manager" \
        --area reviews --area visits --external-id PARIS-X-1 --by tester)
expect_in "$out" "exemption $id unchanged"
# A visit refused, open until ended.
out=$(run case exempt C1 --kind visit-refused --from 2024-04-02 --reason "refused to see the worker" \
        --approved-by "Mo Manager")
expect_in "$out" "visit_refused from 2024-04-02 (open)"
refused=$(sed -E 's/^exemption ([0-9]+) .*/\1/' <<<"$out")

out=$(run case exemptions C1)
expect_in "$out" "2024-03-04 to 2024-03-24  missing  reviews, visits  approved by Mo Manager: missing from placement"
expect_in "$out" "2024-04-02 to (open)"
out=$(run case exemptions C2)
expect_in "$out" "child C2 has no exemptions"

out=$(run case exempt-end "$refused" --to 2024-04-02 --by "Mo Manager")
expect_in "$out" "exemption $refused ends on 2024-04-02"
doc=$(run case exemptions C1 --format json)
[ "$(json 'd["format"]' <<<"$doc")" = "oversight-exemptions" ] || fail "not an oversight-exemptions document: $doc"
[ "$(json 'len(d["exemptions"])' <<<"$doc")" = 2 ] || fail "two exemptions expected: $doc"
[ "$(json 'd["exemptions"][1]["to"]' <<<"$doc")" = "2024-04-02" ] || fail "ended on 2024-04-02: $doc"
[ "$(json 'd["exemptions"][0]["areas"]' <<<"$doc")" = "['reviews', 'visits']" ] || fail "areas: $doc"

# Refusals name what is wrong.
expect_fail "unknown exemption kind \"holiday\"" case exempt C1 --kind holiday --from 2024-03-04 --reason r --approved-by Mo
expect_fail "ends before it starts" case exempt C1 --kind missing --from 2024-03-04 --to 2024-03-01 --reason r --approved-by Mo
expect_fail "reason" case exempt C1 --kind missing --from 2024-03-04 --reason " " --approved-by Mo
expect_fail "no child with id 'C9'" case exempt C9 --kind missing --from 2024-03-04 --reason r --approved-by Mo
expect_fail "no exemption 9999" case exempt-end 9999 --to 2024-03-04
expect_fail "before it starts" case exempt-end "$refused" --to 2024-04-01
expect_fail "--format must be text or json" case exemptions C1 --format csv

# The history has them, and an erasure takes them along.
hist=$(run history --format json --entity exemption)
[ "$(json 'len(d)' <<<"$hist")" = 3 ] || fail "three history rows (two created, one ended): $hist"
out=$(run case erase C1 --reason "erasure request 2024/120")
expect_in "$out" "2 exemptions removed"
expect_fail "no child with id 'C1'" case exemptions C1
echo "exemptions.sh: ok"
