// Reports (include/oversight/report/report.hpp): every kind builds a document
// that every text format renders well-formed; due, leads and cost roll-ups on a constructed plan
// with known answers; empty plans and hostile text.
#include <boost/test/unit_test.hpp>

#include <oversight/core/error.hpp>
#include <oversight/import/seed_plan.hpp>
#include <oversight/plan/rag.hpp>
#include <oversight/report/report.hpp>
#include <oversight/report/writer.hpp>

#include "core/csv.hpp"
#include "core/text.hpp"
#include "support/shared_data.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <limits>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

using namespace oversight;
using oversight::test::kSeedPlan;
using oversight::test::needs_shared;
using nlohmann::json;

namespace {

const Date kAsOf = Date::parse_iso("2012-10-20");
constexpr ReportKind kKinds[] = {ReportKind::full, ReportKind::plan, ReportKind::due, ReportKind::leads,
                                 ReportKind::costs};
constexpr ReportFormat kFormats[] = {ReportFormat::text, ReportFormat::markdown, ReportFormat::csv,
                                     ReportFormat::json};

Cost money(std::int64_t pence, Cost::Period period, bool approximate = false, std::string text = "£") {
    Cost c;
    c.text = std::move(text);
    c.kind = Cost::Kind::amount;
    c.amount_pence = pence;
    c.period = period;
    c.approximate = approximate;
    return c;
}

Cost of_kind(Cost::Kind k, std::string text) {
    Cost c;
    c.kind = k;
    c.text = std::move(text);
    return c;
}

Action action(std::string ref, std::string lead, ActionStatus st, std::optional<Date> due, Cost cost = {}) {
    Action a;
    a.ref = std::move(ref);
    a.description = "Do the work for " + a.ref;
    a.lead = std::move(lead);
    a.status = st;
    a.due = due;
    a.cost = std::move(cost);
    a.updates.push_back({0, kAsOf.add_days(-3), "PM", "Progress on " + a.ref});
    return a;
}

/// A plan whose answers are known by construction.
///   1.1 overdue 10 days (Felicity), 1.2 due in 5 days (Mark), 1.3 complete (Mark),
///   2.1 due in 28 days, not started (Mark, red), 2.2 due in 29 days (Felicity, green),
///   2.3 withdrawn (Mark), 2.4 no due date (no lead; rec 2 is "by date" without
///   a date), 3.x none (no actions).
/// Costs (pence):
///   one-off exact   : 1.1 £10,500 + 2.1 £2,000.50          = 1,250,050
///   one-off approx  : 1.2 c£53,000                         = 5,300,000
///   per annum exact : 2.2 range £11,000–£22,000 + Rec 2... (not added: actions priced)
///   per annum approx: none
///   period unknown approx: Rec 3 c£1.7m (its actions are not priced) = 170,000,000
///   per unit: 2.4 £15,000 per social worker (not totalled)
///   withdrawn: 2.3 £99,999 (not counted); within existing: 1.3; tbc: none; unparsed: Rec 1 "some"
Plan sample_plan() {
    Plan p;
    p.title = "Ofsted improvement plan";
    p.authority = "Southampton City Council";
    p.report_date = Date::parse_iso("2012-09-14");
    p.sections = {"Safeguarding", "Leadership"};

    Recommendation r1;
    r1.number = 1;
    r1.section = "Safeguarding";
    r1.text = "Ensure that the quality of social work | is consistently high";
    r1.timescale = Timescale::within_six_months;
    r1.cost = of_kind(Cost::Kind::unparsed, "some");
    r1.actions.push_back(action("1.1", "Felicity Budgen", ActionStatus::in_progress, kAsOf.add_days(-10),
                                money(1050000, Cost::Period::one_off, false, "£10,500")));
    r1.actions.push_back(action("1.2", "Mark Jowett", ActionStatus::in_progress, kAsOf.add_days(5),
                                money(5300000, Cost::Period::one_off, true, "c£53K")));
    r1.actions.push_back(action("1.3", "mark  jowett", ActionStatus::complete, kAsOf.add_days(-40),
                                of_kind(Cost::Kind::within_existing, "Within existing resources")));
    Recommendation r2;
    r2.number = 2;
    r2.section = "Leadership";
    r2.text = "Improve leadership";
    r2.timescale = Timescale::by_date;  // with its date missing: no target date

    r2.cost = money(777700, Cost::Period::per_annum, false, "£7,777 pa");
    r2.actions.push_back(action("2.1", "Mark Jowett", ActionStatus::not_started, kAsOf.add_days(28),
                                money(200050, Cost::Period::one_off, false, "£2,000.50")));
    Cost range = money(1100000, Cost::Period::per_annum, false, "£11k rising to £22k pa");
    range.kind = Cost::Kind::range;
    range.high_pence = 2200000;
    r2.actions.push_back(action("2.2", "Felicity Budgen", ActionStatus::in_progress, kAsOf.add_days(29), range));
    r2.actions.push_back(action("2.3", "Mark Jowett", ActionStatus::withdrawn, kAsOf.add_days(-50),
                                money(9999900, Cost::Period::one_off, false, "£99,999")));
    Cost unit = money(1500000, Cost::Period::per_annum, false, "£15k per social worker");
    unit.per_unit = "social worker";
    Action undated = action("2.4", "", ActionStatus::in_progress, std::nullopt, unit);
    r2.actions.push_back(undated);
    Recommendation r3;
    r3.number = 3;
    r3.section = "Leadership";
    r3.text = "A recommendation with no actions yet";
    r3.timescale = Timescale::within_three_months;
    r3.cost = money(170000000, Cost::Period::unknown, true, "c£1.7m");
    p.recommendations = {r1, r2, r3};
    return p;
}

std::string render(const Plan& p, ReportKind k, ReportFormat f, Date as_of = kAsOf, int within = 28) {
    ReportOptions o;
    o.kind = k;
    o.format = f;
    o.as_of = as_of;
    o.within_days = within;
    return render_report(p, o);
}

/// RFC 4180 reader for the tests: rows of fields; fails the test on malformed quoting.
std::vector<std::vector<std::string>> read_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, in_quotes = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else
                    in_quotes = false;
            } else
                field += c;
        } else if (c == '"') {
            BOOST_REQUIRE_MESSAGE(field.empty() && !quoted, "quote inside an unquoted field at byte " << i);
            in_quotes = quoted = true;
        } else if (c == ',') {
            row.push_back(field);
            field.clear();
            quoted = false;
        } else if (c == '\r') {
            BOOST_REQUIRE_MESSAGE(i + 1 < text.size() && text[i + 1] == '\n', "bare CR at byte " << i);
        } else if (c == '\n') {
            row.push_back(field);
            rows.push_back(row);
            row.clear();
            field.clear();
            quoted = false;
        } else {
            BOOST_REQUIRE_MESSAGE(!quoted, "text after a closing quote at byte " << i);
            field += c;
        }
    }
    BOOST_REQUIRE_MESSAGE(!in_quotes, "unterminated quoted field");
    BOOST_REQUIRE_MESSAGE(field.empty() && row.empty(), "the last record has no line end");
    return rows;
}

