// The seed importer's repairs (seed_repair.hpp). The rules are those listed
// in include/oversight/import/seed_plan.hpp; each names what it repairs.
#include "import/seed_repair.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <set>
#include <string_view>

namespace oversight::detail::seed {

namespace {

// A token that can only be the cut-off end of a timescale heading glued to
// recommendation text: "diately" (Immediately), "nths" (months).
bool is_timescale_tail(std::string_view token, std::vector<Timescale>& out) {
    if (token.size() < 3) return false;
    for (char c : token)
        if (!is_lower(c)) return false;
    static const std::set<std::string_view> words = {"months", "immediately"};  // whole words are not tails
    if (words.count(token)) return false;
    auto ends = [&](std::string_view w) {
        return w.size() > token.size() && w.substr(w.size() - token.size()) == token;
    };
    out.clear();
    if (ends("immediately")) out.push_back(Timescale::immediately);
    if (ends("months")) {
        out.push_back(Timescale::within_three_months);
        out.push_back(Timescale::within_six_months);
    }
    return !out.empty();
}

std::string_view display(Timescale t) {
    switch (t) {
        case Timescale::immediately: return "Immediately";
        case Timescale::within_three_months: return "Within three months";
        case Timescale::within_six_months: return "Within six months";
        case Timescale::by_date: return "By date";
    }
    return "";
}

std::optional<std::string> match_known_section(const std::vector<std::string>& fragments,
                                               const std::vector<std::string>& known) {
    double best = 0;
    std::optional<std::string> found;
    for (const auto& k : known) {
        std::string sk = squash_upper(k);
        if (sk.empty()) continue;
        std::vector<bool> covered(sk.size(), false);
        std::size_t from = 0;
        bool ok = true;
        for (const auto& f : fragments) {
            std::string sf = squash_upper(f);
            if (sf.empty()) continue;
            std::size_t at = sk.find(sf, from);
            if (at == std::string::npos) { ok = false; break; }
            for (std::size_t i = at; i < at + sf.size(); ++i) covered[i] = true;
            from = at + 1;
        }
        if (!ok) continue;
        double cov = static_cast<double>(std::count(covered.begin(), covered.end(), true)) / sk.size();
        if (cov >= 0.6 && (cov > best || (cov == best && found && k.size() < found->size()))) {
            best = cov;
            found = k;
        }
    }
    return found;
}

}  // namespace

// ---------------------------------------------------------------- headings

Timescale read_timescale(const Line& l, const std::vector<Timescale>& cand, const std::string& printed,
                         std::optional<Timescale> current, SeedIssues& issues) {
    Timescale chosen = cand.front();
    if (cand.size() > 1) {
        // "months" alone: headings run Immediately → three months → six months
        chosen = !current || *current == Timescale::immediately ? Timescale::within_three_months
                                                                : Timescale::within_six_months;
        const std::string after = current ? "'" + std::string(display(*current)) + "'" : "the section start";
        issues.warn(l.number, "timescale heading damaged (" + quote(printed) +
                                  " could be three or six months): read as '" + std::string(display(chosen)) +
                                  "', the next in order after " + after);
    } else if (letters_lower(printed) != letters_lower(display(chosen))) {
        issues.warn(l.number,
                    "timescale heading damaged: " + quote(printed) + " read as '" + std::string(display(chosen)) + "'");
    }
    if (current && chosen == *current && l.ts_only)
        issues.warn(l.number, "timescale heading '" + std::string(display(chosen)) + "' repeated");
    return chosen;
}

std::optional<Timescale> recommendation_line_timescale(const Line& l, std::string& c2,
                                                       std::optional<Timescale> current, SeedIssues& issues) {
    std::vector<Timescale> tail;
    std::size_t sp = c2.find(' ');
    std::string first = c2.substr(0, sp);
    if (is_timescale_tail(first, tail)) {
        Timescale ts = !l.ts.empty()
                           // "Immediatel" in col 0 and "diately" in col 2: one heading cut in two
                           ? read_timescale(l, l.ts, l.ts_printed + "|" + first, current, issues)
                           : read_timescale(l, tail, first, current, issues);
        c2 = sp == std::string::npos ? std::string() : std::string(detail::trim(std::string_view(c2).substr(sp)));
        return ts;
    }
    if (!l.ts.empty()) return read_timescale(l, l.ts, l.ts_printed, current, issues);
    return std::nullopt;
}

std::string read_section_heading(const Line& l, const std::vector<std::string>& known, SeedIssues& issues) {
    std::vector<std::string> frags;
    for (const auto& c : l.cells)
        if (!c.empty()) frags.push_back(c);
    std::string printed = join_nonempty(frags, " | ");
    std::string name;
    if (auto k = match_known_section(frags, known)) {
        name = *k;
        if (squash_upper(join_nonempty(frags, "")) != squash_upper(name) || frags.size() > 1)
            issues.warn(l.number, "section heading damaged by the export (" + quote(printed) +
                                      "): read as the known heading '" + name + "'");
    } else {
        for (const auto& f : frags) {
            if (!name.empty() && !(is_alpha(name.back()) && is_alpha(f.front()))) name.push_back(' ');
            name += f;
        }
        issues.warn(l.number, "section heading " + quote(printed) + " is not a known heading: kept as printed ('" +
                                  name + "'); check it");
    }
    return name;
}

// --------------------------------------------------------- recommendations

int read_recommendation_number(const Line& l, int last, std::optional<int> hint, SeedIssues& issues) {
    int expected = last + 1;
    int number = expected;
    if (l.rec_number) {
        int p = *l.rec_number;
        std::string ps = std::to_string(p), es = std::to_string(expected);
        if (p == expected) {
            number = p;
        } else if (es.size() > ps.size() && (es.rfind(ps, 0) == 0 || es.substr(es.size() - ps.size()) == ps)) {
            number = expected;
            issues.warn(l.number, "recommendation number '" + ps + "' lost a digit in the export: read as " + es +
                                      " (follows " + std::to_string(last) + ")");
        } else if (p > expected) {
            number = p;
            issues.warn(l.number, "recommendation " + ps + " follows " + std::to_string(last) + ": recommendations " +
                                      es + (p - 1 > expected ? ".." + std::to_string(p - 1) : "") +
                                      " are missing from the table");
        } else {
            number = expected;
            issues.warn(l.number, "recommendation number '" + ps + "' repeats or goes backwards: read as " + es);
        }
    } else {
        if (hint && *hint > expected) {
            number = *hint;
            issues.warn(l.number, "recommendation number lost in the export: read as " + std::to_string(number) +
                                      " from the action references that follow; recommendations " +
                                      std::to_string(expected) + ".." + std::to_string(number - 1) + " are missing");
        } else {
            issues.warn(l.number, "recommendation number lost in the export: read as " + std::to_string(expected) +
                                      " (after " + std::to_string(last) +
                                      (hint && *hint == expected
                                           ? ", and its actions are " + std::to_string(expected) + ".x"
                                           : std::string()) +
                                      ")");
        }
    }
    return number;
}

// "are sufficient experienced social work staff": a fragment printed twice.
std::vector<std::string> drop_repeated_fragments(const std::vector<std::string>& pieces, int number, int line,
                                                 SeedIssues& issues) {
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        if (pieces[i].empty()) continue;
        bool dup = false;
        for (std::size_t j = 0; j < pieces.size(); ++j)
            if (j != i && pieces[j].size() > pieces[i].size() && pieces[j].find(pieces[i]) != std::string::npos)
                dup = true;
        if (dup) {
            issues.warn(line, "recommendation " + std::to_string(number) + ": fragment " + quote(pieces[i]) +
                                  " is printed twice: kept once");
            continue;
        }
        kept.push_back(pieces[i]);
    }
    return kept;
}

