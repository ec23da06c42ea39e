/* screen_question.c - one question per screen: section, "Question n of ~m" and a bar, the
 * question, and its answers with one key each where the type allows (a table per type; the
 * option types are here, the typed answers in question_input.c). */
#include "screen.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "flow.h"
#include "question_input.h"
#include "utf8.h"
#include "xalloc.h"
#include "words.h"

/* Commands of the question screen. */
enum {
    Q_UP,
    Q_DOWN,
    Q_ENTER,
    Q_TOGGLE,
    Q_BACK,
    Q_HELP,
    Q_QUIT,
};

/* Option questions (yes/no, choice, multi): letters and digits are answers. */
static const struct binding option_keys[] = {
    {true, KEY_UP, Q_UP},     {true, KEY_DOWN, Q_DOWN},      {false, '\r', Q_ENTER},
    {false, '\n', Q_ENTER},   {true, KEY_ENTER, Q_ENTER},    {false, ' ', Q_TOGGLE},
    {true, KEY_LEFT, Q_BACK}, {true, KEY_BACKSPACE, Q_BACK}, {false, 127, Q_BACK},
    {false, '\b', Q_BACK},    {false, '?', Q_HELP},          {true, KEY_F(1), Q_HELP},
    {false, 'q', Q_QUIT},     {false, 27, Q_QUIT},
};

static const struct question *current_question(const struct ui *u)
{
    return &u->s->q->questions[u->qi];
}

static size_t offered_count(const struct ui *u)
{
    size_t n = 0;
    while (flow_offered_option(u->s->w, (size_t)u->qi, n) >= 0)
        n++;
    return n;
}

void screen_question_enter(struct ui *u, int qi, bool stepping)
{
    const struct question *qn = &u->s->q->questions[qi];
    const struct answer *a = walk_get(u->s->w, (size_t)qi);
    u->screen = SCREEN_QUESTION;
    u->qi = qi;
    u->stepping = stepping;
    u->show_help = false;
    u->cursor = 0;
    u->selected = 0;
    u->input[0] = '\0';
    u->input_fresh = false;
    if (!a->given)
        return;
    if (qn->type == QTYPE_YESNO || qn->type == QTYPE_CHOICE) {
        int pos = flow_offered_position(u->s->w, (size_t)qi, (size_t)a->choice);
        u->cursor = pos < 0 ? 0 : pos;
    } else if (qn->type == QTYPE_MULTI) {
        u->selected = a->selected;
    } else {
        char *v = answer_format(qn, a);
        snprintf(u->input, sizeof u->input, "%s", v);
        free(v);
        u->input_fresh = true;
    }
}

/* ---- drawing ---- */

static const enum word yesno_words[YESNO_COUNT] = {W_YES, W_NO, W_UNKNOWN};
static const char yesno_letters[YESNO_COUNT] = {'y', 'n', 'u'};

/* Option `pos` (among those offered) as its key and its text. */
static void option_label(const struct ui *u, int pos, char *key, size_t key_size, const char **text,
                         int *index)
{
    const struct question *qn = current_question(u);
    int i = flow_offered_option(u->s->w, (size_t)u->qi, (size_t)pos);
    key[0] = '\0';
    if (qn->type == QTYPE_YESNO)
        snprintf(key, key_size, "%c", yesno_letters[i]);
    else if (pos < 9)
        snprintf(key, key_size, "%d", pos + 1);
    *text = qn->type == QTYPE_YESNO ? words_get(u->s, yesno_words[i])
                                    : model_text(&qn->options[i].text, u->s->lang);
    *index = i;
}

/* Where an option's text starts: after "  1 [x] " (multi) or "  1 ". */
static int option_indent(const struct question *qn)
{
    return qn->type == QTYPE_MULTI ? 9 : 5;
}

/* The options from line y, each wrapped under its text, scrolled so that the cursor's shows. */
static void draw_options(const struct ui *u, int y, int rows)
{
    const struct question *qn = current_question(u);
    int indent = option_indent(qn);
    int n = (int)offered_count(u), width = COLS - 4 - indent - 2;
    int top = 0, used = 0;
    char key[16];
    const char *text;
    int i;

    /* The first option shown: the lowest that still lets the cursor's option fit. */
    for (int pos = u->cursor; pos >= 0; pos--) {
        option_label(u, pos, key, sizeof key, &text, &i);
        used += draw_wrapped_lines(text, width);
        if (used > rows)
            break;
        top = pos;
    }
    for (int pos = top, line = 0; pos < n && line < rows; pos++) {
        option_label(u, pos, key, sizeof key, &text, &i);
        enum term_attr a = pos == u->cursor ? TA_SELECTED : TA_NORMAL;
        char *mark = qn->type == QTYPE_MULTI
                         ? xasprintf("%3s [%c]", key, (u->selected >> i) & 1 ? 'x' : ' ')
                         : xasprintf("%3s", key);
        draw_text(y + line, 4, indent, a, mark);
        line += draw_wrapped(y + line, 4 + indent, width, rows - line, a, text);
        free(mark);
    }
}

