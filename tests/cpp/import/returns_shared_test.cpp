// Issue 7's acceptance: every return in ../shared/data imported into one
// store, every refused row reported; importing them all again changes
// nothing (a dump of every table, history included, is byte-identical).
#include <boost/test/unit_test.hpp>

#include <oversight/import/annex_a.hpp>
#include <oversight/import/cin_census.hpp>
#include <oversight/import/csww.hpp>
#include <oversight/import/return_format.hpp>
#include <oversight/import/ssda903.hpp>
#include <oversight/store/store.hpp>

#include "store/store_dump.hpp"
#include "support/shared_data.hpp"
#include "support/store_fixtures.hpp"

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

using namespace oversight;
using oversight::test::needs_shared;
using oversight::test::shared_path;

namespace {

struct Return {
    ReturnFormat format;
    std::string path;
    std::size_t read;  // rows, elements or records read, by the reader alone
    std::size_t events;  // events the reader gives (SSDA903: rows that give events)
};

std::size_t refusals(const ImportSummary& s) {
    return static_cast<std::size_t>(std::count_if(s.issues.begin(), s.issues.end(), [](const ImportIssue& i) {
        return i.severity == Severity::error && i.message.find("not stored: ") != std::string::npos;
    }));
}

std::string severities(const ImportSummary& s) {
    std::size_t notes = s.issues.size() - s.errors() - s.warnings();
    return std::to_string(s.errors()) + " errors, " + std::to_string(s.warnings()) + " warnings, " +
           std::to_string(notes) + " notes";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(returns_shared)

BOOST_AUTO_TEST_CASE(every_shared_return_twice,
                     *boost::unit_test::precondition(needs_shared("data/ssda903/header.csv")) *
                         boost::unit_test::precondition(needs_shared("data/cin_census/cin-2022.xml")) *
                         boost::unit_test::precondition(needs_shared("data/workforce/social_work_workforce_2022.xml")) *
                         boost::unit_test::precondition(needs_shared("data/annex_a/Annex_A.xlsx"))) {
    const std::string ssda903 = shared_path("data/ssda903");
    const std::string cin = shared_path("data/cin_census/cin-2022.xml");
    const std::string csww = shared_path("data/workforce/social_work_workforce_2022.xml");
    const std::string annex_a = shared_path("data/annex_a/Annex_A.xlsx");

    // What the readers alone give, to check every record is stored or reported.
    const Ssda903Data r903 = read_ssda903(ssda903);
    const CinCensusData rcin = read_cin_census(cin);
    const CswwData rcsww = read_csww(csww);
    const AnnexAData rannex = read_annex_a(annex_a);
    const std::vector<Return> returns = {
        {ReturnFormat::ssda903, ssda903, r903.children.size(), r903.events.size()},
        {ReturnFormat::cin_census, cin, rcin.children.size(), rcin.events.size()},
        {ReturnFormat::csww, csww, rcsww.workers.size(), 0},
        {ReturnFormat::annex_a, annex_a, rannex.children.size(), rannex.events.size()},
    };

    test::TempStore file("returns_shared");
    std::vector<ImportSummary> first;
    std::string dump_first;
    std::size_t history_first = 0;
    {
        Store store = Store::open(file.path);
        for (const Return& r : returns) {
            const auto start = std::chrono::steady_clock::now();
            ImportSummary s = import_return(store, r.format, {r.path});
            const double ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
            BOOST_TEST_MESSAGE(to_string(r.format) << ": " << r.read << " children or worker records read; first import "
                                                   << ms << " ms; " << severities(s)
                                                   << "; refused by the store " << refusals(s));
            for (const auto& [name, n] : s.counts) BOOST_TEST_MESSAGE("  " << name << " " << n);
            BOOST_TEST(s.count("files_read") == 1);
            first.push_back(std::move(s));
        }
        history_first = store.history().size();
    }
    dump_first = test::dump_store(file.path);

    // SSDA903: every child and every event stored or reported.
    const ImportSummary& s903 = first[0];
    BOOST_TEST(s903.count("children_added") > 0);
    BOOST_TEST(static_cast<std::size_t>(s903.count("events_added") + s903.count("events_already_present")) ==
               r903.events.size());
    // CIN Census, Annex A: every child, attribute and event stored or refused with an issue.
    for (std::size_t k : {std::size_t{1}, std::size_t{3}}) {
        const ImportSummary& s = first[k];
        const std::size_t seen = static_cast<std::size_t>(s.count("events_added") + s.count("events_updated") +
                                                          s.count("events_already_present"));
        BOOST_TEST(seen + refusals(s) >= returns[k].events + static_cast<std::size_t>(s.count("events_derived")),
                   to_string(returns[k].format));
        BOOST_TEST(s.count("events_added") > 0, to_string(returns[k].format));
        BOOST_TEST(s.count("children_added") + s.count("children_updated") > 0, to_string(returns[k].format));
    }
    BOOST_TEST(first[3].count("allocations_added") > 0);
    // CSWW: every person and every record's appointment stored or refused.
    BOOST_TEST(static_cast<std::size_t>(first[2].count("people_added")) == rcsww.people.size());
    BOOST_TEST(static_cast<std::size_t>(first[2].count("appointments_added")) + refusals(first[2]) ==
               rcsww.workers.size());
    // The reader's issues all reach the summary, in their order, before the importer's.
    for (const auto& [k, issues] : std::vector<std::pair<std::size_t, const std::vector<ImportIssue>*>>{
             {0, &r903.summary.issues}, {1, &rcin.summary.issues}, {2, &rcsww.summary.issues},
             {3, &rannex.summary.issues}}) {
        BOOST_REQUIRE(first[k].issues.size() >= issues->size());
        BOOST_TEST(std::equal(issues->begin(), issues->end(), first[k].issues.begin()));
        // After them, the importer's own: every error among them is a record the store refused.
        const auto errors_after = static_cast<std::size_t>(
            std::count_if(first[k].issues.begin() + static_cast<std::ptrdiff_t>(issues->size()), first[k].issues.end(),
                          [](const ImportIssue& i) { return i.severity == Severity::error; }));
        BOOST_TEST(errors_after == refusals(first[k]));
    }

    // Everything again: nothing changes, not even the history.
    {
        Store store = Store::open(file.path);
        for (const Return& r : returns) {
            const auto start = std::chrono::steady_clock::now();
            const ImportSummary s = import_return(store, r.format, {r.path});
            const double ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
            BOOST_TEST_MESSAGE(to_string(r.format) << ": second import " << ms << " ms");
            for (const char* count : {"children_added", "children_updated", "events_added", "events_updated",
                                      "attributes_set", "people_added", "people_updated", "appointments_added",
                                      "appointments_updated", "teams_added", "workers_added", "allocations_added"})
                BOOST_TEST(s.count(count) == 0, to_string(r.format) << " " << count);
        }
        BOOST_TEST(store.history().size() == history_first);
    }
    const std::string dump_second = test::dump_store(file.path);
    BOOST_TEST(dump_second.size() == dump_first.size());
    BOOST_TEST((dump_second == dump_first));
    for (const auto& [table, rows] : test::table_rows(file.path)) BOOST_TEST_MESSAGE("table " << table << ": " << rows);
}

BOOST_AUTO_TEST_SUITE_END()
