/* arena.c - bump allocation in blocks that double from 16 KiB to 1 MiB. */
#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct block {
    struct block *next;
    size_t used, cap;
    max_align_t data[];
};

struct arena {
    struct block *blocks; /* the current block first */
    size_t next_cap;
};

#define FIRST_BLOCK (16u * 1024)
#define MAX_BLOCK   (1024u * 1024)

struct arena *arena_new(void)
{
    struct arena *a = xcalloc(1, sizeof *a);
    a->next_cap = FIRST_BLOCK;
    return a;
}

/* size bytes at a multiple of align (a power of two, at most that of max_align_t). */
static void *arena_alloc_aligned(struct arena *a, size_t size, size_t align)
{
    if (size > SIZE_MAX / 2)
        xdie("arena: size overflow");
    struct block *b = a->blocks;
    size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
    if (!b || at > b->cap || b->cap - at < size) {
        size_t cap = size > a->next_cap ? size : a->next_cap;
        if (a->next_cap < MAX_BLOCK)
            a->next_cap *= 2;
        b = xmalloc(sizeof *b + cap);
        b->next = a->blocks;
        b->used = 0;
        b->cap = cap;
        a->blocks = b;
        at = 0;
    }
    void *p = (char *)b->data + at;
    b->used = at + size;
    return p;
}

void *arena_alloc(struct arena *a, size_t size)
{
    return arena_alloc_aligned(a, size, sizeof(max_align_t));
}

/* The alignment an element of `size` bytes may need: the largest power of two dividing it
 * (a type's alignment divides its size), at most that of max_align_t. */
static size_t size_align(size_t size)
{
    size_t align = size & (~size + 1);
    return align == 0 || align > alignof(max_align_t) ? alignof(max_align_t) : align;
}

void *arena_calloc(struct arena *a, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / 2 / size)
        xdie("arena: size overflow");
    void *p = arena_alloc_aligned(a, count * size, size_align(size));
    memset(p, 0, count * size);
    return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
    char *p = arena_alloc_aligned(a, n + 1, 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void arena_free(struct arena *a)
{
    if (!a)
        return;
    while (a->blocks) {
        struct block *next = a->blocks->next;
        free(a->blocks);
        a->blocks = next;
    }
    free(a);
}
