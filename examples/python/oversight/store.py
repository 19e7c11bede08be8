"""The store (<oversight/c/store.h>): opening it, the actor, the change history.

    import oversight
    with oversight.Store("plan.db") as store:
        store.set_actor("F Budgen")
        ...
        for change in store.history(entity="action", limit=10):
            print(change["at"], change["actor"], change["field"], change["old"], change["new"])
        result = store.verify_history()      # the hash chain: result["ok"], result["broken"]

A Store is also where the other areas' methods live, since each C function
takes the store: plans (plan.py), the action iterator (action_iter.py),
reports (report.py), plan imports (imports.py) and the people directory
(workforce.py). Casework (casework.py) is a view of a Store.
"""
import ctypes
import json

from . import _lib
from ._lib import Versioned, call_string, document, encode, fn
from .action_iter import ActionIterMethods
from .imports import PlanImportMethods
from .plan import PlanMethods
from .report import ReportMethods
from .workforce import WorkforceMethods
from .complaints import ComplaintMethods
from .audit import AuditMethods
from .supervision import SupervisionMethods
from .indicator import IndicatorMethods

_P = ctypes.c_void_p  # oversight_store*
_U32, _TEXT, _INT = ctypes.c_uint32, ctypes.c_char_p, ctypes.c_int32


class StoreOptions(Versioned):
    """oversight_store_options."""
    BACKEND_SQLITE, BACKEND_MEMORY = 0, 1
    _fields_ = [("version", _U32), ("backend", _INT), ("read_only", _INT), ("create", _INT),
                ("busy_timeout_ms", _INT)]
    _init = "oversight_store_options_init"


class HistoryQuery(Versioned):
    """oversight_store_history_query."""
    _fields_ = [("version", _U32), ("entity", _TEXT), ("entity_id", ctypes.c_int64), ("after_seq", ctypes.c_int64),
                ("limit", _INT)]
    _init = "oversight_store_history_query_init"


class ChangesQuery(Versioned):
    """oversight_store_changes_query."""
    _fields_ = [("version", _U32), ("since", ctypes.c_int64), ("limit", _INT), ("entity", _TEXT)]
    _init = "oversight_store_changes_query_init"


_open = fn("oversight_store_open", [ctypes.POINTER(_P), ctypes.c_char_p, ctypes.POINTER(StoreOptions)])
_free = fn("oversight_store_free", [_P], None)
_set_actor = fn("oversight_store_set_actor", [_P, ctypes.c_char_p])
_schema_version = fn("oversight_store_schema_version", [_P, ctypes.POINTER(ctypes.c_int32)])
_history_json = fn("oversight_store_history_json", [_P, ctypes.POINTER(HistoryQuery), ctypes.POINTER(_P)])
_changes_json = fn("oversight_store_changes_json", [_P, ctypes.POINTER(ChangesQuery), ctypes.POINTER(_P)])
_verify_history = fn("oversight_store_verify_history", [_P, ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(_P)])
_history_checkpoint = fn("oversight_store_history_checkpoint", [_P, ctypes.c_char_p, ctypes.POINTER(_P)])


class Store(PlanMethods, ActionIterMethods, ReportMethods, PlanImportMethods, WorkforceMethods, ComplaintMethods,
            AuditMethods, SupervisionMethods, IndicatorMethods, _lib.Handle):
    """One Oversight store: a SQLite file, or a private store in memory when
    `path` is None (or ":memory:").

    read_only=True refuses every change; create=False refuses to create a
    missing file (OversightError, not found); busy_timeout_ms is how long to
    wait for another connection's lock (default 5000). Use as a context
    manager, or call close(); a closed store raises ValueError. A Store may
    be used by one thread at a time; several Stores, in any threads or
    processes, may open and write the same file at once (writers take turns
    within busy_timeout_ms; <oversight/c/store.h>).
    """

    _free = staticmethod(_free)
    _kind = "store"

    def __init__(self, path=None, read_only=False, create=True, busy_timeout_ms=None):
        memory = path is None or path == ":memory:"
        opts = StoreOptions(backend=StoreOptions.BACKEND_MEMORY if memory else StoreOptions.BACKEND_SQLITE,
                            read_only=int(read_only), create=int(create))
        if busy_timeout_ms is not None:
            opts.set("busy_timeout_ms", busy_timeout_ms)
        handle = _P()
        _open(ctypes.byref(handle), None if memory else encode(str(path)), ctypes.byref(opts))
        super().__init__(handle)

    def set_actor(self, who):
        """Name recorded in the history for the changes that follow."""
        _set_actor(self._h(), encode(who))

    @property
    def schema_version(self):
        out = ctypes.c_int32()
        _schema_version(self._h(), ctypes.byref(out))
        return out.value

    def history(self, entity=None, entity_id=0, after_seq=0, limit=0):
        """The change history (list of dicts: seq, at, actor, entity,
        entity_id, field, old, new), oldest first."""
        q = HistoryQuery(entity=entity, entity_id=entity_id, after_seq=after_seq, limit=limit)
        return document(call_string(_history_json, self._h(), ctypes.byref(q)), "oversight-history")["changes"]

    def changes(self, since=0, limit=500, entity=None):
        """A page of the change feed: the history rows after sequence `since`
        (at most `limit`, 1..10000; only of kind `entity` when given) as a
        dict {"since", "entity", "next", "latest", "more", "changes"}. Keep
        "next" and read on from it while "more" is true."""
        q = ChangesQuery(since=since, limit=limit, entity=entity)
        doc = document(call_string(_changes_json, self._h(), ctypes.byref(q)), "oversight-history")
        return {k: v for k, v in doc.items() if k not in ("format", "version")}

    def verify_history(self, checkpoint=None, public_key=None):
        """Checks the history's hash chain (<oversight/store/history.hpp>,
        "Tamper evidence") and returns the oversight-history-verification
        document as a dict: {"store", "ok", "rows", "head": {"seq", "hash"}
        or None, "broken": {"seq", "problem", "message"} or None,
        "checkpoint": {"seq"} or None}. A broken chain is a result ("ok"
        False), not an exception. With `checkpoint` (the dict or JSON text
        history_checkpoint gave) and `public_key` (the Ed25519 public key,
        PEM text) the checkpoint is checked too; give both or neither."""
        if isinstance(checkpoint, dict):
            checkpoint = json.dumps(checkpoint)
        doc = document(call_string(_verify_history, self._h(), encode(checkpoint), encode(public_key)),
                       "oversight-history-verification")
        return {k: v for k, v in doc.items() if k not in ("format", "version")}

    def history_checkpoint(self, private_key):
        """A checkpoint of the history as it is now, signed with the Ed25519
        private key `private_key` (PEM text): the
        oversight-history-checkpoint document as a dict, to keep outside
        the store and give to verify_history later."""
        return document(call_string(_history_checkpoint, self._h(), encode(private_key)),
                        "oversight-history-checkpoint")
