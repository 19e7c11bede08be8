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
