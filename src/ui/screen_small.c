/* screen_small.c - shown instead of any screen while the terminal is too small to lay the
 * screens out; the screening resumes where it was once the terminal is enlarged. */
#include "screen.h"

#include <curses.h>
#include <stdio.h>

#include "draw.h"

void screen_small_draw(const struct ui *u)
{
    (void)u;
    char msg[96];
    snprintf(msg, sizeof msg, "Enlarge the terminal to at least %dx%d (now %dx%d).",
             SCREEN_MIN_COLS, SCREEN_MIN_LINES, COLS, LINES);
    draw_wrapped(LINES / 2 > 0 ? LINES / 2 - 1 : 0, 0, COLS, LINES, TA_ERROR, msg);
}
