"""The indicator binding (examples/python/oversight/indicator.py) over
liboversight_c (issue 11 point 5): an action linked to an indicator below its
red threshold is rated red, and the reason names the indicator and its
latest value; the list document; a refresh; errors."""
import unittest

from oversight import OversightError, Store

INVALID_ARG, NOT_FOUND, PARSE, CONFLICT = 1, 2, 5, 8

VISITS = {"key": "visits", "name": "% of visits in timescale", "unit": "%", "target": 85, "amber": 70}


class IndicatorTest(unittest.TestCase):
    def setUp(self):
        self.store = Store()
        s = self.store
        # Report date 1 June 2012: within six months is due 1 December 2012.
        self.plan = s.create_plan("Plan", report_date="2012-06-01")
        s.add_recommendation(1, "Visit children on time", "within_six_months", plan_id=self.plan)
        s.add_action(1, "1.1", "Track visits weekly", status="not_started", plan_id=self.plan)

    def tearDown(self):
        self.store.close()

    def status_of(self, f, *args, **kwargs):
        with self.assertRaises(OversightError) as cm:
            f(*args, **kwargs)
        return cm.exception.status

    def rag(self, as_of="2012-10-15"):
        row = self.store.actions(as_of, plan_id=self.plan)[0]
        return row.rag, row.rag_reason

    def test_linked_indicator_below_threshold_makes_the_action_red(self):
        s = self.store
        self.assertGreater(s.save_indicator(self.plan, VISITS), 0)
        s.record_indicator_value(self.plan, "visits", "2012-09-14", 62.5, entered_by="Ann Newby")
        self.assertEqual(self.rag()[0], "green")  # 47 days ahead, not linked yet
        s.link_indicator(self.plan, "1.1", "visits")
        self.assertEqual(self.rag(), ("red", 'indicator "% of visits in timescale" at 62.5% in Sep 2012, '
                                             "below the red threshold 70% (target 85%)"))
        # Between the threshold and the target: amber.
        s.record_indicator_value(self.plan, "visits", "2012-09-01", 80)
        self.assertEqual(self.rag()[0], "amber")
        listed = s.indicators(self.plan, as_of="2012-10-15")
        self.assertEqual(listed[0]["latest"], {"month": "2012-09-01", "value": 80, "rag": "amber"})
        self.assertEqual(listed[0]["actions"], ["1.1"])
        self.assertIn("latest 80% in Sep 2012 AMBER", s.indicators(self.plan, as_of="2012-10-15", text=True))

    def test_refresh_and_errors(self):
        s = self.store
        s.save_indicator(self.plan, {"key": "sup", "name": "Supervision", "unit": "%", "target": 90, "amber": 75,
                                     "source": "computed", "measure": "supervision_in_timescale"})
        self.assertEqual(s.refresh_indicators(self.plan, as_of="2012-10-15", months=3), 0)
        self.assertEqual(self.status_of(s.refresh_indicators, self.plan, months=0), INVALID_ARG)
        self.assertEqual(self.status_of(s.save_indicator, self.plan, dict(VISITS, amber=90)), INVALID_ARG)
        self.assertEqual(self.status_of(s.save_indicator, self.plan, dict(VISITS, colour="red")), PARSE)
        self.assertEqual(self.status_of(s.save_indicator, self.plan + 1, VISITS), NOT_FOUND)
        s.save_indicator(self.plan, VISITS)
        self.assertEqual(self.status_of(s.record_indicator_value, self.plan, "nope", "2012-09-01", 1), NOT_FOUND)
        self.assertEqual(self.status_of(s.record_indicator_value, self.plan, "visits", "2012-09-01", float("nan")),
                         INVALID_ARG)
        self.assertEqual(self.status_of(s.link_indicator, self.plan, "9.9", "visits"), NOT_FOUND)
        s.link_indicator(self.plan, "1.1", "visits")
        self.assertEqual(self.status_of(s.link_indicator, self.plan, "1.1", "visits"), CONFLICT)
        self.assertEqual(s.indicators(self.plan)[0]["values"], [])


if __name__ == "__main__":
    unittest.main()
