/* utf8.h - the few UTF-8 facts reports need: decoding, display width, and making text safe
 * for a JSON library (valid UTF-8) or a terminal (no control characters). */
#ifndef MESOSCREEN_UTF8_H
#define MESOSCREEN_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes the code point at s[0..n) into *cp. Returns its length in bytes (1 to 4), or 0 for
 * an invalid, overlong, surrogate or truncated sequence (n == 0 included). */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Display columns of one code point: 0 for combining marks and zero-width characters, 2 for
 * East Asian wide and fullwidth characters, 1 otherwise. */
int utf8_cp_width(uint32_t cp);

/* Display columns of the NUL-terminated s; an invalid byte counts as one column. */
size_t utf8_width(const char *s);

/* Whether cp is a bidirectional formatting control (U+202A-U+202E, U+2066-U+2069): it makes a
 * terminal or a viewer show text in another order than it is stored ("Trojan source"). */
bool utf8_is_bidi_control(uint32_t cp);

/* A copy of s with every invalid byte replaced by U+FFFD, for APIs that require valid UTF-8.
 * The caller frees it. */
char *utf8_sanitize(const char *s);

/* A copy of s safe to print: every control character (C0 but newline when keep_newline, DEL,
 * C1) and every invalid byte written as \xNN, a bidirectional control as \u202E (say), a tab
 * as one space. The caller frees it. */
char *utf8_escape_controls(const char *s, bool keep_newline);

#endif
