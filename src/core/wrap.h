/* wrap.h - word wrapping of UTF-8 text into lines of at most N display columns, for the
 * 80-column text report and the screens. Breaks only between characters, never inside one. */
#ifndef MESOSCREEN_WRAP_H
#define MESOSCREEN_WRAP_H

#include <stddef.h>

struct wrap_lines {
    char **line;   /* each NUL-terminated, without newline; owned */
    size_t *width; /* display columns of each line */
    size_t n;
};

/* Wraps text into *out (which wrap_lines_free releases): words are separated by spaces, a
 * newline in text starts a new line (an empty line stays empty), a word wider than width is
 * broken between characters (a combining mark stays with its base). Control characters and
 * invalid bytes appear as \xNN, a tab as a space. width must be at least 1 (dies otherwise).
 * An empty text gives one empty line. */
void wrap_text(const char *text, size_t width, struct wrap_lines *out);

/* The number of lines wrap_text makes of text at width (at least 1), without making them when
 * text is one line of printable characters that fits: the common case of a short text. */
size_t wrap_count(const char *text, size_t width);

/* Frees the lines l holds (not l itself) and leaves it empty: { NULL, NULL, 0 }. */
void wrap_lines_free(struct wrap_lines *l);

#endif
