-- Rows as Oversight 1.0 wrote them into a version-3 store (v3_schema.sql),
-- for tests/cpp/store/migration_test.cpp: every table; directory people and
-- workers whose names collide ignoring case ("Ann Lee"/"ann lee" in the same
-- team, "Bo Chan"/"BO CHAN" in different teams), two workers who differ only
-- in case ("Cy Dunn"/"cy dunn"); SQL metacharacters, non-ASCII text, NULL
-- optional columns, the extremes of int64 pence and of the dates kept, and
-- history rows.

INSERT INTO plans(id, title, authority, report_date, immediately_days, due_soon_days, stale_update_days) VALUES
  (1, 'Improvement plan', 'Example City Council', '2012-09-14', 0, 28, 90),
  (2, 'Plan ''B''; DROP TABLE plans; --', 'Conseil général de l''Hérault', NULL, 7, 14, 60);

INSERT INTO plan_sections(id, plan_id, position, name) VALUES
  (1, 1, 1, 'QUALITY OF WORK'),
  (2, 1, 2, 'LEADERSHIP'),
  (3, 2, 1, 'Über-Qualität ✓');

INSERT INTO recommendations(id, plan_id, position, number, section_id, text, timescale, explicit_date, lead,
                            cost_text, cost_kind, cost_amount_pence, cost_high_pence, cost_approximate,
                            cost_period, cost_per_unit, cost_alternative, cost_note) VALUES
  (1, 1, 1, 1, 1, 'Ensure that the quality of social work is consistently high', 'immediately', NULL,
   'Felicity Budgen', 'c£1.7m', 'amount', 170000000, NULL, 1, 'unknown', '', '', ''),
  (2, 1, 2, 2, 2, 'Review the threshold document', 'by_date', '2013-01-31', '', '', 'none', NULL, NULL, 0,
   'unknown', '', '', ''),
  (3, 1, 3, 3, NULL, 'Within six months', 'within_six_months', NULL, '', '£11k rising to £22k pa', 'range',
   1100000, 2200000, 0, 'per_annum', '', '', 'rising'),
  (4, 2, 1, 1, 3, 'Tout de suite — «vite»', 'within_three_months', NULL, 'Zoë O''Brien', 'TBC', 'tbc', NULL,
   NULL, 0, 'unknown', '', '', '');

