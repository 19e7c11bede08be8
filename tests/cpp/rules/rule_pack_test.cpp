// Rule packs as data: the default England pack, TOML errors, layering.
#include <boost/test/unit_test.hpp>

#include <oversight/core/error.hpp>
#include <oversight/rules/rule.hpp>
#include <oversight/rules/rule_pack.hpp>
#include <oversight/rules/schedule.hpp>

#include <fstream>
#include <sstream>
#include <string>

using namespace oversight;

namespace {

const std::string kData = OVERSIGHT_PROJECT_DATA_DIR;

/// Runs f, which must throw Error(code); returns the message.
template <class F>
std::string error_of(F&& f, Status code) {
    try {
        f();
    } catch (const Error& e) {
        BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(code));
        return e.what();
    }
    BOOST_FAIL("no exception");
    return "";
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// A minimal valid rule; tests splice in one defect at a time.
const std::string kHeader = "name = \"test\"\n";
std::string rule(const std::string& extra, const std::string& id_line = "id = \"t.rule\"\n") {
    return "[[rule]]\n" + id_line +
           "title = \"T\"\nkind = \"within\"\ntrigger = \"a\"\nsatisfied_by = [\"b\"]\n"
           "source = \"S\"\nstatus = \"local\"\n" +
           extra;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rules)

BOOST_AUTO_TEST_CASE(england_default_has_sources_and_statuses_as_researched) {
    const RulePack pack = RulePack::england_default();
    BOOST_TEST(pack.name() == "england");
    BOOST_TEST(pack.rules().size() >= 40u);
    for (const Rule& r : pack.rules()) {
        BOOST_TEST_CONTEXT(r.id) {
            BOOST_TEST(!r.title.empty());
            BOOST_TEST(!r.source.empty());
            BOOST_TEST(!r.trigger.empty());
            BOOST_TEST(!r.satisfied_by.empty());
            // A precondition may be due on its trigger's own day (the FGDM offer in the letter).
            BOOST_TEST((r.duration.count > 0 || r.kind == RuleKind::precondition));
            BOOST_TEST(r.layer == "england");
            BOOST_TEST(r.jurisdiction == "england");
            // National rules only: local frequencies live in a local pack.
            BOOST_CHECK(r.status != SourceStatus::local);
        }
    }
    // Statuses exactly as shared/domain/statutory-timescales.md marks them.
    struct Expect {
        const char* id;
        SourceStatus status;
        const char* source_part;
        Duration duration;
    };
    const Expect expected[] = {
        {"lac.visit.first", SourceStatus::confirmed, "reg 28(2)(a)", {1, Unit::weeks}},
        {"lac.visit.year1", SourceStatus::confirmed, "reg 28(2)(b)", {6, Unit::weeks}},
        {"lac.visit.after_year1.permanent", SourceStatus::confirmed, "reg 28(2)(c)(i)", {3, Unit::months}},
        {"lac.visit.after_year1.long_term_foster", SourceStatus::secondary, "SI 2015/495", {6, Unit::months}},
        {"lac.visit.connected_person.after_review", SourceStatus::confirmed, "reg 28(4)", {4, Unit::weeks}},
        {"lac.visit.other_arrangements.after_year1", SourceStatus::unconfirmed, "reg 28(6)", {3, Unit::months}},
        {"lac.review.first", SourceStatus::confirmed, "reg 33(1)", {20, Unit::working_days}},
        {"lac.care_plan", SourceStatus::confirmed, "reg 4(2)", {10, Unit::working_days}},
        {"lac.placement_plan", SourceStatus::unconfirmed, "reg 9", {5, Unit::working_days}},
        {"pep.initiation", SourceStatus::secondary, "2018", {10, Unit::working_days}},
        {"pep.initiation.school_days", SourceStatus::secondary, "2000", {20, Unit::school_days}},
        {"cp.icpc", SourceStatus::confirmed, "Working Together", {15, Unit::working_days}},
        {"cp.core_group.first", SourceStatus::secondary, "Working Together", {10, Unit::working_days}},
        {"cp.review.first", SourceStatus::secondary, "Working Together", {3, Unit::months}},
        {"assessment.single", SourceStatus::confirmed, "Working Together 2013", {45, Unit::working_days}},
        {"leaving_care.pa_visit.first", SourceStatus::confirmed, "reg 8(2)", {7, Unit::calendar_days}},
        {"complaints.stage2.maximum", SourceStatus::secondary, "reg 17", {65, Unit::working_days}},
        {"complaints.stage3.panel", SourceStatus::confirmed, "reg 19(4)", {30, Unit::working_days}},
        {"lac.visit.after_year1.long_term_foster.without_agreement", SourceStatus::confirmed, "reg 28(2)(c)(i)",
         {3, Unit::months}},
        {"lac.visit.short_breaks.first", SourceStatus::unconfirmed, "reg 48(3)(c)", {3, Unit::months}},
        {"lac.review.short_breaks", SourceStatus::unconfirmed, "reg 48(3)", {6, Unit::months}},
        {"lac.short_breaks.stay", SourceStatus::secondary, "reg 48(2)(c)(i)", {17, Unit::calendar_days}},
        {"court.epo.duration", SourceStatus::unconfirmed, "s45(1)", {8, Unit::calendar_days}},
        {"pre_proceedings.fgdm_offer", SourceStatus::confirmed, "2026 (c. 21) s1", {0, Unit::calendar_days}},
    };
    for (const Expect& e : expected) {
        BOOST_TEST_CONTEXT(e.id) {
            const Rule& r = pack.get(e.id);
            BOOST_TEST(static_cast<int>(r.status) == static_cast<int>(e.status));
            BOOST_TEST(contains(r.source, e.source_part), r.source);
            BOOST_CHECK(r.duration == e.duration);
        }
    }
    // The legacy school-days PEP rule and the complainant's windows are
    // listed but not scheduled; CP visits are not in the national pack.
    BOOST_TEST(!pack.get("pep.initiation.school_days").enabled);
    BOOST_TEST(!pack.get("complaints.stage2.request").enabled);
    BOOST_TEST(pack.get("pep.initiation").enabled);
    BOOST_TEST(pack.find("cp.visit") == nullptr);
    BOOST_TEST(pack.find("cp.core_group") == nullptr);
    // Complaints stages 10/20/25/65/20/30/5/15 working days.
    int stages[8] = {};
    const char* ids[8] = {"complaints.stage1",         "complaints.stage1.extended", "complaints.stage2",
                          "complaints.stage2.maximum", "complaints.stage3.request",  "complaints.stage3.panel",
                          "complaints.stage3.report",  "complaints.stage3.response"};
    for (int i = 0; i < 8; ++i) {
        BOOST_CHECK(pack.get(ids[i]).duration.unit == Unit::working_days);
        stages[i] = pack.get(ids[i]).duration.count;
    }
    const int want[8] = {10, 20, 25, 65, 20, 30, 5, 15};
    BOOST_CHECK_EQUAL_COLLECTIONS(stages, stages + 8, want, want + 8);
}

BOOST_AUTO_TEST_CASE(embedded_pack_matches_the_installed_file) {
    // The compiled-in copy must be the file in data/rules (CMake regenerates it).
    const RulePack embedded = RulePack::england_default();
    const RulePack file = RulePack::from_file(kData + "/rules/england.toml");
    BOOST_TEST(file.name() == "england");
    BOOST_TEST(embedded.rules().size() == file.rules().size());
    for (std::size_t i = 0; i < file.rules().size() && i < embedded.rules().size(); ++i)
        BOOST_CHECK_MESSAGE(embedded.rules()[i] == file.rules()[i], file.rules()[i].id);
}

BOOST_AUTO_TEST_CASE(assessment_eras_are_in_force_by_trigger_date) {
    const RulePack pack = RulePack::england_default();
    const Rule& initial2010 = pack.get("assessment.initial.2010");
    const Rule& single = pack.get("assessment.single");
    const Rule& core = pack.get("assessment.core");
    const Date before = Date::parse_iso("2013-04-14"), on = Date::parse_iso("2013-04-15");
    BOOST_TEST(initial2010.in_force_on(before));
    BOOST_TEST(!initial2010.in_force_on(on));
    BOOST_TEST(core.in_force_on(before));
    BOOST_TEST(!core.in_force_on(on));
    BOOST_TEST(!single.in_force_on(before));
    BOOST_TEST(single.in_force_on(on));
    BOOST_TEST(pack.get("assessment.initial.2000").in_force_on(Date::parse_iso("2005-06-01")));
    BOOST_TEST(!pack.get("assessment.initial.2000").in_force_on(Date::parse_iso("2011-06-01")));
}

BOOST_AUTO_TEST_CASE(minimal_pack_and_count_unit_form) {
    const RulePack p = RulePack::from_toml(kHeader + rule("count = 3\nunit = \"working days\"\n"), "mine");
    BOOST_TEST(p.name() == "test");
    BOOST_REQUIRE(p.rules().size() == 1u);
    const Rule& r = p.rules()[0];
    BOOST_TEST(r.layer == "mine");
    BOOST_CHECK(r.duration == (Duration{3, Unit::working_days}));
    BOOST_CHECK(r.kind == RuleKind::within);
    BOOST_TEST(r.area == "general");
    // Without a layer argument the pack's name is the layer.
    BOOST_TEST(RulePack::from_toml(kHeader + rule("duration = \"2 weeks\"\n"), "").rules()[0].layer == "test");
}

BOOST_AUTO_TEST_CASE(toml_errors_name_the_rule_and_field) {
    // Unknown key: a typo must not pass silently.
    std::string m = error_of([] { RulePack::from_toml(kHeader + rule("durations = \"10 working days\"\n"), "council"); },
                             Status::parse);
    BOOST_TEST(contains(m, "t.rule"), m);
    BOOST_TEST(contains(m, "durations"), m);
    BOOST_TEST(contains(m, "council:"), m);
    BOOST_TEST(contains(m, "unknown"), m);

    // Bad duration.
    m = error_of([] { RulePack::from_toml(kHeader + rule("duration = \"10 wrking days\"\n"), "council"); },
                 Status::parse);
    BOOST_TEST(contains(m, "rule 't.rule'"), m);
    BOOST_TEST(contains(m, "field 'duration'"), m);
    BOOST_TEST(contains(m, "wrking"), m);

    // Missing id: the rule is named by its position.
    m = error_of(
        [] {
            RulePack::from_toml(kHeader + rule("duration = \"1 week\"\n") + rule("duration = \"1 week\"\n", ""),
                                "council");
        },
        Status::parse);
    BOOST_TEST(contains(m, "rule #2"), m);
    BOOST_TEST(contains(m, "field 'id'"), m);

    // Unknown pack-level key; missing pack name.
    m = error_of([] { RulePack::from_toml(kHeader + "versoin = \"1\"\n", "council"); }, Status::parse);
    BOOST_TEST(contains(m, "versoin"), m);
    m = error_of([] { RulePack::from_toml(rule("duration = \"1 week\"\n"), "council"); }, Status::parse);
    BOOST_TEST(contains(m, "'name'"), m);

    // Wrong values and types.
    struct Case {
        std::string extra;
        const char* field;
    };
    const Case cases[] = {
        {"duration = 10\n", "duration"},
        {"duration = \"0 days\"\n", "duration"},
        {"duration = \"1 week\"\ncount = 7\n", "duration"},
        {"count = 7\n", "unit"},
        {"count = 7\nunit = \"fortnights\"\n", "unit"},
        {"duration = \"1 week\"\nfrom_occurrence = 1\n", "from_occurrence"},
        {"duration = \"1 week\"\nwhen = { placement_type = 3 }\n", "when.placement_type"},
        {"duration = \"1 week\"\neffective_from = \"2013-02-30\"\n", "effective_from"},
        {"duration = \"1 week\"\neffective_from = 2013-01-01\neffective_until = 2012-01-01\n", "effective_until"},
        {"duration = \"1 week\"\nenabled = \"yes\"\n", "enabled"},
        {"duration = \"1 week\"\nactive_until = \"soon\"\n", "active_until"},
    };
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT(c.extra) {
            m = error_of([&] { RulePack::from_toml(kHeader + rule(c.extra), "council"); }, Status::parse);
            BOOST_TEST(contains(m, "t.rule"), m);
            BOOST_TEST(contains(m, std::string("field '") + c.field + "'"), m);
        }
    }
    // Enumerations.
    m = error_of(
        [] {
            RulePack::from_toml(kHeader + "[[rule]]\nid = \"x\"\ntitle = \"T\"\nkind = \"within\"\ntrigger = \"a\"\n"
                                          "satisfied_by = [\"b\"]\nsource = \"S\"\nstatus = \"certain\"\n"
                                          "duration = \"1 week\"\n",
                                "council");
        },
        Status::parse);
    BOOST_TEST(contains(m, "'certain'"), m);
    BOOST_TEST(contains(m, "field 'status'"), m);

