// Supervision records and supervision compliance as of any date (history
// entities "supervision", "supervision_case" and "supervision_action").
//
// A record is one session: the date it was held (apart from the date it was
// recorded: a record typed up a week later is on time if the session was),
// the supervisee and the supervisor (people of the workforce), the cases
// (children) discussed, the quality criteria it evidences (ids of the
// standard's criteria), the actions agreed, each with an owner and a due
// date, and the earlier actions it followed up (reviewed; closed or carried
// forward). An action carries forward until a session closes it; one that
// the supervisee's next session did not follow up is listed as "not followed
// up" in every report until it is closed.
//
// Compliance: each worker's chain of sessions under the standard that
// applied to the worker's role and tenure on each day (standard.hpp says how
// an interval is counted), from the appointments of the workforce: tenure in
// a role starts with the first of the person's consecutive appointments in
// that role (a move of team keeps it).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <oversight/calendar/calendar.hpp>
#include <oversight/core/date.hpp>
#include <oversight/supervision/standard.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

struct SupervisionAction {
    std::int64_t id = 0;           // set by the store
    std::int64_t agreed_in = 0;    // the session's id (set by the store)
    std::string text;              // what is to be done (not blank, at most 4096 bytes)
    std::string owner;             // a person's name
    Date due;
    std::optional<Date> closed;    // the day of the session that closed it
};
bool operator==(const SupervisionAction& a, const SupervisionAction& b);

/// An earlier action followed up at a session.
struct SupervisionFollowUp {
    std::int64_t action = 0;
    bool closed = false;  // true: closed at this session; false: carried forward
};
bool operator==(const SupervisionFollowUp& a, const SupervisionFollowUp& b);

struct SupervisionRecord {
    std::int64_t id = 0;            // set by the store
    std::string supervisee;         // a person's name
    std::string supervisor;         // a person's name
    Date held;                      // when the session took place
    std::optional<Date> recorded;   // when it was written up (nullopt on adding: today)
    int minutes = 0;                // length of the session; 0: not recorded
    std::vector<std::string> cases;     // child ids discussed
    std::vector<std::string> criteria;  // criterion ids evidenced
    std::vector<SupervisionAction> actions;      // agreed at this session
    std::vector<SupervisionFollowUp> follow_ups; // earlier actions reviewed at it
};
bool operator==(const SupervisionRecord& a, const SupervisionRecord& b);

/// Records a session in one transaction and returns its id (the actions get
/// theirs). Error(not_found) for an unknown supervisee, supervisor, action
/// owner, child or action followed up; Error(invalid_arg) for a supervisee
/// who supervises themselves, a held date after the recorded date or today or
/// outside 1900..2199, a criterion the standard does not have, a follow-up of
/// an action that is not the supervisee's, is already closed or was agreed
/// on or after this session's day, a duplicate, minutes outside 0..1440, or
/// bad text (naming the field).
std::int64_t record_supervision(Store& store, const SupervisionRecord& record,
                                const SupervisionStandard& standard = SupervisionStandard::england_default());

/// The sessions held in [from, to] (both inclusive), by held date then id;
/// a person's only when `person` is given (as supervisee or supervisor).
/// For the supervision audit's sampling. Error(invalid_arg) when to < from;
/// Error(not_found) for an unknown person.
std::vector<SupervisionRecord> list_supervisions(const Store& store, Date from, Date to,
                                                 const std::optional<std::string>& person = std::nullopt);

/// One link of a worker's chain: the reference (the previous session, or the
/// start of the role) and the session that met it.
struct SupervisionDue {
    Date from;                       // the previous session, or the start of the role
    bool from_start = false;         // true: `from` is the start of the role
    Date due;
    std::string role;                // the role whose standard set the due date
    std::string every;               // the interval, e.g. "1 week"
    std::optional<Date> held;        // the session that met it (nullopt: open)
    std::optional<std::int64_t> session;
    bool in_time = false;            // held on or before `due`
};

