// Private to lib/ and capi/: small text helpers shared by importers and the C layer.
#pragma once

#include <oversight/core/error.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace oversight::detail {

/// True if s is well-formed UTF-8 (no overlongs, surrogates or >U+10FFFF).
bool is_valid_utf8(std::string_view s) noexcept;
/// s with every ill-formed sequence replaced by U+FFFD.
std::string sanitize_utf8(std::string_view s);
/// Byte offset of the first ill-formed sequence, or npos.
std::size_t utf8_error_offset(std::string_view s) noexcept;
/// Leading and trailing ASCII white space removed.
std::string_view trim(std::string_view s) noexcept;
/// Runs of white space folded to one space, then trimmed.
std::string collapse_spaces(std::string_view s);
/// ASCII lower case.
std::string lower(std::string_view s);

/// The value of an enum from its canonical name or a display form: case,
/// spacing, hyphens and underscores are folded ("In progress" is
/// "in_progress"). Error(invalid_arg) "unknown <what> \"text\"" otherwise.
template <class E, std::size_t N>
E parse_enum(std::string_view text, const std::pair<std::string_view, E> (&table)[N], const char* what) {
    std::string key = lower(collapse_spaces(text));
    for (char& c : key)
        if (c == ' ' || c == '-') c = '_';
    for (const auto& [name, value] : table)
        if (key == name) return value;
    throw Error(Status::invalid_arg, std::string("unknown ") + what + " \"" + sanitize_utf8(text.substr(0, 64)) + "\"");
}

}  // namespace oversight::detail
