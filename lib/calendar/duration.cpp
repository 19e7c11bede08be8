// Durations in the units the regulations use, adding them to dates under the
// counting conventions, and reading the deadline phrases plans are written in.
#include <oversight/calendar/duration.hpp>
#include <oversight/core/error.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <vector>

namespace oversight {
namespace {

constexpr int kMaxCount = 100000;  // larger counts are rejected as nonsense

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// Lower case, single spaces, no leading/trailing space or trailing . , ; :
std::string normalise(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : lower_ascii(text)) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    while (!out.empty() && (out.back() == '.' || out.back() == ',' || out.back() == ';' || out.back() == ':' ||
                            out.back() == ' '))
        out.pop_back();
    return out;
}

std::vector<std::string> split(const std::string& s, char sep = ' ') {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == sep) {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

std::string quoted(std::string_view text) { return "\"" + std::string(text.substr(0, 80)) + "\""; }

// "one".."nineteen", "twenty".."ninety", optionally "twenty-one"/"twenty one".
std::optional<int> small_number_word(const std::string& w) {
    static const std::array<const char*, 20> units = {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    static const std::array<const char*, 8> tens = {"twenty", "thirty", "forty", "fifty",
                                                    "sixty", "seventy", "eighty", "ninety"};
    for (std::size_t i = 0; i < units.size(); ++i)
        if (w == units[i]) return static_cast<int>(i);
    for (std::size_t i = 0; i < tens.size(); ++i)
        if (w == tens[i]) return static_cast<int>(20 + 10 * i);
    if (w == "a" || w == "an") return 1;
    return std::nullopt;
}

/// Reads a count at tokens[pos..]; advances pos. Digits or number words. A
/// count of more than kMaxCount digits' worth reads as kMaxCount + 1, so
/// that the caller can say it is too large rather than unreadable.
std::optional<int> read_count(const std::vector<std::string>& tokens, std::size_t& pos) {
    if (pos >= tokens.size()) return std::nullopt;
    const std::string& t = tokens[pos];
    if (all_digits(t)) {
        ++pos;
        const std::size_t first = std::min(t.find_first_not_of('0'), t.size());
        return t.size() - first > 6 ? kMaxCount + 1 : to_int(t);
    }
    // "twenty-one"
    if (auto dash = t.find('-'); dash != std::string::npos) {
        auto tens = small_number_word(t.substr(0, dash));
        auto unit = small_number_word(t.substr(dash + 1));
        if (tens && unit && *tens >= 20 && *tens % 10 == 0 && *unit >= 1 && *unit <= 9) {
            ++pos;
            return *tens + *unit;
        }
        return std::nullopt;
    }
    auto n = small_number_word(t);
    if (!n) return std::nullopt;
    ++pos;
    if (*n >= 20 && pos < tokens.size()) {
        if (auto unit = small_number_word(tokens[pos]); unit && *unit >= 1 && *unit <= 9 && tokens[pos] != "a" &&
                                                         tokens[pos] != "an") {
            ++pos;
            return *n + *unit;
        }
    }
    return n;
}

std::optional<Unit> try_unit(const std::string& s) {
    static const std::array<std::pair<const char*, Unit>, 26> names = {{
        {"calendar_days", Unit::calendar_days}, {"calendar days", Unit::calendar_days},
        {"calendar day", Unit::calendar_days},  {"days", Unit::calendar_days},
        {"day", Unit::calendar_days},           {"weeks", Unit::weeks},
        {"week", Unit::weeks},                  {"months", Unit::months},
        {"month", Unit::months},                {"calendar months", Unit::months},
        {"calendar month", Unit::months},       {"working_days", Unit::working_days},
        {"working days", Unit::working_days},   {"working day", Unit::working_days},
        {"business days", Unit::working_days},  {"business day", Unit::working_days},
        {"school_days", Unit::school_days},     {"school days", Unit::school_days},
        {"school day", Unit::school_days},      {"school_terms", Unit::school_terms},
        {"school terms", Unit::school_terms},   {"school term", Unit::school_terms},
        {"terms", Unit::school_terms},          {"term", Unit::school_terms},
        {"clear days", Unit::calendar_days},    {"calendar_day", Unit::calendar_days},
    }};
    for (const auto& [name, unit] : names)
        if (s == name) return unit;
    return std::nullopt;
}

/// The largest count of each unit that still fits between the first and the
/// last supported day (1400-01-01..9999-12-31, about 8,600 years): kMaxCount,
/// except school terms (three a year).
int max_count(Unit unit) { return unit == Unit::school_terms ? 3 * 8600 : kMaxCount; }

/// A duration as written: the count may be out of range (kMaxCount + 1 stands
/// for anything larger); `negative` when a sign or "minus" came first.
struct Written {
    Duration duration;
    bool negative = false;
};

/// "-5 days", "- 5 weeks", "minus 5 days", "negative 2 weeks", and the
/// Unicode minus sign: the sign is removed from `norm` and true returned.
bool strip_sign(std::string& norm) {
    for (std::string_view sign : {"-", "\xE2\x88\x92", "minus ", "negative "})
        if (starts_with(norm, sign)) {
            norm.erase(0, sign.size());
            while (!norm.empty() && norm.front() == ' ') norm.erase(0, 1);
            return true;
        }
    return false;
}

std::optional<Written> read_written(std::string norm) {
    if (norm == "termly") return Written{Duration{1, Unit::school_terms}};
    if (norm == "weekly") return Written{Duration{1, Unit::weeks}};
    if (norm == "fortnightly" || norm == "a fortnight" || norm == "one fortnight")
        return Written{Duration{2, Unit::weeks}};
    if (norm == "monthly") return Written{Duration{1, Unit::months}};
    Written w;
    w.negative = strip_sign(norm);
    auto tokens = split(norm);
    std::size_t pos = 0;
    auto count = read_count(tokens, pos);
    if (!count || pos >= tokens.size()) return std::nullopt;
    std::string rest;
    for (std::size_t i = pos; i < tokens.size(); ++i) rest += (rest.empty() ? "" : " ") + tokens[i];
    if (rest == "fortnight" || rest == "fortnights") {
        w.duration = Duration{*count > kMaxCount / 2 ? kMaxCount + 1 : 2 * *count, Unit::weeks};
        return w;
    }
    auto unit = try_unit(rest);
    if (!unit) return std::nullopt;
    w.duration = Duration{*count, *unit};
    return w;
}

/// A duration that counts forward and fits the supported dates; nullopt for
/// anything else (parse_duration says why).
std::optional<Duration> try_duration(const std::string& norm) {
    auto w = read_written(norm);
    if (!w || w->negative || w->duration.count > max_count(w->duration.unit)) return std::nullopt;
    return w->duration;
}

// Month names and the usual abbreviations.
std::optional<int> month_number(const std::string& w) {
    static const std::array<const char*, 12> full = {"january", "february", "march",     "april",   "may",      "june",
                                                     "july",    "august",   "september", "october", "november", "december"};
    static const std::array<const char*, 12> abbr = {"jan", "feb", "mar", "apr", "may", "jun",
                                                     "jul", "aug", "sep", "oct", "nov", "dec"};
    std::string s = w;
    if (!s.empty() && s.back() == ',') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    for (int i = 0; i < 12; ++i)
        if (s == full[static_cast<std::size_t>(i)] || s == abbr[static_cast<std::size_t>(i)]) return i + 1;
    if (s == "sept") return 9;
    return std::nullopt;
}

// "31", "31st", "1st", "2nd", "3rd", "17th" (with an optional trailing comma).
std::optional<int> day_number(std::string s) {
    if (!s.empty() && s.back() == ',') s.pop_back();
    std::size_t n = 0;
    while (n < s.size() && n < 2 && s[n] >= '0' && s[n] <= '9') ++n;
    if (n == 0) return std::nullopt;
    const std::string suffix = s.substr(n);
    const int d = to_int(s.substr(0, n));
    if (d < 1 || d > 31) return std::nullopt;
    if (!suffix.empty()) {
        // The suffix must be the day's own: 1st 2nd 3rd 4th ... 11th 12th 13th ... 21st 22nd 23rd ... 31st.
        const char* own = (d % 10 == 1 && d != 11) ? "st" : (d % 10 == 2 && d != 12) ? "nd"
                          : (d % 10 == 3 && d != 13) ? "rd" : "th";
        if (suffix != own) return std::nullopt;
    }
    return d;
}

std::optional<int> year_number(std::string s) {
    if (!s.empty() && s.back() == ',') s.pop_back();
    if (s.size() == 4 && all_digits(s)) return to_int(s);
    return std::nullopt;
}

[[noreturn]] void cannot_read(std::string_view text, const std::string& why) {
    throw Error(Status::parse, "cannot read deadline phrase " + quoted(text) + ": " + why);
}

Date make_date(std::string_view text, int y, int m, int d) {
    if (y < 1400 || y > 9999 || m < 1 || m > 12 || d < 1 || d > Date::days_in_month(y, m)) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "impossible date %04d-%02d-%02d", y, m, d);
        cannot_read(text, buf);
    }
    return Date::from_ymd(y, m, d);
}

/// The next d/m on or after `context` (29 February: the next leap year).
Date next_occurrence(std::string_view text, int m, int d, Date context) {
    if (d > Date::days_in_month(2000, m)) cannot_read(text, "no such day in that month");
    for (int y = context.year(); y <= context.year() + 8 && y <= 9999; ++y) {
        if (d > Date::days_in_month(y, m)) continue;
        Date candidate = Date::from_ymd(y, m, d);
        if (candidate >= context) return candidate;
    }
    cannot_read(text, "no such date after the context date");
}

Date month_end(int y, int m) { return Date::from_ymd(y, m, Date::days_in_month(y, m)); }

/// Strips the first matching prefix; returns whether one was stripped.
bool strip_prefix(std::string& s, std::initializer_list<const char*> prefixes) {
    for (const char* p : prefixes)
        if (starts_with(s, p)) {
            s = s.substr(std::string_view(p).size());
            return true;
        }
    return false;
}

// "October 2012", "October", "Oct 2012" -> month-end; nullopt if not of that form.
std::optional<Date> try_month_year(std::string_view text, const std::vector<std::string>& tokens, Date context) {
    if (tokens.empty() || tokens.size() > 2) return std::nullopt;
    auto m = month_number(tokens[0]);
    if (!m) return std::nullopt;
    if (tokens.size() == 2) {
        auto y = year_number(tokens[1]);
        if (!y) cannot_read(text, "expected a four-digit year after the month");
        if (*y < 1400 || *y > 9999) cannot_read(text, "year out of range");
        return month_end(*y, *m);
    }
    Date end = month_end(context.year(), *m);
    return end >= context ? end : month_end(context.year() + 1, *m);
}

// "17th October 2012", "17 October", "17th of October", "October 17th, 2012", "18/10/12", "2012-10-18".
std::optional<Date> try_absolute(std::string_view text, const std::string& norm, Date context) {
    if (auto iso = Date::try_parse_iso(norm)) return iso;
    // d/m/yy, d/m/yyyy (UK order), also with '.' separators.
    for (char sep : {'/', '.'}) {
        if (norm.find(sep) == std::string::npos || norm.find(' ') != std::string::npos) continue;
        auto parts = split(norm, sep);
        if (parts.size() != 3 || !all_digits(parts[0]) || !all_digits(parts[1]) || !all_digits(parts[2]) ||
            parts[0].size() > 2 || parts[1].size() > 2)
            cannot_read(text, "expected a UK date DD/MM/YY or DD/MM/YYYY");
        // Length first: a longer digit string would overflow an int.
        if (parts[2].size() != 2 && parts[2].size() != 4) cannot_read(text, "expected a two- or four-digit year");
        int y = to_int(parts[2]);
        if (parts[2].size() == 2) y += 2000;  // plans and policies in scope are all 2000 or later
        return make_date(text, y, to_int(parts[1]), to_int(parts[0]));
    }
    auto tokens = split(norm);
    if (tokens.empty() || tokens.size() > 4) return std::nullopt;
    std::size_t i = 0;
    std::optional<int> day, month, year;
    if ((day = day_number(tokens[0]))) {
        i = 1;
        if (i < tokens.size() && tokens[i] == "of") ++i;
        if (i >= tokens.size() || !(month = month_number(tokens[i]))) return std::nullopt;
        ++i;
    } else if ((month = month_number(tokens[0]))) {
        if (tokens.size() < 2 || !(day = day_number(tokens[1]))) return std::nullopt;
        i = 2;
    } else {
        return std::nullopt;
    }
    if (i < tokens.size()) {
        if (!(year = year_number(tokens[i]))) return std::nullopt;
        ++i;
    }
    if (i != tokens.size()) return std::nullopt;
    if (year) return make_date(text, *year, *month, *day);
    return next_occurrence(text, *month, *day, context);
}

}  // namespace

