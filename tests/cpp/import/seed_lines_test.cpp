// The seed importer's reading stage on its own: lines, cells and shapes.
#include <boost/test/unit_test.hpp>

#include <oversight/core/error.hpp>

#include "import/seed_lines.hpp"

#include <string>
#include <vector>

using namespace oversight;
using namespace oversight::detail::seed;

BOOST_AUTO_TEST_SUITE(seed_lines)

BOOST_AUTO_TEST_CASE(each_line_is_split_into_eight_cells_and_given_a_shape) {
    SeedIssues issues("plan.txt");
    const std::vector<Line> lines = read_lines(
        "\xEF\xBB\xBF"
        "No.\tRec.\tAction\tProgress\tImpact\tWhat do we still need to do\tCost\tLead person responsible\r\n"
        "\tCHILDREN   LOOKED AFTER\r"
        "Within three months\n"
        "\n"
        "1 Ensure visits\n"
        "\t1.1\tVisit\tDone\n"
        "\t\t\t\t\tMore\t\tAnn Lee\textra\n"
        "\t\t2.1\n"
        "Within six months 9 There are\tstaff",
        issues);
    BOOST_TEST_REQUIRE(lines.size() == 9u);
    const Shape shapes[] = {Shape::header,     Shape::section,      Shape::timescale,
                            Shape::blank,      Shape::numbered_rec, Shape::action_ref,
                            Shape::continuation, Shape::action_ref, Shape::numbered_rec};
    for (std::size_t i = 0; i < lines.size(); ++i) {
        BOOST_TEST(lines[i].number == static_cast<int>(i + 1));
        BOOST_TEST(lines[i].cells.size() == 8u);
        BOOST_TEST((lines[i].shape == shapes[i]), "line " << i + 1);
    }
    BOOST_TEST(lines[0].exact_header);
    BOOST_TEST(lines[1].cell(kRec) == "CHILDREN LOOKED AFTER");  // white space folded
    BOOST_TEST((lines[4].rec_number == 1));
    BOOST_TEST(lines[4].col0_text == "Ensure visits");
    BOOST_TEST(lines[5].ref == "1.1");
    BOOST_TEST(lines[6].extra == std::vector<std::string>{"extra"});
    BOOST_TEST(lines[7].ref_shifted);  // the reference printed in the Action column
    BOOST_TEST(lines[8].ts_printed == "Within six months");  // a timescale glued to a recommendation
    BOOST_TEST((lines[8].rec_number == 9));
    BOOST_TEST(lines[8].col0_text == "There are");
    BOOST_TEST(issues.take().empty());
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_replaced_on_its_line) {
    SeedIssues issues("");
    const std::vector<Line> lines = read_lines("a\tb\nc\xff\td\n", issues);
    BOOST_TEST_REQUIRE(lines.size() == 2u);
    BOOST_TEST(lines[1].cell(kNo) == "c\xEF\xBF\xBD");
    const std::vector<ImportIssue> found = issues.take();
    BOOST_TEST_REQUIRE(found.size() == 1u);
    BOOST_TEST(found[0].line == 2);
    BOOST_TEST((found[0].severity == Severity::warning));
    BOOST_TEST(found[0].message == "invalid UTF-8 at byte 2 of the line: replaced by U+FFFD");
}

BOOST_AUTO_TEST_CASE(the_first_line_that_is_not_blank_must_be_the_header) {
    SeedIssues named("plan.txt"), unnamed("");
    BOOST_CHECK_NO_THROW(require_table_header(read_lines("\n\nNo.\tRec.\tAction\tProgress\tImpact\tWhat do we still "
                                                         "need to do\tCost\tLead person\n", named),
                                              named));
    BOOST_CHECK_EXCEPTION(require_table_header(read_lines("\n1 Ensure\n", named), named), Error, [](const Error& e) {
        return e.code() == Status::parse && std::string(e.what()).rfind("plan.txt:2: not a plan table", 0) == 0;
    });
    BOOST_CHECK_EXCEPTION(require_table_header(read_lines("  \n", unnamed), unnamed), Error, [](const Error& e) {
        return std::string(e.what()) == "line 1: empty input: not a plan table (no header line)";
    });
}

BOOST_AUTO_TEST_SUITE_END()
