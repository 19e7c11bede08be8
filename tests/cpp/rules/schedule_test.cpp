// Schedules: due dates from rules and case events. Every expected date is
// worked out by hand in the comments (England and Wales bank holidays).
#include <boost/test/unit_test.hpp>

#include <oversight/core/error.hpp>
#include <oversight/rules/rule.hpp>
#include <oversight/rules/rule_pack.hpp>
#include <oversight/rules/schedule.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

using namespace oversight;

namespace {

Date d(const char* iso) { return Date::parse_iso(iso); }

const Calendar& ew() {
    static const Calendar c = Calendar::for_division(Division::england_and_wales);
    return c;
}

std::string iso(const std::optional<Date>& x) { return x ? x->iso() : "-"; }

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

CaseEvent ev(const char* type, const char* date, std::map<std::string, std::string> attrs = {}) {
    return CaseEvent{type, d(date), std::move(attrs)};
}

CaseRecord child(std::vector<CaseEvent> events) {
    CaseRecord r;
    r.child_id = "C1";
    r.worker = "W. Smith";
    r.team = "LAC 1";
    r.events = std::move(events);
    return r;
}

std::vector<Obligation> of_rule(const std::vector<Obligation>& all, const std::string& rule_id) {
    std::vector<Obligation> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out),
                 [&](const Obligation& o) { return o.rule_id == rule_id; });
    return out;
}

/// Open = neither met nor ended.
std::vector<Obligation> open_with_prefix(const std::vector<Obligation>& all, const std::string& prefix) {
    std::vector<Obligation> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out), [&](const Obligation& o) {
        return !o.met_on && !o.ended_on && o.rule_id.compare(0, prefix.size(), prefix) == 0;
    });
    return out;
}

const Obligation* anchored(const std::vector<Obligation>& all, const std::string& prefix, const char* anchor) {
    for (const Obligation& o : all)
        if (o.anchor == d(anchor) && o.rule_id.compare(0, prefix.size(), prefix) == 0) return &o;
    return nullptr;
}

std::string dump(const std::vector<Obligation>& all) {
    std::ostringstream o;
    for (const Obligation& x : all)
        o << x.rule_id << " anchor " << x.anchor.iso() << " due " << x.due.iso() << " met "
          << (x.met_on ? x.met_on->iso() : "-") << " ended " << (x.ended_on ? x.ended_on->iso() : "-") << "\n";
    return o.str();
}

