// Importing improvement plans exported from PDF as tab-separated text (the
// seed's format), repairing the damage and reporting every repair.
//
// Input: tab-separated text with the columns No., Rec., Action, Progress,
// Impact, What do we still need to do, Cost, Lead person responsible. The
// first non-blank line must be that header (else Error(parse) naming the
// line). LF, CRLF and CR line ends are accepted. The repairs, each reported
// as an ImportIssue of severity warning with its line (a cell that was not
// used, such as a stray lead or text beyond the eighth column, is an error):
//  - page headers are recognised by their column names even when damaged
//    ("N\to. Rec") and skipped;
//  - sections are upper-case text in the first columns, matched by fragments
//    against known Ofsted headings (default_section_headings()); otherwise
//    kept as printed, with a warning;
//  - timescales: a cell whose letters are part of "Immediately", "Within
//    three months" or "Within six months" ("Immediatel", "_ ediately",
//    "nths"); a bare "months" is the next timescale in order;
//  - recommendations: a number in column 0, or text that a new action number
//    needs; a missing or damaged number becomes the previous + 1. Fragments
//    are joined as printed; a lead or cost on the line belongs to the
//    recommendation;
//  - actions: the reference is in Rec. (or in Action when Rec. is empty, as
//    8.1 is in the seed). A partial reference "19." becomes the next number;
//    a row without one is numbered after the previous action (2.5, 3.1, 6.3
//    in the seed). References are unique plan-wide: a repeated one (say
//    "3.2" damaged to "2.3") is renumbered to the next free reference of its
//    recommendation, with a warning naming both lines;
//  - continuation rows are appended to the action above; a row with a
//    different lead is an action;
//  - Progress becomes one update dated the report date (see
//    SeedImportOptions::report_date). Status is inferred conservatively:
//    withdrawn when the Progress says so (2.4 in the seed), in_progress with
//    Progress text, else not_started; never complete;
//  - tasks ("What do we still need to do") are split at bullets and sentence
//    starts; milestones are made from tasks with a full day-month-year date
//    ("Next audit is due on 12 December 2012"); a year is never guessed.
// On the real seed (../shared/seed) this yields 2 sections, recommendations
// 1-20 and 34 actions, each with its lead as printed, and (with a report
// date) 84 issues, 2 of them errors (stray Lead cells). The Store refuses
// invalid UTF-8 in any text ("action 2.5 description: invalid UTF-8 at byte
// N"), so a plan read here can always be saved.
#pragma once

#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <oversight/core/date.hpp>
#include <oversight/import/import_issue.hpp>
#include <oversight/plan/plan.hpp>

namespace oversight {

struct SeedImportOptions {
    /// The inspection report date (the export does not carry it). It anchors
    /// the timescales and dates each action's Progress cell, imported as one
    /// ProgressUpdate. Without it the Progress is still imported, dated
    /// `import_date`, with the warning "Progress dated the import date
    /// YYYY-MM-DD because no report date was given".
    std::optional<Date> report_date;
    std::optional<Date> import_date;  // default: Date::today()
    std::string title;                // default: "Ofsted improvement plan"
    std::string authority;            // default: empty
    std::string source_name;          // the file of every issue, and named in errors
    /// Section headings a damaged heading may be matched against ("LITY OF
    /// WORK TO SAFEGUARD CHIL" + "LDREN"). Empty: default_section_headings().
    std::vector<std::string> known_sections;
};

/// Ofsted section headings known to the importer (upper case, as printed in
/// plans): used to repair headings cut at column edges (the sections above).
const std::vector<std::string>& default_section_headings();

/// What the importer did with one input line (every line gets one).
enum class LineUse {
    blank,           // empty or white space only
    header,          // the table header, repeated on every page
    section,         // a section heading
    timescale,       // a timescale heading ("Within three months")
    recommendation,  // (part of) a recommendation row
    action,          // an action row
    continuation,    // cells continuing the row above
    ignored,         // not used: an error issue on this line says why
};
std::string_view to_string(LineUse u) noexcept;

struct ImportedLine {
    int line = 0;        // 1-based
    LineUse use = LineUse::ignored;
    std::string target;  // what it went into: section name, "rec 2", "2.5"
};

/// What the seed import made of its input.
struct ImportResult {
    Plan plan;
    /// importer "seed-plan", source SeedImportOptions::source_name; counts
    /// lines, sections, recommendations, actions, withdrawn, progress_updates,
    /// tasks and milestones; issues by line (line 0: about the whole file),
    /// Severity::warning for a repair or a doubt, Severity::error for a row or
    /// value that was not used.
    ImportSummary summary;
    std::vector<ImportedLine> lines;  // one per input line, in order
};

/// Reads the tab-separated export of a PDF plan table (columns No., Rec.,
/// Action, Progress, Impact, What do we still need to do, Cost, Lead person
/// responsible). Repairs what it can and reports every repair, doubt and
/// unused cell as an issue with its line; never drops a row silently. Action
/// references are unique across the returned plan: a reference met twice is
/// renumbered to the next free one of its recommendation, with a warning
/// naming both lines, so the plan can always be saved. Throws Error(parse)
/// naming the line when the text is not such a table at all, and naming the
/// file (source_name) and line when it is not UTF-8 text: UTF-16 or UTF-32
/// (by byte-order mark, or by the NUL bytes they hold) or holding a NUL byte.
/// Bytes that are not UTF-8 in UTF-8 text are replaced by U+FFFD, with a
/// warning on their line.
ImportResult import_seed_plan(std::istream& in, const SeedImportOptions& options = {});
ImportResult import_seed_plan_file(const std::string& path, SeedImportOptions options = {});

}  // namespace oversight
