/* intern.c - short strings shared through an open-addressing table on FNV-1a that grows at half
 * full; the table holds pointers into the arena and is freed on its own. */
#include "intern.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "xalloc.h"

struct intern {
    struct arena *arena;
    char **slots; /* NULL: empty */
    size_t cap;   /* a power of two */
    size_t n;     /* strings in the table, at most cap / 2 */
};

#define FIRST_CAP 1024

struct intern *intern_new(struct arena *a)
{
    struct intern *t = xcalloc(1, sizeof *t);
    t->arena = a;
    t->cap = FIRST_CAP;
    t->slots = xcalloc(t->cap, sizeof *t->slots);
    return t;
}

void intern_free(struct intern *t)
{
    if (!t)
        return;
    free(t->slots);
    free(t);
}

static uint64_t intern_hash(const char *s, size_t n)
{
    uint64_t h = UINT64_C(1469598103934665603);
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * UINT64_C(1099511628211);
    return h;
}

/* The slot of s[0..n): where it is, or the empty slot where it would go. */
static size_t intern_slot(const struct intern *t, const char *s, size_t n, uint64_t h)
{
    size_t i = (size_t)h & (t->cap - 1);
    while (t->slots[i] && (strncmp(t->slots[i], s, n) != 0 || t->slots[i][n] != '\0'))
        i = (i + 1) & (t->cap - 1);
    return i;
}

static void intern_grow(struct intern *t)
{
    struct intern bigger = {.cap = 2 * t->cap};
    bigger.slots = xcalloc(bigger.cap, sizeof *bigger.slots);
    for (size_t i = 0; i < t->cap; i++) {
        const char *s = t->slots[i];
        if (s) {
            size_t n = strlen(s);
            bigger.slots[intern_slot(&bigger, s, n, intern_hash(s, n))] = t->slots[i];
        }
    }
    free(t->slots);
    t->slots = bigger.slots;
    t->cap = bigger.cap;
}

char *intern_strndup(struct intern *t, const char *s, size_t n)
{
    if (n > INTERN_MAX_LEN || memchr(s, '\0', n))
        return arena_strndup(t->arena, s, n); /* long, or cut short by a NUL: not shared */
    uint64_t h = intern_hash(s, n);
    size_t i = intern_slot(t, s, n, h);
    if (!t->slots[i]) {
        if (2 * (t->n + 1) > t->cap) {
            intern_grow(t);
            i = intern_slot(t, s, n, h);
        }
        t->slots[i] = arena_strndup(t->arena, s, n);
        t->n++;
    }
    return t->slots[i];
}
