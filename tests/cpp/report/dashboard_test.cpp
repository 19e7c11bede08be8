// The plan dashboard (issue 11 point 2): a small store with a plan, three
// children with visits and a review, an audit programme with two audits and
// a social worker's supervision sessions; the summary, the actions' gap and
// direction, and every chart's values counted by hand below. A store with
// only a plan gives a paragraph for each measure instead of a chart. The
// measure reports (report/measures.hpp) are built from the same store: the
// suite measure_report at the end.
#include <boost/test/unit_test.hpp>

#include <oversight/audit/audit.hpp>
#include <oversight/calendar/calendar.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/core/error.hpp>
#include <oversight/plan/plan_store.hpp>
#include <oversight/report/dashboard.hpp>
#include <oversight/report/measures.hpp>
#include <oversight/report/report.hpp>
#include <oversight/report/writer.hpp>
#include <oversight/rules/rule_pack.hpp>
#include <oversight/store/store.hpp>
#include <oversight/supervision/supervision.hpp>
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/person.hpp>
#include <oversight/workforce/role.hpp>
#include <oversight/workforce/team.hpp>

#include "support/expect_error.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

using namespace oversight;
using test::expect_error;

namespace {

Date d(const char* iso) { return Date::parse_iso(iso); }

const Calendar& england() {
    static const Calendar c = Calendar::for_division(Division::england_and_wales);
    return c;
}

// Rules of our own so that every due date is counted by hand:
//  - t.visit: 4 weeks (28 calendar days) from the placement, then from each visit;
//  - t.review: 20 working days from becoming looked after.
const RulePack& pack() {
    static const RulePack p = RulePack::from_toml(R"toml(
name = "dashboard-test"
version = "1"
description = "test"

[[rule]]
id = "t.visit"
title = "Visits"
area = "visits"
kind = "interval"
trigger = "placement_start"
satisfied_by = ["visit"]
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
)toml",
                                                  "dashboard-test");
    return p;
}

constexpr const char* kAsOf = "2025-03-31";

Action action(const char* ref, ActionStatus status, std::optional<Date> due, const char* lead = "Ann Newby") {
    Action a;
    a.ref = ref;
    a.description = std::string("Action ") + ref;
    a.lead = lead;
    a.status = status;
    a.due = due;
    return a;
}

ProgressUpdate update(const char* date) {
    ProgressUpdate u;
    u.date = d(date);
    u.author = "Tom Reed";
    u.text = "progress";
    return u;
}

// Report date Fri 10 January 2025: Immediately (immediately_days 0) is due
// that day; within 3 months 10 April 2025 (plan.hpp: calendar months).
Plan the_plan() {
    Plan p;
    p.title = "Improvement plan";
    p.authority = "Test Council";
    p.report_date = d("2025-01-10");
    p.sections = {"Help and protection"};
    Recommendation r1;
    r1.number = 1;
    r1.section = "Help and protection";
    r1.text = "Visit children on time";
    r1.timescale = Timescale::immediately;
    r1.actions.push_back(action("1.1", ActionStatus::complete, d("2025-01-10")));
    Action late = action("1.2", ActionStatus::in_progress, d("2025-03-20"));
    late.updates.push_back(update("2025-02-20"));
    r1.actions.push_back(late);
    Recommendation r2;
    r2.number = 2;
    r2.section = "Help and protection";
    r2.text = "Audit plans";
    r2.timescale = Timescale::within_three_months;
    r2.actions.push_back(action("2.1", ActionStatus::not_started, std::nullopt, "Tom Reed"));
    Action better = action("2.2", ActionStatus::in_progress, d("2025-06-30"), "Tom Reed");
    better.updates.push_back(update("2025-03-10"));
    r2.actions.push_back(better);
    Recommendation r3;  // no actions yet
    r3.number = 3;
    r3.section = "Help and protection";
    r3.text = "Recruit foster carers";
    r3.timescale = Timescale::within_six_months;
    p.recommendations = {r1, r2, r3};
    return p;
}

