// The casework repository on SQLite: tables children, allocations,
// case_attributes, events and exemptions. A case's team is the team of the allocated
// worker's appointment in force on the day asked about.
#include "store/sqlite/repositories.hpp"

#include <oversight/core/error.hpp>

#include "casework/casework_repository.hpp"
#include "core/text.hpp"

#include <nlohmann/json.hpp>

#include <iterator>
#include <tuple>
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
/// allocated from and, for a summary (not `by_row`), the event count. ?1 is
/// the day; the filter's worker and team, and one child, follow when given.
/// A worker or team filter starts from that worker's (or team's workers')
/// allocations by index rather than from every child, so one worker's cases
/// cost the same in a store of 1,000 children as in one of 100,000.
std::string case_sql(const CaseFilter& filter, bool one_child, std::vector<Value>& params, Date as_of,
                     bool by_row = false) {
    params = {value(as_of)};
    const char* const in_force = "a.from_date <= ?1 AND (a.to_date IS NULL OR a.to_date > ?1)";
    auto next = [&](Value v) {
        params.push_back(std::move(v));
        return "?" + std::to_string(params.size());
    };
    std::string from;
    std::string sieve;  // conditions on the case row, after the columns are known
    if (filter.worker || filter.team) {
        // Only allocated children can match: join, don't outer-join.
        std::string chosen;
        if (filter.worker) {
            const std::string p = next(*filter.worker);  // NOCASE, as the people directory
            chosen = "a.worker_id = (SELECT id FROM people WHERE name = " + p + ")";
        }
        if (filter.team) {
            const std::string p = next(*filter.team);
            if (!chosen.empty()) chosen += " AND ";
            chosen += "a.worker_id IN (SELECT ap.person_id FROM appointments ap JOIN teams t ON t.id = ap.team_id "
                      "WHERE t.name = " + p + " AND (ap.from_date IS NULL OR ap.from_date <= ?1) "
                      "AND (ap.to_date IS NULL OR ap.to_date > ?1))";
            sieve = " AND team = " + p;  // the team the case reports: the latest appointment in force
        }
        from = "FROM allocations a JOIN children c ON c.id = a.child_id JOIN people p ON p.id = a.worker_id WHERE " +
               chosen + " AND " + in_force;
    } else {
        from = std::string("FROM children c LEFT JOIN allocations a ON a.child_id = c.id AND ") + in_force +
               " LEFT JOIN people p ON p.id = a.worker_id";
    }
    std::string sql =
        "SELECT * FROM (SELECT c.id, c.child_ref, p.name AS worker, "
        "(SELECT t.name FROM appointments ap JOIN teams t ON t.id = ap.team_id WHERE ap.person_id = p.id "
        " AND (ap.from_date IS NULL OR ap.from_date <= ?1) AND (ap.to_date IS NULL OR ap.to_date > ?1) "
        " ORDER BY ap.from_date DESC, ap.to_date IS NULL DESC, ap.id DESC LIMIT 1) AS team, a.from_date" +
        std::string(by_row ? "" : ", (SELECT count(*) FROM events e WHERE e.child_id = c.id)") + " " + from +
        ") WHERE 1 = 1" + sieve;
    if (one_child) sql += " AND child_ref = ?" + std::to_string(params.size() + 1);
    return sql + (by_row ? " ORDER BY id" : " ORDER BY child_ref");
}

/// The columns of an event as RecordedEvent reads them (event_from).
const char* const kEventColumns =
    "SELECT e.id, c.child_ref, e.type, e.date, e.attributes, e.external_id, e.recorded_by, e.recorded_at, e.source "
    "FROM events e JOIN children c ON c.id = e.child_id ";

RecordedEvent event_from(SQLite::Statement& q) {
    RecordedEvent r;
    r.id = q.getColumn(0).getInt64();
    r.child_id = q.getColumn(1).getString();
    r.event = {q.getColumn(2).getString(), Date::parse_iso(q.getColumn(3).getString()),
               attributes_from_json(q.getColumn(4).getString()), opt_text(q.getColumn(5))};
    r.recorded_by = q.getColumn(6).getString();
    r.recorded_at = q.getColumn(7).getString();
    r.source = q.getColumn(8).getString();
    return r;
}

/// The columns of an allocation as Allocation reads them (allocation_from).
const char* const kAllocationColumns =
    "SELECT a.id, p.name, a.from_date, a.to_date, a.external_id, c.child_ref FROM allocations a "
    "JOIN people p ON p.id = a.worker_id JOIN children c ON c.id = a.child_id ";

Allocation allocation_from(SQLite::Statement& q) {
    return {q.getColumn(0).getInt64(), q.getColumn(1).getString(), Date::parse_iso(q.getColumn(2).getString()),
            opt_date(q.getColumn(3)), opt_text(q.getColumn(4))};
}

const char* const kAttributeColumns =
    "SELECT a.id, c.child_ref, a.key, a.value, a.effective_from, a.external_id FROM case_attributes a "
    "JOIN children c ON c.id = a.child_id ";

