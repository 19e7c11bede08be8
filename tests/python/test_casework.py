"""The casework binding (examples/python/oversight/casework.py) over liboversight_c.

The iCalendar text is read back with the `icalendar` package (Debian's
python3-icalendar), independently of libical, which wrote it.
"""
import datetime
import json
import os
import unittest

import icalendar

from oversight import Calendar, Casework, OversightError, Store

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("OVERSIGHT_SHARED_DIR", os.path.join(HERE, "..", "..", "..", "shared"))
SSDA903 = os.path.join(SHARED, "data", "ssda903")  # the real-format return: CI, not every clone
SSDA903_SAMPLE = os.path.join(HERE, "..", "data", "ssda903_sample")  # the project's own, always here
BAD_903 = os.path.join(HERE, "..", "data", "casework_903_bad")

INVALID_ARG, NOT_FOUND, IO, PARSE = 1, 2, 3, 5
EVIL = "'; DROP TABLE children; --"
START = datetime.date(2024, 3, 1)
AS_OF = datetime.date(2024, 3, 11)


def todos(ics_text):
    cal = icalendar.Calendar.from_ical(ics_text)
    return cal, [c for c in cal.walk("VTODO")]


class CaseworkTest(unittest.TestCase):
    def setUp(self):
        self.store = Store()
        self.cw = Casework(self.store)
        self.cw.save_team("Team A", manager="Mo Manager")
        self.cw.save_team("Team B")
        self.cw.save_worker("Ann Lee", "Team A", email="ann@example.org")
        self.cw.save_worker("Bo Chan", "Team B")
        for child, worker in (("C1", "Ann Lee"), ("C2", "Ann Lee"), ("C3", "Bo Chan")):
            self.cw.save_child(child, date_of_birth="2012-05-01")
            self.cw.allocate(child, worker, START)
            self.cw.record_event(child, "became_looked_after", START, {"legal_status": "C2"})
            self.cw.record_event(child, "placement_start", START,
                                 {"placement_type": "U1", "legal_status": "C2"})

    def tearDown(self):
        self.store.close()

    def test_children_and_cases(self):
        self.assertEqual([c["child"] for c in self.cw.children(worker="Ann Lee", as_of=AS_OF)], ["C1", "C2"])
        self.assertEqual([c["child"] for c in self.cw.children(team="Team B", as_of=AS_OF)], ["C3"])
        case = self.cw.case("C1", as_of=AS_OF)
        self.assertEqual(case["worker"], "Ann Lee")
        self.assertEqual(case["team"], "Team A")
        self.assertEqual([e["type"] for e in case["events"]], ["became_looked_after", "placement_start"])
        event_id = self.cw.record_event("C1", "visit", "2024-03-05", {"note": EVIL}, recorded_by=EVIL)
        self.assertGreater(event_id, 0)
        self.assertEqual(self.cw.case("C1", as_of=AS_OF)["events"][-1]["attributes"]["note"], EVIL)

    def test_errors_carry_status_and_message(self):
        with self.assertRaises(OversightError) as e:
            self.cw.allocate("nobody", "Ann Lee", START)
        self.assertEqual(e.exception.status, NOT_FOUND)
        self.assertIn("nobody", str(e.exception))
        with self.assertRaises(OversightError) as e:
            self.cw.record_event("C1", "tea_break", START)
        self.assertEqual(e.exception.status, INVALID_ARG)
        with self.assertRaises(OversightError) as e:
            self.cw.reminders(as_of=AS_OF, within=-1)
        self.assertEqual(e.exception.status, INVALID_ARG)
        with self.assertRaises(OversightError) as e:
            self.cw.reminders(as_of=AS_OF, worker=EVIL)
        self.assertEqual(e.exception.status, NOT_FOUND)
        with self.assertRaises(OversightError) as e:
            self.cw.import_ssda903(os.path.join(HERE, "no-such-folder"))
        self.assertEqual(e.exception.status, IO)

    def test_reminders_digest_and_acknowledgement(self):
        rems = self.cw.reminders(as_of=AS_OF, within=20)
        self.assertTrue(rems)
        self.assertEqual({r["child"] for r in rems}, {"C1", "C2", "C3"})
        states = [r["state"] for r in rems]
        self.assertEqual(states, sorted(states, key=lambda s: s != "overdue"))  # overdue first
        for r in rems:
            due = datetime.date.fromisoformat(r["due"])
            if r["state"] == "overdue":
                self.assertLess(due, AS_OF)
            else:
                self.assertGreaterEqual(due, AS_OF)
            self.assertIsNone(r["acknowledged_by"])
        ann = self.cw.reminders(as_of=AS_OF, within=20, worker="Ann Lee")
        self.assertEqual({r["child"] for r in ann}, {"C1", "C2"})

        # The same through an explicit calendar handle.
        with Calendar("england-and-wales") as cal:
            self.assertEqual(Casework(self.store, calendar=cal).reminders(as_of=AS_OF, within=20), rems)

        text = self.cw.digest(as_of=AS_OF, within=20, team="Team B")
        self.assertTrue(text.startswith("Reminders for team Team B"))
        self.assertIn("child C3", text)
        self.assertNotIn("child C1", text)

        first = rems[0]
        with self.assertRaises(OversightError) as e:
            self.cw.acknowledge(first["child"], first["rule"], "2001-01-01", "Mo Manager")
        self.assertEqual(e.exception.status, NOT_FOUND)
        self.cw.acknowledge(first["child"], first["rule"], first["due"], "Mo Manager", note=EVIL)
        again = self.cw.reminders(as_of=AS_OF, within=20)
        acked = [r for r in again if r["key"] == first["key"]]
        self.assertEqual(len(acked), 1)
        self.assertEqual(acked[0]["acknowledged_by"], "Mo Manager")
        self.assertEqual(acked[0]["note"], EVIL)
        self.assertTrue(acked[0]["acknowledged_at"].endswith("Z"))

    def test_reminders_to_share_carry_pseudonyms(self):
        import hashlib
        import hmac
        key = b"\x00analysts' key, 32 bytes long.."
        plain = self.cw.reminders(as_of=AS_OF, within=20)
        shared = self.cw.reminders(as_of=AS_OF, within=20, pseudonym_key=key)
        self.assertEqual(len(shared), len(plain))
        # The documented pseudonym: "P-" and 16 hex digits of HMAC-SHA-256.
        pseudonym = {c: "P-" + hmac.new(key, c.encode(), hashlib.sha256).hexdigest()[:16] for c in ("C1", "C2", "C3")}
        for r in shared:
            self.assertIn(r["child"], pseudonym.values())
        self.assertEqual(sorted(r["child"] for r in shared), sorted(pseudonym[r["child"]] for r in plain))
        text = self.cw.digest(as_of=AS_OF, within=20, pseudonym_key=key)
        for child in ("C1", "C2", "C3"):
            self.assertNotIn("child %s" % child, text)
        self.assertIn(pseudonym["C1"], text)
        with self.assertRaises(OversightError) as e:
            self.cw.reminders(as_of=AS_OF, pseudonym_key=b"too short")
        self.assertEqual(e.exception.status, INVALID_ARG)
        with self.assertRaises(TypeError):
            self.cw.reminders(as_of=AS_OF, pseudonym_key="text, not bytes")

    def test_ics_parses_with_python_icalendar(self):
        rems = self.cw.reminders(as_of=AS_OF, within=20)
        text = self.cw.ics(as_of=AS_OF, within=20, dtstamp="2024-03-11T08:00:00Z")
        cal, items = todos(text)
        self.assertEqual(str(cal["VERSION"]), "2.0")
        self.assertIn("Oversight", str(cal["PRODID"]))
        self.assertEqual(len(items), len(rems))
        uids = [str(t["UID"]) for t in items]
        self.assertEqual(len(set(uids)), len(uids))
        by_summary = {}
        for t in items:
            due = t["DUE"].dt
            self.assertIsInstance(due, datetime.date)
            self.assertNotIsInstance(due, datetime.datetime)  # a DATE value, no time zone
            self.assertEqual(str(t["STATUS"]), "NEEDS-ACTION")
            alarms = [a for a in t.walk("VALARM")]
            self.assertEqual(len(alarms), 1)
            self.assertEqual(alarms[0]["TRIGGER"].dt, -datetime.timedelta(days=2))
            by_summary.setdefault(str(t["SUMMARY"]), []).append(due.isoformat())
        for r in rems:
            self.assertIn(r["due"], by_summary[r["title"] + ": " + r["child"]])
        # Stable: the same reminders give the same UIDs in another export.
        _, later = todos(self.cw.ics(as_of=AS_OF, within=20))
        self.assertEqual(sorted(str(t["UID"]) for t in later), sorted(uids))

    def test_ssda903_bad_rows_are_reported(self):
        result = self.cw.import_ssda903(BAD_903)
        self.assertEqual(result["children_added"], 4)
        self.assertTrue(result["warnings"])
        for w in result["warnings"]:
            self.assertIn(w["file"], ("header.csv", "episodes.csv", "reviews.csv"))
            self.assertGreater(w["line"], 1)

    def check_ssda903_gives_reminders_and_ics(self, folder, as_of):
        with Store() as store:
            cw = Casework(store)
            result = cw.import_ssda903(folder)
            with open(os.path.join(folder, "header.csv"), encoding="utf-8") as f:
                header_children = {line.split(",")[0] for line in f.read().splitlines()[1:] if line}
            self.assertGreaterEqual(result["children_added"], len(header_children))
            rems = cw.reminders(as_of=as_of, within=10)
            self.assertGreater(len({r["child"] for r in rems}), 1)
            _, items = todos(cw.ics(as_of=as_of, within=10))
            self.assertEqual(len(items), len(rems))
            uids = {str(t["UID"]) for t in items}
            self.assertEqual(len(uids), len(items))
            dues = sorted(t["DUE"].dt.isoformat() for t in items)
            self.assertEqual(dues, sorted(r["due"] for r in rems))

    def test_sample_ssda903_gives_reminders_and_ics(self):
        self.check_ssda903_gives_reminders_and_ics(SSDA903_SAMPLE, datetime.date(2018, 3, 31))

    @unittest.skipUnless(os.path.isdir(SSDA903), "needs %s (the shared real-format data; present in CI)" % SSDA903)
    def test_real_ssda903_gives_reminders_and_ics(self):
        self.check_ssda903_gives_reminders_and_ics(SSDA903, datetime.date(2018, 3, 31))

    def test_closed_store_is_an_error(self):
        store = Store()
        cw = Casework(store)
        store.close()
        with self.assertRaises(ValueError):
            cw.save_team("T")