struct Fixture {
    Store store = Store::open_in_memory();
    std::int64_t plan_id = 0;

    void people() {
        save_team(store, {"Team A", "", ""});
        add_person(store, {0, "Ann Newby", "Social worker", "", ""});
        add_person(store, {0, "Tom Reed", "Team manager", "", ""});
        appoint(store, {0, "Tom Reed", Role::team_manager, "", "", d("2020-01-06"), std::nullopt});
        appoint(store, {0, "Ann Newby", Role::social_worker, "Team A", "Tom Reed", d("2024-12-02"), std::nullopt});
    }

    Fixture() { plan_id = save_plan(store, the_plan()); }

    void casework() {
        for (const char* c : {"C1", "C2", "C3"}) save_child(store, {c, d("2015-05-01")});
        record_event(store, "C1", {"became_looked_after", d("2025-01-06"), {}}, "t", &pack());
        record_event(store, "C1", {"placement_start", d("2025-01-06"), {}}, "t", &pack());
        record_event(store, "C1", {"visit", d("2025-01-30"), {}}, "t", &pack());
        record_event(store, "C1", {"visit", d("2025-03-05"), {}}, "t", &pack());
        record_event(store, "C2", {"placement_start", d("2025-02-10"), {}}, "t", &pack());
        record_event(store, "C2", {"visit", d("2025-03-07"), {}}, "t", &pack());
        record_event(store, "C3", {"placement_start", d("2025-02-01"), {}}, "t", &pack());
    }

    void audits() {
        AuditProgramme p;
        p.name = "Plan audit";
        p.type = "care_plan";
        p.cycle = "monthly";
        p.owner = "Tom Reed";
        p.scale = two_point_scale();
        add_audit_programme(store, p);
        const auto audit = [&](const char* ref, const char* held, int satisfactory, int inadequate) {
            Audit a;
            a.reference = ref;
            a.programme = "Plan audit";
            a.held = d(held);
            a.recorded = d(held);
            a.auditors = {{"Tom Reed", ""}};
            a.counts = {{"satisfactory", satisfactory}, {"inadequate", inadequate}};
            record_audit(store, a, england());
        };
        audit("PA-1", "2025-02-10", 3, 1);
        audit("PA-2", "2025-03-12", 2, 2);
        audit("PA-0", "2024-11-12", 1, 0);  // before the window: not charted
    }

    void supervision() {
        for (const char* held : {"2024-12-23", "2025-01-17", "2025-02-21", "2025-03-18"}) {
            SupervisionRecord r;
            r.supervisee = "Ann Newby";
            r.supervisor = "Tom Reed";
            r.held = d(held);
            r.recorded = d(held);
            r.minutes = 60;
            record_supervision(store, r);
        }
    }

    Document build(int months = 3) {
        DashboardOptions o;
        o.as_of = d(kAsOf);
        o.months = months;
        o.pack = &pack();
        return dashboard(store, plan_id, o);
    }
};

const Table& table(const Document& doc, const std::string& id) {
    for (const Table* t : doc.tables())
        if (t->id == id) return *t;
    BOOST_FAIL("no table " << id);
    throw 0;
}

const Chart* chart(const Document& doc, const std::string& id) {
    for (const Block& b : doc.blocks)
        if (const auto* c = std::get_if<Chart>(&b); c && c->id == id) return c;
    return nullptr;
}

std::vector<std::string> paragraphs(const Document& doc) {
    std::vector<std::string> out;
    for (const Block& b : doc.blocks)
        if (const auto* p = std::get_if<Paragraph>(&b)) out.push_back(p->text);
    return out;
}

bool has_paragraph(const Document& doc, const std::string& start) {
    for (const std::string& p : paragraphs(doc))
        if (p.rfind(start, 0) == 0) return true;
    return false;
}

