// A report document with every block kind and every cell type, hostile text
// (markup, quotes, ill-formed UTF-8, a NUL, a 10,000-character cell,
// right-to-left text), an empty table, and charts with gaps and with one
// point: the sample the HTML and XLSX writers are tested on
// (tests/cpp/report/*_writer_test.cpp) and that oversight_report_sample
// writes for the browser and openpyxl checks (tests/report/).
#pragma once

#include <oversight/report/document.hpp>

#include <string>

namespace oversight::test {

/// What the sample holds, for the checks that count.
struct SampleCounts {
    static constexpr int tables = 4;  // tables of the document (each chart adds the table of its values in HTML)
    static constexpr int charts = 4;
};

inline const std::string& hostile_text() {
    static const std::string s = std::string("<script>alert(\"x\")</script> & 'quoted' \"double\" ") + "bad \xC3\x28 utf8 " +
                                 std::string("nul\0inside", 10) + " \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D (RTL)";
    return s;
}

inline Document sample_document() {
    Document doc;
    doc.kind = "sample";
    doc.title = "Improvement plan dashboard <sample> & \"checks\"";
    doc.subtitle = {"Southampton City Council", "As of 2012-10-12", hostile_text()};
    doc.as_of = Date::from_ymd(2012, 10, 12);

    doc.heading("Actions by recommendation");
    doc.paragraph("Every action with its RAG, the reason, the gap to target and its lead.");
    doc.paragraph("RAG ratings are computed as of the report date.", Paragraph::Style::note);
    doc.paragraph("Three actions are overdue.\nA second line.", Paragraph::Style::warning);

    Table& actions = doc.table("actions", "Actions <all>",
                               {{"recommendation", "Recommendation", Cell::Type::text},
                                {"ref", "Ref", Cell::Type::text},
                                {"action", "Action", Cell::Type::text},
                                {"rag", "RAG", Cell::Type::rag},
                                {"due", "Due", Cell::Type::date},
                                {"visits", "Visits", Cell::Type::integer},
                                {"score", "Score", Cell::Type::number},
                                {"in_time", "In timescale", Cell::Type::percent},
                                {"cost", "Cost", Cell::Type::money},
                                {"lead", "Lead", Cell::Type::text}});
    actions.group_by = 0;
    const auto row = [&](std::string rec, std::string ref, std::string text, Rag rag, std::string reason, int y, int m,
                         int d, std::int64_t visits, double score, double share, std::int64_t pence, std::string lead) {
        actions.rows.push_back({Cell::of_text(std::move(rec)), Cell::of_text(std::move(ref)), Cell::of_text(std::move(text)),
                                Cell::of_rag(rag, std::move(reason)), Cell::of_date(Date::from_ymd(y, m, d)),
                                Cell::of_integer(visits), Cell::of_number(score, 2), Cell::of_percent(share),
                                Cell::of_money(pence), Cell::of_text(std::move(lead))});
    };
    row("1. Quality of social work", "1.1", "Audit 40 case files a month", Rag::red, "Overdue by 10 days", 2012, 10, 2, 40,
        3.25, 0.444, 1050000, "Felicity Budgen");
    row("1. Quality of social work", "1.2", hostile_text(), Rag::amber, "Due in 5 days; " + hostile_text(), 2012, 10, 17,
        12, 1.5, 0.75, -500, "Mark Jowett");
    row("2. Leadership", "2.1", "Recruit permanent team managers", Rag::green, "", 2012, 11, 9, 0, 0, 1.0, 200050,
        "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D");
    row("2. Leadership", "2.2", "Appoint a principal social worker", Rag::blue, "Complete", 2013, 1, 31, 7, 99.99, 0.0, 0,
        "Jane Smith");
    actions.rows.push_back({Cell::of_text("2. Leadership"), Cell::of_text("2.3"), Cell::of_text("Not rated yet"),
                            Cell::of_rag(Rag::none), Cell{}, Cell{}, Cell{}, Cell{}, Cell{}, Cell{}});
    actions.notes = {"RAG: RED overdue, AMBER due soon, GREEN on track, BLUE complete.", "Note with <b>markup</b> & more"};

    doc.heading("Measures");
    Chart& visits = doc.chart("visits", "Statutory visits in timescale", Chart::Kind::line, Chart::Unit::percent);
    visits.x_labels = {"2012-05", "2012-06", "2012-07", "2012-08", "2012-09", "2012-10"};
    visits.series = {{"Children in need", {0.61, 0.64, std::nullopt, 0.70, 0.74, 0.79}},
                     {"Looked after <children>", {0.80, std::nullopt, std::nullopt, 0.85, 0.83, 0.88}},
                     {"Child protection", {std::nullopt, std::nullopt, 0.9, std::nullopt, std::nullopt, std::nullopt}}};
    visits.target = 0.85;
    visits.alt = "";  // generated

    Chart& grades = doc.chart("grades", "Audit grades per audit", Chart::Kind::stacked_bar, Chart::Unit::count);
    grades.x_labels = {"Audit of June", "Audit of July", "Audit of August 2012 (thematic: neglect)"};
    grades.series = {{"Outstanding", {1, 2, 1}},
                     {"Good", {5, 6, std::nullopt}},
                     {"Requires improvement", {8, 6, 7}},
                     {"Inadequate", {4, 2, 3}}};
    grades.alt = "Audit grades: inadequate grades fell from 4 in June to 3 in August.";

    Chart& teams = doc.chart("teams", "Supervision in timescale by team", Chart::Kind::bar, Chart::Unit::percent);
    teams.x_labels = {"Team A", "Team B", "Team C", "Team D"};
    teams.series = {{"2012-09", {0.9, 0.55, std::nullopt, 0.7}}, {"2012-10", {0.95, 0.6, 0.8, 0.72}}};
    teams.target = 0.9;

    Chart& one = doc.chart("one", "One point", Chart::Kind::line, Chart::Unit::count);
    one.x_labels = {"2012-10"};
    one.series = {{"Referrals", {42}}};

    doc.heading("Reasons in their own column", 2);
    Table& reasons = doc.table("reasons", "RAG with a reason column",
                               {{"ref", "Ref", Cell::Type::text},
                                {"rag", "RAG", Cell::Type::rag},
                                {"rag_reason", "Reason", Cell::Type::text},
                                {"when", "When", Cell::Type::text}});
    reasons.rows.push_back({Cell::of_text("3.1"), Cell::of_rag(Rag::red, "Indicator below threshold"),
                            Cell::of_text("Indicator below threshold"), Cell::of_date(Date::from_ymd(2012, 9, 30))});
    // A 10,000-character word, after the charts so that a screenshot shows them.
    reasons.rows.push_back({Cell::of_text("3.2"), Cell::of_rag(Rag::green), Cell::of_text(std::string(10000, 'x')),
                            Cell::of_text("Long text")});

    doc.heading("Nothing to show", 3);
    Table& empty = doc.table("overdue", "Overdue actions", {{"ref", "Ref", Cell::Type::text},
                                                             {"due", "Due", Cell::Type::date}});
    empty.empty_text = "No action is overdue.";

    Table& same = doc.table("actions-2", "Actions <all>", {{"n", "N", Cell::Type::integer}});  // same title as above
    same.rows.push_back({Cell::of_integer(1)});

    doc.paragraph("End of the report.");
    return doc;
}

}  // namespace oversight::test
