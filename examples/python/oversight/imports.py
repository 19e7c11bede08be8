"""Reading files other systems write into a store (<oversight/c/import.h>):
PDF-exported plans (the seed format), Oversight's canonical plan JSON and
CSV, and the statutory returns (SSDA903, CIN Census, the social work
workforce census, Ofsted's Annex A). (`import` is a Python keyword, hence
`imports`.)

    plan_id, warnings = store.import_seed_plan("plan.txt", report_date="2012-09-14")
    counts = oversight.Casework(store).import_ssda903("ssda903/")
    summary = oversight.import_return(store, "cin", "cin-2022.xml")

Each import is one transaction and returns, or reports through, an import
summary (dict: "importer", "source", "counts", "issues"), every repair or
unused row an issue naming its file and line. The plan importers are
methods of oversight.Store, the SSDA903 import one of oversight.Casework.
"""
import ctypes

from ._lib import Date, Versioned, document, encode, fn, take_string

_P = ctypes.c_void_p
_S = ctypes.c_char_p
_U32, _TEXT = ctypes.c_uint32, ctypes.c_char_p
_OUT_S = ctypes.POINTER(ctypes.c_void_p)
_OUT_I64 = ctypes.POINTER(ctypes.c_int64)


class ImportOptions(Versioned):
    """oversight_import_options."""
    _fields_ = [("version", _U32), ("report_date", ctypes.POINTER(Date)), ("title", _TEXT), ("authority", _TEXT),
                ("recorded_by", _TEXT)]
    _init = "oversight_import_options_init"


_OPTS = ctypes.POINTER(ImportOptions)
_seed_plan = fn("oversight_import_seed_plan", [_P, _S, _OPTS, _OUT_I64, _OUT_S])
_plan_json = fn("oversight_import_plan_json", [_P, _S, _OPTS, _OUT_I64, _OUT_S])
_plan_csv = fn("oversight_import_plan_csv", [_P, _S, _OPTS, _OUT_I64, _OUT_S])
_ssda903 = fn("oversight_import_ssda903", [_P, _S, _OPTS, _OUT_S])


class ImportReturnOptions(Versioned):
    """oversight_import_return_options."""
    _fields_ = [("version", _U32), ("format", _TEXT), ("paths", ctypes.POINTER(ctypes.c_char_p)),
                ("path_count", ctypes.c_size_t), ("recorded_by", _TEXT)]
    _init = "oversight_import_return_options_init"


_return = fn("oversight_import_return", [_P, ctypes.POINTER(ImportReturnOptions), _OUT_S])


def import_return(store, format, *paths, recorded_by=None):
    """Imports the files of one statutory return in one transaction: format
    "ssda903" (a folder, or its CSV files), "cin", "csww" or "annex-a".
    Importing the same files again changes nothing. Returns the import
    summary (dict: "importer", "source", "counts", "issues"), every refused
    row or element an issue naming its file and line, element path or
    sheet!cell. Raises OversightError when no file could be read."""
    array = (ctypes.c_char_p * len(paths))(*[encode(str(p)) for p in paths])
    opts = ImportReturnOptions(format=format, path_count=len(paths), recorded_by=recorded_by)
    opts.set("paths", ctypes.cast(array, ctypes.POINTER(ctypes.c_char_p)))
    opts._keep.append(array)
    out = ctypes.c_void_p()
    _return(store._h(), ctypes.byref(opts), ctypes.byref(out))
    return document(take_string(out), "oversight-import-summary")


def _import_plan(f, store, source, report_date, title, authority):
    """Calls a plan importer; returns (plan id, the import summary dict)."""
    plan_id = ctypes.c_int64()
    summary = ctypes.c_void_p()
    opts = ImportOptions(report_date=report_date, title=title, authority=authority)
    f(store._h(), encode(source), ctypes.byref(opts), ctypes.byref(plan_id), ctypes.byref(summary))
    return plan_id.value, document(take_string(summary), "oversight-import-summary")


class PlanImportMethods:
    """The methods of oversight.Store that import plans."""

    def import_seed_plan(self, path, report_date=None, title=None, authority=None):
        """Imports the tab-separated export of a PDF plan. Returns
        (plan_id, warnings): every repair as an issue of the import summary
        ({"file", "line", "message", "severity", ...})."""
        plan_id, summary = self.import_seed_plan_summary(path, report_date, title, authority)
        return plan_id, summary["issues"]

    def import_seed_plan_summary(self, path, report_date=None, title=None, authority=None):
        """Imports the seed format; returns (plan_id, the import summary dict)."""
        return _import_plan(_seed_plan, self, str(path), report_date, title, authority)

    def import_json(self, text, report_date=None, title=None, authority=None):
        """Saves a plan given as canonical JSON text (the keywords replace the
        file's values when given); returns its id."""
        return self.import_json_summary(text, report_date, title, authority)[0]

    def import_json_summary(self, text, report_date=None, title=None, authority=None):
        """As import_json; returns (plan_id, the import summary dict)."""
        return _import_plan(_plan_json, self, text, report_date, title, authority)

    def import_csv(self, text, report_date=None, title=None, authority=None):
        """Saves a plan given as canonical CSV text; returns its id."""
        return self.import_csv_summary(text, report_date, title, authority)[0]

    def import_csv_summary(self, text, report_date=None, title=None, authority=None):
        """As import_csv; returns (plan_id, the import summary dict)."""
        return _import_plan(_plan_csv, self, text, report_date, title, authority)


class Ssda903ImportMethods:
    """The methods of oversight.Casework that import SSDA903 returns."""

    def import_ssda903(self, folder, recorded_by=None):
        """Imports an SSDA903 folder (header.csv, episodes.csv, reviews.csv);
        returns the counts (children_added, events_added,
        events_already_present, attributes_set) and the "warnings" (the
        issues of the import summary, each with file and line)."""
        summary = self.import_ssda903_summary(folder, recorded_by)
        return dict(summary["counts"], warnings=summary["issues"])

    def import_ssda903_summary(self, folder, recorded_by=None):
        """Imports an SSDA903 folder; returns the import summary document."""
        opts = ImportOptions(recorded_by=recorded_by)
        out = ctypes.c_void_p()
        _ssda903(self._h(), encode(str(folder)), ctypes.byref(opts), ctypes.byref(out))
        return document(take_string(out), "oversight-import-summary")
