/*
 * <oversight/c/compliance.h> - compliance as of any date.
 *
 * Every obligation of every case in a store, as of a date (today or any past
 * date: later events, attribute changes and allocations are ignored),
 * classified as met on time, met late, overdue, due soon, not yet due or
 * exempt, with the rule, its legal source and layer, the trigger, the event
 * that met it (and how late it was recorded), and the worker and team
 * allocated when it fell due. Numerators (met on time) and denominators (met
 * on time + met late + overdue) by team, worker, rule and rule area for a
 * period, the child-level rows behind them, every due date a case system
 * sent (event attribute due_date) that differs from Oversight's, and a case
 * system's extract of due dates checked row by row.
 *
 * Rule packs and calendars: NULL means the default England pack and the
 * England and Wales working-day calendar.
 */
#ifndef OVERSIGHT_C_COMPLIANCE_H
#define OVERSIGHT_C_COMPLIANCE_H

#include <oversight/c/base.h>

OVERSIGHT_BEGIN_DECLS

/* What a compliance report covers. */
typedef struct oversight_compliance_options {
    uint32_t version;                     /* OVERSIGHT_COMPLIANCE_OPTIONS_VERSION */
    const oversight_date *as_of;          /* NULL: today (UTC) */
    const oversight_date *period_from;    /* NULL: the day after as_of (or period_to), 3 months back */
    const oversight_date *period_to;      /* NULL: as_of */
    int32_t window_working_days;          /* due soon: within this many working days (0..3650); default 10 */
    int32_t recording_threshold_working_days; /* recorded late: more than this (0..3650); default 5 */
    const char *team;                     /* only items whose team on the due date is this; NULL: any */
    const char *worker;                   /* only items whose worker on the due date is this; NULL: any */
    const char *rule;                     /* only this rule id; NULL: any */
    const char *area;                     /* only this rule area; NULL: any */
    const oversight_rule_pack *rule_pack; /* NULL: the default England pack */
    const oversight_calendar *calendar;   /* NULL: England and Wales */
    /* version 2: */
    int32_t recount;                      /* non-zero: count every case afresh, even where a report with
                                             these settings is kept (oversight_compliance_keep); 0: read it */
    /* version 3: */
    int32_t explain;                      /* non-zero (default): each child-level row with its explanation;
                                             0: every item's "explanation" "" (a host_due keeps its own),
                                             several times faster; a row's is one call away (`child`) */
    /* version 4: */
    const char *child;                    /* only this child's obligations (a child id), their case counted
                                             afresh in milliseconds (never from a kept report), explained
                                             whatever `explain` says: one child's rows on demand; NULL:
                                             every child */
} oversight_compliance_options;

#define OVERSIGHT_COMPLIANCE_OPTIONS_VERSION 4
#define OVERSIGHT_COMPLIANCE_OPTIONS_INIT \
    { OVERSIGHT_COMPLIANCE_OPTIONS_VERSION, NULL, NULL, NULL, 10, 5, NULL, NULL, NULL, NULL, NULL, NULL, 0, 1, NULL }

