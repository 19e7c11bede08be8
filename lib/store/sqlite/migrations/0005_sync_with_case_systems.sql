-- Migration 0005: a store a case system can keep in step with its own (issue 7).
-- Schema version 5. Once published this file is never edited; a change is a
-- new numbered file. The convention of 0004 holds for every table.
--
--  * External ids: children, allocations, case attributes, events and teams
--    may carry the case system's own id for the record (external_id, NULL
--    when it sent none), unique per table. An id is stored as the library
--    normalises it: not blank, at most 256 bytes, no leading or trailing
--    white space (space, tab, CR, LF, FF, VT), so that a lookup by the same
--    rule finds it.
--  * Ids are never reused: the casework tables become AUTOINCREMENT, so an
--    event deleted today does not lend its id to tomorrow's (a host or a
--    warehouse keeps them).
--  * The history knows whose case each row is about (child_id: the
--    children.id of the child the entity belonged to when the row was
--    written; NULL for the plan and the workforce). It is what an erasure
--    (a GDPR erasure or a case-system purge) scrubs: the rows stay, with
--    who, when, which entity and field, but their old and new values become
--    '[erased]'. That is the only change the history accepts: the
--    triggers refuse any other UPDATE, and every DELETE.
--  * An event without an external id is stored once per content (child,
--    type, date, attributes, source): the library checks it for events
--    recorded by hand, the index below for imported ones (as 0004 had it).
--    Stores may hold manual duplicates from before: they are kept.
-- Tables are rebuilt the SQLite way; every row keeps its id and values.

-- -------------------------------------------------------------- history

CREATE TABLE history_v5 (
  seq       INTEGER PRIMARY KEY AUTOINCREMENT,
  at        TEXT NOT NULL
            CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'
                   AND strftime('%Y-%m-%dT%H:%M:%SZ', at, '+0 seconds') IS at),
  actor     TEXT NOT NULL CHECK (length(actor) > 0),
  entity    TEXT NOT NULL CHECK (length(entity) > 0),
  entity_id INTEGER NOT NULL,
  field     TEXT NOT NULL CHECK (length(field) > 0),
  old_value TEXT,
  new_value TEXT,
  child_id  INTEGER  -- no foreign key: the child may have been erased since
) STRICT;
INSERT INTO history_v5(seq, at, actor, entity, entity_id, field, old_value, new_value, child_id)
  SELECT h.seq, h.at, h.actor, h.entity, h.entity_id, h.field, h.old_value, h.new_value,
         CASE h.entity
           WHEN 'child' THEN (SELECT c.id FROM children c WHERE c.id = h.entity_id)
           WHEN 'allocation' THEN (SELECT a.child_id FROM allocations a WHERE a.id = h.entity_id)
           WHEN 'case_attribute' THEN (SELECT a.child_id FROM case_attributes a WHERE a.id = h.entity_id)
           WHEN 'event' THEN (SELECT e.child_id FROM events e WHERE e.id = h.entity_id)
           WHEN 'acknowledgement' THEN (SELECT a.child_id FROM acknowledgements a WHERE a.id = h.entity_id)
         END
  FROM history h ORDER BY h.seq;
-- The sequence goes on from where it was (AUTOINCREMENT: never reused).
INSERT INTO sqlite_sequence(name, seq)
  SELECT 'history_v5', 0 FROM sqlite_sequence WHERE name = 'history'
    AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'history_v5');
UPDATE sqlite_sequence SET seq = max(seq, (SELECT s.seq FROM sqlite_sequence s WHERE s.name = 'history'))
  WHERE name = 'history_v5' AND EXISTS (SELECT 1 FROM sqlite_sequence s WHERE s.name = 'history');
DROP TABLE history;
ALTER TABLE history_v5 RENAME TO history;
CREATE INDEX history_entity ON history(entity, entity_id);
CREATE INDEX history_child ON history(child_id) WHERE child_id IS NOT NULL;
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
WHEN NOT (OLD.child_id IS NOT NULL AND NEW.child_id IS OLD.child_id AND NEW.seq IS OLD.seq AND NEW.at IS OLD.at
          AND NEW.actor IS OLD.actor AND NEW.entity IS OLD.entity AND NEW.entity_id IS OLD.entity_id
          AND NEW.field IS OLD.field
          AND (NEW.old_value IS OLD.old_value OR NEW.old_value IS '[erased]')
          AND (NEW.new_value IS OLD.new_value OR NEW.new_value IS '[erased]'))
BEGIN SELECT RAISE(ABORT, 'history is append-only (an erasure may only blank the values of a child''s rows)'); END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;

-- ---------------------------------------------------------- workforce

CREATE TABLE teams_v5 (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  manager     TEXT NOT NULL DEFAULT '',
  email       TEXT NOT NULL DEFAULT '',
  external_id TEXT UNIQUE
              CHECK (external_id IS NULL OR (length(CAST(external_id AS BLOB)) BETWEEN 1 AND 256
                     AND trim(external_id, char(32, 9, 10, 11, 12, 13)) IS external_id))
) STRICT;
INSERT INTO teams_v5(id, name, manager, email) SELECT id, name, manager, email FROM teams;

-- ----------------------------------------------------------- casework

