/* outbox.c - saved screenings waiting for the FHIR server (see outbox.h). Files are written
 * by save_report, so that the outbox keeps the rules of every report: private, atomic,
 * never overwritten. */
#include "outbox.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "delivery.h"
#include "save.h"
#include "utf8.h"
#include "xalloc.h"

#define OUTBOX_FILE_MAX (16u * 1024 * 1024)
#define DESK_TIMEOUT    5 /* seconds a desk waits for the server after a save */

char *outbox_dir(char **err)
{
    const char *state = getenv("XDG_STATE_HOME");
    if (state && state[0] == '/')
        return xasprintf("%s/mesoscreen/outbox", state);
    const char *home = getenv("HOME");
    if (home && home[0] == '/')
        return xasprintf("%s/.local/state/mesoscreen/outbox", home);
    *err = xstrdup("cannot place the FHIR outbox: neither XDG_STATE_HOME nor HOME is an absolute "
                   "path");
    return NULL;
}

/* Sends one file's bundle; removes the file once the server has it. */
static enum delivery_status outbox_send_file(struct delivery *d, const char *dir, const char *name,
                                             char **msg)
{
    char *path = xasprintf("%s/%s", dir, name);
    char *shown = utf8_escape_controls(path, false);
    enum delivery_status st = DELIVERY_REFUSED;
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    struct stat sb;
    if (fd < 0 || fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size > OUTBOX_FILE_MAX) {
        *msg = xasprintf("cannot read %s: %s", shown,
                         fd < 0 ? strerror(errno) : "not a regular file of a sensible size");
    } else {
        size_t len = (size_t)sb.st_size, got = 0;
        char *data = xmalloc(len + 1);
        while (got < len) {
            ssize_t n = read(fd, data + got, len - got);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            got += (size_t)n;
        }
        if (got != len) {
            *msg = xasprintf("cannot read %s: %s", shown, strerror(errno ? errno : EIO));
        } else {
            data[len] = '\0';
            st = delivery_send(d, data, len, msg);
            if (st == DELIVERY_SENT && unlink(path) != 0) {
                /* delivered; a retry cannot duplicate it (conditional create) */
                char *m = xasprintf("%s; but cannot remove %s from the outbox: %s", *msg, shown,
                                    strerror(errno));
                free(*msg);
                *msg = m;
            }
        }
        free(data);
    }
    if (fd >= 0)
        close(fd);
    free(shown);
    free(path);
    return st;
}

int outbox_deposit(const char *server, const char *screening_id, time_t when, const char *bundle,
                   size_t len, struct outbox_result *res, char **err)
{
    memset(res, 0, sizeof *res);
    char *dir = outbox_dir(err), *path = NULL;
    if (!dir)
        return -1;
    if (save_report(dir, screening_id, when, "json", bundle, len, &path, err) != 0) {
        free(dir);
        return -1;
    }
    struct delivery *d = delivery_open(server, &res->message);
    if (!d) {
        res->waiting = 1;
    } else {
        const char *name = strrchr(path, '/') + 1;
        delivery_limit_timeout(d, DESK_TIMEOUT);
        if (outbox_send_file(d, dir, name, &res->message) == DELIVERY_SENT)
            res->sent = 1;
        else
            res->waiting = 1;
        delivery_close(d);
    }
    free(path);
    free(dir);
    return 0;
}

/* Outbox files: "*.json" that are not hidden (a temporary file starts with a dot). */
static int outbox_is_entry(const struct dirent *e)
{
    size_t n = strlen(e->d_name);
    return e->d_name[0] != '.' && n > 5 && strcmp(e->d_name + n - 5, ".json") == 0;
}

int outbox_send_all(const char *server, outbox_note_fn note, void *ctx, struct outbox_result *res,
                    char **err)
{
    memset(res, 0, sizeof *res);
    char *dir = outbox_dir(err);
    if (!dir)
        return -1;
    struct dirent **names = NULL;
    int n = scandir(dir, &names, outbox_is_entry, alphasort);
    if (n < 0) {
        int e = errno;
        if (e == ENOENT) { /* nothing was ever put there */
            free(dir);
            return 0;
        }
        char *shown = utf8_escape_controls(dir, false);
        *err = xasprintf("cannot read the FHIR outbox %s: %s", shown, strerror(e));
        free(shown);
        free(dir);
        return -1;
    }
    struct delivery *d = NULL;
    if (n > 0 && !(d = delivery_open(server, err))) {
        for (int i = 0; i < n; i++)
            free(names[i]);
        free(names);
        free(dir);
        return -1;
    }
    char *unreachable = NULL;
    for (int i = 0; i < n; i++) {
        char *msg = NULL;
        enum delivery_status st;
        if (unreachable) {
            st = DELIVERY_UNREACHABLE;
            msg = xstrdup(unreachable);
        } else {
            st = outbox_send_file(d, dir, names[i]->d_name, &msg);
        }
        if (st == DELIVERY_SENT)
            res->sent++;
        else
            res->waiting++;
        if (st == DELIVERY_UNREACHABLE && !unreachable)
            unreachable = xstrdup(msg);
        char *shown = utf8_escape_controls(names[i]->d_name, false);
        note(ctx, shown, st == DELIVERY_SENT, msg);
        free(shown);
        free(msg);
        free(names[i]);
    }
    free(unreachable);
    free(names);
    delivery_close(d);
    free(dir);
    return 0;
}
