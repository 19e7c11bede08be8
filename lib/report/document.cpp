// The format-neutral report document (report/document.hpp) and the choice of
// its writer (report/writer.hpp).
#include <oversight/core/error.hpp>
#include <oversight/plan/cost.hpp>
#include <oversight/report/document.hpp>
#include <oversight/report/writer.hpp>

#include "core/text.hpp"
#include "report/writers.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <set>

namespace oversight {

std::string_view to_string(Cell::Type t) noexcept {
    switch (t) {
        case Cell::Type::empty: return "empty";
        case Cell::Type::text: return "text";
        case Cell::Type::integer: return "integer";
        case Cell::Type::number: return "number";
        case Cell::Type::percent: return "percent";
        case Cell::Type::money: return "money";
        case Cell::Type::date: return "date";
        case Cell::Type::rag: return "rag";
    }
    return "empty";
}

std::string_view rag_label(Rag r) noexcept {
    switch (r) {
        case Rag::red: return "RED";
        case Rag::amber: return "AMBER";
        case Rag::green: return "GREEN";
        case Rag::blue: return "BLUE";
        case Rag::none: return "";
    }
    return "";
}

Cell Cell::of_text(std::string text) {
    Cell c;
    c.type = Cell::Type::text;
    c.text = std::move(text);
    return c;
}

Cell Cell::of_integer(std::int64_t n) {
    Cell c;
    c.type = Cell::Type::integer;
    c.integer = n;
    return c;
}

Cell Cell::of_number(double x, int decimals) {
    Cell c;
    c.type = Cell::Type::number;
    c.number = x;
    c.decimals = decimals;
    return c;
}

Cell Cell::of_percent(double fraction, int decimals) {
    Cell c = of_number(fraction, decimals);
    c.type = Cell::Type::percent;
    return c;
}

Cell Cell::of_money(std::int64_t pence) {
    Cell c = of_integer(pence);
    c.type = Cell::Type::money;
    return c;
}

Cell Cell::of_date(Date d) {
    Cell c;
    c.type = Cell::Type::date;
    c.date = d;
    return c;
}

Cell Cell::of_rag(Rag r, std::string reason) {
    Cell c;
    c.type = Cell::Type::rag;
    c.rag = r;
    c.text = std::move(reason);
    return c;
}

Cell Cell::of_date(const std::optional<Date>& d) { return d ? of_date(*d) : Cell{}; }
Cell Cell::of_money(const std::optional<std::int64_t>& pence) { return pence ? of_money(*pence) : Cell{}; }

namespace {

std::string fixed(double x, int decimals) {
    decimals = std::clamp(decimals, 0, 6);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
    std::string s = buf;
    if (s == "-0" || s.find_first_not_of("-0.") == std::string::npos) s.erase(0, s[0] == '-' ? 1 : 0);  // no "-0.0"
    return s;
}

}  // namespace

std::string Cell::display() const {
    switch (type) {
        case Cell::Type::empty: return {};
        case Cell::Type::text: return text;
        case Cell::Type::integer: return std::to_string(integer);
        case Cell::Type::number: return fixed(number, decimals);
        case Cell::Type::percent: return fixed(number * 100.0, decimals) + "%";
        case Cell::Type::money: return format_pence(integer);
        case Cell::Type::date: return date.iso();
        case Cell::Type::rag: return std::string(rag_label(rag));
    }
    return {};
}

bool operator==(const Cell& a, const Cell& b) noexcept {
    if (a.type != b.type) return false;
    switch (a.type) {
        case Cell::Type::empty: return true;
        case Cell::Type::text: return a.text == b.text;
        case Cell::Type::integer:
        case Cell::Type::money: return a.integer == b.integer;
        case Cell::Type::number:
        case Cell::Type::percent: return a.number == b.number && a.decimals == b.decimals;
        case Cell::Type::date: return a.date == b.date;
        case Cell::Type::rag: return a.rag == b.rag && a.text == b.text;
    }
    return false;
}

Document& Document::heading(std::string text, int level) {
    blocks.emplace_back(Heading{std::clamp(level, 1, 3), std::move(text)});
    return *this;
}

Document& Document::paragraph(std::string text, Paragraph::Style style) {
    blocks.emplace_back(Paragraph{std::move(text), style});
    return *this;
}

Table& Document::table(std::string id, std::string title, std::vector<Column> columns) {
    Table t;
    t.id = std::move(id);
    t.title = std::move(title);
    t.columns = std::move(columns);
    blocks.emplace_back(std::move(t));
    return std::get<Table>(blocks.back());
}

Chart& Document::chart(std::string id, std::string title, Chart::Kind kind, Chart::Unit unit) {
    Chart c;
    c.id = std::move(id);
    c.title = std::move(title);
    c.kind = kind;
    c.unit = unit;
    blocks.emplace_back(std::move(c));
    return std::get<Chart>(blocks.back());
}

std::vector<const Table*> Document::tables() const {
    std::vector<const Table*> out;
    for (const auto& b : blocks)
        if (const auto* t = std::get_if<Table>(&b)) out.push_back(t);
    return out;
}

void check_document(const Document& doc) {
    std::set<std::string> ids;
    const auto fail = [](const std::string& what) { throw Error(Status::invalid_arg, "report document: " + what); };
    const auto check_id = [&](const std::string& id, const char* what) {
        if (id.empty()) fail(std::string("a ") + what + " has no id");
        // An id becomes an HTML id, a fragment and a sheet's key: letters, digits, '_' and '-' only.
        const bool plain = id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char ch) {
                               return std::isalnum(static_cast<unsigned char>(ch)) != 0 || ch == '_' || ch == '-';
                           });
        if (!plain)
            fail(std::string(what) + " id \"" + detail::clip(id, 40) +
                 "\" may hold only letters, digits, '_' and '-' (at most 64)");
        if (!ids.insert(id).second) fail(std::string(what) + " id \"" + id + "\" is used twice");
    };
    for (const auto& block : doc.blocks) {
        if (const auto* h = std::get_if<Heading>(&block)) {
            if (h->level < 1 || h->level > 3)
                fail("heading \"" + detail::clip(h->text, 40) + "\" has level " + std::to_string(h->level) +
                     " (levels are 1..3)");
        } else if (const auto* t = std::get_if<Table>(&block)) {
            check_id(t->id, "table");
            if (t->columns.empty()) fail("table \"" + t->id + "\" has no columns");
            std::set<std::string> keys;
            for (const auto& col : t->columns)
                if (col.key.empty() || !keys.insert(col.key).second)
                    fail("table \"" + t->id + "\": column key \"" + col.key + "\" is empty or used twice");
            if (t->group_by && *t->group_by >= t->columns.size())
                fail("table \"" + t->id + "\" groups by column " + std::to_string(*t->group_by + 1) + " of " +
                     std::to_string(t->columns.size()));
            for (std::size_t r = 0; r < t->rows.size(); ++r) {
                const auto& row = t->rows[r];
                const std::string where = "table \"" + t->id + "\" row " + std::to_string(r + 1);
                if (row.size() != t->columns.size())
                    fail(where + " has " + std::to_string(row.size()) + " cells for " +
                         std::to_string(t->columns.size()) + " columns");
                for (std::size_t c = 0; c < row.size(); ++c) {
                    const Cell& cell = row[c];
                    const Column& col = t->columns[c];
                    if (!cell.empty() && col.type != Cell::Type::text && cell.type != col.type)
                        fail(where + " column \"" + col.key + "\": a " + std::string(to_string(cell.type)) +
                             " cell in a " + std::string(to_string(col.type)) + " column");
                    if ((cell.type == Cell::Type::number || cell.type == Cell::Type::percent) && !std::isfinite(cell.number))
                        fail(where + " column \"" + col.key + "\": a number that is not finite");
                }
            }
        } else if (const auto* c = std::get_if<Chart>(&block)) {
            check_id(c->id, "chart");
            for (const auto& s : c->series) {
                if (s.values.size() != c->x_labels.size())
                    fail("chart \"" + c->id + "\" series \"" + s.name + "\" has " + std::to_string(s.values.size()) +
                         " values for " + std::to_string(c->x_labels.size()) + " labels");
                for (const auto& v : s.values)
                    if (v && !std::isfinite(*v)) fail("chart \"" + c->id + "\" series \"" + s.name + "\": a value that is not finite");
                const bool hex = s.colour.size() == 7 && s.colour[0] == '#' &&
                                 std::all_of(s.colour.begin() + 1, s.colour.end(),
                                             [](char h) { return std::isxdigit(static_cast<unsigned char>(h)) != 0; });
                if (!s.colour.empty() && !hex)
                    fail("chart \"" + c->id + "\" series \"" + s.name + "\": colour \"" + detail::clip(s.colour, 20) +
                         "\" is not #rrggbb");
            }
            if (c->target && !std::isfinite(*c->target)) fail("chart \"" + c->id + "\": a target that is not finite");
        }
    }
}

