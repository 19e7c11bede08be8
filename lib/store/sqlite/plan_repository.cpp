// The plan repository on SQLite: tables plans, plan_sections,
// recommendations, actions, progress_updates, milestones, tasks and
// plan_inspections; and, through indicator_repository.cpp, the plan's
// indicators and the actions' success measures.
#include "store/sqlite/repositories.hpp"

#include <oversight/core/error.hpp>
#include <oversight/plan/cost.hpp>

#include "plan/plan_repository.hpp"

#include <map>

namespace oversight::detail::sqlite {
namespace {

// ------------------------------------------------------------ mapping rows

/// The nine cost columns, in the order cost_at() reads them.
constexpr const char* kCostColumns =
    "cost_text, cost_kind, cost_amount_pence, cost_high_pence, cost_approximate, cost_period, cost_per_unit, "
    "cost_alternative, cost_note";

std::vector<Column> cost_columns(const Cost& c) {
    return {{"cost_text", c.text},
            {"cost_kind", value(to_string(c.kind))},
            {"cost_amount_pence", value(c.amount_pence)},
            {"cost_high_pence", value(c.high_pence)},
            {"cost_approximate", value(c.approximate)},
            {"cost_period", value(to_string(c.period))},
            {"cost_per_unit", c.per_unit},
            {"cost_alternative", c.alternative},
            {"cost_note", c.note}};
}

/// For update_row: the text is the field the history records ("cost"); the
/// parsed parts follow it.
void add_cost_fields(std::vector<Field>& fields, const Cost& c) {
    bool first = true;
    for (Column& col : cost_columns(c)) {
        fields.push_back({col.name, first ? "cost" : nullptr, std::move(col.value)});
        first = false;
    }
}

Cost cost_at(SQLite::Statement& q, int i) {
    Cost c;
    c.text = q.getColumn(i).getString();
    c.kind = parse_cost_kind(q.getColumn(i + 1).getString());
    c.amount_pence = opt_int(q.getColumn(i + 2));
    c.high_pence = opt_int(q.getColumn(i + 3));
    c.approximate = q.getColumn(i + 4).getInt() != 0;
    c.period = parse_cost_period(q.getColumn(i + 5).getString());
    c.per_unit = q.getColumn(i + 6).getString();
    c.alternative = q.getColumn(i + 7).getString();
    c.note = q.getColumn(i + 8).getString();
    return c;
}

const std::string kPlanSelect =
    "SELECT id, title, authority, report_date, immediately_days, due_soon_days, stale_update_days FROM plans";

Plan plan_at(SQLite::Statement& q) {
    Plan p;
    p.id = q.getColumn(0).getInt64();
    p.title = q.getColumn(1).getString();
    p.authority = q.getColumn(2).getString();
    p.report_date = opt_date(q.getColumn(3));
    p.settings.immediately_days = q.getColumn(4).getInt();
    p.settings.due_soon_days = q.getColumn(5).getInt();
    p.settings.stale_update_days = q.getColumn(6).getInt();
    return p;
}

const std::string kRecommendationSelect =
    std::string("SELECT r.id, r.number, s.name, r.text, r.timescale, r.explicit_date, r.lead, ") + kCostColumns +
    " FROM recommendations r LEFT JOIN plan_sections s ON s.id = r.section_id";

Recommendation recommendation_at(SQLite::Statement& q) {
    Recommendation r;
    r.id = q.getColumn(0).getInt64();
    r.number = q.getColumn(1).getInt();
    r.section = opt_text(q.getColumn(2)).value_or("");
    r.text = q.getColumn(3).getString();
    r.timescale = parse_timescale(q.getColumn(4).getString());
    r.explicit_date = opt_date(q.getColumn(5));
    r.lead = q.getColumn(6).getString();
    r.cost = cost_at(q, 7);
    return r;
}

// Column 1 (recommendation_id) is for load() to place the action.
const std::string kActionSelect =
    std::string("SELECT id, recommendation_id, ref, description, lead, status, due, impact_intended, "
                "impact_evidence, ") +
    kCostColumns + ", rag, rag_by, rag_reason, rag_set_on FROM actions";

Action action_at(SQLite::Statement& q) {
    Action a;
    a.id = q.getColumn(0).getInt64();
    a.ref = q.getColumn(2).getString();
    a.description = q.getColumn(3).getString();
    a.lead = q.getColumn(4).getString();
    a.status = parse_action_status(q.getColumn(5).getString());
    a.due = opt_date(q.getColumn(6));
    a.impact_intended = q.getColumn(7).getString();
    a.impact_evidence = q.getColumn(8).getString();
    a.cost = cost_at(q, 9);
    if (!q.getColumn(18).isNull())
        a.rag_override = RagOverride{parse_rag(q.getColumn(18).getString()), q.getColumn(19).getString(),
                                     q.getColumn(20).getString(), Date::parse_iso(q.getColumn(21).getString())};
    return a;
}

/// The four RAG override columns: all set, or all NULL.
std::vector<Field> rag_fields(const std::optional<RagOverride>& o) {
    if (!o) return {{"rag", "rag", {}}, {"rag_by", "rag_by", {}}, {"rag_reason", "rag_reason", {}},
                    {"rag_set_on", "rag_set_on", {}}};
    return {{"rag", "rag", value(to_string(o->rag))},
            {"rag_by", "rag_by", o->by},
            {"rag_reason", "rag_reason", o->reason},
            {"rag_set_on", "rag_set_on", value(o->set_on)}};
}

const std::string kInspectionSelect =
    "SELECT id, kind, letter_date, ended_date, priority_actions, monitored, draft_submitted, plan_submitted, owner "
    "FROM plan_inspections";

Inspection inspection_at(SQLite::Statement& q) {
    Inspection i;
    i.kind = parse_inspection_kind(q.getColumn(1).getString());
    i.letter = Date::parse_iso(q.getColumn(2).getString());
    i.ended = opt_date(q.getColumn(3));
    i.priority_actions = q.getColumn(4).getInt() != 0;
    i.monitored = q.getColumn(5).getInt() != 0;
    i.draft_submitted = opt_date(q.getColumn(6));
    i.plan_submitted = opt_date(q.getColumn(7));
    i.owner = q.getColumn(8).getString();
    return i;
}

/// The columns of plan_inspections but plan_id, as update_row fields.
std::vector<Field> inspection_fields(const Inspection& i) {
    return {{"kind", "kind", value(to_string(i.kind))},
            {"letter_date", "letter", value(i.letter)},
            {"ended_date", "ended", value(i.ended)},
            {"priority_actions", "priority_actions", value(i.priority_actions)},
            {"monitored", "monitored", value(i.monitored)},
            {"draft_submitted", "draft_submitted", value(i.draft_submitted)},
            {"plan_submitted", "plan_submitted", value(i.plan_submitted)},
            {"owner", "owner", i.owner}};
}

// ------------------------------------------------------------ repository

class SqlitePlanRepository final : public PlanRepository {
public:
    explicit SqlitePlanRepository(Connection& c) : c_(c) {}

