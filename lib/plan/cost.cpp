// Reading the "Cost" cell of a plan without guessing. The rules are listed
// in cost.hpp; every cell keeps its verbatim text.
#include <oversight/plan/cost.hpp>
#include <oversight/core/error.hpp>
#include <oversight/core/edit_distance.hpp>

#include "core/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <string>
#include <vector>

namespace oversight {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

constexpr std::string_view kPound = "\xC2\xA3";  // U+00A3 POUND SIGN in UTF-8

struct Money {
    std::size_t start = 0;  // first byte, including an approximation marker
    std::size_t end = 0;    // one past the last byte
    std::int64_t pence = 0;
    bool approx = false;
    bool exact_pence = true;  // false: fractional pence, not representable
    bool pound = false;       // written with £ or GBP (else a bare number with k/m/million)
    bool bad_commas = false;  // thousands separators not in groups of three ("£1,2345")
};

bool starts_with(std::string_view s, std::size_t at, std::string_view word) {
    return s.substr(at, word.size()) == word;
}

bool word_ends(std::string_view s, std::size_t at) { return at >= s.size() || !is_alpha(s[at]); }

// Approximation marker right before position `at` in the lower-case text;
// returns where the marker starts (or `at` when there is none).
std::size_t approx_marker_before(std::string_view low, std::size_t at) {
    std::size_t p = at;
    while (p > 0 && low[p - 1] == ' ') --p;
    static const std::array<std::string_view, 12> words = {
        "approximately", "approx.", "approx", "estimated", "roughly", "around", "circa", "about", "est.", "ca.", "c.", "~"};
    for (std::string_view w : words) {
        if (p >= w.size() && low.substr(p - w.size(), w.size()) == w) {
            std::size_t s = p - w.size();
            if (s == 0 || !is_alpha(low[s - 1])) return s;
        }
    }
    // "c£1.7m": a lone c stuck to the amount
    if (p >= 1 && low[p - 1] == 'c' && (p == 1 || !is_alpha(low[p - 2]))) return p - 1;
    return at;
}

// Try to read an amount of money at `at` (a £ sign or the first digit).
std::optional<Money> money_at(std::string_view low, std::size_t at) {
    std::size_t p = at;
    bool pound = false;
    if (starts_with(low, p, kPound)) {
        pound = true;
        p += kPound.size();
        while (p < low.size() && low[p] == ' ') ++p;
    } else if (starts_with(low, p, "gbp") && word_ends(low, p + 3)) {
        pound = true;
        p += 3;
        while (p < low.size() && low[p] == ' ') ++p;
    } else {
        // a bare number: not glued to a word, a date or a fraction ("13/14", "0.5")
        if (p > 0) {
            char b = low[p - 1];
            if (is_alpha(b) || is_digit(b) || b == '/' || b == '.' || b == ',' || b == '-') return std::nullopt;
        }
    }
    if (p >= low.size() || !is_digit(low[p])) return std::nullopt;
    std::int64_t whole = 0;
    int digits = 0;
    // Digit groups between commas: "1,700,000" is {1, 3, 3}. A comma is a
    // thousands separator only with a digit on each side.
    std::vector<int> groups{0};
    while (p < low.size() && (is_digit(low[p]) || (low[p] == ',' && p + 1 < low.size() && is_digit(low[p + 1]) &&
                                                   digits > 0))) {
        if (low[p] != ',') {
            if (++digits > 15) return std::nullopt;
            whole = whole * 10 + (low[p] - '0');
            ++groups.back();
        } else {
            groups.push_back(0);
        }
        ++p;
    }
    bool bad_commas = false;
    if (groups.size() > 1) {
        bad_commas = groups.front() > 3;
        for (std::size_t g = 1; g < groups.size(); ++g)
            if (groups[g] != 3) bad_commas = true;
    }
    std::int64_t frac = 0, frac_scale = 1;
    if (p + 1 < low.size() && low[p] == '.' && is_digit(low[p + 1])) {
        ++p;
        while (p < low.size() && is_digit(low[p])) {
            if (frac_scale < 1000000) {
                frac = frac * 10 + (low[p] - '0');
                frac_scale *= 10;
            }
            ++p;
        }
    }
    if (!pound && p < low.size() && (low[p] == '/' || is_digit(low[p]))) return std::nullopt;
    std::int64_t mult = 1;
    std::size_t q = p;
    if (starts_with(low, q, "bn") && word_ends(low, q + 2)) { mult = 1000000000; q += 2; }
    else if (q < low.size() && low[q] == 'k' && word_ends(low, q + 1)) { mult = 1000; q += 1; }
    else if (q < low.size() && low[q] == 'm' && word_ends(low, q + 1)) { mult = 1000000; q += 1; }
    else {
        std::size_t r = q;
        while (r < low.size() && low[r] == ' ') ++r;
        if (starts_with(low, r, "million") && word_ends(low, r + 7)) { mult = 1000000; q = r + 7; }
        else if (starts_with(low, r, "thousand") && word_ends(low, r + 8)) { mult = 1000; q = r + 8; }
        else if (starts_with(low, r, "bn") && word_ends(low, r + 2)) { mult = 1000000000; q = r + 2; }
    }
    if (!pound && mult == 1) return std::nullopt;  // "0.5 fte", "16 social workers": not money
    if (mult == 1 && q < low.size() && is_alpha(low[q])) {
        // "£10,500for" is odd but the amount is still £10,500; nothing to do
    }
    Money m;
    m.end = q;
    m.pound = pound;
    m.bad_commas = bad_commas;
    // pence = (whole + frac/frac_scale) * mult * 100, kept exact
    const std::int64_t max = std::numeric_limits<std::int64_t>::max() / 1000;
    if (whole > max / (mult * 100)) return std::nullopt;
    std::int64_t scaled_frac_num = frac * mult * 100;
    m.exact_pence = scaled_frac_num % frac_scale == 0;
    m.pence = whole * mult * 100 + scaled_frac_num / frac_scale;
    m.start = approx_marker_before(low, at);
    m.approx = m.start != at;
    return m;
}

std::vector<Money> find_money(std::string_view low) {
    std::vector<Money> found;
    std::size_t i = 0;
    while (i < low.size()) {
        if (starts_with(low, i, kPound) || starts_with(low, i, "gbp") || is_digit(low[i])) {
            if (auto m = money_at(low, i)) {
                found.push_back(*m);
                i = m->end;
                continue;
            }
            if (is_digit(low[i])) {
                while (i < low.size() && (is_digit(low[i]) || low[i] == '.' || low[i] == ',' || low[i] == '/')) ++i;
                continue;
            }
        }
        ++i;
    }
    return found;
}

bool contains_word(std::string_view low, std::string_view w);

// A bare number with k/m/million and no £ ("24k") is money only with a cost
// word near it (within 40 bytes before or 25 after), an approximation marker
// right before it ("about 24k"), or a £ elsewhere in the cell. Returns the
// reason, or empty when it is not money ("2k staff").
std::string bare_amount_reason(std::string_view low, const Money& m) {
    if (m.approx) return "the approximation word before it";
    if (low.find(kPound) != std::string_view::npos) return "the \xC2\xA3 elsewhere in the cell";
    const std::size_t from = m.start > 40 ? m.start - 40 : 0;
    const std::string_view window = low.substr(from, std::min(low.size(), m.end + 25) - from);
    for (std::string_view w : {"cost", "costs", "costing", "costed", "subscription", "budget", "budgets", "funding",
                               "funded", "fund", "price", "fee", "fees", "spend", "salary", "salaries", "grant",
                               "investment", "pounds", "gbp", "pa", "per annum", "p.a.", "annual", "annually"})
        if (contains_word(window, w)) return "'" + std::string(w) + "' near it";
    return {};
}

bool contains_word(std::string_view low, std::string_view w) {
    std::size_t at = 0;
    while ((at = low.find(w, at)) != std::string_view::npos) {
        bool left = at == 0 || !is_alpha(low[at - 1]);
        bool right = word_ends(low, at + w.size());
        if (left && right) return true;
        ++at;
    }
    return false;
}

Cost::Period period_of(std::string_view low) {
    for (std::string_view w : {"per annum", "p.a.", "pa", "per year", "a year", "each year", "annual", "annually",
                               "yearly", "per yr", "p/a"})
        if (contains_word(low, w)) return Cost::Period::per_annum;
    for (std::string_view w : {"one-off", "one off", "one time", "one-time"})
        if (contains_word(low, w)) return Cost::Period::one_off;
    return Cost::Period::unknown;
}

bool is_tbc(std::string_view low) {
    for (std::string_view w : {"tbc", "tba", "tbd", "to be confirmed", "to be agreed", "to be determined",
                               "to be established", "will be established", "will be determined", "not yet known"})
        if (contains_word(low, w)) return true;
    return false;
}

// The words of s (lower case, letters only).
std::vector<std::string> words_of(std::string_view low) {
    std::vector<std::string> out;
    std::string w;
    for (char c : low) {
        if (is_alpha(c)) w.push_back(c);
        else if (!w.empty()) { out.push_back(w); w.clear(); }
    }
    if (!w.empty()) out.push_back(w);
    return out;
}

bool near(const std::string& word, std::string_view target) {
    return word == target || (word.size() >= 6 && edit_distance(word, target, 2) <= 2);
}

// "Within existing resources", "Within exisiting resources", "Within existing
// Workforce Development resources", "from existing budgets": no new money.
// Returns the note (empty, or what spelling was read leniently), or nullopt.
std::optional<std::string> within_existing(std::string_view low) {
    if (low.find('+') != std::string_view::npos || low.find(kPound) != std::string_view::npos) return std::nullopt;
    auto w = words_of(low);
    if (w.size() < 2 || w.size() > 6) return std::nullopt;
    std::size_t i = 0;
    if (w[i] == "within" || w[i] == "from") ++i;
    else if (w[i] == "met" && w.size() > 2 && w[1] == "from") i += 2;
    if (i >= w.size() || !near(w[i], "existing")) return std::nullopt;
    const std::string& last = w.back();
    if (!(near(last, "resources") || last == "budget" || last == "budgets" || last == "resource")) return std::nullopt;
    for (const auto& x : w)
        if (x == "and" || x == "plus" || x == "or") return std::nullopt;
    std::string note;
    if (w[i] != "existing") note = "'" + w[i] + "' read as 'existing'";
    if (last != "resources" && last != "resource" && last != "budget" && last != "budgets")
        note += std::string(note.empty() ? "" : "; ") + "'" + last + "' read as 'resources'";
    return note;
}

// Leftover text pieces (original case) outside the consumed spans.
std::string leftover(std::string_view text, const std::vector<bool>& used) {
    std::vector<std::string> pieces;
    std::string cur;
    auto flush = [&] {
        std::string_view p = detail::trim(cur);
        while (!p.empty() && std::string_view(".,;:-=").find(p.front()) != std::string_view::npos) {
            p.remove_prefix(1);
            p = detail::trim(p);
        }
        while (!p.empty() && std::string_view(",;:-=").find(p.back()) != std::string_view::npos) {
            p.remove_suffix(1);
            p = detail::trim(p);
        }
        bool meaningful = false;
        for (char c : p)
            if (is_alpha(c) || is_digit(c) || static_cast<unsigned char>(c) >= 0x80) meaningful = true;
        if (meaningful) pieces.emplace_back(p);
        cur.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (used[i]) {
            if (!cur.empty()) flush();
            continue;
        }
        cur.push_back(text[i]);
    }
    flush();
    std::string out;
    for (const auto& p : pieces) {
        if (!out.empty()) out += " \xE2\x80\xA6 ";  // " … "
        out += p;
    }
    return out;
}

// Join "time- limited" (a hyphen broken by a line wrap) back to "time-limited".
std::string join_wrapped_hyphens(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        out.push_back(s[i]);
        if (s[i] == '-' && i > 0 && is_alpha(s[i - 1]) && i + 2 < s.size() && s[i + 1] == ' ' && is_alpha(s[i + 2]))
            ++i;
    }
    return out;
}

