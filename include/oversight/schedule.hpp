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
    std::map<std::string, std::string> when;  // case attributes that must match (legal_status, placement_type, ...)
    std::string source;                     // "CPPCR 2010 reg 33(1)"
    SourceStatus status = SourceStatus::confirmed;
    std::string layer;                      // the pack the effective rule came from
    std::string note;
};

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
    const std::vector<Rule>& rules() const noexcept;
    const Rule* find(std::string_view id) const noexcept;
    const Rule& get(std::string_view id) const;  // Error(not_found)

private:
    std::string name_;
    std::vector<Rule> rules_;
};

/// Something that happened on a case.
struct CaseEvent {
    std::string type;    // "became_looked_after", "placement_start", "visit", "review", ...
    Date date;
    std::map<std::string, std::string> attributes;  // e.g. placement_type, legal_status
};

/// A child's case as the deadline engine needs it.
struct CaseRecord {
    std::string child_id;
    std::string worker;
    std::string team;
    std::map<std::string, std::string> attributes;  // current legal_status, placement_type, ...
    std::vector<CaseEvent> events;                  // any order
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
};

/// The due date a rule gives for a trigger on `from`, with its explanation.
Obligation due_for_rule(const Rule& rule, Date from, const Calendar& calendar,
                        const SchoolCalendar* school = nullptr, CountingRules counting = {});

/// Every obligation of the case up to `as_of`: met ones (with met_on) and the
/// open one per rule chain (each next due counted from the actual previous
/// event; regimes change with placements and attributes).
std::vector<Obligation> schedule_case(const RulePack& pack, const CaseRecord& record, Date as_of,
                                      const Calendar& calendar, const SchoolCalendar* school = nullptr,
                                      CountingRules counting = {});

}  // namespace oversight
