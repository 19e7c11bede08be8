// Reading a case system's extract of due dates (import/host_due_csv.hpp):
// the columns named, line numbers, and damaged files refused naming the
// place. What the rows are checked against: tests/cpp/compliance/host_due_test.cpp.
#include <boost/test/unit_test.hpp>

#include <oversight/core/error.hpp>
#include <oversight/import/host_due_csv.hpp>

#include <string>
#include <vector>

using namespace oversight;

namespace {

HostDueOptions named(const char* file) {
    HostDueOptions o;
    o.file = file;
    return o;
}

/// The message of the error reading `csv` throws, with its status checked.
std::string refusal(const std::string& csv, const HostDueOptions& o, Status status) {
    try {
        read_host_due_csv(csv, o);
    } catch (const Error& e) {
        BOOST_TEST((e.code() == status), e.what());
        return e.what();
    }
    BOOST_FAIL("accepted: " << csv.substr(0, 80));
    return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(host_due_csv)

BOOST_AUTO_TEST_CASE(rows_are_read_by_column_name_with_their_lines) {
    HostDueOptions o = named("lcs.csv");
    o.child_column = " Child ID ";  // trimmed, as header names are
    o.due_column = "Review due";
    o.rule_column = "Obligation";
    const std::string csv =
        "\xEF\xBB\xBF"  // a UTF-8 byte-order mark, as Excel writes
        "Worker,Child ID,Obligation,Review due\r\n"
        "Ann,C1,lac.review.first,03/02/2025\r\n"
        "\r\n"
        "   \r\n"  // a line of spaces: blank
        "\"Lee, Ann\",\" C2 \",\"reviews\",\"2025-\n02-04\"\r\n"  // quoted, a field over two lines
        "Bo,C3,visits\r\n";  // short: the due date is empty
    const std::vector<HostDueInput> rows = read_host_due_csv(csv, o);
    BOOST_REQUIRE(rows.size() == 3u);
    BOOST_TEST((rows[0] == HostDueInput{2, "C1", "lac.review.first", "03/02/2025"}));
    BOOST_TEST((rows[1] == HostDueInput{5, "C2", "reviews", "2025-\n02-04"}));
    BOOST_TEST((rows[2] == HostDueInput{7, "C3", "visits", ""}));

    // A fixed rule: the rule column is neither needed nor read.
    HostDueOptions fixed = named("visits.csv");
    fixed.rule = "visits";
    const auto just = read_host_due_csv("child,due\nC1,2025-01-01\n", fixed);
    BOOST_REQUIRE(just.size() == 1u);
    BOOST_TEST(just[0].rule.empty());
    BOOST_TEST(read_host_due_csv("child,due\n", fixed).empty());
}

BOOST_AUTO_TEST_CASE(damaged_extracts_are_refused_naming_the_place) {
    const HostDueOptions o = named("lcs.csv");
    BOOST_TEST(refusal("", o, Status::parse).find("lcs.csv:1: empty") != std::string::npos);
    BOOST_TEST(refusal("child,rule\nC1,visits\n", o, Status::parse).find("lcs.csv:1") != std::string::npos);
    BOOST_TEST(refusal("child,due,rule,due\n", o, Status::parse).find("appears twice") != std::string::npos);
    BOOST_TEST(refusal(std::string("child,due,rule\nC1,2025-01-01,vis\0its\n", 35), o, Status::parse)
                   .find("lcs.csv:2") != std::string::npos);
    BOOST_TEST(refusal("child,due,rule\nC1,2025-01-01,vis\xFFits\n", o, Status::parse).find("lcs.csv:2") !=
               std::string::npos);
    const std::string unterminated = refusal("child,due,rule\nC1,\"2025-01-01,visits\n", o, Status::parse);
    BOOST_TEST(unterminated.find("not closed (the record starts on line 2)") != std::string::npos, unterminated);
    BOOST_TEST(refusal(std::string("\xFF\xFE" "c\0h\0i\0l\0d\0", 12), o, Status::parse).find("UTF-16") !=
               std::string::npos);
    HostDueOptions empty = o;
    empty.due_column = "  ";
    BOOST_TEST(refusal("child,due,rule\n", empty, Status::invalid_arg).find("due_column is empty") !=
               std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
