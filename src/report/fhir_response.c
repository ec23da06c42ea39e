/* fhir_response.c - reading a FHIR server's answer to a transaction (see fhir_response.h). */
#include "fhir_response.h"

#include <jansson.h>
#include <string.h>

#include "xalloc.h"

/* The first issue's words of an OperationOutcome body, or NULL. */
static const char *outcome_text(json_t *body)
{
    json_t *issue = json_array_get(json_object_get(body, "issue"), 0);
    const char *s = json_string_value(json_object_get(json_object_get(issue, "details"), "text"));
    return s ? s : json_string_value(json_object_get(issue, "diagnostics"));
}

/* Whether body is a transaction-response whose every entry is 2xx; counts the entries that
 * were created (201) in *created. */
static bool transaction_done(json_t *body, size_t *created)
{
    const char *type = json_string_value(json_object_get(body, "type"));
    json_t *entries = json_object_get(body, "entry");
    if (!type || strcmp(type, "transaction-response") != 0 || !json_is_array(entries) ||
        json_array_size(entries) == 0)
        return false;
    size_t i;
    json_t *e;
    *created = 0;
    json_array_foreach(entries, i, e)
    {
        const char *status =
            json_string_value(json_object_get(json_object_get(e, "response"), "status"));
        if (!status || status[0] != '2')
            return false;
        if (strncmp(status, "201", 3) == 0)
            (*created)++;
    }
    return true;
}

void fhir_response_read(const char *body, size_t len, struct fhir_response *out)
{
    memset(out, 0, sizeof *out);
    json_t *root = body ? json_loadb(body, len, 0, NULL) : NULL;
    if (!root)
        return;
    out->done = transaction_done(root, &out->created);
    const char *why = outcome_text(root);
    out->outcome = why ? xstrdup(why) : NULL;
    json_decref(root);
}
