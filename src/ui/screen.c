/* screen.c - what every screen shares: looking a key up in a binding table, and the
 * feedback line. */
#include "screen.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

int screen_lookup(const struct binding *table, size_t n, struct key k)
{
    for (size_t i = 0; i < n; i++)
        if (table[i].fn == k.fn && table[i].ch == k.ch)
            return table[i].cmd;
    return -1;
}

void screen_say(struct ui *u, bool error, enum word w, const char *arg)
{
    char *text = words_fill(u->s, w, arg, (char *)NULL);
    screen_message(u, error, "%s", text);
    free(text);
}

void screen_message(struct ui *u, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(u->message, sizeof u->message, fmt, ap);
    va_end(ap);
    u->message_is_error = error;
}
