// The schedules the rules give a child's case: every obligation (met,
// open, or ended unmet) with its due date and an explanation, counted from
// actual events, never from previous due dates.
//
// The hard cases, each tested in tests/cpp/rules/schedule_hard_cases_test.cpp:
//  - An interval that straddles a placement's first anniversary: the SAFE
//    reading. A gap that begins in the first year is a first-year interval
//    (CPPCR 2010 reg 28(2)(b), "at intervals of not more than six weeks for
//    the first year") even when it ends after the anniversary: the shorter
//    interval applies until the anniversary, and the longer after-first-year
//    interval (reg 28(2)(c)) only to gaps that begin on or after it. The same
//    holds at any rule's active_until and in_force_to: a window's end, or the
//    law's repeal, stops new gaps, not one already running.
//  - Long-term foster placements (reg 28(2)(c) as amended by SI 2015/495):
//    6-monthly after the first year only while the child agrees (attribute
//    child_agrees_less_frequent_visits = yes, from its own date), otherwise
//    3-monthly; the law in force on the date a gap begins applies, so a
//    placement made before 1 April 2015 moves to the amended rule then.
//  - A care order for a child living with a parent (reg 28(5)): the clock
//    starts at a care_order event, or, when the case system or a return only
//    records the legal status (legal_status becoming C2 or care_order on a
//    date: an SSDA903 episode with RNE L), at a care_order inferred on that
//    date (unless a care_order or placement_start event is recorded that
//    day: a placement with a parent under the order counts from the
//    placement, lac.visit.care_order_at_home.placement.first); a care_order
//    event that gives no legal_status makes it care_order from its date.
//  - The initial child protection conference counts from the first strategy
//    discussion of the enquiry (rule key anchor = "first").
//  - Short breaks (reg 48, legal status V3/V4): their own visit and review
//    rules; the ordinary ones do not apply.
//  - Permanence in a return: placed for adoption (A3-A6) is the permanent
//    regime, long-term fostering (U1/U4) the long-term foster one. UNCONFIRMED
//    for A3-A6: a child placed for adoption may instead be visited under the
//    Adoption Agencies Regulations 2005 reg 36 (weekly until the first
//    review); the domain notes do not settle it, so a local pack may
//    override the regime (visit_regime attribute).
//
// Each next due date of an "interval" chain is counted from the actual
// previous event, never from the previous due date: a late event is "met
// late" and restarts the clock. A new placement resets the visit chains; a
// permanent placement switches regime at its first anniversary; case
// attributes (legal status, placement type, permanence) apply from their own
// effective dates, never backwards; on one day, events that start a clock
// come before the events that meet it. "Termly" means by the last day of the
// next term (duration.hpp). Every due date can explain itself: rule, source,
// layer, trigger, unit, the day-0 convention, and the weekends, bank holidays
// (by name) and closures skipped.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <oversight/calendar/calendar.hpp>
#include <oversight/calendar/duration.hpp>
#include <oversight/core/date.hpp>
#include <oversight/rules/rule.hpp>
#include <oversight/rules/rule_pack.hpp>

