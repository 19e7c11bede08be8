// Private to lib/ and capi/: reading JSON text so that every failure is a
// parse error naming the place.
#pragma once

#include <nlohmann/json.hpp>

#include <string_view>

namespace oversight::detail {

/// Parses `text` as one JSON document, after checked_input_text (a UTF-8
/// byte-order mark skipped; UTF-16, UTF-32 or a NUL byte anywhere is
/// Error(parse) "<what>:<line>: ..."). Every other failure - bad syntax, a number
/// too large for a double (5e444, which nlohmann reports as out_of_range),
/// trailing text - throws Error(parse) "<what>: line L, column C: <reason>";
/// an object holding a key twice throws Error(parse) "<what>: key "k"
/// appears twice in /items/0/attributes" (a JSON pointer to the object, or
/// "the top-level object").
nlohmann::json parse_json(std::string_view text, std::string_view what);

}  // namespace oversight::detail
