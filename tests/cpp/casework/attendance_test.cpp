// Meeting attendance (include/oversight/casework/attendance.hpp): the list of
// an event replaced as a whole and idempotent, its checks, its history, the
// reports by agency and by professional, and the non-attendance list for
// the seed plan's follow-up letter (action 3.2) with each professional's
// line manager on the meeting date.
#include <boost/test/unit_test.hpp>

#include "support/expect_error.hpp"
#include "support/store_fixtures.hpp"

#include <oversight/casework/attendance.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/plan/plan_store.hpp>
#include <oversight/store/history.hpp>
#include <oversight/store/store.hpp>
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/person.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace oversight;
using test::expect_error;

namespace {

Date d(const char* iso) { return Date::parse_iso(iso); }

struct Fixture {
    Store store = Store::open_in_memory();
    std::int64_t first = 0, second = 0, conference = 0;
    Fixture() {
        add_person(store, {0, "Dr Ann Patel", "GP", "", "NHS"});
        add_person(store, {0, "Nina Grant", "Practice manager", "", "NHS"});
        add_person(store, {0, "Jo Hart", "Head teacher", "", "Riverside School"});
        add_person(store, {0, "Sam Cole", "Social worker", "", ""});
        add_person(store, {0, "Lee Moss", "Deputy head", "", "Riverside School"});
        // Ann's manager changes on 1 October 2012: the letter names the one on the meeting date.
        appoint(store, {0, "Dr Ann Patel", Role::other, "", "Nina Grant", d("2012-01-01"), std::nullopt});
        appoint(store, {0, "Dr Ann Patel", Role::other, "", "Sam Cole", d("2012-10-01"), std::nullopt});
        save_child(store, {"C1", d("2010-05-01")});
        save_child(store, {"C2", d("2011-02-03")});
        first = record_event(store, "C1", {"core_group", d("2012-09-10"), {}}, "tester");
        second = record_event(store, "C2", {"core_group", d("2012-10-15"), {}}, "tester");
        conference = record_event(store, "C1", {"cp_review", d("2012-09-20"), {}}, "tester");
    }
    Invitee who(const char* person, bool attended, bool apologies = false) {
        Invitee i;
        i.person = person;
        i.attended = attended;
        i.apologies = apologies;
        return i;
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(meeting_attendance)

BOOST_AUTO_TEST_CASE(replacing_the_list_is_idempotent_and_recorded) {
    Fixture fx;
    std::vector<Invitee> list = {fx.who("Dr Ann Patel", false, true), fx.who("Sam Cole", true),
                                 fx.who("Jo Hart", false)};
    list[2].role = "  head teacher ";
    BOOST_TEST(set_attendance(fx.store, fx.first, list) == 3);
    BOOST_TEST(set_attendance(fx.store, fx.first, list) == 0);  // a host resends it: nothing changes

    const std::vector<Invitee> stored = attendance(fx.store, fx.first);
    BOOST_TEST_REQUIRE(stored.size() == 3u);
    BOOST_TEST(stored[0].person == "Dr Ann Patel");
    BOOST_TEST(stored[0].agency == "NHS");  // from the directory
    BOOST_TEST(stored[0].apologies);
    BOOST_TEST(stored[1].person == "Jo Hart");
    BOOST_TEST(stored[1].role == "head teacher");
    BOOST_TEST(stored[1].agency == "Riverside School");
    BOOST_TEST(stored[2].agency == "");

    // Jo now sends a deputy, Sam leaves the list.
    list[2].deputy = "Lee Moss";
    list.erase(list.begin() + 1);
    BOOST_TEST(set_attendance(fx.store, fx.first, list) == 2);
    BOOST_TEST(attendance(fx.store, fx.first).size() == 2u);

    HistoryFilter f;
    f.entity = "attendance";
    const auto rows = fx.store.history(f);
    const auto count = [&](const char* field) {
        return std::count_if(rows.begin(), rows.end(), [&](const Change& c) { return c.field == field; });
    };
    BOOST_TEST(count("*") == 4);       // three added, one removed
    BOOST_TEST(count("deputy") == 1);  // one changed field
    BOOST_TEST(verify_history(fx.store).ok);
}

BOOST_AUTO_TEST_CASE(bad_lists_are_refused_by_name) {
    Fixture fx;
    expect_error([&] { set_attendance(fx.store, 999, {fx.who("Sam Cole", true)}); }, Status::not_found, "event 999");
    expect_error([&] { attendance(fx.store, 999); }, Status::not_found, "event 999");
    expect_error([&] { set_attendance(fx.store, fx.first, {fx.who("Nobody Known", true)}); }, Status::not_found,
                 "no person \"Nobody Known\"");
    expect_error([&] { set_attendance(fx.store, fx.first, {fx.who("Sam Cole", true), fx.who("sam cole", false)}); },
                 Status::invalid_arg, "listed twice");
    expect_error([&] { set_attendance(fx.store, fx.first, {fx.who("Sam Cole", true, true)}); }, Status::invalid_arg,
                 "both have attended and sent apologies");
    Invitee deputy = fx.who("Sam Cole", true);
    deputy.deputy = "Lee Moss";
    expect_error([&] { set_attendance(fx.store, fx.first, {deputy}); }, Status::invalid_arg, "sent a deputy");
    Invitee bad = fx.who("Sam Cole", false);
    bad.role = std::string("nurse\x07", 6);
    expect_error([&] { set_attendance(fx.store, fx.first, {bad}); }, Status::invalid_arg, "invitee 1 role");
    // Nothing was stored by the refused calls.
    BOOST_TEST(attendance(fx.store, fx.first).empty());
}

BOOST_AUTO_TEST_CASE(reports_by_agency_and_professional) {
    Fixture fx;
    set_attendance(fx.store, fx.first,
                   {fx.who("Dr Ann Patel", false, true), fx.who("Jo Hart", true), fx.who("Sam Cole", true)});
    set_attendance(fx.store, fx.second,
                   {fx.who("Dr Ann Patel", false), fx.who("Jo Hart", true), fx.who("Sam Cole", true)});
    Invitee not_invited = fx.who("Lee Moss", true);
    not_invited.invited = false;  // came along uninvited: not counted
    set_attendance(fx.store, fx.conference, {fx.who("Dr Ann Patel", true), not_invited});

    AttendancePeriod core{d("2012-07-01"), d("2012-12-31"), "core_group"};
    const AttendanceReport r = attendance_report(fx.store, core);
    BOOST_TEST(r.meetings == 2);
    BOOST_TEST_REQUIRE(r.by_agency.size() == 3u);
    BOOST_TEST(r.by_agency[0].key == "");  // the council
    BOOST_TEST(r.by_agency[1].key == "NHS");
    BOOST_TEST(r.by_agency[1].invited == 2);
    BOOST_TEST(r.by_agency[1].attended == 0);
    BOOST_TEST(r.by_agency[1].apologies == 1);
    BOOST_TEST(*r.by_agency[1].rate() == 0.0);
    BOOST_TEST(r.by_agency[2].key == "Riverside School");
    BOOST_TEST(*r.by_agency[2].rate() == 1.0);
    BOOST_TEST_REQUIRE(r.by_person.size() == 3u);
    BOOST_TEST(r.by_person[0].key == "Dr Ann Patel");

    // Every meeting type: the conference counts too (Lee, not invited, does not).
    const AttendanceReport all = attendance_report(fx.store, {d("2012-07-01"), d("2012-12-31"), ""});
    BOOST_TEST(all.meetings == 3);
    BOOST_TEST(all.by_agency[1].invited == 3);
    BOOST_TEST(all.by_agency[1].attended == 1);
    BOOST_TEST(all.by_agency[2].invited == 2);

    const auto doc = nlohmann::json::parse(attendance_to_json(r));
    BOOST_TEST(doc["format"] == "oversight-attendance");
    BOOST_TEST(doc["version"] == 1);
    BOOST_TEST(doc["by_agency"][1]["rate"] == 0.0);
    const std::string csv = attendance_to_csv(r);
    BOOST_TEST((csv.find("group,name,agency,invited,attended,apologies,deputies,rate\r\n") == 0u));
    BOOST_TEST(csv.find("agency,NHS,NHS,2,0,1,0,0.0000\r\n") != std::string::npos);
    BOOST_TEST(csv.find("person,Jo Hart,Riverside School,2,2,0,0,1.0000\r\n") != std::string::npos);

    expect_error([&] { attendance_report(fx.store, {d("2012-12-31"), d("2012-07-01"), ""}); }, Status::invalid_arg,
                 "before");
}

BOOST_AUTO_TEST_CASE(non_attendance_names_the_line_manager_on_the_meeting_date) {
    Fixture fx;
    set_attendance(fx.store, fx.first, {fx.who("Dr Ann Patel", false, true), fx.who("Jo Hart", false)});
    set_attendance(fx.store, fx.second, {fx.who("Dr Ann Patel", false), fx.who("Sam Cole", false)});
    const std::vector<NonAttendance> rows = non_attendance(fx.store, {d("2012-07-01"), d("2012-12-31"), ""});
    BOOST_TEST_REQUIRE(rows.size() == 4u);
    BOOST_TEST(rows[0].person == "Dr Ann Patel");
    BOOST_TEST((rows[0].meeting_date == d("2012-09-10")));
    BOOST_TEST(rows[0].child_id == "C1");
    BOOST_TEST(rows[0].apologies);
    BOOST_TEST(*rows[0].line_manager == "Nina Grant");  // before the change of manager
    BOOST_TEST((rows[1].meeting_date == d("2012-10-15")));
    BOOST_TEST(*rows[1].line_manager == "Sam Cole");    // after it
    BOOST_TEST(rows[2].person == "Jo Hart");
    BOOST_TEST(!rows[2].line_manager);                  // no appointment: none recorded
    BOOST_TEST(rows[3].person == "Sam Cole");

    const auto partners = non_attendance(fx.store, {d("2012-07-01"), d("2012-12-31"), ""}, true);
    BOOST_TEST(partners.size() == 3u);  // Sam is the council's own

    const std::string csv = non_attendance_to_csv(rows);
    BOOST_TEST(csv.find("Jo Hart,Riverside School,,") != std::string::npos);
    BOOST_TEST(csv.find(",none recorded\r\n") != std::string::npos);
    const auto doc = nlohmann::json::parse(non_attendance_to_json({d("2012-07-01"), d("2012-12-31"), ""}, rows));
    BOOST_TEST(doc["format"] == "oversight-non-attendance");
    BOOST_TEST(doc["event_type"] == "core_group");
    BOOST_TEST(doc["rows"][2]["line_manager"] == "none recorded");
    BOOST_TEST(doc["rows"][0]["line_manager"] == "Nina Grant");
}

BOOST_AUTO_TEST_CASE(the_list_goes_with_its_event_and_its_child) {
    Fixture fx;
    set_attendance(fx.store, fx.first, {fx.who("Jo Hart", true)});
    set_attendance(fx.store, fx.conference, {fx.who("Jo Hart", false)});
    delete_event(fx.store, fx.first);  // the list first, each row in the history
    HistoryFilter f;
    f.entity = "attendance";
    auto rows = fx.store.history(f);
    BOOST_TEST(std::count_if(rows.begin(), rows.end(), [](const Change& c) { return c.field == "*" && !c.new_value; }) ==
               1);
    erase_child(fx.store, "C1", "test");
    rows = fx.store.history(f);
    for (const Change& c : rows) {  // every value about C1's meetings is gone
        BOOST_TEST((!c.old_value || *c.old_value == "[erased]"));
        BOOST_TEST((!c.new_value || *c.new_value == "[erased]"));
    }
    BOOST_TEST(non_attendance(fx.store, {d("2012-01-01"), d("2012-12-31"), "cp_review"}).empty());
    BOOST_TEST(verify_history(fx.store).ok);
}

BOOST_AUTO_TEST_CASE(csv_cells_are_defused) {
    Fixture fx;
    Invitee i = fx.who("Jo Hart", false);
    i.role = "=HYPERLINK(\"x\")";
    set_attendance(fx.store, fx.first, {i});
    const std::string csv = non_attendance_to_csv(non_attendance(fx.store, {d("2012-09-01"), d("2012-09-30"), ""}));
    BOOST_TEST(csv.find("\"'=HYPERLINK(\"\"x\"\")\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(merging_two_names_of_one_person_keeps_their_invitations) {
    Fixture fx;
    add_person(fx.store, {0, "Dr A Patel", "", "", "NHS"});
    set_attendance(fx.store, fx.first, {fx.who("Dr A Patel", false)});
    merge_people(fx.store, "Dr A Patel", "Dr Ann Patel");
    const auto list = attendance(fx.store, fx.first);
    BOOST_TEST_REQUIRE(list.size() == 1u);
    BOOST_TEST(list[0].person == "Dr Ann Patel");
    BOOST_TEST(verify_history(fx.store).ok);
}

BOOST_AUTO_TEST_SUITE_END()
