/*
 * <oversight/c/complaints.h> - complaints under the Children Act 1989
 * Representations Procedure (England) Regulations 2006 (RPR 2006).
 *
 * A complaint (a unique reference, the date received, the child it is about
 * if any, a category) goes through up to three stages: 1 local resolution
 * (10 working days, extendable to 20: reg 14), 2 investigation (25 working
 * days, at most 65: reg 17; the clock starts when the statement of
 * complaint is agreed, or on the request, as the rules say), 3 review panel
 * (panel within 30 working days of the request, reg 19(4); report within 5,
 * the authority's response within 15, reg 20). Due dates are counted in
 * working days on a calendar (NULL: England and Wales), day 0 the trigger.
 * Every change is one transaction with history rows (entities "complaint"
 * and "complaint_stage"). The C++ API: <oversight/complaints/complaint.hpp>.
 */
#ifndef OVERSIGHT_C_COMPLAINTS_H
#define OVERSIGHT_C_COMPLAINTS_H

#include <oversight/c/base.h>

OVERSIGHT_BEGIN_DECLS

/* The timescales (working days) and the calendar they are counted on. */
typedef struct oversight_complaints_rules {
    uint32_t version;                   /* OVERSIGHT_COMPLAINTS_RULES_VERSION */
    int32_t stage2_clock_from_request;  /* 1: the stage 2 clock always starts on the request;
                                           0 (default): on the date the statement was agreed, when recorded */
    int32_t stage1_days;                /* 10 */
    int32_t stage1_extended_days;       /* 20 */
    int32_t stage2_days;                /* 25 */
    int32_t stage2_extended_days;       /* 65 */
    int32_t panel_days;                 /* 30: request -> panel meeting */
    int32_t panel_report_days;          /* 5: panel meeting -> report */
    int32_t authority_days;             /* 15: report -> the authority's response */
    const oversight_calendar *calendar; /* NULL: England and Wales */
} oversight_complaints_rules;

#define OVERSIGHT_COMPLAINTS_RULES_VERSION 1
#define OVERSIGHT_COMPLAINTS_RULES_INIT { OVERSIGHT_COMPLAINTS_RULES_VERSION, 0, 10, 20, 25, 65, 30, 5, 15, NULL }

/* Fills *opts with OVERSIGHT_COMPLAINTS_RULES_INIT; OVERSIGHT_E_INVALID_ARG
 * for NULL or an unknown version. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_complaints_rules_init(oversight_complaints_rules *opts,
                                                                             uint32_t version) OVERSIGHT_NOEXCEPT;

/* Records a complaint received on `received` (stage 1 starts that day).
 * `child_id` and `category` may be NULL. `out_id` may be NULL.
 * OVERSIGHT_E_CONFLICT when the reference is taken (ignoring case);
 * OVERSIGHT_E_NOT_FOUND for an unknown child; OVERSIGHT_E_INVALID_ARG for a
 * blank reference or a date after today. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_complaints_add(oversight_store *store, const char *reference,
                                                                      oversight_date received, const char *child_id,
                                                                      const char *category,
                                                                      int64_t *out_id) OVERSIGHT_NOEXCEPT;

/* Extends the current stage (1: to 20, 2: to 65 working days);
 * OVERSIGHT_E_INVALID_ARG at stage 3 or once it was responded to. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_complaints_extend(oversight_store *store,
                                                                         const char *reference) OVERSIGHT_NOEXCEPT;

/* Records the response to the current stage: `outcome` is "upheld",
 * "partly_upheld", "not_upheld" or "withdrawn". */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_complaints_respond(oversight_store *store,
                                                                          const char *reference,
                                                                          oversight_date response,
                                                                          const char *outcome) OVERSIGHT_NOEXCEPT;

/* The complainant asks for the next stage on `requested` (after the current
 * stage's response). `statement_agreed` (stage 2 only) may be NULL. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_complaints_escalate(
    oversight_store *store, const char *reference, oversight_date requested,
    const oversight_date *statement_agreed) OVERSIGHT_NOEXCEPT;

/* Records the stage 3 panel meeting and, when not NULL, its report. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_complaints_record_panel(oversight_store *store,
                                                                               const char *reference,
                                                                               oversight_date meeting,
                                                                               const oversight_date *report) OVERSIGHT_NOEXCEPT;

/* Sets the lessons learnt ("" clears them). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_complaints_set_lessons(oversight_store *store,
                                                                              const char *reference,
                                                                              const char *lessons) OVERSIGHT_NOEXCEPT;

/* The open complaints as of `as_of` (NULL: today), by stage then due date, as
 * an owned CSV text (csv != 0) or the owned JSON document
 * {"format":"oversight-complaints","version":1,"as_of","complaints":[{
 * "reference","child_id","category","stage","requested","clock_start",
 * "extended","due","state":"in_time"|"overdue","overdue_working_days",
 * "working_days_left"}]}. `rules` may be NULL (the defaults). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_complaints_open_json(const oversight_store *store,
                                                                            const oversight_date *as_of,
                                                                            const oversight_complaints_rules *rules,
                                                                            int32_t csv, char **out) OVERSIGHT_NOEXCEPT;

/* The lessons-learnt summary of `quarter` ("2012Q3": the calendar quarter,
 * July to September 2012), as owned plain text (text != 0) or the owned JSON
 * document {"format":"oversight-complaint-lessons","version":1,"from","to",
 * "received","stages":[{"stage","started","responded","in_time",
 * "share_in_time","outcomes":{...}}],"lessons":[{"reference","category",
 * "stage","outcome","lessons"}]}. OVERSIGHT_E_INVALID_ARG for a quarter not
 * written YYYYQn. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_complaints_lessons_json(const oversight_store *store,
                                                                               const char *quarter,
                                                                               const oversight_complaints_rules *rules,
                                                                               int32_t text, char **out) OVERSIGHT_NOEXCEPT;

OVERSIGHT_END_DECLS

#endif /* OVERSIGHT_C_COMPLAINTS_H */
