/* report.c - the report formats by name, the report's time, and rendering by format.
 * Each format lives in its own file (report_text.c, report_json.c, report_fhir.c,
 * report_pdf.c). */
#include "report.h"

#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "report_fhir.h"
#include "report_json.h"
#include "report_pdf.h"
#include "report_text.h"
#include "timestamp.h"
#include "xalloc.h"

/* One row per format: its name on the command line, the saved file's extension, and its
 * renderer. */
static const struct report_format_row {
    const char *name;
    const char *extension;
    char *(*render)(const struct walk *w, const struct outcome *o, const struct report_meta *m,
                    size_t *len); /* NULL for PDF, which can fail (report_pdf.h) */
} report_formats[REPORT_FORMAT_COUNT] = {
    [REPORT_TEXT] = {"text", "txt", report_text_render},
    [REPORT_JSON] = {"json", "json", report_json_render},
    [REPORT_FHIR] = {"fhir", "json", report_fhir_render},
    [REPORT_PDF] = {"pdf", "pdf", NULL},
};

int report_format_parse(const char *s)
{
    for (int i = 0; i < REPORT_FORMAT_COUNT; i++)
        if (s && strcmp(report_formats[i].name, s) == 0)
            return i;
    return -1;
}

const char *report_format_extension(enum report_format f)
{
    if ((unsigned)f >= REPORT_FORMAT_COUNT)
        xdie("report_format_extension: bad format %d", (int)f);
    return report_formats[f].extension;
}

char *report_render(enum report_format f, const struct walk *w, const struct outcome *o,
                    const struct report_meta *m, size_t *len, char **err)
{
    if ((unsigned)f >= REPORT_FORMAT_COUNT)
        xdie("report_render: bad format %d", (int)f);
    *err = NULL;
    if (f == REPORT_PDF)
        return report_pdf_render(w, o, m, len, err);
    return report_formats[f].render(w, o, m, len);
}

bool report_format_available(enum report_format f, char **err)
{
    *err = NULL;
    return f != REPORT_PDF || report_pdf_available(err);
}

/* The latest time every format can show: 9999-12-31 in any time zone. */
#define REPORT_TIME_MAX 253402214400LL

time_t report_time(char **err)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    *err = NULL;
    if (!s)
        return time(NULL);

    unsigned long long v = 0;
    bool ok = *s != '\0' && strlen(s) <= 20;
    for (const char *p = s; ok && *p; p++) {
        if (*p < '0' || *p > '9' || v > (ULLONG_MAX - 9) / 10)
            ok = false;
        else
            v = v * 10 + (unsigned)(*p - '0');
    }
    if (ok && (v > (unsigned long long)REPORT_TIME_MAX || (time_t)v < 0 ||
               (unsigned long long)(time_t)v != v))
        ok = false; /* beyond year 9999, or beyond a 32-bit time_t */
    if (!ok) {
        char *shown = strlen(s) > 40 ? xasprintf("%.40s...", s) : xstrdup(s);
        for (char *p = shown; *p; p++)
            if ((unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7F)
                *p = '?';
        *err = xasprintf("SOURCE_DATE_EPOCH '%s' is not a number of seconds since 1970 (digits "
                         "only, at most %lld)",
                         shown, REPORT_TIME_MAX);
        free(shown);
        return (time_t)-1;
    }
    return (time_t)v;
}
