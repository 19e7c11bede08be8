// Casework in the Store: schema v3 and the people, cases and events of
// casework.hpp. Reminders live in reminders.cpp, iCalendar in ics.cpp and
// the SSDA903 import in ssda903.cpp.
#include <oversight/workforce/team.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/casework/case.hpp>
#include <oversight/core/error.hpp>

#include "casework/casework_detail.hpp"
#include "store/db.hpp"
#include "core/text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace oversight {
namespace detail {

namespace {

std::string checked_text(std::string_view v, const char* what, bool allow_blank = false) {
    if (!is_valid_utf8(v)) throw Error(Status::invalid_arg, std::string(what) + " is not valid UTF-8");
    if (v.find('\0') != std::string_view::npos)
        throw Error(Status::invalid_arg, std::string(what) + " contains a NUL byte");
    std::string_view t = trim(v);
    if (!allow_blank && t.empty()) throw Error(Status::invalid_arg, std::string(what) + " is empty");
    return std::string(allow_blank ? v : t);
}

std::optional<std::int64_t> lookup(const StoreImpl& s, const char* sql, std::string_view key) {
    SQLite::Statement q(s.db, sql);
    q.bind(1, std::string(key));
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getInt64();
}

std::int64_t team_row(const StoreImpl& s, std::string_view name) {
    auto id = lookup(s, "SELECT id FROM teams WHERE name = ?", name);
    if (!id) throw Error(Status::not_found, "no team named '" + std::string(name) + "'");
    return *id;
}

std::int64_t worker_row(const StoreImpl& s, std::string_view name) {
    auto id = lookup(s, "SELECT id FROM workers WHERE name = ?", name);
    if (!id) throw Error(Status::not_found, "no worker named '" + std::string(name) + "'");
    return *id;
}

void check_date_range(Date d, const char* what) {
    if (d.year() < 1900 || d.year() > 2199)
        throw Error(Status::invalid_arg, std::string(what) + " " + d.iso() + " is outside 1900..2199");
}

}  // namespace

/// One case_attributes row (read in date order): a dated change, and the
/// current value (the latest date wins).
void add_attribute_row(CaseRecord& r, std::string key, std::string value, const std::string& effective_from) {
    r.attributes[key] = value;
    r.attribute_changes.push_back({Date::parse_iso(effective_from), std::move(key), std::move(value)});
}

namespace {

// Text of a SQL NULL-able column.
std::optional<std::string> opt_column(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return c.getString();
}

}  // namespace

void check_attribute_key(std::string_view key, std::string_view what) {
    bool ok = !key.empty() && key.size() <= 64 && key[0] >= 'a' && key[0] <= 'z';
    for (char c : key) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
    if (!ok)
        throw Error(Status::invalid_arg, std::string(what) + " '" + sanitize_utf8(key) +
                                             "' is not a lower-case key ([a-z][a-z0-9_]*, at most 64 bytes)");
}

std::optional<std::int64_t> try_child_row(const StoreImpl& s, std::string_view child_id) {
    return lookup(s, "SELECT id FROM children WHERE child_ref = ?", child_id);
}

std::int64_t child_row(const StoreImpl& s, std::string_view child_id) {
    auto id = try_child_row(s, child_id);
    if (!id) throw Error(Status::not_found, "no child with id '" + sanitize_utf8(child_id) + "'");
    return *id;
}

std::pair<std::int64_t, bool> put_child(StoreImpl& s, const Child& child) {
    std::string id = checked_text(child.id, "child id");
    if (child.date_of_birth) check_date_range(*child.date_of_birth, "date of birth");
    if (auto row = try_child_row(s, id)) {
        if (child.date_of_birth)
            detail::update_column(s, "children", "child", *row, "date_of_birth", "date_of_birth",
                                  child.date_of_birth->iso());
        return {*row, false};
    }
    SQLite::Statement ins(s.db, "INSERT INTO children(child_ref, date_of_birth, created_at) VALUES (?, ?, ?)");
    ins.bind(1, id);
    if (child.date_of_birth) ins.bind(2, child.date_of_birth->iso()); else ins.bind(2);
    ins.bind(3, utc_timestamp_now());
    ins.exec();
    std::int64_t row = s.db.getLastInsertRowid();
    record_change(s, "child", row, "*", std::nullopt, id);
    if (child.date_of_birth) record_change(s, "child", row, "date_of_birth", std::nullopt, child.date_of_birth->iso());
    return {row, true};
}

bool put_attribute(StoreImpl& s, std::int64_t child, std::string_view key, std::string_view value,
                   Date effective_from) {
    check_attribute_key(key, "attribute key");
    std::string v = checked_text(value, "attribute value", true);
    check_date_range(effective_from, "attribute date");
    SQLite::Statement q(s.db, "SELECT id FROM case_attributes WHERE child_id = ? AND key = ? AND effective_from = ?");
    q.bind(1, static_cast<std::int64_t>(child));
    q.bind(2, std::string(key));
    q.bind(3, effective_from.iso());
    std::string field = std::string(key) + "@" + effective_from.iso();
    if (q.executeStep()) {
        std::int64_t id = q.getColumn(0).getInt64();
        return detail::update_column(s, "case_attributes", "case_attribute", id, "value", field, v);
    }
    SQLite::Statement ins(s.db, "INSERT INTO case_attributes(child_id, key, value, effective_from) VALUES (?, ?, ?, ?)");
    ins.bind(1, static_cast<std::int64_t>(child));
    ins.bind(2, std::string(key));
    ins.bind(3, v);
    ins.bind(4, effective_from.iso());
    ins.exec();
    record_change(s, "case_attribute", s.db.getLastInsertRowid(), field, std::nullopt, v);
    return true;
}

std::string attributes_to_json(const std::map<std::string, std::string>& attributes) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [k, v] : attributes) j[k] = v;
    return j.dump();
}

