/* session.c - one screening from start to saved report: every answer goes to the walk and,
 * at once, to the journal on disk; the report is saved and the journal removed at the end. */
#include "session.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "digest.h"
#include "outbox.h"
#include "private_dir.h"
#include "report.h"
#include "save.h"
#include "xalloc.h"

static char *dup_or_null(const char *s)
{
    return s && *s ? xstrdup(s) : NULL;
}

/* Replays a readable journal into s->w, remembering what the resume offer shows. */
static void session_found_journal(struct session *s, struct journal_data *d)
{
    s->found = FOUND_RESUMABLE;
    s->found_header = d->header;
    memset(&d->header, 0, sizeof d->header);
    s->found_changed = strcmp(s->found_header.sha256, s->header.sha256) != 0;
    s->found_skipped = journal_replay(d, s->w);
}

int session_open(struct session *s, const struct session_config *c, char **err)
{
    memset(s, 0, sizeof *s);
    s->q = c->q;
    s->lang = c->lang;
    s->report_dir = c->report_dir;
    s->people = c->people;
    s->fhir_server = c->fhir_server;
    s->patient_system = c->patient_system;
    s->w = walk_new(s->q);

    s->header.questionnaire = xstrdup(s->q->id);
    s->header.version = xstrdup(s->q->version);
    digest_questionnaire_hex(s->q, s->header.sha256);
    s->header.patient = dup_or_null(c->people.patient);
    s->header.practitioner = dup_or_null(c->people.practitioner);

    s->journal_path = journal_path(s->q->id, err);
    if (!s->journal_path || journal_dir_check(s->journal_path, err) != 0)
        return -1;
    struct journal_data *d = NULL;
    char *why = NULL;
    switch (journal_load(s->journal_path, journal_max_bytes(s->q), &d, &why)) {
    case JOURNAL_OK:
        session_found_journal(s, d);
        journal_data_free(d);
        break;
    case JOURNAL_BAD:
        s->found = FOUND_UNREADABLE;
        s->found_error = why;
        break;
    case JOURNAL_BUSY:
        s->busy = true;
        *err = why;
        return -1;
    case JOURNAL_UNSAFE:
        *err = why;
        return -1;
    case JOURNAL_ABSENT:
        break;
    }
    return 0;
}

int session_wait_busy(struct session *s, char **err)
{
    return journal_wait(s->journal_path, err);
}

struct walk *session_peek_busy(struct session *s, char **err)
{
    struct journal_data *d = NULL;
    char *why = NULL;
    if (journal_peek(s->journal_path, journal_max_bytes(s->q), &d, &why) != JOURNAL_OK) {
        *err = why ? why : xasprintf("%s: the screening has just ended", s->journal_path);
        return NULL;
    }
    struct walk *w = walk_new(s->q);
    (void)journal_replay(d, w);
    journal_data_free(d);
    return w;
}

void session_close(struct session *s)
{
    journal_close(s->journal);
    walk_free(s->w);
    journal_header_clear(&s->header);
    journal_header_clear(&s->found_header);
    if (s->evaluated)
        outcome_free(&s->outcome);
    free(s->journal_path);
    free(s->found_error);
    free(s->saved_path);
    free(s->saved_pdf_path);
    free(s->delivery_message);
    free(s->warning);
    memset(s, 0, sizeof *s);
}

void session_set_patient(struct session *s, const char *patient)
{
    free(s->header.patient);
    s->header.patient = dup_or_null(patient);
}

void session_set_practitioner(struct session *s, const char *practitioner)
{
    free(s->header.practitioner);
    s->header.practitioner = dup_or_null(practitioner);
}

/* A fresh UUID for the screening; "" when the system has no randomness (minted again at
 * save). */
static void session_mint(struct session *s)
{
    if (!uuid_random(s->header.screening))
        s->header.screening[0] = '\0';
}

void session_begin(struct session *s)
{
    s->header.started = (long long)time(NULL);
    session_mint(s);
    s->journal_due = true; /* written with the first answer: nothing to keep before it */
}

