/* journal.c - writes each answer of a screening to disk as it is given, framed so that a write
 * cut short is never read as part of the next, and reads the journal back strictly (it is a
 * parser of untrusted bytes: bounded, never crashes). */
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

/* ---- growing string buffer ---- */

struct buf {
    char *s;
    size_t n, cap;
};

static void buf_add(struct buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 128;
        while (cap < b->n + n + 1)
            cap *= 2;
        b->s = xreallocarray(b->s, cap, 1);
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static void buf_str(struct buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

/* Appends s escaped: no control byte and no newline ever reaches the file raw. */
static void buf_escaped(struct buf *b, const char *s)
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
            buf_add(b, (const char *)p, 1);
            continue;
        }
        buf_add(b, esc, n);
    }
}

static void buf_field(struct buf *b, const char *key, const char *value)
{
    buf_str(b, key);
    buf_str(b, " ");
    buf_escaped(b, value ? value : "");
    buf_str(b, "\n");
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
static int append(struct journal *j, struct buf *b, char **err)
{
    struct strbuf framed = STRBUF_INIT;
    journal_frame(&framed, b->s, b->n);
    free(b->s);
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

static void buf_set_record(struct buf *b, const struct question *qn, const struct answer *a)
{
    char *value = answer_format(qn, a);
    buf_str(b, "set ");
    buf_str(b, qn->id);
    buf_str(b, " ");
    buf_escaped(b, value);
    buf_str(b, "\n");
    free(value);
}

/* The answers of w as events that rebuild it: given answers in asking order, and a visit for
 * every reached optional question left empty before the first unanswered one. */
static void buf_snapshot(struct buf *b, const struct walk *w)
{
    const struct questionnaire *q = walk_questionnaire(w);
    int next = walk_next(w);
    for (size_t i = 0; i < q->n_questions; i++) {
        const struct answer *a = walk_get(w, i);
        if (a->given)
            buf_set_record(b, &q->questions[i], a);
        else if (!q->questions[i].required && walk_reached(w, i) && (next < 0 || (int)i < next)) {
            buf_str(b, "visit ");
            buf_str(b, q->questions[i].id);
            buf_str(b, "\n");
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
    struct buf b = {0};
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
    struct strbuf framed = STRBUF_INIT;
    strbuf_puts(&framed, MAGIC "\n");
    journal_frame(&framed, b.s, b.n);
    if (framed.len > HEADER_MAX_BYTES) {
        *err = xasprintf("cannot start the screening journal %s: the patient's and the "
                         "practitioner's details are longer than %u bytes",
                         path, HEADER_MAX_BYTES);
        free(b.s);
        free(strbuf_release(&framed, NULL));
        return -1;
    }
    free(b.s);
    memset(&b, 0, sizeof b);
    buf_snapshot(&b, w);
    if (b.n)
        journal_frame(&framed, b.s, b.n);
    free(b.s);
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
    struct buf b = {0};
    buf_set_record(&b, qn, a);
    return append(j, &b, err);
}

int journal_record_empty(struct journal *j, const struct question *qn, char **err)
{
    struct buf b = {0};
    buf_str(&b, "unset ");
    buf_str(&b, qn->id);
    buf_str(&b, "\nvisit ");
    buf_str(&b, qn->id);
    buf_str(&b, "\n");
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

/* ---- reading back ---- */

struct parser {
    const char *name;
    const char *line; /* the current record's payload, not NUL-terminated */
    size_t len;
    size_t col0; /* where the payload starts in its line (after the frame) */
    uint32_t lineno;
    char *err;
};

static int fail(struct parser *p, size_t col, const char *msg)
{
    if (!p->err)
        p->err = xasprintf("%s:%u:%zu: %s", p->name, p->lineno, p->col0 + col + 1, msg);
    return -1;
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* Unescapes line[from..len) into a new string in *out. */
static int unescape(struct parser *p, size_t from, char **out)
{
    struct buf b = {0};
    buf_add(&b, "", 0);
    for (size_t i = from; i < p->len; i++) {
        unsigned char c = (unsigned char)p->line[i];
        if (c < 0x20 || c == 0x7f) {
            free(b.s);
            return fail(p, i, "raw control character (must be escaped)");
        }
        if (c != '\\') {
            buf_add(&b, (const char *)&p->line[i], 1);
            continue;
        }
        char e = i + 1 < p->len ? p->line[i + 1] : '\0';
        char ch;
        if (e == '\\' || e == 'n' || e == 't') {
            ch = e == 'n' ? '\n' : e == 't' ? '\t' : '\\';
            i++;
        } else if (e == 'x' && i + 3 < p->len && hex_value(p->line[i + 2]) >= 0 &&
                   hex_value(p->line[i + 3]) >= 0) {
            int v = hex_value(p->line[i + 2]) * 16 + hex_value(p->line[i + 3]);
            if (v == 0) {
                free(b.s);
                return fail(p, i, "escaped NUL byte");
            }
            ch = (char)v;
            i += 3;
        } else {
            free(b.s);
            return fail(p, i, "invalid escape (expected \\\\, \\n, \\t or \\xHH)");
        }
        buf_add(&b, &ch, 1);
    }
    *out = b.s;
    return 0;
}

/* Splits "KEY REST": returns the key length, or fails when the key differs from `want`. */
static int expect_key(struct parser *p, const char *want, size_t *rest)
{
    size_t n = strlen(want);
    if (p->len < n + 1 || memcmp(p->line, want, n) != 0 || p->line[n] != ' ') {
        char *msg = xasprintf("expected '%s ...'", want);
        fail(p, 0, msg);
        free(msg);
        return -1;
    }
    *rest = n + 1;
    return 0;
}

static bool id_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

/* An id from line[from..to): letters, digits, '_' and '-', at most 64. */
static int parse_id(struct parser *p, size_t from, size_t to, char **out)
{
    if (to == from)
        return fail(p, from, "missing id");
    if (to - from > 64)
        return fail(p, from, "id longer than 64 characters");
    for (size_t i = from; i < to; i++)
        if (!id_char(p->line[i]))
            return fail(p, i, "invalid character in id");
    *out = xstrndup(p->line + from, to - from);
    return 0;
}

static int parse_header_line(struct parser *p, size_t index, struct journal_header *h)
{
    static const char *const keys[] = {"questionnaire", "version",      "sha256",
                                       "patient",       "practitioner", "patient_name",
                                       "birth_date",    "answered_by",  "started"};
    size_t rest;
    if (index == 0) {
        if (p->len != strlen(MAGIC) || memcmp(p->line, MAGIC, p->len) != 0)
            return fail(p, 0, "not a mesoscreen journal (expected '" MAGIC "')");
        return 0;
    }
    if (expect_key(p, keys[index - 1], &rest) != 0)
        return -1;
    char *value = NULL;
    switch (index) {
    case 1:
        return parse_id(p, rest, p->len, &h->questionnaire);
    case 3:
        if (p->len - rest != DIGEST_HEX_LEN)
            return fail(p, rest, "expected 64 hexadecimal digits");
        for (size_t i = rest; i < p->len; i++)
            if (hex_value(p->line[i]) < 0)
                return fail(p, i, "expected a lowercase hexadecimal digit");
        memcpy(h->sha256, p->line + rest, DIGEST_HEX_LEN);
        h->sha256[DIGEST_HEX_LEN] = '\0';
        return 0;
    case 9: {
        long long v = 0;
        if (rest == p->len)
            return fail(p, rest, "expected a time in seconds");
        for (size_t i = rest; i < p->len; i++) {
            if (p->line[i] < '0' || p->line[i] > '9')
                return fail(p, i, "expected a digit");
            if (v > (LLONG_MAX - 9) / 10)
                return fail(p, rest, "time out of range");
            v = v * 10 + (p->line[i] - '0');
        }
        h->started = v;
        return 0;
    }
    default:
        if (unescape(p, rest, &value) != 0)
            return -1;
        break;
    }
    /* The people fields, by header line; an empty one is not stated. */
    char **people[] = {[4] = &h->patient,
                       [5] = &h->practitioner,
                       [6] = &h->patient_name,
                       [7] = &h->birth_date,
                       [8] = &h->answered_by};
    if (index == 2)
        h->version = value;
    else if (*value == '\0')
        free(value);
    else
        *people[index] = value;
    return 0;
}

struct event_kind_name {
    const char *name;
    enum journal_event_kind kind;
    bool has_value;
};

static const struct event_kind_name event_kinds[] = {
    {"set", JOURNAL_SET, true},
    {"unset", JOURNAL_UNSET, false},
    {"visit", JOURNAL_VISIT, false},
};

static int parse_event_line(struct parser *p, struct journal_event *ev)
{
    size_t sp = 0;
    while (sp < p->len && p->line[sp] != ' ')
        sp++;
    const struct event_kind_name *k = NULL;
    for (size_t i = 0; i < sizeof event_kinds / sizeof event_kinds[0]; i++)
        if (strlen(event_kinds[i].name) == sp && memcmp(p->line, event_kinds[i].name, sp) == 0)
            k = &event_kinds[i];
    if (!k)
        return fail(p, 0, "expected 'set', 'unset' or 'visit'");
    if (sp == p->len)
        return fail(p, sp, "missing question id");
    size_t id_end = sp + 1;
    while (id_end < p->len && p->line[id_end] != ' ')
        id_end++;
    if (k->has_value && id_end == p->len)
        return fail(p, id_end, "missing answer");
    if (!k->has_value && id_end != p->len)
        return fail(p, id_end, "unexpected text after the question id");
    memset(ev, 0, sizeof *ev);
    ev->kind = k->kind;
    ev->line = p->lineno;
    if (parse_id(p, sp + 1, id_end, &ev->question) != 0)
        return -1;
    if (k->has_value && unescape(p, id_end + 1, &ev->value) != 0) {
        free(ev->question);
        ev->question = NULL;
        return -1;
    }
    return 0;
}

#define HEADER_LINES 10

/* The next record of buf at *pos into p (the magic line, unframed, when it is the first).
 * Returns 1 with p->line set, 0 at the end (a torn last record sets *torn), -1 on damage. */
static int next_record(struct parser *p, const char *buf, size_t len, size_t *pos, bool *torn)
{
    if (*pos >= len)
        return 0;
    p->lineno++;
    const char *line = buf + *pos, *payload = NULL;
    size_t n = 0, next = 0, col = 0;
    const char *why = NULL;
    p->col0 = 0;
    if (p->lineno == 1) {
        const char *nl = memchr(line, '\n', len - *pos);
        n = nl ? (size_t)(nl - line) : len - *pos;
        payload = line;
        next = *pos + n + (nl != NULL);
    } else {
        switch (journal_record_read(buf, len, *pos, &payload, &n, &next, &col, &why)) {
        case RECORD_TORN:
            *torn = true;
            return 0;
        case RECORD_BAD:
            return fail(p, col, why);
        case RECORD_OK:
            break;
        }
        p->col0 = (size_t)(payload - line);
    }
    p->line = payload;
    p->len = n;
    *pos = next;
    const char *nul = memchr(p->line, '\0', p->len);
    if (nul)
        return fail(p, (size_t)(nul - p->line), "NUL byte");
    return 1;
}

int journal_parse(const char *name, const char *buf, size_t len, struct journal_data **out,
                  char **err)
{
    struct parser p = {.name = name};
    struct journal_data *d = xcalloc(1, sizeof *d);
    size_t cap = 0, index = 0, pos = 0;
    int rc = 0;

    *out = NULL;
    while ((rc = next_record(&p, buf, len, &pos, &d->torn)) > 0) {
        if (index < HEADER_LINES) {
            rc = parse_header_line(&p, index++, &d->header);
        } else if (index == HEADER_LINES && p.len > 10 && memcmp(p.line, "screening ", 10) == 0) {
            /* optional: journals written before the screening's UUID was kept lack it */
            index++;
            char *id = xstrndup(p.line + 10, p.len - 10);
            rc = 0;
            if (uuid_valid(id))
                memcpy(d->header.screening, id, UUID_STR_SIZE);
            else
                rc = fail(&p, 10, "expected the screening's UUID");
            free(id);
        } else {
            if (d->n_events == cap) {
                cap = cap ? cap * 2 : 32;
                d->events = xreallocarray(d->events, cap, sizeof *d->events);
            }
            rc = parse_event_line(&p, &d->events[d->n_events]);
            if (rc == 0)
                d->n_events++;
        }
        if (rc != 0)
            break;
    }
    if (rc == 0 && index < HEADER_LINES) {
        p.lineno++;
        p.len = 0;
        p.col0 = 0;
        rc = fail(&p, 0, "the journal ends inside its header");
    }
    if (rc != 0) {
        *err = p.err;
        journal_data_free(d);
        return -1;
    }
    *out = d;
    return 0;
}

int journal_wait(const char *path, char **err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0)
        return errno == ENOENT ? 0 : (*err = xasprintf("%s: %s", path, strerror(errno)), -1);
    int rc = flock(fd, LOCK_SH); /* blocks while the other program holds LOCK_EX */
    if (rc != 0)
        *err = xasprintf("%s: %s", path, strerror(errno));
    close(fd);
    return rc == 0 ? 0 : -1;
}

/* journal_load, and journal_peek when busy_ok. */
static enum journal_status load(const char *path, size_t max_bytes, bool busy_ok,
                                struct journal_data **out, char **err);

enum journal_status journal_load(const char *path, size_t max_bytes, struct journal_data **out,
                                 char **err)
{
    return load(path, max_bytes, false, out, err);
}

enum journal_status journal_peek(const char *path, size_t max_bytes, struct journal_data **out,
                                 char **err)
{
    return load(path, max_bytes, true, out, err);
}

static enum journal_status load(const char *path, size_t max_bytes, bool busy_ok,
                                struct journal_data **out, char **err)
{
    *out = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) {
        if (errno == ENOENT || errno == ENOTDIR) /* no such file, or no folder to hold it */
            return JOURNAL_ABSENT;
        if (errno == ELOOP) {
            *err = xasprintf("the journal %s is a symbolic link, which could point anywhere: it "
                             "is not offered for resuming; remove it",
                             path);
            return JOURNAL_UNSAFE;
        }
        *err = xasprintf("%s: %s", path, strerror(errno));
        return JOURNAL_BAD;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        *err = xasprintf("%s: %s", path, strerror(errno));
        close(fd);
        return JOURNAL_BAD;
    }
    if (private_file_check(&st, path, err) != 0) {
        close(fd);
        return JOURNAL_UNSAFE;
    }
    if (!busy_ok && flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK) {
        *err = xasprintf("%s is in use: another mesoscreen is running this screening; finish "
                         "or quit it first",
                         path);
        close(fd);
        return JOURNAL_BUSY;
    }
    size_t len = 0;
    struct file_error fe;
    char *text = file_read_fd(fd, max_bytes, &len, &fe);
    close(fd);
    if (!text) {
        *err = fe.problem == FILE_TOO_LARGE
                   ? xasprintf("%s: larger than %zu bytes, more than mesoscreen ever writes for "
                               "this questionnaire: not a journal",
                               path, max_bytes)
                   : xasprintf("%s: %s", path, strerror(fe.errnum));
        return JOURNAL_BAD;
    }
    int rc = journal_parse(path, text, len, out, err);
    free(text);
    return rc == 0 ? JOURNAL_OK : JOURNAL_BAD;
}

void journal_header_clear(struct journal_header *h)
{
    free(h->questionnaire);
    free(h->version);
    free(h->patient);
    free(h->practitioner);
    free(h->patient_name);
    free(h->birth_date);
    free(h->answered_by);
    memset(h, 0, sizeof *h);
}

void journal_data_free(struct journal_data *d)
{
    if (!d)
        return;
    journal_header_clear(&d->header);
    for (size_t i = 0; i < d->n_events; i++) {
        free(d->events[i].question);
        free(d->events[i].value);
    }
    free(d->events);
    free(d);
}

/* ---- replay ---- */

/* "a, b, c" (answer_format's multi form) into a's selection. */
static char *parse_multi(const struct question *qn, const char *value, struct answer *a)
{
    char *copy = xstrdup(value);
    size_t n = 0, cap = 8;
    const char **items = xcalloc(cap, sizeof *items);
    for (char *s = copy; s && *s;) {
        char *comma = strstr(s, ", ");
        if (comma)
            *comma = '\0';
        if (n == cap) {
            cap *= 2;
            items = xreallocarray(items, cap, sizeof *items);
        }
        items[n++] = s;
        s = comma ? comma + 2 : NULL;
    }
    char *msg = answer_parse_multi(qn, items, n, a);
    free(items);
    free(copy);
    return msg;
}

static bool replay_set(const struct journal_event *ev, struct walk *w, size_t qi)
{
    const struct question *qn = &walk_questionnaire(w)->questions[qi];
    struct answer a = {0};
    char *msg =
        qn->type == QTYPE_MULTI ? parse_multi(qn, ev->value, &a) : answer_parse(qn, ev->value, &a);
    bool ok = !msg && walk_set(w, qi, &a);
    free(msg);
    answer_clear(&a);
    return ok;
}

size_t journal_replay(const struct journal_data *d, struct walk *w)
{
    size_t skipped = 0;
    for (size_t i = 0; i < d->n_events; i++) {
        const struct journal_event *ev = &d->events[i];
        int qi = model_find_question(walk_questionnaire(w), ev->question);
        if (qi < 0) {
            skipped += ev->kind == JOURNAL_SET;
            continue;
        }
        switch (ev->kind) {
        case JOURNAL_SET:
            if (!replay_set(ev, w, (size_t)qi)) {
                walk_unset(w, (size_t)qi);
                skipped++;
            }
            break;
        case JOURNAL_UNSET:
            walk_unset(w, (size_t)qi);
            break;
        case JOURNAL_VISIT:
            walk_visit(w, (size_t)qi);
            break;
        }
    }
    return skipped;
}