/* What each type shows under the question and says on the key line. */
struct qtype_ui {
    void (*draw)(const struct ui *u, int y, int rows);
    enum action (*key)(struct ui *u, struct key k);
    enum word keys;
};

static const struct qtype_ui *qtype_ui_of(const struct question *qn);

void screen_question_draw(const struct ui *u)
{
    const struct session *s = u->s;
    const struct question *qn = current_question(u);
    size_t n, m;
    char num[2][24];

    walk_progress(s->w, (size_t)u->qi, &n, &m);
    snprintf(num[0], sizeof num[0], "%zu", n);
    snprintf(num[1], sizeof num[1], "%zu", m);
    char *pos = words_fill(s, W_QUESTION_OF, num[0], num[1], (char *)NULL);
    draw_title(u);
    int pos_w = (int)utf8_width(pos);
    draw_text(2, 2, COLS - pos_w - 6, TA_HEADING,
              model_text(&s->q->sections[qn->section].title, s->lang));
    draw_text(2, COLS - 2 - pos_w, pos_w, TA_NORMAL, pos);
    free(pos);
    int id_w = (int)strlen(qn->id) + 2;
    draw_progress(3, 2, COLS - 6 - id_w, n - 1, m);
    char *id = xasprintf("[%s]", qn->id);
    draw_text(3, COLS - 2 - id_w, id_w, TA_DIM, id);
    free(id);

    int y = 5;
    const char *text = model_text(&qn->text, s->lang);
    y += draw_wrapped(y, 2, COLS - QUESTION_TEXT_MARGIN, QUESTION_TEXT_ROWS, TA_HEADING, text);
    if (draw_wrapped_lines(text, COLS - QUESTION_TEXT_MARGIN) > QUESTION_TEXT_ROWS)
        draw_text(y, 2, COLS - 4, TA_DIM, words_get(s, W_TEXT_MORE)); /* never cut unseen */
    y++;
    int help_rows = 0;
    if (u->show_help)
        help_rows = draw_wrapped_lines(qn->help.by_lang ? model_text(&qn->help, s->lang)
                                                        : words_get(s, W_NO_HELP),
                                       COLS - 6) +
                    1;
    int help_room = LINES - 3 - y - QUESTION_OPTION_ROWS; /* its blank line included */
    if (help_rows > help_room)
        help_rows = help_room > 2 ? help_room : 2;
    int rows = LINES - 3 - y - help_rows;
    const struct qtype_ui *t = qtype_ui_of(qn);
    t->draw(u, y, rows);
    if (u->show_help) {
        const char *help =
            qn->help.by_lang ? model_text(&qn->help, s->lang) : words_get(s, W_NO_HELP);
        int at = LINES - 2 - help_rows, room = help_rows - 1;
        bool cut = draw_wrapped_lines(help, COLS - QUESTION_HELP_MARGIN) > room;
        draw_wrapped(at, 3, COLS - QUESTION_HELP_MARGIN, cut ? room - 1 : room, TA_DIM, help);
        if (cut)
            draw_text(at + room - 1, 3, COLS - QUESTION_HELP_MARGIN, TA_DIM,
                      words_get(s, W_TEXT_MORE));
    }
    draw_footer(u, words_get(s, t->keys));
}

/* ---- keys ---- */

static enum action answer_choice(struct ui *u, int option)
{
    memset(&u->pending, 0, sizeof u->pending);
    u->pending.given = true;
    u->pending.choice = option;
    return ACT_ANSWER;
}

