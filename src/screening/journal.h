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
 *     patient_name TEXT       (empty: not stated)
 *     birth_date TEXT         (YYYY-MM-DD; empty: not stated)
 *     answered_by TEXT        (patient, guardian or interpreter; empty: not stated)
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
#include "uuid.h"
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
    char *patient_name; /* NULL: not stated */
    char *birth_date;   /* YYYY-MM-DD; NULL: not stated */
    char *answered_by;  /* "patient", "guardian" or "interpreter"; NULL: not stated */
    long long started;  /* Unix time the screening started */
    /* The screening's UUID, minted when it began (its FHIR identifier); "" in a journal written
     * before it was kept. */
    char screening[UUID_STR_SIZE];
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

/* The folder of questionnaire `id`'s journals, one per unfinished screening:
 * $XDG_STATE_HOME/mesoscreen/<id> (an absolute XDG_STATE_HOME only), else
 * $HOME/.local/state/mesoscreen/<id>. Returns a path the caller frees, or NULL with a
 * message in *err (caller frees) when neither is set. */
char *journal_dir(const char *id, char **err);

/* The journal of one screening in dir (journal_files.c): <dir>/<patient id made
 * filename-safe>.journal, so that each patient's unfinished screening is kept apart; with no
 * patient id, <dir>/anonymous-<started>.journal. The caller frees it. */
char *journal_path(const char *dir, const char *patient, long long started);

/* The journals in dir, sorted by name, and the single journal earlier versions
 * kept beside dir (<dir>.journal) when there is one. Returns their number and a NULL-ended
 * array of paths in *paths (free with journal_list_free); 0 when there are none. */
size_t journal_list(const char *dir, char ***paths);
void journal_list_free(char **paths);

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

/* Frees d and everything it owns. NULL is a no-op. */
void journal_data_free(struct journal_data *d);

/* Replays d's events into w (a walk over the questionnaire being resumed), in order. Events
 * naming a question that no longer exists or an answer it no longer accepts are skipped.
 * Returns the number of answers skipped. */
size_t journal_replay(const struct journal_data *d, struct walk *w);

/* Frees the strings of a header filled by the caller with xstrdup'ed values. */
void journal_header_clear(struct journal_header *h);

#endif
