// Private to lib/: the complaints' port. The complaints subsystem checks
// every change (stages in order, dates, outcomes); a store backend
// implements this repository (lib/store/) and writes the history (entities
// "complaint" and "complaint_stage": "*" when created, one row per changed
// field), in a transaction.
#pragma once

#include <oversight/complaints/complaint.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace oversight {

class Store;

namespace detail {

class ComplaintRepository {
public:
    virtual ~ComplaintRepository() = default;

    virtual std::optional<Complaint> find(std::string_view reference) const = 0;
    /// By received date, then reference.
    virtual std::vector<Complaint> all() const = 0;
    /// Stores a new complaint with its stages; returns its id.
    virtual std::int64_t add(const Complaint& complaint) = 0;
    /// Writes the category and lessons of complaint `complaint.id`, and each
    /// of its stages (adding those not stored yet).
    virtual void update(const Complaint& complaint) = 0;
};

/// The store's complaint repository (defined in lib/store/).
ComplaintRepository& complaint_repository(Store& store);
const ComplaintRepository& complaint_repository(const Store& store);

}  // namespace detail
}  // namespace oversight
