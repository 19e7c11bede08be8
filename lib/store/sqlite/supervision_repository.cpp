// The supervision repository on SQLite: tables supervisions,
// supervision_cases, supervision_criteria, supervision_actions and
// supervision_follow_ups (0009 on this branch; 0010 once merged).
#include "store/sqlite/repositories.hpp"

#include <oversight/core/error.hpp>

#include "supervision/supervision_repository.hpp"

#include <map>

namespace oversight::detail::sqlite {
namespace {

class SqliteSupervisionRepository final : public SupervisionRepository {
public:
    explicit SqliteSupervisionRepository(Connection& c) : c_(c) {}

    std::int64_t add(const SupervisionRecord& r) override {
        return write(c_, "recording a supervision", [&] {
            const std::int64_t supervisee = person(r.supervisee), supervisor = person(r.supervisor);
            const std::string summary = r.supervisee + " by " + r.supervisor + " on " + r.held.iso();
            const std::int64_t id = insert_row(c_, "supervisions", "supervision",
                                               {{"supervisee_id", supervisee},
                                                {"supervisor_id", supervisor},
                                                {"held_date", value(r.held)},
                                                {"recorded_date", value(r.recorded.value_or(r.held))},
                                                {"minutes", value(r.minutes)},
                                                {"created_at", utc_timestamp_now()}},
                                               summary);
            record_change(c_, "supervision", id, "supervisee", std::nullopt, r.supervisee);
            record_change(c_, "supervision", id, "supervisor", std::nullopt, r.supervisor);
            record_change(c_, "supervision", id, "held", std::nullopt, r.held.iso());
            record_change(c_, "supervision", id, "recorded", std::nullopt, r.recorded.value_or(r.held).iso());
            if (r.minutes) record_change(c_, "supervision", id, "minutes", std::nullopt, std::to_string(r.minutes));
            for (const std::string& child : r.cases) {
                auto row = query_id(c_, "SELECT id FROM children WHERE child_ref = ?1", {child});
                if (!row) throw Error(Status::not_found, "no child with id '" + child + "'");
                insert_row(c_, "supervision_cases", "supervision_case", {{"supervision_id", id}, {"child_id", *row}},
                           child);
            }
            for (const std::string& criterion : r.criteria) {
                query(c_, "INSERT INTO supervision_criteria(supervision_id, criterion) VALUES (?1, ?2)",
                      {id, criterion})
                    .exec();
                record_change(c_, "supervision", id, "criterion", std::nullopt, criterion);
            }
            for (const SupervisionAction& a : r.actions) {
                const std::int64_t action = insert_row(c_, "supervision_actions", "supervision_action",
                                                       {{"agreed_in", id},
                                                        {"text", a.text},
                                                        {"owner_id", person(a.owner)},
                                                        {"due_date", value(a.due)}},
                                                       a.text);
                record_change(c_, "supervision_action", action, "owner", std::nullopt, a.owner);
                record_change(c_, "supervision_action", action, "due", std::nullopt, a.due.iso());
            }
            for (const SupervisionFollowUp& f : r.follow_ups) {
                query(c_, "INSERT INTO supervision_follow_ups(supervision_id, action_id, closed) VALUES (?1, ?2, ?3)",
                      {id, f.action, value(f.closed)})
                    .exec();
                record_change(c_, "supervision_action", f.action, "followed_up", std::nullopt,
                              "supervision " + std::to_string(id));
                if (f.closed)
                    update_row(c_, "supervision_actions", "supervision_action", f.action,
                               {{"closed_in", nullptr, id}, {"closed_date", "closed", value(r.held)}});
            }
            return id;
        });
    }

