// Private to lib/: casework's port. Casework keeps the rules (ids and keys
// well-formed, dates in range, event types known to the pack, allocations in
// order); a store backend implements this repository (lib/store/) and
// writes, in a transaction, the history of every change (entities "child",
// "allocation", "case_attribute", "event", "exemption"). Children are addressed by the
// local authority's id, workers by a person's name.
#pragma once

#include <oversight/casework/case.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/casework/exemption.hpp>
#include <oversight/core/date.hpp>
#include <oversight/rules/schedule.hpp>

#include "casework/casework_detail.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace oversight {

class Store;

namespace detail {

/// A stored case attribute value.
struct StoredAttribute {
    std::int64_t id = 0;
    std::string child_id;
    AttributeChange value;
    std::optional<std::string> external_id;
};

class CaseworkRepository {
public:
    virtual ~CaseworkRepository() = default;

    virtual std::optional<Child> find_child(std::string_view child_id) const = 0;
    /// Whether there is a child with this id (find_child without reading the
    /// child: a batch asks once per item).
    virtual bool has_child(std::string_view child_id) const = 0;
    virtual std::optional<Child> find_child_by_external_id(std::string_view external_id) const = 0;
    virtual void add_child(const Child& child) = 0;
    /// Writes id, date of birth and external id of the stored child
    /// `child_id` as `child` has them (history per changed field).
    virtual void update_child(std::string_view child_id, const Child& child) = 0;
    /// Removes the child and every record of their case, writing the history
    /// of an erasure as child.hpp describes it.
    virtual Erasure erase_child(std::string_view child_id, std::string_view reason) = 0;

    /// The child's allocations by start.
    virtual std::vector<Allocation> allocations(std::string_view child_id) const = 0;
    virtual std::optional<Allocation> open_allocation(std::string_view child_id) const = 0;
    /// The allocation with this external id and its child's id.
    virtual std::optional<std::pair<std::string, Allocation>> find_allocation_by_external_id(
        std::string_view external_id) const = 0;
    virtual void add_allocation(std::string_view child_id, const Allocation& allocation) = 0;
    /// Writes worker, start, end and external id of the allocation with
    /// allocation.id.
    virtual void update_allocation(const Allocation& allocation) = 0;

    /// The child's stored value of `key` from `effective_from`, if any.
    virtual std::optional<StoredAttribute> find_attribute(std::string_view child_id, std::string_view key,
                                                          Date effective_from) const = 0;
    virtual std::optional<StoredAttribute> find_attribute_by_external_id(std::string_view external_id) const = 0;
    /// Every stored value of the child's attributes, by date then key.
    virtual std::vector<StoredAttribute> attributes(std::string_view child_id) const = 0;
    /// The value of `key` in force on `day` (latest effective on or before it).
    virtual std::optional<StoredAttribute> attribute_on(std::string_view child_id, std::string_view key,
                                                        Date day) const = 0;
    virtual void add_attribute(const StoredAttribute& attribute) = 0;
    /// Writes key, date, value and external id of the attribute with
    /// attribute.id; false when it was already so.
    virtual bool update_attribute(const StoredAttribute& attribute) = 0;
    virtual void remove_attribute(std::int64_t id) = 0;

    virtual std::optional<RecordedEvent> find_event(std::int64_t id) const = 0;
    virtual std::optional<RecordedEvent> find_event_by_external_id(std::string_view external_id) const = 0;
    /// The id of the event with this external id (find_event_by_external_id
    /// without reading the event).
    virtual std::optional<std::int64_t> find_event_id_by_external_id(std::string_view external_id) const = 0;
    /// An event of the child without an external id, from `source`, with
    /// the type, date and attributes of `event`.
    virtual std::optional<std::int64_t> find_identical_event(std::string_view child_id, const CaseEvent& event,
                                                             std::string_view source) const = 0;
    /// The child's events by date, then id.
    virtual std::vector<RecordedEvent> events(std::string_view child_id) const = 0;
    /// Stores an event (with event.external_id) recorded by `recorded_by` now.
    virtual std::int64_t add_event(std::string_view child_id, const CaseEvent& event, std::string_view recorded_by,
                                   std::string_view source) = 0;
    /// Writes child, type, date, attributes and (when given) the external id
    /// of the event with this id; false when it was already so.
    virtual bool update_event(std::int64_t id, std::string_view child_id, const CaseEvent& event) = 0;
    virtual void remove_event(std::int64_t id) = 0;

    /// Exemptions (exemption.hpp): found by id or external id, with their
    /// child's id in Exemption::child_id.
    virtual std::optional<Exemption> find_exemption(std::int64_t id) const = 0;
    virtual std::optional<Exemption> find_exemption_by_external_id(std::string_view external_id) const = 0;
    /// An exemption of exemption.child_id without an external id, with the
    /// kind, dates, reason, approver and areas of `exemption`.
    virtual std::optional<std::int64_t> find_identical_exemption(const Exemption& exemption) const = 0;
    /// The child's exemptions by from date, then id.
    virtual std::vector<Exemption> exemptions(std::string_view child_id) const = 0;
    /// Every exemption, by child id, each child's by from date, then id.
    virtual std::map<std::string, std::vector<Exemption>> all_exemptions() const = 0;
    /// Stores an exemption (of exemption.child_id, with its external id).
    virtual std::int64_t add_exemption(const Exemption& exemption) = 0;
    /// Writes kind, dates, reason, approver, areas and external id of the
    /// exemption with exemption.id (its child stays); false when it was
    /// already so.
    virtual bool update_exemption(const Exemption& exemption) = 0;
    virtual void remove_exemption(std::int64_t id) = 0;

    /// Cases as of a day: the allocation in force then, the team of the
    /// worker's appointment in force then; by child id.
    virtual std::vector<CaseSummary> cases(const CaseFilter& filter, Date as_of) const = 0;
    virtual std::optional<CaseRecord> load_case(std::string_view child_id, Date as_of) const = 0;
    /// Calls `visit` with each case matching the filter, as load_case gives
    /// one but for the events dated after `as_of` (left out), with the
    /// recording date of each event and the child's allocations over time:
    /// one case at a time, none kept, on one snapshot; in no stated order.
    /// `visit` must not write to the store.
    virtual void for_each_case(const CaseFilter& filter, Date as_of,
                               const std::function<void(CaseHistory&&)>& visit) const = 0;
    /// for_each_case for one child (no call when there is no such child).
    virtual void for_each_case_of(std::string_view child_id, Date as_of,
                                  const std::function<void(CaseHistory&&)>& visit) const = 0;
    /// Every appointment's team span, by worker then start.
    virtual std::vector<TeamSpan> team_spans() const = 0;
};

/// The store's casework repository (defined in lib/store/).
CaseworkRepository& casework_repository(Store& store);
const CaseworkRepository& casework_repository(const Store& store);

}  // namespace detail
}  // namespace oversight
