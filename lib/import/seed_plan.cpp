// Importer for improvement plans exported from PDF as tab-separated text
// (the seed's format). The repair rules are documented in the README section
// "Importing a PDF-exported plan"; each rule below names what it repairs.
// Every repair or doubt becomes a warning with its line, everything not used
// an error, and every input line gets an ImportedLine saying where it went.
#include <oversight/core/error.hpp>
#include <oversight/import/seed_plan.hpp>

#include "core/text.hpp"
#include "import/plan_counts.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace oversight {
namespace {

enum Col { kNo = 0, kRec = 1, kAction = 2, kProgress = 3, kImpact = 4, kTodo = 5, kCost = 6, kLead = 7, kCols = 8 };

const char* const kColumnNames[kCols] = {"No.",    "Rec.", "Action", "Progress", "Impact", "What do we still need to do",
                                         "Cost", "Lead person responsible"};

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

std::string quote(std::string_view s, std::size_t max = 60) {
    std::string out = "'";
    if (s.size() > max) {
        std::size_t cut = max;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
        out.append(s.substr(0, cut));
        out += "\xE2\x80\xA6";
    } else {
        out.append(s);
    }
    return out + "'";
}

// Letters only, upper case: "Lead person responsible" -> "LEADPERSONRESPONSIBLE".
std::string squash_upper(std::string_view s) {
    std::string out;
    for (char c : s)
        if (is_alpha(c)) out.push_back(static_cast<char>(is_lower(c) ? c - 'a' + 'A' : c));
    return out;
}

// Lower-case letters and single spaces; digits 3 and 6 spelled out (for timescales).
std::string letters_lower(std::string_view s) {
    std::string tmp;
    for (char c : s) {
        if (is_alpha(c)) tmp.push_back(static_cast<char>(is_upper(c) ? c - 'A' + 'a' : c));
        else if (c == '3') tmp += "three";
        else if (c == '6') tmp += "six";
        else tmp.push_back(' ');
    }
    return detail::collapse_spaces(tmp);
}

std::string join_nonempty(const std::vector<std::string>& parts, std::string_view sep = " ") {
    std::string out;
    for (const auto& p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

bool starts_lower(std::string_view s) { return !s.empty() && is_lower(s.front()); }

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

// A token that can only be the cut-off end of a timescale heading glued to
// recommendation text: "diately" (Immediately), "nths" (months).
bool is_timescale_tail(std::string_view token, std::vector<Timescale>& out) {
    if (token.size() < 3) return false;
    for (char c : token)
        if (!is_lower(c)) return false;
    static const std::set<std::string_view> words = {"months", "immediately"};  // whole words are not tails
    if (words.count(token)) return false;
    auto ends = [&](std::string_view w) {
        return w.size() > token.size() && w.substr(w.size() - token.size()) == token;
    };
    out.clear();
    if (ends("immediately")) out.push_back(Timescale::immediately);
    if (ends("months")) {
        out.push_back(Timescale::within_three_months);
        out.push_back(Timescale::within_six_months);
    }
    return !out.empty();
}

std::string_view display(Timescale t) {
    switch (t) {
        case Timescale::immediately: return "Immediately";
        case Timescale::within_three_months: return "Within three months";
        case Timescale::within_six_months: return "Within six months";
        case Timescale::by_date: return "By date";
    }
    return "";
}

// ------------------------------------------------------------------ dates
std::optional<Date> full_date_at(const std::vector<std::string>& tok, std::size_t i) {
    static const char* const months[] = {"january", "february", "march",     "april",   "may",      "june",
                                         "july",    "august",   "september", "october", "november", "december"};
    if (i + 2 >= tok.size()) return std::nullopt;
    const std::string& d = tok[i];
    std::size_t k = 0;
    while (k < d.size() && is_digit(d[k])) ++k;
    if (k == 0 || k > 2) return std::nullopt;
    std::string suffix = detail::lower(d.substr(k));
    if (!(suffix.empty() || suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th")) return std::nullopt;
    std::string m = detail::lower(tok[i + 1]);
    int month = 0;
    for (int j = 0; j < 12; ++j)
        if (m == months[j] || (m.size() == 3 && std::string(months[j]).substr(0, 3) == m)) month = j + 1;
    if (month == 0) return std::nullopt;
    const std::string& y = tok[i + 2];
    if (y.size() != 4 || !std::all_of(y.begin(), y.end(), is_digit)) return std::nullopt;
    try {
        return Date::from_ymd(std::stoi(y), month, std::stoi(d.substr(0, k)));
    } catch (const Error&) {
        return std::nullopt;
    }
}

// Full day-month-year dates in a text ("12 December 2012", "31st October 2012").
std::vector<Date> full_dates(std::string_view text) {
    std::vector<std::string> tok;
    std::string cur;
    for (char c : text) {
        if (is_alpha(c) || is_digit(c)) cur.push_back(c);
        else if (!cur.empty()) { tok.push_back(cur); cur.clear(); }
    }
    if (!cur.empty()) tok.push_back(cur);
    std::vector<Date> out;
    for (std::size_t i = 0; i + 2 < tok.size(); ++i)
        if (auto d = full_date_at(tok, i)) out.push_back(*d);
    return out;
}

// ------------------------------------------------------------------ tasks
bool is_abbreviation(std::string_view word) {
    static const std::set<std::string> abbr = {"e.g", "eg", "i.e", "ie", "etc", "no", "mr", "mrs", "ms", "dr",
                                               "st", "cllr", "approx", "incl", "vs", "ref", "nb", "c"};
    std::string w = detail::lower(word);
    return abbr.count(w) != 0 || (w.size() == 1 && is_alpha(w[0]));
}

// "What do we still need to do" → items. Splits at bullets ("•", "*", a "-"
// glued to the next word, "2." numbering) and at sentence ends (". " then a
// capital) unless the word before the dot is an abbreviation or an initial.
std::vector<std::string> split_tasks(std::string_view cell) {
    std::vector<std::string> items;
    std::string cur;
    auto flush = [&] {
        std::string_view v = detail::trim(cur);
        while (!v.empty()) {
            if (v.front() == '-' || v.front() == '*') v.remove_prefix(1);
            else if (v.substr(0, 3) == "\xE2\x80\xA2") v.remove_prefix(3);
            else break;
            v = detail::trim(v);
        }
        if (!v.empty()) items.emplace_back(v);
        cur.clear();
    };
    const std::size_t n = cell.size();
    for (std::size_t i = 0; i < n; ++i) {
        char c = cell[i];
        bool at_token_start = i == 0 || cell[i - 1] == ' ';
        // bullets
        if (cell.substr(i, 3) == "\xE2\x80\xA2") { flush(); cur += "\xE2\x80\xA2"; i += 2; continue; }
        if ((c == '*' || c == '-') && at_token_start && i + 1 < n && is_alpha(cell[i + 1])) {
            flush();
            cur.push_back(c);
            continue;
        }
        cur.push_back(c);
        if ((c == '.' || c == '?' || c == '!') && i + 2 < n && cell[i + 1] == ' ') {
            std::size_t next = i + 2;
            // "well. 2. Monitoring": a numbered item
            std::size_t k = next;
            while (k < n && is_digit(cell[k])) ++k;
            bool numbered = k > next && k + 2 < n && cell[k] == '.' && cell[k + 1] == ' ' && is_upper(cell[k + 2]);
            if (!(is_upper(cell[next]) || numbered)) continue;
            // "... from lead member to all (*). A": a lone word after the dot is a cut-off fragment
            if (cell.find(' ', next) == std::string_view::npos) continue;
            if (c == '.') {
                std::size_t w = i;
                while (w > 0 && cell[w - 1] != ' ') --w;
                std::string_view word = cell.substr(w, i - w);
                bool numbering = !word.empty() && std::all_of(word.begin(), word.end(), is_digit) && word.size() <= 2 &&
                                 (w == 0 || (w >= 2 && cell[w - 2] == '.'));
                if (is_abbreviation(word) && !numbering) continue;
                if (numbering && items.empty() && detail::trim(cur) == std::string(word) + ".") {
                    // "1. Do this" at the very start: the number belongs to the item
                    continue;
                }
            }
            flush();
            if (numbered) i = k + 1;  // skip "2. "
            else i = i + 1;
        }
    }
    flush();
    return items;
}

// ----------------------------------------------------------- section names
std::optional<std::string> match_known_section(const std::vector<std::string>& fragments,
                                               const std::vector<std::string>& known) {
    double best = 0;
    std::optional<std::string> found;
    for (const auto& k : known) {
        std::string sk = squash_upper(k);
        if (sk.empty()) continue;
        std::vector<bool> covered(sk.size(), false);
        std::size_t from = 0;
        bool ok = true;
        for (const auto& f : fragments) {
            std::string sf = squash_upper(f);
            if (sf.empty()) continue;
            std::size_t at = sk.find(sf, from);
            if (at == std::string::npos) { ok = false; break; }
            for (std::size_t i = at; i < at + sf.size(); ++i) covered[i] = true;
            from = at + 1;
        }
        if (!ok) continue;
        double cov = static_cast<double>(std::count(covered.begin(), covered.end(), true)) / sk.size();
        if (cov >= 0.6 && (cov > best || (cov == best && found && k.size() < found->size()))) {
            best = cov;
            found = k;
        }
    }
    return found;
}

// ------------------------------------------------------------- line model
enum class Shape {
    blank, header, section, timescale, numbered_rec, action_ref, continuation, text_only, action_noref,
};

struct Line {
    int number = 0;
    std::vector<std::string> cells;  // kCols cells, trimmed
    std::vector<std::string> extra;  // cells beyond the eighth
    Shape shape = Shape::blank;
    // timescale heading at the start of the line (whole line, col 0, or glued to col 2)
    std::vector<Timescale> ts;
    std::string ts_printed;
    bool ts_only = false;
    // numbered recommendation
    std::optional<int> rec_number;
    std::string rec_number_printed;
    std::string col0_text;  // col 0 after a timescale and a number
    // explicit action reference
    std::string ref;
    int ref_major = 0;
    bool ref_partial = false;
    bool ref_shifted = false;  // found in the Action column
    bool exact_header = false;

    bool empty(int c) const { return cells[static_cast<std::size_t>(c)].empty(); }
    const std::string& cell(int c) const { return cells[static_cast<std::size_t>(c)]; }
};

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

// ------------------------------------------------------------- the importer
class Importer {
public:
    Importer(const SeedImportOptions& o) : opt_(o) {
        known_ = o.known_sections.empty() ? default_section_headings() : o.known_sections;
    }

    ImportResult run(std::istream& in);

private:
    struct ActionInfo {
        std::size_t rec = 0, act = 0;  // indices into plan.recommendations / actions
        int line = 0;
        std::string progress;
    };

    // A repair made, or a doubt about something that was used.
    void warn(int line, std::string msg) { issue(Severity::warning, line, std::move(msg)); }
    // A row or value that was not used, and why.
    void not_used(int line, std::string msg) { issue(Severity::error, line, std::move(msg)); }
    void issue(Severity severity, int line, std::string msg) {
        ImportIssue i;
        i.file = opt_.source_name;
        i.line = line;
        i.severity = severity;
        i.message = std::move(msg);
        res_.summary.issues.push_back(std::move(i));
    }
    void use(const Line& l, LineUse u, std::string target) {
        res_.lines[static_cast<std::size_t>(l.number - 1)] = {l.number, u, std::move(target)};
    }
    std::string where(int line) const {
        return (opt_.source_name.empty() ? std::string("line ") : opt_.source_name + ":") + std::to_string(line);
    }

    Recommendation* rec() { return cur_rec_ ? &res_.plan.recommendations[*cur_rec_] : nullptr; }
    Action* last_action() {
        if (!last_action_) return nullptr;
        const auto& ai = infos_[*last_action_];
        return &res_.plan.recommendations[ai.rec].actions[ai.act];
    }
    ActionInfo* last_info() { return last_action_ ? &infos_[*last_action_] : nullptr; }

    std::optional<int> next_ref_major(std::size_t i) const;
    std::optional<std::pair<int, std::string>> next_ref_in(std::size_t i, int major) const;
    void set_timescale(const Line& l, const std::vector<Timescale>& cand, const std::string& printed);
    void section(const Line& l);
    void recommendation(const Line& l, std::size_t index);
    void action(const Line& l, std::size_t index, bool explicit_ref);
    void continuation(const Line& l);
    void text_line(const Line& l, std::size_t index);
    void add_tasks(Action& a, const std::string& cell, int line, bool may_continue);
    void set_cost(Cost& target, const std::string& cell, int line, const std::string& what);
    void finish();
    void renumber_duplicate_refs();

    SeedImportOptions opt_;
    std::vector<std::string> known_;
    ImportResult res_;
    std::vector<Line> lines_;
    std::optional<std::size_t> cur_section_;
    std::optional<Timescale> cur_ts_;
    std::optional<std::size_t> cur_rec_;
    std::optional<std::size_t> last_action_;
    std::vector<ActionInfo> infos_;
    bool after_heading_ = false;   // a section/timescale heading came last
    bool header_wrapped_ = false;  // "Lead person" without "responsible"
    int last_rec_number_ = 0;
};

std::optional<int> Importer::next_ref_major(std::size_t i) const {
    for (std::size_t j = i + 1; j < lines_.size(); ++j) {
        switch (lines_[j].shape) {
            case Shape::action_ref: return lines_[j].ref_major;
            case Shape::section:
            case Shape::timescale:
            case Shape::numbered_rec: return std::nullopt;
            default: break;
        }
    }
    return std::nullopt;
}

// The next explicit reference of recommendation `major` after line i, before another recommendation starts.
std::optional<std::pair<int, std::string>> Importer::next_ref_in(std::size_t i, int major) const {
    for (std::size_t j = i + 1; j < lines_.size(); ++j) {
        const Line& l = lines_[j];
        if (l.shape == Shape::action_ref) {
            if (l.ref_major != major || l.ref_partial) return std::nullopt;
            return std::make_pair(static_cast<int>(j), l.ref);
        }
        if (l.shape == Shape::section || l.shape == Shape::timescale || l.shape == Shape::numbered_rec)
            return std::nullopt;
    }
    return std::nullopt;
}

void Importer::set_timescale(const Line& l, const std::vector<Timescale>& cand, const std::string& printed) {
    Timescale chosen = cand.front();
    if (cand.size() > 1) {
        // "months" alone: headings run Immediately → three months → six months
        chosen = !cur_ts_ || *cur_ts_ == Timescale::immediately ? Timescale::within_three_months
                                                               : Timescale::within_six_months;
        warn(l.number, "timescale heading damaged (" + quote(printed) + " could be three or six months): read as '" +
                           std::string(display(chosen)) + "', the next in order after " +
                           (cur_ts_ ? "'" + std::string(display(*cur_ts_)) + "'" : std::string("the section start")));
    } else if (letters_lower(printed) != letters_lower(display(chosen))) {
        warn(l.number, "timescale heading damaged: " + quote(printed) + " read as '" + std::string(display(chosen)) + "'");
    }
    if (cur_ts_ && chosen == *cur_ts_ && l.ts_only)
        warn(l.number, "timescale heading '" + std::string(display(chosen)) + "' repeated");
    cur_ts_ = chosen;
}

void Importer::section(const Line& l) {
    std::vector<std::string> frags;
    for (const auto& c : l.cells)
        if (!c.empty()) frags.push_back(c);
    std::string printed = join_nonempty(frags, " | ");
    std::string name;
    if (auto k = match_known_section(frags, known_)) {
        name = *k;
        if (squash_upper(join_nonempty(frags, "")) != squash_upper(name) || frags.size() > 1)
            warn(l.number, "section heading damaged by the export (" + quote(printed) + "): read as the known heading '" +
                               name + "'");
    } else {
        for (const auto& f : frags) {
            if (!name.empty() && !(is_alpha(name.back()) && is_alpha(f.front()))) name.push_back(' ');
            name += f;
        }
        warn(l.number, "section heading " + quote(printed) + " is not a known heading: kept as printed ('" + name +
                           "'); check it");
    }
    auto& secs = res_.plan.sections;
    auto it = std::find(secs.begin(), secs.end(), name);
    if (it == secs.end()) {
        secs.push_back(name);
        cur_section_ = secs.size() - 1;
    } else {
        warn(l.number, "section '" + name + "' appears a second time: continuing it");
        cur_section_ = static_cast<std::size_t>(it - secs.begin());
    }
    cur_ts_.reset();
    after_heading_ = true;
    use(l, LineUse::section, name);
}

void Importer::set_cost(Cost& target, const std::string& cell, int line, const std::string& what) {
    if (cell.empty()) return;
    if (target.text.empty()) {
        target = parse_cost(cell);
        if (target.kind == Cost::Kind::unparsed)
            warn(line, "cost of " + what + " not understood (" + quote(cell) + "): kept as text; " + target.note);
        return;
    }
    std::string add = "line " + std::to_string(line) + " also printed " + quote(cell, 200);
    target.note += (target.note.empty() ? "" : "; ") + add;
    warn(line, "second cost cell for " + what + " (" + quote(cell) + "): not merged into the amount; kept in the cost note");
}

void Importer::add_tasks(Action& a, const std::string& cell, int line, bool may_continue) {
    if (cell.empty()) return;
    auto items = split_tasks(cell);
    std::size_t first = 0;
    if (may_continue && starts_lower(cell) && !a.tasks.empty() && !items.empty()) {
        a.tasks.back().text += " " + items.front();
        warn(line, "'What do we still need to do' text " + quote(items.front(), 40) +
                       " continues the previous item of " + a.ref + ": joined to it");
        first = 1;
    } else if (starts_lower(cell)) {
        warn(line, "'What do we still need to do' of " + a.ref + " starts mid-sentence (" + quote(cell, 40) +
                       "): text was probably lost in the export");
    }
    for (std::size_t i = first; i < items.size(); ++i) {
        Task t;
        t.text = items[i];
        a.tasks.push_back(t);
    }
}

void Importer::recommendation(const Line& l, std::size_t index) {
    // a todo fragment on a recommendation line continues the action above (rec 18's line)
    if (!l.empty(kTodo)) {
        if (Action* a = last_action()) {
            add_tasks(*a, l.cell(kTodo), l.number, true);
            warn(l.number, "'What do we still need to do' text " + quote(l.cell(kTodo), 40) +
                               " on a recommendation line belongs to the row above: attached to " + a->ref);
        } else {
            not_used(l.number, "'What do we still need to do' text " + quote(l.cell(kTodo)) +
                                   " on a recommendation line with no action above: not imported");
        }
    }
    Recommendation r;
    // timescale
    std::vector<std::string> pieces = {l.col0_text, l.cell(kRec), l.cell(kAction)};
    std::vector<Timescale> tail;
    {
        std::string& c2 = pieces[2];
        std::size_t sp = c2.find(' ');
        std::string first = c2.substr(0, sp);
        if (is_timescale_tail(first, tail)) {
            if (!l.ts.empty()) {
                // "Immediatel" in col 0 and "diately" in col 2: one heading cut in two
                set_timescale(l, l.ts, l.ts_printed + "|" + first);
            } else {
                set_timescale(l, tail, first);
            }
            c2 = sp == std::string::npos ? std::string() : std::string(detail::trim(std::string_view(c2).substr(sp)));
        } else if (!l.ts.empty()) {
            set_timescale(l, l.ts, l.ts_printed);
        }
    }
    // number
    int expected = last_rec_number_ + 1;
    std::optional<int> hint = next_ref_major(index);
    int number = expected;
    if (l.rec_number) {
        int p = *l.rec_number;
        std::string ps = std::to_string(p), es = std::to_string(expected);
        if (p == expected) {
            number = p;
        } else if (es.size() > ps.size() && (es.rfind(ps, 0) == 0 || es.substr(es.size() - ps.size()) == ps)) {
            number = expected;
            warn(l.number, "recommendation number '" + ps + "' lost a digit in the export: read as " + es +
                               " (follows " + std::to_string(last_rec_number_) + ")");
        } else if (p > expected) {
            number = p;
            warn(l.number, "recommendation " + ps + " follows " + std::to_string(last_rec_number_) +
                               ": recommendations " + es + (p - 1 > expected ? ".." + std::to_string(p - 1) : "") +
                               " are missing from the table");
        } else {
            number = expected;
            warn(l.number, "recommendation number '" + ps + "' repeats or goes backwards: read as " + es);
        }
    } else {
        if (hint && *hint > expected) {
            number = *hint;
            warn(l.number, "recommendation number lost in the export: read as " + std::to_string(number) +
                               " from the action references that follow; recommendations " + std::to_string(expected) +
                               ".." + std::to_string(number - 1) + " are missing");
        } else {
            warn(l.number, "recommendation number lost in the export: read as " + std::to_string(expected) +
                               " (after " + std::to_string(last_rec_number_) +
                               (hint && *hint == expected ? ", and its actions are " + std::to_string(expected) + ".x"
                                                          : std::string()) +
                               ")");
        }
    }
    r.number = number;
    last_rec_number_ = number;
    // text: drop a fragment printed twice ("are sufficient experienced social work staff")
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        if (pieces[i].empty()) continue;
        bool dup = false;
        for (std::size_t j = 0; j < pieces.size(); ++j)
            if (j != i && pieces[j].size() > pieces[i].size() && pieces[j].find(pieces[i]) != std::string::npos)
                dup = true;
        if (dup) {
            warn(l.number, "recommendation " + std::to_string(number) + ": fragment " + quote(pieces[i]) +
                               " is printed twice: kept once");
            continue;
        }
        kept.push_back(pieces[i]);
    }
    r.text = join_nonempty(kept);
    if (kept.size() > 1 || starts_lower(r.text))
        warn(l.number, "recommendation " + std::to_string(number) +
                           ": text damaged by the export (cut at column edges, letters lost): kept as printed, " +
                           quote(r.text));
    if (r.text.empty()) warn(l.number, "recommendation " + std::to_string(number) + " has no text");
    if (!l.empty(kProgress) || !l.empty(kImpact))
        not_used(l.number, "Progress/Impact text on the line of recommendation " + std::to_string(number) + " (" +
                               quote(join_nonempty({l.cell(kProgress), l.cell(kImpact)}, " | ")) + "): not imported");
    if (cur_section_) {
        r.section = res_.plan.sections[*cur_section_];
    } else {
        warn(l.number, "recommendation " + std::to_string(number) + " comes before any section heading");
    }
    if (cur_ts_) {
        r.timescale = *cur_ts_;
    } else {
        r.timescale = Timescale::within_three_months;
        warn(l.number, "no timescale heading before recommendation " + std::to_string(number) +
                           ": set to the model default 'within_three_months'; check it");
    }
    r.lead = l.cell(kLead);
    if (!r.lead.empty())
        warn(l.number, "lead " + quote(r.lead) + " printed on the line of recommendation " + std::to_string(number) +
                           ": kept as the recommendation's lead");
    res_.plan.recommendations.push_back(std::move(r));
    cur_rec_ = res_.plan.recommendations.size() - 1;
    set_cost(rec()->cost, l.cell(kCost), l.number, "recommendation " + std::to_string(number));
    last_action_.reset();
    after_heading_ = false;
    use(l, LineUse::recommendation, "rec " + std::to_string(number));
}

void Importer::action(const Line& l, std::size_t index, bool explicit_ref) {
    Action a;
    std::string description = explicit_ref ? (l.ref_shifted ? std::string() : l.cell(kAction))
                                           : join_nonempty({l.col0_text, l.cell(kRec), l.cell(kAction)});
    // which recommendation
    if (explicit_ref && (!rec() || rec()->number != l.ref_major)) {
        auto& recs = res_.plan.recommendations;
        auto it = std::find_if(recs.begin(), recs.end(), [&](const Recommendation& r) { return r.number == l.ref_major; });
        if (it != recs.end()) {
            cur_rec_ = static_cast<std::size_t>(it - recs.begin());
            warn(l.number, "action " + l.ref + " is out of order: attached to recommendation " +
                               std::to_string(l.ref_major) + " above");
        } else {
            Recommendation r;
            r.number = l.ref_major;
            if (cur_section_) r.section = res_.plan.sections[*cur_section_];
            r.timescale = cur_ts_.value_or(Timescale::within_three_months);
            recs.push_back(r);
            cur_rec_ = recs.size() - 1;
            last_rec_number_ = std::max(last_rec_number_, r.number);
            warn(l.number, "action " + l.ref + " has no recommendation line above: created recommendation " +
                               std::to_string(r.number) + " without text");
        }
    }
    if (!rec()) {
        not_used(l.number, "action row before any recommendation (" + quote(join_nonempty(l.cells, " | ")) +
                               "): not imported");
        use(l, LineUse::ignored, "");
        return;
    }
    Recommendation& r = *rec();
    int max_minor = 0;
    for (const auto& x : r.actions) {
        auto dot = x.ref.find('.');
        if (dot != std::string::npos) {
            try {
                max_minor = std::max(max_minor, std::stoi(x.ref.substr(dot + 1)));
            } catch (const std::exception&) {
            }
        }
    }
    std::string inferred = std::to_string(r.number) + "." + std::to_string(max_minor + 1);
    if (explicit_ref && !l.ref_partial) {
        a.ref = l.ref;
        if (l.ref_shifted)
            warn(l.number, "reference " + l.ref + " printed in the Action column: read as the reference; the "
                               "action's description is missing");
    } else if (explicit_ref) {
        a.ref = inferred;
        warn(l.number, "partial reference '" + l.ref + "' completed to " + a.ref);
    } else {
        a.ref = inferred;
        std::string why = max_minor == 0 ? "first action of recommendation " + std::to_string(r.number)
                                         : "after " + r.actions.back().ref;
        if (auto next = next_ref_in(index, r.number)) {
            why += ", before " + next->second;
            auto dot = next->second.find('.');
            if (std::stoi(next->second.substr(dot + 1)) <= max_minor + 1)
                warn(l.number, "inferred reference " + a.ref + " clashes with " + next->second + " on line " +
                                   std::to_string(next->first + 1) + "; check the numbering");
        }
        warn(l.number, "action reference lost in the export: read as " + a.ref + " (" + why + ")");
    }
    // Duplicate references (within or across recommendations) are resolved
    // plan-wide in finish(): see renumber_duplicate_refs().
    a.description = description;
    if (a.description.empty() && !l.ref_shifted) warn(l.number, "action " + a.ref + " has no description (lost in the export)");
    else if (starts_lower(a.description))
        warn(l.number, "description of " + a.ref + " starts mid-sentence (" + quote(a.description, 40) +
                           "): text was probably lost in the export");
    a.impact_intended = l.cell(kImpact);
    if (starts_lower(a.impact_intended))
        warn(l.number, "Impact of " + a.ref + " starts mid-sentence (" + quote(a.impact_intended, 40) +
                           "): text was probably lost in the export");
    a.lead = l.cell(kLead);
    if (a.lead.empty()) {
        warn(l.number, "action " + a.ref + " has no lead printed" +
                           (r.lead.empty() ? std::string() : "; the recommendation's lead is " + quote(r.lead)));
    }
    r.actions.push_back(std::move(a));
    ActionInfo info;
    info.rec = *cur_rec_;
    info.act = r.actions.size() - 1;
    info.line = l.number;
    info.progress = l.cell(kProgress);
    if (starts_lower(info.progress))
        warn(l.number, "Progress of " + r.actions.back().ref + " starts mid-sentence (" + quote(info.progress, 40) +
                           "): text was probably lost in the export");
    infos_.push_back(info);
    last_action_ = infos_.size() - 1;
    Action& added = r.actions.back();
    set_cost(added.cost, l.cell(kCost), l.number, "action " + added.ref);
    add_tasks(added, l.cell(kTodo), l.number, false);
    after_heading_ = false;
    use(l, LineUse::action, added.ref);
}

bool is_junk_lead(const std::string& s, bool header_wrapped) {
    bool meaningful = false;
    for (char c : s)
        if (is_alpha(c)) meaningful = true;
    if (!meaningful) return true;
    return header_wrapped && detail::lower(s) == "responsible";
}

void Importer::continuation(const Line& l) {
    Action* a = last_action();
    const std::string& lead = l.cell(kLead);
    bool junk = !lead.empty() && is_junk_lead(lead, header_wrapped_);
    if (junk) {
        const bool wrapped_header = detail::lower(lead) == "responsible";
        not_used(l.number, "stray text " + quote(lead) + " in the Lead column" +
                               (wrapped_header ? " (the header's 'Lead person responsible' wrapped)" : "") +
                               ": ignored");
    }
    if (!a) {
        Recommendation* r = rec();
        if (!r) {
            not_used(l.number,
                     "cells before any recommendation (" + quote(join_nonempty(l.cells, " | ")) + "): not imported");
            use(l, LineUse::ignored, "");
            return;
        }
        if (!lead.empty() && !junk) {
            if (r->lead.empty()) r->lead = lead;
            else if (r->lead != lead) not_used(l.number, "second lead " + quote(lead) + " for recommendation " +
                                                             std::to_string(r->number) + ": not imported");
        }
        set_cost(r->cost, l.cell(kCost), l.number, "recommendation " + std::to_string(r->number));
        if (!l.empty(kProgress) || !l.empty(kImpact) || !l.empty(kTodo))
            not_used(l.number, "Progress/Impact/To-do text under recommendation " + std::to_string(r->number) +
                                   " before any action (" +
                                   quote(join_nonempty({l.cell(kProgress), l.cell(kImpact), l.cell(kTodo)}, " | ")) +
                                   "): not imported");
        else
            warn(l.number, "cells continuing recommendation " + std::to_string(r->number) + ": attached to it");
        use(l, LineUse::continuation, "rec " + std::to_string(r->number));
        return;
    }
    std::vector<std::string> what;
    ActionInfo* info = last_info();
    if (!l.empty(kProgress)) {
        info->progress = join_nonempty({info->progress, l.cell(kProgress)});
        what.push_back("Progress");
    }
    if (!l.empty(kImpact)) {
        a->impact_intended = join_nonempty({a->impact_intended, l.cell(kImpact)});
        what.push_back("Impact");
    }
    if (!l.empty(kTodo)) {
        add_tasks(*a, l.cell(kTodo), l.number, true);
        what.push_back("What do we still need to do");
    }
    if (!l.empty(kCost)) {
        set_cost(a->cost, l.cell(kCost), l.number, "action " + a->ref);
        what.push_back("Cost");
    }
    if (!lead.empty() && !junk) {
        if (a->lead.empty()) {
            a->lead = lead;
            warn(l.number, "lead " + quote(lead) + " on a continuation row: taken as the lead of " + a->ref);
        }
        what.push_back("Lead");
    }
    std::string list = join_nonempty(what, ", ");
    warn(l.number, "continuation row (" + (list.empty() ? std::string("no usable cells") : list) +
                       ") attached to action " + a->ref);
    use(l, LineUse::continuation, a->ref);
}

void Importer::text_line(const Line& l, std::size_t index) {
    std::optional<int> hint = next_ref_major(index);
    bool needs_rec = !rec() || after_heading_ || (hint && *hint != rec()->number);
    if (needs_rec) {
        recommendation(l, index);
        return;
    }
    std::string text = join_nonempty({l.col0_text, l.cell(kRec), l.cell(kAction)});
    if (starts_lower(text)) {
        Recommendation& r = *rec();
        if (r.actions.empty() || !last_action_) {
            r.text = join_nonempty({r.text, text});
            warn(l.number, "text " + quote(text, 40) + " continues recommendation " + std::to_string(r.number) +
                               ": joined to it");
            set_cost(r.cost, l.cell(kCost), l.number, "recommendation " + std::to_string(r.number));
            if (!l.empty(kLead)) {
                if (r.lead.empty()) r.lead = l.cell(kLead);
                else if (r.lead != l.cell(kLead))
                    not_used(l.number, "second lead " + quote(l.cell(kLead)) + " for recommendation " +
                                           std::to_string(r.number) + ": not imported");
            }
            use(l, LineUse::recommendation, "rec " + std::to_string(r.number));
        } else {
            Action* a = last_action();
            a->description = join_nonempty({a->description, text});
            warn(l.number, "text " + quote(text, 40) + " continues the description of " + a->ref + ": joined to it");
            set_cost(a->cost, l.cell(kCost), l.number, "action " + a->ref);
            if (!l.empty(kLead) && a->lead != l.cell(kLead))
                not_used(l.number, "second lead " + quote(l.cell(kLead)) + " for " + a->ref + ": not imported");
            use(l, LineUse::continuation, a->ref);
        }
        return;
    }
    action(l, index, false);
}

void Importer::finish() {
    renumber_duplicate_refs();
    Plan& p = res_.plan;
    int withdrawn = 0, in_progress = 0, not_started = 0;
    // Progress is never dropped: without a report date it is dated the import date.
    const Date import_date = opt_.import_date ? *opt_.import_date : Date::today();
    bool undated_progress = false;
    for (const auto& info : infos_) {
        Action& a = p.recommendations[info.rec].actions[info.act];
        std::string low = detail::lower(info.progress);
        bool w = false;
        for (std::size_t at = low.find("withdrawn"); at != std::string::npos; at = low.find("withdrawn", at + 1))
            if ((at == 0 || !is_alpha(low[at - 1])) && (at + 9 >= low.size() || !is_alpha(low[at + 9]))) w = true;
        if (w) {
            a.status = ActionStatus::withdrawn;
            ++withdrawn;
            warn(info.line, "action " + a.ref + " marked withdrawn: its Progress says " +
                                quote(info.progress.substr(0, 80)));
        } else if (!info.progress.empty()) {
            a.status = ActionStatus::in_progress;
            ++in_progress;
        } else {
            a.status = ActionStatus::not_started;
            ++not_started;
        }
        if (!info.progress.empty()) {
            ProgressUpdate u;
            u.date = opt_.report_date ? *opt_.report_date : import_date;
            u.text = info.progress;
            a.updates.push_back(u);
            if (!opt_.report_date) undated_progress = true;
        }
        for (const auto& t : a.tasks)
            for (Date d : full_dates(t.text)) {
                Milestone m;
                m.date = d;
                m.text = t.text;
                a.milestones.push_back(m);
            }
    }
    if (undated_progress)
        warn(0, "Progress dated the import date " + import_date.iso() + " because no report date was given");
    if (!infos_.empty())
        warn(0, "action statuses are inferred, not printed: " + std::to_string(withdrawn) + " withdrawn (Progress says "
                "'withdrawn'), " + std::to_string(in_progress) + " in_progress (Progress text present), " +
                std::to_string(not_started) + " not_started (no Progress text); none is marked complete");
    std::set<int> seen;
    for (const auto& r : p.recommendations)
        if (!seen.insert(r.number).second) warn(0, "recommendation number " + std::to_string(r.number) + " used twice");
    if (p.recommendations.empty()) warn(0, "no recommendations found");
}

// Action references must be unique across the whole plan (the store keys
// actions by reference). A reference met a second time, in the same or in
// another recommendation (a damaged "3.2" printed as "2.3" or "4.2"), is
// renumbered to the next free reference of the recommendation that holds it,
// with a warning naming both lines; the first one keeps its reference.
void Importer::renumber_duplicate_refs() {
    Plan& p = res_.plan;
    std::map<std::pair<std::size_t, std::size_t>, int> line_of;
    for (const auto& info : infos_) line_of[{info.rec, info.act}] = info.line;
    std::set<std::string> all;
    for (const auto& r : p.recommendations)
        for (const auto& a : r.actions) all.insert(a.ref);
    std::map<std::string, int> first_line;  // reference -> line of its first holder
    for (std::size_t ri = 0; ri < p.recommendations.size(); ++ri) {
        Recommendation& r = p.recommendations[ri];
        for (std::size_t ai = 0; ai < r.actions.size(); ++ai) {
            Action& a = r.actions[ai];
            auto li = line_of.find({ri, ai});
            const int line = li == line_of.end() ? 0 : li->second;
            auto [it, fresh] = first_line.emplace(a.ref, line);
            if (fresh) continue;
            int minor = 0;
            for (const auto& x : r.actions) {
                auto dot = x.ref.find('.');
                if (dot == std::string::npos || x.ref.substr(0, dot) != std::to_string(r.number)) continue;
                const std::string tail = x.ref.substr(dot + 1);
                if (!tail.empty() && tail.size() <= 6 && std::all_of(tail.begin(), tail.end(), is_digit))
                    minor = std::max(minor, std::stoi(tail));
            }
            std::string fresh_ref;
            do fresh_ref = std::to_string(r.number) + "." + std::to_string(++minor);
            while (all.count(fresh_ref));
            warn(line, "action reference " + a.ref + " on line " + std::to_string(line) + " was already used on line " +
                           std::to_string(it->second) + ": renumbered to " + fresh_ref +
                           " (the next free reference of recommendation " + std::to_string(r.number) +
                           "); check the numbering");
            if (line > 0) {
                // The action's own line and its continuation rows (which may
                // follow page headers and blank lines) now name the new ref.
                for (std::size_t k = static_cast<std::size_t>(line - 1); k < res_.lines.size(); ++k) {
                    ImportedLine& il = res_.lines[k];
                    if (il.use == LineUse::blank || il.use == LineUse::header) continue;
                    const bool own = k == static_cast<std::size_t>(line - 1);
                    if (!own && il.use != LineUse::continuation) break;
                    if (il.target == a.ref) il.target = fresh_ref;
                }
            }
            a.ref = fresh_ref;
            all.insert(fresh_ref);
            first_line.emplace(fresh_ref, line);
        }
    }
}

ImportResult Importer::run(std::istream& in) {
    std::string data{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw Error(Status::io, where(0) + ": read failed");
    res_.plan.title = opt_.title.empty() ? "Ofsted improvement plan" : opt_.title;
    res_.plan.authority = opt_.authority;
    res_.plan.report_date = opt_.report_date;
    if (data.size() >= 3 && data.compare(0, 3, "\xEF\xBB\xBF") == 0) data.erase(0, 3);

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
    res_.lines.resize(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        Line l;
        l.number = static_cast<int>(i + 1);
        res_.lines[i] = {l.number, LineUse::ignored, ""};
        std::string text = raw[i];
        std::size_t bad = detail::utf8_error_offset(text);
        if (bad != std::string::npos) {
            text = detail::sanitize_utf8(text);
            warn(l.number, "invalid UTF-8 at byte " + std::to_string(bad + 1) + " of the line: replaced by U+FFFD");
        }
        std::size_t start = 0;
        std::vector<std::string> cells;
        while (true) {
            std::size_t tab = text.find('\t', start);
            cells.emplace_back(detail::collapse_spaces(std::string_view(text).substr(start, tab == std::string::npos ? std::string::npos : tab - start)));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
        for (std::size_t c = 0; c < cells.size(); ++c)
            (c < kCols ? l.cells : l.extra).push_back(cells[c]);
        l.cells.resize(kCols);
        classify(l);
        lines_.push_back(std::move(l));
    }

    // the first non-blank line must be the table header
    std::size_t first = 0;
    while (first < lines_.size() && lines_[first].shape == Shape::blank) ++first;
    if (first == lines_.size())
        throw Error(Status::parse, where(lines_.empty() ? 1 : static_cast<int>(lines_.size())) +
                                       ": empty input: not a plan table (no header line)");
    if (lines_[first].shape != Shape::header)
        throw Error(Status::parse, where(lines_[first].number) +
                                       ": not a plan table: expected the header 'No. | Rec. | Action | Progress | Impact "
                                       "| What do we still need to do | Cost | Lead person responsible'");

    for (std::size_t i = 0; i < lines_.size(); ++i) {
        const Line& l = lines_[i];
        bool had_wrapped_header = header_wrapped_;
        if (!l.extra.empty()) {
            std::vector<std::string> nonempty;
            for (const auto& e : l.extra)
                if (!e.empty()) nonempty.push_back(e);
            if (!nonempty.empty())
                not_used(l.number, std::to_string(nonempty.size()) + " cell(s) beyond the 8 columns (" +
                                       quote(join_nonempty(nonempty, " | ")) + "): not imported");
        }
        switch (l.shape) {
            case Shape::blank: use(l, LineUse::blank, ""); break;
            case Shape::header:
                if (!l.exact_header) {
                    bool wrapped = l.cell(kLead) == "Lead person";
                    header_wrapped_ = wrapped;
                    warn(l.number, wrapped ? "page header with 'Lead person responsible' wrapped onto the next line"
                                           : "page header damaged by the export (" +
                                                 quote(join_nonempty(l.cells, " | ")) + "): skipped");
                }
                use(l, LineUse::header, "");
                break;
            case Shape::section: section(l); break;
            case Shape::timescale:
                set_timescale(l, l.ts, l.ts_printed);
                after_heading_ = true;
                use(l, LineUse::timescale, std::string(to_string(*cur_ts_)));
                break;
            case Shape::numbered_rec: recommendation(l, i); break;
            case Shape::action_ref: action(l, i, true); break;
            case Shape::continuation: {
                const Action* a = last_action();
                const std::string& lead = l.cell(kLead);
                bool other_person = a && !lead.empty() && !is_junk_lead(lead, header_wrapped_) && lead != a->lead;
                if (other_person) action(l, i, false);  // a row of its own whose reference and description were lost
                else continuation(l);
                break;
            }
            case Shape::text_only:
                if (!l.ts.empty() && l.empty(kRec) && l.empty(kAction) && l.col0_text.empty()) {
                    set_timescale(l, l.ts, l.ts_printed);
                    after_heading_ = true;
                    Line rest = l;
                    rest.ts.clear();
                    continuation(rest);
                    break;
                }
                text_line(l, i);
                break;
            case Shape::action_noref: action(l, i, false); break;
        }
        if (had_wrapped_header && l.shape != Shape::header) header_wrapped_ = false;
    }
    finish();
    std::stable_sort(res_.summary.issues.begin(), res_.summary.issues.end(),
                     [](const ImportIssue& a, const ImportIssue& b) { return a.line < b.line; });
    res_.summary.importer = "seed-plan";
    res_.summary.source = opt_.source_name;
    res_.summary.add("lines", static_cast<std::int64_t>(res_.lines.size()));
    detail::add_plan_counts(res_.summary, res_.plan);
    return std::move(res_);
}

}  // namespace

const std::vector<std::string>& default_section_headings() {
    // Headings used by Ofsted's 2009-2013 inspections of safeguarding and
    // looked after children services and by the 2014 single inspection
    // framework (Ofsted, "Framework for the inspection of local authority
    // arrangements for the protection of children", 2012; "Framework and
    // evaluation schedule ... single inspection", 2013).
    static const std::vector<std::string> headings = {
        "QUALITY OF WORK TO SAFEGUARD CHILDREN",
        "CHILDREN LOOKED AFTER",
        "SERVICES FOR CHILDREN LOOKED AFTER",
        "SAFEGUARDING SERVICES",
        "OVERALL EFFECTIVENESS",
        "CAPACITY FOR IMPROVEMENT",
        "LEADERSHIP AND MANAGEMENT",
        "LEADERSHIP, MANAGEMENT AND GOVERNANCE",
        "PARTNERSHIP WORKING",
        "EARLY HELP",
        "HELP AND PROTECTION",
        "CHILDREN WHO NEED HELP AND PROTECTION",
        "CHILDREN LOOKED AFTER AND ACHIEVING PERMANENCE",
        "ADOPTION PERFORMANCE",
        "EXPERIENCES AND PROGRESS OF CARE LEAVERS",
        "CARE LEAVERS",
    };
    return headings;
}

std::string_view to_string(LineUse u) noexcept {
    switch (u) {
        case LineUse::blank: return "blank";
        case LineUse::header: return "header";
        case LineUse::section: return "section";
        case LineUse::timescale: return "timescale";
        case LineUse::recommendation: return "recommendation";
        case LineUse::action: return "action";
        case LineUse::continuation: return "continuation";
        case LineUse::ignored: return "ignored";
    }
    return "ignored";
}

ImportResult import_seed_plan(std::istream& in, const SeedImportOptions& options) {
    Importer imp(options);
    return imp.run(in);
}

ImportResult import_seed_plan_file(const std::string& path, SeedImportOptions options) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(Status::io, path + ": cannot open: " + std::strerror(errno));
    if (options.source_name.empty()) options.source_name = path;
    return import_seed_plan(in, options);
}

}  // namespace oversight
