"""Working-day calendars (<oversight/c/calendar.h>): bank holidays, closures,
deadline phrases.

    from oversight import Calendar
    with Calendar("england-and-wales", closures=[("2024-12-27", "Shutdown")]) as cal:
        cal.add_working_days("2012-12-21", 5)           # datetime.date(2013, 1, 2)
        cal.holidays(2022)                               # [(date, name), ...]
        cal.resolve_deadline("Within three months", "2012-09-14")

Dates are accepted as datetime.date or "YYYY-MM-DD" and returned as
datetime.date. The start date is day 0: add_working_days(d, 1) is the first
working day after d. The library's calendar is immutable and may be shared by
threads; everything it holds is given to the constructor.
"""
import ctypes
import json

from . import _lib
from ._lib import Date, encode

_CalendarP = ctypes.c_void_p  # oversight_calendar* (opaque)


class CalendarDay(ctypes.Structure):
    """oversight_calendar_day: a named day (frozen layout, no version)."""
    _fields_ = [("date", Date), ("name", ctypes.c_char_p)]


class CalendarOptions(_lib.Versioned):
    """oversight_calendar_options."""
    _fields_ = [("version", ctypes.c_uint32),
                ("division", ctypes.c_char_p),
                ("gov_uk_json", ctypes.c_char_p),
                ("extra_holidays", ctypes.POINTER(CalendarDay)),
                ("extra_holiday_count", ctypes.c_size_t),
                ("closures", ctypes.POINTER(CalendarDay)),
                ("closure_count", ctypes.c_size_t),
                ("school_calendar_toml", ctypes.c_char_p)]  # version 2
    _init = "oversight_calendar_options_init"
    VERSION = 2

    def days(self, member, count_member, days):
        """Sets an array member and its count from (day, name) pairs."""
        days = list(days or [])
        array = (CalendarDay * len(days))(*[CalendarDay(Date.of(d), encode(n)) for d, n in days])
        self._keep.append(array)
        setattr(self, member, ctypes.cast(array, ctypes.POINTER(CalendarDay)) if days else None)
        setattr(self, count_member, len(days))
        return self


_open = _lib.fn("oversight_calendar_open", [ctypes.POINTER(_CalendarP), ctypes.POINTER(CalendarOptions)])
_free = _lib.fn("oversight_calendar_free", [_CalendarP], None)
_division = _lib.fn("oversight_calendar_division", [_CalendarP], ctypes.c_char_p)
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
    bank-holidays.json text (`gov_uk_json`, str or parsed), with extra bank
    holidays and local closure days as (day, name) pairs, and the terms of
    the authority's schools (`school_calendar_toml`, the TOML text of a school
    calendar) with which termly rules, such as PEP reviews, are counted
    wherever the calendar is passed (reminders, compliance)."""

    _kind = "calendar"

    def __init__(self, division="england-and-wales", gov_uk_json=None, holidays=None, closures=None,
                 school_calendar_toml=None):
        if isinstance(gov_uk_json, (dict, list)):
            gov_uk_json = json.dumps(gov_uk_json)
        self._args = (division, gov_uk_json, list(holidays or []), list(closures or []), school_calendar_toml)
        self._retired = []  # handles replaced by add_closure/add_holiday, freed at close()
        super().__init__(self._open(*self._args))

    @staticmethod
    def _open(division, gov_uk_json, holidays, closures, school_calendar_toml):
        opts = CalendarOptions(division=division, gov_uk_json=gov_uk_json, school_calendar_toml=school_calendar_toml)
        opts.days("extra_holidays", "extra_holiday_count", holidays).days("closures", "closure_count", closures)
        handle = _CalendarP()
        _open(ctypes.byref(handle), ctypes.byref(opts))
        return handle

    @staticmethod
    def _free(handle):
        _free(handle)

    def close(self):
        """Releases the calendar (and any it replaced). Idempotent."""
        super().close()
        while self.__dict__.get("_retired"):
            _free(self._retired.pop())

    # -- a new day: the library's calendar is immutable, so a new one is opened
    def _reopen(self, holidays=(), closures=()):
        division, gov_uk_json, old_holidays, old_closures, school = self._args
        args = (division, gov_uk_json, old_holidays + list(holidays), old_closures + list(closures), school)
        handle = self._open(*args)
        # The old handle may be in use by another thread inside the library:
        # it is kept until close().
        self._retired.append(self._h())
        self._handle, self._args = handle, args

    def add_closure(self, day, name=None):
        """Adds a local closure day (not a bank holiday, not a working day).
        Opens a new calendar with it: prefer `closures=` in the constructor."""
        self._h()
        self._reopen(closures=[(day, name)])

    def add_holiday(self, day, name):
        """Adds a bank holiday (a newly proclaimed day). Opens a new calendar
        with it: prefer `holidays=` in the constructor."""
        self._h()
        self._reopen(holidays=[(day, name)])

    # -- queries ----------------------------------------------------------
    @property
    def division(self):
        return _division(self._h()).decode("utf-8")

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
        doc = _lib.document(_lib.call_string(_holidays_json, self._h(), int(year)), "oversight-holidays")
        return [(Date.of(h["date"]).to_date(), h["name"]) for h in doc["holidays"]]

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
