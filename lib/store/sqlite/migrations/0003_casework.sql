-- Migration 0003: casework: teams, workers, children, allocations, attributes, events, acknowledgements.
-- Schema version 3, as Oversight 1.0 writes it: stores with it exist, so this
-- file is never edited; a change is a new numbered file.
-- Dates are ISO text checked by shape (GLOB) here and by value in C++.
-- Timestamps are UTC "YYYY-MM-DDTHH:MM:SSZ". Tables are STRICT.

CREATE TABLE teams (
  id      INTEGER PRIMARY KEY,
  name    TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  manager TEXT NOT NULL DEFAULT '',
  email   TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE workers (
  id      INTEGER PRIMARY KEY,
  name    TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE RESTRICT,
  email   TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX workers_team ON workers(team_id);

CREATE TABLE children (
  id            INTEGER PRIMARY KEY,
  child_ref     TEXT NOT NULL UNIQUE CHECK (length(trim(child_ref)) > 0),
  date_of_birth TEXT CHECK (date_of_birth IS NULL OR
                            date_of_birth GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  created_at    TEXT NOT NULL
) STRICT;

-- A child is allocated to one worker at a time: [from_date, to_date).
CREATE TABLE allocations (
  id        INTEGER PRIMARY KEY,
  child_id  INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
  worker_id INTEGER NOT NULL REFERENCES workers(id) ON DELETE RESTRICT,
  from_date TEXT NOT NULL CHECK (from_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  to_date   TEXT CHECK (to_date IS NULL OR
                        (to_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND to_date > from_date))
) STRICT;
CREATE INDEX allocations_child ON allocations(child_id, from_date);
CREATE INDEX allocations_worker ON allocations(worker_id);
CREATE UNIQUE INDEX allocations_one_open ON allocations(child_id) WHERE to_date IS NULL;

-- legal_status, placement_type, visit_regime, ...: the value in force on a
-- day is the one with the latest effective_from on or before it.
CREATE TABLE case_attributes (
  id             INTEGER PRIMARY KEY,
  child_id       INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
  key            TEXT NOT NULL CHECK (key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z0-9_]*'),
  value          TEXT NOT NULL,
  effective_from TEXT NOT NULL CHECK (effective_from GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  UNIQUE (child_id, key, effective_from)
) STRICT;

CREATE TABLE events (
  id          INTEGER PRIMARY KEY,
  child_id    INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
  type        TEXT NOT NULL CHECK (type GLOB '[a-z]*' AND type NOT GLOB '*[^a-z0-9_]*'),
  date        TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  attributes  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes) AND json_type(attributes) = 'object'),
  recorded_by TEXT NOT NULL CHECK (length(trim(recorded_by)) > 0),
  recorded_at TEXT NOT NULL CHECK (recorded_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z'),
  source      TEXT NOT NULL DEFAULT 'manual' CHECK (length(source) > 0)
) STRICT;
CREATE INDEX events_child_date ON events(child_id, date);
-- An imported event is stored once, however often the file is imported.
CREATE UNIQUE INDEX events_imported_once ON events(child_id, type, date, attributes, source)
  WHERE source <> 'manual';

-- Someone has seen an obligation (child + rule + due date).
CREATE TABLE acknowledgements (
  id              INTEGER PRIMARY KEY,
  child_id        INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
  rule_id         TEXT NOT NULL CHECK (length(rule_id) > 0),
  due_date        TEXT NOT NULL CHECK (due_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  acknowledged_by TEXT NOT NULL CHECK (length(trim(acknowledged_by)) > 0),
  acknowledged_at TEXT NOT NULL CHECK (acknowledged_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z'),
  note            TEXT NOT NULL DEFAULT '',
  UNIQUE (child_id, rule_id, due_date)
) STRICT;
