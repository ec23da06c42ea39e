/* cmd_answer.c - `mesoscreen answer --answers FILE`: the report of a screening given as an
 * answers file, without a terminal (product.md sections 2 and 3). */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers_file.h"
#include "diag.h"
#include "report.h"
#include "rules.h"
#include "private_dir.h"
#include "save.h"
#include "uuid.h"
#include "walk.h"
#include "xalloc.h"

/* Where the report goes, decided by the options. */
enum answer_sink { SINK_STDOUT, SINK_PATH, SINK_SAVE };

static int usage(const char *msg)
{
    cli_error("answer: %s", msg);
    fputs("Try 'mesoscreen --help' for more information.\n", stderr);
    return EXIT_USAGE;
}

/* Reads and applies the answers file to a new walk over q. Prints every diagnostic. Returns
 * EXIT_OK with *walk_out and *af_out set, or EXIT_DATA / EXIT_NOINPUT. */
static int answer_load(const struct options *o, const struct questionnaire *q,
                       struct answers_file **af_out, struct walk **walk_out)
{
    struct diags d = DIAGS_INIT;
    struct answers_file *af = NULL;
    struct walk *w = NULL;
    enum load_status st = answers_file_load(o->answers, &d, &af);
    if (st == LOAD_OK) {
        w = walk_new(q);
        if (!answers_file_apply(af, w, &d))
            st = LOAD_BAD_DATA;
    }
    diags_sort(&d);
    diags_print(&d, stderr);
    diags_clear(&d);
    if (st != LOAD_OK) {
        walk_free(w);
        answers_file_free(af);
        return st == LOAD_IO_ERROR ? EXIT_NOINPUT : EXIT_DATA;
    }
    *af_out = af;
    *walk_out = w;
    return EXIT_OK;
}

/* Writes the rendered report where the options say. */
static int answer_write(const struct options *o, enum answer_sink sink, enum report_format f,
                        const char *patient, time_t when, const char *data, size_t len)
{
    char *err = NULL;
    switch (sink) {
    case SINK_STDOUT:
        if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
            cli_error("cannot write the report to standard output");
            return EXIT_CANTCREAT;
        }
        return EXIT_OK;
    case SINK_PATH:
        if (save_atomic(o->output, data, len, &err) != 0) {
            cli_error("cannot write the report to %s: %s", o->output, err);
            free(err);
            return EXIT_CANTCREAT;
        }
        return EXIT_OK;
    case SINK_SAVE: {
        char *path = NULL;
        if (save_report(o->report_dir, patient, when, report_format_extension(f), data, len, &path,
                        &err) != 0) {
            cli_error("cannot save the report in %s: %s", o->report_dir, err);
            free(err);
            return EXIT_CANTCREAT;
        }
        printf("%s\n", path);
        free(path);
        char *shared = private_dir_shared(o->report_dir);
        if (shared)
            cli_error("warning: %s", shared);
        free(shared);
        if (fflush(stdout) != 0)
            return EXIT_CANTCREAT;
        return EXIT_OK;
    }
    }
    return EXIT_SOFTWARE;
}

int cmd_answer(const struct options *o)
{
    if (!o->answers)
        return usage("--answers FILE is required");
    if (o->save && o->output)
        return usage("-o and --save cannot be used together");
    int format = report_format_parse(o->format ? o->format : "text");
    if (format < 0)
        return usage("--format must be text, json, fhir or pdf");
    enum answer_sink sink = o->save                                    ? SINK_SAVE
                            : o->output && strcmp(o->output, "-") != 0 ? SINK_PATH
                                                                       : SINK_STDOUT;

    struct questionnaire *q = NULL;
    size_t lang = 0;
    int rc = cli_open_questionnaire_and_language(o, &q, &lang);
    if (rc != EXIT_OK)
        return rc;
    char *err = NULL;
    time_t when = report_time(&err);
    if (err) {
        cli_error("%s", err);
        free(err);
        model_free(q);
        return EXIT_USAGE;
    }

    struct answers_file *af = NULL;
    struct walk *w = NULL;
    rc = answer_load(o, q, &af, &w);
    if (rc != EXIT_OK) {
        model_free(q);
        return rc;
    }

    struct outcome out;
    if (!rules_evaluate(w, &out)) {
        /* check proves every path ends on a role row: reaching here is a bug */
        cli_error("internal error: no role rule matched these answers");
        rc = EXIT_SOFTWARE;
    } else {
        struct report_meta meta = {
            .patient = o->patient ? o->patient : af->patient,
            .practitioner = o->practitioner ? o->practitioner : af->practitioner,
            .patient_name = o->patient_name,
            .birth_date = o->birth_date,
            .answered_by = o->answered_by,
            .clinic = o->clinic,
            .patient_system = o->fhir_patient_system,
            .when = when,
            .lang = lang,
        };
        /* A saved screening is a new one, sent to the FHIR server under its own UUID; on
         * standard output or -o the FHIR identifier is derived from the content. */
        char screening_id[UUID_STR_SIZE];
        bool deliver = sink == SINK_SAVE && o->fhir_server;
        if (deliver) {
            if (!uuid_random(screening_id)) {
                cli_error("cannot make the screening's identifier: no random numbers");
                rc = EXIT_SOFTWARE;
                goto done;
            }
            meta.screening_id = screening_id;
        }
        size_t len = 0;
        char *report = report_render((enum report_format)format, w, &out, &meta, &len, &err);
        if (!report) {
            cli_error("cannot write the report: %s", err);
            free(err);
            rc = EXIT_CANTCREAT;
        } else {
            rc = answer_write(o, sink, (enum report_format)format, meta.patient, when, report, len);
        }
        free(report);
        if (rc == EXIT_OK && deliver) {
            report = report_render(REPORT_FHIR, w, &out, &meta, &len, &err);
            if (!report) {
                cli_error("cannot write the FHIR report: %s", err);
                free(err);
                rc = EXIT_CANTCREAT;
            } else {
                rc = cli_deposit(o, screening_id, when, report, len);
            }
            free(report);
        }
    }
done:
    outcome_free(&out);
    walk_free(w);
    answers_file_free(af);
    model_free(q);
    return rc;
}
