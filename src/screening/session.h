/* session.h - one screening in progress, whichever interface runs it: the questionnaire, the
 * walk, who and when, the journal that keeps every answer on disk, and the result. The curses
 * screens and the plain prompts both drive it; it never draws anything, prints nothing and
 * knows no exit codes: functions return 0, or -1 with a message. */
#ifndef MESOSCREEN_SESSION_H
#define MESOSCREEN_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "journal.h"
#include "model.h"
#include "rules.h"
#include "walk.h"

/* An unfinished screening found on disk at start (one per patient). */
struct session_unfinished {
    char *path;                   /* its journal */
    bool readable;                /* else `error` says why it cannot be resumed */
    struct journal_header header; /* readable: whose, by whom, since when */
    size_t answered, total;       /* readable: progress, as the walk replays it today */
    bool changed;                 /* readable: written with another questionnaire source */
    size_t skipped;               /* readable: answers the questionnaire no longer accepts */
    char *error;                  /* unreadable: FILE:LINE:COL: MESSAGE */
};

/* Who the screening is for and by, as stated before it starts (NULL = not stated: the
 * interface may ask). The strings are borrowed and must outlive the session. */
struct session_people {
    const char *patient;      /* the patient's id */
    const char *patient_name; /* the patient's name */
    const char *birth_date;   /* YYYY-MM-DD, already checked (people_birth_date_check) */
    const char *answered_by;  /* "patient", "guardian" or "interpreter", already checked */
    const char *practitioner; /* the practitioner's name */
    const char *clinic;       /* the clinic's name */
};

/* What a screening needs, resolved by the caller. Everything is borrowed: q, report_dir and
 * the people's strings must outlive the session. */
struct session_config {
    struct questionnaire *q;      /* loaded and validated */
    size_t lang;                  /* index into q->languages */
    const char *report_dir;       /* where session_save writes the report */
    struct session_people people; /* as stated on the command line */
    const char *fhir_server;      /* the clinic's FHIR server, or NULL: none */
    const char *patient_system;   /* the clinic's patient id system (a URI), or NULL */
};

/* What became of a saved screening on its way to the FHIR server. */
enum session_delivery {
    SESSION_UNSENT,  /* no server configured (or not saved yet) */
    SESSION_SENT,    /* the server has it */
    SESSION_WAITING, /* in the outbox: `mesoscreen send` delivers it later */
};

struct session {
    struct questionnaire *q; /* borrowed from the config */
    size_t lang;
    const char *report_dir;       /* borrowed */
    struct session_people people; /* as stated at start (borrowed); the patient and
                                     practitioner in use are the header's */
    struct walk *w;
    struct journal_header header; /* questionnaire, people, started: what the journal keeps */
    char *journal_dir;            /* where the journals of this questionnaire live */
    char *journal_path;           /* this screening's journal, once begun or resumed */
    struct journal *journal;      /* NULL until the first answer (or a resume) */
    bool journal_due;             /* begun: the first answer starts the journal */

    struct session_unfinished *unfinished; /* found on disk at start, by start time */
    size_t n_unfinished;
    bool busy; /* session_open or session_begin failed: another program is running the named
                  patient's screening (s->journal_path is its journal) */

    bool evaluated; /* outcome and report hold the result of the complete walk */
    struct outcome outcome;
    char *report; /* the text report, rendered once when the screening is complete: what
                     the viewer shows is what `s` saves */
    size_t report_len;
    time_t report_when;   /* the report's time: fixed when the screening was completed */
    char *saved_path;     /* where the report was saved, once it is */
    char *saved_pdf_path; /* its PDF beside it, when the PDF module is installed */
    /* The FHIR server and patient id system (borrowed from the config); after session_save,
     * what became of the screening there and what the delivery said (owned, or NULL). */
    const char *fhir_server, *patient_system;
    enum session_delivery delivery;
    char *delivery_message;
    char *warning; /* the last journal write failure, for the interface to show; owned */
};

