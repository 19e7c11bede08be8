"""Complaints under the Children Act 1989 Representations Procedure (England)
Regulations 2006 (<oversight/c/complaints.h>): each stage against its
statutory timescale in working days, the open list and the quarterly
lessons-learnt summary.

    store.add_complaint("CMP-1", "2012-08-20", category="communication")
    store.respond_to_complaint("CMP-1", "2012-09-03", "not_upheld")
    store.open_complaints(as_of="2012-09-07")          # [{"reference", "due", "state", ...}]
    store.complaint_lessons("2012Q3")["stages"][0]["in_time"]

These are methods of oversight.Store. `rules` is a ComplaintRules (None: the
regulations' timescales on the England and Wales calendar).
"""
import ctypes

from . import _lib
from ._lib import Date, Versioned, call_string, document, encode, fn

_P = ctypes.c_void_p
_U32, _TEXT, _INT = ctypes.c_uint32, ctypes.c_char_p, ctypes.c_int32
_DP = ctypes.POINTER(Date)
_OUT_S = ctypes.POINTER(_P)


class ComplaintRules(Versioned):
    """oversight_complaints_rules."""
    _fields_ = [("version", _U32), ("stage2_clock_from_request", _INT), ("stage1_days", _INT),
                ("stage1_extended_days", _INT), ("stage2_days", _INT), ("stage2_extended_days", _INT),
                ("panel_days", _INT), ("panel_report_days", _INT), ("authority_days", _INT), ("calendar", _P)]
    _init = "oversight_complaints_rules_init"


_RULES = ctypes.POINTER(ComplaintRules)
_add = fn("oversight_complaints_add", [_P, _TEXT, Date, _TEXT, _TEXT, ctypes.POINTER(ctypes.c_int64)])
_extend = fn("oversight_complaints_extend", [_P, _TEXT])
_respond = fn("oversight_complaints_respond", [_P, _TEXT, Date, _TEXT])
_escalate = fn("oversight_complaints_escalate", [_P, _TEXT, Date, _DP])
_record_panel = fn("oversight_complaints_record_panel", [_P, _TEXT, Date, _DP])
_set_lessons = fn("oversight_complaints_set_lessons", [_P, _TEXT, _TEXT])
_open_json = fn("oversight_complaints_open_json", [_P, _DP, _RULES, _INT, _OUT_S])
_lessons_json = fn("oversight_complaints_lessons_json", [_P, _TEXT, _RULES, _INT, _OUT_S])


def _opt_date(value):
    return None if value is None else ctypes.byref(Date.of(value))


def _rules(rules):
    return None if rules is None else ctypes.byref(rules)


class ComplaintMethods:
    """The methods of oversight.Store that <oversight/c/complaints.h> gives."""

    def add_complaint(self, reference, received, child_id=None, category=None):
        """Records a complaint received on `received`; returns its id."""
        out = ctypes.c_int64()
        _add(self._h(), encode(reference), Date.of(received), encode(child_id), encode(category), ctypes.byref(out))
        return out.value

    def extend_complaint(self, reference):
        """Extends the current stage (1: to 20, 2: to 65 working days)."""
        _extend(self._h(), encode(reference))

    def respond_to_complaint(self, reference, response, outcome):
        """Records the response to the current stage: outcome "upheld",
        "partly_upheld", "not_upheld" or "withdrawn"."""
        _respond(self._h(), encode(reference), Date.of(response), encode(outcome))

    def escalate_complaint(self, reference, requested, statement_agreed=None):
        """The complainant asks for the next stage on `requested`."""
        _escalate(self._h(), encode(reference), Date.of(requested), _opt_date(statement_agreed))

    def record_complaint_panel(self, reference, meeting, report=None):
        """Records the stage 3 panel meeting and, if given, its report."""
        _record_panel(self._h(), encode(reference), Date.of(meeting), _opt_date(report))

    def set_complaint_lessons(self, reference, lessons):
        """Sets the lessons learnt ("" clears them)."""
        _set_lessons(self._h(), encode(reference), encode(lessons))

    def open_complaints(self, as_of=None, rules=None, csv=False):
        """The open complaints as of `as_of` (default today): a list of dicts,
        or CSV text with csv=True."""
        text = call_string(_open_json, self._h(), _opt_date(as_of), _rules(rules), 1 if csv else 0)
        return text if csv else document(text, "oversight-complaints")["complaints"]

    def complaint_lessons(self, quarter, rules=None, text=False):
        """The lessons-learnt summary of `quarter` ("2012Q3"): the document as
        a dict, or plain text with text=True."""
        out = call_string(_lessons_json, self._h(), encode(quarter), _rules(rules), 1 if text else 0)
        return out if text else document(out, "oversight-complaint-lessons")
