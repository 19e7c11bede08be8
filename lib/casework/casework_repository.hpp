// Private to lib/: casework's port. Casework keeps the rules (ids and keys
// well-formed, dates in range, event types known to the pack, allocations in
// order); a store backend implements this repository (lib/store/) and
// writes, in a transaction, the history of every change (entities "child",
// "allocation", "case_attribute", "event"). Children are addressed by the
// local authority's id, workers by a person's name.
#pragma once

#include <oversight/casework/case.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/core/date.hpp>
#include <oversight/rules/schedule.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oversight {

class Store;

namespace detail {

/// A child's allocation to a worker, [from, to).
struct Allocation {
    std::int64_t id = 0;
    std::string worker;      // a person's name
    Date from;
    std::optional<Date> to;  // nullopt: open
};

class CaseworkRepository {
public:
    virtual ~CaseworkRepository() = default;

    virtual std::optional<Child> find_child(std::string_view child_id) const = 0;
    virtual void add_child(const Child& child) = 0;
    /// Writes the date of birth of the stored child with child.id.
    virtual void update_child(const Child& child) = 0;

    virtual std::optional<Allocation> open_allocation(std::string_view child_id) const = 0;
    virtual void add_allocation(std::string_view child_id, const Allocation& allocation) = 0;
    /// Writes worker and end of the allocation with allocation.id.
    virtual void update_allocation(const Allocation& allocation) = 0;

    /// Sets the value of a key from a date (the same key and date again
    /// replaces it); false when it was already so.
    virtual bool set_attribute(std::string_view child_id, const AttributeChange& attribute) = 0;
    /// Stores an event recorded by `recorded_by` now. Events from `source`
    /// "manual" always are; imported ones (any other source) once: an
    /// identical imported event gives nullopt.
    virtual std::optional<std::int64_t> add_event(std::string_view child_id, const CaseEvent& event,
                                                  std::string_view recorded_by, std::string_view source) = 0;

    /// Cases as of a day: the allocation in force then, the team of the
    /// worker's appointment in force then; by child id.
    virtual std::vector<CaseSummary> cases(const CaseFilter& filter, Date as_of) const = 0;
    /// The same cases as records (see load_case), in bulk.
    virtual std::vector<CaseRecord> load_cases(const CaseFilter& filter, Date as_of) const = 0;
    virtual std::optional<CaseRecord> load_case(std::string_view child_id, Date as_of) const = 0;
};

/// The store's casework repository (defined in lib/store/).
CaseworkRepository& casework_repository(Store& store);
const CaseworkRepository& casework_repository(const Store& store);

}  // namespace detail
}  // namespace oversight
