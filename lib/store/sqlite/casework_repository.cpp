// The casework repository on SQLite: tables children, allocations,
// case_attributes and events. A case's team is the team of the allocated
// worker's appointment in force on the day asked about.
#include "store/sqlite/repositories.hpp"

#include <oversight/core/error.hpp>

#include "casework/casework_repository.hpp"
#include "core/text.hpp"

#include <nlohmann/json.hpp>

#include <unordered_map>

namespace oversight::detail::sqlite {
namespace {

/// Event attributes as stored: a JSON object, keys sorted.
std::string attributes_json(const std::map<std::string, std::string>& attributes) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [k, v] : attributes) j[k] = v;
    return j.dump();
}

std::map<std::string, std::string> attributes_from_json(const std::string& text) {
    std::map<std::string, std::string> out;
    const nlohmann::json j = nlohmann::json::parse(text);
    for (const auto& [k, v] : j.items()) out[k] = v.is_string() ? v.get<std::string>() : v.dump();
    return out;
}

/// A case as of a day: columns child row id, child id, worker, team,
/// allocated from, event count. ?1 is the day; the filter's worker and team,
/// and one child, follow when given.
std::string case_sql(const CaseFilter& filter, bool one_child, std::vector<Value>& params, Date as_of) {
    params = {value(as_of)};
    std::string sql =
        "SELECT * FROM (SELECT c.id, c.child_ref, p.name AS worker, "
        "(SELECT t.name FROM appointments ap JOIN teams t ON t.id = ap.team_id WHERE ap.person_id = p.id "
        " AND (ap.from_date IS NULL OR ap.from_date <= ?1) AND (ap.to_date IS NULL OR ap.to_date > ?1) "
        " ORDER BY ap.from_date DESC, ap.to_date IS NULL DESC, ap.id DESC LIMIT 1) AS team, "
        "a.from_date, (SELECT count(*) FROM events e WHERE e.child_id = c.id) FROM children c "
        "LEFT JOIN allocations a ON a.child_id = c.id AND a.from_date <= ?1 AND (a.to_date IS NULL OR a.to_date > ?1) "
        "LEFT JOIN people p ON p.id = a.worker_id) WHERE 1 = 1";
    auto where = [&](const char* condition, Value v) {
        params.push_back(std::move(v));
        sql += std::string(" AND ") + condition + std::to_string(params.size());
    };
    if (filter.worker) where("worker = ?", *filter.worker);  // NOCASE, as the people directory
    if (filter.team) where("team = ?", *filter.team);
    if (one_child) sql += " AND child_ref = ?" + std::to_string(params.size() + 1);
    return sql + " ORDER BY child_ref";
}

class SqliteCaseworkRepository final : public CaseworkRepository {
public:
    explicit SqliteCaseworkRepository(Connection& c) : c_(c) {}

    std::optional<Child> find_child(std::string_view child_id) const override {
        return guarded(c_, "finding child", [&]() -> std::optional<Child> {
            SQLite::Statement q =
                query(c_, "SELECT child_ref, date_of_birth FROM children WHERE child_ref = ?1", {value(child_id)});
            if (!q.executeStep()) return std::nullopt;
            return Child{q.getColumn(0).getString(), opt_date(q.getColumn(1))};
        });
    }

    void add_child(const Child& child) override {
        write(c_, "adding child", [&] {
            std::int64_t id = insert_row(c_, "children", "child",
                                         {{"child_ref", child.id},
                                          {"date_of_birth", value(child.date_of_birth)},
                                          {"created_at", utc_timestamp_now()}},
                                         child.id);
            if (child.date_of_birth)
                record_change(c_, "child", id, "date_of_birth", std::nullopt, child.date_of_birth->iso());
        });
    }

    void update_child(const Child& child) override {
        write(c_, "changing child", [&] {
            update_row(c_, "children", "child", child_row(child.id),
                       {{"date_of_birth", "date_of_birth", value(child.date_of_birth)}});
        });
    }