int session_resume(struct session *s, char **err)
{
    /* The screening goes on for the journal's patient, from its start time; the fresh journal
     * carries the current questionnaire's digest and only the answers still valid. */
    session_set_patient(s, s->found_header.patient);
    session_set_practitioner(s, s->found_header.practitioner);
    s->header.started = s->found_header.started;
    memcpy(s->header.screening, s->found_header.screening, sizeof s->header.screening);
    if (!s->header.screening[0])
        session_mint(s); /* a journal from before the UUID was kept */
    s->found = FOUND_NOTHING;
    return journal_create(s->journal_path, &s->header, s->w, JOURNAL_REPLACE, &s->journal, err);
}

int session_discard(struct session *s, char **err)
{
    int rc = 0;
    if (s->found == FOUND_UNREADABLE) {
        char *aside = xasprintf("%s.bad", s->journal_path);
        if (rename(s->journal_path, aside) != 0) {
            *err = xasprintf("cannot move %s aside: %s", s->journal_path, strerror(errno));
            rc = -1;
        }
        free(aside);
    } else if (s->found == FOUND_RESUMABLE) {
        rc = journal_remove(s->journal_path, err);
    }
    if (rc == 0) {
        s->found = FOUND_NOTHING;
        walk_free(s->w);
        s->w = walk_new(s->q);
    }
    return rc;
}

static void session_journal_failed(struct session *s, char *err)
{
    free(s->warning);
    s->warning = err;
}

/* Keeps the journal up to date after a change of the walk: at the first answer of a new
 * screening (and at every answer while that fails) it is created with the whole state; after a
 * failed write, or once it has grown large, it is rewritten whole; otherwise `record` appends
 * the one event. A failure sets s->warning: the answer is not safe on disk. */
static void session_record(struct session *s, size_t qi, const struct answer *a)
{
    char *err = NULL;
    int rc = 0;
    if (!s->journal && s->journal_due) {
        rc = journal_create(s->journal_path, &s->header, s->w, JOURNAL_NEW, &s->journal, &err);
        if (rc == 0)
            s->journal_due = false;
    } else if (!s->journal) {
        return;
    } else if (journal_wants_snapshot(s->journal)) {
        rc = journal_snapshot(s->journal, &s->header, s->w, &err);
    } else if (a) {
        rc = journal_record_set(s->journal, &s->q->questions[qi], a, &err);
    } else {
        rc = journal_record_empty(s->journal, &s->q->questions[qi], &err);
    }
    if (rc != 0)
        session_journal_failed(s, err);
}

const char *session_answer(struct session *s, size_t qi, const struct answer *a)
{
    const char *why = walk_check(s->w, qi, a);
    if (why)
        return why;
    if (!walk_set(s->w, qi, a))
        return "not accepted";
    session_record(s, qi, a);
    return NULL;
}

void session_leave_empty(struct session *s, size_t qi)
{
    walk_unset(s->w, qi);
    walk_visit(s->w, qi);
    session_record(s, qi, NULL);
}

void session_evaluate(struct session *s)
{
    if (s->evaluated)
        outcome_free(&s->outcome);
    rules_evaluate(s->w, &s->outcome);
    s->evaluated = true;
}

/* The report's metadata at time `when`. */
static struct report_meta session_meta(const struct session *s, time_t when)
{
    return (struct report_meta){
        .patient = s->header.patient,
        .practitioner = s->header.practitioner,
        .patient_name = s->people.patient_name,
        .birth_date = s->people.birth_date,
        .answered_by = s->people.answered_by,
        .clinic = s->people.clinic,
        .screening_id = s->header.screening[0] ? s->header.screening : NULL,
        .patient_system = s->patient_system,
        .when = when,
        .lang = s->lang,
    };
}

char *session_report(struct session *s, size_t *len, char **err)
{
    time_t when = report_time(err);
    if (when == (time_t)-1)
        return NULL;
    struct report_meta m = session_meta(s, when);
    return report_render(REPORT_TEXT, s->w, &s->outcome, &m, len, err);
}

