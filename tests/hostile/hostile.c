/*
 * The hostile-input program (issue 8, point 4): calls every function of the
 * C ABI (capi/symbols.txt, checked at the end) as an attacker or a careless
 * host would - NULL for each pointer, invalid UTF-8, embedded NULs, a huge
 * string, SQL metacharacters, impossible and extreme dates, INT32/INT64
 * extremes, handles of the wrong kind, versioned structs of version 0 and
 * beyond - and checks each answer:
 *   - the call returns (a crash is caught, reported and the run goes on),
 *   - the status is an oversight_status; a refusal carries a message,
 *   - nonsense is refused; valid text that looks hostile ("'; DROP TABLE") is
 *     accepted, and the store still holds what it held (counted),
 *   - OVERSIGHT_E_INTERNAL (a bug) is never the answer,
 *   - everything returned is freed (valgrind checks that nothing leaks).
 * One line per failure: FAIL <function> [<case>]: <what>.
 *
 *   oversight_hostile SYMBOLS_TXT [--large-bytes N] [--known FILE]
 * SYMBOLS_TXT is capi/symbols.txt; N the size of the "large" string
 * (default 10 MiB; the valgrind run uses a smaller one).
 * Last line: "hostile: N calls, M nonsense refused, J known failures, K failures"
 * (known: listed in --known FILE, see read_known); exit 1 on
 * any failure. C99, through <oversight.h> only.
 */
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */

#include <oversight.h>

#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

/* ------------------------------------------------------------ the harness */

enum expect { REFUSE, SUCCEED, EITHER };

static const char *g_fn = "";
static char g_case[256];
static sigjmp_buf g_jmp;
static volatile sig_atomic_t g_armed;
static long g_calls, g_refused, g_failures;
static int g_crashed; /* the last call crashed */

/* Out-parameters of the call under test, released after each call. */
static char *g_s;
static oversight_store *g_out_store;
static oversight_calendar *g_out_calendar;
static oversight_rule_pack *g_out_pack;
static oversight_action_iter *g_out_iter;
static oversight_batch *g_out_batch;
static const char *g_cs; /* a borrowed string a getter returned */
static int64_t g_i64;
static int32_t g_i32;

/* oversight_compliance_row_fn: counts the rows into *(int64_t *)context and
 * checks each is NUL-terminated at `length`; or stops at the first row. */
static int32_t OVERSIGHT_CALL count_row(void *context, const char *row, size_t length) {
    if (!row || row[length] != '\0') abort();
    ++*(int64_t *)context;
    return 0;
}
static int32_t OVERSIGHT_CALL stop_row(void *context, const char *row, size_t length) {
    (void)context;
    (void)row;
    (void)length;
    return 1;
}
static size_t g_size;
static oversight_date g_date;

/* The functions called, to check against symbols.txt. */
#define MAX_NAMES 512
static const char *g_names[MAX_NAMES];
static int g_name_count;

static void seen(const char *fn) {
    int i;
    for (i = 0; i < g_name_count; ++i)
        if (strcmp(g_names[i], fn) == 0) return;
    if (g_name_count < MAX_NAMES) g_names[g_name_count++] = fn;
}

static void set_case(const char *fmt, const char *a, const char *b) {
    snprintf(g_case, sizeof g_case, fmt, a, b);
}

/* An isolated section (run in a child process) reports here as it goes,
 * so that its figures and its last case survive its death. */
struct progress {
    long calls, refused, failures;
    char fn[128];
    char label[256];
};
static struct progress *g_progress;

static void report_progress(void) {
    if (!g_progress) return;
    g_progress->calls = g_calls;
    g_progress->refused = g_refused;
    g_progress->failures = g_failures;
    snprintf(g_progress->fn, sizeof g_progress->fn, "%s", g_fn);
    snprintf(g_progress->label, sizeof g_progress->label, "%s", g_case);
}

/* The case's label, unless it is already g_case (built by a loop). */
static void label_case(const char *label) {
    if (label != g_case) set_case("%s%s", label, "");
    report_progress();
}

/* Prints at most 160 bytes of a message, control bytes escaped. */
static void print_clipped(const char *m) {
    size_t i, n = strlen(m);
    for (i = 0; i < n && i < 160; ++i) {
        unsigned char c = (unsigned char)m[i];
        if (c < 0x20 || c == 0x7f) printf("\\x%02x", c);
        else putchar(c);
    }
    if (n > 160) printf("... (%lu bytes)", (unsigned long)n);
}

/* The known failures (--known FILE): one "function [case]" per line, each a
 * failure not fixed yet. A listed failure prints as KNOWN and does not fail
 * the run; a listed one that no longer happens fails it (take it off the
 * list), so the list only shrinks. */
#define MAX_KNOWN 256
static char *g_known[MAX_KNOWN];
static int g_known_seen[MAX_KNOWN];
static int g_known_count;
static long g_known_hits;

static int known_failure(void) {
    char key[512];
    int i;
    snprintf(key, sizeof key, "%s [%s]", g_fn, g_case);
    for (i = 0; i < g_known_count; ++i)
        if (strcmp(g_known[i], key) == 0) {
            g_known_seen[i] = 1;
            return 1;
        }
    return 0;
}

static void read_known(const char *path) {
    char line[512];
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        exit(2);
    }
    while (fgets(line, sizeof line, f) && g_known_count < MAX_KNOWN) {
        size_t n = strlen(line);
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
        if (n == 0 || line[0] == '#') continue;
        g_known[g_known_count] = malloc(n + 1);
        if (!g_known[g_known_count]) exit(2);
        memcpy(g_known[g_known_count++], line, n + 1);
    }
    fclose(f);
}

static void failure(const char *what, oversight_status st) {
    if (known_failure()) {
        ++g_known_hits;
        printf("KNOWN ");
    } else {
        ++g_failures;
        printf("FAIL ");
    }
    printf("%s [%s]: %s", g_fn, g_case, what);
    if (st != OVERSIGHT_OK) {
        printf(" (status %d %s: \"", (int)st, oversight_status_string(st));
        print_clipped(oversight_last_error_message());
        printf("\")");
    }
    printf("\n");
}

static void judge(enum expect e, oversight_status st) {
    const char *m;
    ++g_calls;
    if ((int)st < (int)OVERSIGHT_OK || (int)st > (int)OVERSIGHT_E_CONFLICT) {
        char buf[64];
        snprintf(buf, sizeof buf, "returned %d, which is not an oversight_status", (int)st);
        failure(buf, OVERSIGHT_OK);
        return;
    }
    if (st == OVERSIGHT_OK) {
        if (e == REFUSE) failure("accepted nonsense (OVERSIGHT_OK)", OVERSIGHT_OK);
        return;
    }
    m = oversight_last_error_message();
    if (m == NULL || *m == '\0') failure("refused with an empty oversight_last_error_message()", st);
    else if (oversight_last_error_code() != st) failure("oversight_last_error_code() differs from the status", st);
    else if (st == OVERSIGHT_E_INTERNAL) failure("OVERSIGHT_E_INTERNAL (reserved for bugs)", st);
    else if (e == SUCCEED) failure("refused valid input", st);
    else if (e == REFUSE) ++g_refused;
}

static void crashed(int sig) {
    char buf[64];
    g_armed = 0;
    g_crashed = 1;
    ++g_calls;
    snprintf(buf, sizeof buf, "crashed with signal %d (%s)", sig,
             sig == SIGSEGV ? "SIGSEGV" : sig == SIGABRT ? "SIGABRT, e.g. an exception in noexcept"
             : sig == SIGBUS ? "SIGBUS" : sig == SIGFPE ? "SIGFPE" : "other");
    failure(buf, OVERSIGHT_OK);
}

static void release(void) {
    oversight_free(g_s);
    g_s = NULL;
    oversight_store_free(g_out_store);
    g_out_store = NULL;
    oversight_calendar_free(g_out_calendar);
    g_out_calendar = NULL;
    oversight_rule_pack_free(g_out_pack);
    g_out_pack = NULL;
    oversight_action_iter_free(g_out_iter);
    g_out_iter = NULL;
    oversight_batch_free(g_out_batch);
    g_out_batch = NULL;
}

