"""import_return (examples/python/oversight/imports.py) over liboversight_c:
every statutory return format from the project's own fixtures, twice."""
import os
import unittest

import oversight
from oversight import Casework, OversightError, Store

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")
INVALID_ARG, IO, PARSE = 1, 3, 5


class ImportReturnTest(unittest.TestCase):
    def test_every_format_twice(self):
        cases = [("cin", [os.path.join(DATA, "cin_census_sample", "cin_sample.xml")], "cin-census", "events_added"),
                 ("csww", [os.path.join(DATA, "csww_sample", "return.xml")], "csww", "appointments_added"),
                 ("annex-a", [os.path.join(DATA, "annex_a_sample", "sample.xlsx")], "annex-a", "allocations_added"),
                 ("ssda903", [os.path.join(DATA, "ssda903_sample", name)
                              for name in ("header.csv", "episodes.csv", "reviews.csv")], "ssda903", "events_added")]
        with Store() as store:
            for fmt, paths, importer, count in cases:
                with self.subTest(fmt):
                    first = oversight.import_return(store, fmt, *paths, recorded_by="python test")
                    self.assertEqual(first["importer"], importer)
                    self.assertGreater(first["counts"][count], 0)
                    self.assertEqual(first["counts"]["files_read"], 1)
                    second = oversight.import_return(store, fmt, *paths)
                    self.assertEqual(second["counts"][count], 0)
            children = {c["child"] for c in Casework(store).children()}
            self.assertIn("CIN001", children)
            self.assertTrue(any(c["worker"] for c in Casework(store).children()))

    def test_issues_and_failures(self):
        with Store() as store:
            damaged = os.path.join(DATA, "cin_census_sample", "cin_damaged.xml")
            missing = os.path.join(DATA, "no_such_file.xml")
            summary = oversight.import_return(store, "cin", damaged, missing)
            self.assertEqual(summary["counts"]["files_not_read"], 1)
            self.assertTrue(all(i["file"] for i in summary["issues"]))
            self.assertTrue(any(i["severity"] == "error" and i["path"].startswith("/Message/Children/Child")
                                for i in summary["issues"]))
            with self.assertRaises(OversightError) as e:
                oversight.import_return(store, "cin", missing)
            self.assertEqual(e.exception.status, IO)
            with self.assertRaises(OversightError) as e:
                oversight.import_return(store, "pdf", damaged)
            self.assertEqual(e.exception.status, INVALID_ARG)
            with self.assertRaises(OversightError) as e:
                oversight.import_return(store, "cin")
            self.assertEqual(e.exception.status, INVALID_ARG)
            with self.assertRaises(OversightError) as e:
                oversight.import_return(store, "annex-a", damaged)
            self.assertEqual(e.exception.status, PARSE)


if __name__ == "__main__":
    unittest.main()
