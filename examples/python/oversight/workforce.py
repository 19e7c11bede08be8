"""The people of the service (<oversight/c/workforce.h>): one directory of
people, teams, and appointments (a person's role, team and line manager
over time). A worker, whom casework allocates children to, is a person with
an open appointment in a team.

    store.save_team("Team A", manager="Mo Manager")
    store.save_worker("Ann Lee", "Team A")
    store.add_person("Sam Okoye", job_title="Team manager")
    store.appoint("Ann Lee", "senior_practitioner", team="Team A", line_manager="Sam Okoye",
                  from_date="2024-04-01")
    [p["role"] for p in store.directory(as_of="2024-04-01")]

These are methods of oversight.Store and of oversight.Casework alike (each
C function takes the store). Roles: "social_worker",
"newly_qualified_social_worker", "senior_practitioner", "team_manager",
"practice_supervisor", "lead_practitioner", "other_agency", "manager",
"other".
"""
import ctypes

from . import _lib
from ._lib import Date, Versioned, call_string, document, encode, fn

_P = ctypes.c_void_p
_U32, _TEXT = ctypes.c_uint32, ctypes.c_char_p
_DP = ctypes.POINTER(Date)


class Team(Versioned):
    """oversight_workforce_team."""
    _fields_ = [("version", _U32), ("name", _TEXT), ("manager", _TEXT), ("email", _TEXT)]
    _init = "oversight_workforce_team_init"


class Worker(Versioned):
    """oversight_workforce_worker."""
    _fields_ = [("version", _U32), ("name", _TEXT), ("team", _TEXT), ("email", _TEXT), ("role", _TEXT)]
    _init = "oversight_workforce_worker_init"


class Person(Versioned):
    """oversight_workforce_person."""
    _fields_ = [("version", _U32), ("name", _TEXT), ("job_title", _TEXT), ("email", _TEXT), ("team", _TEXT),
                ("agency", _TEXT)]
    _init = "oversight_workforce_person_init"


class Appointment(Versioned):
    """oversight_workforce_appointment."""
    _fields_ = [("version", _U32), ("person", _TEXT), ("role", _TEXT), ("team", _TEXT), ("line_manager", _TEXT),
                ("from", _DP), ("until", _DP)]
    _init = "oversight_workforce_appointment_init"


_OUT_I64 = ctypes.POINTER(ctypes.c_int64)
_save_team = fn("oversight_workforce_save_team", [_P, ctypes.POINTER(Team)])
_save_worker = fn("oversight_workforce_save_worker", [_P, ctypes.POINTER(Worker)])
_add_person = fn("oversight_workforce_add_person", [_P, ctypes.POINTER(Person), _OUT_I64])
_merge_people = fn("oversight_workforce_merge_people", [_P, ctypes.c_char_p, ctypes.c_char_p])
_appoint = fn("oversight_workforce_appoint", [_P, ctypes.POINTER(Appointment), _OUT_I64])
_people_json = fn("oversight_workforce_people_json", [_P, Date, ctypes.POINTER(ctypes.c_void_p)])


class WorkforceMethods:
    """The methods of oversight.Store and oversight.Casework that
    <oversight/c/workforce.h> gives."""

    def save_team(self, name, manager=None, email=None):
        """Adds the team or updates its manager and email."""
        t = Team(name=name, manager=manager, email=email)
        _save_team(self._h(), ctypes.byref(t))

    def save_worker(self, name, team, email=None, role=None):
        """Adds the worker (in an existing team) or updates the team, email and
        role (default "social_worker"): a change of team or role is an
        appointment from today that ends the previous one."""
        w = Worker(name=name, team=team, email=email, role=role)
        _save_worker(self._h(), ctypes.byref(w))

    def add_person(self, name, job_title=None, email=None, team=None, agency=None, role=None):
        """Adds a person to the directory; returns the id (`role` is the old
        name of job_title: free text, not an appointment's role)."""
        out = ctypes.c_int64()
        p = Person(name=name, job_title=job_title if job_title is not None else role, email=email, team=team,
                   agency=agency)
        _add_person(self._h(), ctypes.byref(p), ctypes.byref(out))
        return out.value

    def appoint(self, person, role, team=None, line_manager=None, from_date=None, until=None):
        """Records an appointment of `person` (a name in the directory) in
        `role`, optionally in `team` and under `line_manager`, from
        `from_date` (None: since before records) until `until` (exclusive;
        None: open). An open appointment ends the person's open one on
        `from_date`. Returns its id."""
        out = ctypes.c_int64()
        a = Appointment(person=person, role=role, team=team, line_manager=line_manager)
        a.set("from", from_date).set("until", until)
        _appoint(self._h(), ctypes.byref(a), ctypes.byref(out))
        return out.value

    def directory(self, as_of=None):
        """The people directory on `as_of` (default today, UTC): list of {"id",
        "name", "job_title", "email", "agency", "role", "team",
        "line_manager"}, the last three from each person's appointment that
        day ("" if none)."""
        day = Date.of(as_of if as_of is not None else _lib.today())
        return document(call_string(_people_json, self._h(), day), "oversight-people")["people"]

    def merge_people(self, from_name, into_name):
        """Merges person `from_name` into `into_name` everywhere (plan leads,
        task owners, the directory), each change recorded."""
        _merge_people(self._h(), encode(from_name), encode(into_name))
