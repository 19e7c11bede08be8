// <oversight/c/plan.h>: argument checks, then lib/ calls (lib/plan/), then C
// types.
#include "capi_util.hpp"

#include <oversight/import/plan_file.hpp>
#include <oversight/plan/cost.hpp>
#include <oversight/plan/inspection.hpp>
#include <oversight/plan/plan.hpp>
#include <oversight/plan/plan_store.hpp>

using namespace oversight;
using namespace oversight::capi;

namespace {

const oversight_plan_settings kSettingsDefaults = OVERSIGHT_PLAN_SETTINGS_INIT;
const oversight_plan_recommendation kRecommendationDefaults = OVERSIGHT_PLAN_RECOMMENDATION_INIT;
const oversight_plan_recommendation_change kRecommendationChangeDefaults = OVERSIGHT_PLAN_RECOMMENDATION_CHANGE_INIT;
const oversight_plan_action kActionDefaults = OVERSIGHT_PLAN_ACTION_INIT;
const oversight_plan_action_change kActionChangeDefaults = OVERSIGHT_PLAN_ACTION_CHANGE_INIT;
const oversight_plan_progress kProgressDefaults = OVERSIGHT_PLAN_PROGRESS_INIT;
const oversight_plan_task kTaskDefaults = OVERSIGHT_PLAN_TASK_INIT;
const oversight_plan_rag_override kRagDefaults = OVERSIGHT_PLAN_RAG_OVERRIDE_INIT;
const oversight_plan_inspection kInspectionDefaults = OVERSIGHT_PLAN_INSPECTION_INIT;

bool flag(int32_t v, const char* what) {
    if (v != 0 && v != 1) throw Error(Status::invalid_arg, std::string(what) + " must be 0 or 1");
    return v == 1;
}

/// A change to an optional date: a new date, "clear" ({nullopt}) or none.
std::optional<std::optional<Date>> date_change(const oversight_date* date, int32_t clear, const char* what,
                                               const char* clear_what) {
    if (date && clear)
        throw Error(Status::invalid_arg, std::string(what) + " and " + clear_what + " are both set");
    if (clear) return std::optional<Date>{};
    if (date) return std::optional<Date>{to_date(*date, what)};
    return std::nullopt;
}

Recommendation recommendation_of(const oversight_plan_recommendation& c) {
    Recommendation r;
    r.number = c.number;
    r.section = opt_text_arg(c.section, "section").value_or("");
    r.text = text_arg(c.text, "text");
    r.timescale = parse_timescale(text_arg(c.timescale, "timescale"));
    r.explicit_date = opt_date(c.explicit_date, "explicit_date");
    r.lead = opt_text_arg(c.lead, "lead").value_or("");
    r.cost = parse_cost(opt_text_arg(c.cost, "cost").value_or(""));
    return r;
}

RecommendationChange recommendation_change_of(const oversight_plan_recommendation_change& c) {
    RecommendationChange r;
    r.section = opt_text_arg(c.section, "section");
    r.text = opt_text_arg(c.text, "text");
    if (auto t = opt_text_arg(c.timescale, "timescale")) r.timescale = parse_timescale(*t);
    r.explicit_date = date_change(c.explicit_date, c.clear_explicit_date, "explicit_date", "clear_explicit_date");
    r.lead = opt_text_arg(c.lead, "lead");
    r.cost_text = opt_text_arg(c.cost, "cost");
    return r;
}

Action action_of(const oversight_plan_action& c) {
    Action a;
    a.ref = text_arg(c.ref, "ref");
    a.description = text_arg(c.description, "description");
    a.lead = opt_text_arg(c.lead, "lead").value_or("");
    if (auto st = opt_text_arg(c.status, "status")) a.status = parse_action_status(*st);
    a.due = opt_date(c.due, "due");
    a.impact_intended = opt_text_arg(c.impact_intended, "impact_intended").value_or("");
    a.impact_evidence = opt_text_arg(c.impact_evidence, "impact_evidence").value_or("");
    a.cost = parse_cost(opt_text_arg(c.cost, "cost").value_or(""));
    return a;
}

ActionChange action_change_of(const oversight_plan_action_change& c) {
    ActionChange a;
    if (auto st = opt_text_arg(c.status, "status")) a.status = parse_action_status(*st);
    a.description = opt_text_arg(c.description, "description");
    a.lead = opt_text_arg(c.lead, "lead");
    a.due = date_change(c.due, c.clear_due, "due", "clear_due");
    a.impact_intended = opt_text_arg(c.impact_intended, "impact_intended");
    a.impact_evidence = opt_text_arg(c.impact_evidence, "impact_evidence");
    a.cost_text = opt_text_arg(c.cost, "cost");
    return a;
}

}  // namespace

