// The change history as a JSON document (the C API's
// oversight_store_history_json).
#pragma once

#include <string>
#include <vector>

#include <oversight/store/history.hpp>

namespace oversight {

/// {"format":"oversight-history","version":1,"changes":[{"seq","at","actor",
///  "entity","entity_id","field","old","new"}]}, in the order given; "old"
/// and "new" are null where there is no value. Ill-formed UTF-8 in stored
/// text is written as U+FFFD (schema: data/schemas/oversight-history.schema.json).
std::string history_to_json(const std::vector<Change>& changes);

}  // namespace oversight
