#!/usr/bin/env bash
# End to end (issue 10 points 1-3): audit programme add / due, audit add
# (the seed's PEP audit, counts only), report, trend, sample, actions,
# complete, due, list.
set -euo pipefail

DB=a.db
. "$(dirname "$0")/support.bash"

for cmd in "audit programme add" "audit programme due" "audit add" "audit list" "audit report" "audit trend" \
           "audit sample" "audit actions" "audit complete" "audit due"; do
  # shellcheck disable=SC2086
  out=$("$CLI" $cmd --help) || fail "$cmd --help failed"
  expect_in "$out" "Usage"
done

run people add "Virtual School Head" >/dev/null
run people add "Designated Teacher" --agency Education >/dev/null
out=$(run audit programme add "PEP audit" --type pep --owner "Virtual School Head" --cycle quarterly \
      --scale two_point --due 2012-12-12)
expect_in "$out" "audit programme PEP audit added"
expect_fail "already exists" audit programme add "pep audit" --type pep --owner "Virtual School Head"
expect_fail "no person named \"Nobody\"" audit programme add X --type pep --owner Nobody
expect_fail "--scale" audit programme add X --type pep --owner "Virtual School Head" --scale "good, poor"

pep() {  # pep REF HELD SATISFACTORY INADEQUATE [RECOMMENDATIONS]
  cat >"$1.json" <<JSON
{"format":"oversight-audit-record","version":1,"reference":"$1","programme":"PEP audit","held":"$2",
 "recorded":"$2","auditors":[{"name":"Virtual School Head"},{"name":"Designated Teacher","agency":"Education"}],
 "counts":{"satisfactory":$3,"inadequate":$4},"recommendations":[${5:-}]}
JSON
}
pep PEP-1 2012-08-23 8 10 '{"text":"Train designated teachers","owner":"Designated Teacher","due":"2012-10-31"}'
out=$(run audit add PEP-1.json)
# Quarterly from 23 Aug 2012 is 23 Nov, earlier than the 12 Dec set: kept.
expect_in "$out" "audit PEP-1 recorded; PEP audit next due 2012-12-12"
out=$(run audit report PEP-1)
expect_in "$out" "satisfactory: 8 of 18 (44.4%, 95% CI 24.6%-66.3%)"
out=$(run audit report PEP-1 --format json)
expect_in "$out" '"format":"oversight-audit-result"'
out=$(run audit trend "PEP audit")
expect_in "$out" "Too few audits"
pep PEP-2 2012-11-22 10 8
pep PEP-3 2013-02-20 12 6
run audit add PEP-2.json >/dev/null
out=$(run audit add PEP-3.json)
expect_in "$out" "next due 2013-05-20"
out=$(run audit trend "PEP audit")
expect_in "$out" "Too small to tell"
expect_in "$out" "n=18"
# The audit type's trend across its programmes (one programme of type pep here: the same audits).
out=$(run audit trend --type pep --format json)
expect_in "$out" '"programme":"PEP audit","type":"pep"'
expect_in "$out" '"verdict":"too_small"'
expect_fail "give PROGRAMME or --type" audit trend
expect_fail "no audit programme of type \"peer_triangle\"" audit trend --type peer_triangle
expect_fail "already exists" audit add PEP-3.json
printf '{"format":"oversight-audit-record","version":1}' >bad.json
expect_fail "bad.json: .reference is missing" audit add bad.json
printf '{' >broken.json
expect_fail "broken.json" audit add broken.json

out=$(run --as-of 2012-11-15 audit actions --open)
expect_in "$out" "PEP-1 #1 Designated Teacher due 2012-10-31: OVERDUE by 15 days"
run audit complete PEP-1 1 2012-11-16 >/dev/null
out=$(run --as-of 2012-11-20 audit actions)
expect_in "$out" "PEP-1 #1 Designated Teacher due 2012-10-31: done 2012-11-16"
out=$(run --as-of 2013-05-10 audit due)
expect_in "$out" "Virtual School Head: PEP audit due 2013-05-20 (10 days left)"
out=$(run audit list)
expect_in "$out" "PEP audit (pep, quarterly, owner Virtual School Head): next due 2013-05-20"

# Samples: the same seed gives the same sample.
for i in 1 2 3 4 5 6 7 8; do run case add "C$i" --worker "Ann Lee" --team "Team A" --from 2012-01-02 >/dev/null; done
run audit programme add "Case files" --type case_file --owner "Virtual School Head" --per-stratum 3 \
    --stratify team >/dev/null
a=$(run --as-of 2012-08-01 audit sample "Case files" --seed 2012 --format json)
b=$(run --as-of 2012-08-01 audit sample "Case files" --seed 2012 --format json)
[ "$a" = "$b" ] || fail "the same seed gave two samples: $a / $b"
out=$(run --as-of 2012-08-01 audit sample "Case files" --seed 2012)
expect_in "$out" "Team A: 3 drawn of 8"
expect_fail "--seed" audit sample "Case files" --seed x1
expect_fail "counts only" audit sample "PEP audit"
echo "audits: ok"
