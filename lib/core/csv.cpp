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