ReportFormat parse_report_format(std::string_view text) {
    const std::string k = detail::lower(detail::trim(text));
    if (k == "text" || k == "txt") return ReportFormat::text;
    if (k == "md" || k == "markdown") return ReportFormat::markdown;
    if (k == "csv") return ReportFormat::csv;
    if (k == "json") return ReportFormat::json;
    if (k == "html" || k == "htm") return ReportFormat::html;
    if (k == "xlsx") return ReportFormat::xlsx;
    std::string shown(text.substr(0, 40));
    if (!detail::is_valid_utf8(shown)) shown = detail::sanitize_utf8(shown);
    throw Error(Status::invalid_arg, "unknown report format \"" + shown +
                                         "\" (expected text, markdown, md, csv, json, html or xlsx)");
}

std::string_view to_string(ReportFormat f) noexcept {
    switch (f) {
        case ReportFormat::text: return "text";
        case ReportFormat::markdown: return "markdown";
        case ReportFormat::csv: return "csv";
        case ReportFormat::json: return "json";
        case ReportFormat::html: return "html";
        case ReportFormat::xlsx: return "xlsx";
    }
    return "text";
}

std::string write_document(const Document& doc, ReportFormat format) {
    check_document(doc);
    switch (format) {
        case ReportFormat::text: return detail::write_text(doc);
        case ReportFormat::markdown: return detail::write_markdown(doc);
        case ReportFormat::csv: return detail::write_csv(doc);
        case ReportFormat::json: return detail::write_json(doc);
        case ReportFormat::html: return detail::write_html(doc);
        case ReportFormat::xlsx: return detail::write_xlsx(doc);
    }
    throw Error(Status::invalid_arg, "write_document: unknown format " + std::to_string(static_cast<int>(format)));
}

}  // namespace oversight