// Visits roughly every 5 weeks through the first year of a placement that
// starts on Thu 2012-03-01 (each gap is 35 days, inside 6 weeks).
std::vector<CaseEvent> first_year_visits(std::map<std::string, std::string> placement_attrs) {
    std::vector<CaseEvent> e{ev("became_looked_after", "2012-03-01"),
                             ev("placement_start", "2012-03-01", std::move(placement_attrs))};
    for (const char* v : {"2012-03-05", "2012-04-09", "2012-05-14", "2012-06-18", "2012-07-23", "2012-08-27",
                          "2012-10-01", "2012-11-05", "2012-12-10", "2013-01-14", "2013-02-18"})
        e.push_back(ev("visit", v));
    return e;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(schedule)

BOOST_AUTO_TEST_CASE(placed_on_friday_before_august_bank_holiday) {
    // Fri 2012-08-24 is day 0; Mon 2012-08-27 is the Summer bank holiday.
    //  - first visit (1 week = 7 calendar days): Fri 2012-08-31.
    //  - first review (20 working days): Tue 28 (1) .. Fri 31 (4); 3-7 Sep (5-9);
    //    10-14 Sep (10-14); 17-21 Sep (15-19); Mon 24 Sep (20) -> 2012-09-24.
    //    Skipped: 10 weekend days (25/26 Aug, 1/2, 8/9, 15/16, 22/23 Sep) and 27 Aug.
    //  - placement plan (5 working days): 28, 29, 30, 31 Aug, Mon 3 Sep -> 2012-09-03.
    //  - care plan (10 working days): .. 3-7 Sep (5-9), Mon 10 Sep (10) -> 2012-09-10.
    const CaseRecord rec = child({ev("became_looked_after", "2012-08-24"),
                                  ev("placement_start", "2012-08-24", {{"placement_type", "foster"}})});
    const auto all = schedule_case(RulePack::england_default(), rec, d("2012-08-24"), ew());
    BOOST_TEST_MESSAGE(dump(all));

    const auto visit = of_rule(all, "lac.visit.first");
    BOOST_REQUIRE(visit.size() == 1u);
    BOOST_TEST(visit[0].due.iso() == "2012-08-31");
    BOOST_TEST(!visit[0].met_on);
    BOOST_TEST(visit[0].child_id == "C1");
    BOOST_TEST(visit[0].worker == "W. Smith");
    BOOST_TEST(visit[0].team == "LAC 1");
    BOOST_TEST(visit[0].anchor_event == "placement_start");

    const auto review = of_rule(all, "lac.review.first");
    BOOST_REQUIRE(review.size() == 1u);
    BOOST_TEST(review[0].due.iso() == "2012-09-24");
    const std::string& why = review[0].explanation;
    BOOST_TEST(contains(why, "lac.review.first"), why);
    BOOST_TEST(contains(why, "CPPCR 2010 reg 33(1)"), why);
    BOOST_TEST(contains(why, "confirmed"), why);
    BOOST_TEST(contains(why, "layer: england"), why);
    BOOST_TEST(contains(why, "became_looked_after on Fri 2012-08-24"), why);
    BOOST_TEST(contains(why, "20 working days"), why);
    BOOST_TEST(contains(why, "day 0"), why);
    BOOST_TEST(contains(why, "10 weekend days"), why);
    BOOST_TEST(contains(why, "Summer bank holiday (Mon 2012-08-27)"), why);

    BOOST_REQUIRE(of_rule(all, "lac.placement_plan").size() == 1u);
    BOOST_TEST(of_rule(all, "lac.placement_plan")[0].due.iso() == "2012-09-03");
    BOOST_REQUIRE(of_rule(all, "lac.care_plan").size() == 1u);
    BOOST_TEST(of_rule(all, "lac.care_plan")[0].due.iso() == "2012-09-10");
    // Sorted by due date.
    BOOST_TEST(std::is_sorted(all.begin(), all.end(),
                              [](const Obligation& a, const Obligation& b) { return a.due < b.due; }));
}

BOOST_AUTO_TEST_CASE(initial_conference_across_christmas) {
    // Strategy discussion Fri 2012-12-14 (day 0). Working days: 17-21 Dec (1-5),
    // Mon 24 (6), [25 Christmas, 26 Boxing Day], Thu 27 (7), Fri 28 (8), Mon 31 (9),
    // [Tue 1 Jan New Year's Day], Wed 2 (10), Thu 3 (11), Fri 4 (12), Mon 7 (13),
    // Tue 8 (14), Wed 9 (15) -> 2013-01-09.
    const RulePack pack = RulePack::england_default();
    const Obligation o = due_for_rule(pack.get("cp.icpc"), d("2012-12-14"), ew());
    BOOST_TEST(o.due.iso() == "2013-01-09");
    BOOST_TEST(contains(o.explanation, "Christmas Day (Tue 2012-12-25)"), o.explanation);
    BOOST_TEST(contains(o.explanation, "Boxing Day (Wed 2012-12-26)"), o.explanation);
    BOOST_TEST(contains(o.explanation, "(Tue 2013-01-01)"), o.explanation);
    BOOST_TEST(contains(o.explanation, "8 weekend days"), o.explanation);

    // The same through a case; then the conference on Tue 2013-01-08 starts
    // the next clocks: first core group 10 working days (9-11 Jan 1-3, 14-18
    // Jan 4-8, 21 (9), 22 (10) -> 2013-01-22); first review 3 months -> 2013-04-08.
    CaseRecord rec = child({ev("s47_strategy_discussion", "2012-12-14")});
    auto all = schedule_case(pack, rec, d("2012-12-20"), ew());
    BOOST_REQUIRE(of_rule(all, "cp.icpc").size() == 1u);
    BOOST_TEST(of_rule(all, "cp.icpc")[0].due.iso() == "2013-01-09");
    rec.events.push_back(ev("icpc", "2013-01-08"));
    all = schedule_case(pack, rec, d("2013-01-10"), ew());
    BOOST_REQUIRE(of_rule(all, "cp.icpc").size() == 1u);
    BOOST_TEST(iso(of_rule(all, "cp.icpc")[0].met_on) == "2013-01-08");
    BOOST_REQUIRE(of_rule(all, "cp.core_group.first").size() == 1u);
    BOOST_TEST(of_rule(all, "cp.core_group.first")[0].due.iso() == "2013-01-22");
    BOOST_REQUIRE(of_rule(all, "cp.review.first").size() == 1u);
    BOOST_TEST(of_rule(all, "cp.review.first")[0].due.iso() == "2013-04-08");
    // No CP visits in the national pack.
    BOOST_TEST(of_rule(all, "cp.visit").empty());
}

BOOST_AUTO_TEST_CASE(interval_counts_from_the_actual_visit_and_a_late_visit_resets_the_clock) {
    // Placement Mon 2012-01-02. First visit Fri 01-06 (due 01-09). Next due
    // 01-06 + 42 days = Fri 2012-02-17; the visit happens late on Fri 02-24.
    // The next is due 02-24 + 42 days = Fri 2012-04-06 (2012 is a leap year),
    // not 02-17 + 42 = 2012-03-30.
    const CaseRecord rec = child({ev("placement_start", "2012-01-02", {{"placement_type", "foster"}}),
                                  ev("visit", "2012-01-06"), ev("visit", "2012-02-24")});
    const auto all = schedule_case(RulePack::england_default(), rec, d("2012-03-01"), ew());
    BOOST_TEST_MESSAGE(dump(all));

    const auto first = of_rule(all, "lac.visit.first");
    BOOST_REQUIRE(first.size() == 1u);
    BOOST_TEST(first[0].due.iso() == "2012-01-09");
    BOOST_TEST(iso(first[0].met_on) == "2012-01-06");

    const auto year1 = of_rule(all, "lac.visit.year1");
    BOOST_REQUIRE(year1.size() == 2u);
    BOOST_TEST(year1[0].anchor.iso() == "2012-01-06");
    BOOST_TEST(year1[0].anchor_event == "visit");
    BOOST_TEST(year1[0].due.iso() == "2012-02-17");
    BOOST_TEST(iso(year1[0].met_on) == "2012-02-24");  // met late, kept
    BOOST_TEST(contains(year1[0].explanation, "7 days late"), year1[0].explanation);
    BOOST_TEST(year1[1].anchor.iso() == "2012-02-24");
    BOOST_TEST(year1[1].due.iso() == "2012-04-06");
    BOOST_TEST(!year1[1].met_on);
    BOOST_TEST(contains(year1[1].explanation, "previous actual visit on Fri 2012-02-24"), year1[1].explanation);
    BOOST_TEST(contains(year1[1].explanation, "never from the previous due date"), year1[1].explanation);
}

BOOST_AUTO_TEST_CASE(permanent_placement_switches_to_three_monthly_at_first_anniversary) {
    // Placement Thu 2012-03-01, intended to last until 18. Last first-year
    // visit Mon 2013-02-18: the gap it begins is a first-year gap (the safe
    // reading, schedule.hpp): 6 weeks, 2013-04-01, although it ends after the
    // anniversary (2013-03-01). The visit that meets it, Thu 2013-03-28,
    // begins the first 3-monthly gap, counted from that actual visit:
    // 2013-06-28 (reg 28(2)(c)(i)).
    const RulePack pack = RulePack::england_default();
    CaseRecord rec = child(first_year_visits({{"placement_type", "foster"}, {"permanence", "permanent"}}));
    auto all = schedule_case(pack, rec, d("2013-03-10"), ew());
    BOOST_TEST_MESSAGE(dump(all));

    auto open = open_with_prefix(all, "lac.visit.");
    BOOST_REQUIRE(open.size() == 1u);
    BOOST_TEST(open[0].rule_id == "lac.visit.year1");
    BOOST_TEST(open[0].anchor.iso() == "2013-02-18");
    BOOST_TEST(open[0].due.iso() == "2013-04-01");
    // Ten first-year gaps met on time, and the open eleventh.
    const auto year1 = of_rule(all, "lac.visit.year1");
    BOOST_TEST(year1.size() == 11u);
    for (const Obligation& o : year1) BOOST_TEST((!o.met_on || *o.met_on <= o.due));

    rec.events.push_back(ev("visit", "2013-03-28"));
    all = schedule_case(pack, rec, d("2013-04-10"), ew());
    open = open_with_prefix(all, "lac.visit.");
    BOOST_REQUIRE(open.size() == 1u);
    BOOST_TEST(open[0].rule_id == "lac.visit.after_year1.permanent");
    BOOST_TEST(open[0].anchor.iso() == "2013-03-28");
    BOOST_TEST(open[0].due.iso() == "2013-06-28");
    BOOST_TEST(contains(open[0].explanation, "reg 28(2)(c)(i)"), open[0].explanation);
    rec.events.pop_back();

    // The same child without a permanent plan: 6-weekly after year one too
    // (03-28 + 42 days = 2013-05-09).
    CaseRecord other = child(first_year_visits({{"placement_type", "foster"}}));
    other.events.push_back(ev("visit", "2013-03-28"));
    const auto open2 = open_with_prefix(schedule_case(pack, other, d("2013-04-10"), ew()), "lac.visit.");
    BOOST_REQUIRE(open2.size() == 1u);
    BOOST_TEST(open2[0].rule_id == "lac.visit.after_year1");
    BOOST_TEST(open2[0].due.iso() == "2013-05-09");
}

BOOST_AUTO_TEST_CASE(placement_becoming_permanent_after_year_one_switches_on_the_decision) {
    // After the anniversary the child is visited 6-weekly (default regime):
    // 2013-02-18 -> visit 2013-03-28 (due 04-01), -> visit 2013-05-07 (due
    // 05-09). The placement is made permanent on 2013-06-01: the open gap from
    // 05-07 (6-weekly due 06-18, not yet due on 06-01) is now 3-monthly from
    // the same visit: 2013-08-07.
    auto events = first_year_visits({{"placement_type", "foster"}});
    events.push_back(ev("visit", "2013-03-28"));
    events.push_back(ev("visit", "2013-05-07"));
    events.push_back(ev("permanence_decision", "2013-06-01", {{"permanence", "permanent"}}));
    const auto all = schedule_case(RulePack::england_default(), child(events), d("2013-06-05"), ew());
    BOOST_TEST_MESSAGE(dump(all));
    const Obligation* before = anchored(all, "lac.visit.", "2013-03-28");
    BOOST_REQUIRE(before);
    BOOST_TEST(before->rule_id == "lac.visit.after_year1");
    BOOST_TEST(iso(before->met_on) == "2013-05-07");
    const auto open = open_with_prefix(all, "lac.visit.");
    BOOST_REQUIRE(open.size() == 1u);
    BOOST_TEST(open[0].rule_id == "lac.visit.after_year1.permanent");
    BOOST_TEST(open[0].due.iso() == "2013-08-07");
}

BOOST_AUTO_TEST_CASE(first_year_breach_is_kept_across_the_anniversary) {
    // Visits stop after 2012-12-10: the 6-weekly visit due 2013-01-21 is
    // missed before the anniversary; the visit on 2013-03-20 meets it late
    // and starts the 3-monthly clock: 2013-06-20. No second obligation is
    // made for the same gap by the after-first-year rule.
    auto events = first_year_visits({{"placement_type", "foster"}, {"permanence", "permanent"}});
    events.erase(std::remove_if(events.begin(), events.end(),
                                [](const CaseEvent& e) { return e.type == "visit" && e.date > d("2012-12-10"); }),
                 events.end());
    events.push_back(ev("visit", "2013-03-20"));
    const auto all = schedule_case(RulePack::england_default(), child(events), d("2013-03-25"), ew());
    BOOST_TEST_MESSAGE(dump(all));
    std::vector<Obligation> gap;
    std::copy_if(all.begin(), all.end(), std::back_inserter(gap),
                 [](const Obligation& o) { return o.anchor == d("2012-12-10"); });
    BOOST_REQUIRE(gap.size() == 1u);
    BOOST_TEST(gap[0].rule_id == "lac.visit.year1");
    BOOST_TEST(gap[0].due.iso() == "2013-01-21");
    BOOST_TEST(iso(gap[0].met_on) == "2013-03-20");
    const auto open = open_with_prefix(all, "lac.visit.");
    BOOST_REQUIRE(open.size() == 1u);
    BOOST_TEST(open[0].due.iso() == "2013-06-20");
}

BOOST_AUTO_TEST_CASE(ceasing_to_be_looked_after_ends_the_chains) {
    // Looked after from Mon 2012-01-02; one visit on 01-05. First review due
    // (20 working days) Mon 2012-01-30; next visit due 01-05 + 42 = 2012-02-16.
    // Ceased on 2012-03-01: both were overdue, so both breaches are kept with
    // ended_on; nothing stays open.
    const CaseRecord rec = child({ev("became_looked_after", "2012-01-02"),
                                  ev("placement_start", "2012-01-02", {{"placement_type", "foster"}}),
                                  ev("visit", "2012-01-05"), ev("ceased_looked_after", "2012-03-01")});
    auto all = schedule_case(RulePack::england_default(), rec, d("2012-04-01"), ew());
    BOOST_TEST_MESSAGE(dump(all));
    for (const Obligation& o : all) BOOST_TEST((o.met_on || o.ended_on), o.rule_id);
    BOOST_REQUIRE(of_rule(all, "lac.review.first").size() == 1u);
    BOOST_TEST(of_rule(all, "lac.review.first")[0].due.iso() == "2012-01-30");
    BOOST_TEST(iso(of_rule(all, "lac.review.first")[0].ended_on) == "2012-03-01");
    BOOST_REQUIRE(of_rule(all, "lac.visit.year1").size() == 1u);
    BOOST_TEST(of_rule(all, "lac.visit.year1")[0].due.iso() == "2012-02-16");
    BOOST_TEST(iso(of_rule(all, "lac.visit.year1")[0].ended_on) == "2012-03-01");
    BOOST_TEST(contains(of_rule(all, "lac.visit.year1")[0].explanation, "ceased_looked_after"));

    // Returning home on 2012-01-20, before those dates: they simply end.
    CaseRecord early = rec;
    early.events.back() = ev("ceased_looked_after", "2012-01-20");
    all = schedule_case(RulePack::england_default(), early, d("2012-04-01"), ew());
    BOOST_TEST_MESSAGE(dump(all));
    for (const Obligation& o : all) BOOST_TEST((o.due < d("2012-01-20") || o.met_on), o.rule_id);
    BOOST_TEST(of_rule(all, "lac.review.first").empty());
    BOOST_TEST(of_rule(all, "lac.visit.year1").empty());
}

BOOST_AUTO_TEST_CASE(a_new_placement_resets_the_visits) {
    // First placement Mon 2012-01-02, visited 01-05; new placement Fri 01-20:
    // its first visit is due within a week, 2012-01-27; the old 6-weekly chain
    // (due 02-16) ended with the old placement before it fell due.
    const CaseRecord rec = child({ev("placement_start", "2012-01-02", {{"placement_type", "foster"}}),
                                  ev("visit", "2012-01-05"),
                                  ev("placement_start", "2012-01-20", {{"placement_type", "residential"}})});
    const auto all = schedule_case(RulePack::england_default(), rec, d("2012-01-21"), ew());
    BOOST_TEST_MESSAGE(dump(all));
    const auto open = open_with_prefix(all, "lac.visit.");
    BOOST_REQUIRE(open.size() == 1u);
    BOOST_TEST(open[0].rule_id == "lac.visit.first");
    BOOST_TEST(open[0].anchor.iso() == "2012-01-20");
    BOOST_TEST(open[0].due.iso() == "2012-01-27");
    BOOST_TEST(of_rule(all, "lac.visit.year1").empty());
}

BOOST_AUTO_TEST_CASE(review_chain_first_second_subsequent) {
    // Looked after Fri 2012-08-24: first review due 2012-09-24, held 09-20.
    // Second within 3 months of the actual first: 2012-12-20; held late 12-28.
    // Then 6 months from the actual second: 2013-06-28; held 06-20.
    // Next due 2013-12-20, open.
    const CaseRecord rec = child({ev("became_looked_after", "2012-08-24"), ev("review", "2012-09-20"),
                                  ev("review", "2012-12-28"), ev("review", "2013-06-20")});
    const auto all = schedule_case(RulePack::england_default(), rec, d("2013-07-01"), ew());
    BOOST_TEST_MESSAGE(dump(all));
    const auto first = of_rule(all, "lac.review.first");
    const auto second = of_rule(all, "lac.review.second");
    const auto later = of_rule(all, "lac.review.subsequent");
    BOOST_REQUIRE(first.size() == 1u);
    BOOST_REQUIRE(second.size() == 1u);
    BOOST_REQUIRE(later.size() == 2u);
    BOOST_TEST(iso(first[0].met_on) == "2012-09-20");
    BOOST_TEST(second[0].due.iso() == "2012-12-20");
    BOOST_TEST(iso(second[0].met_on) == "2012-12-28");
    BOOST_TEST(later[0].due.iso() == "2013-06-28");
    BOOST_TEST(iso(later[0].met_on) == "2013-06-20");
    BOOST_TEST(later[1].due.iso() == "2013-12-20");
    BOOST_TEST(!later[1].met_on);
}

BOOST_AUTO_TEST_CASE(assessment_rule_chosen_by_the_era_of_the_referral) {
    // Referral Wed 2013-04-10 (before 15 April 2013): initial assessment, 10
    // working days: 11, 12, 15-19, 22, 23, 24 Apr -> 2013-04-24.
    // Referral Mon 2013-04-22: single assessment, 45 working days: 23-26 Apr (1-4),
    // 29 Apr-3 May (5-9), [Mon 6 May bank holiday], 7-10 May (10-13), 13-17 (14-18),
    // 20-24 (19-23), [Mon 27 May bank holiday], 28-31 (24-27), 3-7 Jun (28-32),
    // 10-14 (33-37), 17-21 (38-42), 24, 25, 26 Jun (43-45) -> 2013-06-26.
    const RulePack pack = RulePack::england_default();
    auto old_era = schedule_case(pack, child({ev("referral", "2013-04-10")}), d("2013-04-11"), ew());
    BOOST_TEST_MESSAGE(dump(old_era));
    BOOST_REQUIRE(of_rule(old_era, "assessment.initial.2010").size() == 1u);
    BOOST_TEST(of_rule(old_era, "assessment.initial.2010")[0].due.iso() == "2013-04-24");
    BOOST_TEST(of_rule(old_era, "assessment.single").empty());
    BOOST_TEST(of_rule(old_era, "assessment.initial.2000").empty());

    auto new_era = schedule_case(pack, child({ev("referral", "2013-04-22")}), d("2013-04-23"), ew());
    BOOST_REQUIRE(of_rule(new_era, "assessment.single").size() == 1u);
    BOOST_TEST(of_rule(new_era, "assessment.single")[0].due.iso() == "2013-06-26");
    BOOST_TEST(of_rule(new_era, "assessment.initial.2010").empty());
    // Referral decision: the next working day.
    BOOST_REQUIRE(of_rule(new_era, "cp.referral_decision").size() == 1u);
    BOOST_TEST(of_rule(new_era, "cp.referral_decision")[0].due.iso() == "2013-04-23");

    // Asking for a rule outside its era is an error naming the era.
    try {
        due_for_rule(pack.get("assessment.single"), d("2013-04-10"), ew());
        BOOST_FAIL("no exception");
    } catch (const Error& e) {
        BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(Status::invalid_arg));
        BOOST_TEST(contains(e.what(), "2013-04-15"), e.what());
    }
}

