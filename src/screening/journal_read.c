/* journal_read.c - reads a journal back strictly (a parser of untrusted bytes: bounded, never
 * crashes, a torn last record dropped, any other damage refused) and replays it into a walk.
 * The writing side is journal.c; the record framing is journal_record.c. */
#define _DEFAULT_SOURCE /* flock: a journal that another program holds is busy */
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
    struct strbuf b = STRBUF_INIT;
    for (size_t i = from; i < p->len; i++) {
        unsigned char c = (unsigned char)p->line[i];
        if (c < 0x20 || c == 0x7f) {
            free(b.data);
            return fail(p, i, "raw control character (must be escaped)");
        }
        if (c != '\\') {
            strbuf_add(&b, (const char *)&p->line[i], 1);
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
                free(b.data);
                return fail(p, i, "escaped NUL byte");
            }
            ch = (char)v;
            i += 3;
        } else {
            free(b.data);
            return fail(p, i, "invalid escape (expected \\\\, \\n, \\t or \\xHH)");
        }
        strbuf_add(&b, &ch, 1);
    }
    *out = strbuf_release(&b, NULL);
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

/* The optional lines between the header and the answers, in this order (journals written
 * before they were kept lack them). */
static const char *const optional_keys[] = {"screening", "replaces"};

/* The index of the optional key p's line starts with ("KEY "), at or after `from`; -1 when
 * it starts with none of them (an answer). */
static int optional_key(const struct parser *p, size_t from)
{
    for (size_t k = from; k < sizeof optional_keys / sizeof optional_keys[0]; k++) {
        size_t n = strlen(optional_keys[k]);
        if (p->len > n && memcmp(p->line, optional_keys[k], n) == 0 && p->line[n] == ' ')
            return (int)k;
    }
    return -1;
}

/* Optional line k (optional_keys) into h: the screening's UUID, or the file name of the report
 * a correction replaces (a name, never a path). */
static int parse_optional_line(struct parser *p, size_t k, struct journal_header *h)
{
    size_t rest = strlen(optional_keys[k]) + 1;
    if (k == 0) {
        char *id = xstrndup(p->line + rest, p->len - rest);
        bool ok = uuid_valid(id);
        if (ok)
            memcpy(h->screening, id, UUID_STR_SIZE);
        free(id);
        return ok ? 0 : fail(p, rest, "expected the screening's UUID");
    }
    char *name = NULL;
    if (unescape(p, rest, &name) != 0)
        return -1;
    if (*name == '\0' || strchr(name, '/') || strcmp(name, ".") == 0 || strcmp(name, "..") == 0) {
        free(name);
        return fail(p, rest, "expected the file name of the report this one replaces");
    }
    h->replaces = name;
    return 0;
}

int journal_parse(const char *name, const char *buf, size_t len, struct journal_data **out,
                  char **err)
{
    struct parser p = {.name = name};
    struct journal_data *d = xcalloc(1, sizeof *d);
    size_t cap = 0, index = 0, pos = 0, next_optional = 0;
    int rc = 0, k;

    *out = NULL;
    while ((rc = next_record(&p, buf, len, &pos, &d->torn)) > 0) {
        if (index < HEADER_LINES) {
            rc = parse_header_line(&p, index++, &d->header);
        } else if (d->n_events == 0 && (k = optional_key(&p, next_optional)) >= 0) {
            next_optional = (size_t)k + 1;
            rc = parse_optional_line(&p, (size_t)k, &d->header);
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
    free(h->replaces);
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
