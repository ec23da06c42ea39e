/* draw.h - drawing helpers the screens share: text clipped or wrapped to display columns with
 * control characters escaped, the title bar, the progress bar, the message and key lines. */
#ifndef MESOSCREEN_DRAW_H
#define MESOSCREEN_DRAW_H

#include <stddef.h>

#include "screen.h"
#include "term.h"

/* Draws s at (y, x) in attribute a, at most `width` columns (control characters escaped,
 * invalid UTF-8 shown as \xNN). Returns the columns used. */
int draw_text(int y, int x, int width, enum term_attr a, const char *s);

/* Draws s word-wrapped in `width` columns from line y, at most max_lines lines. Returns the
 * lines used. */
int draw_wrapped(int y, int x, int width, int max_lines, enum term_attr a, const char *s);

/* The same, but when s takes more than max_lines lines, its last max_lines are drawn. */
int draw_wrapped_end(int y, int x, int width, int max_lines, enum term_attr a, const char *s);

/* draw_wrapped from the wrapped text's line `first` on (a text scrolled by its reader). */
int draw_wrapped_at(int y, int x, int width, int max_lines, enum term_attr a, const char *s,
                    int first);

/* Number of lines s takes wrapped in width columns. */
int draw_wrapped_lines(const char *s, int width);

/* The top line: the questionnaire's title and the patient. */
void draw_title(const struct ui *u);

/* The bottom lines: the feedback message (if any) and the keys of the screen. */
void draw_footer(const struct ui *u, const char *keys);

/* A bar of `width` columns, filled n/m. */
void draw_progress(int y, int x, int width, size_t n, size_t m);

/* The UTF-8 encoding of a typed character into out (at most 4 bytes); returns its length, 0
 * for a character that cannot be text (control characters, surrogates). */
size_t draw_encode(wint_t c, char out[4]);

#endif
