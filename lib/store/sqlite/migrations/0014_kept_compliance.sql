-- Migration 0014: compliance reports kept in the store (issue 9 point 8).
-- Once published this file is never edited; a change is a new numbered
-- file. The convention of 0004 holds.
--
-- A kept report (compliance/compliance.hpp, keep_compliance) is derived
-- data, like an index: each case's classified obligations as of one day,
-- for one period, counted with one rule pack, calendar, school calendar,
-- due-soon window and recording threshold (together: `key`, a SHA-256), so
-- that a report with the same settings reads rows instead of scheduling
-- every case again. `history_seq` is the change history it reflects: a
-- report reads the rows of the cases unchanged since, and counts again the
-- cases changed since (history.child_id), so a kept report is never stale.
-- No history rows: the rows are computed from what the history records.
-- A child's rows go with the child (an erasure leaves none behind).

CREATE TABLE compliance_kept (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  key         TEXT NOT NULL UNIQUE CHECK (length(key) = 64 AND key NOT GLOB '*[^0-9a-f]*'),
  as_of       TEXT NOT NULL CHECK (date(as_of, '+0 days') IS as_of),
  period_from TEXT NOT NULL CHECK (date(period_from, '+0 days') IS period_from),
  period_to   TEXT NOT NULL CHECK (date(period_to, '+0 days') IS period_to AND period_to >= period_from),
  pack        TEXT NOT NULL,
  school      TEXT,
  history_seq INTEGER NOT NULL CHECK (history_seq >= 0),
  built_at    TEXT NOT NULL
) STRICT;

-- One row per obligation a kept report counts for a case: kind 0 due in
-- the period, 1 brought forward (due before it, unmet on its first day), 2
-- brought forward and met within the period. Team and worker: allocated
-- when it fell due. Dates ISO; exemption and host_due JSON or NULL
-- (host_differs: host_due is set).
CREATE TABLE compliance_kept_items (
  kept            INTEGER NOT NULL REFERENCES compliance_kept(id) ON DELETE CASCADE,
  child           INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
  child_ref       TEXT NOT NULL,
  kind            INTEGER NOT NULL CHECK (kind IN (0, 1, 2)),
  team            TEXT NOT NULL,
  worker          TEXT NOT NULL,
  rule_id         TEXT NOT NULL,
  area            TEXT NOT NULL,
  state           TEXT NOT NULL CHECK (state IN ('met_on_time', 'met_late', 'overdue', 'due_soon',
                                                 'not_yet_due', 'exempt')),
  days            INTEGER NOT NULL,
  due             TEXT NOT NULL,
  anchor          TEXT NOT NULL,
  anchor_event    TEXT NOT NULL,
  met_on          TEXT,
  ended_on        TEXT,
  met_event       TEXT NOT NULL,
  met_recorded_on TEXT,
  recording_delay INTEGER,
  recorded_late   INTEGER NOT NULL CHECK (recorded_late IN (0, 1)),
  host_differs    INTEGER NOT NULL CHECK (host_differs IN (0, 1) AND host_differs = (host_due IS NOT NULL)),
  exemption       TEXT,
  host_due        TEXT,
  explanation     TEXT NOT NULL
) STRICT;
CREATE INDEX compliance_kept_items_case ON compliance_kept_items(kept, child);
CREATE INDEX compliance_kept_items_child ON compliance_kept_items(child);

-- The numbers of a kept report: how many of its rows share each team,
-- worker, rule, area, kind, state and flags, kept by the triggers below on
-- every insert and delete (a case counted again, an erasure's cascade), so
-- that a report's numbers are read from a few rows per worker and rule
-- rather than counted from every obligation.
CREATE TABLE compliance_kept_numbers (
  kept          INTEGER NOT NULL REFERENCES compliance_kept(id) ON DELETE CASCADE,
  team          TEXT NOT NULL,
  worker        TEXT NOT NULL,
  rule_id       TEXT NOT NULL,
  area          TEXT NOT NULL,
  kind          INTEGER NOT NULL,
  state         TEXT NOT NULL,
  recorded_late INTEGER NOT NULL,
  host_differs  INTEGER NOT NULL,
  n             INTEGER NOT NULL CHECK (n >= 0),
  UNIQUE (kept, team, worker, rule_id, area, kind, state, recorded_late, host_differs)
) STRICT;
CREATE TRIGGER compliance_kept_items_counted AFTER INSERT ON compliance_kept_items
BEGIN
  INSERT INTO compliance_kept_numbers(kept, team, worker, rule_id, area, kind, state, recorded_late, host_differs, n)
    VALUES (NEW.kept, NEW.team, NEW.worker, NEW.rule_id, NEW.area, NEW.kind, NEW.state, NEW.recorded_late,
            NEW.host_differs, 1)
    ON CONFLICT (kept, team, worker, rule_id, area, kind, state, recorded_late, host_differs) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER compliance_kept_items_uncounted AFTER DELETE ON compliance_kept_items
BEGIN
  UPDATE compliance_kept_numbers SET n = n - 1
    WHERE kept = OLD.kept AND team = OLD.team AND worker = OLD.worker AND rule_id = OLD.rule_id AND area = OLD.area
      AND kind = OLD.kind AND state = OLD.state AND recorded_late = OLD.recorded_late
      AND host_differs = OLD.host_differs;
  DELETE FROM compliance_kept_numbers
    WHERE kept = OLD.kept AND team = OLD.team AND worker = OLD.worker AND rule_id = OLD.rule_id AND area = OLD.area
      AND kind = OLD.kind AND state = OLD.state AND recorded_late = OLD.recorded_late
      AND host_differs = OLD.host_differs AND n = 0;
END;

-- The obligations a kept report could not date (past the school calendar's
-- last term), with who held the case on its day (the filters' view).
CREATE TABLE compliance_kept_undated (
  kept         INTEGER NOT NULL REFERENCES compliance_kept(id) ON DELETE CASCADE,
  child        INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
  child_ref    TEXT NOT NULL,
  team         TEXT NOT NULL,
  worker       TEXT NOT NULL,
  rule_id      TEXT NOT NULL,
  anchor       TEXT NOT NULL,
  anchor_event TEXT NOT NULL,
  reason       TEXT NOT NULL,
  met          INTEGER NOT NULL CHECK (met IN (0, 1))
) STRICT;
CREATE INDEX compliance_kept_undated_case ON compliance_kept_undated(kept, child);
CREATE INDEX compliance_kept_undated_child ON compliance_kept_undated(child);
