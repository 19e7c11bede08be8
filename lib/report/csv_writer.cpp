// The CSV writer of report documents: values for machines (core/csv.hpp
// quotes and defuses formula-like cells; it is the one CSV writer).
#include "report/writers.hpp"

#include "core/csv.hpp"

#include <oversight/core/date.hpp>

#include <cstdio>
#include <sstream>

namespace oversight::detail {
namespace {

/// A cell as a spreadsheet or a script reads it back: integers and pence as
/// digits, money as pounds with two decimals ("1234.56"), a percent as
/// "44.4%", a date in ISO 8601, a RAG as its name ("red"), text verbatim.
std::string value(const Cell& c) {
    switch (c.type) {
        case Cell::Type::money: {
            const std::int64_t p = c.integer;
            const std::uint64_t a = p < 0 ? 0 - static_cast<std::uint64_t>(p) : static_cast<std::uint64_t>(p);
            char buf[32];
            std::snprintf(buf, sizeof buf, "%s%llu.%02llu", p < 0 ? "-" : "", static_cast<unsigned long long>(a / 100),
                          static_cast<unsigned long long>(a % 100));
            return buf;
        }
        case Cell::Type::rag: return std::string(to_string(c.rag));
        default: return c.display();
    }
}

void table_out(std::ostream& out, const Table& t) {
    std::vector<std::string> row;
    for (const auto& c : t.columns) row.push_back(c.key);
    csv_row(out, row);
    for (const auto& r : t.rows) {
        row.clear();
        for (const auto& c : r) row.push_back(value(c));
        csv_row(out, row);
    }
}

}  // namespace

std::string write_csv(const Document& doc) {
    std::ostringstream out;
    const auto tables = doc.tables();
    if (tables.size() == 1) {
        table_out(out, *tables.front());
        return out.str();
    }
    for (const Table* t : tables) {
        csv_row(out, {t->id});
        table_out(out, *t);
        out << "\r\n";
    }
    return out.str();
}

}  // namespace oversight::detail
