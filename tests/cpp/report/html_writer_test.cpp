// The HTML writer (lib/report/html_writer.cpp) on the sample document of
// tests/report/sample_document.hpp: one self-contained file, every text
// escaped, tables with captions and headers, RAG with label, shape and a
// colour of WCAG AA contrast, charts as SVG with their text alternatives,
// print CSS. (tests/report writes the same document as a file, for a look in
// Chromium: report_sample_write.)
#include <boost/test/unit_test.hpp>

#include <oversight/core/error.hpp>
#include <oversight/report/writer.hpp>

#include "core/text.hpp"
#include "report/sample_document.hpp"

#include <cmath>
#include <map>
#include <regex>
#include <string>

using namespace oversight;

namespace {

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t i = s.find(what); i != std::string::npos; i = s.find(what, i + what.size())) ++n;
    return n;
}

/// The text between the first `open` at or after `from` and the next `close`.
std::string between(const std::string& s, const std::string& open, const std::string& close, std::size_t from = 0) {
    const std::size_t a = s.find(open, from);
    BOOST_REQUIRE_MESSAGE(a != std::string::npos, "no " << open);
    const std::size_t b = s.find(close, a + open.size());
    BOOST_REQUIRE_MESSAGE(b != std::string::npos, "no " << close << " after " << open);
    return s.substr(a + open.size(), b - a - open.size());
}