BOOST_AUTO_TEST_CASE(local_pack_overrides_visits_and_adds_cp_visits) {
    // example-local: looked-after visits every 4 weeks throughout. Visit on
    // Thu 2012-01-05 -> next due 2012-02-02 (28 days), reported from the local layer.
    const RulePack pack = RulePack::england_default().layered(
        RulePack::from_file(std::string(OVERSIGHT_PROJECT_DATA_DIR) + "/rules/example-local.toml"));
    const CaseRecord rec = child({ev("placement_start", "2012-01-02", {{"placement_type", "foster"}}),
                                  ev("visit", "2012-01-05"), ev("icpc", "2013-01-08")});
    auto all = schedule_case(pack, rec, d("2012-01-10"), ew());
    auto open = open_with_prefix(all, "lac.visit.");
    BOOST_REQUIRE(open.size() == 1u);
    BOOST_TEST(open[0].rule_id == "lac.visit.year1");
    BOOST_TEST(open[0].due.iso() == "2012-02-02");
    BOOST_TEST(open[0].layer == "example-local");
    BOOST_TEST(contains(open[0].explanation, "layer: example-local"), open[0].explanation);
    BOOST_TEST(contains(open[0].explanation, "Local policy"), open[0].explanation);

    // No switch at the first anniversary: still 4-weekly (after_year1 disabled).
    // CP visits every 10 working days from the conference on Tue 2013-01-08:
    // 9-11 (1-3), 14-18 (4-8), 21 (9), 22 (10) -> 2013-01-22.
    all = schedule_case(pack, rec, d("2013-01-09"), ew());
    BOOST_TEST(of_rule(all, "lac.visit.after_year1").empty());
    open = open_with_prefix(all, "lac.visit.");
    BOOST_REQUIRE(open.size() == 1u);
    BOOST_TEST(open[0].rule_id == "lac.visit.year1");
    const auto cp = of_rule(all, "cp.visit");
    BOOST_REQUIRE(cp.size() == 1u);
    BOOST_TEST(cp[0].due.iso() == "2013-01-22");
    BOOST_TEST(cp[0].layer == "example-local");
}

