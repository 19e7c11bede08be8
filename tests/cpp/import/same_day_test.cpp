// Returns whose rows set the same case attribute of a child on the same day
// (two SSDA903 episodes, two Annex A rows starting together): one value per
// child, key and date is stored (the last row's), a warning names both rows
// when they disagree, and importing the return again changes nothing.
#include <boost/test/unit_test.hpp>

#include <oversight/casework/child.hpp>
#include <oversight/import/annex_a.hpp>
#include <oversight/import/import_issue.hpp>
#include <oversight/import/ssda903.hpp>
#include <oversight/store/store.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace oversight;

namespace {

const std::string kData = OVERSIGHT_TEST_DATA_DIR;

std::size_t rows(const Store& s) { return s.history({}).size(); }

/// The stored values of `key` for the child, "value@date" by date.
std::vector<std::string> values(const Store& s, const std::string& child, const std::string& key) {
    std::vector<std::string> out;
    for (const CaseAttribute& a : list_attributes(s, child))
        if (a.key == key) out.push_back(a.value + "@" + a.effective_from.iso());
    return out;
}

/// The issues whose message holds every one of `parts`.
std::vector<ImportIssue> issues_with(const ImportSummary& s, const std::vector<std::string>& parts) {
    std::vector<ImportIssue> out;
    for (const ImportIssue& i : s.issues)
        if (std::all_of(parts.begin(), parts.end(),
                        [&](const std::string& p) { return i.message.find(p) != std::string::npos; }))
            out.push_back(i);
    return out;
}

void show(const ImportSummary& s) {
    for (const ImportIssue& i : s.issues) BOOST_TEST_MESSAGE(i.where() << ": " << i.message);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(import_same_day)

BOOST_AUTO_TEST_CASE(ssda903_episodes_starting_the_same_day_import_twice_unchanged) {
    const std::string folder = kData + "/ssda903_same_day";
    Store s = Store::open_in_memory();
    const ImportSummary first = import_ssda903(s, folder);
    show(first);
    BOOST_TEST((values(s, "T001", "legal_status") == std::vector<std::string>{"C2@2023-01-04"}));
    BOOST_TEST((values(s, "T001", "placement_type") == std::vector<std::string>{"U4@2023-01-04"}));
    BOOST_TEST((values(s, "T002", "placement_type") == std::vector<std::string>{"U3@2023-02-10"}));
    // The disagreement, at the later row, naming the earlier one; none for T002.
    const auto ls = issues_with(first, {"T001", "legal_status", "C1", "C2", "line 2"});
    BOOST_REQUIRE(ls.size() == 1u);
    BOOST_TEST(ls[0].file == "episodes.csv");
    BOOST_TEST(ls[0].line == 3);
    BOOST_TEST(issues_with(first, {"T001", "placement_type", "U1", "U4", "line 2"}).size() == 1u);
    BOOST_TEST(issues_with(first, {"T002", "same day"}).empty());

    const std::size_t before = rows(s);
    const ImportSummary second = import_ssda903(s, folder);
    BOOST_TEST(second.count("attributes_set") == 0);
    BOOST_TEST(second.count("events_added") == 0);
    BOOST_TEST(rows(s) == before);
    BOOST_TEST((second.issues == first.issues));
}

BOOST_AUTO_TEST_CASE(annex_a_rows_starting_the_same_day_import_twice_unchanged) {
    const std::string path = kData + "/annex_a_sample/same-day.xlsx";
    const AnnexAData read = read_annex_a(path);
    std::size_t c201 = 0;
    for (const AnnexAAttribute& a : read.attributes)
        if (a.child_id == "C201" && a.key == "legal_status") ++c201;
    BOOST_TEST(c201 == 1u);  // merged by the reader

    Store s = Store::open_in_memory();
    const ImportSummary first = import_annex_a(s, path);
    show(first);
    BOOST_TEST((values(s, "C201", "legal_status") == std::vector<std::string>{"C2@2023-06-01"}));
    BOOST_TEST((values(s, "C201", "placement_type") == std::vector<std::string>{"U6@2023-06-01"}));
    BOOST_TEST((values(s, "C202", "placement_type") == std::vector<std::string>{"U1@2023-06-01"}));
    const auto ls = issues_with(first, {"C201", "legal_status", "C1", "C2", "List 8!"});
    BOOST_REQUIRE(ls.size() == 1u);
    BOOST_TEST(ls[0].path.rfind("List 8!", 0) == 0u, ls[0].path);
    BOOST_TEST(issues_with(first, {"C202", "same day"}).empty());

    const std::size_t before = rows(s);
    const ImportSummary second = import_annex_a(s, path);
    BOOST_TEST(second.count("attributes_set") == 0);
    BOOST_TEST(rows(s) == before);
}

BOOST_AUTO_TEST_SUITE_END()
