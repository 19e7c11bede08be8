"""Every JSON document the C API returns, validated against its JSON Schema.

Real outputs, everywhere: the sample plan (examples/data/sample_plan.txt)
imported through liboversight_c, casework with reminders and an
acknowledgement, the sample and a damaged SSDA903 return (tests/data/),
calendars and rule packs, each read back through the C function that returns
it (the binding's ctypes declarations, so the text is exactly what C callers
get). Where ../shared is present (always in CI) the seed plan and the real
SSDA903 return are validated too. Checked:

- every function whose documentation in capi/include/oversight/c/*.h names a
  document ("format":"oversight-<shape>") is exercised here, with that format,
  and every schema in data/schemas is used: a new JSON function without a
  schema, or a schema nobody writes, fails;
- each output is valid against data/schemas/<format>.schema.json (draft
  2020-12): an output that drifts from its schema fails;
- each schema refuses broken copies of a real output (no format, another
  version, an unknown member, an item without a member or with an extra one):
  a schema that accepts anything fails;
- the CLI still prints bare arrays (`remind --format json`, `history --format
  json`) holding the same items as the C documents.

Environment: OVERSIGHT_LIBRARY (the library under test), OVERSIGHT_PROJECT_DIR,
OVERSIGHT_SHARED_DIR, OVERSIGHT_CLI; python3-jsonschema.
"""
import copy
import ctypes
import datetime
import glob
import json
import os
import re
import subprocess
import tempfile
import unittest

from jsonschema import Draft202012Validator

from oversight import _lib
from oversight import (audit, batch, calendar, casework, complaints, compliance, imports, indicator, plan,
                       reminders, report, rule_pack, store, supervision, workforce)
from oversight import Calendar, Casework, RulePack, Store

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.environ.get("OVERSIGHT_PROJECT_DIR", os.path.join(HERE, "..", ".."))
SHARED = os.environ.get("OVERSIGHT_SHARED_DIR", os.path.join(PROJECT, "..", "shared"))
SAMPLE_PLAN = os.path.join(PROJECT, "examples", "data", "sample_plan.txt")
SEED = os.path.join(SHARED, "seed", "000_34f8af1d34ad7c07.txt")
SSDA903_SAMPLE = os.path.join(PROJECT, "tests", "data", "ssda903_sample")
SSDA903 = os.path.join(SHARED, "data", "ssda903")
BAD_903 = os.path.join(PROJECT, "tests", "data", "casework_903_bad")
SCHEMAS = os.path.join(PROJECT, "data", "schemas")
HEADERS = os.path.join(PROJECT, "capi", "include", "oversight", "c")
CLI = os.environ.get("OVERSIGHT_CLI")
CASE_AS_OF = datetime.date(2024, 3, 11)
BATCH_DATA = os.path.join(PROJECT, "tests", "data", "batch")
# Schemas of documents the library reads rather than writes: checked by
# test_input_schemas against the project's fixture documents.
INPUT_SCHEMAS = {"oversight-batch", "oversight-audit-record", "oversight-supervision-record"}
SUPERVISION_RECORDS = os.path.join(PROJECT, "tests", "fuzz", "corpus", "supervision_record")

# (plan file, report date, as-of date of its reports): the sample plan
# everywhere, the seed where ../shared is present.
PLANS = [(SAMPLE_PLAN, "2025-03-14", datetime.date(2025, 6, 30))]
if os.path.isfile(SEED):
    PLANS.append((SEED, "2012-09-14", datetime.date(2012, 10, 12)))
SSDA903_FOLDERS = [SSDA903_SAMPLE, BAD_903] + ([SSDA903] if os.path.isdir(SSDA903) else [])
# (format, path) for oversight_import_return: the fixtures, and the shared returns when present.
RETURNS = [("cin", os.path.join(PROJECT, "tests", "data", "cin_census_sample", name))
           for name in ("cin_sample.xml", "cin_damaged.xml")] + \
          [("csww", os.path.join(PROJECT, "tests", "data", "csww_sample", name)) for name in ("return.xml", "bad.xml")] + \
          [("annex-a", os.path.join(PROJECT, "tests", "data", "annex_a_sample", name))
           for name in ("sample.xlsx", "bad.xlsx")] + \
          [(fmt, os.path.join(SHARED, "data", rel)) for fmt, rel in
           (("cin", "cin_census/cin-2022.xml"), ("csww", "workforce/social_work_workforce_2022.xml"),
            ("annex-a", "annex_a/Annex_A.xlsx")) if os.path.isfile(os.path.join(SHARED, "data", rel))]


