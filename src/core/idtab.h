/* idtab.h - a table from ids to their indexes in a set the caller keeps (questions, findings):
 * open addressing on FNV-1a, so looking every id of a file up stays linear in the file's size.
 * A slot holds only an index, 4 bytes; the id itself is read from the set. */
#ifndef MESOSCREEN_IDTAB_H
#define MESOSCREEN_IDTAB_H

#include <stddef.h>
#include <stdint.h>

struct idtab {
    uint32_t *slots; /* index + 1 of an element of the set; 0: empty */
    size_t cap;      /* a power of two, at least twice the entries */
    const char *(*name)(const void *set, size_t i); /* the id of element i */
    const void *set; /* borrowed: it must outlive the table, its ids unchanged */
};

/* An empty table for the ids name(set, i) of at most n elements (it never grows). Out of
 * memory dies. */
void idtab_init(struct idtab *t, size_t n, const char *(*name)(const void *set, size_t i),
                const void *set);

/* Frees the table's slots (not the set). A zeroed table is a no-op. */
void idtab_free(struct idtab *t);

/* Adds element i by its id; returns the index of an earlier element with the same id (and
 * keeps that one), else -1. */
int idtab_put(struct idtab *t, size_t i);

/* The index of the element with this id, or -1 when absent. */
int idtab_get(const struct idtab *t, const char *id);

#endif
