// Cost of an action as printed in a plan, parsed without guessing.
// The original text is always kept; what could not be read is flagged.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace oversight {

struct Cost {
    enum class Kind {
        none,                // the cell was empty
        amount,              // one sum: "£10,500", "c£1.7m"
        range,               // "£11k rising to £22k pa": amount_pence .. high_pence
        within_existing,     // "Within existing resources" (no new money)
        tbc,                 // "TBC", "to be confirmed"
        unparsed,            // text present but not understood: flagged, kept
    };
    enum class Period { unknown, one_off, per_annum };

    std::string text;                          // verbatim, never altered
    Kind kind = Kind::none;
    std::optional<std::int64_t> amount_pence;  // the (lower) amount
    std::optional<std::int64_t> high_pence;    // upper / later amount of a range
    bool approximate = false;                  // "c£", "about", "approximately", "estimate"
    Period period = Period::unknown;
    std::string per_unit;                      // "social worker" in "£15k per social worker"
    std::string alternative;                   // "time-limited honoraria" in "c£53K, or ..."
    std::string note;                          // why it is flagged, or what was ignored
};

bool operator==(const Cost& a, const Cost& b);
inline bool operator!=(const Cost& a, const Cost& b) { return !(a == b); }

/// Parse a cost cell. Never throws for text content; unreadable text gives
/// Kind::unparsed with `note` saying why, never a guess. Amounts are held in
/// pence; the cell's text is always kept. What is read:
///  - approximate from "c£", "about", "approx.", "around", "circa" or
///    "estimate";
///  - a range from "£A rising to £B", "£A to £B", "£A – £B";
///  - per_annum from "pa", "per annum", "annual";
///  - ", or X" is an `alternative`, "per X" a `per_unit`;
///  - "Within existing resources" (misspellings included) is within_existing;
///    "TBC", "TBA" and "to be confirmed" are tbc.
/// And the checks:
///  - thousands separators must part exact groups of three digits:
///    "£1,2345", "£1,000,00", "£1,5" are unparsed ("malformed thousands separator");
///  - a range whose second amount is lower than the first is unparsed;
///  - a number with k/m/million but no £ ("24k") is read as pounds only when
///    an approximation word precedes it, a cost word ("cost", "subscription",
///    "budget", "pa", ...) is near it or a £ appears elsewhere in the cell;
///    it is then marked approximate with a note. Otherwise ("2k staff") the
///    cell is unparsed.
Cost parse_cost(std::string_view text);

std::string_view to_string(Cost::Kind k) noexcept;    // "none", "amount", "range", ...
std::string_view to_string(Cost::Period p) noexcept;  // "unknown", "one_off", "per_annum"
Cost::Kind parse_cost_kind(std::string_view text);    // throws Error(invalid_arg)
Cost::Period parse_cost_period(std::string_view text);

/// "£1,700,000" / "£10,500.50".
std::string format_pence(std::int64_t pence);

}  // namespace oversight
