// A synthetic local authority (fictional children, workers and teams) written
// into a store through the library's own calls, for the compliance
// benchmark (tests/bench/compliance.cpp). Fixed seed: the same size gives
// the same authority.
//
// Shape, per child: became_looked_after and a first placement_start on the
// same day (placement type K2, U3, U6, R1 or H5: the default visiting
// regime, CPPCR 2010 reg 28(2)), visits at gaps of 20 to 50 days (so
// some are late against 6 weeks), a looked-after review after about 15
// working days, 3 months and then every 6 months (some late), a change of
// placement for about one child in three (placement_end, placement_start),
// and for about one in five ceased_looked_after before the end. Children
// are allocated to workers (about 15 each), workers are in teams of 6, and
// one child in ten moves to another worker half way. Children come into care
// in the two years before `until` (about 14 events each: 83,000 children make
// about a million events).
#pragma once

#include <oversight/casework/batch.hpp>
#include <oversight/core/date.hpp>
#include <oversight/store/store.hpp>
#include <oversight/workforce/team.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace oversight::test {

struct SyntheticAuthority {
    long children = 0;
    long events = 0;
    long workers = 0;
    long teams = 0;
    std::vector<std::string> worker_names;
};

inline std::string synthetic_child_id(long i) { return "C" + std::to_string(1000000 + i); }
inline std::string synthetic_worker_name(long w) { return "Worker " + std::to_string(10000 + w); }
inline std::string synthetic_team_name(long t) { return "Team " + std::to_string(100 + t); }

/// Writes an authority of `children` children into `store` (empty), with
/// events up to `until`; batches of about `batch_events` items.
inline SyntheticAuthority write_synthetic_authority(Store& store, long children, Date until,
                                                    long batch_events = 20000) {
    SyntheticAuthority out;
    out.children = children;
    out.workers = children / 15 + 1;
    out.teams = out.workers / 6 + 1;
    for (long t = 0; t < out.teams; ++t) save_team(store, Team{synthetic_team_name(t), "", "", std::nullopt});
    for (long w = 0; w < out.workers; ++w) {
        out.worker_names.push_back(synthetic_worker_name(w));
        save_worker(store, Worker{out.worker_names.back(), synthetic_team_name(w / 6), "", Role::social_worker});
    }

    std::mt19937 rng(20261202);
    const Date origin = until.add_years(-2);
    const int span = Date::days_between(origin, until);
    static const char* const kPlacements[] = {"K2", "U3", "U6", "R1", "H5"};
    Batch batch;
    auto flush = [&] {
        if (batch.items.empty()) return;
        BatchResult r = apply(store, batch);
        if (!r.applied)
            throw Error(Status::internal, "synthetic authority: a batch was refused: " +
                                              (r.errors.empty() ? std::string("?") : r.errors.front().message));
        batch.items.clear();
    };
    auto event = [&](const std::string& child, const char* type, Date d,
                     std::map<std::string, std::string> attributes = {}) {
        batch::SaveEvent e;
        e.child = child;
        e.event.type = type;
        e.event.date = d;
        e.event.attributes = std::move(attributes);
        e.event.external_id = child + "-" + std::to_string(++out.events);
        batch.add(std::move(e));
    };
    for (long i = 0; i < children; ++i) {
        const std::string child = synthetic_child_id(i);
        // Started between the origin and 60 days before `until`.
        const Date start = origin.add_days(static_cast<int>(rng() % static_cast<unsigned>(std::max(1, span - 60))));
        const long worker = i % out.workers;
        batch.add(batch::SaveChild{Child{child, std::nullopt, std::nullopt}});
        batch.add(batch::Allocate{child, out.worker_names[worker], start, std::nullopt});
        const bool moves = i % 10 == 3;
        const Date move_on = start.add_days(Date::days_between(start, until) / 2);
        if (moves)
            batch.add(batch::Allocate{child, out.worker_names[(worker + 1) % out.workers], move_on, std::nullopt});
        const bool ceases = i % 5 == 4;
        const Date end = ceases ? start.add_days(Date::days_between(start, until) * 3 / 4) : until;
        event(child, "became_looked_after", start);
        event(child, "placement_start", start, {{"placement_type", kPlacements[rng() % 5]}});
        // Visits: gaps of 20 to 50 days (6 weeks is 42), the first within
        // 3 to 9 days (1 week is 7).
        Date next_move = i % 3 == 1 ? start.add_days(static_cast<int>(120 + rng() % 300)) : Date::max();
        for (Date v = start.add_days(static_cast<int>(3 + rng() % 7)); v <= end; v = v.add_days(static_cast<int>(20 + rng() % 31))) {
            if (v >= next_move) {
                event(child, "placement_end", next_move);
                event(child, "placement_start", next_move, {{"placement_type", kPlacements[rng() % 5]}});
                next_move = Date::max();
            }
            event(child, "visit", v);
        }
        // Reviews: about 15 working days, then 3 months, then 6 months (a
        // few days either side, so some are late).
        Date r = start.add_days(static_cast<int>(17 + rng() % 10));
        for (int k = 0; r <= end; ++k) {
            event(child, "review", r);
            r = r.add_days(static_cast<int>((k == 0 ? 85 : 175) + rng() % 14));
        }
        if (ceases) event(child, "ceased_looked_after", end);
        if (static_cast<long>(batch.items.size()) >= batch_events) flush();
    }
    flush();
    return out;
}

}  // namespace oversight::test
