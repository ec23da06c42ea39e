/* xalloc.h - allocation that never returns NULL: out of memory is fatal (style.md, two error
 * channels). Before dying, xalloc runs the hook the UI registers to restore the terminal. */
#ifndef MESOSCREEN_XALLOC_H
#define MESOSCREEN_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

/* malloc, calloc, strdup and strndup that never return NULL: out of memory (or an
 * overflowing count * size) ends the program through xdie. The caller frees the result. */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
/* realloc to count * size bytes, dying on overflow or out of memory. */
void *xreallocarray(void *p, size_t count, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string the caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The same with a va_list, which it leaves to the caller to va_end. */
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Prints "mesoscreen: MESSAGE" and a newline to stderr: the program's one way of saying
 * something went wrong. Leaves ap to the caller to va_end. */
void xvmessage(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Prints "mesoscreen: MESSAGE" to stderr, runs the fatal hook and exits 70 (internal error). */
_Noreturn void xdie(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Registers a function run once before a fatal exit (the UI's endwin). NULL clears it. */
void xalloc_set_fatal_hook(void (*hook)(void));

#endif
