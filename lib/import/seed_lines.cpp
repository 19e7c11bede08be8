// The seed importer's reading stage (seed_lines.hpp): bytes to classified lines.
#include "import/seed_lines.hpp"

#include <oversight/core/error.hpp>

#include "core/text.hpp"
#include "import/input_text.hpp"

namespace oversight::detail::seed {

namespace {

const char* const kColumnNames[kCols] = {"No.",    "Rec.", "Action", "Progress", "Impact", "What do we still need to do",
                                         "Cost", "Lead person responsible"};

// ---------------------------------------------------------------- timescales
const std::pair<std::string_view, Timescale> kTimescalePhrases[] = {
    {"immediately", Timescale::immediately},
    {"within three months", Timescale::within_three_months},
    {"within six months", Timescale::within_six_months},
};

// Timescales whose heading contains this fragment (at least 4 letters).
std::vector<Timescale> timescale_candidates(std::string_view fragment) {
    std::string f = letters_lower(fragment);
    std::vector<Timescale> out;
    std::size_t letters = 0;
    for (char c : f)
        if (is_alpha(c)) ++letters;
    if (letters < 4) return out;
    for (const auto& [phrase, ts] : kTimescalePhrases) {
        if (phrase.find(f) != std::string_view::npos) { out.push_back(ts); continue; }
        // "Immediatel" + "diately": fragments with the space dropped
        std::string nospace;
        for (char c : phrase)
            if (c != ' ') nospace.push_back(c);
        std::string fnospace;
        for (char c : f)
            if (c != ' ') fnospace.push_back(c);
        if (nospace.find(fnospace) != std::string::npos) out.push_back(ts);
    }
    return out;
}

// ------------------------------------------------------------- line model
bool parse_ref(std::string_view s, int& major, bool& partial) {
    std::size_t i = 0;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i == 0 || i > 3 || i >= s.size() || s[i] != '.') return false;
    std::size_t j = i + 1;
    while (j < s.size() && is_digit(s[j])) ++j;
    if (j != s.size() || j - i - 1 > 3) return false;
    major = std::stoi(std::string(s.substr(0, i)));
    partial = j == i + 1;
    return major > 0;
}

bool looks_like_header(const Line& l, bool& exact) {
    std::string all;
    for (const auto& c : l.cells) all += squash_upper(c);
    for (const auto& c : l.extra) all += squash_upper(c);
    int hits = 0;
    for (std::string_view key : {"ACTION", "PROGRESS", "IMPACT", "WHATDOWESTILLNEEDTODO", "COST", "LEADPERSON"})
        if (all.find(key) != std::string::npos) ++hits;
    exact = true;
    for (int c = 0; c < kCols; ++c)
        if (l.cell(c) != kColumnNames[c]) exact = false;
    return hits >= 5;
}

void classify(Line& l) {
    bool any = false;
    for (const auto& c : l.cells) any = any || !c.empty();
    for (const auto& c : l.extra) any = any || !c.empty();
    if (!any) { l.shape = Shape::blank; return; }
    if (looks_like_header(l, l.exact_header)) { l.shape = Shape::header; return; }

    bool rest_empty_from_4 = l.empty(kImpact) && l.empty(kTodo) && l.empty(kCost) && l.empty(kLead);
    std::string joined = join_nonempty(l.cells);

    // a timescale heading alone ("Within\tthree months", "_\tediately", "months")
    if (rest_empty_from_4) {
        auto cand = timescale_candidates(joined);
        if (!cand.empty()) {
            l.ts = cand;
            l.ts_printed = joined;
            l.ts_only = true;
            l.shape = Shape::timescale;
            return;
        }
    }
    // a section heading: upper-case words in the first columns only
    if (rest_empty_from_4 && l.empty(kNo)) {
        std::size_t letters = 0;
        bool lower = false, digit = false;
        for (char c : joined) {
            if (is_alpha(c)) ++letters;
            if (is_lower(c)) lower = true;
            if (is_digit(c)) digit = true;
        }
        if (letters >= 4 && !lower && !digit) { l.shape = Shape::section; return; }
    }

    // timescale glued to the start of column 0 ("Immediatel", "Within six months 9 There ...")
    std::string col0 = l.cell(kNo);
    if (!col0.empty()) {
        auto cand = timescale_candidates(col0);
        if (!cand.empty()) {
            bool whole = true;
            for (char c : col0)
                if (is_digit(c)) whole = false;
            if (whole) {
                l.ts = cand;
                l.ts_printed = col0;
                col0.clear();
            }
        }
        if (l.ts.empty()) {
            std::string low = detail::lower(col0);
            for (const auto& [phrase, ts] : kTimescalePhrases) {
                if (low.rfind(phrase, 0) == 0 && low.size() > phrase.size() && low[phrase.size()] == ' ') {
                    l.ts = {ts};
                    l.ts_printed = col0.substr(0, phrase.size());
                    col0 = std::string(detail::trim(std::string_view(col0).substr(phrase.size())));
                    break;
                }
            }
        }
    }
    // a recommendation number at the start of column 0
    if (!col0.empty() && is_digit(col0[0])) {
        std::size_t i = 0;
        while (i < col0.size() && is_digit(col0[i])) ++i;
        if (i <= 3 && (i == col0.size() || col0[i] == ' ')) {
            l.rec_number_printed = col0.substr(0, i);
            l.rec_number = std::stoi(l.rec_number_printed);
            l.col0_text = std::string(detail::trim(std::string_view(col0).substr(i)));
            l.shape = Shape::numbered_rec;
            return;
        }
    }
    l.col0_text = col0;
    // an action reference in the Rec. column, or shifted into the Action column
    if (col0.empty()) {
        if (parse_ref(l.cell(kRec), l.ref_major, l.ref_partial)) {
            l.ref = l.cell(kRec);
            l.shape = Shape::action_ref;
            return;
        }
        if (l.empty(kRec) && parse_ref(l.cell(kAction), l.ref_major, l.ref_partial)) {
            l.ref = l.cell(kAction);
            l.ref_shifted = true;
            l.shape = Shape::action_ref;
            return;
        }
    }
    if (!l.ts.empty() && l.empty(kRec) && l.empty(kAction) && l.empty(kProgress)) {
        // a timescale with only cost/lead beside it: treat as a text line
    }
    if (col0.empty() && l.empty(kRec) && l.empty(kAction)) { l.shape = Shape::continuation; return; }
    if (l.empty(kProgress) && l.empty(kImpact) && l.empty(kTodo)) { l.shape = Shape::text_only; return; }
    l.shape = Shape::action_noref;
}


}  // namespace

