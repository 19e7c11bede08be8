"""Children's cases in a store (<oversight/c/casework.h>): children,
allocations to workers over time, case attributes and events.

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

A Casework is a view of a Store with the rule pack and calendar its
reminders use (None: the default England pack and the England & Wales
working-day calendar). It also has the workforce methods (workforce.py),
the reminders (reminders.py) and the SSDA903 import (imports.py).
"""
import ctypes
import json

from . import _lib
from ._lib import Date, Versioned, call_string, document, encode, fn
from .compliance import ComplianceMethods
from .imports import Ssda903ImportMethods
from .reminders import ReminderMethods
from .rule_pack import RulePack
from .store import Store
from .workforce import WorkforceMethods

_P = ctypes.c_void_p
_S = ctypes.c_char_p
_U32, _TEXT = ctypes.c_uint32, ctypes.c_char_p
_OUT_S = ctypes.POINTER(_P)


class Event(Versioned):
    """oversight_casework_event (version 2: with external_id)."""
    _fields_ = [("version", _U32), ("child_id", _TEXT), ("type", _TEXT), ("date", Date),
                ("attributes_json", _TEXT), ("recorded_by", _TEXT), ("rule_pack", _P), ("external_id", _TEXT)]
    _init = "oversight_casework_event_init"
    VERSION = 2


class ChildRecord(Versioned):
    """oversight_casework_child."""
    _fields_ = [("version", _U32), ("child_id", _TEXT), ("date_of_birth", ctypes.POINTER(Date)),
                ("external_id", _TEXT)]
    _init = "oversight_casework_child_init"


class AllocationRecord(Versioned):
    """oversight_casework_allocation."""
    _fields_ = [("version", _U32), ("child_id", _TEXT), ("worker", _TEXT), ("from", Date), ("external_id", _TEXT)]
    _init = "oversight_casework_allocation_init"


class AttributeRecord(Versioned):
    """oversight_casework_attribute."""
    _fields_ = [("version", _U32), ("child_id", _TEXT), ("key", _TEXT), ("value", _TEXT),
                ("effective_from", Date), ("external_id", _TEXT)]
    _init = "oversight_casework_attribute_init"


class ExemptionRecord(Versioned):
    """oversight_casework_exemption."""
    _fields_ = [("version", _U32), ("child_id", _TEXT), ("kind", _TEXT), ("from", Date),
                ("to", ctypes.POINTER(Date)), ("reason", _TEXT), ("approved_by", _TEXT),
                ("areas", ctypes.POINTER(ctypes.c_char_p)), ("area_count", ctypes.c_size_t), ("external_id", _TEXT)]
    _init = "oversight_casework_exemption_init"


# oversight_casework_outcome: what saving a record did.
OUTCOMES = {0: "added", 1: "updated", 2: "unchanged"}


_save_child = fn("oversight_casework_save_child", [_P, _S, ctypes.POINTER(Date)])
_allocate = fn("oversight_casework_allocate", [_P, _S, _S, Date])
_set_attribute = fn("oversight_casework_set_attribute", [_P, _S, _S, _S, Date])
_record_event = fn("oversight_casework_record_event", [_P, ctypes.POINTER(Event), ctypes.POINTER(ctypes.c_int64)])
_I32P, _I64P = ctypes.POINTER(ctypes.c_int32), ctypes.POINTER(ctypes.c_int64)
_save_event = fn("oversight_casework_save_event", [_P, ctypes.POINTER(Event), _I64P, _I32P])
_correct_event = fn("oversight_casework_correct_event", [_P, ctypes.c_int64, _S, ctypes.POINTER(Event), _I32P])
_delete_event = fn("oversight_casework_delete_event", [_P, ctypes.c_int64, _S])
_upsert_child = fn("oversight_casework_upsert_child", [_P, ctypes.POINTER(ChildRecord), _I32P])
_erase_child = fn("oversight_casework_erase_child", [_P, _S, _S, _I64P])
_upsert_allocation = fn("oversight_casework_upsert_allocation", [_P, ctypes.POINTER(AllocationRecord), _I32P])
_end_allocation = fn("oversight_casework_end_allocation", [_P, _S, Date])
_upsert_attribute = fn("oversight_casework_upsert_attribute", [_P, ctypes.POINTER(AttributeRecord), _I32P])
_end_attribute = fn("oversight_casework_end_attribute", [_P, _S, _S, Date])
_delete_attribute = fn("oversight_casework_delete_attribute", [_P, _S, _S, Date])
_add_exemption = fn("oversight_casework_add_exemption", [_P, ctypes.POINTER(ExemptionRecord), _I64P, _I32P])
_end_exemption = fn("oversight_casework_end_exemption", [_P, ctypes.c_int64, Date])
_delete_exemption = fn("oversight_casework_delete_exemption", [_P, ctypes.c_int64, _S])
_exemptions_json = fn("oversight_casework_exemptions_json", [_P, _S, _OUT_S])
_case_json = fn("oversight_casework_case_json", [_P, _S, Date, _OUT_S])
_list_json = fn("oversight_casework_list_json", [_P, _S, _S, Date, _OUT_S])


