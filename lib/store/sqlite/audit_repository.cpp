// The audit repository on SQLite: tables audit_programmes, audits,
// audit_auditors, audit_cases, audit_counts, audit_recommendations and
// audit_links (0009).
#include "store/sqlite/repositories.hpp"

#include <oversight/core/error.hpp>

#include "audit/audit_repository.hpp"

#include <nlohmann/json.hpp>

namespace oversight::detail::sqlite {
namespace {

const char* const kProgrammeSelect =
    "SELECT g.id, g.name, g.type, g.cycle, p.name, g.scale, g.per_stratum, g.stratify, g.attribute, "
    "g.exclusion_months, g.next_due FROM audit_programmes g JOIN people p ON p.id = g.owner_id ";
const char* const kAuditSelect =
    "SELECT a.id, a.reference, g.name, a.held_date, a.recorded_date, a.findings "
    "FROM audits a JOIN audit_programmes g ON g.id = a.programme_id ";

class SqliteAuditRepository final : public AuditRepository {
public:
    explicit SqliteAuditRepository(Connection& c) : c_(c) {}

    std::optional<AuditProgramme> find_programme(std::string_view name) const override {
        return guarded(c_, "reading audit programme", [&]() -> std::optional<AuditProgramme> {
            Query q = query(c_, std::string(kProgrammeSelect) + "WHERE g.name = ?1 COLLATE NOCASE", {value(name)});
            if (!q.executeStep()) return std::nullopt;
            return programme_from(q);
        });
    }

    std::vector<AuditProgramme> programmes() const override {
        return guarded(c_, "listing audit programmes", [&] {
            std::vector<AuditProgramme> out;
            Query q = query(c_, std::string(kProgrammeSelect) + "ORDER BY g.name");
            while (q.executeStep()) out.push_back(programme_from(q));
            return out;
        });
    }

    std::int64_t add_programme(const AuditProgramme& p) override {
        return write(c_, "adding audit programme", [&] {
            const auto owner = person_id(p.owner);
            const std::vector<Column> cols = {{"name", p.name},
                                              {"type", p.type},
                                              {"cycle", p.cycle},
                                              {"owner_id", owner},
                                              {"scale", to_string(p.scale)},
                                              {"per_stratum", value(p.sampling.per_stratum)},
                                              {"stratify", value(to_string(p.sampling.stratify))},
                                              {"attribute", p.sampling.attribute},
                                              {"exclusion_months", value(p.sampling.exclusion_months)},
                                              {"next_due", value(p.next_due)},
                                              {"created_at", utc_timestamp_now()}};
            const std::int64_t id = insert_row(c_, "audit_programmes", "audit_programme", cols, p.name);
            record_change(c_, "audit_programme", id, "type", std::nullopt, p.type);
            record_change(c_, "audit_programme", id, "owner", std::nullopt, p.owner);
            record_change(c_, "audit_programme", id, "scale", std::nullopt, to_string(p.scale));
            if (!p.cycle.empty()) record_change(c_, "audit_programme", id, "cycle", std::nullopt, p.cycle);
            if (p.sampling.per_stratum)
                record_change(c_, "audit_programme", id, "sampling", std::nullopt,
                              std::to_string(p.sampling.per_stratum) + " per " +
                                  std::string(to_string(p.sampling.stratify)) +
                                  (p.sampling.attribute.empty() ? "" : " " + p.sampling.attribute) + ", exclusion " +
                                  std::to_string(p.sampling.exclusion_months) + " months");
            if (p.next_due) record_change(c_, "audit_programme", id, "next_due", std::nullopt, p.next_due->iso());
            return id;
        });
    }

    void set_programme_due(std::int64_t id, std::optional<Date> due) override {
        write(c_, "setting an audit programme's due date", [&] {
            update_row(c_, "audit_programmes", "audit_programme", id, {{"next_due", "next_due", value(due)}});
        });
    }

