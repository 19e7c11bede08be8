/* Area header of <oversight.h>: included by it; do not include alone.
 *
 * The improvement plan in a store: import and export, changes one field at a
 * time (each in one transaction with history rows), the people directory, an
 * action iterator with RAG, and reports.
 *
 * Addressing: a plan by its id (int64_t; oversight_plan_latest gives the
 * newest); a recommendation by its number within the plan; an action by its
 * reference ("2.5") within the plan; milestones and tasks by the id returned
 * when they were added.
 *
 * Enumerations are passed as canonical text:
 *   timescale: "immediately", "within_three_months", "within_six_months", "by_date"
 *   status:    "not_started", "in_progress", "complete", "withdrawn", "blocked"
 *   rag:       "none", "blue", "green", "amber", "red"
 *   report kind: "full", "plan", "due", "leads", "costs"
 *   report format: "text", "md", "csv", "json"
 * (display forms such as "In progress" or "Within 3 months" are accepted too).
 *
 * Errors: OVERSIGHT_E_INVALID_ARG for NULL, invalid UTF-8, impossible dates
 * and unknown enum text; OVERSIGHT_E_NOT_FOUND for unknown plans, numbers,
 * references and ids; OVERSIGHT_E_CONFLICT for duplicates. A failed call
 * leaves the store unchanged. Text is stored verbatim.
 */
#ifndef OVERSIGHT_PLAN_H
#define OVERSIGHT_PLAN_H

#ifndef OVERSIGHT_H
#error "include <oversight.h>, which includes this area header"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------- import and export */

/* Imports a plan table exported from a PDF (tab-separated, the seed format)
 * from the file at `path` and saves it as a new plan.
 * `report_date`: the inspection report date that anchors the timescales, or
 * NULL if unknown. `title`, `authority`: NULL for the defaults.
 * `*out_plan_id` receives the new plan's id. `out_warnings` (may be NULL)
 * receives an owned JSON array of {"line": N, "message": "..."} describing
 * every repair and doubt met while reading (free with oversight_free).
 * OVERSIGHT_E_NOT_FOUND / OVERSIGHT_E_IO if the file cannot be read,
 * OVERSIGHT_E_PARSE if it is not such a table. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_import_seed(
    oversight_store *store, const char *path, const oversight_date *report_date, const char *title,
    const char *authority, int64_t *out_plan_id, char **out_warnings) OVERSIGHT_NOEXCEPT;

/* Saves a plan given as Oversight's canonical JSON document (text). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_import_json(oversight_store *store, const char *json,
                                                                         int64_t *out_plan_id) OVERSIGHT_NOEXCEPT;
/* Saves a plan given as Oversight's canonical CSV (text). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_import_csv(oversight_store *store, const char *csv,
                                                                        int64_t *out_plan_id) OVERSIGHT_NOEXCEPT;
/* The plan as canonical JSON (owned string; ids are not part of it). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_export_json(const oversight_store *store,
                                                                         int64_t plan_id, char **out) OVERSIGHT_NOEXCEPT;
/* The plan as canonical CSV (owned string). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_export_csv(const oversight_store *store,
                                                                        int64_t plan_id, char **out) OVERSIGHT_NOEXCEPT;

/* -------------------------------------------------------------- plans */

/* Creates an empty plan (add recommendations and actions to it afterwards).
 * `authority` may be NULL (empty); `report_date` may be NULL (unknown). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_create(oversight_store *store, const char *title,
                                                                    const char *authority,
                                                                    const oversight_date *report_date,
                                                                    int64_t *out_plan_id) OVERSIGHT_NOEXCEPT;

/* The id of the most recently saved plan; OVERSIGHT_E_NOT_FOUND if none. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_latest(const oversight_store *store,
                                                                    int64_t *out_plan_id) OVERSIGHT_NOEXCEPT;
/* Every plan as an owned JSON array of {"id","title","authority",
 * "report_date" (string or null),"recommendations","actions"}, oldest first. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_list_json(const oversight_store *store,
                                                                       char **out) OVERSIGHT_NOEXCEPT;
/* Replaces the plan settings: "Immediately" = report date + immediately_days;
 * due soon = within due_soon_days; stale = no update for stale_update_days.
 * Each 0..3650. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_set_settings(oversight_store *store, int64_t plan_id,
                                                                          int32_t immediately_days,
                                                                          int32_t due_soon_days,
                                                                          int32_t stale_update_days) OVERSIGHT_NOEXCEPT;
/* Sets the report date, or clears it when `report_date` is NULL. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_set_report_date(
    oversight_store *store, int64_t plan_id, const oversight_date *report_date) OVERSIGHT_NOEXCEPT;

/* ---------------------------------------------------- recommendations */

