/* arena.h - a bump allocator: many small allocations, one free. The YAML tree and a loaded
 * questionnaire's model live in arenas, so a file of a million nodes costs no million mallocs
 * (nor their headers), and freeing it is a walk over a few blocks. */
#ifndef MESOSCREEN_ARENA_H
#define MESOSCREEN_ARENA_H

#include <stddef.h>

struct arena;

/* A new empty arena. Out of memory dies (xalloc), here and below. */
struct arena *arena_new(void);

/* size bytes aligned for any type, uninitialized; they live until arena_free. */
void *arena_alloc(struct arena *a, size_t size);

/* count * size zeroed bytes (dies on overflow). */
void *arena_calloc(struct arena *a, size_t count, size_t size);

/* A NUL-terminated copy of s[0..n). */
char *arena_strndup(struct arena *a, const char *s, size_t n);

/* Takes p (malloc'ed, may be NULL) to be freed with the arena: a growing array that ends up
 * part of what the arena holds. Returns p. */
void *arena_adopt(struct arena *a, void *p);

/* A point to rewind to: what was allocated after it can be released as one, while what came
 * before stays. Rewinding keeps the blocks for the next allocations, so a reader that fills
 * and releases the same few kilobytes a million times mallocs nothing. */
struct arena_mark {
    void *block; /* private */
    size_t used;
};

struct arena_mark arena_mark(const struct arena *a);

/* Releases everything allocated from a since m was taken (marks taken after m become
 * invalid). Nothing may be adopted between m and the rewind. */
void arena_rewind(struct arena *a, struct arena_mark m);

/* Frees everything allocated from a (and adopted by it), and a. NULL is a no-op. */
void arena_free(struct arena *a);

#endif
