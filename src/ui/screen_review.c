/* screen_review.c - before the verdict: every answer the walk reached, any of them to
 * change (the walk keeps later answers that still apply), then on to the result. */
#include "screen.h"

#include <curses.h>
#include <stdlib.h>

#include "draw.h"
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
    u->review_at = review_rows(u);
}

static void review_draw_row(const struct ui *u, int y, int row)
{
    const struct session *s = u->s;
    int qi = review_question(u, row);
    const struct question *qn = &s->q->questions[qi];
    const struct answer *a = walk_get(s->w, (size_t)qi);
    char *value = a->given ? answer_format(qn, a) : xstrdup(words_get(s, W_NONE));
    enum term_attr attr = row == u->review_at ? TA_SELECTED : TA_NORMAL;
    int half = (COLS - 6) / 2;
    attron(term_attr(attr));
    mvhline(y, 2, ' ', COLS - 4);
    attroff(term_attr(attr));
    draw_text(y, 3, half - 1, attr, model_text(&qn->text, s->lang));
    draw_text(y, 3 + half, COLS - 6 - half, attr, value);
    free(value);
}

void screen_review_draw(const struct ui *u)
{
    int n = review_rows(u);
    int rows = LINES - 7; /* list height: title, heading, blank, "see the result", footer */
    int top = u->review_at >= rows ? u->review_at - rows + 1 : 0;
    if (top > 0 && u->review_at == n)
        top = n - rows > 0 ? n - rows : 0;
    draw_title(u);
    draw_text(2, 2, COLS - 4, TA_HEADING, words_get(u->s, W_REVIEW_TITLE));
    for (int r = 0; r < rows && top + r < n; r++)
        review_draw_row(u, 4 + r, top + r);
    draw_text(LINES - 3, 3, COLS - 6, u->review_at == n ? TA_SELECTED : TA_HEADING,
              words_get(u->s, W_SEE_RESULT));
    draw_footer(u, words_get(u->s, W_KEYS_REVIEW));
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
        return ACT_NONE;
    }
}
