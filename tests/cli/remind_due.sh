#!/usr/bin/env bash
# End to end (issue 10 point 7): `oversight remind` lists, alongside the
# casework reminders, the audit programmes due for their owners and the
# supervisions due for the supervisors - in the text digest, in the
# oversight-reminders document (--format document: the sections
# audit_programmes and supervisions) and as tasks of their own in the
# iCalendar file; --format json stays the bare casework array.
set -euo pipefail

DB=due.db
. "$(dirname "$0")/support.bash"

# Ann Lee, a social worker from before records, holds C1 (looked after and
# placed on Mon 27 January 2025); her supervision of Mon 6 January makes the
# next due 4 weeks later, Mon 3 February. The case file audit is due Fri 7
# February.
run case add C1 --worker "Ann Lee" --team "Team A" --from 2025-01-06 >/dev/null
run case event C1 became_looked_after 2025-01-27 --attr legal_status=C2 --by tester >/dev/null
run case event C1 placement_start 2025-01-27 --attr placement_type=U1 --attr legal_status=C2 --by tester >/dev/null
run people add "Bo Reed" >/dev/null
run people add "Head of Service" >/dev/null
run supervision add "Ann Lee" "Bo Reed" 2025-01-06 >/dev/null
run audit programme add "Case file audit" --type case_file --owner "Head of Service" --due 2025-02-07 >/dev/null

# On Wed 5 February with 5 working days (to Wed 12 February): the audit in
# 2 days (6th, 7th), Ann's supervision 2 working days late (4th, 5th).
text=$(run --as-of 2025-02-05 remind --within 5)
expect_in "$text" "=== By worker ==="
expect_in "$text" "=== Audit programmes due ==="
expect_in "$text" "Head of Service: Case file audit (case_file) due 2025-02-07, 2 day(s) left"
expect_in "$text" "=== Supervision due ==="
expect_in "$text" "Supervision for (no line manager) on 2025-02-05: 1 overdue, 0 due soon"
expect_in "$text" "Ann Lee (Team A): OVERDUE since 2025-02-03, 2 working day(s) late"
# Three working days earlier (Fri 31 January, to Fri 7 February): both due, not overdue.
text=$(run --as-of 2025-01-31 remind --within 5)
expect_in "$text" "Ann Lee (Team A): due 2025-02-03, 1 working day(s) left"
# The owner's own list: the programme, and no supervision to hold.
text=$(run --as-of 2025-02-05 remind --within 5 --worker "Head of Service")
expect_in "$text" "Case file audit"
if grep -qF "=== Supervision due ===" <<<"$text"; then fail "the Head of Service supervises nobody: $text"; fi
# Before anything is due: no empty sections.
text=$(run --as-of 2025-01-07 remind --within 1)
if grep -qF "=== Audit programmes due ===" <<<"$text"; then fail "no programme is due yet: $text"; fi

run --as-of 2025-02-05 remind --within 5 --format json >bare.json
run --as-of 2025-02-05 remind --within 5 --format document >doc.json
run --as-of 2025-02-05 remind --within 5 --format ics >due.ics
"$PY" - bare.json doc.json due.ics "${OVERSIGHT_PROJECT_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}" <<'PY' ||
import json, os, sys
import icalendar
from jsonschema import Draft202012Validator
bare = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2]))
schema = json.load(open(os.path.join(sys.argv[4], "data", "schemas", "oversight-reminders.schema.json")))
errors = [e.message for e in Draft202012Validator(schema).iter_errors(doc)]
assert not errors, errors
assert isinstance(bare, list) and bare, "the bare casework array"
assert doc["format"] == "oversight-reminders"
assert doc["reminders"] == bare, "the document's casework reminders are the bare array's"
assert [(a["programme"], a["owner"], a["due"], a["state"], a["days"]) for a in doc["audit_programmes"]] == \
    [("Case file audit", "Head of Service", "2025-02-07", "due", 2)], doc["audit_programmes"]
assert [(s["person"], s["supervisor"], s["team"], s["due"], s["state"], s["working_days"])
        for s in doc["supervisions"]] == [("Ann Lee", "", "Team A", "2025-02-03", "overdue", 2)], doc["supervisions"]
todos = list(icalendar.Calendar.from_ical(open(sys.argv[3], "rb").read()).walk("VTODO"))
assert len(todos) == len(bare) + 2, (len(todos), len(bare))
summaries = [str(t["SUMMARY"]) for t in todos]
assert "Audit due: Case file audit" in summaries, summaries
assert "Supervision due: Ann Lee" in summaries, summaries
sup = next(t for t in todos if str(t["SUMMARY"]) == "Supervision due: Ann Lee")
assert sup["DUE"].dt.isoformat() == "2025-02-03" and int(sup["PRIORITY"]) == 1
assert len({str(t["UID"]) for t in todos}) == len(todos), "duplicate UIDs"
PY
  fail "the document, the bare array and the calendar disagree"

expect_fail "the reminder feed is text or json, not document" --as-of 2025-02-05 remind --changes-from 2025-02-01 \
  --format document
echo "cli remind_due: ok"
