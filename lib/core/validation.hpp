// Private to lib/: the checks every subsystem applies to what it is about to
// store, so that a refusal reads the same wherever it comes from.
#pragma once

#include <oversight/core/date.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace oversight::detail {

/// Error(invalid_arg) "<what> <field>: invalid UTF-8 at byte N" (N from 1)
/// unless `value` is well-formed UTF-8 ("action \"2.5\" lead: ...").
void check_utf8(const std::string& what, const char* field, std::string_view value);

/// A name or other text argument: UTF-8 without NUL bytes; trimmed and not
/// blank unless `allow_blank` (then returned as given). Error(invalid_arg)
/// "<what> is not valid UTF-8 / contains a NUL byte / is empty".
std::string checked_text(std::string_view value, const char* what, bool allow_blank = false);

/// Error(invalid_arg) "<what> "<text, cut short>" is longer than N bytes
/// (M)" when `text` is longer than `max_bytes`.
void check_size(std::string_view text, std::size_t max_bytes, const std::string& what);

/// An external id (the id another system gives a record) as stored and
/// looked up for a change: checked_text (trimmed, UTF-8, no NUL, not blank)
/// and at most 256 bytes, or Error(invalid_arg) naming `what`.
std::string checked_external_id(std::string_view id, const char* what);

/// Error(invalid_arg) "<what> YYYY-MM-DD is outside 1900..2199": the years
/// casework and the workforce keep.
void check_date_range(Date date, const char* what);

/// `text` in double quotes for a message: at most 80 bytes, made valid UTF-8.
std::string in_quotes(std::string_view text);

}  // namespace oversight::detail