/// Cells of a Markdown table row, split at unescaped pipes.
std::vector<std::string> md_cells(const std::string& line) {
    std::vector<std::string> cells;
    std::string cur;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\' && i + 1 < line.size()) {
            cur += line[i];
            cur += line[++i];
        } else if (line[i] == '|') {
            cells.push_back(cur);
            cur.clear();
        } else
            cur += line[i];
    }
    cells.push_back(cur);
    return cells;  // first and last are the outside of the table
}

/// Checks every Markdown table: rows have as many cells as the header. Returns the number of tables.
int check_md_tables(const std::string& doc) {
    std::istringstream in(doc);
    std::string line;
    std::size_t width = 0;
    int tables = 0;
    bool in_table = false;
    while (std::getline(in, line)) {
        if (!line.empty() && line[0] == '|') {
            const std::size_t n = md_cells(line).size();
            if (!in_table) {
                in_table = true;
                width = n;
                ++tables;
            }
            BOOST_TEST(n == width, "table row with " << n << " cells, header has " << width << ": " << line);
        } else
            in_table = false;
    }
    return tables;
}

std::size_t code_points(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

void check_text_lines(const std::string& doc, std::size_t max = 120) {
    std::istringstream in(doc);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        BOOST_TEST(code_points(line) <= max, "line " << n << " has " << code_points(line) << " characters");
    }
}


/// The rows of one table of a document, each cell found by its column key.
struct Rows {
    std::shared_ptr<const Document> doc;  // keeps the table alive (documents are often temporaries)
    const Table* table = nullptr;
    std::size_t size() const { return table->rows.size(); }
    bool empty() const { return table->rows.empty(); }
    const Cell& at(std::size_t row, const std::string& key) const {
        for (std::size_t c = 0; c < table->columns.size(); ++c)
            if (table->columns[c].key == key) return table->rows.at(row).at(c);
        BOOST_FAIL("table " << table->id << " has no column " << key);
        throw std::logic_error("unreachable");
    }
    std::string text(std::size_t row, const std::string& key) const { return at(row, key).display(); }
    std::string rag(std::size_t row, const std::string& key) const { return std::string(to_string(at(row, key).rag)); }
    std::vector<std::string> column(const std::string& key) const {
        std::vector<std::string> out;
        for (std::size_t r = 0; r < size(); ++r) out.push_back(text(r, key));
        return out;
    }
};

Rows rows_of(const Document& d, const std::string& id) {
    auto doc = std::make_shared<const Document>(d);
    for (const Table* t : doc->tables())
        if (t->id == id) return Rows{doc, t};
    BOOST_FAIL("the document has no table " << id);
    throw std::logic_error("unreachable");
}

bool has_table(const Document& d, const std::string& id) {
    const auto ts = d.tables();
    return std::any_of(ts.begin(), ts.end(), [&](const Table* t) { return t->id == id; });
}

Document build(const Plan& p, ReportKind k, Date as_of = kAsOf, std::optional<int> within = 28) {
    ReportOptions o;
    o.kind = k;
    o.as_of = as_of;
    o.within_days = within;
    return build_report(p, o);
}

/// The rows of the CSV of a document with several tables that belong to table `id`.
std::vector<std::vector<std::string>> csv_table(const std::vector<std::vector<std::string>>& csv, const std::string& id) {
    std::vector<std::vector<std::string>> out;
    bool in = false;
    for (const auto& r : csv) {
        if (r.size() == 1 && r[0] == id) {
            in = true;
            continue;
        }
        if (in && r.size() == 1 && r[0].empty()) break;
        if (in) out.push_back(r);
    }
    return out;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(report)

BOOST_AUTO_TEST_CASE(parse_format_and_kind) {
    BOOST_TEST(static_cast<int>(parse_report_format("text")) == static_cast<int>(ReportFormat::text));
    BOOST_TEST(static_cast<int>(parse_report_format(" MD ")) == static_cast<int>(ReportFormat::markdown));
    BOOST_TEST(static_cast<int>(parse_report_format("markdown")) == static_cast<int>(ReportFormat::markdown));
    BOOST_TEST(static_cast<int>(parse_report_format("CSV")) == static_cast<int>(ReportFormat::csv));
    BOOST_TEST(static_cast<int>(parse_report_format("json")) == static_cast<int>(ReportFormat::json));
    for (ReportFormat f : kFormats)
        BOOST_TEST(static_cast<int>(parse_report_format(to_string(f))) == static_cast<int>(f));
    for (ReportKind k : kKinds) BOOST_TEST(static_cast<int>(parse_report_kind(to_string(k))) == static_cast<int>(k));
    BOOST_TEST(static_cast<int>(parse_report_kind("Leads")) == static_cast<int>(ReportKind::leads));
    for (ReportKind k : {ReportKind::board, ReportKind::dashboard}) {
        BOOST_TEST(static_cast<int>(parse_report_kind(to_string(k))) == static_cast<int>(k));
        // They read the store: the plan alone is refused, naming the store overload.
        ReportOptions o;
        o.kind = k;
        o.as_of = kAsOf;
        try {
            build_report(Plan{}, o);
            BOOST_FAIL("a store-only kind built from a plan");
        } catch (const Error& e) {
            BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(Status::invalid_arg));
            BOOST_TEST(std::string(e.what()).find("build_report(store") != std::string::npos, e.what());
        }
    }
    BOOST_TEST(static_cast<int>(parse_report_kind("Board_Paper")) == static_cast<int>(ReportKind::board));
    BOOST_TEST(static_cast<int>(parse_report_format("HTML")) == static_cast<int>(ReportFormat::html));
    BOOST_TEST(static_cast<int>(parse_report_format("xlsx")) == static_cast<int>(ReportFormat::xlsx));
    for (const char* bad : {"pdf", "", "jsonx", "\xff"}) {
        BOOST_TEST_CONTEXT(bad) {
            try {
                parse_report_format(bad);
                BOOST_FAIL("accepted");
            } catch (const Error& e) {
                BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(Status::invalid_arg));
                BOOST_TEST(contains(e.what(), "report format"));
                BOOST_TEST(detail::is_valid_utf8(e.what()));
            }
        }
    }
    try {
        parse_report_kind("gantt");
        BOOST_FAIL("accepted");
    } catch (const Error& e) {
        BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(Status::invalid_arg));
        BOOST_TEST(contains(e.what(), "\"gantt\""), e.what());
    }
}

