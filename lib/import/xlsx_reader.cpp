// The XLSX reader. An .xlsx file is a zip of XML parts (ECMA-376 / ISO
// 29500): _rels/.rels names the workbook part, the workbook's relationships
// name its sheets, shared strings and styles. libzip reads the parts, with
// limits so a zip bomb cannot exhaust memory; pugixml parses them through
// the same checks as the XML reader (xml_parse.hpp).
#include <oversight/core/error.hpp>
#include <oversight/import/xlsx_reader.hpp>

#include "core/text.hpp"
#include "import/xml_parse.hpp"

#include <zip.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>

namespace oversight {

namespace {

// Excel's own limits (XFD1048576); nothing real is larger, and rows are
// dense up to their last cell.
constexpr std::int64_t kMaxRows = 1048576;
constexpr std::int64_t kMaxColumns = 16384;
// Issues listed per sheet before the rest are only counted.
constexpr std::size_t kMaxIssues = 1000;

struct ZipClose {
    void operator()(zip_t* z) const noexcept { zip_discard(z); }  // read-only: nothing to write back
};
using ZipPtr = std::unique_ptr<zip_t, ZipClose>;

std::string zip_message(int code) {
    zip_error_t e;
    zip_error_init_with_code(&e, code);
    std::string msg = zip_error_strerror(&e);
    zip_error_fini(&e);
    return msg;
}

// "A" = 1, "Z" = 26, "AA" = 27, ...
std::string column_letters(std::int64_t column) {
    std::string out;
    for (; column > 0; column = (column - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (column - 1) % 26));
    return out;
}

// "B12" -> column 2 (and the row, ignored: the row element says it).
std::optional<std::int64_t> ref_column(std::string_view ref) {
    std::int64_t column = 0;
    std::size_t i = 0;
    for (; i < ref.size(); ++i) {
        char c = ref[i];
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (c < 'A' || c > 'Z') break;
        column = column * 26 + (c - 'A' + 1);
        if (column > kMaxColumns) return std::nullopt;
    }
    if (i == 0 || i == ref.size()) return std::nullopt;
    for (std::size_t k = i; k < ref.size(); ++k)
        if (ref[k] < '0' || ref[k] > '9') return std::nullopt;
    return column;
}

std::optional<std::int64_t> whole_number(std::string_view s) {
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return v;
}

std::optional<double> real_number(std::string_view s) {
    double v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// OOXML strings escape characters XML cannot hold as _xHHHH_ (Excel writes
// a carriage return as _x000D_; a literal "_x" is written _x005F_x).
std::string decode_xstring(std::string_view s) {
    if (s.find("_x") == std::string_view::npos) return std::string(s);
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
            const int a = hex(s[i + 2]), b = hex(s[i + 3]), c = hex(s[i + 4]), d = hex(s[i + 5]);
            // Digits first: shifting the -1 of a non-digit is undefined.
            const bool digits = a >= 0 && b >= 0 && c >= 0 && d >= 0;
            const unsigned cp = digits ? static_cast<unsigned>((a << 12) | (b << 8) | (c << 4) | d) : 0;
            if (cp != 0 && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                append_utf8(out, cp);
                i += 7;
                continue;
            }
        }
        out += s[i++];
    }
    return out;
}

// The text of a string item (<si> or <is>): its <t>, or its runs' <t>s
// joined; phonetic runs (<rPh>) are readings, not text.
std::string string_item(pugi::xml_node item) {
    std::string out;
    for (pugi::xml_node c = item.first_child(); c; c = c.next_sibling()) {
        std::string_view n = detail::local_name(c.name());
        if (n == "t") {
            out += c.child_value();
        } else if (n == "r") {
            for (pugi::xml_node t = c.first_child(); t; t = t.next_sibling())
                if (detail::local_name(t.name()) == "t") out += t.child_value();
        }
    }
    return decode_xstring(out);
}

pugi::xml_node child(pugi::xml_node n, std::string_view name) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && detail::local_name(c.name()) == name) return c;
    return {};
}

