/* journal.h - the screening journal: every answer appended to disk as it is given (fsynced),
 * so that a crash, a closed terminal, a full disk or Ctrl-C never loses an intake or changes
 * it; read back strictly.
 *
 * The file is line based, UTF-8: the line "mesoscreen-journal 2", then one record a line, each
 * framed with its length and CRC-32 (journal_record.h: "LENGTH CRC32 PAYLOAD\n"), so that a
 * record cut short is told from a whole one and never read as part of the next. The payloads:
 *
 *     questionnaire ID
 *     version VERSION
 *     sha256 HEX64
 *     patient TEXT            (empty: not stated)
 *     practitioner TEXT       (empty: not stated)
 *     patient_name TEXT       (empty: not stated)
 *     birth_date TEXT         (YYYY-MM-DD; empty: not stated)
 *     answered_by TEXT        (patient, guardian or interpreter; empty: not stated)
 *     started SECONDS         (Unix time)
 *     screening UUID          (optional: journals written before it was kept lack it)
 *     replaces TEXT           (optional: a correction names the report it replaces)
 *     set QUESTION VALUE      (VALUE as answer_format writes it)
 *     unset QUESTION
 *     visit QUESTION          (an optional question seen and left empty)
 *
 * TEXT and VALUE escape '\\' as "\\\\", newline as "\\n", tab as "\\t" and any other control
 * byte as "\\xHH". A last record without its '\n' is a write cut short (a crash, a full disk):
 * dropped. Any other damaged record makes the whole journal unreadable, never half-read.
 *
 * The writer keeps its promise that every journal it writes can be read back: a write that
 * fails is cut back and the next write is a snapshot (the whole state), and a journal that grows
 * past half of journal_max_bytes is rewritten as a snapshot too. */
#ifndef MESOSCREEN_JOURNAL_H
#define MESOSCREEN_JOURNAL_H

#include <stddef.h>
#include <stdint.h>

#include "answer.h"
#include "digest.h"
#include "model.h"
#include "uuid.h"
#include "walk.h"

#include <stdbool.h>

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
    /* A correction: the file name of the saved report it replaces; NULL: none. */
    char *replaces;
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
    bool torn; /* the last record was cut short (a crash or a full disk mid-write): dropped */
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

/* The journals in dir (any *.journal but a folder: journal_load refuses a link), sorted by
 * name, and the single journal earlier versions
 * kept beside dir (<dir>.journal) when there is one. Returns their number and a NULL-ended
 * array of paths in *paths (free with journal_list_free); 0 when there are none. */
size_t journal_list(const char *dir, char ***paths);
void journal_list_free(char **paths);

/* Checks the folder of the journal at path, when it exists: the user's own and writable by
 * nobody else (private_dir_check), so that nobody else can put a forged screening there.
 * Returns 0, or -1 with a message naming the folder and the fix in *err (caller frees). */
int journal_dir_check(const char *path, char **err);

/* The largest journal written for questionnaire q, and so the largest read back: the header
 * and twice the largest snapshot (every question's longest answer). */
size_t journal_max_bytes(const struct questionnaire *q);

enum journal_mode {
    JOURNAL_NEW,     /* a new screening: fails when a journal exists at the path */
    JOURNAL_REPLACE, /* a resume: replaces the journal it was read from */
};

/* Starts the journal at `path`: creates its folder (0700) and checks that the folder is the
 * user's own (private_dir_check), writes the header and a snapshot of every answer in w
 * (whatever was answered before the journal could be made), fsyncs, puts it in place whole,
 * and keeps it open for appending (mode 0600, O_APPEND) and locked (flock) until
 * journal_close. Returns 0 with *out set (close with journal_close), or -1 with a message in
 * *err (caller frees). */
int journal_create(const char *path, const struct journal_header *h, const struct walk *w,
                   enum journal_mode mode, struct journal **out, char **err);

/* Whether the next write must be journal_snapshot rather than a record: an earlier write
 * failed (the file may lack an answer), or the journal has grown past its compaction size. */
bool journal_wants_snapshot(const struct journal *j);

/* Rewrites the open journal whole: h and every answer of w, put in place atomically; the
 * journal is no longer behind. Returns 0, or -1 with *err (the journal stays as it was). */
int journal_snapshot(struct journal *j, const struct journal_header *h, const struct walk *w,
                     char **err);

/* Appends one event and fsyncs: an answer set, or an optional question left empty (unset and
 * visit, written together). Returns 0, or -1 with a message in *err (caller frees); the file
 * is left as before the call, and journal_wants_snapshot is then true. */
int journal_record_set(struct journal *j, const struct question *qn, const struct answer *a,
                       char **err);
int journal_record_empty(struct journal *j, const struct question *qn, char **err);

/* Closes the file (keeping it on disk). NULL is a no-op. */
void journal_close(struct journal *j);

/* Removes the journal file at path (a missing file is fine) and fsyncs its directory.
 * Returns 0, or -1 with a message in *err (caller frees). */
int journal_remove(const char *path, char **err);

enum journal_status {
    JOURNAL_OK,     /* *out holds the journal */
    JOURNAL_ABSENT, /* no journal at path: nothing to resume */
    JOURNAL_BAD,    /* unreadable or malformed: *err says why, as FILE:LINE:COL: MESSAGE */
    JOURNAL_UNSAFE, /* not the user's own, or others may change it: never offered (*err) */
    JOURNAL_BUSY,   /* another program has it open for writing (locked): *err says so */
};

/* Reads and parses the journal at path (opened without following a symbolic link; a file
 * not owned by the user, or readable or writable by others, is JOURNAL_UNSAFE), refusing one
 * larger than max_bytes (journal_max_bytes of the questionnaire). On JOURNAL_OK *out is set
 * (journal_data_free); on JOURNAL_BAD, JOURNAL_UNSAFE and JOURNAL_BUSY *err is a message the
 * caller frees. */
enum journal_status journal_load(const char *path, size_t max_bytes, struct journal_data **out,
                                 char **err);

/* journal_load for a look only: the journal is read even while another program writes it
 * (JOURNAL_BUSY never comes back). What it holds may be one answer behind. */
enum journal_status journal_peek(const char *path, size_t max_bytes, struct journal_data **out,
                                 char **err);

/* Waits until no program writes the journal at path any more (its lock is free) or it is gone.
 * Returns 0, or -1 with *err (a signal ends the wait too). */
int journal_wait(const char *path, char **err);

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
