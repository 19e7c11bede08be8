// <oversight/c/casework.h>: argument checks and translation only
// (lib/casework/).
#include "capi_util.hpp"

#include <oversight/casework/attendance.hpp>
#include <oversight/casework/case.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/casework/exemption.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <string>

using namespace oversight;
using namespace oversight::capi;

namespace {

const oversight_casework_event kEventDefaults = OVERSIGHT_CASEWORK_EVENT_INIT;
const oversight_casework_child kChildDefaults = OVERSIGHT_CASEWORK_CHILD_INIT;
const oversight_casework_allocation kAllocationDefaults = OVERSIGHT_CASEWORK_ALLOCATION_INIT;
const oversight_casework_attribute kAttributeDefaults = OVERSIGHT_CASEWORK_ATTRIBUTE_INIT;
const oversight_casework_exemption kExemptionDefaults = OVERSIGHT_CASEWORK_EXEMPTION_INIT;
const oversight_casework_invitee kInviteeDefaults = OVERSIGHT_CASEWORK_INVITEE_INIT;
const oversight_casework_attendance_query kAttendanceQueryDefaults = OVERSIGHT_CASEWORK_ATTENDANCE_QUERY_INIT;

/// An attendance query in C++ terms, with its csv flag.
std::pair<AttendancePeriod, const oversight_casework_attendance_query*> period_of(
    const oversight_casework_attendance_query* query) {
    const auto& q = need_struct(query, OVERSIGHT_CASEWORK_ATTENDANCE_QUERY_VERSION, "query",
                                "oversight_casework_attendance_query");
    return {{to_date(q.from, "from"), to_date(q.to, "to"), opt_text_arg(q.event_type, "event_type").value_or("")}, &q};
}


std::int32_t outcome_of(SaveOutcome o) noexcept {
    switch (o) {
    case SaveOutcome::added: return OVERSIGHT_CASEWORK_ADDED;
    case SaveOutcome::updated: return OVERSIGHT_CASEWORK_UPDATED;
    case SaveOutcome::unchanged: break;
    }
    return OVERSIGHT_CASEWORK_UNCHANGED;
}

void give_outcome(std::int32_t* out, SaveOutcome o) noexcept {
    if (out) *out = outcome_of(o);
}


/// The event a C struct describes (external_id from version 2 on: a version
/// 1 struct is shorter and has no such member to read).
CaseEvent event_of(const oversight_casework_event& c) {
    CaseEvent e;
    e.type = text_arg(c.type, "type");
    e.date = to_date(c.date, "date");
    e.attributes = attributes_arg(c.attributes_json);
    if (c.version >= 2) e.external_id = opt_text_arg(c.external_id, "external_id");
    return e;
}

const RulePack* pack_of(const oversight_casework_event& c) { return opt_pack(c.rule_pack, "event.rule_pack"); }

EventSaved save(oversight_store* store, const oversight_casework_event* event) {
    Store& s = store_of(store);
    const auto& c = need_struct(event, OVERSIGHT_CASEWORK_EVENT_VERSION, "event", "oversight_casework_event");
    return save_event(s, text_arg(c.child_id, "child_id"), event_of(c), text_arg(c.recorded_by, "recorded_by"),
                      pack_of(c));
}

/// An event named by its id or its external id: exactly one of the two.
std::optional<std::string> event_ref(std::int64_t event_id, const char* external_id) {
    if (event_id < 0) throw Error(Status::invalid_arg, "event_id " + std::to_string(event_id) + " is negative");
    auto ext = opt_text_arg(external_id, "external_id");
    if ((event_id > 0) == ext.has_value())
        throw Error(Status::invalid_arg, "give exactly one of event_id (> 0) and external_id");
    return ext;
}

/// The exemption a C struct describes.
Exemption exemption_of(const oversight_casework_exemption& c) {
    Exemption e;
    e.child_id = text_arg(c.child_id, "child_id");
    e.kind = exemption_kind_from_string(text_arg(c.kind, "kind"));
    e.from = to_date(c.from, "from");
    e.to = opt_date(c.to, "to");
    e.reason = text_arg(c.reason, "reason");
    e.approved_by = text_arg(c.approved_by, "approved_by");
    if (c.area_count > 0) need(c.areas, "oversight_casework_exemption.areas");
    for (size_t i = 0; i < c.area_count; ++i) {
        const std::string what = "oversight_casework_exemption.areas[" + std::to_string(i) + "]";
        e.areas.push_back(text_arg(c.areas[i], what.c_str()));
    }
    e.external_id = opt_text_arg(c.external_id, "external_id");
    return e;
}

}  // namespace

