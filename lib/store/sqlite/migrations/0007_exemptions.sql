-- Migration 0007: exemptions (issue 9 point 4).
-- Schema version 7. Once published this file is never edited; a change is a
-- new numbered file. The convention of 0004 holds.
--
-- An exemption is a period [from_date, to_date] (both inclusive; to_date
-- NULL while open) during which a child's obligations cannot be met for a
-- recorded reason, approved by a named person: compliance reports an
-- obligation falling due in it as exempt (<oversight/casework/exemption.hpp>).
-- `areas` is a JSON array of the rule areas covered ("visits", ...), sorted,
-- each once; [] covers every area.
--
-- It belongs to the child's case like an event: the row goes with the child
-- (ON DELETE CASCADE; erase_child deletes it first, writing its "*" row with
-- the value "[erased]"), and its history rows (entity "exemption") carry the
-- child's id, so that an erasure scrubs their values and the hash chain of
-- 0006 still verifies.

CREATE TABLE exemptions (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  child_id    INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('missing', 'custody', 'hospital', 'abroad', 'visit_refused', 'other')),
  from_date   TEXT NOT NULL CHECK (date(from_date, '+0 days') IS from_date),
  to_date     TEXT CHECK (to_date IS NULL OR (date(to_date, '+0 days') IS to_date AND to_date >= from_date)),
  reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  approved_by TEXT NOT NULL CHECK (length(trim(approved_by)) > 0),
  areas       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(areas) AND json_type(areas) = 'array'),
  external_id TEXT UNIQUE
              CHECK (external_id IS NULL OR (length(CAST(external_id AS BLOB)) BETWEEN 1 AND 256
                     AND trim(external_id, char(32, 9, 10, 11, 12, 13)) IS external_id))
) STRICT;

CREATE INDEX exemptions_child_from ON exemptions(child_id, from_date);
