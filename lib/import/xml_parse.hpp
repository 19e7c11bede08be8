// Private to lib/import: parsing XML text with the checks every reader wants
// (encoding, NUL bytes, DOCTYPE, nesting depth, places as line:column), for
// the XML reader and for the parts of an XLSX workbook.
#pragma once

#include <oversight/import/import_issue.hpp>

#include <pugixml.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace oversight::detail {

/// Byte offsets to 1-based lines, for a text whose line breaks do not move.
class LineIndex {
public:
    LineIndex() = default;
    explicit LineIndex(std::string_view text);
    std::int64_t line(std::size_t offset) const noexcept;
    std::size_t line_start(std::int64_t line) const noexcept;

private:
    std::vector<std::size_t> starts_;  // offset of each line's first byte
};

struct XmlParse {
    std::string name;  // the place in errors: "cin.xml", "Annex_A.xlsx:xl/worksheets/sheet1.xml"
    std::size_t max_depth = 256;
    InvalidUtf8 invalid_utf8 = InvalidUtf8::refuse;
    unsigned extra_flags = 0;  // pugixml parse flags beyond the defaults
};

/// Parses `text` into `doc` (pugixml keeps its own copy). Error(parse)
/// "name:line:column: ..." for anything refused (see XmlDocument). Repairs
/// of invalid UTF-8 (InvalidUtf8::replace) are appended to `issues`, with
/// `file` as their file. Returns the line index of the text that was parsed,
/// for node offsets.
LineIndex parse_xml(pugi::xml_document& doc, std::string text, const XmlParse& how, const std::string& file,
                    std::vector<ImportIssue>& issues);

/// "cin:Child" -> "Child".
std::string_view local_name(const char* qualified) noexcept;

}  // namespace oversight::detail
