/* file.h - reading a whole file into memory, bounded: questionnaires, answers files and
 * journals are read in one piece, and never more than their limit. */
#ifndef MESOSCREEN_FILE_H
#define MESOSCREEN_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

/* Why a file could not be read. */
enum file_problem {
    FILE_CANNOT_OPEN, /* open failed: errnum */
    FILE_CANNOT_READ, /* a directory (errnum EISDIR), or fstat or read failed: errnum */
    FILE_TOO_LARGE,   /* more than max_bytes: size */
};

struct file_error {
    enum file_problem problem;
    int errnum;     /* FILE_CANNOT_OPEN, FILE_CANNOT_READ: the errno */
    uintmax_t size; /* FILE_TOO_LARGE: the file's size when known, else max_bytes + 1 */
};

/* Reads the whole file at path, at most max_bytes of it (a regular file's size is checked
 * before reading; a pipe is read up to the bound). Returns the bytes, NUL-terminated (the NUL
 * not counted in *len), which the caller frees; or NULL with *err filled in. */
char *file_read(const char *path, size_t max_bytes, size_t *len, struct file_error *err);

/* The same for a file the caller has opened (and still owns: fd stays open). */
char *file_read_fd(int fd, size_t max_bytes, size_t *len, struct file_error *err);

/* Appends to d the error, without a place, of a file that cannot be opened or read:
 * "cannot open: REASON" or "cannot read: REASON" (err->problem must be one of those two). */
void file_error_add(struct diags *d, const char *path, const struct file_error *err);

#endif
