// Spotting names that are probably the same person ("Lindsey Voss" /
// "Lindsay Voss") among leads, task owners and the people directory, for a
// human to merge.
#pragma once

#include <string>
#include <vector>

namespace oversight {

/// Two spellings that probably name one person, and why.
struct ProbableSamePerson {
    std::string a;
    std::string b;
    double similarity = 0;  // 0..1
    std::string reason;     // e.g. "same surname, first names differ by one letter"
};

/// Pairs of distinct names that are probably the same person. Never merges:
/// leads are kept as printed, and a human merges a pair with merge_people()
/// (plan_store.hpp; `oversight people merge FROM INTO`), after `oversight
/// people` has listed the directory, the leads not in it and these pairs.
///
/// Names longer than 200 bytes are not compared (no real name is that long):
/// they pair only with an identical spelling after case and spacing are
/// folded. Names are normalised first: case folded (ASCII), punctuation dropped,
/// white space collapsed, courtesy titles (Mr, Mrs, Ms, Miss, Dr, Cllr) removed.
/// Cells naming several people or a group ("CP advisors and representatives
/// from Health and Education": more than four words, or "and", "&", ",", "/")
/// are not compared. Two names pair when, with first token = given name and
/// last token = surname:
///  - they are equal after normalisation (case, spacing, dots differ);
///  - surnames are equal and given names are equal (middle names differ);
///  - surnames are equal and one given name is an initial of the other
///    ("F. Budgen" / "Felicity Budgen");
///  - surnames are equal and the given names are within Damerau-Levenshtein
///    distance 1 (both at least 4 letters; distance 2 when both have 8+)
///    ("Lindsey" / "Lindsay");
///  - given names are equal and the surnames (both 5+ letters) are within
///    distance 1 ("Budgen" / "Budgon").
/// "Mark Jowett" / "Mark Jones" do not pair (surnames differ by 3).
/// similarity is 1 - distance/length over the whole normalised names.
/// Pairs are listed once, in input order (a before b); exact duplicates in
/// the input are ignored.
std::vector<ProbableSamePerson> probable_same_people(const std::vector<std::string>& names);

}  // namespace oversight
