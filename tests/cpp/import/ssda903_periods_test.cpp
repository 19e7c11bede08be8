// SSDA903 episodes as periods of care: overlaps and gaps reported as the
// DfE validator does (rules 142 and 501), a period ended only by its own
// current episode, returns that begin part-way through a period of care,
// and misspelt codes (tests/data/ssda903_overlap/README.md).
#include <boost/test/unit_test.hpp>

#include <oversight/casework/case.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/import/ssda903.hpp>
#include <oversight/rules/rule_pack.hpp>
#include <oversight/rules/schedule.hpp>
#include <oversight/store/store.hpp>

#include "support/shared_data.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace oversight;

namespace {

const std::string kOverlap = OVERSIGHT_TEST_DATA_DIR "/ssda903_overlap";

const ImportIssue* issue(const ImportSummary& s, const std::string& where, const std::string& text) {
    for (const auto& i : s.issues)
        if (i.where() == where && i.message.find(text) != std::string::npos) return &i;
    return nullptr;
}

std::size_t events_of(const Ssda903Data& d, const std::string& child, const std::string& type) {
    return static_cast<std::size_t>(std::count_if(d.events.begin(), d.events.end(), [&](const Ssda903Event& e) {
        return e.child_id == child && e.event.type == type;
    }));
}

Date d(const char* iso) { return Date::parse_iso(iso); }

}  // namespace

BOOST_AUTO_TEST_SUITE(ssda903_periods)

BOOST_AUTO_TEST_CASE(overlaps_gaps_and_codes_are_reported_as_the_dfe_validator_does) {
    const Ssda903Data data = read_ssda903(kOverlap);
    const ImportSummary& s = data.summary;
    for (const auto& i : s.issues) BOOST_TEST_MESSAGE(i.where() << " " << to_string(i.severity) << ": " << i.message);
    // O1: rule 501 on the later episode, and the older episode's end does not end the period.
    const ImportIssue* later = issue(s, "episodes.csv:3:2 (DECOM)",
                                     "rule 501: episode starting 2023-12-01 begins before the previous episode "
                                     "ended (2024-01-10, line 2)");
    BOOST_TEST_REQUIRE(later);
    BOOST_TEST((later->severity == Severity::warning));
    BOOST_TEST(issue(s, "episodes.csv:2:8 (DEC)", "its REC E13 does not end the period of care"));
    BOOST_TEST(s.count("cessations_overlapped") == 1);
    BOOST_TEST(events_of(data, "O1", "ceased_looked_after") == 0u);
    // O2: rule 142 on the episode that never ended.
    BOOST_TEST(issue(s, "episodes.csv:4:8 (DEC)", "rule 142: a new episode has started, but the previous episode "
                                                  "has not ended"));
    // O3: a period of care begun before the return.
    const ImportIssue* before = issue(s, "episodes.csv:6:3 (RNE)", "the period of care began before the return");
    BOOST_TEST_REQUIRE(before);
    BOOST_TEST((before->severity == Severity::note));
    BOOST_TEST(s.count("periods_begun_before_return") == 1);
    BOOST_TEST(events_of(data, "O3", "became_looked_after") == 1u);
    // O4: misspelt codes, each with the DfE rule and the nearest code; none stored.
    BOOST_TEST(issue(s, "episodes.csv:8:4 (LS)", "LS '2C' is not an SSDA903 LS code (DfE rule 144); did you mean C2?"));
    BOOST_TEST(issue(s, "episodes.csv:8:6 (PLACE)", "(DfE rule 146); did you mean U6?; placement_type not recorded"));
    BOOST_TEST(issue(s, "episodes.csv:8:7 (PLACE_PROVIDER)", "PLACE_PROVIDER 'PR9'"));
    BOOST_TEST(issue(s, "reviews.csv:4:4 (REVIEW_CODE)", "did you mean PN1?; the review is recorded without it"));
    BOOST_TEST(issue(s, "reviews.csv:5:4 (REVIEW_CODE)", "REVIEW_CODE is empty (DfE rule 167)"));
    BOOST_TEST(s.count("unknown_codes") == 4);
    for (const auto& a : data.attributes) BOOST_TEST((a.value != "6U" && a.value != "2C"), a.key << " " << a.value);
    for (const auto& e : data.events)
        for (const auto& [k, v] : e.event.attributes) BOOST_TEST((v != "6U" && v != "2C" && v != "NP1"), k);
    // Issues come per file in line order, after the rows are read in groups.
    for (std::size_t i = 1; i < s.issues.size(); ++i)
        if (s.issues[i].file == s.issues[i - 1].file) BOOST_TEST(s.issues[i - 1].line <= s.issues[i].line);
}

