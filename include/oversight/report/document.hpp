// A report as a format-neutral document: headings, paragraphs, tables of
// typed cells and charts given as data series. Each report kind builds one
// (report.hpp); one writer per format renders any document (write_document).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <string_view>
#include <variant>
#include <vector>

#include <oversight/core/date.hpp>
#include <oversight/plan/plan.hpp>

namespace oversight {

struct Cell {
    /// What a cell holds, so that each writer can show it properly: a spreadsheet
    /// gets real numbers and dates, HTML right-aligns numbers and draws a RAG with
    /// its label and shape, text and CSV get display().
    enum class Type {
        empty,    // nothing
        text,     // free text
        integer,  // a count
        number,   // a decimal, shown with `decimals` places
        percent,  // a share held as a fraction (0.444 shows "44.4%")
        money,    // pence (123456 shows "£1,234.56")
        date,     // a calendar date (ISO 8601 in text)
        rag,      // a RAG rating: `rag` with `text` as its reason (may be empty)
    };

    Type type = Type::empty;
    std::string text;            // text; the reason of a rag cell
    std::int64_t integer = 0;    // integer; pence of money
    double number = 0;           // number; the fraction of percent
    int decimals = 1;            // places shown for number and percent
    Date date;                   // date
    Rag rag = Rag::none;         // rag

    static Cell of_text(std::string text);
    static Cell of_integer(std::int64_t n);
    static Cell of_number(double x, int decimals = 1);
    static Cell of_percent(double fraction, int decimals = 1);
    static Cell of_money(std::int64_t pence);
    static Cell of_date(Date d);
    static Cell of_rag(Rag r, std::string reason = {});
    /// An empty cell when `value` is empty, else the typed cell.
    static Cell of_date(const std::optional<Date>& d);
    static Cell of_money(const std::optional<std::int64_t>& pence);

    bool empty() const noexcept { return type == Type::empty; }
    /// The one display text every writer without a native type uses:
    /// "", the text, "12", "3.5", "44.4%", "£1,234.56" (negative "-£5.00"),
    /// "2012-10-12", "RED" / "AMBER" / "GREEN" / "BLUE" / "" (the reason is
    /// not part of it: writers that show reasons give them a place of their own).
    std::string display() const;

    friend bool operator==(const Cell& a, const Cell& b) noexcept;
    friend bool operator!=(const Cell& a, const Cell& b) noexcept { return !(a == b); }
};

std::string_view to_string(Cell::Type t) noexcept;  // "empty", "text", "integer", ...

/// "RED", "AMBER", "GREEN", "BLUE" or "" for Rag::none: the label a RAG is
/// shown with wherever colour alone would not do.
std::string_view rag_label(Rag r) noexcept;

struct Column {
    std::string key;    // stable snake_case name for CSV headers' machine use and JSON
    std::string title;  // the header people read
    Cell::Type type = Cell::Type::text;  // what the column's cells hold (empty cells allowed)
    /// Kept by the writers for machines (CSV, JSON, XLSX), left out by those
    /// for people (text, Markdown, HTML): detail that a group heading or
    /// another column already shows them.
    bool data_only = false;
};

struct Heading {
    int level = 1;  // 1 (a part of the document) .. 3
    std::string text;
};

struct Paragraph {
    enum class Style { normal, note, warning };
    std::string text;
    Style style = Style::normal;
};

struct Table {
    std::string id;     // stable, unique in the document: HTML anchors, sheet names, JSON
    std::string title;  // shown above the table; the sheet's name in a workbook
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows;  // each row has columns.size() cells
    std::string empty_text = "None.";     // shown instead of an empty table
    /// Rows come in groups: consecutive rows with the same display() in this
    /// column form one group. Writers for people (text, Markdown, HTML) show
    /// the value once as a group heading and leave the column out; writers
    /// for machines (CSV, JSON, XLSX) keep it as an ordinary column.
    std::optional<std::size_t> group_by;
    /// Notes shown under the table (keys to symbols, what was left out).
    std::vector<std::string> notes;
};

/// A chart given as data: one x label per point, one or more series of values
/// (missing values allowed), drawn by writers that can (HTML: inline SVG) and
/// given as a table by those that cannot. `alt` is the chart's text
/// alternative (HTML <title>/<desc>), always written.
struct Chart {
    enum class Kind { line, bar, stacked_bar };
    enum class Unit { count, percent };  // percent values are fractions
    struct Series {
        Series() = default;
        Series(std::string name_, std::vector<std::optional<double>> values_, std::string colour_ = {})
            : name(std::move(name_)), values(std::move(values_)), colour(std::move(colour_)) {}
        std::string name;
        std::vector<std::optional<double>> values;  // one per x label
        /// "#rrggbb" when the colour means something (a RAG: red is red);
        /// empty: the writer's palette. check_document refuses another form.
        std::string colour;
    };
    std::string id;
    std::string title;
    Kind kind = Kind::line;
    Unit unit = Unit::count;
    std::vector<std::string> x_labels;
    std::vector<Series> series;
    std::optional<double> target;  // a horizontal target line (same unit)
    std::string alt;
};

using Block = std::variant<Heading, Paragraph, Table, Chart>;

struct Document {
    std::string kind;      // the report kind that built it ("plan", "dashboard", ...)
    std::string title;     // the document's title
    std::vector<std::string> subtitle;  // lines under the title: authority, "As of ...", rules
    std::optional<Date> as_of;
    std::vector<Block> blocks;

    Document& heading(std::string text, int level = 1);
    Document& paragraph(std::string text, Paragraph::Style style = Paragraph::Style::normal);
    Table& table(std::string id, std::string title, std::vector<Column> columns);
    Chart& chart(std::string id, std::string title, Chart::Kind kind, Chart::Unit unit);

    /// Every table, in order (charts excluded).
    std::vector<const Table*> tables() const;
};

/// Checks a document before it is written: unique non-empty table and chart
/// ids of letters, digits, '_' and '-' (at most 64), heading levels 1..3,
/// series colours #rrggbb, each row as wide as its columns, each cell empty or of its column's
/// type (a text column takes any cell), each series as long as its x labels,
/// finite numbers. Throws Error(invalid_arg) naming the table, row and column.
void check_document(const Document& doc);

}  // namespace oversight