namespace oversight {

/// The statutory visiting regime (CPPCR 2010 reg 28) for a child's attributes:
/// the `visit_regime` attribute if set, otherwise derived from placement_type,
/// legal_status, permanence, child_agrees_less_frequent_visits and
/// parent_assessment: "default", "permanent", "long_term_foster",
/// "long_term_foster_agreed" (long_term_foster, by attribute or derived, with
/// child_agrees_less_frequent_visits = yes), "placed_with_parent_pre_assessment",
/// "connected_person_temporary", "care_order_at_home", "other_arrangements"
/// or "short_breaks" (legal status V3/V4 or short_breaks, or placement_type
/// short_breaks: reg 48, before any placement rule).
///
/// placement_type and legal_status may be our words or SSDA903 codes (the
/// import stores the codes). Sources: DfE "Children looked after return
/// (SSDA903) guide" PLACE and LS code lists, as used by the validation rule
/// catalogue 903_2024_25_rule_info.csv (data-to-insight/csc-validator-be-903).
///   PLACE  P1  placed with own parent(s) or others with parental
///              responsibility                        -> placed_with_parent
///          U1  foster, relative/friend, long-term fostering  -> long_term_foster
///          U4  foster, other carer, long-term fostering      -> long_term_foster
///          R2  NHS/health trust or other medical/nursing care -> other_arrangements
///          R5  young offender institution or prison           -> other_arrangements
///          A3-A6 placed for adoption (intended to last until the child is
///              18, reg 28(2)(c)(i))                        -> permanent
///          all others (H5, K1, K2, P2, P3, R1, R3, S1, T0-T4, U2, U3,
///          U5, U6, Z1; older Q1/Q2 foster codes) -> no special regime
///          ("default", or "permanent" with permanence = permanent). A
///          connected-person placement (U2/U3, Q1) is reg 28(2) unless the
///          carer has only temporary approval (reg 24): record
///          placement_type = connected_person_temporary (or visit_regime) then.
///   LS     C1  interim care order  (= interim_care_order)
///          C2  full care order     (= care_order)
///          V3  agreed series of short-term breaks, individual episodes recorded
///          V4  agreed series of short-term breaks, agreements recorded
///                                       -> short_breaks
/// Special guardianship and adoption orders end care (SSDA903 REC E11, E12,
/// E45-E48): the chains end with ceased_looked_after, no regime is needed.
/// A child placed with a parent (placed_with_parent or P1) gets reg 28(4)
/// (connected_person_temporary) under an interim care order, reg 28(3)
/// (placed_with_parent_pre_assessment) while parent_assessment is
/// "incomplete", and otherwise reg 28(5) (care_order_at_home).
std::string visit_regime(const std::map<std::string, std::string>& attributes);

/// Something that happened on a case.
struct CaseEvent {
    std::string type;    // "became_looked_after", "placement_start", "visit", "review", ...
    Date date;
    std::map<std::string, std::string> attributes;  // e.g. placement_type, legal_status
    /// The case system's own id for the event, if it sent one (see
    /// casework/event.hpp); the schedule does not use it.
    std::optional<std::string> external_id{};
};
bool operator==(const CaseEvent& a, const CaseEvent& b);
inline bool operator!=(const CaseEvent& a, const CaseEvent& b) { return !(a == b); }

/// A case attribute value in force from a date (a stored case_attributes row).
struct AttributeChange {
    Date effective_from;
    std::string key;
    std::string value;
};
bool operator==(const AttributeChange& a, const AttributeChange& b);
inline bool operator!=(const AttributeChange& a, const AttributeChange& b) { return !(a == b); }

/// A child's case as the deadline engine needs it.
struct CaseRecord {
    std::string child_id;
    std::string worker;
    std::string team;
    /// The attributes in force on the day the record describes (for display:
    /// "current" legal_status, placement_type, ...). When a key also has
    /// dated changes in `attribute_changes`, schedule_case uses those instead.
    std::map<std::string, std::string> attributes;
    /// Dated attribute values (load_case: every stored row in force on or
    /// before as_of), in date order. schedule_case applies each from its own
    /// date, so a later change never rewrites the case's history.
    std::vector<AttributeChange> attribute_changes;
    std::vector<CaseEvent> events;  // any order
};

/// One due date in a case's schedule, with why.
struct Obligation {
    std::string child_id;
    std::string worker;
    std::string team;
    std::string rule_id;
    std::string title;
    Date due;
    Date anchor;                 // the event the count started from
    std::string anchor_event;    // its type
    std::optional<Date> met_on;  // the event that satisfied it, if any
    std::string layer;
    std::string source;
    std::string explanation;     // rule, source, trigger, unit, days skipped
    /// The chain ended (e.g. ceased_looked_after, a new placement) after the
    /// due date without the obligation being met: a recorded breach, no
    /// longer actionable. Unset for met and open obligations.
    std::optional<Date> ended_on;
};
bool operator==(const Obligation& a, const Obligation& b);
inline bool operator!=(const Obligation& a, const Obligation& b) { return !(a == b); }

/// Which obligations schedule_case explains (Obligation::explanation).
enum class Explain { all, open, none };

/// The due date a rule gives for a trigger on `from`, with its explanation.
/// Error(invalid_arg) when `from` is outside the rule's era; Error(invalid_arg)
/// for school units without `school`.
Obligation due_for_rule(const Rule& rule, Date from, const Calendar& calendar,
                        const SchoolCalendar* school = nullptr, CountingRules counting = {});

/// True when the rule counts in school days or terms (its duration or
/// window): schedule_case leaves it out without a school calendar.
bool needs_school_calendar(const Rule& rule) noexcept;

/// The enabled rules of `pack` that schedule_case leaves out for want of a
/// school calendar (none when `school` is given), each as (rule id, why),
/// in pack order. Reports and reminders list them, so a termly obligation
/// (a PEP review) is never dropped silently.
std::vector<std::pair<std::string, std::string>> rules_not_counted(const RulePack& pack,
                                                                   const SchoolCalendar* school);

/// An obligation schedule_case could not date: its rule counts in school
/// days or terms and the count runs past the school calendar's last term
/// (the calendar must be given the following terms), and it exists: met,
/// or still governed by its rule after the calendar's last day (one whose
/// chain or window ended unmet by then would have been superseded before
/// falling due). Never dropped silently: reports and reminders list these
/// (undated_not_counted).
struct Undated {
    std::string child_id;
    std::string rule_id;
    Date anchor;               // the event the count started from
    std::string anchor_event;  // its type
    std::string reason;        // the school calendar's own message
    /// Met (by an event on a known day): it exists and was met, but
    /// whether in time cannot be told. Otherwise still open when the
    /// calendar ends (reminders list only these).
    bool met = false;
};

/// The undated obligations that could fall due on or before `until` (those
/// of a school calendar whose last term ends before `until`, counted from a
/// day on or before `until`; a due date past a later term's end is after
/// `until` anyway), one (rule id, why) per
/// rule in rule id order, the why counting obligations and children and
/// naming the calendar's last term. Empty when none could.
std::vector<std::pair<std::string, std::string>> undated_not_counted(const std::vector<Undated>& undated,
                                                                     const SchoolCalendar* school, Date until);

/// Every obligation of the case up to `as_of`: met ones (with met_on) and the
/// open one per rule chain (each next due counted from the actual previous
/// event; regimes change with placements and attributes). Events and
/// attribute changes after `as_of` are ignored. Attributes at a date: the
/// base (record.attributes without the keys that have dated changes),
/// overlaid in date order with every attribute change and every event's
/// attributes up to that date (on one day: attribute changes, then events).
/// Same-day events: those that trigger a rule of the pack (placement_start,
/// became_looked_after, ...) come first, the others keep the given order, so
/// a visit on the day a placement starts counts for it. Rules in school units
/// are left out when `school` is null. Sorted by due date, then rule id.
/// `explain`: which obligations get their explanation (the others' is ""):
/// all; open only (not met, chain not ended: what reminders show); none (a
/// count). The explanation is most of the cost of a schedule, so callers ask
/// only for the ones they show; the dates are the same whatever is asked.
/// `undated`: where to add the obligations whose school-unit count runs
/// past the school calendar's last term (null: they are only left out).
std::vector<Obligation> schedule_case(const RulePack& pack, const CaseRecord& record, Date as_of,
                                      const Calendar& calendar, const SchoolCalendar* school = nullptr,
                                      CountingRules counting = {}, Explain explain = Explain::all,
                                      std::vector<Undated>* undated = nullptr);

}  // namespace oversight
