// XlsxWorkbook::open_buffer, then every row of every sheet. The input is
// either
//   - a zip (it starts with "PK"): the workbook as it is, for the zip layer; or
//   - a list of parts, each after a line "--- NAME" (README.md here), which
//     the target packs into a zip of stored (uncompressed) entries with
//     correct CRCs: mutations of the XML inside a real zip die on its CRC
//     or its deflate stream, so this is how the fuzzer reaches the parts.
// The reader's limits bound the work, set lower than their defaults so that
// no input takes long: parts of at most kMaxPart bytes (a zip bomb is
// refused early) and kMaxCells cells per sheet (rows are filled up to their
// last cell, so a few bytes can be 16384 cells).
// What xlsx_reader.hpp and import_issue.hpp promise:
//   - an error is Error(parse) (not_found for a sheet that is not there)
//     naming the file;
//   - sheet(i) is the sheet sheet_names()[i];
//   - rows are numbered 1..1048576; a row's cells are A, B, ... in order, each
//     with its row, column and a reference that matches them; a sheet hands
//     out at most max_cells cells, then next() throws, and again after;
//   - a date cell has a date in 1400..9999 or none, and only date cells have
//     one; when the cell's number is an Excel serial, it is that date's;
//     empty cells hold nothing, booleans TRUE/FALSE and 1/0, numbers are finite;
//   - text, sheet names and messages are UTF-8;
//   - every issue names the file and a place in the sheet ("Sheet!B12").
#include "fuzz.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

using namespace oversight;