    // Duplicate ids, with both lines.
    m = error_of([] { RulePack::from_toml(kHeader + rule("duration = \"1 week\"\n") + rule("duration = \"1 week\"\n"),
                                          "council"); },
                 Status::parse);
    BOOST_TEST(contains(m, "twice"), m);

    // TOML syntax errors carry line and column.
    m = error_of([] { RulePack::from_toml("name = \"x\"\n[[rule]\n", "council"); }, Status::parse);
    BOOST_TEST(contains(m, "council:2:"), m);
}

BOOST_AUTO_TEST_CASE(from_file_errors_name_the_file) {
    const std::string missing = kData + "/rules/no-such-pack.toml";
    std::string m = error_of([&] { RulePack::from_file(missing); }, Status::io);
    BOOST_TEST(contains(m, "no-such-pack.toml"), m);
    // A directory is not a pack: Error(io), not a parse error.
    m = error_of([&] { RulePack::from_file(kData + "/rules"); }, Status::io);
    BOOST_TEST(contains(m, "it is a directory"), m);

    // A parse error in a file names the file and line.
    const std::string path = "rules_test_bad_pack.toml";
    {
        std::ofstream out(path);
        out << kHeader << rule("duration = \"1 week\"\nsatisfied = [\"x\"]\n");
    }
    m = error_of([&] { RulePack::from_file(path); }, Status::parse);
    BOOST_TEST(contains(m, path + ":"), m);
    BOOST_TEST(contains(m, "satisfied"), m);
    std::remove(path.c_str());
}

