/*
 * <oversight/c/casework.h> - children's cases in a store.
 *
 * Children (addressed by the local authority's own id, e.g. the SSDA903
 * CHILD field), their allocation to workers over time, case attributes with
 * effective dates and the events of each case. Teams and workers:
 * <oversight/c/workforce.h>; the obligations the events give:
 * <oversight/c/reminders.h>. Every change is one transaction with history rows.
 */
#ifndef OVERSIGHT_C_CASEWORK_H
#define OVERSIGHT_C_CASEWORK_H

#include <oversight/c/base.h>

OVERSIGHT_BEGIN_DECLS

/* Adds the child `child_id` or updates its date of birth. `date_of_birth`
 * may be NULL (unknown; an update then leaves it alone). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_save_child(
    oversight_store *store, const char *child_id, const oversight_date *date_of_birth) OVERSIGHT_NOEXCEPT;

/* Allocates the child to `worker` from `from` on; the current allocation ends
 * that day. OVERSIGHT_E_NOT_FOUND for an unknown child or worker;
 * OVERSIGHT_E_INVALID_ARG if `from` is before the current allocation began. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_allocate(oversight_store *store, const char *child_id,
                                                                          const char *worker,
                                                                          oversight_date from) OVERSIGHT_NOEXCEPT;

/* Sets the case attribute `key` (legal_status, placement_type, visit_regime,
 * ...: lower-case [a-z][a-z0-9_]*, an open set the rule packs refer to) to
 * `value` from `effective_from` on; the same key and date again replaces it. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_set_attribute(oversight_store *store,
                                                                               const char *child_id, const char *key,
                                                                               const char *value,
                                                                               oversight_date effective_from) OVERSIGHT_NOEXCEPT;

/* Something that happened on a child's case. */
typedef struct oversight_casework_event {
    uint32_t version;                     /* OVERSIGHT_CASEWORK_EVENT_VERSION */
    const char *child_id;                 /* required */
    const char *type;                     /* an event type of <oversight/casework/event.hpp> or one rule_pack uses */
    oversight_date date;                  /* required; not after today */
    const char *attributes_json;          /* NULL or a JSON object of strings: {"placement_type":"U1"} */
    const char *recorded_by;              /* required: who recorded it */
    const oversight_rule_pack *rule_pack; /* the pack whose event types count; NULL: the default England pack */
} oversight_casework_event;

#define OVERSIGHT_CASEWORK_EVENT_VERSION 1
#define OVERSIGHT_CASEWORK_EVENT_INIT { OVERSIGHT_CASEWORK_EVENT_VERSION, NULL, NULL, { 0, 0, 0 }, NULL, NULL, NULL }

/* Fills *opts with OVERSIGHT_CASEWORK_EVENT_INIT (child, type, date and
 * recorded_by must still be set). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_event_init(oversight_casework_event *opts,
                                                                            uint32_t version) OVERSIGHT_NOEXCEPT;

/* Records the event. `out_event_id` may be NULL; otherwise it receives the
 * event's id. An identical event of the child (same type, date and
 * attributes) already recorded is not stored twice: its id is given
 * (save_event, <oversight/casework/event.hpp>). OVERSIGHT_E_NOT_FOUND for an
 * unknown child. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_record_event(oversight_store *store,
                                                                              const oversight_casework_event *event,
                                                                              int64_t *out_event_id) OVERSIGHT_NOEXCEPT;

/* The child's case on `as_of` as an owned JSON document
 * {"format":"oversight-case","version":1,"child","worker","team",
 *  "attributes":{"key":"value"} (in force on as_of),
 *  "attribute_changes":[{"key","value","effective_from"}] (date order),
 *  "events":[{"type","date","attributes"}]}. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_case_json(const oversight_store *store,
                                                                           const char *child_id, oversight_date as_of,
                                                                           char **out) OVERSIGHT_NOEXCEPT;

/* The children allocated on `as_of` to `worker` or to `team` (either may be
 * NULL; both NULL: every child), by child id, as an owned JSON document
 * {"format":"oversight-case-list","version":1,"cases":[{"child","worker",
 *  "team","allocated_from" (or null),"events"}]}. OVERSIGHT_E_NOT_FOUND for an
 * unknown worker or team. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_list_json(const oversight_store *store,
                                                                           const char *worker, const char *team,
                                                                           oversight_date as_of,
                                                                           char **out) OVERSIGHT_NOEXCEPT;

OVERSIGHT_END_DECLS

#endif /* OVERSIGHT_C_CASEWORK_H */