    std::optional<Plan> load(std::int64_t plan_id) const override {
        return guarded(c_, "loading plan", [&]() -> std::optional<Plan> {
            std::optional<Plan> plan = header(plan_id);
            if (!plan) return std::nullopt;
            Query s = query(c_, "SELECT name FROM plan_sections WHERE plan_id = ?1 ORDER BY position, id",
                                        {plan_id});
            while (s.executeStep()) plan->sections.push_back(s.getColumn(0).getString());
            std::map<std::int64_t, std::size_t> rec_index;
            Query r =
                query(c_, kRecommendationSelect + " WHERE r.plan_id = ?1 ORDER BY r.position, r.id", {plan_id});
            while (r.executeStep()) {
                rec_index[r.getColumn(0).getInt64()] = plan->recommendations.size();
                plan->recommendations.push_back(recommendation_at(r));
            }
            Query a = query(
                c_, kActionSelect + " WHERE plan_id = ?1 ORDER BY recommendation_id, position, id", {plan_id});
            while (a.executeStep())
                plan->recommendations[rec_index.at(a.getColumn(1).getInt64())].actions.push_back(action_at(a));
            // Pointers are taken only now that the vectors no longer grow.
            std::map<std::int64_t, Action*> by_id;
            for (auto& rec : plan->recommendations)
                for (auto& action : rec.actions) by_id[action.id] = &action;
            Query u = query(c_,
                                        "SELECT u.id, u.action_id, u.date, u.author, u.text FROM progress_updates u "
                                        "JOIN actions a ON a.id = u.action_id WHERE a.plan_id = ?1 "
                                        "ORDER BY u.action_id, u.position, u.id",
                                        {plan_id});
            while (u.executeStep())
                by_id.at(u.getColumn(1).getInt64())
                    ->updates.push_back({u.getColumn(0).getInt64(), Date::parse_iso(u.getColumn(2).getString()),
                                         u.getColumn(3).getString(), u.getColumn(4).getString()});
            Query m = query(c_,
                                        "SELECT m.id, m.action_id, m.date, m.text, m.done FROM milestones m "
                                        "JOIN actions a ON a.id = m.action_id WHERE a.plan_id = ?1 "
                                        "ORDER BY m.action_id, m.position, m.id",
                                        {plan_id});
            while (m.executeStep())
                by_id.at(m.getColumn(1).getInt64())
                    ->milestones.push_back({m.getColumn(0).getInt64(), Date::parse_iso(m.getColumn(2).getString()),
                                            m.getColumn(3).getString(), m.getColumn(4).getInt() != 0});
            Query t = query(c_,
                                        "SELECT t.id, t.action_id, t.text, t.owner, t.due, t.done FROM tasks t "
                                        "JOIN actions a ON a.id = t.action_id WHERE a.plan_id = ?1 "
                                        "ORDER BY t.action_id, t.position, t.id",
                                        {plan_id});
            while (t.executeStep())
                by_id.at(t.getColumn(1).getInt64())
                    ->tasks.push_back({t.getColumn(0).getInt64(), t.getColumn(2).getString(),
                                       t.getColumn(3).getString(), opt_date(t.getColumn(4)),
                                       t.getColumn(5).getInt() != 0});
            plan->indicators = load_indicators(c_, plan_id);
            for (auto& [action_id, keys] : load_success_measures(c_, plan_id))
                if (auto it = by_id.find(action_id); it != by_id.end()) it->second->success_measures = std::move(keys);
            return plan;
        });
    }

