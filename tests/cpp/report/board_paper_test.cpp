// The board paper (include/oversight/report/board_paper.hpp): the seed's
// columns, grouping by section and timescale, and the changes since the
// previous paper (history rows in the window, progress dates, RAG then and
// now) on a plan built here; read from a store; and the seed plan as of
// 12 October 2012 (issue 11's acceptance), skipped without ../shared.
#include <boost/test/unit_test.hpp>

#include <oversight/core/error.hpp>
#include <oversight/import/seed_plan.hpp>
#include <oversight/plan/plan_store.hpp>
#include <oversight/plan/rag.hpp>
#include <oversight/report/board_paper.hpp>
#include <oversight/report/writer.hpp>
#include <oversight/store/store.hpp>

#include "report/report_repository.hpp"
#include "support/shared_data.hpp"

#include <set>
#include <string>
#include <vector>

using namespace oversight;
using oversight::test::kSeedPlan;
using oversight::test::needs_shared;

namespace {

const Date kSince = Date::parse_iso("2012-09-14");
const Date kAsOf = Date::parse_iso("2012-10-12");

struct Board {
    Document doc;
    const Table& table() const {
        for (const Table* t : doc.tables())
            if (t->id == "board") return *t;
        BOOST_FAIL("no table \"board\"");
        throw std::logic_error("unreachable");
    }
    std::size_t col(const std::string& key) const {
        const Table& t = table();
        for (std::size_t c = 0; c < t.columns.size(); ++c)
            if (t.columns[c].key == key) return c;
        BOOST_FAIL("no column " << key);
        return 0;
    }
    bool has_col(const std::string& key) const {
        for (const Column& c : table().columns)
            if (c.key == key) return true;
        return false;
    }
    std::string text(std::size_t row, const std::string& key) const {
        return table().rows.at(row).at(col(key)).display();
    }
    const Cell& cell(std::size_t row, const std::string& key) const { return table().rows.at(row).at(col(key)); }
    /// The row of an action reference.
    std::size_t row_of(const std::string& ref) const {
        for (std::size_t r = 0; r < table().rows.size(); ++r)
            if (text(r, "action_ref") == ref) return r;
        BOOST_FAIL("no row for action " << ref);
        return 0;
    }
    std::vector<std::string> paragraphs() const {
        std::vector<std::string> out;
        for (const Block& b : doc.blocks)
            if (const auto* p = std::get_if<Paragraph>(&b)) out.push_back(p->text);
        return out;
    }
};

Action action(std::string ref, std::string lead, ActionStatus status) {
    Action a;
    a.ref = std::move(ref);
    a.description = "Do " + a.ref;
    a.lead = std::move(lead);
    a.status = status;
    a.impact_intended = "Impact of " + a.ref;
    return a;
}

ProgressUpdate update(const char* date, std::string text) {
    ProgressUpdate u;
    u.date = Date::parse_iso(date);
    u.text = std::move(text);
    return u;
}

/// Two sections; rec 1 Immediately, rec 2 within 3 months (both in section
/// A), rec 3 in section B with no actions. Ids as a store would give them.
Plan small_plan() {
    Plan p;
    p.id = 1;
    p.title = "Improvement plan";
    p.authority = "Anytown Council";
    p.report_date = kSince;
    p.sections = {"A", "B"};
    Recommendation r1;
    r1.id = 11;
    r1.number = 1;
    r1.section = "A";
    r1.text = "Ensure the quality of practice";
    r1.timescale = Timescale::immediately;
    Action a11 = action("1.1", "Ann Lead", ActionStatus::in_progress);
    a11.id = 101;
    a11.updates = {update("2012-09-01", "Started"), update("2012-10-01", "Half done")};
    a11.updates[0].id = 1001;
    a11.updates[1].id = 1002;
    a11.cost.text = "c£1.7m";
    Task open;
    open.id = 2001;
    open.text = "Finish the work";
    open.owner = "Bob";
    Task done;
    done.id = 2002;
    done.text = "Already done";
    done.done = true;
    a11.tasks = {open, done};
    Action a12 = action("1.2", "", ActionStatus::complete);  // lead from the recommendation
    a12.id = 102;
    Action a13 = action("1.3", "Cat Lead", ActionStatus::not_started);
    a13.id = 103;
    r1.lead = "Rec Lead";
    r1.actions = {a11, a12, a13};

    Recommendation r2;
    r2.id = 12;
    r2.number = 2;
    r2.section = "A";
    r2.text = "Improve supervision";
    r2.timescale = Timescale::within_three_months;
    Action a21 = action("2.1", "Dan Lead", ActionStatus::complete);
    a21.id = 104;
    Action a22 = action("2.2", "Eve Lead", ActionStatus::in_progress);
    a22.id = 105;
    a22.due = Date::parse_iso("2012-10-01");
    a22.updates = {update("2012-09-01", "Begun")};
    a22.updates[0].id = 1003;
    r2.actions = {a21, a22};

    Recommendation r3;
    r3.id = 13;
    r3.number = 3;
    r3.section = "B";
    r3.text = "Report to the board";
    r3.timescale = Timescale::within_six_months;
    r3.lead = "Fay Lead";
    // Listed out of number order: the paper sorts them.
    p.recommendations = {r3, r1, r2};
    return p;
}

PlanHistoryEntry row(const char* at, const char* entity, std::int64_t id, const char* field,
                     std::optional<std::string> before, std::optional<std::string> after) {
    return PlanHistoryEntry{at, entity, id, field, std::move(before), std::move(after)};
}

std::vector<PlanHistoryEntry> small_history() {
    return {
        // On the previous paper's own day: not a change since it.
        row("2012-09-14T12:00:00Z", "action", 104, "lead", std::string("Old Lead"), std::string("Dan Lead")),
        row("2012-10-02T09:00:00Z", "action", 103, "*", std::nullopt, std::string("1.3")),
        row("2012-10-02T09:00:01Z", "action", 103, "status", std::string("not_started"), std::string("not_started")),
        row("2012-10-05T10:00:00Z", "action", 102, "status", std::string("in_progress"), std::string("complete")),
        // Another plan's action: ignored.
        row("2012-10-05T10:00:00Z", "action", 999, "status", std::string("in_progress"), std::string("complete")),
        // After the end of as_of: not yet.
        row("2012-10-13T00:00:01Z", "action", 104, "status", std::string("in_progress"), std::string("complete")),
    };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(board_paper_suite)

BOOST_AUTO_TEST_CASE(columns_in_the_seeds_order_grouped_by_section_and_timescale) {
    const Board b{board_paper(small_plan(), small_history(), {kAsOf, kSince})};
    BOOST_TEST(b.doc.kind == "board");
    BOOST_TEST(b.doc.title == "Improvement plan");
    BOOST_REQUIRE(b.doc.subtitle.size() == 2u);
    BOOST_TEST(b.doc.subtitle[0] == "Anytown Council");
    BOOST_TEST(b.doc.subtitle[1] == "Position as of 2012-10-12, changes since 2012-09-14");
    const Table& t = b.table();
    const std::vector<std::string> keys = {"number", "recommendation", "action", "progress", "impact",
                                           "still_to_do", "cost", "lead", "rag", "changed",
                                           "recommendation_number", "action_ref", "section", "timescale", "group"};
    const std::vector<std::string> titles = {"No.", "Rec.", "Action", "Progress", "Impact",
                                             "What do we still need to do", "Cost", "Lead person responsible",
                                             "RAG", "Changed since 2012-09-14"};
    BOOST_REQUIRE(t.columns.size() == keys.size());
    for (std::size_t c = 0; c < keys.size(); ++c) BOOST_TEST(t.columns[c].key == keys[c]);
    for (std::size_t c = 0; c < titles.size(); ++c) BOOST_TEST(t.columns[c].title == titles[c]);
    BOOST_TEST(t.group_by.value() == keys.size() - 1);

    // Rows: 1.1 1.2 1.3 2.1 2.2 and recommendation 3's own row, in number order.
    BOOST_REQUIRE(t.rows.size() == 6u);
    const std::vector<std::string> numbers = {"1.1", "1.2", "1.3", "2.1", "2.2", "3"};
    const std::vector<std::string> groups = {"A: Immediately", "A: Immediately", "A: Immediately",
                                             "A: Within 3 months", "A: Within 3 months", "B: Within 6 months"};
    for (std::size_t r = 0; r < 6; ++r) {
        BOOST_TEST(b.text(r, "number") == numbers[r]);
        BOOST_TEST(b.text(r, "group") == groups[r]);
    }
    // The recommendation's text on its first row only.
    BOOST_TEST(b.text(0, "recommendation") == "1. Ensure the quality of practice");
    BOOST_TEST(b.cell(1, "recommendation").empty());
    BOOST_TEST(b.text(3, "recommendation") == "2. Improve supervision");
    BOOST_TEST(b.text(5, "recommendation") == "3. Report to the board");
    BOOST_TEST(b.cell(5, "action").empty());
    BOOST_TEST(b.text(5, "lead") == "Fay Lead");
    BOOST_TEST((b.cell(5, "rag").type == Cell::Type::rag));

    const std::size_t a11 = b.row_of("1.1");
    BOOST_TEST(b.text(a11, "progress") == "2012-09-01: Started\n2012-10-01: Half done");
    BOOST_TEST(b.text(a11, "still_to_do") == "Finish the work (Bob)");  // the done task is left out
    BOOST_TEST(b.text(a11, "cost") == "c£1.7m");
    BOOST_TEST(b.text(a11, "impact") == "Impact of 1.1");
    BOOST_TEST(b.text(a11, "lead") == "Ann Lead");
    BOOST_TEST(b.text(b.row_of("1.2"), "lead") == "Rec Lead");  // none of its own
    const Cell& rag = b.cell(a11, "rag");
    BOOST_TEST((rag.type == Cell::Type::rag));
    const Plan p = small_plan();
    const RagResult expected = action_rag(p, p.recommendations[1], p.recommendations[1].actions[0], kAsOf);
    BOOST_TEST(to_string(rag.rag) == to_string(expected.rag));
    BOOST_TEST(rag.text == expected.reason);
    BOOST_TEST(!rag.text.empty());
}

BOOST_AUTO_TEST_CASE(progress_up_to_as_of_only) {
    const Board b{board_paper(small_plan(), {}, {Date::parse_iso("2012-09-20"), std::nullopt})};
    BOOST_TEST(b.text(b.row_of("1.1"), "progress") == "2012-09-01: Started");
}

BOOST_AUTO_TEST_CASE(changes_since_the_previous_paper_are_marked) {
    const Board b{board_paper(small_plan(), small_history(), {kAsOf, kSince})};
    // 1.1: an update dated 2012-10-01, after the previous paper.
    BOOST_TEST(b.text(b.row_of("1.1"), "changed").find("progress added") != std::string::npos);
    // 1.2: completed on 5 October (history); complete then and now, so blue both times.
    BOOST_TEST(b.text(b.row_of("1.2"), "changed") == "status: in_progress -> complete");
    // 1.3: created on 2 October: "new", nothing else.
    BOOST_TEST(b.text(b.row_of("1.3"), "changed") == "new");
    // 2.1: its lead changed on the previous paper's day and its status after
    // as_of: unchanged in this paper.
    BOOST_TEST(b.cell(b.row_of("2.1"), "changed").empty());
    // 2.2 is due 2012-10-01, in progress: on 2012-09-14 within the 28 days
    // "due soon" (amber), on 2012-10-12 overdue (red) — the plan's default
    // settings (plan.hpp PlanSettings::due_soon_days).
    BOOST_TEST(b.text(b.row_of("2.2"), "changed") == "RAG amber -> red");
    const auto paragraphs = b.paragraphs();
    BOOST_REQUIRE(!paragraphs.empty());
    BOOST_TEST(paragraphs[0] == "4 of 5 actions changed since 2012-09-14.");
}

BOOST_AUTO_TEST_CASE(a_recommendation_change_shows_on_its_first_row) {
    auto history = small_history();
    history.push_back(
        row("2012-10-03T08:00:00Z", "recommendation", 12, "timescale", std::string("immediately"),
            std::string("within_three_months")));
    const Board b{board_paper(small_plan(), history, {kAsOf, kSince})};
    BOOST_TEST(b.text(b.row_of("2.1"), "changed") == "timescale: immediately -> within_three_months");
    // Not an action's change: the count stays.
    BOOST_TEST(b.paragraphs().at(0) == "4 of 5 actions changed since 2012-09-14.");
}

BOOST_AUTO_TEST_CASE(without_a_previous_paper_nothing_is_marked) {
    const Board b{board_paper(small_plan(), small_history(), {kAsOf, std::nullopt})};
    BOOST_TEST(!b.has_col("changed"));
    BOOST_TEST(b.paragraphs().empty());
    BOOST_TEST(b.doc.subtitle.at(1) == "Position as of 2012-10-12");
}

BOOST_AUTO_TEST_CASE(since_must_be_before_as_of) {
    BOOST_CHECK_THROW(board_paper(small_plan(), {}, {kAsOf, kAsOf}), Error);
    try {
        board_paper(small_plan(), {}, {kSince, kAsOf});
    } catch (const Error& e) {
        BOOST_TEST((e.code() == Status::invalid_arg));
        BOOST_TEST(std::string(e.what()).find("2012-10-12") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(every_format_writes_it) {
    const Document d = board_paper(small_plan(), small_history(), {kAsOf, kSince});
    for (ReportFormat f : {ReportFormat::text, ReportFormat::markdown, ReportFormat::csv, ReportFormat::json,
                           ReportFormat::html, ReportFormat::xlsx})
        BOOST_TEST(!write_document(d, f).empty(), to_string(f));
    const std::string md = write_document(d, ReportFormat::markdown);
    BOOST_TEST(md.find("| No. | Rec. | Action | Progress | Impact | What do we still need to do | Cost | "
                       "Lead person responsible | RAG | Changed since 2012-09-14 |") != std::string::npos,
               md);
    BOOST_TEST(md.find("A: Within 3 months") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_inspection_clocks_come_before_the_table) {
    // ILACS: the final action plan within 70 working days of the letter; for a
    // monitored council the first monitoring visit within 4 weeks of that
    // deadline (statutory-timescales.md s.12, SECONDARY). Letter Fri
    // 2012-08-10: 70 working days would be 14 weeks, Fri 2012-11-16; the summer
    // bank holiday (Mon 2012-08-27) moves it to Mon 2012-11-19; + 4 weeks: Mon
    // 2012-12-17. As of Fri 2012-10-12, 26 working days are left (five full
    // weeks to Fri 2012-11-16, then Mon 19).
    Plan p = small_plan();
    Inspection in;
    in.kind = InspectionKind::full;
    in.letter = Date::parse_iso("2012-08-10");
    in.monitored = true;
    in.owner = "Director of Children's Services";
    p.inspection = in;
    const Document d = board_paper(p, small_history(), {kAsOf, kSince});
    BOOST_TEST_REQUIRE(d.tables().size() == 2u);
    const Table& t = *d.tables()[0];
    BOOST_TEST(t.id == "inspection");
    BOOST_TEST(t.title == "Inspection: Full inspection, letter of 2012-08-10");
    BOOST_TEST_REQUIRE(t.rows.size() == 2u);
    BOOST_TEST(t.rows[0][0].display() == "action plan due");
    BOOST_TEST(t.rows[0][1].display() == "2012-11-19");
    BOOST_TEST(t.rows[0][3].display() == "due in 26 working days");
    BOOST_TEST(t.rows[1][1].display() == "2012-12-17");
    BOOST_TEST(t.rows[1][3].display() == "expected by 2012-12-17");
    BOOST_TEST(d.tables()[1]->id == "board");
    const std::string md = write_document(d, ReportFormat::markdown);
    BOOST_TEST(md.find("2012-11-19") < md.find("| No. | Rec."), md);
    BOOST_TEST(md.find("Owner (sends the plan to Ofsted): Director of Children's Services.") != std::string::npos, md);
    // Without an inspection, no such table.
    BOOST_TEST(board_paper(small_plan(), small_history(), {kAsOf, kSince}).tables().size() == 1u);
}

BOOST_AUTO_TEST_CASE(read_from_a_store) {
    Store s = Store::open_in_memory();
    Plan p = small_plan();
    const std::int64_t id = save_plan(s, p);
    Plan other = small_plan();
    other.title = "Another plan";
    const std::int64_t other_id = save_plan(s, other);
    ActionChange blocked;
    blocked.status = ActionStatus::blocked;
    update_action(s, id, "2.2", blocked);
    ActionChange started;
    started.status = ActionStatus::in_progress;
    update_action(s, other_id, "2.1", started);

    // The store's history rows carry today's UTC time: a window around today
    // holds them all, and only this plan's.
    const Date today = Date::today();
    const Plan stored = load_plan(s, id);
    const auto rows = detail::plan_history(s, stored, today.add_days(-1).iso() + "T00:00:00Z",
                                           today.add_days(1).iso() + "T23:59:59Z");
    int status_rows = 0, action_creations = 0;
    std::set<std::int64_t> action_ids;
    for (const Recommendation& r : stored.recommendations)
        for (const Action& a : r.actions) action_ids.insert(a.id);
    for (const PlanHistoryEntry& e : rows) {
        if (e.entity == "action") BOOST_TEST(action_ids.count(e.entity_id) == 1u);
        if (e.entity == "action" && e.field == "status") {
            ++status_rows;
            BOOST_TEST(*e.old_value == "in_progress");
            BOOST_TEST(*e.new_value == "blocked");
        }
        action_creations += e.entity == "action" && e.field == "*";
    }
    BOOST_TEST(status_rows == 1);
    BOOST_TEST(action_creations == 5);
    // Outside the window: nothing.
    BOOST_TEST(detail::plan_history(s, stored, "2000-01-01T00:00:00Z", "2000-12-31T23:59:59Z").empty());

    // Every action was created after a paper of two days ago.
    const Board b{board_paper(s, id, {today.add_days(1), today.add_days(-2)})};
    for (const char* ref : {"1.1", "1.2", "1.3", "2.1", "2.2"}) BOOST_TEST(b.text(b.row_of(ref), "changed") == "new");
    BOOST_TEST(b.text(b.row_of("2.2"), "lead") == "Eve Lead");
    BOOST_CHECK_THROW(board_paper(s, 12345, {kAsOf, kSince}), Error);
}

// Issue 11's acceptance: the seed plan as of 12 October 2012 lists all 20
// recommendations in order, each action under its recommendation with its lead.
BOOST_AUTO_TEST_CASE(seed_plan_as_of_12_october_2012, *boost::unit_test::precondition(needs_shared(kSeedPlan))) {
    SeedImportOptions so;
    so.report_date = Date::parse_iso("2012-09-14");  // as tests/cli/plan.sh imports it
    const Plan p = import_seed_plan_file(oversight::test::shared_path(kSeedPlan), so).plan;
    BOOST_REQUIRE(p.recommendations.size() == 20u);
    const Board b{board_paper(p, {}, {kAsOf, std::nullopt})};
    const Table& t = b.table();

    std::size_t r = 0;
    int previous = 0;
    for (const Recommendation& rec : p.recommendations) {
        BOOST_TEST_CONTEXT("recommendation " << rec.number) {
            BOOST_TEST(rec.number == previous + 1);  // 1..20 in order
            previous = rec.number;
            BOOST_REQUIRE(r < t.rows.size());
            BOOST_TEST(b.text(r, "recommendation").rfind(std::to_string(rec.number) + ". ", 0) == 0u);
            if (rec.actions.empty()) {
                BOOST_TEST(b.cell(r, "recommendation_number").integer == rec.number);
                ++r;
            }
            for (const Action& a : rec.actions) {
                BOOST_REQUIRE(r < t.rows.size());
                BOOST_TEST(b.text(r, "number") == a.ref);
                BOOST_TEST(b.text(r, "action_ref") == a.ref);
                BOOST_TEST(b.cell(r, "recommendation_number").integer == rec.number);
                BOOST_TEST(b.text(r, "lead") == (a.lead.empty() ? rec.lead : a.lead), a.ref);
                BOOST_TEST(b.text(r, "action") == a.description);
                ++r;
            }
        }
    }
    BOOST_TEST(r == t.rows.size());
    BOOST_TEST(b.text(0, "lead") == "Felicity Budgen");  // 1.1 in the seed

    const std::string md = write_document(b.doc, ReportFormat::markdown);
    BOOST_TEST(md.find("| No. | Rec. | Action | Progress | Impact | What do we still need to do | Cost | "
                       "Lead person responsible | RAG |") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
