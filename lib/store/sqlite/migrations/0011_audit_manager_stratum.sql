-- Migration 0011: audit samples "n cases per team manager" (issue 10 point
-- 1). Once published this file is never edited; a change is a new numbered
-- file. The convention of 0004 holds.
--
--  * audit_programmes.stratify also takes 'manager': a case's stratum is the
--    line manager of its allocated worker on the day of the draw
--    (audit/audit.hpp, AuditStratum::manager).
-- SQLite cannot alter a CHECK, so the table is rebuilt as 0004 describes:
-- create the new table, copy every row with its id, carry the AUTOINCREMENT
-- sequence on (ids are never reused, as 0006 did for the history), drop the
-- old table, rename. audits.programme_id keeps pointing at audit_programmes
-- by name (foreign keys are off during migrations and checked before the
-- commit). audit_programmes has no index of its own but its UNIQUE name
-- (rebuilt with the table) and no trigger. No history row is written: no
-- value changes.

CREATE TABLE audit_programmes_v11 (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  name             TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  type             TEXT NOT NULL CHECK (length(type) > 0),
  cycle            TEXT NOT NULL DEFAULT '',
  owner_id         INTEGER NOT NULL REFERENCES people(id),
  scale            TEXT NOT NULL CHECK (length(scale) > 0),
  per_stratum      INTEGER NOT NULL DEFAULT 0 CHECK (per_stratum BETWEEN 0 AND 10000),
  stratify         TEXT NOT NULL DEFAULT 'none'
                   CHECK (stratify IN ('none', 'team', 'worker', 'attribute', 'manager')),
  attribute        TEXT NOT NULL DEFAULT '',
  exclusion_months INTEGER NOT NULL DEFAULT 12 CHECK (exclusion_months BETWEEN 0 AND 120),
  next_due         TEXT CHECK (next_due IS NULL OR date(next_due, '+0 days') IS next_due),
  created_at       TEXT NOT NULL
                   CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'
                          AND strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 seconds') IS created_at),
  CHECK ((stratify = 'attribute') = (attribute <> ''))
) STRICT;

INSERT INTO audit_programmes_v11(id, name, type, cycle, owner_id, scale, per_stratum, stratify, attribute,
                                 exclusion_months, next_due, created_at)
  SELECT id, name, type, cycle, owner_id, scale, per_stratum, stratify, attribute,
         exclusion_months, next_due, created_at
  FROM audit_programmes ORDER BY id;

-- The sequence goes on from where it was (AUTOINCREMENT: never reused);
-- a store that never had a programme keeps having no sequence row for it
-- (the copy of no rows above makes one at 0).
DELETE FROM sqlite_sequence WHERE name = 'audit_programmes_v11'
  AND NOT EXISTS (SELECT 1 FROM sqlite_sequence s WHERE s.name = 'audit_programmes');
INSERT INTO sqlite_sequence(name, seq)
  SELECT 'audit_programmes_v11', 0 FROM sqlite_sequence WHERE name = 'audit_programmes'
    AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'audit_programmes_v11');
UPDATE sqlite_sequence SET seq = max(seq, (SELECT s.seq FROM sqlite_sequence s WHERE s.name = 'audit_programmes'))
  WHERE name = 'audit_programmes_v11' AND EXISTS (SELECT 1 FROM sqlite_sequence s WHERE s.name = 'audit_programmes');

DROP TABLE audit_programmes;
ALTER TABLE audit_programmes_v11 RENAME TO audit_programmes;
