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
#include "xlsx_parts.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

using namespace oversight;

namespace {

const char* const kFile = "fuzz.xlsx";
constexpr std::uint64_t kMaxPart = 4u << 20;
constexpr std::uint64_t kMaxCells = 1u << 18;

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
    std::string bytes = text.substr(0, 2) == "PK" ? std::string(text) : fuzz::zip_of(fuzz::parts_of(text));

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
