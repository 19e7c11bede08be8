// The kept compliance reports on SQLite: tables compliance_kept,
// compliance_kept_numbers, compliance_kept_undated (migration 0014),
// compliance_kept_items and compliance_kept_explanations (0016: both
// clustered on the report's order).
#include "store/sqlite/repositories.hpp"

#include <oversight/core/error.hpp>

#include "compliance/compliance_repository.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

namespace oversight::detail::sqlite {
namespace {

using json = nlohmann::json;

Value json_or_null(const std::optional<json>& j) { return j ? Value(j->dump()) : Value{}; }

std::optional<json> exemption_json(const std::optional<Exemption>& e) {
    if (!e) return std::nullopt;
    return json{{"id", e->id},         {"child", e->child_id},    {"kind", std::string(to_string(e->kind))},
                {"from", e->from.iso()}, {"to", e->to ? json(e->to->iso()) : json()}, {"reason", e->reason},
                {"approved_by", e->approved_by}, {"areas", e->areas},
                {"external_id", e->external_id ? json(*e->external_id) : json()}};
}

std::optional<Date> date_or_null(const json& j) {
    return j.is_null() ? std::nullopt : std::optional<Date>(Date::parse_iso(j.get<std::string>()));
}

Exemption exemption_from(const std::string& text) {
    const json j = json::parse(text);
    Exemption e;
    e.id = j.at("id").get<std::int64_t>();
    e.child_id = j.at("child").get<std::string>();
    e.kind = exemption_kind_from_string(j.at("kind").get<std::string>());
    e.from = Date::parse_iso(j.at("from").get<std::string>());
    e.to = date_or_null(j.at("to"));
    e.reason = j.at("reason").get<std::string>();
    e.approved_by = j.at("approved_by").get<std::string>();
    e.areas = j.at("areas").get<std::vector<std::string>>();
    if (!j.at("external_id").is_null()) e.external_id = j.at("external_id").get<std::string>();
    return e;
}

std::optional<json> host_due_json(const std::optional<HostDueDate>& h) {
    if (!h) return std::nullopt;
    return json{{"date", h->host_due ? json(h->host_due->iso()) : json()},
                {"text", h->host_text},
                {"event", h->event_type},
                {"event_date", h->event_date.iso()},
                {"explanation", h->explanation}};
}

HostDueDate host_due_from(const std::string& text) {
    const json j = json::parse(text);
    HostDueDate h;
    h.host_due = date_or_null(j.at("date"));
    h.host_text = j.at("text").get<std::string>();
    h.event_type = j.at("event").get<std::string>();
    h.event_date = Date::parse_iso(j.at("event_date").get<std::string>());
    h.explanation = j.at("explanation").get<std::string>();
    return h;
}

/// The sorted row ids as a JSON array, for `json_each`.
std::string id_list(const std::vector<std::int64_t>& rows) { return json(rows).dump(); }

class SqliteComplianceRepository final : public ComplianceRepository {
public:
    explicit SqliteComplianceRepository(Connection& c) : c_(c) {}

    void on_one_snapshot(const std::function<void()>& fn) const override {
        guarded(c_, "reading a kept compliance report", [&] { snapshot(c_, fn); });
    }

    std::optional<KeptCompliance> find(const std::string& key) const override {
        return guarded(c_, "reading a kept compliance report", [&]() -> std::optional<KeptCompliance> {
            Query q = query(c_, std::string(kHeader) + " WHERE key = ?1", {key});
            if (!q.executeStep()) return std::nullopt;
            return header_from(q);
        });
    }

    std::vector<KeptCompliance> all() const override {
        return guarded(c_, "listing kept compliance reports", [&] {
            Query q = query(c_, std::string(kHeader) + " ORDER BY as_of, key");
            std::vector<KeptCompliance> out;
            while (q.executeStep()) out.push_back(header_from(q));
            return out;
        });
    }

