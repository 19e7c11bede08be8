// What an import did, as the JSON document the C API returns:
// {"format":"oversight-import-summary","version":1,"importer","source",
//  "counts":{"name":n},"issues":[{"file","line","path","column",
//  "column_name","severity","message"}]}
// (schema: data/schemas/oversight-import-summary.schema.json).
//
// The shape is the one the readers' ImportSummary writes (to_json of
// import_issue.hpp, on its way in); when it lands, these two become calls to it.
#pragma once

#include <string>
#include <string_view>

#include <oversight/import/seed_plan.hpp>
#include <oversight/import/ssda903.hpp>

namespace oversight {

/// Importer "seed-plan": counts "lines", "sections", "recommendations",
/// "actions"; every ImportWarning is a "warning" issue of file `source`.
std::string import_summary_to_json(const ImportResult& result, std::string_view source);

/// Importer "ssda903": counts "children_added", "events_added",
/// "events_already_present", "attributes_set"; every warning an issue.
std::string import_summary_to_json(const Ssda903Result& result, std::string_view source);

}  // namespace oversight
