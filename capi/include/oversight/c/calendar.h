/*
 * <oversight/c/calendar.h> - working-day calendars.
 *
 * A calendar is Monday-Friday minus the bank holidays of a UK division
 * (computed from the rules and the one-off proclamations, or read from
 * gov.uk's bank-holidays.json) minus local closure days. Everything a calendar
 * holds is given when it is opened (oversight_calendar_options); afterwards it
 * never changes.
 *
 * Day-0 convention: the `from` date is day 0; adding n working days gives the
 * n-th working day after it (n < 0: before it; n == 0: `from` itself).
 * Working-day arithmetic is O(1) for dates in 1900..2199 and exact (slower)
 * elsewhere in 1400..9999; leaving that range gives OVERSIGHT_E_INVALID_ARG.
 *
 * Threading: a calendar is immutable once opened; like a rule pack, one handle
 * may be used by several threads at once (free it only when none is using it).
 */
#ifndef OVERSIGHT_C_CALENDAR_H
#define OVERSIGHT_C_CALENDAR_H

#include <oversight/c/base.h>

OVERSIGHT_BEGIN_DECLS

/* A named day: an extra bank holiday or a closure. Frozen layout (an array
 * element, so it carries no version). */
typedef struct oversight_calendar_day {
    oversight_date date;
    const char *name; /* UTF-8; required for a holiday; NULL or "" for a closure: "Closure" */
} oversight_calendar_day;

/* What a calendar holds. */
typedef struct oversight_calendar_options {
    uint32_t version;                              /* OVERSIGHT_CALENDAR_OPTIONS_VERSION */
    const char *division;                          /* "england-and-wales" (NULL), "scotland", "northern-ireland" */
    const char *gov_uk_json;                       /* text of gov.uk's bank-holidays.json, or NULL: the rules only */
    const oversight_calendar_day *extra_holidays;  /* newly proclaimed bank holidays, or NULL */
    size_t extra_holiday_count;
    const oversight_calendar_day *closures;        /* local closure days (not working days), or NULL */
    size_t closure_count;
    /* Version 2: the terms of the authority's schools, as the TOML text of a
     * school calendar (name, [[term]] name/first_day/last_day,
     * non_school_days: calendar/school_calendar.hpp). Termly rules (PEP reviews) are counted
     * with it wherever this calendar is passed (reminders, compliance,
     * add_duration in school units); without it they are not counted and
     * the reports list them under "not_counted". */
    const char *school_calendar_toml;              /* NULL: no school terms */
} oversight_calendar_options;

#define OVERSIGHT_CALENDAR_OPTIONS_VERSION 2
#define OVERSIGHT_CALENDAR_OPTIONS_INIT { OVERSIGHT_CALENDAR_OPTIONS_VERSION, NULL, NULL, NULL, 0, NULL, 0, NULL }

/* Fills *opts with the defaults of OVERSIGHT_CALENDAR_OPTIONS_INIT for
 * `version`; OVERSIGHT_E_INVALID_ARG for NULL or an unknown version. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_calendar_options_init(oversight_calendar_options *opts,
                                                                              uint32_t version) OVERSIGHT_NOEXCEPT;

/* Opens a calendar (NULL options: England and Wales by the rules). With
 * gov_uk_json, the years the file covers replace the computed ones and other
 * years stay rule-derived. OVERSIGHT_E_INVALID_ARG for an unknown division,
 * a holiday without a name, an impossible date or a count without its array;
 * OVERSIGHT_E_PARSE naming the JSON path for a malformed gov.uk file. *out is
 * NULL on failure; free the handle with oversight_calendar_free(). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_calendar_open(oversight_calendar **out,
                                                                      const oversight_calendar_options *opts) OVERSIGHT_NOEXCEPT;

/* Releases the calendar. Accepts NULL. */
OVERSIGHT_API void OVERSIGHT_CALL oversight_calendar_free(oversight_calendar *calendar) OVERSIGHT_NOEXCEPT;

/* The division's canonical name ("england-and-wales", ...). Borrowed, static;
 * "" for NULL. */
OVERSIGHT_API const char *OVERSIGHT_CALL oversight_calendar_division(const oversight_calendar *calendar) OVERSIGHT_NOEXCEPT;

/* *out = 1 if `day` is a working day, 0 otherwise. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_calendar_is_working_day(const oversight_calendar *calendar,
                                                                                oversight_date day,
                                                                                int32_t *out) OVERSIGHT_NOEXCEPT;

/* *out = the n-th working day after `from` (day-0 convention above). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_calendar_add_working_days(const oversight_calendar *calendar,
                                                                                  oversight_date from, int32_t n,
                                                                                  oversight_date *out) OVERSIGHT_NOEXCEPT;

/* *out = the number of working days d with a < d <= b (negative when b < a). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_calendar_working_days_between(const oversight_calendar *calendar,
                                                                                      oversight_date a, oversight_date b,
                                                                                      int32_t *out) OVERSIGHT_NOEXCEPT;

/* The bank holidays of `year` (1400..9999) as an owned JSON document
 * {"format":"oversight-holidays","version":1,"division","year",
 *  "holidays":[{"date":"2012-06-04","name":"Spring bank holiday"}]}, in date
 * order. Closures are not included. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_calendar_holidays_json(const oversight_calendar *calendar,
                                                                               int32_t year, char **out) OVERSIGHT_NOEXCEPT;

/* *out = `from` plus a duration given as text: "10 working days", "6 weeks",
 * "3 months" (corresponding-date rule: 31 Jan + 1 month = 28/29 Feb),
 * "15 days"; "1 school term", "20 school days" with a calendar opened with
 * school terms (options version 2), otherwise OVERSIGHT_E_INVALID_ARG.
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

OVERSIGHT_END_DECLS

#endif /* OVERSIGHT_C_CALENDAR_H */
