// Everything due, for `oversight remind`: the casework reminders
// (reminder.hpp) with, alongside them, the audit programmes due for their
// owners (audit_reminder.hpp) and the supervisions due for the supervisors
// (supervision_reminder.hpp) and the plans' inspection clocks for the
// inspections' owners (inspection_reminder.hpp), all up to the same day. The
// casework list and its documents are unchanged; the others are separate,
// named sections ("audit_programmes", "supervisions", "inspection_clocks" in
// the oversight-reminders document;
// their own tasks in the iCalendar file; their own sections in the digest).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <oversight/calendar/calendar.hpp>
#include <oversight/calendar/duration.hpp>
#include <oversight/casework/case.hpp>
#include <oversight/core/date.hpp>
#include <oversight/reminders/audit_reminder.hpp>
#include <oversight/reminders/ics.hpp>
#include <oversight/reminders/inspection_reminder.hpp>
#include <oversight/reminders/reminder.hpp>
#include <oversight/reminders/supervision_reminder.hpp>
#include <oversight/supervision/standard.hpp>

namespace oversight {

class Store;         // <oversight/store/store.hpp>
class RulePack;      // <oversight/rules/rule_pack.hpp>
class SchoolCalendar;  // <oversight/calendar/school_calendar.hpp>

struct AllReminders {
    Date as_of;
    Date until;  // add_duration(as_of, window): the last day counted as due soon
    std::vector<Reminder> casework;
    std::vector<std::pair<std::string, std::string>> not_counted;  // what reminders() left out
    std::vector<AuditReminder> audits;             // programmes due on or before `until`, for their owners
    std::vector<SupervisionReminder> supervisions;  // supervisions due on or before `until`, for the supervisors
    std::vector<InspectionReminder> inspections;    // plans' inspection clocks due by `until`, for their owners
};

/// The casework reminders (reminders()), the audit programmes overdue or
/// due on or before add_duration(as_of, window) and the supervisions overdue
/// or due by then. With filter.worker: the casework of that worker's cases,
/// the programmes that person owns and the supervisions that person is to
/// hold (as supervisor) and the inspection clocks that person owns; with
/// filter.team: the team's cases and the supervisions of the team's workers
/// (no programme or inspection clock: they have an owner, not a team).
AllReminders all_reminders(const Store& store, const RulePack& pack, const Calendar& calendar, Date as_of,
                           Duration window, const CaseFilter& filter = {}, const SchoolCalendar* school = nullptr,
                           const SupervisionStandard& standard = SupervisionStandard::england_default());

/// The oversight-reminders document of reminders_to_json (every field
/// kept) with three sections added: "audit_programmes" (the items of
/// oversight-audit-reminders), "supervisions" (the items of
/// oversight-supervision-reminders) and "inspection_clocks"
/// (inspection_reminders_to_json).
std::string all_reminders_to_json(const AllReminders& all);

/// The casework tasks of reminders_to_ics, then one VTODO per audit
/// programme due (SUMMARY "Audit due: <programme>", CATEGORIES "Audit" and
/// the owner) and one per supervision due (SUMMARY "Supervision due:
/// <person>", CATEGORIES the team and the supervisor), each DUE a DATE,
/// PRIORITY 1 when overdue, else 5, and a UID hashed like obligation_uid
/// from ("audit", programme, due) or ("supervision", person, due); then one
/// per inspection clock due (SUMMARY "<clock>: <plan>", e.g. "action plan
/// due: Improvement plan", CATEGORIES "Inspection" and the owner, UID from
/// ("inspection", plan id, clock id, due)).
std::string all_reminders_to_ics(const AllReminders& all, const IcsOptions& options = {});

/// The casework digest (digest()), then, when there are any, "=== Audit
/// programmes due ===" (one line per programme), "=== Supervision due
/// ===" (supervision_digest) and "=== Inspection clocks ===" (one line per
/// clock).
std::string all_reminders_digest(const AllReminders& all, Duration window, const CaseFilter& filter = {});

}  // namespace oversight
