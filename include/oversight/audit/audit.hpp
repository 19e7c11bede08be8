// Audits (issue 10, points 1-3): the audit programmes of a service (what is
// audited, how often, by whom, on which grading scale, how cases are
// drawn), the audits held (per-case grades and checklist answers, or counts
// only; findings; recommendations tracked as actions; links to the plan
// actions whose impact they evidence) and their results: counts and shares
// per grade with a 95% Wilson interval, and per programme the trend of the
// share graded "good or better" (or "satisfactory" on a two-point scale)
// with an honest verdict when the samples are too small to tell.
//
// The seed plan's examples: "18 PEPs audited across Secondary, Primary, SEN
// and Early Years: 8 were satisfactory, 10 were judged inadequate" (a
// counts-only audit on the two-point scale, stratified by audit group),
// "69 Care Plans audited in August ... with 9 recommendations", "next audit
// is due on 12 December 2012" (a programme's next due date), "monthly
// multi-agency audits" (a cycle).
//
// History entities: "audit_programme", "audit", "audit_case",
// "audit_recommendation", "audit_link"; each change is one transaction.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <oversight/calendar/calendar.hpp>
#include <oversight/calendar/duration.hpp>
#include <oversight/core/date.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

// --- grading scales ----------------------------------------------------------

/// An ordered grading scale, best grade first; the first `positive` grades
/// are the ones a trend counts ("good or better", "satisfactory"). Grade
/// names are lower case, [a-z0-9_] ("requires_improvement").
struct AuditScale {
    std::vector<std::string> grades;
    int positive = 1;
};
bool operator==(const AuditScale& a, const AuditScale& b);
inline bool operator!=(const AuditScale& a, const AuditScale& b) { return !(a == b); }

/// Ofsted's four points: outstanding, good | requires_improvement, inadequate.
AuditScale ofsted_scale();
/// satisfactory | inadequate.
AuditScale two_point_scale();
/// "ofsted", "two_point" (also "satisfactory"), or a council's own scale
/// written "outstanding, good | requires improvement, inadequate": 2 to 10
/// grades, best first, comma-separated, one '|' after the last grade that
/// counts as positive (at least one grade on each side). Names are folded to
/// lower case with spaces and hyphens as '_'. Error(parse) naming the text
/// and the grade (by position) at fault.
AuditScale parse_audit_scale(std::string_view text);
/// The text parse_audit_scale reads back to the same scale.
std::string to_string(const AuditScale& scale);
/// The grade as the scale spells it (a name as parse_audit_scale folds it),
/// or Error(invalid_arg) naming the grade and the scale's grades.
std::string checked_grade(const AuditScale& scale, std::string_view grade);

// --- programmes ----------------------------------------------------------------

/// The audit types the issue names; any other [a-z][a-z0-9_]* is a
/// council's own type.
inline constexpr const char* kAuditTypes[] = {"case_file",    "care_plan",     "pep",           "pathway_plan",
                                              "supervision",  "multi_agency",  "peer_triangle", "management"};

/// How cases are grouped when a sample is drawn; each on the day of the draw:
///  - none: one group, all open cases;
///  - team: the allocated worker's team;
///  - worker: the allocated worker;
///  - attribute: the value of a case attribute (SamplingRule::attribute);
///  - manager: the line manager of the allocated worker (their appointment
///    in force that day, workforce/appointment.hpp): "n cases per team
///    manager".
/// A case with no team, line manager or attribute value is in "(none)".
enum class AuditStratum { none, team, worker, attribute, manager };
/// "none", "team", "worker", "attribute", "manager".
std::string_view to_string(AuditStratum s) noexcept;
AuditStratum parse_audit_stratum(std::string_view text);  // Error(invalid_arg) naming the text

struct SamplingRule {
    /// Cases drawn per stratum at each draw (0: the programme holds no cases:
    /// its audits are counts only).
    int per_stratum = 0;
    AuditStratum stratify = AuditStratum::none;
    /// For AuditStratum::attribute: the case attribute in force on the day of
    /// the draw ("audit_group": Secondary, Primary, SEN, Early Years).
    std::string attribute;
    /// A case audited by the programme in the months before the draw is not
    /// drawn again (0: no exclusion).
    int exclusion_months = 12;
};
bool operator==(const SamplingRule& a, const SamplingRule& b);

