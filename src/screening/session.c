/* session.c - one screening from start to saved report: every answer goes to the walk and,
 * at once, to the patient's journal on disk; the report is rendered once when the screening
 * is complete, saved, and the journal removed. The unfinished screenings of other patients
 * wait beside it, each in its own journal. */
#include "session.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "digest.h"
#include "outbox.h"
#include "people.h"
#include "private_dir.h"
#include "report.h"
#include "save.h"
#include "xalloc.h"

static char *dup_or_null(const char *s)
{
    return s && *s ? xstrdup(s) : NULL;
}

static void set_field(char **field, const char *value)
{
    free(*field);
    *field = dup_or_null(value);
}

/* Reads the journal at path into a list entry (a readable one replayed into a scratch walk
 * to measure its progress). Returns 0, or 1 when it is not to be listed: gone since, or in
 * use by a screening running in another terminal (never offered, so never discarded), or -1
 * with *err when it is not the user's own or others may change it (never offered either). */
static int session_read_unfinished(struct session *s, const char *path,
                                   struct session_unfinished *u, char **err)
{
    struct journal_data *d = NULL;
    char *why = NULL;
    memset(u, 0, sizeof *u);
    switch (journal_load(path, journal_max_bytes(s->q), &d, &why)) {
    case JOURNAL_OK: {
        struct walk *w = walk_new(s->q);
        u->readable = true;
        u->header = d->header;
        memset(&d->header, 0, sizeof d->header);
        u->changed = strcmp(u->header.sha256, s->header.sha256) != 0;
        u->skipped = journal_replay(d, w);
        struct walk *keep = s->w;
        s->w = w; /* session_progress reads s->w */
        session_progress(s, &u->answered, &u->total);
        s->w = keep;
        walk_free(w);
        journal_data_free(d);
        break;
    }
    case JOURNAL_BAD:
        u->error = why;
        break;
    case JOURNAL_BUSY:
        free(why);
        return 1;
    case JOURNAL_UNSAFE:
        *err = why;
        return -1;
    case JOURNAL_ABSENT:
        return 1;
    }
    u->path = xstrdup(path);
    return 0;
}

/* Unreadable ones last, the rest by start time (then file name, for a stable order). */
static int unfinished_cmp(const void *a, const void *b)
{
    const struct session_unfinished *x = a, *y = b;
    if (x->readable != y->readable)
        return x->readable ? -1 : 1;
    if (x->header.started != y->header.started)
        return x->header.started < y->header.started ? -1 : 1;
    return strcmp(x->path, y->path);
}

/* Checks the journal folder and the folder above it (where earlier versions kept their single
 * journal), when they exist: the user's own and writable by nobody else, so that nobody else
 * can slip in a forged screening. Returns 0, or -1 with the folder and the fix in *err. */
static int session_dirs_check(const char *dir, char **err)
{
    char *inside = xasprintf("%s/", dir); /* journal_dir_check checks the folder of a path */
    int rc = journal_dir_check(inside, err);
    free(inside);
    return rc == 0 ? journal_dir_check(dir, err) : rc;
}

/* When the patient named at start has a journal that another running mesoscreen writes (it is
 * then not listed): s->busy, s->journal_path on that journal, and -1 with *err saying so, so
 * that the caller may offer to wait for it or to look at it. Otherwise 0. */
