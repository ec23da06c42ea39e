/* intern.h - one copy of each short string in an arena: a questionnaire that offers "None" or
 * "Not sure" on every question keeps the bytes once. The loader puts the model's texts and the
 * values conditions name through it (not ids, which are unique). */
#ifndef MESOSCREEN_INTERN_H
#define MESOSCREEN_INTERN_H

#include <stddef.h>

struct arena;
struct intern;

/* Strings of at most this many bytes are shared; longer ones (a question's text, seldom
 * repeated) are copied without a look-up, so that they cost the table nothing. */
#define INTERN_MAX_LEN 32

/* A new empty table whose strings go to arena a. Out of memory dies (here and below). */
struct intern *intern_new(struct arena *a);

/* A NUL-terminated copy of s[0..n) in the arena: for a short string the same pointer every time
 * the same bytes come. Shared, so no caller may change it. */
char *intern_strndup(struct intern *t, const char *s, size_t n);

/* Frees the table; the strings stay in the arena. NULL is a no-op. */
void intern_free(struct intern *t);

#endif
