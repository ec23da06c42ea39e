/* json_module.c - the table the JSON module (mesoscreen-json.so) exports (json_module.h). */
#include "json_module.h"

#include "fhir_questionnaire.h"
#include "report_fhir.h"
#include "report_json.h"

/* The one symbol the module exports (module.h); everything else in it is hidden. */
extern const struct json_module mesoscreen_json_module;
__attribute__((visibility("default"))) const struct json_module mesoscreen_json_module = {
    .head = {JSON_MODULE_ABI, MESOSCREEN_VERSION},
    .report_json = report_json_render,
    .report_fhir = report_fhir_render,
    .fhir_questionnaire = fhir_questionnaire_render,
    .fhir_response = fhir_response_read,
};