class Invitee(Versioned):
    """oversight_casework_invitee: one person on a meeting's list."""
    _fields_ = [("version", _U32), ("person", _TEXT), ("agency", _TEXT), ("role", _TEXT), ("invited", ctypes.c_int32),
                ("attended", ctypes.c_int32), ("apologies", ctypes.c_int32), ("deputy", _TEXT)]
    _init = "oversight_casework_invitee_init"


class AttendanceQuery(Versioned):
    """oversight_casework_attendance_query."""
    _fields_ = [("version", _U32), ("from", Date), ("to", Date), ("event_type", _TEXT),
                ("partner_agencies_only", ctypes.c_int32), ("csv", ctypes.c_int32)]
    _init = "oversight_casework_attendance_query_init"


_set_attendance = fn("oversight_casework_set_attendance",
                     [_P, ctypes.c_int64, ctypes.POINTER(ctypes.POINTER(Invitee)), ctypes.c_size_t, _I32P])
_attendance_report = fn("oversight_casework_attendance_report", [_P, ctypes.POINTER(AttendanceQuery), _OUT_S])
_non_attendance = fn("oversight_casework_non_attendance", [_P, ctypes.POINTER(AttendanceQuery), _OUT_S])


def _content(doc):
    """A document's members without "format" and "version"."""
    return {k: v for k, v in doc.items() if k not in ("format", "version")}


