// Indicators (include/oversight/indicator/indicator.hpp, plan/rag.hpp rule 9):
// the acceptance test of issue 11 point 5 (an action linked to an indicator
// below its red threshold is red, and the reason names the indicator and its
// latest value), the amber band, green left alone, lower-is-better mirrored,
// no value; the checks naming fields; the store (save, values, links, the
// plan loaded with them, history rows); and refresh computing monthly values
// from a small store, each counted by hand below.
#include <boost/test/unit_test.hpp>

#include <oversight/audit/audit.hpp>
#include <oversight/calendar/calendar.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/core/error.hpp>
#include <oversight/import/plan_file.hpp>
#include <oversight/indicator/indicator.hpp>
#include <oversight/plan/plan_store.hpp>
#include <oversight/plan/rag.hpp>
#include <oversight/report/report.hpp>
#include <oversight/rules/rule_pack.hpp>
#include <oversight/store/store.hpp>
#include <oversight/supervision/supervision.hpp>
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/person.hpp>
#include <oversight/workforce/role.hpp>
#include <oversight/workforce/team.hpp>

#include "support/expect_error.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>
#include <string>

using namespace oversight;
using test::expect_error;

namespace {

Date d(const char* iso) { return Date::parse_iso(iso); }

Indicator visits(IndicatorDirection direction = IndicatorDirection::higher_is_better) {
    Indicator i;
    i.key = "visits_in_timescale";
    i.name = "% of statutory visits in timescale";
    i.unit = "%";
    i.direction = direction;
    i.target = direction == IndicatorDirection::higher_is_better ? 85 : 10;
    i.amber = direction == IndicatorDirection::higher_is_better ? 70 : 20;
    return i;
}

IndicatorValue value(const char* month, double v) {
    IndicatorValue x;
    x.month = d(month);
    x.value = v;
    x.entered_by = "Ann Newby";
    return x;
}

// Report date 1 June 2012; action 1.1 in progress, due 31 December 2012,
// updated 1 September: green by rules 4-8 as of 15 October 2012 (due in 77
// days > 28; update 44 days old <= 90).
Plan plan_with(const Indicator& indicator) {
    Plan p;
    p.title = "Plan";
    p.report_date = d("2012-06-01");
    Recommendation r;
    r.number = 1;
    r.text = "Visit children on time";
    r.timescale = Timescale::within_six_months;
    Action a;
    a.ref = "1.1";
    a.description = "Weekly visit tracking";
    a.status = ActionStatus::in_progress;
    a.due = d("2012-12-31");
    a.updates.push_back({0, d("2012-09-01"), "Ann Newby", "started"});
    a.success_measures = {indicator.key};
    r.actions.push_back(a);
    p.recommendations.push_back(r);
    p.indicators.push_back(indicator);
    return p;
}

RagResult rag_of(const Plan& p, const char* as_of = "2012-10-15") {
    return action_rag(p, p.recommendations[0], p.recommendations[0].actions[0], d(as_of));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(indicator_rag)

BOOST_AUTO_TEST_CASE(action_linked_to_an_indicator_below_its_threshold_is_red_and_says_why) {
    Indicator i = visits();
    i.values = {value("2012-08-01", 90), value("2012-09-01", 62.5)};
    Plan p = plan_with(i);
    const RagResult r = rag_of(p);
    BOOST_TEST((r.rag == Rag::red));
    BOOST_TEST(r.reason == "indicator \"% of statutory visits in timescale\" at 62.5% in Sep 2012, below the red "
                           "threshold 70% (target 85%)");
    BOOST_TEST(!r.overridden);
    // The recommendation rolls it up through its action's reason.
    const RagResult rec = recommendation_rag(p, p.recommendations[0], d("2012-10-15"));
    BOOST_TEST((rec.rag == Rag::red));
    BOOST_TEST(rec.reason.find("1.1 indicator \"% of statutory visits in timescale\" at 62.5%") != std::string::npos);
    // Without the link the same action is green: the indicator decided it.
    p.recommendations[0].actions[0].success_measures.clear();
    BOOST_TEST((rag_of(p).rag == Rag::green));
}

BOOST_AUTO_TEST_CASE(between_threshold_and_target_is_amber_at_target_unchanged) {
    Indicator i = visits();
    i.values = {value("2012-09-01", 70)};  // the threshold itself is amber
    RagResult r = rag_of(plan_with(i));
    BOOST_TEST((r.rag == Rag::amber));
    BOOST_TEST(r.reason == "indicator \"% of statutory visits in timescale\" at 70% in Sep 2012, below the target 85% "
                           "(red threshold 70%)");
    i.values = {value("2012-09-01", 85)};
    r = rag_of(plan_with(i));
    BOOST_TEST((r.rag == Rag::green));
    BOOST_TEST(r.reason == "on track, due 2012-12-31");
}

BOOST_AUTO_TEST_CASE(lower_is_better_is_mirrored) {
    Indicator i = visits(IndicatorDirection::lower_is_better);
    i.name = "Re-referrals within 12 months";
    i.values = {value("2012-10-01", 25)};
    RagResult r = rag_of(plan_with(i));
    BOOST_TEST((r.rag == Rag::red));
    BOOST_TEST(r.reason == "indicator \"Re-referrals within 12 months\" at 25% in Oct 2012, above the red threshold "
                           "20% (target 10%)");
    i.values = {value("2012-10-01", 15)};
    BOOST_TEST((rag_of(plan_with(i)).rag == Rag::amber));
    i.values = {value("2012-10-01", 10)};
    BOOST_TEST((rag_of(plan_with(i)).rag == Rag::green));
}

BOOST_AUTO_TEST_CASE(latest_value_by_as_of_month_no_value_changes_nothing) {
    Indicator i = visits();
    // November's value is after as_of's month: invisible on 15 October.
    i.values = {value("2012-09-01", 90), value("2012-11-01", 10)};
    BOOST_TEST((rag_of(plan_with(i)).rag == Rag::green));
    BOOST_TEST((rag_of(plan_with(i), "2012-11-01").rag == Rag::red));
    i.values.clear();
    const RagResult r = rag_of(plan_with(i));
    BOOST_TEST((r.rag == Rag::green));
    BOOST_TEST(r.reason == "on track, due 2012-12-31; no value for indicator \"% of statutory visits in timescale\"");
}

BOOST_AUTO_TEST_CASE(never_better_than_the_dates_never_over_complete_or_override) {
    Indicator i = visits();
    i.values = {value("2012-09-01", 75)};  // amber
    Plan p = plan_with(i);
    // Overdue (red by rule 5) stays red; the amber indicator does not soften it.
    p.recommendations[0].actions[0].due = d("2012-10-01");
    RagResult r = rag_of(p);
    BOOST_TEST((r.rag == Rag::red));
    BOOST_TEST(r.reason == "overdue since 2012-10-01, 14 days");
    // Complete stays blue, a manual override stays as set.
    p.recommendations[0].actions[0].status = ActionStatus::complete;
    BOOST_TEST((rag_of(p).rag == Rag::blue));
    p.recommendations[0].actions[0].status = ActionStatus::in_progress;
    p.recommendations[0].actions[0].rag_override = RagOverride{Rag::green, "Director", "agreed", d("2012-10-10")};
    r = rag_of(p);
    BOOST_TEST((r.rag == Rag::green));
    BOOST_TEST(r.overridden);
}

BOOST_AUTO_TEST_CASE(report_kind_indicators_table_and_chart) {
    Indicator i = visits();
    i.values = {value("2012-08-01", 90), value("2012-09-01", 62.5)};
    const Plan p = plan_with(i);
    ReportOptions o;
    o.kind = parse_report_kind("indicators");
    o.as_of = d("2012-10-15");
    const Document doc = build_report(p, o);
    BOOST_TEST(doc.kind == "indicators");
    const Table* t = nullptr;
    const Chart* c = nullptr;
    for (const Block& b : doc.blocks) {
        if (const auto* x = std::get_if<Table>(&b); x && x->id == "indicators") t = x;
        if (const auto* x = std::get_if<Chart>(&b); x && x->id == "indicator_visits_in_timescale") c = x;
    }
    BOOST_TEST_REQUIRE(t);
    BOOST_TEST_REQUIRE(t->rows.size() == 1u);
    BOOST_TEST(t->rows[0][2].number == 62.5);                 // latest value
    BOOST_TEST(t->rows[0][3].text == "Sep 2012");            // its month
    BOOST_TEST((t->rows[0][8].rag == Rag::red));
    BOOST_TEST(t->rows[0][9].text == "1.1");                 // the action it measures
    BOOST_TEST_REQUIRE(c);
    BOOST_TEST(c->x_labels.size() == 12u);                   // November 2011 to October 2012
    BOOST_TEST(c->x_labels.back() == "2012-10");
    BOOST_TEST(c->target.value_or(0) == 0.85);                // 85% as a fraction
    BOOST_TEST(c->series.at(0).values.at(10).value_or(0) == 0.625);  // September
    BOOST_TEST(!c->series.at(0).values.at(11));               // October: no value
    // Every format writes it.
    for (const char* f : {"text", "md", "csv", "json", "html"})
        BOOST_TEST(!write_document(doc, parse_report_format(f)).empty(), f);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(indicator_checks)

BOOST_AUTO_TEST_CASE(errors_name_the_field) {
    Indicator i = visits();
    i.amber = 90;
    expect_error([&] { checked_indicator(i); }, Status::invalid_arg, "indicator \"visits_in_timescale\" amber: 90 is above the target 85");
    i = visits(IndicatorDirection::lower_is_better);
    i.amber = 5;
    expect_error([&] { checked_indicator(i); }, Status::invalid_arg, "amber: 5 is below the target 10");
    i = visits();
    i.target = std::numeric_limits<double>::quiet_NaN();
    expect_error([&] { checked_indicator(i); }, Status::invalid_arg, "target: NaN is not a finite number");
    i = visits();
    i.key = "visits in timescale";
    expect_error([&] { checked_indicator(i); }, Status::invalid_arg, "indicator key");
    i = visits();
    i.name = " ";
    expect_error([&] { checked_indicator(i); }, Status::invalid_arg, "name");
    i = visits();
    i.source = IndicatorSource::computed;
    expect_error([&] { checked_indicator(i); }, Status::invalid_arg, "measure: a computed indicator names");
    i = visits();
    i.values = {value("2012-09-01", std::numeric_limits<double>::infinity())};
    expect_error([&] { checked_indicator(i); }, Status::invalid_arg, "value 2012-09 value: infinity");
    // A value's month is the first of its month.
    BOOST_TEST(checked_indicator_value(value("2012-09-17", 5), "x").month.iso() == "2012-09-01");
}

BOOST_AUTO_TEST_CASE(json_parser_is_strict) {
    const Indicator i = parse_indicator(
        R"({"key":"peps","name":"PEPs in place","unit":"%","direction":"higher_is_better","target":95,"amber":80})");
    BOOST_TEST(i.key == "peps");
    BOOST_TEST(i.target == 95.0);
    BOOST_TEST((i.source == IndicatorSource::entered));
    expect_error([] { parse_indicator(R"({"key":"p","name":"P","target":1,"amber":1,"colour":"red"})"); },
                 Status::parse, "\"colour\": unknown key");
    expect_error([] { parse_indicator(R"({"key":"p","name":"P","target":"1","amber":1})"); }, Status::parse,
                 "target: expected a number");
    expect_error([] { parse_indicator(R"({"key":"p","name":"P","amber":1})"); }, Status::parse, "target: missing");
    expect_error([] { parse_indicator(R"({"key":"p","name":"P","target":1,"amber":2})"); }, Status::invalid_arg,
                 "amber: 2 is above the target 1");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(indicator_store)

BOOST_AUTO_TEST_CASE(save_record_link_load_and_history) {
    Store s = Store::open_in_memory();
    s.set_actor("tester");
    Plan p = plan_with(visits());
    p.indicators.clear();
    p.recommendations[0].actions[0].success_measures.clear();
    const std::int64_t plan = save_plan(s, p);
    const std::int64_t id = save_indicator(s, plan, visits());
    record_indicator_value(s, plan, "visits_in_timescale", value("2012-09-14", 62.5));
    link_indicator(s, plan, "1.1", "visits_in_timescale");
    expect_error([&] { link_indicator(s, plan, "1.1", "visits_in_timescale"); }, Status::conflict, "already names");
    expect_error([&] { link_indicator(s, plan, "9.9", "visits_in_timescale"); }, Status::not_found, "no action \"9.9\"");
    expect_error([&] { link_indicator(s, plan, "1.1", "nope"); }, Status::not_found, "no indicator \"nope\"");
    expect_error([&] { record_indicator_value(s, plan, "nope", value("2012-09-01", 1)); }, Status::not_found, "nope");
    expect_error([&] { save_indicator(s, plan + 1, visits()); }, Status::not_found, "no plan");

    const Plan loaded = load_plan(s, plan);
    BOOST_TEST_REQUIRE(loaded.indicators.size() == 1u);
    BOOST_TEST(loaded.indicators[0].id == id);
    BOOST_TEST_REQUIRE(loaded.indicators[0].values.size() == 1u);
    BOOST_TEST(loaded.indicators[0].values[0].month.iso() == "2012-09-01");
    BOOST_TEST(loaded.indicators[0].values[0].value == 62.5);
    BOOST_TEST(loaded.indicators[0].values[0].entered_by == "Ann Newby");
    BOOST_TEST((loaded.recommendations[0].actions[0].success_measures == std::vector<std::string>{"visits_in_timescale"}));
    BOOST_TEST((rag_of(loaded).rag == Rag::red));

    // A second value for the month replaces the first; the history keeps both.
    record_indicator_value(s, plan, "visits_in_timescale", value("2012-09-01", 88));
    BOOST_TEST(list_indicators(s, plan)[0].values.at(0).value == 88.0);
    HistoryFilter f;
    f.entity = "indicator_value";
    bool replaced = false;
    for (const Change& c : s.history(f))
        if (c.field == "value" && c.old_value == std::optional<std::string>("62.5") &&
            c.new_value == std::optional<std::string>("88"))
            replaced = true;
    BOOST_TEST(replaced);
    f.entity = "action_indicator";
    BOOST_TEST(s.history(f).size() == 1u);
    // Saving again by key changes the fields that differ.
    Indicator changed = visits();
    changed.target = 90;
    BOOST_TEST(save_indicator(s, plan, changed) == id);
    f.entity = "indicator";
    f.entity_id = id;
    bool target_changed = false;
    for (const Change& c : s.history(f))
        if (c.field == "target" && c.old_value == std::optional<std::string>("85") &&
            c.new_value == std::optional<std::string>("90"))
            target_changed = true;
    BOOST_TEST(target_changed);
    // A bad save stores nothing.
    Indicator bad = visits();
    bad.amber = 95;
    expect_error([&] { save_indicator(s, plan, bad); }, Status::invalid_arg, "amber");
    BOOST_TEST(list_indicators(s, plan)[0].target == 90.0);
    // JSON: the latest value, its RAG and the actions it measures.
    const auto doc = nlohmann::json::parse(indicators_to_json(load_plan(s, plan), d("2012-10-15")));
    BOOST_TEST(doc["format"] == "oversight-indicators");
    BOOST_TEST(doc["indicators"][0]["latest"]["value"] == 88.0);
    BOOST_TEST(doc["indicators"][0]["latest"]["rag"] == "amber");
    BOOST_TEST(doc["indicators"][0]["actions"][0] == "1.1");
}

BOOST_AUTO_TEST_CASE(save_plan_carries_indicators_and_success_measures) {
    Store s = Store::open_in_memory();
    Indicator i = visits();
    i.values = {value("2012-09-01", 62.5)};
    const Plan p = plan_with(i);
    const Plan loaded = load_plan(s, save_plan(s, p));
    BOOST_TEST_REQUIRE(loaded.indicators.size() == 1u);
    BOOST_TEST(loaded.indicators[0].values.at(0).value == 62.5);
    BOOST_TEST((loaded.recommendations[0].actions[0].success_measures == p.recommendations[0].actions[0].success_measures));
    Plan unknown = plan_with(i);
    unknown.recommendations[0].actions[0].success_measures = {"missing"};
    expect_error([&] { save_plan(s, unknown); }, Status::invalid_arg, "success measure: the plan has no indicator \"missing\"");
}

BOOST_AUTO_TEST_CASE(plan_json_carries_indicators_and_success_measures) {
    Indicator i = visits();
    i.values = {value("2012-09-01", 62.5)};
    i.values[0].note = "from the tracker";
    const Plan p = plan_with(i);
    const std::string text = plan_to_json(p);
    BOOST_TEST(text.find("\"success_measures\"") != std::string::npos);
    const Plan back = plan_from_json(text);
    BOOST_TEST((back == p));
    // A plan without indicators keeps the document as it was (no new keys).
    Plan none = p;
    none.indicators.clear();
    none.recommendations[0].actions[0].success_measures.clear();
    const std::string plain = plan_to_json(none);
    BOOST_TEST(plain.find("indicators") == std::string::npos);
    BOOST_TEST(plain.find("success_measures") == std::string::npos);
    expect_error([&] { plan_from_json(R"({"format":"oversight-plan","version":1,"title":"T","authority":"",)"
                                      R"("report_date":null,"settings":{"immediately_days":0,"due_soon_days":28,)"
                                      R"("stale_update_days":90},"sections":[],"recommendations":[],)"
                                      R"("indicators":[{"key":"k"}]})"); },
                 Status::parse, "/indicators/0");
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

// A visits rule of our own so that every due date is counted by hand:
// a visit within 7 calendar days of the placement starting.
const RulePack& pack() {
    static const RulePack p = RulePack::from_toml(R"toml(
name = "indicator-test"
version = "1"
description = "test"

[[rule]]
id = "t.visit.first"
title = "First visit"
area = "visits"
kind = "within"
trigger = "placement_start"
satisfied_by = ["visit"]
duration = "7 days"
source = "test reg 1"
status = "local"
)toml",
                                                  "indicator-test");
    return p;
}

Indicator computed(const char* key, const char* measure) {
    Indicator i;
    i.key = key;
    i.name = key;
    i.unit = "%";
    i.target = 90;
    i.amber = 60;
    i.source = IndicatorSource::computed;
    i.measure = measure;
    return i;
}

double value_in(const std::vector<Indicator>& list, const std::string& key, const char* month) {
    for (const Indicator& i : list)
        if (i.key == key)
            for (const IndicatorValue& v : i.values)
                if (v.month == d(month)) return v.value;
    return -1;  // no value
}

}  // namespace

BOOST_AUTO_TEST_SUITE(indicator_refresh)

// Months January to March 2025, as of 31 March 2025.
//  Visits (pack() above, 7 calendar days):
//    C1 placed 3 Feb, due 10 Feb, visited 7 Feb       -> met on time (February);
//    C2 placed 12 Feb, due 19 Feb, no visit           -> overdue (February);
//    C3 placed 3 March, due 10 March, visited 12 March -> met late (March).
//    January: nothing due (no value); February 1 of 2 = 50%; March 0 of 1 = 0%.
//  Audits (two-point scale, "satisfactory" positive): A1 held 5 Feb 3 of 4,
//    A2 held 20 Feb 1 of 2, A3 held 10 March 0 of 2:
//    February (3 + 1) of (4 + 2) = 66.67% -> 66.7 (rounded to 0.1); March 0%.
//  Supervision (data/supervision/england.toml: a social worker every 28 days,
//    LGA Standards for Employers (2020) Standard 5; each month as of its last day):
//    Ann Newby, social worker from Mon 6 January 2025; supervision_report
//    counts a link in the month it was met in time, else in the month it fell due:
//    due 6 Jan + 28 = Mon 3 Feb, held 20 Jan (on time)        -> January 1 of 1 = 100%;
//    due 20 Jan + 28 = Mon 17 Feb, held 24 Feb (late)          -> February 0 of 1 = 0%;
//    due 24 Feb + 28 = Mon 24 March, held 21 March (on time)   -> March 1 of 1 = 100%.
BOOST_AUTO_TEST_CASE(monthly_values_from_compliance_audits_and_supervision) {
    Store s = Store::open_in_memory();
    Plan p = plan_with(visits());
    p.indicators.clear();
    p.recommendations[0].actions[0].success_measures.clear();
    const std::int64_t plan = save_plan(s, p);
    save_indicator(s, plan, computed("visits", "visits_in_timescale"));
    save_indicator(s, plan, computed("audits", "audits_good_or_better"));
    save_indicator(s, plan, computed("supervision", "supervision_in_timescale"));
    save_indicator(s, plan, visits());  // entered: refresh leaves it alone

    for (const char* c : {"C1", "C2", "C3"}) save_child(s, {c, d("2015-05-01")});
    record_event(s, "C1", {"placement_start", d("2025-02-03"), {}}, "t", &pack());
    record_event(s, "C1", {"visit", d("2025-02-07"), {}}, "t", &pack());
    record_event(s, "C2", {"placement_start", d("2025-02-12"), {}}, "t", &pack());
    record_event(s, "C3", {"placement_start", d("2025-03-03"), {}}, "t", &pack());
    record_event(s, "C3", {"visit", d("2025-03-12"), {}}, "t", &pack());

    save_team(s, {"Team B", "", ""});
    add_person(s, {0, "Ann Newby", "Social worker", "", ""});
    add_person(s, {0, "Tom Reed", "Team manager", "", ""});
    appoint(s, {0, "Tom Reed", Role::team_manager, "", "", d("2020-01-06"), std::nullopt});
    appoint(s, {0, "Ann Newby", Role::social_worker, "Team B", "Tom Reed", d("2025-01-06"), std::nullopt});
    const Calendar england = Calendar::for_division(Division::england_and_wales);
    AuditProgramme prog;
    prog.name = "Case audit";
    prog.type = "case_file";
    prog.cycle = "monthly";
    prog.owner = "Tom Reed";
    prog.scale = two_point_scale();
    add_audit_programme(s, prog);
    const auto audit = [&](const char* ref, const char* held, int satisfactory, int inadequate) {
        Audit a;
        a.reference = ref;
        a.programme = "Case audit";
        a.held = d(held);
        a.recorded = d(held);
        a.auditors = {{"Tom Reed", ""}};
        a.counts = {{"satisfactory", satisfactory}, {"inadequate", inadequate}};
        record_audit(s, a, england);
    };
    audit("A1", "2025-02-05", 3, 1);
    audit("A2", "2025-02-20", 1, 1);
    audit("A3", "2025-03-10", 0, 2);
    for (const char* held : {"2025-01-20", "2025-02-24", "2025-03-21"}) {
        SupervisionRecord r;
        r.supervisee = "Ann Newby";
        r.supervisor = "Tom Reed";
        r.held = d(held);
        r.recorded = d(held);
        r.minutes = 60;
        record_supervision(s, r);
    }

    IndicatorRefreshOptions o;
    o.as_of = d("2025-03-31");
    o.months = 3;
    o.pack = &pack();
    const int written = refresh_indicators(s, plan, o);
    const auto list = list_indicators(s, plan);
    BOOST_TEST(value_in(list, "visits", "2025-01-01") == -1.0);
    BOOST_TEST(value_in(list, "visits", "2025-02-01") == 50.0);
    BOOST_TEST(value_in(list, "visits", "2025-03-01") == 0.0);
    BOOST_TEST(value_in(list, "audits", "2025-02-01") == 66.7);
    BOOST_TEST(value_in(list, "audits", "2025-03-01") == 0.0);
    BOOST_TEST(value_in(list, "supervision", "2025-01-01") == 100.0);
    BOOST_TEST(value_in(list, "supervision", "2025-02-01") == 0.0);
    BOOST_TEST(value_in(list, "supervision", "2025-03-01") == 100.0);
    BOOST_TEST(written == 7);
    for (const Indicator& i : list)
        if (i.key == "visits_in_timescale") BOOST_TEST(i.values.empty());
    // Nothing changed: a second refresh writes nothing.
    BOOST_TEST(refresh_indicators(s, plan, o) == 0);
    o.months = 0;
    expect_error([&] { refresh_indicators(s, plan, o); }, Status::invalid_arg, "months must be 1..60");
    expect_error([&] { save_indicator(s, plan, computed("x", "no_such_measure")); }, Status::invalid_arg,
                 "unknown measure \"no_such_measure\"");
}

BOOST_AUTO_TEST_SUITE_END()
