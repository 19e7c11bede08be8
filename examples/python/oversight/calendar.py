"""Working-day calendars (bank holidays, closures, deadline phrases).

    from oversight import Calendar
    with Calendar("england-and-wales") as cal:
        cal.add_working_days("2012-12-21", 5)           # datetime.date(2013, 1, 2)
        cal.holidays(2022)                               # [(date, name), ...]
        cal.resolve_deadline("Within three months", "2012-09-14")

Dates are accepted as datetime.date or "YYYY-MM-DD" and returned as
datetime.date. The start date is day 0: add_working_days(d, 1) is the first
working day after d. A Calendar is used by one thread at a time.
"""
import ctypes
import json

from . import _lib
from ._lib import Date, encode

_CalendarP = ctypes.c_void_p  # oversight_calendar* (opaque)

_open = _lib.fn("oversight_calendar_open", [ctypes.POINTER(_CalendarP), ctypes.c_char_p])
_open_json = _lib.fn("oversight_calendar_open_gov_uk_json",
                     [ctypes.POINTER(_CalendarP), ctypes.c_char_p, ctypes.c_char_p])
_free = _lib.fn("oversight_calendar_free", [_CalendarP], None)
_division = _lib.fn("oversight_calendar_division", [_CalendarP], ctypes.c_char_p)
_add_closure = _lib.fn("oversight_calendar_add_closure", [_CalendarP, Date, ctypes.c_char_p])
_add_holiday = _lib.fn("oversight_calendar_add_holiday", [_CalendarP, Date, ctypes.c_char_p])
_is_working_day = _lib.fn("oversight_calendar_is_working_day",
                          [_CalendarP, Date, ctypes.POINTER(ctypes.c_int32)])
_add_working_days = _lib.fn("oversight_calendar_add_working_days",
                            [_CalendarP, Date, _lib.Int32, ctypes.POINTER(Date)])
_between = _lib.fn("oversight_calendar_working_days_between",
                   [_CalendarP, Date, Date, ctypes.POINTER(ctypes.c_int32)])
_holidays_json = _lib.fn("oversight_calendar_holidays_json",
                         [_CalendarP, _lib.Int32, ctypes.POINTER(ctypes.c_void_p)])
_add_duration = _lib.fn("oversight_calendar_add_duration",
                        [_CalendarP, Date, ctypes.c_char_p, ctypes.POINTER(Date)])
_add_units = _lib.fn("oversight_calendar_add_units",
                     [_CalendarP, Date, _lib.Int32, ctypes.c_char_p, ctypes.POINTER(Date)])
_resolve = _lib.fn("oversight_calendar_resolve_deadline",
                   [_CalendarP, ctypes.c_char_p, Date, ctypes.POINTER(Date)])


class Calendar(_lib.Handle):
    """A working-day calendar of a UK division ("england-and-wales",
    "scotland", "northern-ireland"), optionally from gov.uk's
    bank-holidays.json text (`gov_uk_json`)."""

    _free = staticmethod(_free)
    _kind = "calendar"

    def __init__(self, division="england-and-wales", gov_uk_json=None):
        handle = _CalendarP()
        if gov_uk_json is None:
            _open(ctypes.byref(handle), encode(division))
        else:
            if isinstance(gov_uk_json, (dict, list)):
                gov_uk_json = json.dumps(gov_uk_json)
            _open_json(ctypes.byref(handle), encode(gov_uk_json), encode(division))
        super().__init__(handle)

    # -- queries ----------------------------------------------------------
    @property
    def division(self):
        return _division(self._h()).decode("utf-8")

    def add_closure(self, day, name=None):
        """Adds a local closure day (not a bank holiday, not a working day)."""
        _add_closure(self._h(), Date.of(day), encode(name))

    def add_holiday(self, day, name):
        """Adds a bank holiday (a newly proclaimed day)."""
        _add_holiday(self._h(), Date.of(day), encode(name))

    def is_working_day(self, day):
        out = ctypes.c_int32()
        _is_working_day(self._h(), Date.of(day), ctypes.byref(out))
        return out.value == 1

    def add_working_days(self, day, n):
        out = Date()
        _add_working_days(self._h(), Date.of(day), int(n), ctypes.byref(out))
        return out.to_date()

    def working_days_between(self, a, b):
        """Working days d with a < d <= b (negative when b < a)."""
        out = ctypes.c_int32()
        _between(self._h(), Date.of(a), Date.of(b), ctypes.byref(out))
        return out.value

    def holidays(self, year):
        """Bank holidays of `year` as [(datetime.date, name), ...] in date order."""
        text = _lib.call_string(_holidays_json, self._h(), int(year))
        return [(Date.of(h["date"]).to_date(), h["name"]) for h in json.loads(text)]

    def add_duration(self, day, duration, unit=None):
        """`day` plus "10 working days" / "3 months"..., or plus `duration`
        units when `unit` is given ("working_days", "weeks", ...)."""
        out = Date()
        if unit is None:
            _add_duration(self._h(), Date.of(day), encode(duration), ctypes.byref(out))
        else:
            _add_units(self._h(), Date.of(day), int(duration), encode(unit), ctypes.byref(out))
        return out.to_date()

    def resolve_deadline(self, phrase, context):
        """The due date of a plan's deadline phrase ("Within three months",
        "31st October", "18/10/12"...) counted from / dated by `context`."""
        out = Date()
        _resolve(self._h(), encode(phrase), Date.of(context), ctypes.byref(out))
        return out.to_date()

    def __repr__(self):
        return "Calendar(%r)" % (self.division if self._handle is not None else "<closed>")
