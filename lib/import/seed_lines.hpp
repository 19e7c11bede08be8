// Private to lib/import: the seed importer's first stage, reading. The text
// becomes lines of eight cells (decoded, UTF-8 repaired, split at tabs), each
// classified by its shape: header, section, timescale, recommendation,
// action or continuation. Nothing is interpreted across lines here.
#pragma once

#include "import/seed_text.hpp"

#include <oversight/plan/plan.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oversight::detail::seed {

/// The table's columns: No., Rec., Action, Progress, Impact, What do we still
/// need to do, Cost, Lead person responsible.
enum Col { kNo = 0, kRec = 1, kAction = 2, kProgress = 3, kImpact = 4, kTodo = 5, kCost = 6, kLead = 7, kCols = 8 };

enum class Shape {
    blank, header, section, timescale, numbered_rec, action_ref, continuation, text_only, action_noref,
};

struct Line {
    int number = 0;
    std::vector<std::string> cells;  // kCols cells, trimmed
    std::vector<std::string> extra;  // cells beyond the eighth
    Shape shape = Shape::blank;
    // timescale heading at the start of the line (whole line, col 0, or glued to col 2)
    std::vector<Timescale> ts;
    std::string ts_printed;
    bool ts_only = false;
    // numbered recommendation
    std::optional<int> rec_number;
    std::string rec_number_printed;
    std::string col0_text;  // col 0 after a timescale and a number
    // explicit action reference
    std::string ref;
    int ref_major = 0;
    bool ref_partial = false;
    bool ref_shifted = false;  // found in the Action column
    bool exact_header = false;

    bool empty(int c) const { return cells[static_cast<std::size_t>(c)].empty(); }
    const std::string& cell(int c) const { return cells[static_cast<std::size_t>(c)]; }
};

/// The lines of `text` (LF, CRLF or lone CR; a UTF-8 byte-order mark is
/// skipped), each split into cells and classified. Invalid UTF-8 is replaced
/// by U+FFFD with a warning on its line. Error(parse) naming the file and
/// line for UTF-16 or UTF-32 text (a byte-order mark) and for a NUL byte.
std::vector<Line> read_lines(std::string_view text, SeedIssues& issues);

/// Error(parse) naming the line unless the first non-blank line is the
/// table header: the text is not a plan table at all.
void require_table_header(const std::vector<Line>& lines, const SeedIssues& issues);

}  // namespace oversight::detail::seed
