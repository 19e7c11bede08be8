// Private to lib/import: what the readers and importers share about the text
// they are given: the place of a problem (the checks of a file's encoding,
// byte-order marks and NUL bytes, are core/text.hpp's, which every reader
// calls: check_input_start, checked_input_text).
#pragma once

#include <oversight/import/import_issue.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace oversight::detail {

/// "file:line:column (name)", as ImportIssue::where() writes a place; a
/// column name longer than 60 bytes (a header row that is one huge field)
/// is cut there, not inside a character, and marked "...".
inline std::string place(const std::string& file, std::int64_t line, std::int64_t column = 0,
                         const std::string& column_name = {}) {
    constexpr std::size_t kMax = 60;
    ImportIssue i;
    i.file = file;
    i.line = line;
    i.column = column;
    if (column_name.size() <= kMax) {
        i.column_name = column_name;
    } else {
        std::size_t cut = kMax;
        while (cut > 0 && (static_cast<unsigned char>(column_name[cut]) & 0xC0) == 0x80) --cut;
        i.column_name = column_name.substr(0, cut) + "...";
    }
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

}  // namespace oversight::detail
