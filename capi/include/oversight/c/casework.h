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

/* What saving a record did (the out_outcome of the save and upsert functions). */
typedef enum oversight_casework_outcome {
    OVERSIGHT_CASEWORK_ADDED = 0,    /* a new record */
    OVERSIGHT_CASEWORK_UPDATED = 1,  /* the stored record changed (history rows with old and new values) */
    OVERSIGHT_CASEWORK_UNCHANGED = 2 /* it was already so (no history row) */
} oversight_casework_outcome;

/* A child as a case system sends it. */
typedef struct oversight_casework_child {
    uint32_t version;                    /* OVERSIGHT_CASEWORK_CHILD_VERSION */
    const char *child_id;                /* required: the local authority's id */
    const oversight_date *date_of_birth; /* NULL: unknown (an update leaves the stored one) */
    const char *external_id;             /* the case system's id for the child; NULL: none sent (leaves the stored one) */
} oversight_casework_child;

#define OVERSIGHT_CASEWORK_CHILD_VERSION 1
#define OVERSIGHT_CASEWORK_CHILD_INIT { OVERSIGHT_CASEWORK_CHILD_VERSION, NULL, NULL, NULL }

/* Fills *opts with OVERSIGHT_CASEWORK_CHILD_INIT (child_id must still be set). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_child_init(oversight_casework_child *opts,
                                                                            uint32_t version) OVERSIGHT_NOEXCEPT;

/* Adds or updates a child (save_child, <oversight/casework/child.hpp>): with
 * an external id a stored child has, that child, whose id becomes child_id
 * (a renumbering; OVERSIGHT_E_CONFLICT when another child has that id);
 * otherwise the child with child_id, which takes the external id if it had
 * none (OVERSIGHT_E_CONFLICT when it has another), or a new child.
 * *out_outcome (may be NULL) receives an oversight_casework_outcome.
 * Identifiers are trimmed of leading and trailing white space on save and
 * lookup; a blank one, or an external id over 256 bytes, is refused. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_upsert_child(oversight_store *store,
                                                                              const oversight_casework_child *child,
                                                                              int32_t *out_outcome) OVERSIGHT_NOEXCEPT;

/* Removes a child and everything recorded on their case (events,
 * allocations, attributes, acknowledgements, exemptions): a UK GDPR erasure or a case
 * system's purge. `reason` (not blank, at most 1000 bytes, and not itself
 * identifying the child: "erasure request 2024/117") is kept in the history,
 * whose earlier rows about the case keep who and when but lose their values
 * ("[erased]"); the history row "erased" of entity "child" holds the counts
 * (erase_child, <oversight/casework/child.hpp>, says why).
 * *out_records (may be NULL) receives how many records were removed, the
 * child included. OVERSIGHT_E_NOT_FOUND for an unknown child. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_erase_child(oversight_store *store,
                                                                             const char *child_id, const char *reason,
                                                                             int64_t *out_records) OVERSIGHT_NOEXCEPT;

/* An allocation as a case system sends it. */
typedef struct oversight_casework_allocation {
    uint32_t version;        /* OVERSIGHT_CASEWORK_ALLOCATION_VERSION */
    const char *child_id;    /* required */
    const char *worker;      /* required: a person's name (ignoring case) */
    oversight_date from;     /* required */
    const char *external_id; /* the case system's id for the allocation; NULL: none */
} oversight_casework_allocation;

#define OVERSIGHT_CASEWORK_ALLOCATION_VERSION 1
#define OVERSIGHT_CASEWORK_ALLOCATION_INIT { OVERSIGHT_CASEWORK_ALLOCATION_VERSION, NULL, NULL, { 0, 0, 0 }, NULL }

