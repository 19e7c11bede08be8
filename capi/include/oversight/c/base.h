/*
 * <oversight/c/base.h> - what every area of Oversight's C ABI shares.
 *
 * Every area header (<oversight/c/<area>.h>) includes this one; the umbrella
 * <oversight.h> includes them all. This header holds the export and calling
 * convention macros, the status codes, the date type, the handles that several
 * areas share, and the library-wide functions (errors, memory, version).
 *
 * THE RULES OF THIS API
 * (tests/abi/check_api_rules.py checks rules 1, 3 and 4 on the installed headers)
 *
 * 1. Names. Every function outside this header is named
 *    oversight_<area>_<verb...>, where <area> is the file name of the header
 *    that declares it: oversight_plan_add_action is in <oversight/c/plan.h>,
 *    oversight_rule_pack_open_file in <oversight/c/rule_pack.h>. Types are
 *    oversight_<area>_<noun>, macros and enum constants OVERSIGHT_<...>.
 *    No two functions differ only by a suffix such as _within, _ext or 2
 *    (parameters that may grow go in a versioned struct, rule 4), and no
 *    function takes the name of a field as a string to choose what to set.
 *
 * 2. Status and errors. Every fallible function returns oversight_status:
 *    OVERSIGHT_OK (0) or a positive code. On failure the calling thread's last
 *    error holds a UTF-8 message naming the argument or the place at fault
 *    (oversight_last_error_message). Results come back through out-parameters,
 *    never through the status. Getters that cannot fail return a neutral value
 *    (0, "" or NULL, as documented) for a NULL handle.
 *
 * 3. Out-parameters. Every out-parameter is named `out` or `out_<what>`, is a
 *    pointer to non-const, and comes after every input parameter - except the
 *    handle a constructor creates, `oversight_<x> **out`, which comes first
 *    (oversight_store_open(&store, ...)). Every out-parameter is cleared (NULL,
 *    0 or {0, 0, 0}) before anything can fail, so a failed call never leaves a
 *    stale or dangling value behind. A NULL out-parameter gives
 *    OVERSIGHT_E_INVALID_ARG unless its documentation says it may be NULL.
 *    No function has more than six parameters.
 *
 * 4. Versioned structs. Parameters that will grow travel in a struct whose
 *    first member is `uint32_t version` (after libgit2's options structs). For
 *    each such struct oversight_<area>_<x> there are
 *      OVERSIGHT_<AREA>_<X>_VERSION   the version this header describes,
 *      OVERSIGHT_<AREA>_<X>_INIT      a brace initializer holding the defaults,
 *      oversight_<area>_<x>_init(oversight_<area>_<x> *, uint32_t version)
 *                                     the same defaults for callers (and
 *                                     bindings) that cannot use the macro.
 *    Start from one of the two, then set the members you need:
 *        oversight_report_options opts = OVERSIGHT_REPORT_OPTIONS_INIT;
 *        opts.format = "md";
 *    A function given a struct checks its version and refuses one it does not
 *    know (a zeroed struct, version 0, included) with OVERSIGHT_E_INVALID_ARG.
 *    Where a function documents it, a NULL struct pointer means the defaults.
 *    Optional members are NULL pointers (NULL text or NULL date: "not given");
 *    in a change struct a NULL member means "leave unchanged". Every pointer
 *    member is borrowed for the duration of the call only. An enumeration
 *    inside a struct is an int32_t member holding the enum's values (a fixed
 *    layout whatever the compiler; an unknown value is refused).
 *
 * 5. Strings and memory. Every string is NUL-terminated UTF-8, both ways;
 *    invalid UTF-8 input gives OVERSIGHT_E_INVALID_ARG. A `const char *`
 *    return value is borrowed (valid while its handle lives, never freed by
 *    you). An owned string or buffer comes back through `char **out` and is
 *    released with oversight_free(). Each handle type has exactly one
 *    destructor, oversight_<x>_free(). Every free function accepts NULL.
 *
 * 6. JSON. Every JSON text the library returns is one object with the members
 *    "format": "oversight-<shape>" and "version": 1, described by the JSON
 *    Schema (draft 2020-12) installed as
 *    share/oversight/schemas/oversight-<shape>.schema.json.
 *
 * 7. Threads. There is no global init or shutdown. A handle is used by one
 *    thread at a time and different handles are independent, except where an
 *    area header says a handle is immutable and may be shared (calendars and
 *    rule packs). The only per-thread state is the last error. Several store
 *    handles, in any threads and processes, may open and write the same
 *    file at once (<oversight/c/store.h> says how they take turns).
 *
 * 8. No exception, crash or undefined behaviour crosses this boundary, whatever
 *    the arguments (NULL, invalid UTF-8, impossible dates, unknown ids).
 *    Dates run from 1400-01-01 to 9999-12-31: a date outside them, or date
 *    arithmetic whose result would leave them (9999-12-31 + 1 day, 1400-01-01
 *    - 1 month), gives OVERSIGHT_E_INVALID_ARG naming the dates.
 *
 * 9. Handles are checked. The library records every handle it creates until
 *    its oversight_<x>_free(), and every call checks each handle it is given
 *    (also those inside structs) against that record, without reading the
 *    memory it points to. A handle of the wrong kind (an oversight_calendar *
 *    cast to oversight_store *), a handle already freed and a pointer the
 *    library never returned give OVERSIGHT_E_INVALID_ARG; a getter given one
 *    returns its neutral value and records the same error. A free function
 *    given one (a double free, the wrong type's free) frees nothing and
 *    records OVERSIGHT_E_INVALID_ARG naming the function. The check costs one
 *    uncontended lock per handle per call. What it cannot detect:
 *      - a freed handle whose address the allocator has given to a new handle
 *        of the same kind: the stale pointer then reaches the new handle;
 *      - freeing or using a handle in one thread while another thread is
 *        using it (a handle is used by one thread at a time, rule 7; a shared
 *        calendar or rule pack must outlive every thread using it);
 *      - a pointer the caller corrupted or never initialised (a struct
 *        member left as garbage) that happens to equal a live handle of the
 *        right kind. (Other garbage, a pointer into the middle of a handle or
 *        to a copy of its bytes are refused: they are not recorded addresses.)
 */
