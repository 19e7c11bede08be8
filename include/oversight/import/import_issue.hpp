// A problem met while reading an input (CSV, XML, XLSX, JSON): one shape for
// every importer, with its place in the file, and the summary of an import.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace oversight {

/// How much an issue matters:
///   error    the value, row or record was not used;
///   warning  it was used after a repair (U+FFFD for bad bytes), or with a doubt;
///   note     for information only.
enum class Severity { error, warning, note };
std::string_view to_string(Severity s) noexcept;  // "error", "warning", "note"

/// What a reader does with text that is not well-formed UTF-8.
enum class InvalidUtf8 {
    refuse,   // Error(parse) naming the place
    replace,  // each ill-formed byte becomes U+FFFD; a warning names the place
};

/// Where and what. Fields are ordered so that the old three-field form
/// `{file, line, message}` no longer compiles instead of filling `path`.
struct ImportIssue {
    std::string file;         // the input's name as given ("episodes.csv")
    std::int64_t line = 0;    // 1-based physical line; 0: none
    std::int64_t column = 0;  // 1-based field (CSV) or column (XLSX); 0: none
    std::string column_name;  // the CSV header or XLSX heading of that column; may be empty
    std::string path;         // XML element path, JSON pointer or XLSX "Sheet!B12"; may be empty
    Severity severity = Severity::warning;
    std::string message;      // what was found and what was done

    /// The place, compactly: "episodes.csv:12", "episodes.csv:12:3 (DECOM)",
    /// "cin.xml:40:/Message/Children/Child[3]/ChildIdentifiers/LAchildID",
    /// "Annex_A.xlsx:List 1!B12". "<input>" stands for an empty file name.
    std::string where() const;
};
bool operator==(const ImportIssue& a, const ImportIssue& b) noexcept;
bool operator!=(const ImportIssue& a, const ImportIssue& b) noexcept;

/// What one import read, counted, and met.
struct ImportSummary {
    std::string importer;  // "seed-plan", "plan-json", "plan-csv", "ssda903", ...
    std::string source;    // the file or folder read, as given
    std::vector<std::pair<std::string, std::int64_t>> counts;  // in the order first added
    std::vector<ImportIssue> issues;

    /// The count called `name`; 0 if it was never added.
    std::int64_t count(std::string_view name) const noexcept;
    /// Adds n to the count called `name`, appending it if new.
    void add(std::string_view name, std::int64_t n = 1);
    std::size_t errors() const noexcept;    // issues of severity error
    std::size_t warnings() const noexcept;  // issues of severity warning
};
bool operator==(const ImportSummary& a, const ImportSummary& b) noexcept;
bool operator!=(const ImportSummary& a, const ImportSummary& b) noexcept;

/// {"file","line","path","column","column_name","severity","message"} on one
/// line. Text that is not UTF-8 is written with U+FFFD in its place.
std::string to_json(const ImportIssue& issue);
/// The document {"format":"oversight-import-summary","version":1,"importer",
/// "source","counts":{name: n, ...},"issues":[...]}, indented, counts in their
/// order; schema: data/schemas/oversight-import-summary.schema.json.
std::string to_json(const ImportSummary& summary);

}  // namespace oversight
