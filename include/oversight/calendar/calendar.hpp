// Working-day calendars.
//
// A Calendar is Monday-Friday minus bank holidays (computed from the rules of
// the Banking and Financial Dealings Act 1971, Easter by the Gregorian
// computus, and the royal proclamations, with the table of one-off changes
// such as 2011, 2012, 2020, 2022 and 2023) minus local closure days (a
// council's Christmas shutdown). Calendars are
// immutable values, cheap to copy, safe to share between threads; working-day
// arithmetic is O(1) over 1900-2199 via precomputed tables, and exact but
// day-by-day elsewhere in 1400-9999 (leaving that range throws
// Error(invalid_arg)).
//
// Holiday names are gov.uk's titles ("Spring bank holiday", "New Year’s Day").
// Rules are the present ones applied to every year (early May from 1978, New
// Year's Day outside Scotland from 1974, St Andrew's Day from 2007); one-off
// proclamations are known for 1977-2023. Load gov.uk's bank-holidays.json or
// use with_holidays() for days proclaimed after this release.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <oversight/core/date.hpp>

namespace oversight {

enum class Division { england_and_wales, scotland, northern_ireland };
std::string_view to_string(Division d) noexcept;  // "england-and-wales", "scotland", "northern-ireland"
Division parse_division(std::string_view text);   // throws Error(invalid_arg)

struct Holiday {
    Date date;
    std::string name;
};

class Calendar {
public:
    /// Bank holidays of a UK division computed from the rules plus one-offs.
    static Calendar for_division(Division division);
    /// From the official gov.uk bank-holidays.json format: the years the file
    /// covers (any year with at least one event of the division) replace the
    /// computed ones; other years stay rule-derived. Throws Error(parse)
    /// naming the JSON path ($["scotland"]["events"][3]["date"]).
    static Calendar from_gov_uk_json(std::string_view json, Division division);

    /// A copy with extra bank holidays (a newly proclaimed day). A day that is
    /// already a holiday keeps its name. Error(invalid_arg) for an empty name.
    Calendar with_holidays(const std::vector<Holiday>& extra) const;
    /// A copy with local closure days (e.g. a council's Christmas shutdown):
    /// not bank holidays, but not working days either. An empty name becomes
    /// "Closure". Each with_* call rebuilds the tables (about a millisecond).
    Calendar with_closures(const std::vector<Holiday>& closures) const;

    Division division() const noexcept;
    bool is_bank_holiday(Date d) const;
    bool is_closure(Date d) const;
    bool is_working_day(Date d) const;
    /// Name of the bank holiday or closure on d, if any.
    std::optional<std::string> holiday_name(Date d) const;
    /// Bank holidays in a year, in date order (closures not included).
    std::vector<Holiday> bank_holidays(int year) const;
    /// A text two calendars of this library version share only when they
    /// name and count every day alike: the division (whose bank holidays
    /// this version computes by rule), the years taken from a gov.uk file,
    /// the extra holidays and the closures, with their names. What a kept
    /// compliance report is keyed by, with the library version
    /// (compliance/compliance.hpp).
    std::string identity() const;

    /// Day-0 convention: `from` is day 0; the result is the n-th working day
    /// after it (n < 0: before it; n == 0: from itself). So
    /// add_working_days(Fri 2012-12-21, 5) is Wed 2013-01-02 (Christmas Day
    /// and Boxing Day skipped). CountingRules (duration.hpp) can count the
    /// trigger as day 1 instead.
    Date add_working_days(Date from, int n) const;
    /// Number of working days d with a < d <= b (negative when b < a).
    int working_days_between(Date a, Date b) const;
    /// d if it is a working day, else the next working day.
    Date next_working_day_on_or_after(Date d) const;
    /// Non-working days (weekends, holidays, closures) in (a, b], for
    /// explanations; empty when b <= a.
    std::vector<Date> non_working_days_between(Date a, Date b) const;

    struct Impl;
    Calendar(const Calendar&) = default;
    Calendar(Calendar&&) noexcept = default;
    Calendar& operator=(const Calendar&) = default;
    Calendar& operator=(Calendar&&) noexcept = default;
    ~Calendar();

private:
    explicit Calendar(std::shared_ptr<const Impl> impl) noexcept;
    std::shared_ptr<const Impl> impl_;
};

/// The bank holidays of `year` (closures not included) as the JSON document
/// {"format":"oversight-holidays","version":1,"division","year",
///  "holidays":[{"date":"YYYY-MM-DD","name"}]} (schema:
/// data/schemas/oversight-holidays.schema.json).
std::string holidays_to_json(const Calendar& calendar, int year);

}  // namespace oversight
