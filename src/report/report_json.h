/* report_json.h - the JSON report (product.md section 5): the same content as the text report, for
 * programs. Private to src/report: callers use report_render (report.h). */
#ifndef MESOSCREEN_REPORT_JSON_H
#define MESOSCREEN_REPORT_JSON_H

#include <stddef.h>

#include "report.h"

/* Same contract as report_render for this format. */
char *report_json_render(const struct walk *w, const struct outcome *o, const struct report_meta *m,
                         size_t *len);

#endif
