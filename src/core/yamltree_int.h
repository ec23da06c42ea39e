/* yamltree_int.h - what yamltree.c (events to the tree) and yamltree_bytes.c (the bytes)
 * share: the reading context and its diagnostics. Private to them. */
#ifndef MESOSCREEN_YAMLTREE_INT_H
#define MESOSCREEN_YAMLTREE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <yaml.h>

#include "yamltree.h"

struct reader {
    const char *file;
    const char *src; /* the bytes being read */
    size_t len;
    const struct yamltree_rules *rules;
    struct diags *d;
    struct yamltree *t;                   /* counts the errors; its arena holds the nodes */
    const struct yamltree_stream *stream; /* NULL: the whole tree */
    /* Where libyaml's character index last mapped to a byte offset (marks only move forward). */
    size_t cursor_char, cursor_byte;
};

/* An error at line:col, counted against rules->max_errors (past it, only counted). */
void yamltree_error_at(struct reader *rd, uint32_t line, uint32_t col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Checks that the bytes are UTF-8 text libyaml will accept, reporting the exact line:col of
 * each bad byte (libyaml's own messages for these have no place). Returns true when clean. */
bool yamltree_bytes_check(struct reader *rd);

/* Whether code point cp may not appear in a text: a control or bidirectional control. */
bool yamltree_refused(uint32_t cp);

/* A control character in a scalar can only come from a double-quoted escape (the raw bytes
 * passed yamltree_bytes_check): finds each such escape of the scalar at mark in the source and
 * reports it where it is (`first`, the first one found in the value, when none is found). */
void yamltree_escapes_check(struct reader *rd, const yaml_mark_t *mark, uint32_t first);

/* The line and column (in characters) of byte offset off of buf: where libyaml's reader,
 * which has no mark of its own, found bad bytes. */
void yamltree_offset_place(const char *buf, size_t len, size_t off, uint32_t *line, uint32_t *col);

#endif
