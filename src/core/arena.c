/* arena.c - bump allocation in blocks that double from 16 KiB to 1 MiB, with marks to release
 * the newest allocations and a list of adopted malloc'ed blocks. */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct block {
    struct block *next;
    size_t used, cap;
    max_align_t data[];
};

/* A malloc'ed block the arena frees (arena_adopt); the links live in the arena itself. */
struct adopted {
    struct adopted *next;
    void *p;
};

struct arena {
    struct block *blocks; /* the current block first */
    struct block *spare;  /* blocks released by arena_rewind, for reuse */
    struct adopted *adopted;
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

/* A block of at least size bytes: a spare one when it fits, else a new one. */
static struct block *block_new(struct arena *a, size_t size)
{
    for (struct block **s = &a->spare; *s; s = &(*s)->next) {
        if ((*s)->cap >= size) {
            struct block *b = *s;
            *s = b->next;
            return b;
        }
    }
    size_t cap = size > a->next_cap ? size : a->next_cap;
    if (a->next_cap < MAX_BLOCK)
        a->next_cap *= 2;
    struct block *b = xmalloc(sizeof *b + cap);
    b->cap = cap;
    return b;
}

/* size bytes in a new current block. */
static __attribute__((noinline)) void *alloc_in_new_block(struct arena *a, size_t size)
{
    if (size > SIZE_MAX / 2)
        xdie("arena: size overflow");
    struct block *b = block_new(a, size);
    b->next = a->blocks;
    b->used = size;
    a->blocks = b;
    return b->data;
}

/* size bytes at a multiple of align (a power of two, at most that of max_align_t): in the
 * current block when they fit (the common case, kept small enough to inline). */
static inline void *arena_alloc_aligned(struct arena *a, size_t size, size_t align)
{
    struct block *b = a->blocks;
    if (b) {
        size_t at = (b->used + align - 1) & ~(align - 1);
        if (at <= b->cap && b->cap - at >= size) {
            b->used = at + size;
            return (char *)b->data + at;
        }
    }
    return alloc_in_new_block(a, size);
}

void *arena_alloc(struct arena *a, size_t size)
{
    return arena_alloc_aligned(a, size, sizeof(max_align_t));
}

void *arena_calloc(struct arena *a, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / 2 / size)
        xdie("arena: size overflow");
    void *p = arena_alloc(a, count * size);
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

void *arena_adopt(struct arena *a, void *p)
{
    if (!p)
        return NULL;
    struct adopted *n = arena_alloc(a, sizeof *n);
    *n = (struct adopted){a->adopted, p};
    a->adopted = n;
    return p;
}

struct arena_mark arena_mark(const struct arena *a)
{
    return (struct arena_mark){a->blocks, a->blocks ? a->blocks->used : 0};
}

void arena_rewind(struct arena *a, struct arena_mark m)
{
    while (a->blocks != m.block) {
        if (!a->blocks)
            xdie("arena: rewind to a mark of another arena");
        struct block *b = a->blocks;
        a->blocks = b->next;
        b->next = a->spare;
        a->spare = b;
    }
    if (a->blocks)
        a->blocks->used = m.used;
}

static void blocks_free(struct block *b)
{
    while (b) {
        struct block *next = b->next;
        free(b);
        b = next;
    }
}

void arena_free(struct arena *a)
{
    if (!a)
        return;
    for (struct adopted *n = a->adopted; n; n = n->next)
        free(n->p);
    blocks_free(a->blocks);
    blocks_free(a->spare);
    free(a);
}