extern "C" {

// ------------------------------------------------------------------- plans

oversight_status oversight_plan_create(oversight_store* store, const char* title, const char* authority,
                                       const oversight_date* report_date, int64_t* out_plan_id) noexcept {
    return guard(
        [&] {
            need(out_plan_id, "out_plan_id");
            Store& s = store_of(store);
            Plan plan;
            plan.title = text_arg(title, "title");
            plan.authority = opt_text_arg(authority, "authority").value_or("");
            plan.report_date = opt_date(report_date, "report_date");
            *out_plan_id = save_plan(s, plan);
            return OVERSIGHT_OK;
        },
        out_plan_id);
}

oversight_status oversight_plan_latest(const oversight_store* store, int64_t* out_plan_id) noexcept {
    return guard(
        [&] {
            need(out_plan_id, "out_plan_id");
            *out_plan_id = latest_plan_id(store_of(store));
            return OVERSIGHT_OK;
        },
        out_plan_id);
}

oversight_status oversight_plan_list_json(const oversight_store* store, char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            return give(out, plan_list_to_json(list_plans(store_of(store))));
        },
        out);
}

oversight_status oversight_plan_settings_init(oversight_plan_settings* opts, uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_PLAN_SETTINGS_VERSION, kSettingsDefaults, "oversight_plan_settings");
}

oversight_status oversight_plan_set_settings(oversight_store* store, int64_t plan_id,
                                             const oversight_plan_settings* settings) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        const auto& c = need_struct(settings, OVERSIGHT_PLAN_SETTINGS_VERSION, "settings", "oversight_plan_settings");
        PlanSettings p;
        p.immediately_days = c.immediately_days;
        p.due_soon_days = c.due_soon_days;
        p.stale_update_days = c.stale_update_days;
        set_plan_settings(s, plan_id, p);
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_plan_set_report_date(oversight_store* store, int64_t plan_id,
                                                const oversight_date* report_date) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        set_report_date(s, plan_id, opt_date(report_date, "report_date"));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_plan_export_json(const oversight_store* store, int64_t plan_id, char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            return give(out, plan_to_json(load_plan(store_of(store), plan_id)));
        },
        out);
}

oversight_status oversight_plan_export_csv(const oversight_store* store, int64_t plan_id, char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            return give(out, plan_to_csv(load_plan(store_of(store), plan_id)));
        },
        out);
}

// -------------------------------------------------------- recommendations

oversight_status oversight_plan_recommendation_init(oversight_plan_recommendation* opts, uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_PLAN_RECOMMENDATION_VERSION, kRecommendationDefaults,
                       "oversight_plan_recommendation");
}

oversight_status oversight_plan_add_recommendation(oversight_store* store, int64_t plan_id,
                                                   const oversight_plan_recommendation* recommendation,
                                                   int64_t* out_id) noexcept {
    return guard(
        [&] {
            need(out_id, "out_id");
            Store& s = store_of(store);
            const auto& c = need_struct(recommendation, OVERSIGHT_PLAN_RECOMMENDATION_VERSION, "recommendation",
                                        "oversight_plan_recommendation");
            *out_id = add_recommendation(s, plan_id, recommendation_of(c));
            return OVERSIGHT_OK;
        },
        out_id);
}

