// Private to lib/import: the seed importer's repairs of what the PDF export
// damaged. Each takes what was printed, reads it as what it must have been
// and reports the repair on its line: damaged section and timescale
// headings, recommendation numbers that lost digits, action references
// inferred from their neighbours, and references used twice renumbered.
#pragma once

#include "import/seed_lines.hpp"
#include "import/seed_text.hpp"

#include <oversight/import/seed_plan.hpp>
#include <oversight/plan/plan.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace oversight::detail::seed {

/// The timescale a heading printed as `printed` on line `l` means.
/// `candidates` are those its letters fit; a bare "months" is the one after
/// `current` in the order Immediately, three months, six months. Warns of a
/// damaged heading, and of a heading line repeating the current one.
Timescale read_timescale(const Line& l, const std::vector<Timescale>& candidates, const std::string& printed,
                         std::optional<Timescale> current, SeedIssues& issues);

/// A timescale heading on a recommendation's line, if it has one: in column
/// 0, or its cut-off end glued to the start of the Action text ("diately
/// Ensure ..."), which is then taken off `action_text`.
std::optional<Timescale> recommendation_line_timescale(const Line& l, std::string& action_text,
                                                       std::optional<Timescale> current, SeedIssues& issues);

/// The name of a section heading: the known heading its fragments match
/// ("LITY OF WORK TO SAFEGUARD CHIL" + "LDREN"), else the text as printed.
std::string read_section_heading(const Line& l, const std::vector<std::string>& known, SeedIssues& issues);

/// The recommendation number of line `l`, coming after recommendation
/// `last`: as printed when it follows, else repaired (a lost digit, a lost
/// number: from `hint`, the references of the actions that follow).
int read_recommendation_number(const Line& l, int last, std::optional<int> hint, SeedIssues& issues);

/// The fragments of a recommendation's text, without one printed twice (as
/// part of a longer one).
std::vector<std::string> drop_repeated_fragments(const std::vector<std::string>& pieces, int number, int line,
                                                 SeedIssues& issues);

/// The first number of the next explicit action reference after line index
/// `i`, before the next heading or numbered recommendation.
std::optional<int> next_ref_major(const std::vector<Line>& lines, std::size_t i);
/// The next explicit reference of recommendation `major` after line index
/// `i`, before another recommendation starts: (line index, reference).
std::optional<std::pair<int, std::string>> next_ref_in(const std::vector<Line>& lines, std::size_t i, int major);

/// The reference of the action on line index `index`, to go under `r`: as
/// printed, or completed ("19." -> "19.1"), or inferred from the actions
/// around it when it was lost.
std::string read_action_reference(const Line& l, bool explicit_ref, const Recommendation& r,
                                  const std::vector<Line>& lines, std::size_t index, SeedIssues& issues);

/// Where each action was read: (recommendation index, action index) -> line.
using ActionLines = std::map<std::pair<std::size_t, std::size_t>, int>;

/// Makes action references unique across the plan: a reference met again is
/// renumbered to the next free one of its recommendation, and the lines that
/// named it (its own and its continuation rows) name the new one.
void renumber_duplicate_refs(Plan& plan, const ActionLines& action_lines, std::vector<ImportedLine>& lines,
                             SeedIssues& issues);

}  // namespace oversight::detail::seed
