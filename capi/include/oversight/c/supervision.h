/*
 * <oversight/c/supervision.h> - supervision of social workers: the
 * supervision standard (how often each role is supervised, by tenure, and
 * the quality criteria; compiled in from data/supervision/england.toml, a
 * local TOML file layered on top), supervision records (held and recorded
 * dates, supervisee, supervisor, cases discussed, criteria evidenced,
 * actions with owners and due dates, follow-ups of earlier actions) and
 * supervision compliance as of any date per worker, supervisor and team,
 * with the due-soon list per supervisor and the actions not followed up.
 * Every record is one transaction with history rows (entities
 * "supervision", "supervision_case", "supervision_action").
 * The C++ API: <oversight/supervision/supervision.hpp>, <oversight/supervision/standard.hpp>.
 */
#ifndef OVERSIGHT_C_SUPERVISION_H
#define OVERSIGHT_C_SUPERVISION_H

#include <oversight/c/base.h>

OVERSIGHT_BEGIN_DECLS

/* Which standard applies and the calendar due dates are moved on. */
typedef struct oversight_supervision_options {
    uint32_t version;                   /* OVERSIGHT_SUPERVISION_OPTIONS_VERSION */
    const char *local_standard;         /* path of a local standard (TOML) layered on the
                                           default; NULL: the default England standard */
    const oversight_calendar *calendar; /* NULL: England and Wales */
} oversight_supervision_options;

#define OVERSIGHT_SUPERVISION_OPTIONS_VERSION 1
#define OVERSIGHT_SUPERVISION_OPTIONS_INIT { OVERSIGHT_SUPERVISION_OPTIONS_VERSION, NULL, NULL }

/* Fills *opts with OVERSIGHT_SUPERVISION_OPTIONS_INIT; OVERSIGHT_E_INVALID_ARG
 * for NULL or an unknown version. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_supervision_options_init(oversight_supervision_options *opts,
                                                                                uint32_t version) OVERSIGHT_NOEXCEPT;

/* The standard in force (`opts` may be NULL) as the owned JSON document
 * {"format":"oversight-supervision-standard","version":1,...}.
 * OVERSIGHT_E_PARSE naming the file, line and field for a bad local file;
 * OVERSIGHT_E_IO when it cannot be read. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_supervision_standard_json(
    const oversight_supervision_options *opts, char **out) OVERSIGHT_NOEXCEPT;

/* Records a session given as the JSON object {"supervisee","supervisor",
 * "held","recorded","minutes","cases":[..],"criteria":[..],"actions":[{
 * "text","owner","due"}],"follow_ups":[{"action","closed"}]} (schema
 * oversight-supervision-record; "recorded" NULL or absent: today).
 * `out_id` may be NULL. OVERSIGHT_E_PARSE for JSON of another shape;
 * OVERSIGHT_E_NOT_FOUND for an unknown person, child or action;
 * OVERSIGHT_E_INVALID_ARG for a date after today, a criterion the standard
 * lacks, a follow-up of a closed action. Nothing is stored on failure. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_supervision_record(oversight_store *store,
                                                                          const char *record_json,
                                                                          const oversight_supervision_options *opts,
                                                                          int64_t *out_id) OVERSIGHT_NOEXCEPT;

/* The sessions held from `from` to `to` (inclusive), `person`'s only (as
 * supervisee or supervisor) unless NULL, as the owned JSON document
 * {"format":"oversight-supervisions","version":1,"supervisions":[...]}
 * (for sampling by an audit). OVERSIGHT_E_INVALID_ARG when to < from. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_supervision_list_json(const oversight_store *store,
                                                                             oversight_date from, oversight_date to,
                                                                             const char *person,
                                                                             char **out) OVERSIGHT_NOEXCEPT;

/* Supervision compliance as of `as_of` (NULL: today) for the period from
 * `from` (NULL: every record), as owned plain text (text != 0) or the
 * owned JSON document {"format":"oversight-supervision-report","version":1,
 * "from","as_of","workers","supervisors","teams","due_soon","actions"}.
 * `opts` may be NULL. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_supervision_report(const oversight_store *store,
                                                                          const oversight_date *as_of,
                                                                          const oversight_date *from,
                                                                          const oversight_supervision_options *opts,
                                                                          int32_t text, char **out) OVERSIGHT_NOEXCEPT;

/* Which sessions a supervision audit draws and how it grades them. */
typedef struct oversight_supervision_audit_options {
    uint32_t version;       /* OVERSIGHT_SUPERVISION_AUDIT_OPTIONS_VERSION */
    oversight_date from;    /* the sessions held from `from` to `to` (inclusive); required */
    oversight_date to;
    int32_t per_supervisor; /* n sessions per supervisor (0..10000); 0: not by supervisor */
    int32_t sample_size;    /* with per_supervisor 0: n in all (0..10000); 0: every session */
    int32_t min_criteria;   /* a session is "satisfactory" with at least this many of the
                               standard's criteria, else "inadequate"; 0: all of them */
    uint64_t seed;          /* the same seed draws the same sample */
} oversight_supervision_audit_options;

#define OVERSIGHT_SUPERVISION_AUDIT_OPTIONS_VERSION 1
#define OVERSIGHT_SUPERVISION_AUDIT_OPTIONS_INIT { OVERSIGHT_SUPERVISION_AUDIT_OPTIONS_VERSION, { 0, 0, 0 }, { 0, 0, 0 }, 0, 0, 0, 0 }

/* Fills *opts with OVERSIGHT_SUPERVISION_AUDIT_OPTIONS_INIT (from and to
 * still to be set); OVERSIGHT_E_INVALID_ARG for NULL or an unknown version. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_supervision_audit_options_init(
    oversight_supervision_audit_options *opts, uint32_t version) OVERSIGHT_NOEXCEPT;

/* The supervision audit: a reproducible sample of the sessions held in the
 * period (SplitMix64, the audit sampler), each graded against the standard's
 * quality criteria, with per criterion the share of sampled sessions
 * evidencing it and its 95% Wilson interval, as owned plain text (text != 0)
 * or the owned JSON document {"format":"oversight-supervision-audit",
 * "version":1,"from","to","seed","per_supervisor","sample_size",
 * "min_criteria","standard","sessions","strata":[{"stratum","eligible",
 * "drawn"}],"items":[{"session","supervisee","supervisor","held","stratum",
 * "evidenced","missing","grade"}],"criteria":[{"id","title","evidenced"}],
 * "satisfactory"}. `audit` is required; `opts` may be NULL.
 * OVERSIGHT_E_INVALID_ARG for to before from or a count out of range. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_supervision_audit_json(
    const oversight_store *store, const oversight_supervision_audit_options *audit,
    const oversight_supervision_options *opts, int32_t text, char **out) OVERSIGHT_NOEXCEPT;

/* The supervisions overdue on `as_of` (NULL: today) or due within
 * window_days calendar days of it (0..3660; a negative window: the
 * standard's due_soon_days), for the supervisors (the workers' line
 * managers; `supervisor` NULL: everyone's), as the owned JSON document
 * {"format":"oversight-supervision-reminders","version":1,"as_of","until",
 * "reminders":[{"supervisor","person","team","due","state":"overdue"|"due",
 * "working_days"}]} (by supervisor, then due date). `opts` may be NULL. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_supervision_reminders_json(
    const oversight_store *store, const oversight_date *as_of, int32_t window_days, const char *supervisor,
    const oversight_supervision_options *opts, char **out) OVERSIGHT_NOEXCEPT;

OVERSIGHT_END_DECLS

#endif /* OVERSIGHT_C_SUPERVISION_H */
