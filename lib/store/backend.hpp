// Private to lib/store: what a store backend implements (SQLite today,
// PostgreSQL later). A backend owns the connection, the schema and its
// migrations, the transactions, the change history and one implementation
// of each subsystem's repository port; everything it throws is an
// oversight::Error (never a driver's exception).
#pragma once

#include <oversight/store/history.hpp>
#include <oversight/store/store.hpp>

#include "store/history_chain.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace oversight::detail {

/// Error(invalid_arg) "<what>: unknown entity "x" (known: ...)" unless
/// `entity` is one of change_entities() (history.hpp): a history filter or
/// a change feed on a kind that does not exist is a mistake, not "no rows".
void check_change_entity(const std::string& entity, const char* what);

class AcknowledgementRepository;
class AttendanceRepository;
class ComplaintRepository;
class IndicatorRepository;
class AuditRepository;
class ComplianceRepository;
class CaseworkRepository;
class PlanRepository;
class SupervisionRepository;
class WorkforceRepository;

class Backend {
public:
    virtual ~Backend() = default;

    virtual int schema_version() const = 0;

    /// Who the history records for the changes that follow.
    virtual void set_actor(std::string who) = 0;
    virtual const std::string& actor() const noexcept = 0;

    virtual std::vector<Change> history(const HistoryFilter& filter) const = 0;
    /// The highest history sequence (0 when there is no history).
    virtual std::int64_t latest_sequence() const = 0;
    /// Hands every history row to fn(), oldest first, all read from one
    /// state of the store; returns the highest sequence the store has ever
    /// issued (at least the newest row's).
    virtual std::int64_t read_chain(const std::function<void(const ChainedRow&)>& fn) const = 0;
    /// The store's identity (a random id, kept in the store).
    virtual std::string store_id() const = 0;

    /// Runs fn() in one write transaction, joining one already open: commits
    /// when fn() returns, rolls back and rethrows when it throws. Waits up to
    /// the busy timeout for another writer. Error(invalid_arg) when the store
    /// is open read-only.
    virtual void transaction(std::string_view what, const std::function<void()>& fn) = 0;
    /// detail::in_savepoint (core/transaction.hpp).
    virtual void savepoint(std::string_view what, const std::function<void()>& fn) = 0;

    virtual PlanRepository& plans() noexcept = 0;
    virtual WorkforceRepository& workforce() noexcept = 0;
    virtual CaseworkRepository& casework() noexcept = 0;
    virtual AcknowledgementRepository& acknowledgements() noexcept = 0;
    virtual AttendanceRepository& attendance() noexcept = 0;
    virtual ComplaintRepository& complaints() noexcept = 0;
    virtual AuditRepository& audits() noexcept = 0;
    virtual SupervisionRepository& supervisions() noexcept = 0;
    virtual IndicatorRepository& indicators() noexcept = 0;
    virtual ComplianceRepository& compliance() noexcept = 0;

    // Reads through a const Store: the same repositories, const.
    const PlanRepository& plans() const noexcept { return const_cast<Backend*>(this)->plans(); }
    const WorkforceRepository& workforce() const noexcept { return const_cast<Backend*>(this)->workforce(); }
    const CaseworkRepository& casework() const noexcept { return const_cast<Backend*>(this)->casework(); }
    const AcknowledgementRepository& acknowledgements() const noexcept {
        return const_cast<Backend*>(this)->acknowledgements();
    }
    const AttendanceRepository& attendance() const noexcept { return const_cast<Backend*>(this)->attendance(); }
    const ComplaintRepository& complaints() const noexcept { return const_cast<Backend*>(this)->complaints(); }
    const AuditRepository& audits() const noexcept { return const_cast<Backend*>(this)->audits(); }
    const SupervisionRepository& supervisions() const noexcept { return const_cast<Backend*>(this)->supervisions(); }
    const IndicatorRepository& indicators() const noexcept { return const_cast<Backend*>(this)->indicators(); }
    const ComplianceRepository& compliance() const noexcept { return const_cast<Backend*>(this)->compliance(); }
};

/// The latest schema version of the SQLite backend (lib/store/sqlite/migrator.cpp).
int sqlite_latest_schema_version() noexcept;
/// Opens (creating and migrating as the options say) a SQLite store.
std::unique_ptr<Backend> open_sqlite(const StoreOptions& options);

}  // namespace oversight::detail
