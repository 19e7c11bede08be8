// iCalendar (RFC 5545) export of reminders, built with libical, that
// Outlook and other calendar programs can subscribe to.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <oversight/reminders/reminder.hpp>
#include <oversight/rules/schedule.hpp>

namespace oversight {

/// iCalendar export (RFC 5545), built with libical. One VTODO per reminder:
///   UID         obligation_uid(): stable across runs for the same child,
///               rule and anchor, so re-imports update the task in place;
///   DUE         a DATE value (no time, so no time-zone question: the task
///               falls on that calendar day wherever the reader is);
///   SUMMARY     "<rule title>: <child id>"; DESCRIPTION the explanation;
///   CATEGORIES  team, worker ("(unallocated)" when none; "," ";" "\\" in
///               names become spaces, since libical 3.0 writes CATEGORIES
///               unescaped); PRIORITY 1 overdue, 5 due soon;
///               STATUS NEEDS-ACTION, or COMPLETED (with
///               COMPLETED set) when the obligation was met;
///   VALARM      ACTION:DISPLAY, TRIGGER;RELATED=END:-P<n>D (n = alarm_days);
///   DTSTAMP     UTC date-time.
/// No local date-time is emitted, so no VTIMEZONE is needed: Europe/London
/// never enters (DATE values are floating calendar days; DTSTAMP is UTC).
struct IcsOptions {
    std::string prodid = "-//Oversight//Casework reminders 1.0//EN";
    int alarm_days = 2;              // days before DUE; 0: no VALARM; 0..365
    std::optional<std::string> dtstamp;  // UTC "YYYY-MM-DDTHH:MM:SSZ"; default: now
};
std::string reminders_to_ics(const std::vector<Reminder>& reminders, const IcsOptions& options = {});
/// "<32 hex digits>@oversight": a 128-bit FNV-1a hash of child id, rule id
/// and anchor date (deterministic, platform-independent).
std::string obligation_uid(const Obligation& o);

}  // namespace oversight
