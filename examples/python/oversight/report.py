"""Reports on an improvement plan (<oversight/c/report.h>).

    print(store.report("2012-10-12", kind="due", fmt="md", within_days=14))

Kinds "full", "plan", "due", "leads", "costs"; formats "text", "md", "csv",
"json" (one document, "format": "oversight-document": headings, paragraphs,
tables of typed cells, charts), "html". Store.report is a
method of oversight.Store (ReportMethods is one of its bases).
"""
import ctypes

from . import _lib
from ._lib import Date, Versioned, call_string, fn

_U32, _TEXT, _INT = ctypes.c_uint32, ctypes.c_char_p, ctypes.c_int32


class ReportOptions(Versioned):
    """oversight_report_options (within_days -1: the plan's setting)."""
    _fields_ = [("version", _U32), ("kind", _TEXT), ("format", _TEXT), ("as_of", ctypes.POINTER(Date)),
                ("within_days", _INT)]
    _init = "oversight_report_options_init"


_report = fn("oversight_report_plan", [ctypes.c_void_p, _lib.Int64, ctypes.POINTER(ReportOptions),
                                       ctypes.POINTER(ctypes.c_void_p)])


class ReportMethods:
    """The method of oversight.Store that <oversight/c/report.h> gives."""

    def report(self, as_of=None, kind="full", fmt="text", within_days=None, plan_id=None):
        """One report as text (fmt "text", "md", "csv" or "json"); as_of None
        is today; within_days None is the plan's due_soon_days."""
        opts = ReportOptions(kind=kind, format=fmt, as_of=as_of, within_days=-1 if within_days is None else within_days)
        return call_string(_report, self._h(), self._plan(plan_id), ctypes.byref(opts))
