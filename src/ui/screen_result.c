/* screen_result.c - the verdict and role (in colour, or reverse video), the findings and the
 * recommendations; `s` saves the report, `v` shows all of it. */
#include "screen.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "xalloc.h"
#include "words.h"

enum { RESULT_SAVE, RESULT_VIEW, RESULT_BACK, RESULT_QUIT };

static const struct binding result_keys[] = {
    {false, 's', RESULT_SAVE},          {false, 'v', RESULT_VIEW}, {true, KEY_LEFT, RESULT_BACK},
    {true, KEY_BACKSPACE, RESULT_BACK}, {false, 127, RESULT_BACK}, {false, '\b', RESULT_BACK},
    {false, 'q', RESULT_QUIT},
};

/* Draws `mark` and text wrapped under it (a hanging indent) from line y, if it fits above
 * `last`; returns the next line, or -1 once something did not fit. */
static int result_item(int y, int last, const char *mark, const char *text)
{
    int indent = (int)strlen(mark) + 1, width = COLS - 8 - indent;
    if (y < 0)
        return -1;
    int need = draw_wrapped_lines(text, width);
    if (y + need > last)
        return -1;
    draw_text(y, 4, indent, TA_NORMAL, mark);
    draw_wrapped(y, 4 + indent, width, need, TA_NORMAL, text);
    return y + need;
}

void screen_result_draw(const struct ui *u)
{
    const struct session *s = u->s;
    const struct outcome *o = &s->outcome;
    char *line = words_fill(s, W_VERDICT_LINE, words_verdict(s, o->eligibility),
                            words_role(s, o->has_role, o->role), (char *)NULL);
    char *verdict = xasprintf("  %s  ", line);
    free(line);
    draw_title(u);
    draw_text(2, 2, COLS - 4, TA_VERDICT + o->eligibility, verdict);
    free(verdict);

    if (s->saved_path && s->delivery != SESSION_UNSENT)
        draw_text(3, 2, COLS - 4, TA_DIM,
                  words_get(s, s->delivery == SESSION_SENT ? W_FHIR_SENT : W_FHIR_WAITING));

    int last = LINES - 3, y = 4;
    if (o->n_findings == 0)
        y = result_item(y, last, "-", words_get(s, W_NO_FINDINGS));
    else
        draw_text(y++, 2, COLS - 4, TA_HEADING, words_get(s, W_FINDINGS));
    for (size_t i = 0; i < o->n_findings && y >= 0; i++) {
        const struct finding *f = &s->q->findings[o->findings[i].finding];
        char *mark = xasprintf("- [%s]", words_severity(s, f->severity));
        y = result_item(y, last, mark, model_text(&f->text, s->lang));
        free(mark);
    }
    if (y >= 0 && o->n_recommendations && y + 1 < last)
        draw_text(++y, 2, COLS - 4, TA_HEADING, words_get(s, W_RECOMMENDATIONS)), y++;
    for (size_t i = 0; i < o->n_recommendations && y >= 0; i++)
        y = result_item(y, last, "-",
                        model_text(&s->q->recommendations[o->recommendations[i]].text, s->lang));
    if (y < 0)
        draw_text(last, 4, COLS - 8, TA_DIM, words_get(s, W_MORE));
    draw_footer(u, words_get(s, s->saved_path ? W_KEYS_RESULT_SAVED : W_KEYS_RESULT));
}

enum action screen_result_key(struct ui *u, struct key k)
{
    switch (screen_lookup(result_keys, sizeof result_keys / sizeof result_keys[0], k)) {
    case RESULT_SAVE:
        if (u->s->saved_path) {
            screen_say(u, false, W_ALREADY_SAVED, u->s->saved_path);
            return ACT_NONE;
        }
        return ACT_SAVE;
    case RESULT_VIEW:
        return ACT_VIEW;
    case RESULT_BACK:
        return u->s->saved_path ? ACT_NONE : ACT_BACK;
    case RESULT_QUIT:
        return ACT_ASK_QUIT;
    default:
        return ACT_NONE;
    }
}
