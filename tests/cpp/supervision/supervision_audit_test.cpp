// The supervision audit (include/oversight/supervision/supervision_audit.hpp):
// the same seed draws the same sessions, through the audit subsystem's
// sampler; n per supervisor; each session graded against the standard's
// five criteria, with per criterion proportions and 95% Wilson intervals
// computed by hand; the audit recorded as an audit of type "supervision".
#include <boost/test/unit_test.hpp>

#include "support/expect_error.hpp"

#include <oversight/audit/audit.hpp>
#include <oversight/store/store.hpp>
#include <oversight/supervision/supervision.hpp>
#include <oversight/supervision/supervision_audit.hpp>
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/person.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

using namespace oversight;
using test::expect_error;

namespace {

Date d(const char* iso) { return Date::parse_iso(iso); }
double round1(double share) { return std::round(share * 1000.0) / 10.0; }  // percent, one decimal

struct Fixture {
    Store store = Store::open_in_memory();
    Fixture() {
        for (const char* name : {"Ann Newby", "Bob Hart", "Tom Reed", "Sue Bell", "Head of Service"})
            add_person(store, {0, name, "", "", ""});
        appoint(store, {0, "Tom Reed", Role::team_manager, "", "", d("2020-01-06"), std::nullopt});
        appoint(store, {0, "Sue Bell", Role::team_manager, "", "", d("2020-01-06"), std::nullopt});
        appoint(store, {0, "Ann Newby", Role::social_worker, "", "Tom Reed", d("2021-09-06"), std::nullopt});
        appoint(store, {0, "Bob Hart", Role::social_worker, "", "Sue Bell", d("2021-09-06"), std::nullopt});
    }
    std::int64_t add(const char* held, const char* supervisee, const char* supervisor,
                     std::vector<std::string> criteria) {
        SupervisionRecord r;
        r.supervisee = supervisee;
        r.supervisor = supervisor;
        r.held = d(held);
        r.recorded = d(held);
        r.criteria = std::move(criteria);
        return record_supervision(store, r);
    }
};

std::vector<std::int64_t> sessions_of(const SupervisionAudit& a) {
    std::vector<std::int64_t> out;
    for (const SupervisionAuditItem& i : a.items) out.push_back(i.session);
    return out;
}

const SupervisionCriterionResult& criterion(const SupervisionAudit& a, const std::string& id) {
    auto it = std::find_if(a.criteria.begin(), a.criteria.end(),
                           [&](const SupervisionCriterionResult& c) { return c.id == id; });
    BOOST_TEST_REQUIRE((it != a.criteria.end()), id);
    return *it;
}
const SupervisionCriterionResult& criterion(SupervisionAudit&& a, const std::string& id) = delete;

}  // namespace

BOOST_AUTO_TEST_SUITE(supervision_audit_tests)

