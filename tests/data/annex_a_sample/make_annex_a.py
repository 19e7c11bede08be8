#!/usr/bin/env python3
"""Writes the fictional Annex A workbooks of this folder (README.md).

    python3 tests/data/annex_a_sample/make_annex_a.py

Standard library only: each workbook is the few XLSX parts a reader needs
(content types, relationships, workbook, styles with a date format, one
worksheet per sheet with inline strings), zipped with fixed timestamps so
that a rerun writes the same bytes.
"""
import datetime
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
NBSP = "\u00a0"


class D:
    """A date cell (an Excel serial with the built-in date format 14)."""

    def __init__(self, text):
        self.day = datetime.date.fromisoformat(text)


class N:
    """A number cell in the General format."""

    def __init__(self, value):
        self.value = value


class E:
    """An Excel error cell (#N/A, ...)."""

    def __init__(self, text):
        self.text = text


class Raw:
    """Bytes put into the sheet as they are (for damaged workbooks)."""

    def __init__(self, data):
        self.data = data


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def column(n):
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def cell(ref, v):
    if v is None or v == "":
        return b""
    if isinstance(v, D):
        serial = (v.day - datetime.date(1899, 12, 30)).days
        return f'<c r="{ref}" s="1"><v>{serial}</v></c>'.encode()
    if isinstance(v, N):
        return f'<c r="{ref}"><v>{v.value}</v></c>'.encode()
    if isinstance(v, E):
        return f'<c r="{ref}" t="e"><v>{esc(v.text)}</v></c>'.encode()
    if isinstance(v, Raw):
        return f'<c r="{ref}" t="inlineStr"><is><t>'.encode() + v.data + b"</t></is></c>"
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{esc(v)}</t></is></c>'.encode()


def sheet_xml(rows):
    out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}"><sheetData>'.encode()]
    for r, values in enumerate(rows, start=1):
        if values is None:
            continue
        out.append(f'<row r="{r}">'.encode())
        for c, v in enumerate(values, start=1):
            out.append(cell(f"{column(c)}{r}", v))
        out.append(b"</row>")
    out.append(b"</sheetData></worksheet>")
    return b"".join(out)


