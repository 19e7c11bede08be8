// One writer per format renders any report document (document.hpp).
#pragma once

#include <string>
#include <string_view>

#include <oversight/report/document.hpp>

namespace oversight {

enum class ReportFormat { text, markdown, csv, json, html, xlsx };
/// "text"/"txt", "md"/"markdown", "csv", "json", "html"/"htm", "xlsx"
/// (case-insensitive, spaces trimmed). Throws Error(invalid_arg) naming the
/// text. PDF is not a library format: print the HTML (the CLI's `--format
/// pdf` does so with headless Chromium).
ReportFormat parse_report_format(std::string_view text);
std::string_view to_string(ReportFormat f) noexcept;  // "text", "markdown", "csv", "json", "html", "xlsx"

/// Renders `doc` (checked first with check_document) in one format:
///  - text: plain UTF-8 within 118 columns; tables fitted to the width,
///    cells wrapped; a RAG cell as its label ("RED"), its reason in the
///    column that follows when the table has one keyed "<key>_reason";
///    a chart as the table of its values.
///  - markdown: GitHub tables; every text escaped by one function (no
///    markup or table syntax in data survives as markup); charts as tables.
///  - csv: RFC 4180 with CRLF, values for machines; a document with one
///    table is exactly that table (a header row of column keys, then the
///    rows: integers as digits, money as pounds "1234.56", percents "44.4%",
///    ISO dates, a RAG as "red", text verbatim; formula-like cells defused,
///    plain numbers kept); with several, each table is preceded by a
///    one-field row naming it and followed by an empty line. Charts are left
///    out.
///  - json: {"format":"oversight-document","version":1,"kind","title",
///    "subtitle","as_of","blocks":[...]} (data/schemas/oversight-document.schema.json):
///    cells typed (integers and pence as numbers, percents as fractions,
///    dates as ISO strings, RAG as {"rag","reason"}), charts as their series.
///  - html: one self-contained file (no network, inline CSS and SVG charts,
///    printable on A4); a RAG shows a colour, a shape and its label.
///  - xlsx: the workbook's bytes: one sheet per table, real numbers and
///    dates, frozen header row, filters, RAG conditional formatting.
std::string write_document(const Document& doc, ReportFormat format);

}  // namespace oversight