std::optional<std::int64_t> put_event(StoreImpl& s, std::int64_t child, const CaseEvent& event,
                                      std::string_view recorded_by, std::string_view source) {
    for (const auto& [k, v] : event.attributes) {
        check_attribute_key(k, "event attribute key");
        checked_text(v, "event attribute value", true);
    }
    std::string by = checked_text(recorded_by, "recorded_by");
    std::string attrs = attributes_to_json(event.attributes);
    bool manual = source == "manual";
    SQLite::Statement ins(s.db, std::string(manual ? "INSERT" : "INSERT OR IGNORE") +
                                    " INTO events(child_id, type, date, attributes, recorded_by, recorded_at, source)"
                                    " VALUES (?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, static_cast<std::int64_t>(child));
    ins.bind(2, event.type);
    ins.bind(3, event.date.iso());
    ins.bind(4, attrs);
    ins.bind(5, by);
    ins.bind(6, utc_timestamp_now());
    ins.bind(7, std::string(source));
    if (ins.exec() == 0) return std::nullopt;
    std::int64_t row = s.db.getLastInsertRowid();
    nlohmann::json j{{"type", event.type}, {"date", event.date.iso()}, {"attributes", nlohmann::json::parse(attrs)},
                     {"source", std::string(source)}};
    record_change(s, "event", row, "*", std::nullopt, j.dump());
    return row;
}

SQLite::Statement cases_as_of(const StoreImpl& s, const CaseFilter& filter, Date as_of) {
    // Unknown filter names are an error, not an empty list.
    if (filter.worker) worker_row(s, *filter.worker);
    if (filter.team) team_row(s, *filter.team);
    std::string sql =
        "SELECT c.id, c.child_ref, w.name, t.name, a.from_date, "
        "(SELECT count(*) FROM events e WHERE e.child_id = c.id) FROM children c "
        "LEFT JOIN allocations a ON a.child_id = c.id AND a.from_date <= :d AND (a.to_date IS NULL OR a.to_date > :d) "
        "LEFT JOIN workers w ON w.id = a.worker_id "
        "LEFT JOIN teams t ON t.id = w.team_id WHERE 1 = 1";
    if (filter.worker) sql += " AND w.name = :worker";
    if (filter.team) sql += " AND t.name = :team";
    sql += " ORDER BY c.child_ref";
    SQLite::Statement q(s.db, sql);
    q.bind(":d", as_of.iso());
    if (filter.worker) q.bind(":worker", *filter.worker);
    if (filter.team) q.bind(":team", *filter.team);
    return q;
}

std::vector<CaseRecord> load_cases(const Store& store, const CaseFilter& filter, Date as_of) {
    const StoreImpl& s = impl(store);
    return read(store, "loading cases", [&] {
        SQLite::Statement q = cases_as_of(s, filter, as_of);
        std::vector<CaseRecord> out;
        std::unordered_map<std::int64_t, std::size_t> index;
        while (q.executeStep()) {
            CaseRecord r;
            r.child_id = q.getColumn(1).getString();
            r.worker = opt_column(q.getColumn(2)).value_or("");
            r.team = opt_column(q.getColumn(3)).value_or("");
            index.emplace(q.getColumn(0).getInt64(), out.size());
            out.push_back(std::move(r));
        }
        if (out.empty()) return out;
        // Every attribute value in force on or before as_of, in date order:
        // the dated changes, and (later ones overwrite) the values current on as_of.
        SQLite::Statement a(s.db,
                            "SELECT child_id, key, value, effective_from FROM case_attributes "
                            "WHERE effective_from <= ? ORDER BY child_id, effective_from, key");
        a.bind(1, as_of.iso());
        while (a.executeStep()) {
            auto it = index.find(a.getColumn(0).getInt64());
            if (it != index.end())
                add_attribute_row(out[it->second], a.getColumn(1).getString(), a.getColumn(2).getString(),
                                  a.getColumn(3).getString());
        }
        SQLite::Statement e(s.db, "SELECT child_id, type, date, attributes FROM events ORDER BY child_id, date, id");
        while (e.executeStep()) {
            auto it = index.find(e.getColumn(0).getInt64());
            if (it == index.end()) continue;
            CaseEvent ev;
            ev.type = e.getColumn(1).getString();
            ev.date = Date::parse_iso(e.getColumn(2).getString());
            auto j = nlohmann::json::parse(e.getColumn(3).getString());
            for (auto& [k, v] : j.items()) ev.attributes[k] = v.is_string() ? v.get<std::string>() : v.dump();
            out[it->second].events.push_back(std::move(ev));
        }
        return out;
    });
}

}  // namespace detail

