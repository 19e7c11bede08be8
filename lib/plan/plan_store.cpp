// The plan_store.hpp API: the rules a plan's changes must follow (UTF-8
// text, by_date needs a date, unique numbers and references, settings in
// range, costs parsed), checked here before the plan repository (the port,
// plan_repository.hpp) stores them with their history.
#include <oversight/plan/plan_store.hpp>

#include <oversight/core/error.hpp>
#include <oversight/plan/cost.hpp>

#include "core/text.hpp"
#include "core/transaction.hpp"
#include "core/validation.hpp"
#include "plan/plan_repository.hpp"
#include "workforce/workforce_detail.hpp"

#include <nlohmann/json.hpp>

#include <set>
#include <utility>

namespace oversight {

using ojson = nlohmann::ordered_json;
namespace {

using detail::check_utf8;
using detail::in_quotes;

detail::PlanRepository& plans(Store& store) { return detail::plan_repository(store); }
const detail::PlanRepository& plans(const Store& store) { return detail::plan_repository(store); }

// ------------------------------------------------------------- checks

void check_utf8_opt(const std::string& what, const char* field, const std::optional<std::string>& value) {
    if (value) check_utf8(what, field, *value);
}

void check_cost_utf8(const std::string& what, const Cost& c) {
    check_utf8(what, "cost", c.text);
    check_utf8(what, "cost per_unit", c.per_unit);
    check_utf8(what, "cost alternative", c.alternative);
    check_utf8(what, "cost note", c.note);
}

std::string action_what(std::string_view ref) { return "action " + in_quotes(ref); }
std::string rec_what(int number) { return "recommendation " + std::to_string(number); }

void check_days(int v, const char* what) {
    if (v < 0 || v > PlanSettings::max_days)
        throw Error(Status::invalid_arg, std::string(what) + " must be 0..3650 days, not " + std::to_string(v));
}

void check_settings(const PlanSettings& s) {
    check_days(s.immediately_days, "immediately_days");
    check_days(s.due_soon_days, "due_soon_days");
    check_days(s.stale_update_days, "stale_update_days");
}

/// Error(invalid_arg) "<what> <field> is empty" when `value` is blank: a
/// text the plan cannot do without.
void check_required(const std::string& what, const char* field, std::string_view value) {
    if (detail::trim(value).empty()) throw Error(Status::invalid_arg, what + " " + field + " is empty");
}

void check_progress(const ProgressUpdate& u, const std::string& what) {
    check_utf8("progress update of " + what, "author", u.author);
    check_utf8("progress update of " + what, "text", u.text);
    check_required("progress update of " + what, "text", u.text);
}

void check_milestone(const Milestone& m, const std::string& what) {
    check_utf8("milestone of " + what, "text", m.text);
    check_required("milestone of " + what, "text", m.text);
}

void check_task(const Task& t, const std::string& what) {
    check_utf8("task of " + what, "text", t.text);
    check_required("task of " + what, "text", t.text);
    check_utf8("task of " + what, "owner", t.owner);
}

void check_action(const Action& a) {
    if (detail::trim(a.ref).empty()) throw Error(Status::invalid_arg, "action reference is empty");
    detail::checked_name(a.ref, "action reference", 64);  // "1.2", "12.3a": no control character, no page
    const std::string what = action_what(a.ref);
    check_utf8(what, "ref", a.ref);
    check_utf8(what, "description", a.description);
    check_utf8(what, "lead", a.lead);
    check_utf8(what, "impact_intended", a.impact_intended);
    check_utf8(what, "impact_evidence", a.impact_evidence);
    check_cost_utf8(what, a.cost);
    if (a.rag_override) {
        check_utf8(what, "rag_by", a.rag_override->by);
        check_utf8(what, "rag_reason", a.rag_override->reason);
    }
    for (const auto& u : a.updates) check_progress(u, what);
    for (const auto& m : a.milestones) check_milestone(m, what);
    for (const auto& t : a.tasks) check_task(t, what);
}

void check_recommendation(const Recommendation& r) {
    if (r.number < 1 || r.number > Recommendation::max_number)
        throw Error(Status::invalid_arg, "recommendation number " + std::to_string(r.number) + " is outside 1.." +
                                             std::to_string(Recommendation::max_number));
    if (r.timescale == Timescale::by_date && !r.explicit_date)
        throw Error(Status::invalid_arg,
                    "recommendation " + std::to_string(r.number) + " has timescale by_date but no date");
    const std::string what = rec_what(r.number);
    check_utf8(what, "section", r.section);
    check_utf8(what, "text", r.text);
    // A plan may hold a recommendation whose text its export lost (the
    // importer warns); a change never blanks one (update_recommendation).
    check_utf8(what, "lead", r.lead);
    check_cost_utf8(what, r.cost);
    for (const auto& a : r.actions) check_action(a);
}

/// Refuses recommendation numbers and action references that the plan
/// (`plan_id`, 0 for a new one) already has or that repeat among `recs`.
void check_unique(const Store& store, std::int64_t plan_id, const std::vector<const Recommendation*>& recs) {
    const std::string in_plan =
        plan_id ? " already exists in plan " + std::to_string(plan_id) : " appears twice in the plan";
    std::set<int> numbers;
    std::set<std::string> refs;
    for (const Recommendation* r : recs) {
        if (!numbers.insert(r->number).second || (plan_id && plans(store).find_recommendation(plan_id, r->number)))
            throw Error(Status::conflict, "recommendation " + std::to_string(r->number) + in_plan);
        for (const Action& a : r->actions)
            if (!refs.insert(a.ref).second || (plan_id && plans(store).find_action(plan_id, a.ref)))
                throw Error(Status::conflict, "action " + in_quotes(a.ref) + in_plan);
    }
}

// ------------------------------------------------------------- lookups

Error plan_not_found(const Store& store, std::int64_t plan_id) {
    return Error(Status::not_found,
                 "plan " + std::to_string(plan_id) + " not found in store " + detail::store_path(store));
}

Plan plan_header(const Store& store, std::int64_t plan_id) {
    auto p = plans(store).find_plan(plan_id);
    if (!p) throw plan_not_found(store, plan_id);
    return std::move(*p);
}

Recommendation recommendation_of(const Store& store, std::int64_t plan_id, int number) {
    plan_header(store, plan_id);
    auto r = plans(store).find_recommendation(plan_id, number);
    if (!r)
        throw Error(Status::not_found,
                    "recommendation " + std::to_string(number) + " not found in plan " + std::to_string(plan_id));
    return std::move(*r);
}

Action action_of(const Store& store, std::int64_t plan_id, std::string_view ref) {
    detail::checked_name(ref, "action reference", 64);  // "1.2", "12.3a": never a control character or a page
    plan_header(store, plan_id);
    auto a = plans(store).find_action(plan_id, ref);
    if (!a) throw Error(Status::not_found, "action " + in_quotes(ref) + " not found in plan " + std::to_string(plan_id));
    return std::move(*a);
}

/// Every distinct non-empty lead and task owner of a plan, sorted.
std::vector<std::string> plan_people(const Plan& plan) {
    std::set<std::string> names;
    auto add = [&](std::string_view name) {
        if (std::string n(detail::trim(name)); !n.empty()) names.insert(std::move(n));
    };
    for (const auto& r : plan.recommendations) {
        add(r.lead);
        for (const auto& a : r.actions) {
            add(a.lead);
            for (const auto& t : a.tasks) add(t.owner);
        }
    }
    return {names.begin(), names.end()};
}

}  // namespace

bool operator==(const PlanSummary& a, const PlanSummary& b) {
    return a.id == b.id && a.title == b.title && a.authority == b.authority && a.report_date == b.report_date &&
           a.recommendations == b.recommendations && a.actions == b.actions;
}

// ---------------------------------------------------------------- plans

std::int64_t save_plan(Store& store, const Plan& plan) {
    check_settings(plan.settings);
    check_utf8("plan", "title", plan.title);
    check_required("plan", "title", plan.title);
    check_utf8("plan", "authority", plan.authority);
    for (const auto& s : plan.sections) {
        check_utf8("plan", "section", s);
        if (s.empty()) throw Error(Status::invalid_arg, "plan has a section with an empty name");
    }
    std::vector<const Recommendation*> recs;
    for (const auto& r : plan.recommendations) {
        check_recommendation(r);
        recs.push_back(&r);
    }
    if (plan.inspection) check_inspection(*plan.inspection);
    check_unique(store, 0, recs);
    if (plan.indicators.empty()) return plans(store).add_plan(plan);
    // Indicators (issue 11 point 5): checked, keys unique, and every success
    // measure names one of them.
    Plan checked = plan;
    for (std::size_t i = 0; i < plan.indicators.size(); ++i) {
        checked.indicators[i] = checked_indicator(plan.indicators[i]);
        for (std::size_t j = 0; j < i; ++j)
            if (checked.indicators[j].key == checked.indicators[i].key)
                throw Error(Status::conflict, "plan: two indicators with the key " +
                                                  detail::in_quotes(checked.indicators[i].key));
    }
    for (const auto& r : checked.recommendations)
        for (const auto& a : r.actions)
            for (const std::string& key : a.success_measures)
                if (!checked.find_indicator(key))
                    throw Error(Status::invalid_arg, "action " + detail::in_quotes(a.ref) +
                                                         " success measure: the plan has no indicator " +
                                                         detail::in_quotes(key));
    return plans(store).add_plan(checked);
}

std::optional<Plan> try_load_plan(const Store& store, std::int64_t plan_id) { return plans(store).load(plan_id); }

Plan load_plan(const Store& store, std::int64_t plan_id) {
    auto p = try_load_plan(store, plan_id);
    if (!p) throw plan_not_found(store, plan_id);
    return std::move(*p);
}

std::vector<PlanSummary> list_plans(const Store& store) { return plans(store).plans(); }

std::optional<std::int64_t> try_latest_plan_id(const Store& store) { return plans(store).latest_plan(); }

std::int64_t latest_plan_id(const Store& store) {
    auto id = try_latest_plan_id(store);
    if (!id) throw Error(Status::not_found, "store " + detail::store_path(store) + " holds no plan (import one first)");
    return *id;
}

void set_plan_settings(Store& store, std::int64_t plan_id, const PlanSettings& settings) {
    detail::in_transaction(store, "changing plan settings", [&] {
        Plan p = plan_header(store, plan_id);
        check_settings(settings);
        p.settings = settings;
        plans(store).update_plan(p);
    });
}

void set_report_date(Store& store, std::int64_t plan_id, std::optional<Date> report_date) {
    detail::in_transaction(store, "changing the report date", [&] {
        Plan p = plan_header(store, plan_id);
        p.report_date = report_date;
        plans(store).update_plan(p);
    });
}

void set_inspection(Store& store, std::int64_t plan_id, const std::optional<Inspection>& inspection) {
    if (inspection) check_inspection(*inspection);
    detail::in_transaction(store, "changing the plan's inspection", [&] {
        plan_header(store, plan_id);
        plans(store).set_inspection(plan_id, inspection);
    });
}

// ------------------------------------------------------ recommendations

std::int64_t add_recommendation(Store& store, std::int64_t plan_id, const Recommendation& rec) {
    std::int64_t id = 0;
    detail::in_transaction(store, "adding a recommendation", [&] {
        plan_header(store, plan_id);
        check_recommendation(rec);
        check_unique(store, plan_id, {&rec});
        id = plans(store).add_recommendation(plan_id, rec);
    });
    return id;
}

void update_recommendation(Store& store, std::int64_t plan_id, int number, const RecommendationChange& c) {
    detail::in_transaction(store, "changing a recommendation", [&] {
        Recommendation r = recommendation_of(store, plan_id, number);
        const std::string what = rec_what(number);
        check_utf8_opt(what, "section", c.section);
        check_utf8_opt(what, "text", c.text);
        if (c.text) check_required(what, "text", *c.text);
        check_utf8_opt(what, "lead", c.lead);
        check_utf8_opt(what, "cost", c.cost_text);
        if (c.section) r.section = *c.section;
        if (c.text) r.text = *c.text;
        if (c.lead) r.lead = *c.lead;
        if (c.timescale) r.timescale = *c.timescale;
        if (c.explicit_date) r.explicit_date = *c.explicit_date;
        if (c.cost_text && *c.cost_text != r.cost.text) r.cost = parse_cost(*c.cost_text);
        if (r.timescale == Timescale::by_date && !r.explicit_date)
            throw Error(Status::invalid_arg,
                        "recommendation " + std::to_string(number) + " would have timescale by_date but no date");
        plans(store).update_recommendation(plan_id, r);
    });
}

// -------------------------------------------------------------- actions

std::int64_t add_action(Store& store, std::int64_t plan_id, int recommendation_number, const Action& action) {
    std::int64_t id = 0;
    detail::in_transaction(store, "adding an action", [&] {
        const Recommendation rec = recommendation_of(store, plan_id, recommendation_number);
        check_action(action);
        if (plans(store).find_action(plan_id, action.ref))
            throw Error(Status::conflict,
                        "action " + in_quotes(action.ref) + " already exists in plan " + std::to_string(plan_id));
        id = plans(store).add_action(plan_id, rec.id, action);
    });
    return id;
}

void update_action(Store& store, std::int64_t plan_id, std::string_view ref, const ActionChange& c) {
    detail::in_transaction(store, "changing an action", [&] {
        Action a = action_of(store, plan_id, ref);
        const std::string what = action_what(ref);
        check_utf8_opt(what, "lead", c.lead);
        check_utf8_opt(what, "description", c.description);
        // An export may lose a description (the importer keeps it empty); a change never blanks one.
        if (c.description) check_required(what, "description", *c.description);
        check_utf8_opt(what, "impact_intended", c.impact_intended);
        check_utf8_opt(what, "impact_evidence", c.impact_evidence);
        check_utf8_opt(what, "cost", c.cost_text);
        if (c.status) a.status = *c.status;
        if (c.lead) a.lead = *c.lead;
        if (c.due) a.due = *c.due;
        if (c.description) a.description = *c.description;
        if (c.impact_intended) a.impact_intended = *c.impact_intended;
        if (c.impact_evidence) a.impact_evidence = *c.impact_evidence;
        if (c.cost_text && *c.cost_text != a.cost.text) a.cost = parse_cost(*c.cost_text);
        plans(store).update_action(a);
    });
}

std::int64_t add_progress_update(Store& store, std::int64_t plan_id, std::string_view ref, const ProgressUpdate& u) {
    std::int64_t id = 0;
    detail::in_transaction(store, "adding a progress update", [&] {
        const Action a = action_of(store, plan_id, ref);
        check_progress(u, action_what(ref));
        id = plans(store).add_progress_update(a.id, u);
    });
    return id;
}

std::int64_t add_milestone(Store& store, std::int64_t plan_id, std::string_view ref, const Milestone& m) {
    std::int64_t id = 0;
    detail::in_transaction(store, "adding a milestone", [&] {
        const Action a = action_of(store, plan_id, ref);
        check_milestone(m, action_what(ref));
        id = plans(store).add_milestone(a.id, m);
    });
    return id;
}

void complete_milestone(Store& store, std::int64_t milestone_id, bool done) {
    plans(store).set_milestone_done(milestone_id, done);
}

std::int64_t add_task(Store& store, std::int64_t plan_id, std::string_view ref, const Task& task) {
    std::int64_t id = 0;
    detail::in_transaction(store, "adding a task", [&] {
        const Action a = action_of(store, plan_id, ref);
        check_task(task, action_what(ref));
        id = plans(store).add_task(a.id, task);
    });
    return id;
}

void complete_task(Store& store, std::int64_t task_id, bool done) { plans(store).set_task_done(task_id, done); }

void set_rag_override(Store& store, std::int64_t plan_id, std::string_view ref, const RagOverride& o) {
    detail::in_transaction(store, "setting a RAG override", [&] {
        Action a = action_of(store, plan_id, ref);
        if (o.rag == Rag::none) throw Error(Status::invalid_arg, "a RAG override must be blue, green, amber or red");
        if (detail::trim(o.by).empty()) throw Error(Status::invalid_arg, "a RAG override needs who set it (by)");
        if (detail::trim(o.reason).empty()) throw Error(Status::invalid_arg, "a RAG override needs a reason");
        check_utf8(action_what(ref), "rag_by", o.by);
        detail::checked_name(o.by, "rag_by", detail::kMaxNameBytes);
        check_utf8(action_what(ref), "rag_reason", o.reason);
        a.rag_override = o;
        plans(store).update_action(a);
    });
}

void clear_rag_override(Store& store, std::int64_t plan_id, std::string_view ref) {
    detail::in_transaction(store, "clearing a RAG override", [&] {
        Action a = action_of(store, plan_id, ref);
        if (!a.rag_override)
            throw Error(Status::not_found, "action " + in_quotes(ref) + " has no RAG override to clear");
        a.rag_override.reset();
        plans(store).update_action(a);
    });
}

// --------------------------------------------------------------- people

std::vector<std::string> unlisted_people(const Store& store, std::int64_t plan_id) {
    std::vector<std::string> out;
    for (auto& n : plan_people(load_plan(store, plan_id)))
        if (!try_find_person(store, n)) out.push_back(std::move(n));
    return out;
}

std::vector<ProbableSamePerson> probable_duplicate_people(const Store& store, std::int64_t plan_id) {
    std::set<std::string> names;
    for (auto& n : plan_people(load_plan(store, plan_id))) names.insert(std::move(n));
    for (auto& p : list_people(store)) names.insert(std::move(p.name));
    return probable_same_people(std::vector<std::string>(names.begin(), names.end()));
}

void merge_people(Store& store, std::string_view from_in, std::string_view into_in) {
    // Both checked as a person's name is when stored (`into` may become one),
    // invalid UTF-8 named by its byte first.
    check_utf8("person " + in_quotes(from_in), "name (from)", from_in);
    check_utf8("person " + in_quotes(into_in), "name (into)", into_in);
    const std::string from = detail::checked_name(from_in, "person to merge (from)", detail::kMaxNameBytes);
    const std::string into =
        detail::collapse_spaces(detail::checked_name(into_in, "person to merge into (into)", detail::kMaxNameBytes));
    if (from == into) throw Error(Status::invalid_arg, "cannot merge " + in_quotes(from) + " into itself");
    detail::in_transaction(store, "merging people", [&] {
        const int renamed = plans(store).rename_person(from, into);
        if (!detail::merge_person(store, from, into) && renamed == 0)
            throw Error(Status::not_found, "person " + in_quotes(from) +
                                               " is named nowhere (not a lead, task owner or directory entry)");
    });
}

// ----------------------------------------------------------------- JSON

std::string plan_list_to_json(const std::vector<PlanSummary>& plans) {
    ojson list = ojson::array();
    for (const PlanSummary& p : plans)
        list.push_back({{"id", p.id},
                        {"title", p.title},
                        {"authority", p.authority},
                        {"report_date", p.report_date ? ojson(p.report_date->iso()) : ojson()},
                        {"recommendations", p.recommendations},
                        {"actions", p.actions}});
    ojson doc = {{"format", "oversight-plan-list"}, {"version", 1}, {"plans", std::move(list)}};
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

std::string plan_people_to_json(std::int64_t plan_id, const std::vector<std::string>& unlisted,
                                const std::vector<ProbableSamePerson>& probable_duplicates) {
    ojson pairs = ojson::array();
    for (const ProbableSamePerson& d : probable_duplicates)
        pairs.push_back({{"a", d.a}, {"b", d.b}, {"similarity", d.similarity}, {"reason", d.reason}});
    ojson doc = {{"format", "oversight-plan-people"},
                 {"version", 1},
                 {"plan_id", plan_id},
                 {"unlisted", unlisted},
                 {"probable_duplicates", std::move(pairs)}};
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}


}  // namespace oversight
