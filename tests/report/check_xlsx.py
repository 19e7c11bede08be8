#!/usr/bin/python3
"""A report workbook read back by openpyxl, as a spreadsheet user gets it:
every named sheet present (and no other), each data sheet's header row frozen
and filtered, and the named columns holding real dates (datetime) and
numbers (int or float), not text.

  check_xlsx.py FILE.xlsx --sheet NAME ... [--dates "SHEET:E,F"] [--numbers "SHEET:B,C"]
                [--rag "SHEET:D"]

A RAG column holds its labels as text (RED, AMBER, GREEN, BLUE or nothing)
and has a conditional fill rule for each label over its data rows.

Exit 77 (skipped) when openpyxl is not installed (Debian python3-openpyxl).
"""
import argparse
import datetime
import sys

SKIP = 77


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("xlsx")
    ap.add_argument("--sheet", action="append", default=[])
    ap.add_argument("--dates", action="append", default=[])
    ap.add_argument("--numbers", action="append", default=[])
    ap.add_argument("--rag", action="append", default=[], help="SHEET:COL, a column of RAG labels")
    a = ap.parse_args()
    try:
        import openpyxl
    except ImportError:
        print("SKIP: openpyxl is not installed (Debian package python3-openpyxl)")
        return SKIP

    wb = openpyxl.load_workbook(a.xlsx)  # not read_only: frozen panes and filters are read
    problems = []
    if wb.sheetnames != a.sheet:
        problems.append("sheets %r, expected %r" % (wb.sheetnames, a.sheet))
    for name in wb.sheetnames[1:]:  # the first is the summary
        ws = wb[name]
        if ws.freeze_panes != "A2":
            problems.append("%s: header not frozen (freeze_panes %r)" % (name, ws.freeze_panes))
        if not ws.auto_filter.ref or not ws.auto_filter.ref.startswith("A1:"):
            problems.append("%s: no filter over the data (%r)" % (name, ws.auto_filter.ref))
        if ws.max_column and any(ws.cell(row=1, column=c).font.b is not True for c in range(1, ws.max_column + 1)
                                 if ws.cell(row=1, column=c).value is not None):
            problems.append("%s: header row not bold" % name)

    def columns(spec):
        sheet, _, cols = spec.rpartition(":")
        return sheet, [c.strip() for c in cols.split(",") if c.strip()]

    checked = 0
    for spec, want, label in [(s, (datetime.datetime, datetime.date), "dates") for s in a.dates] + \
                             [(s, (int, float), "numbers") for s in a.numbers]:
        sheet, cols = columns(spec)
        if sheet not in wb.sheetnames:
            problems.append("no sheet %r" % sheet)
            continue
        ws = wb[sheet]
        last = ws.auto_filter.ref.split(":")[1] if ws.auto_filter.ref else None
        last_row = int("".join(ch for ch in last if ch.isdigit())) if last else ws.max_row
        for col in cols:
            values = [ws["%s%d" % (col, r)].value for r in range(2, last_row + 1)]
            present = [v for v in values if v is not None]
            if not present:
                problems.append("%s!%s: no values to check" % (sheet, col))
            for r, v in enumerate(values, 2):
                if v is None:
                    continue
                if isinstance(v, bool) or not isinstance(v, want):
                    problems.append("%s!%s%d: %r is %s, not %s" % (sheet, col, r, v, type(v).__name__, label))
                checked += 1
        print("%s: columns %s hold %s" % (sheet, ",".join(cols), label))

    for spec in a.rag:
        sheet, cols = columns(spec)
        ws = wb[sheet] if sheet in wb.sheetnames else None
        if ws is None:
            problems.append("no sheet %r" % sheet)
            continue
        for col in cols:
            labels = {ws["%s%d" % (col, r)].value for r in range(2, ws.max_row + 1)} - {None}
            if not labels or not labels <= {"RED", "AMBER", "GREEN", "BLUE"}:
                problems.append("%s!%s: RAG labels %r" % (sheet, col, sorted(labels)))
            formulas = set()
            for rng in ws.conditional_formatting:
                if any(c.min_col == c.max_col == openpyxl.utils.column_index_from_string(col) and c.min_row == 2
                       for c in rng.sqref.ranges):
                    for rule in rng.rules:
                        if rule.dxf is None or rule.dxf.fill is None:
                            problems.append("%s!%s: a rule without a fill" % (sheet, col))
                        formulas.update(rule.formula or [])
            if formulas != {'"RED"', '"AMBER"', '"GREEN"', '"BLUE"'}:
                problems.append("%s!%s: conditional rules for %r" % (sheet, col, sorted(formulas)))
            print("%s: column %s holds RAG labels %s, filled by %d rules" % (sheet, col, sorted(labels), len(formulas)))

    for p in problems:
        print("FAIL:", p)
    if not problems:
        print("OK: %d sheets, %d typed cells checked" % (len(wb.sheetnames), checked))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
