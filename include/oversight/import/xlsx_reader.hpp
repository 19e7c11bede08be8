// The XLSX reader for Ofsted's Annex A workbook (and any other worksheet
// data), over libzip and pugixml: sheet names in workbook order, then one
// sheet's rows at a time, each cell with its reference, type and value.
#pragma once

#include <oversight/core/date.hpp>
#include <oversight/import/import_issue.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oversight {

struct XlsxOptions {
    /// The name used in errors and issues. Default: the path as given, or
    /// "<workbook>" for a buffer.
    std::string file;
    /// Limits against zip bombs and absurd input; exceeding one is Error(parse).
    std::uint64_t max_part_bytes = std::uint64_t{256} << 20;  // uncompressed, per part read
    std::size_t max_entries = 10000;                           // files in the zip
    std::size_t max_depth = 256;                               // XML nesting in any part
    /// Cells one sheet may hand out, counting the empty ones that fill each
    /// row up to its last cell: a row of one cell in column XFD is 16384.
    std::uint64_t max_cells = std::uint64_t{1} << 24;
};

enum class CellType {
    empty,    // no value (a styled blank, a missing cell, a value that could not be read)
    string,   // shared, inline or formula string
    number,
    boolean,
    error,    // an Excel error value: #N/A, #DIV/0!, ...
    date,     // a number whose format is a date or time format, or an ISO 8601 value (t="d")
};
std::string_view to_string(CellType t) noexcept;  // "empty", "string", ...

struct XlsxCell {
    std::string ref;          // "B12"
    std::int64_t row = 0;     // 1-based
    std::int64_t column = 0;  // 1-based: A = 1
    CellType type = CellType::empty;
    /// The value as text: strings as they are (rich-text runs joined), numbers
    /// and dates as stored ("44090", "6.13"), booleans "TRUE"/"FALSE", errors
    /// "#N/A"; "" when empty.
    std::string text;
    double number = 0;         // numbers; dates as Excel serials; booleans 1 or 0
    std::optional<Date> date;  // date cells that fall on a calendar day
};

struct XlsxRow {
    std::int64_t number = 0;      // 1-based row number
    /// Cells A, B, ... up to the last one present in the row (cells[1] is
    /// column B); columns the sheet leaves out are empty cells.
    std::vector<XlsxCell> cells;
};

/// The calendar day of an Excel serial date; the time of day is dropped.
/// 1900 system: 1 = 1900-01-01, with Excel's fictitious 1900-02-29 at 60
/// (nullopt), so 61 = 1900-03-01. 1904 system: 0 = 1904-01-01. nullopt
/// before the first day, past 9999-12-31, or for NaN.
std::optional<Date> excel_serial_date(double serial, bool date1904 = false) noexcept;

/// Whether a number format code shows a date or time: d, m, y, h or s
/// outside quoted text, escapes and [brackets] other than elapsed time
/// ("dd/mm/yyyy;@", "mmm-yy", "h:mm", "[h]:mm"; not "[Red]0.00", "0 \"days\"").
bool is_date_format(std::string_view format_code) noexcept;

/// One worksheet, parsed when opened and read row by row. Cell problems (a
/// shared string that does not exist, a number that is not one) become
/// error issues at "Sheet!B12" and the cell is empty. Move-only.
class XlsxSheet {
public:
    XlsxSheet(XlsxSheet&&) noexcept;
    XlsxSheet& operator=(XlsxSheet&&) noexcept;
    ~XlsxSheet();

    const std::string& name() const noexcept;
    /// The next row present in the sheet, in order; false at the end.
    /// A row without a valid number (r=) is the one after the row before;
    /// after row 1048576 there is none, so such a row is skipped with an
    /// error issue. Error(parse) naming the file, the part and the row when
    /// the sheet's rows come to more than max_cells cells; every later call
    /// throws it again. `row`'s storage is reused.
    bool next(XlsxRow& row);
    const std::vector<ImportIssue>& issues() const noexcept;

private:
    friend class XlsxWorkbook;
    struct Impl;
    explicit XlsxSheet(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

/// A workbook. Opening reads only the package's relationships and
/// xl/workbook.xml; shared strings and styles are read with the first sheet,
/// and each sheet when asked for. Error(io) for a file that cannot be read;
/// Error(parse) naming the file and the part for a damaged zip, a missing
/// part, malformed XML or a limit exceeded. Move-only; one thread at a time.
class XlsxWorkbook {
public:
    static XlsxWorkbook open_file(const std::string& path, XlsxOptions options = {});
    static XlsxWorkbook open_buffer(std::string bytes, XlsxOptions options = {});

    XlsxWorkbook(XlsxWorkbook&&) noexcept;
    XlsxWorkbook& operator=(XlsxWorkbook&&) noexcept;
    ~XlsxWorkbook();

    const std::string& file() const noexcept;
    const std::vector<std::string>& sheet_names() const noexcept;  // workbook order
    bool date1904() const noexcept;  // workbookPr date1904: serials count from 1904-01-01

    /// Error(not_found) naming the sheets there are.
    XlsxSheet sheet(std::string_view name);
    XlsxSheet sheet(std::size_t index);  // 0-based, in sheet_names() order

private:
    struct Impl;
    explicit XlsxWorkbook(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace oversight