StoredAttribute attribute_from(SQLite::Statement& q) {
    return {q.getColumn(0).getInt64(),
            q.getColumn(1).getString(),
            {Date::parse_iso(q.getColumn(4).getString()), q.getColumn(2).getString(), q.getColumn(3).getString()},
            opt_text(q.getColumn(5))};
}

/// The columns of an exemption as Exemption reads them (exemption_from).
const char* const kExemptionColumns =
    "SELECT x.id, c.child_ref, x.kind, x.from_date, x.to_date, x.reason, x.approved_by, x.areas, x.external_id "
    "FROM exemptions x JOIN children c ON c.id = x.child_id ";

/// An exemption's areas as stored: a JSON array of strings (sorted, each once, by casework).
std::string areas_json(const std::vector<std::string>& areas) {
    return nlohmann::json(areas).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Exemption exemption_from(SQLite::Statement& q) {
    Exemption e;
    e.id = q.getColumn(0).getInt64();
    e.child_id = q.getColumn(1).getString();
    e.kind = exemption_kind_from_string(q.getColumn(2).getString());
    e.from = Date::parse_iso(q.getColumn(3).getString());
    e.to = opt_date(q.getColumn(4));
    e.reason = q.getColumn(5).getString();
    e.approved_by = q.getColumn(6).getString();
    for (const auto& a : nlohmann::json::parse(q.getColumn(7).getString()))
        e.areas.push_back(a.is_string() ? a.get<std::string>() : a.dump());
    e.external_id = opt_text(q.getColumn(8));
    return e;
}

/// An exemption as the history keeps it on creation and deletion (with its
/// child on deletion): a JSON object, invalid UTF-8 replaced.
std::string exemption_summary(const Exemption& e, bool with_child) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    if (with_child) j["child"] = e.child_id;
    j["kind"] = std::string(to_string(e.kind));
    j["from"] = e.from.iso();
    j["to"] = e.to ? nlohmann::ordered_json(e.to->iso()) : nlohmann::ordered_json();
    j["reason"] = e.reason;
    j["approved_by"] = e.approved_by;
    j["areas"] = e.areas;
    if (e.external_id) j["external_id"] = *e.external_id;
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

/// Whether nlohmann's dump writes `s` between quotes as it is: printable
/// ASCII without '"' or '\\' (no escape, no UTF-8 to check or replace).
bool plain_json_text(std::string_view s) noexcept {
    for (unsigned char ch : s)
        if (ch < 0x20 || ch > 0x7e || ch == '"' || ch == '\\') return false;
    return true;
}

/// An event as the history keeps it on creation and deletion: a JSON object,
/// keys sorted, compact, invalid UTF-8 replaced.
std::string event_summary(std::string_view child_id, const CaseEvent& event, std::string_view source,
                          bool with_child) {
    const std::string date = event.date.iso();
    // The usual case (ids, codes and dates in plain ASCII) written directly,
    // byte for byte as the json dump below writes it (5% of an ingest).
    bool plain = plain_json_text(event.type) && plain_json_text(source) &&
                 (!with_child || plain_json_text(child_id)) &&
                 (!event.external_id || plain_json_text(*event.external_id));
    for (const auto& [k, v] : event.attributes) plain = plain && plain_json_text(k) && plain_json_text(v);
    if (plain) {
        std::string out;
        out.reserve(96 + child_id.size() + event.type.size() + source.size());
        auto field = [&](const char* key, std::string_view text) {
            out.append(out.size() > 1 ? ",\"" : "\"").append(key).append("\":\"").append(text).append("\"");
        };
        out = "{";
        out.append("\"attributes\":{");
        bool first = true;
        for (const auto& [k, v] : event.attributes) {
            out.append(first ? "\"" : ",\"").append(k).append("\":\"").append(v).append("\"");
            first = false;
        }
        out.append("}");
        if (with_child) field("child", child_id);
        field("date", date);
        if (event.external_id) field("external_id", *event.external_id);
        field("source", source);
        field("type", event.type);
        out.append("}");
        return out;
    }
    nlohmann::json j = nlohmann::json::object();
    if (with_child) j["child"] = std::string(child_id);
    j["type"] = event.type;
    j["date"] = date;
    nlohmann::json attributes = nlohmann::json::object();  // as attributes_json has them
    for (const auto& [k, v] : event.attributes) attributes[k] = v;
    j["attributes"] = std::move(attributes);
    j["source"] = std::string(source);
    if (event.external_id) j["external_id"] = *event.external_id;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

class SqliteCaseworkRepository final : public CaseworkRepository {
public:
    explicit SqliteCaseworkRepository(Connection& c) : c_(c) {}

    std::optional<Child> find_child(std::string_view child_id) const override {
        return guarded(c_, "finding child", [&] { return child_where("child_ref = ?1", value(child_id)); });
    }

    bool has_child(std::string_view child_id) const override {
        return guarded(c_, "finding child", [&] { return child_row_if(child_id).has_value(); });
    }

    std::optional<Child> find_child_by_external_id(std::string_view external_id) const override {
        return guarded(c_, "finding child", [&] { return child_where("external_id = ?1", value(external_id)); });
    }

    void add_child(const Child& child) override {
        write(c_, "adding child", [&] {
            std::int64_t id = insert_row(c_, "children", "child",
                                         {{"child_ref", child.id},
                                          {"date_of_birth", value(child.date_of_birth)},
                                          {"created_at", utc_timestamp_now()},
                                          {"external_id", value(child.external_id)}},
                                         child.id);
            if (c_.depth > 0) remember_child_row(child.id, id);
            if (child.date_of_birth)
                record_change(c_, "child", id, "date_of_birth", std::nullopt, child.date_of_birth->iso());
            if (child.external_id) record_change(c_, "child", id, "external_id", std::nullopt, *child.external_id);
        });
    }

    void update_child(std::string_view child_id, const Child& child) override {
        write(c_, "changing child", [&] {
            update_row(c_, "children", "child", child_row(child_id),
                       {{"child_ref", "id", child.id},
                        {"date_of_birth", "date_of_birth", value(child.date_of_birth)},
                        {"external_id", "external_id", value(child.external_id)}});
            // It may have been renamed: looked up again by its id when next asked.
            c_.child_rows.erase(std::string(child_id));
            c_.child_rows.erase(child.id);
        });
    }

    Erasure erase_child(std::string_view child_id, std::string_view reason) override {
        return write(c_, "erasing child", [&] {
            const std::int64_t child = child_row(child_id);
            Erasure out;
            // The attendance lists of its events go with them (in the feed as
            // deletions with no value), and a complaint about the child no
            // longer names it (the complaint stays: it is the authority's
            // record; its history rows about the child are scrubbed below).
            {
                std::vector<std::int64_t> ids;
                Query q = query(c_,
                                "SELECT a.id FROM attendance a JOIN events e ON e.id = a.event_id "
                                "WHERE e.child_id = ?1 ORDER BY a.id",
                                {child});
                while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
                for (std::int64_t id : ids) record_change_about(c_, child, "attendance", id, "*", kErased, std::nullopt);
                query(c_, "DELETE FROM attendance WHERE event_id IN (SELECT id FROM events WHERE child_id = ?1)",
                      {child})
                    .exec();
            }
            // A supervision that discussed the child no longer names it (the
            // record stays: it is about the worker).
            {
                std::vector<std::int64_t> ids;
                Query q = query(c_, "SELECT id FROM supervision_cases WHERE child_id = ?1 ORDER BY id", {child});
                while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
                for (std::int64_t id : ids)
                    record_change_about(c_, child, "supervision_case", id, "*", kErased, std::nullopt);
                query(c_, "DELETE FROM supervision_cases WHERE child_id = ?1", {child}).exec();
            }
            {
                std::vector<std::int64_t> ids;
                Query q = query(c_, "SELECT id FROM complaints WHERE child_id = ?1 ORDER BY id", {child});
                while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
                for (std::int64_t id : ids) record_change_about(c_, child, "complaint", id, "child", kErased, std::nullopt);
                query(c_, "UPDATE complaints SET child_id = NULL WHERE child_id = ?1", {child}).exec();
            }
            // An audit of the child's case no longer names it, nor keeps its
            // findings about it (the grade stays: the audit's counts are the
            // authority's record).
            {
                std::vector<std::int64_t> ids;
                Query q = query(c_, "SELECT id FROM audit_cases WHERE child_id = ?1 ORDER BY id", {child});
                while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
                for (std::int64_t id : ids) record_change_about(c_, child, "audit_case", id, "child", kErased, std::nullopt);
                query(c_, "UPDATE audit_cases SET child_id = NULL, findings = '' WHERE child_id = ?1", {child}).exec();
            }
            // Each record removed, in the feed as a deletion with no value.
            const std::tuple<const char*, const char*, std::int64_t*> records[] = {
                {"events", "event", &out.events},
                {"allocations", "allocation", &out.allocations},
                {"case_attributes", "case_attribute", &out.attributes},
                {"acknowledgements", "acknowledgement", &out.acknowledgements},
                {"exemptions", "exemption", &out.exemptions}};
            for (const auto& [table, entity, count] : records) {
                std::vector<std::int64_t> ids;
                Query q =
                    query(c_, std::string("SELECT id FROM ") + table + " WHERE child_id = ?1 ORDER BY id", {child});
                while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
                for (std::int64_t id : ids) record_change_about(c_, child, entity, id, "*", kErased, std::nullopt);
                query(c_, std::string("DELETE FROM ") + table + " WHERE child_id = ?1", {child}).exec();
                *count = static_cast<std::int64_t>(ids.size());
            }
            const Child gone = *find_child(child_id);
            c_.child_rows.erase(gone.id);
            record_change_about(c_, child, "child", child, "*", kErased, std::nullopt);
            query(c_, "DELETE FROM children WHERE id = ?1", {child}).exec();
            // Every earlier row about the case keeps its shape, not its values;
            // nor its salt, so that what it held cannot be found again from
            // its values digest by trying candidates (the digest and the hash
            // stay: the chain still verifies, history.hpp).
            out.history_rows_scrubbed =
                query(c_,
                      "UPDATE history SET old_value = CASE WHEN old_value IS NULL THEN NULL ELSE ?2 END, "
                      "new_value = CASE WHEN new_value IS NULL THEN NULL ELSE ?2 END, salt = NULL "
                      "WHERE child_id = ?1 AND ((old_value IS NOT NULL AND old_value IS NOT ?2) "
                      "OR (new_value IS NOT NULL AND new_value IS NOT ?2))",
                      {child, value(kErased)})
                    .exec();
            // A record moved to another child's case named this child as its old one.
            std::vector<Value> names = {child, value(kErased), value(gone.id)};
            std::string named = "?3";
            if (gone.external_id) {
                names.push_back(value(*gone.external_id));
                named += ", ?4";
            }
            const std::string moved = "WHERE child_id IS NOT NULL AND child_id <> ?1 AND field = 'child' "
                                      "AND (old_value IN (" + named + ") OR new_value IN (" + named + "))";
            // Those rows belong to another case: the tombstone names them, so
            // that verify_chain can tell them from values blanked by hand.
            std::vector<std::int64_t> moved_rows;
            {
                Query q = query(c_, "SELECT seq FROM history " + moved + " ORDER BY seq", names);
                while (q.executeStep()) moved_rows.push_back(q.getColumn(0).getInt64());
            }
            out.history_rows_scrubbed +=
                query(c_,
                      // Both values go with the salt: a value kept without
                      // its salt could not be verified (history.hpp).
                      "UPDATE history SET old_value = CASE WHEN old_value IS NULL THEN NULL ELSE ?2 END, "
                      "new_value = CASE WHEN new_value IS NULL THEN NULL ELSE ?2 END, salt = NULL " + moved,
                      names)
                    .exec();
            nlohmann::ordered_json summary = {{"reason", std::string(reason)},
                                              {"events", out.events},
                                              {"allocations", out.allocations},
                                              {"attributes", out.attributes},
                                              {"acknowledgements", out.acknowledgements},
                                              {"exemptions", out.exemptions},
                                              {"history_rows_scrubbed", out.history_rows_scrubbed},
                                              {"moved_rows_scrubbed", moved_rows}};
            record_change_about(c_, std::nullopt, "child", child, "erased", std::nullopt, summary.dump());
            return out;
        });
    }

    std::vector<Allocation> allocations(std::string_view child_id) const override {
        return guarded(c_, "listing allocations", [&] {
            std::vector<Allocation> out;
            Query q = query(c_, std::string(kAllocationColumns) +
                                                "WHERE a.child_id = ?1 ORDER BY a.from_date, a.id",
                                        {child_row(child_id)});
            while (q.executeStep()) out.push_back(allocation_from(q));
            return out;
        });
    }

    std::optional<Allocation> open_allocation(std::string_view child_id) const override {
        return guarded(c_, "finding an allocation", [&]() -> std::optional<Allocation> {
            Query q = query(c_, std::string(kAllocationColumns) + "WHERE a.child_id = ?1 AND a.to_date IS NULL",
                                        {child_row(child_id)});
            if (!q.executeStep()) return std::nullopt;
            return allocation_from(q);
        });
    }

    std::optional<std::pair<std::string, Allocation>> find_allocation_by_external_id(
        std::string_view external_id) const override {
        return guarded(c_, "finding an allocation", [&]() -> std::optional<std::pair<std::string, Allocation>> {
            Query q =
                query(c_, std::string(kAllocationColumns) + "WHERE a.external_id = ?1", {value(external_id)});
            if (!q.executeStep()) return std::nullopt;
            Allocation a = allocation_from(q);
            return std::make_pair(q.getColumn(5).getString(), std::move(a));
        });
    }

    void add_allocation(std::string_view child_id, const Allocation& a) override {
        write(c_, "allocating child", [&] {
            insert_row(c_, "allocations", "allocation",
                       {{"child_id", child_row(child_id)},
                        {"worker_id", person_row(a.worker)},
                        {"from_date", value(a.from)},
                        {"to_date", value(a.until)},
                        {"external_id", value(a.external_id)}},
                       std::string(child_id) + " -> " + a.worker + " from " + a.from.iso() +
                           (a.until ? " until " + a.until->iso() : "") +
                           (a.external_id ? " (external id " + *a.external_id + ")" : ""));
        });
    }

    void update_allocation(const Allocation& a) override {
        write(c_, "changing an allocation", [&] {
            update_row(c_, "allocations", "allocation", a.id,
                       {{"worker_id", "worker", person_row(a.worker), "people"},
                        {"from_date", "from_date", value(a.from)},
                        {"to_date", "to_date", value(a.until)},
                        {"external_id", "external_id", value(a.external_id)}});
        });
    }

    std::optional<StoredAttribute> find_attribute(std::string_view child_id, std::string_view key,
                                                  Date effective_from) const override {
        return guarded(c_, "finding an attribute", [&]() -> std::optional<StoredAttribute> {
            const auto child = child_row_if(child_id);
            if (!child) return std::nullopt;
            return attribute_where("a.child_id = ?1 AND a.key = ?2 AND a.effective_from = ?3",
                                   {*child, value(key), value(effective_from)});
        });
    }

    std::optional<StoredAttribute> find_attribute_by_external_id(std::string_view external_id) const override {
        return guarded(c_, "finding an attribute",
                       [&] { return attribute_where("a.external_id = ?1", {value(external_id)}); });
    }

    std::vector<StoredAttribute> attributes(std::string_view child_id) const override {
        return guarded(c_, "listing attributes", [&] {
            std::vector<StoredAttribute> out;
            Query q = query(c_, std::string(kAttributeColumns) +
                                                "WHERE a.child_id = ?1 ORDER BY a.effective_from, a.key",
                                        {child_row(child_id)});
            while (q.executeStep()) out.push_back(attribute_from(q));
            return out;
        });
    }

    std::optional<StoredAttribute> attribute_on(std::string_view child_id, std::string_view key,
                                                Date day) const override {
        return guarded(c_, "finding an attribute", [&] {
            return attribute_where("c.child_ref = ?1 AND a.key = ?2 AND a.effective_from <= ?3 "
                                   "ORDER BY a.effective_from DESC LIMIT 1",
                                   {value(child_id), value(key), value(day)});
        });
    }

    void add_attribute(const StoredAttribute& a) override {
        write(c_, "setting attribute", [&] {
            const AttributeChange& v = a.value;
            insert_row(c_, "case_attributes", "case_attribute",
                       {{"child_id", child_row(a.child_id)},
                        {"key", v.key},
                        {"value", v.value},
                        {"effective_from", value(v.effective_from)},
                        {"external_id", value(a.external_id)}},
                       v.value, v.key + "@" + v.effective_from.iso());
        });
    }

    bool update_attribute(const StoredAttribute& a) override {
        return write(c_, "setting attribute", [&] {
            const AttributeChange& v = a.value;
            const std::string field = v.key + "@" + v.effective_from.iso();
            return update_row(c_, "case_attributes", "case_attribute", a.id,
                              {{"key", "key", v.key},
                               {"effective_from", "effective_from", value(v.effective_from)},
                               {"value", field.c_str(), v.value},
                               {"external_id", "external_id", value(a.external_id)}}) > 0;
        });
    }

    void remove_attribute(std::int64_t id) override {
        write(c_, "deleting an attribute", [&] {
            auto a = attribute_where("a.id = ?1", {id});
            if (!a) throw Error(Status::not_found, "case_attribute " + std::to_string(id) + " not found");
            nlohmann::ordered_json j = {{"key", a->value.key},
                                        {"effective_from", a->value.effective_from.iso()},
                                        {"value", a->value.value}};
            if (a->external_id) j["external_id"] = *a->external_id;
            delete_row(c_, "case_attributes", "case_attribute", id,
                       j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        });
    }

    std::optional<RecordedEvent> find_event(std::int64_t id) const override {
        return guarded(c_, "finding an event", [&] { return event_where("e.id = ?1", {id}); });
    }

    std::optional<RecordedEvent> find_event_by_external_id(std::string_view external_id) const override {
        return guarded(c_, "finding an event", [&] { return event_where("e.external_id = ?1", {value(external_id)}); });
    }

    std::optional<std::int64_t> find_event_id_by_external_id(std::string_view external_id) const override {
        return guarded(c_, "finding an event", [&] {
            static const std::string kSql = "SELECT id FROM events WHERE external_id = ?1";
            return query_id(c_, kSql, {value(external_id)});
        });
    }

    std::optional<std::int64_t> find_identical_event(std::string_view child_id, const CaseEvent& event,
                                                     std::string_view source) const override {
        // "+e.external_id": without the unary plus SQLite searches the
        // external_id index for NULL, i.e. every event without an external
        // id (every imported one): a scan per lookup, quadratic on import.
        // The child and date index finds the few candidates instead.
        // The child by its row id (child_row_if: found once per transaction).
        return guarded(c_, "finding an event", [&]() -> std::optional<std::int64_t> {
            const auto child = child_row_if(child_id);
            if (!child) return std::nullopt;
            static const std::string kSql =
                "SELECT id FROM events WHERE child_id = ?1 AND type = ?2 AND date = ?3 AND attributes = ?4 "
                "AND source = ?5 AND +external_id IS NULL ORDER BY id LIMIT 1";
            return query_id(c_, kSql,
                            {*child, event.type, value(event.date), attributes_json(event.attributes), value(source)});
        });
    }

    std::vector<RecordedEvent> events(std::string_view child_id) const override {
        return guarded(c_, "listing events", [&] {
            std::vector<RecordedEvent> out;
            Query q =
                query(c_, std::string(kEventColumns) + "WHERE e.child_id = ?1 ORDER BY e.date, e.id", {child_row(child_id)});
            while (q.executeStep()) out.push_back(event_from(q));
            return out;
        });
    }

    std::int64_t add_event(std::string_view child_id, const CaseEvent& event, std::string_view recorded_by,
                           std::string_view source) override {
        return write(c_, "recording event", [&] {
            return insert_row(c_, "events", "event",
                              {{"child_id", child_row(child_id)},
                               {"type", event.type},
                               {"date", value(event.date)},
                               {"attributes", attributes_json(event.attributes)},
                               {"recorded_by", value(recorded_by)},
                               {"recorded_at", utc_timestamp_now()},
                               {"source", value(source)},
                               {"external_id", value(event.external_id)}},
                              event_summary(child_id, event, source, false));
        });
    }

    bool update_event(std::int64_t id, std::string_view child_id, const CaseEvent& event) override {
        return write(c_, "correcting an event", [&] {
            std::vector<Field> fields = {{"child_id", "child", child_row(child_id), "children", "child_ref"},
                                         {"type", "type", event.type},
                                         {"date", "date", value(event.date)},
                                         {"attributes", "attributes", attributes_json(event.attributes)}};
            if (event.external_id) fields.push_back({"external_id", "external_id", value(event.external_id)});
            return update_row(c_, "events", "event", id, fields) > 0;
        });
    }

    void remove_event(std::int64_t id) override {
        write(c_, "deleting an event", [&] {
            auto e = event_where("e.id = ?1", {id});
            if (!e) throw Error(Status::not_found, "event " + std::to_string(id) + " not found");
            // Its attendance list goes first, each row with its history row.
            std::vector<std::int64_t> invitations;
            {
                Query q = query(c_, "SELECT id FROM attendance WHERE event_id = ?1 ORDER BY id", {id});
                while (q.executeStep()) invitations.push_back(q.getColumn(0).getInt64());
            }
            for (std::int64_t row : invitations)
                delete_row(c_, "attendance", "attendance", row, "event " + std::to_string(id) + " deleted");
            delete_row(c_, "events", "event", id, event_summary(e->child_id, e->event, e->source, true));
        });
    }

    std::optional<Exemption> find_exemption(std::int64_t id) const override {
        return guarded(c_, "finding an exemption", [&] { return exemption_where("x.id = ?1", {id}); });
    }

    std::optional<Exemption> find_exemption_by_external_id(std::string_view external_id) const override {
        return guarded(c_, "finding an exemption",
                       [&] { return exemption_where("x.external_id = ?1", {value(external_id)}); });
    }

    std::optional<std::int64_t> find_identical_exemption(const Exemption& e) const override {
        return guarded(c_, "finding an exemption", [&]() -> std::optional<std::int64_t> {
            const auto child = child_row_if(e.child_id);
            if (!child) return std::nullopt;
            static const std::string kSql =
                "SELECT id FROM exemptions WHERE child_id = ?1 AND kind = ?2 AND from_date = ?3 AND to_date IS ?4 "
                "AND reason = ?5 AND approved_by = ?6 AND areas = ?7 AND external_id IS NULL ORDER BY id LIMIT 1";
            return query_id(c_, kSql,
                            {*child, value(to_string(e.kind)), value(e.from), value(e.to), value(e.reason),
                             value(e.approved_by), areas_json(e.areas)});
        });
    }

    std::vector<Exemption> exemptions(std::string_view child_id) const override {
        return guarded(c_, "listing exemptions", [&] {
            std::vector<Exemption> out;
            Query q = query(c_, std::string(kExemptionColumns) + "WHERE x.child_id = ?1 ORDER BY x.from_date, x.id",
                            {child_row(child_id)});
            while (q.executeStep()) out.push_back(exemption_from(q));
            return out;
        });
    }

    std::map<std::string, std::vector<Exemption>> all_exemptions() const override {
        return guarded(c_, "listing exemptions", [&] {
            std::map<std::string, std::vector<Exemption>> out;
            Query q = query(c_, std::string(kExemptionColumns) + "ORDER BY c.child_ref, x.from_date, x.id");
            while (q.executeStep()) {
                Exemption e = exemption_from(q);
                std::string child = e.child_id;
                out[std::move(child)].push_back(std::move(e));
            }
            return out;
        });
    }

    std::int64_t add_exemption(const Exemption& e) override {
        return write(c_, "recording an exemption", [&] {
            return insert_row(c_, "exemptions", "exemption",
                              {{"child_id", child_row(e.child_id)},
                               {"kind", value(to_string(e.kind))},
                               {"from_date", value(e.from)},
                               {"to_date", value(e.to)},
                               {"reason", e.reason},
                               {"approved_by", e.approved_by},
                               {"areas", areas_json(e.areas)},
                               {"external_id", value(e.external_id)}},
                              exemption_summary(e, false));
        });
    }

    bool update_exemption(const Exemption& e) override {
        return write(c_, "changing an exemption", [&] {
            return update_row(c_, "exemptions", "exemption", e.id,
                              {{"kind", "kind", value(to_string(e.kind))},
                               {"from_date", "from_date", value(e.from)},
                               {"to_date", "to_date", value(e.to)},
                               {"reason", "reason", e.reason},
                               {"approved_by", "approved_by", e.approved_by},
                               {"areas", "areas", areas_json(e.areas)},
                               {"external_id", "external_id", value(e.external_id)}}) > 0;
        });
    }

    void remove_exemption(std::int64_t id) override {
        write(c_, "deleting an exemption", [&] {
            auto e = exemption_where("x.id = ?1", {id});
            if (!e) throw Error(Status::not_found, "exemption " + std::to_string(id) + " not found");
            delete_row(c_, "exemptions", "exemption", id, exemption_summary(*e, true));
        });
    }

    std::vector<CaseSummary> cases(const CaseFilter& filter, Date as_of) const override {
        return guarded(c_, "listing cases", [&] {
            std::vector<CaseSummary> out;
            for (auto& [row, summary] : case_rows(filter, as_of, std::nullopt)) out.push_back(std::move(summary));
            return out;
        });
    }

    std::optional<CaseRecord> load_case(std::string_view child_id, Date as_of) const override {
        return guarded(c_, "loading case", [&]() -> std::optional<CaseRecord> {
            std::optional<CaseRecord> r;
            snapshot(c_, [&] { each_case({}, as_of, child_id, false, [&](CaseHistory&& h) { r = std::move(h.record); }); });
            return r;
        });
    }

    void for_each_case(const CaseFilter& filter, Date as_of, const std::function<void(CaseHistory&&)>& visit) const override {
        guarded(c_, "reading cases", [&] { snapshot(c_, [&] { each_case(filter, as_of, std::nullopt, true, visit); }); });
    }

    void for_each_case_of(std::string_view child_id, Date as_of,
                          const std::function<void(CaseHistory&&)>& visit) const override {
        guarded(c_, "reading a case", [&] { snapshot(c_, [&] { each_case({}, as_of, child_id, true, visit); }); });
    }

    std::vector<TeamSpan> team_spans() const override {
        return guarded(c_, "listing appointments", [&] {
            std::vector<TeamSpan> out;
            Query q = query(c_,
                            "SELECT p.name, t.name, a.from_date, a.to_date FROM appointments a "
                            "JOIN people p ON p.id = a.person_id LEFT JOIN teams t ON t.id = a.team_id "
                            "ORDER BY p.name, a.from_date IS NOT NULL, a.from_date, a.id");
            while (q.executeStep())
                out.push_back({q.getColumn(0).getString(), opt_text(q.getColumn(1)).value_or(""),
                               opt_date(q.getColumn(2)), opt_date(q.getColumn(3))});
            return out;
        });
    }

private:
    std::optional<Child> child_where(const char* condition, Value v) const {
        Query q =
            query(c_, std::string("SELECT child_ref, date_of_birth, external_id FROM children WHERE ") + condition, {v});
        if (!q.executeStep()) return std::nullopt;
        return Child{q.getColumn(0).getString(), opt_date(q.getColumn(1)), opt_text(q.getColumn(2))};
    }

    std::optional<RecordedEvent> event_where(const char* condition, const std::vector<Value>& params) const {
        Query q = query(c_, std::string(kEventColumns) + "WHERE " + condition, params);
        if (!q.executeStep()) return std::nullopt;
        return event_from(q);
    }

    std::optional<Exemption> exemption_where(const char* condition, const std::vector<Value>& params) const {
        Query q = query(c_, std::string(kExemptionColumns) + "WHERE " + condition, params);
        if (!q.executeStep()) return std::nullopt;
        return exemption_from(q);
    }

    std::optional<StoredAttribute> attribute_where(const char* condition, const std::vector<Value>& params) const {
        Query q = query(c_, std::string(kAttributeColumns) + "WHERE " + condition, params);
        if (!q.executeStep()) return std::nullopt;
        return attribute_from(q);
    }

    /// The child's row id, if there is such a child: inside a write
    /// transaction from the connection's child_rows once found.
    std::optional<std::int64_t> child_row_if(std::string_view child_id) const {
        const bool cached = c_.depth > 0;
        if (cached)
            if (auto it = c_.child_rows.find(std::string(child_id)); it != c_.child_rows.end()) return it->second;
        static const std::string kSql = "SELECT id FROM children WHERE child_ref = ?1";
        auto id = query_id(c_, kSql, {value(child_id)});
        if (id && cached) remember_child_row(child_id, *id);
        return id;
    }

    void remember_child_row(std::string_view child_id, std::int64_t id) const {
        if (c_.child_rows.size() >= kChildRowCacheSize) c_.child_rows.clear();
        c_.child_rows.insert_or_assign(std::string(child_id), id);
    }

    std::int64_t child_row(std::string_view child_id) const {
        auto id = child_row_if(child_id);
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
        Query q = query(c_, sql, params);
        std::vector<std::pair<std::int64_t, CaseSummary>> out;
        while (q.executeStep())
            out.push_back({q.getColumn(0).getInt64(),
                           {q.getColumn(1).getString(), opt_text(q.getColumn(2)).value_or(""),
                            opt_text(q.getColumn(3)).value_or(""), opt_date(q.getColumn(4)),
                            q.getColumn(5).getInt64()}});
        return out;
    }

    /// One table's rows for many children, read in child row order beside
    /// the case rows (a merge join): one pass over the table for every case,
    /// or, for a few cases (a filter, one child), each case's rows by index.
    class ChildRows {
    public:
        /// `sql` selects child_id first; ?1 is as_of; `per_child` adds
        /// "AND child_id = ?2" before the ORDER BY.
        ChildRows(const Connection& c, std::string sql, Date as_of, bool per_child)
            : c_(c), sql_(std::move(sql)), as_of_(as_of), per_child_(per_child) {
            if (!per_child_) open({value(as_of_)});
        }
        /// Moves to the rows of `child` (child rows are asked for in
        /// increasing order); false when it has none.
        bool seek(std::int64_t child) {
            if (per_child_) open({value(as_of_), child});
            while (has_ && q_->getColumn(0).getInt64() < child) step();
            return has_ && q_->getColumn(0).getInt64() == child;
        }
        /// The current row of the child sought; then next() while it is theirs.
        SQLite::Statement& row() { return *q_; }
        bool next(std::int64_t child) {
            step();
            return has_ && q_->getColumn(0).getInt64() == child;
        }

    private:
        void open(const std::vector<Value>& params) {
            q_.reset();  // a cached statement is reset and reused (Query)
            q_.emplace(query(c_, per_child_ ? with_child(sql_) : sql_, params));
            step();
        }
        void step() { has_ = q_->executeStep(); }
        static std::string with_child(const std::string& sql) {
            const auto order = sql.rfind(" ORDER BY");
            return sql.substr(0, order) + " AND child_id = ?2" + sql.substr(order);
        }
        const Connection& c_;
        std::string sql_;
        Date as_of_;
        bool per_child_;
        std::optional<Query> q_;
        bool has_ = false;
    };

    /// Calls `visit` with each case matching `filter` (or the one child) as
    /// of `as_of`, one at a time, in child row order: the allocation and team
    /// in force on `as_of`, every attribute value effective on or before it
    /// (date order; later ones are current) and the events (date order) —
    /// with `history`, only those dated on or before `as_of` (schedule_case
    /// ignores the others), each with its recording date, and the child's
    /// allocations over time. At most one case is held in memory; the reads
    /// run on the caller's snapshot.
    void each_case(const CaseFilter& filter, Date as_of, std::optional<std::string_view> child, bool history,
                   const std::function<void(CaseHistory&&)>& visit) const {
        std::vector<Value> params;
        std::string sql = case_sql(filter, child.has_value(), params, as_of, true);
        if (child) params.push_back(value(*child));
        Query cases = query(c_, sql, params);
        const bool few = child || filter.worker || filter.team;
        ChildRows attributes(c_,
                             "SELECT child_id, key, value, effective_from FROM case_attributes WHERE effective_from <= ?1 "
                             "ORDER BY child_id, effective_from, key",
                             as_of, few);
        ChildRows events(c_,
                         std::string("SELECT child_id, type, date, attributes, external_id, recorded_at, source FROM events WHERE ") +
                             (history ? "date <= ?1" : "?1 IS NOT NULL") + " ORDER BY child_id, date, id",
                         as_of, few);
        std::optional<ChildRows> allocations;
        if (history)
            allocations.emplace(c_,
                                "SELECT child_id, id, (SELECT name FROM people p WHERE p.id = worker_id), from_date, "
                                "to_date, external_id FROM allocations WHERE ?1 IS NOT NULL ORDER BY child_id, from_date, id",
                                as_of, few);
        while (cases.executeStep()) {
            const std::int64_t row = cases.getColumn(0).getInt64();
            CaseHistory h;
            h.row = row;
            CaseRecord& r = h.record;
            r.child_id = cases.getColumn(1).getString();
            r.worker = opt_text(cases.getColumn(2)).value_or("");
            r.team = opt_text(cases.getColumn(3)).value_or("");
            for (bool more = attributes.seek(row); more; more = attributes.next(row)) {
                SQLite::Statement& a = attributes.row();
                std::string key = a.getColumn(1).getString(), v = a.getColumn(2).getString();
                r.attributes[key] = v;
                r.attribute_changes.push_back({Date::parse_iso(a.getColumn(3).getString()), std::move(key), std::move(v)});
            }
            // An empty value is an ended attribute: not in force.
            for (auto it = r.attributes.begin(); it != r.attributes.end();)
                it = it->second.empty() ? r.attributes.erase(it) : std::next(it);
            for (bool more = events.seek(row); more; more = events.next(row)) {
                SQLite::Statement& e = events.row();
                r.events.push_back({e.getColumn(1).getString(), Date::parse_iso(e.getColumn(2).getString()),
                                    attributes_from_json(e.getColumn(3).getString()), opt_text(e.getColumn(4))});
                // Recorded when stored, unless it came from a file (a
                // return): then when it was imported, not when recorded.
                if (history)
                    h.recorded_on.push_back(e.getColumn(6).getString() == "manual"
                                                ? std::optional<Date>(Date::parse_iso(e.getColumn(5).getString().substr(0, 10)))
                                                : std::nullopt);
            }
            if (allocations)
                for (bool more = allocations->seek(row); more; more = allocations->next(row)) {
                    SQLite::Statement& a = allocations->row();
                    h.allocations.push_back({a.getColumn(1).getInt64(), a.getColumn(2).getString(),
                                             Date::parse_iso(a.getColumn(3).getString()), opt_date(a.getColumn(4)),
                                             opt_text(a.getColumn(5))});
                }
            visit(std::move(h));
        }
    }

    Connection& c_;
};

}  // namespace

std::unique_ptr<CaseworkRepository> make_casework_repository(Connection& c) {
    return std::make_unique<SqliteCaseworkRepository>(c);
}

}  // namespace oversight::detail::sqlite
