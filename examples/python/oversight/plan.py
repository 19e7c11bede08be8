"""The store and its improvement plans (capi/oversight_plan.h) through ctypes.

    from oversight import Store
    with Store("plan.db") as store:
        plan_id, warnings = store.import_seed_plan("plan.txt", report_date="2012-09-14")
        store.add_progress("1.1", "Twelve posts filled", date="2012-10-10", author="F. Budgen")
        print(store.report(as_of="2012-10-12", fmt="text"))

Plans are addressed by id; every method taking `plan_id=None` uses the
latest plan. Dates are datetime.date or "YYYY-MM-DD" strings. A failing
call raises OversightError (.status, message).
"""
import collections
import ctypes
import json

from . import _lib
from ._lib import Date, encode, fn, call_string

_c = ctypes
_P = _c.c_void_p           # oversight_store*, oversight_action_iter*
_S = _c.c_char_p           # const char* in
_I64 = _lib.Int64            # int64_t argument (range-checked)
_I32 = _lib.Int32            # int32_t argument (range-checked)
_DP = _c.POINTER(Date)     # const oversight_date* (None: NULL)
_OUT_S = _c.POINTER(_c.c_void_p)  # char **out (owned)
_OUT_I64 = _c.POINTER(_c.c_int64)
_OUT_I32 = _c.POINTER(_c.c_int32)

# store (oversight.h)
_store_open = fn("oversight_store_open", [_c.POINTER(_P), _S])
_store_open_memory = fn("oversight_store_open_memory", [_c.POINTER(_P)])
_store_free = fn("oversight_store_free", [_P], None)
_store_set_actor = fn("oversight_store_set_actor", [_P, _S])
_store_schema_version = fn("oversight_store_schema_version", [_P, _OUT_I32])
_store_history_json = fn("oversight_store_history_json", [_P, _S, _OUT_S])

# import and export
_import_seed = fn("oversight_plan_import_seed", [_P, _S, _DP, _S, _S, _OUT_I64, _OUT_S])
_import_json = fn("oversight_plan_import_json", [_P, _S, _OUT_I64])
_import_csv = fn("oversight_plan_import_csv", [_P, _S, _OUT_I64])
_export_json = fn("oversight_plan_export_json", [_P, _I64, _OUT_S])
_export_csv = fn("oversight_plan_export_csv", [_P, _I64, _OUT_S])
# plans
_create = fn("oversight_plan_create", [_P, _S, _S, _DP, _OUT_I64])
_latest = fn("oversight_plan_latest", [_P, _OUT_I64])
_list_json = fn("oversight_plan_list_json", [_P, _OUT_S])
_set_settings = fn("oversight_plan_set_settings", [_P, _I64, _I32, _I32, _I32])
_set_report_date = fn("oversight_plan_set_report_date", [_P, _I64, _DP])
# recommendations
_add_recommendation = fn("oversight_plan_add_recommendation",
                         [_P, _I64, _I32, _S, _S, _S, _DP, _S, _S, _OUT_I64])
_set_recommendation_text = fn("oversight_plan_set_recommendation_text", [_P, _I64, _I32, _S, _S])
_set_recommendation_timescale = fn("oversight_plan_set_recommendation_timescale", [_P, _I64, _I32, _S, _DP])
# actions
_add_action = fn("oversight_plan_add_action", [_P, _I64, _I32, _S, _S, _S, _S, _DP, _S, _S, _OUT_I64])
_set_action_status = fn("oversight_plan_set_action_status", [_P, _I64, _S, _S])
_set_action_due = fn("oversight_plan_set_action_due", [_P, _I64, _S, _DP])
_set_action_text = fn("oversight_plan_set_action_text", [_P, _I64, _S, _S, _S])
_add_progress = fn("oversight_plan_add_progress", [_P, _I64, _S, Date, _S, _S, _OUT_I64])
_add_milestone = fn("oversight_plan_add_milestone", [_P, _I64, _S, Date, _S, _OUT_I64])
_complete_milestone = fn("oversight_plan_complete_milestone", [_P, _I64, _I32])
_add_task = fn("oversight_plan_add_task", [_P, _I64, _S, _S, _S, _DP, _OUT_I64])
_complete_task = fn("oversight_plan_complete_task", [_P, _I64, _I32])
_set_rag = fn("oversight_plan_set_rag", [_P, _I64, _S, _S, _S, _S, Date])
_clear_rag = fn("oversight_plan_clear_rag", [_P, _I64, _S])
# people
_add_person = fn("oversight_plan_add_person", [_P, _S, _S, _S, _S, _OUT_I64])
_people_json = fn("oversight_plan_people_json", [_P, _I64, _OUT_S])
_merge_people = fn("oversight_plan_merge_people", [_P, _S, _S])
# reports
_report = fn("oversight_plan_report", [_P, _I64, _S, _S, Date, _OUT_S])
_report_within = fn("oversight_plan_report_within", [_P, _I64, _S, _S, Date, _I32, _OUT_S])
# action iterator
_iter_open = fn("oversight_action_iter_open", [_c.POINTER(_P), _P, _I64, Date])
_iter_next = fn("oversight_action_iter_next", [_P, _OUT_I32])
_iter_free = fn("oversight_action_iter_free", [_P], None)
_iter_text = {name: fn("oversight_action_iter_" + name, [_P], _c.c_char_p)
              for name in ("ref", "description", "lead", "status", "rag", "rag_reason")}
