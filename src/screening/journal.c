/* journal.c - writes each answer of a screening to disk as it is given, framed so that a write
 * cut short is never read as part of the next (journal_record.c), and keeps the file whole by
 * snapshots. Reading it back is journal_read.c. */
#define _DEFAULT_SOURCE /* flock: the writer's lock, so two programs never share a journal */
#include "journal.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"
#include "journal_record.h"
#include "private_dir.h"
#include "strbuf.h"
#include "xalloc.h"

#define MAGIC "mesoscreen-journal 2"

/* The header's records, framed: the people's fields are the only long ones. */
#define HEADER_MAX_BYTES (64u * 1024)

struct journal {
    int fd;
    char *path;
    size_t size;       /* bytes on disk up to the end of the last whole record */
    size_t compact_at; /* past this size the next write is a snapshot (journal_max_bytes) */
    bool behind;       /* a write failed: the file may lack answers until the next snapshot */
};

/* ---- records as text (strbuf) ---- */

static void buf_escaped(struct strbuf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        char esc[4] = {'\\', 0, 0, 0};
        size_t n = 2;
        if (*p == '\\')
            esc[1] = '\\';
        else if (*p == '\n')
            esc[1] = 'n';
        else if (*p == '\t')
            esc[1] = 't';
        else if (*p < 0x20 || *p == 0x7f) {
            esc[1] = 'x';
            esc[2] = hex[*p >> 4];
            esc[3] = hex[*p & 15];
            n = 4;
        } else {
            strbuf_add(b, (const char *)p, 1);
            continue;
        }
        strbuf_add(b, esc, n);
    }
}

static void buf_field(struct strbuf *b, const char *key, const char *value)
{
    strbuf_puts(b, key);
    strbuf_puts(b, " ");
    buf_escaped(b, value ? value : "");
    strbuf_puts(b, "\n");
}

/* ---- paths and files ---- */

char *journal_dir(const char *id, char **err)
{
    const char *state = getenv("XDG_STATE_HOME");
    if (state && state[0] == '/')
        return xasprintf("%s/mesoscreen/%s", state, id);
    const char *home = getenv("HOME");
    if (home && home[0] == '/')
        return xasprintf("%s/.local/state/mesoscreen/%s", home, id);
    *err = xstrdup("cannot place the screening journal: neither XDG_STATE_HOME nor HOME is an "
                   "absolute path");
    return NULL;
}

/* Makes (0700) and checks the folder of path: the user's own, writable by nobody else. */
static int journal_dir_ready(const char *path, char **err)
{
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    int rc = 0;
    if (slash && slash != dir) {
        *slash = '\0';
        rc = private_dir_make(dir, err);
    }
    free(dir);
    return rc;
}

int journal_dir_check(const char *path, char **err)
{
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    struct stat st;
    int rc = 0;
    if (slash && slash != dir) {
        *slash = '\0';
        if (lstat(dir, &st) == 0)
            rc = private_dir_check(dir, err);
    }
    free(dir);
    return rc;
}