BOOST_AUTO_TEST_CASE(placement_with_parent_weekly_until_first_review) {
    // Pre-assessment placement with a parent from Mon 2012-01-02: weekly
    // visits until the first review (Wed 01-25), then 6-weekly. Last visit
    // before the review Thu 01-19 (weekly due 01-26 is after the review, so
    // the 6-weekly rule takes over: 01-19 + 42 = 03-01, met 01-26). Open:
    // 01-26 + 42 days = 2012-03-08.
    const CaseRecord rec =
        child({ev("became_looked_after", "2012-01-02"),
               ev("placement_start", "2012-01-02", {{"placement_type", "placed_with_parent_pre_assessment"}}),
               ev("visit", "2012-01-06"), ev("visit", "2012-01-12"), ev("visit", "2012-01-19"),
               ev("review", "2012-01-25"), ev("visit", "2012-01-26")});
    const auto all = schedule_case(RulePack::england_default(), rec, d("2012-02-01"), ew());
    BOOST_TEST_MESSAGE(dump(all));
    BOOST_TEST(of_rule(all, "lac.visit.pre_assessment.weekly").size() == 2u);
    const Obligation* handover = anchored(all, "lac.visit.", "2012-01-19");
    BOOST_REQUIRE(handover);
    BOOST_TEST(handover->rule_id == "lac.visit.pre_assessment.after_review");
    BOOST_TEST(handover->due.iso() == "2012-03-01");
    const auto open = open_with_prefix(all, "lac.visit.");
    BOOST_REQUIRE(open.size() == 1u);
    BOOST_TEST(open[0].rule_id == "lac.visit.pre_assessment.after_review");
    BOOST_TEST(open[0].due.iso() == "2012-03-08");
    BOOST_TEST(of_rule(all, "lac.visit.first").empty());  // not the default regime
}

