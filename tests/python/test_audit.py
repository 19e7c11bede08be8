"""The audit binding (examples/python/oversight/audit.py) over liboversight_c
(issue 10 points 1-3): the seed's PEP audit and its Wilson interval, a trend
too small to tell, a reproducible sample, recommendations as tracked actions,
programme reminders, refusals; samples of n cases per team manager; and
examples/python/audit_and_supervision.py
run as a script."""
import io
import os
import subprocess
import sys
import unittest

from oversight import Casework, OversightError, Store
from oversight.audit import wilson

INVALID_ARG, NOT_FOUND, PARSE, CONFLICT = 1, 2, 5, 8
HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.environ.get("OVERSIGHT_PROJECT_DIR", os.path.join(HERE, "..", ".."))
EXAMPLE = os.path.join(PROJECT, "examples", "python", "audit_and_supervision.py")


class AuditTest(unittest.TestCase):
    def setUp(self):
        self.store = Store()
        self.store.add_person("Virtual School Head")
        self.store.add_audit_programme("PEP audit", "pep", owner="Virtual School Head", cycle="quarterly",
                                       scale="two_point")

    def tearDown(self):
        self.store.close()

    def status_of(self, f, *args, **kwargs):
        with self.assertRaises(OversightError) as cm:
            f(*args, **kwargs)
        return cm.exception.status

    def pep(self, ref, held, satisfactory, inadequate, **more):
        record = {"reference": ref, "programme": "PEP audit", "held": held, "recorded": held,
                  "counts": {"satisfactory": satisfactory, "inadequate": inadequate}}
        record.update(more)
        return self.store.record_audit(record)

    def test_seed_pep_audit_and_trend(self):
        self.pep("PEP-1", "2012-08-23", 8, 10)
        r = self.store.audit_result("PEP-1")
        self.assertEqual((r["audited"], r["positive"]["k"]), (18, 8))
        # 8 of 18: 44.4%, Wilson 95% 24.6%-66.3% (hand-computed in tests/cpp/audit/audit_test.cpp)
        self.assertEqual([round(100 * r["positive"][x], 1) for x in ("share", "low", "high")], [44.4, 24.6, 66.3])
        self.assertEqual([round(100 * x, 1) for x in wilson(8, 18)], [44.4, 24.6, 66.3])
        self.assertEqual(self.store.audit_trend("PEP audit")["verdict"], "too_few")
        self.pep("PEP-2", "2012-11-22", 10, 8)
        self.pep("PEP-3", "2013-02-20", 12, 6)
        t = self.store.audit_trend("PEP audit")
        self.assertEqual(t["verdict"], "too_small")
        self.assertIn("overlap", t["statement"])
        self.assertEqual(self.store.audit_programmes()[0]["next_due"], "2013-05-20")  # 20 Feb + 3 months
        self.assertEqual([r["owner"] for r in self.store.audit_reminders(as_of="2013-05-10", window_days=14)],
                         ["Virtual School Head"])

    def test_recommendations_are_tracked(self):
        self.pep("PEP-1", "2012-08-23", 8, 10, recommendations=[
            {"text": "Train designated teachers", "owner": "Virtual School Head", "due": "2012-10-31"}])
        actions = self.store.audit_actions(as_of="2012-11-15")
        self.assertEqual([(a["state"], a["days_overdue"]) for a in actions], [("overdue", 15)])
        self.store.complete_audit_recommendation("PEP-1", 1, "2012-11-16")
        self.assertEqual(self.store.audit_actions(as_of="2012-11-20", open_only=True), [])

    def test_sample_is_reproducible(self):
        s = self.store
        cw = Casework(s)
        cw.save_team("Team A")
        cw.save_worker("Ann Lee", "Team A")
        for i in range(1, 11):
            cw.save_child("K%02d" % i)
            cw.allocate("K%02d" % i, "Ann Lee", "2012-01-02")  # open cases: only those are drawn
        cw.save_child("K99")  # not allocated: not an open case
        s.add_audit_programme("Case files", "case_file", owner="Virtual School Head", per_stratum=4)
        a = s.audit_sample("Case files", seed=2012, as_of="2012-08-01")
        b = s.audit_sample("Case files", seed=2012, as_of="2012-08-01")
        self.assertEqual(len(a["cases"]), 4)
        self.assertEqual(a["cases"], b["cases"])
        self.assertEqual(a["strata"][0]["eligible"], 10)

    def test_refusals(self):
        s = self.store
        self.assertEqual(self.status_of(s.add_audit_programme, "pep audit", "pep", owner="Virtual School Head"),
                         CONFLICT)
        self.assertEqual(self.status_of(s.add_audit_programme, "X", "pep", owner="Nobody"), NOT_FOUND)
        self.assertEqual(self.status_of(s.add_audit_programme, "X", "pep", owner="Virtual School Head",
                                        scale="good, poor"), INVALID_ARG)
        self.assertEqual(self.status_of(s.record_audit, "{"), PARSE)
        self.assertEqual(self.status_of(self.pep, "PEP-1", "2012-08-23", 0, 0), INVALID_ARG)
        self.assertEqual(self.status_of(s.audit_result, "NOPE"), NOT_FOUND)


MASK = (1 << 64) - 1


