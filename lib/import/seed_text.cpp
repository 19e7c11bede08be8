// The seed importer's shared text helpers and issue list (seed_text.hpp).
#include "import/seed_text.hpp"

#include "core/text.hpp"

#include <algorithm>

namespace oversight::detail::seed {

std::string quote(std::string_view s, std::size_t max) {
    std::string out = "'";
    if (s.size() > max) {
        std::size_t cut = max;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
        out.append(s.substr(0, cut));
        out += "\xE2\x80\xA6";
    } else {
        out.append(s);
    }
    return out + "'";
}

std::string squash_upper(std::string_view s) {
    std::string out;
    for (char c : s)
        if (is_alpha(c)) out.push_back(static_cast<char>(is_lower(c) ? c - 'a' + 'A' : c));
    return out;
}

std::string letters_lower(std::string_view s) {
    std::string tmp;
    for (char c : s) {
        if (is_alpha(c)) tmp.push_back(static_cast<char>(is_upper(c) ? c - 'A' + 'a' : c));
        else if (c == '3') tmp += "three";
        else if (c == '6') tmp += "six";
        else tmp.push_back(' ');
    }
    return collapse_spaces(tmp);
}

std::string SeedIssues::where(int line) const {
    return (file_.empty() ? std::string("line ") : file_ + ":") + std::to_string(line);
}

void SeedIssues::add(Severity severity, int line, std::string message) {
    ImportIssue i;
    i.file = file_;
    i.line = line;
    i.severity = severity;
    i.message = std::move(message);
    issues_.push_back(std::move(i));
}

std::vector<ImportIssue> SeedIssues::take() {
    std::stable_sort(issues_.begin(), issues_.end(),
                     [](const ImportIssue& a, const ImportIssue& b) { return a.line < b.line; });
    return std::move(issues_);
}

}  // namespace oversight::detail::seed
