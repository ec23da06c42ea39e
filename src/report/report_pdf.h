/* report_pdf.h - the PDF report: the pages of the text report (report_text.h) typeset by the
 * PDF module, loaded on first use so that nothing else maps cairo or pango. Private to
 * src/report: callers use report_render (report.h). */
#ifndef MESOSCREEN_REPORT_PDF_H
#define MESOSCREEN_REPORT_PDF_H

#include <stdbool.h>
#include <stddef.h>

#include "report.h"

/* Whether the PDF module can be loaded; false with the reason in *err (caller frees). */
bool report_pdf_available(char **err);

/* Same contract as report_render for this format. */
char *report_pdf_render(const struct walk *w, const struct outcome *o, const struct report_meta *m,
                        size_t *len, char **err);

#endif
