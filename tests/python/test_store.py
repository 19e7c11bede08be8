"""The store binding's tamper evidence (examples/python/oversight/store.py,
verify_history and history_checkpoint): a store written through the library
verifies; a value edited, a row deleted and two rows swapped directly in the
SQLite file (with Python's sqlite3, triggers dropped first) are each found,
naming the entry; an erasure leaves the chain verifiable; a checkpoint
vouches for the head and finds a truncated history."""
import os
import shutil
import sqlite3
import tempfile
import unittest

from oversight import Casework, OversightError, Store

HERE = os.path.dirname(os.path.abspath(__file__))
KEYS = os.path.join(HERE, "..", "data", "history")
INVALID_ARG, PARSE = 1, 5


def key(name):
    with open(os.path.join(KEYS, name), encoding="ascii") as f:
        return f.read()


class HistoryVerificationTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="oversight_py_history_")
        self.path = os.path.join(self.dir, "store.db")
        with Store(self.path) as store:
            store.set_actor("Ann Example")
            cw = Casework(store)
            cw.save_team("Team A")
            cw.save_worker("Ann Lee", "Team A")
            for child in ("C1", "C2"):
                cw.save_child(child, date_of_birth="2012-05-01")
                cw.allocate(child, "Ann Lee", "2024-03-01")
                cw.record_event(child, "visit", "2024-03-05", {"note": "seen"})
            self.rows = len(store.history())

    def tearDown(self):
        shutil.rmtree(self.dir)

    def tamper(self, sql):
        db = sqlite3.connect(self.path)
        db.executescript("DROP TRIGGER IF EXISTS history_no_update; DROP TRIGGER IF EXISTS history_no_delete;" + sql)
        db.commit()
        db.close()

    def history(self):
        with Store(self.path, read_only=True) as store:
            return store.history()

    def verify(self, **kw):
        with Store(self.path, read_only=True) as store:
            return store.verify_history(**kw)

    def assertBroken(self, result, seq, problem):
        self.assertFalse(result["ok"])
        self.assertEqual(result["broken"]["seq"], seq)
        self.assertEqual(result["broken"]["problem"], problem)
        self.assertIn("history entry %d" % seq, result["broken"]["message"])

    def test_an_untouched_store_verifies(self):
        result = self.verify()
        self.assertTrue(result["ok"], result)
        self.assertEqual(result["rows"], self.rows)
        self.assertEqual(result["head"]["seq"], self.rows)
        self.assertIsNone(result["broken"])

    def test_one_byte_edited_is_found(self):
        event = [c["seq"] for c in self.history() if c["entity"] == "event"][0]
        self.tamper("UPDATE history SET new_value = substr(new_value, 1, length(new_value) - 1) ||"
                    " CASE WHEN substr(new_value, -1) = 'X' THEN 'Y' ELSE 'X' END WHERE seq = %d;" % event)
        self.assertBroken(self.verify(), event, "values")

    def test_a_deleted_row_is_found(self):
        self.tamper("DELETE FROM history WHERE seq = 5;")
        self.assertBroken(self.verify(), 6, "missing")

    def test_two_rows_swapped_are_found(self):
        self.tamper("CREATE TEMP TABLE h AS SELECT * FROM history WHERE seq IN (3, 6);"
                    "UPDATE history SET (at, actor, entity, entity_id, field, old_value, new_value, child_id, salt,"
                    " values_digest, hash) = (SELECT at, actor, entity, entity_id, field, old_value, new_value,"
                    " child_id, salt, values_digest, hash FROM h WHERE h.seq = 9 - history.seq)"
                    " WHERE seq IN (3, 6);")
        self.assertBroken(self.verify(), 3, "entry")

    def test_an_erasure_leaves_the_chain_verifiable(self):
        with Store(self.path) as store:
            Casework(store).erase_child("C1", "erasure request 2024/117")
            result = store.verify_history()
            self.assertTrue(result["ok"], result)
            self.assertEqual(result["rows"], len(store.history()))

    def test_a_checkpoint_vouches_for_the_head_and_finds_truncation(self):
        with Store(self.path) as store:
            cp = store.history_checkpoint(key("council_private.pem"))
            self.assertEqual(cp["seq"], self.rows)
            self.assertTrue(store.verify_history(cp, key("council_public.pem"))["ok"])
            self.assertBroken(store.verify_history(cp, key("other_public.pem")), self.rows, "signature")
            with self.assertRaises(OversightError) as e:
                store.verify_history(cp)
            self.assertEqual(e.exception.status, INVALID_ARG)
            with self.assertRaises(OversightError) as e:
                store.verify_history("{}", key("council_public.pem"))
            self.assertEqual(e.exception.status, PARSE)
            with self.assertRaises(OversightError) as e:
                store.history_checkpoint(key("ec_private.pem"))
            self.assertEqual(e.exception.status, INVALID_ARG)
        self.tamper("DELETE FROM history WHERE seq >= %d;"
                    "UPDATE sqlite_sequence SET seq = %d WHERE name = 'history';" % (self.rows - 1, self.rows - 2))
        self.assertTrue(self.verify()["ok"])  # the chain alone cannot see it
        self.assertBroken(self.verify(checkpoint=cp, public_key=key("council_public.pem")), self.rows, "checkpoint")


if __name__ == "__main__":
    unittest.main()