    bool forget(const std::string& key) override {
        return write(c_, "forgetting a kept compliance report", [&] {
            Query q = query(c_, "DELETE FROM compliance_kept WHERE key = ?1", {key});
            return q.exec() > 0;
        });
    }

    void start(const KeptCompliance& k) override {
        write(c_, "keeping a compliance report", [&] {
            query(c_, "DELETE FROM compliance_kept WHERE key = ?1", {k.key}).exec();
            query(c_,
                  "INSERT INTO compliance_kept(key, as_of, period_from, period_to, pack, school, history_seq, built_at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                  {k.key, value(k.as_of), value(k.period_from), value(k.period_to), k.pack, value(k.school),
                   k.history_sequence, k.built_at})
                .exec();
        });
    }

    void put_case(const std::string& key, std::int64_t child, const CaseCount* count) override {
        write(c_, "keeping a compliance report", [&] {
            const std::int64_t kept = kept_id(key);
            query(c_, "DELETE FROM compliance_kept_items WHERE kept = ?1 AND child = ?2", {kept, child}).exec();
            query(c_, "DELETE FROM compliance_kept_undated WHERE kept = ?1 AND child = ?2", {kept, child}).exec();
            if (!count) return;
            // n: each row's place among the case's rows, in the order the
            // case gave them (ties in the report's order keep it).
            std::int64_t n = 0;
            for (const ComplianceItem& i : count->items) insert_item(kept, child, 0, n++, i);
            for (const auto& [i, met] : count->carried) insert_item(kept, child, met ? 2 : 1, n++, i);
            for (const Undated& u : count->undated)
                query(c_,
                      "INSERT INTO compliance_kept_undated(kept, child, child_ref, team, worker, rule_id, anchor, "
                      "anchor_event, reason, met) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                      {kept, child, u.child_id, count->team, count->worker, u.rule_id, value(u.anchor), u.anchor_event,
                       u.reason, value(u.met)})
                    .exec();
        });
    }

    void finish(const std::string& key, std::int64_t history_sequence, const std::string& built_at) override {
        write(c_, "keeping a compliance report", [&] {
            query(c_, "UPDATE compliance_kept SET history_seq = ?2, built_at = ?3 WHERE key = ?1",
                  {key, history_sequence, built_at})
                .exec();
        });
    }

    std::int64_t latest_sequence() const override {
        return guarded(c_, "reading history", [&] { return latest_history_sequence(c_); });
    }

    ChangedCases changed_since(std::int64_t sequence) const override {
        return guarded(c_, "reading the changes since a kept compliance report", [&] {
            ChangedCases out;
            out.latest = latest_sequence();
            // A bookmark past the history (rows removed since): count again.
            if (sequence > out.latest) {
                out.everything = true;
                return out;
            }
            // Who is in which team, a person's or team's name, or a case
            // record moved between cases (its row names the new case only):
            // any case may have moved. A new person or team alone moves none.
            // Both reads walk the history from `sequence` on (`+`: not by
            // the entity or child index, which would read all of it).
            out.everything =
                query_id(c_,
                         "SELECT EXISTS (SELECT 1 FROM history WHERE seq > ?1 AND "
                         "((+child_id IS NULL AND +entity IN ('person', 'team', 'appointment') AND "
                         "NOT (entity <> 'appointment' AND field = '*' AND old_value IS NULL)) OR "
                         "(+child_id IS NOT NULL AND field = 'child' AND "
                         "+entity IN ('event', 'allocation', 'case_attribute', 'exemption'))))",
                         {sequence})
                    .value_or(1) != 0;
            if (out.everything) return out;
            Query q = query(c_,
                            "SELECT DISTINCT child_id FROM history WHERE seq > ?1 AND +child_id IS NOT NULL "
                            "ORDER BY child_id",
                            {sequence});
            while (q.executeStep()) out.children.push_back(q.getColumn(0).getInt64());
            return out;
        });
    }