if __name__ == "__main__":
    unittest.main()


class SyncTest(unittest.TestCase):
    """Keeping in step with a case system: external ids, corrections,
    deletions, erasure and the change feed."""

    def setUp(self):
        self.store = Store()
        self.cw = Casework(self.store)
        self.cw.save_team("Team A")
        self.cw.save_worker("Ann Lee", "Team A")
        self.cw.save_worker("Bo Chan", "Team A")
        for child in ("C1", "C2"):
            self.assertEqual(self.cw.upsert_child(child, "2012-05-01", external_id="P-" + child), "added")
            self.cw.allocate(child, "Ann Lee", START)
            self.cw.record_event(child, "became_looked_after", START)
            self.cw.record_event(child, "placement_start", START, {"placement_type": "U1", "legal_status": "C2"})

    def tearDown(self):
        self.store.close()

    def visits_due(self, child):
        return [r for r in self.cw.reminders(as_of=AS_OF, within=20) if r["child"] == child and "visit" in r["rule"]]

    def test_a_visit_on_the_wrong_child_is_moved_then_deleted(self):
        bookmark = self.store.changes(0, limit=10000)["next"]
        open_before = self.visits_due("C1")
        self.assertTrue(open_before)
        event_id, outcome = self.cw.save_event("C1", "visit", "2024-03-05", external_id="PARIS-77")
        self.assertEqual(outcome, "added")
        self.assertEqual(self.cw.save_event("C1", "visit", "2024-03-05", external_id="PARIS-77"),
                         (event_id, "unchanged"))
        self.assertLess(len(self.visits_due("C1")), len(open_before))
        self.assertTrue(self.cw.correct_event("C2", "visit", "2024-03-05", external_id="PARIS-77"))
        self.assertFalse(self.cw.correct_event("C2", "visit", "2024-03-05", event_id=event_id))
        self.assertEqual(self.visits_due("C1"), open_before)
        self.cw.delete_event(external_id="PARIS-77")
        with self.assertRaises(OversightError) as e:
            self.cw.delete_event(event_id=event_id)
        self.assertEqual(e.exception.status, NOT_FOUND)
        with self.assertRaises(OversightError) as e:
            self.cw.delete_event()
        self.assertEqual(e.exception.status, INVALID_ARG)
        page = self.store.changes(bookmark, entity="event")
        self.assertEqual([c["field"] for c in page["changes"]], ["*", "child", "*"])
        self.assertFalse(page["more"])
        self.assertEqual(page["next"], page["latest"])
        # A page at a time.
        seen, since = [], bookmark
        while True:
            p = self.store.changes(since, limit=1)
            seen += p["changes"]
            since = p["next"]
            if not p["more"]:
                break
        self.assertEqual([c["seq"] for c in seen], [c["seq"] for c in self.store.changes(bookmark)["changes"]])
        for bad in (dict(since=-1), dict(since=0, limit=0), dict(since=0, entity="nonsense"), dict(since=10 ** 9)):
            with self.assertRaises(OversightError) as e:
                self.store.changes(**bad)
            self.assertEqual(e.exception.status, INVALID_ARG, bad)

    def test_allocations_attributes_and_erasure(self):
        self.assertEqual(self.cw.upsert_allocation("C1", "Bo Chan", "2024-03-04", external_id="A-2"), "added")
        self.assertEqual(self.cw.upsert_allocation("C1", "Bo Chan", "2024-03-05", external_id="A-2"), "updated")
        self.assertEqual(self.cw.case("C1", AS_OF)["worker"], "Bo Chan")
        self.cw.end_allocation("C1", "2024-03-08")
        self.assertEqual(self.cw.case("C1", AS_OF)["worker"], "")  # unallocated
        self.assertEqual(self.cw.upsert_attribute("C1", "legal_status", "C2", START, external_id="LS-1"), "added")
        self.assertEqual(self.cw.upsert_attribute("C1", "legal_status", "V2", START, external_id="LS-1"), "updated")
        self.assertEqual(self.cw.case("C1", AS_OF)["attributes"]["legal_status"], "V2")
        self.cw.end_attribute("C1", "legal_status", "2024-03-06")
        self.assertNotIn("legal_status", self.cw.case("C1", AS_OF)["attributes"])
        self.cw.delete_attribute("C1", "legal_status", "2024-03-06")
        self.assertEqual(self.cw.case("C1", AS_OF)["attributes"]["legal_status"], "V2")
        with self.assertRaises(OversightError) as e:
            self.cw.delete_attribute("C1", "legal_status", "2024-03-06")
        self.assertEqual(e.exception.status, NOT_FOUND)
        self.assertEqual(self.cw.upsert_child("C1-renumbered", external_id="P-C1"), "updated")
        removed = self.cw.erase_child("C1-renumbered", "erasure request 2024/117")
        self.assertEqual(removed, 1 + 2 + 2 + 1)  # the child, two events, two allocations, one attribute value
        with self.assertRaises(OversightError) as e:
            self.cw.case("C1-renumbered", AS_OF)
        self.assertEqual(e.exception.status, NOT_FOUND)
        last = self.store.changes(0, limit=10000, entity="child")["changes"][-1]
        self.assertEqual(last["field"], "erased")
        self.assertIn("erasure request 2024/117", last["new"])

    def test_exemptions(self):
        # A child missing for three weeks: the period, why, and who approved it.
        eid, outcome = self.cw.add_exemption("C1", "missing", "2024-03-04", "missing from placement, police ref 24/1187",
                                             "Mo Manager", to="2024-03-24", areas=["visits", "reviews"],
                                             external_id="X-1")
        self.assertEqual(outcome, "added")
        self.assertEqual(self.cw.add_exemption("C1", "missing", "2024-03-04", "missing from placement, police ref "
                                               "24/1187", "Mo Manager", to="2024-03-24",
                                               areas=["reviews", "visits"], external_id="X-1"), (eid, "unchanged"))
        refused, _ = self.cw.add_exemption("C2", "Visit refused", "2024-03-05", "refused to see the worker",
                                           "Mo Manager")
        [x] = self.cw.exemptions("C1")
        self.assertEqual(x, {"id": eid, "child": "C1", "kind": "missing", "from": "2024-03-04", "to": "2024-03-24",
                             "reason": "missing from placement, police ref 24/1187", "approved_by": "Mo Manager",
                             "areas": ["reviews", "visits"], "external_id": "X-1"})
        self.assertEqual([(e["child"], e["kind"], e["to"]) for e in self.cw.exemptions()],
                         [("C1", "missing", "2024-03-24"), ("C2", "visit_refused", None)])
        self.cw.end_exemption(refused, "2024-03-05")
        self.assertEqual(self.cw.exemptions("C2")[0]["to"], "2024-03-05")
        for bad, status in ((lambda: self.cw.add_exemption("C1", "holiday", START, "r", "Mo"), INVALID_ARG),
                            (lambda: self.cw.add_exemption("C1", "missing", START, "r", "Mo", to="2024-02-01"),
                             INVALID_ARG),
                            (lambda: self.cw.add_exemption("C1", "missing", START, " ", "Mo"), INVALID_ARG),
                            (lambda: self.cw.add_exemption("C1", "missing", START, "r", ""), INVALID_ARG),
                            (lambda: self.cw.add_exemption(EVIL, "missing", START, "r", "Mo"), NOT_FOUND),
                            (lambda: self.cw.end_exemption(refused + 100, START), NOT_FOUND),
                            (lambda: self.cw.delete_exemption(), INVALID_ARG),
                            (lambda: self.cw.exemptions(EVIL), NOT_FOUND)):
            with self.assertRaises(OversightError) as e:
                bad()
            self.assertEqual(e.exception.status, status)
        self.cw.delete_exemption(external_id="X-1")
        self.cw.delete_exemption(refused)
        self.assertEqual(self.cw.exemptions(), [])
        kinds = [c["field"] for c in self.store.changes(0, limit=10000, entity="exemption")["changes"]]
        self.assertEqual(kinds, ["*", "*", "to_date", "*", "*"])


