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

STORE: a store file (default: a private store in memory). The people and
dates are those of the seed plan (2012); nothing here is real case data.

The supervision half is to be added as its own function (`supervision_part`)
called from main() after `audit_part`, with the same store.
"""
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


def main(argv):
    path = argv[1] if len(argv) > 1 else None
    with oversight.Store(path) as store:
        audit_part(store)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