void mark(std::vector<bool>& used, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to && i < used.size(); ++i) used[i] = true;
}

}  // namespace

bool operator==(const Cost& a, const Cost& b) {
    return a.text == b.text && a.kind == b.kind && a.amount_pence == b.amount_pence && a.high_pence == b.high_pence &&
           a.approximate == b.approximate && a.period == b.period && a.per_unit == b.per_unit &&
           a.alternative == b.alternative && a.note == b.note;
}

Cost parse_cost(std::string_view text) {
    Cost c;
    c.text = std::string(text);
    const std::string t = detail::collapse_spaces(text);
    if (t.empty()) return c;  // Kind::none
    if (!detail::is_valid_utf8(t)) {
        c.kind = Cost::Kind::unparsed;
        c.note = "not valid UTF-8";
        return c;
    }
    const std::string low = detail::lower(t);
    std::vector<Money> money = find_money(low);
    std::vector<std::string> notes;  // added to the leftover text in the note

    // Bare numbers ("24k" without £): money only with a cost word near them.
    // A dropped figure is explained in the note; the cell may still say TBC
    // or "within existing resources".
    std::string dropped_note;
    {
        std::vector<Money> kept;
        std::vector<std::string> dropped;
        for (const Money& m : money) {
            if (m.pound) {
                kept.push_back(m);
                continue;
            }
            const std::string figure(t.substr(m.start, m.end - m.start));
            const std::string why = bare_amount_reason(low, m);
            if (why.empty()) {
                dropped.push_back(figure);
                continue;
            }
            notes.push_back("no \xC2\xA3 sign: '" + figure + "' read as pounds because of " + why +
                            ", so marked approximate");
            kept.push_back(m);
        }
        if (kept.empty() && !dropped.empty())
            dropped_note = "'" + dropped.front() + "' has no \xC2\xA3 sign and no cost word near it: not read as money";
        money = std::move(kept);
    }
    for (const Money& m : money)
        if (m.bad_commas) {
            c.kind = Cost::Kind::unparsed;
            c.note = "malformed thousands separator in '" + std::string(t.substr(m.start, m.end - m.start)) +
                     "' (commas must part groups of three digits)";
            return c;
        }

    if (money.empty()) {
        const auto with_dropped = [&](std::string note) {
            if (dropped_note.empty()) return note;
            return note.empty() ? dropped_note : note + "; " + dropped_note;
        };
        if (auto note = within_existing(low)) {
            c.kind = Cost::Kind::within_existing;
            c.note = with_dropped(*note);
            return c;
        }
        bool existing = false;
        for (const auto& x : words_of(low))
            if (near(x, "existing")) existing = true;
        if (existing) {
            c.kind = Cost::Kind::unparsed;
            c.note = with_dropped("existing resources combined with other funding; no amount stated");
            return c;
        }
        if (is_tbc(low)) {
            c.kind = Cost::Kind::tbc;
            c.note = with_dropped("");
            return c;
        }
        c.kind = Cost::Kind::unparsed;
        auto w = words_of(low);
        if (!dropped_note.empty())
            c.note = dropped_note;
        else if (w.size() == 1 && (w[0] == "resources" || w[0] == "resource"))
            c.note = "only 'resources': probably the end of a wrapped 'Within existing resources', not assumed";
        else
            c.note = "no amount and no known phrase (TBC, within existing resources)";
        return c;
    }

    std::vector<bool> used(t.size(), false);
    const Money& first = money.front();
    c.approximate = contains_word(low, "estimate") || contains_word(low, "estimated") ||
                    contains_word(low, "estimates");
    c.period = period_of(low);

    if (money.size() == 2) {
        std::string between(detail::trim(std::string_view(low).substr(first.end, money[1].start - first.end)));
        static const std::array<std::string_view, 7> joins = {"rising to", "increasing to", "to", "-", "\xE2\x80\x93",
                                                              "and", "up to"};
        bool is_range = false;
        for (auto j : joins)
            if (between == j) is_range = true;
        if (is_range && money[1].pence < first.pence) {
            c.kind = Cost::Kind::unparsed;
            c.approximate = false;
            c.period = Cost::Period::unknown;
            c.note = "range runs backwards (the second amount is lower than the first): not read";
            return c;
        }
        if (is_range) {
            c.kind = Cost::Kind::range;
            c.amount_pence = first.pence;
            c.high_pence = money[1].pence;
            c.approximate = c.approximate || first.approx || money[1].approx || !first.pound || !money[1].pound;
            mark(used, first.start, money[1].end);
            std::size_t b = first.start;
            while (b > 0 && low[b - 1] == ' ') --b;
            if (b >= 7 && low.substr(b - 7, 7) == "between") mark(used, b - 7, b);
        }
    }
    if (c.kind != Cost::Kind::range) {
        if (money.size() > 1) {
            c.kind = Cost::Kind::unparsed;
            c.approximate = false;
            c.period = Cost::Period::unknown;
            c.note = std::to_string(money.size()) + " amounts that are not a range: not combined";
            return c;
        }
        c.kind = Cost::Kind::amount;
        c.amount_pence = first.pence;
        c.approximate = c.approximate || first.approx || !first.pound;
        mark(used, first.start, first.end);
    }
    for (const Money& m : money)
        if (!m.exact_pence) {
            c.kind = Cost::Kind::unparsed;
            c.amount_pence.reset();
            c.high_pence.reset();
            c.note = "amount has a fraction of a penny";
            return c;
        }

    // "..., or time-limited honoraria": an alternative to the money
    const std::size_t after = money.back().end;
    {
        std::size_t p = after;
        while (p < low.size() && (low[p] == ' ' || low[p] == ',')) ++p;
        if (starts_with(low, p, "or ") ) {
            std::string alt(detail::trim(std::string_view(t).substr(p + 3)));
            while (!alt.empty() && (alt.back() == '.' || alt.back() == ' ')) alt.pop_back();
            c.alternative = join_wrapped_hyphens(alt);
            mark(used, after, t.size());
        }
    }
    // "per social worker": the unit the amount is for (periods are not units)
    {
        std::size_t at = 0;
        while ((at = low.find("per ", at)) != std::string::npos) {
            if (at > 0 && is_alpha(low[at - 1])) { at += 4; continue; }
            std::size_t p = at + 4, end = p;
            int nwords = 0;
            while (end < low.size() && nwords < 4) {
                std::size_t w = end;
                while (w < low.size() && (is_alpha(low[w]) || low[w] == '-')) ++w;
                if (w == end) break;
                static const std::array<std::string_view, 11> stop = {"per", "pa", "a", "each", "for", "from",
                                                                      "in", "then", "year", "annum", "and"};
                std::string_view word = std::string_view(low).substr(end, w - end);
                if (nwords > 0 && std::find(stop.begin(), stop.end(), word) != stop.end()) {
                    while (end > p && low[end - 1] == ' ') --end;
                    break;
                }
                ++nwords;
                end = w;
                if (end < low.size() && low[end] == ' ' && end + 1 < low.size() && is_alpha(low[end + 1])) ++end;
                else break;
            }
            std::string unit(detail::trim(std::string_view(t).substr(p, end - p)));
            std::string unit_low = detail::lower(unit);
            bool period_word = unit_low.rfind("annum", 0) == 0 || unit_low.rfind("year", 0) == 0 ||
                               unit_low.rfind("yr", 0) == 0 || unit_low.rfind("month", 0) == 0 ||
                               unit_low.rfind("week", 0) == 0;
            if (!unit.empty() && !period_word) {
                c.per_unit = unit;
                std::size_t s = at;
                // "£ per social worker": a lone pound sign heading the unit
                std::size_t b = s;
                while (b > 0 && low[b - 1] == ' ') --b;
                if (b >= kPound.size() && std::string_view(low).substr(b - kPound.size(), kPound.size()) == kPound)
                    s = b - kPound.size();
                mark(used, s, end);
                break;
            }
            at += 4;
        }
    }
    c.note = leftover(t, used);
    for (const auto& n : notes) c.note += (c.note.empty() ? "" : "; ") + n;
    return c;
}