static int session_patient_busy(struct session *s, char **err)
{
    if (!s->header.patient)
        return 0;
    char *path = journal_path(s->journal_dir, s->header.patient, 0);
    struct journal_data *d = NULL;
    char *why = NULL;
    enum journal_status st = journal_load(path, journal_max_bytes(s->q), &d, &why);
    journal_data_free(d);
    if (st != JOURNAL_BUSY) {
        free(why);
        free(path);
        return 0;
    }
    free(s->journal_path);
    s->journal_path = path;
    s->busy = true;
    *err = why;
    return -1;
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
    session_set_people(s, &c->people);

    s->journal_dir = journal_dir(s->q->id, err);
    if (!s->journal_dir || session_dirs_check(s->journal_dir, err) != 0)
        return -1;
    char **paths = NULL;
    size_t n = journal_list(s->journal_dir, &paths);
    s->unfinished = xcalloc(n ? n : 1, sizeof *s->unfinished);
    int rc = 0;
    for (size_t i = 0; rc >= 0 && i < n; i++) {
        rc = session_read_unfinished(s, paths[i], &s->unfinished[s->n_unfinished], err);
        if (rc == 0)
            s->n_unfinished++;
    }
    journal_list_free(paths);
    if (rc < 0)
        return -1;
    qsort(s->unfinished, s->n_unfinished, sizeof *s->unfinished, unfinished_cmp);
    return session_patient_busy(s, err);
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

static void unfinished_clear(struct session_unfinished *u)
{
    free(u->path);
    free(u->error);
    journal_header_clear(&u->header);
}

void session_close(struct session *s)
{
    journal_close(s->journal);
    walk_free(s->w);
    journal_header_clear(&s->header);
    for (size_t i = 0; i < s->n_unfinished; i++)
        unfinished_clear(&s->unfinished[i]);
    free(s->unfinished);
    if (s->evaluated)
        outcome_free(&s->outcome);
    free(s->report);
    free(s->journal_dir);
    free(s->journal_path);
    free(s->saved_path);
    free(s->saved_pdf_path);
    free(s->delivery_message);
    free(s->warning);
    memset(s, 0, sizeof *s);
}

void session_set_people(struct session *s, const struct session_people *p)
{
    set_field(&s->header.patient, p->patient);
    set_field(&s->header.practitioner, p->practitioner);
    set_field(&s->header.patient_name, p->patient_name);
    set_field(&s->header.birth_date, p->birth_date);
    set_field(&s->header.answered_by, p->answered_by);
}

int session_unfinished_of(const struct session *s, const char *patient)
{
    for (size_t i = 0; patient && *patient && i < s->n_unfinished; i++) {
        const struct session_unfinished *u = &s->unfinished[i];
        if (u->readable && u->header.patient && strcmp(u->header.patient, patient) == 0)
            return (int)i;
    }
    return -1;
}

/* A fresh UUID for the screening; "" when the system has no randomness (minted again at
 * save). */
static void session_mint(struct session *s)
{
    if (!uuid_random(s->header.screening))
        s->header.screening[0] = '\0';
}

int session_begin(struct session *s, char **err)
{
    s->header.started = (long long)time(NULL);
    session_mint(s);
    set_field(&s->header.replaces, NULL); /* a new screening replaces no report */
    free(s->journal_path);
    s->journal_path = journal_path(s->journal_dir, s->header.patient, s->header.started);
    const char *who = s->header.patient ? s->header.patient : "(not stated)";
    for (size_t i = 0; i < s->n_unfinished; i++)
        if (strcmp(s->unfinished[i].path, s->journal_path) == 0) {
            *err = xasprintf("patient %s already has an unfinished screening: resume or "
                             "discard it first",
                             who);
            return -1;
        }
    if (access(s->journal_path, F_OK) == 0) {
        /* Not listed when the session opened: another program runs it (s->busy), or began it
         * since. */
        if (s->header.patient && session_patient_busy(s, err) != 0)
            return -1;
        *err = xasprintf("patient %s's screening is open in another mesoscreen", who);
        return -1;
    }
    s->journal_due = true; /* written with the first answer: nothing to keep before it */
    return 0;
}

/* Removes entry i from the list. */
static void unfinished_drop(struct session *s, size_t i)
{
    unfinished_clear(&s->unfinished[i]);
    memmove(&s->unfinished[i], &s->unfinished[i + 1],
            (s->n_unfinished - i - 1) * sizeof *s->unfinished);
    s->n_unfinished--;
}

int session_resume(struct session *s, size_t i, char **err)
{
    struct session_unfinished *u = &s->unfinished[i];
    if (!u->readable) {
        *err = xstrdup(u->error);
        return -1;
    }
    /* Read again: the answers as they are on disk now, replayed into a fresh walk. */
    struct journal_data *d = NULL;
    char *why = NULL;
    if (journal_load(u->path, journal_max_bytes(s->q), &d, &why) != JOURNAL_OK) {
        *err = why ? why : xasprintf("%s: no longer there", u->path);
        return -1;
    }
    walk_free(s->w);
    s->w = walk_new(s->q);
    journal_replay(d, s->w);
    journal_data_free(d);
    /* The screening goes on for the journal's people, from its start time; the fresh journal
     * carries the current questionnaire's digest and only the answers still valid. */
    struct session_people p = {
        .patient = u->header.patient,
        .patient_name = u->header.patient_name,
        .birth_date = u->header.birth_date,
        .answered_by = u->header.answered_by,
        .practitioner = u->header.practitioner,
    };
    session_set_people(s, &p);
    s->header.started = u->header.started;
    memcpy(s->header.screening, u->header.screening, sizeof s->header.screening);
    set_field(&s->header.replaces, u->header.replaces); /* an interrupted correction */
    if (!s->header.screening[0])
        session_mint(s); /* a journal from before the UUID was kept */
    free(s->journal_path);
    s->journal_path = xstrdup(u->path);
    if (journal_create(s->journal_path, &s->header, s->w, JOURNAL_REPLACE, &s->journal, err) != 0)
        return -1;
    unfinished_drop(s, i);
    return 0;
}

int session_discard(struct session *s, size_t i, char **err)
{
    struct session_unfinished *u = &s->unfinished[i];
    if (!u->readable) {
        char *aside = xasprintf("%s.bad", u->path);
        int rc = rename(u->path, aside);
        if (rc != 0)
            *err = xasprintf("cannot move %s aside: %s", u->path, strerror(errno));
        free(aside);
        if (rc != 0)
            return -1;
    } else if (journal_remove(u->path, err) != 0) {
        return -1;
    }
    unfinished_drop(s, i);
    return 0;
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

/* An answer changes the screening: a result computed before no longer holds. */
static void session_changed(struct session *s)
{
    if (s->evaluated)
        outcome_free(&s->outcome);
    s->evaluated = false;
    free(s->report);
    s->report = NULL;
    s->report_len = 0;
}

const char *session_answer(struct session *s, size_t qi, const struct answer *a)
{
    const char *why = walk_check(s->w, qi, a);
    if (why)
        return why;
    if (!walk_set(s->w, qi, a))
        return "not accepted";
    session_changed(s);
    session_record(s, qi, a);
    return NULL;
}

void session_leave_empty(struct session *s, size_t qi)
{
    walk_unset(s->w, qi);
    walk_visit(s->w, qi);
    session_changed(s);
    session_record(s, qi, NULL);
}

int session_age_mismatch(const struct session *s, size_t qi, const struct answer *a)
{
    const struct question *qn = &s->q->questions[qi];
    if (qn->type != QTYPE_NUMBER || strcmp(qn->id, "age") != 0 || !a->given ||
        !s->header.birth_date)
        return -1;
    int age = people_age_on(s->header.birth_date, time(NULL));
    return age >= 0 && age != a->number ? age : -1;
}

/* The report's metadata at time `when`. */
static struct report_meta session_meta(const struct session *s, time_t when)
{
    return (struct report_meta){
        .patient = s->header.patient,
        .practitioner = s->header.practitioner,
        .patient_name = s->header.patient_name,
        .birth_date = s->header.birth_date,
        .answered_by = s->header.answered_by,
        .clinic = s->people.clinic,
        .replaces = s->header.replaces,
        .screening_id = s->header.screening[0] ? s->header.screening : NULL,
        .patient_system = s->patient_system,
        .when = when,
        .lang = s->lang,
    };
}

int session_evaluate(struct session *s, char **err)
{
    session_changed(s);
    time_t when = report_time(err);
    if (when == (time_t)-1)
        return -1;
    rules_evaluate(s->w, &s->outcome);
    s->evaluated = true;
    s->report_when = when;
    struct report_meta m = session_meta(s, when);
    s->report = report_render(REPORT_TEXT, s->w, &s->outcome, &m, &s->report_len, err);
    return s->report ? 0 : -1;
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
    if (!s->report) {
        *err = xstrdup("the screening is not complete");
        return -1;
    }
    char *path = NULL;
    char *why = NULL;
    bool pdf = report_format_available(REPORT_PDF, &why);
    free(why); /* no PDF module: a text-only desk */
    /* The bytes rendered when the screening was completed: what the viewer showed. */
    int rc = save_report_beside(
        s->report_dir, s->header.patient, s->report_when, report_format_extension(REPORT_TEXT),
        pdf ? report_format_extension(REPORT_PDF) : NULL, s->report, s->report_len, &path, err);
    if (rc != 0)
        return -1;
    free(s->saved_path);
    s->saved_path = path;
    if (pdf)
        session_save_pdf(s, s->report_when);
    char *shared = private_dir_shared(s->report_dir);
    if (shared)
        session_journal_failed(s, shared); /* saved, but others may change it: say so */
    /* The report is on disk: the journal has done its job. It goes while still locked, so that
     * a program waiting for this screening to end never finds it left behind. */
    char *rm_err = NULL;
    if (s->journal_path && journal_remove(s->journal_path, &rm_err) != 0)
        session_journal_failed(s, rm_err);
    journal_close(s->journal);
    s->journal = NULL;
    s->journal_due = false;
    if (s->fhir_server)
        session_deliver(s, s->report_when);
    return 0;
}

int session_correct(struct session *s, char **err)
{
    if (!s->saved_path) {
        *err = xstrdup("no report has been saved to correct");
        return -1;
    }
    /* The earlier file stays as it is; the next report names it. It is a new screening
     * record of its own (a FHIR server keeps the earlier one too). */
    session_mint(s);
    const char *slash = strrchr(s->saved_path, '/');
    char *before = s->header.replaces;
    s->header.replaces = xstrdup(slash ? slash + 1 : s->saved_path);
    if (journal_create(s->journal_path, &s->header, s->w, JOURNAL_NEW, &s->journal, err) != 0) {
        free(s->header.replaces);
        s->header.replaces = before;
        return -1;
    }
    free(before);
    free(s->saved_path);
    s->saved_path = NULL;
    free(s->saved_pdf_path);
    s->saved_pdf_path = NULL;
    s->delivery = SESSION_UNSENT;
    free(s->delivery_message);
    s->delivery_message = NULL;
    session_changed(s);
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
