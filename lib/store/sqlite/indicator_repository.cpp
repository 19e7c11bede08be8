// The indicator repository on SQLite: tables indicators, indicator_values
// and action_indicators (0011). Numbers are stored as the shortest decimal
// text that reads back as the same double.
#include "store/sqlite/repositories.hpp"

#include <oversight/core/error.hpp>

#include "indicator/indicator_repository.hpp"

#include <cstdio>
#include <cstdlib>

namespace oversight::detail::sqlite {
namespace {

std::string decimal(double v) {
    char buf[40];
    for (int precision : {15, 16, 17}) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    return buf;
}

double number(const SQLite::Column& column) { return std::strtod(column.getString().c_str(), nullptr); }

const char* const kIndicatorSelect =
    "SELECT id, key, name, unit, direction, target, amber, source, measure FROM indicators ";

Indicator indicator_at(SQLite::Statement& q) {
    Indicator i;
    i.id = q.getColumn(0).getInt64();
    i.key = q.getColumn(1).getString();
    i.name = q.getColumn(2).getString();
    i.unit = q.getColumn(3).getString();
    i.direction = parse_indicator_direction(q.getColumn(4).getString());
    i.target = number(q.getColumn(5));
    i.amber = number(q.getColumn(6));
    i.source = parse_indicator_source(q.getColumn(7).getString());
    i.measure = q.getColumn(8).getString();
    return i;
}

std::vector<IndicatorValue> values_of(const Connection& c, std::int64_t indicator_id) {
    std::vector<IndicatorValue> out;
    Query q = query(c,
                    "SELECT id, month, value, source, entered_by, note FROM indicator_values "
                    "WHERE indicator_id = ?1 ORDER BY month",
                    {indicator_id});
    while (q.executeStep()) {
        IndicatorValue v;
        v.id = q.getColumn(0).getInt64();
        v.month = Date::parse_iso(q.getColumn(1).getString());
        v.value = number(q.getColumn(2));
        v.source = parse_indicator_source(q.getColumn(3).getString());
        v.entered_by = q.getColumn(4).getString();
        v.note = q.getColumn(5).getString();
        out.push_back(std::move(v));
    }
    return out;
}

std::vector<Field> value_fields(const IndicatorValue& v) {
    return {{"value", "value", decimal(v.value)},
            {"source", "source", value(to_string(v.source))},
            {"entered_by", "entered_by", v.entered_by},
            {"note", "note", v.note}};
}

std::int64_t insert_value(Connection& c, std::int64_t indicator_id, const IndicatorValue& v) {
    const std::string month = v.month.iso();
    std::vector<Column> cols = {{"indicator_id", indicator_id}, {"month", month}};
    for (const Field& f : value_fields(v)) cols.push_back({f.column, f.value});
    const std::int64_t id = insert_row(c, "indicator_values", "indicator_value", cols, month.substr(0, 7));
    for (const Field& f : value_fields(v))
        if (auto text = history_text(f.value); text && !text->empty())
            record_change(c, "indicator_value", id, f.field, std::nullopt, text);
    return id;
}

std::vector<Field> indicator_fields(const Indicator& i) {
    return {{"name", "name", i.name},
            {"unit", "unit", i.unit},
            {"direction", "direction", value(to_string(i.direction))},
            {"target", "target", decimal(i.target)},
            {"amber", "amber", decimal(i.amber)},
            {"source", "source", value(to_string(i.source))},
            {"measure", "measure", i.measure}};
}

class SqliteIndicatorRepository final : public IndicatorRepository {
public:
    explicit SqliteIndicatorRepository(Connection& c) : c_(c) {}

    std::vector<Indicator> list(std::int64_t plan_id) const override {
        return guarded(c_, "listing indicators", [&] {
            std::vector<Indicator> out;
            snapshot(c_, [&] { out = load_indicators(c_, plan_id); });
            return out;
        });
    }

