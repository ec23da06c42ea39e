/* idtab.h - a table from ids (strings the caller keeps alive) to indexes: open addressing on
 * FNV-1a, so looking every id of a file up stays linear in the file's size. */
#ifndef MESOSCREEN_IDTAB_H
#define MESOSCREEN_IDTAB_H

#include <stddef.h>

struct idtab {
    const char **keys; /* borrowed: each key must outlive the table */
    int *vals;
    size_t cap; /* a power of two, at least twice the entries */
};

/* An empty table sized for n entries (it never grows: put at most n). Out of memory dies. */
void idtab_init(struct idtab *t, size_t n);

/* Frees the table's arrays (not the keys). A zeroed table is a no-op. */
void idtab_free(struct idtab *t);

/* Adds key -> val; returns the earlier value when key is already there (and keeps it), else -1. */
int idtab_put(struct idtab *t, const char *key, int val);

/* The value of key, or -1 when absent. */
int idtab_get(const struct idtab *t, const char *key);

#endif