    std::vector<std::pair<std::int64_t, std::string>> children(const std::vector<std::int64_t>& rows) const override {
        return guarded(c_, "reading children", [&] {
            std::vector<std::pair<std::int64_t, std::string>> out;
            if (rows.empty()) return out;
            Query q = query(c_,
                            "SELECT id, child_ref FROM children WHERE id IN (SELECT value FROM json_each(?1)) "
                            "ORDER BY id",
                            {id_list(rows)});
            while (q.executeStep()) out.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getString());
            return out;
        });
    }

    void for_each_item(const std::string& key, const std::vector<std::int64_t>& skipped,
                       const ComplianceOptions& options, const RulePack& pack,
                       const std::function<void(ComplianceItem&&)>& fn) const override {
        guarded(c_, "reading a kept compliance report", [&] {
            // Both tables are clustered on the report's order (migration
            // 0016): the rows and, when asked for, their explanations are
            // read as two ordered walks side by side, each pair checked to
            // be the same item. The filters narrow the rows read (the report
            // applies them exactly again): a manager's own team reads only
            // its rows.
            // Only the filters given are tested, row by row.
            std::vector<Value> args{kept_id(key)};
            std::string where = " WHERE kept = ?1 AND kind = 0";
            // Names ignoring ASCII case (as the report compares them).
            auto filter = [&](const std::optional<std::string>& value, const std::string& column, bool any_case) {
                if (!value) return;
                args.emplace_back(*value);
                const std::string param = "?" + std::to_string(args.size());
                where += any_case ? " AND lower(" + column + ") = lower(" + param + ")"
                                  : " AND " + column + " = " + param;
            };
            filter(options.team, "team", true);
            filter(options.worker, "worker", true);
            filter(options.rule, "rule_id", false);
            filter(options.area, "area", false);
            where += " ORDER BY kept, kind, team, worker, child_ref, due, rule_id, anchor, child, n";
            // No area: the rule's (below).
            Rows r(c_,
                   "SELECT child, n, child_ref, team, worker, rule_id, state, days, due, anchor, anchor_event, "
                   "met_on, ended_on, met_event, met_recorded_on, recording_delay, recorded_late, exemption, "
                   "host_due FROM compliance_kept_items" +
                       where,
                   args);
            std::optional<Rows> texts;
            if (options.explain)
                texts.emplace(c_, "SELECT child, n, text FROM compliance_kept_explanations" + where, args);
            std::unordered_map<std::string, const Rule*> rules;  // each rule looked up once
            const Rule* rule = nullptr;  // the row before's, and its id
            std::string rule_id;
            // One item filled row after row: every field is assigned, so
            // text keeps its room when `fn` only reads it.
            ComplianceItem i;
            Obligation& o = i.obligation;
            while (r.step()) {
                const std::int64_t child = r.integer(0);
                const std::int64_t n = r.integer(1);
                if (texts && (!texts->step() || texts->integer(0) != child || texts->integer(1) != n))
                    throw Error(Status::db, "kept compliance report " + key + ": the explanation of child row " +
                                                std::to_string(child) + " item " + std::to_string(n) +
                                                " is missing (the store was changed outside Oversight; keep the "
                                                "report again)");
                if (std::binary_search(skipped.begin(), skipped.end(), child)) continue;
                r.text(2, o.child_id);
                r.text(3, o.team);
                r.text(4, o.worker);
                r.text(5, o.rule_id);
                if (o.rule_id != rule_id || rules.empty()) {
                    auto known = rules.find(o.rule_id);
                    if (known == rules.end()) known = rules.emplace(o.rule_id, pack.find(o.rule_id)).first;
                    rule = known->second;
                    rule_id = o.rule_id;
                }
                // The rule's title, source, layer and area, as when it was
                // kept ("" for a rule the pack lacks): the report's key
                // holds the whole pack (kept_key).
                const auto of_rule = [&](const std::string Rule::*field) {
                    return rule ? std::string_view(rule->*field) : std::string_view();
                };
                assign_text(o.title, of_rule(&Rule::title));
                assign_text(o.layer, of_rule(&Rule::layer));
                assign_text(o.source, of_rule(&Rule::source));
                assign_text(i.area, of_rule(&Rule::area));
                i.state = compliance_state_from_string(r.text(6));
                i.days = static_cast<int>(r.integer(7));
                o.due = r.date(8);
                o.anchor = r.date(9);
                r.text(10, o.anchor_event);
                o.met_on = r.opt_date(11);
                o.ended_on = r.opt_date(12);
                r.text(13, i.met_event);
                i.met_recorded_on = r.opt_date(14);
                const std::optional<std::int64_t> delay = r.opt_integer(15);
                i.recording_delay = delay ? std::optional<int>(static_cast<int>(*delay)) : std::nullopt;
                i.recorded_late = r.integer(16) != 0;
                const std::optional<std::string_view> exemption = r.opt_text(17), host = r.opt_text(18);
                i.exemption = exemption ? std::optional<Exemption>(exemption_from(std::string(*exemption)))
                                        : std::nullopt;
                i.host_due = host ? std::optional<HostDueDate>(host_due_from(std::string(*host))) : std::nullopt;
                if (texts) texts->text(2, o.explanation);
                else o.explanation.clear();
                fn(std::move(i));
            }
            if (texts && texts->step())
                throw Error(Status::db, "kept compliance report " + key +
                                            ": an explanation without its child row (the store was changed outside "
                                            "Oversight; keep the report again)");
        });
    }

    void for_each_count(const std::string& key, const std::vector<std::int64_t>& skipped,
                        const std::function<void(const KeptCount&)>& fn) const override {
        guarded(c_, "reading a kept compliance report", [&] {
            // The kept numbers (compliance_kept_numbers), less the skipped
            // cases' own rows (found by the case index).
            using Key = std::tuple<std::string, std::string, std::string, std::string, int, std::string, int, int>;
            auto key_of = [](const Rows& r) {
                return Key{std::string(r.text(0)), std::string(r.text(1)), std::string(r.text(2)),
                           std::string(r.text(3)), static_cast<int>(r.integer(4)), std::string(r.text(5)),
                           static_cast<int>(r.integer(6)), static_cast<int>(r.integer(7))};
            };
            const std::int64_t kept = kept_id(key);
            std::map<Key, std::int64_t> less;
            if (!skipped.empty()) {
                Rows q(c_,
                       "SELECT team, worker, rule_id, area, kind, state, recorded_late, host_differs, count(*) "
                       "FROM compliance_kept_items WHERE kept = ?1 AND child IN (SELECT value FROM json_each(?2)) "
                       "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8",
                       {kept, id_list(skipped)});
                while (q.step()) less[key_of(q)] = q.integer(8);
            }
            Rows r(c_,
                   "SELECT team, worker, rule_id, area, kind, state, recorded_late, host_differs, n "
                   "FROM compliance_kept_numbers WHERE kept = ?1",
                   {kept});
            KeptCount k;  // reused: its text keeps its room
            while (r.step()) {
                k.n = r.integer(8);
                if (!less.empty())
                    if (auto it = less.find(key_of(r)); it != less.end()) k.n -= it->second;
                if (k.n <= 0) continue;
                r.text(0, k.team);
                r.text(1, k.worker);
                r.text(2, k.rule_id);
                r.text(3, k.area);
                k.kind = static_cast<int>(r.integer(4));
                k.state = compliance_state_from_string(r.text(5));
                k.recorded_late = r.integer(6) != 0;
                k.host_differs = r.integer(7) != 0;
                fn(k);
            }
        });
    }

    std::vector<CaseCount> undated(const std::string& key, const std::vector<std::int64_t>& skipped) const override {
        return guarded(c_, "reading a kept compliance report", [&] {
            Query q = query(c_,
                            "SELECT child, child_ref, team, worker, rule_id, anchor, anchor_event, reason, met "
                            "FROM compliance_kept_undated WHERE kept = ?1 ORDER BY child, rowid",
                            {kept_id(key)});
            std::vector<CaseCount> out;
            while (q.executeStep()) {
                const std::int64_t child = q.getColumn(0).getInt64();
                if (std::binary_search(skipped.begin(), skipped.end(), child)) continue;
                if (out.empty() || out.back().child != child) {
                    out.emplace_back();
                    out.back().child = child;
                    out.back().team = q.getColumn(2).getString();
                    out.back().worker = q.getColumn(3).getString();
                }
                Undated u;
                u.child_id = q.getColumn(1).getString();
                u.rule_id = q.getColumn(4).getString();
                u.anchor = Date::parse_iso(q.getColumn(5).getString());
                u.anchor_event = q.getColumn(6).getString();
                u.reason = q.getColumn(7).getString();
                u.met = q.getColumn(8).getInt() != 0;
                out.back().undated.push_back(std::move(u));
            }
            return out;
        });
    }