BOOST_AUTO_TEST_CASE(asye_supervision_moves_from_weekly_to_fortnightly_at_six_weeks) {
    // ASYE starts Mon 2024-09-02; supervised every Friday to 2024-10-11.
    // Six weeks end on 2024-10-14. The gap from Fri 10-11 begins inside them:
    // weekly (the safe reading of a straddling interval, schedule.hpp), due
    // 10-18. A session on 10-18 begins the first fortnightly gap: 2024-11-01.
    // The phased rules that were in the England pack's section 8 until the
    // supervision standard replaced them (data/supervision/england.toml): a
    // local pack here, to keep testing how the engine reads a straddling
    // interval.
    const RulePack pack = RulePack::from_toml(R"(
name = "asye"
[[rule]]
id = "supervision.asye.weekly"
title = "ASYE supervision: weekly for the first six weeks"
area = "supervision"
kind = "interval"
trigger = "asye_start"
satisfied_by = ["supervision"]
duration = "1 week"
active_until = "6 weeks"
ends_on = ["left_employment"]
source = "LGA Standards for Employers of Social Workers in England (2020), Standard 5"
status = "confirmed"
[[rule]]
id = "supervision.asye.fortnightly"
title = "ASYE supervision: fortnightly to the six-month point"
area = "supervision"
kind = "interval"
trigger = "asye_start"
satisfied_by = ["supervision"]
duration = "2 weeks"
active_from = "6 weeks"
active_until = "6 months"
ends_on = ["left_employment"]
source = "LGA Standards for Employers of Social Workers in England (2020), Standard 5"
status = "confirmed"
[[rule]]
id = "supervision.monthly"
title = "Supervision: at least monthly"
area = "supervision"
kind = "interval"
trigger = "employment_start"
satisfied_by = ["supervision"]
duration = "1 month"
ends_on = ["left_employment"]
source = "LGA Standards for Employers of Social Workers in England (2020), Standard 5"
status = "confirmed"
)", "asye");
    CaseRecord worker;
    worker.worker = "NQSW";
    worker.events = {ev("asye_start", "2024-09-02")};
    for (const char* s : {"2024-09-06", "2024-09-13", "2024-09-20", "2024-09-27", "2024-10-04", "2024-10-11"})
        worker.events.push_back(ev("supervision", s));
    const auto all = schedule_case(pack, worker, d("2024-10-16"), ew());
    BOOST_TEST_MESSAGE(dump(all));
    BOOST_TEST(of_rule(all, "supervision.asye.weekly").size() == 7u);  // 6 met, 1 open
    auto open = open_with_prefix(all, "supervision.");
    BOOST_REQUIRE(open.size() == 1u);
    BOOST_TEST(open[0].rule_id == "supervision.asye.weekly");
    BOOST_TEST(open[0].due.iso() == "2024-10-18");
    BOOST_TEST(of_rule(all, "supervision.monthly").empty());  // no employment_start
    worker.events.push_back(ev("supervision", "2024-10-18"));
    open = open_with_prefix(schedule_case(pack, worker, d("2024-10-20"), ew()), "supervision.");
    BOOST_REQUIRE(open.size() == 1u);
    BOOST_TEST(open[0].rule_id == "supervision.asye.fortnightly");
    BOOST_TEST(open[0].due.iso() == "2024-11-01");
}

