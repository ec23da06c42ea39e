/* save.h - writing patient data to disk so that it is never lost, overwritten or leaked:
 * mode 0600, a temporary file in the same folder, fsync, rename, directory fsync. */
#ifndef MESOSCREEN_SAVE_H
#define MESOSCREEN_SAVE_H

#include <stddef.h>
#include <time.h>

/* Writes data to exactly `path` atomically (temp file + fsync + rename + dir fsync), mode
 * 0600. Replacing an existing file is the caller's explicit choice (answer -o). Returns 0,
 * or -1 with a message in *err (caller frees) and no file left behind. */
int save_atomic(const char *path, const void *data, size_t len, char **err);

/* The same, but never replacing a file: -1 with *err when `path` exists (a file saved beside
 * a report, such as its PDF). */
int save_new(const char *path, const void *data, size_t len, char **err);

/* Saves a report under the rules of product.md section 5: dir/YYYY-MM-DD_<safe id>.<ext>
 * (date from `when`, local time), the directory created 0700 when missing, never
 * overwriting (a -2, -3, ... suffix, claimed with O_EXCL), mode 0600, atomic. On success
 * returns 0 and the saved path in *path_out (caller frees); on failure -1 and *err. */
int save_report(const char *dir, const char *patient, time_t when, const char *ext,
                const void *data, size_t len, char **path_out, char **err);

/* The same, choosing a name whose companion with extension `also` (e.g. "pdf", for the PDF
 * saved beside a text report with save_new) is free as well; `also` NULL: save_report. */
int save_report_beside(const char *dir, const char *patient, time_t when, const char *ext,
                       const char *also, const void *data, size_t len, char **path_out, char **err);

/* The patient id made filename-safe: ASCII letters and digits, '-', '_' and '.' kept (no
 * leading dot, no ".."), the letters, digits and marks of other scripts kept as they are (so
 * that "Мария" and "Иван" stay apart), anything else (controls, spaces, invisible and
 * bidirectional characters, invalid bytes) '_', at most 64 bytes and never a character cut
 * in two; "anonymous" for no id, "anonymous-" and 8 hexadecimal digits of the id's SHA-256
 * when nothing of it is left. The caller frees it. */
char *save_safe_name(const char *patient);

#endif
