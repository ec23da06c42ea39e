/* screen_quit.c - asks before quitting; the answers given so far stay in the journal and
 * the next start offers to resume them. */
#include "screen.h"

#include <curses.h>

#include "draw.h"

enum { QUIT_YES, QUIT_NO };

static const struct binding quit_keys[] = {
    {false, 'y', QUIT_YES}, {false, 'Y', QUIT_YES}, {false, 'n', QUIT_NO},
    {false, 'N', QUIT_NO},  {false, 27, QUIT_NO},   {false, 'q', QUIT_NO},
};

void screen_quit_draw(const struct ui *u)
{
    const struct session *s = u->s;
    const char *what = s->saved_path ? "The report is saved."
                       : s->journal  ? "The answers given so far are kept: the next start offers"
                                       " to resume this screening."
                                     : "No answer has been given yet: nothing to keep.";
    draw_title(u);
    draw_text(3, 2, COLS - 4, TA_HEADING, "Quit mesoscreen?");
    draw_wrapped(5, 2, COLS - 4, 4, TA_NORMAL, what);
    draw_footer(u, "y quit   n or Esc go back");
}

enum action screen_quit_key(struct ui *u, struct key k)
{
    (void)u;
    switch (screen_lookup(quit_keys, sizeof quit_keys / sizeof quit_keys[0], k)) {
    case QUIT_YES:
        return ACT_QUIT;
    case QUIT_NO:
        return ACT_STAY;
    default:
        return ACT_NONE;
    }
}
