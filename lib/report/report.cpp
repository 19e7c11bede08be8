// Plan reports as of a date: full / plan / due / leads / costs, each in text,
// Markdown, CSV (RFC 4180) and JSON. Layouts are documented in report/report.hpp.
//
// Everything is computed once into an Analysis (RAG per action and
// recommendation, due lists, lead roll-up, cost buckets), then written out by
// one writer per format, so the four formats cannot disagree.
#include <oversight/plan/cost.hpp>
#include <oversight/core/error.hpp>
#include <oversight/plan/rag.hpp>
#include <oversight/report/report.hpp>

#include "core/csv.hpp"
#include "core/text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace oversight {
namespace {

using json = nlohmann::ordered_json;  // keys in the order written: report, plan, as_of, ...

// ---------------------------------------------------------------- text helpers

/// Byte length of the UTF-8 sequence starting with c (input is sanitised first).
std::size_t seq_len(unsigned char c) { return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

/// Code points in s (our width measure; s must be valid UTF-8).
std::size_t width_of(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); i += seq_len(static_cast<unsigned char>(s[i]))) ++n;
    return n;
}

/// One line of display text: valid UTF-8, control characters and runs of
/// white space folded to single spaces, trimmed.
std::string inline_text(std::string_view raw) {
    std::string s = detail::is_valid_utf8(raw) ? std::string(raw) : detail::sanitize_utf8(raw);
    for (char& c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F) c = ' ';
    }
    return detail::collapse_spaces(s);
}

/// The first `max` code points of s (valid UTF-8), with "…" when cut.
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

/// Word-wraps text to `width` code points, breaking over-long words; at most
/// `max_lines` lines, the last one ending in "…" when text was cut.
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
        // Make room for the ellipsis.
        while (!last.empty() && width_of(last) + 1 > width) {
            std::size_t k = last.size() - 1;
            while (k > 0 && (static_cast<unsigned char>(last[k]) & 0xC0) == 0x80) --k;
            last.resize(k);
        }
        last += "\u2026";
    }
    return lines;
}

std::string pad(const std::string& s, std::size_t width, bool right = false) {
    const std::size_t w = width_of(s);
    if (w >= width) return s;
    return right ? std::string(width - w, ' ') + s : s + std::string(width - w, ' ');
}