BOOST_AUTO_TEST_CASE(local_layer_overrides_by_id_and_reports_its_layer) {
    const RulePack base = RulePack::england_default();
    const RulePack local = RulePack::from_file(kData + "/rules/example-local.toml");
    BOOST_TEST(local.name() == "example-local");
    const RulePack pack = base.layered(local);

    // Overridden: same id, local definition, local layer.
    const Rule& visits = pack.get("lac.visit.year1");
    BOOST_TEST(visits.layer == "example-local");
    BOOST_CHECK(visits.duration == (Duration{4, Unit::weeks}));
    BOOST_CHECK(visits.status == SourceStatus::local);
    // Untouched: still England's.
    BOOST_TEST(pack.get("lac.review.first").layer == "england");
    BOOST_TEST(pack.get("lac.visit.first").layer == "england");
    // Added.
    BOOST_TEST(pack.get("cp.visit").layer == "example-local");
    BOOST_CHECK(pack.get("cp.visit").duration == (Duration{10, Unit::working_days}));
    BOOST_TEST(pack.get("cp.core_group").layer == "example-local");
    // Switched off without repeating them.
    BOOST_TEST(!pack.get("lac.visit.after_year1").enabled);
    BOOST_TEST(!pack.get("lac.visit.after_year1.permanent").enabled);
    BOOST_TEST(pack.get("lac.visit.after_year1.permanent").layer == "england");
    // Same rule count plus the additions; the base is unchanged.
    BOOST_TEST(pack.rules().size() == base.rules().size() + 2);
    BOOST_TEST(base.get("lac.visit.year1").layer == "england");
    BOOST_TEST(base.get("lac.visit.after_year1").enabled);
}

