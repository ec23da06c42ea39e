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
#include "option_keys.h"
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
    u->text_top = 0;
    u->help_top = 0;
    u->cursor = -1; /* nothing highlighted: Enter chooses nothing until a key picks */
    u->selected = 0;
    u->input[0] = '\0';
    u->input_fresh = false;
    u->confirm_age = false;
    u->shown++; /* a new screen: input typed before it is drawn is discarded */
    if (!a->given)
        return;
    if (qn->type == QTYPE_YESNO || qn->type == QTYPE_CHOICE) {
        /* The answer given earlier, shown highlighted: Enter keeps it. */
        u->cursor = flow_offered_position(u->s->w, (size_t)qi, (size_t)a->choice);
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

/* Option `pos` (among those offered) as its key and its text. */
static void option_label(const struct ui *u, int pos, char *key, size_t key_size, const char **text,
                         int *index)
{
    const struct question *qn = current_question(u);
    int i = flow_offered_option(u->s->w, (size_t)u->qi, (size_t)pos);
    wint_t k = option_keys_key(u->s, (size_t)u->qi, (size_t)pos);
    key[0] = '\0';
    if (k)
        snprintf(key, key_size, "%c", (char)k);
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
    for (int pos = u->cursor < 0 ? 0 : u->cursor; pos >= 0; pos--) {
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
    enum word keys; /* the key line */
    enum word help; /* the keys explained, under the help on `?` */
};

static const struct qtype_ui *qtype_ui_of(const struct question *qn);

/* The word w about this question's keys: for yes/no, {1} {2} {3} the language's letters;
 * otherwise {1} the answer keys as shown ("1-4", "1-3,v,4-7"). Caller frees. */
static char *question_keys_word(const struct ui *u, enum word w)
{
    if (current_question(u)->type == QTYPE_YESNO) {
        char letters[YESNO_COUNT][2] = {"", "", ""};
        for (int i = 0; i < YESNO_COUNT; i++)
            letters[i][0] = (char)option_keys_key(u->s, (size_t)u->qi, (size_t)i);
        return words_fill(u->s, w, letters[0], letters[1], letters[2], (char *)NULL);
    }
    char *keys = option_keys_summary(u->s, (size_t)u->qi);
    char *text = words_fill(u->s, w, keys, (char *)NULL);
    free(keys);
    return text;
}

/* The help box: the question's help, then the keys of this screen explained. Caller frees. */
static char *question_help(const struct ui *u, const struct qtype_ui *t)
{
    const struct session *s = u->s;
    const struct question *qn = current_question(u);
    char *help_keys = question_keys_word(u, t->help);
    char *text = xasprintf(
        "%s\n\n%s", qn->help.by_lang ? model_text(&qn->help, s->lang) : words_get(s, W_NO_HELP),
        help_keys);
    free(help_keys);
    return text;
}

/* Where the question's text, its answers and its help go on this screen, and how far the text
 * and the help are scrolled (PgUp/PgDn): the drawing and the scrolling see the same cut. */
struct question_layout {
    int text_lines;              /* the question's text wrapped */
    int text_top;                /* its first line shown */
    int options_y, options_rows; /* the answers' place */
    char *help;                  /* the help box when shown, else NULL; caller frees */
    int help_lines;              /* the help wrapped */
    int help_rows;               /* rows the help takes, its blank line above included */
    int help_shown;              /* lines of it shown; under them its mark, if cut */
    int help_top;                /* its first line shown */
};

/* top kept within a text of `lines` lines shown `shown` at a time. */
static int scroll_clamp(int top, int lines, int shown)
{
    int most = lines > shown ? lines - shown : 0;
    return top < 0 ? 0 : top > most ? most : top;
}

/* The mark under a cut text: more below, or the end reached. */
static enum word more_word(int top, int shown, int lines)
{
    return top + shown < lines ? W_TEXT_MORE : W_TEXT_END;
}

static void question_layout(const struct ui *u, struct question_layout *l)
{
    const struct question *qn = current_question(u);
    *l = (struct question_layout){0};
    l->text_lines =
        draw_wrapped_lines(model_text(&qn->text, u->s->lang), COLS - QUESTION_TEXT_MARGIN);
    int shown = l->text_lines < QUESTION_TEXT_ROWS ? l->text_lines : QUESTION_TEXT_ROWS;
    l->text_top = scroll_clamp(u->text_top, l->text_lines, QUESTION_TEXT_ROWS);
    l->options_y = QUESTION_TEXT_Y + shown + 1; /* a blank line, or the cut text's mark */
    l->help = u->show_help ? question_help(u, qtype_ui_of(qn)) : NULL;
    if (l->help) {
        l->help_lines = draw_wrapped_lines(l->help, COLS - QUESTION_HELP_MARGIN);
        l->help_rows = l->help_lines + 1;
        int room = LINES - 3 - l->options_y - QUESTION_OPTION_ROWS; /* its blank line included */
        if (l->help_rows > room)
            l->help_rows = room > 2 ? room : 2;
        l->help_shown = l->help_rows - 1;
        if (l->help_lines > l->help_shown && l->help_shown > 1)
            l->help_shown--; /* the last row for its mark */
        l->help_top = scroll_clamp(u->help_top, l->help_lines, l->help_shown);
    }
    l->options_rows = LINES - 3 - l->options_y - l->help_rows;
}

/* PgDn / PgUp: scrolls the help when it shows and is cut, else the question's text when it is
 * cut (a page less a line at a time, so the reader keeps their place). */
static enum action question_scroll(struct ui *u, struct key k)
{
    struct question_layout l;
    question_layout(u, &l);
    int dir = k.ch == KEY_NPAGE ? 1 : -1;
    enum action act = ACT_NONE;
    if (l.help && l.help_lines > l.help_shown) {
        int step = l.help_shown > 1 ? l.help_shown - 1 : 1;
        u->help_top = scroll_clamp(l.help_top + dir * step, l.help_lines, l.help_shown);
    } else if (l.text_lines > QUESTION_TEXT_ROWS) {
        u->text_top = scroll_clamp(l.text_top + dir * (QUESTION_TEXT_ROWS - 1), l.text_lines,
                                   QUESTION_TEXT_ROWS);
    } else {
        act = screen_unknown_key(u, k);
    }
    free(l.help);
    return act;
}

void screen_question_draw(const struct ui *u)
{
    const struct session *s = u->s;
    const struct question *qn = current_question(u);
    size_t n, m;
    char num[2][24];

    /* "Question n of ~m" with n the questions asked before this one plus one, and the bar
     * filled answered / (answered + still to ask), always the full width: neither moves
     * back when an answer removes later questions. */
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
    draw_progress(3, 2, COLS - 4, n - 1, m);

    struct question_layout l;
    question_layout(u, &l);
    const char *text = model_text(&qn->text, s->lang);
    draw_wrapped_at(QUESTION_TEXT_Y, 2, COLS - QUESTION_TEXT_MARGIN, QUESTION_TEXT_ROWS, TA_HEADING,
                    text, l.text_top);
    if (l.text_lines > QUESTION_TEXT_ROWS) /* never cut unseen */
        draw_text(l.options_y - 1, 2, COLS - 4, TA_DIM,
                  words_get(s, more_word(l.text_top, QUESTION_TEXT_ROWS, l.text_lines)));
    const struct qtype_ui *t = qtype_ui_of(qn);
    t->draw(u, l.options_y, l.options_rows);
    if (l.help) {
        int at = LINES - 2 - l.help_rows;
        draw_wrapped_at(at, 3, COLS - QUESTION_HELP_MARGIN, l.help_shown, TA_DIM, l.help,
                        l.help_top);
        if (l.help_lines > l.help_shown)
            draw_text(at + l.help_shown, 3, COLS - QUESTION_HELP_MARGIN, TA_DIM,
                      words_get(s, more_word(l.help_top, l.help_shown, l.help_lines)));
    }
    free(l.help);
    char *keys = question_keys_word(u, t->keys);
    draw_footer(u, keys);
    free(keys);
}

/* ---- keys ---- */

static enum action answer_choice(struct ui *u, int option)
{
    memset(&u->pending, 0, sizeof u->pending);
    u->pending.given = true;
    u->pending.choice = option;
    return ACT_ANSWER;
}

/* A key that names an option directly (the key shown beside it): its index, or -1. */
static int option_for_key(const struct ui *u, struct key k)
{
    return k.fn ? -1 : option_keys_option(u->s, (size_t)u->qi, k.ch);
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
        u->cursor = u->cursor + 1 < n && u->cursor >= 0 ? u->cursor + 1 : 0;
        return 0;
    case Q_BACK:
        *act = ACT_BACK;
        return 0;
    case Q_HELP:
        u->show_help = !u->show_help;
        u->help_top = 0;
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
        int i = u->cursor < 0 ? -1 : flow_offered_option(u->s->w, (size_t)u->qi, (size_t)u->cursor);
        if (i >= 0)
            return answer_choice(u, i);
        screen_say(u, true, W_CHOOSE_FIRST, NULL);
        return ACT_NONE;
    }
    return screen_unknown_key(u, k);
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
        int i = u->cursor < 0 ? -1 : flow_offered_option(u->s->w, (size_t)u->qi, (size_t)u->cursor);
        if (i >= 0)
            return multi_toggle(u, i);
        screen_say(u, true, W_CHOOSE_FIRST, NULL);
        return ACT_NONE;
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
    return screen_unknown_key(u, k);
}

static const struct qtype_ui qtype_uis[QTYPE_COUNT] = {
    [QTYPE_YESNO] = {draw_options, single_key, W_KEYS_YESNO, W_HELP_KEYS_YESNO},
    [QTYPE_CHOICE] = {draw_options, single_key, W_KEYS_CHOICE, W_HELP_KEYS_CHOICE},
    [QTYPE_MULTI] = {draw_options, multi_key, W_KEYS_MULTI, W_HELP_KEYS_MULTI},
    [QTYPE_NUMBER] = {question_input_number_draw, question_input_number_key, W_KEYS_NUMBER,
                      W_HELP_KEYS_NUMBER},
    [QTYPE_TEXT] = {question_input_text_draw, question_input_text_key, W_KEYS_TEXT,
                    W_HELP_KEYS_TEXT},
};

static const struct qtype_ui *qtype_ui_of(const struct question *qn)
{
    return &qtype_uis[qn->type];
}

enum action screen_question_key(struct ui *u, struct key k)
{
    if (k.fn && (k.ch == KEY_NPAGE || k.ch == KEY_PPAGE))
        return question_scroll(u, k);
    return qtype_ui_of(current_question(u))->key(u, k);
}
