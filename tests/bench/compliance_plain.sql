-- The plain alternative for the compliance benchmark (tests/bench/compliance.cpp):
-- the GROUP BY an analyst would write against a store's events table, each
-- child's last visit on or before @as_of against 6 weeks (42 days). Run as
--   sqlite3 -cmd ".parameter set @as_of '2025-03-31'" STORE.db < compliance_plain.sql
SELECT count(*) FROM (
  SELECT child_id, max(date) AS last FROM events
  WHERE type = 'visit' AND date <= @as_of
  GROUP BY child_id
  HAVING julianday(@as_of) - julianday(last) > 42
);
