/*
 * <oversight/c/plan.h> - the improvement plan in a store.
 *
 * Plans, recommendations, actions, progress updates, milestones, tasks and
 * manual RAG overrides; the canonical JSON and CSV exports; the people a plan
 * names. Every change is one transaction with a history row per changed field.
 * Reading a plan action by action: <oversight/c/action_iter.h>; reports:
 * <oversight/c/report.h>; imports: <oversight/c/import.h>; the people
 * directory: <oversight/c/workforce.h>.
 *
 * Addressing: a plan by its id (oversight_plan_latest gives the newest); a
 * recommendation by its number within the plan; an action by its reference
 * ("2.5") within the plan; milestones and tasks by the id returned when they
 * were added.
 *
 * Enumerations are canonical text (display forms such as "In progress" or
 * "Within 3 months" are accepted too):
 *   timescale: "immediately", "within_three_months", "within_six_months", "by_date"
 *   status:    "not_started", "in_progress", "complete", "withdrawn", "blocked"
 *   rag:       "blue", "green", "amber", "red"
 *
 * Errors: OVERSIGHT_E_INVALID_ARG for NULL, invalid UTF-8, impossible dates,
 * unknown enum text and unknown struct versions; OVERSIGHT_E_NOT_FOUND for
 * unknown plans, numbers, references and ids; OVERSIGHT_E_CONFLICT for
 * duplicates. A failed call leaves the store unchanged. Text is stored verbatim.
 */
#ifndef OVERSIGHT_C_PLAN_H
#define OVERSIGHT_C_PLAN_H

#include <oversight/c/base.h>

OVERSIGHT_BEGIN_DECLS

/* ------------------------------------------------------------------- plans */

/* Creates an empty plan. `authority` may be NULL (empty), `report_date` NULL
 * (unknown). *out_plan_id receives its id. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_create(oversight_store *store, const char *title,
                                                                    const char *authority,
                                                                    const oversight_date *report_date,
                                                                    int64_t *out_plan_id) OVERSIGHT_NOEXCEPT;

/* The id of the most recently saved plan; OVERSIGHT_E_NOT_FOUND if none. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_latest(const oversight_store *store,
                                                                    int64_t *out_plan_id) OVERSIGHT_NOEXCEPT;

/* Every plan, oldest first, as an owned JSON document
 * {"format":"oversight-plan-list","version":1,"plans":[{"id","title",
 *  "authority","report_date" (or null),"recommendations","actions"}]}. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_list_json(const oversight_store *store,
                                                                       char **out) OVERSIGHT_NOEXCEPT;

/* The plan-wide settings that change derived dates. */
typedef struct oversight_plan_settings {
    uint32_t version;          /* OVERSIGHT_PLAN_SETTINGS_VERSION */
    int32_t immediately_days;  /* "Immediately" = report date + this many days; default 0 */
    int32_t due_soon_days;     /* "due soon" = due within this many days; default 28 */
    int32_t stale_update_days; /* in progress with no update for this long: amber; default 90 */
} oversight_plan_settings;

#define OVERSIGHT_PLAN_SETTINGS_VERSION 1
#define OVERSIGHT_PLAN_SETTINGS_INIT { OVERSIGHT_PLAN_SETTINGS_VERSION, 0, 28, 90 }

/* Fills *opts with the defaults of OVERSIGHT_PLAN_SETTINGS_INIT. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_settings_init(oversight_plan_settings *opts,
                                                                           uint32_t version) OVERSIGHT_NOEXCEPT;

/* Replaces the plan's settings (each value 0..3650). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_set_settings(
    oversight_store *store, int64_t plan_id, const oversight_plan_settings *settings) OVERSIGHT_NOEXCEPT;

/* Sets the inspection report date that anchors the timescales, or clears it
 * when `report_date` is NULL. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_set_report_date(
    oversight_store *store, int64_t plan_id, const oversight_date *report_date) OVERSIGHT_NOEXCEPT;

/* The plan as Oversight's canonical JSON document ({"format":"oversight-plan",
 * "version":1,...}; ids are not part of it), an owned string. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_export_json(const oversight_store *store,
                                                                         int64_t plan_id, char **out) OVERSIGHT_NOEXCEPT;

/* The plan as Oversight's canonical CSV (one record per row), an owned string. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_export_csv(const oversight_store *store,
                                                                        int64_t plan_id, char **out) OVERSIGHT_NOEXCEPT;

/* -------------------------------------------------------- recommendations */