BOOST_AUTO_TEST_CASE(every_kind_and_format_renders_a_well_formed_document) {
    Plan p = sample_plan();
    // Text that tries to break each format.
    p.recommendations[0].actions[0].description = "Quote \"this\", a comma, a | pipe\nand a new line; caf\u00e9";
    p.recommendations[0].actions[0].lead = "Budgen, Felicity | \"FB\"";
    for (ReportKind k : kKinds)
        for (ReportFormat f : kFormats) {
            BOOST_TEST_CONTEXT(to_string(k) << " as " << to_string(f)) {
                const std::string doc = render(p, k, f);
                BOOST_TEST(!doc.empty());
                BOOST_TEST(detail::is_valid_utf8(doc));
                switch (f) {
                    case ReportFormat::json: {
                        const json j = json::parse(doc);  // one value: throws on trailing garbage
                        BOOST_TEST(j["format"] == "oversight-document");
                        BOOST_TEST(j["kind"] == std::string(to_string(k)));
                        BOOST_TEST(j["as_of"] == kAsOf.iso());
                        BOOST_TEST(contains(j["title"].get<std::string>(), p.authority));
                        break;
                    }
                    case ReportFormat::csv: {
                        const auto rows = read_csv(doc);
                        BOOST_REQUIRE(!rows.empty());
                        if (k == ReportKind::full || k == ReportKind::due || k == ReportKind::costs)
                            break;  // several tables: each checked on its own in the tests below
                        for (std::size_t i = 1; i < rows.size(); ++i)
                            BOOST_TEST(rows[i].size() == rows[0].size(), "row " << i);
                        break;
                    }
                    case ReportFormat::markdown:
                        BOOST_TEST(doc.rfind("# Southampton City Council", 0) == 0);
                        BOOST_TEST(check_md_tables(doc) >= 1);
                        break;
                    case ReportFormat::text:
                        check_text_lines(doc);
                        break;
                    default:
                        break;
                }
                if (f == ReportFormat::text || f == ReportFormat::markdown) {
                    BOOST_TEST(contains(doc, "Southampton City Council"));
                    BOOST_TEST(contains(doc, "Ofsted improvement plan"));
                    BOOST_TEST(contains(doc, "Report date: 2012-09-14"));
                    BOOST_TEST(contains(doc, "As of: 2012-10-20"));
                }
            }
        }
}

BOOST_AUTO_TEST_CASE(csv_keeps_text_verbatim_and_one_row_per_action) {
    Plan p = sample_plan();
    const std::string tricky = "Quote \"this\", a comma\r\nand a new line";
    p.recommendations[0].actions[0].description = tricky;
    const auto rows = read_csv(render(p, ReportKind::plan, ReportFormat::csv));
    // header + 3 + 4 actions + 1 row for the recommendation without actions
    BOOST_REQUIRE(rows.size() == 1 + 3 + 4 + 1);
    const auto col = [&](const char* name) {
        const auto it = std::find(rows[0].begin(), rows[0].end(), name);
        BOOST_REQUIRE_MESSAGE(it != rows[0].end(), "no column " << name);
        return static_cast<std::size_t>(it - rows[0].begin());
    };
    BOOST_TEST(rows[1][col("action")] == tricky);
    BOOST_TEST(rows[1][col("action_ref")] == "1.1");
    BOOST_TEST(rows[1][col("rag")] == "red");
    BOOST_TEST(rows[1][col("recommendation")] == "1");
    BOOST_TEST(rows[8][col("recommendation")] == "3");
    BOOST_TEST(rows[8][col("action_ref")] == "");
    BOOST_TEST(rows[8][col("recommendation_rag")] == "amber");
    // Every RAG in the CSV is the one the API computes.
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const Action* a = p.find_action(rows[i][col("action_ref")]);
        if (!a) continue;
        const Recommendation* r = p.recommendation_of(a->ref);
        BOOST_TEST(rows[i][col("rag")] == std::string(to_string(action_rag(p, *r, *a, kAsOf).rag)));
        BOOST_TEST(rows[i][col("rag_reason")] == action_rag(p, *r, *a, kAsOf).reason);
    }
    // The full report's actions table adds due and cost columns to the same rows.
    const auto full = csv_table(read_csv(render(p, ReportKind::full, ReportFormat::csv)), "actions");
    BOOST_TEST(full.size() == rows.size());
    BOOST_TEST(full[0].size() > rows[0].size());
    const auto fcol = [&](const char* name) {
        return static_cast<std::size_t>(std::find(full[0].begin(), full[0].end(), name) - full[0].begin());
    };
    BOOST_TEST(full[1][fcol("due_state")] == "overdue");
    BOOST_TEST(full[1][fcol("days_to_due")] == "-10");
    BOOST_TEST(full[1][fcol("cost_amount")] == "10500.00");
    BOOST_TEST(full[2][fcol("due_state")] == "due_soon");
    BOOST_TEST(full[2][fcol("cost_approximate")] == "true");
}

BOOST_AUTO_TEST_CASE(documents_with_unsafe_ids_or_heading_levels_are_refused) {
    for (const char* id : {"a b", "x\"><img src=x>", "", "caf\xC3\xA9", "x#y"}) {
        Document doc;
        doc.table(id, "T", {{"a", "A", Cell::Type::text}});
        for (ReportFormat f : {ReportFormat::html, ReportFormat::json, ReportFormat::markdown})
            BOOST_CHECK_THROW(write_document(doc, f), Error);
    }
    Document long_id;
    long_id.table(std::string(65, 'a'), "T", {{"a", "A", Cell::Type::text}});
    BOOST_CHECK_THROW(write_document(long_id, ReportFormat::html), Error);
    for (int level : {0, -2, 4, std::numeric_limits<int>::max()}) {
        Document doc;
        doc.blocks.emplace_back(Heading{level, "x"});
        BOOST_CHECK_THROW(write_document(doc, ReportFormat::markdown), Error);
    }
    Document fine;
    fine.table("Due-soon_2", "T", {{"a", "A", Cell::Type::text}});
    BOOST_CHECK_NO_THROW(write_document(fine, ReportFormat::html));
}