std::string_view to_string(Unit u) noexcept {
    switch (u) {
        case Unit::calendar_days: return "calendar_days";
        case Unit::weeks: return "weeks";
        case Unit::months: return "months";
        case Unit::working_days: return "working_days";
        case Unit::school_days: return "school_days";
        case Unit::school_terms: return "school_terms";
    }
    return "calendar_days";
}

Unit parse_unit(std::string_view text) {
    if (auto u = try_unit(normalise(text))) return *u;
    throw Error(Status::invalid_arg,
                "unknown unit " + quoted(text) +
                    " (calendar_days, weeks, months, working_days, school_days or school_terms)");
}

std::string describe(Duration d) {
    const bool one = d.count == 1 || d.count == -1;
    const char* word = "";
    switch (d.unit) {
        case Unit::calendar_days: word = one ? "day" : "days"; break;
        case Unit::weeks: word = one ? "week" : "weeks"; break;
        case Unit::months: word = one ? "month" : "months"; break;
        case Unit::working_days: word = one ? "working day" : "working days"; break;
        case Unit::school_days: word = one ? "school day" : "school days"; break;
        case Unit::school_terms: word = one ? "school term" : "school terms"; break;
    }
    return std::to_string(d.count) + " " + word;
}

Duration parse_duration(std::string_view text) {
    if (auto w = read_written(normalise(text))) {
        const Duration d = w->duration;
        if (w->negative)
            throw Error(Status::parse, "duration " + quoted(text) +
                                           " is negative: a duration counts forward from its trigger");
        if (d.count > max_count(d.unit))
            throw Error(Status::parse, "duration " + quoted(text) + " is too long: at most " +
                                           describe(Duration{max_count(d.unit), d.unit}) +
                                           " (beyond that no supported date is reached)");
        return d;
    }
    throw Error(Status::parse, "cannot read duration " + quoted(text) +
                                   " (expected e.g. \"10 working days\", \"6 weeks\", \"3 months\", \"termly\")");
}