/* Fills *opts with OVERSIGHT_COMPLIANCE_OPTIONS_INIT; OVERSIGHT_E_INVALID_ARG
 * for NULL or an unknown version. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_compliance_options_init(oversight_compliance_options *opts,
                                                                                uint32_t version) OVERSIGHT_NOEXCEPT;

/* The compliance report (NULL `options`: the defaults) as an owned JSON
 * document {"format":"oversight-compliance","version":1,"as_of","period":
 * {"from","to"},"due_soon_until","recording_threshold_working_days",
 * "groups":[{"by":"overall"|"team"|"worker"|"rule"|"area","key",
 * "numerator","denominator","percent" (one decimal, or null),"counts":
 * {"met_on_time","met_late","overdue","due_soon","not_yet_due","exempt",
 * "recorded_late","host_disagreements","carried_over","carried_over_met"}}],
 * "items":[{"child","worker","team",
 * "rule","title","area","source","layer","due","anchor","anchor_event",
 * "state","days","met_on","met_event","met_recorded_on",
 * "recording_delay_working_days","recorded_late","ended_on","exemption",
 * "explanation","host_due" (null or {"date","text","event","event_date",
 * "explanation"})}]}: the items due in the period, sorted by team, worker,
 * child and due date. Where a report with the same settings is kept
 * (oversight_compliance_keep, below) it is read, the cases changed since
 * counted again: the same document, sooner (unless `recount`).
 * OVERSIGHT_E_INVALID_ARG for a period that ends before it starts, a
 * window or threshold out of range, or a blank or malformed child id;
 * OVERSIGHT_E_NOT_FOUND for an unknown team, worker, rule, area or child. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_compliance_json(const oversight_store *store,
                                                                        const oversight_compliance_options *options,
                                                                        char **out) OVERSIGHT_NOEXCEPT;

/* The same report as owned CSV text (RFC 4180, CRLF, formula-like cells
 * defused): with `children` non-zero one row per item (the JSON item
 * fields); otherwise one row per group of `by` ("team", "worker", "rule",
 * "area", "overall"; NULL: every group). OVERSIGHT_E_INVALID_ARG for another
 * `by`. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_compliance_csv(const oversight_store *store,
                                                                       const oversight_compliance_options *options,
                                                                       int32_t children, const char *by,
                                                                       char **out) OVERSIGHT_NOEXCEPT;

/* Receives one child-level row of a compliance report: `row` is borrowed
 * text of `length` bytes (NUL-terminated too), valid only during the call;
 * `context` is the caller's, passed through. Returns 0 to go on, non-zero
 * to stop. */
typedef int32_t(OVERSIGHT_CALL *oversight_compliance_row_fn)(void *context, const char *row, size_t length);

/* The child-level rows of the same report handed to `row` one at a time, in
 * the report's order (the JSON document's "items"), each as `format`:
 * "json" (one item object on one line, as in the document) or "csv" (one
 * CRLF-terminated line of oversight_compliance_csv's child-level rows, its
 * header line handed first). Read from a kept report
 * (oversight_compliance_keep), memory does not grow with the number of
 * rows: a council's whole list written as it is read. When `row` returns
 * non-zero the reading stops and the call returns OVERSIGHT_OK. *out_rows
 * (may be NULL) is the number of item rows handed over (the CSV header not
 * counted; 0 after a failure, as every out-parameter: a host that needs
 * the count then counts in `row`). `row` must not use `store` (the rows are
 * read on one snapshot of it, held open until the call returns).
 * OVERSIGHT_E_INVALID_ARG for a NULL store or row, or a format other than
 * "json" or "csv"; otherwise as oversight_compliance_json, those errors
 * before any row (the CSV header too) is handed over; an error reading the
 * store after rows were handed over stops the list there. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_compliance_for_each_item(
    const oversight_store *store, const oversight_compliance_options *options, const char *format,
    oversight_compliance_row_fn row, void *context, int64_t *out_rows) OVERSIGHT_NOEXCEPT;

/* The same report as owned plain text: the groups of `by` (NULL: all), the
 * child-level rows by team and worker when `children` is non-zero, then
 * every host due-date disagreement with both explanations. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_compliance_text(const oversight_store *store,
                                                                        const oversight_compliance_options *options,
                                                                        int32_t children, const char *by,
                                                                        char **out) OVERSIGHT_NOEXCEPT;

/* Keeps the report of these options in the store (their team, worker, rule
 * and area filters aside), or brings a kept one up to date, in one
 * transaction: a new one counts every case, a kept one only the cases
 * changed since (compliance.hpp, "kept reports"). The compliance calls above
 * with the same settings then read it: the same report, far faster. Gives
 * an owned JSON document {"format":"oversight-kept-compliance","version":1,
 * "kept":[{"key","as_of","period":{"from","to"},"pack","school",
 * "history_sequence","built_at","rebuilt","cases_counted"}]} with the one
 * report. OVERSIGHT_E_INVALID_ARG on a read-only store, and as the calls
 * above. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_compliance_keep(oversight_store *store,
                                                                        const oversight_compliance_options *options,
                                                                        char **out) OVERSIGHT_NOEXCEPT;

/* Every report kept in the store, as the document above
 * ({"format":"oversight-kept-compliance",...}: by as_of, then key; rebuilt
 * false, cases_counted 0). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_compliance_kept_json(const oversight_store *store,
                                                                             char **out) OVERSIGHT_NOEXCEPT;

/* Removes the kept report with this key (64 hex digits) and its rows;
 * *out_forgotten (if not NULL) becomes 1, or 0 when no report had that key.
 * OVERSIGHT_E_INVALID_ARG for a key that is not 64 lowercase hex digits. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_compliance_forget(oversight_store *store, const char *key,
                                                                          int32_t *out_forgotten) OVERSIGHT_NOEXCEPT;

/* How a case system's extract of due dates is read and checked
 * (oversight_compliance_host_due_json). */
