// Complaints (include/oversight/complaints/complaint.hpp): the RPR 2006
// timescales on the England and Wales calendar, hand-computed across bank
// holidays; the stage 2 clock (statement agreed or request); the stages in
// order; open complaints with their state; the quarterly lessons-learnt
// summary with numerators and denominators; the history and an erasure.
#include <boost/test/unit_test.hpp>

#include "support/expect_error.hpp"

#include <oversight/calendar/calendar.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/complaints/complaint.hpp>
#include <oversight/store/history.hpp>
#include <oversight/store/store.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

using namespace oversight;
using test::expect_error;

namespace {

Date d(const char* iso) { return Date::parse_iso(iso); }

const Calendar& england() {
    static const Calendar c = Calendar::for_division(Division::england_and_wales);
    return c;
}

ComplaintStage stage(int n, const char* requested) {
    ComplaintStage s;
    s.stage = n;
    s.requested = d(requested);
    return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(complaint)

// RPR 2006 reg 14: 10 working days, extendable to 20. Received Mon 20 August
// 2012 (day 0); Mon 27 August 2012 is the summer bank holiday:
//   Aug 21 (1), 22 (2), 23 (3), 24 (4), [27 holiday], 28 (5), 29 (6), 30 (7),
//   31 (8), Sep 3 (9), Sep 4 (10)  -> Tue 4 September 2012
//   ... Sep 5 (11), 6, 7, 10, 11, 12, 13, 14, 17 (19), 18 (20) -> Tue 18 September 2012
BOOST_AUTO_TEST_CASE(stage_1_due_dates_skip_the_summer_bank_holiday) {
    ComplaintStage s = stage(1, "2012-08-20");
    BOOST_TEST((stage_due(s, england()) == d("2012-09-04")));
    s.extended = true;
    BOOST_TEST((stage_due(s, england()) == d("2012-09-18")));
}

// RPR 2006 reg 17: 25 working days, at most 65. Request Fri 14 December 2012,
// statement of complaint agreed Tue 18 December; 25, 26 December and
// 1 January are bank holidays.
//   From Dec 18: Dec 19 (1), 20, 21, 24 (4), 27 (5), 28, 31 (7), Jan 2 (8), 3, 4,
//   7 (11), 8, 9, 10, 11 (15), 14 .. 18 (20), 21 .. 25 (25) -> Fri 25 January 2013.
//   From Dec 14: Dec 17 (1) .. 21 (5), 24 (6), 27, 28, 31 (9), Jan 2 (10), 3, 4,
//   7 .. 11 (17), 14 .. 18 (22), 21, 22, 23 (25) -> Wed 23 January 2013.
BOOST_AUTO_TEST_CASE(stage_2_clock_starts_when_the_statement_is_agreed_or_as_configured) {
    ComplaintStage s = stage(2, "2012-12-14");
    BOOST_TEST((stage_due(s, england()) == d("2013-01-23")));  // no statement recorded: the request
    s.statement_agreed = d("2012-12-18");
    BOOST_TEST((clock_start(s) == d("2012-12-18")));
    BOOST_TEST((stage_due(s, england()) == d("2013-01-25")));
    ComplaintRules by_request;
    by_request.stage2_clock = Stage2Clock::request;
    BOOST_TEST((clock_start(s, by_request) == d("2012-12-14")));
    BOOST_TEST((stage_due(s, england(), by_request) == d("2013-01-23")));
    // Extended to 65: 40 more working days after 25 January 2013 (no holiday
    // until Good Friday 29 March): 8 weeks -> Fri 22 March 2013.
    s.extended = true;
    BOOST_TEST((stage_due(s, england()) == d("2013-03-22")));
}

// RPR 2006 reg 19(4): the panel meets within 30 working days of the request;
// reg 20: report within 5 working days, the authority's response within 15.
// Request Fri 1 March 2013; Good Friday 29 March and Easter Monday 1 April:
//   Mar 4-8 (5), 11-15 (10), 18-22 (15), 25-28 (19), Apr 2-5 (23), 8-12 (28),
//   15 (29), 16 (30) -> Tue 16 April 2013.
BOOST_AUTO_TEST_CASE(stage_3_panel_report_and_response) {
    ComplaintStage s = stage(3, "2013-03-01");
    BOOST_TEST((stage_due(s, england()) == d("2013-04-16")));
    s.panel_date = d("2013-04-15");  // Mon; 5 working days -> Mon 22 April
    BOOST_TEST((stage_due(s, england()) == d("2013-04-22")));
    s.panel_report_date = d("2013-04-19");  // Fri; 15 working days (6 May bank holiday) -> Mon 13 May
    BOOST_TEST((stage_due(s, england()) == d("2013-05-13")));
    s.response_date = d("2013-05-13");
    s.outcome = ComplaintOutcome::partly_upheld;
    BOOST_TEST(*responded_in_time(s, england()));
    s.panel_date = d("2013-04-17");  // the panel met a day late
    s.panel_report_date = d("2013-04-19");
    BOOST_TEST(!*responded_in_time(s, england()));
}

// A stage 3 response recorded without the panel's report date is the
// authority's response (reg 20): measured from the latest day the report
// was due, plus 15 working days, not against the report's own deadline.
// Panel Mon 15 April 2013: report due Mon 22 April; 15 working days (Mon
// 6 May a bank holiday): Apr 23-26 (4), Apr 29-May 3 (9), May 7-10 (13),
// 13 (14), 14 (15) -> Tue 14 May. With no panel recorded either: the panel
// was due Tue 16 April, the report Tue 23 April, the response Wed 15 May.
BOOST_AUTO_TEST_CASE(stage_3_response_without_a_recorded_report) {
    ComplaintStage s = stage(3, "2013-03-01");
    s.panel_date = d("2013-04-15");
    s.response_date = d("2013-05-14");
    s.outcome = ComplaintOutcome::upheld;
    BOOST_TEST(*responded_in_time(s, england()));
    s.response_date = d("2013-05-15");
    BOOST_TEST(!*responded_in_time(s, england()));
    s.panel_date.reset();
    BOOST_TEST(*responded_in_time(s, england()));
    s.response_date = d("2013-05-16");
    BOOST_TEST(!*responded_in_time(s, england()));
}

BOOST_AUTO_TEST_CASE(stages_follow_in_order_and_are_recorded) {
    Store store = Store::open_in_memory();
    save_child(store, {"C1", d("2005-01-01")});
    add_complaint(store, "CMP-1", d("2012-08-20"), std::string("C1"), "communication");
    expect_error([&] { add_complaint(store, "cmp-1", d("2012-08-21")); }, Status::conflict, "already exists");
    expect_error([&] { add_complaint(store, "CMP-2", d("2012-08-21"), std::string("NOPE")); }, Status::not_found,
                 "no child");
    expect_error([&] { add_complaint(store, " ", d("2012-08-21")); }, Status::invalid_arg, "complaint reference");
    expect_error([&] { add_complaint(store, "CMP-3", Date::today().add_days(1)); }, Status::invalid_arg,
                 "after today");
    expect_error([&] { escalate_complaint(store, "CMP-1", d("2012-09-10")); }, Status::invalid_arg,
                 "has no response yet");
    expect_error([&] { respond_to_complaint(store, "CMP-1", d("2012-08-01"), ComplaintOutcome::upheld); },
                 Status::invalid_arg, "before its request");
    expect_error([&] { extend_complaint(store, "CMP-9"); }, Status::not_found, "no complaint \"CMP-9\"");

    extend_complaint(store, "CMP-1");
    respond_to_complaint(store, "CMP-1", d("2012-09-14"), ComplaintOutcome::not_upheld);
    expect_error([&] { respond_to_complaint(store, "CMP-1", d("2012-09-15"), ComplaintOutcome::upheld); },
                 Status::invalid_arg, "already responded to");
    expect_error([&] { escalate_complaint(store, "CMP-1", d("2012-10-01"), d("2012-09-30")); }, Status::invalid_arg,
                 "before the request");
    escalate_complaint(store, "CMP-1", d("2012-10-01"));
    agree_statement(store, "CMP-1", d("2012-10-05"));
    expect_error([&] { record_panel(store, "CMP-1", d("2012-10-10")); }, Status::invalid_arg, "stage 3 only");
    set_complaint_lessons(store, "CMP-1", "Explain decisions to carers in writing.");

    const Complaint c = *try_find_complaint(store, "cmp-1");
    BOOST_TEST(c.reference == "CMP-1");
    BOOST_TEST(*c.child_id == "C1");
    BOOST_TEST(c.category == "communication");
    BOOST_TEST_REQUIRE(c.stages.size() == 2u);
    BOOST_TEST(c.stages[0].extended);
    BOOST_TEST((*c.stages[0].outcome == ComplaintOutcome::not_upheld));
    BOOST_TEST((*c.current().statement_agreed == d("2012-10-05")));
    BOOST_TEST(c.lessons == "Explain decisions to carers in writing.");

    HistoryFilter f;
    f.entity = "complaint_stage";
    const auto rows = store.history(f);
    BOOST_TEST(std::count_if(rows.begin(), rows.end(), [](const Change& ch) { return ch.field == "*"; }) == 2);
    BOOST_TEST(std::count_if(rows.begin(), rows.end(), [](const Change& ch) {
                   return ch.field == "outcome" && ch.new_value == std::optional<std::string>("not_upheld");
               }) == 1);
    BOOST_TEST(verify_history(store).ok);

    // The child is erased: the complaint stays without its name, every value
    // the history kept about it is blanked.
    erase_child(store, "C1", "test");
    const Complaint after = *try_find_complaint(store, "CMP-1");
    BOOST_TEST(!after.child_id);
    BOOST_TEST(after.stages.size() == 2u);
    f.entity = "complaint";
    for (const Change& ch : store.history(f)) BOOST_TEST((!ch.new_value || *ch.new_value == "[erased]"));
    BOOST_TEST(verify_history(store).ok);
}

BOOST_AUTO_TEST_CASE(open_complaints_in_time_and_overdue) {
    Store store = Store::open_in_memory();
    add_complaint(store, "A", d("2012-08-20"));  // stage 1 due Tue 4 September 2012
    add_complaint(store, "B", d("2012-08-01"));  // due Wed 15 August; answered
    respond_to_complaint(store, "B", d("2012-08-20"), ComplaintOutcome::upheld);

    auto open = open_complaints(store, d("2012-08-24"), england());
    BOOST_TEST_REQUIRE(open.size() == 1u);
    BOOST_TEST(open[0].reference == "A");
    BOOST_TEST((open[0].due == d("2012-09-04")));
    BOOST_TEST(open[0].overdue_working_days == 0);
    BOOST_TEST(open[0].working_days_left == 6);  // Aug 28, 29, 30, 31, Sep 3, 4

    // As of 10 August B was open too, and in time; as of Fri 7 September A is 3 working days late.
    BOOST_TEST((open_complaints(store, d("2012-08-10"), england()).size() == 1u));
    open = open_complaints(store, d("2012-09-07"), england());
    BOOST_TEST_REQUIRE(open.size() == 1u);
    BOOST_TEST(open[0].overdue_working_days == 3);
    const auto doc = nlohmann::json::parse(open_complaints_to_json(d("2012-09-07"), open));
    BOOST_TEST(doc["format"] == "oversight-complaints");
    BOOST_TEST(doc["complaints"][0]["state"] == "overdue");
    BOOST_TEST(doc["complaints"][0]["child_id"].is_null());
    BOOST_TEST(open_complaints_to_csv(open).find("A,,,1,2012-08-20,2012-08-20,false,2012-09-04,overdue,3,0\r\n") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(quarterly_lessons_learnt) {
    BOOST_TEST((parse_quarter("2012Q3").from == d("2012-07-01")));
    BOOST_TEST((parse_quarter("2012q4").to == d("2012-12-31")));
    BOOST_TEST((parse_quarter("2013Q1").to == d("2013-03-31")));
    expect_error([] { parse_quarter("2012Q5"); }, Status::invalid_arg, "YYYYQn");
    expect_error([] { parse_quarter("Q3 2012"); }, Status::invalid_arg, "YYYYQn");

    Store store = Store::open_in_memory();
    add_complaint(store, "A", d("2012-08-20"), std::nullopt, "placement");  // due Sep 4
    respond_to_complaint(store, "A", d("2012-09-03"), ComplaintOutcome::not_upheld);
    set_complaint_lessons(store, "A", "Tell young people who their new worker is.");
    add_complaint(store, "B", d("2012-08-01"));                             // due Aug 15
    respond_to_complaint(store, "B", d("2012-08-20"), ComplaintOutcome::upheld);
    add_complaint(store, "C", d("2012-09-28"));                             // open
    add_complaint(store, "D", d("2012-06-01"));                             // received before the quarter
    respond_to_complaint(store, "D", d("2012-06-12"), ComplaintOutcome::partly_upheld);
    escalate_complaint(store, "D", d("2012-06-20"));                        // stage 2, due 25 wd later: Jul 25
    respond_to_complaint(store, "D", d("2012-07-25"), ComplaintOutcome::withdrawn);

    const LessonsSummary s = lessons_learnt(store, parse_quarter("2012Q3"), england());
    BOOST_TEST(s.received == 3);
    BOOST_TEST(s.stages[0].started == 3);
    BOOST_TEST(s.stages[0].responded == 2);  // the denominator
    BOOST_TEST(s.stages[0].in_time == 1);    // the numerator: A
    BOOST_TEST(s.stages[0].upheld == 1);
    BOOST_TEST(s.stages[0].not_upheld == 1);
    BOOST_TEST(s.stages[1].started == 0);    // D's stage 2 started in June
    BOOST_TEST(s.stages[1].responded == 1);
    BOOST_TEST(s.stages[1].in_time == 1);
    BOOST_TEST(s.stages[1].withdrawn == 1);
    BOOST_TEST(s.stages[2].responded == 0);
    BOOST_TEST_REQUIRE(s.lessons.size() == 1u);
    BOOST_TEST(s.lessons[0].reference == "A");

    const auto doc = nlohmann::json::parse(lessons_to_json(s));
    BOOST_TEST(doc["format"] == "oversight-complaint-lessons");
    BOOST_TEST(doc["stages"][0]["share_in_time"] == 0.5);
    BOOST_TEST(doc["stages"][2]["share_in_time"].is_null());
    const std::string text = lessons_to_text(s);
    BOOST_TEST(text.find("Stage 1: 3 started, 2 responded, 1 of 2 in timescale (50%)") != std::string::npos);
    BOOST_TEST(text.find("A (stage 1, not_upheld, placement): Tell young people") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