def reference_draw(pool, k, seed, stratum):
    """The draw audit.hpp documents, written out here on its own: a partial
    Fisher-Yates shuffle of `pool` (in child id order) by SplitMix64 (Vigna's
    splitmix64.c constants) seeded with seed XOR FNV-1a-64(stratum), the
    chosen positions in ascending order."""
    h = 14695981039346656037
    for byte in stratum.encode("utf-8"):
        h = ((h ^ byte) * 1099511628211) & MASK
    state = [(seed ^ h) & MASK]

    def next_value():
        state[0] = (state[0] + 0x9E3779B97F4A7C15) & MASK
        z = state[0]
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(bound):
        if bound <= 1:
            return 0
        limit = MASK - MASK % bound
        while True:
            r = next_value()
            if r < limit:
                return r % bound

    positions = list(range(len(pool)))
    k = min(k, len(pool))
    for i in range(k):
        j = i + below(len(pool) - i)
        positions[i], positions[j] = positions[j], positions[i]
    return [pool[i] for i in sorted(positions[:k])]


class ManagerStratumTest(unittest.TestCase):
    """n cases per team manager: two managers over three workers in two teams.
    Mia Grant manages Ann Lee (North: K01-K04) and Bo Chan (South: K05-K07);
    Raj Patel manages Cy Dunn (South: K08-K10); from 2012-09-03 Cy Dunn has
    no line manager."""

    def setUp(self):
        s = self.store = Store()
        for name in ("Head of Service", "Mia Grant", "Raj Patel", "Ann Lee", "Bo Chan", "Cy Dunn"):
            s.add_person(name)
        s.save_team("North")
        s.save_team("South")
        s.appoint("Mia Grant", "team_manager", team="North", from_date="2010-01-04")
        s.appoint("Raj Patel", "team_manager", team="South", from_date="2010-01-04")
        s.appoint("Ann Lee", "social_worker", team="North", line_manager="Mia Grant", from_date="2011-01-03")
        s.appoint("Bo Chan", "social_worker", team="South", line_manager="Mia Grant", from_date="2011-01-03")
        s.appoint("Cy Dunn", "social_worker", team="South", line_manager="Raj Patel", from_date="2011-01-03")
        s.appoint("Cy Dunn", "social_worker", team="South", from_date="2012-09-03")
        cw = Casework(s)
        holders = ["Ann Lee"] * 4 + ["Bo Chan"] * 3 + ["Cy Dunn"] * 3
        for i, worker in enumerate(holders, start=1):
            cw.save_child("K%02d" % i)
            cw.allocate("K%02d" % i, worker, "2012-01-02")
        s.add_audit_programme("Manager audit", "management", owner="Head of Service", per_stratum=2,
                              stratify="manager")

    def tearDown(self):
        self.store.close()

    def test_two_cases_per_manager(self):
        s = self.store
        self.assertEqual(s.audit_programmes()[0]["stratify"], "manager")
        a = s.audit_sample("Manager audit", seed=2012, as_of="2012-08-01")
        self.assertEqual(a["strata"], [{"stratum": "Mia Grant", "eligible": 7, "excluded": 0, "drawn": 2},
                                       {"stratum": "Raj Patel", "eligible": 3, "excluded": 0, "drawn": 2}])
        by = {}
        for c in a["cases"]:
            by.setdefault(c["stratum"], []).append(c["child"])
        self.assertEqual(by["Mia Grant"],
                         reference_draw(["K%02d" % i for i in range(1, 8)], 2, 2012, "Mia Grant"))
        self.assertEqual(by["Raj Patel"], reference_draw(["K08", "K09", "K10"], 2, 2012, "Raj Patel"))
        self.assertEqual(s.audit_sample("Manager audit", seed=2012, as_of="2012-08-01"), a)
        # On 2012-09-10 Cy Dunn has no line manager: his cases are in "(none)".
        later = s.audit_sample("Manager audit", seed=2012, as_of="2012-09-10")
        self.assertEqual([(d["stratum"], d["eligible"]) for d in later["strata"]],
                         [("(none)", 3), ("Mia Grant", 7)])
        self.assertEqual([c["child"] for c in later["cases"] if c["stratum"] == "(none)"],
                         reference_draw(["K08", "K09", "K10"], 2, 2012, "(none)"))

    def test_a_misspelt_stratum_is_refused(self):
        with self.assertRaises(OversightError) as cm:
            self.store.add_audit_programme("Other", "management", owner="Head of Service", per_stratum=2,
                                           stratify="line_manager")
        self.assertEqual(cm.exception.status, INVALID_ARG)
        self.assertIn("line_manager", str(cm.exception))
        self.assertEqual(len(self.store.audit_programmes()), 1)


class ExampleTest(unittest.TestCase):
    def test_the_example_records_an_audit_and_a_supervision_and_prints_both_reports(self):
        env = dict(os.environ)
        env["PYTHONPATH"] = os.path.join(PROJECT, "examples", "python") + os.pathsep + env.get("PYTHONPATH", "")
        done = subprocess.run([sys.executable, EXAMPLE], env=env, capture_output=True, text=True, timeout=120)
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertIn("satisfactory: 8 of 18 (44.4%, 95% CI 24.6%-66.3%)", done.stdout)
        self.assertIn("Too small to tell", done.stdout)
        self.assertIn("Overdue on 2012-11-15: PEP-2012-08 #1", done.stdout)
        self.assertIn("Reminder for Virtual School Head: PEP audit due 2013-05-20", done.stdout)
        # The supervision half: held Mon 10 March, due then (3 March + 7 days):
        # 1 of 1 in timescale; next due Mon 17 March; the action still open.
        self.assertIn("Recorded supervision 1 held 2025-03-10", done.stdout)
        self.assertIn("Ann Newby (newly_qualified_social_worker, supervisor Tom Reed): 1 of 1 in timescale",
                      done.stdout)
        self.assertIn("next due 2025-03-17", done.stdout)
        self.assertIn("Update C1's chronology", done.stdout)


if __name__ == "__main__":
    unittest.main()
