// The CIN Census (the DfE children in need return, XML) read into casework:
// children, and their referrals, assessments, section 47 enquiries, child
// protection conferences, plans and reviews as events and case attributes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <oversight/casework/child.hpp>
#include <oversight/core/date.hpp>
#include <oversight/import/import_issue.hpp>
#include <oversight/rules/schedule.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

/// The code lists of the return that the reader checks. Source: the
/// enumerations (codes and their xs:documentation) of the DfE CIN Census XML
/// schema 2022, CIN_schema_2022.xsd (as published with
/// SocialFinanceDigitalLabs/liia-tools, liiatools/spec/cin_census/):
///   referral_source     referralsourcetype     1A..1D, 2A, 2B, 3A..3F, 4,
///                                              5A..5C, 6, 7, 8, 9, 10
///   primary_need        primaryneedcodetype    N0..N9 (N0: not stated)
///   reason_for_closure  reasonforclosuretype   RC1..RC8
///   category_of_abuse   categoryofabuse        NEG, PHY, SAB, EMO, MUL
///   assessment_factor   assessmentfactorstype  1A..24A (42 codes; no 8A)
/// Codes match exactly (case and all); "n4" is not "N4".
enum class CinCodeList { referral_source, primary_need, reason_for_closure, category_of_abuse, assessment_factor };

struct CinCode {
    std::string_view code;     // "N4"
    std::string_view meaning;  // "Family in acute stress", as the schema documents it
};
/// The codes of a list, in the schema's order.
const std::vector<CinCode>& cin_census_codes(CinCodeList list);

/// One event read from the return, with its identity and its place.
struct CinCensusEvent {
    std::string child_id;  // LAchildID
    CaseEvent event;
    /// A stable identity for idempotent imports: "<LAchildID>/<type>/<date>"
    /// ("DfEX0000001/icpc/2021-06-17"). The return has no ids of its own, and
    /// element paths (Child[12]) move from one year's return to the next,
    /// so the key is natural: a child has one event of a type on a day. The
    /// same key met twice in a return is one event (see read_cin_census).
    std::string external_id;
    std::string file;  // where its date came from
    std::int64_t line = 0;
    std::string path;
};

/// A case attribute read from the return. Its identity is (child_id, key,
/// effective_from): the store keeps one value per key and date, so
/// importing the same return again changes nothing. The reader keeps one
/// too: for the states (cin_episode, cin_assessment, cin_plan) two values on
/// one day are an end and a new start, and "open" stands; for a code the
/// later value replaces the earlier, with a warning.
struct CinCensusAttribute {
    std::string child_id;
    std::string key;
    std::string value;
    Date effective_from;
    std::string file;  // where its value came from
    std::int64_t line = 0;
    std::string path;
};

/// What a CIN Census return holds, as casework (see read_cin_census).
struct CinCensusData {
    std::vector<Child> children;  // in file order, each LAchildID once
    std::vector<CinCensusEvent> events;  // in the return's order, each external_id once
    std::vector<CinCensusAttribute> attributes;  // in file order
    std::optional<Date> reference_date;  // Header/CollectionDetails/ReferenceDate (the period's end)
    /// importer "cin-census", source the path as given (empty from memory).
    /// Counts, always present: children, cin_details, assessments,
    /// cin_plans, section47s, cp_plans, cp_reviews (elements read);
    /// children_used, events, attributes (what came of them);
    /// events_merged (an event met again under the same external_id);
    /// unknown_elements (not in the schema, not read). Issues, in document
    /// order, each with file, line and element path: errors for what was not
    /// used, warnings for what was used with a doubt or is not in the schema,
    /// notes for merged events.
    ImportSummary summary;
};