INSERT INTO actions(id, plan_id, recommendation_id, position, ref, description, lead, status, due,
                    impact_intended, impact_evidence, cost_text, cost_kind, cost_amount_pence, cost_high_pence,
                    cost_approximate, cost_period, cost_per_unit, cost_alternative, cost_note, rag, rag_by,
                    rag_reason, rag_set_on) VALUES
  (1, 1, 1, 1, '1.2', 'Workforce skills', 'Mark Jowett', 'in_progress', NULL, 'High calibre applicants appointed',
   '', 'Within existing resources', 'within_existing', NULL, NULL, 0, 'unknown', '', '', '', NULL, NULL, NULL, NULL),
  (2, 1, 1, 2, '1.1', 'Secure a permanent workforce', 'Felicity Budgen', 'not_started', '2012-10-31', '',
   '16 social workers appointed', '', 'none', NULL, NULL, 0, 'unknown', '', '', '', 'amber', 'Director',
   'recruitment slipping', '2012-10-05'),
  (3, 1, 2, 1, '2.1', 'Withdrawn for savings', 'Lindsay Voss', 'withdrawn', NULL, '', '', '£15k per social worker',
   'amount', 1500000, NULL, 0, 'unknown', 'social worker', '', '', NULL, NULL, NULL, NULL),
  (4, 2, 4, 1, 'A.1', '''; DELETE FROM actions; -- «ça»', 'ZOË O''BRIEN', 'blocked', '2199-12-31', 'Ünïcödé 😀',
   '', '', 'none', -9223372036854775808, 9223372036854775807, 0, 'one_off', '', '', '', NULL, NULL, NULL, NULL);

INSERT INTO progress_updates(id, action_id, position, date, author, text) VALUES
  (1, 1, 1, '2012-09-20', 'Mark Jowett', 'Pilot of group interviews'),
  (2, 1, 2, '2012-10-01', '', 'Programme launched'),
  (3, 4, 1, '1900-01-01', 'Zoë', 'It''s "done"; really? %_\');

INSERT INTO milestones(id, action_id, position, date, text, done) VALUES
  (1, 1, 1, '2012-11-30', 'Programme signed off', 0),
  (2, 4, 1, '2199-12-31', 'Fin ✓', 1);

INSERT INTO tasks(id, action_id, position, text, owner, due, done) VALUES
  (1, 1, 1, 'Monitor attendance', 'Lindsey Voss', '2012-12-31', 0),
  (2, 1, 2, 'Engage staff', '', NULL, 1);

-- The plan's people directory: free-text role and team.
INSERT INTO people(id, name, role, email, team) VALUES
  (1, 'Felicity Budgen', 'Director of Children''s Services', 'fb@example.org', ''),
  (2, 'Ann Lee', 'Social worker', '', 'Team A'),
  (3, 'Bo Chan', '', 'bo@example.org', 'Safeguarding'),
  (4, 'Zoë O''Brien', 'Responsable', '', 'Équipe «Nord»'),
  (5, 'Lindsay Voss', '', '', '');

-- Casework's teams and workers.
INSERT INTO teams(id, name, manager, email) VALUES
  (1, 'Team A', 'Mo Manager', 'a@example.org'),
  (2, 'Team B', '', ''),
  (3, ''' OR 1=1; --', '', '');

INSERT INTO workers(id, name, team_id, email) VALUES
  (1, 'ann lee', 1, 'ann@example.org'),
  (2, 'BO CHAN', 2, 'bo.chan@example.org'),
  (3, 'Cy Dunn', 2, ''),
  (4, 'cy dunn', 3, 'cy@example.org'),
  (5, 'Dee Ede', 1, 'dee@example.org');

INSERT INTO children(id, child_ref, date_of_birth, created_at) VALUES
  (1, 'C1', '2012-05-01', '2024-03-01T09:00:00Z'),
  (2, 'C2', NULL, '2024-03-01T09:00:01Z'),
  (3, '''; DROP TABLE children; --', '2010-01-02', '2024-03-02T10:00:00Z'),
  (4, 'Ç-4 «ñ»', NULL, '2024-03-02T10:00:00Z');

INSERT INTO allocations(id, child_id, worker_id, from_date, to_date) VALUES
  (1, 1, 1, '2024-03-01', '2024-04-01'),
  (2, 1, 2, '2024-04-01', NULL),
  (3, 2, 1, '2024-03-01', NULL),
  (4, 3, 4, '2024-03-02', NULL),
  (5, 4, 3, '2024-03-02', NULL);

INSERT INTO case_attributes(id, child_id, key, value, effective_from) VALUES
  (1, 1, 'legal_status', 'C2', '2024-03-01'),
  (2, 1, 'placement_type', 'U1', '2024-03-01'),
  (3, 1, 'legal_status', 'E1', '2024-05-01'),
  (4, 3, 'note', ''' OR ''1''=''1 «x»', '2024-03-02');

INSERT INTO events(id, child_id, type, date, attributes, recorded_by, recorded_at, source) VALUES
  (1, 1, 'became_looked_after', '2024-03-01', '{"legal_status":"C2"}', 'tester', '2024-03-01T09:05:00Z', 'manual'),
  (2, 1, 'placement_start', '2024-03-01', '{"legal_status":"C2","placement_type":"U1"}', 'ssda903 import',
   '2024-03-01T09:06:00Z', 'ssda903:episodes.csv'),
  (3, 1, 'visit', '2024-03-08', '{}', 'Ann Lee', '2024-03-08T16:00:00Z', 'manual'),
  (4, 3, 'visit', '2024-03-09', '{"note":"''; DROP TABLE events; -- ✓"}', 'Zoë', '2024-03-09T12:00:00Z', 'manual');

INSERT INTO acknowledgements(id, child_id, rule_id, due_date, acknowledged_by, acknowledged_at, note) VALUES
  (1, 1, 'lac.visit.first', '2024-03-08', 'Mo Manager', '2024-03-05T08:00:00Z', 'chasing «now»'),
  (2, 2, 'lac.review.first', '2024-03-28', 'Ann Lee', '2024-03-06T08:00:00Z', '');

INSERT INTO history(seq, at, actor, entity, entity_id, field, old_value, new_value) VALUES
  (1, '2024-03-01T09:00:00Z', 'oversight', 'plan', 1, '*', NULL, 'Improvement plan'),
  (2, '2024-03-01T09:00:00Z', 'oversight', 'worker', 1, '*', NULL, 'ann lee'),
  (3, '2024-03-01T09:00:00Z', 'oversight', 'worker', 1, 'team', NULL, 'Team A'),
  (4, '2024-03-02T10:00:00Z', 'Zoë O''Brien', 'action', 4, 'lead', 'x', '''; DROP TABLE history; --'),
  (5, '2024-03-05T08:00:00Z', 'Mo Manager', 'acknowledgement', 1, '*', NULL, 'C1/lac.visit.first/2024-03-08'),
  (6, '2024-03-05T08:00:00Z', 'oversight', 'person', 5, '*', NULL, 'Lindsay Voss');
