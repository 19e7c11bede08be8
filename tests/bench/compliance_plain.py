#!/usr/bin/env python3
"""The plain alternative for the compliance benchmark (tests/bench/compliance.cpp).

A straightforward script, as a council analyst would write it, computing the
statutory chains the synthetic authority exercises straight from a store's
events table with Python's sqlite3 module:

  visits  (CPPCR 2010 reg 28(2), default regime): the first within 1 week of
          each placement start, then at intervals of not more than 6 weeks;
          a new placement, placement_end or ceased_looked_after ends the chain;
  reviews (CPPCR 2010 reg 33): the first within 20 working days of becoming
          looked after (weekends and the bank holidays given), the second
          within 3 months of the first, then every 6 months; ceased_looked_after
          ends the chain.

Each due date is counted from the actual previous event (a late visit restarts
the clock). Prints one JSON object: the counts per state of the obligations
due before AS_OF (met_on_time, met_late, overdue, ended_unmet: the chain ended
unmet after the due date) and of those due later (not_yet_due), per area,
and the seconds taken.

  compliance_plain.py STORE.db AS_OF HOLIDAYS.txt
HOLIDAYS.txt: one YYYY-MM-DD per line.
"""
import calendar
import datetime as dt
import json
import sqlite3
import sys
import time


def add_months(d, n):
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def add_working_days(d, n, holidays):
    while n > 0:
        d += dt.timedelta(days=1)
        if d.weekday() < 5 and d not in holidays:
            n -= 1
    return d


def classify(counts, due, met, as_of, ended=None):
    if due >= as_of:  # counted only when due before as_of
        if ended is None or ended > due:
            counts["not_yet_due"] += 1
        return
    if met is not None:
        counts["met_on_time" if met <= due else "met_late"] += 1
    elif ended is not None:
        if ended > due:  # ended on or before the due date: no longer owed
            counts["ended_unmet"] += 1
    elif due < as_of:
        counts["overdue"] += 1
    else:
        counts["not_yet_due"] += 1


def child_chains(events, as_of, holidays, visits, reviews):
    # Visits: one chain per placement.
    start = None   # placement start of the open chain
    last = None    # the event the next due date counts from
    first = True
    for typ, d in events:
        if typ == "placement_start" or typ in ("placement_end", "ceased_looked_after"):
            if start is not None:
                due = last + dt.timedelta(days=7 if first else 42)
                classify(visits, due, None, as_of, ended=d)
            start = d if typ == "placement_start" else None
            last, first = d, True
        elif typ == "visit" and start is not None:
            due = last + dt.timedelta(days=7 if first else 42)
            classify(visits, due, d, as_of)
            last, first = d, False
    if start is not None:
        classify(visits, last + dt.timedelta(days=7 if first else 42), None, as_of)

    # Reviews: one chain per period looked after.
    looked_after = None
    k = 0
    last = None
    def review_due():
        if k == 0:
            return add_working_days(last, 20, holidays)
        return add_months(last, 3 if k == 1 else 6)
    for typ, d in events:
        if typ == "became_looked_after":
            if looked_after is not None:
                classify(reviews, review_due(), None, as_of, ended=d)
            looked_after, last, k = d, d, 0
        elif typ == "ceased_looked_after" and looked_after is not None:
            classify(reviews, review_due(), None, as_of, ended=d)
            looked_after = None
        elif typ == "review" and looked_after is not None:
            classify(reviews, review_due(), d, as_of)
            last, k = d, k + 1
    if looked_after is not None:
        classify(reviews, review_due(), None, as_of)


def main():
    store, as_of, holidays_file = sys.argv[1], dt.date.fromisoformat(sys.argv[2]), sys.argv[3]
    t0 = time.perf_counter()
    with open(holidays_file) as f:
        holidays = {dt.date.fromisoformat(line.strip()) for line in f if line.strip()}
    states = ("met_on_time", "met_late", "overdue", "not_yet_due", "ended_unmet")
    visits = dict.fromkeys(states, 0)
    reviews = dict.fromkeys(states, 0)
    db = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    # Same-day order as the engine's: what starts a clock before what meets it.
    starts = "('became_looked_after','placement_start','placement_end','ceased_looked_after')"
    rows = db.execute(
        "SELECT child_id, type, date FROM events WHERE date <= ? "
        f"ORDER BY child_id, date, type NOT IN {starts}, id", (as_of.isoformat(),))
    child, events = None, []
    for child_id, typ, date in rows:
        if child_id != child:
            if events:
                child_chains(events, as_of, holidays, visits, reviews)
            child, events = child_id, []
        events.append((typ, dt.date.fromisoformat(date)))
    if events:
        child_chains(events, as_of, holidays, visits, reviews)
    print(json.dumps({"visits": visits, "reviews": reviews, "seconds": time.perf_counter() - t0}))


if __name__ == "__main__":
    main()
