// Events on a child's case: the event types the library knows and recording
// what happened.
#include <oversight/casework/event.hpp>

#include <oversight/casework/codes.hpp>

#include <oversight/core/error.hpp>

#include "casework/casework_detail.hpp"
#include "casework/casework_repository.hpp"
#include "core/json.hpp"
#include "core/text.hpp"
#include "core/transaction.hpp"
#include "core/validation.hpp"

#include <algorithm>
#include <set>

namespace oversight {

namespace detail {

namespace {

/// The event with attributes and external id checked (the external id as stored).
CaseEvent checked_event_content(const CaseEvent& event) {
    for (const auto& [k, v] : event.attributes) {
        check_attribute_key(k, "event attribute key");
        checked_name(v, ("event attribute value of " + k).c_str(), kMaxAttributeValueBytes, true, true);
    }
    CaseEvent e = event;
    if (e.external_id) e.external_id = checked_external_id(*e.external_id, "event external id");
    return e;
}

}  // namespace

EventSaved store_event(Store& store, std::string_view child_id, const CaseEvent& event, std::string_view recorded_by,
                       std::string_view source) {
    const CaseEvent e = checked_event_content(event);
    const std::string by = checked_name(recorded_by, "recorded_by", kMaxNameBytes);
    const std::string_view child = id_key(child_id);
    EventSaved out;
    in_transaction(store, "recording event", [&] {
        auto& repo = casework_repository(store);
        if (!repo.has_child(child)) no_child(child_id);
        if (e.external_id) {
            if (auto found = repo.find_event_id_by_external_id(*e.external_id)) {
                out = {*found, repo.update_event(*found, child, e) ? SaveOutcome::updated : SaveOutcome::unchanged};
                return;
            }
        } else if (auto same = repo.find_identical_event(child, e, source)) {
            out = {*same, SaveOutcome::unchanged};
            return;
        }
        out = {repo.add_event(child, e, by, source), SaveOutcome::added};
    });
    return out;
}

std::optional<std::int64_t> put_event(Store& store, std::string_view child_id, const CaseEvent& event,
                                      std::string_view recorded_by, std::string_view source) {
    const EventSaved saved = store_event(store, child_id, event, recorded_by, source);
    if (saved.outcome != SaveOutcome::added) return std::nullopt;
    return saved.id;
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

namespace {

/// Error(invalid_arg) unless the event's type is known and its date is not
/// in the future and in range.
void check_event(const CaseEvent& event, const RulePack* pack) {
    detail::check_attribute_key(event.type, "event type");
    if (!is_known_event_type(event.type, pack))
        throw Error(Status::invalid_arg, "unknown event type '" + event.type +
                                             "' (see oversight::event_types() and the rule pack's triggers)");
    if (event.date > Date::today())
        throw Error(Status::invalid_arg, "event '" + event.type + "' dated " + event.date.iso() +
                                             " is in the future (events record what has happened)");
    detail::check_date_range(event.date, "event date");
    for (const auto& [key, value] : event.attributes) check_coded_value(key, value, event.type);
}

[[noreturn]] void no_event(const std::string& which) { throw Error(Status::not_found, "no event " + which); }

std::string with_id(std::int64_t id) { return "with id " + std::to_string(id); }
std::string with_external_id(std::string_view id) { return "with external id " + detail::in_quotes(id); }

}  // namespace

bool operator==(const RecordedEvent& a, const RecordedEvent& b) {
    return a.id == b.id && a.child_id == b.child_id && a.event == b.event && a.recorded_by == b.recorded_by &&
           a.recorded_at == b.recorded_at && a.source == b.source;
}

EventSaved save_event(Store& store, std::string_view child_id, const CaseEvent& event, std::string_view recorded_by,
                      const RulePack* pack) {
    check_event(event, pack);
    return detail::store_event(store, child_id, event, recorded_by, "manual");
}

std::int64_t record_event(Store& store, std::string_view child_id, const CaseEvent& event,
                          std::string_view recorded_by, const RulePack* pack) {
    return save_event(store, child_id, event, recorded_by, pack).id;
}

std::optional<RecordedEvent> try_find_event(const Store& store, std::int64_t event_id) {
    return detail::casework_repository(store).find_event(event_id);
}

std::optional<RecordedEvent> try_find_event_by_external_id(const Store& store, std::string_view external_id) {
    return detail::casework_repository(store).find_event_by_external_id(detail::id_key(external_id));
}

std::vector<RecordedEvent> list_events(const Store& store, std::string_view child_id) {
    const auto& repo = detail::casework_repository(store);
    const std::string_view child = detail::id_key(child_id);
    if (!repo.find_child(child)) detail::no_child(child_id);
    return repo.events(child);
}

bool correct_event(Store& store, std::int64_t event_id, std::string_view child_id, const CaseEvent& corrected,
                   const RulePack* pack) {
    check_event(corrected, pack);
    const CaseEvent e = detail::checked_event_content(corrected);
    const std::string_view child = detail::id_key(child_id);
    bool changed = false;
    detail::in_transaction(store, "correcting event " + std::to_string(event_id), [&] {
        auto& repo = detail::casework_repository(store);
        if (!repo.find_event(event_id)) no_event(with_id(event_id));
        if (!repo.find_child(child)) detail::no_child(child_id);
        if (e.external_id) {
            auto other = repo.find_event_by_external_id(*e.external_id);
            if (other && other->id != event_id)
                throw Error(Status::conflict, "event external id " + detail::in_quotes(*e.external_id) +
                                                  " is event " + std::to_string(other->id) + "'s");
        }
        changed = repo.update_event(event_id, child, e);
    });
    return changed;
}

bool correct_event_by_external_id(Store& store, std::string_view external_id, std::string_view child_id,
                                  const CaseEvent& corrected, const RulePack* pack) {
    const std::string id = detail::checked_external_id(external_id, "event external id");
    bool changed = false;
    detail::in_transaction(store, "correcting event " + detail::in_quotes(id), [&] {
        auto found = detail::casework_repository(store).find_event_by_external_id(id);
        if (!found) no_event(with_external_id(id));
        changed = correct_event(store, found->id, child_id, corrected, pack);
    });
    return changed;
}

void delete_event(Store& store, std::int64_t event_id) {
    detail::in_transaction(store, "deleting event " + std::to_string(event_id), [&] {
        auto& repo = detail::casework_repository(store);
        if (!repo.find_event(event_id)) no_event(with_id(event_id));
        repo.remove_event(event_id);
    });
}

void delete_event_by_external_id(Store& store, std::string_view external_id) {
    const std::string id = detail::checked_external_id(external_id, "event external id");
    detail::in_transaction(store, "deleting event " + detail::in_quotes(id), [&] {
        auto& repo = detail::casework_repository(store);
        auto found = repo.find_event_by_external_id(id);
        if (!found) no_event(with_external_id(id));
        repo.remove_event(found->id);
    });
}

namespace detail {

std::map<std::string, std::string> attributes_from_json(std::string_view text, const char* what) {
    const nlohmann::json j = parse_json(text, what);
    if (!j.is_object()) throw Error(Status::invalid_arg, std::string(what) + " is not a JSON object");
    std::map<std::string, std::string> out;
    for (auto& [k, v] : j.items()) {
        if (!v.is_string())
            throw Error(Status::invalid_arg, std::string(what) + ": the value of " + in_quotes(k) + " is not a string");
        out[k] = v.get<std::string>();
    }
    return out;
}

}  // namespace detail
}  // namespace oversight