using detail::checked_text;
using detail::impl;

// ---------------------------------------------------------------- value types

bool operator==(const Team& a, const Team& b) {
    return a.name == b.name && a.manager == b.manager && a.email == b.email;
}
bool operator==(const Worker& a, const Worker& b) {
    return a.name == b.name && a.team == b.team && a.email == b.email;
}
bool operator==(const Child& a, const Child& b) { return a.id == b.id && a.date_of_birth == b.date_of_birth; }
bool operator==(const CaseSummary& a, const CaseSummary& b) {
    return a.child_id == b.child_id && a.worker == b.worker && a.team == b.team &&
           a.allocated_from == b.allocated_from && a.events == b.events;
}

// ------------------------------------------------------------ teams, workers

void save_team(Store& store, const Team& team) {
    std::string name = checked_text(team.name, "team name");
    std::string manager = checked_text(team.manager, "team manager", true);
    std::string email = checked_text(team.email, "team email", true);
    detail::write(store, "saving team '" + name + "'", [&] {
        auto& s = impl(store);
        SQLite::Statement q(s.db, "SELECT id FROM teams WHERE name = ?");
        q.bind(1, name);
        if (!q.executeStep()) {
            SQLite::Statement ins(s.db, "INSERT INTO teams(name, manager, email) VALUES (?, ?, ?)");
            ins.bind(1, name);
            ins.bind(2, manager);
            ins.bind(3, email);
            ins.exec();
            std::int64_t id = s.db.getLastInsertRowid();
            detail::record_change(s, "team", id, "*", std::nullopt, name);
            if (!manager.empty()) detail::record_change(s, "team", id, "manager", std::nullopt, manager);
            if (!email.empty()) detail::record_change(s, "team", id, "email", std::nullopt, email);
            return;
        }
        std::int64_t id = q.getColumn(0).getInt64();
        detail::update_column(s, "teams", "team", id, "manager", "manager", manager);
        detail::update_column(s, "teams", "team", id, "email", "email", email);
    });
}

