// Benchmark: the SSDA903 file import against `sqlite3 .import` of the same
// files, and the import's peak memory for returns of different sizes.
//
//   oversight_bench_import_903 [N ...]     (default: 10000 100000 children)
//
// For each N: writes a synthetic return (N children, 1 to 3 episodes and 2
// reviews each; fictional) into a temporary folder, then, each in its own
// child process so that peak RSS (getrusage) is that run's alone:
//   import_ssda903 into a new on-disk store, and
//   /usr/bin/sqlite3 X.db ".import --csv" of episodes.csv, reviews.csv and
//   header.csv into plain tables.
// Prints rows/s of both, the ratio (issue 7's target: >= 0.5), the CPU
// seconds of each (user + system) and their ratio, and the peak
// RSS of each import; the RSS of two sizes shows whether memory grows with
// the file. A benchmark, not a test.
#include <oversight/import/ssda903.hpp>
#include <oversight/store/store.hpp>

#include "support/ssda903_return.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace oversight;

namespace {

struct Run {
    double seconds = 0;
    double cpu_seconds = 0;  // user + system (steadier than wall time on a shared machine)
    long max_rss_kb = 0;
    bool ok = false;
};

// Runs `work` in a child process; its wall time and peak RSS.
template <class Work>
Run in_child(Work work) {
    const auto t0 = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid == 0) _exit(work());
    int status = 0;
    rusage ru{};
    wait4(pid, &status, 0, &ru);
    Run out;
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    out.max_rss_kb = ru.ru_maxrss;
    out.cpu_seconds = ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    out.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<long> sizes;
    for (int i = 1; i < argc; ++i) sizes.push_back(std::atol(argv[i]));
    if (sizes.empty()) sizes = {10000, 100000};
    char tmpl[] = "/tmp/oversight-bench-903-XXXXXX";
    const fs::path root = mkdtemp(tmpl);
    std::printf("%9s %9s %12s %12s %12s %7s %10s %10s %9s %12s %12s\n", "children", "rows", "import s",
                "import r/s", ".import r/s", "ratio", "import cpu", ".imp cpu", "cpu ratio", "import RSS",
                "sqlite3 RSS");
    for (long n : sizes) {
        const fs::path dir = root / ("n" + std::to_string(n));
        const long rows = test::write_ssda903_return(dir, n);
        const Run imp = in_child([&] {
            try {
                Store store = Store::open((dir / "store.db").string());
                ImportSummary s = import_ssda903(store, dir.string());
                return s.count("events_added") > 0 ? 0 : 1;
            } catch (const std::exception& e) {
                std::cerr << "import failed: " << e.what() << "\n";
                return 2;
            }
        });
        const std::string db = (dir / "plain.db").string();
        const Run sql = in_child([&] {
            const std::string e = (dir / "episodes.csv").string(), r = (dir / "reviews.csv").string(),
                              h = (dir / "header.csv").string();
            execl("/usr/bin/sqlite3", "sqlite3", db.c_str(), (".import --csv " + e + " episodes").c_str(),
                  (".import --csv " + r + " reviews").c_str(), (".import --csv " + h + " header").c_str(),
                  static_cast<char*>(nullptr));
            return 127;  // exec failed
        });
        if (!imp.ok || !sql.ok) {
            std::fprintf(stderr, "n=%ld: %s failed\n", n, imp.ok ? "sqlite3 .import" : "import_ssda903");
            fs::remove_all(root);
            return 1;
        }
        const double a = rows / imp.seconds, b = rows / sql.seconds;
        std::printf("%9ld %9ld %12.2f %12.0f %12.0f %7.2f %8.2f s %8.2f s %9.2f %9ld kB %9ld kB\n", n, rows,
                    imp.seconds, a, b, a / b, imp.cpu_seconds, sql.cpu_seconds,
                    imp.cpu_seconds > 0 ? sql.cpu_seconds / imp.cpu_seconds : 0.0, imp.max_rss_kb, sql.max_rss_kb);
        std::fflush(stdout);
    }
    fs::remove_all(root);
    return 0;
}