const char* attribute(pugi::xml_node n, std::string_view name) {
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute())
        if (detail::local_name(a.name()) == name && std::string_view(a.name()).substr(0, 6) != "xmlns:") return a.value();
    return nullptr;
}

bool ends_with(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// A relationship target resolved against the folder of the part that holds
// it: "worksheets/sheet1.xml" from xl/ is xl/worksheets/sheet1.xml; a
// leading "/" is the package root; ".." goes up.
std::string resolve(const std::string& folder, std::string_view target) {
    std::string joined = !target.empty() && target[0] == '/' ? std::string(target.substr(1)) : folder + std::string(target);
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= joined.size()) {
        std::size_t slash = std::min(joined.find('/', start), joined.size());
        std::string seg = joined.substr(start, slash - start);
        if (seg == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!seg.empty() && seg != ".") {
            parts.push_back(seg);
        }
        start = slash + 1;
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

std::string folder_of(const std::string& part) {
    auto slash = part.rfind('/');
    return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

// "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels".
std::string rels_of(const std::string& part) {
    return folder_of(part) + "_rels/" + part.substr(folder_of(part).size()) + ".rels";
}

struct Relationship {
    std::string id, type, target;  // target resolved to a part name
};

}  // namespace

// ------------------------------------------------------------------ dates

std::optional<Date> excel_serial_date(double serial, bool date1904) noexcept {
    if (std::isnan(serial) || serial < 0 || serial > 3e6) return std::nullopt;
    auto day = static_cast<std::int32_t>(std::floor(serial));
    // 1899-12-31 is serial 0 in the 1900 system; Excel counts a 29 February
    // 1900 that never was (serial 60), so from 61 on the base is a day earlier.
    Date base = date1904 ? Date::from_serial(-24107)                      // 1904-01-01
                         : Date::from_serial(day < 60 ? -25568 : -25569);  // 1899-12-31 / 1899-12-30
    if (!date1904 && (day < 1 || day == 60)) return std::nullopt;
    return Date::try_from_serial(std::int64_t(base.serial()) + day);  // nullopt past 9999-12-31
}

namespace {

// The Excel serial of a day, the inverse of excel_serial_date: before
// 1900-03-01 the 1900 system counts from 1899-12-31 (1 = 1900-01-01), from
// then on from 1899-12-30, past the 29 February 1900 it pretends there was.
// Days before either system's first are counted back from it (no serial).
std::int32_t excel_serial(Date d, bool date1904) noexcept {
    constexpr std::int32_t march_1900 = -25508;  // 1900-03-01, days since 1970-01-01
    const std::int32_t base = date1904 ? -24107 : d.serial() < march_1900 ? -25568 : -25569;
    return d.serial() - base;
}

}  // namespace

bool is_date_format(std::string_view code) noexcept {
    bool day_or_year = false, month_or_minute = false, hour_or_second = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        char c = code[i];
        if (c == '"') {  // quoted literal text
            auto close = code.find('"', i + 1);
            if (close == std::string_view::npos) break;
            i = close;
        } else if (c == '\\' || c == '_' || c == '*') {  // escaped, padding or fill character
            ++i;
        } else if (c == '[') {  // colour, condition, locale or elapsed time: [Red], [>100], [$-409], [h]
            auto close = code.find(']', i + 1);
            if (close == std::string_view::npos) break;
            std::string_view inside = code.substr(i + 1, close - i - 1);
            if (!inside.empty() && (inside[0] == 'h' || inside[0] == 'H' || inside[0] == 'm' || inside[0] == 'M' ||
                                    inside[0] == 's' || inside[0] == 'S'))
                hour_or_second = true;  // [h]:mm elapsed time is still a time
            i = close;
        } else {
            switch (c) {
            case 'd': case 'D': case 'y': case 'Y': day_or_year = true; break;
            case 'm': case 'M': month_or_minute = true; break;
            case 'h': case 'H': case 's': case 'S': hour_or_second = true; break;
            default: break;
            }
        }
    }
    return day_or_year || month_or_minute || hour_or_second;
}

std::string_view to_string(CellType t) noexcept {
    switch (t) {
    case CellType::empty: return "empty";
    case CellType::string: return "string";
    case CellType::number: return "number";
    case CellType::boolean: return "boolean";
    case CellType::error: return "error";
    case CellType::date: return "date";
    }
    return "empty";
}

// --------------------------------------------------------------- workbook

namespace detail {

// What every sheet of a workbook needs to read its cells.
struct XlsxShared {
    std::vector<std::string> strings;  // xl/sharedStrings.xml, by index
    std::vector<bool> date_style;      // by cell format (xf) index: shows a date or time
    bool date1904 = false;
};

}  // namespace detail

struct XlsxWorkbook::Impl {
    XlsxOptions opt;
    std::string file;
    std::string bytes;  // open_buffer: libzip reads from here
    ZipPtr zip;
    std::vector<std::string> names;
    std::vector<std::string> sheet_parts;
    std::string strings_part, styles_part;
    bool date1904 = false;
    std::shared_ptr<const detail::XlsxShared> shared;

    [[noreturn]] void fail(const std::string& part, const std::string& what) const {
        throw Error(Status::parse, file + (part.empty() ? "" : ":" + part) + ": " + what);
    }

    bool has_part(const std::string& name) const { return zip_name_locate(zip.get(), name.c_str(), ZIP_FL_NOCASE) >= 0; }

    // The part's bytes, never more than max_part_bytes whatever the zip's
    // headers claim (they can lie; a zip bomb's do).
    std::string read_part(const std::string& name) const {
        zip_int64_t index = zip_name_locate(zip.get(), name.c_str(), ZIP_FL_NOCASE);
        if (index < 0) fail("", "part " + name + " is missing (not an XLSX workbook, or a damaged one)");
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(zip.get(), static_cast<zip_uint64_t>(index), 0, &st) != 0)
            fail(name, std::string("cannot be read: ") + zip_strerror(zip.get()));
        const std::uint64_t limit = opt.max_part_bytes;
        auto too_large = [&] {
            fail(name, "larger than " + std::to_string(limit) + " bytes uncompressed (a zip bomb, or not a workbook "
                       "this reader is for)");
        };
        if ((st.valid & ZIP_STAT_SIZE) && st.size > limit) too_large();
        zip_file_t* f = zip_fopen_index(zip.get(), static_cast<zip_uint64_t>(index), 0);
        if (!f) fail(name, std::string("cannot be read: ") + zip_strerror(zip.get()));
        std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> guard(f, zip_fclose);
        std::string out;
        // Reserve what the header claims, within reason: it may lie.
        if (st.valid & ZIP_STAT_SIZE) out.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(st.size, 16u << 20)));
        char chunk[64 * 1024];
        zip_int64_t n;
        while ((n = zip_fread(f, chunk, sizeof chunk)) > 0) {
            out.append(chunk, static_cast<std::size_t>(n));
            if (out.size() > limit) too_large();
        }
        if (n < 0) fail(name, std::string("damaged: ") + zip_file_strerror(f));
        return out;
    }

    // Whitespace-only text is kept when it is all an element holds: a
    // shared string "<t> </t>" is a space, not nothing.
    void parse(pugi::xml_document& doc, const std::string& part) const {
        std::vector<ImportIssue> unused;  // InvalidUtf8::refuse: there are none
        detail::XmlParse how{file + ":" + part, opt.max_depth, InvalidUtf8::refuse, pugi::parse_ws_pcdata_single};
        detail::parse_xml(doc, read_part(part), how, file, unused);
    }

    std::vector<Relationship> relationships(const std::string& part) const {
        std::vector<Relationship> out;
        const std::string rels = rels_of(part);
        if (!has_part(rels)) return out;
        pugi::xml_document doc;
        parse(doc, rels);
        for (pugi::xml_node r = doc.document_element().first_child(); r; r = r.next_sibling()) {
            if (detail::local_name(r.name()) != "Relationship") continue;
            const char* mode = attribute(r, "TargetMode");
            if (mode && std::string_view(mode) == "External") continue;
            const char* id = attribute(r, "Id");
            const char* type = attribute(r, "Type");
            const char* target = attribute(r, "Target");
            if (!id || !type || !target) fail(rels, "a Relationship lacks Id, Type or Target");
            out.push_back({id, type, resolve(folder_of(part), target)});
        }
        return out;
    }

    void open() {
        zip_int64_t entries = zip_get_num_entries(zip.get(), 0);
        if (entries == 0) fail("", "an empty zip (or an empty file): not an XLSX workbook");
        if (entries < 0 || static_cast<std::uint64_t>(entries) > opt.max_entries)
            fail("", "the zip holds " + std::to_string(entries) + " files, more than the " +
                         std::to_string(opt.max_entries) + " allowed");

        std::string workbook;
        for (const auto& r : relationships(""))
            if (ends_with(r.type, "/officeDocument")) workbook = r.target;
        if (workbook.empty()) {
            if (!has_part("_rels/.rels")) fail("", "part _rels/.rels is missing (not an XLSX workbook?)");
            fail("_rels/.rels", "names no workbook (officeDocument) part");
        }

        std::map<std::string, std::string> by_id;
        for (const auto& r : relationships(workbook)) {
            by_id[r.id] = r.target;
            if (ends_with(r.type, "/sharedStrings")) strings_part = r.target;
            if (ends_with(r.type, "/styles")) styles_part = r.target;
        }

        pugi::xml_document doc;
        parse(doc, workbook);
        pugi::xml_node root = doc.document_element();
        if (pugi::xml_node pr = child(root, "workbookPr")) {
            const char* v = attribute(pr, "date1904");
            date1904 = v && (std::string_view(v) == "1" || std::string_view(v) == "true");
        }
        for (pugi::xml_node s = child(child(root, "sheets"), "sheet"); s; s = s.next_sibling()) {
            if (detail::local_name(s.name()) != "sheet") continue;
            const char* name = attribute(s, "name");
            const char* id = attribute(s, "id");  // r:id
            if (!name || !id) fail(workbook, "a <sheet> lacks its name or r:id");
            auto it = by_id.find(id);
            if (it == by_id.end())
                fail(rels_of(workbook), std::string("no relationship ") + id + " for sheet " + name);
            names.push_back(name);
            sheet_parts.push_back(it->second);
        }
    }

    std::shared_ptr<const detail::XlsxShared> load_shared() {
        if (shared) return shared;
        auto s = std::make_shared<detail::XlsxShared>();
        s->date1904 = date1904;
        if (!strings_part.empty()) {
            pugi::xml_document doc;
            parse(doc, strings_part);
            for (pugi::xml_node si = doc.document_element().first_child(); si; si = si.next_sibling())
                if (detail::local_name(si.name()) == "si") s->strings.push_back(string_item(si));
        }
        if (!styles_part.empty()) {
            pugi::xml_document doc;
            parse(doc, styles_part);
            pugi::xml_node root = doc.document_element();
            std::map<std::int64_t, bool> custom;  // numFmtId -> shows a date
            for (pugi::xml_node f = child(child(root, "numFmts"), "numFmt"); f; f = f.next_sibling()) {
                const char* id = attribute(f, "numFmtId");
                const char* code = attribute(f, "formatCode");
                if (auto n = id ? whole_number(id) : std::nullopt; n && code) custom[*n] = is_date_format(code);
            }
            for (pugi::xml_node xf = child(child(root, "cellXfs"), "xf"); xf; xf = xf.next_sibling()) {
                if (detail::local_name(xf.name()) != "xf") continue;
                const char* id = attribute(xf, "numFmtId");
                std::int64_t n = id ? whole_number(id).value_or(0) : 0;
                auto it = custom.find(n);
                bool builtin_date = (n >= 14 && n <= 22) || (n >= 45 && n <= 47);
                s->date_style.push_back(it != custom.end() ? it->second : builtin_date);
            }
        }
        shared = s;
        return shared;
    }
};

