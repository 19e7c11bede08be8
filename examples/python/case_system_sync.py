#!/usr/bin/env python3
"""A case system keeping Oversight in step with its own records.

    case_system_sync.py STORE [--since SEQ] [--as-of YYYY-MM-DD]

What a host does on each sync, through the installed binding:
 1. push its children, placements and visits in ONE batch (one transaction:
    all of it is stored or none of it; a record sent again with the same
    external id changes nothing, so a sync may safely be repeated);
 2. read one worker's list of visits and reviews overdue or due soon;
 3. read the changes since its last sync (SEQ, 0 the first time) and keep
    the "next" sequence it prints for the following sync.

The records are fictional (a case system's ids "CS-..."); the dates are in
2026, so that the worker's list on --as-of 2026-11-02 holds both overdue
and due-soon obligations.
"""
import argparse
import sys

import oversight

WORKER = "Asha Patel"
TEAM = "Looked After Children 1"

# Three children who came into care in September and October 2026, with what
# their worker has recorded since (event type, date).
CHILDREN = [
    # child id, case system id, date of birth, placed on, placement type, events
    ("LAC-101", "CS-C-101", "2012-03-04", "2026-09-01", "U1",
     [("placement_plan", "2026-09-04"), ("visit", "2026-09-07"), ("care_plan", "2026-09-10"),
      ("pep", "2026-09-14"), ("review", "2026-09-28"), ("visit", "2026-10-12")]),
    ("LAC-102", "CS-C-102", "2015-11-20", "2026-09-14", "U3",
     [("placement_plan", "2026-09-16"), ("visit", "2026-09-18"), ("care_plan", "2026-09-25"),
      ("pep", "2026-09-25")]),
    ("LAC-103", "CS-C-103", "2009-06-30", "2026-10-05", "K2",
     [("placement_plan", "2026-10-07"), ("visit", "2026-10-09")]),
]


def batch_items():
    """The batch a case system would build from its own tables."""
    items = []
    for child, ext, dob, placed, place, events in CHILDREN:
        items.append({"op": "child", "child": child, "date_of_birth": dob, "external_id": ext})
        items.append({"op": "allocate", "child": child, "worker": WORKER, "from": placed,
                      "external_id": ext + "-ALLOC-1"})
        items.append({"op": "attribute", "child": child, "key": "legal_status", "value": "C2",
                      "effective_from": placed, "external_id": ext + "-LS-1"})
        items.append({"op": "event", "child": child, "type": "became_looked_after", "date": placed,
                      "external_id": ext + "-CLA-1"})
        items.append({"op": "event", "child": child, "type": "placement_start", "date": placed,
                      "attributes": {"placement_type": place}, "external_id": ext + "-PL-1"})
        for n, (kind, day) in enumerate(events, 1):
            items.append({"op": "event", "child": child, "type": kind, "date": day,
                          "external_id": "%s-E-%d" % (ext, n)})
    return items


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store")
    ap.add_argument("--since", type=int, default=0, help="the sequence kept from the last sync")
    ap.add_argument("--as-of", default="2026-11-02", help="the day to list the worker's reminders for")
    args = ap.parse_args(argv)

    with oversight.Store(args.store) as store:
        store.set_actor("case-system sync")
        store.save_team(TEAM)
        store.save_worker(WORKER, TEAM)

        result = oversight.apply_batch(store, batch_items(), recorded_by="case-system sync")
        print("batch: %d items; %d added, %d updated, %d unchanged" %
              (result["items"], result["added"], result["updated"], result["unchanged"]))

        cases = oversight.Casework(store)
        due = cases.reminders(as_of=args.as_of, within=10, worker=WORKER)
        print("%s, on %s: %d overdue or due within 10 working days" % (WORKER, args.as_of, len(due)))
        for r in due:
            print("  %s  %-7s  due %s  %s" % (r["child"], r["state"], r["due"], r["title"]))

        seen, total = args.since, 0
        while True:
            page = store.changes(since=seen, limit=500)
            total += len(page["changes"])
            seen = page["next"]
            if not page["more"]:
                break
        print("changes since %d: %d; next sync: --since %d" % (args.since, total, seen))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
