#include "core/json.hpp"

#include <oversight/core/error.hpp>

#include <algorithm>
#include <string>

namespace oversight::detail {
namespace {

using Json = nlohmann::json;

// nlohmann's DOM builder, except that a failure becomes Error(parse) with
// the line and column of the byte where it was found (the DOM parser's own
// out_of_range for 5e444 carries no position at all).
class Builder : public nlohmann::detail::json_sax_dom_parser<Json> {
public:
    Builder(Json& root, std::string_view text, std::string_view what)
        : json_sax_dom_parser<Json>(root, true), text_(text), what_(what) {}

    bool parse_error(std::size_t position, const std::string& /*last_token*/, const nlohmann::detail::exception& e) {
        const std::size_t end = std::min(position, text_.size());
        const std::string_view before = text_.substr(0, end);
        const std::size_t line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
        const std::size_t line_start = before.rfind('\n');
        const std::size_t column = end - (line_start == std::string_view::npos ? 0 : line_start + 1);
        throw Error(Status::parse, std::string(what_) + ": line " + std::to_string(line) + ", column " +
                                       std::to_string(column) + ": " + reason(e.what()));
    }

private:
    // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax
    // error ..." -> "syntax error ..."; "[json.exception.out_of_range.406]
    // number overflow parsing '5e444'" -> "number overflow parsing '5e444'".
    static std::string reason(std::string_view m) {
        if (m.size() > 0 && m[0] == '[') {
            const auto close = m.find("] ");
            if (close != std::string_view::npos) m.remove_prefix(close + 2);
        }
        if (m.substr(0, 15) == "parse error at ") {
            const auto colon = m.find(": ");
            if (colon != std::string_view::npos) m.remove_prefix(colon + 2);
        }
        return std::string(m);
    }

    std::string_view text_;
    std::string_view what_;
};

}  // namespace

Json parse_json(std::string_view text, std::string_view what) {
    Json root;
    Builder builder(root, text, what);
    Json::sax_parse(text.begin(), text.end(), &builder);
    return root;
}

}  // namespace oversight::detail
