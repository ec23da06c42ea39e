/* json_load.c - the program's side of the JSON module (json_module.h): the JSON functions the
 * rest of the program calls, each loading mesoscreen-json.so on first use and calling its
 * implementation, so that jansson is loaded only by a command that writes or reads JSON.
 * Linked into the program only; the test programs link the module's sources instead. */
#include "json_module.h"

#include "fhir_questionnaire.h"
#include "module.h"
#include "report_fhir.h"
#include "report_json.h"
#include "xalloc.h"

/* The module's table. A program without its JSON module is not installed whole: it dies
 * saying so (exit 70), as for any other internal error. */
static const struct json_module *json_module(void)
{
    static const struct json_module *mod;
    if (mod)
        return mod;
    char *err = NULL;
    mod = module_table("json", JSON_MODULE_SYMBOL, JSON_MODULE_ABI, &err);
    if (!mod)
        xdie("%s", err);
    return mod;
}

char *report_json_render(const struct walk *w, const struct outcome *o, const struct report_meta *m,
                         size_t *len)
{
    return json_module()->report_json(w, o, m, len);
}

char *report_fhir_render(const struct walk *w, const struct outcome *o, const struct report_meta *m,
                         size_t *len)
{
    return json_module()->report_fhir(w, o, m, len);
}

char *fhir_questionnaire_render(const struct questionnaire *q, size_t *len)
{
    return json_module()->fhir_questionnaire(q, len);
}

void fhir_response_read(const char *body, size_t len, struct fhir_response *out)
{
    json_module()->fhir_response(body, len, out);
}
