// Cases: which children a worker or team holds on a date, and a child's case
// as the deadline engine needs it.
#include <oversight/casework/case.hpp>

#include <oversight/core/error.hpp>

#include "casework/casework_detail.hpp"
#include "casework/casework_repository.hpp"
#include "core/text.hpp"
#include "core/validation.hpp"
#include "workforce/workforce_repository.hpp"

#include <nlohmann/json.hpp>

namespace oversight {
namespace {

/// The filter with its names checked as names are when stored (a control
/// character, a NUL, a blank or more than kMaxNameBytes is
/// Error(invalid_arg) naming the filter; trimmed). An unknown name is an
/// error, not an empty list.
CaseFilter checked_filter(const Store& store, const CaseFilter& filter) {
    const auto& workforce = detail::workforce_repository(store);
    CaseFilter out;
    if (filter.worker) {
        out.worker = detail::checked_name(*filter.worker, "worker (filter)", detail::kMaxNameBytes);
        if (!workforce.find_person(*out.worker)) throw Error(Status::not_found, "no worker named '" + *out.worker + "'");
    }
    if (filter.team) {
        out.team = detail::checked_name(*filter.team, "team (filter)", detail::kMaxNameBytes);
        if (!workforce.find_team(*out.team)) throw Error(Status::not_found, "no team named '" + *out.team + "'");
    }
    return out;
}

}  // namespace

void detail::for_each_case(const Store& store, const CaseFilter& filter, Date as_of,
                           const std::function<void(CaseHistory&&)>& visit) {
    casework_repository(store).for_each_case(checked_filter(store, filter), as_of, visit);
}

std::vector<detail::TeamSpan> detail::team_spans(const Store& store) { return casework_repository(store).team_spans(); }

bool operator==(const CaseSummary& a, const CaseSummary& b) {
    return a.child_id == b.child_id && a.worker == b.worker && a.team == b.team &&
           a.allocated_from == b.allocated_from && a.events == b.events;
}

std::vector<CaseSummary> list_cases(const Store& store, const CaseFilter& filter, Date as_of) {
    return detail::casework_repository(store).cases(checked_filter(store, filter), as_of);
}

std::optional<CaseRecord> try_load_case(const Store& store, std::string_view child_id, Date as_of) {
    return detail::casework_repository(store).load_case(detail::id_key(child_id), as_of);
}

CaseRecord load_case(const Store& store, std::string_view child_id, Date as_of) {
    auto r = try_load_case(store, child_id, as_of);
    if (!r) throw Error(Status::not_found, "no child with id '" + detail::sanitize_utf8(child_id) + "'");
    return std::move(*r);
}

std::string case_to_json(const CaseRecord& record) {
    using ojson = nlohmann::ordered_json;
    ojson j = {{"format", "oversight-case"}, {"version", 1}};
    j["child"] = record.child_id;
    j["worker"] = record.worker;
    j["team"] = record.team;
    j["attributes"] = ojson::object();
    for (const auto& [k, v] : record.attributes) j["attributes"][k] = v;
    j["attribute_changes"] = ojson::array();
    for (const auto& c : record.attribute_changes)
        j["attribute_changes"].push_back({{"key", c.key}, {"value", c.value}, {"effective_from", c.effective_from.iso()}});
    j["events"] = ojson::array();
    for (const auto& e : record.events) {
        ojson a = ojson::object();
        for (const auto& [k, v] : e.attributes) a[k] = v;
        ojson event = {{"type", e.type}, {"date", e.date.iso()}, {"attributes", a}};
        if (e.external_id) event["external_id"] = *e.external_id;
        j["events"].push_back(std::move(event));
    }
    return j.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

std::string case_list_to_json(const std::vector<CaseSummary>& cases) {
    using ojson = nlohmann::ordered_json;
    ojson list = ojson::array();
    for (const CaseSummary& c : cases)
        list.push_back({{"child", c.child_id},
                        {"worker", c.worker},
                        {"team", c.team},
                        {"allocated_from", c.allocated_from ? ojson(c.allocated_from->iso()) : ojson()},
                        {"events", c.events}});
    ojson doc = {{"format", "oversight-case-list"}, {"version", 1}, {"cases", std::move(list)}};
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

}  // namespace oversight
