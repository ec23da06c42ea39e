/* strbuf.c - a growing byte buffer on checked allocation: a report or a table is assembled
 * here before any byte of it reaches stdout or a file. */
#include "strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "xalloc.h"

/* Makes room for `extra` more bytes and the NUL. */
static void strbuf_grow(struct strbuf *b, size_t extra)
{
    if (extra > (size_t)-1 / 2 - b->len)
        xdie("strbuf: size overflow");
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need)
        cap *= 2;
    b->data = xreallocarray(b->data, cap, 1);
    b->cap = cap;
}

void strbuf_add(struct strbuf *b, const char *s, size_t n)
{
    strbuf_grow(b, n);
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void strbuf_puts(struct strbuf *b, const char *s)
{
    strbuf_add(b, s, strlen(s));
}

void strbuf_repeat(struct strbuf *b, char c, size_t n)
{
    strbuf_grow(b, n);
    memset(b->data + b->len, c, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void strbuf_printf(struct strbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        xdie("strbuf: bad format");
    strbuf_grow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *strbuf_release(struct strbuf *b, size_t *len)
{
    char *s = b->data ? b->data : xstrdup("");
    if (len)
        *len = b->len;
    b->data = NULL;
    b->len = b->cap = 0;
    return s;
}