    std::vector<SupervisionRecord> list(std::optional<Date> from, std::optional<Date> to,
                                        const std::optional<std::string>& person) const override {
        return guarded(c_, "listing supervisions", [&] {
            std::vector<SupervisionRecord> out;
            snapshot(c_, [&] {
                std::string sql =
                    "SELECT s.id, a.name, b.name, s.held_date, s.recorded_date, s.minutes FROM supervisions s "
                    "JOIN people a ON a.id = s.supervisee_id JOIN people b ON b.id = s.supervisor_id WHERE 1 = 1";
                std::vector<Value> params;
                if (from) {
                    params.push_back(value(*from));
                    sql += " AND s.held_date >= ?" + std::to_string(params.size());
                }
                if (to) {
                    params.push_back(value(*to));
                    sql += " AND s.held_date <= ?" + std::to_string(params.size());
                }
                if (person) {
                    params.push_back(*person);
                    const std::string n = std::to_string(params.size());
                    sql += " AND (a.name = ?" + n + " COLLATE NOCASE OR b.name = ?" + n + " COLLATE NOCASE)";
                }
                sql += " ORDER BY s.held_date, s.id";
                std::map<std::int64_t, std::size_t> at;
                {
                    Query q = query(c_, sql, params);
                    while (q.executeStep()) {
                        SupervisionRecord r;
                        r.id = q.getColumn(0).getInt64();
                        r.supervisee = q.getColumn(1).getString();
                        r.supervisor = q.getColumn(2).getString();
                        r.held = Date::parse_iso(q.getColumn(3).getString());
                        r.recorded = Date::parse_iso(q.getColumn(4).getString());
                        r.minutes = q.getColumn(5).getInt();
                        at[r.id] = out.size();
                        out.push_back(std::move(r));
                    }
                }
                if (out.empty()) return;
                // The parts of the sessions read, in one pass each.
                {
                    Query q = query(c_,
                                    "SELECT k.supervision_id, c.child_ref FROM supervision_cases k "
                                    "JOIN children c ON c.id = k.child_id "
                                    "WHERE k.supervision_id BETWEEN ?1 AND ?2 ORDER BY k.id",
                                    {min_id(out), max_id(out)});
                    while (q.executeStep())
                        if (auto it = at.find(q.getColumn(0).getInt64()); it != at.end())
                            out[it->second].cases.push_back(q.getColumn(1).getString());
                }
                {
                    Query q = query(c_,
                                    "SELECT supervision_id, criterion FROM supervision_criteria "
                                    "WHERE supervision_id BETWEEN ?1 AND ?2 ORDER BY supervision_id, rowid",
                                    {min_id(out), max_id(out)});
                    while (q.executeStep())
                        if (auto it = at.find(q.getColumn(0).getInt64()); it != at.end())
                            out[it->second].criteria.push_back(q.getColumn(1).getString());
                }
                {
                    Query q = query(c_,
                                    "SELECT x.id, x.agreed_in, x.text, p.name, x.due_date, x.closed_date "
                                    "FROM supervision_actions x JOIN people p ON p.id = x.owner_id "
                                    "WHERE x.agreed_in BETWEEN ?1 AND ?2 ORDER BY x.id",
                                    {min_id(out), max_id(out)});
                    while (q.executeStep()) {
                        auto it = at.find(q.getColumn(1).getInt64());
                        if (it == at.end()) continue;
                        SupervisionAction a;
                        a.id = q.getColumn(0).getInt64();
                        a.agreed_in = q.getColumn(1).getInt64();
                        a.text = q.getColumn(2).getString();
                        a.owner = q.getColumn(3).getString();
                        a.due = Date::parse_iso(q.getColumn(4).getString());
                        a.closed = opt_date(q.getColumn(5));
                        out[it->second].actions.push_back(std::move(a));
                    }
                }
                {
                    Query q = query(c_,
                                    "SELECT supervision_id, action_id, closed FROM supervision_follow_ups "
                                    "WHERE supervision_id BETWEEN ?1 AND ?2 ORDER BY supervision_id, rowid",
                                    {min_id(out), max_id(out)});
                    while (q.executeStep())
                        if (auto it = at.find(q.getColumn(0).getInt64()); it != at.end())
                            out[it->second].follow_ups.push_back(
                                {q.getColumn(1).getInt64(), q.getColumn(2).getInt() != 0});
                }
            });
            return out;
        });
    }

private:
    static std::int64_t min_id(const std::vector<SupervisionRecord>& v) {
        std::int64_t m = v.front().id;
        for (const auto& r : v) m = std::min(m, r.id);
        return m;
    }
    static std::int64_t max_id(const std::vector<SupervisionRecord>& v) {
        std::int64_t m = v.front().id;
        for (const auto& r : v) m = std::max(m, r.id);
        return m;
    }

    std::int64_t person(const std::string& name) const {
        auto id = query_id(c_, "SELECT id FROM people WHERE name = ?1 COLLATE NOCASE", {name});
        if (!id) throw Error(Status::not_found, "no person named '" + name + "'");
        return *id;
    }

    Connection& c_;
};

}  // namespace

std::unique_ptr<SupervisionRepository> make_supervision_repository(Connection& c) {
    return std::make_unique<SqliteSupervisionRepository>(c);
}

}  // namespace oversight::detail::sqlite
