// Compliance as of any date: every obligation of every case classified
// (met on time, met late, overdue, due soon, not yet due, exempt) and
// explained, with the worker and team who held the case when it fell due;
// late recording as its own measure; numerators and denominators by team,
// worker, rule and rule area for a period; the child-level list behind
// them; and a second opinion on the due dates a case system sends.
//
// As of a date: schedule_case ignores events and attribute changes dated
// after as_of, and allocations that start after as_of are ignored, so
// "where were we on 31 March?" is answered from what had happened by then.
// Compliance counts an event on the day it happened (CaseEvent::date), not
// the day it was recorded: a visit made on 30 March and recorded on 2 April
// met its 31 March deadline (and is reported as recorded late, below).
//
// Late recording. Each item met by an event carries that event's recording
// date and the delay in working days (the calendar's working days in
// (happened, recorded]). The recording date is the host's own when the event
// carries it (attribute `recorded_on`, ISO: a case system syncing later
// knows when the worker wrote it up); else, for an event stored by a call
// (save_event, a batch), the UTC date of RecordedEvent::recorded_at, the
// first recording; an event imported from a return has none (the import
// date says nothing about the recording). No regulation sets a timescale for writing up a visit; the
// default threshold of 5 working days is a common local standard (compare
// the 5-working-day sign-off of review records some authorities set,
// shared/domain/statutory-timescales.md) and is a setting
// (ComplianceOptions::recording_threshold_working_days).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <oversight/calendar/calendar.hpp>
#include <oversight/calendar/duration.hpp>
#include <oversight/calendar/school_calendar.hpp>
#include <oversight/casework/exemption.hpp>
#include <oversight/core/date.hpp>
#include <oversight/rules/rule_pack.hpp>
#include <oversight/rules/schedule.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

/// What became of an obligation as of a date.
enum class ComplianceState {
    met_on_time,  // met on or before its due date
    met_late,     // met after its due date (days: how late)
    overdue,      // not met and past its due date (days: how long), or its chain ended unmet
    due_soon,     // not met, due on as_of or within the window (days: how long left)
    not_yet_due,  // not met, due after the window (days: how long left)
    exempt,       // an approved exemption covers it (see classify_case)
};
/// "met_on_time", "met_late", "overdue", "due_soon", "not_yet_due", "exempt".
std::string_view to_string(ComplianceState s) noexcept;
/// From the names above; Error(invalid_arg) otherwise.
ComplianceState compliance_state_from_string(std::string_view text);

/// Who held a child's case over [from, until): the worker allocated and the
/// team of that worker's appointment in force over the span ("" when the
/// case was unallocated, or the worker had no team).
struct AllocationSpan {
    std::string worker;
    std::string team;
    Date from;
    std::optional<Date> until;  // exclusive; nullopt: open
};
bool operator==(const AllocationSpan& a, const AllocationSpan& b);
inline bool operator!=(const AllocationSpan& a, const AllocationSpan& b) { return !(a == b); }

/// A case as compliance reads it: the case record (as load_case gives it as
/// of the day asked about), when each event was recorded, and who held the
/// case over time.
struct ComplianceCase {
    CaseRecord record;
    /// Parallel to record.events: the UTC date each was first recorded
    /// (nullopt: not known, e.g. a case built by hand).
    std::vector<std::optional<Date>> recorded_on;
    /// By start, not overlapping; days outside every span are unallocated.
    std::vector<AllocationSpan> allocations;
    /// The child's exemptions (casework/exemption.hpp), by from date.
    std::vector<Exemption> exemptions;
};

/// A second opinion: the due date the case system computed for an
/// obligation (an event attribute `due_date`, ISO YYYY-MM-DD), where it
/// differs from Oversight's.
///
/// Which event speaks for which obligation: an event carrying `due_date`
/// speaks for the obligation it met (the host's "this visit was due on");
/// an event that met no obligation (a trigger such as placement_start, or
/// the latest event of a chain still open) speaks for the obligations
/// counted from it (every rule it triggers), or, when it also carries
/// `due_rule` (a rule id), for that rule's only. A `due_date` that is not an ISO date is a disagreement too, with
/// host_due unset.
struct HostDueDate {
    std::optional<Date> host_due;  // nullopt: the attribute is not a date
    std::string host_text;         // the attribute as sent
    std::string event_type;        // the event that carried it
    Date event_date;
    /// "host due date 2025-03-01 from event visit on 2025-01-18 (attribute due_date)".
    std::string explanation;
};
bool operator==(const HostDueDate& a, const HostDueDate& b);
inline bool operator!=(const HostDueDate& a, const HostDueDate& b) { return !(a == b); }

