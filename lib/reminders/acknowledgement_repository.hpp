// Private to lib/: the acknowledgements' port. The reminders subsystem checks
// that the obligation exists; a store backend implements this repository
// (lib/store/) and writes the history (entity "acknowledgement": "*" and
// "by" and a non-empty "note" when created; a changed "by", "at" and a
// changed "note" when replaced), in a transaction.
#pragma once

#include <oversight/reminders/acknowledgement.hpp>

#include <optional>
#include <utility>
#include <vector>

namespace oversight {

class Store;

namespace detail {

class AcknowledgementRepository {
public:
    virtual ~AcknowledgementRepository() = default;

    virtual std::optional<Acknowledgement> find(const ObligationKey& key) const = 0;
    /// Every acknowledgement with its obligation.
    virtual std::vector<std::pair<ObligationKey, Acknowledgement>> all() const = 0;
    /// Records the acknowledgement of an obligation of a stored child,
    /// replacing an earlier one.
    virtual void save(const ObligationKey& key, const Acknowledgement& acknowledgement) = 0;
};

/// The store's acknowledgement repository (defined in lib/store/).
AcknowledgementRepository& acknowledgement_repository(Store& store);
const AcknowledgementRepository& acknowledgement_repository(const Store& store);

}  // namespace detail
}  // namespace oversight
