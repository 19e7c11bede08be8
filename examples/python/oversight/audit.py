"""Audits (<oversight/c/audit.h>): audit programmes with their cycle, owner,
grading scale and sampling rule; reproducible samples (SplitMix64: the same
seed, the same sample); audits recorded from a dict (the
"oversight-audit-record" document); results with 95% Wilson intervals; the
trend of a programme; recommendations as tracked actions; reminders of the
programmes due for their owners.

    store.add_audit_programme("PEP audit", "pep", owner="Virtual School Head",
                              cycle="quarterly", scale="two_point")
    store.record_audit({"reference": "PEP-2012-08", "programme": "PEP audit",
                        "held": "2012-08-23", "recorded": "2012-08-30",
                        "counts": {"satisfactory": 8, "inadequate": 10}})
    store.audit_result("PEP-2012-08")["positive"]       # {"k": 8, "n": 18, "share", "low", "high"}
    store.audit_trend("PEP audit")["verdict"]           # "too_few", "too_small", "rising", "falling"

These are methods of oversight.Store.
"""
import ctypes
import json

from ._lib import Date, Versioned, call_string, document, encode, fn

_P = ctypes.c_void_p
_U32, _TEXT, _INT = ctypes.c_uint32, ctypes.c_char_p, ctypes.c_int32
_DP = ctypes.POINTER(Date)
_OUT_S = ctypes.POINTER(_P)
_OUT_ID = ctypes.POINTER(ctypes.c_int64)
_DBL = ctypes.POINTER(ctypes.c_double)


class ProgrammeOptions(Versioned):
    """oversight_audit_programme_options."""
    _fields_ = [("version", _U32), ("type", _TEXT), ("cycle", _TEXT), ("owner", _TEXT), ("scale", _TEXT),
                ("per_stratum", _INT), ("stratify", _TEXT), ("attribute", _TEXT), ("exclusion_months", _INT),
                ("next_due", _DP)]
    _init = "oversight_audit_programme_options_init"


_programme_add = fn("oversight_audit_programme_add", [_P, _TEXT, ctypes.POINTER(ProgrammeOptions), _OUT_ID])
_programme_set_due = fn("oversight_audit_programme_set_due", [_P, _TEXT, _DP])
_programmes_json = fn("oversight_audit_programmes_json", [_P, _OUT_S])
_sample_json = fn("oversight_audit_sample_json", [_P, _TEXT, _DP, ctypes.c_uint64, _OUT_S])
_record_json = fn("oversight_audit_record_json", [_P, _TEXT, _P, _OUT_ID])
_complete = fn("oversight_audit_complete_recommendation", [_P, _TEXT, _INT, Date])
_link = fn("oversight_audit_link_plan_action", [_P, _TEXT, ctypes.c_int64, _TEXT])
_result_json = fn("oversight_audit_result_json", [_P, _TEXT, _INT, _OUT_S])
_trend_json = fn("oversight_audit_trend_json", [_P, _TEXT, _INT, _OUT_S])
_actions_json = fn("oversight_audit_actions_json", [_P, _DP, _INT, _OUT_S])
_reminders_json = fn("oversight_audit_reminders_json", [_P, _DP, _INT, _TEXT, _OUT_S])
_wilson = fn("oversight_audit_wilson", [_INT, _INT, _DBL, _DBL, _DBL])


def _opt_date(value):
    return None if value is None else ctypes.byref(Date.of(value))


def wilson(k, n):
    """k of n: (share, low, high) with the 95% Wilson interval."""
    share, low, high = ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    _wilson(k, n, ctypes.byref(share), ctypes.byref(low), ctypes.byref(high))
    return share.value, low.value, high.value


class AuditMethods:
    """The methods of oversight.Store that <oversight/c/audit.h> gives."""

    def add_audit_programme(self, name, type, owner, cycle=None, scale=None, per_stratum=0, stratify=None,
                            attribute=None, exclusion_months=12, next_due=None):
        """Adds an audit programme; returns its id. `scale`: "ofsted" (the
        default), "two_point" or "a, b | c, d"; `stratify`: None, "team",
        "worker", "attribute" (then `attribute` names the case attribute) or
        "manager" (the line manager of the case's worker on the day drawn)."""
        opts = ProgrammeOptions(type=type, cycle=cycle, owner=owner, scale=scale, per_stratum=per_stratum,
                                stratify=stratify, attribute=attribute, exclusion_months=exclusion_months,
                                next_due=next_due)
        out = ctypes.c_int64()
        _programme_add(self._h(), encode(name), ctypes.byref(opts), ctypes.byref(out))
        return out.value

    def set_audit_programme_due(self, name, due):
        """Sets the programme's next due date (None clears it)."""
        _programme_set_due(self._h(), encode(name), _opt_date(due))

    def audit_programmes(self):
        """Every programme: a list of dicts."""
        return document(call_string(_programmes_json, self._h()), "oversight-audit-programmes")["programmes"]

    def audit_sample(self, programme, seed, as_of=None):
        """Draws the programme's sample of the cases open on `as_of` (default
        today) with `seed`: the "oversight-audit-sample" document."""
        return document(call_string(_sample_json, self._h(), encode(programme), _opt_date(as_of), seed),
                        "oversight-audit-sample")

    def record_audit(self, record, calendar=None):
        """Records an audit from a dict (or JSON text) of the
        "oversight-audit-record" document ("format" and "version" added when
        missing); returns its id."""
        if isinstance(record, dict):
            record = dict({"format": "oversight-audit-record", "version": 1}, **record)
            record = json.dumps(record)
        out = ctypes.c_int64()
        _record_json(self._h(), encode(record), None if calendar is None else calendar._h(), ctypes.byref(out))
        return out.value

    def complete_audit_recommendation(self, reference, number, completed):
        """Marks recommendation `number` (from 1) done on `completed`."""
        _complete(self._h(), encode(reference), number, Date.of(completed))

    def link_audit_to_plan_action(self, reference, plan_id, action):
        """Links the audit to plan action `action` ("4.1") of plan `plan_id`."""
        _link(self._h(), encode(reference), plan_id, encode(action))

    def audit_result(self, reference, text=False):
        """The audit's results: the "oversight-audit-result" document, or plain text."""
        out = call_string(_result_json, self._h(), encode(reference), 1 if text else 0)
        return out if text else document(out, "oversight-audit-result")

    def audit_trend(self, programme, text=False):
        """The programme's trend: the "oversight-audit-trend" document, or plain text."""
        out = call_string(_trend_json, self._h(), encode(programme), 1 if text else 0)
        return out if text else document(out, "oversight-audit-trend")

    def audit_actions(self, as_of=None, open_only=False):
        """The recommendations as tracked actions, overdue first: a list of dicts."""
        out = call_string(_actions_json, self._h(), _opt_date(as_of), 1 if open_only else 0)
        return document(out, "oversight-audit-actions")["actions"]

    def audit_reminders(self, as_of=None, window_days=14, owner=None):
        """The programmes due within `window_days` of `as_of`, for `owner`
        (None: everyone's): a list of dicts."""
        out = call_string(_reminders_json, self._h(), _opt_date(as_of), window_days, encode(owner))
        return document(out, "oversight-audit-reminders")["reminders"]
