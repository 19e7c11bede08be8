// Plan reports as of a date: full / plan / due / leads / costs, each in text,
// Markdown, CSV (RFC 4180) and JSON. Layouts are documented in report/report.hpp.
//
// Everything is computed once into an Analysis (RAG per action and
// recommendation, due lists, lead roll-up, cost buckets), then written out by
// one writer per format, so the four formats cannot disagree.
#include <oversight/plan/cost.hpp>
#include <oversight/core/error.hpp>
#include <oversight/plan/plan_store.hpp>
#include <oversight/plan/rag.hpp>
#include <oversight/report/board_paper.hpp>
#include <oversight/report/dashboard.hpp>

#include "report/cells.hpp"
#include "report/indicator_tables.hpp"
#include <oversight/report/report.hpp>
#include <oversight/report/measures.hpp>

#include "core/text.hpp"
#include "report/writers.hpp"

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


// ---------------------------------------------------------------- text helpers

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


std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
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
            av.ref = a.ref.empty() ? "(no ref)" : detail::inline_text(a.ref);
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
            const bool via_rec = detail::inline_text(av.action->lead).empty() && !detail::inline_text(av.rec->lead).empty();
            const std::string name = detail::inline_text(via_rec ? av.rec->lead : av.action->lead);
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


// ---------------------------------------------------------------- headings

std::string kind_title(ReportKind k) {
    switch (k) {
        case ReportKind::full: return "Full report";
        case ReportKind::plan: return "Plan status (RAG)";
        case ReportKind::due: return "Overdue and due soon";
        case ReportKind::leads: return "Actions by lead";
        case ReportKind::costs: return "Costs";
        case ReportKind::board: return "Board paper";
        case ReportKind::dashboard: return "Dashboard";
        case ReportKind::indicators: return "Indicators";
        case ReportKind::compliance: return "Compliance";
        case ReportKind::audits: return "Audits";
        case ReportKind::supervision: return "Supervision";
    }
    return "Report";
}

