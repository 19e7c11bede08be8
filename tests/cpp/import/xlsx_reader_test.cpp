// The XLSX reader: workbooks built here in memory with libzip (shared and
// inline strings, dates in both systems, gaps, bad cells), damaged and
// hostile zips, and Ofsted's Annex A in shared/data (skipped when absent).
#include <boost/test/unit_test.hpp>

#include "support/expect_error.hpp"

#include <oversight/core/error.hpp>
#include <oversight/import/xlsx_reader.hpp>

#include <zip.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <string>
#include <utility>
#include <vector>

using namespace oversight;
using oversight::test::expect_error;

namespace {

const std::string kShared = OVERSIGHT_SHARED_DIR;

using Parts = std::vector<std::pair<std::string, std::string>>;

// A zip archive of the parts, made in memory.
std::string make_zip(const Parts& parts, zip_int32_t method = ZIP_CM_DEFLATE) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
    BOOST_REQUIRE(src);
    zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &err);
    BOOST_REQUIRE(za);
    zip_source_keep(src);
    for (const auto& [name, data] : parts) {
        zip_source_t* s = zip_source_buffer(za, data.data(), data.size(), 0);
        zip_int64_t index = zip_file_add(za, name.c_str(), s, ZIP_FL_ENC_UTF_8);
        BOOST_REQUIRE(index >= 0);
        zip_set_file_compression(za, static_cast<zip_uint64_t>(index), method, 0);
    }
    BOOST_REQUIRE(zip_close(za) == 0);
    BOOST_REQUIRE(zip_source_open(src) == 0);
    zip_source_seek(src, 0, SEEK_END);
    zip_int64_t size = zip_source_tell(src);
    zip_source_seek(src, 0, SEEK_SET);
    std::string out(static_cast<std::size_t>(size), '\0');
    BOOST_REQUIRE(zip_source_read(src, out.data(), static_cast<zip_uint64_t>(size)) == size);
    zip_source_close(src);
    zip_source_free(src);
    zip_error_fini(&err);
    return out;
}

const std::string kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const std::string kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

struct Book {
    std::vector<std::pair<std::string, std::string>> sheets;  // name, <sheetData> content
    std::string shared_strings;                               // <si> items; none if empty
    std::string styles;                                       // whole styles part; none if empty
    bool date1904 = false;
};

std::string sheet_xml(const std::string& data) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + kMain +
           "\" xmlns:r=\"" + kRel + "\"><dimension ref=\"A1\"/><sheetData>" + data + "</sheetData></worksheet>";
}