/// One obligation of one child, classified as of a date.
struct ComplianceItem {
    /// The obligation (schedule_case) with worker and team replaced by those
    /// allocated on its due date (or on as_of, when it falls due later: what
    /// was known then); explanation, source, layer, anchor, met_on and
    /// ended_on as the schedule gives them.
    Obligation obligation;
    std::string area;  // the rule's area ("visits", "reviews", ...)
    ComplianceState state = ComplianceState::not_yet_due;
    /// Calendar days: met_late: met_on - due; overdue: (ended_on or as_of) -
    /// due; due_soon, not_yet_due: due - as_of; otherwise 0.
    int days = 0;
    std::string met_event;                  // the type of the event that met it, "" when not met
    std::optional<Date> met_recorded_on;    // when that event was recorded (UTC), if known
    std::optional<int> recording_delay;     // working days in (met_on, met_recorded_on]
    bool recorded_late = false;             // recording_delay > the threshold
    std::optional<Exemption> exemption;     // exempt: the exemption that covers it
    std::optional<HostDueDate> host_due;    // set only when the host's due date differs
};
bool operator==(const ComplianceItem& a, const ComplianceItem& b);
inline bool operator!=(const ComplianceItem& a, const ComplianceItem& b) { return !(a == b); }

/// How items are classified.
struct ClassifySettings {
    Date as_of;
    /// The last day of the due-soon window (add_duration(as_of, window)).
    Date due_soon_until;
    int recording_threshold_working_days = 5;
};

/// The pure classification (no store): the obligations schedule_case gave
/// `c.record` as of settings.as_of, each classified, with the worker and
/// team allocated on its due date (c.allocations), the event that met it and
/// its recording delay, and any host due date that differs. `pack` gives
/// each rule's area and satisfying events.
///
/// Exemptions (c.exemptions; a child missing, in custody, in hospital,
/// abroad, a visit refused): an obligation that fell due on or before as_of
/// on a day an exemption covers for its rule's area (covering(), the due
/// date tested) and was not met by its due date is excused while the
/// exemption lasts. Met (or its chain ended) by the exemption's last day,
/// or still open while the exemption has no end or has not ended by as_of:
/// ComplianceState::exempt, never counted as met nor as overdue, never
/// dropped. Otherwise it counts as due on the exemption's last day: met
/// late, or overdue, by the days since then, so an exemption never hides a
/// missed visit for ever. Either way `exemption` names it. One met on time
/// stays met on time (the exemption was not needed); one not yet due on
/// as_of keeps its state (the child may be back before it falls due).
std::vector<ComplianceItem> classify_case(const ComplianceCase& c, const std::vector<Obligation>& obligations,
                                          const RulePack& pack, const Calendar& calendar,
                                          const ClassifySettings& settings);

