/*
 * <oversight/c/reminders.h> - what is due on children's cases.
 *
 * Reminders are the open statutory obligations of the cases in a store that
 * are overdue on a date or fall due within a number of working days of it,
 * with the worker and team allocated and any acknowledgement. They come as
 * JSON, as a plain-text digest a manager could email, and as an iCalendar
 * (RFC 5545) file Outlook can subscribe to. Acknowledging one records who has
 * seen it, when (UTC) and a note.
 *
 * Rule packs and calendars: NULL means the default England pack and the
 * England and Wales working-day calendar. Windows are counted in working days
 * from the as-of date (day 0).
 */
#ifndef OVERSIGHT_C_REMINDERS_H
#define OVERSIGHT_C_REMINDERS_H

#include <oversight/c/base.h>

OVERSIGHT_BEGIN_DECLS

/* Which reminders: shared by oversight_reminders_json, _digest and _ics. */
typedef struct oversight_reminders_query {
    uint32_t version;                     /* OVERSIGHT_REMINDERS_QUERY_VERSION */
    const oversight_date *as_of;          /* NULL: today (UTC) */
    int32_t within_working_days;          /* 0..3650; default 10 */
    const char *worker;                   /* only this worker's cases; NULL: any */
    const char *team;                     /* only this team's cases; NULL: any */
    const oversight_rule_pack *rule_pack; /* NULL: the default England pack */
    const oversight_calendar *calendar;   /* NULL: England and Wales */
    /* Version 2: a list to share with analysts. With a key, each child id
     * becomes its pseudonym, "P-" and 16 hex digits of HMAC-SHA-256 under
     * the key (the same in every export made with that key), and
     * acknowledgement notes are left out. Not for the reminder feed. */
    const void *pseudonym_key;            /* NULL: child ids as stored */
    size_t pseudonym_key_size;            /* 16..4096 bytes */
} oversight_reminders_query;

#define OVERSIGHT_REMINDERS_QUERY_VERSION 2
#define OVERSIGHT_REMINDERS_QUERY_INIT { OVERSIGHT_REMINDERS_QUERY_VERSION, NULL, 10, NULL, NULL, NULL, NULL, NULL, 0 }

/* Fills *opts with the defaults of OVERSIGHT_REMINDERS_QUERY_INIT for
 * `version`; OVERSIGHT_E_INVALID_ARG for NULL or an unknown version. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_reminders_query_init(oversight_reminders_query *opts,
                                                                             uint32_t version) OVERSIGHT_NOEXCEPT;

/* The reminders `query` selects (NULL: the defaults), overdue first, as an
 * owned JSON document {"format":"oversight-reminders","version":1,
 * "reminders":[{"key","child","worker","team","rule","title","due","anchor",
 * "anchor_event","state":"overdue"|"due","working_days_left",
 * "working_days_late","explanation","source","layer","acknowledged_by",
 * "acknowledged_at","note"}]} (the last three null when not acknowledged).
 * OVERSIGHT_E_NOT_FOUND for an unknown worker or team. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_reminders_json(const oversight_store *store,
                                                                       const oversight_reminders_query *query,
                                                                       char **out) OVERSIGHT_NOEXCEPT;

/* The same reminders as plain text: with `worker` the worker's digest, with
 * `team` the team's, otherwise every worker's then every team's. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_reminders_digest(const oversight_store *store,
                                                                         const oversight_reminders_query *query,
                                                                         char **out) OVERSIGHT_NOEXCEPT;

/* How to write the iCalendar file. */
typedef struct oversight_reminders_ics_options {
    uint32_t version;    /* OVERSIGHT_REMINDERS_ICS_OPTIONS_VERSION */
    int32_t alarm_days;  /* a DISPLAY alarm this many days (0..365) before DUE; 0: none; default 2 */
    const char *dtstamp; /* UTC "YYYY-MM-DDTHH:MM:SSZ" for DTSTAMP; NULL: now */
} oversight_reminders_ics_options;

#define OVERSIGHT_REMINDERS_ICS_OPTIONS_VERSION 1
#define OVERSIGHT_REMINDERS_ICS_OPTIONS_INIT { OVERSIGHT_REMINDERS_ICS_OPTIONS_VERSION, 2, NULL }

