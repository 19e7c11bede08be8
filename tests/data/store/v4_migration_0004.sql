-- A copy of migration 0004 exactly as published (commit 4d77df8), for
-- tests/cpp/store/migration_test.cpp: it builds a version-4 store from
-- v3_schema.sql and v3_rows.sql with it, and guards the published file
-- against edits (the text below must equal lib/store/sqlite/migrations/0004_*.sql).

-- Migration 0004: every table to one convention; one workforce model.
-- Schema version 4. Stores with it will exist: once published this file is
-- never edited; a change is a new numbered file.
--
-- The convention, for every table from this version on:
--  * Tables are STRICT: a column holds only its declared type, so no text
--    slips into an INTEGER column and no number into a TEXT one.
--  * Dates are ISO text "YYYY-MM-DD", checked by value:
--      CHECK (x IS NULL OR date(x, '+0 days') IS x)
--    (date() alone lets 2012-02-30 through; adding 0 days normalises it to
--    2012-03-01, which then differs). 0003's GLOB shape checks are gone.
--  * UTC timestamps are "YYYY-MM-DDTHH:MM:SSZ", checked by shape and value:
--      CHECK (x GLOB '<digits>-<digits>-<digits>T<digits>:<digits>:<digits>Z'
--             AND strftime('%Y-%m-%dT%H:%M:%SZ', x, '+0 seconds') IS x)
--  * Integers and flags are INTEGER (STRICT types them) with range checks:
--    flags IN (0, 1), positions > 0, day counts 0..3650.
--  * Enumerations are TEXT checked with IN (...) over the canonical names.
--  * Names and keys that identify a row are not blank.
-- Tables are rebuilt the SQLite way (ALTER TABLE cannot add a CHECK or make
-- a table STRICT): create the new table, copy, drop the old, rename; then
-- the indexes and triggers again. The migrator turns foreign keys off around
-- this and runs foreign_key_check before it commits.
--
-- One workforce model: the plan's people directory and casework's teams and
-- workers become people, teams and appointments (role, team, line manager,
-- effective dates; at most one open appointment per person):
--  * people: the directory's rows keep their ids; `role` (free text) is now
--    `job_title`; `agency` is new ('' = the council). Every worker becomes a
--    person: the directory's entry with the same name ignoring case (its
--    empty email filled from the worker), or a new person.
--  * each worker has an open appointment (social_worker, their team, from
--    before records); allocations.worker_id now points at people.
--  * each directory entry's free-text team becomes a team (added if no team
--    has that name) with an open appointment (role other) - unless the
--    person is also a worker: then the worker's appointment is the open one
--    and a different directory team is kept as an appointment that ended
--    on the day of the migration. Workers whose names differ only in case
--    become one person the same way (the first worker's team stays open).
--  * workers goes. History rows are never rewritten (old rows keep entity
--    "worker"); what this migration creates is recorded with actor
--    "migration 0004".

-- -------------------------------------------------------------- core

CREATE TABLE meta_v4 (
  key   TEXT PRIMARY KEY CHECK (length(key) > 0),
  value TEXT NOT NULL
) STRICT;
INSERT INTO meta_v4(key, value) SELECT key, value FROM meta;
DROP TABLE meta;
ALTER TABLE meta_v4 RENAME TO meta;

-- Append-only: the triggers below refuse UPDATE and DELETE.
CREATE TABLE history_v4 (
  seq       INTEGER PRIMARY KEY AUTOINCREMENT,
  at        TEXT NOT NULL
            CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'
                   AND strftime('%Y-%m-%dT%H:%M:%SZ', at, '+0 seconds') IS at),
  actor     TEXT NOT NULL CHECK (length(actor) > 0),
  entity    TEXT NOT NULL CHECK (length(entity) > 0),
  entity_id INTEGER NOT NULL,
  field     TEXT NOT NULL CHECK (length(field) > 0),
  old_value TEXT,
  new_value TEXT
) STRICT;
INSERT INTO history_v4(seq, at, actor, entity, entity_id, field, old_value, new_value)
  SELECT seq, at, actor, entity, entity_id, field, old_value, new_value FROM history ORDER BY seq;
DROP TABLE history;
ALTER TABLE history_v4 RENAME TO history;
CREATE INDEX history_entity ON history(entity, entity_id);
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;

-- -------------------------------------------------------------- plans

