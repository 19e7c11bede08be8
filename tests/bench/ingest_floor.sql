-- The floor Oversight's schema sets (tests/bench/ingest.cpp): sqlite3 itself
-- writes the benchmark's events into a new store's own tables, each event
-- with its history row, in one transaction of set-based SQL; no library
-- code runs. What remains is what the CHECK constraints, the indexes and
-- the history cost. ingest.cpp fills in @LAST_CHILD@ and @CSV@.
.bail on
INSERT INTO children(child_ref, created_at)
  SELECT 'C' || (100000 + value), '2026-01-01T00:00:00Z' FROM generate_series(0, @LAST_CHILD@);
CREATE TEMP TABLE raw(child TEXT, type TEXT, date TEXT, attributes TEXT, external_id TEXT);
.import --csv --skip 1 @CSV@ raw
BEGIN;
INSERT INTO events(child_id, type, date, attributes, recorded_by, recorded_at, source, external_id)
  SELECT c.id, r.type, r.date, CASE r.attributes WHEN '' THEN '{}' ELSE r.attributes END, 'bench feed',
         '2026-01-01T00:00:00Z', 'manual', r.external_id
  FROM raw r JOIN children c ON c.child_ref = r.child ORDER BY r.rowid;
INSERT INTO history(at, actor, entity, entity_id, field, old_value, new_value, child_id, salt, values_digest, hash)
  SELECT '2026-01-01T00:00:00Z', 'bench feed', 'event', e.id, '*', NULL,
         json_object('type', e.type, 'date', e.date, 'attributes', json(e.attributes)), e.child_id,
         randomblob(16), randomblob(32), randomblob(32)
  FROM events e;
COMMIT;
