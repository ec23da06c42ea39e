/* screen_review.c - before the verdict: every answer the walk reached, any of them to
 * change (the walk keeps later answers that still apply), then on to the result. */
#include "screen.h"

#include <curses.h>
#include <stdlib.h>

#include "draw.h"
#include "utf8.h"
#include "xalloc.h"
#include "words.h"

enum {
    REVIEW_UP,
    REVIEW_DOWN,
    REVIEW_PAGE_UP,
    REVIEW_PAGE_DOWN,
    REVIEW_HOME,
    REVIEW_END,
    REVIEW_ENTER,
    REVIEW_BACK,
    REVIEW_QUIT
};

static const struct binding review_keys[] = {
    {true, KEY_UP, REVIEW_UP},          {true, KEY_DOWN, REVIEW_DOWN},
    {true, KEY_PPAGE, REVIEW_PAGE_UP},  {true, KEY_NPAGE, REVIEW_PAGE_DOWN},
    {true, KEY_HOME, REVIEW_HOME},      {true, KEY_END, REVIEW_END},
    {false, '\r', REVIEW_ENTER},        {false, '\n', REVIEW_ENTER},
    {true, KEY_ENTER, REVIEW_ENTER},    {true, KEY_LEFT, REVIEW_BACK},
    {true, KEY_BACKSPACE, REVIEW_BACK}, {false, 127, REVIEW_BACK},
    {false, '\b', REVIEW_BACK},         {false, 'q', REVIEW_QUIT},
};

/* The reached questions, in asking order: row r is question review_question(u, r). */
static int review_rows(const struct ui *u)
{
    int n = 0;
    for (size_t i = 0; i < u->s->q->n_questions; i++)
        n += walk_reached(u->s->w, i);
    return n;
}

static int review_question(const struct ui *u, int row)
{
    for (size_t i = 0; i < u->s->q->n_questions; i++)
        if (walk_reached(u->s->w, i) && row-- == 0)
            return (int)i;
    return -1;
}

void screen_review_enter(struct ui *u)
{
    u->screen = SCREEN_REVIEW;
    u->shown++;
    u->review_at = review_rows(u);
    for (int r = 0; u->edited >= 0 && r < u->review_at; r++)
        if (review_question(u, r) == u->edited)
            u->review_at = r;
    u->edited = -1;
}

/* The columns: the question from x = 3, its answer from 3 + half. */
static int review_half(void)
{
    return (COLS - 6) / 2;
}

/* Row `row` as its question and its answer in words (the caller frees both). */
static void review_row_text(const struct ui *u, int row, char **question, char **answer)
{
    const struct session *s = u->s;
    int qi = review_question(u, row);
    const struct question *qn = &s->q->questions[qi];
    *question = xstrdup(model_text(&qn->text, s->lang));
    *answer = words_reached_answer(s, (size_t)qi);
}

/* The lines row `row` takes: its question and its answer wrapped side by side. */
static int review_row_height(const struct ui *u, int row)
{
    char *q, *a;
    review_row_text(u, row, &q, &a);
    int hq = draw_wrapped_lines(q, review_half() - 1);
    int ha = draw_wrapped_lines(a, COLS - 6 - review_half());
    free(q);
    free(a);
    return hq > ha ? hq : ha;
}

/* Draws row `row` from line y, at most max_lines lines; returns the lines used. */
static int review_draw_row(const struct ui *u, int y, int row, int max_lines)
{
    char *q, *a;
    int h = review_row_height(u, row);
    if (h > max_lines)
        h = max_lines;
    enum term_attr attr = row == u->review_at ? TA_SELECTED : TA_NORMAL;
    review_row_text(u, row, &q, &a);
    attron(term_attr(attr));
    for (int i = 0; i < h; i++)
        mvhline(y + i, 2, ' ', COLS - 4);
    attroff(term_attr(attr));
    draw_wrapped(y, 3, review_half() - 1, h, attr, q);
    draw_wrapped(y, 3 + review_half(), COLS - 6 - review_half(), h, attr, a);
    free(q);
    free(a);
    return h;
}

/* The first row shown: the highlighted row fits, counting from the top or else from it
 * upwards; `lines` is the height of the list. */
static int review_top(const struct ui *u, int n, int lines)
{
    int at = u->review_at < n ? u->review_at : n - 1;
    int top = 0, used = 0;
    for (int r = 0; r <= at; r++)
        used += review_row_height(u, r);
    if (used <= lines)
        return 0;
    used = 0;
    for (top = at; top >= 0; top--) {
        used += review_row_height(u, top);
        if (used > lines)
            return top + 1 <= at ? top + 1 : at;
    }
    return 0;
}

void screen_review_draw(const struct ui *u)
{
    const struct session *s = u->s;
    int n = review_rows(u);
    /* The list: from line 4 to the line above "more below"; "see the result" under it. */
    int first = 4, lines = LINES - 8;
    int top = n > 0 ? review_top(u, n, lines) : 0;
    draw_title(u);
    draw_text(2, 2, COLS - 4, TA_HEADING, words_get(s, W_REVIEW_TITLE));
    if (top > 0) {
        const char *above = words_get(s, W_MORE_ABOVE);
        draw_text(3, COLS - 3 - (int)utf8_width(above), COLS / 2, TA_DIM, above);
    }
    bool more_below = false;
    for (int y = first, r = top; r < n; r++) {
        int room = first + lines - y;
        if (room <= 0 || review_row_height(u, r) > room) {
            more_below = true;
            if (room <= 0)
                break;
        }
        y += review_draw_row(u, y, r, room);
    }
    if (more_below) {
        const char *below = words_get(s, W_MORE_BELOW);
        draw_text(first + lines, COLS - 3 - (int)utf8_width(below), COLS / 2, TA_DIM, below);
    }
    draw_text(LINES - 3, 3, COLS - 6, u->review_at == n ? TA_SELECTED : TA_HEADING,
              words_get(s, W_SEE_RESULT));
    draw_footer(u, words_get(s, W_KEYS_REVIEW));
}

enum action screen_review_key(struct ui *u, struct key k)
{
    int n = review_rows(u);
    int page = LINES - 8 > 1 ? LINES - 8 : 1;
    switch (screen_lookup(review_keys, sizeof review_keys / sizeof review_keys[0], k)) {
    case REVIEW_UP:
        u->review_at = u->review_at > 0 ? u->review_at - 1 : n;
        return ACT_NONE;
    case REVIEW_DOWN:
        u->review_at = u->review_at < n ? u->review_at + 1 : 0;
        return ACT_NONE;
    case REVIEW_PAGE_UP:
        u->review_at = u->review_at > page ? u->review_at - page : 0;
        return ACT_NONE;
    case REVIEW_PAGE_DOWN:
        u->review_at = u->review_at + page < n ? u->review_at + page : n;
        return ACT_NONE;
    case REVIEW_HOME:
        u->review_at = 0;
        return ACT_NONE;
    case REVIEW_END:
        u->review_at = n;
        return ACT_NONE;
    case REVIEW_ENTER:
        if (u->review_at == n)
            return ACT_FINISH;
        u->qi = review_question(u, u->review_at);
        return ACT_EDIT;
    case REVIEW_BACK:
        return ACT_BACK;
    case REVIEW_QUIT:
        return ACT_ASK_QUIT;
    default:
        return screen_unknown_key(u, k);
    }
}
