// The HTML writer of report documents: one self-contained HTML5 file (inline
// CSS and SVG, no script, no URL of any kind), readable on screen, printable
// on A4 and accessible: every text escaped by one function (escape), tables
// with captions and column headers, a RAG shown by a label and a shape as
// well as a colour (colours with WCAG AA contrast, tests/cpp/report/
// html_writer_test.cpp computes them), charts as inline SVG with a title, a
// description and the table of their values.
#include "report/writers.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <sstream>

namespace oversight::detail {
namespace {

// ------------------------------------------------------------ text

/// The one HTML escape: valid UTF-8 (ill-formed bytes replaced), control
/// characters other than line feed and tab as spaces, and & < > " ' as
/// character references, so the result is safe in text and in quoted
/// attribute values alike.
std::string escape(std::string_view raw) {
    const std::string s = is_valid_utf8(raw) ? std::string(raw) : sanitize_utf8(raw);
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (const char ch : s) {
        const auto u = static_cast<unsigned char>(ch);
        switch (ch) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            case '\n':
            case '\t': out += ch; break;
            default: out += (u < 0x20 || u == 0x7F) ? ' ' : ch;
        }
    }
    return out;
}

/// One line of text (inline_text), escaped: titles, labels, attributes.
std::string line(std::string_view raw) { return escape(inline_text(raw)); }

std::string num(double x, int decimals = 1) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return s;
}

/// Unique HTML id attributes: the table's or chart's own id (white space
/// replaced, it being the one thing an id may not hold), made unique with a
/// suffix if two ids come out alike.
class Ids {
public:
    std::string make(std::string_view wanted) {
        std::string base = inline_text(wanted);
        for (char& c : base)
            if (c == ' ') c = '_';
        if (base.empty()) base = "block";
        std::string id = base;
        for (int n = 2; !used_.insert(id).second; ++n) id = base + "-" + std::to_string(n);
        return id;
    }

private:
    std::set<std::string> used_;
};

/// Whether text has a word too long for a column (a path, an identifier, a
/// run of one letter): its cell may break it anywhere, and only its cell, so
/// that short words elsewhere keep the width they need.
bool long_word(std::string_view text) {
    std::size_t run = 0;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == ' ' || c == '\n' || c == '\t') run = 0;
        else if ((u & 0xC0) != 0x80 && ++run > 40) return true;
    }
    return false;
}

bool numeric(Cell::Type t) {
    return t == Cell::Type::integer || t == Cell::Type::number || t == Cell::Type::percent || t == Cell::Type::money;
}

std::string_view rag_class(Rag r) {
    switch (r) {
        case Rag::red: return "rag-red";
        case Rag::amber: return "rag-amber";
        case Rag::green: return "rag-green";
        case Rag::blue: return "rag-blue";
        case Rag::none: return "rag-none";
    }
    return "rag-none";
}

/// A shape per RAG, so that colour is never the only sign.
std::string_view rag_shape(Rag r) {
    switch (r) {
        case Rag::red: return "\u25B2";    // ▲ triangle
        case Rag::amber: return "\u25C6";  // ◆ diamond
        case Rag::green: return "\u25CF";  // ● circle
        case Rag::blue: return "\u25A0";   // ■ square
        case Rag::none: return "\u2014";   // — dash
    }
    return "\u2014";
}

// ------------------------------------------------------------ style