oversight_status oversight_plan_recommendation_change_init(oversight_plan_recommendation_change* opts,
                                                           uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_PLAN_RECOMMENDATION_CHANGE_VERSION, kRecommendationChangeDefaults,
                       "oversight_plan_recommendation_change");
}

oversight_status oversight_plan_update_recommendation(oversight_store* store, int64_t plan_id, int32_t number,
                                                      const oversight_plan_recommendation_change* change) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        const auto& c = need_struct(change, OVERSIGHT_PLAN_RECOMMENDATION_CHANGE_VERSION, "change",
                                    "oversight_plan_recommendation_change");
        update_recommendation(s, plan_id, number, recommendation_change_of(c));
        return OVERSIGHT_OK;
    });
}

// ----------------------------------------------------------------- actions

oversight_status oversight_plan_action_init(oversight_plan_action* opts, uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_PLAN_ACTION_VERSION, kActionDefaults, "oversight_plan_action");
}

oversight_status oversight_plan_add_action(oversight_store* store, int64_t plan_id, int32_t recommendation_number,
                                           const oversight_plan_action* action, int64_t* out_id) noexcept {
    return guard(
        [&] {
            need(out_id, "out_id");
            Store& s = store_of(store);
            const auto& c = need_struct(action, OVERSIGHT_PLAN_ACTION_VERSION, "action", "oversight_plan_action");
            *out_id = add_action(s, plan_id, recommendation_number, action_of(c));
            return OVERSIGHT_OK;
        },
        out_id);
}

oversight_status oversight_plan_action_change_init(oversight_plan_action_change* opts, uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_PLAN_ACTION_CHANGE_VERSION, kActionChangeDefaults,
                       "oversight_plan_action_change");
}

oversight_status oversight_plan_update_action(oversight_store* store, int64_t plan_id, const char* ref,
                                              const oversight_plan_action_change* change) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        const std::string r = text_arg(ref, "ref");
        const auto& c =
            need_struct(change, OVERSIGHT_PLAN_ACTION_CHANGE_VERSION, "change", "oversight_plan_action_change");
        update_action(s, plan_id, r, action_change_of(c));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_plan_progress_init(oversight_plan_progress* opts, uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_PLAN_PROGRESS_VERSION, kProgressDefaults, "oversight_plan_progress");
}

oversight_status oversight_plan_add_progress(oversight_store* store, int64_t plan_id, const char* ref,
                                             const oversight_plan_progress* progress, int64_t* out_id) noexcept {
    return guard(
        [&] {
            need(out_id, "out_id");
            Store& s = store_of(store);
            const std::string r = text_arg(ref, "ref");
            const auto& c =
                need_struct(progress, OVERSIGHT_PLAN_PROGRESS_VERSION, "progress", "oversight_plan_progress");
            ProgressUpdate u;
            u.date = to_date(c.date, "date");
            u.author = opt_text_arg(c.author, "author").value_or("");
            u.text = text_arg(c.text, "text");
            *out_id = add_progress_update(s, plan_id, r, u);
            return OVERSIGHT_OK;
        },
        out_id);
}

oversight_status oversight_plan_add_milestone(oversight_store* store, int64_t plan_id, const char* ref,
                                              oversight_date date, const char* text, int64_t* out_id) noexcept {
    return guard(
        [&] {
            need(out_id, "out_id");
            Store& s = store_of(store);
            const std::string r = text_arg(ref, "ref");
            Milestone m;
            m.date = to_date(date, "date");
            m.text = text_arg(text, "text");
            *out_id = add_milestone(s, plan_id, r, m);
            return OVERSIGHT_OK;
        },
        out_id);
}

