// Spotting spellings that probably name the same person (see name_matching.hpp
// for the rules). Never merges anything: the caller shows pairs to a human.
#include <oversight/workforce/name_matching.hpp>
#include <oversight/core/edit_distance.hpp>

#include "core/text.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <set>

namespace oversight {
namespace {

/// Longer names are not compared (see name_matching.hpp): no real name is that long,
/// and it bounds the work per pair.
constexpr std::size_t kMaxComparedName = 200;

struct Normalised {
    std::string full;                 // normalised whole name
    std::vector<std::string> tokens;  // its words
    bool comparable = false;          // one person's name
};

bool is_title(const std::string& t) {
    static const std::set<std::string> titles = {"mr", "mrs", "ms", "miss", "mx", "dr", "cllr", "prof", "sir", "dame"};
    return titles.count(t) != 0;
}

Normalised normalise(const std::string& raw) {
    Normalised n;
    if (raw.size() > kMaxComparedName) {  // kept only for exact duplicates
        n.full = detail::collapse_spaces(detail::lower(raw));
        return n;
    }
    std::string lowered = detail::lower(raw);
    bool group = false;
    std::string cleaned;
    for (char c : lowered) {
        if (c == '&' || c == ',' || c == '/' || c == ';' || c == '(') group = true;
        if (c == '.' || c == '\'' || c == '"')
            cleaned.push_back(' ');  // "F.Budgen" -> "f budgen"
        else if (c == '-')
            cleaned.push_back('-');  // double-barrelled names stay one token
        else
            cleaned.push_back(c);
    }
    std::string collapsed = detail::collapse_spaces(cleaned);
    std::string word;
    auto flush = [&] {
        if (!word.empty() && !(n.tokens.empty() && is_title(word))) n.tokens.push_back(word);
        word.clear();
    };
    for (char c : collapsed) {
        if (c == ' ') flush();
        else word.push_back(c);
    }
    flush();
    for (const auto& t : n.tokens) {
        if (t == "and") group = true;
        if (!n.full.empty()) n.full.push_back(' ');
        n.full += t;
    }
    n.comparable = !group && n.tokens.size() >= 2 && n.tokens.size() <= 4;
    return n;
}

double similarity_of(const std::string& a, const std::string& b) {
    std::size_t len = std::max(a.size(), b.size());
    if (len == 0 || a == b) return 1.0;
    return 1.0 - static_cast<double>(edit_distance(a, b)) / static_cast<double>(len);
}

// Why a and b are probably one person, or empty.
std::string reason_for(const Normalised& a, const Normalised& b) {
    if (a.full == b.full) return "same name apart from case, spacing, punctuation or title";
    if (!a.comparable || !b.comparable) return {};
    const std::string& ga = a.tokens.front();
    const std::string& gb = b.tokens.front();
    const std::string& sa = a.tokens.back();
    const std::string& sb = b.tokens.back();
    if (sa == sb) {
        if (ga == gb) return "same given name and surname; middle names or initials differ";
        if ((ga.size() == 1 && gb.size() > 1 && gb.front() == ga.front()) ||
            (gb.size() == 1 && ga.size() > 1 && ga.front() == gb.front()))
            return "same surname; initial '" + std::string(1, static_cast<char>(std::toupper(
                                                      static_cast<unsigned char>(ga.front())))) +
                   "' matches the given name";
        std::size_t shorter = std::min(ga.size(), gb.size());
        int limit = shorter >= 8 ? 2 : shorter >= 4 ? 1 : 0;
        int d = limit > 0 ? edit_distance(ga, gb, limit) : limit + 1;
        if (limit > 0 && d <= limit)
            return "same surname; given names differ by " + std::to_string(d) + (d == 1 ? " letter" : " letters");
    }
    if (ga == gb && ga.size() > 1 && sa.size() >= 5 && sb.size() >= 5 && edit_distance(sa, sb, 1) == 1)
        return "same given name; surnames differ by 1 letter";
    return {};
}

}  // namespace

std::vector<ProbableSamePerson> probable_same_people(const std::vector<std::string>& names) {
    std::vector<std::string> distinct;
    for (const auto& n : names)
        if (std::find(distinct.begin(), distinct.end(), n) == distinct.end()) distinct.push_back(n);
    std::vector<Normalised> norm;
    norm.reserve(distinct.size());
    for (const auto& n : distinct) norm.push_back(normalise(n));

    std::vector<ProbableSamePerson> out;
    for (std::size_t i = 0; i < distinct.size(); ++i)
        for (std::size_t j = i + 1; j < distinct.size(); ++j) {
            if (norm[i].full.empty() || norm[j].full.empty()) continue;
            std::string why = reason_for(norm[i], norm[j]);
            if (why.empty()) continue;
            out.push_back({distinct[i], distinct[j], similarity_of(norm[i].full, norm[j].full), why});
        }
    return out;
}

}  // namespace oversight
