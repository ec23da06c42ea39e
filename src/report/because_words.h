/* because_words.h - the answer behind a finding in words, for the reports people read:
 * the question's text and the raising option's text in the report's language, never ids. */
#ifndef MESOSCREEN_BECAUSE_WORDS_H
#define MESOSCREEN_BECAUSE_WORDS_H

#include <stddef.h>

#include "rules.h"
#include "walk.h"

/* The words a because line needs besides the questionnaire's own texts (labels the caller
 * looks up in the report's language). */
struct because_words {
    const char *yesno[YESNO_COUNT]; /* "Yes", "No", "Unknown (the patient does not know)" */
    const char *defaulted;          /* "(not answered; counts as)" before a default's words */
};

/* One because entry of walk w in language lang, e.g. "Do you have any of these problems on
 * your scalp right now? — An infection (folliculitis, ...)": the question text, " — ", and
 * only the raising option text(s) (several joined by "; "), the number with its unit or the
 * text; a defaulted entry as `defaulted` followed by the default's words. Control
 * characters in the questionnaire's texts are escaped. The caller frees the result. */
char *because_words_render(const struct walk *w, const struct because *b, size_t lang,
                           const struct because_words *words);

#endif
