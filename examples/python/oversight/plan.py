"""The store and its improvement plans through ctypes: <oversight/c/store.h>,
plan.h, action_iter.h, report.h, import.h and the people directory of
workforce.h.

    from oversight import Store
    with Store("plan.db") as store:
        plan_id, warnings = store.import_seed_plan("plan.txt", report_date="2012-09-14")
        store.add_progress("1.1", "Twelve posts filled", date="2012-10-10", author="F. Budgen")
        store.update_action("1.1", status="in_progress", lead="Felicity Budgen")
        print(store.report(as_of="2012-10-12", fmt="text"))

Plans are addressed by id; every method taking `plan_id=None` uses the
latest plan. Dates are datetime.date or "YYYY-MM-DD" strings. A failing
call raises OversightError (.status, message).
"""
import collections
import ctypes
import datetime
import json

from . import _lib
from ._lib import Date, Versioned, encode, fn, call_string, document

_c = ctypes
_P = _c.c_void_p           # oversight_store*, oversight_action_iter*
_S = _c.c_char_p           # const char* in
_I64 = _lib.Int64            # int64_t argument (range-checked)
_I32 = _lib.Int32            # int32_t argument (range-checked)
_DP = _c.POINTER(Date)     # const oversight_date* (None: NULL)
_OUT_S = _c.POINTER(_c.c_void_p)  # char **out (owned)
_OUT_I64 = _c.POINTER(_c.c_int64)
_OUT_I32 = _c.POINTER(_c.c_int32)
_U32, _TEXT, _INT = _c.c_uint32, _c.c_char_p, _c.c_int32

# ------------------------------------------------------ the versioned structs


class StoreOptions(Versioned):
    """oversight_store_options."""
    BACKEND_SQLITE, BACKEND_MEMORY = 0, 1
    _fields_ = [("version", _U32), ("backend", _INT), ("read_only", _INT), ("create", _INT),
                ("busy_timeout_ms", _INT)]
    _init = "oversight_store_options_init"


class HistoryQuery(Versioned):
    """oversight_store_history_query."""
    _fields_ = [("version", _U32), ("entity", _TEXT), ("entity_id", _c.c_int64), ("after_seq", _c.c_int64),
                ("limit", _INT)]
    _init = "oversight_store_history_query_init"


class PlanSettings(Versioned):
    """oversight_plan_settings."""
    _fields_ = [("version", _U32), ("immediately_days", _INT), ("due_soon_days", _INT), ("stale_update_days", _INT)]
    _init = "oversight_plan_settings_init"


class Recommendation(Versioned):
    """oversight_plan_recommendation."""
    _fields_ = [("version", _U32), ("number", _INT), ("section", _TEXT), ("text", _TEXT), ("timescale", _TEXT),
                ("explicit_date", _DP), ("lead", _TEXT), ("cost", _TEXT)]
    _init = "oversight_plan_recommendation_init"


class RecommendationChange(Versioned):
    """oversight_plan_recommendation_change: None members are left unchanged."""
    _fields_ = [("version", _U32), ("section", _TEXT), ("text", _TEXT), ("timescale", _TEXT),
                ("explicit_date", _DP), ("clear_explicit_date", _INT), ("lead", _TEXT), ("cost", _TEXT)]
    _init = "oversight_plan_recommendation_change_init"


class Action(Versioned):
    """oversight_plan_action."""
    _fields_ = [("version", _U32), ("ref", _TEXT), ("description", _TEXT), ("lead", _TEXT), ("status", _TEXT),
                ("due", _DP), ("impact_intended", _TEXT), ("impact_evidence", _TEXT), ("cost", _TEXT)]
    _init = "oversight_plan_action_init"


class ActionChange(Versioned):
    """oversight_plan_action_change: None members are left unchanged."""
    _fields_ = [("version", _U32), ("status", _TEXT), ("description", _TEXT), ("lead", _TEXT), ("due", _DP),
                ("clear_due", _INT), ("impact_intended", _TEXT), ("impact_evidence", _TEXT), ("cost", _TEXT)]
    _init = "oversight_plan_action_change_init"


