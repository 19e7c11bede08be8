// Private to lib/: the port of the compliance reports kept in the store
// (keep_compliance, compliance/compliance.hpp). A store backend implements
// it (lib/store/); the rows are derived data, written without history rows
// (the history they were computed from is recorded, history_sequence).
#pragma once

#include <oversight/compliance/compliance.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace oversight {

class Store;

namespace detail {

/// What a report counts of one case (before its filters): the items due in
/// the period, those brought forward (with: met within the period) and the
/// obligations that could not be dated, with who held the case on as_of
/// (the undated obligations' team and worker).
struct CaseCount {
    std::int64_t child = 0;  // the store's row id of the child (0: not from a store)
    std::string team, worker;
    std::vector<ComplianceItem> items;
    std::vector<std::pair<ComplianceItem, bool>> carried;
    std::vector<Undated> undated;
};

/// A kept report's numbers for one combination of keys, summed over cases.
struct KeptCount {
    std::string team, worker, rule_id, area;
    int kind = 0;  // 0 due in the period, 1 brought forward, 2 brought forward and met in the period
    ComplianceState state = ComplianceState::not_yet_due;
    bool recorded_late = false, host_differs = false;
    std::int64_t n = 0;
};

/// The cases whose history rows follow a sequence.
struct ChangedCases {
    std::vector<std::int64_t> children;  // row ids, each once
    /// A change that can move any case's numbers (a person, team or
    /// appointment: who is in which team; a record moved between cases).
    bool everything = false;
    std::int64_t latest = 0;  // the store's latest sequence
};

class ComplianceRepository {
public:
    virtual ~ComplianceRepository() = default;

    /// Runs fn()'s reads on one snapshot of the store.
    virtual void on_one_snapshot(const std::function<void()>& fn) const = 0;

    virtual std::optional<KeptCompliance> find(const std::string& key) const = 0;
    /// Every kept report, by as_of then key.
    virtual std::vector<KeptCompliance> all() const = 0;
    /// Forgets a kept report and its rows; false when there is none.
    virtual bool forget(const std::string& key) = 0;

    /// Starts a kept report afresh (its rows, if any, removed).
    virtual void start(const KeptCompliance& header) = 0;
    /// Replaces a case's rows of a kept report (none when `count` is null:
    /// the case has gone).
    virtual void put_case(const std::string& key, std::int64_t child, const CaseCount* count) = 0;
    /// The history a kept report now reflects, and when it was counted.
    virtual void finish(const std::string& key, std::int64_t history_sequence, const std::string& built_at) = 0;

    /// The highest history sequence the store has issued (0: none).
    virtual std::int64_t latest_sequence() const = 0;
    /// The cases changed after `sequence`.
    virtual ChangedCases changed_since(std::int64_t sequence) const = 0;
    /// The child ids (refs) of these row ids, where the child still exists.
    virtual std::vector<std::pair<std::int64_t, std::string>> children(const std::vector<std::int64_t>& rows) const = 0;

    /// The items due in the period of a kept report (its child-level rows),
    /// but for the `skipped` cases (sorted), in the report's order (team,
    /// worker, child, due date, rule, anchor; then as kept); at
    /// least those that pass the team, worker, rule and area filters of
    /// `options` (names compared ignoring ASCII case), maybe more; each
    /// explained when options.explain.
    virtual void for_each_item(const std::string& key, const std::vector<std::int64_t>& skipped,
                               const ComplianceOptions& options, const RulePack& pack,
                               const std::function<void(ComplianceItem&&)>& fn) const = 0;
    /// The numbers of a kept report (its items, not undated), but for the
    /// `skipped` cases (sorted), each handed to `fn` (one KeptCount reused:
    /// copy what is kept).
    virtual void for_each_count(const std::string& key, const std::vector<std::int64_t>& skipped,
                                const std::function<void(const KeptCount&)>& fn) const = 0;
    /// The undated obligations of a kept report, but for the `skipped` cases,
    /// each with who held the case.
    virtual std::vector<CaseCount> undated(const std::string& key, const std::vector<std::int64_t>& skipped) const = 0;
};

/// The store's compliance repository (defined in lib/store/).
ComplianceRepository& compliance_repository(Store& store);
const ComplianceRepository& compliance_repository(const Store& store);

}  // namespace detail
}  // namespace oversight