static void on_signal(int sig) {
    if (g_armed) siglongjmp(g_jmp, sig);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* CALL(expectation, function, case label, (arguments)): one call of a
 * function returning oversight_status. A crash inside it is caught. */
#define CALL(e, fn, label, args)                                           \
    do {                                                                   \
        int sig_;                                                          \
        seen(#fn);                                                         \
        g_fn = #fn;                                                        \
        label_case(label);                                                 \
        oversight_last_error_clear();                                      \
        if ((sig_ = sigsetjmp(g_jmp, 1)) == 0) {                           \
            oversight_status st_;                                          \
            g_armed = 1;                                                   \
            st_ = fn args;                                                 \
            g_armed = 0;                                                   \
            judge((e), st_);                                               \
        } else {                                                           \
            crashed(sig_);                                                 \
        }                                                                  \
        release();                                                         \
    } while (0)

/* CALL_STMT(function, case label, statement): a call of a function that
 * returns no status (a getter, a destructor); `statement` stores its result. */
#define CALL_STMT(fn, label, stmt)                                         \
    do {                                                                   \
        int sig_;                                                          \
        seen(#fn);                                                         \
        g_fn = #fn;                                                        \
        label_case(label);                                                 \
        g_crashed = 0;                                                     \
        if ((sig_ = sigsetjmp(g_jmp, 1)) == 0) {                           \
            g_armed = 1;                                                   \
            stmt;                                                          \
            g_armed = 0;                                                   \
            ++g_calls;                                                     \
        } else {                                                           \
            crashed(sig_);                                                 \
        }                                                                  \
        release();                                                         \
    } while (0)

/* A getter given a bad handle returns a neutral value (base.h rule 2). */
#define GETTER_STR(fn, label, arg)                                                       \
    do {                                                                                 \
        g_cs = "(not set)";                                                              \
        CALL_STMT(fn, label, g_cs = fn(arg));                                            \
        if (!g_crashed && g_cs != NULL && *g_cs != '\0') {                              \
            set_case("%s%s", (label), "");                                               \
            failure("a bad handle gave a non-neutral string (not NULL or \"\")", OVERSIGHT_OK); \
        }                                                                                \
    } while (0)

/* --------------------------------------------------------- hostile values */

/* Text cases, by the kind of argument:
 *   ID      ids, names, keys, enum texts, documents: every case is nonsense;
 *   REQ     required free text: empty or blank is nonsense, long text or
 *           control characters may be stored;
 *   OPT     optional free text: only invalid UTF-8 is nonsense;
 *   PATH    file and folder paths: empty and huge are nonsense, an odd name
 *           may exist (the run's working folder is its temporary folder);
 *   FILTER  a name a query filters on: an unknown blank name may match nothing. */
enum text_kind { ID, REQ, OPT, PATH, FILTER };
struct text_case {
    const char *name;
    const char *text;       /* NULL: the large string */
    enum expect e[5];       /* by text_kind */
};
static char *g_large;
static size_t g_large_bytes = 10u * 1024u * 1024u;
#define R REFUSE
#define E EITHER
static const struct text_case k_texts[] = {
    {"invalid UTF-8 (0xff 0xfe)", "\xff\xfe" "ab", {R, R, R, R, R}},
    {"overlong UTF-8 (0xc0 0xaf)", "a\xc0\xaf", {R, R, R, R, R}},
    {"UTF-8 surrogate (U+D800)", "\xed\xa0\x80", {R, R, R, R, R}},
    {"truncated UTF-8", "abc\xe2\x82", {R, R, R, R, R}},
    {"beyond U+10FFFF", "\xf4\x90\x80\x80", {R, R, R, R, R}},
    {"control characters", "C\x01\x1b[2J", {R, E, E, E, R}},
    {"empty", "", {R, R, E, R, R}},
    {"blank", "   ", {R, R, E, E, E}},
    {"large string", NULL, {R, E, E, R, R}},
};
#undef R
#undef E
#define N_TEXTS (sizeof k_texts / sizeof k_texts[0])
static const char *T; /* the text under test, used in the call's arguments */

static enum expect text_expect(const struct text_case *c, enum text_kind k) { return c->e[k]; }

/* TEXTS(kind, function, argument name, (arguments using T)): the call once
 * per hostile text in T. */
#define TEXTS(kind, fn, argname, args)                                        \
    do {                                                                      \
        volatile size_t ti_;                                                           \
        for (ti_ = 0; ti_ < N_TEXTS; ++ti_) {                                 \
            T = k_texts[ti_].text ? k_texts[ti_].text : g_large;              \
            set_case("%s: %s", (argname), k_texts[ti_].name);                 \
            CALL(text_expect(&k_texts[ti_], (kind)), fn, g_case, args);       \
        }                                                                     \
        T = "x";                                                              \
    } while (0)

/* Date cases: impossible ones (refused) and extreme valid ones (either). */
struct date_case {
    const char *name;
    oversight_date date;
    enum expect e;
};
static const struct date_case k_dates[] = {
    {"2012-02-30", {2012, 2, 30}, REFUSE},
    {"2023-02-29", {2023, 2, 29}, REFUSE},
    {"month 13", {2024, 13, 1}, REFUSE},
    {"month 0", {2024, 0, 1}, REFUSE},
    {"day 0", {2024, 1, 0}, REFUSE},
    {"day 32", {2024, 1, 32}, REFUSE},
    {"0000-01-01", {0, 1, 1}, REFUSE},
    {"year -1", {-1, 1, 1}, REFUSE},
    {"year INT32_MIN", {INT32_MIN, 1, 1}, REFUSE},
    {"year INT32_MAX", {INT32_MAX, 12, 31}, REFUSE},
    {"month INT32_MIN", {2024, INT32_MIN, 1}, REFUSE},
    {"day INT32_MAX", {2024, 1, INT32_MAX}, REFUSE},
    {"all INT32_MIN", {INT32_MIN, INT32_MIN, INT32_MIN}, REFUSE},
    {"9999-12-31", {9999, 12, 31}, EITHER},
    {"1400-01-01", {1400, 1, 1}, EITHER},
};
#define N_DATES (sizeof k_dates / sizeof k_dates[0])
static oversight_date D;         /* the date under test */
static const oversight_date *DP; /* &D */

/* DATES(function, argument name, (arguments using D or DP)). */
#define DATES(fn, argname, args)                                              \
    do {                                                                      \
        volatile size_t di_;                                                           \
        for (di_ = 0; di_ < N_DATES; ++di_) {                                 \
            D = k_dates[di_].date;                                            \
            DP = &D;                                                          \
            set_case("%s: %s", (argname), k_dates[di_].name);                 \
            CALL(k_dates[di_].e, fn, g_case, args);                           \
        }                                                                     \
        D = k_day;                                                            \
    } while (0)

/* Integer extremes: I32 and I64 loops over these. */
static const int32_t k_i32[] = {INT32_MIN, -1, 0, INT32_MAX};
static const int64_t k_i64[] = {INT64_MIN, -1, 0, INT64_MAX};
static int32_t I32;
static int64_t I64;
static const char *int_name(long long v) {
    static char buf[32];
    if (v == INT32_MIN) return "INT32_MIN";
    if (v == INT32_MAX) return "INT32_MAX";
    if (v == INT64_MIN) return "INT64_MIN";
    if (v == INT64_MAX) return "INT64_MAX";
    snprintf(buf, sizeof buf, "%lld", v);
    return buf;
}
/* I64S(function, argument name, (arguments using I64)): an id that names
 * nothing (INT64_MIN, -1, 0, INT64_MAX) is refused.
 * I32S(expectation for INT32_MIN, -1, 0, INT32_MAX, function, argument name,
 * (arguments using I32)). */
#define I64S(fn, argname, args)                                               \
    do {                                                                      \
        volatile size_t ii_;                                                           \
        for (ii_ = 0; ii_ < 4; ++ii_) {                                       \
            I64 = k_i64[ii_];                                                 \
            set_case("%s = %s", (argname), int_name(I64));                    \
            CALL(REFUSE, fn, g_case, args);                                   \
        }                                                                     \
    } while (0)
#define I32S(e_min, e_neg, e_zero, e_max, fn, argname, args)                  \
    do {                                                                      \
        volatile size_t ii_;                                                           \
        const enum expect ex_[4] = {(e_min), (e_neg), (e_zero), (e_max)};     \
        for (ii_ = 0; ii_ < 4; ++ii_) {                                       \
            I32 = k_i32[ii_];                                                 \
            set_case("%s = %s", (argname), int_name(I32));                    \
            CALL(ex_[ii_], fn, g_case, args);                                 \
        }                                                                     \
    } while (0)

/* Versioned structs: the INIT defaults with version 0, current + 1 and
 * UINT32_MAX are all refused. VERSIONS(struct variable, function, (arguments)). */
static const uint32_t k_bad_versions[] = {0u, 2u, 999u, UINT32_MAX};
#define VERSIONS(var, current, fn, args)                                      \
    do {                                                                      \
        volatile size_t vi_;                                                           \
        const uint32_t keep_ = (var).version;                                 \
        for (vi_ = 0; vi_ < 4; ++vi_) {                                       \
            if (k_bad_versions[vi_] == (current)) continue;                   \
            if (k_bad_versions[vi_] == 2u && (current) >= 2u) continue;       \
            (var).version = k_bad_versions[vi_];                              \
            snprintf(g_case, sizeof g_case, "%s.version = %lu", #var,         \
                     (unsigned long)k_bad_versions[vi_]);                     \
            CALL(REFUSE, fn, g_case, args);                                   \
        }                                                                     \
        (var).version = keep_;                                                \
    } while (0)

/* INIT(function, struct type, current version): the _init function with a
 * NULL struct, unknown versions and the current one. */
#define INIT(fn, type, current)                                               \
    do {                                                                      \
        type s_;                                                              \
        volatile size_t vi_;                                                           \
        memset(&s_, 0, sizeof s_);                                            \
        CALL(REFUSE, fn, "opts = NULL", (NULL, (current)));                   \
        for (vi_ = 0; vi_ < 4; ++vi_) {                                       \
            if (k_bad_versions[vi_] == 2u && (current) >= 2u) continue;       \
            snprintf(g_case, sizeof g_case, "version = %lu",                  \
                     (unsigned long)k_bad_versions[vi_]);                     \
            CALL(REFUSE, fn, g_case, (&s_, k_bad_versions[vi_]));             \
        }                                                                     \
        CALL(SUCCEED, fn, "current version", (&s_, (current)));               \
        if (s_.version != (current)) {                                        \
            set_case("current version%s%s", "", "");                          \
            failure("did not set the version member", OVERSIGHT_OK);          \
        }                                                                     \
    } while (0)

/* ------------------------------------------------------------- fixtures */

static const oversight_date k_day = {2024, 3, 1};
static const oversight_date k_as_of = {2024, 3, 11};
static oversight_store *S;
static oversight_calendar *CAL;
static oversight_rule_pack *PACK;
static int64_t PLAN, MILESTONE, TASK, EVENT;
static char g_dir[64];
static char g_db[128];

static void must(oversight_status st, const char *what) {
    if (st != OVERSIGHT_OK) {
        printf("hostile: set-up failed: %s: %s: %s\n", what, oversight_status_string(st),
               oversight_last_error_message());
        exit(2);
    }
}

static oversight_casework_event event_of(const char *child, const char *type) {
    oversight_casework_event e = OVERSIGHT_CASEWORK_EVENT_INIT;
    e.child_id = child;
    e.type = type;
    e.date = k_day;
    e.recorded_by = "hostile";
    return e;
}

static void set_up(void) {
    oversight_plan_recommendation r = OVERSIGHT_PLAN_RECOMMENDATION_INIT;
    oversight_plan_action a = OVERSIGHT_PLAN_ACTION_INIT;
    oversight_plan_task t = OVERSIGHT_PLAN_TASK_INIT;
    oversight_workforce_team team = OVERSIGHT_WORKFORCE_TEAM_INIT;
    oversight_workforce_worker w = OVERSIGHT_WORKFORCE_WORKER_INIT;
    oversight_workforce_person p = OVERSIGHT_WORKFORCE_PERSON_INIT;
    oversight_casework_event e;

    strcpy(g_dir, "/tmp/oversight-hostile-XXXXXX");
    if (!mkdtemp(g_dir)) {
        perror("mkdtemp");
        exit(2);
    }
    snprintf(g_db, sizeof g_db, "%s/hostile.db", g_dir);
    if (chdir(g_dir) != 0) { /* relative paths the calls create stay in the temporary folder */
        perror("chdir");
        exit(2);
    }
    must(oversight_store_open(&S, g_db, NULL), "store_open");
    must(oversight_store_set_actor(S, "hostile"), "set_actor");
    must(oversight_calendar_open(&CAL, NULL), "calendar_open");
    must(oversight_rule_pack_open_default(&PACK), "rule_pack_open_default");
    must(oversight_plan_create(S, "Hostile plan", "Northbridge", &k_day, &PLAN), "plan_create");
    r.number = 1;
    r.text = "Improve supervision";
    r.timescale = "within_three_months";
    must(oversight_plan_add_recommendation(S, PLAN, &r, &g_i64), "add_recommendation");
    a.ref = "1.1";
    a.description = "Monthly supervision";
    must(oversight_plan_add_action(S, PLAN, 1, &a, &g_i64), "add_action");
    must(oversight_plan_add_milestone(S, PLAN, "1.1", k_day, "Audit", &MILESTONE), "add_milestone");
    t.text = "Book rooms";
    must(oversight_plan_add_task(S, PLAN, "1.1", &t, &TASK), "add_task");
    team.name = "Team A";
    must(oversight_workforce_save_team(S, &team), "save_team");
    w.name = "Ann Lee";
    w.team = "Team A";
    must(oversight_workforce_save_worker(S, &w), "save_worker");
    p.name = "Bo Reed";
    must(oversight_workforce_add_person(S, &p, &g_i64), "add_person");
    must(oversight_casework_save_child(S, "C1", NULL), "save_child");
    must(oversight_casework_allocate(S, "C1", "Ann Lee", k_day), "allocate");
    e = event_of("C1", "became_looked_after");
    must(oversight_casework_record_event(S, &e, &EVENT), "record_event");
}

/* How many entries the store's history holds about children (history_json:
 * "seq" members; children only, as other entities hold the large strings).
 * History is only ever appended to: a count that falls is lost data. */
static long count_history(void) {
    oversight_store_history_query q = OVERSIGHT_STORE_HISTORY_QUERY_INIT;
    char *json = NULL;
    long n = 0;
    const char *p;
    q.entity = "child";
    if (oversight_store_history_json(S, &q, &json) != OVERSIGHT_OK) return -1;
    for (p = json; (p = strstr(p, "\"seq\"")) != NULL; ++p) ++n;
    oversight_free(json);
    return n;
}

/* ------------------------------------------------------ the areas' cases */

static void base_and_date(void) {
    oversight_date d;
    CALL_STMT(oversight_status_string, "status -1", g_cs = oversight_status_string((oversight_status)-1));
    if (!g_cs || !*g_cs) failure("NULL or empty for an unknown status", OVERSIGHT_OK);
    CALL_STMT(oversight_status_string, "status INT32_MAX",
              g_cs = oversight_status_string((oversight_status)INT32_MAX));
    if (!g_cs || !*g_cs) failure("NULL or empty for an unknown status", OVERSIGHT_OK);
    CALL_STMT(oversight_last_error_message, "after a clear", (oversight_last_error_clear(), g_cs = oversight_last_error_message()));
    if (!g_cs || *g_cs) failure("not \"\" after oversight_last_error_clear()", OVERSIGHT_OK);
    CALL_STMT(oversight_last_error_code, "after a clear", g_i32 = (int32_t)oversight_last_error_code());
    if (g_i32 != OVERSIGHT_OK) failure("not OVERSIGHT_OK after a clear", OVERSIGHT_OK);
    CALL_STMT(oversight_last_error_clear, "twice", (oversight_last_error_clear(), oversight_last_error_clear()));
    CALL_STMT(oversight_free, "NULL", oversight_free(NULL));
    CALL_STMT(oversight_version_number, "call", g_i32 = oversight_version_number());
    CALL_STMT(oversight_version_string, "call", g_cs = oversight_version_string());
    CALL_STMT(oversight_abi_version, "call", g_i32 = oversight_abi_version());

    CALL(REFUSE, oversight_date_parse_iso, "text = NULL", (NULL, &d));
    CALL(REFUSE, oversight_date_parse_iso, "out = NULL", ("2024-03-01", NULL));
    TEXTS(ID, oversight_date_parse_iso, "text", (T, &d));
    {
        static const char *const bad[] = {"2012-02-30", "2024-13-01", "2024-00-10", "2024-01-00", "0000-01-01",
                                          "-2024-01-01", "99999-01-01", "2024-1-1", "2024/01/01", "2024-01-01x",
                                          " 2024-01-01", "2147483647-01-01", "2024-01-2147483647", "'; DROP TABLE events; --",
                                          "%", "_"};
        volatile size_t i;
        for (i = 0; i < sizeof bad / sizeof bad[0]; ++i) {
            set_case("text = \"%s\"%s", bad[i], "");
            CALL(REFUSE, oversight_date_parse_iso, g_case, (bad[i], &d));
        }
    }
    /* Embedded NUL: only the text before it is read, and it is a date. */
    memset(&d, 0, sizeof d);
    CALL(SUCCEED, oversight_date_parse_iso, "\"2024-03-01\\0junk\"", ("2024-03-01\0junk", &d));
    if (d.year != 2024 || d.month != 3 || d.day != 1) failure("read past the NUL", OVERSIGHT_OK);
    CALL(EITHER, oversight_date_parse_iso, "9999-12-31", ("9999-12-31", &d));

    CALL(REFUSE, oversight_date_format_iso, "out = NULL", (k_day, NULL));
    DATES(oversight_date_format_iso, "date", (D, &g_s));
    CALL(REFUSE, oversight_date_validate, "date 2012-02-30", (k_dates[0].date));
    DATES(oversight_date_validate, "date", (D));
    CALL(REFUSE, oversight_date_today, "out = NULL", (NULL));
    CALL(SUCCEED, oversight_date_today, "valid", (&d));
}

static void store_area(void) {
    oversight_store_options o = OVERSIGHT_STORE_OPTIONS_INIT;
    oversight_store_history_query h = OVERSIGHT_STORE_HISTORY_QUERY_INIT;
    oversight_store_changes_query c = OVERSIGHT_STORE_CHANGES_QUERY_INIT;
    char path[256];

    INIT(oversight_store_options_init, oversight_store_options, OVERSIGHT_STORE_OPTIONS_VERSION);
    CALL(REFUSE, oversight_store_open, "out = NULL", (NULL, g_db, NULL));
    CALL(REFUSE, oversight_store_open, "location = NULL (SQLite)", (&g_out_store, NULL, NULL));
    TEXTS(PATH, oversight_store_open, "location", (&g_out_store, T, NULL));
    CALL(REFUSE, oversight_store_open, "location = a directory", (&g_out_store, g_dir, NULL));
    CALL(REFUSE, oversight_store_open, "location = /dev/null", (&g_out_store, "/dev/null", NULL));
    snprintf(path, sizeof path, "%s/no/such/folder/x.db", g_dir);
    CALL(REFUSE, oversight_store_open, "location in a missing folder", (&g_out_store, path, NULL));
    o.create = 0;
    snprintf(path, sizeof path, "%s/missing.db", g_dir);
    CALL(REFUSE, oversight_store_open, "create = 0, missing file", (&g_out_store, path, &o));
    o = (oversight_store_options)OVERSIGHT_STORE_OPTIONS_INIT;
    VERSIONS(o, OVERSIGHT_STORE_OPTIONS_VERSION, oversight_store_open, (&g_out_store, g_db, &o));
    I32S(REFUSE, REFUSE, EITHER, REFUSE, oversight_store_open, "opts.backend",
         (&g_out_store, g_db, (o.backend = I32, &o)));
    o.backend = OVERSIGHT_STORE_BACKEND_SQLITE;
    I32S(REFUSE, REFUSE, EITHER, REFUSE, oversight_store_open, "opts.read_only",
         (&g_out_store, g_db, (o.read_only = I32, &o)));
    o.read_only = 0;
    I32S(REFUSE, REFUSE, EITHER, REFUSE, oversight_store_open, "opts.create",
         (&g_out_store, g_db, (o.create = I32, &o)));
    o.create = 1;
    I32S(REFUSE, REFUSE, EITHER, REFUSE, oversight_store_open, "opts.busy_timeout_ms",
         (&g_out_store, g_db, (o.busy_timeout_ms = I32, &o)));
    o.busy_timeout_ms = 5000;
    o.backend = OVERSIGHT_STORE_BACKEND_MEMORY;
    CALL(REFUSE, oversight_store_open, "memory backend with a location", (&g_out_store, g_db, &o));
    CALL(SUCCEED, oversight_store_open, "memory backend", (&g_out_store, NULL, &o));
    o.backend = OVERSIGHT_STORE_BACKEND_SQLITE;
    CALL(SUCCEED, oversight_store_open, "the fixture's file again", (&g_out_store, g_db, &o));

    CALL_STMT(oversight_store_free, "NULL", oversight_store_free(NULL));
    CALL(REFUSE, oversight_store_set_actor, "store = NULL", (NULL, "x"));
    CALL(REFUSE, oversight_store_set_actor, "actor = NULL", (S, NULL));
    TEXTS(ID, oversight_store_set_actor, "actor", (S, T));
    CALL(SUCCEED, oversight_store_set_actor, "actor = SQL metacharacters", (S, "'; DROP TABLE events; --"));
    CALL(SUCCEED, oversight_store_set_actor, "actor = \"%\"", (S, "%\"_"));
    CALL(SUCCEED, oversight_store_set_actor, "actor = hostile", (S, "hostile"));
    CALL(REFUSE, oversight_store_schema_version, "store = NULL", (NULL, &g_i32));
    CALL(REFUSE, oversight_store_schema_version, "out = NULL", (S, NULL));

    /* The history's chain and checkpoints: hostile documents and keys. */
    CALL(REFUSE, oversight_store_verify_history, "store = NULL", (NULL, NULL, NULL, &g_s));
    CALL(REFUSE, oversight_store_verify_history, "out = NULL", (S, NULL, NULL, NULL));
    CALL(SUCCEED, oversight_store_verify_history, "the fixture's history", (S, NULL, NULL, &g_s));
    release();
    CALL(REFUSE, oversight_store_verify_history, "checkpoint without a public key", (S, "{}", NULL, &g_s));
    TEXTS(ID, oversight_store_verify_history, "checkpoint_json", (S, T, "not a key", &g_s));
    TEXTS(ID, oversight_store_verify_history, "public_key_pem",
          (S, "{\"format\":\"oversight-history-checkpoint\",\"version\":1}", T, &g_s));
    CALL(REFUSE, oversight_store_history_checkpoint, "store = NULL", (NULL, "k", &g_s));
    CALL(REFUSE, oversight_store_history_checkpoint, "private_key_pem = NULL", (S, NULL, &g_s));
    CALL(REFUSE, oversight_store_history_checkpoint, "out = NULL", (S, "k", NULL));
    TEXTS(ID, oversight_store_history_checkpoint, "private_key_pem", (S, T, &g_s));
    CALL(REFUSE, oversight_store_history_checkpoint, "private_key_pem = a PEM that is no key",
         (S, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", &g_s));

    INIT(oversight_store_history_query_init, oversight_store_history_query, OVERSIGHT_STORE_HISTORY_QUERY_VERSION);
    CALL(REFUSE, oversight_store_history_json, "store = NULL", (NULL, NULL, &g_s));
    CALL(REFUSE, oversight_store_history_json, "out = NULL", (S, NULL, NULL));
    VERSIONS(h, OVERSIGHT_STORE_HISTORY_QUERY_VERSION, oversight_store_history_json, (S, &h, &g_s));
    TEXTS(FILTER, oversight_store_history_json, "query.entity", (S, (h.entity = T, &h), &g_s));
    h.entity = "'; DROP TABLE events; --";
    CALL(EITHER, oversight_store_history_json, "query.entity = SQL metacharacters", (S, &h, &g_s));
    h.entity = "%";
    CALL(EITHER, oversight_store_history_json, "query.entity = \"%\"", (S, &h, &g_s));
    h.entity = NULL;
    {
        volatile size_t i;
        for (i = 0; i < 4; ++i) {
            h.entity_id = k_i64[i];
            set_case("query.entity_id = %s%s", int_name(k_i64[i]), "");
            CALL(k_i64[i] < 0 ? REFUSE : EITHER, oversight_store_history_json, g_case, (S, &h, &g_s));
        }
        h.entity_id = 0;
        for (i = 0; i < 4; ++i) {
            h.after_seq = k_i64[i];
            set_case("query.after_seq = %s%s", int_name(k_i64[i]), "");
            CALL(k_i64[i] < 0 ? REFUSE : EITHER, oversight_store_history_json, g_case, (S, &h, &g_s));
        }
        h.after_seq = 0;
    }
    I32S(REFUSE, REFUSE, EITHER, EITHER, oversight_store_history_json, "query.limit",
         (S, (h.limit = I32, &h), &g_s));
    h.limit = 0;

    INIT(oversight_store_changes_query_init, oversight_store_changes_query, OVERSIGHT_STORE_CHANGES_QUERY_VERSION);
    CALL(REFUSE, oversight_store_changes_json, "store = NULL", (NULL, NULL, &g_s));
    CALL(REFUSE, oversight_store_changes_json, "out = NULL", (S, NULL, NULL));
    VERSIONS(c, OVERSIGHT_STORE_CHANGES_QUERY_VERSION, oversight_store_changes_json, (S, &c, &g_s));
    TEXTS(FILTER, oversight_store_changes_json, "query.entity", (S, (c.entity = T, &c), &g_s));
    c.entity = NULL;
    I32S(REFUSE, REFUSE, REFUSE, REFUSE, oversight_store_changes_json, "query.limit", (S, (c.limit = I32, &c), &g_s));
    c.limit = 500;
    {
        volatile size_t i;
        for (i = 0; i < 4; ++i) {
            c.since = k_i64[i];
            set_case("query.since = %s%s", int_name(k_i64[i]), "");
            CALL(k_i64[i] < 0 ? REFUSE : EITHER, oversight_store_changes_json, g_case, (S, &c, &g_s));
        }
    }
}

static void calendar_area(void) {
    oversight_calendar_options o = OVERSIGHT_CALENDAR_OPTIONS_INIT;
    oversight_calendar_day day;
    static const char *const bad_json[] = {
        "{", "[]", "null", "{\"england-and-wales\":{\"events\":[{\"date\":\"2012-02-30\",\"title\":\"x\"}]}}",
        "{\"england-and-wales\":{\"division\":\"england-and-wales\",\"events\":[{\"date\":5e444,\"title\":\"x\"}]}}",
        "{\"england-and-wales\":{\"division\":\"england-and-wales\",\"events\":[{\"date\":\"2024-01-01\",\"title\":5e444}]}}",
        "{\"england-and-wales\":{\"division\":\"england-and-wales\",\"events\":[{\"date\":\"0000-01-01\",\"title\":\"x\"}]}}",
        "{\"a\":1,\"a\":2}"};
    volatile size_t i;

    INIT(oversight_calendar_options_init, oversight_calendar_options, OVERSIGHT_CALENDAR_OPTIONS_VERSION);
    CALL(REFUSE, oversight_calendar_open, "out = NULL", (NULL, NULL));
    CALL(SUCCEED, oversight_calendar_open, "opts = NULL", (&g_out_calendar, NULL));
    VERSIONS(o, OVERSIGHT_CALENDAR_OPTIONS_VERSION, oversight_calendar_open, (&g_out_calendar, &o));
    TEXTS(ID, oversight_calendar_open, "opts.division", (&g_out_calendar, (o.division = T, &o)));
    o.division = "'; DROP TABLE events; --";
    CALL(REFUSE, oversight_calendar_open, "opts.division = SQL metacharacters", (&g_out_calendar, &o));
    o.division = NULL;
    TEXTS(ID, oversight_calendar_open, "opts.gov_uk_json", (&g_out_calendar, (o.gov_uk_json = T, &o)));
    for (i = 0; i < sizeof bad_json / sizeof bad_json[0]; ++i) {
        o.gov_uk_json = bad_json[i];
        set_case("opts.gov_uk_json = %s%s", bad_json[i], "");
        CALL(REFUSE, oversight_calendar_open, g_case, (&g_out_calendar, &o));
    }
    o.gov_uk_json = NULL;
    o.extra_holiday_count = 1;
    CALL(REFUSE, oversight_calendar_open, "extra_holidays = NULL, count 1", (&g_out_calendar, &o));
    o.extra_holidays = &day;
    day.date = k_day;
    day.name = NULL;
    CALL(REFUSE, oversight_calendar_open, "extra_holidays[0].name = NULL", (&g_out_calendar, &o));
    TEXTS(REQ, oversight_calendar_open, "extra_holidays[0].name", (&g_out_calendar, (day.name = T, &o)));
    day.name = "Jubilee";
    DATES(oversight_calendar_open, "extra_holidays[0].date", (&g_out_calendar, (day.date = D, &o)));
    day.date = k_day;
    o.extra_holidays = NULL;
    o.extra_holiday_count = 0;
    o.closure_count = (size_t)-1;
    CALL(REFUSE, oversight_calendar_open, "closures = NULL, count SIZE_MAX", (&g_out_calendar, &o));
    o.closures = &day;
    o.closure_count = 1;
    DATES(oversight_calendar_open, "closures[0].date", (&g_out_calendar, (day.date = D, &o)));
    day.date = k_day;
    day.name = "\xff";
    CALL(REFUSE, oversight_calendar_open, "closures[0].name invalid UTF-8", (&g_out_calendar, &o));

    CALL_STMT(oversight_calendar_free, "NULL", oversight_calendar_free(NULL));
    GETTER_STR(oversight_calendar_division, "calendar = NULL", NULL);

    CALL(REFUSE, oversight_calendar_is_working_day, "calendar = NULL", (NULL, k_day, &g_i32));
    CALL(REFUSE, oversight_calendar_is_working_day, "out = NULL", (CAL, k_day, NULL));
    DATES(oversight_calendar_is_working_day, "day", (CAL, D, &g_i32));

    CALL(REFUSE, oversight_calendar_add_working_days, "calendar = NULL", (NULL, k_day, 1, &g_date));
    CALL(REFUSE, oversight_calendar_add_working_days, "out = NULL", (CAL, k_day, 1, NULL));
    DATES(oversight_calendar_add_working_days, "from", (CAL, D, 1, &g_date));
    I32S(REFUSE, SUCCEED, SUCCEED, REFUSE, oversight_calendar_add_working_days, "n", (CAL, k_day, I32, &g_date));
    D = (oversight_date){9999, 12, 31};
    CALL(REFUSE, oversight_calendar_add_working_days, "9999-12-31 + 1", (CAL, D, 1, &g_date));
    D = (oversight_date){1400, 1, 1};
    CALL(REFUSE, oversight_calendar_add_working_days, "1400-01-01 - 1", (CAL, D, -1, &g_date));

    CALL(REFUSE, oversight_calendar_working_days_between, "calendar = NULL", (NULL, k_day, k_as_of, &g_i32));
    CALL(REFUSE, oversight_calendar_working_days_between, "out = NULL", (CAL, k_day, k_as_of, NULL));
    DATES(oversight_calendar_working_days_between, "a", (CAL, D, k_as_of, &g_i32));
    DATES(oversight_calendar_working_days_between, "b", (CAL, k_day, D, &g_i32));
    CALL(EITHER, oversight_calendar_working_days_between, "1400-01-01 .. 9999-12-31",
         (CAL, k_dates[N_DATES - 1].date, k_dates[N_DATES - 2].date, &g_i32));

    CALL(REFUSE, oversight_calendar_holidays_json, "calendar = NULL", (NULL, 2024, &g_s));
    CALL(REFUSE, oversight_calendar_holidays_json, "out = NULL", (CAL, 2024, NULL));
    I32S(REFUSE, REFUSE, REFUSE, REFUSE, oversight_calendar_holidays_json, "year", (CAL, I32, &g_s));
    CALL(EITHER, oversight_calendar_holidays_json, "year 9999", (CAL, 9999, &g_s));
    CALL(REFUSE, oversight_calendar_holidays_json, "year 10000", (CAL, 10000, &g_s));

    CALL(REFUSE, oversight_calendar_add_duration, "calendar = NULL", (NULL, k_day, "5 days", &g_date));
    CALL(REFUSE, oversight_calendar_add_duration, "duration = NULL", (CAL, k_day, NULL, &g_date));
    CALL(REFUSE, oversight_calendar_add_duration, "out = NULL", (CAL, k_day, "5 days", NULL));
    TEXTS(ID, oversight_calendar_add_duration, "duration", (CAL, k_day, T, &g_date));
    DATES(oversight_calendar_add_duration, "from", (CAL, D, "5 days", &g_date));
    {
        static const char *const bad[] = {"-5 days", "2147483647 days", "2147483648 weeks", "99999999999999999999 days",
                                          "5 parsecs", "'; DROP TABLE events; --", "%", "5 days\n6 days", "1e9 days"};
        for (i = 0; i < sizeof bad / sizeof bad[0]; ++i) {
            set_case("duration = \"%s\"%s", bad[i], "");
            CALL(REFUSE, oversight_calendar_add_duration, g_case, (CAL, k_day, bad[i], &g_date));
        }
    }
    D = (oversight_date){9999, 12, 31};
    CALL(REFUSE, oversight_calendar_add_duration, "9999-12-31 + \"15 days\"", (CAL, D, "15 days", &g_date));

    CALL(REFUSE, oversight_calendar_add_units, "calendar = NULL", (NULL, k_day, 1, "weeks", &g_date));
    CALL(REFUSE, oversight_calendar_add_units, "unit = NULL", (CAL, k_day, 1, NULL, &g_date));
    CALL(REFUSE, oversight_calendar_add_units, "out = NULL", (CAL, k_day, 1, "weeks", NULL));
    TEXTS(ID, oversight_calendar_add_units, "unit", (CAL, k_day, 1, T, &g_date));
    DATES(oversight_calendar_add_units, "from", (CAL, D, 1, "calendar_days", &g_date));
    {
        static const char *const units[] = {"calendar_days", "weeks", "months", "working_days"};
        for (i = 0; i < 4; ++i) {
            set_case("count INT32_MAX %s%s", units[i], "");
            CALL(REFUSE, oversight_calendar_add_units, g_case, (CAL, k_day, INT32_MAX, units[i], &g_date));
            set_case("count INT32_MIN %s%s", units[i], "");
            CALL(REFUSE, oversight_calendar_add_units, g_case, (CAL, k_day, INT32_MIN, units[i], &g_date));
            D = (oversight_date){9999, 12, 31};
            set_case("9999-12-31 + 1 %s%s", units[i], "");
            CALL(REFUSE, oversight_calendar_add_units, g_case, (CAL, D, 1, units[i], &g_date));
        }
    }
    D = (oversight_date){9999, 12, 1};
    CALL(REFUSE, oversight_calendar_add_units, "9999-12-01 + 5 weeks", (CAL, D, 5, "weeks", &g_date));

    CALL(REFUSE, oversight_calendar_resolve_deadline, "calendar = NULL", (NULL, "6 weeks", k_day, &g_date));
    CALL(REFUSE, oversight_calendar_resolve_deadline, "phrase = NULL", (CAL, NULL, k_day, &g_date));
    CALL(REFUSE, oversight_calendar_resolve_deadline, "out = NULL", (CAL, "6 weeks", k_day, NULL));
    TEXTS(ID, oversight_calendar_resolve_deadline, "phrase", (CAL, T, k_day, &g_date));
    DATES(oversight_calendar_resolve_deadline, "context", (CAL, "6 weeks", D, &g_date));
    D = (oversight_date){9999, 12, 1};
    CALL(REFUSE, oversight_calendar_resolve_deadline, "\"6 weeks\" from 9999-12-01", (CAL, "6 weeks", D, &g_date));
    CALL(REFUSE, oversight_calendar_resolve_deadline, "\"31/02/2025\"", (CAL, "31/02/2025", k_day, &g_date));
    CALL(REFUSE, oversight_calendar_resolve_deadline, "\"-5 days\"", (CAL, "-5 days", k_day, &g_date));
}

static void rule_pack_area(void) {
    char path[256];
    static const char *const bad_toml[] = {"[[rule]\n", "x = 5e444\n", "[pack]\nname = \"a\"\nname = \"b\"\n",
                                           "[[rules]]\nid = \"x\"\ndue = \"-5 days\"\n"};
    volatile size_t i;
    CALL(REFUSE, oversight_rule_pack_open_default, "out = NULL", (NULL));
    CALL(SUCCEED, oversight_rule_pack_open_default, "valid", (&g_out_pack));
    CALL(REFUSE, oversight_rule_pack_open_toml, "out = NULL", (NULL, "", "local"));
    CALL(REFUSE, oversight_rule_pack_open_toml, "toml = NULL", (&g_out_pack, NULL, "local"));
    TEXTS(ID, oversight_rule_pack_open_toml, "toml", (&g_out_pack, T, "local"));
    for (i = 0; i < sizeof bad_toml / sizeof bad_toml[0]; ++i) {
        set_case("toml = %s%s", bad_toml[i], "");
        CALL(REFUSE, oversight_rule_pack_open_toml, g_case, (&g_out_pack, bad_toml[i], "local"));
    }
    TEXTS(OPT, oversight_rule_pack_open_toml, "layer", (&g_out_pack, "[pack]\nname = \"x\"\n", T));
    CALL(REFUSE, oversight_rule_pack_open_file, "out = NULL", (NULL, "x.toml"));
    CALL(REFUSE, oversight_rule_pack_open_file, "path = NULL", (&g_out_pack, NULL));
    TEXTS(PATH, oversight_rule_pack_open_file, "path", (&g_out_pack, T));
    CALL(REFUSE, oversight_rule_pack_open_file, "path = a directory", (&g_out_pack, g_dir));
    CALL(REFUSE, oversight_rule_pack_open_file, "path = /dev/null", (&g_out_pack, "/dev/null"));
    snprintf(path, sizeof path, "%s/missing.toml", g_dir);
    CALL(REFUSE, oversight_rule_pack_open_file, "path = a missing file", (&g_out_pack, path));
    CALL(REFUSE, oversight_rule_pack_open_file, "path = the store (binary)", (&g_out_pack, g_db));
    CALL(REFUSE, oversight_rule_pack_layered, "out = NULL", (NULL, PACK, PACK));
    CALL(REFUSE, oversight_rule_pack_layered, "base = NULL", (&g_out_pack, NULL, PACK));
    CALL(REFUSE, oversight_rule_pack_layered, "local = NULL", (&g_out_pack, PACK, NULL));
    CALL(EITHER, oversight_rule_pack_layered, "base = local", (&g_out_pack, PACK, PACK));
    CALL_STMT(oversight_rule_pack_free, "NULL", oversight_rule_pack_free(NULL));
    GETTER_STR(oversight_rule_pack_name, "pack = NULL", NULL);
    CALL(REFUSE, oversight_rule_pack_rules_json, "pack = NULL", (NULL, &g_s));
    CALL(REFUSE, oversight_rule_pack_rules_json, "out = NULL", (PACK, NULL));
    CALL(REFUSE, oversight_rule_pack_due_date, "pack = NULL", (NULL, "lac.review.first", k_day, NULL, &g_date));
    CALL(REFUSE, oversight_rule_pack_due_date, "rule_id = NULL", (PACK, NULL, k_day, NULL, &g_date));
    CALL(REFUSE, oversight_rule_pack_due_date, "out = NULL", (PACK, "lac.review.first", k_day, NULL, NULL));
    TEXTS(ID, oversight_rule_pack_due_date, "rule_id", (PACK, T, k_day, CAL, &g_date));
    CALL(REFUSE, oversight_rule_pack_due_date, "rule_id = \"lac.%\"", (PACK, "lac.%", k_day, CAL, &g_date));
    DATES(oversight_rule_pack_due_date, "from", (PACK, "lac.review.first", D, CAL, &g_date));
    D = (oversight_date){9999, 12, 31};
    CALL(REFUSE, oversight_rule_pack_due_date, "from 9999-12-31", (PACK, "lac.review.first", D, CAL, &g_date));
    CALL(REFUSE, oversight_rule_pack_explain, "pack = NULL", (NULL, "lac.review.first", k_day, NULL, &g_s));
    CALL(REFUSE, oversight_rule_pack_explain, "rule_id = NULL", (PACK, NULL, k_day, NULL, &g_s));
    CALL(REFUSE, oversight_rule_pack_explain, "out = NULL", (PACK, "lac.review.first", k_day, NULL, NULL));
    TEXTS(ID, oversight_rule_pack_explain, "rule_id", (PACK, T, k_day, CAL, &g_s));
    DATES(oversight_rule_pack_explain, "from", (PACK, "lac.review.first", D, CAL, &g_s));
    D = (oversight_date){9999, 12, 31};
    CALL(REFUSE, oversight_rule_pack_explain, "from 9999-12-31", (PACK, "lac.review.first", D, CAL, &g_s));
}

static void plan_area(void) {
    oversight_plan_settings st = OVERSIGHT_PLAN_SETTINGS_INIT;
    oversight_plan_recommendation r = OVERSIGHT_PLAN_RECOMMENDATION_INIT;
    oversight_plan_recommendation_change rc = OVERSIGHT_PLAN_RECOMMENDATION_CHANGE_INIT;
    oversight_plan_action a = OVERSIGHT_PLAN_ACTION_INIT;
    oversight_plan_action_change ac = OVERSIGHT_PLAN_ACTION_CHANGE_INIT;
    oversight_plan_progress pr = OVERSIGHT_PLAN_PROGRESS_INIT;
    oversight_plan_task t = OVERSIGHT_PLAN_TASK_INIT;
    oversight_plan_rag_override rag = OVERSIGHT_PLAN_RAG_OVERRIDE_INIT;

    CALL(REFUSE, oversight_plan_create, "store = NULL", (NULL, "t", "a", &k_day, &g_i64));
    CALL(REFUSE, oversight_plan_create, "title = NULL", (S, NULL, "a", &k_day, &g_i64));
    CALL(REFUSE, oversight_plan_create, "out = NULL", (S, "t", "a", &k_day, NULL));
    TEXTS(REQ, oversight_plan_create, "title", (S, T, "a", &k_day, &g_i64));
    TEXTS(OPT, oversight_plan_create, "authority", (S, "t", T, &k_day, &g_i64));
    DATES(oversight_plan_create, "report_date", (S, "t", "a", DP, &g_i64));
    CALL(SUCCEED, oversight_plan_create, "title = SQL metacharacters", (S, "'; DROP TABLE plans; --", "%_\"", &k_day, &g_i64));
    CALL(REFUSE, oversight_plan_latest, "store = NULL", (NULL, &g_i64));
    CALL(REFUSE, oversight_plan_latest, "out = NULL", (S, NULL));
    CALL(REFUSE, oversight_plan_list_json, "store = NULL", (NULL, &g_s));
    CALL(REFUSE, oversight_plan_list_json, "out = NULL", (S, NULL));

    INIT(oversight_plan_settings_init, oversight_plan_settings, OVERSIGHT_PLAN_SETTINGS_VERSION);
    CALL(REFUSE, oversight_plan_set_settings, "store = NULL", (NULL, PLAN, &st));
    CALL(REFUSE, oversight_plan_set_settings, "settings = NULL", (S, PLAN, NULL));
    I64S(oversight_plan_set_settings, "plan_id", (S, I64, &st));
    VERSIONS(st, OVERSIGHT_PLAN_SETTINGS_VERSION, oversight_plan_set_settings, (S, PLAN, &st));
    I32S(REFUSE, REFUSE, EITHER, REFUSE, oversight_plan_set_settings, "settings.immediately_days",
         (S, PLAN, (st.immediately_days = I32, &st)));
    st.immediately_days = 0;
    I32S(REFUSE, REFUSE, EITHER, REFUSE, oversight_plan_set_settings, "settings.due_soon_days",
         (S, PLAN, (st.due_soon_days = I32, &st)));
    st.due_soon_days = 28;
    I32S(REFUSE, REFUSE, EITHER, REFUSE, oversight_plan_set_settings, "settings.stale_update_days",
         (S, PLAN, (st.stale_update_days = I32, &st)));
    st.stale_update_days = 90;
    CALL(REFUSE, oversight_plan_set_report_date, "store = NULL", (NULL, PLAN, &k_day));
    I64S(oversight_plan_set_report_date, "plan_id", (S, I64, &k_day));
    DATES(oversight_plan_set_report_date, "report_date", (S, PLAN, DP));
    CALL(SUCCEED, oversight_plan_set_report_date, "back to the fixture's", (S, PLAN, &k_day));
    CALL(REFUSE, oversight_plan_export_json, "store = NULL", (NULL, PLAN, &g_s));
    CALL(REFUSE, oversight_plan_export_json, "out = NULL", (S, PLAN, NULL));
    I64S(oversight_plan_export_json, "plan_id", (S, I64, &g_s));
    CALL(REFUSE, oversight_plan_export_csv, "store = NULL", (NULL, PLAN, &g_s));
    CALL(REFUSE, oversight_plan_export_csv, "out = NULL", (S, PLAN, NULL));
    I64S(oversight_plan_export_csv, "plan_id", (S, I64, &g_s));

    INIT(oversight_plan_recommendation_init, oversight_plan_recommendation, OVERSIGHT_PLAN_RECOMMENDATION_VERSION);
    r.number = 2;
    r.text = "Recommendation two";
    r.timescale = "within_six_months";
    CALL(REFUSE, oversight_plan_add_recommendation, "store = NULL", (NULL, PLAN, &r, &g_i64));
    CALL(REFUSE, oversight_plan_add_recommendation, "recommendation = NULL", (S, PLAN, NULL, &g_i64));
    CALL(REFUSE, oversight_plan_add_recommendation, "out = NULL", (S, PLAN, &r, NULL));
    I64S(oversight_plan_add_recommendation, "plan_id", (S, I64, &r, &g_i64));
    VERSIONS(r, OVERSIGHT_PLAN_RECOMMENDATION_VERSION, oversight_plan_add_recommendation, (S, PLAN, &r, &g_i64));
    I32S(REFUSE, REFUSE, REFUSE, REFUSE, oversight_plan_add_recommendation, "recommendation.number",
         (S, PLAN, (r.number = I32, &r), &g_i64));
    r.number = 2;
    CALL(REFUSE, oversight_plan_add_recommendation, "recommendation.text = NULL", (S, PLAN, (r.text = NULL, &r), &g_i64));
    TEXTS(REQ, oversight_plan_add_recommendation, "recommendation.text", (S, PLAN, (r.text = T, &r), &g_i64));
    r.text = "Recommendation two";
    TEXTS(ID, oversight_plan_add_recommendation, "recommendation.timescale", (S, PLAN, (r.timescale = T, &r), &g_i64));
    r.timescale = "within_six_months";
    TEXTS(OPT, oversight_plan_add_recommendation, "recommendation.section", (S, PLAN, (r.section = T, &r), &g_i64));
    r.section = NULL;
    TEXTS(OPT, oversight_plan_add_recommendation, "recommendation.lead", (S, PLAN, (r.lead = T, &r), &g_i64));
    r.lead = NULL;
    TEXTS(OPT, oversight_plan_add_recommendation, "recommendation.cost", (S, PLAN, (r.cost = T, &r), &g_i64));
    r.cost = NULL;
    r.timescale = "by_date";
    DATES(oversight_plan_add_recommendation, "recommendation.explicit_date", (S, PLAN, (r.explicit_date = DP, &r), &g_i64));
    r.explicit_date = NULL;
    r.timescale = "within_six_months";

    INIT(oversight_plan_recommendation_change_init, oversight_plan_recommendation_change,
         OVERSIGHT_PLAN_RECOMMENDATION_CHANGE_VERSION);
    CALL(REFUSE, oversight_plan_update_recommendation, "store = NULL", (NULL, PLAN, 1, &rc));
    CALL(REFUSE, oversight_plan_update_recommendation, "change = NULL", (S, PLAN, 1, NULL));
    I64S(oversight_plan_update_recommendation, "plan_id", (S, I64, 1, &rc));
    I32S(REFUSE, REFUSE, REFUSE, REFUSE, oversight_plan_update_recommendation, "number", (S, PLAN, I32, &rc));
    VERSIONS(rc, OVERSIGHT_PLAN_RECOMMENDATION_CHANGE_VERSION, oversight_plan_update_recommendation, (S, PLAN, 1, &rc));
    TEXTS(REQ, oversight_plan_update_recommendation, "change.text", (S, PLAN, 1, (rc.text = T, &rc)));
    rc.text = NULL;
    TEXTS(ID, oversight_plan_update_recommendation, "change.timescale", (S, PLAN, 1, (rc.timescale = T, &rc)));
    rc.timescale = NULL;
    TEXTS(OPT, oversight_plan_update_recommendation, "change.lead", (S, PLAN, 1, (rc.lead = T, &rc)));
    rc.lead = NULL;
    DATES(oversight_plan_update_recommendation, "change.explicit_date", (S, PLAN, 1, (rc.explicit_date = DP, &rc)));
    rc.explicit_date = NULL;
    I32S(EITHER, EITHER, EITHER, EITHER, oversight_plan_update_recommendation, "change.clear_explicit_date",
         (S, PLAN, 1, (rc.clear_explicit_date = I32, &rc)));
    rc.clear_explicit_date = 0;

    INIT(oversight_plan_action_init, oversight_plan_action, OVERSIGHT_PLAN_ACTION_VERSION);
    a.ref = "1.2";
    a.description = "Second action";
    CALL(REFUSE, oversight_plan_add_action, "store = NULL", (NULL, PLAN, 1, &a, &g_i64));
    CALL(REFUSE, oversight_plan_add_action, "action = NULL", (S, PLAN, 1, NULL, &g_i64));
    CALL(REFUSE, oversight_plan_add_action, "out = NULL", (S, PLAN, 1, &a, NULL));
    I64S(oversight_plan_add_action, "plan_id", (S, I64, 1, &a, &g_i64));
    I32S(REFUSE, REFUSE, REFUSE, REFUSE, oversight_plan_add_action, "recommendation_number", (S, PLAN, I32, &a, &g_i64));
    VERSIONS(a, OVERSIGHT_PLAN_ACTION_VERSION, oversight_plan_add_action, (S, PLAN, 1, &a, &g_i64));
    CALL(REFUSE, oversight_plan_add_action, "action.ref = NULL", (S, PLAN, 1, (a.ref = NULL, &a), &g_i64));
    TEXTS(ID, oversight_plan_add_action, "action.ref", (S, PLAN, 1, (a.ref = T, &a), &g_i64));
    a.ref = "1.2";
    TEXTS(REQ, oversight_plan_add_action, "action.description", (S, PLAN, 1, (a.description = T, &a), &g_i64));
    a.description = "Second action";
    TEXTS(ID, oversight_plan_add_action, "action.status", (S, PLAN, 1, (a.status = T, &a), &g_i64));
    a.status = NULL;
    TEXTS(OPT, oversight_plan_add_action, "action.impact_intended", (S, PLAN, 1, (a.impact_intended = T, &a), &g_i64));
    a.impact_intended = NULL;
    DATES(oversight_plan_add_action, "action.due", (S, PLAN, 1, (a.due = DP, &a), &g_i64));
    a.due = NULL;
    a.ref = "1.1";
    CALL(REFUSE, oversight_plan_add_action, "action.ref duplicate", (S, PLAN, 1, &a, &g_i64));

    INIT(oversight_plan_action_change_init, oversight_plan_action_change, OVERSIGHT_PLAN_ACTION_CHANGE_VERSION);
    CALL(REFUSE, oversight_plan_update_action, "store = NULL", (NULL, PLAN, "1.1", &ac));
    CALL(REFUSE, oversight_plan_update_action, "ref = NULL", (S, PLAN, NULL, &ac));
    CALL(REFUSE, oversight_plan_update_action, "change = NULL", (S, PLAN, "1.1", NULL));
    I64S(oversight_plan_update_action, "plan_id", (S, I64, "1.1", &ac));
    TEXTS(ID, oversight_plan_update_action, "ref", (S, PLAN, T, &ac));
    CALL(REFUSE, oversight_plan_update_action, "ref = \"1.%\"", (S, PLAN, "1.%", &ac));
    VERSIONS(ac, OVERSIGHT_PLAN_ACTION_CHANGE_VERSION, oversight_plan_update_action, (S, PLAN, "1.1", &ac));
    TEXTS(ID, oversight_plan_update_action, "change.status", (S, PLAN, "1.1", (ac.status = T, &ac)));
    ac.status = NULL;
    TEXTS(REQ, oversight_plan_update_action, "change.description", (S, PLAN, "1.1", (ac.description = T, &ac)));
    ac.description = NULL;
    DATES(oversight_plan_update_action, "change.due", (S, PLAN, "1.1", (ac.due = DP, &ac)));
    ac.due = NULL;
    TEXTS(OPT, oversight_plan_update_action, "change.cost", (S, PLAN, "1.1", (ac.cost = T, &ac)));
    ac.cost = NULL;

    INIT(oversight_plan_progress_init, oversight_plan_progress, OVERSIGHT_PLAN_PROGRESS_VERSION);
    pr.date = k_day;
    pr.text = "Progress";
    CALL(REFUSE, oversight_plan_add_progress, "store = NULL", (NULL, PLAN, "1.1", &pr, &g_i64));
    CALL(REFUSE, oversight_plan_add_progress, "ref = NULL", (S, PLAN, NULL, &pr, &g_i64));
    CALL(REFUSE, oversight_plan_add_progress, "progress = NULL", (S, PLAN, "1.1", NULL, &g_i64));
    CALL(REFUSE, oversight_plan_add_progress, "out = NULL", (S, PLAN, "1.1", &pr, NULL));
    I64S(oversight_plan_add_progress, "plan_id", (S, I64, "1.1", &pr, &g_i64));
    TEXTS(ID, oversight_plan_add_progress, "ref", (S, PLAN, T, &pr, &g_i64));
    VERSIONS(pr, OVERSIGHT_PLAN_PROGRESS_VERSION, oversight_plan_add_progress, (S, PLAN, "1.1", &pr, &g_i64));
    CALL(REFUSE, oversight_plan_add_progress, "progress.text = NULL", (S, PLAN, "1.1", (pr.text = NULL, &pr), &g_i64));
    TEXTS(REQ, oversight_plan_add_progress, "progress.text", (S, PLAN, "1.1", (pr.text = T, &pr), &g_i64));
    pr.text = "Progress";
    TEXTS(OPT, oversight_plan_add_progress, "progress.author", (S, PLAN, "1.1", (pr.author = T, &pr), &g_i64));
    pr.author = NULL;
    DATES(oversight_plan_add_progress, "progress.date", (S, PLAN, "1.1", (pr.date = D, &pr), &g_i64));
    pr.date = k_day;

    CALL(REFUSE, oversight_plan_add_milestone, "store = NULL", (NULL, PLAN, "1.1", k_day, "m", &g_i64));
    CALL(REFUSE, oversight_plan_add_milestone, "ref = NULL", (S, PLAN, NULL, k_day, "m", &g_i64));
    CALL(REFUSE, oversight_plan_add_milestone, "text = NULL", (S, PLAN, "1.1", k_day, NULL, &g_i64));
    CALL(REFUSE, oversight_plan_add_milestone, "out = NULL", (S, PLAN, "1.1", k_day, "m", NULL));
    I64S(oversight_plan_add_milestone, "plan_id", (S, I64, "1.1", k_day, "m", &g_i64));
    TEXTS(ID, oversight_plan_add_milestone, "ref", (S, PLAN, T, k_day, "m", &g_i64));
    TEXTS(REQ, oversight_plan_add_milestone, "text", (S, PLAN, "1.1", k_day, T, &g_i64));
    DATES(oversight_plan_add_milestone, "date", (S, PLAN, "1.1", D, "m", &g_i64));
    CALL(REFUSE, oversight_plan_complete_milestone, "store = NULL", (NULL, MILESTONE, 1));
    I64S(oversight_plan_complete_milestone, "milestone_id", (S, I64, 1));
    I32S(EITHER, EITHER, SUCCEED, EITHER, oversight_plan_complete_milestone, "done", (S, MILESTONE, I32));

    INIT(oversight_plan_task_init, oversight_plan_task, OVERSIGHT_PLAN_TASK_VERSION);
    t.text = "Task";
    CALL(REFUSE, oversight_plan_add_task, "store = NULL", (NULL, PLAN, "1.1", &t, &g_i64));
    CALL(REFUSE, oversight_plan_add_task, "ref = NULL", (S, PLAN, NULL, &t, &g_i64));
    CALL(REFUSE, oversight_plan_add_task, "task = NULL", (S, PLAN, "1.1", NULL, &g_i64));
    CALL(REFUSE, oversight_plan_add_task, "out = NULL", (S, PLAN, "1.1", &t, NULL));
    I64S(oversight_plan_add_task, "plan_id", (S, I64, "1.1", &t, &g_i64));
    TEXTS(ID, oversight_plan_add_task, "ref", (S, PLAN, T, &t, &g_i64));
    VERSIONS(t, OVERSIGHT_PLAN_TASK_VERSION, oversight_plan_add_task, (S, PLAN, "1.1", &t, &g_i64));
    TEXTS(REQ, oversight_plan_add_task, "task.text", (S, PLAN, "1.1", (t.text = T, &t), &g_i64));
    t.text = "Task";
    TEXTS(OPT, oversight_plan_add_task, "task.owner", (S, PLAN, "1.1", (t.owner = T, &t), &g_i64));
    t.owner = NULL;
    DATES(oversight_plan_add_task, "task.due", (S, PLAN, "1.1", (t.due = DP, &t), &g_i64));
    t.due = NULL;
    CALL(REFUSE, oversight_plan_complete_task, "store = NULL", (NULL, TASK, 1));
    I64S(oversight_plan_complete_task, "task_id", (S, I64, 1));
    I32S(EITHER, EITHER, SUCCEED, EITHER, oversight_plan_complete_task, "done", (S, TASK, I32));

    INIT(oversight_plan_rag_override_init, oversight_plan_rag_override, OVERSIGHT_PLAN_RAG_OVERRIDE_VERSION);
    rag.rag = "red";
    rag.by = "Chief";
    rag.reason = "Slipping";
    rag.set_on = k_day;
    CALL(REFUSE, oversight_plan_set_rag, "store = NULL", (NULL, PLAN, "1.1", &rag));
    CALL(REFUSE, oversight_plan_set_rag, "ref = NULL", (S, PLAN, NULL, &rag));
    CALL(REFUSE, oversight_plan_set_rag, "rag = NULL", (S, PLAN, "1.1", NULL));
    I64S(oversight_plan_set_rag, "plan_id", (S, I64, "1.1", &rag));
    TEXTS(ID, oversight_plan_set_rag, "ref", (S, PLAN, T, &rag));
    VERSIONS(rag, OVERSIGHT_PLAN_RAG_OVERRIDE_VERSION, oversight_plan_set_rag, (S, PLAN, "1.1", &rag));
    TEXTS(ID, oversight_plan_set_rag, "rag.rag", (S, PLAN, "1.1", (rag.rag = T, &rag)));
    rag.rag = "red";
    TEXTS(ID, oversight_plan_set_rag, "rag.by", (S, PLAN, "1.1", (rag.by = T, &rag)));
    rag.by = "Chief";
    TEXTS(REQ, oversight_plan_set_rag, "rag.reason", (S, PLAN, "1.1", (rag.reason = T, &rag)));
    rag.reason = "Slipping";
    DATES(oversight_plan_set_rag, "rag.set_on", (S, PLAN, "1.1", (rag.set_on = D, &rag)));
    rag.set_on = k_day;
    CALL(REFUSE, oversight_plan_clear_rag, "store = NULL", (NULL, PLAN, "1.1"));
    CALL(REFUSE, oversight_plan_clear_rag, "ref = NULL", (S, PLAN, NULL));
    I64S(oversight_plan_clear_rag, "plan_id", (S, I64, "1.1"));
    TEXTS(ID, oversight_plan_clear_rag, "ref", (S, PLAN, T));
    CALL(REFUSE, oversight_plan_people_json, "store = NULL", (NULL, PLAN, &g_s));
    CALL(REFUSE, oversight_plan_people_json, "out = NULL", (S, PLAN, NULL));
    I64S(oversight_plan_people_json, "plan_id", (S, I64, &g_s));

    /* The inspection the plan answers and its clocks (issue 11 point 6). */
    {
        oversight_plan_inspection in = OVERSIGHT_PLAN_INSPECTION_INIT;
        oversight_date ended = {2024, 2, 23};
        INIT(oversight_plan_inspection_init, oversight_plan_inspection, OVERSIGHT_PLAN_INSPECTION_VERSION);
        in.kind = "full";
        in.letter = k_day;
        CALL(REFUSE, oversight_plan_set_inspection, "store = NULL", (NULL, PLAN, &in));
        I64S(oversight_plan_set_inspection, "plan_id", (S, I64, &in));
        VERSIONS(in, OVERSIGHT_PLAN_INSPECTION_VERSION, oversight_plan_set_inspection, (S, PLAN, &in));
        TEXTS(ID, oversight_plan_set_inspection, "inspection.kind", (S, PLAN, (in.kind = T, &in)));
        in.kind = "full";
        TEXTS(OPT, oversight_plan_set_inspection, "inspection.owner", (S, PLAN, (in.owner = T, &in)));
        in.owner = NULL;
        DATES(oversight_plan_set_inspection, "inspection.letter", (S, PLAN, (in.letter = D, &in)));
        in.letter = k_day;
        DATES(oversight_plan_set_inspection, "inspection.ended", (S, PLAN, (in.ended = DP, &in)));
        in.ended = NULL;
        DATES(oversight_plan_set_inspection, "inspection.plan_submitted", (S, PLAN, (in.plan_submitted = DP, &in)));
        in.plan_submitted = NULL;
        DATES(oversight_plan_set_inspection, "inspection.draft_submitted",
              (S, PLAN, (in.draft_submitted = DP, &in)));
        in.draft_submitted = NULL;
        I32S(REFUSE, REFUSE, EITHER, REFUSE, oversight_plan_set_inspection, "inspection.priority_actions",
             (S, PLAN, (in.priority_actions = I32, &in)));
        in.priority_actions = 0;
        I32S(REFUSE, REFUSE, EITHER, REFUSE, oversight_plan_set_inspection, "inspection.monitored",
             (S, PLAN, (in.monitored = I32, &in)));
        in.monitored = 0;
        in.ended = &ended;
        CALL(SUCCEED, oversight_plan_set_inspection, "a full inspection", (S, PLAN, &in));
        CALL(REFUSE, oversight_plan_inspection_clocks_json, "store = NULL", (NULL, PLAN, CAL, &k_day, &g_s));
        CALL(REFUSE, oversight_plan_inspection_clocks_json, "out = NULL", (S, PLAN, CAL, &k_day, NULL));
        I64S(oversight_plan_inspection_clocks_json, "plan_id", (S, I64, CAL, &k_day, &g_s));
        DATES(oversight_plan_inspection_clocks_json, "as_of", (S, PLAN, NULL, DP, &g_s));
        CALL(SUCCEED, oversight_plan_inspection_clocks_json, "calendar and as_of NULL", (S, PLAN, NULL, NULL, &g_s));
        CALL(SUCCEED, oversight_plan_set_inspection, "cleared", (S, PLAN, NULL));
    }

    /* Every stored plan exports and re-imports (issue 8 point 3). */
    CALL(SUCCEED, oversight_plan_export_json, "the fixture's plan after the hostile calls", (S, PLAN, &g_s));
}

static void action_iter_area(void) {
    oversight_action_iter *it = NULL;
    int32_t has = 0;
    CALL(REFUSE, oversight_action_iter_open, "out = NULL", (NULL, S, PLAN, k_as_of));
    CALL(REFUSE, oversight_action_iter_open, "store = NULL", (&g_out_iter, NULL, PLAN, k_as_of));
    I64S(oversight_action_iter_open, "plan_id", (&g_out_iter, S, I64, k_as_of));
    DATES(oversight_action_iter_open, "as_of", (&g_out_iter, S, PLAN, D));
    CALL(REFUSE, oversight_action_iter_next, "iter = NULL", (NULL, &has));
    GETTER_STR(oversight_action_iter_ref, "iter = NULL", NULL);
    GETTER_STR(oversight_action_iter_description, "iter = NULL", NULL);
    GETTER_STR(oversight_action_iter_lead, "iter = NULL", NULL);
    GETTER_STR(oversight_action_iter_status, "iter = NULL", NULL);
    GETTER_STR(oversight_action_iter_rag, "iter = NULL", NULL);
    GETTER_STR(oversight_action_iter_rag_reason, "iter = NULL", NULL);
    CALL_STMT(oversight_action_iter_recommendation, "iter = NULL", g_i32 = oversight_action_iter_recommendation(NULL));
    if (g_i32 != 0) failure("not 0 for a NULL iterator", OVERSIGHT_OK);
    CALL(REFUSE, oversight_action_iter_due, "iter = NULL", (NULL, &g_date, &g_i32));
    CALL_STMT(oversight_action_iter_free, "NULL", oversight_action_iter_free(NULL));

    /* A real iterator: before the first next, past the end. */
    must(oversight_action_iter_open(&it, S, PLAN, k_as_of), "action_iter_open");
    GETTER_STR(oversight_action_iter_ref, "before the first next", it);
    CALL(REFUSE, oversight_action_iter_next, "out = NULL", (it, NULL));
    CALL(REFUSE, oversight_action_iter_due, "out_due = NULL", (it, NULL, &g_i32));
    CALL(REFUSE, oversight_action_iter_due, "out_has_due = NULL", (it, &g_date, NULL));
    CALL(EITHER, oversight_action_iter_due, "before the first next", (it, &g_date, &g_i32));
    do {
        CALL(SUCCEED, oversight_action_iter_next, "to the end", (it, &has));
    } while (has);
    CALL(SUCCEED, oversight_action_iter_next, "past the end", (it, &has));
    CALL(SUCCEED, oversight_action_iter_next, "past the end, again", (it, &has));
    GETTER_STR(oversight_action_iter_description, "past the end", it);
    CALL(EITHER, oversight_action_iter_due, "past the end", (it, &g_date, &g_i32));
    CALL_STMT(oversight_action_iter_free, "valid", oversight_action_iter_free(it));
}

static void report_area(void) {
    oversight_report_options o = OVERSIGHT_REPORT_OPTIONS_INIT;
    INIT(oversight_report_options_init, oversight_report_options, OVERSIGHT_REPORT_OPTIONS_VERSION);
    o.as_of = &k_as_of;
    CALL(REFUSE, oversight_report_plan, "store = NULL", (NULL, PLAN, &o, &g_s));
    CALL(REFUSE, oversight_report_plan, "out = NULL", (S, PLAN, &o, NULL));
    I64S(oversight_report_plan, "plan_id", (S, I64, &o, &g_s));
    VERSIONS(o, OVERSIGHT_REPORT_OPTIONS_VERSION, oversight_report_plan, (S, PLAN, &o, &g_s));
    TEXTS(ID, oversight_report_plan, "opts.kind", (S, PLAN, (o.kind = T, &o), &g_s));
    o.kind = NULL;
    TEXTS(ID, oversight_report_plan, "opts.format", (S, PLAN, (o.format = T, &o), &g_s));
    o.format = NULL;
    DATES(oversight_report_plan, "opts.as_of", (S, PLAN, (o.as_of = DP, &o), &g_s));
    o.as_of = &k_as_of;
    I32S(REFUSE, EITHER, EITHER, REFUSE, oversight_report_plan, "opts.within_days", (S, PLAN, (o.within_days = I32, &o), &g_s));
    o.within_days = -2;
    CALL(REFUSE, oversight_report_plan, "opts.within_days = -2", (S, PLAN, &o, &g_s));
    o.within_days = 3651;
    CALL(REFUSE, oversight_report_plan, "opts.within_days = 3651", (S, PLAN, &o, &g_s));
    o.within_days = -1;
    DATES(oversight_report_plan, "opts.since", (S, PLAN, (o.since = DP, &o), &g_s));
    o.since = NULL;
    o.format = "xlsx";
    CALL(REFUSE, oversight_report_plan, "opts.format = xlsx (binary)", (S, PLAN, &o, &g_s));
    /* The bytes of any format: NULL arguments, every hostile text, xlsx too. */
    CALL(REFUSE, oversight_report_plan_bytes, "store = NULL", (NULL, PLAN, &o, &g_s, &g_size));
    CALL(REFUSE, oversight_report_plan_bytes, "out = NULL", (S, PLAN, &o, NULL, &g_size));
    CALL(REFUSE, oversight_report_plan_bytes, "out_size = NULL", (S, PLAN, &o, &g_s, NULL));
    I64S(oversight_report_plan_bytes, "plan_id", (S, I64, &o, &g_s, &g_size));
    VERSIONS(o, OVERSIGHT_REPORT_OPTIONS_VERSION, oversight_report_plan_bytes, (S, PLAN, &o, &g_s, &g_size));
    TEXTS(ID, oversight_report_plan_bytes, "opts.kind", (S, PLAN, (o.kind = T, &o), &g_s, &g_size));
    o.kind = NULL;
    TEXTS(ID, oversight_report_plan_bytes, "opts.format", (S, PLAN, (o.format = T, &o), &g_s, &g_size));
    o.format = "xlsx";
    CALL(SUCCEED, oversight_report_plan_bytes, "opts.format = xlsx", (S, PLAN, &o, &g_s, &g_size));
    DATES(oversight_report_plan_bytes, "opts.since", (S, PLAN, (o.since = DP, &o), &g_s, &g_size));
    o.since = NULL;
}

static void import_area(void) {
    oversight_import_options o = OVERSIGHT_IMPORT_OPTIONS_INIT;
    oversight_import_return_options ro = OVERSIGHT_IMPORT_RETURN_OPTIONS_INIT;
    const char *paths[2];
    char path[256];
    static const char *const bad_json[] = {
        "{", "[]", "{\"format\":\"oversight-plan\",\"version\":1e999}",
        "{\"format\":\"oversight-plan\",\"version\":5e444,\"plan\":{}}",
        "{\"format\":\"oversight-plan\",\"format\":\"oversight-plan\",\"version\":1}",
        "{\"format\":\"oversight-plan\",\"version\":1,\"plan\":{\"title\":\"t\",\"report_date\":\"2012-02-30\"},"
        "\"recommendations\":[]}",
        "{\"format\":\"oversight-plan\",\"version\":1,\"plan\":{\"title\":\"t\"},\"recommendations\":"
        "[{\"number\":0,\"text\":\"x\",\"timescale\":\"immediately\",\"actions\":[]}]}",
        "{\"format\":\"oversight-plan\",\"version\":1,\"plan\":{\"title\":\"t\"},\"recommendations\":"
        "[{\"number\":1e300,\"text\":\"x\",\"timescale\":\"immediately\",\"actions\":[]}]}"};
    static const char *const bad_csv[] = {"a,b\n1,2\n", "\"unterminated\n", ("\xff\xfe" "r\0e\0c\0")};
    volatile size_t i;

    INIT(oversight_import_options_init, oversight_import_options, OVERSIGHT_IMPORT_OPTIONS_VERSION);
    CALL(REFUSE, oversight_import_seed_plan, "store = NULL", (NULL, "x", NULL, &g_i64, &g_s));
    CALL(REFUSE, oversight_import_seed_plan, "path = NULL", (S, NULL, NULL, &g_i64, &g_s));
    CALL(REFUSE, oversight_import_seed_plan, "out_plan_id = NULL", (S, "x", NULL, NULL, &g_s));
    TEXTS(PATH, oversight_import_seed_plan, "path", (S, T, NULL, &g_i64, &g_s));
    CALL(REFUSE, oversight_import_seed_plan, "path = a directory", (S, g_dir, NULL, &g_i64, &g_s));
    CALL(REFUSE, oversight_import_seed_plan, "path = the store (binary)", (S, g_db, NULL, &g_i64, &g_s));
    CALL(REFUSE, oversight_import_seed_plan, "path = /dev/null", (S, "/dev/null", NULL, &g_i64, &g_s));
    VERSIONS(o, OVERSIGHT_IMPORT_OPTIONS_VERSION, oversight_import_seed_plan, (S, g_db, &o, &g_i64, &g_s));

    CALL(REFUSE, oversight_import_plan_json, "store = NULL", (NULL, "{}", NULL, &g_i64, &g_s));
    CALL(REFUSE, oversight_import_plan_json, "json = NULL", (S, NULL, NULL, &g_i64, &g_s));
    CALL(REFUSE, oversight_import_plan_json, "out_plan_id = NULL", (S, "{}", NULL, NULL, &g_s));
    TEXTS(ID, oversight_import_plan_json, "json", (S, T, NULL, &g_i64, &g_s));
    for (i = 0; i < sizeof bad_json / sizeof bad_json[0]; ++i) {
        set_case("json = %s%s", bad_json[i], "");
        CALL(REFUSE, oversight_import_plan_json, g_case, (S, bad_json[i], NULL, &g_i64, &g_s));
    }
    VERSIONS(o, OVERSIGHT_IMPORT_OPTIONS_VERSION, oversight_import_plan_json, (S, "{}", &o, &g_i64, &g_s));
    /* A plan exported from the store, re-imported with hostile options. */
    must(oversight_plan_export_json(S, PLAN, &g_s), "plan_export_json");
    {
        char *doc = g_s;
        g_s = NULL;
        CALL(SUCCEED, oversight_import_plan_json, "the fixture's plan, exported", (S, doc, NULL, &g_i64, &g_s));
        TEXTS(REQ, oversight_import_plan_json, "opts.title", (S, doc, (o.title = T, &o), &g_i64, &g_s));
        o.title = NULL;
        TEXTS(OPT, oversight_import_plan_json, "opts.authority", (S, doc, (o.authority = T, &o), &g_i64, &g_s));
        o.authority = NULL;
        DATES(oversight_import_plan_json, "opts.report_date", (S, doc, (o.report_date = DP, &o), &g_i64, &g_s));
        o.report_date = NULL;
        oversight_free(doc);
    }

    CALL(REFUSE, oversight_import_plan_csv, "store = NULL", (NULL, "a", NULL, &g_i64, &g_s));
    CALL(REFUSE, oversight_import_plan_csv, "csv = NULL", (S, NULL, NULL, &g_i64, &g_s));
    CALL(REFUSE, oversight_import_plan_csv, "out_plan_id = NULL", (S, "a", NULL, NULL, &g_s));
    TEXTS(ID, oversight_import_plan_csv, "csv", (S, T, NULL, &g_i64, &g_s));
    for (i = 0; i < sizeof bad_csv / sizeof bad_csv[0]; ++i) {
        set_case("csv = %s%s", bad_csv[i], "");
        CALL(REFUSE, oversight_import_plan_csv, g_case, (S, bad_csv[i], NULL, &g_i64, &g_s));
    }
    VERSIONS(o, OVERSIGHT_IMPORT_OPTIONS_VERSION, oversight_import_plan_csv, (S, "a", &o, &g_i64, &g_s));

    CALL(REFUSE, oversight_import_ssda903, "store = NULL", (NULL, g_dir, NULL, &g_s));
    CALL(REFUSE, oversight_import_ssda903, "folder = NULL", (S, NULL, NULL, &g_s));
    CALL(REFUSE, oversight_import_ssda903, "out = NULL", (S, g_dir, NULL, NULL));
    TEXTS(PATH, oversight_import_ssda903, "folder", (S, T, NULL, &g_s));
    CALL(REFUSE, oversight_import_ssda903, "folder = a file", (S, g_db, NULL, &g_s));
    snprintf(path, sizeof path, "%s/none", g_dir);
    CALL(REFUSE, oversight_import_ssda903, "folder missing", (S, path, NULL, &g_s));
    VERSIONS(o, OVERSIGHT_IMPORT_OPTIONS_VERSION, oversight_import_ssda903, (S, g_dir, &o, &g_s));

    INIT(oversight_import_return_options_init, oversight_import_return_options, OVERSIGHT_IMPORT_RETURN_OPTIONS_VERSION);
    paths[0] = g_db;
    paths[1] = NULL;
    ro.format = "ssda903";
    ro.paths = paths;
    ro.path_count = 1;
    CALL(REFUSE, oversight_import_return, "store = NULL", (NULL, &ro, &g_s));
    CALL(REFUSE, oversight_import_return, "opts = NULL", (S, NULL, &g_s));
    CALL(REFUSE, oversight_import_return, "out = NULL", (S, &ro, NULL));
    VERSIONS(ro, OVERSIGHT_IMPORT_RETURN_OPTIONS_VERSION, oversight_import_return, (S, &ro, &g_s));
    TEXTS(ID, oversight_import_return, "opts.format", (S, (ro.format = T, &ro), &g_s));
    ro.format = "cin";
    CALL(REFUSE, oversight_import_return, "opts.paths[0] = the store (binary)", (S, &ro, &g_s));
    ro.path_count = 2;
    CALL(REFUSE, oversight_import_return, "opts.paths[1] = NULL", (S, &ro, &g_s));
    ro.path_count = 0;
    CALL(REFUSE, oversight_import_return, "opts.path_count = 0", (S, &ro, &g_s));
    ro.paths = NULL;
    ro.path_count = (size_t)-1;
    CALL(REFUSE, oversight_import_return, "opts.paths = NULL, path_count = SIZE_MAX", (S, &ro, &g_s));
    ro.paths = paths;
    ro.path_count = 1;
    TEXTS(PATH, oversight_import_return, "opts.paths[0]", (S, (paths[0] = T, &ro), &g_s));
    paths[0] = g_dir;
    ro.format = "csww";
    CALL(REFUSE, oversight_import_return, "csww, paths[0] = a directory", (S, &ro, &g_s));
    ro.format = "annex-a";
    TEXTS(OPT, oversight_import_return, "opts.recorded_by", (S, (ro.recorded_by = T, &ro), &g_s));
}

static void workforce_area(void) {
    oversight_workforce_team t = OVERSIGHT_WORKFORCE_TEAM_INIT;
    oversight_workforce_worker w = OVERSIGHT_WORKFORCE_WORKER_INIT;
    oversight_workforce_person p = OVERSIGHT_WORKFORCE_PERSON_INIT;
    oversight_workforce_appointment a = OVERSIGHT_WORKFORCE_APPOINTMENT_INIT;

    INIT(oversight_workforce_team_init, oversight_workforce_team, OVERSIGHT_WORKFORCE_TEAM_VERSION);
    t.name = "Team B";
    CALL(REFUSE, oversight_workforce_save_team, "store = NULL", (NULL, &t));
    CALL(REFUSE, oversight_workforce_save_team, "team = NULL", (S, NULL));
    VERSIONS(t, OVERSIGHT_WORKFORCE_TEAM_VERSION, oversight_workforce_save_team, (S, &t));
    CALL(REFUSE, oversight_workforce_save_team, "team.name = NULL", (S, (t.name = NULL, &t)));
    TEXTS(ID, oversight_workforce_save_team, "team.name", (S, (t.name = T, &t)));
    t.name = "Team B";
    TEXTS(OPT, oversight_workforce_save_team, "team.manager", (S, (t.manager = T, &t)));
    t.manager = NULL;
    CALL(SUCCEED, oversight_workforce_save_team, "team.name = SQL metacharacters",
         (S, (t.name = "'; DROP TABLE teams; --", &t)));

    INIT(oversight_workforce_worker_init, oversight_workforce_worker, OVERSIGHT_WORKFORCE_WORKER_VERSION);
    w.name = "Cy Dee";
    w.team = "Team A";
    CALL(REFUSE, oversight_workforce_save_worker, "store = NULL", (NULL, &w));
    CALL(REFUSE, oversight_workforce_save_worker, "worker = NULL", (S, NULL));
    VERSIONS(w, OVERSIGHT_WORKFORCE_WORKER_VERSION, oversight_workforce_save_worker, (S, &w));
    TEXTS(ID, oversight_workforce_save_worker, "worker.name", (S, (w.name = T, &w)));
    w.name = "Cy Dee";
    TEXTS(ID, oversight_workforce_save_worker, "worker.team", (S, (w.team = T, &w)));
    w.team = "Team %";
    CALL(REFUSE, oversight_workforce_save_worker, "worker.team = \"Team %\"", (S, &w));
    w.team = "Team A";
    TEXTS(ID, oversight_workforce_save_worker, "worker.role", (S, (w.role = T, &w)));
    w.role = NULL;
    TEXTS(OPT, oversight_workforce_save_worker, "worker.email", (S, (w.email = T, &w)));
    w.email = NULL;

    INIT(oversight_workforce_person_init, oversight_workforce_person, OVERSIGHT_WORKFORCE_PERSON_VERSION);
    p.name = "Di Fox";
    CALL(REFUSE, oversight_workforce_add_person, "store = NULL", (NULL, &p, &g_i64));
    CALL(REFUSE, oversight_workforce_add_person, "person = NULL", (S, NULL, &g_i64));
    VERSIONS(p, OVERSIGHT_WORKFORCE_PERSON_VERSION, oversight_workforce_add_person, (S, &p, &g_i64));
    TEXTS(ID, oversight_workforce_add_person, "person.name", (S, (p.name = T, &p), &g_i64));
    p.name = "Di Fox";
    TEXTS(OPT, oversight_workforce_add_person, "person.job_title", (S, (p.job_title = T, &p), &g_i64));
    p.job_title = NULL;
    TEXTS(ID, oversight_workforce_add_person, "person.team", (S, (p.team = T, &p), &g_i64));
    p.team = NULL;
    CALL(SUCCEED, oversight_workforce_add_person, "person.name = SQL metacharacters",
         (S, (p.name = "'Bobby'); DROP TABLE people; --", &p), &g_i64));

    CALL(REFUSE, oversight_workforce_merge_people, "store = NULL", (NULL, "Bo Reed", "Ann Lee"));
    CALL(REFUSE, oversight_workforce_merge_people, "from = NULL", (S, NULL, "Ann Lee"));
    CALL(REFUSE, oversight_workforce_merge_people, "into = NULL", (S, "Bo Reed", NULL));
    TEXTS(ID, oversight_workforce_merge_people, "from", (S, T, "Ann Lee"));
    TEXTS(ID, oversight_workforce_merge_people, "into", (S, "Bo Reed", T));
    CALL(REFUSE, oversight_workforce_merge_people, "from = into", (S, "Ann Lee", "Ann Lee"));
    CALL(REFUSE, oversight_workforce_merge_people, "from = \"%\"", (S, "%", "Ann Lee"));

    INIT(oversight_workforce_appointment_init, oversight_workforce_appointment, OVERSIGHT_WORKFORCE_APPOINTMENT_VERSION);
    a.person = "Bo Reed";
    a.role = "social_worker";
    a.team = "Team A";
    CALL(REFUSE, oversight_workforce_appoint, "store = NULL", (NULL, &a, &g_i64));
    CALL(REFUSE, oversight_workforce_appoint, "appointment = NULL", (S, NULL, &g_i64));
    CALL(REFUSE, oversight_workforce_appoint, "out = NULL", (S, &a, NULL));
    VERSIONS(a, OVERSIGHT_WORKFORCE_APPOINTMENT_VERSION, oversight_workforce_appoint, (S, &a, &g_i64));
    TEXTS(ID, oversight_workforce_appoint, "appointment.person", (S, (a.person = T, &a), &g_i64));
    a.person = "Bo Reed";
    TEXTS(ID, oversight_workforce_appoint, "appointment.role", (S, (a.role = T, &a), &g_i64));
    a.role = "social_worker";
    TEXTS(ID, oversight_workforce_appoint, "appointment.line_manager", (S, (a.line_manager = T, &a), &g_i64));
    a.line_manager = NULL;
    DATES(oversight_workforce_appoint, "appointment.from", (S, (a.from = DP, &a), &g_i64));
    a.from = NULL;
    DATES(oversight_workforce_appoint, "appointment.until", (S, (a.until = DP, &a), &g_i64));
    a.until = NULL;
    a.from = &k_as_of;
    a.until = &k_day;
    CALL(REFUSE, oversight_workforce_appoint, "appointment.until before from", (S, &a, &g_i64));

    CALL(REFUSE, oversight_workforce_people_json, "store = NULL", (NULL, k_as_of, &g_s));
    CALL(REFUSE, oversight_workforce_people_json, "out = NULL", (S, k_as_of, NULL));
    DATES(oversight_workforce_people_json, "as_of", (S, D, &g_s));
}

static void casework_area(void) {
    oversight_casework_child ch = OVERSIGHT_CASEWORK_CHILD_INIT;
    oversight_casework_allocation al = OVERSIGHT_CASEWORK_ALLOCATION_INIT;
    oversight_casework_attribute at = OVERSIGHT_CASEWORK_ATTRIBUTE_INIT;
    oversight_casework_event ev = event_of("C1", "became_looked_after");
    static const char *const hostile_ids[] = {"'; DROP TABLE events; --", "%", "_", "\"", "C1' OR '1'='1", "\\"};
    static const char *const bad_attrs[] = {"{", "[]", "{\"a\":1}", "{\"a\":\"x\",\"a\":\"y\"}", "{\"a\":5e444}",
                                            "{\"\\u0000\":\"x\"}", "null"};
    volatile size_t i;
    long before;

    CALL(REFUSE, oversight_casework_save_child, "store = NULL", (NULL, "C2", NULL));
    CALL(REFUSE, oversight_casework_save_child, "child_id = NULL", (S, NULL, NULL));
    TEXTS(ID, oversight_casework_save_child, "child_id", (S, T, NULL));
    DATES(oversight_casework_save_child, "date_of_birth", (S, "C2", DP));
    /* SQL metacharacters are valid ids: stored as given, found exactly, and the store keeps its rows. */
    before = count_history();
    for (i = 0; i < sizeof hostile_ids / sizeof hostile_ids[0]; ++i) {
        set_case("child_id = %s%s", hostile_ids[i], "");
        CALL(SUCCEED, oversight_casework_save_child, g_case, (S, hostile_ids[i], NULL));
        CALL(SUCCEED, oversight_casework_case_json, g_case, (S, hostile_ids[i], k_as_of, &g_s));
    }
    if (count_history() < before + (long)(sizeof hostile_ids / sizeof hostile_ids[0])) {
        g_fn = "oversight_casework_save_child";
        set_case("SQL metacharacters as ids%s%s", "", "");
        failure("the history does not hold one more entry per child saved", OVERSIGHT_OK);
    }
    CALL(REFUSE, oversight_casework_case_json, "child_id = \"C%\" (no such child)", (S, "C%", k_as_of, &g_s));
    CALL(REFUSE, oversight_casework_case_json, "child_id = \"C_\" (no such child)", (S, "C_", k_as_of, &g_s));
    /* Text after an embedded NUL is not read: "C1\0junk" is C1. */
    CALL(SUCCEED, oversight_casework_case_json, "child_id = \"C1\\0junk\"", (S, "C1\0junk", k_as_of, &g_s));

    CALL(REFUSE, oversight_casework_allocate, "store = NULL", (NULL, "C1", "Ann Lee", k_day));
    CALL(REFUSE, oversight_casework_allocate, "child_id = NULL", (S, NULL, "Ann Lee", k_day));
    CALL(REFUSE, oversight_casework_allocate, "worker = NULL", (S, "C1", NULL, k_day));
    TEXTS(ID, oversight_casework_allocate, "child_id", (S, T, "Ann Lee", k_day));
    TEXTS(ID, oversight_casework_allocate, "worker", (S, "C1", T, k_day));
    CALL(REFUSE, oversight_casework_allocate, "worker = \"Ann%\"", (S, "C1", "Ann%", k_day));
    DATES(oversight_casework_allocate, "from", (S, "C1", "Ann Lee", D));

    CALL(REFUSE, oversight_casework_set_attribute, "store = NULL", (NULL, "C1", "legal_status", "C2", k_day));
    CALL(REFUSE, oversight_casework_set_attribute, "child_id = NULL", (S, NULL, "legal_status", "C2", k_day));
    CALL(REFUSE, oversight_casework_set_attribute, "key = NULL", (S, "C1", NULL, "C2", k_day));
    CALL(REFUSE, oversight_casework_set_attribute, "value = NULL", (S, "C1", "legal_status", NULL, k_day));
    TEXTS(ID, oversight_casework_set_attribute, "child_id", (S, T, "legal_status", "C2", k_day));
    TEXTS(ID, oversight_casework_set_attribute, "key", (S, "C1", T, "C2", k_day));
    CALL(REFUSE, oversight_casework_set_attribute, "key = SQL metacharacters", (S, "C1", "'; DROP TABLE x; --", "v", k_day));
    TEXTS(OPT, oversight_casework_set_attribute, "value", (S, "C1", "note", T, k_day));
    DATES(oversight_casework_set_attribute, "effective_from", (S, "C1", "legal_status", "C2", D));

    INIT(oversight_casework_child_init, oversight_casework_child, OVERSIGHT_CASEWORK_CHILD_VERSION);
    ch.child_id = "C3";
    CALL(REFUSE, oversight_casework_upsert_child, "store = NULL", (NULL, &ch, &g_i32));
    CALL(REFUSE, oversight_casework_upsert_child, "child = NULL", (S, NULL, &g_i32));
    CALL(EITHER, oversight_casework_upsert_child, "out = NULL (allowed)", (S, &ch, NULL));
    VERSIONS(ch, OVERSIGHT_CASEWORK_CHILD_VERSION, oversight_casework_upsert_child, (S, &ch, &g_i32));
    TEXTS(ID, oversight_casework_upsert_child, "child.child_id", (S, (ch.child_id = T, &ch), &g_i32));
    ch.child_id = "C3";
    TEXTS(ID, oversight_casework_upsert_child, "child.external_id", (S, (ch.external_id = T, &ch), &g_i32));
    ch.external_id = NULL;
    DATES(oversight_casework_upsert_child, "child.date_of_birth", (S, (ch.date_of_birth = DP, &ch), &g_i32));
    ch.date_of_birth = NULL;

    CALL(REFUSE, oversight_casework_erase_child, "store = NULL", (NULL, "C3", "purge", &g_i64));
    CALL(REFUSE, oversight_casework_erase_child, "child_id = NULL", (S, NULL, "purge", &g_i64));
    CALL(EITHER, oversight_casework_erase_child, "out = NULL (allowed)", (S, "C3", "purge", NULL));
    TEXTS(ID, oversight_casework_erase_child, "child_id", (S, T, "purge", &g_i64));
    CALL(REFUSE, oversight_casework_erase_child, "child_id = \"%\" pattern (\"C%\")", (S, "C%", "purge", &g_i64));
    TEXTS(REQ, oversight_casework_erase_child, "reason", (S, "C3", T, &g_i64));
    for (i = 0; i < sizeof hostile_ids / sizeof hostile_ids[0]; ++i) {
        set_case("after refused erasures: child_id = %s%s", hostile_ids[i], "");
        CALL(SUCCEED, oversight_casework_case_json, g_case, (S, hostile_ids[i], k_as_of, &g_s));
    }

    INIT(oversight_casework_allocation_init, oversight_casework_allocation, OVERSIGHT_CASEWORK_ALLOCATION_VERSION);
    al.child_id = "C1";
    al.worker = "Ann Lee";
    al.from = k_day;
    CALL(REFUSE, oversight_casework_upsert_allocation, "store = NULL", (NULL, &al, &g_i32));
    CALL(REFUSE, oversight_casework_upsert_allocation, "allocation = NULL", (S, NULL, &g_i32));
    VERSIONS(al, OVERSIGHT_CASEWORK_ALLOCATION_VERSION, oversight_casework_upsert_allocation, (S, &al, &g_i32));
    TEXTS(ID, oversight_casework_upsert_allocation, "allocation.child_id", (S, (al.child_id = T, &al), &g_i32));
    al.child_id = "C1";
    TEXTS(ID, oversight_casework_upsert_allocation, "allocation.worker", (S, (al.worker = T, &al), &g_i32));
    al.worker = "Ann Lee";
    TEXTS(ID, oversight_casework_upsert_allocation, "allocation.external_id", (S, (al.external_id = T, &al), &g_i32));
    al.external_id = NULL;
    DATES(oversight_casework_upsert_allocation, "allocation.from", (S, (al.from = D, &al), &g_i32));
    al.from = k_day;
    CALL(REFUSE, oversight_casework_end_allocation, "store = NULL", (NULL, "C1", k_as_of));
    CALL(REFUSE, oversight_casework_end_allocation, "child_id = NULL", (S, NULL, k_as_of));
    TEXTS(ID, oversight_casework_end_allocation, "child_id", (S, T, k_as_of));
    DATES(oversight_casework_end_allocation, "on", (S, "C1", D));

    INIT(oversight_casework_attribute_init, oversight_casework_attribute, OVERSIGHT_CASEWORK_ATTRIBUTE_VERSION);
    at.child_id = "C1";
    at.key = "legal_status";
    at.value = "C2";
    at.effective_from = k_day;
    CALL(REFUSE, oversight_casework_upsert_attribute, "store = NULL", (NULL, &at, &g_i32));
    CALL(REFUSE, oversight_casework_upsert_attribute, "attribute = NULL", (S, NULL, &g_i32));
    VERSIONS(at, OVERSIGHT_CASEWORK_ATTRIBUTE_VERSION, oversight_casework_upsert_attribute, (S, &at, &g_i32));
    TEXTS(ID, oversight_casework_upsert_attribute, "attribute.child_id", (S, (at.child_id = T, &at), &g_i32));
    at.child_id = "C1";
    TEXTS(ID, oversight_casework_upsert_attribute, "attribute.key", (S, (at.key = T, &at), &g_i32));
    at.key = "legal_status";
    TEXTS(OPT, oversight_casework_upsert_attribute, "attribute.value", (S, (at.value = T, &at), &g_i32));
    at.value = "C2";
    DATES(oversight_casework_upsert_attribute, "attribute.effective_from", (S, (at.effective_from = D, &at), &g_i32));
    at.effective_from = k_day;
    CALL(REFUSE, oversight_casework_end_attribute, "store = NULL", (NULL, "C1", "legal_status", k_as_of));
    CALL(REFUSE, oversight_casework_end_attribute, "key = NULL", (S, "C1", NULL, k_as_of));
    TEXTS(ID, oversight_casework_end_attribute, "key", (S, "C1", T, k_as_of));
    DATES(oversight_casework_end_attribute, "on", (S, "C1", "legal_status", D));
    CALL(REFUSE, oversight_casework_delete_attribute, "store = NULL", (NULL, "C1", "legal_status", k_day));
    CALL(REFUSE, oversight_casework_delete_attribute, "child_id = NULL", (S, NULL, "legal_status", k_day));
    TEXTS(ID, oversight_casework_delete_attribute, "child_id", (S, T, "legal_status", k_day));
    TEXTS(ID, oversight_casework_delete_attribute, "key", (S, "C1", T, k_day));
    DATES(oversight_casework_delete_attribute, "effective_from", (S, "C1", "legal_status", D));

    INIT(oversight_casework_event_init, oversight_casework_event, OVERSIGHT_CASEWORK_EVENT_VERSION);
    CALL(REFUSE, oversight_casework_record_event, "store = NULL", (NULL, &ev, &g_i64));
    CALL(REFUSE, oversight_casework_record_event, "event = NULL", (S, NULL, &g_i64));
    VERSIONS(ev, OVERSIGHT_CASEWORK_EVENT_VERSION, oversight_casework_record_event, (S, &ev, &g_i64));
    TEXTS(ID, oversight_casework_record_event, "event.child_id", (S, (ev.child_id = T, &ev), &g_i64));
    ev.child_id = "C1";
    TEXTS(ID, oversight_casework_record_event, "event.type", (S, (ev.type = T, &ev), &g_i64));
    ev.type = "'; DROP TABLE events; --";
    CALL(REFUSE, oversight_casework_record_event, "event.type = SQL metacharacters", (S, &ev, &g_i64));
    ev.type = "became_looked_after";
    TEXTS(ID, oversight_casework_record_event, "event.recorded_by", (S, (ev.recorded_by = T, &ev), &g_i64));
    ev.recorded_by = "hostile";
    TEXTS(ID, oversight_casework_record_event, "event.attributes_json", (S, (ev.attributes_json = T, &ev), &g_i64));
    for (i = 0; i < sizeof bad_attrs / sizeof bad_attrs[0]; ++i) {
        ev.attributes_json = bad_attrs[i];
        set_case("event.attributes_json = %s%s", bad_attrs[i], "");
        CALL(REFUSE, oversight_casework_record_event, g_case, (S, &ev, &g_i64));
    }
    ev.attributes_json = NULL;
    DATES(oversight_casework_record_event, "event.date", (S, (ev.date = D, &ev), &g_i64));
    ev.date = k_day;

    CALL(REFUSE, oversight_casework_save_event, "store = NULL", (NULL, &ev, &g_i64, &g_i32));
    CALL(REFUSE, oversight_casework_save_event, "event = NULL", (S, NULL, &g_i64, &g_i32));
    VERSIONS(ev, OVERSIGHT_CASEWORK_EVENT_VERSION, oversight_casework_save_event, (S, &ev, &g_i64, &g_i32));
    TEXTS(ID, oversight_casework_save_event, "event.external_id", (S, (ev.external_id = T, &ev), &g_i64, &g_i32));
    ev.external_id = "'; DROP TABLE events; --";
    CALL(SUCCEED, oversight_casework_save_event, "event.external_id = SQL metacharacters", (S, &ev, &g_i64, &g_i32));
    ev.external_id = NULL;

    CALL(REFUSE, oversight_casework_correct_event, "store = NULL", (NULL, EVENT, NULL, &ev, &g_i32));
    CALL(REFUSE, oversight_casework_correct_event, "corrected = NULL", (S, EVENT, NULL, NULL, &g_i32));
    I64S(oversight_casework_correct_event, "event_id", (S, I64, NULL, &ev, &g_i32));
    TEXTS(ID, oversight_casework_correct_event, "external_id", (S, 0, T, &ev, &g_i32));
    VERSIONS(ev, OVERSIGHT_CASEWORK_EVENT_VERSION, oversight_casework_correct_event, (S, EVENT, NULL, &ev, &g_i32));
    DATES(oversight_casework_correct_event, "corrected.date", (S, EVENT, NULL, (ev.date = D, &ev), &g_i32));
    ev.date = k_day;
    CALL(REFUSE, oversight_casework_delete_event, "store = NULL", (NULL, EVENT, NULL));
    I64S(oversight_casework_delete_event, "event_id", (S, I64, NULL));
    TEXTS(ID, oversight_casework_delete_event, "external_id", (S, 0, T));
    CALL(REFUSE, oversight_casework_delete_event, "external_id = \"%\"", (S, 0, "%"));

    CALL(REFUSE, oversight_casework_case_json, "store = NULL", (NULL, "C1", k_as_of, &g_s));
    CALL(REFUSE, oversight_casework_case_json, "child_id = NULL", (S, NULL, k_as_of, &g_s));
    CALL(REFUSE, oversight_casework_case_json, "out = NULL", (S, "C1", k_as_of, NULL));
    TEXTS(ID, oversight_casework_case_json, "child_id", (S, T, k_as_of, &g_s));
    DATES(oversight_casework_case_json, "as_of", (S, "C1", D, &g_s));
    CALL(REFUSE, oversight_casework_list_json, "store = NULL", (NULL, NULL, NULL, k_as_of, &g_s));
    CALL(REFUSE, oversight_casework_list_json, "out = NULL", (S, NULL, NULL, k_as_of, NULL));
    TEXTS(FILTER, oversight_casework_list_json, "worker", (S, T, NULL, k_as_of, &g_s));
    TEXTS(FILTER, oversight_casework_list_json, "team", (S, NULL, T, k_as_of, &g_s));
    DATES(oversight_casework_list_json, "as_of", (S, NULL, NULL, D, &g_s));

    /* exemptions (issue 9 point 4) */
    {
        oversight_casework_exemption ex = OVERSIGHT_CASEWORK_EXEMPTION_INIT;
        const char *area[1] = {"visits"};
        int64_t ex_id = 0;
        INIT(oversight_casework_exemption_init, oversight_casework_exemption, OVERSIGHT_CASEWORK_EXEMPTION_VERSION);
        ex.child_id = "C1";
        ex.kind = "missing";
        ex.from = k_day;
        ex.reason = "missing from placement";
        ex.approved_by = "Mo Manager";
        CALL(REFUSE, oversight_casework_add_exemption, "store = NULL", (NULL, &ex, &g_i64, &g_i32));
        CALL(REFUSE, oversight_casework_add_exemption, "exemption = NULL", (S, NULL, &g_i64, &g_i32));
        VERSIONS(ex, OVERSIGHT_CASEWORK_EXEMPTION_VERSION, oversight_casework_add_exemption,
                 (S, &ex, &g_i64, &g_i32));
        TEXTS(ID, oversight_casework_add_exemption, "exemption.child_id", (S, (ex.child_id = T, &ex), &g_i64, &g_i32));
        ex.child_id = "C1";
        TEXTS(ID, oversight_casework_add_exemption, "exemption.kind", (S, (ex.kind = T, &ex), &g_i64, &g_i32));
        ex.kind = "missing";
        TEXTS(REQ, oversight_casework_add_exemption, "exemption.reason", (S, (ex.reason = T, &ex), &g_i64, &g_i32));
        ex.reason = "missing from placement";
        TEXTS(ID, oversight_casework_add_exemption, "exemption.approved_by",
              (S, (ex.approved_by = T, &ex), &g_i64, &g_i32));
        ex.approved_by = "Mo Manager";
        ex.area_count = 1;
        CALL(REFUSE, oversight_casework_add_exemption, "exemption.areas = NULL, area_count = 1",
             (S, &ex, &g_i64, &g_i32));
        ex.areas = area;
        TEXTS(ID, oversight_casework_add_exemption, "exemption.areas[0]", (S, (area[0] = T, &ex), &g_i64, &g_i32));
        area[0] = "visits";
        TEXTS(ID, oversight_casework_add_exemption, "exemption.external_id",
              (S, (ex.external_id = T, &ex), &g_i64, &g_i32));
        ex.external_id = NULL;
        DATES(oversight_casework_add_exemption, "exemption.from", (S, (ex.from = D, &ex), &g_i64, &g_i32));
        ex.from = k_day;
        DATES(oversight_casework_add_exemption, "exemption.to", (S, (ex.to = DP, &ex), &g_i64, &g_i32));
        ex.to = NULL;
        ex.external_id = "'; DROP TABLE exemptions; --";
        CALL(SUCCEED, oversight_casework_add_exemption, "exemption.external_id = SQL metacharacters",
             (S, &ex, &ex_id, NULL));
        ex.external_id = NULL;

        CALL(REFUSE, oversight_casework_end_exemption, "store = NULL", (NULL, ex_id, k_as_of));
        I64S(oversight_casework_end_exemption, "exemption_id", (S, I64, k_as_of));
        DATES(oversight_casework_end_exemption, "to", (S, ex_id, D));
        CALL(SUCCEED, oversight_casework_end_exemption, "an exemption stored", (S, ex_id, k_as_of));

        CALL(REFUSE, oversight_casework_exemptions_json, "store = NULL", (NULL, "C1", &g_s));
        CALL(REFUSE, oversight_casework_exemptions_json, "out = NULL", (S, "C1", NULL));
        TEXTS(ID, oversight_casework_exemptions_json, "child_id", (S, T, &g_s));
        CALL(REFUSE, oversight_casework_exemptions_json, "child_id = \"C%\" (no such child)", (S, "C%", &g_s));
        CALL(SUCCEED, oversight_casework_exemptions_json, "child_id = NULL (every child)", (S, NULL, &g_s));

        CALL(REFUSE, oversight_casework_delete_exemption, "store = NULL", (NULL, ex_id, NULL));
        I64S(oversight_casework_delete_exemption, "exemption_id", (S, I64, NULL));
        TEXTS(ID, oversight_casework_delete_exemption, "external_id", (S, 0, T));
        CALL(REFUSE, oversight_casework_delete_exemption, "external_id = \"%\"", (S, 0, "%"));
        CALL(SUCCEED, oversight_casework_delete_exemption, "an exemption stored", (S, ex_id, NULL));
    }
}

/* Compliance, meeting attendance and complaints (issue 9). */
static void compliance_and_trackers_area(void) {
    oversight_compliance_options co = OVERSIGHT_COMPLIANCE_OPTIONS_INIT;
    oversight_compliance_host_due_options hd = OVERSIGHT_COMPLIANCE_HOST_DUE_OPTIONS_INIT;
    static const char extract[] = "child,due\nC1,2024-03-08\nC1,09/03/2024\nC1,soon\nC1,\n";
    static const char extract_nul[] = "child,due\nC1,2024-03-08\0\n";
    static const char extract_sql[] = "child,due\n\"'; DROP TABLE children; --\",2024-03-08\n%,1/1/2024\n";
    static const char extract_rule[] = "child,due,rule\nC1,2024-03-08,lac.visit.first\n";
    oversight_casework_invitee inv = OVERSIGHT_CASEWORK_INVITEE_INIT;
    const oversight_casework_invitee *list[1];
    oversight_casework_attendance_query aq = OVERSIGHT_CASEWORK_ATTENDANCE_QUERY_INIT;
    oversight_complaints_rules cr = OVERSIGHT_COMPLAINTS_RULES_INIT;
    static const char *const bys[] = {"team", "worker", "rule", "area", "overall"};
    volatile size_t i;

    /* compliance */
    INIT(oversight_compliance_options_init, oversight_compliance_options, OVERSIGHT_COMPLIANCE_OPTIONS_VERSION);
    co.as_of = &k_as_of;
    CALL(REFUSE, oversight_compliance_json, "store = NULL", (NULL, &co, &g_s));
    CALL(REFUSE, oversight_compliance_json, "out = NULL", (S, &co, NULL));
    CALL(SUCCEED, oversight_compliance_json, "options = NULL (defaults)", (S, NULL, &g_s));
    VERSIONS(co, OVERSIGHT_COMPLIANCE_OPTIONS_VERSION, oversight_compliance_json, (S, &co, &g_s));
    DATES(oversight_compliance_json, "options.as_of", (S, (co.as_of = DP, &co), &g_s));
    co.as_of = &k_as_of;
    DATES(oversight_compliance_json, "options.period_from", (S, (co.period_from = DP, &co), &g_s));
    co.period_from = NULL;
    DATES(oversight_compliance_json, "options.period_to", (S, (co.period_to = DP, &co), &g_s));
    co.period_to = NULL;
    I32S(REFUSE, REFUSE, SUCCEED, REFUSE, oversight_compliance_json, "options.window_working_days",
         (S, (co.window_working_days = I32, &co), &g_s));
    co.window_working_days = 10;
    I32S(REFUSE, REFUSE, SUCCEED, REFUSE, oversight_compliance_json, "options.recording_threshold_working_days",
         (S, (co.recording_threshold_working_days = I32, &co), &g_s));
    co.recording_threshold_working_days = 5;
    TEXTS(FILTER, oversight_compliance_json, "options.team", (S, (co.team = T, &co), &g_s));
    co.team = NULL;
    TEXTS(FILTER, oversight_compliance_json, "options.worker", (S, (co.worker = T, &co), &g_s));
    co.worker = NULL;
    TEXTS(FILTER, oversight_compliance_json, "options.rule", (S, (co.rule = T, &co), &g_s));
    co.rule = "'; DROP TABLE events; --";
    CALL(REFUSE, oversight_compliance_json, "options.rule = SQL metacharacters", (S, &co, &g_s));
    co.rule = NULL;
    TEXTS(FILTER, oversight_compliance_json, "options.area", (S, (co.area = T, &co), &g_s));
    co.area = NULL;
    TEXTS(FILTER, oversight_compliance_json, "options.child", (S, (co.child = T, &co), &g_s));
    TEXTS(FILTER, oversight_compliance_for_each_item, "options.child",
          (S, (co.child = T, &co), "csv", count_row, &g_i64, &g_i64));
    co.child = "C1";
    CALL(SUCCEED, oversight_compliance_json, "options.child = a child's id", (S, &co, &g_s));
    co.child = NULL;
    for (i = 0; i < sizeof bys / sizeof bys[0]; ++i) {
        set_case("by = %s%s", bys[i], "");
        CALL(SUCCEED, oversight_compliance_csv, g_case, (S, &co, 0, bys[i], &g_s));
        CALL(SUCCEED, oversight_compliance_text, g_case, (S, &co, 1, bys[i], &g_s));
    }
    CALL(REFUSE, oversight_compliance_csv, "store = NULL", (NULL, &co, 1, NULL, &g_s));
    CALL(REFUSE, oversight_compliance_csv, "out = NULL", (S, &co, 1, NULL, NULL));
    TEXTS(REQ, oversight_compliance_csv, "by", (S, &co, 0, T, &g_s));
    /* the rows one at a time: a host's function that counts, one that stops */
    CALL(SUCCEED, oversight_compliance_for_each_item, "format = NULL (json)",
         (S, &co, NULL, count_row, &g_i64, &g_i64));
    CALL(SUCCEED, oversight_compliance_for_each_item, "format = csv", (S, &co, "csv", count_row, &g_i64, NULL));
    CALL(SUCCEED, oversight_compliance_for_each_item, "a function that stops at once",
         (S, &co, "json", stop_row, NULL, &g_i64));
    CALL(SUCCEED, oversight_compliance_for_each_item, "options = NULL (defaults)",
         (S, NULL, "json", count_row, &g_i64, NULL));
    CALL(REFUSE, oversight_compliance_for_each_item, "store = NULL", (NULL, &co, "json", count_row, &g_i64, &g_i64));
    CALL(REFUSE, oversight_compliance_for_each_item, "row = NULL", (S, &co, "json", NULL, NULL, &g_i64));
    CALL(REFUSE, oversight_compliance_for_each_item, "format = xml", (S, &co, "xml", count_row, &g_i64, &g_i64));
    TEXTS(REQ, oversight_compliance_for_each_item, "format", (S, &co, T, count_row, &g_i64, &g_i64));
    VERSIONS(co, OVERSIGHT_COMPLIANCE_OPTIONS_VERSION, oversight_compliance_for_each_item,
             (S, &co, "json", count_row, &g_i64, &g_i64));
    CALL(REFUSE, oversight_compliance_text, "store = NULL", (NULL, &co, 1, NULL, &g_s));
    CALL(REFUSE, oversight_compliance_text, "out = NULL", (S, &co, 1, NULL, NULL));
    TEXTS(REQ, oversight_compliance_text, "by", (S, &co, 0, T, &g_s));
    /* kept reports; any recount value is a yes or a no */
    I32S(SUCCEED, SUCCEED, SUCCEED, SUCCEED, oversight_compliance_json, "options.recount",
         (S, (co.recount = I32, &co), &g_s));
    co.recount = 0;
    CALL(SUCCEED, oversight_compliance_keep, "options = NULL (defaults)", (S, NULL, &g_s));
    CALL(REFUSE, oversight_compliance_keep, "store = NULL", (NULL, &co, &g_s));
    CALL(REFUSE, oversight_compliance_keep, "out = NULL", (S, &co, NULL));
    VERSIONS(co, OVERSIGHT_COMPLIANCE_OPTIONS_VERSION, oversight_compliance_keep, (S, &co, &g_s));
    CALL(SUCCEED, oversight_compliance_kept_json, "the kept reports", (S, &g_s));
    CALL(REFUSE, oversight_compliance_kept_json, "store = NULL", (NULL, &g_s));
    CALL(REFUSE, oversight_compliance_kept_json, "out = NULL", (S, NULL));
    TEXTS(ID, oversight_compliance_forget, "key", (S, T, &g_i32));
    CALL(REFUSE, oversight_compliance_forget, "store = NULL",
         (NULL, "0000000000000000000000000000000000000000000000000000000000000000", &g_i32));
    CALL(SUCCEED, oversight_compliance_forget, "an unknown key",
         (S, "0000000000000000000000000000000000000000000000000000000000000000", &g_i32));
    CALL(SUCCEED, oversight_compliance_forget, "out_forgotten = NULL",
         (S, "0000000000000000000000000000000000000000000000000000000000000000", NULL));
    /* a case system's extract of due dates */
    INIT(oversight_compliance_host_due_options_init, oversight_compliance_host_due_options,
         OVERSIGHT_COMPLIANCE_HOST_DUE_OPTIONS_VERSION);
    hd.as_of = &k_as_of;
    hd.rule = "visits";
    CALL(SUCCEED, oversight_compliance_host_due_json, "an extract", (S, &hd, extract, sizeof extract - 1, &g_s));
    CALL(SUCCEED, oversight_compliance_host_due_json, "length 0 of a header-only extract", (S, &hd, extract, 10, &g_s));
    CALL(REFUSE, oversight_compliance_host_due_json, "store = NULL", (NULL, &hd, extract, sizeof extract - 1, &g_s));
    CALL(REFUSE, oversight_compliance_host_due_json, "csv = NULL", (S, &hd, NULL, 10, &g_s));
    CALL(REFUSE, oversight_compliance_host_due_json, "out = NULL", (S, &hd, extract, sizeof extract - 1, NULL));
    CALL(REFUSE, oversight_compliance_host_due_json, "embedded NUL",
         (S, &hd, extract_nul, sizeof extract_nul - 1, &g_s));
    CALL(SUCCEED, oversight_compliance_host_due_json, "hostile ids are unknown children",
         (S, &hd, extract_sql, sizeof extract_sql - 1, &g_s));
    CALL(SUCCEED, oversight_compliance_host_due_json, "options = NULL (defaults)",
         (S, NULL, extract_rule, sizeof extract_rule - 1, &g_s));
    TEXTS(ID, oversight_compliance_host_due_json, "csv", (S, &hd, T, strlen(T), &g_s));
    VERSIONS(hd, OVERSIGHT_COMPLIANCE_HOST_DUE_OPTIONS_VERSION, oversight_compliance_host_due_json,
             (S, &hd, extract, sizeof extract - 1, &g_s));
    DATES(oversight_compliance_host_due_json, "options.as_of", (S, (hd.as_of = DP, &hd), extract, sizeof extract - 1, &g_s));
    hd.as_of = &k_as_of;
    TEXTS(ID, oversight_compliance_host_due_json, "options.rule", (S, (hd.rule = T, &hd), extract, sizeof extract - 1, &g_s));
    hd.rule = "visits";
    TEXTS(ID, oversight_compliance_host_due_json, "options.child_column",
          (S, (hd.child_column = T, &hd), extract, sizeof extract - 1, &g_s));
    hd.child_column = NULL;
    TEXTS(ID, oversight_compliance_host_due_json, "options.due_column",
          (S, (hd.due_column = T, &hd), extract, sizeof extract - 1, &g_s));
    hd.due_column = NULL;
    hd.rule = NULL;
    TEXTS(ID, oversight_compliance_host_due_json, "options.rule_column",
          (S, (hd.rule_column = T, &hd), extract, sizeof extract - 1, &g_s));
    hd.rule_column = NULL;
    hd.rule = "visits";
    TEXTS(OPT, oversight_compliance_host_due_json, "options.file",
          (S, (hd.file = T, &hd), extract, sizeof extract - 1, &g_s));
    hd.file = NULL;
    I32S(SUCCEED, SUCCEED, SUCCEED, SUCCEED, oversight_compliance_host_due_json, "options.by_external_id",
         (S, (hd.by_external_id = I32, &hd), extract_sql, sizeof extract_sql - 1, &g_s));
    hd.by_external_id = 0;

    /* meeting attendance: the fixture's event and people */
    INIT(oversight_casework_invitee_init, oversight_casework_invitee, OVERSIGHT_CASEWORK_INVITEE_VERSION);
    inv.person = "Bo Reed";
    list[0] = &inv;
    CALL(REFUSE, oversight_casework_set_attendance, "store = NULL", (NULL, EVENT, list, 1, &g_i32));
    CALL(REFUSE, oversight_casework_set_attendance, "invitees = NULL, count = 1", (S, EVENT, NULL, 1, &g_i32));
    CALL(REFUSE, oversight_casework_set_attendance, "count = SIZE_MAX", (S, EVENT, list, (size_t)-1, &g_i32));
    I64S(oversight_casework_set_attendance, "event_id", (S, I64, list, 1, &g_i32));
    VERSIONS(inv, OVERSIGHT_CASEWORK_INVITEE_VERSION, oversight_casework_set_attendance,
             (S, EVENT, list, 1, &g_i32));
    TEXTS(ID, oversight_casework_set_attendance, "invitees[0].person", (S, EVENT, (inv.person = T, list), 1, &g_i32));
    inv.person = "Bo Reed";
    TEXTS(OPT, oversight_casework_set_attendance, "invitees[0].agency", (S, EVENT, (inv.agency = T, list), 1, &g_i32));
    inv.agency = NULL;
    TEXTS(OPT, oversight_casework_set_attendance, "invitees[0].role", (S, EVENT, (inv.role = T, list), 1, &g_i32));
    inv.role = NULL;
    inv.attended = 1;
    inv.apologies = 1;
    CALL(REFUSE, oversight_casework_set_attendance, "attended and apologies", (S, EVENT, list, 1, &g_i32));
    inv.apologies = 0;
    CALL(SUCCEED, oversight_casework_set_attendance, "one invitee who came", (S, EVENT, list, 1, &g_i32));
    CALL(SUCCEED, oversight_casework_set_attendance, "no invitees (the list cleared)", (S, EVENT, NULL, 0, &g_i32));

    INIT(oversight_casework_attendance_query_init, oversight_casework_attendance_query,
         OVERSIGHT_CASEWORK_ATTENDANCE_QUERY_VERSION);
    aq.from = k_day;
    aq.to = k_as_of;
    CALL(REFUSE, oversight_casework_attendance_report, "store = NULL", (NULL, &aq, &g_s));
    CALL(REFUSE, oversight_casework_attendance_report, "query = NULL", (S, NULL, &g_s));
    CALL(REFUSE, oversight_casework_attendance_report, "out = NULL", (S, &aq, NULL));
    VERSIONS(aq, OVERSIGHT_CASEWORK_ATTENDANCE_QUERY_VERSION, oversight_casework_attendance_report, (S, &aq, &g_s));
    DATES(oversight_casework_attendance_report, "query.from", (S, (aq.from = D, &aq), &g_s));
    aq.from = k_day;
    DATES(oversight_casework_attendance_report, "query.to", (S, (aq.to = D, &aq), &g_s));
    aq.to = k_as_of;
    TEXTS(OPT, oversight_casework_attendance_report, "query.event_type", (S, (aq.event_type = T, &aq), &g_s));
    aq.event_type = NULL;
    CALL(SUCCEED, oversight_casework_attendance_report, "a period", (S, &aq, &g_s));
    CALL(REFUSE, oversight_casework_non_attendance, "store = NULL", (NULL, &aq, &g_s));
    CALL(REFUSE, oversight_casework_non_attendance, "query = NULL", (S, NULL, &g_s));
    CALL(REFUSE, oversight_casework_non_attendance, "out = NULL", (S, &aq, NULL));
    DATES(oversight_casework_non_attendance, "query.from", (S, (aq.from = D, &aq), &g_s));
    aq.from = k_day;
    TEXTS(OPT, oversight_casework_non_attendance, "query.event_type", (S, (aq.event_type = T, &aq), &g_s));
    aq.event_type = NULL;
    aq.csv = 1;
    CALL(SUCCEED, oversight_casework_non_attendance, "a period, CSV", (S, &aq, &g_s));

    /* complaints */
    INIT(oversight_complaints_rules_init, oversight_complaints_rules, OVERSIGHT_COMPLAINTS_RULES_VERSION);
    CALL(REFUSE, oversight_complaints_add, "store = NULL", (NULL, "CMP-1", k_day, NULL, NULL, &g_i64));
    TEXTS(ID, oversight_complaints_add, "reference", (S, T, k_day, NULL, NULL, &g_i64));
    DATES(oversight_complaints_add, "received", (S, "CMP-D", D, NULL, NULL, &g_i64));
    TEXTS(ID, oversight_complaints_add, "child_id", (S, "CMP-C", k_day, T, NULL, &g_i64));
    TEXTS(OPT, oversight_complaints_add, "category", (S, "CMP-K", k_day, NULL, T, &g_i64));
    CALL(SUCCEED, oversight_complaints_add, "a complaint about the fixture's child",
         (S, "CMP-1", k_day, "C1", "'; DROP TABLE complaints; --", &g_i64));
    CALL(REFUSE, oversight_complaints_add, "the same reference again", (S, "CMP-1", k_day, NULL, NULL, &g_i64));
    CALL(REFUSE, oversight_complaints_extend, "store = NULL", (NULL, "CMP-1"));
    TEXTS(ID, oversight_complaints_extend, "reference", (S, T));
    CALL(REFUSE, oversight_complaints_respond, "store = NULL", (NULL, "CMP-1", k_as_of, "upheld"));
    TEXTS(ID, oversight_complaints_respond, "reference", (S, T, k_as_of, "upheld"));
    TEXTS(REQ, oversight_complaints_respond, "outcome", (S, "CMP-1", k_as_of, T));
    DATES(oversight_complaints_respond, "response", (S, "CMP-1", D, "upheld"));
    CALL(REFUSE, oversight_complaints_escalate, "store = NULL", (NULL, "CMP-1", k_as_of, NULL));
    TEXTS(ID, oversight_complaints_escalate, "reference", (S, T, k_as_of, NULL));
    DATES(oversight_complaints_escalate, "requested", (S, "CMP-1", D, NULL));
    CALL(REFUSE, oversight_complaints_record_panel, "store = NULL", (NULL, "CMP-1", k_as_of, NULL));
    TEXTS(ID, oversight_complaints_record_panel, "reference", (S, T, k_as_of, NULL));
    DATES(oversight_complaints_record_panel, "meeting", (S, "CMP-1", D, NULL));
    CALL(REFUSE, oversight_complaints_set_lessons, "store = NULL", (NULL, "CMP-1", "Write sooner"));
    TEXTS(ID, oversight_complaints_set_lessons, "reference", (S, T, "Write sooner"));
    TEXTS(OPT, oversight_complaints_set_lessons, "lessons", (S, "CMP-1", T));
    CALL(REFUSE, oversight_complaints_open_json, "store = NULL", (NULL, &k_as_of, NULL, 0, &g_s));
    CALL(REFUSE, oversight_complaints_open_json, "out = NULL", (S, &k_as_of, NULL, 0, NULL));
    VERSIONS(cr, OVERSIGHT_COMPLAINTS_RULES_VERSION, oversight_complaints_open_json, (S, &k_as_of, &cr, 0, &g_s));
    DATES(oversight_complaints_open_json, "as_of", (S, DP, NULL, 0, &g_s));
    I32S(REFUSE, REFUSE, REFUSE, REFUSE, oversight_complaints_open_json, "rules.stage1_days",
         (S, &k_as_of, (cr.stage1_days = I32, &cr), 0, &g_s));
    cr.stage1_days = 10;
    CALL(SUCCEED, oversight_complaints_open_json, "the open complaints, CSV", (S, &k_as_of, &cr, 1, &g_s));
    CALL(REFUSE, oversight_complaints_lessons_json, "store = NULL", (NULL, "2025Q1", NULL, 0, &g_s));
    CALL(REFUSE, oversight_complaints_lessons_json, "out = NULL", (S, "2025Q1", NULL, 0, NULL));
    TEXTS(REQ, oversight_complaints_lessons_json, "quarter", (S, T, NULL, 0, &g_s));
    CALL(REFUSE, oversight_complaints_lessons_json, "quarter = 2025Q5", (S, "2025Q5", NULL, 0, &g_s));
    CALL(REFUSE, oversight_complaints_lessons_json, "quarter = 99999Q1", (S, "99999Q1", NULL, 0, &g_s));
    CALL(SUCCEED, oversight_complaints_lessons_json, "a quarter, text", (S, "2025Q1", NULL, 1, &g_s));

    /* supervision */
    INIT(oversight_supervision_options_init, oversight_supervision_options, OVERSIGHT_SUPERVISION_OPTIONS_VERSION);
    {
        oversight_supervision_options so = OVERSIGHT_SUPERVISION_OPTIONS_INIT;
        static const char rec[] =
            "{\"supervisee\":\"Ann Lee\",\"supervisor\":\"Bo Reed\",\"held\":\"2024-03-01\","
            "\"criteria\":[\"reflective\"],\"cases\":[\"C1\"],"
            "\"actions\":[{\"text\":\"'; DROP TABLE supervisions; --\",\"owner\":\"Ann Lee\",\"due\":\"2024-03-08\"}]}";
        static const char *const bad_recs[] = {
            "{", "[]", "{\"supervisee\":\"Ann Lee\",\"supervisee\":\"Bo Reed\"}",
            "{\"supervisee\":\"Ann Lee\",\"supervisor\":\"Bo Reed\",\"held\":\"2024-02-30\"}",
            "{\"supervisee\":\"Ann Lee\",\"supervisor\":\"Bo Reed\",\"held\":\"2024-03-01\",\"minutes\":5e444}",
            "{\"supervisee\":\"Ann Lee\",\"supervisor\":\"Bo Reed\",\"held\":\"2024-03-01\",\"minutes\":-1}",
            "{\"supervisee\":\"Ann Lee\",\"supervisor\":\"Bo Reed\",\"held\":\"2024-03-01\","
            "\"follow_ups\":[{\"action\":9223372036854775807}]}",
            "{\"supervisee\":\"Ann Lee\",\"supervisor\":\"Bo Reed\",\"held\":\"2024-03-01\","
            "\"follow_ups\":[{\"action\":18446744073709551615}]}",
            "{\"supervisee\":\"Ann Lee\",\"supervisor\":\"ann lee\",\"held\":\"2024-03-01\"}",
            "{\"supervisee\":\"Ann Lee\",\"supervisor\":\"Bo Reed\",\"held\":\"9999-12-31\"}",
            "{\"supervisee\":\"Ann Lee\",\"supervisor\":\"Bo Reed\",\"held\":\"2024-03-01\",\"cases\":[\"C1\",\"C1\"]}",
            "{\"supervisee\":\"Ann Lee\",\"supervisor\":\"Bo Reed\",\"held\":\"2024-03-01\",\"criteria\":[\"%\"]}"};
        volatile size_t i;
        CALL(REFUSE, oversight_supervision_standard_json, "out = NULL", (NULL, NULL));
        VERSIONS(so, OVERSIGHT_SUPERVISION_OPTIONS_VERSION, oversight_supervision_standard_json, (&so, &g_s));
        TEXTS(PATH, oversight_supervision_standard_json, "opts.local_standard", ((so.local_standard = T, &so), &g_s));
        so.local_standard = NULL;
        CALL(SUCCEED, oversight_supervision_standard_json, "the default standard", (NULL, &g_s));
        CALL(REFUSE, oversight_supervision_record, "store = NULL", (NULL, rec, NULL, &g_i64));
        CALL(REFUSE, oversight_supervision_record, "record_json = NULL", (S, NULL, NULL, &g_i64));
        TEXTS(ID, oversight_supervision_record, "record_json", (S, T, NULL, &g_i64));
        for (i = 0; i < sizeof bad_recs / sizeof bad_recs[0]; ++i)
            CALL(REFUSE, oversight_supervision_record, bad_recs[i], (S, bad_recs[i], NULL, &g_i64));
        VERSIONS(so, OVERSIGHT_SUPERVISION_OPTIONS_VERSION, oversight_supervision_record, (S, rec, &so, &g_i64));
        CALL(SUCCEED, oversight_supervision_record, "a session with SQL metacharacters", (S, rec, NULL, &g_i64));
        CALL(SUCCEED, oversight_supervision_record, "out_id = NULL", (S, rec, &so, NULL));
        CALL(REFUSE, oversight_supervision_list_json, "store = NULL", (NULL, k_day, k_as_of, NULL, &g_s));
        CALL(REFUSE, oversight_supervision_list_json, "out = NULL", (S, k_day, k_as_of, NULL, NULL));
        DATES(oversight_supervision_list_json, "from", (S, D, k_as_of, NULL, &g_s));
        DATES(oversight_supervision_list_json, "to", (S, k_day, D, NULL, &g_s));
        TEXTS(FILTER, oversight_supervision_list_json, "person", (S, k_day, k_as_of, T, &g_s));
        CALL(REFUSE, oversight_supervision_list_json, "to before from", (S, k_as_of, k_day, NULL, &g_s));
        CALL(SUCCEED, oversight_supervision_list_json, "a period", (S, k_day, k_as_of, "Ann Lee", &g_s));
        CALL(REFUSE, oversight_supervision_report, "store = NULL", (NULL, &k_as_of, NULL, NULL, 0, &g_s));
        CALL(REFUSE, oversight_supervision_report, "out = NULL", (S, &k_as_of, NULL, NULL, 0, NULL));
        DATES(oversight_supervision_report, "as_of", (S, DP, NULL, NULL, 0, &g_s));
        DATES(oversight_supervision_report, "from", (S, &k_as_of, DP, NULL, 0, &g_s));
        VERSIONS(so, OVERSIGHT_SUPERVISION_OPTIONS_VERSION, oversight_supervision_report, (S, &k_as_of, NULL, &so, 0, &g_s));
        CALL(SUCCEED, oversight_supervision_report, "as of a day, text", (S, &k_as_of, NULL, NULL, 1, &g_s));
        CALL(SUCCEED, oversight_supervision_report, "today, JSON", (S, NULL, NULL, &so, 0, &g_s));

        /* the supervision audit and the supervisors' reminders */
        INIT(oversight_supervision_audit_options_init, oversight_supervision_audit_options,
             OVERSIGHT_SUPERVISION_AUDIT_OPTIONS_VERSION);
        {
            oversight_supervision_audit_options ao = OVERSIGHT_SUPERVISION_AUDIT_OPTIONS_INIT;
            ao.from = k_day;
            ao.to = k_as_of;
            CALL(REFUSE, oversight_supervision_audit_json, "store = NULL", (NULL, &ao, NULL, 0, &g_s));
            CALL(REFUSE, oversight_supervision_audit_json, "audit = NULL", (S, NULL, NULL, 0, &g_s));
            CALL(REFUSE, oversight_supervision_audit_json, "out = NULL", (S, &ao, NULL, 0, NULL));
            VERSIONS(ao, OVERSIGHT_SUPERVISION_AUDIT_OPTIONS_VERSION, oversight_supervision_audit_json,
                     (S, &ao, NULL, 0, &g_s));
            VERSIONS(so, OVERSIGHT_SUPERVISION_OPTIONS_VERSION, oversight_supervision_audit_json,
                     (S, &ao, &so, 0, &g_s));
            DATES(oversight_supervision_audit_json, "audit.from", ((ao.from = D, S), &ao, NULL, 0, &g_s));
            ao.from = k_day;
            DATES(oversight_supervision_audit_json, "audit.to", ((ao.to = D, S), &ao, NULL, 0, &g_s));
            ao.to = k_as_of;
            I32S(REFUSE, REFUSE, SUCCEED, REFUSE, oversight_supervision_audit_json, "audit.per_supervisor",
                 ((ao.per_supervisor = I32, S), &ao, NULL, 0, &g_s));
            ao.per_supervisor = 0;
            I32S(REFUSE, REFUSE, SUCCEED, REFUSE, oversight_supervision_audit_json, "audit.sample_size",
                 ((ao.sample_size = I32, S), &ao, NULL, 0, &g_s));
            ao.sample_size = 0;
            I32S(REFUSE, REFUSE, SUCCEED, REFUSE, oversight_supervision_audit_json, "audit.min_criteria",
                 ((ao.min_criteria = I32, S), &ao, NULL, 0, &g_s));
            ao.min_criteria = 0;
            ao.to = k_day;
            ao.from = k_as_of;
            CALL(REFUSE, oversight_supervision_audit_json, "to before from", (S, &ao, NULL, 0, &g_s));
            ao.from = k_day;
            ao.to = k_as_of;
            ao.seed = UINT64_MAX;
            ao.per_supervisor = 1;
            CALL(SUCCEED, oversight_supervision_audit_json, "seed UINT64_MAX, text", (S, &ao, NULL, 1, &g_s));
            CALL(SUCCEED, oversight_supervision_audit_json, "one per supervisor, JSON", (S, &ao, &so, 0, &g_s));
        }
        CALL(REFUSE, oversight_supervision_reminders_json, "store = NULL", (NULL, &k_as_of, 14, NULL, NULL, &g_s));
        CALL(REFUSE, oversight_supervision_reminders_json, "out = NULL", (S, &k_as_of, 14, NULL, NULL, NULL));
        DATES(oversight_supervision_reminders_json, "as_of", (S, DP, 14, NULL, NULL, &g_s));
        TEXTS(OPT, oversight_supervision_reminders_json, "supervisor", (S, &k_as_of, 14, T, NULL, &g_s));
        I32S(SUCCEED, SUCCEED, SUCCEED, REFUSE, oversight_supervision_reminders_json, "window_days",
             (S, &k_as_of, I32, NULL, NULL, &g_s));
        VERSIONS(so, OVERSIGHT_SUPERVISION_OPTIONS_VERSION, oversight_supervision_reminders_json,
                 (S, &k_as_of, 14, NULL, &so, &g_s));
        CALL(SUCCEED, oversight_supervision_reminders_json, "today, the standard's window",
             (S, NULL, -1, "Bo Reed", &so, &g_s));
    }
}

/* Audits (issue 10 points 1-3). */
static void audit_area(void) {
    oversight_audit_programme_options po = OVERSIGHT_AUDIT_PROGRAMME_OPTIONS_INIT;
    static const char record[] =
        "{\"format\":\"oversight-audit-record\",\"version\":1,\"reference\":\"AUD-1\",\"programme\":\"AUD-P\","
        "\"held\":\"2024-03-01\",\"recorded\":\"2024-03-04\",\"cases\":[{\"child\":\"C1\",\"grade\":\"satisfactory\"}],"
        "\"counts\":{\"inadequate\":2},\"recommendations\":[{\"text\":\"Re-audit\",\"owner\":\"Bo Reed\","
        "\"due\":\"2024-04-01\"}]}";

    INIT(oversight_audit_programme_options_init, oversight_audit_programme_options,
         OVERSIGHT_AUDIT_PROGRAMME_OPTIONS_VERSION);
    po.type = "pep";
    po.owner = "Bo Reed";
    po.scale = "two_point";
    po.per_stratum = 1;
    CALL(REFUSE, oversight_audit_programme_add, "store = NULL", (NULL, "AUD-X", &po, &g_i64));
    CALL(REFUSE, oversight_audit_programme_add, "opts = NULL", (S, "AUD-X", NULL, &g_i64));
    VERSIONS(po, OVERSIGHT_AUDIT_PROGRAMME_OPTIONS_VERSION, oversight_audit_programme_add, (S, "AUD-X", &po, &g_i64));
    TEXTS(ID, oversight_audit_programme_add, "name", (S, T, &po, &g_i64));
    TEXTS(ID, oversight_audit_programme_add, "opts.type", (S, "AUD-T", (po.type = T, &po), &g_i64));
    po.type = "pep";
    TEXTS(ID, oversight_audit_programme_add, "opts.owner", (S, "AUD-O", (po.owner = T, &po), &g_i64));
    po.owner = "Bo Reed";
    TEXTS(OPT, oversight_audit_programme_add, "opts.cycle", (S, "AUD-C", (po.cycle = T, &po), &g_i64));
    po.cycle = NULL;
    TEXTS(OPT, oversight_audit_programme_add, "opts.scale", (S, "AUD-S", (po.scale = T, &po), &g_i64));
    po.scale = "two_point";
    TEXTS(REQ, oversight_audit_programme_add, "opts.stratify", (S, "AUD-R", (po.stratify = T, &po), &g_i64));
    po.stratify = NULL;
    TEXTS(OPT, oversight_audit_programme_add, "opts.attribute", (S, "AUD-A", (po.attribute = T, &po), &g_i64));
    po.attribute = NULL;
    DATES(oversight_audit_programme_add, "opts.next_due", (S, "AUD-D", (po.next_due = DP, &po), &g_i64));
    po.next_due = NULL;
    I32S(REFUSE, REFUSE, EITHER, REFUSE, oversight_audit_programme_add, "opts.per_stratum",
         (S, "AUD-N", (po.per_stratum = I32, &po), &g_i64));
    po.per_stratum = 1;
    I32S(REFUSE, REFUSE, EITHER, REFUSE, oversight_audit_programme_add, "opts.exclusion_months",
         (S, "AUD-E", (po.exclusion_months = I32, &po), &g_i64));
    po.exclusion_months = 12;
    CALL(SUCCEED, oversight_audit_programme_add, "a programme", (S, "AUD-P", &po, &g_i64));
    CALL(REFUSE, oversight_audit_programme_add, "the same name again", (S, "aud-p", &po, &g_i64));

    CALL(REFUSE, oversight_audit_programme_set_due, "store = NULL", (NULL, "AUD-P", &k_as_of));
    TEXTS(ID, oversight_audit_programme_set_due, "name", (S, T, &k_as_of));
    DATES(oversight_audit_programme_set_due, "due", (S, "AUD-P", DP));
    CALL(SUCCEED, oversight_audit_programme_set_due, "due = NULL (cleared)", (S, "AUD-P", NULL));
    CALL(REFUSE, oversight_audit_programmes_json, "store = NULL", (NULL, &g_s));
    CALL(REFUSE, oversight_audit_programmes_json, "out = NULL", (S, NULL));
    CALL(SUCCEED, oversight_audit_programmes_json, "the programmes", (S, &g_s));

    CALL(REFUSE, oversight_audit_record_json, "store = NULL", (NULL, record, NULL, &g_i64));
    TEXTS(REQ, oversight_audit_record_json, "json", (S, T, NULL, &g_i64));
    CALL(REFUSE, oversight_audit_record_json, "json = 1e999", (S, "1e999", NULL, &g_i64));
    CALL(REFUSE, oversight_audit_record_json, "json = []", (S, "[]", NULL, &g_i64));
    CALL(REFUSE, oversight_audit_record_json, "json = deep nesting",
         (S, "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]", NULL, &g_i64));
    CALL(SUCCEED, oversight_audit_record_json, "an audit of the fixture's child", (S, record, CAL, &g_i64));
    CALL(REFUSE, oversight_audit_record_json, "the same reference again", (S, record, NULL, &g_i64));

    CALL(REFUSE, oversight_audit_complete_recommendation, "store = NULL", (NULL, "AUD-1", 1, k_as_of));
    TEXTS(ID, oversight_audit_complete_recommendation, "reference", (S, T, 1, k_as_of));
    DATES(oversight_audit_complete_recommendation, "completed", (S, "AUD-1", 1, D));
    I32S(REFUSE, REFUSE, REFUSE, REFUSE, oversight_audit_complete_recommendation, "number",
         (S, "AUD-1", I32, k_as_of));
    CALL(SUCCEED, oversight_audit_complete_recommendation, "recommendation 1", (S, "AUD-1", 1, k_as_of));

    CALL(REFUSE, oversight_audit_link_plan_action, "store = NULL", (NULL, "AUD-1", PLAN, "1.1"));
    TEXTS(ID, oversight_audit_link_plan_action, "reference", (S, T, PLAN, "1.1"));
    TEXTS(ID, oversight_audit_link_plan_action, "action", (S, "AUD-1", PLAN, T));
    I64S(oversight_audit_link_plan_action, "plan_id", (S, "AUD-1", I64, "1.1"));
    CALL(SUCCEED, oversight_audit_link_plan_action, "the fixture's action", (S, "AUD-1", PLAN, "1.1"));

    CALL(REFUSE, oversight_audit_sample_json, "store = NULL", (NULL, "AUD-P", &k_as_of, 1, &g_s));
    CALL(REFUSE, oversight_audit_sample_json, "out = NULL", (S, "AUD-P", &k_as_of, 1, NULL));
    TEXTS(ID, oversight_audit_sample_json, "programme", (S, T, &k_as_of, 1, &g_s));
    DATES(oversight_audit_sample_json, "as_of", (S, "AUD-P", DP, 1, &g_s));
    CALL(SUCCEED, oversight_audit_sample_json, "seed UINT64_MAX", (S, "AUD-P", &k_as_of, UINT64_MAX, &g_s));

    CALL(REFUSE, oversight_audit_result_json, "store = NULL", (NULL, "AUD-1", 0, &g_s));
    CALL(REFUSE, oversight_audit_result_json, "out = NULL", (S, "AUD-1", 0, NULL));
    TEXTS(ID, oversight_audit_result_json, "reference", (S, T, 0, &g_s));
    CALL(SUCCEED, oversight_audit_result_json, "the audit, text", (S, "AUD-1", 1, &g_s));
    CALL(REFUSE, oversight_audit_trend_json, "store = NULL", (NULL, "AUD-P", 0, &g_s));
    CALL(REFUSE, oversight_audit_trend_json, "out = NULL", (S, "AUD-P", 0, NULL));
    TEXTS(ID, oversight_audit_trend_json, "programme", (S, T, 0, &g_s));
    CALL(SUCCEED, oversight_audit_trend_json, "the programme, text", (S, "AUD-P", 1, &g_s));
    CALL(REFUSE, oversight_audit_actions_json, "store = NULL", (NULL, &k_as_of, 0, &g_s));
    CALL(REFUSE, oversight_audit_actions_json, "out = NULL", (S, &k_as_of, 0, NULL));
    DATES(oversight_audit_actions_json, "as_of", (S, DP, 0, &g_s));
    CALL(SUCCEED, oversight_audit_actions_json, "open ones", (S, NULL, 1, &g_s));
    CALL(REFUSE, oversight_audit_reminders_json, "store = NULL", (NULL, &k_as_of, 14, NULL, &g_s));
    CALL(REFUSE, oversight_audit_reminders_json, "out = NULL", (S, &k_as_of, 14, NULL, NULL));
    DATES(oversight_audit_reminders_json, "as_of", (S, DP, 14, NULL, &g_s));
    TEXTS(OPT, oversight_audit_reminders_json, "owner", (S, &k_as_of, 14, T, &g_s));
    I32S(REFUSE, REFUSE, SUCCEED, REFUSE, oversight_audit_reminders_json, "window_days",
         (S, &k_as_of, I32, NULL, &g_s));
    I32S(REFUSE, REFUSE, SUCCEED, REFUSE, oversight_audit_wilson, "k", (I32, 10, NULL, NULL, NULL));
    I32S(REFUSE, REFUSE, SUCCEED, EITHER, oversight_audit_wilson, "n", (0, I32, NULL, NULL, NULL));
}

static void batch_area(void) {
    oversight_batch_options o = OVERSIGHT_BATCH_OPTIONS_INIT;
    oversight_batch_event e = OVERSIGHT_BATCH_EVENT_INIT;
    oversight_batch *b = NULL;
    static const char item[] = "{\"op\":\"child\",\"child\":\"C9\"}";
    static const char with_nul[] = "{\"op\":\"child\",\"child\":\"C9\"}\0{\"op\":\"child\",\"child\":\"C10\"}";
    static const char nul_in_string[] = "{\"op\":\"child\",\"child\":\"C9\0x\"}";
    static const char *const bad_docs[] = {"{", "[]", "{\"op\":\"child\",\"child\":\"C9\",\"child\":\"C8\"}",
                                           "{\"op\":\"child\",\"child\":5e444}", "{\"op\":\"drop_table\"}",
                                           "\xef\xbb\xbf{\"op\":\"child\",\"child\":\"C9\"}",
                                           ("{\"format\":\"oversight-batch\",\"version\":1,\"items\":[{\"op\":\"event\","
                                            "\"child\":\"C9\",\"type\":\"became_looked_after\",\"date\":\"2012-02-30\"}]}")};
    volatile size_t i;

    INIT(oversight_batch_options_init, oversight_batch_options, OVERSIGHT_BATCH_OPTIONS_VERSION);
    CALL(REFUSE, oversight_batch_apply_json, "store = NULL", (NULL, item, sizeof item - 1, NULL, &g_s));
    CALL(REFUSE, oversight_batch_apply_json, "text = NULL", (S, NULL, 10, NULL, &g_s));
    CALL(REFUSE, oversight_batch_apply_json, "out = NULL", (S, item, sizeof item - 1, NULL, NULL));
    CALL(EITHER, oversight_batch_apply_json, "length 0 (no items)", (S, item, 0, NULL, &g_s));
    CALL(REFUSE, oversight_batch_apply_json, "embedded NUL between items", (S, with_nul, sizeof with_nul - 1, NULL, &g_s));
    CALL(REFUSE, oversight_batch_apply_json, "embedded NUL in a string", (S, nul_in_string, sizeof nul_in_string - 1, NULL, &g_s));
    CALL(REFUSE, oversight_batch_apply_json, "length shorter than the text", (S, item, 5, NULL, &g_s));
    /* NDJSON: an empty or blank text holds no items. */
    TEXTS(OPT, oversight_batch_apply_json, "text", (S, T, strlen(T), NULL, &g_s));
    for (i = 0; i < sizeof bad_docs / sizeof bad_docs[0]; ++i) {
        set_case("text = %s%s", bad_docs[i], "");
        CALL(REFUSE, oversight_batch_apply_json, g_case, (S, bad_docs[i], strlen(bad_docs[i]), NULL, &g_s));
    }
    VERSIONS(o, OVERSIGHT_BATCH_OPTIONS_VERSION, oversight_batch_apply_json, (S, item, sizeof item - 1, &o, &g_s));
    TEXTS(ID, oversight_batch_apply_json, "options.recorded_by", (S, item, sizeof item - 1, (o.recorded_by = T, &o), &g_s));
    o.recorded_by = NULL;
    I32S(EITHER, EITHER, SUCCEED, EITHER, oversight_batch_apply_json, "options.stop_at_first_error",
         (S, item, sizeof item - 1, (o.stop_at_first_error = I32, &o), &g_s));
    o.stop_at_first_error = 0;

    CALL(REFUSE, oversight_batch_new, "out = NULL", (NULL));
    CALL(SUCCEED, oversight_batch_new, "valid", (&g_out_batch));
    CALL_STMT(oversight_batch_free, "NULL", oversight_batch_free(NULL));
    CALL_STMT(oversight_batch_size, "batch = NULL", g_size = oversight_batch_size(NULL));
    if (g_size != 0) failure("not 0 for a NULL batch", OVERSIGHT_OK);

    must(oversight_batch_new(&b), "batch_new");
    CALL(REFUSE, oversight_batch_add_json, "batch = NULL", (NULL, item, sizeof item - 1));
    CALL(REFUSE, oversight_batch_add_json, "text = NULL", (b, NULL, 3));
    CALL(REFUSE, oversight_batch_add_json, "embedded NUL between items", (b, with_nul, sizeof with_nul - 1));
    CALL(REFUSE, oversight_batch_add_json, "embedded NUL in a string", (b, nul_in_string, sizeof nul_in_string - 1));
    CALL(REFUSE, oversight_batch_add_json, "length SIZE_MAX", (b, item, (size_t)-1 / 2));
    TEXTS(OPT, oversight_batch_add_json, "text", (b, T, strlen(T)));
    for (i = 0; i < sizeof bad_docs / sizeof bad_docs[0]; ++i) {
        set_case("text = %s%s", bad_docs[i], "");
        CALL(REFUSE, oversight_batch_add_json, g_case, (b, bad_docs[i], strlen(bad_docs[i])));
    }

    INIT(oversight_batch_event_init, oversight_batch_event, OVERSIGHT_BATCH_EVENT_VERSION);
    e.child_id = "C9";
    e.type = "became_looked_after";
    e.date = k_day;
    CALL(REFUSE, oversight_batch_add_event, "batch = NULL", (NULL, &e));
    CALL(REFUSE, oversight_batch_add_event, "event = NULL", (b, NULL));
    VERSIONS(e, OVERSIGHT_BATCH_EVENT_VERSION, oversight_batch_add_event, (b, &e));
    TEXTS(OPT, oversight_batch_add_event, "event.child_id", (b, (e.child_id = T, &e)));
    e.child_id = "C9";
    TEXTS(OPT, oversight_batch_add_event, "event.type", (b, (e.type = T, &e)));
    e.type = "became_looked_after";
    TEXTS(OPT, oversight_batch_add_event, "event.attributes_json", (b, (e.attributes_json = T, &e)));
    e.attributes_json = "{\"a\":\"x\",\"a\":\"y\"}";
    CALL(EITHER, oversight_batch_add_event, "event.attributes_json with a duplicate key", (b, &e));
    e.attributes_json = NULL;
    TEXTS(OPT, oversight_batch_add_event, "event.external_id", (b, (e.external_id = T, &e)));
    e.external_id = NULL;
    DATES(oversight_batch_add_event, "event.date", (b, (e.date = D, &e)));
    e.date = k_day;
    /* Events are checked when the batch is applied: the nonsense added above
     * (empty ids, unknown types, duplicate keys, ...) is refused there, whole. */

    CALL(REFUSE, oversight_batch_apply, "store = NULL", (NULL, b, NULL, &g_s));
    CALL(REFUSE, oversight_batch_apply, "batch = NULL", (S, NULL, NULL, &g_s));
    CALL(REFUSE, oversight_batch_apply, "out = NULL", (S, b, NULL, NULL));
    VERSIONS(o, OVERSIGHT_BATCH_OPTIONS_VERSION, oversight_batch_apply, (S, b, &o, &g_s));
    CALL(REFUSE, oversight_batch_apply, "a batch holding the nonsense events added above", (S, b, NULL, &g_s));
    CALL_STMT(oversight_batch_free, "valid, refused", oversight_batch_free(b));
    must(oversight_batch_new(&b), "batch_new");
    CALL(EITHER, oversight_batch_apply, "an empty batch", (S, b, NULL, &g_s));
    CALL_STMT(oversight_batch_free, "valid, empty", oversight_batch_free(b));
    /* A child id with SQL metacharacters is valid (the child exists: casework_area). */
    must(oversight_batch_new(&b), "batch_new");
    e.child_id = "'; DROP TABLE events; --";
    CALL(SUCCEED, oversight_batch_add_event, "event.child_id = SQL metacharacters", (b, &e));
    CALL(SUCCEED, oversight_batch_apply, "a child id with SQL metacharacters", (S, b, NULL, &g_s));
    CALL_STMT(oversight_batch_free, "valid, applied", oversight_batch_free(b));
}

static void reminders_area(void) {
    oversight_reminders_query q = OVERSIGHT_REMINDERS_QUERY_INIT;
    oversight_reminders_ics_options ics = OVERSIGHT_REMINDERS_ICS_OPTIONS_INIT;
    oversight_reminders_acknowledgement ack = OVERSIGHT_REMINDERS_ACKNOWLEDGEMENT_INIT;
    oversight_reminders_changes_query cq = OVERSIGHT_REMINDERS_CHANGES_QUERY_INIT;
    static const char *const bad_stamps[] = {"2024-02-30T00:00:00Z", "2024-01-01T25:00:00Z", "2024-01-01T00:00:00",
                                             "'; DROP TABLE x; --", "2024-01-01T00:00:60Z\r\nX-EVIL:1"};
    static const char *const bad_previous[] = {"{", "[]x", "{\"format\":\"oversight-reminders\",\"version\":5e444}",
                                               "{\"format\":\"oversight-reminders\",\"format\":\"x\",\"version\":1}",
                                               "[{\"child_id\":\"C1\",\"due\":\"2012-02-30\"}]"};
    volatile size_t i;

    INIT(oversight_reminders_query_init, oversight_reminders_query, OVERSIGHT_REMINDERS_QUERY_VERSION);
    q.as_of = &k_as_of;
    CALL(REFUSE, oversight_reminders_json, "store = NULL", (NULL, &q, &g_s));
    CALL(REFUSE, oversight_reminders_json, "out = NULL", (S, &q, NULL));
    VERSIONS(q, OVERSIGHT_REMINDERS_QUERY_VERSION, oversight_reminders_json, (S, &q, &g_s));
    DATES(oversight_reminders_json, "query.as_of", (S, (q.as_of = DP, &q), &g_s));
    q.as_of = &k_as_of;
    I32S(REFUSE, REFUSE, SUCCEED, REFUSE, oversight_reminders_json, "query.within_working_days",
         (S, (q.within_working_days = I32, &q), &g_s));
    q.within_working_days = 10;
    TEXTS(FILTER, oversight_reminders_json, "query.worker", (S, (q.worker = T, &q), &g_s));
    q.worker = NULL;
    TEXTS(FILTER, oversight_reminders_json, "query.team", (S, (q.team = T, &q), &g_s));
    q.team = NULL;
    CALL(REFUSE, oversight_reminders_digest, "store = NULL", (NULL, &q, &g_s));
    CALL(REFUSE, oversight_reminders_digest, "out = NULL", (S, &q, NULL));
    VERSIONS(q, OVERSIGHT_REMINDERS_QUERY_VERSION, oversight_reminders_digest, (S, &q, &g_s));
    DATES(oversight_reminders_digest, "query.as_of", (S, (q.as_of = DP, &q), &g_s));
    q.as_of = &k_as_of;
    TEXTS(FILTER, oversight_reminders_digest, "query.worker", (S, (q.worker = T, &q), &g_s));
    q.worker = NULL;

    INIT(oversight_reminders_ics_options_init, oversight_reminders_ics_options, OVERSIGHT_REMINDERS_ICS_OPTIONS_VERSION);
    CALL(REFUSE, oversight_reminders_ics, "store = NULL", (NULL, &q, &ics, &g_s));
    CALL(REFUSE, oversight_reminders_ics, "out = NULL", (S, &q, &ics, NULL));
    VERSIONS(ics, OVERSIGHT_REMINDERS_ICS_OPTIONS_VERSION, oversight_reminders_ics, (S, &q, &ics, &g_s));
    VERSIONS(q, OVERSIGHT_REMINDERS_QUERY_VERSION, oversight_reminders_ics, (S, &q, &ics, &g_s));
    I32S(REFUSE, REFUSE, SUCCEED, REFUSE, oversight_reminders_ics, "ics.alarm_days", (S, &q, (ics.alarm_days = I32, &ics), &g_s));
    ics.alarm_days = 366;
    CALL(REFUSE, oversight_reminders_ics, "ics.alarm_days = 366", (S, &q, &ics, &g_s));
    ics.alarm_days = 2;
    TEXTS(ID, oversight_reminders_ics, "ics.dtstamp", (S, &q, (ics.dtstamp = T, &ics), &g_s));
    for (i = 0; i < sizeof bad_stamps / sizeof bad_stamps[0]; ++i) {
        ics.dtstamp = bad_stamps[i];
        set_case("ics.dtstamp = %s%s", bad_stamps[i], "");
        CALL(REFUSE, oversight_reminders_ics, g_case, (S, &q, &ics, &g_s));
    }
    ics.dtstamp = NULL;

    INIT(oversight_reminders_acknowledgement_init, oversight_reminders_acknowledgement,
         OVERSIGHT_REMINDERS_ACKNOWLEDGEMENT_VERSION);
    ack.child_id = "C1";
    ack.rule_id = "lac.review.first";
    ack.due = k_as_of;
    ack.by = "Ann Lee";
    CALL(REFUSE, oversight_reminders_acknowledge, "store = NULL", (NULL, &ack));
    CALL(REFUSE, oversight_reminders_acknowledge, "acknowledgement = NULL", (S, NULL));
    VERSIONS(ack, OVERSIGHT_REMINDERS_ACKNOWLEDGEMENT_VERSION, oversight_reminders_acknowledge, (S, &ack));
    TEXTS(ID, oversight_reminders_acknowledge, "acknowledgement.child_id", (S, (ack.child_id = T, &ack)));
    ack.child_id = "C1";
    TEXTS(ID, oversight_reminders_acknowledge, "acknowledgement.rule_id", (S, (ack.rule_id = T, &ack)));
    ack.rule_id = "lac.review.first";
    TEXTS(ID, oversight_reminders_acknowledge, "acknowledgement.by", (S, (ack.by = T, &ack)));
    ack.by = "Ann Lee";
    TEXTS(OPT, oversight_reminders_acknowledge, "acknowledgement.note", (S, (ack.note = T, &ack)));
    ack.note = NULL;
    DATES(oversight_reminders_acknowledge, "acknowledgement.due", (S, (ack.due = D, &ack)));
    ack.due = k_as_of;

    INIT(oversight_reminders_changes_query_init, oversight_reminders_changes_query,
         OVERSIGHT_REMINDERS_CHANGES_QUERY_VERSION);
    cq.reminders = &q;
    cq.from = &k_day;
    CALL(REFUSE, oversight_reminders_changes_json, "store = NULL", (NULL, &cq, &g_s));
    CALL(REFUSE, oversight_reminders_changes_json, "query = NULL", (S, NULL, &g_s));
    CALL(REFUSE, oversight_reminders_changes_json, "out = NULL", (S, &cq, NULL));
    VERSIONS(cq, OVERSIGHT_REMINDERS_CHANGES_QUERY_VERSION, oversight_reminders_changes_json, (S, &cq, &g_s));
    VERSIONS(q, OVERSIGHT_REMINDERS_QUERY_VERSION, oversight_reminders_changes_json, (S, &cq, &g_s));
    DATES(oversight_reminders_changes_json, "query.from", (S, (cq.from = DP, &cq), &g_s));
    cq.from = &k_as_of;
    q.as_of = &k_day;
    CALL(REFUSE, oversight_reminders_changes_json, "query.from after as_of", (S, &cq, &g_s));
    q.as_of = &k_as_of;
    cq.from = NULL;
    TEXTS(ID, oversight_reminders_changes_json, "query.previous_json", (S, (cq.previous_json = T, &cq), &g_s));
    for (i = 0; i < sizeof bad_previous / sizeof bad_previous[0]; ++i) {
        cq.previous_json = bad_previous[i];
        set_case("query.previous_json = %s%s", bad_previous[i], "");
        CALL(REFUSE, oversight_reminders_changes_json, g_case, (S, &cq, &g_s));
    }
    cq.previous_json = "{\"format\":\"oversight-reminders\",\"version\":1,\"reminders\":[]}";
    cq.from = &k_day;
    CALL(REFUSE, oversight_reminders_changes_json, "both from and previous_json", (S, &cq, &g_s));
}

/* Handles of the wrong kind (cast through void *): a calendar as a store,
 * a store as a calendar, ... Tried last: a library that does not check the
 * kind may corrupt the handle it was given. */
/* Indicators (issue 11 point 5). */
static void indicator_area(void) {
    static const char visits[] =
        "{\"key\":\"visits\",\"name\":\"% of visits in timescale\",\"unit\":\"%\",\"target\":85,\"amber\":70}";
    oversight_indicator_value v = OVERSIGHT_INDICATOR_VALUE_INIT;
    oversight_indicator_refresh_options o = OVERSIGHT_INDICATOR_REFRESH_OPTIONS_INIT;

    CALL(REFUSE, oversight_indicator_save, "store = NULL", (NULL, PLAN, visits, &g_i64));
    TEXTS(ID, oversight_indicator_save, "json", (S, PLAN, T, &g_i64));
    I64S(oversight_indicator_save, "plan_id", (S, I64, visits, &g_i64));
    CALL(REFUSE, oversight_indicator_save, "amber above the target",
         (S, PLAN, "{\"key\":\"k\",\"name\":\"N\",\"target\":1,\"amber\":2}", &g_i64));
    CALL(REFUSE, oversight_indicator_save, "a number too large for a double",
         (S, PLAN, "{\"key\":\"k\",\"name\":\"N\",\"target\":1e999,\"amber\":1}", &g_i64));
    CALL(SUCCEED, oversight_indicator_save, "an entered indicator", (S, PLAN, visits, &g_i64));

    INIT(oversight_indicator_value_init, oversight_indicator_value, OVERSIGHT_INDICATOR_VALUE_VERSION);
    v.month = k_day;
    v.value = 62.5;
    CALL(REFUSE, oversight_indicator_record_value, "store = NULL", (NULL, PLAN, "visits", &v, &g_i64));
    CALL(REFUSE, oversight_indicator_record_value, "value = NULL", (S, PLAN, "visits", NULL, &g_i64));
    VERSIONS(v, OVERSIGHT_INDICATOR_VALUE_VERSION, oversight_indicator_record_value, (S, PLAN, "visits", &v, &g_i64));
    TEXTS(ID, oversight_indicator_record_value, "key", (S, PLAN, T, &v, &g_i64));
    I64S(oversight_indicator_record_value, "plan_id", (S, I64, "visits", &v, &g_i64));
    DATES(oversight_indicator_record_value, "value.month", (S, PLAN, "visits", (v.month = D, &v), &g_i64));
    v.month = k_day;
    TEXTS(OPT, oversight_indicator_record_value, "value.entered_by", (S, PLAN, "visits", (v.entered_by = T, &v), &g_i64));
    v.entered_by = NULL;
    TEXTS(OPT, oversight_indicator_record_value, "value.note", (S, PLAN, "visits", (v.note = T, &v), &g_i64));
    v.note = NULL;
    v.value = strtod("inf", NULL);
    CALL(REFUSE, oversight_indicator_record_value, "value = infinity", (S, PLAN, "visits", &v, &g_i64));
    v.value = 62.5;
    CALL(SUCCEED, oversight_indicator_record_value, "a value", (S, PLAN, "visits", &v, &g_i64));

    CALL(REFUSE, oversight_indicator_link, "store = NULL", (NULL, PLAN, "1.1", "visits"));
    TEXTS(ID, oversight_indicator_link, "action_ref", (S, PLAN, T, "visits"));
    TEXTS(ID, oversight_indicator_link, "key", (S, PLAN, "1.1", T));
    I64S(oversight_indicator_link, "plan_id", (S, I64, "1.1", "visits"));
    CALL(SUCCEED, oversight_indicator_link, "the fixture's action", (S, PLAN, "1.1", "visits"));
    CALL(REFUSE, oversight_indicator_link, "linked twice", (S, PLAN, "1.1", "visits"));

    CALL(REFUSE, oversight_indicator_list_json, "store = NULL", (NULL, PLAN, NULL, 0, &g_s));
    CALL(REFUSE, oversight_indicator_list_json, "out = NULL", (S, PLAN, NULL, 0, NULL));
    I64S(oversight_indicator_list_json, "plan_id", (S, I64, NULL, 0, &g_s));
    DATES(oversight_indicator_list_json, "as_of", (S, PLAN, DP, 0, &g_s));
    CALL(SUCCEED, oversight_indicator_list_json, "as text", (S, PLAN, &k_as_of, 1, &g_s));

    INIT(oversight_indicator_refresh_options_init, oversight_indicator_refresh_options,
         OVERSIGHT_INDICATOR_REFRESH_OPTIONS_VERSION);
    CALL(REFUSE, oversight_indicator_refresh, "store = NULL", (NULL, PLAN, NULL, NULL, &g_i32));
    VERSIONS(o, OVERSIGHT_INDICATOR_REFRESH_OPTIONS_VERSION, oversight_indicator_refresh, (S, PLAN, NULL, &o, &g_i32));
    I64S(oversight_indicator_refresh, "plan_id", (S, I64, NULL, NULL, &g_i32));
    I32S(REFUSE, REFUSE, REFUSE, REFUSE, oversight_indicator_refresh, "opts.months",
         (S, PLAN, &k_as_of, (o.months = I32, &o), &g_i32));
    o.months = 2;
    o.rule_pack = PACK;
    o.calendar = CAL;
    DATES(oversight_indicator_refresh, "as_of", (S, PLAN, DP, &o, &g_i32));
    CALL(SUCCEED, oversight_indicator_refresh, "the fixture's pack and calendar", (S, PLAN, &k_as_of, &o, &g_i32));
}

static void wrong_kind_handles(void) {
    oversight_store *store_cal = (oversight_store *)(void *)CAL;
    oversight_store *store_pack = (oversight_store *)(void *)PACK;
    oversight_calendar *cal_store = (oversight_calendar *)(void *)S;
    oversight_rule_pack *pack_cal = (oversight_rule_pack *)(void *)CAL;
    oversight_rule_pack *pack_store = (oversight_rule_pack *)(void *)S;
    oversight_action_iter *iter_store = (oversight_action_iter *)(void *)S;
    oversight_batch *batch_pack = (oversight_batch *)(void *)PACK;
    oversight_batch *batch_cal = (oversight_batch *)(void *)CAL;
    oversight_reminders_query q = OVERSIGHT_REMINDERS_QUERY_INIT;
    oversight_batch_event be = OVERSIGHT_BATCH_EVENT_INIT;
    oversight_casework_event ev = event_of("C1", "became_looked_after");

    CALL(REFUSE, oversight_store_schema_version, "store = a calendar", (store_cal, &g_i32));
    CALL(REFUSE, oversight_store_set_actor, "store = a rule pack", (store_pack, "x"));
    CALL(REFUSE, oversight_plan_list_json, "store = a calendar", (store_cal, &g_s));
    CALL(REFUSE, oversight_casework_save_child, "store = a rule pack", (store_pack, "C7", NULL));
    CALL(REFUSE, oversight_store_history_json, "store = a calendar", (store_cal, NULL, &g_s));
    CALL(REFUSE, oversight_calendar_is_working_day, "calendar = a store", (cal_store, k_day, &g_i32));
    CALL(REFUSE, oversight_calendar_add_units, "calendar = a store", (cal_store, k_day, 1, "weeks", &g_date));
    GETTER_STR(oversight_calendar_division, "calendar = a store", cal_store);
    GETTER_STR(oversight_rule_pack_name, "pack = a calendar", pack_cal);
    CALL(REFUSE, oversight_rule_pack_rules_json, "pack = a store", (pack_store, &g_s));
    CALL(REFUSE, oversight_rule_pack_due_date, "calendar = a store", (PACK, "lac.review.first", k_day, cal_store, &g_date));
    CALL(REFUSE, oversight_rule_pack_layered, "local = a calendar", (&g_out_pack, PACK, pack_cal));
    CALL(REFUSE, oversight_action_iter_next, "iter = a store", (iter_store, &g_i32));
    GETTER_STR(oversight_action_iter_ref, "iter = a store", iter_store);
    CALL_STMT(oversight_batch_size, "batch = a rule pack", g_size = oversight_batch_size(batch_pack));
    if (g_size != 0) failure("not 0 for a rule pack given as a batch", OVERSIGHT_OK);
    be.child_id = "C1";
    be.type = "became_looked_after";
    be.date = k_day;
    CALL(REFUSE, oversight_batch_add_event, "batch = a calendar", (batch_cal, &be));
    CALL(REFUSE, oversight_batch_apply, "batch = a rule pack", (S, batch_pack, NULL, &g_s));
    q.as_of = &k_as_of;
    q.calendar = cal_store;
    CALL(REFUSE, oversight_reminders_json, "query.calendar = a store", (S, &q, &g_s));
    q.calendar = NULL;
    q.rule_pack = pack_cal;
    CALL(REFUSE, oversight_reminders_json, "query.rule_pack = a calendar", (S, &q, &g_s));
    ev.rule_pack = pack_store;
    CALL(REFUSE, oversight_casework_record_event, "event.rule_pack = a store", (S, &ev, &g_i64));
}

/* Runs `section` in a child process: a library that corrupts its heap there
 * (a handle of the wrong kind read as another) cannot take the rest of the
 * run with it. The child's figures join the run's; its death, or an exit
 * status valgrind set (errors in the child), is one more failure. */
static void isolated(void (*section)(void), const char *name) {
    struct progress *shared;
    pid_t pid;
    int status = 0;
    shared = mmap(NULL, sizeof *shared, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (shared == MAP_FAILED) {
        perror("mmap");
        exit(2);
    }
    memset(shared, 0, sizeof *shared);
    fflush(stdout);
    pid = fork();
    if (pid < 0) {
        perror("fork");
        exit(2);
    }
    if (pid == 0) {
        g_calls = g_refused = g_failures = 0;
        g_progress = shared;
        section();
        report_progress();
        fflush(stdout);
        _exit(0);
    }
    waitpid(pid, &status, 0);
    g_calls += shared->calls;
    g_refused += shared->refused;
    g_failures += shared->failures;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        ++g_failures;
        if (WIFSIGNALED(status))
            printf("FAIL %s [%s]: the %s section died of signal %d (heap corrupted?) in or after this case\n",
                   shared->fn, shared->label, name, WTERMSIG(status));
        else
            printf("FAIL %s [%s]: the %s section exited with status %d (99: valgrind found errors in it)\n",
                   shared->fn, shared->label, name, WEXITSTATUS(status));
    }
    munmap(shared, sizeof *shared);
}

/* Every symbol of symbols.txt was called. */
static void check_symbols(const char *path) {
    FILE *f = fopen(path, "r");
    char line[512];
    int missing = 0, listed = 0;
    if (!f) {
        printf("FAIL check_symbols [%s]: cannot open the symbol list\n", path);
        ++g_failures;
        return;
    }
    while (fgets(line, sizeof line, f)) {
        char name[256];
        int i, found = 0;
        if (line[0] == '#' || sscanf(line, "%255s", name) != 1) continue;
        ++listed;
        for (i = 0; i < g_name_count && !found; ++i) found = strcmp(g_names[i], name) == 0;
        if (!found) {
            printf("FAIL %s [symbols.txt]: exported but never called by this program\n", name);
            ++missing;
        }
    }
    fclose(f);
    g_failures += missing;
    if (listed == 0) {
        printf("FAIL check_symbols [%s]: no symbols listed\n", path);
        ++g_failures;
    }
    printf("hostile: %d of %d exported functions called\n", listed - missing, listed);
}

int main(int argc, char **argv) {
    char *symbols;
    stack_t ss;
    struct sigaction sa;
    int i;
    long before, after;
    static const int sigs[] = {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL};

    if (argc < 2) {
        fprintf(stderr, "usage: %s SYMBOLS_TXT [--large-bytes N] [--known FILE]\n", argv[0]);
        return 2;
    }
    symbols = realpath(argv[1], NULL); /* before set_up() changes the working folder */
    if (!symbols) {
        perror(argv[1]);
        return 2;
    }
    for (i = 2; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--large-bytes") == 0) g_large_bytes = (size_t)strtoul(argv[i + 1], NULL, 10);
        if (strcmp(argv[i], "--known") == 0) read_known(argv[i + 1]);
    }
    if (g_large_bytes < 1024) g_large_bytes = 1024;
    g_large = malloc(g_large_bytes + 1);
    if (!g_large) return 2;
    memset(g_large, 'a', g_large_bytes);
    g_large[g_large_bytes] = '\0';

    ss.ss_sp = malloc(1 << 16);
    ss.ss_size = 1 << 16;
    ss.ss_flags = 0;
    sigaltstack(&ss, NULL);
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_ONSTACK | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    for (i = 0; i < (int)(sizeof sigs / sizeof sigs[0]); ++i) sigaction(sigs[i], &sa, NULL);

    T = "x";
    D = k_day;
    DP = &D;
    set_up();
    before = count_history();
    if (before < 1) {
        printf("hostile: set-up failed: the fixture's history is empty (%ld)\n", before);
        return 2;
    }

    base_and_date();
    store_area();
    calendar_area();
    rule_pack_area();
    plan_area();
    action_iter_area();
    report_area();
    import_area();
    workforce_area();
    casework_area();
    batch_area();
    reminders_area();
    compliance_and_trackers_area();
    audit_area();
    indicator_area();

    /* The store is intact: the fixture's child is there, the plan exports. */
    after = count_history();
    g_fn = "(store intact)";
    set_case("after every hostile call%s%s", "", "");
    if (after < before) failure("history entries are missing", OVERSIGHT_OK);
    if (oversight_casework_case_json(S, "C1", k_as_of, &g_s) != OVERSIGHT_OK || !strstr(g_s, "became_looked_after"))
        failure("the fixture's child C1 lost its event", OVERSIGHT_OK);
    release();
    CALL(SUCCEED, oversight_casework_case_json, "the fixture's child C1", (S, "C1", k_as_of, &g_s));
    CALL(SUCCEED, oversight_plan_export_csv, "the fixture's plan", (S, PLAN, &g_s));
    CALL(SUCCEED, oversight_store_schema_version, "the fixture's store", (S, &g_i32));

    isolated(wrong_kind_handles, "wrong-kind handles");

    CALL_STMT(oversight_action_iter_free, "NULL again", oversight_action_iter_free(NULL));
    CALL_STMT(oversight_rule_pack_free, "the fixture's pack", oversight_rule_pack_free(PACK));
    CALL_STMT(oversight_calendar_free, "the fixture's calendar", oversight_calendar_free(CAL));
    CALL_STMT(oversight_store_free, "the fixture's store", oversight_store_free(S));

    check_symbols(symbols);
    {
        char cmd[160];
        snprintf(cmd, sizeof cmd, "cd / && rm -rf '%s'", g_dir);
        if (system(cmd) != 0) printf("hostile: could not remove %s\n", g_dir);
    }
    free(g_large);
    free(symbols);
    ss.ss_flags = SS_DISABLE;
    sigaltstack(&ss, NULL);
    free(ss.ss_sp);
    for (i = 0; i < g_known_count; ++i) {
        if (g_known_seen[i]) continue;
        printf("FAIL %s: listed as a known failure but it no longer fails: take it off the list\n", g_known[i]);
        ++g_failures;
    }
    for (i = 0; i < g_known_count; ++i) free(g_known[i]);
    printf("hostile: %ld calls, %ld nonsense refused, %ld known failures, %ld failures\n", g_calls, g_refused,
           g_known_hits, g_failures);
    return g_failures == 0 ? 0 : 1;
}