def raw(f, *args):
    """The owned string a C function returns through its last parameter."""
    return _lib.call_string(f, *args)


def raw_result(f, *args):
    """The owned string a C function returns through its last parameter,
    also when the call fails but still gives it (a refused batch)."""
    out = ctypes.c_void_p()
    try:
        f(*args, ctypes.byref(out))
    except _lib.OversightError:
        if not out.value:
            raise
    return _lib.take_string(out)


def documented_formats():
    """{function: format} for every function whose comment names a document."""
    proto = re.compile(r"(/\*(?:(?!\*/).)*\*/)\s*OVERSIGHT_API[^;]*?OVERSIGHT_CALL\s+(\w+)\s*\(", re.S)
    found = {}
    for path in sorted(glob.glob(os.path.join(HEADERS, "*.h"))):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for comment, name in proto.findall(text):
            formats = set(re.findall(r'"format"[\s*]*:[\s*]*"(oversight-[a-z-]+)"', comment))
            if formats:
                assert len(formats) == 1, (name, formats)
                found[name] = formats.pop()
    return found


def broken_copies(doc):
    """(what, document) pairs a schema must refuse."""
    out = []
    d = copy.deepcopy(doc)
    del d["format"]
    out.append(("without format", d))
    d = copy.deepcopy(doc)
    d["version"] = 2
    out.append(("version 2", d))
    d = copy.deepcopy(doc)
    d["unexpected"] = 1
    out.append(("an unknown member", d))

    def first_item(node):
        """The first object inside an array, depth first."""
        if isinstance(node, list):
            for x in node:
                if isinstance(x, dict):
                    return x
                found = first_item(x)
                if found is not None:
                    return found
        elif isinstance(node, dict):
            for v in node.values():
                found = first_item(v)
                if found is not None:
                    return found
        return None

    probe = first_item({k: v for k, v in doc.items() if k not in ("format", "version")})
    if probe is not None:
        for what in ("extra", "missing"):
            d = copy.deepcopy(doc)
            item = first_item({k: v for k, v in d.items() if k not in ("format", "version")})
            if what == "extra":
                item["unexpected"] = 1
            else:
                del item[sorted(item)[0]]
            out.append((f"an item with a member {what}", d))
    return out


