// The text writer of report documents, and the text helpers every writer
// shares (report/writers.hpp).
#include "report/writers.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <numeric>
#include <sstream>

namespace oversight::detail {
namespace {

/// Byte length of the UTF-8 sequence starting with c (input is sanitised first).
std::size_t seq_len(unsigned char c) { return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

constexpr std::size_t kWidth = 118;     // every line at most this wide
constexpr std::size_t kMaxCellLines = 12;
constexpr std::size_t kGap = 2;         // spaces between columns
constexpr std::size_t kMinColumn = 6;

std::string pad(const std::string& s, std::size_t width, bool right) {
    const std::size_t w = width_of(s);
    if (w >= width) return s;
    return right ? std::string(width - w, ' ') + s : s + std::string(width - w, ' ');
}

std::string rstrip(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

bool numeric(Cell::Type t) {
    return t == Cell::Type::integer || t == Cell::Type::number || t == Cell::Type::percent || t == Cell::Type::money;
}

void para(std::ostringstream& out, std::string_view text, std::size_t indent = 0, std::size_t max_lines = 200) {
    for (const auto& l : wrap(text, kWidth - indent, max_lines)) out << rstrip(std::string(indent, ' ') + l) << '\n';
}

/// Column widths that fit kWidth: columns narrower than a fair share keep
/// their natural width, the rest share what is left in proportion.
std::vector<std::size_t> fit(const std::vector<std::size_t>& natural) {
    const std::size_t n = natural.size();
    const std::size_t room = kWidth > kGap * (n - 1) ? kWidth - kGap * (n - 1) : n * kMinColumn;
    if (std::accumulate(natural.begin(), natural.end(), std::size_t{0}) <= room) return natural;
    std::vector<std::size_t> width(n, 0);
    std::vector<bool> fixed(n, false);
    std::size_t left = room, open = n;
    for (bool changed = true; changed && open > 0;) {
        changed = false;
        const std::size_t share = left / open;
        for (std::size_t i = 0; i < n; ++i)
            if (!fixed[i] && natural[i] <= share) {
                width[i] = natural[i];
                fixed[i] = true;
                left -= natural[i];
                --open;
                changed = true;
            }
    }
    std::size_t wide_total = 0;
    for (std::size_t i = 0; i < n; ++i)
        if (!fixed[i]) wide_total += natural[i];
    for (std::size_t i = 0; i < n; ++i)
        if (!fixed[i]) width[i] = std::max(kMinColumn, wide_total ? left * natural[i] / wide_total : kMinColumn);
    // The minimum may have overshot: take it back from the widest columns.
    std::size_t total = std::accumulate(width.begin(), width.end(), std::size_t{0});
    while (total > room) {
        auto widest = std::max_element(width.begin(), width.end());
        if (*widest <= 2) break;
        --*widest;
        --total;
    }
    return width;
}

struct Layout {
    std::vector<std::size_t> shown;   // column indices shown
    std::vector<std::size_t> width;   // per shown column
};

Layout layout(const Table& t) {
    Layout l;
    std::vector<std::size_t> natural;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        if ((t.group_by && *t.group_by == c) || t.columns[c].data_only) continue;
        std::size_t w = std::min<std::size_t>(width_of(inline_text(t.columns[c].title)), 30);
        for (const auto& row : t.rows) w = std::max(w, width_of(inline_text(row[c].display())));
        l.shown.push_back(c);
        natural.push_back(std::max<std::size_t>(w, 1));
    }
    l.width = fit(natural);
    return l;
}

void rows_out(std::ostringstream& out, const Table& t, const Layout& l, std::size_t first, std::size_t last) {
    const auto emit = [&](const std::vector<std::vector<std::string>>& cells, bool head) {
        std::size_t height = 1;
        for (const auto& c : cells) height = std::max(height, c.size());
        for (std::size_t line = 0; line < height; ++line) {
            std::string s;
            for (std::size_t i = 0; i < l.shown.size(); ++i) {
                if (i) s += std::string(kGap, ' ');
                const bool right = !head && numeric(t.columns[l.shown[i]].type);
                s += pad(line < cells[i].size() ? cells[i][line] : std::string(), l.width[i], right);
            }
            out << rstrip(s) << '\n';
        }
    };
    std::vector<std::vector<std::string>> head;
    for (std::size_t i = 0; i < l.shown.size(); ++i) head.push_back({clip(t.columns[l.shown[i]].title, l.width[i])});
    emit(head, true);
    std::string rule;
    for (std::size_t i = 0; i < l.shown.size(); ++i) rule += (i ? std::string(kGap, ' ') : "") + std::string(l.width[i], '-');
    out << rule << '\n';
    for (std::size_t r = first; r < last; ++r) {
        std::vector<std::vector<std::string>> cells;
        for (std::size_t i = 0; i < l.shown.size(); ++i)
            cells.push_back(wrap(t.rows[r][l.shown[i]].display(), l.width[i], kMaxCellLines));
        emit(cells, false);
    }
}

void table_out(std::ostringstream& out, const Table& t) {
    out << '\n';
    if (!t.title.empty()) para(out, t.title + " (" + std::to_string(t.rows.size()) + ")", 0, 4);
    if (t.rows.empty()) {
        para(out, t.empty_text, 2);
    } else {
        const Layout l = layout(t);
        bool first = true;
        for (const auto& g : row_groups(t)) {
            if (t.group_by) {
                if (!first) out << '\n';
                para(out, g.label, 0, kMaxCellLines);
            }
            first = false;
            rows_out(out, t, l, g.first, g.last);
        }
    }
    for (const auto& n : t.notes) para(out, n);
}

}  // namespace

// ------------------------------------------------------------ shared helpers

std::size_t width_of(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); i += seq_len(static_cast<unsigned char>(s[i]))) ++n;
    return n;
}

