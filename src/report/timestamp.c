/* timestamp.c - local time with an explicit UTC offset, so a report read in another time
 * zone still says exactly when the screening happened. */
#include "timestamp.h"

#include <stdio.h>
#include <string.h>

#include "xalloc.h"

bool timestamp_split(time_t t, struct timestamp *out)
{
    struct tm tm;
    char z[16];

    tzset();
    if (!localtime_r(&t, &tm) || tm.tm_year < 0 - 1900 + 1 || tm.tm_year > 9999 - 1900)
        return false;
    if (strftime(out->date, sizeof out->date, "%Y-%m-%d", &tm) != 10 ||
        strftime(out->time, sizeof out->time, "%H:%M:%S", &tm) != 8 ||
        strftime(z, sizeof z, "%z", &tm) != 5)
        return false;
    /* %z is "+0100"; ISO 8601 extended format wants "+01:00". */
    snprintf(out->offset, sizeof out->offset, "%.3s:%.2s", z, z + 3);
    return true;
}

void timestamp_iso8601(time_t t, char buf[TIMESTAMP_SIZE])
{
    struct timestamp ts;
    if (!timestamp_split(t, &ts))
        xdie("report time %lld out of range", (long long)t);
    snprintf(buf, TIMESTAMP_SIZE, "%sT%s%s", ts.date, ts.time, ts.offset);
}
