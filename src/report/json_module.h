/* json_module.h - the interface between mesoscreen and its JSON module (mesoscreen-json.so),
 * the code that links jansson: the JSON and FHIR reports, the FHIR Questionnaire, and reading
 * a FHIR server's answer. The module exports one constant table, JSON_MODULE_SYMBOL, of this
 * type (module.h), so that the commands that write no JSON (answer as text, the screens, check)
 * never load jansson.
 *
 * The program reaches it through the functions the module implements (report_json_render,
 * report_fhir_render, fhir_questionnaire_render, fhir_response_read): json_load.c gives the
 * program versions of them that load the module on first use; the test programs link the
 * module's sources instead. */
#ifndef MESOSCREEN_JSON_MODULE_H
#define MESOSCREEN_JSON_MODULE_H

#include <stddef.h>

#include "fhir_response.h"
#include "model.h"
#include "module.h"
#include "report.h"

#define JSON_MODULE_SYMBOL "mesoscreen_json_module"
/* Raised whenever struct json_module changes. The module calls the program's own functions
 * (the engine, the report's words), so it must come from the same build: the program also
 * compares `version`. */
#define JSON_MODULE_ABI 1

struct json_module {
    struct module_head head; /* JSON_MODULE_ABI, and its build's MESOSCREEN_VERSION */
    /* The functions of report_json.h, report_fhir.h, fhir_questionnaire.h and
     * fhir_response.h, with their contracts. */
    char *(*report_json)(const struct walk *w, const struct outcome *o, const struct report_meta *m,
                         size_t *len);
    char *(*report_fhir)(const struct walk *w, const struct outcome *o, const struct report_meta *m,
                         size_t *len);
    char *(*fhir_questionnaire)(const struct questionnaire *q, size_t *len);
    void (*fhir_response)(const char *body, size_t len, struct fhir_response *out);
};

#endif
