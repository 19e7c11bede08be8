// iCalendar export: the produced text is parsed back with libical and every
// item is checked against the reminders it came from.
#include <boost/test/unit_test.hpp>

#include <oversight/workforce/team.hpp>
#include <oversight/reminders/acknowledgement.hpp>
#include <oversight/reminders/reminder.hpp>
#include <oversight/reminders/ics.hpp>
#include <oversight/core/error.hpp>

#include <libical/ical.h>

#include <map>
#include <set>
#include <string>
#include <vector>

using namespace oversight;

namespace {

Reminder make(const std::string& child, const std::string& rule, const std::string& due, const std::string& anchor,
              ReminderState state, const std::string& worker, const std::string& team) {
    Reminder r;
    r.obligation.child_id = child;
    r.obligation.rule_id = rule;
    r.obligation.title = "Title of " + rule;
    r.obligation.due = Date::parse_iso(due);
    r.obligation.anchor = Date::parse_iso(anchor);
    r.obligation.anchor_event = "placement_start";
    r.obligation.worker = worker;
    r.obligation.team = team;
    r.obligation.explanation = "Because " + rule + " says so";
    r.state = state;
    r.working_days = 3;
    return r;
}

struct Parsed {
    icalcomponent* cal = nullptr;
    explicit Parsed(const std::string& text) : cal(icalparser_parse_string(text.c_str())) {}
    ~Parsed() {
        if (cal) icalcomponent_free(cal);
    }
    Parsed(const Parsed&) = delete;
    Parsed& operator=(const Parsed&) = delete;
};

std::vector<icalcomponent*> todos(icalcomponent* cal) {
    std::vector<icalcomponent*> out;
    for (icalcomponent* c = icalcomponent_get_first_component(cal, ICAL_VTODO_COMPONENT); c;
         c = icalcomponent_get_next_component(cal, ICAL_VTODO_COMPONENT))
        out.push_back(c);
    return out;
}

int count_props(icalcomponent* c, icalproperty_kind kind) {
    int n = 0;
    for (icalproperty* p = icalcomponent_get_first_property(c, kind); p; p = icalcomponent_get_next_property(c, kind))
        ++n;
    return n;
}

// The category a name becomes: "," ";" and "\\" are spaces, runs of spaces one.
std::string category(const std::string& name) {
    if (name.empty()) return "(unallocated)";
    std::string out;
    for (char c : name) {
        if (c == ',' || c == ';' || c == '\\') c = ' ';
        if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
        out.push_back(c);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::vector<Reminder> sample() {
    std::vector<Reminder> v;
    v.push_back(make("566910", "lac.review.first", "2024-03-04", "2024-02-05", ReminderState::overdue, "Ann Lee", "Team A"));
    v.push_back(make("384923", "lac.visit.first", "2024-03-15", "2024-03-08", ReminderState::due_soon, "Bo Chan", "Team B"));
    // Text that needs escaping in iCalendar: commas, semicolons, a newline, non-ASCII.
    v.push_back(make("C;1,x", "lac.visit.year1", "2024-03-20", "2024-02-07", ReminderState::due_soon,
                     "Zoë O'Neill, Jr", "Team; C"));
    v.back().acknowledgement = Acknowledgement{"Manager M", "2024-03-01T09:00:00Z", "seen,\nwill chase"};
    Reminder met = make("709901", "lac.review.second", "2024-03-01", "2023-12-01", ReminderState::due_soon, "", "");
    met.obligation.met_on = Date::parse_iso("2024-02-28");
    v.push_back(met);
    return v;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ics)

BOOST_AUTO_TEST_CASE(round_trips_through_libical_parser) {
    auto list = sample();
    IcsOptions options;
    options.dtstamp = "2024-03-01T12:00:00Z";
    std::string text = reminders_to_ics(list, options);
    Parsed p(text);
    BOOST_REQUIRE(p.cal);
    BOOST_TEST(icalcomponent_isa(p.cal) == ICAL_VCALENDAR_COMPONENT);
    BOOST_TEST(std::string(icalproperty_get_version(icalcomponent_get_first_property(p.cal, ICAL_VERSION_PROPERTY))) == "2.0");
    BOOST_TEST(std::string(icalproperty_get_prodid(icalcomponent_get_first_property(p.cal, ICAL_PRODID_PROPERTY))) ==
               options.prodid);
    BOOST_TEST(count_props(p.cal, ICAL_VERSION_PROPERTY) == 1);
    BOOST_TEST(icalcomponent_count_components(p.cal, ICAL_VTIMEZONE_COMPONENT) == 0);

    auto items = todos(p.cal);
    BOOST_REQUIRE(items.size() == list.size());
    std::set<std::string> uids;
    int alarms = 0;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Obligation& o = list[i].obligation;
        icalcomponent* t = items[i];
        BOOST_TEST_CONTEXT(o.child_id << " " << o.rule_id) {
            BOOST_TEST(std::string(icalcomponent_get_uid(t)) == obligation_uid(o));
            uids.insert(icalcomponent_get_uid(t));
            icaltimetype due = icalcomponent_get_due(t);
            BOOST_TEST(due.is_date == 1);
            BOOST_TEST(due.year == o.due.year());
            BOOST_TEST(due.month == o.due.month());
            BOOST_TEST(due.day == o.due.day());
            icaltimetype stamp = icalcomponent_get_dtstamp(t);
            BOOST_TEST(icaltime_is_utc(stamp));
            BOOST_TEST(stamp.hour == 12);
            BOOST_TEST(std::string(icalcomponent_get_summary(t)) == o.title + ": " + o.child_id);
            std::string description = icalcomponent_get_description(t);
            BOOST_TEST(description.find(o.explanation) == 0u);
            if (list[i].acknowledgement)
                BOOST_TEST(description.find("Acknowledged by Manager M") != std::string::npos);
            // CATEGORIES: team and worker, one property each.
            std::vector<std::string> cats;
            for (icalproperty* c = icalcomponent_get_first_property(t, ICAL_CATEGORIES_PROPERTY); c;
                 c = icalcomponent_get_next_property(t, ICAL_CATEGORIES_PROPERTY))
                cats.push_back(icalproperty_get_categories(c));
            BOOST_REQUIRE(cats.size() == 2u);
            BOOST_TEST(cats[0] == category(o.team));
            BOOST_TEST(cats[1] == category(o.worker));
            icalproperty_status status = icalcomponent_get_status(t);
            BOOST_TEST(status == (o.met_on ? ICAL_STATUS_COMPLETED : ICAL_STATUS_NEEDSACTION));
            icalcomponent* alarm = icalcomponent_get_first_component(t, ICAL_VALARM_COMPONENT);
            if (o.met_on) {
                BOOST_TEST(!alarm);
                BOOST_TEST(count_props(t, ICAL_COMPLETED_PROPERTY) == 1);
            } else {
                BOOST_REQUIRE(alarm);
                ++alarms;
                icalproperty* trig = icalcomponent_get_first_property(alarm, ICAL_TRIGGER_PROPERTY);
                BOOST_REQUIRE(trig);
                icaltriggertype tt = icalproperty_get_trigger(trig);
                BOOST_TEST(tt.duration.is_neg == 1);
                BOOST_TEST(tt.duration.days == 2u);
                icalparameter* rel = icalproperty_get_first_parameter(trig, ICAL_RELATED_PARAMETER);
                BOOST_REQUIRE(rel);
                BOOST_TEST(icalparameter_get_related(rel) == ICAL_RELATED_END);
                icalproperty* action = icalcomponent_get_first_property(alarm, ICAL_ACTION_PROPERTY);
                BOOST_REQUIRE(action);
                BOOST_TEST(icalproperty_get_action(action) == ICAL_ACTION_DISPLAY);
            }
        }
    }
    BOOST_TEST(uids.size() == list.size());
    BOOST_TEST(alarms == 3);
    // The text itself: CRLF line ends and DUE as a DATE value.
    BOOST_TEST(text.find("\r\n") != std::string::npos);
    BOOST_TEST(text.find("DUE;VALUE=DATE:20240304") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(uids_are_stable_and_distinct) {
    auto a = sample();
    auto b = sample();
    for (std::size_t i = 0; i < a.size(); ++i) BOOST_TEST(obligation_uid(a[i].obligation) == obligation_uid(b[i].obligation));
    // The UID follows child, rule and anchor, not the due date or the worker.
    Obligation o = a[0].obligation;
    std::string uid = obligation_uid(o);
    BOOST_TEST(uid.size() == std::string("@oversight").size() + 32);
    BOOST_TEST(uid.find_first_not_of("0123456789abcdef") == 32u);
    o.due = o.due.add_days(5);
    o.worker = "Someone else";
    BOOST_TEST(obligation_uid(o) == uid);
    o.anchor = o.anchor.add_days(1);
    BOOST_TEST(obligation_uid(o) != uid);
    Obligation x = a[0].obligation, y = a[0].obligation;
    x.child_id = "a/b";
    x.rule_id = "c";
    y.child_id = "a";
    y.rule_id = "b/c";
    BOOST_TEST(obligation_uid(x) != obligation_uid(y));
    // The same reminders give the same text when DTSTAMP is fixed.
    IcsOptions options;
    options.dtstamp = "2024-03-01T12:00:00Z";
    BOOST_TEST(reminders_to_ics(a, options) == reminders_to_ics(b, options));
}

BOOST_AUTO_TEST_CASE(options_are_checked_and_empty_list_is_a_valid_calendar) {
    IcsOptions bad;
    bad.dtstamp = "2024-03-01 12:00:00";
    BOOST_CHECK_EXCEPTION(reminders_to_ics(sample(), bad), Error,
                          [](const Error& e) { return e.code() == Status::invalid_arg; });
    bad.dtstamp = "2023-02-29T12:00:00Z";
    BOOST_CHECK_EXCEPTION(reminders_to_ics(sample(), bad), Error,
                          [](const Error& e) { return e.code() == Status::invalid_arg; });
    IcsOptions alarm;
    alarm.alarm_days = -1;
    BOOST_CHECK_EXCEPTION(reminders_to_ics(sample(), alarm), Error,
                          [](const Error& e) { return e.code() == Status::invalid_arg; });
    alarm.alarm_days = 0;
    Parsed none(reminders_to_ics(sample(), alarm));
    BOOST_REQUIRE(none.cal);
    for (icalcomponent* t : todos(none.cal)) BOOST_TEST(icalcomponent_count_components(t, ICAL_VALARM_COMPONENT) == 0);

    Parsed empty(reminders_to_ics({}));
    BOOST_REQUIRE(empty.cal);
    BOOST_TEST(icalcomponent_count_components(empty.cal, ICAL_VTODO_COMPONENT) == 0);
    BOOST_TEST(count_props(empty.cal, ICAL_PRODID_PROPERTY) == 1);
}

BOOST_AUTO_TEST_SUITE_END()
