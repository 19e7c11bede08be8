// Ofsted's Annex A workbook (the child-level lists a local authority hands
// inspectors under the ILACS framework) read into casework: children, case
// events, attributes and allocations to a team and worker, so that a council
// with nothing but Annex A gets allocations and reminders. Reading only;
// nothing is stored here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <oversight/casework/child.hpp>
#include <oversight/core/date.hpp>
#include <oversight/import/import_issue.hpp>
#include <oversight/import/xlsx_reader.hpp>
#include <oversight/rules/schedule.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

/// Where a value came from: the list (1..11), the sheet's name as the
/// workbook spells it, the 1-based row and the cell ("List 3!F7").
struct AnnexAPlace {
    int list = 0;
    std::string sheet;
    std::int64_t row = 0;
    std::string cell;
};

/// One case event, at the cell of its date.
struct AnnexAEvent {
    std::string child_id;
    CaseEvent event;
    AnnexAPlace place;
};

/// A case attribute from a list. effective_from is nullopt only for List 9
/// (care leavers), which carries no date: an import dates it as it chooses.
struct AnnexAAttribute {
    std::string child_id;
    std::string key;
    std::string value;
    std::optional<Date> effective_from;
    AnnexAPlace place;
};

/// The allocated team and worker of a row. Annex A gives who is allocated
/// now, not since when: `from` is the row's own date (the referral, the
/// start of the assessment, enquiry, plan or period of care), the earliest
/// day the allocation can be read as holding; nullopt for List 9.
struct AnnexAAllocation {
    std::string child_id;
    std::string team;    // may be empty
    std::string worker;  // a person's name, not empty
    std::optional<Date> from;
    AnnexAPlace place;   // the worker's cell
};

/// What an Annex A workbook holds, as casework (see read_annex_a).
struct AnnexAData {
    /// Every child of lists 1..10, in order of first appearance; the date of
    /// birth is the first one given.
    std::vector<Child> children;
    std::vector<AnnexAEvent> events;  // one per (child, type, date), first place kept
    /// One per (child, key, date): of rows setting the same one (two rows
    /// of a child starting the same day) the last row's value and place,
    /// with a warning at it naming the other's cell when the values differ.
    std::vector<AnnexAAttribute> attributes;
    std::vector<AnnexAAllocation> allocations;  // in workbook order
    /// importer "annex-a", source the path ("" in memory); counts
    /// list_1_rows .. list_11_rows (rows with something in them, under the
    /// header), children, events, allocations; issues in workbook order, the
    /// XLSX reader's own included, each naming file and sheet!cell with its
    /// column heading (or the sheet, for a whole sheet).
    ImportSummary summary;
};

/// Reads Ofsted's Annex A (2023 ILACS template, as in liia-tools'
/// sample): sheets "List 1" .. "List 11" (names matched ignoring case and
/// spaces, a suffix allowed: "List 3 - Referrals"). In each sheet the header
/// row is the first of its first 20 rows holding "Child Unique ID" (List 11:
/// "Individual adopter identifier"); columns are found by their heading,
/// ignoring case, spacing and punctuation ("Referral NFA?" = "referral
/// nfa"), wherever they are. A list's required columns missing: an error
/// naming the sheet, and the sheet is not read; its optional columns
/// missing: a note naming them. A sheet missing from the workbook: a note.
///
/// The lists (Ofsted, "Inspecting local authority children's services",
/// Annex A; the headings are the workbook's own; codes as SSDA903 and the
/// CIN census write them) and what each gives:
///   1 contacts       Date of Contact*: the child only (the event vocabulary
///                    has no contact; casework/event.hpp)
///   2 early help     Assessment start date*: the child only
///   3 referrals      Date of Referral*: referral {source, nfa}
///   4 assessments    Continuous Assessment Start Date*; Continuous
///                    Assessment Date of Authorisation: assessment_completed
///                    {child_seen, outcome}
///   5 section 47     Strategy discussion initiating Section 47 Enquiry
///                    Start Date*: s47_strategy_discussion {icpc_unnecessary};
///                    Date of Initial Child Protection Conference: icpc
///   6 children in need  CIN Start Date*: attributes primary_need (the code,
///                    "N1"), cin_case_status, from that date
///   7 CP plans       Child Protection Plan Start Date*: icpc (the plan
///                    starts at the conference that decides it); Date of the
///                    Last Statutory Visit: visit; Date of latest review
///                    conference: cp_review; Child Protection Plan End Date:
///                    cp_plan_ended; attribute cp_category (latest) from the start
///   8 looked after   Date Started to be Looked After*: became_looked_after;
///                    Start Date of Most Recent Placement: placement_start
///                    {placement_type} and attribute placement_type ("U6");
///                    Child's Legal Status ("C2") from Start date of current
///                    legal status (else the start of care): attribute
///                    legal_status; Date of Latest Statutory Review: review;
///                    Date of Last Social Work Visit: visit; Date of Last
///                    Health Assessment: health_assessment; Date Ceased to be
///                    Looked After: ceased_looked_after {reason: "E47"}
///   9 care leavers   attributes leaving_care_eligibility, accommodation
///                    ("Y"), accommodation_suitable, activity ("F1"), undated
///  10 adoption       the child only
///  11 adopters       rows counted; adopters are not children
/// (* required, with Child Unique ID; lists 3..9 also read Allocated Team
/// and Allocated Worker, optional, and every list Date of Birth.)
/// Coded cells are read without Ofsted's "a) " list letter; a code is the
/// text before ": " (placement, legal status, reason ceased, accommodation,
/// activity) or " - " (primary need); a cell with no code is kept whole,
/// with a warning. Yes/no cells become "yes"/"no".
///
/// Identity for a later, idempotent import: a child by Child Unique ID; an
/// event by (child, type, date) (so the ICPC in List 5 and the plan it
/// started in List 7 are one event); an attribute by (child, key, date); an
/// allocation by (child, worker, from). Row numbers are for messages only.
///
/// Cells: a date is a date cell, an Excel serial number, or text
/// DD/MM/YYYY or YYYY-MM-DD, in 1900..2199. A row without Child Unique ID,
/// or whose required date is empty, not a date or after today, is an error
/// and not used;
/// any other bad value is an error at its cell and that value is not used
/// (an Excel error such as #N/A: no allocation). An event after today is not
/// recorded (error); before the child's date of birth it is an error in
/// List 8 and a warning elsewhere (pre-birth referrals and plans exist); an
/// end before its start (ceased, plan ended) is not used. A date of birth
/// that differs from the one first given is a warning. Names are trimmed,
/// runs of white space (no-break spaces too) folded to one space.
/// A sheet the XLSX reader cannot read (a damaged part, text that is not
/// UTF-8, a limit exceeded) is an error naming the sheet, and the other
/// sheets are still read; the reader's cell issues are passed on.
/// Error(io) if the file cannot be read; Error(parse) naming the file for a
/// file that is not an XLSX workbook (see XlsxWorkbook) or has no Annex A
/// list at all.
AnnexAData read_annex_a(const std::string& path);

