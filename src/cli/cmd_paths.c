/* cmd_paths.c - `mesoscreen paths [-q FILE]`: the decision table of a questionnaire, every
 * outcome with the answers that lead to it, for clinical sign-off (product.md section 2). */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "paths.h"

int cmd_paths(const struct options *o)
{
    struct questionnaire *q;
    size_t lang; /* the table is in the first language; an unknown --lang is still refused */
    int status = cli_open_questionnaire_and_language(o, &q, &lang);
    if (status != EXIT_OK)
        return status;
    struct paths *p = paths_analyse(q, PATHS_DEFAULT_BUDGET);
    paths_print(p, stdout);
    paths_free(p);
    model_free(q);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        cli_error("paths: cannot write the decision table: %s", strerror(errno));
        return EXIT_CANTCREAT;
    }
    return EXIT_OK;
}
