/* draw.c - text on the screen by display width (UTF-8, wide and combining characters), never
 * a raw control character: everything questionnaires or users wrote is escaped first. */
#include "draw.h"

#include <curses.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "wrap.h"
#include "xalloc.h"
#include "words.h"

/* Draws already escaped s, clipped to width columns. */
static int draw_escaped(int y, int x, int width, const char *s)
{
    int used = 0;
    size_t n = strlen(s);
    move(y, x);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len = utf8_decode(s + i, n - i, &cp);
        if (len == 0) { /* cannot happen after escaping; be safe anyway */
            len = 1;
            cp = '?';
        }
        int w = utf8_cp_width(cp);
        if (used + w > width)
            break;
        if (cp < 0x80 || term_utf8())
            addnstr(s + i, cp < 0x80 ? 1 : (int)len);
        else
            addch('?');
        used += w;
        i += len;
    }
    return used;
}

int draw_text(int y, int x, int width, enum term_attr a, const char *s)
{
    if (width <= 0)
        return 0;
    char *safe = utf8_escape_controls(s, false);
    attron(term_attr(a));
    int used = draw_escaped(y, x, width, safe);
    attroff(term_attr(a));
    free(safe);
    return used;
}

/* Draws lines [from, from + max_lines) of s wrapped in width columns. */
/* first: the first wrapped line drawn; -1: as many of the last lines as fit. */
static int draw_wrapped_from(int y, int x, int width, int max_lines, enum term_attr a,
                             const char *s, int first)
{
    if (width <= 0 || max_lines <= 0)
        return 0;
    struct wrap_lines l;
    wrap_text(s, (size_t)width, &l);
    size_t from = first >= 0                ? (size_t)first
                  : l.n > (size_t)max_lines ? l.n - (size_t)max_lines
                                            : 0;
    int n = 0;
    attron(term_attr(a));
    for (; n < max_lines && from + (size_t)n < l.n; n++)
        draw_escaped(y + n, x, width, l.line[from + (size_t)n]);
    attroff(term_attr(a));
    wrap_lines_free(&l);
    return n;
}

int draw_wrapped(int y, int x, int width, int max_lines, enum term_attr a, const char *s)
{
    return draw_wrapped_from(y, x, width, max_lines, a, s, 0);
}

int draw_wrapped_end(int y, int x, int width, int max_lines, enum term_attr a, const char *s)
{
    return draw_wrapped_from(y, x, width, max_lines, a, s, -1);
}

int draw_wrapped_at(int y, int x, int width, int max_lines, enum term_attr a, const char *s,
                    int first)
{
    return draw_wrapped_from(y, x, width, max_lines, a, s, first > 0 ? first : 0);
}

int draw_wrapped_lines(const char *s, int width)
{
    return (int)wrap_count(s, width > 0 ? (size_t)width : 1);
}

static void draw_bar_line(int y)
{
    attron(term_attr(TA_BAR));
    mvhline(y, 0, ' ', COLS);
    attroff(term_attr(TA_BAR));
}

void draw_title(const struct ui *u)
{
    const struct session *s = u->s;
    draw_bar_line(0);
    int used = draw_text(0, 1, COLS / 2, TA_BAR, model_text(&s->q->title, s->lang));
    /* The list of unfinished screenings belongs to no patient yet: no name over it. */
    if (!s->header.patient || u->screen == SCREEN_RESUME)
        return;
    char *raw = words_fill(s, W_TITLE_PATIENT, s->header.patient, (char *)NULL);
    char *who = utf8_escape_controls(raw, false); /* measured as it will be drawn */
    free(raw);
    int room = COLS - used - 4;
    int w = (int)utf8_width(who);
    if (w > room)
        w = room;
    draw_text(0, COLS - 1 - w, w, TA_BAR, who);
    free(who);
}

void draw_footer(const struct ui *u, const char *keys)
{
    if (u->message[0]) {
        /* A long message takes the line above too (drawn over whatever is there). */
        int lines = draw_wrapped_lines(u->message, COLS - 2) > 1 ? 2 : 1;
        mvhline(LINES - 1 - lines, 0, ' ', COLS);
        if (lines == 2)
            mvhline(LINES - 2, 0, ' ', COLS);
        draw_wrapped(LINES - 1 - lines, 1, COLS - 2, lines, u->message_is_error ? TA_ERROR : TA_OK,
                     u->message);
    }
    draw_bar_line(LINES - 1);
    draw_text(LINES - 1, 1, COLS - 2, TA_BAR, keys);
}

void draw_progress(int y, int x, int width, size_t n, size_t m)
{
    if (width < 3 || m == 0)
        return;
    int inner = width - 2;
    int filled = (int)((size_t)inner * (n > m ? m : n) / m);
    mvaddch(y, x, '[');
    for (int i = 0; i < inner; i++)
        addch(i < filled ? '#' : '.');
    addch(']');
}

size_t draw_encode(wint_t c, char out[4])
{
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || (c >= 0xd800 && c <= 0xdfff) ||
        c > 0x10ffff)
        return 0;
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xc0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3f));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xe0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
        out[2] = (char)(0x80 | (c & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
    out[3] = (char)(0x80 | (c & 0x3f));
    return 4;
}
