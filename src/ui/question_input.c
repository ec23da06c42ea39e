/* question_input.c - typed answers on the question screen: a whole number, checked as it is
 * typed and taken on Enter (never by itself: every question ends the same way), and free
 * text (the notes). */
#include "question_input.h"

#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "xalloc.h"
#include "words.h"

enum { INPUT_ENTER, INPUT_BACK, INPUT_ERASE, INPUT_HELP, INPUT_QUIT };

/* Typed answers (number, text): every printable key is input. */
static const struct binding input_keys[] = {
    {false, '\r', INPUT_ENTER},
    {false, '\n', INPUT_ENTER},
    {true, KEY_ENTER, INPUT_ENTER},
    {true, KEY_LEFT, INPUT_BACK},
    {true, KEY_BACKSPACE, INPUT_ERASE},
    {false, 127, INPUT_ERASE},
    {false, '\b', INPUT_ERASE},
    {true, KEY_F(1), INPUT_HELP},
    {false, 27, INPUT_QUIT},
};

static const struct question *current_question(const struct ui *u)
{
    return &u->s->q->questions[u->qi];
}

void question_input_number_draw(const struct ui *u, int y, int rows)
{
    const struct question *qn = current_question(u);
    (void)rows;
    char lo[24], hi[24];
    snprintf(lo, sizeof lo, "%lld", qn->min);
    snprintf(hi, sizeof hi, "%lld", qn->max);
    char *range = qn->unit.by_lang ? words_fill(u->s, W_NUMBER_RANGE_UNIT, lo, hi,
                                                model_text(&qn->unit, u->s->lang), (char *)NULL)
                                   : words_fill(u->s, W_NUMBER_RANGE, lo, hi, (char *)NULL);
    /* "Answer:" then the typed number (at least column 14, as the tests read it). */
    int label = draw_text(y, 4, 20, TA_NORMAL, words_get(u->s, W_ANSWER));
    int x = 4 + label + 1 > 14 ? 4 + label + 1 : 14;
    int used = draw_text(y, x, 20, TA_SELECTED, u->input[0] ? u->input : " ");
    draw_text(y, x + used + 2, COLS - x - used - 4, TA_DIM, range);
    free(range);
}

/* The text's bound in words ("at most 4000 characters"); the caller frees it. */
static char *text_at_most(const struct ui *u)
{
    char n[24];
    snprintf(n, sizeof n, "%lld", current_question(u)->max_length);
    return words_fill(u->s, W_TEXT_AT_MOST, n, (char *)NULL);
}

void question_input_text_draw(const struct ui *u, int y, int rows)
{
    char *shown = xasprintf("%s_", u->input);
    int used = draw_text(
        y, 4, COLS - 8, TA_DIM,
        words_get(u->s, current_question(u)->required ? W_ANSWER_TEXT : W_ANSWER_TEXT_OPTIONAL));
    if (current_question(u)->max_length > 0) {
        char *bound = text_at_most(u);
        draw_text(y, 5 + used, COLS - 9 - used, TA_DIM, bound);
        free(bound);
    }
    /* Long notes show their end, where the typing happens. */
    draw_wrapped_end(y + 1, 4, COLS - 8, rows - 1, TA_SELECTED, shown);
    free(shown);
}

/* Whether a whole number in [min, max] is written as the digits of v (|typed|, no leading
 * zero) followed by one or more digits. */
static bool number_extensible(long long v, bool negative, long long min, long long max)
{
    if (v == 0)
        return false;
    long long lo = v, hi = v;
    while (lo <= (LLONG_MAX - 9) / 10 && hi <= (LLONG_MAX - 9) / 10) {
        lo = lo * 10;
        hi = hi * 10 + 9;
        long long a = negative ? -hi : lo, b = negative ? -lo : hi;
        if (a <= max && b >= min)
            return true;
        if ((!negative && lo > max) || (negative && -lo < min))
            return false;
    }
    return false;
}

/* Parses the typed number: its magnitude and sign; false for an empty or lone "-". */
static bool number_value(const char *s, long long *v, bool *negative)
{
    *negative = s[0] == '-';
    const char *d = s + *negative;
    if (!*d)
        return false;
    *v = 0;
    for (; *d; d++)
        *v = *v * 10 + (*d - '0');
    return true;
}

static bool number_in_range(const struct question *qn, long long v, bool negative)
{
    long long x = negative ? -v : v;
    return x >= qn->min && x <= qn->max;
}

/* Parses what was typed into u->pending: ACT_ANSWER, or ACT_NONE with the reason shown. */
static enum action input_accept(struct ui *u)
{
    memset(&u->pending, 0, sizeof u->pending);
    char *msg = answer_parse(current_question(u), u->input, &u->pending);
    if (msg) {
        screen_message(u, true, "%s", msg);
        free(msg);
        answer_clear(&u->pending);
        return ACT_NONE;
    }
    return ACT_ANSWER;
}

