/* cmd_paths.c - `mesoscreen paths [-q FILE] [--full]`: the decision table of a questionnaire
 * for clinical sign-off, in its language, headed by its SHA-256 and the date (product.md
 * sections 2 and 8). */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "digest.h"
#include "paths.h"
#include "report.h"
#include "timestamp.h"

int cmd_paths(const struct options *o)
{
    char *err = NULL;
    time_t when = report_time(&err);
    struct timestamp ts;
    if (when == (time_t)-1 || !timestamp_split(when, &ts)) {
        cli_error("%s", err ? err : "the date cannot be shown");
        free(err);
        return EXIT_USAGE;
    }
    struct questionnaire *q;
    size_t lang;
    int status = cli_open_questionnaire_and_language(o, &q, &lang);
    if (status != EXIT_OK)
        return status;
    char sha[DIGEST_HEX_LEN + 1];
    digest_sha256_hex(q->source, q->source_len, sha);
    struct paths_table meta = {sha, ts.date, lang, o->full};
    struct paths *p = paths_analyse(q, PATHS_DEFAULT_BUDGET);
    paths_print(p, &meta, stdout);
    paths_free(p);
    model_free(q);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        cli_error("paths: cannot write the decision table: %s", strerror(errno));
        return EXIT_CANTCREAT;
    }
    return EXIT_OK;
}
