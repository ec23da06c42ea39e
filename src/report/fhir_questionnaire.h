/* fhir_questionnaire.h - a questionnaire as FHIR R4 resources to load into a FHIR server
 * (`mesoscreen fhir-questionnaire`): the Questionnaire, and the CodeSystems of its codes. */
#ifndef MESOSCREEN_FHIR_QUESTIONNAIRE_H
#define MESOSCREEN_FHIR_QUESTIONNAIRE_H

#include <stddef.h>

#include "model.h"

/* The link ids a QuestionnaireResponse shares with the Questionnaire: a question's is its id;
 * a section's and a help text's hold a '.', which no id does, so all are unique (que-2).
 * The caller frees them. */
char *fhir_section_link_id(const struct section *s);

/* A transaction Bundle (JSON) that creates, once however often it is sent (conditional
 * create on url and version), the Questionnaire of q (validated) and its CodeSystems: the
 * outcome's codes (verdicts, roles, severities), the finding ids, and each choice question's
 * option values. Texts in every language of q (the first as the text, the others as FHIR
 * translation extensions and designations). Returns a NUL-terminated buffer the caller frees,
 * its length in *len. */
char *fhir_questionnaire_render(const struct questionnaire *q, size_t *len);

#endif