void save_worker(Store& store, const Worker& worker) {
    std::string name = checked_text(worker.name, "worker name");
    std::string team = checked_text(worker.team, "worker team");
    std::string email = checked_text(worker.email, "worker email", true);
    detail::write(store, "saving worker '" + name + "'", [&] {
        auto& s = impl(store);
        std::int64_t team_id = detail::team_row(s, team);
        SQLite::Statement q(s.db,
                            "SELECT w.id, t.name FROM workers w JOIN teams t ON t.id = w.team_id WHERE w.name = ?");
        q.bind(1, name);
        if (!q.executeStep()) {
            SQLite::Statement ins(s.db, "INSERT INTO workers(name, team_id, email) VALUES (?, ?, ?)");
            ins.bind(1, name);
            ins.bind(2, static_cast<std::int64_t>(team_id));
            ins.bind(3, email);
            ins.exec();
            std::int64_t id = s.db.getLastInsertRowid();
            detail::record_change(s, "worker", id, "*", std::nullopt, name);
            detail::record_change(s, "worker", id, "team", std::nullopt, team);
            if (!email.empty()) detail::record_change(s, "worker", id, "email", std::nullopt, email);
            return;
        }
        std::int64_t id = q.getColumn(0).getInt64();
        std::string old_team = q.getColumn(1).getString();
        if (old_team != team) {
            SQLite::Statement u(s.db, "UPDATE workers SET team_id = ? WHERE id = ?");
            u.bind(1, static_cast<std::int64_t>(team_id));
            u.bind(2, static_cast<std::int64_t>(id));
            u.exec();
            detail::record_change(s, "worker", id, "team", old_team, team);
        }
        detail::update_column(s, "workers", "worker", id, "email", "email", email);
    });
}

void save_child(Store& store, const Child& child) {
    detail::write(store, "saving child", [&] { detail::put_child(impl(store), child); });
}

std::vector<Team> list_teams(const Store& store) {
    return detail::read(store, "listing teams", [&] {
        SQLite::Statement q(impl(store).db, "SELECT name, manager, email FROM teams ORDER BY name");
        std::vector<Team> out;
        while (q.executeStep())
            out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString()});
        return out;
    });
}

std::vector<Worker> list_workers(const Store& store) {
    return detail::read(store, "listing workers", [&] {
        SQLite::Statement q(impl(store).db,
                            "SELECT w.name, t.name, w.email FROM workers w JOIN teams t ON t.id = w.team_id ORDER BY w.name");
        std::vector<Worker> out;
        while (q.executeStep())
            out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString()});
        return out;
    });
}

std::optional<Child> try_find_child(const Store& store, std::string_view child_id) {
    return detail::read(store, "finding child", [&]() -> std::optional<Child> {
        SQLite::Statement q(impl(store).db, "SELECT child_ref, date_of_birth FROM children WHERE child_ref = ?");
        q.bind(1, std::string(child_id));
        if (!q.executeStep()) return std::nullopt;
        Child c;
        c.id = q.getColumn(0).getString();
        if (!q.getColumn(1).isNull()) c.date_of_birth = Date::parse_iso(q.getColumn(1).getString());
        return c;
    });
}

// ------------------------------------------------------ allocation, attributes

void allocate(Store& store, std::string_view child_id, std::string_view worker, Date from) {
    detail::check_date_range(from, "allocation date");
    detail::write(store, "allocating child '" + detail::sanitize_utf8(child_id) + "'", [&] {
        auto& s = impl(store);
        std::int64_t child = detail::child_row(s, child_id);
        std::int64_t w = detail::worker_row(s, worker);
        SQLite::Statement q(s.db,
                            "SELECT a.id, a.worker_id, a.from_date, wk.name FROM allocations a "
                            "JOIN workers wk ON wk.id = a.worker_id WHERE a.child_id = ? AND a.to_date IS NULL");
        q.bind(1, static_cast<std::int64_t>(child));
        if (q.executeStep()) {
            std::int64_t id = q.getColumn(0).getInt64();
            std::int64_t current = q.getColumn(1).getInt64();
            Date started = Date::parse_iso(q.getColumn(2).getString());
            std::string current_name = q.getColumn(3).getString();
            if (current == w && !(from < started)) return;  // already allocated to them
            if (from < started)
                throw Error(Status::invalid_arg, "allocation of child '" + std::string(child_id) + "' from " +
                                                     from.iso() + " is before the current allocation (from " +
                                                     started.iso() + ")");
            if (from == started) {  // same day: a correction of the open allocation
                SQLite::Statement u(s.db, "UPDATE allocations SET worker_id = ? WHERE id = ?");
                u.bind(1, static_cast<std::int64_t>(w));
                u.bind(2, static_cast<std::int64_t>(id));
                u.exec();
                detail::record_change(s, "allocation", id, "worker", current_name, std::string(worker));
                return;
            }
            SQLite::Statement u(s.db, "UPDATE allocations SET to_date = ? WHERE id = ?");
            u.bind(1, from.iso());
            u.bind(2, static_cast<std::int64_t>(id));
            u.exec();
            detail::record_change(s, "allocation", id, "to_date", std::nullopt, from.iso());
        }
        SQLite::Statement ins(s.db, "INSERT INTO allocations(child_id, worker_id, from_date) VALUES (?, ?, ?)");
        ins.bind(1, static_cast<std::int64_t>(child));
        ins.bind(2, static_cast<std::int64_t>(w));
        ins.bind(3, from.iso());
        ins.exec();
        std::int64_t id = s.db.getLastInsertRowid();
        detail::record_change(s, "allocation", id, "*", std::nullopt,
                              std::string(child_id) + " -> " + std::string(worker) + " from " + from.iso());
    });
}