/// An Annex A workbook held in memory.
struct AnnexAWorkbook {
    std::string name = "Annex_A.xlsx";  // used in issues and errors
    std::string bytes;                  // the .xlsx file
    XlsxOptions limits;                 // the XLSX reader's limits (its `file` is replaced by `name`)
};
/// The same from memory; the summary's source is empty.
AnnexAData read_annex_a(const AnnexAWorkbook& workbook);

/// read_annex_a() then stores the workbook in one transaction, so that a
/// council with nothing but Annex A gets allocations and reminders:
///   - children (save_child), dated attributes (set_attribute, keyed by
///     child, key and date), events (save_event, source "annex-a:<file
///     name>", external id "annex-a:<child>/<type>/<date>", so a corrected
///     workbook imported again updates its events in place), and the events
///     the lists imply (see import/return_format.hpp: referral_decision for
///     a referral with NFA "yes", cp_enquiry_closed after a section 47
///     enquiry whose conference was deemed unnecessary and that no ICPC
///     follows);
///   - List 9's undated attributes: set from the day of the import, unless
///     the value in force that day is already the same (so a second import
///     changes nothing);
///   - teams and workers: a team not in the directory is added (no manager
///     or email); a worker not in it is added (save_worker: a social worker
///     in the row's team from before records, or a person without an
///     appointment when the row has no team). A worker already in the
///     directory is left as they are: when their team on the allocation's
///     date is not the row's, a warning says so once per worker and team
///     (the directory, not the workbook, decides a case's team);
///   - allocations: each child's rows in order of their date (the referral,
///     assessment, enquiry, plan or period of care began); of rows with the
///     same date the last in the workbook stands (a note names the others
///     when their worker differs: allocate() would make the second a
///     correction of the first); consecutive rows with the same worker read
///     as one allocation; each is stored with
///     allocate() from that date unless the child already has an allocation
///     to that worker from that date. Annex A says who holds the case now,
///     so the latest-dated row's worker is the current one. A row the store
///     cannot take (its date before the child's current allocation began,
///     when that allocation is not from this workbook) is an error at the
///     worker's cell. List 9's undated allocations: from the day of the
///     import, unless the child is already allocated to that worker;
///   - contacts (List 1) and early help (List 2): the child only, as the
///     reader gives them (the event vocabulary has no contact and no rule
///     counts from one).
/// Returns the reader's summary with the counts children_added,
/// children_updated, events_added, events_updated, events_already_present,
/// attributes_set, events_derived, teams_added, workers_added,
/// allocations_added, allocations_updated (a same-day allocation to another
/// worker corrected) and allocations_already_present added; a record the
/// store refuses is an error issue at its sheet and cell. Importing the same
/// workbook again changes nothing. Errors as read_annex_a; Error(db) from
/// the store leaves it unchanged.
ImportSummary import_annex_a(Store& store, const std::string& path, std::string_view recorded_by = "annex a import");

}  // namespace oversight