BOOST_AUTO_TEST_CASE(markdown_text_never_starts_a_list) {
    Document doc;
    Table& t = doc.table("t", "T", {{"g", "Group", Cell::Type::text}, {"a", "A", Cell::Type::text}});
    t.group_by = 0;
    t.rows.push_back({Cell::of_text("1. Leadership: Immediately"), Cell::of_text("x")});
    t.rows.push_back({Cell::of_text("12) Other"), Cell::of_text("y")});
    const std::string md = write_document(doc, ReportFormat::markdown);
    BOOST_TEST(md.find("\n1\\. Leadership: Immediately\n") != std::string::npos, md);
    BOOST_TEST(md.find("\n12\\) Other\n") != std::string::npos, md);
    // A table cell never starts a line: its numbers and references stay as written.
    Document cells;
    Table& c = cells.table("c", "C", {{"ref", "Ref", Cell::Type::text}, {"n", "N", Cell::Type::number}});
    c.rows.push_back({Cell::of_text("1.1"), Cell::of_number(90.0, 2)});
    const std::string plain = write_document(cells, ReportFormat::markdown);
    BOOST_TEST(plain.find("| 1.1 | 90.00 |") != std::string::npos, plain);
}

BOOST_AUTO_TEST_CASE(markdown_escapes_pipes_and_stays_one_line_per_row) {
    Plan p = sample_plan();
    p.recommendations[0].actions[0].description = "left | right \\ back\nnext line";
    const std::string doc = render(p, ReportKind::plan, ReportFormat::markdown);
    BOOST_TEST(contains(doc, "left \\| right \\\\ back next line"), doc);
    BOOST_TEST(contains(doc, "quality of social work \\| is consistently high"));
    BOOST_TEST(check_md_tables(doc) == 3);  // one per recommendation (3 keeps a row without an action)
}

BOOST_AUTO_TEST_CASE(full_report_document_structure) {
    const Plan p = sample_plan();
    const Document d = build(p, ReportKind::full);
    BOOST_TEST(d.kind == "full");
    BOOST_TEST(contains(d.subtitle.at(0), "Report date: 2012-09-14"));
    const Rows a = rows_of(d, "actions");
    BOOST_REQUIRE(a.size() == 3 + 4 + 1);
    BOOST_TEST(a.text(0, "recommendation") == "1");
    BOOST_TEST(a.text(0, "section") == "Safeguarding");
    BOOST_TEST(a.text(0, "timescale") == "within_six_months");
    BOOST_TEST(a.text(0, "target_date") == "2013-03-14");
    BOOST_TEST(a.rag(0, "recommendation_rag") == "red");
    BOOST_TEST(contains(a.text(0, "recommendation_rag_reason"), "1.1"));
    BOOST_TEST(contains(a.text(0, "recommendation_heading"), "Recommendation 1 (RED)"));
    BOOST_TEST(a.text(0, "action_ref") == "1.1");
    BOOST_TEST(a.text(0, "lead") == "Felicity Budgen");
    BOOST_TEST(a.text(0, "status") == "in progress");
    BOOST_TEST(a.text(0, "due") == kAsOf.add_days(-10).iso());
    BOOST_TEST((a.at(0, "due").type == Cell::Type::date));
    BOOST_TEST(a.rag(0, "rag") == "red");
    BOOST_TEST(a.text(0, "rag_reason") == "overdue since " + kAsOf.add_days(-10).iso() + ", 10 days");
    BOOST_TEST(a.at(0, "rag").text == a.text(0, "rag_reason"));
    BOOST_TEST(a.text(0, "overridden") == "false");
    BOOST_TEST(a.text(0, "latest_update") == "Progress on 1.1");
    BOOST_TEST(a.at(0, "outstanding_tasks").integer == 0);
    BOOST_TEST(a.text(0, "cost_kind") == "amount");
    BOOST_TEST(a.at(0, "cost_amount").integer == 1050000);
    BOOST_TEST(a.at(0, "cost_high").empty());
    BOOST_TEST(a.rag(5, "rag") == "none");  // 2.3 withdrawn
    BOOST_TEST(a.rag(7, "recommendation_rag") == "amber");  // no actions
    BOOST_TEST(a.at(7, "action_ref").empty());
    for (const char* id : {"overdue", "due_soon", "leads", "cost_totals", "cost_not_totalled"})
        BOOST_TEST(has_table(d, id), id);
    // A kind carries only its own tables.
    const Document due = build(p, ReportKind::due);
    BOOST_TEST(!has_table(due, "actions"));
    BOOST_TEST(!has_table(due, "cost_totals"));
    BOOST_TEST(has_table(due, "overdue"));
    // JSON carries the typed cells.
    const json j = json::parse(render(p, ReportKind::full, ReportFormat::json));
    const json& actions = j["blocks"][1];
    BOOST_TEST(actions["id"] == "actions");
    BOOST_TEST(actions["group_by"] == "recommendation_heading");
    BOOST_TEST(actions["rows"][0]["cost_amount"] == 1050000);
    BOOST_TEST(actions["rows"][0]["rag"]["rag"] == "red");
    BOOST_TEST(actions["rows"][0]["due"] == kAsOf.add_days(-10).iso());
    BOOST_TEST(actions["rows"][7]["action_ref"].is_null());
}