Date add_duration(Date from, Duration d, const Calendar& calendar, const SchoolCalendar* school,
                  CountingRules rules) {
    const bool day_one = rules.day_zero == DayZero::trigger_is_day_one && d.count > 0;
    auto need_school = [&]() -> const SchoolCalendar& {
        if (!school)
            throw Error(Status::invalid_arg, "a duration in " + std::string(to_string(d.unit)) +
                                                 " needs a school calendar");
        return *school;
    };
    if (d.count > kMaxCount || d.count < -kMaxCount)
        throw Error(Status::invalid_arg, "duration out of range: " + describe(d));
    // Date::add_days does not check the range: keep day arithmetic inside
    // 1400..9999 like every other unit (past it a Date cannot even print).
    auto add_days = [&](int days) {
        static const Date first = Date::from_ymd(1400, 1, 1), last = Date::from_ymd(9999, 12, 31);
        if (days > Date::days_between(from, last) || days < Date::days_between(from, first))
            throw Error(Status::invalid_arg, describe(d) + " from " + from.iso() + " leaves the supported years 1400..9999");
        return from.add_days(days);
    };
    switch (d.unit) {
        case Unit::calendar_days: return add_days(day_one ? d.count - 1 : d.count);
        case Unit::weeks: return add_days(7 * d.count - (day_one ? 1 : 0));
        case Unit::months: return from.add_months(d.count);
        case Unit::working_days: {
            // Day one is the trigger only if the trigger is itself a working day.
            const bool counts = day_one && calendar.is_working_day(from);
            return calendar.add_working_days(from, counts ? d.count - 1 : d.count);
        }
        case Unit::school_days: {
            const SchoolCalendar& s = need_school();
            const bool counts = day_one && s.is_school_day(from);
            return s.add_school_days(from, counts ? d.count - 1 : d.count);
        }
        case Unit::school_terms: {
            const SchoolCalendar& s = need_school();
            if (d.count == 0) return from;
            const auto& terms = s.terms();
            if (d.count > 0) {
                // By the last day of the n-th term starting after `from`:
                // "termly" after an event in the autumn term is due by the
                // end of the spring term (one per term).
                int seen = 0;
                for (const auto& t : terms)
                    if (t.first_day > from && ++seen == d.count) return t.last_day;
            } else {
                // Mirror image: the first day of the n-th term ending before `from`.
                int seen = 0;
                for (auto it = terms.rbegin(); it != terms.rend(); ++it)
                    if (it->last_day < from && --seen == d.count) return it->first_day;
            }
            throw Error(Status::not_found, "school calendar \"" + s.name() + "\" has no term " + describe(d) +
                                               " from " + from.iso());
        }
    }
    // A caller's Duration{n, static_cast<Unit>(99)}: its input, not a bug here.
    throw Error(Status::invalid_arg, "duration unit " + std::to_string(static_cast<int>(d.unit)) +
                                         " is not a Unit (calendar_days .. school_terms)");
}

