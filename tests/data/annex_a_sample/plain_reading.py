#!/usr/bin/env python3
"""A plain reading of an Annex A workbook, done without Oversight (standard
library zipfile and ElementTree only), for the counts that
tests/cpp/import/annex_a_test.cpp checks on the real-format workbook:

    python3 tests/data/annex_a_sample/plain_reading.py ../shared/data/annex_a/Annex_A.xlsx

It assumes what that workbook has: shared strings, one header row in row 1,
dates as serials in the 1900 system. It follows the mapping documented in
include/oversight/import/annex_a.hpp, written out again here by hand.
"""
import datetime
import sys
import zipfile
import xml.etree.ElementTree as ET
from collections import Counter

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
T = "{%s}t" % NS["m"]


def column(ref):
    n = 0
    for ch in ref:
        if ch.isalpha():
            n = n * 26 + ord(ch) - 64
    return n


def read(path):
    z = zipfile.ZipFile(path)
    strings = [''.join(t.text or '' for t in si.iter(T))
               for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)]
    rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
    sheets = {}
    for s in ET.fromstring(z.read("xl/workbook.xml")).find("m:sheets", NS):
        part = ET.fromstring(z.read("xl/" + rels[s.get("{%s}id" % NS["r"])]))
        rows = []
        for row in part.iter("{%s}row" % NS["m"]):
            cells = {}
            for c in row.findall("m:c", NS):
                v = c.find("m:v", NS)
                if v is not None:
                    cells[column(c.get("r"))] = (c.get("t"), strings[int(v.text)] if c.get("t") == "s" else v.text)
            rows.append(cells)
        header = {v[1].strip(): k for k, v in rows[0].items()}
        sheets[s.get("name")] = (header, rows[1:])
    return sheets


def day(serial):
    return datetime.date(1899, 12, 30) + datetime.timedelta(days=int(float(serial)))


EVENTS = {
    3: [("Date of Referral", "referral")],
    4: [("Continuous Assessment Date of Authorisation", "assessment_completed")],
    5: [("Strategy discussion initiating Section 47 Enquiry Start Date", "s47_strategy_discussion"),
        ("Date of Initial Child Protection Conference", "icpc")],
    7: [("Child Protection Plan Start Date", "icpc"), ("Date of the Last Statutory Visit", "visit"),
        ("Date of latest review conference", "cp_review"), ("Child Protection Plan End Date", "cp_plan_ended")],
    8: [("Date Started to be Looked After", "became_looked_after"),
        ("Start Date of Most Recent Placement", "placement_start"), ("Date of Latest Statutory Review", "review"),
        ("Date of Last Social Work Visit", "visit"), ("Date of Last Health Assessment", "health_assessment"),
        ("Date Ceased to be Looked After", "ceased_looked_after")],
}
ATTRIBUTES = {6: ["Primary Need Code", "Case Status"], 7: ["Latest Category of Abuse"], 8: ["Child's Legal Status"],
              9: ["Eligibility Category", "Type of Accommodation", "Suitability of Accommodation", "Activity Status"]}


def main(path):
    sheets = read(path)
    children, dob, events, event_list = [], {}, set(), {}
    attributes = allocations = excel_errors = dob_conflicts = 0
    for n in range(1, 11):
        header, rows = sheets["List %d" % n]
        for r in rows:
            def get(name):
                return r.get(header[name]) if name in header else None

            def filled(name):
                v = get(name)
                return bool(v and v[0] != "e" and v[1].strip())

            child = get("Child Unique ID")[1]
            if child not in children:
                children.append(child)
            if filled("Date of Birth"):
                born = day(get("Date of Birth")[1])
                if child not in dob:
                    dob[child] = born
                elif born != dob[child]:
                    dob_conflicts += 1
            for name, kind in EVENTS.get(n, []):
                if filled(name):
                    key = (child, kind, day(get(name)[1]))
                    events.add(key)
                    event_list.setdefault(key, n)
            attributes += sum(filled(a) for a in ATTRIBUTES.get(n, []))
            if n == 8 and filled("Start Date of Most Recent Placement") and filled("Placement Type"):
                attributes += 1
            if 3 <= n <= 9:
                if filled("Allocated Worker"):
                    allocations += 1
                excel_errors += sum(1 for h in ("Allocated Team", "Allocated Worker") if get(h) and get(h)[0] == "e")
    before_birth = Counter((kind, event_list[(c, kind, d)]) for (c, kind, d) in events if c in dob and d < dob[c])
    print("rows under the header:", [len(sheets["List %d" % n][1]) for n in range(1, 12)])
    print("children:", len(children), " events:", len(events), " attributes:", attributes,
          " allocations:", allocations, " #N/A team or worker cells:", excel_errors,
          " dates of birth differing from the first:", dob_conflicts)
    print("events before the date of birth (type, list):", dict(before_birth))
    print("events by type:", dict(sorted(Counter(k for _, k, _ in events).items())))


if __name__ == "__main__":
    main(sys.argv[1])