/// An action not closed as of the report's date.
struct OpenSupervisionAction {
    std::int64_t id = 0;
    std::string supervisee, supervisor, owner, text;
    Date agreed;   // the day of the session that agreed it
    Date due;
    /// "awaiting_next_session": no later session yet; "followed_up": the next
    /// session reviewed it (carried forward); "not_followed_up": it did not.
    std::string state;
    bool overdue = false;  // due before the report's date
};

struct WorkerSupervision {
    std::string person, team, supervisor;  // team and line manager on the report's date
    std::string role;                      // on the report's date ("" when not appointed)
    std::vector<SupervisionDue> chain;     // links decided in the period (see due) and the open one, oldest first
    /// Links decided in the period: met by a session held in it (early or
    /// late), or missed (due in it, before as_of, and not held by as_of).
    int due = 0;
    int held_in_time = 0;    // of those, met on time
    int held = 0;            // sessions held in the period
    /// Of those, sessions whose supervisor was not in a role the standard
    /// allows on the day (supervisor_roles): they do not count as supervision.
    int unqualified = 0;
    int longest_gap_days = 0;// longest interval between sessions (or the start) within the period, to its end
    std::optional<Date> next_due;  // the open link's due date
    int overdue_days = 0;    // as_of - next_due when overdue, else 0
    std::vector<std::pair<std::string, int>> criteria;  // criterion id -> sessions in the period evidencing it
};

struct GroupSupervision {
    std::string name;
    int workers = 0, due = 0, held_in_time = 0, held = 0, overdue = 0;
};

struct SupervisionDueSoon {
    std::string supervisor, person;
    Date due;
    bool overdue = false;
};

struct SupervisionReport {
    Date from, as_of;
    std::vector<WorkerSupervision> workers;          // by person
    std::vector<GroupSupervision> supervisors;       // by name ("" not line managed)
    std::vector<GroupSupervision> teams;             // by name
    std::vector<SupervisionDueSoon> due_soon;        // by supervisor, then due date: overdue or due within due_soon_days
    std::vector<OpenSupervisionAction> actions;      // open actions, by supervisee then agreed then id
};

/// Supervision compliance as of `as_of` for the period from `from` (nullopt:
/// every record): every person with an appointment whose role the standard
/// covers in the period, the sessions held on or before `as_of`.
/// Error(invalid_arg) when as_of < from.
SupervisionReport supervision_report(const Store& store, Date as_of, std::optional<Date> from = std::nullopt,
                                     const SupervisionStandard& standard = SupervisionStandard::england_default(),
                                     const Calendar& calendar = Calendar::for_division(Division::england_and_wales));

/// A record from the JSON object {"supervisee","supervisor","held",
/// "recorded" (optional), "minutes" (optional), "cases":[child ids],
/// "criteria":[ids], "actions":[{"text","owner","due"}], "follow_ups":[{
/// "action","closed"}]} (the lists optional; schema:
/// oversight-supervision-record). Strict: an unknown key, a wrong type or a
/// bad date is Error(parse) naming the field ("supervision record: actions[1].due: ...").
/// The record is checked as it is stored (record_supervision).
SupervisionRecord supervision_record_from_json(std::string_view json);

/// {"format":"oversight-supervision-report","version":1,"from","as_of",
///  "workers":[...],"supervisors":[...],"teams":[...],"due_soon":[...],
///  "actions":[...]} (schema: oversight-supervision-report).
std::string supervision_report_to_json(const SupervisionReport& report);
/// Plain text of the same.
std::string supervision_report_to_text(const SupervisionReport& report);
/// {"format":"oversight-supervisions","version":1,"supervisions":[{"id",
///  "supervisee","supervisor","held","recorded","minutes","cases",
///  "criteria","actions":[...],"follow_ups":[...]}]} (schema: oversight-supervisions).
std::string supervisions_to_json(const std::vector<SupervisionRecord>& records);

}  // namespace oversight
