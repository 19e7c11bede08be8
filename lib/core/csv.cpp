// The one CSV writer (core/csv.hpp).
#include "core/csv.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <string_view>

namespace oversight::detail {
namespace {

/// True for "-14", "0", "12": a number a spreadsheet reads as a number.
bool plain_integer(std::string_view f) {
    if (!f.empty() && f.front() == '-') f.remove_prefix(1);
    return !f.empty() && std::all_of(f.begin(), f.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string defuse_formula(std::string f) {
    if (!f.empty() && std::string_view("=+-@\t\r").find(f.front()) != std::string_view::npos && !plain_integer(f))
        f.insert(f.begin(), '\'');
    return f;
}

void csv_row(std::ostream& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out << ',';
        const std::string f = defuse_formula(is_valid_utf8(fields[i]) ? fields[i] : sanitize_utf8(fields[i]));
        if (f.find_first_of(",\"\r\n") == std::string::npos) {
            out << f;
            continue;
        }
        out << '"';
        for (char c : f) {
            if (c == '"') out << '"';
            out << c;
        }
        out << '"';
    }
    out << "\r\n";
}

}  // namespace oversight::detail
