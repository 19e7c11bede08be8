"""Improvement plans in a store (<oversight/c/plan.h>): plans,
recommendations, actions, progress, milestones, tasks, manual RAG, the
canonical exports, the people a plan names, and the Ofsted inspection a
plan answers with its action-plan clocks (set_inspection, inspection_clocks).

    from oversight import Store
    with Store("plan.db") as store:
        plan_id = store.create_plan("Improvement plan", report_date="2012-09-14")
        store.add_recommendation(1, "Improve quality", "immediately", lead="Felicity Budgen")
        store.add_action(1, "1.1", "Secure a workforce", status="in_progress")
        store.add_progress("1.1", "Twelve posts filled", date="2012-10-10", author="F. Budgen")
        store.update_action("1.1", lead="Felicity Budgen", due="2013-03-31")   # one transaction

These are methods of oversight.Store (PlanMethods is one of its bases).
Plans are addressed by id; every method taking `plan_id=None` uses the
latest plan. Dates are datetime.date or "YYYY-MM-DD" strings. A failing
call raises OversightError (.status, message).
"""
import ctypes

from . import _lib
from ._lib import Date, Versioned, call_string, document, encode, fn

_c = ctypes
_P = _c.c_void_p           # oversight_store*
_S = _c.c_char_p           # const char* in
_I64 = _lib.Int64          # int64_t argument (range-checked)
_I32 = _lib.Int32          # int32_t argument (range-checked)
_DP = _c.POINTER(Date)     # const oversight_date* (None: NULL)
_OUT_S = _c.POINTER(_c.c_void_p)  # char **out (owned)
_OUT_I64 = _c.POINTER(_c.c_int64)
_U32, _TEXT, _INT = _c.c_uint32, _c.c_char_p, _c.c_int32


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


class Inspection(Versioned):
    """oversight_plan_inspection (no overall effectiveness grade: Ofsted no longer gives one)."""
    _fields_ = [("version", _U32), ("kind", _TEXT), ("letter", Date), ("ended", _DP), ("priority_actions", _INT),
                ("monitored", _INT), ("draft_submitted", _DP), ("plan_submitted", _DP), ("owner", _TEXT)]
    _init = "oversight_plan_inspection_init"


_create = fn("oversight_plan_create", [_P, _S, _S, _DP, _OUT_I64])
_latest = fn("oversight_plan_latest", [_P, _OUT_I64])
_list_json = fn("oversight_plan_list_json", [_P, _OUT_S])
_set_settings = fn("oversight_plan_set_settings", [_P, _I64, _c.POINTER(PlanSettings)])
_set_report_date = fn("oversight_plan_set_report_date", [_P, _I64, _DP])
_export_json = fn("oversight_plan_export_json", [_P, _I64, _OUT_S])
_export_csv = fn("oversight_plan_export_csv", [_P, _I64, _OUT_S])
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
_people_json = fn("oversight_plan_people_json", [_P, _I64, _OUT_S])
_set_inspection = fn("oversight_plan_set_inspection", [_P, _I64, _c.POINTER(Inspection)])
_inspection_clocks_json = fn("oversight_plan_inspection_clocks_json", [_P, _I64, _P, _DP, _OUT_S])

#: Action fields set_action_text accepts, and their change-struct members.
_ACTION_TEXT_FIELDS = ("lead", "description", "impact_intended", "impact_evidence", "cost")
_RECOMMENDATION_TEXT_FIELDS = ("section", "text", "lead", "cost")


def _opt_date(value):
    """None -> NULL, else a pointer to an oversight_date."""
    return None if value is None else _c.byref(Date.of(value))


def _ref(struct):
    return _c.byref(struct)


class PlanMethods:
    """The methods of oversight.Store that <oversight/c/plan.h> gives."""

    def _plan(self, plan_id):
        return self.latest_plan_id() if plan_id is None else plan_id

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

    # ------------------------------------------------------ inspection

    def set_inspection(self, kind, letter, ended=None, priority_actions=False, monitored=False,
                       draft_submitted=None, plan_submitted=None, owner=None, plan_id=None):
        """Records (or replaces) the inspection the plan answers: kind "full",
        "focused_visit", "monitoring_visit" or "other"; the letter's date (day
        0 of the clocks); submissions of the draft and the final action plan."""
        i = Inspection(kind=kind, letter=letter, ended=ended, priority_actions=int(bool(priority_actions)),
                       monitored=int(bool(monitored)), draft_submitted=draft_submitted,
                       plan_submitted=plan_submitted, owner=owner)
        _set_inspection(self._h(), self._plan(plan_id), _ref(i))

    def clear_inspection(self, plan_id=None):
        """Removes the plan's inspection."""
        _set_inspection(self._h(), self._plan(plan_id), None)

    def inspection_clocks(self, as_of=None, calendar=None, plan_id=None):
        """The oversight-inspection-clocks document as a dict: "inspection"
        (or None) and "clocks" [{"id", "name", "due", "rule", "state",
        "state_text", "working_days_left", ...}] as of `as_of` (None: today),
        working days on `calendar` (None: England and Wales)."""
        from .calendar import Calendar
        return document(call_string(_inspection_clocks_json, self._h(), self._plan(plan_id),
                                    _lib.handle_of(calendar, Calendar), _opt_date(as_of)),
                        "oversight-inspection-clocks")

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

    # ---------------------------------------------------------- people

    def people(self, plan_id=None, as_of=None):
        """{"directory": [...], "unlisted": [...], "probable_duplicates": [...]}:
        the directory on `as_of` (default today; workforce.py), and the
        plan's names that need a human's attention."""
        doc = document(call_string(_people_json, self._h(), self._plan(plan_id)), "oversight-plan-people")
        return {"directory": self.directory(as_of), "unlisted": doc["unlisted"],
                "probable_duplicates": doc["probable_duplicates"]}
