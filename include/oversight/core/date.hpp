// oversight::Date: a proleptic Gregorian calendar date as a small value type.
// Stored as the number of days since 1970-01-01 so that comparison and day
// arithmetic are integer operations (the deadline engine depends on this).
//
// Every Date lies in 1400-01-01 .. 9999-12-31: no function can make one
// outside it. Constructors and arithmetic that would leave the range throw
// oversight::Error (invalid_arg) naming the operation and the dates, so the
// accessors below can never meet a date they cannot represent.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace oversight {

enum class Weekday : int { monday = 0, tuesday, wednesday, thursday, friday, saturday, sunday };

class Date {
public:
    /// 1970-01-01.
    constexpr Date() noexcept = default;

    /// The supported range as day counts: 1400-01-01 and 9999-12-31.
    static constexpr std::int32_t kMinSerial = -208188;
    static constexpr std::int32_t kMaxSerial = 2932896;
    /// 1400-01-01, the first date Oversight supports.
    static constexpr Date min() noexcept { return Date(kMinSerial); }
    /// 9999-12-31, the last date Oversight supports.
    static constexpr Date max() noexcept { return Date(kMaxSerial); }

    /// Throws Error(invalid_arg) for an impossible date (2023-02-29, month 13)
    /// or a year outside 1400..9999.
    static Date from_ymd(int year, int month, int day);
    /// The date `days` after 1970-01-01 (negative before); throws
    /// Error(invalid_arg) outside kMinSerial..kMaxSerial.
    static constexpr Date from_serial(std::int32_t days) {
        if (days < kMinSerial || days > kMaxSerial) serial_out_of_range(days);
        return Date(days);
    }
    /// Non-throwing variant of from_serial.
    static constexpr std::optional<Date> try_from_serial(std::int64_t days) noexcept {
        if (days < kMinSerial || days > kMaxSerial) return std::nullopt;
        return Date(static_cast<std::int32_t>(days));
    }
    /// Strict ISO 8601 calendar date "YYYY-MM-DD"; throws Error(invalid_arg)
    /// naming the text.
    static Date parse_iso(std::string_view text);
    /// Non-throwing variant of parse_iso.
    static std::optional<Date> try_parse_iso(std::string_view text) noexcept;
    /// Today's date in UTC.
    static Date today();

    constexpr std::int32_t serial() const noexcept { return days_; }
    int year() const noexcept;
    int month() const noexcept;  // 1..12
    int day() const noexcept;    // 1..31
    Weekday weekday() const noexcept;
    bool is_weekend() const noexcept;

    /// "YYYY-MM-DD".
    std::string iso() const;

    /// The date n days later (earlier for negative n); throws
    /// Error(invalid_arg) naming this date and n when the result would leave
    /// 1400-01-01..9999-12-31.
    Date add_days(std::int32_t n) const;
    /// Calendar months with the corresponding-date rule: when the target month
    /// is shorter, the result is its last day (31 Jan + 1 month = 28/29 Feb).
    /// Throws like add_days when the result would leave the supported range.
    Date add_months(int n) const;
    /// add_months(12 * n), without overflow; throws like add_months.
    Date add_years(int n) const;
    /// days(b) - days(a).
    static constexpr std::int32_t days_between(Date a, Date b) noexcept { return b.days_ - a.days_; }

    static bool is_leap_year(int year) noexcept;
    static int days_in_month(int year, int month) noexcept;

    friend constexpr bool operator==(Date a, Date b) noexcept { return a.days_ == b.days_; }
    friend constexpr bool operator!=(Date a, Date b) noexcept { return a.days_ != b.days_; }
    friend constexpr bool operator<(Date a, Date b) noexcept { return a.days_ < b.days_; }
    friend constexpr bool operator<=(Date a, Date b) noexcept { return a.days_ <= b.days_; }
    friend constexpr bool operator>(Date a, Date b) noexcept { return a.days_ > b.days_; }
    friend constexpr bool operator>=(Date a, Date b) noexcept { return a.days_ >= b.days_; }

private:
    constexpr explicit Date(std::int32_t days) noexcept : days_(days) {}
    [[noreturn]] static void serial_out_of_range(std::int64_t days);
    Date add_months_checked(std::int64_t months, long long n, const char* unit) const;
    std::int32_t days_ = 0;
};

/// Current UTC time as "YYYY-MM-DDTHH:MM:SSZ" (used for history records).
std::string utc_timestamp_now();

}  // namespace oversight
