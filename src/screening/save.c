/* save.c - putting a report on disk so that it is never lost, overwritten or leaked: a
 * private temporary file in the target folder, fsync, then an atomic link or rename.
 *
 * save_report never replaces anything: the finished temporary file is hard-linked to the
 * first free name (link fails with EEXIST when a name is taken, so two clinics saving the
 * same patient at once both keep their report). On a file system without hard links it
 * claims the name with O_CREAT|O_EXCL and renames onto its own claim. Directories it creates
 * are 0700, files 0600, whatever the umask. */
#include "save.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "digest.h"
#include "strbuf.h"
#include "timestamp.h"
#include "utf8.h"
#include "xalloc.h"

#define SAVE_NAME_MAX   64   /* bytes of the patient id kept in a file name */
#define SAVE_MAX_SUFFIX 9999 /* -2 .. -9999: beyond that something else is wrong */
#define SAVE_TEMP_TRIES 100

/* A message naming the path and the system's reason, for *err. */
static char *save_error(const char *what, const char *path, int errnum)
{
    char *shown = utf8_escape_controls(path, false);
    char *msg = xasprintf("cannot %s '%s': %s", what, shown, strerror(errnum));
    free(shown);
    return msg;
}

/* Whether the non-ASCII code point cp may stand in a file name: a letter, a digit or a mark
 * of any script, not a space, an invisible format character or a bidirectional control. */
static bool name_keeps(uint32_t cp)
{
    static const struct {
        uint32_t first, last;
    } refused[] = {
        {0x0080, 0x00A0}, /* C1 controls, no-break space */
        {0x00AD, 0x00AD}, /* soft hyphen */
        {0x2000, 0x200F}, /* spaces, zero-width characters, direction marks */
        {0x2028, 0x202F}, /* line and paragraph separators, bidirectional controls */
        {0x205F, 0x206F}, /* spaces, invisible operators, bidirectional isolates */
        {0x3000, 0x3000}, /* ideographic space */
        {0xFEFF, 0xFEFF}, /* zero-width no-break space */
        {0xFFF0, 0xFFFF}, /* specials */
    };
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
        if (cp >= refused[i].first && cp <= refused[i].last)
            return false;
    return true;
}

char *save_safe_name(const char *patient)
{
    struct strbuf b = STRBUF_INIT;
    bool has_alnum = false;
    const char *s = patient ? patient : "";
    size_t n = strlen(s);

    for (size_t i = 0; i < n && b.len < SAVE_NAME_MAX;) {
        uint32_t cp;
        size_t len = utf8_decode(s + i, n - i, &cp);
        if (len > 1 && name_keeps(cp)) {
            /* Letters of every script stay, so that two patients named in Cyrillic or
             * Japanese keep files of their own; never a character cut in two. */
            if (b.len + len > SAVE_NAME_MAX)
                break;
            strbuf_add(&b, s + i, len);
            has_alnum = true;
            i += len;
            continue;
        }
        i += len ? len : 1; /* one '_' per character, or per invalid byte */
        char c = '_';
        if (len == 1 &&
            ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))) {
            c = (char)cp;
            has_alnum = true;
        } else if (len == 1 && (cp == '-' || cp == '_')) {
            c = (char)cp;
        } else if (len == 1 && cp == '.') {
            /* No leading dot (a hidden file) and no ".." (a parent directory). */
            bool after_dot = b.len > 0 && b.data[b.len - 1] == '.';
            c = b.len == 0 || after_dot ? '_' : '.';
        }
        strbuf_add(&b, &c, 1);
    }
    if (has_alnum)
        return strbuf_release(&b, NULL);
    free(strbuf_release(&b, NULL));
    if (n == 0)
        return xstrdup("anonymous");
    /* Nothing of the id can stand in a name (punctuation, spaces): a short digest of it
     * keeps two such patients apart. */
    char hex[DIGEST_HEX_LEN + 1];
    digest_sha256_hex(s, n, hex);
    return xasprintf("anonymous-%.8s", hex);
}

