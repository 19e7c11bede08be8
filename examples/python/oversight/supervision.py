"""Supervision of social workers (<oversight/c/supervision.h>): the
supervision standard (how often each role is supervised, by tenure, and the
quality criteria; the default England standard, a local TOML file layered
on top), supervision records and supervision compliance as of any date.

    store.record_supervision({"supervisee": "Ann Newby", "supervisor": "Tom Reed",
                              "held": "2025-03-24", "criteria": ["reflective"],
                              "actions": [{"text": "Update the chronology", "owner": "Ann Newby",
                                           "due": "2025-03-31"}]})
    store.supervision_report(as_of="2025-04-01")["workers"][0]["held_in_time"]
    store.supervisions("2025-01-01", "2025-03-31")           # for an audit's sample
    store.supervision_standard()["criteria"]
    store.supervision_audit("2025-01-01", "2025-03-31", per_supervisor=2, seed=7)["criteria"]
    store.supervision_reminders(as_of="2025-04-01", window_days=14, supervisor="Tom Reed")

These are methods of oversight.Store. `options` is a SupervisionOptions,
e.g. SupervisionOptions(local_standard="riverside.toml") (None: the default
standard on the England and Wales calendar).
"""
import ctypes
import json

from ._lib import Date, Versioned, call_string, document, encode, fn

_P = ctypes.c_void_p
_U32, _TEXT, _INT = ctypes.c_uint32, ctypes.c_char_p, ctypes.c_int32
_DP = ctypes.POINTER(Date)
_OUT_S = ctypes.POINTER(_P)


class SupervisionOptions(Versioned):
    """oversight_supervision_options: `local_standard` is the path of a local
    standard (TOML) layered on the default; `calendar` a Calendar's _h()."""
    _fields_ = [("version", _U32), ("local_standard", _TEXT), ("calendar", _P)]
    _init = "oversight_supervision_options_init"


class SupervisionAuditOptions(Versioned):
    """oversight_supervision_audit_options: the sessions held from `from`
    to `to`, n per supervisor or n in all (0: every session), the seed, and
    how many criteria make a session satisfactory (0: all of them)."""
    _fields_ = [("version", _U32), ("from", Date), ("to", Date), ("per_supervisor", _INT),
                ("sample_size", _INT), ("min_criteria", _INT), ("seed", ctypes.c_uint64)]
    _init = "oversight_supervision_audit_options_init"


_OPTS = ctypes.POINTER(SupervisionOptions)
_standard_json = fn("oversight_supervision_standard_json", [_OPTS, _OUT_S])
_record = fn("oversight_supervision_record", [_P, _TEXT, _OPTS, ctypes.POINTER(ctypes.c_int64)])
_list_json = fn("oversight_supervision_list_json", [_P, Date, Date, _TEXT, _OUT_S])
_report = fn("oversight_supervision_report", [_P, _DP, _DP, _OPTS, _INT, _OUT_S])
_audit_json = fn("oversight_supervision_audit_json",
                 [_P, ctypes.POINTER(SupervisionAuditOptions), _OPTS, _INT, _OUT_S])
_reminders_json = fn("oversight_supervision_reminders_json", [_P, _DP, _INT, _TEXT, _OPTS, _OUT_S])


def _opt_date(value):
    return None if value is None else ctypes.byref(Date.of(value))


def _options(options):
    return None if options is None else ctypes.byref(options)


class SupervisionMethods:
    """The methods of oversight.Store that <oversight/c/supervision.h> gives."""

    def supervision_standard(self, options=None):
        """The standard in force as a dict (oversight-supervision-standard)."""
        return document(call_string(_standard_json, _options(options)), "oversight-supervision-standard")

    def record_supervision(self, record, options=None):
        """Records a session (a dict: supervisee, supervisor, held, recorded,
        minutes, cases, criteria, actions [{text, owner, due}], follow_ups
        [{action, closed}]); returns its id."""
        out = ctypes.c_int64()
        text = record if isinstance(record, str) else json.dumps(record)
        _record(self._h(), encode(text), _options(options), ctypes.byref(out))
        return out.value

    def supervisions(self, from_date, to, person=None):
        """The sessions held from `from_date` to `to` (inclusive), a person's
        only when given: a list of dicts."""
        text = call_string(_list_json, self._h(), Date.of(from_date), Date.of(to), encode(person))
        return document(text, "oversight-supervisions")["supervisions"]

    def supervision_report(self, as_of=None, from_date=None, options=None, text=False):
        """Supervision compliance as of `as_of` (default today) for the period
        from `from_date` (default every record): the document as a dict, or
        plain text with text=True."""
        out = call_string(_report, self._h(), _opt_date(as_of), _opt_date(from_date), _options(options),
                          1 if text else 0)
        return out if text else document(out, "oversight-supervision-report")

    def supervision_audit(self, from_date, to, per_supervisor=0, sample_size=0, seed=0, min_criteria=0,
                          options=None, text=False):
        """The supervision audit of the sessions held from `from_date` to `to`:
        a reproducible sample (the same seed, the same sessions), each session
        graded against the standard's criteria, with per criterion the share
        evidencing it and its 95% Wilson interval: the document as a dict
        (oversight-supervision-audit), or plain text with text=True."""
        if not 0 <= seed < 2 ** 64:
            raise ValueError("seed %r is outside 0..2**64-1" % (seed,))
        audit = SupervisionAuditOptions(to=to, per_supervisor=per_supervisor, sample_size=sample_size,
                                        min_criteria=min_criteria).set("from", from_date)
        audit.seed = seed
        out = call_string(_audit_json, self._h(), ctypes.byref(audit), _options(options), 1 if text else 0)
        return out if text else document(out, "oversight-supervision-audit")

    def supervision_reminders(self, as_of=None, window_days=None, supervisor=None, options=None):
        """The supervisions overdue on `as_of` (default today) or due within
        `window_days` calendar days (None: the standard's due-soon window),
        for the supervisors (`supervisor`'s only when given): a list of dicts
        {supervisor, person, team, due, state, working_days}."""
        window = -1 if window_days is None else window_days
        text = call_string(_reminders_json, self._h(), _opt_date(as_of), window, encode(supervisor),
                           _options(options))
        return document(text, "oversight-supervision-reminders")["reminders"]
