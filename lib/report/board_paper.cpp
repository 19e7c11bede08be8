// The board paper (board_paper.hpp): the plan in the seed's columns as of a
// date, grouped by section and timescale, with the changes since the
// previous paper marked from the store's history, the progress updates'
// own dates and the RAG then and now.
#include <oversight/report/board_paper.hpp>

#include <oversight/core/error.hpp>
#include <oversight/plan/plan_store.hpp>
#include <oversight/plan/rag.hpp>

#include "core/text.hpp"
#include "report/report_repository.hpp"
#include "report/inspection_block.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace oversight {
namespace {

std::string timescale_label(const Plan& plan, const Recommendation& rec) {
    switch (rec.timescale) {
        case Timescale::immediately: return "Immediately";
        case Timescale::within_three_months: return "Within 3 months";
        case Timescale::within_six_months: return "Within 6 months";
        case Timescale::by_date: break;
    }
    const std::optional<Date> d = target_date(plan, rec);
    return d ? "By " + d->iso() : std::string("By date");
}

std::string lower_rag(Rag r) { return r == Rag::none ? std::string("none") : std::string(to_string(r)); }

std::string value_or(const std::optional<std::string>& v, std::string_view none) {
    return v && !v->empty() ? *v : std::string(none);
}

/// The history rows in the window, by entity and id.
class HistoryIndex {
public:
    explicit HistoryIndex(const std::vector<PlanHistoryEntry>& rows) {
        for (const PlanHistoryEntry& r : rows) by_[{r.entity, r.entity_id}].push_back(&r);
    }
    const std::vector<const PlanHistoryEntry*>& of(const std::string& entity, std::int64_t id) const {
        static const std::vector<const PlanHistoryEntry*> none;
        const auto it = by_.find({entity, id});
        return it == by_.end() ? none : it->second;
    }
    bool created(const std::string& entity, std::int64_t id) const {
        for (const PlanHistoryEntry* r : of(entity, id))
            if (r->field == "*" && r->new_value) return true;
        return false;
    }

private:
    std::map<std::pair<std::string, std::int64_t>, std::vector<const PlanHistoryEntry*>> by_;
};

/// Per field, the first old and the last new value in the window, in the
/// order the fields first changed.
std::vector<std::pair<std::string, std::pair<std::optional<std::string>, std::optional<std::string>>>> field_changes(
    const std::vector<const PlanHistoryEntry*>& rows) {
    std::vector<std::pair<std::string, std::pair<std::optional<std::string>, std::optional<std::string>>>> out;
    for (const PlanHistoryEntry* r : rows) {
        if (r->field == "*") continue;
        auto it = std::find_if(out.begin(), out.end(), [&](const auto& f) { return f.first == r->field; });
        if (it == out.end())
            out.push_back({r->field, {r->old_value, r->new_value}});
        else
            it->second.second = r->new_value;
    }
    // A field changed and changed back is no change.
    out.erase(std::remove_if(out.begin(), out.end(), [](const auto& f) { return f.second.first == f.second.second; }),
              out.end());
    return out;
}

void add_once(std::vector<std::string>& list, std::string item) {
    if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(std::move(item));
}

std::vector<std::string> action_changes(const Plan& plan, const Recommendation& rec, const Action& a,
                                        const HistoryIndex& history, Date since, Date as_of) {
    if (history.created("action", a.id)) return {"new"};
    std::vector<std::string> out;
    bool rag_set = false;
    for (const auto& [field, values] : field_changes(history.of("action", a.id))) {
        const auto& [before, after] = values;
        if (field == "status")
            out.push_back("status: " + value_or(before, "none") + " -> " + value_or(after, "none"));
        else if (field == "due")
            out.push_back("due moved: " + value_or(before, "recommendation's date") + " -> " +
                          value_or(after, "recommendation's date"));
        else if (field == "lead")
            out.push_back("lead: " + value_or(before, "none") + " -> " + value_or(after, "none"));
        else if (field == "description")
            out.push_back("action text changed");
        else if (field == "impact_intended" || field == "impact_evidence")
            add_once(out, "impact changed");
        else if (field.rfind("cost", 0) == 0)
            add_once(out, "cost changed");
        else if (field.rfind("rag", 0) == 0)
            rag_set = true;
        else
            add_once(out, field + " changed");
    }
    if (rag_set) out.push_back(a.rag_override ? "RAG set by hand" : "RAG set by hand removed");

    // Progress: an update dated after the previous paper, or entered since.
    int added = 0;
    for (const ProgressUpdate& u : a.updates)
        if ((since < u.date && u.date <= as_of) || history.created("progress_update", u.id)) ++added;
    if (added == 1) out.push_back("progress added");
    if (added > 1) out.push_back(std::to_string(added) + " progress updates added");
    for (const Task& t : a.tasks) {
        if (history.created("task", t.id))
            add_once(out, "task added");
        else
            for (const auto& f : field_changes(history.of("task", t.id)))
                add_once(out, f.first == "done" ? (t.done ? "task done" : "task reopened") : "task changed");
    }
    for (const Milestone& m : a.milestones) {
        if (history.created("milestone", m.id))
            add_once(out, "milestone added");
        else
            for (const auto& f : field_changes(history.of("milestone", m.id)))
                add_once(out, f.first == "done" ? (m.done ? "milestone done" : "milestone reopened")
                                                : "milestone changed");
    }
    const Rag then = action_rag(plan, rec, a, since).rag;
    const Rag now = action_rag(plan, rec, a, as_of).rag;
    if (then != now) out.push_back("RAG " + lower_rag(then) + " -> " + lower_rag(now));
    return out;
}

std::vector<std::string> recommendation_changes(const Recommendation& rec, const HistoryIndex& history) {
    if (history.created("recommendation", rec.id)) return {"new"};
    std::vector<std::string> out;
    for (const auto& [field, values] : field_changes(history.of("recommendation", rec.id))) {
        const auto& [before, after] = values;
        if (field == "text")
            out.push_back("recommendation text changed");
        else if (field == "timescale")
            out.push_back("timescale: " + value_or(before, "none") + " -> " + value_or(after, "none"));
        else if (field == "explicit_date")
            out.push_back("target date: " + value_or(before, "none") + " -> " + value_or(after, "none"));
        else if (field == "lead")
            out.push_back("recommendation lead: " + value_or(before, "none") + " -> " + value_or(after, "none"));
        else if (field == "section")
            out.push_back("section changed");
        else if (field.rfind("cost", 0) == 0)
            add_once(out, "recommendation cost changed");
        else
            add_once(out, "recommendation " + field + " changed");
    }
    return out;
}

std::string progress_text(const Action& a, Date as_of) {
    std::vector<const ProgressUpdate*> ups;
    for (const ProgressUpdate& u : a.updates)
        if (u.date <= as_of) ups.push_back(&u);
    std::stable_sort(ups.begin(), ups.end(), [](const auto* x, const auto* y) { return x->date < y->date; });
    std::vector<std::string> lines;
    for (const ProgressUpdate* u : ups)
        lines.push_back(u->date.iso() + ": " + u->text + (u->author.empty() ? "" : " (" + u->author + ")"));
    return detail::join_nonempty(lines, "\n");
}

std::string impact_text(const Action& a) {
    return detail::join_nonempty({a.impact_intended, a.impact_evidence.empty() ? "" : "Evidence: " + a.impact_evidence}, "\n");
}

std::string still_to_do(const Action& a) {
    std::vector<std::string> lines;
    for (const Task& t : a.tasks) {
        if (t.done) continue;
        const std::string who = detail::join_nonempty({t.owner, t.due ? "due " + t.due->iso() : ""}, ", ");
        lines.push_back(who.empty() ? t.text : t.text + " (" + who + ")");
    }
    return detail::join_nonempty(lines, "\n");
}

}  // namespace