BOOST_AUTO_TEST_CASE(explanations_of_day_one_and_month_ends) {
    const RulePack pack = RulePack::england_default();
    // Counting the trigger as day 1 moves a working-day deadline one working
    // day earlier: Fri 2012-09-21 instead of Mon 2012-09-24.
    const Obligation one = due_for_rule(pack.get("lac.review.first"), d("2012-08-24"), ew(), nullptr,
                                        CountingRules{DayZero::trigger_is_day_one});
    BOOST_TEST(one.due.iso() == "2012-09-21");
    BOOST_TEST(contains(one.explanation, "counts as day 1"), one.explanation);

    // 31 Jan + 3 months: no 31 April, so 30 April (corresponding-date rule).
    const Obligation months = due_for_rule(pack.get("lac.review.second"), d("2013-01-31"), ew());
    BOOST_TEST(months.due.iso() == "2013-04-30");
    BOOST_TEST(contains(months.explanation, "corresponding-date"), months.explanation);
    BOOST_TEST(contains(months.explanation, "2013-04-31 does not exist"), months.explanation);
    BOOST_TEST(contains(months.explanation, "previous actual review"), months.explanation);
    // ... and no clamping note when the date exists.
    const Obligation plain = due_for_rule(pack.get("lac.review.second"), d("2013-01-15"), ew());
    BOOST_TEST(plain.due.iso() == "2013-04-15");
    BOOST_TEST(!contains(plain.explanation, "does not exist"), plain.explanation);

    // Weeks are calendar days; a Saturday due date is not moved.
    // Sat 2012-08-25 + 1 week = Sat 2012-09-01.
    const Obligation week = due_for_rule(pack.get("lac.visit.first"), d("2012-08-25"), ew());
    BOOST_TEST(week.due.iso() == "2012-09-01");
    BOOST_TEST(contains(week.explanation, "7 calendar days"), week.explanation);
    BOOST_TEST(contains(week.explanation, "not a working day"), week.explanation);

    // A local closure is named among the skipped days: Mon 2012-12-24 closed.
    const Calendar closed = ew().with_closures({{d("2012-12-24"), "Christmas Eve shutdown"}});
    const Obligation c = due_for_rule(pack.get("cp.icpc"), d("2012-12-14"), closed);
    BOOST_TEST(c.due.iso() == "2013-01-10");
    BOOST_TEST(contains(c.explanation, "Christmas Eve shutdown (Mon 2012-12-24)"), c.explanation);
}

BOOST_AUTO_TEST_CASE(school_day_rules_need_a_school_calendar) {
    const RulePack pack = RulePack::england_default();
    const Rule& legacy = pack.get("pep.initiation.school_days");
    try {
        due_for_rule(legacy, d("2024-10-01"), ew());
        BOOST_FAIL("no exception");
    } catch (const Error& e) {
        BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(Status::invalid_arg));
    }
    std::ifstream in(std::string(OVERSIGHT_TEST_DATA_DIR) + "/calendar_school.toml");
    std::stringstream text;
    text << in.rdbuf();
    const SchoolCalendar school = SchoolCalendar::from_toml(text.str(), ew());
    // Tue 2024-10-01 in the autumn term (no half term in this fixture):
    // 2-4 Oct (1-3), 7-11 (4-8), 14-18 (9-13), 21-25 (14-18), 28 (19), 29 (20).
    const Obligation o = due_for_rule(legacy, d("2024-10-01"), ew(), &school);
    BOOST_TEST(o.due.iso() == "2024-10-29");
    BOOST_TEST(contains(o.explanation, "Example LA 2024/25"), o.explanation);
    BOOST_TEST(contains(o.explanation, "8 weekend days"), o.explanation);

    // Schedules leave school-unit rules out without a school calendar, and
    // use them with one.
    const CaseRecord rec = child({ev("became_looked_after", "2024-09-16"), ev("pep", "2024-09-20")});
    BOOST_TEST(of_rule(schedule_case(pack, rec, d("2024-09-30"), ew()), "pep.review").empty());
    BOOST_TEST(of_rule(schedule_case(pack, rec, d("2024-09-30"), ew(), &school), "pep.review").size() == 1u);
}

BOOST_AUTO_TEST_CASE(events_after_as_of_are_ignored) {
    const CaseRecord rec = child({ev("placement_start", "2012-01-02"), ev("visit", "2012-01-05")});
    const auto before = schedule_case(RulePack::england_default(), rec, d("2012-01-04"), ew());
    const auto first = of_rule(before, "lac.visit.first");
    BOOST_REQUIRE(first.size() == 1u);
    BOOST_TEST(!first[0].met_on);
    BOOST_TEST(of_rule(before, "lac.visit.year1").empty());
    BOOST_TEST(schedule_case(RulePack::england_default(), rec, d("2011-12-31"), ew()).empty());
}

BOOST_AUTO_TEST_CASE(explaining_fewer_obligations_changes_no_date) {
    // Issue 9 point 8: explanations are built only for the obligations a
    // caller shows (Explain::open for reminders, none for a count). The
    // dates, and the open ones' text, are the same whatever is asked. Cases:
    // a first year of visits with a late one (a kept breach), a child who
    // ceased to be looked after (chains ended unmet), and a strategy
    // discussion then an initial conference (anchor = first notes).
    std::vector<CaseEvent> late = first_year_visits({});
    late.push_back(ev("visit", "2013-05-20"));  // 91 days after 2013-02-18: late
    std::vector<CaseEvent> ceased{ev("became_looked_after", "2012-03-01"), ev("placement_start", "2012-03-01"),
                                  ev("review", "2012-03-20"), ev("ceased_looked_after", "2012-06-01")};
    std::vector<CaseEvent> cp{ev("strategy_discussion", "2024-01-08"), ev("strategy_discussion", "2024-01-15"),
                              ev("initial_conference", "2024-02-05")};
    int explained_open = 0, met = 0;
    for (const auto& events : {late, ceased, cp}) {
        const CaseRecord rec = child(events);
        const RulePack& pack = RulePack::england_default();
        const auto all = schedule_case(pack, rec, d("2014-01-31"), ew());
        const auto open = schedule_case(pack, rec, d("2014-01-31"), ew(), nullptr, {}, Explain::open);
        const auto none = schedule_case(pack, rec, d("2014-01-31"), ew(), nullptr, {}, Explain::none);
        BOOST_TEST_REQUIRE(all.size() == open.size());
        BOOST_TEST_REQUIRE(all.size() == none.size());
        for (std::size_t i = 0; i < all.size(); ++i) {
            BOOST_TEST(!all[i].explanation.empty());
            BOOST_TEST(none[i].explanation.empty());
            Obligation a = all[i], o = open[i], n = none[i];
            const bool is_open = !a.met_on && !a.ended_on;
            BOOST_TEST(o.explanation == (is_open ? a.explanation : std::string()), a.rule_id << " " << a.due.iso());
            explained_open += is_open;
            met += a.met_on.has_value();
            a.explanation = o.explanation = n.explanation = "";
            BOOST_TEST((a == o), a.rule_id << " " << a.due.iso());
            BOOST_TEST((a == n), a.rule_id << " " << a.due.iso());
        }
    }
    BOOST_TEST(explained_open > 0);
    BOOST_TEST(met > 10);
}

