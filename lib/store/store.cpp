// The Store, whatever its backend: options, opening, and the accessors that
// give each subsystem its repository port (the adapters' side).
#include <oversight/store/store.hpp>

#include <oversight/core/error.hpp>

#include "store/backend.hpp"
#include "core/text.hpp"
#include "core/transaction.hpp"
#include "core/validation.hpp"

#include "casework/attendance_repository.hpp"
#include "casework/casework_repository.hpp"
#include "audit/audit_repository.hpp"
#include "complaints/complaint_repository.hpp"
#include "supervision/supervision_repository.hpp"
#include "plan/plan_repository.hpp"
#include "indicator/indicator_repository.hpp"
#include "reminders/acknowledgement_repository.hpp"
#include "compliance/compliance_repository.hpp"
#include "workforce/workforce_repository.hpp"

namespace oversight {

namespace {

constexpr std::pair<std::string_view, StoreBackend> kBackends[] = {{"sqlite", StoreBackend::sqlite}};

void check_options(const StoreOptions& o) {
    if (o.location.empty()) throw Error(Status::invalid_arg, "store location is empty");
    if (o.location.find('\0') != std::string::npos)
        throw Error(Status::invalid_arg, "store location contains a NUL byte");
    if (o.busy_timeout.count() < 0 || o.busy_timeout.count() > 600000)
        throw Error(Status::invalid_arg, "store busy_timeout must be 0..600000 ms, not " +
                                             std::to_string(o.busy_timeout.count()));
}

}  // namespace

std::string_view to_string(StoreBackend) noexcept { return "sqlite"; }

StoreBackend parse_store_backend(std::string_view text) {
    return detail::parse_enum(text, kBackends, "store backend");
}

namespace detail {

Backend& backend(Store& store) { return *store.backend_; }
const Backend& backend(const Store& store) { return *store.backend_; }

void in_transaction(Store& store, std::string_view what, const std::function<void()>& fn) {
    backend(store).transaction(what, fn);
}

void in_savepoint(Store& store, std::string_view what, const std::function<void()>& fn) {
    backend(store).savepoint(what, fn);
}

const std::string& store_path(const Store& store) noexcept { return store.path(); }
const std::string& store_actor(const Store& store) noexcept { return store.actor(); }

PlanRepository& plan_repository(Store& store) { return backend(store).plans(); }
const PlanRepository& plan_repository(const Store& store) { return backend(store).plans(); }
WorkforceRepository& workforce_repository(Store& store) { return backend(store).workforce(); }
const WorkforceRepository& workforce_repository(const Store& store) { return backend(store).workforce(); }
CaseworkRepository& casework_repository(Store& store) { return backend(store).casework(); }
const CaseworkRepository& casework_repository(const Store& store) { return backend(store).casework(); }
AcknowledgementRepository& acknowledgement_repository(Store& store) { return backend(store).acknowledgements(); }
ComplianceRepository& compliance_repository(Store& store) { return backend(store).compliance(); }
const ComplianceRepository& compliance_repository(const Store& store) { return backend(store).compliance(); }
const AcknowledgementRepository& acknowledgement_repository(const Store& store) {
    return backend(store).acknowledgements();
}
AttendanceRepository& attendance_repository(Store& store) { return backend(store).attendance(); }
const AttendanceRepository& attendance_repository(const Store& store) { return backend(store).attendance(); }
ComplaintRepository& complaint_repository(Store& store) { return backend(store).complaints(); }
const ComplaintRepository& complaint_repository(const Store& store) { return backend(store).complaints(); }
IndicatorRepository& indicator_repository(Store& store) { return backend(store).indicators(); }
const IndicatorRepository& indicator_repository(const Store& store) { return backend(store).indicators(); }
AuditRepository& audit_repository(Store& store) { return backend(store).audits(); }
const AuditRepository& audit_repository(const Store& store) { return backend(store).audits(); }
SupervisionRepository& supervision_repository(Store& store) { return backend(store).supervisions(); }
const SupervisionRepository& supervision_repository(const Store& store) { return backend(store).supervisions(); }

}  // namespace detail

Store::Store(StoreOptions options, std::unique_ptr<detail::Backend> backend) noexcept
    : options_(std::move(options)), backend_(std::move(backend)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::open(const StoreOptions& options) {
    check_options(options);
    return Store(options, detail::open_sqlite(options));
}

Store Store::open(const std::string& location) {
    StoreOptions o;
    o.location = location;
    return open(o);
}

Store Store::open_in_memory() { return open(":memory:"); }

const StoreOptions& Store::options() const noexcept { return options_; }
const std::string& Store::path() const noexcept { return options_.location; }

int Store::schema_version() const { return backend_->schema_version(); }
int Store::latest_schema_version() noexcept { return detail::sqlite_latest_schema_version(); }

void Store::set_actor(std::string who) {
    if (who.empty()) throw Error(Status::invalid_arg, "actor name is empty");
    if (std::size_t bad = detail::utf8_error_offset(who); bad != std::string::npos)
        throw Error(Status::invalid_arg, "actor name: invalid UTF-8 at byte " + std::to_string(bad + 1));
    // Recorded verbatim (not trimmed), but a name: not blank, no control
    // character, at most 256 bytes.
    detail::checked_name(who, "actor name", detail::kMaxNameBytes);
    backend_->set_actor(std::move(who));
}

const std::string& Store::actor() const noexcept { return backend_->actor(); }

std::vector<Change> Store::history(const HistoryFilter& filter) const {
    if (filter.entity) detail::check_change_entity(*filter.entity, "history");
    return backend_->history(filter);
}

}  // namespace oversight
