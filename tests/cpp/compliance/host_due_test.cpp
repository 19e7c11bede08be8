// A case system's extract of due dates checked against Oversight's (issue 9
// point 5, "the due-date columns of the council's extracts"): each verdict
// with hand-computed dates, rule ids and rule areas, both explanations, and
// the documents. The CSV reading itself: tests/cpp/import/host_due_csv_test.cpp.
#include <boost/test/unit_test.hpp>

#include <oversight/calendar/calendar.hpp>
#include <oversight/calendar/school_calendar.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/compliance/host_due.hpp>
#include <oversight/core/error.hpp>
#include <oversight/import/host_due_csv.hpp>
#include <oversight/rules/rule_pack.hpp>
#include <oversight/store/store.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

using namespace oversight;

namespace {

Date d(const char* iso) { return Date::parse_iso(iso); }

const RulePack& england() {
    static const RulePack p = RulePack::england_default();
    return p;
}

const Calendar& cal() {
    static const Calendar c = Calendar::for_division(Division::england_and_wales);
    return c;
}

/// C1 and C2 looked after and placed on Monday 6 January 2025. C1 visited
/// on Friday 10 January: the first visit (within 1 week, CPPCR 2010 reg
/// 28(2)(a), due 13 January) met, the next due within 6 weeks of that visit
/// in the first year (reg 28(2)(b)): 10 January + 42 days = Friday 21
/// February. C2 not visited: its first visit is still open, due 13 January.
/// The first review (CLR 2010 reg 33(1)): within 20 working days of 6
/// January: Monday 3 February. C3 exists with no events (nothing open).
Store authority() {
    Store store = Store::open_in_memory();
    for (const char* child : {"C1", "C2", "C3"}) save_child(store, {child, d("2012-05-01")});
    for (const char* child : {"C1", "C2"}) {
        record_event(store, child, {"became_looked_after", d("2025-01-06"), {}}, "t", &england());
        record_event(store, child, {"placement_start", d("2025-01-06"), {}}, "t", &england());
    }
    record_event(store, "C1", {"visit", d("2025-01-10"), {}}, "t", &england());
    return store;
}

HostDueOptions options() {
    HostDueOptions o;
    o.as_of = d("2025-01-31");
    o.file = "next-visits.csv";
    return o;
}

HostDueReport check(const Store& store, const std::string& csv, const HostDueOptions& o) {
    return check_host_due_dates(store, england(), cal(), read_host_due_csv(csv, o), o);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(host_due)

BOOST_AUTO_TEST_CASE(each_row_of_an_extract_is_checked_against_the_open_obligation) {
    const Store store = authority();
    HostDueOptions o = options();
    o.due_column = "Next visit due";
    o.rule = "visits";  // an area: whichever visit rule is open
    const std::string csv =
        "child,Next visit due,worker\r\n"
        "C1,2025-02-21,Ann\r\n"      // 2: agrees (10 Jan + 6 weeks)
        "C1,28/02/2025,Ann\r\n"      // 3: differs by 7 days (a DD/MM/YYYY date)
        "\r\n"                       // 4: blank line, skipped
        "C2,2025-01-12,Bo\r\n"       // 5: differs by -1 (the first visit, due 13 January)
        "C2,next week,Bo\r\n"        // 6: not a date
        "C3,2025-02-01,Cy\r\n"       // 7: nothing open for C3
        "C9,2025-02-01,Cy\r\n"       // 8: no such child
        "C1,,Ann\r\n"                // 9: blank, but a visit is open: the host does not know it is due
        "\"C1 \",\" 21/2/2025\",Ann\r\n"  // 10: trimmed, one-digit month: agrees
        "C3,,Cy\r\n"                 // 11: blank, and nothing open: agrees
        "C1,21/02/2025 00:00,Ann\r\n"  // 12: a spreadsheet's time of day: agrees
        "C1,21/02/25,Ann\r\n";       // 13: a two-digit year is not a date
    const HostDueReport r = check(store, csv, o);
    BOOST_REQUIRE(r.rows.size() == 11u);
    BOOST_TEST(r.file == "next-visits.csv");
    BOOST_TEST(r.as_of.iso() == "2025-01-31");

    const HostDueRow& agree = r.rows[0];
    BOOST_TEST(agree.line == 2);
    BOOST_TEST((agree.verdict == HostDueVerdict::agrees));
    BOOST_REQUIRE(agree.ours.has_value());
    BOOST_TEST(agree.ours->rule_id == "lac.visit.year1");
    BOOST_TEST(agree.ours->due.iso() == "2025-02-21");
    BOOST_TEST(!agree.ours->explanation.empty());

    const HostDueRow& later = r.rows[1];
    BOOST_TEST((later.verdict == HostDueVerdict::differs));
    BOOST_TEST(later.host_due->iso() == "2025-02-28");
    BOOST_TEST(later.days == 7);
    BOOST_TEST(later.explanation == "host due date 2025-02-28 from next-visits.csv line 3 column Next visit due");
    // Ours explains how 21 February was counted: from the visit on 10 January.
    BOOST_TEST(later.ours->explanation.find("2025-01-10") != std::string::npos, later.ours->explanation);
    BOOST_TEST(later.ours->explanation.find("Due Fri 2025-02-21") != std::string::npos, later.ours->explanation);

    const HostDueRow& first = r.rows[2];
    BOOST_TEST(first.line == 5);
    BOOST_TEST((first.verdict == HostDueVerdict::differs));
    BOOST_TEST(first.ours->rule_id == "lac.visit.first");
    BOOST_TEST(first.ours->due.iso() == "2025-01-13");
    BOOST_TEST(first.days == -1);

    BOOST_TEST((r.rows[3].verdict == HostDueVerdict::not_a_date));
    BOOST_TEST(!r.rows[3].host_due.has_value());
    BOOST_TEST(r.rows[3].host_text == "next week");
    BOOST_TEST(r.rows[3].ours.has_value());  // what it should have said
    BOOST_TEST(r.rows[3].explanation.find("is not a date") != std::string::npos);

    BOOST_TEST((r.rows[4].verdict == HostDueVerdict::no_open_obligation));
    BOOST_TEST(!r.rows[4].ours.has_value());
    BOOST_TEST(r.rows[4].explanation.find("no open obligation of 'visits' for child C3") != std::string::npos,
               r.rows[4].explanation);
    BOOST_TEST((r.rows[5].verdict == HostDueVerdict::unknown_child));
    BOOST_TEST(r.rows[5].explanation.find("no child 'C9'") != std::string::npos);
    BOOST_TEST((r.rows[6].verdict == HostDueVerdict::blank));
    BOOST_TEST(r.rows[6].explanation.find("but lac.visit.year1 is due 2025-02-21") != std::string::npos,
               r.rows[6].explanation);
    BOOST_TEST((r.rows[7].verdict == HostDueVerdict::agrees));
    BOOST_TEST(r.rows[7].child_id == "C1");
    BOOST_TEST(r.rows[7].line == 10);
    BOOST_TEST((r.rows[8].verdict == HostDueVerdict::agrees));
    BOOST_TEST(!r.rows[8].ours.has_value());
    BOOST_TEST(r.rows[8].explanation.find("nothing of 'visits' for child C3") != std::string::npos,
               r.rows[8].explanation);
    BOOST_TEST((r.rows[9].verdict == HostDueVerdict::agrees));
    BOOST_TEST((r.rows[10].verdict == HostDueVerdict::not_a_date));

    BOOST_TEST(r.count(HostDueVerdict::agrees) == 4);
    BOOST_TEST(r.count(HostDueVerdict::differs) == 2);
    BOOST_TEST(r.disagreements().size() == 7u);  // every verdict but agrees

    // The documents.
    const auto doc = nlohmann::json::parse(host_due_to_json(r));
    BOOST_TEST(doc["format"] == "oversight-host-due-dates");
    BOOST_TEST(doc["counts"]["differs"] == 2);
    BOOST_TEST(doc["rows"][1]["days"] == 7);
    BOOST_TEST(doc["rows"][1]["ours"]["due"] == "2025-02-21");
    BOOST_TEST(doc["rows"][5]["ours"].is_null());
    const std::string csv_out = host_due_to_csv(r);
    BOOST_TEST(csv_out.find("line,child,rule,host_due,host_text,verdict,days") == 0u);
    BOOST_TEST(csv_out.find("3,C1,visits,2025-02-28,28/02/2025,differs,7,lac.visit.year1,2025-02-21") !=
               std::string::npos);
    const std::string text = host_due_to_text(r);
    BOOST_TEST(text.find("line 3: C1 visits: differs (host 2025-02-28, Oversight 2025-02-21, +7 days)") !=
               std::string::npos, text);
    BOOST_TEST(text.find("theirs: host due date 2025-02-28") != std::string::npos);
    BOOST_TEST(text.find("ours: Rule lac.visit.year1") != std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(the_rule_may_be_a_rule_id_or_come_from_a_column) {
    const Store store = authority();
    HostDueOptions o = options();
    // Per row, from the rule column: a rule id, an area, an unknown name.
    const std::string csv =
        "child,rule,due\n"
        "C1,lac.review.first,03/02/2025\n"  // CLR 2010 reg 33(1): 20 working days from 6 January
        "C2,reviews,2025-02-04\n"           // the area: its earliest open review, the same one
        "C1,lac.visit.first,2025-01-13\n"   // met on 10 January: nothing of that rule open
        "C1,visitz,2025-01-13\n";           // neither a rule nor an area
    const HostDueReport r = check(store, csv, o);
    BOOST_REQUIRE(r.rows.size() == 4u);
    BOOST_TEST((r.rows[0].verdict == HostDueVerdict::agrees));
    BOOST_TEST(r.rows[0].ours->due.iso() == "2025-02-03");
    BOOST_TEST((r.rows[1].verdict == HostDueVerdict::differs));
    BOOST_TEST(r.rows[1].ours->rule_id == "lac.review.first");
    BOOST_TEST(r.rows[1].days == 1);
    BOOST_TEST((r.rows[2].verdict == HostDueVerdict::no_open_obligation));
    BOOST_TEST((r.rows[3].verdict == HostDueVerdict::unknown_rule));
    BOOST_TEST(r.rows[3].explanation.find("'visitz' (next-visits.csv line 5 column rule) is neither") !=
               std::string::npos, r.rows[3].explanation);

    // As of another day: after C2's visit on 20 January (recorded later),
    // an extract of 31 January sees the year-1 visit due 3 March; one of
    // 15 January still the first visit, overdue since the 13th.
    Store moved = authority();
    record_event(moved, "C2", {"visit", d("2025-01-20"), {}}, "t", &england());
    o.rule = "lac.visit.year1";
    HostDueReport now = check(moved, "child,due\nC2,2025-03-03\n", o);
    BOOST_TEST((now.rows.at(0).verdict == HostDueVerdict::agrees));
    o.as_of = d("2025-01-15");
    o.rule = "visits";
    HostDueReport then = check(moved, "child,due\nC2,2025-03-03\n", o);
    BOOST_TEST((then.rows.at(0).verdict == HostDueVerdict::differs));
    BOOST_TEST(then.rows.at(0).ours->due.iso() == "2025-01-13");

    // A termly rule without a school calendar is not counted, never "nothing open".
    o.as_of = d("2025-01-31");
    o.rule = "pep.review";
    HostDueReport pep = check(store, "child,due\nC1,2025-04-01\n", o);
    BOOST_TEST((pep.rows.at(0).verdict == HostDueVerdict::not_counted));
    BOOST_TEST(pep.rows.at(0).explanation.find("give a school calendar") != std::string::npos);
    // Nor with one whose last term ends before the review could fall due:
    // the school calendar's own reason is given. A PEP on 10 December 2025
    // and terms known only to 19 December: its termly review cannot be dated.
    const SchoolCalendar autumn = SchoolCalendar::from_toml(
        "name = \"Autumn only\"\n[[term]]\nname = \"Autumn 2025\"\nfirst_day = 2025-09-03\nlast_day = 2025-12-19\n",
        Calendar::for_division(Division::england_and_wales));
    Store termly = authority();
    record_event(termly, "C1", {"pep", d("2025-12-10"), {}}, "t", &england());
    o.school = &autumn;
    o.as_of = d("2025-12-15");
    pep = check(termly, "child,due\nC1,27/03/2026\n", o);
    BOOST_TEST((pep.rows.at(0).verdict == HostDueVerdict::not_counted));
    BOOST_TEST(pep.rows.at(0).explanation.find("Oversight cannot date pep.review counted from pep on 2025-12-10") !=
               std::string::npos, pep.rows.at(0).explanation);
    o.school = nullptr;

    // Areas and ids ignoring ASCII case; disabled rules never matched.
    o.as_of = d("2025-01-31");
    o.rule.reset();
    const HostDueReport cased =
        check(store, "child,rule,due\nC1,Visits,2025-02-21\nC1,LAC.Visit.Year1,2025-02-21\n", o);
    for (const HostDueRow& row : cased.rows) BOOST_TEST((row.verdict == HostDueVerdict::agrees), row.rule);
    const Rule* off = nullptr;
    for (const Rule& rule : england().rules())
        if (!rule.enabled) off = &rule;
    BOOST_REQUIRE_MESSAGE(off, "the England pack has a disabled rule");
    const HostDueReport disabled = check(store, "child,rule,due\nC1," + off->id + ",2025-02-21\n", o);
    BOOST_TEST((disabled.rows.at(0).verdict == HostDueVerdict::unknown_rule));
    BOOST_TEST(disabled.rows.at(0).explanation.find("names only rules disabled in") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(children_may_be_named_by_the_case_systems_own_ids) {
    Store store = authority();
    save_child(store, {"C1", std::nullopt, std::string("LCS-0001")});
    HostDueOptions o = options();
    o.rule = "visits";
    o.by_external_id = true;
    const HostDueReport r = check(store, "child,due\nLCS-0001,2025-02-21\nC1,2025-02-21\n", o);
    BOOST_REQUIRE(r.rows.size() == 2u);
    BOOST_TEST((r.rows[0].verdict == HostDueVerdict::agrees));
    BOOST_TEST(r.rows[0].ours->due.iso() == "2025-02-21");
    BOOST_TEST((r.rows[1].verdict == HostDueVerdict::unknown_child));  // the authority's id is not the host's
    BOOST_TEST(r.rows[1].explanation.find("no child with external id 'C1'") != std::string::npos,
               r.rows[1].explanation);
}

BOOST_AUTO_TEST_CASE(bad_extracts_and_settings_are_refused_naming_the_place) {
    const Store store = authority();
    HostDueOptions o = options();
    // A fixed rule the pack does not know: refused before any row is read.
    o.rule = "no.such.rule";
    try {
        check(store, "child,due\nC1,2025-01-01\n", o);
        BOOST_FAIL("an unknown fixed rule was accepted");
    } catch (const Error& e) {
        BOOST_TEST((e.code() == Status::not_found));
        BOOST_TEST(std::string(e.what()).find("'no.such.rule' is neither a rule id nor a rule area") !=
                   std::string::npos);
    }
    o.rule.reset();
    // The rule column is needed when no rule is given.
    try {
        check(store, "child,due\nC1,2025-01-01\n", o);
        BOOST_FAIL("a missing rule column was accepted");
    } catch (const Error& e) {
        BOOST_TEST((e.code() == Status::parse));
        BOOST_TEST(std::string(e.what()).find("next-visits.csv:1") != std::string::npos, e.what());
        BOOST_TEST(std::string(e.what()).find("rule") != std::string::npos);
    }
    // SQL metacharacters and a huge id are just unknown children.
    const HostDueReport odd =
        check(store,
              "child,rule,due\nC1"
              "'; DROP TABLE children; --,visits,2025-01-01\n" +
                  std::string(5000, 'x') + ",visits,2025-01-01\n",
              o);
    BOOST_REQUIRE(odd.rows.size() == 2u);
    BOOST_TEST((odd.rows[0].verdict == HostDueVerdict::unknown_child));
    BOOST_TEST((odd.rows[1].verdict == HostDueVerdict::unknown_child));
    // Impossible dates are not dates.
    const HostDueReport dates =
        check(store, "child,rule,due\nC1,visits,2025-02-30\nC1,visits,31/04/2025\nC1,visits,1/1/25\n", o);
    for (const HostDueRow& row : dates.rows) BOOST_TEST((row.verdict == HostDueVerdict::not_a_date), row.host_text);
}

BOOST_AUTO_TEST_SUITE_END()