    std::optional<Audit> find(std::string_view reference) const override {
        return guarded(c_, "reading audit", [&]() -> std::optional<Audit> {
            std::optional<Audit> out;
            snapshot(c_, [&] {
                Query q = query(c_, std::string(kAuditSelect) + "WHERE a.reference = ?1 COLLATE NOCASE",
                                {value(reference)});
                if (!q.executeStep()) return;
                out = audit_from(q);
                fill(*out);
            });
            return out;
        });
    }

    std::vector<Audit> audits(std::string_view programme) const override {
        return guarded(c_, "listing audits", [&] {
            std::vector<Audit> out;
            snapshot(c_, [&] {
                {
                    Query q = programme.empty()
                                  ? query(c_, std::string(kAuditSelect) + "ORDER BY a.held_date, a.reference")
                                  : query(c_,
                                          std::string(kAuditSelect) +
                                              "WHERE g.name = ?1 COLLATE NOCASE ORDER BY a.held_date, a.reference",
                                          {value(programme)});
                    while (q.executeStep()) out.push_back(audit_from(q));
                }
                for (Audit& a : out) fill(a);
            });
            return out;
        });
    }

    std::int64_t add(const Audit& a) override {
        return write(c_, "adding audit", [&] {
            const auto programme =
                query_id(c_, "SELECT id FROM audit_programmes WHERE name = ?1 COLLATE NOCASE", {a.programme});
            if (!programme) throw Error(Status::not_found, "no audit programme '" + a.programme + "'");
            const std::int64_t id = insert_row(c_, "audits", "audit",
                                               {{"reference", a.reference},
                                                {"programme_id", *programme},
                                                {"held_date", value(a.held)},
                                                {"recorded_date", value(a.recorded)},
                                                {"findings", a.findings},
                                                {"created_at", utc_timestamp_now()}},
                                               a.reference);
            record_change(c_, "audit", id, "programme", std::nullopt, a.programme);
            record_change(c_, "audit", id, "held", std::nullopt, a.held.iso());
            record_change(c_, "audit", id, "recorded", std::nullopt, a.recorded.iso());
            if (!a.findings.empty()) record_change(c_, "audit", id, "findings", std::nullopt, a.findings);
            for (std::size_t i = 0; i < a.auditors.size(); ++i) {
                const Auditor& x = a.auditors[i];
                query(c_, "INSERT INTO audit_auditors(audit_id, position, name, agency) VALUES (?1, ?2, ?3, ?4)",
                      {id, value(static_cast<std::int64_t>(i + 1)), x.name, x.agency})
                    .exec();
                record_change(c_, "audit", id, "auditor", std::nullopt,
                              x.agency.empty() ? x.name : x.name + " (" + x.agency + ")");
            }
            for (const auto& [grade, n] : a.counts) {
                query(c_, "INSERT INTO audit_counts(audit_id, grade, count) VALUES (?1, ?2, ?3)",
                      {id, grade, value(n)})
                    .exec();
                record_change(c_, "audit", id, "count " + grade, std::nullopt, std::to_string(n));
            }
            for (std::size_t i = 0; i < a.cases.size(); ++i) {
                const AuditedCase& k = a.cases[i];
                std::optional<std::int64_t> child;
                if (k.child_id) {
                    child = query_id(c_, "SELECT id FROM children WHERE child_ref = ?1", {*k.child_id});
                    if (!child) throw Error(Status::not_found, "no child with id '" + *k.child_id + "'");
                }
                nlohmann::json answers = nlohmann::json::object();
                for (const auto& [key, answer] : k.answers) answers[key] = answer;
                const std::int64_t row =
                    insert_row(c_, "audit_cases", "audit_case",
                               {{"audit_id", id},
                                {"position", value(static_cast<std::int64_t>(i + 1))},
                                {"child_id", value(child)},
                                {"grade", k.grade},
                                {"answers", answers.dump()},
                                {"findings", k.findings}},
                               a.reference + " case " + std::to_string(i + 1));
                record_change(c_, "audit_case", row, "grade", std::nullopt, k.grade);
                if (k.child_id) record_change(c_, "audit_case", row, "child", std::nullopt, *k.child_id);
                if (!k.answers.empty()) record_change(c_, "audit_case", row, "answers", std::nullopt, answers.dump());
                if (!k.findings.empty()) record_change(c_, "audit_case", row, "findings", std::nullopt, k.findings);
            }
            for (const AuditRecommendation& r : a.recommendations) {
                const std::int64_t row = insert_row(c_, "audit_recommendations", "audit_recommendation",
                                                    {{"audit_id", id},
                                                     {"number", value(r.number)},
                                                     {"text", r.text},
                                                     {"owner_id", person_id(r.owner)},
                                                     {"due_date", value(r.due)},
                                                     {"completed_date", value(r.completed)}},
                                                    a.reference + " recommendation " + std::to_string(r.number));
                record_change(c_, "audit_recommendation", row, "text", std::nullopt, r.text);
                record_change(c_, "audit_recommendation", row, "owner", std::nullopt, r.owner);
                record_change(c_, "audit_recommendation", row, "due", std::nullopt, r.due.iso());
                if (r.completed)
                    record_change(c_, "audit_recommendation", row, "completed", std::nullopt, r.completed->iso());
            }
            for (const PlanActionLink& l : a.plan_actions) add_link(id, l);
            return id;
        });
    }