std::size_t column(const Table& t, const std::string& key) {
    for (std::size_t i = 0; i < t.columns.size(); ++i)
        if (t.columns[i].key == key) return i;
    BOOST_FAIL("table " << t.id << " has no column " << key);
    return 0;
}

const std::vector<Cell>& row(const Table& t, std::size_t key_column, const std::string& value) {
    for (const auto& r : t.rows)
        if (r[key_column].display() == value) return r;
    BOOST_FAIL("table " << t.id << " has no row " << value);
    throw 0;
}

/// Each value of a series as text: "50.0%" or "-" when missing.
std::string values(const Chart& c, const std::string& series) {
    for (const Chart::Series& s : c.series)
        if (s.name == series) {
            std::string out;
            for (const auto& v : s.values) {
                if (!out.empty()) out += " ";
                out += v ? Cell::of_percent(*v).display() : std::string("-");
            }
            return out;
        }
    return "(no series " + series + ")";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(dashboard_report)

// RAG rules (plan/rag.hpp) as of Mon 31 March 2025 and as of the default
// previous date, 28 days before: Mon 3 March 2025.
BOOST_FIXTURE_TEST_CASE(summary_and_actions_with_gap_and_direction, Fixture) {
    people();
    const Document doc = build();
    BOOST_TEST(doc.kind == "dashboard");

    const Table& s = table(doc, "summary");
    const std::size_t ts = column(s, "timescale");
    // Immediately: 1.1 complete (blue), 1.2 overdue since 20 March (red).
    const auto& now = row(s, ts, "Immediately");
    BOOST_TEST(now[column(s, "recommendations")].integer == 1);
    BOOST_TEST(now[column(s, "actions")].integer == 2);
    BOOST_TEST(now[column(s, "red")].integer == 1);
    BOOST_TEST(now[column(s, "blue")].integer == 1);
    BOOST_TEST(now[column(s, "green")].integer == 0);
    // Within 3 months (target 10 April): 2.1 not started, due in 10 days
    // (red, rule 6); 2.2 in progress, due 30 June, updated 10 March (green).
    const auto& three = row(s, ts, "Within 3 months");
    BOOST_TEST(three[column(s, "red")].integer == 1);
    BOOST_TEST(three[column(s, "green")].integer == 1);
    const auto& all = row(s, ts, "All");
    // Within 6 months: recommendation 3 with no actions.
    const auto& six = row(s, ts, "Within 6 months");
    BOOST_TEST(six[column(s, "recommendations")].integer == 1);
    BOOST_TEST(six[column(s, "actions")].integer == 0);
    BOOST_TEST(all[column(s, "recommendations")].integer == 3);
    BOOST_TEST(all[column(s, "actions")].integer == 4);
    BOOST_TEST(all[column(s, "red")].integer == 2);
    BOOST_TEST(all[column(s, "amber")].integer == 0);
    BOOST_TEST(s.rows.size() == 4u);  // no recommendation by date

    const Chart* rag = chart(doc, "summary_rag");
    BOOST_TEST_REQUIRE(rag);
    BOOST_TEST((rag->kind == Chart::Kind::stacked_bar));
    BOOST_TEST((rag->x_labels == std::vector<std::string>{"Immediately", "Within 3 months", "Within 6 months"}));
    // Worst first, each in its RAG's colour.
    BOOST_TEST(rag->series.at(0).name == "Red");
    BOOST_TEST(rag->series.at(0).colour == "#b3261e");
    BOOST_TEST(*rag->series.at(0).values.at(0) == 1.0);
    BOOST_TEST(*rag->series.at(0).values.at(1) == 1.0);
    BOOST_TEST(rag->series.at(3).name == "Blue (complete)");
    BOOST_TEST(*rag->series.at(3).values.at(0) == 1.0);
    BOOST_TEST(!rag->alt.empty());

    const Table& a = table(doc, "actions");
    const std::size_t ref = column(a, "action_ref");
    BOOST_TEST(a.rows.size() == 4u);
    BOOST_TEST((std::find(a.notes.begin(), a.notes.end(), "Recommendations without actions: 3.") != a.notes.end()));
    // 1.1 complete: blue now and then.
    const auto& done = row(a, ref, "1.1");
    BOOST_TEST(done[column(a, "gap")].display() == "done");
    BOOST_TEST(done[column(a, "days_to_due")].empty());
    BOOST_TEST(done[column(a, "direction")].display() == "steady");
    // 1.2 due 20 March: 11 days late on 31 March; on 3 March due in 17 days
    // (<= 28) and in progress: amber. Amber -> red: worsening.
    const auto& late = row(a, ref, "1.2");
    BOOST_TEST(late[column(a, "days_to_due")].integer == -11);
    BOOST_TEST(late[column(a, "gap")].display() == "11 days late");
    BOOST_TEST(late[column(a, "rag")].display() == "RED");
    BOOST_TEST(late[column(a, "rag")].text.find("overdue") != std::string::npos);
    BOOST_TEST(late[column(a, "rag_previous")].display() == "AMBER");
    BOOST_TEST(late[column(a, "direction")].display() == "worsening");
    // 2.1 not started, due 10 April: in 10 days now (red); 38 days on 3 March (green).
    const auto& soon = row(a, ref, "2.1");
    BOOST_TEST(soon[column(a, "days_to_due")].integer == 10);
    BOOST_TEST(soon[column(a, "gap")].display() == "due in 10 days");
    BOOST_TEST(soon[column(a, "due")].date.iso() == "2025-04-10");
    BOOST_TEST(soon[column(a, "rag_previous")].display() == "GREEN");
    BOOST_TEST(soon[column(a, "direction")].display() == "worsening");
    // 2.2 in progress: no update on or before 3 March (amber), updated 10 March (green).
    const auto& better = row(a, ref, "2.2");
    BOOST_TEST(better[column(a, "rag_previous")].display() == "AMBER");
    BOOST_TEST(better[column(a, "rag")].display() == "GREEN");
    BOOST_TEST(better[column(a, "direction")].display() == "improving");
    BOOST_TEST(better[column(a, "days_to_due")].integer == 91);  // 31 March to 30 June: 30 + 31 + 30

    // The plan report's tables, moved in.
    BOOST_TEST(table(doc, "overdue").rows.size() == 1u);   // 1.2
    BOOST_TEST(table(doc, "due_soon").rows.size() == 1u);  // 2.1 (10 days <= 28)
    BOOST_TEST(table(doc, "leads").rows.size() == 2u);
    table(doc, "cost_totals");
    table(doc, "cost_not_totalled");
    // Every format writes it.
    for (ReportFormat f : {ReportFormat::text, ReportFormat::markdown, ReportFormat::csv, ReportFormat::json,
                           ReportFormat::html, ReportFormat::xlsx})
        BOOST_TEST(!write_document(doc, f).empty());
}

// Compliance by month due, as of 31 March, months January..March 2025:
//  C1: placement Mon 6 Jan; t.visit due 3 Feb (met 30 Jan, on time), then
//      30 Jan + 28 = 27 Feb (met 5 March: late), then 2 April (not in the window);
//      t.review: 20 working days from 6 Jan = Mon 3 Feb (no review: overdue).
//  C2: placement 10 Feb; visit due 10 March, met 7 March (on time).
//  C3: placement 1 Feb; visit due 1 March, never met (overdue).
// January: nothing due. February: visits 1 of 2, reviews 0 of 1, overall
// 1 of 3. March: visits 1 of 2 = overall.
BOOST_FIXTURE_TEST_CASE(compliance_by_month_with_numerators, Fixture) {
    casework();
    const Document doc = build();
    const Chart* c = chart(doc, "compliance_trend");
    BOOST_TEST_REQUIRE(c);
    BOOST_TEST((c->x_labels == std::vector<std::string>{"2025-01", "2025-02", "2025-03"}));
    BOOST_TEST(c->series.size() == 3u);  // Overall, reviews, visits
    BOOST_TEST(values(*c, "Overall") == "- 33.3% 50.0%");
    BOOST_TEST(values(*c, "visits") == "- 50.0% 50.0%");
    BOOST_TEST(values(*c, "reviews") == "- 0.0% -");
    BOOST_TEST(!c->alt.empty());

    const Table& t = table(doc, "compliance_counts");
    const std::size_t month = column(t, "month"), area = column(t, "area");
    int found = 0;
    for (const auto& r : t.rows)
        if (r[month].display() == "2025-02" && r[area].display() == "(all)") {
            BOOST_TEST(r[column(t, "met_on_time")].integer == 1);
            BOOST_TEST(r[column(t, "due")].integer == 3);
            ++found;
        }
    BOOST_TEST(found == 1);
    BOOST_TEST(!has_paragraph(doc, "No compliance chart"));
    BOOST_TEST(has_paragraph(doc, "No audit chart"));
    BOOST_TEST(has_paragraph(doc, "No supervision chart"));
}

// Audits PA-1 (3 satisfactory, 1 inadequate: 75% and 25%) and PA-2 (2 and 2:
// 50% each) in the window; PA-0 (November 2024) is before it.
BOOST_FIXTURE_TEST_CASE(audit_grade_mix_per_audit, Fixture) {
    people();
    audits();
    const Document doc = build();
    const Chart* c = nullptr;
    for (const Block& b : doc.blocks)
        if (const auto* ch = std::get_if<Chart>(&b); ch && ch->id.rfind("audit_grades_", 0) == 0) c = ch;
    BOOST_TEST_REQUIRE(c);
    BOOST_TEST((c->kind == Chart::Kind::stacked_bar));
    BOOST_TEST((c->unit == Chart::Unit::percent));
    BOOST_TEST((c->x_labels == std::vector<std::string>{"PA-1 (2025-02-10)", "PA-2 (2025-03-12)"}));
    BOOST_TEST(values(*c, "satisfactory") == "75.0% 50.0%");
    BOOST_TEST(values(*c, "inadequate") == "25.0% 50.0%");
    BOOST_TEST(c->alt.find("2 of 4 graded positive") != std::string::npos);
}

// Ann Newby, social worker from Mon 2 December 2024: every 4 weeks (28
// days; data/supervision/england.toml, LGA Standards for Employers (2020)
// Standard 5), due dates on working days:
//   from the start of the role: due Mon 30 Dec 2024, held 23 Dec (on time);
//   due 23 Dec + 28 = Mon 20 Jan 2025, held 17 Jan (on time)      -> January 1 of 1;
//   due 17 Jan + 28 = Fri 14 Feb, held 21 Feb (late)               -> February 0 of 1;
//   due 21 Feb + 28 = Fri 21 March, held 18 March (on time)        -> March 1 of 1.
// Tom Reed, team manager with no session recorded, has one open link due in
// 2020: nothing due in the window, so no line of his.
BOOST_FIXTURE_TEST_CASE(supervision_in_timescale_by_team, Fixture) {
    people();
    supervision();
    const Document doc = build();
    const Chart* c = chart(doc, "supervision_trend");
    BOOST_TEST_REQUIRE(c);
    BOOST_TEST(c->series.size() == 1u);
    BOOST_TEST(values(*c, "Team A") == "100.0% 0.0% 100.0%");
    const Table& t = table(doc, "supervision_counts");
    BOOST_TEST(t.rows.size() == 3u);
    BOOST_TEST(t.rows.at(1)[column(t, "due")].integer == 1);
    BOOST_TEST(t.rows.at(1)[column(t, "held_in_time")].integer == 0);
}

BOOST_FIXTURE_TEST_CASE(supervision_that_lapsed_is_a_zero_line_not_no_data, Fixture) {
    people();
    // The one session before the window: Ann is due every 4 weeks after it
    // (20 January 2025) and none is held: 0% in January, not "no data".
    SupervisionRecord r;
    r.supervisee = "Ann Newby";
    r.supervisor = "Tom Reed";
    r.held = d("2024-12-23");
    r.recorded = d("2024-12-23");
    r.minutes = 60;
    record_supervision(store, r);
    const Document doc = build();
    const Chart* c = chart(doc, "supervision_trend");
    BOOST_TEST_REQUIRE(c);
    BOOST_TEST(values(*c, "Team A").rfind("0.0%", 0) == 0u, values(*c, "Team A"));
    BOOST_TEST(!has_paragraph(doc, "No supervision chart"));
}

BOOST_FIXTURE_TEST_CASE(new_and_withdrawn_actions_have_their_own_direction, Fixture) {
    // The store's history dates each action's creation with the clock: an
    // action added today did not exist yesterday.
    Action added = action("1.3", ActionStatus::in_progress, std::nullopt);
    add_action(store, plan_id, 1, added);
    ActionChange withdraw;
    withdraw.status = ActionStatus::withdrawn;
    update_action(store, plan_id, "2.1", withdraw);
    const Date today = Date::today();
    const auto direction_of = [&](Date previous, const std::string& ref) {
        DashboardOptions o;
        o.as_of = today;
        o.previous = previous;
        o.months = 1;
        o.pack = &pack();
        const Document doc = dashboard(store, plan_id, o);
        const Table& t = table(doc, "actions");
        const auto& r = row(t, column(t, "action_ref"), ref);
        return std::make_pair(r[column(t, "direction")].display(), r[column(t, "rag_previous")].empty());
    };
    // Since yesterday: 1.3 (and the plan saved today) are new, with no RAG then.
    BOOST_TEST(direction_of(today.add_days(-1), "1.3").first == "new");
    BOOST_TEST(direction_of(today.add_days(-1), "1.3").second);
    // Since today: nothing was created after it; 2.1 is withdrawn, neither better nor worse.
    BOOST_TEST(direction_of(today, "1.3").first != "new");
    BOOST_TEST(!direction_of(today, "1.3").second);
    BOOST_TEST(direction_of(today, "2.1").first == "withdrawn");
}

BOOST_FIXTURE_TEST_CASE(a_store_with_only_a_plan_says_so, Fixture) {
    const Document doc = build(12);
    BOOST_TEST(!chart(doc, "compliance_trend"));
    BOOST_TEST(!chart(doc, "supervision_trend"));
    BOOST_TEST(has_paragraph(doc, "No compliance chart: no obligation"));
    BOOST_TEST(has_paragraph(doc, "No audit chart: no audit held from 2024-04-01 to 2025-03-31"));
    BOOST_TEST(has_paragraph(doc, "No supervision chart: no supervision session held up to "));
    BOOST_TEST(chart(doc, "summary_rag"));  // the plan still has its chart
    // Written as HTML: no chart for the measures, the paragraphs instead.
    const std::string html = write_document(doc, ReportFormat::html);
    BOOST_TEST(html.find("No audit chart") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(the_inspection_clocks_follow_the_summary, Fixture) {
    // No inspection recorded: no table.
    for (const Table* t : build().tables()) BOOST_TEST(t->id != "inspection");
    // A focused visit with areas for priority action, letter Fri 2025-01-10
    // (ILACS: draft within 20 working days, final plan within 70;
    // statutory-timescales.md s.12, SECONDARY). Draft: four weeks, no bank
    // holiday between: Fri 2025-02-07. Final: fourteen weeks would be Fri
    // 2025-04-18, Good Friday; Easter Monday (21 April) too: Tue 2025-04-22.
    Inspection in;
    in.kind = InspectionKind::focused_visit;
    in.letter = d("2025-01-10");
    in.priority_actions = true;
    set_inspection(store, plan_id, in);
    const Document doc = build();
    const Table& t = table(doc, "inspection");
    BOOST_TEST_REQUIRE(t.rows.size() == 2u);
    BOOST_TEST(t.rows[0][1].display() == "2025-02-07");
    // As of Mon 2025-03-31: seven full weeks and that Monday since 7 February.
    BOOST_TEST(t.rows[0][3].display() == "overdue by 36 working days");
    BOOST_TEST(t.rows[1][1].display() == "2025-04-22");
    // April 1-4, 7-11, 14-17 and 22.
    BOOST_TEST(t.rows[1][3].display() == "due in 14 working days");
    // Right after the summary.
    std::vector<std::string> ids;
    for (const Table* x : doc.tables()) ids.push_back(x->id);
    BOOST_TEST_REQUIRE(ids.size() >= 3u);
    BOOST_TEST(ids[0] == "summary");
    BOOST_TEST(ids[1] == "inspection");
}

BOOST_FIXTURE_TEST_CASE(bad_options_and_unknown_plans, Fixture) {
    DashboardOptions o;
    o.as_of = d(kAsOf);
    o.months = 0;
    expect_error([&] { dashboard(store, plan_id, o); }, Status::invalid_arg, "months must be 1..60");
    o.months = 12;
    o.previous = d("2025-04-01");
    expect_error([&] { dashboard(store, plan_id, o); }, Status::invalid_arg, "previous (2025-04-01) is after as_of");
    o.previous.reset();
    expect_error([&] { dashboard(store, plan_id + 99, o); }, Status::not_found, "");
}

BOOST_AUTO_TEST_SUITE_END()

// The measure reports of the same store, as of Mon 31 March 2025 over the
// 3 months from 1 January: their as-of tables hold the window's counts, whose
// sums the month-by-month numbers above give; the trends are the dashboard's.
BOOST_AUTO_TEST_SUITE(measure_report)

static Document measures(Fixture& f, Measure m) {
    MeasureOptions o;
    o.as_of = d(kAsOf);
    o.months = 3;
    o.pack = &pack();
    return oversight::measure_report(f.store, m, o);
}

// The dashboard's months: visits 1 of 2 due in February, 1 of 2 in March;
// reviews 0 of 1 in February: 2 of 5 over the window. No child is allocated.
BOOST_FIXTURE_TEST_CASE(compliance_by_area_and_team_over_the_window, Fixture) {
    casework();
    const Document doc = measures(*this, Measure::compliance);
    BOOST_TEST(doc.kind == "compliance");
    const Table& areas = table(doc, "compliance_by_area");
    const std::size_t key = column(areas, "key"), met = column(areas, "met_on_time"), due = column(areas, "due");
    BOOST_TEST(row(areas, key, "visits")[met].integer == 2);
    BOOST_TEST(row(areas, key, "visits")[due].integer == 4);
    BOOST_TEST(row(areas, key, "visits")[column(areas, "percent")].display() == "50.0%");
    BOOST_TEST(row(areas, key, "reviews")[met].integer == 0);
    BOOST_TEST(row(areas, key, "reviews")[due].integer == 1);
    BOOST_TEST(row(areas, key, "(all)")[due].integer == 5);
    BOOST_TEST(row(areas, key, "(all)")[column(areas, "percent")].display() == "40.0%");
    // Each due obligation is met on time, met late or overdue.
    for (const auto& r : areas.rows)
        BOOST_TEST(r[met].integer + r[column(areas, "met_late")].integer + r[column(areas, "overdue")].integer ==
                   r[due].integer);
    const Table& teams = table(doc, "compliance_by_team");
    BOOST_TEST(row(teams, column(teams, "key"), "(not allocated)")[column(teams, "due")].integer == 5);
    BOOST_TEST(values(*chart(doc, "compliance_trend"), "Overall") == "- 33.3% 50.0%");
    BOOST_TEST(table(doc, "compliance_counts").rows.size() > 0u);
}

// PA-1 (3 of 4 satisfactory) and PA-2 (2 of 4) are in the window, PA-0 (1 of
// 1, November 2024) before it. The latest, PA-2: 2 of 4 = 50%, Wilson 95%
// interval (z = 1.96): centre (0.5 + z^2/8) / (1 + z^2/4) = 0.5, half width
// z * sqrt(0.25/4 + z^2/64) / (1 + z^2/4) = 0.3500: 15.0% to 85.0%.
BOOST_FIXTURE_TEST_CASE(audit_programmes_with_the_latest_result_and_trend, Fixture) {
    people();
    audits();
    const Document doc = measures(*this, Measure::audits);
    const Table& t = table(doc, "audit_programmes");
    BOOST_TEST_REQUIRE(t.rows.size() == 1u);
    const auto& r = t.rows[0];
    BOOST_TEST(r[column(t, "programme")].display() == "Plan audit");
    BOOST_TEST(r[column(t, "audits")].integer == 2);
    BOOST_TEST(r[column(t, "latest")].display() == "PA-2");
    BOOST_TEST(r[column(t, "held")].display() == "2025-03-12");
    BOOST_TEST(r[column(t, "cases")].integer == 4);
    BOOST_TEST(r[column(t, "positive")].integer == 2);
    BOOST_TEST(r[column(t, "share")].display() == "50.0%");
    BOOST_TEST(r[column(t, "low")].display() == "15.0%");
    BOOST_TEST(r[column(t, "high")].display() == "85.0%");
    BOOST_TEST(r[column(t, "interval")].display() == "15.0% to 85.0%");
    // PA-0's 1 of 1 and PA-2's 2 of 4 have overlapping intervals.
    BOOST_TEST(r[column(t, "trend")].display() == "too small");
    BOOST_TEST(chart(doc, "audit_grades_" + std::to_string(list_audit_programmes(store).at(0).id)));
}

// Ann Newby's sessions due in the window (see supervision_in_timescale_by_team):
// 20 January (held on time), 14 February (late), 21 March (on time): 2 of 3.
BOOST_FIXTURE_TEST_CASE(supervision_by_team_over_the_window, Fixture) {
    people();
    supervision();
    const Document doc = measures(*this, Measure::supervision);
    const Table& t = table(doc, "supervision_by_team");
    const auto& team_a = row(t, column(t, "team"), "Team A");
    BOOST_TEST(team_a[column(t, "due")].integer == 3);
    BOOST_TEST(team_a[column(t, "held_in_time")].integer == 2);
    BOOST_TEST(team_a[column(t, "percent")].display() == "66.7%");
    BOOST_TEST(values(*chart(doc, "supervision_trend"), "Team A") == "100.0% 0.0% 100.0%");
}

// Through build_report: no plan read (plan id 0), every format writes.
BOOST_FIXTURE_TEST_CASE(report_kinds_need_no_plan_and_write_in_every_format, Fixture) {
    people();
    casework();
    audits();
    supervision();
    for (const char* kind : {"compliance", "audits", "supervision"}) {
        ReportOptions o;
        o.kind = parse_report_kind(kind);
        BOOST_TEST(is_measure_report(o.kind));
        BOOST_TEST(to_string(o.kind) == kind);
        o.as_of = d(kAsOf);
        const Document doc = build_report(store, 0, o);
        BOOST_TEST(doc.kind == kind);
        for (ReportFormat f : {ReportFormat::text, ReportFormat::markdown, ReportFormat::csv, ReportFormat::json,
                               ReportFormat::html, ReportFormat::xlsx})
            BOOST_TEST(!write_document(doc, f).empty());
        expect_error([&] { build_report(load_plan(store, plan_id), o); }, Status::invalid_arg, "reads the store");
    }
    MeasureOptions bad;
    bad.as_of = d(kAsOf);
    bad.months = 61;
    expect_error([&] { oversight::measure_report(store, Measure::audits, bad); }, Status::invalid_arg,
                 "audits report: months must be 1..60, not 61");
}

BOOST_AUTO_TEST_SUITE_END()