// --- Review fixes ------------------------------------------------------------

BOOST_AUTO_TEST_CASE(care_order_child_placed_with_parent_gets_reg_28_5_visits) {
    // In foster care, then a full care order (Wed 1 Mar 2023), then placed
    // with a parent on Thu 1 Jun 2023: reg 28(5) from the placement: first
    // visit within 1 week (Thu 8 Jun), then 6-weekly from the actual visit.
    CaseRecord r = child({ev("became_looked_after", "2023-01-10"),
                          ev("placement_start", "2023-01-10", {{"placement_type", "foster"}}),
                          ev("care_order", "2023-03-01", {{"legal_status", "care_order"}}), ev("visit", "2023-01-12"),
                          ev("placement_start", "2023-06-01",
                             {{"placement_type", "placed_with_parent"}, {"legal_status", "care_order"}}),
                          ev("visit", "2023-06-07")});
    const auto all = schedule_case(RulePack::england_default(), r, d("2023-08-01"), ew());
    const auto first = of_rule(all, "lac.visit.care_order_at_home.placement.first");
    BOOST_TEST_REQUIRE(first.size() == 1u);
    BOOST_TEST(first[0].anchor.iso() == "2023-06-01");
    BOOST_TEST(first[0].due.iso() == "2023-06-08");
    BOOST_TEST(iso(first[0].met_on) == "2023-06-07");
    const auto next = of_rule(all, "lac.visit.care_order_at_home.placement");
    BOOST_TEST_REQUIRE(next.size() == 1u);
    BOOST_TEST(next[0].anchor.iso() == "2023-06-07");
    BOOST_TEST(next[0].due.iso() == "2023-07-19");  // 7 Jun + 42 days
    BOOST_TEST(!next[0].met_on);
    // The care-order form does not also apply (the order was made in foster care).
    BOOST_TEST(open_with_prefix(all, "lac.visit.care_order_at_home.first").empty());
    BOOST_TEST(open_with_prefix(all, "lac.visit.care_order_at_home.placement").size() == 1u);
}

BOOST_AUTO_TEST_CASE(child_at_home_when_the_care_order_is_made_counts_from_the_order) {
    // Placed with a parent under an interim care order (reg 28(4)) on
    // Tue 10 Jan 2023; the full care order is made on Mon 1 May 2023 while
    // the child is at home: reg 28(5) counts from the order (Mon 8 May).
    CaseRecord r = child({ev("became_looked_after", "2023-01-10"),
                          ev("placement_start", "2023-01-10",
                             {{"placement_type", "placed_with_parent"}, {"legal_status", "interim_care_order"}}),
                          ev("visit", "2023-01-16"), ev("review", "2023-02-03"), ev("visit", "2023-02-28"),
                          ev("visit", "2023-03-27"), ev("visit", "2023-04-21"),
                          ev("care_order", "2023-05-01", {{"legal_status", "care_order"}})});
    const auto all = schedule_case(RulePack::england_default(), r, d("2023-05-03"), ew());
    BOOST_TEST(of_rule(all, "lac.visit.connected_person.first").size() == 1u);
    const auto first = of_rule(all, "lac.visit.care_order_at_home.first");
    BOOST_TEST_REQUIRE(first.size() == 1u);
    BOOST_TEST(first[0].anchor.iso() == "2023-05-01");
    BOOST_TEST(first[0].due.iso() == "2023-05-08");
    // One open visit obligation: the care-order form, not the placement form.
    const auto open = open_with_prefix(all, "lac.visit.");
    BOOST_TEST_REQUIRE(open.size() == 1u);
    BOOST_TEST(open[0].rule_id == "lac.visit.care_order_at_home.first");
    BOOST_TEST(of_rule(all, "lac.visit.care_order_at_home.placement.first").empty());
}

BOOST_AUTO_TEST_CASE(visit_on_the_day_a_placement_starts_counts_whatever_the_row_order) {
    for (bool visit_first : {true, false}) {
        std::vector<CaseEvent> events{ev("placement_start", "2024-01-08"), ev("visit", "2024-01-08")};
        if (visit_first) std::swap(events[0], events[1]);
        const auto first = of_rule(schedule_case(RulePack::england_default(), child(events), d("2024-01-20"), ew()),
                                   "lac.visit.first");
        BOOST_TEST_CONTEXT("visit row first: " << visit_first) {
            BOOST_TEST_REQUIRE(first.size() == 1u);
            BOOST_TEST(iso(first[0].met_on) == "2024-01-08");
        }
    }
}

