// Events on a child's case (visits, reviews, placements, ...): the event
// types the library knows and recording an event (history entity "event").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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

/// Records something that happened on a child's case and returns its id.
/// Error(invalid_arg) for an unknown event type (see is_known_event_type),
/// a date after today (UTC) or before 1900, or an empty `recorded_by`;
/// Error(not_found) for an unknown child. Attribute keys follow the rule of
/// set_attribute. The time of recording is kept in UTC.
std::int64_t record_event(Store& store, std::string_view child_id, const CaseEvent& event,
                          std::string_view recorded_by, const RulePack* pack = nullptr);

}  // namespace oversight
