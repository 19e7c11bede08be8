// Audit samples "n cases per team manager" (issue 10 point 1;
// AuditStratum::manager): a case's stratum is the line manager of its
// allocated worker on the day of the draw. The fixture: two managers over
// three workers in two teams, so that the manager strata differ from the
// team strata, and a worker whose manager changes, then who has none.
#include <boost/test/unit_test.hpp>

#include "support/expect_error.hpp"

#include <oversight/audit/audit.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/store/store.hpp>
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/person.hpp>
#include <oversight/workforce/team.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

using namespace oversight;
using test::expect_error;

namespace {

Date d(const char* iso) { return Date::parse_iso(iso); }

/// Teams North and South; managers Mia Grant and Raj Patel; workers
///   Ann Lee (North, managed by Mia Grant)  holds C01 C02 C03 C04
///   Bo Chan (South, managed by Mia Grant)  holds C05 C06 C07
///   Cy Dunn (South, managed by Raj Patel)  holds C08 C09 C10
/// all from 2012-01-02; from 2012-09-03 Cy Dunn is managed by Mia Grant,
/// from 2012-10-01 by nobody. C11 is allocated to Ann Lee from 2012-08-02
/// only. Programme "Manager audit": 2 cases per manager.
void manager_world(Store& store) {
    save_team(store, {"North", "", ""});
    save_team(store, {"South", "", ""});
    for (const char* name : {"Mia Grant", "Raj Patel", "Ann Lee", "Bo Chan", "Cy Dunn", "Head of Service"})
        add_person(store, {0, name, "", "", ""});
    appoint(store, {0, "Mia Grant", Role::team_manager, "North", "", d("2010-01-04"), std::nullopt});
    appoint(store, {0, "Raj Patel", Role::team_manager, "South", "", d("2010-01-04"), std::nullopt});
    appoint(store, {0, "Ann Lee", Role::social_worker, "North", "Mia Grant", d("2011-01-03"), std::nullopt});
    appoint(store, {0, "Bo Chan", Role::social_worker, "South", "Mia Grant", d("2011-01-03"), std::nullopt});
    appoint(store, {0, "Cy Dunn", Role::social_worker, "South", "Raj Patel", d("2011-01-03"), std::nullopt});
    appoint(store, {0, "Cy Dunn", Role::social_worker, "South", "Mia Grant", d("2012-09-03"), std::nullopt});
    appoint(store, {0, "Cy Dunn", Role::social_worker, "South", "", d("2012-10-01"), std::nullopt});
    const char* holders[] = {"Ann Lee", "Ann Lee", "Ann Lee", "Ann Lee", "Bo Chan",
                             "Bo Chan", "Bo Chan", "Cy Dunn", "Cy Dunn", "Cy Dunn"};
    for (int i = 1; i <= 10; ++i) {
        const std::string id = (i < 10 ? "C0" : "C") + std::to_string(i);
        save_child(store, {id, d("2005-01-01")});
        allocate(store, id, holders[i - 1], d("2012-01-02"));
    }
    save_child(store, {"C11", d("2005-01-01")});
    allocate(store, "C11", "Ann Lee", d("2012-08-02"));
    AuditProgramme p;
    p.name = "Manager audit";
    p.type = "management";
    p.cycle = "monthly";
    p.owner = "Head of Service";
    p.sampling.per_stratum = 2;
    p.sampling.stratify = AuditStratum::manager;
    add_audit_programme(store, p);
}

std::vector<std::string> ids(const AuditSample& s, const std::string& stratum) {
    std::vector<std::string> out;
    for (const SampledCase& c : s.cases)
        if (c.stratum == stratum) out.push_back(c.child_id);
    return out;
}

/// The cases the sampler must draw from a stratum whose eligible cases are
/// `pool` (in child id order): the positions draw_positions gives for the
/// stratum's name (audit.hpp documents the draw as exactly this).
std::vector<std::string> expected(const std::vector<std::string>& pool, std::size_t k, std::uint64_t seed,
                                  const std::string& stratum) {
    std::vector<std::string> out;
    for (std::size_t i : draw_positions(pool.size(), k, seed, stratum)) out.push_back(pool.at(i));
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(audit_manager_stratum)

BOOST_AUTO_TEST_CASE(manager_is_a_stratum_by_name) {
    BOOST_TEST(to_string(AuditStratum::manager) == "manager");
    BOOST_TEST((parse_audit_stratum("manager") == AuditStratum::manager));
    expect_error([] { parse_audit_stratum("managers"); }, Status::invalid_arg, "managers");
    Store store = Store::open_in_memory();
    manager_world(store);
    const auto p = try_find_audit_programme(store, "Manager audit");
    BOOST_REQUIRE(p);
    BOOST_TEST((p->sampling.stratify == AuditStratum::manager));
    const auto doc = nlohmann::json::parse(audit_programmes_to_json(list_audit_programmes(store)));
    BOOST_TEST(doc["programmes"][0]["stratify"] == "manager");
    // An attribute belongs to stratify "attribute" only.
    AuditProgramme bad = *p;
    bad.name = "Bad";
    bad.sampling.attribute = "audit_group";
    expect_error([&] { add_audit_programme(store, bad); }, Status::invalid_arg, "stratified by manager");
}

BOOST_AUTO_TEST_CASE(two_cases_per_manager_on_the_day_of_the_draw) {
    Store store = Store::open_in_memory();
    manager_world(store);
    // 2012-08-01: Mia Grant manages Ann Lee (C01-C04) and Bo Chan (C05-C07):
    // 7 cases across both teams; Raj Patel manages Cy Dunn (C08-C10): 3.
    // C11 is not open yet. Two strata, 2 drawn from each: 4 cases.
    const AuditSample a = draw_audit_sample(store, "Manager audit", d("2012-08-01"), 20120801);
    BOOST_REQUIRE(a.strata.size() == 2u);
    BOOST_TEST(a.strata[0].stratum == "Mia Grant");  // strata by name
    BOOST_TEST(a.strata[0].eligible == 7);
    BOOST_TEST(a.strata[0].excluded == 0);
    BOOST_TEST(a.strata[0].drawn == 2);
    BOOST_TEST(a.strata[1].stratum == "Raj Patel");
    BOOST_TEST(a.strata[1].eligible == 3);
    BOOST_TEST(a.strata[1].drawn == 2);
    BOOST_TEST(a.cases.size() == 4u);
    BOOST_TEST(ids(a, "Mia Grant") ==
               expected({"C01", "C02", "C03", "C04", "C05", "C06", "C07"}, 2, 20120801, "Mia Grant"));
    BOOST_TEST(ids(a, "Raj Patel") == expected({"C08", "C09", "C10"}, 2, 20120801, "Raj Patel"));
    for (const SampledCase& c : a.cases) {
        // The case keeps its worker and team; the stratum is their manager.
        if (c.stratum == "Raj Patel") BOOST_TEST(c.worker == "Cy Dunn");
        else BOOST_TEST((c.worker == "Ann Lee" || c.worker == "Bo Chan"), c.worker);
    }
    // Same seed, same sample; the JSON says the stratum.
    const AuditSample again = draw_audit_sample(store, "Manager audit", d("2012-08-01"), 20120801);
    BOOST_TEST(ids(again, "Mia Grant") == ids(a, "Mia Grant"));
    BOOST_TEST(ids(again, "Raj Patel") == ids(a, "Raj Patel"));
    const auto doc = nlohmann::json::parse(audit_sample_to_json(a));
    BOOST_TEST(doc["strata"][1]["stratum"] == "Raj Patel");
    BOOST_TEST(doc["strata"][1]["eligible"] == 3);

    // 2012-09-10: Cy Dunn is managed by Mia Grant, so she has every open
    // case: C01-C11 (C11 open from 2012-08-02), 11 cases, one stratum.
    const AuditSample september = draw_audit_sample(store, "Manager audit", d("2012-09-10"), 5);
    BOOST_REQUIRE(september.strata.size() == 1u);
    BOOST_TEST(september.strata[0].stratum == "Mia Grant");
    BOOST_TEST(september.strata[0].eligible == 11);
    BOOST_TEST(september.strata[0].drawn == 2);

    // 2012-10-01: Cy Dunn has no line manager: C08-C10 go to "(none)",
    // which sorts before the managers' names ('(' < 'M').
    const AuditSample october = draw_audit_sample(store, "Manager audit", d("2012-10-01"), 5);
    BOOST_REQUIRE(october.strata.size() == 2u);
    BOOST_TEST(october.strata[0].stratum == "(none)");
    BOOST_TEST(october.strata[0].eligible == 3);
    BOOST_TEST(october.strata[1].stratum == "Mia Grant");
    BOOST_TEST(october.strata[1].eligible == 8);
    BOOST_TEST(ids(october, "(none)") == expected({"C08", "C09", "C10"}, 2, 5, "(none)"));
    BOOST_TEST(ids(october, "Mia Grant") ==
               expected({"C01", "C02", "C03", "C04", "C05", "C06", "C07", "C11"}, 2, 5, "Mia Grant"));
}

BOOST_AUTO_TEST_CASE(a_manager_with_fewer_cases_than_asked_gives_them_all_and_exclusion_holds) {
    Store store = Store::open_in_memory();
    manager_world(store);
    // Audit two of Raj Patel's three cases on 2012-08-10; a draw on
    // 2012-08-20 (within 12 months) leaves them out: C08-C10 less the two,
    // one left, drawn although 2 are asked for.
    const AuditSample first = draw_audit_sample(store, "Manager audit", d("2012-08-01"), 9);
    const std::vector<std::string> raj = ids(first, "Raj Patel");
    BOOST_REQUIRE(raj.size() == 2u);
    Audit audit;
    audit.reference = "MGR-AUG";
    audit.programme = "Manager audit";
    audit.held = d("2012-08-10");
    audit.recorded = d("2012-08-10");
    for (const std::string& id : raj) audit.cases.push_back({0, id, "good", {}, ""});
    record_audit(store, audit, Calendar::for_division(Division::england_and_wales));
    const AuditSample later = draw_audit_sample(store, "Manager audit", d("2012-08-20"), 9);
    BOOST_REQUIRE(later.strata.size() == 2u);
    BOOST_TEST(later.strata[1].stratum == "Raj Patel");
    BOOST_TEST(later.strata[1].eligible == 3);
    BOOST_TEST(later.strata[1].excluded == 2);
    BOOST_TEST(later.strata[1].drawn == 1);
    const std::vector<std::string> left = ids(later, "Raj Patel");
    BOOST_REQUIRE(left.size() == 1u);
    BOOST_TEST(left[0] != raj[0]);
    BOOST_TEST(left[0] != raj[1]);
    BOOST_TEST(later.strata[0].drawn == 2);  // Mia Grant's draw is untouched by the exclusion
}

BOOST_AUTO_TEST_SUITE_END()
