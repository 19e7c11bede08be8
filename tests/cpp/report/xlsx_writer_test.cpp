// The XLSX writer (lib/report/xlsx_writer.cpp) on the sample document of
// tests/report/sample_document.hpp, read back with Oversight's own XLSX
// reader (cell types) and libzip (the sheets' XML: frozen panes, filters,
// conditional formats, column widths). (tests/report writes the same
// workbook as a file for openpyxl: report_sample_write.)
#include <boost/test/unit_test.hpp>

#include <oversight/core/error.hpp>
#include <oversight/import/xlsx_reader.hpp>
#include <oversight/report/writer.hpp>

#include "report/sample_document.hpp"

#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <map>
#include <memory>
#include <regex>
#include <string>

#include <unistd.h>

using namespace oversight;

namespace {

const std::string& sample_xlsx() {
    static const std::string bytes = [] {
        std::string b = write_document(test::sample_document(), ReportFormat::xlsx);
        return b;
    }();
    return bytes;
}

/// One part of the zip package, as text.
std::string part(const std::string& bytes, const std::string& name) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    BOOST_REQUIRE(src);
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
    BOOST_REQUIRE_MESSAGE(z, "not a zip");
    std::unique_ptr<zip_t, int (*)(zip_t*)> guard(z, zip_close);
    zip_stat_t st;
    BOOST_REQUIRE_MESSAGE(zip_stat(z, name.c_str(), 0, &st) == 0, "no part " << name);
    zip_file_t* f = zip_fopen(z, name.c_str(), 0);
    BOOST_REQUIRE(f);
    std::string out(st.size, '\0');
    const auto n = zip_fread(f, out.data(), st.size);
    zip_fclose(f);
    BOOST_REQUIRE_EQUAL(n, static_cast<zip_int64_t>(st.size));
    return out;
}