typedef struct oversight_compliance_host_due_options {
    uint32_t version;                     /* OVERSIGHT_COMPLIANCE_HOST_DUE_OPTIONS_VERSION */
    const oversight_date *as_of;          /* the day the extract was taken; NULL: today (UTC) */
    const char *child_column;             /* the header of the child ids; NULL: "child" */
    const char *due_column;               /* the header of the host's due dates; NULL: "due" */
    const char *rule;                     /* every row's rule id or rule area ("visits"); NULL: per row */
    const char *rule_column;              /* the header of each row's rule or area when `rule` is NULL;
                                             NULL: "rule" */
    const char *file;                     /* the extract's name in messages; NULL: "<extract>" */
    const oversight_rule_pack *rule_pack; /* NULL: the default England pack */
    const oversight_calendar *calendar;   /* NULL: England and Wales; its school terms count termly rules */
    int32_t by_external_id;               /* non-zero: the child column holds the case system's own child ids
                                             (the external_id its sync stored); 0: the authority's */
} oversight_compliance_host_due_options;

#define OVERSIGHT_COMPLIANCE_HOST_DUE_OPTIONS_VERSION 1
#define OVERSIGHT_COMPLIANCE_HOST_DUE_OPTIONS_INIT \
    { OVERSIGHT_COMPLIANCE_HOST_DUE_OPTIONS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0 }

/* Fills *opts with OVERSIGHT_COMPLIANCE_HOST_DUE_OPTIONS_INIT;
 * OVERSIGHT_E_INVALID_ARG for NULL or an unknown version. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_compliance_host_due_options_init(
    oversight_compliance_host_due_options *opts, uint32_t version) OVERSIGHT_NOEXCEPT;

/* A second opinion on a case system's extract of due dates (its "next visit
 * due" columns): `csv` (`csv_length` bytes of UTF-8 CSV with a header row;
 * NUL bytes are refused where they appear) read, and each row checked
 * against the obligation Oversight has open for that child, of that rule or
 * (the earliest) of that rule area, as of `as_of`. Gives the owned document
 * {"format":"oversight-host-due-dates","version":1,"as_of","file","counts":
 * {"agrees","differs","not_a_date","no_open_obligation","unknown_child",
 * "unknown_rule","not_counted","blank"},"rows":[{"line","child","rule",
 * "host_due" (ISO or null),"host_text","verdict","days" (host - ours),
 * "ours" (null or {"rule","title","source","due","anchor","anchor_event",
 * "explanation"}),"explanation" (the host's side)}]}; due dates are read
 * as YYYY-MM-DD or DD/MM/YYYY (UK order), either with a time of day after
 * it; every verdict but "agrees" is a disagreement ("blank": no host date
 * while Oversight has one open). OVERSIGHT_E_PARSE naming the file and line
 * for text that is not CSV or a missing column; OVERSIGHT_E_NOT_FOUND for a
 * `rule` that is neither a rule id nor an area of the pack;
 * OVERSIGHT_E_INVALID_ARG for an empty column name. Nothing is written. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_compliance_host_due_json(
    const oversight_store *store, const oversight_compliance_host_due_options *options, const char *csv,
    size_t csv_length, char **out) OVERSIGHT_NOEXCEPT;

OVERSIGHT_END_DECLS

#endif /* OVERSIGHT_C_COMPLIANCE_H */
