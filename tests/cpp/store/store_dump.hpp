// A test-only dump of a store file (not a test file: no .cpp): every table's
// rows, all columns, in a canonical order, through a separate read-only
// connection. Two equal dumps: the store holds the same rows, history
// included. SQL is allowed here (tests/cpp/store/, see tests/layout).
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace oversight::test {

/// Every table but SQLite's own (sqlite_*), by name, each row ordered by
/// every column, values written as SQL literals (text quoted, NULL bare).
inline std::string dump_store(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    std::vector<std::string> tables;
    {
        SQLite::Statement q(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                "ORDER BY name");
        while (q.executeStep()) tables.push_back(q.getColumn(0).getString());
    }
    std::ostringstream out;
    for (const std::string& table : tables) {
        SQLite::Statement cols(db, "SELECT count(*) FROM pragma_table_info(?1)");
        cols.bind(1, table);
        cols.executeStep();
        const int n = cols.getColumn(0).getInt();
        std::string order;
        for (int i = 1; i <= n; ++i) order += (i > 1 ? ", " : "") + std::to_string(i);
        SQLite::Statement rows(db, "SELECT * FROM \"" + table + "\" ORDER BY " + order);
        out << "table " << table << "\n";
        while (rows.executeStep()) {
            for (int i = 0; i < rows.getColumnCount(); ++i) {
                const SQLite::Column c = rows.getColumn(i);
                out << (i ? "|" : "  ");
                if (c.isNull()) out << "NULL";
                else if (c.isInteger()) out << c.getInt64();
                else if (c.isFloat()) out << c.getDouble();
                else out << "'" << c.getString() << "'";
            }
            out << "\n";
        }
    }
    return out.str();
}

/// The number of rows of each table, by name.
inline std::map<std::string, std::int64_t> table_rows(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    std::map<std::string, std::int64_t> out;
    std::vector<std::string> tables;
    {
        SQLite::Statement q(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        while (q.executeStep()) tables.push_back(q.getColumn(0).getString());
    }
    for (const std::string& t : tables) out[t] = db.execAndGet("SELECT count(*) FROM \"" + t + "\"").getInt64();
    return out;
}

}  // namespace oversight::test
