/* yamltree_bytes.c - the bytes under a YAML document: UTF-8 checked with the exact place of
 * each bad byte, control characters from double-quoted escapes found where they are written. */
#include <stdio.h>
#include <string.h>

#include "yamltree_int.h"

/* A control character that must never reach a terminal: C0 except tab and newline, DEL, C1. */
static bool is_control(uint32_t cp)
{
    return (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7f && cp <= 0x9f);
}

/* What a refused character in a text is called in a message. */
static const char *refused_name(uint32_t cp)
{
    return utf8_is_bidi_control(cp) ? "bidirectional control character" : "control character";
}

/* Moves line/col over the character cp that ended at s[i] (exclusive), counting line breaks
 * the way libyaml does: CR LF, CR, LF, U+2028 and U+2029 each end a line. */
static void step(const char *s, size_t len, size_t i, uint32_t cp, uint32_t *line, uint32_t *col)
{
    if ((cp == '\r' && !(i < len && s[i] == '\n')) || cp == '\n' || cp == 0x2028 || cp == 0x2029) {
        (*line)++;
        *col = 1;
    } else if (cp != '\r') {
        (*col)++;
    }
}

#define MAX_ENCODING_ERRORS 10

/* Whether the 8 bytes at s are all printable ASCII (0x20..0x7e), a word at a time. */
static bool printable8(const unsigned char *s)
{
    uint64_t w;
    memcpy(&w, s, sizeof w);
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t below = (w - ones * 0x20) & ~w;         /* a high bit where a byte is < 0x20 */
    uint64_t above = (w + ones * (0x7f - 0x7e)) | w; /* a high bit where a byte is > 0x7e */
    return ((below | above) & highs) == 0;
}

bool yamltree_bytes_check(struct reader *rd)
{
    const unsigned char *s = (const unsigned char *)rd->src;
    size_t i = rd->len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
    uint32_t line = 1, col = 1;
    size_t errors = 0;
    while (i < rd->len) {
        while (i + 8 <= rd->len && printable8(s + i)) { /* the common case, 8 bytes a step */
            i += 8;
            col += 8;
        }
        while (i < rd->len && s[i] >= 0x20 && s[i] < 0x7f) {
            i++;
            col++;
        }
        if (i == rd->len)
            break;
        if (s[i] == '\n') { /* the next most common byte */
            i++;
            line++;
            col = 1;
            continue;
        }
        uint32_t cp = s[i];
        size_t n = utf8_decode(rd->src + i, rd->len - i, &cp);
        const char *problem = NULL;
        char what[96];
        if (n == 0) {
            snprintf(what, sizeof what, "invalid UTF-8 byte 0x%02x", s[i]);
            problem = what;
            n = 1;
        } else if (cp == 0) {
            problem = "NUL byte (is this a text file?)";
        } else if (is_control(cp) && cp != '\r') {
            snprintf(what, sizeof what,
                     "control character U+%04X (only tab and line breaks may appear)",
                     (unsigned)cp);
            problem = what;
        } else if (utf8_is_bidi_control(cp)) {
            snprintf(what, sizeof what,
                     "bidirectional control character U+%04X (it reorders what a reader sees)",
                     (unsigned)cp);
            problem = what;
        } else if (cp == 0xfffe || cp == 0xffff) {
            snprintf(what, sizeof what, "character U+%04X is not allowed", (unsigned)cp);
            problem = what;
        }
        if (problem) {
            if (++errors > MAX_ENCODING_ERRORS) {
                yamltree_error_at(rd, line, col,
                                  "too many invalid bytes; giving up (is this a text file?)");
                return false;
            }
            yamltree_error_at(rd, line, col, "%s", problem);
        }
        i += n;
        step(rd->src, rd->len, i, cp, &line, &col);
    }
    return errors == 0;
}

/* The byte offset of libyaml's character index `index` (marks count characters, not bytes).
 * Amortised linear: marks are asked for in document order. */
static size_t byte_offset(struct reader *rd, size_t index)
{
    if (rd->cursor_char > index) {
        rd->cursor_char = 0;
        rd->cursor_byte = rd->len >= 3 && memcmp(rd->src, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
    }
    while (rd->cursor_char < index && rd->cursor_byte < rd->len) {
        rd->cursor_byte++;
        while (rd->cursor_byte < rd->len &&
               ((unsigned char)rd->src[rd->cursor_byte] & 0xc0) == 0x80)
            rd->cursor_byte++;
        rd->cursor_char++;
    }
    return rd->cursor_byte;
}

static int hex_digit(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

void yamltree_escapes_check(struct reader *rd, const yaml_mark_t *mark, uint32_t first)
{
    static const struct {
        char c;
        uint32_t cp;
    } simple[] = {{'0', 0},  {'a', 7},  {'b', 8},    {'v', 11},
                  {'f', 12}, {'r', 13}, {'e', 0x1b}, {'N', 0x85}};
    size_t i = byte_offset(rd, mark->index), errors = rd->t->errors;
    uint32_t line = (uint32_t)mark->line + 1, col = (uint32_t)mark->column + 1;
    if (i >= rd->len || rd->src[i] != '"') { /* not where we expect it: report the scalar */
        yamltree_error_at(rd, line, col, "%s U+%04X in text", refused_name(first), (unsigned)first);
        return;
    }
    i++;
    col++;
    while (i < rd->len && rd->src[i] != '"') {
        uint32_t cp;
        if (rd->src[i] != '\\' || i + 1 >= rd->len) {
            size_t n = utf8_decode(rd->src + i, rd->len - i, &cp);
            i += n ? n : 1;
            step(rd->src, rd->len, i, cp, &line, &col);
            continue;
        }
        char e = rd->src[i + 1];
        size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
        cp = ' ';
        for (size_t k = 0; k < sizeof simple / sizeof simple[0]; k++)
            if (simple[k].c == e)
                cp = simple[k].cp;
        if (digits && i + 2 + digits <= rd->len) {
            cp = 0;
            for (size_t k = 0; k < digits; k++)
                cp = cp << 4 | (uint32_t)hex_digit(rd->src[i + 2 + k]);
        }
        if (is_control(cp) || utf8_is_bidi_control(cp))
            yamltree_error_at(rd, line, col, "%s U+%04X in text", refused_name(cp), (unsigned)cp);
        if (e == '\r' || e == '\n') { /* an escaped line break */
            i += 1;
            continue;
        }
        size_t n = 2 + digits;
        i += n;
        col += (uint32_t)n;
    }
    if (rd->t->errors == errors)
        yamltree_error_at(rd, (uint32_t)mark->line + 1, (uint32_t)mark->column + 1,
                          "%s U+%04X in text", refused_name(first), (unsigned)first);
}

bool yamltree_refused(uint32_t cp)
{
    return is_control(cp) || utf8_is_bidi_control(cp);
}

void yamltree_offset_place(const char *buf, size_t len, size_t off, uint32_t *line, uint32_t *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < off && i < len; i++) {
        if (buf[i] == '\n')
            (*line)++, *col = 1;
        else if (((unsigned char)buf[i] & 0xC0) != 0x80)
            (*col)++;
    }
}
