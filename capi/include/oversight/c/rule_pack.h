/*
 * <oversight/c/rule_pack.h> - statutory rule packs and the due dates they give.
 *
 * A rule pack is a set of rules read from TOML (the format is in the C++
 * header <oversight/rules/rule_pack.hpp>): the default England pack compiled
 * into the library, optionally with a council's local pack layered on top (a
 * local rule with the same id replaces the default one; each rule reports
 * the layer it came from).
 *
 * Counting convention: the trigger date is day 0 and counting starts the next
 * day; months use the corresponding-date rule (31 Jan + 1 month = 28/29 Feb);
 * working days skip weekends, bank holidays and the calendar's closure days.
 * Wherever a calendar is taken, NULL means England and Wales.
 *
 * Threading: a rule pack is immutable once opened; one handle may be used by
 * several threads at once (free it only when none is using it).
 */
#ifndef OVERSIGHT_C_RULE_PACK_H
#define OVERSIGHT_C_RULE_PACK_H

#include <oversight/c/base.h>

OVERSIGHT_BEGIN_DECLS

/* Opens the default England pack (compiled in; no file is read). *out is
 * NULL on failure; free the handle with oversight_rule_pack_free(). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_rule_pack_open_default(oversight_rule_pack **out) OVERSIGHT_NOEXCEPT;

/* Opens a pack from TOML text. `layer` names the pack in explanations; NULL
 * uses the pack's own `name`. OVERSIGHT_E_PARSE names the line, rule id and
 * field (unknown keys are errors). *out is NULL on failure. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_rule_pack_open_toml(oversight_rule_pack **out, const char *toml,
                                                                            const char *layer) OVERSIGHT_NOEXCEPT;

/* Opens a pack from a TOML file (UTF-8 path). OVERSIGHT_E_IO if it cannot be
 * read, OVERSIGHT_E_PARSE naming the file, line, rule and field. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_rule_pack_open_file(oversight_rule_pack **out,
                                                                            const char *path) OVERSIGHT_NOEXCEPT;

/* A new pack: `local` layered over `base` (local rules replace base rules
 * with the same id; new ids are added; local enable/disable lists apply).
 * OVERSIGHT_E_PARSE if `local` enables or disables an id `base` lacks.
 * Both inputs stay valid and unchanged. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_rule_pack_layered(oversight_rule_pack **out,
                                                                          const oversight_rule_pack *base,
                                                                          const oversight_rule_pack *local) OVERSIGHT_NOEXCEPT;

/* Releases the pack. Accepts NULL. */
OVERSIGHT_API void OVERSIGHT_CALL oversight_rule_pack_free(oversight_rule_pack *pack) OVERSIGHT_NOEXCEPT;

/* The pack's name ("england", "england+example-local"). Borrowed; "" for NULL. */
OVERSIGHT_API const char *OVERSIGHT_CALL oversight_rule_pack_name(const oversight_rule_pack *pack) OVERSIGHT_NOEXCEPT;

/* Every rule, in pack order, as an owned JSON document
 * {"format":"oversight-rules","version":1,"pack":"england","rules":[{"id",
 *  "title","area","kind":"within"|"interval"|"precondition"|"max_duration",
 *  "trigger","satisfied_by":[..],
 *  "duration":{"count","unit","text"},"when":{"attribute":["value",..]},
 *  "ends_on":[..],"effective_from","effective_until" (dates or null),
 *  "from_occurrence","until_occurrence" (or null),"active_from","active_until"
 *  (durations as text, or null),"active_from_event","active_until_event",
 *  "enabled","unless":{"attribute":["value",..]},"anchor":"last"|"first",
 *  "before":[..] (a precondition's later events),"jurisdiction":"england"|..,
 *  "in_force_from","in_force_to" (dates or null),"commencement":"in_force"|
 *  "pending" (pending rules are listed, never scheduled),
 *  "source","status":"confirmed"|"secondary"|"unconfirmed"|"local",
 *  "layer","note"}]}. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_rule_pack_rules_json(const oversight_rule_pack *pack,
                                                                             char **out) OVERSIGHT_NOEXCEPT;

/* *out = the due date rule `rule_id` gives for a trigger (or, for rules that
 * count from the previous event, that event) on `from`. OVERSIGHT_E_NOT_FOUND
 * for an unknown rule id; OVERSIGHT_E_INVALID_ARG for a date outside the
 * rule's era or a rule that counts in school days (it needs a school
 * calendar, which the C API does not offer yet). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_rule_pack_due_date(const oversight_rule_pack *pack,
                                                                           const char *rule_id, oversight_date from,
                                                                           const oversight_calendar *calendar,
                                                                           oversight_date *out) OVERSIGHT_NOEXCEPT;

/* The same due date explained in one readable paragraph (rule, source and
 * status, layer, trigger and date, unit and count, the day-0 convention, the
 * weekends, bank holidays and closures skipped, month-end clamping). Owned
 * string. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_rule_pack_explain(const oversight_rule_pack *pack,
                                                                          const char *rule_id, oversight_date from,
                                                                          const oversight_calendar *calendar,
                                                                          char **out) OVERSIGHT_NOEXCEPT;

OVERSIGHT_END_DECLS

#endif /* OVERSIGHT_C_RULE_PACK_H */
