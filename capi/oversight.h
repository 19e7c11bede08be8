/*
 * oversight.h — the stable C ABI of Oversight (liboversight_c).
 *
 * Conventions (see README "C API"):
 *  - Every fallible function returns oversight_status; OVERSIGHT_OK is 0.
 *    Results come back through out-parameters, which come first.
 *  - On failure a UTF-8 message is kept per thread:
 *    oversight_last_error_message() (never NULL).
 *  - Strings in and out are NUL-terminated UTF-8. Invalid UTF-8 input gives
 *    OVERSIGHT_E_INVALID_ARG.
 *  - Owned strings and buffers come back through `char **out` and are
 *    released with oversight_free(). Borrowed strings (`const char *` return)
 *    must not be freed and live as long as the handle they came from.
 *  - Dates are oversight_date {year, month, day}; date-times ISO 8601 UTC text.
 *  - Handles are opaque; each has one oversight_<type>_free(), which accepts NULL.
 *  - No exception or crash crosses this boundary, whatever the arguments.
 *  - Threading: a handle is used by one thread at a time; different handles
 *    are independent. There is no global init or shutdown.
 */
#ifndef OVERSIGHT_H
#define OVERSIGHT_H

#include <stddef.h>
#include <stdint.h>

#if defined(OVERSIGHT_STATIC)
#  define OVERSIGHT_API
#elif defined(_WIN32)
#  if defined(OVERSIGHT_BUILDING)
#    define OVERSIGHT_API __declspec(dllexport)
#  else
#    define OVERSIGHT_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) || defined(__clang__)
#  define OVERSIGHT_API __attribute__((visibility("default")))
#else
#  define OVERSIGHT_API
#endif

#if defined(_MSC_VER)
#  define OVERSIGHT_CALL __cdecl
#else
#  define OVERSIGHT_CALL
#endif

#if defined(__GNUC__) || defined(__clang__)
#  define OVERSIGHT_DEPRECATED(msg) __attribute__((deprecated(msg)))
#elif defined(_MSC_VER)
#  define OVERSIGHT_DEPRECATED(msg) __declspec(deprecated(msg))
#else
#  define OVERSIGHT_DEPRECATED(msg)
#endif

/* Lets C++ callers and the library see that no exception crosses the ABI. */
#if defined(__cplusplus)
#  define OVERSIGHT_NOEXCEPT noexcept
#else
#  define OVERSIGHT_NOEXCEPT
#endif

/* Compile-time version of this header; compare with oversight_abi_version(). */
#define OVERSIGHT_HEADER_VERSION_MAJOR 1
#define OVERSIGHT_HEADER_ABI_VERSION 1

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------- status */

/* Values are never renumbered or reused; new codes are appended. */
typedef enum oversight_status {
    OVERSIGHT_OK = 0,
    OVERSIGHT_E_INVALID_ARG = 1, /* NULL, impossible date, invalid UTF-8, unknown enum text */
    OVERSIGHT_E_NOT_FOUND = 2,   /* unknown id, reference, rule or file */
    OVERSIGHT_E_IO = 3,          /* a file could not be read or written */
    OVERSIGHT_E_DB = 4,          /* the SQLite store reported an error */
    OVERSIGHT_E_PARSE = 5,       /* a document could not be read; message names the place */
    OVERSIGHT_E_NOMEM = 6,       /* out of memory */
    OVERSIGHT_E_INTERNAL = 7,    /* a bug in Oversight: please report it */
    OVERSIGHT_E_CONFLICT = 8     /* contradicts stored data (duplicate reference, ...) */
} oversight_status;

/* A static English description of a status; never NULL. */
OVERSIGHT_API const char *OVERSIGHT_CALL oversight_status_string(oversight_status status) OVERSIGHT_NOEXCEPT;

/* ---------------------------------------------------------- last error */

/* Message of the last failure on this thread, "" if none. Never NULL.
 * Borrowed: valid until the next oversight_* call on this thread. */
