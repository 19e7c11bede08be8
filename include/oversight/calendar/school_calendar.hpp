// School calendars: term dates and non-school (INSET, closure) days of an
// authority or a school, on top of a working-day Calendar, for counting
// school days and terms (PEP reviews are termly).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <oversight/calendar/calendar.hpp>
#include <oversight/core/date.hpp>

namespace oversight {

/// School term dates (per authority or per school) on top of a working-day
/// calendar: a school day is a working day inside a term and not an INSET or
/// closure day.
class SchoolCalendar {
public:
    struct Term {
        std::string name;  // "Autumn 2024"
        Date first_day;
        Date last_day;
    };
    SchoolCalendar(std::string name, std::vector<Term> terms, std::vector<Date> non_school_days,
                   Calendar base);
    /// TOML: name = "...", [[term]] name/first_day/last_day, non_school_days = [dates].
    static SchoolCalendar from_toml(std::string_view toml, Calendar base);

    const std::string& name() const noexcept;
    /// In order of their first day; they do not overlap.
    const std::vector<Term>& terms() const noexcept;
    /// The term that ends last (the calendar's last school day is within
    /// it), or nullptr when the calendar has no terms.
    const Term* last_term() const noexcept;
    /// A text two school calendars share only when they count every day
    /// alike (Calendar::identity, for a kept compliance report).
    std::string identity() const;
    bool is_school_day(Date d) const;
    /// Same day-0 convention as Calendar::add_working_days. Throws
    /// Error(not_found) when the count runs past the last known term.
    Date add_school_days(Date from, int n) const;
    int school_days_between(Date a, Date b) const;
    /// The term containing d, or the next one to start after d.
    std::optional<Term> term_on_or_after(Date d) const;

private:
    std::string name_;
    std::vector<Term> terms_;
    std::vector<Date> non_school_days_;
    Calendar base_;
};

}  // namespace oversight