class ReminderFeedTest(unittest.TestCase):
    """The reminder feed: what appeared, disappeared or changed between two
    dates, or since the list the host received at its last sync."""

    def setUp(self):
        self.store = Store()
        self.cw = Casework(self.store)
        self.cw.save_team("Team A")
        self.cw.save_worker("Ann Lee", "Team A")
        self.cw.save_child("C1", "2012-05-01")
        self.cw.allocate("C1", "Ann Lee", START)
        self.cw.record_event("C1", "became_looked_after", START)
        self.cw.record_event("C1", "placement_start", START, {"placement_type": "U1", "legal_status": "C2"})

    def tearDown(self):
        self.store.close()

    def test_between_two_dates(self):
        feed = self.cw.reminder_changes(from_date="2024-03-04", as_of=AS_OF, within=20)
        self.assertEqual((feed["from"], feed["to"]), ("2024-03-04", "2024-03-11"))
        self.assertEqual(feed["sequence"], self.store.changes(0, limit=10000)["latest"])
        self.assertTrue(feed["changed"])
        for c in feed["changed"]:
            self.assertEqual((c["reasons"], c["state_before"], c["state"]), (["became_overdue"], "due", "overdue"))
        self.assertEqual(feed["current"], self.cw.reminders(as_of=AS_OF, within=20))

    def test_since_the_last_sync(self):
        last = self.cw.reminders(as_of=AS_OF, within=20)
        self.cw.record_event("C1", "visit", AS_OF)
        feed = self.cw.reminder_changes(previous=last, as_of=AS_OF, within=20)
        self.assertIsNone(feed["from"])
        self.assertIn(["met"], [c["reasons"] for c in feed["disappeared"]])
        again = self.cw.reminder_changes(previous=feed, as_of=AS_OF, within=20)
        self.assertEqual((again["appeared"], again["disappeared"], again["changed"]), ([], [], []))
        self.assertEqual(self.cw.reminder_changes(previous=json.dumps(feed), as_of=AS_OF, within=20)["current"],
                         feed["current"])

    def test_refusals(self):
        for bad, status in ((dict(), INVALID_ARG), (dict(from_date="2024-03-04", previous=[]), INVALID_ARG),
                            (dict(from_date="2024-03-12"), INVALID_ARG), (dict(previous="[1]"), PARSE),
                            (dict(previous=[], worker="Nobody"), NOT_FOUND)):
            with self.assertRaises(OversightError) as e:
                self.cw.reminder_changes(as_of=AS_OF, **bad)
            self.assertEqual(e.exception.status, status, bad)
