// Date is a day count; Boost.Date_Time does the calendar conversions and
// validation (it never appears in a public header).
#include <oversight/core/date.hpp>
#include <oversight/core/error.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/date_time/posix_time/posix_time.hpp>

#include <cstdio>
#include <ctime>

namespace oversight {
namespace {

namespace greg = boost::gregorian;

// Julian day number of 1970-01-01.
constexpr long kEpochJdn = 2440588;

greg::date to_boost(Date d) {
    return greg::date(static_cast<greg::date::date_int_type>(d.serial() + kEpochJdn));
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
    greg::date d(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                 static_cast<unsigned short>(day));
    return Date(static_cast<std::int32_t>(d.day_number() - kEpochJdn));
}

std::optional<Date> Date::try_parse_iso(std::string_view text) noexcept {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
    int yi = to_int(y), mi = to_int(m), di = to_int(d);
    if (yi < 1400 || mi < 1 || mi > 12 || di < 1 || di > days_in_month(yi, mi)) return std::nullopt;
    try {
        return from_ymd(yi, mi, di);
    } catch (...) {
        return std::nullopt;
    }
}

Date Date::parse_iso(std::string_view text) {
    if (auto d = try_parse_iso(text)) return *d;
    throw Error(Status::invalid_arg,
                "not a valid ISO date (YYYY-MM-DD): \"" + std::string(text.substr(0, 64)) + "\"");
}

Date Date::today() {
    greg::date d = greg::day_clock::universal_day();
    return Date(static_cast<std::int32_t>(d.day_number() - kEpochJdn));
}

int Date::year() const noexcept { return to_boost(*this).year(); }
int Date::month() const noexcept { return to_boost(*this).month(); }
int Date::day() const noexcept { return to_boost(*this).day(); }

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
    greg::date d = to_boost(*this);
    const int y = d.year(), m = d.month(), day = d.day();
    if (y >= 0 && y <= 9999) {  // every stored date: written by hand (snprintf was 2% of an ingest)
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

Date Date::add_months(int n) const {
    greg::date d = to_boost(*this);
    long total = static_cast<long>(d.year()) * 12 + (d.month() - 1) + n;
    int y = static_cast<int>(total / 12);
    int m = static_cast<int>(total % 12) + 1;
    int day = d.day();
    int last = days_in_month(y, m);
    return from_ymd(y, m, day > last ? last : day);
}

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
