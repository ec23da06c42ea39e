/* cmd_check.c - `mesoscreen check FILE...`: loads and validates each questionnaire and prints
 * every problem as FILE:LINE:COL, sorted (product.md section 2). */
#include "cli.h"

#include <stdio.h>

#include "diag.h"
#include "loader.h"
#include "screen_fit.h"
#include "validator.h"

int cmd_check(const struct options *o)
{
    if (o->n_args == 0) {
        cli_error("check: no questionnaire file given");
        fputs("Try 'mesoscreen --help' for more information.\n", stderr);
        return EXIT_USAGE;
    }
    struct diags d = DIAGS_INIT;
    bool unreadable = false, no_lang = false;
    for (int i = 0; i < o->n_args; i++) {
        struct questionnaire *q = NULL;
        enum load_status st = loader_load_file(o->args[i], &d, &q);
        model_drop_source(q); /* checking needs the model, not the bytes: a file's worth less */
        if (st == LOAD_OK && validator_check(q, &d))
            screen_fit_check(q, &d);
        /* --lang asks for a language every file must have, as the other commands do. */
        if (st == LOAD_OK && o->lang && cli_language_named(q, o->lang, o->args[i]) < 0)
            no_lang = true;
        unreadable = unreadable || st == LOAD_IO_ERROR;
        model_free(q);
    }
    diags_sort(&d);
    diags_print(&d, stderr);
    int status = no_lang          ? EXIT_USAGE
                 : unreadable     ? EXIT_NOINPUT
                 : d.n_errors > 0 ? EXIT_DATA
                                  : EXIT_OK;
    diags_clear(&d);
    return status;
}
