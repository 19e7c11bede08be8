"""The store, plan, action iterator, report, import and workforce modules of the
binding (examples/python/oversight/) over liboversight_c."""
import ctypes
import datetime
import json
import os
import tempfile
import unittest

from oversight import OversightError, Store, _lib

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.environ.get("OVERSIGHT_PROJECT_DIR", os.path.join(HERE, "..", ".."))
SHARED = os.environ.get("OVERSIGHT_SHARED_DIR", os.path.join(PROJECT, "..", "shared"))
SAMPLE_PLAN = os.path.join(PROJECT, "examples", "data", "sample_plan.txt")  # the project's own, always here
SEED = os.path.join(SHARED, "seed", "000_34f8af1d34ad7c07.txt")  # the real seed plan: CI, not every clone
NASTY = "'; DROP TABLE actions; -- \"x\" %_ \\ ?1 :a"

INVALID_ARG, NOT_FOUND, PARSE, CONFLICT = 1, 2, 5, 8


class CountingFree:
    """Stands in for oversight_free to count the owned strings released."""

    def __init__(self):
        self.real = _lib.lib.oversight_free
        self.calls = 0

    def __call__(self, p):
        self.calls += 1
        self.real(p)

    def __enter__(self):
        _lib.lib.oversight_free = self
        return self

    def __exit__(self, *exc):
        _lib.lib.oversight_free = self.real
        return False


def small_store():
    """A store with one plan: recommendation 1 (immediately) with action 1.1."""
    store = Store()
    store.create_plan("Plan", authority="Example Council", report_date="2012-09-14")
    store.add_recommendation(1, "Improve quality", "immediately", section="QUALITY", lead="Felicity Budgen")
    store.add_action(1, "1.1", "Secure a workforce", lead="Lindsey Voss", status="in_progress", cost="TBC")
    return store


