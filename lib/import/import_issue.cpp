// ImportIssue and ImportSummary: the one shape of an import problem, and its JSON.
#include <oversight/import/import_issue.hpp>

#include <nlohmann/json.hpp>

namespace oversight {

namespace {

using ojson = nlohmann::ordered_json;  // keys in the order written

ojson issue_json(const ImportIssue& i) {
    ojson j;
    j["file"] = i.file;
    j["line"] = i.line;
    j["path"] = i.path;
    j["column"] = i.column;
    j["column_name"] = i.column_name;
    j["severity"] = std::string(to_string(i.severity));
    j["message"] = i.message;
    return j;
}

// Messages quote input text, which may be any bytes: never fail on them.
std::string dump(const ojson& j, int indent) {
    return j.dump(indent, ' ', false, ojson::error_handler_t::replace);
}

}  // namespace

std::string_view to_string(Severity s) noexcept {
    switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
    }
    return "error";
}

std::string ImportIssue::where() const {
    std::string out = file.empty() ? "<input>" : file;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0) out += ':' + std::to_string(column);
    }
    if (!path.empty()) out += ':' + path;
    if (!column_name.empty()) out += " (" + column_name + ")";
    return out;
}

bool operator==(const ImportIssue& a, const ImportIssue& b) noexcept {
    return a.file == b.file && a.line == b.line && a.column == b.column && a.column_name == b.column_name &&
           a.path == b.path && a.severity == b.severity && a.message == b.message;
}
bool operator!=(const ImportIssue& a, const ImportIssue& b) noexcept { return !(a == b); }

std::int64_t ImportSummary::count(std::string_view name) const noexcept {
    for (const auto& [n, v] : counts)
        if (n == name) return v;
    return 0;
}

void ImportSummary::add(std::string_view name, std::int64_t n) {
    for (auto& [k, v] : counts)
        if (k == name) {
            v += n;
            return;
        }
    counts.emplace_back(std::string(name), n);
}

std::size_t ImportSummary::errors() const noexcept {
    std::size_t n = 0;
    for (const auto& i : issues) n += i.severity == Severity::error;
    return n;
}

std::size_t ImportSummary::warnings() const noexcept {
    std::size_t n = 0;
    for (const auto& i : issues) n += i.severity == Severity::warning;
    return n;
}

bool operator==(const ImportSummary& a, const ImportSummary& b) noexcept {
    return a.importer == b.importer && a.source == b.source && a.counts == b.counts && a.issues == b.issues;
}
bool operator!=(const ImportSummary& a, const ImportSummary& b) noexcept { return !(a == b); }

std::string to_json(const ImportIssue& issue) { return dump(issue_json(issue), -1); }

std::string to_json(const ImportSummary& s) {
    ojson doc;
    doc["format"] = "oversight-import-summary";
    doc["version"] = 1;
    doc["importer"] = s.importer;
    doc["source"] = s.source;
    ojson counts = ojson::object();
    for (const auto& [name, n] : s.counts) counts[name] = n;
    doc["counts"] = std::move(counts);
    ojson issues = ojson::array();
    for (const auto& i : s.issues) issues.push_back(issue_json(i));
    doc["issues"] = std::move(issues);
    return dump(doc, 2) + "\n";
}

}  // namespace oversight