BOOST_AUTO_TEST_CASE(enable_and_disable_switch_alternatives) {
    const RulePack base = RulePack::england_default();
    const RulePack local = RulePack::from_toml(
        "name = \"school-days-pep\"\nenable = [\"pep.initiation.school_days\"]\ndisable = [\"pep.initiation\"]\n", "");
    const RulePack pack = base.layered(local);
    BOOST_TEST(pack.get("pep.initiation.school_days").enabled);
    BOOST_TEST(!pack.get("pep.initiation").enabled);

    // An unknown id in enable/disable is an error when layering.
    const RulePack typo = RulePack::from_toml("name = \"typo\"\ndisable = [\"lac.visit.yaer1\"]\n", "");
    const std::string m = error_of([&] { base.layered(typo); }, Status::parse);
    BOOST_TEST(contains(m, "lac.visit.yaer1"), m);
    BOOST_TEST(contains(m, "typo"), m);
}

BOOST_AUTO_TEST_CASE(get_and_find) {
    const RulePack pack = RulePack::england_default();
    BOOST_TEST(pack.find("lac.review.first") != nullptr);
    BOOST_TEST(pack.find("no.such.rule") == nullptr);
    const std::string m = error_of([&] { pack.get("no.such.rule"); }, Status::not_found);
    BOOST_TEST(contains(m, "no.such.rule"), m);
}