# Returns a number, not a status.
_iter_recommendation = fn("oversight_action_iter_recommendation", [_P], _c.c_int32, status=False)
_iter_due = fn("oversight_action_iter_due", [_P, _c.POINTER(Date), _OUT_I32])

#: One action of a plan with its RAG as of a date (Store.actions).
ActionRow = collections.namedtuple(
    "ActionRow", "ref recommendation description lead status due rag rag_reason")


def _opt_date(value):
    """None -> NULL, else a pointer to an oversight_date."""
    return None if value is None else _c.byref(Date.of(value))


class Store(_lib.Handle):
    """One Oversight store (a SQLite file, or in memory when path is None).

    Other modules of this package get its oversight_store* with `_h()`.
    Use as a context manager, or call close(); a closed store raises
    ValueError. A Store may be used by one thread at a time.
    """

    _free = staticmethod(_store_free)
    _kind = "store"

    def __init__(self, path=None):
        handle = _P()
        if path is None or path == ":memory:":
            _store_open_memory(_c.byref(handle))
        else:
            _store_open(_c.byref(handle), encode(path))
        super().__init__(handle)

    # ------------------------------------------------------------ store

    def set_actor(self, who):
        """Name recorded in the history for the changes that follow."""
        _store_set_actor(self._h(), encode(who))

    @property
    def schema_version(self):
        out = _c.c_int32()
        _store_schema_version(self._h(), _c.byref(out))
        return out.value

    def history(self, entity=None):
        """The change history (list of dicts: seq, at, actor, entity,
        entity_id, field, old, new), oldest first."""
        return json.loads(call_string(_store_history_json, self._h(), encode(entity)))

    # ----------------------------------------------------------- plans

    def _plan(self, plan_id):
        return self.latest_plan_id() if plan_id is None else plan_id

    def import_seed_plan(self, path, report_date=None, title=None, authority=None):
        """Imports the tab-separated export of a PDF plan. Returns
        (plan_id, warnings) with warnings a list of {"line", "message"}."""
        plan_id = _I64()
        warnings = _c.c_void_p()
        _import_seed(self._h(), encode(path), _opt_date(report_date), encode(title), encode(authority),
                     _c.byref(plan_id), _c.byref(warnings))
        return plan_id.value, json.loads(_lib.take_string(warnings))

    def import_json(self, text):
        """Saves a plan given as canonical JSON text; returns its id."""
        out = _I64()
        _import_json(self._h(), encode(text), _c.byref(out))
        return out.value

    def import_csv(self, text):
        """Saves a plan given as canonical CSV text; returns its id."""
        out = _I64()
        _import_csv(self._h(), encode(text), _c.byref(out))
        return out.value

    def export_json(self, plan_id=None):
        return call_string(_export_json, self._h(), self._plan(plan_id))

    def export_csv(self, plan_id=None):
        return call_string(_export_csv, self._h(), self._plan(plan_id))

    def plan(self, plan_id=None):
        """The plan as a dict (the canonical JSON document)."""
        return json.loads(self.export_json(plan_id))

    def create_plan(self, title, authority=None, report_date=None):
        out = _I64()
        _create(self._h(), encode(title), encode(authority), _opt_date(report_date), _c.byref(out))
        return out.value

    def latest_plan_id(self):
        """The newest plan's id; OversightError (not found) when there is none."""
        out = _I64()
        _latest(self._h(), _c.byref(out))
        return out.value

    def plans(self):
        """Every plan: list of {"id", "title", "authority", "report_date",
        "recommendations", "actions"}."""
        return json.loads(call_string(_list_json, self._h()))

    def set_settings(self, immediately_days=0, due_soon_days=28, stale_update_days=90, plan_id=None):
        _set_settings(self._h(), self._plan(plan_id), immediately_days, due_soon_days, stale_update_days)

    def set_report_date(self, report_date, plan_id=None):
        """Sets (or with None clears) the inspection report date."""
        _set_report_date(self._h(), self._plan(plan_id), _opt_date(report_date))

    # ------------------------------------------------- recommendations

    def add_recommendation(self, number, text, timescale, section="", explicit_date=None, lead=None, cost=None,
                           plan_id=None):
        out = _I64()
        _add_recommendation(self._h(), self._plan(plan_id), number, encode(section), encode(text),
                            encode(timescale), _opt_date(explicit_date), encode(lead), encode(cost),
                            _c.byref(out))
        return out.value

    def set_recommendation_text(self, number, field, value, plan_id=None):
        """field: "section", "text", "lead" or "cost"."""
        _set_recommendation_text(self._h(), self._plan(plan_id), number, encode(field), encode(value))

    def set_recommendation_timescale(self, number, timescale, explicit_date=None, plan_id=None):
        _set_recommendation_timescale(self._h(), self._plan(plan_id), number, encode(timescale),
                                      _opt_date(explicit_date))

    # --------------------------------------------------------- actions

    def add_action(self, recommendation, ref, description, lead=None, status=None, due=None, impact=None,
                   cost=None, plan_id=None):
        out = _I64()
        _add_action(self._h(), self._plan(plan_id), recommendation, encode(ref), encode(description),
                    encode(lead), encode(status), _opt_date(due), encode(impact), encode(cost), _c.byref(out))
        return out.value

    def set_action_status(self, ref, status, plan_id=None):
        _set_action_status(self._h(), self._plan(plan_id), encode(ref), encode(status))

    def set_action_due(self, ref, due, plan_id=None):
        """Sets the action's own due date; None: the recommendation's applies."""
        _set_action_due(self._h(), self._plan(plan_id), encode(ref), _opt_date(due))

    def set_action_text(self, ref, field, value, plan_id=None):
        """field: "lead", "description", "impact_intended", "impact_evidence" or "cost"."""
        _set_action_text(self._h(), self._plan(plan_id), encode(ref), encode(field), encode(value))

    def add_progress(self, ref, text, date, author=None, plan_id=None):
        out = _I64()
        _add_progress(self._h(), self._plan(plan_id), encode(ref), Date.of(date), encode(author), encode(text),
                      _c.byref(out))
        return out.value

    def add_milestone(self, ref, date, text, plan_id=None):
        out = _I64()
        _add_milestone(self._h(), self._plan(plan_id), encode(ref), Date.of(date), encode(text), _c.byref(out))
        return out.value

    def complete_milestone(self, milestone_id, done=True):
        _complete_milestone(self._h(), milestone_id, 1 if done else 0)

    def add_task(self, ref, text, owner=None, due=None, plan_id=None):
        out = _I64()
        _add_task(self._h(), self._plan(plan_id), encode(ref), encode(text), encode(owner), _opt_date(due),
                  _c.byref(out))
        return out.value

    def complete_task(self, task_id, done=True):
        _complete_task(self._h(), task_id, 1 if done else 0)

    def set_rag(self, ref, rag, by, reason, set_on, plan_id=None):
        """Manual RAG ("blue", "green", "amber", "red") with who, why and when."""
        _set_rag(self._h(), self._plan(plan_id), encode(ref), encode(rag), encode(by), encode(reason),
                 Date.of(set_on))

    def clear_rag(self, ref, plan_id=None):
        _clear_rag(self._h(), self._plan(plan_id), encode(ref))

    def actions(self, as_of, plan_id=None):
        """Every action in plan order with its RAG as of a date (ActionRow list)."""
        it = _P()
        _iter_open(_c.byref(it), self._h(), self._plan(plan_id), Date.of(as_of))
        rows = []
        try:
            has = _c.c_int32()
            due = Date()
            has_due = _c.c_int32()
            while True:
                _iter_next(it, _c.byref(has))
                if not has.value:
                    break
                text = {k: f(it).decode("utf-8") for k, f in _iter_text.items()}
                _iter_due(it, _c.byref(due), _c.byref(has_due))
                rows.append(ActionRow(text["ref"], _iter_recommendation(it), text["description"], text["lead"],
                                      text["status"], due.to_date() if has_due.value else None, text["rag"],
                                      text["rag_reason"]))
        finally:
            _iter_free(it)
        return rows

    # ---------------------------------------------------------- people

    def add_person(self, name, role=None, email=None, team=None):
        out = _I64()
        _add_person(self._h(), encode(name), encode(role), encode(email), encode(team), _c.byref(out))
        return out.value

    def people(self, plan_id=None):
        """{"directory": [...], "unlisted": [...], "probable_duplicates": [...]}."""
        return json.loads(call_string(_people_json, self._h(), self._plan(plan_id)))

    def merge_people(self, from_name, into_name):
        _merge_people(self._h(), encode(from_name), encode(into_name))

    # --------------------------------------------------------- reports

    def report(self, as_of, kind="full", fmt="text", within_days=None, plan_id=None):
        """One report as text (fmt "text", "md", "csv" or "json")."""
        if within_days is None:
            return call_string(_report, self._h(), self._plan(plan_id), encode(kind), encode(fmt), Date.of(as_of))
        return call_string(_report_within, self._h(), self._plan(plan_id), encode(kind), encode(fmt),
                           Date.of(as_of), within_days)