BOOST_AUTO_TEST_CASE(re_entering_care_on_the_day_care_ceased_starts_new_chains) {
    // An SSDA903 return writes the old episode's end before the new period's
    // start; a new period of care on the previous DEC date must still get
    // its first review, first visit and care plan, whatever the row order.
    for (bool ceased_first : {true, false}) {
        std::vector<CaseEvent> events{ev("became_looked_after", "2024-01-01"), ev("placement_start", "2024-01-01"),
                                      ev("ceased_looked_after", "2024-03-01")};
        const std::vector<CaseEvent> again{ev("became_looked_after", "2024-03-01"),
                                           ev("placement_start", "2024-03-01")};
        events.insert(ceased_first ? events.end() : events.end() - 1, again.begin(), again.end());
        const auto all = schedule_case(RulePack::england_default(), child(events), d("2024-06-01"), ew());
        BOOST_TEST_CONTEXT("ceased row first: " << ceased_first) {
            for (const char* rule : {"lac.review.first", "lac.visit.first", "lac.care_plan"}) {
                const Obligation* o = anchored(all, rule, "2024-03-01");
                BOOST_TEST_REQUIRE(o, rule << " anchored on the re-entry");
                BOOST_TEST(!o->ended_on, rule << " must not end the day it starts");
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(dated_attribute_changes_apply_from_their_own_date) {
    // Placed Mon 2 Jan 2023; visits 5 Jan, 20 Dec 2023 and 15 Mar 2024;
    // permanence decided from 1 Jun 2024. The 6-week gap 20 Dec -> 15 Mar
    // (due 31 Jan 2024) stays a late visit; from 1 Jun the 3-monthly rule.
    CaseRecord r = child({ev("placement_start", "2023-01-02"), ev("visit", "2023-01-05"), ev("visit", "2023-12-20"),
                          ev("visit", "2024-03-15")});
    r.attributes = {{"permanence", "permanent"}};  // current
    r.attribute_changes = {{d("2024-06-01"), "permanence", "permanent"}};
    const auto all = schedule_case(RulePack::england_default(), r, d("2024-07-01"), ew());
    const Obligation* gap = anchored(all, "lac.visit.", "2023-12-20");
    BOOST_TEST_REQUIRE(gap);
    BOOST_TEST(gap->rule_id == "lac.visit.year1");  // begun in the first year (to 2024-01-02)
    BOOST_TEST(gap->due.iso() == "2024-01-31");
    BOOST_TEST(iso(gap->met_on) == "2024-03-15");
    // The gap after 15 Mar fell due (26 Apr) before permanence: a breach kept.
    const Obligation* last = anchored(all, "lac.visit.", "2024-03-15");
    BOOST_TEST_REQUIRE(last);
    BOOST_TEST(last->rule_id == "lac.visit.after_year1");
    BOOST_TEST(last->due.iso() == "2024-04-26");
    // Without dated changes the record's attributes apply from the start (as
    // before): the gap from 15 Mar is 3-monthly, due 2024-06-15.
    r.attribute_changes.clear();
    const auto all2 = schedule_case(RulePack::england_default(), r, d("2024-07-01"), ew());
    const Obligation* rewritten = anchored(all2, "lac.visit.", "2024-03-15");
    BOOST_TEST_REQUIRE(rewritten);
    BOOST_TEST(rewritten->rule_id == "lac.visit.after_year1.permanent");
    BOOST_TEST(rewritten->due.iso() == "2024-06-15");
    // A change dated after as_of is ignored.
    r.attributes.clear();
    r.attribute_changes = {{d("2024-08-01"), "permanence", "permanent"}};
    const auto all3 = schedule_case(RulePack::england_default(), r, d("2024-07-01"), ew());
    const Obligation* future = anchored(all3, "lac.visit.", "2024-03-15");
    BOOST_TEST_REQUIRE(future);
    BOOST_TEST(future->rule_id == "lac.visit.after_year1");
}

BOOST_AUTO_TEST_CASE(termly_pep_review_is_due_by_the_end_of_the_next_term) {
    const SchoolCalendar school("LA",
                                {{"Autumn 2024", d("2024-09-04"), d("2024-12-20")},
                                 {"Spring 2025", d("2025-01-06"), d("2025-04-04")},
                                 {"Summer 2025", d("2025-04-22"), d("2025-07-22")}},
                                {}, ew());
    CaseRecord r = child({ev("became_looked_after", "2024-09-10"), ev("pep", "2024-09-12"),
                          ev("pep_review", "2024-12-10"), ev("pep_review", "2025-02-20")});
    const auto reviews = of_rule(schedule_case(RulePack::england_default(), r, d("2025-03-01"), ew(), &school),
                                 "pep.review");
    BOOST_TEST_REQUIRE(reviews.size() == 3u);
    BOOST_TEST(reviews[1].anchor.iso() == "2024-12-10");
    BOOST_TEST(reviews[1].due.iso() == "2025-04-04");  // last day of the spring term
    BOOST_TEST(iso(reviews[1].met_on) == "2025-02-20");
    BOOST_TEST(reviews[2].due.iso() == "2025-07-22");  // from the spring review: end of summer
}

BOOST_AUTO_TEST_CASE(ssda903_codes_choose_the_visit_regime) {
    using A = std::map<std::string, std::string>;
    BOOST_TEST(visit_regime(A{{"placement_type", "P1"}, {"legal_status", "C2"}}) == "care_order_at_home");
    BOOST_TEST(visit_regime(A{{"placement_type", "P1"}, {"legal_status", "C1"}}) == "connected_person_temporary");
    BOOST_TEST(visit_regime(A{{"placement_type", "P1"}, {"legal_status", "C2"}, {"parent_assessment", "incomplete"}}) ==
               "placed_with_parent_pre_assessment");
    BOOST_TEST(visit_regime(A{{"placement_type", "placed_with_parent"}, {"legal_status", "C1"}}) ==
               "connected_person_temporary");
    BOOST_TEST(visit_regime(A{{"placement_type", "U1"}}) == "long_term_foster");
    BOOST_TEST(visit_regime(A{{"placement_type", "U4"}}) == "long_term_foster");
    BOOST_TEST(visit_regime(A{{"placement_type", "R5"}}) == "other_arrangements");
    BOOST_TEST(visit_regime(A{{"placement_type", "R2"}}) == "other_arrangements");
    for (const char* code : {"U2", "U3", "U5", "U6", "K1", "K2", "R1", "H5", "Q1", "Q2", "Z1"})
        BOOST_TEST(visit_regime(A{{"placement_type", code}, {"legal_status", "C2"}}) == "default", code);
    BOOST_TEST(visit_regime(A{{"placement_type", "U3"}, {"permanence", "permanent"}}) == "permanent");
}

BOOST_AUTO_TEST_SUITE_END()
