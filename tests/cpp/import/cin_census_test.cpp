// CIN Census import: our own fictional return (tests/data/cin_census_sample,
// valid against the DfE XSD) with every mapping, its damaged variant with
// every check, damaged texts, every code of every list, and the real-format
// sample and its XSD in shared/data/cin_census.
#include <boost/test/unit_test.hpp>

#include <oversight/casework/event.hpp>
#include <oversight/core/error.hpp>
#include <oversight/import/cin_census.hpp>
#include <oversight/import/xml_reader.hpp>

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

const std::string kSample = OVERSIGHT_TEST_DATA_DIR "/cin_census_sample/cin_sample.xml";
const std::string kDamaged = OVERSIGHT_TEST_DATA_DIR "/cin_census_sample/cin_damaged.xml";
const char* const kRealReturn = "data/cin_census/cin-2022.xml";
const char* const kRealSchema = "data/cin_census/CIN_schema_2022.xsd";

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    BOOST_REQUIRE_MESSAGE(in, "cannot read " << path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// "external_id k=v k=v", one per event, in order.
std::vector<std::string> event_lines(const CinCensusData& d) {
    std::vector<std::string> out;
    for (const CinCensusEvent& e : d.events) {
        std::string line = e.external_id;
        for (const auto& [k, v] : e.event.attributes) line += " " + k + "=" + v;
        out.push_back(line);
    }
    return out;
}

// "child key=value@date", one per attribute, in order.
std::vector<std::string> attribute_lines(const CinCensusData& d) {
    std::vector<std::string> out;
    for (const CinCensusAttribute& a : d.attributes)
        out.push_back(a.child_id + " " + a.key + "=" + a.value + "@" + a.effective_from.iso());
    return out;
}

bool has_event(const CinCensusData& d, const std::string& external_id) {
    return std::any_of(d.events.begin(), d.events.end(),
                       [&](const CinCensusEvent& e) { return e.external_id == external_id; });
}

bool has_attribute(const CinCensusData& d, const std::string& line) {
    const auto lines = attribute_lines(d);
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

// The issues, "severity line path: message", for a failing check to show.
std::string issues_text(const CinCensusData& d) {
    std::string out;
    for (const ImportIssue& i : d.summary.issues)
        out += "\n  " + std::string(to_string(i.severity)) + " " + i.where() + ": " + i.message;
    return out;
}

// The number of issues of `severity` on `line` whose path ends in `path` and
// whose message holds every one of `texts`.
std::size_t issues_at(const CinCensusData& d, Severity severity, std::int64_t line, const std::string& path,
                      const std::vector<std::string>& texts) {
    return static_cast<std::size_t>(std::count_if(d.summary.issues.begin(), d.summary.issues.end(), [&](const ImportIssue& i) {
        if (i.severity != severity || i.line != line) return false;
        if (i.path.size() < path.size() || i.path.compare(i.path.size() - path.size(), path.size(), path) != 0)
            return false;
        return std::all_of(texts.begin(), texts.end(),
                           [&](const std::string& t) { return i.message.find(t) != std::string::npos; });
    }));
}

// A return with one child "T1" whose CINdetails holds `details` after its
// referral of 2021-05-01 from the police (source 6).
std::string one_child(const std::string& details, const std::string& header = "<Header><CollectionDetails>"
                                                                               "<Collection>CIN</Collection>"
                                                                               "<ReferenceDate>2022-03-31</ReferenceDate>"
                                                                               "</CollectionDetails></Header>\n") {
    return "<Message>\n" + header +
           "<Children><Child>\n"
           "<ChildIdentifiers><LAchildID>T1</LAchildID><PersonBirthDate>2015-01-01</PersonBirthDate>"
           "<GenderCurrent>1</GenderCurrent></ChildIdentifiers>\n"
           "<ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>\n"
           "<CINdetails><CINreferralDate>2021-05-01</CINreferralDate><ReferralSource>6</ReferralSource>\n" +
           details +
           "\n<ReferralNFA>false</ReferralNFA></CINdetails>\n"
           "</Child></Children>\n</Message>\n";
}

// The text between <tag> and </tag>, for every such element of a text
// without attributes or nesting of the tag: a plain reading of a return.
std::vector<std::string> plain_values(const std::string& text, const std::string& tag) {
    std::vector<std::string> out;
    const std::string open = "<" + tag + ">", close = "</" + tag + ">";
    for (std::size_t at = text.find(open); at != std::string::npos; at = text.find(open, at + 1)) {
        const std::size_t from = at + open.size(), to = text.find(close, from);
        if (to != std::string::npos) out.push_back(text.substr(from, to - from));
    }
    return out;
}

std::size_t plain_count(const std::string& text, const std::string& tag) {
    std::size_t n = 0;
    const std::string open = "<" + tag + ">";
    for (std::size_t at = text.find(open); at != std::string::npos; at = text.find(open, at + 1)) ++n;
    return n;
}

std::size_t count_type(const CinCensusData& d, const std::string& type) {
    return static_cast<std::size_t>(std::count_if(d.events.begin(), d.events.end(),
                                                  [&](const CinCensusEvent& e) { return e.event.type == type; }));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cin_census)

// ------------------------------------------------------------ the fixture

BOOST_AUTO_TEST_CASE(sample_children_and_counts) {
    const CinCensusData d = read_cin_census(kSample);
    BOOST_TEST(d.summary.importer == "cin-census");
    BOOST_TEST(d.summary.source == kSample);
    BOOST_TEST_MESSAGE("issues:" << issues_text(d));
    BOOST_TEST(d.summary.issues.empty());
    BOOST_REQUIRE(d.reference_date);
    BOOST_TEST(d.reference_date->iso() == "2022-03-31");

    BOOST_REQUIRE_EQUAL(d.children.size(), 4u);
    BOOST_TEST(d.children[0].id == "CIN001");
    BOOST_TEST(d.children[0].date_of_birth->iso() == "2012-05-14");
    BOOST_TEST(d.children[1].id == "CIN002");
    BOOST_TEST(d.children[2].id == "CIN003");
    BOOST_TEST(!d.children[2].date_of_birth);  // unborn: ExpectedPersonBirthDate is not a birth date
    BOOST_TEST(d.children[3].id == "CIN004");
    BOOST_TEST(d.children[3].date_of_birth->iso() == "2008-02-29");

    // Elements as in the file (README.md there lists them).
    const std::map<std::string, std::int64_t> expected = {
        {"children", 4},   {"cin_details", 5}, {"assessments", 3}, {"cin_plans", 2},       {"section47s", 3},
        {"cp_plans", 2},   {"cp_reviews", 3},  {"children_used", 4}, {"events", 16},      {"attributes", 32},
        {"events_merged", 2}, {"unknown_elements", 0}};
    for (const auto& [name, n] : expected) BOOST_TEST(d.summary.count(name) == n, name);
    BOOST_TEST(d.summary.counts.size() == expected.size());
    BOOST_TEST(d.summary.count("events") == static_cast<std::int64_t>(d.events.size()));
    BOOST_TEST(d.summary.count("attributes") == static_cast<std::int64_t>(d.attributes.size()));
}

BOOST_AUTO_TEST_CASE(sample_events_every_mapping) {
    const CinCensusData d = read_cin_census(kSample);
    const std::vector<std::string> expected = {
        // CIN001: referral; assessment with its internal review and factors;
        // s47 with its ICPC target; the s47's ICPC, which is also the CP
        // plan's start (one event, the plan's attributes added); plan end and
        // two reviews. No closure event: casework has no type for it.
        "CIN001/referral/2021-05-04 primary_need=N1 referral_source=2A",
        "CIN001/assessment_completed/2021-06-18 factors=3A,4B internal_review=2021-05-20 started=2021-05-05",
        "CIN001/s47_strategy_discussion/2021-05-06 icpc_target=2021-05-27",
        "CIN001/icpc/2021-05-25 category_of_abuse=NEG cp_plan=start previous_plans=1",
        "CIN001/cp_plan_ended/2022-01-20",
        "CIN001/cp_review/2021-08-19",
        "CIN001/cp_review/2022-01-13",
        // CIN002: a referral with no further action, no primary need.
        "CIN002/referral/2021-09-13 nfa=true referral_source=6",
        // CIN003 (unborn): an open assessment (no event), one s47 closed
        // without conference (ICPCnotRequired 1), one open with a target
        // after the collection period (a target is not bounded by it).
        "CIN003/referral/2022-01-10 primary_need=N3 referral_source=3B",
        "CIN003/s47_strategy_discussion/2022-01-12 icpc_not_required=true",
        "CIN003/s47_strategy_discussion/2022-03-28 icpc_target=2022-04-19",
        // CIN004: two episodes; the second's CINdetails-level ICPC is the
        // plan's start.
        "CIN004/referral/2021-04-20 primary_need=N5 referral_source=1A",
        "CIN004/assessment_completed/2021-07-28 factors=21 started=2021-04-21",
        "CIN004/referral/2021-07-30 primary_need=N4 referral_source=5A",
        "CIN004/icpc/2021-10-05 category_of_abuse=PHY cp_plan=start previous_plans=2",
        "CIN004/cp_review/2022-01-04",
    };
    const auto got = event_lines(d);
    BOOST_TEST(got == expected, boost::test_tools::per_element());
    for (const CinCensusEvent& e : d.events) {
        BOOST_TEST(is_known_event_type(e.event.type), e.event.type);
        BOOST_TEST(e.external_id == e.child_id + "/" + e.event.type + "/" + e.event.date.iso());
    }
}

BOOST_AUTO_TEST_CASE(sample_attributes_every_mapping) {
    const CinCensusData d = read_cin_census(kSample);
    const std::vector<std::string> expected = {
        "CIN001 referral_source=2A@2021-05-04",
        "CIN001 primary_need=N1@2021-05-04",
        "CIN001 cin_episode=open@2021-05-04",
        "CIN001 cin_episode=closed@2022-02-28",
        "CIN001 reason_for_closure=RC7@2022-02-28",
        "CIN001 cin_assessment=open@2021-05-05",
        "CIN001 cin_assessment=completed@2021-06-18",
        "CIN001 assessment_factors=3A,4B@2021-06-18",
        "CIN001 cin_plan=open@2022-01-20",
        "CIN001 cin_plan=closed@2022-02-28",
        "CIN001 category_of_abuse=NEG@2021-05-25",
        "CIN001 category_of_abuse=EMO@2022-01-13",  // LatestCategoryOfAbuse, from the last review
        // Referred and closed on one day: only the closed state.
        "CIN002 referral_source=6@2021-09-13",
        "CIN002 cin_episode=closed@2021-09-13",
        "CIN002 reason_for_closure=RC7@2021-09-13",
        "CIN003 referral_source=3B@2022-01-10",
        "CIN003 primary_need=N3@2022-01-10",
        "CIN003 cin_episode=open@2022-01-10",
        "CIN003 cin_assessment=open@2022-01-11",
        "CIN004 referral_source=1A@2021-04-20",
        "CIN004 primary_need=N5@2021-04-20",
        "CIN004 cin_episode=open@2021-04-20",
        // The first episode closes the day the second opens: open stands.
        "CIN004 cin_episode=open@2021-07-30",
        "CIN004 reason_for_closure=RC8@2021-07-30",
        "CIN004 cin_assessment=open@2021-04-21",
        "CIN004 cin_assessment=completed@2021-07-28",
        "CIN004 assessment_factors=21@2021-07-28",
        "CIN004 referral_source=5A@2021-07-30",
        "CIN004 primary_need=N4@2021-07-30",
        "CIN004 cin_plan=open@2021-08-20",
        "CIN004 cin_plan=closed@2021-10-05",
        "CIN004 category_of_abuse=PHY@2021-10-05",  // latest = initial: once
    };
    const auto got = attribute_lines(d);
    BOOST_TEST(got == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(sample_places) {
    const CinCensusData d = read_cin_census(kSample);
    BOOST_REQUIRE_EQUAL(d.events.size(), 16u);
    const CinCensusEvent& referral = d.events[0];
    BOOST_TEST(referral.file == kSample);
    BOOST_TEST(referral.line == 33);
    BOOST_TEST(referral.path == "/Message/Children/Child[1]/CINdetails/CINreferralDate");
    // The merged conference keeps the place of the first element met.
    BOOST_TEST(d.events[3].path == "/Message/Children/Child[1]/CINdetails/Section47/DateOfInitialCPC");
    BOOST_TEST(d.events[3].line == 54);
    BOOST_TEST(d.events[6].path == "/Message/Children/Child[1]/CINdetails/ChildProtectionPlans/Reviews/CPPreviewDate[2]");
    BOOST_TEST(d.events[13].path == "/Message/Children/Child[4]/CINdetails[2]/CINreferralDate");
    // An attribute's place is its value's element; the state that stands, its own.
    const CinCensusAttribute& source = d.attributes[0];
    BOOST_TEST(source.line == 34);
    BOOST_TEST(source.path == "/Message/Children/Child[1]/CINdetails/ReferralSource");
    const CinCensusAttribute& reopened = d.attributes[22];
    BOOST_TEST(reopened.key == "cin_episode");
    BOOST_TEST(reopened.path == "/Message/Children/Child[4]/CINdetails[2]/CINreferralDate");
}

BOOST_AUTO_TEST_CASE(from_memory_reads_as_from_the_file) {
    const CinCensusData file = read_cin_census(kSample);
    const CinCensusData memory = read_cin_census(slurp(kSample), "cin_sample.xml");
    BOOST_TEST(memory.summary.source.empty());
    BOOST_TEST(memory.summary.counts == file.summary.counts);
    BOOST_TEST(memory.children == file.children);
    BOOST_TEST(event_lines(memory) == event_lines(file), boost::test_tools::per_element());
    BOOST_TEST(attribute_lines(memory) == attribute_lines(file), boost::test_tools::per_element());
    for (const CinCensusEvent& e : memory.events) BOOST_TEST(e.file == "cin_sample.xml");
}

BOOST_AUTO_TEST_CASE(external_ids_do_not_depend_on_the_place_in_the_return) {
    // Next year's return lists another child first: every path moves, no
    // external id does, so importing both adds each event once.
    std::string text = slurp(kSample);
    const std::string first_child = "    <Child>\n      <ChildIdentifiers>\n        <LAchildID>CIN001";
    const auto at = text.find(first_child);
    BOOST_REQUIRE(at != std::string::npos);
    text.insert(at,
                "    <Child><ChildIdentifiers><LAchildID>CIN000</LAchildID><GenderCurrent>1</GenderCurrent>"
                "</ChildIdentifiers><ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>"
                "<CINdetails><CINreferralDate>2021-04-06</CINreferralDate><ReferralSource>9</ReferralSource>"
                "<ReferralNFA>false</ReferralNFA></CINdetails></Child>\n");
    const CinCensusData before = read_cin_census(kSample);
    const CinCensusData after = read_cin_census(text, "next.xml");
    BOOST_REQUIRE_EQUAL(after.events.size(), before.events.size() + 1);
    BOOST_TEST(after.events[0].external_id == "CIN000/referral/2021-04-06");
    for (std::size_t i = 0; i < before.events.size(); ++i) {
        BOOST_TEST(after.events[i + 1].external_id == before.events[i].external_id);
        BOOST_TEST(after.events[i + 1].path != before.events[i].path);
    }
}

// --------------------------------------------------- the damaged variant

BOOST_AUTO_TEST_CASE(damaged_every_check_is_reported_where_it_is) {
    const CinCensusData d = read_cin_census(kDamaged);
    BOOST_TEST_MESSAGE("issues:" << issues_text(d));
    const Severity E = Severity::error, W = Severity::warning;
    struct Expected {
        Severity severity;
        std::int64_t line;
        std::string path;
        std::vector<std::string> texts;
    };
    const std::vector<Expected> expected = {
        // BAD001: every value of one episode wrong in one way.
        {E, 14, "Child[1]/ChildIdentifiers/PersonBirthDate", {"\"2012-02-30\" is not a day that exists", "not recorded"}},
        {W, 22, "Child[1]/CINdetails/ReferralSource", {"\"2a\" is not a referral source code", "did you mean 2A?", "not used"}},
        {W, 23, "Child[1]/CINdetails/PrimaryNeedCode", {"\"N10\" is not a primary need code", "not used"}},
        {E, 24, "Child[1]/CINdetails/CINclosureDate", {"before the CINreferralDate 2021-06-01", "8630", "not recorded"}},
        {W, 25, "Child[1]/CINdetails/ReasonForClosure", {"\"RC9\" is not a reason for closure code"}},
        {E, 28, "Assessments/AssessmentAuthorisationDate", {"before the AssessmentActualStartDate", "8608"}},
        {W, 31, "AssessmentFactors[2]", {"2A is given again", "8898"}},
        {W, 32, "AssessmentFactors[3]", {"\"8A\" is not an assessment factor code"}},
        {E, 37, "Child[1]/CINdetails/CINPlanDates/CINPlanEndDate", {"before the CINPlanStartDate", "4011"}},
        {E, 41, "Child[1]/CINdetails/Section47/DateOfInitialCPC", {"before the S47ActualStartDate", "8615"}},
        {W, 42, "Section47/ICPCnotRequired", {"\"maybe\" is not true, false"}},
        {W, 44, "Child[1]/CINdetails/ReferralNFA", {"\"yes\" is not true, false"}},
        {W, 46, "ChildProtectionPlans/CPPstartDate", {"before the CINreferralDate", "1105"}},
        {W, 46, "ChildProtectionPlans/CPPstartDate", {"not the date of an initial conference", "2885"}},
        {E, 47, "ChildProtectionPlans/CPPendDate", {"before the CPPstartDate", "8925"}},
        {W, 48, "InitialCategoryOfAbuse", {"\"PHYS\" is not a category of abuse code", "did you mean PHY?"}},
        {W, 49, "LatestCategoryOfAbuse", {"SAB differs from the initial category", "no review", "not used"}},
        {W, 50, "NumberOfPreviousCPP", {"0 is not a positive integer", "not used"}},
        {E, 52, "Reviews/CPPreviewDate[1]", {"on or before the CPPstartDate", "8841"}},
        {E, 53, "Reviews/CPPreviewDate[2]", {"\"2021-13-01\" is not a day that exists"}},
        {E, 54, "Reviews/CPPreviewDate[3]", {"after the end of the collection period (ReferenceDate 2022-03-31)"}},
        // A child without LAchildID.
        {E, 60, "Child[2]/ChildIdentifiers", {"no LAchildID", "8500", "its 1 CINdetails are not used"}},
        // BAD003, twice; activity after closure; a conference in two places.
        {W, 88, "Child[3]/CINdetails/Assessments/AssessmentActualStartDate", {"after the CINclosureDate", "8565"}},
        {W, 95, "Child[4]/ChildIdentifiers/LAchildID", {"BAD003 is given again (first at line 74", "8510"}},
        {W, 96, "Child[4]/ChildIdentifiers/PersonBirthDate", {"differs from the first record's 2015-03-01"}},
        {W, 109, "Child[4]/CINdetails/CINPlanDates/CINPlanEndDate", {"starts and ends on 2021-08-10", "4012Q"}},
        {W, 113, "Child[4]/CINdetails/Section47/DateOfInitialCPC", {"also recorded in the CINdetails at line 106", "2884"}},
        // BAD004: no referral date, a misspelt element, a date twice.
        {E, 127, "Child[5]/CINdetails", {"no CINreferralDate", "not recorded"}},
        {W, 127, "Child[5]/CINdetails", {"no ReferralSource"}},
        {W, 128, "Child[5]/CINdetails/ReferalSource", {"not an element of <CINdetails>", "did you mean <ReferralSource>?"}},
        {E, 130, "Child[5]/CINdetails/CINclosureDate[2]", {"given again", "only the first is read"}},
        // BAD005: out of range dates; a closure without reason; a one-day plan.
        {E, 145, "Child[6]/CINdetails[1]/CINreferralDate", {"1899-12-31 is before 1900"}},
        {E, 147, "Child[6]/CINdetails[1]/CINclosureDate", {"2022-04-01 is after the end of the collection period"}},
        {W, 154, "Child[6]/CINdetails[2]/CINclosureDate", {"without a ReasonForClosure", "8805"}},
        {W, 157, "Child[6]/CINdetails[2]/ChildProtectionPlans/CPPstartDate", {"2885"}},
        {W, 158, "Child[6]/CINdetails[2]/ChildProtectionPlans/CPPendDate", {"starts and ends on 2021-11-15", "8840"}},
        {W, 160, "Child[6]/CINdetails[2]/ChildProtectionPlans/LatestCategoryOfAbuse", {"MUL differs"}},
    };
    for (const Expected& x : expected)
        BOOST_TEST(issues_at(d, x.severity, x.line, x.path, x.texts) == 1u,
                   to_string(x.severity) << " at line " << x.line << " " << x.path);
    BOOST_TEST(d.summary.issues.size() == expected.size());  // and nothing else
    for (const ImportIssue& i : d.summary.issues) {
        BOOST_TEST(i.file == kDamaged);
        BOOST_TEST(i.path.rfind("/Message/Children/Child[", 0) == 0, i.path);
    }
    BOOST_TEST(d.summary.count("unknown_elements") == 1);
}

BOOST_AUTO_TEST_CASE(damaged_what_is_refused_is_not_used) {
    const CinCensusData d = read_cin_census(kDamaged);
    std::vector<std::string> ids;
    for (const Child& c : d.children) ids.push_back(c.id);
    BOOST_TEST(ids == (std::vector<std::string>{"BAD001", "BAD003", "BAD004", "BAD005"}),
               boost::test_tools::per_element());
    BOOST_TEST(!d.children[0].date_of_birth);                        // 2012-02-30
    BOOST_TEST(d.children[1].date_of_birth->iso() == "2015-03-01");  // the first record's
    BOOST_TEST(d.summary.count("children") == 6);
    BOOST_TEST(d.summary.count("children_used") == 4);

    // Unknown codes are not attributes, nor event attributes.
    BOOST_TEST(has_event(d, "BAD001/referral/2021-06-01"));
    BOOST_TEST(d.events[0].event.attributes.empty());
    for (const CinCensusAttribute& a : d.attributes) {
        if (a.child_id != "BAD001") continue;
        BOOST_TEST(a.key != "referral_source");
        BOOST_TEST(a.key != "primary_need");
        BOOST_TEST(a.key != "reason_for_closure");
        BOOST_TEST(a.key != "category_of_abuse");
    }
    BOOST_TEST(has_attribute(d, "BAD001 assessment_factors=2A@2021-06-10"));  // 2A once, 8A dropped
    // Ends before starts: the end is not recorded, the start is.
    BOOST_TEST(!has_attribute(d, "BAD001 cin_episode=closed@2021-05-01"));
    BOOST_TEST(has_attribute(d, "BAD001 cin_episode=open@2021-06-01"));
    BOOST_TEST(count_type(d, "assessment_completed") == 0u);
    BOOST_TEST(has_attribute(d, "BAD001 cin_plan=open@2021-07-01"));
    BOOST_TEST(!has_attribute(d, "BAD001 cin_plan=closed@2021-06-30"));
    BOOST_TEST(has_event(d, "BAD001/s47_strategy_discussion/2021-06-03"));
    BOOST_TEST(!has_event(d, "BAD001/icpc/2021-06-02"));
    BOOST_TEST(has_event(d, "BAD001/icpc/2021-05-20"));  // the plan's start, used with warnings
    BOOST_TEST(!has_event(d, "BAD001/cp_plan_ended/2021-05-10"));
    for (const CinCensusEvent& e : d.events) {
        BOOST_TEST(e.event.type != "cp_review");  // on the start, impossible, after the period
        if (e.child_id == "BAD001" && e.event.type == "icpc")
            BOOST_TEST(!e.event.attributes.count("previous_plans"));  // 0 is not positive
    }
    // The repeated child's second record is read as the same child; its
    // conference recorded twice is one event.
    BOOST_TEST(has_event(d, "BAD003/referral/2021-08-02"));
    BOOST_TEST(has_event(d, "BAD003/icpc/2021-09-01"));
    BOOST_TEST(d.summary.count("events_merged") == 1);
    BOOST_TEST(has_attribute(d, "BAD003 cin_plan=closed@2021-08-10"));
    BOOST_TEST(!has_attribute(d, "BAD003 cin_plan=open@2021-08-10"));
    // The first of two closure dates; no referral without its date.
    BOOST_TEST(has_attribute(d, "BAD004 cin_episode=closed@2021-10-01"));
    BOOST_TEST(has_attribute(d, "BAD004 reason_for_closure=RC5@2021-10-01"));
    BOOST_TEST(!has_attribute(d, "BAD004 cin_episode=closed@2021-10-02"));
    BOOST_TEST(count_type(d, "referral") == 4u);  // BAD001, BAD003 twice, BAD005's second
    // Out of range: neither the referral of 1899 nor the closure after the
    // period, nor its reason.
    BOOST_TEST(!has_event(d, "BAD005/referral/1899-12-31"));
    BOOST_TEST(!has_attribute(d, "BAD005 reason_for_closure=RC2@2022-04-01"));
    BOOST_TEST(has_attribute(d, "BAD005 cin_episode=closed@2021-12-01"));
    BOOST_TEST(has_event(d, "BAD005/cp_plan_ended/2021-11-15"));
    BOOST_TEST(!has_attribute(d, "BAD005 category_of_abuse=MUL@2021-11-15"));
}

// ------------------------------------------------------ damaged texts

BOOST_AUTO_TEST_CASE(damaged_texts_are_refused_with_their_place) {
    const std::string sample = slurp(kSample);
    auto refused = [](const std::string& text, Status code, const std::string& part) {
        try {
            (void)read_cin_census(text, "cin.xml");
        } catch (const Error& e) {
            BOOST_TEST((e.code() == code), e.what());
            BOOST_TEST(std::string(e.what()).rfind("cin.xml:", 0) == 0, e.what());
            BOOST_TEST(std::string(e.what()).find(part) != std::string::npos, e.what());
            return;
        }
        BOOST_ERROR("not refused: " << part);
    };
    // Truncated mid-way: not well-formed, at the end.
    refused(sample.substr(0, sample.size() / 2), Status::parse, "not well-formed XML");
    refused(sample.substr(0, sample.find("<Children>")), Status::parse, "not well-formed XML");
    // Another root; another collection with the same root; no <Children>.
    std::string other_root = sample;
    other_root.replace(other_root.find("<Message>"), 9, "<Return>");
    other_root.replace(other_root.rfind("</Message>"), 10, "</Return>");
    refused(other_root, Status::parse, "the root element is <Return>; a CIN Census return's is <Message>");
    std::string workforce = sample;
    workforce.replace(workforce.find("<Collection>CIN<"), 16, "<Collection>CSWW<");
    refused(workforce, Status::parse, "Collection is \"CSWW\", not CIN");
    refused("<Message><Header/></Message>", Status::parse, "no <Children>");
    // Bytes that are not XML text.
    std::string nul = sample;
    nul.insert(nul.find("CIN002"), 1, '\0');
    refused(nul, Status::parse, "a NUL byte");
    refused(std::string("\xFF\xFE<\0M\0e\0s\0s\0a\0g\0e\0>\0", 18), Status::parse, "UTF-16");
    refused("", Status::parse, "no XML element");
    refused("LAchildID,CINreferralDate\nC1,2021-05-01\n", Status::parse, "");
    refused("<!DOCTYPE Message [<!ENTITY x \"y\">]><Message/>", Status::parse, "DOCTYPE");
    // Files.
    BOOST_CHECK_EXCEPTION(read_cin_census(OVERSIGHT_TEST_DATA_DIR "/cin_census_sample/no-such.xml"), Error,
                          [](const Error& e) { return e.code() == Status::io; });
    BOOST_CHECK_EXCEPTION(read_cin_census(OVERSIGHT_TEST_DATA_DIR "/cin_census_sample"), Error,
                          [](const Error& e) { return e.code() == Status::io; });
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_repaired_with_a_warning_and_never_names_a_child) {
    const std::string sample = slurp(kSample);
    // In an id: the child is not used.
    std::string in_id = sample;
    in_id.replace(in_id.find("CIN002"), 6, "CIN\xE9" "02");
    const CinCensusData a = read_cin_census(in_id, "cin.xml");
    BOOST_TEST(a.children.size() == 3u);
    BOOST_TEST(issues_at(a, Severity::warning, 73, "", {"not valid UTF-8", "U+FFFD"}) == 1u, issues_text(a));
    BOOST_TEST(issues_at(a, Severity::error, 73, "Child[2]/ChildIdentifiers/LAchildID",
                         {"is not valid UTF-8", "the child and its 1 CINdetails are not used"}) == 1u);
    BOOST_TEST(!has_event(a, "CIN002/referral/2021-09-13"));
    // In a code: an unknown code.
    std::string in_code = sample;
    in_code.replace(in_code.find("<PrimaryNeedCode>N1<"), 20, "<PrimaryNeedCode>N\xC3<");
    const CinCensusData b = read_cin_census(in_code, "cin.xml");
    BOOST_TEST(issues_at(b, Severity::warning, 35, "Child[1]/CINdetails/PrimaryNeedCode",
                         {"is not a primary need code", "not used"}) == 1u, issues_text(b));
    BOOST_TEST(!has_attribute(b, "CIN001 primary_need=N1@2021-05-04"));
    // In text that is not read: only the repair.
    std::string elsewhere = sample;
    elsewhere.replace(elsewhere.find("Oversight test fixture"), 9, "Oversight\x80");
    const CinCensusData c = read_cin_census(elsewhere, "cin.xml");
    BOOST_TEST(c.summary.issues.size() == 1u, issues_text(c));
    BOOST_TEST(attribute_lines(c) == attribute_lines(read_cin_census(kSample)));
}

BOOST_AUTO_TEST_CASE(child_ids_that_are_no_ids_are_refused) {
    const std::string sample = slurp(kSample);
    std::string tab = sample;
    tab.replace(tab.find("CIN002"), 6, "CIN&#9;002");
    const CinCensusData a = read_cin_census(tab, "cin.xml");
    BOOST_TEST(issues_at(a, Severity::error, 73, "LAchildID", {"control character", "not used"}) == 1u, issues_text(a));
    BOOST_TEST(a.children.size() == 3u);
    std::string huge = sample;
    huge.replace(huge.find("CIN002"), 6, std::string(5000, 'X'));
    const CinCensusData b = read_cin_census(huge, "cin.xml");
    BOOST_TEST(issues_at(b, Severity::error, 73, "LAchildID", {"5000 bytes long", "not used"}) == 1u, issues_text(b));
    BOOST_TEST(b.children.size() == 3u);
}

BOOST_AUTO_TEST_CASE(without_a_reference_date_dates_are_checked_against_today) {
    const std::string future = std::to_string(Date::today().year() + 1) + "-01-15";
    const CinCensusData d = read_cin_census(
        one_child("<CINclosureDate>" + future + "</CINclosureDate><ReasonForClosure>RC7</ReasonForClosure>", ""),
        "cin.xml");
    BOOST_TEST(issues_at(d, Severity::warning, 1, "/Message", {"no <Header>", "against today only"}) == 1u,
               issues_text(d));
    BOOST_TEST(issues_at(d, Severity::error, 6, "CINdetails/CINclosureDate", {future + " is in the future"}) == 1u);
    BOOST_TEST(!d.reference_date);
    BOOST_TEST(has_attribute(d, "T1 cin_episode=open@2021-05-01"));
    BOOST_TEST(d.attributes.size() == 2u);  // referral_source and cin_episode: no closure, no reason

    // A ReferenceDate that is no date is reported, and today is the bound.
    const CinCensusData bad = read_cin_census(
        one_child("", "<Header><CollectionDetails><ReferenceDate>31/03/2022</ReferenceDate></CollectionDetails></Header>"),
        "cin.xml");
    BOOST_TEST(issues_at(bad, Severity::error, 2, "CollectionDetails/ReferenceDate",
                         {"\"31/03/2022\" is not a date (YYYY-MM-DD)", "against today only"}) == 1u,
               issues_text(bad));
    BOOST_TEST(!bad.reference_date);
    BOOST_TEST(bad.events.size() == 1u);
}

BOOST_AUTO_TEST_CASE(xs_date_with_a_time_zone_is_the_day_written) {
    const CinCensusData d = read_cin_census(
        one_child("<CINclosureDate>2021-06-01Z</CINclosureDate><ReasonForClosure>RC7</ReasonForClosure>"
                  "<DateOfInitialCPC>2021-05-20+01:00</DateOfInitialCPC>"),
        "cin.xml");
    BOOST_TEST(d.summary.issues.empty(), issues_text(d));
    BOOST_TEST(has_attribute(d, "T1 reason_for_closure=RC7@2021-06-01"));
    BOOST_TEST(has_event(d, "T1/icpc/2021-05-20"));
}

// -------------------------------------------------------------- the codes

BOOST_AUTO_TEST_CASE(every_code_of_every_list_is_used_and_no_other) {
    // Each list's code in the element it is read from ("@"), within one_child().
    struct List {
        CinCodeList list;
        std::string key;  // the attribute it becomes
        std::string details;
    };
    const std::vector<List> lists = {
        {CinCodeList::referral_source, "referral_source", ""},  // in place of one_child()'s source 6
        {CinCodeList::primary_need, "primary_need", "<PrimaryNeedCode>@</PrimaryNeedCode>"},
        {CinCodeList::reason_for_closure, "reason_for_closure",
         "<CINclosureDate>2021-06-01</CINclosureDate><ReasonForClosure>@</ReasonForClosure>"},
        {CinCodeList::category_of_abuse, "category_of_abuse",
         "<DateOfInitialCPC>2021-05-10</DateOfInitialCPC><ChildProtectionPlans><CPPstartDate>2021-05-10</CPPstartDate>"
         "<InitialCategoryOfAbuse>@</InitialCategoryOfAbuse><LatestCategoryOfAbuse>@</LatestCategoryOfAbuse>"
         "<NumberOfPreviousCPP>1</NumberOfPreviousCPP></ChildProtectionPlans>"},
        {CinCodeList::assessment_factor, "assessment_factors",
         "<Assessments><AssessmentActualStartDate>2021-05-03</AssessmentActualStartDate>"
         "<AssessmentAuthorisationDate>2021-05-20</AssessmentAuthorisationDate>"
         "<FactorsIdentifiedAtAssessment><AssessmentFactors>@</AssessmentFactors></FactorsIdentifiedAtAssessment>"
         "</Assessments>"},
    };
    auto with = [](const List& l, const std::string& code) {
        if (l.list == CinCodeList::referral_source) {
            std::string text = one_child("");
            text.replace(text.find("<ReferralSource>6<"), 18, "<ReferralSource>" + code + "<");
            return text;
        }
        std::string details = l.details;
        for (std::size_t at; (at = details.find('@')) != std::string::npos;) details.replace(at, 1, code);
        return one_child(details);
    };
    for (const List& l : lists) {
        BOOST_TEST_CONTEXT(l.key) {
            const std::vector<CinCode>& codes = cin_census_codes(l.list);
            BOOST_TEST(!codes.empty());
            const std::int64_t line = l.list == CinCodeList::referral_source ? 6 : 7;  // see one_child()
            auto is_code = [&](const std::string& s) {
                return std::any_of(codes.begin(), codes.end(), [&](const CinCode& k) { return k.code == s; });
            };
            std::set<std::string_view> unique;
            for (const CinCode& c : codes) {
                const std::string code(c.code);
                BOOST_TEST(unique.insert(c.code).second, code);
                BOOST_TEST(!c.meaning.empty(), code);
                const CinCensusData ok = read_cin_census(with(l, code), "cin.xml");
                BOOST_TEST(ok.summary.errors() + ok.summary.warnings() == 0u, code << issues_text(ok));
                BOOST_TEST(std::any_of(ok.attributes.begin(), ok.attributes.end(),
                                       [&](const CinCensusAttribute& a) { return a.key == l.key && a.value == code; }),
                           code);

                // Misspelt: a warning at the element, and the value not used.
                for (const std::string& wrong : {code + "X", " " + code + ".", code.substr(1)}) {
                    if (wrong.empty() || is_code(wrong)) continue;
                    const CinCensusData bad = read_cin_census(with(l, wrong), "cin.xml");
                    BOOST_TEST(std::any_of(bad.summary.issues.begin(), bad.summary.issues.end(),
                                           [&](const ImportIssue& i) {
                                               return i.severity == Severity::warning && i.line == line &&
                                                      !i.path.empty() &&
                                                      i.message.find(" code of the CIN Census schema 2022") !=
                                                          std::string::npos &&
                                                      i.message.find("not used") != std::string::npos;
                                           }),
                               wrong << issues_text(bad));
                    BOOST_TEST(std::none_of(bad.attributes.begin(), bad.attributes.end(),
                                            [&](const CinCensusAttribute& a) { return a.key == l.key; }),
                               wrong);
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(a_code_in_the_wrong_case_is_not_changed_but_suggested) {
    const CinCensusData d = read_cin_census(one_child("<PrimaryNeedCode>n4</PrimaryNeedCode>"), "cin.xml");
    BOOST_TEST(issues_at(d, Severity::warning, 7, "CINdetails/PrimaryNeedCode",
                         {"\"n4\" is not a primary need code", "(did you mean N4?)", "not used"}) == 1u,
               issues_text(d));
    for (const CinCensusAttribute& a : d.attributes) BOOST_TEST(a.key != "primary_need");
}

// -------------------------------------------------- the real-format data

BOOST_AUTO_TEST_CASE(codes_are_the_schemas, *boost::unit_test::precondition(needs_shared(kRealSchema))) {
    const XmlDocument xsd = XmlDocument::load_file(shared_path(kRealSchema));
    const std::map<std::string, CinCodeList> lists = {{"referralsourcetype", CinCodeList::referral_source},
                                                      {"primaryneedcodetype", CinCodeList::primary_need},
                                                      {"reasonforclosuretype", CinCodeList::reason_for_closure},
                                                      {"categoryofabuse", CinCodeList::category_of_abuse},
                                                      {"assessmentfactorstype", CinCodeList::assessment_factor}};
    std::size_t compared = 0;
    for (const XmlNode& type : xsd.root().children("simpleType")) {
        auto it = lists.find(type.attribute("name").value_or(""));
        if (it == lists.end()) continue;
        BOOST_TEST_CONTEXT(it->first) {
            std::vector<std::string> schema, ours;
            for (const XmlNode& e : type.child("restriction").children("enumeration")) {
                std::string meaning;  // white space collapsed
                for (char ch : e.child("annotation").child("documentation").text()) {
                    const bool space = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
                    if (space && (meaning.empty() || meaning.back() == ' ')) continue;
                    meaning += space ? ' ' : ch;
                }
                schema.push_back(e.attribute("value").value_or("?") + " " + meaning);
            }
            for (const CinCode& c : cin_census_codes(it->second))
                ours.push_back(std::string(c.code) + " " + std::string(c.meaning));
            BOOST_TEST(ours == schema, boost::test_tools::per_element());
            ++compared;
        }
    }
    BOOST_TEST(compared == lists.size());
}

BOOST_AUTO_TEST_CASE(real_sample_counts_match_a_plain_reading, *boost::unit_test::precondition(needs_shared(kRealReturn))) {
    const std::string path = shared_path(kRealReturn);
    const std::string text = slurp(path);
    const CinCensusData d = read_cin_census(path);
    BOOST_TEST_MESSAGE("issues:" << issues_text(d));

    // Elements read: the tags counted in the text (the 2022 sample, counted
    // once with grep -c, holds one of each: 1 Child, 1 CINdetails, 1
    // Assessments, 1 CINPlanDates, 1 Section47, 1 ChildProtectionPlans, 1
    // CPPreviewDate).
    const std::map<std::string, std::string> tags = {
        {"children", "Child"},           {"cin_details", "CINdetails"}, {"assessments", "Assessments"},
        {"cin_plans", "CINPlanDates"},   {"section47s", "Section47"},  {"cp_plans", "ChildProtectionPlans"},
        {"cp_reviews", "CPPreviewDate"}};
    for (const auto& [count, tag] : tags)
        BOOST_TEST(d.summary.count(count) == static_cast<std::int64_t>(plain_count(text, tag)), count);

    // Nothing in the sample is refused (its dates disagree with each other
    // in ways that are doubts only), so every dated element gives its event:
    // one per distinct date of each type, the conferences being the
    // DateOfInitialCPC elements and the plans' starts.
    BOOST_TEST(d.summary.errors() == 0u);
    auto distinct = [&](std::initializer_list<const char*> names) {
        std::set<std::string> values;
        for (const char* n : names)
            for (const std::string& v : plain_values(text, n)) values.insert(v);
        return values.size();
    };
    BOOST_TEST(count_type(d, "referral") == distinct({"CINreferralDate"}));
    BOOST_TEST(count_type(d, "icpc") == distinct({"DateOfInitialCPC", "CPPstartDate"}));
    BOOST_TEST(count_type(d, "assessment_completed") == distinct({"AssessmentAuthorisationDate"}));
    BOOST_TEST(count_type(d, "s47_strategy_discussion") == distinct({"S47ActualStartDate"}));
    BOOST_TEST(count_type(d, "cp_plan_ended") == distinct({"CPPendDate"}));
    BOOST_TEST(count_type(d, "cp_review") == distinct({"CPPreviewDate"}));
    // Attributes: one per code and per state change (no two on one day).
    const std::size_t latest_differs =
        plain_values(text, "LatestCategoryOfAbuse") != plain_values(text, "InitialCategoryOfAbuse") ? 1 : 0;
    std::size_t attributes = latest_differs;
    for (const char* tag : {"ReferralSource", "PrimaryNeedCode", "CINreferralDate", "CINclosureDate", "ReasonForClosure",
                            "AssessmentActualStartDate", "AssessmentAuthorisationDate", "FactorsIdentifiedAtAssessment",
                            "CINPlanStartDate", "CINPlanEndDate", "InitialCategoryOfAbuse"})
        attributes += plain_count(text, tag);
    BOOST_TEST(d.attributes.size() == attributes);
    // The same by the one-time count: 1 child, 8 events (referral; icpc on
    // 1970-12-06, 1970-06-17 and the plan's 1970-02-17; assessment_completed;
    // s47_strategy_discussion; cp_plan_ended; cp_review), 11 attributes.
    BOOST_TEST(d.children.size() == 1u);
    BOOST_TEST(d.events.size() == 8u);
    BOOST_TEST(d.attributes.size() == 11u);
    BOOST_TEST(d.children[0].id == plain_values(text, "LAchildID").at(0));
    BOOST_TEST(d.children[0].date_of_birth->iso() == plain_values(text, "PersonBirthDate").at(0));
    // Its doubts: activity before the referral (1103, 2889, 1104, 1105) and
    // after the closure (8565, twice), and a plan starting on no
    // conference's day (2885).
    BOOST_TEST(d.summary.warnings() == 7u);
    for (const char* rule : {"1103", "2889", "1104", "1105", "2885"})
        BOOST_TEST(std::count_if(d.summary.issues.begin(), d.summary.issues.end(),
                                 [&](const ImportIssue& i) { return i.message.find(std::string("rule ") + rule) != std::string::npos; }) == 1,
                   rule);
    for (const ImportIssue& i : d.summary.issues) {
        BOOST_TEST(i.file == path);
        BOOST_TEST(i.line >= 1);
        BOOST_TEST(i.path.rfind("/Message/Children/Child/CINdetails/", 0) == 0, i.path);
    }
}

BOOST_AUTO_TEST_SUITE_END()