void set_attribute(Store& store, std::string_view child_id, std::string_view key, std::string_view value,
                   Date effective_from) {
    detail::write(store, "setting attribute", [&] {
        auto& s = impl(store);
        detail::put_attribute(s, detail::child_row(s, child_id), key, value, effective_from);
    });
}

// ---------------------------------------------------------------------- events

const std::vector<std::string>& event_types() {
    static const std::vector<std::string> kTypes = {
        // looked after
        "became_looked_after", "placement_start", "placement_end", "legal_status_change", "care_order",
        "ceased_looked_after", "visit", "review", "care_plan", "placement_plan", "pep", "pep_review",
        "health_assessment", "health_plan_review", "school_change",
        // child protection
        "referral", "referral_decision", "s47_strategy_discussion", "icpc", "cp_enquiry_closed", "core_group",
        "cp_review", "cp_plan_ended",
        // assessment
        "initial_assessment_completed", "core_assessment_started", "core_assessment_completed",
        "assessment_completed",
        // care leavers
        "became_eligible", "needs_assessment", "pathway_plan", "pathway_plan_review", "accommodation_provided",
        "pa_visit", "support_ended",
        // complaints
        "complaint_received", "stage1_response", "stage2_request", "stage2_response", "stage3_request",
        "panel_meeting", "panel_report", "authority_response", "complaint_closed",
        // supervision (a worker's record)
        "asye_start", "employment_start", "supervision", "left_employment"};
    return kTypes;
}

namespace {

bool pack_uses(const RulePack& pack, std::string_view type) {
    for (const Rule& r : pack.rules()) {
        if (r.trigger == type) return true;
        for (const auto& t : r.satisfied_by)
            if (t == type) return true;
        for (const auto& t : r.ends_on)
            if (t == type) return true;
    }
    return false;
}

// The default pack's event types, read once (immutable after first use).
const std::set<std::string>& default_pack_types() {
    static const std::set<std::string> kTypes = [] {
        std::set<std::string> out;
        RulePack pack = RulePack::england_default();
        for (const Rule& r : pack.rules()) {
            out.insert(r.trigger);
            out.insert(r.satisfied_by.begin(), r.satisfied_by.end());
            out.insert(r.ends_on.begin(), r.ends_on.end());
        }
        return out;
    }();
    return kTypes;
}

}  // namespace

bool is_known_event_type(std::string_view type, const RulePack* pack) {
    const auto& types = event_types();
    if (std::find(types.begin(), types.end(), type) != types.end()) return true;
    if (pack) return pack_uses(*pack, type);
    return default_pack_types().count(std::string(type)) > 0;
}

std::int64_t record_event(Store& store, std::string_view child_id, const CaseEvent& event,
                          std::string_view recorded_by, const RulePack* pack) {
    detail::check_attribute_key(event.type, "event type");
    if (!is_known_event_type(event.type, pack))
        throw Error(Status::invalid_arg, "unknown event type '" + event.type +
                                             "' (see oversight::event_types() and the rule pack's triggers)");
    if (event.date > Date::today())
        throw Error(Status::invalid_arg, "event '" + event.type + "' dated " + event.date.iso() +
                                             " is in the future (events record what has happened)");
    detail::check_date_range(event.date, "event date");
    return detail::write(store, "recording event", [&] {
        auto& s = impl(store);
        return *detail::put_event(s, detail::child_row(s, child_id), event, recorded_by, "manual");
    });
}

