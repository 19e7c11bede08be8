/*
 * <oversight.h> - the stable C ABI of Oversight (liboversight_c).
 *
 * Includes every area header. A program may instead include only the areas
 * it uses, <oversight/c/<area>.h>; each compiles on its own. The rules every
 * function follows (names, status codes, out-parameters, versioned structs,
 * strings and memory, JSON documents, threads) are written once, in
 * <oversight/c/base.h>.
 *
 *   base         status codes, errors, memory, version, oversight_date
 *   date         ISO 8601 dates
 *   store        opening a store, the actor, the change history
 *   calendar     working-day calendars (immutable, shareable)
 *   rule_pack    statutory rule packs and their due dates (immutable, shareable)
 *   plan         improvement plans: recommendations, actions, progress, RAG,
 *                the inspection a plan answers and its clocks
 *   action_iter  a plan's actions one by one, with their RAG
 *   report       plan reports (text, Markdown, CSV, JSON)
 *   import       seed-format and canonical plans, SSDA903 returns
 *   workforce    teams, workers, the people directory
 *   casework     children, allocations, attributes, events
 *   reminders    what is due: JSON, digests, iCalendar, acknowledgements
 *   indicator    a plan's indicators: targets, monthly values, success measures of actions
 *
 * Check at start-up that the library matches this header:
 *     if (oversight_abi_version() != OVERSIGHT_ABI_VERSION) refuse to run;
 * (OVERSIGHT_VERSION_MAJOR/MINOR/PATCH/STRING/NUMBER and OVERSIGHT_ABI_VERSION
 * are generated from the project's version into <oversight/c/version.h>.)
 *
 * The ABI: liboversight_c.so.1 exports only oversight_* (a linker version
 * script); capi/symbols.txt lists every exported symbol with the version that
 * introduced it. Tests check the exported symbols against that list, the
 * rules of base.h on the installed headers (tests/abi/check_api_rules.py),
 * that every function is called by its area's tests (tests/capi/<area>_test.cpp)
 * and that every JSON document matches its schema.
 */
#ifndef OVERSIGHT_H
#define OVERSIGHT_H

#include <oversight/c/version.h>

#include <oversight/c/base.h>
#include <oversight/c/date.h>
#include <oversight/c/store.h>
#include <oversight/c/calendar.h>
#include <oversight/c/rule_pack.h>
#include <oversight/c/plan.h>
#include <oversight/c/action_iter.h>
#include <oversight/c/report.h>
#include <oversight/c/import.h>
#include <oversight/c/workforce.h>
#include <oversight/c/casework.h>
#include <oversight/c/complaints.h>
#include <oversight/c/audit.h>
#include <oversight/c/supervision.h>
#include <oversight/c/reminders.h>
#include <oversight/c/compliance.h>
#include <oversight/c/indicator.h>
#include <oversight/c/batch.h>

#endif /* OVERSIGHT_H */
