// The change history as documents (include/oversight/store/history.hpp):
// a page of the change feed as JSON, against the members its schema
// (data/schemas/oversight-history.schema.json) names; the full paging and
// ordering guarantees are in conformance_test.cpp.
#include <boost/test/unit_test.hpp>

#include "support/store_fixtures.hpp"

#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/store/history.hpp>
#include <oversight/store/store.hpp>
#include <oversight/workforce/team.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <string>

using namespace oversight;
using json = nlohmann::json;

namespace {

json schema() {
    std::ifstream in(OVERSIGHT_PROJECT_DATA_DIR "/schemas/oversight-history.schema.json");
    BOOST_REQUIRE(in);
    return json::parse(in);
}

std::set<std::string> keys(const json& object) {
    std::set<std::string> out;
    for (const auto& [k, v] : object.items()) out.insert(k);
    return out;
}

std::set<std::string> names(const json& list) { return std::set<std::string>(list.begin(), list.end()); }

}  // namespace

BOOST_AUTO_TEST_SUITE(history)

BOOST_AUTO_TEST_CASE(a_page_of_the_feed_as_json) {
    Store s = Store::open_in_memory();
    s.set_actor("Zoë «host»");
    save_team(s, {"Team A", "", ""});
    save_child(s, {"C1", std::nullopt, std::string("P-1")});
    const std::int64_t id = record_event(s, "C1", {"visit", Date::parse_iso("2024-03-05"), {}}, "Ann");
    delete_event(s, id);

    const ChangePage page = changes_since(s, 1, 2, std::string("event"));
    BOOST_REQUIRE(page.changes.size() == 2u);
    const json doc = json::parse(changes_to_json(page));
    BOOST_TEST(doc.at("format") == "oversight-history");
    BOOST_TEST(doc.at("version") == 1);
    BOOST_TEST(doc.at("since") == 1);
    BOOST_TEST(doc.at("entity") == "event");
    BOOST_TEST(doc.at("next") == page.latest);
    BOOST_TEST(doc.at("latest") == s.history().back().seq);
    BOOST_TEST(doc.at("more") == false);
    const json& changes = doc.at("changes");
    BOOST_REQUIRE(changes.size() == 2u);
    BOOST_TEST(changes[0].at("entity_id") == id);
    BOOST_TEST(changes[0].at("field") == "*");
    BOOST_TEST(changes[0].at("old").is_null());
    BOOST_TEST(changes[1].at("new").is_null());
    BOOST_TEST(changes[1].at("actor") == "Zoë «host»");
    BOOST_TEST(changes[1].at("seq") == page.changes[1].seq);
    // The history document's rows are the same rows.
    const json full = json::parse(history_to_json(page.changes));
    BOOST_TEST(full.at("changes") == changes);
    BOOST_TEST(!full.contains("since"));

    // Every member is one the schema names, with what it requires.
    const json sc = schema();
    const std::set<std::string> top = keys(sc.at("properties"));
    for (const json& d : {doc, full}) {
        for (const std::string& k : keys(d)) BOOST_TEST(top.count(k) == 1u, k);
        for (const std::string& k : names(sc.at("required"))) BOOST_TEST(d.contains(k), k);
    }
    for (const std::string& k : names(sc.at("dependentRequired").at("since"))) BOOST_TEST(doc.contains(k), k);
    const json& item = sc.at("properties").at("changes").at("items");
    for (const json& c : changes) BOOST_TEST((keys(c) == names(item.at("required"))));
    BOOST_TEST((keys(item.at("properties")) == names(item.at("required"))));

    // A page for every kind, and a full one with more to come.
    const json all = json::parse(changes_to_json(changes_since(s, 0, 1)));
    BOOST_TEST(all.at("entity").is_null());
    BOOST_TEST(all.at("more") == true);
    BOOST_TEST(all.at("next") == all.at("changes")[0].at("seq"));
}

BOOST_AUTO_TEST_CASE(stored_text_that_is_not_utf8_is_replaced_in_json) {
    ChangePage page;
    page.changes.push_back({3, "2024-03-01T00:00:00Z", "a", "event", 7, "attributes", std::string("\xff"), std::nullopt});
    page.next = page.latest = 3;
    const json doc = json::parse(changes_to_json(page));
    BOOST_TEST(doc.at("changes")[0].at("old") == "\xef\xbf\xbd");
    BOOST_TEST(doc.at("changes")[0].at("new").is_null());
}

BOOST_AUTO_TEST_SUITE_END()