// WCAG 2.x relative luminance and contrast ratio
// (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance, #dfn-contrast-ratio).
double channel(int v) {
    const double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
double luminance(const std::string& hex) {  // "#rrggbb"
    BOOST_REQUIRE_EQUAL(hex.size(), 7u);
    const auto part = [&](int i) { return std::stoi(hex.substr(1 + 2 * i, 2), nullptr, 16); };
    return 0.2126 * channel(part(0)) + 0.7152 * channel(part(1)) + 0.0722 * channel(part(2));
}
double contrast(const std::string& a, const std::string& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

const std::string& sample_html() {
    static const std::string html = [] {
        std::string h = write_document(test::sample_document(), ReportFormat::html);
        return h;
    }();
    return html;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(html_writer)

BOOST_AUTO_TEST_CASE(contrast_formula_matches_known_ratios) {
    // Known values: black on white 21:1; #777777 on white 4.48:1 (the grey
    // just short of AA); #767676 on white 4.54:1 (the lightest grey that passes).
    BOOST_TEST(contrast("#000000", "#ffffff") == 21.0, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(contrast("#777777", "#ffffff") < 4.5);
    BOOST_TEST(contrast("#767676", "#ffffff") >= 4.5);
    BOOST_TEST(contrast("#ffffff", "#777777") == contrast("#777777", "#ffffff"));
}

BOOST_AUTO_TEST_CASE(self_contained_html5) {
    const std::string& h = sample_html();
    BOOST_TEST(h.rfind("<!doctype html>\n<html lang=\"en-GB\">", 0) == 0);
    BOOST_TEST(count(h, "<meta charset=\"utf-8\">") == 1u);
    BOOST_TEST(h.find("</html>") != std::string::npos);
    // No network and no script: no URL, no link, no external resource.
    for (const char* banned : {"http:", "https:", "//", "<script", "<link", "src=", "@import", "<iframe"})
        BOOST_TEST(h.find(banned) == std::string::npos, banned);
    // The only url(...) references are the charts' own patterns.
    const std::regex url(R"(url\((?!#))");
    BOOST_TEST(!std::regex_search(h, url));
    BOOST_TEST(count(h, "<style>") == 1u);
    BOOST_TEST(detail::is_valid_utf8(h));
    BOOST_TEST(h.find('\0') == std::string::npos);
    // Title and subtitle lines.
    BOOST_TEST(h.find("<title>Improvement plan dashboard &lt;sample&gt; &amp; &quot;checks&quot;</title>") != std::string::npos);
    BOOST_TEST(h.find("<h1 dir=\"auto\">Improvement plan dashboard &lt;sample&gt;") != std::string::npos);
    BOOST_TEST(h.find("<p class=\"subtitle\" dir=\"auto\">As of 2012-10-12</p>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_text_is_escaped) {
    const std::string& h = sample_html();
    BOOST_TEST(h.find("<script>") == std::string::npos);
    BOOST_TEST(h.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39; &quot;double&quot;") !=
               std::string::npos);
    BOOST_TEST(h.find("<b>markup</b>") == std::string::npos);
    BOOST_TEST(h.find("Note with &lt;b&gt;markup&lt;/b&gt; &amp; more") != std::string::npos);
    BOOST_TEST(h.find("bad \xEF\xBF\xBD( utf8") != std::string::npos);  // U+FFFD for the ill-formed byte
    BOOST_TEST(h.find("nul inside") != std::string::npos);               // the NUL as a space
    BOOST_TEST(h.find("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D") != std::string::npos);  // RTL text kept
    BOOST_TEST(h.find(std::string(10000, 'x')) != std::string::npos);           // the long cell whole
    BOOST_TEST(h.find("Three actions are overdue.\nA second line.") != std::string::npos);
    // Attribute values too: the reason in title="..." has no raw quote.
    const std::string title = between(h, "rag rag-amber\" title=\"", "\"");
    BOOST_TEST(title.find('<') == std::string::npos);
    BOOST_TEST(title.find("&quot;double&quot;") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(tables_have_captions_headers_groups_and_types) {
    const std::string& h = sample_html();
    // 4 tables, and one table of values under each of the 4 charts.
    BOOST_TEST(count(h, "<table") == std::size_t(test::SampleCounts::tables + test::SampleCounts::charts));
    BOOST_TEST(count(h, "<caption>") == count(h, "<table"));
    const std::string actions = between(h, "<table id=\"actions\">", "</table>");
    BOOST_TEST(actions.find("<caption>Actions &lt;all&gt;</caption>") != std::string::npos);
    // The group column is left out of the header; each group is a row heading.
    const std::string head = between(actions, "<thead>", "</thead>");
    BOOST_TEST(count(head, "<th scope=\"col\"") == 9u);
    BOOST_TEST(head.find("Recommendation") == std::string::npos);
    BOOST_TEST(head.find("<th scope=\"col\" class=\"num\">Cost</th>") != std::string::npos);
    BOOST_TEST(count(actions, "<tbody>") == 2u);
    BOOST_TEST(actions.find("<th scope=\"rowgroup\" colspan=\"9\" dir=\"auto\">1. Quality of social work</th>") !=
               std::string::npos);
    BOOST_TEST(actions.find("<th scope=\"rowgroup\" colspan=\"9\" dir=\"auto\">2. Leadership</th>") != std::string::npos);
    // Numbers right-aligned, dates as <time>.
    BOOST_TEST(actions.find("<td class=\"num\">40</td>") != std::string::npos);
    BOOST_TEST(actions.find("<td class=\"num\">3.25</td>") != std::string::npos);
    BOOST_TEST(actions.find("<td class=\"num\">44.4%</td>") != std::string::npos);
    BOOST_TEST(actions.find("<td class=\"num\">£10,500</td>") != std::string::npos);
    BOOST_TEST(actions.find("<td class=\"num\">-£5</td>") != std::string::npos);
    BOOST_TEST(actions.find("<td><time datetime=\"2012-10-02\">2012-10-02</time></td>") != std::string::npos);
    // The empty table shows its empty text across its columns.
    const std::string overdue = between(h, "<table id=\"overdue\">", "</table>");
    BOOST_TEST(overdue.find("<td class=\"empty\" colspan=\"2\">No action is overdue.</td>") != std::string::npos);
    // Notes under the table; ids unique.
    BOOST_TEST(h.find("<li dir=\"auto\">RAG: RED overdue") != std::string::npos);
    BOOST_TEST(count(h, "id=\"actions\"") == 1u);
    BOOST_TEST(count(h, "id=\"actions-2\"") == 1u);
}

BOOST_AUTO_TEST_CASE(rag_has_label_shape_colour_and_reason) {
    const std::string& h = sample_html();
    BOOST_TEST(h.find("<span class=\"rag rag-red\" title=\"Overdue by 10 days\"><span aria-hidden=\"true\">\u25B2</span> "
                      "RED</span><span class=\"reason\">Overdue by 10 days</span>") != std::string::npos);
    BOOST_TEST(h.find("<span aria-hidden=\"true\">\u25C6</span> AMBER</span>") != std::string::npos);
    BOOST_TEST(h.find("<span class=\"rag rag-green\"><span aria-hidden=\"true\">\u25CF</span> GREEN</span></td>") !=
               std::string::npos);  // no reason: no title, no reason text
    BOOST_TEST(h.find("<span aria-hidden=\"true\">\u25A0</span> BLUE</span><span class=\"reason\">Complete</span>") !=
               std::string::npos);
    BOOST_TEST(h.find("<span class=\"rag rag-none\"><span aria-hidden=\"true\">\u2014</span>") != std::string::npos);
    // With a "rag_reason" column the reason is the title only, not repeated.
    const std::string reasons = between(h, "<table id=\"reasons\">", "</table>");
    BOOST_TEST(reasons.find("title=\"Indicator below threshold\"") != std::string::npos);
    BOOST_TEST(reasons.find("<span class=\"reason\">") == std::string::npos);
    // A date cell in a text column is still a date.
    BOOST_TEST(reasons.find("<time datetime=\"2012-09-30\">") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(data_only_columns_are_left_out) {
    Document doc;
    Table& t = doc.table("t", "T", {{"ref", "Ref", Cell::Type::text},
                                    {"rag", "RAG", Cell::Type::rag},
                                    {"rag_reason", "Reason", Cell::Type::text, true},
                                    {"id", "Id", Cell::Type::integer, true}});
    t.rows.push_back({Cell::of_text("1.1"), Cell::of_rag(Rag::red, "Late"), Cell::of_text("Late"), Cell::of_integer(4242)});
    const std::string h = write_document(doc, ReportFormat::html);
    BOOST_TEST(count(h, "<th scope=\"col\"") == 2u);
    BOOST_TEST(h.find("4242") == std::string::npos);
    BOOST_TEST(h.find(">Reason<") == std::string::npos);
    // Its reason column not shown, the RAG shows its reason itself.
    BOOST_TEST(h.find("RED</span><span class=\"reason\">Late</span>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_colour_pair_passes_wcag_aa) {
    const std::string style = between(sample_html(), "<style>", "</style>");
    const std::regex pair(R"(([.\w -]+)\{[^}]*color:(#[0-9a-f]{6});background:(#[0-9a-f]{6}))");
    std::map<std::string, double> ratios;
    for (auto it = std::sregex_iterator(style.begin(), style.end(), pair); it != std::sregex_iterator(); ++it) {
        const double r = contrast((*it)[2], (*it)[3]);
        ratios[(*it)[1]] = r;
        BOOST_TEST(r >= 4.5, (*it)[1] << ": " << (*it)[2] << " on " << (*it)[3] << " is " << r << ":1");
    }
    for (const char* rag : {".rag-red", ".rag-amber", ".rag-green", ".rag-blue", ".rag-none"})
        BOOST_TEST(ratios.count(rag) == 1u, rag << " has a text colour and a background");
    BOOST_TEST(ratios.count("body") == 1u);
    BOOST_TEST(ratios.size() >= 9u);
}

BOOST_AUTO_TEST_CASE(charts_are_svg_with_text_alternatives) {
    const std::string& h = sample_html();
    BOOST_TEST(count(h, "<svg role=\"img\"") == std::size_t(test::SampleCounts::charts));
    BOOST_TEST(count(h, "<details>") == std::size_t(test::SampleCounts::charts));
    // Each svg is labelled by its own <title> and <desc>.
    const std::regex labelled(R"re(<svg role="img" aria-labelledby="([^" ]+) ([^" ]+)")re");
    std::size_t n = 0;
    for (auto it = std::sregex_iterator(h.begin(), h.end(), labelled); it != std::sregex_iterator(); ++it, ++n) {
        BOOST_TEST(count(h, "<title id=\"" + (*it)[1].str() + "\">") == 1u);
        BOOST_TEST(count(h, "<desc id=\"" + (*it)[2].str() + "\">") == 1u);
    }
    BOOST_TEST(n == std::size_t(test::SampleCounts::charts));
    // Generated description: series' latest values (79% in October; looked
    // after 88%; child protection's only value 90% in July) and the target.
    const std::string desc = between(h, "<desc id=\"visits-desc\">", "</desc>");
    BOOST_TEST(desc.find("Line chart of 3 series over 6 points (2012-05 to 2012-10).") != std::string::npos, desc);
    BOOST_TEST(desc.find("Children in need: latest 79.0% (2012-10), lowest 61.0%, highest 79.0%.") != std::string::npos, desc);
    BOOST_TEST(desc.find("Looked after &lt;children&gt;: latest 88.0% (2012-10)") != std::string::npos, desc);
    BOOST_TEST(desc.find("Child protection: latest 90.0% (2012-07).") != std::string::npos, desc);
    BOOST_TEST(desc.find("Target 85.0%.") != std::string::npos, desc);
    BOOST_TEST(between(h, "<desc id=\"grades-desc\">", "</desc>") ==
               "Audit grades: inadequate grades fell from 4 in June to 3 in August.");
    // Gaps: the first series is drawn in two pieces (no value in July), the
    // second in two (June and July missing), the third only as a marker.
    const std::string visits = between(h, "<figure class=\"chart\" id=\"visits\">", "</figure>");
    std::vector<std::string> paths;
    const std::regex path(R"re(<g class="series"><path d="([^"]+)")re");
    for (auto it = std::sregex_iterator(visits.begin(), visits.end(), path); it != std::sregex_iterator(); ++it)
        paths.push_back((*it)[1]);
    BOOST_REQUIRE_EQUAL(paths.size(), 2u);
    BOOST_TEST(count(paths[0], "M") == 2u);
    BOOST_TEST(count(paths[0], "L") == 3u);  // M L  M L L: May-June, August-September-October
    BOOST_TEST(count(paths[1], "M") == 2u);
    BOOST_TEST(count(visits, "<g class=\"series\">") == 3u);
    // Target lines where there is a target; y axis of a percent chart to 100%.
    BOOST_TEST(count(h, "class=\"target\"") == 2u);
    BOOST_TEST(visits.find(">100%</text>") != std::string::npos);
    BOOST_TEST(visits.find(">0%</text>") != std::string::npos);
    BOOST_TEST(visits.find("Target 85.0%</text>") != std::string::npos);
    // Bars: stacked grades drawn as 11 rectangles (12 values, one missing);
    // patterns tell the series apart.
    const std::string grades = between(h, "<figure class=\"chart\" id=\"grades\">", "</figure>");
    BOOST_TEST(count(between(grades, "</g>\n", "<g class=\"legend\""), "<rect") == 11u);
    BOOST_TEST(count(grades, "<pattern id=\"grades-p") == 3u);
    // One point: a marker and no line.
    const std::string one = between(h, "<figure class=\"chart\" id=\"one\">", "</figure>");
    BOOST_TEST(one.find("<g class=\"series\"><circle") != std::string::npos);
    // The values table: the chart's text alternative.
    BOOST_TEST(visits.find("<table id=\"visits-values\">") != std::string::npos);
    BOOST_TEST(visits.find("<td class=\"num\">61.0%</td>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(many_points_and_series_stay_apart) {
    Document doc;
    Chart& c = doc.chart("m", "Many", Chart::Kind::line, Chart::Unit::count);
    for (int i = 0; i < 60; ++i) c.x_labels.push_back((i < 10 ? "m0" : "m") + std::to_string(i));
    for (int s = 0; s < 9; ++s) c.series.push_back({"s" + std::to_string(s), std::vector<std::optional<double>>(60, s + 1.0)});
    const std::string h = write_document(doc, ReportFormat::html);
    // 60 points in 672 units: every second label, slanted.
    BOOST_TEST(h.find(">m00</text>") != std::string::npos);
    BOOST_TEST(h.find(">m01</text>") == std::string::npos);
    BOOST_TEST(h.find(">m58</text>") != std::string::npos);
    BOOST_TEST(h.find("rotate(-40") != std::string::npos);
    // Series 0 and 7 share colour and marker, not their dash.
    std::vector<std::string> lines;
    const std::regex path(R"re(<g class="series"><path d="[^"]+" fill="none" stroke="(#[0-9a-f]{6})" stroke-width="2.5"( stroke-dasharray="[^"]+")?)re");
    for (auto it = std::sregex_iterator(h.begin(), h.end(), path); it != std::sregex_iterator(); ++it)
        lines.push_back((*it)[1].str() + (*it)[2].str());
    BOOST_REQUIRE_EQUAL(lines.size(), 9u);
    BOOST_TEST(lines[0].substr(0, 7) == lines[7].substr(0, 7));
    BOOST_TEST(lines[0] != lines[7]);
    BOOST_TEST(count(h, "<text x=") >= 9u + 30u);  // the legend's 9 names and 30 labels at least
}

BOOST_AUTO_TEST_CASE(a_series_colour_is_drawn_and_checked) {
    Document doc;
    Chart& c = doc.chart("rag", "By RAG", Chart::Kind::stacked_bar, Chart::Unit::count);
    c.x_labels = {"Now"};
    c.series = {{"Red", {3.0}, "#b3261e"}, {"Amber", {2.0}, "#a66f00"}, {"Other", {1.0}, ""}};
    const std::string h = write_document(doc, ReportFormat::html);
    BOOST_TEST(h.find("fill=\"#b3261e\"") != std::string::npos);     // series 0: solid in its colour
    BOOST_TEST(h.find("fill=\"#a66f00\"") != std::string::npos);     // series 1: its pattern in its colour
    BOOST_TEST(h.find("stroke=\"#a66f00\"") != std::string::npos);
    BOOST_TEST(h.find("#009e73") != std::string::npos);                // no colour: the palette's third
    for (const char* bad : {"red", "#b3261", "#b3261eff", "#gg0000", "#b3261e\"/><script>"}) {
        c.series[0].colour = bad;
        BOOST_CHECK_THROW(write_document(doc, ReportFormat::html), Error);
        BOOST_CHECK_THROW(write_document(doc, ReportFormat::xlsx), Error);
    }
}

BOOST_AUTO_TEST_CASE(prints_on_a4) {
    const std::string style = between(sample_html(), "<style>", "</style>");
    BOOST_TEST(style.find("@page{size:A4;margin:15mm}") != std::string::npos);
    BOOST_TEST(style.find("tr,figure.chart,.rag{break-inside:avoid") != std::string::npos);
    BOOST_TEST(style.find("break-after:avoid") != std::string::npos);
    BOOST_TEST(style.find("print-color-adjust:exact") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(empty_and_minimal_documents) {
    Document doc;
    const std::string h = write_document(doc, ReportFormat::html);
    BOOST_TEST(h.find("<title>Report</title>") != std::string::npos);
    BOOST_TEST(count(h, "<table") == 0u);
    // A chart with no points and no series still has its title and description.
    doc.chart("c", "Nothing yet", Chart::Kind::bar, Chart::Unit::count);
    doc.table("t", "", {{"only", "Only", Cell::Type::text}}).group_by = 0;
    std::get<Table>(doc.blocks.back()).rows.push_back({Cell::of_text("g")});
    const std::string h2 = write_document(doc, ReportFormat::html);
    BOOST_TEST(h2.find("<desc id=\"c-desc\">Bar chart of 0 series over 0 points.</desc>") != std::string::npos);
    BOOST_TEST(h2.find("No values.") != std::string::npos);
    BOOST_TEST(h2.find("colspan=\"0\"") == std::string::npos);
    // Huge values are drawn at the edge of the scale, in finite time.
    Chart& huge = doc.chart("huge", "Huge", Chart::Kind::stacked_bar, Chart::Unit::count);
    huge.x_labels = {"a", "b"};
    huge.series = {{"s", {1e308, -1e308}}, {"t", {1e308, 5}}};
    huge.target = -1e308;
    const std::string h3 = write_document(doc, ReportFormat::html);
    BOOST_TEST(h3.find("<desc id=\"huge-desc\">") != std::string::npos);
    BOOST_TEST(h3.find("nan") == std::string::npos);
    BOOST_TEST(h3.find("inf") == std::string::npos);
    // A document the model refuses is refused here too.
    doc.chart("c", "Twice", Chart::Kind::line, Chart::Unit::count);
    BOOST_CHECK_THROW(write_document(doc, ReportFormat::html), Error);
}

BOOST_AUTO_TEST_SUITE_END()
