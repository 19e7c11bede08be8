"""The batch binding (examples/python/oversight/batch.py) over liboversight_c:
children, placements and visits pushed in one batch, all or nothing, every
refused item named, the same batch twice stored once, the handle and its
typed events, and the fictional fixture documents of tests/data/batch/."""
import datetime
import os
import unittest

from oversight import Batch, BatchRefused, Casework, OversightError, RulePack, Store, apply_batch
from oversight.batch import apply_text, to_ndjson

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "data", "batch")
AS_OF = datetime.date(2024, 3, 11)


def feed(bad_child=None):
    """Two children, their placements and visits; the last visit's child is `bad_child` if given."""
    items = []
    for n in (1, 2):
        child = "C%d" % n
        items += [
            {"op": "child", "child": child, "date_of_birth": datetime.date(2012, 5, n), "external_id": "P-%d" % n},
            {"op": "allocate", "child": child, "worker": "Ann Lee", "from": "2024-03-01"},
            {"op": "event", "child": child, "type": "placement_start", "date": datetime.date(2024, 3, 1),
             "attributes": {"placement_type": "U1"}, "external_id": "E-%d-1" % n},
        ]
    items.append({"op": "event", "child": bad_child or "C1", "type": "visit", "date": "2024-03-05",
                  "external_id": "E-1-2"})
    return items


class BatchTest(unittest.TestCase):
    def setUp(self):
        self.store = Store()
        self.store.set_actor("PARIS feed")
        self.cw = Casework(self.store)
        self.cw.save_team("Team A", manager="Mo Manager")
        self.cw.save_worker("Ann Lee", "Team A")

    def tearDown(self):
        self.store.close()

    def test_children_placements_and_visits_in_one_batch(self):
        result = apply_batch(self.store, feed())
        self.assertTrue(result["applied"])
        self.assertEqual(result["added"], 7)
        self.assertEqual([c["child"] for c in self.cw.children(worker="Ann Lee", as_of=AS_OF)], ["C1", "C2"])
        self.assertEqual(len(self.cw.case("C1", as_of=AS_OF)["events"]), 2)
        # Ann Lee's list: C2 still waits for its first visit; C1's is met.
        due = [r["child"] for r in self.cw.reminders(as_of=AS_OF, within=20, worker="Ann Lee")]
        self.assertIn("C2", due)

        rows = len(self.store.history())
        again = apply_batch(self.store, feed())
        self.assertEqual((again["added"], again["unchanged"]), (0, 7))
        self.assertEqual(len(self.store.history()), rows)

    def test_a_refused_item_stores_nothing_and_is_named(self):
        rows = len(self.store.history())
        with self.assertRaises(BatchRefused) as caught:
            apply_batch(self.store, feed(bad_child="C9"))
        e = caught.exception
        self.assertEqual(e.status, 1)
        self.assertIn("item 7", str(e))
        self.assertEqual(len(e.errors), 1)
        err = e.errors[0]
        self.assertEqual((err["item"], err["line"], err["op"], err["external_id"], err["child"], err["status"]),
                         (7, 7, "event", "E-1-2", "C9", "not_found"))
        self.assertFalse(e.result["applied"])
        self.assertEqual(len(self.store.history()), rows)
        self.assertEqual(self.cw.children(as_of=AS_OF), [])

    def test_malformed_items_and_texts(self):
        with self.assertRaises(BatchRefused) as caught:
            apply_batch(self.store, [{"op": "child", "child": "C1"}, {"op": "event", "child": "C1"}])
        self.assertEqual(caught.exception.errors[0]["status"], "parse")
        self.assertIn('field "type" is missing', caught.exception.errors[0]["message"])
        with self.assertRaises(OversightError) as caught:
            apply_text(self.store, '{"format": "oversight-batch",\n "version": 1, "items": [')
        self.assertEqual(caught.exception.status, 5)
        self.assertNotIsInstance(caught.exception, BatchRefused)
        with self.assertRaises(TypeError):
            to_ndjson([{"op": "child", "child": object()}])
        with self.assertRaises(TypeError):
            to_ndjson(["not a dict"])
        self.assertEqual(to_ndjson([]), "")
        self.assertTrue(apply_batch(self.store, [])["applied"])

    def test_options_stop_at_first_error_and_rule_pack(self):
        items = [{"op": "event", "child": "C8", "type": "visit", "date": "2024-03-05"},
                 {"op": "event", "child": "C9", "type": "visit", "date": "2024-03-05"}]
        with self.assertRaises(BatchRefused) as caught:
            apply_batch(self.store, items, stop_at_first_error=True)
        self.assertEqual(len(caught.exception.errors), 1)
        with RulePack.default() as pack:
            self.assertTrue(apply_batch(self.store, [{"op": "child", "child": "C1"}], rule_pack=pack)["applied"])
            with self.assertRaises(TypeError):
                apply_batch(self.store, [], rule_pack=self.store)

    def test_the_handle_and_typed_events(self):
        with Batch() as b:
            b.add({"op": "child", "child": "C5"}, {"op": "allocate", "child": "C5", "worker": "Ann Lee",
                                                   "from": "2024-03-01"})
            b.add_event("C5", "placement_start", "2024-03-01", {"placement_type": "U1"}, external_id="E-5")
            b.add_event("C5", "visit", datetime.date(2024, 3, 4))
            self.assertEqual(len(b), 4)
            with self.assertRaises(OversightError):
                b.add({"op": "child", "chld": "C6"})
            self.assertEqual(len(b), 4)
            result = b.apply(self.store, recorded_by="Ann Lee")
            self.assertEqual(result["added"], 4)
            self.assertEqual(b.apply(self.store)["unchanged"], 4)
        event = self.store.history(entity="event")[0]
        self.assertEqual(event["actor"], "PARIS feed")

    def test_the_fixture_documents(self):
        with open(os.path.join(FIXTURES, "feed.json"), encoding="utf-8") as f:
            result = apply_text(self.store, f.read())
        self.assertTrue(result["applied"])
        self.assertEqual((result["added"], result["updated"], result["deleted"]), (12, 3, 4))
        with open(os.path.join(FIXTURES, "feed.ndjson"), encoding="utf-8") as f:
            self.assertEqual(apply_text(self.store, f.read())["added"], 5)
        with open(os.path.join(FIXTURES, "refused.ndjson"), encoding="utf-8") as f:
            with self.assertRaises(BatchRefused) as caught:
                apply_text(self.store, f.read())
        self.assertEqual([(e["item"], e["line"], e["status"]) for e in caught.exception.errors],
                         [(3, 3, "not_found"), (4, 4, "parse")])


if __name__ == "__main__":
    unittest.main()
