/* diag.h - diagnostics about bad data: a list of FILE:LINE:COL errors and warnings.
 * The loader and validator collect every problem here instead of stopping at the first. */
#ifndef MESOSCREEN_DIAG_H
#define MESOSCREEN_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum diag_level { DIAG_ERROR, DIAG_WARNING };

struct diag {
    enum diag_level level;
    char *file;         /* owned */
    uint32_t line, col; /* 1-based; 0 when the problem has no place (e.g. an unreadable file) */
    char *message;      /* owned; no trailing newline or period */
    size_t seq;         /* order of arrival, so sorting is stable */
};

/* Warnings of one kind (one format string, in one file) past the first DIAGS_SAME_WARNINGS. */
struct diag_repeat {
    const char *fmt; /* the format: the kind */
    char *file;      /* owned */
    size_t count;    /* warnings of the kind so far */
    char *first;     /* owned: the first message not shown, which the summary line shows */
    size_t summary;  /* index in items of that line, "MESSAGE (and N more like it, not shown)" */
    size_t seq;      /* and its seq, to find it again after diags_sort */
};

struct diags {
    struct diag *items;
    size_t n, cap;
    size_t n_errors, n_warnings; /* every one added, shown or not */
    struct diag_repeat *repeats; /* private: the warning kinds seen */
    size_t n_repeats;
};

/* A file with thousands of the same warning (say, a missing translation on every text) shows
 * the first DIAGS_SAME_WARNINGS of each kind, then one line counting the rest. Errors have
 * their own cap in each reader (past it, reading that file stops). */
#define DIAGS_SAME_WARNINGS 10

#define DIAGS_INIT                                                                                 \
    {                                                                                              \
        0                                                                                          \
    }

/* Appends a diagnostic; file is copied and may be NULL (printed as "<input>"). A warning whose
 * format already made DIAGS_SAME_WARNINGS warnings for this file is counted, not kept: the
 * first of them is shown as "MESSAGE (and N more like it, not shown)" for all the others. */
void diags_add(struct diags *d, enum diag_level level, const char *file, uint32_t line,
               uint32_t col, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* The same with the arguments as a va_list (which it consumes, like vprintf), for modules
 * that wrap diags_add in their own reporting function. */
void diags_vadd(struct diags *d, enum diag_level level, const char *file, uint32_t line,
                uint32_t col, const char *fmt, va_list ap) __attribute__((format(printf, 6, 0)));

/* Adds an error, unless *errors (the errors one reading of `file` has met so far) has reached
 * max: past that many a file is not one with mistakes but something else, so the first error
 * beyond adds "too many errors; only the first MAX are shown" (without a place) and later ones
 * add nothing, neither text nor memory. Counts every error in *errors. Consumes ap. */
void diags_vadd_capped(struct diags *d, size_t *errors, size_t max, const char *file, uint32_t line,
                       uint32_t col, const char *fmt, va_list ap)
    __attribute__((format(printf, 7, 0)));

/* Sorts by file, line, column (stable, so same-place diagnostics keep their order). */
void diags_sort(struct diags *d);

/* Prints each as "FILE:LINE:COL: error: MESSAGE" (or "warning:"), one per line, with control
 * and bidirectional characters of FILE and MESSAGE escaped (utf8_escape_controls). */
void diags_print(const struct diags *d, FILE *out);

/* Frees the messages and resets *d to empty. */
void diags_clear(struct diags *d);

#endif
