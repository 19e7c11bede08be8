// Several writers on one store file (include/oversight/store/store.hpp,
// "Threading and processes"): two processes and two threads, each with its
// own Store, create the same new file at the same moment and write to it for
// a few seconds; every write succeeds and every write is stored.
#include <boost/test/unit_test.hpp>

#include "support/store_fixtures.hpp"

#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/core/error.hpp>
#include <oversight/store/history.hpp>
#include <oversight/store/store.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <string>
#include <thread>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

using namespace oversight;
using test::TempStore;

namespace {

using Clock = std::chrono::system_clock;

/// What one writer did: how many events it recorded, or the first failure.
struct Outcome {
    std::int64_t written = 0;
    std::string failure;  // empty: every write succeeded
};

/// Opens the store at `start` (so that every writer opens, and so creates
/// and migrates, the new file at the same moment), then records visits on
/// its own child until `stop`, each its own transaction.
Outcome write_for_a_while(const std::string& path, const std::string& writer, Clock::time_point start,
                          Clock::time_point stop) {
    Outcome out;
    try {
        std::this_thread::sleep_until(start);
        Store store = Store::open(path);
        store.set_actor(writer);
        save_child(store, Child{writer, Date::from_ymd(2015, 3, 1)});
        while (Clock::now() < stop) {
            CaseEvent visit{"visit", Date::from_ymd(2024, 1, 10), {{"n", std::to_string(out.written)}}};
            record_event(store, writer, visit, writer);
            ++out.written;
        }
    } catch (const std::exception& e) {
        out.failure = writer + " after " + std::to_string(out.written) + " writes: " + e.what();
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(concurrency)

BOOST_AUTO_TEST_CASE(two_processes_and_two_threads_write_one_store) {
    TempStore tmp("concurrent_writers");
    BOOST_REQUIRE(!tmp.exists());
    const auto start = Clock::now() + std::chrono::milliseconds(300);
    const auto stop = start + std::chrono::seconds(3);

    // The processes first (fork before any thread starts), each reporting
    // "<written> <failure>" through its own pipe.
    struct Child_process {
        pid_t pid = -1;
        int fd = -1;
        std::string writer;
    };
    std::vector<Child_process> processes;
    for (int i = 1; i <= 2; ++i) {
        int fds[2];
        BOOST_REQUIRE(::pipe(fds) == 0);
        const std::string writer = "process-" + std::to_string(i);
        const pid_t pid = ::fork();
        BOOST_REQUIRE(pid >= 0);
        if (pid == 0) {
            ::close(fds[0]);
            const Outcome o = write_for_a_while(tmp.path, writer, start, stop);
            const std::string report = std::to_string(o.written) + " " + o.failure;
            ssize_t ignored = ::write(fds[1], report.data(), report.size());
            (void)ignored;
            ::close(fds[1]);
            ::_exit(o.failure.empty() ? 0 : 1);
        }
        ::close(fds[1]);
        processes.push_back({pid, fds[0], writer});
    }

    std::vector<Outcome> threads(2);
    std::vector<std::thread> running;
    for (int i = 0; i < 2; ++i)
        running.emplace_back([&, i] {
            threads[i] = write_for_a_while(tmp.path, "thread-" + std::to_string(i + 1), start, stop);
        });
    for (auto& t : running) t.join();

    std::vector<std::pair<std::string, Outcome>> all;
    for (int i = 0; i < 2; ++i) all.emplace_back("thread-" + std::to_string(i + 1), threads[i]);
    for (const Child_process& p : processes) {
        std::string report;
        char buf[512];
        ssize_t n;
        while ((n = ::read(p.fd, buf, sizeof buf)) > 0) report.append(buf, static_cast<std::size_t>(n));
        ::close(p.fd);
        int status = 0;
        BOOST_REQUIRE(::waitpid(p.pid, &status, 0) == p.pid);
        BOOST_TEST_INFO(p.writer << " reported: " << report);
        BOOST_TEST(WIFEXITED(status));
        Outcome o;
        const auto space = report.find(' ');
        BOOST_REQUIRE(space != std::string::npos);
        o.written = std::stoll(report.substr(0, space));
        o.failure = report.substr(space + 1);
        all.emplace_back(p.writer, o);
    }

    Store store = Store::open(tmp.path);
    std::int64_t total = 0;
    for (const auto& [writer, o] : all) {
        BOOST_TEST_INFO(writer);
        BOOST_TEST(o.failure == "");
        // A few seconds of single-row transactions: every writer got its turn.
        BOOST_TEST(o.written > 5);
        BOOST_TEST(static_cast<std::int64_t>(list_events(store, writer).size()) == o.written);
        total += o.written;
    }
    BOOST_TEST_MESSAGE("4 writers on one store for 3 s: " << total << " single-event transactions, "
                                                           << total / 3 << " writes/s");
    HistoryFilter events;
    events.entity = "event";
    BOOST_TEST(static_cast<std::int64_t>(store.history(events).size()) == total);
    BOOST_TEST(store.schema_version() == Store::latest_schema_version());
    // Every writer chained its rows to the others': the history verifies.
    const HistoryVerification chain = verify_history(store);
    BOOST_TEST(chain.ok, chain.message);
    BOOST_TEST(chain.rows == static_cast<std::int64_t>(store.history().size()));
}

BOOST_AUTO_TEST_CASE(a_writer_holding_the_lock_past_the_timeout_gives_a_clear_error) {
    TempStore tmp("busy_timeout");
    { Store created = Store::open(tmp.path); }
    StoreOptions o;
    o.location = tmp.path;
    o.busy_timeout = std::chrono::milliseconds(200);
    Store holder = Store::open(o);
    Store waiter = Store::open(o);
    // A raw SQLite connection holds the write lock for longer than the timeout.
    SQLite::Database db(tmp.path, SQLite::OPEN_READWRITE);
    db.exec("BEGIN IMMEDIATE");
    const auto before = std::chrono::steady_clock::now();
    std::string msg;
    BOOST_TEST(test::code_of([&] { save_child(waiter, Child{"C1", std::nullopt}); }, &msg) == Status::db);
    const auto waited =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - before).count();
    BOOST_TEST(msg.find("busy timeout (200 ms)") != std::string::npos, msg);
    BOOST_TEST(waited >= 190);
    BOOST_TEST(waited < 3000);
    db.exec("ROLLBACK");
    // Reads do not wait for a writer (WAL).
    db.exec("BEGIN IMMEDIATE");
    BOOST_TEST(!try_find_child(holder, "C1"));
    db.exec("ROLLBACK");
    // And once the lock is released, the write goes through.
    BOOST_TEST((save_child(waiter, Child{"C1", std::nullopt}) == SaveOutcome::added));
}

BOOST_AUTO_TEST_SUITE_END()
