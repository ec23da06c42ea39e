/* cmd_fhir_questionnaire.c - `mesoscreen fhir-questionnaire [-q FILE] [-o PATH]`: the
 * questionnaire as a FHIR R4 Questionnaire with its CodeSystems, in a transaction Bundle to
 * load into the clinic's FHIR server (product.md section 9). */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fhir_questionnaire.h"
#include "save.h"

int cmd_fhir_questionnaire(const struct options *o)
{
    struct questionnaire *q;
    size_t lang; /* unused: every language is in the Questionnaire; an unknown --lang is refused */
    int rc = cli_open_questionnaire_and_language(o, &q, &lang);
    if (rc != EXIT_OK)
        return rc;
    size_t len = 0;
    char *doc = fhir_questionnaire_render(q, &len), *err = NULL;
    model_free(q);
    if (o->output && strcmp(o->output, "-") != 0) {
        if (save_atomic(o->output, doc, len, &err) != 0) {
            cli_error("fhir-questionnaire: cannot write %s: %s", o->output, err);
            rc = EXIT_CANTCREAT;
        }
    } else if (fwrite(doc, 1, len, stdout) != len || fflush(stdout) != 0) {
        cli_error("fhir-questionnaire: cannot write to standard output");
        rc = EXIT_CANTCREAT;
    }
    free(err);
    free(doc);
    return rc;
}