extern "C" {

oversight_status oversight_casework_save_child(oversight_store* store, const char* child_id,
                                               const oversight_date* date_of_birth) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        Child c;
        c.id = text_arg(child_id, "child_id");
        c.date_of_birth = opt_date(date_of_birth, "date_of_birth");
        save_child(s, c);
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_casework_allocate(oversight_store* store, const char* child_id, const char* worker,
                                             oversight_date from) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        allocate(s, text_arg(child_id, "child_id"), text_arg(worker, "worker"), to_date(from, "from"));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_casework_set_attribute(oversight_store* store, const char* child_id, const char* key,
                                                  const char* value, oversight_date effective_from) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        set_attribute(s, text_arg(child_id, "child_id"), text_arg(key, "key"), text_arg(value, "value"),
                      to_date(effective_from, "effective_from"));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_casework_event_init(oversight_casework_event* opts, uint32_t version) noexcept {
    // A caller built with the version 1 header has a shorter struct.
    return init_struct(opts, version, OVERSIGHT_CASEWORK_EVENT_VERSION, kEventDefaults, "oversight_casework_event",
                       version == 1 ? offsetof(oversight_casework_event, external_id) : sizeof(oversight_casework_event));
}

oversight_status oversight_casework_record_event(oversight_store* store, const oversight_casework_event* event,
                                                 int64_t* out_event_id) noexcept {
    return guard(
        [&] {
            const EventSaved saved = save(store, event);
            if (out_event_id) *out_event_id = saved.id;
            return OVERSIGHT_OK;
        },
        out_event_id);
}

oversight_status oversight_casework_save_event(oversight_store* store, const oversight_casework_event* event,
                                               int64_t* out_event_id, int32_t* out_outcome) noexcept {
    return guard(
        [&] {
            const EventSaved saved = save(store, event);
            if (out_event_id) *out_event_id = saved.id;
            give_outcome(out_outcome, saved.outcome);
            return OVERSIGHT_OK;
        },
        out_event_id, out_outcome);
}

oversight_status oversight_casework_correct_event(oversight_store* store, int64_t event_id, const char* external_id,
                                                  const oversight_casework_event* corrected,
                                                  int32_t* out_changed) noexcept {
    return guard(
        [&] {
            Store& s = store_of(store);
            const auto ref = event_ref(event_id, external_id);
            const auto& c =
                need_struct(corrected, OVERSIGHT_CASEWORK_EVENT_VERSION, "corrected", "oversight_casework_event");
            const std::string child = text_arg(c.child_id, "child_id");
            const CaseEvent e = event_of(c);
            const bool changed = ref ? correct_event_by_external_id(s, *ref, child, e, pack_of(c))
                                     : correct_event(s, event_id, child, e, pack_of(c));
            if (out_changed) *out_changed = changed ? 1 : 0;
            return OVERSIGHT_OK;
        },
        out_changed);
}

oversight_status oversight_casework_delete_event(oversight_store* store, int64_t event_id,
                                                 const char* external_id) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        const auto ref = event_ref(event_id, external_id);
        if (ref) delete_event_by_external_id(s, *ref);
        else delete_event(s, event_id);
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_casework_child_init(oversight_casework_child* opts, uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_CASEWORK_CHILD_VERSION, kChildDefaults, "oversight_casework_child");
}

oversight_status oversight_casework_upsert_child(oversight_store* store, const oversight_casework_child* child,
                                                 int32_t* out_outcome) noexcept {
    return guard(
        [&] {
            Store& s = store_of(store);
            const auto& c = need_struct(child, OVERSIGHT_CASEWORK_CHILD_VERSION, "child", "oversight_casework_child");
            Child ch;
            ch.id = text_arg(c.child_id, "child_id");
            ch.date_of_birth = opt_date(c.date_of_birth, "date_of_birth");
            ch.external_id = opt_text_arg(c.external_id, "external_id");
            give_outcome(out_outcome, save_child(s, ch));
            return OVERSIGHT_OK;
        },
        out_outcome);
}