/* Adds recommendation `number` (unique in the plan) at the end of the plan.
 * `section`: heading (created if new; "" for none). `explicit_date`: required
 * for "by_date", else NULL or an explicit target. `lead`, `cost` may be NULL
 * (empty). `*out_id` receives its id. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_add_recommendation(
    oversight_store *store, int64_t plan_id, int32_t number, const char *section, const char *text,
    const char *timescale, const oversight_date *explicit_date, const char *lead, const char *cost,
    int64_t *out_id) OVERSIGHT_NOEXCEPT;
/* Changes one text field of a recommendation: `field` is "section", "text",
 * "lead" or "cost" (cost text is re-parsed). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_set_recommendation_text(
    oversight_store *store, int64_t plan_id, int32_t number, const char *field, const char *value) OVERSIGHT_NOEXCEPT;
/* Changes the timescale; `explicit_date` NULL clears the explicit date (not
 * allowed with "by_date"). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_set_recommendation_timescale(
    oversight_store *store, int64_t plan_id, int32_t number, const char *timescale,
    const oversight_date *explicit_date) OVERSIGHT_NOEXCEPT;

/* ------------------------------------------------------------ actions */

/* Adds action `ref` (unique in the plan) at the end of recommendation
 * `recommendation_number`. `lead`, `impact`, `cost` may be NULL (empty);
 * `status` NULL means "not_started"; `due` NULL means the recommendation's
 * target date. `*out_id` receives its id. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_add_action(
    oversight_store *store, int64_t plan_id, int32_t recommendation_number, const char *ref, const char *description,
    const char *lead, const char *status, const oversight_date *due, const char *impact, const char *cost,
    int64_t *out_id) OVERSIGHT_NOEXCEPT;
/* Sets an action's status (canonical or display text). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_set_action_status(oversight_store *store,
                                                                               int64_t plan_id, const char *ref,
                                                                               const char *status) OVERSIGHT_NOEXCEPT;
/* Sets an action's own due date, or clears it (NULL: the recommendation's
 * target date applies again). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_set_action_due(oversight_store *store, int64_t plan_id,
                                                                            const char *ref,
                                                                            const oversight_date *due) OVERSIGHT_NOEXCEPT;
/* Changes one text field of an action: `field` is "lead", "description",
 * "impact_intended", "impact_evidence" or "cost" (cost text is re-parsed). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_set_action_text(oversight_store *store, int64_t plan_id,
                                                                             const char *ref, const char *field,
                                                                             const char *value) OVERSIGHT_NOEXCEPT;
/* Appends a progress update (date, author may be NULL, non-empty text). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_add_progress(oversight_store *store, int64_t plan_id,
                                                                          const char *ref, oversight_date date,
                                                                          const char *author, const char *text,
                                                                          int64_t *out_id) OVERSIGHT_NOEXCEPT;
/* Appends a milestone (date, non-empty text), not yet done. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_add_milestone(oversight_store *store, int64_t plan_id,
                                                                           const char *ref, oversight_date date,
                                                                           const char *text,
                                                                           int64_t *out_id) OVERSIGHT_NOEXCEPT;
/* Marks milestone `milestone_id` done (done != 0) or not done. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_complete_milestone(oversight_store *store,
                                                                                int64_t milestone_id,
                                                                                int32_t done) OVERSIGHT_NOEXCEPT;
/* Appends an outstanding task; `owner` and `due` may be NULL. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_add_task(oversight_store *store, int64_t plan_id,
                                                                      const char *ref, const char *text,
                                                                      const char *owner, const oversight_date *due,
                                                                      int64_t *out_id) OVERSIGHT_NOEXCEPT;
/* Marks task `task_id` done (done != 0) or not done. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_complete_task(oversight_store *store, int64_t task_id,
                                                                           int32_t done) OVERSIGHT_NOEXCEPT;
/* Sets a manual RAG ("blue", "green", "amber", "red") replacing the computed
 * one, with who set it, why (both non-empty) and when. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_set_rag(oversight_store *store, int64_t plan_id,
                                                                     const char *ref, const char *rag, const char *by,
                                                                     const char *reason,
                                                                     oversight_date set_on) OVERSIGHT_NOEXCEPT;
/* Removes the manual RAG; OVERSIGHT_E_NOT_FOUND if the action has none. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_clear_rag(oversight_store *store, int64_t plan_id,
                                                                       const char *ref) OVERSIGHT_NOEXCEPT;

/* ------------------------------------------------------------- people */