// ------------------------------------------------------------------ sheets

struct XlsxSheet::Impl {
    std::string file, name, part;
    std::uint64_t max_cells = 0;
    std::uint64_t cells = 0;     // handed out so far, empty ones included
    std::optional<Error> error;  // max_cells exceeded: every later call throws it again
    std::shared_ptr<const detail::XlsxShared> shared;
    pugi::xml_document doc;
    pugi::xml_node row;  // the next <row> to read
    std::int64_t last_row = 0;
    std::vector<ImportIssue> issues;
    std::size_t unlisted = 0;

    void issue(const std::string& ref, std::int64_t column, std::string message) {
        if (issues.size() >= kMaxIssues) {
            ++unlisted;
            return;
        }
        ImportIssue i;
        i.file = file;
        i.path = name + "!" + ref;
        i.column = column;
        i.severity = Severity::error;
        i.message = std::move(message);
        issues.push_back(std::move(i));
    }

    void read_cell(pugi::xml_node c, XlsxCell& cell) {
        const char* t = attribute(c, "t");
        std::string_view type = t ? t : "n";
        pugi::xml_node v = child(c, "v");
        std::string value = v ? v.child_value() : "";
        auto unreadable = [&](const std::string& what) {
            issue(cell.ref, cell.column, what + "; the cell is read as empty");
            cell.type = CellType::empty;
            cell.text.clear();
        };
        if (type == "inlineStr") {
            cell.type = CellType::string;
            cell.text = string_item(child(c, "is"));
        } else if (!v) {
            // A styled blank (or a formula never calculated): no value.
        } else if (type == "s") {
            auto i = whole_number(detail::trim(value));
            if (!i || *i < 0 || static_cast<std::size_t>(*i) >= shared->strings.size()) {
                unreadable("shared string " + value + " does not exist (the workbook has " +
                           std::to_string(shared->strings.size()) + ")");
                return;
            }
            cell.type = CellType::string;
            cell.text = shared->strings[static_cast<std::size_t>(*i)];
        } else if (type == "str") {
            cell.type = CellType::string;
            cell.text = decode_xstring(value);
        } else if (type == "b") {
            std::string_view b = detail::trim(value);
            if (b != "0" && b != "1") return unreadable("boolean \"" + value + "\" is not 0 or 1");
            cell.type = CellType::boolean;
            cell.number = b == "1";
            cell.text = b == "1" ? "TRUE" : "FALSE";
        } else if (type == "e") {
            cell.type = CellType::error;
            cell.text = value;
        } else if (type == "d") {  // ISO 8601, strict OOXML
            auto d = Date::try_parse_iso(detail::trim(value).substr(0, 10));
            if (!d) return unreadable("date \"" + value + "\" is not ISO 8601");
            cell.type = CellType::date;
            cell.text = value;
            cell.date = d;
            cell.number = excel_serial(*d, shared->date1904);
        } else if (type == "n") {
            auto x = real_number(detail::trim(value));
            if (!x) return unreadable("\"" + value + "\" is not a number");
            cell.text = std::string(detail::trim(value));
            cell.number = *x;
            const char* s = attribute(c, "s");
            auto style = s ? whole_number(s) : std::optional<std::int64_t>(0);
            bool is_date = style && *style >= 0 && static_cast<std::size_t>(*style) < shared->date_style.size() &&
                           shared->date_style[static_cast<std::size_t>(*style)];
            cell.type = is_date ? CellType::date : CellType::number;
            if (is_date) {
                cell.date = excel_serial_date(*x, shared->date1904);
                // 0 <= x < 1 is a time of day; other misses are not days at all.
                if (!cell.date && !(x >= 0 && *x < 1))
                    issue(cell.ref, cell.column, "date serial " + cell.text + " is not a calendar day");
            }
        } else {
            unreadable("unknown cell type \"" + std::string(type) + "\"");
        }
    }

