/* screen_view.c - the full text report, scrollable, exactly as it is saved. */
#include "screen.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "draw.h"
#include "words.h"

enum {
    VIEW_UP,
    VIEW_DOWN,
    VIEW_PAGE_UP,
    VIEW_PAGE_DOWN,
    VIEW_HOME,
    VIEW_END,
    VIEW_CLOSE,
    VIEW_QUIT
};

static const struct binding view_keys[] = {
    {true, KEY_UP, VIEW_UP},           {false, 'k', VIEW_UP},           {true, KEY_DOWN, VIEW_DOWN},
    {false, 'j', VIEW_DOWN},           {true, KEY_PPAGE, VIEW_PAGE_UP}, {false, 'b', VIEW_PAGE_UP},
    {true, KEY_NPAGE, VIEW_PAGE_DOWN}, {false, ' ', VIEW_PAGE_DOWN},    {true, KEY_HOME, VIEW_HOME},
    {false, 'g', VIEW_HOME},           {true, KEY_END, VIEW_END},       {false, 'G', VIEW_END},
    {false, 27, VIEW_CLOSE},           {true, KEY_LEFT, VIEW_CLOSE},    {false, 'v', VIEW_CLOSE},
    {true, KEY_BACKSPACE, VIEW_CLOSE}, {false, 'q', VIEW_QUIT},
};

static size_t view_rows(void)
{
    return LINES > 4 ? (size_t)LINES - 4 : 1; /* title, blank, message, keys */
}

static size_t view_max_top(const struct ui *u)
{
    return u->report.n > view_rows() ? u->report.n - view_rows() : 0;
}

void screen_view_draw(const struct ui *u)
{
    char num[3][24];
    draw_title(u);
    for (size_t r = 0; r < view_rows() && u->view_top + r < u->report.n; r++)
        draw_text(2 + (int)r, 0, COLS, TA_NORMAL, u->report.line[u->view_top + r]);
    snprintf(num[0], sizeof num[0], "%zu", u->view_top + 1);
    snprintf(num[1], sizeof num[1], "%zu",
             u->view_top + view_rows() < u->report.n ? u->view_top + view_rows() : u->report.n);
    snprintf(num[2], sizeof num[2], "%zu", u->report.n);
    char *where = words_fill(u->s, W_LINES_OF, num[0], num[1], num[2], (char *)NULL);
    draw_footer(u, words_get(u->s, W_KEYS_VIEW));
    draw_text(LINES - 1, COLS - 24, 23, TA_BAR, where);
    free(where);
}

enum action screen_view_key(struct ui *u, struct key k)
{
    size_t page = view_rows() > 1 ? view_rows() - 1 : 1, max = view_max_top(u);
    switch (screen_lookup(view_keys, sizeof view_keys / sizeof view_keys[0], k)) {
    case VIEW_UP:
        u->view_top -= u->view_top > 0;
        break;
    case VIEW_DOWN:
        u->view_top += u->view_top < max;
        break;
    case VIEW_PAGE_UP:
        u->view_top = u->view_top > page ? u->view_top - page : 0;
        break;
    case VIEW_PAGE_DOWN:
        u->view_top = u->view_top + page < max ? u->view_top + page : max;
        break;
    case VIEW_HOME:
        u->view_top = 0;
        break;
    case VIEW_END:
        u->view_top = max;
        break;
    case VIEW_CLOSE:
        return ACT_CLOSE;
    case VIEW_QUIT:
        return ACT_ASK_QUIT;
    default:
        break;
    }
    return ACT_NONE;
}
