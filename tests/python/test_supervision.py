"""The supervision binding (examples/python/oversight/supervision.py) over
liboversight_c (issue 10 points 4-7): a newly qualified social worker's
sessions under the phased standard, an action not followed up, a local
standard layered on the default, refusals. The example script
examples/python/audit_and_supervision.py is run by test_audit.py."""
import os
import sys
import tempfile
import unittest

from oversight import Casework, OversightError, Store
from oversight.supervision import SupervisionOptions

INVALID_ARG, NOT_FOUND, PARSE = 1, 2, 5


class SupervisionTest(unittest.TestCase):
    def setUp(self):
        self.store = Store()
        s = self.store
        s.add_person("Tom Reed")
        s.add_person("Ann Newby")
        s.appoint("Tom Reed", "team_manager", from_date="2020-01-06")
        # ASYE from Mon 17 March 2025: weekly to Mon 28 April, fortnightly to Wed 17 September.
        s.appoint("Ann Newby", "newly_qualified_social_worker", line_manager="Tom Reed", from_date="2025-03-17")
        Casework(s).save_child("C1", "2015-05-01")

    def tearDown(self):
        self.store.close()

    def status_of(self, f, *args, **kwargs):
        with self.assertRaises(OversightError) as cm:
            f(*args, **kwargs)
        return cm.exception.status

    def session(self, held, **more):
        record = {"supervisee": "Ann Newby", "supervisor": "Tom Reed", "held": held}
        record.update(more)
        return self.store.record_supervision(record)

    def ann(self, report):
        return next(w for w in report["workers"] if w["person"] == "Ann Newby")

    def test_sessions_under_the_phased_standard(self):
        # Due Mon 24 Mar (held), Mon 31 Mar (held Tue 1 Apr: late), Tue 8 Apr (held);
        # Tue 15 Apr then open, overdue on 22 April by 7 days.
        for held in ("2025-03-24", "2025-04-01", "2025-04-08"):
            self.session(held)
        ann = self.ann(self.store.supervision_report(as_of="2025-04-22"))
        self.assertEqual([(c["due"], c["held"], c["in_time"]) for c in ann["chain"]],
                         [("2025-03-24", "2025-03-24", True), ("2025-03-31", "2025-04-01", False),
                          ("2025-04-08", "2025-04-08", True), ("2025-04-15", None, False)])
        self.assertEqual((ann["due"], ann["held_in_time"], ann["overdue_days"]), (4, 2, 7))
        report = self.store.supervision_report(as_of="2025-04-22")
        self.assertIn({"supervisor": "Tom Reed", "person": "Ann Newby", "due": "2025-04-15", "overdue": True},
                      report["due_soon"])

    def test_an_action_not_followed_up_stays_listed_until_closed(self):
        self.session("2025-03-24", cases=["C1"], criteria=["reflective"],
                     actions=[{"text": "Book training", "owner": "Tom Reed", "due": "2025-04-30"}])
        action = self.store.supervisions("2025-03-24", "2025-03-24")[0]["actions"][0]["id"]
        self.session("2025-03-31")
        self.session("2025-04-07")
        states = [a["state"] for a in self.store.supervision_report(as_of="2025-04-08")["actions"]]
        self.assertEqual(states, ["not_followed_up"])
        self.assertIn("NOT FOLLOWED UP", self.store.supervision_report(as_of="2025-04-08", text=True))
        self.session("2025-04-14", follow_ups=[{"action": action, "closed": True}])
        self.assertEqual(self.store.supervision_report(as_of="2025-04-14")["actions"], [])
        self.assertEqual(self.store.supervision_report(as_of="2025-04-13")["actions"][0]["id"], action)

    def test_a_local_standard(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "local.toml")
            with open(path, "w") as f:
                f.write('name = "riverside"\n[[criterion]]\nid = "signed"\ntitle = "Signed by both"\n'
                        'source = "Riverside policy 2025"\n')
            opts = SupervisionOptions(local_standard=path)
            self.assertEqual(len(self.store.supervision_standard(opts)["criteria"]), 6)
            self.assertEqual(self.status_of(self.session, "2025-03-24", criteria=["signed"]), INVALID_ARG)
            self.store.record_supervision({"supervisee": "Ann Newby", "supervisor": "Tom Reed",
                                           "held": "2025-03-24", "criteria": ["signed"]}, opts)
            with open(path, "w") as f:
                f.write('name = "riverside"\n[[criterion]]\nid = "signed"\n')
            self.assertEqual(self.status_of(self.store.supervision_standard, opts), PARSE)

    def test_refusals(self):
        self.assertEqual(self.status_of(self.session, "2025-03-24", supervisee="Nobody"), NOT_FOUND)
        self.assertEqual(self.status_of(self.store.record_supervision, "{"), PARSE)
        self.assertEqual(self.status_of(self.session, "2025-03-24", criteria=["tidy"]), INVALID_ARG)
        self.assertEqual(self.status_of(self.store.supervisions, "2025-02-01", "2025-01-01"), INVALID_ARG)
        self.assertEqual(self.store.supervisions("2025-01-01", "2025-12-31"), [])

    def test_supervision_audit(self):
        # Four sessions; "reflective" evidenced in three of them: 3/4 = 75.0%,
        # Wilson 95% (z = 1.959964): centre (0.75 + 0.480182) / 1.960365 =
        # 0.627527, half-width 1.959964 * sqrt(0.046875 + 0.060023) / 1.960365
        # = 0.326885: 30.1% .. 95.4%.
        self.session("2025-03-24", criteria=["reflective", "actions_tracked"])
        self.session("2025-03-31", criteria=["reflective"])
        self.session("2025-04-07")
        self.session("2025-04-14", criteria=["reflective"])
        audit = self.store.supervision_audit("2025-03-01", "2025-04-30", min_criteria=1)
        self.assertEqual((audit["sessions"], len(audit["items"])), (4, 4))
        reflective = next(c["evidenced"] for c in audit["criteria"] if c["id"] == "reflective")
        self.assertEqual((reflective["k"], reflective["n"]), (3, 4))
        self.assertEqual([round(100 * reflective[x], 1) for x in ("share", "low", "high")], [75.0, 30.1, 95.4])
        self.assertEqual(audit["satisfactory"]["k"], 3)
        self.assertEqual([i["grade"] for i in audit["items"]], ["satisfactory", "satisfactory", "inadequate",
                                                                 "satisfactory"])
        # The same seed draws the same two sessions; some other seed draws others.
        first = self.store.supervision_audit("2025-03-01", "2025-04-30", sample_size=2, seed=2 ** 64 - 1)
        again = self.store.supervision_audit("2025-03-01", "2025-04-30", sample_size=2, seed=2 ** 64 - 1)
        self.assertEqual([i["session"] for i in first["items"]], [i["session"] for i in again["items"]])
        self.assertEqual(len(first["items"]), 2)
        self.assertEqual(first["seed"], str(2 ** 64 - 1))
        draws = {tuple(i["session"] for i in self.store.supervision_audit(
            "2025-03-01", "2025-04-30", sample_size=2, seed=seed)["items"]) for seed in range(10)}
        self.assertGreater(len(draws), 1)
        per = self.store.supervision_audit("2025-03-01", "2025-04-30", per_supervisor=3, seed=1)
        self.assertEqual(per["strata"], [{"stratum": "Tom Reed", "eligible": 4, "drawn": 3}])
        text = self.store.supervision_audit("2025-03-01", "2025-04-30", min_criteria=1, text=True)
        self.assertIn("reflective: 3 of 4 (75.0%, 95% CI 30.1%-95.4%)", text)
        self.assertEqual(self.status_of(self.store.supervision_audit, "2025-05-01", "2025-04-30"), INVALID_ARG)
        self.assertEqual(self.status_of(self.store.supervision_audit, "2025-03-01", "2025-04-30",
                                        min_criteria=6), INVALID_ARG)

    def test_supervision_reminders(self):
        # Weekly in the first six weeks: after Mon 31 March 2025 the next is
        # due Mon 7 April. On Thu 3 April it is due in 2 working days (Fri 4,
        # Mon 7); on Wed 9 April it is 2 working days late (Tue 8, Wed 9).
        self.session("2025-03-24")
        self.session("2025-03-31")
        soon = self.store.supervision_reminders(as_of="2025-04-03", window_days=7, supervisor="Tom Reed")
        self.assertEqual(soon, [{"supervisor": "Tom Reed", "person": "Ann Newby", "team": "", "due": "2025-04-07",
                                 "state": "due", "working_days": 2}])
        self.assertEqual(self.store.supervision_reminders(as_of="2025-04-03", window_days=3, supervisor="Tom Reed"),
                         [])
        # the standard's 7 days
        self.assertEqual(self.store.supervision_reminders(as_of="2025-04-03", supervisor="Tom Reed"), soon)
        # Everyone's: Tom himself first (a team manager never supervised, no line manager: overdue).
        everyone = self.store.supervision_reminders(as_of="2025-04-03", window_days=7)
        self.assertEqual([(r["supervisor"], r["person"], r["state"]) for r in everyone],
                         [("", "Tom Reed", "overdue"), ("Tom Reed", "Ann Newby", "due")])
        late = self.store.supervision_reminders(as_of="2025-04-09", window_days=0, supervisor="tom reed")
        self.assertEqual([(r["state"], r["working_days"]) for r in late], [("overdue", 2)])
        self.assertEqual(self.store.supervision_reminders(as_of="2025-04-09", supervisor="Sue Bell"), [])
        self.assertEqual(self.status_of(self.store.supervision_reminders, as_of="2025-04-09", window_days=4000),
                         INVALID_ARG)


if __name__ == "__main__":
    unittest.main()
