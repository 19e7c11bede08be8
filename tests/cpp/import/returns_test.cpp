// Storing the statutory returns (import_cin_census, import_csww,
// import_annex_a, import_return): our fictional fixtures in tests/data/,
// each imported twice (the second import changes nothing), what the
// importers add to the returns' events, and a council with only Annex A
// getting allocations and reminders.
#include <boost/test/unit_test.hpp>

#include <oversight/calendar/calendar.hpp>
#include <oversight/casework/case.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/core/error.hpp>
#include <oversight/import/annex_a.hpp>
#include <oversight/import/cin_census.hpp>
#include <oversight/import/csww.hpp>
#include <oversight/import/return_format.hpp>
#include <oversight/import/ssda903.hpp>
#include <oversight/reminders/reminder.hpp>
#include <oversight/rules/rule_pack.hpp>
#include <oversight/store/store.hpp>
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/person.hpp>
#include <oversight/workforce/team.hpp>

#include "support/store_fixtures.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace oversight;

namespace {

const std::string kData = OVERSIGHT_TEST_DATA_DIR;
const std::string kCin = kData + "/cin_census_sample/cin_sample.xml";
const std::string kCinDamaged = kData + "/cin_census_sample/cin_damaged.xml";
const std::string kCsww = kData + "/csww_sample/return.xml";
const std::string kCswwBad = kData + "/csww_sample/bad.xml";
const std::string kAnnexA = kData + "/annex_a_sample/sample.xlsx";
const std::string kAnnexABad = kData + "/annex_a_sample/bad.xlsx";
const std::string kSsda903 = kData + "/ssda903_sample";

Date d(const char* iso) { return Date::parse_iso(iso); }

std::size_t refusals(const ImportSummary& s) {
    return static_cast<std::size_t>(std::count_if(s.issues.begin(), s.issues.end(), [](const ImportIssue& i) {
        return i.severity == Severity::error && i.message.find("not stored: ") != std::string::npos;
    }));
}

std::int64_t events_seen(const ImportSummary& s) {
    return s.count("events_added") + s.count("events_updated") + s.count("events_already_present");
}

const RecordedEvent* find_event(const std::vector<RecordedEvent>& events, const std::string& type, Date on) {
    for (const RecordedEvent& e : events)
        if (e.event.type == type && e.event.date == on) return &e;
    return nullptr;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(returns)

BOOST_AUTO_TEST_CASE(return_format_names) {
    for (ReturnFormat f : {ReturnFormat::ssda903, ReturnFormat::cin_census, ReturnFormat::csww, ReturnFormat::annex_a})
        BOOST_TEST((parse_return_format(to_string(f)) == f));
    BOOST_TEST(to_string(ReturnFormat::cin_census) == "cin");
    BOOST_TEST(to_string(ReturnFormat::annex_a) == "annex-a");
    BOOST_TEST((parse_return_format("CIN-Census") == ReturnFormat::cin_census));
    BOOST_TEST((parse_return_format("annex_a") == ReturnFormat::annex_a));
    std::string message;
    BOOST_TEST(test::code_of([] { parse_return_format("annexa"); }, &message) == Status::invalid_arg);
    BOOST_TEST(message.find("annex-a") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(cin_census_stored_once) {
    const CinCensusData read = read_cin_census(kCin);
    Store store = Store::open_in_memory();
    const ImportSummary first = import_cin_census(store, kCin);
    BOOST_TEST(first.importer == "cin-census");
    BOOST_TEST(static_cast<std::size_t>(first.count("children_added")) == read.children.size());
    BOOST_TEST(first.count("events_derived") == 2);  // CIN002's NFA, CIN003's enquiry without a conference
    BOOST_TEST(static_cast<std::size_t>(first.count("events_added")) == read.events.size() + 2);
    BOOST_TEST(static_cast<std::size_t>(first.count("attributes_set")) == read.attributes.size());
    BOOST_TEST((first.issues == read.summary.issues));  // nothing refused by the store
    const std::size_t history = store.history().size();

    const ImportSummary second = import_cin_census(store, kCin);
    BOOST_TEST(second.count("children_added") == 0);
    BOOST_TEST(second.count("children_updated") == 0);
    BOOST_TEST(second.count("events_added") == 0);
    BOOST_TEST(second.count("events_updated") == 0);
    BOOST_TEST(second.count("attributes_set") == 0);
    BOOST_TEST(second.count("events_already_present") == first.count("events_added"));
    BOOST_TEST(store.history().size() == history);

    // Each event carries its identity, and its source names the file.
    const auto cin1 = list_events(store, "CIN001");
    BOOST_REQUIRE(!cin1.empty());
    for (const RecordedEvent& e : cin1) {
        BOOST_TEST(e.source == "cin-census:cin_sample.xml");
        BOOST_TEST(e.event.external_id.value_or("") ==
                   "cin:CIN001/" + e.event.type + "/" + e.event.date.iso());
    }
}

BOOST_AUTO_TEST_CASE(cin_census_nfa_and_icpc_not_required) {
    Store store = Store::open_in_memory();
    import_cin_census(store, kCin);
    // CIN002: a referral with no further action has its decision.
    const auto cin2 = list_events(store, "CIN002");
    const RecordedEvent* referral = nullptr;
    for (const RecordedEvent& e : cin2)
        if (e.event.type == "referral") referral = &e;
    BOOST_REQUIRE(referral);
    const RecordedEvent* decision = find_event(cin2, "referral_decision", referral->event.date);
    BOOST_REQUIRE(decision);
    BOOST_TEST(decision->event.attributes.at("decision") == "nfa");

    // CIN003: the enquiry of 2022-01-12 needed no conference: it is closed the
    // next day and its ICPC clock stops; the one of 2022-03-28 keeps its clock.
    const auto cin3 = list_events(store, "CIN003");
    BOOST_TEST(find_event(cin3, "cp_enquiry_closed", d("2022-01-13")));
    BOOST_TEST(!find_event(cin3, "cp_enquiry_closed", d("2022-03-29")));
    BOOST_TEST(!find_event(list_events(store, "CIN001"), "cp_enquiry_closed", d("2021-06-01")));
    const Calendar cal = Calendar::for_division(Division::england_and_wales);
    const Date as_of = d("2022-05-31");
    std::set<std::string> icpc_anchors;
    for (const Obligation& o :
         schedule_case(RulePack::england_default(), load_case(store, "CIN003", as_of), as_of, cal))
        if (o.rule_id == "cp.icpc") icpc_anchors.insert(o.anchor.iso());
    BOOST_TEST(icpc_anchors.count("2022-01-12") == 0u);
    BOOST_TEST(icpc_anchors.count("2022-03-28") == 1u);
}

BOOST_AUTO_TEST_CASE(cin_census_damaged_every_refusal_reported) {
    const CinCensusData read = read_cin_census(kCinDamaged);
    Store store = Store::open_in_memory();
    const ImportSummary s = import_cin_census(store, kCinDamaged);
    BOOST_TEST(s.errors() >= read.summary.errors());
    // Every event read is stored or refused with an issue.
    BOOST_TEST(static_cast<std::size_t>(events_seen(s)) + refusals(s) ==
               read.events.size() + static_cast<std::size_t>(s.count("events_derived")));
    const std::size_t history = store.history().size();
    import_cin_census(store, kCinDamaged);
    BOOST_TEST(store.history().size() == history);
}

BOOST_AUTO_TEST_CASE(csww_people_and_appointments_once) {
    const CswwData read = read_csww(kCsww);
    Store store = Store::open_in_memory();
    const ImportSummary first = import_csww(store, kCsww);
    BOOST_TEST(first.importer == "csww");
    BOOST_TEST(first.count("people_added") == 5);
    BOOST_TEST(static_cast<std::size_t>(first.count("people_added")) == read.people.size());
    BOOST_TEST(static_cast<std::size_t>(first.count("appointments_added")) == read.workers.size());
    BOOST_TEST((first.issues == read.summary.issues));
    const auto agency = try_find_person(store, "SW0000000102");
    BOOST_REQUIRE(agency);
    BOOST_TEST(agency->agency == "agency");
    const auto two = appointments(store, "SW0000000102");
    BOOST_REQUIRE(two.size() == 2u);
    BOOST_TEST((two[0].until == std::optional<Date>(d("2024-03-31"))));
    BOOST_TEST((two[1].role == Role::senior_practitioner));
    BOOST_TEST(!two[1].until);
    const std::size_t history = store.history().size();

    const ImportSummary second = import_csww(store, kCsww);
    for (const char* count : {"people_added", "people_updated", "appointments_added", "appointments_updated"})
        BOOST_TEST(second.count(count) == 0, count);
    BOOST_TEST(store.history().size() == history);

    // Next year's return: SW0000000101 has left. The appointment is ended in
    // place, not doubled.
    std::string text = slurp(kCsww);
    const std::string start = "<RoleStartDate>2019-04-01</RoleStartDate>";
    BOOST_REQUIRE(text.find(start) != std::string::npos);
    text.replace(text.find(start), start.size(), start + "<RoleEndDate>2024-06-30</RoleEndDate>");
    const test::TempStore later("returns_csww_later");  // a file name in the temporary folder
    const std::string later_xml = later.path + ".xml";
    std::ofstream(later_xml, std::ios::binary) << text;
    const ImportSummary third = import_csww(store, later_xml);
    std::filesystem::remove(later_xml);
    BOOST_TEST(third.count("appointments_updated") == 1);
    BOOST_TEST(third.count("appointments_added") == 0);
    const auto left = appointments(store, "SW0000000101");
    BOOST_REQUIRE(left.size() == 1u);
    BOOST_TEST(left[0].until.has_value());
}

BOOST_AUTO_TEST_CASE(csww_bad_return_refusals_reported) {
    const CswwData read = read_csww(kCswwBad);
    Store store = Store::open_in_memory();
    const ImportSummary s = import_csww(store, kCswwBad);
    BOOST_TEST(static_cast<std::size_t>(s.count("appointments_added")) + refusals(s) == read.workers.size());
    const std::size_t history = store.history().size();
    import_csww(store, kCswwBad);
    BOOST_TEST(store.history().size() == history);
}

BOOST_AUTO_TEST_CASE(annex_a_gives_allocations_and_reminders) {
    const AnnexAData read = read_annex_a(kAnnexA);
    BOOST_REQUIRE(!read.allocations.empty());
    Store store = Store::open_in_memory();
    const ImportSummary first = import_annex_a(store, kAnnexA);
    BOOST_TEST(first.importer == "annex-a");
    BOOST_TEST(static_cast<std::size_t>(first.count("children_added")) == read.children.size());
    BOOST_TEST(static_cast<std::size_t>(events_seen(first)) ==
               read.events.size() + static_cast<std::size_t>(first.count("events_derived")));
    BOOST_TEST(first.count("allocations_added") > 0);
    BOOST_TEST(first.count("workers_added") > 0);
    BOOST_TEST(refusals(first) == 0u);
    const std::size_t history = store.history().size();

    // Every child with an allocated worker in the workbook is allocated now,
    // to the worker of its latest-dated row.
    std::set<std::string> allocated;
    for (const AnnexAAllocation& a : read.allocations) allocated.insert(a.child_id);
    const Date today = Date::today();
    std::size_t with_worker = 0;
    for (const CaseSummary& c : list_cases(store, {}, today))
        if (allocated.count(c.child_id) && !c.worker.empty()) ++with_worker;
    BOOST_TEST(with_worker == allocated.size());

    // A child still looked after (List 8, not ceased) has reminders for its worker.
    std::set<std::string> ceased;
    for (const AnnexAEvent& e : read.events)
        if (e.event.type == "ceased_looked_after") ceased.insert(e.child_id);
    std::string child, worker;
    for (const AnnexAAllocation& a : read.allocations)
        if (a.place.list == 8 && !ceased.count(a.child_id)) child = a.child_id;
    BOOST_REQUIRE(!child.empty());
    const auto allocs = allocations(store, child);
    BOOST_REQUIRE(!allocs.empty());
    worker = allocs.back().worker;
    const Calendar cal = Calendar::for_division(Division::england_and_wales);
    CaseFilter by_worker;
    by_worker.worker = worker;
    const auto due = reminders(store, RulePack::england_default(), cal, today, {10, Unit::working_days}, by_worker);
    BOOST_TEST(std::any_of(due.begin(), due.end(), [&](const Reminder& r) {
        return r.obligation.child_id == child && r.obligation.worker == worker;
    }));

    const ImportSummary second = import_annex_a(store, kAnnexA);
    for (const char* count : {"children_added", "children_updated", "events_added", "events_updated",
                              "attributes_set", "teams_added", "workers_added", "allocations_added"})
        BOOST_TEST(second.count(count) == 0, count);
    BOOST_TEST(store.history().size() == history);
}

BOOST_AUTO_TEST_CASE(annex_a_bad_workbook_refusals_reported) {
    const AnnexAData read = read_annex_a(kAnnexABad);
    Store store = Store::open_in_memory();
    const ImportSummary s = import_annex_a(store, kAnnexABad);
    BOOST_TEST(s.issues.size() >= read.summary.issues.size());
    BOOST_TEST(static_cast<std::size_t>(events_seen(s)) + refusals(s) >=
               read.events.size() + static_cast<std::size_t>(s.count("events_derived")));
    const std::size_t history = store.history().size();
    import_annex_a(store, kAnnexABad);
    BOOST_TEST(store.history().size() == history);
}

BOOST_AUTO_TEST_CASE(annex_a_leaves_the_directory_alone) {
    // A worker already in another team keeps it; the import says so once.
    const AnnexAData read = read_annex_a(kAnnexA);
    const AnnexAAllocation* with_team = nullptr;
    for (const AnnexAAllocation& a : read.allocations)
        if (!a.team.empty()) with_team = &a;
    BOOST_REQUIRE(with_team);
    Store store = Store::open_in_memory();
    save_team(store, Team{"Elsewhere", "", ""});
    save_worker(store, Worker{with_team->worker, "Elsewhere", "", Role::social_worker});
    const ImportSummary s = import_annex_a(store, kAnnexA);
    const auto warned = std::count_if(s.issues.begin(), s.issues.end(), [&](const ImportIssue& i) {
        return i.severity == Severity::warning && i.message.find("Elsewhere") != std::string::npos;
    });
    BOOST_TEST(warned >= 1);
    BOOST_TEST(appointment_on(store, with_team->worker, Date::today())->team == "Elsewhere");
}

BOOST_AUTO_TEST_CASE(import_return_one_entry_point) {
    Store store = Store::open_in_memory();
    // SSDA903 from its files is the folder's import.
    const ImportSummary from_files =
        import_return(store, ReturnFormat::ssda903,
                      {kSsda903 + "/header.csv", kSsda903 + "/episodes.csv", kSsda903 + "/reviews.csv"});
    BOOST_TEST(from_files.source == kSsda903);
    BOOST_TEST(from_files.count("files_read") == 1);
    BOOST_TEST(from_files.count("children_added") > 0);
    const ImportSummary again = import_return(store, ReturnFormat::ssda903, {kSsda903});
    BOOST_TEST(again.count("events_added") == 0);
    const std::string other = kSsda903 + "/README.md";  // not a table of the return: named, not read
    const ImportSummary with_other =
        import_return(store, ReturnFormat::ssda903, {kSsda903 + "/episodes.csv", other});
    BOOST_TEST(with_other.count("files_read") == 1);
    BOOST_REQUIRE(!with_other.issues.empty());
    BOOST_TEST(with_other.issues.back().file == other);
    BOOST_TEST((with_other.issues.back().severity == Severity::note));

    // Several files: one summary; a missing one is reported, the others read.
    const std::string missing = kData + "/no_such_return.xml";
    const ImportSummary two = import_return(store, ReturnFormat::cin_census, {kCin, missing, kCinDamaged}, "tester");
    BOOST_TEST(two.importer == "cin-census");
    BOOST_TEST(two.count("files_read") == 2);
    BOOST_TEST(two.count("files_not_read") == 1);
    BOOST_TEST(two.source == kCin + "; " + missing + "; " + kCinDamaged);
    BOOST_TEST(std::any_of(two.issues.begin(), two.issues.end(), [&](const ImportIssue& i) {
        return i.file == missing && i.severity == Severity::error;
    }));
    const auto alone = [](const std::string& path) {
        Store own = Store::open_in_memory();
        return import_cin_census(own, path).count("children_added");
    };
    BOOST_TEST(two.count("children_added") == alone(kCin) + alone(kCinDamaged));
    BOOST_TEST(list_events(store, "CIN001").front().recorded_by == "tester");

    // Nothing readable: the first error.
    BOOST_TEST(test::code_of([&] { import_return(store, ReturnFormat::csww, {missing}); }) == Status::io);
    BOOST_TEST(test::code_of([&] { import_return(store, ReturnFormat::csww, {}); }) == Status::invalid_arg);
    BOOST_TEST(test::code_of([&] {
                   import_return(store, ReturnFormat::ssda903, {kSsda903 + "/header.csv", kCin});
               }) == Status::invalid_arg);
    // A file that is not the format named: a parse error, nothing stored.
    const std::size_t history = store.history().size();
    BOOST_TEST(test::code_of([&] { import_return(store, ReturnFormat::annex_a, {kCin}); }) == Status::parse);
    BOOST_TEST(store.history().size() == history);
}

BOOST_AUTO_TEST_SUITE_END()
