/* strbuf.h - a growing NUL-terminated byte buffer: reports, decision tables and messages are
 * built in memory, then printed, written atomically or saved in one piece. */
#ifndef MESOSCREEN_STRBUF_H
#define MESOSCREEN_STRBUF_H

#include <stddef.h>

struct strbuf {
    char *data; /* NUL-terminated once anything was added; NULL while empty */
    size_t len, cap;
};

#define STRBUF_INIT                                                                                \
    {                                                                                              \
        NULL, 0, 0                                                                                 \
    }

/* Appends n bytes / a string / printf output. Out of memory dies (xalloc). */
void strbuf_add(struct strbuf *b, const char *s, size_t n);
void strbuf_puts(struct strbuf *b, const char *s);
void strbuf_printf(struct strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends byte c n times. */
void strbuf_repeat(struct strbuf *b, char c, size_t n);

/* Hands the contents (never NULL, "" when empty) to the caller, who frees them; the length
 * goes to *len unless len is NULL. The buffer is left empty. */
char *strbuf_release(struct strbuf *b, size_t *len);

#endif