/* A new recommendation. */
typedef struct oversight_plan_recommendation {
    uint32_t version;                    /* OVERSIGHT_PLAN_RECOMMENDATION_VERSION */
    int32_t number;                      /* 1.., unique in the plan */
    const char *section;                 /* heading (created if new); NULL or "": none */
    const char *text;                    /* required */
    const char *timescale;               /* required (see above) */
    const oversight_date *explicit_date; /* required for "by_date"; else NULL or an explicit target */
    const char *lead;                    /* NULL: none */
    const char *cost;                    /* cost as printed ("c£1.7m", "TBC"), parsed; NULL: none */
} oversight_plan_recommendation;

#define OVERSIGHT_PLAN_RECOMMENDATION_VERSION 1
#define OVERSIGHT_PLAN_RECOMMENDATION_INIT { OVERSIGHT_PLAN_RECOMMENDATION_VERSION, 0, NULL, NULL, NULL, NULL, NULL, NULL }

/* Fills *opts with the defaults of OVERSIGHT_PLAN_RECOMMENDATION_INIT. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_recommendation_init(oversight_plan_recommendation *opts,
                                                                                 uint32_t version) OVERSIGHT_NOEXCEPT;

/* Adds the recommendation at the end of the plan; *out_id receives its id. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_add_recommendation(
    oversight_store *store, int64_t plan_id, const oversight_plan_recommendation *recommendation,
    int64_t *out_id) OVERSIGHT_NOEXCEPT;

/* Changes to a recommendation: a NULL member is left unchanged. */
typedef struct oversight_plan_recommendation_change {
    uint32_t version;                    /* OVERSIGHT_PLAN_RECOMMENDATION_CHANGE_VERSION */
    const char *section;
    const char *text;
    const char *timescale;
    const oversight_date *explicit_date; /* a new explicit target date */
    int32_t clear_explicit_date;         /* 1: remove the explicit date (not with "by_date") */
    const char *lead;
    const char *cost;                    /* re-parsed */
} oversight_plan_recommendation_change;

#define OVERSIGHT_PLAN_RECOMMENDATION_CHANGE_VERSION 1
#define OVERSIGHT_PLAN_RECOMMENDATION_CHANGE_INIT \
    { OVERSIGHT_PLAN_RECOMMENDATION_CHANGE_VERSION, NULL, NULL, NULL, NULL, 0, NULL, NULL }

/* Fills *opts with OVERSIGHT_PLAN_RECOMMENDATION_CHANGE_INIT (no change). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_recommendation_change_init(
    oversight_plan_recommendation_change *opts, uint32_t version) OVERSIGHT_NOEXCEPT;

/* Applies the change to recommendation `number` in one transaction, one
 * history row per field that really changed. Setting explicit_date and
 * clear_explicit_date together is OVERSIGHT_E_INVALID_ARG. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_update_recommendation(
    oversight_store *store, int64_t plan_id, int32_t number,
    const oversight_plan_recommendation_change *change) OVERSIGHT_NOEXCEPT;

/* ----------------------------------------------------------------- actions */

/* A new action. */
typedef struct oversight_plan_action {
    uint32_t version;          /* OVERSIGHT_PLAN_ACTION_VERSION */
    const char *ref;           /* "2.5": required, unique in the plan */
    const char *description;   /* required */
    const char *lead;          /* NULL: none (the recommendation's lead counts in reports) */
    const char *status;        /* NULL: "not_started" */
    const oversight_date *due; /* NULL: the recommendation's target date */
    const char *impact_intended; /* NULL: none */
    const char *impact_evidence; /* NULL: none */
    const char *cost;          /* as printed, parsed; NULL: none */
} oversight_plan_action;

#define OVERSIGHT_PLAN_ACTION_VERSION 1
#define OVERSIGHT_PLAN_ACTION_INIT { OVERSIGHT_PLAN_ACTION_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL }

/* Fills *opts with the defaults of OVERSIGHT_PLAN_ACTION_INIT. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_action_init(oversight_plan_action *opts,
                                                                         uint32_t version) OVERSIGHT_NOEXCEPT;

/* Adds the action at the end of recommendation `recommendation_number`;
 * *out_id receives its id. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_add_action(oversight_store *store, int64_t plan_id,
                                                                        int32_t recommendation_number,
                                                                        const oversight_plan_action *action,
                                                                        int64_t *out_id) OVERSIGHT_NOEXCEPT;

/* Changes to an action: a NULL member is left unchanged. */
typedef struct oversight_plan_action_change {
    uint32_t version;          /* OVERSIGHT_PLAN_ACTION_CHANGE_VERSION */
    const char *status;
    const char *description;
    const char *lead;
    const oversight_date *due; /* a new due date of its own */
    int32_t clear_due;         /* 1: drop its own due date (the recommendation's applies again) */
    const char *impact_intended;
    const char *impact_evidence;
    const char *cost;          /* re-parsed */
} oversight_plan_action_change;

