// Casework in the Store: teams, workers, children, allocations, case
// attributes and events (schema v3); the reminders that the statutory rules
// give them, acknowledgements, plain-text digests for workers and managers,
// iCalendar (RFC 5545) export and the SSDA903 import.
//
// Children are addressed by the local authority's own id (text, as in the
// SSDA903 CHILD field); teams and workers by their unique names. Every
// mutation runs in one transaction and writes history rows (entities
// "team", "worker", "child", "allocation", "case_attribute", "event",
// "acknowledgement"). Unknown names and ids throw Error(not_found) naming
// them; malformed input throws Error(invalid_arg); a failed change leaves
// the store as it was.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <oversight/calendar.hpp>
#include <oversight/date.hpp>
#include <oversight/duration.hpp>
#include <oversight/schedule.hpp>
#include <oversight/store.hpp>

namespace oversight {

// ------------------------------------------------------ teams, workers, children

struct Team {
    std::string name;     // unique, not blank
    std::string manager;  // may be empty
    std::string email;    // may be empty
};
bool operator==(const Team& a, const Team& b);
inline bool operator!=(const Team& a, const Team& b) { return !(a == b); }

struct Worker {
    std::string name;   // unique, not blank
    std::string team;   // name of an existing team
    std::string email;  // may be empty
};
bool operator==(const Worker& a, const Worker& b);
inline bool operator!=(const Worker& a, const Worker& b) { return !(a == b); }

struct Child {
    std::string id;                     // the local authority's id, e.g. SSDA903 CHILD
    std::optional<Date> date_of_birth;  // nullopt: unknown (an update then leaves it alone)
};
bool operator==(const Child& a, const Child& b);
inline bool operator!=(const Child& a, const Child& b) { return !(a == b); }

/// Adds the team or updates the stored one with the same name.
void save_team(Store& store, const Team& team);
/// Adds the worker or updates the stored one with the same name (moving
/// teams keeps the worker's allocations). Error(not_found) for an unknown team.
void save_worker(Store& store, const Worker& worker);
/// Adds the child or updates the date of birth of the stored one.
void save_child(Store& store, const Child& child);

std::vector<Team> list_teams(const Store& store);                    // by name
std::vector<Worker> list_workers(const Store& store);                // by name
std::optional<Child> try_find_child(const Store& store, std::string_view child_id);

/// Allocates the child to `worker` from `from` on: the current allocation
/// (if any) ends on `from`. Allocating to the current worker on or after the
/// day their allocation started is a no-op. Error(invalid_arg) if `from` is
/// before the current allocation started (whoever the worker).
void allocate(Store& store, std::string_view child_id, std::string_view worker, Date from);

/// Sets a case attribute (legal_status, placement_type, visit_regime, ...)
/// effective from a date; the value in force on a day is the one with the
/// latest effective date on or before it. Keys are lower-case
/// [a-z][a-z0-9_]*; setting the same key and date again replaces the value.
void set_attribute(Store& store, std::string_view child_id, std::string_view key, std::string_view value,
                   Date effective_from);

// ---------------------------------------------------------------------- events

/// The documented event types record_event accepts (besides any other
/// type a rule pack uses as a trigger, satisfier or chain end). They are the
/// words of the default England pack (data/rules/england.toml) plus a few
/// that only carry attributes or facts:
///   looked after:   became_looked_after, placement_start, placement_end,
///                   legal_status_change, care_order, ceased_looked_after,
///                   visit, review, care_plan, placement_plan, pep, pep_review,
///                   health_assessment, health_plan_review, school_change
///   protection:     referral, referral_decision, s47_strategy_discussion,
///                   icpc, cp_enquiry_closed, core_group, cp_review, cp_plan_ended
///   assessment:     initial_assessment_completed, core_assessment_started,
///                   core_assessment_completed, assessment_completed
///   care leavers:   became_eligible, needs_assessment, pathway_plan,
///                   pathway_plan_review, accommodation_provided, pa_visit,
///                   support_ended
///   complaints:     complaint_received, stage1_response, stage2_request,
///                   stage2_response, stage3_request, panel_meeting,
///                   panel_report, authority_response, complaint_closed
///   supervision:    asye_start, employment_start, supervision, left_employment
const std::vector<std::string>& event_types();
/// True if `type` is in event_types(), or is a trigger, satisfier or chain
/// end (ends_on) of a rule in `pack` (the default England pack when null).
bool is_known_event_type(std::string_view type, const RulePack* pack = nullptr);

/// Records something that happened on a child's case and returns its id.
/// Error(invalid_arg) for an unknown event type (see is_known_event_type),
/// a date after today (UTC) or before 1900, or an empty `recorded_by`;
/// Error(not_found) for an unknown child. Attribute keys follow the rule of
/// set_attribute. The time of recording is kept in UTC.
std::int64_t record_event(Store& store, std::string_view child_id, const CaseEvent& event,
                          std::string_view recorded_by, const RulePack* pack = nullptr);

// ---------------------------------------------------------------------- cases

/// Which cases to look at: by worker, by team (the allocation in force on
/// the day asked about), or all when both are empty.
struct CaseFilter {
    std::optional<std::string> worker;
    std::optional<std::string> team;
};

struct CaseSummary {
    std::string child_id;
    std::string worker;  // "" when unallocated
    std::string team;    // "" when unallocated
    std::optional<Date> allocated_from;
    std::int64_t events = 0;
};
bool operator==(const CaseSummary& a, const CaseSummary& b);
inline bool operator!=(const CaseSummary& a, const CaseSummary& b) { return !(a == b); }

/// The children matching the filter as of `as_of`, by child id.
/// Error(not_found) when the filter names an unknown worker or team.
std::vector<CaseSummary> list_cases(const Store& store, const CaseFilter& filter, Date as_of);

/// A child's case as the deadline engine needs it: the allocation and the
/// attributes in force on `as_of` (CaseRecord::attributes, "current"), every
/// stored attribute value effective on or before `as_of` with its date
/// (CaseRecord::attribute_changes, date order: schedule_case applies each
/// from its date, never back to the start of the case), and every recorded
/// event (date order).
CaseRecord load_case(const Store& store, std::string_view child_id, Date as_of);  // Error(not_found)
std::optional<CaseRecord> try_load_case(const Store& store, std::string_view child_id, Date as_of);

// ------------------------------------------------------------------ reminders

/// Names one obligation: the child, the rule and the due date.
struct ObligationKey {
    std::string child_id;
    std::string rule_id;
    Date due;
    /// "CHILD/RULE/YYYY-MM-DD", for display.
    std::string text() const;
};
bool operator==(const ObligationKey& a, const ObligationKey& b);
inline bool operator!=(const ObligationKey& a, const ObligationKey& b) { return !(a == b); }
ObligationKey key_of(const Obligation& o);

struct Acknowledgement {
    std::string by;    // who saw it
    std::string at;    // UTC "YYYY-MM-DDTHH:MM:SSZ"
    std::string note;  // may be empty
};
bool operator==(const Acknowledgement& a, const Acknowledgement& b);
inline bool operator!=(const Acknowledgement& a, const Acknowledgement& b) { return !(a == b); }

enum class ReminderState { overdue, due_soon };
std::string_view to_string(ReminderState s) noexcept;  // "overdue", "due"

/// An open obligation that is overdue or falls due within the window.
struct Reminder {
    Obligation obligation;  // child, worker, team, rule, due, explanation
    ReminderState state = ReminderState::due_soon;
    /// due_soon: working days left, i.e. working days in (as_of, due]
    ///   (0 = due today or on the next non-working days);
    /// overdue: working days late, i.e. working days in (due, as_of]
    ///   (0 only when it fell due on a non-working day just passed).
    int working_days = 0;
    std::optional<Acknowledgement> acknowledgement;
};
bool operator==(const Reminder& a, const Reminder& b);
inline bool operator!=(const Reminder& a, const Reminder& b) { return !(a == b); }

/// Every open obligation of the cases matching `filter` that is overdue on
/// `as_of` or due on or before add_duration(as_of, window) (e.g.
/// {10, Unit::working_days}: the next 10 working days), with the worker and
/// team allocated on `as_of` and any acknowledgement. Sorted: overdue first
/// (earliest due first), then by due date, child id and rule id.
std::vector<Reminder> reminders(const Store& store, const RulePack& pack, const Calendar& calendar, Date as_of,
                                Duration window, const CaseFilter& filter = {});

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

/// Records that someone has seen an obligation (who, a note, and the UTC
/// time). The obligation must be one the rule pack gives the child's case
/// (met or open): Error(not_found) otherwise. Acknowledging again replaces
/// who, when and the note (the history keeps the old values).
Acknowledgement acknowledge(Store& store, const RulePack& pack, const Calendar& calendar, const ObligationKey& key,
                            std::string_view who, std::string_view note = {});
std::optional<Acknowledgement> find_acknowledgement(const Store& store, const ObligationKey& key);

/// JSON array of reminders: {"key","child","worker","team","rule","title",
/// "due","anchor","anchor_event","state","working_days_left",
/// "working_days_late","explanation","source","layer","acknowledged_by",
/// "acknowledged_at","note"} (the last three null when not acknowledged).
std::string reminders_to_json(const std::vector<Reminder>& reminders);
/// JSON object {"child","worker","team","attributes":{} (current),
/// "attribute_changes":[{"key","value","effective_from"}] (date order),
/// "events":[{"type","date","attributes"}]}.
std::string case_to_json(const CaseRecord& record);

// ---------------------------------------------------------------- iCalendar

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

// ------------------------------------------------------------------- SSDA903

/// A problem in an input file, with its place ("episodes.csv:12").
struct ImportIssue {
    std::string file;
    int line = 0;
    std::string message;
    std::string where() const;  // "file:line"
};
bool operator==(const ImportIssue& a, const ImportIssue& b);

/// One event read from an SSDA903 return, with its place.
struct Ssda903Event {
    std::string child_id;
    CaseEvent event;
    std::string file;
    int line = 0;
};
struct Ssda903Attribute {
    std::string child_id;
    std::string key;  // legal_status, placement_type
    std::string value;
    Date effective_from;
};

/// What an SSDA903 folder holds, as casework (see read_ssda903).
struct Ssda903Data {
    std::vector<Child> children;            // header.csv
    std::vector<Ssda903Event> events;       // file order
    std::vector<Ssda903Attribute> attributes;
    std::vector<ImportIssue> warnings;      // rows or fields that were not used, and why
    int header_rows = 0;
    int episode_rows = 0;
    int review_rows = 0;
};

/// Reads header.csv, episodes.csv and reviews.csv (DD/MM/YYYY dates) from
/// `folder`. Events:
///   became_looked_after  episode DECOM where RNE = S;
///   placement_start      episode DECOM where the placement changed (RNE S,
///                        P, T, B or U), attributes placement_type = PLACE,
///                        legal_status = LS;
///   legal_status_change  episode DECOM where RNE = L, legal_status = LS;
///   ceased_looked_after  episode DEC where REC is given and is not X1,
///                        attribute reason = REC;
///   review               reviews REVIEW, attribute review_code = REVIEW_CODE.
/// Every episode also sets the attributes legal_status and placement_type
/// (RNE L: legal_status only) from DECOM. Bad rows (missing fields,
/// impossible dates, DEC before DECOM, unknown child, a stored field that is
/// not UTF-8 text or has a NUL byte) become warnings naming file:line and are
/// never silently dropped. Error(io) if a file is missing,
/// Error(parse) if a file is not CSV or lacks a required column.
Ssda903Data read_ssda903(const std::string& folder);

struct Ssda903Result {
    int children_added = 0;
    int events_added = 0;
    int events_already_present = 0;  // identical to a stored event (earlier import, or repeated in the file)
    int attributes_set = 0;
    std::vector<ImportIssue> warnings;
};
/// read_ssda903() then stores everything in one transaction. Importing the
/// same files again adds nothing (events are keyed by child, type, date,
/// attributes and source).
Ssda903Result import_ssda903(Store& store, const std::string& folder, std::string_view recorded_by = "ssda903 import");

}  // namespace oversight
