/* screen_quit.c - asks before quitting; the answers given so far stay in the journal and
 * the next start offers to resume them. */
#include "screen.h"

#include <curses.h>

#include "draw.h"
#include "words.h"

enum { QUIT_YES, QUIT_NO };

static const struct binding quit_keys[] = {
    {false, 'y', QUIT_YES}, {false, 'Y', QUIT_YES}, {false, 'n', QUIT_NO},
    {false, 'N', QUIT_NO},  {false, 27, QUIT_NO},   {false, 'q', QUIT_NO},
};

void screen_quit_draw(const struct ui *u)
{
    const struct session *s = u->s;
    const char *what = words_get(s, s->saved_path ? W_QUIT_SAVED
                                    : s->journal  ? W_QUIT_KEPT
                                                  : W_QUIT_NOTHING);
    draw_title(u);
    draw_text(3, 2, COLS - 4, TA_HEADING, words_get(s, W_QUIT_TITLE));
    draw_wrapped(5, 2, COLS - 4, 4, TA_NORMAL, what);
    draw_footer(u, words_get(s, W_KEYS_QUIT));
}

enum action screen_quit_key(struct ui *u, struct key k)
{
    switch (screen_lookup(quit_keys, sizeof quit_keys / sizeof quit_keys[0], k)) {
    case QUIT_YES:
        return ACT_QUIT;
    case QUIT_NO:
        return ACT_STAY;
    default:
        return screen_unknown_key(u, k);
    }
}
