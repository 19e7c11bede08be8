// Ingest benchmark (issue 7): the events of a synthetic authority pushed
// through the C API's batch call into a store on disk, beside `sqlite3
// .import` of the same rows into a plain table, in the same run.
//
//   cmake --build build --target oversight_bench_ingest -j1
//   build/tests/bench/oversight_bench_ingest [CHILDREN [EVENTS_PER_CHILD [BATCH]]]
//
// Defaults: 10,000 children, 20 events each (a placement start and end,
// visits, reviews; fixed seed), batches of 5,000 events, one
// oversight_batch_apply_json call per batch (NDJSON, every event with its
// external id, as a case system sends them). The children (and their
// allocations) go first, in batches too, timed apart. Then the same event
// rows are written as CSV and `/usr/bin/sqlite3 FILE.db ".import --csv
// --skip 1 rows.csv events"` is timed into a table without indexes or
// checks (skipped, with a message, when sqlite3 is absent), and sqlite3
// writes the same rows into Oversight's own schema with plain SQL (each
// event and its history row, INSERT ... SELECT): the floor the schema's
// checks, indexes and history set, whatever the library does. Prints rows,
// seconds and rows/s of each, the ratio (the target: ours >= 0.5 x
// .import) and the peak RSS of this process and of sqlite3 (getrusage).
// Through <oversight.h> only: the C ABI a case system links.
#include <oversight.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

/// CPU seconds (user + system) used so far by this process or, with
/// RUSAGE_CHILDREN, by its waited-for children: steadier than wall time on a
/// shared machine.
double cpu_seconds(int who = RUSAGE_SELF) {
    struct rusage u {};
    getrusage(who, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "oversight_bench_ingest: %s: %s\n", what.c_str(), oversight_last_error_message());
    std::exit(1);
}

struct Row {
    std::string child, type, date, attributes, external_id;
};

std::string iso(int days_since_2018) {
    // Days after 2018-01-01, by civil-from-days (H. Hinnant's algorithm).
    long z = days_since_2018 + 17532 + 719468;  // 17532: 1970-01-01 to 2018-01-01
    const long era = z / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long d = doy - (153 * mp + 2) / 5 + 1;
    const long m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) ++y;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", y, m, d);
    return buf;
}

/// The events of `children` children, `per_child` each (fixed seed): a
/// placement start, visits and reviews, and a placement end, between 2018
/// and 2025 (never after today).
std::vector<Row> synthetic_events(int children, int per_child) {
    std::mt19937 rng(20240301);
    std::uniform_int_distribution<int> start_day(0, 365 * 4);
    std::uniform_int_distribution<int> gap(20, 60);
    static const char* const kPlacements[] = {"U1", "U3", "U4", "K2", "R1", "P1"};
    std::vector<Row> rows;
    rows.reserve(static_cast<std::size_t>(children) * per_child);
    for (int c = 0; c < children; ++c) {
        const std::string child = "C" + std::to_string(100000 + c);
        int day = start_day(rng);
        for (int n = 0; n < per_child; ++n) {
            Row r;
            r.child = child;
            r.external_id = "EV-" + std::to_string(100000 + c) + "-" + std::to_string(n);
            if (n == 0) {
                r.type = "placement_start";
                r.attributes = std::string("{\"placement_type\":\"") + kPlacements[rng() % 6] + "\"}";
            } else if (n == per_child - 1) {
                r.type = "placement_end";
            } else {
                r.type = n % 5 == 0 ? "review" : "visit";
                day += gap(rng);
            }
            r.date = iso(day);
            rows.push_back(std::move(r));
        }
    }
    return rows;
}

void json_text(std::string& out, const std::string& s) {
    out += '"';
    out += s;  // the synthetic ids and words need no escaping
    out += '"';
}

std::string event_line(const Row& r) {
    std::string s = "{\"op\":\"event\",\"child\":";
    json_text(s, r.child);
    s += ",\"type\":";
    json_text(s, r.type);
    s += ",\"date\":";
    json_text(s, r.date);
    if (!r.attributes.empty()) s += ",\"attributes\":" + r.attributes;
    s += ",\"external_id\":";
    json_text(s, r.external_id);
    s += "}\n";
    return s;
}

