/*
 * <oversight/c/indicator.h> - indicators: the measures a plan shows its
 * impact with (issue 11 point 5), each with a target, a direction (higher
 * or lower is better), a red threshold and a value a month, entered or
 * computed from the store, linked to actions as their success measures so
 * that an action's RAG takes them into account (rule 9 of
 * <oversight/plan/rag.hpp>: below the threshold at least red, between it and
 * the target at least amber, the reason naming the indicator and its latest
 * value). Every change is one transaction with history rows (entities
 * "indicator", "indicator_value", "action_indicator"). The C++ API:
 * <oversight/indicator/indicator.hpp>.
 */
#ifndef OVERSIGHT_C_INDICATOR_H
#define OVERSIGHT_C_INDICATOR_H

#include <oversight/c/base.h>

OVERSIGHT_BEGIN_DECLS

/* Adds an indicator to plan `plan_id`, or changes the one with the same key,
 * from the JSON object {"key","name","unit","direction":"higher_is_better"|
 * "lower_is_better","target","amber","source":"entered"|"computed",
 * "measure"} ("unit", "direction", "source" and "measure" optional; measure:
 * "visits_in_timescale", "reviews_in_timescale", "peps_in_timescale",
 * "core_groups_in_timescale", "supervision_in_timescale" or
 * "audits_good_or_better"). OVERSIGHT_E_PARSE for bad JSON, an unknown key
 * or a wrong type; OVERSIGHT_E_INVALID_ARG naming the field (amber above the
 * target when higher is better, ...); OVERSIGHT_E_NOT_FOUND for an unknown
 * plan. `out_id` may be NULL. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_indicator_save(oversight_store *store, int64_t plan_id,
                                                                      const char *json,
                                                                      int64_t *out_id) OVERSIGHT_NOEXCEPT;

/* One month's value of an indicator. */
typedef struct oversight_indicator_value {
    uint32_t version;         /* OVERSIGHT_INDICATOR_VALUE_VERSION */
    oversight_date month;     /* any day of the month */
    double value;             /* finite, at most 1e12 in magnitude */
    const char *entered_by;   /* NULL: nobody named */
    const char *note;         /* NULL: none */
} oversight_indicator_value;

#define OVERSIGHT_INDICATOR_VALUE_VERSION 1
#define OVERSIGHT_INDICATOR_VALUE_INIT { OVERSIGHT_INDICATOR_VALUE_VERSION, { 0, 0, 0 }, 0.0, NULL, NULL }

/* Fills *opts with OVERSIGHT_INDICATOR_VALUE_INIT; OVERSIGHT_E_INVALID_ARG
 * for NULL or an unknown version. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_indicator_value_init(oversight_indicator_value *opts,
                                                                            uint32_t version) OVERSIGHT_NOEXCEPT;

/* Records the value of one month for indicator `key` of the plan, replacing
 * the value that month had. OVERSIGHT_E_NOT_FOUND for an unknown plan or key;
 * OVERSIGHT_E_INVALID_ARG for a value that is not finite. `out_id` may be NULL. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_indicator_record_value(
    oversight_store *store, int64_t plan_id, const char *key, const oversight_indicator_value *value,
    int64_t *out_id) OVERSIGHT_NOEXCEPT;

/* Names indicator `key` as a success measure of action `action_ref`.
 * OVERSIGHT_E_NOT_FOUND for an unknown plan, action or key;
 * OVERSIGHT_E_CONFLICT when the action names it already. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_indicator_link(oversight_store *store, int64_t plan_id,
                                                                      const char *action_ref,
                                                                      const char *key) OVERSIGHT_NOEXCEPT;

/* The plan's indicators as of `as_of` (NULL: today) as owned plain text
 * (text != 0) or the owned JSON document {"format":"oversight-indicators",
 * "version":1,"plan_id","as_of","indicators":[{"key","name","unit",
 * "direction","target","amber","source","measure","latest":{"month",
 * "value","rag"} or null,"actions":[refs],"values":[{"month","value",
 * "source","entered_by","note"}]}]}. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_indicator_list_json(const oversight_store *store,
                                                                           int64_t plan_id,
                                                                           const oversight_date *as_of, int32_t text,
                                                                           char **out) OVERSIGHT_NOEXCEPT;

/* What oversight_indicator_refresh reads. */
typedef struct oversight_indicator_refresh_options {
    uint32_t version;                     /* OVERSIGHT_INDICATOR_REFRESH_OPTIONS_VERSION */
    int32_t months;                       /* as_of's month and the months - 1 before it, 1..60; default 12 */
    const oversight_rule_pack *rule_pack; /* NULL: the default England pack */
    const oversight_calendar *calendar;   /* NULL: England and Wales (its school calendar counts PEP reviews) */
} oversight_indicator_refresh_options;

#define OVERSIGHT_INDICATOR_REFRESH_OPTIONS_VERSION 1
#define OVERSIGHT_INDICATOR_REFRESH_OPTIONS_INIT { OVERSIGHT_INDICATOR_REFRESH_OPTIONS_VERSION, 12, NULL, NULL }

/* Fills *opts with OVERSIGHT_INDICATOR_REFRESH_OPTIONS_INIT;
 * OVERSIGHT_E_INVALID_ARG for NULL or an unknown version. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_indicator_refresh_options_init(
    oversight_indicator_refresh_options *opts, uint32_t version) OVERSIGHT_NOEXCEPT;

/* Computes the monthly values of the plan's computed indicators up to
 * `as_of` (NULL: today) from the store and records those that changed;
 * `opts` may be NULL (the defaults). *out_written: how many values were
 * written (may be NULL). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_indicator_refresh(
    oversight_store *store, int64_t plan_id, const oversight_date *as_of,
    const oversight_indicator_refresh_options *opts, int32_t *out_written) OVERSIGHT_NOEXCEPT;

OVERSIGHT_END_DECLS

#endif /* OVERSIGHT_C_INDICATOR_H */
