/* cmd_interactive.c - `mesoscreen` with no command: opens the questionnaire, picks the
 * language, opens the screening (src/screening) and hands it to the interface (src/ui),
 * then turns how it ended into the exit code. When another program is running the same
 * screening, a terminal user may wait for it to end or look at its answers. */
#include "cli.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "session.h"
#include "ui.h"
#include "utf8.h"
#include "words.h"
#include "xalloc.h"

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
    case UI_BUSY: /* cmd_interactive opens the session again and offers to wait */
        break;
    }
    return EXIT_CANTCREAT;
}

/* The answer a in words, as the screens show it, made safe for the terminal; the caller frees
 * it. */
static char *answer_words(const struct session *s, const struct question *qn,
                          const struct answer *a)
{
    char *raw = words_answer(s, qn, a);
    char *safe = utf8_escape_controls(raw, false);
    free(raw);
    return safe;
}

/* Another program is running this screening (s->busy): asks whether to wait until it ends,
 * to see its answers so far (read-only), or to quit. Returns 0 once the wait is over (open the
 * session again), -1 to quit. */
static int busy_offer(struct session *s)
{
    char line[64];
    for (;;) {
        fputs("[w]ait until the other screening ends, [v]iew its answers (read-only), or "
              "[q]uit: ",
              stderr);
        if (!fgets(line, sizeof line, stdin) || line[0] == 'q')
            return -1;
        char *err = NULL;
        if (line[0] == 'w') {
            fputs("Waiting for the other screening to end (Ctrl-C gives up)...\n", stderr);
            if (session_wait_busy(s, &err) == 0)
                return 0;
        } else if (line[0] == 'v') {
            struct walk *w = session_peek_busy(s, &err);
            for (size_t i = 0; w && i < s->q->n_questions; i++) {
                const struct answer *a = walk_get(w, i);
                if (!walk_reached(w, i) || !a->given)
                    continue;
                char *text =
                    utf8_escape_controls(model_text(&s->q->questions[i].text, s->lang), false);
                char *words = answer_words(s, &s->q->questions[i], a);
                fprintf(stderr, "  %s  %s\n", text, words);
                free(text);
                free(words);
            }
            walk_free(w);
        }
        if (err) {
            cli_error("%s", err);
            free(err);
        }
    }
}

/* Keeps copies of the people in h (typed at a start screen) in typed[5] and points p at
 * them; the clinic stays as configured. */
static void people_keep(char *typed[5], const struct journal_header *h, struct session_people *p)
{
    const char *from[5] = {h->patient, h->patient_name, h->birth_date, h->answered_by,
                           h->practitioner};
    for (size_t i = 0; i < 5; i++) {
        free(typed[i]);
        typed[i] = from[i] ? xstrdup(from[i]) : NULL;
    }
    p->patient = typed[0];
    p->patient_name = typed[1];
    p->birth_date = typed[2];
    p->answered_by = typed[3];
    p->practitioner = typed[4];
}

static void people_free(char *typed[5])
{
    for (size_t i = 0; i < 5; i++)
        free(typed[i]);
}

int cmd_interactive(const struct options *o)
{
    ui_locale(); /* before loading: messages and characters follow the user's locale */
    struct questionnaire *q = NULL;
    size_t lang = 0;
    int rc = cli_open_questionnaire_and_language(o, &q, &lang);
    if (rc != EXIT_OK)
        return rc;
    struct session_people people = {
        .patient = o->patient,
        .patient_name = o->patient_name,
        .birth_date = o->birth_date,
        .answered_by = o->answered_by,
        .practitioner = o->practitioner,
        .clinic = o->clinic,
    };
    struct session_config c = {.q = q,
                               .lang = lang,
                               .report_dir = o->report_dir,
                               .people = people,
                               .fhir_server = o->fhir_server,
                               .patient_system = o->fhir_patient_system};
    struct session s;
    char *err = NULL;
    char *typed[5] = {NULL}; /* the people typed at a start screen, kept across an opening */
    for (;;) {
        while (session_open(&s, &c, &err) != 0) {
            cli_error("%s", err);
            free(err);
            err = NULL;
            /* Another program screens this patient: at a terminal, offer to wait or to look. */
            if (!s.busy || !isatty(STDIN_FILENO) || busy_offer(&s) != 0) {
                session_close(&s);
                model_free(q);
                people_free(typed);
                return EXIT_CANTCREAT;
            }
            session_close(&s);
        }
        enum ui_status st = ui_run(&s, o->plain);
        if (st != UI_BUSY) {
            rc = exit_code_of(st);
            break;
        }
        /* The patient typed at the start screen is being screened by another program: open
         * again for them, which says so and offers to wait or to look, as for --patient. */
        people_keep(typed, &s.header, &c.people);
        session_close(&s);
    }
    session_close(&s);
    model_free(q);
    people_free(typed);
    return rc;
}
