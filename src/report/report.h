/* report.h - the report of a finished screening, in every format (text for the patient
 * file, JSON, FHIR R4 QuestionnaireResponse), rendered into memory so that it can be
 * printed, written atomically or saved by the same code. */
#ifndef MESOSCREEN_REPORT_H
#define MESOSCREEN_REPORT_H

#include <stddef.h>
#include <time.h>

#include "model.h"
#include "rules.h"
#include "walk.h"

enum report_format { REPORT_TEXT, REPORT_JSON, REPORT_FHIR, REPORT_FORMAT_COUNT };

/* Who, when and in which language. Strings are borrowed; a NULL (or "") string prints as
 * not stated. */
struct report_meta {
    const char *patient; /* the patient's id */
    const char *practitioner;
    const char *patient_name;
    const char *birth_date;  /* YYYY-MM-DD, a valid date */
    const char *answered_by; /* "patient", "guardian" or "interpreter" */
    const char *clinic;
    const char *replaces; /* the file name of the earlier report this one replaces */
    time_t when;          /* the report's time: SOURCE_DATE_EPOCH when set, else now */
    size_t lang;          /* index into q->languages */
};

/* "text", "json", "fhir" <-> enum; -1 for an unknown name. */
int report_format_parse(const char *s);
/* The saved file's extension without the dot: "txt", "json", "json" (FHIR). */
const char *report_format_extension(enum report_format f);

/* Renders the report of walk w (complete) with outcome o. Returns a NUL-terminated buffer
 * the caller frees, its length in *len. Only reached questions appear. */
char *report_render(enum report_format f, const struct walk *w, const struct outcome *o,
                    const struct report_meta *m, size_t *len);

/* The report's time: SOURCE_DATE_EPOCH when set and valid, else time(NULL). Returns
 * (time_t)-1 with a message in *err (caller frees) when SOURCE_DATE_EPOCH is malformed. */
time_t report_time(char **err);

#endif
