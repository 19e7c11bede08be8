// Durations in the units the regulations use, and the phrases plans and
// policies use for deadlines.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <oversight/calendar/calendar.hpp>
#include <oversight/calendar/school_calendar.hpp>
#include <oversight/core/date.hpp>

namespace oversight {

enum class Unit { calendar_days, weeks, months, working_days, school_days, school_terms };
std::string_view to_string(Unit u) noexcept;  // "calendar_days", "weeks", ...
Unit parse_unit(std::string_view text);       // also "days", "working days", "school days";
                                              // Error(invalid_arg) for anything else

struct Duration {
    int count = 0;
    Unit unit = Unit::calendar_days;
};
inline bool operator==(Duration a, Duration b) { return a.count == b.count && a.unit == b.unit; }
inline bool operator!=(Duration a, Duration b) { return !(a == b); }

/// "10 working days", "6 weeks", "3 months".
std::string describe(Duration d);
/// Parses "10 working days", "6 weeks", "3 months", "1 week", "20 school days",
/// "termly". Throws Error(parse) naming the text when it is not a duration,
/// when it is negative ("-5 days", "- 5 weeks", "minus 2 months": a duration
/// counts forward), or when it is longer than the supported dates can hold
/// (more than 100000 of a unit, or 25800 school terms).
Duration parse_duration(std::string_view text);

/// How the trigger day is counted. Default (documented): the trigger is day 0
/// and counting starts the next day. `trigger_is_day_one` counts the trigger
/// itself as the first day (one day earlier for day-based units).
enum class DayZero { trigger_is_day_zero, trigger_is_day_one };

struct CountingRules {
    DayZero day_zero = DayZero::trigger_is_day_zero;
};

/// The date `d` after `from`. Months use the corresponding-date rule
/// (31 Jan + 1 month = last day of February). School units need `school`
/// (Error(invalid_arg) without it). school_terms ("termly"): due by the LAST
/// day of the n-th term starting after `from`, so one per term: an event in
/// the autumn term with n = 1 is due by the end of the spring term, and an
/// event in a holiday by the end of the next term (n < 0: the first day of
/// the |n|-th term ending before `from`); Error(not_found) past the known
/// terms. trigger_is_day_one affects day-based units only, and working
/// or school days only when the trigger is itself such a day. Counts beyond
/// +-100000, and results outside the years 1400..9999, give Error(invalid_arg).
Date add_duration(Date from, Duration d, const Calendar& calendar, const SchoolCalendar* school = nullptr,
                  CountingRules rules = {});

/// A deadline as written in a plan or policy.
struct DeadlinePhrase {
    enum class Kind { immediately, relative, absolute, end_of_month };
    Kind kind = Kind::immediately;
    Duration duration;   // relative: "Within three months", "10 working days"
    Date date;           // absolute: "31st October", "17th October 2012", "18/10/12";
                         // end_of_month: the month's last day ("by end of November 2012")
    std::string text;    // the phrase as given
};

/// Parses "Immediately", "Within three months", "10 working days", "6 weeks",
/// "by end of November 2012", "31st October", "17th October 2012", "18/10/12"
/// (UK day/month; two-digit years are 20yy), "2012-10-18", "October 2012"
/// (month end). Case and a trailing full stop are ignored; "by"/"no later
/// than"/"on" and "the" may precede a date ("by the 5th of December").
/// Ordinal suffixes must match the day ("1st", "22nd"; "1nd" is rejected);
/// years in d/m/y dates have two or four digits.
/// `context` supplies a missing year (the next occurrence on or after it).
/// Throws Error(parse) with the text when it cannot read it.
DeadlinePhrase parse_deadline_phrase(std::string_view text, Date context);
std::optional<DeadlinePhrase> try_parse_deadline_phrase(std::string_view text, Date context) noexcept;

/// The due date a phrase gives when counted from `anchor`: the anchor itself
/// for "Immediately", anchor + duration (day 0 = anchor) for relative phrases,
/// and the written date (not moved to a working day) for absolute and
/// month-end phrases.
Date resolve(const DeadlinePhrase& phrase, Date anchor, const Calendar& calendar,
             const SchoolCalendar* school = nullptr);

}  // namespace oversight