    std::optional<Allocation> open_allocation(std::string_view child_id) const override {
        return guarded(c_, "finding an allocation", [&]() -> std::optional<Allocation> {
            SQLite::Statement q = query(c_,
                                        "SELECT a.id, p.name, a.from_date, a.to_date FROM allocations a "
                                        "JOIN people p ON p.id = a.worker_id "
                                        "WHERE a.child_id = ?1 AND a.to_date IS NULL",
                                        {child_row(child_id)});
            if (!q.executeStep()) return std::nullopt;
            return Allocation{q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                              Date::parse_iso(q.getColumn(2).getString()), opt_date(q.getColumn(3))};
        });
    }

    void add_allocation(std::string_view child_id, const Allocation& a) override {
        write(c_, "allocating child", [&] {
            insert_row(c_, "allocations", "allocation",
                       {{"child_id", child_row(child_id)},
                        {"worker_id", person_row(a.worker)},
                        {"from_date", value(a.from)},
                        {"to_date", value(a.to)}},
                       std::string(child_id) + " -> " + a.worker + " from " + a.from.iso());
        });
    }

    void update_allocation(const Allocation& a) override {
        write(c_, "changing an allocation", [&] {
            update_row(c_, "allocations", "allocation", a.id,
                       {{"worker_id", "worker", person_row(a.worker), "people"}, {"to_date", "to_date", value(a.to)}});
        });
    }

    bool set_attribute(std::string_view child_id, const AttributeChange& a) override {
        return write(c_, "setting attribute", [&] {
            const std::int64_t child = child_row(child_id);
            const std::string field = a.key + "@" + a.effective_from.iso();
            auto id = query_id(c_,
                               "SELECT id FROM case_attributes WHERE child_id = ?1 AND key = ?2 AND effective_from = ?3",
                               {child, a.key, value(a.effective_from)});
            if (id) return update_row(c_, "case_attributes", "case_attribute", *id, {{"value", field.c_str(), a.value}}) > 0;
            insert_row(c_, "case_attributes", "case_attribute",
                       {{"child_id", child}, {"key", a.key}, {"value", a.value}, {"effective_from", value(a.effective_from)}},
                       a.value, field);
            return true;
        });
    }

    std::optional<std::int64_t> add_event(std::string_view child_id, const CaseEvent& event,
                                          std::string_view recorded_by, std::string_view source) override {
        return write(c_, "recording event", [&]() -> std::optional<std::int64_t> {
            const std::int64_t child = child_row(child_id);
            const std::string attributes = attributes_json(event.attributes);
            // An imported event is stored once (the events_imported_once index).
            if (source != "manual" &&
                query_id(c_,
                         "SELECT id FROM events WHERE child_id = ?1 AND type = ?2 AND date = ?3 AND attributes = ?4 "
                         "AND source = ?5",
                         {child, event.type, value(event.date), attributes, value(source)}))
                return std::nullopt;
            nlohmann::json summary{{"type", event.type},
                                   {"date", event.date.iso()},
                                   {"attributes", nlohmann::json::parse(attributes)},
                                   {"source", std::string(source)}};
            return insert_row(c_, "events", "event",
                              {{"child_id", child},
                               {"type", event.type},
                               {"date", value(event.date)},
                               {"attributes", attributes},
                               {"recorded_by", value(recorded_by)},
                               {"recorded_at", utc_timestamp_now()},
                               {"source", value(source)}},
                              summary.dump());
        });
    }

    std::vector<CaseSummary> cases(const CaseFilter& filter, Date as_of) const override {
        return guarded(c_, "listing cases", [&] {
            std::vector<CaseSummary> out;
            for (auto& [row, summary] : case_rows(filter, as_of, std::nullopt)) out.push_back(std::move(summary));
            return out;
        });
    }

    std::vector<CaseRecord> load_cases(const CaseFilter& filter, Date as_of) const override {
        return guarded(c_, "loading cases", [&] { return records(filter, as_of, std::nullopt); });
    }