CREATE TABLE plans_v4 (
  id                INTEGER PRIMARY KEY,
  title             TEXT NOT NULL,
  authority         TEXT NOT NULL DEFAULT '',
  report_date       TEXT CHECK (report_date IS NULL OR date(report_date, '+0 days') IS report_date),
  immediately_days  INTEGER NOT NULL DEFAULT 0 CHECK (immediately_days BETWEEN 0 AND 3650),
  due_soon_days     INTEGER NOT NULL DEFAULT 28 CHECK (due_soon_days BETWEEN 0 AND 3650),
  stale_update_days INTEGER NOT NULL DEFAULT 90 CHECK (stale_update_days BETWEEN 0 AND 3650)
) STRICT;
INSERT INTO plans_v4 SELECT id, title, authority, report_date, immediately_days, due_soon_days, stale_update_days
  FROM plans;
DROP TABLE plans;
ALTER TABLE plans_v4 RENAME TO plans;

-- The plan's headings, in plan order.
CREATE TABLE plan_sections_v4 (
  id       INTEGER PRIMARY KEY,
  plan_id  INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position > 0),
  name     TEXT NOT NULL CHECK (length(name) > 0),
  UNIQUE (plan_id, name),
  UNIQUE (plan_id, position),
  UNIQUE (id, plan_id)
) STRICT;
INSERT INTO plan_sections_v4 SELECT id, plan_id, position, name FROM plan_sections;
DROP TABLE plan_sections;
ALTER TABLE plan_sections_v4 RENAME TO plan_sections;

CREATE TABLE recommendations_v4 (
  id                INTEGER PRIMARY KEY,
  plan_id           INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  position          INTEGER NOT NULL CHECK (position > 0),
  number            INTEGER NOT NULL CHECK (number >= 0),
  section_id        INTEGER,  -- NULL: the recommendation sits under no heading
  text              TEXT NOT NULL,
  timescale         TEXT NOT NULL
                    CHECK (timescale IN ('immediately', 'within_three_months', 'within_six_months', 'by_date')),
  explicit_date     TEXT CHECK (explicit_date IS NULL OR date(explicit_date, '+0 days') IS explicit_date),
  lead              TEXT NOT NULL DEFAULT '',
  cost_text         TEXT NOT NULL DEFAULT '',
  cost_kind         TEXT NOT NULL DEFAULT 'none'
                    CHECK (cost_kind IN ('none', 'amount', 'range', 'within_existing', 'tbc', 'unparsed')),
  cost_amount_pence INTEGER,
  cost_high_pence   INTEGER,
  cost_approximate  INTEGER NOT NULL DEFAULT 0 CHECK (cost_approximate IN (0, 1)),
  cost_period       TEXT NOT NULL DEFAULT 'unknown' CHECK (cost_period IN ('unknown', 'one_off', 'per_annum')),
  cost_per_unit     TEXT NOT NULL DEFAULT '',
  cost_alternative  TEXT NOT NULL DEFAULT '',
  cost_note         TEXT NOT NULL DEFAULT '',
  CHECK (timescale <> 'by_date' OR explicit_date IS NOT NULL),
  UNIQUE (plan_id, number),
  UNIQUE (plan_id, position),
  UNIQUE (id, plan_id),
  FOREIGN KEY (section_id, plan_id) REFERENCES plan_sections(id, plan_id)
) STRICT;
INSERT INTO recommendations_v4
  SELECT id, plan_id, position, number, section_id, text, timescale, explicit_date, lead, cost_text, cost_kind,
         cost_amount_pence, cost_high_pence, cost_approximate, cost_period, cost_per_unit, cost_alternative, cost_note
  FROM recommendations;
DROP TABLE recommendations;
ALTER TABLE recommendations_v4 RENAME TO recommendations;
CREATE INDEX recommendations_section ON recommendations(section_id);

