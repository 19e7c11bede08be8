// RAG rules (include/oversight/report.hpp): each rule with its boundary dates,
// overrides, withdrawn exclusion and the recommendation roll-up.
#include <boost/test/unit_test.hpp>

#include <oversight/core/error.hpp>
#include <oversight/plan/rag.hpp>

#include <string>

using namespace oversight;

// Print RAG values by name in failure messages.
namespace boost::test_tools::tt_detail {
template <>
struct print_log_value<oversight::Rag> {
    void operator()(std::ostream& os, oversight::Rag r) { os << oversight::to_string(r); }
};
}  // namespace boost::test_tools::tt_detail

namespace {

const Date kAsOf = Date::parse_iso("2012-10-01");

Action make_action(std::string ref, ActionStatus status, std::optional<Date> due) {
    Action a;
    a.ref = std::move(ref);
    a.description = "Action " + a.ref;
    a.lead = "Mark Jowett";
    a.status = status;
    a.due = due;
    // A fresh progress update so that only the rule under test decides.
    a.updates.push_back({0, kAsOf.add_days(-1), "MJ", "progress"});
    return a;
}

/// A plan with one recommendation "by date" far in the future (so the
/// recommendation's target date never interferes unless a test sets it).
Plan one_action_plan(Action a) {
    Plan p;
    p.title = "Plan";
    p.report_date = Date::parse_iso("2012-09-14");
    Recommendation r;
    r.number = 1;
    r.timescale = Timescale::by_date;
    r.explicit_date = Date::parse_iso("2013-12-31");
    r.actions.push_back(std::move(a));
    p.recommendations.push_back(std::move(r));
    return p;
}

RagResult rag_of(const Plan& p, Date as_of = kAsOf) {
    return action_rag(p, p.recommendations.at(0), p.recommendations.at(0).actions.at(0), as_of);
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(rag)

BOOST_AUTO_TEST_CASE(complete_is_blue_and_blocked_is_red) {
    Plan p = one_action_plan(make_action("1.1", ActionStatus::complete, kAsOf.add_days(-30)));
    BOOST_TEST(rag_of(p).rag == Rag::blue);  // complete wins over overdue
    BOOST_TEST(rag_of(p).reason == "complete");
    p.recommendations[0].actions[0].status = ActionStatus::blocked;
    p.recommendations[0].actions[0].due = kAsOf.add_days(200);
    BOOST_TEST(rag_of(p).rag == Rag::red);
    BOOST_TEST(rag_of(p).reason == "blocked");
    BOOST_TEST(!rag_of(p).overridden);
}

BOOST_AUTO_TEST_CASE(overdue_starts_the_day_after_the_due_date) {
    Plan p = one_action_plan(make_action("1.1", ActionStatus::in_progress, kAsOf));
    RagResult today = rag_of(p);
    BOOST_TEST(today.rag == Rag::amber);  // due today: due soon, not overdue
    BOOST_TEST(contains(today.reason, "due 2012-10-01, today"), today.reason);
    RagResult late = rag_of(p, kAsOf.add_days(1));
    BOOST_TEST(late.rag == Rag::red);
    BOOST_TEST(late.reason == "overdue since 2012-10-01, 1 day");
    BOOST_TEST(rag_of(p, kAsOf.add_days(14)).reason == "overdue since 2012-10-01, 14 days");
    // Overdue is red whatever the status, short of complete/withdrawn.
    p.recommendations[0].actions[0].status = ActionStatus::not_started;
    BOOST_TEST(rag_of(p, kAsOf.add_days(2)).rag == Rag::red);
}

BOOST_AUTO_TEST_CASE(due_soon_window_boundaries) {
    const int soon = PlanSettings{}.due_soon_days;
    // In progress: amber inside the window (inclusive), green one day beyond.
    Plan p = one_action_plan(make_action("1.1", ActionStatus::in_progress, kAsOf.add_days(soon)));
    BOOST_TEST(rag_of(p).rag == Rag::amber);
    BOOST_TEST(contains(rag_of(p).reason, "in " + std::to_string(soon) + " days"), rag_of(p).reason);
    p.recommendations[0].actions[0].due = kAsOf.add_days(soon + 1);
    BOOST_TEST(rag_of(p).rag == Rag::green);
    BOOST_TEST(rag_of(p).reason == "on track, due " + kAsOf.add_days(soon + 1).iso());
    p.recommendations[0].actions[0].due = kAsOf.add_days(1);
    BOOST_TEST(contains(rag_of(p).reason, "in 1 day"), rag_of(p).reason);

    // Not started: red inside the window (today and at the edge), green beyond.
    auto& a = p.recommendations[0].actions[0];
    a.status = ActionStatus::not_started;
    for (int d : {0, soon}) {
        a.due = kAsOf.add_days(d);
        BOOST_TEST_CONTEXT("not started, due in " << d) {
            BOOST_TEST(rag_of(p).rag == Rag::red);
            BOOST_TEST(contains(rag_of(p).reason, "not started"), rag_of(p).reason);
        }
    }
    a.due = kAsOf.add_days(soon + 1);
    BOOST_TEST(rag_of(p).rag == Rag::green);

    // The window follows the plan's setting.
    p.settings.due_soon_days = 10;
    a.status = ActionStatus::in_progress;
    a.due = kAsOf.add_days(11);
    BOOST_TEST(rag_of(p).rag == Rag::green);
    a.due = kAsOf.add_days(10);
    BOOST_TEST(rag_of(p).rag == Rag::amber);
}

BOOST_AUTO_TEST_CASE(no_due_date_is_amber) {
    Plan p = one_action_plan(make_action("1.1", ActionStatus::in_progress, std::nullopt));
    p.recommendations[0].timescale = Timescale::within_three_months;
    p.recommendations[0].explicit_date.reset();
    p.report_date.reset();  // relative timescale and no report date: no due date at all
    BOOST_TEST(!due_date(p, p.recommendations[0], p.recommendations[0].actions[0]));
    BOOST_TEST(rag_of(p).rag == Rag::amber);
    BOOST_TEST(rag_of(p).reason == "no due date");
    p.recommendations[0].actions[0].status = ActionStatus::not_started;
    BOOST_TEST(rag_of(p).rag == Rag::amber);
}

BOOST_AUTO_TEST_CASE(due_date_falls_back_to_the_recommendation_target) {
    Plan p = one_action_plan(make_action("1.1", ActionStatus::in_progress, std::nullopt));
    p.recommendations[0].timescale = Timescale::within_three_months;  // 2012-09-14 + 3 months = 2012-12-14
    BOOST_TEST(rag_of(p, Date::parse_iso("2012-12-14")).rag == Rag::amber);
    BOOST_TEST(rag_of(p, Date::parse_iso("2012-12-15")).reason == "overdue since 2012-12-14, 1 day");
}

BOOST_AUTO_TEST_CASE(stale_progress_update_is_amber) {
    const int stale = PlanSettings{}.stale_update_days;
    Plan p = one_action_plan(make_action("1.1", ActionStatus::in_progress, kAsOf.add_days(200)));
    auto& a = p.recommendations[0].actions[0];
    a.updates = {{0, kAsOf.add_days(-stale), "MJ", "exactly at the limit"}};
    BOOST_TEST(rag_of(p).rag == Rag::green);
    a.updates = {{0, kAsOf.add_days(-stale - 1), "MJ", "one day too old"}};
    BOOST_TEST(rag_of(p).rag == Rag::amber);
    BOOST_TEST(rag_of(p).reason == "no update since " + kAsOf.add_days(-stale - 1).iso());
    // An update dated after the as-of date is not visible to that report.
    a.updates.push_back({0, kAsOf.add_days(5), "MJ", "future"});
    BOOST_TEST(rag_of(p).rag == Rag::amber);
    BOOST_TEST(rag_of(p, kAsOf.add_days(5)).rag == Rag::green);
    BOOST_TEST(latest_update(a, kAsOf)->text == "one day too old");
    BOOST_TEST(!latest_update(a, kAsOf.add_days(-stale - 2)));
    a.updates.clear();
    BOOST_TEST(rag_of(p).reason == "no progress update recorded");
    // Not started actions are not expected to have updates.
    a.status = ActionStatus::not_started;
    BOOST_TEST(rag_of(p).rag == Rag::green);
}

BOOST_AUTO_TEST_CASE(missed_milestone_is_amber_and_reasons_accumulate) {
    Plan p = one_action_plan(make_action("1.1", ActionStatus::in_progress, kAsOf.add_days(200)));
    auto& a = p.recommendations[0].actions[0];
    a.milestones.push_back({0, kAsOf, "Launch standards", false});
    BOOST_TEST(rag_of(p).rag == Rag::green);  // due today: not yet missed
    BOOST_TEST(rag_of(p, kAsOf.add_days(1)).rag == Rag::amber);
    BOOST_TEST(contains(rag_of(p, kAsOf.add_days(1)).reason, "Launch standards"));
    a.milestones[0].done = true;
    BOOST_TEST(rag_of(p, kAsOf.add_days(1)).rag == Rag::green);
    // Several amber reasons are all listed.
    a.milestones[0].done = false;
    a.due = kAsOf.add_days(3);
    a.updates.clear();
    const RagResult r = rag_of(p, kAsOf.add_days(1));
    BOOST_TEST(r.rag == Rag::amber);
    BOOST_TEST(contains(r.reason, "due 2012-10-04, in 2 days"), r.reason);
    BOOST_TEST(contains(r.reason, "no progress update recorded"), r.reason);
    BOOST_TEST(contains(r.reason, "milestone"), r.reason);
}

BOOST_AUTO_TEST_CASE(override_wins_and_says_who_when_why) {
    Plan p = one_action_plan(make_action("1.1", ActionStatus::complete, kAsOf));
    p.recommendations[0].actions[0].rag_override =
        RagOverride{Rag::red, "Felicity Budgen", "Funding not agreed by Council", Date::parse_iso("2012-09-20")};
    RagResult r = rag_of(p);
    BOOST_TEST(r.rag == Rag::red);
    BOOST_TEST(r.overridden);
    BOOST_TEST(contains(r.reason, "Felicity Budgen"), r.reason);
    BOOST_TEST(contains(r.reason, "2012-09-20"), r.reason);
    BOOST_TEST(contains(r.reason, "Funding not agreed by Council"), r.reason);
    // An override to green beats an overdue date.
    auto& a = p.recommendations[0].actions[0];
    a.status = ActionStatus::in_progress;
    a.due = kAsOf.add_days(-10);
    a.rag_override->rag = Rag::green;
    BOOST_TEST(rag_of(p).rag == Rag::green);
    BOOST_TEST(rag_of(p).overridden);
    // An override of "none" is no override.
    a.rag_override->rag = Rag::none;
    BOOST_TEST(rag_of(p).rag == Rag::red);
    BOOST_TEST(!rag_of(p).overridden);
}

BOOST_AUTO_TEST_CASE(withdrawn_is_none_even_when_overridden) {
    Plan p = one_action_plan(make_action("2.4", ActionStatus::withdrawn, kAsOf.add_days(-100)));
    BOOST_TEST(rag_of(p).rag == Rag::none);
    BOOST_TEST(rag_of(p).reason == "withdrawn");
    p.recommendations[0].actions[0].rag_override = RagOverride{Rag::red, "X", "y", kAsOf};
    BOOST_TEST(rag_of(p).rag == Rag::none);
    BOOST_TEST(!rag_of(p).overridden);
}

BOOST_AUTO_TEST_CASE(recommendation_takes_the_worst_action_and_names_it) {
    Plan p = one_action_plan(make_action("1.1", ActionStatus::in_progress, kAsOf.add_days(100)));  // green
    auto& r = p.recommendations[0];
    r.actions.push_back(make_action("1.2", ActionStatus::in_progress, kAsOf.add_days(5)));   // amber
    r.actions.push_back(make_action("1.3", ActionStatus::complete, kAsOf.add_days(-5)));     // blue
    RagResult rr = recommendation_rag(p, r, kAsOf);
    BOOST_TEST(rr.rag == Rag::amber);
    BOOST_TEST(contains(rr.reason, "1.2"), rr.reason);
    BOOST_TEST(!contains(rr.reason, "1.1"), rr.reason);
    BOOST_TEST(!rr.overridden);

    r.actions.push_back(make_action("1.4", ActionStatus::blocked, kAsOf.add_days(100)));      // red
    rr = recommendation_rag(p, r, kAsOf);
    BOOST_TEST(rr.rag == Rag::red);
    BOOST_TEST(contains(rr.reason, "1.4 blocked"), rr.reason);
    BOOST_TEST(!contains(rr.reason, "1.2"), rr.reason);

    // Withdrawn actions do not count, even with a red override.
    r.actions[3].status = ActionStatus::withdrawn;
    r.actions[3].rag_override = RagOverride{Rag::red, "X", "y", kAsOf};
    BOOST_TEST(recommendation_rag(p, r, kAsOf).rag == Rag::amber);

    // Green with a complete action stays green; names both.
    r.actions[1].due = kAsOf.add_days(100);
    rr = recommendation_rag(p, r, kAsOf);
    BOOST_TEST(rr.rag == Rag::green);
    BOOST_TEST(contains(rr.reason, "1.1, 1.2"), rr.reason);
    BOOST_TEST(contains(rr.reason, "complete: 1.3"), rr.reason);
}

BOOST_AUTO_TEST_CASE(recommendation_blue_and_empty_cases) {
    Plan p = one_action_plan(make_action("3.1", ActionStatus::complete, std::nullopt));
    auto& r = p.recommendations[0];
    r.actions.push_back(make_action("3.2", ActionStatus::complete, std::nullopt));
    r.actions.push_back(make_action("3.3", ActionStatus::withdrawn, std::nullopt));
    RagResult rr = recommendation_rag(p, r, kAsOf);
    BOOST_TEST(rr.rag == Rag::blue);
    BOOST_TEST(rr.reason == "all 2 actions complete");
    // Blue even after the target date: nothing is outstanding.
    BOOST_TEST(recommendation_rag(p, r, Date::parse_iso("2014-01-01")).rag == Rag::blue);

    r.actions.erase(r.actions.begin(), r.actions.begin() + 2);  // only the withdrawn one is left
    rr = recommendation_rag(p, r, kAsOf);
    BOOST_TEST(rr.rag == Rag::amber);
    BOOST_TEST(contains(rr.reason, "no actions"), rr.reason);
    r.actions.clear();
    BOOST_TEST(recommendation_rag(p, r, kAsOf).reason == "no actions");
}

BOOST_AUTO_TEST_CASE(recommendation_target_passed_is_red) {
    // The action has its own later due date and is green; the recommendation's
    // target date has passed, so the recommendation is red.
    Plan p = one_action_plan(make_action("4.1", ActionStatus::in_progress, Date::parse_iso("2013-06-01")));
    auto& r = p.recommendations[0];
    r.timescale = Timescale::immediately;  // target = report date 2012-09-14
    r.actions.push_back(make_action("4.2", ActionStatus::complete, std::nullopt));
    BOOST_TEST(rag_of(p).rag == Rag::green);
    BOOST_TEST(recommendation_rag(p, r, Date::parse_iso("2012-09-14")).rag != Rag::red);  // on the target day
    RagResult rr = recommendation_rag(p, r, Date::parse_iso("2012-09-15"));
    BOOST_TEST(rr.rag == Rag::red);
    BOOST_TEST(contains(rr.reason, "target date 2012-09-14 passed 1 day ago"), rr.reason);
    BOOST_TEST(contains(rr.reason, "not complete: 4.1"), rr.reason);
    BOOST_TEST(!contains(rr.reason, "4.2"), rr.reason);
}

BOOST_AUTO_TEST_SUITE_END()
