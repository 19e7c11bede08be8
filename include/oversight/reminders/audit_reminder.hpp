// Reminders of audit programmes due: a programme's next due date
// (audit/audit.hpp) for its owner, overdue or falling due soon.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <oversight/core/date.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

struct AuditReminder {
    std::string programme;
    std::string type;
    std::string owner;
    Date due;
    bool overdue = false;  // due before as_of
    int days = 0;          // calendar days late (overdue) or left (0: due today)
};

/// The programmes whose next due date is on or before as_of + window_days
/// (calendar days), for `owner` only when given (a person's name, ignoring
/// case): overdue first, then by due date and name. Error(invalid_arg) for a
/// window outside 0..3660 days.
std::vector<AuditReminder> audit_reminders(const Store& store, Date as_of, int window_days,
                                           const std::optional<std::string>& owner = std::nullopt);
/// {"format":"oversight-audit-reminders","version":1,"as_of","until",
///  "reminders":[{"programme","type","owner","due","state":"overdue"|"due",
///  "days"}]} (schema: oversight-audit-reminders).
std::string audit_reminders_to_json(Date as_of, int window_days, const std::vector<AuditReminder>& reminders);

}  // namespace oversight
