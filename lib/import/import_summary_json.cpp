// Import summaries as JSON documents; see import_summary_json.hpp.
#include <oversight/import/import_summary_json.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <utility>

namespace oversight {

namespace {

using ojson = nlohmann::ordered_json;

ojson issue(std::string_view file, int line, std::string_view message) {
    return {{"file", std::string(file)},
            {"line", line},
            {"path", ""},
            {"column", 0},
            {"column_name", ""},
            {"severity", "warning"},
            {"message", std::string(message)}};
}

std::string summary(const char* importer, std::string_view source, ojson counts, ojson issues) {
    ojson doc = {{"format", "oversight-import-summary"},
                 {"version", 1},
                 {"importer", importer},
                 {"source", std::string(source)},
                 {"counts", std::move(counts)},
                 {"issues", std::move(issues)}};
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

}  // namespace

std::string import_summary_to_json(const ImportResult& result, std::string_view source) {
    std::size_t actions = 0;
    for (const Recommendation& r : result.plan.recommendations) actions += r.actions.size();
    ojson counts = {{"lines", result.lines.size()},
                    {"sections", result.plan.sections.size()},
                    {"recommendations", result.plan.recommendations.size()},
                    {"actions", actions}};
    ojson issues = ojson::array();
    for (const ImportWarning& w : result.warnings) issues.push_back(issue(source, w.line, w.message));
    return summary("seed-plan", source, std::move(counts), std::move(issues));
}

std::string import_summary_to_json(const Ssda903Result& result, std::string_view source) {
    ojson counts = {{"children_added", result.children_added},
                    {"events_added", result.events_added},
                    {"events_already_present", result.events_already_present},
                    {"attributes_set", result.attributes_set}};
    ojson issues = ojson::array();
    for (const ImportIssue& w : result.warnings) issues.push_back(issue(w.file, w.line, w.message));
    return summary("ssda903", source, std::move(counts), std::move(issues));
}

}  // namespace oversight