Document board_paper(const Plan& plan, const std::vector<PlanHistoryEntry>& history,
                     const BoardPaperOptions& options) {
    const Date as_of = options.as_of;
    if (options.since && !(*options.since < as_of))
        throw Error(Status::invalid_arg, "board paper: the previous paper's date " + options.since->iso() +
                                             " is not before the position date " + as_of.iso());
    Document doc;
    doc.kind = "board";
    doc.title = !plan.title.empty() ? plan.title : !plan.authority.empty() ? plan.authority : "Improvement plan";
    if (!plan.authority.empty() && plan.authority != doc.title) doc.subtitle.push_back(plan.authority);
    doc.subtitle.push_back("Position as of " + as_of.iso() +
                           (options.since ? ", changes since " + options.since->iso() : std::string()));
    doc.as_of = as_of;

    // History rows in the window: after the end of `since`, up to the end of as_of.
    std::vector<PlanHistoryEntry> window;
    if (options.since) {
        const std::string from = options.since->add_days(1).iso() + "T00:00:00Z";
        const std::string to = as_of.iso() + "T23:59:59Z";
        for (const PlanHistoryEntry& r : history)
            if (r.at >= from && r.at <= to) window.push_back(r);
    }
    const HistoryIndex index(window);

    std::vector<const Recommendation*> recs;
    for (const Recommendation& r : plan.recommendations) recs.push_back(&r);
    std::stable_sort(recs.begin(), recs.end(), [](const auto* a, const auto* b) { return a->number < b->number; });

    std::vector<Column> columns = {
        {"number", "No.", Cell::Type::text},
        {"recommendation", "Rec.", Cell::Type::text},
        {"action", "Action", Cell::Type::text},
        {"progress", "Progress", Cell::Type::text},
        {"impact", "Impact", Cell::Type::text},
        {"still_to_do", "What do we still need to do", Cell::Type::text},
        {"cost", "Cost", Cell::Type::text},
        {"lead", "Lead person responsible", Cell::Type::text},
        {"rag", "RAG", Cell::Type::rag},
    };
    if (options.since) columns.push_back({"changed", "Changed since " + options.since->iso(), Cell::Type::text});
    columns.push_back({"recommendation_number", "Recommendation", Cell::Type::integer, true});
    columns.push_back({"action_ref", "Action reference", Cell::Type::text, true});
    columns.push_back({"section", "Section", Cell::Type::text, true});
    columns.push_back({"timescale", "Timescale", Cell::Type::text, true});
    columns.push_back({"group", "Section and timescale", Cell::Type::text});

    int actions = 0, changed_actions = 0;
    std::vector<std::vector<Cell>> rows;
    for (const Recommendation* rec : recs) {
        const std::string timescale = timescale_label(plan, *rec);
        const std::string group = rec->section.empty() ? timescale : rec->section + ": " + timescale;
        const std::vector<std::string> rec_changes =
            options.since ? recommendation_changes(*rec, index) : std::vector<std::string>{};
        const std::string rec_text = std::to_string(rec->number) + ". " + rec->text;
        const auto row = [&](Cell number, Cell rec_cell, const Action* a, Cell rag, std::string changed) {
            std::vector<Cell> cells = {
                std::move(number),
                std::move(rec_cell),
                Cell::of_text(a ? a->description : ""),
                Cell::of_text(a ? progress_text(*a, as_of) : ""),
                Cell::of_text(a ? impact_text(*a) : ""),
                Cell::of_text(a ? still_to_do(*a) : ""),
                Cell::of_text(a ? a->cost.text : rec->cost.text),
                Cell::of_text(a && !a->lead.empty() ? a->lead : rec->lead),
                std::move(rag),
            };
            if (options.since) cells.push_back(Cell::of_text(std::move(changed)));
            cells.push_back(Cell::of_integer(rec->number));
            cells.push_back(Cell::of_text(a ? a->ref : ""));
            cells.push_back(Cell::of_text(rec->section));
            cells.push_back(Cell::of_text(std::string(to_string(rec->timescale))));
            cells.push_back(Cell::of_text(group));
            for (Cell& c : cells)
                if (c.type == Cell::Type::text && c.text.empty()) c = Cell{};
            rows.push_back(std::move(cells));
        };
        if (rec->actions.empty()) {
            const RagResult r = recommendation_rag(plan, *rec, as_of);
            row(Cell::of_text(std::to_string(rec->number)), Cell::of_text(rec_text), nullptr,
                Cell::of_rag(r.rag, r.reason), detail::join_nonempty(rec_changes, "; "));
            continue;
        }
        bool first = true;
        for (const Action& a : rec->actions) {
            ++actions;
            std::vector<std::string> changes;
            if (options.since) {
                changes = action_changes(plan, *rec, a, index, *options.since, as_of);
                changed_actions += !changes.empty();
                // The recommendation's own changes first ("new" once when both are).
                if (first)
                    for (auto it = rec_changes.rbegin(); it != rec_changes.rend(); ++it)
                        if (std::find(changes.begin(), changes.end(), *it) == changes.end())
                            changes.insert(changes.begin(), *it);
            }
            const RagResult r = action_rag(plan, *rec, a, as_of);
            row(Cell::of_text(a.ref), first ? Cell::of_text(rec_text) : Cell{}, &a, Cell::of_rag(r.rag, r.reason),
                detail::join_nonempty(changes, "; "));
            first = false;
        }
    }

    if (options.since)
        doc.paragraph(std::to_string(changed_actions) + " of " + std::to_string(actions) + " action" +
                      (actions == 1 ? "" : "s") + " changed since " + options.since->iso() + ".");
    const Calendar calendar =
        options.calendar ? *options.calendar : Calendar::for_division(Division::england_and_wales);
    detail::inspection_block(doc, plan, calendar, as_of);
    Table& t = doc.table("board", "The plan as of " + as_of.iso(), std::move(columns));
    t.group_by = t.columns.size() - 1;
    t.rows = std::move(rows);
    t.empty_text = "The plan has no recommendations.";
    t.notes.push_back("Progress lists every update dated up to " + as_of.iso() +
                      ", oldest first; RAG is as of that day, with its reason.");
    if (options.since)
        t.notes.push_back("Changed: what the store recorded after " + options.since->iso() + " up to " +
                          as_of.iso() + ", progress dated in that time, and the RAG then and now.");
    check_document(doc);
    return doc;
}

Document board_paper(const Store& store, std::int64_t plan_id, const BoardPaperOptions& options) {
    const Plan plan = load_plan(store, plan_id);
    std::vector<PlanHistoryEntry> history;
    if (options.since)
        history = detail::plan_history(store, plan, options.since->add_days(1).iso() + "T00:00:00Z",
                                       options.as_of.iso() + "T23:59:59Z");
    return board_paper(plan, history, options);
}

}  // namespace oversight