    std::optional<Plan> find_plan(std::int64_t plan_id) const override {
        return guarded(c_, "finding plan", [&] { return header(plan_id); });
    }

    std::vector<PlanSummary> plans() const override {
        return guarded(c_, "listing plans", [&] {
            Query q = query(c_, "SELECT p.id, p.title, p.authority, p.report_date, "
                                            "(SELECT count(*) FROM recommendations r WHERE r.plan_id = p.id), "
                                            "(SELECT count(*) FROM actions a WHERE a.plan_id = p.id) "
                                            "FROM plans p ORDER BY p.id");
            std::vector<PlanSummary> out;
            while (q.executeStep())
                out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                               opt_date(q.getColumn(3)), q.getColumn(4).getInt(), q.getColumn(5).getInt()});
            return out;
        });
    }

    std::optional<std::int64_t> latest_plan() const override {
        return guarded(c_, "finding the latest plan", [&] { return query_id(c_, "SELECT max(id) FROM plans", {}); });
    }

    std::optional<Recommendation> find_recommendation(std::int64_t plan_id, int number) const override {
        return guarded(c_, "finding a recommendation", [&]() -> std::optional<Recommendation> {
            Query q =
                query(c_, kRecommendationSelect + " WHERE r.plan_id = ?1 AND r.number = ?2", {plan_id, number});
            if (!q.executeStep()) return std::nullopt;
            return recommendation_at(q);
        });
    }