/* Fills *opts with OVERSIGHT_CASEWORK_ALLOCATION_INIT. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_allocation_init(oversight_casework_allocation *opts,
                                                                                 uint32_t version) OVERSIGHT_NOEXCEPT;

/* oversight_casework_allocate with an external id (allocate,
 * <oversight/casework/child.hpp>): when an allocation of the child has it,
 * that one is corrected in place (worker and start); when another child's
 * has it, OVERSIGHT_E_CONFLICT; otherwise the allocation made takes it.
 * *out_outcome (may be NULL) receives an oversight_casework_outcome. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_upsert_allocation(
    oversight_store *store, const oversight_casework_allocation *allocation, int32_t *out_outcome) OVERSIGHT_NOEXCEPT;

/* Ends the child's current allocation on `on` (the child is unallocated from
 * that day); sent again (the latest allocation already ended on `on`),
 * OVERSIGHT_OK changing nothing. OVERSIGHT_E_NOT_FOUND when the child is
 * unknown or has no current allocation otherwise; OVERSIGHT_E_INVALID_ARG
 * when `on` is not after the allocation's start. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_end_allocation(oversight_store *store,
                                                                                const char *child_id,
                                                                                oversight_date on) OVERSIGHT_NOEXCEPT;

/* A case attribute value as a case system sends it. */
typedef struct oversight_casework_attribute {
    uint32_t version;              /* OVERSIGHT_CASEWORK_ATTRIBUTE_VERSION */
    const char *child_id;          /* required */
    const char *key;               /* required: lower-case [a-z][a-z0-9_]* */
    const char *value;             /* required; "" means "not set" from effective_from */
    oversight_date effective_from; /* required */
    const char *external_id;       /* the case system's id for this value; NULL: none */
} oversight_casework_attribute;

#define OVERSIGHT_CASEWORK_ATTRIBUTE_VERSION 1
#define OVERSIGHT_CASEWORK_ATTRIBUTE_INIT \
    { OVERSIGHT_CASEWORK_ATTRIBUTE_VERSION, NULL, NULL, NULL, { 0, 0, 0 }, NULL }

/* Fills *opts with OVERSIGHT_CASEWORK_ATTRIBUTE_INIT. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_attribute_init(oversight_casework_attribute *opts,
                                                                                uint32_t version) OVERSIGHT_NOEXCEPT;

/* oversight_casework_set_attribute with an external id (set_attribute,
 * <oversight/casework/child.hpp>): the stored value that has it is
 * corrected in place (key, date and value; OVERSIGHT_E_CONFLICT when another
 * child's has it or the child already has a value for that key and date);
 * otherwise the value set takes it. *out_outcome (may be NULL) receives an
 * oversight_casework_outcome. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_upsert_attribute(
    oversight_store *store, const oversight_casework_attribute *attribute, int32_t *out_outcome) OVERSIGHT_NOEXCEPT;

/* Ends the attribute `key` on `on`: from that day it is not set; sent again
 * (already ended on exactly `on`), OVERSIGHT_OK changing nothing.
 * OVERSIGHT_E_NOT_FOUND when it is not set on `on` otherwise. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_end_attribute(oversight_store *store,
                                                                               const char *child_id, const char *key,
                                                                               oversight_date on) OVERSIGHT_NOEXCEPT;

/* Deletes the value of `key` effective from `effective_from` (recorded by
 * mistake): the one before it, if any, is in force again. History field "*"
 * with the old value. OVERSIGHT_E_NOT_FOUND naming the child, key and date
 * when there is no such value. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_delete_attribute(
    oversight_store *store, const char *child_id, const char *key, oversight_date effective_from) OVERSIGHT_NOEXCEPT;

/* Something that happened on a child's case. */
typedef struct oversight_casework_event {
    uint32_t version;                     /* OVERSIGHT_CASEWORK_EVENT_VERSION */
    const char *child_id;                 /* required */
    const char *type;                     /* an event type of <oversight/casework/event.hpp> or one rule_pack uses */
    oversight_date date;                  /* required; not after today */
    const char *attributes_json;          /* NULL or a JSON object of strings: {"placement_type":"U1"} */
    const char *recorded_by;              /* required when recording; ignored by a correction */
    const oversight_rule_pack *rule_pack; /* the pack whose event types count; NULL: the default England pack */
    /* version 2: */
    const char *external_id;              /* the case system's id for the event; NULL: none sent */
} oversight_casework_event;

