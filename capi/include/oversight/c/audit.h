/*
 * <oversight/c/audit.h> - audit programmes, reproducible samples, audits and
 * their results (issue 10, points 1-3).
 *
 * A programme names what is audited (a type: "case_file", "care_plan",
 * "pep", "pathway_plan", "supervision", "multi_agency", "peer_triangle",
 * "management" or a council's own), how often ("monthly", "quarterly", a
 * duration such as "6 weeks", or "" for a one-off with a due date), its
 * owner (a person: reminders of the programme's due date go to them), its
 * grading scale ("ofsted": outstanding, good | requires improvement,
 * inadequate; "two_point": satisfactory | inadequate; or a council's own
 * written "a, b | c, d", the grades before '|' counting as positive) and how
 * cases are drawn (n per stratum - none, team, worker, a case attribute or
 * the worker's line manager: "n cases per team manager" - leaving out cases
 * the programme audited in the last months). Samples are drawn with
 * SplitMix64: the same store, day and seed give the same sample.
 *
 * An audit is recorded from the JSON document "oversight-audit-record" (see
 * oversight_audit_record_json). Results give counts and shares per grade
 * with 95% Wilson intervals; the trend of a programme says whether the share
 * graded positive is rising or falling, or that the samples are too small to
 * tell. Every change is one transaction with history rows (entities
 * "audit_programme", "audit", "audit_case", "audit_recommendation",
 * "audit_link"). The C++ API: <oversight/audit/audit.hpp>.
 */
#ifndef OVERSIGHT_C_AUDIT_H
#define OVERSIGHT_C_AUDIT_H

#include <oversight/c/base.h>

OVERSIGHT_BEGIN_DECLS

/* A programme's settings. Text fields may be NULL (their defaults). */
typedef struct oversight_audit_programme_options {
    uint32_t version;                /* OVERSIGHT_AUDIT_PROGRAMME_OPTIONS_VERSION */
    const char *type;                /* required: "pep", "care_plan", ... */
    const char *cycle;               /* NULL or "": one-off; "monthly", "quarterly", "6 weeks" */
    const char *owner;               /* required: a person's name */
    const char *scale;               /* NULL: "ofsted" */
    int32_t per_stratum;             /* 0: counts-only audits, no sample drawn */
    const char *stratify;            /* NULL: "none"; "team", "worker", "attribute", "manager" */
    const char *attribute;           /* the case attribute for stratify "attribute" */
    int32_t exclusion_months;        /* 12 */
    const oversight_date *next_due;  /* NULL: none yet */
} oversight_audit_programme_options;

#define OVERSIGHT_AUDIT_PROGRAMME_OPTIONS_VERSION 1
#define OVERSIGHT_AUDIT_PROGRAMME_OPTIONS_INIT \
    { OVERSIGHT_AUDIT_PROGRAMME_OPTIONS_VERSION, NULL, NULL, NULL, NULL, 0, NULL, NULL, 12, NULL }

