#!/usr/bin/env bash
# End to end (issue 9 point 3): case attendance set / report / missed, and
# complaints add / respond / escalate / extend / set-lessons / list / lessons.
set -euo pipefail

DB=t.db
. "$(dirname "$0")/support.bash"

for cmd in "case attendance set" "case attendance report" "case attendance missed" "complaints add" \
           "complaints respond" "complaints escalate" "complaints list" "complaints lessons"; do
  # shellcheck disable=SC2086
  out=$("$CLI" $cmd --help) || fail "$cmd --help failed"
  expect_in "$out" "Usage"
done

# A core group with a GP who sent apologies and a head teacher who came.
run case add C1 --worker "Ann Lee" --team "Team A" --from 2012-09-01 >/dev/null
run people add "Dr Ann Patel" --agency NHS >/dev/null
run people add "Jo Hart" --agency "Riverside School" >/dev/null
out=$(run case event C1 core_group 2012-09-10 --by tester)
event=$(sed -E 's/^event ([0-9]+) .*/\1/' <<<"$out")
out=$(run case attendance set "$event" --apologies "Dr Ann Patel" --attended "Jo Hart" --attended "Ann Lee" \
      --role "Jo Hart=head teacher")
expect_in "$out" "3 on the list, 3 changed"
out=$(run case attendance set "$event" --apologies "Dr Ann Patel" --attended "Jo Hart" --attended "Ann Lee" \
      --role "Jo Hart=head teacher")
expect_in "$out" "3 on the list, 0 changed"
out=$(run case attendance report --from 2012-07-01 --to 2012-09-30)
expect_in "$out" "NHS: 0 of 1 attended (0%), 1 apologies"
expect_in "$out" "Riverside School: 1 of 1 attended (100%)"
out=$(run case attendance missed --from 2012-07-01 --to 2012-09-30 --format csv)
expect_in "$out" "Dr Ann Patel,NHS,,$event,core_group,2012-09-10,C1,true,,none recorded"
out=$(run case attendance missed --from 2012-07-01 --to 2012-09-30 --partners)
expect_in "$out" "1 invitation(s) not attended"
expect_fail "no person \"Nobody\"" case attendance set "$event" --attended Nobody
expect_fail "event 999 not found" case attendance set 999 --attended "Jo Hart"
expect_fail "is not on the list" case attendance set "$event" --attended "Jo Hart" --role "Ann Lee=x"

# Complaints: stage 1 due 4 September 2012 (27 August a bank holiday).
run complaints add CMP-1 2012-08-20 --child C1 --category communication >/dev/null
out=$(run --as-of 2012-09-07 complaints list)
expect_in "$out" "CMP-1 stage 1 due 2012-09-04: overdue by 3 working days"
run complaints extend CMP-1 >/dev/null
out=$(run --as-of 2012-09-07 complaints list --format json)
expect_in "$out" '"due":"2012-09-18","state":"in_time"'
run complaints respond CMP-1 2012-09-14 not_upheld >/dev/null
run complaints set-lessons CMP-1 "Explain decisions to carers in writing." >/dev/null
out=$(run complaints escalate CMP-1 2012-12-14 --statement-agreed 2012-12-18)
expect_in "$out" "escalated to stage 2"
out=$(run --as-of 2012-12-20 complaints list --format csv)
expect_in "$out" "CMP-1,C1,communication,2,2012-12-14,2012-12-18,false,2013-01-25,in_time"
out=$(run complaints lessons --quarter 2012Q3)
expect_in "$out" "Stage 1: 1 started, 1 responded, 1 of 1 in timescale (100%)"
expect_in "$out" "CMP-1 (stage 1, not_upheld, communication): Explain decisions to carers in writing."
expect_fail "YYYYQn" complaints lessons --quarter 2012-Q3
expect_fail "already exists" complaints add cmp-1 2012-08-21
expect_fail "unknown complaint outcome" complaints respond CMP-1 2013-01-10 maybe
expect_fail "--format" complaints list --format xlsx
echo "trackers.sh: ok"
