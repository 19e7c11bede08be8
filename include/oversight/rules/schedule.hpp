// The schedules the rules give a child's case: every obligation (met,
// open, or ended unmet) with its due date and an explanation, counted from
// actual events, never from previous due dates.
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
#include <vector>

#include <oversight/calendar/calendar.hpp>
#include <oversight/calendar/duration.hpp>
#include <oversight/core/date.hpp>
#include <oversight/rules/rule.hpp>
#include <oversight/rules/rule_pack.hpp>

namespace oversight {

/// The statutory visiting regime (CPPCR 2010 reg 28) for a child's attributes:
/// the `visit_regime` attribute if set, otherwise derived from placement_type,
/// legal_status, permanence and parent_assessment: "default", "permanent",
/// "long_term_foster", "placed_with_parent_pre_assessment",
/// "connected_person_temporary", "care_order_at_home" or "other_arrangements".
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
///          all others (A3-A6, H5, K1, K2, P2, P3, R1, R3, S1, T0-T4, U2, U3,
///          U5, U6, Z1; older Q1/Q2 foster codes) -> no special regime
///          ("default", or "permanent" with permanence = permanent). A
///          connected-person placement (U2/U3, Q1) is reg 28(2) unless the
///          carer has only temporary approval (reg 24): record
///          placement_type = connected_person_temporary (or visit_regime) then.
///   LS     C1  interim care order  (= interim_care_order)
///          C2  full care order     (= care_order)
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

/// The due date a rule gives for a trigger on `from`, with its explanation.
/// Error(invalid_arg) when `from` is outside the rule's era; Error(invalid_arg)
/// for school units without `school`.
Obligation due_for_rule(const Rule& rule, Date from, const Calendar& calendar,
                        const SchoolCalendar* school = nullptr, CountingRules counting = {});

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
std::vector<Obligation> schedule_case(const RulePack& pack, const CaseRecord& record, Date as_of,
                                      const Calendar& calendar, const SchoolCalendar* school = nullptr,
                                      CountingRules counting = {});

}  // namespace oversight
