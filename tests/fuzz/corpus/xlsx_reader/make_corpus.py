#!/usr/bin/env python3
"""Writes the seed corpus of the xlsx_reader fuzz target into this folder.

Each workbook is written twice: NAME.xlsx, a real zip (deflated, as Excel
writes it) for the zip layer, and NAME.parts, the same parts as a list of
"--- PART" sections (fuzz_xlsx_reader.cpp packs those into a zip itself, so
the fuzzer can mutate the XML inside). The outputs are committed with this
script; run it again after changing it:

    python3 tests/fuzz/corpus/xlsx_reader/make_corpus.py
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def rels(*items):
    body = "".join(f'<Relationship Id="{i}" Type="{REL}/{t}" Target="{target}"/>' for i, t, target in items)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="{PKG}">{body}</Relationships>'


def workbook(sheets, pr=""):
    body = "".join(f'<sheet name="{n}" sheetId="{k + 1}" r:id="rId{k + 1}"/>' for k, n in enumerate(sheets))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns="{MAIN}" xmlns:r="{REL}">{pr}'
            f'<sheets>{body}</sheets></workbook>')


def sheet(rows):
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData></worksheet>'


def book(sheets, pr="", strings=None, styles=None, missing=()):
    """The parts of a workbook: sheets is [(name, rows xml)]."""
    items = [(f"rId{k + 1}", "worksheet", f"worksheets/sheet{k + 1}.xml") for k in range(len(sheets))]
    if strings is not None:
        items.append(("rIdS", "sharedStrings", "sharedStrings.xml"))
    if styles is not None:
        items.append(("rIdT", "styles", "styles.xml"))
    parts = {
        "_rels/.rels": rels(("rId1", "officeDocument", "xl/workbook.xml")),
        "xl/workbook.xml": workbook([n for n, _ in sheets], pr),
        "xl/_rels/workbook.xml.rels": rels(*items),
    }
    for k, (_, rows) in enumerate(sheets):
        parts[f"xl/worksheets/sheet{k + 1}.xml"] = sheet(rows)
    if strings is not None:
        si = "".join(s if s.startswith("<si>") else f"<si><t>{s}</t></si>" for s in strings)
        parts["xl/sharedStrings.xml"] = f'<sst xmlns="{MAIN}" count="{len(strings)}">{si}</sst>'
    if styles is not None:
        parts["xl/styles.xml"] = styles
    for m in missing:
        del parts[m]
    return parts


STYLES = (f'<styleSheet xmlns="{MAIN}"><numFmts count="2">'
          '<numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/><numFmt numFmtId="165" formatCode="0.00 &quot;days&quot;"/>'
          '</numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/>'
          '</cellXfs></styleSheet>')

# Annex A's first list, in miniature: headings, then children with dates.
ANNEX = book(
    [("List 1", '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
                '<c r="D1" t="s"><v>3</v></c></row>'
                '<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="s"><v>5</v></c><c r="C2" s="1"><v>44652</v></c>'
                '<c r="D2" t="inlineStr"><is><t>Team North</t></is></c></row>'
                '<row r="3"><c r="A3" t="s"><v>6</v></c><c r="C3" s="2"><v>44713.5</v></c>'
                '<c r="D3" t="str"><f>D2</f><v>Team North</v></c><c r="F3" s="3"><v>12.5</v></c></row>'
                '<row r="5"><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c s="1"/><c><v>-3</v></c></row>'),
     ("List 2", '<row r="1"><c r="A1" t="inlineStr"><is><t>Referral</t></is></c></row>')],
    strings=["Child Unique ID", "Gender", "Date of Contact", "Allocated Team", "FZ001", "Female", "FZ002"],
    styles=STYLES)

# Both date systems' edges: 1904, ISO dates (t="d"), serials around Excel's 1900-02-29.
DATES = book(
    [("Dates", '<row r="1"><c r="A1" t="d"><v>1900-01-01</v></c><c r="B1" t="d"><v>2023-03-31T10:00:00</v></c>'
               '<c r="C1" s="1"><v>0</v></c><c r="D1" s="1"><v>1462</v></c></row>'
               '<row r="2"><c r="A2" t="d"><v>9999-12-31</v></c><c r="B2" s="1"><v>2957003</v></c>'
               '<c r="C2" t="d"><v>31/03/2023</v></c></row>'),
     ("Empty", "")],
    pr='<workbookPr date1904="1"/>', styles=STYLES)

SERIALS = book(
    [("Serials", '<row><c s="1"><v>1</v></c><c s="1"><v>59</v></c><c s="1"><v>60</v></c><c s="1"><v>61</v></c>'
                 '<c s="1"><v>0.25</v></c><c s="1"><v>2958465</v></c><c s="1"><v>2958466</v></c>'
                 '<c t="d"><v>1900-02-28</v></c><c t="d"><v>1899-12-31</v></c></row>')],
    styles=STYLES)

# Cells the reader must report, not trust.
BAD = book(
    [("Bad", '<row r="0"><c r="A1" t="s"><v>7</v></c><c r="B1"><v>abc</v></c><c r="C1" t="b"><v>2</v></c>'
             '<c r="D1" t="zz"><v>1</v></c><c r="1A"><v>1</v></c><c r="XFE1"><v>1</v></c></row>'
             '<row r="3"><c r="B3"><v>1</v></c><c r="B3"><v>2</v></c><c r="A3"><v>3</v></c></row>'
             '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row><row><c><v>4</v></c></row>')],
    strings=["only one"])

# Shared strings with runs, phonetic readings and _xHHHH_ escapes.
RICH = book(
    [("Text", '<row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c>'
              '<c t="inlineStr"><is><r><t>in</t></r><r><t xml:space="preserve"> line</t></r></is></c></row>')],
    strings=["<si><r><t>Rich </t></r><r><rPr><b/></rPr><t>text</t></r><rPh><t>reading</t></rPh></si>",
             "line_x000D_break _x005F_x0041_ _xD800_ Zo&#235;", "<si><t xml:space=\"preserve\"> </t></si>"])

# Damage: a sheet whose part is missing, and no workbook named at all.
MISSING_SHEET = book([("Gone", '<row r="1"><c><v>1</v></c></row>')], missing=("xl/worksheets/sheet1.xml",))
NO_WORKBOOK = {"_rels/.rels": rels(), "xl/workbook.xml": workbook([])}

BOOKS = {"annex-a-like": ANNEX, "dates-1904": DATES, "serials-1900": SERIALS, "bad-cells": BAD,
         "rich-text": RICH, "missing-sheet": MISSING_SHEET, "no-workbook": NO_WORKBOOK}


def main():
    for name, parts in BOOKS.items():
        with zipfile.ZipFile(os.path.join(HERE, name + ".xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
            for part, text in parts.items():
                info = zipfile.ZipInfo(part, date_time=(2023, 1, 1, 0, 0, 0))  # the same bytes every run
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, text)
        with open(os.path.join(HERE, name + ".parts"), "w", encoding="utf-8", newline="\n") as f:
            for part, text in parts.items():
                f.write(f"--- {part}\n{text}\n")
    # A stored (uncompressed) zip, and one cut short.
    with zipfile.ZipFile(os.path.join(HERE, "stored.xlsx"), "w", zipfile.ZIP_STORED) as z:
        for part, text in ANNEX.items():
            z.writestr(zipfile.ZipInfo(part, date_time=(2023, 1, 1, 0, 0, 0)), text)
    with open(os.path.join(HERE, "annex-a-like.xlsx"), "rb") as f:
        whole = f.read()
    with open(os.path.join(HERE, "truncated.xlsx"), "wb") as f:
        f.write(whole[: len(whole) * 2 // 3])


if __name__ == "__main__":
    main()
