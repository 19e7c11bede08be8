// Events on a child's case: the event types the library knows and recording
// what happened.
#include <oversight/casework/event.hpp>

#include <oversight/core/error.hpp>

#include "casework/casework_detail.hpp"
#include "casework/casework_repository.hpp"
#include "core/text.hpp"
#include "core/transaction.hpp"
#include "core/validation.hpp"

#include <algorithm>
#include <set>

namespace oversight {

namespace detail {

std::optional<std::int64_t> put_event(Store& store, std::string_view child_id, const CaseEvent& event,
                                      std::string_view recorded_by, std::string_view source) {
    for (const auto& [k, v] : event.attributes) {
        check_attribute_key(k, "event attribute key");
        checked_text(v, "event attribute value", true);
    }
    const std::string by = checked_text(recorded_by, "recorded_by");
    std::optional<std::int64_t> id;
    in_transaction(store, "recording event", [&] {
        auto& repo = casework_repository(store);
        if (!repo.find_child(child_id))
            throw Error(Status::not_found, "no child with id '" + sanitize_utf8(child_id) + "'");
        id = repo.add_event(child_id, event, by, source);
    });
    return id;
}

}  // namespace detail

const std::vector<std::string>& event_types() {
    static const std::vector<std::string> kTypes = {
        // looked after
        "became_looked_after", "placement_start", "placement_end", "legal_status_change", "care_order",
        "ceased_looked_after", "visit", "review", "care_plan", "placement_plan", "pep", "pep_review",
        "health_assessment", "health_plan_review", "school_change",
        // child protection
        "referral", "referral_decision", "s47_strategy_discussion", "icpc", "cp_enquiry_closed", "core_group",
        "cp_review", "cp_plan_ended",
        // assessment
        "initial_assessment_completed", "core_assessment_started", "core_assessment_completed",
        "assessment_completed",
        // care leavers
        "became_eligible", "needs_assessment", "pathway_plan", "pathway_plan_review", "accommodation_provided",
        "pa_visit", "support_ended",
        // complaints
        "complaint_received", "stage1_response", "stage2_request", "stage2_response", "stage3_request",
        "panel_meeting", "panel_report", "authority_response", "complaint_closed",
        // supervision (a worker's record)
        "asye_start", "employment_start", "supervision", "left_employment"};
    return kTypes;
}

namespace {

bool pack_uses(const RulePack& pack, std::string_view type) {
    for (const Rule& r : pack.rules()) {
        if (r.trigger == type) return true;
        for (const auto& t : r.satisfied_by)
            if (t == type) return true;
        for (const auto& t : r.ends_on)
            if (t == type) return true;
    }
    return false;
}

// The default pack's event types, read once (immutable after first use).
const std::set<std::string>& default_pack_types() {
    static const std::set<std::string> kTypes = [] {
        std::set<std::string> out;
        RulePack pack = RulePack::england_default();
        for (const Rule& r : pack.rules()) {
            out.insert(r.trigger);
            out.insert(r.satisfied_by.begin(), r.satisfied_by.end());
            out.insert(r.ends_on.begin(), r.ends_on.end());
        }
        return out;
    }();
    return kTypes;
}

}  // namespace

bool is_known_event_type(std::string_view type, const RulePack* pack) {
    const auto& types = event_types();
    if (std::find(types.begin(), types.end(), type) != types.end()) return true;
    if (pack) return pack_uses(*pack, type);
    return default_pack_types().count(std::string(type)) > 0;
}

std::int64_t record_event(Store& store, std::string_view child_id, const CaseEvent& event,
                          std::string_view recorded_by, const RulePack* pack) {
    detail::check_attribute_key(event.type, "event type");
    if (!is_known_event_type(event.type, pack))
        throw Error(Status::invalid_arg, "unknown event type '" + event.type +
                                             "' (see oversight::event_types() and the rule pack's triggers)");
    if (event.date > Date::today())
        throw Error(Status::invalid_arg, "event '" + event.type + "' dated " + event.date.iso() +
                                             " is in the future (events record what has happened)");
    detail::check_date_range(event.date, "event date");
    return *detail::put_event(store, child_id, event, recorded_by, "manual");
}

}  // namespace oversight
