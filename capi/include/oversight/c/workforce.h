/*
 * <oversight/c/workforce.h> - the people of the service.
 *
 * One directory of people (social workers and their managers, plan leads and
 * task owners, colleagues from other agencies), teams, and appointments: a
 * person's role, team and line manager over time. A worker, whom casework
 * allocates children to, is a person with an open appointment in a team.
 * Teams and people are addressed by their names (unique; people regardless
 * of case). Every change is one transaction with history rows (entities
 * "person", "team", "appointment").
 *
 * Roles (canonical text): "social_worker", "newly_qualified_social_worker",
 * "senior_practitioner", "team_manager", "practice_supervisor",
 * "lead_practitioner" (holds cases, not a social worker), "other_agency",
 * "manager" (service and senior managers), "other".
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

/* A worker: a person casework can allocate children to. */
typedef struct oversight_workforce_worker {
    uint32_t version;  /* OVERSIGHT_WORKFORCE_WORKER_VERSION */
    const char *name;  /* required, not blank */
    const char *team;  /* required: the name of a saved team */
    const char *email; /* NULL: none (an update leaves it alone) */
    const char *role;  /* NULL: "social_worker" */
} oversight_workforce_worker;

#define OVERSIGHT_WORKFORCE_WORKER_VERSION 1
#define OVERSIGHT_WORKFORCE_WORKER_INIT { OVERSIGHT_WORKFORCE_WORKER_VERSION, NULL, NULL, NULL, NULL }

/* Fills *opts with the defaults of OVERSIGHT_WORKFORCE_WORKER_INIT. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_workforce_worker_init(oversight_workforce_worker *opts,
                                                                              uint32_t version) OVERSIGHT_NOEXCEPT;

/* Adds the person if the directory lacks them and makes their open
 * appointment one in `team` with `role`: their first appointment runs from
 * before records; a later change of team or role is an appointment from
 * today that ends the previous one. Allocations stay with the person.
 * OVERSIGHT_E_NOT_FOUND for an unknown team. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_workforce_save_worker(
    oversight_store *store, const oversight_workforce_worker *worker) OVERSIGHT_NOEXCEPT;

/* A person in the people directory. */
typedef struct oversight_workforce_person {
    uint32_t version;      /* OVERSIGHT_WORKFORCE_PERSON_VERSION */
    const char *name;      /* required, not blank; unique regardless of case */
    const char *job_title; /* NULL: none; free text ("Head of Safeguarding") */
    const char *email;     /* NULL: none */
    const char *team;      /* NULL: none; else an open appointment there (role "other"),
                              the team added if there is none by that name */
    const char *agency;    /* NULL: the council itself */
} oversight_workforce_person;

#define OVERSIGHT_WORKFORCE_PERSON_VERSION 1
#define OVERSIGHT_WORKFORCE_PERSON_INIT { OVERSIGHT_WORKFORCE_PERSON_VERSION, NULL, NULL, NULL, NULL, NULL }

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

/* An appointment: a person's role, team and line manager from a date. */
typedef struct oversight_workforce_appointment {
    uint32_t version;            /* OVERSIGHT_WORKFORCE_APPOINTMENT_VERSION */
    const char *person;          /* required: a person's name */
    const char *role;            /* required: a role (above) */
    const char *team;            /* NULL: none; else a saved team ("" or blank: OVERSIGHT_E_INVALID_ARG) */
    const char *line_manager;    /* NULL: none; else a person's name (not blank) */
    const oversight_date *from;  /* NULL: since before records */
    const oversight_date *until; /* NULL: open; else the (exclusive) end */
} oversight_workforce_appointment;

#define OVERSIGHT_WORKFORCE_APPOINTMENT_VERSION 1
#define OVERSIGHT_WORKFORCE_APPOINTMENT_INIT { OVERSIGHT_WORKFORCE_APPOINTMENT_VERSION, NULL, NULL, NULL, NULL, NULL, NULL }

/* Fills *opts with the defaults of OVERSIGHT_WORKFORCE_APPOINTMENT_INIT. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_workforce_appointment_init(
    oversight_workforce_appointment *opts, uint32_t version) OVERSIGHT_NOEXCEPT;

/* Records an appointment; *out_id receives its id. An open one (no `until`)
 * ends the person's open appointment on `from` (or corrects it in place when
 * it started that day). OVERSIGHT_E_INVALID_ARG when it would overlap
 * another of the person's appointments, starts before the open one, or
 * makes someone their own line manager; OVERSIGHT_E_NOT_FOUND for an unknown
 * person, team or line manager. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_workforce_appoint(
    oversight_store *store, const oversight_workforce_appointment *appointment, int64_t *out_id) OVERSIGHT_NOEXCEPT;

/* The people directory on `as_of`, by name, as an owned JSON document
 * {"format":"oversight-people","version":1,"as_of","people":[{"id","name",
 *  "job_title","email","agency","role","team","line_manager"}]}, role, team
 * and line manager from each person's appointment that day ("" if none). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_workforce_people_json(const oversight_store *store,
                                                                              oversight_date as_of,
                                                                              char **out) OVERSIGHT_NOEXCEPT;

OVERSIGHT_END_DECLS

#endif /* OVERSIGHT_C_WORKFORCE_H */
