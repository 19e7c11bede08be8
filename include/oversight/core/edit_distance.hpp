// Edit distance between two strings, for spotting misspellings (names,
// cost phrases).
#pragma once

#include <string_view>

namespace oversight {

/// Optimal-string-alignment Damerau-Levenshtein distance between two byte
/// strings (insertions, deletions, substitutions, adjacent transpositions).
int edit_distance(std::string_view a, std::string_view b);
/// As edit_distance, but gives up early: returns max + 1 as soon as the
/// distance is known to exceed `max` (e.g. when the lengths differ by more).
/// Uses O(min(|a|, |b|)) memory.
int edit_distance(std::string_view a, std::string_view b, int max);

}  // namespace oversight