// -------------------------------------------------------- action references

std::optional<int> next_ref_major(const std::vector<Line>& lines, std::size_t i) {
    for (std::size_t j = i + 1; j < lines.size(); ++j) {
        switch (lines[j].shape) {
            case Shape::action_ref: return lines[j].ref_major;
            case Shape::section:
            case Shape::timescale:
            case Shape::numbered_rec: return std::nullopt;
            default: break;
        }
    }
    return std::nullopt;
}

std::optional<std::pair<int, std::string>> next_ref_in(const std::vector<Line>& lines, std::size_t i, int major) {
    for (std::size_t j = i + 1; j < lines.size(); ++j) {
        const Line& l = lines[j];
        if (l.shape == Shape::action_ref) {
            if (l.ref_major != major || l.ref_partial) return std::nullopt;
            return std::make_pair(static_cast<int>(j), l.ref);
        }
        if (l.shape == Shape::section || l.shape == Shape::timescale || l.shape == Shape::numbered_rec)
            return std::nullopt;
    }
    return std::nullopt;
}

std::string read_action_reference(const Line& l, bool explicit_ref, const Recommendation& r,
                                  const std::vector<Line>& lines, std::size_t index, SeedIssues& issues) {
    int max_minor = 0;
    for (const auto& x : r.actions) {
        auto dot = x.ref.find('.');
        if (dot != std::string::npos) {
            try {
                max_minor = std::max(max_minor, std::stoi(x.ref.substr(dot + 1)));
            } catch (const std::exception&) {
            }
        }
    }
    std::string inferred = std::to_string(r.number) + "." + std::to_string(max_minor + 1);
    if (explicit_ref && !l.ref_partial) {
        if (l.ref_shifted)
            issues.warn(l.number, "reference " + l.ref + " printed in the Action column: read as the reference; the "
                                  "action's description is missing");
        return l.ref;
    }
    if (explicit_ref) {
        issues.warn(l.number, "partial reference '" + l.ref + "' completed to " + inferred);
        return inferred;
    }
    std::string why = max_minor == 0 ? "first action of recommendation " + std::to_string(r.number)
                                     : "after " + r.actions.back().ref;
    if (auto next = next_ref_in(lines, index, r.number)) {
        why += ", before " + next->second;
        auto dot = next->second.find('.');
        if (std::stoi(next->second.substr(dot + 1)) <= max_minor + 1)
            issues.warn(l.number, "inferred reference " + inferred + " clashes with " + next->second + " on line " +
                                      std::to_string(next->first + 1) + "; check the numbering");
    }
    issues.warn(l.number, "action reference lost in the export: read as " + inferred + " (" + why + ")");
    return inferred;
}