#ifndef OVERSIGHT_C_BASE_H
#define OVERSIGHT_C_BASE_H

#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------------ macros */

/* OVERSIGHT_API marks an exported function (STYLE C11). Define
 * OVERSIGHT_STATIC when linking a static build. */
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

/* The calling convention, pinned on MSVC. */
#if defined(_MSC_VER)
#  define OVERSIGHT_CALL __cdecl
#else
#  define OVERSIGHT_CALL
#endif

/* Marks a function that will be removed at the next major version. */
#if defined(__GNUC__) || defined(__clang__)
#  define OVERSIGHT_DEPRECATED(msg) __attribute__((deprecated(msg)))
#elif defined(_MSC_VER)
#  define OVERSIGHT_DEPRECATED(msg) __declspec(deprecated(msg))
#else
#  define OVERSIGHT_DEPRECATED(msg)
#endif

/* Lets C++ callers (and the library) see that no exception crosses the ABI. */
#if defined(__cplusplus)
#  define OVERSIGHT_NOEXCEPT noexcept
#else
#  define OVERSIGHT_NOEXCEPT
#endif

/* C linkage for the declarations between them, when compiled as C++. */
#if defined(__cplusplus)
#  define OVERSIGHT_BEGIN_DECLS extern "C" {
#  define OVERSIGHT_END_DECLS }
#else
#  define OVERSIGHT_BEGIN_DECLS
#  define OVERSIGHT_END_DECLS
#endif

OVERSIGHT_BEGIN_DECLS

/* ------------------------------------------------------------------ status */

/* Values are never renumbered or reused; new codes are appended. */
typedef enum oversight_status {
    OVERSIGHT_OK = 0,
    OVERSIGHT_E_INVALID_ARG = 1, /* NULL, impossible date, invalid UTF-8, unknown enum text or struct version */
    OVERSIGHT_E_NOT_FOUND = 2,   /* unknown id, reference, rule or file */
    OVERSIGHT_E_IO = 3,          /* a file could not be read or written */
    OVERSIGHT_E_DB = 4,          /* the store reported an error */
    OVERSIGHT_E_PARSE = 5,       /* a document could not be read; the message names the place */
    OVERSIGHT_E_NOMEM = 6,       /* out of memory */
    OVERSIGHT_E_INTERNAL = 7,    /* a bug in Oversight: please report it */
    OVERSIGHT_E_CONFLICT = 8     /* contradicts stored data (duplicate reference, ...) */
} oversight_status;

/* ------------------------------------------------------------------- types */

/* A calendar date. Frozen layout: three int32_t, so that bindings (ctypes)
 * mirror it trivially. */
typedef struct oversight_date {
    int32_t year;
    int32_t month; /* 1..12 */
    int32_t day;   /* 1..31 */
} oversight_date;

/* Opaque handles used by several areas; each is described, created and
 * freed in its own area header. */
typedef struct oversight_store oversight_store;         /* <oversight/c/store.h> */
typedef struct oversight_calendar oversight_calendar;   /* <oversight/c/calendar.h> */
typedef struct oversight_rule_pack oversight_rule_pack; /* <oversight/c/rule_pack.h> */

/* ------------------------------------------------------ library-wide calls */

/* A static English description of a status ("not found"); never NULL, and
 * "unknown status" for a value that is not an oversight_status. */
OVERSIGHT_API const char *OVERSIGHT_CALL oversight_status_string(oversight_status status) OVERSIGHT_NOEXCEPT;

/* The message of the last failure on this thread, "" if none; never NULL.
 * Borrowed: valid until the next oversight_* call on this thread. */
OVERSIGHT_API const char *OVERSIGHT_CALL oversight_last_error_message(void) OVERSIGHT_NOEXCEPT;
/* The status of the last failure on this thread, OVERSIGHT_OK if none.
 * Successful calls do not clear it: check the status a call returns first. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_last_error_code(void) OVERSIGHT_NOEXCEPT;
/* Forgets this thread's last error (code OVERSIGHT_OK, message ""). */
OVERSIGHT_API void OVERSIGHT_CALL oversight_last_error_clear(void) OVERSIGHT_NOEXCEPT;

/* Releases a string or buffer the library returned through an out-parameter.
 * Accepts NULL. Never use free() on them. */
OVERSIGHT_API void OVERSIGHT_CALL oversight_free(void *p) OVERSIGHT_NOEXCEPT;

/* The library's version as MAJOR*10000 + MINOR*100 + PATCH; compare with
 * OVERSIGHT_VERSION_NUMBER from <oversight.h>. */
OVERSIGHT_API int32_t OVERSIGHT_CALL oversight_version_number(void) OVERSIGHT_NOEXCEPT;
/* The library's version as static text, "1.0.0". */
OVERSIGHT_API const char *OVERSIGHT_CALL oversight_version_string(void) OVERSIGHT_NOEXCEPT;
/* The ABI version (the SOVERSION of liboversight_c). Check it at start-up:
 *     if (oversight_abi_version() != OVERSIGHT_ABI_VERSION) refuse to run; */
OVERSIGHT_API int32_t OVERSIGHT_CALL oversight_abi_version(void) OVERSIGHT_NOEXCEPT;

OVERSIGHT_END_DECLS

#endif /* OVERSIGHT_C_BASE_H */