/* Version 1 structs (without external_id) are still accepted. */
#define OVERSIGHT_CASEWORK_EVENT_VERSION 2
#define OVERSIGHT_CASEWORK_EVENT_INIT { OVERSIGHT_CASEWORK_EVENT_VERSION, NULL, NULL, { 0, 0, 0 }, NULL, NULL, NULL, NULL }

/* Fills *opts with OVERSIGHT_CASEWORK_EVENT_INIT (child, type, date and
 * recorded_by must still be set). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_event_init(oversight_casework_event *opts,
                                                                            uint32_t version) OVERSIGHT_NOEXCEPT;

/* Records the event. `out_event_id` may be NULL; otherwise it receives the
 * event's id. An identical event of the child (same type, date and
 * attributes) already recorded is not stored twice: its id is given
 * (save_event, <oversight/casework/event.hpp>). With an external id that a
 * stored event has, that event is updated in place instead (see
 * oversight_casework_save_event). OVERSIGHT_E_NOT_FOUND for an unknown
 * child. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_record_event(oversight_store *store,
                                                                              const oversight_casework_event *event,
                                                                              int64_t *out_event_id) OVERSIGHT_NOEXCEPT;

/* oversight_casework_record_event, also saying what it did: *out_outcome
 * (may be NULL) receives an oversight_casework_outcome. With an external id
 * a stored event has, that event is updated in place to this child, type,
 * date and attributes (UPDATED, one history row per changed field) or left
 * alone when identical (UNCHANGED); a new external id, or none, adds the
 * event (ADDED) unless, without an external id, the child already has an
 * identical one (UNCHANGED). A blank external id, or one over 256 bytes,
 * is refused with OVERSIGHT_E_INVALID_ARG. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_save_event(oversight_store *store,
                                                                            const oversight_casework_event *event,
                                                                            int64_t *out_event_id,
                                                                            int32_t *out_outcome) OVERSIGHT_NOEXCEPT;

/* Corrects a stored event, named by `event_id` (> 0) or by `external_id`
 * (exactly one of the two; the other 0 or NULL): it becomes `corrected`'s
 * type, date and attributes on the case of corrected->child_id (moving it
 * when that is another child's), with the checks of recording;
 * corrected->recorded_by is ignored (the first recording's stays), and a
 * version 2 corrected->external_id, when not NULL, becomes the event's
 * external id (OVERSIGHT_E_CONFLICT when another event has it). One history
 * row per changed field. *out_changed (may be NULL): 1 when anything
 * changed, 0 when it was already so. OVERSIGHT_E_NOT_FOUND naming the event
 * or child when there is none. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_correct_event(
    oversight_store *store, int64_t event_id, const char *external_id, const oversight_casework_event *corrected,
    int32_t *out_changed) OVERSIGHT_NOEXCEPT;

/* Deletes a stored event (recorded by mistake, or against the wrong child),
 * named by `event_id` (> 0) or `external_id` (exactly one; the other 0 or
 * NULL). The obligations it met are open again at once. History field "*"
 * with the event as it was as the old value. OVERSIGHT_E_NOT_FOUND naming
 * the event when there is none. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_delete_event(oversight_store *store,
                                                                              int64_t event_id,
                                                                              const char *external_id) OVERSIGHT_NOEXCEPT;

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

/* An exemption: a period during which the child's statutory obligations
 * cannot be met for a recorded reason (<oversight/casework/exemption.hpp>);
 * compliance reports an obligation falling due in it as exempt, with the
 * reason, never as met. */
