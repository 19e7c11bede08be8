"""Reports on an improvement plan (<oversight/c/report.h>).

    print(store.report("2012-10-12", kind="due", fmt="md", within_days=14))
    open("plan.xlsx", "wb").write(store.report_bytes("2012-10-12", fmt="xlsx"))

Kinds "full", "plan", "due", "leads", "costs", "board", "dashboard", and the
store's measures, which read no plan: "compliance", "audits", "supervision";
formats "text", "md", "csv",
"json" (one document, "format": "oversight-document": headings, paragraphs,
tables of typed cells, charts), "html" (one self-contained page) and, through
report_bytes only, "xlsx" (a workbook). Store.report and Store.report_bytes are
methods of oversight.Store (ReportMethods is one of its bases).
"""
import ctypes

from . import _lib
from ._lib import Date, Versioned, call_string, fn

_U32, _TEXT, _INT = ctypes.c_uint32, ctypes.c_char_p, ctypes.c_int32
MEASURE_KINDS = ("compliance", "audits", "audit", "supervision")


class ReportOptions(Versioned):
    """oversight_report_options (within_days -1: the plan's setting)."""
    _fields_ = [("version", _U32), ("kind", _TEXT), ("format", _TEXT), ("as_of", ctypes.POINTER(Date)),
                ("within_days", _INT), ("since", ctypes.POINTER(Date))]
    _init = "oversight_report_options_init"
    VERSION = 2


_report = fn("oversight_report_plan", [ctypes.c_void_p, _lib.Int64, ctypes.POINTER(ReportOptions),
                                       ctypes.POINTER(ctypes.c_void_p)])
_report_bytes = fn("oversight_report_plan_bytes", [ctypes.c_void_p, _lib.Int64, ctypes.POINTER(ReportOptions),
                                                   ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_size_t)])


class ReportMethods:
    """The method of oversight.Store that <oversight/c/report.h> gives."""

    def report(self, as_of=None, kind="full", fmt="text", within_days=None, plan_id=None, since=None):
        """One report as text (fmt "text", "md", "csv", "json" or "html"); as_of
        None is today; within_days None is the plan's due_soon_days; since is
        the previous report's date (what changed after it), None for none.
        The kinds "compliance", "audits" and "supervision" report the store's
        measures and read no plan."""
        opts = ReportOptions(kind=kind, format=fmt, as_of=as_of, since=since,
                             within_days=-1 if within_days is None else within_days)
        return call_string(_report, self._h(), self._report_plan(kind, plan_id), ctypes.byref(opts))

    def _report_plan(self, kind, plan_id):
        """The plan a report reads: none (0) for the measure kinds."""
        if plan_id is None and str(kind).strip().lower() in MEASURE_KINDS:
            return 0
        return self._plan(plan_id)

    def report_bytes(self, as_of=None, kind="full", fmt="xlsx", within_days=None, plan_id=None, since=None):
        """One report as bytes, in any format ("xlsx" too); the arguments as report's."""
        opts = ReportOptions(kind=kind, format=fmt, as_of=as_of, since=since,
                             within_days=-1 if within_days is None else within_days)
        out, size = ctypes.c_void_p(), ctypes.c_size_t()
        _report_bytes(self._h(), self._report_plan(kind, plan_id), ctypes.byref(opts), ctypes.byref(out), ctypes.byref(size))
        try:
            return ctypes.string_at(out.value, size.value) if out.value else b""
        finally:
            _lib.lib.oversight_free(out.value)