    // The next <row> and its number, or a null node at the end. A row with
    // no (valid) number is the one after the row before; after the last row
    // a sheet can have, there is none, and the row is skipped.
    pugi::xml_node next_row(std::int64_t& number) {
        for (;;) {
            while (row && detail::local_name(row.name()) != "row") row = row.next_sibling();
            if (!row) return row;
            pugi::xml_node r = row;
            row = row.next_sibling();
            number = last_row + 1;
            const char* rn = attribute(r, "r");
            const auto n = rn ? whole_number(rn) : std::nullopt;
            if (n && *n >= 1 && *n <= kMaxRows) {
                number = *n;
            } else if (number > kMaxRows) {
                const std::string last = std::to_string(kMaxRows);
                issue(last + ":" + last, 0,
                      (rn ? std::string("a row numbered \"") + rn + "\"" : std::string("a row without a number")) +
                          " after row " + last + ", the last a sheet has; skipped");
                continue;
            } else if (rn) {
                issue(std::to_string(number) + ":" + std::to_string(number), 0,
                      std::string("row number \"") + rn + "\" is not 1.." + std::to_string(kMaxRows) +
                          "; read as row " + std::to_string(number));
            }
            return r;
        }
    }

    bool next(XlsxRow& out) {
        if (error) throw *error;
        std::int64_t number = 0;
        const pugi::xml_node r = next_row(number);
        if (!r) {
            if (unlisted > 0) {
                ImportIssue i;
                i.file = file;
                i.path = name;
                i.severity = Severity::note;
                i.message = std::to_string(unlisted) + " more cell problems; only the first " +
                            std::to_string(kMaxIssues) + " are listed";
                issues.push_back(std::move(i));
                unlisted = 0;
            }
            return false;
        }
        last_row = number;
        out.number = number;
        std::size_t used = 0;  // cells of out in use; the rest keep their storage for later rows
        std::int64_t last_column = 0;
        for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling()) {
            if (detail::local_name(c.name()) != "c") continue;
            std::int64_t column = last_column + 1;
            if (const char* ref = attribute(c, "r")) {
                auto col = ref_column(ref);
                if (!col) {
                    issue(ref, 0, std::string("cell reference \"") + ref + "\" is not A1..XFD1048576; cell skipped");
                    continue;
                }
                column = *col;
            }
            if (column > kMaxColumns) {
                issue(std::to_string(number) + ":" + std::to_string(number), 0, "a cell beyond column XFD; skipped");
                continue;
            }
            last_column = column;
            // A row holds every column up to its last cell: 20 bytes of XML can
            // ask for 16384 cells, so the cells of a sheet are counted.
            if (cells + static_cast<std::uint64_t>(column) > max_cells) {
                error = Error(Status::parse, file + ":" + part + ": row " + std::to_string(number) +
                                                 " takes sheet " + name + " past " + std::to_string(max_cells) +
                                                 " cells (each row counts every column up to its last cell)");
                throw *error;
            }
            if (out.cells.size() < static_cast<std::size_t>(column)) out.cells.resize(static_cast<std::size_t>(column));
            for (; used < static_cast<std::size_t>(column); ++used) {  // fill the gap, then this cell
                XlsxCell& e = out.cells[used];
                e.column = static_cast<std::int64_t>(used) + 1;
                e.row = number;
                e.ref = column_letters(e.column) + std::to_string(number);
                e.type = CellType::empty;
                e.text.clear();
                e.number = 0;
                e.date.reset();
            }
            XlsxCell& cell = out.cells[static_cast<std::size_t>(column) - 1];
            if (cell.type != CellType::empty) issue(cell.ref, column, "a second cell " + cell.ref + "; the first is kept");
            if (cell.type != CellType::empty) continue;
            read_cell(c, cell);
        }
        out.cells.resize(used);
        cells += used;
        return true;
    }
};