    std::optional<CaseRecord> load_case(std::string_view child_id, Date as_of) const override {
        return guarded(c_, "loading case", [&]() -> std::optional<CaseRecord> {
            std::vector<CaseRecord> r = records({}, as_of, child_id);
            if (r.empty()) return std::nullopt;
            return std::move(r.front());
        });
    }

private:
    std::int64_t child_row(std::string_view child_id) const {
        auto id = query_id(c_, "SELECT id FROM children WHERE child_ref = ?1", {value(child_id)});
        if (!id) throw Error(Status::not_found, "no child with id '" + sanitize_utf8(child_id) + "'");
        return *id;
    }

    std::int64_t person_row(std::string_view name) const {
        auto id = query_id(c_, "SELECT id FROM people WHERE name = ?1", {value(name)});
        if (!id) throw Error(Status::not_found, "no worker named '" + sanitize_utf8(name) + "'");
        return *id;
    }

    /// The cases as of `as_of` with their child row ids, one child's or all.
    std::vector<std::pair<std::int64_t, CaseSummary>> case_rows(const CaseFilter& filter, Date as_of,
                                                                std::optional<std::string_view> child) const {
        std::vector<Value> params;
        std::string sql = case_sql(filter, child.has_value(), params, as_of);
        if (child) params.push_back(value(*child));
        SQLite::Statement q = query(c_, sql, params);
        std::vector<std::pair<std::int64_t, CaseSummary>> out;
        while (q.executeStep())
            out.push_back({q.getColumn(0).getInt64(),
                           {q.getColumn(1).getString(), opt_text(q.getColumn(2)).value_or(""),
                            opt_text(q.getColumn(3)).value_or(""), opt_date(q.getColumn(4)),
                            q.getColumn(5).getInt64()}});
        return out;
    }

    /// Case records: the allocation and team in force on `as_of`, every
    /// attribute value effective on or before it (date order; later ones are
    /// current), every event (date order). Three queries, however many cases.
    std::vector<CaseRecord> records(const CaseFilter& filter, Date as_of, std::optional<std::string_view> child) const {
        std::vector<CaseRecord> out;
        std::unordered_map<std::int64_t, std::size_t> index;
        for (auto& [row, s] : case_rows(filter, as_of, child)) {
            index.emplace(row, out.size());
            CaseRecord r;
            r.child_id = std::move(s.child_id);
            r.worker = std::move(s.worker);
            r.team = std::move(s.team);
            out.push_back(std::move(r));
        }
        if (out.empty()) return out;
        // One child: its rows only (by index); all: one pass over each table.
        const std::string one = child ? " AND child_id = ?2" : "";
        std::vector<Value> params = {value(as_of)};
        if (child) params.push_back(index.begin()->first);
        SQLite::Statement a = query(c_,
                                    "SELECT child_id, key, value, effective_from FROM case_attributes "
                                    "WHERE effective_from <= ?1" + one + " ORDER BY child_id, effective_from, key",
                                    params);
        while (a.executeStep()) {
            auto it = index.find(a.getColumn(0).getInt64());
            if (it == index.end()) continue;
            CaseRecord& r = out[it->second];
            std::string key = a.getColumn(1).getString(), v = a.getColumn(2).getString();
            r.attributes[key] = v;
            r.attribute_changes.push_back({Date::parse_iso(a.getColumn(3).getString()), std::move(key), std::move(v)});
        }
        params.erase(params.begin());
        SQLite::Statement e = query(c_,
                                    "SELECT child_id, type, date, attributes FROM events" +
                                        std::string(child ? " WHERE child_id = ?1" : "") + " ORDER BY child_id, date, id",
                                    params);
        while (e.executeStep()) {
            auto it = index.find(e.getColumn(0).getInt64());
            if (it == index.end()) continue;
            out[it->second].events.push_back({e.getColumn(1).getString(), Date::parse_iso(e.getColumn(2).getString()),
                                              attributes_from_json(e.getColumn(3).getString())});
        }
        return out;
    }

    Connection& c_;
};

}  // namespace

std::unique_ptr<CaseworkRepository> make_casework_repository(Connection& c) {
    return std::make_unique<SqliteCaseworkRepository>(c);
}

}  // namespace oversight::detail::sqlite
