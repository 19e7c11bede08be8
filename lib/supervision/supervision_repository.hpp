// Private to lib/: the supervision port. The supervision subsystem checks
// every record (people, children, criteria, follow-ups); a store backend
// implements this repository (lib/store/) and writes the history (entities
// "supervision", "supervision_case" and "supervision_action": "*" when
// created, one row per field set; an action's "closed" and "followed_up"
// when a session reviews it), in a transaction.
#pragma once

#include <oversight/supervision/supervision.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace oversight {

class Store;

namespace detail {

class SupervisionRepository {
public:
    virtual ~SupervisionRepository() = default;

    /// Stores a session with its cases, criteria and actions, and its
    /// follow-ups (closing the actions it closes on its held date); returns
    /// its id. Names are those stored (people, children).
    virtual std::int64_t add(const SupervisionRecord& record) = 0;
    /// Sessions held in [from, to] (either end open when nullopt), by held
    /// date then id, with their actions (as stored now) and follow-ups; only
    /// `person`'s (supervisee or supervisor, ignoring case) when given.
    virtual std::vector<SupervisionRecord> list(std::optional<Date> from, std::optional<Date> to,
                                                const std::optional<std::string>& person) const = 0;
};

/// The store's supervision repository (defined in lib/store/).
SupervisionRepository& supervision_repository(Store& store);
const SupervisionRepository& supervision_repository(const Store& store);

}  // namespace detail
}  // namespace oversight
