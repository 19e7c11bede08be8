"""Compliance as of any date (<oversight/c/compliance.h>): every obligation
due in a period classified (met_on_time, met_late, overdue, due_soon,
not_yet_due, exempt) with the worker and team allocated when it fell due,
numerators and denominators by team, worker, rule and area, and the case
system's due dates (event attribute due_date) where they differ.

    cw = oversight.Casework(store)
    report = cw.compliance(as_of="2018-03-31")
    for g in report["groups"]:
        if g["by"] == "team":
            print(g["key"], g["numerator"], "/", g["denominator"], g["percent"])
    open("children.csv", "w").write(cw.compliance_csv(as_of="2018-03-31", children=True))
    with open("all.csv", "w", newline="") as f:   # a row at a time, however long the list
        cw.for_each_compliance_item(f.write, as_of="2018-03-31", format="csv")
    cw.keep_compliance(as_of="2018-03-31")   # the same report, read from the store from now on

These are methods of oversight.Casework, which holds the rule pack and the
calendar they use (None: the default England pack, England and Wales).
"""
import ctypes
import json

from . import _lib
from ._lib import Date, Versioned, call_string, document, fn
from .calendar import Calendar
from .rule_pack import RulePack

_P = ctypes.c_void_p
_U32, _TEXT, _INT = ctypes.c_uint32, ctypes.c_char_p, ctypes.c_int32
_DATE = ctypes.POINTER(Date)


class ComplianceOptions(Versioned):
    """oversight_compliance_options."""
    _fields_ = [("version", _U32), ("as_of", _DATE), ("period_from", _DATE), ("period_to", _DATE),
                ("window_working_days", _INT), ("recording_threshold_working_days", _INT), ("team", _TEXT),
                ("worker", _TEXT), ("rule", _TEXT), ("area", _TEXT), ("rule_pack", _P), ("calendar", _P),
                ("recount", _INT), ("explain", _INT), ("child", _TEXT)]
    _init = "oversight_compliance_options_init"
    VERSION = 4


class HostDueOptions(Versioned):
    """oversight_compliance_host_due_options."""
    _fields_ = [("version", _U32), ("as_of", _DATE), ("child_column", _TEXT), ("due_column", _TEXT), ("rule", _TEXT),
                ("rule_column", _TEXT), ("file", _TEXT), ("rule_pack", _P), ("calendar", _P),
                ("by_external_id", _INT)]
    _init = "oversight_compliance_host_due_options_init"
    VERSION = 1


_OPTIONS = ctypes.POINTER(ComplianceOptions)
_OUT_S = ctypes.POINTER(_P)
_json = fn("oversight_compliance_json", [_P, _OPTIONS, _OUT_S])
_csv = fn("oversight_compliance_csv", [_P, _OPTIONS, _INT, _TEXT, _OUT_S])
_text = fn("oversight_compliance_text", [_P, _OPTIONS, _INT, _TEXT, _OUT_S])
_keep = fn("oversight_compliance_keep", [_P, _OPTIONS, _OUT_S])
_kept = fn("oversight_compliance_kept_json", [_P, _OUT_S])
_forget = fn("oversight_compliance_forget", [_P, _TEXT, ctypes.POINTER(_INT)])
# oversight_compliance_row_fn: (context, row, length) -> 0 to go on.
_ROW_FN = ctypes.CFUNCTYPE(_INT, _P, ctypes.POINTER(ctypes.c_char), ctypes.c_size_t)
_for_each = fn("oversight_compliance_for_each_item",
               [_P, _OPTIONS, _TEXT, _ROW_FN, _P, ctypes.POINTER(ctypes.c_int64)])
_host_due = fn("oversight_compliance_host_due_json",
               [_P, ctypes.POINTER(HostDueOptions), ctypes.c_char_p, ctypes.c_size_t, _OUT_S])


