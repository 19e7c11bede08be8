// Benchmark: adding N working days to 10 million random dates with the
// table-driven Calendar::add_working_days, against a straightforward
// day-by-day loop (weekends plus a hash set of bank holidays), in the same run.
// Both must give identical results (checked by count and checksum). Prints
// ops/s and the speed-up; asserts nothing about timing.
//
// Run in a Release build: cmake -DCMAKE_BUILD_TYPE=Release ..., then
//   tests/bench/oversight_bench_workdays [count]
#include <oversight/calendar/calendar.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <unordered_set>
#include <vector>

using namespace oversight;

namespace {

struct Result {
    double seconds = 0;
    std::uint64_t checksum = 0;
    std::vector<std::int32_t> out;
};

// The loop a straightforward implementation would write.
std::int32_t add_day_by_day(std::int32_t from, int n, const std::unordered_set<std::int32_t>& holidays) {
    std::int32_t d = from;
    const int step = n > 0 ? 1 : -1;
    for (int left = n > 0 ? n : -n; left > 0;) {
        d += step;
        const int weekday = ((d % 7) + 7 + 3) % 7;  // 1970-01-01 was a Thursday; Monday = 0
        if (weekday >= 5 || holidays.count(d)) continue;
        --left;
    }
    return d;
}

template <class F>
Result run(const std::vector<std::int32_t>& dates, F&& add) {
    Result r;
    r.out.resize(dates.size());
    const auto t0 = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < dates.size(); ++i) r.out[i] = add(dates[i]);
    const auto t1 = std::chrono::steady_clock::now();
    r.seconds = std::chrono::duration<double>(t1 - t0).count();
    for (std::size_t i = 0; i < r.out.size(); ++i)
        r.checksum = r.checksum * 1000003u + static_cast<std::uint64_t>(static_cast<std::uint32_t>(r.out[i]));
    return r;
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t count = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 10'000'000;
    const Calendar cal = Calendar::for_division(Division::england_and_wales);

    std::unordered_set<std::int32_t> holidays;
    for (int y = 1999; y <= 2032; ++y)
        for (const auto& h : cal.bank_holidays(y)) holidays.insert(h.date.serial());

    std::mt19937_64 rng(20121012);  // fixed seed: the same dates every run
    std::uniform_int_distribution<std::int32_t> day(Date::from_ymd(2000, 1, 1).serial(),
                                                    Date::from_ymd(2030, 12, 31).serial());
    std::vector<std::int32_t> dates(count);
    for (auto& d : dates) d = day(rng);

    std::printf("oversight_bench_workdays: %zu random dates 2000..2030, England & Wales\n", count);
    std::printf("%4s %14s %14s %10s %s\n", "N", "table ops/s", "loop ops/s", "speed-up", "results");
    int status = 0;
    for (int n : {45, 5, 20}) {
        const Result fast = run(dates, [&](std::int32_t d) { return cal.add_working_days(Date::from_serial(d), n).serial(); });
        const Result slow = run(dates, [&](std::int32_t d) { return add_day_by_day(d, n, holidays); });
        const bool same = fast.checksum == slow.checksum && fast.out == slow.out;
        if (!same) status = 1;
        const double fast_ops = static_cast<double>(count) / fast.seconds;
        const double slow_ops = static_cast<double>(count) / slow.seconds;
        std::printf("%4d %14.0f %14.0f %9.1fx %s (checksum %016llx)\n", n, fast_ops, slow_ops, fast_ops / slow_ops,
                    same ? "identical" : "DIFFERENT", static_cast<unsigned long long>(fast.checksum));
    }
    return status;
}
