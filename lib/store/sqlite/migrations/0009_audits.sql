-- Migration 0009: audits (issue 10 points 1-3). Schema version 9. Once
-- published this file is never edited; a change is a new numbered file. The
-- convention of 0004 holds.
--
--  * audit_programmes: what is audited (a type: case_file, care_plan, pep,
--    ... or a council's own), how often (cycle: "monthly", "quarterly", a
--    duration, or '' for a one-off), who owns it (a person: reminders go to
--    them), the grading scale as parse_audit_scale writes it, the sampling
--    rule and the next due date (audit/audit.hpp).
--  * audits: each audit held, with the date held and the date recorded kept
--    apart; its auditors (several, from several agencies); its per-case
--    grades, checklist answers (a JSON object of text) and findings
--    (audit_cases: the child is NULL once the child was erased - the audit is
--    the authority's record and stays); its counts by grade where no case is
--    named (audit_counts); its recommendations, tracked with an owner, a due
--    date and the date completed; and the plan actions whose impact it
--    evidences (audit_links).
-- The history is written by the library (entities "audit_programme",
-- "audit", "audit_case", "audit_recommendation", "audit_link"), chained as
-- 0006 describes; an audit_case row names its child for erasure.

CREATE TABLE audit_programmes (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  name             TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  type             TEXT NOT NULL CHECK (length(type) > 0),
  cycle            TEXT NOT NULL DEFAULT '',
  owner_id         INTEGER NOT NULL REFERENCES people(id),
  scale            TEXT NOT NULL CHECK (length(scale) > 0),
  per_stratum      INTEGER NOT NULL DEFAULT 0 CHECK (per_stratum BETWEEN 0 AND 10000),
  stratify         TEXT NOT NULL DEFAULT 'none' CHECK (stratify IN ('none', 'team', 'worker', 'attribute')),
  attribute        TEXT NOT NULL DEFAULT '',
  exclusion_months INTEGER NOT NULL DEFAULT 12 CHECK (exclusion_months BETWEEN 0 AND 120),
  next_due         TEXT CHECK (next_due IS NULL OR date(next_due, '+0 days') IS next_due),
  created_at       TEXT NOT NULL
                   CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'
                          AND strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 seconds') IS created_at),
  CHECK ((stratify = 'attribute') = (attribute <> ''))
) STRICT;

CREATE TABLE audits (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  reference     TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(reference)) > 0),
  programme_id  INTEGER NOT NULL REFERENCES audit_programmes(id),
  held_date     TEXT NOT NULL CHECK (date(held_date, '+0 days') IS held_date),
  recorded_date TEXT NOT NULL CHECK (date(recorded_date, '+0 days') IS recorded_date),
  findings      TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL
                CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'
                       AND strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 seconds') IS created_at),
  CHECK (recorded_date >= held_date)
) STRICT;
CREATE INDEX audits_programme ON audits(programme_id, held_date);

CREATE TABLE audit_auditors (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  audit_id INTEGER NOT NULL REFERENCES audits(id),
  position INTEGER NOT NULL CHECK (position >= 1),
  name     TEXT NOT NULL CHECK (length(trim(name)) > 0),
  agency   TEXT NOT NULL DEFAULT '',   -- '': the council itself
  UNIQUE (audit_id, position)
) STRICT;

CREATE TABLE audit_cases (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  audit_id INTEGER NOT NULL REFERENCES audits(id),
  position INTEGER NOT NULL CHECK (position >= 1),
  child_id INTEGER REFERENCES children(id),
  grade    TEXT NOT NULL CHECK (length(grade) > 0),
  answers  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(answers) AND json_type(answers) = 'object'),
  findings TEXT NOT NULL DEFAULT '',
  UNIQUE (audit_id, position)
) STRICT;
CREATE INDEX audit_cases_child ON audit_cases(child_id) WHERE child_id IS NOT NULL;

CREATE TABLE audit_counts (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  audit_id INTEGER NOT NULL REFERENCES audits(id),
  grade    TEXT NOT NULL CHECK (length(grade) > 0),
  count    INTEGER NOT NULL CHECK (count BETWEEN 0 AND 1000000),
  UNIQUE (audit_id, grade)
) STRICT;

CREATE TABLE audit_recommendations (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  audit_id       INTEGER NOT NULL REFERENCES audits(id),
  number         INTEGER NOT NULL CHECK (number >= 1),
  text           TEXT NOT NULL CHECK (length(trim(text)) > 0),
  owner_id       INTEGER NOT NULL REFERENCES people(id),
  due_date       TEXT NOT NULL CHECK (date(due_date, '+0 days') IS due_date),
  completed_date TEXT CHECK (completed_date IS NULL OR date(completed_date, '+0 days') IS completed_date),
  UNIQUE (audit_id, number)
) STRICT;
CREATE INDEX audit_recommendations_open ON audit_recommendations(due_date) WHERE completed_date IS NULL;

CREATE TABLE audit_links (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  audit_id  INTEGER NOT NULL REFERENCES audits(id),
  action_id INTEGER NOT NULL REFERENCES actions(id),
  UNIQUE (audit_id, action_id)
) STRICT;
CREATE INDEX audit_links_action ON audit_links(action_id);
