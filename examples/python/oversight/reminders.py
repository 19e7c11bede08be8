"""What is due on children's cases (<oversight/c/reminders.h>): reminders
as dicts, plain-text digests, iCalendar files and acknowledgements.

    cw = oversight.Casework(store)
    for r in cw.reminders(as_of="2024-03-11", within=10):
        print(r["due"], r["child"], r["title"], r["state"])
    open("reminders.ics", "w").write(cw.ics(as_of="2024-03-11"))

These are methods of oversight.Casework, which holds the rule pack and the
calendar they use (None: the default England pack, England and Wales).
Windows are in working days from the as-of date (day 0).
"""
import ctypes
import json

from . import _lib
from ._lib import Date, Versioned, call_string, document, fn
from .calendar import Calendar
from .rule_pack import RulePack

_P = ctypes.c_void_p
_U32, _TEXT, _INT = ctypes.c_uint32, ctypes.c_char_p, ctypes.c_int32


class ReminderQuery(Versioned):
    """oversight_reminders_query."""
    _fields_ = [("version", _U32), ("as_of", ctypes.POINTER(Date)), ("within_working_days", _INT),
                ("worker", _TEXT), ("team", _TEXT), ("rule_pack", _P), ("calendar", _P),
                ("pseudonym_key", _P), ("pseudonym_key_size", ctypes.c_size_t)]
    _init = "oversight_reminders_query_init"
    VERSION = 2


class IcsOptions(Versioned):
    """oversight_reminders_ics_options."""
    _fields_ = [("version", _U32), ("alarm_days", _INT), ("dtstamp", _TEXT)]
    _init = "oversight_reminders_ics_options_init"


class Acknowledgement(Versioned):
    """oversight_reminders_acknowledgement."""
    _fields_ = [("version", _U32), ("child_id", _TEXT), ("rule_id", _TEXT), ("due", Date), ("by", _TEXT),
                ("note", _TEXT), ("rule_pack", _P), ("calendar", _P)]
    _init = "oversight_reminders_acknowledgement_init"


class ReminderChangesQuery(Versioned):
    """oversight_reminders_changes_query."""
    _fields_ = [("version", _U32), ("reminders", ctypes.POINTER(ReminderQuery)), ("from", ctypes.POINTER(Date)),
                ("previous_json", _TEXT)]
    _init = "oversight_reminders_changes_query_init"


_QUERY = ctypes.POINTER(ReminderQuery)
_OUT_S = ctypes.POINTER(_P)
_json = fn("oversight_reminders_json", [_P, _QUERY, _OUT_S])
_digest = fn("oversight_reminders_digest", [_P, _QUERY, _OUT_S])
_ics = fn("oversight_reminders_ics", [_P, _QUERY, ctypes.POINTER(IcsOptions), _OUT_S])
_changes_json = fn("oversight_reminders_changes_json", [_P, ctypes.POINTER(ReminderChangesQuery), _OUT_S])
_acknowledge = fn("oversight_reminders_acknowledge", [_P, ctypes.POINTER(Acknowledgement)])


class ReminderMethods:
    """The methods of oversight.Casework that <oversight/c/reminders.h> gives
    (they use its `_pack` and `_calendar`)."""

    def _query(self, as_of, within, worker, team, pseudonym_key=None):
        q = ReminderQuery(as_of=as_of or _lib.today(), within_working_days=within, worker=worker, team=team,
                          rule_pack=_lib.handle_of(self._pack, RulePack),
                          calendar=_lib.handle_of(self._calendar, Calendar))
        if pseudonym_key is not None:
            if not isinstance(pseudonym_key, (bytes, bytearray)):
                raise TypeError("pseudonym_key must be bytes (e.g. open(path, 'rb').read())")
            key = ctypes.create_string_buffer(bytes(pseudonym_key), len(pseudonym_key))
            q._keep.append(key)  # alive as long as q
            q.pseudonym_key = ctypes.cast(key, _P)
            q.pseudonym_key_size = len(pseudonym_key)
        return q

    def reminders(self, as_of=None, within=10, worker=None, team=None, pseudonym_key=None):
        """Open obligations overdue on `as_of` or due within `within` working
        days (list of dicts, overdue first). With `pseudonym_key` (bytes, at
        least 16), child ids become pseudonyms and notes are left out: a list
        to share with analysts."""
        handle = self._h()
        q = self._query(as_of, within, worker, team, pseudonym_key)
        return document(call_string(_json, handle, ctypes.byref(q)), "oversight-reminders")["reminders"]

    def digest(self, as_of=None, within=10, worker=None, team=None, pseudonym_key=None):
        """The reminders as plain text a manager could email."""
        handle = self._h()
        q = self._query(as_of, within, worker, team, pseudonym_key)
        return call_string(_digest, handle, ctypes.byref(q))

    def ics(self, as_of=None, within=10, worker=None, team=None, alarm_days=2, dtstamp=None, pseudonym_key=None):
        """The reminders as an iCalendar text (one VTODO each)."""
        handle = self._h()
        q = self._query(as_of, within, worker, team, pseudonym_key)
        opts = IcsOptions(alarm_days=alarm_days, dtstamp=dtstamp)
        return call_string(_ics, handle, ctypes.byref(q), ctypes.byref(opts))

    def acknowledge(self, child_id, rule_id, due, who, note=None):
        """Records that `who` has seen the obligation (rule, due date) of a child."""
        handle = self._h()
        a = Acknowledgement(child_id=child_id, rule_id=rule_id, due=due, by=who, note=note,
                            rule_pack=_lib.handle_of(self._pack, RulePack),
                            calendar=_lib.handle_of(self._calendar, Calendar))
        _acknowledge(handle, ctypes.byref(a))

    def reminder_changes(self, from_date=None, previous=None, as_of=None, within=10, worker=None, team=None):
        """The reminder feed (<oversight/reminders/reminder_changes.hpp>): the
        reminders that appeared, disappeared or changed, with reasons, as the
        oversight-reminder-changes dict. Give exactly one of `from_date` (the
        reminders on that date against those on `as_of`) and `previous` (what
        the host received at its last sync: the list of reminders()/the
        "reminders" of a document, a previous reminder_changes() dict, or its
        JSON text, against the reminders on `as_of`). Keep the result's
        "current" and "sequence" for the next sync."""
        handle = self._h()
        rq = self._query(as_of, within, worker, team)
        q = ReminderChangesQuery(**{"from": from_date})
        q.set("reminders", ctypes.pointer(rq))
        if previous is not None:
            q.set("previous_json", previous if isinstance(previous, str) else json.dumps(previous))
        return document(call_string(_changes_json, handle, ctypes.byref(q)), "oversight-reminder-changes")