CREATE TABLE children_v5 (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  child_ref     TEXT NOT NULL UNIQUE CHECK (length(trim(child_ref)) > 0),
  date_of_birth TEXT CHECK (date_of_birth IS NULL OR date(date_of_birth, '+0 days') IS date_of_birth),
  created_at    TEXT NOT NULL
                CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'
                       AND strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 seconds') IS created_at),
  external_id   TEXT UNIQUE
                CHECK (external_id IS NULL OR (length(CAST(external_id AS BLOB)) BETWEEN 1 AND 256
                       AND trim(external_id, char(32, 9, 10, 11, 12, 13)) IS external_id))
) STRICT;
INSERT INTO children_v5(id, child_ref, date_of_birth, created_at) SELECT id, child_ref, date_of_birth, created_at
  FROM children;

-- A child is allocated to one worker (a person) at a time: [from_date, to_date).
CREATE TABLE allocations_v5 (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  child_id    INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
  worker_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
  from_date   TEXT NOT NULL CHECK (date(from_date, '+0 days') IS from_date),
  to_date     TEXT CHECK (to_date IS NULL OR (date(to_date, '+0 days') IS to_date AND to_date > from_date)),
  external_id TEXT UNIQUE
              CHECK (external_id IS NULL OR (length(CAST(external_id AS BLOB)) BETWEEN 1 AND 256
                     AND trim(external_id, char(32, 9, 10, 11, 12, 13)) IS external_id))
) STRICT;
INSERT INTO allocations_v5(id, child_id, worker_id, from_date, to_date)
  SELECT id, child_id, worker_id, from_date, to_date FROM allocations;

-- legal_status, placement_type, visit_regime, ...: the value in force on a
-- day is the one with the latest effective_from on or before it; an empty
-- value is "not set" from that day (an ended attribute).
CREATE TABLE case_attributes_v5 (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  child_id       INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
  key            TEXT NOT NULL CHECK (key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z0-9_]*'),
  value          TEXT NOT NULL,
  effective_from TEXT NOT NULL CHECK (date(effective_from, '+0 days') IS effective_from),
  external_id    TEXT UNIQUE
                 CHECK (external_id IS NULL OR (length(CAST(external_id AS BLOB)) BETWEEN 1 AND 256
                        AND trim(external_id, char(32, 9, 10, 11, 12, 13)) IS external_id)),
  UNIQUE (child_id, key, effective_from)
) STRICT;
INSERT INTO case_attributes_v5(id, child_id, key, value, effective_from)
  SELECT id, child_id, key, value, effective_from FROM case_attributes;

CREATE TABLE events_v5 (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  child_id    INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
  type        TEXT NOT NULL CHECK (type GLOB '[a-z]*' AND type NOT GLOB '*[^a-z0-9_]*'),
  date        TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
  attributes  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes) AND json_type(attributes) = 'object'),
  recorded_by TEXT NOT NULL CHECK (length(trim(recorded_by)) > 0),
  recorded_at TEXT NOT NULL
              CHECK (recorded_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'
                     AND strftime('%Y-%m-%dT%H:%M:%SZ', recorded_at, '+0 seconds') IS recorded_at),
  source      TEXT NOT NULL DEFAULT 'manual' CHECK (length(source) > 0),
  external_id TEXT UNIQUE
              CHECK (external_id IS NULL OR (length(CAST(external_id AS BLOB)) BETWEEN 1 AND 256
                     AND trim(external_id, char(32, 9, 10, 11, 12, 13)) IS external_id))
) STRICT;
INSERT INTO events_v5(id, child_id, type, date, attributes, recorded_by, recorded_at, source)
  SELECT id, child_id, type, date, attributes, recorded_by, recorded_at, source FROM events;

-- Someone has seen an obligation (child + rule + due date).
CREATE TABLE acknowledgements_v5 (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  child_id        INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
  rule_id         TEXT NOT NULL CHECK (length(rule_id) > 0),
  due_date        TEXT NOT NULL CHECK (date(due_date, '+0 days') IS due_date),
  acknowledged_by TEXT NOT NULL CHECK (length(trim(acknowledged_by)) > 0),
  acknowledged_at TEXT NOT NULL
                  CHECK (acknowledged_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'
                         AND strftime('%Y-%m-%dT%H:%M:%SZ', acknowledged_at, '+0 seconds') IS acknowledged_at),
  note            TEXT NOT NULL DEFAULT '',
  UNIQUE (child_id, rule_id, due_date)
) STRICT;
INSERT INTO acknowledgements_v5(id, child_id, rule_id, due_date, acknowledged_by, acknowledged_at, note)
  SELECT id, child_id, rule_id, due_date, acknowledged_by, acknowledged_at, note FROM acknowledgements;

-- ------------------------------------------------ the old tables go

DROP TABLE acknowledgements;
DROP TABLE events;
DROP TABLE case_attributes;
DROP TABLE allocations;
DROP TABLE children;
DROP TABLE teams;
ALTER TABLE teams_v5 RENAME TO teams;
ALTER TABLE children_v5 RENAME TO children;
ALTER TABLE allocations_v5 RENAME TO allocations;
ALTER TABLE case_attributes_v5 RENAME TO case_attributes;
ALTER TABLE events_v5 RENAME TO events;
ALTER TABLE acknowledgements_v5 RENAME TO acknowledgements;

CREATE INDEX allocations_child ON allocations(child_id, from_date);
CREATE INDEX allocations_worker ON allocations(worker_id);
CREATE UNIQUE INDEX allocations_one_open ON allocations(child_id) WHERE to_date IS NULL;
CREATE INDEX events_child_date ON events(child_id, date);
-- An imported event without an external id is stored once, however often
-- the file is imported.
CREATE UNIQUE INDEX events_imported_once ON events(child_id, type, date, attributes, source)
  WHERE source <> 'manual' AND external_id IS NULL;
