/*
 * <oversight/c/store.h> - the store: plans, casework and the change history.
 *
 * Opening a store migrates its schema. Every change made through the library
 * runs in one transaction and writes history rows in it (who, when, the old
 * and the new value); a failed change leaves the store as it was.
 *
 * Threads and processes. A store handle is used by one thread at a time
 * (it may be handed from one thread to another, never used by two at once).
 * Any number of handles, in any threads and processes, may open the same
 * file at once - a file that does not exist yet included: the first to get
 * the lock creates and migrates it, the others find it migrated - and write
 * to it. A write waits while another handle's write transaction runs, up to
 * the busy timeout (busy_timeout_ms, default 5000), retrying with backoff
 * where SQLite gives up early; "database is locked" (OVERSIGHT_E_DB, the
 * message naming the busy timeout) reaches a caller only when one
 * transaction held the store for longer than that. Reads never wait for a
 * writer (the file is in WAL mode) and see the store as last committed.
 * Rule packs and calendars are immutable and may be shared by any number of
 * threads (<oversight/c/rule_pack.h>, <oversight/c/calendar.h>); the last
 * error is per thread (<oversight/c/base.h>). A handle is never shared
 * across fork(): open one in the child.
 */
#ifndef OVERSIGHT_C_STORE_H
#define OVERSIGHT_C_STORE_H

#include <oversight/c/base.h>

OVERSIGHT_BEGIN_DECLS

/* Where a store keeps its data. */
typedef enum oversight_store_backend {
    OVERSIGHT_STORE_BACKEND_SQLITE = 0, /* a SQLite file at `location` */
    OVERSIGHT_STORE_BACKEND_MEMORY = 1  /* a private in-memory store; `location` must be NULL */
} oversight_store_backend;

/* How to open a store. (Enumerations in structs are int32_t holding the
 * enum's values, so that the layout and every value a caller may store are
 * fixed; an unknown value is refused.) */
typedef struct oversight_store_options {
    uint32_t version;        /* OVERSIGHT_STORE_OPTIONS_VERSION */
    int32_t backend;         /* an oversight_store_backend; default OVERSIGHT_STORE_BACKEND_SQLITE */
    int32_t read_only;       /* 1: refuse every change; default 0 */
    int32_t create;          /* 1 (default): create a missing store; 0: OVERSIGHT_E_NOT_FOUND */
    int32_t busy_timeout_ms; /* how long to wait for a lock another connection holds, 0..600000; default 5000 */
} oversight_store_options;

#define OVERSIGHT_STORE_OPTIONS_VERSION 1
#define OVERSIGHT_STORE_OPTIONS_INIT { OVERSIGHT_STORE_OPTIONS_VERSION, OVERSIGHT_STORE_BACKEND_SQLITE, 0, 1, 5000 }

/* Fills *opts with the defaults of OVERSIGHT_STORE_OPTIONS_INIT for
 * `version`; OVERSIGHT_E_INVALID_ARG for NULL or an unknown version. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_store_options_init(oversight_store_options *opts,
                                                                           uint32_t version) OVERSIGHT_NOEXCEPT;

/* Opens the store at `location` (for SQLite, a UTF-8 file path; NULL for the
 * memory backend), creating and migrating it as `opts` allows (NULL: the
 * defaults, a SQLite file created if missing). *out is NULL on failure; free
 * the handle with oversight_store_free(). OVERSIGHT_E_IO if the file cannot be
 * opened, OVERSIGHT_E_DB if it is not an Oversight store or is newer than this
 * library. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_store_open(oversight_store **out, const char *location,
                                                                   const oversight_store_options *opts) OVERSIGHT_NOEXCEPT;

/* Closes the store. Accepts NULL. */
OVERSIGHT_API void OVERSIGHT_CALL oversight_store_free(oversight_store *store) OVERSIGHT_NOEXCEPT;

/* Who the changes that follow are recorded as in the history (non-empty
 * UTF-8; "oversight" until set). A refused name keeps the previous one. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_store_set_actor(oversight_store *store,
                                                                        const char *actor) OVERSIGHT_NOEXCEPT;

/* The schema version of the open store. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_store_schema_version(const oversight_store *store,
                                                                             int32_t *out) OVERSIGHT_NOEXCEPT;

/* Which history rows to read. */
typedef struct oversight_store_history_query {
    uint32_t version;   /* OVERSIGHT_STORE_HISTORY_QUERY_VERSION */
    const char *entity; /* "plan", "action", "child", ...; NULL: every entity */
    int64_t entity_id;  /* 0: every id */
    int64_t after_seq;  /* only rows with seq > after_seq (paging); 0: from the first */
    int32_t limit;      /* at most this many rows, oldest first; 0: no limit */
} oversight_store_history_query;

