// A second opinion on a case system's extract of due dates: the "next visit
// due", "review due" columns of the lists councils already produce, read
// as CSV and checked, row by row, against the obligation Oversight has open
// for that child as of the extract's day. Every disagreement is reported
// with both explanations: Oversight's (how the due date was counted) and
// the host's (which file, line and column said otherwise).
//
// The other way a host's due date arrives is an event attribute `due_date`
// (compliance.hpp, HostDueDate): that speaks for one event's obligation.
// An extract speaks for what is open: the obligation of a rule (or the
// earliest of a rule area) not yet met and whose chain has not ended.
//
//   child,next_visit_due
//   C1,2025-04-11
//   C2,12/04/2025
//
//   HostDueOptions o;
//   o.as_of = Date::parse_iso("2025-03-31");   // the day the extract was taken
//   o.due_column = "next_visit_due";
//   o.rule = "visits";                          // a rule id, or a rule area
//   HostDueReport r = check_host_due_dates(store, pack, calendar, read_host_due_csv(csv, o), o);
//
// The rows are read by read_host_due_csv (import/host_due_csv.hpp: where
// every reader of files lives); a host that has them already passes them.
#pragma once

#include <oversight/calendar/calendar.hpp>
#include <oversight/calendar/school_calendar.hpp>
#include <oversight/core/date.hpp>
#include <oversight/rules/rule_pack.hpp>
#include <oversight/rules/schedule.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

/// How an extract's rows are read.
struct HostDueOptions {
    /// The day the extract was taken: the obligations open then (events and
    /// attribute changes after it are ignored, as in compliance()).
    Date as_of;
    /// Header names (compared exactly, after trimming ASCII white space).
    std::string child_column = "child";
    /// True: the child column holds the case system's own child ids
    /// (Child::external_id, as its sync stored them); false: the local
    /// authority's (Child::id).
    bool by_external_id = false;
    std::string due_column = "due";
    /// What every row's due date is the due date of: a rule id of the pack,
    /// or a rule area ("visits": the earliest open obligation of the area,
    /// whichever visit rule applies), ASCII case ignored; disabled rules are
    /// never matched. Unset: read per row from rule_column.
    std::optional<std::string> rule;
    std::string rule_column = "rule";
    /// The extract's name in messages and in each row's explanation.
    std::string file = "<extract>";
    /// The school calendar termly rules (PEP reviews) are counted with;
    /// must outlive the call. Null: a row of such a rule is not_counted.
    const SchoolCalendar* school = nullptr;
};

/// One row of an extract, as read: the child, what its due date is the
/// due date of (a rule id or area), and the due date as written.
struct HostDueInput {
    std::int64_t line = 0;  // the physical line the row starts on (1 is the header)
    std::string child_id;
    std::string rule;
    std::string due_text;
};
bool operator==(const HostDueInput& a, const HostDueInput& b);
inline bool operator!=(const HostDueInput& a, const HostDueInput& b) { return !(a == b); }

/// What a row of the extract says beside Oversight. Every verdict but
/// agrees is a disagreement (HostDueReport::disagreements).
enum class HostDueVerdict {
    agrees,              // the same due date, or none on either side (blank, nothing open)
    differs,             // another date (days: host - ours)
    not_a_date,          // the due column is not a date
    no_open_obligation,  // a host date, but Oversight has nothing of that rule open for the child then
    unknown_child,       // no child with that id in the store
    unknown_rule,        // neither a rule id nor a rule area of the pack (or only disabled rules)
    not_counted,         // a termly rule without a school calendar, or past its last term: Oversight cannot date it
    blank,               // no host date, but Oversight has one open: the host does not know it is due
};
/// "agrees", "differs", "not_a_date", "no_open_obligation", "unknown_child",
/// "unknown_rule", "not_counted", "blank".
std::string_view to_string(HostDueVerdict v) noexcept;

/// One row of the extract, checked.
struct HostDueRow {
    std::int64_t line = 0;  // the physical line the row starts on (1 is the header)
    std::string child_id;
    std::string rule;  // as the row (or HostDueOptions::rule) gives it: a rule id or area
    std::string host_text;          // the due column as sent (trimmed)
    std::optional<Date> host_due;   // it, read as a date
    HostDueVerdict verdict = HostDueVerdict::agrees;
    /// The open obligation compared (explained), when there is one.
    std::optional<Obligation> ours;
    int days = 0;  // differs: host_due - ours.due in calendar days (positive: the host's is later)
    /// The host's side: "host due date 2025-04-12 from extract.csv line 3
    /// column next_visit_due", or why the row could not be compared.
    std::string explanation;
};
bool operator==(const HostDueRow& a, const HostDueRow& b);
inline bool operator!=(const HostDueRow& a, const HostDueRow& b) { return !(a == b); }

/// The extract checked: every row in file order, and how many of each verdict.
struct HostDueReport {
    Date as_of;
    std::string file;
    std::vector<HostDueRow> rows;
    std::int64_t count(HostDueVerdict v) const noexcept;
    /// The rows whose verdict is not agrees: what to look at.
    std::vector<HostDueRow> disagreements() const;
};

/// Checks each row against the open obligations of its child as of
/// options.as_of (each child read once; what had happened by then, as in
/// compliance(): an event dated before as_of counts even if recorded later),
/// in the rows' order. The due text is read as YYYY-MM-DD or DD/MM/YYYY (UK
/// order: a US-order MM/DD/YYYY extract is misread where the day is 12 or
/// less), either with a time of day after a space or a T; two-digit years
/// are not dates. Exemptions do not move a due date here: the statutory
/// date is compared. options.rule, when set, is every
/// row's rule (Error(not_found) when it is neither a rule id nor an area of
/// `pack`). Nothing is written.
HostDueReport check_host_due_dates(const Store& store, const RulePack& pack, const Calendar& calendar,
                                   const std::vector<HostDueInput>& rows, const HostDueOptions& options);

/// {"format":"oversight-host-due-dates","version":1,"as_of","file","counts":
/// {VERDICT: n, ...},"rows":[{"line","child","rule","host_due" (ISO or
/// null),"host_text","verdict","days","ours" (null or {"rule","title",
/// "source","due","anchor","anchor_event","explanation"}),"explanation"}]}.
std::string host_due_to_json(const HostDueReport& report);
/// One row per extract row (the JSON fields flattened; formula-like cells defused).
std::string host_due_to_csv(const HostDueReport& report);
/// The counts, then every disagreement with both explanations.
std::string host_due_to_text(const HostDueReport& report);

}  // namespace oversight
