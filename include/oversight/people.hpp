// Leads and other named people: spotting names that are probably the same
// person ("Lindsey Voss" / "Lindsay Voss") for a human to merge.
#pragma once

#include <string>
#include <vector>

namespace oversight {

struct Person {
    long long id = 0;
    std::string name;
    std::string role;
    std::string email;
    std::string team;
};

/// Two spellings that probably name one person, and why.
struct ProbableSamePerson {
    std::string a;
    std::string b;
    double similarity = 0;  // 0..1
    std::string reason;     // e.g. "same surname, first names differ by one letter"
};

/// Pairs of distinct names that are probably the same person. Never merges.
std::vector<ProbableSamePerson> probable_same_people(const std::vector<std::string>& names);

}  // namespace oversight
