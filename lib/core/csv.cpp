// The one CSV writer (core/csv.hpp).
#include "core/csv.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <string_view>

namespace oversight::detail {
namespace {

/// True for "-14", "0", "-500.00", "-5.0%": a number a spreadsheet reads as
/// a number (an optional minus, digits, optionally "." and digits, optionally
/// "%"), never a formula.
bool plain_number(std::string_view f) {
    const auto digits = [&f] {
        std::size_t n = 0;
        while (n < f.size() && f[n] >= '0' && f[n] <= '9') ++n;
        f.remove_prefix(n);
        return n;
    };
    if (!f.empty() && f.front() == '-') f.remove_prefix(1);
    if (digits() == 0) return false;
    if (!f.empty() && f.front() == '.') {
        f.remove_prefix(1);
        if (digits() == 0) return false;
    }
    if (!f.empty() && f.front() == '%') f.remove_prefix(1);
    return f.empty();
}

}  // namespace

std::string defuse_formula(std::string f) {
    if (!f.empty() && std::string_view("=+-@\t\r").find(f.front()) != std::string_view::npos && !plain_number(f))
        f.insert(f.begin(), '\'');
    return f;
}

void csv_row(std::string& line, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) line += ',';
        // Copied only when it must change (invalid UTF-8); appended in runs
        // between the quotes it doubles (a row's explanation is ~600 bytes).
        std::string fixed;
        std::string_view f = fields[i];
        if (!is_valid_utf8(f)) f = fixed = sanitize_utf8(f);
        const bool defuse =
            !f.empty() && std::string_view("=+-@\t\r").find(f.front()) != std::string_view::npos && !plain_number(f);
        const bool quote = f.find_first_of(",\"\r\n") != std::string_view::npos;
        if (quote) line += '"';
        if (defuse) line += '\'';
        if (quote) {
            for (std::size_t at = f.find('"'); at != std::string_view::npos; at = f.find('"')) {
                line.append(f.data(), at + 1);
                line += '"';
                f.remove_prefix(at + 1);
            }
        }
        line.append(f.data(), f.size());
        if (quote) line += '"';
    }
    line += "\r\n";
}

void csv_row(std::ostream& out, const std::vector<std::string>& fields) {
    std::string line;
    csv_row(line, fields);
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
}

}  // namespace oversight::detail
