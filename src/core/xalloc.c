/* xalloc.c - checked allocation and the fatal exit path.
 * Programmer errors and out-of-memory end here; bad data never does. */
#include "xalloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void (*fatal_hook)(void);

void xalloc_set_fatal_hook(void (*hook)(void))
{
    fatal_hook = hook;
}

void xvmessage(const char *fmt, va_list ap)
{
    fputs("mesoscreen: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

_Noreturn void xdie(const char *fmt, ...)
{
    void (*hook)(void) = fatal_hook;
    fatal_hook = NULL; /* run once, even if the hook itself fails */
    if (hook)
        hook();
    va_list ap;
    va_start(ap, fmt);
    xvmessage(fmt, ap);
    va_end(ap);
    exit(70);
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        xdie("out of memory");
    return p;
}

void *xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        xdie("out of memory");
    return p;
}

void *xreallocarray(void *p, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        xdie("out of memory");
    size_t n = count * size;
    void *q = realloc(p, n ? n : 1);
    if (!q)
        xdie("out of memory");
    return q;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *xvasprintf(const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0)
        xdie("bad format string: %s", fmt);
    char *p = xmalloc((size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

char *xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = xvasprintf(fmt, ap);
    va_end(ap);
    return p;
}
