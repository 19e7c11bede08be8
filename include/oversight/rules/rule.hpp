// One statutory (or local) rule: after a trigger event, the next event that
// satisfies it is due within a Duration, counted from the trigger ("within")
// or from the previous actual event ("at intervals of not more than"), never
// from a previous due date. Two more kinds: "precondition" (X must happen
// before Y: the satisfying event is due `duration` after the trigger, and a
// `before` event without it is a breach) and "max_duration" (what the
// trigger started must end, by a satisfying event, within `duration`). Each
// rule carries its legal source, how sure that source is, and its status in
// law: jurisdiction, the dates the law is in force and whether it has
// commenced.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <oversight/calendar/duration.hpp>
#include <oversight/core/date.hpp>

namespace oversight {

enum class RuleKind { within, interval, precondition, max_duration };
/// How sure the legal source is (see shared domain notes).
enum class SourceStatus { confirmed, secondary, unconfirmed, local };
/// Which trigger starts the clock when several come before the rule is met:
/// `last` (each trigger restarts the chain) or `first` (a trigger while the
/// chain still has an unmet obligation does not restart it: the initial child
/// protection conference counts from the strategy discussion at which the
/// section 47 enquiry was initiated).
enum class Anchor { last, first };
/// Whether the law behind the rule has commenced: `pending` rules (enacted,
/// not yet in force) are listed but never produce obligations.
enum class Commencement { in_force, pending };
std::string_view to_string(RuleKind k) noexcept;
std::string_view to_string(SourceStatus s) noexcept;
std::string_view to_string(Anchor a) noexcept;
std::string_view to_string(Commencement c) noexcept;

struct Rule {
    std::string id;                         // "lac.review.first": letters, digits, '.', '_', '-'; at most 256 bytes
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

    // --- when the rule applies (all optional; the TOML keys are in rule_pack.hpp) ---
    /// Events that end the rule's chain (a new trigger event always does).
    std::vector<std::string> ends_on;
    /// Era: the rule applies to triggers on or after effective_from and
    /// before effective_until (the trigger date chooses the era, as a
    /// transitional provision does: a referral made before 15 April 2013 keeps
    /// the old assessment timescales).
    std::optional<Date> effective_from;
    std::optional<Date> effective_until;
    /// The law's own commencement and repeal, distinct from the era: the rule
    /// governs the gaps of any chain, whenever its trigger was, that begin on
    /// or after in_force_from and before in_force_to (the date of the visit
    /// that starts a gap chooses the rule; a gap that begins before the law
    /// changes is measured by the rule in force when it began).
    std::optional<Date> in_force_from;
    std::optional<Date> in_force_to;
    Commencement commencement = Commencement::in_force;
    /// "england" (the default), "wales", "scotland", "northern_ireland": the
    /// regimes differ and a pack never mixes them.
    std::string jurisdiction = "england";
    /// Case attributes that must NOT match (key -> values), e.g. the ordinary
    /// review chain does not apply to short breaks: {"legal_status", {"V3", "V4"}}.
    std::map<std::string, std::vector<std::string>> unless;
    Anchor anchor = Anchor::last;
    /// precondition rules: the events that must not happen before the
    /// satisfying event (an application for a care order).
    std::vector<std::string> before;
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
    /// True when the law behind the rule is in force on `day`: commenced
    /// (not pending) and in_force_from <= day < in_force_to.
    bool law_in_force_on(Date day) const noexcept;
};
bool operator==(const Rule& a, const Rule& b);
inline bool operator!=(const Rule& a, const Rule& b) { return !(a == b); }

}  // namespace oversight