// ---------------------------------------------------------------------- cases

std::vector<CaseSummary> list_cases(const Store& store, const CaseFilter& filter, Date as_of) {
    const auto& s = impl(store);
    return detail::read(store, "listing cases", [&] {
        SQLite::Statement q = detail::cases_as_of(s, filter, as_of);
        std::vector<CaseSummary> out;
        while (q.executeStep()) {
            CaseSummary c;
            c.child_id = q.getColumn(1).getString();
            c.worker = detail::opt_column(q.getColumn(2)).value_or("");
            c.team = detail::opt_column(q.getColumn(3)).value_or("");
            if (!q.getColumn(4).isNull()) c.allocated_from = Date::parse_iso(q.getColumn(4).getString());
            c.events = q.getColumn(5).getInt64();
            out.push_back(std::move(c));
        }
        return out;
    });
}

std::optional<CaseRecord> try_load_case(const Store& store, std::string_view child_id, Date as_of) {
    auto row = detail::read(store, "loading case", [&] { return detail::try_child_row(impl(store), child_id); });
    if (!row) return std::nullopt;
    const auto& s = impl(store);
    return detail::read(store, "loading case", [&] {
        CaseRecord r;
        r.child_id = std::string(child_id);
        SQLite::Statement a(s.db,
                            "SELECT w.name, t.name FROM allocations a JOIN workers w ON w.id = a.worker_id "
                            "JOIN teams t ON t.id = w.team_id WHERE a.child_id = :c AND a.from_date <= :d "
                            "AND (a.to_date IS NULL OR a.to_date > :d)");
        a.bind(":c", static_cast<std::int64_t>(*row));
        a.bind(":d", as_of.iso());
        if (a.executeStep()) {
            r.worker = a.getColumn(0).getString();
            r.team = a.getColumn(1).getString();
        }
        SQLite::Statement at(s.db,
                             "SELECT key, value, effective_from FROM case_attributes WHERE child_id = ? "
                             "AND effective_from <= ? ORDER BY effective_from, key");
        at.bind(1, static_cast<std::int64_t>(*row));
        at.bind(2, as_of.iso());
        while (at.executeStep())
            detail::add_attribute_row(r, at.getColumn(0).getString(), at.getColumn(1).getString(),
                                      at.getColumn(2).getString());
        SQLite::Statement e(s.db, "SELECT type, date, attributes FROM events WHERE child_id = ? ORDER BY date, id");
        e.bind(1, static_cast<std::int64_t>(*row));
        while (e.executeStep()) {
            CaseEvent ev;
            ev.type = e.getColumn(0).getString();
            ev.date = Date::parse_iso(e.getColumn(1).getString());
            auto j = nlohmann::json::parse(e.getColumn(2).getString());
            for (auto& [k, v] : j.items()) ev.attributes[k] = v.is_string() ? v.get<std::string>() : v.dump();
            r.events.push_back(std::move(ev));
        }
        return std::optional<CaseRecord>(std::move(r));
    });
}

CaseRecord load_case(const Store& store, std::string_view child_id, Date as_of) {
    auto r = try_load_case(store, child_id, as_of);
    if (!r) throw Error(Status::not_found, "no child with id '" + detail::sanitize_utf8(child_id) + "'");
    return std::move(*r);
}

std::string case_to_json(const CaseRecord& record) {
    nlohmann::json j;
    j["child"] = record.child_id;
    j["worker"] = record.worker;
    j["team"] = record.team;
    j["attributes"] = nlohmann::json::object();
    for (const auto& [k, v] : record.attributes) j["attributes"][k] = v;
    j["attribute_changes"] = nlohmann::json::array();
    for (const auto& c : record.attribute_changes)
        j["attribute_changes"].push_back({{"key", c.key}, {"value", c.value}, {"effective_from", c.effective_from.iso()}});
    j["events"] = nlohmann::json::array();
    for (const auto& e : record.events) {
        nlohmann::json a = nlohmann::json::object();
        for (const auto& [k, v] : e.attributes) a[k] = v;
        j["events"].push_back({{"type", e.type}, {"date", e.date.iso()}, {"attributes", a}});
    }
    return j.dump();
}

}  // namespace oversight