// Action references must be unique across the whole plan (the store keys
// actions by reference). A reference met a second time, in the same or in
// another recommendation (a damaged "3.2" printed as "2.3" or "4.2"), is
// renumbered to the next free reference of the recommendation that holds it,
// with a warning naming both lines; the first one keeps its reference.
void renumber_duplicate_refs(Plan& p, const ActionLines& line_of, std::vector<ImportedLine>& lines,
                             SeedIssues& issues) {
    std::set<std::string> all;
    for (const auto& r : p.recommendations)
        for (const auto& a : r.actions) all.insert(a.ref);
    std::map<std::string, int> first_line;  // reference -> line of its first holder
    for (std::size_t ri = 0; ri < p.recommendations.size(); ++ri) {
        Recommendation& r = p.recommendations[ri];
        for (std::size_t ai = 0; ai < r.actions.size(); ++ai) {
            Action& a = r.actions[ai];
            auto li = line_of.find({ri, ai});
            const int line = li == line_of.end() ? 0 : li->second;
            auto [it, fresh] = first_line.emplace(a.ref, line);
            if (fresh) continue;
            int minor = 0;
            for (const auto& x : r.actions) {
                auto dot = x.ref.find('.');
                if (dot == std::string::npos || x.ref.substr(0, dot) != std::to_string(r.number)) continue;
                const std::string tail = x.ref.substr(dot + 1);
                if (!tail.empty() && tail.size() <= 6 && std::all_of(tail.begin(), tail.end(), is_digit))
                    minor = std::max(minor, std::stoi(tail));
            }
            std::string fresh_ref;
            do fresh_ref = std::to_string(r.number) + "." + std::to_string(++minor);
            while (all.count(fresh_ref));
            issues.warn(line, "action reference " + a.ref + " on line " + std::to_string(line) +
                                  " was already used on line " + std::to_string(it->second) + ": renumbered to " +
                                  fresh_ref + " (the next free reference of recommendation " +
                                  std::to_string(r.number) + "); check the numbering");
            if (line > 0) {
                // The action's own line and its continuation rows (which may
                // follow page headers and blank lines) now name the new ref.
                for (std::size_t k = static_cast<std::size_t>(line - 1); k < lines.size(); ++k) {
                    ImportedLine& il = lines[k];
                    if (il.use == LineUse::blank || il.use == LineUse::header) continue;
                    const bool own = k == static_cast<std::size_t>(line - 1);
                    if (!own && il.use != LineUse::continuation) break;
                    if (il.target == a.ref) il.target = fresh_ref;
                }
            }
            a.ref = fresh_ref;
            all.insert(fresh_ref);
            first_line.emplace(fresh_ref, line);
        }
    }
}

}  // namespace oversight::detail::seed
