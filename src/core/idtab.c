/* idtab.c - ids to indexes by open addressing on FNV-1a. */
#include "idtab.h"

#include <limits.h>
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

void idtab_init(struct idtab *t, size_t n, const char *(*name)(const void *set, size_t i),
                const void *set)
{
    if (n > INT_MAX)
        xdie("idtab: too many ids (%zu)", n);
    t->cap = 16;
    while (t->cap < 2 * n + 1)
        t->cap *= 2;
    t->slots = xcalloc(t->cap, sizeof *t->slots);
    t->name = name;
    t->set = set;
}

void idtab_free(struct idtab *t)
{
    free(t->slots);
    *t = (struct idtab){0};
}

/* The slot of id: where it is, or the empty slot where it would go. */
static size_t idtab_slot(const struct idtab *t, const char *id)
{
    size_t i = (size_t)idtab_hash(id) & (t->cap - 1);
    while (t->slots[i] && strcmp(t->name(t->set, t->slots[i] - 1), id) != 0)
        i = (i + 1) & (t->cap - 1);
    return i;
}

int idtab_put(struct idtab *t, size_t i)
{
    size_t at = idtab_slot(t, t->name(t->set, i));
    if (t->slots[at])
        return (int)(t->slots[at] - 1);
    t->slots[at] = (uint32_t)i + 1;
    return -1;
}

int idtab_get(const struct idtab *t, const char *id)
{
    if (!t->cap)
        return -1;
    size_t at = idtab_slot(t, id);
    return t->slots[at] ? (int)(t->slots[at] - 1) : -1;
}