/// What a compliance report covers.
struct ComplianceOptions {
    Date as_of;
    /// The period whose due dates are counted: [from, to]. Default: the
    /// three months ending on as_of ((as_of + 1 day) - 3 months .. as_of; as
    /// of 31 March, 1 January to 31 March).
    std::optional<Date> period_from;
    std::optional<Date> period_to;
    Duration window{10, Unit::working_days};  // due soon: due on or before add_duration(as_of, window)
    int recording_threshold_working_days = 5;
    /// Filters, each on the item (team and worker: allocated on the due date).
    std::optional<std::string> team;    // exact name, ignoring ASCII case
    std::optional<std::string> worker;  // exact name, ignoring ASCII case
    std::optional<std::string> rule;    // a rule id
    std::optional<std::string> area;    // a rule area
    /// One child's obligations (a child id, trimmed as stored ids are;
    /// Error(not_found) for one the store does not hold, Error(invalid_arg)
    /// for a blank or malformed one): that case scheduled afresh, in
    /// milliseconds, and its rows explained whatever `explain` says (a kept
    /// report is not read: one case is quicker counted than found among
    /// the kept rows and numbers). The explanations behind any row of a
    /// list read unexplained are one such call away.
    std::optional<std::string> child;
    /// The school calendar that termly rules (PEP reviews: school terms and
    /// days) are counted with; must outlive the call. Null: those rules are
    /// not counted and the report lists them (ComplianceReport::not_counted),
    /// never leaving them out silently.
    const SchoolCalendar* school = nullptr;
    /// True: the child-level list (ComplianceReport::items), each item
    /// explained. False: the groups only, counted as the cases are read, so
    /// memory does not grow with the number of obligations and no
    /// explanation is built (the items behind a number are one call away:
    /// the same options with items and a team, worker, rule or area filter).
    bool items = true;
    /// True: each item of the child-level list explained (Obligation::
    /// explanation: rule, source, trigger, how the due date was counted,
    /// how it was met). False: every item's explanation left empty (a host
    /// due-date disagreement keeps the host's side, HostDueDate::explanation):
    /// the list without its text, several times faster (most of a report's
    /// bytes and time; the explanations of any rows are one call away: the
    /// same options, explained, with a filter).
    bool explain = true;
    /// True: read a report kept with these settings, if there is one
    /// (keep_compliance; the same report, faster). False: count every case
    /// afresh (an auditor's recount; the benchmark's comparison).
    bool use_kept = true;
};

/// How many items of each state.
struct ComplianceCounts {
    std::int64_t met_on_time = 0, met_late = 0, overdue = 0, due_soon = 0, not_yet_due = 0, exempt = 0;
    std::int64_t recorded_late = 0;  // items met by an event recorded late (any state)
    std::int64_t host_disagreements = 0;
    /// Brought forward: obligations that fell due before the period and
    /// were still unmet on its first day (overdue then, or excused then by
    /// an exemption that ended unmet later: overdue from its last day;
    /// those still exempt on as_of are not), by the team and worker
    /// allocated when they fell due. Not items of the period, so in neither
    /// numerator nor denominator and not in total(): an obligation is an
    /// item of the one period its due date falls in, never of two;
    /// carried_over_met: of those, met within the period.
    std::int64_t carried_over = 0, carried_over_met = 0;
    std::int64_t total() const noexcept { return met_on_time + met_late + overdue + due_soon + not_yet_due + exempt; }
};
bool operator==(const ComplianceCounts& a, const ComplianceCounts& b);
inline bool operator!=(const ComplianceCounts& a, const ComplianceCounts& b) { return !(a == b); }

/// The dimension a group is by.
enum class ComplianceBy { overall, team, worker, rule, area };
/// "overall", "team", "worker", "rule", "area".
std::string_view to_string(ComplianceBy by) noexcept;
/// From the names above; Error(invalid_arg) otherwise.
ComplianceBy compliance_by_from_string(std::string_view text);

/// The share of a group's obligations due in the period that were met in
/// timescale. numerator: met on time; denominator: met on time + met late
/// + overdue (an obligation still open and past its due date counts as not
/// in timescale; exempt ones, and those not yet due on as_of, are in neither
/// and are counted beside them).
struct ComplianceGroup {
    ComplianceBy by = ComplianceBy::overall;
    std::string key;  // the team, worker, rule id or area ("" for unallocated; "" overall)
    std::int64_t numerator = 0;
    std::int64_t denominator = 0;
    std::optional<double> percent;  // 100 * numerator / denominator; nullopt when the denominator is 0
    ComplianceCounts counts;
};
bool operator==(const ComplianceGroup& a, const ComplianceGroup& b);
inline bool operator!=(const ComplianceGroup& a, const ComplianceGroup& b) { return !(a == b); }

struct ComplianceReport {
    Date as_of;
    Date period_from, period_to;
    Date due_soon_until;
    int recording_threshold_working_days = 5;
    /// The child-level list: every item due in the period that passes the
    /// filters, sorted by team, worker, child, due date, rule id.
    std::vector<ComplianceItem> items;
    /// Overall first, then by team, worker, rule and area (each by key).
    std::vector<ComplianceGroup> groups;
    /// The pack's rules this report could not count, with why (a termly
    /// rule without a school calendar), by rule id; and, with a school
    /// calendar whose last term ends before period_to, the obligations that
    /// could not be dated because their count runs past that term
    /// (undated_not_counted). Empty when all counted.
    std::vector<std::pair<std::string, std::string>> not_counted;
    /// How it was counted (not part of the report's documents): the key of
    /// the kept report it read (keep_compliance), "" when every case was
    /// scheduled afresh; and how many cases changed since that report was
    /// kept were counted again.
    std::string kept;
    std::int64_t recounted = 0;

