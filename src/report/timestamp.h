/* timestamp.h - the report's time as ISO 8601 in local time with its UTC offset, the one
 * spelling every format uses (2026-11-25T14:03:00+01:00). */
#ifndef MESOSCREEN_TIMESTAMP_H
#define MESOSCREEN_TIMESTAMP_H

#include <stdbool.h>
#include <time.h>

#define TIMESTAMP_SIZE 32

/* Local broken-down time of t: date "YYYY-MM-DD", time "HH:MM:SS" and offset "+HH:MM". */
struct timestamp {
    char date[11];
    char time[9];
    char offset[7];
};

/* Splits t into *out (local time zone). Returns false when t cannot be shown as a four-digit
 * year (report_time never returns such a time). */
bool timestamp_split(time_t t, struct timestamp *out);

/* "2026-11-25T14:03:00+01:00" into buf. Dies on a time timestamp_split refuses: callers pass
 * report_time's result (a programmer error otherwise). */
void timestamp_iso8601(time_t t, char buf[TIMESTAMP_SIZE]);

#endif