/* The PDF of the saved text report beside it (same name, .pdf; the PDF module is loaded);
 * a failure only warns: the text report, the record, is saved. */
static void session_save_pdf(struct session *s, time_t when)
{
    char *err = NULL;
    struct report_meta m = session_meta(s, when);
    size_t len = 0;
    char *pdf = report_render(REPORT_PDF, s->w, &s->outcome, &m, &len, &err);
    const char *dot = strrchr(s->saved_path, '.');
    int stem = (int)(dot ? dot - s->saved_path : (ptrdiff_t)strlen(s->saved_path));
    char *path = xasprintf("%.*s.pdf", stem, s->saved_path);
    if (pdf && save_new(path, pdf, len, &err) == 0) {
        free(s->saved_pdf_path);
        s->saved_pdf_path = path;
        path = NULL;
    }
    if (err) {
        char *why = xasprintf("the PDF was not saved: %s", err);
        free(err);
        session_journal_failed(s, why);
    }
    free(path);
    free(pdf);
}

/* After the save: the screening into the outbox, and sent at once if the server answers. */
static void session_deliver(struct session *s, time_t when)
{
    if (!s->header.screening[0])
        session_mint(s);
    if (!s->header.screening[0]) {
        session_journal_failed(s, xstrdup("the screening cannot be sent to the FHIR server: no "
                                          "random numbers for its identifier"));
        return;
    }
    struct report_meta m = session_meta(s, when);
    size_t len = 0;
    char *err = NULL;
    char *fhir = report_render(REPORT_FHIR, s->w, &s->outcome, &m, &len, &err);
    struct outbox_result res;
    if (!fhir ||
        outbox_deposit(s->fhir_server, s->header.screening, when, fhir, len, &res, &err) != 0) {
        char *msg = xasprintf("the screening cannot be put in the FHIR outbox: %s",
                              err ? err : "no FHIR report");
        free(err);
        session_journal_failed(s, msg);
    } else {
        s->delivery = res.sent ? SESSION_SENT : SESSION_WAITING;
        free(s->delivery_message);
        s->delivery_message = res.message;
    }
    free(fhir);
}

int session_save(struct session *s, char **err)
{
    time_t when = report_time(err);
    if (when == (time_t)-1)
        return -1;
    struct report_meta m = session_meta(s, when);
    size_t len = 0;
    char *text = report_render(REPORT_TEXT, s->w, &s->outcome, &m, &len, err);
    if (!text)
        return -1;
    char *path = NULL;
    char *why = NULL;
    bool pdf = report_format_available(REPORT_PDF, &why);
    free(why); /* no PDF module: a text-only desk */
    int rc = save_report_beside(
        s->report_dir, s->header.patient, when, report_format_extension(REPORT_TEXT),
        pdf ? report_format_extension(REPORT_PDF) : NULL, text, len, &path, err);
    free(text);
    if (rc != 0)
        return -1;
    free(s->saved_path);
    s->saved_path = path;
    if (pdf)
        session_save_pdf(s, when);
    char *shared = private_dir_shared(s->report_dir);
    if (shared)
        session_journal_failed(s, shared); /* saved, but others may change it: say so */
    /* The report is on disk: the journal has done its job. */
    journal_close(s->journal);
    s->journal = NULL;
    s->journal_due = false;
    char *rm_err = NULL;
    if (journal_remove(s->journal_path, &rm_err) != 0)
        session_journal_failed(s, rm_err);
    if (s->fhir_server)
        session_deliver(s, when);
    return 0;
}

void session_progress(const struct session *s, size_t *answered, size_t *total)
{
    *answered = 0;
    for (size_t i = 0; i < s->q->n_questions; i++)
        if (walk_reached(s->w, i) && walk_get(s->w, i)->given)
            (*answered)++;
    int next = walk_next(s->w);
    if (next < 0) {
        *total = *answered;
        return;
    }
    size_t n, m;
    walk_progress(s->w, (size_t)next, &n, &m);
    *total = m;
}

char *session_take_warning(struct session *s)
{
    char *w = s->warning;
    s->warning = NULL;
    return w;
}
