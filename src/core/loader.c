/* loader.c - reads a questionnaire's YAML into the model: yamltree checks the bytes and builds
 * a small tree, and schema tables convert the tree to the model (the stages in loader_int.h).
 * Here: the entry points, the error count, and reading the file. */
#include "loader.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "loader_int.h"
#include "xalloc.h"
#include "yamltree.h"

/* ==== diagnostics ==== */

static void report(struct loader *l, uint32_t line, uint32_t col, const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));

static void report(struct loader *l, uint32_t line, uint32_t col, const char *fmt, va_list ap)
{
    if (++l->errors > MAX_ERRORS) {
        if (l->errors == MAX_ERRORS + 1)
            diags_add(l->d, DIAG_ERROR, l->file, 0, 0,
                      "too many errors; only the first %d are shown", MAX_ERRORS);
        return;
    }
    diags_vadd(l->d, DIAG_ERROR, l->file, line, col, fmt, ap);
}

void loader_error_at(struct loader *l, uint32_t line, uint32_t col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(l, line, col, fmt, ap);
    va_end(ap);
}

void loader_error(struct loader *l, const struct yamltree_node *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(l, n->line, n->col, fmt, ap);
    va_end(ap);
}

/* ==== the entry points ==== */

/* How a questionnaire is read: strictly, every problem collected. A bound on the tree's memory
 * (32 bytes a node): a realistic 64 MiB questionnaire has about 6 million nodes, a file of
 * nothing but "[1,1,1,..." would have 32 million. */
static const struct yamltree_rules tree_rules = {
    .strict = true,
    .max_depth = LOADER_MAX_DEPTH,
    .max_nodes = 8u * 1024 * 1024,
    .max_errors = MAX_ERRORS,
    .what = "a questionnaire",
    .anchor = "anchors are not allowed",
    .alias = "aliases are not allowed",
    .tag = "tags are not allowed",
    .second_document = "a second YAML document; a questionnaire file holds exactly one",
};

/* Loads buf[0..len), which it takes (malloc'ed, with room for a NUL at buf[len]): it becomes
 * the questionnaire's source, so the bytes are held once. */
static enum load_status load(const char *name, char *buf, size_t len, struct diags *d,
                             struct questionnaire **out)
{
    struct loader l = {.file = name ? name : "<input>", .d = d};
    *out = NULL;
    if (len > LOADER_MAX_BYTES) {
        diags_add(d, DIAG_ERROR, l.file, 0, 0, "file is too large (%zu bytes; the limit is %u MiB)",
                  len, LOADER_MAX_BYTES / (1024 * 1024));
        free(buf);
        return LOAD_BAD_DATA;
    }
    buf[len] = '\0';
    struct yamltree tree;
    enum yamltree_status st = yamltree_read(&tree, l.file, buf, len, &tree_rules, d);
    l.errors = tree.errors;
    if (st != YAMLTREE_OK) {
        if (st == YAMLTREE_EMPTY)
            loader_error_at(&l, 1, 1, "the file is empty; expected a questionnaire");
        yamltree_free(&tree);
        free(buf);
        return LOAD_BAD_DATA;
    }
    /* The model's nodes and strings go to its own arena; the tree's is freed once read. */
    l.q = xcalloc(1, sizeof *l.q);
    l.q->arena = arena_new();
    l.q->file = arena_strndup(l.q->arena, l.file, strlen(l.file));
    l.q->source = buf;
    l.q->source_len = len;
    loader_document(&l, tree.root);
    yamltree_free(&tree);
    if (l.errors > 0) {
        model_free(l.q);
        return LOAD_BAD_DATA;
    }
    *out = l.q;
    return LOAD_OK;
}

enum load_status loader_load_buffer(const char *name, const char *buf, size_t len, struct diags *d,
                                    struct questionnaire **out)
{
    char *copy = xmalloc(len > LOADER_MAX_BYTES ? 1 : len + 1);
    if (len && len <= LOADER_MAX_BYTES)
        memcpy(copy, buf, len);
    return load(name, copy, len, d, out);
}

/* Reads the whole file, refusing more than LOADER_MAX_BYTES. Returns NULL after adding the
 * diagnostic; *too_large tells a size problem (bad data) from an unreadable file. */
static char *file_read(const char *path, struct diags *d, size_t *len, bool *too_large)
{
    *too_large = false;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        diags_add(d, DIAG_ERROR, path, 0, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
        diags_add(d, DIAG_ERROR, path, 0, 0, "cannot read: %s",
                  S_ISDIR(st.st_mode) ? strerror(EISDIR) : strerror(errno));
        close(fd);
        return NULL;
    }
    /* A regular file's size is known; anything else (a pipe) is read up to the bound. */
    uintmax_t size = S_ISREG(st.st_mode) && st.st_size > 0 ? (uintmax_t)st.st_size : 0;
    size_t cap = size > 0 && size <= LOADER_MAX_BYTES ? (size_t)size + 1 : 65536;
    char *buf = size > LOADER_MAX_BYTES ? NULL : xmalloc(cap);
    size_t n = 0;
    while (buf && n <= LOADER_MAX_BYTES) {
        if (n == cap) {
            cap *= 2;
            buf = xreallocarray(buf, cap, 1);
        }
        size_t want = cap - n;
        if (want > LOADER_MAX_BYTES + 1 - n)
            want = LOADER_MAX_BYTES + 1 - n;
        ssize_t r = read(fd, buf + n, want);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            diags_add(d, DIAG_ERROR, path, 0, 0, "cannot read: %s", strerror(errno));
            free(buf);
            close(fd);
            return NULL;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    if (!buf || n > LOADER_MAX_BYTES) {
        diags_add(d, DIAG_ERROR, path, 0, 0, "file is too large (%ju bytes; the limit is %u MiB)",
                  buf ? (uintmax_t)n : size, LOADER_MAX_BYTES / (1024 * 1024));
        *too_large = true;
        free(buf);
        return NULL;
    }
    if (n == cap) /* room for the NUL load() puts after the bytes */
        buf = xreallocarray(buf, cap + 1, 1);
    *len = n;
    return buf;
}

enum load_status loader_load_file(const char *path, struct diags *d, struct questionnaire **out)
{
    size_t len = 0;
    bool too_large;
    *out = NULL;
    char *buf = file_read(path, d, &len, &too_large);
    if (!buf)
        return too_large ? LOAD_BAD_DATA : LOAD_IO_ERROR;
    return load(path, buf, len, d, out);
}
