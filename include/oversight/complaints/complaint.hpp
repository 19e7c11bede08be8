// Complaints under the Children Act 1989 Representations Procedure
// (England) Regulations 2006 (SI 2006/1738, "RPR 2006"; history entities
// "complaint" and "complaint_stage"): each complaint, the stages it reached
// and their statutory timescales, the open complaints with their state, and
// the quarterly "lessons learnt from complaints" summary of the seed plan
// (action 4.1: "A quarterly report ... setting out the 'lessons learnt from
// complaints'").
//
// Timescales, as the statutory-timescales reference (section 7) gives them,
// with its confidence markers; all in working days (RPR 2006 reg 2: not a
// Saturday, Sunday, Christmas Day, Boxing Day, Good Friday or a bank holiday,
// CONFIRMED), counted on the Calendar given (add_duration, day 0 the trigger):
//  - stage 1 (local resolution): response within 10 working days of receipt,
//    up to 20 for complex cases (reg 14; 10 SECONDARY, 20 SECONDARY,
//    extension wording UNCONFIRMED);
//  - stage 2 (investigation): response within 25 working days of the request,
//    no later than 65 where 25 is not reasonably practicable (reg 17;
//    SECONDARY, sub-paragraphs UNCONFIRMED). The clock: LGSCO and the
//    guidance start it on the date the statement of complaint is agreed,
//    "not always the date of request" (UNCONFIRMED; "make the start event
//    configurable"): ComplaintRules::stage2_clock;
//  - stage 3 (review panel): the panel meets within 30 working days of the
//    request (reg 19(4), CONFIRMED), reports within 5 working days of
//    meeting (reg 20, CONFIRMED), and the authority responds within 15
//    working days of the report (reg 20, CONFIRMED).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <oversight/calendar/calendar.hpp>
#include <oversight/calendar/duration.hpp>
#include <oversight/core/date.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

enum class ComplaintOutcome { upheld, partly_upheld, not_upheld, withdrawn };
/// "upheld", "partly_upheld", "not_upheld", "withdrawn".
std::string_view to_string(ComplaintOutcome outcome) noexcept;
/// Inverse of to_string ("Partly upheld" too); Error(invalid_arg) naming the text.
ComplaintOutcome parse_complaint_outcome(std::string_view text);

/// Where the stage 2 clock starts.
enum class Stage2Clock {
    statement_agreed,  // the date the statement of complaint was agreed, when recorded; else the request
    request,           // always the date of the request
};

/// The timescales, in working days, and how they are counted; the defaults
/// are those of RPR 2006 as above.
struct ComplaintRules {
    Stage2Clock stage2_clock = Stage2Clock::statement_agreed;
    int stage1_days = 10;
    int stage1_extended_days = 20;
    int stage2_days = 25;
    int stage2_extended_days = 65;
    int panel_days = 30;          // request -> panel meeting
    int panel_report_days = 5;    // panel meeting -> report
    int authority_days = 15;      // panel report -> authority's response
    CountingRules counting{};
};

struct ComplaintStage {
    int stage = 1;                              // 1, 2 or 3
    Date requested;                             // stage 1: the complaint's receipt; 2 and 3: the request
    std::optional<Date> statement_agreed;       // stage 2 only
    bool extended = false;                      // stages 1 and 2 only
    std::optional<Date> panel_date;             // stage 3 only
    std::optional<Date> panel_report_date;      // stage 3 only
    std::optional<Date> response_date;          // with an outcome
    std::optional<ComplaintOutcome> outcome;
};
bool operator==(const ComplaintStage& a, const ComplaintStage& b);
inline bool operator!=(const ComplaintStage& a, const ComplaintStage& b) { return !(a == b); }

struct Complaint {
    std::int64_t id = 0;
    std::string reference;                // unique (ignoring case); checked name
    std::optional<std::string> child_id;  // the child it is about, if any
    Date received;
    std::string category;                 // free text ("communication", "placement"); may be empty
    std::string lessons;                  // lessons learnt; may be empty
    std::vector<ComplaintStage> stages;   // stage 1 first; the last is the current one
    const ComplaintStage& current() const { return stages.back(); }
};
bool operator==(const Complaint& a, const Complaint& b);
inline bool operator!=(const Complaint& a, const Complaint& b) { return !(a == b); }

/// Records a complaint received on `received` (stage 1 starts that day).
/// Error(conflict) when the reference is taken; Error(not_found) for an
/// unknown child; Error(invalid_arg) for a blank reference, a date after
/// today or outside 1900..2199, or bad text. Returns the id.
std::int64_t add_complaint(Store& store, std::string_view reference, Date received,
                           const std::optional<std::string>& child_id = std::nullopt, std::string_view category = {});
std::optional<Complaint> try_find_complaint(const Store& store, std::string_view reference);
/// Every complaint, by received date then reference.
std::vector<Complaint> list_complaints(const Store& store);