class Progress(Versioned):
    """oversight_plan_progress."""
    _fields_ = [("version", _U32), ("date", Date), ("author", _TEXT), ("text", _TEXT)]
    _init = "oversight_plan_progress_init"


class Task(Versioned):
    """oversight_plan_task."""
    _fields_ = [("version", _U32), ("text", _TEXT), ("owner", _TEXT), ("due", _DP)]
    _init = "oversight_plan_task_init"


class RagOverride(Versioned):
    """oversight_plan_rag_override."""
    _fields_ = [("version", _U32), ("rag", _TEXT), ("by", _TEXT), ("reason", _TEXT), ("set_on", Date)]
    _init = "oversight_plan_rag_override_init"


class ReportOptions(Versioned):
    """oversight_report_options (within_days -1: the plan's setting)."""
    _fields_ = [("version", _U32), ("kind", _TEXT), ("format", _TEXT), ("as_of", _DP), ("within_days", _INT)]
    _init = "oversight_report_options_init"


class ImportOptions(Versioned):
    """oversight_import_options."""
    _fields_ = [("version", _U32), ("report_date", _DP), ("title", _TEXT), ("authority", _TEXT),
                ("recorded_by", _TEXT)]
    _init = "oversight_import_options_init"


class Person(Versioned):
    """oversight_workforce_person."""
    _fields_ = [("version", _U32), ("name", _TEXT), ("job_title", _TEXT), ("email", _TEXT), ("team", _TEXT),
                ("agency", _TEXT)]
    _init = "oversight_workforce_person_init"


def _ref(struct):
    return _c.byref(struct)


# ------------------------------------------------------------- the functions

# store.h
_store_open = fn("oversight_store_open", [_c.POINTER(_P), _S, _c.POINTER(StoreOptions)])
_store_free = fn("oversight_store_free", [_P], None)
_store_set_actor = fn("oversight_store_set_actor", [_P, _S])
_store_schema_version = fn("oversight_store_schema_version", [_P, _OUT_I32])
_store_history_json = fn("oversight_store_history_json", [_P, _c.POINTER(HistoryQuery), _OUT_S])
# plan.h: plans
_create = fn("oversight_plan_create", [_P, _S, _S, _DP, _OUT_I64])
_latest = fn("oversight_plan_latest", [_P, _OUT_I64])
_list_json = fn("oversight_plan_list_json", [_P, _OUT_S])
_set_settings = fn("oversight_plan_set_settings", [_P, _I64, _c.POINTER(PlanSettings)])
_set_report_date = fn("oversight_plan_set_report_date", [_P, _I64, _DP])
_export_json = fn("oversight_plan_export_json", [_P, _I64, _OUT_S])
_export_csv = fn("oversight_plan_export_csv", [_P, _I64, _OUT_S])
# plan.h: recommendations and actions
_add_recommendation = fn("oversight_plan_add_recommendation", [_P, _I64, _c.POINTER(Recommendation), _OUT_I64])
_update_recommendation = fn("oversight_plan_update_recommendation",
                            [_P, _I64, _I32, _c.POINTER(RecommendationChange)])