/// Applies one NDJSON batch; exits with the result when refused.
void apply(oversight_store* store, const std::string& text, const oversight_batch_options* opts) {
    char* result = nullptr;
    if (oversight_batch_apply_json(store, text.data(), text.size(), opts, &result) != OVERSIGHT_OK) {
        std::fprintf(stderr, "%s\n", result ? result : "");
        oversight_free(result);
        die("a batch was refused");
    }
    oversight_free(result);
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

/// Runs argv, waiting for it; false when it could not run or failed.
bool run(const std::vector<std::string>& argv) {
    const pid_t pid = fork();
    if (pid < 0) return false;
    if (pid == 0) {
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    int status = 0;
    if (waitpid(pid, &status, 0) < 0) return false;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

void print_line(const char* what, std::size_t rows, double secs, double cpu) {
    std::printf("%-40s %7zu rows %7.2f s %9.0f rows/s  (cpu %6.2f s, %9.0f rows/cpu-s)\n", what, rows, secs,
                secs > 0 ? rows / secs : 0.0, cpu, cpu > 0 ? rows / cpu : 0.0);
}

}  // namespace

int main(int argc, char** argv) {
    const int children = argc > 1 ? std::atoi(argv[1]) : 10000;
    const int per_child = argc > 2 ? std::atoi(argv[2]) : 20;
    const int batch_size = argc > 3 ? std::atoi(argv[3]) : 5000;
    if (children < 1 || per_child < 2 || batch_size < 1) {
        std::fprintf(stderr, "usage: %s [CHILDREN >= 1 [EVENTS_PER_CHILD >= 2 [BATCH >= 1]]]\n", argv[0]);
        return 2;
    }
    char dir_template[] = "/tmp/oversight_bench_ingest_XXXXXX";
    const char* dir = mkdtemp(dir_template);
    if (!dir) {
        std::perror("mkdtemp");
        return 1;
    }
    const std::string db = std::string(dir) + "/ingest.db";
    const std::string plain = std::string(dir) + "/plain.db";
    const std::string csv = std::string(dir) + "/rows.csv";
    const std::string floor = std::string(dir) + "/floor.db";
    const std::string script = std::string(dir) + "/floor.sql";

    const std::vector<Row> rows = synthetic_events(children, per_child);
    std::printf("synthetic authority: %d children, %zu events (%d each), batches of %d, in %s\n", children,
                rows.size(), per_child, batch_size, dir);

    oversight_store* store = nullptr;
    if (oversight_store_open(&store, db.c_str(), nullptr) != OVERSIGHT_OK) die("opening " + db);
    if (oversight_store_set_actor(store, "bench feed") != OVERSIGHT_OK) die("set_actor");
    oversight_batch_options opts = OVERSIGHT_BATCH_OPTIONS_INIT;
    opts.recorded_by = "bench feed";

    // A team and workers, then the children with their allocations.
    {
        oversight_workforce_team t = OVERSIGHT_WORKFORCE_TEAM_INIT;
        t.name = "Team A";
        if (oversight_workforce_save_team(store, &t) != OVERSIGHT_OK) die("save_team");
        for (int w = 0; w < 20; ++w) {
            const std::string name = "Worker " + std::to_string(w);
            oversight_workforce_worker wk = OVERSIGHT_WORKFORCE_WORKER_INIT;
            wk.name = name.c_str();
            wk.team = "Team A";
            if (oversight_workforce_save_worker(store, &wk) != OVERSIGHT_OK) die("save_worker");
        }
    }
    auto t0 = Clock::now();
    double c0 = cpu_seconds();
    std::string text;
    std::size_t in_batch = 0;
    for (int c = 0; c < children; ++c) {
        const std::string id = "C" + std::to_string(100000 + c);
        text += "{\"op\":\"child\",\"child\":\"" + id + "\",\"external_id\":\"P-" + id + "\"}\n";
        text += "{\"op\":\"allocate\",\"child\":\"" + id + "\",\"worker\":\"Worker " + std::to_string(c % 20) +
                "\",\"from\":\"2018-01-01\"}\n";
        if (++in_batch * 2 >= static_cast<std::size_t>(batch_size)) {
            apply(store, text, &opts);
            text.clear();
            in_batch = 0;
        }
    }
    if (!text.empty()) apply(store, text, &opts);
    print_line("children + allocations (C API batch)", static_cast<std::size_t>(children) * 2, seconds_since(t0),
               cpu_seconds() - c0);

    // The events: NDJSON built per batch (building counts: a host does it too).
    t0 = Clock::now();
    c0 = cpu_seconds();
    for (std::size_t i = 0; i < rows.size(); i += batch_size) {
        text.clear();
        const std::size_t end = std::min(rows.size(), i + batch_size);
        for (std::size_t j = i; j < end; ++j) text += event_line(rows[j]);
        apply(store, text, &opts);
    }
    const double ours = seconds_since(t0);
    const double ours_cpu = cpu_seconds() - c0;
    print_line("events: oversight_batch_apply_json", rows.size(), ours, ours_cpu);

    // Sent again: every event found by its external id, nothing written.
    t0 = Clock::now();
    c0 = cpu_seconds();
    for (std::size_t i = 0; i < rows.size(); i += batch_size) {
        text.clear();
        const std::size_t end = std::min(rows.size(), i + batch_size);
        for (std::size_t j = i; j < end; ++j) text += event_line(rows[j]);
        apply(store, text, &opts);
    }
    print_line("events again (unchanged)", rows.size(), seconds_since(t0), cpu_seconds() - c0);
    oversight_store_free(store);

    struct rusage self {};
    getrusage(RUSAGE_SELF, &self);

    // The same rows through sqlite3 .import into a plain table.
    {
        std::ofstream out(csv, std::ios::binary);
        out << "child,type,date,attributes,external_id\n";
        for (const Row& r : rows)
            out << csv_field(r.child) << ',' << r.type << ',' << r.date << ',' << csv_field(r.attributes) << ','
                << r.external_id << '\n';
    }
    const char* sqlite3 = "/usr/bin/sqlite3";
    double theirs_wall = 0, theirs_cpu_all = 0;
    if (access(sqlite3, X_OK) != 0) {
        std::printf("sqlite3 .import: skipped (%s not found; apt-get install sqlite3)\n", sqlite3);
    } else {
        // The table does not exist: .import creates it from the header row,
        // every column TEXT, no index, no check: a plain table.
        t0 = Clock::now();
        c0 = cpu_seconds(RUSAGE_CHILDREN);
        const bool ok = run({sqlite3, plain, ".import --csv " + csv + " events"});
        const double theirs = seconds_since(t0);
        const double theirs_cpu = cpu_seconds(RUSAGE_CHILDREN) - c0;
        theirs_wall = theirs;
        theirs_cpu_all = theirs_cpu;
        if (!ok) {
            std::printf("sqlite3 .import: failed\n");
        } else {
            print_line("sqlite3 .import (plain table)", rows.size(), theirs, theirs_cpu);
            std::printf("ratio (ours / .import, rows/s): %.3f wall, %.3f cpu  (target >= 0.5)\n", theirs / ours,
                        theirs_cpu / ours_cpu);
        }
    }
    // The floor the schema sets: the same rows written by sqlite3 itself into
    // Oversight's own tables (a new store holding the children), each event
    // with its history row, set-based SQL, no library code at all: what
    // the CHECK constraints, the indexes and the history cost.
    if (access(sqlite3, X_OK) == 0) {
        oversight_store* floor_store = nullptr;
        if (oversight_store_open(&floor_store, floor.c_str(), nullptr) != OVERSIGHT_OK) die("opening " + floor);
        oversight_store_free(floor_store);
        // The SQL is kept beside this file (the layout test keeps SQL in the store).
        std::ifstream in(OVERSIGHT_INGEST_FLOOR_SQL, std::ios::binary);
        std::string sql{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        if (!in && !in.eof()) die(std::string("reading ") + OVERSIGHT_INGEST_FLOOR_SQL);
        for (const auto& [name, value] :
             {std::pair<std::string, std::string>{"@LAST_CHILD@", std::to_string(children - 1)}, {"@CSV@", csv}})
            for (std::size_t at; (at = sql.find(name)) != std::string::npos;) sql.replace(at, name.size(), value);
        {
            std::ofstream out(script, std::ios::binary);
            out << sql;
        }
        t0 = Clock::now();
        c0 = cpu_seconds(RUSAGE_CHILDREN);
        const bool ok = run({sqlite3, floor, ".read " + script});
        const double secs = seconds_since(t0);
        const double cpu = cpu_seconds(RUSAGE_CHILDREN) - c0;
        if (!ok) {
            std::printf("sqlite3 into Oversight's schema: failed\n");
        } else {
            print_line("sqlite3 SQL into Oversight's schema", rows.size(), secs, cpu);
            std::printf("ratio (schema floor / .import, rows/s): %.3f wall, %.3f cpu; ours / floor: %.3f wall, "
                        "%.3f cpu\n",
                        theirs_wall / secs, theirs_cpu_all / cpu, secs / ours, cpu / ours_cpu);
        }
    }
    struct rusage kids {};
    getrusage(RUSAGE_CHILDREN, &kids);
    std::printf("peak RSS: this process %.1f MB, sqlite3 %.1f MB\n", self.ru_maxrss / 1024.0,
                kids.ru_maxrss / 1024.0);

    for (const std::string& f : {db, db + "-wal", db + "-shm", plain, csv, floor, floor + "-wal", floor + "-shm", script})
        std::remove(f.c_str());
    rmdir(dir);
    return 0;
}
