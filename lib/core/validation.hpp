// Private to lib/: the checks every subsystem applies to what it is about to
// store, so that a refusal reads the same wherever it comes from.
#pragma once

#include <oversight/core/date.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace oversight::detail {

/// Error(invalid_arg) "<what> <field>: invalid UTF-8 at byte N" (N from 1)
/// unless `value` is well-formed UTF-8 ("action \"2.5\" lead: ..."), and
/// "<what> <field>: a NUL byte at byte N" when it holds one.
void check_utf8(const std::string& what, const char* field, std::string_view value);

/// A name or other text argument: UTF-8 without NUL bytes; trimmed and not
/// blank unless `allow_blank` (then returned as given). Error(invalid_arg)
/// "<what> is not valid UTF-8 / contains a NUL byte / is empty".
std::string checked_text(std::string_view value, const char* what, bool allow_blank = false);

/// Error(invalid_arg) "<what> "<text, cut short>" is longer than N bytes
/// (M)" when `text` is longer than `max_bytes`.
void check_size(std::string_view text, std::size_t max_bytes, const std::string& what);

/// The limits of checked_name, documented again in the public headers of the
/// records that keep such values (child.hpp, event.hpp, team.hpp, rule.hpp).
inline constexpr std::size_t kMaxIdBytes = 256;     // ids: child, external, rule; event types; attribute keys
inline constexpr std::size_t kMaxNameBytes = 256;   // names: workers, people, teams, actors
inline constexpr std::size_t kMaxValueBytes = 4096; // attribute values

/// Byte offset of the first control character in `s` (C0 but TAB when
/// `allow_tab`, DEL, or C1 U+0080..U+009F), or npos. `s` must be UTF-8.
std::size_t control_offset(std::string_view s, bool allow_tab = false) noexcept;

/// An id, name or other short value as stored: checked_text (UTF-8, no NUL;
/// trimmed and not blank unless `allow_blank`), no control character (TAB
/// only when `allow_tab`), at most `max_bytes` bytes; Error(invalid_arg)
/// naming `what` and the limit otherwise ("worker name "Ann<U+0007>": a
/// control character U+0007 at byte 4", "... is longer than 256 bytes (300)").
std::string checked_name(std::string_view value, const char* what, std::size_t max_bytes, bool allow_blank = false,
                         bool allow_tab = false);

/// An external id (the id another system gives a record) as stored and
/// looked up for a change: checked_name with kMaxIdBytes, or
/// Error(invalid_arg) naming `what`.
std::string checked_external_id(std::string_view id, const char* what);

/// Error(invalid_arg) "<what> YYYY-MM-DD is outside 1900..2199": the years
/// casework and the workforce keep.
void check_date_range(Date date, const char* what);

/// `text` in double quotes for a message: at most 80 bytes, made valid UTF-8.
std::string in_quotes(std::string_view text);

}  // namespace oversight::detail