/* Writes all of data to fd, retrying on EINTR and short writes. Returns 0 or an errno. */
static int save_write_all(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return errno;
        if (n == 0)
            return EIO;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Syncs a directory so that a new name in it survives a crash. File systems that cannot
 * sync a directory (EINVAL) are accepted as they are. Returns 0 or an errno. */
static int save_sync_dir(int dfd)
{
    if (fsync(dfd) != 0 && errno != EINVAL && errno != ENOTSUP)
        return errno;
    return 0;
}

/* A temporary file in dfd: ".<base>.<pid>-<n>", created O_EXCL at 0600, written in full,
 * mode forced to 0600 and fsynced. Returns 0 with the name in *tmp_out (caller frees, and
 * unlinks it), or an errno with nothing left behind. */
static int save_temp(int dfd, const char *base, const void *data, size_t len, char **tmp_out)
{
    static unsigned counter;
    int fd = -1, e = EEXIST;
    char *tmp = NULL;

    for (int i = 0; i < SAVE_TEMP_TRIES && fd < 0 && e == EEXIST; i++) {
        free(tmp);
        /* The base is cut so that the name stays well under NAME_MAX. */
        tmp = xasprintf(".%.64s.%ld-%u-%ld.tmp", base, (long)getpid(), counter++,
                        (long)time(NULL) % 100000);
        fd = openat(dfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        e = fd < 0 ? errno : 0;
    }
    if (fd < 0) {
        free(tmp);
        return e;
    }
    e = save_write_all(fd, data, len);
    if (!e && fchmod(fd, 0600) != 0)
        e = errno;
    if (!e && fsync(fd) != 0)
        e = errno;
    if (close(fd) != 0 && !e)
        e = errno;
    if (e) {
        unlinkat(dfd, tmp, 0);
        free(tmp);
        return e;
    }
    *tmp_out = tmp;
    return 0;
}

/* Splits path into a directory (to open) and the last component. Returns false when there
 * is no file name (empty, or ending in '/'). The caller frees both. */
static bool save_split(const char *path, char **dir, char **base)
{
    const char *slash = strrchr(path, '/');
    const char *b = slash ? slash + 1 : path;
    if (*b == '\0' || strcmp(b, ".") == 0 || strcmp(b, "..") == 0)
        return false;
    *base = xstrdup(b);
    if (!slash)
        *dir = xstrdup(".");
    else if (slash == path)
        *dir = xstrdup("/");
    else
        *dir = xstrndup(path, (size_t)(slash - path));
    return true;
}

/* Moves the finished temporary file onto name without ever replacing a file: link, which
 * fails with EEXIST when the name is taken; or, where hard links are not supported, an
 * O_EXCL claim of the name and a rename onto it. Returns 0 or an errno (EEXIST: taken). */
static int save_claim(int dfd, const char *tmp, const char *name)
{
    if (linkat(dfd, tmp, dfd, name, 0) == 0)
        return 0;
    int e = errno;
    if (e != EPERM && e != ENOTSUP && e != EOPNOTSUPP && e != EXDEV)
        return e;
    int fd = openat(dfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return errno;
    close(fd);
    if (renameat(dfd, tmp, dfd, name) != 0) {
        e = errno;
        unlinkat(dfd, name, 0);
        return e;
    }
    return 0;
}

/* Writes data to exactly `path`: replacing a file there when `replace`, else failing with
 * EEXIST when the name is taken. */
static int save_exact(const char *path, const void *data, size_t len, bool replace, char **err)
{
    char *dir = NULL, *base = NULL, *tmp = NULL;
    int dfd = -1, e;

    *err = NULL;
    if (!save_split(path, &dir, &base)) {
        *err = save_error("write", path, EISDIR);
        return -1;
    }
    dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0) {
        *err = save_error("open the folder of", path, errno);
        goto fail;
    }
    e = save_temp(dfd, base, data, len, &tmp);
    if (e) {
        *err = save_error("write a temporary file for", path, e);
        goto fail;
    }
    e = replace ? (renameat(dfd, tmp, dfd, base) != 0 ? errno : 0) : save_claim(dfd, tmp, base);
    if (e) {
        *err = save_error(replace ? "write" : "create", path, e);
        unlinkat(dfd, tmp, 0);
        goto fail;
    }
    if (!replace)
        unlinkat(dfd, tmp, 0); /* after link: the file now lives under its name only */
    e = save_sync_dir(dfd);
    if (e) {
        /* The new file is complete and in place; only its durability is in doubt. */
        *err = save_error("sync the folder of", path, e);
        goto fail;
    }
    free(tmp);
    free(dir);
    free(base);
    close(dfd);
    return 0;

fail:
    free(tmp);
    free(dir);
    free(base);
    if (dfd >= 0)
        close(dfd);
    return -1;
}

int save_atomic(const char *path, const void *data, size_t len, char **err)
{
    return save_exact(path, data, len, true, err);
}

int save_new(const char *path, const void *data, size_t len, char **err)
{
    return save_exact(path, data, len, false, err);
}

/* Creates dir and any missing parents (mkdir -p); each directory created gets mode 0700
 * exactly. Existing directories are left as they are. Returns 0 or an errno. */
static int save_mkdirs(const char *dir)
{
    char *p = xstrdup(dir);
    int e = 0;
    size_t n = strlen(p);

    for (size_t i = 1; i <= n && !e; i++) {
        if (p[i] != '/' && p[i] != '\0')
            continue;
        if (p[i - 1] == '/')
            continue; /* "a//b" */
        char saved = p[i];
        p[i] = '\0';
        if (mkdir(p, 0700) == 0) {
            /* mkdir honours the umask; set exactly 0700 on what we just made. */
            int fd = open(p, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (fd < 0 || fchmod(fd, 0700) != 0)
                e = errno;
            if (fd >= 0)
                close(fd);
        } else if (errno != EEXIST) {
            e = errno;
        }
        p[i] = saved;
    }
    free(p);
    return e;
}

/* Whether dfd holds a file (or anything) named name. */
static bool save_taken(int dfd, const char *name)
{
    struct stat st;
    return fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 || errno != ENOENT;
}

int save_report(const char *dir, const char *patient, time_t when, const char *ext,
                const void *data, size_t len, char **path_out, char **err)
{
    return save_report_beside(dir, patient, when, ext, NULL, data, len, path_out, err);
}

int save_report_beside(const char *dir, const char *patient, time_t when, const char *ext,
                       const char *also, const void *data, size_t len, char **path_out, char **err)
{
    struct timestamp ts;
    char *safe = NULL, *tmp = NULL, *name = NULL, *base = NULL;
    int dfd = -1, e;

    *path_out = NULL;
    *err = NULL;
    if (!dir || !*dir)
        dir = ".";
    if (!timestamp_split(when, &ts))
        xdie("save_report: time %lld out of range", (long long)when);
    e = save_mkdirs(dir);
    if (e) {
        *err = save_error("create the report folder", dir, e);
        return -1;
    }
    dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0) {
        *err = save_error("open the report folder", dir, errno);
        return -1;
    }

    safe = save_safe_name(patient);
    base = xasprintf("%s_%s", ts.date, safe);
    char *first = xasprintf("%s.%s", base, ext);
    e = save_temp(dfd, first, data, len, &tmp);
    free(first);
    if (e) {
        *err = save_error("write a report in", dir, e);
        goto fail;
    }
    e = EEXIST;
    for (int k = 1; k <= SAVE_MAX_SUFFIX && e == EEXIST; k++) {
        free(name);
        name = k == 1 ? xasprintf("%s.%s", base, ext) : xasprintf("%s-%d.%s", base, k, ext);
        if (also) {
            /* The companion's name must be free too: ".ext" becomes ".also". */
            char *other = xasprintf("%.*s.%s", (int)(strlen(name) - strlen(ext) - 1), name, also);
            bool taken = save_taken(dfd, other);
            free(other);
            if (taken)
                continue; /* e stays EEXIST */
        }
        e = save_claim(dfd, tmp, name);
    }
    if (e) {
        char *path = xasprintf("%s/%s", dir, name);
        *err = save_error("create", path, e);
        free(path);
        unlinkat(dfd, tmp, 0);
        goto fail;
    }
    unlinkat(dfd, tmp, 0); /* after link: the report now lives under its name only */
    e = save_sync_dir(dfd);
    if (e) {
        char *path = xasprintf("%s/%s", dir, name);
        *err = save_error("sync", path, e);
        free(path);
        unlinkat(dfd, name, 0);
        goto fail;
    }
    size_t dl = strlen(dir);
    *path_out = xasprintf("%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", name);
    free(safe);
    free(tmp);
    free(name);
    free(base);
    close(dfd);
    return 0;

fail:
    free(safe);
    free(tmp);
    free(name);
    free(base);
    close(dfd);
    return -1;
}