class Casework(WorkforceMethods, ReminderMethods, ComplianceMethods, Ssda903ImportMethods):
    """Casework in an oversight Store: teams, workers, children, events,
    reminders, acknowledgements, iCalendar, compliance and the SSDA903 import.

    `store` is an oversight.Store; it must stay open while this object is
    used. Dates are datetime.date or "YYYY-MM-DD".
    """

    def __init__(self, store, rule_pack=None, calendar=None):
        self._store = store  # keeps the Store (and its handle) alive
        self._pack = rule_pack
        self._calendar = calendar

    def _h(self):
        """The store's open handle (TypeError for anything but a Store)."""
        if self._store is None:
            raise TypeError("Casework needs an oversight.Store")
        return _lib.handle_of(self._store, Store)

    def save_child(self, child_id, date_of_birth=None):
        """Adds the child (the authority's id) or updates its date of birth."""
        dob = None if date_of_birth is None else ctypes.byref(Date.of(date_of_birth))
        _save_child(self._h(), encode(child_id), dob)

    def allocate(self, child_id, worker, from_date):
        """Allocates the child to the worker from the date on."""
        _allocate(self._h(), encode(child_id), encode(worker), Date.of(from_date))

    def set_attribute(self, child_id, key, value, effective_from):
        """Sets legal_status, placement_type, visit_regime, ... from a date."""
        _set_attribute(self._h(), encode(child_id), encode(key), encode(value), Date.of(effective_from))

    def record_event(self, child_id, event_type, date, attributes=None, recorded_by="python"):
        """Records an event (visit, review, placement_start, ...); returns its id."""
        handle = self._h()
        out = ctypes.c_int64()
        e = Event(child_id=child_id, type=event_type, date=date,
                  attributes_json=None if attributes is None else json.dumps(attributes),
                  recorded_by=recorded_by, rule_pack=_lib.handle_of(self._pack, RulePack))
        _record_event(handle, ctypes.byref(e), ctypes.byref(out))
        return out.value

    def _event(self, child_id, event_type, date, attributes, recorded_by, external_id):
        return Event(child_id=child_id, type=event_type, date=date,
                     attributes_json=None if attributes is None else json.dumps(attributes),
                     recorded_by=recorded_by, rule_pack=_lib.handle_of(self._pack, RulePack), external_id=external_id)

    def save_event(self, child_id, event_type, date, attributes=None, recorded_by="python", external_id=None):
        """Records an event, or with an external id the case system sent
        before, updates that event in place. Returns (event id, outcome):
        outcome "added", "updated" or "unchanged"."""
        handle = self._h()
        out, outcome = ctypes.c_int64(), ctypes.c_int32()
        e = self._event(child_id, event_type, date, attributes, recorded_by, external_id)
        _save_event(handle, ctypes.byref(e), ctypes.byref(out), ctypes.byref(outcome))
        return out.value, OUTCOMES[outcome.value]

    def correct_event(self, child_id, event_type, date, attributes=None, event_id=0, external_id=None,
                      new_external_id=None):
        """Corrects the event with `event_id` or `external_id` (one of them):
        it becomes this type, date and attributes on `child_id`'s case (moved
        there if it was another child's). True when anything changed."""
        handle = self._h()
        changed = ctypes.c_int32()
        e = self._event(child_id, event_type, date, attributes, None, new_external_id)
        _correct_event(handle, event_id, encode(external_id), ctypes.byref(e), ctypes.byref(changed))
        return bool(changed.value)

    def delete_event(self, event_id=0, external_id=None):
        """Deletes the event with `event_id` or `external_id` (one of them):
        the obligations it met are open again."""
        _delete_event(self._h(), event_id, encode(external_id))

    def upsert_child(self, child_id, date_of_birth=None, external_id=None):
        """Adds or updates a child, matched by its external id first (a
        renumbering in the case system) then by its id; returns the outcome."""
        handle = self._h()
        outcome = ctypes.c_int32()
        c = ChildRecord(child_id=child_id, date_of_birth=date_of_birth, external_id=external_id)
        _upsert_child(handle, ctypes.byref(c), ctypes.byref(outcome))
        return OUTCOMES[outcome.value]

    def erase_child(self, child_id, reason):
        """Removes the child and everything on their case (UK GDPR erasure,
        purge); `reason` is kept in the history and must not identify the
        child. Returns how many records were removed, the child included."""
        out = ctypes.c_int64()
        _erase_child(self._h(), encode(child_id), encode(reason), ctypes.byref(out))
        return out.value

    def upsert_allocation(self, child_id, worker, from_date, external_id=None):
        """allocate() with the case system's id for the allocation: sent again
        with it, the allocation is corrected in place. Returns the outcome."""
        handle = self._h()
        outcome = ctypes.c_int32()
        a = AllocationRecord(child_id=child_id, worker=worker, external_id=external_id)
        a.set("from", from_date)
        _upsert_allocation(handle, ctypes.byref(a), ctypes.byref(outcome))
        return OUTCOMES[outcome.value]

    def end_allocation(self, child_id, on):
        """Ends the child's current allocation: unallocated from `on`."""
        _end_allocation(self._h(), encode(child_id), Date.of(on))

    def upsert_attribute(self, child_id, key, value, effective_from, external_id=None):
        """set_attribute() with the case system's id for the value: sent again
        with it, the value is corrected in place. Returns the outcome."""
        handle = self._h()
        outcome = ctypes.c_int32()
        a = AttributeRecord(child_id=child_id, key=key, value=value, effective_from=effective_from,
                            external_id=external_id)
        _upsert_attribute(handle, ctypes.byref(a), ctypes.byref(outcome))
        return OUTCOMES[outcome.value]

    def end_attribute(self, child_id, key, on):
        """Ends the attribute: not set from `on`."""
        _end_attribute(self._h(), encode(child_id), encode(key), Date.of(on))

    def delete_attribute(self, child_id, key, effective_from):
        """Deletes the value of `key` that took effect on `effective_from`."""
        _delete_attribute(self._h(), encode(child_id), encode(key), Date.of(effective_from))

    def add_exemption(self, child_id, kind, from_date, reason, approved_by, to=None, areas=None, external_id=None):
        """Records a period in which the child's obligations cannot be met:
        `kind` "missing", "custody", "hospital", "abroad", "visit_refused" or
        "other"; `to` the last day covered (None: open); `areas` the rule
        areas covered (None: all). With an external id sent before, that
        exemption is updated in place. Returns (id, outcome)."""
        handle = self._h()
        names = [encode(a) for a in (areas or [])]
        e = ExemptionRecord(child_id=child_id, kind=kind, to=to, reason=reason, approved_by=approved_by,
                            area_count=len(names), external_id=external_id)
        e.set("from", from_date)
        if names:
            array = (ctypes.c_char_p * len(names))(*names)
            e._keep.append(array)
            e.set("areas", ctypes.cast(array, ctypes.POINTER(ctypes.c_char_p)))
        out, outcome = ctypes.c_int64(), ctypes.c_int32()
        _add_exemption(handle, ctypes.byref(e), ctypes.byref(out), ctypes.byref(outcome))
        return out.value, OUTCOMES[outcome.value]

    def end_exemption(self, exemption_id, to):
        """Ends the exemption: `to` is its last day."""
        _end_exemption(self._h(), exemption_id, Date.of(to))

    def delete_exemption(self, exemption_id=0, external_id=None):
        """Deletes the exemption with `exemption_id` or `external_id` (one of them)."""
        _delete_exemption(self._h(), exemption_id, encode(external_id))

    def exemptions(self, child_id=None):
        """The child's exemptions (None: every child's), as dicts: id, child,
        kind, from, to (or None), reason, approved_by, areas, external_id."""
        text = call_string(_exemptions_json, self._h(), encode(child_id))
        return document(text, "oversight-exemptions")["exemptions"]

    def case(self, child_id, as_of=None):
        """The child's case on `as_of` (dict: child, worker, team, attributes,
        attribute_changes, events)."""
        text = call_string(_case_json, self._h(), encode(child_id), Date.of(as_of or _lib.today()))
        return _content(document(text, "oversight-case"))

    def children(self, worker=None, team=None, as_of=None):
        """The children allocated to the worker or team on `as_of` (list of dicts)."""
        text = call_string(_list_json, self._h(), encode(worker), encode(team), Date.of(as_of or _lib.today()))
        return document(text, "oversight-case-list")["cases"]

    def set_attendance(self, event_id, invitees):
        """Replaces the list of people of meeting event `event_id`: each a dict
        {"person", "agency", "role", "invited" (default True), "attended",
        "apologies", "deputy"}. Returns how many people were added, changed
        or removed (0 when the list is as stored)."""
        structs = [Invitee(person=i["person"], agency=i.get("agency"), role=i.get("role"),
                           invited=int(i.get("invited", True)), attended=int(i.get("attended", False)),
                           apologies=int(i.get("apologies", False)), deputy=i.get("deputy")) for i in invitees]
        array = (ctypes.POINTER(Invitee) * max(1, len(structs)))(*[ctypes.pointer(s) for s in structs])
        out = ctypes.c_int32()
        _set_attendance(self._h(), event_id, array, len(structs), ctypes.byref(out))
        return out.value

    def _attendance_query(self, from_date, to_date, event_type, partner_agencies_only, csv):
        q = AttendanceQuery(event_type=event_type, partner_agencies_only=int(partner_agencies_only), csv=int(csv))
        return q.set("from", from_date).set("to", to_date)

    def attendance_report(self, from_date, to_date, event_type=None, csv=False):
        """Attendance by agency and by professional at the meetings dated
        from..to: the document as a dict, or CSV text with csv=True."""
        q = self._attendance_query(from_date, to_date, event_type, False, csv)
        text = call_string(_attendance_report, self._h(), ctypes.byref(q))
        return text if csv else document(text, "oversight-attendance")

    def non_attendance(self, from_date, to_date, event_type=None, partner_agencies_only=False, csv=False):
        """The invited people who did not attend (core groups by default), with
        their line manager on the meeting date: a list of dicts, or CSV."""
        q = self._attendance_query(from_date, to_date, event_type, partner_agencies_only, csv)
        text = call_string(_non_attendance, self._h(), ctypes.byref(q))
        return text if csv else document(text, "oversight-non-attendance")["rows"]