    void set_recommendation_completed(std::int64_t audit_id, int number, std::optional<Date> completed) override {
        write(c_, "completing an audit recommendation", [&] {
            auto row = query_id(c_, "SELECT id FROM audit_recommendations WHERE audit_id = ?1 AND number = ?2",
                                {audit_id, value(number)});
            if (!row) throw Error(Status::not_found, "audit recommendation " + std::to_string(number) + " not found");
            update_row(c_, "audit_recommendations", "audit_recommendation", *row,
                       {{"completed_date", "completed", value(completed)}});
        });
    }

    std::optional<std::int64_t> plan_action_id(const PlanActionLink& link) const override {
        return guarded(c_, "finding a plan action", [&] {
            return query_id(c_, "SELECT id FROM actions WHERE plan_id = ?1 AND ref = ?2", {link.plan_id, link.action});
        });
    }

    void add_link(std::int64_t audit_id, const PlanActionLink& link) override {
        write(c_, "linking an audit to a plan action", [&] {
            const auto action = plan_action_id(link);
            if (!action) throw Error(Status::not_found, "plan action '" + link.action + "' not found");
            insert_row(c_, "audit_links", "audit_link", {{"audit_id", audit_id}, {"action_id", *action}},
                       "plan " + std::to_string(link.plan_id) + " action " + link.action);
        });
    }

    std::vector<std::string> linked_audits(const PlanActionLink& link) const override {
        return guarded(c_, "listing the audits of a plan action", [&] {
            std::vector<std::string> out;
            Query q = query(c_,
                            "SELECT a.reference FROM audit_links l JOIN audits a ON a.id = l.audit_id "
                            "JOIN actions x ON x.id = l.action_id WHERE x.plan_id = ?1 AND x.ref = ?2 "
                            "ORDER BY a.held_date, a.reference",
                            {link.plan_id, link.action});
            while (q.executeStep()) out.push_back(q.getColumn(0).getString());
            return out;
        });
    }

    std::vector<std::string> audited_children(std::string_view programme, Date since, Date until) const override {
        return guarded(c_, "listing audited children", [&] {
            std::vector<std::string> out;
            Query q = query(c_,
                            "SELECT DISTINCT c.child_ref FROM audit_cases k JOIN audits a ON a.id = k.audit_id "
                            "JOIN audit_programmes g ON g.id = a.programme_id JOIN children c ON c.id = k.child_id "
                            "WHERE g.name = ?1 COLLATE NOCASE AND a.held_date >= ?2 AND a.held_date <= ?3 "
                            "ORDER BY c.child_ref",
                            {value(programme), value(since), value(until)});
            while (q.executeStep()) out.push_back(q.getColumn(0).getString());
            return out;
        });
    }

private:
    std::int64_t person_id(const std::string& name) const {
        auto id = query_id(c_, "SELECT id FROM people WHERE name = ?1 COLLATE NOCASE", {name});
        if (!id) throw Error(Status::not_found, "no person named '" + name + "'");
        return *id;
    }

