/* screen_fit.c - whether a questionnaire's texts fit the question screen at its smallest size
 * (80x24): `check` warns about those the screen would have to cut, in every language. */
#include "screen_fit.h"

#include <stdbool.h>

#include "screen.h"
#include "wrap.h"

/* Warns when t, in any language, takes more than rows lines at width columns. Returns the
 * largest number of lines it takes in any language. */
static size_t fit_text(const struct questionnaire *q, const struct text *t, const char *what,
                       const char *id, int width, size_t rows, struct diags *d, size_t *warned)
{
    size_t most = 0;
    bool option = what[0] == 'o';
    if (!t->by_lang)
        return 0;
    for (size_t lang = 0; lang < q->n_languages; lang++) {
        if (!t->by_lang[lang])
            continue;
        size_t n = wrap_count(t->by_lang[lang], width > 0 ? (size_t)width : 1);
        most = n > most ? n : most;
        if (n > rows) {
            diags_add(d, DIAG_WARNING, q->file, t->loc.line, t->loc.col,
                      "the %s of '%s' (%s) takes %zu lines at %d columns; the question screen "
                      "has room for %zu at %dx%d%s: shorten it%s",
                      what, id, q->languages[lang], n, width, rows, SCREEN_MIN_COLS,
                      SCREEN_MIN_LINES, option ? "" : " and marks the rest as more",
                      rows == QUESTION_TEXT_ROWS && !option ? " or move some to 'help'" : "");
            (*warned)++;
        }
    }
    return most;
}

size_t screen_fit_check(const struct questionnaire *q, struct diags *d)
{
    size_t warned = 0;
    for (size_t i = 0; i < q->n_questions; i++) {
        const struct question *qn = &q->questions[i];
        size_t text = fit_text(q, &qn->text, "text", qn->id, SCREEN_MIN_COLS - QUESTION_TEXT_MARGIN,
                               QUESTION_TEXT_ROWS, d, &warned);
        /* Under the question (at most QUESTION_TEXT_ROWS of it) and a blank line, above the
         * message and key lines: the rows the options scroll through, and which the help
         * shares with them (keeping QUESTION_OPTION_ROWS, and a blank line above it). */
        size_t shown = text < QUESTION_TEXT_ROWS ? text : QUESTION_TEXT_ROWS;
        size_t rows = SCREEN_MIN_LINES - 3 - (5 + shown + 1);
        fit_text(q, &qn->help, "help", qn->id, SCREEN_MIN_COLS - QUESTION_HELP_MARGIN,
                 rows - QUESTION_OPTION_ROWS - 1, d, &warned);
        int indent = qn->type == QTYPE_MULTI ? 9 : 5;
        for (size_t o = 0; o < qn->n_options; o++)
            fit_text(q, &qn->options[o].text, "option text", qn->options[o].value,
                     SCREEN_MIN_COLS - 4 - indent - 2, rows, d, &warned);
    }
    return warned;
}
