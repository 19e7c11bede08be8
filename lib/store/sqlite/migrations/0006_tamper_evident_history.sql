-- Migration 0006: a tamper-evident history (issue 8).
-- Schema version 6. Once published this file is never edited; a change is a
-- new numbered file. The convention of 0004 holds.
--
-- Each history row is chained to the one before it (in seq order) with
-- SHA-256, as <oversight/store/history.hpp> ("Tamper evidence") describes:
--  * salt: 16 random bytes, NULL once an erasure has scrubbed the row's
--    values (so that a low-entropy value, a date of birth, cannot be found
--    again from the digest by trying every candidate);
--  * values_digest: SHA-256 over the salt and the old and new values
--    (length-prefixed, NULL distinct from '');
--  * hash: SHA-256 over seq, at, actor, entity, entity_id, field, child_id,
--    values_digest and the previous row's hash (32 zero bytes for the
--    first row).
-- The rows already stored are chained here, oldest first, by the C++ step
-- named below (lib/store/sqlite/migrator.cpp: chain_history), which copies
-- history into history_v6 between the two halves of this file.
--
-- The store gets an identity (meta 'store_id', 32 random hex digits) that a
-- signed checkpoint names, so a checkpoint of one store is not taken for
-- another's.
--
-- The triggers refuse every DELETE and every UPDATE but an erasure's: it may
-- blank the old and new values of a row about a child's case (to
-- '[erased]') and must then remove the salt; the digest and the hash stay,
-- so the chain still verifies.

CREATE TABLE history_v6 (
  seq       INTEGER PRIMARY KEY AUTOINCREMENT,
  at        TEXT NOT NULL
            CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'
                   AND strftime('%Y-%m-%dT%H:%M:%SZ', at, '+0 seconds') IS at),
  actor     TEXT NOT NULL CHECK (length(actor) > 0),
  entity    TEXT NOT NULL CHECK (length(entity) > 0),
  entity_id INTEGER NOT NULL,
  field     TEXT NOT NULL CHECK (length(field) > 0),
  old_value TEXT,
  new_value TEXT,
  child_id  INTEGER,  -- no foreign key: the child may have been erased since
  salt      BLOB CHECK (salt IS NULL OR length(salt) = 16),
  values_digest BLOB NOT NULL CHECK (length(values_digest) = 32),
  hash      BLOB NOT NULL CHECK (length(hash) = 32)
) STRICT;

-- oversight:step chain_history

-- The sequence goes on from where it was (AUTOINCREMENT: never reused).
INSERT INTO sqlite_sequence(name, seq)
  SELECT 'history_v6', 0 FROM sqlite_sequence WHERE name = 'history'
    AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'history_v6');
UPDATE sqlite_sequence SET seq = max(seq, (SELECT s.seq FROM sqlite_sequence s WHERE s.name = 'history'))
  WHERE name = 'history_v6' AND EXISTS (SELECT 1 FROM sqlite_sequence s WHERE s.name = 'history');
DROP TABLE history;
ALTER TABLE history_v6 RENAME TO history;
CREATE INDEX history_entity ON history(entity, entity_id);
CREATE INDEX history_child ON history(child_id) WHERE child_id IS NOT NULL;
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
WHEN NOT (OLD.child_id IS NOT NULL AND NEW.child_id IS OLD.child_id AND NEW.seq IS OLD.seq AND NEW.at IS OLD.at
          AND NEW.actor IS OLD.actor AND NEW.entity IS OLD.entity AND NEW.entity_id IS OLD.entity_id
          AND NEW.field IS OLD.field AND NEW.values_digest IS OLD.values_digest AND NEW.hash IS OLD.hash
          AND NEW.salt IS NULL
          AND (NEW.old_value IS OLD.old_value OR NEW.old_value IS '[erased]')
          AND (NEW.new_value IS OLD.new_value OR NEW.new_value IS '[erased]'))
BEGIN SELECT RAISE(ABORT, 'history is append-only (an erasure may only blank the values of a child''s rows and remove their salt)'); END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;

INSERT INTO meta(key, value) SELECT 'store_id', lower(hex(randomblob(16)))
  WHERE NOT EXISTS (SELECT 1 FROM meta WHERE key = 'store_id');
