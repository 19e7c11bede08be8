#!/usr/bin/env python3
"""plan_report.py: the C example (examples/c/plan_report.c) through the
ctypes binding.

    python3 plan_report.py PLANPATH [REPORT_DATE [AS_OF]]

Opens a store in a temporary file, imports the plan (seed format) with its
report date (default 2012-09-14), records a progress update dated AS_OF
(default 2012-10-12) against action 1.1, lists the red actions and prints
the text report as of AS_OF. A failure prints the status and message and
exits 1. Run from here, it uses the package beside it (with OVERSIGHT_LIBRARY
naming the library to load); copied elsewhere, the installed package.
"""
import os
import sys
import tempfile

import oversight


def main(argv):
    if len(argv) not in (2, 3, 4):
        print("usage: %s PLANPATH [REPORT_DATE [AS_OF]]" % argv[0], file=sys.stderr)
        return 2
    path = argv[1]
    report_date = argv[2] if len(argv) >= 3 else "2012-09-14"
    as_of = argv[3] if len(argv) == 4 else "2012-10-12"
    with tempfile.TemporaryDirectory(prefix="oversight_plan_report_") as folder:
        try:
            with oversight.Store(os.path.join(folder, "plan.db")) as store:
                store.set_actor("plan_report.py example")
                plan_id, warnings = store.import_seed_plan(path, report_date=report_date,
                                                           title="Ofsted improvement plan")
                print("Imported plan %d with %d warnings (repairs of the PDF export)." % (plan_id, len(warnings)))
                store.add_progress("1.1", "Twelve of sixteen posts filled; agency use falling.",
                                   date=as_of, author="Felicity Budgen", plan_id=plan_id)
                rows = store.actions(as_of, plan_id=plan_id)
                red = [r for r in rows if r.rag == "red"]
                print("Red actions:")
                for r in red:
                    print("  %-5s %-20s %s" % (r.ref, r.lead, r.rag_reason))
                print("%d of %d actions are red.\n" % (len(red), len(rows)))
                sys.stdout.write(store.report(as_of, kind="full", fmt="text", plan_id=plan_id))
        except oversight.OversightError as e:
            print("plan_report.py: failed (status %d): %s" % (e.status, e), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
