// Compliance as of a date (issue 9 points 1, 2 and 5): each state with
// hand-computed dates, a look back that ignores later events, an obligation
// missed before a child moved counted against the worker allocated when it
// fell due, the SSDA903 return as of 31 March adding up by team and by
// rule, and the case system's own due dates where they differ.
#include <boost/test/unit_test.hpp>

#include <oversight/calendar/calendar.hpp>
#include <oversight/calendar/school_calendar.hpp>
#include <oversight/casework/case.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/casework/exemption.hpp>
#include <oversight/compliance/compliance.hpp>
#include <oversight/core/error.hpp>
#include <oversight/core/file.hpp>
#include <oversight/import/ssda903.hpp>
#include <oversight/reminders/reminder.hpp>
#include <oversight/rules/rule_pack.hpp>
#include <oversight/store/store.hpp>
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/team.hpp>

#include <nlohmann/json.hpp>

#include "support/shared_data.hpp"
#include "support/store_fixtures.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace oversight;

namespace oversight {
// For BOOST_TEST's messages.
std::ostream& operator<<(std::ostream& out, Date d) { return out << d.iso(); }
std::ostream& operator<<(std::ostream& out, ComplianceState s) { return out << to_string(s); }
std::ostream& operator<<(std::ostream& out, ComplianceBy b) { return out << to_string(b); }
template <class T>
std::ostream& operator<<(std::ostream& out, const std::optional<T>& v) {
    if (v) return out << *v;
    return out << "(none)";
}
}  // namespace oversight

namespace {

Date d(const char* iso) { return Date::parse_iso(iso); }

// A pack of our own, so every due date can be counted by hand:
//  - t.visit: 4 weeks (28 calendar days) from the placement, then from each
//    actual visit; a placement_end ends the chain;
//  - t.review: 20 working days from becoming looked after.
const char* const kPack = R"toml(
name = "compliance-test"
version = "1"
description = "test"

[[rule]]
id = "t.visit"
title = "Visits"
area = "visits"
kind = "interval"
trigger = "placement_start"
satisfied_by = ["visit"]
ends_on = ["placement_end"]
duration = "4 weeks"
source = "test reg 1"
status = "local"

[[rule]]
id = "t.review"
title = "First review"
area = "reviews"
kind = "within"
trigger = "became_looked_after"
satisfied_by = ["review"]
duration = "20 working days"
source = "test reg 2"
status = "local"
)toml";

const Calendar& cal() {
    static const Calendar c = Calendar::for_division(Division::england_and_wales);
    return c;
}

const RulePack& pack() {
    static const RulePack p = RulePack::from_toml(kPack, "compliance-test");
    return p;
}

ClassifySettings settings(Date as_of) {
    return {as_of, add_duration(as_of, {10, Unit::working_days}, cal()), 5};
}

std::vector<ComplianceItem> classify(const ComplianceCase& c, Date as_of) {
    return classify_case(c, schedule_case(pack(), c.record, as_of, cal()), pack(), cal(), settings(as_of));
}

const ComplianceItem& find(const std::vector<ComplianceItem>& items, const std::string& child, const std::string& rule,
                           Date due) {
    for (const ComplianceItem& i : items)
        if (i.obligation.child_id == child && i.obligation.rule_id == rule && i.obligation.due == due) return i;
    BOOST_FAIL("no item " << child << " " << rule << " due " << due.iso());
    throw 0;
}

/// Placed and looked after from Monday 6 January 2025.
ComplianceCase placed(const std::string& child) {
    ComplianceCase c;
    c.record.child_id = child;
    c.record.events = {{"became_looked_after", d("2025-01-06"), {}}, {"placement_start", d("2025-01-06"), {}}};
    c.recorded_on = {d("2025-01-06"), d("2025-01-06")};
    return c;
}

/// The child missing from care over [from, to], exempt from visits only.
Exemption missing_from_visits(const std::string& child, Date from, Date to) {
    Exemption e;
    e.child_id = child;
    e.kind = ExemptionKind::missing;
    e.from = from;
    e.to = to;
    e.reason = "missing from care; police notified";
    e.approved_by = "Dee Head";
    e.areas = {"visits"};
    return e;
}

void add(ComplianceCase& c, CaseEvent e, Date recorded) {
    c.record.events.push_back(std::move(e));
    c.recorded_on.push_back(recorded);
}

