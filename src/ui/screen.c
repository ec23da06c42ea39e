/* screen.c - what every screen shares: looking a key up in a binding table, and the
 * feedback line. */
#include "screen.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"

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

/* Keys whose curses names (NPAGE, DC, ...) are not what their keycaps say. */
static const struct {
    wint_t ch;
    const char *name;
} key_names[] = {
    {KEY_NPAGE, "PgDn"}, {KEY_PPAGE, "PgUp"}, {KEY_HOME, "Home"},      {KEY_END, "End"},
    {KEY_DC, "Delete"},  {KEY_IC, "Insert"},  {KEY_BTAB, "Shift-Tab"},
};

enum action screen_unknown_key(struct ui *u, struct key k)
{
    char name[32];
    if (!k.fn && k.ch == '?') { /* help asked where no question has any: the keys */
        screen_say(u, false, W_KEYS_BELOW, NULL);
        return ACT_NONE;
    }
    if (k.fn) {
        const char *kn = keyname((int)k.ch);
        for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
            if (key_names[i].ch == k.ch)
                kn = key_names[i].name;
        snprintf(name, sizeof name, "%s", kn ? kn : "?");
        if (strncmp(name, "KEY_", 4) == 0)
            memmove(name, name + 4, strlen(name + 4) + 1);
    } else if (k.ch == ' ') {
        snprintf(name, sizeof name, "Space");
    } else {
        char bytes[4];
        size_t len = draw_encode(k.ch, bytes);
        if (len == 0)
            snprintf(name, sizeof name, "^%c", (char)((k.ch & 0x1f) + '@'));
        else
            snprintf(name, sizeof name, "'%.*s'", (int)len, bytes);
    }
    screen_say(u, true, W_KEY_NOTHING, name);
    return ACT_NONE;
}

void screen_message(struct ui *u, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(u->message, sizeof u->message, fmt, ap);
    va_end(ap);
    u->message_is_error = error;
}
