/* fhir_when.h - a questionnaire's `when` conditions in a FHIR Questionnaire: enableWhen and
 * enableBehavior where FHIR can say the same, the SDC enableWhenExpression (FHIRPath)
 * otherwise. Private to the FHIR renderers. */
#ifndef MESOSCREEN_FHIR_WHEN_H
#define MESOSCREEN_FHIR_WHEN_H

#include <jansson.h>

#include "model.h"

#define FHIR_EXT_ENABLE_WHEN_EXPRESSION                                                            \
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression"

/* Makes item (a Questionnaire item) enabled exactly when c holds: sets enableWhen (and
 * enableBehavior when there are several), or appends the enableWhenExpression extension to
 * item.extension. c must be resolved and on questions only; NULL does nothing. */
void fhir_when_apply(json_t *item, const struct questionnaire *q, const struct cond *c);

/* c as a FHIRPath expression on the QuestionnaireResponse (%resource) that is true exactly
 * when c holds on its answers. The caller frees it. */
char *fhir_when_fhirpath(const struct questionnaire *q, const struct cond *c);

/* An Expression {language text/fhirpath, expression}. A new reference. */
json_t *fhir_when_expression(const char *fhirpath);

#endif
