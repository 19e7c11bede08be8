/* Area header of <oversight.h>: included by it; do not include alone.
 *
 * Casework in the store: teams, workers, children (addressed by the local
 * authority's own id), allocations, case attributes and events; reminders
 * of the statutory obligations they give (JSON, plain-text digest,
 * iCalendar), acknowledgements, and the SSDA903 import.
 *
 * Rule packs and calendars: pass NULL for the default England pack and the
 * England & Wales working-day calendar. Windows are counted in working days
 * from `as_of` (day 0). Every mutation is one transaction with history rows.
 */
#ifndef OVERSIGHT_CASEWORK_H
#define OVERSIGHT_CASEWORK_H

#ifndef OVERSIGHT_H
#error "include <oversight.h>, which includes this area header"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* oversight_rule_pack and oversight_calendar are declared in oversight.h. */

/* ------------------------------------------------------ teams, workers, children */

/* Adds the team `name` or updates the stored one. `manager` and `email` may be
 * NULL (""). OVERSIGHT_E_INVALID_ARG for a blank name or invalid UTF-8. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_team_save(oversight_store *store, const char *name,
                                                                  const char *manager, const char *email) OVERSIGHT_NOEXCEPT;

/* Adds the worker `name` in `team` or updates the stored one (team, email).
 * `email` may be NULL. OVERSIGHT_E_NOT_FOUND for an unknown team. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_worker_save(oversight_store *store, const char *name,
                                                                    const char *team, const char *email) OVERSIGHT_NOEXCEPT;

/* Adds the child `child_id` (the authority's id) or updates its date of
 * birth. `date_of_birth` may be NULL (unknown; an update leaves it alone). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_child_save(oversight_store *store, const char *child_id,
                                                                   const oversight_date *date_of_birth) OVERSIGHT_NOEXCEPT;

/* Allocates the child to `worker` from `from` on; the current allocation
 * ends that day. OVERSIGHT_E_NOT_FOUND for an unknown child or worker;
 * OVERSIGHT_E_INVALID_ARG if `from` is before the current allocation began. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_child_allocate(oversight_store *store, const char *child_id,
                                                                       const char *worker, oversight_date from) OVERSIGHT_NOEXCEPT;

/* Sets a case attribute (legal_status, placement_type, visit_regime, ...)
 * in force from `effective_from`. `key` is [a-z][a-z0-9_]*. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_child_set_attribute(oversight_store *store, const char *child_id,
                                                                            const char *key, const char *value,
                                                                            oversight_date effective_from) OVERSIGHT_NOEXCEPT;

/* Records an event on the child's case. `type` must be a documented event
 * type (README "Casework") or one `pack` uses (NULL: the default England
 * pack); `date` must not be after today. `attributes_json` is NULL or a JSON
 * object of strings ({"placement_type":"U1"}). `recorded_by` names who
 * recorded it. `out_event_id` may be NULL; otherwise it receives the id. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_child_record_event(oversight_store *store, const char *child_id,
                                                                           const char *type, oversight_date date,
                                                                           const char *attributes_json,
                                                                           const char *recorded_by,
                                                                           const oversight_rule_pack *pack,
                                                                           int64_t *out_event_id) OVERSIGHT_NOEXCEPT;

/* The child's case on `as_of` as JSON {"child","worker","team","attributes":{},
 * "events":[{"type","date","attributes"}]}. Owned string. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_child_case_json(const oversight_store *store, const char *child_id,
                                                                        oversight_date as_of, char **out) OVERSIGHT_NOEXCEPT;

/* The children allocated on `as_of` to `worker` or to `team` (either may be
 * NULL; both NULL: every child) as a JSON array of {"child","worker","team",
 * "allocated_from","events"}. OVERSIGHT_E_NOT_FOUND for an unknown worker or
 * team. Owned string. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_child_list_json(const oversight_store *store, const char *worker,
                                                                        const char *team, oversight_date as_of,
                                                                        char **out) OVERSIGHT_NOEXCEPT;

/* ------------------------------------------------------------------- SSDA903 */

/* Imports header.csv, episodes.csv and reviews.csv of an SSDA903 return from
 * `folder` (README "SSDA903 import") in one transaction. `recorded_by` may be
 * NULL ("ssda903 import"). `*out` receives JSON {"children_added",
 * "events_added","events_already_present","attributes_set","warnings":
 * [{"file","line","message"}]}. OVERSIGHT_E_IO for a missing folder or file,
 * OVERSIGHT_E_PARSE for a file that is not CSV or lacks a column. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_ssda903_import(oversight_store *store, const char *folder,
                                                                       const char *recorded_by, char **out) OVERSIGHT_NOEXCEPT;

/* ----------------------------------------------------------------- reminders */

/* The open obligations overdue on `as_of` or due within `within_working_days`
 * (0..3650) working days of it, for `worker` or `team` (either may be NULL),
 * as a JSON array of {"key","child","worker","team","rule","title","due",
 * "anchor","anchor_event","state" ("overdue"|"due"),"working_days_left",
 * "working_days_late","explanation","source","layer","acknowledged_by",
 * "acknowledged_at","note"}; overdue first. Owned string. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_reminders_json(const oversight_store *store,
                                                                       const oversight_rule_pack *pack,
                                                                       const oversight_calendar *calendar,
                                                                       oversight_date as_of, int32_t within_working_days,
                                                                       const char *worker, const char *team,
                                                                       char **out) OVERSIGHT_NOEXCEPT;

/* The same reminders as plain text a manager could email: with `worker` the
 * worker's digest, with `team` the team's, otherwise every worker's then
 * every team's. Owned string. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_reminders_digest(const oversight_store *store,
                                                                         const oversight_rule_pack *pack,
                                                                         const oversight_calendar *calendar,
                                                                         oversight_date as_of, int32_t within_working_days,
                                                                         const char *worker, const char *team,
                                                                         char **out) OVERSIGHT_NOEXCEPT;

/* The same reminders as an iCalendar (RFC 5545) VCALENDAR: one VTODO per
 * obligation with a stable UID, DUE as a DATE, a DISPLAY alarm
 * `alarm_days` (0..365; 0: none) before DUE. `dtstamp` is NULL (now) or a UTC
 * "YYYY-MM-DDTHH:MM:SSZ". Owned string. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_reminders_ics(const oversight_store *store,
                                                                      const oversight_rule_pack *pack,
                                                                      const oversight_calendar *calendar,
                                                                      oversight_date as_of, int32_t within_working_days,
                                                                      const char *worker, const char *team,
                                                                      int32_t alarm_days, const char *dtstamp,
                                                                      char **out) OVERSIGHT_NOEXCEPT;

/* Records that `who` has seen the obligation of `rule_id` due on `due` for
 * the child (with the UTC time and `note`, which may be NULL). Acknowledging
 * again replaces who, when and the note. OVERSIGHT_E_NOT_FOUND when the
 * rule pack gives the child's case no such obligation. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_reminder_acknowledge(oversight_store *store,
                                                                             const oversight_rule_pack *pack,
                                                                             const oversight_calendar *calendar,
                                                                             const char *child_id, const char *rule_id,
                                                                             oversight_date due, const char *who,
                                                                             const char *note) OVERSIGHT_NOEXCEPT;

#ifdef __cplusplus
}
#endif

#endif /* OVERSIGHT_CASEWORK_H */
