/*
 * <oversight/c/batch.h> - many casework changes in one transaction.
 *
 * A case system sends its changes (children, allocations, case attributes,
 * events, corrections, deletions, erasures) together: either as a batch
 * document through one call, oversight_batch_apply_json, or by filling a
 * batch handle (oversight_batch_add_json, oversight_batch_add_event) and
 * applying it. All of a batch is stored or none of it: every item is
 * checked, in order, against the store as the earlier items leave it; if
 * any is refused the whole batch is rolled back and the result names every
 * refused item. Sending the same batch again stores it once (upserts by
 * external id; events without one are de-duplicated on their content).
 *
 * The batch document, JSON {"format":"oversight-batch","version":1,
 * "items":[...]} or NDJSON (one item object per line), its ops and fields
 * are described in <oversight/casework/batch.hpp> (schema
 * data/schemas/oversight-batch.schema.json). Items are numbered from 1.
 *
 * The result is an owned JSON document (oversight_free):
 *   {"format":"oversight-batch-result","version":1,"applied":true|false,
 *    "items","added","updated","unchanged","deleted",
 *    "errors":[{"item" (1-based),"line" (NDJSON line, or null),"op",
 *               "external_id" (or null),"child" (or null),
 *               "status" ("invalid_arg","not_found","conflict","parse",...),
 *               "message"}]}
 * (schema data/schemas/oversight-batch-result.schema.json).
 *
 * Status of the apply calls: OVERSIGHT_OK when the batch was applied;
 * OVERSIGHT_E_INVALID_ARG when one or more items were refused and nothing
 * was stored - *out_result_json is then still set, listing every refused
 * item, and oversight_last_error_message() gives a one-line account; any
 * other status (NULL arguments, a document that is not JSON or not a batch
 * document: OVERSIGHT_E_PARSE; a read-only store; a store failure) with
 * *out_result_json NULL and nothing stored.
 *
 * Threads: a batch handle may be used by one thread at a time.
 */
#ifndef OVERSIGHT_C_BATCH_H
#define OVERSIGHT_C_BATCH_H

#include <oversight/c/base.h>

OVERSIGHT_BEGIN_DECLS

typedef struct oversight_batch oversight_batch;

/* How a batch is applied. */
typedef struct oversight_batch_options {
    uint32_t version;                     /* OVERSIGHT_BATCH_OPTIONS_VERSION */
    const char *recorded_by;              /* events' recorded_by when they give none; NULL: the store's actor;
                                             a name otherwise ("" or blank: OVERSIGHT_E_INVALID_ARG) */
    const oversight_rule_pack *rule_pack; /* the pack whose event types count; NULL: the default England pack */
    int32_t stop_at_first_error;          /* 1: stop checking at the first refused item; default 0 */
} oversight_batch_options;

#define OVERSIGHT_BATCH_OPTIONS_VERSION 1
#define OVERSIGHT_BATCH_OPTIONS_INIT { OVERSIGHT_BATCH_OPTIONS_VERSION, NULL, NULL, 0 }

/* Fills *opts with OVERSIGHT_BATCH_OPTIONS_INIT. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_batch_options_init(oversight_batch_options *opts,
                                                                           uint32_t version) OVERSIGHT_NOEXCEPT;

/* Applies the batch document `text` (`length` bytes; JSON or NDJSON, read
 * whole: it may hold NUL bytes, which are refused where they appear; a
 * byte-order mark at its start is OVERSIGHT_E_PARSE, "batch:1: ...") to
 * the store in one transaction. `options` may be NULL (the defaults).
 * Malformed items (a missing or misspelt field, an impossible date) are
 * refused items like the others: status "parse" in the result. The result,
 * {"format":"oversight-batch-result","version":1,...}, is described above. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_batch_apply_json(oversight_store *store, const char *text,
                                                                         size_t length,
                                                                         const oversight_batch_options *options,
                                                                         char **out_result_json) OVERSIGHT_NOEXCEPT;

/* A new empty batch (oversight_batch_free). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_batch_new(oversight_batch **out) OVERSIGHT_NOEXCEPT;
/* Releases a batch; NULL is ignored. */
OVERSIGHT_API void OVERSIGHT_CALL oversight_batch_free(oversight_batch *batch) OVERSIGHT_NOEXCEPT;
/* How many items the batch holds (0 for NULL). */
OVERSIGHT_API size_t OVERSIGHT_CALL oversight_batch_size(const oversight_batch *batch) OVERSIGHT_NOEXCEPT;

/* Appends the items of `text` (`length` bytes): one item object, NDJSON, or
 * a batch document. OVERSIGHT_E_PARSE naming the item, its line and field
 * when any item is malformed; nothing is appended then. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_batch_add_json(oversight_batch *batch, const char *text,
                                                                       size_t length) OVERSIGHT_NOEXCEPT;

/* An event item, the hot path of a feed (op "event"). */
typedef struct oversight_batch_event {
    uint32_t version;            /* OVERSIGHT_BATCH_EVENT_VERSION */
    const char *child_id;        /* required */
    const char *type;            /* required: an event type (<oversight/c/casework.h>) */
    oversight_date date;         /* required; not after today */
    const char *attributes_json; /* NULL or a JSON object of strings: {"placement_type":"U1"} */
    const char *external_id;     /* NULL or the case system's id of the event */
    const char *recorded_by;     /* NULL: the options' recorded_by */
} oversight_batch_event;

#define OVERSIGHT_BATCH_EVENT_VERSION 1
#define OVERSIGHT_BATCH_EVENT_INIT { OVERSIGHT_BATCH_EVENT_VERSION, NULL, NULL, { 0, 0, 0 }, NULL, NULL, NULL }

/* Fills *opts with OVERSIGHT_BATCH_EVENT_INIT (child_id, type and date must still be set). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_batch_event_init(oversight_batch_event *opts,
                                                                         uint32_t version) OVERSIGHT_NOEXCEPT;

/* Appends an event item. OVERSIGHT_E_INVALID_ARG for a NULL or non-UTF-8
 * field, an impossible date or attributes_json that is not a JSON object of
 * strings; whether the child and type are known is checked when applied. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_batch_add_event(oversight_batch *batch,
                                                                        const oversight_batch_event *event) OVERSIGHT_NOEXCEPT;

/* Applies the batch's items to the store in one transaction (the status and
 * the result as for oversight_batch_apply_json). The batch is left as it
 * was: it may be applied again, or to another store. The result:
 * {"format":"oversight-batch-result","version":1,...}, described above. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_batch_apply(oversight_store *store,
                                                                    const oversight_batch *batch,
                                                                    const oversight_batch_options *options,
                                                                    char **out_result_json) OVERSIGHT_NOEXCEPT;

OVERSIGHT_END_DECLS

#endif /* OVERSIGHT_C_BATCH_H */
