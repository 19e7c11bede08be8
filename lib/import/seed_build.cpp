// The seed importer's assembling stage (seed_build.hpp): classified lines
// into the Plan. Each rule names what it repairs or why it doubts; the
// repairs themselves are in seed_repair.cpp.
#include "import/seed_build.hpp"

#include <oversight/core/error.hpp>

#include "core/text.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <utility>

namespace oversight::detail::seed {

namespace {

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

bool is_junk_lead(const std::string& s, bool header_wrapped) {
    bool meaningful = false;
    for (char c : s)
        if (is_alpha(c)) meaningful = true;
    if (!meaningful) return true;
    return header_wrapped && detail::lower(s) == "responsible";
}

// Walks the lines once, in order, keeping its place: the current section,
// timescale and recommendation, and the last action (which continuation rows
// extend).
class Builder {
public:
    Builder(const std::vector<Line>& lines, const SeedImportOptions& o, SeedIssues& issues)
        : opt_(o), lines_(lines), issues_(issues) {
        known_ = o.known_sections.empty() ? default_section_headings() : o.known_sections;
    }

    SeedDraft build();

private:
    void warn(int line, std::string msg) { issues_.warn(line, std::move(msg)); }
    void not_used(int line, std::string msg) { issues_.not_used(line, std::move(msg)); }
    void use(const Line& l, LineUse u, std::string target) {
        draft_.lines[static_cast<std::size_t>(l.number - 1)] = {l.number, u, std::move(target)};
    }

    Recommendation* rec() { return cur_rec_ ? &draft_.plan.recommendations[*cur_rec_] : nullptr; }
    Action* last_action() {
        if (!last_action_) return nullptr;
        const auto& ai = draft_.actions[*last_action_];
        return &draft_.plan.recommendations[ai.rec].actions[ai.act];
    }
    SeedAction* last_info() { return last_action_ ? &draft_.actions[*last_action_] : nullptr; }

    void set_timescale(const Line& l, const std::vector<Timescale>& cand, const std::string& printed) {
        cur_ts_ = read_timescale(l, cand, printed, cur_ts_, issues_);
    }
    void section(const Line& l);
    void recommendation(const Line& l, std::size_t index);
    void action(const Line& l, std::size_t index, bool explicit_ref);
    void continuation(const Line& l);
    void text_line(const Line& l, std::size_t index);
    void add_tasks(Action& a, const std::string& cell, int line, bool may_continue);
    void set_cost(Cost& target, const std::string& cell, int line, const std::string& what);

