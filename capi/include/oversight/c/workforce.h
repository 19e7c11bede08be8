/*
 * <oversight/c/workforce.h> - the people of the service.
 *
 * Teams and the workers in them (casework allocates children to workers), and
 * the people directory that plan leads and task owners are checked against.
 * Teams, workers and people are addressed by their names (unique; people
 * regardless of case). Every change is one transaction with history rows.
 */
#ifndef OVERSIGHT_C_WORKFORCE_H
#define OVERSIGHT_C_WORKFORCE_H

#include <oversight/c/base.h>

OVERSIGHT_BEGIN_DECLS

/* A team. */
typedef struct oversight_workforce_team {
    uint32_t version;    /* OVERSIGHT_WORKFORCE_TEAM_VERSION */
    const char *name;    /* required, not blank */
    const char *manager; /* NULL: none */
    const char *email;   /* NULL: none */
} oversight_workforce_team;

#define OVERSIGHT_WORKFORCE_TEAM_VERSION 1
#define OVERSIGHT_WORKFORCE_TEAM_INIT { OVERSIGHT_WORKFORCE_TEAM_VERSION, NULL, NULL, NULL }

/* Fills *opts with the defaults of OVERSIGHT_WORKFORCE_TEAM_INIT. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_workforce_team_init(oversight_workforce_team *opts,
                                                                            uint32_t version) OVERSIGHT_NOEXCEPT;

/* Adds the team or updates the stored one with the same name. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_workforce_save_team(
    oversight_store *store, const oversight_workforce_team *team) OVERSIGHT_NOEXCEPT;

/* A worker (a social worker casework can allocate children to). */
typedef struct oversight_workforce_worker {
    uint32_t version;  /* OVERSIGHT_WORKFORCE_WORKER_VERSION */
    const char *name;  /* required, not blank */
    const char *team;  /* required: the name of a saved team */
    const char *email; /* NULL: none */
} oversight_workforce_worker;

#define OVERSIGHT_WORKFORCE_WORKER_VERSION 1
#define OVERSIGHT_WORKFORCE_WORKER_INIT { OVERSIGHT_WORKFORCE_WORKER_VERSION, NULL, NULL, NULL }

/* Fills *opts with the defaults of OVERSIGHT_WORKFORCE_WORKER_INIT. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_workforce_worker_init(oversight_workforce_worker *opts,
                                                                              uint32_t version) OVERSIGHT_NOEXCEPT;

/* Adds the worker or updates the stored one with the same name (moving teams
 * keeps the worker's allocations). OVERSIGHT_E_NOT_FOUND for an unknown team. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_workforce_save_worker(
    oversight_store *store, const oversight_workforce_worker *worker) OVERSIGHT_NOEXCEPT;

/* A person in the people directory. */
typedef struct oversight_workforce_person {
    uint32_t version;      /* OVERSIGHT_WORKFORCE_PERSON_VERSION */
    const char *name;      /* required, not blank; unique regardless of case */
    const char *job_title; /* NULL: none */
    const char *email;     /* NULL: none */
    const char *team;      /* NULL: none */
} oversight_workforce_person;

#define OVERSIGHT_WORKFORCE_PERSON_VERSION 1
#define OVERSIGHT_WORKFORCE_PERSON_INIT { OVERSIGHT_WORKFORCE_PERSON_VERSION, NULL, NULL, NULL, NULL }

/* Fills *opts with the defaults of OVERSIGHT_WORKFORCE_PERSON_INIT. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_workforce_person_init(oversight_workforce_person *opts,
                                                                              uint32_t version) OVERSIGHT_NOEXCEPT;

/* Adds a person to the directory; *out_id receives the id.
 * OVERSIGHT_E_CONFLICT if the name is listed already. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_workforce_add_person(oversight_store *store,
                                                                             const oversight_workforce_person *person,
                                                                             int64_t *out_id) OVERSIGHT_NOEXCEPT;

/* Merges person `from` into `into` everywhere: plan leads and task owners
 * named `from` (ignoring case) become `into`, and the directory entry is
 * merged; each change is recorded. OVERSIGHT_E_NOT_FOUND if `from` is named
 * nowhere, OVERSIGHT_E_INVALID_ARG if both are the same name. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_workforce_merge_people(oversight_store *store,
                                                                               const char *from,
                                                                               const char *into) OVERSIGHT_NOEXCEPT;

/* The people directory, by name, as an owned JSON document
 * {"format":"oversight-people","version":1,"people":[{"id","name",
 *  "job_title","email","team"}]}. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_workforce_people_json(const oversight_store *store,
                                                                              char **out) OVERSIGHT_NOEXCEPT;

OVERSIGHT_END_DECLS

#endif /* OVERSIGHT_C_WORKFORCE_H */
