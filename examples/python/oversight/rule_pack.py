"""Statutory rule packs and the due dates they give (<oversight/c/rule_pack.h>).

    from oversight import RulePack
    england = RulePack.default()
    england.due("lac.review.first", "2012-08-24")        # datetime.date(2012, 9, 24)
    england.due("cp.icpc", "2012-12-14", explain=True)   # (date, "Rule cp.icpc ...")
    local = RulePack.from_file("data/rules/example-local.toml")
    pack = england.layered(local)                         # local rules replace by id
    [r["id"] for r in pack.rules() if r["layer"] == "example-local"]

Dates are accepted as datetime.date or "YYYY-MM-DD" and returned as
datetime.date; the trigger date is day 0. `calendar` arguments take an
oversight.Calendar (None = England and Wales). A RulePack is immutable and
may be shared between threads.
"""
import ctypes

from . import _lib
from .calendar import Calendar
from ._lib import Date, encode, call_string

_PackP = ctypes.c_void_p  # oversight_rule_pack* (opaque)

_open_default = _lib.fn("oversight_rule_pack_open_default", [ctypes.POINTER(_PackP)])
_open_toml = _lib.fn("oversight_rule_pack_open_toml", [ctypes.POINTER(_PackP), ctypes.c_char_p, ctypes.c_char_p])
_open_file = _lib.fn("oversight_rule_pack_open_file", [ctypes.POINTER(_PackP), ctypes.c_char_p])
_layered = _lib.fn("oversight_rule_pack_layered", [ctypes.POINTER(_PackP), _PackP, _PackP])
_free = _lib.fn("oversight_rule_pack_free", [_PackP], None)
_name = _lib.fn("oversight_rule_pack_name", [_PackP], ctypes.c_char_p)
_rules_json = _lib.fn("oversight_rule_pack_rules_json", [_PackP, ctypes.POINTER(ctypes.c_void_p)])
_due_date = _lib.fn("oversight_rule_pack_due_date",
                    [_PackP, ctypes.c_char_p, Date, ctypes.c_void_p, ctypes.POINTER(Date)])
_explain = _lib.fn("oversight_rule_pack_explain",
                   [_PackP, ctypes.c_char_p, Date, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p)])


class RulePack(_lib.Handle):
    """A set of statutory or local rules (the format: include/oversight/rules/rule_pack.hpp).
    Build one with RulePack.default(), RulePack.from_toml(text) or
    RulePack.from_file(path); layer a local pack with base.layered(local)."""

    _free = staticmethod(_free)
    _kind = "rule pack"

    def __init__(self, _handle):
        if not isinstance(_handle, _PackP) or not _handle.value:
            raise TypeError("use RulePack.default(), from_toml() or from_file()")
        super().__init__(_handle)

    @classmethod
    def default(cls):
        """The default England pack (compiled into the library)."""
        handle = _PackP()
        _open_default(ctypes.byref(handle))
        return cls(handle)

    @classmethod
    def from_toml(cls, text, layer=None):
        """A pack from TOML text; `layer` names it in explanations (default:
        the pack's `name`). Raises OversightError (status 5, parse) naming the
        line, rule id and field."""
        handle = _PackP()
        _open_toml(ctypes.byref(handle), encode(text), encode(layer))
        return cls(handle)

    @classmethod
    def from_file(cls, path):
        """A pack from a TOML file (OversightError: status 3 io, 5 parse)."""
        handle = _PackP()
        _open_file(ctypes.byref(handle), encode(str(path)))
        return cls(handle)

    def layered(self, local):
        """A new pack: `local` (a RulePack) layered over this one."""
        if not isinstance(local, RulePack):
            raise TypeError("layered() takes a RulePack")
        handle = _PackP()
        _layered(ctypes.byref(handle), self._h(), local._h())
        return RulePack(handle)

    # -- queries ----------------------------------------------------------
    @property
    def name(self):
        return _name(self._h()).decode("utf-8")

    def rules(self):
        """Every rule as a dict: id, title, area, kind, trigger, satisfied_by,
        duration {count, unit, text}, when, source, status, layer, enabled, ..."""
        return _lib.document(call_string(_rules_json, self._h()), "oversight-rules")["rules"]

    def rule(self, rule_id):
        """One rule as a dict; KeyError if the pack has no such id."""
        for r in self.rules():
            if r["id"] == rule_id:
                return r
        raise KeyError(rule_id)

    def due(self, rule_id, from_date, explain=False, calendar=None):
        """The due date `rule_id` gives for a trigger on `from_date`; with
        explain=True, a (date, explanation) pair."""
        out = Date()
        cal = _lib.handle_of(calendar, Calendar)
        _due_date(self._h(), encode(rule_id), Date.of(from_date), cal, ctypes.byref(out))
        if not explain:
            return out.to_date()
        text = call_string(_explain, self._h(), encode(rule_id), Date.of(from_date), cal)
        return out.to_date(), text

    def __repr__(self):
        return "RulePack(%r)" % (self.name if self._handle is not None else "<closed>")