    /// The groups of one dimension.
    std::vector<ComplianceGroup> groups_by(ComplianceBy by) const;
    /// The items behind one group (the child-level rows of a number).
    std::vector<ComplianceItem> items_of(ComplianceBy by, std::string_view key) const;
    /// The items whose host due date differs from Oversight's.
    std::vector<ComplianceItem> disagreements() const;
};

/// The groups of these items (overall, team, worker, rule, area).
std::vector<ComplianceGroup> aggregate(const std::vector<ComplianceItem>& items);

/// The compliance report of the cases in a store as of options.as_of:
/// every case (as of that day; allocations over time from the store, each
/// worker's team from their appointments), scheduled with `pack` and
/// `calendar`, classified, filtered and aggregated. Error(invalid_arg) for
/// a period that ends before it starts, a negative window or threshold, a
/// blank or malformed child id; Error(not_found) for a filter naming an
/// unknown child, team, worker, rule or area.
ComplianceReport compliance(const Store& store, const RulePack& pack, const Calendar& calendar,
                            const ComplianceOptions& options);
/// The same report, its child-level items handed to `row` one at a time in
/// the report's order (ComplianceReport::items' order; options.items is
/// ignored) and left out of the report returned (its groups and the rest).
/// For a council's whole list (CSV of every child's row): read from a kept
/// report (keep_compliance), memory does not grow with the rows, each read,
/// handed over and forgotten (the cases changed since it was kept are
/// counted again and merged in); counted afresh, every case's items are
/// held and sorted first. `row` may move from the item it is given. Read
/// from a kept report, `row` is called while the store's rows are read, on
/// one snapshot: it must not use `store` (a write would fail), and a slow
/// `row` holds that snapshot open (SQLite's write-ahead log cannot be
/// checkpointed past it until the call returns). The same errors as
/// compliance(), raised before any row is handed over; Error(invalid_arg)
/// for an empty `row`; an error reading the store after rows were handed
/// over stops the list there; an exception from `row` stops the reading and
/// is passed on as it was thrown.
ComplianceReport for_each_compliance_item(const Store& store, const RulePack& pack, const Calendar& calendar,
                                          const ComplianceOptions& options,
                                          const std::function<void(ComplianceItem&&)>& row);
/// The same from cases already in hand (no store): the period, window and
/// filters of `options` applied to classify_case's items. Filters naming
/// nothing are not an error here.
ComplianceReport compliance_of(const std::vector<ComplianceCase>& cases, const RulePack& pack,
                               const Calendar& calendar, const ComplianceOptions& options);

// ------------------------------------------------------------ kept reports
//
// A report schedules every rule over every case's whole history: seconds at
// a million events, where an analyst's GROUP BY over one column takes a
// tenth of one. A report kept in the store is that work done once and kept
// up to date: each case's classified obligations for one as_of and period,
// counted with one rule pack, calendar, school calendar, window and
// recording threshold by one library version (the report's key). compliance() with the same
// settings (any team, worker, rule or area filter, items or not; one child's
// report is that case counted afresh) then reads the kept rows (the
// numbers alone: its kept counts) and counts again only the cases
// whose history has rows after the one the kept report reflects: the same
// report, item for item, as counting every case (tested), never a stale
// one. A changed person or team (a name) or appointment (who is in which
// team), or a case record moved between cases, can move any case, so the
// kept report is not used until kept again (a new person or team alone
// moves none). keep_compliance after a day's changes brings it
// up to date (counting the changed cases only); a council keeps the quarter
// ends it reports on and today's date.

/// A report kept in the store.
struct KeptCompliance {
    std::string key;  // SHA-256 (hex) of the settings it was counted with
    Date as_of;
    Date period_from, period_to;
    std::string pack;                   // the rule pack's name
    std::optional<std::string> school;  // the school calendar's name, if any
    /// The change history it reflects (history.hpp: the latest sequence then).
    std::int64_t history_sequence = 0;
    std::string built_at;  // when last brought up to date, UTC "YYYY-MM-DDTHH:MM:SSZ"
    /// What keep_compliance did: counted every case (a new report, or one
    /// whose every case may have moved), and how many cases it counted.
    bool rebuilt = false;
    std::int64_t cases_counted = 0;
};
bool operator==(const KeptCompliance& a, const KeptCompliance& b);
inline bool operator!=(const KeptCompliance& a, const KeptCompliance& b) { return !(a == b); }