BOOST_AUTO_TEST_CASE(visit_regime_from_placement_and_legal_status) {
    using A = std::map<std::string, std::string>;
    BOOST_TEST(visit_regime(A{}) == "default");
    BOOST_TEST(visit_regime(A{{"placement_type", "foster"}}) == "default");
    BOOST_TEST(visit_regime(A{{"placement_type", "foster"}, {"permanence", "permanent"}}) == "permanent");
    BOOST_TEST(visit_regime(A{{"placement_type", "long_term_foster"}}) == "long_term_foster");
    BOOST_TEST(visit_regime(A{{"placement_type", "placed_with_parent"}, {"legal_status", "interim_care_order"}}) ==
               "connected_person_temporary");
    BOOST_TEST(visit_regime(A{{"placement_type", "placed_with_parent"}, {"legal_status", "care_order"}}) ==
               "care_order_at_home");
    BOOST_TEST(visit_regime(A{{"placement_type", "placed_with_parent"},
                              {"legal_status", "care_order"},
                              {"parent_assessment", "incomplete"}}) == "placed_with_parent_pre_assessment");
    BOOST_TEST(visit_regime(A{{"placement_type", "connected_person_temporary"}}) == "connected_person_temporary");
    BOOST_TEST(visit_regime(A{{"placement_type", "young_offender_institution"}}) == "other_arrangements");
    BOOST_TEST(visit_regime(A{{"placement_type", "foster"}, {"visit_regime", "permanent"}}) == "permanent");
}

BOOST_AUTO_TEST_CASE(when_values_are_lists_owned_by_the_library) {
    const RulePack pack = RulePack::england_default();
    const Rule& first = pack.get("lac.visit.first");
    const std::vector<std::string> want{"default", "permanent", "long_term_foster", "long_term_foster_agreed"};
    BOOST_TEST(first.when.at("visit_regime") == want, boost::test_tools::per_element());
    // A single string is a one-element list; a value may hold any character.
    const RulePack p = RulePack::from_toml(std::string(kHeader) + rule("duration = \"1 week\"\n"
                                                                       "when = { placement_type = \"a|b\" }\n"),
                                           "local");
    BOOST_TEST_REQUIRE(p.rules().size() == 1u);
    BOOST_TEST(p.rules()[0].when.at("placement_type").size() == 1u);
    BOOST_TEST(p.rules()[0].when.at("placement_type")[0] == "a|b");
}

// --- Status in law (issue 9 point 7) ---------------------------------------------

BOOST_AUTO_TEST_CASE(rules_carry_their_jurisdiction_and_a_pack_never_mixes_them) {
    const std::string week = "duration = \"1 week\"\n";
    const RulePack wales = RulePack::from_toml("name = \"wales\"\njurisdiction = \"wales\"\n" + rule(week), "");
    BOOST_TEST(wales.get("t.rule").jurisdiction == "wales");
    BOOST_TEST(RulePack::from_toml(kHeader + rule(week), "").get("t.rule").jurisdiction == "england");

    // One rule of another jurisdiction in a pack: refused, naming the rule.
    std::string msg = error_of(
        [&] { RulePack::from_toml(kHeader + rule(week + "jurisdiction = \"wales\"\n"), "p"); }, Status::parse);
    BOOST_TEST(contains(msg, "rule 't.rule'"), msg);
    BOOST_TEST(contains(msg, "wales"), msg);
    BOOST_TEST(contains(msg, "never mixes jurisdictions"), msg);
    // A Welsh layer over the England pack: refused, naming the rule.
    msg = error_of([&] { RulePack::england_default().layered(wales); }, Status::parse);
    BOOST_TEST(contains(msg, "rule 't.rule' is for wales"), msg);
    BOOST_TEST(contains(msg, "(england) is for england"), msg);
    // Not a jurisdiction.
    msg = error_of([&] { RulePack::from_toml(kHeader + rule(week + "jurisdiction = \"france\"\n"), "p"); },
                   Status::parse);
    BOOST_TEST(contains(msg, "field 'jurisdiction'"), msg);
}