BOOST_AUTO_TEST_CASE(due_lists_sorted_with_days_and_window) {
    Plan p = sample_plan();
    p.recommendations[0].actions[1].due = kAsOf.add_days(-20);  // 1.2 now overdue too, and longer
    const Document d = build(p, ReportKind::due);
    const Rows overdue = rows_of(d, "overdue"), soon = rows_of(d, "due_soon");
    BOOST_TEST(overdue.column("action_ref") == (std::vector<std::string>{"1.2", "1.1"}), boost::test_tools::per_element());
    BOOST_TEST(overdue.at(0, "days_late").integer == 20);
    BOOST_TEST(overdue.at(1, "days_late").integer == 10);
    BOOST_TEST(overdue.text(1, "lead") == "Felicity Budgen");
    // 2.1 due in exactly 28 days is in; 2.2 in 29 is out; 1.3 complete and 2.3 withdrawn never appear.
    BOOST_TEST(soon.column("action_ref") == (std::vector<std::string>{"2.1"}), boost::test_tools::per_element());
    BOOST_TEST(soon.at(0, "days_left").integer == 28);
    const auto* note = std::get_if<Paragraph>(&d.blocks.back());
    BOOST_REQUIRE(note);
    BOOST_TEST(note->text == "No due date (1): 2.4");
    // The window is the option, not the plan setting.
    BOOST_TEST(rows_of(build(p, ReportKind::due, kAsOf, 29), "due_soon").column("action_ref") ==
                   (std::vector<std::string>{"2.1", "2.2"}),
               boost::test_tools::per_element());
    BOOST_TEST(rows_of(build(p, ReportKind::due, kAsOf, -5), "due_soon").empty());
    // CSV: each table under its name.
    const auto csv = read_csv(render(p, ReportKind::due, ReportFormat::csv));
    BOOST_TEST(csv_table(csv, "overdue").size() == 1 + 2);
    BOOST_TEST(csv_table(csv, "due_soon").size() == 1 + 1);
    const std::string text = render(p, ReportKind::due, ReportFormat::text);
    BOOST_TEST(text.find("1.2") < text.find("1.1"));
    BOOST_TEST(contains(text, "No due date (1): 2.4"), text);
}

BOOST_AUTO_TEST_CASE(leads_roll_up) {
    const Plan p = sample_plan();
    const Rows leads = rows_of(build(p, ReportKind::leads), "leads");
    BOOST_REQUIRE(leads.size() == 3);  // Felicity, Mark (names folded), no lead
    BOOST_TEST(leads.text(0, "lead") == "Felicity Budgen");
    BOOST_TEST(leads.at(0, "actions").integer == 2);  // 1.1 red, 2.2 green
    BOOST_TEST(leads.at(0, "red").integer == 1);
    BOOST_TEST(leads.at(0, "green").integer == 1);
    BOOST_TEST(leads.at(0, "overdue").integer == 1);
    BOOST_TEST(leads.text(0, "next_due") == kAsOf.add_days(29).iso());
    BOOST_TEST(leads.text(0, "next_due_ref") == "2.2");
    BOOST_TEST(leads.text(1, "lead") == "Mark Jowett");
    BOOST_TEST(leads.at(1, "actions").integer == 3);  // 1.2 amber, 1.3 blue (as "mark  jowett"), 2.1 red; 2.3 withdrawn left out
    BOOST_TEST(leads.at(1, "amber").integer == 1);
    BOOST_TEST(leads.at(1, "blue").integer == 1);
    BOOST_TEST(leads.at(1, "red").integer == 1);
    BOOST_TEST(leads.at(1, "overdue").integer == 0);
    BOOST_TEST(leads.text(1, "next_due_ref") == "1.2");
    BOOST_TEST(leads.text(2, "lead") == "(no lead)");
    BOOST_TEST(leads.at(2, "next_due").empty());
    const auto rows = read_csv(render(p, ReportKind::leads, ReportFormat::csv));
    BOOST_REQUIRE(rows.size() == 4);
    BOOST_TEST(rows[2][0] == "Mark Jowett");
    BOOST_TEST(rows[2][1] == "3");
    BOOST_TEST(contains(render(p, ReportKind::leads, ReportFormat::text), "(no lead)"));
}

BOOST_AUTO_TEST_CASE(cost_totals_keep_periods_precision_and_unknowns_apart) {
    const Plan p = sample_plan();
    const Document d = build(p, ReportKind::costs);
    const Rows t = rows_of(d, "cost_totals");
    BOOST_REQUIRE(t.size() == 6);  // one-off, per annum, not stated; exact then approximate
    const auto bucket = [&](std::size_t period, bool approximate) { return period * 2 + (approximate ? 1 : 0); };
    BOOST_TEST(t.text(bucket(0, false), "period") == "One-off");
    BOOST_TEST(t.at(bucket(0, false), "count").integer == 2);
    BOOST_TEST(t.at(bucket(0, false), "low").integer == 1050000 + 200050);
    BOOST_TEST(t.at(bucket(0, false), "high").integer == 1050000 + 200050);
    BOOST_TEST(t.at(bucket(0, true), "low").integer == 5300000);
    BOOST_TEST(t.text(bucket(0, true), "refs") == "1.2");
    BOOST_TEST(t.at(bucket(1, false), "count").integer == 1);  // the range only; Rec 2 not added, 2.4 per unit
    BOOST_TEST(t.at(bucket(1, false), "low").integer == 1100000);
    BOOST_TEST(t.at(bucket(1, false), "high").integer == 2200000);
    BOOST_TEST(t.at(bucket(1, true), "count").integer == 0);
    BOOST_TEST(t.at(bucket(2, true), "low").integer == 170000000);
    BOOST_TEST(t.text(bucket(2, true), "refs") == "Rec 3");
    const Rows left = rows_of(d, "cost_not_totalled");
    const auto refs_in = [&](const std::string& category) {
        std::vector<std::string> out;
        for (std::size_t r = 0; r < left.size(); ++r)
            if (left.text(r, "category") == category) out.push_back(left.text(r, "ref"));
        return out;
    };
    BOOST_TEST(refs_in("Per unit") == (std::vector<std::string>{"2.4"}), boost::test_tools::per_element());
    BOOST_TEST(refs_in("Withdrawn") == (std::vector<std::string>{"2.3"}), boost::test_tools::per_element());
    BOOST_TEST(refs_in("Within existing resources") == (std::vector<std::string>{"1.3"}), boost::test_tools::per_element());
    BOOST_TEST(refs_in("Not understood") == (std::vector<std::string>{"Rec 1"}), boost::test_tools::per_element());
    BOOST_TEST(refs_in("Recommendation-level figure not added") == (std::vector<std::string>{"Rec 2"}),
               boost::test_tools::per_element());
    BOOST_TEST(refs_in("To be confirmed").empty());

    // CSV: the same numbers, money in pounds.
    const auto csv = read_csv(render(p, ReportKind::costs, ReportFormat::csv));
    const auto totals = csv_table(csv, "cost_totals");
    BOOST_REQUIRE(totals.size() == 1 + 6);
    BOOST_TEST(totals[1][0] == "One-off");
    BOOST_TEST(totals[1][1] == "no");
    BOOST_TEST(totals[1][3] == "12500.50");
    BOOST_TEST(totals[1][5] == "1.1 2.1");
    BOOST_TEST(totals[3][4] == "22000.00");  // per annum exact high
    BOOST_TEST(csv_table(csv, "cost_not_totalled").size() == 1 + 5);  // per unit, within existing, not understood, withdrawn, Rec 2
    // Text shows the totals as money.
    const std::string text = render(p, ReportKind::costs, ReportFormat::text);
    BOOST_TEST(contains(text, format_pence(1250050)), text);
    BOOST_TEST(contains(text, format_pence(2200000)), text);
    BOOST_TEST(contains(text, "Per unit"), text);

    // A recommendation-level amount counts when its actions carry no amount.
    Plan q = p;
    for (auto& a : q.recommendations[1].actions) a.cost = {};
    const Document d2 = build(q, ReportKind::costs);
    BOOST_TEST(rows_of(d2, "cost_totals").at(bucket(1, false), "low").integer == 777700);
    const Rows left2 = rows_of(d2, "cost_not_totalled");
    for (std::size_t r = 0; r < left2.size(); ++r)
        BOOST_TEST(left2.text(r, "category") != "Recommendation-level figure not added");
}

