/* diag.c - collecting and printing FILE:LINE:COL diagnostics. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xalloc.h"

void diags_add(struct diags *d, enum diag_level level, const char *file, uint32_t line,
               uint32_t col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diags_vadd(d, level, file, line, col, fmt, ap);
    va_end(ap);
}

/* Appends one diagnostic, taking msg. */
static void append(struct diags *d, enum diag_level level, const char *file, uint32_t line,
                   uint32_t col, char *msg)
{
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 16;
        d->items = xreallocarray(d->items, d->cap, sizeof *d->items);
    }
    size_t seq = d->n;
    d->items[seq] = (struct diag){
        .level = level,
        .file = xstrdup(file ? file : "<input>"),
        .line = line,
        .col = col,
        .message = msg,
        .seq = seq,
    };
    d->n++;
}

/* The repeat record of warnings made by fmt in file, a new one when it is the first. */
static struct diag_repeat *repeat_of(struct diags *d, const char *fmt, const char *file)
{
    for (size_t i = 0; i < d->n_repeats; i++)
        if (d->repeats[i].fmt == fmt && strcmp(d->repeats[i].file, file) == 0)
            return &d->repeats[i];
    d->repeats = xreallocarray(d->repeats, d->n_repeats + 1, sizeof *d->repeats);
    struct diag_repeat *r = &d->repeats[d->n_repeats++];
    *r = (struct diag_repeat){.fmt = fmt, .file = xstrdup(file)};
    return r;
}

/* A warning past the cap of its kind: the first (msg, taken) becomes the summary line, at its
 * own place, "MESSAGE (and N more like it, not shown)"; the later ones (msg NULL) raise N. */
static void repeat_count(struct diags *d, struct diag_repeat *r, uint32_t line, uint32_t col,
                         char *msg)
{
    size_t more = r->count - DIAGS_SAME_WARNINGS - 1;
    if (more == 0) {
        r->first = msg;
        append(d, DIAG_WARNING, r->file, line, col, xstrdup(msg));
        r->summary = d->n - 1;
        r->seq = d->items[r->summary].seq;
        return;
    }
    struct diag *g = &d->items[r->summary];
    free(g->message);
    g->message = xasprintf("%s (and %zu more like it, not shown)", r->first, more);
}

void diags_vadd(struct diags *d, enum diag_level level, const char *file, uint32_t line,
                uint32_t col, const char *fmt, va_list ap)
{
    if (level == DIAG_ERROR) {
        d->n_errors++;
    } else {
        d->n_warnings++;
        struct diag_repeat *r = repeat_of(d, fmt, file ? file : "<input>");
        if (++r->count > DIAGS_SAME_WARNINGS + 1) { /* only counted: not even formatted */
            repeat_count(d, r, line, col, NULL);
            return;
        }
        if (r->count > DIAGS_SAME_WARNINGS) {
            repeat_count(d, r, line, col, xvasprintf(fmt, ap));
            return;
        }
    }
    append(d, level, file, line, col, xvasprintf(fmt, ap));
}

void diags_vadd_capped(struct diags *d, size_t *errors, size_t max, const char *file, uint32_t line,
                       uint32_t col, const char *fmt, va_list ap)
{
    if (++*errors > max) {
        if (*errors == max + 1)
            diags_add(d, DIAG_ERROR, file, 0, 0, "too many errors; only the first %zu are shown",
                      max);
        return;
    }
    diags_vadd(d, DIAG_ERROR, file, line, col, fmt, ap);
}

static int diag_compare(const void *pa, const void *pb)
{
    const struct diag *a = pa, *b = pb;
    int c = strcmp(a->file, b->file);
    if (c)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void diags_sort(struct diags *d)
{
    if (d->n > 1)
        qsort(d->items, d->n, sizeof *d->items, diag_compare);
    for (size_t i = 0; i < d->n; i++) /* the summary lines moved: follow them */
        for (size_t k = 0; k < d->n_repeats; k++)
            if (d->repeats[k].count > DIAGS_SAME_WARNINGS && d->items[i].seq == d->repeats[k].seq)
                d->repeats[k].summary = i;
}

void diags_print(const struct diags *d, FILE *out)
{
    for (size_t i = 0; i < d->n; i++) {
        const struct diag *g = &d->items[i];
        const char *level = g->level == DIAG_ERROR ? "error" : "warning";
        /* A file name or a quoted value may hold anything: never send it raw to a terminal. */
        char *file = utf8_escape_controls(g->file, false);
        char *message = utf8_escape_controls(g->message, false);
        if (g->line)
            fprintf(out, "%s:%u:%u: %s: %s\n", file, g->line, g->col, level, message);
        else
            fprintf(out, "%s: %s: %s\n", file, level, message);
        free(file);
        free(message);
    }
}

void diags_clear(struct diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->items[i].file);
        free(d->items[i].message);
    }
    free(d->items);
    for (size_t i = 0; i < d->n_repeats; i++) {
        free(d->repeats[i].file);
        free(d->repeats[i].first);
    }
    free(d->repeats);
    *d = (struct diags)DIAGS_INIT;
}
