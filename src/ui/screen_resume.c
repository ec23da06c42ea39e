/* screen_resume.c - an unfinished screening was found on disk: offers to resume it (showing
 * whose it is, when it started and how far it went) or to discard it. */
#include "screen.h"

#include <curses.h>
#include <stdio.h>
#include <time.h>

#include "draw.h"

enum { RESUME_RESUME, RESUME_DISCARD, RESUME_QUIT };

static const struct binding resume_keys[] = {
    {false, 'r', RESUME_RESUME},  {false, '\r', RESUME_RESUME}, {true, KEY_ENTER, RESUME_RESUME},
    {false, 'd', RESUME_DISCARD}, {false, 'q', RESUME_QUIT},
};

static void resume_draw_found(const struct ui *u, int y)
{
    const struct session *s = u->s;
    const struct journal_header *h = &s->found_header;
    char when[64] = "?", line[160];
    time_t t = (time_t)h->started;
    struct tm tm;
    size_t done, total;

    if (localtime_r(&t, &tm))
        strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
    session_progress(s, &done, &total);
    draw_text(y, 4, 16, TA_NORMAL, "Patient:");
    draw_text(y, 20, COLS - 24, TA_HEADING, h->patient ? h->patient : "(not stated)");
    draw_text(y + 1, 4, 16, TA_NORMAL, "Practitioner:");
    draw_text(y + 1, 20, COLS - 24, TA_NORMAL, h->practitioner ? h->practitioner : "(not stated)");
    draw_text(y + 2, 4, 16, TA_NORMAL, "Started:");
    draw_text(y + 2, 20, COLS - 24, TA_NORMAL, when);
    snprintf(line, sizeof line, "%zu of ~%zu questions answered", done, total);
    draw_text(y + 3, 4, 16, TA_NORMAL, "Progress:");
    draw_text(y + 3, 20, COLS - 24, TA_NORMAL, line);
    if (s->found_changed) {
        snprintf(line, sizeof line,
                 "The questionnaire has changed since this screening began: the answers still "
                 "valid are kept (%zu no longer valid), the rest will be asked.",
                 s->found_skipped);
        draw_wrapped(y + 5, 4, COLS - 8, 3, TA_ERROR, line);
    }
}

void screen_resume_draw(const struct ui *u)
{
    const struct session *s = u->s;
    draw_title(u);
    draw_text(2, 2, COLS - 4, TA_HEADING, "An unfinished screening was found");
    if (s->found == FOUND_UNREADABLE) {
        draw_wrapped(4, 4, COLS - 8, 6, TA_ERROR, s->found_error);
        draw_wrapped(11, 4, COLS - 8, 3, TA_NORMAL,
                     "It cannot be resumed. Discarding keeps the file aside (.bad) for "
                     "inspection.");
        draw_footer(u, "d discard and start a new screening   q quit");
        return;
    }
    resume_draw_found(u, 4);
    draw_footer(u, "r resume   d discard it and start a new screening   q quit");
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
        return ACT_NONE;
    }
}
