// The improvement plan in the Store: schema v2 and the plan_store.hpp API.
//
// Every mutation runs in detail::write (one transaction) and appends one
// history row per created entity (field "*") or per changed field (old and
// new value as text: ISO dates, canonical enum names, cost text verbatim).
// Every value is a bound parameter; nothing is concatenated into SQL.
#include <oversight/plan/plan_store.hpp>

#include <oversight/plan/cost.hpp>
#include <oversight/core/error.hpp>

#include "store/db.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace oversight {
namespace {

using detail::record_change;
using detail::StoreImpl;
using Opt = std::optional<std::string>;

SQLite::Database& db(Store& s) { return detail::impl(s).db; }
// Reads on a const Store still need a non-const connection (SQLiteCpp
// statements take Database&); they never write.
SQLite::Database& db(const Store& s) { return const_cast<StoreImpl&>(detail::impl(s)).db; }

// ------------------------------------------------------------- binding

void bind_opt(SQLite::Statement& q, int i, const std::optional<Date>& d) {
    if (d) q.bind(i, d->iso()); else q.bind(i);
}
void bind_opt(SQLite::Statement& q, int i, const std::optional<std::int64_t>& v) {
    if (v) q.bind(i, static_cast<std::int64_t>(*v)); else q.bind(i);
}
std::optional<Date> date_col(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return Date::parse_iso(c.getString());
}
std::optional<std::int64_t> int_col(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return c.getInt64();
}
Opt iso(const std::optional<Date>& d) { return d ? Opt(d->iso()) : std::nullopt; }

constexpr const char* kCostColumns =
    "cost_text, cost_kind, cost_amount_pence, cost_high_pence, cost_approximate, cost_period, "
    "cost_per_unit, cost_alternative, cost_note";

/// Binds the nine cost columns from index `i`.
void bind_cost(SQLite::Statement& q, int i, const Cost& c) {
    q.bind(i, c.text);
    q.bind(i + 1, std::string(to_string(c.kind)));
    bind_opt(q, i + 2, c.amount_pence);
    bind_opt(q, i + 3, c.high_pence);
    q.bind(i + 4, c.approximate ? 1 : 0);
    q.bind(i + 5, std::string(to_string(c.period)));
    q.bind(i + 6, c.per_unit);
    q.bind(i + 7, c.alternative);
    q.bind(i + 8, c.note);
}

/// Reads the nine cost columns from index `i`.
Cost cost_cols(SQLite::Statement& q, int i) {
    Cost c;
    c.text = q.getColumn(i).getString();
    c.kind = parse_cost_kind(q.getColumn(i + 1).getString());
    c.amount_pence = int_col(q.getColumn(i + 2));
    c.high_pence = int_col(q.getColumn(i + 3));
    c.approximate = q.getColumn(i + 4).getInt() != 0;
    c.period = parse_cost_period(q.getColumn(i + 5).getString());
    c.per_unit = q.getColumn(i + 6).getString();
    c.alternative = q.getColumn(i + 7).getString();
    c.note = q.getColumn(i + 8).getString();
    return c;
}

std::string in_quotes(std::string_view s) {
    return "\"" + detail::sanitize_utf8(s.substr(0, 80)) + "\"";
}

// ------------------------------------------------------------- UTF-8

/// Every text written to the store must be well-formed UTF-8 (exports and
/// JSON history depend on it). `what` names the entity and its reference
/// ("action 2.5", "recommendation 3", "person \"Ann\"").
void check_utf8(const std::string& what, const char* field, std::string_view value) {
    const std::size_t bad = detail::utf8_error_offset(value);
    if (bad != std::string_view::npos)
        throw Error(Status::invalid_arg,
                    what + " " + field + ": invalid UTF-8 at byte " + std::to_string(bad + 1));
}

void check_utf8_opt(const std::string& what, const char* field, const std::optional<std::string>& value) {
    if (value) check_utf8(what, field, std::string_view(*value));
}

void check_cost_utf8(const std::string& what, const Cost& c) {
    check_utf8(what, "cost", c.text);
    check_utf8(what, "cost per_unit", c.per_unit);
    check_utf8(what, "cost alternative", c.alternative);
    check_utf8(what, "cost note", c.note);
}

std::string action_what(std::string_view ref) { return "action " + in_quotes(ref); }
std::string rec_what(int number) { return "recommendation " + std::to_string(number); }

// ------------------------------------------------------------- lookups

void require_plan(const Store& store, std::int64_t plan_id) {
    SQLite::Statement q(db(store), "SELECT 1 FROM plans WHERE id = ?");
    q.bind(1, static_cast<std::int64_t>(plan_id));
    if (!q.executeStep())
        throw Error(Status::not_found, "plan " + std::to_string(plan_id) + " not found in store " + store.path());
}

std::int64_t recommendation_id(const Store& store, std::int64_t plan_id, int number) {
    require_plan(store, plan_id);
    SQLite::Statement q(db(store), "SELECT id FROM recommendations WHERE plan_id = ? AND number = ?");
    q.bind(1, static_cast<std::int64_t>(plan_id));
    q.bind(2, number);
    if (!q.executeStep())
        throw Error(Status::not_found,
                    "recommendation " + std::to_string(number) + " not found in plan " + std::to_string(plan_id));
    return q.getColumn(0).getInt64();
}

std::int64_t action_id(const Store& store, std::int64_t plan_id, std::string_view ref) {
    require_plan(store, plan_id);
    SQLite::Statement q(db(store), "SELECT id FROM actions WHERE plan_id = ? AND ref = ?");
    q.bind(1, static_cast<std::int64_t>(plan_id));
    q.bind(2, std::string(ref));
    if (!q.executeStep())
        throw Error(Status::not_found, "action " + in_quotes(ref) + " not found in plan " + std::to_string(plan_id));
    return q.getColumn(0).getInt64();
}

std::int64_t next_position(Store& store, const char* sql, std::int64_t owner) {
    SQLite::Statement q(db(store), sql);
    q.bind(1, static_cast<std::int64_t>(owner));
    q.executeStep();
    return q.getColumn(0).getInt64();
}

/// The id of the plan's section `name`, created at the end if missing.
/// Empty name: no section (NULL).
std::optional<std::int64_t> section_id(Store& store, std::int64_t plan_id, const std::string& name) {
    if (name.empty()) return std::nullopt;
    SQLite::Statement q(db(store), "SELECT id FROM plan_sections WHERE plan_id = ? AND name = ?");
    q.bind(1, static_cast<std::int64_t>(plan_id));
    q.bind(2, name);
    if (q.executeStep()) return q.getColumn(0).getInt64();
    std::int64_t pos = next_position(
        store, "SELECT coalesce(max(position), 0) + 1 FROM plan_sections WHERE plan_id = ?", plan_id);
    SQLite::Statement ins(db(store), "INSERT INTO plan_sections(plan_id, position, name) VALUES (?, ?, ?)");
    ins.bind(1, static_cast<std::int64_t>(plan_id));
    ins.bind(2, static_cast<std::int64_t>(pos));
    ins.bind(3, name);
    ins.exec();
    std::int64_t id = db(store).getLastInsertRowid();
    record_change(detail::impl(store), "section", id, "*", std::nullopt, name);
    return id;
}

// ------------------------------------------------------------- inserts

void check_recommendation(const Recommendation& r) {
    if (r.number < 0)
        throw Error(Status::invalid_arg, "recommendation number " + std::to_string(r.number) + " is negative");
    if (r.timescale == Timescale::by_date && !r.explicit_date)
        throw Error(Status::invalid_arg,
                    "recommendation " + std::to_string(r.number) + " has timescale by_date but no date");
}

void check_action(const Action& a) {
    if (detail::trim(a.ref).empty()) throw Error(Status::invalid_arg, "action reference is empty");
}

std::int64_t insert_progress(Store& store, std::int64_t action_id, const ProgressUpdate& u, const std::string& what) {
    check_utf8("progress update of " + what, "author", u.author);
    check_utf8("progress update of " + what, "text", u.text);
    std::int64_t pos = next_position(
        store, "SELECT coalesce(max(position), 0) + 1 FROM progress_updates WHERE action_id = ?", action_id);
    SQLite::Statement q(db(store),
                        "INSERT INTO progress_updates(action_id, position, date, author, text) VALUES (?, ?, ?, ?, ?)");
    q.bind(1, static_cast<std::int64_t>(action_id));
    q.bind(2, static_cast<std::int64_t>(pos));
    q.bind(3, u.date.iso());
    q.bind(4, u.author);
    q.bind(5, u.text);
    q.exec();
    std::int64_t id = db(store).getLastInsertRowid();
    record_change(detail::impl(store), "progress_update", id, "*", std::nullopt, u.date.iso() + " " + u.text);
    return id;
}

std::int64_t insert_milestone(Store& store, std::int64_t action_id, const Milestone& m, const std::string& what) {
    check_utf8("milestone of " + what, "text", m.text);
    std::int64_t pos = next_position(
        store, "SELECT coalesce(max(position), 0) + 1 FROM milestones WHERE action_id = ?", action_id);
    SQLite::Statement q(db(store),
                        "INSERT INTO milestones(action_id, position, date, text, done) VALUES (?, ?, ?, ?, ?)");
    q.bind(1, static_cast<std::int64_t>(action_id));
    q.bind(2, static_cast<std::int64_t>(pos));
    q.bind(3, m.date.iso());
    q.bind(4, m.text);
    q.bind(5, m.done ? 1 : 0);
    q.exec();
    std::int64_t id = db(store).getLastInsertRowid();
    record_change(detail::impl(store), "milestone", id, "*", std::nullopt, m.date.iso() + " " + m.text);
    return id;
}

std::int64_t insert_task(Store& store, std::int64_t action_id, const Task& t, const std::string& what) {
    check_utf8("task of " + what, "text", t.text);
    check_utf8("task of " + what, "owner", t.owner);
    std::int64_t pos =
        next_position(store, "SELECT coalesce(max(position), 0) + 1 FROM tasks WHERE action_id = ?", action_id);
    SQLite::Statement q(db(store),
                        "INSERT INTO tasks(action_id, position, text, owner, due, done) VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, static_cast<std::int64_t>(action_id));
    q.bind(2, static_cast<std::int64_t>(pos));
    q.bind(3, t.text);
    q.bind(4, t.owner);
    bind_opt(q, 5, t.due);
    q.bind(6, t.done ? 1 : 0);
    q.exec();
    std::int64_t id = db(store).getLastInsertRowid();
    record_change(detail::impl(store), "task", id, "*", std::nullopt, t.text);
    return id;
}

std::int64_t insert_action(Store& store, std::int64_t plan_id, std::int64_t rec_id, const Action& a) {
    check_action(a);
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
    {
        SQLite::Statement dup(db(store), "SELECT 1 FROM actions WHERE plan_id = ? AND ref = ?");
        dup.bind(1, static_cast<std::int64_t>(plan_id));
        dup.bind(2, a.ref);
        if (dup.executeStep())
            throw Error(Status::conflict,
                        "action " + in_quotes(a.ref) + " already exists in plan " + std::to_string(plan_id));
    }
    std::int64_t pos = next_position(
        store, "SELECT coalesce(max(position), 0) + 1 FROM actions WHERE recommendation_id = ?", rec_id);
    SQLite::Statement q(db(store),
                        std::string("INSERT INTO actions(plan_id, recommendation_id, position, ref, description, lead, "
                                    "status, due, impact_intended, impact_evidence, ") +
                            kCostColumns +
                            ", rag, rag_by, rag_reason, rag_set_on) "
                            "VALUES (?,?,?,?,?,?,?,?,?,?, ?,?,?,?,?,?,?,?,?, ?,?,?,?)");
    q.bind(1, static_cast<std::int64_t>(plan_id));
    q.bind(2, static_cast<std::int64_t>(rec_id));
    q.bind(3, static_cast<std::int64_t>(pos));
    q.bind(4, a.ref);
    q.bind(5, a.description);
    q.bind(6, a.lead);
    q.bind(7, std::string(to_string(a.status)));
    bind_opt(q, 8, a.due);
    q.bind(9, a.impact_intended);
    q.bind(10, a.impact_evidence);
    bind_cost(q, 11, a.cost);
    if (a.rag_override) {
        q.bind(20, std::string(to_string(a.rag_override->rag)));
        q.bind(21, a.rag_override->by);
        q.bind(22, a.rag_override->reason);
        q.bind(23, a.rag_override->set_on.iso());
    } else {
        for (int i = 20; i <= 23; ++i) q.bind(i);
    }
    q.exec();
    std::int64_t id = db(store).getLastInsertRowid();
    record_change(detail::impl(store), "action", id, "*", std::nullopt, a.ref);
    for (const auto& u : a.updates) insert_progress(store, id, u, what);
    for (const auto& m : a.milestones) insert_milestone(store, id, m, what);
    for (const auto& t : a.tasks) insert_task(store, id, t, what);
    return id;
}

std::int64_t insert_recommendation(Store& store, std::int64_t plan_id, const Recommendation& r) {
    check_recommendation(r);
    const std::string what = rec_what(r.number);
    check_utf8(what, "section", r.section);
    check_utf8(what, "text", r.text);
    check_utf8(what, "lead", r.lead);
    check_cost_utf8(what, r.cost);
    {
        SQLite::Statement dup(db(store), "SELECT 1 FROM recommendations WHERE plan_id = ? AND number = ?");
        dup.bind(1, static_cast<std::int64_t>(plan_id));
        dup.bind(2, r.number);
        if (dup.executeStep())
            throw Error(Status::conflict, "recommendation " + std::to_string(r.number) + " already exists in plan " +
                                              std::to_string(plan_id));
    }
    std::optional<std::int64_t> section = section_id(store, plan_id, r.section);
    std::int64_t pos = next_position(
        store, "SELECT coalesce(max(position), 0) + 1 FROM recommendations WHERE plan_id = ?", plan_id);
    SQLite::Statement q(db(store), std::string("INSERT INTO recommendations(plan_id, position, number, section_id, "
                                               "text, timescale, explicit_date, lead, ") +
                                       kCostColumns + ") VALUES (?,?,?,?,?,?,?,?, ?,?,?,?,?,?,?,?,?)");
    q.bind(1, static_cast<std::int64_t>(plan_id));
    q.bind(2, static_cast<std::int64_t>(pos));
    q.bind(3, r.number);
    bind_opt(q, 4, section);
    q.bind(5, r.text);
    q.bind(6, std::string(to_string(r.timescale)));
    bind_opt(q, 7, r.explicit_date);
    q.bind(8, r.lead);
    bind_cost(q, 9, r.cost);
    q.exec();
    std::int64_t id = db(store).getLastInsertRowid();
    record_change(detail::impl(store), "recommendation", id, "*", std::nullopt, std::to_string(r.number));
    for (const auto& a : r.actions) insert_action(store, plan_id, id, a);
    return id;
}

// ------------------------------------------------------------- updates

/// Sets one TEXT column when the value differs, with its history row.
void set_field(Store& store, const char* table, const char* entity, std::int64_t id, const char* column,
               const char* field, const Opt& value) {
    detail::update_column(detail::impl(store), table, entity, id, column, field, value);
}

void set_int_field(Store& store, const char* table, const char* entity, std::int64_t id, const char* column,
                   const char* field, std::int64_t value) {
    SQLite::Statement get(db(store), std::string("SELECT ") + column + " FROM " + table + " WHERE id = ?");
    get.bind(1, static_cast<std::int64_t>(id));
    if (!get.executeStep())
        throw Error(Status::not_found, std::string(entity) + " " + std::to_string(id) + " not found");
    std::int64_t old = get.getColumn(0).getInt64();
    get.reset();
    if (old == value) return;
    SQLite::Statement put(db(store), std::string("UPDATE ") + table + " SET " + column + " = ? WHERE id = ?");
    put.bind(1, static_cast<std::int64_t>(value));
    put.bind(2, static_cast<std::int64_t>(id));
    put.exec();
    record_change(detail::impl(store), entity, id, field, std::to_string(old), std::to_string(value));
}

/// Re-parses the cost text and stores all nine columns; one history row
/// ("cost", old text, new text) when the text changes.
void set_cost(Store& store, const char* table, const char* entity, std::int64_t id, const std::string& text) {
    SQLite::Statement get(db(store), std::string("SELECT cost_text FROM ") + table + " WHERE id = ?");
    get.bind(1, static_cast<std::int64_t>(id));
    if (!get.executeStep())
        throw Error(Status::not_found, std::string(entity) + " " + std::to_string(id) + " not found");
    std::string old = get.getColumn(0).getString();
    get.reset();
    if (old == text) return;
    Cost c = parse_cost(text);
    SQLite::Statement put(db(store), std::string("UPDATE ") + table +
                                         " SET cost_text = ?, cost_kind = ?, cost_amount_pence = ?, "
                                         "cost_high_pence = ?, cost_approximate = ?, cost_period = ?, "
                                         "cost_per_unit = ?, cost_alternative = ?, cost_note = ? WHERE id = ?");
    bind_cost(put, 1, c);
    put.bind(10, static_cast<std::int64_t>(id));
    put.exec();
    record_change(detail::impl(store), entity, id, "cost", old, text);
}

void check_days(int v, const char* what) {
    if (v < 0 || v > 3650)
        throw Error(Status::invalid_arg, std::string(what) + " must be 0..3650 days, not " + std::to_string(v));
}

// ------------------------------------------------------------- loading

std::optional<Plan> load(const Store& store, std::int64_t plan_id) {
    SQLite::Database& d = db(store);
    Plan plan;
    {
        SQLite::Statement q(d, "SELECT id, title, authority, report_date, immediately_days, due_soon_days, "
                               "stale_update_days FROM plans WHERE id = ?");
        q.bind(1, static_cast<std::int64_t>(plan_id));
        if (!q.executeStep()) return std::nullopt;
        plan.id = q.getColumn(0).getInt64();
        plan.title = q.getColumn(1).getString();
        plan.authority = q.getColumn(2).getString();
        plan.report_date = date_col(q.getColumn(3));
        plan.settings.immediately_days = q.getColumn(4).getInt();
        plan.settings.due_soon_days = q.getColumn(5).getInt();
        plan.settings.stale_update_days = q.getColumn(6).getInt();
    }
    std::map<std::int64_t, std::string> section_names;
    {
        SQLite::Statement q(d, "SELECT id, name FROM plan_sections WHERE plan_id = ? ORDER BY position, id");
        q.bind(1, static_cast<std::int64_t>(plan_id));
        while (q.executeStep()) {
            section_names[q.getColumn(0).getInt64()] = q.getColumn(1).getString();
            plan.sections.push_back(q.getColumn(1).getString());
        }
    }
    std::map<std::int64_t, std::size_t> rec_index;  // recommendation id -> index in plan
    {
        SQLite::Statement q(d, std::string("SELECT id, number, section_id, text, timescale, explicit_date, lead, ") +
                                   kCostColumns + " FROM recommendations WHERE plan_id = ? ORDER BY position, id");
        q.bind(1, static_cast<std::int64_t>(plan_id));
        while (q.executeStep()) {
            Recommendation r;
            r.id = q.getColumn(0).getInt64();
            r.number = q.getColumn(1).getInt();
            if (!q.getColumn(2).isNull()) r.section = section_names.at(q.getColumn(2).getInt64());
            r.text = q.getColumn(3).getString();
            r.timescale = parse_timescale(q.getColumn(4).getString());
            r.explicit_date = date_col(q.getColumn(5));
            r.lead = q.getColumn(6).getString();
            r.cost = cost_cols(q, 7);
            rec_index[r.id] = plan.recommendations.size();
            plan.recommendations.push_back(std::move(r));
        }
    }
    std::map<std::int64_t, Action*> by_id;
    {
        SQLite::Statement q(d, std::string("SELECT id, recommendation_id, ref, description, lead, status, due, "
                                           "impact_intended, impact_evidence, ") +
                                   kCostColumns +
                                   ", rag, rag_by, rag_reason, rag_set_on FROM actions WHERE plan_id = ? "
                                   "ORDER BY recommendation_id, position, id");
        q.bind(1, static_cast<std::int64_t>(plan_id));
        while (q.executeStep()) {
            Action a;
            a.id = q.getColumn(0).getInt64();
            a.ref = q.getColumn(2).getString();
            a.description = q.getColumn(3).getString();
            a.lead = q.getColumn(4).getString();
            a.status = parse_action_status(q.getColumn(5).getString());
            a.due = date_col(q.getColumn(6));
            a.impact_intended = q.getColumn(7).getString();
            a.impact_evidence = q.getColumn(8).getString();
            a.cost = cost_cols(q, 9);
            if (!q.getColumn(18).isNull()) {
                RagOverride o;
                o.rag = parse_rag(q.getColumn(18).getString());
                o.by = q.getColumn(19).getString();
                o.reason = q.getColumn(20).getString();
                o.set_on = Date::parse_iso(q.getColumn(21).getString());
                a.rag_override = std::move(o);
            }
            plan.recommendations[rec_index.at(q.getColumn(1).getInt64())].actions.push_back(std::move(a));
        }
    }
    // Pointers are taken only now that the vectors no longer grow.
    for (auto& r : plan.recommendations)
        for (auto& a : r.actions) by_id[a.id] = &a;
    {
        SQLite::Statement q(d, "SELECT u.id, u.action_id, u.date, u.author, u.text FROM progress_updates u "
                               "JOIN actions a ON a.id = u.action_id WHERE a.plan_id = ? "
                               "ORDER BY u.action_id, u.position, u.id");
        q.bind(1, static_cast<std::int64_t>(plan_id));
        while (q.executeStep()) {
            ProgressUpdate u;
            u.id = q.getColumn(0).getInt64();
            u.date = Date::parse_iso(q.getColumn(2).getString());
            u.author = q.getColumn(3).getString();
            u.text = q.getColumn(4).getString();
            by_id.at(q.getColumn(1).getInt64())->updates.push_back(std::move(u));
        }
    }
    {
        SQLite::Statement q(d, "SELECT m.id, m.action_id, m.date, m.text, m.done FROM milestones m "
                               "JOIN actions a ON a.id = m.action_id WHERE a.plan_id = ? "
                               "ORDER BY m.action_id, m.position, m.id");
        q.bind(1, static_cast<std::int64_t>(plan_id));
        while (q.executeStep()) {
            Milestone m;
            m.id = q.getColumn(0).getInt64();
            m.date = Date::parse_iso(q.getColumn(2).getString());
            m.text = q.getColumn(3).getString();
            m.done = q.getColumn(4).getInt() != 0;
            by_id.at(q.getColumn(1).getInt64())->milestones.push_back(std::move(m));
        }
    }
    {
        SQLite::Statement q(d, "SELECT t.id, t.action_id, t.text, t.owner, t.due, t.done FROM tasks t "
                               "JOIN actions a ON a.id = t.action_id WHERE a.plan_id = ? "
                               "ORDER BY t.action_id, t.position, t.id");
        q.bind(1, static_cast<std::int64_t>(plan_id));
        while (q.executeStep()) {
            Task t;
            t.id = q.getColumn(0).getInt64();
            t.text = q.getColumn(2).getString();
            t.owner = q.getColumn(3).getString();
            t.due = date_col(q.getColumn(4));
            t.done = q.getColumn(5).getInt() != 0;
            by_id.at(q.getColumn(1).getInt64())->tasks.push_back(std::move(t));
        }
    }
    return plan;
}

/// Every distinct non-empty lead and task owner of a plan.
std::vector<std::string> plan_people(const Store& store, std::int64_t plan_id) {
    SQLite::Statement q(db(store),
                        "SELECT lead FROM recommendations WHERE plan_id = ?1 "
                        "UNION SELECT lead FROM actions WHERE plan_id = ?1 "
                        "UNION SELECT t.owner FROM tasks t JOIN actions a ON a.id = t.action_id WHERE a.plan_id = ?1");
    q.bind(1, static_cast<std::int64_t>(plan_id));
    std::set<std::string> names;
    while (q.executeStep()) {
        std::string n(detail::trim(q.getColumn(0).getString()));
        if (!n.empty()) names.insert(std::move(n));
    }
    return {names.begin(), names.end()};
}

std::optional<std::int64_t> person_id(const Store& store, std::string_view name) {
    SQLite::Statement q(db(store), "SELECT id FROM people WHERE name = ?");  // NOCASE column
    q.bind(1, std::string(name));
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getInt64();
}

}  // namespace

bool operator==(const PlanSummary& a, const PlanSummary& b) {
    return a.id == b.id && a.title == b.title && a.authority == b.authority && a.report_date == b.report_date &&
           a.recommendations == b.recommendations && a.actions == b.actions;
}

// ---------------------------------------------------------------- plans

std::int64_t save_plan(Store& store, const Plan& plan) {
    return detail::write(store, "saving plan", [&] {
        check_days(plan.settings.immediately_days, "immediately_days");
        check_days(plan.settings.due_soon_days, "due_soon_days");
        check_days(plan.settings.stale_update_days, "stale_update_days");
        check_utf8("plan", "title", plan.title);
        check_utf8("plan", "authority", plan.authority);
        for (const auto& sec : plan.sections) check_utf8("plan", "section", sec);
        SQLite::Statement q(db(store), "INSERT INTO plans(title, authority, report_date, immediately_days, "
                                       "due_soon_days, stale_update_days) VALUES (?, ?, ?, ?, ?, ?)");
        q.bind(1, plan.title);
        q.bind(2, plan.authority);
        bind_opt(q, 3, plan.report_date);
        q.bind(4, plan.settings.immediately_days);
        q.bind(5, plan.settings.due_soon_days);
        q.bind(6, plan.settings.stale_update_days);
        q.exec();
        std::int64_t id = db(store).getLastInsertRowid();
        record_change(detail::impl(store), "plan", id, "*", std::nullopt, plan.title);
        for (const auto& s : plan.sections) {
            if (s.empty()) throw Error(Status::invalid_arg, "plan has a section with an empty name");
            section_id(store, id, s);
        }
        for (const auto& r : plan.recommendations) insert_recommendation(store, id, r);
        return id;
    });
}

std::optional<Plan> try_load_plan(const Store& store, std::int64_t plan_id) {
    return detail::read(store, "loading plan", [&] { return load(store, plan_id); });
}

Plan load_plan(const Store& store, std::int64_t plan_id) {
    auto p = try_load_plan(store, plan_id);
    if (!p) throw Error(Status::not_found, "plan " + std::to_string(plan_id) + " not found in store " + store.path());
    return std::move(*p);
}

std::vector<PlanSummary> list_plans(const Store& store) {
    return detail::read(store, "listing plans", [&] {
        SQLite::Statement q(db(store),
                            "SELECT p.id, p.title, p.authority, p.report_date, "
                            "(SELECT count(*) FROM recommendations r WHERE r.plan_id = p.id), "
                            "(SELECT count(*) FROM actions a WHERE a.plan_id = p.id) FROM plans p ORDER BY p.id");
        std::vector<PlanSummary> out;
        while (q.executeStep()) {
            PlanSummary s;
            s.id = q.getColumn(0).getInt64();
            s.title = q.getColumn(1).getString();
            s.authority = q.getColumn(2).getString();
            s.report_date = date_col(q.getColumn(3));
            s.recommendations = q.getColumn(4).getInt();
            s.actions = q.getColumn(5).getInt();
            out.push_back(std::move(s));
        }
        return out;
    });
}

std::optional<std::int64_t> try_latest_plan_id(const Store& store) {
    return detail::read(store, "finding the latest plan", [&]() -> std::optional<std::int64_t> {
        SQLite::Statement q(db(store), "SELECT max(id) FROM plans");
        q.executeStep();
        return int_col(q.getColumn(0));
    });
}

std::int64_t latest_plan_id(const Store& store) {
    auto id = try_latest_plan_id(store);
    if (!id) throw Error(Status::not_found, "store " + store.path() + " holds no plan (import one first)");
    return *id;
}

void set_plan_settings(Store& store, std::int64_t plan_id, const PlanSettings& s) {
    detail::write(store, "changing plan settings", [&] {
        require_plan(store, plan_id);
        check_days(s.immediately_days, "immediately_days");
        check_days(s.due_soon_days, "due_soon_days");
        check_days(s.stale_update_days, "stale_update_days");
        set_int_field(store, "plans", "plan", plan_id, "immediately_days", "immediately_days", s.immediately_days);
        set_int_field(store, "plans", "plan", plan_id, "due_soon_days", "due_soon_days", s.due_soon_days);
        set_int_field(store, "plans", "plan", plan_id, "stale_update_days", "stale_update_days", s.stale_update_days);
    });
}

void set_report_date(Store& store, std::int64_t plan_id, std::optional<Date> report_date) {
    detail::write(store, "changing the report date", [&] {
        require_plan(store, plan_id);
        set_field(store, "plans", "plan", plan_id, "report_date", "report_date", iso(report_date));
    });
}

// ------------------------------------------------------ recommendations

std::int64_t add_recommendation(Store& store, std::int64_t plan_id, const Recommendation& rec) {
    return detail::write(store, "adding a recommendation", [&] {
        require_plan(store, plan_id);
        return insert_recommendation(store, plan_id, rec);
    });
}

void update_recommendation(Store& store, std::int64_t plan_id, int number, const RecommendationChange& c) {
    detail::write(store, "changing a recommendation", [&] {
        std::int64_t id = recommendation_id(store, plan_id, number);
        const char* t = "recommendations";
        const char* e = "recommendation";
        const std::string what = rec_what(number);
        check_utf8_opt(what, "section", c.section);
        check_utf8_opt(what, "text", c.text);
        check_utf8_opt(what, "lead", c.lead);
        check_utf8_opt(what, "cost", c.cost_text);
        if (c.section) {
            std::optional<std::int64_t> sid = section_id(store, plan_id, *c.section);
            SQLite::Statement get(db(store), "SELECT s.name FROM recommendations r LEFT JOIN plan_sections s "
                                             "ON s.id = r.section_id WHERE r.id = ?");
            get.bind(1, static_cast<std::int64_t>(id));
            get.executeStep();
            std::string old = get.getColumn(0).isNull() ? std::string() : get.getColumn(0).getString();
            get.reset();
            if (old != *c.section) {
                SQLite::Statement put(db(store), "UPDATE recommendations SET section_id = ? WHERE id = ?");
                bind_opt(put, 1, sid);
                put.bind(2, static_cast<std::int64_t>(id));
                put.exec();
                record_change(detail::impl(store), e, id, "section", old, *c.section);
            }
        }
        if (c.text) set_field(store, t, e, id, "text", "text", *c.text);
        if (c.lead) set_field(store, t, e, id, "lead", "lead", *c.lead);
        if (c.timescale || c.explicit_date) {
            // Both in one statement: the CHECK (by_date needs a date) holds
            // per statement, so changing them one by one could trip it.
            SQLite::Statement get(db(store), "SELECT timescale, explicit_date FROM recommendations WHERE id = ?");
            get.bind(1, static_cast<std::int64_t>(id));
            get.executeStep();
            std::string old_ts = get.getColumn(0).getString();
            Opt old_date;
            if (!get.getColumn(1).isNull()) old_date = get.getColumn(1).getString();
            get.reset();
            std::string new_ts = c.timescale ? std::string(to_string(*c.timescale)) : old_ts;
            Opt new_date = c.explicit_date ? iso(*c.explicit_date) : old_date;
            if (new_ts == to_string(Timescale::by_date) && !new_date)
                throw Error(Status::invalid_arg,
                            "recommendation " + std::to_string(number) + " would have timescale by_date but no date");
            SQLite::Statement put(db(store), "UPDATE recommendations SET timescale = ?, explicit_date = ? WHERE id = ?");
            put.bind(1, new_ts);
            if (new_date) put.bind(2, *new_date); else put.bind(2);
            put.bind(3, static_cast<std::int64_t>(id));
            put.exec();
            if (old_ts != new_ts) record_change(detail::impl(store), e, id, "timescale", old_ts, new_ts);
            if (old_date != new_date) record_change(detail::impl(store), e, id, "explicit_date", old_date, new_date);
        }
        if (c.cost_text) set_cost(store, t, e, id, *c.cost_text);
    });
}

// -------------------------------------------------------------- actions

std::int64_t add_action(Store& store, std::int64_t plan_id, int recommendation_number, const Action& action) {
    return detail::write(store, "adding an action", [&] {
        std::int64_t rec = recommendation_id(store, plan_id, recommendation_number);
        return insert_action(store, plan_id, rec, action);
    });
}

void update_action(Store& store, std::int64_t plan_id, std::string_view ref, const ActionChange& c) {
    detail::write(store, "changing an action", [&] {
        std::int64_t id = action_id(store, plan_id, ref);
        const char* t = "actions";
        const char* e = "action";
        const std::string what = action_what(ref);
        check_utf8_opt(what, "lead", c.lead);
        check_utf8_opt(what, "description", c.description);
        check_utf8_opt(what, "impact_intended", c.impact_intended);
        check_utf8_opt(what, "impact_evidence", c.impact_evidence);
        check_utf8_opt(what, "cost", c.cost_text);
        if (c.status) set_field(store, t, e, id, "status", "status", std::string(to_string(*c.status)));
        if (c.lead) set_field(store, t, e, id, "lead", "lead", *c.lead);
        if (c.due) set_field(store, t, e, id, "due", "due", iso(*c.due));
        if (c.description) set_field(store, t, e, id, "description", "description", *c.description);
        if (c.impact_intended) set_field(store, t, e, id, "impact_intended", "impact_intended", *c.impact_intended);
        if (c.impact_evidence) set_field(store, t, e, id, "impact_evidence", "impact_evidence", *c.impact_evidence);
        if (c.cost_text) set_cost(store, t, e, id, *c.cost_text);
    });
}

std::int64_t add_progress_update(Store& store, std::int64_t plan_id, std::string_view ref, const ProgressUpdate& u) {
    return detail::write(store, "adding a progress update", [&] {
        if (detail::trim(u.text).empty()) throw Error(Status::invalid_arg, "progress update text is empty");
        return insert_progress(store, action_id(store, plan_id, ref), u, action_what(ref));
    });
}

std::int64_t add_milestone(Store& store, std::int64_t plan_id, std::string_view ref, const Milestone& m) {
    return detail::write(store, "adding a milestone", [&] {
        if (detail::trim(m.text).empty()) throw Error(Status::invalid_arg, "milestone text is empty");
        return insert_milestone(store, action_id(store, plan_id, ref), m, action_what(ref));
    });
}

void complete_milestone(Store& store, std::int64_t milestone_id, bool done) {
    detail::write(store, "completing a milestone",
                  [&] { set_int_field(store, "milestones", "milestone", milestone_id, "done", "done", done ? 1 : 0); });
}

std::int64_t add_task(Store& store, std::int64_t plan_id, std::string_view ref, const Task& task) {
    return detail::write(store, "adding a task", [&] {
        if (detail::trim(task.text).empty()) throw Error(Status::invalid_arg, "task text is empty");
        return insert_task(store, action_id(store, plan_id, ref), task, action_what(ref));
    });
}

void complete_task(Store& store, std::int64_t task_id, bool done) {
    detail::write(store, "completing a task",
                  [&] { set_int_field(store, "tasks", "task", task_id, "done", "done", done ? 1 : 0); });
}

void set_rag_override(Store& store, std::int64_t plan_id, std::string_view ref, const RagOverride& o) {
    detail::write(store, "setting a RAG override", [&] {
        std::int64_t id = action_id(store, plan_id, ref);
        if (o.rag == Rag::none) throw Error(Status::invalid_arg, "a RAG override must be blue, green, amber or red");
        if (detail::trim(o.by).empty()) throw Error(Status::invalid_arg, "a RAG override needs who set it (by)");
        if (detail::trim(o.reason).empty()) throw Error(Status::invalid_arg, "a RAG override needs a reason");
        check_utf8(action_what(ref), "rag_by", o.by);
        check_utf8(action_what(ref), "rag_reason", o.reason);
        SQLite::Statement get(db(store), "SELECT rag, rag_by, rag_reason, rag_set_on FROM actions WHERE id = ?");
        get.bind(1, static_cast<std::int64_t>(id));
        get.executeStep();
        Opt old[4];
        for (int i = 0; i < 4; ++i)
            if (!get.getColumn(i).isNull()) old[i] = get.getColumn(i).getString();
        get.reset();
        const Opt now[4] = {std::string(to_string(o.rag)), o.by, o.reason, o.set_on.iso()};
        SQLite::Statement put(db(store),
                              "UPDATE actions SET rag = ?, rag_by = ?, rag_reason = ?, rag_set_on = ? WHERE id = ?");
        for (int i = 0; i < 4; ++i) put.bind(i + 1, *now[i]);
        put.bind(5, static_cast<std::int64_t>(id));
        put.exec();
        const char* fields[4] = {"rag", "rag_by", "rag_reason", "rag_set_on"};
        for (int i = 0; i < 4; ++i)
            if (old[i] != now[i]) record_change(detail::impl(store), "action", id, fields[i], old[i], now[i]);
    });
}

void clear_rag_override(Store& store, std::int64_t plan_id, std::string_view ref) {
    detail::write(store, "clearing a RAG override", [&] {
        std::int64_t id = action_id(store, plan_id, ref);
        SQLite::Statement get(db(store), "SELECT rag, rag_by, rag_reason, rag_set_on FROM actions WHERE id = ?");
        get.bind(1, static_cast<std::int64_t>(id));
        get.executeStep();
        if (get.getColumn(0).isNull())
            throw Error(Status::not_found, "action " + in_quotes(ref) + " has no RAG override to clear");
        Opt old[4];
        for (int i = 0; i < 4; ++i) old[i] = get.getColumn(i).getString();
        get.reset();
        SQLite::Statement put(db(store), "UPDATE actions SET rag = NULL, rag_by = NULL, rag_reason = NULL, "
                                         "rag_set_on = NULL WHERE id = ?");
        put.bind(1, static_cast<std::int64_t>(id));
        put.exec();
        const char* fields[4] = {"rag", "rag_by", "rag_reason", "rag_set_on"};
        for (int i = 0; i < 4; ++i) record_change(detail::impl(store), "action", id, fields[i], old[i], std::nullopt);
    });
}

// --------------------------------------------------------------- people

std::int64_t add_person(Store& store, const Person& p) {
    return detail::write(store, "adding a person", [&] {
        std::string name = detail::collapse_spaces(p.name);
        if (name.empty()) throw Error(Status::invalid_arg, "person name is empty");
        const std::string what = "person " + in_quotes(name);
        check_utf8(what, "name", p.name);
        check_utf8(what, "role", p.role);
        check_utf8(what, "email", p.email);
        check_utf8(what, "team", p.team);
        if (person_id(store, name))
            throw Error(Status::conflict, "person " + in_quotes(name) + " is already in the directory");
        SQLite::Statement q(db(store), "INSERT INTO people(name, role, email, team) VALUES (?, ?, ?, ?)");
        q.bind(1, name);
        q.bind(2, p.role);
        q.bind(3, p.email);
        q.bind(4, p.team);
        q.exec();
        std::int64_t id = db(store).getLastInsertRowid();
        record_change(detail::impl(store), "person", id, "*", std::nullopt, name);
        return id;
    });
}

std::vector<Person> list_people(const Store& store) {
    return detail::read(store, "listing people", [&] {
        SQLite::Statement q(db(store), "SELECT id, name, role, email, team FROM people ORDER BY name, id");
        std::vector<Person> out;
        while (q.executeStep()) {
            Person p;
            p.id = q.getColumn(0).getInt64();
            p.name = q.getColumn(1).getString();
            p.role = q.getColumn(2).getString();
            p.email = q.getColumn(3).getString();
            p.team = q.getColumn(4).getString();
            out.push_back(std::move(p));
        }
        return out;
    });
}

std::vector<std::string> unlisted_people(const Store& store, std::int64_t plan_id) {
    return detail::read(store, "listing people not in the directory", [&] {
        require_plan(store, plan_id);
        std::vector<std::string> out;
        for (auto& n : plan_people(store, plan_id))
            if (!person_id(store, n)) out.push_back(std::move(n));
        return out;
    });
}

std::vector<ProbableSamePerson> probable_duplicate_people(const Store& store, std::int64_t plan_id) {
    return detail::read(store, "looking for duplicate people", [&] {
        require_plan(store, plan_id);
        std::set<std::string> names;
        for (auto& n : plan_people(store, plan_id)) names.insert(std::move(n));
        for (auto& p : list_people(store)) names.insert(std::move(p.name));
        return probable_same_people(std::vector<std::string>(names.begin(), names.end()));
    });
}

void merge_people(Store& store, std::string_view from_in, std::string_view into_in) {
    detail::write(store, "merging people", [&] {
        std::string from(detail::trim(from_in)), into = detail::collapse_spaces(into_in);
        if (from.empty() || into.empty()) throw Error(Status::invalid_arg, "merge needs two non-empty names");
        check_utf8("person " + in_quotes(from), "name (from)", from);
        check_utf8("person " + in_quotes(into), "name (into)", into);
        if (from == into) throw Error(Status::invalid_arg, "cannot merge " + in_quotes(from) + " into itself");
        int changed = 0;
        auto repoint = [&](const char* table, const char* entity, const char* column) {
            // Case-insensitive (ASCII), as the directory's NOCASE name column.
            SQLite::Statement q(db(store), std::string("SELECT id FROM ") + table + " WHERE " + column +
                                               " = ? COLLATE NOCASE");
            q.bind(1, from);
            std::vector<std::int64_t> ids;
            while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
            for (auto id : ids) set_field(store, table, entity, id, column, column, into);
            changed += static_cast<int>(ids.size());
        };
        repoint("recommendations", "recommendation", "lead");
        repoint("actions", "action", "lead");
        repoint("tasks", "task", "owner");
        std::optional<std::int64_t> from_person = person_id(store, from);
        std::optional<std::int64_t> into_person = person_id(store, into);
        if (from_person && into_person && *from_person == *into_person) {
            // Same directory entry, names differ only in case: rename it.
            set_field(store, "people", "person", *from_person, "name", "name", into);
        } else if (from_person && into_person) {
            // Keep what `into` lacks, then remove `from`.
            SQLite::Statement q(db(store), "SELECT role, email, team FROM people WHERE id = ?");
            q.bind(1, static_cast<std::int64_t>(*from_person));
            q.executeStep();
            std::string kept[3] = {q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString()};
            q.reset();
            SQLite::Statement r(db(store), "SELECT role, email, team FROM people WHERE id = ?");
            r.bind(1, static_cast<std::int64_t>(*into_person));
            r.executeStep();
            std::string have[3] = {r.getColumn(0).getString(), r.getColumn(1).getString(), r.getColumn(2).getString()};
            r.reset();
            const char* cols[3] = {"role", "email", "team"};
            for (int i = 0; i < 3; ++i)
                if (have[i].empty() && !kept[i].empty())
                    set_field(store, "people", "person", *into_person, cols[i], cols[i], kept[i]);
            SQLite::Statement del(db(store), "DELETE FROM people WHERE id = ?");
            del.bind(1, static_cast<std::int64_t>(*from_person));
            del.exec();
            record_change(detail::impl(store), "person", *from_person, "*", from, std::nullopt);
        } else if (from_person) {
            set_field(store, "people", "person", *from_person, "name", "name", into);
        } else if (changed == 0) {
            throw Error(Status::not_found, "person " + in_quotes(from) + " is named nowhere (not a lead, task owner "
                                           "or directory entry)");
        }
    });
}

}  // namespace oversight
