// Private to lib/store/sqlite: the SQLite implementation of each
// subsystem's repository port, one file each, over one connection.
#pragma once

#include "store/sqlite/connection.hpp"

#include <memory>

namespace oversight::detail {

class AcknowledgementRepository;
class AttendanceRepository;
class AuditRepository;
class ComplaintRepository;
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

}  // namespace sqlite
}  // namespace oversight::detail