std::string inline_text(std::string_view raw) {
    std::string s = is_valid_utf8(raw) ? std::string(raw) : sanitize_utf8(raw);
    for (char& c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F) c = ' ';
    }
    return collapse_spaces(s);
}

std::string clip(std::string_view raw, std::size_t max) {
    std::string s = inline_text(raw);
    std::size_t i = 0, n = 0;
    while (i < s.size() && n + 1 < max) {
        i += seq_len(static_cast<unsigned char>(s[i]));
        ++n;
    }
    if (width_of(s) <= max) return s;
    s.resize(i);
    return s + "\u2026";
}

std::vector<std::string> wrap(std::string_view raw, std::size_t width, std::size_t max_lines) {
    width = std::max<std::size_t>(width, 2);
    const std::string s = inline_text(raw);
    std::vector<std::string> lines;
    std::string cur;
    std::size_t cur_w = 0;
    bool cut = false;
    const auto push = [&] {
        lines.push_back(cur);
        cur.clear();
        cur_w = 0;
    };
    std::size_t i = 0;
    while (i < s.size()) {
        if (lines.size() >= max_lines) {
            cut = true;
            break;
        }
        std::size_t end = s.find(' ', i);
        if (end == std::string::npos) end = s.size();
        std::string_view word(s.data() + i, end - i);
        const std::size_t w = width_of(word);
        if (cur_w > 0 && cur_w + 1 + w <= width) {
            cur += ' ';
            cur += word;
            cur_w += 1 + w;
        } else if (w <= width) {
            if (cur_w > 0) push();
            cur = std::string(word);
            cur_w = w;
        } else {  // a word longer than the column: break it at code points
            if (cur_w > 0) push();
            std::size_t j = 0;
            while (j < word.size() && lines.size() < max_lines) {
                std::size_t k = j, n = 0;
                while (k < word.size() && n < width) {
                    k += seq_len(static_cast<unsigned char>(word[k]));
                    ++n;
                }
                cur = std::string(word.substr(j, k - j));
                cur_w = n;
                j = k;
                if (j < word.size()) push();
            }
            if (j < word.size()) {
                cut = true;
                break;
            }
        }
        i = end + 1;
    }
    if (cur_w > 0 && !cut) {
        if (lines.size() >= max_lines)
            cut = true;
        else
            push();
    }
    if (lines.empty()) lines.emplace_back();
    if (cut) {
        std::string& last = lines.back();
        while (!last.empty() && width_of(last) + 1 > width) {  // room for the ellipsis
            std::size_t k = last.size() - 1;
            while (k > 0 && (static_cast<unsigned char>(last[k]) & 0xC0) == 0x80) --k;
            last.resize(k);
        }
        last += "\u2026";
    }
    return lines;
}

std::vector<RowGroup> row_groups(const Table& t) {
    std::vector<RowGroup> out;
    if (!t.group_by) {
        out.push_back({{}, 0, t.rows.size()});
        return out;
    }
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        std::string label = t.rows[r][*t.group_by].display();
        if (out.empty() || out.back().label != label) out.push_back({std::move(label), r, r});
        out.back().last = r + 1;
    }
    return out;
}

std::size_t column_index(const Table& t, std::string_view key) {
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        if (t.columns[c].key == key) return c;
    return std::string::npos;
}

/// Series of a chart as a table: the x label, then one column per series.
Table chart_table(const Chart& c) {
    Table t;
    t.id = c.id;
    t.title = c.title;
    const Cell::Type type = c.unit == Chart::Unit::percent ? Cell::Type::percent : Cell::Type::number;
    t.columns.push_back({"label", "", Cell::Type::text});
    for (const auto& s : c.series) t.columns.push_back({s.name, s.name, type});
    for (std::size_t i = 0; i < c.x_labels.size(); ++i) {
        std::vector<Cell> row{Cell::of_text(c.x_labels[i])};
        for (const auto& s : c.series) {
            if (!s.values[i])
                row.emplace_back();
            else
                row.push_back(type == Cell::Type::percent ? Cell::of_percent(*s.values[i]) : Cell::of_number(*s.values[i], 1));
        }
        t.rows.push_back(std::move(row));
    }
    if (c.target) {
        const Cell target = type == Cell::Type::percent ? Cell::of_percent(*c.target) : Cell::of_number(*c.target, 1);
        t.notes.push_back("Target: " + target.display() + ".");
    }
    return t;
}

// ------------------------------------------------------------ the writer

std::string write_text(const Document& doc) {
    std::ostringstream out;
    para(out, doc.title.empty() ? std::string("Report") : doc.title, 0, 4);
    for (const auto& s : doc.subtitle) para(out, s);
    out << std::string(kWidth, '=') << '\n';
    for (const auto& block : doc.blocks) {
        if (const auto* h = std::get_if<Heading>(&block)) {
            const std::string text = clip(h->level == 1 ? upper_ascii(h->text) : h->text, kWidth);
            out << '\n' << text << '\n';
            if (h->level < 3) out << std::string(width_of(text), h->level == 1 ? '=' : '-') << '\n';
        } else if (const auto* p = std::get_if<Paragraph>(&block)) {
            out << '\n';
            const char* prefix = p->style == Paragraph::Style::note      ? "Note: "
                                 : p->style == Paragraph::Style::warning ? "Warning: "
                                                                         : "";
            para(out, prefix + p->text);
        } else if (const auto* t = std::get_if<Table>(&block)) {
            table_out(out, *t);
        } else if (const auto* c = std::get_if<Chart>(&block)) {
            table_out(out, chart_table(*c));
        }
    }
    return out.str();
}

}  // namespace oversight::detail
