// The CSWW census reader: our fictional returns (tests/data/csww_sample),
// damaged input, and the real-format return in shared/data/workforce with
// counts from a plain reading of its text.
#include <boost/test/unit_test.hpp>

#include <oversight/core/error.hpp>
#include <oversight/import/csww.hpp>

#include "support/shared_data.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace oversight;

namespace {

using oversight::test::needs_shared;
using oversight::test::shared_path;

const std::string kSample = OVERSIGHT_TEST_DATA_DIR "/csww_sample";
const char* const kReal = "data/workforce/social_work_workforce_2022.xml";

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    BOOST_REQUIRE_MESSAGE(in, "cannot read " << path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const CswwWorker* worker(const CswwData& d, const std::string& swe, std::optional<Date> start = std::nullopt) {
    for (const CswwWorker& w : d.workers)
        if (w.swe_number == swe && (!start || w.role_start == start)) return &w;
    return nullptr;
}

std::string other(const CswwWorker& w, const std::string& name) {
    for (const auto& [n, v] : w.other)
        if (n == name) return v;
    return "<none>";
}

// Error(code) whose message contains `part`.
bool refused(const CswwFile& f, Status code, const std::string& part) {
    try {
        read_csww(f);
    } catch (const Error& e) {
        BOOST_TEST_MESSAGE("refused: " << e.what());
        return e.code() == code && std::string(e.what()).find(part) != std::string::npos;
    }
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(csww)

BOOST_AUTO_TEST_CASE(a_clean_return_maps_into_the_workforce_model) {
    const std::string path = kSample + "/return.xml";
    const CswwData d = read_csww(path);
    BOOST_TEST(d.summary.importer == "csww");
    BOOST_TEST(d.summary.source == path);
    BOOST_TEST((d.about.year == 2024));
    BOOST_TEST(d.about.reference_date->iso() == "2024-09-30");
    BOOST_TEST(d.about.la_code == "999");
    BOOST_TEST(*d.about.vacancies_fte == 3.5);
    BOOST_TEST(*d.about.agency_fte == 1.8);
    BOOST_TEST(*d.about.agency_headcount == 2);

    BOOST_TEST(d.summary.count("workers") == 6);
    BOOST_TEST(d.summary.count("people") == 5);
    BOOST_TEST(d.summary.count("agency_workers") == 1);
    BOOST_TEST(d.summary.count("leavers") == 2);
    BOOST_TEST_REQUIRE(d.workers.size() == 6u);
    BOOST_TEST_REQUIRE(d.people.size() == 5u);

    // People: named by SWENo, job title from OrgRole, agency flag.
    BOOST_TEST(d.people[0].name == "SW0000000101");
    BOOST_TEST(d.people[0].job_title == "Case Holder");
    BOOST_TEST(d.people[0].agency == "");
    BOOST_TEST(d.people[1].name == "SW0000000102");
    BOOST_TEST(d.people[1].agency == "agency");
    BOOST_TEST(d.people[2].job_title == "First Line Manager");
    BOOST_TEST(d.people[3].job_title == "Senior Manager");
    BOOST_TEST(d.people[4].job_title == "");  // no OrgRole
    for (const Person& p : d.people) BOOST_TEST(p.id == 0);

    // A case holder in post.
    const CswwWorker* a = worker(d, "SW0000000101");
    BOOST_REQUIRE(a);
    BOOST_TEST(!a->agency);
    BOOST_TEST(*a->fte == 1.0);
    BOOST_TEST(*a->fte30 == 1.0);
    BOOST_TEST(*a->cases30 == 17);
    BOOST_TEST(a->org_role == "5");
    BOOST_TEST(a->start_origin == "1");
    BOOST_TEST((a->cfkss == std::vector<std::string>{"2"}));
    BOOST_TEST(other(*a, "QualInst") == "Fictional University");
    BOOST_TEST(other(*a, "WorkingDaysLost") == "2.50");
    BOOST_TEST((a->appointment.role == Role::social_worker));
    BOOST_TEST(a->appointment.person == "SW0000000101");
    BOOST_TEST(a->appointment.from->iso() == "2019-04-01");
    BOOST_TEST(!a->appointment.until);
    BOOST_TEST(a->appointment.team == "");
    BOOST_TEST(a->line == 21);
    BOOST_TEST(a->path == "/Message/CSWWWorker[1]");
    BOOST_TEST(a->file == path);

    // An agency worker who left: the appointment ends on RoleEndDate.
    const CswwWorker* b = worker(d, "SW0000000102");
    BOOST_REQUIRE(b);
    BOOST_TEST(b->agency);
    BOOST_TEST(*b->fte == 0.8);
    BOOST_TEST(b->appointment.from->iso() == "2023-01-09");
    BOOST_TEST(b->appointment.until->iso() == "2024-03-31");
    BOOST_TEST(b->leaver_destination == "8");
    BOOST_TEST(b->reason_leave == "1");
    BOOST_TEST(other(*b, "ContractWeeks") == "64.0");

    // Managers; a senior manager with no start date is appointed since before records.
    BOOST_TEST((worker(d, "SW0000000103")->appointment.role == Role::team_manager));
    BOOST_TEST((worker(d, "SW0000000103")->cfkss == std::vector<std::string>{"3", "4"}));
    const CswwWorker* m = worker(d, "SW0000000104");
    BOOST_TEST((m->appointment.role == Role::manager));
    BOOST_TEST(!m->appointment.from);
    BOOST_TEST(!m->fte);

    // Started and left on the same day: a one-day appointment; no OrgRole: Role::other.
    const CswwWorker* e = worker(d, "SW0000000105");
    BOOST_TEST((e->appointment.role == Role::other));
    BOOST_TEST(e->appointment.from->iso() == "2024-09-02");
    BOOST_TEST(e->appointment.until->iso() == "2024-09-03");

    // The same SWE number again, in lower case: another record of the same
    // person, whose appointment names the person as first spelt.
    const CswwWorker* again = worker(d, "sw0000000102");
    BOOST_REQUIRE(again);
    BOOST_TEST(again->appointment.person == "SW0000000102");
    BOOST_TEST((again->appointment.role == Role::senior_practitioner));
    BOOST_TEST(again->appointment.from->iso() == "2024-04-01");
    BOOST_TEST_REQUIRE(d.summary.issues.size() == 1u);
    const ImportIssue& note = d.summary.issues[0];
    BOOST_TEST((note.severity == Severity::note));
    BOOST_TEST(note.where() == path + ":76:/Message/CSWWWorker[6]");
    BOOST_TEST(note.message.find("also has the record at line 35") != std::string::npos, note.message);
}

// Every problem of bad.xml, in document order, with its place and whether
// the value was used (warning, note) or not (error).
BOOST_AUTO_TEST_CASE(bad_values_become_issues_with_their_place) {
    const std::string path = kSample + "/bad.xml";
    const CswwData d = read_csww(path);
    struct Expected {
        std::string where;
        Severity severity;
        std::string text;
    };
    const std::string w = "/Message/CSWWWorker";
    const std::vector<Expected> expected = {
        {":48", Severity::warning, "U+FFFD"},
        {":9:/Message/Header/Source/LEA", Severity::warning, "LEA \"12\" is not a three-digit LA number"},
        {":15:" + w + "[1]/FTE", Severity::error, "FTE \"1.5\" is outside 0..1; not used"},
        {":16:" + w + "[1]/GenderCurrent", Severity::warning, "not a code of the XSD's gendertype (0, 1, 2, 9)"},
        {":18:" + w + "[1]/OrgRole", Severity::warning, "OrgRole \"8\" is not a code of the XSD's roletype"},
        {":19:" + w + "[1]/RoleStartDate", Severity::error, "\"2021-02-30\" is not a day that exists"},
        {":20:" + w + "[1]/Cases30", Severity::error, "Cases30 \"-3\" is negative; not used"},
        {":21:" + w + "[1]/Nickname", Severity::warning, "not an element of CSWWWorker in the CSWW XSD; kept"},
        {":23:" + w + "[2]", Severity::error, "CSWWWorker has no SWENo; record not used"},
        {":29:" + w + "[3]/AgencyWorker", Severity::error, "AgencyWorker \"2\" is not a code of the XSD's agencyworkertype"},
        {":30:" + w + "[3]/SWENo[1]", Severity::warning, "not two letters and ten digits"},
        {":31:" + w + "[3]/SWENo[2]", Severity::error, "SWENo appears again; the first is used"},
        {":36:" + w + "[3]/WorkingDaysLost", Severity::warning, "more than 2 decimal places"},
        {":35:" + w + "[3]/RoleEndDate", Severity::error, "RoleEndDate 2022-04-30 is before RoleStartDate 2022-05-01"},
        {":38:" + w + "[4]", Severity::warning, "AgencyWorker is missing"},
        {":42:" + w + "[4]/RoleStartDate", Severity::error, "before PersonBirthDate 1990-01-01; not used"},
        {":43:" + w + "[4]/RoleEndDate", Severity::warning, "after the census ReferenceDate 2024-09-30"},
        {":48:" + w + "[5]/SWENo", Severity::error, "SWENo is not valid UTF-8; record not used"},
        {":51:" + w + "[6]", Severity::note, "QualInst is missing"},
        {":55:" + w + "[6]/LeaverDestination", Severity::warning, "LeaverDestination is given but RoleEndDate is not"},
        {":57:/Message/Extra", Severity::error, "Extra is not an element of the CSWW Message; not read"},
        {":2:/Message", Severity::note, "LALevelVacancies is missing"},
    };
    const auto& issues = d.summary.issues;
    for (const ImportIssue& i : issues) BOOST_TEST_MESSAGE(to_string(i.severity) << " " << i.where() << ": " << i.message);
    BOOST_TEST_REQUIRE(issues.size() == expected.size());
    for (std::size_t k = 0; k < issues.size(); ++k) {
        BOOST_TEST_CONTEXT("issue " << k << ": " << issues[k].where() << ": " << issues[k].message) {
            BOOST_TEST(issues[k].where() == path + expected[k].where);
            BOOST_TEST((issues[k].severity == expected[k].severity));
            BOOST_TEST(issues[k].message.find(expected[k].text) != std::string::npos);
        }
    }

    // Six records met; the one without SWENo and the one with a damaged SWENo are not used.
    BOOST_TEST(d.summary.count("workers") == 6);
    BOOST_REQUIRE(d.workers.size() == 4u);
    const CswwWorker& first = d.workers[0];
    BOOST_TEST(!first.fte);                  // 1.5 not used
    BOOST_TEST(!first.cases30);              // -3 not used
    BOOST_TEST(!first.role_start);           // 30 February not used
    BOOST_TEST(first.org_role == "8");       // unknown code kept as read ...
    BOOST_TEST((first.appointment.role == Role::other));  // ... and no role
    BOOST_TEST(other(first, "GenderCurrent") == "7");
    BOOST_TEST(other(first, "Nickname") == "Kit");
    const CswwWorker& third = d.workers[1];
    BOOST_TEST(third.swe_number == "12345");  // the first SWENo is the identity
    BOOST_TEST(!third.agency);                // AgencyWorker 2 not used
    BOOST_TEST(third.role_start->iso() == "2022-05-01");
    BOOST_TEST(!third.role_end);              // before the start: not used
    BOOST_TEST(!third.appointment.until);
    BOOST_TEST((third.appointment.role == Role::social_worker));
    const CswwWorker& fourth = d.workers[2];
    BOOST_TEST(!fourth.role_start);           // before birth
    BOOST_TEST(fourth.role_end->iso() == "2030-01-01");  // after the reference date: used, with a warning
    BOOST_TEST(fourth.appointment.until->iso() == "2030-01-01");
    BOOST_TEST(d.summary.count("leavers") == 1);
    BOOST_TEST(d.people.size() == 4u);
    BOOST_TEST(d.about.la_code == "12");
}

// Input that is not a CSWW return at all is refused with the place named;
// invalid UTF-8 is repaired with a warning.
BOOST_AUTO_TEST_CASE(damaged_input_is_refused_with_its_place) {
    const std::string good = slurp(kSample + "/return.xml");
    CswwFile f{"csww.xml", good};
    BOOST_TEST(read_csww(f).summary.source == "");
    BOOST_TEST(read_csww(f).workers.size() == 6u);

    CswwFile truncated{"cut.xml", good.substr(0, good.size() / 2)};
    BOOST_TEST(refused(truncated, Status::parse, "cut.xml:"));
    CswwFile nul{"nul.xml", good};
    nul.text.insert(nul.text.find("SW0000000103"), 1, '\0');
    BOOST_TEST(refused(nul, Status::parse, "nul.xml:50:"));
    CswwFile utf16{"utf16.xml", std::string("\xFF\xFE<\0M\0", 6)};
    BOOST_TEST(refused(utf16, Status::parse, "UTF-16"));
    CswwFile empty{"empty.xml", ""};
    BOOST_TEST(refused(empty, Status::parse, "empty.xml"));
    CswwFile root{"cin.xml", "<?xml version=\"1.0\"?>\n<CINMessage><Header/></CINMessage>\n"};
    BOOST_TEST(refused(root, Status::parse, "cin.xml:2:/CINMessage: the root element is <CINMessage>, not <Message>"));
    CswwFile cin{"cin.xml",
                 "<Message>\n<Header>\n<CollectionDetails>\n<Collection>CIN</Collection>\n</CollectionDetails>\n"
                 "</Header>\n</Message>\n"};
    BOOST_TEST(refused(cin, Status::parse,
                       "cin.xml:4:/Message/Header/CollectionDetails/Collection: the collection is \"CIN\", not CSWW"));
    BOOST_CHECK_EXCEPTION(read_csww(kSample + "/nope.xml"), Error, [](const Error& e) { return e.code() == Status::io; });

    // A return with no worker is read, with a warning; an invalid byte in a code is replaced and reported.
    CswwFile none{"none.xml", "<Message><LALevelVacancies/></Message>"};
    const CswwData n = read_csww(none);
    BOOST_TEST(n.workers.empty());
    BOOST_TEST_REQUIRE(n.summary.issues.size() == 1u);
    BOOST_TEST(n.summary.issues[0].message == "the return has no CSWWWorker record");
    CswwFile latin{"latin.xml", "<Message><CSWWWorker><AgencyWorker>0</AgencyWorker><SWENo>SW0000000001</SWENo>"
                                "<Ethnicity>WBR\xC9</Ethnicity></CSWWWorker><LALevelVacancies/></Message>"};
    const CswwData l = read_csww(latin);
    BOOST_REQUIRE(l.workers.size() == 1u);
    BOOST_TEST(other(l.workers[0], "Ethnicity") == "WBR\xEF\xBF\xBD");
    BOOST_TEST_REQUIRE(l.summary.issues.size() == 3u);  // the repair, the unknown code, no QualInst
    BOOST_TEST((l.summary.issues[0].severity == Severity::warning));
    BOOST_TEST(l.summary.issues[1].message.find("not a code of the XSD's ethnicitytype") != std::string::npos);
    BOOST_TEST(l.summary.issues[2].message.find("QualInst is missing") != std::string::npos);

    // Huge numbers are reported, not wrapped.
    CswwFile huge{"huge.xml", "<Message><LALevelVacancies><NoAgencyHeadcount>99999999999999999999</NoAgencyHeadcount>"
                              "</LALevelVacancies><CSWWWorker><AgencyWorker>0</AgencyWorker><SWENo>SW0000000001</SWENo>"
                              "<QualInst/><RoleStartDate>2500-01-01</RoleStartDate></CSWWWorker></Message>"};
    const CswwData h = read_csww(huge);
    BOOST_TEST(!h.about.agency_headcount);
    BOOST_TEST(!h.workers.at(0).role_start);
    BOOST_TEST_REQUIRE(h.summary.issues.size() == 2u);
    BOOST_TEST(h.summary.issues[0].message.find("too large") != std::string::npos);
    BOOST_TEST(h.summary.issues[1].message == "RoleStartDate 2500-01-01 is outside 1900..2199; not used");
}

BOOST_AUTO_TEST_CASE(org_role_codes) {
    const std::map<std::string, Role> table = {{"1", Role::manager},         {"2", Role::manager},
                                               {"3", Role::team_manager},    {"4", Role::senior_practitioner},
                                               {"5", Role::social_worker},   {"6", Role::social_worker},
                                               {"7", Role::other},           {"", Role::other}};
    for (const auto& [code, role] : table) BOOST_TEST((csww_org_role(code) == role), code);
    BOOST_TEST(csww_org_role_label("4") == "Senior Practitioner");
    BOOST_TEST(csww_org_role_label("6") == "Qualified Without Cases");
    BOOST_TEST(csww_org_role_label("0") == "");
}

// The real-format return (liia-tools' synthetic sample) against a plain
// reading of its text: each <CSWWWorker>...</CSWWWorker> block cut out with a
// regular expression and its simple elements read the same way. Done once by
// hand too (Python, re.findall): 30 records, 30 distinct SWE numbers, 18
// agency workers, 13 with RoleEndDate, OrgRole 13 absent / 4x1, 3x2, 2x3,
// 1x4, 2x5, 5x6; every code in its XSD list; 12 records without QualInst;
// ReferenceDate 2022-09-30, after which 7 RoleStartDates and 11
// RoleEndDates fall (the sample was generated on 2023-03-28). So: no errors,
// 18 warnings, 12 notes.
BOOST_AUTO_TEST_CASE(real_return_counts_match_a_plain_reading, *boost::unit_test::precondition(needs_shared(kReal))) {
    const std::string path = shared_path(kReal);
    const std::string text = slurp(path);
    const std::regex block("<CSWWWorker>([\\s\\S]*?)</CSWWWorker>");
    auto field = [](const std::string& b, const std::string& tag) -> std::vector<std::string> {
        std::vector<std::string> out;
        const std::regex e("<" + tag + ">([^<]*)</" + tag + ">");
        for (std::sregex_iterator it(b.begin(), b.end(), e), end; it != end; ++it) out.push_back((*it)[1]);
        return out;
    };
    std::smatch ref;
    BOOST_REQUIRE(std::regex_search(text, ref, std::regex("<ReferenceDate>([^<]*)</ReferenceDate>")));
    const std::string reference = ref[1];
    std::size_t records = 0, agency = 0, leavers = 0, no_qual = 0, late = 0;
    std::set<std::string> swe;
    std::map<std::string, std::size_t> roles;
    for (std::sregex_iterator it(text.begin(), text.end(), block), end; it != end; ++it) {
        const std::string b = (*it)[1];
        ++records;
        swe.insert(field(b, "SWENo").at(0));
        agency += field(b, "AgencyWorker") == std::vector<std::string>{"1"};
        leavers += !field(b, "RoleEndDate").empty();
        no_qual += field(b, "QualInst").empty();
        for (const char* tag : {"RoleStartDate", "RoleEndDate"})
            for (const std::string& day : field(b, tag)) late += day > reference;  // ISO dates order as text
        const auto role = field(b, "OrgRole");
        ++roles[role.empty() ? "" : role[0]];
    }
    BOOST_TEST(records == 30u);  // the hand count above

    const CswwData d = read_csww(path);
    BOOST_TEST(static_cast<std::size_t>(d.summary.count("workers")) == records);
    BOOST_TEST(d.workers.size() == records);
    BOOST_TEST(static_cast<std::size_t>(d.summary.count("people")) == swe.size());
    BOOST_TEST(d.people.size() == swe.size());
    BOOST_TEST(static_cast<std::size_t>(d.summary.count("agency_workers")) == agency);
    BOOST_TEST(static_cast<std::size_t>(d.summary.count("leavers")) == leavers);
    BOOST_TEST(d.about.reference_date->iso() == reference);
    BOOST_TEST(d.about.la_code == "301");
    BOOST_TEST(*d.about.agency_headcount == 71);
    std::map<std::string, std::size_t> read_roles;
    for (const CswwWorker& w : d.workers) ++read_roles[w.org_role];
    BOOST_TEST((read_roles == roles));
    for (const CswwWorker& w : d.workers) {
        BOOST_TEST((w.appointment.role == csww_org_role(w.org_role)));
        BOOST_TEST((w.appointment.from == w.role_start));
        BOOST_TEST((w.appointment.until == w.role_end));  // no same-day leaver in this return
    }
    BOOST_TEST(d.summary.errors() == 0u);
    BOOST_TEST(d.summary.warnings() == late);
    const auto notes = static_cast<std::size_t>(std::count_if(d.summary.issues.begin(), d.summary.issues.end(),
                                                              [](const ImportIssue& i) { return i.severity == Severity::note; }));
    BOOST_TEST(notes == no_qual);
    for (const ImportIssue& i : d.summary.issues) {
        BOOST_TEST(i.file == path);
        BOOST_TEST(i.line > 0);
        BOOST_TEST(i.path.rfind("/Message/CSWWWorker[", 0) == 0u, i.path);
    }
}

BOOST_AUTO_TEST_SUITE_END()