// The parts of a minimal workbook. Sheets are listed in the workbook in
// reverse part order, so that workbook order is seen to win.
Parts parts_of(const Book& b) {
    Parts p;
    p.emplace_back("[Content_Types].xml",
                   "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
    p.emplace_back("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                                  "<Relationship Id=\"rId1\" Type=\"" + kRel + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                                  "<Relationship Id=\"rId2\" Type=\"" + kRel + "/extended-properties\" Target=\"docProps/app.xml\"/>"
                                  "</Relationships>");
    std::string wb = "<?xml version=\"1.0\"?><workbook xmlns=\"" + kMain + "\" xmlns:r=\"" + kRel + "\">";
    wb += b.date1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>";
    wb += "<sheets>";
    std::string rels = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    for (std::size_t i = 0; i < b.sheets.size(); ++i) {
        std::string n = std::to_string(i + 1);
        rels += "<Relationship Id=\"rId" + n + "\" Type=\"" + kRel + "/worksheet\" Target=\"worksheets/sheet" + n + ".xml\"/>";
        p.emplace_back("xl/worksheets/sheet" + n + ".xml", sheet_xml(b.sheets[i].second));
    }
    for (std::size_t i = b.sheets.size(); i-- > 0;)
        wb += "<sheet name=\"" + b.sheets[i].first + "\" sheetId=\"" + std::to_string(i + 1) + "\" r:id=\"rId" +
              std::to_string(i + 1) + "\"/>";
    wb += "</sheets></workbook>";
    if (!b.shared_strings.empty()) {
        rels += "<Relationship Id=\"rIdS\" Type=\"" + kRel + "/sharedStrings\" Target=\"/xl/sharedStrings.xml\"/>";
        p.emplace_back("xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst xmlns=\"" + kMain + "\">" + b.shared_strings + "</sst>");
    }
    if (!b.styles.empty()) {
        rels += "<Relationship Id=\"rIdT\" Type=\"" + kRel + "/styles\" Target=\"./styles.xml\"/>";
        p.emplace_back("xl/styles.xml", b.styles);
    }
    rels += "<Relationship Id=\"rIdX\" Type=\"" + kRel + "/hyperlink\" Target=\"http://example.org\" TargetMode=\"External\"/>";
    rels += "</Relationships>";
    p.emplace_back("xl/workbook.xml", wb);
    p.emplace_back("xl/_rels/workbook.xml.rels", rels);
    return p;
}

XlsxWorkbook open(const Book& b, XlsxOptions o = {}) {
    if (o.file.empty()) o.file = "test.xlsx";
    return XlsxWorkbook::open_buffer(make_zip(parts_of(b)), o);
}

Parts without(Parts p, const std::string& name) {
    p.erase(std::remove_if(p.begin(), p.end(), [&](const auto& e) { return e.first == name; }), p.end());
    return p;
}

std::vector<XlsxRow> rows_of(XlsxSheet& s) {
    std::vector<XlsxRow> out;
    XlsxRow r;
    while (s.next(r)) out.push_back(r);
    return out;
}

// cellXfs: 0 general, 1 built-in 14 (date), 2 custom 164 dd/mm/yyyy, 3 "0.00",
// 4 built-in 20 (h:mm), 5 custom 165 "[Red]0.00", 6 custom 166 with quoted text.
const std::string kStyles =
    "<?xml version=\"1.0\"?><styleSheet xmlns=\"" + kMain + "\"><numFmts count=\"3\">"
    "<numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy;@\"/><numFmt numFmtId=\"165\" formatCode=\"[Red]0.00\"/>"
    "<numFmt numFmtId=\"166\" formatCode=\"0 &quot;days&quot;\"/></numFmts>"
    "<cellXfs count=\"7\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"2\"/>"
    "<xf numFmtId=\"20\"/><xf numFmtId=\"165\"/><xf numFmtId=\"166\"/></cellXfs></styleSheet>";

Book typical() {
    Book b;
    b.shared_strings =
        "<si><t>Child Unique ID</t></si>"
        "<si><r><rPr><b/></rPr><t>Rich </t></r><r><t xml:space=\"preserve\">text </t></r><rPh><t>READING</t></rPh></si>"
        "<si><t xml:space=\"preserve\"> </t></si>"
        "<si><t>line_x000D_break and _x005F_x000D_ but not _xZ000_</t></si>"
        "<si><t>caf\xC3\xA9</t></si>";
    b.styles = kStyles;
    b.sheets = {{"List 1",
                 "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
                 "<c r=\"D1\" t=\"s\"><v>3</v></c><c r=\"E1\" t=\"s\"><v>4</v></c></row>"
                 "<row r=\"2\"><c r=\"A2\"><v>9212044</v></c><c r=\"C2\" s=\"1\"><v>44090</v></c>"
                 "<c r=\"D2\" s=\"2\"><v>42029.75</v></c><c r=\"E2\" s=\"3\"><v>6.1382614647501708</v></c>"
                 "<c r=\"F2\" s=\"4\"><v>0.5</v></c><c r=\"G2\" s=\"5\"><v>1E3</v></c><c r=\"H2\" s=\"6\"><v>12</v></c></row>"
                 "<row r=\"4\"><c r=\"B4\" t=\"inlineStr\"><is><t>inline</t></is></c>"
                 "<c r=\"C4\" t=\"inlineStr\"><is><r><t>in</t></r><r><t>runs</t></r></is></c>"
                 "<c r=\"D4\" t=\"b\"><v>1</v></c><c r=\"E4\" t=\"b\"><v>0</v></c><c r=\"F4\" t=\"e\"><v>#N/A</v></c>"
                 "<c r=\"G4\" t=\"str\"><f>A1&amp;\"x\"</f><v>formula text</v></c><c r=\"H4\" s=\"1\"/>"
                 "<c r=\"I4\" t=\"d\"><v>2021-05-10T00:00:00</v></c></row>"
                 "<row><c><v>1</v></c><c><v>2</v></c><c r=\"E5\"><v>5</v></c><c><v>6</v></c></row>"},
                {"Second", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>4</v></c></row>"}};
    return b;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(xlsx_reader)

BOOST_AUTO_TEST_CASE(excel_serial_dates) {
    auto d = [](int y, int m, int dd) { return std::optional<Date>(Date::from_ymd(y, m, dd)); };
    BOOST_TEST((excel_serial_date(1) == d(1900, 1, 1)));
    BOOST_TEST((excel_serial_date(59) == d(1900, 2, 28)));
    BOOST_TEST(!excel_serial_date(60));  // Excel's 29 February 1900, which never was
    BOOST_TEST((excel_serial_date(61) == d(1900, 3, 1)));
    BOOST_TEST((excel_serial_date(25569) == d(1970, 1, 1)));
    BOOST_TEST((excel_serial_date(42029) == d(2015, 1, 25)));
    BOOST_TEST((excel_serial_date(44090.999) == d(2020, 9, 16)));  // the time of day is dropped
    BOOST_TEST((excel_serial_date(2958465) == d(9999, 12, 31)));
    BOOST_TEST(!excel_serial_date(2958466));
    BOOST_TEST(!excel_serial_date(0));
    BOOST_TEST(!excel_serial_date(0.5));
    BOOST_TEST(!excel_serial_date(-1));
    BOOST_TEST(!excel_serial_date(std::nan("")));
    BOOST_TEST(!excel_serial_date(std::numeric_limits<double>::infinity()));
    BOOST_TEST(!excel_serial_date(1e300));
    // 1904 system: day 0 is 1 January 1904, 1462 days after the 1900 system's.
    BOOST_TEST((excel_serial_date(0, true) == d(1904, 1, 1)));
    BOOST_TEST((excel_serial_date(42029 - 1462, true) == d(2015, 1, 25)));
    BOOST_TEST((excel_serial_date(2957003, true) == d(9999, 12, 31)));
    BOOST_TEST(!excel_serial_date(-1, true));
}

BOOST_AUTO_TEST_CASE(date_format_codes) {
    for (const char* code : {"dd/mm/yyyy;@", "d-mmm-yy", "mmm-yy", "yyyy", "h:mm", "[h]:mm:ss", "[$-409]dddd, mmmm dd, yyyy",
                             "mm/dd/yy h:mm AM/PM", "DD/MM/YYYY"})
        BOOST_TEST(is_date_format(code), code);
    for (const char* code : {"General", "0.00", "#,##0", "[Red]0.00", "0 \"days\"", "0\\d", "0.00E+00", "@", "_(* #,##0_)",
                             "[>100]0;0", ""})
        BOOST_TEST(!is_date_format(code), code);
}

BOOST_AUTO_TEST_CASE(sheet_names_in_workbook_order) {
    auto wb = open(typical());
    BOOST_TEST(wb.file() == "test.xlsx");
    BOOST_TEST(wb.sheet_names() == (std::vector<std::string>{"Second", "List 1"}));
    BOOST_TEST(!wb.date1904());
    BOOST_TEST(wb.sheet(0).name() == "Second");
    BOOST_TEST(wb.sheet("List 1").name() == "List 1");
    expect_error([&] { wb.sheet("List 9"); }, Status::not_found, "test.xlsx: no sheet called \"List 9\" (there are: Second, List 1)");
    expect_error([&] { wb.sheet(std::size_t{2}); }, Status::not_found, "no sheet 3 (the workbook has 2)");
}

BOOST_AUTO_TEST_CASE(cells_of_every_kind) {
    auto wb = open(typical());
    XlsxSheet s = wb.sheet("List 1");
    auto rows = rows_of(s);
    BOOST_TEST(s.issues().empty());
    BOOST_TEST_REQUIRE(rows.size() == 4u);
    BOOST_TEST(rows[0].number == 1);
    BOOST_TEST(rows[1].number == 2);
    BOOST_TEST(rows[2].number == 4);  // row 3 is not in the sheet
    BOOST_TEST(rows[3].number == 5);  // no r: the one after the last

    const auto& h = rows[0].cells;
    BOOST_TEST_REQUIRE(h.size() == 5u);
    BOOST_TEST(h[0].text == "Child Unique ID");
    BOOST_TEST((h[0].type == CellType::string));
    BOOST_TEST(h[0].ref == "A1");
    BOOST_TEST(h[1].text == "Rich text ");  // runs joined, the phonetic reading left out
    BOOST_TEST(h[2].text == " ");           // a space is text
    BOOST_TEST(h[3].text == "line\rbreak and _x000D_ but not _xZ000_");  // not hex: kept
    BOOST_TEST(h[4].text == "caf\xC3\xA9");

    const auto& r2 = rows[1].cells;
    BOOST_TEST_REQUIRE(r2.size() == 8u);
    BOOST_TEST((r2[0].type == CellType::number));
    BOOST_TEST(r2[0].number == 9212044.0);
    BOOST_TEST(r2[0].text == "9212044");
    BOOST_TEST((r2[1].type == CellType::empty));  // B2: not in the sheet
    BOOST_TEST(r2[1].ref == "B2");
    BOOST_TEST(r2[1].column == 2);
    BOOST_TEST(r2[1].row == 2);
    BOOST_TEST((r2[2].type == CellType::date));  // built-in format 14
    BOOST_TEST((r2[2].date == Date::from_ymd(2020, 9, 16)));
    BOOST_TEST(r2[2].number == 44090.0);
    BOOST_TEST((r2[3].type == CellType::date));  // custom dd/mm/yyyy, with a time of day
    BOOST_TEST((r2[3].date == Date::from_ymd(2015, 1, 25)));
    BOOST_TEST((r2[4].type == CellType::number));  // "0.00"
    BOOST_TEST(r2[4].number == 6.1382614647501708);
    BOOST_TEST((r2[5].type == CellType::date));  // h:mm: a time, so no calendar day and no issue
    BOOST_TEST(!r2[5].date);
    BOOST_TEST((r2[6].type == CellType::number));  // [Red]0.00
    BOOST_TEST(r2[6].number == 1000.0);
    BOOST_TEST((r2[7].type == CellType::number));  // 0 "days"

    const auto& r4 = rows[2].cells;
    BOOST_TEST_REQUIRE(r4.size() == 9u);
    BOOST_TEST((r4[0].type == CellType::empty));
    BOOST_TEST(r4[1].text == "inline");
    BOOST_TEST((r4[1].type == CellType::string));
    BOOST_TEST(r4[2].text == "inruns");
    BOOST_TEST((r4[3].type == CellType::boolean));
    BOOST_TEST(r4[3].text == "TRUE");
    BOOST_TEST(r4[3].number == 1.0);
    BOOST_TEST(r4[4].text == "FALSE");
    BOOST_TEST((r4[5].type == CellType::error));
    BOOST_TEST(r4[5].text == "#N/A");
    BOOST_TEST((r4[6].type == CellType::string));
    BOOST_TEST(r4[6].text == "formula text");
    BOOST_TEST((r4[7].type == CellType::empty));  // a styled blank
    BOOST_TEST(r4[7].text == "");
    BOOST_TEST((r4[8].type == CellType::date));  // t="d": ISO 8601
    BOOST_TEST((r4[8].date == Date::from_ymd(2021, 5, 10)));
    BOOST_TEST(r4[8].number == 44326.0);

    const auto& r5 = rows[3].cells;
    BOOST_TEST_REQUIRE(r5.size() == 6u);
    BOOST_TEST(r5[0].number == 1.0);
    BOOST_TEST(r5[1].number == 2.0);
    BOOST_TEST((r5[2].type == CellType::empty));
    BOOST_TEST(r5[4].ref == "E5");
    BOOST_TEST(r5[5].ref == "F5");  // after E5, without r
    BOOST_TEST(r5[5].number == 6.0);
    BOOST_TEST(to_string(CellType::date) == "date");
}

BOOST_AUTO_TEST_CASE(row_storage_is_reused_cleanly) {
    // A long row then a short one through the same XlsxRow: nothing stale.
    Book b;
    b.sheets = {{"S", "<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"C1\" t=\"e\"><v>#REF!</v></c></row>"
                      "<row r=\"2\"><c r=\"B2\"><v>2</v></c></row><row r=\"3\"/>"}};
    auto wb = open(b);
    XlsxSheet s = wb.sheet("S");
    XlsxRow row;
    BOOST_TEST_REQUIRE(s.next(row));
    BOOST_TEST(row.cells.size() == 3u);
    BOOST_TEST_REQUIRE(s.next(row));
    BOOST_TEST_REQUIRE(row.cells.size() == 2u);
    BOOST_TEST((row.cells[0].type == CellType::empty));
    BOOST_TEST(row.cells[0].ref == "A2");
    BOOST_TEST(row.cells[1].number == 2.0);
    BOOST_TEST_REQUIRE(s.next(row));
    BOOST_TEST(row.number == 3);
    BOOST_TEST(row.cells.empty());
    BOOST_TEST(!s.next(row));
    BOOST_TEST(!s.next(row));
}

BOOST_AUTO_TEST_CASE(workbook_1904) {
    Book b;
    b.date1904 = true;
    b.styles = kStyles;
    b.sheets = {{"S", "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>0</v></c><c r=\"B1\" s=\"2\"><v>40567</v></c>"
                      "<c r=\"C1\" t=\"d\"><v>1904-01-02</v></c></row>"}};
    auto wb = open(b);
    BOOST_TEST(wb.date1904());
    XlsxSheet s = wb.sheet(std::size_t{0});
    auto rows = rows_of(s);
    BOOST_TEST_REQUIRE(rows.size() == 1u);
    BOOST_TEST((rows[0].cells[0].date == Date::from_ymd(1904, 1, 1)));
    BOOST_TEST((rows[0].cells[1].date == Date::from_ymd(2015, 1, 25)));
    BOOST_TEST(rows[0].cells[2].number == 1.0);
    BOOST_TEST(s.issues().empty());
}

// An ISO date (t="d") gets the serial Excel gives that day, on both sides
// of the 29 February 1900 that Excel counts and that never was.
BOOST_AUTO_TEST_CASE(iso_dates_get_excel_serials) {
    Book b;
    b.sheets = {{"S", "<row r=\"1\"><c t=\"d\"><v>1900-01-01</v></c><c t=\"d\"><v>1900-02-28</v></c>"
                      "<c t=\"d\"><v>1900-03-01</v></c><c t=\"d\"><v>2020-09-16</v></c>"
                      "<c t=\"d\"><v>1899-12-31</v></c></row>"}};
    auto wb = open(b);
    XlsxSheet s = wb.sheet(std::size_t{0});
    auto rows = rows_of(s);
    BOOST_TEST_REQUIRE(rows.size() == 1u);
    BOOST_TEST_REQUIRE(rows[0].cells.size() == 5u);
    const double serials[] = {1, 59, 61, 44090, 0};
    for (std::size_t i = 0; i < 5; ++i) BOOST_TEST(rows[0].cells[i].number == serials[i], "cell " << i);
    for (std::size_t i = 0; i < 4; ++i)
        BOOST_TEST((excel_serial_date(rows[0].cells[i].number) == rows[0].cells[i].date), "cell " << i);
}

BOOST_AUTO_TEST_CASE(bad_cells_become_issues_and_empty_cells) {
    Book b;
    b.shared_strings = "<si><t>only</t></si>";
    b.styles = kStyles;
    b.sheets = {{"List 2",
                 "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c><c r=\"B1\" t=\"s\"><v>-1</v></c><c r=\"C1\"><v>abc</v></c>"
                 "<c r=\"D1\" t=\"b\"><v>yes</v></c><c r=\"E1\" t=\"zz\"><v>1</v></c><c r=\"F1\" s=\"1\"><v>60</v></c>"
                 "<c r=\"G1\" t=\"d\"><v>tomorrow</v></c><c r=\"H1\"><v>nan</v></c><c r=\"I1\" s=\"99\"><v>3</v></c></row>"
                 "<row r=\"x\"><c r=\"1A\"><v>1</v></c><c r=\"XFE2\"><v>1</v></c><c r=\"B2\"><v>2</v></c></row>"
                 "<row r=\"3\"><c r=\"A3\"><v>1</v></c><c r=\"A3\"><v>2</v></c></row>"}};
    auto wb = open(b);
    XlsxSheet s = wb.sheet("List 2");
    auto rows = rows_of(s);
    BOOST_TEST_REQUIRE(rows.size() == 3u);
    const auto& c = rows[0].cells;
    BOOST_TEST_REQUIRE(c.size() == 9u);
    for (std::size_t i : {0, 1, 2, 3, 4, 6, 7}) BOOST_TEST((c[i].type == CellType::empty), "cell " << i);
    BOOST_TEST((c[5].type == CellType::date));  // serial 60: a date cell without a day
    BOOST_TEST(!c[5].date);
    BOOST_TEST((c[8].type == CellType::number));  // a style that does not exist: not a date
    BOOST_TEST(rows[1].number == 2);               // a bad row number: the one after the last
    BOOST_TEST(rows[1].cells.size() == 2u);
    BOOST_TEST(rows[2].cells[0].number == 1.0);   // the first of two A3s is kept

    std::vector<std::string> where;
    for (const auto& i : s.issues()) {
        where.push_back(i.where());
        BOOST_TEST((i.severity == Severity::error));
    }
    BOOST_TEST(where == (std::vector<std::string>{"test.xlsx:List 2!A1", "test.xlsx:List 2!B1", "test.xlsx:List 2!C1",
                                                  "test.xlsx:List 2!D1", "test.xlsx:List 2!E1", "test.xlsx:List 2!F1",
                                                  "test.xlsx:List 2!G1", "test.xlsx:List 2!H1", "test.xlsx:List 2!2:2",
                                                  "test.xlsx:List 2!1A", "test.xlsx:List 2!XFE2", "test.xlsx:List 2!A3"}));
    BOOST_TEST(s.issues()[0].message == "shared string 1 does not exist (the workbook has 1); the cell is read as empty");
    BOOST_TEST(s.issues()[0].column == 1);
    BOOST_TEST(s.issues()[5].message == "date serial 60 is not a calendar day");
}

BOOST_AUTO_TEST_CASE(missing_and_damaged_parts) {
    Parts good = parts_of(typical());
    // A missing sheet part: the workbook opens, the sheet does not.
    auto wb = XlsxWorkbook::open_buffer(make_zip(without(good, "xl/worksheets/sheet2.xml")), {"m.xlsx"});
    BOOST_TEST(wb.sheet_names().size() == 2u);
    BOOST_CHECK_NO_THROW(wb.sheet("List 1"));
    expect_error([&] { wb.sheet("Second"); }, Status::parse, "m.xlsx: part xl/worksheets/sheet2.xml is missing");
    expect_error([&] { XlsxWorkbook::open_buffer(make_zip(without(good, "xl/workbook.xml")), {"m.xlsx"}); }, Status::parse,
                 "m.xlsx: part xl/workbook.xml is missing");
    expect_error([&] { XlsxWorkbook::open_buffer(make_zip(without(good, "_rels/.rels")), {"m.xlsx"}); }, Status::parse,
                 "m.xlsx: part _rels/.rels is missing (not an XLSX workbook?)");
    // Shared strings are needed by every sheet once one is read.
    auto no_strings = XlsxWorkbook::open_buffer(make_zip(without(good, "xl/sharedStrings.xml")), {"m.xlsx"});
    expect_error([&] { no_strings.sheet("Second"); }, Status::parse, "part xl/sharedStrings.xml is missing");

    Parts bad_xml = good;
    for (auto& [name, data] : bad_xml)
        if (name == "xl/worksheets/sheet1.xml") data = "<worksheet><sheetData><row></sheetData></worksheet>";
    auto wb2 = XlsxWorkbook::open_buffer(make_zip(bad_xml), {"m.xlsx"});
    expect_error([&] { wb2.sheet("List 1"); }, Status::parse, "m.xlsx:xl/worksheets/sheet1.xml:1:");
    expect_error([&] { wb2.sheet("List 1"); }, Status::parse, "not well-formed XML");

    Parts doctype = good;
    for (auto& [name, data] : doctype)
        if (name == "xl/workbook.xml") data = "<!DOCTYPE w [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + data;
    expect_error([&] { XlsxWorkbook::open_buffer(make_zip(doctype), {"m.xlsx"}); }, Status::parse,
                 "m.xlsx:xl/workbook.xml:1:1: a DOCTYPE");

    Parts latin1 = good;
    for (auto& [name, data] : latin1)
        if (name == "xl/sharedStrings.xml") data.replace(data.find("caf\xC3\xA9"), 5, "caf\xE9");
    auto wb3 = XlsxWorkbook::open_buffer(make_zip(latin1), {"m.xlsx"});
    expect_error([&] { wb3.sheet("List 1"); }, Status::parse, "m.xlsx:xl/sharedStrings.xml:1:");
    expect_error([&] { wb3.sheet("List 1"); }, Status::parse, "text is not valid UTF-8");

    Parts nul = good;
    for (auto& [name, data] : nul)
        if (name == "xl/worksheets/sheet2.xml") data.insert(data.find("<sheetData>"), 1, '\0');
    auto wb4 = XlsxWorkbook::open_buffer(make_zip(nul), {"m.xlsx"});
    expect_error([&] { wb4.sheet("Second"); }, Status::parse, "m.xlsx:xl/worksheets/sheet2.xml:2:");
    expect_error([&] { wb4.sheet("Second"); }, Status::parse, "a NUL byte");

    Parts no_id = good;
    for (auto& [name, data] : no_id)
        if (name == "xl/workbook.xml") data.replace(data.find("r:id=\"rId2\""), 11, "r:id=\"rId9\"");
    expect_error([&] { XlsxWorkbook::open_buffer(make_zip(no_id), {"m.xlsx"}); }, Status::parse,
                 "m.xlsx:xl/_rels/workbook.xml.rels: no relationship rId9 for sheet Second");
}

BOOST_AUTO_TEST_CASE(not_a_zip_and_truncated_zips) {
    expect_error([] { XlsxWorkbook::open_buffer("", {"e.xlsx"}); }, Status::parse, "e.xlsx: an empty zip");
    // A zip of nothing: its end-of-central-directory record alone.
    const std::string empty_zip = std::string("PK\x05\x06") + std::string(18, '\0');
    expect_error([&] { XlsxWorkbook::open_buffer(empty_zip, {"e.xlsx"}); }, Status::parse, "e.xlsx: an empty zip");
    expect_error([] { XlsxWorkbook::open_buffer("PK\x03\x04 this is not really a zip", {"e.xlsx"}); }, Status::parse,
                 "e.xlsx: not a readable zip");
    expect_error([] { XlsxWorkbook::open_buffer("<worksheet/>"); }, Status::parse, "<workbook>: not a readable zip");
    const std::string bytes = make_zip(parts_of(typical()));
    for (std::size_t n = 0; n < bytes.size(); n += 37) {
        try {
            XlsxWorkbook::open_buffer(bytes.substr(0, n), {"cut.xlsx"});
            BOOST_ERROR("a zip cut at " << n << " of " << bytes.size() << " bytes opened");
        } catch (const Error& e) {
            BOOST_TEST(std::string(e.what()).find("cut.xlsx") == 0u, e.what());
        }
    }
}

BOOST_AUTO_TEST_CASE(every_damaged_byte_is_an_error_or_harmless) {
    // Flip each byte of a small workbook in turn and read everything: the
    // result is a workbook or an oversight::Error, never a crash or a
    // foreign exception (run under ASan+UBSan too).
    const std::string bytes = make_zip(parts_of(typical()));
    std::size_t errors = 0, opened = 0;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        std::string damaged = bytes;
        damaged[i] = static_cast<char>(damaged[i] ^ 0x5A);
        try {
            auto wb = XlsxWorkbook::open_buffer(damaged, {"flip.xlsx"});
            for (std::size_t k = 0; k < wb.sheet_names().size(); ++k) {
                XlsxSheet s = wb.sheet(k);
                XlsxRow row;
                while (s.next(row)) {
                }
            }
            ++opened;
        } catch (const Error& e) {
            ++errors;
            BOOST_TEST(std::string(e.what()).find("flip.xlsx") == 0u, e.what());
        }
    }
    BOOST_TEST(errors > 0u);
    BOOST_TEST_MESSAGE("flipped bytes: " << errors << " errors, " << opened << " harmless");
}

// A row holds every column up to its last cell, so a few bytes can ask for
// 16384 cells: a sheet's cells are counted against max_cells.
BOOST_AUTO_TEST_CASE(cells_are_counted_against_max_cells) {
    Book b;
    std::string rows;
    for (int r = 1; r <= 70; ++r) rows += "<row><c r=\"XFD" + std::to_string(r) + "\"><v>1</v></c></row>";
    b.sheets = {{"Wide", rows}};
    XlsxOptions o;
    o.file = "wide.xlsx";
    o.max_cells = 16384 * 64;
    auto wb = open(b, o);
    XlsxSheet s = wb.sheet(std::size_t{0});
    XlsxRow row;
    for (int r = 1; r <= 64; ++r) {
        BOOST_TEST_REQUIRE(s.next(row));
        BOOST_TEST(row.cells.size() == 16384u);
    }
    expect_error([&] { s.next(row); }, Status::parse,
                 "wide.xlsx:xl/worksheets/sheet1.xml: row 65 takes sheet Wide past 1048576 cells");
    expect_error([&] { s.next(row); }, Status::parse, "row 65 takes sheet Wide");  // and again
    // The default allows 2^24 cells: these 70 rows read.
    auto all = open(b);
    XlsxSheet t = all.sheet(std::size_t{0});
    BOOST_TEST(rows_of(t).size() == 70u);
}

BOOST_AUTO_TEST_CASE(zip_bombs_and_absurd_archives) {
    Book b = typical();
    std::string big;
    for (int r = 1; r <= 60000; ++r) big += "<row><c><v>0</v></c></row>";
    b.sheets[1].second = big;  // 1.6 MB, compressing to a few KB
    const std::string bytes = make_zip(parts_of(b));
    BOOST_TEST(bytes.size() < 20000u);
    XlsxOptions o;
    o.file = "bomb.xlsx";
    o.max_part_bytes = 1 << 20;
    auto wb = XlsxWorkbook::open_buffer(bytes, o);
    expect_error([&] { wb.sheet("Second"); }, Status::parse,
                 "bomb.xlsx:xl/worksheets/sheet2.xml: larger than 1048576 bytes uncompressed");
    BOOST_CHECK_NO_THROW(wb.sheet("List 1"));

    // The same part with its sizes in the zip headers patched to claim 100
    // bytes: the limit holds while reading, whatever the headers say.
    std::string lying = bytes;
    const std::string name = "xl/worksheets/sheet2.xml";
    std::uint32_t real = 0;
    for (std::size_t p = 0; (p = lying.find(name, p)) != std::string::npos; p += name.size()) {
        auto le32 = [&](std::size_t at) {
            return static_cast<std::uint32_t>(static_cast<unsigned char>(lying[at])) |
                   static_cast<std::uint32_t>(static_cast<unsigned char>(lying[at + 1])) << 8 |
                   static_cast<std::uint32_t>(static_cast<unsigned char>(lying[at + 2])) << 16 |
                   static_cast<std::uint32_t>(static_cast<unsigned char>(lying[at + 3])) << 24;
        };
        // Local header: name at 30, size at 22; central header: name at 46, size at 24.
        std::size_t size_at = 0;
        if (p >= 30 && le32(p - 30) == 0x04034b50) size_at = p - 30 + 22;
        if (p >= 46 && le32(p - 46) == 0x02014b50) size_at = p - 46 + 24;
        if (!size_at) continue;
        real = le32(size_at);
        lying[size_at] = 100;
        lying[size_at + 1] = lying[size_at + 2] = lying[size_at + 3] = 0;
    }
    BOOST_TEST(real > (1u << 20));
    try {
        auto liar = XlsxWorkbook::open_buffer(lying, o);
        liar.sheet("Second");
        BOOST_ERROR("a part claiming 100 bytes and holding " << real << " was read");
    } catch (const Error& e) {
        BOOST_TEST(std::string(e.what()).find("bomb.xlsx") == 0u, e.what());
        BOOST_TEST_MESSAGE("lying sizes: " << e.what());
    }

    Parts many = parts_of(typical());
    for (int i = 0; i < 30; ++i) many.emplace_back("junk/" + std::to_string(i), "x");
    XlsxOptions few;
    few.file = "many.xlsx";
    few.max_entries = 20;
    expect_error([&] { XlsxWorkbook::open_buffer(make_zip(many), few); }, Status::parse,
                 "many.xlsx: the zip holds 38 files, more than the 20 allowed");
}

BOOST_AUTO_TEST_CASE(stored_parts_and_files_on_disk) {
    const std::string path = (std::filesystem::temp_directory_path() / "oversight-readers-stored.xlsx").string();
    {
        std::ofstream out(path, std::ios::binary);
        out << make_zip(parts_of(typical()), ZIP_CM_STORE);
    }
    auto wb = XlsxWorkbook::open_file(path);
    BOOST_TEST(wb.file() == path);
    XlsxSheet s = wb.sheet("Second");
    XlsxRow row;
    BOOST_TEST_REQUIRE(s.next(row));
    BOOST_TEST(row.cells[0].text == "caf\xC3\xA9");
    std::filesystem::remove(path);

    expect_error([] { XlsxWorkbook::open_file("/nonexistent/Annex_A.xlsx"); }, Status::io, "cannot read /nonexistent/Annex_A.xlsx");
    expect_error([] { XlsxWorkbook::open_file(std::filesystem::temp_directory_path().string()); }, Status::io, "a folder");
    const std::string text = (std::filesystem::temp_directory_path() / "oversight-readers-not.xlsx").string();
    {
        std::ofstream out(text);
        out << "CHILD,DECOM\n";
    }
    XlsxOptions o;
    o.file = "not.xlsx";
    expect_error([&] { XlsxWorkbook::open_file(text, o); }, Status::parse, "not.xlsx: not a readable zip (XLSX) file");
    std::filesystem::remove(text);
}

BOOST_AUTO_TEST_CASE(real_annex_a) {
    const std::string path = kShared + "/data/annex_a/Annex_A.xlsx";
    if (!std::filesystem::exists(path)) {
        BOOST_TEST_MESSAGE("skipped: " << path << " is absent");
        return;
    }
    XlsxOptions o;
    o.file = "Annex_A.xlsx";
    auto wb = XlsxWorkbook::open_file(path, o);
    std::vector<std::string> names;
    for (int i = 1; i <= 11; ++i) names.push_back("List " + std::to_string(i));
    BOOST_TEST(wb.sheet_names() == names);
    BOOST_TEST(!wb.date1904());

    XlsxSheet list1 = wb.sheet("List 1");
    auto rows = rows_of(list1);
    BOOST_TEST_REQUIRE(rows.size() == 6u);
    const auto& h = rows[0].cells;
    BOOST_TEST_REQUIRE(h.size() == 7u);
    BOOST_TEST(h[0].text == "Child Unique ID");
    BOOST_TEST(h[1].text == "Gender");
    BOOST_TEST(h[3].text == "Date of Birth");
    BOOST_TEST(h[6].text == "Contact Source");
    const auto& r2 = rows[1].cells;
    BOOST_TEST((r2[0].type == CellType::number));
    BOOST_TEST(r2[0].text == "9212044");
    BOOST_TEST(r2[1].text == "Female");
    BOOST_TEST(r2[2].text == "a) WBRI");
    BOOST_TEST((r2[3].type == CellType::date));
    BOOST_TEST((r2[3].date == Date::from_ymd(2015, 1, 25)));
    BOOST_TEST(std::abs(r2[4].number - 6.1382614647501708) < 1e-12);
    BOOST_TEST((r2[5].date == Date::from_ymd(2020, 9, 16)));
    BOOST_TEST(r2[6].text == "q) 6: Police");
    BOOST_TEST((rows[2].cells[3].type == CellType::empty));  // D3: a styled blank date of birth
    BOOST_TEST(rows[2].cells[3].ref == "D3");

    // Every sheet: rows and cells with a value, as counted from the XML with
    // Python's zipfile and ElementTree; no issues anywhere.
    const std::vector<std::size_t> expect_rows = {6, 6, 7, 6, 6, 6, 8, 6, 7, 6, 6};
    const std::vector<std::size_t> expect_values = {41, 48, 77, 72, 82, 74, 132, 170, 91, 83, 106};
    std::size_t dates = 0, errors = 0;
    for (std::size_t i = 0; i < names.size(); ++i) {
        XlsxSheet s = wb.sheet(names[i]);
        auto all = rows_of(s);
        std::size_t values = 0;
        for (const auto& r : all)
            for (const auto& c : r.cells) {
                values += c.type != CellType::empty;
                dates += c.type == CellType::date;
                errors += c.type == CellType::error;
            }
        BOOST_TEST(all.size() == expect_rows[i], names[i]);
        BOOST_TEST(values == expect_values[i], names[i]);
        BOOST_TEST(s.issues().empty(), names[i]);
    }
    BOOST_TEST(errors == 10u);  // List 6, M2:N6: #N/A
    BOOST_TEST(dates == 249u);  // numbers styled with xf 2, 3, 10 (format 14), 12 and 13 (dd/mm/yyyy;@)
    BOOST_TEST_MESSAGE("Annex A: " << names.size() << " sheets, " << dates << " date cells, " << errors << " #N/A");
}

BOOST_AUTO_TEST_SUITE_END()