private:
    static constexpr const char* kHeader =
        "SELECT key, as_of, period_from, period_to, pack, school, history_seq, built_at FROM compliance_kept";

    static KeptCompliance header_from(Query& q) {
        KeptCompliance k;
        k.key = q.getColumn(0).getString();
        k.as_of = Date::parse_iso(q.getColumn(1).getString());
        k.period_from = Date::parse_iso(q.getColumn(2).getString());
        k.period_to = Date::parse_iso(q.getColumn(3).getString());
        k.pack = q.getColumn(4).getString();
        k.school = opt_text(q.getColumn(5));
        k.history_sequence = q.getColumn(6).getInt64();
        k.built_at = q.getColumn(7).getString();
        return k;
    }

    std::int64_t kept_id(const std::string& key) const {
        auto id = query_id(c_, "SELECT id FROM compliance_kept WHERE key = ?1", {key});
        if (!id) throw Error(Status::not_found, "no kept compliance report with key " + key);
        return *id;
    }

    void insert_item(std::int64_t kept, std::int64_t child, int kind, std::int64_t n, const ComplianceItem& i) {
        const Obligation& o = i.obligation;
        query(c_,
              "INSERT INTO compliance_kept_items(kept, kind, team, worker, child_ref, due, rule_id, anchor, child, n, "
              "area, state, days, anchor_event, met_on, ended_on, met_event, met_recorded_on, recording_delay, "
              "recorded_late, host_differs, exemption, host_due) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
              "?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)",
              {kept, value(kind), o.team, o.worker, o.child_id, value(o.due), o.rule_id, value(o.anchor), child, n,
               i.area, std::string(to_string(i.state)), value(i.days), o.anchor_event, value(o.met_on),
               value(o.ended_on), i.met_event, value(i.met_recorded_on), value(i.recording_delay),
               value(i.recorded_late), value(i.host_due.has_value()), json_or_null(exemption_json(i.exemption)),
               json_or_null(host_due_json(i.host_due))})
            .exec();
        // Only the child-level rows are ever shown, so only they keep theirs.
        if (kind == 0)
            query(c_,
                  "INSERT INTO compliance_kept_explanations(kept, kind, team, worker, child_ref, due, rule_id, anchor, "
                  "child, n, area, text) VALUES (?1, 0, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                  {kept, o.team, o.worker, o.child_id, value(o.due), o.rule_id, value(o.anchor), child, n, i.area,
                   o.explanation})
                .exec();
    }

    Connection& c_;
};

}  // namespace

std::unique_ptr<ComplianceRepository> make_compliance_repository(Connection& c) {
    return std::make_unique<SqliteComplianceRepository>(c);
}

}  // namespace oversight::detail::sqlite