/* The error w about the current question's range (its {1} the minimum, {2} the maximum). */
static void number_message(struct ui *u, enum word w)
{
    const struct question *qn = current_question(u);
    char lo[24], hi[24];
    snprintf(lo, sizeof lo, "%lld", qn->min);
    snprintf(hi, sizeof hi, "%lld", qn->max);
    char *msg = words_fill(u->s, w, lo, hi, (char *)NULL);
    screen_message(u, true, "%s", msg);
    free(msg);
}

/* A digit (or a leading '-') typed: refused at once when no number in range starts so. The
 * answer is taken on Enter only. */
static enum action number_type(struct ui *u, wint_t c)
{
    const struct question *qn = current_question(u);
    if (u->input_fresh)
        u->input[0] = '\0';
    u->input_fresh = false;
    size_t len = strlen(u->input);
    bool digit = c >= '0' && c <= '9';
    bool minus = c == '-' && len == 0 && qn->min < 0;
    if ((!digit && !minus) || len >= 18 ||
        (len > 0 && strcmp(u->input + (u->input[0] == '-'), "0") == 0)) {
        number_message(u, W_TYPE_NUMBER);
        return ACT_NONE;
    }
    u->input[len] = (char)c;
    u->input[len + 1] = '\0';
    long long v;
    bool negative;
    if (!number_value(u->input, &v, &negative))
        return ACT_NONE;
    bool in_range = number_in_range(qn, v, negative);
    bool more = number_extensible(v, negative, qn->min, qn->max);
    if (!in_range && !more) {
        u->input[len] = '\0';
        number_message(u, W_NUMBER_BETWEEN);
        return ACT_NONE;
    }
    u->message[0] = '\0';
    u->confirm_age = false;
    return ACT_NONE;
}

static void input_erase(struct ui *u)
{
    size_t n = strlen(u->input);
    while (n > 0 && ((unsigned char)u->input[n - 1] & 0xc0) == 0x80)
        n--;
    if (n > 0)
        n--;
    u->input[n] = '\0';
    u->input_fresh = false;
}

/* Commands number and text share; -1 when cmd is not one of them. */
static int input_common(struct ui *u, int cmd, enum action *act)
{
    *act = ACT_NONE;
    switch (cmd) {
    case INPUT_BACK:
        *act = ACT_BACK;
        return 0;
    case INPUT_ERASE:
        if (u->input[0])
            input_erase(u);
        else
            *act = ACT_BACK;
        return 0;
    case INPUT_HELP:
        u->show_help = !u->show_help;
        u->help_top = 0;
        return 0;
    case INPUT_QUIT:
        *act = ACT_ASK_QUIT;
        return 0;
    default:
        return -1;
    }
}

enum action question_input_number_key(struct ui *u, struct key k)
{
    int cmd = screen_lookup(input_keys, sizeof input_keys / sizeof input_keys[0], k);
    enum action act;
    if (input_common(u, cmd, &act) == 0)
        return act;
    if (cmd == INPUT_ENTER) {
        if (!u->input[0]) {
            number_message(u, W_TYPE_NUMBER);
            return ACT_NONE;
        }
        return input_accept(u);
    }
    if (!k.fn && k.ch == 'q')
        return ACT_ASK_QUIT;
    if (!k.fn && k.ch == '?') {
        u->show_help = !u->show_help;
        u->help_top = 0;
        return ACT_NONE;
    }
    return k.fn ? screen_unknown_key(u, k) : number_type(u, k.ch);
}

/* Whether the text typed has as many characters as the question allows. */
static bool text_full(const struct ui *u)
{
    long long max = current_question(u)->max_length, chars = 0;
    for (const unsigned char *p = (const unsigned char *)u->input; *p; p++)
        chars += (*p & 0xC0) != 0x80;
    return max > 0 && chars >= max;
}

enum action question_input_text_key(struct ui *u, struct key k)
{
    int cmd = screen_lookup(input_keys, sizeof input_keys / sizeof input_keys[0], k);
    enum action act;
    if (input_common(u, cmd, &act) == 0)
        return act;
    if (cmd == INPUT_ENTER) {
        if (!u->input[0] && !current_question(u)->required)
            return ACT_LEAVE_EMPTY;
        return input_accept(u);
    }
    char bytes[4];
    size_t len = k.fn ? 0 : draw_encode(k.ch, bytes);
    if (u->input_fresh)
        u->input[0] = '\0';
    u->input_fresh = false;
    size_t n = strlen(u->input);
    if (len > 0 && text_full(u)) {
        char *bound = text_at_most(u);
        screen_message(u, true, "%s", bound);
        free(bound);
    } else if (len > 0 && n + len < sizeof u->input) {
        memcpy(u->input + n, bytes, len);
        u->input[n + len] = '\0';
    }
    return ACT_NONE;
}