XlsxSheet::XlsxSheet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
XlsxSheet::XlsxSheet(XlsxSheet&&) noexcept = default;
XlsxSheet& XlsxSheet::operator=(XlsxSheet&&) noexcept = default;
XlsxSheet::~XlsxSheet() = default;
const std::string& XlsxSheet::name() const noexcept { return impl_->name; }
bool XlsxSheet::next(XlsxRow& row) { return impl_->next(row); }
const std::vector<ImportIssue>& XlsxSheet::issues() const noexcept { return impl_->issues; }

// ------------------------------------------------------------- opening

XlsxWorkbook::XlsxWorkbook(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
XlsxWorkbook::XlsxWorkbook(XlsxWorkbook&&) noexcept = default;
XlsxWorkbook& XlsxWorkbook::operator=(XlsxWorkbook&&) noexcept = default;
XlsxWorkbook::~XlsxWorkbook() = default;

XlsxWorkbook XlsxWorkbook::open_file(const std::string& path, XlsxOptions options) {
    auto impl = std::make_unique<Impl>();
    impl->file = options.file.empty() ? path : options.file;
    impl->opt = std::move(options);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw Error(Status::io, "cannot read " + path + ": no such file");
    if (std::filesystem::is_directory(path, ec)) throw Error(Status::io, "cannot read " + path + ": it is a folder");
    int code = 0;
    impl->zip.reset(zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code));
    if (!impl->zip) {
        bool io = code == ZIP_ER_OPEN || code == ZIP_ER_READ || code == ZIP_ER_SEEK || code == ZIP_ER_NOENT;
        throw Error(io ? Status::io : Status::parse,
                    (io ? "cannot read " + path : impl->file + ": not a readable zip (XLSX) file") + ": " +
                        zip_message(code));
    }
    impl->open();
    return XlsxWorkbook(std::move(impl));
}

