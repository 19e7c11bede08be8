#include "core/validation.hpp"

#include <oversight/core/error.hpp>

#include "core/text.hpp"

namespace oversight::detail {

void check_utf8(const std::string& what, const char* field, std::string_view value) {
    const std::size_t bad = utf8_error_offset(value);
    if (bad != std::string_view::npos)
        throw Error(Status::invalid_arg, what + " " + field + ": invalid UTF-8 at byte " + std::to_string(bad + 1));
}

std::string checked_text(std::string_view value, const char* what, bool allow_blank) {
    if (!is_valid_utf8(value)) throw Error(Status::invalid_arg, std::string(what) + " is not valid UTF-8");
    if (value.find('\0') != std::string_view::npos)
        throw Error(Status::invalid_arg, std::string(what) + " contains a NUL byte");
    if (allow_blank) return std::string(value);
    std::string_view t = trim(value);
    if (t.empty()) throw Error(Status::invalid_arg, std::string(what) + " is empty");
    return std::string(t);
}

void check_size(std::string_view text, std::size_t max_bytes, const std::string& what) {
    if (text.size() > max_bytes)
        throw Error(Status::invalid_arg, what + " " + in_quotes(text) + " is longer than " + std::to_string(max_bytes) +
                                             " bytes (" + std::to_string(text.size()) + ")");
}

std::string checked_external_id(std::string_view id, const char* what) {
    std::string out = checked_text(id, what);
    check_size(out, 256, what);
    return out;
}

void check_date_range(Date date, const char* what) {
    if (date.year() < 1900 || date.year() > 2199)
        throw Error(Status::invalid_arg, std::string(what) + " " + date.iso() + " is outside 1900..2199");
}

std::string in_quotes(std::string_view text) { return "\"" + sanitize_utf8(text.substr(0, 80)) + "\""; }

}  // namespace oversight::detail