CREATE TABLE actions_v4 (
  id                INTEGER PRIMARY KEY,
  plan_id           INTEGER NOT NULL,
  recommendation_id INTEGER NOT NULL,
  position          INTEGER NOT NULL CHECK (position > 0),
  ref               TEXT NOT NULL CHECK (length(ref) > 0),
  description       TEXT NOT NULL DEFAULT '',
  lead              TEXT NOT NULL DEFAULT '',
  status            TEXT NOT NULL DEFAULT 'not_started'
                    CHECK (status IN ('not_started', 'in_progress', 'complete', 'withdrawn', 'blocked')),
  due               TEXT CHECK (due IS NULL OR date(due, '+0 days') IS due),
  impact_intended   TEXT NOT NULL DEFAULT '',
  impact_evidence   TEXT NOT NULL DEFAULT '',
  cost_text         TEXT NOT NULL DEFAULT '',
  cost_kind         TEXT NOT NULL DEFAULT 'none'
                    CHECK (cost_kind IN ('none', 'amount', 'range', 'within_existing', 'tbc', 'unparsed')),
  cost_amount_pence INTEGER,
  cost_high_pence   INTEGER,
  cost_approximate  INTEGER NOT NULL DEFAULT 0 CHECK (cost_approximate IN (0, 1)),
  cost_period       TEXT NOT NULL DEFAULT 'unknown' CHECK (cost_period IN ('unknown', 'one_off', 'per_annum')),
  cost_per_unit     TEXT NOT NULL DEFAULT '',
  cost_alternative  TEXT NOT NULL DEFAULT '',
  cost_note         TEXT NOT NULL DEFAULT '',
  -- Manual RAG override: all four set, or none.
  rag               TEXT CHECK (rag IS NULL OR rag IN ('none', 'blue', 'green', 'amber', 'red')),
  rag_by            TEXT,
  rag_reason        TEXT,
  rag_set_on        TEXT CHECK (rag_set_on IS NULL OR date(rag_set_on, '+0 days') IS rag_set_on),
  CHECK ((rag IS NULL) = (rag_by IS NULL) AND (rag IS NULL) = (rag_reason IS NULL)
         AND (rag IS NULL) = (rag_set_on IS NULL)),
  UNIQUE (plan_id, ref),
  UNIQUE (recommendation_id, position),
  FOREIGN KEY (recommendation_id, plan_id) REFERENCES recommendations(id, plan_id) ON DELETE CASCADE
) STRICT;
INSERT INTO actions_v4
  SELECT id, plan_id, recommendation_id, position, ref, description, lead, status, due, impact_intended,
         impact_evidence, cost_text, cost_kind, cost_amount_pence, cost_high_pence, cost_approximate, cost_period,
         cost_per_unit, cost_alternative, cost_note, rag, rag_by, rag_reason, rag_set_on
  FROM actions;
DROP TABLE actions;
ALTER TABLE actions_v4 RENAME TO actions;
CREATE INDEX actions_lead ON actions(lead);

CREATE TABLE progress_updates_v4 (
  id        INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL CHECK (position > 0),
  date      TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
  author    TEXT NOT NULL DEFAULT '',
  text      TEXT NOT NULL,
  UNIQUE (action_id, position)
) STRICT;
INSERT INTO progress_updates_v4 SELECT id, action_id, position, date, author, text FROM progress_updates;
DROP TABLE progress_updates;
ALTER TABLE progress_updates_v4 RENAME TO progress_updates;

CREATE TABLE milestones_v4 (
  id        INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL CHECK (position > 0),
  date      TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
  text      TEXT NOT NULL,
  done      INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
  UNIQUE (action_id, position)
) STRICT;
INSERT INTO milestones_v4 SELECT id, action_id, position, date, text, done FROM milestones;
DROP TABLE milestones;
ALTER TABLE milestones_v4 RENAME TO milestones;

-- "What do we still need to do".
CREATE TABLE tasks_v4 (
  id        INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL CHECK (position > 0),
  text      TEXT NOT NULL,
  owner     TEXT NOT NULL DEFAULT '',
  due       TEXT CHECK (due IS NULL OR date(due, '+0 days') IS due),
  done      INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
  UNIQUE (action_id, position)
) STRICT;
INSERT INTO tasks_v4 SELECT id, action_id, position, text, owner, due, done FROM tasks;
DROP TABLE tasks;
ALTER TABLE tasks_v4 RENAME TO tasks;
CREATE INDEX tasks_owner ON tasks(owner);

-- ---------------------------------------------------------- workforce