/// Keeps the report of these options (their filters and `items` aside) in
/// the store, or brings a kept one up to date, in one transaction: a new
/// one counts every case; a kept one the cases changed since. The same
/// checks as compliance(); Error(invalid_arg) on a read-only store.
KeptCompliance keep_compliance(Store& store, const RulePack& pack, const Calendar& calendar,
                               const ComplianceOptions& options);
/// The kept reports, by as_of then key (rebuilt and cases_counted unset).
std::vector<KeptCompliance> kept_compliance(const Store& store);
/// Removes a kept report and its rows; false when no report has that key.
/// Error(invalid_arg) for a key that is not 64 lowercase hex digits.
bool forget_kept_compliance(Store& store, const std::string& key);
/// Kept reports as the JSON document {"format":"oversight-kept-compliance",
/// "version":1,"kept":[{"key","as_of","period":{"from","to"},"pack",
/// "school" (or null),"history_sequence","built_at","rebuilt",
/// "cases_counted"}]} (schema: data/schemas/oversight-kept-compliance.schema.json).
std::string kept_compliance_to_json(const std::vector<KeptCompliance>& kept);

/// The report as the JSON document {"format":"oversight-compliance",
/// "version":1,"as_of","period":{"from","to"},"due_soon_until",
/// "recording_threshold_working_days","not_counted":[{"rule","reason"}],
/// "groups":[{"by","key","numerator",
/// "denominator","percent" (or null),"counts":{...}}],"items":[{"child",
/// "worker","team","rule","title","area","source","layer","due","anchor",
/// "anchor_event","state","days","met_on","met_event","met_recorded_on",
/// "recording_delay_working_days","recorded_late","ended_on","exemption",
/// "explanation","host_due"}]} (dates ISO or null; host_due null or {"date",
/// "text","event","event_date","explanation"}); schema:
/// data/schemas/oversight-compliance.schema.json.
std::string compliance_to_json(const ComplianceReport& report);
/// One item as the document's "items" hold it, on one line (with
/// for_each_compliance_item: a row at a time, e.g. as JSON lines).
std::string compliance_item_to_json(const ComplianceItem& item);
/// CSV (RFC 4180, formula-like cells defused): `children` true: the
/// child-level rows (one per item, the JSON item fields); false: the groups
/// of `by` (all dimensions when nullopt), one row each.
std::string compliance_to_csv(const ComplianceReport& report, bool children,
                              std::optional<ComplianceBy> by = std::nullopt);
/// One line of compliance_to_csv's child-level rows (CRLF-terminated):
/// the header, and one item's row; with for_each_compliance_item, a
/// council's whole list written as it is read.
std::string compliance_item_csv_header();
std::string compliance_item_to_csv(const ComplianceItem& item);
/// The text lines for_each_compliance_item's rows are written as.
enum class ComplianceLines {
    json,  // compliance_item_to_json's, one a row
    csv,   // the header, then compliance_item_to_csv's, one a row
};
/// for_each_compliance_item with each row handed to `line` as text: a
/// council's whole list written as it is read (the CLI's `compliance
/// --children --format csv`, C's oversight_compliance_for_each_item). The
/// CSV header goes with the first row, or alone after the last when there
/// is none, so that an error found before any row (a filter naming no one)
/// hands over nothing. Error(invalid_arg) for an empty `line`; otherwise as
/// for_each_compliance_item.
ComplianceReport for_each_compliance_line(const Store& store, const RulePack& pack, const Calendar& calendar,
                                          const ComplianceOptions& options, ComplianceLines lines,
                                          const std::function<void(const std::string&)>& line);
/// Plain text: the period and the groups of `by` (all when nullopt) as a
/// table, then, with `children`, the child-level rows by team and worker,
/// then every host due-date disagreement with both explanations.
std::string compliance_to_text(const ComplianceReport& report, bool children,
                               std::optional<ComplianceBy> by = std::nullopt);

}  // namespace oversight
