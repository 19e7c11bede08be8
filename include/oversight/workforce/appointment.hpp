// Appointments: a person's role, team and line manager over time, e.g. a
// newly qualified social worker's assessed year, then social worker in the
// same team under the same manager. A person has at most one open
// appointment; appointing again from a later date ends it on that date (as
// allocations of children do). History entity "appointment".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <oversight/core/date.hpp>
#include <oversight/workforce/role.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

struct Appointment {
    std::int64_t id = 0;
    std::string person;         // a person's name
    Role role = Role::other;
    std::string team;           // a team's name; may be empty
    std::string line_manager;   // a person's name; may be empty
    std::optional<Date> from;   // nullopt: since before records
    std::optional<Date> until;  // exclusive; nullopt: open
};
bool operator==(const Appointment& a, const Appointment& b);
inline bool operator!=(const Appointment& a, const Appointment& b) { return !(a == b); }

/// Records an appointment and returns its id (`id` is ignored).
///  - Open (no `until`): the person's open appointment, if any, ends on
///    `from`; if it started on that same day (or both run from before
///    records) it is corrected in place instead; if it is identical but for
///    a later `from`, nothing changes. Error(invalid_arg) when `from` is
///    before the open appointment started.
///  - Closed (`until` after `from`): a past appointment, added as given.
/// Error(invalid_arg) when it would overlap another appointment of the
/// person, when `until` is not after `from`, for dates outside 1900..2199
/// and for a person who would manage themselves; Error(not_found) for an
/// unknown person, team or line manager.
std::int64_t appoint(Store& store, const Appointment& appointment);

/// A person's appointments, by start (before records first).
/// Error(not_found) for an unknown person.
std::vector<Appointment> appointments(const Store& store, std::string_view person);
/// The person's appointment in force on `day`, if any.
std::optional<Appointment> appointment_on(const Store& store, std::string_view person, Date day);
/// The appointments in force on `day` whose line manager is `manager`, by
/// person. Error(not_found) for an unknown manager.
std::vector<Appointment> line_reports(const Store& store, std::string_view manager, Date day);

}  // namespace oversight
