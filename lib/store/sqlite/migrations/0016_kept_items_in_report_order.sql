-- Migration 0016: a kept compliance report's rows stored in the report's
-- order, and its numbers by their key (issue 9 point 8). Once published this file is never edited; a
-- change is a new numbered file. The convention of 0004 holds.
--
-- A report's child-level rows are listed by team, worker, child, due date,
-- rule and anchor (ComplianceReport::items). Kept in a rowid table with an
-- index in that order (0015), reading them looked each row up in the table
-- from the index and each explanation up by its row's id: two searches a
-- row, most of the time of a report read from a kept one (at 170,000 rows,
-- 0.26 s to read the rows where the same rows in one ordered table take
-- 0.09 s). Here both tables are WITHOUT ROWID, clustered on the report's
-- order, so a report reads each as one ordered walk, the explanations
-- beside the rows (the same key, the same filters: compliance_repository.cpp
-- reads the two side by side, checking each pair's key).
--
-- The key: the kept report, the kind, the report's order, then the case
-- (child) and the item's place among that case's items (n), which make it
-- unique and order ties as a report counted afresh orders them (a stable
-- sort of each case's items in turn).
--
-- Kept reports are derived data, like an index: this migration forgets the
-- ones kept, as 0015 did (hosts keep them again with keep_compliance; until
-- then a report counts every case). Child tables first: the migrator runs
-- with foreign keys off, so nothing cascades.

DELETE FROM compliance_kept_undated;
DROP TRIGGER compliance_kept_items_counted;
DROP TRIGGER compliance_kept_items_uncounted;
DROP TABLE compliance_kept_numbers;
DROP TABLE compliance_kept_explanations;
DROP TABLE compliance_kept_items;
DELETE FROM compliance_kept;

-- As in 0014, its UNIQUE key now the table's own (every report reads all
-- of its numbers: one walk, no lookup from an index into the table).
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
  PRIMARY KEY (kept, team, worker, rule_id, area, kind, state, recorded_late, host_differs)
) STRICT, WITHOUT ROWID;

-- As in 0015, less the id, with the place n, in the report's order.
CREATE TABLE compliance_kept_items (
  kept            INTEGER NOT NULL REFERENCES compliance_kept(id) ON DELETE CASCADE,
  kind            INTEGER NOT NULL CHECK (kind IN (0, 1, 2)),
  team            TEXT NOT NULL,
  worker          TEXT NOT NULL,
  child_ref       TEXT NOT NULL,
  due             TEXT NOT NULL,
  rule_id         TEXT NOT NULL,
  anchor          TEXT NOT NULL,
  child           INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
  n               INTEGER NOT NULL CHECK (n >= 0),
  area            TEXT NOT NULL,
  state           TEXT NOT NULL CHECK (state IN ('met_on_time', 'met_late', 'overdue', 'due_soon',
                                                 'not_yet_due', 'exempt')),
  days            INTEGER NOT NULL,
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
  PRIMARY KEY (kept, kind, team, worker, child_ref, due, rule_id, anchor, child, n)
) STRICT, WITHOUT ROWID;
-- A case's rows (counted again, erased with its child).
CREATE INDEX compliance_kept_items_case ON compliance_kept_items(child, kept);

-- The explanation of each item due in the period (kind 0), under its
-- item's key and gone with it; `area` too, so that the report's filters
-- (team, worker, rule, area) pick the same rows from both tables.
CREATE TABLE compliance_kept_explanations (
  kept      INTEGER NOT NULL,
  kind      INTEGER NOT NULL CHECK (kind = 0),
  team      TEXT NOT NULL,
  worker    TEXT NOT NULL,
  child_ref TEXT NOT NULL,
  due       TEXT NOT NULL,
  rule_id   TEXT NOT NULL,
  anchor    TEXT NOT NULL,
  child     INTEGER NOT NULL,
  n         INTEGER NOT NULL,
  area      TEXT NOT NULL,
  text      TEXT NOT NULL,
  PRIMARY KEY (kept, kind, team, worker, child_ref, due, rule_id, anchor, child, n),
  FOREIGN KEY (kept, kind, team, worker, child_ref, due, rule_id, anchor, child, n)
    REFERENCES compliance_kept_items(kept, kind, team, worker, child_ref, due, rule_id, anchor, child, n)
    ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- The triggers of 0014, unchanged, on the new table.
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
