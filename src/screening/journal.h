/* journal.h - the screening journal: every answer appended to disk as it is given (fsynced),
 * so that a crash, a closed terminal or Ctrl-C never loses an intake; read back strictly.
 *
 * The file is line based, UTF-8, one record per line, each line ended by '\n':
 *
 *     mesoscreen-journal 1
 *     questionnaire ID
 *     version VERSION
 *     sha256 HEX64
 *     patient TEXT            (empty: not stated)
 *     practitioner TEXT       (empty: not stated)
 *     started SECONDS         (Unix time)
 *     set QUESTION VALUE      (VALUE as answer_format writes it)
 *     unset QUESTION
 *     visit QUESTION          (an optional question seen and left empty)
 *
 * TEXT and VALUE escape '\\' as "\\\\", newline as "\\n", tab as "\\t" and any other control
 * byte as "\\xHH". A last line without its '\n' is a record cut short by a crash: ignored. */
#ifndef MESOSCREEN_JOURNAL_H
#define MESOSCREEN_JOURNAL_H

#include <stddef.h>
#include <stdint.h>

#include "answer.h"
#include "digest.h"
#include "model.h"
#include "walk.h"

/* Largest journal read back (a screening is a few kilobytes). */
#define JOURNAL_MAX_BYTES (4u * 1024 * 1024)

/* Who and what a journal is about. Strings owned by whoever filled the struct. */
struct journal_header {
    char *questionnaire; /* the questionnaire's id */
    char *version;
    char sha256[DIGEST_HEX_LEN + 1];
    char *patient;      /* NULL: not stated */
    char *practitioner; /* NULL: not stated */
    long long started;  /* Unix time the screening started */
};

enum journal_event_kind { JOURNAL_SET, JOURNAL_UNSET, JOURNAL_VISIT };

struct journal_event {
    enum journal_event_kind kind;
    char *question; /* question id */
    char *value;    /* JOURNAL_SET: the answer in the stable vocabulary; otherwise NULL */
    uint32_t line;  /* where it was read */
};

/* A journal read back from disk. Free with journal_data_free. */
struct journal_data {
    struct journal_header header;
    struct journal_event *events;
    size_t n_events;
};

/* An open journal being written. */
struct journal;

/* The journal file for questionnaire `id`: $XDG_STATE_HOME/mesoscreen/<id>.journal (an
 * absolute XDG_STATE_HOME only), else $HOME/.local/state/mesoscreen/<id>.journal. Returns a
 * path the caller frees, or NULL with a message in *err (caller frees) when neither is set. */
char *journal_path(const char *id, char **err);

/* Starts the journal at `path`: creates the directories (0700), writes the header and a
 * snapshot of the answers in w, fsyncs, puts it in place whole, and keeps it open for
 * appending (mode 0600, O_APPEND) and locked (flock) until journal_close. With a walk (a
 * resume) it replaces the journal there; without one (a new screening) it fails when a
 * journal exists. Returns 0 with *out set (close with journal_close), or -1 with a message
 * in *err (caller frees). */
int journal_create(const char *path, const struct journal_header *h, const struct walk *w,
                   struct journal **out, char **err);

/* Appends one answer event and fsyncs. Return 0, or -1 with a message in *err (caller frees);
 * the journal stays usable. */
int journal_record_set(struct journal *j, const struct question *qn, const struct answer *a,
                       char **err);
int journal_record_unset(struct journal *j, const struct question *qn, char **err);
int journal_record_visit(struct journal *j, const struct question *qn, char **err);

/* Closes the file (keeping it on disk). NULL is a no-op. */
void journal_close(struct journal *j);

/* Removes the journal file at path (a missing file is fine) and fsyncs its directory.
 * Returns 0, or -1 with a message in *err (caller frees). */
int journal_remove(const char *path, char **err);

enum journal_status {
    JOURNAL_OK,     /* *out holds the journal */
    JOURNAL_ABSENT, /* no journal at path: nothing to resume */
    JOURNAL_BAD,    /* unreadable or malformed: *err says why, as FILE:LINE:COL: MESSAGE */
    JOURNAL_BUSY,   /* another program has it open for writing (locked): *err says so */
};

/* Reads and parses the journal at path. On JOURNAL_OK *out is set (journal_data_free);
 * on JOURNAL_BAD *err is a message the caller frees. */
enum journal_status journal_load(const char *path, struct journal_data **out, char **err);

/* Parses journal bytes (any bytes: never crashes, never reads past len). `name` prefixes
 * messages. Returns 0 with *out set, or -1 with "NAME:LINE:COL: MESSAGE" in *err. */
int journal_parse(const char *name, const char *buf, size_t len, struct journal_data **out,
                  char **err);

void journal_data_free(struct journal_data *d);

/* Replays d's events into w (a walk over the questionnaire being resumed), in order. Events
 * naming a question that no longer exists or an answer it no longer accepts are skipped.
 * Returns the number of answers skipped. */
size_t journal_replay(const struct journal_data *d, struct walk *w);

/* Frees the strings of a header filled by the caller with xstrdup'ed values. */
void journal_header_clear(struct journal_header *h);

#endif
