-- Migration 0008: the core group attendance and complaints trackers (issue 9
-- point 3). Schema version 8. Once published this file is never edited; a
-- change is a new numbered file. The convention of 0004 holds.
--
--  * attendance: who was invited to a meeting event of a child's case (a
--    core group, a conference, a strategy discussion: any stored event),
--    from which agency in which role, and whether they attended, sent
--    apologies or a deputy. One row per person per event; the library
--    replaces an event's list as a whole (casework/attendance.hpp). The rows
--    go with their event: the library deletes them, with their history
--    rows, before it deletes the event (a deletion or an erasure).
--  * complaints and complaint_stages: a complaint under the Children Act
--    1989 Representations Procedure (England) Regulations 2006 and each
--    stage it reached (1 local resolution, 2 investigation, 3 review
--    panel), with its clock dates, extension, response and outcome
--    (complaints/complaint.hpp). A complaint may name a child; an erasure of
--    the child removes the name (the library records it), the complaint
--    stays.
-- The history of both is written by the library (entities "attendance",
-- "complaint", "complaint_stage"), chained as 0006 describes.

CREATE TABLE attendance (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id   INTEGER NOT NULL REFERENCES events(id),
  person_id  INTEGER NOT NULL REFERENCES people(id),
  agency     TEXT NOT NULL DEFAULT '',   -- '': the council itself
  role       TEXT NOT NULL DEFAULT '',
  invited    INTEGER NOT NULL DEFAULT 1 CHECK (invited IN (0, 1)),
  attended   INTEGER NOT NULL DEFAULT 0 CHECK (attended IN (0, 1)),
  apologies  INTEGER NOT NULL DEFAULT 0 CHECK (apologies IN (0, 1)),
  deputy     TEXT CHECK (deputy IS NULL OR length(trim(deputy)) > 0),
  CHECK (NOT (attended = 1 AND apologies = 1)),
  CHECK (NOT (attended = 1 AND deputy IS NOT NULL)),
  UNIQUE (event_id, person_id)
) STRICT;
CREATE INDEX attendance_person ON attendance(person_id);

CREATE TABLE complaints (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  reference     TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(reference)) > 0),
  child_id      INTEGER REFERENCES children(id),
  received_date TEXT NOT NULL CHECK (date(received_date, '+0 days') IS received_date),
  category      TEXT NOT NULL DEFAULT '',
  lessons       TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL
                CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'
                       AND strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '+0 seconds') IS created_at)
) STRICT;
CREATE INDEX complaints_child ON complaints(child_id) WHERE child_id IS NOT NULL;

CREATE TABLE complaint_stages (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  complaint_id      INTEGER NOT NULL REFERENCES complaints(id),
  stage             INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 3),
  request_date      TEXT NOT NULL CHECK (date(request_date, '+0 days') IS request_date),
  statement_agreed  TEXT CHECK (statement_agreed IS NULL OR date(statement_agreed, '+0 days') IS statement_agreed),
  extended          INTEGER NOT NULL DEFAULT 0 CHECK (extended IN (0, 1)),
  panel_date        TEXT CHECK (panel_date IS NULL OR date(panel_date, '+0 days') IS panel_date),
  panel_report_date TEXT CHECK (panel_report_date IS NULL OR date(panel_report_date, '+0 days') IS panel_report_date),
  response_date     TEXT CHECK (response_date IS NULL OR date(response_date, '+0 days') IS response_date),
  outcome           TEXT CHECK (outcome IS NULL OR outcome IN ('upheld', 'partly_upheld', 'not_upheld', 'withdrawn')),
  CHECK ((response_date IS NULL) = (outcome IS NULL)),
  CHECK (statement_agreed IS NULL OR stage = 2),
  CHECK ((panel_date IS NULL AND panel_report_date IS NULL) OR stage = 3),
  CHECK (extended = 0 OR stage IN (1, 2)),
  UNIQUE (complaint_id, stage)
) STRICT;
