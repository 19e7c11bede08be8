#!/usr/bin/env bash
# End to end (issue 11 point 6): plan inspection set / submitted / show / clear,
# the clocks in `remind` (text, document, ics) and in the board paper.
# Clock lengths: ILACS action plan within 70 working days of the letter, a draft
# within 20 after a focused visit with areas for priority action
# (statutory-timescales.md s.12, SECONDARY).
set -euo pipefail

DB=t.db
. "$(dirname "$0")/support.bash"
SAMPLE=${OVERSIGHT_PROJECT_DIR:?set OVERSIGHT_PROJECT_DIR}/examples/data/sample_plan.txt

for cmd in "plan inspection set" "plan inspection submitted" "plan inspection show" "plan inspection clear"; do
  # shellcheck disable=SC2086
  out=$("$CLI" $cmd --help) || fail "$cmd --help failed"
  expect_in "$out" "Usage"
done

expect_fail "no store at" plan inspection show
run import-plan "$SAMPLE" --report-date 2024-11-01 >/dev/null
run people add "Dana Director" >/dev/null
run people add "Someone Else" >/dev/null
out=$(run plan inspection show)
expect_in "$out" "records no inspection"

# A focused visit with areas for priority action, letter Fri 2024-12-06.
# Draft: 20 working days would be Fri 2025-01-03; Christmas Day, Boxing Day and
# New Year's Day 2025 push it to Wed 2025-01-08. Final: 70 would be Fri
# 2025-03-14; the same three holidays: Wed 2025-03-19.
out=$(run plan inspection set --kind focused_visit --letter 2024-12-06 --ended 2024-11-29 --priority-actions \
      --owner "Dana Director")
expect_in "$out" "Focused visit (areas for priority action), letter of 2024-12-06"
out=$(run --as-of 2024-12-20 plan inspection show)
expect_in "$out" "draft plan due: 2025-01-08 - due in 10 working days"
expect_in "$out" "action plan due: 2025-03-19"
expect_in "$out" "70 working days after the letter of 2024-12-06"
expect_in "$out" "No overall effectiveness grade"
out=$(run plan inspection show --as-of 2025-01-10 --format json)
expect_in "$out" '"format":"oversight-inspection-clocks"'
expect_in "$out" '"state_text":"overdue by 2 working days"'
printf '%s' "$out" >clocks.json
validate() {  # validate SCHEMA FILE (python3-jsonschema)
  "$PY" -c 'import json, sys
from jsonschema import Draft202012Validator
Draft202012Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))' "$1" "$2" ||
    fail "$2 against $1"
}
validate "$OVERSIGHT_PROJECT_DIR/data/schemas/oversight-inspection-clocks.schema.json" clocks.json

# Reminders: the owner is reminded of the open draft clock, others are not.
out=$(run --as-of 2025-01-02 remind --worker "dana director")
expect_in "$out" "=== Inspection clocks ==="
expect_in "$out" "Dana Director: "
# Working days after Thu 2025-01-02 up to Wed 2025-01-08: 3, 6, 7, 8.
expect_in "$out" "draft plan due 2025-01-08, 4 working day(s) left"
out=$(run --as-of 2025-01-02 remind --worker "Someone Else")
grep -qF "Inspection clocks" <<<"$out" && fail "another person was reminded: $out"
out=$(run --as-of 2025-01-02 remind --format document)
expect_in "$out" '"inspection_clocks":[{"plan_id":1'
printf '%s' "$out" >reminders.json
validate "$OVERSIGHT_PROJECT_DIR/data/schemas/oversight-reminders.schema.json" reminders.json
out=$(run --as-of 2025-01-02 remind --format ics)
expect_in "$out" "SUMMARY:draft plan due:"
expect_in "$out" "DUE;VALUE=DATE:20250108"

# Bad input: named, and nothing stored is lost.
expect_fail "inspection ended 2024-12-07 is after the letter" plan inspection set --kind full --letter 2024-12-06 \
  --ended 2024-12-07
expect_fail "priority_actions" plan inspection set --kind full --letter 2024-12-06 --priority-actions
expect_fail "unknown inspection kind" plan inspection set --kind outstanding --letter 2024-12-06
expect_fail "--letter" plan inspection set --kind full --letter 2024-13-01
expect_fail "one of --draft DATE or --final DATE" plan inspection submitted
expect_fail "plan 9 not found" plan inspection show --plan 9
out=$(run --as-of 2024-12-20 plan inspection show)
expect_in "$out" "draft plan due: 2025-01-08"

# Submitted: the draft late, the final on time.
run plan inspection submitted --draft 2025-01-10 >/dev/null
run plan inspection submitted --final 2025-03-18 >/dev/null
out=$(run --as-of 2025-03-20 plan inspection show)
expect_in "$out" "draft plan due: 2025-01-08 - submitted on 2025-01-10, 2 working days late"
expect_in "$out" "action plan due: 2025-03-19 - submitted on 2025-03-18"
out=$(run history --entity plan_inspection)
expect_in "$out" "plan_submitted"

# The board paper shows the clocks before the plan's table.
out=$(run --as-of 2025-03-20 report --kind board --format md)
expect_in "$out" "Inspection: Focused visit (areas for priority action), letter of 2024-12-06"
expect_in "$out" "2025-03-19"
expect_in "$out" "submitted on 2025-03-18"

run plan inspection clear >/dev/null
out=$(run plan inspection show)
expect_in "$out" "records no inspection"
echo "ok"
