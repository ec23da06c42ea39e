/* utf8.c - decoding UTF-8 by the book (RFC 3629) and measuring it in display columns.
 * Reports wrap at 80 columns and never pass a control character on to a terminal. */
#include "utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "xalloc.h"

size_t utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t len;
    uint32_t c, min;

    if (n == 0)
        return 0;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    if (u[0] >= 0xC2 && u[0] <= 0xDF) {
        len = 2, c = u[0] & 0x1F, min = 0x80;
    } else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
        len = 3, c = u[0] & 0x0F, min = 0x800;
    } else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
        len = 4, c = u[0] & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (u[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

/* Ranges of code points, sorted, for a binary search. */
struct cp_range {
    uint32_t first, last;
};

/* Combining marks and zero-width characters: they add no column to the base character. */
static const struct cp_range zero_width[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A}, {0x064B, 0x065F},
    {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},
    {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064}, {0x20D0, 0x20FF}, {0xFE00, 0xFE0F},
    {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF},
};

/* East Asian wide and fullwidth characters, and emoji: two columns. */
static const struct cp_range double_width[] = {
    {0x1100, 0x115F},   {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},
    {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},
    {0xFE30, 0xFE4F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F},
    {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

static bool in_ranges(const struct cp_range *r, size_t n, uint32_t cp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < r[mid].first)
            hi = mid;
        else if (cp > r[mid].last)
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

int utf8_cp_width(uint32_t cp)
{
    if (cp < zero_width[0].first) /* Latin text, the common case: no search */
        return 1;
    if (in_ranges(zero_width, sizeof zero_width / sizeof zero_width[0], cp))
        return 0;
    if (in_ranges(double_width, sizeof double_width / sizeof double_width[0], cp))
        return 2;
    return 1;
}

size_t utf8_width(const char *s)
{
    size_t n = strlen(s), w = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len = utf8_decode(s + i, n - i, &cp);
        if (len == 0) {
            w++, i++;
            continue;
        }
        w += (size_t)utf8_cp_width(cp);
        i += len;
    }
    return w;
}

char *utf8_sanitize(const char *s)
{
    struct strbuf b = STRBUF_INIT;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len = utf8_decode(s + i, n - i, &cp);
        if (len == 0) {
            strbuf_puts(&b, "\xEF\xBF\xBD");
            i++;
            continue;
        }
        strbuf_add(&b, s + i, len);
        i += len;
    }
    return strbuf_release(&b, NULL);
}

bool utf8_is_bidi_control(uint32_t cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* What the escape rule writes as an escape: controls, and the bidirectional controls. */
static bool is_control(uint32_t cp)
{
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || utf8_is_bidi_control(cp);
}

void utf8_escape_add(struct strbuf *b, const char *s, size_t n, unsigned flags, size_t max_chars)
{
    size_t run = 0; /* s[run..i) is text that stays as it is: copied in one piece */
    size_t chars = 0;
    for (size_t i = 0; i < n; chars++) {
        if (chars == max_chars) {
            strbuf_add(b, s + run, i - run);
            strbuf_puts(b, "...");
            return;
        }
        uint32_t cp = 0;
        size_t len = utf8_decode(s + i, n - i, &cp);
        bool kept_newline = cp == '\n' && (flags & UTF8_KEEP_NEWLINE);
        if (len > 0 && (!is_control(cp) || kept_newline)) {
            i += len;
            continue;
        }
        strbuf_add(b, s + run, i - run);
        if (len == 0)
            strbuf_printf(b, "\\x%02X", (unsigned)(unsigned char)s[i]);
        else if (cp == '\t' && (flags & UTF8_TAB_AS_SPACE))
            strbuf_puts(b, " ");
        else
            strbuf_printf(b, cp < 0x80 ? "\\x%02X" : "\\u%04X", (unsigned)cp);
        i += len ? len : 1;
        run = i;
    }
    strbuf_add(b, s + run, n - run);
}

char *utf8_escape_controls(const char *s, bool keep_newline)
{
    struct strbuf b = STRBUF_INIT;
    unsigned flags = UTF8_TAB_AS_SPACE | (keep_newline ? UTF8_KEEP_NEWLINE : 0);
    utf8_escape_add(&b, s, strlen(s), flags, SIZE_MAX);
    return strbuf_release(&b, NULL);
}

const char *utf8_escape_buf(char *buf, size_t size, const char *s, size_t n)
{
    if (size < UTF8_ESCAPED_SIZE(1))
        xdie("utf8_escape_buf: a buffer of %zu bytes", size);
    struct strbuf b = STRBUF_INIT;
    utf8_escape_add(&b, s, n, 0, (size - UTF8_ESCAPED_SIZE(0)) / 6);
    size_t len = 0;
    char *text = strbuf_release(&b, &len);
    memcpy(buf, text, len + 1);
    free(text);
    return buf;
}
