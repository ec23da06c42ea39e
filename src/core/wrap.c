/* wrap.c - greedy word wrapping measured in display columns (code points, combining marks
 * zero, East Asian wide two), so accented names and texts stay intact and aligned. */
#include "wrap.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

/* The line being filled. */
struct wrap_state {
    struct wrap_lines *out;
    size_t width;
    struct strbuf line;
    size_t line_width;
};

static void wrap_flush(struct wrap_state *st)
{
    struct wrap_lines *l = st->out;
    l->line = xreallocarray(l->line, l->n + 1, sizeof *l->line);
    l->width = xreallocarray(l->width, l->n + 1, sizeof *l->width);
    l->line[l->n] = strbuf_release(&st->line, NULL);
    l->width[l->n] = st->line_width;
    l->n++;
    st->line_width = 0;
}

/* Length in bytes of the character at s[0..n) together with the combining marks after it,
 * and its display width in *w. s holds valid UTF-8 (escaped before). */
static size_t wrap_cluster(const char *s, size_t n, size_t *w)
{
    if ((unsigned char)s[0] < 0x80 && (n == 1 || (unsigned char)s[1] < 0x80)) {
        *w = 1; /* ASCII followed by no combining mark: the common case */
        return 1;
    }
    uint32_t cp;
    size_t len = utf8_decode(s, n, &cp);
    if (len == 0) /* cannot happen after escaping; take one byte to make progress */
        len = 1, cp = '?';
    *w = (size_t)utf8_cp_width(cp);
    while (len < n) {
        size_t more = utf8_decode(s + len, n - len, &cp);
        if (more == 0 || utf8_cp_width(cp) != 0)
            break;
        len += more;
    }
    return len;
}

/* Adds word s[0..n) of display width ww, on this line after a space or on the next. */
static void wrap_word(struct wrap_state *st, const char *s, size_t n, size_t ww)
{
    if (st->line_width > 0 && st->line_width + 1 + ww <= st->width) {
        strbuf_puts(&st->line, " ");
        strbuf_add(&st->line, s, n);
        st->line_width += 1 + ww;
        return;
    }
    if (st->line_width > 0)
        wrap_flush(st);
    if (ww <= st->width) {
        strbuf_add(&st->line, s, n);
        st->line_width = ww;
        return;
    }
    /* Wider than a whole line: fill lines character by character. */
    for (size_t i = 0; i < n;) {
        size_t cw;
        size_t len = wrap_cluster(s + i, n - i, &cw);
        if (st->line_width > 0 && st->line_width + cw > st->width)
            wrap_flush(st);
        strbuf_add(&st->line, s + i, len);
        st->line_width += cw;
        i += len;
    }
}

/* Wraps one paragraph (no newline inside) into lines. */
static void wrap_paragraph(struct wrap_state *st, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        size_t start = i, ww = 0;
        while (i < n && s[i] != ' ') {
            size_t cw;
            i += wrap_cluster(s + i, n - i, &cw);
            ww += cw;
        }
        if (i > start)
            wrap_word(st, s + start, i - start, ww);
    }
    wrap_flush(st);
}

void wrap_text(const char *text, size_t width, struct wrap_lines *out)
{
    if (width == 0)
        xdie("wrap_text: width 0");
    memset(out, 0, sizeof *out);
    char *safe = utf8_escape_controls(text ? text : "", true);
    struct wrap_state st = {.out = out, .width = width, .line = STRBUF_INIT, .line_width = 0};

    const char *p = safe;
    for (;;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        wrap_paragraph(&st, p, n);
        if (!nl)
            break;
        p = nl + 1;
    }
    free(safe);
}

/* Whether text is one line of printable characters (nothing wrap_text shows escaped) no wider
 * than width: it then wraps to itself. */
static bool fits_one_line(const char *text, size_t width)
{
    size_t n = strlen(text), w = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp = (unsigned char)text[i];
        size_t len = cp < 0x80 ? 1 : utf8_decode(text + i, n - i, &cp);
        if (len == 0 || cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || utf8_is_bidi_control(cp))
            return false; /* a newline or a tab, invalid bytes, a control: wrap_text decides */
        w += (size_t)utf8_cp_width(cp);
        if (w > width)
            return false;
        i += len;
    }
    return true;
}

size_t wrap_count(const char *text, size_t width)
{
    if (width == 0)
        xdie("wrap_count: width 0");
    if (fits_one_line(text ? text : "", width))
        return 1;
    struct wrap_lines l;
    wrap_text(text, width, &l);
    size_t n = l.n;
    wrap_lines_free(&l);
    return n;
}

void wrap_lines_free(struct wrap_lines *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->line[i]);
    free(l->line);
    free(l->width);
    memset(l, 0, sizeof *l);
}
