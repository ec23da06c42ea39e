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

/* count * size zeroed bytes (dies on overflow), aligned for an array of count elements of
 * any type of that size. */
void *arena_calloc(struct arena *a, size_t count, size_t size);

/* A NUL-terminated copy of s[0..n). */
char *arena_strndup(struct arena *a, const char *s, size_t n);

/* Frees everything allocated from a, and a. NULL is a no-op. */
void arena_free(struct arena *a);

#endif