/// Reads a CIN Census XML return (schema 2022, read by local names, so a
/// namespace prefix does not matter). Mapping, each from the element named:
///
///   Child
///     ChildIdentifiers/LAchildID        Child::id (trimmed); missing, empty
///                                       (DfE rule 8500), repaired (bad
///                                       UTF-8), over 100 bytes or holding a
///                                       control character: the Child is not
///                                       used (an error); given twice: read
///                                       as one child (warning, rule 8510)
///     ChildIdentifiers/PersonBirthDate  Child::date_of_birth
///   CINdetails (one CIN episode)
///     CINreferralDate                   event referral, with the event
///                                       attributes referral_source,
///                                       primary_need and nfa ("true" when
///                                       ReferralNFA is true/TRUE/1);
///                                       attribute cin_episode = "open"
///     ReferralSource                    attribute referral_source (code), from
///                                       CINreferralDate
///     PrimaryNeedCode                   attribute primary_need (code), from
///                                       CINreferralDate
///     CINclosureDate                    attribute cin_episode = "closed"
///     ReasonForClosure                  attribute reason_for_closure (code),
///                                       from CINclosureDate
///     DateOfInitialCPC                  event icpc
///   Assessments
///     AssessmentActualStartDate         attribute cin_assessment = "open"
///     AssessmentAuthorisationDate       event assessment_completed (event
///                                       attributes started, internal_review,
///                                       factors); attribute cin_assessment =
///                                       "completed"
///     FactorsIdentifiedAtAssessment/AssessmentFactors
///                                       attribute assessment_factors: the
///                                       known codes in file order, joined by
///                                       ",", from the authorisation date (the
///                                       start date while not authorised)
///   CINPlanDates
///     CINPlanStartDate, CINPlanEndDate  attribute cin_plan = "open", "closed"
///   Section47
///     S47ActualStartDate                event s47_strategy_discussion (the DfE
///                                       field is the date of the strategy
///                                       discussion that started the enquiry),
///                                       event attributes icpc_target
///                                       (InitialCPCtarget, which may lie
///                                       after the period) and
///                                       icpc_not_required ("true")
///     DateOfInitialCPC                  event icpc
///   ChildProtectionPlans
///     CPPstartDate                      event icpc (DfE: the date of the
///                                       initial or transfer-in conference that
///                                       made the plan; rule 2885), event
///                                       attributes cp_plan = "start",
///                                       category_of_abuse, previous_plans
///                                       (NumberOfPreviousCPP); attribute
///                                       category_of_abuse (InitialCategoryOfAbuse)
///     CPPendDate                        event cp_plan_ended
///     LatestCategoryOfAbuse             attribute category_of_abuse from the
///                                       last CPPreviewDate, when it differs
///                                       from the initial category (without a
///                                       review: a warning, not used)
///     Reviews/CPPreviewDate             event cp_review
///
/// Not mapped, as casework has no event type for them: the date of the
/// decision on a referral (the return has none, so no referral_decision),
/// the end of a section 47 enquiry without a conference (ICPCnotRequired has
/// no date, so no cp_enquiry_closed), the start of an assessment, the start
/// and end of a CIN plan and the closure of an episode (states instead), and
/// AssessmentInternalReviewDate (an event attribute of a completed
/// assessment only). A state with an open and a closed value on the same
/// day (a referral closed the day it came) sets only the closed one. The
/// Header gives the ReferenceDate (Header/CollectionDetails) and must not
/// name another Collection. Not read (personal data that casework does not
/// keep), though checked for unknown elements: UPN, FormerUPN, UPNunknown,
/// ExpectedPersonBirthDate, GenderCurrent, PersonDeathDate, Ethnicity,
/// Disabilities, and the Header's Source.
///
/// Events with the same external_id are one: the first met is kept, with
/// its place, and the event attributes of the others are added where it has
/// none (a warning where they differ). A plan's start on the day of its
/// conference is that conference, without an issue; other repeats are a
/// note, or a warning for DfE rule 2884 (a conference recorded both in the
/// CINdetails and in its Section47). Checks, each an issue naming the
/// element (file, line, path):
///   - an element the schema does not have there (a warning, not read;
///     "did you mean" the nearest name), a single element given twice
///     (an error, the second not read);
///   - codes: an unknown code is a warning and the value is not used;
///   - dates (xs:date, YYYY-MM-DD, a time zone after it ignored): malformed
///     or impossible, before 1900, after today or after the ReferenceDate
///     (but for InitialCPCtarget): an error, not used;
///   - an end before its start (CINclosureDate before CINreferralDate, DfE
///     rule 8630; authorisation before start, 8608; CIN plan, 4011; CP plan,
///     8925; ICPC before the S47 start, 8615; a review on or before the
///     plan start, 8841): an error, the end not used;
///   - doubts, used with a warning: activity before the referral (1103,
///     2889, 1104, 1105, 4015) or after the closure (8565), a closure
///     without a reason (8805), a plan that starts and ends on one day
///     (8840; 4012Q for a CIN plan), a repeated assessment factor (8898), a
///     CP plan start that is no conference of the episode (2885),
///     a child without CINdetails (8590); a reason for closure without a
///     closure date (8810) is an error, not used.
/// Rule numbers: the DfE CIN census validation rules 2022-23 (as implemented
/// in data-to-insight/csc-validator-be-cin).
///
/// Error(io) if the file cannot be read. Error(parse) naming the place for
/// text that is not well-formed XML, holds a NUL byte, is UTF-16/UTF-32, has
/// a DOCTYPE (see XmlDocument), a root other than <Message>, a Collection
/// other than CIN, or no <Children>. Bytes that are not UTF-8 are replaced
/// by U+FFFD with a warning on their line; an LAchildID so repaired is not
/// used, a code so repaired is unknown.
CinCensusData read_cin_census(const std::string& path);

/// The same from text held in memory; `name` stands for the file in issues
/// and errors, and the summary's source is empty.
CinCensusData read_cin_census(std::string text, const std::string& name);

/// read_cin_census() then stores the return in one transaction: its
/// children (save_child), attributes (set_attribute, keyed by child, key and
/// date) and events (save_event, source "cin-census:<file name>", external
/// id "cin:" + CinCensusEvent::external_id, so a corrected return imported
/// again updates its events in place and the same return changes nothing).
/// Two events the return implies are added (as for Annex A; the reasons are
/// in import/return_format.hpp): a referral_decision {decision: "nfa"} on
/// the date of a referral whose ReferralNFA is true, and a cp_enquiry_closed
/// {reason: "icpc_not_required"} on the day after a Section47 whose
/// ICPCnotRequired is true when no ICPC of the child follows it. CIN plans
/// stay states (attribute cin_plan), as the reader gives them: no event type
/// or rule reads their start or end. Returns the reader's summary with the
/// counts children_added, children_updated, events_added, events_updated,
/// events_already_present, attributes_set and events_derived added; a
/// record the store refuses (e.g. an event of a child that was not used) is
/// an error issue at its element, and the rest is stored. Errors as
/// read_cin_census; Error(db) from the store leaves it unchanged.
ImportSummary import_cin_census(Store& store, const std::string& path,
                                std::string_view recorded_by = "cin census import");

}  // namespace oversight