CREATE TABLE teams_v4 (
  id      INTEGER PRIMARY KEY,
  name    TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  manager TEXT NOT NULL DEFAULT '',
  email   TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO teams_v4(id, name, manager, email) SELECT id, name, manager, email FROM teams;
-- The directory's free-text teams, in the order they were first named.
INSERT INTO teams_v4(name)
  SELECT trim(team) FROM people WHERE trim(team) <> '' AND trim(team) NOT IN (SELECT name FROM teams)
  GROUP BY trim(team) ORDER BY min(id);

-- The people of the service: staff, plan leads, other agencies' colleagues.
CREATE TABLE people_v4 (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  job_title TEXT NOT NULL DEFAULT '',
  email     TEXT NOT NULL DEFAULT '',
  agency    TEXT NOT NULL DEFAULT ''   -- '': the council itself
) STRICT;
INSERT INTO people_v4(id, name, job_title, email, agency) SELECT id, name, role, email, '' FROM people;
-- A worker the directory lacks (the first of those whose names differ only in case).
INSERT INTO people_v4(name)
  SELECT w.name FROM workers w
  WHERE NOT EXISTS (SELECT 1 FROM people_v4 p WHERE p.name = w.name COLLATE NOCASE)
    AND w.id = (SELECT min(o.id) FROM workers o WHERE o.name = w.name COLLATE NOCASE)
  ORDER BY w.id;
-- An empty email filled from the (first) worker of that name that has one.
UPDATE people_v4 SET email = (SELECT w.email FROM workers w
                              WHERE w.name = people_v4.name COLLATE NOCASE AND w.email <> '' ORDER BY w.id LIMIT 1)
  WHERE email = '' AND EXISTS (SELECT 1 FROM workers w WHERE w.name = people_v4.name COLLATE NOCASE AND w.email <> '');

-- A person's role, team and line manager over time: [from_date, to_date),
-- a NULL from_date is "since before records"; at most one open at a time.
CREATE TABLE appointments (
  id              INTEGER PRIMARY KEY,
  person_id       INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
  role            TEXT NOT NULL
                  CHECK (role IN ('social_worker', 'newly_qualified_social_worker', 'senior_practitioner',
                                  'team_manager', 'practice_supervisor', 'lead_practitioner', 'other_agency',
                                  'manager', 'other')),
  team_id         INTEGER REFERENCES teams(id) ON DELETE RESTRICT,
  line_manager_id INTEGER REFERENCES people(id) ON DELETE RESTRICT,
  from_date       TEXT CHECK (from_date IS NULL OR date(from_date, '+0 days') IS from_date),
  to_date         TEXT CHECK (to_date IS NULL OR date(to_date, '+0 days') IS to_date),
  CHECK (from_date IS NULL OR to_date IS NULL OR to_date > from_date),
  CHECK (line_manager_id IS NULL OR line_manager_id <> person_id)
) STRICT;
-- Workers: open, in their team (the first of a case-insensitive namesake group).
INSERT INTO appointments(person_id, role, team_id, to_date)
  SELECT (SELECT p.id FROM people_v4 p WHERE p.name = w.name COLLATE NOCASE), 'social_worker', w.team_id,
         CASE WHEN w.id = (SELECT min(o.id) FROM workers o WHERE o.name = w.name COLLATE NOCASE) THEN NULL
              ELSE date('now') END
  FROM workers w ORDER BY w.id;
-- The directory's teams: open, unless the person is also a worker.
INSERT INTO appointments(person_id, role, team_id, to_date)
  SELECT p.id, 'other', (SELECT t.id FROM teams_v4 t WHERE t.name = trim(p.team)),
         CASE WHEN EXISTS (SELECT 1 FROM workers w WHERE w.name = p.name COLLATE NOCASE) THEN date('now') END
  FROM people p
  WHERE trim(p.team) <> ''
    AND NOT EXISTS (SELECT 1 FROM workers w JOIN teams_v4 t ON t.id = w.team_id
                    WHERE w.name = p.name COLLATE NOCASE AND t.name = trim(p.team))
  ORDER BY p.id;

-- ----------------------------------------------------------- casework

CREATE TABLE children_v4 (
  id            INTEGER PRIMARY KEY,
  child_ref     TEXT NOT NULL UNIQUE CHECK (length(trim(child_ref)) > 0),
  date_of_birth TEXT CHECK (date_of_birth IS NULL OR date(date_of_birth, '+0 days') IS date_of_birth),
  created_at    TEXT NOT NULL
                CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'
                       AND strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 seconds') IS created_at)
) STRICT;
INSERT INTO children_v4 SELECT id, child_ref, date_of_birth, created_at FROM children;

-- A child is allocated to one worker (a person) at a time: [from_date, to_date).
CREATE TABLE allocations_v4 (
  id        INTEGER PRIMARY KEY,
  child_id  INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
  worker_id INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
  from_date TEXT NOT NULL CHECK (date(from_date, '+0 days') IS from_date),
  to_date   TEXT CHECK (to_date IS NULL OR (date(to_date, '+0 days') IS to_date AND to_date > from_date))
) STRICT;
INSERT INTO allocations_v4(id, child_id, worker_id, from_date, to_date)
  SELECT a.id, a.child_id,
         (SELECT p.id FROM workers w JOIN people_v4 p ON p.name = w.name COLLATE NOCASE WHERE w.id = a.worker_id),
         a.from_date, a.to_date
  FROM allocations a;

-- legal_status, placement_type, visit_regime, ...: the value in force on a
-- day is the one with the latest effective_from on or before it.
CREATE TABLE case_attributes_v4 (
  id             INTEGER PRIMARY KEY,
  child_id       INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
  key            TEXT NOT NULL CHECK (key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z0-9_]*'),
  value          TEXT NOT NULL,
  effective_from TEXT NOT NULL CHECK (date(effective_from, '+0 days') IS effective_from),
  UNIQUE (child_id, key, effective_from)
) STRICT;
INSERT INTO case_attributes_v4 SELECT id, child_id, key, value, effective_from FROM case_attributes;

CREATE TABLE events_v4 (
  id          INTEGER PRIMARY KEY,
  child_id    INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
  type        TEXT NOT NULL CHECK (type GLOB '[a-z]*' AND type NOT GLOB '*[^a-z0-9_]*'),
  date        TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
  attributes  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes) AND json_type(attributes) = 'object'),
  recorded_by TEXT NOT NULL CHECK (length(trim(recorded_by)) > 0),
  recorded_at TEXT NOT NULL
              CHECK (recorded_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'
                     AND strftime('%Y-%m-%dT%H:%M:%SZ', recorded_at, '+0 seconds') IS recorded_at),
  source      TEXT NOT NULL DEFAULT 'manual' CHECK (length(source) > 0)
) STRICT;
INSERT INTO events_v4 SELECT id, child_id, type, date, attributes, recorded_by, recorded_at, source FROM events;