    std::optional<Indicator> find(std::int64_t plan_id, std::string_view key) const override {
        return guarded(c_, "reading an indicator", [&]() -> std::optional<Indicator> {
            std::optional<Indicator> out;
            snapshot(c_, [&] {
                Query q = query(c_, std::string(kIndicatorSelect) + "WHERE plan_id = ?1 AND key = ?2",
                                {plan_id, value(key)});
                if (!q.executeStep()) return;
                out = indicator_at(q);
                out->values = values_of(c_, out->id);
            });
            return out;
        });
    }

    std::int64_t add(std::int64_t plan_id, const Indicator& i) override {
        return write(c_, "adding an indicator", [&] { return insert_indicator(c_, plan_id, i); });
    }

    void update(const Indicator& i) override {
        write(c_, "changing an indicator", [&] { update_row(c_, "indicators", "indicator", i.id, indicator_fields(i)); });
    }

    std::int64_t put_value(std::int64_t indicator_id, const IndicatorValue& v) override {
        return write(c_, "recording an indicator value", [&] {
            auto row = query_id(c_, "SELECT id FROM indicator_values WHERE indicator_id = ?1 AND month = ?2",
                                {indicator_id, value(v.month)});
            if (!row) return insert_value(c_, indicator_id, v);
            update_row(c_, "indicator_values", "indicator_value", *row, value_fields(v));
            return *row;
        });
    }

    void link(std::int64_t action_id, std::int64_t indicator_id) override {
        write(c_, "linking an action to an indicator", [&] {
            if (query_id(c_, "SELECT id FROM action_indicators WHERE action_id = ?1 AND indicator_id = ?2",
                         {action_id, indicator_id}))
                throw Error(Status::conflict, "the action already names this indicator as a success measure");
            insert_action_indicator(c_, action_id, indicator_id, "");
        });
    }

private:
    Connection& c_;
};

}  // namespace

std::vector<Indicator> load_indicators(const Connection& c, std::int64_t plan_id) {
    std::vector<Indicator> out;
    {
        Query q = query(c, std::string(kIndicatorSelect) + "WHERE plan_id = ?1 ORDER BY key", {plan_id});
        while (q.executeStep()) out.push_back(indicator_at(q));
    }
    for (Indicator& i : out) i.values = values_of(c, i.id);
    return out;
}

std::map<std::int64_t, std::vector<std::string>> load_success_measures(const Connection& c, std::int64_t plan_id) {
    std::map<std::int64_t, std::vector<std::string>> out;
    Query q = query(c,
                    "SELECT l.action_id, i.key FROM action_indicators l JOIN indicators i ON i.id = l.indicator_id "
                    "WHERE i.plan_id = ?1 ORDER BY l.action_id, l.id",
                    {plan_id});
    while (q.executeStep()) out[q.getColumn(0).getInt64()].push_back(q.getColumn(1).getString());
    return out;
}

std::int64_t insert_indicator(Connection& c, std::int64_t plan_id, const Indicator& i) {
    std::vector<Column> cols = {{"plan_id", plan_id}, {"key", i.key}};
    for (const Field& f : indicator_fields(i)) cols.push_back({f.column, f.value});
    cols.push_back({"created_at", utc_timestamp_now()});
    const std::int64_t id = insert_row(c, "indicators", "indicator", cols, i.key);
    for (const Field& f : indicator_fields(i))
        if (auto text = history_text(f.value); text && !text->empty())
            record_change(c, "indicator", id, f.field, std::nullopt, text);
    for (const IndicatorValue& v : i.values) insert_value(c, id, v);
    return id;
}

void insert_action_indicator(Connection& c, std::int64_t action_id, std::int64_t indicator_id,
                             const std::string& summary) {
    std::string text = summary;
    if (text.empty()) {
        Query q = query(c,
                        "SELECT a.ref, i.key FROM actions a, indicators i WHERE a.id = ?1 AND i.id = ?2",
                        {action_id, indicator_id});
        if (q.executeStep()) text = q.getColumn(0).getString() + " -> " + q.getColumn(1).getString();
    }
    insert_row(c, "action_indicators", "action_indicator", {{"action_id", action_id}, {"indicator_id", indicator_id}},
               text);
}

std::unique_ptr<IndicatorRepository> make_indicator_repository(Connection& c) {
    return std::make_unique<SqliteIndicatorRepository>(c);
}

}  // namespace oversight::detail::sqlite
