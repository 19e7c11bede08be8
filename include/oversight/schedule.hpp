// Statutory rules as data, and the schedules they give a child's case.
//
// A Rule says: after a trigger event, the next event that satisfies it is due
// within a Duration — counted from the trigger ("within") or from the previous
// actual event ("at intervals of not more than"), never from a previous due
// date. Rules come in layered packs (TOML): the default England pack shipped
// with the library, and a council's local policy on top.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <oversight/calendar.hpp>
#include <oversight/date.hpp>
#include <oversight/duration.hpp>

namespace oversight {

enum class RuleKind { within, interval };
/// How sure the legal source is (see shared domain notes).
enum class SourceStatus { confirmed, secondary, unconfirmed, local };
std::string_view to_string(RuleKind k) noexcept;
std::string_view to_string(SourceStatus s) noexcept;

struct Rule {
    std::string id;                         // "lac.review.first"
    std::string title;                      // "First looked-after review"
    std::string area;                       // "visits", "reviews", "pep", "child_protection", ...
    RuleKind kind = RuleKind::within;
    std::string trigger;                    // event type that starts the clock
    std::vector<std::string> satisfied_by;  // event types that meet it
    Duration duration;
    /// Case attributes that must match: key -> the accepted values (any one
    /// of them), e.g. {"visit_regime", {"default", "permanent"}}.
    std::map<std::string, std::vector<std::string>> when;
    std::string source;                     // "CPPCR 2010 reg 33(1)"
    SourceStatus status = SourceStatus::confirmed;
    std::string layer;                      // the pack the effective rule came from
    std::string note;

    // --- when the rule applies (all optional; see README "Statutory rule packs") ---
    /// Events that end the rule's chain (a new trigger event always does).
    std::vector<std::string> ends_on;
    /// Era: the rule applies to triggers on or after effective_from and
    /// before effective_until (the trigger date chooses the era).
    std::optional<Date> effective_from;
    std::optional<Date> effective_until;
    /// Which gaps of the chain the rule governs: the obligation anchored at
    /// occurrence k (0 = the trigger, k = the k-th satisfying event) belongs
    /// to the rule when from_occurrence <= k < until_occurrence. A "within"
    /// rule governs only k = 0.
    int from_occurrence = 0;
    std::optional<int> until_occurrence;
    /// Time window counted from the trigger: active from trigger + active_from
    /// until trigger + active_until (e.g. "12 months": the placement's first
    /// anniversary).
    std::optional<Duration> active_from;
    std::optional<Duration> active_until;
    /// Event window: active from / until the first such event after the trigger.
    std::string active_from_event;
    std::string active_until_event;
    /// Disabled rules are listed and can be asked for a due date, but
    /// schedule_case does not use them (non-default alternatives).
    bool enabled = true;

    /// True when the rule's era covers a trigger on `trigger_date`.
    bool in_force_on(Date trigger_date) const noexcept;
};
bool operator==(const Rule& a, const Rule& b);
inline bool operator!=(const Rule& a, const Rule& b) { return !(a == b); }

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

class RulePack {
public:
    /// The default England pack shipped with the library.
    static RulePack england_default();
    /// A pack from TOML text; `layer` names it in explanations. Throws
    /// Error(parse) naming the rule and field.
    static RulePack from_toml(std::string_view toml, std::string layer);
    static RulePack from_file(const std::string& path);
    /// This pack with `local` on top: a local rule with the same id replaces
    /// the default one (its layer says so); new ids are added.
    RulePack layered(const RulePack& local) const;

    const std::string& name() const noexcept;
    const std::string& version() const noexcept;
    const std::string& description() const noexcept;
    /// Every rule, enabled or not, in pack order (a layered pack: the base
    /// pack's order, then the local additions).
    const std::vector<Rule>& rules() const noexcept;
    const Rule* find(std::string_view id) const noexcept;
    const Rule& get(std::string_view id) const;  // Error(not_found)

private:
    std::string name_;
    std::string version_;
    std::string description_;
    std::vector<Rule> rules_;
    // `enable` / `disable` ids of this pack not found among its own rules:
    // applied (and checked) when the pack is layered over another.
    std::vector<std::string> pending_enable_;
    std::vector<std::string> pending_disable_;
};

/// Something that happened on a case.
struct CaseEvent {
    std::string type;    // "became_looked_after", "placement_start", "visit", "review", ...
    Date date;
    std::map<std::string, std::string> attributes;  // e.g. placement_type, legal_status
};

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
