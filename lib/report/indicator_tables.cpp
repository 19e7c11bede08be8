// The indicators of a plan as a table and charts (indicator_tables.hpp).
#include "report/indicator_tables.hpp"

#include <oversight/indicator/indicator.hpp>
#include <oversight/plan/rag.hpp>

#include "report/cells.hpp"
#include "report/writers.hpp"

#include <string>
#include <vector>

namespace oversight::detail {

void indicator_blocks(Document& doc, const Plan& plan, Date as_of, int months) {
    using Type = Cell::Type;
    Table& t = doc.table("indicators", "Indicators: latest value against target",
                         {col("key", "Key", Type::text, true), col("name", "Indicator"),
                          col("latest", "Latest value", Type::number), col("month", "Month"),
                          col("target", "Target", Type::number), col("amber", "Red threshold", Type::number),
                          col("unit", "Unit"), col("direction", "Direction", Type::text, true),
                          col("rag", "RAG", Type::rag), col("actions", "Success measure of")});
    t.empty_text = "The plan has no indicators.";
    for (const Indicator& i : plan.indicators) {
        const auto latest = latest_indicator_value(i, as_of);
        std::string refs;
        for (const std::string& r : actions_measured_by(plan, i.key)) refs += (refs.empty() ? "" : ", ") + r;
        t.rows.push_back({Cell::of_text(i.key), Cell::of_text(inline_text(i.name)),
                          latest ? Cell::of_number(latest->value, 2) : Cell{},
                          latest ? Cell::of_text(month_text(latest->month)) : Cell::of_text("no value yet"),
                          Cell::of_number(i.target, 2), Cell::of_number(i.amber, 2),
                          i.unit.empty() ? Cell{} : Cell::of_text(inline_text(i.unit)),
                          Cell::of_text(std::string(to_string(i.direction))),
                          latest ? Cell::of_rag(indicator_rag(i, latest->value)) : Cell{},
                          refs.empty() ? Cell{} : Cell::of_text(refs)});
    }
    t.notes.push_back("Red: on the bad side of the red threshold; amber: between it and the target; green: at or "
                      "better than the target. A linked action is at least as red or amber as its indicator.");

    const Date first = Date::from_ymd(as_of.year(), as_of.month(), 1).add_months(-(months - 1));
    const Date last = Date::from_ymd(as_of.year(), as_of.month(), 1);
    for (std::size_t n = 0; n < plan.indicators.size(); ++n) {
        const Indicator& i = plan.indicators[n];
        // Chart ids are [A-Za-z0-9_-]{1,64} (check_document): the key when it fits, else the position.
        std::string id = "indicator_" + i.key;
        if (id.size() > 64 || id.find('.') != std::string::npos) id = "indicator_" + std::to_string(n + 1);
        std::vector<const IndicatorValue*> shown;
        for (const IndicatorValue& v : i.values)
            if (!(v.month < first) && !(last < v.month)) shown.push_back(&v);
        if (shown.empty()) continue;
        const bool percent = i.unit == "%";
        const double scale = percent ? 100.0 : 1.0;  // percent charts take fractions
        Chart& c = doc.chart(id, inline_text(i.name), Chart::Kind::line,
                             percent ? Chart::Unit::percent : Chart::Unit::count);
        Chart::Series s{inline_text(i.name), {}};
        for (Date m = first; !(last < m); m = m.add_months(1)) {
            c.x_labels.push_back(m.iso().substr(0, 7));
            std::optional<double> v;
            for (const IndicatorValue* x : shown)
                if (x->month == m) v = x->value / scale;
            s.values.push_back(v);
        }
        c.series.push_back(std::move(s));
        c.target = i.target / scale;
        const IndicatorValue& newest = *shown.back();
        c.alt = "Line chart of " + inline_text(i.name) + " by month from " + first.iso().substr(0, 7) + " to " +
                last.iso().substr(0, 7) + ", with the target " + indicator_value_text(i, i.target) + " as a line; " +
                month_text(newest.month) + ": " + indicator_value_text(i, newest.value) + ".";
    }
}

}  // namespace oversight::detail
