"""The calendar binding (examples/python/oversight/calendar.py) over liboversight_c."""
import datetime
import os
import unittest

from oversight import Calendar, OversightError

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "data", "calendar_bank_holidays.json")

# England & Wales 2022 and 2023, from shared/domain/statutory-timescales.md §9.
EW_2022 = ["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03",
           "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"]
EW_2023 = ["2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29",
           "2023-08-28", "2023-12-25", "2023-12-26"]

INVALID_ARG, PARSE = 1, 5


def d(text):
    return datetime.date.fromisoformat(text)


class CalendarTest(unittest.TestCase):
    def test_holidays_with_names(self):
        with Calendar() as cal:
            self.assertEqual(cal.division, "england-and-wales")
            self.assertEqual([h.isoformat() for h, _ in cal.holidays(2022)], EW_2022)
            self.assertEqual([h.isoformat() for h, _ in cal.holidays(2023)], EW_2023)
            names = dict(cal.holidays(2022))
            self.assertEqual(names[d("2022-06-03")], "Platinum Jubilee bank holiday")
            self.assertEqual(names[d("2022-12-27")], "Christmas Day")

    def test_working_days_day_zero(self):
        with Calendar("england-and-wales") as cal:
            self.assertEqual(cal.add_working_days("2012-12-21", 5), d("2013-01-02"))
            self.assertEqual(cal.add_working_days(d("2013-01-02"), -5), d("2012-12-21"))
            self.assertEqual(cal.add_working_days("2012-10-12", 0), d("2012-10-12"))
            self.assertEqual(cal.working_days_between("2012-12-21", "2013-01-02"), 5)
            self.assertEqual(cal.working_days_between("2013-01-02", "2012-12-21"), -5)
            self.assertFalse(cal.is_working_day("2012-06-05"))
            self.assertTrue(cal.is_working_day("2012-05-28"))

    def test_divisions(self):
        with Calendar("scotland") as sc, Calendar("northern-ireland") as ni:
            self.assertFalse(sc.is_working_day("2024-12-02"))   # St Andrew's Day substitute
            self.assertTrue(sc.is_working_day("2024-04-01"))    # no Easter Monday
            self.assertFalse(ni.is_working_day("2024-03-18"))   # St Patrick's Day substitute
        with self.assertRaises(OversightError) as e:
            Calendar("wales")
        self.assertEqual(e.exception.status, INVALID_ARG)
        self.assertIn("wales", str(e.exception))

    def test_closures_and_holidays(self):
        with Calendar() as cal:
            self.assertEqual(cal.add_working_days("2024-12-24", 1), d("2024-12-27"))
            for day in ("2024-12-27", "2024-12-30", "2024-12-31"):
                cal.add_closure(day, "Council Christmas shutdown")
            self.assertEqual(cal.add_working_days("2024-12-24", 1), d("2025-01-02"))
            cal.add_closure(d("2025-01-02"))
            self.assertEqual(cal.add_working_days("2024-12-24", 1), d("2025-01-03"))
            cal.add_holiday("2026-06-12", "Proclaimed day")
            self.assertIn((d("2026-06-12"), "Proclaimed day"), cal.holidays(2026))
            with self.assertRaises(OversightError):
                cal.add_holiday("2026-06-12", "")

    def test_days_given_when_opened(self):
        closures = [("2024-12-27", "Council Christmas shutdown"), (d("2024-12-30"), None), ("2024-12-31", "x")]
        with Calendar(closures=closures, holidays=[("2025-01-02", "Proclaimed day")]) as cal:
            self.assertEqual(cal.add_working_days("2024-12-24", 1), d("2025-01-03"))
            self.assertIn((d("2025-01-02"), "Proclaimed day"), cal.holidays(2025))
        with self.assertRaises(OversightError) as e:
            Calendar(closures=[("2024-12-27", b"bad \xff")])
        self.assertEqual(e.exception.status, INVALID_ARG)
        self.assertIn("closures[0].name", str(e.exception))
        with self.assertRaises(OversightError):
            Calendar(holidays=[("2025-01-02", "")])

    def test_gov_uk_json(self):
        with open(FIXTURE, encoding="utf-8") as f:
            text = f.read()
        with Calendar("england-and-wales", gov_uk_json=text) as cal:
            self.assertFalse(cal.is_working_day("2025-06-13"))  # the fixture's made-up proclaimed day
            self.assertEqual(len(cal.holidays(2025)), 9)
        with self.assertRaises(OversightError) as e:
            Calendar(gov_uk_json={"england-and-wales": {"events": [{"title": "X", "date": "2025-02-30"}]}})
        self.assertEqual(e.exception.status, PARSE)
        self.assertIn('["events"][0]["date"]', str(e.exception))

    def test_durations_and_deadlines(self):
        with Calendar() as cal:
            self.assertEqual(cal.add_duration("2013-01-31", "1 month"), d("2013-02-28"))
            self.assertEqual(cal.add_duration("2012-10-12", 6, "weeks"), d("2012-11-23"))
            self.assertEqual(cal.resolve_deadline("Within three months", "2012-09-14"), d("2012-12-14"))
            self.assertEqual(cal.resolve_deadline("31st October", "2012-09-14"), d("2012-10-31"))
            self.assertEqual(cal.resolve_deadline("by end of November 2012", "2012-09-14"), d("2012-11-30"))
            self.assertEqual(cal.resolve_deadline("18/10/12", "2012-09-14"), d("2012-10-18"))
            for bad in ("soon", "31/02/12", "next Tuesday"):
                with self.assertRaises(OversightError) as e:
                    cal.resolve_deadline(bad, "2012-09-14")
                self.assertEqual(e.exception.status, PARSE)
                self.assertIn(bad, str(e.exception))
            with self.assertRaises(OversightError):
                cal.add_duration("2012-10-12", 6, "fortnights")

    def test_school_terms_on_the_calendar(self):
        # tests/data/calendar_school.toml: "termly" from Monday 16 September
        # 2024 (Autumn term) is the end of the Spring term, 4 April 2025.
        with open(os.path.join(HERE, "..", "data", "calendar_school.toml"), encoding="utf-8") as f:
            terms = f.read()
        with Calendar(school_calendar_toml=terms) as cal:
            self.assertEqual(cal.add_duration("2024-09-16", "termly"), d("2025-04-04"))
            # A new closure keeps the terms.
            cal.add_closure("2024-12-23", "Office closed")
            self.assertEqual(cal.add_duration("2024-09-16", "termly"), d("2025-04-04"))
        with Calendar() as cal:
            with self.assertRaises(OversightError) as e:
                cal.add_duration("2024-09-16", "termly")
            self.assertEqual(e.exception.status, INVALID_ARG)
            self.assertIn("school calendar", str(e.exception))

    def test_bad_dates_and_close(self):
        cal = Calendar()
        with self.assertRaises(OversightError):
            cal.add_working_days("2023-02-29", 1)
        cal.close()
        cal.close()  # idempotent
        with self.assertRaises(ValueError):
            cal.add_working_days("2012-10-12", 1)
        self.assertIn("closed", repr(cal))


if __name__ == "__main__":
    unittest.main()
