// Umbrella header of Oversight's C++ API (source-stable within a major
// version; the binary-stable contract is the C ABI in <oversight.h>).
// Headers are grouped by subsystem, in dependency order (lib/README.md):
// each subsystem uses only those above it.
#pragma once

#include <oversight/version.h>

#include <oversight/core/date.hpp>
#include <oversight/core/edit_distance.hpp>
#include <oversight/core/error.hpp>
#include <oversight/core/file.hpp>
#include <oversight/core/pseudonym.hpp>
// Not here: <oversight/core/boost_interop.hpp> (it needs Boost; include it yourself).

#include <oversight/calendar/calendar.hpp>
#include <oversight/calendar/duration.hpp>
#include <oversight/calendar/school_calendar.hpp>

#include <oversight/rules/rule.hpp>
#include <oversight/rules/rule_pack.hpp>
#include <oversight/rules/schedule.hpp>

#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/name_matching.hpp>
#include <oversight/workforce/person.hpp>
#include <oversight/workforce/role.hpp>
#include <oversight/workforce/team.hpp>

#include <oversight/plan/cost.hpp>
#include <oversight/plan/inspection.hpp>
#include <oversight/plan/plan.hpp>
#include <oversight/plan/plan_store.hpp>
#include <oversight/plan/rag.hpp>

#include <oversight/casework/attendance.hpp>
#include <oversight/casework/batch.hpp>
#include <oversight/casework/case.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/casework/codes.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/casework/exemption.hpp>

#include <oversight/complaints/complaint.hpp>
#include <oversight/audit/audit.hpp>
#include <oversight/supervision/standard.hpp>
#include <oversight/supervision/supervision.hpp>
#include <oversight/supervision/supervision_audit.hpp>

#include <oversight/compliance/compliance.hpp>
#include <oversight/compliance/host_due.hpp>

#include <oversight/indicator/indicator.hpp>

#include <oversight/reminders/acknowledgement.hpp>
#include <oversight/reminders/all_reminders.hpp>
#include <oversight/reminders/audit_reminder.hpp>
#include <oversight/reminders/digest.hpp>
#include <oversight/reminders/ics.hpp>
#include <oversight/reminders/inspection_reminder.hpp>
#include <oversight/reminders/reminder.hpp>
#include <oversight/reminders/reminder_changes.hpp>
#include <oversight/reminders/supervision_reminder.hpp>

#include <oversight/import/annex_a.hpp>
#include <oversight/import/cin_census.hpp>
#include <oversight/import/csv_reader.hpp>
#include <oversight/import/csww.hpp>
#include <oversight/import/host_due_csv.hpp>
#include <oversight/import/import_issue.hpp>
#include <oversight/import/plan_file.hpp>
#include <oversight/import/return_format.hpp>
#include <oversight/import/seed_plan.hpp>
#include <oversight/import/ssda903.hpp>
#include <oversight/import/xlsx_reader.hpp>
#include <oversight/import/xml_reader.hpp>

#include <oversight/report/board_paper.hpp>
#include <oversight/report/dashboard.hpp>
#include <oversight/report/document.hpp>
#include <oversight/report/measures.hpp>
#include <oversight/report/report.hpp>
#include <oversight/report/writer.hpp>

#include <oversight/store/history.hpp>
#include <oversight/store/store.hpp>