oversight_status oversight_casework_erase_child(oversight_store* store, const char* child_id, const char* reason,
                                                int64_t* out_records) noexcept {
    return guard(
        [&] {
            Store& s = store_of(store);
            const Erasure e = erase_child(s, text_arg(child_id, "child_id"), text_arg(reason, "reason"));
            if (out_records) *out_records = 1 + e.events + e.allocations + e.attributes + e.acknowledgements + e.exemptions;
            return OVERSIGHT_OK;
        },
        out_records);
}

oversight_status oversight_casework_allocation_init(oversight_casework_allocation* opts, uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_CASEWORK_ALLOCATION_VERSION, kAllocationDefaults,
                       "oversight_casework_allocation");
}

oversight_status oversight_casework_upsert_allocation(oversight_store* store,
                                                      const oversight_casework_allocation* allocation,
                                                      int32_t* out_outcome) noexcept {
    return guard(
        [&] {
            Store& s = store_of(store);
            const auto& c = need_struct(allocation, OVERSIGHT_CASEWORK_ALLOCATION_VERSION, "allocation",
                                        "oversight_casework_allocation");
            give_outcome(out_outcome, allocate(s, text_arg(c.child_id, "child_id"), text_arg(c.worker, "worker"),
                                               to_date(c.from, "from"), opt_text_arg(c.external_id, "external_id")));
            return OVERSIGHT_OK;
        },
        out_outcome);
}

oversight_status oversight_casework_end_allocation(oversight_store* store, const char* child_id,
                                                   oversight_date on) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        end_allocation(s, text_arg(child_id, "child_id"), to_date(on, "on"));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_casework_attribute_init(oversight_casework_attribute* opts, uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_CASEWORK_ATTRIBUTE_VERSION, kAttributeDefaults,
                       "oversight_casework_attribute");
}

oversight_status oversight_casework_upsert_attribute(oversight_store* store,
                                                     const oversight_casework_attribute* attribute,
                                                     int32_t* out_outcome) noexcept {
    return guard(
        [&] {
            Store& s = store_of(store);
            const auto& c = need_struct(attribute, OVERSIGHT_CASEWORK_ATTRIBUTE_VERSION, "attribute",
                                        "oversight_casework_attribute");
            give_outcome(out_outcome,
                         set_attribute(s, text_arg(c.child_id, "child_id"), text_arg(c.key, "key"),
                                       text_arg(c.value, "value"), to_date(c.effective_from, "effective_from"),
                                       opt_text_arg(c.external_id, "external_id")));
            return OVERSIGHT_OK;
        },
        out_outcome);
}

oversight_status oversight_casework_end_attribute(oversight_store* store, const char* child_id, const char* key,
                                                  oversight_date on) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        end_attribute(s, text_arg(child_id, "child_id"), text_arg(key, "key"), to_date(on, "on"));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_casework_delete_attribute(oversight_store* store, const char* child_id, const char* key,
                                                     oversight_date effective_from) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        delete_attribute(s, text_arg(child_id, "child_id"), text_arg(key, "key"),
                         to_date(effective_from, "effective_from"));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_casework_case_json(const oversight_store* store, const char* child_id,
                                              oversight_date as_of, char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const Store& s = store_of(store);
            return give(out, case_to_json(load_case(s, text_arg(child_id, "child_id"), to_date(as_of, "as_of"))));
        },
        out);
}

oversight_status oversight_casework_list_json(const oversight_store* store, const char* worker, const char* team,
                                              oversight_date as_of, char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const Store& s = store_of(store);
            CaseFilter filter;
            filter.worker = opt_text_arg(worker, "worker");
            filter.team = opt_text_arg(team, "team");
            return give(out, case_list_to_json(list_cases(s, filter, to_date(as_of, "as_of"))));
        },
        out);
}

oversight_status oversight_casework_exemption_init(oversight_casework_exemption* opts, uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_CASEWORK_EXEMPTION_VERSION, kExemptionDefaults,
                       "oversight_casework_exemption");
}

