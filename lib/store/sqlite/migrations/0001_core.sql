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