    std::optional<Action> find_action(std::int64_t plan_id, std::string_view ref) const override {
        return guarded(c_, "finding an action", [&]() -> std::optional<Action> {
            Query q = query(c_, kActionSelect + " WHERE plan_id = ?1 AND ref = ?2", {plan_id, value(ref)});
            if (!q.executeStep()) return std::nullopt;
            return action_at(q);
        });
    }

    std::int64_t add_plan(const Plan& p) override {
        return write(c_, "saving plan", [&] {
            std::int64_t id = insert_row(c_, "plans", "plan",
                                         {{"title", p.title},
                                          {"authority", p.authority},
                                          {"report_date", value(p.report_date)},
                                          {"immediately_days", value(p.settings.immediately_days)},
                                          {"due_soon_days", value(p.settings.due_soon_days)},
                                          {"stale_update_days", value(p.settings.stale_update_days)}},
                                         p.title);
            for (const std::string& s : p.sections) section_id(id, s);
            for (const Indicator& i : p.indicators) insert_indicator(c_, id, i);
            for (const Recommendation& r : p.recommendations) insert_recommendation(id, r);
            if (p.inspection) insert_inspection(id, *p.inspection);
            return id;
        });
    }

    std::int64_t add_recommendation(std::int64_t plan_id, const Recommendation& r) override {
        return write(c_, "adding a recommendation", [&] { return insert_recommendation(plan_id, r); });
    }

    std::int64_t add_action(std::int64_t plan_id, std::int64_t recommendation_id, const Action& a) override {
        return write(c_, "adding an action", [&] { return insert_action(plan_id, recommendation_id, a); });
    }

    std::int64_t add_progress_update(std::int64_t action_id, const ProgressUpdate& u) override {
        return write(c_, "adding a progress update", [&] { return insert_progress(action_id, u); });
    }

    std::int64_t add_milestone(std::int64_t action_id, const Milestone& m) override {
        return write(c_, "adding a milestone", [&] { return insert_milestone(action_id, m); });
    }

    std::int64_t add_task(std::int64_t action_id, const Task& t) override {
        return write(c_, "adding a task", [&] { return insert_task(action_id, t); });
    }

    void update_plan(const Plan& p) override {
        write(c_, "changing a plan", [&] {
            update_row(c_, "plans", "plan", p.id,
                       {{"title", "title", p.title},
                        {"authority", "authority", p.authority},
                        {"report_date", "report_date", value(p.report_date)},
                        {"immediately_days", "immediately_days", value(p.settings.immediately_days)},
                        {"due_soon_days", "due_soon_days", value(p.settings.due_soon_days)},
                        {"stale_update_days", "stale_update_days", value(p.settings.stale_update_days)}});
        });
    }

    void set_inspection(std::int64_t plan_id, const std::optional<Inspection>& inspection) override {
        write(c_, "changing the plan's inspection", [&] {
            std::optional<std::int64_t> id =
                query_id(c_, "SELECT id FROM plan_inspections WHERE plan_id = ?1", {plan_id});
            if (!inspection) {
                if (id) delete_row(c_, "plan_inspections", "plan_inspection", *id, "plan " + std::to_string(plan_id));
            } else if (id) {
                update_row(c_, "plan_inspections", "plan_inspection", *id, inspection_fields(*inspection));
            } else {
                insert_inspection(plan_id, *inspection);
            }
        });
    }

