// The reminders as JSON: the document the C API returns and the bare array
// the CLI prints come from one builder and hold the same reminders.
#include <boost/test/unit_test.hpp>

#include <oversight/reminders/reminder.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

using namespace oversight;

namespace {

std::vector<Reminder> two_reminders() {
    std::vector<Reminder> list(2);
    const char* rules[] = {"lac.visit.first", "lac.review.first"};
    for (int i = 0; i < 2; ++i) {
        Obligation& o = list[i].obligation;
        o.child_id = "C1";
        o.worker = "Ann Lee";
        o.team = "Team A";
        o.rule_id = rules[i];
        o.title = "Title \"quoted\"";
        o.due = Date::parse_iso(i ? "2024-03-20" : "2024-03-08");
        o.anchor = Date::parse_iso("2024-03-01");
        o.anchor_event = "placement_start";
        o.explanation = "bad \xff byte";  // written as U+FFFD
    }
    list[0].state = ReminderState::overdue;
    list[0].working_days = 1;
    list[1].working_days = 7;
    list[1].acknowledgement = Acknowledgement{"Mo", "2024-03-11T08:00:00Z", "seen"};
    return list;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reminder_json)

BOOST_AUTO_TEST_CASE(document_and_array_hold_the_same_reminders) {
    const auto list = two_reminders();
    const auto doc = nlohmann::json::parse(reminders_to_json(list));
    const std::string array_text = reminders_to_json_array(list);
    const auto array = nlohmann::json::parse(array_text);
    BOOST_TEST(doc["format"] == "oversight-reminders");
    BOOST_TEST(doc["version"] == 1);
    BOOST_TEST(doc.size() == 4u);  // format, version, reminders, not_counted
    BOOST_TEST(doc["not_counted"].empty());
    const auto left_out = nlohmann::json::parse(reminders_to_json(list, {{"pep.review", "no school calendar"}}));
    BOOST_TEST(left_out["not_counted"][0]["rule"] == "pep.review");
    BOOST_TEST(left_out["not_counted"][0]["reason"] == "no school calendar");
    BOOST_TEST(array.is_array());
    BOOST_TEST(doc["reminders"] == array);
    BOOST_TEST(array[0]["state"] == "overdue");
    BOOST_TEST(array[0]["working_days_late"] == 1);
    BOOST_TEST(array[1]["acknowledged_by"] == "Mo");
    BOOST_TEST(array[0]["acknowledged_by"].is_null());
    BOOST_TEST(array[0]["explanation"] == "bad \xef\xbf\xbd byte");
    // The CLI's bytes: compact, keys sorted ("acknowledged_at" first).
    BOOST_TEST(array_text.rfind("[{\"acknowledged_at\":null,", 0) == 0u);
    BOOST_TEST(reminders_to_json_array({}) == "[]");
    BOOST_TEST(nlohmann::json::parse(reminders_to_json({}))["reminders"].empty());
}

BOOST_AUTO_TEST_CASE(a_pseudonymised_list_carries_no_child_id_and_no_note) {
    auto list = two_reminders();
    const Pseudonymiser key("a key of sixteen+ bytes");
    pseudonymise(list, key);
    const std::string text = reminders_to_json(list);
    BOOST_TEST(text.find("\"C1\"") == std::string::npos);
    BOOST_TEST(text.find("seen") == std::string::npos);
    const auto doc = nlohmann::json::parse(text);
    BOOST_TEST(doc["reminders"][0]["child"] == key("C1"));
    BOOST_TEST(doc["reminders"][1]["child"] == key("C1"));
    BOOST_TEST(doc["reminders"][1]["acknowledged_by"] == "Mo");  // who saw it stays; the free text goes
    BOOST_TEST(doc["reminders"][1]["note"] == "");
}

BOOST_AUTO_TEST_SUITE_END()
