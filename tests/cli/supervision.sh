#!/usr/bin/env bash
# End to end (issue 10 points 4-7): supervision policy / add / list / report / due,
# with a local standard layered on the default, an action carried forward
# and refusals that store nothing.
set -euo pipefail

DB=s.db
. "$(dirname "$0")/support.bash"

for cmd in "supervision add" "supervision list" "supervision report" "supervision due" "supervision audit" "supervision policy"; do
  # shellcheck disable=SC2086
  out=$("$CLI" $cmd --help) || fail "$cmd --help failed"
  expect_in "$out" "Usage"
done

out=$("$CLI" supervision policy)
expect_in "$out" "newly_qualified_social_worker: every 1 week until 6 weeks; every 2 weeks until 6 months; every 1 month;"
expect_in "$out" "lead_practitioner: every 4 weeks; supervised by"
expect_in "$out" "story_of_the_child"
cat > local.toml <<'TOML'
name = "riverside"
[[frequency]]
roles = ["social_worker"]
every = "3 weeks"
source = "Riverside supervision policy 2025"
status = "local"
TOML
out=$("$CLI" supervision policy --standard local.toml --format json)
expect_in "$out" '"format":"oversight-supervision-standard"'
expect_in "$out" '"every":"3 weeks"'
printf 'name = "bad"\n[[frequency]]\nroles = ["social_worker"]\nevery = 3\n' > bad.toml
expect_fail "bad.toml:4: frequency for social_worker: field 'every'" supervision policy --standard bad.toml

# Ann Lee, a social worker from before records (so her chain starts at her
# first session), supervised by Bo Reed.
run case add C1 --worker "Ann Lee" --team "Team A" --from 2024-09-01 >/dev/null
run people add "Bo Reed" >/dev/null
out=$(run supervision add "Ann Lee" "Bo Reed" 2025-01-06 --recorded 2025-01-08 --minutes 90 --case C1 \
      --criterion reflective --criterion impact_evaluated \
      --action "Update the chronology" --owner "Ann Lee" --due 2025-01-20)
expect_in "$out" "supervision 1 recorded: Ann Lee by Bo Reed on 2025-01-06"
action=$(sed -nE 's/^  action ([0-9]+): .*/\1/p' <<<"$out")
[ -n "$action" ] || fail "no action id in: $out"
# Her first session (6 January) starts her chain (she was appointed before records):
# 6 Jan + 4 weeks -> due Mon 3 February; held Mon 10 February: late. Not followed up.
run supervision add "Ann Lee" "Bo Reed" 2025-02-10 >/dev/null
out=$(run --as-of 2025-03-12 supervision report)
expect_in "$out" "Ann Lee (social_worker): 0 of 2 in timescale, 2 held"
# 10 Feb + 28 days -> due Mon 10 March: overdue on the 12th.
expect_in "$out" "OVERDUE since 2025-03-10 (2 days)"
expect_in "$out" "[NOT FOLLOWED UP]"
out=$(run --as-of 2025-03-12 supervision due)
expect_in "$out" "Supervision for (no line manager) on 2025-03-12: 1 overdue, 0 due soon"
expect_in "$out" "Ann Lee (Team A): OVERDUE since 2025-03-10, 2 working day(s) late"
out=$(run --as-of 2025-03-12 supervision due --supervisor "Bo Reed")
expect_in "$out" "No supervision due on 2025-03-12"
out=$(run --as-of 2025-03-12 supervision report --standard local.toml --format json)
expect_in "$out" '"format":"oversight-supervision-report"'
expect_in "$out" '"next_due":"2025-03-03"'   # every 3 weeks from 10 February
out=$(run supervision list --from 2025-01-01 --to 2025-01-31)
expect_in "$out" "1 2025-01-06 Ann Lee by Bo Reed (recorded 2025-01-08): 1 case(s), 2 criteria, 1 action(s)"
expect_in "$out" "1 supervision(s)"

# Refusals name the problem and store nothing.
expect_fail "criterion \"tidy\"" supervision add "Ann Lee" "Bo Reed" 2025-03-03 --criterion tidy
expect_fail "each --action needs its --owner and --due" supervision add "Ann Lee" "Bo Reed" 2025-03-03 --action "x"
expect_fail "no person named \"Nobody\"" supervision add "Nobody" "Bo Reed" 2025-03-03
echo '{"supervisee":"Ann Lee","supervisor":"Bo Reed","held":"2025-03-03","mood":"good"}' > rec.json
expect_fail "unknown key" supervision add --json rec.json
out=$(run supervision list --from 2025-01-01 --to 2025-12-31)
expect_in "$out" "2 supervision(s)"

# The action closed at the next session, from JSON; gone from the report.
printf '{"supervisee":"Ann Lee","supervisor":"Bo Reed","held":"2025-03-03","follow_ups":[{"action":%s,"closed":true}]}' \
  "$action" > rec.json
run supervision add --json rec.json >/dev/null
out=$(run --as-of 2025-03-12 supervision report --format json)
expect_in "$out" '"actions":[]'
out=$(run history --entity supervision_action)
expect_in "$out" "closed"
# The supervision audit of the three sessions (6 Jan: reflective, impact_evaluated;
# 10 Feb and 3 Mar: none). reflective 1 of 3 = 33.3%, Wilson 95% (z = 1.959964,
# z^2/n = 1.280486): centre (0.333333 + 0.640243) / 2.280486 = 0.426915,
# half-width 1.959964 * sqrt(0.074074 + 0.106707) / 2.280486 = 0.365425:
# 6.1% .. 79.2%. With at least 2 criteria, 1 of 3 is satisfactory.
out=$(run supervision audit --from 2025-01-01 --to 2025-03-31 --min-criteria 2)
expect_in "$out" "3 of 3 drawn (seed 0)"
expect_in "$out" "reflective: 1 of 3 (33.3%, 95% CI 6.1%-79.2%)"
expect_in "$out" "Satisfactory (at least 2 criteria): 1 of 3"
expect_in "$out" "session 1 2025-01-06 Ann Lee by Bo Reed: satisfactory (2 of 5 criteria; missing actions_tracked story_of_the_child development_needs)"
one=$(run supervision audit --from 2025-01-01 --to 2025-03-31 --size 2 --seed 99 --format json)
two=$(run supervision audit --from 2025-01-01 --to 2025-03-31 --size 2 --seed 99 --format json)
[ "$one" = "$two" ] || fail "the same seed drew different samples: $one / $two"
expect_in "$one" '"format":"oversight-supervision-audit"'
expect_in "$one" '"seed":"99"'
[ "$(grep -o '"session":' <<<"$one" | wc -l)" -eq 2 ] || fail "not 2 sessions drawn: $one"
out=$(run supervision audit --from 2025-01-01 --to 2025-03-31 --per-supervisor 1 --format json)
expect_in "$out" '"strata":[{"stratum":"Bo Reed","eligible":3,"drawn":1}]'
expect_fail "give --per-supervisor or --size, not both" supervision audit --from 2025-01-01 --to 2025-03-31 \
  --per-supervisor 1 --size 1
expect_fail "before from" supervision audit --from 2025-04-01 --to 2025-03-31
echo "cli supervision: ok"