class PlanTest(unittest.TestCase):
    def assertFails(self, status, f, *args, **kwargs):
        with self.assertRaises(OversightError) as cm:
            f(*args, **kwargs)
        self.assertEqual(cm.exception.status, status, str(cm.exception))
        self.assertTrue(str(cm.exception))
        return str(cm.exception)

    def check_import_report_and_actions(self, path, report_date, as_of, recommendations, red, withdrawn, duplicate):
        """Imports a plan in the seed format and checks the summary, the
        report, the actions with their RAG, the people and the round trips."""
        with Store() as store:
            plan_id, warnings = store.import_seed_plan(path, report_date=report_date, authority="Southampton")
            self.assertGreater(plan_id, 0)
            self.assertTrue(warnings)
            for w in warnings:
                self.assertIsInstance(w["line"], int)
                self.assertTrue(w["message"])
            self.assertEqual(store.latest_plan_id(), plan_id)
            [summary] = store.plans()
            self.assertEqual(summary["recommendations"], recommendations)
            self.assertEqual(summary["report_date"], report_date)
            report = json.loads(store.report(as_of, fmt="json"))
            actions = next(b for b in report["blocks"] if b.get("id") == "actions")
            self.assertEqual(len({r["recommendation"] for r in actions["rows"]}), recommendations)
            # The workbook as bytes, read back as Excel reads it when openpyxl is there.
            xlsx = store.report_bytes(as_of, fmt="xlsx")
            self.assertEqual(xlsx[:4], b"PK\x03\x04")
            self.assertEqual(store.report_bytes(as_of, fmt="html", since=report_date).decode("utf-8"),
                             store.report(as_of, fmt="html", since=report_date))
            self.assertFails(INVALID_ARG, store.report, as_of, fmt="xlsx")
            try:
                import openpyxl
            except ImportError:
                openpyxl = None
            if openpyxl:
                import io
                book = openpyxl.load_workbook(io.BytesIO(xlsx))
                self.assertIn("Actions by recommendation", book.sheetnames)
            rows = store.actions(datetime.date.fromisoformat(as_of))
            self.assertEqual(len(rows), summary["actions"])
            by_ref = {r.ref: r for r in rows}
            self.assertEqual(by_ref[red].rag, "red")
            self.assertEqual(by_ref[red].due, datetime.date.fromisoformat(report_date))  # "Immediately"
            self.assertEqual(by_ref[withdrawn].status, "withdrawn")
            self.assertEqual(by_ref[withdrawn].rag, "none")
            for r in rows:
                self.assertTrue(r.rag_reason, r)
            people = store.people()
            pairs = [{p["a"], p["b"]} for p in people["probable_duplicates"]]
            self.assertIn(duplicate, pairs)
            # The canonical forms go back in unchanged.
            text = store.export_json()
            self.assertEqual(store.export_json(store.import_json(text)), text)
            self.assertEqual(store.export_json(store.import_csv(store.export_csv(plan_id))), text)

    def test_sample_plan_import_report_and_actions(self):
        self.check_import_report_and_actions(SAMPLE_PLAN, "2025-03-14", "2025-06-30", 8, red="1.1", withdrawn="6.2",
                                             duplicate={"Grace Whitfield", "Grace Whitfeld"})

    @unittest.skipUnless(os.path.isfile(SEED), "needs %s (the shared real-format data; present in CI)" % SEED)
    def test_seed_plan_import_report_and_actions(self):
        self.check_import_report_and_actions(SEED, "2012-09-14", "2012-10-12", 20, red="1.1", withdrawn="2.4",
                                             duplicate={"Lindsay Voss", "Lindsey Voss"})

    def test_errors_carry_status_and_message(self):
        with small_store() as store:
            message = self.assertFails(NOT_FOUND, store.set_action_status, "9.9", "complete")
            self.assertIn("9.9", message)
            self.assertFails(NOT_FOUND, store.export_json, 999)
            self.assertFails(INVALID_ARG, store.set_action_status, "1.1", "finished-ish")
            self.assertFails(INVALID_ARG, store.add_progress, "1.1", "text", "2012-02-30")
            self.assertFails(INVALID_ARG, store.set_rag, "1.1", "purple", "A", "B", "2012-10-12")
            self.assertFails(CONFLICT, store.add_action, 1, "1.1", "again")
            self.assertFails(CONFLICT, store.add_recommendation, 1, "again", "immediately")
            self.assertFails(PARSE, store.import_json, "{")
            self.assertFails(NOT_FOUND, store.merge_people, "Nobody Here", "Mark Jowett")
            self.assertFails(INVALID_ARG, store.report, "2012-10-12", kind="everything")
            missing = os.path.join(HERE, "no-such-plan.txt")
            with self.assertRaises(OversightError) as cm:
                store.import_seed_plan(missing)
            self.assertIn(cm.exception.status, (NOT_FOUND, 3))
            self.assertIn("no-such-plan.txt", str(cm.exception))
        with Store() as empty:
            self.assertFails(NOT_FOUND, empty.latest_plan_id)

    def test_invalid_utf8_is_refused(self):
        with small_store() as store:
            self.assertFails(INVALID_ARG, store.set_action_text, "1.1", "lead", b"bad \xff")
            self.assertFails(INVALID_ARG, store.add_person, b"\xc3\x28")
            self.assertFails(INVALID_ARG, store.add_progress, b"1.\xff", "text", "2012-10-12")

    def test_failed_writes_leave_the_store_unchanged(self):
        with small_store() as store:
            store.add_person("Felicity Budgen")
            before = len(store.history())
            plan = store.export_json()
            self.assertFails(INVALID_ARG, store.set_recommendation_timescale, 1, "by_date")
            self.assertFails(CONFLICT, store.add_person, "felicity budgen")
            self.assertFails(INVALID_ARG, store.set_settings, 0, 28, -1)
            self.assertFails(NOT_FOUND, store.clear_rag, "1.1")
            self.assertEqual(len(store.history()), before)
            self.assertEqual(store.export_json(), plan)

    def test_changes_and_text_stored_verbatim(self):
        with small_store() as store:
            store.set_actor("Test Runner")
            store.add_progress("1.1", NASTY, "2012-10-10", author="Zoë O'Brien")
            m = store.add_milestone("1.1", "2012-10-01", "Posts advertised")
            t = store.add_task("1.1", "Reduce agency staff", owner="Mark Jowett", due="2012-12-31")
            store.complete_milestone(m)
            store.complete_task(t)
            store.set_action_due("1.1", "2013-03-31")
            store.set_action_text("1.1", "description", NASTY)
            store.set_rag("1.1", "green", "Director", "steady progress", "2012-10-12")
            store.set_settings(0, 14, 60)
            store.set_report_date("2012-09-21")
            store.set_recommendation_text(1, "lead", "Gill Horrobin")
            plan = store.plan()
            self.assertEqual(plan["report_date"], "2012-09-21")
            action = plan["recommendations"][0]["actions"][0]
            self.assertEqual(action["description"], NASTY)
            self.assertEqual(json.dumps(plan).count(json.dumps(NASTY)[1:-1]), 2)  # description and update
            [row] = store.actions("2012-10-12")
            self.assertEqual(row.rag, "green")
            self.assertIn("Director", row.rag_reason)
            history = store.history("action")
            self.assertTrue(all(h["actor"] == "Test Runner" for h in history if h["field"] != "*"))
            self.assertIn(("due", None, "2013-03-31"), [(h["field"], h["old"], h["new"]) for h in history])
            store.clear_rag("1.1")
            self.assertNotEqual(store.actions("2012-10-12")[0].rag_reason, row.rag_reason)
            store.merge_people("Lindsey Voss", "Lindsay Voss")
            self.assertEqual(store.plan()["recommendations"][0]["actions"][0]["lead"], "Lindsay Voss")

    def test_owned_strings_are_freed(self):
        with small_store() as store:
            with CountingFree() as counter:
                store.export_json()
                store.export_csv()
                store.report("2012-10-12")
                store.report("2012-10-12", kind="due", fmt="json", within_days=7)
                store.people()  # two documents: the plan's names and the directory
                store.plans()
                store.history()
                store.import_seed_plan(SAMPLE_PLAN, report_date="2025-03-14")  # the import summary
                self.assertEqual(counter.calls, 9)
                # A failed call returns no string and frees nothing.
                self.assertFails(NOT_FOUND, store.export_json, 999)
                self.assertEqual(counter.calls, 9)

    def test_change_structs_and_options(self):
        with small_store() as store:
            before = len(store.history())
            store.update_action("1.1", lead="Mark Jowett", impact_evidence="Audit", due="2013-03-31")
            store.update_recommendation(1, text="Better quality", cost="£10,500")
            self.assertEqual(len(store.history()), before + 5)
            plan = store.plan()
            action = plan["recommendations"][0]["actions"][0]
            self.assertEqual((action["lead"], action["impact_evidence"], action["due"]),
                             ("Mark Jowett", "Audit", "2013-03-31"))
            self.assertEqual(plan["recommendations"][0]["cost"]["amount_pence"], 1050000)
            store.update_action("1.1", clear_due=True)
            self.assertIsNone(store.plan()["recommendations"][0]["actions"][0]["due"])
            # Refused in C: a date and clear_due together; in Python: an unknown member.
            self.assertFails(INVALID_ARG, store.update_action, "1.1", due="2013-03-31", clear_due=True)
            with self.assertRaises(TypeError):
                store.update_action("1.1", colour="red")
            with self.assertRaises(ValueError):
                store.set_action_text("1.1", "status", "complete")
            # History pages.
            everything = store.history()
            self.assertEqual(store.history(after_seq=everything[0]["seq"], limit=2), everything[1:3])
            self.assertTrue(all(c["entity"] == "action" for c in store.history("action")))
            # Import options replace the file's values.
            copy = store.import_json(store.export_json(), title="Copy", report_date="2012-09-21")
            self.assertEqual(store.plan(copy)["title"], "Copy")
            self.assertEqual(store.plan(copy)["report_date"], "2012-09-21")
            # The directory and the plan's people.
            store.add_person("Lindsay Voss", job_title="Head of Service")
            self.assertEqual(store.directory()[0]["job_title"], "Head of Service")
            self.assertIn("Felicity Budgen", store.people()["unlisted"])

    def test_store_options(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "plan.db")
            self.assertFails(NOT_FOUND, Store, path, create=False)
            self.assertFalse(os.path.exists(path))
            with Store(path) as store:
                store.create_plan("Plan")
            with Store(path, read_only=True, busy_timeout_ms=100) as store:
                self.assertEqual([p["title"] for p in store.plans()], ["Plan"])
                with self.assertRaises(OversightError):
                    store.create_plan("Another")
            self.assertFails(INVALID_ARG, Store, path, busy_timeout_ms=-1)
        with Store(":memory:", create=False) as store:  # memory stores are always new
            self.assertGreater(store.schema_version, 0)

    def test_canonical_import_summaries(self):
        with small_store() as store:
            plan_id, summary = store.import_json_summary(store.export_json())
            self.assertEqual((summary["importer"], summary["counts"]["actions"]), ("plan-json", 1))
            csv_id, summary = store.import_csv_summary(store.export_csv(plan_id), title="From CSV")
            self.assertEqual((summary["importer"], store.plan(csv_id)["title"]), ("plan-csv", "From CSV"))

    def test_close_and_context_manager(self):
        store = small_store()
        self.assertIsInstance(store._handle, ctypes.c_void_p)
        self.assertTrue(store._handle)
        store.close()
        self.assertFalse(store._handle)
        store.close()  # idempotent
        with self.assertRaises(ValueError):
            store.latest_plan_id()
        with Store() as s:
            pass
        self.assertFalse(s._handle)