BOOST_AUTO_TEST_CASE(cost_total_overflow_is_an_error_not_a_wrap) {
    Plan p = sample_plan();
    p.recommendations[0].actions[0].cost = money(std::numeric_limits<std::int64_t>::max() - 10, Cost::Period::one_off);
    BOOST_CHECK_THROW(render(p, ReportKind::costs, ReportFormat::json), Error);
}

BOOST_AUTO_TEST_CASE(empty_plan_and_missing_report_date) {
    const Plan empty;
    for (ReportKind k : kKinds) {
        const Document d = build(empty, k);
        for (const Table* t : d.tables())
            if (t->id != "cost_totals") BOOST_TEST(t->rows.empty(), t->id);
        if (has_table(d, "cost_totals")) BOOST_TEST(rows_of(d, "cost_totals").at(0, "low").integer == 0);
        for (ReportFormat f : kFormats) {
            BOOST_TEST_CONTEXT(to_string(k) << " as " << to_string(f)) {
                const std::string doc = render(empty, k, f);
                BOOST_TEST(!doc.empty());
                if (f == ReportFormat::json) BOOST_TEST(json::parse(doc)["format"] == "oversight-document");
                if (f == ReportFormat::csv && k != ReportKind::full && k != ReportKind::due && k != ReportKind::costs)
                    BOOST_TEST(read_csv(doc).size() == 1u);  // the header
                if (f == ReportFormat::text) BOOST_TEST(contains(doc, "Report date: not recorded"));
            }
        }
    }
    BOOST_TEST(contains(render(empty, ReportKind::plan, ReportFormat::text), "The plan has no recommendations."));
}

BOOST_AUTO_TEST_CASE(huge_and_hostile_text_is_wrapped_not_fatal) {
    Plan p = sample_plan();
    std::string word(100000, 'x');                 // one 100k-character word
    std::string words;
    for (int i = 0; i < 20000; ++i) words += "caf\u00e9 \u00fcber ";  // multi-byte, many words
    p.title = words;
    p.recommendations[0].text = word;
    p.recommendations[0].actions[0].description = words;
    p.recommendations[0].actions[0].lead = word;
    p.recommendations[0].actions[1].description = std::string("\x1b[31mred\x1b[0m\ttab\0nul", 20);
    p.recommendations[0].actions[2].description = "\xff\xfe broken UTF-8";
    for (ReportKind k : kKinds)
        for (ReportFormat f : kFormats) {
            BOOST_TEST_CONTEXT(to_string(k) << " as " << to_string(f)) {
                const std::string doc = render(p, k, f);
                BOOST_TEST(detail::is_valid_utf8(doc));
                if (f == ReportFormat::text) {
                    check_text_lines(doc);
                    BOOST_TEST(!contains(doc, "\x1b"));
                    BOOST_TEST(doc.size() < 200000u);  // long cells are cut after a few lines
                }
                if (f == ReportFormat::json) BOOST_TEST(!json::parse(doc).is_null());
                if (f == ReportFormat::markdown) check_md_tables(doc);
            }
        }
}

BOOST_AUTO_TEST_CASE(overridden_rag_is_marked) {
    Plan p = sample_plan();
    p.recommendations[0].actions[0].rag_override = RagOverride{Rag::green, "Director", "Agreed extension", kAsOf};
    const Rows a = rows_of(build(p, ReportKind::plan), "actions");
    BOOST_TEST(a.rag(0, "rag") == "green");
    BOOST_TEST(a.text(0, "overridden") == "true");
    BOOST_TEST(contains(a.text(0, "rag_reason"), "Director"));
    const std::string text = render(p, ReportKind::plan, ReportFormat::text);
    BOOST_TEST(contains(text, "set to GREEN by Director"), text);
    BOOST_TEST(contains(text, "A RAG set by hand says who set it"), text);
}