// The acceptance test of issue 7: an SSDA903 return with overlapping
// episodes imports with the warnings, and the child's current period of
// care keeps its review chain.
BOOST_AUTO_TEST_CASE(the_current_period_keeps_its_review_chain) {
    Store store = Store::open_in_memory();
    const ImportSummary first = import_ssda903(store, kOverlap);
    BOOST_TEST(issue(first, "episodes.csv:3:2 (DECOM)", "rule 501"));
    const RulePack pack = RulePack::england_default();
    const Calendar cal = Calendar::for_division(Division::england_and_wales);
    const Date as_of = d("2024-06-01");

    const CaseRecord o1 = load_case(store, "O1", as_of);
    BOOST_TEST(std::none_of(o1.events.begin(), o1.events.end(),
                            [](const CaseEvent& e) { return e.type == "ceased_looked_after"; }));
    const auto all = schedule_case(pack, o1, as_of, cal);
    std::vector<Obligation> reviews;
    for (const auto& o : all)
        if (o.rule_id.rfind("lac.review.", 0) == 0) reviews.push_back(o);
    BOOST_TEST_REQUIRE(!reviews.empty());
    BOOST_TEST(reviews.front().rule_id == "lac.review.first");
    BOOST_TEST(reviews.front().anchor.iso() == "2023-04-01");  // the period's own start
    for (const auto& o : reviews) BOOST_TEST(!o.ended_on.has_value(), o.rule_id << " ended on " << o.ended_on->iso());
    // First review met on 2023-04-25, second on 2023-07-20, the next one due
    // six months later (2024-01-20) is open, not ended by the older episode's E13.
    auto open = std::find_if(reviews.begin(), reviews.end(), [](const Obligation& o) { return !o.met_on; });
    BOOST_TEST_REQUIRE((open != reviews.end()));
    BOOST_TEST(open->rule_id == "lac.review.subsequent");
    BOOST_TEST(open->due.iso() == "2024-01-20");
    // Visits follow the current placement (U4 from 2023-12-01).
    BOOST_TEST(o1.attributes.at("placement_type") == "U4");

    // O3 (already looked after when the return began) has its reviews counted from the return.
    const auto o3 = schedule_case(pack, load_case(store, "O3", as_of), as_of, cal);
    BOOST_TEST(std::any_of(o3.begin(), o3.end(), [](const Obligation& o) {
        return o.rule_id == "lac.review.first" && o.anchor.iso() == "2023-06-01";
    }));
    // O4: the misspelt LS and PLACE left the last valid values in force.
    const CaseRecord o4 = load_case(store, "O4", as_of);
    BOOST_TEST(o4.attributes.at("placement_type") == "U4");
    BOOST_TEST(o4.attributes.at("legal_status") == "C1");

    // Importing again changes nothing.
    const ImportSummary second = import_ssda903(store, kOverlap);
    BOOST_TEST(second.count("events_added") == 0);
    BOOST_TEST(second.count("attributes_set") == 0);
    BOOST_TEST(second.count("events_already_present") == first.count("events_added") +
                                                            first.count("events_already_present"));
    BOOST_TEST((second.issues == first.issues));
}

// Rows of one child that are not next to each other are read as separate
// groups, each checked, with a warning when a later group starts earlier.
BOOST_AUTO_TEST_CASE(rows_of_a_child_apart_are_checked_per_group) {
    Ssda903Files f;
    f.header = "CHILD,DOB\nA,01/01/2012\nB,01/01/2012\n";
    f.episodes = "CHILD,DECOM,RNE,LS,PLACE,DEC,REC\n"
                 "A,01/05/2023,P,C2,U4,,\n"
                 "B,01/05/2023,S,C2,U4,,\n"
                 "A,01/03/2023,S,C2,U6,01/05/2023,X1\n";
    f.reviews = "CHILD,REVIEW,REVIEW_CODE\n";
    const Ssda903Data data = read_ssda903(f);
    BOOST_TEST(issue(data.summary, "episodes.csv:4:1 (CHILD)", "not next to each other"));
    BOOST_TEST(events_of(data, "A", "placement_start") == 2u);
}

BOOST_AUTO_TEST_CASE(real_return_periods_and_codes,
                     *boost::unit_test::precondition(oversight::test::needs_shared("data/ssda903"))) {
    const Ssda903Data data = read_ssda903(oversight::test::shared_path("data/ssda903"));
    const ImportSummary& s = data.summary;
    std::size_t r142 = 0, r501 = 0;
    for (const auto& i : s.issues) {
        if (i.message.rfind("rule 142", 0) == 0) ++r142;
        if (i.message.rfind("rule 501: episode starting", 0) == 0) ++r501;
    }
    BOOST_TEST_MESSAGE("real return: rule 142 " << r142 << ", rule 501 " << r501 << ", cessations overlapped "
                       << s.count("cessations_overlapped") << ", periods begun before the return "
                       << s.count("periods_begun_before_return") << ", unknown codes " << s.count("unknown_codes"));
    BOOST_TEST(s.count("unknown_codes") == 0);  // every code in the file is in the lists
    BOOST_TEST(s.count("periods_begun_before_return") > 0);
    // The same rules by a plain reading (the file has no quotes): episodes of
    // a child in DECOM order; 142: one other than the last has no DEC; 501:
    // one starts before the previous one's DEC.
    std::ifstream in(oversight::test::shared_path("data/ssda903") + "/episodes.csv");
    std::string line;
    std::getline(in, line);
    std::map<std::string, std::vector<std::pair<int, int>>> by_child;  // (DECOM, DEC or 0) as YYYYMMDD
    auto ymd = [](const std::string& t) {
        return t.empty() ? 0 : std::stoi(t.substr(6, 4)) * 10000 + std::stoi(t.substr(3, 2)) * 100 + std::stoi(t.substr(0, 2));
    };
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::vector<std::string> f;
        std::stringstream ss(line);
        for (std::string x; std::getline(ss, x, ',');) f.push_back(x);
        f.resize(13);
        by_child[f[0]].push_back({ymd(f[1]), f[8].empty() ? 0 : ymd(f[7])});
    }
    std::size_t plain142 = 0, plain501 = 0;
    for (auto& [child, eps] : by_child) {
        std::stable_sort(eps.begin(), eps.end(), [](auto a, auto b) { return a.first < b.first; });
        for (std::size_t i = 1; i < eps.size(); ++i) {
            if (eps[i - 1].second == 0) ++plain142;
            else if (eps[i].first < eps[i - 1].second) ++plain501;
        }
    }
    BOOST_TEST(r142 == plain142);
    BOOST_TEST(r501 == plain501);
}

BOOST_AUTO_TEST_SUITE_END()