BOOST_AUTO_TEST_CASE(in_force_dates_and_pending_commencement) {
    const RulePack pack = RulePack::from_toml(
        kHeader + rule("duration = \"5 days\"\nin_force_from = 2020-01-01\nin_force_to = \"2021-01-01\"\n") +
            rule("duration = \"5 days\"\ncommencement = \"pending\"\n", "id = \"t.pending\"\n"),
        "");
    const Rule& r = pack.get("t.rule");
    BOOST_TEST(r.in_force_from->iso() == "2020-01-01");
    BOOST_TEST(r.in_force_to->iso() == "2021-01-01");
    BOOST_TEST(r.law_in_force_on(Date::parse_iso("2020-06-01")));
    BOOST_TEST(!r.law_in_force_on(Date::parse_iso("2019-12-31")));
    BOOST_TEST(!r.law_in_force_on(Date::parse_iso("2021-01-01")));
    BOOST_TEST(r.in_force_on(Date::parse_iso("2019-12-31")));  // the era keys are a different concept
    const Rule& p = pack.get("t.pending");
    BOOST_TEST((p.commencement == Commencement::pending));
    BOOST_TEST(!p.law_in_force_on(Date::parse_iso("2030-01-01")));

    // Refused: a repeal before commencement, an unknown commencement.
    std::string msg = error_of(
        [] { RulePack::from_toml(kHeader + rule("duration = \"5 days\"\nin_force_from = 2021-01-01\nin_force_to = 2020-01-01\n"), "p"); },
        Status::parse);
    BOOST_TEST(contains(msg, "field 'in_force_to'"), msg);
    msg = error_of([] { RulePack::from_toml(kHeader + rule("duration = \"5 days\"\ncommencement = \"soon\"\n"), "p"); },
                   Status::parse);
    BOOST_TEST(contains(msg, "rule 't.rule'"), msg);
    BOOST_TEST(contains(msg, "field 'commencement'"), msg);

    // Pending rules are listed (rules JSON) but never produce obligations,
    // and due_for_rule refuses them.
    const Calendar cal = Calendar::for_division(Division::england_and_wales);
    CaseRecord c;
    c.child_id = "C1";
    c.events = {{"a", Date::parse_iso("2020-03-02"), {}}};
    const auto all = schedule_case(pack, c, Date::parse_iso("2020-04-01"), cal);
    BOOST_TEST(all.size() == 1u);  // t.rule only
    BOOST_TEST(all.at(0).rule_id == "t.rule");
    msg = error_of([&] { due_for_rule(p, Date::parse_iso("2020-03-02"), cal); }, Status::invalid_arg);
    BOOST_TEST(contains(msg, "commencement pending"), msg);
    msg = error_of([&] { due_for_rule(r, Date::parse_iso("2022-03-02"), cal); }, Status::invalid_arg);
    BOOST_TEST(contains(msg, "in force from 2020-01-01 until 2021-01-01"), msg);
    const std::string json = rules_to_json(pack);
    BOOST_TEST(contains(json, R"("id":"t.pending")"), json);
    BOOST_TEST(contains(json, R"("commencement":"pending")"), json);
    BOOST_TEST(contains(json, R"("in_force_from":"2020-01-01","in_force_to":"2021-01-01")"), json);
    BOOST_TEST(contains(json, R"("jurisdiction":"england")"), json);

    // The England pack: the Children's Wellbeing and Schools Act 2026 FGDM
    // offer is pending, listed, and silent on a case with all its events.
    const RulePack england = RulePack::england_default();
    const Rule& fgdm = england.get("pre_proceedings.fgdm_offer");
    BOOST_TEST((fgdm.commencement == Commencement::pending));
    BOOST_TEST((fgdm.kind == RuleKind::precondition));
    BOOST_TEST(contains(rules_to_json(england), R"("id":"pre_proceedings.fgdm_offer")"));
    CaseRecord pre;
    pre.child_id = "C2";
    pre.events = {{"letter_before_proceedings", Date::parse_iso("2027-03-01"), {}},
                  {"care_order_application", Date::parse_iso("2027-04-12"), {}}};
    for (const Obligation& o : schedule_case(england, pre, Date::parse_iso("2027-05-01"), cal))
        BOOST_TEST(o.rule_id != "pre_proceedings.fgdm_offer");
}