/* Fills *opts with the defaults of OVERSIGHT_REMINDERS_ICS_OPTIONS_INIT. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_reminders_ics_options_init(oversight_reminders_ics_options *opts,
                                                                                   uint32_t version) OVERSIGHT_NOEXCEPT;

/* The same reminders as an iCalendar VCALENDAR (NULL `ics`: the defaults):
 * one VTODO per obligation with a stable UID, DUE as a DATE (no time zone),
 * DTSTAMP in UTC. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_reminders_ics(const oversight_store *store,
                                                                      const oversight_reminders_query *query,
                                                                      const oversight_reminders_ics_options *ics,
                                                                      char **out) OVERSIGHT_NOEXCEPT;

/* Who has seen which obligation. */
typedef struct oversight_reminders_acknowledgement {
    uint32_t version;                     /* OVERSIGHT_REMINDERS_ACKNOWLEDGEMENT_VERSION */
    const char *child_id;                 /* required */
    const char *rule_id;                  /* required */
    oversight_date due;                   /* the obligation's due date: required */
    const char *by;                       /* who has seen it: required */
    const char *note;                     /* NULL: none */
    const oversight_rule_pack *rule_pack; /* the pack that gives the obligation; NULL: default England */
    const oversight_calendar *calendar;   /* NULL: England and Wales */
} oversight_reminders_acknowledgement;

#define OVERSIGHT_REMINDERS_ACKNOWLEDGEMENT_VERSION 1
#define OVERSIGHT_REMINDERS_ACKNOWLEDGEMENT_INIT \
    { OVERSIGHT_REMINDERS_ACKNOWLEDGEMENT_VERSION, NULL, NULL, { 0, 0, 0 }, NULL, NULL, NULL, NULL }

/* Fills *opts with OVERSIGHT_REMINDERS_ACKNOWLEDGEMENT_INIT (child, rule, due
 * and by must still be set). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_reminders_acknowledgement_init(
    oversight_reminders_acknowledgement *opts, uint32_t version) OVERSIGHT_NOEXCEPT;

/* Records the acknowledgement with the current UTC time. Acknowledging again
 * replaces who, when and the note (the history keeps the old values).
 * OVERSIGHT_E_NOT_FOUND when the rule pack gives the child's case no such
 * obligation. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_reminders_acknowledge(
    oversight_store *store, const oversight_reminders_acknowledgement *acknowledgement) OVERSIGHT_NOEXCEPT;

/* Which reminder changes (the reminder feed, <oversight/reminders/
 * reminder_changes.hpp>): exactly one of `from` and `previous_json`. */
typedef struct oversight_reminders_changes_query {
    uint32_t version;                         /* OVERSIGHT_REMINDERS_CHANGES_QUERY_VERSION */
    const oversight_reminders_query *reminders; /* the reminders now: as_of (the second date), window, worker,
                                                 team, rule pack, calendar; NULL: the defaults */
    const oversight_date *from;               /* the date form: the first date (not after as_of) */
    const char *previous_json;                /* the since form: the reminders the host received at its last sync
                                                 (an oversight-reminders document, the bare array of
                                                 `remind --format json`, or a previous oversight-reminder-changes
                                                 document, whose "current" list is read) */
} oversight_reminders_changes_query;

#define OVERSIGHT_REMINDERS_CHANGES_QUERY_VERSION 1
#define OVERSIGHT_REMINDERS_CHANGES_QUERY_INIT { OVERSIGHT_REMINDERS_CHANGES_QUERY_VERSION, NULL, NULL, NULL }

/* Fills *opts with OVERSIGHT_REMINDERS_CHANGES_QUERY_INIT (from or
 * previous_json must still be set). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_reminders_changes_query_init(
    oversight_reminders_changes_query *opts, uint32_t version) OVERSIGHT_NOEXCEPT;

/* The reminders that appeared, disappeared or changed, as an owned JSON
 * document {"format":"oversight-reminder-changes","version":1,"from" (null
 * in the since form),"to","sequence","appeared":[item],"disappeared":[item],
 * "changed":[item],"current":[reminder]}: an item is {"key","child",
 * "worker","team","rule","title","due","state","working_days_left",
 * "working_days_late","reasons":[...],"detail","state_before",
 * "worker_before","team_before"}, a reminder as oversight_reminders_json
 * gives it. The date form compares the reminders on `from` with those on
 * as_of, both computed from the store as it is now; the since form compares
 * the list the host passes back with the reminders now (the store keeps no
 * copy of past reminders to rebuild them at an earlier history sequence).
 * "sequence" is the store's latest history sequence, read before the
 * reminders were computed (null for an empty history): keep it with
 * "current" to read oversight_store_changes_json from it. Reasons, by list:
 * appeared "entered_window", "new", "reallocated" (none in the since form:
 * when the host's list was computed is not known); disappeared "met",
 * "ended", "reallocated", "case_removed", "no_longer_due"; changed
 * "became_overdue", "reallocated". OVERSIGHT_E_INVALID_ARG for both or
 * neither of from and previous_json, or `from` after as_of;
 * OVERSIGHT_E_PARSE naming the element for a previous_json that cannot be
 * read; OVERSIGHT_E_NOT_FOUND for an unknown worker or team. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_reminders_changes_json(
    const oversight_store *store, const oversight_reminders_changes_query *query, char **out) OVERSIGHT_NOEXCEPT;

OVERSIGHT_END_DECLS

#endif /* OVERSIGHT_C_REMINDERS_H */
