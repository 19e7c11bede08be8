#include "casework/json_keys.hpp"

#include <oversight/core/error.hpp>

#include "core/text.hpp"
#include "core/validation.hpp"

#include <set>
#include <vector>

namespace oversight::detail {

namespace {

using nlohmann::json;

/// An open object or array while parsing.
struct Frame {
    bool array = false;
    std::size_t index = 0;       // array: the element being read
    std::string key;             // object: the key of the member being read
    std::set<std::string> keys;  // object: the keys seen
};

/// A JSON pointer segment ("~" and "/" escaped, RFC 6901).
std::string segment(const std::string& key) {
    std::string out;
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

}  // namespace

json parse_json_unique_keys(std::string_view text) {
    std::vector<Frame> open;
    std::string duplicate;  // the first key found twice, with its object's place
    const json::parser_callback_t check = [&](int, json::parse_event_t event, json& parsed) {
        switch (event) {
            case json::parse_event_t::object_start: open.push_back(Frame{}); break;
            case json::parse_event_t::array_start:
                open.emplace_back();
                open.back().array = true;
                break;
            case json::parse_event_t::key: {
                Frame& f = open.back();
                f.key = parsed.get<std::string>();
                if (!f.keys.insert(f.key).second && duplicate.empty()) {
                    std::string where;
                    for (std::size_t i = 0; i + 1 < open.size(); ++i)
                        where += "/" + (open[i].array ? std::to_string(open[i].index) : segment(open[i].key));
                    duplicate = "key " + in_quotes(f.key) + " appears twice in " +
                                (where.empty() ? std::string("the top-level object") : sanitize_utf8(where));
                }
                break;
            }
            case json::parse_event_t::object_end:
            case json::parse_event_t::array_end:
                open.pop_back();
                if (!open.empty() && open.back().array) ++open.back().index;
                break;
            case json::parse_event_t::value:
                if (!open.empty() && open.back().array) ++open.back().index;
                break;
        }
        return true;
    };
    json j = json::parse(text.begin(), text.end(), check);
    if (!duplicate.empty()) throw Error(Status::parse, duplicate);
    return j;
}

std::map<std::string, std::string> attributes_from_json(std::string_view text, const char* what) {
    json j;
    try {
        j = parse_json_unique_keys(text);
    } catch (const json::exception& e) {
        throw Error(Status::invalid_arg, std::string(what) + " is not JSON: " + e.what());
    } catch (const Error& e) {
        throw Error(Status::invalid_arg, std::string(what) + ": " + e.what());
    }
    if (!j.is_object()) throw Error(Status::invalid_arg, std::string(what) + " is not a JSON object");
    std::map<std::string, std::string> out;
    for (auto& [k, v] : j.items()) {
        if (!v.is_string())
            throw Error(Status::invalid_arg, std::string(what) + ": the value of " + in_quotes(k) + " is not a string");
        out[k] = v.get<std::string>();
    }
    return out;
}

}  // namespace oversight::detail