// "X must happen before Y": the family group decision-making offer before an
// application for a care order (Children's Wellbeing and Schools Act 2026 s1,
// new Children Act 1989 s31ZA), here as a commenced local copy of the rule.
BOOST_AUTO_TEST_CASE(precondition_rules_are_tracked_ahead_of_time_and_breached_by_the_later_event) {
    const RulePack pack = RulePack::from_toml(R"toml(
name = "pre"
[[rule]]
id = "fgdm"
title = "FGDM offer before an application"
kind = "precondition"
trigger = "letter_before_proceedings"
satisfied_by = ["fgdm_offer"]
before = ["care_order_application"]
duration = "5 working days"
source = "CWSA 2026 s1"
status = "confirmed"
)toml",
                                              "");
    const Calendar cal = Calendar::for_division(Division::england_and_wales);
    auto sched = [&](std::vector<CaseEvent> events, const char* as_of) {
        CaseRecord c;
        c.child_id = "C1";
        c.events = std::move(events);
        return schedule_case(pack, c, Date::parse_iso(as_of), cal);
    };
    auto e = [](const char* type, const char* date) { return CaseEvent{type, Date::parse_iso(date), {}}; };
    // Letter Mon 2027-03-01: the offer is due ahead of time, 5 working days:
    // Tue 2 (1) .. Fri 5 (4), Mon 8 (5) -> 2027-03-08; open on 03-03.
    auto all = sched({e("letter_before_proceedings", "2027-03-01")}, "2027-03-03");
    BOOST_TEST_REQUIRE(all.size() == 1u);
    BOOST_TEST(all[0].due.iso() == "2027-03-08");
    BOOST_TEST(!all[0].met_on);
    BOOST_TEST(!all[0].ended_on);
    BOOST_TEST(contains(all[0].explanation, "fgdm_offer must happen before care_order_application"), all[0].explanation);
    // Offered Thu 03-04, applied Mon 04-12: met.
    all = sched({e("letter_before_proceedings", "2027-03-01"), e("fgdm_offer", "2027-03-04"),
                 e("care_order_application", "2027-04-12")},
                "2027-05-01");
    BOOST_TEST_REQUIRE(all.size() == 1u);
    BOOST_TEST(all[0].met_on->iso() == "2027-03-04");
    // Applied on Wed 03-03 with no offer: breached, due on the application's
    // day (before the 03-08 planning date), ended by it; an offer after the
    // application does not mend it.
    all = sched({e("letter_before_proceedings", "2027-03-01"), e("care_order_application", "2027-03-03"),
                 e("fgdm_offer", "2027-03-05")},
                "2027-05-01");
    BOOST_TEST_REQUIRE(all.size() == 1u);
    BOOST_TEST(all[0].due.iso() == "2027-03-03");
    BOOST_TEST(!all[0].met_on);
    BOOST_TEST(all[0].ended_on->iso() == "2027-03-03");
    BOOST_TEST(contains(all[0].explanation, "Breached: care_order_application on Wed 2027-03-03 without a prior fgdm_offer"),
               all[0].explanation);
    // An offer on the application's own day counts as before it, in either row order.
    for (bool offer_first : {true, false}) {
        std::vector<CaseEvent> ev{e("letter_before_proceedings", "2027-03-01"), e("fgdm_offer", "2027-03-03"),
                                  e("care_order_application", "2027-03-03")};
        if (!offer_first) std::swap(ev[1], ev[2]);
        all = sched(ev, "2027-05-01");
        BOOST_TEST_REQUIRE(all.size() == 1u);
        BOOST_TEST(all[0].met_on.has_value(), "offer row first: " << offer_first);
    }
    // "before" is required, and only preconditions have it.
    std::string msg = error_of(
        [] {
            RulePack::from_toml(kHeader + "[[rule]]\nid = \"t.rule\"\ntitle = \"T\"\nkind = \"precondition\"\n"
                                          "trigger = \"a\"\nsatisfied_by = [\"b\"]\nsource = \"S\"\nstatus = \"local\"\n"
                                          "duration = \"0 days\"\n",
                                "p");
        },
        Status::parse);
    BOOST_TEST(contains(msg, "field 'before'"), msg);
    msg = error_of([] { RulePack::from_toml(kHeader + rule("duration = \"5 days\"\nbefore = [\"y\"]\n"), "p"); },
                   Status::parse);
    BOOST_TEST(contains(msg, "only precondition rules"), msg);
    // "0 days" only for a precondition.
    msg = error_of([] { RulePack::from_toml(kHeader + rule("duration = \"0 days\"\n"), "p"); }, Status::parse);
    BOOST_TEST(contains(msg, "must be longer than zero"), msg);
}