std::string plan_title(const Plan& plan) {
    std::string t = detail::inline_text(plan.title);
    if (t.empty()) t = "Improvement plan";
    const std::string a = detail::inline_text(plan.authority);
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

// ---------------------------------------------------------------- documents

using Type = Cell::Type;

using detail::col;
using detail::text;

/// The heading each recommendation's rows are grouped under.
std::string rec_heading(const RecView& rv) {
    const Recommendation& r = *rv.rec;
    std::string head = "Recommendation " + std::to_string(r.number) + " (" + upper_rag(rv.rag.rag) + "): " +
                       display(r.timescale) + ", target " + (rv.target ? rv.target->iso() : "not set") + ".";
    if (!detail::inline_text(r.section).empty()) head += " Section: " + detail::inline_text(r.section) + ".";
    if (!detail::inline_text(r.text).empty()) head += " " + detail::inline_text(r.text);
    if (!detail::inline_text(r.lead).empty()) head += " Lead: " + detail::inline_text(r.lead) + ".";
    head += " Why " + upper_rag(rv.rag.rag) + ": " + rv.rag.reason;
    return head;
}

void plan_table(Document& doc, const Analysis& an, const ReportOptions& o) {
    const bool full = o.kind == ReportKind::full;
    std::vector<Column> cols{col("recommendation_heading", "Recommendation"),
                             col("recommendation", "Rec.", Type::integer, true),
                             col("section", "Section", Type::text, true),
                             col("timescale", "Timescale", Type::text, true),
                             col("target_date", "Target", Type::date, true),
                             col("recommendation_rag", "Rec. RAG", Type::rag, true),
                             col("recommendation_rag_reason", "Rec. RAG reason", Type::text, true),
                             col("action_ref", "Ref"),
                             col("action", "Action"),
                             col("lead", "Lead"),
                             col("status", "Status"),
                             col("due", "Due", Type::date),
                             col("rag", "RAG", Type::rag),
                             col("rag_reason", "Why"),
                             col("overridden", "Set by hand", Type::text, true),
                             col("latest_update_date", "Latest update", Type::date, true),
                             col("latest_update", "Update", Type::text, true),
                             col("outstanding_tasks", "Tasks open", Type::integer, true)};
    if (full)
        for (auto& c : {col("due_state", "Due state", Type::text, true), col("days_to_due", "Days to due", Type::integer, true),
                        col("cost_text", "Cost", Type::text, true), col("cost_kind", "Cost kind", Type::text, true),
                        col("cost_period", "Cost period", Type::text, true),
                        col("cost_amount", "Cost amount", Type::money, true),
                        col("cost_high", "Cost high", Type::money, true),
                        col("cost_approximate", "Approximate", Type::text, true),
                        col("cost_per_unit", "Per unit", Type::text, true)})
            cols.push_back(c);
    Table& t = doc.table("actions", "Actions by recommendation", std::move(cols));
    t.group_by = 0;
    t.empty_text = "The plan has no recommendations.";
    for (const auto& rv : an.recs) {
        const Recommendation& r = *rv.rec;
        std::vector<Cell> rec_cells{Cell::of_text(rec_heading(rv)),  Cell::of_integer(r.number),
                                    text(r.section),                 Cell::of_text(std::string(to_string(r.timescale))),
                                    Cell::of_date(rv.target),        Cell::of_rag(rv.rag.rag, rv.rag.reason),
                                    text(rv.rag.reason)};
        if (rv.actions.empty()) {  // keep the recommendation visible
            rec_cells.resize(t.columns.size());
            t.rows.push_back(std::move(rec_cells));
            continue;
        }
        for (const auto& av : rv.actions) {
            const Action& a = *av.action;
            std::vector<Cell> row = rec_cells;
            for (Cell c : {Cell::of_text(av.ref), text(a.description), Cell::of_text(a.lead.empty() ? "(no lead)" : a.lead),
                           Cell::of_text(display(a.status)), Cell::of_date(av.due), Cell::of_rag(av.rag.rag, av.rag.reason),
                           text(av.rag.reason), Cell::of_text(av.rag.overridden ? "true" : "false"),
                           av.latest ? Cell::of_date(av.latest->date) : Cell{},
                           av.latest ? text(av.latest->text) : Cell{}, Cell::of_integer(av.open_tasks)})
                row.push_back(std::move(c));
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
                for (Cell v : {text(state), av.due ? Cell::of_integer(Date::days_between(o.as_of, *av.due)) : Cell{},
                               text(c.text), Cell::of_text(std::string(to_string(c.kind))),
                               Cell::of_text(std::string(to_string(c.period))), Cell::of_money(c.amount_pence),
                               Cell::of_money(c.high_pence), Cell::of_text(c.approximate ? "true" : "false"),
                               text(c.per_unit)})
                    row.push_back(std::move(v));
            }
            t.rows.push_back(std::move(row));
        }
    }
    if (std::any_of(an.recs.begin(), an.recs.end(), [](const RecView& rv) {
            return std::any_of(rv.actions.begin(), rv.actions.end(), [](const ActionView& av) { return av.rag.overridden; });
        }))
        t.notes.push_back("A RAG set by hand says who set it, when and why.");
}

void due_tables(Document& doc, const Analysis& an, Date as_of) {
    const auto table = [&](const std::string& id, const std::string& title, const char* days_key, const char* days_title,
                           const std::vector<DueItem>& items) {
        Table& t = doc.table(id, title,
                             {col("due", "Due", Type::date), col(days_key, days_title, Type::integer),
                              col("action_ref", "Ref"), col("recommendation", "Rec.", Type::integer, true),
                              col("action", "Action"), col("lead", "Lead"), col("status", "Status"),
                              col("rag", "RAG", Type::rag), col("rag_reason", "Why", Type::text, true)});
        for (const auto& d : items) {
            const Action& a = *d.view->action;
            t.rows.push_back({Cell::of_date(*d.view->due), Cell::of_integer(d.days), Cell::of_text(d.view->ref),
                              Cell::of_integer(d.view->rec->number), text(a.description),
                              Cell::of_text(a.lead.empty() ? "(no lead)" : a.lead), Cell::of_text(display(a.status)),
                              Cell::of_rag(d.view->rag.rag, d.view->rag.reason), text(d.view->rag.reason)});
        }
    };
    table("overdue", "Overdue on " + as_of.iso(), "days_late", "Days late", an.overdue);
    // Short enough for a worksheet's name (31 characters); the date is the document's as_of.
    table("due_soon", "Due within " + std::to_string(an.within_days) + " days", "days_left", "Days left", an.due_soon);
    if (!an.undated.empty()) {
        std::vector<std::string> refs;
        for (const auto* v : an.undated) refs.push_back(v->ref);
        doc.paragraph("No due date (" + std::to_string(refs.size()) + "): " + join(refs, ", "), Paragraph::Style::note);
    }
}

