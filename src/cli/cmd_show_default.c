/* cmd_show_default.c - `mesoscreen show-default`: the built-in questionnaire, byte for byte,
 * so that a clinic can copy and adapt it. */
#include "cli.h"

#include <stdio.h>

#include "builtin.h"

int cmd_show_default(const struct options *o)
{
    if (o->lang) { /* a language the built-in questionnaire lacks is refused, as elsewhere */
        struct options builtin = *o;
        builtin.questionnaire = NULL;
        struct questionnaire *q;
        size_t lang;
        int status = cli_open_questionnaire_and_language(&builtin, &q, &lang);
        if (status != EXIT_OK)
            return status;
        model_free(q);
    }
    if (fwrite(builtin_yaml, 1, builtin_yaml_len, stdout) != builtin_yaml_len ||
        fflush(stdout) != 0) {
        cli_error("cannot write to standard output");
        return EXIT_CANTCREAT;
    }
    return EXIT_OK;
}
