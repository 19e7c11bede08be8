// The children's social work workforce census (CSWW, the DfE's annual
// statutory return of children and family social workers, year to 30
// September) read into the workforce model: one person per social worker,
// one appointment per worker record. Reading only; nothing is stored here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <oversight/core/date.hpp>
#include <oversight/import/import_issue.hpp>
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/person.hpp>
#include <oversight/workforce/role.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

/// What the return says about itself and the authority (Header and
/// LALevelVacancies); absent or unreadable values are empty.
struct CswwReturn {
    std::optional<std::int64_t> year;           // Header/CollectionDetails/Year
    std::optional<Date> reference_date;         // .../ReferenceDate, normally 30 September
    std::string la_code;                        // Header/Source/LEA: the DfE three-digit LA number
    std::optional<double> vacancies_fte;        // LALevelVacancies/NumberOfVacancies
    std::optional<double> agency_fte;           // .../NoAgencyFTE
    std::optional<std::int64_t> agency_headcount;  // .../NoAgencyHeadcount
};

/// One CSWWWorker record, as read. Codes are the return's own ("5"), kept
/// even when unknown (with a warning); a value that could not be read is
/// empty (with an error issue).
struct CswwWorker {
    /// SWENo, the worker's Social Work England registration number: the
    /// stable identity of the person across returns and imports.
    std::string swe_number;
    bool agency = false;                 // AgencyWorker 1
    std::optional<double> fte;           // FTE, 0..1
    std::optional<double> fte30;         // FTE30, 0..1
    std::string org_role;                // OrgRole code, "" when absent
    std::optional<Date> role_start;      // RoleStartDate
    std::optional<Date> role_end;        // RoleEndDate
    std::string start_origin;            // StartOrigin code
    std::string leaver_destination;      // LeaverDestination code
    std::string reason_leave;            // ReasonLeave code
    std::optional<std::int64_t> cases30; // Cases30, not negative
    std::vector<std::string> cfkss;      // CFKSSstatus codes, in order
    /// Every other element of the record, name and text in document order
    /// (PersonBirthDate, GenderCurrent, Ethnicity, QualInst, QualLevel,
    /// StepUpGrad, WorkingDaysLost, ContractWeeks, FrontlineGrad,
    /// Absat30Sept, ReasonAbsence, and elements the schema lacks), so that
    /// nothing read is lost; values that failed their check are left out.
    std::vector<std::pair<std::string, std::string>> other;

    /// The record as an appointment: person = swe_number, role from
    /// OrgRole (table below), no team or line manager (the census has
    /// neither), from = RoleStartDate (nullopt: since before records),
    /// until = RoleEndDate (the day the worker left the role; the model's
    /// end is exclusive), or the day after RoleStartDate when both are the
    /// same day. Its identity is (swe_number, role_start).
    Appointment appointment;

    std::string file;        // the input's name
    std::int64_t line = 0;   // the CSWWWorker start tag
    std::string path;        // "/Message/CSWWWorker[3]"
};

/// What a CSWW return holds, as workforce (see read_csww).
struct CswwData {
    CswwReturn about;
    /// One per distinct SWENo, in order of first record: name = SWENo (the
    /// census carries no names; a later import matches people by it),
    /// job_title = the OrgRole label below ("" without one), agency =
    /// "agency" for an agency worker (the census does not name the agency),
    /// "" for the council's own staff. id is 0 (not stored).
    std::vector<Person> people;
    std::vector<CswwWorker> workers;  // records used, in document order
    /// importer "csww", source the path ("" in memory); counts workers
    /// (CSWWWorker elements met), people, agency_workers, leavers (records
    /// with a RoleEndDate used); issues in document order: the reader's
    /// repairs (invalid UTF-8 replaced by U+FFFD), then errors (a value or
    /// record not used), warnings (used with a doubt) and notes (a required
    /// element the reader does not need is missing; a SWENo met again), each
    /// with file, line and element path.
    ImportSummary summary;
};

