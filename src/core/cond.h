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

/* The option indexes a leaf names (its resolved value_index entries) as a bit set: bit i for
 * option i. 0 for a leaf without option values. */
uint64_t cond_value_mask(const struct cond *c);

/* Evaluates c (NULL holds). q must be resolved (validator_check). */
bool cond_eval(const struct cond *c, const struct cond_env *env);

/* Marks in because[question index] (an array of env->q->n_questions flags the caller owns
 * and clears; marks are only ever set) the questions whose answers made c evaluate as it does:
 * for `all` every item, for `any` the items that hold, for `not` the item's questions.
 * Findings referenced by `finding:` leaves contribute their own because, recursively. */
void cond_because(const struct cond *c, const struct cond_env *env, bool *because);

#endif
