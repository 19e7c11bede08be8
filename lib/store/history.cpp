// The change history as a JSON document, and the change feed (history.hpp).
#include <oversight/store/history.hpp>

#include <oversight/core/error.hpp>
#include <oversight/store/store.hpp>

#include "core/text.hpp"
#include "store/backend.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace oversight {

namespace {

using ojson = nlohmann::ordered_json;

ojson changes_json(const std::vector<Change>& changes) {
    const auto text = [](const std::optional<std::string>& v) { return v ? ojson(*v) : ojson(); };
    ojson list = ojson::array();
    for (const Change& c : changes)
        list.push_back({{"seq", c.seq},
                        {"at", c.at},
                        {"actor", c.actor},
                        {"entity", c.entity},
                        {"entity_id", c.entity_id},
                        {"field", c.field},
                        {"old", text(c.old_value)},
                        {"new", text(c.new_value)}});
    return list;
}

constexpr std::size_t kMaxPage = 10000;

}  // namespace

bool operator==(const Change& a, const Change& b) {
    return a.seq == b.seq && a.at == b.at && a.actor == b.actor && a.entity == b.entity &&
           a.entity_id == b.entity_id && a.field == b.field && a.old_value == b.old_value &&
           a.new_value == b.new_value;
}

bool operator==(const ChangePage& a, const ChangePage& b) {
    return a.since == b.since && a.entity == b.entity && a.changes == b.changes && a.next == b.next &&
           a.latest == b.latest && a.more == b.more;
}

std::string history_to_json(const std::vector<Change>& changes) {
    ojson doc = {{"format", "oversight-history"}, {"version", 1}, {"changes", changes_json(changes)}};
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

const std::vector<std::string>& change_entities() {
    static const std::vector<std::string> kEntities = {
        "plan",   "section", "recommendation", "action",         "progress_update", "milestone",
        "task",   "person",  "team",           "appointment",    "worker",          "child",
        "allocation", "case_attribute", "event", "acknowledgement"};
    return kEntities;
}

ChangePage changes_since(const Store& store, std::int64_t sequence, std::size_t limit,
                         const std::optional<std::string>& entity) {
    if (sequence < 0)
        throw Error(Status::invalid_arg, "change feed: sequence " + std::to_string(sequence) + " is negative");
    if (limit < 1 || limit > kMaxPage)
        throw Error(Status::invalid_arg, "change feed: limit " + std::to_string(limit) + " is not in 1.." +
                                             std::to_string(kMaxPage));
    if (entity) {
        const auto& kinds = change_entities();
        if (std::find(kinds.begin(), kinds.end(), *entity) == kinds.end()) {
            std::string known;
            for (const std::string& k : kinds) known += (known.empty() ? "" : ", ") + k;
            throw Error(Status::invalid_arg, "change feed: unknown entity \"" +
                                                 detail::sanitize_utf8(entity->substr(0, 64)) + "\" (known: " + known +
                                                 ")");
        }
    }
    const detail::Backend& backend = detail::backend(store);
    ChangePage page;
    page.since = sequence;
    page.entity = entity;
    // The latest first: every row up to it is committed (sequences increase
    // in commit order), so rows read after it that are newer wait for the
    // next page.
    page.latest = backend.latest_sequence();
    if (sequence > page.latest)
        throw Error(Status::invalid_arg, "change feed: sequence " + std::to_string(sequence) +
                                             " is after the latest change of store " + store.path() + " (" +
                                             std::to_string(page.latest) +
                                             "): a bookmark from another store, or a store restored from an older "
                                             "copy; read again from 0");
    HistoryFilter filter;
    filter.entity = entity;
    filter.after_seq = sequence;
    filter.limit = limit + 1;
    page.changes = backend.history(filter);
    page.changes.erase(std::remove_if(page.changes.begin(), page.changes.end(),
                                      [&](const Change& c) { return c.seq > page.latest; }),
                       page.changes.end());
    page.more = page.changes.size() > limit;
    if (page.more) page.changes.resize(limit);
    page.next = page.more ? page.changes.back().seq : page.latest;
    return page;
}

std::string changes_to_json(const ChangePage& page) {
    ojson doc = {{"format", "oversight-history"},
                 {"version", 1},
                 {"since", page.since},
                 {"entity", page.entity ? ojson(*page.entity) : ojson()},
                 {"next", page.next},
                 {"latest", page.latest},
                 {"more", page.more},
                 {"changes", changes_json(page.changes)}};
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

}  // namespace oversight