void leads_table(Document& doc, const Analysis& an) {
    Table& t = doc.table("leads", "Actions by lead",
                         {col("lead", "Lead"), col("actions", "Actions", Type::integer),
                          col("red", "Red", Type::integer), col("amber", "Amber", Type::integer),
                          col("green", "Green", Type::integer), col("blue", "Blue", Type::integer),
                          col("overdue", "Overdue", Type::integer), col("next_due", "Next due", Type::date),
                          col("next_due_ref", "Ref"), col("via_recommendation_lead", "Via rec. lead")});
    t.empty_text = "No actions.";
    for (const auto& l : an.leads) {
        const auto n = [&](Rag r) { return Cell::of_integer(l.by_rag[static_cast<std::size_t>(r)]); };
        t.rows.push_back({Cell::of_text(l.name.empty() ? "(no lead)" : l.name), Cell::of_integer(l.total), n(Rag::red),
                          n(Rag::amber), n(Rag::green), n(Rag::blue), Cell::of_integer(l.overdue), Cell::of_date(l.next_due),
                          text(l.next_ref), text(join(l.via_rec, " "))});
    }
    if (std::any_of(an.leads.begin(), an.leads.end(), [](const LeadRow& l) { return !l.via_rec.empty(); }))
        t.notes.push_back("Via rec. lead: actions with no lead of their own, counted under their recommendation's lead.");
}

void cost_tables(Document& doc, const Analysis& an) {
    if (!an.costs_note.empty()) {
        doc.paragraph(an.costs_note, Paragraph::Style::warning);
        return;
    }
    const CostSummary& cs = an.costs;
    Table& totals = doc.table("cost_totals", "Cost totals",
                              {col("period", "Period"), col("approximate", "Approximate"),
                               col("count", "Count", Type::integer), col("low", "Total (low)", Type::money),
                               col("high", "Total (high)", Type::money), col("refs", "Refs")});
    for (std::size_t p = 0; p < 3; ++p)
        for (int ap = 0; ap < 2; ++ap) {
            const Bucket& b = cs.totals[p][ap];
            totals.rows.push_back({Cell::of_text(kPeriodNames[p]), Cell::of_text(ap ? "yes" : "no"),
                                   Cell::of_integer(b.count), Cell::of_money(b.low), Cell::of_money(b.high),
                                   text(join(b.refs, " "))});
        }
    totals.notes.push_back(
        "Ranges are totalled low and high. Approximate figures are summed apart from exact ones; nothing unknown is "
        "added into a total.");
    Table& items = doc.table("cost_not_totalled", "Costs not in a total",
                             {col("category", "Why not"), col("ref", "Ref"), col("cost_text", "Cost as written"),
                              col("note", "Note")});
    const auto list = [&](const char* title, const std::vector<CostItem>& list) {
        for (const auto& i : list) {
            const std::string why = !i.why.empty() ? i.why : i.cost->note;
            items.rows.push_back({Cell::of_text(title), Cell::of_text(i.ref), text(i.cost->text), text(why)});
        }
    };
    list("Per unit", cs.per_unit);
    list("Within existing resources", cs.within_existing);
    list("To be confirmed", cs.tbc);
    list("Not understood", cs.unparsed);
    list("No cost given", cs.none);
    list("Withdrawn", cs.withdrawn);
    list("Recommendation-level figure not added", cs.rec_not_added);
}

}  // namespace

