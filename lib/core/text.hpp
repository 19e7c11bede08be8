// Private to lib/ and capi/: small text helpers shared by importers and the C layer.
#pragma once

#include <string>
#include <string_view>
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

}  // namespace oversight::detail