/// C1 (Ann Lee's, Team A) looked after from `from`, with a PEP on `pep`
/// (the England pack's pep.review counts from it, in school terms).
void looked_after_with_a_pep(Store& store, Date from, Date pep) {
    save_team(store, {"Team A", "", ""});
    save_worker(store, {"Ann Lee", "Team A", ""});
    save_child(store, {"C1", d("2012-05-01")});
    allocate(store, "C1", "Ann Lee", from);
    const RulePack& england = RulePack::england_default();
    record_event(store, "C1", {"became_looked_after", from, {}}, "t", &england);
    record_event(store, "C1", {"pep", pep, {}}, "t", &england);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(compliance)

BOOST_AUTO_TEST_CASE(each_state_with_hand_computed_dates) {
    // C1: visits due 3 Feb (6 Jan + 28 days) met 30 Jan, on time; next due
    // 27 Feb (30 Jan + 28) met 5 Mar, 6 days late; next due 2 Apr (5 Mar +
    // 28): as of Mon 31 Mar, within 10 working days (to 14 Apr), 2 days left.
    // Review: 20 working days from Mon 6 Jan (day 0) is Mon 3 Feb (no bank
    // holiday); never held: overdue by 56 days on 31 Mar (25 in Feb + 31).
    ComplianceCase c1 = placed("C1");
    c1.allocations = {{"Ann Lee", "Team A", d("2025-01-06"), std::nullopt}};
    add(c1, {"visit", d("2025-01-30"), {}}, d("2025-01-30"));
    add(c1, {"visit", d("2025-03-05"), {}}, d("2025-03-17"));  // written up 8 working days later
    const Date as_of = d("2025-03-31");
    const auto items = classify(c1, as_of);
    BOOST_TEST(items.size() == 4u);

    const ComplianceItem& on_time = find(items, "C1", "t.visit", d("2025-02-03"));
    BOOST_TEST(to_string(on_time.state) == "met_on_time");
    BOOST_TEST(on_time.days == 0);
    BOOST_TEST(on_time.met_event == "visit");
    BOOST_TEST(on_time.obligation.met_on == d("2025-01-30"));
    BOOST_TEST(on_time.recording_delay.value_or(-1) == 0);
    BOOST_TEST(!on_time.recorded_late);
    BOOST_TEST(on_time.area == "visits");
    BOOST_TEST(on_time.obligation.source == "test reg 1");
    BOOST_TEST(on_time.obligation.layer == "compliance-test");
    BOOST_TEST(on_time.obligation.anchor == d("2025-01-06"));
    BOOST_TEST(on_time.obligation.anchor_event == "placement_start");
    BOOST_TEST(on_time.obligation.worker == "Ann Lee");
    BOOST_TEST(on_time.obligation.team == "Team A");
    BOOST_TEST(!on_time.obligation.explanation.empty());

    const ComplianceItem& late = find(items, "C1", "t.visit", d("2025-02-27"));
    BOOST_TEST(to_string(late.state) == "met_late");
    BOOST_TEST(late.days == 6);
    BOOST_TEST(late.obligation.anchor == d("2025-01-30"));
    BOOST_TEST(late.obligation.anchor_event == "visit");
    // Wed 5 Mar to Mon 17 Mar: 6,7,10,11,12,13,14,17 = 8 working days > 5.
    BOOST_TEST(late.met_recorded_on == d("2025-03-17"));
    BOOST_TEST(late.recording_delay.value_or(-1) == 8);
    BOOST_TEST(late.recorded_late);

    const ComplianceItem& soon = find(items, "C1", "t.visit", d("2025-04-02"));
    BOOST_TEST(to_string(soon.state) == "due_soon");
    BOOST_TEST(soon.days == 2);
    BOOST_TEST(soon.met_event.empty());
    BOOST_TEST(!soon.recording_delay);

    const ComplianceItem& overdue = find(items, "C1", "t.review", d("2025-02-03"));
    BOOST_TEST(to_string(overdue.state) == "overdue");
    BOOST_TEST(overdue.days == 56);
    BOOST_TEST(overdue.area == "reviews");

    // Not yet due: as of 14 Mar the visit due 2 Apr is past the window
    // (10 working days from Fri 14 Mar: Fri 28 Mar), 19 days away.
    const auto earlier = classify(c1, d("2025-03-14"));
    const ComplianceItem& later = find(earlier, "C1", "t.visit", d("2025-04-02"));
    BOOST_TEST(to_string(later.state) == "not_yet_due");
    BOOST_TEST(later.days == 19);

    // A chain ended unmet after its due date: overdue by the days to its end.
    // C3's placement ended Mon 10 Feb, the visit due 3 Feb never made.
    ComplianceCase c3 = placed("C3");
    add(c3, {"placement_end", d("2025-02-10"), {}}, d("2025-02-10"));
    add(c3, {"review", d("2025-01-31"), {}}, d("2025-01-31"));
    const auto ended = classify(c3, as_of);
    const ComplianceItem& e = find(ended, "C3", "t.visit", d("2025-02-03"));
    BOOST_TEST(to_string(e.state) == "overdue");
    BOOST_TEST(e.obligation.ended_on == d("2025-02-10"));
    BOOST_TEST(e.days == 7);
    BOOST_TEST(to_string(find(ended, "C3", "t.review", d("2025-02-03")).state) == "met_on_time");
    // Unallocated: no worker, no team.
    BOOST_TEST(e.obligation.worker.empty());
    BOOST_TEST(e.obligation.team.empty());

    // Exempt stays a state of its own, by name, for the exemption check.
    BOOST_TEST(to_string(ComplianceState::exempt) == "exempt");
    BOOST_TEST(compliance_state_from_string("exempt") == ComplianceState::exempt);
    BOOST_TEST(compliance_state_from_string("met late") == ComplianceState::met_late);
    BOOST_CHECK_THROW(compliance_state_from_string("late-ish"), Error);
}

BOOST_AUTO_TEST_CASE(aggregates_count_every_state_and_add_up) {
    ComplianceCase c1 = placed("C1");
    c1.allocations = {{"Ann Lee", "Team A", d("2025-01-06"), std::nullopt}};
    add(c1, {"visit", d("2025-01-30"), {}}, d("2025-01-30"));
    add(c1, {"visit", d("2025-03-05"), {}}, d("2025-03-17"));
    ComplianceCase c3 = placed("C3");
    c3.allocations = {{"Bo Chan", "Team B", d("2025-01-06"), std::nullopt}};
    add(c3, {"placement_end", d("2025-02-10"), {}}, d("2025-02-10"));
    add(c3, {"review", d("2025-01-31"), {}}, d("2025-01-31"));

    ComplianceOptions o;
    o.as_of = d("2025-03-31");
    o.period_to = d("2025-04-30");  // the visit due 2 Apr falls in it, due soon
    const ComplianceReport r = compliance_of({c1, c3}, pack(), cal(), o);
    BOOST_TEST(r.period_from == d("2025-02-01"));  // 30 Apr + 1 day - 3 months
    BOOST_TEST(r.items.size() == 6u);
    const ComplianceGroup all = r.groups_by(ComplianceBy::overall).at(0);
    // On time: C1 visit 3 Feb, C3 review. Late: C1 visit 27 Feb. Overdue:
    // C1 review, C3 visit (ended). Due soon: C1 visit 2 Apr (in neither).
    BOOST_TEST(all.numerator == 2);
    BOOST_TEST(all.denominator == 5);
    BOOST_TEST(*all.percent == 40.0);
    BOOST_TEST(all.counts.met_on_time == 2);
    BOOST_TEST(all.counts.met_late == 1);
    BOOST_TEST(all.counts.overdue == 2);
    BOOST_TEST(all.counts.due_soon == 1);
    BOOST_TEST(all.counts.recorded_late == 1);
    const auto teams = r.groups_by(ComplianceBy::team);
    BOOST_TEST(teams.size() == 2u);
    BOOST_TEST(teams[0].key == "Team A");
    BOOST_TEST(teams[0].numerator == 1);
    BOOST_TEST(teams[0].denominator == 3);
    BOOST_TEST(teams[1].key == "Team B");
    BOOST_TEST(teams[1].numerator == 1);
    BOOST_TEST(teams[1].denominator == 2);
    // Sorted by team, worker, child, due.
    BOOST_TEST(r.items.front().obligation.team == "Team A");
    BOOST_TEST(r.items.back().obligation.team == "Team B");
    BOOST_TEST(r.items_of(ComplianceBy::team, "Team B").size() == 2u);
    BOOST_TEST(r.items_of(ComplianceBy::area, "reviews").size() == 2u);

    // The default period: the three months ending on as_of.
    ComplianceOptions q;
    q.as_of = d("2025-03-31");
    const ComplianceReport quarter = compliance_of({c1, c3}, pack(), cal(), q);
    BOOST_TEST(quarter.period_from == d("2025-01-01"));
    BOOST_TEST(quarter.period_to == d("2025-03-31"));
    BOOST_TEST(quarter.items.size() == 5u);

    // Filters apply to the item's own worker, team, rule and area.
    ComplianceOptions f = o;
    f.team = "team a";
    f.rule = "t.visit";
    const ComplianceReport only = compliance_of({c1, c3}, pack(), cal(), f);
    BOOST_TEST(only.items.size() == 3u);
    for (const ComplianceItem& i : only.items) BOOST_TEST(i.obligation.rule_id == "t.visit");
    // One child's: the items of that case alone, the numbers theirs.
    ComplianceOptions one = o;
    one.child = c3.record.child_id;
    const ComplianceReport child = compliance_of({c1, c3}, pack(), cal(), one);
    const ComplianceReport alone = compliance_of({c3}, pack(), cal(), o);
    BOOST_REQUIRE(!child.items.empty());
    BOOST_TEST((child.items == alone.items));
    BOOST_TEST((child.groups == alone.groups));
    one.child = " " + c3.record.child_id + "\t";  // as stored ids are: trimmed
    BOOST_TEST((compliance_of({c1, c3}, pack(), cal(), one).items == alone.items));
    one.child = "nobody";
    BOOST_TEST(compliance_of({c1, c3}, pack(), cal(), one).items.empty());

    ComplianceOptions bad = o;
    bad.period_from = d("2025-05-01");
    BOOST_CHECK_THROW(compliance_of({c1}, pack(), cal(), bad), Error);
    bad = o;
    bad.window = {-1, Unit::working_days};
    BOOST_CHECK_THROW(compliance_of({c1}, pack(), cal(), bad), Error);
}

BOOST_AUTO_TEST_CASE(as_of_in_the_past_ignores_later_events_and_allocations) {
    Store store = Store::open_in_memory();
    save_team(store, {"Team A", "", ""});
    save_team(store, {"Team B", "", ""});
    save_worker(store, {"Ann Lee", "Team A", ""});
    save_worker(store, {"Bo Chan", "Team B", ""});
    save_child(store, {"C1", d("2012-05-01")});
    allocate(store, "C1", "Ann Lee", d("2025-01-06"));
    allocate(store, "C1", "Bo Chan", d("2025-03-01"));
    record_event(store, "C1", {"became_looked_after", d("2025-01-06"), {}}, "t", &pack());
    record_event(store, "C1", {"placement_start", d("2025-01-06"), {}}, "t", &pack());
    record_event(store, "C1", {"visit", d("2025-01-30"), {}}, "t", &pack());
    record_event(store, "C1", {"visit", d("2025-03-05"), {}}, "t", &pack());
    record_event(store, "C1", {"review", d("2025-03-10"), {}}, "t", &pack());

    ComplianceOptions o;
    o.as_of = d("2025-02-15");  // a Saturday: due soon runs to Fri 28 Feb
    o.period_from = d("2025-01-01");
    o.period_to = d("2025-03-31");
    const ComplianceReport then = oversight::compliance(store, pack(), cal(), o);
    BOOST_TEST(then.due_soon_until == d("2025-02-28"));
    BOOST_TEST(then.items.size() == 3u);
    const ComplianceItem& review = find(then.items, "C1", "t.review", d("2025-02-03"));
    BOOST_TEST(to_string(review.state) == "overdue");  // the review of 10 March had not happened
    BOOST_TEST(review.days == 12);
    const ComplianceItem& visit = find(then.items, "C1", "t.visit", d("2025-02-27"));
    BOOST_TEST(to_string(visit.state) == "due_soon");
    BOOST_TEST(visit.days == 12);
    // Bo's allocation from 1 March was not known on 15 February.
    BOOST_TEST(visit.obligation.worker == "Ann Lee");
    BOOST_TEST(visit.obligation.team == "Team A");

    o.as_of = d("2025-03-31");
    const ComplianceReport now = oversight::compliance(store, pack(), cal(), o);
    const ComplianceItem& review2 = find(now.items, "C1", "t.review", d("2025-02-03"));
    BOOST_TEST(to_string(review2.state) == "met_late");
    BOOST_TEST(review2.days == 35);
    const ComplianceItem& visit2 = find(now.items, "C1", "t.visit", d("2025-02-27"));
    BOOST_TEST(to_string(visit2.state) == "met_late");
    BOOST_TEST(visit2.obligation.worker == "Ann Lee");  // fell due 27 Feb, Ann's
    // Recorded today, long after the visit: late recording, a measure apart.
    BOOST_TEST(visit2.met_recorded_on == Date::today());
    BOOST_TEST(visit2.recorded_late);
    BOOST_TEST(*visit2.recording_delay == cal().working_days_between(d("2025-03-05"), Date::today()));
}

BOOST_AUTO_TEST_CASE(a_missed_obligation_counts_against_the_worker_allocated_when_it_fell_due) {
    // Acceptance (issue 9): Ann (Team A) holds the case from 6 January; it
    // moves to Bo (Team B) on 17 February. The review due 3 February was
    // missed while Ann held it: Ann's and Team A's, not Bo's. The visit due
    // 27 February (met late) is Bo's; Bo moves to Team C on 1 March, so the
    // visit due 2 April counts for Team C.
    Store store = Store::open_in_memory();
    for (const char* t : {"Team A", "Team B", "Team C"}) save_team(store, {t, "", ""});
    save_worker(store, {"Ann Lee", "Team A", ""});
    save_worker(store, {"Bo Chan", "Team B", ""});
    appoint(store, {0, "Bo Chan", Role::social_worker, "Team C", "", d("2025-03-01"), std::nullopt});
    save_child(store, {"C1", d("2012-05-01")});
    allocate(store, "C1", "Ann Lee", d("2025-01-06"));
    allocate(store, "C1", "Bo Chan", d("2025-02-17"));
    record_event(store, "C1", {"became_looked_after", d("2025-01-06"), {}}, "t", &pack());
    record_event(store, "C1", {"placement_start", d("2025-01-06"), {}}, "t", &pack());
    record_event(store, "C1", {"visit", d("2025-01-30"), {}}, "t", &pack());
    record_event(store, "C1", {"visit", d("2025-03-05"), {}}, "t", &pack());

    ComplianceOptions o;
    o.as_of = d("2025-03-31");
    o.period_to = d("2025-04-30");
    const ComplianceReport r = oversight::compliance(store, pack(), cal(), o);
    const ComplianceItem& review = find(r.items, "C1", "t.review", d("2025-02-03"));
    BOOST_TEST(to_string(review.state) == "overdue");
    BOOST_TEST(review.obligation.worker == "Ann Lee");
    BOOST_TEST(review.obligation.team == "Team A");
    const ComplianceItem& late = find(r.items, "C1", "t.visit", d("2025-02-27"));
    BOOST_TEST(late.obligation.worker == "Bo Chan");
    BOOST_TEST(late.obligation.team == "Team B");
    const ComplianceItem& soon = find(r.items, "C1", "t.visit", d("2025-04-02"));
    BOOST_TEST(soon.obligation.worker == "Bo Chan");
    BOOST_TEST(soon.obligation.team == "Team C");

    std::map<std::string, ComplianceGroup> workers;
    for (const ComplianceGroup& g : r.groups_by(ComplianceBy::worker)) workers[g.key] = g;
    BOOST_TEST(workers.size() == 2u);
    BOOST_TEST(workers["Ann Lee"].numerator == 1);    // the visit due 3 Feb, met 30 Jan
    BOOST_TEST(workers["Ann Lee"].denominator == 2);  // and the missed review
    BOOST_TEST(workers["Ann Lee"].counts.overdue == 1);
    BOOST_TEST(workers["Bo Chan"].numerator == 0);
    BOOST_TEST(workers["Bo Chan"].denominator == 1);
    BOOST_TEST(workers["Bo Chan"].counts.overdue == 0);
    BOOST_TEST(workers["Bo Chan"].counts.due_soon == 1);

    // Filtering by Bo's team on the due date leaves the missed review out.
    ComplianceOptions team_b = o;
    team_b.team = "Team B";
    const ComplianceReport b = oversight::compliance(store, pack(), cal(), team_b);
    BOOST_TEST(b.items.size() == 1u);
    BOOST_TEST(b.items.front().obligation.rule_id == "t.visit");

    ComplianceOptions nobody = o;
    nobody.worker = "No Such Person";
    BOOST_TEST(test::code_of([&] { oversight::compliance(store, pack(), cal(), nobody); }) == Status::not_found);
    nobody = o;
    nobody.rule = "t.none";
    BOOST_TEST(test::code_of([&] { oversight::compliance(store, pack(), cal(), nobody); }) == Status::not_found);
    nobody = o;
    nobody.area = "pep";
    BOOST_TEST(test::code_of([&] { oversight::compliance(store, pack(), cal(), nobody); }) == Status::not_found);
}

BOOST_AUTO_TEST_CASE(a_visit_due_while_the_child_was_missing_is_exempt_with_the_reason) {
    // Acceptance (issue 9 point 4): C1, placed 6 January 2025, is missing
    // from 27 January to 16 February (3 weeks, visits only). Its visit due
    // 3 February (4 weeks) happens on 14 February, while it is still
    // missing: exempt, with the reason, and neither met nor overdue in the
    // aggregates. The review due the same day is not covered (the exemption
    // is for visits): overdue. The next visit, due 14 March, is overdue on
    // 31 March. C2, missing over the same days but visited on 31 January,
    // keeps its visit met on time: the exemption was not needed. C3, missing
    // over the same days and visited only on 20 February, 4 days after it
    // came back: the exemption excused the visit until 16 February, so it
    // was met late by 4 days, the exemption named beside it. C4 was never
    // visited after it came back: overdue from 16 February, 43 days on
    // 31 March (an exemption never hides a missed visit for ever).
    Store store = Store::open_in_memory();
    save_team(store, {"Team A", "", ""});
    save_worker(store, {"Ann Lee", "Team A", ""});
    for (const char* child : {"C1", "C2", "C3", "C4"}) {
        save_child(store, {child, d("2012-05-01")});
        allocate(store, child, "Ann Lee", d("2025-01-06"));
        record_event(store, child, {"became_looked_after", d("2025-01-06"), {}}, "t", &pack());
        record_event(store, child, {"placement_start", d("2025-01-06"), {}}, "t", &pack());
        add_exemption(store, missing_from_visits(child, d("2025-01-27"), d("2025-02-16")));
    }
    record_event(store, "C1", {"visit", d("2025-02-14"), {}}, "t", &pack());
    record_event(store, "C2", {"visit", d("2025-01-31"), {}}, "t", &pack());
    record_event(store, "C3", {"visit", d("2025-02-20"), {}}, "t", &pack());

    ComplianceOptions o;
    o.as_of = d("2025-03-31");
    const ComplianceReport r = oversight::compliance(store, pack(), cal(), o);
    const ComplianceItem& visit = find(r.items, "C1", "t.visit", d("2025-02-03"));
    BOOST_TEST(visit.state == ComplianceState::exempt);
    BOOST_TEST(visit.obligation.met_on == d("2025-02-14"));
    BOOST_REQUIRE(visit.exemption.has_value());
    BOOST_TEST(visit.exemption->reason == "missing from care; police notified");
    BOOST_TEST(visit.exemption->approved_by == "Dee Head");
    BOOST_TEST(find(r.items, "C1", "t.review", d("2025-02-03")).state == ComplianceState::overdue);
    BOOST_TEST(find(r.items, "C1", "t.visit", d("2025-03-14")).state == ComplianceState::overdue);
    BOOST_TEST(find(r.items, "C2", "t.visit", d("2025-02-03")).state == ComplianceState::met_on_time);
    const ComplianceItem& late = find(r.items, "C3", "t.visit", d("2025-02-03"));
    BOOST_TEST(late.state == ComplianceState::met_late);
    BOOST_TEST(late.days == 4);
    BOOST_TEST(late.exemption.has_value());
    const ComplianceItem& missed = find(r.items, "C4", "t.visit", d("2025-02-03"));
    BOOST_TEST(missed.state == ComplianceState::overdue);
    BOOST_TEST(missed.days == 43);
    BOOST_TEST(missed.exemption.has_value());

    const ComplianceGroup overall = r.groups_by(ComplianceBy::overall).front();
    BOOST_TEST(overall.counts.exempt == 1);
    BOOST_TEST(overall.denominator == overall.counts.met_on_time + overall.counts.met_late + overall.counts.overdue);
    BOOST_TEST(overall.numerator == 1);  // C2's visit

    const auto j = nlohmann::json::parse(compliance_to_json(r));
    bool seen = false;
    for (const auto& item : j["items"])
        if (item["state"] == "exempt") {
            seen = true;
            BOOST_TEST(item["exemption"]["kind"] == "missing");
            BOOST_TEST(item["exemption"]["from"] == "2025-01-27");
            BOOST_TEST(item["exemption"]["to"] == "2025-02-16");
            BOOST_TEST(item["exemption"]["reason"] == "missing from care; police notified");
        }
    BOOST_TEST(seen);
    BOOST_TEST(compliance_to_text(r, true).find("missing 2025-01-27 to 2025-02-16: missing from care; police "
                                                "notified (approved by Dee Head)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(termly_rules_are_counted_with_a_school_calendar_and_listed_without_one) {
    // Issue 9 point 3: a termly obligation is never dropped silently. The
    // England pack's pep.review is termly ("by the last day of the next
    // term", calendar/duration.hpp): from a PEP on Monday 16 September 2024
    // (Autumn term) it is due by the last day of the Spring term, Friday
    // 4 April 2025, in the test school calendar.
    Store store = Store::open_in_memory();
    looked_after_with_a_pep(store, d("2024-09-09"), d("2024-09-16"));
    const RulePack& england = RulePack::england_default();

    ComplianceOptions o;
    o.as_of = d("2025-03-31");
    o.period_to = d("2025-04-30");
    o.area = "pep";
    const ComplianceReport without = oversight::compliance(store, england, cal(), o);
    BOOST_TEST(std::none_of(without.items.begin(), without.items.end(),
                            [](const ComplianceItem& i) { return i.obligation.rule_id == "pep.review"; }));
    BOOST_TEST(std::any_of(without.not_counted.begin(), without.not_counted.end(),
                           [](const auto& n) { return n.first == "pep.review"; }));
    BOOST_TEST(compliance_to_text(without, false).find("Not counted: pep.review: counted in school terms") !=
               std::string::npos);
    BOOST_TEST(nlohmann::json::parse(compliance_to_json(without))["not_counted"].size() == without.not_counted.size());

    const SchoolCalendar school =
        SchoolCalendar::from_toml(read_file(OVERSIGHT_TEST_DATA_DIR "/calendar_school.toml", "school"), cal());
    o.school = &school;
    const ComplianceReport with = oversight::compliance(store, england, cal(), o);
    BOOST_TEST(with.not_counted.empty());
    const ComplianceItem& review = find(with.items, "C1", "pep.review", d("2025-04-04"));
    BOOST_TEST(review.state == ComplianceState::due_soon);
}

BOOST_AUTO_TEST_CASE(a_termly_obligation_past_the_school_calendars_last_term_is_listed_not_dropped) {
    // Issue 9 point 3: "never drop a termly obligation silently". A PEP on
    // Monday 12 May 2025 (Summer 2025, the test calendar's last term) makes
    // its review due by the last day of the next term, which the calendar
    // does not have: the obligation cannot be dated. A report whose period
    // or window reaches past Tuesday 22 July 2025 (the last term's end) says
    // so; one that ends by then does not need the date (it would fall after).
    Store store = Store::open_in_memory();
    looked_after_with_a_pep(store, d("2025-05-01"), d("2025-05-12"));
    const RulePack& england = RulePack::england_default();
    const SchoolCalendar school =
        SchoolCalendar::from_toml(read_file(OVERSIGHT_TEST_DATA_DIR "/calendar_school.toml", "school"), cal());

    ComplianceOptions o;
    o.as_of = d("2025-09-30");
    o.area = "pep";
    o.school = &school;
    const ComplianceReport late = oversight::compliance(store, england, cal(), o);
    BOOST_TEST(std::none_of(late.items.begin(), late.items.end(),
                            [](const ComplianceItem& i) { return i.obligation.rule_id == "pep.review"; }));
    BOOST_REQUIRE(late.not_counted.size() == 1u);
    BOOST_TEST(late.not_counted[0].first == "pep.review");
    const std::string& why = late.not_counted[0].second;
    BOOST_TEST(why.find("1 obligation of 1 child could not be dated") == 0u, why);
    BOOST_TEST(why.find("'Example LA 2024/25' (Summer 2025, ending 2025-07-22)") != std::string::npos, why);
    BOOST_TEST(compliance_to_text(late, false).find("Not counted: pep.review: 1 obligation") != std::string::npos);
    // Filtered by worker: Ann Lee's report lists it, another worker's does not.
    save_worker(store, {"Bo Ray", "Team A", ""});
    o.worker = "Ann Lee";
    BOOST_TEST(oversight::compliance(store, england, cal(), o).not_counted.size() == 1u);
    o.worker = "Bo Ray";
    BOOST_TEST(oversight::compliance(store, england, cal(), o).not_counted.empty());
    o.worker.reset();
    // Had the child ceased to be looked after before the calendar's last
    // day, the review would have been superseded unmet: no obligation.
    {
        Store ended = Store::open_in_memory();
        looked_after_with_a_pep(ended, d("2025-05-01"), d("2025-05-12"));
        record_event(ended, "C1", {"ceased_looked_after", d("2025-06-20"), {}}, "t", &england);
        BOOST_TEST(oversight::compliance(ended, england, cal(), o).not_counted.empty());
    }

    o.as_of = d("2025-06-30");  // the quarter to 30 June ends before the last term does
    BOOST_TEST(oversight::compliance(store, england, cal(), o).not_counted.empty());

    // Reminders: a window that reaches past 22 July lists it; one that does not, not.
    std::vector<std::pair<std::string, std::string>> left_out;
    reminders(store, england, cal(), d("2025-07-15"), {10, Unit::working_days}, {}, &school, &left_out);
    BOOST_REQUIRE(left_out.size() == 1u);
    BOOST_TEST(left_out[0].first == "pep.review");
    reminders(store, england, cal(), d("2025-07-01"), {10, Unit::working_days}, {}, &school, &left_out);
    BOOST_TEST(left_out.empty());
}

BOOST_AUTO_TEST_CASE(an_exemption_that_ends_in_a_later_period_counts_each_obligation_once) {
    // All placed Mon 6 Jan 2025: the first visit is due Mon 3 Feb. Each child
    // is missing from 27 January to 10 March (visits). C1 is visited on 14
    // March (met late by 4 days, from the exemption's last day), C2 never
    // (overdue from 10 March: 21 days on 31 March), C3 on 5 March, while
    // still missing (exempt: the exemption was needed and covered it).
    std::vector<ComplianceCase> cases;
    for (const char* child : {"C1", "C2", "C3"}) {
        ComplianceCase c = placed(child);
        c.exemptions.push_back(missing_from_visits(child, d("2025-01-27"), d("2025-03-10")));
        cases.push_back(std::move(c));
    }
    add(cases[0], {"visit", d("2025-03-14"), {}}, d("2025-03-14"));
    add(cases[2], {"visit", d("2025-03-05"), {}}, d("2025-03-05"));
    ComplianceOptions o;
    o.rule = "t.visit";
    o.as_of = d("2025-03-31");
    // February's report, as of 31 March: the three visits fell due in
    // February; two were missed once the exemption ended, one stays exempt.
    o.period_from = d("2025-02-01");
    o.period_to = d("2025-02-28");
    const ComplianceReport february = compliance_of(cases, pack(), cal(), o);
    const ComplianceCounts feb = february.groups_by(ComplianceBy::overall).front().counts;  // a copy: groups_by gives a new list
    BOOST_TEST(feb.met_late == 1);
    BOOST_TEST(feb.overdue == 1);
    BOOST_TEST(feb.exempt == 1);
    BOOST_TEST(find(february.items, "C1", "t.visit", d("2025-02-03")).days == 4);
    BOOST_TEST(find(february.items, "C2", "t.visit", d("2025-02-03")).days == 21);
    // March's report, as of 31 March: the same two only as brought forward
    // (due before the period, unmet on its first day): never in two
    // periods' denominators. The exempt one is not brought forward.
    o.period_from = d("2025-03-01");
    o.period_to = d("2025-03-31");
    const ComplianceReport march = compliance_of(cases, pack(), cal(), o);
    const ComplianceGroup mar = march.groups_by(ComplianceBy::overall).front();
    BOOST_TEST(mar.denominator == 0);
    BOOST_TEST(mar.counts.carried_over == 2);
    BOOST_TEST(mar.counts.carried_over_met == 1);  // C1, visited on 14 March
    // February's report as of 28 February: every one still exempt.
    o.as_of = d("2025-02-28");
    o.period_from = d("2025-02-01");
    o.period_to = d("2025-02-28");
    const ComplianceCounts then = compliance_of(cases, pack(), cal(), o).groups_by(ComplianceBy::overall).front().counts;
    BOOST_TEST(then.exempt == 3);
    BOOST_TEST(then.total() == 3);
}

BOOST_AUTO_TEST_CASE(obligations_still_unmet_when_the_period_starts_are_brought_forward) {
    // Period 1-31 March 2025, as of 31 March. All placed Mon 6 Jan, so the
    // first visit and the review are due Mon 3 Feb, before the period.
    //  C1: visit made 10 Mar (late, within the period) and no review: both
    //      unmet on 1 March, so brought forward; the visit was met in the period.
    //  C2: visits 30 Jan and 25 Feb (on time), review 31 Jan: nothing brought
    //      forward; the next visit, due 25 Mar (25 Feb + 28), is overdue: 0/1.
    //  C3: no visit, placement ended 20 Feb (the chain ended before the
    //      period) and review 28 Feb (late, before the period): nothing.
    ComplianceCase c1 = placed("C1"), c2 = placed("C2"), c3 = placed("C3");
    add(c1, {"visit", d("2025-03-10"), {}}, d("2025-03-10"));
    add(c2, {"visit", d("2025-01-30"), {}}, d("2025-01-30"));
    add(c2, {"visit", d("2025-02-25"), {}}, d("2025-02-25"));
    add(c2, {"review", d("2025-01-31"), {}}, d("2025-01-31"));
    add(c3, {"placement_end", d("2025-02-20"), {}}, d("2025-02-20"));
    add(c3, {"review", d("2025-02-28"), {}}, d("2025-02-28"));
    ComplianceOptions o;
    o.as_of = d("2025-03-31");
    o.period_from = d("2025-03-01");
    const ComplianceReport r = compliance_of({c1, c2, c3}, pack(), cal(), o);

    const ComplianceGroup overall = r.groups_by(ComplianceBy::overall).front();
    BOOST_TEST(overall.numerator == 0);
    BOOST_TEST(overall.denominator == 1);
    BOOST_TEST(overall.counts.carried_over == 2);
    BOOST_TEST(overall.counts.carried_over_met == 1);
    BOOST_TEST(overall.counts.total() == 1);  // brought forward items are not the period's
    BOOST_TEST(r.items.size() == 1u);
    for (const ComplianceGroup& g : r.groups_by(ComplianceBy::rule)) {
        BOOST_TEST(g.counts.carried_over == 1);  // each rule: one
        BOOST_TEST(g.counts.carried_over_met == (g.key == "t.visit" ? 1 : 0));
    }
    // The groups are the same whether or not the child rows are kept.
    o.items = false;
    BOOST_TEST(compliance_of({c1, c2, c3}, pack(), cal(), o).groups == r.groups);

    const auto j = nlohmann::json::parse(compliance_to_json(r));
    BOOST_TEST(j["groups"][0]["counts"]["carried_over"] == 2);
    BOOST_TEST(j["groups"][0]["counts"]["carried_over_met"] == 1);
    BOOST_TEST(compliance_to_text(r, false).find("all: 0/1 in timescale (0.0%); met late 0, overdue 1, due soon 0, "
                                                 "not yet due 0, exempt 0, recorded late 0; brought forward 2 (met "
                                                 "in the period 1)") != std::string::npos,
               compliance_to_text(r, false));
    const std::string csv = compliance_to_csv(r, false, ComplianceBy::overall);
    BOOST_TEST(csv.find(",carried_over,carried_over_met\r\n") != std::string::npos, csv);
    BOOST_TEST(csv.find("overall,,0,1,0.0,0,0,1,0,0,0,0,0,2,1\r\n") != std::string::npos, csv);
}

BOOST_AUTO_TEST_CASE(a_host_due_date_that_differs_is_reported_with_both_explanations) {
    // Acceptance (issue 9): the case system says the first visit was due
    // 1 February (its own count); Oversight says 3 February. The visit that
    // met it carries due_date; the second visit agrees with Oversight; the
    // review's due_date is not a date.
    ComplianceCase c = placed("C1");
    add(c, {"visit", d("2025-01-30"), {{"due_date", "2025-02-01"}}}, d("2025-01-30"));
    add(c, {"visit", d("2025-02-20"), {{"due_date", "2025-02-27"}}}, d("2025-02-20"));
    add(c, {"review", d("2025-02-03"), {{"due_date", "3 Feb"}}}, d("2025-02-03"));
    ComplianceOptions o;
    o.as_of = d("2025-03-31");
    const ComplianceReport r = compliance_of({c}, pack(), cal(), o);

    const auto differ = r.disagreements();
    BOOST_TEST(differ.size() == 2u);
    const ComplianceItem& visit = find(r.items, "C1", "t.visit", d("2025-02-03"));
    BOOST_REQUIRE(visit.host_due);
    BOOST_TEST(visit.host_due->host_due == d("2025-02-01"));
    BOOST_TEST(visit.host_due->event_type == "visit");
    BOOST_TEST(visit.host_due->explanation ==
               "host due date 2025-02-01 from event visit on 2025-01-30 (attribute due_date)");
    BOOST_TEST(visit.obligation.explanation.find("Rule t.visit") != std::string::npos);
    BOOST_TEST(!find(r.items, "C1", "t.visit", d("2025-02-27")).host_due);  // agrees
    // The review event met the review: its due_date speaks for it.
    const ComplianceItem& review = find(r.items, "C1", "t.review", d("2025-02-03"));
    BOOST_REQUIRE(review.host_due);
    BOOST_TEST(!review.host_due->host_due);
    BOOST_TEST(review.host_due->explanation ==
               "host due date '3 Feb' from event review on 2025-02-03 (attribute due_date) is not an ISO date");
    BOOST_TEST(r.groups.front().counts.host_disagreements == 2);

    // Without the review: the trigger's date speaks for the open review (4
    // Feb against Oversight's 3 Feb); the placement's due_date names the
    // review (due_rule), which the placement does not start, so it speaks
    // for nothing.
    ComplianceCase open = placed("C2");
    open.record.events[0].attributes = {{"due_date", "2025-02-04"}};
    open.record.events[1].attributes = {{"due_date", "2025-01-01"}, {"due_rule", "t.review"}};
    const auto items = classify(open, d("2025-01-20"));
    const ComplianceItem& pending = find(items, "C2", "t.review", d("2025-02-03"));
    BOOST_REQUIRE(pending.host_due);
    BOOST_TEST(pending.host_due->host_due == d("2025-02-04"));
    BOOST_TEST(pending.host_due->explanation ==
               "host due date 2025-02-04 from event became_looked_after on 2025-01-06 (attribute due_date)");
    BOOST_TEST(!find(items, "C2", "t.visit", d("2025-02-03")).host_due);  // due_rule names the review only

    // Both explanations in the text output.
    const std::string text = compliance_to_text(r, true);
    BOOST_TEST(text.find("ours: Rule t.visit") != std::string::npos, text);
    BOOST_TEST(text.find("theirs: host due date 2025-02-01 from event visit on 2025-01-30 (attribute due_date)") !=
                   std::string::npos,
               text);
    // And in JSON.
    const auto j = nlohmann::json::parse(compliance_to_json(r));
    int with_host = 0;
    for (const auto& item : j["items"])
        if (!item["host_due"].is_null()) {
            ++with_host;
            BOOST_TEST(!item["explanation"].get<std::string>().empty());
            BOOST_TEST(!item["host_due"]["explanation"].get<std::string>().empty());
        }
    BOOST_TEST(with_host == 2);
}

BOOST_AUTO_TEST_CASE(csv_and_json_carry_the_rows_and_groups) {
    ComplianceCase c1 = placed("C1");
    c1.record.child_id = "=HYPERLINK(\"x\")";  // a formula-like id is defused
    c1.allocations = {{"Ann Lee", "Team A", d("2025-01-06"), std::nullopt}};
    add(c1, {"visit", d("2025-01-30"), {}}, d("2025-01-30"));
    ComplianceOptions o;
    o.as_of = d("2025-03-31");
    const ComplianceReport r = compliance_of({c1}, pack(), cal(), o);
    const std::string rows = compliance_to_csv(r, true);
    BOOST_TEST(rows.find("'=HYPERLINK") != std::string::npos, rows);
    BOOST_TEST(std::count(rows.begin(), rows.end(), '\n') == static_cast<long>(r.items.size()) + 1);
    const std::string teams = compliance_to_csv(r, false, ComplianceBy::team);
    BOOST_TEST(teams.rfind("by,key,numerator,denominator,percent,", 0) == 0u, teams);
    BOOST_TEST(teams.find("team,Team A,1,3,33.3,1,0,2,0,0,0,0,0,0,0\r\n") != std::string::npos, teams);
    const auto j = nlohmann::json::parse(compliance_to_json(r));
    BOOST_TEST(j["format"] == "oversight-compliance");
    BOOST_TEST(j["version"] == 1);
    BOOST_TEST(j["period"]["from"] == "2025-01-01");
    BOOST_TEST(j["items"].size() == r.items.size());
    BOOST_TEST(j["groups"][0]["by"] == "overall");
    BOOST_TEST(j["groups"][0]["percent"].get<double>() == 33.3);
}

BOOST_AUTO_TEST_CASE(ssda903_return_as_of_31_march_adds_up_by_team_and_rule,
                     *boost::unit_test::precondition(test::needs_shared("data/ssda903/episodes.csv"))) {
    // The real-format return (../shared/data/ssda903) with the default
    // England pack, its children shared between three workers in two teams,
    // half of them moving from one worker to another mid-quarter. As of
    // 31 March 2018 (the end of the return year), every group's numerator
    // and denominator add up to the child-level rows.
    Store store = Store::open_in_memory();
    import_ssda903(store, test::shared_path("data/ssda903"));
    save_team(store, {"North", "", ""});
    save_team(store, {"South", "", ""});
    save_worker(store, {"Ann Lee", "North", ""});
    save_worker(store, {"Bo Chan", "North", ""});
    save_worker(store, {"Cy Dee", "South", ""});
    const Date as_of = d("2018-03-31");
    const std::vector<CaseSummary> cases = list_cases(store, {}, as_of);
    BOOST_REQUIRE(cases.size() > 100u);
    const char* const workers[] = {"Ann Lee", "Bo Chan", "Cy Dee"};
    for (std::size_t i = 0; i < cases.size(); ++i) {
        allocate(store, cases[i].child_id, workers[i % 3], d("2015-01-01"));
        if (i % 2) allocate(store, cases[i].child_id, workers[(i + 1) % 3], d("2018-02-15"));
    }
    const RulePack england = RulePack::england_default();
    ComplianceOptions o;
    o.as_of = as_of;
    const ComplianceReport r = oversight::compliance(store, england, cal(), o);
    BOOST_TEST(r.period_from == d("2018-01-01"));
    BOOST_TEST_MESSAGE("SSDA903 as of 2018-03-31: " << r.items.size() << " obligations due in the quarter");
    BOOST_REQUIRE(r.items.size() > 100u);

    // The child-level rows, counted by hand.
    std::int64_t on_time = 0, judged = 0;
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> by_team, by_rule, by_worker;
    for (const ComplianceItem& i : r.items) {
        BOOST_TEST((r.period_from <= i.obligation.due && i.obligation.due <= r.period_to));
        const bool in = i.state == ComplianceState::met_on_time;
        const bool counted = in || i.state == ComplianceState::met_late || i.state == ComplianceState::overdue;
        on_time += in;
        judged += counted;
        by_team[i.obligation.team].first += in;
        by_team[i.obligation.team].second += counted;
        by_rule[i.obligation.rule_id].first += in;
        by_rule[i.obligation.rule_id].second += counted;
        by_worker[i.obligation.worker].first += in;
        by_worker[i.obligation.worker].second += counted;
    }
    const ComplianceGroup all = r.groups_by(ComplianceBy::overall).at(0);
    BOOST_TEST(all.numerator == on_time);
    BOOST_TEST(all.denominator == judged);
    BOOST_TEST(all.counts.total() == static_cast<std::int64_t>(r.items.size()));
    BOOST_TEST(judged > 0);
    for (ComplianceBy by : {ComplianceBy::team, ComplianceBy::rule, ComplianceBy::worker, ComplianceBy::area}) {
        std::int64_t n = 0, dn = 0, total = 0;
        for (const ComplianceGroup& g : r.groups_by(by)) {
            n += g.numerator;
            dn += g.denominator;
            total += g.counts.total();
            BOOST_TEST(r.items_of(by, g.key).size() == static_cast<std::size_t>(g.counts.total()));
        }
        BOOST_TEST(n == all.numerator, to_string(by));
        BOOST_TEST(dn == all.denominator, to_string(by));
        BOOST_TEST(total == static_cast<std::int64_t>(r.items.size()), to_string(by));
    }
    for (const ComplianceGroup& g : r.groups_by(ComplianceBy::team)) {
        BOOST_TEST(g.numerator == by_team[g.key].first, g.key);
        BOOST_TEST(g.denominator == by_team[g.key].second, g.key);
    }
    for (const ComplianceGroup& g : r.groups_by(ComplianceBy::rule)) {
        BOOST_TEST(g.numerator == by_rule[g.key].first, g.key);
        BOOST_TEST(g.denominator == by_rule[g.key].second, g.key);
    }
    BOOST_TEST(r.groups_by(ComplianceBy::team).size() == 2u);
    BOOST_TEST(by_worker.size() == 3u);

    // CSV: one row per child-level item, one per group; JSON the same.
    const std::string rows = compliance_to_csv(r, true);
    BOOST_TEST(std::count(rows.begin(), rows.end(), '\n') == static_cast<long>(r.items.size()) + 1);
    const std::string teams = compliance_to_csv(r, false, ComplianceBy::team);
    BOOST_TEST(std::count(teams.begin(), teams.end(), '\n') == 3);
    const std::string rules = compliance_to_csv(r, false, ComplianceBy::rule);
    BOOST_TEST(std::count(rules.begin(), rules.end(), '\n') ==
               static_cast<long>(r.groups_by(ComplianceBy::rule).size()) + 1);
    const auto j = nlohmann::json::parse(compliance_to_json(r));
    BOOST_TEST(j["items"].size() == r.items.size());
    std::int64_t json_n = 0, json_d = 0;
    for (const auto& g : j["groups"])
        if (g["by"] == "team") {
            json_n += g["numerator"].get<std::int64_t>();
            json_d += g["denominator"].get<std::int64_t>();
        }
    BOOST_TEST(json_n == all.numerator);
    BOOST_TEST(json_d == all.denominator);
    std::int64_t rows_on_time = 0;
    for (const auto& i : j["items"]) rows_on_time += i["state"] == "met_on_time";
    BOOST_TEST(rows_on_time == all.numerator);

    // The groups only (ComplianceOptions::items false: counted as the cases
    // are read, nothing explained): the same groups, no rows.
    o.items = false;
    const ComplianceReport counted = oversight::compliance(store, england, cal(), o);
    BOOST_TEST(counted.items.empty());
    BOOST_TEST((counted.groups == r.groups));
    BOOST_TEST(compliance_to_csv(counted, false, ComplianceBy::team) == teams);
}

BOOST_AUTO_TEST_SUITE_END()