typedef struct oversight_casework_exemption {
    uint32_t version;         /* OVERSIGHT_CASEWORK_EXEMPTION_VERSION */
    const char *child_id;     /* required */
    const char *kind;         /* required: "missing", "custody", "hospital", "abroad", "visit_refused" or "other" */
    oversight_date from;      /* required: the first day covered */
    const oversight_date *to; /* the last day covered (inclusive); NULL: open */
    const char *reason;       /* required, not blank (one line, at most 4096 bytes) */
    const char *approved_by;  /* required: the name of the person who approved it */
    const char *const *areas; /* area_count rule areas covered ("visits", "reviews", ...); NULL with 0: all */
    size_t area_count;
    const char *external_id;  /* the case system's id for the exemption; NULL: none */
} oversight_casework_exemption;

#define OVERSIGHT_CASEWORK_EXEMPTION_VERSION 1
#define OVERSIGHT_CASEWORK_EXEMPTION_INIT \
    { OVERSIGHT_CASEWORK_EXEMPTION_VERSION, NULL, NULL, { 0, 0, 0 }, NULL, NULL, NULL, NULL, 0, NULL }

/* Fills *opts with OVERSIGHT_CASEWORK_EXEMPTION_INIT (child, kind, from,
 * reason and approved_by must still be set). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_exemption_init(oversight_casework_exemption *opts,
                                                                                uint32_t version) OVERSIGHT_NOEXCEPT;

/* Records an exemption (save_exemption, <oversight/casework/exemption.hpp>):
 * with an external id a stored exemption of the same child has, that one is
 * updated in place (OVERSIGHT_E_CONFLICT when another child's has it);
 * without one, an identical exemption already stored is not stored twice.
 * *out_id (may be NULL) receives its id, *out_outcome (may be NULL) an
 * oversight_casework_outcome. OVERSIGHT_E_NOT_FOUND for an unknown child;
 * OVERSIGHT_E_INVALID_ARG for an unknown kind, `to` before `from`, a blank
 * reason or approved_by, or an area that is not a name. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_add_exemption(
    oversight_store *store, const oversight_casework_exemption *exemption, int64_t *out_id,
    int32_t *out_outcome) OVERSIGHT_NOEXCEPT;

/* Ends the exemption `exemption_id`: `to` becomes its last day (history
 * field "to_date"). OVERSIGHT_E_NOT_FOUND when there is none;
 * OVERSIGHT_E_INVALID_ARG when `to` is before its first day. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_end_exemption(oversight_store *store,
                                                                               int64_t exemption_id,
                                                                               oversight_date to) OVERSIGHT_NOEXCEPT;

/* Deletes an exemption recorded by mistake, named by `exemption_id` (> 0)
 * or `external_id` (exactly one; the other 0 or NULL). History field "*"
 * with the exemption as it was. OVERSIGHT_E_NOT_FOUND when there is none. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_delete_exemption(
    oversight_store *store, int64_t exemption_id, const char *external_id) OVERSIGHT_NOEXCEPT;

/* The exemptions of `child_id` (by first day), or of every child when
 * `child_id` is NULL (by child id, then first day), as an owned JSON
 * document {"format":"oversight-exemptions","version":1,"exemptions":[{"id",
 * "child","kind","from","to" (or null),"reason","approved_by","areas":[...],
 * "external_id" (or null)}]}. OVERSIGHT_E_NOT_FOUND for an unknown child. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_exemptions_json(const oversight_store *store,
                                                                                 const char *child_id,
                                                                                 char **out) OVERSIGHT_NOEXCEPT;

/* Meeting attendance: one person on the list of a meeting event (a core
 * group, a conference, a strategy discussion: any stored event). The person
 * is one of the workforce directory (<oversight/c/workforce.h>); a
 * partner-agency professional is added there with their agency first. */
