// The seed importer's repairs on their own: each reads what was printed as
// what it must have been, and says so on the line.
#include <boost/test/unit_test.hpp>

#include "import/seed_lines.hpp"
#include "import/seed_repair.hpp"

#include <string>
#include <vector>

using namespace oversight;
using namespace oversight::detail::seed;

namespace {

// The lines of a small table; the header comes first.
std::vector<Line> table(const std::string& rows) {
    SeedIssues ignored("");
    const std::string header =
        "No.\tRec.\tAction\tProgress\tImpact\tWhat do we still need to do\tCost\tLead person responsible\n";
    return read_lines(header + rows, ignored);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(seed_repair)

BOOST_AUTO_TEST_CASE(timescale_headings) {
    const std::vector<Line> lines = table("months\nImmediatel\nWithin three months\n");
    SeedIssues issues("");
    // A bare "months" is the next timescale after the current one.
    BOOST_TEST((read_timescale(lines[1], lines[1].ts, lines[1].ts_printed, Timescale::immediately, issues) ==
                Timescale::within_three_months));
    BOOST_TEST((read_timescale(lines[1], lines[1].ts, lines[1].ts_printed, Timescale::within_three_months, issues) ==
                Timescale::within_six_months));
    BOOST_TEST((read_timescale(lines[2], lines[2].ts, lines[2].ts_printed, std::nullopt, issues) ==
                Timescale::immediately));
    // Printed whole and repeated: a warning, no repair.
    BOOST_TEST((read_timescale(lines[3], lines[3].ts, lines[3].ts_printed, Timescale::within_three_months, issues) ==
                Timescale::within_three_months));
    const std::vector<ImportIssue> found = issues.take();
    BOOST_TEST_REQUIRE(found.size() == 4u);
    BOOST_TEST(found[0].message.find("could be three or six months") != std::string::npos);
    BOOST_TEST(found[2].message == "timescale heading damaged: 'Immediatel' read as 'Immediately'");
    BOOST_TEST(found[3].message == "timescale heading 'Within three months' repeated");
}

BOOST_AUTO_TEST_CASE(a_timescale_glued_to_a_recommendation_is_taken_off_its_text) {
    const std::vector<Line> lines = table("1\tEnsure\tdiately that visits happen\n");
    SeedIssues issues("");
    std::string text = lines[1].cell(kAction);
    BOOST_TEST((recommendation_line_timescale(lines[1], text, std::nullopt, issues) == Timescale::immediately));
    BOOST_TEST(text == "that visits happen");
}

BOOST_AUTO_TEST_CASE(section_headings) {
    const std::vector<Line> lines = table("\tLITY OF WORK TO SAFEGUARD CHIL\tLDREN\n\tNEW THINGS\n");
    SeedIssues issues("");
    BOOST_TEST(read_section_heading(lines[1], {"QUALITY OF WORK TO SAFEGUARD CHILDREN"}, issues) ==
               "QUALITY OF WORK TO SAFEGUARD CHILDREN");
    BOOST_TEST(read_section_heading(lines[2], {"QUALITY OF WORK TO SAFEGUARD CHILDREN"}, issues) == "NEW THINGS");
    const std::vector<ImportIssue> found = issues.take();
    BOOST_TEST_REQUIRE(found.size() == 2u);
    BOOST_TEST(found[1].message.find("is not a known heading") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(recommendation_numbers) {
    const std::vector<Line> lines = table("1 Lost a digit\n12 Skipped ahead\nNo number\n");
    SeedIssues issues("");
    BOOST_TEST(read_recommendation_number(lines[1], 9, std::nullopt, issues) == 10);  // "1" after 9
    BOOST_TEST(read_recommendation_number(lines[2], 9, std::nullopt, issues) == 12);
    BOOST_TEST(read_recommendation_number(lines[3], 4, 7, issues) == 7);  // from the references that follow
    BOOST_TEST(read_recommendation_number(lines[3], 4, std::nullopt, issues) == 5);
    const std::vector<ImportIssue> found = issues.take();
    BOOST_TEST_REQUIRE(found.size() == 4u);
    BOOST_TEST(found[0].message == "recommendation number '1' lost a digit in the export: read as 10 (follows 9)");
    BOOST_TEST(found[1].message == "recommendation 12 follows 9: recommendations 10..11 are missing from the table");
}

BOOST_AUTO_TEST_CASE(fragments_printed_twice_are_kept_once) {
    SeedIssues issues("");
    BOOST_TEST(drop_repeated_fragments({"There are sufficient staff", "sufficient staff", ""}, 9, 30, issues) ==
               std::vector<std::string>{"There are sufficient staff"});
    BOOST_TEST(issues.take().at(0).line == 30);
}

BOOST_AUTO_TEST_CASE(action_references_from_their_neighbours) {
    const std::vector<Line> lines = table("\t2.1\tFirst\n\t\tLost reference\tp\n\t2.3\tNext\n\t2.\tPartial\n");
    Recommendation r;
    r.number = 2;
    SeedIssues issues("");
    auto add = [&](const std::string& ref) {
        r.actions.push_back(Action{});
        r.actions.back().ref = ref;
    };
    BOOST_TEST(read_action_reference(lines[1], true, r, lines, 1, issues) == "2.1");
    add("2.1");
    BOOST_TEST((next_ref_major(lines, 1) == 2));
    BOOST_TEST((next_ref_in(lines, 2, 2) == std::make_pair(3, std::string("2.3"))));
    BOOST_TEST(read_action_reference(lines[2], false, r, lines, 2, issues) == "2.2");
    add("2.2");
    BOOST_TEST(read_action_reference(lines[3], true, r, lines, 3, issues) == "2.3");
    add("2.3");
    BOOST_TEST(read_action_reference(lines[4], true, r, lines, 4, issues) == "2.4");
    const std::vector<ImportIssue> found = issues.take();
    BOOST_TEST_REQUIRE(found.size() == 2u);
    BOOST_TEST(found[0].message == "action reference lost in the export: read as 2.2 (after 2.1, before 2.3)");
    BOOST_TEST(found[1].message == "partial reference '2.' completed to 2.4");
}

BOOST_AUTO_TEST_CASE(a_reference_used_twice_is_renumbered_with_its_lines) {
    Plan p;
    for (int n : {1, 2}) {
        Recommendation r;
        r.number = n;
        for (const char* ref : {"1.1", "1.2"}) {
            if (n == 2 && std::string(ref) == "1.2") break;
            Action a;
            a.ref = ref;
            r.actions.push_back(a);
        }
        p.recommendations.push_back(r);
    }
    // 1.1 on line 2, 1.2 on line 3, "1.1" again (under recommendation 2) on line 4 with a continuation on line 6.
    std::vector<ImportedLine> lines = {{1, LineUse::header, ""},       {2, LineUse::action, "1.1"},
                                       {3, LineUse::action, "1.2"},    {4, LineUse::action, "1.1"},
                                       {5, LineUse::blank, ""},        {6, LineUse::continuation, "1.1"}};
    SeedIssues issues("plan.txt");
    renumber_duplicate_refs(p, {{{0, 0}, 2}, {{0, 1}, 3}, {{1, 0}, 4}}, lines, issues);
    BOOST_TEST(p.recommendations[1].actions[0].ref == "2.1");
    BOOST_TEST(lines[3].target == "2.1");
    BOOST_TEST(lines[5].target == "2.1");
    BOOST_TEST(lines[1].target == "1.1");
    const std::vector<ImportIssue> found = issues.take();
    BOOST_TEST_REQUIRE(found.size() == 1u);
    BOOST_TEST(found[0].where() == "plan.txt:4");
    BOOST_TEST(found[0].message.rfind("action reference 1.1 on line 4 was already used on line 2: renumbered to 2.1",
                                      0) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
