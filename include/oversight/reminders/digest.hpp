// Reminders grouped by worker or team, and the plain-text digests a
// manager could email.
#pragma once

#include <string>
#include <vector>

#include <oversight/calendar/duration.hpp>
#include <oversight/casework/case.hpp>
#include <oversight/core/date.hpp>
#include <oversight/reminders/reminder.hpp>

namespace oversight {

enum class GroupBy { worker, team };

/// The reminders of one worker or one team.
struct ReminderGroup {
    std::string name;  // worker or team name; "(unallocated)" for unallocated cases
    std::vector<Reminder> items;  // in reminders() order: overdue first
    int overdue = 0;
    int due_soon = 0;
    int acknowledged = 0;
};

/// Reminders grouped by worker or team, groups by name ("(unallocated)" last).
std::vector<ReminderGroup> group_reminders(const std::vector<Reminder>& reminders, GroupBy by);

/// Plain text a manager could email for one group: a heading with the
/// counts, then "OVERDUE" and "DUE WITHIN ..." sections, one line per
/// obligation (due date, working days left/late, child, rule title,
/// worker/team, acknowledgement).
std::string digest(const ReminderGroup& group, GroupBy by, Date as_of, Duration window);
/// The digest for a scope: with scope.worker that worker's digest, with
/// scope.team that team's (both even when they have nothing due), otherwise
/// the digests of every worker, then of every team.
std::string digest(const std::vector<Reminder>& reminders, Date as_of, Duration window, const CaseFilter& scope = {});

}  // namespace oversight
