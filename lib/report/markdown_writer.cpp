// The Markdown writer of report documents (GitHub tables).
#include "report/writers.hpp"

#include <sstream>

namespace oversight::detail {
namespace {

/// The one Markdown escape: inline text, safe inside a table cell — one
/// line, and every character that would end a cell or start markup escaped
/// with a backslash.
/// `line_start`: the text begins a line (a heading, paragraph, note or group
/// label), where "-", "+", "1." or "1)" would start a list; a table cell
/// never does, so its "1.1" and "50.0%" stay as they are.
std::string md(std::string_view raw, bool line_start = true) {
    const std::string s = inline_text(raw);
    std::string out;
    out.reserve(s.size() + 8);
    for (char c : s) {
        switch (c) {
            case '\\': case '|': case '`': case '*': case '_': case '<': case '>':
            case '[': case ']': case '~': case '#': case '!': case '&':
                out += '\\';
                break;
            default: break;
        }
        out += c;
    }
    // A line starting "-", "+", "1." or "1)" would become a list outside a table.
    if (!line_start) return out;
    if (!out.empty() && (out[0] == '-' || out[0] == '+')) out.insert(0, "\\");
    std::size_t digits = 0;
    while (digits < out.size() && digits < 10 && out[digits] >= '0' && out[digits] <= '9') ++digits;
    if (digits > 0 && digits < out.size() && (out[digits] == '.' || out[digits] == ')')) out.insert(digits, "\\");
    return out;
}

bool shown(const Table& t, std::size_t c) { return (!t.group_by || *t.group_by != c) && !t.columns[c].data_only; }

bool numeric(Cell::Type t) {
    return t == Cell::Type::integer || t == Cell::Type::number || t == Cell::Type::percent || t == Cell::Type::money;
}

void table_out(std::ostringstream& out, const Table& t) {
    if (!t.title.empty()) out << "\n**" << md(t.title) << "** (" << t.rows.size() << ")\n";
    if (t.rows.empty()) {
        out << '\n' << md(t.empty_text) << '\n';
    } else {
        for (const auto& g : row_groups(t)) {
            if (t.group_by) out << '\n' << md(g.label) << '\n';
            out << "\n|";
            for (std::size_t c = 0; c < t.columns.size(); ++c)
                if (shown(t, c)) out << ' ' << md(t.columns[c].title, false) << " |";
            out << "\n|";
            for (std::size_t c = 0; c < t.columns.size(); ++c)
                if (shown(t, c)) out << (numeric(t.columns[c].type) ? " ---: |" : " --- |");
            out << '\n';
            for (std::size_t r = g.first; r < g.last; ++r) {
                out << '|';
                for (std::size_t c = 0; c < t.columns.size(); ++c)
                    if (shown(t, c)) out << ' ' << md(t.rows[r][c].display(), false) << " |";
                out << '\n';
            }
        }
    }
    if (!t.notes.empty()) out << '\n';
    for (const auto& n : t.notes) out << md(n) << "  \n";
}

}  // namespace

std::string write_markdown(const Document& doc) {
    std::ostringstream out;
    out << "# " << md(doc.title.empty() ? std::string("Report") : doc.title) << '\n';
    if (!doc.subtitle.empty()) {
        out << '\n';
        for (std::size_t i = 0; i < doc.subtitle.size(); ++i)
            out << md(doc.subtitle[i]) << (i + 1 < doc.subtitle.size() ? "  \n" : "\n");
    }
    for (const auto& block : doc.blocks) {
        if (const auto* h = std::get_if<Heading>(&block)) {
            out << '\n' << std::string(static_cast<std::size_t>(h->level) + 1, '#') << ' ' << md(h->text) << '\n';
        } else if (const auto* p = std::get_if<Paragraph>(&block)) {
            const char* prefix = p->style == Paragraph::Style::note      ? "*Note:* "
                                 : p->style == Paragraph::Style::warning ? "**Warning:** "
                                                                         : "";
            out << '\n' << prefix << md(p->text) << '\n';
        } else if (const auto* t = std::get_if<Table>(&block)) {
            table_out(out, *t);
        } else if (const auto* c = std::get_if<Chart>(&block)) {
            table_out(out, chart_table(*c));
        }
    }
    return out.str();
}

}  // namespace oversight::detail
