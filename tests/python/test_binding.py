"""The binding's own guarantees: wrong handle kinds and out-of-range integers
are refused in Python before they can reach C; core functions are declared."""
import ctypes
import datetime
import os
import re
import unittest

import oversight
from oversight import _lib
from oversight.plan import PlanSettings
from oversight.reminders import IcsOptions, ReminderQuery
from oversight.report import ReportOptions
from oversight.store import StoreOptions
from oversight import Calendar, Casework, OversightError, RulePack, Store

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.environ.get("OVERSIGHT_PROJECT_DIR", os.path.join(HERE, "..", ".."))


def exported_symbols():
    """Every function of liboversight_c (capi/symbols.txt)."""
    with open(os.path.join(PROJECT, "capi", "symbols.txt"), encoding="utf-8") as f:
        return [line.split()[0] for line in f if line.startswith("oversight_")]


def all_mirrors():
    """Every versioned struct mirror the package defines."""
    found, todo = set(), [_lib.Versioned]
    while todo:
        for sub in todo.pop().__subclasses__():
            found.add(sub)
            todo.append(sub)
    return found


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
        # Every versioned struct of the C API has a mirror: the library's _init
        # writes exactly sizeof(the C struct) bytes; a mirror shorter than the
        # C struct would let it write past the end (caught by the guard bytes),
        # and the defaults must land on the mirror's members.
        mirrors = all_mirrors()
        self.assertEqual({cls._init for cls in mirrors}, {s for s in exported_symbols() if s.endswith("_init")})
        for cls in mirrors:
            with self.subTest(cls.__name__):
                size = ctypes.sizeof(cls)
                buf = ctypes.create_string_buffer(b"\xab" * (size + 64), size + 64)
                init = _lib.lib[cls._init]  # a fresh function object: the binding's keeps its argtypes
                init.argtypes = [ctypes.c_void_p, ctypes.c_uint32]
                self.assertEqual(init(ctypes.cast(buf, ctypes.c_void_p), cls.VERSION), 0)
                self.assertEqual(buf.raw[size:], b"\xab" * 64, "the C struct is larger than the mirror")
                self.assertEqual(cls.from_buffer_copy(buf.raw[:size]).version, cls.VERSION)
        # A caller built with the version 1 event header has a shorter struct:
        # _init(…, 1) writes none of version 2's external_id.
        from oversight.casework import Event
        v1_size = Event.external_id.offset
        buf = ctypes.create_string_buffer(b"\xab" * (v1_size + 64), v1_size + 64)
        init = _lib.lib["oversight_casework_event_init"]
        init.argtypes = [ctypes.c_void_p, ctypes.c_uint32]
        self.assertEqual(init(ctypes.cast(buf, ctypes.c_void_p), 1), 0)
        self.assertEqual(buf.raw[v1_size:], b"\xab" * 64, "a version 1 event is written past its end")
        self.assertEqual(Event.from_buffer_copy(buf.raw[:v1_size] + bytes(ctypes.sizeof(Event) - v1_size)).version, 1)
        self.assertEqual(ReportOptions().within_days, -1)
        self.assertEqual(StoreOptions().busy_timeout_ms, 5000)
        self.assertEqual(PlanSettings().stale_update_days, 90)
        self.assertEqual(ReminderQuery().within_working_days, 10)
        self.assertEqual(IcsOptions().alarm_days, 2)
        with self.assertRaises(OversightError):
            _lib.fn("oversight_report_options_init", [ctypes.POINTER(ReportOptions), ctypes.c_uint32])(
                ctypes.byref(ReportOptions()), ReportOptions.VERSION + 1)

    def test_every_exported_function_is_declared_in_its_area_module(self):
        # capi/symbols.txt lists every function of liboversight_c; the binding
        # declares each (argtypes, restype, errcheck), the _init ones through
        # their struct mirrors. One module per area header: oversight.<area>
        # declares the functions of <oversight/c/<area>.h> (oversight.imports:
        # import.h), oversight._lib those of base.h and date.h.
        module_of = {name: module for name, module in _lib.declared.items() if not name.endswith("_init")}
        module_of.update({cls._init: cls.__module__ for cls in all_mirrors()})
        self.assertEqual(sorted(set(exported_symbols()) ^ set(module_of)), [])
        for name, module in module_of.items():
            area = module.rpartition(".")[2].replace("imports", "import")
            with self.subTest(name):
                if area == "_lib":
                    self.assertTrue(re.match(r"oversight_(date_|status_|last_error_|version_|abi_|free$)", name))
                else:
                    self.assertTrue(name.startswith("oversight_" + area + "_"), module)

    @unittest.skipUnless(os.environ.get("OVERSIGHT_LIBRARY"), "OVERSIGHT_LIBRARY not set")
    def test_the_library_named_by_oversight_library_is_loaded_first(self):
        # (The installed package's own lookup is checked by tests/install/run.sh.)
        self.assertEqual(os.path.realpath(oversight.library_path()),
                         os.path.realpath(os.environ["OVERSIGHT_LIBRARY"]))

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
