-- Migration 0013: the inspection a plan answers (issue 11 point 6). Once
-- published this file is never edited; a change is a new numbered file. The
-- convention of 0004 holds.
--
--  * plan_inspections: at most one per plan (plan/inspection.hpp): the kind
--    of Ofsted visit, the date of its letter (day 0 of the action-plan
--    clocks), the last day on site, whether a focused visit found areas for
--    priority action, whether Ofsted monitors the council, the dates the
--    draft and the final action plan were sent, and who sends them. There is
--    no overall effectiveness grade: Ofsted no longer gives one (from April
--    2026). The clocks themselves are derived, never stored.
-- The history is written by the library (entity "plan_inspection"), chained
-- as 0006 describes. The row goes with its plan.

CREATE TABLE plan_inspections (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  plan_id          INTEGER NOT NULL UNIQUE REFERENCES plans(id) ON DELETE CASCADE,
  kind             TEXT NOT NULL CHECK (kind IN ('full', 'focused_visit', 'monitoring_visit', 'other')),
  letter_date      TEXT NOT NULL CHECK (date(letter_date, '+0 days') IS letter_date),
  ended_date       TEXT CHECK (ended_date IS NULL OR date(ended_date, '+0 days') IS ended_date),
  priority_actions INTEGER NOT NULL DEFAULT 0 CHECK (priority_actions IN (0, 1)),
  monitored        INTEGER NOT NULL DEFAULT 0 CHECK (monitored IN (0, 1)),
  draft_submitted  TEXT CHECK (draft_submitted IS NULL OR date(draft_submitted, '+0 days') IS draft_submitted),
  plan_submitted   TEXT CHECK (plan_submitted IS NULL OR date(plan_submitted, '+0 days') IS plan_submitted),
  owner            TEXT NOT NULL DEFAULT '',
  CHECK (ended_date IS NULL OR ended_date <= letter_date),
  CHECK (priority_actions = 0 OR kind = 'focused_visit'),
  CHECK (draft_submitted IS NULL OR draft_submitted >= letter_date),
  CHECK (plan_submitted IS NULL OR plan_submitted >= letter_date)
) STRICT;
