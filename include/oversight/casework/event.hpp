// Events on a child's case (visits, reviews, placements, ...): the event
// types the library knows, recording an event, and keeping events in step
// with a case system: external ids, corrections and deletions (history
// entity "event"; identifiers follow the rules of child.hpp). A correction
// or a deletion changes the case's deadlines at once: schedule_case and
// reminders read the events as they are now (a visit moved to the right
// child stops meeting the wrong child's obligation, which is open again).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <oversight/casework/child.hpp>
#include <oversight/rules/rule_pack.hpp>
#include <oversight/rules/schedule.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

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

/// What save_event did, and to which event.
struct EventSaved {
    std::int64_t id = 0;  // the store's id of the event, never reused
    SaveOutcome outcome = SaveOutcome::added;
};

/// Records something that happened on a child's case, once:
///  - with an external id (event.external_id) that a stored event has: that
///    event is updated in place to this child, type, date and attributes
///    (history fields "child", "type", "date", "attributes": old and new
///    values), or left alone when identical;
///  - with a new external id: a new event with it;
///  - without one: a new event unless the child already has an identical one
///    without an external id (same type, date and attributes, recorded by
///    hand): then that one, unchanged, as the SSDA903 import does for the
///    rows of a file imported again.
/// A new event's history row: field "*", new value the JSON object
/// {"type","date","attributes","source","external_id" (when it has one)}.
/// Error(invalid_arg) for an unknown event type (see is_known_event_type),
/// a date after today (UTC) or before 1900, a `recorded_by` that is empty,
/// longer than 256 bytes or holds a control character (C0, DEL, C1), an
/// attribute value longer than 4096 bytes or with a control character other
/// than TAB, or a malformed external id (as child.hpp says);
/// Error(not_found) for an unknown child. Attribute
/// keys and coded values (casework/codes.hpp) follow the rule of
/// set_attribute; "reason" on a ceased_looked_after event is an SSDA903 REC
/// code when shaped like one. The time of recording is kept in
/// UTC; `recorded_by` and the time stay those of the first recording.
EventSaved save_event(Store& store, std::string_view child_id, const CaseEvent& event, std::string_view recorded_by,
                      const RulePack* pack = nullptr);
/// save_event(...).id.
std::int64_t record_event(Store& store, std::string_view child_id, const CaseEvent& event,
                          std::string_view recorded_by, const RulePack* pack = nullptr);

/// An event as stored.
struct RecordedEvent {
    std::int64_t id = 0;
    std::string child_id;
    CaseEvent event;          // with its external id, if any
    std::string recorded_by;
    std::string recorded_at;  // UTC, "YYYY-MM-DDTHH:MM:SSZ"
    std::string source;       // "manual", or the file it was imported from ("ssda903:episodes.csv")
};
bool operator==(const RecordedEvent& a, const RecordedEvent& b);
inline bool operator!=(const RecordedEvent& a, const RecordedEvent& b) { return !(a == b); }

std::optional<RecordedEvent> try_find_event(const Store& store, std::int64_t event_id);
std::optional<RecordedEvent> try_find_event_by_external_id(const Store& store, std::string_view external_id);
/// The child's events by date, then id. Error(not_found) for an unknown child.
std::vector<RecordedEvent> list_events(const Store& store, std::string_view child_id);

/// Corrects a stored event: it becomes `corrected` (type, date, attributes)
/// on the case of `child_id` (moving it when that is another child's), with
/// the checks of save_event; corrected.external_id, when given, becomes its
/// external id (Error(conflict) when another event has it), and nullopt
/// leaves the stored one. One history row per changed field; true when
/// anything changed. Error(not_found) naming the event (or child) when there
/// is none.
bool correct_event(Store& store, std::int64_t event_id, std::string_view child_id, const CaseEvent& corrected,
                   const RulePack* pack = nullptr);
/// correct_event for the event with this external id.
bool correct_event_by_external_id(Store& store, std::string_view external_id, std::string_view child_id,
                                  const CaseEvent& corrected, const RulePack* pack = nullptr);

/// Deletes a stored event (recorded by mistake, or against the wrong
/// child): history field "*" with the event as it was (JSON: child, type,
/// date, attributes, source, external_id) as the old value. Error(not_found)
/// naming the event when there is none (deleted before, or never stored: a
/// direct call says so; a batch, batch.hpp, counts a resent deletion as
/// unchanged).
void delete_event(Store& store, std::int64_t event_id);
void delete_event_by_external_id(Store& store, std::string_view external_id);

}  // namespace oversight