Document build_report(const Plan& plan, const ReportOptions& options) {
    if (options.kind == ReportKind::board || options.kind == ReportKind::dashboard || is_measure_report(options.kind))
        throw Error(Status::invalid_arg, "the " + std::string(to_string(options.kind)) +
                                             " report reads the store: build_report(store, plan_id, options)");
    const Analysis an = analyse(plan, options);
    Document doc;
    doc.kind = std::string(to_string(options.kind));
    doc.title = plan_title(plan);
    doc.subtitle = {dates_line(plan, options), rules_line(plan)};
    doc.as_of = options.as_of;
    switch (options.kind) {
        case ReportKind::plan: plan_table(doc, an, options); break;
        case ReportKind::due: due_tables(doc, an, options.as_of); break;
        case ReportKind::leads: leads_table(doc, an); break;
        case ReportKind::costs: cost_tables(doc, an); break;
        case ReportKind::full:
            doc.heading("Plan");
            plan_table(doc, an, options);
            doc.heading("Overdue and due soon");
            due_tables(doc, an, options.as_of);
            doc.heading("By lead");
            leads_table(doc, an);
            doc.heading("Costs");
            cost_tables(doc, an);
            break;
        case ReportKind::indicators: detail::indicator_blocks(doc, plan, options.as_of); break;
        case ReportKind::board:
        case ReportKind::dashboard:
        case ReportKind::compliance:
        case ReportKind::audits:
        case ReportKind::supervision: break;  // refused above
    }
    return doc;
}

std::string render_report(const Plan& plan, const ReportOptions& options) {
    return write_document(build_report(plan, options), options.format);
}

Document build_report(const Store& store, std::int64_t plan_id, const ReportOptions& options) {
    if (options.kind == ReportKind::board) {
        BoardPaperOptions o;
        o.as_of = options.as_of;
        o.since = options.since;
        return board_paper(store, plan_id, o);
    }
    if (options.kind == ReportKind::dashboard) {
        DashboardOptions o;
        o.as_of = options.as_of;
        o.previous = options.since;
        return dashboard(store, plan_id, o);
    }
    if (is_measure_report(options.kind)) {
        MeasureOptions o;
        o.as_of = options.as_of;
        const Measure m = options.kind == ReportKind::compliance ? Measure::compliance
                          : options.kind == ReportKind::audits   ? Measure::audits
                                                                 : Measure::supervision;
        return measure_report(store, m, o);
    }
    return build_report(load_plan(store, plan_id), options);
}

std::string render_report(const Store& store, std::int64_t plan_id, const ReportOptions& options) {
    return write_document(build_report(store, plan_id, options), options.format);
}

namespace {

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
    if (k == "board" || k == "board-paper" || k == "paper") return ReportKind::board;
    if (k == "dashboard") return ReportKind::dashboard;
    if (k == "indicators" || k == "indicator") return ReportKind::indicators;
    if (k == "compliance") return ReportKind::compliance;
    if (k == "audits" || k == "audit") return ReportKind::audits;
    if (k == "supervision") return ReportKind::supervision;
    throw Error(Status::invalid_arg, "unknown report kind \"" + detail::clip(text, 40) +
                                         "\" (expected full, plan, due, leads, costs, board, dashboard, indicators, "
                                         "compliance, audits or supervision)");
}

std::string_view to_string(ReportKind k) noexcept {
    switch (k) {
        case ReportKind::full: return "full";
        case ReportKind::plan: return "plan";
        case ReportKind::due: return "due";
        case ReportKind::leads: return "leads";
        case ReportKind::costs: return "costs";
        case ReportKind::board: return "board";
        case ReportKind::dashboard: return "dashboard";
        case ReportKind::indicators: return "indicators";
        case ReportKind::compliance: return "compliance";
        case ReportKind::audits: return "audits";
        case ReportKind::supervision: return "supervision";
    }
    return "full";
}

bool is_measure_report(ReportKind k) noexcept {
    return k == ReportKind::compliance || k == ReportKind::audits || k == ReportKind::supervision;
}

}  // namespace oversight
