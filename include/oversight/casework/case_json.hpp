// The casework documents of the C API: one child's case and a list of cases.
#pragma once

#include <string>
#include <vector>

#include <oversight/casework/case.hpp>

namespace oversight {

/// case_to_json(record) as a document: {"format":"oversight-case",
/// "version":1,"child","worker","team","attributes","attribute_changes",
/// "events"} (schema: data/schemas/oversight-case.schema.json).
std::string case_to_json_document(const CaseRecord& record);

/// {"format":"oversight-case-list","version":1,"cases":[{"child","worker",
///  "team","allocated_from" (or null),"events"}]}, in the order given
/// (schema: data/schemas/oversight-case-list.schema.json).
std::string case_list_to_json(const std::vector<CaseSummary>& cases);

}  // namespace oversight
