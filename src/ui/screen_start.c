/* screen_start.c - the first screen of a new screening: who it is about and who takes part
 * (patient id, name, birth date, who answers, practitioner), prefilled from the options,
 * checked before the questions begin. */
#include "screen.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "draw.h"
#include "people.h"
#include "words.h"

enum {
    START_NEXT_FIELD,
    START_PREV_FIELD,
    START_ERASE,
    START_BEGIN,
    START_QUIT,
    START_CHOICE_NEXT,
    START_CHOICE_PREV
};

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
    {true, KEY_RIGHT, START_CHOICE_NEXT},
    {true, KEY_LEFT, START_CHOICE_PREV},
};

/* Each field: its label, and whether it is typed text (else the who-answers choice). */
static const struct start_field {
    enum word label;
    bool text;
} start_fields[START_FIELDS] = {
    [START_PATIENT] = {W_PATIENT_ID, true},        [START_PATIENT_NAME] = {W_PATIENT_NAME, true},
    [START_BIRTH_DATE] = {W_BIRTH_DATE, true},     [START_ANSWERED_BY] = {W_ANSWERED_BY, false},
    [START_PRACTITIONER] = {W_PRACTITIONER, true},
};

/* Who answers, in words: not stated, then people_answered_by_names' order. */
static const enum word answered_by_words[4] = {W_NOT_STATED, W_ANSWERED_BY_PATIENT,
                                               W_ANSWERED_BY_GUARDIAN, W_ANSWERED_BY_INTERPRETER};

#define START_LABEL_W 18

void screen_start_draw(const struct ui *u)
{
    draw_title(u);
    draw_text(2, 2, COLS - 4, TA_HEADING, words_get(u->s, W_NEW_SCREENING));
    for (int i = 0; i < START_FIELDS; i++) {
        int y = 4 + 2 * i;
        draw_text(y, 2, START_LABEL_W, TA_NORMAL, words_get(u->s, start_fields[i].label));
        enum term_attr a = i == u->field_at ? TA_SELECTED : TA_NORMAL;
        int x = 2 + START_LABEL_W, w = COLS - x - 2;
        attron(term_attr(a));
        mvhline(y, x, ' ', w);
        attroff(term_attr(a));
        if (start_fields[i].text) {
            draw_text(y, x, w, a, u->field[i]);
            if (i == START_BIRTH_DATE && !u->field[i][0])
                draw_text(y, x, w, i == u->field_at ? a : TA_DIM,
                          words_get(u->s, W_BIRTH_DATE_FORMAT));
        } else {
            int used = draw_text(y, x, w, a, words_get(u->s, answered_by_words[u->answered_by]));
            if (i == u->field_at)
                draw_text(y, x + used + 2, w - used - 2, a, words_get(u->s, W_CHOICE_KEYS));
        }
    }
    draw_wrapped(5 + 2 * START_FIELDS, 2, COLS - 4, 3, TA_DIM, words_get(u->s, W_START_HINT));
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

void screen_start_enter(struct ui *u, const struct session_people *p)
{
    u->screen = SCREEN_START;
    start_fill(u->field[START_PATIENT], p->patient);
    start_fill(u->field[START_PATIENT_NAME], p->patient_name);
    start_fill(u->field[START_BIRTH_DATE], p->birth_date);
    start_fill(u->field[START_PRACTITIONER], p->practitioner);
    u->answered_by = people_answered_by_parse(p->answered_by) + 1;
    u->field_at = 0;
    while (u->field_at < START_FIELDS - 1 && start_fields[u->field_at].text &&
           u->field[u->field_at][0])
        u->field_at++; /* to the first field still empty */
}

void screen_start_people(const struct ui *u, struct session_people *p)
{
    p->patient = u->field[START_PATIENT];
    p->patient_name = u->field[START_PATIENT_NAME];
    p->birth_date = u->field[START_BIRTH_DATE];
    p->practitioner = u->field[START_PRACTITIONER];
    p->answered_by = u->answered_by ? people_answered_by_names[u->answered_by - 1] : NULL;
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

/* Checks every field before the questions begin: the first problem is shown, its field
 * selected. Returns whether all are fine. */
static bool start_check(struct ui *u)
{
    for (int i = 0; i < START_FIELDS; i++) {
        const char *why = NULL;
        if (!start_fields[i].text || !u->field[i][0])
            continue;
        enum word bad = W_BAD_TEXT;
        if (i == START_BIRTH_DATE) {
            people_birth_date_check(u->field[i], time(NULL), &why);
            bad = W_BAD_BIRTH_DATE;
        } else {
            why = people_text_problem(u->field[i]);
        }
        if (why) {
            char *msg = words_fill(u->s, W_FIELD_PROBLEM, words_get(u->s, start_fields[i].label),
                                   words_get(u->s, bad), (char *)NULL);
            screen_message(u, true, "%s", msg);
            free(msg);
            u->field_at = i;
            return false;
        }
    }
    return true;
}

enum action screen_start_key(struct ui *u, struct key k)
{
    char *f = u->field[u->field_at];
    bool text = start_fields[u->field_at].text;
    switch (screen_lookup(start_keys, sizeof start_keys / sizeof start_keys[0], k)) {
    case START_NEXT_FIELD:
        u->field_at = (u->field_at + 1) % START_FIELDS;
        return ACT_NONE;
    case START_PREV_FIELD:
        u->field_at = (u->field_at + START_FIELDS - 1) % START_FIELDS;
        return ACT_NONE;
    case START_ERASE:
        if (text)
            start_erase(f);
        else
            u->answered_by = 0;
        return ACT_NONE;
    case START_BEGIN:
        return start_check(u) ? ACT_BEGIN : ACT_NONE;
    case START_QUIT:
        return ACT_ASK_QUIT;
    case START_CHOICE_NEXT:
        if (!text)
            u->answered_by = (u->answered_by + 1) % 4;
        return text ? screen_unknown_key(u, k) : ACT_NONE;
    case START_CHOICE_PREV:
        if (!text)
            u->answered_by = (u->answered_by + 3) % 4;
        return text ? screen_unknown_key(u, k) : ACT_NONE;
    default:
        break;
    }
    if (!text) {
        if (!k.fn && k.ch == ' ') {
            u->answered_by = (u->answered_by + 1) % 4;
            return ACT_NONE;
        }
        return screen_unknown_key(u, k);
    }
    char bytes[4];
    size_t len = k.fn ? 0 : draw_encode(k.ch, bytes);
    size_t n = strlen(f);
    if (len == 0)
        return screen_unknown_key(u, k);
    if (n + len < START_FIELD_MAX) {
        memcpy(f + n, bytes, len);
        f[n + len] = '\0';
    }
    return ACT_NONE;
}
