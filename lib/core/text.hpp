// Private to lib/ and capi/: small text helpers shared by importers and the C layer.
#pragma once

#include <oversight/core/error.hpp>

#include <algorithm>
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
/// The non-empty parts joined by `sep`.
std::string join_nonempty(const std::vector<std::string>& parts, std::string_view sep = " ");
/// ASCII lower case.
std::string lower(std::string_view s);
/// `to` = `from` (which must not point into `to`), reusing to's room: the
/// bytes copied over when the lengths match, as they mostly do for the
/// same field of rows read one after another; else an ordinary assign.
inline void assign_text(std::string& to, std::string_view from) {
    if (to.size() != from.size()) to.assign(from.data(), from.size());
    else if (!from.empty()) std::copy(from.begin(), from.end(), to.begin());
}
/// Each byte as two lower-case hexadecimal digits ("\x01\xab" -> "01ab"):
/// hashes, digests and pseudonyms.
std::string to_hex(std::string_view bytes);

/// What a NUL byte in text means, after its place.
inline constexpr std::string_view kNulByte =
    "a NUL byte: the file is UTF-16 or UTF-32 text (save it as UTF-8) or not text at all";

/// The encoding a byte-order mark at the start of `text` announces: "UTF-8"
/// (3 bytes), "UTF-16", "UTF-32", or "" when there is none.
std::string_view byte_order_mark(std::string_view text) noexcept;

/// The start of a file every reader checks before it reads the text as
/// UTF-8 (`head`: its first bytes, at least the first 256 when it has them).
/// Returns how many bytes to skip: 3 after a UTF-8 byte-order mark, else 0.
/// Error(parse) "<file>: the file is UTF-16 text: save it as UTF-8" for a
/// UTF-16 or UTF-32 byte-order mark, or for text without one whose first
/// 16..256 bytes are a quarter or more NUL bytes (UTF-16 or UTF-32 in all
/// but name; a shorter text with a NUL is left to the NUL check).
std::size_t check_input_start(std::string_view head, const std::string& file);

/// A whole file's text as a reader takes it: check_input_start, then
/// Error(parse) "<file>:<line>: a NUL byte: ..." (kNulByte) for a NUL
/// anywhere. Returns the text after any UTF-8 byte-order mark.
std::string_view checked_input_text(std::string_view text, const std::string& file);

/// The value of an enum from its canonical name or a display form: case,
/// spacing, hyphens and underscores are folded ("In progress" is
/// "in_progress"). Error(invalid_arg) "unknown <what> \"text\"" otherwise.
/// Text already in folded form (a-z, 0-9, '_': a name as stored) is
/// matched as it is, without the folding's copies.
template <class E, std::size_t N>
E parse_enum(std::string_view text, const std::pair<std::string_view, E> (&table)[N], const char* what) {
    const bool folded = std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
    std::string key;
    if (!folded) {
        key = lower(collapse_spaces(text));
        for (char& c : key)
            if (c == ' ' || c == '-') c = '_';
    }
    const std::string_view wanted = folded ? text : std::string_view(key);
    for (const auto& [name, value] : table)
        if (wanted == name) return value;
    throw Error(Status::invalid_arg, std::string("unknown ") + what + " \"" + sanitize_utf8(text.substr(0, 64)) + "\"");
}

}  // namespace oversight::detail
