-- Migration 0010: supervision records (issue 10 points 5-7). Once published this file is
-- never edited; a change is a new numbered file. The convention of 0004 holds.
--
--  * supervisions: one session, held on held_date (the day it took place)
--    and recorded on recorded_date (the day it was written up), of a
--    supervisee by a supervisor (people), with its length in minutes (0: not
--    recorded).
--  * supervision_cases: the children's cases discussed. An erasure of the
--    child removes the row (the library records it); the session stays.
--  * supervision_criteria: the quality criteria the session evidences (ids
--    of the supervision standard's criteria, supervision/standard.hpp).
--  * supervision_actions: the actions agreed at a session (agreed_in), with
--    an owner and a due date; closed_in / closed_date when a later session
--    closed it.
--  * supervision_follow_ups: an earlier action reviewed at a session
--    (closed there or carried forward).
-- The history is written by the library (entities "supervision",
-- "supervision_case", "supervision_action"), chained as 0006 describes.

CREATE TABLE supervisions (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  supervisee_id  INTEGER NOT NULL REFERENCES people(id),
  supervisor_id  INTEGER NOT NULL REFERENCES people(id),
  held_date      TEXT NOT NULL CHECK (date(held_date, '+0 days') IS held_date),
  recorded_date  TEXT NOT NULL CHECK (date(recorded_date, '+0 days') IS recorded_date),
  minutes        INTEGER NOT NULL DEFAULT 0 CHECK (minutes BETWEEN 0 AND 1440),
  created_at     TEXT NOT NULL
                 CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'
                        AND strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 seconds') IS created_at),
  CHECK (supervisee_id <> supervisor_id),
  CHECK (recorded_date >= held_date)
) STRICT;
CREATE INDEX supervisions_supervisee ON supervisions(supervisee_id, held_date);
CREATE INDEX supervisions_supervisor ON supervisions(supervisor_id, held_date);
CREATE INDEX supervisions_held ON supervisions(held_date);

CREATE TABLE supervision_cases (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  supervision_id  INTEGER NOT NULL REFERENCES supervisions(id),
  child_id        INTEGER NOT NULL REFERENCES children(id),
  UNIQUE (supervision_id, child_id)
) STRICT;
CREATE INDEX supervision_cases_child ON supervision_cases(child_id);

CREATE TABLE supervision_criteria (
  supervision_id  INTEGER NOT NULL REFERENCES supervisions(id),
  criterion       TEXT NOT NULL CHECK (length(trim(criterion)) > 0),
  PRIMARY KEY (supervision_id, criterion)
) STRICT;

CREATE TABLE supervision_actions (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  agreed_in    INTEGER NOT NULL REFERENCES supervisions(id),
  text         TEXT NOT NULL CHECK (length(trim(text)) > 0),
  owner_id     INTEGER NOT NULL REFERENCES people(id),
  due_date     TEXT NOT NULL CHECK (date(due_date, '+0 days') IS due_date),
  closed_in    INTEGER REFERENCES supervisions(id),
  closed_date  TEXT CHECK (closed_date IS NULL OR date(closed_date, '+0 days') IS closed_date),
  CHECK ((closed_in IS NULL) = (closed_date IS NULL))
) STRICT;
CREATE INDEX supervision_actions_agreed ON supervision_actions(agreed_in);

CREATE TABLE supervision_follow_ups (
  supervision_id  INTEGER NOT NULL REFERENCES supervisions(id),
  action_id       INTEGER NOT NULL REFERENCES supervision_actions(id),
  closed          INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
  PRIMARY KEY (supervision_id, action_id)
) STRICT;
CREATE INDEX supervision_follow_ups_action ON supervision_follow_ups(action_id);
