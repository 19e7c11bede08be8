"""Casework and reminders over liboversight_c: teams and workers
(<oversight/c/workforce.h>), children and events (casework.h), reminders
(reminders.h) and the SSDA903 import (import.h).

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
from ._lib import Date, Versioned, call_string, document, encode
from .calendar import Calendar
from .deadlines import RulePack
from .plan import ImportOptions, Store

_P = ctypes.c_void_p
_S = ctypes.c_char_p
_U32, _TEXT, _INT = ctypes.c_uint32, ctypes.c_char_p, ctypes.c_int32
_DP = ctypes.POINTER(Date)
_OUT_S = ctypes.POINTER(_P)


class Team(Versioned):
    """oversight_workforce_team."""
    _fields_ = [("version", _U32), ("name", _TEXT), ("manager", _TEXT), ("email", _TEXT)]
    _init = "oversight_workforce_team_init"


class Worker(Versioned):
    """oversight_workforce_worker."""
    _fields_ = [("version", _U32), ("name", _TEXT), ("team", _TEXT), ("email", _TEXT), ("role", _TEXT)]
    _init = "oversight_workforce_worker_init"


class Event(Versioned):
    """oversight_casework_event."""
    _fields_ = [("version", _U32), ("child_id", _TEXT), ("type", _TEXT), ("date", Date),
                ("attributes_json", _TEXT), ("recorded_by", _TEXT), ("rule_pack", _P)]
    _init = "oversight_casework_event_init"


class ReminderQuery(Versioned):
    """oversight_reminders_query."""
    _fields_ = [("version", _U32), ("as_of", _DP), ("within_working_days", _INT), ("worker", _TEXT),
                ("team", _TEXT), ("rule_pack", _P), ("calendar", _P)]
    _init = "oversight_reminders_query_init"


class IcsOptions(Versioned):
    """oversight_reminders_ics_options."""
    _fields_ = [("version", _U32), ("alarm_days", _INT), ("dtstamp", _TEXT)]
    _init = "oversight_reminders_ics_options_init"


class Acknowledgement(Versioned):
    """oversight_reminders_acknowledgement."""
    _fields_ = [("version", _U32), ("child_id", _TEXT), ("rule_id", _TEXT), ("due", Date), ("by", _TEXT),
                ("note", _TEXT), ("rule_pack", _P), ("calendar", _P)]
    _init = "oversight_reminders_acknowledgement_init"


def _ptr(cls):
    return ctypes.POINTER(cls)


_save_team = _lib.fn("oversight_workforce_save_team", [_P, _ptr(Team)])
_save_worker = _lib.fn("oversight_workforce_save_worker", [_P, _ptr(Worker)])
_save_child = _lib.fn("oversight_casework_save_child", [_P, _S, _DP])
_allocate = _lib.fn("oversight_casework_allocate", [_P, _S, _S, Date])
_set_attribute = _lib.fn("oversight_casework_set_attribute", [_P, _S, _S, _S, Date])
_record_event = _lib.fn("oversight_casework_record_event", [_P, _ptr(Event), ctypes.POINTER(ctypes.c_int64)])
_case_json = _lib.fn("oversight_casework_case_json", [_P, _S, Date, _OUT_S])
_list_json = _lib.fn("oversight_casework_list_json", [_P, _S, _S, Date, _OUT_S])
_import_ssda903 = _lib.fn("oversight_import_ssda903", [_P, _S, _ptr(ImportOptions), _OUT_S])
_reminders_json = _lib.fn("oversight_reminders_json", [_P, _ptr(ReminderQuery), _OUT_S])
_reminders_digest = _lib.fn("oversight_reminders_digest", [_P, _ptr(ReminderQuery), _OUT_S])
_reminders_ics = _lib.fn("oversight_reminders_ics", [_P, _ptr(ReminderQuery), _ptr(IcsOptions), _OUT_S])
_acknowledge = _lib.fn("oversight_reminders_acknowledge", [_P, _ptr(Acknowledgement)])


def _today():
    return datetime.datetime.now(datetime.timezone.utc).date()


def _content(doc):
    """A document's members without "format" and "version"."""
    return {k: v for k, v in doc.items() if k not in ("format", "version")}


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
        t = Team(name=name, manager=manager, email=email)
        _save_team(self._handle, ctypes.byref(t))

    def save_worker(self, name, team, email=None, role=None):
        """Adds the worker (in an existing team) or updates the team, email and
        role (default "social_worker"; see workforce.h for the roles)."""
        w = Worker(name=name, team=team, email=email, role=role)
        _save_worker(self._handle, ctypes.byref(w))

    def save_child(self, child_id, date_of_birth=None):
        """Adds the child (the authority's id) or updates its date of birth."""
        dob = None if date_of_birth is None else ctypes.byref(Date.of(date_of_birth))
        _save_child(self._handle, encode(child_id), dob)

    def allocate(self, child_id, worker, from_date):
        """Allocates the child to the worker from the date on."""
        _allocate(self._handle, encode(child_id), encode(worker), Date.of(from_date))

    def set_attribute(self, child_id, key, value, effective_from):
        """Sets legal_status, placement_type, visit_regime, ... from a date."""
        _set_attribute(self._handle, encode(child_id), encode(key), encode(value), Date.of(effective_from))

    def record_event(self, child_id, event_type, date, attributes=None, recorded_by="python"):
        """Records an event (visit, review, placement_start, ...); returns its id."""
        handle = self._handle
        out = ctypes.c_int64()
        e = Event(child_id=child_id, type=event_type, date=date,
                  attributes_json=None if attributes is None else json.dumps(attributes),
                  recorded_by=recorded_by, rule_pack=_lib.handle_of(self._pack, RulePack))
        _record_event(handle, ctypes.byref(e), ctypes.byref(out))
        return out.value

    def case(self, child_id, as_of=None):
        """The child's case on `as_of` (dict: child, worker, team, attributes,
        attribute_changes, events)."""
        text = call_string(_case_json, self._handle, encode(child_id), Date.of(as_of or _today()))
        return _content(document(text, "oversight-case"))

    def children(self, worker=None, team=None, as_of=None):
        """The children allocated to the worker or team on `as_of` (list of dicts)."""
        text = call_string(_list_json, self._handle, encode(worker), encode(team), Date.of(as_of or _today()))
        return document(text, "oversight-case-list")["cases"]

    def import_ssda903(self, folder, recorded_by=None):
        """Imports an SSDA903 folder; returns the counts (children_added,
        events_added, events_already_present, attributes_set) and the
        "warnings" (the issues of the import summary, each with file and line)."""
        summary = self.import_ssda903_summary(folder, recorded_by)
        return dict(summary["counts"], warnings=summary["issues"])

    def import_ssda903_summary(self, folder, recorded_by=None):
        """Imports an SSDA903 folder; returns the import summary document."""
        opts = ImportOptions(recorded_by=recorded_by)
        text = call_string(_import_ssda903, self._handle, encode(str(folder)), ctypes.byref(opts))
        return document(text, "oversight-import-summary")

    # ------------------------------------------------------------- reminders

    def _query(self, as_of, within, worker, team):
        return ReminderQuery(as_of=as_of or _today(), within_working_days=within, worker=worker, team=team,
                             rule_pack=_lib.handle_of(self._pack, RulePack),
                             calendar=_lib.handle_of(self._calendar, Calendar))

    def reminders(self, as_of=None, within=10, worker=None, team=None):
        """Open obligations overdue on `as_of` or due within `within` working
        days (list of dicts, overdue first)."""
        handle = self._handle
        q = self._query(as_of, within, worker, team)
        return document(call_string(_reminders_json, handle, ctypes.byref(q)), "oversight-reminders")["reminders"]

    def digest(self, as_of=None, within=10, worker=None, team=None):
        """The reminders as plain text a manager could email."""
        handle = self._handle
        q = self._query(as_of, within, worker, team)
        return call_string(_reminders_digest, handle, ctypes.byref(q))

    def ics(self, as_of=None, within=10, worker=None, team=None, alarm_days=2, dtstamp=None):
        """The reminders as an iCalendar text (one VTODO each)."""
        handle = self._handle
        q = self._query(as_of, within, worker, team)
        opts = IcsOptions(alarm_days=alarm_days, dtstamp=dtstamp)
        return call_string(_reminders_ics, handle, ctypes.byref(q), ctypes.byref(opts))

    def acknowledge(self, child_id, rule_id, due, who, note=None):
        """Records that `who` has seen the obligation (rule, due date) of a child."""
        handle = self._handle
        a = Acknowledgement(child_id=child_id, rule_id=rule_id, due=due, by=who, note=note,
                            rule_pack=_lib.handle_of(self._pack, RulePack),
                            calendar=_lib.handle_of(self._calendar, Calendar))
        _acknowledge(handle, ctypes.byref(a))
