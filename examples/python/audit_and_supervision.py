#!/usr/bin/env python3
"""Audits and supervision: proving improvement as the seed plan does.

    audit_and_supervision.py [STORE]

The audit half (this file's `audit_part`): the seed plan's PEP audit - "18
PEPs audited across Secondary, Primary, SEN and Early Years: 8 were
satisfactory, 10 were judged inadequate" - recorded as a counts-only audit
of a quarterly programme on the two-point scale, with its recommendations
as tracked actions; then its report (44.4% satisfactory, 95% Wilson
interval 24.6%-66.3%), the programme's trend across three audits (too small
to tell), the overdue recommendations and the programme due for its owner.

The supervision half (`supervision_part`): a newly qualified social worker
whose assessed year starts on Monday 3 March 2025 (weekly supervision for
six weeks, so the first is due on Monday 10 March) is supervised by her team
manager that day, with a case discussed, two of the seed's criteria
evidenced and an action agreed; then the supervision report as of the day
after (1 of 1 in timescale, the next due on 17 March, the open action).

STORE: a store file (default: a private store in memory). The people and
dates are made up; nothing here is real case data.
"""
import datetime
import sys

import oversight

OWNER = "Virtual School Head"
TEACHER = "Designated Teacher"
PROGRAMME = "PEP audit"

# (reference, held, recorded, satisfactory, inadequate): the seed's August 2012
# audit and two fictional follow-ups.
PEP_AUDITS = [
    ("PEP-2012-08", "2012-08-23", "2012-08-30", 8, 10),
    ("PEP-2012-11", "2012-11-22", "2012-11-26", 10, 8),
    ("PEP-2013-02", "2013-02-20", "2013-02-21", 12, 6),
]


def audit_part(store, out=sys.stdout):
    """Records the PEP audits and prints the report, the trend, the overdue
    recommendations and the programme due; returns the first audit's result."""
    store.add_person(OWNER)
    store.add_person(TEACHER, agency="Education")
    store.add_audit_programme(PROGRAMME, "pep", owner=OWNER, cycle="quarterly", scale="two_point")
    for ref, held, recorded, satisfactory, inadequate in PEP_AUDITS:
        record = {"reference": ref, "programme": PROGRAMME, "held": held, "recorded": recorded,
                  "auditors": [{"name": OWNER}, {"name": TEACHER, "agency": "Education"}],
                  "counts": {"satisfactory": satisfactory, "inadequate": inadequate},
                  "findings": "Audited across Secondary, Primary, SEN and Early Years"}
        if ref == "PEP-2012-08":
            record["recommendations"] = [
                {"text": "Designated teachers trained on SMART PEP targets", "owner": TEACHER, "due": "2012-10-31"},
                {"text": "Inadequate PEPs re-audited", "owner": OWNER, "due": "2013-03-31"}]
        store.record_audit(record)
    out.write(store.audit_result("PEP-2012-08", text=True))
    out.write(store.audit_trend(PROGRAMME, text=True))
    overdue = [a for a in store.audit_actions(as_of="2012-11-15") if a["state"] == "overdue"]
    for a in overdue:
        out.write("Overdue on 2012-11-15: %s #%d (%s, due %s) %s\n" % (a["audit"], a["number"], a["owner"], a["due"],
                                                                     a["text"]))
    for r in store.audit_reminders(as_of="2013-05-10", window_days=14):
        out.write("Reminder for %s: %s due %s\n" % (r["owner"], r["programme"], r["due"]))
    return store.audit_result("PEP-2012-08")


def supervision_part(store, out=sys.stdout):
    """Records a supervision of a newly qualified social worker and prints
    the supervision report the day after; returns the session's id."""
    store.add_person("Tom Reed", job_title="Team manager")
    store.appoint("Tom Reed", "team_manager", from_date="2024-01-08")
    store.add_person("Ann Newby", job_title="Social worker")
    store.appoint("Ann Newby", "newly_qualified_social_worker", line_manager="Tom Reed", from_date="2025-03-03")
    oversight.Casework(store).save_child("C1", "2015-05-01")
    held = datetime.date(2025, 3, 10)
    session = store.record_supervision({
        "supervisee": "Ann Newby", "supervisor": "Tom Reed", "held": held.isoformat(), "minutes": 90,
        "cases": ["C1"], "criteria": ["reflective", "story_of_the_child"],
        "actions": [{"text": "Update C1's chronology", "owner": "Ann Newby",
                     "due": (held + datetime.timedelta(days=7)).isoformat()}]})
    out.write("Recorded supervision %d held %s\n" % (session, held.isoformat()))
    out.write(store.supervision_report(as_of=(held + datetime.timedelta(days=1)).isoformat(), text=True))
    return session


def main(argv):
    path = argv[1] if len(argv) > 1 else None
    with oversight.Store(path) as store:
        audit_part(store)
        supervision_part(store)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