    void update_recommendation(std::int64_t plan_id, const Recommendation& r) override {
        write(c_, "changing a recommendation", [&] {
            // Timescale and date in one UPDATE: the CHECK that by_date has a
            // date holds per statement.
            std::vector<Field> fields = {{"section_id", "section", value(section_id(plan_id, r.section)), "plan_sections"},
                                         {"text", "text", r.text},
                                         {"lead", "lead", r.lead},
                                         {"timescale", "timescale", value(to_string(r.timescale))},
                                         {"explicit_date", "explicit_date", value(r.explicit_date)}};
            add_cost_fields(fields, r.cost);
            update_row(c_, "recommendations", "recommendation", r.id, fields);
        });
    }

    void update_action(const Action& a) override {
        write(c_, "changing an action", [&] {
            std::vector<Field> fields = {{"status", "status", value(to_string(a.status))},
                                         {"lead", "lead", a.lead},
                                         {"due", "due", value(a.due)},
                                         {"description", "description", a.description},
                                         {"impact_intended", "impact_intended", a.impact_intended},
                                         {"impact_evidence", "impact_evidence", a.impact_evidence}};
            add_cost_fields(fields, a.cost);
            for (Field& f : rag_fields(a.rag_override)) fields.push_back(std::move(f));
            update_row(c_, "actions", "action", a.id, fields);
        });
    }

    void set_milestone_done(std::int64_t id, bool done) override {
        write(c_, "completing a milestone",
              [&] { update_row(c_, "milestones", "milestone", id, {{"done", "done", value(done)}}); });
    }

    void set_task_done(std::int64_t id, bool done) override {
        write(c_, "completing a task", [&] { update_row(c_, "tasks", "task", id, {{"done", "done", value(done)}}); });
    }

    int rename_person(std::string_view from, std::string_view into) override {
        return write(c_, "renaming a person in the plans", [&] {
            int renamed = 0;
            const struct {
                const char* table;
                const char* entity;
                const char* column;
            } kNamed[] = {{"recommendations", "recommendation", "lead"}, {"actions", "action", "lead"},
                          {"tasks", "task", "owner"}};
            for (const auto& n : kNamed) {
                // Case-insensitive (ASCII), as the directory's NOCASE names.
                Query q = query(
                    c_, std::string("SELECT id FROM ") + n.table + " WHERE " + n.column + " = ?1 COLLATE NOCASE",
                    {value(from)});
                std::vector<std::int64_t> ids;
                while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
                for (std::int64_t id : ids) update_row(c_, n.table, n.entity, id, {{n.column, n.column, value(into)}});
                renamed += static_cast<int>(ids.size());
            }
            return renamed;
        });
    }

private:
    std::optional<Plan> header(std::int64_t plan_id) const {
        Query q = query(c_, kPlanSelect + " WHERE id = ?1", {plan_id});
        if (!q.executeStep()) return std::nullopt;
        Plan p = plan_at(q);
        Query i = query(c_, kInspectionSelect + " WHERE plan_id = ?1", {plan_id});
        if (i.executeStep()) p.inspection = inspection_at(i);
        return p;
    }

    std::int64_t insert_inspection(std::int64_t plan_id, const Inspection& i) {
        std::vector<Column> columns = {{"plan_id", plan_id}};
        for (Field& f : inspection_fields(i)) columns.push_back({f.column, std::move(f.value)});
        return insert_row(c_, "plan_inspections", "plan_inspection", columns,
                          std::string(to_string(i.kind)) + " " + i.letter.iso());
    }

    std::int64_t next_position(const char* table, const char* owner_column, std::int64_t owner) {
        return *query_id(c_,
                         std::string("SELECT coalesce(max(position), 0) + 1 FROM ") + table + " WHERE " +
                             owner_column + " = ?1",
                         {owner});
    }

    /// The id of the plan's section `name`, added at the end if missing;
    /// an empty name is no section (NULL).
    std::optional<std::int64_t> section_id(std::int64_t plan_id, const std::string& name) {
        if (name.empty()) return std::nullopt;
        if (auto id = query_id(c_, "SELECT id FROM plan_sections WHERE plan_id = ?1 AND name = ?2", {plan_id, name}))
            return id;
        return insert_row(c_, "plan_sections", "section",
                          {{"plan_id", plan_id},
                           {"position", next_position("plan_sections", "plan_id", plan_id)},
                           {"name", name}},
                          name);
    }

