// Audits (include/oversight/audit/audit.hpp): the seed plan's PEP audit (18
// audited, 8 satisfactory: 44.4%, Wilson 95% interval 24.6%-66.3%), the
// trend verdicts, grading scales, reproducible stratified samples with the
// 12-month exclusion, recommendations as tracked actions, links to plan
// actions, results by team and worker, the history, an erasure, and the
// record reader's refusals.
#include <boost/test/unit_test.hpp>

#include "support/expect_error.hpp"

#include <oversight/audit/audit.hpp>
#include <oversight/calendar/calendar.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/plan/plan_store.hpp>
#include <oversight/reminders/audit_reminder.hpp>
#include <oversight/store/history.hpp>
#include <oversight/store/store.hpp>
#include <oversight/workforce/person.hpp>
#include <oversight/workforce/team.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

using namespace oversight;
using test::expect_error;

namespace {

Date d(const char* iso) { return Date::parse_iso(iso); }

const Calendar& england() {
    static const Calendar c = Calendar::for_division(Division::england_and_wales);
    return c;
}

double round1(double share) { return std::round(share * 1000.0) / 10.0; }  // percent, one decimal

AuditProgramme pep_programme() {
    AuditProgramme p;
    p.name = "PEP audit";
    p.type = "pep";
    p.cycle = "quarterly";
    p.owner = "Virtual School Head";
    p.scale = two_point_scale();
    return p;
}

Audit counts_only(const char* ref, const char* held, int satisfactory, int inadequate) {
    Audit a;
    a.reference = ref;
    a.programme = "PEP audit";
    a.held = d(held);
    a.recorded = d(held).add_days(7);
    a.auditors = {{"Virtual School Head", ""}, {"Designated Teacher", "Education"}};
    a.counts = {{"satisfactory", satisfactory}, {"inadequate", inadequate}};
    return a;
}

void add_people(Store& store) {
    add_person(store, {0, "Virtual School Head", "", "", ""});
    add_person(store, {0, "Designated Teacher", "", "", "Education"});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(audit)

// Wilson (1927) 95% interval, z = 1.959964, for 8 of 18 (p = 0.4444):
//   z^2/n = 3.8415/18 = 0.21342; centre = (0.44444 + 0.10671) / 1.21342 = 0.45421;
//   half = 1.959964 * sqrt(0.44444 * 0.55556 / 18 + 3.8415 / 1296) / 1.21342
//        = 1.959964 * sqrt(0.013717 + 0.0029641) / 1.21342 = 0.20863;
//   low 0.24558 (24.6%), high 0.66284 (66.3%): the issue's figures.
BOOST_AUTO_TEST_CASE(wilson_interval_of_the_seed_pep_audit) {
    const Proportion p = wilson(8, 18);
    BOOST_TEST(round1(p.share) == 44.4);
    BOOST_TEST(round1(p.low) == 24.6);
    BOOST_TEST(round1(p.high) == 66.3);
    // Edge cases: none of n gives [0, 3.84/(n+3.84)]; n = 0 gives zeros.
    const Proportion none = wilson(0, 10);  // high = 3.8415 / 13.8415 = 0.2775
    BOOST_TEST(none.low == 0.0);
    BOOST_TEST(round1(none.high) == 27.8);
    BOOST_TEST(wilson(0, 0).high == 0.0);
    expect_error([] { wilson(3, 2); }, Status::invalid_arg, "k must be in 0..n");
    // As reports write it: 3 of 4 has centre 0.62753 and half-width 0.32689.
    BOOST_TEST(describe(wilson(3, 4)) == "3 of 4 (75.0%, 95% CI 30.1%-95.4%)");
    BOOST_TEST(describe(p) == "8 of 18 (44.4%, 95% CI 24.6%-66.3%)");
}

BOOST_AUTO_TEST_CASE(the_seed_pep_audit_counts_only_through_the_store) {
    Store store = Store::open_in_memory();
    add_people(store);
    add_audit_programme(store, pep_programme());
    record_audit(store, counts_only("PEP-2012-08", "2012-08-23", 8, 10), england());
    const AuditResult r = audit_result(store, "pep-2012-08");  // ignoring case
    BOOST_TEST(r.audited == 18);
    BOOST_TEST(r.grades.size() == 2u);
    BOOST_TEST(r.grades[0].grade == "satisfactory");
    BOOST_TEST(r.grades[0].proportion.k == 8);
    BOOST_TEST(r.grades[1].proportion.k == 10);
    BOOST_TEST(round1(r.positive.share) == 44.4);
    BOOST_TEST(round1(r.positive.low) == 24.6);
    BOOST_TEST(round1(r.positive.high) == 66.3);
    BOOST_TEST(r.teams.empty());  // no case held: no team figures
    const std::string text = audit_result_to_text(r);
    BOOST_TEST(text.find("satisfactory: 8 of 18 (44.4%, 95% CI 24.6%-66.3%)") != std::string::npos, text);
    const auto doc = nlohmann::json::parse(audit_result_to_json(r));
    BOOST_TEST(doc["format"] == "oversight-audit-result");
    BOOST_TEST(doc["positive"]["k"] == 8);
    // Quarterly cycle: held 23 Aug 2012 + 3 months (corresponding date) = 23 Nov 2012.
    BOOST_TEST((try_find_audit_programme(store, "PEP audit")->next_due == d("2012-11-23")));
    // The date held and the date recorded are kept apart.
    const Audit back = *try_find_audit(store, "PEP-2012-08");
    BOOST_TEST((back.held == d("2012-08-23")));
    BOOST_TEST((back.recorded == d("2012-08-30")));
    BOOST_TEST(back.auditors.size() == 2u);
    BOOST_TEST(back.auditors[1].agency == "Education");
}

// Three PEP audits of 18: 8, 10 and 12 satisfactory (44.4%, 55.6%, 66.7%).
// First [24.6%, 66.3%], last 12/18: centre (0.6667 + 0.1067)/1.2134 = 0.6374,
// half 1.96*sqrt(0.012346 + 0.002964)/1.2134 = 0.1999: [43.7%, 83.7%]. They
// overlap: the samples are too small to tell, though the share rose.
BOOST_AUTO_TEST_CASE(a_trend_over_three_audits_is_too_small_to_tell) {
    Store store = Store::open_in_memory();
    add_people(store);
    add_audit_programme(store, pep_programme());
    BOOST_TEST(to_string(audit_trend(store, "PEP audit").verdict) == "too_few");
    record_audit(store, counts_only("PEP-3", "2013-02-20", 12, 6), england());
    BOOST_TEST(to_string(audit_trend(store, "PEP audit").verdict) == "too_few");
    record_audit(store, counts_only("PEP-1", "2012-08-23", 8, 10), england());
    record_audit(store, counts_only("PEP-2", "2012-11-22", 10, 8), england());
    const AuditTrend t = audit_trend(store, "PEP audit");
    BOOST_TEST(t.points.size() == 3u);
    BOOST_TEST(t.points.front().reference == "PEP-1");  // by date held, not by recording order
    BOOST_TEST(t.points.back().reference == "PEP-3");
    BOOST_TEST(to_string(t.verdict) == "too_small");
    BOOST_TEST(t.positive_label == "satisfactory");
    BOOST_TEST(round1(t.points.back().positive.low) == 43.7);
    BOOST_TEST(round1(t.points.back().positive.high) == 83.7);
    BOOST_TEST(t.statement.find("Too small to tell") == 0u, t.statement);
    BOOST_TEST(t.statement.find("n=18") != std::string::npos, t.statement);
    BOOST_TEST(t.statement.find("overlap") != std::string::npos, t.statement);
    const auto doc = nlohmann::json::parse(audit_trend_to_json(t));
    BOOST_TEST(doc["verdict"] == "too_small");
}

// Larger samples do show a change: 20 of 100 [13.3%, 28.9%] to 60 of 100
// [50.2%, 69.1%] do not overlap (rising); the other way, falling.
BOOST_AUTO_TEST_CASE(non_overlapping_intervals_are_a_rising_or_falling_trend) {
    const AuditScale s = ofsted_scale();
    AuditTrend up = audit_trend("Case files", s, {{"A", d("2012-01-01"), wilson(20, 100)},
                                                  {"B", d("2012-06-01"), wilson(60, 100)}});
    BOOST_TEST(to_string(up.verdict) == "rising");
    BOOST_TEST(up.positive_label == "good or better");
    AuditTrend down = audit_trend("Case files", s, {{"B", d("2012-06-01"), wilson(20, 100)},
                                                    {"A", d("2012-01-01"), wilson(60, 100)}});
    BOOST_TEST(to_string(down.verdict) == "falling");
}

// An audit type's trend across its programmes: the seed's PEP audit (8 of
// 18, [24.6%, 66.3%]) in "PEP audit" and 19 of 20 in "PEP audit (secondary)"
// on 1 March 2013: p = 0.95, z^2/n = 0.192073, centre (0.95 + 0.096036) /
// 1.192073 = 0.877494, half 1.959964 * sqrt(0.002375 + 0.002401) / 1.192073 =
// 0.113626: [76.4%, 99.1%]. Each programme alone has one audit (too few);
// the type has two whose intervals do not overlap: rising. A case-file
// programme is left out; an Ofsted-scale PEP programme makes the label
// "graded positive".
BOOST_AUTO_TEST_CASE(a_trend_per_audit_type_across_programmes) {
    Store store = Store::open_in_memory();
    add_people(store);
    add_audit_programme(store, pep_programme());
    AuditProgramme secondary = pep_programme();
    secondary.name = "PEP audit (secondary)";
    add_audit_programme(store, secondary);
    AuditProgramme files = pep_programme();
    files.name = "Case files";
    files.type = "case_file";
    add_audit_programme(store, files);
    record_audit(store, counts_only("PEP-1", "2012-08-23", 8, 10), england());
    Audit s1 = counts_only("PEP-S1", "2013-03-01", 19, 1);
    s1.programme = "PEP audit (secondary)";
    record_audit(store, s1, england());
    Audit f1 = counts_only("CF-1", "2013-04-01", 0, 20);
    f1.programme = "Case files";
    record_audit(store, f1, england());
    BOOST_TEST(to_string(audit_trend(store, "PEP audit").verdict) == "too_few");
    BOOST_TEST(to_string(audit_trend(store, "PEP audit (secondary)").verdict) == "too_few");
    BOOST_TEST(audit_trend(store, "PEP audit").type == "pep");
    const AuditTrend t = audit_trend_by_type(store, "PEP");
    BOOST_TEST(t.type == "pep");
    BOOST_TEST(t.programme == "PEP audit, PEP audit (secondary)");
    BOOST_TEST_REQUIRE(t.points.size() == 2u);
    BOOST_TEST(t.points[0].reference == "PEP-1");
    BOOST_TEST(t.points[1].reference == "PEP-S1");
    BOOST_TEST(round1(t.points[1].positive.low) == 76.4);
    BOOST_TEST(round1(t.points[1].positive.high) == 99.1);
    BOOST_TEST(to_string(t.verdict) == "rising");
    BOOST_TEST(t.positive_label == "satisfactory");
    const auto doc = nlohmann::json::parse(audit_trend_to_json(t));
    BOOST_TEST(doc["type"] == "pep");
    AuditProgramme ofsted = pep_programme();
    ofsted.name = "PEP audit (primary)";
    ofsted.scale = ofsted_scale();
    add_audit_programme(store, ofsted);
    BOOST_TEST(audit_trend_by_type(store, "pep").positive_label == "graded positive");
    BOOST_CHECK_THROW(audit_trend_by_type(store, "peer_triangle"), Error);
}

BOOST_AUTO_TEST_CASE(scales_read_and_written) {
    BOOST_TEST((parse_audit_scale("ofsted") == ofsted_scale()));
    BOOST_TEST((parse_audit_scale("Two point") == two_point_scale()));
    const AuditScale own = parse_audit_scale("Good, Adequate | Requires Improvement, Poor");
    BOOST_TEST(own.grades.size() == 4u);
    BOOST_TEST(own.positive == 2);
    BOOST_TEST(own.grades[2] == "requires_improvement");
    BOOST_TEST((parse_audit_scale(to_string(own)) == own));
    BOOST_TEST(to_string(ofsted_scale()) == "outstanding, good | requires_improvement, inadequate");
    BOOST_TEST(checked_grade(ofsted_scale(), "Requires improvement") == "requires_improvement");
    expect_error([] { checked_grade(ofsted_scale(), "fair"); }, Status::invalid_arg, "not on the scale");
    expect_error([] { parse_audit_scale("good, poor"); }, Status::parse, "no '|'");
    expect_error([] { parse_audit_scale("good | poor | worse"); }, Status::parse, "more than one '|'");
    expect_error([] { parse_audit_scale("good, , | poor"); }, Status::parse, "grade 2 is empty");
    expect_error([] { parse_audit_scale("good | good"); }, Status::parse, "appears twice");
    expect_error([] { parse_audit_scale("good! | poor"); }, Status::parse, "grade 1");
    expect_error([] { parse_audit_scale("good |"); }, Status::parse, "grade 2 is empty");
}

// The reference outputs of SplitMix64 for seed 1234567 (Rosetta Code,
// "Pseudo-random numbers/Splitmix64", from Vigna's splitmix64.c).
BOOST_AUTO_TEST_CASE(splitmix64_gives_the_published_sequence) {
    SplitMix64 r(1234567);
    BOOST_TEST(r.next() == 6457827717110365317ULL);
    BOOST_TEST(r.next() == 3203168211198807973ULL);
    BOOST_TEST(r.next() == 9817491932198370423ULL);
    BOOST_TEST(r.next() == 4593380528125082431ULL);
    BOOST_TEST(r.next() == 16408922859458223821ULL);
    SplitMix64 b(7);
    for (int i = 0; i < 1000; ++i) BOOST_TEST(b.below(6) < 6u);
}

namespace {

/// 24 children, 6 in each audit group, allocated to two workers of two teams.
void sample_world(Store& store) {
    save_team(store, {"North", "", ""});
    save_team(store, {"South", "", ""});
    save_worker(store, {"Ann Lee", "North", ""});
    save_worker(store, {"Bo Chan", "South", ""});
    add_person(store, {0, "Virtual School Head", "", "", ""});
    const char* groups[] = {"Secondary", "Primary", "SEN", "Early Years"};
    for (int i = 1; i <= 24; ++i) {
        const std::string id = (i < 10 ? "C0" : "C") + std::to_string(i);
        save_child(store, {id, d("2005-01-01")});
        allocate(store, id, i % 2 ? "Ann Lee" : "Bo Chan", d("2012-01-02"));
        set_attribute(store, id, "audit_group", groups[(i - 1) % 4], d("2012-01-02"));
    }
    AuditProgramme p = pep_programme();
    p.sampling.per_stratum = 2;
    p.sampling.stratify = AuditStratum::attribute;
    p.sampling.attribute = "audit_group";
    add_audit_programme(store, p);
}

std::vector<std::string> ids(const AuditSample& s) {
    std::vector<std::string> out;
    for (const SampledCase& c : s.cases) out.push_back(c.child_id);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_stratified_sample_is_reproducible_and_excludes_recent_audits) {
    Store store = Store::open_in_memory();
    sample_world(store);
    const AuditSample a = draw_audit_sample(store, "PEP audit", d("2012-08-01"), 42);
    const AuditSample b = draw_audit_sample(store, "PEP audit", d("2012-08-01"), 42);
    BOOST_TEST(ids(a) == ids(b));  // same seed, same sample
    BOOST_TEST(a.strata.size() == 4u);
    for (const StratumDraw& s : a.strata) {
        BOOST_TEST(s.eligible == 6);
        BOOST_TEST(s.drawn == 2);  // the number asked for, per stratum
        BOOST_TEST(std::count_if(a.cases.begin(), a.cases.end(),
                                 [&](const SampledCase& c) { return c.stratum == s.stratum; }) == 2);
    }
    BOOST_TEST(a.strata[0].stratum == "Early Years");  // strata by name
    // Another seed: a different draw (all 8 the same has chance (1/15)^4).
    BOOST_TEST(ids(draw_audit_sample(store, "PEP audit", d("2012-08-01"), 43)) != ids(a));

    // Audit the 8 drawn on 2012-08-20; a draw within 12 months leaves them out.
    Audit audited;
    audited.reference = "PEP-AUG";
    audited.programme = "PEP audit";
    audited.held = d("2012-08-20");
    audited.recorded = d("2012-08-21");
    for (const SampledCase& c : a.cases) audited.cases.push_back({0, c.child_id, "satisfactory", {}, ""});
    record_audit(store, audited, england());
    const AuditSample later = draw_audit_sample(store, "PEP audit", d("2013-08-19"), 42);
    const std::vector<std::string> drawn = ids(a);
    const std::set<std::string> first(drawn.begin(), drawn.end());
    for (const std::string& id : ids(later)) BOOST_TEST(first.count(id) == 0u, id);
    for (const StratumDraw& s : later.strata) {
        BOOST_TEST(s.excluded == 2);
        BOOST_TEST(s.drawn == 2);
    }
    // 12 months on (2012-08-20 + 12 months = 2013-08-20) they may be drawn again.
    const AuditSample year_on = draw_audit_sample(store, "PEP audit", d("2013-08-21"), 42);
    for (const StratumDraw& s : year_on.strata) BOOST_TEST(s.excluded == 0);
    BOOST_TEST(ids(year_on) == ids(a));  // the same seed on the same cases
    const auto doc = nlohmann::json::parse(audit_sample_to_json(a));
    BOOST_TEST(doc["seed"] == "42");
    BOOST_TEST(doc["cases"].size() == 8u);
}

BOOST_AUTO_TEST_CASE(a_sample_stratified_by_team_and_counts_only_programmes) {
    Store store = Store::open_in_memory();
    sample_world(store);
    AuditProgramme p;
    p.name = "Case files";
    p.type = "case_file";
    p.cycle = "monthly";
    p.owner = "Ann Lee";
    p.sampling.per_stratum = 3;
    p.sampling.stratify = AuditStratum::team;
    add_audit_programme(store, p);
    const AuditSample s = draw_audit_sample(store, "Case files", d("2012-08-01"), 1);
    BOOST_TEST(s.strata.size() == 2u);
    for (const SampledCase& c : s.cases) BOOST_TEST(c.stratum == c.team);
    BOOST_TEST(s.cases.size() == 6u);
    AuditProgramme counts = pep_programme();
    counts.name = "Counts";
    add_audit_programme(store, counts);
    expect_error([&] { draw_audit_sample(store, "Counts", d("2012-08-01"), 1); }, Status::invalid_arg,
                 "counts only");
}

BOOST_AUTO_TEST_CASE(a_past_sample_can_be_drawn_again_as_it_was) {
    // Only open cases (allocated on the day) are drawn; a stratum's draw does
    // not change when another stratum appears; an audit held after the day
    // of a draw does not exclude its cases from it.
    Store store = Store::open_in_memory();
    sample_world(store);
    const AuditSample before = draw_audit_sample(store, "PEP audit", d("2012-08-01"), 7);
    const AuditSample year_on = draw_audit_sample(store, "PEP audit", d("2013-08-21"), 7);
    // A case closed before 2012-08-01 (C90) and one allocated only from
    // 2013 (C91): neither is open on 2012-08-01. C92, from 2013, makes a new
    // stratum that sorts before the others.
    for (const char* id : {"C90", "C91", "C92"}) {
        save_child(store, {id, d("2005-01-01")});
        set_attribute(store, id, "audit_group", "Alternative provision", d("2012-01-02"));
    }
    allocate(store, "C90", "Ann Lee", d("2012-01-02"));
    end_allocation(store, "C90", d("2012-06-01"));
    allocate(store, "C91", "Bo Chan", d("2013-01-07"));
    allocate(store, "C92", "Ann Lee", d("2013-01-07"));
    // An audit of the first sample's cases, held after both days.
    Audit later;
    later.reference = "PEP-LATER";
    later.programme = "PEP audit";
    later.held = d("2014-01-10");
    later.recorded = d("2014-01-10");
    for (const SampledCase& c : before.cases) later.cases.push_back({0, c.child_id, "satisfactory", {}, ""});
    record_audit(store, later, england());

    const AuditSample again = draw_audit_sample(store, "PEP audit", d("2012-08-01"), 7);
    BOOST_TEST(ids(again) == ids(before));
    BOOST_TEST(again.strata.size() == 4u);  // C90 and C91 were not open cases that day
    for (const StratumDraw& s : again.strata) BOOST_TEST(s.excluded == 0, s.stratum);
    const AuditSample with_new = draw_audit_sample(store, "PEP audit", d("2013-08-21"), 7);
    BOOST_TEST_REQUIRE(with_new.strata.size() == 5u);
    BOOST_TEST(with_new.strata[0].stratum == "Alternative provision");
    BOOST_TEST(with_new.strata[0].eligible == 2);  // C91 and C92 (C90 closed)
    std::vector<std::string> others;
    for (const SampledCase& c : with_new.cases)
        if (c.stratum != "Alternative provision") others.push_back(c.child_id);
    BOOST_TEST(others == ids(year_on));  // the other strata drew as they did without it
}

BOOST_AUTO_TEST_CASE(per_case_grades_by_team_and_worker_as_allocated_on_the_day_held) {
    Store store = Store::open_in_memory();
    sample_world(store);
    // C01 moves from Ann (North) to Bo (South) after the audit: it counts for Ann.
    allocate(store, "C01", "Bo Chan", d("2012-09-01"));
    AuditProgramme p;
    p.name = "Case files";
    p.type = "case_file";
    p.owner = "Ann Lee";
    add_audit_programme(store, p);
    Audit a;
    a.reference = "CF-1";
    a.programme = "Case files";
    a.held = d("2012-08-20");
    a.recorded = d("2012-08-24");
    a.cases = {{0, "C01", "good", {{"plan_up_to_date", "yes"}, {"voice_of_child", "no"}}, "No direct work recorded"},
               {0, "C03", "Outstanding", {}, ""},
               {0, "C02", "inadequate", {}, ""},
               {0, "C04", "requires improvement", {}, ""}};
    record_audit(store, a, england());
    const AuditResult r = audit_result(store, "CF-1");
    BOOST_TEST(r.audited == 4);
    BOOST_TEST(r.positive.k == 2);
    BOOST_TEST(r.teams.size() == 2u);
    BOOST_TEST(r.teams[0].name == "North");
    BOOST_TEST(r.teams[0].cases == 2);
    BOOST_TEST(r.teams[0].positive.k == 2);
    BOOST_TEST(r.teams[1].positive.k == 0);
    BOOST_TEST(r.workers[0].name == "Ann Lee");
    const Audit back = *try_find_audit(store, "CF-1");
    BOOST_TEST(back.cases[0].answers.at("voice_of_child") == "no");
    BOOST_TEST(back.cases[1].grade == "outstanding");
    BOOST_TEST(back.cases[0].findings == "No direct work recorded");
    BOOST_TEST(!try_find_audit_programme(store, "Case files")->next_due);  // one-off: nothing further due

    // An erasure of C01 leaves the audit's grade, not the child nor its findings.
    erase_child(store, "C01", "test");
    const Audit after = *try_find_audit(store, "CF-1");
    BOOST_TEST(!after.cases[0].child_id);
    BOOST_TEST(after.cases[0].findings.empty());
    BOOST_TEST(audit_result(store, "CF-1").audited == 4);
}

BOOST_AUTO_TEST_CASE(recommendations_are_tracked_actions_and_programmes_remind_their_owner) {
    Store store = Store::open_in_memory();
    add_people(store);
    AuditProgramme p = pep_programme();
    p.next_due = d("2012-12-12");  // "next audit is due on 12 December 2012"
    add_audit_programme(store, p);
    // Reminders: due within 14 days of 1 Dec 2012 (12 Dec is 11 days on).
    auto due = audit_reminders(store, d("2012-12-01"), 14);
    BOOST_TEST(due.size() == 1u);
    BOOST_TEST(due[0].owner == "Virtual School Head");
    BOOST_TEST(due[0].days == 11);
    BOOST_TEST(!due[0].overdue);
    BOOST_TEST(audit_reminders(store, d("2012-12-01"), 10).empty());
    BOOST_TEST(audit_reminders(store, d("2012-12-01"), 14, std::string("Designated Teacher")).empty());
    auto late = audit_reminders(store, d("2012-12-20"), 0, std::string("virtual school head"));
    BOOST_TEST(late.size() == 1u);
    BOOST_TEST(late[0].overdue);
    BOOST_TEST(late[0].days == 8);

    Audit a = counts_only("PEP-1", "2012-08-23", 8, 10);
    a.findings = "10 PEPs inadequate";
    a.recommendations = {{0, "Designated teachers trained on PEP targets", "Designated Teacher", d("2012-10-31"), std::nullopt},
                         {0, "Re-audit the inadequate PEPs", "Virtual School Head", d("2012-12-31"), std::nullopt}};
    record_audit(store, a, england());
    // Held 23 Aug, cycle quarterly: 23 Nov is earlier than the 12 Dec set: kept.
    BOOST_TEST((try_find_audit_programme(store, "PEP audit")->next_due == d("2012-12-12")));
    auto actions = audit_actions(store, d("2012-11-15"));
    BOOST_TEST(actions.size() == 2u);
    BOOST_TEST(actions[0].overdue);  // 31 Oct, 15 days before 15 Nov
    BOOST_TEST(actions[0].days_overdue == 15);
    BOOST_TEST(actions[0].owner == "Designated Teacher");
    BOOST_TEST(!actions[1].overdue);
    complete_audit_recommendation(store, "PEP-1", 1, d("2012-11-20"));
    BOOST_TEST(audit_actions(store, d("2012-11-21"), true).size() == 1u);
    const auto doc = nlohmann::json::parse(audit_actions_to_json(d("2012-11-21"), audit_actions(store, d("2012-11-21"))));
    BOOST_TEST(doc["actions"][0]["state"] == "done");  // neither overdue now: by due date
    BOOST_TEST(doc["actions"][1]["state"] == "open");
    expect_error([&] { complete_audit_recommendation(store, "PEP-1", 3, d("2012-11-20")); }, Status::not_found,
                 "no recommendation 3");
    expect_error([&] { complete_audit_recommendation(store, "PEP-1", 2, d("2012-08-01")); }, Status::invalid_arg,
                 "before the audit was held");
}

BOOST_AUTO_TEST_CASE(audits_link_to_the_plan_actions_they_evidence) {
    Store store = Store::open_in_memory();
    add_people(store);
    add_audit_programme(store, pep_programme());
    Plan plan;
    plan.title = "Improvement plan";
    Recommendation r;
    r.number = 4;
    r.text = "Improve PEPs";
    Action x;
    x.ref = "4.1";
    x.description = "PEP quality";
    r.actions.push_back(x);
    plan.recommendations.push_back(r);
    const std::int64_t plan_id = save_plan(store, plan);
    Audit a = counts_only("PEP-1", "2012-08-23", 8, 10);
    a.plan_actions = {{plan_id, "4.1"}};
    record_audit(store, a, england());
    record_audit(store, counts_only("PEP-2", "2012-11-22", 10, 8), england());
    link_audit_to_plan_action(store, "PEP-2", {plan_id, "4.1"});
    link_audit_to_plan_action(store, "PEP-2", {plan_id, "4.1"});  // again: a no-op
    BOOST_TEST((audits_for_plan_action(store, {plan_id, "4.1"}) == std::vector<std::string>{"PEP-1", "PEP-2"}));
    expect_error([&] { link_audit_to_plan_action(store, "PEP-2", {plan_id, "9.9"}); }, Status::not_found,
                 "has no action \"9.9\"");
    Audit bad = counts_only("PEP-3", "2012-11-22", 1, 1);
    bad.plan_actions = {{plan_id, "9.9"}};
    expect_error([&] { record_audit(store, bad, england()); }, Status::not_found, "has no action");
    BOOST_TEST(!try_find_audit(store, "PEP-3"));  // nothing stored
}

BOOST_AUTO_TEST_CASE(refusals_name_the_field_and_store_nothing) {
    Store store = Store::open_in_memory();
    add_people(store);
    AuditProgramme p = pep_programme();
    p.owner = "Nobody";
    expect_error([&] { add_audit_programme(store, p); }, Status::not_found, "owner: no person named \"Nobody\"");
    p = pep_programme();
    p.cycle = "fortnightly-ish";
    expect_error([&] { add_audit_programme(store, p); }, Status::invalid_arg, "PEP audit");
    p = pep_programme();
    p.type = "P E P!";
    expect_error([&] { add_audit_programme(store, p); }, Status::invalid_arg, "type");
    p = pep_programme();
    p.sampling.stratify = AuditStratum::attribute;
    expect_error([&] { add_audit_programme(store, p); }, Status::invalid_arg, "attribute");
    add_audit_programme(store, pep_programme());
    expect_error([&] { add_audit_programme(store, pep_programme()); }, Status::conflict, "already exists");

    Audit a = counts_only("PEP-1", "2012-08-23", 8, 10);
    a.counts["good"] = 1;
    expect_error([&] { record_audit(store, a, england()); }, Status::invalid_arg, "\"good\" is not on the scale");
    a = counts_only("PEP-1", "2012-08-23", 8, 10);
    a.recorded = d("2012-08-22");
    expect_error([&] { record_audit(store, a, england()); }, Status::invalid_arg, "before it was held");
    a = counts_only("PEP-1", "2012-08-23", 0, 0);
    expect_error([&] { record_audit(store, a, england()); }, Status::invalid_arg, "grades no case");
    a = counts_only("PEP-1", "2012-08-23", 8, 10);
    a.cases = {{0, std::string("C404"), "satisfactory", {}, ""}};
    expect_error([&] { record_audit(store, a, england()); }, Status::not_found, "case 1: no child with id \"C404\"");
    a = counts_only("PEP-1", "2012-08-23", 8, 10);
    a.recommendations = {{0, "Do it", "Nobody", d("2012-09-01"), std::nullopt}};
    expect_error([&] { record_audit(store, a, england()); }, Status::not_found, "recommendation 1 owner");
    a.recommendations = {{0, "Do it", "Designated Teacher", d("2012-08-01"), std::nullopt}};
    expect_error([&] { record_audit(store, a, england()); }, Status::invalid_arg, "before the audit was held");
    a = counts_only("PEP-1", "2012-08-23", 8, 10);
    a.programme = "Nope";
    expect_error([&] { record_audit(store, a, england()); }, Status::not_found, "no audit programme \"Nope\"");
    BOOST_TEST(list_audits(store).empty());
    record_audit(store, counts_only("PEP-1", "2012-08-23", 8, 10), england());
    expect_error([&] { record_audit(store, counts_only("pep-1", "2012-08-23", 1, 1), england()); }, Status::conflict,
                 "already exists");
}

BOOST_AUTO_TEST_CASE(the_record_document_is_read_with_its_places_named) {
    const Audit a = parse_audit_record(R"({"format":"oversight-audit-record","version":1,
        "reference":"PEP-1","programme":"PEP audit","held":"2012-08-23","recorded":"2012-08-30",
        "auditors":[{"name":"Virtual School Head"},{"name":"Designated Teacher","agency":"Education"}],
        "counts":{"satisfactory":8,"inadequate":10},
        "cases":[{"child":"C1","grade":"satisfactory","answers":{"targets_smart":"yes"}}],
        "recommendations":[{"text":"Train","owner":"Designated Teacher","due":"2012-10-31"}],
        "plan_actions":[{"plan":1,"action":"4.1"}]})");
    BOOST_TEST(a.reference == "PEP-1");
    BOOST_TEST((a.held == d("2012-08-23")));
    BOOST_TEST(a.counts.at("inadequate") == 10);
    BOOST_TEST(a.cases[0].answers.at("targets_smart") == "yes");
    BOOST_TEST(a.recommendations[0].number == 1);
    BOOST_TEST(a.plan_actions[0].action == "4.1");
    expect_error([] { parse_audit_record("{", "a.json"); }, Status::parse, "a.json");
    expect_error([] { parse_audit_record(R"({"format":"oversight-audit-record","version":1})"); }, Status::parse,
                 ".reference is missing");
    expect_error([] { parse_audit_record(R"({"format":"x","version":1})"); }, Status::parse, ".format");
    expect_error(
        [] {
            parse_audit_record(R"({"format":"oversight-audit-record","version":1,"reference":"R","programme":"P",
                "held":"2012-02-30","recorded":"2012-03-01"})");
        },
        Status::parse, ".held \"2012-02-30\" is not a date");
    expect_error(
        [] {
            parse_audit_record(R"({"format":"oversight-audit-record","version":1,"reference":"R","programme":"P",
                "held":"2012-02-03","recorded":"2012-03-01","counts":{"good":-1}})");
        },
        Status::parse, ".counts.good");
}

BOOST_AUTO_TEST_CASE(every_change_is_in_the_history) {
    Store store = Store::open_in_memory();
    add_people(store);
    add_audit_programme(store, pep_programme());
    Audit a = counts_only("PEP-1", "2012-08-23", 8, 10);
    a.recommendations = {{0, "Train", "Designated Teacher", d("2012-10-31"), std::nullopt}};
    record_audit(store, a, england());
    complete_audit_recommendation(store, "PEP-1", 1, d("2012-10-30"));
    std::set<std::string> entities;
    for (const Change& c : changes_since(store, 0, 1000).changes) entities.insert(c.entity);
    for (const char* e : {"audit_programme", "audit", "audit_recommendation"}) BOOST_TEST(entities.count(e) == 1u, e);
    const auto page = changes_since(store, 0, 1000, std::string("audit_recommendation"));
    BOOST_TEST(std::any_of(page.changes.begin(), page.changes.end(), [](const Change& c) {
        return c.field == "completed" && c.new_value == std::optional<std::string>("2012-10-30");
    }));
}

BOOST_AUTO_TEST_SUITE_END()
