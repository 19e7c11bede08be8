/*
 * plan_report: a minimal C99 consumer of liboversight_c.
 *
 *   plan_report PLANPATH [REPORT_DATE [AS_OF]]
 *
 * Opens a store in a temporary file, imports an improvement plan exported
 * from a PDF (the seed format) with its inspection report date (default
 * 2012-09-14), records a progress update dated AS_OF (default 2012-10-12)
 * against action 1.1, lists the red actions through the action iterator and
 * prints the text report as of AS_OF. Every call's status is checked; a
 * failure prints the status and oversight_last_error_message() and exits 1.
 */
#if !defined(_WIN32) && !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L /* mkstemp */
#endif

#include <oversight.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if !defined(_WIN32)
#include <unistd.h>
#endif

/* Prints why a call failed; returns 1 if it did. */
static int failed(oversight_status status, const char *what) {
    if (status == OVERSIGHT_OK) return 0;
    fprintf(stderr, "plan_report: %s failed: %s (%d): %s\n", what, oversight_status_string(status), (int)status,
            oversight_last_error_message());
    return 1;
}

/* A fresh temporary file name for the store (the file itself is replaced by SQLite). */
static int temp_store_path(char *buf, size_t size) {
#if defined(_WIN32)
    return tmpnam_s(buf, size) == 0 ? 0 : -1;
#else
    const char *dir = getenv("TMPDIR");
    int fd;
    if (!dir || !*dir) dir = "/tmp";
    if ((size_t)snprintf(buf, size, "%s/oversight_plan_report_XXXXXX", dir) >= size) return -1;
    fd = mkstemp(buf);
    if (fd < 0) return -1;
    close(fd);
    return 0;
#endif
}

static void remove_store(const char *path) {
    char extra[1100];
    remove(path);
    snprintf(extra, sizeof extra, "%s-wal", path);
    remove(extra);
    snprintf(extra, sizeof extra, "%s-shm", path);
    remove(extra);
}

/* The number of issues in an import summary (one "severity" member each). */
static int count_issues(const char *json) {
    int n = 0;
    const char *p = json;
    while (p && (p = strstr(p, "\"severity\"")) != NULL) {
        ++n;
        p += 10;
    }
    return n;
}

int main(int argc, char **argv) {
    oversight_date report_date = {2012, 9, 14};
    oversight_date as_of = {2012, 10, 12};
    oversight_import_options import = OVERSIGHT_IMPORT_OPTIONS_INIT;
    oversight_plan_progress progress = OVERSIGHT_PLAN_PROGRESS_INIT;
    oversight_report_options report_opts = OVERSIGHT_REPORT_OPTIONS_INIT;
    char path[1024];
    oversight_store *store = NULL;
    oversight_action_iter *it = NULL;
    char *summary = NULL;
    char *report = NULL;
    int64_t plan = 0, update = 0;
    int32_t has = 0, reds = 0, total = 0;
    int rc = 1;

    if (argc < 2 || argc > 4) {
        fprintf(stderr, "usage: %s PLANPATH [REPORT_DATE [AS_OF]]\n", argv[0]);
        return 2;
    }
    if (oversight_abi_version() != OVERSIGHT_ABI_VERSION) {
        fprintf(stderr, "plan_report: liboversight_c ABI %d, built for %d\n", (int)oversight_abi_version(),
                OVERSIGHT_ABI_VERSION);
        return 1;
    }
    if (argc >= 3 && failed(oversight_date_parse_iso(argv[2], &report_date), "reading REPORT_DATE")) return 1;
    if (argc == 4 && failed(oversight_date_parse_iso(argv[3], &as_of), "reading AS_OF")) return 1;
    if (temp_store_path(path, sizeof path) != 0) {
        fprintf(stderr, "plan_report: cannot make a temporary file\n");
        return 1;
    }

    if (failed(oversight_store_open(&store, path, NULL), "opening the store")) goto done;
    if (failed(oversight_store_set_actor(store, "plan_report example"), "setting the actor")) goto done;
    import.report_date = &report_date;
    import.title = "Ofsted improvement plan";
    if (failed(oversight_import_seed_plan(store, argv[1], &import, &plan, &summary), "importing the plan")) goto done;
    printf("Imported plan %lld with %d warnings (repairs of the PDF export).\n", (long long)plan,
           count_issues(summary));

    progress.date = as_of;
    progress.author = "Felicity Budgen";
    progress.text = "Twelve of sixteen posts filled; agency use falling.";
    if (failed(oversight_plan_add_progress(store, plan, "1.1", &progress, &update), "adding a progress update"))
        goto done;

    /* The iterator gives each action with its RAG as of the date. */
    if (failed(oversight_action_iter_open(&it, store, plan, as_of), "opening the action iterator")) goto done;
    printf("Red actions:\n");
    for (;;) {
        if (failed(oversight_action_iter_next(it, &has), "reading the next action")) goto done;
        if (!has) break;
        ++total;
        if (strcmp(oversight_action_iter_rag(it), "red") == 0) {
            ++reds;
            printf("  %-5s %-20s %s\n", oversight_action_iter_ref(it), oversight_action_iter_lead(it),
                   oversight_action_iter_rag_reason(it));
        }
    }
    printf("%d of %d actions are red.\n\n", (int)reds, (int)total);

    report_opts.kind = "full";
    report_opts.format = "text";
    report_opts.as_of = &as_of;
    if (failed(oversight_report_plan(store, plan, &report_opts, &report), "rendering the report")) goto done;
    fputs(report, stdout);
    rc = 0;

done:
    oversight_free(report);
    oversight_free(summary);
    oversight_action_iter_free(it);
    oversight_store_free(store);
    remove_store(path);
    return rc;
}
