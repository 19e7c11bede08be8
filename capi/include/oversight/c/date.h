/*
 * <oversight/c/date.h> - calendar dates as ISO 8601 text.
 *
 * oversight_date itself is in <oversight/c/base.h>. Date-times cross the ABI
 * as UTC ISO 8601 text ("YYYY-MM-DDTHH:MM:SSZ"). An impossible date (30
 * February, month 13) is refused with OVERSIGHT_E_INVALID_ARG everywhere.
 */
#ifndef OVERSIGHT_C_DATE_H
#define OVERSIGHT_C_DATE_H

#include <oversight/c/base.h>

OVERSIGHT_BEGIN_DECLS

/* Parses "YYYY-MM-DD" into *out. OVERSIGHT_E_INVALID_ARG for NULL, other text
 * or an impossible date. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_date_parse_iso(const char *text,
                                                                       oversight_date *out) OVERSIGHT_NOEXCEPT;

/* Formats a date as "YYYY-MM-DD" into an owned string (oversight_free). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_date_format_iso(oversight_date date,
                                                                        char **out) OVERSIGHT_NOEXCEPT;

/* OVERSIGHT_OK if the date exists, OVERSIGHT_E_INVALID_ARG otherwise. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_date_validate(oversight_date date) OVERSIGHT_NOEXCEPT;

/* Today's date in UTC. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_date_today(oversight_date *out) OVERSIGHT_NOEXCEPT;

OVERSIGHT_END_DECLS

#endif /* OVERSIGHT_C_DATE_H */