std::string_view to_string(Cost::Kind k) noexcept {
    switch (k) {
        case Cost::Kind::none: return "none";
        case Cost::Kind::amount: return "amount";
        case Cost::Kind::range: return "range";
        case Cost::Kind::within_existing: return "within_existing";
        case Cost::Kind::tbc: return "tbc";
        case Cost::Kind::unparsed: return "unparsed";
    }
    return "unparsed";
}

std::string_view to_string(Cost::Period p) noexcept {
    switch (p) {
        case Cost::Period::unknown: return "unknown";
        case Cost::Period::one_off: return "one_off";
        case Cost::Period::per_annum: return "per_annum";
    }
    return "unknown";
}

Cost::Kind parse_cost_kind(std::string_view text) {
    for (auto k : {Cost::Kind::none, Cost::Kind::amount, Cost::Kind::range, Cost::Kind::within_existing,
                   Cost::Kind::tbc, Cost::Kind::unparsed})
        if (text == to_string(k)) return k;
    throw Error(Status::invalid_arg, "unknown cost kind \"" + std::string(text.substr(0, 64)) + "\"");
}

Cost::Period parse_cost_period(std::string_view text) {
    for (auto p : {Cost::Period::unknown, Cost::Period::one_off, Cost::Period::per_annum})
        if (text == to_string(p)) return p;
    throw Error(Status::invalid_arg, "unknown cost period \"" + std::string(text.substr(0, 64)) + "\"");
}

std::string format_pence(std::int64_t pence) {
    std::string sign;
    // work in unsigned so INT64_MIN is fine
    std::uint64_t v = pence < 0 ? std::uint64_t(0) - static_cast<std::uint64_t>(pence) : static_cast<std::uint64_t>(pence);
    if (pence < 0) sign = "-";
    std::uint64_t pounds = v / 100, p = v % 100;
    std::string digits = std::to_string(pounds), grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped.push_back(',');
        grouped.push_back(digits[i]);
    }
    std::string out = sign + std::string(kPound) + grouped;
    if (p != 0) {
        out.push_back('.');
        out.push_back(static_cast<char>('0' + p / 10));
        out.push_back(static_cast<char>('0' + p % 10));
    }
    return out;
}

}  // namespace oversight
