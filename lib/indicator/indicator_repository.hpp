// Private to lib/: the indicators' port. The indicator subsystem checks every
// indicator and value (checked_indicator, the known measures); a store
// backend implements this repository (lib/store/) and writes the history
// (entities "indicator", "indicator_value" and "action_indicator": "*" when
// created, one row per changed field), in a transaction.
#pragma once

#include <oversight/plan/plan.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace oversight {

class Store;

namespace detail {

class IndicatorRepository {
public:
    virtual ~IndicatorRepository() = default;

    /// The plan's indicators with their values (by month), by key.
    virtual std::vector<Indicator> list(std::int64_t plan_id) const = 0;
    /// With its values; nullopt when the plan has no such key.
    virtual std::optional<Indicator> find(std::int64_t plan_id, std::string_view key) const = 0;
    /// Stores a new indicator of the plan (its values too); returns its id.
    virtual std::int64_t add(std::int64_t plan_id, const Indicator& indicator) = 0;
    /// Writes the fields of indicator `indicator.id` that differ (not its values).
    virtual void update(const Indicator& indicator) = 0;
    /// Adds the month's value, or replaces the one the month has; returns its id.
    virtual std::int64_t put_value(std::int64_t indicator_id, const IndicatorValue& value) = 0;
    /// Links action `action_id` to indicator `indicator_id` (Error(conflict) when linked already).
    virtual void link(std::int64_t action_id, std::int64_t indicator_id) = 0;
};

/// The store's indicator repository (defined in lib/store/).
IndicatorRepository& indicator_repository(Store& store);
const IndicatorRepository& indicator_repository(const Store& store);

}  // namespace detail
}  // namespace oversight
