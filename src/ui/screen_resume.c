/* screen_resume.c - an unfinished screening was found on disk: offers to resume it (showing
 * whose it is, when it started and how far it went) or to discard it. */
#include "screen.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "draw.h"
#include "words.h"

enum { RESUME_RESUME, RESUME_DISCARD, RESUME_QUIT };

static const struct binding resume_keys[] = {
    {false, 'r', RESUME_RESUME},  {false, '\r', RESUME_RESUME}, {true, KEY_ENTER, RESUME_RESUME},
    {false, 'd', RESUME_DISCARD}, {false, 'q', RESUME_QUIT},
};

static void resume_draw_found(const struct ui *u, int y)
{
    const struct session *s = u->s;
    const struct journal_header *h = &s->found_header;
    char when[64] = "?", num[2][24];
    time_t t = (time_t)h->started;
    struct tm tm;
    size_t done, total;

    if (localtime_r(&t, &tm))
        strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
    session_progress(s, &done, &total);
    const char *none = words_get(s, W_NOT_STATED);
    draw_text(y, 4, 16, TA_NORMAL, words_get(s, W_PATIENT));
    draw_text(y, 20, COLS - 24, TA_HEADING, h->patient ? h->patient : none);
    draw_text(y + 1, 4, 16, TA_NORMAL, words_get(s, W_PRACTITIONER));
    draw_text(y + 1, 20, COLS - 24, TA_NORMAL, h->practitioner ? h->practitioner : none);
    draw_text(y + 2, 4, 16, TA_NORMAL, words_get(s, W_STARTED));
    draw_text(y + 2, 20, COLS - 24, TA_NORMAL, when);
    snprintf(num[0], sizeof num[0], "%zu", done);
    snprintf(num[1], sizeof num[1], "%zu", total);
    char *line = words_fill(s, W_ANSWERED_OF, num[0], num[1], (char *)NULL);
    draw_text(y + 3, 4, 16, TA_NORMAL, words_get(s, W_PROGRESS));
    draw_text(y + 3, 20, COLS - 24, TA_NORMAL, line);
    free(line);
    if (s->found_changed) {
        snprintf(num[0], sizeof num[0], "%zu", s->found_skipped);
        line = words_fill(s, W_CHANGED, num[0], (char *)NULL);
        draw_wrapped(y + 5, 4, COLS - 8, 3, TA_ERROR, line);
        free(line);
    }
}

void screen_resume_draw(const struct ui *u)
{
    const struct session *s = u->s;
    draw_title(u);
    draw_text(2, 2, COLS - 4, TA_HEADING, words_get(s, W_RESUME_TITLE));
    if (s->found == FOUND_UNREADABLE) {
        draw_wrapped(4, 4, COLS - 8, 6, TA_ERROR, s->found_error);
        draw_wrapped(11, 4, COLS - 8, 3, TA_NORMAL, words_get(s, W_UNREADABLE));
        draw_footer(u, words_get(s, W_KEYS_RESUME_BAD));
        return;
    }
    resume_draw_found(u, 4);
    draw_footer(u, words_get(s, W_KEYS_RESUME));
}

enum action screen_resume_key(struct ui *u, struct key k)
{
    switch (screen_lookup(resume_keys, sizeof resume_keys / sizeof resume_keys[0], k)) {
    case RESUME_RESUME:
        return u->s->found == FOUND_RESUMABLE ? ACT_RESUME : ACT_NONE;
    case RESUME_DISCARD:
        return ACT_DISCARD;
    case RESUME_QUIT:
        return ACT_ASK_QUIT;
    default:
        return screen_unknown_key(u, k);
    }
}