class CApiDocumentsTest(unittest.TestCase):
    outputs = {}  # function -> list of raw texts

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        out = cls.outputs

        def keep(name, text):
            out.setdefault(name, []).append(text)

        # --- plans: the sample plan (and the seed), changes, people
        cls.db = os.path.join(cls.tmp.name, "capi.db")
        st = cls.store = Store(cls.db)
        st.set_actor("schema test")
        h = st._h()
        st.add_person("Lindsay Voss", job_title="Head of Service", email="lv@example.org", team="Leadership")
        st.add_person("Felicity Budgen")
        plan_ids = []
        for path, report_date, as_of in PLANS:
            opts = imports.ImportOptions(report_date=report_date)
            pid = ctypes.c_int64()
            text = ctypes.c_void_p()
            imports._seed_plan(h, _lib.encode(path), ctypes.byref(opts), ctypes.byref(pid), ctypes.byref(text))
            keep("oversight_import_seed_plan", _lib.take_string(text))
            st.add_progress("1.1", "Twelve posts filled", as_of, author="F Budgen", plan_id=pid.value)
            st.set_rag("1.2", "amber", "DCS", "uptake low", as_of, plan_id=pid.value)
            st.add_milestone("1.1", report_date, "Posts advertised", plan_id=pid.value)
            st.add_task("1.1", "Reduce agency staff", owner="Mark Jowett", due=as_of, plan_id=pid.value)
            plan_ids.append((pid.value, as_of))
        plan_ids.append((st.create_plan("Empty plan"), PLANS[0][2]))
        for pid_, as_of in plan_ids:
            keep("oversight_plan_export_json", raw(plan._export_json, h, pid_))
            keep("oversight_plan_people_json", raw(plan._people_json, h, pid_))
            for kind in ("full", "plan", "due", "leads", "costs"):
                ro = report.ReportOptions(kind=kind, format="json", as_of=as_of)
                keep("oversight_report_plan", raw(report._report, h, pid_, ctypes.byref(ro)))
        keep("oversight_plan_list_json", raw(plan._list_json, h))
        # --- the inspection the sample plan answers and its clocks (issue 11 point 6): a
        # focused visit with areas for priority action, its draft due in the casework's window
        first = plan_ids[0][0]
        st.set_inspection("focused_visit", "2024-02-16", ended="2024-02-09", priority_actions=True,
                          owner="Lindsay Voss", plan_id=first)
        keep("oversight_plan_export_json", raw(plan._export_json, h, first))
        for pid_, as_of in plan_ids:
            for day in (as_of, CASE_AS_OF):
                keep("oversight_plan_inspection_clocks_json",
                     raw(plan._inspection_clocks_json, h, pid_, None, ctypes.byref(_lib.Date.of(day))))
        keep("oversight_workforce_people_json", raw(workforce._people_json, h, _lib.Date.of(CASE_AS_OF)))

        # --- casework and reminders
        cw = Casework(st)
        cw.save_team("Team A", manager="Mo Manager")
        cw.save_worker("Ann Lee", "Team A")
        for child in ("C1", "C2"):
            cw.save_child(child, date_of_birth="2012-05-01")
            cw.allocate(child, "Ann Lee", "2024-03-01")
            cw.record_event(child, "became_looked_after", "2024-03-01", {"legal_status": "C2"})
            cw.record_event(child, "placement_start", "2024-03-01", {"placement_type": "U1", "legal_status": "C2"})
        cw.set_attribute("C1", "visit_regime", "default", "2024-03-02")
        cw.save_child("C3")  # unallocated
        first = cw.reminders(as_of=CASE_AS_OF, within=20)[0]
        cw.acknowledge(first["child"], first["rule"], first["due"], "Mo Manager", note="seen")
        for as_of, within in ((CASE_AS_OF, 20), (datetime.date(2024, 6, 1), 0)):
            q = reminders.ReminderQuery(as_of=as_of, within_working_days=within)
            keep("oversight_reminders_json", raw(reminders._json, h, ctypes.byref(q)))
        # the reminder feed: between two dates, and since the list of the first date
        week_before = datetime.date(2024, 3, 4)
        for previous in (None, raw(reminders._json, h, ctypes.byref(
                reminders.ReminderQuery(as_of=week_before, within_working_days=20)))):
            rq = reminders.ReminderQuery(as_of=CASE_AS_OF, within_working_days=20)
            rc = reminders.ReminderChangesQuery(**({"from": week_before} if previous is None
                                                   else {"previous_json": previous}))
            rc.set("reminders", ctypes.pointer(rq))
            keep("oversight_reminders_changes_json", raw(reminders._changes_json, h, ctypes.byref(rc)))
        # compliance (a store of its own): a first visit the case system thought due earlier (host_due set)
        with Store() as sc:
            cc = Casework(sc)
            cc.save_team("Team A")
            cc.save_worker("Ann Lee", "Team A")
            cc.save_child("C1")
            cc.allocate("C1", "Ann Lee", "2024-03-01")
            cc.record_event("C1", "placement_start", "2024-03-01", {"placement_type": "U1", "legal_status": "C2"})
            cc.record_event("C1", "visit", "2024-03-05", {"due_date": "2024-03-02"})
            for period_from in ("2024-03-01", None):
                co = compliance.ComplianceOptions(as_of=datetime.date(2024, 6, 30), period_from=period_from)
                keep("oversight_compliance_json", raw(compliance._json, sc._h(), ctypes.byref(co)))
                # kept: new, then brought up to date (nothing changed), then listed
                for _ in range(2):
                    keep("oversight_compliance_keep", raw(compliance._keep, sc._h(), ctypes.byref(co)))
            keep("oversight_compliance_kept_json", raw(compliance._kept, sc._h()))
            # a case system's extract of due dates: every verdict it can give here
            extract = (b"child,due,rule\nC1,2024-04-16,visits\nC1,17/04/2024,visits\nC1,soon,visits\n"
                       b"C1,,visits\nC9,2024-04-16,visits\nC1,2024-04-16,nothing\nC1,2024-04-16,pep.review\n"
                       b"C1,2024-04-16,complaints\n")
            hd = compliance.HostDueOptions(as_of=datetime.date(2024, 3, 10), file="extract.csv")
            keep("oversight_compliance_host_due_json",
                 raw(compliance._host_due, sc._h(), ctypes.byref(hd), extract, len(extract)))
        for child in ("C1", "C3"):
            keep("oversight_casework_case_json", raw(casework._case_json, h, _lib.encode(child),
                                                     _lib.Date.of(CASE_AS_OF)))
        keep("oversight_casework_list_json", raw(casework._list_json, h, None, None, _lib.Date.of(CASE_AS_OF)))
        keep("oversight_casework_list_json", raw(casework._list_json, h, _lib.encode("Ann Lee"), None,
                                                 _lib.Date.of(CASE_AS_OF)))
        # exemptions: none, one child's (closed and open, with and without areas), every child's
        keep("oversight_casework_exemptions_json", raw(casework._exemptions_json, h, _lib.encode("C2")))
        cw.add_exemption("C1", "missing", "2024-03-04", "missing from placement", "Mo Manager", to="2024-03-24",
                         areas=["visits", "reviews"], external_id="X-1")
        cw.add_exemption("C1", "visit_refused", "2024-03-08", "refused to see the worker", "Mo Manager")
        cw.add_exemption("C3", "hospital", "2024-03-01", "admitted to hospital", "Mo Manager", to="2024-03-02")
        keep("oversight_casework_exemptions_json", raw(casework._exemptions_json, h, _lib.encode("C1")))
        keep("oversight_casework_exemptions_json", raw(casework._exemptions_json, h, None))

        # --- core group attendance (issue 9 point 3): a partner agency that sent
        # apologies, one that came, a line manager on the meeting date
        cw.add_person("Dr Ann Patel", agency="NHS")
        cw.add_person("Nina Grant", agency="NHS")
        cw.add_person("Jo Hart", agency="Riverside School", job_title="Head teacher")
        cw.appoint("Dr Ann Patel", "other_agency", line_manager="Nina Grant", from_date="2024-01-01")
        meeting = cw.record_event("C1", "core_group", "2024-03-08")
        cw.set_attendance(meeting, [{"person": "Dr Ann Patel", "apologies": True},
                                    {"person": "Jo Hart", "attended": True, "role": "head teacher"},
                                    {"person": "Ann Lee", "attended": False, "deputy": "Mo Manager"}])
        for event_type in (None, "core_group", "visit"):
            q = casework.AttendanceQuery(event_type=event_type)
            q.set("from", "2024-03-01").set("to", "2024-03-31")
            keep("oversight_casework_attendance_report", raw(casework._attendance_report, h, ctypes.byref(q)))
            keep("oversight_casework_non_attendance", raw(casework._non_attendance, h, ctypes.byref(q)))

        # --- complaints (issue 9 point 3): open ones in time and overdue, a quarter's lessons
        st.add_complaint("CMP-1", "2012-08-20", child_id="C1", category="communication")
        st.add_complaint("CMP-2", "2012-09-28")
        st.add_complaint("CMP-3", "2012-07-02", category="placement")
        st.respond_to_complaint("CMP-3", "2012-07-10", "partly_upheld")
        st.set_complaint_lessons("CMP-3", "Tell young people who their new worker is.")
        st.escalate_complaint("CMP-3", "2012-07-20", statement_agreed="2012-07-25")
        st.respond_to_complaint("CMP-3", "2012-09-20", "upheld")
        for as_of in ("2012-09-07", "2012-10-01"):
            keep("oversight_complaints_open_json", raw(complaints._open_json, h, ctypes.byref(_lib.Date.of(as_of)),
                                                       None, 0))
        for quarter in ("2012Q3", "2013Q1"):
            keep("oversight_complaints_lessons_json", raw(complaints._lessons_json, h, _lib.encode(quarter), None, 0))

        # --- indicators (issue 11 point 5): one entered with values and linked to 1.1, one computed without
        ipid = plan_ids[0][0]
        st.save_indicator(ipid, {"key": "visits", "name": "% of visits in timescale", "unit": "%", "target": 85,
                                 "amber": 70})
        st.save_indicator(ipid, {"key": "sup", "name": "Supervision", "unit": "%", "target": 90, "amber": 75,
                                 "source": "computed", "measure": "supervision_in_timescale"})
        st.record_indicator_value(ipid, "visits", "2012-09-01", 62.5, entered_by="F Budgen", note="tracker")
        st.link_indicator(ipid, "1.1", "visits")
        for as_of in ("2012-08-01", "2012-10-12"):
            keep("oversight_indicator_list_json", raw(indicator._list_json, h, ipid,
                                                      ctypes.byref(_lib.Date.of(as_of)), 0))
        keep("oversight_plan_export_json", raw(plan._export_json, h, ipid))

        # --- audits (issue 10): a programme, the seed's PEP audit counts only, a per-case audit of C1
        st.add_person("Virtual School Head")
        st.add_audit_programme("PEP audit", "pep", owner="Virtual School Head", cycle="quarterly", scale="two_point",
                               per_stratum=1, stratify="team")
        st.add_audit_programme("Manager audit", "management", owner="Virtual School Head", per_stratum=2,
                               stratify="manager")
        st.record_audit({"reference": "PEP-1", "programme": "PEP audit", "held": "2012-08-23", "recorded": "2012-08-30",
                         "counts": {"satisfactory": 8, "inadequate": 10},
                         "recommendations": [{"text": "Train", "owner": "Virtual School Head", "due": "2012-10-31"}]})
        st.record_audit({"reference": "PEP-2", "programme": "PEP audit", "held": "2024-03-08", "recorded": "2024-03-08",
                         "auditors": [{"name": "Virtual School Head"}, {"name": "Jo Hart", "agency": "Education"}],
                         "cases": [{"child": "C1", "grade": "satisfactory", "answers": {"targets_smart": "yes"}}]})
        keep("oversight_audit_programmes_json", raw(audit._programmes_json, h))
        keep("oversight_audit_sample_json", raw(audit._sample_json, h, _lib.encode("PEP audit"),
                                                ctypes.byref(_lib.Date.of(CASE_AS_OF)), 7))
        keep("oversight_audit_sample_json", raw(audit._sample_json, h, _lib.encode("Manager audit"),
                                                ctypes.byref(_lib.Date.of(CASE_AS_OF)), 7))
        for ref in ("PEP-1", "PEP-2"):
            keep("oversight_audit_result_json", raw(audit._result_json, h, _lib.encode(ref), 0))
        keep("oversight_audit_trend_json", raw(audit._trend_json, h, _lib.encode("PEP audit"), 0))
        keep("oversight_audit_actions_json", raw(audit._actions_json, h, ctypes.byref(_lib.Date.of("2012-11-15")), 0))
        keep("oversight_audit_reminders_json", raw(audit._reminders_json, h, ctypes.byref(_lib.Date.of("2024-06-01")),
                                                   14, None))
        # --- supervision (issue 10; a store of its own): the standard, records, the report with an open action
        keep("oversight_supervision_standard_json", raw(supervision._standard_json, None))
        with Store() as ss:
            ss.add_person("Tom Reed")
            ss.add_person("Ann Newby")
            ss.appoint("Tom Reed", "team_manager", from_date="2024-01-08")
            ss.appoint("Ann Newby", "newly_qualified_social_worker", line_manager="Tom Reed", from_date="2025-03-03")
            Casework(ss).save_child("C1")
            ss.record_supervision({"supervisee": "Ann Newby", "supervisor": "Tom Reed", "held": "2025-03-10",
                                   "minutes": 90, "cases": ["C1"], "criteria": ["reflective"],
                                   "actions": [{"text": "Chronology", "owner": "Ann Newby", "due": "2025-03-20"}]})
            ss.record_supervision({"supervisee": "Ann Newby", "supervisor": "Tom Reed", "held": "2025-03-18"})
            keep("oversight_supervision_list_json", raw(supervision._list_json, ss._h(), _lib.Date.of("2025-03-01"),
                                                        _lib.Date.of("2025-03-31"), None))
            for as_of in ("2025-03-19", "2025-05-01"):
                keep("oversight_supervision_report", raw(supervision._report, ss._h(),
                                                         ctypes.byref(_lib.Date.of(as_of)), None, None, 0))
            for per, size in ((0, 0), (1, 0), (0, 1)):
                ao = supervision.SupervisionAuditOptions(to="2025-03-31", per_supervisor=per,
                                                         sample_size=size).set("from", "2025-03-01")
                keep("oversight_supervision_audit_json", raw(supervision._audit_json, ss._h(), ctypes.byref(ao),
                                                             None, 0))
            for as_of in ("2025-03-19", "2025-05-01"):
                keep("oversight_supervision_reminders_json", raw(supervision._reminders_json, ss._h(),
                                                                 ctypes.byref(_lib.Date.of(as_of)), 14, None, None))

        # --- batches (a store of their own): applied, and refused (every refused item named)
        def batch_text(name):
            with open(os.path.join(BATCH_DATA, name), "rb") as f:
                return f.read()
        with Store() as sb:
            bw = Casework(sb)
            bw.save_team("Team A")
            bw.save_worker("Ann Lee", "Team A")
            for name in ("feed.json", "feed.ndjson", "refused.ndjson"):
                data = batch_text(name)
                keep("oversight_batch_apply_json", raw_result(batch._apply_json, sb._h(), data, len(data), None))
            with batch.Batch() as b:
                b.add({"op": "child", "child": "C1"}).add_event("C1", "visit", "2024-03-08", external_id="V-8")
                keep("oversight_batch_apply", raw_result(batch._apply, sb._h(), b._h(), None))
                b.add_event("C404", "visit", "2024-03-08")
                keep("oversight_batch_apply", raw_result(batch._apply, sb._h(), b._h(), None))

        # --- SSDA903: the sample and a damaged return, and the real one when present
        for folder in SSDA903_FOLDERS:
            with Store() as s903:
                io = imports.ImportOptions()
                keep("oversight_import_ssda903", raw(imports._ssda903, s903._h(), _lib.encode(folder),
                                                     ctypes.byref(io)))
                keep("oversight_reminders_json", raw(reminders._json, s903._h(), ctypes.byref(
                    reminders.ReminderQuery(as_of=datetime.date(2018, 3, 31), within_working_days=10))))
                keep("oversight_compliance_json", raw(compliance._json, s903._h(), ctypes.byref(
                    compliance.ComplianceOptions(as_of=datetime.date(2018, 3, 31)))))
        for fmt, path in RETURNS:
            with Store() as sr:
                paths = (ctypes.c_char_p * 1)(_lib.encode(path))
                ro = imports.ImportReturnOptions(format=fmt, path_count=1)
                ro.set("paths", ctypes.cast(paths, ctypes.POINTER(ctypes.c_char_p)))
                keep("oversight_import_return", raw(imports._return, sr._h(), ctypes.byref(ro)))
        keep("oversight_store_history_json", raw(store._history_json, h, None))
        keep("oversight_store_history_json", raw(store._history_json, h,
                                                 ctypes.byref(store.HistoryQuery(entity="acknowledgement"))))
        # the history's hash chain: intact, with a checkpoint, and with a bad signature
        keys = os.path.join(PROJECT, "tests", "data", "history")
        with open(os.path.join(keys, "council_private.pem"), "rb") as f:
            private = f.read()
        with open(os.path.join(keys, "council_public.pem"), "rb") as f:
            public = f.read()
        with open(os.path.join(keys, "other_public.pem"), "rb") as f:
            other = f.read()
        keep("oversight_store_verify_history", raw(store._verify_history, h, None, None))
        checkpoint = raw(store._history_checkpoint, h, private)
        keep("oversight_store_history_checkpoint", checkpoint)
        for pem in (public, other):
            keep("oversight_store_verify_history", raw(store._verify_history, h, _lib.encode(checkpoint), pem))
        # the change feed: a first page, the last page, and one kind only
        for q in (store.ChangesQuery(since=0, limit=3), store.ChangesQuery(since=0, limit=10000),
                  store.ChangesQuery(since=1, limit=2, entity="event")):
            keep("oversight_store_changes_json", raw(store._changes_json, h, ctypes.byref(q)))

        # --- calendars and rule packs
        for division in ("england-and-wales", "scotland", "northern-ireland"):
            with Calendar(division, holidays=[("2026-06-12", "Proclaimed day")]) as cal:
                for year in (2012, 2026):
                    keep("oversight_calendar_holidays_json", raw(calendar._holidays_json, cal._h(), year))
        with RulePack.default() as england:
            keep("oversight_rule_pack_rules_json", raw(rule_pack._rules_json, england._h()))
            local = RulePack.from_file(os.path.join(PROJECT, "data", "rules", "example-local.toml"))
            with england.layered(local) as both:
                keep("oversight_rule_pack_rules_json", raw(rule_pack._rules_json, both._h()))
            local.close()

    @classmethod
    def tearDownClass(cls):
        cls.store.close()
        cls.tmp.cleanup()

    def test_every_documented_json_function_is_checked(self):
        documented = documented_formats()
        self.assertEqual(sorted(self.outputs), sorted(documented),
                         "every function documenting a JSON document is exercised here, and only those")
        schemas = {os.path.basename(p)[: -len(".schema.json")] for p in glob.glob(os.path.join(SCHEMAS, "*.json"))}
        self.assertEqual(schemas - INPUT_SCHEMAS, set(documented.values()),
                         "one schema per documented format, none unused")
        self.assertTrue(INPUT_SCHEMAS <= schemas)

    def test_outputs_are_valid_against_their_schemas(self):
        for name, fmt in sorted(documented_formats().items()):
            with open(os.path.join(SCHEMAS, fmt + ".schema.json"), encoding="utf-8") as f:
                schema = json.load(f)
            Draft202012Validator.check_schema(schema)
            validator = Draft202012Validator(schema)
            for i, text in enumerate(self.outputs.get(name, [])):
                with self.subTest(function=name, output=i):
                    doc = json.loads(text)
                    errors = ["/".join(map(str, e.absolute_path)) + ": " + e.message
                              for e in validator.iter_errors(doc)]
                    self.assertEqual(errors, [], f"{name} output {i} against {fmt}")
                    for what, broken in broken_copies(doc):
                        self.assertFalse(validator.is_valid(broken), f"{fmt} accepts a document {what}")

    def test_input_schemas(self):
        # The batch document: the fixtures are valid, each NDJSON line against
        # its item definition; the parser's refusals are the schema's too.
        with open(os.path.join(SCHEMAS, "oversight-batch.schema.json"), encoding="utf-8") as f:
            schema = json.load(f)
        Draft202012Validator.check_schema(schema)
        document_v = Draft202012Validator(schema)
        item_v = Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/item"})
        with open(os.path.join(BATCH_DATA, "feed.json"), encoding="utf-8") as f:
            doc = json.load(f)
        self.assertEqual([e.message for e in document_v.iter_errors(doc)], [])
        self.assertEqual(len({item["op"] for item in doc["items"]}), 12, "the fixture uses every op")
        for what, broken in broken_copies(doc):
            self.assertFalse(document_v.is_valid(broken), f"oversight-batch accepts a document {what}")
        for name, refused_lines in (("feed.ndjson", set()), ("refused.ndjson", {4})):
            with open(os.path.join(BATCH_DATA, name), encoding="utf-8") as f:
                for n, line in enumerate(f, 1):
                    if line.strip():
                        self.assertEqual(item_v.is_valid(json.loads(line)), n not in refused_lines, (name, n))
        results = [json.loads(t) for t in self.outputs["oversight_batch_apply_json"]]
        self.assertEqual([r["applied"] for r in results], [True, True, False])
        self.assertEqual([e["line"] for e in results[2]["errors"]], [3, 4])

    def test_supervision_record_schema(self):
        # The record the library reads: the corpus's well-formed records are
        # valid, the ones its reader refuses for their shape are not.
        with open(os.path.join(SCHEMAS, "oversight-supervision-record.schema.json"), encoding="utf-8") as f:
            schema = json.load(f)
        Draft202012Validator.check_schema(schema)
        v = Draft202012Validator(schema)
        for name, valid in (("full.json", True), ("follow-up.json", True), ("huge-number.json", False)):
            with open(os.path.join(SUPERVISION_RECORDS, name), encoding="utf-8") as f:
                self.assertEqual(v.is_valid(json.loads(f.read())), valid, name)
        with open(os.path.join(SUPERVISION_RECORDS, "full.json"), encoding="utf-8") as f:
            doc = json.load(f)
        doc["mood"] = "good"
        self.assertFalse(v.is_valid(doc))

    def test_outputs_are_real(self):
        # The documents hold what the data gives them (not vacuously empty).
        sample = json.loads(self.outputs["oversight_import_seed_plan"][0])
        self.assertEqual(sample["counts"]["recommendations"], 8)
        self.assertTrue(sample["issues"])
        self.assertTrue(json.loads(self.outputs["oversight_reminders_json"][0])["reminders"])
        self.assertTrue(json.loads(self.outputs["oversight_plan_people_json"][0])["probable_duplicates"])
        full = json.loads(self.outputs["oversight_report_plan"][0])
        self.assertEqual(full["kind"], "full")
        actions = next(b for b in full["blocks"] if b.get("id") == "actions")
        self.assertEqual(len({r["recommendation"] for r in actions["rows"]}), 8)
        ssda903 = [json.loads(t) for t in self.outputs["oversight_import_ssda903"]]
        self.assertEqual(ssda903[0]["counts"]["children_added"], 5)
        self.assertTrue(ssda903[1]["issues"])
        acked = [r for r in json.loads(self.outputs["oversight_reminders_json"][0])["reminders"]
                 if r["acknowledged_by"]]
        self.assertEqual(len(acked), 1)
        sample_reminders = json.loads(self.outputs["oversight_reminders_json"][2])["reminders"]
        self.assertTrue(sample_reminders, "the sample SSDA903 return gives reminders")

    @unittest.skipUnless(os.path.isfile(SEED) and os.path.isdir(SSDA903),
                         "needs %s and %s (the shared real-format data; present in CI)" % (SEED, SSDA903))
    def test_the_shared_real_format_data_too(self):
        seed = json.loads(self.outputs["oversight_import_seed_plan"][1])
        self.assertEqual(seed["counts"]["recommendations"], 20)
        self.assertTrue(seed["issues"])
        real = json.loads(self.outputs["oversight_import_ssda903"][2])
        self.assertEqual(real["source"], SSDA903)
        self.assertGreater(real["counts"]["children_added"], 5)

    @unittest.skipUnless(CLI, "OVERSIGHT_CLI not set")
    def test_the_cli_prints_bare_arrays_of_the_same_items(self):
        def cli(*args):
            return subprocess.run([CLI, "--db", self.db] + list(args), check=True, capture_output=True).stdout

        self.store.close()  # the CLI opens the file itself
        try:
            rem = cli("--as-of", CASE_AS_OF.isoformat(), "remind", "--within", "20", "--format", "json")
            self.assertTrue(rem.startswith(b"[") and rem.endswith(b"]\n"))
            self.assertEqual(json.loads(rem), json.loads(self.outputs["oversight_reminders_json"][0])["reminders"])
            hist = cli("history", "--format", "json", "--entity", "acknowledgement")
            self.assertTrue(hist.startswith(b"["))
            self.assertEqual(json.loads(hist), json.loads(self.outputs["oversight_store_history_json"][1])["changes"])
        finally:
            type(self).store = Store(self.db)


if __name__ == "__main__":
    unittest.main()