struct AuditProgramme {
    std::int64_t id = 0;
    std::string name;       // unique ignoring case; a checked name
    std::string type;       // one of kAuditTypes or a council's own
    std::string cycle;      // "monthly", "quarterly", a duration ("6 weeks"), or "" (one-off: next_due only)
    std::string owner;      // a person in the workforce: reminders go to them
    AuditScale scale = ofsted_scale();
    SamplingRule sampling;
    std::optional<Date> next_due;
};
bool operator==(const AuditProgramme& a, const AuditProgramme& b);

/// "monthly" (1 month), "quarterly" (3 months), "annually" (12 months) or a
/// duration as calendar/duration.hpp reads it; nullopt for "" or "none".
/// Error(parse) naming the text otherwise.
std::optional<Duration> parse_audit_cycle(std::string_view text);

/// Stores a programme. Error(conflict) for a name taken; Error(not_found)
/// for an owner who is not a person; Error(invalid_arg) for a bad type,
/// cycle, sampling rule or due date. Returns its id.
std::int64_t add_audit_programme(Store& store, const AuditProgramme& programme);
std::optional<AuditProgramme> try_find_audit_programme(const Store& store, std::string_view name);
/// By name.
std::vector<AuditProgramme> list_audit_programmes(const Store& store);
/// Sets (or, nullopt, clears) the next due date: "next audit is due on 12
/// December 2012". Recording an audit moves it on by the cycle.
void set_audit_programme_due(Store& store, std::string_view name, std::optional<Date> due);
/// {"format":"oversight-audit-programmes","version":1,"programmes":[{"name",
///  "type","cycle","owner","scale","per_stratum","stratify","attribute",
///  "exclusion_months","next_due"}]}.
std::string audit_programmes_to_json(const std::vector<AuditProgramme>& programmes);

// --- reproducible samples --------------------------------------------------------

/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
/// generators", OOPSLA 2014; the constants of Vigna's public-domain
/// splitmix64.c): the same seed gives the same sequence on every platform.
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) noexcept : state_(seed) {}
    std::uint64_t next() noexcept;
    /// Uniform in [0, bound) by rejection (no modulo bias); bound > 0.
    std::uint64_t below(std::uint64_t bound) noexcept;

private:
    std::uint64_t state_;
};

struct SampledCase {
    std::string child_id;
    std::string stratum;  // "" when not stratified; "(none)" for no team/worker/attribute/manager
    std::string worker;   // allocated on the day of the draw ("" when none)
    std::string team;
};
struct StratumDraw {
    std::string stratum;
    int eligible = 0;  // cases in the stratum
    int excluded = 0;  // of those, audited within the exclusion period
    int drawn = 0;     // min(per_stratum, eligible - excluded)
};
struct AuditSample {
    std::string programme;
    Date as_of;
    std::uint64_t seed = 0;
    std::vector<StratumDraw> strata;  // by stratum name
    std::vector<SampledCase> cases;   // by stratum, then child id
};
/// The draw behind draw_audit_sample, for any list of candidates (the
/// supervision audit draws sessions): the positions of min(k, population)
/// of `population` candidates, which the caller gives in its own fixed order
/// (child id, session id), chosen by a partial Fisher-Yates shuffle driven
/// by SplitMix64(seed XOR the FNV-1a 64-bit hash of `stratum`), in
/// ascending order. The same arguments give the same positions.
std::vector<std::size_t> draw_positions(std::size_t population, std::size_t k, std::uint64_t seed,
                                        std::string_view stratum);

