/* screen_small.c - shown instead of any screen while the terminal is too small to lay the
 * screens out; the screening resumes where it was once the terminal is enlarged. */
#include "screen.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "draw.h"
#include "words.h"

void screen_small_draw(const struct ui *u)
{
    char num[4][16];
    snprintf(num[0], sizeof num[0], "%d", SCREEN_MIN_COLS);
    snprintf(num[1], sizeof num[1], "%d", SCREEN_MIN_LINES);
    snprintf(num[2], sizeof num[2], "%d", COLS);
    snprintf(num[3], sizeof num[3], "%d", LINES);
    char *msg = words_fill(u->s, W_ENLARGE, num[0], num[1], num[2], num[3], (char *)NULL);
    draw_wrapped(LINES / 2 > 0 ? LINES / 2 - 1 : 0, 0, COLS, LINES, TA_ERROR, msg);
    free(msg);
}
