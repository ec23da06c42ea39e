/* utf8.h - the few UTF-8 facts the engine, reports and screens need: decoding, display width,
 * and making text safe for a JSON library (valid UTF-8) or a terminal (no control characters). */
#ifndef MESOSCREEN_UTF8_H
#define MESOSCREEN_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

/* Decodes the code point at s[0..n) into *cp. Returns its length in bytes (1 to 4), or 0 for
 * an invalid, overlong, surrogate or truncated sequence (n == 0 included). */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Display columns of one code point: 0 for combining marks and zero-width characters, 2 for
 * East Asian wide and fullwidth characters, 1 otherwise. */
int utf8_cp_width(uint32_t cp);

/* Display columns of the NUL-terminated s; an invalid byte counts as one column. */
size_t utf8_width(const char *s);

/* A copy of s with every invalid byte replaced by U+FFFD, for APIs that require valid UTF-8.
 * The caller frees it. */
char *utf8_sanitize(const char *s);

/* Whether cp is a bidirectional formatting control (U+202A-U+202E, U+2066-U+2069): it makes a
 * terminal or a viewer show text in another order than it is stored ("Trojan source"). */
bool utf8_is_bidi_control(uint32_t cp);

/* The one rule for showing text on a terminal or in a message, whatever its source: a C0
 * control character or DEL is written as \xNN, a C1 control (U+0080..U+009F) or a
 * bidirectional control as \uNNNN, an invalid byte as \xNN (hex digits in capitals);
 * everything else as it is. The flags relax it for running text: */
enum utf8_escape_flags {
    UTF8_KEEP_NEWLINE = 1u << 0, /* a newline stays a newline */
    UTF8_TAB_AS_SPACE = 1u << 1, /* a tab becomes one space */
};

/* The most bytes utf8_escape_add writes for max_chars characters, with "..." and a NUL. */
#define UTF8_ESCAPED_SIZE(max_chars) (6 * (size_t)(max_chars) + 4)

/* Appends s[0..n) to b under the rule above: at most max_chars characters (an invalid byte
 * counts as one; SIZE_MAX for no limit), then "..." when more follow. */
void utf8_escape_add(struct strbuf *b, const char *s, size_t n, unsigned flags, size_t max_chars);

/* A copy of the NUL-terminated s under the rule above, a tab as a space and a newline kept when
 * keep_newline, whole: for reports and screens. The caller frees it. */
char *utf8_escape_controls(const char *s, bool keep_newline);

/* s[0..n) under the rule above (no flags) written into buf, for a message: as many characters
 * as buf holds for certain (a buffer of UTF8_ESCAPED_SIZE(k) bytes holds k), then "...".
 * size must be at least UTF8_ESCAPED_SIZE(1) (dies otherwise). Returns buf. */
const char *utf8_escape_buf(char *buf, size_t size, const char *s, size_t n);

#endif