#define OVERSIGHT_PLAN_ACTION_CHANGE_VERSION 1
#define OVERSIGHT_PLAN_ACTION_CHANGE_INIT \
    { OVERSIGHT_PLAN_ACTION_CHANGE_VERSION, NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL }

/* Fills *opts with OVERSIGHT_PLAN_ACTION_CHANGE_INIT (no change). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_action_change_init(oversight_plan_action_change *opts,
                                                                                uint32_t version) OVERSIGHT_NOEXCEPT;

/* Applies the change to action `ref` in one transaction, one history row per
 * field that really changed. Setting due and clear_due together is
 * OVERSIGHT_E_INVALID_ARG. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_update_action(
    oversight_store *store, int64_t plan_id, const char *ref,
    const oversight_plan_action_change *change) OVERSIGHT_NOEXCEPT;

/* A progress update on an action. */
typedef struct oversight_plan_progress {
    uint32_t version;    /* OVERSIGHT_PLAN_PROGRESS_VERSION */
    oversight_date date; /* required */
    const char *author;  /* NULL: none */
    const char *text;    /* required, not blank */
} oversight_plan_progress;

#define OVERSIGHT_PLAN_PROGRESS_VERSION 1
#define OVERSIGHT_PLAN_PROGRESS_INIT { OVERSIGHT_PLAN_PROGRESS_VERSION, { 0, 0, 0 }, NULL, NULL }

/* Fills *opts with OVERSIGHT_PLAN_PROGRESS_INIT (the date must still be set). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_progress_init(oversight_plan_progress *opts,
                                                                           uint32_t version) OVERSIGHT_NOEXCEPT;

/* Appends a progress update to action `ref`; *out_id receives its id. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_add_progress(oversight_store *store, int64_t plan_id,
                                                                          const char *ref,
                                                                          const oversight_plan_progress *progress,
                                                                          int64_t *out_id) OVERSIGHT_NOEXCEPT;

/* Appends a milestone (a date and non-empty text), not yet done, to action
 * `ref`; *out_id receives its id. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_add_milestone(oversight_store *store, int64_t plan_id,
                                                                           const char *ref, oversight_date date,
                                                                           const char *text,
                                                                           int64_t *out_id) OVERSIGHT_NOEXCEPT;

/* Marks milestone `milestone_id` done (done != 0) or not done. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_complete_milestone(oversight_store *store,
                                                                                int64_t milestone_id,
                                                                                int32_t done) OVERSIGHT_NOEXCEPT;

/* An outstanding task of an action ("What do we still need to do"). */
typedef struct oversight_plan_task {
    uint32_t version;          /* OVERSIGHT_PLAN_TASK_VERSION */
    const char *text;          /* required */
    const char *owner;         /* NULL: none */
    const oversight_date *due; /* NULL: none */
} oversight_plan_task;

#define OVERSIGHT_PLAN_TASK_VERSION 1
#define OVERSIGHT_PLAN_TASK_INIT { OVERSIGHT_PLAN_TASK_VERSION, NULL, NULL, NULL }

/* Fills *opts with the defaults of OVERSIGHT_PLAN_TASK_INIT. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_task_init(oversight_plan_task *opts,
                                                                       uint32_t version) OVERSIGHT_NOEXCEPT;

/* Appends an outstanding task to action `ref`; *out_id receives its id. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_add_task(oversight_store *store, int64_t plan_id,
                                                                      const char *ref, const oversight_plan_task *task,
                                                                      int64_t *out_id) OVERSIGHT_NOEXCEPT;

/* Marks task `task_id` done (done != 0) or not done. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_complete_task(oversight_store *store, int64_t task_id,
                                                                           int32_t done) OVERSIGHT_NOEXCEPT;

/* A manual RAG that replaces the computed one. */
typedef struct oversight_plan_rag_override {
    uint32_t version;      /* OVERSIGHT_PLAN_RAG_OVERRIDE_VERSION */
    const char *rag;       /* "blue", "green", "amber" or "red": required */
    const char *by;        /* who set it: required, not empty */
    const char *reason;    /* why: required, not empty */
    oversight_date set_on; /* when: required */
} oversight_plan_rag_override;

