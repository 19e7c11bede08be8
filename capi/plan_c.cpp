// The improvement plan in the C ABI: translation only (argument checks, then
// lib/ calls, then C types). See capi/oversight_plan.h.
#include "capi_util.hpp"

#include <oversight/import/seed_plan.hpp>
#include <oversight/import/plan_file.hpp>
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/person.hpp>
#include <oversight/plan/plan.hpp>
#include <oversight/plan/plan_store.hpp>
#include <oversight/plan/rag.hpp>
#include <oversight/report/report.hpp>
#include <oversight/store/store.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

using namespace oversight;
using namespace oversight::capi;

struct oversight_action_iter {
    struct Row {
        std::string ref, description, lead, status, rag, rag_reason;
        int32_t recommendation = 0;
        std::optional<Date> due;
    };
    std::vector<Row> rows;
    std::size_t next = 0;                  // index of the row next() moves to
    const Row* current = nullptr;          // NULL before the first and after the last
};

namespace {

Store& store_of(oversight_store* s) { return need(s, "store")->store; }
const Store& store_of(const oversight_store* s) { return need(s, "store")->store; }

std::optional<Date> opt_date(const oversight_date* d, const char* what) {
    if (!d) return std::nullopt;
    return to_date(*d, what);
}

/// Sets *out to 0 first so that a failure never leaves a stale id.
int64_t* id_out(int64_t* out, const char* what) {
    need(out, what);
    *out = 0;
    return out;
}

char** string_out(char** out) {
    need(out, "out");
    *out = nullptr;
    return out;
}

std::string json_dump(const nlohmann::json& j) { return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace); }

const char* row_text(const oversight_action_iter* it, std::string oversight_action_iter::Row::*field) noexcept {
    if (!it || !it->current) return "";
    return (it->current->*field).c_str();
}

}  // namespace

