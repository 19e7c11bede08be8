// The inspection a plan answers and its clocks (include/oversight/plan/inspection.hpp).
// Clock lengths: ILACS action plan within 70 working days of the letter, a
// draft within 20 after a focused visit with areas for priority action, the
// first monitoring visit within 4 weeks of the plan deadline
// (shared/domain/statutory-timescales.md s.10 and s.12; SECONDARY).
// Every expected date below is counted by hand over the England and Wales
// bank holidays named beside it (gov.uk/bank-holidays).
#include <boost/test/unit_test.hpp>

#include "support/expect_error.hpp"
#include "support/store_fixtures.hpp"

#include <oversight/calendar/calendar.hpp>
#include <oversight/import/plan_file.hpp>
#include <oversight/plan/inspection.hpp>
#include <oversight/plan/plan_store.hpp>
#include <oversight/store/history.hpp>
#include <oversight/store/store.hpp>

#include <string>

using namespace oversight;
using oversight::test::expect_error;
using oversight::test::TempStore;

namespace {

Date d(const char* iso) { return Date::parse_iso(iso); }
const Calendar& cal() {
    static const Calendar c = Calendar::for_division(Division::england_and_wales);
    return c;
}

Inspection full(const char* letter) {
    Inspection i;
    i.kind = InspectionKind::full;
    i.letter = d(letter);
    return i;
}

Inspection focused(const char* letter, bool priority) {
    Inspection i;
    i.kind = InspectionKind::focused_visit;
    i.letter = d(letter);
    i.priority_actions = priority;
    return i;
}

Plan small_plan() {
    Plan p;
    p.title = "Inspection plan";
    p.authority = "Anyshire";
    Recommendation r;
    r.number = 1;
    r.text = "Improve visits";
    Action a;
    a.ref = "1.1";
    a.description = "Audit visits";
    r.actions.push_back(a);
    p.recommendations.push_back(r);
    return p;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(inspection)

BOOST_AUTO_TEST_CASE(full_inspection_action_plan_over_easter_and_may) {
    // Letter Fri 2024-02-16 is day 0. 70 working days with no holiday would be
    // 14 weeks: Fri 2024-05-24. Between them fall Good Friday 2024-03-29,
    // Easter Monday 2024-04-01 and the early May bank holiday 2024-05-06:
    // three more working days, and Mon 2024-05-27 (spring bank holiday) is
    // skipped too: Tue 28, Wed 29, Thu 2024-05-30.
    auto clocks = inspection_clocks(full("2024-02-16"), cal(), d("2024-05-01"));
    BOOST_TEST_REQUIRE(clocks.size() == 1u);
    const InspectionClock& c = clocks[0];
    BOOST_TEST(c.id == "action_plan");
    BOOST_TEST(c.name == "action plan due");
    BOOST_TEST(c.anchor.iso() == "2024-02-16");
    BOOST_TEST(c.due.iso() == "2024-05-30");
    BOOST_TEST(c.rule == "70 working days after the letter of 2024-02-16");
    BOOST_TEST(c.source.find("SECONDARY") != std::string::npos);
    BOOST_TEST((c.state == ClockState::open));
    // Working days after Wed 2024-05-01 up to Thu 2024-05-30: May 2-3 (2),
    // 7-10 (4; the 6th a bank holiday), 13-17 (5), 20-24 (5), 28-30 (3; the
    // 27th a bank holiday) = 19.
    BOOST_TEST(c.working_days_left == 19);
    BOOST_TEST(clock_state_text(c) == "due in 19 working days");
    BOOST_TEST(clock_state_text(inspection_clocks(full("2024-02-16"), cal(), d("2024-05-30"))[0]) == "due today");
}

BOOST_AUTO_TEST_CASE(overdue_and_submitted) {
    // Due Thu 2024-05-30 (above). As of Wed 2024-06-05: May 31, June 3, 4, 5
    // have passed: overdue by 4 working days.
    auto overdue = inspection_clocks(full("2024-02-16"), cal(), d("2024-06-05"));
    BOOST_TEST((overdue[0].state == ClockState::overdue));
    BOOST_TEST(overdue[0].working_days_left == -4);
    BOOST_TEST(clock_state_text(overdue[0]) == "overdue by 4 working days");

    Inspection sent = full("2024-02-16");
    sent.plan_submitted = d("2024-05-29");
    auto met = inspection_clocks(sent, cal(), d("2024-06-05"));
    BOOST_TEST((met[0].state == ClockState::submitted));
    BOOST_TEST((met[0].met == d("2024-05-29")));
    BOOST_TEST(met[0].working_days_late == 0);
    BOOST_TEST(clock_state_text(met[0]) == "submitted on 2024-05-29");
    // Sent Mon 2024-06-03: May 31 and June 3 after the due date.
    sent.plan_submitted = d("2024-06-03");
    auto late = inspection_clocks(sent, cal(), d("2024-06-05"));
    BOOST_TEST(late[0].working_days_late == 2);
    BOOST_TEST(clock_state_text(late[0]) == "submitted on 2024-06-03, 2 working days late");
}

BOOST_AUTO_TEST_CASE(focused_visit_with_priority_actions_over_christmas) {
    // Letter Fri 2024-12-06. Draft: 20 working days would be 4 weeks, Fri
    // 2025-01-03; Christmas Day (Wed 2024-12-25), Boxing Day (Thu 2024-12-26)
    // and New Year's Day (Wed 2025-01-01) push it three working days on:
    // Mon 6, Tue 7, Wed 2025-01-08. Final plan: 70 working days would be 14
    // weeks, Fri 2025-03-14; the same three holidays: Wed 2025-03-19.
    auto clocks = inspection_clocks(focused("2024-12-06", true), cal(), d("2024-12-20"));
    BOOST_TEST_REQUIRE(clocks.size() == 2u);
    BOOST_TEST(clocks[0].id == "draft_plan");
    BOOST_TEST(clocks[0].name == "draft plan due");
    BOOST_TEST(clocks[0].due.iso() == "2025-01-08");
    BOOST_TEST(clocks[0].rule.find("20 working days after the letter of 2024-12-06") == 0u);
    BOOST_TEST(clocks[1].id == "action_plan");
    BOOST_TEST(clocks[1].due.iso() == "2025-03-19");
    // Draft sent Fri 2025-01-10: Thu 9 and Fri 10 after the due date.
    Inspection i = focused("2024-12-06", true);
    i.draft_submitted = d("2025-01-10");
    auto after = inspection_clocks(i, cal(), d("2025-01-10"));
    BOOST_TEST((after[0].state == ClockState::submitted));
    BOOST_TEST(after[0].working_days_late == 2);
    BOOST_TEST((after[1].state == ClockState::open));
}

BOOST_AUTO_TEST_CASE(focused_visit_without_priority_actions_has_no_clock) {
    BOOST_TEST(inspection_clocks(focused("2024-12-06", false), cal(), d("2024-12-20")).empty());
    Inspection mv;
    mv.kind = InspectionKind::monitoring_visit;
    mv.letter = d("2024-12-06");
    BOOST_TEST(inspection_clocks(mv, cal(), d("2024-12-20")).empty());
    Plan none = small_plan();
    BOOST_TEST(inspection_clocks(none, cal(), d("2024-12-20")).empty());
}

BOOST_AUTO_TEST_CASE(monitored_authority_expects_a_first_visit) {
    // Plan due Thu 2024-05-30 (above) + 4 weeks = Thu 2024-06-27. Ofsted's
    // date: never overdue.
    Inspection i = full("2024-02-16");
    i.monitored = true;
    auto clocks = inspection_clocks(i, cal(), d("2024-07-10"));
    BOOST_TEST_REQUIRE(clocks.size() == 2u);
    BOOST_TEST(clocks[1].id == "first_monitoring_visit");
    BOOST_TEST(clocks[1].anchor.iso() == "2024-05-30");
    BOOST_TEST(clocks[1].due.iso() == "2024-06-27");
    BOOST_TEST((clocks[1].state == ClockState::expected));
    BOOST_TEST(clock_state_text(clocks[1]) == "expected by 2024-06-27");
    BOOST_TEST(clocks[1].rule == "4 weeks after the action plan deadline of 2024-05-30");
}

BOOST_AUTO_TEST_CASE(rules_can_change_the_lengths) {
    InspectionClockRules r;
    r.action_plan_working_days = 1;
    // Letter Thu 2024-03-28: the next day is Good Friday, then a weekend and
    // Easter Monday: the first working day after is Tue 2024-04-02.
    auto clocks = inspection_clocks(full("2024-03-28"), cal(), d("2024-03-28"), r);
    BOOST_TEST(clocks[0].due.iso() == "2024-04-02");
    BOOST_TEST(clocks[0].rule == "1 working day after the letter of 2024-03-28");
}

BOOST_AUTO_TEST_CASE(kinds_parse_and_print) {
    for (auto k : {InspectionKind::full, InspectionKind::focused_visit, InspectionKind::monitoring_visit,
                   InspectionKind::other})
        BOOST_TEST((parse_inspection_kind(to_string(k)) == k));
    BOOST_TEST((parse_inspection_kind("Focused visit") == InspectionKind::focused_visit));
    expect_error([] { parse_inspection_kind("outstanding"); }, Status::invalid_arg, "outstanding");
}

BOOST_AUTO_TEST_CASE(bad_inspections_are_refused_naming_the_field) {
    Inspection i = full("2024-03-01");
    i.ended = d("2024-03-02");
    expect_error([&] { check_inspection(i); }, Status::invalid_arg, "ended 2024-03-02 is after the letter");
    i = full("2024-03-01");
    i.priority_actions = true;
    expect_error([&] { check_inspection(i); }, Status::invalid_arg, "priority_actions");
    i = full("2024-03-01");
    i.draft_submitted = d("2024-03-05");
    expect_error([&] { check_inspection(i); }, Status::invalid_arg, "draft_submitted");
    i = full("2024-03-01");
    i.plan_submitted = d("2024-02-01");
    expect_error([&] { check_inspection(i); }, Status::invalid_arg, "plan_submitted 2024-02-01 is before");
    i = focused("2024-03-01", false);
    i.plan_submitted = d("2024-04-01");
    expect_error([&] { check_inspection(i); }, Status::invalid_arg, "no action plan clock");
    i = full("2024-03-01");
    i.owner = std::string("Ann\x07");
    expect_error([&] { check_inspection(i); }, Status::invalid_arg, "inspection owner");
    i = full("1800-03-01");
    expect_error([&] { check_inspection(i); }, Status::invalid_arg, "inspection letter");
}

BOOST_AUTO_TEST_CASE(stored_with_the_plan_with_history) {
    TempStore tmp("inspection_store");
    Store s = Store::open(tmp.path);
    s.set_actor("tester");
    Plan p = small_plan();
    p.inspection = full("2024-02-16");
    p.inspection->owner = "Director of Children's Services";
    p.inspection->ended = d("2024-02-02");
    const std::int64_t id = save_plan(s, p);
    Plan back = load_plan(s, id);
    BOOST_TEST_REQUIRE(back.inspection.has_value());
    BOOST_TEST((*back.inspection == *p.inspection));

    Inspection changed = *back.inspection;
    changed.plan_submitted = d("2024-05-29");
    changed.monitored = true;
    set_inspection(s, id, changed);
    BOOST_TEST((*load_plan(s, id).inspection == changed));
    HistoryFilter f;
    f.entity = "plan_inspection";
    auto rows = s.history(f);
    BOOST_TEST_REQUIRE(rows.size() == 3u);  // created, plan_submitted, monitored
    BOOST_TEST(rows[1].field == "monitored");
    BOOST_TEST(rows[2].field == "plan_submitted");
    BOOST_TEST(rows[2].new_value.value_or("") == "2024-05-29");

    // A bad change is refused and what was stored stays.
    Inspection bad = changed;
    bad.ended = d("2024-03-01");
    expect_error([&] { set_inspection(s, id, bad); }, Status::invalid_arg, "inspection ended");
    BOOST_TEST((*load_plan(s, id).inspection == changed));
    expect_error([&] { set_inspection(s, id + 99, changed); }, Status::not_found, "plan");

    set_inspection(s, id, std::nullopt);
    BOOST_TEST(!load_plan(s, id).inspection.has_value());
    BOOST_TEST(s.history(f).size() == 4u);
}

BOOST_AUTO_TEST_CASE(plan_json_carries_the_inspection) {
    Plan p = small_plan();
    BOOST_TEST(plan_to_json(p).find("\"inspection\"") == std::string::npos);  // older documents unchanged
    p.inspection = focused("2024-12-06", true);
    p.inspection->draft_submitted = d("2025-01-07");
    p.inspection->owner = "Ann Smith";
    const std::string text = plan_to_json(p);
    BOOST_TEST(text.find("\"focused_visit\"") != std::string::npos);
    Plan back = plan_from_json(text);
    BOOST_TEST_REQUIRE(back.inspection.has_value());
    BOOST_TEST((*back.inspection == *p.inspection));
    std::string broken = text;
    broken.replace(broken.find("\"focused_visit\""), 15, "\"excellent\"");
    expect_error([&] { plan_from_json(broken); }, Status::parse, "/inspection/kind");
}

BOOST_AUTO_TEST_CASE(clocks_document) {
    Inspection i = full("2024-02-16");
    i.owner = "Ann \"A\" Smith";
    const std::string json = inspection_clocks_to_json(7, i, inspection_clocks(i, cal(), d("2024-05-01")),
                                                       d("2024-05-01"));
    BOOST_TEST(json.find("\"format\":\"oversight-inspection-clocks\"") != std::string::npos);
    BOOST_TEST(json.find("\"due\":\"2024-05-30\"") != std::string::npos);
    BOOST_TEST(json.find("\"working_days_left\":19") != std::string::npos);
    BOOST_TEST(json.find("Ann \\\"A\\\" Smith") != std::string::npos);
    BOOST_TEST(inspection_clocks_to_json(7, std::nullopt, {}, d("2024-05-01")).find("\"inspection\":null") !=
               std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
