// Private to lib/: the audits' port. The audit subsystem checks every
// change (programmes, grades, dates, owners); a store backend implements
// this repository (lib/store/) and writes the history (entities
// "audit_programme", "audit", "audit_case", "audit_recommendation",
// "audit_link": "*" when created, one row per changed field), in a
// transaction.
#pragma once

#include <oversight/audit/audit.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oversight {

class Store;

namespace detail {

class AuditRepository {
public:
    virtual ~AuditRepository() = default;

    virtual std::optional<AuditProgramme> find_programme(std::string_view name) const = 0;
    /// By name.
    virtual std::vector<AuditProgramme> programmes() const = 0;
    virtual std::int64_t add_programme(const AuditProgramme& programme) = 0;
    /// Writes next_due of programme `id`.
    virtual void set_programme_due(std::int64_t id, std::optional<Date> due) = 0;

    virtual std::optional<Audit> find(std::string_view reference) const = 0;
    /// The audits of a programme (all when empty), by date held then reference.
    virtual std::vector<Audit> audits(std::string_view programme) const = 0;
    /// Stores a new audit with its auditors, cases, counts, recommendations
    /// and links; returns its id.
    virtual std::int64_t add(const Audit& audit) = 0;
    virtual void set_recommendation_completed(std::int64_t audit_id, int number, std::optional<Date> completed) = 0;
    /// The action's store id, when the plan has it.
    virtual std::optional<std::int64_t> plan_action_id(const PlanActionLink& link) const = 0;
    virtual void add_link(std::int64_t audit_id, const PlanActionLink& link) = 0;
    /// References of the audits linked to the action, by date held.
    virtual std::vector<std::string> linked_audits(const PlanActionLink& link) const = 0;
    /// The child ids audited by the programme from `since` to `until` (held dates, inclusive).
    virtual std::vector<std::string> audited_children(std::string_view programme, Date since, Date until) const = 0;
};

/// The store's audit repository (defined in lib/store/).
AuditRepository& audit_repository(Store& store);
const AuditRepository& audit_repository(const Store& store);

}  // namespace detail
}  // namespace oversight
