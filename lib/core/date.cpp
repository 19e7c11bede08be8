// Date is a day count in 1400-01-01..9999-12-31. The conversions between a
// day count and year/month/day are plain integer arithmetic (they cannot
// fail, whatever the count); Boost.Date_Time only reads the clock (it never
// appears in a public header).
#include <oversight/core/date.hpp>
#include <oversight/core/error.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/date_time/posix_time/posix_time.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <limits>

namespace oversight {
namespace {

namespace greg = boost::gregorian;

// Julian day number of 1970-01-01.
constexpr long kEpochJdn = 2440588;

// Days since 1970-01-01 of a proleptic Gregorian date, counted from
// 0000-03-01 in 400-year eras of 146097 days (years start in March so that
// the leap day ends the year).
constexpr std::int64_t serial_of(std::int64_t y, int m, int d) noexcept {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t year_of_era = y - era * 400;
    const int day_of_year = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}
static_assert(serial_of(1970, 1, 1) == 0 && serial_of(2000, 3, 1) == 11017, "serial_of");
static_assert(serial_of(1400, 1, 1) == Date::kMinSerial && serial_of(9999, 12, 31) == Date::kMaxSerial,
              "Date's supported range");

struct Ymd {
    int year, month, day;
};

// The inverse of serial_of, for any 32-bit day count.
constexpr Ymd ymd_of(std::int32_t serial) noexcept {
    const std::int64_t z = std::int64_t(serial) + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t day_of_era = z - era * 146097;
    const std::int64_t year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const std::int64_t mp = (5 * day_of_year + 2) / 153;
    const int day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return {static_cast<int>(year_of_era + era * 400 + (month <= 2)), month, day};
}
static_assert(ymd_of(0).year == 1970 && ymd_of(11017).month == 3 && ymd_of(Date::kMaxSerial).day == 31 &&
                  ymd_of(Date::kMinSerial).year == 1400,
              "ymd_of");

// "YYYY-MM-DD" of a day count whatever its year (for messages).
std::string iso_of(std::int64_t serial) {
    using Limits = std::numeric_limits<std::int32_t>;
    const Ymd d = ymd_of(static_cast<std::int32_t>(std::clamp<std::int64_t>(serial, Limits::min(), Limits::max())));
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

[[noreturn]] void leaves_range(Date from, long long n, const char* unit, const std::string& result) {
    const std::string change = (n < 0 ? " - " : " + ") + std::to_string(n < 0 ? -n : n) + " " + unit +
                               (n == 1 || n == -1 ? "" : "s");
    throw Error(Status::invalid_arg, "date arithmetic: " + from.iso() + change + " gives " + result +
                                         ", outside the supported dates 1400-01-01..9999-12-31");
}

bool all_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

}  // namespace

Date Date::from_ymd(int year, int month, int day) {
    if (year < 1400 || year > 9999 || month < 1 || month > 12 || day < 1 ||
        day > days_in_month(year, month)) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "impossible date %04d-%02d-%02d", year, month, day);
        throw Error(Status::invalid_arg, buf);
    }
    return Date(static_cast<std::int32_t>(serial_of(year, month, day)));
}

void Date::serial_out_of_range(std::int64_t days) {
    throw Error(Status::invalid_arg, "day number " + std::to_string(days) + " (" + iso_of(days) +
                                         ") is outside the supported dates 1400-01-01..9999-12-31");
}

std::optional<Date> Date::try_parse_iso(std::string_view text) noexcept {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
    int yi = to_int(y), mi = to_int(m), di = to_int(d);
    // from_ymd's checks, done here (four digits: yi <= 9999).
    if (yi < 1400 || mi < 1 || mi > 12 || di < 1 || di > days_in_month(yi, mi)) return std::nullopt;
    return Date(static_cast<std::int32_t>(serial_of(yi, mi, di)));
}

Date Date::parse_iso(std::string_view text) {
    if (auto d = try_parse_iso(text)) return *d;
    throw Error(Status::invalid_arg,
                "not a valid ISO date (YYYY-MM-DD): \"" + std::string(text.substr(0, 64)) + "\"");
}

Date Date::today() {
    greg::date d = greg::day_clock::universal_day();
    return from_serial(static_cast<std::int32_t>(d.day_number() - kEpochJdn));
}

int Date::year() const noexcept { return ymd_of(days_).year; }
int Date::month() const noexcept { return ymd_of(days_).month; }
int Date::day() const noexcept { return ymd_of(days_).day; }

Weekday Date::weekday() const noexcept {
    // 1970-01-01 was a Thursday (index 3 with Monday = 0).
    int w = (days_ % 7 + 7 + 3) % 7;
    return static_cast<Weekday>(w);
}

bool Date::is_weekend() const noexcept {
    Weekday w = weekday();
    return w == Weekday::saturday || w == Weekday::sunday;
}

std::string Date::iso() const {
    const Ymd ymd = ymd_of(days_);
    const int y = ymd.year, m = ymd.month, day = ymd.day;
    if (y >= 0 && y <= 9999) {  // every Date: written by hand (snprintf was 2% of an ingest)
        std::string out(10, '-');
        out[0] = static_cast<char>('0' + y / 1000);
        out[1] = static_cast<char>('0' + y / 100 % 10);
        out[2] = static_cast<char>('0' + y / 10 % 10);
        out[3] = static_cast<char>('0' + y % 10);
        out[5] = static_cast<char>('0' + m / 10);
        out[6] = static_cast<char>('0' + m % 10);
        out[8] = static_cast<char>('0' + day / 10);
        out[9] = static_cast<char>('0' + day % 10);
        return out;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, day);
    return buf;
}

Date Date::add_days(std::int32_t n) const {
    const std::int64_t s = std::int64_t(days_) + n;
    if (s < kMinSerial || s > kMaxSerial) leaves_range(*this, n, "day", iso_of(s));
    return Date(static_cast<std::int32_t>(s));
}

Date Date::add_months_checked(std::int64_t months, long long n, const char* unit) const {
    const Ymd d = ymd_of(days_);
    const std::int64_t total = std::int64_t(d.year) * 12 + (d.month - 1) + months;
    const std::int64_t y = total >= 0 ? total / 12 : (total - 11) / 12;
    const int m = static_cast<int>(total - y * 12) + 1;
    if (y < 1400 || y > 9999) leaves_range(*this, n, unit, "the year " + std::to_string(y));
    const int year = static_cast<int>(y);
    const int last = days_in_month(year, m);
    return from_ymd(year, m, d.day > last ? last : d.day);
}

Date Date::add_months(int n) const { return add_months_checked(n, n, "month"); }

Date Date::add_years(int n) const { return add_months_checked(std::int64_t(12) * n, n, "year"); }

bool Date::is_leap_year(int year) noexcept {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int Date::days_in_month(int year, int month) noexcept {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

std::string utc_timestamp_now() {
    // Formatted once per second and thread (a batch stamps thousands of
    // history rows a second; boost's formatting was 5% of an ingest).
    thread_local std::time_t cached_second = -1;
    thread_local std::string cached;
    const std::time_t now = std::time(nullptr);
    if (now != cached_second) {
        std::tm utc{};
#ifdef _WIN32
        gmtime_s(&utc, &now);
#else
        gmtime_r(&now, &utc);
#endif
        char buf[32];
        // strftime: the fields of a struct tm from gmtime_r always fit.
        std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
        cached = buf;
        cached_second = now;
    }
    return cached;
}

}  // namespace oversight