_add_action = fn("oversight_plan_add_action", [_P, _I64, _I32, _c.POINTER(Action), _OUT_I64])
_update_action = fn("oversight_plan_update_action", [_P, _I64, _S, _c.POINTER(ActionChange)])
_add_progress = fn("oversight_plan_add_progress", [_P, _I64, _S, _c.POINTER(Progress), _OUT_I64])
_add_milestone = fn("oversight_plan_add_milestone", [_P, _I64, _S, Date, _S, _OUT_I64])
_complete_milestone = fn("oversight_plan_complete_milestone", [_P, _I64, _I32])
_add_task = fn("oversight_plan_add_task", [_P, _I64, _S, _c.POINTER(Task), _OUT_I64])
_complete_task = fn("oversight_plan_complete_task", [_P, _I64, _I32])
_set_rag = fn("oversight_plan_set_rag", [_P, _I64, _S, _c.POINTER(RagOverride)])
_clear_rag = fn("oversight_plan_clear_rag", [_P, _I64, _S])
_plan_people_json = fn("oversight_plan_people_json", [_P, _I64, _OUT_S])
# report.h
_report = fn("oversight_report_plan", [_P, _I64, _c.POINTER(ReportOptions), _OUT_S])
# import.h (SSDA903 is in casework.py)
_import_seed = fn("oversight_import_seed_plan", [_P, _S, _c.POINTER(ImportOptions), _OUT_I64, _OUT_S])
_import_json = fn("oversight_import_plan_json", [_P, _S, _c.POINTER(ImportOptions), _OUT_I64, _OUT_S])
_import_csv = fn("oversight_import_plan_csv", [_P, _S, _c.POINTER(ImportOptions), _OUT_I64, _OUT_S])
# workforce.h: the people directory (teams and workers are in casework.py)
_add_person = fn("oversight_workforce_add_person", [_P, _c.POINTER(Person), _OUT_I64])
_merge_people = fn("oversight_workforce_merge_people", [_P, _S, _S])
_people_json = fn("oversight_workforce_people_json", [_P, Date, _OUT_S])
# action_iter.h
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

