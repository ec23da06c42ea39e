/* cond.h - evaluating a resolved condition on a set of answers, and finding the answers
 * that made it hold (the `because` of a finding). */
#ifndef MESOSCREEN_COND_H
#define MESOSCREEN_COND_H

#include <stdbool.h>
#include <stdint.h>

#include "answer.h"
#include "model.h"

/* What a condition is evaluated against. answers and reached have q->n_questions entries.
 * raised (q->n_findings entries) may be NULL when no finding is known yet; eligibility is
 * -1 when not yet known. A leaf that needs what is not known is false. */
struct cond_env {
    const struct questionnaire *q;
    const struct answer *answers;
    const bool *reached;
    const bool *raised;
    int eligibility;
};

/* The option indexes a leaf names (its values, resolved) as a bit set: bit i for
 * option i. 0 for a leaf without option values. */
uint64_t cond_value_mask(const struct cond *c);

/* Evaluates c (NULL holds). q must be resolved (validator_check). A reached question left
 * unanswered reads as its `default` when it has one (but `answered:` stays false). */
bool cond_eval(const struct cond *c, const struct cond_env *env);

/* The answer to question qi as conditions read it: the given answer, or the default of a
 * reached question left unanswered (built in *buf); NULL when neither counts. */
const struct answer *cond_effective_answer(const struct cond_env *env, size_t qi,
                                           struct answer *buf);

/* Whether qi is reached, unanswered and counted as its default. */
bool cond_defaulted(const struct cond_env *env, size_t qi);

/* Why a condition evaluates as it does, per question (q->n_questions marks). */
struct cond_mark {
    bool on;         /* the question's answer counts */
    uint64_t values; /* the option indexes (bits) that count; 0 for a number or a text */
    bool defaulted;  /* the answer was the question's default */
};

/* Marks the answers that made c evaluate as it does: for `all` every item, for `any` the
 * items that hold, for `not` the item's. A leaf that holds marks the values it tested and
 * the answer picks (`in`, `includes`), any other leaf the whole answer. Findings referenced
 * by `finding:` leaves contribute their own marks (their `when` and the `raises` that name
 * them: the raising value), recursively. Marks accumulate (values are or-ed). */
void cond_because(const struct cond *c, const struct cond_env *env, struct cond_mark *marks);

#endif
