-- Rows a version-4 store can hold beyond those of v3_rows.sql (fictional,
-- written for tests/cpp/store/migration_test.cpp), added after migration
-- 0004 as published: what the library wrote at version 4 (a child's history
-- rows, a second manual recording of the same visit, an ended attribute, a
-- line manager, an agency), with SQL metacharacters and non-ASCII text.

INSERT INTO people(id, name, job_title, email, agency) VALUES
  (8, 'Mo Manager', 'Team manager', 'mo@example.org', ''),
  (9, 'Pat «Police» O''Neil', 'DS', '', 'Constabulary; DROP TABLE people; --');

INSERT INTO appointments(id, person_id, role, team_id, line_manager_id, from_date, to_date) VALUES
  (8, 8, 'team_manager', 1, NULL, '2020-01-01', NULL),
  (9, 9, 'other_agency', NULL, NULL, NULL, NULL);
UPDATE appointments SET line_manager_id = 8 WHERE id = 1;

INSERT INTO children(id, child_ref, date_of_birth, created_at) VALUES
  (5, 'C5 ''quoted''', '2015-02-28', '2024-05-01T08:00:00Z');

INSERT INTO allocations(id, child_id, worker_id, from_date, to_date) VALUES
  (6, 5, 8, '2024-05-01', NULL);

INSERT INTO case_attributes(id, child_id, key, value, effective_from) VALUES
  (5, 5, 'placement_type', 'U4', '2024-05-01'),
  (6, 5, 'placement_type', '', '2024-06-01');

-- The same visit recorded by hand twice (version 4 stored both): kept.
INSERT INTO events(id, child_id, type, date, attributes, recorded_by, recorded_at, source) VALUES
  (5, 5, 'visit', '2024-05-03', '{"note":"«ok»"}', 'Mo Manager', '2024-05-03T10:00:00Z', 'manual'),
  (6, 5, 'visit', '2024-05-03', '{"note":"«ok»"}', 'Mo Manager', '2024-05-03T10:00:05Z', 'manual'),
  (7, 2, 'review', '2024-03-20', '{}', 'ssda903 import', '2024-03-21T09:00:00Z', 'ssda903:reviews.csv');

INSERT INTO history(seq, at, actor, entity, entity_id, field, old_value, new_value) VALUES
  (19, '2024-05-01T08:00:00Z', 'case system', 'child', 5, '*', NULL, 'C5 ''quoted'''),
  (20, '2024-05-01T08:00:00Z', 'case system', 'child', 5, 'date_of_birth', NULL, '2015-02-28'),
  (21, '2024-05-01T08:00:01Z', 'case system', 'allocation', 6, '*', NULL, 'C5 ''quoted'' -> Mo Manager from 2024-05-01'),
  (22, '2024-05-01T08:00:02Z', 'case system', 'case_attribute', 5, 'placement_type@2024-05-01', NULL, 'U4'),
  (23, '2024-05-03T10:00:00Z', 'Mo Manager', 'event', 5, '*', NULL,
   '{"attributes":{"note":"«ok»"},"date":"2024-05-03","source":"manual","type":"visit"}'),
  (24, '2024-05-03T10:00:05Z', 'Mo Manager', 'event', 6, '*', NULL,
   '{"attributes":{"note":"«ok»"},"date":"2024-05-03","source":"manual","type":"visit"}'),
  (25, '2024-06-01T08:00:00Z', 'case system', 'case_attribute', 6, 'placement_type@2024-06-01', NULL, ''),
  (26, '2024-06-02T08:00:00Z', 'Zoë O''Brien', 'team', 1, 'manager', 'Mo Manager', 'Mo Manager; --');
