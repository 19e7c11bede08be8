-- Migration 0015: a kept compliance report's explanations apart from its
-- rows (issue 9 point 8). Once published this file is never edited; a
-- change is a new numbered file. The convention of 0004 holds.
--
-- An explanation is most of a kept row's bytes (about 600 of 700), and a
-- report asked without explanations (ComplianceOptions::explain false), or
-- for its numbers alone, should not read them: they move to their own
-- table, one row per item due in the period (kind 0, the child-level rows:
-- the rows brought forward are counted, never listed, so they keep none).
--
-- Kept reports are derived data, like an index: this migration forgets the
-- ones kept (hosts keep them again with keep_compliance; until then a
-- report counts every case, as it did before keeping). Deleted child table
-- first: the migrator runs with foreign keys off, so nothing cascades.

DELETE FROM compliance_kept_undated;
DELETE FROM compliance_kept_numbers;
DROP TRIGGER compliance_kept_items_counted;
DROP TRIGGER compliance_kept_items_uncounted;
DROP TABLE compliance_kept_items;
DELETE FROM compliance_kept;

-- As in 0014, less the explanation, with an id the explanations name.
CREATE TABLE compliance_kept_items (
  id              INTEGER PRIMARY KEY,
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
  host_due        TEXT
) STRICT;
CREATE INDEX compliance_kept_items_case ON compliance_kept_items(kept, child);
CREATE INDEX compliance_kept_items_child ON compliance_kept_items(child);
-- The child-level rows of a report in the report's order (team, worker,
-- child, due date, rule, anchor: ComplianceReport::items), read in order.
CREATE INDEX compliance_kept_items_listed ON compliance_kept_items(kept, team, worker, child_ref, due, rule_id, anchor)
  WHERE kind = 0;

-- The explanation of each item due in the period (kind 0), gone with it.
CREATE TABLE compliance_kept_explanations (
  item INTEGER PRIMARY KEY REFERENCES compliance_kept_items(id) ON DELETE CASCADE,
  text TEXT NOT NULL
) STRICT;

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