/// Draws `per_stratum` cases from each stratum of the cases open on `as_of`
/// (casework's list_cases: a child allocated to a worker that day), leaving
/// out those audited by the programme in the `exclusion_months` up to
/// `as_of` (audits held later do not count): a partial Fisher-Yates shuffle
/// of each stratum's cases in child id order, driven by SplitMix64(seed XOR
/// the FNV-1a 64-bit hash of the stratum's name), one generator per stratum,
/// so one stratum's draw does not depend on the others. The same store, day
/// and seed give the same sample.
/// Error(invalid_arg) when the programme holds no cases (per_stratum 0).
AuditSample draw_audit_sample(const Store& store, std::string_view programme, Date as_of, std::uint64_t seed);
/// {"format":"oversight-audit-sample","version":1,"programme","as_of","seed"
///  (text: a 64-bit value),"strata":[{"stratum","eligible","excluded","drawn"}],
///  "cases":[{"child","stratum","worker","team"}]}.
std::string audit_sample_to_json(const AuditSample& sample);

// --- audits --------------------------------------------------------------------

struct Auditor {
    std::string name;
    std::string agency;  // "" for the council itself ("Health", "Police", "Education")
};
struct AuditedCase {
    std::int64_t id = 0;
    std::optional<std::string> child_id;  // nullopt once the child was erased
    std::string grade;
    /// The criteria checklist: criterion key ([a-z][a-z0-9_]*) -> answer
    /// ("yes", "no", "partly", "n/a" or any short text).
    std::map<std::string, std::string> answers;
    std::string findings;
};
struct AuditRecommendation {
    int number = 0;  // 1, 2, ... in the audit
    std::string text;
    std::string owner;  // a person in the workforce
    Date due;
    std::optional<Date> completed;
};
struct PlanActionLink {
    std::int64_t plan_id = 0;
    std::string action;  // the action's ref in the plan ("4.1")
};
bool operator==(const PlanActionLink& a, const PlanActionLink& b);

struct Audit {
    std::int64_t id = 0;
    std::string reference;  // unique ignoring case
    std::string programme;  // the programme's name
    Date held;              // the day the audit took place
    Date recorded;          // the day it was recorded (on or after held)
    std::vector<Auditor> auditors;
    std::vector<AuditedCase> cases;   // per-case grades (may be empty)
    std::map<std::string, int> counts;  // counts only, by grade (no case ids)
    std::string findings;
    std::vector<AuditRecommendation> recommendations;
    std::vector<PlanActionLink> plan_actions;
};

/// Records an audit of a programme, in one transaction, and moves the
/// programme's next due date on to held + cycle (counted on `calendar`,
/// day 0 the day held) when that is later. Checked: the reference is free;
/// the programme exists; held <= recorded <= today, both in 1900..2199;
/// grades are on the programme's scale; children exist and appear once;
/// each recommendation's owner is a person and its due date not before the
/// audit was held; each plan action exists; at least one case or count.
/// Error(invalid_arg) / Error(not_found) / Error(conflict) naming the field.
std::int64_t record_audit(Store& store, const Audit& audit, const Calendar& calendar);
std::optional<Audit> try_find_audit(const Store& store, std::string_view reference);
/// The audits of a programme (all when empty), by date held then reference.
std::vector<Audit> list_audits(const Store& store, std::string_view programme = {});

/// Reads the JSON document {"format":"oversight-audit-record","version":1,
/// "reference","programme","held","recorded","auditors":[{"name","agency"}],
/// "cases":[{"child","grade","answers":{key:text},"findings"}],
/// "counts":{grade:n},"findings","recommendations":[{"text","owner","due"}],
/// "plan_actions":[{"plan","action"}]} (only reference, programme, held and
/// recorded required; schema data/schemas/oversight-audit-record.schema.json).
/// Error(parse) naming `source`, the line and column, or the field at fault.
Audit parse_audit_record(std::string_view json_text, std::string_view source = "audit record");

/// Marks recommendation `number` of the audit done on `completed`.
void complete_audit_recommendation(Store& store, std::string_view reference, int number, Date completed);
/// Links the audit to a plan action whose impact it evidences (a no-op
/// when already linked). Error(not_found) for an unknown audit or action.
void link_audit_to_plan_action(Store& store, std::string_view reference, const PlanActionLink& link);
/// The references of the audits linked to a plan action, by date held.
std::vector<std::string> audits_for_plan_action(const Store& store, const PlanActionLink& link);

// --- results ------------------------------------------------------------------

