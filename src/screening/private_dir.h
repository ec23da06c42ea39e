/* private_dir.h - folders and files that hold patient data must be the user's own: nobody else
 * may put a forged screening there, swap a file or read one. Used by the journal (refuses what
 * is not private) and by saving (warns about a report folder others can write to). */
#ifndef MESOSCREEN_PRIVATE_DIR_H
#define MESOSCREEN_PRIVATE_DIR_H

#include <stdbool.h>
#include <sys/stat.h>

/* Creates dir and any missing parent (0700; the last one made private with chmod when it is
 * the user's and looser), then checks it with private_dir_check. Returns 0, or -1 with a
 * message in *err (caller frees). */
int private_dir_make(const char *dir, char **err);

/* Checks that dir is the user's own private folder: a real directory (not a symbolic link),
 * owned by the effective user, writable by nobody else; and that no folder above it lets
 * another user replace it (each owned by the user or root, and writable by others, or by a
 * group other than the user's own, only when sticky, as /tmp). Returns 0, or -1 with a message
 * naming the folder and the fix in *err. */
int private_dir_check(const char *dir, char **err);

/* Checks what fstat said of a journal file at path: a regular file owned by the effective user
 * and readable or writable by nobody else. Returns 0, or -1 with a message in *err. */
int private_file_check(const struct stat *st, const char *path, char **err);

/* Why the existing folder dir is unsafe for patient files (group or others may write in it),
 * as a warning the caller frees; NULL when it is not, or cannot be looked at. */
char *private_dir_shared(const char *dir);

#endif
