// Working-day calendars: UK bank holidays from the rules and the table of
// one-off proclamations, gov.uk bank-holidays.json, closures, and O(1)
// working-day arithmetic over precomputed tables.
//
// Sources (facts, not code):
//  - Banking and Financial Dealings Act 1971, Sch 1, and the royal
//    proclamations, as summarised in shared/domain/statutory-timescales.md §9.
//  - gov.uk https://www.gov.uk/bank-holidays.json, read through the mirrors
//    Fishbowler/workingday-uk (England & Wales 2012–2020) and
//    dmossop/bank-holidays-data (all three divisions 2019–2027): the titles
//    below are gov.uk's, and the Scotland/Northern Ireland substitute rules
//    ("2nd January" after the observed New Year's Day; St Andrew's Day,
//    St Patrick's Day and the Boyne moving to the next Monday) were checked
//    against them.
//  - St Andrew's Day Bank Holiday (Scotland) Act 2007 (St Andrew's Day from 2007).
//  - Pre-2011 one-offs (1977, 1981, 1995, 1999, 2002): python-holidays
//    (vacanza/holidays, united_kingdom.py) as listed in the domain notes.
#include <oversight/calendar/calendar.hpp>
#include <oversight/core/error.hpp>

#include "calendar/bank_holidays.hpp"
#include "core/json.hpp"
#include "core/text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

