"""Indicators (<oversight/c/indicator.h>): the measures a plan shows its
impact with, each with a target, a direction and a red threshold, and a value
a month (entered, or computed from the store), linked to actions as their
success measures so that an action's RAG takes them into account.

    store.save_indicator(plan_id, {"key": "visits", "name": "% of visits in timescale",
                                   "unit": "%", "target": 85, "amber": 70})
    store.record_indicator_value(plan_id, "visits", "2012-09-01", 62.5, entered_by="Ann Newby")
    store.link_indicator(plan_id, "1.1", "visits")       # action 1.1 is now RED as of October
    store.indicators(plan_id, as_of="2012-10-15")      # [{"key", "latest": {...}, "actions", ...}]
    store.refresh_indicators(plan_id, as_of="2025-03-31", months=3)

These are methods of oversight.Store.
"""
import ctypes
import json

from ._lib import Date, Versioned, call_string, document, encode, fn

_P = ctypes.c_void_p
_U32, _TEXT, _INT = ctypes.c_uint32, ctypes.c_char_p, ctypes.c_int32
_DP = ctypes.POINTER(Date)
_OUT_S = ctypes.POINTER(_P)
_OUT_I64 = ctypes.POINTER(ctypes.c_int64)


class IndicatorValue(Versioned):
    """oversight_indicator_value."""
    _fields_ = [("version", _U32), ("month", Date), ("value", ctypes.c_double), ("entered_by", _TEXT),
                ("note", _TEXT)]
    _init = "oversight_indicator_value_init"


class IndicatorRefreshOptions(Versioned):
    """oversight_indicator_refresh_options."""
    _fields_ = [("version", _U32), ("months", _INT), ("rule_pack", _P), ("calendar", _P)]
    _init = "oversight_indicator_refresh_options_init"


_save = fn("oversight_indicator_save", [_P, ctypes.c_int64, _TEXT, _OUT_I64])
_record_value = fn("oversight_indicator_record_value",
                   [_P, ctypes.c_int64, _TEXT, ctypes.POINTER(IndicatorValue), _OUT_I64])
_link = fn("oversight_indicator_link", [_P, ctypes.c_int64, _TEXT, _TEXT])
_list_json = fn("oversight_indicator_list_json", [_P, ctypes.c_int64, _DP, _INT, _OUT_S])
_refresh = fn("oversight_indicator_refresh",
              [_P, ctypes.c_int64, _DP, ctypes.POINTER(IndicatorRefreshOptions), ctypes.POINTER(ctypes.c_int32)])


def _opt_date(value):
    return None if value is None else ctypes.byref(Date.of(value))


class IndicatorMethods:
    """The methods of oversight.Store that <oversight/c/indicator.h> gives."""

    def save_indicator(self, plan_id, indicator):
        """Adds the indicator (a dict, or its JSON text) to the plan, or
        changes the one with the same key; returns its id."""
        text = indicator if isinstance(indicator, str) else json.dumps(indicator)
        out = ctypes.c_int64()
        _save(self._h(), plan_id, encode(text), ctypes.byref(out))
        return out.value

    def record_indicator_value(self, plan_id, key, month, value, entered_by=None, note=None):
        """Records the value of `month` (any day of it) for indicator `key`,
        replacing the one the month had; returns the value's id."""
        v = IndicatorValue(month=month, entered_by=entered_by, note=note)
        v.value = float(value)
        out = ctypes.c_int64()
        _record_value(self._h(), plan_id, encode(key), ctypes.byref(v), ctypes.byref(out))
        return out.value

    def link_indicator(self, plan_id, action_ref, key):
        """Names indicator `key` as a success measure of action `action_ref`."""
        _link(self._h(), plan_id, encode(action_ref), encode(key))

    def indicators(self, plan_id, as_of=None, text=False):
        """The plan's indicators as of `as_of` (default today): a list of
        dicts (the "indicators" of the oversight-indicators document), or
        plain text with text=True."""
        out = call_string(_list_json, self._h(), plan_id, _opt_date(as_of), 1 if text else 0)
        return out if text else document(out, "oversight-indicators")["indicators"]

    def refresh_indicators(self, plan_id, as_of=None, months=12, rule_pack=None, calendar=None):
        """Computes the monthly values of the plan's computed indicators up to
        `as_of` (default today); returns how many values were written."""
        o = IndicatorRefreshOptions(months=months)
        if rule_pack is not None:
            o.rule_pack = rule_pack._h()
        if calendar is not None:
            o.calendar = calendar._h()
        out = ctypes.c_int32()
        _refresh(self._h(), plan_id, _opt_date(as_of), ctypes.byref(o), ctypes.byref(out))
        return out.value