namespace {

const char* const kFile = "fuzz.xlsx";
constexpr std::uint64_t kMaxPart = 4u << 20;
constexpr std::uint64_t kMaxCells = 1u << 18;
constexpr std::size_t kMaxParts = 64;

// ------------------------------------------------------- a zip of stored parts

std::uint32_t crc32(std::string_view s) {
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xFFFFFFFFu;
    for (unsigned char b : s) c = table[(c ^ b) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

void put16(std::string& out, std::uint32_t v) {
    out += static_cast<char>(v & 0xFF);
    out += static_cast<char>((v >> 8) & 0xFF);
}
void put32(std::string& out, std::uint32_t v) {
    put16(out, v & 0xFFFF);
    put16(out, v >> 16);
}

struct Part {
    std::string_view name, data;
};

// "--- NAME" lines start parts; a part's bytes run up to the line end
// (LF or CRLF) before the next such line. Text before the first is ignored.
std::vector<Part> parts_of(std::string_view text) {
    std::vector<Part> parts;
    std::size_t start = 0;  // of the last part's bytes
    auto close = [&](std::size_t end) {
        if (parts.empty()) return;
        end = std::max(end, start);
        if (end > start && text[end - 1] == '\r') --end;
        parts.back().data = text.substr(start, end - start);
    };
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t nl = text.find('\n', pos);
        const std::size_t end = nl == std::string_view::npos ? text.size() : nl;
        const std::size_t next = nl == std::string_view::npos ? text.size() : nl + 1;
        std::string_view line = text.substr(pos, end - pos);
        if (line.substr(0, 4) == "--- ") {
            close(pos == 0 ? 0 : pos - 1);
            if (parts.size() == kMaxParts) return parts;
            if (line.back() == '\r') line.remove_suffix(1);
            parts.push_back({line.substr(4), {}});
            start = next;
        }
        pos = next;
    }
    close(text.size());
    return parts;
}

// A zip (PKZIP 2.0, method 0 "stored", UTF-8 names) holding the parts.
std::string zip_of(const std::vector<Part>& parts) {
    std::string out, directory;
    for (const Part& p : parts) {
        const std::uint32_t offset = static_cast<std::uint32_t>(out.size());
        const std::uint32_t crc = crc32(p.data), size = static_cast<std::uint32_t>(p.data.size());
        const auto name_size = static_cast<std::uint32_t>(p.name.size());
        put32(out, 0x04034b50);  // local file header
        put16(out, 20);          // version needed
        put16(out, 0x0800);      // flags: UTF-8 name
        put16(out, 0);           // stored
        put16(out, 0);           // time 00:00
        put16(out, 0x21);        // date 1980-01-01
        put32(out, crc);
        put32(out, size);
        put32(out, size);
        put16(out, name_size);
        put16(out, 0);  // extra
        out += p.name;
        out += p.data;

        put32(directory, 0x02014b50);  // central directory header
        put16(directory, 20);          // made by
        put16(directory, 20);          // needed
        put16(directory, 0x0800);
        put16(directory, 0);
        put16(directory, 0);
        put16(directory, 0x21);
        put32(directory, crc);
        put32(directory, size);
        put32(directory, size);
        put16(directory, name_size);
        put16(directory, 0);  // extra
        put16(directory, 0);  // comment
        put16(directory, 0);  // disk
        put16(directory, 0);  // internal attributes
        put32(directory, 0);  // external attributes
        put32(directory, offset);
        directory += p.name;
    }
    const std::uint32_t directory_offset = static_cast<std::uint32_t>(out.size());
    out += directory;
    put32(out, 0x06054b50);  // end of central directory
    put16(out, 0);
    put16(out, 0);
    put16(out, static_cast<std::uint32_t>(parts.size()));
    put16(out, static_cast<std::uint32_t>(parts.size()));
    put32(out, static_cast<std::uint32_t>(directory.size()));
    put32(out, directory_offset);
    put16(out, 0);  // comment
    return out;
}

// ------------------------------------------------------------------ checks

std::string column_letters(std::int64_t column) {
    std::string out;
    for (; column > 0; column = (column - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (column - 1) % 26));
    return out;
}

void check_error(const Error& e) {
    const std::string what = e.what();
    fuzz::check(e.code() == Status::parse || e.code() == Status::nomem || e.code() == Status::not_found,
                "an XLSX error is a parse error", what);
    fuzz::check(what.rfind(kFile, 0) == 0, "an XLSX error names the file", what);
}

void check_cell(const XlsxCell& c, std::int64_t row, std::size_t index, bool date1904) {
    const std::string at = c.ref.empty() ? std::string("?") : c.ref;
    fuzz::check(c.row == row && c.column == static_cast<std::int64_t>(index) + 1, "a cell is at its row and column", at);
    fuzz::check(c.ref == column_letters(c.column) + std::to_string(row), "a cell's reference matches row and column", at);
    fuzz::check(fuzz::is_utf8(c.text), "cell text is UTF-8", c.text);
    fuzz::check(std::isfinite(c.number), "a cell's number is finite", at);
    if (c.date) fuzz::check(fuzz::in_range(*c.date), "a date is in 1400..9999", at);
    fuzz::check(!c.date || c.type == CellType::date, "only date cells have a date", at);
    switch (c.type) {
    case CellType::empty:
        fuzz::check(c.text.empty() && c.number == 0, "an empty cell holds nothing", at);
        break;
    case CellType::boolean:
        fuzz::check((c.text == "TRUE" && c.number == 1) || (c.text == "FALSE" && c.number == 0),
                    "a boolean is TRUE/1 or FALSE/0", at + " " + c.text);
        break;
    case CellType::date:
        // "dates as Excel serials": where the number is a serial, it is the date's.
        if (c.date)
            if (auto d = excel_serial_date(c.number, date1904))
                fuzz::check(*d == *c.date, "a date cell's number is its date's serial", at + " " + c.text);
        break;
    case CellType::number:
        if (auto d = excel_serial_date(c.number, date1904)) fuzz::check(fuzz::in_range(*d), "a serial date is in range");
        break;
    default:
        break;
    }
}

void check_sheet(XlsxSheet& sheet, bool date1904) {
    XlsxRow row;
    std::uint64_t cells = 0;
    try {
        while (sheet.next(row)) {
            const std::string at = sheet.name() + "!" + std::to_string(row.number);
            fuzz::check(row.number >= 1 && row.number <= 1048576, "a row is numbered 1..1048576", at);
            fuzz::check(row.cells.size() <= 16384, "a row has at most 16384 columns", at);
            cells += row.cells.size();
            fuzz::check(cells <= kMaxCells, "a sheet hands out at most max_cells cells", at);
            for (std::size_t i = 0; i < row.cells.size(); ++i) check_cell(row.cells[i], row.number, i, date1904);
        }
        fuzz::check(!sheet.next(row), "next() keeps answering false after the end");
    } catch (const Error& e) {  // max_cells passed
        check_error(e);
        try {
            (void)sheet.next(row);
            fuzz::fail("next() after an error did not throw", e.what());
        } catch (const Error& again) {
            fuzz::check(std::string(e.what()) == again.what(), "next() after an error throws it again", again.what());
        }
    }
    const std::vector<ImportIssue>& issues = sheet.issues();
    for (std::size_t i = 0; i < issues.size(); ++i) {
        const ImportIssue& w = issues[i];
        fuzz::check(w.file == kFile, "an issue names its file", w.where());
        fuzz::check(w.path == sheet.name() || w.path.rfind(sheet.name() + "!", 0) == 0,
                    "an issue names a place in its sheet", w.where());
        fuzz::check(fuzz::is_utf8(w.path) && fuzz::is_utf8(w.message) && !w.message.empty(),
                    "an issue says where and what in UTF-8", w.message);
        fuzz::check(w.severity == Severity::error || (w.severity == Severity::note && i + 1 == issues.size()),
                    "cell problems are errors; a note on the rest comes last", w.where());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    std::string bytes = text.substr(0, 2) == "PK" ? std::string(text) : zip_of(parts_of(text));

    XlsxOptions options;
    options.file = kFile;
    options.max_part_bytes = kMaxPart;
    options.max_cells = kMaxCells;
    try {
        XlsxWorkbook book = XlsxWorkbook::open_buffer(std::move(bytes), options);
        fuzz::check(book.file() == kFile, "file() is the name given");
        const std::vector<std::string> names = book.sheet_names();
        for (const std::string& n : names) fuzz::check(fuzz::is_utf8(n), "a sheet name is UTF-8", n);
        for (std::size_t i = 0; i < names.size(); ++i) {
            try {
                XlsxSheet sheet = book.sheet(i);
                fuzz::check(sheet.name() == names[i], "sheet(i) is the i-th sheet", names[i]);
                check_sheet(sheet, book.date1904());
            } catch (const Error& e) {
                check_error(e);
            }
        }
        try {
            (void)book.sheet(names.size());
            fuzz::fail("sheet(n) past the last sheet did not throw");
        } catch (const Error& e) {
            fuzz::check(e.code() == Status::not_found, "sheet(n) past the last is not_found", e.what());
        }
    } catch (const Error& e) {
        check_error(e);
    }
    return 0;
}