/// Each sheet's rows as read by the XLSX reader: row number -> cells.
std::map<std::int64_t, std::vector<XlsxCell>> rows_of(XlsxWorkbook& wb, const std::string& sheet) {
    std::map<std::int64_t, std::vector<XlsxCell>> out;
    XlsxSheet s = wb.sheet(sheet);
    XlsxRow r;
    while (s.next(r)) out[r.number] = r.cells;
    BOOST_TEST(s.issues().empty());
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(xlsx_writer)

BOOST_AUTO_TEST_CASE(one_sheet_per_table_and_chart_after_a_summary) {
    const std::string& b = sample_xlsx();
    BOOST_TEST(b.rfind("PK\x03\x04", 0) == 0);
    XlsxWorkbook wb = XlsxWorkbook::open_buffer(b);
    const std::vector<std::string> expected = {"Summary",
                                               "Actions <all>",
                                               "Statutory visits in timescale",
                                               "Audit grades per audit",
                                               "Supervision in timescale by tea",  // 31 characters at most
                                               "One point",
                                               "RAG with a reason column",
                                               "Overdue actions",
                                               "Actions <all> (2)"};
    BOOST_TEST(wb.sheet_names() == expected, boost::test_tools::per_element());
    // The summary: title, subtitle lines, headings and paragraphs in order.
    const auto summary = rows_of(wb, "Summary");
    BOOST_TEST(summary.at(1)[0].text == "Improvement plan dashboard <sample> & \"checks\"");
    BOOST_TEST(summary.at(3)[0].text == "As of 2012-10-12");
    std::vector<std::string> lines;
    for (const auto& [n, cells] : summary) lines.push_back(cells.empty() ? "" : cells[0].text);
    const auto at = [&](const std::string& s) { return std::find(lines.begin(), lines.end(), s) - lines.begin(); };
    BOOST_TEST(at("Actions by recommendation") < at("Note: RAG ratings are computed as of the report date."));
    BOOST_TEST(at("Note: RAG ratings are computed as of the report date.") <
               at("Table: Actions <all> (5 rows), sheet \"Actions <all>\""));
    BOOST_TEST(at("Measures") < at("Chart: Statutory visits in timescale, sheet \"Statutory visits in timescale\""));
    BOOST_TEST(at("End of the report.") == static_cast<long>(lines.size()) - 1);
}

BOOST_AUTO_TEST_CASE(real_numbers_and_dates) {
    XlsxWorkbook wb = XlsxWorkbook::open_buffer(sample_xlsx());
    const auto rows = rows_of(wb, "Actions <all>");
    // Header, then the rows; the group column is kept as an ordinary column.
    BOOST_TEST(rows.at(1)[0].text == "Recommendation");
    BOOST_TEST(rows.at(1)[8].text == "Cost");
    const auto& r2 = rows.at(2);
    BOOST_TEST(r2[0].text == "1. Quality of social work");
    BOOST_TEST(to_string(r2[3].type) == "string");
    BOOST_TEST(r2[3].text == "RED");
    BOOST_TEST(to_string(r2[4].type) == "date");
    BOOST_TEST(r2[4].date.value_or(Date{}).iso() == "2012-10-02");
    BOOST_TEST(to_string(r2[5].type) == "number");
    BOOST_TEST(r2[5].number == 40.0);
    BOOST_TEST(r2[6].number == 3.25);
    BOOST_TEST(to_string(r2[7].type) == "number");
    BOOST_TEST(r2[7].number == 0.444);   // the fraction, shown as a percent by its format
    BOOST_TEST(r2[8].number == 10500.0);  // pounds, from 1,050,000 pence
    BOOST_TEST(rows.at(3)[8].number == -5.0);
    BOOST_TEST(rows.at(3)[4].date.value_or(Date{}).iso() == "2012-10-17");
    // Hostile text: kept as text (sanitised), the 10,000-character cell whole.
    BOOST_TEST(rows.at(3)[2].text.find("<script>alert(\"x\")</script>") == 0u);
    BOOST_TEST(rows.at(3)[2].text.find("nul inside") != std::string::npos);
    BOOST_TEST(rows_of(wb, "RAG with a reason column").at(3)[2].text == std::string(10000, 'x'));
    // The unrated row: its RAG cell and the empty cells are empty.
    BOOST_TEST(rows.at(6)[1].text == "2.3");
    BOOST_TEST((rows.at(6).size() <= 3 || to_string(rows.at(6)[3].type) == "empty"));
    // An empty table: the header and its empty text.
    const auto overdue = rows_of(wb, "Overdue actions");
    BOOST_TEST(overdue.at(2)[0].text == "No action is overdue.");
    // A chart's values: labels and fractions.
    const auto visits = rows_of(wb, "Statutory visits in timescale");
    BOOST_TEST(visits.at(1)[1].text == "Children in need");
    BOOST_TEST(visits.at(2)[0].text == "2012-05");
    BOOST_TEST(visits.at(2)[1].number == 0.61);
    BOOST_TEST(to_string(visits.at(4)[1].type) == "empty");  // July: a gap
}

BOOST_AUTO_TEST_CASE(frozen_header_filter_widths_and_rag_formats) {
    const std::string& b = sample_xlsx();
    const std::string workbook = part(b, "xl/workbook.xml");
    const std::string actions = part(b, "xl/worksheets/sheet2.xml");  // sheet 1 is the summary
    BOOST_TEST(actions.find("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>") !=
               std::string::npos);
    BOOST_TEST(actions.find("<autoFilter ref=\"A1:J6\"/>") != std::string::npos);
    // Four RAG rules on the RAG column's data rows (D2:D6).
    BOOST_TEST(actions.find("<conditionalFormatting sqref=\"D2:D6\">") != std::string::npos);
    for (const char* label : {"RED", "AMBER", "GREEN", "BLUE"})
        BOOST_TEST(actions.find("<formula>\"" + std::string(label) + "\"</formula>") != std::string::npos, label);
    // Widths fitted: 8 .. 60, the long action column at 60.
    const std::regex col(R"re(<col min="(\d+)" max="(\d+)" width="([\d.]+)")re");
    std::map<int, double> widths;
    for (auto it = std::sregex_iterator(actions.begin(), actions.end(), col); it != std::sregex_iterator(); ++it)
        widths[std::stoi((*it)[1])] = std::stod((*it)[3]);
    BOOST_REQUIRE_EQUAL(widths.size(), 10u);
    for (const auto& [c, w] : widths) {
        BOOST_TEST(w >= 8.0);
        BOOST_TEST(w <= 61.0);  // Excel's stored width adds a little padding to 60
    }
    BOOST_TEST(widths.at(3) > 59.0);
    BOOST_TEST(widths.at(2) < 12.0);
    // Number formats in the styles.
    const std::string styles = part(b, "xl/styles.xml");
    for (const char* code : {"0.0%", "yyyy-mm-dd", "#,##0.00"})
        BOOST_TEST(styles.find(std::string("formatCode=\"") + code) != std::string::npos, code);
    BOOST_TEST(styles.find("£#,##0.00") != std::string::npos);
    // Every sheet, chart sheets included, has its frozen header and filter.
    for (int i = 2; i <= 9; ++i) {
        const std::string s = part(b, "xl/worksheets/sheet" + std::to_string(i) + ".xml");
        BOOST_TEST(s.find("state=\"frozen\"") != std::string::npos, "sheet " << i);
        BOOST_TEST(s.find("<autoFilter ref=\"A1:") != std::string::npos, "sheet " << i);
    }
    // Native charts: one per chart sheet with points.
    BOOST_TEST(part(b, "xl/charts/chart1.xml").find("<c:lineChart>") != std::string::npos);
    BOOST_TEST(part(b, "xl/charts/chart2.xml").find("<c:grouping val=\"stacked\"/>") != std::string::npos);
    BOOST_TEST(workbook.find("Summary") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(sheet_names_are_made_valid_and_unique) {
    Document doc;
    doc.table("a", "Costs [2012/13]: a*b? c\\d", {{"x", "X", Cell::Type::integer}});
    doc.table("b", "summary", {{"x", "X", Cell::Type::integer}});
    doc.table("c", "'Quoted'", {{"x", "X", Cell::Type::integer}});
    doc.table("d", "History", {{"x", "X", Cell::Type::integer}});
    doc.table("e", "", {{"x", "X", Cell::Type::integer}});
    doc.table("f", std::string(40, 'n'), {{"x", "X", Cell::Type::integer}});
    doc.table("g", std::string(40, 'n'), {{"x", "X", Cell::Type::integer}});
    doc.table("h", "Dates before 1900", {{"d", "D", Cell::Type::date}, {"t", "T", Cell::Type::text}})
        .rows.push_back({Cell::of_date(Date::from_ymd(1899, 12, 31)), Cell::of_text("=HYPERLINK(\"x\")+1")});
    XlsxWorkbook wb = XlsxWorkbook::open_buffer(write_document(doc, ReportFormat::xlsx));
    const std::vector<std::string> expected = {"Summary",         "Costs -2012-13-- a-b- c-d", "summary (2)",
                                               "Quoted",          "History (2)",               "Table 1",
                                               std::string(31, 'n'), std::string(27, 'n') + " (2)", "Dates before 1900"};
    BOOST_TEST(wb.sheet_names() == expected, boost::test_tools::per_element());
    // A date Excel cannot hold is written as its ISO text.
    const auto rows = rows_of(wb, "Dates before 1900");
    BOOST_TEST(to_string(rows.at(2)[0].type) == "string");
    BOOST_TEST(rows.at(2)[0].text == "1899-12-31");
    // Text that looks like a formula is text, never a formula.
    BOOST_TEST(to_string(rows.at(2)[1].type) == "string");
    BOOST_TEST(rows.at(2)[1].text == "=HYPERLINK(\"x\")+1");
    const std::string sheet = part(write_document(doc, ReportFormat::xlsx), "xl/worksheets/sheet9.xml");
    BOOST_TEST(sheet.find("<f>") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(empty_document_and_temporary_files) {
    namespace fs = std::filesystem;
    // A folder of its own as TMPDIR: other tests running at the same time
    // write workbooks too. Every file written there (ours and
    // libxlsxwriter's part files) must be gone after each write.
    const fs::path own = fs::temp_directory_path() / ("oversight-xlsx-test-" + std::to_string(::getpid()));
    fs::create_directories(own);
    const char* old = std::getenv("TMPDIR");
    const std::string saved = old ? old : "";
    ::setenv("TMPDIR", own.c_str(), 1);
    const auto left = [&] { return static_cast<std::size_t>(std::distance(fs::directory_iterator(own), fs::directory_iterator())); };
    std::size_t after_write = 99, after_refusal = 99;
    std::vector<std::string> names;
    try {
        XlsxWorkbook wb = XlsxWorkbook::open_buffer(write_document(Document{}, ReportFormat::xlsx));
        names = wb.sheet_names();
        after_write = left();
        Document bad;  // a document the model refuses is refused before any file is made
        bad.table("t", "T", {{"n", "N", Cell::Type::integer}}).rows.push_back({Cell::of_text("not a number")});
        BOOST_CHECK_THROW(write_document(bad, ReportFormat::xlsx), Error);
        after_refusal = left();
    } catch (...) {
        BOOST_ERROR("writing in a TMPDIR of its own failed");
    }
    if (old)
        ::setenv("TMPDIR", saved.c_str(), 1);
    else
        ::unsetenv("TMPDIR");
    fs::remove_all(own);
    BOOST_TEST(names == std::vector<std::string>{"Summary"}, boost::test_tools::per_element());
    BOOST_TEST(after_write == 0u);
    BOOST_TEST(after_refusal == 0u);
}

BOOST_AUTO_TEST_CASE(data_only_columns_are_kept) {
    Document doc;
    doc.table("t", "T", {{"ref", "Ref", Cell::Type::text}, {"id", "Id", Cell::Type::integer, true}})
        .rows.push_back({Cell::of_text("1.1"), Cell::of_integer(4242)});
    XlsxWorkbook wb = XlsxWorkbook::open_buffer(write_document(doc, ReportFormat::xlsx));
    const auto rows = rows_of(wb, "T");
    BOOST_TEST(rows.at(1)[1].text == "Id");
    BOOST_TEST(rows.at(2)[1].number == 4242.0);
}

BOOST_AUTO_TEST_CASE(no_temporary_folder_is_an_io_error) {
    const char* old = std::getenv("TMPDIR");
    const std::string saved = old ? old : "";
    ::setenv("TMPDIR", "/nonexistent-oversight-tmp", 1);
    Status code = Status::ok;
    std::string message;
    try {
        write_document(Document{}, ReportFormat::xlsx);
    } catch (const Error& e) {
        code = e.code();
        message = e.what();
    }
    if (old)
        ::setenv("TMPDIR", saved.c_str(), 1);
    else
        ::unsetenv("TMPDIR");
    BOOST_TEST(static_cast<int>(code) == static_cast<int>(Status::io));
    BOOST_TEST(message.find("xlsx writer: no temporary folder") == 0u, message);
}

BOOST_AUTO_TEST_CASE(noncharacters_xml_forbids_become_replacement_characters) {
    // U+FFFE and U+FFFF are valid UTF-8 but not XML: in a cell or a sheet
    // name they would make the workbook one Excel must "repair".
    Document doc;
    doc.table("t", "Sheet \xEF\xBF\xBF name", {{"a", "A", Cell::Type::text}})
        .rows.push_back({Cell::of_text("x\xEF\xBF\xBEy\xEF\xBF\xBFz")});
    const std::string bytes = write_document(doc, ReportFormat::xlsx);
    for (const char* name : {"xl/sharedStrings.xml", "xl/workbook.xml"}) {
        const std::string xml = part(bytes, name);
        BOOST_TEST(xml.find("\xEF\xBF\xBE") == std::string::npos, name);
        BOOST_TEST(xml.find("\xEF\xBF\xBF") == std::string::npos, name);
    }
    XlsxWorkbook wb = XlsxWorkbook::open_buffer(bytes);
    BOOST_TEST(rows_of(wb, "Sheet \xEF\xBF\xBD name").at(2)[0].text == "x\xEF\xBF\xBDy\xEF\xBF\xBDz");
}

BOOST_AUTO_TEST_SUITE_END()
