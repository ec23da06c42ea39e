/* report_text.h - the report for the patient file, laid out on paper: pages of at most 60 lines
 * of 80 columns, page 1 holding everything that is signed. The text report prints these pages;
 * the PDF typesets them. Private to src/report: callers use report_render (report.h). */
#ifndef MESOSCREEN_REPORT_TEXT_H
#define MESOSCREEN_REPORT_TEXT_H

#include <stddef.h>

#include "paper.h"
#include "report.h"

/* The pages of the report of walk w (complete) with outcome o. The caller frees the result
 * with paper_doc_free (paper_flow.h). */
struct paper_doc *report_text_pages(const struct walk *w, const struct outcome *o,
                                    const struct report_meta *m);

/* The pages as UTF-8 text: same contract as report_render for this format. */
char *report_text_render(const struct walk *w, const struct outcome *o, const struct report_meta *m,
                         size_t *len);

#endif