BOOST_AUTO_TEST_CASE(seed_plan_report_structure, *boost::unit_test::precondition(needs_shared(kSeedPlan))) {
    SeedImportOptions so;
    so.report_date = Date::parse_iso("2012-09-14");  // made up: the export does not carry one
    so.authority = "Southampton City Council";
    const Plan p = import_seed_plan_file(oversight::test::shared_path(kSeedPlan), so).plan;
    BOOST_REQUIRE(!p.recommendations.empty());
    const Date as_of = *so.report_date;
    const Document d = build(p, ReportKind::full, as_of);
    BOOST_TEST(contains(d.subtitle.at(0), "Report date: 2012-09-14"));
    const Rows a = rows_of(d, "actions");

    std::size_t row = 0, live = 0, cost_items = 0;
    for (const Recommendation& r : p.recommendations) {
        BOOST_TEST_CONTEXT("recommendation " << r.number) {
            BOOST_TEST(a.at(row, "recommendation").integer == r.number);
            BOOST_TEST(a.rag(row, "recommendation_rag") == std::string(to_string(recommendation_rag(p, r, as_of).rag)));
            BOOST_TEST(a.rag(row, "recommendation_rag") != "none");
            if (r.timescale == Timescale::immediately) BOOST_TEST(a.text(row, "target_date") == "2012-09-14");
            cost_items += r.cost.kind != Cost::Kind::none;
            if (r.actions.empty()) ++row;
            for (const Action& act : r.actions) {
                BOOST_TEST(a.text(row, "action_ref") == act.ref);
                BOOST_TEST(a.at(row, "recommendation").integer == r.number);
                BOOST_TEST(a.rag(row, "rag") == std::string(to_string(action_rag(p, r, act, as_of).rag)));
                BOOST_TEST(!a.text(row, "rag_reason").empty());
                const bool withdrawn = act.status == ActionStatus::withdrawn;
                BOOST_TEST((a.rag(row, "rag") == "none") == withdrawn, act.ref);
                live += !withdrawn;
                cost_items += !(withdrawn && act.cost.kind == Cost::Kind::none);
                // On the report date nothing can be overdue yet.
                BOOST_TEST(!contains(a.text(row, "rag_reason"), "overdue"), act.ref);
                if (act.ref == "2.4") BOOST_TEST(a.rag(row, "rag") == "none");  // withdrawn for savings
                ++row;
            }
        }
    }
    BOOST_TEST(row == a.size());
    BOOST_REQUIRE(p.find_action("2.4"));

    BOOST_TEST(rows_of(d, "overdue").empty());
    for (const auto& ref : rows_of(d, "due_soon").column("action_ref")) BOOST_TEST(p.find_action(ref));
    std::size_t led = 0;
    const Rows leads = rows_of(d, "leads");
    for (std::size_t r = 0; r < leads.size(); ++r) led += static_cast<std::size_t>(leads.at(r, "actions").integer);
    BOOST_TEST(led == live);  // every live action is counted under exactly one lead

    // Every cost item lands in exactly one total or list.
    const Rows totals = rows_of(d, "cost_totals");
    std::size_t placed = rows_of(d, "cost_not_totalled").size();
    for (std::size_t r = 0; r < totals.size(); ++r) {
        placed += static_cast<std::size_t>(totals.at(r, "count").integer);
        BOOST_TEST(totals.at(r, "low").integer <= totals.at(r, "high").integer);
    }
    BOOST_TEST(placed == cost_items);

    // Every format stays well-formed on real text.
    check_text_lines(render(p, ReportKind::full, ReportFormat::text, as_of));
    BOOST_TEST(check_md_tables(render(p, ReportKind::full, ReportFormat::markdown, as_of)) >= 1);
    const auto csv = read_csv(render(p, ReportKind::full, ReportFormat::csv, as_of));
    const auto rows = csv_table(csv, "actions");
    for (std::size_t i = 1; i < rows.size(); ++i) BOOST_TEST(rows[i].size() == rows[0].size(), "row " << i);
}

BOOST_AUTO_TEST_CASE(a_plan_with_text_that_is_not_utf8_renders_as_json) {
    Plan p = sample_plan();
    p.recommendations.at(0).text = "Bad \xff\xfe text";
    p.recommendations.at(0).actions.at(0).lead = "Ann \xc0";
    const std::string out = render(p, ReportKind::full, ReportFormat::json, kAsOf);
    BOOST_CHECK_NO_THROW(BOOST_TEST(json::parse(out).is_object()));
    BOOST_TEST(contains(out, "Bad \xEF\xBF\xBD"));
}