// Four sessions of January 2026 and one of February (outside the period).
// Criteria evidenced (england.toml's five):
//   s1 all five; s2 actions_tracked, reflective; s3 actions_tracked,
//   impact_evaluated, reflective; s4 none.
// Every session audited (no sample size): n = 4.
//   actions_tracked 3/4 (75.0%), impact_evaluated 2/4 (50.0%),
//   story_of_the_child 1/4 (25.0%), reflective 3/4, development_needs 1/4.
// Wilson (z = 1.959964, z^2 = 3.841459, z^2/n = 0.960365, 1 + z^2/n = 1.960365):
//   2/4: centre (0.5 + 0.480182) / 1.960365 = 0.5,
//        half z sqrt(0.0625 + 0.060023) / 1.960365 = 1.959964 * 0.350033 / 1.960365 = 0.349961
//        -> 15.0% .. 85.0%
//   3/4: centre (0.75 + 0.480182) / 1.960365 = 0.627527,
//        half 1.959964 sqrt(0.046875 + 0.060023) / 1.960365 = 0.326885 -> 30.1% .. 95.4%
//   1/4: the mirror of 3/4 -> 4.6% .. 69.9%
// Graded satisfactory with all five: s1 only, 1/4; with at least two: s1, s2, s3, 3/4.
BOOST_FIXTURE_TEST_CASE(criteria_proportions_by_hand, Fixture) {
    const auto s1 = add("2026-01-05", "Ann Newby", "Tom Reed",
                        {"actions_tracked", "impact_evaluated", "story_of_the_child", "reflective", "development_needs"});
    const auto s2 = add("2026-01-12", "Bob Hart", "Sue Bell", {"actions_tracked", "reflective"});
    const auto s3 = add("2026-01-30", "Ann Newby", "Tom Reed", {"reflective", "impact_evaluated", "actions_tracked"});
    const auto s4 = add("2026-01-31", "Bob Hart", "Sue Bell", {});
    add("2026-02-02", "Ann Newby", "Tom Reed", {"reflective"});

    SupervisionAuditOptions o;
    o.from = d("2026-01-01");
    o.to = d("2026-01-31");
    const SupervisionAudit a = supervision_audit(store, o);
    BOOST_TEST(a.sessions == 4);
    BOOST_TEST((sessions_of(a) == std::vector<std::int64_t>{s1, s2, s3, s4}));
    BOOST_TEST(a.threshold == 5);
    BOOST_TEST(criterion(a, "actions_tracked").evidenced.k == 3);
    BOOST_TEST(criterion(a, "actions_tracked").evidenced.n == 4);
    BOOST_TEST(criterion(a, "impact_evaluated").evidenced.k == 2);
    BOOST_TEST(criterion(a, "story_of_the_child").evidenced.k == 1);
    BOOST_TEST(criterion(a, "reflective").evidenced.k == 3);
    BOOST_TEST(criterion(a, "development_needs").evidenced.k == 1);
    const Proportion half = criterion(a, "impact_evaluated").evidenced;
    BOOST_TEST(round1(half.share) == 50.0);
    BOOST_TEST(round1(half.low) == 15.0);
    BOOST_TEST(round1(half.high) == 85.0);
    const Proportion three = criterion(a, "reflective").evidenced;
    BOOST_TEST(round1(three.share) == 75.0);
    BOOST_TEST(round1(three.low) == 30.1);
    BOOST_TEST(round1(three.high) == 95.4);
    const Proportion one = criterion(a, "development_needs").evidenced;
    BOOST_TEST(round1(one.low) == 4.6);
    BOOST_TEST(round1(one.high) == 69.9);
    BOOST_TEST(a.satisfactory.k == 1);
    BOOST_TEST(a.items[0].grade == "satisfactory");
    BOOST_TEST(a.items[1].grade == "inadequate");
    BOOST_TEST((a.items[1].missing == std::vector<std::string>{"impact_evaluated", "story_of_the_child",
                                                                 "development_needs"}));
    BOOST_TEST(a.items[3].evidenced.empty());

    o.min_criteria = 2;
    const SupervisionAudit two = supervision_audit(store, o);
    BOOST_TEST(two.satisfactory.k == 3);
    BOOST_TEST(round1(two.satisfactory.low) == 30.1);

    const auto doc = nlohmann::json::parse(supervision_audit_to_json(two));
    BOOST_TEST(doc["format"] == "oversight-supervision-audit");
    BOOST_TEST(doc["min_criteria"] == 2);
    BOOST_TEST(doc["criteria"][0]["evidenced"]["k"] == 3);
    BOOST_TEST(doc["items"].size() == 4u);
    const std::string text = supervision_audit_to_text(two);
    BOOST_TEST(text.find("reflective: 3 of 4 (75.0%, 95% CI 30.1%-95.4%)") != std::string::npos, text);
}