/* Opens a screening of c->q in language c->lang and lists the unfinished screenings of this
 * questionnaire on disk (s->unfinished: each readable one replayed to measure its progress;
 * one that cannot be read is listed with why; one in use by another running screening is
 * left out). Returns 0, or -1 with *err (caller frees) when the journals' place cannot be
 * found, when a journal or its folder is not the user's own or others may write to it
 * (named with the fix), or with s->busy when c->people.patient's screening is running in
 * another program. Release with session_close even on failure. */
int session_open(struct session *s, const struct session_config *c, char **err);
/* When session_open failed with s->busy (another program is running the screening of this
 * journal): session_wait_busy waits until it ends (then open again), session_peek_busy reads
 * its answers so far into a walk over the questionnaire, read-only (walk_free it). Both
 * return 0 / a walk, or -1 / NULL with *err (caller frees). */
int session_wait_busy(struct session *s, char **err);
struct walk *session_peek_busy(struct session *s, char **err);

/* Frees everything the session owns (not the questionnaire) and zeroes *s. */
void session_close(struct session *s);

/* Sets who the screening is for and by before it begins (NULL or "" = not stated; the strings
 * are copied). The clinic stays as configured. */
void session_set_people(struct session *s, const struct session_people *p);

/* Begins a new screening for the patient set and mints its UUID (its FHIR identifier). Its
 * journal (one per patient) is created with the first answer (a failure then is reported
 * through s->warning, and retried at the next answer with every answer given so far; a later
 * write that fails is reported the same way, and the next answer rewrites the journal whole).
 * Returns 0, or -1 with *err when this patient's unfinished screening is waiting: it must be
 * resumed or discarded first; or when another program is running it (s->busy then, as from
 * session_open: the caller may offer to wait for it or to look at it). */
int session_begin(struct session *s, char **err);
/* Resumes unfinished screening i: its people, its start time and its answers (replayed into
 * a fresh walk), and a fresh journal written with the current questionnaire. The list entry
 * is removed. Returns 0, or -1 with *err (caller frees). */
int session_resume(struct session *s, size_t i, char **err);
/* Discards unfinished screening i: a readable journal is removed, an unreadable one kept
 * aside as PATH.bad; the entry leaves the list. Returns 0, or -1 with *err. */
int session_discard(struct session *s, size_t i, char **err);
/* The index in s->unfinished of the patient's unfinished screening, or -1. */
int session_unfinished_of(const struct session *s, const char *patient);

/* Records an answer to qi (walk_set, then the journal). Returns walk_check's message when the
 * walk refuses it (nothing changed), else NULL. A journal failure sets s->warning. */
const char *session_answer(struct session *s, size_t qi, const struct answer *a);
/* An optional question left empty: forgets any answer and marks it seen. */
void session_leave_empty(struct session *s, size_t qi);

/* The age the birth date gives on the local day of now, when qi is the questionnaire's
 * `age` question (a number question with that id), a birth date is stated, and the number in
 * a differs from it: returns that age; else -1. */
int session_age_mismatch(const struct session *s, size_t qi, const struct answer *a);

/* The screening is complete: computes the outcome (s->outcome) and renders the text report
 * once (s->report), its time fixed now (SOURCE_DATE_EPOCH when set). Returns 0, or -1 with
 * *err (caller frees) when SOURCE_DATE_EPOCH is malformed or the report cannot be rendered. */
int session_evaluate(struct session *s, char **err);
/* Saves s->report's bytes into s->report_dir, and its PDF (of the same time) beside it (same
 * name, .pdf: s->saved_pdf_path) when the PDF module is installed (a PDF that cannot be
 * written only sets s->warning), and removes the journal: s->saved_path. A report
 * folder that others may write to sets s->warning too. Returns 0, or -1
 * with *err (caller frees): the screening stays journaled. */
int session_save(struct session *s, char **err);
/* Corrects the saved report: the answers stay, a new journal keeps them, and the next
 * report saved states that it replaces the saved file (s->header.replaces, kept in the
 * journal so that a correction interrupted and resumed still names it), which never changes.
 * Returns 0, or -1 with *err (caller frees). */
int session_correct(struct session *s, char **err);

/* Number of reached questions answered so far, and the estimate of the total. */
void session_progress(const struct session *s, size_t *answered, size_t *total);

/* Takes (and clears) the pending journal warning; the caller frees it. NULL when none. */
char *session_take_warning(struct session *s);

#endif