BOOST_AUTO_TEST_CASE(due_soon_window_defaults_to_the_plan_setting) {
    Plan p = sample_plan();  // 1.2 due in 5 days, 2.1 in 28, 2.2 in 29
    const auto soon = [&](std::optional<int> within) {
        return rows_of(build(p, ReportKind::due, kAsOf, within), "due_soon").column("action_ref");
    };
    p.settings.due_soon_days = 5;
    BOOST_TEST(soon(std::nullopt) == (std::vector<std::string>{"1.2"}), boost::test_tools::per_element());
    p.settings.due_soon_days = 29;
    BOOST_TEST(soon(std::nullopt) == (std::vector<std::string>{"1.2", "2.1", "2.2"}), boost::test_tools::per_element());
    BOOST_TEST(contains(render(p, ReportKind::due, ReportFormat::text, kAsOf, 5), "Due within 5 days"));
    ReportOptions o;
    o.kind = ReportKind::due;
    o.format = ReportFormat::text;
    o.as_of = kAsOf;
    BOOST_TEST(contains(render_report(p, o), "Due within 29 days"));
    // An explicit window still wins over the setting.
    BOOST_TEST(soon(5) == (std::vector<std::string>{"1.2"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(action_without_lead_counts_under_its_recommendations_lead) {
    Plan p = sample_plan();
    p.recommendations[1].lead = "felicity  budgen";  // 2.4 has no lead of its own
    const Rows leads = rows_of(build(p, ReportKind::leads), "leads");
    BOOST_REQUIRE(leads.size() == 2);  // no "(no lead)" row any more
    BOOST_TEST(leads.text(0, "lead") == "Felicity Budgen");
    BOOST_TEST(leads.at(0, "actions").integer == 3);  // 1.1, 2.2 and 2.4 via the recommendation
    BOOST_TEST(leads.text(0, "via_recommendation_lead") == "2.4");
    BOOST_TEST(leads.at(1, "via_recommendation_lead").empty());
    const auto rows = read_csv(render(p, ReportKind::leads, ReportFormat::csv));
    BOOST_REQUIRE(rows.size() == 3);
    BOOST_TEST(rows[0].back() == "via_recommendation_lead");
    BOOST_TEST(rows[1].back() == "2.4");
    const std::string text = render(p, ReportKind::leads, ReportFormat::text);
    BOOST_TEST(contains(text, "Via rec. lead"), text);
    BOOST_TEST(!contains(text, "(no lead)"), text);
    // Without a recommendation lead it stays "(no lead)".
    const Rows plain = rows_of(build(sample_plan(), ReportKind::leads), "leads");
    BOOST_TEST(plain.text(plain.size() - 1, "lead") == "(no lead)");
    BOOST_TEST(plain.at(plain.size() - 1, "via_recommendation_lead").empty());
}

BOOST_AUTO_TEST_CASE(seed_action_9_1_is_led_by_felicity_budgen_via_its_recommendation, *boost::unit_test::precondition(needs_shared(kSeedPlan))) {
    SeedImportOptions so;
    so.report_date = Date::parse_iso("2012-09-14");
    const Plan p = import_seed_plan_file(oversight::test::shared_path(kSeedPlan), so).plan;
    BOOST_REQUIRE(p.find_action("9.1"));
    BOOST_TEST(p.find_action("9.1")->lead == "");
    const Rows leads = rows_of(build(p, ReportKind::leads, *so.report_date), "leads");
    bool found = false;
    for (std::size_t r = 0; r < leads.size(); ++r)
        if (leads.text(r, "lead") == "Felicity Budgen") {
            found = true;
            BOOST_TEST(contains(" " + leads.text(r, "via_recommendation_lead") + " ", " 9.1 "));
        }
    BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(cost_overflow_fails_only_the_costs_report) {
    Plan p = sample_plan();
    p.recommendations[0].actions[0].cost = money(std::numeric_limits<std::int64_t>::max() - 10, Cost::Period::one_off);
    // Kinds that show no costs do not sum them.
    for (ReportKind k : {ReportKind::plan, ReportKind::due, ReportKind::leads})
        for (ReportFormat f : kFormats) BOOST_CHECK_NO_THROW(render(p, k, f));
    // The costs report fails with the reason.
    try {
        render(p, ReportKind::costs, ReportFormat::text);
        BOOST_FAIL("costs report did not fail");
    } catch (const Error& e) {
        BOOST_TEST((e.code() == Status::invalid_arg));
        BOOST_TEST(contains(e.what(), "overflow"), e.what());
    }
    // The full report carries the reason as a warning in its costs section.
    const Document d = build(p, ReportKind::full);
    BOOST_TEST(!has_table(d, "cost_totals"));
    BOOST_TEST(rows_of(d, "actions").size() == 3 + 4 + 1);
    const auto* warning = std::get_if<Paragraph>(&d.blocks.back());
    BOOST_REQUIRE(warning);
    BOOST_TEST(contains(warning->text, "cost totals not computed"));
    BOOST_TEST(contains(render(p, ReportKind::full, ReportFormat::text), "Warning: cost totals not computed"));
    BOOST_TEST(contains(render(p, ReportKind::full, ReportFormat::markdown), "cost totals not computed"));
    BOOST_CHECK_NO_THROW(render(p, ReportKind::full, ReportFormat::csv));
}

BOOST_AUTO_TEST_CASE(csv_cells_that_look_like_formulas_are_defused) {
    Plan p = sample_plan();
    p.recommendations[0].actions[0].description = "=HYPERLINK(\"http://x\",\"y\")";
    p.recommendations[0].actions[0].lead = "@SUM(A1)";
    p.recommendations[0].actions[1].description = "+1+2";
    p.recommendations[0].actions[1].lead = "-cmd";
    const auto rows = csv_table(read_csv(render(p, ReportKind::full, ReportFormat::csv)), "actions");
    const auto col = [&](const char* name) {
        return static_cast<std::size_t>(std::find(rows[0].begin(), rows[0].end(), name) - rows[0].begin());
    };
    BOOST_TEST(rows[1][col("action")] == "'=HYPERLINK(\"http://x\",\"y\")");
    BOOST_TEST(rows[1][col("lead")] == "'@SUM(A1)");
    BOOST_TEST(rows[2][col("action")] == "'+1+2");
    BOOST_TEST(rows[2][col("lead")] == "'-cmd");
    // Plain numbers stay numbers; anything more after a sign is defused.
    BOOST_TEST(detail::defuse_formula("-500.00") == "-500.00");
    BOOST_TEST(detail::defuse_formula("-5.0%") == "-5.0%");
    BOOST_TEST(detail::defuse_formula("-14") == "-14");
    for (const char* f : {"-1+1", "-5.", "-.5", "-5%%", "+5", "-", "-2e3", "-1.5.2", "=1"})
        BOOST_TEST(detail::defuse_formula(f) == std::string("'") + f, f);
    BOOST_TEST(rows[1][col("days_to_due")] == "-10");  // a plain number is left alone
    const auto leads = read_csv(render(p, ReportKind::leads, ReportFormat::csv));
    bool defused = false;
    for (const auto& r : leads) defused = defused || r[0] == "'@SUM(A1)";
    BOOST_TEST(defused);
}

BOOST_AUTO_TEST_CASE(target_dates_past_9999_are_a_clear_error) {
    Plan p = sample_plan();
    p.report_date = Date::parse_iso("9999-11-15");
    const Recommendation& r1 = p.recommendations[0];  // within six months
    try {
        target_date(p, r1);
        BOOST_FAIL("no error");
    } catch (const Error& e) {
        BOOST_TEST((e.code() == Status::invalid_arg));
        BOOST_TEST(std::string(e.what()) == "recommendation 1: target date beyond 9999-12-31");
    }
    for (ReportKind k : kKinds)
        for (ReportFormat f : kFormats) {
            try {
                render(p, k, f, Date::parse_iso("9999-12-01"));
                BOOST_FAIL("no error");
            } catch (const Error& e) {
                BOOST_TEST(contains(e.what(), "target date beyond 9999-12-31"), e.what());
            }
        }
    // Immediately: days are checked against the last day, and limited to 0..3650.
    Recommendation now = r1;
    now.timescale = Timescale::immediately;
    p.report_date = Date::parse_iso("9999-12-01");
    p.settings.immediately_days = 30;
    BOOST_TEST(target_date(p, now)->iso() == "9999-12-31");
    p.settings.immediately_days = 31;
    BOOST_CHECK_THROW(target_date(p, now), Error);
    p.report_date = Date::parse_iso("2012-09-14");
    p.settings.immediately_days = 3651;
    BOOST_CHECK_THROW(target_date(p, now), Error);
    p.settings.immediately_days = -1;
    BOOST_CHECK_THROW(target_date(p, now), Error);
    p.settings.immediately_days = PlanSettings::max_days;
    BOOST_TEST(target_date(p, now)->iso() == Date::parse_iso("2012-09-14").add_days(3650).iso());
    p.report_date = Date::parse_iso("9999-09-30");
    now.timescale = Timescale::within_three_months;
    BOOST_TEST(target_date(p, now)->iso() == "9999-12-30");
}

BOOST_AUTO_TEST_SUITE_END()
