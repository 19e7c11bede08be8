// The change history as a JSON document (history.hpp).
#include <oversight/store/history.hpp>

#include <nlohmann/json.hpp>

namespace oversight {

std::string history_to_json(const std::vector<Change>& changes) {
    using ojson = nlohmann::ordered_json;
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
    ojson doc = {{"format", "oversight-history"}, {"version", 1}, {"changes", std::move(list)}};
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

}  // namespace oversight
