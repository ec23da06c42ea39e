/* cli.h - the command line: parsed options, exit codes and the commands main dispatches to.
 * Each command lives in cmd_<name>.c as cmd_<name>(). */
#ifndef MESOSCREEN_CLI_H
#define MESOSCREEN_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "model.h"

/* Exit codes (product.md section 2, sysexits.h values). */
enum exit_code {
    EXIT_OK = 0,
    EXIT_USAGE = 64,
    EXIT_DATA = 65,
    EXIT_NOINPUT = 66,
    EXIT_SOFTWARE = 70,
    EXIT_CANTCREAT = 73,
    EXIT_TEMPFAIL = 75, /* send: screenings still wait for the FHIR server */
    EXIT_INTERRUPTED = 130,
};

/* Everything the command line said. Strings point into argv or the environment. */
struct options {
    const char *questionnaire; /* -q FILE; NULL = built-in */
    const char *answers;       /* --answers FILE */
    const char *format;        /* --format text|json|fhir; NULL = text */
    const char *output;        /* -o PATH; NULL or "-" = stdout */
    bool save;                 /* --save */
    bool full;                 /* --full (paths: every way to each outcome) */
    bool plain;                /* --plain */
    const char *patient;       /* --patient ID */
    const char *practitioner;  /* --practitioner NAME */
    const char *patient_name;  /* --patient-name NAME */
    const char *birth_date;    /* --birth-date YYYY-MM-DD (checked by main) */
    const char *answered_by;   /* --answered-by patient|guardian|interpreter (checked by main) */
    const char *clinic;        /* --clinic NAME, else $MESOSCREEN_CLINIC */
    const char *fhir_server;   /* --fhir-server URL, else $MESOSCREEN_FHIR_SERVER */
    /* $MESOSCREEN_FHIR_PATIENT_SYSTEM: the clinic's patient id system (a URI, checked by main) */
    const char *fhir_patient_system;
    const char *report_dir; /* --report-dir DIR, else $MESOSCREEN_REPORT_DIR, else ./reports */
    const char *lang;       /* --lang CODE, else from LC_ALL/LC_MESSAGES/LANG; NULL = default */
    char **args;            /* operands after the command (check's files) */
    int n_args;
};

/* Loads and validates the questionnaire of o (-q FILE or the built-in), printing every
 * diagnostic to stderr. Returns EXIT_OK with *out set (free with model_free), or EXIT_DATA /
 * EXIT_NOINPUT. */
int cli_open_questionnaire(const struct options *o, struct questionnaire **out);

/* cli_open_questionnaire, then the index of the language to use into *lang: o->lang if the
 * questionnaire has it, else the locale's language if it has that, else 0. Returns EXIT_OK
 * with *out set (free with model_free), or an exit code after printing why: EXIT_USAGE when
 * --lang names a language the questionnaire lacks (*out NULL then too). */
int cli_open_questionnaire_and_language(const struct options *o, struct questionnaire **out,
                                        size_t *lang);

/* After a saved screening, with a FHIR server configured: puts the screening's FHIR bundle
 * (fhir, len) in the outbox and tries to send it, telling the practitioner on stderr whether
 * it was sent or waits. Returns EXIT_OK (sent or waiting: the desk carries on), or
 * EXIT_CANTCREAT when the outbox cannot be written. */
int cli_deposit(const struct options *o, const char *screening_id, time_t when, const char *fhir,
                size_t len);

/* The index of language lang in q; -1 after printing "[FILE: ]the questionnaire has no
 * language 'xx'; it has: en, es" (file may be NULL). */
int cli_language_named(const struct questionnaire *q, const char *lang, const char *file);

/* Prints "mesoscreen: MESSAGE" to stderr, its control and bidirectional characters escaped
 * (a message may name a file or quote a value from outside). */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

int cmd_interactive(const struct options *o); /* no command: the screening (src/ui) */
int cmd_check(const struct options *o);
int cmd_answer(const struct options *o);
int cmd_paths(const struct options *o);
int cmd_show_default(const struct options *o);
int cmd_fhir_questionnaire(const struct options *o);
int cmd_send(const struct options *o);

#endif
