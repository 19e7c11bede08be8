#!/usr/bin/env python3
"""Records a supervision and prints the supervision report (issue 10).

    python3 supervision_report.py [STORE] [--as-of YYYY-MM-DD]

STORE is an Oversight store file (default: a store in memory, set up with a
newly qualified social worker and her team manager). The script records one
session (held a week after her assessed year started, with a case discussed,
two criteria evidenced and an action agreed) and prints the report as of
the given day (default: the day after the session). Needs liboversight_c
(OVERSIGHT_LIBRARY names it when it is not installed).
"""
import argparse
import datetime
import sys

import oversight


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", nargs="?", default=None, help="store file (default: in memory)")
    parser.add_argument("--as-of", default=None, help="report date (YYYY-MM-DD)")
    args = parser.parse_args(argv)
    with oversight.Store(args.store) as store:
        people = {p["name"] for p in store.directory()}
        if "Tom Reed" not in people:
            store.add_person("Tom Reed", job_title="Team manager")
            store.appoint("Tom Reed", "team_manager", from_date="2024-01-08")
        if "Ann Newby" not in people:
            store.add_person("Ann Newby", job_title="Social worker")
            # Her assessed and supported year (ASYE) starts Mon 3 March 2025:
            # weekly supervision for 6 weeks, so the first is due Mon 10 March.
            store.appoint("Ann Newby", "newly_qualified_social_worker", line_manager="Tom Reed",
                          from_date="2025-03-03")
            oversight.Casework(store).save_child("C1", "2015-05-01")
        held = datetime.date(2025, 3, 10)
        session = store.record_supervision({
            "supervisee": "Ann Newby", "supervisor": "Tom Reed", "held": held.isoformat(),
            "minutes": 90, "cases": ["C1"], "criteria": ["reflective", "story_of_the_child"],
            "actions": [{"text": "Update C1's chronology", "owner": "Ann Newby",
                         "due": (held + datetime.timedelta(days=7)).isoformat()}]})
        as_of = args.as_of or (held + datetime.timedelta(days=1)).isoformat()
        print("Recorded supervision %d held %s" % (session, held.isoformat()))
        print(store.supervision_report(as_of=as_of, text=True), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
