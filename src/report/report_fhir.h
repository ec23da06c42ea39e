/* report_fhir.h - the report as an HL7 FHIR R4 QuestionnaireResponse, for clinical record systems.
 * Private to src/report: callers use report_render (report.h). */
#ifndef MESOSCREEN_REPORT_FHIR_H
#define MESOSCREEN_REPORT_FHIR_H

#include <stddef.h>

#include "report.h"

/* Same contract as report_render for this format. */
char *report_fhir_render(const struct walk *w, const struct outcome *o, const struct report_meta *m,
                         size_t *len);

#endif
