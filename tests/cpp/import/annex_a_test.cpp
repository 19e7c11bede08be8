// The Annex A reader: our fictional workbooks (tests/data/annex_a_sample,
// written by make_annex_a.py there), damaged input, and the real-format
// workbook in shared/data/annex_a with counts from a plain reading.
#include <boost/test/unit_test.hpp>

#include <oversight/core/error.hpp>
#include <oversight/import/annex_a.hpp>
#include <oversight/import/xlsx_reader.hpp>

#include "support/shared_data.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace oversight;

namespace {

using oversight::test::needs_shared;
using oversight::test::shared_path;

const std::string kSample = OVERSIGHT_TEST_DATA_DIR "/annex_a_sample";
const char* const kReal = "data/annex_a/Annex_A.xlsx";

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    BOOST_REQUIRE_MESSAGE(in, "cannot read " << path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void dump(const AnnexAData& d) {
    for (const ImportIssue& i : d.summary.issues)
        BOOST_TEST_MESSAGE(to_string(i.severity) << " " << i.where() << ": " << i.message);
}

// "child type date k=v ..." for every event, in order.
std::vector<std::string> events_of(const AnnexAData& d) {
    std::vector<std::string> out;
    for (const AnnexAEvent& e : d.events) {
        std::string s = e.child_id + " " + e.event.type + " " + e.event.date.iso();
        for (const auto& [k, v] : e.event.attributes) s += " " + k + "=" + v;
        out.push_back(s + " @" + e.place.cell);
    }
    return out;
}

std::vector<std::string> attributes_of(const AnnexAData& d) {
    std::vector<std::string> out;
    for (const AnnexAAttribute& a : d.attributes)
        out.push_back(a.child_id + " " + a.key + "=" + a.value + " from " +
                      (a.effective_from ? a.effective_from->iso() : "-") + " @" + a.place.cell);
    return out;
}

std::vector<std::string> allocations_of(const AnnexAData& d) {
    std::vector<std::string> out;
    for (const AnnexAAllocation& a : d.allocations)
        out.push_back(a.child_id + " [" + a.team + "] [" + a.worker + "] from " + (a.from ? a.from->iso() : "-") +
                      " @" + a.place.cell);
    return out;
}

AnnexAWorkbook workbook(std::string name, std::string bytes) {
    AnnexAWorkbook w;
    w.name = std::move(name);
    w.bytes = std::move(bytes);
    return w;
}

bool refused(const AnnexAWorkbook& w, Status code, const std::string& part) {
    try {
        read_annex_a(w);
    } catch (const Error& e) {
        BOOST_TEST_MESSAGE("refused: " << e.what());
        return e.code() == code && std::string(e.what()).find(part) != std::string::npos;
    }
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(annex_a)

BOOST_AUTO_TEST_CASE(the_sample_workbook_maps_into_casework) {
    const std::string path = kSample + "/sample.xlsx";
    const AnnexAData d = read_annex_a(path);
    dump(d);
    BOOST_TEST(d.summary.importer == "annex-a");
    BOOST_TEST(d.summary.source == path);
    BOOST_TEST(d.summary.issues.empty());
    const std::vector<std::pair<std::string, std::int64_t>> counts = {
        {"list_1_rows", 2}, {"list_2_rows", 1}, {"list_3_rows", 2}, {"list_4_rows", 1}, {"list_5_rows", 1},
        {"list_6_rows", 1}, {"list_7_rows", 1}, {"list_8_rows", 2}, {"list_9_rows", 1}, {"list_10_rows", 1},
        {"list_11_rows", 2}, {"children", 9}, {"events", 15}, {"attributes", 11}, {"allocations", 9}};
    BOOST_TEST((d.summary.counts == counts));

    // Children in order of first appearance; dates of birth from date cells,
    // and from ISO text (C007); none given for C009. Adopters are not children.
    std::vector<std::string> children;
    for (const Child& c : d.children)
        children.push_back(c.id + " " + (c.date_of_birth ? c.date_of_birth->iso() : "-"));
    const std::vector<std::string> expected_children = {
        "C001 2015-03-02", "C009 -", "C002 2019-07-15", "C003 2012-10-30", "C004 2021-05-05",
        "C005 2010-02-02", "C006 2011-04-04", "C007 2009-09-09", "C008 2005-01-20"};
    BOOST_TEST(children == expected_children, boost::test_tools::per_element());

    // List 3 has a title above its header; List 8's columns are in another
    // order, headed in other case and spacing; its visit is a text date and
    // C007's placement an Excel serial in a General cell. The ICPC of List 5
    // and the plan start of List 7 are one event, at the first place.
    const std::vector<std::string> events = {
        "C001 referral 2024-01-12 nfa=no source=1B: Individual @List 3!F4",
        "C003 referral 2024-02-01 nfa=yes source=6: Police @List 3!F5",
        "C001 assessment_completed 2024-02-20 child_seen=yes outcome=Yes @List 4!I2",
        "C004 s47_strategy_discussion 2024-03-01 icpc_unnecessary=no @List 5!G2",
        "C004 icpc 2024-03-14 @List 5!I2",
        "C004 visit 2024-04-02 @List 7!J2",
        "C004 cp_review 2024-06-10 @List 7!L2",
        "C006 became_looked_after 2023-06-01 @List 8!C2",
        "C006 placement_start 2023-06-01 placement_type=U6 @List 8!K2",
        "C006 review 2023-08-20 @List 8!F2",
        "C006 visit 2024-01-15 @List 8!G2",
        "C006 health_assessment 2023-07-01 @List 8!H2",
        "C007 became_looked_after 2022-01-10 @List 8!C3",
        "C007 placement_start 2022-01-10 placement_type=U1 @List 8!K3",
        "C007 ceased_looked_after 2023-12-31 reason=E47 @List 8!I3"};
    BOOST_TEST(events_of(d) == events, boost::test_tools::per_element());
    const std::vector<std::string> attributes = {
        "C005 primary_need=N1 from 2023-11-01 @List 6!H2",
        "C005 cin_case_status=Child in need plan from 2023-11-01 @List 6!L2",
        "C004 cp_category=Neglect from 2024-03-14 @List 7!I2",
        "C006 placement_type=U6 from 2023-06-01 @List 8!L2",
        "C006 legal_status=C2 from 2023-09-01 @List 8!D2",
        "C007 placement_type=U1 from 2022-01-10 @List 8!L3",
        "C007 legal_status=C1 from 2022-01-10 @List 8!D3",  // no legal status date: from the start of care
        "C008 leaving_care_eligibility=Former relevant child from - @List 9!I2",
        "C008 accommodation=U from - @List 9!K2",
        "C008 accommodation_suitable=Suitable from - @List 9!L2",
        "C008 activity=F1 from - @List 9!M2"};
    BOOST_TEST(attributes_of(d) == attributes, boost::test_tools::per_element());
    // Names with a no-break space or runs of spaces are folded.
    const std::vector<std::string> allocations = {
        "C001 [Duty Team A] [Alex Fictional] from 2024-01-12 @List 3!K4",
        "C003 [Duty Team A] [Sam Example] from 2024-02-01 @List 3!K5",
        "C001 [Assessment Team] [Alex Fictional] from 2024-01-12 @List 4!L2",
        "C004 [Child Protection Team] [Jo Sample] from 2024-03-01 @List 5!L2",
        "C005 [CIN Team] [Lee Test] from 2023-11-01 @List 6!N2",
        "C004 [Child Protection Team] [Jo Sample] from 2024-03-14 @List 7!O2",
        "C006 [Children in Care Team] [Pat Demo] from 2023-06-01 @List 8!A2",
        "C007 [Children in Care Team] [Pat Demo] from 2022-01-10 @List 8!A3",
        "C008 [Leaving Care Team] [Robin Model] from - @List 9!H2"};
    BOOST_TEST(allocations_of(d) == allocations, boost::test_tools::per_element());
    const AnnexAAllocation& a = d.allocations.front();
    BOOST_TEST(a.place.list == 3);
    BOOST_TEST(a.place.sheet == "List 3");
    BOOST_TEST(a.place.row == 4);

    // The same bytes from memory.
    const AnnexAData m = read_annex_a(workbook("Annex_A.xlsx", slurp(path)));
    BOOST_TEST(m.summary.source == "");
    BOOST_TEST(events_of(m) == events, boost::test_tools::per_element());
}

// Every problem of bad.xlsx, in workbook order, with its place and whether
// the value was used (warning, note) or not (error).
BOOST_AUTO_TEST_CASE(bad_cells_missing_sheets_and_columns_become_issues) {
    const std::string path = kSample + "/bad.xlsx";
    const AnnexAData d = read_annex_a(path);
    dump(d);
    struct Expected {
        std::string where;
        Severity severity;
        std::string text;
    };
    const std::vector<Expected> expected = {
        {"list 3 (copy)", Severity::warning, "another sheet for List 3 (\"List 3\" is read); not read"},
        {"List 1", Severity::error, "required column \"Date of Contact\" missing (header row 1); sheet not read"},
        {"List 2", Severity::error, "no header row with \"Child Unique ID\" in the first 20 rows; sheet not read"},
        {"List 3!A2 (Child Unique ID)", Severity::error, "Child Unique ID is empty; row not used"},
        {"List 3!F3 (Date of Referral)", Severity::error, "Date of Referral \"next Tuesday\" is not a date; row not used"},
        {"List 3!F4 (Date of Referral)", Severity::error, "Date of Referral 2199-01-01 is in the future; row not used"},
        {"List 3!H5 (Referral NFA?)", Severity::warning, "Referral NFA? \"maybe\" is not yes or no; kept as written"},
        {"List 3!J5 (Allocated Team)", Severity::error, "Allocated Team is the Excel error #N/A; not used"},
        {"List 3!K5 (Allocated Worker)", Severity::error, "Allocated Worker is the Excel error #N/A; not used"},
        {"List 3!D6 (Date of Birth)", Severity::warning,
         "Date of Birth 2016-03-03 differs from 2016-02-02 (List 3!D5); the first is kept"},
        {"List 3!J6 (Allocated Team)", Severity::warning,
         "Allocated Team \"Duty Team B\" is given without Allocated Worker; no allocation"},
        {"", Severity::note, "the workbook has no sheet List 4 (assessments); nothing read for it"},
        {"List 5", Severity::note,
         "column \"Was an Initial Child Protection Conference deemed unnecessary?\", \"Date of Initial Child "
         "Protection Conference\", \"Allocated Team\", \"Allocated Worker\" not found (header row 1); not read"},
        {"", Severity::note, "the workbook has no sheet List 6 (children in need)"},
        {"List 7!G2 (Child Protection Plan Start Date)", Severity::warning,
         "icpc dated 2024-03-14 is before the child's Date of Birth 2024-05-01 (before birth)"},
        {"List 7!M2 (Child Protection Plan End Date)", Severity::error,
         "Child Protection Plan End Date 2024-03-01 is before the plan's start 2024-03-14; not used"},
        {"List 8!C2 (date started to be looked after)", Severity::error,
         "became_looked_after dated 2019-01-01 is before the child's Date of Birth 2020-01-01; not recorded"},
        {"List 8!L2 (Placement Type)", Severity::warning, "Placement Type \"Foster care\" has no code before \":\"; kept whole"},
        {"List 8!D2 (Child's Legal Status)", Severity::warning, "\"Full care order\" has no code before \":\""},
        {"List 8!G2 (Date of Last Social Work Visit)", Severity::error,
         "Date of Last Social Work Visit 1850-01-01 is outside 1900..2199; not used"},
        {"List 9", Severity::note, "\"Eligibility Category\", \"Type of Accommodation\""},
        {"List 9!B2 (Allocated Team)", Severity::warning, "given without Allocated Worker; no allocation"},
        {"", Severity::note, "no sheet List 10 (adoption)"},
        {"", Severity::note, "no sheet List 11 (adopters)"},
    };
    const auto& issues = d.summary.issues;
    BOOST_TEST_REQUIRE(issues.size() == expected.size());
    for (std::size_t k = 0; k < issues.size(); ++k) {
        BOOST_TEST_CONTEXT("issue " << k << ": " << issues[k].where() << ": " << issues[k].message) {
            BOOST_TEST(issues[k].where() == path + (expected[k].where.empty() ? "" : ":" + expected[k].where));
            BOOST_TEST((issues[k].severity == expected[k].severity));
            BOOST_TEST(issues[k].message.find(expected[k].text) != std::string::npos);
        }
    }
    // What was still read: the rows and values not named above.
    const std::vector<std::string> events = {
        "C105 referral 2024-01-15 nfa=maybe source=1B: Individual @List 3!F5",
        "C105 referral 2024-02-15 nfa=no @List 3!F6",
        "C106 s47_strategy_discussion 2024-03-01 @List 5!C2",
        "C107 icpc 2024-03-14 @List 7!G2",
        "C108 placement_start 2023-06-01 placement_type=Foster care @List 8!K2"};
    BOOST_TEST(events_of(d) == events, boost::test_tools::per_element());
    const std::vector<std::string> allocations = {"C107 [CP Team] [Jo Sample] from 2024-03-14 @List 7!O2",
                                                  "C108 [Children in Care Team] [Pat Demo] from 2019-01-01 @List 8!A2"};
    BOOST_TEST(allocations_of(d) == allocations, boost::test_tools::per_element());
    BOOST_TEST(d.summary.count("list_3_rows") == 5);  // every row under the header, used or not
    BOOST_TEST(d.summary.count("list_1_rows") == 0);  // the sheet was not read
}

// A file that is not an Annex A workbook is refused, naming it; a damaged
// sheet is an error at the sheet, and the other sheets are still read.
BOOST_AUTO_TEST_CASE(damaged_workbooks) {
    const std::string good = slurp(kSample + "/sample.xlsx");
    BOOST_TEST(refused(workbook("cut.xlsx", good.substr(0, good.size() / 2)), Status::parse, "cut.xlsx"));
    // NUL bytes inside a compressed sheet: the sheet's data fails its CRC; an
    // error at that sheet, the others read.
    std::string nul = good;
    nul[nul.size() / 3] = '\0';
    nul[nul.size() / 3 + 1] = '\0';
    const AnnexAData n = read_annex_a(workbook("nul.xlsx", nul));
    dump(n);
    BOOST_TEST_REQUIRE(n.summary.errors() == 1u);
    const ImportIssue& crc = n.summary.issues.front();
    BOOST_TEST(crc.path.rfind("List ", 0) == 0u, crc.where());
    BOOST_TEST(crc.message.find("damaged") != std::string::npos, crc.message);
    BOOST_TEST(!n.children.empty());
    BOOST_TEST(refused(workbook("text.xlsx", "Child Unique ID,Date of Contact\nC1,01/01/2024\n"), Status::parse,
                       "text.xlsx: not a readable zip (XLSX) file"));
    BOOST_TEST(refused(workbook("none.xlsx", slurp(kSample + "/no-lists.xlsx")), Status::parse,
                       "none.xlsx: no Annex A list (a sheet \"List 1\" .. \"List 11\"); sheets: \"Sheet1\""));
    BOOST_CHECK_EXCEPTION(read_annex_a(kSample + "/nope.xlsx"), Error,
                          [](const Error& e) { return e.code() == Status::io; });

    // A byte that is not UTF-8 in List 1: that sheet is an error, the rest (none here) is read.
    const AnnexAData u = read_annex_a(workbook("utf8.xlsx", slurp(kSample + "/invalid-utf8.xlsx")));
    dump(u);
    BOOST_TEST(u.children.empty());
    BOOST_TEST_REQUIRE(u.summary.errors() == 1u);
    const ImportIssue& e = u.summary.issues.front();
    BOOST_TEST(e.where() == "utf8.xlsx:List 1");
    BOOST_TEST(e.message.find("UTF-8") != std::string::npos, e.message);
    BOOST_TEST(e.message.find("the rest of the sheet is not read") != std::string::npos, e.message);
}

// The real-format workbook (liia-tools' synthetic sample) against a plain
// reading done once with Python's zipfile and ElementTree (the script is
// tests/data/annex_a_sample/plain_reading.py): rows under the header
// 5, 5, 6, 5, 5, 5, 7, 5, 6, 5, 5 in lists 1..11; 48 distinct children in
// lists 1..10; 69 distinct (child, type, date) events by the mapping of
// annex_a.hpp, of which one (List 8, 2529037, looked after from 2010, born
// 2018) falls before the child's first-given date of birth and two CP plans
// (List 7) are pre-birth; 48 non-empty attribute cells; 34 rows of lists
// 3..9 with an allocated worker, and 10 #N/A cells (List 6's team and
// worker); 5 dates of birth in List 10 that differ from List 9's. So 68
// events, 11 errors, 7 warnings, no notes. The row counts are also taken
// here from the XLSX reader directly, so a change in the workbook shows.
BOOST_AUTO_TEST_CASE(real_workbook_counts_match_a_plain_reading, *boost::unit_test::precondition(needs_shared(kReal))) {
    const std::string path = shared_path(kReal);
    const std::vector<std::int64_t> plain_rows = {5, 5, 6, 5, 5, 5, 7, 5, 6, 5, 5};
    XlsxWorkbook wb = XlsxWorkbook::open_file(path);
    for (int n = 1; n <= 11; ++n) {
        XlsxSheet s = wb.sheet("List " + std::to_string(n));
        XlsxRow row;
        std::int64_t rows = 0;
        while (s.next(row))
            rows += row.number > 1 && std::any_of(row.cells.begin(), row.cells.end(), [](const XlsxCell& c) {
                        return c.type != CellType::empty;
                    });
        BOOST_TEST(rows == plain_rows[static_cast<std::size_t>(n - 1)], "List " << n);
    }

    const AnnexAData d = read_annex_a(path);
    dump(d);
    for (int n = 1; n <= 11; ++n)
        BOOST_TEST(d.summary.count("list_" + std::to_string(n) + "_rows") == plain_rows[static_cast<std::size_t>(n - 1)]);
    BOOST_TEST(d.children.size() == 48u);
    BOOST_TEST(d.events.size() == 68u);
    BOOST_TEST(d.attributes.size() == 48u);
    BOOST_TEST(d.allocations.size() == 34u);
    BOOST_TEST(d.summary.count("events") == 68);
    BOOST_TEST(d.summary.errors() == 11u);
    BOOST_TEST(d.summary.warnings() == 7u);
    BOOST_TEST(d.summary.issues.size() == 18u);
    std::map<std::string, std::size_t> types;
    for (const AnnexAEvent& e : d.events) ++types[e.event.type];
    const std::map<std::string, std::size_t> plain_types = {
        {"assessment_completed", 5}, {"became_looked_after", 4}, {"ceased_looked_after", 1}, {"cp_plan_ended", 5},
        {"cp_review", 5},           {"health_assessment", 5},   {"icpc", 10},              {"placement_start", 5},
        {"referral", 6},            {"review", 5},              {"s47_strategy_discussion", 5}, {"visit", 12}};
    BOOST_TEST((types == plain_types));
    for (const AnnexAAllocation& a : d.allocations) {
        BOOST_TEST(!a.worker.empty());
        BOOST_TEST(a.worker.find("\xC2\xA0") == std::string::npos, a.worker);  // the workbook's no-break spaces folded
        BOOST_TEST((a.from.has_value() == (a.place.list != 9)));
    }
}

BOOST_AUTO_TEST_SUITE_END()
