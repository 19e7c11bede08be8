"""The complaints binding (examples/python/oversight/complaints.py) and the
attendance methods of oversight.Casework over liboversight_c (issue 9 point
3): statutory due dates counted across a bank holiday, the quarterly
lessons learnt, the non-attendance list with line managers."""
import unittest

from oversight import Casework, OversightError, Store
from oversight.complaints import ComplaintRules

INVALID_ARG, NOT_FOUND, CONFLICT = 1, 2, 8


class ComplaintsTest(unittest.TestCase):
    def setUp(self):
        self.store = Store()

    def tearDown(self):
        self.store.close()

    def status_of(self, f, *args, **kwargs):
        with self.assertRaises(OversightError) as cm:
            f(*args, **kwargs)
        return cm.exception.status

    def test_due_dates_and_lessons(self):
        s = self.store
        s.add_complaint("CMP-1", "2012-08-20", category="communication")  # due 4 Sep (27 Aug a bank holiday)
        open_ = s.open_complaints(as_of="2012-09-07")
        self.assertEqual([(c["due"], c["state"], c["overdue_working_days"]) for c in open_],
                         [("2012-09-04", "overdue", 3)])
        s.extend_complaint("CMP-1")  # 20 working days: 18 September
        self.assertEqual(s.open_complaints(as_of="2012-09-07")[0]["state"], "in_time")
        s.respond_to_complaint("CMP-1", "2012-09-14", "not_upheld")
        s.set_complaint_lessons("CMP-1", "Write to carers.")
        s.escalate_complaint("CMP-1", "2012-12-14")
        self.assertEqual(s.open_complaints(as_of="2012-12-14")[0]["due"], "2013-01-23")
        lessons = s.complaint_lessons("2012Q3")
        self.assertEqual((lessons["stages"][0]["responded"], lessons["stages"][0]["in_time"]), (1, 1))
        self.assertEqual(lessons["lessons"][0]["lessons"], "Write to carers.")
        self.assertIn("1 of 1 in timescale (100%)", s.complaint_lessons("2012Q3", text=True))
        self.assertIn("CMP-1,,communication,2,", s.open_complaints(as_of="2012-12-20", csv=True))
        rules = ComplaintRules(stage1_days=5)
        s.add_complaint("CMP-2", "2012-08-20")
        self.assertEqual(s.open_complaints(as_of="2012-08-20", rules=rules)[0]["due"], "2012-08-28")

    def test_refusals(self):
        s = self.store
        s.add_complaint("CMP-1", "2012-08-20")
        self.assertEqual(self.status_of(s.add_complaint, "cmp-1", "2012-08-21"), CONFLICT)
        self.assertEqual(self.status_of(s.add_complaint, "CMP-2", "2012-08-21", child_id="nobody"), NOT_FOUND)
        self.assertEqual(self.status_of(s.respond_to_complaint, "CMP-1", "2012-09-01", "maybe"), INVALID_ARG)
        self.assertEqual(self.status_of(s.escalate_complaint, "CMP-1", "2012-09-01"), INVALID_ARG)
        self.assertEqual(self.status_of(s.complaint_lessons, "2012Q9"), INVALID_ARG)


class AttendanceTest(unittest.TestCase):
    def test_non_attendance_with_line_managers(self):
        with Store() as store:
            cw = Casework(store)
            cw.add_person("Dr Ann Patel", agency="NHS")
            cw.add_person("Nina Grant", agency="NHS")
            cw.add_person("Jo Hart", agency="Riverside School")
            cw.appoint("Dr Ann Patel", "other_agency", line_manager="Nina Grant", from_date="2012-01-01")
            cw.save_child("C1")
            meeting = cw.record_event("C1", "core_group", "2012-09-10")
            people = [{"person": "Dr Ann Patel", "apologies": True}, {"person": "Jo Hart", "attended": True}]
            self.assertEqual(cw.set_attendance(meeting, people), 2)
            self.assertEqual(cw.set_attendance(meeting, people), 0)
            rows = cw.non_attendance("2012-07-01", "2012-09-30")
            self.assertEqual([(r["person"], r["agency"], r["line_manager"]) for r in rows],
                             [("Dr Ann Patel", "NHS", "Nina Grant")])
            report = cw.attendance_report("2012-07-01", "2012-09-30", event_type="core_group")
            self.assertEqual([(a["agency"], a["invited"], a["attended"]) for a in report["by_agency"]],
                             [("NHS", 1, 0), ("Riverside School", 1, 1)])
            self.assertIn("agency,NHS,NHS,1,0,1,0,0.0000", cw.attendance_report("2012-07-01", "2012-09-30", csv=True))
            with self.assertRaises(OversightError) as cm:
                cw.set_attendance(meeting, [{"person": "Nobody"}])
            self.assertEqual(cm.exception.status, NOT_FOUND)


if __name__ == "__main__":
    unittest.main()
