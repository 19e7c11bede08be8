// The JSON writer of report documents ("oversight-document", version 1;
// data/schemas/oversight-document.schema.json).
#include "report/writers.hpp"

#include <oversight/core/error.hpp>

#include "core/text.hpp"

#include <nlohmann/json.hpp>

namespace oversight::detail {
namespace {

using json = nlohmann::ordered_json;

std::string utf8(std::string_view s) { return is_valid_utf8(s) ? std::string(s) : sanitize_utf8(s); }

json cell_json(const Cell& c) {
    switch (c.type) {
        case Cell::Type::empty: return nullptr;
        case Cell::Type::text: return utf8(c.text);
        case Cell::Type::integer:
        case Cell::Type::money: return c.integer;
        case Cell::Type::number:
        case Cell::Type::percent: return c.number;
        case Cell::Type::date: return c.date.iso();
        case Cell::Type::rag: return json{{"rag", std::string(to_string(c.rag))}, {"reason", utf8(c.text)}};
    }
    return nullptr;
}

const char* style_name(Paragraph::Style s) {
    switch (s) {
        case Paragraph::Style::note: return "note";
        case Paragraph::Style::warning: return "warning";
        case Paragraph::Style::normal: break;
    }
    return "normal";
}

const char* kind_name(Chart::Kind k) {
    switch (k) {
        case Chart::Kind::bar: return "bar";
        case Chart::Kind::stacked_bar: return "stacked_bar";
        case Chart::Kind::line: break;
    }
    return "line";
}

json table_json(const Table& t) {
    json columns = json::array();
    for (const auto& c : t.columns)
        columns.push_back({{"key", utf8(c.key)}, {"title", utf8(c.title)}, {"type", std::string(to_string(c.type))}});
    json rows = json::array();
    for (const auto& r : t.rows) {
        json row = json::object();
        for (std::size_t c = 0; c < r.size(); ++c) row[utf8(t.columns[c].key)] = cell_json(r[c]);
        rows.push_back(std::move(row));
    }
    json notes = json::array();
    for (const auto& n : t.notes) notes.push_back(utf8(n));
    return {{"type", "table"},
            {"id", utf8(t.id)},
            {"title", utf8(t.title)},
            {"group_by", t.group_by ? json(utf8(t.columns[*t.group_by].key)) : json(nullptr)},
            {"columns", std::move(columns)},
            {"rows", std::move(rows)},
            {"notes", std::move(notes)}};
}

json chart_json(const Chart& c) {
    json labels = json::array();
    for (const auto& l : c.x_labels) labels.push_back(utf8(l));
    json series = json::array();
    for (const auto& s : c.series) {
        json values = json::array();
        for (const auto& v : s.values) values.push_back(v ? json(*v) : json(nullptr));
        series.push_back({{"name", utf8(s.name)}, {"values", std::move(values)}});
    }
    return {{"type", "chart"},
            {"id", utf8(c.id)},
            {"title", utf8(c.title)},
            {"kind", kind_name(c.kind)},
            {"unit", c.unit == Chart::Unit::percent ? "percent" : "count"},
            {"x_labels", std::move(labels)},
            {"series", std::move(series)},
            {"target", c.target ? json(*c.target) : json(nullptr)},
            {"alt", utf8(c.alt)}};
}

}  // namespace

std::string write_json(const Document& doc) {
    json blocks = json::array();
    for (const auto& block : doc.blocks) {
        if (const auto* h = std::get_if<Heading>(&block))
            blocks.push_back({{"type", "heading"}, {"level", h->level}, {"text", utf8(h->text)}});
        else if (const auto* p = std::get_if<Paragraph>(&block))
            blocks.push_back({{"type", "paragraph"}, {"style", style_name(p->style)}, {"text", utf8(p->text)}});
        else if (const auto* t = std::get_if<Table>(&block))
            blocks.push_back(table_json(*t));
        else if (const auto* c = std::get_if<Chart>(&block))
            blocks.push_back(chart_json(*c));
    }
    json subtitle = json::array();
    for (const auto& s : doc.subtitle) subtitle.push_back(utf8(s));
    json root = {{"format", "oversight-document"},
                 {"version", 1},
                 {"kind", utf8(doc.kind)},
                 {"title", utf8(doc.title)},
                 {"subtitle", std::move(subtitle)},
                 {"as_of", doc.as_of ? json(doc.as_of->iso()) : json(nullptr)},
                 {"blocks", std::move(blocks)}};
    try {
        return root.dump(2) + "\n";
    } catch (const json::exception& e) {
        throw Error(Status::internal, std::string("report document JSON: ") + e.what());
    }
}

}  // namespace oversight::detail