std::vector<Line> read_lines(std::string_view data, SeedIssues& issues) {
    // UTF-16 and UTF-32 text would otherwise be imported as NUL-riddled garbage.
    data = checked_input_text(data, issues.file());

    // lines: LF, CRLF or lone CR
    std::vector<std::string> raw;
    {
        std::string cur;
        for (std::size_t i = 0; i < data.size(); ++i) {
            char c = data[i];
            if (c == '\n' || c == '\r') {
                raw.push_back(cur);
                cur.clear();
                if (c == '\r' && i + 1 < data.size() && data[i + 1] == '\n') ++i;
            } else {
                cur.push_back(c);
            }
        }
        if (!cur.empty()) raw.push_back(cur);
    }
    std::vector<Line> lines;
    lines.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        Line l;
        l.number = static_cast<int>(i + 1);
        std::string text = raw[i];
        std::size_t bad = detail::utf8_error_offset(text);
        if (bad != std::string::npos) {
            text = detail::sanitize_utf8(text);
            issues.warn(l.number,
                        "invalid UTF-8 at byte " + std::to_string(bad + 1) + " of the line: replaced by U+FFFD");
        }
        std::size_t start = 0;
        std::vector<std::string> cells;
        while (true) {
            std::size_t tab = text.find('\t', start);
            cells.emplace_back(detail::collapse_spaces(
                std::string_view(text).substr(start, tab == std::string::npos ? std::string::npos : tab - start)));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
        for (std::size_t c = 0; c < cells.size(); ++c)
            (c < kCols ? l.cells : l.extra).push_back(cells[c]);
        l.cells.resize(kCols);
        classify(l);
        lines.push_back(std::move(l));
    }
    return lines;
}

void require_table_header(const std::vector<Line>& lines, const SeedIssues& issues) {
    std::size_t first = 0;
    while (first < lines.size() && lines[first].shape == Shape::blank) ++first;
    if (first == lines.size())
        throw Error(Status::parse, issues.where(lines.empty() ? 1 : static_cast<int>(lines.size())) +
                                       ": empty input: not a plan table (no header line)");
    if (lines[first].shape != Shape::header)
        throw Error(Status::parse, issues.where(lines[first].number) +
                                       ": not a plan table: expected the header 'No. | Rec. | Action | Progress | Impact "
                                       "| What do we still need to do | Cost | Lead person responsible'");
}

}  // namespace oversight::detail::seed
