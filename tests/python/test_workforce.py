"""The workforce binding (examples/python/oversight/workforce.py) over
liboversight_c: teams, workers, the people directory and appointments over
time, on oversight.Store and oversight.Casework alike."""
import unittest

from oversight import Casework, OversightError, Store

INVALID_ARG, NOT_FOUND, CONFLICT = 1, 2, 8


class WorkforceTest(unittest.TestCase):
    def setUp(self):
        self.store = Store()
        self.store.save_team("Team A", manager="Mo Manager")
        self.store.save_team("Team B")
        self.store.add_person("Sam Okoye", job_title="Team manager")
        self.store.save_worker("Ann Lee", "Team A")  # appointed since before records

    def tearDown(self):
        self.store.close()

    def status_of(self, f, *args, **kwargs):
        with self.assertRaises(OversightError) as cm:
            f(*args, **kwargs)
        self.assertTrue(str(cm.exception))
        return cm.exception.status

    def on(self, day):
        return {p["name"]: p for p in self.store.directory(day)}

    def test_an_appointment_changes_the_directory_from_its_date(self):
        appointment = self.store.appoint("Ann Lee", "senior_practitioner", team="Team B", line_manager="Sam Okoye",
                                         from_date="2024-04-01")
        self.assertGreater(appointment, 0)
        before, after = self.on("2024-03-31")["Ann Lee"], self.on("2024-04-01")["Ann Lee"]
        self.assertEqual((before["role"], before["team"], before["line_manager"]), ("social_worker", "Team A", ""))
        self.assertEqual((after["role"], after["team"], after["line_manager"]),
                         ("senior_practitioner", "Team B", "Sam Okoye"))
        # A closed appointment: on its last day and after.
        self.store.appoint("Sam Okoye", "team_manager", team="Team A", from_date="2024-01-01", until="2024-07-01")
        self.assertEqual(self.on("2024-06-30")["Sam Okoye"]["role"], "team_manager")
        self.assertEqual(self.on("2024-07-01")["Sam Okoye"]["role"], "")
        self.assertEqual(self.on("2024-06-30")["Sam Okoye"]["job_title"], "Team manager")
        changes = self.store.history("appointment")
        self.assertTrue(changes)

    def test_refused_appointments_change_nothing(self):
        before = len(self.store.history())
        self.assertEqual(self.status_of(self.store.appoint, "Nobody", "social_worker"), NOT_FOUND)
        self.assertEqual(self.status_of(self.store.appoint, "Ann Lee", "social_worker", team="No Team"), NOT_FOUND)
        self.assertEqual(self.status_of(self.store.appoint, "Ann Lee", "wizard"), INVALID_ARG)
        self.assertEqual(self.status_of(self.store.appoint, "Ann Lee", "social_worker", line_manager="Ann Lee",
                                        from_date="2024-04-01"), INVALID_ARG)
        self.assertEqual(self.status_of(self.store.appoint, "Ann Lee", "social_worker", from_date="2024-02-30"),
                         INVALID_ARG)
        self.assertEqual(len(self.store.history()), before)

    def test_casework_has_the_same_methods(self):
        cw = Casework(self.store)
        cw.save_worker("Bo Chan", "Team B")
        cw.appoint("Bo Chan", "newly_qualified_social_worker", team="Team B", from_date="2024-05-01")
        self.assertEqual(cw.directory("2024-05-01"), self.store.directory("2024-05-01"))
        self.assertEqual(self.on("2024-05-01")["Bo Chan"]["role"], "newly_qualified_social_worker")

    def test_plan_people_use_the_directory_on_a_date(self):
        self.store.create_plan("Plan", report_date="2024-03-01")
        self.store.add_recommendation(1, "Improve", "immediately", lead="A. Lee")
        self.store.appoint("Ann Lee", "team_manager", team="Team A", from_date="2024-04-01")
        people = self.store.people(as_of="2024-03-31")
        self.assertEqual({p["name"]: p["role"] for p in people["directory"]}["Ann Lee"], "social_worker")
        self.assertEqual(self.store.people(as_of="2024-04-01")["directory"], self.store.directory("2024-04-01"))
        self.assertIn({"Ann Lee", "A. Lee"}, [{d["a"], d["b"]} for d in people["probable_duplicates"]])
        self.assertEqual(self.status_of(self.store.add_person, "ann lee"), CONFLICT)


if __name__ == "__main__":
    unittest.main()