/// k of n with its share and the 95% Wilson score interval (Wilson 1927;
/// z = 1.959964): centre (p + z^2/2n) / (1 + z^2/n), half-width
/// z sqrt(p(1-p)/n + z^2/4n^2) / (1 + z^2/n). n = 0: share, low and high 0.
struct Proportion {
    int k = 0;
    int n = 0;
    double share = 0;
    double low = 0;
    double high = 0;
};
Proportion wilson(int k, int n);
/// "3 of 4 (75.0%, 95% CI 30.1%-95.4%)": how reports write a proportion.
std::string describe(const Proportion& p);

struct GradeCount {
    std::string grade;
    Proportion proportion;
};
struct GroupResult {
    std::string name;     // a team or worker ("(none)": unallocated on the day held)
    int cases = 0;
    Proportion positive;  // graded positive
};
struct AuditResult {
    std::string reference;
    std::string programme;
    std::string type;
    Date held;
    Date recorded;
    AuditScale scale;
    int audited = 0;                  // cases graded plus counts
    std::vector<GradeCount> grades;   // every grade of the scale, best first
    Proportion positive;              // graded in the scale's positive grades
    std::vector<GroupResult> teams;   // by name; only cases with a child id
    std::vector<GroupResult> workers; // by name
    int recommendations = 0;
    int recommendations_open = 0;
};
/// The results of one audit; teams and workers as allocated on the day held
/// (casework's allocations and appointments). Error(not_found).
AuditResult audit_result(const Store& store, std::string_view reference);
/// {"format":"oversight-audit-result","version":1,...} (schema
/// oversight-audit-result).
std::string audit_result_to_json(const AuditResult& result);
std::string audit_result_to_text(const AuditResult& result);

enum class TrendVerdict { too_few, too_small, rising, falling };
std::string_view to_string(TrendVerdict v) noexcept;  // "too_few", "too_small", "rising", "falling"
struct TrendPoint {
    std::string reference;
    Date held;
    Proportion positive;
};
struct AuditTrend {
    std::string programme;  // for a type's trend: its programmes' names, comma-separated
    std::string type;       // the programmes' audit type ("" from the pure overload)
    std::string positive_label;  // "good or better", "satisfactory", or "outstanding, good"
    std::vector<TrendPoint> points;  // by date held
    TrendVerdict verdict = TrendVerdict::too_few;
    /// Why, in words: the shares and n of the first and last audits, and
    /// whether their 95% intervals overlap.
    std::string statement;
};
/// The trend of the positive share across the programme's audits: rising or
/// falling only when the first and the last audit's 95% Wilson intervals
/// do not overlap; too_small when they do (the samples are too small to
/// tell); too_few with fewer than two audits with cases.
AuditTrend audit_trend(const Store& store, std::string_view programme);
AuditTrend audit_trend(std::string programme, const AuditScale& scale, std::vector<TrendPoint> points);
/// The same across every audit of every programme of one audit type (the
/// PEP audits of several programmes, say), by date held, each audit's share
/// counted on its own programme's scale; the label is the scales' when they
/// are all the same, "graded positive" otherwise. Error(not_found) when no
/// programme has the type (ignoring case).
AuditTrend audit_trend_by_type(const Store& store, std::string_view type);
/// {"format":"oversight-audit-trend","version":1,...} (schema oversight-audit-trend).
std::string audit_trend_to_json(const AuditTrend& trend);
std::string audit_trend_to_text(const AuditTrend& trend);

// --- recommendations as tracked actions and programmes due ---------------------

struct AuditAction {
    std::string audit;
    std::string programme;
    int number = 0;
    std::string text;
    std::string owner;
    Date due;
    std::optional<Date> completed;
    bool overdue = false;  // not completed and due before as_of
    int days_overdue = 0;  // calendar days
};
/// Every recommendation of every audit (open ones only when `open_only`),
/// overdue first, then by due date, audit and number.
std::vector<AuditAction> audit_actions(const Store& store, Date as_of, bool open_only = false);
/// {"format":"oversight-audit-actions","version":1,"as_of","actions":[...]}.
std::string audit_actions_to_json(Date as_of, const std::vector<AuditAction>& actions);

}  // namespace oversight