/* Adds a person to the directory (name unique regardless of case);
 * `role`, `email`, `team` may be NULL. OVERSIGHT_E_CONFLICT if listed. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_add_person(oversight_store *store, const char *name,
                                                                        const char *role, const char *email,
                                                                        const char *team,
                                                                        int64_t *out_id) OVERSIGHT_NOEXCEPT;
/* Owned JSON object about the people of a plan:
 * {"directory": [{"id","name","role","email","team"}...],
 *  "unlisted": ["name"...]            (leads and task owners not in the directory),
 *  "probable_duplicates": [{"a","b","similarity","reason"}...]} (for a human to merge). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_people_json(const oversight_store *store,
                                                                         int64_t plan_id, char **out) OVERSIGHT_NOEXCEPT;
/* Merges person `from` into `into` in every plan: leads and task owners are
 * re-pointed and the directory entry is merged, each change recorded.
 * OVERSIGHT_E_NOT_FOUND if `from` is named nowhere. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_merge_people(oversight_store *store, const char *from,
                                                                          const char *into) OVERSIGHT_NOEXCEPT;

/* ------------------------------------------------------------ reports */

/* Renders one report of the plan as of `as_of` into an owned string (one
 * JSON document for "json"). "Due soon" means within the plan's
 * due_soon_days setting (28 unless changed with oversight_plan_set_settings). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_report(const oversight_store *store, int64_t plan_id,
                                                                    const char *kind, const char *format,
                                                                    oversight_date as_of, char **out) OVERSIGHT_NOEXCEPT;
/* As oversight_plan_report, with "due soon" meaning within `within_days`
 * (0..3650) instead of the plan's due_soon_days setting. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_report_within(
    const oversight_store *store, int64_t plan_id, const char *kind, const char *format, oversight_date as_of,
    int32_t within_days, char **out) OVERSIGHT_NOEXCEPT;

/* ---------------------------------------------------- action iterator */

/* A snapshot of a plan's actions in plan order, each with its RAG as of a
 * date. It does not see later changes to the store. One thread at a time. */
/* (its typedef is in oversight.h) */

/* Opens an iterator over plan `plan_id` as of `as_of`. Positioned before the
 * first action: call oversight_action_iter_next first. `*out` is NULL on
 * failure. Free with oversight_action_iter_free. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_action_iter_open(oversight_action_iter **out,
                                                                         const oversight_store *store,
                                                                         int64_t plan_id,
                                                                         oversight_date as_of) OVERSIGHT_NOEXCEPT;
/* Moves to the next action: `*out_has_action` is 1 when there is one, 0 at
 * the end (and stays 0). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_action_iter_next(oversight_action_iter *iter,
                                                                         int32_t *out_has_action) OVERSIGHT_NOEXCEPT;
/* Borrowed getters on the current action, valid until the next call to
 * oversight_action_iter_next or _free. "" on a NULL iterator or when not on
 * an action. Status and RAG are canonical text. */
OVERSIGHT_API const char *OVERSIGHT_CALL oversight_action_iter_ref(const oversight_action_iter *iter) OVERSIGHT_NOEXCEPT;
OVERSIGHT_API const char *OVERSIGHT_CALL oversight_action_iter_description(const oversight_action_iter *iter) OVERSIGHT_NOEXCEPT;
OVERSIGHT_API const char *OVERSIGHT_CALL oversight_action_iter_lead(const oversight_action_iter *iter) OVERSIGHT_NOEXCEPT;
OVERSIGHT_API const char *OVERSIGHT_CALL oversight_action_iter_status(const oversight_action_iter *iter) OVERSIGHT_NOEXCEPT;
OVERSIGHT_API const char *OVERSIGHT_CALL oversight_action_iter_rag(const oversight_action_iter *iter) OVERSIGHT_NOEXCEPT;
OVERSIGHT_API const char *OVERSIGHT_CALL oversight_action_iter_rag_reason(const oversight_action_iter *iter) OVERSIGHT_NOEXCEPT;
/* The number of the current action's recommendation; 0 on NULL or when not on an action. */
OVERSIGHT_API int32_t OVERSIGHT_CALL oversight_action_iter_recommendation(const oversight_action_iter *iter) OVERSIGHT_NOEXCEPT;
/* The current action's due date (its own, else its recommendation's target):
 * `*out_has_due` is 1 and `*out_due` set when there is one, 0 otherwise.
 * OVERSIGHT_E_INVALID_ARG for NULL arguments or when not on an action. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_action_iter_due(const oversight_action_iter *iter,
                                                                        oversight_date *out_due,
                                                                        int32_t *out_has_due) OVERSIGHT_NOEXCEPT;
/* Releases the iterator. Accepts NULL. */
OVERSIGHT_API void OVERSIGHT_CALL oversight_action_iter_free(oversight_action_iter *iter) OVERSIGHT_NOEXCEPT;

#ifdef __cplusplus
}
#endif

#endif /* OVERSIGHT_PLAN_H */
