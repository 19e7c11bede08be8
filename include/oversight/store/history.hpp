// The store's change history: one append-only row per created, changed or
// deleted field, with who, when, the old and the new value.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace oversight {

/// One row of the change history.
struct Change {
    std::int64_t seq = 0;          // increasing, never reused
    std::string at;                // UTC, "YYYY-MM-DDTHH:MM:SSZ"
    std::string actor;             // who made the change (Store::set_actor)
    std::string entity;            // "plan", "recommendation", "action", ...
    std::int64_t entity_id = 0;
    std::string field;             // "status", "lead", "*" for create/delete
    std::optional<std::string> old_value;
    std::optional<std::string> new_value;
};

struct HistoryFilter {
    std::optional<std::string> entity;
    std::optional<std::int64_t> entity_id;
    std::optional<std::int64_t> after_seq;
    std::size_t limit = 0;         // 0: no limit
};

/// {"format":"oversight-history","version":1,"changes":[{"seq","at","actor",
///  "entity","entity_id","field","old","new"}]}, in the order given; "old"
/// and "new" are null where there is no value. Ill-formed UTF-8 in stored
/// text is written as U+FFFD (schema: data/schemas/oversight-history.schema.json).
std::string history_to_json(const std::vector<Change>& changes);

}  // namespace oversight
