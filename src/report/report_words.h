/* report_words.h - the words of the paper report (text and PDF): its labels in the report's
 * language, and answers in words rather than option codes. Private to src/report. */
#ifndef MESOSCREEN_REPORT_WORDS_H
#define MESOSCREEN_REPORT_WORDS_H

#include <stddef.h>

#include "model.h"
#include "rules.h"
#include "walk.h"

/* The label `key`: the questionnaire's own (its `labels:` map) in language lang when it has
 * one, else the English default. Dies on a key the report does not know (a programmer error).
 * Owned by the model or static. */
const char *report_word(const struct questionnaire *q, size_t lang, const char *key);

/* The same for a key built from three parts, e.g. "verdict_" "deferred" "_meaning". */
const char *report_word3(const struct questionnaire *q, size_t lang, const char *a, const char *b,
                         const char *c);

/* Whether a is a real answer to qn (a text answer must not be empty). */
bool report_has_answer(const struct question *qn, const struct answer *a);

/* The answer to qn in words: option texts (several joined by "; "), the number with its unit,
 * the text itself; for a question left out that has a default, "(not answered; counts as)"
 * and the default's words; else "(not answered)". The caller frees it. (A finding's answers
 * in words: because_words.h.) */
char *report_answer_words(const struct questionnaire *q, size_t lang, const struct question *qn,
                          const struct answer *a);

#endif
