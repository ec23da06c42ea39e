/* people.c - the checks on the people fields of a screening: who answers, free text that can
 * safely reach a report or a terminal, a birth date and the age it gives. */
#include "people.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

const char *const people_answered_by_names[3] = {"patient", "guardian", "interpreter"};

int people_answered_by_parse(const char *s)
{
    for (size_t i = 0; i < sizeof people_answered_by_names / sizeof people_answered_by_names[0];
         i++)
        if (s && strcmp(s, people_answered_by_names[i]) == 0)
            return (int)i;
    return -1;
}

const char *people_text_problem(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len = utf8_decode(s + i, n - i, &cp);
        if (len == 0)
            return "invalid UTF-8";
        if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
            return "a control character";
        if (utf8_is_bidi_control(cp))
            return "a bidirectional control character";
        i += len;
    }
    return NULL;
}

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Parses "YYYY-MM-DD" strictly (ten characters, digits where digits belong) into a real day. */
static bool parse_ymd(const char *s, int *y, int *m, int *d)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    *y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    *m = (s[5] - '0') * 10 + (s[6] - '0');
    *d = (s[8] - '0') * 10 + (s[9] - '0');
    if (*m < 1 || *m > 12 || *d < 1)
        return false;
    return *d <= days[*m - 1] + (*m == 2 && leap(*y));
}

/* The local calendar day of t; false when the C library cannot tell. */
static bool local_day(time_t t, int *y, int *m, int *d)
{
    struct tm tm;
    if (!localtime_r(&t, &tm))
        return false;
    *y = tm.tm_year + 1900;
    *m = tm.tm_mon + 1;
    *d = tm.tm_mday;
    return true;
}

bool people_birth_date_check(const char *s, time_t now, const char **why)
{
    int y, m, d, ty, tm, td;
    if (!parse_ymd(s, &y, &m, &d)) {
        *why = "expected a date as YYYY-MM-DD";
        return false;
    }
    if (y < 1900) {
        *why = "the date is before 1900";
        return false;
    }
    if (local_day(now, &ty, &tm, &td) && (y > ty || (y == ty && (m > tm || (m == tm && d > td))))) {
        *why = "the date is in the future";
        return false;
    }
    return true;
}

int people_age_on(const char *s, time_t when)
{
    int y, m, d, ty, tm, td;
    if (!parse_ymd(s, &y, &m, &d) || !local_day(when, &ty, &tm, &td))
        return -1;
    int age = ty - y - (tm < m || (tm == m && td < d));
    return age < 0 ? -1 : age;
}
