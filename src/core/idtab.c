/* idtab.c - ids to indexes by open addressing on FNV-1a. */
#include "idtab.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static uint64_t idtab_hash(const char *s)
{
    uint64_t h = UINT64_C(1469598103934665603);
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * UINT64_C(1099511628211);
    return h;
}

void idtab_init(struct idtab *t, size_t n)
{
    t->cap = 16;
    while (t->cap < 2 * n + 1)
        t->cap *= 2;
    t->keys = xcalloc(t->cap, sizeof *t->keys);
    t->vals = xcalloc(t->cap, sizeof *t->vals);
}

void idtab_free(struct idtab *t)
{
    free(t->keys);
    free(t->vals);
    *t = (struct idtab){0};
}

/* The slot of key: where it is, or the empty slot where it would go. */
static size_t idtab_slot(const struct idtab *t, const char *key)
{
    size_t i = (size_t)idtab_hash(key) & (t->cap - 1);
    while (t->keys[i] && strcmp(t->keys[i], key) != 0)
        i = (i + 1) & (t->cap - 1);
    return i;
}

int idtab_put(struct idtab *t, const char *key, int val)
{
    size_t i = idtab_slot(t, key);
    if (t->keys[i])
        return t->vals[i];
    t->keys[i] = key;
    t->vals[i] = val;
    return -1;
}

int idtab_get(const struct idtab *t, const char *key)
{
    if (!t->cap)
        return -1;
    size_t i = idtab_slot(t, key);
    return t->keys[i] ? t->vals[i] : -1;
}