namespace oversight {
namespace detail {

Date easter_sunday(int year) {
    // Anonymous Gregorian computus (Meeus/Jones/Butcher form), written from
    // the published arithmetic.
    const int a = year % 19;
    const int b = year / 100;
    const int c = year % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = (h + l - 7 * m + 114) % 31 + 1;
    return Date::from_ymd(year, month, day);
}

}  // namespace detail

namespace {

// gov.uk titles (with its U+2019 apostrophes).
constexpr const char* kNewYear = "New Year\xE2\x80\x99s Day";
constexpr const char* kSecondJanuary = "2nd January";
constexpr const char* kStPatrick = "St Patrick\xE2\x80\x99s Day";
constexpr const char* kGoodFriday = "Good Friday";
constexpr const char* kEasterMonday = "Easter Monday";
constexpr const char* kEarlyMay = "Early May bank holiday";
constexpr const char* kSpring = "Spring bank holiday";
constexpr const char* kBoyne = "Battle of the Boyne (Orangemen\xE2\x80\x99s Day)";
constexpr const char* kSummer = "Summer bank holiday";
constexpr const char* kStAndrew = "St Andrew\xE2\x80\x99s Day";
constexpr const char* kChristmas = "Christmas Day";
constexpr const char* kBoxing = "Boxing Day";

// Days since 1970-01-01 of a Gregorian date, at compile time: count days
// from 0000-03-01 in 400-year cycles of 146097 days (years start in March so
// the leap day ends the year).
constexpr std::int32_t serial_of(int y, int m, int d) {
    const int ym = m <= 2 ? y - 1 : y;
    const int cycle = (ym >= 0 ? ym : ym - 399) / 400;
    const int year_of_cycle = ym - cycle * 400;
    const int month_from_march = m > 2 ? m - 3 : m + 9;
    const int day_of_year = (153 * month_from_march + 2) / 5 + d - 1;
    const int day_of_cycle = year_of_cycle * 365 + year_of_cycle / 4 - year_of_cycle / 100 + day_of_year;
    return cycle * 146097 + day_of_cycle - 719468;  // 719468: 0000-03-01 .. 1970-01-01
}
static_assert(serial_of(1970, 1, 1) == 0 && serial_of(1900, 1, 1) == -25567 && serial_of(2000, 3, 1) == 11017,
              "serial_of");

// The precomputed range: 1900-01-01 .. 2199-12-31.
constexpr int kTableFirstYear = 1900;
constexpr int kTableLastYear = 2199;
constexpr std::int32_t kTableFirst = serial_of(kTableFirstYear, 1, 1);
constexpr std::int32_t kTableLast = serial_of(kTableLastYear, 12, 31);
constexpr std::int32_t kTableSize = kTableLast - kTableFirst + 1;

// The whole supported Date range, 1400-01-01 .. 9999-12-31.
constexpr std::int32_t kMinSerial = Date::kMinSerial;
constexpr std::int32_t kMaxSerial = Date::kMaxSerial;
static_assert(kTableLast == 84005 && kMinSerial == serial_of(1400, 1, 1) && kMaxSerial == serial_of(9999, 12, 31),
              "serial range");

bool weekend(std::int32_t serial) noexcept {
    // 1970-01-01 (serial 0) was a Thursday; Monday = 0.
    const int w = ((serial % 7) + 7 + 3) % 7;
    return w >= 5;
}

int weekday_index(Date d) noexcept { return static_cast<int>(d.weekday()); }

Date first_monday(int year, int month) {
    Date d = Date::from_ymd(year, month, 1);
    return d.add_days((7 - weekday_index(d)) % 7);
}

Date last_monday(int year, int month) {
    Date d = Date::from_ymd(year, month, Date::days_in_month(year, month));
    return d.add_days(-weekday_index(d));
}

Date next_weekday_on_or_after(Date d) {
    while (d.is_weekend()) d = d.add_days(1);
    return d;
}

// A fixed-date holiday and its substitute: if it falls on a weekend, the
// next weekday not already taken by another holiday.
void add_fixed_with_substitutes(std::vector<Holiday>& out, const std::vector<std::pair<Date, const char*>>& fixed) {
    std::set<std::int32_t> taken;
    for (const auto& h : out) taken.insert(h.date.serial());
    for (const auto& [d, name] : fixed)
        if (!d.is_weekend()) taken.insert(d.serial());
    for (const auto& [d, name] : fixed) {
        if (!d.is_weekend()) {
            out.push_back({d, name});
            continue;
        }
        Date s = d;
        while (s.is_weekend() || taken.count(s.serial())) s = s.add_days(1);
        taken.insert(s.serial());
        out.push_back({s, name});
    }
}

void replace_date(std::vector<Holiday>& hs, Date from, Date to, const char* name) {
    for (auto& h : hs)
        if (h.date == from) {
            h.date = to;
            if (name) h.name = name;
            return;
        }
}

Date ymd(int y, int m, int d) { return Date::from_ymd(y, m, d); }

// One-off changes by royal proclamation. They applied UK-wide (checked for
// 2019–2027 against the gov.uk data for all three divisions).
void apply_one_offs(std::vector<Holiday>& hs, int year) {
    switch (year) {
        case 1977: hs.push_back({ymd(1977, 6, 7), "Queen\xE2\x80\x99s Silver Jubilee"}); break;
        case 1981: hs.push_back({ymd(1981, 7, 29), "Royal wedding"}); break;
        case 1995: replace_date(hs, first_monday(1995, 5), ymd(1995, 5, 8), "Early May bank holiday (VE day)"); break;
        case 1999: hs.push_back({ymd(1999, 12, 31), "Millennium celebrations"}); break;
        case 2002:
            replace_date(hs, last_monday(2002, 5), ymd(2002, 6, 4), nullptr);
            hs.push_back({ymd(2002, 6, 3), "Queen\xE2\x80\x99s Golden Jubilee"});
            break;
        case 2011: hs.push_back({ymd(2011, 4, 29), "Royal wedding"}); break;
        case 2012:
            // Spring bank holiday moved from 28 May; 28 May 2012 was not a holiday.
            replace_date(hs, last_monday(2012, 5), ymd(2012, 6, 4), nullptr);
            hs.push_back({ymd(2012, 6, 5), "Queen\xE2\x80\x99s Diamond Jubilee"});
            break;
        case 2020:
            // Early May moved from Mon 4 May to Fri 8 May (VE Day 75).
            replace_date(hs, first_monday(2020, 5), ymd(2020, 5, 8), "Early May bank holiday (VE day)");
            break;
        case 2022:
            replace_date(hs, last_monday(2022, 5), ymd(2022, 6, 2), nullptr);
            hs.push_back({ymd(2022, 6, 3), "Platinum Jubilee bank holiday"});
            hs.push_back({ymd(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II"});
            break;
        case 2023: hs.push_back({ymd(2023, 5, 8), "Bank holiday for the coronation of King Charles III"}); break;
        default: break;
    }
}

bool by_date(const Holiday& a, const Holiday& b) { return a.date < b.date; }

}  // namespace

namespace detail {

std::vector<Holiday> rule_bank_holidays(Division division, int year) {
    if (year < 1400 || year > 9999) throw Error(Status::invalid_arg, "year out of range 1400..9999: " + std::to_string(year));
    std::vector<Holiday> hs;
    const Date easter = easter_sunday(year);
    hs.push_back({easter.add_days(-2), kGoodFriday});
    if (division != Division::scotland) hs.push_back({easter.add_days(1), kEasterMonday});
    // Early May by proclamation since 1978.
    if (year >= 1978) hs.push_back({first_monday(year, 5), kEarlyMay});
    hs.push_back({last_monday(year, 5), kSpring});
    hs.push_back({division == Division::scotland ? first_monday(year, 8) : last_monday(year, 8), kSummer});

    std::vector<std::pair<Date, const char*>> fixed;
    if (division == Division::scotland) {
        // New Year's Day on the first weekday from 1 Jan, "2nd January" on the
        // weekday after it (gov.uk 2022: Mon 3 + Tue 4; 2023: Mon 2 + Tue 3).
        const Date nyd = next_weekday_on_or_after(ymd(year, 1, 1));
        hs.push_back({nyd, kNewYear});
        hs.push_back({next_weekday_on_or_after(nyd.add_days(1)), kSecondJanuary});
    } else if (year >= 1974) {
        fixed.push_back({ymd(year, 1, 1), kNewYear});
    }
    if (division == Division::northern_ireland) {
        fixed.push_back({ymd(year, 3, 17), kStPatrick});
        fixed.push_back({ymd(year, 7, 12), kBoyne});
    }
    if (division == Division::scotland && year >= 2007) fixed.push_back({ymd(year, 11, 30), kStAndrew});
    fixed.push_back({ymd(year, 12, 25), kChristmas});
    fixed.push_back({ymd(year, 12, 26), kBoxing});
    add_fixed_with_substitutes(hs, fixed);

    apply_one_offs(hs, year);
    std::sort(hs.begin(), hs.end(), by_date);
    return hs;
}

}  // namespace detail

std::string_view to_string(Division d) noexcept {
    switch (d) {
        case Division::england_and_wales: return "england-and-wales";
        case Division::scotland: return "scotland";
        case Division::northern_ireland: return "northern-ireland";
    }
    return "england-and-wales";
}

Division parse_division(std::string_view text) {
    if (text == "england-and-wales") return Division::england_and_wales;
    if (text == "scotland") return Division::scotland;
    if (text == "northern-ireland") return Division::northern_ireland;
    throw Error(Status::invalid_arg, "unknown division \"" + std::string(text.substr(0, 64)) +
                                         "\" (england-and-wales, scotland or northern-ireland)");
}

// ---------------------------------------------------------------- Impl

struct Calendar::Impl {
    enum Kind : std::uint8_t { working = 0, weekend_day = 1, bank_holiday = 2, closure = 3 };

    Division division = Division::england_and_wales;
    std::map<int, std::vector<Holiday>> year_overrides;  // years given by a gov.uk file
    std::vector<Holiday> extra;                          // with_holidays, in date order
    std::map<std::int32_t, std::string> closures;        // serial -> name

    // Tables over [kTableFirst, kTableLast]:
    //  kind[i]   what day kTableFirst + i is;
    //  before[i] working days in [kTableFirst, kTableFirst + i), size kTableSize + 1;
    //  nth[k]    offset of the (k+1)-th working day of the table.
    std::vector<std::uint8_t> kind;
    std::vector<std::int32_t> before;
    std::vector<std::int32_t> nth;

    std::vector<Holiday> holidays_of(int year) const {
        std::vector<Holiday> hs;
        if (auto it = year_overrides.find(year); it != year_overrides.end())
            hs = it->second;
        else
            hs = detail::rule_bank_holidays(division, year);
        auto lo = std::lower_bound(extra.begin(), extra.end(), Holiday{Date::from_ymd(year, 1, 1), {}}, by_date);
        for (; lo != extra.end() && lo->date.year() == year; ++lo) {
            const bool present = std::any_of(hs.begin(), hs.end(), [&](const Holiday& h) { return h.date == lo->date; });
            if (!present) hs.push_back(*lo);
        }
        std::sort(hs.begin(), hs.end(), by_date);
        return hs;
    }

    void build_tables() {
        kind.assign(static_cast<std::size_t>(kTableSize), working);
        for (std::int32_t i = 0; i < kTableSize; ++i)
            if (weekend(kTableFirst + i)) kind[static_cast<std::size_t>(i)] = weekend_day;
        for (int y = kTableFirstYear; y <= kTableLastYear; ++y)
            for (const auto& h : holidays_of(y)) kind[static_cast<std::size_t>(h.date.serial() - kTableFirst)] = bank_holiday;
        for (const auto& [serial, name] : closures)
            if (serial >= kTableFirst && serial <= kTableLast) {
                auto& k = kind[static_cast<std::size_t>(serial - kTableFirst)];
                if (k != bank_holiday) k = closure;
            }
        before.assign(static_cast<std::size_t>(kTableSize) + 1, 0);
        nth.clear();
        nth.reserve(static_cast<std::size_t>(kTableSize / 7 * 5 + 8));
        std::int32_t count = 0;
        for (std::int32_t i = 0; i < kTableSize; ++i) {
            before[static_cast<std::size_t>(i)] = count;
            if (kind[static_cast<std::size_t>(i)] == working) {
                nth.push_back(i);
                ++count;
            }
        }
        before[static_cast<std::size_t>(kTableSize)] = count;
    }

    static bool in_table(std::int32_t serial) noexcept { return serial >= kTableFirst && serial <= kTableLast; }

    // Slow but exact: outside the table, one day at a time with a per-year
    // holiday cache.
    struct SlowDays {
        explicit SlowDays(const Impl& i) : impl(i) {}
        const Impl& impl;
        int cached_year = std::numeric_limits<int>::min();
        std::set<std::int32_t> holidays;

        bool working(std::int32_t serial) {
            if (in_table(serial)) return impl.kind[static_cast<std::size_t>(serial - kTableFirst)] == Impl::working;
            if (serial < kMinSerial || serial > kMaxSerial)  // callers check first, naming their dates
                throw Error(Status::internal, "working-day lookup of day number " + std::to_string(serial) +
                                                  ", outside the supported dates 1400-01-01..9999-12-31");
            if (weekend(serial)) return false;
            const int y = Date::from_serial(serial).year();
            if (y != cached_year) {
                holidays.clear();
                for (const auto& h : impl.holidays_of(y)) holidays.insert(h.date.serial());
                cached_year = y;
            }
            return holidays.count(serial) == 0 && impl.closures.count(serial) == 0;
        }
    };

    bool is_working(std::int32_t serial) const {
        if (in_table(serial)) return kind[static_cast<std::size_t>(serial - kTableFirst)] == working;
        SlowDays slow{*this};
        return slow.working(serial);
    }
};

Calendar::Calendar(std::shared_ptr<const Impl> impl) noexcept : impl_(std::move(impl)) {}
Calendar::~Calendar() = default;

namespace {
std::shared_ptr<const Calendar::Impl> make_impl(Calendar::Impl impl) {
    impl.build_tables();
    return std::make_shared<const Calendar::Impl>(std::move(impl));
}
}  // namespace

Calendar Calendar::for_division(Division division) {
    // Built once per division (thread-safe static initialisation), then shared.
    static const auto build = [](Division d) {
        Impl impl;
        impl.division = d;
        return make_impl(std::move(impl));
    };
    switch (division) {
        case Division::england_and_wales: {
            static const std::shared_ptr<const Impl> ew = build(Division::england_and_wales);
            return Calendar(ew);
        }
        case Division::scotland: {
            static const std::shared_ptr<const Impl> sc = build(Division::scotland);
            return Calendar(sc);
        }
        case Division::northern_ireland: {
            static const std::shared_ptr<const Impl> ni = build(Division::northern_ireland);
            return Calendar(ni);
        }
    }
    throw Error(Status::invalid_arg, "unknown division");
}

Calendar Calendar::from_gov_uk_json(std::string_view json, Division division) {
    using Json = nlohmann::json;
    const std::string key(to_string(division));
    json = detail::checked_input_text(json, "bank holidays JSON");
    const Json doc = detail::parse_json(json, "bank holidays JSON");  // 1e999 too: Error(parse) with its line
    auto fail = [&](const std::string& path, const std::string& what) -> Error {
        return Error(Status::parse, "bank holidays JSON: $" + path + ": " + what);
    };
    if (!doc.is_object()) throw fail("", "expected an object keyed by division");
    auto div = doc.find(key);
    if (div == doc.end()) throw fail("", "no \"" + key + "\" division");
    const std::string base = "[\"" + key + "\"]";
    if (!div->is_object()) throw fail(base, "expected an object");
    if (auto d = div->find("division"); d != div->end() && (!d->is_string() || d->get<std::string>() != key))
        throw fail(base + "[\"division\"]", "expected \"" + key + "\"");
    auto events = div->find("events");
    if (events == div->end() || !events->is_array()) throw fail(base + "[\"events\"]", "expected an array");

    std::map<int, std::vector<Holiday>> years;
    std::set<std::int32_t> seen;
    for (std::size_t i = 0; i < events->size(); ++i) {
        const auto& ev = (*events)[i];
        const std::string at = base + "[\"events\"][" + std::to_string(i) + "]";
        if (!ev.is_object()) throw fail(at, "expected an object");
        auto title = ev.find("title");
        if (title == ev.end() || !title->is_string() || title->get<std::string>().empty())
            throw fail(at + "[\"title\"]", "expected a non-empty string");
        auto date = ev.find("date");
        if (date == ev.end() || !date->is_string()) throw fail(at + "[\"date\"]", "expected a \"YYYY-MM-DD\" string");
        auto d = Date::try_parse_iso(date->get<std::string>());
        if (!d) throw fail(at + "[\"date\"]", "not a valid date \"" + date->get<std::string>().substr(0, 40) + "\"");
        if (auto n = ev.find("notes"); n != ev.end() && !n->is_string()) throw fail(at + "[\"notes\"]", "expected a string");
        if (auto b = ev.find("bunting"); b != ev.end() && !b->is_boolean())
            throw fail(at + "[\"bunting\"]", "expected true or false");
        if (!seen.insert(d->serial()).second) throw fail(at + "[\"date\"]", "duplicate date " + d->iso());
        years[d->year()].push_back({*d, title->get<std::string>()});
    }
    for (auto& [y, hs] : years) std::sort(hs.begin(), hs.end(), by_date);

    Impl impl;
    impl.division = division;
    impl.year_overrides = std::move(years);
    return Calendar(make_impl(std::move(impl)));
}

Calendar Calendar::with_holidays(const std::vector<Holiday>& extra) const {
    Impl impl;
    impl.division = impl_->division;
    impl.year_overrides = impl_->year_overrides;
    impl.closures = impl_->closures;
    impl.extra = impl_->extra;
    for (const auto& h : extra) {
        if (detail::trim(h.name).empty())
            throw Error(Status::invalid_arg, "extra bank holiday " + h.date.iso() + " has no name");
        impl.extra.push_back(h);
    }
    std::stable_sort(impl.extra.begin(), impl.extra.end(), by_date);
    return Calendar(make_impl(std::move(impl)));
}

Calendar Calendar::with_closures(const std::vector<Holiday>& closures) const {
    Impl impl;
    impl.division = impl_->division;
    impl.year_overrides = impl_->year_overrides;
    impl.extra = impl_->extra;
    impl.closures = impl_->closures;
    for (const auto& c : closures) impl.closures[c.date.serial()] = c.name.empty() ? "Closure" : c.name;
    return Calendar(make_impl(std::move(impl)));
}

Division Calendar::division() const noexcept { return impl_->division; }

bool Calendar::is_bank_holiday(Date d) const {
    if (Impl::in_table(d.serial())) return impl_->kind[static_cast<std::size_t>(d.serial() - kTableFirst)] == Impl::bank_holiday;
    for (const auto& h : impl_->holidays_of(d.year()))
        if (h.date == d) return true;
    return false;
}

bool Calendar::is_closure(Date d) const { return impl_->closures.count(d.serial()) != 0 && !is_bank_holiday(d); }

bool Calendar::is_working_day(Date d) const { return impl_->is_working(d.serial()); }

std::optional<std::string> Calendar::holiday_name(Date d) const {
    for (const auto& h : impl_->holidays_of(d.year()))
        if (h.date == d) return h.name;
    if (auto it = impl_->closures.find(d.serial()); it != impl_->closures.end()) return it->second;
    return std::nullopt;
}

std::vector<Holiday> Calendar::bank_holidays(int year) const { return impl_->holidays_of(year); }

std::string Calendar::identity() const {
    // Length-prefixed, so that no two different calendars give one text.
    std::string out = "calendar/1 " + std::string(to_string(impl_->division));
    auto add = [&](const Holiday& h) { out += " " + h.date.iso() + ":" + std::to_string(h.name.size()) + ":" + h.name; };
    for (const auto& [year, days] : impl_->year_overrides) {
        out += " year " + std::to_string(year) + " " + std::to_string(days.size());
        for (const Holiday& h : days) add(h);
    }
    out += " extra " + std::to_string(impl_->extra.size());
    for (const Holiday& h : impl_->extra) add(h);
    out += " closures " + std::to_string(impl_->closures.size());
    for (const auto& [serial, name] : impl_->closures) add({Date::from_serial(serial), name});
    return out;
}

std::string holidays_to_json(const Calendar& calendar, int year) {
    nlohmann::ordered_json holidays = nlohmann::ordered_json::array();
    for (const Holiday& h : calendar.bank_holidays(year)) holidays.push_back({{"date", h.date.iso()}, {"name", h.name}});
    nlohmann::ordered_json doc = {{"format", "oversight-holidays"},
                                  {"version", 1},
                                  {"division", std::string(to_string(calendar.division()))},
                                  {"year", year},
                                  {"holidays", std::move(holidays)}};
    return doc.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

Date Calendar::add_working_days(Date from, int n) const {
    if (n == 0) return from;
    const std::int32_t s = from.serial();
    const Impl& t = *impl_;
    if (Impl::in_table(s)) {
        const auto i = static_cast<std::size_t>(s - kTableFirst);
        const std::int64_t k = n > 0 ? std::int64_t(t.before[i + 1]) + n - 1 : std::int64_t(t.before[i]) + n;
        if (k >= 0 && k < static_cast<std::int64_t>(t.nth.size()))
            return Date::from_serial(kTableFirst + t.nth[static_cast<std::size_t>(k)]);
    }
    // Slow path: outside 1900..2199 (or running out of it).
    Impl::SlowDays slow{t};
    std::int32_t cur = s;
    const int step = n > 0 ? 1 : -1;
    for (long left = n > 0 ? long(n) : -long(n); left > 0;) {
        cur += step;
        if (cur < kMinSerial || cur > kMaxSerial) {
            const long long count = n < 0 ? -static_cast<long long>(n) : n;
            throw Error(Status::invalid_arg, "working-day arithmetic: " + from.iso() + (n < 0 ? " - " : " + ") +
                                                 std::to_string(count) + (count == 1 ? " working day" : " working days") +
                                                 " leaves the supported dates 1400-01-01..9999-12-31");
        }
        if (slow.working(cur)) --left;
    }
    return Date::from_serial(cur);
}

int Calendar::working_days_between(Date a, Date b) const {
    const Impl& t = *impl_;
    if (Impl::in_table(a.serial()) && Impl::in_table(b.serial()))
        return t.before[static_cast<std::size_t>(b.serial() - kTableFirst) + 1] -
               t.before[static_cast<std::size_t>(a.serial() - kTableFirst) + 1];
    if (b < a) return -working_days_between(b, a);
    Impl::SlowDays slow{t};
    int count = 0;
    for (std::int32_t s = a.serial() + 1; s <= b.serial(); ++s)
        if (slow.working(s)) ++count;
    return count;
}

Date Calendar::next_working_day_on_or_after(Date d) const {
    if (impl_->is_working(d.serial())) return d;
    return add_working_days(d, 1);
}

std::vector<Date> Calendar::non_working_days_between(Date a, Date b) const {
    std::vector<Date> out;
    if (b <= a) return out;
    Impl::SlowDays slow{*impl_};
    for (std::int32_t s = a.serial() + 1; s <= b.serial(); ++s)
        if (!slow.working(s)) out.push_back(Date::from_serial(s));
    return out;
}

}  // namespace oversight
