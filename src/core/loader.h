/* loader.h - reads a questionnaire's YAML into the model (model.h).
 * libyaml stays inside yamltree.c, which the loader reads through: nothing libyaml allocates
 * outlives a call. */
#ifndef MESOSCREEN_LOADER_H
#define MESOSCREEN_LOADER_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

/* Bounds on what the loader accepts (documented in docs/questionnaire-format.md). */
#define LOADER_MAX_BYTES (64u * 1024 * 1024)
#define LOADER_MAX_DEPTH 32

enum load_status {
    LOAD_OK, /* a questionnaire was built; references are not yet resolved (validator_check) */
    LOAD_BAD_DATA, /* the file was read but is not a valid questionnaire: see the diagnostics */
    LOAD_IO_ERROR, /* the file is missing or unreadable: one diagnostic without a place */
};

/* Loads `path` into *out. On LOAD_OK *out is a new questionnaire the caller frees with
 * model_free; otherwise *out is NULL. Every problem found is appended to d. Warnings may be
 * added even on LOAD_OK. */
enum load_status loader_load_file(const char *path, struct diags *d, struct questionnaire **out);

/* The same for bytes in memory; `name` is used as FILE in diagnostics and kept as q->file.
 * The bytes are copied into q->source. */
enum load_status loader_load_buffer(const char *name, const char *buf, size_t len, struct diags *d,
                                    struct questionnaire **out);

#endif