    std::int64_t insert_recommendation(std::int64_t plan_id, const Recommendation& r) {
        std::vector<Column> columns = {{"plan_id", plan_id},
                                       {"position", next_position("recommendations", "plan_id", plan_id)},
                                       {"number", value(r.number)},
                                       {"section_id", value(section_id(plan_id, r.section))},
                                       {"text", r.text},
                                       {"timescale", value(to_string(r.timescale))},
                                       {"explicit_date", value(r.explicit_date)},
                                       {"lead", r.lead}};
        for (Column& c : cost_columns(r.cost)) columns.push_back(std::move(c));
        std::int64_t id = insert_row(c_, "recommendations", "recommendation", columns, std::to_string(r.number));
        for (const Action& a : r.actions) insert_action(plan_id, id, a);
        return id;
    }

    std::int64_t insert_action(std::int64_t plan_id, std::int64_t rec_id, const Action& a) {
        std::vector<Column> columns = {{"plan_id", plan_id},
                                       {"recommendation_id", rec_id},
                                       {"position", next_position("actions", "recommendation_id", rec_id)},
                                       {"ref", a.ref},
                                       {"description", a.description},
                                       {"lead", a.lead},
                                       {"status", value(to_string(a.status))},
                                       {"due", value(a.due)},
                                       {"impact_intended", a.impact_intended},
                                       {"impact_evidence", a.impact_evidence}};
        for (Column& c : cost_columns(a.cost)) columns.push_back(std::move(c));
        for (Field& f : rag_fields(a.rag_override)) columns.push_back({f.column, std::move(f.value)});
        std::int64_t id = insert_row(c_, "actions", "action", columns, a.ref);
        for (const ProgressUpdate& u : a.updates) insert_progress(id, u);
        for (const Milestone& m : a.milestones) insert_milestone(id, m);
        for (const Task& t : a.tasks) insert_task(id, t);
        for (const std::string& key : a.success_measures) {
            auto indicator = query_id(c_, "SELECT id FROM indicators WHERE plan_id = ?1 AND key = ?2", {plan_id, key});
            if (!indicator)
                throw Error(Status::not_found, "action " + a.ref + " success measure: the plan has no indicator \"" +
                                                   key + "\"");
            insert_action_indicator(c_, id, *indicator, a.ref + " -> " + key);
        }
        return id;
    }

    std::int64_t insert_progress(std::int64_t action_id, const ProgressUpdate& u) {
        return insert_row(c_, "progress_updates", "progress_update",
                          {{"action_id", action_id},
                           {"position", next_position("progress_updates", "action_id", action_id)},
                           {"date", value(u.date)},
                           {"author", u.author},
                           {"text", u.text}},
                          u.date.iso() + " " + u.text);
    }

    std::int64_t insert_milestone(std::int64_t action_id, const Milestone& m) {
        return insert_row(c_, "milestones", "milestone",
                          {{"action_id", action_id},
                           {"position", next_position("milestones", "action_id", action_id)},
                           {"date", value(m.date)},
                           {"text", m.text},
                           {"done", value(m.done)}},
                          m.date.iso() + " " + m.text);
    }

    std::int64_t insert_task(std::int64_t action_id, const Task& t) {
        return insert_row(c_, "tasks", "task",
                          {{"action_id", action_id},
                           {"position", next_position("tasks", "action_id", action_id)},
                           {"text", t.text},
                           {"owner", t.owner},
                           {"due", value(t.due)},
                           {"done", value(t.done)}},
                          t.text);
    }

    Connection& c_;
};

}  // namespace

std::unique_ptr<PlanRepository> make_plan_repository(Connection& c) {
    return std::make_unique<SqlitePlanRepository>(c);
}

}  // namespace oversight::detail::sqlite