    const SeedImportOptions& opt_;
    const std::vector<Line>& lines_;
    SeedIssues& issues_;
    std::vector<std::string> known_;
    SeedDraft draft_;
    std::optional<std::size_t> cur_section_;
    std::optional<Timescale> cur_ts_;
    std::optional<std::size_t> cur_rec_;
    std::optional<std::size_t> last_action_;
    bool after_heading_ = false;   // a section/timescale heading came last
    bool header_wrapped_ = false;  // "Lead person" without "responsible"
    int last_rec_number_ = 0;
};

SeedDraft Builder::build() {
    draft_.plan.title = opt_.title.empty() ? "Ofsted improvement plan" : opt_.title;
    draft_.plan.authority = opt_.authority;
    draft_.plan.report_date = opt_.report_date;
    draft_.lines.reserve(lines_.size());
    for (const Line& l : lines_) draft_.lines.push_back({l.number, LineUse::ignored, ""});

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
    return std::move(draft_);
}

void Builder::section(const Line& l) {
    std::string name = read_section_heading(l, known_, issues_);
    auto& secs = draft_.plan.sections;
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

void Builder::set_cost(Cost& target, const std::string& cell, int line, const std::string& what) {
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

void Builder::add_tasks(Action& a, const std::string& cell, int line, bool may_continue) {
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

void Builder::recommendation(const Line& l, std::size_t index) {
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
    if (auto ts = recommendation_line_timescale(l, pieces[2], cur_ts_, issues_)) cur_ts_ = *ts;
    // number
    const int number = read_recommendation_number(l, last_rec_number_, next_ref_major(lines_, index), issues_);
    r.number = number;
    last_rec_number_ = number;
    // text
    const std::vector<std::string> kept = drop_repeated_fragments(pieces, number, l.number, issues_);
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
        r.section = draft_.plan.sections[*cur_section_];
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
    draft_.plan.recommendations.push_back(std::move(r));
    cur_rec_ = draft_.plan.recommendations.size() - 1;
    set_cost(rec()->cost, l.cell(kCost), l.number, "recommendation " + std::to_string(number));
    last_action_.reset();
    after_heading_ = false;
    use(l, LineUse::recommendation, "rec " + std::to_string(number));
}

void Builder::action(const Line& l, std::size_t index, bool explicit_ref) {
    Action a;
    std::string description = explicit_ref ? (l.ref_shifted ? std::string() : l.cell(kAction))
                                           : join_nonempty({l.col0_text, l.cell(kRec), l.cell(kAction)});
    // which recommendation
    if (explicit_ref && (!rec() || rec()->number != l.ref_major)) {
        auto& recs = draft_.plan.recommendations;
        auto it = std::find_if(recs.begin(), recs.end(), [&](const Recommendation& r) { return r.number == l.ref_major; });
        if (it != recs.end()) {
            cur_rec_ = static_cast<std::size_t>(it - recs.begin());
            warn(l.number, "action " + l.ref + " is out of order: attached to recommendation " +
                               std::to_string(l.ref_major) + " above");
        } else {
            Recommendation r;
            r.number = l.ref_major;
            if (cur_section_) r.section = draft_.plan.sections[*cur_section_];
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
    a.ref = read_action_reference(l, explicit_ref, r, lines_, index, issues_);
    // Duplicate references (within or across recommendations) are resolved
    // plan-wide once the plan is built: see renumber_duplicate_refs().
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
    SeedAction info;
    info.rec = *cur_rec_;
    info.act = r.actions.size() - 1;
    info.line = l.number;
    info.progress = l.cell(kProgress);
    if (starts_lower(info.progress))
        warn(l.number, "Progress of " + r.actions.back().ref + " starts mid-sentence (" + quote(info.progress, 40) +
                           "): text was probably lost in the export");
    draft_.actions.push_back(info);
    last_action_ = draft_.actions.size() - 1;
    Action& added = r.actions.back();
    set_cost(added.cost, l.cell(kCost), l.number, "action " + added.ref);
    add_tasks(added, l.cell(kTodo), l.number, false);
    after_heading_ = false;
    use(l, LineUse::action, added.ref);
}

void Builder::continuation(const Line& l) {
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
    SeedAction* info = last_info();
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

void Builder::text_line(const Line& l, std::size_t index) {
    std::optional<int> hint = next_ref_major(lines_, index);
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

}  // namespace

ActionLines SeedDraft::action_lines() const {
    ActionLines line_of;
    for (const auto& info : actions) line_of[{info.rec, info.act}] = info.line;
    return line_of;
}

SeedDraft build_plan(const std::vector<Line>& lines, const SeedImportOptions& options, SeedIssues& issues) {
    return Builder(lines, options, issues).build();
}

void finish_plan(SeedDraft& draft, const SeedImportOptions& opt, SeedIssues& issues) {
    Plan& p = draft.plan;
    int withdrawn = 0, in_progress = 0, not_started = 0;
    // Progress is never dropped: without a report date it is dated the import date.
    const Date import_date = opt.import_date ? *opt.import_date : Date::today();
    bool undated_progress = false;
    for (const auto& info : draft.actions) {
        Action& a = p.recommendations[info.rec].actions[info.act];
        std::string low = detail::lower(info.progress);
        bool w = false;
        for (std::size_t at = low.find("withdrawn"); at != std::string::npos; at = low.find("withdrawn", at + 1))
            if ((at == 0 || !is_alpha(low[at - 1])) && (at + 9 >= low.size() || !is_alpha(low[at + 9]))) w = true;
        if (w) {
            a.status = ActionStatus::withdrawn;
            ++withdrawn;
            issues.warn(info.line,
                        "action " + a.ref + " marked withdrawn: its Progress says " + quote(info.progress.substr(0, 80)));
        } else if (!info.progress.empty()) {
            a.status = ActionStatus::in_progress;
            ++in_progress;
        } else {
            a.status = ActionStatus::not_started;
            ++not_started;
        }
        if (!info.progress.empty()) {
            ProgressUpdate u;
            u.date = opt.report_date ? *opt.report_date : import_date;
            u.text = info.progress;
            a.updates.push_back(u);
            if (!opt.report_date) undated_progress = true;
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
        issues.warn(0, "Progress dated the import date " + import_date.iso() + " because no report date was given");
    if (!draft.actions.empty())
        issues.warn(0, "action statuses are inferred, not printed: " + std::to_string(withdrawn) +
                           " withdrawn (Progress says 'withdrawn'), " + std::to_string(in_progress) +
                           " in_progress (Progress text present), " + std::to_string(not_started) +
                           " not_started (no Progress text); none is marked complete");
    std::set<int> seen;
    for (const auto& r : p.recommendations)
        if (!seen.insert(r.number).second)
            issues.warn(0, "recommendation number " + std::to_string(r.number) + " used twice");
    if (p.recommendations.empty()) issues.warn(0, "no recommendations found");
}

}  // namespace oversight::detail::seed
