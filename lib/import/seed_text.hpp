// Private to lib/import: the text helpers and the issue list that every stage
// of the seed importer (seed_lines, seed_repair, seed_build, seed_plan) uses.
#pragma once

#include <oversight/import/import_issue.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace oversight::detail::seed {

inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool starts_lower(std::string_view s) { return !s.empty() && is_lower(s.front()); }

/// s in single quotes, cut to `max` bytes (keeping UTF-8 whole) with an ellipsis.
std::string quote(std::string_view s, std::size_t max = 60);
/// Letters only, upper case: "Lead person responsible" -> "LEADPERSONRESPONSIBLE".
std::string squash_upper(std::string_view s);
/// Lower-case letters and single spaces; digits 3 and 6 spelled out (for timescales).
std::string letters_lower(std::string_view s);

/// The issues of one import, each placed on a line of the input (0: the
/// whole file) of the file it was given.
class SeedIssues {
public:
    explicit SeedIssues(std::string file) : file_(std::move(file)) {}

    /// A repair made, or a doubt about something that was used.
    void warn(int line, std::string message) { add(Severity::warning, line, std::move(message)); }
    /// A row or value that was not used, and why.
    void not_used(int line, std::string message) { add(Severity::error, line, std::move(message)); }

    /// The place of a line in errors: "file:N", or "line N" without a file name.
    std::string where(int line) const;
    /// The file's name, or "<input>" when it has none.
    std::string file() const { return file_.empty() ? std::string("<input>") : file_; }
    /// Every issue, by line; issues on one line in the order they were met.
    std::vector<ImportIssue> take();

private:
    void add(Severity severity, int line, std::string message);

    std::string file_;
    std::vector<ImportIssue> issues_;
};

}  // namespace oversight::detail::seed