#define OVERSIGHT_PLAN_RAG_OVERRIDE_VERSION 1
#define OVERSIGHT_PLAN_RAG_OVERRIDE_INIT { OVERSIGHT_PLAN_RAG_OVERRIDE_VERSION, NULL, NULL, NULL, { 0, 0, 0 } }

/* Fills *opts with OVERSIGHT_PLAN_RAG_OVERRIDE_INIT (every member must still be set). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_rag_override_init(oversight_plan_rag_override *opts,
                                                                               uint32_t version) OVERSIGHT_NOEXCEPT;

/* Sets (or replaces) the manual RAG of action `ref`. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_set_rag(oversight_store *store, int64_t plan_id,
                                                                     const char *ref,
                                                                     const oversight_plan_rag_override *rag) OVERSIGHT_NOEXCEPT;

/* Removes the manual RAG of action `ref`; OVERSIGHT_E_NOT_FOUND if it has none. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_clear_rag(oversight_store *store, int64_t plan_id,
                                                                       const char *ref) OVERSIGHT_NOEXCEPT;

/* ------------------------------------------------------------------ people */

/* The people a plan names that need a human's attention, as an owned JSON
 * document {"format":"oversight-plan-people","version":1,"plan_id",
 *  "unlisted":["name"] (leads and task owners not in the people directory,
 *  sorted), "probable_duplicates":[{"a","b","similarity","reason"}] (names
 *  among the directory and the plan that probably mean one person)}.
 * Merge them with oversight_workforce_merge_people. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_people_json(const oversight_store *store,
                                                                         int64_t plan_id, char **out) OVERSIGHT_NOEXCEPT;

/* -------------------------------------------------------------- inspection */

/* The Ofsted inspection the plan answers; its clocks: the final action plan
 * within 70 working days of the letter, an early draft within 20 after a
 * focused visit with areas for priority action, and (when Ofsted monitors
 * the council) the first monitoring visit expected within 4 weeks of the
 * plan deadline (ILACS; SECONDARY sources, see <oversight/plan/inspection.hpp>).
 * There is no overall effectiveness grade: Ofsted no longer gives one.
 *   kind: "full", "focused_visit", "monitoring_visit", "other" */
typedef struct oversight_plan_inspection {
    uint32_t version;                       /* OVERSIGHT_PLAN_INSPECTION_VERSION */
    const char *kind;                       /* required (see above) */
    oversight_date letter;                  /* the inspection letter: day 0 of the clocks; required */
    const oversight_date *ended;            /* last day on site, on or before the letter; NULL: not known */
    int32_t priority_actions;               /* 1: a focused visit with areas for priority action; 0 or 1 */
    int32_t monitored;                      /* 1: Ofsted monitors the council; 0 or 1 */
    const oversight_date *draft_submitted;  /* NULL: not yet sent */
    const oversight_date *plan_submitted;   /* NULL: not yet sent */
    const char *owner;                      /* who submits; NULL: none */
} oversight_plan_inspection;

#define OVERSIGHT_PLAN_INSPECTION_VERSION 1
#define OVERSIGHT_PLAN_INSPECTION_INIT { OVERSIGHT_PLAN_INSPECTION_VERSION, NULL, { 0, 0, 0 }, NULL, 0, 0, NULL, NULL, NULL }

/* Fills *opts with OVERSIGHT_PLAN_INSPECTION_INIT (kind and letter must still be set). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_inspection_init(oversight_plan_inspection *opts,
                                                                             uint32_t version) OVERSIGHT_NOEXCEPT;

/* Records or replaces the plan's inspection, or clears it when `inspection`
 * is NULL; one history row per changed field (entity "plan_inspection").
 * OVERSIGHT_E_INVALID_ARG naming the field for an impossible one (ended after
 * the letter, a submission before it, priority actions but for a focused
 * visit, a draft with no draft clock). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_set_inspection(
    oversight_store *store, int64_t plan_id, const oversight_plan_inspection *inspection) OVERSIGHT_NOEXCEPT;

/* The plan's inspection clocks as of `as_of` (NULL: today), working days
 * counted on `calendar` (NULL: England and Wales), as an owned JSON document
 * {"format":"oversight-inspection-clocks","version":1,"plan_id","as_of",
 *  "inspection" (or null),"clocks":[{"id","name","anchor","due","rule",
 *  "source","met","state","state_text","working_days_left",
 *  "working_days_late"}]}. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_inspection_clocks_json(
    const oversight_store *store, int64_t plan_id, const oversight_calendar *calendar, const oversight_date *as_of,
    char **out) OVERSIGHT_NOEXCEPT;

OVERSIGHT_END_DECLS

#endif /* OVERSIGHT_C_PLAN_H */
