/* answers_file.h - the answers file of `mesoscreen answer` (product.md section 3): who the
 * patient is, and question id -> answer, read with yamltree and applied to a walk. */
#ifndef MESOSCREEN_ANSWERS_FILE_H
#define MESOSCREEN_ANSWERS_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "loader.h"
#include "model.h"
#include "walk.h"

/* Bounds on what an answers file may be. */
#define ANSWERS_FILE_MAX_BYTES (1024u * 1024)
#define ANSWERS_FILE_MAX_DEPTH 32
/* After this many errors the rest of a file is not examined (a garbage file would otherwise
 * print a million lines). */
#define ANSWERS_FILE_MAX_ERRORS 100

/* One `question: value` line as written: the value a scalar, or a list of scalars. */
struct answers_entry {
    char *question;           /* the key as written (checked against the questionnaire by _apply) */
    struct src_loc loc;       /* of the key */
    struct src_loc value_loc; /* of the value, or of the list as a whole */
    bool is_list;
    char **values; /* one for a scalar, the items of a list (possibly none) */
    struct src_loc *value_locs;
    size_t n_values;
    bool no_value; /* a scalar written as nothing (`pregnant:`), `~` or `null` */
};

struct answers_file {
    char *file;                    /* the name used in diagnostics */
    char *patient;                 /* NULL when absent */
    char *practitioner;            /* NULL when absent */
    struct src_loc answers_loc;    /* the `answers:` key, the place of "no answer to ..." errors */
    struct answers_entry *entries; /* in file order */
    size_t n_entries;
};

/* Reads and parses an answers file: a map with the keys patient, practitioner and answers
 * (required), at most ANSWERS_FILE_MAX_BYTES, UTF-8, no anchors, aliases or tags, nesting at
 * most ANSWERS_FILE_MAX_DEPTH. Every problem is appended to d as FILE:LINE:COL. Returns
 * LOAD_OK with *out set (free with answers_file_free), else LOAD_BAD_DATA or LOAD_IO_ERROR
 * (one diagnostic without a place) with *out NULL. */
enum load_status answers_file_load(const char *path, struct diags *d, struct answers_file **out);

/* The same for bytes in memory; name is used as FILE in diagnostics. */
enum load_status answers_file_load_buffer(const char *name, const char *buf, size_t len,
                                          struct diags *d, struct answers_file **out);

/* Frees af and everything it owns. NULL is a no-op. */
void answers_file_free(struct answers_file *af);

/* Walks w's questionnaire in asking order, giving each reached question its answer from af.
 * Errors: an id that names no question (with a suggestion), a value that is not allowed (or
 * not offered on the earlier answers), a reached required question without an answer. An
 * optional question left empty (`notes:`) or left out counts as not answered (and then as
 * its `default`, if it has one). A multi question's value written without brackets is a
 * one-element list.
 * Warning: answers to questions the walk never reaches (ignored). Returns true when there
 * was no error, w then holding a complete walk; false otherwise (w is then partial). */
bool answers_file_apply(const struct answers_file *af, struct walk *w, struct diags *d);

#endif
