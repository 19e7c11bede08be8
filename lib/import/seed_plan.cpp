// Importer for improvement plans exported from PDF as tab-separated text
// (the seed's format): the public entry points, running the stages in turn.
// The repair rules are documented in import/seed_plan.hpp. Every repair or doubt becomes a warning with its line,
// everything not used an error, and every input line gets an ImportedLine
// saying where it went.
//
// Stages, each with its private header:
//   seed_lines   reading: decoding, UTF-8 repair, tab splitting, the shape of each line;
//   seed_build   assembling the Plan line by line, calling on
//   seed_repair  for damaged headings, numbers and references, and for the
//                references used twice, renumbered once the plan is built;
//   seed_text    the text helpers and the issue list they share.
#include <oversight/core/error.hpp>
#include <oversight/core/file.hpp>
#include <oversight/import/seed_plan.hpp>

#include "import/plan_counts.hpp"
#include "import/seed_build.hpp"
#include "import/seed_lines.hpp"
#include "import/seed_repair.hpp"
#include "import/seed_text.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <iterator>

namespace oversight {

const std::vector<std::string>& default_section_headings() {
    // Headings used by Ofsted's 2009-2013 inspections of safeguarding and
    // looked after children services and by the 2014 single inspection
    // framework (Ofsted, "Framework for the inspection of local authority
    // arrangements for the protection of children", 2012; "Framework and
    // evaluation schedule ... single inspection", 2013).
    static const std::vector<std::string> headings = {
        "QUALITY OF WORK TO SAFEGUARD CHILDREN",
        "CHILDREN LOOKED AFTER",
        "SERVICES FOR CHILDREN LOOKED AFTER",
        "SAFEGUARDING SERVICES",
        "OVERALL EFFECTIVENESS",
        "CAPACITY FOR IMPROVEMENT",
        "LEADERSHIP AND MANAGEMENT",
        "LEADERSHIP, MANAGEMENT AND GOVERNANCE",
        "PARTNERSHIP WORKING",
        "EARLY HELP",
        "HELP AND PROTECTION",
        "CHILDREN WHO NEED HELP AND PROTECTION",
        "CHILDREN LOOKED AFTER AND ACHIEVING PERMANENCE",
        "ADOPTION PERFORMANCE",
        "EXPERIENCES AND PROGRESS OF CARE LEAVERS",
        "CARE LEAVERS",
    };
    return headings;
}

std::string_view to_string(LineUse u) noexcept {
    switch (u) {
        case LineUse::blank: return "blank";
        case LineUse::header: return "header";
        case LineUse::section: return "section";
        case LineUse::timescale: return "timescale";
        case LineUse::recommendation: return "recommendation";
        case LineUse::action: return "action";
        case LineUse::continuation: return "continuation";
        case LineUse::ignored: return "ignored";
    }
    return "ignored";
}

ImportResult import_seed_plan(std::istream& in, const SeedImportOptions& options) {
    using namespace detail::seed;
    SeedIssues issues(options.source_name);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw Error(Status::io, issues.where(0) + ": read failed");

    const std::vector<Line> lines = read_lines(text, issues);
    require_table_header(lines, issues);
    SeedDraft draft = build_plan(lines, options, issues);
    renumber_duplicate_refs(draft.plan, draft.action_lines(), draft.lines, issues);
    finish_plan(draft, options, issues);

    ImportResult result;
    result.plan = std::move(draft.plan);
    result.lines = std::move(draft.lines);
    result.summary.importer = "seed-plan";
    result.summary.source = options.source_name;
    result.summary.add("lines", static_cast<std::int64_t>(result.lines.size()));
    detail::add_plan_counts(result.summary, result.plan);
    result.summary.issues = issues.take();
    return result;
}

ImportResult import_seed_plan_file(const std::string& path, SeedImportOptions options) {
    // read_file: a directory, a missing or unreadable file is Error(io) saying which.
    std::istringstream in(read_file(path, "seed plan"));
    if (options.source_name.empty()) options.source_name = path;
    return import_seed_plan(in, options);
}

}  // namespace oversight
