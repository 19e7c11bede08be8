// Private to lib/: meeting attendance's port. Casework checks the list (the
// event and the people exist, each person once, flags consistent); a store
// backend implements this repository (lib/store/) and writes the history
// (entity "attendance": "*" for an added or removed row, one row per changed
// field), in a transaction.
#pragma once

#include <oversight/casework/attendance.hpp>

#include <cstdint>
#include <vector>

namespace oversight {

class Store;

namespace detail {

/// An invitation with the meeting it belongs to.
struct AttendanceRow {
    std::int64_t event_id = 0;
    std::string event_type;
    Date date;
    std::string child_id;
    Invitee invitee;  // agency as stored (never empty-for-default)
};

class AttendanceRepository {
public:
    virtual ~AttendanceRepository() = default;

    /// The event's list, by person name.
    virtual std::vector<Invitee> invitees(std::int64_t event_id) const = 0;
    /// Makes the event's list `invitees` (people named as in the directory,
    /// agencies resolved); returns how many rows were added, changed or removed.
    virtual int replace(std::int64_t event_id, const std::vector<Invitee>& invitees) = 0;
    /// Every invitation to an event dated from..to (inclusive), of `event_type`
    /// when not empty, by person then date then event.
    virtual std::vector<AttendanceRow> rows(Date from, Date to, const std::string& event_type) const = 0;
};

/// The store's attendance repository (defined in lib/store/).
AttendanceRepository& attendance_repository(Store& store);
const AttendanceRepository& attendance_repository(const Store& store);

}  // namespace detail
}  // namespace oversight
