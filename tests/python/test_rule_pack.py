"""The rule-pack binding (examples/python/oversight/rule_pack.py) over liboversight_c."""
import datetime
import os
import unittest

from oversight import Calendar, OversightError, RulePack

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.environ.get("OVERSIGHT_PROJECT_DIR", os.path.join(HERE, "..", ".."))
EXAMPLE_LOCAL = os.path.join(PROJECT, "data", "rules", "example-local.toml")

INVALID_ARG, NOT_FOUND, IO, PARSE = 1, 2, 3, 5

LOCAL = """
name = "testshire"

[[rule]]
id = "lac.review.first"
title = "First review (Testshire: 15 working days)"
kind = "within"
trigger = "became_looked_after"
satisfied_by = ["review"]
duration = "15 working days"
source = "Testshire procedures 4.2"
status = "local"
"""


def d(text):
    return datetime.date.fromisoformat(text)


class RulePackTest(unittest.TestCase):
    def test_default_rules_have_sources_statuses_and_layer(self):
        with RulePack.default() as pack:
            self.assertEqual(pack.name, "england")
            rules = pack.rules()
            self.assertGreater(len(rules), 40)
            by_id = {r["id"]: r for r in rules}
            review = by_id["lac.review.first"]
            self.assertEqual(review["duration"], {"count": 20, "unit": "working_days", "text": "20 working days"})
            self.assertEqual(review["status"], "confirmed")
            self.assertEqual(review["layer"], "england")
            self.assertIn("reg 33(1)", review["source"])
            self.assertEqual(by_id["lac.placement_plan"]["status"], "unconfirmed")
            self.assertFalse(by_id["pep.initiation.school_days"]["enabled"])
            self.assertEqual(by_id["lac.visit.year1"]["kind"], "interval")
            self.assertEqual(by_id["lac.visit.year1"]["when"]["visit_regime"],
                             ["default", "permanent", "long_term_foster", "long_term_foster_agreed"])
            self.assertEqual(by_id["assessment.single"]["effective_from"], "2013-04-15")
            self.assertNotIn("cp.visit", by_id)
            self.assertEqual(pack.rule("cp.icpc")["duration"]["count"], 15)
            with self.assertRaises(KeyError):
                pack.rule("no.such.rule")

    def test_due_friday_before_bank_holiday_and_christmas(self):
        pack = RulePack.default()
        # Fri 2012-08-24 (day 0) + 20 working days, Mon 27 Aug a bank holiday.
        self.assertEqual(pack.due("lac.review.first", "2012-08-24"), d("2012-09-24"))
        self.assertEqual(pack.due("lac.visit.first", d("2012-08-24")), d("2012-08-31"))
        due, why = pack.due("cp.icpc", "2012-12-14", explain=True)
        self.assertEqual(due, d("2013-01-09"))
        self.assertIn("Christmas Day (Tue 2012-12-25)", why)
        self.assertIn("Boxing Day (Wed 2012-12-26)", why)
        self.assertIn("day 0", why)
        self.assertIn("layer: england", why)

    def test_calendar_with_closure(self):
        pack = RulePack.default()
        with Calendar() as cal:
            cal.add_closure("2012-08-28", "Staff development day")
            due, why = pack.due("lac.review.first", "2012-08-24", explain=True, calendar=cal)
            self.assertEqual(due, d("2012-09-25"))
            self.assertIn("Staff development day", why)

    def test_layered_local_pack(self):
        base = RulePack.default()
        local = RulePack.from_toml(LOCAL)
        pack = base.layered(local)
        self.assertEqual(pack.name, "england+testshire")
        self.assertEqual(pack.due("lac.review.first", "2012-08-24"), d("2012-09-17"))
        self.assertEqual(base.due("lac.review.first", "2012-08-24"), d("2012-09-24"))
        layers = {r["id"]: r["layer"] for r in pack.rules()}
        self.assertEqual(layers["lac.review.first"], "testshire")
        self.assertEqual(layers["lac.care_plan"], "england")
        _, why = pack.due("lac.review.first", "2012-08-24", explain=True)
        self.assertIn("layer: testshire", why)

        example = base.layered(RulePack.from_file(EXAMPLE_LOCAL))
        rules = {r["id"]: r for r in example.rules()}
        self.assertEqual(rules["cp.visit"]["layer"], "example-local")
        self.assertFalse(rules["lac.visit.after_year1"]["enabled"])
        # Tue 2013-01-08 + 10 working days -> 2013-01-22.
        self.assertEqual(example.due("cp.visit", "2013-01-08"), d("2013-01-22"))

    def test_errors(self):
        pack = RulePack.default()
        with self.assertRaises(OversightError) as e:
            pack.due("no.such.rule", "2012-08-24")
        self.assertEqual(e.exception.status, NOT_FOUND)
        self.assertIn("no.such.rule", str(e.exception))
        with self.assertRaises(OversightError) as e:
            pack.due("cp.icpc", "2012-02-30")
        self.assertEqual(e.exception.status, INVALID_ARG)
        with self.assertRaises(OversightError) as e:
            pack.due("assessment.single", "2012-01-02")
        self.assertEqual(e.exception.status, INVALID_ARG)
        self.assertIn("2013-04-15", str(e.exception))
        with self.assertRaises(OversightError) as e:
            RulePack.from_toml(LOCAL.replace("source =", "sauce ="))
        self.assertEqual(e.exception.status, PARSE)
        self.assertIn("lac.review.first", str(e.exception))
        self.assertIn("sauce", str(e.exception))
        with self.assertRaises(OversightError) as e:
            RulePack.from_toml(LOCAL.replace('"15 working days"', '"15 wrking days"'))
        self.assertEqual(e.exception.status, PARSE)
        self.assertIn("duration", str(e.exception))
        with self.assertRaises(OversightError) as e:
            RulePack.from_file(os.path.join(PROJECT, "no-such-pack.toml"))
        self.assertEqual(e.exception.status, IO)
        self.assertIn("no-such-pack.toml", str(e.exception))
        with self.assertRaises(TypeError):
            pack.layered("not a pack")
        pack.close()
        pack.close()
        with self.assertRaises(ValueError):
            pack.rules()


if __name__ == "__main__":
    unittest.main()
