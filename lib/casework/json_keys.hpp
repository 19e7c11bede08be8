// Private to lib/ and capi/: JSON read with every object's keys checked once.
// nlohmann keeps the last of two equal keys silently ({"a":"1","a":"2"} reads
// as {"a":"2"}); an attribute sent twice is a mistake the sender must hear of.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <string_view>

namespace oversight::detail {

/// `text` parsed as nlohmann::json::parse does (its exceptions for text that
/// is not JSON), except that an object holding a key twice throws
/// Error(parse) "key "k" appears twice in /items/0/attributes" (a JSON
/// pointer to the object; "the top-level object" for the root).
nlohmann::json parse_json_unique_keys(std::string_view text);

/// Event or case attributes given as JSON text: an object of strings with
/// each key once, or Error(invalid_arg) "<what> ..." saying what is wrong
/// (not JSON, not an object, a value not a string, a key twice).
std::map<std::string, std::string> attributes_from_json(std::string_view text, const char* what);

}  // namespace oversight::detail
