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

void diags_vadd(struct diags *d, enum diag_level level, const char *file, uint32_t line,
                uint32_t col, const char *fmt, va_list ap)
{
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 16;
        d->items = xreallocarray(d->items, d->cap, sizeof *d->items);
    }
    char *msg = xvasprintf(fmt, ap);

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
    if (level == DIAG_ERROR)
        d->n_errors++;
    else
        d->n_warnings++;
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
    *d = (struct diags)DIAGS_INIT;
}
