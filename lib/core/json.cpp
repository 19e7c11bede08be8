#include "core/json.hpp"

#include <oversight/core/error.hpp>

#include "core/text.hpp"
#include "core/validation.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace oversight::detail {
namespace {

using Json = nlohmann::json;

// nlohmann's DOM builder, except that a failure becomes Error(parse) with
// the line and column of the byte where it was found (the DOM parser's own
// out_of_range for 5e444 carries no position at all).
//
// It also refuses an object holding a key twice: nlohmann keeps the last of
// {"a":"1","a":"2"} silently, and a value sent twice is a mistake its
// sender must hear of. (sax_parse calls these members on the Builder type
// itself, so hiding the base's members is enough.)
class Builder : public nlohmann::detail::json_sax_dom_parser<Json> {
    using Base = nlohmann::detail::json_sax_dom_parser<Json>;

public:
    Builder(Json& root, std::string_view text, std::string_view what)
        : Base(root, true), text_(text), what_(what) {}

    bool start_object(std::size_t n) {
        open_.emplace_back();
        return Base::start_object(n);
    }
    bool start_array(std::size_t n) {
        open_.emplace_back();
        open_.back().array = true;
        return Base::start_array(n);
    }
    bool end_object() { return closed(Base::end_object()); }
    bool end_array() { return closed(Base::end_array()); }
    bool key(Json::string_t& k) {
        Frame& f = open_.back();
        f.key = k;
        no_nul(k, "key");
        if (!f.keys.insert(k).second)
            throw Error(Status::parse, std::string(what_) + ": key " + in_quotes(k) + " appears twice in " +
                                           place_of_open_object());
        return Base::key(k);
    }
    bool null() { return value(Base::null()); }
    bool boolean(bool v) { return value(Base::boolean(v)); }
    bool number_integer(Json::number_integer_t v) { return value(Base::number_integer(v)); }
    bool number_unsigned(Json::number_unsigned_t v) { return value(Base::number_unsigned(v)); }
    bool number_float(Json::number_float_t v, const Json::string_t& s) { return value(Base::number_float(v, s)); }
    bool string(Json::string_t& v) {
        no_nul(v, "string");
        return value(Base::string(v));
    }
    bool binary(Json::binary_t& v) { return value(Base::binary(v)); }

    bool parse_error(std::size_t position, const std::string& /*last_token*/, const nlohmann::detail::exception& e) {
        const std::size_t end = std::min(position, text_.size());
        const std::string_view before = text_.substr(0, end);
        const std::size_t line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
        const std::size_t line_start = before.rfind('\n');
        const std::size_t column = end - (line_start == std::string_view::npos ? 0 : line_start + 1);
        // nlohmann quotes the last token read, raw: repaired so the message
        // stays UTF-8 whatever the input.
        throw Error(Status::parse, std::string(what_) + ": line " + std::to_string(line) + ", column " +
                                       std::to_string(column) + ": " + sanitize_utf8(reason(e.what())));
    }

private:
    /// An open object or array.
    struct Frame {
        bool array = false;
        std::size_t index = 0;       // array: the element being read
        std::string key;             // object: the key of the member being read
        std::set<std::string> keys;  // object: the keys seen
    };

    /// A NUL escaped as \u0000 is refused like a raw one (text.hpp): no
    /// text of Oversight holds one, and C callers would see it cut short.
    void no_nul(const Json::string_t& s, const char* what) const {
        if (s.find('\0') != Json::string_t::npos)
            throw Error(Status::parse, std::string(what_) + ": a " + what + " in " + place_of_open_object() +
                                           " holds a NUL character (\\u0000)");
    }

    bool value(bool ok) {
        if (!open_.empty() && open_.back().array) ++open_.back().index;
        return ok;
    }
    bool closed(bool ok) {
        open_.pop_back();
        return value(ok);
    }
    /// A JSON pointer (RFC 6901) to the innermost open object.
    std::string place_of_open_object() const {
        std::string where;
        for (std::size_t i = 0; i + 1 < open_.size(); ++i) {
            where += '/';
            if (open_[i].array) {
                where += std::to_string(open_[i].index);
                continue;
            }
            for (char c : open_[i].key) where += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
        }
        return where.empty() ? std::string("the top-level object") : sanitize_utf8(where);
    }

    std::vector<Frame> open_;
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
    // nlohmann's lexer takes a NUL byte for the end of the input and would
    // read "{...}\0anything" as "{...}": the one check of a text's start and
    // NUL bytes (text.hpp) comes first.
    text = checked_input_text(text, std::string(what));
    Json root;
    Builder builder(root, text, what);
    Json::sax_parse(text.begin(), text.end(), &builder);
    return root;
}

}  // namespace oversight::detail
