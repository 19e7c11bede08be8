#include "core/validation.hpp"

#include <oversight/core/error.hpp>

#include "core/text.hpp"

namespace oversight::detail {

void check_utf8(const std::string& what, const char* field, std::string_view value) {
    const std::size_t bad = utf8_error_offset(value);
    if (bad != std::string_view::npos)
        throw Error(Status::invalid_arg, what + " " + field + ": invalid UTF-8 at byte " + std::to_string(bad + 1));
    const std::size_t nul = value.find('\0');
    if (nul != std::string_view::npos)
        throw Error(Status::invalid_arg, what + " " + field + ": a NUL byte at byte " + std::to_string(nul + 1));
}

std::size_t control_offset(std::string_view s, bool allow_tab) noexcept {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if ((c < 0x20 && !(allow_tab && c == '\t')) || c == 0x7F) return i;
        // C1: U+0080..U+009F, written C2 80..C2 9F in UTF-8.
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F &&
            static_cast<unsigned char>(s[i + 1]) >= 0x80)
            return i;
    }
    return std::string_view::npos;
}

std::string checked_name(std::string_view value, const char* what, std::size_t max_bytes, bool allow_blank,
                         bool allow_tab) {
    std::string out = checked_text(value, what, allow_blank);
    const std::size_t bad = control_offset(out, allow_tab);
    if (bad != std::string_view::npos) {
        const auto c = static_cast<unsigned char>(out[bad]);
        const unsigned cp = c == 0xC2 ? static_cast<unsigned char>(out[bad + 1]) : c;
        const char* digits = "0123456789ABCDEF";
        const std::string hex{digits[(cp >> 12) & 15], digits[(cp >> 8) & 15], digits[(cp >> 4) & 15], digits[cp & 15]};
        throw Error(Status::invalid_arg, std::string(what) + " " + in_quotes(out) + ": a control character U+" + hex +
                                             " at byte " + std::to_string(bad + 1) +
                                             (allow_tab ? " (only TAB is allowed)" : ""));
    }
    check_size(out, max_bytes, what);
    return out;
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
    return checked_name(id, what, kMaxIdBytes);
}

void check_date_range(Date date, const char* what) {
    if (date.year() < 1900 || date.year() > 2199)
        throw Error(Status::invalid_arg, std::string(what) + " " + date.iso() + " is outside 1900..2199");
}

std::string in_quotes(std::string_view text) { return "\"" + sanitize_utf8(text.substr(0, 80)) + "\""; }

}  // namespace oversight::detail