#define OVERSIGHT_STORE_HISTORY_QUERY_VERSION 1
#define OVERSIGHT_STORE_HISTORY_QUERY_INIT { OVERSIGHT_STORE_HISTORY_QUERY_VERSION, NULL, 0, 0, 0 }

/* Fills *opts with the defaults of OVERSIGHT_STORE_HISTORY_QUERY_INIT. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_store_history_query_init(oversight_store_history_query *opts,
                                                                                 uint32_t version) OVERSIGHT_NOEXCEPT;

/* The change history selected by `query` (NULL: all of it) as an owned JSON
 * document {"format":"oversight-history","version":1,"changes":[{"seq","at",
 * "actor","entity","entity_id","field","old","new"}]}, oldest first; "old"
 * and "new" are null where there was no value ("field" "*" is a creation or a
 * deletion). OVERSIGHT_E_INVALID_ARG for a negative id, seq or limit. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_store_history_json(const oversight_store *store,
                                                                           const oversight_store_history_query *query,
                                                                           char **out) OVERSIGHT_NOEXCEPT;

/* Which page of the change feed to read. */
typedef struct oversight_store_changes_query {
    uint32_t version;   /* OVERSIGHT_STORE_CHANGES_QUERY_VERSION */
    int64_t since;      /* the last sequence the reader has seen ("next" of its last page); 0: from the start */
    int32_t limit;      /* at most this many rows, 1..10000; default 500 */
    const char *entity; /* only this kind ("child", "event", "allocation", ...); NULL: every kind */
} oversight_store_changes_query;

#define OVERSIGHT_STORE_CHANGES_QUERY_VERSION 1
#define OVERSIGHT_STORE_CHANGES_QUERY_INIT { OVERSIGHT_STORE_CHANGES_QUERY_VERSION, 0, 500, NULL }

/* Fills *opts with the defaults of OVERSIGHT_STORE_CHANGES_QUERY_INIT. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_store_changes_query_init(oversight_store_changes_query *opts,
                                                                                 uint32_t version) OVERSIGHT_NOEXCEPT;

/* The change feed: the history rows after `since`, oldest first, as an owned
 * JSON document {"format":"oversight-history","version":1,"since","entity"
 * (or null),"next","latest","more","changes":[{"seq","at","actor","entity",
 * "entity_id","field","old","new"}]} (changes_since,
 * <oversight/store/history.hpp>, describes the rows). Keep "next" and read
 * again from it while "more" is true. NULL `query`: the defaults.
 * OVERSIGHT_E_INVALID_ARG for a negative `since`, a limit outside 1..10000,
 * an unknown entity, or a `since` after the store's latest sequence (a
 * bookmark from another store, or a store restored from an older backup:
 * the reader must resynchronise). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_store_changes_json(const oversight_store *store,
                                                                           const oversight_store_changes_query *query,
                                                                           char **out) OVERSIGHT_NOEXCEPT;

/* Checks the history's hash chain (<oversight/store/history.hpp>, "Tamper
 * evidence") and gives the outcome as an owned JSON document
 * {"format":"oversight-history-verification","version":1,"store","ok","rows",
 *  "head":{"seq","hash"} (null without history),
 *  "broken":{"seq","problem","message"} (null when ok),
 *  "checkpoint":{"seq"} (null when none was checked)}
 * where "problem" is "values", "entry", "missing", "tail", "salt",
 * "checkpoint" or "signature". A broken chain is a result, not an error: the
 * call returns OVERSIGHT_OK with "ok": false. With `checkpoint_json` (an
 * oversight-history-checkpoint document) and `public_key_pem` (the Ed25519
 * public key, PEM) also checks the checkpoint: its signature, and that the
 * row at its sequence still has its hash (this finds a truncated history,
 * which the chain alone cannot). Both NULL: the chain only; one without the
 * other: OVERSIGHT_E_INVALID_ARG. OVERSIGHT_E_PARSE for a checkpoint that
 * is not one (the message names the field), OVERSIGHT_E_INVALID_ARG for a
 * key that is not an Ed25519 public key. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_store_verify_history(const oversight_store *store,
                                                                             const char *checkpoint_json,
                                                                             const char *public_key_pem,
                                                                             char **out) OVERSIGHT_NOEXCEPT;

/* A signed checkpoint of the history as it is now, as an owned JSON document
 * {"format":"oversight-history-checkpoint","version":1,"store","seq","hash",
 *  "at","signature"}, signed with the Ed25519 private key `private_key_pem`
 * (PEM, as `openssl genpkey -algorithm ed25519` writes it). Keep it outside
 * the store. OVERSIGHT_E_INVALID_ARG for a key that is not an Ed25519 private
 * key, or a store without history. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_store_history_checkpoint(const oversight_store *store,
                                                                                 const char *private_key_pem,
                                                                                 char **out) OVERSIGHT_NOEXCEPT;

OVERSIGHT_END_DECLS

#endif /* OVERSIGHT_C_STORE_H */
