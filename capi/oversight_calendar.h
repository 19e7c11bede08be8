/* Area header of <oversight.h>: included by it; do not include alone.
 *
 * Working-day calendars: Monday-Friday minus the bank holidays of a UK
 * division (computed from the rules and one-off proclamations, or loaded from
 * gov.uk's bank-holidays.json) minus local closure days.
 *
 * Day-0 convention: the `from` date is day 0; adding n working days gives the
 * n-th working day after it (n < 0: before it; n == 0: `from` itself).
 * Working-day arithmetic is O(1) for dates in 1900..2199 and exact (slower)
 * elsewhere in 1400..9999; leaving that range gives OVERSIGHT_E_INVALID_ARG.
 *
 * Threading: a calendar handle may be used by one thread at a time (the add_*
 * functions change it); different handles are independent. */
#ifndef OVERSIGHT_CALENDAR_H
#define OVERSIGHT_CALENDAR_H

#ifndef OVERSIGHT_H
#error "include <oversight.h>, which includes this area header"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* A working-day calendar. Free with oversight_calendar_free(). */
/* (its typedef is in oversight.h) */

/* Opens the calendar of a UK division: "england-and-wales", "scotland" or
 * "northern-ireland" (OVERSIGHT_E_INVALID_ARG otherwise). *out is NULL on failure. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_calendar_open(oversight_calendar **out,
                                                                      const char *division) OVERSIGHT_NOEXCEPT;

/* Opens a division's calendar from the text of gov.uk's bank-holidays.json
 * ({"england-and-wales":{"division":..,"events":[{"title","date","notes","bunting"}]},...}).
 * The years the file covers replace the computed ones; other years stay
 * rule-derived. OVERSIGHT_E_PARSE with the JSON path for a malformed file. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_calendar_open_gov_uk_json(oversight_calendar **out,
                                                                                  const char *json,
                                                                                  const char *division) OVERSIGHT_NOEXCEPT;

/* Releases the calendar. Accepts NULL. */
OVERSIGHT_API void OVERSIGHT_CALL oversight_calendar_free(oversight_calendar *calendar) OVERSIGHT_NOEXCEPT;

/* The division's canonical name ("england-and-wales", ...). Borrowed, static;
 * "" for NULL. */
OVERSIGHT_API const char *OVERSIGHT_CALL oversight_calendar_division(const oversight_calendar *calendar) OVERSIGHT_NOEXCEPT;

/* Adds a local closure day (e.g. a council's Christmas shutdown): not a bank
 * holiday, not a working day. `name` may be NULL ("Closure"). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_calendar_add_closure(oversight_calendar *calendar,
                                                                             oversight_date day,
                                                                             const char *name) OVERSIGHT_NOEXCEPT;

/* Adds a bank holiday (a newly proclaimed day); `name` is required. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_calendar_add_holiday(oversight_calendar *calendar,
                                                                             oversight_date day,
                                                                             const char *name) OVERSIGHT_NOEXCEPT;

/* *out = 1 if `day` is a working day, 0 otherwise. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_calendar_is_working_day(const oversight_calendar *calendar,
                                                                                oversight_date day,
                                                                                int32_t *out) OVERSIGHT_NOEXCEPT;

/* *out = the n-th working day after `from` (day-0 convention above). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_calendar_add_working_days(const oversight_calendar *calendar,
                                                                                  oversight_date from, int32_t n,
                                                                                  oversight_date *out) OVERSIGHT_NOEXCEPT;

/* *out = number of working days d with a < d <= b (negative when b < a). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_calendar_working_days_between(const oversight_calendar *calendar,
                                                                                      oversight_date a, oversight_date b,
                                                                                      int32_t *out) OVERSIGHT_NOEXCEPT;

/* The bank holidays of `year` (1400..9999) as an owned JSON array, in date
 * order: [{"date":"2012-06-04","name":"Spring bank holiday"},...].
 * Closures are not included. Free with oversight_free(). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_calendar_holidays_json(const oversight_calendar *calendar,
                                                                               int32_t year, char **out) OVERSIGHT_NOEXCEPT;

/* *out = `from` plus a duration given as text: "10 working days", "6 weeks",
 * "3 months" (corresponding-date rule), "15 days". Trigger is day 0.
 * School units are not available here (OVERSIGHT_E_INVALID_ARG).
 * OVERSIGHT_E_PARSE for text that is not a duration. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_calendar_add_duration(const oversight_calendar *calendar,
                                                                              oversight_date from, const char *duration,
                                                                              oversight_date *out) OVERSIGHT_NOEXCEPT;

/* *out = `from` plus `count` units, `unit` being "calendar_days", "weeks",
 * "months" or "working_days" (OVERSIGHT_E_INVALID_ARG otherwise). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_calendar_add_units(const oversight_calendar *calendar,
                                                                           oversight_date from, int32_t count,
                                                                           const char *unit,
                                                                           oversight_date *out) OVERSIGHT_NOEXCEPT;

/* Reads a deadline phrase as written in a plan ("Immediately", "Within three
 * months", "10 working days", "by end of November 2012", "31st October",
 * "17th October 2012", "18/10/12") and sets *out to the due date. `context`
 * is both the anchor of relative phrases and the date that supplies a
 * missing year (the next occurrence on or after it). OVERSIGHT_E_PARSE, with
 * the phrase in the message, for what cannot be read ("soon", "31/02/12"). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_calendar_resolve_deadline(const oversight_calendar *calendar,
                                                                                  const char *phrase,
                                                                                  oversight_date context,
                                                                                  oversight_date *out) OVERSIGHT_NOEXCEPT;

#ifdef __cplusplus
}
#endif

#endif /* OVERSIGHT_CALENDAR_H */