std::string rstrip(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

std::string upper_rag(Rag r) {
    if (r == Rag::none) return "-";
    std::string s(to_string(r));
    for (char& c : s) c = static_cast<char>(c - 'a' + 'A');
    return s;
}

std::string display(ActionStatus s) {
    std::string t(to_string(s));
    std::replace(t.begin(), t.end(), '_', ' ');
    return t;
}

std::string display(Timescale t) {
    switch (t) {
        case Timescale::immediately: return "Immediately";
        case Timescale::within_three_months: return "Within 3 months";
        case Timescale::within_six_months: return "Within 6 months";
        case Timescale::by_date: return "By date";
    }
    return "By date";
}

std::string opt_iso(const std::optional<Date>& d) { return d ? d->iso() : std::string(); }

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

std::string money(std::int64_t low, std::int64_t high) {
    return low == high ? format_pence(low) : format_pence(low) + "\u2013" + format_pence(high);
}

// ---------------------------------------------------------------- analysis

struct ActionView {
    const Recommendation* rec = nullptr;
    const Action* action = nullptr;
    std::optional<Date> due;
    RagResult rag;
    std::optional<ProgressUpdate> latest;
    int open_tasks = 0;
    std::string ref;  // display ref: never empty
};

struct RecView {
    const Recommendation* rec = nullptr;
    std::optional<Date> target;
    RagResult rag;
    std::vector<ActionView> actions;
};

struct DueItem {
    const ActionView* view = nullptr;
    std::int32_t days = 0;  // days late (overdue) or days left (due soon)
};

struct LeadRow {
    std::string name;  // as first written; empty = no lead
    std::array<int, 5> by_rag{};  // indexed by Rag
    int total = 0;
    int overdue = 0;
    std::optional<Date> next_due;
    std::string next_ref;
    std::vector<std::string> via_rec;  // refs counted here through their recommendation's lead
};

/// Totals of costs with a known amount for one period, exact or approximate.
struct Bucket {
    int count = 0;
    std::int64_t low = 0;   // sum of the amounts (lower ends of ranges)
    std::int64_t high = 0;  // sum of the upper ends (= the amount when not a range)
    std::vector<std::string> refs;
};

struct CostItem {
    std::string ref;   // "2.3" or "Rec 1"
    const Cost* cost = nullptr;
    std::string why;   // for lists: why it is not in a total
};

/// Cost roll-up. period index: 0 one-off, 1 per annum, 2 period not stated.
struct CostSummary {
    std::array<std::array<Bucket, 2>, 3> totals;  // [period][approximate]
    std::vector<CostItem> per_unit, within_existing, tbc, unparsed, none, withdrawn, rec_not_added;
};

constexpr std::array<const char*, 3> kPeriodKeys{"one_off", "per_annum", "period_unknown"};
constexpr std::array<const char*, 3> kPeriodNames{"One-off", "Per annum (recurring)", "Period not stated"};

struct Analysis {
    std::vector<RecView> recs;
    std::vector<DueItem> overdue, due_soon;
    std::vector<const ActionView*> undated;
    std::vector<LeadRow> leads;
    CostSummary costs;
    std::string costs_note;  // why there are no cost totals (full report only), else empty
    int within_days = 0;
};

void add_checked(std::int64_t& total, std::int64_t v, const std::string& ref) {
    if ((v > 0 && total > std::numeric_limits<std::int64_t>::max() - v) ||
        (v < 0 && total < std::numeric_limits<std::int64_t>::min() - v))
        throw Error(Status::invalid_arg, "render_report: cost total overflows 64-bit pence at " + ref);
    total += v;
}

bool priced(const Cost& c) {
    return (c.kind == Cost::Kind::amount || c.kind == Cost::Kind::range) && c.amount_pence.has_value();
}

void add_cost(CostSummary& cs, const std::string& ref, const Cost& c, bool withdrawn) {
    CostItem item{ref, &c, {}};
    if (withdrawn) {
        if (c.kind != Cost::Kind::none) cs.withdrawn.push_back(item);
        return;
    }
    switch (c.kind) {
        case Cost::Kind::none: cs.none.push_back(item); return;
        case Cost::Kind::within_existing: cs.within_existing.push_back(item); return;
        case Cost::Kind::tbc: cs.tbc.push_back(item); return;
        case Cost::Kind::unparsed: cs.unparsed.push_back(item); return;
        case Cost::Kind::amount:
        case Cost::Kind::range: break;
    }
    if (!c.amount_pence) {  // a malformed value: never guess
        item.why = "no amount recorded";
        cs.unparsed.push_back(item);
        return;
    }
    if (!detail::trim(c.per_unit).empty()) {
        cs.per_unit.push_back(item);
        return;
    }
    const int p = c.period == Cost::Period::one_off ? 0 : c.period == Cost::Period::per_annum ? 1 : 2;
    Bucket& b = cs.totals[p][c.approximate ? 1 : 0];
    ++b.count;
    add_checked(b.low, *c.amount_pence, ref);
    add_checked(b.high, c.high_pence.value_or(*c.amount_pence), ref);
    b.refs.push_back(ref);
}

void sum_costs(Analysis& an);

Analysis analyse(const Plan& plan, const ReportOptions& o) {
    const Date as_of = o.as_of;
    Analysis an;
    an.within_days = std::max(0, o.within_days.value_or(plan.settings.due_soon_days));
    an.recs.reserve(plan.recommendations.size());
    for (const auto& rec : plan.recommendations) {
        RecView rv;
        rv.rec = &rec;
        rv.target = target_date(plan, rec);
        rv.rag = recommendation_rag(plan, rec, as_of);
        for (const auto& a : rec.actions) {
            ActionView av;
            av.rec = &rec;
            av.action = &a;
            av.due = due_date(plan, rec, a);
            av.rag = action_rag(plan, rec, a, as_of);
            av.latest = latest_update(a, as_of);
            av.open_tasks = static_cast<int>(std::count_if(a.tasks.begin(), a.tasks.end(), [](const Task& t) { return !t.done; }));
            av.ref = a.ref.empty() ? "(no ref)" : inline_text(a.ref);
            rv.actions.push_back(std::move(av));
        }
        an.recs.push_back(std::move(rv));
    }

    // Due lists and leads (withdrawn actions take no part).
    std::map<std::string, std::size_t> lead_index;  // folded name -> index
    for (const auto& rv : an.recs) {
        for (const auto& av : rv.actions) {
            const ActionStatus st = av.action->status;
            if (st == ActionStatus::withdrawn) continue;
            const bool open = st != ActionStatus::complete;
            bool is_overdue = false;
            if (open) {
                if (!av.due)
                    an.undated.push_back(&av);
                else if (*av.due < as_of) {
                    an.overdue.push_back({&av, Date::days_between(*av.due, as_of)});
                    is_overdue = true;
                } else if (Date::days_between(as_of, *av.due) <= an.within_days)
                    an.due_soon.push_back({&av, Date::days_between(as_of, *av.due)});
            }
            // No lead of its own: the recommendation's lead answers for it.
            const bool via_rec = inline_text(av.action->lead).empty() && !inline_text(av.rec->lead).empty();
            const std::string name = inline_text(via_rec ? av.rec->lead : av.action->lead);
            const std::string key = detail::lower(name);
            auto [it, fresh] = lead_index.emplace(key, an.leads.size());
            if (fresh) {
                an.leads.emplace_back();
                an.leads.back().name = name;
            }
            LeadRow& row = an.leads[it->second];
            ++row.by_rag[static_cast<std::size_t>(av.rag.rag)];
            ++row.total;
            if (via_rec) row.via_rec.push_back(av.ref);
            if (is_overdue) ++row.overdue;
            if (open && av.due && *av.due >= as_of && (!row.next_due || *av.due < *row.next_due)) {
                row.next_due = av.due;
                row.next_ref = av.ref;
            }
        }
    }
    const auto by_date = [](const DueItem& a, const DueItem& b) { return *a.view->due < *b.view->due; };
    std::stable_sort(an.overdue.begin(), an.overdue.end(), by_date);
    std::stable_sort(an.due_soon.begin(), an.due_soon.end(), by_date);
    std::sort(an.leads.begin(), an.leads.end(), [](const LeadRow& a, const LeadRow& b) {
        if (a.name.empty() != b.name.empty()) return b.name.empty();  // "(no lead)" last
        return detail::lower(a.name) < detail::lower(b.name);
    });

    // Costs, only for the reports that show them. A recommendation-level
    // amount is counted only when none of its (non-withdrawn) actions carries
    // an amount of its own: plans print the recommendation's figure beside
    // actions that already include it.
    if (o.kind != ReportKind::full && o.kind != ReportKind::costs) return an;
    try {
        sum_costs(an);
    } catch (const Error& e) {
        if (o.kind == ReportKind::costs || e.code() != Status::invalid_arg) throw;
        an.costs = CostSummary{};
        an.costs_note = std::string("cost totals not computed: ") + e.what();
    }
    return an;
}

void sum_costs(Analysis& an) {
    for (const auto& rv : an.recs) {
        const Recommendation& rec = *rv.rec;
        const std::string rref = "Rec " + std::to_string(rec.number);
        if (rec.cost.kind != Cost::Kind::none) {
            const bool actions_priced = std::any_of(rec.actions.begin(), rec.actions.end(), [](const Action& a) {
                return a.status != ActionStatus::withdrawn && priced(a.cost);
            });
            if (priced(rec.cost) && actions_priced)
                an.costs.rec_not_added.push_back({rref, &rec.cost, "its actions carry their own amounts"});
            else
                add_cost(an.costs, rref, rec.cost, false);
        }
        for (const auto& av : rv.actions)
            add_cost(an.costs, av.ref, av.action->cost, av.action->status == ActionStatus::withdrawn);
    }
}

std::vector<std::string> refs_of(const std::vector<CostItem>& items) {
    std::vector<std::string> out;
    for (const auto& i : items) out.push_back(i.ref);
    return out;
}

// ---------------------------------------------------------------- headings

std::string kind_title(ReportKind k) {
    switch (k) {
        case ReportKind::full: return "Full report";
        case ReportKind::plan: return "Plan status (RAG)";
        case ReportKind::due: return "Overdue and due soon";
        case ReportKind::leads: return "Actions by lead";
        case ReportKind::costs: return "Costs";
    }
    return "Report";
}

std::string plan_title(const Plan& plan) {
    std::string t = inline_text(plan.title);
    if (t.empty()) t = "Improvement plan";
    const std::string a = inline_text(plan.authority);
    return a.empty() ? t : a + " \u2014 " + t;
}

std::string dates_line(const Plan& plan, const ReportOptions& o) {
    return kind_title(o.kind) + ". Report date: " + (plan.report_date ? plan.report_date->iso() : "not recorded") +
           ". As of: " + o.as_of.iso() + ".";
}

std::string rules_line(const Plan& plan) {
    return "RAG: due soon = within " + std::to_string(std::max(0, plan.settings.due_soon_days)) +
           " days; an update is stale after " + std::to_string(std::max(0, plan.settings.stale_update_days)) +
           " days; BLUE = complete.";
}

constexpr std::size_t kWidth = 118;  // text reports keep every line at most this wide
constexpr std::size_t kMaxCellLines = 12;

// ---------------------------------------------------------------- text writer

struct Col {
    std::string title;
    std::size_t width;
    bool right = false;
};

using Rows = std::vector<std::vector<std::string>>;

/// Due, days, ref, action, lead, status, RAG: one row per item (text and Markdown).
Rows due_rows(const std::vector<DueItem>& items) {
    Rows rows;
    for (const auto& d : items) {
        const Action& a = *d.view->action;
        rows.push_back({d.view->due->iso(), std::to_string(d.days), d.view->ref, a.description,
                        a.lead.empty() ? "(no lead)" : a.lead, display(a.status), upper_rag(d.view->rag.rag)});
    }
    return rows;
}

/// One row per lead, in the columns of the leads tables (text and Markdown).
Rows lead_rows(const Analysis& an) {
    Rows rows;
    for (const auto& l : an.leads)
        rows.push_back({l.name.empty() ? "(no lead)" : l.name, std::to_string(l.total),
                        std::to_string(l.by_rag[static_cast<int>(Rag::red)]),
                        std::to_string(l.by_rag[static_cast<int>(Rag::amber)]),
                        std::to_string(l.by_rag[static_cast<int>(Rag::green)]),
                        std::to_string(l.by_rag[static_cast<int>(Rag::blue)]), std::to_string(l.overdue),
                        opt_iso(l.next_due), l.next_ref, join(l.via_rec, " ")});
    return rows;
}

void text_table(std::ostringstream& out, const std::vector<Col>& cols, const std::vector<std::vector<std::string>>& rows) {
    const auto emit = [&](const std::vector<std::vector<std::string>>& cells) {
        std::size_t height = 1;
        for (const auto& c : cells) height = std::max(height, c.size());
        for (std::size_t line = 0; line < height; ++line) {
            std::string s;
            for (std::size_t i = 0; i < cols.size(); ++i) {
                if (i) s += "  ";
                s += pad(line < cells[i].size() ? cells[i][line] : std::string(), cols[i].width, cols[i].right);
            }
            out << rstrip(s) << '\n';
        }
    };
    std::vector<std::vector<std::string>> head;
    for (const auto& c : cols) head.push_back({clip(c.title, c.width)});
    emit(head);
    std::string rule;
    for (std::size_t i = 0; i < cols.size(); ++i) rule += (i ? "  " : "") + std::string(cols[i].width, '-');
    out << rule << '\n';
    for (const auto& row : rows) {
        std::vector<std::vector<std::string>> cells;
        for (std::size_t i = 0; i < cols.size(); ++i)
            cells.push_back(wrap(i < row.size() ? row[i] : std::string(), cols[i].width, kMaxCellLines));
        emit(cells);
    }
}

void text_para(std::ostringstream& out, std::string_view text, std::size_t indent = 0, std::size_t max_lines = 200) {
    for (const auto& l : wrap(text, kWidth - indent, max_lines)) out << rstrip(std::string(indent, ' ') + l) << '\n';
}

void text_section(std::ostringstream& out, const std::string& title) {
    out << '\n' << title << '\n' << std::string(std::min<std::size_t>(width_of(title), kWidth), '=') << '\n';
}

void text_heading(std::ostringstream& out, const Plan& plan, const ReportOptions& o) {
    const std::string title = plan_title(plan);
    text_para(out, title, 0, 4);
    text_para(out, dates_line(plan, o));
    text_para(out, rules_line(plan));
    out << std::string(kWidth, '=') << '\n';
}

void text_plan(std::ostringstream& out, const Analysis& an) {
    if (an.recs.empty()) {
        out << "\nThe plan has no recommendations.\n";
        return;
    }
    const std::vector<Col> cols{{"Ref", 5},     {"Action", 33}, {"Lead", 16}, {"Status", 11},
                                {"Due", 10},    {"RAG", 6},     {"Why", 25}};
    for (const auto& rv : an.recs) {
        const Recommendation& r = *rv.rec;
        out << '\n';
        std::string head = "Recommendation " + std::to_string(r.number) + ": " + upper_rag(rv.rag.rag) + ". " +
                           display(r.timescale) + ", target " + (rv.target ? rv.target->iso() : "not set") + ".";
        if (!inline_text(r.section).empty()) head += " Section: " + inline_text(r.section) + ".";
        text_para(out, head, 0, 3);
        if (!inline_text(r.text).empty()) text_para(out, r.text, 2, kMaxCellLines);
        if (!inline_text(r.lead).empty()) text_para(out, "Lead: " + r.lead, 2, 2);
        text_para(out, "Why " + upper_rag(rv.rag.rag) + ": " + rv.rag.reason, 2, kMaxCellLines);
        if (rv.actions.empty()) continue;
        std::vector<std::vector<std::string>> rows;
        for (const auto& av : rv.actions) {
            const Action& a = *av.action;
            rows.push_back({av.ref, a.description, a.lead.empty() ? "(no lead)" : a.lead, display(a.status),
                            opt_iso(av.due), upper_rag(av.rag.rag) + (av.rag.overridden ? "*" : ""), av.rag.reason});
        }
        text_table(out, cols, rows);
    }
    out << "\n* RAG set by hand (the reason says who, when and why).\n";
}

void text_due(std::ostringstream& out, const Analysis& an, Date as_of) {
    const std::vector<Col> cols{{"Due", 10}, {"Days", 5, true}, {"Ref", 5},    {"Action", 42},
                                {"Lead", 18}, {"Status", 11},   {"RAG", 5}};
    out << "\nOverdue on " << as_of.iso() << " (" << an.overdue.size() << "; Days = days late)\n";
    if (an.overdue.empty())
        out << "  None.\n";
    else
        text_table(out, cols, due_rows(an.overdue));
    out << "\nDue within " << an.within_days << " days of " << as_of.iso() << " (" << an.due_soon.size()
        << "; Days = days left)\n";
    if (an.due_soon.empty())
        out << "  None.\n";
    else
        text_table(out, cols, due_rows(an.due_soon));
    if (!an.undated.empty()) {
        std::vector<std::string> refs;
        for (const auto* v : an.undated) refs.push_back(v->ref);
        out << '\n';
        text_para(out, "No due date (" + std::to_string(refs.size()) + "): " + join(refs, ", "));
    }
}

void text_leads(std::ostringstream& out, const Analysis& an) {
    if (an.leads.empty()) {
        out << "\nNo actions.\n";
        return;
    }
    const std::vector<Col> cols{{"Lead", 30},        {"Actions", 7, true}, {"Red", 5, true},
                                {"Amber", 5, true},  {"Green", 5, true},   {"Blue", 5, true},
                                {"Overdue", 7, true}, {"Next due", 10},     {"Ref", 8},
                                {"Via rec. lead", 14}};
    out << '\n';
    text_table(out, cols, lead_rows(an));
    if (std::any_of(an.leads.begin(), an.leads.end(), [](const LeadRow& l) { return !l.via_rec.empty(); }))
        out << "Via rec. lead: actions with no lead of their own, counted under their recommendation's lead.\n";
}

std::string bucket_text(const Bucket& b) {
    return b.count == 0 ? std::string("-") : money(b.low, b.high) + " (" + std::to_string(b.count) + ")";
}

/// "12.3 c£1.7m (note)" lines for a list of cost items.
std::string item_list(const std::vector<CostItem>& items, bool with_text) {
    std::vector<std::string> parts;
    for (const auto& i : items) {
        std::string s = i.ref;
        if (with_text) {
            s += " \"" + clip(i.cost->text, 60) + "\"";
            const std::string why = !i.why.empty() ? i.why : i.cost->note;
            if (!detail::trim(why).empty()) s += " (" + clip(why, 60) + ")";
        }
        parts.push_back(s);
    }
    return join(parts, with_text ? "; " : ", ");
}

void text_costs(std::ostringstream& out, const Analysis& an) {
    if (!an.costs_note.empty()) {
        out << '\n';
        text_para(out, "Note: " + an.costs_note);
        return;
    }
    const CostSummary& cs = an.costs;
    const std::vector<Col> cols{{"Period", 24}, {"Exact (count)", 40}, {"Approximate c. (count)", 40}};
    std::vector<std::vector<std::string>> rows;
    for (std::size_t p = 0; p < 3; ++p)
        rows.push_back({kPeriodNames[p], bucket_text(cs.totals[p][0]), bucket_text(cs.totals[p][1])});
    out << '\n';
    text_table(out, cols, rows);
    out << "Ranges are shown low\u2013high. Approximate figures are summed apart from exact ones; nothing\n"
           "unknown is added into a total.\n";
    const auto list = [&](const char* title, const std::vector<CostItem>& items, bool with_text) {
        if (items.empty()) return;
        text_para(out, std::string(title) + " (" + std::to_string(items.size()) + "): " + item_list(items, with_text), 0,
                  40);
    };
    out << '\n';
    for (std::size_t p = 0; p < 3; ++p)
        for (int ap = 0; ap < 2; ++ap)
            if (cs.totals[p][ap].count > 0)
                text_para(out, std::string(kPeriodNames[p]) + (ap ? ", approximate" : ", exact") + ": " +
                                   join(cs.totals[p][ap].refs, ", "),
                          0, 20);
    list("Per unit, not totalled", cs.per_unit, true);
    list("Within existing resources", cs.within_existing, false);
    list("To be confirmed", cs.tbc, false);
    list("Not understood, not totalled", cs.unparsed, true);
    list("No cost given", cs.none, false);
    list("Withdrawn, not counted", cs.withdrawn, true);
    list("Recommendation-level figures not added", cs.rec_not_added, true);
}

std::string render_text(const Plan& plan, const ReportOptions& o, const Analysis& an) {
    std::ostringstream out;
    text_heading(out, plan, o);
    switch (o.kind) {
        case ReportKind::plan: text_plan(out, an); break;
        case ReportKind::due: text_due(out, an, o.as_of); break;
        case ReportKind::leads: text_leads(out, an); break;
        case ReportKind::costs: text_costs(out, an); break;
        case ReportKind::full:
            text_section(out, "PLAN");
            text_plan(out, an);
            text_section(out, "OVERDUE AND DUE SOON");
            text_due(out, an, o.as_of);
            text_section(out, "BY LEAD");
            text_leads(out, an);
            text_section(out, "COSTS");
            text_costs(out, an);
            break;
    }
    return out.str();
}

// ---------------------------------------------------------------- Markdown writer

/// Inline Markdown text, safe inside a GitHub table cell: one line, and the
/// characters that would end a cell or start markup escaped with a backslash.
std::string md(std::string_view raw) {
    const std::string s = inline_text(raw);
    std::string out;
    out.reserve(s.size() + 8);
    for (char c : s) {
        switch (c) {
            case '\\': case '|': case '`': case '*': case '_': case '<': case '>':
            case '[': case ']': case '~': case '#':
                out += '\\';
                break;
            default: break;
        }
        out += c;
    }
    return out;
}

void md_table(std::ostringstream& out, const std::vector<Col>& cols, const std::vector<std::vector<std::string>>& rows) {
    out << '|';
    for (const auto& c : cols) out << ' ' << md(c.title) << " |";
    out << "\n|";
    for (const auto& c : cols) out << (c.right ? " ---: |" : " --- |");
    out << '\n';
    for (const auto& row : rows) {
        out << '|';
        for (std::size_t i = 0; i < cols.size(); ++i) out << ' ' << md(i < row.size() ? row[i] : std::string()) << " |";
        out << '\n';
    }
}

void md_heading(std::ostringstream& out, const Plan& plan, const ReportOptions& o) {
    out << "# " << md(plan_title(plan)) << "\n\n" << md(dates_line(plan, o)) << "  \n" << md(rules_line(plan)) << '\n';
}

void md_plan(std::ostringstream& out, const Analysis& an, const std::string& level) {
    if (an.recs.empty()) {
        out << "\nThe plan has no recommendations.\n";
        return;
    }
    const std::vector<Col> cols{{"Ref", 0}, {"Action", 0}, {"Lead", 0}, {"Status", 0}, {"Due", 0},
                                {"RAG", 0}, {"Why", 0},    {"Latest update", 0}, {"Open tasks", 0, true}};
    for (const auto& rv : an.recs) {
        const Recommendation& r = *rv.rec;
        out << '\n' << level << " Recommendation " << r.number << " \u2014 " << upper_rag(rv.rag.rag) << "\n\n";
        out << "**" << md(display(r.timescale)) << "**, target " << (rv.target ? rv.target->iso() : "not set");
        if (!inline_text(r.section).empty()) out << ". Section: " << md(r.section);
        out << "  \n";
        if (!inline_text(r.text).empty()) out << md(r.text) << "  \n";
        if (!inline_text(r.lead).empty()) out << "Lead: " << md(r.lead) << "  \n";
        out << "Why " << upper_rag(rv.rag.rag) << ": " << md(rv.rag.reason) << "\n\n";
        if (rv.actions.empty()) continue;
        std::vector<std::vector<std::string>> rows;
        for (const auto& av : rv.actions) {
            const Action& a = *av.action;
            rows.push_back({av.ref, a.description, a.lead.empty() ? "(no lead)" : a.lead, display(a.status),
                            opt_iso(av.due), upper_rag(av.rag.rag) + (av.rag.overridden ? " (set by hand)" : ""),
                            av.rag.reason, av.latest ? av.latest->date.iso() + ": " + av.latest->text : std::string(),
                            std::to_string(av.open_tasks)});
        }
        md_table(out, cols, rows);
    }
}

void md_due(std::ostringstream& out, const Analysis& an, Date as_of, const std::string& level) {
    const auto table = [&](const std::vector<DueItem>& items, const char* days) {
        if (items.empty()) {
            out << "None.\n";
            return;
        }
        const std::vector<Col> cols{{"Due", 0},  {days, 0, true}, {"Ref", 0},    {"Action", 0},
                                    {"Lead", 0}, {"Status", 0},   {"RAG", 0}};
        md_table(out, cols, due_rows(items));
    };
    out << '\n' << level << " Overdue on " << as_of.iso() << " (" << an.overdue.size() << ")\n\n";
    table(an.overdue, "Days late");
    out << '\n' << level << " Due within " << an.within_days << " days (" << an.due_soon.size() << ")\n\n";
    table(an.due_soon, "Days left");
    if (!an.undated.empty()) {
        std::vector<std::string> refs;
        for (const auto* v : an.undated) refs.push_back(v->ref);
        out << "\nNo due date (" << refs.size() << "): " << md(join(refs, ", ")) << '\n';
    }
}

void md_leads(std::ostringstream& out, const Analysis& an) {
    if (an.leads.empty()) {
        out << "\nNo actions.\n";
        return;
    }
    const std::vector<Col> cols{{"Lead", 0},        {"Actions", 0, true}, {"Red", 0, true},
                                {"Amber", 0, true}, {"Green", 0, true},   {"Blue", 0, true},
                                {"Overdue", 0, true}, {"Next due", 0},    {"Ref", 0},
                                {"Via rec. lead", 0}};
    out << '\n';
    md_table(out, cols, lead_rows(an));
    if (std::any_of(an.leads.begin(), an.leads.end(), [](const LeadRow& l) { return !l.via_rec.empty(); }))
        out << "\nVia rec. lead: actions with no lead of their own, counted under their recommendation's lead.\n";
}

void md_costs(std::ostringstream& out, const Analysis& an) {
    if (!an.costs_note.empty()) {
        out << "\nNote: " << md(an.costs_note) << '\n';
        return;
    }
    const CostSummary& cs = an.costs;
    std::vector<std::vector<std::string>> rows;
    for (std::size_t p = 0; p < 3; ++p)
        rows.push_back({kPeriodNames[p], bucket_text(cs.totals[p][0]), bucket_text(cs.totals[p][1])});
    out << '\n';
    md_table(out, {{"Period", 0}, {"Exact (count)", 0, true}, {"Approximate c. (count)", 0, true}}, rows);
    out << "\nRanges are shown low\u2013high. Approximate figures are summed apart from exact ones; nothing unknown "
           "is added into a total.\n\n";
    for (std::size_t p = 0; p < 3; ++p)
        for (int ap = 0; ap < 2; ++ap)
            if (cs.totals[p][ap].count > 0)
                out << "- " << kPeriodNames[p] << (ap ? ", approximate" : ", exact") << ": "
                    << md(join(cs.totals[p][ap].refs, ", ")) << '\n';
    const auto list = [&](const char* title, const std::vector<CostItem>& items, bool with_text) {
        if (!items.empty())
            out << "- " << title << " (" << items.size() << "): " << md(item_list(items, with_text)) << '\n';
    };
    list("Per unit, not totalled", cs.per_unit, true);
    list("Within existing resources", cs.within_existing, false);
    list("To be confirmed", cs.tbc, false);
    list("Not understood, not totalled", cs.unparsed, true);
    list("No cost given", cs.none, false);
    list("Withdrawn, not counted", cs.withdrawn, true);
    list("Recommendation-level figures not added", cs.rec_not_added, true);
}

std::string render_markdown(const Plan& plan, const ReportOptions& o, const Analysis& an) {
    std::ostringstream out;
    md_heading(out, plan, o);
    switch (o.kind) {
        case ReportKind::plan: md_plan(out, an, "##"); break;
        case ReportKind::due: md_due(out, an, o.as_of, "##"); break;
        case ReportKind::leads: md_leads(out, an); break;
        case ReportKind::costs: md_costs(out, an); break;
        case ReportKind::full:
            out << "\n## Plan\n";
            md_plan(out, an, "###");
            out << "\n## Overdue and due soon\n";
            md_due(out, an, o.as_of, "###");
            out << "\n## By lead\n";
            md_leads(out, an);
            out << "\n## Costs\n";
            md_costs(out, an);
            break;
    }
    return out.str();
}

// -------------------------------------------------------- CSV (core/csv.hpp)

// The rows are written by the one CSV writer (core/csv.hpp).
using detail::csv_row;

std::string opt_pence(const std::optional<std::int64_t>& p) { return p ? std::to_string(*p) : std::string(); }

std::string render_csv(const ReportOptions& o, const Analysis& an) {
    std::ostringstream out;
    switch (o.kind) {
        case ReportKind::plan:
        case ReportKind::full: {
            const bool full = o.kind == ReportKind::full;
            std::vector<std::string> head{"recommendation", "section", "timescale", "target_date", "recommendation_rag",
                                          "recommendation_rag_reason", "action_ref", "action", "lead", "status", "due",
                                          "rag", "rag_reason", "overridden", "latest_update_date", "latest_update",
                                          "outstanding_tasks"};
            if (full)
                for (const char* h : {"due_state", "days_to_due", "cost_text", "cost_kind", "cost_period",
                                      "cost_amount_pence", "cost_high_pence", "cost_approximate", "cost_per_unit"})
                    head.emplace_back(h);
            csv_row(out, head);
            for (const auto& rv : an.recs) {
                const Recommendation& r = *rv.rec;
                const std::vector<std::string> rec_cols{std::to_string(r.number), r.section,
                                                        std::string(to_string(r.timescale)), opt_iso(rv.target),
                                                        std::string(to_string(rv.rag.rag)), rv.rag.reason};
                if (rv.actions.empty()) {  // keep the recommendation visible
                    std::vector<std::string> row = rec_cols;
                    row.resize(head.size());
                    csv_row(out, row);
                    continue;
                }
                for (const auto& av : rv.actions) {
                    const Action& a = *av.action;
                    std::vector<std::string> row = rec_cols;
                    for (std::string v : {a.ref, a.description, a.lead, std::string(to_string(a.status)), opt_iso(av.due),
                                          std::string(to_string(av.rag.rag)), av.rag.reason,
                                          std::string(av.rag.overridden ? "true" : "false"),
                                          av.latest ? av.latest->date.iso() : std::string(),
                                          av.latest ? av.latest->text : std::string(), std::to_string(av.open_tasks)})
                        row.push_back(std::move(v));
                    if (full) {
                        std::string state;
                        const bool open = a.status != ActionStatus::complete && a.status != ActionStatus::withdrawn;
                        if (open && !av.due)
                            state = "no_due_date";
                        else if (open && *av.due < o.as_of)
                            state = "overdue";
                        else if (open && Date::days_between(o.as_of, *av.due) <= an.within_days)
                            state = "due_soon";
                        const Cost& c = a.cost;
                        for (std::string v :
                             {state, av.due ? std::to_string(Date::days_between(o.as_of, *av.due)) : std::string(), c.text,
                              std::string(to_string(c.kind)), std::string(to_string(c.period)), opt_pence(c.amount_pence),
                              opt_pence(c.high_pence), std::string(c.approximate ? "true" : "false"), c.per_unit})
                            row.push_back(std::move(v));
                    }
                    csv_row(out, row);
                }
            }
            break;
        }
        case ReportKind::due: {
            csv_row(out, {"state", "due", "days_late", "days_left", "action_ref", "recommendation", "action", "lead",
                          "status", "rag", "rag_reason"});
            const auto rows = [&](const std::vector<DueItem>& items, bool late) {
                for (const auto& d : items) {
                    const Action& a = *d.view->action;
                    csv_row(out, {late ? "overdue" : "due_soon", d.view->due->iso(), late ? std::to_string(d.days) : "",
                                  late ? "" : std::to_string(d.days), a.ref, std::to_string(d.view->rec->number),
                                  a.description, a.lead, std::string(to_string(a.status)),
                                  std::string(to_string(d.view->rag.rag)), d.view->rag.reason});
                }
            };
            rows(an.overdue, true);
            rows(an.due_soon, false);
            for (const auto* v : an.undated)
                csv_row(out, {"no_due_date", "", "", "", v->action->ref, std::to_string(v->rec->number),
                              v->action->description, v->action->lead, std::string(to_string(v->action->status)),
                              std::string(to_string(v->rag.rag)), v->rag.reason});
            break;
        }
        case ReportKind::leads: {
            csv_row(out, {"lead", "actions", "red", "amber", "green", "blue", "overdue", "next_due", "next_due_ref",
                          "via_recommendation_lead"});
            for (const auto& l : an.leads)
                csv_row(out, {l.name, std::to_string(l.total), std::to_string(l.by_rag[static_cast<int>(Rag::red)]),
                              std::to_string(l.by_rag[static_cast<int>(Rag::amber)]),
                              std::to_string(l.by_rag[static_cast<int>(Rag::green)]),
                              std::to_string(l.by_rag[static_cast<int>(Rag::blue)]), std::to_string(l.overdue),
                              opt_iso(l.next_due), l.next_ref, join(l.via_rec, " ")});
            break;
        }
        case ReportKind::costs: {
            const CostSummary& cs = an.costs;
            csv_row(out, {"category", "period", "approximate", "count", "low_pence", "high_pence", "refs"});
            for (std::size_t p = 0; p < 3; ++p)
                for (int ap = 0; ap < 2; ++ap) {
                    const Bucket& b = cs.totals[p][ap];
                    csv_row(out, {"total", kPeriodKeys[p], ap ? "true" : "false", std::to_string(b.count),
                                  std::to_string(b.low), std::to_string(b.high), join(b.refs, " ")});
                }
            const auto list = [&](const char* cat, const std::vector<CostItem>& items) {
                csv_row(out, {cat, "", "", std::to_string(items.size()), "", "", join(refs_of(items), " ")});
            };
            list("per_unit", cs.per_unit);
            list("within_existing", cs.within_existing);
            list("tbc", cs.tbc);
            list("unparsed", cs.unparsed);
            list("none", cs.none);
            list("withdrawn", cs.withdrawn);
            list("recommendation_not_added", cs.rec_not_added);
            break;
        }
    }
    return out.str();
}

// ---------------------------------------------------------------- JSON writer

json opt_json(const std::optional<Date>& d) { return d ? json(d->iso()) : json(nullptr); }
json opt_json(const std::optional<std::int64_t>& p) { return p ? json(*p) : json(nullptr); }

json cost_json(const Cost& c) {
    return json{{"text", c.text},
                {"kind", std::string(to_string(c.kind))},
                {"period", std::string(to_string(c.period))},
                {"amount_pence", opt_json(c.amount_pence)},
                {"high_pence", opt_json(c.high_pence)},
                {"approximate", c.approximate},
                {"per_unit", c.per_unit},
                {"alternative", c.alternative},
                {"note", c.note}};
}

json plan_meta_json(const Plan& plan) {
    return json{{"title", plan.title},
                {"authority", plan.authority},
                {"report_date", opt_json(plan.report_date)},
                {"settings",
                 {{"immediately_days", plan.settings.immediately_days},
                  {"due_soon_days", plan.settings.due_soon_days},
                  {"stale_update_days", plan.settings.stale_update_days}}}};
}

json recs_json(const Analysis& an) {
    json recs = json::array();
    for (const auto& rv : an.recs) {
        const Recommendation& r = *rv.rec;
        json actions = json::array();
        for (const auto& av : rv.actions) {
            const Action& a = *av.action;
            json latest = nullptr;
            if (av.latest)
                latest = {{"date", av.latest->date.iso()}, {"author", av.latest->author}, {"text", av.latest->text}};
            actions.push_back({{"ref", a.ref},
                               {"description", a.description},
                               {"lead", a.lead},
                               {"status", std::string(to_string(a.status))},
                               {"due", opt_json(av.due)},
                               {"rag", std::string(to_string(av.rag.rag))},
                               {"rag_reason", av.rag.reason},
                               {"overridden", av.rag.overridden},
                               {"latest_update", latest},
                               {"outstanding_tasks", av.open_tasks},
                               {"cost", cost_json(a.cost)}});
        }
        recs.push_back({{"number", r.number},
                        {"section", r.section},
                        {"text", r.text},
                        {"timescale", std::string(to_string(r.timescale))},
                        {"target_date", opt_json(rv.target)},
                        {"lead", r.lead},
                        {"cost", cost_json(r.cost)},
                        {"rag", std::string(to_string(rv.rag.rag))},
                        {"rag_reason", rv.rag.reason},
                        {"actions", std::move(actions)}});
    }
    return recs;
}

json due_json(const Analysis& an) {
    const auto items = [](const std::vector<DueItem>& list, const char* days_key) {
        json arr = json::array();
        for (const auto& d : list)
            arr.push_back({{"ref", d.view->action->ref},
                           {"recommendation", d.view->rec->number},
                           {"description", d.view->action->description},
                           {"lead", d.view->action->lead},
                           {"status", std::string(to_string(d.view->action->status))},
                           {"due", d.view->due->iso()},
                           {days_key, d.days},
                           {"rag", std::string(to_string(d.view->rag.rag))}});
        return arr;
    };
    json undated = json::array();
    for (const auto* v : an.undated) undated.push_back(v->action->ref);
    return json{{"within_days", an.within_days},
                {"overdue", items(an.overdue, "days_late")},
                {"due_soon", items(an.due_soon, "days_left")},
                {"no_due_date", std::move(undated)}};
}

json leads_json(const Analysis& an) {
    json arr = json::array();
    for (const auto& l : an.leads)
        arr.push_back({{"lead", l.name},
                       {"actions", l.total},
                       {"red", l.by_rag[static_cast<int>(Rag::red)]},
                       {"amber", l.by_rag[static_cast<int>(Rag::amber)]},
                       {"green", l.by_rag[static_cast<int>(Rag::green)]},
                       {"blue", l.by_rag[static_cast<int>(Rag::blue)]},
                       {"overdue", l.overdue},
                       {"next_due", opt_json(l.next_due)},
                       {"next_due_ref", l.next_ref.empty() ? json(nullptr) : json(l.next_ref)},
                       {"via_recommendation_lead", l.via_rec}});
    return arr;
}

json costs_json(const Analysis& an) {
    const CostSummary& cs = an.costs;
    json out = {{"currency", "GBP"}};
    if (!an.costs_note.empty()) {
        out["note"] = an.costs_note;
        return out;
    }
    for (std::size_t p = 0; p < 3; ++p) {
        json period;
        for (int ap = 0; ap < 2; ++ap) {
            const Bucket& b = cs.totals[p][ap];
            period[ap ? "approximate" : "exact"] = {
                {"count", b.count}, {"low_pence", b.low}, {"high_pence", b.high}, {"refs", b.refs}};
        }
        out[kPeriodKeys[p]] = std::move(period);
    }
    const auto list = [&](const char* key, const std::vector<CostItem>& items) {
        json arr = json::array();
        for (const auto& i : items) {
            json item = {{"ref", i.ref}, {"cost", cost_json(*i.cost)}};
            if (!i.why.empty()) item["why"] = i.why;
            arr.push_back(std::move(item));
        }
        out[key] = {{"count", items.size()}, {"refs", refs_of(items)}, {"items", std::move(arr)}};
    };
    list("per_unit", cs.per_unit);
    list("within_existing", cs.within_existing);
    list("tbc", cs.tbc);
    list("unparsed", cs.unparsed);
    list("none", cs.none);
    list("withdrawn", cs.withdrawn);
    list("recommendation_not_added", cs.rec_not_added);
    return out;
}

std::string render_json(const Plan& plan, const ReportOptions& o, const Analysis& an) {
    json doc = {{"format", "oversight-report"},
                {"version", 1},
                {"report", std::string(to_string(o.kind))},
                {"plan", plan_meta_json(plan)},
                {"as_of", o.as_of.iso()}};
    const bool full = o.kind == ReportKind::full;
    if (full || o.kind == ReportKind::plan) doc["recommendations"] = recs_json(an);
    if (full || o.kind == ReportKind::due) doc["due"] = due_json(an);
    if (full || o.kind == ReportKind::leads) doc["leads"] = leads_json(an);
    if (full || o.kind == ReportKind::costs) doc["costs"] = costs_json(an);
    // Input text is UTF-8; anything ill-formed is replaced rather than thrown on.
    return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string key_of(std::string_view text) {
    std::string k = detail::lower(detail::trim(text));
    std::replace(k.begin(), k.end(), '_', '-');
    return k;
}

}  // namespace

ReportKind parse_report_kind(std::string_view text) {
    const std::string k = key_of(text);
    if (k == "full" || k == "all") return ReportKind::full;
    if (k == "plan" || k == "rag") return ReportKind::plan;
    if (k == "due" || k == "deadlines") return ReportKind::due;
    if (k == "leads" || k == "lead") return ReportKind::leads;
    if (k == "costs" || k == "cost") return ReportKind::costs;
    throw Error(Status::invalid_arg, "unknown report kind \"" + clip(text, 40) +
                                         "\" (expected full, plan, due, leads or costs)");
}

std::string_view to_string(ReportKind k) noexcept {
    switch (k) {
        case ReportKind::full: return "full";
        case ReportKind::plan: return "plan";
        case ReportKind::due: return "due";
        case ReportKind::leads: return "leads";
        case ReportKind::costs: return "costs";
    }
    return "full";
}

std::string render_report(const Plan& plan, const ReportOptions& options) {
    const Analysis an = analyse(plan, options);
    try {
        switch (options.format) {
            case ReportFormat::text: return render_text(plan, options, an);
            case ReportFormat::markdown: return render_markdown(plan, options, an);
            case ReportFormat::csv: return render_csv(options, an);
            case ReportFormat::json: return render_json(plan, options, an);
            case ReportFormat::html:
            case ReportFormat::xlsx: break;
        }
    } catch (const json::exception& e) {
        throw Error(Status::internal, std::string("render_report: JSON: ") + e.what());
    }
    throw Error(Status::invalid_arg, "render_report: unknown format " + std::to_string(static_cast<int>(options.format)));
}

}  // namespace oversight
