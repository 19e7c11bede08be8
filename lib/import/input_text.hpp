// Private to lib/import: what the readers and importers share about the text
// they are given: the place of a problem, and byte-order marks.
#pragma once

#include <oversight/import/import_issue.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace oversight::detail {

/// "file:line:column (name)", as ImportIssue::where() writes a place.
inline std::string place(const std::string& file, std::int64_t line, std::int64_t column = 0,
                         const std::string& column_name = {}) {
    ImportIssue i;
    i.file = file;
    i.line = line;
    i.column = column;
    i.column_name = column_name;
    return i.where();
}

/// Input quoted in a message: "text", or its first 60 bytes (not cutting a
/// character) then "..." and its size when it is longer.
inline std::string quote_input(const std::string& s) {
    constexpr std::size_t kMax = 60;
    if (s.size() <= kMax) return "\"" + s + "\"";
    std::size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    return "\"" + s.substr(0, cut) + "...\" (" + std::to_string(s.size()) + " bytes)";
}

/// What a NUL byte in text means, after its place.
inline constexpr std::string_view kNulByte =
    "a NUL byte: the file is UTF-16 or UTF-32 text (save it as UTF-8) or not text at all";

/// The encoding a byte-order mark at the start of `text` announces: "UTF-8"
/// (3 bytes), "UTF-16", "UTF-32", or "" when there is none.
inline std::string_view byte_order_mark(std::string_view text) noexcept {
    using namespace std::string_view_literals;
    auto starts = [&](std::string_view bom) { return text.substr(0, bom.size()) == bom; };
    if (starts("\x00\x00\xFE\xFF"sv) || starts("\xFF\xFE\x00\x00"sv)) return "UTF-32";
    if (starts("\xFE\xFF"sv) || starts("\xFF\xFE"sv)) return "UTF-16";
    if (starts("\xEF\xBB\xBF"sv)) return "UTF-8";
    return {};
}

}  // namespace oversight::detail