-- Someone has seen an obligation (child + rule + due date).
CREATE TABLE acknowledgements_v4 (
  id              INTEGER PRIMARY KEY,
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
INSERT INTO acknowledgements_v4
  SELECT id, child_id, rule_id, due_date, acknowledged_by, acknowledged_at, note FROM acknowledgements;

-- ------------------------------------------- what the migration created

INSERT INTO history(at, actor, entity, entity_id, field, old_value, new_value)
  SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'migration 0004', 'team', id, '*', NULL, name
  FROM teams_v4 WHERE id NOT IN (SELECT id FROM teams) ORDER BY id;
INSERT INTO history(at, actor, entity, entity_id, field, old_value, new_value)
  SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'migration 0004', 'person', id, '*', NULL, name
  FROM people_v4 WHERE id NOT IN (SELECT id FROM people) ORDER BY id;
INSERT INTO history(at, actor, entity, entity_id, field, old_value, new_value)
  SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'migration 0004', 'person', n.id, 'email', o.email, n.email
  FROM people_v4 n JOIN people o ON o.id = n.id WHERE n.email <> o.email ORDER BY n.id;
INSERT INTO history(at, actor, entity, entity_id, field, old_value, new_value)
  SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'migration 0004', 'appointment', a.id, '*', NULL,
         p.name || ': ' || a.role || ' in ' || t.name || coalesce(' until ' || a.to_date, '')
  FROM appointments a JOIN people_v4 p ON p.id = a.person_id JOIN teams_v4 t ON t.id = a.team_id ORDER BY a.id;

-- ------------------------------------------------ the old tables go

DROP TABLE acknowledgements;
DROP TABLE events;
DROP TABLE case_attributes;
DROP TABLE allocations;
DROP TABLE children;
DROP TABLE workers;
DROP TABLE people;
DROP TABLE teams;
ALTER TABLE teams_v4 RENAME TO teams;
ALTER TABLE people_v4 RENAME TO people;
ALTER TABLE children_v4 RENAME TO children;
ALTER TABLE allocations_v4 RENAME TO allocations;
ALTER TABLE case_attributes_v4 RENAME TO case_attributes;
ALTER TABLE events_v4 RENAME TO events;
ALTER TABLE acknowledgements_v4 RENAME TO acknowledgements;

CREATE INDEX appointments_person ON appointments(person_id, from_date);
CREATE INDEX appointments_team ON appointments(team_id);
CREATE INDEX appointments_line_manager ON appointments(line_manager_id);
CREATE UNIQUE INDEX appointments_one_open ON appointments(person_id) WHERE to_date IS NULL;
CREATE INDEX allocations_child ON allocations(child_id, from_date);
CREATE INDEX allocations_worker ON allocations(worker_id);
CREATE UNIQUE INDEX allocations_one_open ON allocations(child_id) WHERE to_date IS NULL;
CREATE INDEX events_child_date ON events(child_id, date);
-- An imported event is stored once, however often the file is imported.
CREATE UNIQUE INDEX events_imported_once ON events(child_id, type, date, attributes, source)
  WHERE source <> 'manual';