extern "C" {

// ------------------------------------------------------- import and export

oversight_status oversight_plan_import_seed(oversight_store* store, const char* path,
                                            const oversight_date* report_date, const char* title,
                                            const char* authority, int64_t* out_plan_id,
                                            char** out_warnings) noexcept {
    return guard([&] {
        if (out_warnings) *out_warnings = nullptr;
        id_out(out_plan_id, "out_plan_id");
        Store& s = store_of(store);
        SeedImportOptions options;
        options.report_date = opt_date(report_date, "report_date");
        if (auto t = opt_text_arg(title, "title")) options.title = *t;
        if (auto a = opt_text_arg(authority, "authority")) options.authority = *a;
        std::string file = text_arg(path, "path");
        ImportResult result = import_seed_plan_file(file, options);
        nlohmann::json warnings = nlohmann::json::array();
        for (const auto& w : result.summary.issues) warnings.push_back({{"line", w.line}, {"message", w.message}});
        std::string text = json_dump(warnings);  // before saving: nothing can fail after the save
        char* owned_warnings = out_warnings ? owned(text) : nullptr;
        try {
            *out_plan_id = save_plan(s, result.plan);
        } catch (...) {
            oversight_free(owned_warnings);
            throw;
        }
        if (out_warnings) *out_warnings = owned_warnings;
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_plan_import_json(oversight_store* store, const char* json, int64_t* out_plan_id) noexcept {
    return guard([&] {
        id_out(out_plan_id, "out_plan_id");
        Store& s = store_of(store);
        *out_plan_id = save_plan(s, plan_from_json(text_arg(json, "json")));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_plan_import_csv(oversight_store* store, const char* csv, int64_t* out_plan_id) noexcept {
    return guard([&] {
        id_out(out_plan_id, "out_plan_id");
        Store& s = store_of(store);
        *out_plan_id = save_plan(s, plan_from_csv(text_arg(csv, "csv")));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_plan_export_json(const oversight_store* store, int64_t plan_id, char** out) noexcept {
    return guard([&] {
        string_out(out);
        return give(out, plan_to_json(load_plan(store_of(store), plan_id)));
    });
}

oversight_status oversight_plan_export_csv(const oversight_store* store, int64_t plan_id, char** out) noexcept {
    return guard([&] {
        string_out(out);
        return give(out, plan_to_csv(load_plan(store_of(store), plan_id)));
    });
}

// -------------------------------------------------------------- plans

oversight_status oversight_plan_create(oversight_store* store, const char* title, const char* authority,
                                       const oversight_date* report_date, int64_t* out_plan_id) noexcept {
    return guard([&] {
        id_out(out_plan_id, "out_plan_id");
        Store& s = store_of(store);
        Plan plan;
        plan.title = text_arg(title, "title");
        plan.authority = opt_text_arg(authority, "authority").value_or("");
        plan.report_date = opt_date(report_date, "report_date");
        *out_plan_id = save_plan(s, plan);
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_plan_latest(const oversight_store* store, int64_t* out_plan_id) noexcept {
    return guard([&] {
        id_out(out_plan_id, "out_plan_id");
        *out_plan_id = latest_plan_id(store_of(store));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_plan_list_json(const oversight_store* store, char** out) noexcept {
    return guard([&] {
        string_out(out);
        nlohmann::json list = nlohmann::json::array();
        for (const auto& p : list_plans(store_of(store))) {
            list.push_back({{"id", p.id},
                            {"title", p.title},
                            {"authority", p.authority},
                            {"report_date", p.report_date ? nlohmann::json(p.report_date->iso()) : nlohmann::json()},
                            {"recommendations", p.recommendations},
                            {"actions", p.actions}});
        }
        return give(out, json_dump(list));
    });
}

oversight_status oversight_plan_set_settings(oversight_store* store, int64_t plan_id, int32_t immediately_days,
                                             int32_t due_soon_days, int32_t stale_update_days) noexcept {
    return guard([&] {
        PlanSettings settings;
        settings.immediately_days = immediately_days;
        settings.due_soon_days = due_soon_days;
        settings.stale_update_days = stale_update_days;
        set_plan_settings(store_of(store), plan_id, settings);
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

// ---------------------------------------------------- recommendations

oversight_status oversight_plan_add_recommendation(oversight_store* store, int64_t plan_id, int32_t number,
                                                   const char* section, const char* text, const char* timescale,
                                                   const oversight_date* explicit_date, const char* lead,
                                                   const char* cost, int64_t* out_id) noexcept {
    return guard([&] {
        id_out(out_id, "out_id");
        Store& s = store_of(store);
        Recommendation r;
        r.number = number;
        r.section = text_arg(section, "section");
        r.text = text_arg(text, "text");
        r.timescale = parse_timescale(text_arg(timescale, "timescale"));
        r.explicit_date = opt_date(explicit_date, "explicit_date");
        r.lead = opt_text_arg(lead, "lead").value_or("");
        r.cost = parse_cost(opt_text_arg(cost, "cost").value_or(""));
        *out_id = add_recommendation(s, plan_id, r);
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_plan_set_recommendation_text(oversight_store* store, int64_t plan_id, int32_t number,
                                                        const char* field, const char* value) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        std::string f = text_arg(field, "field");
        std::string v = text_arg(value, "value");
        RecommendationChange c;
        if (f == "section") c.section = v;
        else if (f == "text") c.text = v;
        else if (f == "lead") c.lead = v;
        else if (f == "cost") c.cost_text = v;
        else throw Error(Status::invalid_arg, "unknown recommendation field \"" + f + "\" (section, text, lead, cost)");
        update_recommendation(s, plan_id, number, c);
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_plan_set_recommendation_timescale(oversight_store* store, int64_t plan_id, int32_t number,
                                                             const char* timescale,
                                                             const oversight_date* explicit_date) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        RecommendationChange c;
        c.timescale = parse_timescale(text_arg(timescale, "timescale"));
        c.explicit_date = opt_date(explicit_date, "explicit_date");
        update_recommendation(s, plan_id, number, c);
        return OVERSIGHT_OK;
    });
}

// ------------------------------------------------------------ actions

oversight_status oversight_plan_add_action(oversight_store* store, int64_t plan_id, int32_t recommendation_number,
                                           const char* ref, const char* description, const char* lead,
                                           const char* status, const oversight_date* due, const char* impact,
                                           const char* cost, int64_t* out_id) noexcept {
    return guard([&] {
        id_out(out_id, "out_id");
        Store& s = store_of(store);
        Action a;
        a.ref = text_arg(ref, "ref");
        a.description = text_arg(description, "description");
        a.lead = opt_text_arg(lead, "lead").value_or("");
        if (auto st = opt_text_arg(status, "status")) a.status = parse_action_status(*st);
        a.due = opt_date(due, "due");
        a.impact_intended = opt_text_arg(impact, "impact").value_or("");
        a.cost = parse_cost(opt_text_arg(cost, "cost").value_or(""));
        *out_id = add_action(s, plan_id, recommendation_number, a);
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_plan_set_action_status(oversight_store* store, int64_t plan_id, const char* ref,
                                                  const char* status) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        std::string r = text_arg(ref, "ref");
        ActionChange c;
        c.status = parse_action_status(text_arg(status, "status"));
        update_action(s, plan_id, r, c);
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_plan_set_action_due(oversight_store* store, int64_t plan_id, const char* ref,
                                               const oversight_date* due) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        std::string r = text_arg(ref, "ref");
        ActionChange c;
        c.due = opt_date(due, "due");
        update_action(s, plan_id, r, c);
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_plan_set_action_text(oversight_store* store, int64_t plan_id, const char* ref,
                                                const char* field, const char* value) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        std::string r = text_arg(ref, "ref");
        std::string f = text_arg(field, "field");
        std::string v = text_arg(value, "value");
        ActionChange c;
        if (f == "lead") c.lead = v;
        else if (f == "description") c.description = v;
        else if (f == "impact_intended") c.impact_intended = v;
        else if (f == "impact_evidence") c.impact_evidence = v;
        else if (f == "cost") c.cost_text = v;
        else
            throw Error(Status::invalid_arg, "unknown action field \"" + f +
                                                 "\" (lead, description, impact_intended, impact_evidence, cost)");
        update_action(s, plan_id, r, c);
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_plan_add_progress(oversight_store* store, int64_t plan_id, const char* ref,
                                             oversight_date date, const char* author, const char* text,
                                             int64_t* out_id) noexcept {
    return guard([&] {
        id_out(out_id, "out_id");
        Store& s = store_of(store);
        std::string r = text_arg(ref, "ref");
        ProgressUpdate u;
        u.date = to_date(date, "date");
        u.author = opt_text_arg(author, "author").value_or("");
        u.text = text_arg(text, "text");
        *out_id = add_progress_update(s, plan_id, r, u);
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_plan_add_milestone(oversight_store* store, int64_t plan_id, const char* ref,
                                              oversight_date date, const char* text, int64_t* out_id) noexcept {
    return guard([&] {
        id_out(out_id, "out_id");
        Store& s = store_of(store);
        std::string r = text_arg(ref, "ref");
        Milestone m;
        m.date = to_date(date, "date");
        m.text = text_arg(text, "text");
        *out_id = add_milestone(s, plan_id, r, m);
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_plan_complete_milestone(oversight_store* store, int64_t milestone_id,
                                                   int32_t done) noexcept {
    return guard([&] {
        complete_milestone(store_of(store), milestone_id, done != 0);
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_plan_add_task(oversight_store* store, int64_t plan_id, const char* ref, const char* text,
                                         const char* owner, const oversight_date* due, int64_t* out_id) noexcept {
    return guard([&] {
        id_out(out_id, "out_id");
        Store& s = store_of(store);
        std::string r = text_arg(ref, "ref");
        Task t;
        t.text = text_arg(text, "text");
        t.owner = opt_text_arg(owner, "owner").value_or("");
        t.due = opt_date(due, "due");
        *out_id = add_task(s, plan_id, r, t);
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_plan_complete_task(oversight_store* store, int64_t task_id, int32_t done) noexcept {
    return guard([&] {
        complete_task(store_of(store), task_id, done != 0);
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_plan_set_rag(oversight_store* store, int64_t plan_id, const char* ref, const char* rag,
                                        const char* by, const char* reason, oversight_date set_on) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        std::string r = text_arg(ref, "ref");
        RagOverride o;
        o.rag = parse_rag(text_arg(rag, "rag"));
        o.by = text_arg(by, "by");
        o.reason = text_arg(reason, "reason");
        o.set_on = to_date(set_on, "set_on");
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

// ------------------------------------------------------------- people

oversight_status oversight_plan_add_person(oversight_store* store, const char* name, const char* role,
                                           const char* email, const char* team, int64_t* out_id) noexcept {
    return guard([&] {
        id_out(out_id, "out_id");
        Store& s = store_of(store);
        Person p;
        p.name = text_arg(name, "name");
        p.job_title = opt_text_arg(role, "role").value_or("");
        p.email = opt_text_arg(email, "email").value_or("");
        *out_id = add_person(s, p, opt_text_arg(team, "team").value_or(""));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_plan_people_json(const oversight_store* store, int64_t plan_id, char** out) noexcept {
    return guard([&] {
        string_out(out);
        const Store& s = store_of(store);
        nlohmann::json directory = nlohmann::json::array();
        for (const auto& p : list_people(s)) {
            // "role" is the job title; "team", that of today's appointment.
            const auto now = appointment_on(s, p.name, Date::today());
            directory.push_back({{"id", p.id},
                                 {"name", p.name},
                                 {"role", p.job_title},
                                 {"email", p.email},
                                 {"team", now ? now->team : ""}});
        }
        nlohmann::json duplicates = nlohmann::json::array();
        for (const auto& d : probable_duplicate_people(s, plan_id))
            duplicates.push_back({{"a", d.a}, {"b", d.b}, {"similarity", d.similarity}, {"reason", d.reason}});
        nlohmann::json doc = {{"directory", directory},
                              {"unlisted", unlisted_people(s, plan_id)},
                              {"probable_duplicates", duplicates}};
        return give(out, json_dump(doc));
    });
}

oversight_status oversight_plan_merge_people(oversight_store* store, const char* from, const char* into) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        merge_people(s, text_arg(from, "from"), text_arg(into, "into"));
        return OVERSIGHT_OK;
    });
}

// ------------------------------------------------------------ reports

namespace {
/// Both report functions; `within_days` empty: the plan's due_soon_days.
oversight_status report(const oversight_store* store, int64_t plan_id, const char* kind, const char* format,
                        oversight_date as_of, std::optional<int32_t> within_days, char** out) noexcept {
    return guard([&] {
        string_out(out);
        const Store& s = store_of(store);
        ReportOptions options;
        options.kind = parse_report_kind(text_arg(kind, "kind"));
        options.format = parse_report_format(text_arg(format, "format"));
        options.as_of = to_date(as_of, "as_of");
        if (within_days && (*within_days < 0 || *within_days > 3650))
            throw Error(Status::invalid_arg, "within_days must be 0..3650, not " + std::to_string(*within_days));
        if (within_days) options.within_days = *within_days;
        return give(out, render_report(load_plan(s, plan_id), options));
    });
}
}  // namespace

oversight_status oversight_plan_report_within(const oversight_store* store, int64_t plan_id, const char* kind,
                                              const char* format, oversight_date as_of, int32_t within_days,
                                              char** out) noexcept {
    return report(store, plan_id, kind, format, as_of, within_days, out);
}

oversight_status oversight_plan_report(const oversight_store* store, int64_t plan_id, const char* kind,
                                       const char* format, oversight_date as_of, char** out) noexcept {
    return report(store, plan_id, kind, format, as_of, std::nullopt, out);
}

// ---------------------------------------------------- action iterator

oversight_status oversight_action_iter_open(oversight_action_iter** out, const oversight_store* store,
                                            int64_t plan_id, oversight_date as_of) noexcept {
    return guard([&] {
        need(out, "out");
        *out = nullptr;
        const Store& s = store_of(store);
        Date when = to_date(as_of, "as_of");
        Plan plan = load_plan(s, plan_id);
        auto it = std::make_unique<oversight_action_iter>();
        for (const auto& rec : plan.recommendations) {
            for (const auto& a : rec.actions) {
                RagResult rag = action_rag(plan, rec, a, when);
                oversight_action_iter::Row row;
                row.ref = a.ref;
                row.description = a.description;
                row.lead = a.lead;
                row.status = std::string(to_string(a.status));
                row.rag = std::string(to_string(rag.rag));
                row.rag_reason = rag.reason;
                row.recommendation = rec.number;
                row.due = due_date(plan, rec, a);
                it->rows.push_back(std::move(row));
            }
        }
        *out = it.release();
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_action_iter_next(oversight_action_iter* iter, int32_t* out_has_action) noexcept {
    return guard([&] {
        need(out_has_action, "out_has_action");
        *out_has_action = 0;
        need(iter, "iter");
        if (iter->next < iter->rows.size()) {
            iter->current = &iter->rows[iter->next++];
            *out_has_action = 1;
        } else {
            iter->current = nullptr;
        }
        return OVERSIGHT_OK;
    });
}

const char* oversight_action_iter_ref(const oversight_action_iter* iter) noexcept {
    return row_text(iter, &oversight_action_iter::Row::ref);
}
const char* oversight_action_iter_description(const oversight_action_iter* iter) noexcept {
    return row_text(iter, &oversight_action_iter::Row::description);
}
const char* oversight_action_iter_lead(const oversight_action_iter* iter) noexcept {
    return row_text(iter, &oversight_action_iter::Row::lead);
}
const char* oversight_action_iter_status(const oversight_action_iter* iter) noexcept {
    return row_text(iter, &oversight_action_iter::Row::status);
}
const char* oversight_action_iter_rag(const oversight_action_iter* iter) noexcept {
    return row_text(iter, &oversight_action_iter::Row::rag);
}
const char* oversight_action_iter_rag_reason(const oversight_action_iter* iter) noexcept {
    return row_text(iter, &oversight_action_iter::Row::rag_reason);
}
int32_t oversight_action_iter_recommendation(const oversight_action_iter* iter) noexcept {
    return iter && iter->current ? iter->current->recommendation : 0;
}

oversight_status oversight_action_iter_due(const oversight_action_iter* iter, oversight_date* out_due,
                                           int32_t* out_has_due) noexcept {
    return guard([&] {
        if (out_due) *out_due = oversight_date{0, 0, 0};
        if (out_has_due) *out_has_due = 0;
        need(out_due, "out_due");
        need(out_has_due, "out_has_due");
        need(iter, "iter");
        if (!iter->current)
            throw Error(Status::invalid_arg, "the action iterator is not on an action (call oversight_action_iter_next)");
        if (iter->current->due) {
            *out_due = from_date(*iter->current->due);
            *out_has_due = 1;
        }
        return OVERSIGHT_OK;
    });
}

void oversight_action_iter_free(oversight_action_iter* iter) noexcept { delete iter; }

}  // extern "C"
