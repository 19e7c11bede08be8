#!/usr/bin/env bash
# End to end (issue 10 point 1): audit samples of "n cases per team manager"
# (audit programme add --stratify manager): a case's stratum is the line
# manager of its worker on the day of the draw (people appoint
# --line-manager). Two managers over three workers in two teams.
set -euo pipefail

DB=m.db
. "$(dirname "$0")/support.bash"

out=$("$CLI" people appoint --help) || fail "people appoint --help failed"
expect_in "$out" "--line-manager"
out=$("$CLI" audit programme add --help) || fail "audit programme add --help failed"
expect_in "$out" "manager"

for who in "Head of Service" "Mia Grant" "Raj Patel"; do run people add "$who" >/dev/null; done
# Ann Lee (Team A) holds C1-C4, Bo Chan (Team B) C5-C7, Cy Dunn (Team B) C8-C10.
for i in 1 2 3 4; do run case add "C$i" --worker "Ann Lee" --team "Team A" --from 2012-01-02 >/dev/null; done
for i in 5 6 7; do run case add "C$i" --worker "Bo Chan" --team "Team B" --from 2012-01-02 >/dev/null; done
for i in 8 9 10; do run case add "C$i" --worker "Cy Dunn" --team "Team B" --from 2012-01-02 >/dev/null; done
# Mia Grant manages Ann Lee and Bo Chan (both teams), Raj Patel Cy Dunn;
# from 3 September 2012 Cy Dunn has no line manager.
out=$(run people appoint "Ann Lee" --role social_worker --team "Team A" --line-manager "Mia Grant")
expect_in "$out" "Ann Lee as social_worker in Team A, line manager Mia Grant"
run people appoint "Bo Chan" --role social_worker --team "Team B" --line-manager "Mia Grant" >/dev/null
run people appoint "Cy Dunn" --role social_worker --team "Team B" --line-manager "Raj Patel" >/dev/null
out=$(run people appoint "Cy Dunn" --role social_worker --team "Team B" --from 2012-09-03)
expect_in "$out" "Cy Dunn as social_worker in Team B from 2012-09-03"
expect_fail "--role" people appoint "Cy Dunn" --role wizard
expect_fail "Nobody" people appoint "Cy Dunn" --role social_worker --line-manager Nobody --from 2012-10-01

out=$(run audit programme add "Manager audit" --type management --owner "Head of Service" --per-stratum 2 \
      --stratify manager)
expect_in "$out" "audit programme Manager audit added"
out=$(run audit list --format json)
expect_in "$out" '"per_stratum":2,"stratify":"manager"'
expect_fail "managers" audit programme add "Bad" --type management --owner "Head of Service" --per-stratum 2 \
    --stratify managers

# 1 August 2012: Mia Grant's 7 cases (C1-C7) and Raj Patel's 3 (C8-C10), 2 of each.
out=$(run --as-of 2012-08-01 audit sample "Manager audit" --seed 2012)
expect_in "$out" "Mia Grant: 2 drawn of 7 (0 audited in the exclusion period)"
expect_in "$out" "Raj Patel: 2 drawn of 3 (0 audited in the exclusion period)"
expect_in "$out" "4 case(s), seed 2012, 2012-08-01"
[ "$(grep -c '\[Raj Patel\] Cy Dunn, Team B' <<<"$out")" = 2 ] || fail "Raj Patel's two cases are Cy Dunn's: $out"
[ "$(grep -c '\[Mia Grant\] \(Ann Lee, Team A\|Bo Chan, Team B\)' <<<"$out")" = 2 ] ||
  fail "Mia Grant's two cases are Ann Lee's or Bo Chan's: $out"
a=$(run --as-of 2012-08-01 audit sample "Manager audit" --seed 2012 --format json)
b=$(run --as-of 2012-08-01 audit sample "Manager audit" --seed 2012 --format json)
[ "$a" = "$b" ] || fail "the same seed gave two samples: $a / $b"
expect_in "$a" '{"stratum":"Mia Grant","eligible":7,"excluded":0,"drawn":2}'
expect_in "$a" '{"stratum":"Raj Patel","eligible":3,"excluded":0,"drawn":2}'

# 10 September 2012: Cy Dunn's cases have no manager: "(none)".
out=$(run --as-of 2012-09-10 audit sample "Manager audit" --seed 2012)
expect_in "$out" "(none): 2 drawn of 3"
expect_in "$out" "Mia Grant: 2 drawn of 7"
if grep -qF "Raj Patel" <<<"$out"; then fail "Raj Patel manages nobody on 2012-09-10: $out"; fi
echo "audit_managers: ok"