/* A key that names an option directly (y/n/u, 1-9): its index, or -1. */
static int option_for_key(const struct ui *u, struct key k)
{
    const struct question *qn = current_question(u);
    if (k.fn)
        return -1;
    if (qn->type == QTYPE_YESNO)
        for (int i = 0; i < YESNO_COUNT; i++)
            if (k.ch == (wint_t)yesno_letters[i] || k.ch == (wint_t)(yesno_letters[i] - 'a' + 'A'))
                return i;
    if (k.ch >= '1' && k.ch <= '9')
        return flow_offered_option(u->s->w, (size_t)u->qi, k.ch - '1');
    return -1;
}

/* Commands all option types share; returns -1 when cmd is not one of them. */
static int option_common(struct ui *u, int cmd, enum action *act)
{
    int n = (int)offered_count(u);
    *act = ACT_NONE;
    switch (cmd) {
    case Q_UP:
        u->cursor = u->cursor > 0 ? u->cursor - 1 : n - 1;
        return 0;
    case Q_DOWN:
        u->cursor = u->cursor + 1 < n ? u->cursor + 1 : 0;
        return 0;
    case Q_BACK:
        *act = ACT_BACK;
        return 0;
    case Q_HELP:
        u->show_help = !u->show_help;
        return 0;
    case Q_QUIT:
        *act = ACT_ASK_QUIT;
        return 0;
    default:
        return -1;
    }
}

static enum action single_key(struct ui *u, struct key k)
{
    int option = option_for_key(u, k);
    if (option >= 0)
        return answer_choice(u, option);
    int cmd = screen_lookup(option_keys, sizeof option_keys / sizeof option_keys[0], k);
    enum action act;
    if (option_common(u, cmd, &act) == 0)
        return act;
    if (cmd == Q_ENTER || cmd == Q_TOGGLE) {
        int i = flow_offered_option(u->s->w, (size_t)u->qi, (size_t)u->cursor);
        return i >= 0 ? answer_choice(u, i) : ACT_NONE;
    }
    return ACT_NONE;
}

/* Ticks or unticks option i; an exclusive option (e.g. "none") stands alone, so ticking it
 * answers at once, and ticking another clears it. Returns ACT_ANSWER when answered. */
static enum action multi_toggle(struct ui *u, int i)
{
    const struct question *qn = current_question(u);
    uint64_t bit = UINT64_C(1) << i;
    if (qn->options[i].exclusive) {
        memset(&u->pending, 0, sizeof u->pending);
        u->pending.given = true;
        u->pending.selected = bit;
        u->selected = bit;
        return ACT_ANSWER;
    }
    u->selected ^= bit;
    for (size_t j = 0; j < qn->n_options; j++)
        if (qn->options[j].exclusive)
            u->selected &= ~(UINT64_C(1) << j);
    return ACT_NONE;
}

static enum action multi_key(struct ui *u, struct key k)
{
    int option = option_for_key(u, k);
    if (option >= 0) {
        u->cursor = flow_offered_position(u->s->w, (size_t)u->qi, (size_t)option);
        return multi_toggle(u, option);
    }
    int cmd = screen_lookup(option_keys, sizeof option_keys / sizeof option_keys[0], k);
    enum action act;
    if (option_common(u, cmd, &act) == 0)
        return act;
    if (cmd == Q_TOGGLE) {
        int i = flow_offered_option(u->s->w, (size_t)u->qi, (size_t)u->cursor);
        return i >= 0 ? multi_toggle(u, i) : ACT_NONE;
    }
    if (cmd == Q_ENTER) {
        if (!u->selected) {
            screen_say(u, true, W_TICK_ONE, NULL);
            return ACT_NONE;
        }
        memset(&u->pending, 0, sizeof u->pending);
        u->pending.given = true;
        u->pending.selected = u->selected;
        return ACT_ANSWER;
    }
    return ACT_NONE;
}

static const struct qtype_ui qtype_uis[QTYPE_COUNT] = {
    [QTYPE_YESNO] = {draw_options, single_key, W_KEYS_YESNO},
    [QTYPE_CHOICE] = {draw_options, single_key, W_KEYS_CHOICE},
    [QTYPE_MULTI] = {draw_options, multi_key, W_KEYS_MULTI},
    [QTYPE_NUMBER] = {question_input_number_draw, question_input_number_key, W_KEYS_NUMBER},
    [QTYPE_TEXT] = {question_input_text_draw, question_input_text_key, W_KEYS_TEXT},
};

static const struct qtype_ui *qtype_ui_of(const struct question *qn)
{
    return &qtype_uis[qn->type];
}

enum action screen_question_key(struct ui *u, struct key k)
{
    return qtype_ui_of(current_question(u))->key(u, k);
}
