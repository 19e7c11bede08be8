// Private to lib/store/sqlite: the SQLite implementation of each
// subsystem's repository port, one file each, over one connection.
#pragma once

#include "store/sqlite/connection.hpp"

#include <oversight/plan/plan.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace oversight::detail {

class AcknowledgementRepository;
class AttendanceRepository;
class AuditRepository;
class ComplianceRepository;
class ComplaintRepository;
class IndicatorRepository;
class CaseworkRepository;
class PlanRepository;
class SupervisionRepository;
class WorkforceRepository;

namespace sqlite {

std::unique_ptr<PlanRepository> make_plan_repository(Connection& c);            // plan_repository.cpp
std::unique_ptr<WorkforceRepository> make_workforce_repository(Connection& c);  // workforce_repository.cpp
std::unique_ptr<CaseworkRepository> make_casework_repository(Connection& c);    // casework_repository.cpp
std::unique_ptr<AcknowledgementRepository> make_acknowledgement_repository(Connection& c);
std::unique_ptr<AttendanceRepository> make_attendance_repository(Connection& c);  // attendance_repository.cpp
std::unique_ptr<ComplaintRepository> make_complaint_repository(Connection& c);    // complaint_repository.cpp
std::unique_ptr<AuditRepository> make_audit_repository(Connection& c);            // audit_repository.cpp
std::unique_ptr<SupervisionRepository> make_supervision_repository(Connection& c);  // supervision_repository.cpp
std::unique_ptr<IndicatorRepository> make_indicator_repository(Connection& c);      // indicator_repository.cpp
std::unique_ptr<ComplianceRepository> make_compliance_repository(Connection& c);    // compliance_repository.cpp

/// The plan's indicators with their values (plan_repository's load reads
/// them with the plan; indicator_repository.cpp).
std::vector<Indicator> load_indicators(const Connection& c, std::int64_t plan_id);
/// Action id -> the keys of its success measures, in link order.
std::map<std::int64_t, std::vector<std::string>> load_success_measures(const Connection& c, std::int64_t plan_id);
/// Inserts an indicator (with its values) of the plan, with its history; returns its id.
std::int64_t insert_indicator(Connection& c, std::int64_t plan_id, const Indicator& indicator);
/// Links an action to an indicator, with its history row.
void insert_action_indicator(Connection& c, std::int64_t action_id, std::int64_t indicator_id, const std::string& summary);

}  // namespace sqlite
}  // namespace oversight::detail
