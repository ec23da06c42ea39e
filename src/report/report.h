/* report.h - the report of a finished screening, in every format (text and PDF for the
 * patient file, JSON, FHIR R4 QuestionnaireResponse), rendered into memory so that it can be
 * printed, written atomically or saved by the same code. */
#ifndef MESOSCREEN_REPORT_H
#define MESOSCREEN_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "model.h"
#include "rules.h"
#include "walk.h"

enum report_format { REPORT_TEXT, REPORT_JSON, REPORT_FHIR, REPORT_PDF, REPORT_FORMAT_COUNT };

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
    /* FHIR: the screening's UUID, minted when it began (NULL: derived from the screening's
     * content), and the clinic's system of patient ids (a URI, or NULL). */
    const char *screening_id;
    const char *patient_system;
    time_t when; /* the report's time: SOURCE_DATE_EPOCH when set, else now */
    size_t lang; /* index into q->languages */
};

/* "text", "json", "fhir", "pdf" <-> enum; -1 for an unknown name. */
int report_format_parse(const char *s);
/* The saved file's extension without the dot: "txt", "json", "json" (FHIR), "pdf". */
const char *report_format_extension(enum report_format f);

/* Renders the report of walk w (complete) with outcome o. Returns a NUL-terminated buffer
 * the caller frees, its length in *len (a PDF holds NUL bytes: use *len). Only reached
 * questions appear. Only a PDF can fail (its module, mesoscreen-pdf.so, missing or unable to
 * typeset): then NULL, with the reason in *err (caller frees); *err is NULL on success. */
char *report_render(enum report_format f, const struct walk *w, const struct outcome *o,
                    const struct report_meta *m, size_t *len, char **err);

/* Whether format f can be rendered here: false for PDF when its module cannot be loaded, with
 * the reason in *err (caller frees). Loads the module: call it only when a PDF is wanted. */
bool report_format_available(enum report_format f, char **err);

/* The report's time: SOURCE_DATE_EPOCH when set and valid, else time(NULL). Returns
 * (time_t)-1 with a message in *err (caller frees) when SOURCE_DATE_EPOCH is malformed. */
time_t report_time(char **err);

#endif
