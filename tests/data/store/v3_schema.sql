-- The schema of a version-3 store exactly as Oversight 1.0 wrote it: the
-- migrations 0001..0003 of commit 59f1d3e, one after the other (they are the
-- C++ string constants of commit f259d7c, statement for statement). A test
-- fixture: tests/cpp/store/migration_test.cpp sets PRAGMA user_version = 3.

-- Migration 0001: core: store identity and the append-only change history.
-- Schema version 1, as Oversight 1.0 writes it: stores with it exist, so this
-- file is never edited; a change is a new numbered file.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO meta(key, value) VALUES ('application', 'oversight');

-- Append-only: the triggers below refuse UPDATE and DELETE.
CREATE TABLE history (
  seq       INTEGER PRIMARY KEY AUTOINCREMENT,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  field     TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT
);
CREATE INDEX history_entity ON history(entity, entity_id);
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;

-- Migration 0002: improvement plans: plans, sections, recommendations, actions, progress, milestones, tasks, people.
-- Schema version 2, as Oversight 1.0 writes it: stores with it exist, so this
-- file is never edited; a change is a new numbered file.
-- Dates are ISO text; `date(x, '+0 days') IS x` holds only for a real
-- "YYYY-MM-DD" (date() alone lets 2012-02-30 through; adding 0 days
-- normalises it to 2012-03-01, which then differs).
-- Integers and flags are checked with typeof so that no text slips into a
-- number column (SQLite's type affinity would otherwise accept it).

CREATE TABLE plans (
  id                INTEGER PRIMARY KEY,
  title             TEXT NOT NULL,
  authority         TEXT NOT NULL DEFAULT '',
  report_date       TEXT CHECK (report_date IS NULL OR date(report_date, '+0 days') IS report_date),
  immediately_days  INTEGER NOT NULL DEFAULT 0
                    CHECK (typeof(immediately_days) = 'integer' AND immediately_days BETWEEN 0 AND 3650),
  due_soon_days     INTEGER NOT NULL DEFAULT 28
                    CHECK (typeof(due_soon_days) = 'integer' AND due_soon_days BETWEEN 0 AND 3650),
  stale_update_days INTEGER NOT NULL DEFAULT 90
                    CHECK (typeof(stale_update_days) = 'integer' AND stale_update_days BETWEEN 0 AND 3650)
);

-- The plan's headings, in plan order.
CREATE TABLE plan_sections (
  id       INTEGER PRIMARY KEY,
  plan_id  INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (typeof(position) = 'integer'),
  name     TEXT NOT NULL CHECK (length(name) > 0),
  UNIQUE (plan_id, name),
  UNIQUE (plan_id, position),
  UNIQUE (id, plan_id)
);

CREATE TABLE recommendations (
  id                INTEGER PRIMARY KEY,
  plan_id           INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  position          INTEGER NOT NULL CHECK (typeof(position) = 'integer'),
  number            INTEGER NOT NULL CHECK (typeof(number) = 'integer' AND number >= 0),
  section_id        INTEGER,  -- NULL: the recommendation sits under no heading
  text              TEXT NOT NULL,
  timescale         TEXT NOT NULL
                    CHECK (timescale IN ('immediately', 'within_three_months', 'within_six_months', 'by_date')),
  explicit_date     TEXT CHECK (explicit_date IS NULL OR date(explicit_date, '+0 days') IS explicit_date),
  lead              TEXT NOT NULL DEFAULT '',
  cost_text         TEXT NOT NULL DEFAULT '',
  cost_kind         TEXT NOT NULL DEFAULT 'none'
                    CHECK (cost_kind IN ('none', 'amount', 'range', 'within_existing', 'tbc', 'unparsed')),
  cost_amount_pence INTEGER CHECK (cost_amount_pence IS NULL OR typeof(cost_amount_pence) = 'integer'),
  cost_high_pence   INTEGER CHECK (cost_high_pence IS NULL OR typeof(cost_high_pence) = 'integer'),
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
);
CREATE INDEX recommendations_section ON recommendations(section_id);

CREATE TABLE actions (
  id                INTEGER PRIMARY KEY,
  plan_id           INTEGER NOT NULL,
  recommendation_id INTEGER NOT NULL,
  position          INTEGER NOT NULL CHECK (typeof(position) = 'integer'),
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
  cost_amount_pence INTEGER CHECK (cost_amount_pence IS NULL OR typeof(cost_amount_pence) = 'integer'),
  cost_high_pence   INTEGER CHECK (cost_high_pence IS NULL OR typeof(cost_high_pence) = 'integer'),
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
);
CREATE INDEX actions_lead ON actions(lead);

CREATE TABLE progress_updates (
  id        INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL CHECK (typeof(position) = 'integer'),
  date      TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
  author    TEXT NOT NULL DEFAULT '',
  text      TEXT NOT NULL,
  UNIQUE (action_id, position)
);

CREATE TABLE milestones (
  id        INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL CHECK (typeof(position) = 'integer'),
  date      TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
  text      TEXT NOT NULL,
  done      INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
  UNIQUE (action_id, position)
);

-- "What do we still need to do".
CREATE TABLE tasks (
  id        INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL CHECK (typeof(position) = 'integer'),
  text      TEXT NOT NULL,
  owner     TEXT NOT NULL DEFAULT '',
  due       TEXT CHECK (due IS NULL OR date(due, '+0 days') IS due),
  done      INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
  UNIQUE (action_id, position)
);
CREATE INDEX tasks_owner ON tasks(owner);

-- The people directory that leads and task owners are checked against.
CREATE TABLE people (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  role  TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  team  TEXT NOT NULL DEFAULT ''
);

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

