// Meeting attendance (history entity "attendance"): who was invited to a
// meeting event of a child's case (a core group, a child protection
// conference, a strategy discussion: any stored event), from which agency,
// in which role, and whether they attended, sent apologies or a deputy; and
// the reports the seed plan asks for: attendance by agency and by
// professional for a period, and the list of professionals invited to a core
// group who did not attend, with their line manager on the meeting's date,
// for the follow-up letter (seed plan action 3.2: "a letter ... to each
// professional from a partner agency who has not attended a Core Group
// meeting. A copy will be sent to their line manager").
//
// Core groups in law: Working Together sets the first core group within 10
// working days of the initial child protection conference (WT 2010 ch.5;
// WT 2013+ ch.1; SECONDARY) and leaves their frequency to local procedures
// (commonly every 6 weeks; SECONDARY, local): the statutory-timescales
// reference, section 4 rows 4c and 4h. Those deadlines are rules of the
// rule pack; this file records who came.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <oversight/core/date.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

/// One person on a meeting's list.
struct Invitee {
    /// A person of the workforce directory (workforce/person.hpp); a
    /// partner-agency professional is added there with their agency first.
    std::string person;
    /// Empty: the person's agency in the directory ("" there: the council).
    std::string agency;
    std::string role;  // role or profession, free text ("school nurse"); may be empty
    bool invited = true;
    bool attended = false;
    bool apologies = false;              // sent apologies (never with attended)
    std::optional<std::string> deputy;   // who came in their place (never with attended)
};
bool operator==(const Invitee& a, const Invitee& b);
inline bool operator!=(const Invitee& a, const Invitee& b) { return !(a == b); }

/// Replaces the list of people of stored event `event_id` with `invitees`
/// (an empty list clears it): rows that did not change are left alone, so
/// sending the same list again changes nothing (a host may resend it).
/// Returns how many people were added, changed or removed. Each person
/// once; names, agency, role and deputy are checked names (not blank where
/// required, no control character, at most 256 bytes). Error(not_found) for
/// an unknown event or person; Error(invalid_arg) for a person listed twice,
/// or attended together with apologies or a deputy. History: entity
/// "attendance", "*" for an added or removed row, one row per changed field.
int set_attendance(Store& store, std::int64_t event_id, const std::vector<Invitee>& invitees);
/// The event's list, by person. Error(not_found) for an unknown event.
std::vector<Invitee> attendance(const Store& store, std::int64_t event_id);

/// What the reports read.
struct AttendancePeriod {
    Date from;                    // inclusive
    Date to;                      // inclusive
    /// Only events of this type ("core_group"); empty: every event with a list.
    std::string event_type;
};

/// Invited and attended (in person) among those invited, for one agency
/// or one professional; rate = attended / invited (no rate when invited is 0).
struct AttendanceTally {
    std::string key;     // the agency ("" = the council) or the person's name
    std::string agency;  // the person's agency (by-person rows); the key again (by-agency rows)
    int invited = 0;
    int attended = 0;
    int apologies = 0;   // invited, did not attend, sent apologies
    int deputies = 0;    // invited, did not attend, sent a deputy
    std::optional<double> rate() const;
};

struct AttendanceReport {
    AttendancePeriod period;
    int meetings = 0;                        // events with a list in the period
    std::vector<AttendanceTally> by_agency;  // by agency name
    std::vector<AttendanceTally> by_person;  // by person name
};
/// Attendance for events dated in the period. Error(invalid_arg) when `to`
/// is before `from`.
AttendanceReport attendance_report(const Store& store, const AttendancePeriod& period);

/// One invitation not attended, for the follow-up letter.
struct NonAttendance {
    std::string person;
    std::string agency;
    std::string role;
    std::int64_t event_id = 0;
    std::string event_type;
    Date meeting_date;
    std::string child_id;
    bool apologies = false;
    std::optional<std::string> deputy;
    /// The line manager of the person's appointment in force on the meeting
    /// date (workforce/appointment.hpp); nullopt: none recorded.
    std::optional<std::string> line_manager;
};
/// Every invited person who did not attend a meeting of the period (by
/// default core groups: period.event_type empty means "core_group" here), by
/// person, then date. `partner_agencies_only`: leave out the council's own
/// staff (agency "").
std::vector<NonAttendance> non_attendance(const Store& store, AttendancePeriod period,
                                          bool partner_agencies_only = false);

/// {"format":"oversight-attendance","version":1,"from","to","event_type",
///  "meetings","by_agency":[{"agency","invited","attended","apologies",
///  "deputies","rate"}],"by_person":[{"person","agency",...same}]}; "rate"
/// is null when nobody was invited (schema: oversight-attendance).
std::string attendance_to_json(const AttendanceReport& report);
/// CSV (RFC 4180, formula-like cells defused): one row per agency then per
/// person: "group,name,agency,invited,attended,apologies,deputies,rate".
std::string attendance_to_csv(const AttendanceReport& report);
/// {"format":"oversight-non-attendance","version":1,"from","to","event_type",
///  "rows":[{"person","agency","role","event_id","event_type","meeting_date",
///  "child_id","apologies","deputy","line_manager"}]}; "line_manager" is
/// "none recorded" when none is (schema: oversight-non-attendance).
std::string non_attendance_to_json(const AttendancePeriod& period, const std::vector<NonAttendance>& rows);
/// The same rows as CSV, with a header line.
std::string non_attendance_to_csv(const std::vector<NonAttendance>& rows);

/// The text written where no line manager is recorded.
inline constexpr const char* kNoLineManager = "none recorded";

}  // namespace oversight
