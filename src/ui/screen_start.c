/* screen_start.c - the first screen of a new screening: the patient's id and the
 * practitioner, prefilled from --patient and --practitioner. */
#include "screen.h"

#include <curses.h>
#include <string.h>

#include "draw.h"
#include "words.h"

enum { START_NEXT_FIELD, START_PREV_FIELD, START_ERASE, START_BEGIN, START_QUIT };

static const struct binding start_keys[] = {
    {false, '\t', START_NEXT_FIELD},
    {true, KEY_DOWN, START_NEXT_FIELD},
    {true, KEY_UP, START_PREV_FIELD},
    {true, KEY_BTAB, START_PREV_FIELD},
    {true, KEY_BACKSPACE, START_ERASE},
    {false, 127, START_ERASE},
    {false, '\b', START_ERASE},
    {false, '\r', START_BEGIN},
    {false, '\n', START_BEGIN},
    {true, KEY_ENTER, START_BEGIN},
    {false, 27, START_QUIT},
};

static const enum word start_labels[2] = {W_PATIENT_ID, W_PRACTITIONER};

void screen_start_draw(const struct ui *u)
{
    draw_title(u);
    draw_text(2, 2, COLS - 4, TA_HEADING, words_get(u->s, W_NEW_SCREENING));
    for (int i = 0; i < 2; i++) {
        int y = 4 + 2 * i;
        draw_text(y, 2, 16, TA_NORMAL, words_get(u->s, start_labels[i]));
        enum term_attr a = i == u->field_at ? TA_SELECTED : TA_NORMAL;
        attron(term_attr(a));
        mvhline(y, 18, ' ', COLS - 20);
        attroff(term_attr(a));
        draw_text(y, 18, COLS - 20, a, u->field[i]);
    }
    draw_wrapped(9, 2, COLS - 4, 3, TA_DIM, words_get(u->s, W_START_HINT));
    draw_footer(u, words_get(u->s, W_KEYS_START));
}

/* Copies s into a field, cut at a character boundary when too long. */
static void start_fill(char *field, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    if (n >= START_FIELD_MAX) {
        n = START_FIELD_MAX - 1;
        while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
            n--;
    }
    if (n)
        memcpy(field, s, n);
    field[n] = '\0';
}

void screen_start_enter(struct ui *u, const char *patient, const char *practitioner)
{
    u->screen = SCREEN_START;
    u->field_at = patient && !practitioner ? 1 : 0;
    start_fill(u->field[0], patient);
    start_fill(u->field[1], practitioner);
}

/* Removes the last character (not byte) of s. */
static void start_erase(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && ((unsigned char)s[n - 1] & 0xc0) == 0x80)
        n--;
    if (n > 0)
        n--;
    s[n] = '\0';
}

enum action screen_start_key(struct ui *u, struct key k)
{
    char *f = u->field[u->field_at];
    switch (screen_lookup(start_keys, sizeof start_keys / sizeof start_keys[0], k)) {
    case START_NEXT_FIELD:
    case START_PREV_FIELD:
        u->field_at = 1 - u->field_at;
        return ACT_NONE;
    case START_ERASE:
        start_erase(f);
        return ACT_NONE;
    case START_BEGIN:
        return ACT_BEGIN;
    case START_QUIT:
        return ACT_ASK_QUIT;
    default:
        break;
    }
    char bytes[4];
    size_t len = k.fn ? 0 : draw_encode(k.ch, bytes);
    size_t n = strlen(f);
    if (len > 0 && n + len < START_FIELD_MAX) {
        memcpy(f + n, bytes, len);
        f[n + len] = '\0';
    }
    return ACT_NONE;
}
