-- Migration 0012: indicators, the plan's success measures (issue 11 point 5).
-- Once published this file is never edited; a change is a new numbered
-- file. The convention of 0004 holds.
--
--  * indicators: a measure of a plan (key unique in the plan), with its
--    name, unit, direction (higher or lower is better), target and red
--    threshold (amber: on the bad side of it a value is red),
--    and whether its values are entered by people or computed from the
--    store (measure: which one, plan/plan.hpp and indicator/indicator.hpp).
--    Numbers are decimal text, the shortest that reads back as the same
--    double ("72.5", "80", "0.1"), so that the history shows them as
--    people wrote them.
--  * indicator_values: one value a month (month: the first of the month),
--    entered (by whom, with a note) or computed.
--  * action_indicators: the indicators an action names as its success
--    measures (one plan: the library checks the action and the indicator
--    belong to the same plan).
-- All three go with their plan or action (ON DELETE CASCADE). The history
-- is written by the library (entities "indicator", "indicator_value",
-- "action_indicator"), chained as 0006 describes.

CREATE TABLE indicators (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  plan_id            INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  key                TEXT NOT NULL CHECK (length(trim(key)) > 0),
  name               TEXT NOT NULL CHECK (length(trim(name)) > 0),
  unit               TEXT NOT NULL DEFAULT '',
  direction          TEXT NOT NULL CHECK (direction IN ('higher_is_better', 'lower_is_better')),
  target             TEXT NOT NULL CHECK (length(target) BETWEEN 1 AND 32 AND target NOT GLOB '*[^0-9eE.+-]*'),
  amber              TEXT NOT NULL CHECK (length(amber) BETWEEN 1 AND 32 AND amber NOT GLOB '*[^0-9eE.+-]*'),
  source             TEXT NOT NULL CHECK (source IN ('entered', 'computed')),
  measure            TEXT NOT NULL DEFAULT '',
  created_at         TEXT NOT NULL
                     CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'
                            AND strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 seconds') IS created_at),
  CHECK (direction <> 'higher_is_better' OR CAST(amber AS REAL) <= CAST(target AS REAL)),
  CHECK (direction <> 'lower_is_better' OR CAST(amber AS REAL) >= CAST(target AS REAL)),
  CHECK ((source = 'computed') = (length(measure) > 0)),
  UNIQUE (plan_id, key)
) STRICT;

CREATE TABLE indicator_values (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  indicator_id       INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  month              TEXT NOT NULL CHECK (date(month, '+0 days') IS month AND substr(month, 9, 2) = '01'),
  value              TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 32 AND value NOT GLOB '*[^0-9eE.+-]*'),
  source             TEXT NOT NULL CHECK (source IN ('entered', 'computed')),
  entered_by         TEXT NOT NULL DEFAULT '',
  note               TEXT NOT NULL DEFAULT '',
  UNIQUE (indicator_id, month)
) STRICT;

CREATE TABLE action_indicators (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  action_id     INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  indicator_id  INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  UNIQUE (action_id, indicator_id)
) STRICT;
CREATE INDEX action_indicators_indicator ON action_indicators(indicator_id);