/* Fills *opts with OVERSIGHT_AUDIT_PROGRAMME_OPTIONS_INIT;
 * OVERSIGHT_E_INVALID_ARG for NULL or an unknown version. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_audit_programme_options_init(
    oversight_audit_programme_options *opts, uint32_t version) OVERSIGHT_NOEXCEPT;

/* Adds a programme. `out_id` may be NULL. OVERSIGHT_E_CONFLICT for a name
 * taken (ignoring case); OVERSIGHT_E_NOT_FOUND for an owner who is not a
 * person; OVERSIGHT_E_INVALID_ARG for a bad type, cycle, scale or rule. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_audit_programme_add(
    oversight_store *store, const char *name, const oversight_audit_programme_options *opts,
    int64_t *out_id) OVERSIGHT_NOEXCEPT;

/* Sets the programme's next due date (NULL clears it). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_audit_programme_set_due(
    oversight_store *store, const char *name, const oversight_date *due) OVERSIGHT_NOEXCEPT;

/* Every programme as the owned JSON document
 * {"format":"oversight-audit-programmes","version":1,"programmes":[{"name",
 * "type","cycle","owner","scale","per_stratum","stratify","attribute",
 * "exclusion_months","next_due"}]}. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_audit_programmes_json(const oversight_store *store,
                                                                           char **out) OVERSIGHT_NOEXCEPT;

/* Draws the programme's sample of the cases open on `as_of` (NULL: today)
 * with `seed`, as the owned JSON document
 * {"format":"oversight-audit-sample","version":1,"programme","as_of","seed","strata":[{"stratum","eligible","excluded",
 * "drawn"}],"cases":[{"child","stratum","worker","team"}]}. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_audit_sample_json(const oversight_store *store,
                                                                        const char *programme,
                                                                        const oversight_date *as_of, uint64_t seed,
                                                                        char **out) OVERSIGHT_NOEXCEPT;

/* Records an audit given as an oversight-audit-record JSON document (format
 * oversight-audit-record, version 1; data/schemas): {"reference","programme",
 * "held","recorded","auditors":[{"name","agency"}],"cases":[{"child",
 * "grade","answers":{},"findings"}],"counts":{"grade":n},"findings",
 * "recommendations":[{"text","owner","due"}],"plan_actions":[{"plan",
 * "action"}]}, and moves the programme's next due date on by its cycle,
 * counted on `calendar` (NULL: England and Wales). OVERSIGHT_E_PARSE for text
 * that is not such a document (the message names the line or the field);
 * OVERSIGHT_E_INVALID_ARG, _NOT_FOUND or _CONFLICT for a record the store
 * refuses (nothing is stored). `out_id` may be NULL. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_audit_record_json(oversight_store *store,
                                                                        const char *json,
                                                                        const oversight_calendar *calendar,
                                                                        int64_t *out_id) OVERSIGHT_NOEXCEPT;

/* Marks recommendation `number` (from 1) of the audit done on `completed`. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_audit_complete_recommendation(
    oversight_store *store, const char *reference, int32_t number, oversight_date completed) OVERSIGHT_NOEXCEPT;

/* Links the audit to action `action` ("4.1") of plan `plan_id`: the audit
 * evidences the action's impact. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_audit_link_plan_action(oversight_store *store,
                                                                             const char *reference, int64_t plan_id,
                                                                             const char *action) OVERSIGHT_NOEXCEPT;

/* The audit's results as owned plain text (text != 0) or the owned JSON
 * document {"format":"oversight-audit-result","version":1,"reference","programme","type","held",
 * "recorded","scale","audited","grades":[{"grade","proportion":{"k","n",
 * "share","low","high"}}],"positive_label","positive":{...},"teams":[{"name",
 * "cases","positive"}],"workers":[...],"recommendations",
 * "recommendations_open"}. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_audit_result_json(const oversight_store *store,
                                                                        const char *reference, int32_t text,
                                                                        char **out) OVERSIGHT_NOEXCEPT;

/* The programme's trend as owned plain text (text != 0) or the owned JSON
 * document {"format":"oversight-audit-trend","version":1,"programme","positive_label","audits":[
 * {"reference","held","positive"}],"verdict":"too_few"|"too_small"|"rising"|
 * "falling","statement"}. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_audit_trend_json(const oversight_store *store,
                                                                       const char *programme, int32_t text,
                                                                       char **out) OVERSIGHT_NOEXCEPT;

/* The audits' recommendations as tracked actions as of `as_of` (NULL:
 * today), open ones only when open_only != 0, overdue first, as the owned
 * JSON document {"format":"oversight-audit-actions","version":1,"as_of","actions":[{"audit",
 * "programme","number","text","owner","due","completed","state":"open"|
 * "overdue"|"done","days_overdue"}]}. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_audit_actions_json(const oversight_store *store,
                                                                         const oversight_date *as_of,
                                                                         int32_t open_only,
                                                                         char **out) OVERSIGHT_NOEXCEPT;

/* The programmes due (or overdue) on or before as_of + window_days calendar
 * days, for their owners, as the owned JSON document
 * {"format":"oversight-audit-reminders","version":1,"as_of","until","reminders":[{"programme",
 * "type","owner","due","state":"overdue"|"due","days"}]}. `as_of` NULL:
 * today; `owner` NULL: everyone's. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_audit_reminders_json(const oversight_store *store,
                                                                           const oversight_date *as_of,
                                                                           int32_t window_days, const char *owner,
                                                                           char **out) OVERSIGHT_NOEXCEPT;

/* k of n with its share and 95% Wilson interval (0..1). Any out-parameter may
 * be NULL. OVERSIGHT_E_INVALID_ARG unless 0 <= k <= n. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_audit_wilson(int32_t k, int32_t n, double *out_share,
                                                                   double *out_low,
                                                                   double *out_high) OVERSIGHT_NOEXCEPT;

OVERSIGHT_END_DECLS

#endif /* OVERSIGHT_C_AUDIT_H */