    AuditProgramme programme_from(Query& q) const {
        AuditProgramme p;
        p.id = q.getColumn(0).getInt64();
        p.name = q.getColumn(1).getString();
        p.type = q.getColumn(2).getString();
        p.cycle = q.getColumn(3).getString();
        p.owner = q.getColumn(4).getString();
        p.scale = parse_audit_scale(q.getColumn(5).getString());
        p.sampling.per_stratum = q.getColumn(6).getInt();
        p.sampling.stratify = parse_audit_stratum(q.getColumn(7).getString());
        p.sampling.attribute = q.getColumn(8).getString();
        p.sampling.exclusion_months = q.getColumn(9).getInt();
        p.next_due = opt_date(q.getColumn(10));
        return p;
    }

    Audit audit_from(Query& q) const {
        Audit a;
        a.id = q.getColumn(0).getInt64();
        a.reference = q.getColumn(1).getString();
        a.programme = q.getColumn(2).getString();
        a.held = Date::parse_iso(q.getColumn(3).getString());
        a.recorded = Date::parse_iso(q.getColumn(4).getString());
        a.findings = q.getColumn(5).getString();
        return a;
    }

    void fill(Audit& a) const {
        {
            Query q = query(c_, "SELECT name, agency FROM audit_auditors WHERE audit_id = ?1 ORDER BY position", {a.id});
            while (q.executeStep()) a.auditors.push_back({q.getColumn(0).getString(), q.getColumn(1).getString()});
        }
        {
            Query q = query(c_,
                            "SELECT k.id, c.child_ref, k.grade, k.answers, k.findings FROM audit_cases k "
                            "LEFT JOIN children c ON c.id = k.child_id WHERE k.audit_id = ?1 ORDER BY k.position",
                            {a.id});
            while (q.executeStep()) {
                AuditedCase k;
                k.id = q.getColumn(0).getInt64();
                k.child_id = opt_text(q.getColumn(1));
                k.grade = q.getColumn(2).getString();
                const nlohmann::json answers = nlohmann::json::parse(q.getColumn(3).getString());
                for (auto it = answers.begin(); it != answers.end(); ++it)
                    k.answers[it.key()] = it.value().is_string() ? it.value().get<std::string>() : it.value().dump();
                k.findings = q.getColumn(4).getString();
                a.cases.push_back(std::move(k));
            }
        }
        {
            Query q = query(c_, "SELECT grade, count FROM audit_counts WHERE audit_id = ?1 ORDER BY grade", {a.id});
            while (q.executeStep()) a.counts[q.getColumn(0).getString()] = q.getColumn(1).getInt();
        }
        {
            Query q = query(c_,
                            "SELECT r.number, r.text, p.name, r.due_date, r.completed_date FROM audit_recommendations r "
                            "JOIN people p ON p.id = r.owner_id WHERE r.audit_id = ?1 ORDER BY r.number",
                            {a.id});
            while (q.executeStep()) {
                AuditRecommendation r;
                r.number = q.getColumn(0).getInt();
                r.text = q.getColumn(1).getString();
                r.owner = q.getColumn(2).getString();
                r.due = Date::parse_iso(q.getColumn(3).getString());
                r.completed = opt_date(q.getColumn(4));
                a.recommendations.push_back(std::move(r));
            }
        }
        {
            Query q = query(c_,
                            "SELECT x.plan_id, x.ref FROM audit_links l JOIN actions x ON x.id = l.action_id "
                            "WHERE l.audit_id = ?1 ORDER BY l.id",
                            {a.id});
            while (q.executeStep()) a.plan_actions.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString()});
        }
    }

    Connection& c_;
};

}  // namespace

std::unique_ptr<AuditRepository> make_audit_repository(Connection& c) {
    return std::make_unique<SqliteAuditRepository>(c);
}

}  // namespace oversight::detail::sqlite