// A stay that must not exceed a length: an emergency protection order has
// effect for a period not exceeding eight days (Children Act 1989 s45(1)).
BOOST_AUTO_TEST_CASE(max_duration_is_due_at_the_end_date_and_met_by_the_ending_event) {
    const RulePack england = RulePack::england_default();
    const Rule& epo = england.get("court.epo.duration");
    BOOST_TEST((epo.kind == RuleKind::max_duration));
    const Calendar cal = Calendar::for_division(Division::england_and_wales);
    CaseRecord c;
    c.child_id = "C1";
    // Made Mon 2025-06-02: 8 days -> Tue 2025-06-10. Open (tracked ahead) on 06-05.
    c.events = {{"emergency_protection_order", Date::parse_iso("2025-06-02"), {}}};
    auto of = [&](const char* as_of) {
        std::vector<Obligation> out;
        for (const Obligation& o : schedule_case(england, c, Date::parse_iso(as_of), cal))
            if (o.rule_id == "court.epo.duration") out.push_back(o);
        return out;
    };
    auto o = of("2025-06-05");
    BOOST_TEST_REQUIRE(o.size() == 1u);
    BOOST_TEST(o[0].due.iso() == "2025-06-10");
    BOOST_TEST(!o[0].met_on);
    BOOST_TEST(contains(o[0].explanation, "must not last longer than 8 days"), o[0].explanation);
    BOOST_TEST(contains(o[0].explanation, "s45(1)"), o[0].explanation);
    // Ended Mon 06-09: met; ended Thu 06-12: met 2 days late.
    c.events.push_back({"emergency_protection_order_ended", Date::parse_iso("2025-06-09"), {}});
    o = of("2025-06-20");
    BOOST_TEST_REQUIRE(o.size() == 1u);
    BOOST_TEST(o[0].met_on->iso() == "2025-06-09");
    c.events.back().date = Date::parse_iso("2025-06-12");
    o = of("2025-06-20");
    BOOST_TEST_REQUIRE(o.size() == 1u);
    BOOST_TEST(o[0].met_on->iso() == "2025-06-12");
    BOOST_TEST(contains(o[0].explanation, "2 days late"), o[0].explanation);
    // TOML: a max_duration rule has no occurrences.
    const std::string msg = error_of(
        [] {
            RulePack::from_toml(kHeader + "[[rule]]\nid = \"m\"\ntitle = \"T\"\nkind = \"max_duration\"\ntrigger = "
                                          "\"a\"\nsatisfied_by = [\"b\"]\nsource = \"S\"\nstatus = \"local\"\n"
                                          "duration = \"8 days\"\nfrom_occurrence = 1\n",
                                "p");
        },
        Status::parse);
    BOOST_TEST(contains(msg, "only interval rules have occurrences"), msg);
}

BOOST_AUTO_TEST_SUITE_END()
