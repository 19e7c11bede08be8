// Private to lib/reminders: the order reminders are listed in, shared by
// reminders() and the digests.
#pragma once

#include <oversight/reminders/reminder.hpp>

namespace oversight::detail {

/// Overdue first, then by due date, child id and rule id.
bool reminder_order(const Reminder& a, const Reminder& b);

}  // namespace oversight::detail
