// Cases: which children a worker or team holds on a date, and one child's
// case (allocation, attributes, events) as the deadline engine needs it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <oversight/core/date.hpp>
#include <oversight/rules/schedule.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

/// Which cases to look at: by worker (a person's name, ignoring case), by
/// team, or all when both are empty. A case's worker is the one allocated on
/// the day asked about, its team that worker's team by their appointment in
/// force that day.
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
/// attributes in force on `as_of` (CaseRecord::attributes, "current"; an
/// ended attribute, whose value is empty, is not in force), every
/// stored attribute value effective on or before `as_of` with its date
/// (CaseRecord::attribute_changes, date order: schedule_case applies each
/// from its date, never back to the start of the case), and every recorded
/// event (date order).
CaseRecord load_case(const Store& store, std::string_view child_id, Date as_of);  // Error(not_found)
std::optional<CaseRecord> try_load_case(const Store& store, std::string_view child_id, Date as_of);

/// The case as a JSON document: {"format":"oversight-case","version":1,
/// "child","worker","team","attributes":{} (current),"attribute_changes":
/// [{"key","value","effective_from"}] (date order),"events":[{"type","date",
/// "attributes","external_id" (only when the event has one)}]}
/// (schema: data/schemas/oversight-case.schema.json).
std::string case_to_json(const CaseRecord& record);
/// {"format":"oversight-case-list","version":1,"cases":[{"child","worker",
///  "team","allocated_from" (or null),"events"}]}, in the order given
/// (schema: data/schemas/oversight-case-list.schema.json).
std::string case_list_to_json(const std::vector<CaseSummary>& cases);

}  // namespace oversight
