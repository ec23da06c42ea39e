/* report_text.h - the text report for the patient file: 80 columns, word-wrapped UTF-8, verdict
 * boxed. Private to src/report: callers use report_render (report.h). */
#ifndef MESOSCREEN_REPORT_TEXT_H
#define MESOSCREEN_REPORT_TEXT_H

#include <stddef.h>

#include "report.h"

/* Same contract as report_render for this format. */
char *report_text_render(const struct walk *w, const struct outcome *o, const struct report_meta *m,
                         size_t *len);

#endif
