#!/usr/bin/env bash
# End to end (issue 11 point 5): indicator add / value / link / list / refresh,
# and the linked action's RAG in `report` naming the indicator and its value.
set -euo pipefail

DB=ind.db
. "$(dirname "$0")/support.bash"

for cmd in "indicator add" "indicator value" "indicator link" "indicator list" "indicator refresh"; do
  # shellcheck disable=SC2086
  out=$("$CLI" $cmd --help) || fail "$cmd --help failed"
  expect_in "$out" "Usage"
done

run import-plan "$OVERSIGHT_PROJECT_DIR/examples/data/sample_plan.txt" --report-date 2012-09-14 >/dev/null 2>&1
out=$(run indicator add visits --name "% of visits in timescale" --unit % --target 85 --amber 70)
expect_in "$out" "indicator visits saved"
expect_fail "amber: 90 is above the target 85" indicator add bad --name "Bad" --target 85 --amber 90
expect_fail "unknown measure" indicator add sup --name "Supervision" --target 90 --amber 75 --measure nope
run indicator add sup --name "Supervision in timescale" --unit % --target 90 --amber 75 \
  --measure supervision_in_timescale >/dev/null
out=$(run indicator value visits 2012-09-14 62.5 --note "from the weekly report" --by tester)
expect_in "$out" "indicator visits: 2012-09 recorded"
expect_fail "no indicator \"nope\"" indicator value nope 2012-09-01 1
expect_fail "MONTH" indicator value visits 2012-02-30 1
out=$(run indicator link 4.1 visits)
expect_in "$out" "action 4.1 is measured by indicator visits"
expect_fail "already names" indicator link 4.1 visits
expect_fail "no action" indicator link 99.9 visits

out=$(run --as-of 2012-10-15 indicator list)
expect_in "$out" "latest 62.5% in Sep 2012 RED; measures action 4.1"
out=$(run --as-of 2012-10-15 indicator list --format json)
expect_in "$out" '"format": "oversight-indicators"'
"$PY" - "$out" <<'PYEOF' || fail "the indicator document"
import json, sys
doc = json.loads(sys.argv[1])
visits = [i for i in doc["indicators"] if i["key"] == "visits"][0]
assert visits["latest"] == {"month": "2012-09-01", "value": 62.5, "rag": "red"}, visits
assert visits["actions"] == ["4.1"], visits
assert visits["values"][0]["entered_by"] == "tester", visits
PYEOF

# The acceptance point: the action is red and its reason names the indicator and its latest value.
out=$(run --as-of 2012-10-15 report --kind plan --format csv)
expect_in "$out" 'indicator ""% of visits in timescale"" at 62.5% in Sep 2012, below the red threshold 70% (target 85%)'
out=$(run --as-of 2012-10-15 report --kind indicators --format md)
expect_in "$out" "% of visits in timescale"

out=$(run --as-of 2012-10-15 indicator refresh --months 3)
expect_in "$out" "0 values written"
expect_fail "months must be 1..60" indicator refresh --months 0
out=$(run history --format json)
expect_in "$out" '"entity": "action_indicator"'

# The canonical plan JSON carries the indicators and the link: a copy imported elsewhere keeps them.
run export-plan --format json > plan.json
"$CLI" --db "$WORK/copy.db" import-plan plan.json >/dev/null
out=$("$CLI" --db "$WORK/copy.db" --as-of 2012-10-15 indicator list)
expect_in "$out" "latest 62.5% in Sep 2012 RED; measures action 4.1"
