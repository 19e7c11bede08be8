// Private to lib/report: the writer of each format (write_document picks
// one) and the text helpers they share.
#pragma once

#include <oversight/report/document.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace oversight::detail {

std::string write_text(const Document& doc);      // text_writer.cpp
std::string write_markdown(const Document& doc);  // markdown_writer.cpp
std::string write_csv(const Document& doc);       // csv_writer.cpp
std::string write_json(const Document& doc);      // json_writer.cpp
std::string write_html(const Document& doc);      // html_writer.cpp
std::string write_xlsx(const Document& doc);      // xlsx_writer.cpp

/// One line of display text: valid UTF-8 (ill-formed bytes replaced),
/// control characters and runs of white space folded to single spaces,
/// trimmed.
std::string inline_text(std::string_view raw);
/// Code points in valid UTF-8 text (the width measure of the text writer).
std::size_t width_of(std::string_view s);
/// The first `max` code points of inline_text(raw), ending in "…" when cut.
std::string clip(std::string_view raw, std::size_t max);
/// inline_text(raw) word-wrapped to `width` code points (over-long words
/// broken), at most `max_lines` lines, the last ending in "…" when cut.
std::vector<std::string> wrap(std::string_view raw, std::size_t width, std::size_t max_lines);

/// The rows of each group of a table with group_by: [first, last) row
/// indices and the group's display text. A table without group_by is one
/// group with an empty label.
struct RowGroup {
    std::string label;
    std::size_t first = 0, last = 0;
};
std::vector<RowGroup> row_groups(const Table& t);

/// The index of the column keyed `key`, or npos.
std::size_t column_index(const Table& t, std::string_view key);

/// A chart's values as a table (x label, then one column per series; the
/// target as a note), for writers that do not draw.
Table chart_table(const Chart& c);

/// ASCII letters upper-cased, other bytes kept.
inline std::string upper_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

}  // namespace oversight::detail
