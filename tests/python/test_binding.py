"""The binding's own guarantees: wrong handle kinds and out-of-range integers
are refused in Python before they can reach C; core functions are declared."""
import ctypes
import datetime
import unittest

import oversight
from oversight import _lib
from oversight import Calendar, Casework, OversightError, RulePack, Store


class BindingTest(unittest.TestCase):
    def test_a_handle_of_the_wrong_kind_never_reaches_c(self):
        # Each of these used to pass one C struct where another was expected.
        with Store() as store, RulePack.default() as pack, Calendar() as cal:
            with self.assertRaises(TypeError):
                pack.due("lac.review.first", "2012-08-24", calendar=pack)
            with self.assertRaises(TypeError):
                Casework(store, rule_pack=store).reminders(as_of="2012-10-12")
            with self.assertRaises(TypeError):
                Casework(store, calendar=pack).reminders(as_of="2012-10-12")
            with self.assertRaises(TypeError):
                Casework(cal).children()
            # The right kinds work.
            self.assertEqual(str(pack.due("lac.review.first", "2012-08-24", calendar=cal)), "2012-09-24")
            self.assertEqual(Casework(store, rule_pack=pack, calendar=cal).children(), [])

    def test_integers_out_of_range_are_refused_not_truncated(self):
        # ctypes reports a refused argument as ArgumentError, naming the cause.
        with Calendar() as cal:
            self.assertEqual(str(cal.add_working_days("2024-03-01", 1)), "2024-03-04")
            with self.assertRaisesRegex(ctypes.ArgumentError, "does not fit in int32_t"):
                cal.add_working_days("2024-03-01", 2 ** 32 + 1)
            with self.assertRaisesRegex(ctypes.ArgumentError, "does not fit in int32_t"):
                cal.holidays(-2 ** 31 - 1)
            with self.assertRaises(ValueError):
                cal.add_working_days("2024-03-01", "one")
        with Store() as store:
            with self.assertRaisesRegex(ctypes.ArgumentError, "does not fit in int64_t"):
                store.export_json(plan_id=2 ** 63)

    def test_struct_mirrors_match_the_library(self):
        # Every versioned struct the binding mirrors: the library's _init
        # writes exactly sizeof(the C struct) bytes; a mirror shorter than the
        # C struct would let it write past the end (caught by the guard bytes),
        # and the defaults must land on the mirror's members.
        from oversight import calendar, casework, plan
        mirrors = {c for m in (calendar, casework, plan) for c in vars(m).values()
                   if isinstance(c, type) and issubclass(c, _lib.Versioned) and c is not _lib.Versioned}
        self.assertEqual(len(mirrors), 20)
        for cls in mirrors:
            with self.subTest(cls.__name__):
                size = ctypes.sizeof(cls)
                buf = ctypes.create_string_buffer(b"\xab" * (size + 64), size + 64)
                init = _lib.fn(cls._init, [ctypes.c_void_p, ctypes.c_uint32])
                init(ctypes.cast(buf, ctypes.c_void_p), cls.VERSION)
                self.assertEqual(buf.raw[size:], b"\xab" * 64, "the C struct is larger than the mirror")
                self.assertEqual(cls.from_buffer_copy(buf.raw[:size]).version, 1)
        self.assertEqual(plan.ReportOptions().within_days, -1)
        self.assertEqual(plan.StoreOptions().busy_timeout_ms, 5000)
        self.assertEqual(plan.PlanSettings().stale_update_days, 90)
        self.assertEqual(casework.ReminderQuery().within_working_days, 10)
        self.assertEqual(casework.IcsOptions().alarm_days, 2)
        with self.assertRaises(OversightError):
            _lib.fn("oversight_report_options_init", [ctypes.POINTER(plan.ReportOptions), ctypes.c_uint32])(
                ctypes.byref(plan.ReportOptions()), 2)

    def test_core_functions(self):
        self.assertEqual(_lib.status_string(2), "not found")
        self.assertEqual(_lib.status_string(0), "ok")
        self.assertGreaterEqual(_lib.version_number(), 10000)
        self.assertEqual(oversight.abi_version(), _lib.ABI_VERSION)
        self.assertIsInstance(_lib.today(), datetime.date)
        self.assertEqual(_lib.format_date(datetime.date(2012, 10, 12)), "2012-10-12")
        with self.assertRaises(OversightError) as e:
            _lib.format_date(_lib.Date(2023, 2, 29))
        self.assertEqual(e.exception.status, 1)
        self.assertIn("2023-02-29", str(e.exception))


if __name__ == "__main__":
    unittest.main()
