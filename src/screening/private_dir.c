/* private_dir.c - the checks that a folder or file holding patient data belongs to the user
 * alone, with messages that name the place and the fix. */
#define _DEFAULT_SOURCE /* S_ISVTX, lstat */
#include "private_dir.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xalloc.h"

/* A folder above ours: owned by the user or root, and if others may write in it, sticky (so
 * they cannot rename or remove what is ours). NULL, or what is wrong with it. */
static char *ancestor_problem(const char *dir, const struct stat *st)
{
    if (st->st_uid != geteuid() && st->st_uid != 0)
        return xasprintf("%s (above the journal folder) belongs to another user (uid %lu), who "
                         "could replace the journals: keep the state folder under your own home, "
                         "or set XDG_STATE_HOME to a folder of yours",
                         dir, (unsigned long)st->st_uid);
    /* Writable by the user's own group only (a private group, umask 002) is not "others". */
    mode_t others = st->st_gid == getegid() ? 002 : 022;
    if ((st->st_mode & others) && !(st->st_mode & S_ISVTX))
        return xasprintf("%s (above the journal folder) is writable by other users, who could "
                         "replace the journals: chmod go-w '%s', or set XDG_STATE_HOME to a "
                         "private folder",
                         dir, dir);
    return NULL;
}

int private_dir_check(const char *dir, char **err)
{
    struct stat st;
    if (lstat(dir, &st) != 0) {
        *err = xasprintf("cannot look at the journal folder %s: %s", dir, strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        *err = xasprintf("the journal folder %s is not a folder (%s): remove it, and mesoscreen "
                         "makes a private one",
                         dir, S_ISLNK(st.st_mode) ? "a symbolic link" : "another kind of file");
        return -1;
    }
    if (st.st_uid != geteuid()) {
        *err = xasprintf("the journal folder %s belongs to another user (uid %lu), who could "
                         "put a forged screening in it: remove it (mesoscreen makes a private "
                         "one), or chown it to yourself and chmod 700 it",
                         dir, (unsigned long)st.st_uid);
        return -1;
    }
    if (st.st_mode & 022) {
        *err = xasprintf("the journal folder %s is writable by other users, who could put a "
                         "forged screening in it: chmod 700 '%s'",
                         dir, dir);
        return -1;
    }
    /* The folders above, up to the root. */
    char *up = xstrdup(dir);
    int rc = 0;
    for (char *slash = strrchr(up, '/'); slash && rc == 0; slash = strrchr(up, '/')) {
        if (slash == up)
            slash[1] = '\0';
        else
            *slash = '\0';
        if (stat(up, &st) == 0) {
            char *why = ancestor_problem(up, &st);
            if (why) {
                *err = why;
                rc = -1;
            }
        }
        if (slash == up)
            break;
    }
    free(up);
    return rc;
}

int private_dir_make(const char *dir, char **err)
{
    char *path = xstrdup(dir);
    int rc = 0;
    for (char *p = path + 1;; p++) {
        bool last = *p == '\0';
        if (*p != '/' && !last)
            continue;
        *p = '\0';
        if (mkdir(path, 0700) != 0 && errno != EEXIST) {
            *err = xasprintf("cannot create %s: %s", path, strerror(errno));
            rc = -1;
            break;
        }
        if (last)
            break;
        *p = '/';
    }
    struct stat st;
    if (rc == 0 && lstat(dir, &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == geteuid() &&
        (st.st_mode & 077))
        (void)chmod(dir, 0700); /* the journal holds health data: nobody else may list it */
    free(path);
    return rc == 0 ? private_dir_check(dir, err) : rc;
}

int private_file_check(const struct stat *st, const char *path, char **err)
{
    if (!S_ISREG(st->st_mode)) {
        *err = xasprintf("the journal %s is not a regular file: remove it", path);
        return -1;
    }
    if (st->st_uid != geteuid()) {
        *err = xasprintf("the journal %s belongs to another user (uid %lu) and may be forged: "
                         "it is not offered for resuming; remove it",
                         path, (unsigned long)st->st_uid);
        return -1;
    }
    if (st->st_mode & 077) {
        *err = xasprintf("the journal %s can be read or changed by other users (mode %04o) and "
                         "may be forged: it is not offered for resuming; check it, then chmod "
                         "600 '%s' or remove it",
                         path, (unsigned)(st->st_mode & 07777), path);
        return -1;
    }
    return 0;
}

char *private_dir_shared(const char *dir)
{
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode) || !(st.st_mode & 022))
        return NULL;
    return xasprintf("the report folder %s is writable by other users (mode %04o), who could "
                     "change or remove reports: chmod go-w '%s'",
                     dir, (unsigned)(st.st_mode & 07777), dir);
}