/// Reads a CSWW return (the DfE XML; XSD social_work_workforce_2022.xsd,
/// root Message: Header, LALevelVacancies, CSWWWorker+).
///
/// Each value is checked against the XSD's type: codes against its
/// enumerations (an unknown code is a warning at the element, and kept),
/// dates YYYY-MM-DD in 1900..2199, FTE and FTE30 decimals in 0..1, Cases30
/// and NoAgencyHeadcount whole numbers, WorkingDaysLost, ContractWeeks and
/// the vacancy FTEs decimals, none negative (more decimal places than the
/// XSD's 6 for FTE, 2, or 1 for ContractWeeks are a warning),
/// SWENo two letters and ten digits (otherwise a warning: it is still the
/// identity). A value that fails is an error issue and is not used; an
/// element given twice where the XSD allows one is an error (the first is
/// used). A record without SWENo, or whose SWENo is not valid UTF-8, is an
/// error and not used. A SWENo met again is another record of the same
/// person (another role in the year): both records are kept, with a note,
/// and the person is listed once.
/// RoleEndDate before RoleStartDate (error: the end is not used), role
/// dates before PersonBirthDate (error: not used), role dates after the
/// census ReferenceDate (warning), LeaverDestination or ReasonLeave without
/// RoleEndDate (warning) are reported; elements outside the schema are
/// warnings (kept in `other` inside a record, not read elsewhere).
///
/// Role from OrgRole (XSD roletype enumeration, labels as the XSD
/// documents them, its "Practicioner" spelt right):
///   1 Senior Manager          -> Role::manager
///   2 Middle Manager          -> Role::manager
///   3 First Line Manager      -> Role::team_manager
///   4 Senior Practitioner     -> Role::senior_practitioner
///   5 Case Holder             -> Role::social_worker
///   6 Qualified Without Cases -> Role::social_worker
///   absent or unknown         -> Role::other
/// CFKSSstatus (1 ASYE, 2 frontline practitioner, 3 practice supervisor,
/// 4 practice leader: the knowledge and skills statement levels) is kept in
/// `cfkss` and does not change the role.
/// The other code lists checked are the XSD's agencyworkertype, gendertype,
/// ethnicitytype, qualtype, yesnotype, origintype, leavertype, reasontype,
/// absencetype and cfksstype.
///
/// Invalid UTF-8 is replaced by U+FFFD with a warning. Error(io) if the file
/// cannot be read; Error(parse) naming file and line when the text is not
/// well-formed XML (a NUL byte, UTF-16, a truncated document: see
/// XmlDocument), the root is not Message, or Header/CollectionDetails/
/// Collection names another collection than CSWW.
CswwData read_csww(const std::string& path);

/// A CSWW return held in memory.
struct CswwFile {
    std::string name = "csww.xml";  // used in issues and errors
    std::string text;
};
/// The same from memory; the summary's source is empty.
CswwData read_csww(const CswwFile& file);

/// read_csww() then stores the return in one transaction, into the
/// workforce model: each person (keyed by name, the SWENo) is added, or
/// has their job title and agency set to the return's; each record's
/// appointment is keyed by (SWENo, RoleStartDate): added (appoint()), or the
/// stored one with that start takes the record's role and, when the record
/// has one, its end (a record without RoleEndDate does not reopen an
/// appointment ended since). A person's records are stored in order of
/// start, so a later role ends the one before as appoint() does. Importing
/// the same return again changes nothing. Returns the reader's summary with
/// the counts people_added, people_updated, appointments_added,
/// appointments_updated added; a record the store refuses (an appointment
/// that would overlap another of the person) is an error issue at its
/// CSWWWorker element. The history's actor is the store's. Errors as
/// read_csww; Error(db) from the store leaves it unchanged.
ImportSummary import_csww(Store& store, const std::string& path);

/// The label of an OrgRole code ("Case Holder"), "" for an unknown code.
std::string csww_org_role_label(const std::string& code);
/// The Role of an OrgRole code, by the table above (Role::other when unknown).
Role csww_org_role(const std::string& code);

}  // namespace oversight