DeadlinePhrase parse_deadline_phrase(std::string_view text, Date context) {
    DeadlinePhrase p;
    p.text = std::string(text);
    std::string s = normalise(text);
    if (s.empty()) cannot_read(text, "it is empty");
    if (s == "immediately" || s == "immediate" || s == "with immediate effect") {
        p.kind = DeadlinePhrase::Kind::immediately;
        return p;
    }
    if (strip_prefix(s, {"within the next ", "within "})) {
        auto d = try_duration(s);
        if (!d || d->count <= 0) cannot_read(text, "expected a duration after \"within\" (e.g. \"within three months\")");
        p.kind = DeadlinePhrase::Kind::relative;
        p.duration = *d;
        return p;
    }
    if (auto d = try_duration(s)) {
        if (d->count <= 0) cannot_read(text, "a deadline must be a positive duration");
        p.kind = DeadlinePhrase::Kind::relative;
        p.duration = *d;
        return p;
    }
    const bool end_of = strip_prefix(s, {"by the end of ", "by end of ", "before the end of ", "by the end ",
                                         "the end of ", "end of ", "by end ", "end "});
    if (end_of) {
        auto date = try_month_year(text, split(s), context);
        if (!date) cannot_read(text, "expected a month after \"end of\" (e.g. \"end of November 2012\")");
        p.kind = DeadlinePhrase::Kind::end_of_month;
        p.date = *date;
        return p;
    }
    strip_prefix(s, {"no later than ", "by ", "on "});
    strip_prefix(s, {"the "});  // "by the 5th of December", "the 5th of December"
    if (auto date = try_absolute(text, s, context)) {
        p.kind = DeadlinePhrase::Kind::absolute;
        p.date = *date;
        return p;
    }
    if (auto date = try_month_year(text, split(s), context)) {
        // "October 2012": by the end of that month.
        p.kind = DeadlinePhrase::Kind::end_of_month;
        p.date = *date;
        return p;
    }
    cannot_read(text,
                "expected \"Immediately\", a duration (\"within three months\", \"10 working days\"), a date "
                "(\"31st October\", \"17th October 2012\", \"18/10/12\") or a month end (\"by end of November 2012\")");
}

std::optional<DeadlinePhrase> try_parse_deadline_phrase(std::string_view text, Date context) noexcept {
    try {
        return parse_deadline_phrase(text, context);
    } catch (...) {
        return std::nullopt;
    }
}

Date resolve(const DeadlinePhrase& phrase, Date anchor, const Calendar& calendar, const SchoolCalendar* school) {
    switch (phrase.kind) {
        case DeadlinePhrase::Kind::immediately: return anchor;
        case DeadlinePhrase::Kind::relative: return add_duration(anchor, phrase.duration, calendar, school);
        case DeadlinePhrase::Kind::absolute:
        case DeadlinePhrase::Kind::end_of_month: return phrase.date;
    }
    throw Error(Status::invalid_arg, "deadline phrase " + quoted(phrase.text) + " has kind " +
                                         std::to_string(static_cast<int>(phrase.kind)) +
                                         ", not a DeadlinePhrase::Kind (immediately .. end_of_month)");
}

}  // namespace oversight
