/* because_words.c - the answer behind a finding, in words (question text and option text). */
#include "because_words.h"

#include <stdint.h>
#include <stdlib.h>

#include "model.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

/* The raising answer's words: option texts, the number with its unit, or the text. */
static void because_answer_words(struct strbuf *sb, const struct question *qn,
                                 const struct answer *a, size_t lang,
                                 const struct because_words *words)
{
    switch (qn->type) {
    case QTYPE_YESNO:
        if (a->choice >= 0 && a->choice < YESNO_COUNT)
            strbuf_puts(sb, words->yesno[a->choice]);
        break;
    case QTYPE_CHOICE:
        if (a->choice >= 0 && (size_t)a->choice < qn->n_options)
            strbuf_puts(sb, model_text(&qn->options[a->choice].text, lang));
        break;
    case QTYPE_MULTI:
        for (size_t i = 0, n = 0; i < qn->n_options && i < MODEL_MAX_OPTIONS; i++)
            if (a->selected & (UINT64_C(1) << i))
                strbuf_printf(sb, "%s%s", n++ ? "; " : "", model_text(&qn->options[i].text, lang));
        break;
    case QTYPE_NUMBER: {
        const char *unit = qn->unit.by_lang ? model_text(&qn->unit, lang) : "";
        strbuf_printf(sb, "%lld%s%s", a->number, *unit ? " " : "", unit);
        break;
    }
    case QTYPE_TEXT:
        strbuf_puts(sb, a->text ? a->text : "");
        break;
    case QTYPE_COUNT:
        break;
    }
}

char *because_words_render(const struct walk *w, const struct because *b, size_t lang,
                           const struct because_words *words)
{
    const struct question *qn = &walk_questionnaire(w)->questions[b->question];
    struct answer raising;
    rules_because_answer(w, b, &raising);
    struct strbuf sb = STRBUF_INIT;
    strbuf_printf(&sb, "%s \xe2\x80\x94 ", model_text(&qn->text, lang));
    if (b->defaulted)
        strbuf_printf(&sb, "%s ", words->defaulted);
    because_answer_words(&sb, qn, &raising, lang, words);
    char *raw = strbuf_release(&sb, NULL);
    char *safe = utf8_escape_controls(raw, false);
    free(raw);
    return safe;
}
