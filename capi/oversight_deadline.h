/* Area header of <oversight.h>: included by it; do not include alone.
 *
 * Statutory rule packs and the due dates they give. A rule pack is a set of
 * rules read from TOML (format: README "Statutory rule packs"): the default
 * England pack compiled into the library, optionally with a council's local
 * pack layered on top (a local rule with the same id replaces the default
 * one; each rule reports the layer it came from).
 *
 * Counting convention: the trigger date is day 0 and counting starts the
 * next day; months use the corresponding-date rule (31 Jan + 1 month =
 * 28/29 Feb); working days skip weekends, bank holidays and the calendar's
 * closure days.
 *
 * Threading: a rule pack is immutable once opened; one handle may be read by
 * several threads at once. */
#ifndef OVERSIGHT_DEADLINE_H
#define OVERSIGHT_DEADLINE_H

#ifndef OVERSIGHT_H
#error "include <oversight.h>, which includes this area header"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* A set of statutory or local rules. Free with oversight_rule_pack_free(). */
/* (its typedef is in oversight.h) */

/* Opens the default England pack (compiled in; no file is read). */
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

/* Every rule as an owned JSON array, in pack order:
 * [{"id","title","area","kind":"within"|"interval","trigger","satisfied_by":[..],
 *   "duration":{"count","unit","text"},"when":{"attribute":["value",..]},"ends_on":[..],
 *   "effective_from":"YYYY-MM-DD"|null,"effective_until":..|null,
 *   "from_occurrence":n,"until_occurrence":n|null,"active_from":"12 months"|null,
 *   "active_until":..|null,"active_from_event":"","active_until_event":"",
 *   "enabled":true,"source","status":"confirmed"|"secondary"|"unconfirmed"|"local",
 *   "layer","note"}, ...]
 * Free with oversight_free(). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_rule_pack_rules_json(const oversight_rule_pack *pack,
                                                                             char **out) OVERSIGHT_NOEXCEPT;

/* *out = the due date rule `rule_id` gives for a trigger (or, for rules that
 * count from the previous event, that event) on `from`. `calendar` NULL means
 * England and Wales. OVERSIGHT_E_NOT_FOUND for an unknown rule id;
 * OVERSIGHT_E_INVALID_ARG for a date outside the rule's era or a rule that
 * counts in school days (needs a school calendar: not in the C API yet). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_rule_pack_due_date(const oversight_rule_pack *pack,
                                                                           const char *rule_id, oversight_date from,
                                                                           const oversight_calendar *calendar,
                                                                           oversight_date *out) OVERSIGHT_NOEXCEPT;

/* The same due date explained in one readable paragraph (rule, source and
 * status, layer, trigger and date, unit and count, the day-0 convention, the
 * weekends, bank holidays and closures skipped, month-end clamping). Owned
 * string; free with oversight_free(). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_rule_pack_explain(const oversight_rule_pack *pack,
                                                                          const char *rule_id, oversight_date from,
                                                                          const oversight_calendar *calendar,
                                                                          char **out) OVERSIGHT_NOEXCEPT;

#ifdef __cplusplus
}
#endif

#endif /* OVERSIGHT_DEADLINE_H */
