"""The compliance binding (examples/python/oversight/compliance.py) over
liboversight_c: a child moved between workers, the groups adding up to the
child-level rows, CSV and text, and refusals."""
import csv
import datetime
import io
import json
import unittest

from oversight import Casework, OversightError, Store

INVALID_ARG, NOT_FOUND = 1, 2
START = datetime.date(2024, 3, 1)
AS_OF = datetime.date(2024, 6, 30)


class ComplianceTest(unittest.TestCase):
    def setUp(self):
        self.store = Store()
        self.cw = Casework(self.store)
        self.cw.save_team("Team A")
        self.cw.save_team("Team B")
        self.cw.save_worker("Ann Lee", "Team A")
        self.cw.save_worker("Bo Chan", "Team B")
        for child in ("C1", "C2"):
            self.cw.save_child(child, date_of_birth="2012-05-01")
            self.cw.allocate(child, "Ann Lee", START)
            self.cw.record_event(child, "became_looked_after", START, {"legal_status": "C2"})
            self.cw.record_event(child, "placement_start", START, {"placement_type": "U1", "legal_status": "C2"})
        self.cw.allocate("C2", "Bo Chan", datetime.date(2024, 4, 15))
        self.cw.record_event("C1", "visit", "2024-03-05", {"due_date": "2024-03-02"})
        # C2's first visit, late, after the move: the next one falls due in Bo's time.
        self.cw.record_event("C2", "visit", "2024-04-20")

    def tearDown(self):
        self.store.close()

    def test_groups_add_up_to_the_rows(self):
        doc = self.cw.compliance(as_of=AS_OF, period_from=START)
        items = doc["items"]
        self.assertTrue(items)
        overall = [g for g in doc["groups"] if g["by"] == "overall"][0]
        self.assertEqual(overall["numerator"], sum(i["state"] == "met_on_time" for i in items))
        self.assertEqual(overall["denominator"],
                         sum(i["state"] in ("met_on_time", "met_late", "overdue") for i in items))
        for by in ("team", "worker", "rule", "area"):
            groups = [g for g in doc["groups"] if g["by"] == by]
            self.assertEqual(sum(g["numerator"] for g in groups), overall["numerator"], by)
            self.assertEqual(sum(g["denominator"] for g in groups), overall["denominator"], by)
        # C2's obligations that fell due before 15 April are Ann's, the later ones Bo's.
        self.assertIn("Bo Chan", {i["worker"] for i in items if i["child"] == "C2"})
        for i in items:
            if i["child"] == "C2":
                self.assertEqual(i["worker"], "Ann Lee" if i["due"] < "2024-04-15" else "Bo Chan", i)
        host = [i for i in items if i["host_due"]]
        self.assertEqual(len(host), 1)
        self.assertEqual(host[0]["host_due"]["date"], "2024-03-02")
        # The same counts through the report subsystem, which reads no plan
        # (the store has none): the 12 months to AS_OF hold every obligation.
        report = json.loads(self.store.report(AS_OF, kind="compliance", fmt="json"))
        self.assertEqual(report["kind"], "compliance")
        areas = next(b for b in report["blocks"] if b.get("id") == "compliance_by_area")["rows"]
        total = [r for r in areas if r["key"] == "(all)"][0]
        self.assertEqual((total["met_on_time"], total["due"]), (overall["numerator"], overall["denominator"]))
        self.assertEqual(self.store.report_bytes(AS_OF, kind="supervision")[:2], b"PK")
        # Filtered by worker: only Bo's items.
        bo = self.cw.compliance(as_of=AS_OF, period_from=START, worker="Bo Chan")["items"]
        self.assertTrue(bo)
        self.assertTrue(all(i["worker"] == "Bo Chan" for i in bo))

    def test_csv_and_text(self):
        rows = list(csv.DictReader(io.StringIO(self.cw.compliance_csv(as_of=AS_OF, children=True,
                                                                      period_from=START))))
        self.assertEqual(len(rows), len(self.cw.compliance(as_of=AS_OF, period_from=START)["items"]))
        teams = list(csv.DictReader(io.StringIO(self.cw.compliance_csv(as_of=AS_OF, by="team", period_from=START))))
        self.assertEqual(sorted(r["key"] for r in teams), ["Team A", "Team B"])
        text = self.cw.compliance_text(as_of=AS_OF, children=True, period_from=START)
        self.assertIn("Compliance as of 2024-06-30", text)
        self.assertIn("theirs: host due date 2024-03-02", text)

    def test_a_kept_report_is_the_same_report(self):
        counted = self.cw.compliance(as_of=AS_OF, period_from=START)
        kept = self.cw.keep_compliance(as_of=AS_OF, period_from=START)
        self.assertEqual(len(kept["key"]), 64)
        self.assertTrue(kept["rebuilt"])
        self.assertEqual(kept["cases_counted"], 2)
        self.assertEqual(self.cw.compliance(as_of=AS_OF, period_from=START), counted)
        self.assertEqual(self.cw.compliance(as_of=AS_OF, period_from=START, recount=True), counted)
        self.assertEqual(self.cw.compliance_csv(as_of=AS_OF, period_from=START, recount=True),
                         self.cw.compliance_csv(as_of=AS_OF, period_from=START))
        # Unexplained, kept or recounted: the same rows, every explanation "".
        for recount in (False, True):
            plain = self.cw.compliance(as_of=AS_OF, period_from=START, recount=recount, explain=False)
            self.assertTrue(plain["items"])
            self.assertEqual({i["explanation"] for i in plain["items"]}, {""})
            for mine, theirs in zip(plain["items"], counted["items"]):
                self.assertTrue(theirs["explanation"])
                mine["explanation"] = theirs["explanation"]
            self.assertEqual(plain, counted)
        # One child's rows explained on demand: theirs of the whole report.
        for child in ("C1", "C2"):
            mine = self.cw.compliance(as_of=AS_OF, period_from=START, child=child, explain=False)
            self.assertTrue(mine["items"])
            self.assertEqual(mine["items"], [i for i in counted["items"] if i["child"] == child])
            rows = []
            self.cw.for_each_compliance_item(rows.append, as_of=AS_OF, period_from=START, child=child)
            self.assertEqual(rows, mine["items"])
        with self.assertRaises(OversightError) as e:
            self.cw.compliance(as_of=AS_OF, child="C9")
        self.assertEqual(e.exception.status, NOT_FOUND)
        self.assertIn("C9", str(e.exception))
        self.cw.record_event("C1", "visit", "2024-04-01")
        again = self.cw.keep_compliance(as_of=AS_OF, period_from=START)
        self.assertEqual((again["key"], again["rebuilt"], again["cases_counted"]), (kept["key"], False, 1))
        self.assertNotEqual(self.cw.compliance(as_of=AS_OF, period_from=START), counted)
        self.assertEqual([k["key"] for k in self.cw.kept_compliance()], [kept["key"]])
        self.assertTrue(self.cw.forget_kept_compliance(kept["key"]))
        self.assertFalse(self.cw.forget_kept_compliance(kept["key"]))
        self.assertEqual(self.cw.kept_compliance(), [])

    def test_the_rows_one_at_a_time(self):
        doc = self.cw.compliance(as_of=AS_OF, period_from=START)
        whole_csv = self.cw.compliance_csv(as_of=AS_OF, children=True, period_from=START)
        for kept in (False, True):
            if kept:
                self.cw.keep_compliance(as_of=AS_OF, period_from=START)
            items = []
            self.assertEqual(self.cw.for_each_compliance_item(items.append, as_of=AS_OF, period_from=START),
                             len(doc["items"]))
            self.assertEqual(items, doc["items"])
            unnamed = []  # format None: JSON, as the C library takes NULL
            self.cw.for_each_compliance_item(unnamed.append, as_of=AS_OF, period_from=START, format=None)
            self.assertEqual(unnamed, doc["items"])
            lines = []
            self.cw.for_each_compliance_item(lines.append, as_of=AS_OF, period_from=START, format="csv")
            self.assertEqual("".join(lines), whole_csv)
            # True stops; an exception stops and is raised here.
            seen = []
            self.assertEqual(self.cw.for_each_compliance_item(lambda i: seen.append(i) or True, as_of=AS_OF,
                                                              period_from=START), 1)
            self.assertEqual(len(seen), 1)

            def fails(_item):
                raise ValueError("the host's own failure")

            with self.assertRaises(ValueError):
                self.cw.for_each_compliance_item(fails, as_of=AS_OF, period_from=START)
        with self.assertRaises(OversightError) as e:
            self.cw.for_each_compliance_item(items.append, as_of=AS_OF, format="xml")
        self.assertEqual(e.exception.status, INVALID_ARG)
        with self.assertRaises(OversightError) as e:
            self.cw.for_each_compliance_item(items.append, as_of=AS_OF, worker="Nobody")
        self.assertEqual(e.exception.status, NOT_FOUND)

    def test_a_case_systems_extract_of_due_dates(self):
        # As of 10 March: C1's next visit is due 6 weeks after its visit on
        # 5 March (16 April); C2's first visit, due a week after its
        # placement on 1 March (8 March), is still open.
        extract = "Child,Next due,Worker\r\nC1,16/04/2024,Ann\r\nC2,2024-03-15,Ann\r\nC9,2024-03-15,Ann\r\n"
        doc = self.cw.check_host_due_dates(extract, as_of="2024-03-10", rule="visits", child_column="Child",
                                           due_column="Next due", file="lcs.csv")
        self.assertEqual(doc["file"], "lcs.csv")
        self.assertEqual([r["verdict"] for r in doc["rows"]], ["agrees", "differs", "unknown_child"])
        self.assertEqual(doc["rows"][0]["ours"]["due"], "2024-04-16")
        self.assertEqual((doc["rows"][1]["ours"]["due"], doc["rows"][1]["days"]), ("2024-03-08", 7))
        self.assertEqual(doc["rows"][1]["explanation"], "host due date 2024-03-15 from lcs.csv line 3 column Next due")
        self.assertTrue(doc["rows"][1]["ours"]["explanation"])
        self.assertEqual(doc["counts"]["differs"], 1)
        external = self.cw.check_host_due_dates(extract, as_of="2024-03-10", rule="visits", child_column="Child",
                                                due_column="Next due", by_external_id=True)
        self.assertEqual(external["counts"]["unknown_child"], 3)
        # Bytes are taken as they are: a NUL byte is refused naming the line.
        with self.assertRaises(OversightError) as e:
            self.cw.check_host_due_dates(b"child,due,rule\nC1,2024-03-08\x00,visits\n", as_of="2024-03-10")
        self.assertIn("<extract>:2", str(e.exception))
        with self.assertRaises(OversightError) as e:
            self.cw.check_host_due_dates("child,due\nC1,2024-03-08\n", as_of="2024-03-10", rule="no.such.rule")
        self.assertEqual(e.exception.status, NOT_FOUND)

    def test_refusals(self):
        with self.assertRaises(OversightError) as e:
            self.cw.compliance(as_of=AS_OF, team="No Team")
        self.assertEqual(e.exception.status, NOT_FOUND)
        with self.assertRaises(OversightError) as e:
            self.cw.compliance_csv(as_of=AS_OF, by="month")
        self.assertEqual(e.exception.status, INVALID_ARG)
        with self.assertRaises(OversightError) as e:
            self.cw.compliance(as_of=AS_OF, period_from="2024-07-01")
        self.assertEqual(e.exception.status, INVALID_ARG)
        with self.assertRaises(TypeError):
            self.cw.compliance_text(as_of=AS_OF, colour="red")


if __name__ == "__main__":
    unittest.main()
