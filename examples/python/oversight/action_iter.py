"""A plan's actions one by one, with their RAG (<oversight/c/action_iter.h>).

    for a in store.actions("2012-10-12"):
        print(a.ref, a.lead, a.rag, a.rag_reason)

Store.actions is a method of oversight.Store (ActionIterMethods is one of
its bases); it reads the whole snapshot into a list of ActionRow.
"""
import collections
import ctypes

from . import _lib
from ._lib import Date, fn

_P = ctypes.c_void_p  # oversight_action_iter*, oversight_store*

_open = fn("oversight_action_iter_open", [ctypes.POINTER(_P), _P, _lib.Int64, Date])
_next = fn("oversight_action_iter_next", [_P, ctypes.POINTER(ctypes.c_int32)])
_free = fn("oversight_action_iter_free", [_P], None)
_text = {name: fn("oversight_action_iter_" + name, [_P], ctypes.c_char_p)
         for name in ("ref", "description", "lead", "status", "rag", "rag_reason")}
# Returns a number, not a status.
_recommendation = fn("oversight_action_iter_recommendation", [_P], ctypes.c_int32, status=False)
_due = fn("oversight_action_iter_due", [_P, ctypes.POINTER(Date), ctypes.POINTER(ctypes.c_int32)])

#: One action of a plan with its RAG as of a date (Store.actions).
ActionRow = collections.namedtuple(
    "ActionRow", "ref recommendation description lead status due rag rag_reason")


class ActionIterMethods:
    """The method of oversight.Store that <oversight/c/action_iter.h> gives."""

    def actions(self, as_of, plan_id=None):
        """Every action in plan order with its RAG as of a date (ActionRow
        list; rag "none" for a withdrawn action, due None when it has none)."""
        it = _P()
        _open(ctypes.byref(it), self._h(), self._plan(plan_id), Date.of(as_of))
        rows = []
        try:
            has = ctypes.c_int32()
            due = Date()
            has_due = ctypes.c_int32()
            while True:
                _next(it, ctypes.byref(has))
                if not has.value:
                    break
                text = {k: f(it).decode("utf-8") for k, f in _text.items()}
                _due(it, ctypes.byref(due), ctypes.byref(has_due))
                rows.append(ActionRow(text["ref"], _recommendation(it), text["description"], text["lead"],
                                      text["status"], due.to_date() if has_due.value else None, text["rag"],
                                      text["rag_reason"]))
        finally:
            _free(it)
        return rows