def write(name, sheets):
    """sheets: [(sheet name, [row values or None for a gap])]"""
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/></Types>',
        "_rels/.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/styles.xml": f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}">'
        '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>',
    }
    wb = [f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>']
    rels = [f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
            f'<Relationship Id="rIdS" Type="{REL}/styles" Target="styles.xml"/>']
    for i, (sheet, rows) in enumerate(sheets, start=1):
        wb.append(f'<sheet name="{esc(sheet)}" sheetId="{i}" r:id="rId{i}"/>')
        rels.append(f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>')
        parts[f"xl/worksheets/sheet{i}.xml"] = sheet_xml(rows)
    parts["xl/workbook.xml"] = "".join(wb) + "</sheets></workbook>"
    parts["xl/_rels/workbook.xml.rels"] = "".join(rels) + "</Relationships>"
    with zipfile.ZipFile(os.path.join(HERE, name), "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in parts.items():
            info = zipfile.ZipInfo(part, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data if isinstance(data, bytes) else data.encode())


ID, GENDER, ETH, DOB, AGE = "Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age"
TEAM, WORKER = "Allocated Team", "Allocated Worker"
L3 = [ID, GENDER, ETH, DOB, AGE, "Date of Referral", "Referral Source", "Referral NFA?",
      "Number of Referrals in Last 12 Months", TEAM, WORKER]
L4 = [ID, GENDER, ETH, DOB, AGE, "Does the Child have a Disability", "Continuous Assessment Start Date",
      "Child Seen During Continuous Assessment", "Continuous Assessment Date of Authorisation",
      "Was the child assessed as requiring LA children's social care support?", TEAM, WORKER]
L5 = [ID, GENDER, ETH, DOB, AGE, "Does the Child have a Disability",
      "Strategy discussion initiating Section 47 Enquiry Start Date",
      "Was an Initial Child Protection Conference deemed unnecessary?", "Date of Initial Child Protection Conference",
      "Did the Initial Child Protection Conference Result in a Child Protection Plan", TEAM, WORKER]
L6 = [ID, GENDER, ETH, DOB, AGE, "Does the Child have a Disability", "CIN Start Date", "Primary Need Code",
      "Date Child Was Last Seen", "CIN Closure Date", "Reason for Closure", "Case Status", TEAM, WORKER]
L7 = [ID, GENDER, ETH, DOB, AGE, "Does the Child have a Disability", "Child Protection Plan Start Date",
      "Initial Category of Abuse", "Latest Category of Abuse", "Date of the Last Statutory Visit",
      "Was the Child Seen Alone?", "Date of latest review conference", "Child Protection Plan End Date", TEAM, WORKER]
# List 8 in another column order than Ofsted's, headings in other case and spacing.
L8 = [WORKER, ID, "date started to be looked after", "Child's  Legal Status", "Start date of current legal status",
      "Date of Latest Statutory Review", "Date of Last Social Work Visit", "Date of Last Health Assessment",
      "Date Ceased to be Looked After", "Reason Ceased to be Looked After", "Start Date of Most Recent Placement",
      "Placement Type", DOB, "ALLOCATED TEAM"]
L9 = [ID, GENDER, ETH, DOB, AGE, "Does the Child have a Disability", TEAM, WORKER, "Eligibility Category",
      "LA in Touch", "Type of Accommodation", "Suitability of Accommodation", "Activity Status"]
L10 = [ID, "Family identifier", GENDER, ETH, DOB, "Age of Child (Years)", "Date the Child Entered Care"]
L11 = ["Individual adopter identifier", "Family identifier", GENDER, "Date enquiry received"]


def sample():
    return [
        ("List 1", [[ID, GENDER, ETH, DOB, AGE, "Date of Contact", "Contact Source"],
                    ["C001", "a) Male", "a) WBRI", D("2015-03-02"), N(8.9), D("2024-01-10"), "b) 1B: Individual"],
                    ["C009", "b) Female", "", "", "", D("2024-01-11"), "q) 6: Police"]]),
        ("List 2", [[ID, GENDER, ETH, DOB, AGE, "Assessment start date", "Assessment completion date"],
                    ["C002", "b) Female", "a) WBRI", D("2019-07-15"), N(4.5), D("2024-01-05"), D("2024-02-01")]]),
        # A title and a gap above the header.
        ("List 3", [["Annex A - List 3: Referrals (fictional)"], None, L3,
                    ["C001", "a) Male", "a) WBRI", D("2015-03-02"), N(8.9), D("2024-01-12"), "b) 1B: Individual",
                     "No", N(1), "Duty Team A", "Alex" + NBSP + "Fictional"],
                    ["C003", "b) Female", "a) WBRI", D("2012-10-30"), N(11.3), D("2024-02-01"), "q) 6: Police",
                     "a) Yes", N(0), " Duty Team A ", "Sam   Example"]]),
        ("List 4", [L4, ["C001", "a) Male", "a) WBRI", D("2015-03-02"), N(8.9), "b) No", D("2024-01-12"), "Yes",
                         D("2024-02-20"), "a) Yes", "Assessment Team", "Alex Fictional"]]),
        ("List 5", [L5, ["C004", "b) Female", "s) NOBT", D("2021-05-05"), N(2.8), "b) No", D("2024-03-01"), "No",
                         D("2024-03-14"), "Yes", "Child Protection Team", "Jo Sample"]]),
        ("List 6", [L6, ["C005", "a) Male", "a) WBRI", D("2010-02-02"), N(13.8), "b) No", D("2023-11-01"),
                         "N1 - Abuse or Neglect", D("2024-02-02"), "", "", "c) Child in need plan", "CIN Team",
                         "Lee Test"]]),
        ("List 7", [L7, ["C004", "b) Female", "s) NOBT", D("2021-05-05"), N(2.8), "b) No", D("2024-03-14"),
                         "Neglect", "Neglect", D("2024-04-02"), "a) Yes", D("2024-06-10"), "",
                         "Child Protection Team", "Jo Sample"]]),
        ("List 8", [L8,
                    ["Pat Demo", "C006", D("2023-06-01"), "C2: Full care order", D("2023-09-01"), D("2023-08-20"),
                     "15/01/2024", D("2023-07-01"), "", "", D("2023-06-01"), "f) U6: Foster placement - not FFA",
                     D("2011-04-04"), "Children in Care Team"],
                    ["Pat Demo", "C007", D("2022-01-10"), "C1: Interim care order", "", "", "", "",
                     D("2023-12-31"), "k) E47: Special guardianship order", N(44571), "U1: Foster placement - relative",
                     "2009-09-09", "Children in Care Team"]]),
        ("List 9", [L9, ["C008", "a) Male", "a) WBRI", D("2005-01-20"), N(19), "b) No", "Leaving Care Team",
                         "Robin Model", "b) Former relevant child", "a) Yes", "U: Independent living", "a) Suitable",
                         "F1: Full time in higher education"]]),
        ("List 10", [L10, ["C006", "F1", "b) Female", "a) WBRI", D("2011-04-04"), "12", D("2023-06-01")]]),
        ("List 11", [L11, ["A001", "F1", "a) Male", D("2023-01-01")], ["A002", "F1", "b) Female", D("2023-01-01")]]),
        ("Notes", [["Not a list: ignored."]]),
    ]


def bad():
    return [
        ("List 1", [[ID, GENDER, DOB, "Contact Source"], ["C101", "a) Male", D("2015-01-01"), "q) 6: Police"]]),
        ("List 2", [None] * 20 + [[ID, "Assessment start date"], ["C102", D("2024-01-01")]]),
        ("List 3", [L3,
                    ["", "a) Male", "", "", "", D("2024-01-12"), "", "No", "", "Duty Team A", "Alex Fictional"],
                    ["C103", "a) Male", "", D("2015-01-01"), "", "next Tuesday", "", "No", "", "", ""],
                    ["C104", "a) Male", "", D("2015-01-01"), "", D("2199-01-01"), "", "No", "", "", ""],
                    ["C105", "a) Male", "", D("2016-02-02"), "", D("2024-01-15"), "b) 1B: Individual", "maybe",
                     "", E("#N/A"), E("#N/A")],
                    ["C105", "a) Male", "", D("2016-03-03"), "", D("2024-02-15"), "", "No", "", "Duty Team B", ""]]),
        ("list 3 (copy)", [L3]),
        ("List 5", [[ID, DOB, "Strategy discussion initiating Section 47 Enquiry Start Date"],
                    ["C106", D("2020-01-01"), D("2024-03-01")]]),
        ("List 7", [L7,
                    ["C107", "", "", D("2024-05-01"), "", "", D("2024-03-14"), "", "Neglect", "", "", "",
                     D("2024-03-01"), "CP Team", "Jo Sample"]]),
        ("List 8", [L8,
                    ["Pat Demo", "C108", D("2019-01-01"), "Full care order", "", "", "01/01/1850", "", "", "",
                     D("2023-06-01"), "Foster care", D("2020-01-01"), "Children in Care Team"]]),
        ("List 9", [[ID, TEAM], ["C109", "Leaving Care Team"]]),
    ]


def same_day():
    # C201's two rows begin the same day with other codes; C202's agree.
    row = lambda child, ls, place: ["Pat Demo", child, D("2023-06-01"), ls, "", "", "", "", "", "", D("2023-06-01"),
                                    place, D("2011-04-04"), "Children in Care Team"]
    return [("List 8", [L8,
                        row("C201", "C1: Interim care order", "U1: Foster placement - relative"),
                        row("C201", "C2: Full care order", "f) U6: Foster placement - not FFA"),
                        row("C202", "C2: Full care order", "U1: Foster placement - relative"),
                        row("C202", "C2: Full care order", "U1: Foster placement - relative")])]


def damaged_utf8():
    return [("List 1", [[ID, "Date of Contact"], [Raw(b"C\xff01"), D("2024-01-10")]])]


if __name__ == "__main__":
    write("sample.xlsx", sample())
    write("bad.xlsx", bad())
    write("invalid-utf8.xlsx", damaged_utf8())
    write("same-day.xlsx", same_day())
    write("no-lists.xlsx", [("Sheet1", [["Child Unique ID"], ["C1"]])])
