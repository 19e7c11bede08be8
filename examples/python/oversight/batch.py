"""Batches (<oversight/c/batch.h>): many casework changes in one
transaction, all applied or none.

    import oversight
    from oversight.batch import apply_batch, BatchRefused
    with oversight.Store("casework.db") as store:
        result = apply_batch(store, [
            {"op": "child", "child": "C1", "external_id": "PARIS-17"},
            {"op": "allocate", "child": "C1", "worker": "Ann Lee", "from": "2024-03-01"},
            {"op": "event", "child": "C1", "type": "visit", "date": "2024-03-06", "external_id": "V-1"},
        ], recorded_by="PARIS feed")
        print(result["added"], "added")

Items are Python dicts with "op" and the fields of that op (the list is in
include/oversight/casework/batch.hpp and data/schemas/oversight-batch.schema.json);
dates may be datetime.date. They go to the library as NDJSON through one C
call, oversight_batch_apply_json. When any item is refused nothing is stored
and BatchRefused is raised: its .errors lists every refused item, each a dict
{"item" (from 1, the list's position + 1), "line", "op", "external_id",
"child", "status", "message"}, and its .result is the whole result document.
"""
import ctypes
import datetime
import json

from . import _lib
from ._lib import OversightError, Versioned, document, fn
from .store import Store

_P = ctypes.c_void_p
_U32, _TEXT = ctypes.c_uint32, ctypes.c_char_p
_OUT_S = ctypes.POINTER(_P)

OVERSIGHT_E_INVALID_ARG = 1


class BatchOptions(Versioned):
    """oversight_batch_options."""
    _fields_ = [("version", _U32), ("recorded_by", _TEXT), ("rule_pack", _P), ("stop_at_first_error", ctypes.c_int32)]
    _init = "oversight_batch_options_init"


class BatchEvent(Versioned):
    """oversight_batch_event."""
    _fields_ = [("version", _U32), ("child_id", _TEXT), ("type", _TEXT), ("date", _lib.Date),
                ("attributes_json", _TEXT), ("external_id", _TEXT), ("recorded_by", _TEXT)]
    _init = "oversight_batch_event_init"


_BatchP = ctypes.c_void_p  # oversight_batch* (opaque)
_new = fn("oversight_batch_new", [ctypes.POINTER(_BatchP)])
_free = fn("oversight_batch_free", [_BatchP], None)
_size = fn("oversight_batch_size", [_BatchP], ctypes.c_size_t)
_add_json = fn("oversight_batch_add_json", [_BatchP, ctypes.c_char_p, ctypes.c_size_t])
_add_event = fn("oversight_batch_add_event", [_BatchP, ctypes.POINTER(BatchEvent)])
_apply = fn("oversight_batch_apply", [_P, _BatchP, ctypes.POINTER(BatchOptions), _OUT_S])
_apply_json = fn("oversight_batch_apply_json", [_P, ctypes.c_char_p, ctypes.c_size_t, ctypes.POINTER(BatchOptions),
                                                _OUT_S])


class BatchRefused(OversightError):
    """A batch of which one or more items were refused: nothing was stored.
    .errors: every refused item; .result: the oversight-batch-result document."""

    def __init__(self, message, result):
        super().__init__(OVERSIGHT_E_INVALID_ARG, message)
        self.result = result
        self.errors = result["errors"]


def _options(recorded_by, rule_pack, stop_at_first_error):
    opts = BatchOptions(recorded_by=recorded_by, stop_at_first_error=1 if stop_at_first_error else 0)
    if rule_pack is not None:
        from .rule_pack import RulePack
        opts.set("rule_pack", _lib.handle_of(rule_pack, RulePack))
    return opts


def _result(call, out):
    """The result document of an apply call, call() (which sets `out`);
    BatchRefused when items were refused (the call failed with
    OVERSIGHT_E_INVALID_ARG and still gave a result), OversightError else."""
    try:
        call()
    except OversightError as e:
        raw = _lib.take_string(out)
        if e.status == OVERSIGHT_E_INVALID_ARG and raw is not None:
            raise BatchRefused(str(e), document(raw, "oversight-batch-result")) from None
        raise
    return document(_lib.take_string(out), "oversight-batch-result")


def _plain(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError("a batch item holds %r, which is not JSON (str, int, dict, date)" % (value,))


def to_ndjson(items):
    """The items (dicts) as NDJSON text, one item per line."""
    lines = []
    for i, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise TypeError("batch item %d is %s, not a dict" % (i, type(item).__name__))
        lines.append(json.dumps(item, default=_plain, ensure_ascii=False, separators=(",", ":")))
    return "\n".join(lines) + ("\n" if lines else "")


def apply_text(store, text, recorded_by=None, rule_pack=None, stop_at_first_error=False):
    """Applies a batch document (JSON or NDJSON, str or bytes) to the store
    and returns the result document (a dict); BatchRefused when items were
    refused, OversightError for anything else (a document that is not JSON:
    status 5, parse)."""
    h = _lib.handle_of(store, Store)
    data = text if isinstance(text, bytes) else str(text).encode("utf-8")
    opts = _options(recorded_by, rule_pack, stop_at_first_error)
    out = ctypes.c_void_p()
    return _result(lambda: _apply_json(h, data, len(data), ctypes.byref(opts), ctypes.byref(out)), out)


def apply_batch(store, items, recorded_by=None, rule_pack=None, stop_at_first_error=False):
    """Applies the items (dicts) in one transaction: see the module's help."""
    return apply_text(store, to_ndjson(items), recorded_by=recorded_by, rule_pack=rule_pack,
                      stop_at_first_error=stop_at_first_error)


class Batch(_lib.Handle):
    """A batch handle (oversight_batch): items added one by one (dicts, or
    events through the typed hot path), then applied, maybe more than once.

        with Batch() as b:
            b.add({"op": "child", "child": "C1"})
            b.add_event("C1", "visit", "2024-03-06", external_id="V-1")
            result = b.apply(store)
    """

    _free = staticmethod(_free)
    _kind = "batch"

    def __init__(self):
        handle = _BatchP()
        _new(ctypes.byref(handle))
        super().__init__(handle)

    def __len__(self):
        return _size(self._h())

    def add(self, *items):
        """Appends items (dicts); OversightError (status 5) naming a malformed one, none appended then."""
        data = to_ndjson(items).encode("utf-8")
        _add_json(self._h(), data, len(data))
        return self

    def add_event(self, child_id, type, date, attributes=None, external_id=None, recorded_by=None):
        """Appends an event item through oversight_batch_add_event."""
        e = BatchEvent(child_id=child_id, type=type, date=date, external_id=external_id, recorded_by=recorded_by)
        if attributes is not None:
            e.set("attributes_json", json.dumps(attributes, ensure_ascii=False))
        _add_event(self._h(), ctypes.byref(e))
        return self

    def apply(self, store, recorded_by=None, rule_pack=None, stop_at_first_error=False):
        """Applies the items in one transaction: the result document, or BatchRefused."""
        opts = _options(recorded_by, rule_pack, stop_at_first_error)
        out = ctypes.c_void_p()
        h = _lib.handle_of(store, Store)
        return _result(lambda: _apply(h, self._h(), ctypes.byref(opts), ctypes.byref(out)), out)
