// The plan documents of the C API other than the canonical plan itself
// (import/plan_file.hpp): the list of stored plans and the people a plan
// names that need a human's attention.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <oversight/plan/plan_store.hpp>
#include <oversight/workforce/name_matching.hpp>

namespace oversight {

/// {"format":"oversight-plan-list","version":1,"plans":[{"id","title",
///  "authority","report_date" (or null),"recommendations","actions"}]}
/// (schema: data/schemas/oversight-plan-list.schema.json).
std::string plan_list_to_json(const std::vector<PlanSummary>& plans);

/// {"format":"oversight-plan-people","version":1,"plan_id","unlisted":[..],
///  "probable_duplicates":[{"a","b","similarity","reason"}]}: the input of
/// unlisted_people() and probable_duplicate_people()
/// (schema: data/schemas/oversight-plan-people.schema.json).
std::string plan_people_to_json(std::int64_t plan_id, const std::vector<std::string>& unlisted,
                                const std::vector<ProbableSamePerson>& probable_duplicates);

}  // namespace oversight
