/* session.h - one screening in progress, whichever interface runs it: the questionnaire, the
 * walk, who and when, the journal that keeps every answer on disk, and the result. The curses
 * screens and the plain prompts both drive it; it never draws anything, prints nothing and
 * knows no exit codes: functions return 0, or -1 with a message. */
#ifndef MESOSCREEN_SESSION_H
#define MESOSCREEN_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "journal.h"
#include "model.h"
#include "rules.h"
#include "walk.h"

/* What was found on disk at start. */
enum session_found {
    FOUND_NOTHING,    /* no unfinished screening */
    FOUND_RESUMABLE,  /* an unfinished screening, replayed into the walk (see found_*) */
    FOUND_UNREADABLE, /* a journal that cannot be read: found_error says why */
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
    struct journal_header header; /* id, version, sha256, patient, practitioner, started */
    char *journal_path;
    struct journal *journal; /* NULL until the first answer (or a resume) */
    bool journal_due;        /* begun: the first answer starts the journal */

    enum session_found found;
    struct journal_header found_header; /* FOUND_RESUMABLE: the journal's header */
    bool found_changed;                 /* ... written with another questionnaire source */
    size_t found_skipped;               /* ... answers the questionnaire no longer accepts */
    char *found_error;                  /* FOUND_UNREADABLE: FILE:LINE:COL: MESSAGE */
    bool busy; /* session_open failed: another program is running this screening */

    bool evaluated; /* outcome holds the result of the complete walk */
    struct outcome outcome;
    char *saved_path;     /* where the report was saved, once it is */
    char *saved_pdf_path; /* its PDF beside it, when the PDF module is installed */
    /* The FHIR server and patient id system (borrowed from the config); after session_save,
     * what became of the screening there and what the delivery said (owned, or NULL). */
    const char *fhir_server, *patient_system;
    enum session_delivery delivery;
    char *delivery_message;
    char *warning; /* the last journal write failure, for the interface to show; owned */
};

/* Opens a screening of c->q in language c->lang and looks for an unfinished one on disk
 * (replaying it into s->w when there is one; an unreadable one sets FOUND_UNREADABLE).
 * Returns 0, or -1 with *err (caller frees) when the journal's place cannot be found or
 * another program holds the journal. Release with session_close even on failure. */
int session_open(struct session *s, const struct session_config *c, char **err);
/* When session_open failed with s->busy (another program is running the screening of this
 * journal): session_wait_busy waits until it ends (then open again), session_peek_busy reads
 * its answers so far into a walk over the questionnaire, read-only (walk_free it). Both
 * return 0 / a walk, or -1 / NULL with *err (caller frees). */
int session_wait_busy(struct session *s, char **err);
struct walk *session_peek_busy(struct session *s, char **err);

/* Frees everything the session owns (not the questionnaire) and zeroes *s. */
void session_close(struct session *s);

/* Sets the patient id / practitioner before the screening begins ("" = not stated). */
void session_set_patient(struct session *s, const char *patient);
void session_set_practitioner(struct session *s, const char *practitioner);

/* Begins a new screening and mints its UUID (its FHIR identifier). The journal file is
 * created with the first answer (a failure then is reported through s->warning, and retried
 * at the next answer with every answer given so far). A later write that fails is reported
 * the same way, and the next answer rewrites the journal whole. */
void session_begin(struct session *s);
/* Resumes the screening found on disk: its patient and answers, and a fresh journal written
 * with the current questionnaire. Returns 0, or -1 with *err. */
int session_resume(struct session *s, char **err);
/* Forgets what was found on disk (a readable journal is removed; an unreadable one is kept
 * aside as PATH.bad) and resets the walk. Returns 0, or -1 with *err. */
int session_discard(struct session *s, char **err);

/* Records an answer to qi (walk_set, then the journal). Returns walk_check's message when the
 * walk refuses it (nothing changed), else NULL. A journal failure sets s->warning. */
const char *session_answer(struct session *s, size_t qi, const struct answer *a);
/* An optional question left empty: forgets any answer and marks it seen. */
void session_leave_empty(struct session *s, size_t qi);

/* Computes the outcome of the complete walk (s->outcome, s->evaluated). */
void session_evaluate(struct session *s);
/* The text report of the evaluated walk; the caller frees it. NULL with *err on failure. */
char *session_report(struct session *s, size_t *len, char **err);
/* Saves the text report into s->report_dir, and its PDF beside it (same name, .pdf:
 * s->saved_pdf_path) when the PDF module is installed (a PDF that cannot be written only sets
 * s->warning), and removes the journal: s->saved_path. A report folder that others may write
 * to sets s->warning too. Returns 0, or -1 with *err (caller frees): the screening stays
 * journaled. */
int session_save(struct session *s, char **err);

/* Number of reached questions answered so far, and the estimate of the total. */
void session_progress(const struct session *s, size_t *answered, size_t *total);

/* Takes (and clears) the pending journal warning; the caller frees it. NULL when none. */
char *session_take_warning(struct session *s);

#endif
