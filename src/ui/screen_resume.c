/* screen_resume.c - the unfinished screenings found on disk, one per patient: each with whose
 * it is, when it started and how far it went, to resume one, discard one (after a question
 * that names the patient) or begin a new screening. */
#include "screen.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "utf8.h"
#include "xalloc.h"
#include "words.h"

enum { RESUME_UP, RESUME_DOWN, RESUME_ENTER, RESUME_DISCARD, RESUME_NEW, RESUME_QUIT };

static const struct binding resume_keys[] = {
    {true, KEY_UP, RESUME_UP},    {true, KEY_DOWN, RESUME_DOWN},  {false, 'r', RESUME_ENTER},
    {false, '\r', RESUME_ENTER},  {false, '\n', RESUME_ENTER},    {true, KEY_ENTER, RESUME_ENTER},
    {false, 'd', RESUME_DISCARD}, {true, KEY_DC, RESUME_DISCARD}, {false, 'n', RESUME_NEW},
    {false, 'q', RESUME_QUIT},    {false, 27, RESUME_QUIT},
};

enum { CONFIRM_YES, CONFIRM_NO };

static const struct binding confirm_keys[] = {
    {false, 'y', CONFIRM_YES}, {false, 'Y', CONFIRM_YES}, {false, 'n', CONFIRM_NO},
    {false, 'N', CONFIRM_NO},  {false, 27, CONFIRM_NO},
};

void screen_resume_enter(struct ui *u, int at)
{
    u->screen = SCREEN_RESUME;
    u->resume_at = at;
    u->confirm_discard = false;
}

/* One row: whose (left) and when it started and how far it went (right); or the file and
 * why it cannot be read (left alone). Both returned strings are the caller's to free. */
static void resume_row(const struct session *s, const struct session_unfinished *e, char **left,
                       char **right)
{
    if (!e->readable) {
        const char *slash = strrchr(e->path, '/');
        *left = words_fill(s, W_RESUME_ROW_BAD, slash ? slash + 1 : e->path, (char *)NULL);
        *right = xstrdup("");
        return;
    }
    char when[64], num[2][24];
    words_unfinished_started(e, "?", when, sizeof when);
    snprintf(num[0], sizeof num[0], "%zu", e->answered);
    snprintf(num[1], sizeof num[1], "%zu", e->total);
    char *progress = words_fill(s, W_ANSWERED_OF, num[0], num[1], (char *)NULL);
    *left = words_unfinished_whose(s, e);
    *right = xasprintf("%s  %s", when, progress);
    free(progress);
}

/* What is known of the highlighted entry: practitioner, a changed questionnaire, an error. */
static void resume_draw_detail(const struct ui *u, int y)
{
    const struct session *s = u->s;
    if (u->resume_at >= (int)s->n_unfinished)
        return;
    const struct session_unfinished *e = &s->unfinished[u->resume_at];
    if (!e->readable) {
        draw_wrapped(y, 4, COLS - 8, 4, TA_ERROR, e->error);
        draw_wrapped(y + 4, 4, COLS - 8, 2, TA_NORMAL, words_get(s, W_UNREADABLE));
        return;
    }
    const char *none = words_get(s, W_NOT_STATED);
    draw_text(y, 4, 16, TA_NORMAL, words_get(s, W_PRACTITIONER));
    draw_text(y, 20, COLS - 24, TA_NORMAL, e->header.practitioner ? e->header.practitioner : none);
    if (e->changed) {
        char num[24];
        snprintf(num, sizeof num, "%zu", e->skipped);
        char *line = words_fill(s, W_CHANGED, num, (char *)NULL);
        draw_wrapped(y + 1, 4, COLS - 8, 3, TA_ERROR, line);
        free(line);
    }
}

void screen_resume_draw(const struct ui *u)
{
    const struct session *s = u->s;
    int n = (int)s->n_unfinished;
    draw_title(u);
    draw_text(2, 2, COLS - 4, TA_HEADING, words_get(s, W_RESUME_TITLE));
    /* At most this many rows; the highlighted one always shows. */
    int rows = LINES - 14, top = u->resume_at >= rows ? u->resume_at - rows + 1 : 0;
    int y = 4;
    for (int i = top; i <= n && y < 4 + rows + 1; i++, y++) {
        enum term_attr a = i == u->resume_at ? TA_SELECTED : TA_NORMAL;
        char *left, *right;
        if (i < n) {
            resume_row(s, &s->unfinished[i], &left, &right);
        } else {
            left = xstrdup(words_get(s, W_NEW_ROW));
            right = xstrdup("");
        }
        attron(term_attr(a));
        mvhline(y, 2, ' ', COLS - 4);
        attroff(term_attr(a));
        int rw = (int)utf8_width(right);
        draw_text(y, 3, COLS - 8 - rw, i < n && !s->unfinished[i].readable ? TA_ERROR : a, left);
        draw_text(y, COLS - 3 - rw, rw, a, right);
        free(left);
        free(right);
    }
    resume_draw_detail(u, y + 1);
    if (u->confirm_discard) {
        const struct session_unfinished *e = &s->unfinished[u->resume_at];
        char *whose = words_unfinished_whose(s, e), num[24];
        snprintf(num, sizeof num, "%zu", e->answered);
        char *q = words_fill(s, e->readable ? W_DISCARD_CONFIRM : W_DISCARD_CONFIRM_BAD, whose, num,
                             (char *)NULL);
        draw_wrapped(LINES - 5, 2, COLS - 4, 2, TA_ERROR, q);
        free(q);
        free(whose);
        draw_footer(u, words_get(s, W_KEYS_DISCARD));
        return;
    }
    draw_footer(u, words_get(s, W_KEYS_RESUME));
}

enum action screen_resume_key(struct ui *u, struct key k)
{
    int n = (int)u->s->n_unfinished;
    if (u->confirm_discard) {
        switch (screen_lookup(confirm_keys, sizeof confirm_keys / sizeof confirm_keys[0], k)) {
        case CONFIRM_YES:
            u->confirm_discard = false;
            return ACT_DISCARD;
        case CONFIRM_NO:
            u->confirm_discard = false;
            return ACT_NONE;
        default:
            return screen_unknown_key(u, k);
        }
    }
    switch (screen_lookup(resume_keys, sizeof resume_keys / sizeof resume_keys[0], k)) {
    case RESUME_UP:
        u->resume_at = u->resume_at > 0 ? u->resume_at - 1 : n;
        return ACT_NONE;
    case RESUME_DOWN:
        u->resume_at = u->resume_at < n ? u->resume_at + 1 : 0;
        return ACT_NONE;
    case RESUME_ENTER:
        if (u->resume_at == n)
            return ACT_NEW;
        if (!u->s->unfinished[u->resume_at].readable) {
            screen_say(u, true, W_CANNOT_RESUME, NULL);
            return ACT_NONE;
        }
        return ACT_RESUME;
    case RESUME_DISCARD:
        if (u->resume_at == n)
            return screen_unknown_key(u, k);
        u->confirm_discard = true;
        u->message[0] = '\0';
        return ACT_NONE;
    case RESUME_NEW:
        return ACT_NEW;
    case RESUME_QUIT:
        return ACT_ASK_QUIT;
    default:
        return screen_unknown_key(u, k);
    }
}