OVERSIGHT_API const char *OVERSIGHT_CALL oversight_last_error_message(void) OVERSIGHT_NOEXCEPT;
/* Status of the last failure on this thread, OVERSIGHT_OK if none. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_last_error_code(void) OVERSIGHT_NOEXCEPT;
/* Forget this thread's last error. */
OVERSIGHT_API void OVERSIGHT_CALL oversight_clear_error(void) OVERSIGHT_NOEXCEPT;

/* --------------------------------------------------------------- memory */

/* Releases any string or buffer the library returned through an out-param.
 * Accepts NULL. Never use free() on them. */
OVERSIGHT_API void OVERSIGHT_CALL oversight_free(void *p) OVERSIGHT_NOEXCEPT;

/* -------------------------------------------------------------- version */

OVERSIGHT_API int32_t OVERSIGHT_CALL oversight_version_number(void) OVERSIGHT_NOEXCEPT;  /* MAJOR*10000+MINOR*100+PATCH */
OVERSIGHT_API const char *OVERSIGHT_CALL oversight_version_string(void) OVERSIGHT_NOEXCEPT; /* static, "1.0.0" */
OVERSIGHT_API int32_t OVERSIGHT_CALL oversight_abi_version(void) OVERSIGHT_NOEXCEPT;     /* == SOVERSION */

/* ---------------------------------------------------------------- dates */

/* A calendar date. Frozen layout: three int32_t. */
typedef struct oversight_date {
    int32_t year;
    int32_t month; /* 1..12 */
    int32_t day;   /* 1..31 */
} oversight_date;

/* Parses "YYYY-MM-DD". OVERSIGHT_E_INVALID_ARG for NULL or an impossible date. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_date_parse_iso(const char *text, oversight_date *out) OVERSIGHT_NOEXCEPT;
/* Formats a date as "YYYY-MM-DD" into an owned string (free with oversight_free). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_date_format_iso(oversight_date date, char **out) OVERSIGHT_NOEXCEPT;
/* OVERSIGHT_OK if the date exists, OVERSIGHT_E_INVALID_ARG otherwise. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_date_validate(oversight_date date) OVERSIGHT_NOEXCEPT;
/* Today's date in UTC. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_date_today(oversight_date *out) OVERSIGHT_NOEXCEPT;

/* ---------------------------------------------------------------- store */

/* One SQLite file holding plans, casework and the change history. */
typedef struct oversight_store oversight_store;

/* Opens (creating and migrating if needed) the store at `path` (UTF-8).
 * `*out` is NULL on failure. Free with oversight_store_free(). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_store_open(oversight_store **out, const char *path) OVERSIGHT_NOEXCEPT;
/* A private in-memory store. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_store_open_memory(oversight_store **out) OVERSIGHT_NOEXCEPT;
/* Closes the store. Accepts NULL. */
OVERSIGHT_API void OVERSIGHT_CALL oversight_store_free(oversight_store *store) OVERSIGHT_NOEXCEPT;
/* Who the following changes are recorded as in the history. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_store_set_actor(oversight_store *store, const char *actor) OVERSIGHT_NOEXCEPT;
/* Schema version of the open store (PRAGMA user_version). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_store_schema_version(const oversight_store *store, int32_t *out) OVERSIGHT_NOEXCEPT;
/* The change history as a JSON array of
 * {"seq","at","actor","entity","entity_id","field","old","new"}, oldest first.
 * `entity` may be NULL (all entities). Owned string. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_store_history_json(const oversight_store *store,
                                                                           const char *entity, char **out) OVERSIGHT_NOEXCEPT;

#ifdef __cplusplus
}
#endif

/* The other opaque handles, declared here so that the area headers below can
 * use each other's types in any order. Each is described in its area header. */
#ifdef __cplusplus
extern "C" {
#endif
typedef struct oversight_action_iter oversight_action_iter; /* oversight_plan.h */
typedef struct oversight_calendar oversight_calendar;       /* oversight_calendar.h */
typedef struct oversight_rule_pack oversight_rule_pack;     /* oversight_deadline.h */
#ifdef __cplusplus
}
#endif

/* Area headers: the improvement plan, calendars, statutory rules and
 * deadlines, casework and reminders. */
#include "oversight_plan.h"
#include "oversight_calendar.h"
#include "oversight_deadline.h"
#include "oversight_casework.h"

#endif /* OVERSIGHT_H */