XlsxWorkbook XlsxWorkbook::open_buffer(std::string bytes, XlsxOptions options) {
    auto impl = std::make_unique<Impl>();
    impl->file = options.file.empty() ? "<workbook>" : options.file;
    impl->opt = std::move(options);
    impl->bytes = std::move(bytes);
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(impl->bytes.data(), impl->bytes.size(), 0, &err);
    if (!src) {
        std::string msg = zip_error_strerror(&err);
        zip_error_fini(&err);
        throw Error(Status::nomem, impl->file + ": " + msg);
    }
    impl->zip.reset(zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err));
    if (!impl->zip) {
        zip_source_free(src);  // not taken over by a failed open
        std::string msg = zip_error_strerror(&err);
        zip_error_fini(&err);
        throw Error(Status::parse, impl->file + ": not a readable zip (XLSX) file: " + msg);
    }
    zip_error_fini(&err);
    impl->open();
    return XlsxWorkbook(std::move(impl));
}

const std::string& XlsxWorkbook::file() const noexcept { return impl_->file; }
const std::vector<std::string>& XlsxWorkbook::sheet_names() const noexcept { return impl_->names; }
bool XlsxWorkbook::date1904() const noexcept { return impl_->date1904; }

XlsxSheet XlsxWorkbook::sheet(std::size_t index) {
    if (index >= impl_->names.size())
        throw Error(Status::not_found, impl_->file + ": no sheet " + std::to_string(index + 1) + " (the workbook has " +
                                           std::to_string(impl_->names.size()) + ")");
    auto s = std::make_unique<XlsxSheet::Impl>();
    s->file = impl_->file;
    s->name = impl_->names[index];
    s->part = impl_->sheet_parts[index];
    s->max_cells = impl_->opt.max_cells;
    s->shared = impl_->load_shared();
    impl_->parse(s->doc, impl_->sheet_parts[index]);
    s->row = child(child(s->doc.document_element(), "sheetData"), "row");
    return XlsxSheet(std::move(s));
}

XlsxSheet XlsxWorkbook::sheet(std::string_view name) {
    const auto& names = impl_->names;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return sheet(i);
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    throw Error(Status::not_found, impl_->file + ": no sheet called \"" + std::string(name) + "\" (there are: " + list + ")");
}

}  // namespace oversight