#: Action fields set_action_text accepts, and their change-struct members.
_ACTION_TEXT_FIELDS = ("lead", "description", "impact_intended", "impact_evidence", "cost")
_RECOMMENDATION_TEXT_FIELDS = ("section", "text", "lead", "cost")


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
            opts = StoreOptions(backend=StoreOptions.BACKEND_MEMORY)
            _store_open(_c.byref(handle), None, _ref(opts))
        else:
            _store_open(_c.byref(handle), encode(str(path)), None)
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

    def history(self, entity=None, entity_id=0, after_seq=0, limit=0):
        """The change history (list of dicts: seq, at, actor, entity,
        entity_id, field, old, new), oldest first."""
        q = HistoryQuery(entity=entity, entity_id=entity_id, after_seq=after_seq, limit=limit)
        return document(call_string(_store_history_json, self._h(), _ref(q)), "oversight-history")["changes"]

    # ----------------------------------------------------------- plans

    def _plan(self, plan_id):
        return self.latest_plan_id() if plan_id is None else plan_id

    def import_seed_plan(self, path, report_date=None, title=None, authority=None):
        """Imports the tab-separated export of a PDF plan. Returns
        (plan_id, warnings): every repair as an issue of the import summary
        ({"file", "line", "message", "severity", ...})."""
        plan_id, summary = self.import_seed_plan_summary(path, report_date, title, authority)
        return plan_id, summary["issues"]

    def import_seed_plan_summary(self, path, report_date=None, title=None, authority=None):
        """Imports the seed format; returns (plan_id, the import summary dict)."""
        plan_id = _c.c_int64()
        summary = _c.c_void_p()
        opts = ImportOptions(report_date=report_date, title=title, authority=authority)
        _import_seed(self._h(), encode(str(path)), _ref(opts), _c.byref(plan_id), _c.byref(summary))
        return plan_id.value, document(_lib.take_string(summary), "oversight-import-summary")

    def import_json(self, text, report_date=None, title=None, authority=None):
        """Saves a plan given as canonical JSON text (the keywords replace the
        file's values when given); returns its id."""
        out = _c.c_int64()
        opts = ImportOptions(report_date=report_date, title=title, authority=authority)
        _import_json(self._h(), encode(text), _ref(opts), _c.byref(out), None)
        return out.value

    def import_csv(self, text, report_date=None, title=None, authority=None):
        """Saves a plan given as canonical CSV text; returns its id."""
        out = _c.c_int64()
        opts = ImportOptions(report_date=report_date, title=title, authority=authority)
        _import_csv(self._h(), encode(text), _ref(opts), _c.byref(out), None)
        return out.value

    def export_json(self, plan_id=None):
        return call_string(_export_json, self._h(), self._plan(plan_id))

    def export_csv(self, plan_id=None):
        return call_string(_export_csv, self._h(), self._plan(plan_id))

    def plan(self, plan_id=None):
        """The plan as a dict (the canonical JSON document)."""
        return document(self.export_json(plan_id), "oversight-plan")

    def create_plan(self, title, authority=None, report_date=None):
        out = _c.c_int64()
        _create(self._h(), encode(title), encode(authority), _opt_date(report_date), _c.byref(out))
        return out.value

    def latest_plan_id(self):
        """The newest plan's id; OversightError (not found) when there is none."""
        out = _c.c_int64()
        _latest(self._h(), _c.byref(out))
        return out.value

    def plans(self):
        """Every plan: list of {"id", "title", "authority", "report_date",
        "recommendations", "actions"}."""
        return document(call_string(_list_json, self._h()), "oversight-plan-list")["plans"]

    def set_settings(self, immediately_days=0, due_soon_days=28, stale_update_days=90, plan_id=None):
        settings = PlanSettings(immediately_days=immediately_days, due_soon_days=due_soon_days,
                                stale_update_days=stale_update_days)
        _set_settings(self._h(), self._plan(plan_id), _ref(settings))

    def set_report_date(self, report_date, plan_id=None):
        """Sets (or with None clears) the inspection report date."""
        _set_report_date(self._h(), self._plan(plan_id), _opt_date(report_date))

    # ------------------------------------------------- recommendations

    def add_recommendation(self, number, text, timescale, section="", explicit_date=None, lead=None, cost=None,
                           plan_id=None):
        out = _c.c_int64()
        r = Recommendation(number=number, section=section, text=text, timescale=timescale,
                           explicit_date=explicit_date, lead=lead, cost=cost)
        _add_recommendation(self._h(), self._plan(plan_id), _ref(r), _c.byref(out))
        return out.value

    def update_recommendation(self, number, plan_id=None, clear_explicit_date=False, **changes):
        """Changes a recommendation in one transaction: section, text,
        timescale, explicit_date, lead, cost (cost text is re-parsed);
        clear_explicit_date=True removes the explicit date."""
        c = RecommendationChange(clear_explicit_date=1 if clear_explicit_date else 0, **changes)
        _update_recommendation(self._h(), self._plan(plan_id), number, _ref(c))

    def set_recommendation_text(self, number, field, value, plan_id=None):
        """field: "section", "text", "lead" or "cost" (update_recommendation
        does the same with keywords)."""
        if field not in _RECOMMENDATION_TEXT_FIELDS:
            raise ValueError("unknown recommendation field %r (%s)" % (field, ", ".join(_RECOMMENDATION_TEXT_FIELDS)))
        self.update_recommendation(number, plan_id=plan_id, **{field: value})

    def set_recommendation_timescale(self, number, timescale, explicit_date=None, plan_id=None):
        """Sets the timescale and the explicit date (None clears it)."""
        self.update_recommendation(number, plan_id=plan_id, timescale=timescale, explicit_date=explicit_date,
                                   clear_explicit_date=explicit_date is None)

    # --------------------------------------------------------- actions

    def add_action(self, recommendation, ref, description, lead=None, status=None, due=None, impact=None,
                   cost=None, plan_id=None, impact_evidence=None):
        out = _c.c_int64()
        a = Action(ref=ref, description=description, lead=lead, status=status, due=due, impact_intended=impact,
                   impact_evidence=impact_evidence, cost=cost)
        _add_action(self._h(), self._plan(plan_id), recommendation, _ref(a), _c.byref(out))
        return out.value

    def update_action(self, ref, plan_id=None, clear_due=False, **changes):
        """Changes an action in one transaction: status, description, lead,
        due, impact_intended, impact_evidence, cost; clear_due=True drops its
        own due date (the recommendation's applies again)."""
        c = ActionChange(clear_due=1 if clear_due else 0, **changes)
        _update_action(self._h(), self._plan(plan_id), encode(ref), _ref(c))

    def set_action_status(self, ref, status, plan_id=None):
        self.update_action(ref, plan_id=plan_id, status=status)

    def set_action_due(self, ref, due, plan_id=None):
        """Sets the action's own due date; None: the recommendation's applies."""
        if due is None:
            self.update_action(ref, plan_id=plan_id, clear_due=True)
        else:
            self.update_action(ref, plan_id=plan_id, due=due)

    def set_action_text(self, ref, field, value, plan_id=None):
        """field: "lead", "description", "impact_intended", "impact_evidence"
        or "cost" (update_action does the same with keywords)."""
        if field not in _ACTION_TEXT_FIELDS:
            raise ValueError("unknown action field %r (%s)" % (field, ", ".join(_ACTION_TEXT_FIELDS)))
        self.update_action(ref, plan_id=plan_id, **{field: value})

    def add_progress(self, ref, text, date, author=None, plan_id=None):
        out = _c.c_int64()
        p = Progress(date=date, author=author, text=text)
        _add_progress(self._h(), self._plan(plan_id), encode(ref), _ref(p), _c.byref(out))
        return out.value

    def add_milestone(self, ref, date, text, plan_id=None):
        out = _c.c_int64()
        _add_milestone(self._h(), self._plan(plan_id), encode(ref), Date.of(date), encode(text), _c.byref(out))
        return out.value

    def complete_milestone(self, milestone_id, done=True):
        _complete_milestone(self._h(), milestone_id, 1 if done else 0)

    def add_task(self, ref, text, owner=None, due=None, plan_id=None):
        out = _c.c_int64()
        t = Task(text=text, owner=owner, due=due)
        _add_task(self._h(), self._plan(plan_id), encode(ref), _ref(t), _c.byref(out))
        return out.value

    def complete_task(self, task_id, done=True):
        _complete_task(self._h(), task_id, 1 if done else 0)

    def set_rag(self, ref, rag, by, reason, set_on, plan_id=None):
        """Manual RAG ("blue", "green", "amber", "red") with who, why and when."""
        o = RagOverride(rag=rag, by=by, reason=reason, set_on=set_on)
        _set_rag(self._h(), self._plan(plan_id), encode(ref), _ref(o))

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

    def add_person(self, name, job_title=None, email=None, team=None, agency=None, role=None):
        """Adds a person to the directory (`role` is the old name of job_title)."""
        out = _c.c_int64()
        p = Person(name=name, job_title=job_title if job_title is not None else role, email=email, team=team,
                   agency=agency)
        _add_person(self._h(), _ref(p), _c.byref(out))
        return out.value

    def directory(self, as_of=None):
        """The people directory on `as_of` (default today): list of {"id", "name",
        "job_title", "email", "agency", "role", "team", "line_manager"}, the last
        three from each person's appointment that day."""
        day = Date.of(as_of if as_of is not None else datetime.date.today())
        return document(call_string(_people_json, self._h(), day), "oversight-people")["people"]

    def people(self, plan_id=None):
        """{"directory": [...], "unlisted": [...], "probable_duplicates": [...]}:
        the directory, and the plan's names that need a human's attention."""
        doc = document(call_string(_plan_people_json, self._h(), self._plan(plan_id)), "oversight-plan-people")
        return {"directory": self.directory(), "unlisted": doc["unlisted"],
                "probable_duplicates": doc["probable_duplicates"]}

    def merge_people(self, from_name, into_name):
        _merge_people(self._h(), encode(from_name), encode(into_name))

    # --------------------------------------------------------- reports

    def report(self, as_of=None, kind="full", fmt="text", within_days=None, plan_id=None):
        """One report as text (fmt "text", "md", "csv" or "json"); as_of None
        is today; within_days None is the plan's due_soon_days."""
        opts = ReportOptions(kind=kind, format=fmt, as_of=as_of, within_days=-1 if within_days is None else within_days)
        return call_string(_report, self._h(), self._plan(plan_id), _ref(opts))