oversight_status oversight_casework_add_exemption(oversight_store* store, const oversight_casework_exemption* exemption,
                                                  int64_t* out_id, int32_t* out_outcome) noexcept {
    return guard(
        [&] {
            Store& s = store_of(store);
            const auto& c = need_struct(exemption, OVERSIGHT_CASEWORK_EXEMPTION_VERSION, "exemption",
                                        "oversight_casework_exemption");
            const ExemptionSaved saved = save_exemption(s, exemption_of(c));
            if (out_id) *out_id = saved.id;
            give_outcome(out_outcome, saved.outcome);
            return OVERSIGHT_OK;
        },
        out_id, out_outcome);
}

oversight_status oversight_casework_end_exemption(oversight_store* store, int64_t exemption_id,
                                                  oversight_date to) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        end_exemption(s, exemption_id, to_date(to, "to"));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_casework_delete_exemption(oversight_store* store, int64_t exemption_id,
                                                     const char* external_id) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        if (exemption_id < 0)
            throw Error(Status::invalid_arg, "exemption_id " + std::to_string(exemption_id) + " is negative");
        const auto ext = opt_text_arg(external_id, "external_id");
        if ((exemption_id > 0) == ext.has_value())
            throw Error(Status::invalid_arg, "give exactly one of exemption_id (> 0) and external_id");
        if (ext) delete_exemption_by_external_id(s, *ext);
        else delete_exemption(s, exemption_id);
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_casework_exemptions_json(const oversight_store* store, const char* child_id,
                                                    char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const Store& s = store_of(store);
            const auto child = opt_text_arg(child_id, "child_id");
            if (child) return give(out, exemptions_to_json(exemptions(s, *child)));
            std::vector<Exemption> list;
            for (auto& [id, of_child] : all_exemptions(s))
                for (Exemption& e : of_child) list.push_back(std::move(e));
            return give(out, exemptions_to_json(list));
        },
        out);
}

oversight_status oversight_casework_invitee_init(oversight_casework_invitee* opts, uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_CASEWORK_INVITEE_VERSION, kInviteeDefaults,
                       "oversight_casework_invitee");
}

oversight_status oversight_casework_set_attendance(oversight_store* store, int64_t event_id,
                                                   const oversight_casework_invitee* const* invitees, size_t count,
                                                   int32_t* out_changed) noexcept {
    return guard(
        [&] {
            Store& s = store_of(store);
            if (count > 0) need(invitees, "invitees");
            if (count > 100000)
                throw Error(Status::invalid_arg, "count " + std::to_string(count) + " is over 100000");
            std::vector<Invitee> list;
            for (size_t i = 0; i < count; ++i) {
                const std::string what = "invitees[" + std::to_string(i) + "]";
                const auto& c = need_struct(invitees[i], OVERSIGHT_CASEWORK_INVITEE_VERSION, what.c_str(),
                                            "oversight_casework_invitee");
                Invitee v;
                v.person = text_arg(c.person, "person");
                v.agency = opt_text_arg(c.agency, "agency").value_or("");
                v.role = opt_text_arg(c.role, "role").value_or("");
                v.invited = c.invited != 0;
                v.attended = c.attended != 0;
                v.apologies = c.apologies != 0;
                v.deputy = opt_text_arg(c.deputy, "deputy");
                list.push_back(std::move(v));
            }
            const int changed = set_attendance(s, event_id, list);
            if (out_changed) *out_changed = changed;
            return OVERSIGHT_OK;
        },
        out_changed);
}

oversight_status oversight_casework_attendance_query_init(oversight_casework_attendance_query* opts,
                                                          uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_CASEWORK_ATTENDANCE_QUERY_VERSION, kAttendanceQueryDefaults,
                       "oversight_casework_attendance_query");
}

oversight_status oversight_casework_attendance_report(const oversight_store* store,
                                                      const oversight_casework_attendance_query* query,
                                                      char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const Store& s = store_of(store);
            const auto [period, q] = period_of(query);
            const AttendanceReport r = attendance_report(s, period);
            return give(out, q->csv ? attendance_to_csv(r) : attendance_to_json(r));
        },
        out);
}

oversight_status oversight_casework_non_attendance(const oversight_store* store,
                                                   const oversight_casework_attendance_query* query,
                                                   char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const Store& s = store_of(store);
            const auto [period, q] = period_of(query);
            const auto rows = non_attendance(s, period, q->partner_agencies_only != 0);
            return give(out, q->csv ? non_attendance_to_csv(rows) : non_attendance_to_json(period, rows));
        },
        out);
}

}  // extern "C"
