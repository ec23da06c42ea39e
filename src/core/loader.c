/* loader.c - reads a questionnaire's YAML into the model: yamltree checks the bytes and builds
 * a small tree, and schema tables convert the tree to the model (the stages in loader_int.h).
 * Here: the entry points and the error count. */
#include "loader.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "file.h"
#include "loader_int.h"
#include "xalloc.h"
#include "yamltree.h"

/* ==== diagnostics ==== */

static void report(struct loader *l, uint32_t line, uint32_t col, const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));

static void report(struct loader *l, uint32_t line, uint32_t col, const char *fmt, va_list ap)
{
    if (l->stream && l->stream->owner)
        loader_hold(l, line, col, fmt, ap);
    else
        diags_vadd_capped(l->out, &l->errors, MAX_ERRORS, l->file, line, col, fmt, ap);
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
    .max_items = 1024u * 1024, /* 32 MiB of pending nodes at most for one list */
    .max_errors = MAX_ERRORS,
    .what = "a questionnaire",
    .anchor = "anchors are not allowed",
    .alias = "aliases are not allowed",
    .tag = "tags are not allowed",
    .second_document = "a second YAML document; a questionnaire file holds exactly one",
};

/* Moves every diagnostic of from to the end of to, in order (they are all errors). */
static void diags_move(struct diags *to, struct diags *from)
{
    for (size_t i = 0; i < from->n; i++) {
        const struct diag *g = &from->items[i];
        diags_add(to, g->level, g->file, g->line, g->col, "%s", g->message);
    }
    diags_clear(from);
}

/* Ends a reading: the model's growing arrays become its arena's, or everything is freed. */
static void reading_end(struct loader *l, bool keep)
{
    struct questionnaire *q = l->q;
    if (l->stream)
        loader_stream_free(l, keep);
    if (keep) {
        q->questions =
            xreallocarray(q->questions, q->n_questions ? q->n_questions : 1, sizeof *q->questions);
        arena_adopt(q->arena, q->questions);
        return;
    }
    free(q->questions);
    q->source = NULL; /* still the caller's */
    model_free(q);
    l->q = NULL;
}

/* One reading of buf into a new l->q: streamed (each big list's items converted as yamltree
 * hands them over, the tree never whole) or not. yamltree's diagnostics go to tree_d, the
 * loader's to l->d. Leaves l->q NULL unless the questionnaire was read without an error.
 * Returns false when a streamed reading must be done again whole (l->restart): then nothing
 * was added to l->d. */
static bool reading(struct loader *l, const char *buf, size_t len, bool streamed,
                    struct diags *tree_d)
{
    struct loader_stream stream = {0};
    struct diags walk_d = DIAGS_INIT;
    l->q = xcalloc(1, sizeof *l->q);
    l->q->arena = arena_new();
    l->q->file = arena_strndup(l->q->arena, l->file, strlen(l->file));
    l->stream = streamed ? &stream : NULL;
    l->out = streamed ? &walk_d : l->d; /* the walk's own, until the reading is known good */
    struct yamltree_stream hooks = loader_stream_hooks(l);
    struct yamltree tree;
    enum yamltree_status st = yamltree_read_stream(&tree, l->file, buf, len, &tree_rules,
                                                   streamed ? &hooks : NULL, tree_d);
    l->errors = tree.errors;
    if (st == YAMLTREE_OK && !l->restart)
        loader_document(l, tree.root);
    yamltree_free(&tree);
    if (st == YAMLTREE_OK && streamed)
        loader_stream_done(l);
    bool again = streamed && st == YAMLTREE_OK && l->restart;
    bool keep = st == YAMLTREE_OK && !again && l->errors == 0;
    if (!again && streamed) /* a broken file shows yamltree's diagnostics only */
        diags_move(l->d, &walk_d);
    diags_clear(&walk_d);
    reading_end(l, keep);
    l->stream = NULL;
    l->out = l->d;
    if (st == YAMLTREE_EMPTY)
        loader_error_at(l, 1, 1, "the file is empty; expected a questionnaire");
    return !again;
}

/* Loads buf[0..len), which it takes (malloc'ed, with room for a NUL at buf[len]): it becomes
 * the questionnaire's source, so the bytes are held once. */
static enum load_status load(const char *name, char *buf, size_t len, bool streamed,
                             struct diags *d, struct questionnaire **out)
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
    if (!reading(&l, buf, len, streamed, d)) {
        /* Read again whole; yamltree's diagnostics are already in d, the same. */
        struct diags again = DIAGS_INIT;
        l = (struct loader){.file = l.file, .d = d};
        reading(&l, buf, len, false, &again);
        diags_clear(&again);
    }
    if (!l.q) {
        free(buf);
        return LOAD_BAD_DATA;
    }
    l.q->source = buf;
    l.q->source_len = len;
    *out = l.q;
    return LOAD_OK;
}

static enum load_status load_buffer(const char *name, const char *buf, size_t len, bool streamed,
                                    struct diags *d, struct questionnaire **out)
{
    char *copy = xmalloc(len > LOADER_MAX_BYTES ? 1 : len + 1);
    if (len && len <= LOADER_MAX_BYTES)
        memcpy(copy, buf, len);
    return load(name, copy, len, streamed, d, out);
}

enum load_status loader_load_buffer(const char *name, const char *buf, size_t len, struct diags *d,
                                    struct questionnaire **out)
{
    return load_buffer(name, buf, len, true, d, out);
}

enum load_status loader_load_buffer_whole(const char *name, const char *buf, size_t len,
                                          struct diags *d, struct questionnaire **out)
{
    return load_buffer(name, buf, len, false, d, out);
}

enum load_status loader_load_file(const char *path, struct diags *d, struct questionnaire **out)
{
    size_t len = 0;
    struct file_error err;
    *out = NULL;
    char *buf = file_read(path, LOADER_MAX_BYTES, &len, &err);
    if (!buf && err.problem == FILE_TOO_LARGE) {
        diags_add(d, DIAG_ERROR, path, 0, 0, "file is too large (%ju bytes; the limit is %u MiB)",
                  err.size, LOADER_MAX_BYTES / (1024 * 1024));
        return LOAD_BAD_DATA;
    }
    if (!buf) {
        file_error_add(d, path, &err);
        return LOAD_IO_ERROR;
    }
    return load(path, buf, len, true, d, out); /* file_read left room for the NUL */
}
