// ImportIssue (places rendered compactly) and ImportSummary (counts in
// order, severities, and its JSON document).
#include <boost/test/unit_test.hpp>

#include <oversight/import/import_issue.hpp>

#include <nlohmann/json.hpp>

#include <string>

using namespace oversight;

namespace {

ImportIssue at(std::string file, std::int64_t line, std::int64_t column = 0, std::string column_name = {},
               std::string path = {}) {
    ImportIssue i;
    i.file = std::move(file);
    i.line = line;
    i.column = column;
    i.column_name = std::move(column_name);
    i.path = std::move(path);
    i.message = "m";
    return i;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(import_issue)

BOOST_AUTO_TEST_CASE(where_renders_each_kind_of_place) {
    BOOST_TEST(at("episodes.csv", 12).where() == "episodes.csv:12");
    BOOST_TEST(at("episodes.csv", 12, 3, "DECOM").where() == "episodes.csv:12:3 (DECOM)");
    BOOST_TEST(at("episodes.csv", 12, 3).where() == "episodes.csv:12:3");
    BOOST_TEST(at("episodes.csv", 0).where() == "episodes.csv");
    BOOST_TEST(at("cin.xml", 0, 0, "", "/Message/Children/Child[3]/ChildIdentifiers/LAchildID").where() ==
               "cin.xml:/Message/Children/Child[3]/ChildIdentifiers/LAchildID");
    BOOST_TEST(at("cin.xml", 40, 0, "", "/Message/Header").where() == "cin.xml:40:/Message/Header");
    // XLSX cells: a column number without a line is not printed; the path says it.
    BOOST_TEST(at("Annex_A.xlsx", 0, 2, "", "List 1!B12").where() == "Annex_A.xlsx:List 1!B12");
    BOOST_TEST(at("Annex_A.xlsx", 0, 2, "Gender", "List 1!B12").where() == "Annex_A.xlsx:List 1!B12 (Gender)");
    BOOST_TEST(at("", 3).where() == "<input>:3");
}

BOOST_AUTO_TEST_CASE(equality_covers_every_field) {
    ImportIssue a = at("f", 1, 2, "C", "p");
    BOOST_TEST((a == a));
    for (int field = 0; field < 7; ++field) {
        ImportIssue b = a;
        switch (field) {
        case 0: b.file = "g"; break;
        case 1: b.line = 9; break;
        case 2: b.column = 9; break;
        case 3: b.column_name = "D"; break;
        case 4: b.path = "q"; break;
        case 5: b.severity = Severity::note; break;
        case 6: b.message = "other"; break;
        }
        BOOST_TEST((a != b), "field " << field);
    }
    BOOST_TEST((ImportIssue{}.severity == Severity::warning));
    BOOST_TEST(to_string(Severity::error) == "error");
    BOOST_TEST(to_string(Severity::warning) == "warning");
    BOOST_TEST(to_string(Severity::note) == "note");
}

BOOST_AUTO_TEST_CASE(summary_counts_keep_their_order) {
    ImportSummary s;
    s.add("rows", 10);
    s.add("children");
    s.add("rows", 5);
    s.add("events", 0);
    BOOST_TEST(s.count("rows") == 15);
    BOOST_TEST(s.count("children") == 1);
    BOOST_TEST(s.count("events") == 0);
    BOOST_TEST(s.count("absent") == 0);
    BOOST_TEST_REQUIRE(s.counts.size() == 3u);
    BOOST_TEST(s.counts[0].first == "rows");
    BOOST_TEST(s.counts[1].first == "children");
    BOOST_TEST(s.counts[2].first == "events");

    ImportIssue e = at("f", 1), w = at("f", 2), n = at("f", 3);
    e.severity = Severity::error;
    n.severity = Severity::note;
    s.issues = {e, w, w, n};
    BOOST_TEST(s.errors() == 1u);
    BOOST_TEST(s.warnings() == 2u);
    ImportSummary t = s;
    BOOST_TEST((t == s));
    t.counts[0].second = 0;
    BOOST_TEST((t != s));
}

BOOST_AUTO_TEST_CASE(summary_json_document) {
    ImportSummary s;
    s.importer = "ssda903";
    s.source = "data/ssda903";
    s.add("rows", 3);
    s.add("children", 2);
    s.add("alpha", 1);  // after the others, not sorted first
    ImportIssue i = at("episodes.csv", 12, 3, "DECOM");
    i.severity = Severity::error;
    i.message = "\"31/02/2022\" is an impossible date";
    s.issues.push_back(i);

    const std::string text = to_json(s);
    BOOST_TEST(text.back() == '\n');
    BOOST_TEST(text.find("\"rows\"") < text.find("\"alpha\""));
    auto j = nlohmann::json::parse(text);
    BOOST_TEST(j["format"] == "oversight-import-summary");
    BOOST_TEST(j["version"] == 1);
    BOOST_TEST(j["importer"] == "ssda903");
    BOOST_TEST(j["source"] == "data/ssda903");
    BOOST_TEST(j["counts"]["rows"] == 3);
    BOOST_TEST(j["counts"]["alpha"] == 1);
    BOOST_TEST_REQUIRE(j["issues"].size() == 1u);
    auto ji = j["issues"][0];
    BOOST_TEST(ji["file"] == "episodes.csv");
    BOOST_TEST(ji["line"] == 12);
    BOOST_TEST(ji["path"] == "");
    BOOST_TEST(ji["column"] == 3);
    BOOST_TEST(ji["column_name"] == "DECOM");
    BOOST_TEST(ji["severity"] == "error");
    BOOST_TEST(ji["message"] == i.message);
    BOOST_TEST(nlohmann::json::parse(to_json(i)) == ji);
    BOOST_TEST(to_json(i).find('\n') == std::string::npos);

    auto empty = nlohmann::json::parse(to_json(ImportSummary{}));
    BOOST_TEST(empty["counts"].is_object());
    BOOST_TEST(empty["issues"].is_array());
}

BOOST_AUTO_TEST_CASE(json_replaces_bytes_that_are_not_utf8) {
    ImportIssue i = at("caf\xE9.csv", 1);
    i.message = "value \"\xFF\xFE\" kept";
    i.column_name = "\xC3";
    std::string text = to_json(i);
    auto j = nlohmann::json::parse(text);  // would throw on invalid UTF-8
    BOOST_TEST(j["file"] == "caf\xEF\xBF\xBD.csv");
    BOOST_TEST(j["message"] == "value \"\xEF\xBF\xBD\xEF\xBF\xBD\" kept");
    ImportSummary s;
    s.source = "\x80";
    s.add("bad\xC0name");
    s.issues.push_back(i);
    BOOST_CHECK_NO_THROW(BOOST_TEST(nlohmann::json::parse(to_json(s)).is_object()));
}

BOOST_AUTO_TEST_SUITE_END()