// Each colour pair of text on a background is written "color:#..;background:#.."
// in that order: the test reads them back and computes their contrast.
constexpr const char* kStyle = R"CSS(
:root{font-family:"DejaVu Sans","Liberation Sans",Arial,Helvetica,sans-serif;font-size:15px;line-height:1.45}
body{color:#1a1a1a;background:#ffffff;margin:0 auto;padding:1.5rem;max-width:1200px}
h1{font-size:1.7rem;margin:0 0 .3rem}
h2{font-size:1.35rem;margin:1.8rem 0 .6rem;border-bottom:2px solid #1a1a1a;padding-bottom:.15rem}
h3{font-size:1.15rem;margin:1.4rem 0 .5rem}
h4{font-size:1rem;margin:1.2rem 0 .4rem}
.subtitle{color:#404040;background:#ffffff;margin:.1rem 0}
header{margin-bottom:1rem}
p{margin:.5rem 0;white-space:pre-line;max-width:60rem}
p.note{color:#1a1a1a;background:#eef3fa;border-left:4px solid #1f5fa8;padding:.4rem .7rem}
p.warning{color:#1a1a1a;background:#fff4d6;border-left:4px solid #b3261e;padding:.4rem .7rem}
.table-wrap{overflow-x:auto;margin:.8rem 0 1.2rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
caption{text-align:left;font-weight:bold;font-size:1rem;padding:.3rem 0}
th,td{border:1px solid #8a8a8a;padding:.25rem .45rem;vertical-align:top;text-align:left;overflow-wrap:break-word;white-space:pre-line}
td.long{overflow-wrap:anywhere;min-width:16rem}
time{white-space:nowrap}
thead th{color:#1a1a1a;background:#e8e8e8}
th.num,td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.group th{color:#1a1a1a;background:#f3f3f3;font-size:.95rem}
td.empty{font-style:italic}
ul.notes{margin:.3rem 0 0;padding-left:1.2rem;font-size:.85rem}
.rag{display:inline-block;padding:.05rem .4rem;border-radius:.25rem;font-weight:bold;white-space:nowrap;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.rag-red{color:#ffffff;background:#b3261e}
.rag-amber{color:#1a1a1a;background:#ffbf00}
.rag-green{color:#ffffff;background:#1e7b34}
.rag-blue{color:#ffffff;background:#1f5fa8}
.rag-none{color:#1a1a1a;background:#e8e8e8}
.reason{display:block;font-size:.85rem;margin-top:.15rem}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
figure.chart{margin:1rem 0 1.5rem;max-width:860px}
figure.chart svg{width:100%;height:auto;display:block;font-family:inherit}
figure.chart figcaption{font-weight:bold;margin-bottom:.3rem}
details{margin:.4rem 0;font-size:.9rem}
summary{cursor:pointer}
svg text{fill:#1a1a1a}
@page{size:A4;margin:15mm}
@media print{
 :root{font-size:10pt}
 body{padding:0;max-width:none}
 h1,h2,h3,h4,caption,figcaption{break-after:avoid;page-break-after:avoid}
 tr,figure.chart,.rag{break-inside:avoid;page-break-inside:avoid}
 thead{display:table-header-group}
 .table-wrap{overflow:visible}
 td.long{min-width:0}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)CSS";

// ------------------------------------------------------------ tables

/// Whether HTML shows a column: not the group's (its value heads each
/// group) unless it is the only one, and not a column for machines only.
bool shown_column(const Table& t, std::size_t c) {
    if (t.columns[c].data_only) return false;
    return !t.group_by || *t.group_by != c || t.columns.size() == 1;
}

std::string cell_html(const Table& t, std::size_t col, const Cell& c) {
    switch (c.type) {
        case Cell::Type::empty: return {};
        case Cell::Type::date: {
            const std::string iso = c.date.iso();
            return "<time datetime=\"" + escape(iso) + "\">" + escape(iso) + "</time>";
        }
        case Cell::Type::rag: {
            const std::string reason = line(c.text);
            std::string out = "<span class=\"rag " + std::string(rag_class(c.rag)) + "\"";
            if (!reason.empty()) out += " title=\"" + reason + "\"";
            out += "><span aria-hidden=\"true\">" + std::string(rag_shape(c.rag)) + "</span>";
            out += c.rag == Rag::none ? std::string("<span class=\"vh\">no rating</span>")
                                      : " " + std::string(rag_label(c.rag));
            out += "</span>";
            // The reason is seen too unless the table shows it in a column of its own.
            const std::size_t own = column_index(t, t.columns[col].key + "_reason");
            if (!reason.empty() && (own == std::string::npos || !shown_column(t, own)))
                out += "<span class=\"reason\">" + escape(c.text) + "</span>";
            return out;
        }
        default: return escape(c.display());
    }
}

void table_html(std::ostringstream& out, const Table& t, const std::string& id) {
    std::vector<std::size_t> shown;
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        if (shown_column(t, c)) shown.push_back(c);
    const std::size_t span = std::max<std::size_t>(shown.size(), 1);
    out << "<div class=\"table-wrap\">\n<table id=\"" << id << "\">\n";
    if (!t.title.empty()) out << "<caption>" << line(t.title) << "</caption>\n";
    out << "<thead><tr>";
    for (const std::size_t c : shown)
        out << "<th scope=\"col\"" << (numeric(t.columns[c].type) ? " class=\"num\"" : "") << ">"
            << line(t.columns[c].title) << "</th>";
    out << "</tr></thead>\n";
    if (t.rows.empty()) {
        out << "<tbody><tr><td class=\"empty\" colspan=\"" << span << "\">" << line(t.empty_text)
            << "</td></tr></tbody>\n";
    } else {
        for (const auto& g : row_groups(t)) {
            out << "<tbody>\n";
            if (t.group_by)
                out << "<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"" << span << "\" dir=\"auto\">"
                    << line(g.label) << "</th></tr>\n";
            for (std::size_t r = g.first; r < g.last; ++r) {
                out << "<tr>";
                for (const std::size_t c : shown) {
                    const Cell& cell = t.rows[r][c];
                    out << "<td";
                    if (numeric(cell.type))
                        out << " class=\"num\"";
                    else if (cell.type == Cell::Type::text)
                        out << (long_word(cell.text) ? " class=\"long\" dir=\"auto\"" : " dir=\"auto\"");
                    out << ">" << cell_html(t, c, cell) << "</td>";
                }
                out << "</tr>\n";
            }
            out << "</tbody>\n";
        }
    }
    out << "</table>\n";
    if (!t.notes.empty()) {
        out << "<ul class=\"notes\">";
        for (const auto& n : t.notes) out << "<li dir=\"auto\">" << escape(n) << "</li>";
        out << "</ul>\n";
    }
    out << "</div>\n";
}

// ------------------------------------------------------------ charts

// Okabe and Ito's palette, told apart by most readers with a colour vision
// deficiency, its yellow and light blues left out (under 3:1 on white); each
// series has a marker shape and a line dash or a fill pattern of its own too.
constexpr const char* kPalette[] = {"#0072b2", "#d55e00", "#009e73", "#cc79a7", "#000000", "#8c510a", "#6a3d9a"};
constexpr std::size_t kColours = sizeof kPalette / sizeof kPalette[0];
constexpr const char* kDashes[] = {"", "8 4", "2 3", "10 3 2 3", "4 4", "12 4", "1 2"};
/// The dash of series s: shifted by one every 7 series, so that series 0
/// and 7 (same colour, same marker) still differ.
std::size_t dash(std::size_t s) { return (s + s / kColours) % kColours; }
enum class Marker { circle, square, triangle, diamond, cross, triangle_down, plus };
constexpr std::size_t kMarkers = 7;

// Geometry of the drawing (SVG user units; the SVG scales to its box).
constexpr double kW = 760, kLeft = 64, kRight = 24, kTop = 16, kPlotH = 240;

/// Values are drawn within ±1e15: beyond it the axis arithmetic would
/// overflow (a value of 1e308 is a bug elsewhere, not something to plot).
double drawable(double v) { return std::clamp(v, -1e15, 1e15); }

struct Scale {
    double lo = 0, hi = 1, step = 0.2;
};

/// 0 .. a round maximum over the values and the target (percent: 0 .. 100%
/// unless a value is over it), with 4..8 round steps; negative values move
/// the bottom below 0.
Scale y_scale(const Chart& c) {
    double lo = 0, hi = 0;
    const bool stacked = c.kind == Chart::Kind::stacked_bar;
    for (std::size_t i = 0; i < c.x_labels.size(); ++i) {
        double pos = 0, neg = 0;
        for (const auto& s : c.series) {
            if (!s.values[i]) continue;
            const double v = drawable(*s.values[i]);
            if (stacked) {
                (v >= 0 ? pos : neg) += v;
            } else {
                hi = std::max(hi, v);
                lo = std::min(lo, v);
            }
        }
        hi = std::max(hi, pos);
        lo = std::min(lo, neg);
    }
    if (c.target) {
        hi = std::max(hi, drawable(*c.target));
        lo = std::min(lo, drawable(*c.target));
    }
    hi = drawable(hi);  // stacks of large values
    lo = drawable(lo);
    if (c.unit == Chart::Unit::percent) hi = std::max(hi, 1.0);
    if (hi - lo <= 0) hi = lo + 1;
    const double raw = (hi - lo) / 5;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    double step = mag;
    for (const double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * mag >= raw) {
            step = m * mag;
            break;
        }
    if (c.unit == Chart::Unit::percent && hi <= 1.0 && lo >= 0) step = 0.2;
    Scale s;
    s.step = step;
    s.lo = std::floor(lo / step) * step;
    s.hi = std::ceil(hi / step - 1e-9) * step;
    if (s.hi <= s.lo) s.hi = s.lo + step;
    return s;
}

std::string value_text(const Chart& c, double v) {
    if (c.unit == Chart::Unit::percent) return Cell::of_percent(v).display();
    return num(v, 2);
}

std::string marker_svg(Marker m, double x, double y, const char* colour) {
    const double r = 4.5;
    std::string pts;
    const auto poly = [&](std::initializer_list<std::pair<double, double>> p) {
        std::string s = "<polygon points=\"";
        bool first = true;
        for (const auto& [dx, dy] : p) {
            s += (first ? "" : " ") + num(x + dx, 2) + "," + num(y + dy, 2);
            first = false;
        }
        return s + "\" fill=\"" + colour + "\" stroke=\"#ffffff\" stroke-width=\"1\"/>";
    };
    switch (m) {
        case Marker::circle:
            return "<circle cx=\"" + num(x, 2) + "\" cy=\"" + num(y, 2) + "\" r=\"" + num(r) + "\" fill=\"" + colour +
                   "\" stroke=\"#ffffff\" stroke-width=\"1\"/>";
        case Marker::square: return poly({{-r, -r}, {r, -r}, {r, r}, {-r, r}});
        case Marker::triangle: return poly({{0, -r - 1}, {r + 1, r}, {-r - 1, r}});
        case Marker::diamond: return poly({{0, -r - 1}, {r + 1, 0}, {0, r + 1}, {-r - 1, 0}});
        case Marker::triangle_down: return poly({{0, r + 1}, {r + 1, -r}, {-r - 1, -r}});
        case Marker::cross:
        case Marker::plus: {
            const bool diag = m == Marker::cross;
            const double a = r;
            std::string d = diag ? "M" + num(x - a, 2) + "," + num(y - a, 2) + "L" + num(x + a, 2) + "," + num(y + a, 2) +
                                       "M" + num(x - a, 2) + "," + num(y + a, 2) + "L" + num(x + a, 2) + "," + num(y - a, 2)
                                 : "M" + num(x - a, 2) + "," + num(y, 2) + "L" + num(x + a, 2) + "," + num(y, 2) + "M" +
                                       num(x, 2) + "," + num(y - a, 2) + "L" + num(x, 2) + "," + num(y + a, 2);
            return "<path d=\"" + d + "\" stroke=\"" + colour + "\" stroke-width=\"2.5\" fill=\"none\"/>";
        }
    }
    return {};
}

/// Fill patterns for bars: series 0 solid, the others hatched or dotted in
/// their colour over a light tint, so bars differ by more than hue.
/// Series s's colour: its own when the document gives one, else the palette's.
std::string colour_of(const Chart& c, std::size_t s) {
    return c.series[s].colour.empty() ? std::string(kPalette[s % kColours]) : c.series[s].colour;
}

std::string pattern_defs(const std::string& prefix, const Chart& c) {
    std::string out = "<defs>";
    for (std::size_t i = 1; i < c.series.size(); ++i) {
        const std::string col = colour_of(c, i);
        const std::string id = prefix + "-p" + std::to_string(i);
        out += "<pattern id=\"" + id + "\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\"";
        switch (i % 4) {
            case 1: out += " patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#ffffff\"/><rect width=\"4\" height=\"8\" fill=\"" + std::string(col) + "\"/>"; break;
            case 2: out += "><rect width=\"8\" height=\"8\" fill=\"" + std::string(col) + "\"/><circle cx=\"4\" cy=\"4\" r=\"1.6\" fill=\"#ffffff\"/>"; break;
            case 3: out += " patternTransform=\"rotate(-45)\"><rect width=\"8\" height=\"8\" fill=\"#ffffff\"/><rect width=\"8\" height=\"4\" fill=\"" + std::string(col) + "\"/>"; break;
            default: out += "><rect width=\"8\" height=\"8\" fill=\"" + std::string(col) + "\"/><path d=\"M0,4H8M4,0V8\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>"; break;
        }
        out += "</pattern>";
    }
    return out + "</defs>";
}

std::string bar_fill(const std::string& prefix, const Chart& c, std::size_t i) {
    return i == 0 ? colour_of(c, 0) : "url(#" + prefix + "-p" + std::to_string(i) + ")";
}

/// The text alternative when the chart has none: what is drawn and, for each
/// series, its latest value and its range.
std::string summary(const Chart& c) {
    std::ostringstream s;
    const char* kind = c.kind == Chart::Kind::line ? "Line chart" : c.kind == Chart::Kind::bar ? "Bar chart" : "Stacked bar chart";
    s << kind << " of " << c.series.size() << (c.series.size() == 1 ? " series" : " series") << " over "
      << c.x_labels.size() << (c.x_labels.size() == 1 ? " point" : " points");
    if (!c.x_labels.empty()) s << " (" << inline_text(c.x_labels.front()) << " to " << inline_text(c.x_labels.back()) << ")";
    s << ".";
    for (const auto& ser : c.series) {
        std::optional<std::size_t> last;
        std::optional<double> lo, hi;
        for (std::size_t i = 0; i < ser.values.size(); ++i)
            if (ser.values[i]) {
                last = i;
                lo = std::min(lo.value_or(*ser.values[i]), *ser.values[i]);
                hi = std::max(hi.value_or(*ser.values[i]), *ser.values[i]);
            }
        s << " " << inline_text(ser.name) << ": ";
        if (!last) {
            s << "no values.";
            continue;
        }
        s << "latest " << value_text(c, *ser.values[*last]) << " (" << inline_text(c.x_labels[*last]) << ")";
        if (*lo != *hi) s << ", lowest " << value_text(c, *lo) << ", highest " << value_text(c, *hi);
        s << ".";
    }
    if (c.target) s << " Target " << value_text(c, *c.target) << ".";
    return s.str();
}

void chart_html(std::ostringstream& out, const Chart& c, Ids& ids) {
    const std::string id = ids.make(c.id);
    const std::string title_id = ids.make(id + "-title");
    const std::string desc_id = ids.make(id + "-desc");
    const std::size_t n = c.x_labels.size();
    const Scale sc = y_scale(c);

    // Legend rows above the plot: items laid out by an estimate of their width.
    struct Item {
        double x, y;
    };
    std::vector<Item> items;
    double lx = kLeft, ly = kTop + 6;
    for (const auto& s : c.series) {
        const double w = 34 + 7.2 * static_cast<double>(std::min<std::size_t>(width_of(inline_text(s.name)), 48)) + 18;
        if (lx + w > kW - kRight && lx > kLeft) {
            lx = kLeft;
            ly += 20;
        }
        items.push_back({lx, ly});
        lx += w;
    }
    const bool has_target = c.target.has_value();
    if (has_target) {
        if (lx + 120 > kW - kRight && lx > kLeft) {
            lx = kLeft;
            ly += 20;
        }
        items.push_back({lx, ly});
    }
    const double plot_top = items.empty() ? kTop : ly + 22;
    // X labels: level when they fit their band, else slanted.
    const double plot_w = kW - kLeft - kRight;
    const double band = n ? plot_w / static_cast<double>(n) : plot_w;
    std::size_t longest = 0;
    for (const auto& l : c.x_labels) longest = std::max(longest, width_of(inline_text(l)));
    const bool slant = static_cast<double>(std::min<std::size_t>(longest, 24)) * 7.0 > band;
    const double label_room = slant ? 12 + 5.0 * static_cast<double>(std::min<std::size_t>(longest, 24)) : 24;
    const double plot_bottom = plot_top + kPlotH;
    const double height = plot_bottom + label_room + 8;
    const auto Y = [&](double v) { return plot_bottom - (drawable(v) - sc.lo) / (sc.hi - sc.lo) * kPlotH; };
    const auto X = [&](std::size_t i) { return kLeft + band * (static_cast<double>(i) + 0.5); };

    out << "<figure class=\"chart\" id=\"" << id << "\">\n<figcaption>" << line(c.title) << "</figcaption>\n";
    out << "<svg role=\"img\" aria-labelledby=\"" << title_id << " " << desc_id
        << "\" viewBox=\"0 0 " << num(kW) << " " << num(height, 0) << "\" width=\"" << num(kW) << "\" height=\""
        << num(height, 0) << "\" font-size=\"12\">\n";
    out << "<title id=\"" << title_id << "\">" << line(c.title) << "</title>\n";
    out << "<desc id=\"" << desc_id << "\">" << line(c.alt.empty() ? summary(c) : c.alt) << "</desc>\n";
    if (c.kind != Chart::Kind::line) out << pattern_defs(id, c) << "\n";

    // Grid, y ticks and axes.
    out << "<g class=\"axis\" aria-hidden=\"true\">\n";
    for (int k = 0; k <= 40; ++k) {  // 4..8 ticks; the bound is a guard
        const double v = sc.lo + k * sc.step;
        if (v > sc.hi + sc.step * 1e-6) break;
        const double y = Y(v);
        out << "<line x1=\"" << num(kLeft) << "\" y1=\"" << num(y, 2) << "\" x2=\"" << num(kW - kRight) << "\" y2=\""
            << num(y, 2) << "\" stroke=\"#d0d0d0\" stroke-width=\"1\"/>";
        out << "<text x=\"" << num(kLeft - 8) << "\" y=\"" << num(y + 4, 2) << "\" text-anchor=\"end\">"
            << escape(c.unit == Chart::Unit::percent ? num(v * 100, 1) + "%" : num(v, 2)) << "</text>\n";
    }
    out << "<line x1=\"" << num(kLeft) << "\" y1=\"" << num(plot_top - 4, 2) << "\" x2=\"" << num(kLeft) << "\" y2=\""
        << num(plot_bottom, 2) << "\" stroke=\"#1a1a1a\" stroke-width=\"1.2\"/>";
    out << "<line x1=\"" << num(kLeft) << "\" y1=\"" << num(Y(std::max(sc.lo, 0.0)), 2) << "\" x2=\"" << num(kW - kRight)
        << "\" y2=\"" << num(Y(std::max(sc.lo, 0.0)), 2) << "\" stroke=\"#1a1a1a\" stroke-width=\"1.2\"/>\n";
    // Every label while they have room (14 units each, slanted), else every k-th.
    const std::size_t every = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(14.0 / band)));
    for (std::size_t i = 0; i < n; i += every) {
        const std::string label = line(clip(c.x_labels[i], 24));
        const double x = X(i), y = plot_bottom + 16;
        if (slant)
            out << "<text x=\"" << num(x, 2) << "\" y=\"" << num(y - 4, 2) << "\" text-anchor=\"end\" transform=\"rotate(-40 "
                << num(x, 2) << " " << num(y - 4, 2) << ")\">" << label << "</text>\n";
        else
            out << "<text x=\"" << num(x, 2) << "\" y=\"" << num(y, 2) << "\" text-anchor=\"middle\">" << label << "</text>\n";
    }
    out << "</g>\n";

    // The target under the series, so that no value hides behind it.
    if (has_target) {
        const double y = Y(*c.target);
        out << "<line class=\"target\" x1=\"" << num(kLeft) << "\" y1=\"" << num(y, 2) << "\" x2=\"" << num(kW - kRight)
            << "\" y2=\"" << num(y, 2) << "\" stroke=\"#1a1a1a\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n";
    }

    // Series.
    if (c.kind == Chart::Kind::line) {
        for (std::size_t s = 0; s < c.series.size(); ++s) {
            const auto& ser = c.series[s];
            const std::string col = colour_of(c, s);
            std::string d;
            bool pen = false;  // a gap (a missing value) lifts the pen
            for (std::size_t i = 0; i < n; ++i) {
                if (!ser.values[i]) {
                    pen = false;
                    continue;
                }
                d += (pen ? "L" : "M") + num(X(i), 2) + "," + num(Y(*ser.values[i]), 2);
                pen = true;
            }
            out << "<g class=\"series\">";
            if (d.find('L') != std::string::npos) {  // a lone point is its marker alone
                out << "<path d=\"" << d << "\" fill=\"none\" stroke=\"" << col << "\" stroke-width=\"2.5\"";
                if (*kDashes[dash(s)]) out << " stroke-dasharray=\"" << kDashes[dash(s)] << "\"";
                out << "/>";
            }
            for (std::size_t i = 0; i < n; ++i)
                if (ser.values[i])
                    out << marker_svg(static_cast<Marker>(s % kMarkers), X(i), Y(*ser.values[i]), col.c_str());
            out << "</g>\n";
        }
    } else if (!c.series.empty()) {
        const bool stacked = c.kind == Chart::Kind::stacked_bar;
        const double group_w = band * 0.72;
        const double bar_w = stacked ? group_w : group_w / static_cast<double>(c.series.size());
        std::vector<double> pos(n, 0), neg(n, 0);
        for (std::size_t s = 0; s < c.series.size(); ++s) {
            out << "<g class=\"series\">";
            for (std::size_t i = 0; i < n; ++i) {
                if (!c.series[s].values[i]) continue;
                const double v = *c.series[s].values[i];
                double x = X(i) - group_w / 2, y0 = 0, y1 = v;
                if (stacked) {
                    double& base = v >= 0 ? pos[i] : neg[i];
                    y0 = base;
                    y1 = base + v;
                    base = y1;
                } else {
                    x += bar_w * static_cast<double>(s);
                }
                const double top = std::min(Y(y0), Y(y1)), h = std::fabs(Y(y1) - Y(y0));
                out << "<rect x=\"" << num(x, 2) << "\" y=\"" << num(top, 2) << "\" width=\"" << num(bar_w, 2)
                    << "\" height=\"" << num(h, 2) << "\" fill=\"" << bar_fill(id, c, s) << "\" stroke=\"" << colour_of(c, s)
                    << "\" stroke-width=\"1\"/>";
            }
            out << "</g>\n";
        }
    }
    // Legend.
    out << "<g class=\"legend\" aria-hidden=\"true\">\n";
    for (std::size_t s = 0; s < c.series.size(); ++s) {
        const auto [x, y] = items[s];
        const std::string col = colour_of(c, s);
        if (c.kind == Chart::Kind::line) {
            out << "<line x1=\"" << num(x, 2) << "\" y1=\"" << num(y, 2) << "\" x2=\"" << num(x + 26, 2) << "\" y2=\""
                << num(y, 2) << "\" stroke=\"" << col << "\" stroke-width=\"2.5\"";
            if (*kDashes[dash(s)]) out << " stroke-dasharray=\"" << kDashes[dash(s)] << "\"";
            out << "/>" << marker_svg(static_cast<Marker>(s % kMarkers), x + 13, y, col.c_str());
        } else {
            out << "<rect x=\"" << num(x, 2) << "\" y=\"" << num(y - 7, 2) << "\" width=\"26\" height=\"14\" fill=\""
                << bar_fill(id, c, s) << "\" stroke=\"" << col << "\"/>";
        }
        out << "<text x=\"" << num(x + 32, 2) << "\" y=\"" << num(y + 4, 2) << "\">" << line(clip(c.series[s].name, 48))
            << "</text>\n";
    }
    if (has_target) {
        const auto [x, y] = items.back();
        out << "<line x1=\"" << num(x, 2) << "\" y1=\"" << num(y, 2) << "\" x2=\"" << num(x + 26, 2) << "\" y2=\""
            << num(y, 2) << "\" stroke=\"#1a1a1a\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
            << "<text x=\"" << num(x + 32, 2) << "\" y=\"" << num(y + 4, 2) << "\">Target " << escape(value_text(c, *c.target))
            << "</text>\n";
    }
    out << "</g>\n</svg>\n";

    // The values as a table: the chart's text alternative for every reader.
    Table values = chart_table(c);
    values.title = "Values of " + c.title;
    values.empty_text = "No values.";
    out << "<details><summary>Values of " << line(c.title) << "</summary>\n";
    table_html(out, values, ids.make(id + "-values"));
    out << "</details>\n</figure>\n";
}

}  // namespace

std::string write_html(const Document& doc) {
    std::ostringstream out;
    const std::string title = doc.title.empty() ? std::string("Report") : doc.title;
    out << "<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<meta name=\"generator\" content=\"Oversight\">\n"
        << "<title>" << line(title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
    out << "<header>\n<h1 dir=\"auto\">" << line(title) << "</h1>\n";
    for (const auto& s : doc.subtitle) out << "<p class=\"subtitle\" dir=\"auto\">" << line(s) << "</p>\n";
    out << "</header>\n<main>\n";
    Ids ids;
    for (const auto& block : doc.blocks) {
        if (const auto* h = std::get_if<Heading>(&block)) {
            const int level = std::clamp(h->level, 1, 3) + 1;
            out << "<h" << level << " dir=\"auto\">" << line(h->text) << "</h" << level << ">\n";
        } else if (const auto* p = std::get_if<Paragraph>(&block)) {
            switch (p->style) {
                case Paragraph::Style::normal: out << "<p dir=\"auto\">"; break;
                case Paragraph::Style::note: out << "<p class=\"note\" dir=\"auto\"><strong>Note:</strong> "; break;
                case Paragraph::Style::warning: out << "<p class=\"warning\" dir=\"auto\"><strong>Warning:</strong> "; break;
            }
            out << escape(p->text) << "</p>\n";
        } else if (const auto* t = std::get_if<Table>(&block)) {
            table_html(out, *t, ids.make(t->id));
        } else if (const auto* c = std::get_if<Chart>(&block)) {
            chart_html(out, *c, ids);
        }
    }
    out << "</main>\n</body>\n</html>\n";
    return out.str();
}

}  // namespace oversight::detail
