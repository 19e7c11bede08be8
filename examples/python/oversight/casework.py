"""Casework and reminders (oversight_casework.h) over liboversight_c.

    import oversight
    with oversight.Store("casework.db") as store:
        cw = oversight.Casework(store)
        cw.save_team("Team A", manager="Mo Manager")
        cw.save_worker("Ann Lee", "Team A")
        cw.save_child("C1")
        cw.allocate("C1", "Ann Lee", "2024-03-01")
        cw.record_event("C1", "placement_start", "2024-03-01", {"placement_type": "U1"})
        for r in cw.reminders(as_of="2024-03-11", within=10):
            print(r["due"], r["child"], r["title"])
        open("reminders.ics", "w").write(cw.ics(as_of="2024-03-11"))

`rule_pack` (oversight.RulePack) and
`calendar` (oversight.Calendar) are optional: None means the default
England pack and the England & Wales working-day calendar.
"""
import ctypes
import datetime
import json

from . import _lib
from ._lib import Date, call_string, encode
from .calendar import Calendar
from .deadlines import RulePack
from .plan import Store

_P = ctypes.c_void_p
_S = ctypes.c_char_p

_team_save = _lib.fn("oversight_team_save", [_P, _S, _S, _S])
_worker_save = _lib.fn("oversight_worker_save", [_P, _S, _S, _S])
_child_save = _lib.fn("oversight_child_save", [_P, _S, ctypes.POINTER(Date)])
_child_allocate = _lib.fn("oversight_child_allocate", [_P, _S, _S, Date])
_child_set_attribute = _lib.fn("oversight_child_set_attribute", [_P, _S, _S, _S, Date])
_child_record_event = _lib.fn("oversight_child_record_event",
                              [_P, _S, _S, Date, _S, _S, _P, ctypes.POINTER(ctypes.c_int64)])
_child_case_json = _lib.fn("oversight_child_case_json", [_P, _S, Date, ctypes.POINTER(_P)])
_child_list_json = _lib.fn("oversight_child_list_json", [_P, _S, _S, Date, ctypes.POINTER(_P)])
_ssda903_import = _lib.fn("oversight_ssda903_import", [_P, _S, _S, ctypes.POINTER(_P)])
_reminders_json = _lib.fn("oversight_reminders_json",
                          [_P, _P, _P, Date, _lib.Int32, _S, _S, ctypes.POINTER(_P)])
_reminders_digest = _lib.fn("oversight_reminders_digest",
                            [_P, _P, _P, Date, _lib.Int32, _S, _S, ctypes.POINTER(_P)])
_reminders_ics = _lib.fn("oversight_reminders_ics",
                         [_P, _P, _P, Date, _lib.Int32, _S, _S, _lib.Int32, _S, ctypes.POINTER(_P)])
_reminder_acknowledge = _lib.fn("oversight_reminder_acknowledge", [_P, _P, _P, _S, _S, Date, _S, _S])


def _today():
    return datetime.datetime.now(datetime.timezone.utc).date()


class Casework:
    """Casework in an oversight Store: teams, workers, children, events,
    reminders, acknowledgements, iCalendar and the SSDA903 import.

    `store` is an oversight.Store (its `_handle` is used); it must stay open
    while this object is used. Dates are datetime.date or "YYYY-MM-DD".
    """

    def __init__(self, store, rule_pack=None, calendar=None):
        self._store = store  # keeps the Store (and its handle) alive
        self._pack = rule_pack
        self._calendar = calendar

    @property
    def _handle(self):
        if self._store is None:
            raise TypeError("Casework needs an oversight.Store")
        return _lib.handle_of(self._store, Store)

    # ------------------------------------------------ teams, workers, children

    def save_team(self, name, manager=None, email=None):
        """Adds the team or updates its manager and email."""
        _team_save(self._handle, encode(name), encode(manager), encode(email))

    def save_worker(self, name, team, email=None):
        """Adds the worker (in an existing team) or updates the team and email."""
        _worker_save(self._handle, encode(name), encode(team), encode(email))

    def save_child(self, child_id, date_of_birth=None):
        """Adds the child (the authority's id) or updates its date of birth."""
        dob = None if date_of_birth is None else ctypes.byref(Date.of(date_of_birth))
        _child_save(self._handle, encode(child_id), dob)

    def allocate(self, child_id, worker, from_date):
        """Allocates the child to the worker from the date on."""
        _child_allocate(self._handle, encode(child_id), encode(worker), Date.of(from_date))

    def set_attribute(self, child_id, key, value, effective_from):
        """Sets legal_status, placement_type, visit_regime, ... from a date."""
        _child_set_attribute(self._handle, encode(child_id), encode(key), encode(value),
                             Date.of(effective_from))

    def record_event(self, child_id, event_type, date, attributes=None, recorded_by="python"):
        """Records an event (visit, review, placement_start, ...); returns its id."""
        out = ctypes.c_int64()
        attrs = None if attributes is None else json.dumps(attributes)
        _child_record_event(self._handle, encode(child_id), encode(event_type), Date.of(date),
                            encode(attrs), encode(recorded_by), _lib.handle_of(self._pack, RulePack), ctypes.byref(out))
        return out.value

    def case(self, child_id, as_of=None):
        """The child's case on `as_of` (dict: child, worker, team, attributes, events)."""
        return json.loads(call_string(_child_case_json, self._handle, encode(child_id),
                                      Date.of(as_of or _today())))

    def children(self, worker=None, team=None, as_of=None):
        """The children allocated to the worker or team on `as_of` (list of dicts)."""
        return json.loads(call_string(_child_list_json, self._handle, encode(worker), encode(team),
                                      Date.of(as_of or _today())))

    def import_ssda903(self, folder, recorded_by=None):
        """Imports an SSDA903 folder; returns the counts and the warnings (dict)."""
        return json.loads(call_string(_ssda903_import, self._handle, encode(folder), encode(recorded_by)))

    # ------------------------------------------------------------- reminders

    def _reminder_args(self, as_of, within, worker, team):
        return (self._handle, _lib.handle_of(self._pack, RulePack), _lib.handle_of(self._calendar, Calendar),
                Date.of(as_of or _today()), int(within), encode(worker), encode(team))

    def reminders(self, as_of=None, within=10, worker=None, team=None):
        """Open obligations overdue on `as_of` or due within `within` working
        days (list of dicts, overdue first)."""
        return json.loads(call_string(_reminders_json, *self._reminder_args(as_of, within, worker, team)))

    def digest(self, as_of=None, within=10, worker=None, team=None):
        """The reminders as plain text a manager could email."""
        return call_string(_reminders_digest, *self._reminder_args(as_of, within, worker, team))

    def ics(self, as_of=None, within=10, worker=None, team=None, alarm_days=2, dtstamp=None):
        """The reminders as an iCalendar text (one VTODO each)."""
        return call_string(_reminders_ics, *self._reminder_args(as_of, within, worker, team),
                           int(alarm_days), encode(dtstamp))

    def acknowledge(self, child_id, rule_id, due, who, note=None):
        """Records that `who` has seen the obligation (rule, due date) of a child."""
        _reminder_acknowledge(self._handle, _lib.handle_of(self._pack, RulePack), _lib.handle_of(self._calendar, Calendar),
                              encode(child_id), encode(rule_id), Date.of(due), encode(who), encode(note))
