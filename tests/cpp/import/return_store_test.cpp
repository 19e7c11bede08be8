// A record the store refuses during a return's import (lib/import/
// return_store.hpp, report_refusal): reported, and nothing of it stored,
// even what it wrote before the refusal; the rest of the import goes on.
#include <boost/test/unit_test.hpp>

#include "core/transaction.hpp"
#include "import/return_store.hpp"

#include <oversight/core/error.hpp>
#include <oversight/import/import_issue.hpp>
#include <oversight/store/store.hpp>
#include <oversight/workforce/team.hpp>

#include <string>
#include <vector>

using namespace oversight;

namespace {

std::vector<std::string> team_names(const Store& s) {
    std::vector<std::string> out;
    for (const Team& t : list_teams(s)) out.push_back(t.name);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(import_return_store)

BOOST_AUTO_TEST_CASE(a_refused_record_leaves_none_of_its_writes) {
    Store s = Store::open_in_memory();
    ImportSummary summary;
    summary.add("teams_added", 0);
    ImportIssue place;
    place.file = "Annex_A.xlsx";
    place.path = "List 3!K2";
    detail::in_transaction(s, "importing", [&] {
        // A record whose second write is refused: its team must go too.
        const bool stored = detail::report_refusal(s, summary, place, [&] {
            save_team(s, {"Team Half", "", ""});
            summary.add("teams_added");
            throw Error(Status::invalid_arg, "worker name is empty");
        });
        BOOST_TEST(!stored);
        // The import goes on in the same transaction.
        BOOST_TEST(detail::report_refusal(s, summary, place, [&] {
            save_team(s, {"Team Whole", "", ""});
            summary.add("teams_added");
        }));
    });
    BOOST_TEST((team_names(s) == std::vector<std::string>{"Team Whole"}));
    BOOST_TEST(summary.count("teams_added") == 1);  // the refused record's count undone too
    BOOST_REQUIRE(summary.issues.size() == 1u);
    BOOST_TEST((summary.issues[0].severity == Severity::error));
    BOOST_TEST(summary.issues[0].path == "List 3!K2");
    BOOST_TEST(summary.issues[0].message.find("not stored: worker name is empty") != std::string::npos,
               summary.issues[0].message);

    // A store failure still stops the import.
    ImportSummary other;
    BOOST_CHECK_THROW(detail::in_transaction(s, "importing", [&] {
        detail::report_refusal(s, other, place, [] { throw Error(Status::db, "disk I/O error"); });
    }), Error);
}

BOOST_AUTO_TEST_SUITE_END()
