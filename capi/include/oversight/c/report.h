/*
 * <oversight/c/report.h> - reports on an improvement plan.
 *
 * Kinds: "full" (everything), "plan" (recommendations and actions with RAG),
 * "due" (overdue, due soon, no due date), "leads" (per lead), "costs" (totals),
 * "board" (the board paper in the plan's own columns, what changed since
 * `since` marked) and "dashboard" (summary, each action's gap and direction
 * of travel since `since`, month-by-month charts of compliance, audits and
 * supervision); "indicators" (the plan's indicators: latest value, target,
 * RAG, linked actions, a chart of each; <oversight/c/indicator.h>); and the
 * store's measures, which read no plan (plan_id is not checked: pass 0):
 * "compliance" (by rule area and team, by month), "audits" (each
 * programme's latest result and trend, grades per audit) and "supervision"
 * (by team, by month), over the 12 months to as_of.
 * Each report is built as one document (headings, paragraphs, tables of typed
 * cells, charts) and written in a format: "text" (within 118 columns), "md"
 * (Markdown), "csv" (RFC 4180; one table with a header row of column keys, or
 * each table after a row naming it), "json" (one document
 * {"format":"oversight-document","version":1,"kind","title","blocks",...})
 * "html" (one self-contained page, inline CSS and SVG, prints on A4) and
 * "xlsx" (an Excel workbook: binary, so only through
 * oversight_report_plan_bytes). PDF is the HTML printed by a browser (the CLI's
 * `report --format pdf` uses headless Chromium). Tables and columns: the C++
 * headers <oversight/report/report.hpp> and <oversight/report/writer.hpp>.
 */
#ifndef OVERSIGHT_C_REPORT_H
#define OVERSIGHT_C_REPORT_H

#include <oversight/c/base.h>

OVERSIGHT_BEGIN_DECLS

/* What to render. */
typedef struct oversight_report_options {
    uint32_t version;            /* OVERSIGHT_REPORT_OPTIONS_VERSION */
    const char *kind;            /* NULL: "full" */
    const char *format;          /* NULL: "text" */
    const oversight_date *as_of; /* the day the RAG is rated on; NULL: today (UTC) */
    int32_t within_days;         /* "due soon" window, 0..3650; -1 (default): the plan's due_soon_days */
    /* version 2: */
    const oversight_date *since; /* board, dashboard: the previous report's date (what changed after it);
                                    NULL: none (board), 28 days before as_of (dashboard) */
} oversight_report_options;

#define OVERSIGHT_REPORT_OPTIONS_VERSION 2
#define OVERSIGHT_REPORT_OPTIONS_INIT { OVERSIGHT_REPORT_OPTIONS_VERSION, NULL, NULL, NULL, -1, NULL }

/* Fills *opts with the defaults of OVERSIGHT_REPORT_OPTIONS_INIT for
 * `version`; OVERSIGHT_E_INVALID_ARG for NULL or an unknown version. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_report_options_init(oversight_report_options *opts,
                                                                            uint32_t version) OVERSIGHT_NOEXCEPT;

/* Renders one report of plan `plan_id` into an owned string (NULL options:
 * the full text report as of today); format "json" gives one document
 * {"format":"oversight-document","version":1,"kind","title","subtitle",
 * "as_of","blocks"}.
 * OVERSIGHT_E_INVALID_ARG for an unknown kind or format, a window outside
 * -1..3650, or format "xlsx" (binary: use oversight_report_plan_bytes). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_report_plan(const oversight_store *store, int64_t plan_id,
                                                                    const oversight_report_options *opts,
                                                                    char **out) OVERSIGHT_NOEXCEPT;

/* As oversight_report_plan in any format, "xlsx" too: *out holds *out_size
 * bytes (which may include NUL bytes; one more, a NUL, follows them), freed
 * with oversight_free. On error *out is NULL and *out_size 0. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_report_plan_bytes(const oversight_store *store,
                                                                          int64_t plan_id,
                                                                          const oversight_report_options *opts,
                                                                          char **out, size_t *out_size) OVERSIGHT_NOEXCEPT;

OVERSIGHT_END_DECLS

#endif /* OVERSIGHT_C_REPORT_H */