static int sync_parent_dir(const char *path)
{
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    int fd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    free(dir);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

static int write_all(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        s += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Appends the framed records of the payload lines in b (freed): one write, then fsync. A write
 * that fails (a full disk) is cut back to the last whole record, and the journal is marked
 * behind: it lacks this answer, so the next write must be a snapshot. Even when the cut fails,
 * what is left is a torn last record, which the reader drops; nothing is appended after it. */
static int append(struct journal *j, struct strbuf *b, char **err)
{
    struct strbuf framed = STRBUF_INIT;
    journal_frame(&framed, b->data, b->len);
    free(b->data);
    size_t n = 0;
    char *bytes = strbuf_release(&framed, &n);
    int rc = 0;
    if (j->behind) {
        *err = xasprintf("the screening journal %s missed an earlier answer; it is rewritten "
                         "whole at the next answer",
                         j->path);
        rc = -1;
    } else if (write_all(j->fd, bytes, n) != 0 || fsync(j->fd) != 0) {
        int e = errno;
        if (ftruncate(j->fd, (off_t)j->size) == 0)
            (void)fsync(j->fd);
        j->behind = true;
        *err = xasprintf("the last answer is NOT safe on disk: cannot write the screening "
                         "journal %s: %s",
                         j->path, strerror(e));
        rc = -1;
    } else {
        j->size += n;
    }
    free(bytes);
    return rc;
}

static void buf_set_record(struct strbuf *b, const struct question *qn, const struct answer *a)
{
    char *value = answer_format(qn, a);
    strbuf_puts(b, "set ");
    strbuf_puts(b, qn->id);
    strbuf_puts(b, " ");
    buf_escaped(b, value);
    strbuf_puts(b, "\n");
    free(value);
}

/* The answers of w as events that rebuild it: given answers in asking order, and a visit for
 * every reached optional question left empty before the first unanswered one. */
static void buf_snapshot(struct strbuf *b, const struct walk *w)
{
    const struct questionnaire *q = walk_questionnaire(w);
    int next = walk_next(w);
    for (size_t i = 0; i < q->n_questions; i++) {
        const struct answer *a = walk_get(w, i);
        if (a->given)
            buf_set_record(b, &q->questions[i], a);
        else if (!q->questions[i].required && walk_reached(w, i) && (next < 0 || (int)i < next)) {
            strbuf_puts(b, "visit ");
            strbuf_puts(b, q->questions[i].id);
            strbuf_puts(b, "\n");
        }
    }
}

/* The longest framed record about qn: "set ID VALUE" with every byte of the value escaped. */
static size_t record_max(const struct question *qn)
{
    size_t value = 24; /* a number */
    switch (qn->type) {
    case QTYPE_TEXT:
        value = 4 * (size_t)(qn->max_length > 0 ? qn->max_length : MODEL_TEXT_MAX_LENGTH_LIMIT);
        break;
    case QTYPE_YESNO:
    case QTYPE_CHOICE:
    case QTYPE_MULTI:
        value = 0;
        for (size_t i = 0; i < model_option_count(qn); i++) {
            size_t one = strlen(model_option_value(qn, i)) * 4 + 2;
            value = qn->type == QTYPE_MULTI ? value + one : (one > value ? one : value);
        }
        break;
    case QTYPE_NUMBER:
    case QTYPE_COUNT:
        break;
    }
    return 32 + strlen(qn->id) + value; /* frame, "unset ", spaces, newline: under 32 */
}

size_t journal_max_bytes(const struct questionnaire *q)
{
    size_t snapshot = 0;
    for (size_t i = 0; i < q->n_questions; i++)
        snapshot += record_max(&q->questions[i]);
    return HEADER_MAX_BYTES + 2 * snapshot;
}

/* Puts the written file tmp at path. A new screening never replaces a journal that another
 * program may have started meanwhile (link fails with EEXIST); a resume or a snapshot replaces
 * the journal there (rename). */
static int journal_publish(const char *tmp, const char *path, enum journal_mode mode)
{
    if (mode == JOURNAL_NEW) {
        if (link(tmp, path) == 0)
            return unlink(tmp);
        if (errno == EEXIST)
            return -1;
        /* A file system without hard links: no such guard there. */
    }
    return rename(tmp, path);
}

/* Writes h and the answers of w, framed, to a new file beside path, and puts it at path whole
 * (mode): a crash leaves the old journal or the new. Returns the new file's descriptor (locked,
 * O_APPEND) with its size in *size, or -1 with *err. */
static int write_whole(const char *path, const struct journal_header *h, const struct walk *w,
                       enum journal_mode mode, size_t *size, char **err)
{
    struct strbuf b = STRBUF_INIT;
    buf_field(&b, "questionnaire", h->questionnaire);
    buf_field(&b, "version", h->version);
    buf_field(&b, "sha256", h->sha256);
    buf_field(&b, "patient", h->patient);
    buf_field(&b, "practitioner", h->practitioner);
    buf_field(&b, "patient_name", h->patient_name);
    buf_field(&b, "birth_date", h->birth_date);
    buf_field(&b, "answered_by", h->answered_by);
    char started[32];
    snprintf(started, sizeof started, "%lld", h->started);
    buf_field(&b, "started", started);
    if (h->screening[0])
        buf_field(&b, "screening", h->screening);
    if (h->replaces)
        buf_field(&b, "replaces", h->replaces);
    struct strbuf framed = STRBUF_INIT;
    strbuf_puts(&framed, MAGIC "\n");
    journal_frame(&framed, b.data, b.len);
    if (framed.len > HEADER_MAX_BYTES) {
        *err = xasprintf("cannot start the screening journal %s: the patient's and the "
                         "practitioner's details are longer than %u bytes",
                         path, HEADER_MAX_BYTES);
        free(b.data);
        free(strbuf_release(&framed, NULL));
        return -1;
    }
    free(b.data);
    memset(&b, 0, sizeof b);
    buf_snapshot(&b, w);
    if (b.len)
        journal_frame(&framed, b.data, b.len);
    free(b.data);
    size_t n = 0;
    char *bytes = strbuf_release(&framed, &n);

    char *tmp = xasprintf("%s.tmp-XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        *err = xasprintf("cannot create the screening journal %s: %s", path, strerror(errno));
        free(tmp);
        free(bytes);
        return -1;
    }
    int saved_errno = 0;
    if (fchmod(fd, 0600) != 0 || flock(fd, LOCK_EX | LOCK_NB) != 0 ||
        write_all(fd, bytes, n) != 0 || fsync(fd) != 0 || journal_publish(tmp, path, mode) != 0)
        saved_errno = errno;
    free(bytes);
    if (saved_errno) {
        *err = saved_errno == EEXIST
                   ? xasprintf("another screening of this patient has begun meanwhile (%s "
                               "exists)",
                               path)
                   : xasprintf("cannot write the screening journal %s: %s", path,
                               strerror(saved_errno));
        close(fd);
        unlink(tmp);
        free(tmp);
        return -1;
    }
    free(tmp);
    (void)sync_parent_dir(path);
    /* mkstemp's descriptor is not O_APPEND: every later record goes at the end anyway. */
    int flags = fcntl(fd, F_GETFL);
    if (flags != -1)
        (void)fcntl(fd, F_SETFL, flags | O_APPEND);
    (void)fcntl(fd, F_SETFD, FD_CLOEXEC);
    *size = n;
    return fd;
}

int journal_create(const char *path, const struct journal_header *h, const struct walk *w,
                   enum journal_mode mode, struct journal **out, char **err)
{
    *out = NULL;
    if (journal_dir_ready(path, err) != 0)
        return -1;
    size_t size = 0;
    int fd = write_whole(path, h, w, mode, &size, err);
    if (fd < 0)
        return -1;
    struct journal *j = xcalloc(1, sizeof *j);
    j->fd = fd;
    j->path = xstrdup(path);
    j->size = size;
    j->compact_at = journal_max_bytes(walk_questionnaire(w)) / 2;
    *out = j;
    return 0;
}

bool journal_wants_snapshot(const struct journal *j)
{
    return j->behind || j->size > j->compact_at;
}

int journal_snapshot(struct journal *j, const struct journal_header *h, const struct walk *w,
                     char **err)
{
    size_t size = 0;
    int fd = write_whole(j->path, h, w, JOURNAL_REPLACE, &size, err);
    if (fd < 0)
        return -1;
    close(j->fd); /* the old file, now unlinked: its lock goes with it */
    j->fd = fd;
    j->size = size;
    j->behind = false;
    return 0;
}

int journal_record_set(struct journal *j, const struct question *qn, const struct answer *a,
                       char **err)
{
    struct strbuf b = STRBUF_INIT;
    buf_set_record(&b, qn, a);
    return append(j, &b, err);
}

int journal_record_empty(struct journal *j, const struct question *qn, char **err)
{
    struct strbuf b = STRBUF_INIT;
    strbuf_puts(&b, "unset ");
    strbuf_puts(&b, qn->id);
    strbuf_puts(&b, "\nvisit ");
    strbuf_puts(&b, qn->id);
    strbuf_puts(&b, "\n");
    return append(j, &b, err);
}

void journal_close(struct journal *j)
{
    if (!j)
        return;
    close(j->fd);
    free(j->path);
    free(j);
}

int journal_remove(const char *path, char **err)
{
    if (unlink(path) != 0 && errno != ENOENT) {
        *err = xasprintf("cannot remove the screening journal %s: %s", path, strerror(errno));
        return -1;
    }
    (void)sync_parent_dir(path);
    return 0;
}