class ComplianceMethods:
    """The methods of oversight.Casework that <oversight/c/compliance.h>
    gives (they use its `_pack` and `_calendar`)."""

    def _compliance_options(self, as_of, period_from, period_to, window, recording_threshold, team, worker, rule,
                            area, recount=False, explain=True, child=None):
        return ComplianceOptions(as_of=as_of or _lib.today(), period_from=period_from, period_to=period_to,
                                 window_working_days=window, recording_threshold_working_days=recording_threshold,
                                 team=team, worker=worker, rule=rule, area=area,
                                 rule_pack=_lib.handle_of(self._pack, RulePack),
                                 calendar=_lib.handle_of(self._calendar, Calendar), recount=1 if recount else 0,
                                 explain=1 if explain else 0, child=child)

    def compliance(self, as_of=None, period_from=None, period_to=None, window=10, recording_threshold=5, team=None,
                   worker=None, rule=None, area=None, recount=False, explain=True, child=None):
        """The oversight-compliance document as a dict: "groups" (numerator,
        denominator, percent, counts) and "items" (the child-level rows).
        The period defaults to the three months ending on `as_of`. A report
        kept with the same settings (keep_compliance) is read, unless
        `recount`: every case counted afresh. `explain=False`: every item's
        "explanation" is "" (several times faster; a "host_due" keeps its own).
        `child`: that child's rows alone, explained, their case counted
        afresh in milliseconds (the explanations behind a row of a list read
        unexplained)."""
        handle = self._h()
        o = self._compliance_options(as_of, period_from, period_to, window, recording_threshold, team, worker, rule,
                                     area, recount, explain, child)
        return document(call_string(_json, handle, ctypes.byref(o)), "oversight-compliance")

    def compliance_csv(self, as_of=None, children=False, by=None, **kwargs):
        """CSV: the child-level rows (`children`), or the groups of `by`
        ("team", "worker", "rule", "area", "overall"; None: all)."""
        handle = self._h()
        o = self._compliance_options(as_of, *self._rest(kwargs))
        return call_string(_csv, handle, ctypes.byref(o), 1 if children else 0, _lib.encode(by) if by else None)

    def compliance_text(self, as_of=None, children=False, by=None, **kwargs):
        """Plain text: the groups, the child-level rows with `children`, and
        every host due-date disagreement with both explanations."""
        handle = self._h()
        o = self._compliance_options(as_of, *self._rest(kwargs))
        return call_string(_text, handle, ctypes.byref(o), 1 if children else 0, _lib.encode(by) if by else None)

    def for_each_compliance_item(self, row, as_of=None, format="json", **kwargs):
        """The child-level rows of the same report, one at a time in its
        order: row(item) for each, `item` a dict as in compliance()'s
        "items" (format "json") or one CRLF-terminated CSV line as in
        compliance_csv(children=True) (format "csv": the header line
        first). Read from a kept report, memory does not grow with the
        number of rows (a council's whole list written as it is read).
        `row` returning True stops the reading; an exception it raises
        stops it and is raised here. `row` must not use this store (the
        rows are read on one snapshot of it). Returns the number of item
        rows."""
        handle = self._h()
        o = self._compliance_options(as_of, *self._rest(kwargs))
        as_json = format in (None, "json")
        raised = []

        def hand(_context, text, length):
            try:
                line = ctypes.string_at(text, length).decode("utf-8")
                return 1 if row(json.loads(line) if as_json else line) is True else 0
            except BaseException as e:  # passed on after the C call returns
                raised.append(e)
                return 1

        callback = _ROW_FN(hand)
        count = ctypes.c_int64()
        _for_each(handle, ctypes.byref(o), _lib.encode(format), callback, None, ctypes.byref(count))
        if raised:
            raise raised[0]
        return count.value

    def keep_compliance(self, as_of=None, **kwargs):
        """Keeps the report of these settings in the store (its filters
        aside), or brings the kept one up to date: later reports with the
        same settings read it, counting again only the cases changed since.
        Returns the kept report's entry: "key", "as_of", "period",
        "history_sequence", "rebuilt", "cases_counted", ..."""
        handle = self._h()
        o = self._compliance_options(as_of, *self._rest(kwargs))
        return document(call_string(_keep, handle, ctypes.byref(o)), "oversight-kept-compliance")["kept"][0]

    def kept_compliance(self):
        """The reports kept in the store (a list of entries as above)."""
        return document(call_string(_kept, self._h()), "oversight-kept-compliance")["kept"]

    def forget_kept_compliance(self, key):
        """Removes a kept report; False when no report has that key."""
        gone = _INT()
        _forget(self._h(), _lib.encode(key), ctypes.byref(gone))
        return gone.value == 1

    def check_host_due_dates(self, csv_text, as_of=None, rule=None, child_column="child", due_column="due",
                             rule_column="rule", file=None, by_external_id=False):
        """A case system's extract of due dates (CSV text or bytes with a
        header row: a child column, a due-date column and, unless `rule` names
        every row's rule id or rule area, a rule column) checked against the
        obligations open as of `as_of` (the day the extract was taken): the
        oversight-host-due-dates document as a dict, "counts" by verdict and
        "rows" ("verdict": agrees, differs, not_a_date, no_open_obligation,
        unknown_child, unknown_rule, not_counted, blank; "ours": the open
        obligation compared, explained). `by_external_id`: the child column
        holds the case system's own child ids."""
        handle = self._h()
        data = csv_text.encode("utf-8") if isinstance(csv_text, str) else bytes(csv_text)
        o = HostDueOptions(as_of=as_of or _lib.today(), child_column=child_column, due_column=due_column, rule=rule,
                           rule_column=rule_column, file=file, rule_pack=_lib.handle_of(self._pack, RulePack),
                           calendar=_lib.handle_of(self._calendar, Calendar), by_external_id=1 if by_external_id else 0)
        return document(call_string(_host_due, handle, ctypes.byref(o), data, len(data)), "oversight-host-due-dates")

    @staticmethod
    def _rest(kwargs):
        names = ("period_from", "period_to", "window", "recording_threshold", "team", "worker", "rule", "area",
                 "recount", "explain", "child")
        unknown = set(kwargs) - set(names)
        if unknown:
            raise TypeError("unexpected keyword argument(s): " + ", ".join(sorted(unknown)))
        defaults = {"window": 10, "recording_threshold": 5, "recount": False, "explain": True}
        return [kwargs.get(n, defaults.get(n)) for n in names]