// The same seed draws the same sessions, n per supervisor, and the draw is
// the audit subsystem's sampler over each supervisor's sessions in id order.
BOOST_FIXTURE_TEST_CASE(same_seed_same_sample_n_per_supervisor, Fixture) {
    std::vector<std::int64_t> tom, sue;
    const char* days[] = {"2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30", "2026-04-06", "2026-04-13"};
    for (const char* day : days) {
        tom.push_back(add(day, "Ann Newby", "Tom Reed", {"reflective"}));
        sue.push_back(add(day, "Bob Hart", "Sue Bell", {}));
    }
    SupervisionAuditOptions o;
    o.from = d("2026-03-01");
    o.to = d("2026-04-30");
    o.per_supervisor = 3;
    o.seed = 20121212;
    const SupervisionAudit a = supervision_audit(store, o);
    const SupervisionAudit again = supervision_audit(store, o);
    BOOST_TEST(sessions_of(a) == sessions_of(again));
    BOOST_TEST_REQUIRE(a.strata.size() == 2u);
    BOOST_TEST(a.strata[0].stratum == "Sue Bell");
    BOOST_TEST(a.strata[1].stratum == "Tom Reed");
    for (const StratumDraw& s : a.strata) {
        BOOST_TEST(s.eligible == 7);
        BOOST_TEST(s.drawn == 3);
    }
    BOOST_TEST(a.items.size() == 6u);
    // Per stratum, the positions draw_positions gives for that supervisor's name.
    std::vector<std::int64_t> expected;
    for (const auto& [name, ids] : {std::pair<std::string, std::vector<std::int64_t>>{"Sue Bell", sue},
                                    std::pair<std::string, std::vector<std::int64_t>>{"Tom Reed", tom}})
        for (std::size_t i : draw_positions(ids.size(), 3, o.seed, name)) expected.push_back(ids[i]);
    BOOST_TEST(sessions_of(a) == expected);
    for (const SupervisionAuditItem& i : a.items) BOOST_TEST(i.stratum == i.supervisor);

    // Another seed draws another sample for at least one of ten seeds.
    std::set<std::vector<std::int64_t>> samples;
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        o.seed = seed;
        samples.insert(sessions_of(supervision_audit(store, o)));
    }
    BOOST_TEST(samples.size() > 1u);

    // More per supervisor than held: all of them; a sample size in all.
    o.per_supervisor = 10;
    BOOST_TEST(supervision_audit(store, o).items.size() == 14u);
    o.per_supervisor = 0;
    o.sample_size = 5;
    const SupervisionAudit five = supervision_audit(store, o);
    BOOST_TEST(five.items.size() == 5u);
    BOOST_TEST(five.strata.size() == 1u);
    const auto ids = sessions_of(five);
    BOOST_TEST(std::set<std::int64_t>(ids.begin(), ids.end()).size() == 5u);
}

// Recorded as an audit of type "supervision" on the two-point scale: the
// sessions are the audited items, their answers the criteria.
BOOST_FIXTURE_TEST_CASE(recorded_as_an_audit_of_type_supervision, Fixture) {
    add("2026-01-05", "Ann Newby", "Tom Reed",
        {"actions_tracked", "impact_evaluated", "story_of_the_child", "reflective", "development_needs"});
    const auto s2 = add("2026-01-12", "Bob Hart", "Sue Bell", {"actions_tracked"});
    AuditProgramme p;
    p.name = "Supervision audit";
    p.type = "supervision";
    p.owner = "Head of Service";
    p.scale = two_point_scale();
    add_audit_programme(store, p);
    SupervisionAuditOptions o;
    o.from = d("2026-01-01");
    o.to = d("2026-01-31");
    const Audit audit =
        supervision_audit_as_audit(supervision_audit(store, o), "SUP-2026-01", "Supervision audit", d("2026-02-03"),
                                   d("2026-02-04"));
    BOOST_TEST_REQUIRE(audit.cases.size() == 2u);
    BOOST_TEST(audit.cases[1].answers.at("actions_tracked") == "yes");
    BOOST_TEST(audit.cases[1].answers.at("reflective") == "no");
    BOOST_TEST(audit.cases[1].findings.find("supervision " + std::to_string(s2) + ": Bob Hart supervised by Sue Bell") !=
               std::string::npos);
    record_audit(store, audit, Calendar::for_division(Division::england_and_wales));
    const AuditResult r = audit_result(store, "SUP-2026-01");
    BOOST_TEST(r.type == "supervision");
    BOOST_TEST(r.audited == 2);
    BOOST_TEST(r.positive.k == 1);
}

BOOST_FIXTURE_TEST_CASE(bad_options_are_refused, Fixture) {
    SupervisionAuditOptions o;
    o.from = d("2026-02-01");
    o.to = d("2026-01-31");
    expect_error([&] { supervision_audit(store, o); }, Status::invalid_arg, "before from");
    o.to = d("2026-02-28");
    o.min_criteria = 6;
    expect_error([&] { supervision_audit(store, o); }, Status::invalid_arg, "min_criteria 6 is outside 0..5");
    o.min_criteria = 0;
    o.per_supervisor = -1;
    expect_error([&] { supervision_audit(store, o); }, Status::invalid_arg, "per_supervisor");
    o.per_supervisor = 0;
    const SupervisionAudit none = supervision_audit(store, o);
    BOOST_TEST(none.items.empty());
    BOOST_TEST(none.satisfactory.n == 0);
}

BOOST_AUTO_TEST_SUITE_END()