class InspectionTest(unittest.TestCase):
    """The inspection a plan answers and its action-plan clocks (issue 11 point 6).
    ILACS: the final plan within 70 working days of the letter, a draft within 20
    after a focused visit with areas for priority action (statutory-timescales.md
    s.12, SECONDARY)."""

    def test_clocks_over_easter(self):
        with Store() as store:
            store.create_plan("Plan", report_date="2024-02-16")
            # Letter Fri 2024-02-16: 70 working days would be Fri 2024-05-24 (14
            # weeks); Good Friday 29 March, Easter Monday 1 April and the early May
            # bank holiday (6 May) add three, and Mon 27 May (spring bank holiday)
            # is skipped: Thu 2024-05-30.
            store.set_inspection("full", datetime.date(2024, 2, 16), owner=NASTY)
            doc = store.inspection_clocks(as_of="2024-06-05")
            self.assertEqual(doc["inspection"]["owner"], NASTY)
            self.assertEqual([c["id"] for c in doc["clocks"]], ["action_plan"])
            clock = doc["clocks"][0]
            self.assertEqual(clock["due"], "2024-05-30")
            # As of Wed 2024-06-05: 31 May, 3, 4 and 5 June have passed.
            self.assertEqual((clock["state"], clock["working_days_left"]), ("overdue", -4))
            self.assertEqual(clock["state_text"], "overdue by 4 working days")
            self.assertEqual(store.plan()["inspection"]["letter"], "2024-02-16")

            store.set_inspection("full", "2024-02-16", plan_submitted="2024-05-29", owner=NASTY)
            clock = store.inspection_clocks(as_of="2024-06-05")["clocks"][0]
            self.assertEqual((clock["state"], clock["met"]), ("submitted", "2024-05-29"))

            with self.assertRaises(OversightError) as e:
                store.set_inspection("full", "2024-02-16", priority_actions=True)
            self.assertEqual(e.exception.status, INVALID_ARG)
            self.assertIn("priority_actions", str(e.exception))
            with self.assertRaises(OversightError):
                store.set_inspection("outstanding", "2024-02-16")
            with self.assertRaises(OversightError):
                store.set_inspection("full", "2024-02-30")
            # Nothing stored was lost.
            self.assertEqual(store.inspection_clocks(as_of="2024-06-05")["clocks"][0]["met"], "2024-05-29")

            store.clear_inspection()
            doc = store.inspection_clocks(as_of="2024-06-05")
            self.assertIsNone(doc["inspection"])
            self.assertEqual(doc["clocks"], [])
            self.assertNotIn("inspection", store.plan())

    def test_focused_visit_with_and_without_priority_actions(self):
        with Store() as store:
            store.create_plan("Plan")
            store.set_inspection("focused_visit", "2024-12-06")
            self.assertEqual(store.inspection_clocks(as_of="2024-12-20")["clocks"], [])
            # Draft: Fri 2024-12-06 + 20 working days, over Christmas Day, Boxing Day
            # and New Year's Day: Wed 2025-01-08.
            store.set_inspection("focused_visit", "2024-12-06", priority_actions=True)
            clocks = store.inspection_clocks(as_of="2024-12-20")["clocks"]
            self.assertEqual([(c["id"], c["due"]) for c in clocks],
                             [("draft_plan", "2025-01-08"), ("action_plan", "2025-03-19")])


if __name__ == "__main__":
    unittest.main()