/// Extends the current stage's timescale (stage 1 to 20, stage 2 to 65
/// working days). Error(invalid_arg) at stage 3 or once responded.
void extend_complaint(Store& store, std::string_view reference);
/// Records the response to the current stage and its outcome (withdrawn:
/// the complainant withdrew, on that date). Error(invalid_arg) when the stage
/// was already responded to, or the date is before the stage's request or
/// after today.
void respond_to_complaint(Store& store, std::string_view reference, Date response, ComplaintOutcome outcome);
/// The complainant asks for the next stage on `requested` (after the
/// current stage's response; never after a withdrawal, never past stage 3).
/// `statement_agreed` only for stage 2.
void escalate_complaint(Store& store, std::string_view reference, Date requested,
                        std::optional<Date> statement_agreed = std::nullopt);
/// Records the date the stage 2 statement of complaint was agreed.
void agree_statement(Store& store, std::string_view reference, Date agreed);
/// Records the stage 3 panel meeting and, when given, its report.
void record_panel(Store& store, std::string_view reference, Date meeting, std::optional<Date> report = std::nullopt);
/// Sets the lessons learnt (replacing them; empty clears them).
void set_complaint_lessons(Store& store, std::string_view reference, std::string_view lessons);

/// The date the stage's clock starts (stage 2: ComplaintRules::stage2_clock).
Date clock_start(const ComplaintStage& stage, const ComplaintRules& rules = {});
/// The stage's due date: stage 1 and 2, the response (extension applied);
/// stage 3, the next step not yet taken: the panel meeting (from the
/// request), the report (from the meeting), the authority's response (from
/// the report).
Date stage_due(const ComplaintStage& stage, const Calendar& calendar, const ComplaintRules& rules = {});
/// True when the stage was responded to by its due date (stage 3: and the
/// panel met in time, when recorded); nullopt when not responded to. A
/// stage 3 response with no report recorded is measured from the latest day
/// the report was due (the panel, or its deadline, plus the report's days),
/// plus the authority's days.
std::optional<bool> responded_in_time(const ComplaintStage& stage, const Calendar& calendar,
                                      const ComplaintRules& rules = {});

/// An open complaint (current stage not responded to) as of a date.
struct OpenComplaint {
    std::string reference;
    std::optional<std::string> child_id;
    std::string category;
    int stage = 1;
    Date requested;
    Date clock_start;
    bool extended = false;
    Date due;
    /// Working days past the due date (0 when not overdue: in time).
    int overdue_working_days = 0;
    /// Working days left to the due date (0 when due today or overdue).
    int working_days_left = 0;
};
/// The open complaints as of `as_of` (stage requested on or before it), by
/// stage then due date then reference.
std::vector<OpenComplaint> open_complaints(const Store& store, Date as_of, const Calendar& calendar,
                                           const ComplaintRules& rules = {});

/// A period of the lessons-learnt report.
struct ComplaintPeriod {
    Date from;
    Date to;  // inclusive
};
/// "2012Q3": the calendar quarter, 1 July to 30 September 2012 (Q1 is
/// January to March: calendar, not financial, quarters). Error(invalid_arg)
/// naming the text otherwise.
ComplaintPeriod parse_quarter(std::string_view text);

struct StageSummary {
    int stage = 1;
    int started = 0;    // stages requested in the period
    int responded = 0;  // stages responded to in the period (the denominator)
    int in_time = 0;    // of those, responded to within their timescale (the numerator)
    int upheld = 0, partly_upheld = 0, not_upheld = 0, withdrawn = 0;  // outcomes of those responded
};
struct LessonsEntry {
    std::string reference;
    std::string category;
    int stage = 1;                    // the stage last responded to in the period
    ComplaintOutcome outcome = ComplaintOutcome::not_upheld;
    std::string lessons;
};
struct LessonsSummary {
    ComplaintPeriod period;
    int received = 0;                  // complaints received in the period
    std::vector<StageSummary> stages;  // always three, stage 1 first
    /// The complaints with a stage responded to in the period and lessons
    /// recorded, by reference.
    std::vector<LessonsEntry> lessons;
};
LessonsSummary lessons_learnt(const Store& store, const ComplaintPeriod& period, const Calendar& calendar,
                              const ComplaintRules& rules = {});

/// {"format":"oversight-complaints","version":1,"as_of","complaints":[{
///  "reference","child_id","category","stage","requested","clock_start",
///  "extended","due","state" ("in_time" or "overdue"),"overdue_working_days",
///  "working_days_left"}]} (schema: oversight-complaints).
std::string open_complaints_to_json(Date as_of, const std::vector<OpenComplaint>& open);
/// The same rows as CSV with a header line (the one CSV writer).
std::string open_complaints_to_csv(const std::vector<OpenComplaint>& open);
/// {"format":"oversight-complaint-lessons","version":1,"from","to",
///  "received","stages":[{"stage","started","responded","in_time",
///  "share_in_time" (null when none responded),"outcomes":{"upheld",
///  "partly_upheld","not_upheld","withdrawn"}}],"lessons":[{"reference",
///  "category","stage","outcome","lessons"}]} (schema: oversight-complaint-lessons).
std::string lessons_to_json(const LessonsSummary& summary);
/// Plain text for the quarterly report.
std::string lessons_to_text(const LessonsSummary& summary);

}  // namespace oversight
