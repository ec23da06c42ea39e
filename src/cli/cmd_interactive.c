/* cmd_interactive.c - `mesoscreen` with no command: opens the questionnaire, picks the
 * language, opens the screening (src/screening) and hands it to the interface (src/ui),
 * then turns how it ended into the exit code. */
#include "cli.h"

#include <stdlib.h>

#include "session.h"
#include "ui.h"

/* The exit code of each way an interactive screening ends. */
static int exit_code_of(enum ui_status st)
{
    switch (st) {
    case UI_DONE:
        return EXIT_OK;
    case UI_INTERRUPTED:
        return EXIT_INTERRUPTED;
    case UI_INPUT_ENDED:
        return EXIT_DATA;
    case UI_FAILED:
        break;
    }
    return EXIT_CANTCREAT;
}

int cmd_interactive(const struct options *o)
{
    ui_locale(); /* before loading: messages and characters follow the user's locale */
    struct questionnaire *q = NULL;
    int rc = cli_open_questionnaire(o, &q);
    if (rc != EXIT_OK)
        return rc;
    int lang = cli_language(o, q);
    if (lang < 0) {
        model_free(q);
        return EXIT_USAGE;
    }
    struct session_people people = {
        .patient = o->patient,
        .patient_name = o->patient_name,
        .birth_date = o->birth_date,
        .answered_by = o->answered_by,
        .practitioner = o->practitioner,
        .clinic = o->clinic,
    };
    struct session_config c = {
        .q = q, .lang = (size_t)lang, .report_dir = o->report_dir, .people = people};
    struct session s;
    char *err = NULL;
    if (session_open(&s, &c, &err) != 0) {
        cli_error("%s", err);
        free(err);
        rc = EXIT_CANTCREAT;
    } else {
        rc = exit_code_of(ui_run(&s, o->plain));
    }
    session_close(&s);
    model_free(q);
    return rc;
}