oversight_status oversight_plan_complete_milestone(oversight_store* store, int64_t milestone_id,
                                                   int32_t done) noexcept {
    return guard([&] {
        complete_milestone(store_of(store), milestone_id, done != 0);
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_plan_task_init(oversight_plan_task* opts, uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_PLAN_TASK_VERSION, kTaskDefaults, "oversight_plan_task");
}

oversight_status oversight_plan_add_task(oversight_store* store, int64_t plan_id, const char* ref,
                                         const oversight_plan_task* task, int64_t* out_id) noexcept {
    return guard(
        [&] {
            need(out_id, "out_id");
            Store& s = store_of(store);
            const std::string r = text_arg(ref, "ref");
            const auto& c = need_struct(task, OVERSIGHT_PLAN_TASK_VERSION, "task", "oversight_plan_task");
            Task t;
            t.text = text_arg(c.text, "text");
            t.owner = opt_text_arg(c.owner, "owner").value_or("");
            t.due = opt_date(c.due, "due");
            *out_id = add_task(s, plan_id, r, t);
            return OVERSIGHT_OK;
        },
        out_id);
}

oversight_status oversight_plan_complete_task(oversight_store* store, int64_t task_id, int32_t done) noexcept {
    return guard([&] {
        complete_task(store_of(store), task_id, done != 0);
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_plan_rag_override_init(oversight_plan_rag_override* opts, uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_PLAN_RAG_OVERRIDE_VERSION, kRagDefaults, "oversight_plan_rag_override");
}

oversight_status oversight_plan_set_rag(oversight_store* store, int64_t plan_id, const char* ref,
                                        const oversight_plan_rag_override* rag) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        const std::string r = text_arg(ref, "ref");
        const auto& c = need_struct(rag, OVERSIGHT_PLAN_RAG_OVERRIDE_VERSION, "rag", "oversight_plan_rag_override");
        RagOverride o;
        o.rag = parse_rag(text_arg(c.rag, "rag"));
        o.by = text_arg(c.by, "by");
        o.reason = text_arg(c.reason, "reason");
        o.set_on = to_date(c.set_on, "set_on");
        set_rag_override(s, plan_id, r, o);
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_plan_clear_rag(oversight_store* store, int64_t plan_id, const char* ref) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        clear_rag_override(s, plan_id, text_arg(ref, "ref"));
        return OVERSIGHT_OK;
    });
}

// ------------------------------------------------------------------ people

oversight_status oversight_plan_people_json(const oversight_store* store, int64_t plan_id, char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const Store& s = store_of(store);
            return give(out, plan_people_to_json(plan_id, unlisted_people(s, plan_id),
                                                 probable_duplicate_people(s, plan_id)));
        },
        out);
}

}  // extern "C"

oversight_status oversight_plan_inspection_init(oversight_plan_inspection* opts, uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_PLAN_INSPECTION_VERSION, kInspectionDefaults,
                       "oversight_plan_inspection");
}

oversight_status oversight_plan_set_inspection(oversight_store* store, int64_t plan_id,
                                               const oversight_plan_inspection* inspection) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        std::optional<Inspection> in;
        if (inspection) {
            const auto& c = known_version(*inspection, OVERSIGHT_PLAN_INSPECTION_VERSION, "oversight_plan_inspection");
            Inspection i;
            i.kind = parse_inspection_kind(text_arg(c.kind, "kind"));
            i.letter = to_date(c.letter, "letter");
            i.ended = opt_date(c.ended, "ended");
            i.priority_actions = flag(c.priority_actions, "priority_actions");
            i.monitored = flag(c.monitored, "monitored");
            i.draft_submitted = opt_date(c.draft_submitted, "draft_submitted");
            i.plan_submitted = opt_date(c.plan_submitted, "plan_submitted");
            i.owner = opt_text_arg(c.owner, "owner").value_or("");
            in = std::move(i);
        }
        set_inspection(s, plan_id, in);
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_plan_inspection_clocks_json(const oversight_store* store, int64_t plan_id,
                                                       const oversight_calendar* calendar, const oversight_date* as_of,
                                                       char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const Store& s = store_of(store);
            const Calendar& cal = calendar_or_default(calendar);
            const Date day = date_or_today(as_of, "as_of");
            const Plan plan = load_plan(s, plan_id);
            return give(out, inspection_clocks_to_json(plan.id, plan.inspection, inspection_clocks(plan, cal, day),
                                                       day));
        },
        out);
}