typedef struct oversight_casework_invitee {
    uint32_t version;     /* OVERSIGHT_CASEWORK_INVITEE_VERSION */
    const char *person;   /* required */
    const char *agency;   /* NULL or "": the person's agency in the directory */
    const char *role;     /* role or profession; NULL: none */
    int32_t invited;      /* default 1 */
    int32_t attended;
    int32_t apologies;    /* never with attended */
    const char *deputy;   /* who came instead; NULL: nobody (never with attended) */
} oversight_casework_invitee;

#define OVERSIGHT_CASEWORK_INVITEE_VERSION 1
#define OVERSIGHT_CASEWORK_INVITEE_INIT { OVERSIGHT_CASEWORK_INVITEE_VERSION, NULL, NULL, NULL, 1, 0, 0, NULL }

/* Fills *opts with OVERSIGHT_CASEWORK_INVITEE_INIT (person must still be set). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_invitee_init(oversight_casework_invitee *opts,
                                                                              uint32_t version) OVERSIGHT_NOEXCEPT;

/* Replaces the list of event `event_id` with the `count` invitees (count 0
 * clears it; `invitees` may then be NULL); sending the same list again
 * changes nothing. `out_changed` (may be NULL) receives how many people were
 * added, changed or removed. OVERSIGHT_E_NOT_FOUND for an unknown event or
 * person; OVERSIGHT_E_INVALID_ARG for a person listed twice, attended with
 * apologies or a deputy, or bad text. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_set_attendance(
    oversight_store *store, int64_t event_id, const oversight_casework_invitee *const *invitees, size_t count,
    int32_t *out_changed) OVERSIGHT_NOEXCEPT;

/* Which meetings an attendance report reads. */
typedef struct oversight_casework_attendance_query {
    uint32_t version;            /* OVERSIGHT_CASEWORK_ATTENDANCE_QUERY_VERSION */
    oversight_date from;         /* inclusive; required */
    oversight_date to;           /* inclusive; required */
    const char *event_type;      /* NULL or "": every event with a list (the non-attendance list: core_group) */
    int32_t partner_agencies_only; /* non-attendance list: leave out the council's own staff */
    int32_t csv;                 /* 1: CSV text instead of the JSON document */
} oversight_casework_attendance_query;

#define OVERSIGHT_CASEWORK_ATTENDANCE_QUERY_VERSION 1
#define OVERSIGHT_CASEWORK_ATTENDANCE_QUERY_INIT { OVERSIGHT_CASEWORK_ATTENDANCE_QUERY_VERSION, {0, 0, 0}, {0, 0, 0}, NULL, 0, 0 }

/* Fills *opts with OVERSIGHT_CASEWORK_ATTENDANCE_QUERY_INIT (from and to must still be set). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_attendance_query_init(
    oversight_casework_attendance_query *opts, uint32_t version) OVERSIGHT_NOEXCEPT;

/* Attendance by agency and by professional for the meetings of the period,
 * as owned CSV (query->csv) or the owned JSON document
 * {"format":"oversight-attendance","version":1,"from","to","event_type",
 * "meetings","by_agency":[{"agency","invited","attended","apologies",
 * "deputies","rate"}],"by_person":[{"person","agency",...}]}. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_attendance_report(
    const oversight_store *store, const oversight_casework_attendance_query *query, char **out) OVERSIGHT_NOEXCEPT;

/* Every invited person who did not attend a meeting of the period (core
 * groups unless query->event_type says otherwise), with their line manager
 * on the meeting date, for the follow-up letter: owned CSV (query->csv) or
 * the owned JSON document {"format":"oversight-non-attendance","version":1,
 * "from","to","event_type","rows":[{"person","agency","role","event_id",
 * "event_type","meeting_date","child_id","apologies","deputy",
 * "line_manager"}]} ("none recorded" when no line manager is). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_casework_non_attendance(
    const oversight_store *store, const oversight_casework_attendance_query *query, char **out) OVERSIGHT_NOEXCEPT;

OVERSIGHT_END_DECLS

#endif /* OVERSIGHT_C_CASEWORK_H */
